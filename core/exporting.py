"""Exporting a project as training data (SPEC 8: JSONL, doccano, CoNLL, Hugging Face, brat),
whole or split by document.

Without an annotator every document is written once per annotator layer, and once without
spans if nobody has annotated it, so a full export is also a backup.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import Any

from alama.core import brat, conll, jsonl
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Document, Span, Status
from alama.core.record_tokens import RecordTokens, SharedTokens
from alama.core.staging import Staged, check_output_file, check_output_folder, open_outputs
from alama.core.store import Store
from alama.core.text import TextIndex

FORMATS = ("jsonl", "doccano", "conll", "hf", "brat")
SUFFIX = {"jsonl": ".jsonl", "doccano": ".jsonl", "conll": ".conll", "hf": ".jsonl"}
SHOWN_CONFLICTS = 20


@dataclass
class ExportReport:
    """What an export wrote, per output file, and what it changed or left out."""

    fmt: str = "jsonl"
    records: dict[str, int] = field(default_factory=dict)
    spans: int = 0
    documents: int = 0
    widened: int = 0
    left_out: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One paragraph for stderr."""
        files = ", ".join(f"{name}: {count}" for name, count in self.records.items())
        total = sum(self.records.values())
        lines = [
            f"exported {total} record{'s' * (total != 1)} of {self.documents} document"
            f"{'s' * (self.documents != 1)} with {self.spans} span"
            f"{'s' * (self.spans != 1)} as {self.fmt} ({files})"
        ]
        if self.widened:
            lines.append(
                f"widened {self.widened} span{'s' * (self.widened != 1)} to whole tokens "
                "(tags cover tokens, not parts of them)"
            )
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"left out {count}: {reason}")
        return "\n".join(lines)


@dataclass
class Layer:
    """One record of an export: a document with one annotator's spans (or with none)."""

    doc: Document
    index: TextIndex
    annotator: str | None
    status: Status
    spans: list[Span]

    @property
    def triples(self) -> list[tuple[int, int, str]]:
        return [(span.start, span.end, span.label) for span in self.spans]


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
        if not _plain_name(name):
            raise InputError(
                f"--split: {name!r} is not a plain name (it names a file beside the output: "
                "no folders, no / or \\, not starting with a dot)"
            )
        if any(name == other for other, _ in parts):
            raise InputError(f"--split: {name!r} appears twice")
        parts.append((name, fraction))
    total = sum(fraction for _, fraction in parts)
    if abs(total - 1.0) > 1e-6:
        raise InputError(f"--split: the fractions add up to {total:g}, not 1")
    return parts


def _plain_name(name: str) -> bool:
    """Whether a split's name can be a file's name as it is: no folder, nothing hidden."""
    return (
        name.isprintable()
        and not name.startswith(".")
        and not any(sep in name for sep in ("/", "\\", os.sep, os.altsep or "/"))
    )


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


def _record_spans(layer: Layer, tokens: RecordTokens) -> list[dict[str, Any]]:
    spans = layer.spans
    first_at = tokens.index_of([span.start for span in spans])
    last_at = tokens.index_of([span.end for span in spans], at_end=True)
    return [
        {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "token_start": first,
            "token_end": last,
            **_review_fields(span),
        }
        for span, first, last in zip(spans, first_at, last_at, strict=True)
    ]


def _record_tail(layer: Layer) -> dict[str, Any]:
    """The keys of a JSONL record after its text, spans and tokens."""
    tail: dict[str, Any] = {"meta": _meta(layer.doc)}
    if layer.annotator is not None:
        tail["_annotator_id"] = layer.annotator
        tail["answer"] = "accept" if layer.status is Status.DONE else "ignore"
    return tail


def jsonl_record(layer: Layer) -> dict[str, Any]:
    """One layer as a Prodigy-style record, with tokens and token indices (see `record_tokens`)."""
    tokens = SharedTokens().tokens(layer.index, layer.spans)
    return {
        "text": layer.doc.text,
        "spans": _record_spans(layer, tokens),
        "tokens": tokens.as_dicts(),
        **_record_tail(layer),
    }


TEXT_PIECE = 1 << 20
"""Characters of a text escaped and written at a time."""


def jsonl_pieces(layer: Layer, shared: SharedTokens) -> Iterator[str]:
    """``jsonl.dumps(jsonl_record(layer))`` and a line end, in pieces: a long article's text
    and tokens are escaped a part at a time, never held as one giant record."""
    tokens = shared.tokens(layer.index, layer.spans)
    text = layer.doc.text
    yield '{"text": "'
    for first in range(0, len(text), TEXT_PIECE):
        yield encode_basestring(text[first : first + TEXT_PIECE])[1:-1]
    yield f'", "spans": {jsonl.dumps(_record_spans(layer, tokens))}, "tokens": '
    yield from shared.json_pieces(tokens)
    yield f", {jsonl.dumps(_record_tail(layer))[1:]}\n"


