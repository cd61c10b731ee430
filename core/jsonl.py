"""JSON records of annotated text (SPEC 8): Prodigy/spaCy JSONL, doccano, and their cousins.

Reading validates everything (JSON, encoding, offsets, span texts) before anything is stored,
and names the file and line of the first problem.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alama.core import text as arabic
from alama.core.errors import InputError
from alama.core.file_tokens import read_tokens
from alama.core.json_files import read_objects
from alama.core.offsets import SpanCheck
from alama.core.relation_files import Key, Link, doccano_links, prodigy_links

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
    answered: bool = False
    classification: bool = False
    relations: int = 0
    """Relations the file holds that are not read (a WebAnno relation layer), counted."""
    links: list[Link] = field(default_factory=list)
    """The relations read, between spans of ``spans`` (a link's spans are among them)."""
    tokens: list[tuple[int, int]] | None = None
    """The tokenization the file came with, as (start, end) code-point offsets into ``text``;
    None when the file has none (plain text): the project tokenizes it with camel-tools."""

    @property
    def has_layer(self) -> bool:
        """Whether the record says something about an annotator's work on the document.

        A text-classification answer does not: Alama keeps the text and reports the answer."""
        if self.classification:
            return False
        return self.annotator is not None or bool(self.spans) or self.answered


def read_jsonl(
    path: Path,
    annotator: str | None = None,
    *,
    offsets: str | None = None,
    notes: dict[str, int] | None = None,
) -> Iterator[Record]:
    """Records of a JSONL file; ``annotator`` names the layer when a record does not, and
    ``offsets`` the unit its spans count (`alama.core.offsets`; code points by default)."""
    for where, obj in read_objects(path):
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object, found {type(obj).__name__}")
        yield record_from_object(obj, where, annotator, offsets=offsets, notes=notes)


# Names other tools give the same things: Prodigy/spaCy first, then doccano (its 1.x "data",
# its import example's "column_data"), then IDRISI's location mentions.
TEXT_KEYS = ("text", "data", "column_data")
START_KEYS = ("start", "start_offset", "startIdx", "start_char")
END_KEYS = ("end", "end_offset", "endIdx", "end_char")
LABEL_KEYS = ("label", "type", "tag")
SPAN_LIST_KEYS = ("spans", "entities", "location_mentions")
TRIPLE_LIST_KEYS = ("label", "labels", "column_label")
ANNOTATOR_KEYS = ("_annotator_id", "annotator", "user")
# Keys a record may carry that say nothing about the document or are recomputed on export.
_IGNORED = frozenset({"tokens", "answer", "status", "meta", "id", "doc_id", "relations"})


def record_from_object(
    obj: dict[str, Any],
    where: str,
    annotator: str | None,
    *,
    offsets: str | None = None,
    notes: dict[str, int] | None = None,
) -> Record:
    """Validate one parsed JSON object and turn it into a `Record` of cleaned text.

    Reads Prodigy's and spaCy's ``spans``, doccano's ``label`` triples and ``entities``,
    and IDRISI's ``location_mentions``; offsets are code points, as Python counts them.
    """
    text_key = next((key for key in TEXT_KEYS if key in obj), "text")
    raw = obj.get(text_key)
    if not isinstance(raw, str):
        if isinstance(obj.get("data"), dict):  # Label Studio's task: the text is in "data"
            raise InputError(f"{where}: this is a Label Studio task; use --format labelstudio")
        raise InputError(f'{where}: no "text" string')
    found = obj.get("meta")
    meta: dict[str, Any] = dict(found) if isinstance(found, dict) else {}
    text, to_clean = arabic.clean_with_offsets(raw)
    check = SpanCheck(raw, where, offsets, obj.get("tokens"), notes)
    if check.converts and "tokens" in obj:
        obj = {**obj, "tokens": check.tokens}  # the record's own tokens, in code points too
    spans, used, classification = _read_spans(obj, raw, where, check)
    named = next((obj[key] for key in ANNOTATOR_KEYS if obj.get(key) is not None), None)
    named = named if named is not None else meta.get("annotator", annotator)
    if isinstance(named, int) and not isinstance(named, bool):
        named = str(named)
    if named is not None and not isinstance(named, str):
        raise InputError(f"{where}: the annotator must be a string")
    answer = obj.get("answer")
    status = obj.get("status")
    links: list[Link] = []
    if obj.get("relations") is not None:
        links = _read_links(obj, used, raw, spans, where, check)
    if len(text) == len(raw):  # cleaning removed nothing, so no offset moved
        unique = sorted(set(spans))
    else:
        unique = sorted(set(cleaned_spans(spans, to_clean, where)))
        links = [link.moved(to_clean) for link in links]
    consumed = {text_key, used, *ANNOTATOR_KEYS, *_IGNORED}
    extra = {
        key: value for key, value in obj.items() if key not in consumed and not key.startswith("_")
    }
    doc_id = meta.get("doc_id", obj.get("doc_id", obj.get("id")))
    return Record(
        text=text,
        where=where,
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=named,
        done=answer in (None, "accept") and status in (None, "done"),
        answered=answer is not None or status is not None,
        classification=classification,
        links=links,
        doc_id=_string_or_none(doc_id),
        source=_string_or_none(meta.get("source")) or where,
        title=_string_or_none(meta.get("title")),
        meta={**extra, **{k: v for k, v in meta.items() if k not in _OWN_META}},
        tokens=read_tokens(obj.get("tokens"), raw, text, to_clean, where),
    )


def _read_links(
    obj: dict[str, Any],
    used: str,
    raw: str,
    spans: list[tuple[int, int, str]],
    where: str,
    check: SpanCheck,
) -> list[Link]:
    """The relations of a record: doccano's (``from_id``, ``to_id`` naming ``entities``) or
    Prodigy's (``head_span``, ``child_span``); a span only a relation names joins ``spans``."""
    items = obj["relations"]
    if isinstance(items, list) and any(isinstance(i, dict) and "from_id" in i for i in items):
        listed = obj.get(used)
        if used != "entities" or not isinstance(listed, list):
            raise InputError(f'{where}: relations with "from_id" need "entities" with ids')
        entities: dict[Any, Key] = {}
        for item, key in zip(listed, spans, strict=True):
            if isinstance(item, dict) and "id" in item and not isinstance(item["id"], bool):
                entities.setdefault(item["id"], key)
        return doccano_links(items, where, entities)

    def read_span(item: Any, name: str) -> Key:
        return _read_span(raw, item, len(spans) + 1, f"{where} ({name})", check)

    return prodigy_links(items, where, read_span, spans, obj.get("tokens"))


def cleaned_spans(
    spans: list[tuple[int, int, str]], to_clean: Callable[[int], int], where: str
) -> list[tuple[int, int, str]]:
    """Spans moved into the cleaned text; refuse one that held only what cleaning removes."""
    moved = [(to_clean(start), to_clean(end), label) for start, end, label in spans]
    for number, ((start, end, _), (first, last, _)) in enumerate(zip(spans, moved, strict=True)):
        if first >= last:
            raise InputError(
                f"{where}: span {number + 1} ({start}–{end}) holds only characters Alama "
                "removes from a text (a byte order mark, or the CR of a CRLF line end)"
            )
    return moved


def _read_spans(
    obj: dict[str, Any], raw: str, where: str, check: SpanCheck | None = None
) -> tuple[list[tuple[int, int, str]], str, bool]:
    """The spans of a record, the key they were under, and whether it is a classification."""
    for key in SPAN_LIST_KEYS:
        items = obj.get(key)
        if items is None:
            continue
        if not isinstance(items, list):
            raise InputError(f'{where}: "{key}" must be a list')
        if check is not None:
            check.quoted_in(items, START_KEYS, END_KEYS)
        return (
            (None if check is not None and check.converts else _fast_spans(raw, items))
            or [_read_span(raw, item, n, where, check) for n, item in enumerate(items, 1)],
            key,
            False,
        )
    for key in TRIPLE_LIST_KEYS:
        items = obj.get(key)
        if items is None:
            continue
        if isinstance(items, str) or (
            isinstance(items, list) and all(isinstance(item, str) for item in items) and items
        ):
            return [], key, True  # a text-classification answer (Prodigy, doccano), not spans
        if not isinstance(items, list):
            raise InputError(f'{where}: "{key}" must be a list of [start, end, label]')
        spans = [_read_triple(raw, item, n, where, check) for n, item in enumerate(items, 1)]
        return spans, key, False
    return [], "spans", False


def _well_formed(raw: str, start: Any, end: Any, label: Any, quoted: Any) -> bool:
    """Whether a span needs no further look: integer offsets inside the text, a label, and a
    quoted text (if any) that matches."""
    return (
        type(start) is int
        and type(end) is int
        and type(label) is str
        and bool(label)
        and 0 <= start < end <= len(raw)
        and (quoted is None or quoted == raw[start:end])
    )


def _fast_spans(raw: str, items: list[Any]) -> list[tuple[int, int, str]] | None:
    """The spans of a list of well-formed Prodigy spans read in one pass, or None if any item
    is not one (`_read_span` then reads each item and names the first bad one)."""
    try:
        spans = [(item["start"], item["end"], item["label"], item.get("text")) for item in items]
    except (KeyError, TypeError, AttributeError):
        return None
    if not all(_well_formed(raw, *span) for span in spans):
        return None
    return [(start, end, label) for start, end, label, _ in spans]


def _read_triple(
    raw: str, item: Any, number: int, where: str, check: SpanCheck | None = None
) -> tuple[int, int, str]:
    if not isinstance(item, list) or len(item) != 3:
        raise InputError(f"{where}: label {number} is not [start, end, label]")
    start, end, label = item
    return _check_span(raw, start, end, label, None, number, where, check)


def _read_span(
    raw: str, item: Any, number: int, where: str, check: SpanCheck | None = None
) -> tuple[int, int, str]:
    if not isinstance(item, dict):
        raise InputError(f"{where}: span {number} is not an object")
    if "start" in item and "end" in item and "label" in item:  # Prodigy's names, the usual case
        start, end, label = item["start"], item["end"], item["label"]
    else:
        start = next((item[key] for key in START_KEYS if key in item), None)
        end = next((item[key] for key in END_KEYS if key in item), None)
        label = next((item[key] for key in LABEL_KEYS if key in item), None)
    return _check_span(raw, start, end, label, item.get("text"), number, where, check)


def _check_span(
    raw: str,
    start: Any,
    end: Any,
    label: Any,
    quoted: Any,
    number: int,
    where: str,
    check: SpanCheck | None = None,
) -> tuple[int, int, str]:
    given = start, end
    if check is not None and check.converts and _ordered(start, end):
        start, end = check.convert(start, end, number)
    if _well_formed(raw, start, end, label, quoted):
        return start, end, label  # the usual case, checked at once
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
            + (check.other_unit_hint() if check is not None else "")
        )
    if isinstance(quoted, str) and quoted != raw[start:end] and check is not None:
        check.mismatch(given, start, end, quoted, number)
    elif isinstance(quoted, str) and quoted != raw[start:end]:
        raise InputError(
            f"{where}: span {number} says {quoted!r} but the text at {start}–{end} "
            f"is {raw[start:end]!r}"
        )
    return start, end, label


def _ordered(start: Any, end: Any) -> bool:
    return type(start) is int and type(end) is int and 0 <= start < end


def _string_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def dumps(record: dict[str, Any] | list[Any]) -> str:
    """One JSONL line (or a part of one): UTF-8 text kept as is (no \\u escapes), no trailing
    newline."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))
