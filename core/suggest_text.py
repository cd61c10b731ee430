"""The matching copy: the text suggestions are looked for in, with a map back to the stored text.

It is the search copy of `folding` (camel-tools' alef, alef maksura and teh marbuta folding,
diacritics and tatweel dropped, hamza on waw and yaa folded to the bare letter, Latin lower-cased)
and a little more, because a gazetteer is typed by someone else than the article was:

- compatibility forms are undone (NFKC, one character at a time): presentation forms from a PDF
  ("ﻻ" becomes "لا"), full-width and mathematical Latin, ligatures;
- the Persian keheh and yeh (ک ی), which Arabic news typed on a Persian keyboard carries, become
  ك and ي; Eastern Arabic digits become 0-9;
- every Arabic combining mark is dropped (not only the harakat: also the combining hamza and
  madda that a decomposed أ or آ carries, and the Quranic marks), and so are the invisible marks
  (ZWNJ, ZWJ, direction marks);
- every space (no-break, thin, ideographic) is a plain space and a run of them is one; a line
  break stays a line break, so a name never matches across paragraphs.

Hamza: أ إ آ ٱ become ا, ؤ becomes و, ئ becomes ي (as in search). A name is typed with the hamza
on its carrier as often as without it ("إسرائيل", "اسرائيل"), and the carrier letter is what is
left; the lone hamza ء is a letter of its own ("جزء") and stays.

Every character of the copy comes from one character of the stored text (`MatchText.origin`),
so a match in the copy is a span of the stored text (`MatchText.stored_span`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

import numpy as np
from numpy.typing import NDArray

from alama.core.folding import fold_table
from alama.core.text import INVISIBLE

_BMP = 0x10000
_ARABIC_MARKS = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06DD),
    *range(0x06DF, 0x06E5),
    0x06E7,
    0x06E8,
    *range(0x06EA, 0x06EE),
]
_SPACES = re.compile(" {2,}")
_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"


@dataclass(frozen=True, slots=True)
class MatchText:
    """A text's matching copy and, for each of its characters, the stored offset it came from."""

    text: str
    origin: NDArray[np.int64]
    stored: str

    def stored_span(self, start: int, end: int) -> tuple[int, int]:
        """The stored span of the copy's ``[start, end)`` (not empty): from the character the
        first came from to the one the last came from, with the combining marks after it."""
        first = int(self.origin[start])
        last = int(self.origin[end - 1]) + 1
        stored = self.stored
        while last < len(stored) and unicodedata.category(stored[last])[0] == "M":
            last += 1
        return first, last


@cache
def match_table() -> dict[int, str | None]:
    """The `str.translate` table of the matching copy: `folding.fold_table` and the additions
    above. Every value is one character or None (dropped)."""
    table = dict(fold_table())
    for code in _ARABIC_MARKS:
        table[code] = None
    for ch in INVISIBLE:
        table[ord(ch)] = None
    table[ord("\u06a9")] = "\u0643"  # keheh
    table[ord("\u06cc")] = "\u064a"  # Farsi yeh
    for digit, ascii_digit in zip(_DIGITS + _PERSIAN_DIGITS, "0123456789" * 2, strict=True):
        table[ord(digit)] = ascii_digit
    for code in range(_BMP):
        ch = chr(code)
        if ch.isspace() and ch != "\n" and code not in table:
            table[code] = " "
    return table


@cache
def _arrays() -> tuple[NDArray[np.uint32], NDArray[np.bool_]]:
    """`match_table` over the BMP: what each code point becomes, and whether it is dropped."""
    to = np.arange(_BMP, dtype=np.uint32)
    drops = np.zeros(_BMP, dtype=bool)
    for code, value in match_table().items():
        if value is None:
            drops[code] = True
        else:
            to[code] = ord(value)
    return to, drops


@cache
def character_copy(ch: str) -> str:
    """What one stored character becomes in the matching copy: "" (dropped), itself, another
    character, or several (a compatibility ligature). Runs of spaces are not joined here."""
    return unicodedata.normalize("NFKC", ch).lower().translate(match_table())


def match_text(text: str) -> MatchText:
    """The matching copy of a stored text, with the map back (see the module's docstring)."""
    translated = text.translate(match_table())
    if translated.isascii() or (
        unicodedata.is_normalized("NFKC", translated) and translated.lower() == translated
    ):
        folded, origin = _fast_copy(text)
    else:
        folded, origin = _copy_by_character(text)
    return _join_spaces(folded, origin, text)


def match_key(phrase: str) -> str:
    """The matching copy of a phrase (a gazetteer entry, a learned span's text), without spaces
    at either end: ``match_text(phrase).text.strip()``, one character at a time (faster for a
    short phrase)."""
    return _SPACES.sub(" ", "".join(map(character_copy, phrase))).strip()


def is_word_character(ch: str) -> bool:
    """Whether a character of the copy is part of a word (a letter or digit)."""
    return ch.isalnum()


def _fast_copy(text: str) -> tuple[str, NDArray[np.int64]]:
    """The copy when no character needs more than the table (most Arabic news)."""
    if not text:
        return "", np.zeros(0, dtype=np.int64)
    to, drops = _arrays()
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    low = np.minimum(cp, _BMP - 1)
    in_bmp = cp < _BMP
    kept = ~(drops[low] & in_bmp)
    folded = np.where(in_bmp, to[low], cp)[kept]
    return folded.tobytes().decode("utf-32-le"), np.flatnonzero(kept).astype(np.int64)


def _copy_by_character(text: str) -> tuple[str, NDArray[np.int64]]:
    """The copy one character at a time (`character_copy`), for text with compatibility forms
    or capitals outside ASCII."""
    pieces: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        piece = character_copy(ch)
        if piece:
            pieces.append(piece)
            origin.extend([index] * len(piece))
    return "".join(pieces), np.array(origin, dtype=np.int64)


def _join_spaces(folded: str, origin: NDArray[np.int64], stored: str) -> MatchText:
    """A run of spaces becomes its first space."""
    if "  " not in folded:
        return MatchText(folded, origin, stored)
    chars = np.frombuffer(folded.encode("utf-32-le"), dtype=np.uint32)
    space = chars == ord(" ")
    keep = ~(space & np.concatenate(([False], space[:-1])))
    return MatchText(chars[keep].tobytes().decode("utf-32-le"), origin[keep], stored)
