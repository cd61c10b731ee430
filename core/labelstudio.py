"""Label Studio's JSON export (and JSON-MIN) read as records (`labelstudio_export` writes it).

A Label Studio task holds its text under ``data`` and a list of ``annotations`` (one per user)
and ``predictions`` (one per model version), each with a ``result`` list; a labelled span is a
result of type ``labels`` with ``value.start``/``end``/``text``/``labels``. An annotation becomes
its annotator's layer (named from ``completed_by``: the user part of the e-mail, or ``ls-<id>``),
a prediction a layer named after its model, not marked done; other results are counted and
skipped, as are a user's earlier annotations of a task and a draft beside their annotation. A
task without ``data`` is its data, as Label Studio reads it.

Label Studio counted offsets in UTF-16 code units before its frontend was fixed to count
code points (label-studio issue 1347, label-studio-frontend pull request 308): the unit of a file
is the one in which every span's ``value.text`` is the text at its offsets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alama.core import offsets as units
from alama.core.cleaning import clean_with_offsets
from alama.core.detect import looks_like_labelstudio as looks_like_labelstudio
from alama.core.errors import InputError
from alama.core.json_files import read_objects
from alama.core.jsonl import Record, cleaned_spans
from alama.core.messages import Message

FORMAT = "Label Studio"
CANCELLED = "cancelled (skipped) Label Studio annotation"
OTHER_RESULT = "Label Studio %1 result (not a labelled span)"
OTHER_OBJECT = "Label Studio span on another text of the task (%1)"
PREDICTION = "prediction"
EARLIER = "earlier Label Studio annotation of the task by the same user (the last one is read)"
DRAFT = "Label Studio draft of a user who also has an annotation (or a later draft) of the task"
SPAN_TYPES = ("labels",)
OWN_META = ("doc_id", "source", "title")
_WRITTEN_USER = re.compile(r"(?:^|\s)([^\s@]+)@\S*, \d+\s*$")
"""Label Studio's ``created_username``: first and last name, e-mail, a comma and the id."""
_LINK = re.compile(r"(?:[a-z][a-z0-9+.-]*://|/data/)\S*\Z", re.IGNORECASE)  # a file, not a text


@dataclass
class _Layer:
    """One annotation, draft or prediction of a task: whose, whether done, its results."""

    name: str | None
    done: bool
    results: list[Any]
    where: str
    kind: str = "annotations"


@dataclass
class _Task:
    where: str
    text: str
    meta: dict[str, Any]
    doc_id: str | None
    source: str
    title: str | None
    layers: list[_Layer] = field(default_factory=list)
    spans: list[list[tuple[int, int, str, str | None, str]]] = field(default_factory=list)


def read_labelstudio(
    path: Path,
    annotator: str | None = None,
    *,
    offsets: str | None = None,
    notes: dict[str, int] | None = None,
    skipped: dict[str, int] | None = None,
) -> Iterator[Record]:
    """The records of a Label Studio JSON (or JSON-MIN) export: one per annotation, draft and
    prediction, and one with the text alone for a task nobody annotated.

    ``offsets`` names the unit of the file's offsets; without it the unit is the one in which
    every span's quoted text agrees (code points first, then UTF-16 code units, then bytes).
    """
    skipped = skipped if skipped is not None else {}
    objects = enumerate(read_objects(path), 1)
    tasks = [_task(obj, where, number, annotator, skipped) for number, (where, obj) in objects]
    unit = offsets or _file_unit(tasks)
    for task in tasks:
        yield from _records(task, offsets or _task_unit(task, unit), notes)


def _count(counter: dict[str, int], reason: str, number: int = 1) -> None:
    counter[reason] = counter.get(reason, 0) + number


