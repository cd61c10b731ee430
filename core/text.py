"""Arabic text: cleaning, code-point offsets, tokens, snapping and the normalized search copy.

This is the only module that imports camel-tools. Offsets are Python code-point offsets into the
stored text, end exclusive. Stored text is verbatim but for the cleaning of `clean`; everything
normalized is a derived copy with a map back to the original.
"""

from __future__ import annotations

import hashlib
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

import camel_tools
import numpy as np
import regex
from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE
from camel_tools.utils.charsets import AR_DIAC_CHARSET, AR_LETTERS_CHARSET
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
)
from numpy.typing import NDArray

CAMEL_TOOLS_VERSION = str(camel_tools.__version__)

TATWEEL = "\u0640"
BOM = "\ufeff"
# Characters a span never starts or ends with: they are invisible or direction controls.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_GRAPHEME = regex.compile(r"\X")
_LINE_BREAKS = str.maketrans({"\r": "\n", "\u2028": "\n", "\u2029": "\n"})


def clean(raw: str) -> str:
    """Return the text as stored: a leading BOM removed, CRLF, CR, U+2028 and U+2029 as LF."""
    return clean_with_offsets(raw)[0]


def clean_with_offsets(raw: str) -> tuple[str, Callable[[int], int]]:
    """Clean ``raw`` and return a function mapping offsets in ``raw`` to offsets in the result.

    Only two things remove characters: a leading BOM and the CR of each CRLF pair; every other
    line separator becomes one LF, so offsets elsewhere shift by the count of removed characters.
    """
    if not raw.startswith(BOM) and not any(ch in raw for ch in "\r\u2028\u2029"):
        return raw, _unchanged
    removed: list[int] = []
    if raw.startswith(BOM):
        removed.append(0)
    position = raw.find("\r\n")
    while position != -1:
        removed.append(position)
        position = raw.find("\r\n", position + 2)
    text = raw
    if removed:
        keep = set(removed)
        text = "".join(ch for i, ch in enumerate(raw) if i not in keep)
    text = text.translate(_LINE_BREAKS)

    def to_clean(offset: int) -> int:
        return offset - bisect_left(removed, offset)

    return text, to_clean


def _unchanged(offset: int) -> int:
    return offset


def content_hash(text: str) -> str:
    """The SHA-256 of the stored text: the same article is recognised across project copies."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str, limit: int = 120) -> str:
    """The first non-blank line, trimmed, as a document title."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""


def white_space(text: str) -> NDArray[np.bool_]:
    """For each code point of ``text``, whether it is white space (``str.isspace``)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return _SPACE[np.minimum(cp, _SPACE_LIMIT)]


def tokenize(text: str) -> list[tuple[int, int]]:
    """Tokens as ``(start, end)`` code-point offsets: camel-tools' simple word tokenizer.

    See `token_bounds`, which gives the same as two arrays.
    """
    starts, ends = token_bounds(text)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def token_bounds(text: str) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Token starts and ends as arrays: camel-tools' simple word tokenizer.

    The same tokens as `camel_tools.tokenizers.word.simple_word_tokenize` (a test holds the two
    together on random text with every kind of emoji sequence), computed with numpy over the
    whole text instead of character by character in Python: about four times faster, which
    export and agreement over 10,000 documents need.

    camel-tools splits each white-space-separated word before every punctuation mark, symbol or
    emoji sequence of its list. A character that cannot start such a sequence never splits; one
    that is the whole sequence on its own (most punctuation) splits without a regex; only the
    few that may start a longer sequence (emoji with modifiers, flags, keycaps) go through
    camel-tools' own regex.
    """
    if not text:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    space = _SPACE[np.minimum(cp, _SPACE_LIMIT)]
    edges = np.diff(np.concatenate(([True], space, [True])).view(np.int8))
    starts = np.flatnonzero(edges == -1)
    ends = np.flatnonzero(edges == 1)
    first = _CAN_START[cp]
    following = np.concatenate((cp[1:], [_NONE]))
    simple = first & ~_REGIONAL[cp] & ~_EXTENDS[following]
    cut_start = np.flatnonzero(simple & _ALONE[cp])
    cut_end = cut_start + 1
    hard = np.flatnonzero(first & ~simple)
    if len(hard):
        word_ends = ends[np.searchsorted(starts, hard, side="right") - 1]
        covered_to = -1
        extra: list[tuple[int, int]] = []
        covered: list[tuple[int, int]] = []
        for position, word_end in zip(hard.tolist(), word_ends.tolist(), strict=True):
            if position < covered_to:
                continue
            match = _SYMBOLS_RE.match(text, position, word_end)
            if match is not None and match[0] in _SYMBOLS_ALL:
                extra.append((position, match.end()))
                if match.end() - position > 1:
                    covered.append((position, match.end()))
                    covered_to = match.end()
        keep = np.ones(len(cut_start), dtype=bool)
        for begin, end in covered:
            keep &= ~((cut_start > begin) & (cut_start < end))
        cut_start = np.concatenate((cut_start[keep], [b for b, _ in extra])).astype(np.int64)
        cut_end = np.concatenate((cut_end[keep], [e for _, e in extra])).astype(np.int64)
    bounds = np.unique(np.concatenate((starts, ends, cut_start, cut_end)))
    left, right = bounds[:-1], bounds[1:]
    inside = ~space[left]
    return left[inside].astype(np.int64), right[inside].astype(np.int64)


