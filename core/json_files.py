"""Reading the files an import is given: UTF-8 text with a one-line error naming a bad byte's
line, and JSON in every shape the tools write it (JSONL, one pretty-printed object, an array,
records split across lines), with strings checked before anything is stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alama.core.errors import InputError


def read_text_file(path: Path) -> str:
    """Read a file as UTF-8 (a BOM is allowed), with a one-line error naming a bad byte's line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            f"{path}:{line}: not UTF-8 text (byte 0x{data[error.start]:02X}); "
            "save the file as UTF-8 and import it again"
        ) from None


def read_objects(path: Path) -> Iterator[tuple[str, Any]]:
    """Every JSON value of a file with where it starts (``path:line``).

    A file is read as JSON Lines, one line at a time; a file that starts with ``[`` is one JSON
    array, and a file whose first line is not a whole JSON value is read as JSON values one
    after another (the pretty-printed records that doccano writes for relations).
    """
    first_line = _first_line(path)
    first = first_line.lstrip()[:1]
    if first == "[" or (first == "{" and not _is_json(first_line)):
        yield from _read_stream(path, read_text_file(path))
        return
    with path.open("rb") as handle:
        for number, data in enumerate(handle, 1):
            try:
                line = data.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as error:
                raise InputError(
                    f"{path}:{number}: not UTF-8 text (byte 0x{data[error.start]:02X}); "
                    "save the file as UTF-8 and import it again"
                ) from None
            if not line.strip():
                continue
            where = f"{path}:{number}"
            yield where, _loads(line, where)


def _first_line(path: Path) -> str:
    """The first line that is not blank (decoded leniently: only its shape is looked at)."""
    try:
        with path.open("rb") as handle:
            for data in handle:
                line = data.decode("utf-8-sig", errors="replace")
                if line.strip():
                    return line
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read: {error.strerror}") from None
    return ""


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):
        return False
    return True


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
"""How a lone surrogate gets into a JSON string: a ``\\ud800`` escape (UTF-8 cannot hold one)."""


def _loads(line: str, where: str) -> Any:
    """One JSON value, with a one-line error for anything Python's reader refuses."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(f"{where}: malformed JSON: {error.msg} (column {error.colno})") from None
    except ValueError as error:  # an integer of more than 4,300 digits
        raise InputError(f"{where}: malformed JSON: {_too_long(error)}") from None
    except RecursionError:
        raise InputError(f"{where}: malformed JSON: {NESTED}") from None
    if _SURROGATE_ESCAPE.search(line):
        check_unicode(value, where)
    return value


NESTED = "nested too deeply (arrays or objects within each other hundreds of times)"


def _too_long(error: ValueError) -> str:
    if "digits" in str(error):
        return "a number with more than 4,300 digits"
    return str(error).split("\n")[0]


def check_unicode(value: Any, where: str) -> None:
    """Refuse a string, anywhere in a parsed JSON value, that holds a lone surrogate (a
    ``\\ud800`` escape with no partner): it is not text, and nothing can store it."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        place, item = stack.pop()
        if isinstance(item, str):
            _check_string(item, place or "the record", where)
        elif isinstance(item, dict):
            for key, inner in item.items():
                inside = f"{place}.{key}" if place else str(key)
                _check_string(str(key), f"the key {inside!a}", where)
                stack.append((inside, inner))
        elif isinstance(item, list):
            stack.extend((f"{place}[{number}]", inner) for number, inner in enumerate(item))


def _check_string(text: str, place: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        name = place if place.startswith(("the ", '"')) else f'"{place}"'
        raise InputError(
            f"{where}: {name} holds a lone surrogate (\\u{code:04x}) at character "
            f"{error.start}, which is not text; fix the file and import it again"
        ) from None


def _read_stream(path: Path, content: str) -> Iterator[tuple[str, Any]]:
    decoder = json.JSONDecoder()
    position = 0
    surrogates = _SURROGATE_ESCAPE.search(content) is not None
    values: list[tuple[str, Any]] = []
    while True:
        while position < len(content) and content[position] in " \t\r\n":
            position += 1
        if position >= len(content):
            break
        where = f"{path}:{content.count(chr(10), 0, position) + 1}"
        try:
            value, position = decoder.raw_decode(content, position)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{path}:{error.lineno}: malformed JSON: {error.msg} (column {error.colno})"
            ) from None
        except ValueError as error:
            raise InputError(f"{where}: malformed JSON: {_too_long(error)}") from None
        except RecursionError:
            raise InputError(f"{where}: malformed JSON: {NESTED}") from None
        if surrogates:
            check_unicode(value, where)
        values.append((where, value))
    if len(values) == 1 and isinstance(values[0][1], list):
        where = values[0][0]
        yield from ((where, item) for item in values[0][1])
    else:
        yield from values