def _task(obj: Any, at: str, number: int, annotator: str | None, skipped: dict[str, int]) -> _Task:
    where = f"{at}: {FORMAT} task {number}"
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected a task (a JSON object), found {type(obj).__name__}")
    if "id" in obj and isinstance(obj["id"], (int, str)):
        where += f" (id {obj['id']})"
    if isinstance(obj.get("data"), dict):
        data: dict[str, Any] = obj["data"]
        layers = _layers(obj, where, annotator, skipped)
    elif {"annotation_id", "annotator"} & obj.keys() or any(map(_is_span_list, obj.values())):
        # JSON-MIN: the data's fields at the top, each control's spans under its name
        data = {k: v for k, v in obj.items() if k not in _MIN_KEYS and not _is_span_list(v)}
        results = [
            {"type": "labels", "from_name": key, "value": item}
            for key, value in obj.items()
            if _is_span_list(value)
            for item in value
        ]
        name = _user_name(obj.get("annotator")) or annotator
        layers = [_Layer(name, True, results, where)]
    else:  # as Label Studio imports it: a task without "data" is its data
        data = {k: v for k, v in obj.items() if k not in _TASK_KEYS}
        layers = _layers(obj, where, annotator, skipped)
    key, target = _text_key(data, layers, where)
    found = obj.get("meta")
    meta: dict[str, Any] = dict(found) if isinstance(found, dict) else {}
    extra = {k: v for k, v in data.items() if k != key}
    doc_id = meta.get("doc_id", obj.get("id"))
    source = meta.get("source") or f"{at} (task {obj.get('id', number)})"
    task = _Task(
        where=where,
        text=data[key],
        meta={**extra, **{k: v for k, v in meta.items() if k not in OWN_META}},
        doc_id=None if doc_id is None else str(doc_id),
        source=str(source),
        title=None if meta.get("title") is None else str(meta["title"]),
        layers=layers,
    )
    task.spans = [_layer_spans(layer, target, skipped) for layer in layers]
    return task


_TASK_KEYS = frozenset(  # a task's own keys in Label Studio's export, beside "data"
    {"id", "annotations", "completions", "drafts", "predictions", "meta", "created_at"}
    | {"updated_at", "inner_id", "total_annotations", "cancelled_annotations", "project"}
    | {"total_predictions", "file_upload", "agreement", "updated_by", "comment_count"}
)
_MIN_KEYS = frozenset(
    {"id", "annotator", "annotation_id", "created_at", "updated_at", "lead_time", "agreement"}
)


def _is_span_list(value: Any) -> bool:
    return (
        isinstance(value, list)
        and bool(value)
        and all(isinstance(item, dict) and "labels" in item for item in value)
    )


def _layers(
    obj: dict[str, Any], where: str, annotator: str | None, skipped: dict[str, int]
) -> list[_Layer]:
    layers: list[_Layer] = []
    for kind in ("annotations", "completions", "drafts", "predictions"):
        items = obj.get(kind) or []
        if not isinstance(items, list):
            raise InputError(f'{where}: "{kind}" must be a list')
        for number, item in enumerate(items, 1):
            at = f"{where}, {kind[:-1]} {number}"
            if not isinstance(item, dict):
                raise InputError(f"{at}: expected a JSON object, found {type(item).__name__}")
            if item.get("was_cancelled") is True:
                _count(skipped, CANCELLED)
                continue
            results = item.get("result") or []
            if not isinstance(results, list):
                raise InputError(f'{at}: "result" must be a list')
            if kind == "predictions":
                name: str | None = _prediction_name(item.get("model_version"))
            else:
                name = _annotator_of(item, kind) or annotator
            done = kind in ("annotations", "completions")
            layers.append(_Layer(name, done, results, at, kind))
    return _one_per_user(layers, skipped)


def _one_per_user(layers: list[_Layer], skipped: dict[str, int]) -> list[_Layer]:
    """A user's last annotation of the task, else their last draft (Label Studio lets a user
    make several annotations of a task, and keeps a draft of an edit beside the annotation):
    joined in one layer they would label the same words twice. Predictions are all kept."""
    last: dict[str | None, _Layer] = {}
    for layer in layers:
        kept = last.get(layer.name)
        if layer.kind != "predictions" and (kept is None or layer.done or not kept.done):
            last[layer.name] = layer
    read: list[_Layer] = []
    for layer in layers:
        if layer.kind == "predictions" or last[layer.name] is layer:
            read.append(layer)
        else:
            _count(skipped, EARLIER if layer.done else DRAFT)
    return read


