"""Layers written as Label Studio tasks (the JSON it imports); `labelstudio` reads them back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import IO, Any

from alama.core.export_records import Layer
from alama.core.jsonl import dumps
from alama.core.labelstudio import PREDICTION
from alama.core.model import GOLD_ANNOTATOR, Status, is_suggested

MODEL = f"{PREDICTION}-"


class TaskWriter:
    """Layers written as Label Studio tasks, one JSON array per output: a task per document
    (`iter_layers` gives a document's layers one after another) with its text under
    ``data.text``, ``meta`` holding the document's id, source, title and fields, a layer marked
    done as an annotation and one in progress as a draft, each named by ``created_username``
    (a layer ``prediction-MODEL`` that is not done, as imported from Label Studio, is a
    prediction of that ``model_version`` again).

    No ``completed_by``: Label Studio refuses an import naming a user it does not know, and
    gives an annotation without one to whoever imports it. The gold layer is an annotation
    marked ``ground_truth`` (whatever its status). Offsets are code points, as the project's.
    """

    def __init__(self) -> None:
        self._pending: tuple[int, IO[str], dict[str, Any]] | None = None
        self._started: set[int] = set()

    def add(self, layer: Layer, handle: IO[str]) -> None:
        doc = layer.doc
        if self._pending is None or self._pending[0] != doc.id:
            self._flush()
            meta = {**doc.meta, "doc_id": doc.doc_id, "source": doc.source, "title": doc.title}
            empty: dict[str, Any] = {"annotations": [], "drafts": [], "predictions": []}
            self._pending = (doc.id, handle, {"data": {"text": doc.text}, "meta": meta, **empty})
        if layer.annotator is None:
            return
        results = [
            _result(doc.text, row[1], row[2], row[3], is_suggested(row[6])) for row in layer.rows
        ]
        task = self._pending[2]
        name = layer.annotator
        if layer.status is not Status.DONE and (name == PREDICTION or name.startswith(MODEL)):
            version = name[len(MODEL) :] if name.startswith(MODEL) else ""
            task["predictions"].append({"model_version": version, "result": results})
        elif layer.status is Status.DONE or layer.annotator == GOLD_ANNOTATOR:
            task["annotations"].append(
                {
                    "result": results,
                    "was_cancelled": False,
                    "ground_truth": layer.annotator == GOLD_ANNOTATOR,
                    "created_username": layer.annotator,
                }
            )
        else:
            task["drafts"].append({"result": results, "created_username": layer.annotator})

    def finish(self, handles: Iterable[IO[str]]) -> None:
        """Write the last task and close every output's array."""
        self._flush()
        for handle in handles:
            handle.write("\n]\n" if id(handle) in self._started else "[]\n")

    def _flush(self) -> None:
        if self._pending is None:
            return
        _, handle, task = self._pending
        handle.write(",\n" if id(handle) in self._started else "[\n")
        self._started.add(id(handle))
        handle.write(dumps(task))
        self._pending = None


def _result(text: str, start: int, end: int, label: str, suggested: bool) -> dict[str, Any]:
    """One span as a Label Studio result; an accepted suggestion is a prediction's, as Label
    Studio marks a result it pre-annotated."""
    key = f"{start}:{end}:{label}".encode()
    return {
        "id": hashlib.sha1(key, usedforsecurity=False).hexdigest()[:10],
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "origin": "prediction" if suggested else "manual",
        "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
    }
