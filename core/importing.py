"""Importing articles and annotations into a project: all or nothing, with a report.

Every file is read and validated first; only then is everything written, in one transaction.
A document already in the project (same text after cleaning) is not added twice: a record's
spans join the existing document under their annotator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from alama.core import brat, conll, jsonl, labelstudio
from alama.core import text as arabic
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.formats import IMPORT_FORMATS
from alama.core.jsonl import Record
from alama.core.labels import LabelSet
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, IMPORTED_ANNOTATOR, NewDocument, Status
from alama.core.offsets import check_unit
from alama.core.store import Store, check_annotator, is_project_file

FORMATS = IMPORT_FORMATS
SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": (".txt",),
    "jsonl": (".jsonl", ".json", ".ndjson"),
    "doccano": (".jsonl", ".json", ".ndjson"),
    "hf": (".jsonl", ".json", ".ndjson"),
    "conll": (".conll", ".conllu", ".bio", ".iob", ".iob2", ".bilou", ".bioes", ".tsv", ".txt"),
    "brat": (".ann", ".txt"),
    "webanno": (".tsv",),
    "conllu": (".conllu", ".conll", ".txt"),
    "labelstudio": (".json", ".jsonl", ".ndjson"),
}
CLASSIFICATION = "text-classification answer, not spans (its text is imported)"
GOLD_LAYER = (
    "record of the gold layer (it is written only in review; alama merge carries it between "
    "projects)"
)
RELATION = "relation between spans (Alama has none; the spans are imported)"
BATCH = 1000
"""Records written per statement batch (and between two progress reports)."""


@dataclass
class ImportReport:
    """What an import read, added, repaired and skipped, for the user."""

    files: int = 0
    records: int = 0
    documents_added: int = 0
    documents_known: int = 0
    spans_added: int = 0
    layers: set[tuple[int, str]] = field(default_factory=set)
    labels_added: list[str] = field(default_factory=list)
    formats: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> str:
        """One paragraph for stderr: counts, then what was repaired or skipped and why."""
        kinds = ", ".join(f"{count} {name}" for name, count in sorted(self.formats.items()))
        lines = [
            f"imported {self.records} record{'s' * (self.records != 1)} from {self.files} "
            f"file{'s' * (self.files != 1)}{f' ({kinds})' if kinds else ''}: "
            f"{self.documents_added} new document{'s' * (self.documents_added != 1)}, "
            f"{self.documents_known} already in the project, {self.spans_added} span"
            f"{'s' * (self.spans_added != 1)} in {len(self.layers)} annotator layer"
            f"{'s' * (len(self.layers) != 1)}"
        ]
        if self.labels_added:
            lines.append(f"added labels: {', '.join(self.labels_added)}")
        for reason, count in sorted(self.notes.items()):
            lines.append(f"repaired {count}: {reason}")
        for reason, count in sorted(self.skipped.items()):
            where = self.examples.get(reason, [])
            shown = f" ({', '.join(where[:5])}{', …' if len(where) > 5 else ''})" if where else ""
            lines.append(f"skipped {count}: {reason}{shown}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Source:
    """One thing to read: a file in a format, or a brat document (its .txt and .ann)."""

    fmt: str
    path: Path
    ann: Path | None = None
    annotator: str | None = None
    column: int | None = None
    """CoNLL-U: the column holding the entity tags (None: MISC)."""


def collect_files(
    paths: Iterable[Path],
    fmt: str,
    report: ImportReport,
    annotator: str | None = None,
    project: Path | None = None,
) -> list[Source]:
    """What to read, with its format; a folder gives its files in name order.

    ``auto`` decides by name and content: ``.ann`` files and their ``.txt`` are brat (a
    sub-folder is that annotator's layer), a ``.txt`` of token-and-tag lines is CoNLL, JSON
    records with ``ner_tags`` are Hugging Face, other JSON records are JSONL or doccano. No
    candidate is read before it is known not to be a project file (``project``, a file SQLite
    keeps beside it, or any file named like one, even through a link).
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown import format {fmt!r} (choose from {', '.join(FORMATS)})")
    chosen: list[Source] = []
    for path in paths:
        if path.is_dir():
            chosen.extend(_folder(path, fmt, report, annotator, project))
        elif path.is_file():
            chosen.append(_file(path, fmt, annotator, project))
        else:
            raise InputError(f"{path}: no such file or folder")
    if not chosen:
        raise InputError("nothing to import: no " + _wanted(fmt) + " files found")
    return chosen


OUTSIDE = "link to something outside the folder (not followed)"
PROJECT_NAMES = (".alama", ".alama-wal", ".alama-shm", ".alama-journal")


def refuse_project_file(path: Path, project: Path | None) -> None:
    """Refuse, by metadata and names alone, a file to import that is the project, a file SQLite
    keeps beside it, or another project (also through a link): read by any means but SQLite,
    it would lose this process its locks on that file."""
    if project is not None and is_project_file(path, project):
        raise InputError(Message("%1 is the project itself; name files to import", path))
    try:
        named = path.resolve().name.lower().endswith(PROJECT_NAMES)
    except (OSError, RuntimeError):  # a loop of links: not read either
        named = True
    if named or path.name.lower().endswith(PROJECT_NAMES):
        raise InputError(
            Message(
                "%1 is an Alama project file, not a file to import "
                "(fold projects together with alama merge)",
                path,
            )
        )


def _folder(
    root: Path, fmt: str, report: ImportReport, annotator: str | None, project: Path | None
) -> list[Source]:
    inside = root.resolve()
    files: list[Path] = []
    for path in sorted(root.rglob("*")):
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            report.skipped[OUTSIDE] += 1
            report.examples.setdefault(OUTSIDE, []).append(path.name)
            continue
        if path.is_file():
            if not path.name.lower().endswith(PROJECT_NAMES):  # (those are skipped unread)
                refuse_project_file(path, project)
            files.append(path)
    found: list[Source] = []
    paired: set[Path] = set()
    kept = set(files)
    if fmt in ("auto", "brat"):
        for ann in (p for p in files if p.suffix.lower() == ".ann"):
            txt = ann.with_suffix(".txt")
            if txt not in kept:  # only a .txt of the folder's own files, never a link out
                if txt.is_symlink():
                    raise InputError(
                        f"{ann}: its {txt.name} is a link to something outside the folder, "
                        "which is not followed"
                    )
                raise InputError(f"{ann}: there is no {txt.name} beside it")
            layer = ann.parent.name if ann.parent != root else annotator
            found.append(Source("brat", txt, ann, layer))
            paired.update((ann, txt))
    for child in files:
        if child in paired:
            continue
        if paired and child.suffix.lower() == ".txt":
            found.append(Source("brat", child))  # a brat document nobody has annotated yet
            continue
        kind = _format_of(child, fmt)
        if kind is None:
            reason = Message("not a %1 file", fmt) if fmt != "auto" else "not a file Alama imports"
            report.skipped[reason] += 1
            report.examples.setdefault(reason, []).append(child.name)
        else:
            found.append(Source(kind, child, annotator=annotator))
    return found


def _file(path: Path, fmt: str, annotator: str | None, project: Path | None) -> Source:
    refuse_project_file(path, project)
    if path.suffix.lower() == ".ann" and fmt in ("auto", "brat"):
        txt = path.with_suffix(".txt")
        if not txt.is_file():
            raise InputError(f"{path}: there is no {txt.name} beside it")
        refuse_project_file(txt, project)
        return Source("brat", txt, path, annotator)
    if fmt == "brat":
        ann = path.with_suffix(".ann")
        if ann.is_file():
            refuse_project_file(ann, project)
        return Source("brat", path, ann if ann.is_file() else None, annotator)
    kind = fmt if fmt != "auto" else _format_of(path, fmt)
    if kind is None:
        from alama.core.detect import not_read

        hint = f"use --format {'|'.join(FORMATS[1:])}"
        raise InputError(not_read(path) or f"{path}: cannot tell the format from the name; {hint}")
    return Source(kind, path, annotator=annotator)


def _wanted(fmt: str) -> str:
    if fmt == "auto":
        suffixes = {s for group in SUFFIXES.values() for s in group}
    else:
        suffixes = set(SUFFIXES[fmt])
    return "/".join(sorted(suffixes))


def _format_of(path: Path, fmt: str) -> str | None:
    suffix = path.suffix.lower()
    if fmt != "auto":
        return fmt if suffix in SUFFIXES[fmt] else None
    from alama.core.detect import content_format

    kind = content_format(path)  # WebAnno TSV, CoNLL-U, or "" for a format Alama does not read
    if kind is not None:
        return kind or None
    if suffix in SUFFIXES["jsonl"] and labelstudio.looks_like_labelstudio(path):
        return "labelstudio"
    if suffix in SUFFIXES["jsonl"]:
        return "hf" if _first_line_has(path, '"ner_tags"') else "jsonl"
    if suffix == ".txt":
        return "conll" if conll.looks_like_conll(path) else "txt"
    if suffix in SUFFIXES["conll"]:
        return "conll"
    return None


def _first_line_has(path: Path, needle: str) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return needle in handle.readline(1 << 16)
    except OSError:
        return False


def read_records(
    source: Source, report: ImportReport, discontinuous: list[str], offsets: str | None = None
) -> Iterator[Record]:
    """The records of one source, validated."""
    path, annotator = source.path, source.annotator
    if source.fmt == "txt":
        text, _ = arabic.clean_with_offsets(jsonl.read_text_file(path))
        if not text.strip():
            report.skipped["empty file"] += 1
            report.examples.setdefault("empty file", []).append(path.name)
            return
        yield Record(
            text=text,
            where=str(path),
            annotator=annotator,
            done=False,
            doc_id=path.stem,
            source=path.name,
        )
    elif source.fmt == "conll":
        yield from conll.read_conll(path, annotator, report.notes)
    elif source.fmt == "hf":
        yield from conll.read_hf(path, annotator, report.notes)
    elif source.fmt == "brat":
        yield brat.read_pair(path, source.ann, annotator, report.skipped, discontinuous)
    elif source.fmt == "webanno":
        from alama.core.webanno import read_webanno

        yield read_webanno(path, annotator, report.skipped)
    elif source.fmt == "conllu":
        from alama.core.conllu import read_conllu

        yield from read_conllu(path, annotator, report.notes, source.column)
    elif source.fmt == "labelstudio":
        yield from labelstudio.read_labelstudio(
            path, annotator, offsets=offsets, notes=report.notes, skipped=report.skipped
        )
    else:
        yield from jsonl.read_jsonl(path, annotator, offsets=offsets, notes=report.notes)


@without_collector
def import_paths(
    store: Store,
    paths: Iterable[Path],
    *,
    fmt: str = "auto",
    annotator: str | None = None,
    label_map: dict[str, str] | None = None,
    add_labels: bool = False,
    conllu_column: int | None = None,
    notify: Callable[[str], None] = lambda message: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    offsets: str | None = None,
) -> ImportReport:
    """Read every path, then write all of it in one transaction; return what happened.
    ``offsets``: the unit spans count (code points, or Label Studio's detected) unless told."""
    report = ImportReport()
    check_unit(offsets)
    if annotator is not None:
        annotator = check_annotator(annotator)
    sources = collect_files(list(paths), fmt, report, annotator, store.path)
    sources = [replace(s, column=conllu_column) if s.fmt == "conllu" else s for s in sources]
    for source in sources:  # (each was checked before its format was looked for; once more)
        for path in (source.path, source.ann):
            if path is not None:
                refuse_project_file(path, store.path)
    report.files = len({source.ann or source.path for source in sources})
    records: list[Record] = []
    discontinuous: list[str] = []
    for source in sources:
        report.formats[source.fmt] += 1
        for record in read_records(source, report, discontinuous, offsets):
            check_text(record)
            if record.classification:
                report.skipped[CLASSIFICATION] += 1
            if record.relations:
                report.skipped[RELATION] += record.relations
            records.append(record)
    if discontinuous:
        report.examples[brat.DISCONTINUOUS] = discontinuous
    report.records = len(records)
    labels = _settle_labels(store, records, label_map or {}, add_labels, report)
    for record in records:
        if record.annotator == GOLD_ANNOTATOR:  # a full export's gold records: text only
            report.skipped[GOLD_LAYER] += 1
            record.spans, record.annotator, record.answered = [], None, False
        if record.has_layer:
            record.annotator = check_annotator(record.annotator or IMPORTED_ANNOTATOR)
    notify(f"writing {len(records)} record{'' if len(records) == 1 else 's'} to {store.path}")
    with store.transaction():
        if labels is not None:
            store.set_labels(labels)
        for first in range(0, len(records), BATCH):
            _write_batch(store, records[first : first + BATCH], report)
            progress(min(first + BATCH, len(records)), len(records))
    return report


def check_text(record: Record) -> None:
    """Refuse a text with a NUL character: SQLite's text functions stop at one, so offsets after
    it would not hold."""
    at = record.text.find("\x00")
    if at == -1:
        return
    line = record.text.count("\n", 0, at) + 1
    raise InputError(
        f"{record.where}: the text holds a NUL character (U+0000) on its line {line} "
        f"(character {at}), which Alama does not keep; remove it and import again"
    )


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
                report.skipped[Message("span labelled %1 (dropped by --map)", label)] += 1
        record.spans = sorted(set(renamed))
        if record.duplicates:
            report.skipped["exact duplicate span in the same record"] += record.duplicates
    wanted = {label for record in records for _, _, label in record.spans}
    _check_label_names(records, wanted)
    known = store.labels()
    unknown = sorted(wanted - set(known.keys))
    if not unknown:
        return None
    if not add_labels:
        known.require(unknown)
    report.labels_added = unknown
    return known.with_new(unknown)


def _check_label_names(records: list[Record], labels: set[str]) -> None:
    """Refuse a label with a line break or another control character in it, naming where."""
    bad = next((label for label in sorted(labels) if not label.isprintable()), None)
    if bad is None:
        return
    where = next(r.where for r in records if any(label == bad for _, _, label in r.spans))
    raise InputError(f"{where}: the label {bad!r} holds a line break or a control character")


def _write_batch(store: Store, records: list[Record], report: ImportReport) -> None:
    """Write records' documents, then their layers, then the layers marked done."""
    added = store.add_documents(
        [NewDocument(r.text, r.source, r.doc_id, r.title, r.meta, r.tokens) for r in records]
    )
    layers: list[tuple[int, str, list[tuple[int, int, str]]]] = []
    done: list[tuple[int, str, Status]] = []
    for record, (doc, new) in zip(records, added, strict=True):
        report.documents_added += new
        report.documents_known += not new
        if record.has_layer and record.annotator is not None:
            layers.append((doc, record.annotator, record.spans))
            if record.done:
                done.append((doc, record.annotator, Status.DONE))
    store.set_statuses(done)  # first, so that the layers are not marked in progress on the way
    for (doc, annotator, spans), count in zip(layers, store.add_layers(layers), strict=True):
        if len(spans) > count:
            report.skipped["span already in that annotator's layer"] += len(spans) - count
        report.spans_added += count
        report.layers.add((doc, annotator))
