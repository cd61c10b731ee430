"""Importing articles and annotations into a project: all or nothing, with a report.

Every file is read and validated first; only then is everything written, in one transaction.
A document already in the project (same text after cleaning) is not added twice: a record's
spans join the existing document under their annotator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from alama.core import jsonl
from alama.core import text as arabic
from alama.core.errors import InputError
from alama.core.jsonl import Record
from alama.core.labels import LabelSet
from alama.core.model import IMPORTED_ANNOTATOR, Status
from alama.core.store import Store, check_annotator

READERS: dict[str, tuple[str, ...]] = {"txt": (".txt",), "jsonl": (".jsonl", ".json")}
FORMATS = ("auto", *READERS)


@dataclass
class ImportReport:
    """What an import read, added and skipped, for the user."""

    files: int = 0
    records: int = 0
    documents_added: int = 0
    documents_known: int = 0
    spans_added: int = 0
    layers: set[tuple[int, str]] = field(default_factory=set)
    labels_added: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One paragraph for stderr: counts, then what was skipped and why."""
        lines = [
            f"imported {self.records} record{'s' * (self.records != 1)} from {self.files} "
            f"file{'s' * (self.files != 1)}: {self.documents_added} new document"
            f"{'s' * (self.documents_added != 1)}, {self.documents_known} already in the "
            f"project, {self.spans_added} span{'s' * (self.spans_added != 1)} in "
            f"{len(self.layers)} annotator layer{'s' * (len(self.layers) != 1)}"
        ]
        if self.labels_added:
            lines.append(f"added labels: {', '.join(self.labels_added)}")
        for reason, count in sorted(self.skipped.items()):
            lines.append(f"skipped {count}: {reason}")
        return "\n".join(lines)


def collect_files(paths: Iterable[Path], fmt: str, report: ImportReport) -> list[tuple[Path, str]]:
    """Files to read with their format; a folder gives its files in name order."""
    if fmt not in FORMATS:
        raise InputError(f"unknown import format {fmt!r} (choose from {', '.join(FORMATS)})")
    chosen: list[tuple[Path, str]] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                found = _format_of(child, fmt)
                if found is None:
                    report.skipped[f"not a {_wanted(fmt)} file ({child.name})"] += 1
                else:
                    chosen.append((child, found))
        elif path.is_file():
            found = fmt if fmt != "auto" else _format_of(path, fmt)
            if found is None:
                raise InputError(
                    f"{path}: cannot tell the format from the name; use --format "
                    f"{'|'.join(READERS)}"
                )
            chosen.append((path, found))
        else:
            raise InputError(f"{path}: no such file or folder")
    if not chosen:
        raise InputError("nothing to import: no " + _wanted(fmt) + " files found")
    return chosen


def _wanted(fmt: str) -> str:
    suffixes = READERS.get(fmt) or tuple(s for group in READERS.values() for s in group)
    return "/".join(suffixes)


def _format_of(path: Path, fmt: str) -> str | None:
    if fmt != "auto":
        return fmt if path.suffix.lower() in READERS[fmt] else None
    return next(
        (name for name, suffixes in READERS.items() if path.suffix.lower() in suffixes), None
    )


def read_records(
    path: Path, fmt: str, annotator: str | None, report: ImportReport
) -> Iterator[Record]:
    """The records of one file, validated."""
    if fmt == "txt":
        text, _ = arabic.clean_with_offsets(jsonl.read_text_file(path))
        if not text.strip():
            report.skipped[f"empty file ({path.name})"] += 1
            return
        yield Record(
            text=text,
            where=str(path),
            annotator=annotator,
            done=False,
            doc_id=path.stem,
            source=path.name,
        )
    else:
        yield from jsonl.read_jsonl(path, annotator)


def import_paths(
    store: Store,
    paths: Iterable[Path],
    fmt: str = "auto",
    annotator: str | None = None,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    notify: Callable[[str], None] = lambda message: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> ImportReport:
    """Read every path, then write all of it in one transaction; return what happened."""
    report = ImportReport()
    files = collect_files(list(paths), fmt, report)
    report.files = len(files)
    if annotator is not None:
        annotator = check_annotator(annotator)
    records: list[Record] = []
    for path, found in files:
        records.extend(read_records(path, found, annotator, report))
    report.records = len(records)
    labels = _settle_labels(store, records, label_map or {}, add_labels, report)
    for record in records:
        if record.has_layer:
            record.annotator = check_annotator(record.annotator or IMPORTED_ANNOTATOR)
    notify(f"writing {len(records)} records to {store.path}")
    with store.transaction():
        if labels is not None:
            store.set_labels(labels)
        for done, record in enumerate(records, 1):
            _write_record(store, record, report)
            progress(done, len(records))
    return report


def _settle_labels(
    store: Store,
    records: list[Record],
    label_map: dict[str, str],
    add_labels: bool,
    report: ImportReport,
) -> LabelSet | None:
    """Rename labels by --map, then check them; return a new label set if labels are added."""
    for record in records:
        renamed = []
        for start, end, label in record.spans:
            target = label_map.get(label, label)
            if target:
                renamed.append((start, end, target))
            else:
                report.skipped[f"span labelled {label} (dropped by --map)"] += 1
        record.spans = sorted(set(renamed))
        if record.duplicates:
            report.skipped["exact duplicate span in the same record"] += record.duplicates
    wanted = {label for record in records for _, _, label in record.spans}
    known = store.labels()
    unknown = sorted(wanted - set(known.keys))
    if not unknown:
        return None
    if not add_labels:
        known.require(unknown)
    report.labels_added = unknown
    return known.with_new(unknown)


def _write_record(store: Store, record: Record, report: ImportReport) -> None:
    doc, added = store.add_document(
        record.text,
        source=record.source,
        doc_id=record.doc_id,
        title=record.title,
        meta=record.meta,
    )
    if added:
        report.documents_added += 1
    else:
        report.documents_known += 1
    if not record.has_layer or record.annotator is None:
        return
    added_spans = store.add_spans(doc, record.annotator, record.spans)
    already = len(record.spans) - added_spans
    if already:
        report.skipped["span already in that annotator's layer"] += already
    report.spans_added += added_spans
    report.layers.add((doc, record.annotator))
    if record.done:
        store.set_status(doc, record.annotator, Status.DONE)