def _tables() -> tuple[NDArray[np.bool_], ...]:
    """Lookup tables by code point for `tokenize`."""
    size = _NONE + 1
    can_start = np.zeros(size, dtype=bool)
    can_start[[ord(symbol[0]) for symbol in _SYMBOLS_ALL]] = True
    alone = np.zeros(size, dtype=bool)
    alone[[ord(symbol) for symbol in _SYMBOLS_ALL if len(symbol) == 1]] = True
    extends = np.zeros(size, dtype=bool)  # what continues an emoji sequence: VS16, keycap,
    for low, high in ((0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x200D, 0x200D),  # ZWJ, skin tones,
                      (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F)):  # tag letters  # fmt: skip
        extends[low : high + 1] = True
    regional = np.zeros(size, dtype=bool)
    regional[0x1F1E6 : 0x1F1FF + 1] = True  # flags are pairs of regional indicators
    space = np.array([chr(i).isspace() for i in range(_SPACE_LIMIT)] + [False], dtype=bool)
    return can_start, alone, extends, regional, space


_NONE = 0x110000  # past the last code point: "no next character"
_SPACE_LIMIT = 0x3001  # no white space above U+3000
_CAN_START, _ALONE, _EXTENDS, _REGIONAL, _SPACE = _tables()


def is_trimmed(ch: str) -> bool:
    """True for characters a span must not start or end with: whitespace and invisible marks."""
    return ch.isspace() or ch in INVISIBLE


