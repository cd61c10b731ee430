"""The normalized search copy: Arabic folded so that spelling variants find each other.

The folding is built from camel-tools' own normalizers. camel-tools and numpy are imported when
the first text is folded (a search, or documents added to a project): the project file imports
this module, and a command that only reads a project never loads them.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

TATWEEL = "\u0640"
_BMP = 0x10000


def fold_table() -> dict[int, str | None]:
    """The folding as a `str.translate` table: diacritics and tatweel dropped; alef, alef
    maksura, teh marbuta and hamza carriers folded; Latin capitals lower-cased."""
    return _folding().table


def normalize(text: str) -> str:
    """The search copy: no diacritics or tatweel; alef, alef maksura, teh marbuta and hamza
    carriers folded; Latin lower-cased. "أمريكيّ", "امريكي" and "أمريكي" give the same string.

    `fold_table` applied to every code point at once with numpy (every entry is in the BMP):
    the same as ``text.translate(fold_table())``, four times faster on an article, which import
    needs.
    """
    if not text:
        return text
    import numpy as np

    folding = _folding()
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    low = np.minimum(cp, _BMP - 1)
    in_bmp = cp < _BMP
    folded = np.where(in_bmp, folding.to[low], cp)
    return bytes(folded[~(folding.drops[low] & in_bmp)]).decode("utf-32-le")


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The search copy and, for each of its characters, the offset it came from in ``text``."""
    dropped = _folding().dropped
    kept = [i for i, ch in enumerate(text) if ch not in dropped]
    return normalize(text), kept


class _Folding(NamedTuple):
    table: dict[int, str | None]
    dropped: frozenset[str]  # the characters the table removes
    to: NDArray[np.uint32]  # what each code point of the BMP becomes
    drops: NDArray[np.bool_]  # whether it is removed


@cache
def _folding() -> _Folding:
    """One translate table from camel-tools' normalizers (all length-preserving), and the same
    as arrays over the BMP; built once, at the first text folded."""
    import numpy as np
    from camel_tools.utils.charsets import AR_DIAC_CHARSET, AR_LETTERS_CHARSET
    from camel_tools.utils.normalize import (
        normalize_alef_ar,
        normalize_alef_maksura_ar,
        normalize_teh_marbuta_ar,
    )

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
    to = np.arange(_BMP, dtype=np.uint32)
    drops = np.zeros(_BMP, dtype=bool)
    for code, value in table.items():
        if value is None:
            drops[code] = True
        else:
            to[code] = ord(value)
    dropped = frozenset(chr(code) for code, value in table.items() if value is None)
    return _Folding(table, dropped, to, drops)