def _annotator_of(item: dict[str, Any], kind: str) -> str | None:
    """Whose annotation: ``completed_by`` (an id, or a user with an e-mail), a draft's ``user``
    (an e-mail), the e-mail in Label Studio's ``created_username`` when ``completed_by`` is only
    an id, else ``created_username`` as it is (which Alama's own export writes)."""
    found = _user_name(item.get("user" if kind == "drafts" else "completed_by"))
    named = item.get("created_username")
    written = _WRITTEN_USER.search(named) if isinstance(named, str) else None
    if written is not None and (found is None or found.startswith("ls-")):
        return written.group(1)  # Label Studio's API gives an id and "NAME EMAIL, ID"
    if found:
        return found
    return named.strip() or None if isinstance(named, str) else None


def _user_name(user: Any) -> str | None:
    if isinstance(user, dict):
        email, number = user.get("email"), user.get("id")
        if isinstance(email, str) and email.split("@")[0].strip():
            return email.split("@")[0].strip()
        return _user_name(number)
    if isinstance(user, int) and not isinstance(user, bool):
        return f"ls-{user}"
    if isinstance(user, str) and user.strip():
        return user.split("@")[0].strip() or None
    return None


def _prediction_name(version: Any) -> str:
    """``prediction``, or ``prediction-<model version>`` with only letters, digits, ``.``,
    ``_`` and ``-`` kept from the version."""
    if version is None or version == "":
        return PREDICTION
    kept = re.sub(r"[^\w.-]+", "-", str(version), flags=re.ASCII).strip("-.")
    return f"{PREDICTION}-{kept}"[:64] if kept else PREDICTION


def _text_key(data: dict[str, Any], layers: list[_Layer], where: str) -> tuple[str, Any]:
    """The data field the spans are in and the object (``to_name``) they are on (None: the
    first a layer names): the field a result names (``source: "$field"``), else the string
    field every quoted text of an object's spans fits (``text`` first, then the object with
    the most spans), else ``text``, else the only string."""
    strings = [key for key, value in data.items() if isinstance(value, str)]
    results = [r for layer in layers for r in layer.results if _is_span(r)]
    for result in results:
        source = result.get("source")
        if isinstance(source, str) and source[1:] in strings:
            return source[1:], result.get("to_name")
    objects: dict[Any, list[tuple[int, int, str]]] = {}
    for result in results:
        value = result["value"]
        start, end, said = value.get("start"), value.get("end"), value.get("text")
        if type(start) is int and type(end) is int and isinstance(said, str):
            objects.setdefault(result.get("to_name"), []).append((start, end, said))
    fits = [
        (key == "text", len(quoted), -number, key, target)
        for number, (target, quoted) in enumerate(objects.items())
        for key in strings
        if units.agreeing_unit(data[key], quoted, units.UNITS)
    ]
    if fits:
        return max(fits)[3:]
    if "text" in strings:
        return "text", None
    texts = [key for key in strings if not _LINK.match(data[key])]
    if len(texts) == 1:
        return texts[0], None
    if not texts:
        fields = ", ".join(data) or "none"
        raise InputError(
            f'{where}: no text in "data" (fields: {fields}; a link is not a text): Alama reads '
            "Label Studio tasks of text"
        )
    named = ", ".join(strings)
    raise InputError(
        f'{where}: cannot tell which field of "data" is the text (string fields: {named}); '
        'name it "text"'
    )


def _is_span(result: Any) -> bool:
    return (
        isinstance(result, dict)
        and str(result.get("type", "")).lower() in SPAN_TYPES
        and isinstance(result.get("value"), dict)
    )