def _is_punctuation(piece: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") or is_trimmed(ch) for ch in piece)


def is_edge_mark(cluster: str) -> bool:
    """True for a grapheme cluster a span never starts or ends with: blank (whitespace and
    invisible marks only), or punctuation with nothing but marks on it — quotes of every kind
    (" ' « » “ ” „ ‹ › ‘ ’), brackets, dashes and the Arabic ، ؛ ؟ ٪ with the Latin . : ! %.

    A letter, digit or symbol anywhere in the cluster keeps it; so does a lone combining mark.
    """
    punctuation = False
    for ch in cluster:
        category = unicodedata.category(ch)
        if category[0] == "P":
            punctuation = True
        elif not (is_trimmed(ch) or category[0] == "M"):
            return False
    return punctuation or all(is_trimmed(ch) for ch in cluster)


@dataclass
class TextIndex:
    """A document's text with its tokens and grapheme boundaries, computed once and kept.

    The GUI keeps one per open document; export and agreement build one per document.
    """

    text: str

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """The document's tokens, see `tokenize`."""
        return tokenize(self.text)

    @cached_property
    def token_edges(self) -> tuple[frozenset[int], frozenset[int]]:
        """The offsets where tokens start, and where they end."""
        return frozenset(self.token_starts), frozenset(self.token_ends)

    @cached_property
    def token_starts(self) -> list[int]:
        """Where each token starts, in order."""
        return [start for start, _ in self.tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        """Where each token ends, in order."""
        return [end for _, end in self.tokens]

    @cached_property
    def _clusters(self) -> list[int]:
        """Start offsets of every grapheme cluster, plus the end of the text."""
        starts = [m.start() for m in _GRAPHEME.finditer(self.text)]
        starts.append(len(self.text))
        return starts

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices of the first and last token that overlap ``[start, end)`` (inclusive)."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end) - 1
        if first > last:
            return None
        return first, last

    def cluster_floor(self, offset: int) -> int:
        """The start of the grapheme cluster that contains ``offset``."""
        return self._clusters[bisect_right(self._clusters, offset) - 1]

    def cluster_ceil(self, offset: int) -> int:
        """The first cluster boundary at or after ``offset``."""
        return self._clusters[bisect_left(self._clusters, offset)]

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Move the ends inward past whitespace and invisible marks."""
        text = self.text
        while start < end and is_trimmed(text[start]):
            start += 1
        while end > start and is_trimmed(text[end - 1]):
            end -= 1
        return start, end

    def settle(self, start: int, end: int) -> tuple[int, int]:
        """Align both ends to grapheme clusters, then drop whole clusters at either end that are
        whitespace, invisible marks, quotes or punctuation (`is_edge_mark`): the same at both
        ends, so a quote is never kept on one side and dropped on the other. A joiner that
        extends a letter (ZWNJ after alef) belongs to the letter's cluster and stays."""
        clusters = self._clusters
        start, end = self.cluster_floor(start), self.cluster_ceil(end)
        while start < end:
            nxt = clusters[bisect_right(clusters, start)]
            if not is_edge_mark(self.text[start:nxt]):
                break
            start = nxt
        while end > start:
            prev = self.cluster_floor(end - 1)
            if not is_edge_mark(self.text[prev:end]):
                break
            end = prev
        return start, end

    def snap(self, start: int, end: int, exact: bool = False) -> tuple[int, int] | None:
        """Turn a raw selection into a valid span, or None if nothing is left of it.

        Both ends are trimmed of whitespace and invisible marks. By default the selection grows to
        the tokens it touches and loses punctuation tokens at its edges (a double-click's Arabic
        comma, the quote marks around a claim); with ``exact`` (Alt held in the GUI) it keeps the
        characters chosen, for a proclitic such as و or ب. Either way it never splits a letter
        from its combining marks, and never starts or ends with a quote or punctuation mark:
        ``"مايك``, ``«سوريا»`` and ``الأميركي"`` lose their quotes on both sides alike. A
        selection of punctuation only gives None.
        """
        start, end = sorted((max(0, min(start, len(self.text))), max(0, min(end, len(self.text)))))
        start, end = self.trim(start, end)
        if start >= end:
            return None
        if not exact:
            grown = self._grow_to_tokens(start, end)
            if grown is None:
                return None
            start, end = grown
        start, end = self.settle(start, end)
        return (start, end) if start < end else None

    def _grow_to_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        touched = self.token_range(start, end)
        if touched is None:
            return start, end
        first, last = touched
        words = [
            i
            for i in range(first, last + 1)
            if not _is_punctuation(self.text[slice(*self.tokens[i])])
        ]
        if words:
            first, last = words[0], words[-1]
            return self.tokens[first][0], self.tokens[last][1]
        return None

    def is_word(self, token: int) -> bool:
        """Whether the token at this index holds more than punctuation (a word, number, emoji)."""
        return not _is_punctuation(self.text[slice(*self.tokens[token])])

    def word_step(self, offset: int, forward: bool) -> int:
        """Where a keyboard word move from ``offset`` lands: the end of the next word, or the
        start of the previous one, stepping over quotes and punctuation as over spaces. From
        inside a word it goes to that word's own end (or start). Without a word that way, the
        offset stays where it is."""
        if forward:
            index = bisect_right(self.token_ends, offset)
            while index < len(self.tokens) and not self.is_word(index):
                index += 1
            return self.tokens[index][1] if index < len(self.tokens) else offset
        index = bisect_left(self.token_starts, offset) - 1
        while index >= 0 and not self.is_word(index):
            index -= 1
        return self.tokens[index][0] if index >= 0 else offset

    def grow(self, start: int, end: int, side: str, by_token: bool) -> tuple[int, int]:
        """Move one end of a span outward by a word or a character; ``side`` is start or end.

        A word step passes over quotes and punctuation to the next word; a character step passes
        over them to the next letter, and stops at a space. The span never ends on a quote.
        """
        if side == "start":
            if by_token:
                start = min(start, self.word_step(start, forward=False))
            else:
                position = start
                while position > 0:
                    position = self.cluster_floor(position - 1)
                    cluster = self.text[position : self.cluster_ceil(position + 1)]
                    if not is_edge_mark(cluster):
                        start = position
                        break
                    if all(is_trimmed(ch) for ch in cluster):
                        break  # blank: the word ends here
            start = self.settle(start, end)[0]
        else:
            if by_token:
                end = max(end, self.word_step(end, forward=True))
            else:
                position = end
                while position < len(self.text):
                    following = self.cluster_ceil(position + 1)
                    cluster = self.text[position:following]
                    if not is_edge_mark(cluster):
                        end = following
                        break
                    if all(is_trimmed(ch) for ch in cluster):
                        break
                    position = following
            end = self.settle(start, end)[1]
        return start, end

    def shrink(self, start: int, end: int, side: str, by_token: bool) -> tuple[int, int]:
        """Move one end of a span inward; a span never shrinks below one cluster."""
        if side == "start":
            if by_token:
                nxt = bisect_right(self.token_starts, start)
                new = self.tokens[nxt][0] if nxt < len(self.tokens) else end
            else:
                new = self.cluster_ceil(start + 1)
            if new < end:
                start = self.settle(new, end)[0]
        else:
            if by_token:
                prev = bisect_left(self.token_ends, end) - 1
                new = self.tokens[prev][1] if prev >= 0 else start
            else:
                new = self.cluster_floor(end - 1)
            if new > start:
                end = self.settle(start, new)[1]
        return start, end


# --- The normalized search copy -------------------------------------------------------------


def _fold_table() -> dict[int, str | None]:
    """Build one translate table from camel-tools' own normalizers (all length-preserving)."""
    table: dict[int, str | None] = {ord(ch): None for ch in AR_DIAC_CHARSET}
    table[ord(TATWEEL)] = None
    for ch in AR_LETTERS_CHARSET:
        folded = normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(ch)))
        if folded != ch:
            table[ord(ch)] = folded
    # Hamza on waw and yaa: typed without the hamza as often as with it.
    table[ord("\u0624")] = "\u0648"
    table[ord("\u0626")] = "\u064a"
    for code in range(ord("A"), ord("Z") + 1):
        table[code] = chr(code + 32)
    return table


