"""The tokens a file came with (SPEC 4: a document keeps the tokenization it was imported
with): reading JSONL ``tokens`` (Prodigy's and spaCy's form, or plain strings), and checking a
tokenization against its text before it is stored."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from alama.core.errors import InputError

_SPACE = re.compile(r"\s*")


def read_tokens(
    items: Any, raw: str, text: str, to_clean: Callable[[int], int], where: str
) -> list[tuple[int, int]] | None:
    """A record's own tokens (Prodigy's and spaCy's ``{"text", "start", "end", …}``, or plain
    strings in the order of the text) as (start, end) offsets into the cleaned ``text``; None
    when it has none. Tokens of white space only (spaCy's) are not kept: they are not words,
    and an export writes white space again. Tokens that do not match the text, or leave out
    any of it but white space, are refused."""
    if items is None or items == []:
        return None
    if not isinstance(items, list):
        raise InputError(f'{where}: "tokens" must be a list')
    found: list[tuple[int, int]] = []
    position = 0
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            space = _SPACE.match(raw, position)  # (always: it may match nothing)
            start = space.end() if space else position
            if not item or raw[start : start + len(item)] != item:
                raise InputError(
                    f"{where}: token {number} {item!r} is not the next word of the text "
                    f"(at {start}: {raw[start : start + max(len(item), 1)]!r})"
                )
            end = start + len(item)
        elif isinstance(item, dict):
            first, last, quoted = item.get("start"), item.get("end"), item.get("text")
            if type(first) is not int or type(last) is not int:
                raise InputError(f'{where}: token {number} has no integer "start" and "end"')
            start, end = first, last
            if not position <= start < end <= len(raw):
                raise InputError(
                    f"{where}: token {number} ({start}–{end}) is empty, outside the text "
                    f"(length {len(raw)}) or overlaps the token before it"
                )
            if quoted is not None and quoted != raw[start:end]:
                raise InputError(
                    f"{where}: token {number} says {quoted!r} but the text at {start}–{end} "
                    f"is {raw[start:end]!r}"
                )
        else:
            raise InputError(f"{where}: token {number} is not an object or a string")
        _check_gap(raw, position, start, where)
        position = end
        if not raw[start:end].isspace():
            found.append((start, end))
    _check_gap(raw, position, len(raw), where)
    if len(text) != len(raw):  # cleaning removed a BOM or the CR of CRLF line ends
        found = [(to_clean(start), to_clean(end)) for start, end in found]
        found = [(start, end) for start, end in found if start < end]
    return found


def _check_gap(raw: str, start: int, end: int, where: str) -> None:
    """Refuse text between two tokens that is not white space: the tokens leave it out."""
    if raw[start:end].strip():
        raise InputError(
            f"{where}: the tokens leave out {raw[start:end].strip()[:20]!r} at {start}–{end}; "
            "they must cover every word of the text"
        )


def check_tokens(tokens: Sequence[tuple[int, int]], length: int) -> str | None:
    """What is wrong with a tokenization of a text of ``length`` code points, or None: each
    token (start, end) inside the text, not empty, in order and not overlapping."""
    previous = 0
    for number, (start, end) in enumerate(tokens, 1):
        if not (type(start) is int and type(end) is int):
            return f"token {number} has no integer offsets"
        if not 0 <= start < end <= length:
            return f"token {number} ({start}–{end}) is empty or outside the text (length {length})"
        if start < previous:
            return f"token {number} ({start}–{end}) overlaps or comes before the token before it"
        previous = end
    return None
