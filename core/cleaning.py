"""Text as it is stored: the cleaning every imported article gets, its hash and its title.

Stored text is verbatim but for `clean`. Nothing here needs camel-tools or numpy: the project
file uses these to add documents, and a command that only reads a project never loads them.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable

BOM = "\ufeff"
BYTE_ORDER_MARKS = "\ufeff\ufffe"  # the mark, and the mark as read in the wrong byte order
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
    """The first non-blank line, trimmed, as a document title (without the byte-order marks
    a text may start with: a title is for reading, and Qt would misread them)."""
    for line in text.split("\n"):
        line = line.strip().lstrip(BYTE_ORDER_MARKS).strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
    return ""