def _review_fields(span: Span) -> dict[str, Any]:
    """A gold span's reviewer and the annotators who agreed (nothing for other layers)."""
    if span.annotator != GOLD_ANNOTATOR:
        return {}
    return {"reviewer": span.reviewer, "agreed": list(span.agreed)}


def doccano_record(layer: Layer) -> dict[str, Any]:
    """One layer as doccano's sequence-labelling record: ``label`` holds [start, end, label]."""
    record: dict[str, Any] = {
        "text": layer.doc.text,
        "label": [list(triple) for triple in layer.triples],
        "meta": _meta(layer.doc),
    }
    if layer.annotator is not None:
        record["annotator"] = layer.annotator
        record["status"] = "done" if layer.status is Status.DONE else "in_progress"
    return record


def _meta(doc: Document) -> dict[str, Any]:
    return {**doc.meta, "doc_id": doc.doc_id, "source": doc.source, "title": doc.title}


def iter_layers(
    store: Store,
    annotator: str | None = None,
    labels: list[str] | None = None,
    left_out: Counter[str] | None = None,
) -> Iterator[Layer]:
    """Every record an export writes, in project order; spans of other labels are counted in
    ``left_out``."""
    if labels:
        store.labels().require(labels)
    if annotator is not None and annotator not in store.annotators():
        if annotator == GOLD_ANNOTATOR:
            raise InputError(
                "the project has no gold layer yet: review documents first "
                "(alama review PROJECT --accept-agreed, or review mode in the window)"
            )
        known = ", ".join(a for a in store.annotators() if a != GOLD_ANNOTATOR) or "none yet"
        raise InputError(f"no annotator {annotator!r} in the project (annotators: {known})")
    layers: dict[int, list[tuple[str, Status]]] = {}
    for doc_id, name, status in store.layers():
        if annotator is None or name == annotator:
            layers.setdefault(doc_id, []).append((name, status))
    spans: dict[tuple[int, str], list[Span]] = {}
    for span in store.iter_spans(annotator):
        if not labels or span.label in labels:
            spans.setdefault((span.doc, span.annotator), []).append(span)
        elif left_out is not None:
            left_out["spans with a label not chosen by --labels"] += 1
    for doc in store.iter_documents():
        doc_layers = layers.get(doc.id, [])
        if annotator is not None and not doc_layers:
            continue
        index = TextIndex(doc.text)
        if not doc_layers:
            yield Layer(doc, index, None, Status.TODO, [])
        for name, status in doc_layers:
            layer = sorted(spans.get((doc.id, name), []), key=lambda s: (s.start, -s.end, s.label))
            yield Layer(doc, index, name, status, layer)


def iter_records(
    store: Store, annotator: str | None = None, labels: list[str] | None = None
) -> Iterator[tuple[Document, dict[str, Any], int]]:
    """(document, JSONL record, span count) for every record a JSONL export writes."""
    for layer in iter_layers(store, annotator, labels):
        yield layer.doc, jsonl_record(layer), len(layer.spans)


class _Tagger:
    """Renders layers as CoNLL blocks or Hugging Face lines, collecting conflicts."""

    def __init__(self, fmt: str, report: ExportReport) -> None:
        self.fmt = fmt
        self.report = report
        self.conflicts: list[conll.Conflict] = []
        self._doc: conll.Tokens | None = None  # the document of the layers being written

    def render(self, layer: Layer) -> str:
        if self._doc is None or self._doc.index is not layer.index:
            self._doc = conll.Tokens(layer.index)
        doc = self._doc
        tags, widened = conll.encode(
            doc,
            layer.triples,
            layer.doc.doc_id,
            layer.annotator,
            self.conflicts,
            by_line=self.fmt == "conll",
        )
        self.report.widened += widened
        chunk: str
        if self.fmt == "conll":
            chunk = conll.conll_block(doc, tags)
        else:
            chunk = conll.hf_line(layer.doc.doc_id, layer.annotator, doc, tags) + "\n"
        return chunk

    def check(self) -> None:
        """Refuse the whole export, listing the conflicts, if any spans shared a token."""
        if not self.conflicts:
            return
        shown = "\n".join(f"  {conflict}" for conflict in self.conflicts[:SHOWN_CONFLICTS])
        more = len(self.conflicts) - SHOWN_CONFLICTS
        count = len(self.conflicts)
        raise InputError(
            f"{self.fmt} holds one tag per token, and {count} "
            f"{'span' if count == 1 else 'spans'} cannot be written as tags; nothing was "
            "written. For overlapping spans choose labels that do not overlap with --labels, "
            f"or export jsonl, doccano or brat, which keep nested spans:\n{shown}"
            + (f"\n  … and {more} more" if more > 0 else "")
        )


