"""Annotator names that are probably the same person: "Amal" beside "amal", "أمل" beside "امل".

A layer belongs to a name, so a typo silently starts an empty layer. Before a new name is used,
the window and the command line ask `similar_annotator` whether the project already has a name
that differs from it only by letter case, spaces, Unicode form, diacritics or tatweel, or (for
names of four letters or more) by one letter added, dropped, changed or swapped.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from alama.core.model import GOLD_ANNOTATOR

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
