"""WebAnno TSV 3's escaping, both ways, as INCEpTION's ``Escaping`` does it: of the text on
``#Text=`` lines, and of feature values in cells (where ``|`` stacks values and ``[1]`` is an
annotation's ID)."""

from __future__ import annotations

import re
from functools import cache

_VALUE_ESCAPES = {"\\": "\\", "[": "[", "]": "]", "|": "|", "_": "_", ";": ";", "t": "\t",
                  "n": "\n", "*": "*"}  # fmt: skip
_TEXT_ESCAPES = {"t": "\t", "n": "\n", "f": "\f", "r": "\r", "b": "\b", "\\": "\\"}
_TEXT = {"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b", "\\": "\\\\"}
_TEXT.update({chr(i): "\\" + chr(i) for i in range(32) if not 7 < i < 14})
_VALUE = {"\\": "\\\\", "[": "\\[", "]": "\\]", "|": "\\|", "_": "\\_", ";": "\\;",
          "\t": "\\t", "\n": "\\n", "*": "\\*"}  # fmt: skip


_TEXT_TABLE = str.maketrans(_TEXT)
_VALUE_TABLE = str.maketrans(_VALUE)


def escape_text(text: str) -> str:
    """A line of text as ``#Text=`` holds it (``Escaping.escapeText``)."""
    return text.translate(_TEXT_TABLE)


@cache
def escape_value(value: str) -> str:
    """A feature value as a cell holds it (``Escaping.escapeValue``; ``->`` as ``\\->``)."""
    return value.translate(_VALUE_TABLE).replace("->", "\\->")


def split_escaped(value: str, separator: str) -> list[str]:
    """``value`` split at each ``separator`` that no backslash escapes (escapes kept)."""
    if "\\" not in value:
        return value.split(separator)
    parts, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    parts.append("".join(current))
    return parts


def unescape_value(value: str) -> str:
    """A feature value as written (``Escaping.unescapeValue``): ``\\|`` is ``|``, ``\\->`` is
    ``->`` and so on; a backslash before anything else is kept."""
    if "\\" not in value:
        return value
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and value.startswith("->", i + 1):
            out.append("->")
            i += 3
        elif ch == "\\" and i + 1 < len(value) and value[i + 1] in _VALUE_ESCAPES:
            out.append(_VALUE_ESCAPES[value[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def unescape_text(value: str, minor: int) -> str:
    """A ``#Text=`` line as the text it stands for (``Escaping.unescapeText``)."""
    if "\\" not in value:
        return value
    out, i = [], 0
    while i < len(value):
        ch = value[i]
        nxt = value[i + 1] if i + 1 < len(value) else ""
        if ch == "\\" and nxt in _TEXT_ESCAPES:
            out.append(_TEXT_ESCAPES[nxt])
            i += 2
        elif ch == "\\" and nxt and (ord(nxt) < 8 or 13 < ord(nxt) < 32):
            out.append(nxt)
            i += 2
        elif ch == "\\" and minor <= 1 and re.match(r"u[0-9a-fA-F]{4}", value[i + 1 : i + 6]):
            out.append(chr(int(value[i + 2 : i + 6], 16)))  # 3.0 and 3.1 wrote Java escapes
            i += 6
        elif ch == "\\" and minor <= 1 and nxt in "'\"":
            out.append(nxt)
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)