def _layer_spans(
    layer: _Layer, target: Any, skipped: dict[str, int]
) -> list[tuple[int, int, str, str | None, str]]:
    """A layer's spans on the object ``target`` (None: the first it names) as (start, end,
    label, quoted text, where), offsets as the file wrote them; results on other objects and
    of other kinds are counted in ``skipped``."""
    spans: list[tuple[int, int, str, str | None, str]] = []
    for number, result in enumerate(layer.results, 1):
        at = f"{layer.where}, result {number}"
        if not isinstance(result, dict):
            raise InputError(f"{at}: expected a JSON object, found {type(result).__name__}")
        if not _is_span(result):
            kind = str(result.get("type") or "untyped")
            _count(skipped, Message(OTHER_RESULT, kind))
            continue
        to_name = result.get("to_name")
        target = target if target is not None else to_name
        if to_name != target:
            _count(skipped, Message(OTHER_OBJECT, to_name))
            continue
        value = result["value"]
        start, end, labels = value.get("start"), value.get("end"), value.get("labels")
        for name, offset in (("start", start), ("end", end)):
            if type(offset) is not int:
                raise InputError(f'{at}: no integer "value.{name}"')
        if end <= start:
            raise InputError(f"{at}: the span {start}–{end} is empty or ends before it starts")
        if not isinstance(labels, list) or not labels:
            raise InputError(f'{at}: "value.labels" must be a list of labels')
        quoted = value.get("text") if isinstance(value.get("text"), str) else None
        for label in labels:
            if not isinstance(label, str) or not label:
                raise InputError(f'{at}: "value.labels" must hold label names (strings)')
            spans.append((start, end, label, quoted, at))
    return spans


def _file_unit(tasks: list[_Task]) -> str:
    """The unit in which the most quoted span texts of the file agree with the text at their
    offsets: code points, UTF-16 code units or UTF-8 bytes, the first of them on a tie (a
    stale text left by snapping to words agrees in none, and is judged on its own)."""
    agreeing = dict.fromkeys(units.UNITS, 0)
    for task in tasks:
        quoted = _quoted(task)
        for unit in units.UNITS if quoted else ():
            agreeing[unit] += units.agreeing_count(task.text, quoted, unit)
    return max(units.UNITS, key=lambda unit: (agreeing[unit], -units.UNITS.index(unit)))


def _task_unit(task: _Task, unit: str) -> str:
    """The file's unit, or the one in which every quoted text of the task agrees when the
    file's does not explain them all (a project annotated before and after Label Studio
    counted code points exports both in one file)."""
    quoted = _quoted(task)
    if not quoted or units.agrees_in(task.text, quoted, unit):
        return unit
    return units.agreeing_unit(task.text, quoted, units.UNITS) or unit


def _quoted(task: _Task) -> list[tuple[int, int, str]]:
    return [(s, e, q) for spans in task.spans for s, e, _, q, _ in spans if q is not None]


def _records(task: _Task, unit: str, notes: dict[str, int] | None) -> Iterator[Record]:
    text, to_clean = clean_with_offsets(task.text)
    counted = units.Units(task.text, unit)
    if not task.layers:
        yield _record(task, text, task.where, None, False, [])
    for layer, found in zip(task.layers, task.spans, strict=True):
        spans: list[tuple[int, int, str]] = []
        for number, (start, end, label, quoted, at) in enumerate(found, 1):
            first, last = units.to_code_points(counted, start, end, number, at, "")
            if quoted is not None and task.text[first:last] != quoted:
                check = units.SpanCheck(task.text, at, unit, None, notes)
                values = [{"start": s, "end": e, "text": q} for s, e, q in _quoted(task)]
                check.quoted_in(values, ("start",), ("end",))
                check.mismatch((start, end), first, last, quoted, number, "the span")
            spans.append((first, last, label))
        if len(text) != len(task.text):
            spans = cleaned_spans(spans, to_clean, layer.where)
        yield _record(task, text, layer.where, layer.name, layer.done, spans)


def _record(
    task: _Task,
    text: str,
    where: str,
    name: str | None,
    done: bool,
    spans: list[tuple[int, int, str]],
) -> Record:
    unique = sorted(set(spans))
    return Record(
        text=text,
        where=where,
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=name,
        done=done,
        answered=where != task.where,  # a layer, even an empty one
        doc_id=task.doc_id,
        source=task.source,
        title=task.title,
        meta=task.meta,
    )