@without_collector  # type: ignore[untyped-decorator]  # (alama.core.* is Any to mypy)
def export(
    store: Store,
    output: Path | None,
    fmt: str = "jsonl",
    annotator: str | None = None,
    labels: list[str] | None = None,
    split: str | None = None,
    seed: int = 0,
    progress: Callable[[int, int], None] = lambda done, total: None,
    gold: bool = False,
    overwrite: bool = False,
) -> ExportReport:
    """Write the export to ``output`` (stdout when None); with ``split``, one file per part.

    brat writes a folder; every other format writes JSON lines or CoNLL blocks to a file.
    Outputs appear only when complete. An output that exists is refused unless ``overwrite``
    (a brat folder is then replaced only if it holds an earlier brat export); the project's
    own files never are written over.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if gold and annotator is not None:
        raise InputError("choose --annotator or --gold, not both")
    if gold:
        annotator = GOLD_ANNOTATOR
    parts = parse_split(split) if split else None
    if parts and output is None:
        raise InputError("--split needs -o PATH (a folder, or a file name to add the split to)")
    report = ExportReport(fmt=fmt)
    layers = iter_layers(store, annotator, labels, report.left_out)
    total = store.document_count()
    if fmt == "brat":
        if output is None:
            raise InputError("brat writes a folder: give it with -o FOLDER")
        check_output_folder(output, store.path, overwrite)
        _export_brat(
            store, layers, output, parts, seed, annotator is not None, report, total, progress,
            overwrite,
        )  # fmt: skip
        return report
    targets = _targets(output, parts, SUFFIX[fmt])
    for path in targets.values():
        if path is not None:
            check_output_file(path, store.path, overwrite)
    seen: set[int] = set()
    written: Counter[str] = Counter()
    tagger = _Tagger(fmt, report)
    shared = SharedTokens()
    with open_outputs(targets, overwrite) as handles:
        for layer in layers:
            doc = layer.doc
            name = split_of(doc.hash, seed, parts) if parts else ""
            if fmt == "jsonl":
                handles[name].writelines(jsonl_pieces(layer, shared))
            elif fmt == "doccano":
                handles[name].write(jsonl.dumps(doccano_record(layer)) + "\n")
            else:
                handles[name].write(tagger.render(layer))
            written[name] += 1
            report.spans += len(layer.spans)
            if doc.id not in seen:
                seen.add(doc.id)
                progress(len(seen), total)
        tagger.check()
    report.documents = len(seen)
    report.records = {str(path or "stdout"): written[name] for name, path in targets.items()}
    return report


def _export_brat(
    store: Store,
    layers: Iterator[Layer],
    output: Path,
    parts: list[tuple[str, float]] | None,
    seed: int,
    single: bool,
    report: ExportReport,
    total: int,
    progress: Callable[[int, int], None],
    overwrite: bool,
) -> None:
    """A brat folder: one sub-folder per annotator (unless one layer is asked for), an
    ``annotation.conf`` at the top, and documents nobody annotated as bare ``.txt`` files."""
    staged = Staged.folder(output)
    temp = staged.temp
    try:
        names: dict[int, str] = {}
        taken: set[str] = set()
        folders: dict[str, str] = {}
        taken_folders: set[str] = set()
        written: Counter[str] = Counter()
        for layer in layers:
            doc = layer.doc
            part = split_of(doc.hash, seed, parts) if parts else ""
            if doc.id not in names:
                names[doc.id] = brat.safe_name(doc.doc_id, taken)
                progress(len(names), total)
            name = names[doc.id]
            folder = temp / part if part else temp
            if layer.annotator is not None and not single:
                if layer.annotator not in folders:
                    folders[layer.annotator] = brat.safe_name(
                        layer.annotator.lstrip("@"), taken_folders
                    )
                folder = folder / folders[layer.annotator]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="")
            if layer.annotator is not None:
                (folder / f"{name}.ann").write_text(
                    brat.ann_lines(doc.text, layer.triples), encoding="utf-8", newline=""
                )
            written[part] += 1
            report.spans += len(layer.spans)
        report.documents = len(names)
        conf = brat.annotation_conf(store.labels().keys)
        for part in [name for name, _ in parts] if parts else [""]:
            root = temp / part if part else temp
            root.mkdir(parents=True, exist_ok=True)
            (root / "annotation.conf").write_text(conf, encoding="utf-8")
    except BaseException:
        staged.discard()
        raise
    staged.commit(replace=overwrite)
    report.records = {
        str(output / part if part else output): written[part]
        for part in ([name for name, _ in parts] if parts else [""])
    }


def existing_outputs(output: Path, fmt: str, split: str | None = None) -> list[Path]:
    """What this export would replace, were it asked to (``overwrite``, ``--force``): the
    output files that exist, or a brat folder that is not empty. The window asks about them."""
    if fmt == "brat":
        return [output] if output.is_dir() and any(output.iterdir()) else []
    parts = parse_split(split) if split else None
    targets = _targets(output, parts, SUFFIX[fmt]).values()
    return [path for path in targets if path is not None and os.path.lexists(path)]


def _targets(
    output: Path | None, parts: list[tuple[str, float]] | None, suffix: str
) -> dict[str, Path | None]:
    if not parts:
        return {"": output}
    assert output is not None
    if output.suffix:
        return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name, _ in parts}
    return {name: output / f"{name}{suffix}" for name, _ in parts}
