"""Exporting a project as training data (JSONL of SPEC 8), whole or split by document.

Without an annotator every document is written once per annotator layer, and once without
spans if nobody has annotated it, so a full export is also a backup.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from alama.core import jsonl
from alama.core.errors import InputError
from alama.core.model import Document, Span, Status
from alama.core.store import Store
from alama.core.text import TextIndex

FORMATS = ("jsonl",)


@dataclass
class ExportReport:
    """What an export wrote, per output file, and what it left out."""

    records: dict[str, int] = field(default_factory=dict)
    spans: int = 0
    documents: int = 0

    def summary(self) -> str:
        """One paragraph for stderr."""
        files = ", ".join(f"{name}: {count}" for name, count in self.records.items())
        total = sum(self.records.values())
        return (
            f"exported {total} record{'s' * (total != 1)} of {self.documents} document"
            f"{'s' * (self.documents != 1)} with {self.spans} span"
            f"{'s' * (self.spans != 1)} ({files})"
        )


def parse_split(spec: str) -> list[tuple[str, float]]:
    """Parse ``train=0.8,dev=0.1,test=0.1``; the fractions must be positive and add up to 1."""
    parts: list[tuple[str, float]] = []
    for piece in spec.split(","):
        name, sep, value = piece.partition("=")
        name = name.strip()
        try:
            fraction = float(value)
        except ValueError:
            fraction = -1.0
        if not sep or not name or fraction <= 0:
            raise InputError(f"--split: {piece.strip()!r} is not NAME=FRACTION")
        if any(name == other for other, _ in parts):
            raise InputError(f"--split: {name!r} appears twice")
        parts.append((name, fraction))
    total = sum(fraction for _, fraction in parts)
    if abs(total - 1.0) > 1e-6:
        raise InputError(f"--split: the fractions add up to {total:g}, not 1")
    return parts


def split_of(doc_hash: str, seed: int, parts: list[tuple[str, float]]) -> str:
    """The split a document belongs to: a stable hash of the document and the seed."""
    digest = hashlib.sha256(f"{seed}:{doc_hash}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    cumulative = 0.0
    for name, fraction in parts:
        cumulative += fraction
        if point < cumulative:
            return name
    return parts[-1][0]


def jsonl_record(
    doc: Document, index: TextIndex, spans: list[Span], annotator: str | None, status: Status
) -> dict[str, Any]:
    """One document and one layer as a Prodigy-style record, with tokens and token indices."""
    text = doc.text
    tokens = [
        {
            "text": text[start:end],
            "start": start,
            "end": end,
            "id": number,
            "ws": end < len(text) and text[end].isspace(),
        }
        for number, (start, end) in enumerate(index.tokens)
    ]
    record_spans = []
    for span in spans:
        token_range = index.token_range(span.start, span.end)
        entry: dict[str, Any] = {"start": span.start, "end": span.end, "label": span.label}
        if token_range is not None:
            entry["token_start"], entry["token_end"] = token_range
        record_spans.append(entry)
    record: dict[str, Any] = {
        "text": text,
        "spans": record_spans,
        "tokens": tokens,
        "meta": {**doc.meta, "doc_id": doc.doc_id, "source": doc.source, "title": doc.title},
    }
    if annotator is not None:
        record["_annotator_id"] = annotator
        record["answer"] = "accept" if status is Status.DONE else "ignore"
    return record


def iter_records(
    store: Store,
    annotator: str | None = None,
    labels: list[str] | None = None,
) -> Iterator[tuple[Document, dict[str, Any], int]]:
    """(document, record, span count) for every record an export writes, in project order."""
    if labels:
        store.labels().require(labels)
    layers: dict[int, list[tuple[str, Status]]] = {}
    for doc_id, name, status in store.layers():
        if annotator is None or name == annotator:
            layers.setdefault(doc_id, []).append((name, status))
    if annotator is not None and annotator not in store.annotators():
        known = ", ".join(store.annotators()) or "none yet"
        raise InputError(f"no annotator {annotator!r} in the project (annotators: {known})")
    spans: dict[tuple[int, str], list[Span]] = {}
    for span in store.iter_spans(annotator):
        if not labels or span.label in labels:
            spans.setdefault((span.doc, span.annotator), []).append(span)
    for doc in store.iter_documents():
        doc_layers = layers.get(doc.id, [])
        if annotator is not None and not doc_layers:
            continue
        index = TextIndex(doc.text)
        if not doc_layers:
            yield doc, jsonl_record(doc, index, [], None, Status.TODO), 0
        for name, status in doc_layers:
            layer = sorted(spans.get((doc.id, name), []), key=lambda s: (s.start, -s.end, s.label))
            yield doc, jsonl_record(doc, index, layer, name, status), len(layer)


def export(
    store: Store,
    output: Path | None,
    fmt: str = "jsonl",
    annotator: str | None = None,
    labels: list[str] | None = None,
    split: str | None = None,
    seed: int = 0,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ExportReport:
    """Write the export to ``output`` (stdout when None); with ``split``, one file per part."""
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    parts = parse_split(split) if split else None
    if parts and output is None:
        raise InputError("--split needs -o PATH (a folder, or a file name to add the split to)")
    report = ExportReport()
    targets = _targets(output, parts)
    seen: set[int] = set()
    total = store.document_count()
    written: Counter[str] = Counter()
    with _open_all(targets) as handles:
        for doc, record, count in iter_records(store, annotator, labels):
            name = split_of(doc.hash, seed, parts) if parts else ""
            handles[name].write(jsonl.dumps(record) + "\n")
            written[name] += 1
            report.spans += count
            if doc.id not in seen:
                seen.add(doc.id)
                progress(len(seen), total)
    report.documents = len(seen)
    report.records = {str(path or "stdout"): written[name] for name, path in targets.items()}
    return report


def _targets(output: Path | None, parts: list[tuple[str, float]] | None) -> dict[str, Path | None]:
    if not parts:
        return {"": output}
    assert output is not None
    if output.suffix:
        return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name, _ in parts}
    return {name: output / f"{name}.jsonl" for name, _ in parts}


@contextmanager
def _open_all(targets: dict[str, Path | None]) -> Iterator[dict[str, IO[str]]]:
    """Open every output; files appear (atomically renamed) only when everything succeeded."""
    handles: dict[str, IO[str]] = {}
    temporary: dict[str, str] = {}
    try:
        for name, path in targets.items():
            if path is None:
                handles[name] = sys.stdout
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
            temporary[name] = temp
            handles[name] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        yield handles
    except BaseException:
        for name, temp in temporary.items():
            if name in handles:
                handles[name].close()
            os.unlink(temp)
        raise
    for name, temp in temporary.items():
        handles[name].close()
        target = targets[name]
        assert target is not None
        os.replace(temp, target)
