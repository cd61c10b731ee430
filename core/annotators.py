"""Annotator names: what can be one, and which are probably the same person ("Amal" beside
"amal", "أمل" beside "امل").

`check_annotator` refuses a name that could not be told apart from another when shown: empty,
too long, reserved (``@gold``), or holding invisible or look-alike characters.

A layer belongs to a name, so a typo silently starts an empty layer. Before a new name is used,
the window and the command line ask `similar_annotator` whether the project already has a name
that differs from it only by letter case, spaces, Unicode form, diacritics or tatweel, or (for
names of four letters or more) by one letter added, dropped, changed or swapped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from alama.core.errors import InputError
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR

RESERVED_PREFIX = "@"
TATWEEL = "\u0640"
MIN_LETTERS_FOR_TYPOS = 4


def name_key(name: str) -> str:
    """A name as compared for near-duplicates: trimmed, NFKC, case-folded, without diacritics,
    tatweel or repeated spaces (so أمل, امل and اَمَل are one key)."""
    decomposed = unicodedata.normalize("NFKD", name.replace(TATWEEL, ""))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    folded = unicodedata.normalize("NFKC", bare).casefold()
    return " ".join(folded.split())


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours turning ``a`` into ``b``
    (optimal string alignment), counted up to ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        before, row = row, current
    return min(row[-1], limit)


def similar_annotator(name: str, existing: Iterable[str]) -> str | None:
    """The existing annotator ``name`` looks like a typo of, or None.

    None when ``name`` is itself one of ``existing`` (it is that annotator) or nothing is
    close. Names that differ only in case, spaces, Unicode form, diacritics or tatweel come
    first; then, for names of at least four letters, one edit away. The gold layer is never
    offered.
    """
    names = [n for n in existing if n != GOLD_ANNOTATOR]
    if name in names:
        return None
    key = name_key(name)
    if not key:
        return None
    keys = [(n, name_key(n)) for n in names]
    same = [n for n, k in keys if k == key]
    if same:
        return same[0]
    if len(key) < MIN_LETTERS_FOR_TYPOS:
        return None
    close = [n for n, k in keys if len(k) >= MIN_LETTERS_FOR_TYPOS and edit_distance(key, k) == 1]
    return close[0] if close else None


def check_annotator(name: str) -> str:
    """Return the trimmed annotator name, or raise `InputError` if it cannot be one."""
    clean = name.strip()
    if not clean:
        raise InputError("an annotator name cannot be empty")
    if len(clean) > 64:
        raise InputError(
            Message("annotator name %1… is longer than 64 characters", repr(clean[:20]))
        )
    folded = unicodedata.normalize("NFKC", clean)
    if folded.startswith(RESERVED_PREFIX) or any(ord(ch) < 32 for ch in clean):
        raise InputError(Message("%1 cannot be an annotator name", repr(clean)))
    unseen = next((ch for ch in clean if _invisible(ch)), None)
    if unseen is not None:
        raise InputError(
            Message(
                "%1 cannot be an annotator name: it holds an invisible character (%2)",
                repr(clean),
                f"U+{ord(unseen):04X}",
            )
        )
    if folded != unicodedata.normalize("NFC", clean):
        raise InputError(
            Message(
                "%1 cannot be an annotator name: it looks like %2; type that instead",
                repr(clean),
                repr(folded),
            )
        )
    return clean


IGNORABLE = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f\u3164\uffa0"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
"""Characters that show nothing yet are no format characters (Unicode's default ignorables:
the grapheme joiner, Hangul fillers, variation selectors)."""


def _invisible(ch: str) -> bool:
    """A character a reader cannot see in a name: a format or control character (bidi marks,
    zero-width spaces and joiners), a line separator, an unassigned code point, or another
    default ignorable. Such a name would display as another annotator's."""
    kind = unicodedata.category(ch)
    return kind[0] == "C" or kind in ("Zl", "Zp") or ch in IGNORABLE
