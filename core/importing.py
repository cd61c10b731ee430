"""Importing articles and annotations into a project: all or nothing, with a report.

Every file is read and validated first; only then is everything written, in one transaction.
A document already in the project (same text after cleaning) is not added twice: a record's
spans join the existing document under their annotator.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from alama.core import brat, conll, json_files, jsonl, labelstudio
from alama.core import text as arabic
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.import_files import (
    ImportReport,
    Source,
    collect_files,
    refuse_project_file,
)
from alama.core.jsonl import Record
from alama.core.labels import LabelSet
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, IMPORTED_ANNOTATOR, NewDocument, Status
from alama.core.offsets import check_unit
from alama.core.regions import regions_from_meta
from alama.core.relation_import import KNOWN, settle_relations, write_links
from alama.core.store import Store, check_annotator

CLASSIFICATION = "text-classification answer, not spans (its text is imported)"
GOLD_LAYER = (
    "record of the gold layer (it is written only in review; alama merge carries it between "
    "projects)"
)
RELATION = "relation in a format whose relations Alama does not read (its spans are imported)"
EMPTY_TEXT = "record with no text (only white space, or none)"
BATCH = 1000
"""Records written per statement batch (and between two progress reports)."""


def read_records(
    source: Source, report: ImportReport, discontinuous: list[str], offsets: str | None = None
) -> Iterator[Record]:
    """The records of one source, validated."""
    path, annotator = source.path, source.annotator
    if source.fmt == "txt":
        text, _ = arabic.clean_with_offsets(json_files.read_text_file(path))
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
        from alama.core.conllu import COREF, read_conllu

        yield from read_conllu(path, annotator, report.notes, source.column)
        if COREF in report.notes:  # coreference is left out, not repaired: said as skipped
            report.skipped[COREF] += report.notes.pop(COREF)
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
    relation_map: dict[str, str] | None = None,
    conllu_column: int | None = None,
    notify: Callable[[str], None] = lambda message: None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    offsets: str | None = None,
) -> ImportReport:
    """Read every path, then write all of it in one transaction; return what happened.
    ``offsets``: the unit spans count (code points, or Label Studio's detected) unless told;
    ``relation_map`` renames relation types (``--relation-map``; an empty name drops them)."""
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
            if not record.text.strip():  # as an empty .txt file: nothing to annotate
                report.skipped[EMPTY_TEXT] += 1
                report.examples.setdefault(EMPTY_TEXT, []).append(record.where)
                continue
            if record.classification:
                report.skipped[CLASSIFICATION] += 1
            if record.relations:
                report.skipped[RELATION] += record.relations
            records.append(record)
    if discontinuous:
        report.examples[brat.DISCONTINUOUS] = discontinuous
    report.records = len(records)
    _common_tokens(records)
    labels = _settle_labels(store, records, label_map or {}, add_labels, report)
    with_types = settle_relations(
        records, labels or store.labels(), label_map or {}, relation_map or {}, add_labels, report
    )
    labels = with_types or labels
    for record in records:
        if record.annotator == GOLD_ANNOTATOR:  # a full export's gold records: text only
            report.skipped[GOLD_LAYER] += 1
            record.spans, record.annotator, record.answered = [], None, False
            record.links = []
        if record.has_layer:
            record.annotator = check_annotator(record.annotator or IMPORTED_ANNOTATOR)
    notify(f"writing {len(records)} record{'' if len(records) == 1 else 's'} to {store.location}")
    with store.transaction():
        if labels is not None:
            store.set_labels(labels)
        for first in range(0, len(records), BATCH):
            _write_batch(store, records[first : first + BATCH], report)
            progress(min(first + BATCH, len(records)), len(records))
    return report


def _common_tokens(records: list[Record]) -> None:
    """Give the first record of each text the tokens all its records agree on. A JSONL export
    (Alama's, Prodigy's) cuts a layer's tokens where its spans start or end inside a word: a
    cut inside a word that another layer of the same text does not make is not the document's
    (three annotators' records give back the document's own tokens)."""
    first: dict[str, Record] = {}
    cuts: dict[str, set[int]] = {}
    for record in records:
        if record.tokens is None:
            continue
        inner = {end for (_, end), (start, _) in pairwise(record.tokens) if end == start}
        if record.text not in first:
            first[record.text], cuts[record.text] = record, inner
        else:
            cuts[record.text] &= inner
    for text, record in first.items():
        tokens = record.tokens or []
        kept = cuts[text]
        if len(kept) == sum(1 for (_, end), (start, _) in pairwise(tokens) if end == start):
            continue  # every record cuts the words alike
        joined: list[tuple[int, int]] = []
        for start, end in tokens:
            if joined and joined[-1][1] == start and start not in kept:
                joined[-1] = (joined[-1][0], end)
            else:
                joined.append((start, end))
        record.tokens = joined


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
    try:
        return known.with_new(unknown)
    except InputError as error:  # a name that cannot be a label key: say in which file
        bad = next(label for label in unknown if not _usable(known, label))
        where = next(r.where for r in records if any(label == bad for _, _, label in r.spans))
        raise InputError(f"{where}: {error} (rename it with --map)") from None


def _usable(labels: LabelSet, key: str) -> bool:
    try:
        labels.with_new([key])
    except InputError:
        return False
    return True


def _check_label_names(records: list[Record], labels: set[str]) -> None:
    """Refuse a label with a line break or another control character in it, naming where."""
    bad = next((label for label in sorted(labels) if not label.isprintable()), None)
    if bad is None:
        return
    where = next(r.where for r in records if any(label == bad for _, _, label in r.spans))
    raise InputError(f"{where}: the label {bad!r} holds a line break or a control character")


def _write_batch(store: Store, records: list[Record], report: ImportReport) -> None:
    """Write records' documents, then their layers, then the layers marked done."""
    regions = [regions_from_meta(r.meta, r.where, len(r.text)) for r in records]  # (out of meta)
    added = store.add_documents(
        [NewDocument(r.text, r.source, r.doc_id, r.title, r.meta, r.tokens) for r in records]
    )
    for rows, (doc, _) in zip(regions, added, strict=True):
        if rows:
            store.put_region_rows(doc, rows)
    layers: list[tuple[int, str, list[tuple[int, int, str]]]] = []
    linked: list[tuple[int, str, Record]] = []
    done: list[tuple[int, str, Status]] = []
    for record, (doc, new) in zip(records, added, strict=True):
        if doc not in report.seen:  # (another layer of a document met before is not counted)
            report.seen.add(doc)
            report.documents_added += new
            report.documents_known += not new
        if record.has_layer and record.annotator is not None:
            layers.append((doc, record.annotator, record.spans))
            if record.links:
                linked.append((doc, record.annotator, record))
            if record.done:
                done.append((doc, record.annotator, Status.DONE))
    store.set_statuses(done)  # first, so that the layers are not marked in progress on the way
    for (doc, annotator, spans), count in zip(layers, store.add_layers(layers), strict=True):
        if len(spans) > count:
            report.skipped["span already in that annotator's layer"] += len(spans) - count
        report.spans_added += count
        report.layers.add((doc, annotator))
    for doc, annotator, record in linked:  # after the spans, which they link
        linked_now, known = write_links(store, doc, annotator, record.links)
        report.relations_added += linked_now
        if known:
            report.skipped[KNOWN] += known