_FOLD = _fold_table()
_DROPPED = frozenset(chr(code) for code, value in _FOLD.items() if value is None)
_BMP = 0x10000
_FOLD_TO = np.arange(_BMP, dtype=np.uint32)
_FOLD_DROPS = np.zeros(_BMP, dtype=bool)
for _code, _value in _FOLD.items():
    if _value is None:
        _FOLD_DROPS[_code] = True
    else:
        _FOLD_TO[_code] = ord(_value)


def normalize(text: str) -> str:
    """The search copy: no diacritics or tatweel; alef, alef maksura, teh marbuta and hamza
    carriers folded; Latin lower-cased. "أمريكيّ", "امريكي" and "أمريكي" give the same string.

    `_FOLD` applied to every code point at once with numpy (every entry is in the BMP): the
    same as ``text.translate(_FOLD)``, four times faster on an article, which import needs.
    """
    if not text:
        return text
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    low = np.minimum(cp, _BMP - 1)
    in_bmp = cp < _BMP
    folded = np.where(in_bmp, _FOLD_TO[low], cp)
    return bytes(folded[~(_FOLD_DROPS[low] & in_bmp)]).decode("utf-32-le")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The search copy and, for each of its characters, the offset it came from in ``text``."""
    kept = [i for i, ch in enumerate(text) if ch not in _DROPPED]
    return normalize(text), kept


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every place ``query`` occurs in ``text`` ignoring diacritics, tatweel and hamza forms.

    Matches are returned as spans of the original text, grown to whole grapheme clusters so that
    a match keeps the marks of its last letter.
    """
    needle = normalize(query).strip()
    if not needle:
        return []
    haystack, origin = normalize_with_map(text)
    index = TextIndex(text)
    found = []
    position = haystack.find(needle)
    while position != -1:
        start = origin[position]
        end = origin[position + len(needle) - 1] + 1
        found.append((index.cluster_floor(start), index.cluster_ceil(end)))
        position = haystack.find(needle, position + 1)
    return found
