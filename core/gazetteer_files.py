"""Reading gazetteers: INCEpTION's `text<TAB>label` files and Prodigy's pattern files.

A problem is refused in one line that names the file and the line (``path:line: what is wrong``),
before anything is suggested.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from alama.core.errors import InputError
from alama.core.json_files import read_objects, read_text_file
from alama.core.suggest import GazetteerEntry
from alama.core.suggest_text import match_key

TOKEN_KEYS = ("lower", "orth", "text")
"""The token attributes a pattern may use: each matches the token's text (the matching copy
ignores case, diacritics and hamza forms whichever is used)."""


def read_gazetteer(path: Path, labels: Collection[str] | None = None) -> list[GazetteerEntry]:
    """The entries of a `text<TAB>label` file (INCEpTION's gazetteer): one a line; blank lines
    and lines starting with ``#`` are skipped. With ``labels``, a label outside them is refused.
    """
    entries = []
    for number, line in enumerate(read_text_file(path).split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}:{number}"
        fields = line.split("\t")
        if len(fields) != 2:
            found = "no tab" if len(fields) == 1 else f"{len(fields) - 1} tabs"
            raise InputError(f"{where}: expected text<TAB>label, found {found}")
        text, label = fields[0].strip(), fields[1].strip()
        entries.append(_entry(text, label, where, labels))
    return entries


def read_patterns(path: Path, labels: Collection[str] | None = None) -> list[GazetteerEntry]:
    """The entries of a Prodigy pattern file (JSONL): ``{"label": ..., "pattern": "a phrase"}``
    or a token pattern of plain tokens, ``[{"lower": ...}, {"orth": ...}, {"text": ...}]``.

    A token pattern is its tokens joined by spaces (a token of punctuation only joins the one
    before it without a space, as spaCy splits "U.S."). Patterns with other attributes or
    operators (``POS``, ``OP``, ``{"IN": [...]}``) are refused: they need a spaCy pipeline.
    """
    entries = []
    for where, record in read_objects(path):
        if not isinstance(record, dict):
            raise InputError(f"{where}: expected a pattern object, found {_kind(record)}")
        label = record.get("label")
        if not isinstance(label, str):
            raise InputError(f'{where}: "label" must be a string, found {_kind(label)}')
        pattern = record.get("pattern")
        if isinstance(pattern, str):
            text = pattern.strip()
        elif isinstance(pattern, list):
            text = _token_phrase(pattern, where)
        else:
            raise InputError(
                f'{where}: "pattern" must be a string or a list of tokens, found {_kind(pattern)}'
            )
        entries.append(_entry(text, label.strip(), where, labels))
    return entries


def _token_phrase(tokens: list[Any], where: str) -> str:
    if not tokens:
        raise InputError(f'{where}: "pattern" is an empty list of tokens')
    words: list[str] = []
    for number, token in enumerate(tokens, 1):
        if not isinstance(token, dict) or len(token) != 1:
            raise InputError(
                f"{where}: token {number} must be one attribute and its text, "
                f'such as {{"lower": "روسيا"}}'
            )
        ((key, value),) = token.items()
        if str(key).lower() not in TOKEN_KEYS:
            raise InputError(
                f"{where}: token {number} uses {key}: only plain tokens "
                '({"lower": ...}, {"orth": ...}, {"text": ...}) can be matched'
            )
        if not isinstance(value, str) or not value.strip():
            raise InputError(
                f"{where}: token {number}: {key} must be the token's text, found {_kind(value)}"
            )
        word = value.strip()
        if words and all(not ch.isalnum() for ch in word):
            words[-1] += word
        else:
            words.append(word)
    return " ".join(words)


def _entry(text: str, label: str, where: str, labels: Collection[str] | None) -> GazetteerEntry:
    if not label:
        raise InputError(f"{where}: the label is empty")
    if labels is not None and label not in labels:
        raise InputError(
            f"{where}: {label!r} is not a label of the project ({', '.join(sorted(labels))})"
        )
    if not text:
        raise InputError(f"{where}: the text is empty")
    if not match_key(text):
        raise InputError(f"{where}: {text!r} has nothing to match once marks are dropped")
    return GazetteerEntry(text, label, where)


def _kind(value: Any) -> str:
    if isinstance(value, str):
        return "an empty string" if not value.strip() else "a string"
    names = {dict: "an object", list: "a list", bool: "true or false", type(None): "null"}
    return names.get(type(value), "a number")
