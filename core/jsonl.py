"""JSONL in the Prodigy/spaCy shape (SPEC 8): reading records and writing them.

Reading validates everything (JSON, encoding, offsets, span texts) before anything is stored,
and names the file and line of the first problem.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alama.core import text as arabic
from alama.core.errors import InputError

_OWN_META = ("doc_id", "source", "title", "annotator")


@dataclass
class Record:
    """One document with (optionally) one annotator's spans, as read from a file."""

    text: str
    where: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    annotator: str | None = None
    done: bool = True
    doc_id: str | None = None
    source: str = ""
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    duplicates: int = 0

    @property
    def has_layer(self) -> bool:
        """Whether the record says something about an annotator's work on the document."""
        return self.annotator is not None or bool(self.spans)


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


def numbered_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Non-blank lines with their numbers, split on LF only (U+0085 and U+2028 stay in text)."""
    for number, line in enumerate(read_text_file(path).split("\n"), 1):
        if line.strip():
            yield number, line


def read_jsonl(path: Path, annotator: str | None = None) -> Iterator[Record]:
    """Records of a JSONL file; ``annotator`` names the layer when a record does not."""
    for number, line in numbered_lines(path):
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(
                f"{where}: malformed JSON: {error.msg} (column {error.colno})"
            ) from None
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object, found {type(obj).__name__}")
        yield record_from_object(obj, where, annotator)


def record_from_object(obj: dict[str, Any], where: str, annotator: str | None) -> Record:
    """Validate one parsed JSONL object and turn it into a `Record` of cleaned text."""
    raw = obj.get("text")
    if not isinstance(raw, str):
        raise InputError(f'{where}: no "text" string')
    found = obj.get("meta")
    meta: dict[str, Any] = found if isinstance(found, dict) else {}
    text, to_clean = arabic.clean_with_offsets(raw)
    raw_spans = obj.get("spans") or []
    if not isinstance(raw_spans, list):
        raise InputError(f'{where}: "spans" must be a list')
    spans = [_read_span(raw, item, number, where) for number, item in enumerate(raw_spans, 1)]
    named = obj.get("_annotator_id") or meta.get("annotator") or annotator
    if named is not None and not isinstance(named, str):
        raise InputError(f"{where}: the annotator must be a string")
    answer = obj.get("answer")
    unique = sorted({(to_clean(s), to_clean(e), label) for s, e, label in spans})
    return Record(
        text=text,
        where=where,
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=named,
        done=answer in (None, "accept"),
        doc_id=_string_or_none(meta.get("doc_id")),
        source=_string_or_none(meta.get("source")) or where,
        title=_string_or_none(meta.get("title")),
        meta={k: v for k, v in meta.items() if k not in _OWN_META},
    )


def _read_span(raw: str, item: Any, number: int, where: str) -> tuple[int, int, str]:
    if not isinstance(item, dict):
        raise InputError(f"{where}: span {number} is not an object")
    start, end, label = item.get("start"), item.get("end"), item.get("label")
    for name, value in (("start", start), ("end", end)):
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(f'{where}: span {number} has no integer "{name}"')
    assert isinstance(start, int) and isinstance(end, int)
    if not isinstance(label, str) or not label:
        raise InputError(f'{where}: span {number} has no "label"')
    if end < start:
        raise InputError(f"{where}: span {number} ends ({end}) before it starts ({start})")
    if end == start:
        raise InputError(f"{where}: span {number} is empty ({start}–{end})")
    if start < 0 or end > len(raw):
        raise InputError(
            f"{where}: span {number} ({start}–{end}) is outside the text (length {len(raw)})"
        )
    quoted = item.get("text")
    if isinstance(quoted, str) and quoted != raw[start:end]:
        raise InputError(
            f"{where}: span {number} says {quoted!r} but the text at {start}–{end} "
            f"is {raw[start:end]!r}"
        )
    return start, end, label


def _string_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def dumps(record: dict[str, Any]) -> str:
    """One JSONL line: UTF-8 text kept as is (no \\u escapes), no trailing newline."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
