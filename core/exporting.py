"""Exporting a project as training data (SPEC 8: JSONL, doccano, CoNLL, Hugging Face, brat),
whole or split by document.

Without an annotator every document is written once per annotator layer, and once without
spans if nobody has annotated it, so a full export is also a backup.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

import numpy as np

from alama.core import brat, conll, jsonl
from alama.core import text as arabic
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Document, Span, Status
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


def record_tokens(
    text: str, tokens: list[tuple[int, int]], spans: list[Span]
) -> list[dict[str, Any]]:
    """Tokens the way spaCy and Prodigy hold them, so that every span starts and ends on one.

    Words are cut where a span starts or ends inside them (a proclitic و labelled alone), one
    following space is a token's ``ws``, and any other white space (a paragraph break, a
    no-break space, a second space) is a token of its own. Joining each token's text, plus a
    space where ``ws`` is true, gives the text back exactly: ``Doc(words, spaces)`` in spaCy.

    Computed with numpy over all the pieces between token and span edges at once: a test holds
    it equal to the plain loop over the pieces, which took most of an export's time.
    """
    span_starts = np.array([span.start for span in spans], dtype=np.int64)
    span_ends = np.array([span.end for span in spans], dtype=np.int64)
    edges = np.array(tokens, dtype=np.int64).reshape(-1)
    bounds = np.unique(np.concatenate(([0, len(text)], edges, span_starts, span_ends)))
    first, last = bounds[:-1], bounds[1:]
    if not len(first):
        return []
    is_space = arabic.white_space(text)
    not_space = np.concatenate(([0], np.cumsum(~is_space)))
    blank_first = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)[first] == ord(" ")
    # A white-space piece that starts with a plain space gives that space to the token before
    # it as its ``ws`` (unless a span starts on the space, or ends just after it).
    merge = (
        (not_space[last] == not_space[first])
        & blank_first
        & ~np.isin(first, span_starts)
        & ~np.isin(first + 1, span_ends)
    )
    merge[0] = False
    # (The plain loop also refused a merge into a token whose ``ws`` was already set; that
    # cannot happen: two white-space pieces meet only at a span's edge, which blocks the one
    # that would have given its single space away.)
    starts = first + merge
    kept = starts < last
    ws = np.concatenate((merge[1:], [False]))
    return [
        {"text": text[start:end], "start": start, "end": end, "id": n, "ws": space}
        for n, (start, end, space) in enumerate(
            zip(starts[kept].tolist(), last[kept].tolist(), ws[kept].tolist(), strict=True)
        )
    ]


class _SharedTokens:
    """The record tokens of the document being exported, made once for all of its layers whose
    spans start and end on tokens (the usual case: they are the same tokens then), with their
    JSON text."""

    def __init__(self) -> None:
        self._index: TextIndex | None = None
        self._tokens: list[dict[str, Any]] | None = None
        self._json = ""
        self._edges: tuple[dict[int, int], dict[int, int]] | None = None

    def tokens(self, layer: Layer) -> list[dict[str, Any]]:
        index = layer.index
        if index is not self._index:
            self._index, self._tokens = index, None
        starts, ends = index.token_edges
        if not all(span.start in starts and span.end in ends for span in layer.spans):
            return record_tokens(index.text, index.tokens, layer.spans)
        if self._tokens is None:
            self._tokens = record_tokens(index.text, index.tokens, [])
            self._json, self._edges = "", None
        return self._tokens

    def edges(self, tokens: list[dict[str, Any]]) -> tuple[dict[int, int], dict[int, int]]:
        """`token_edges`, kept for the shared list."""
        if tokens is not self._tokens:
            return token_edges(tokens)
        if self._edges is None:
            self._edges = token_edges(tokens)
        return self._edges

    def json(self, tokens: list[dict[str, Any]]) -> str:
        """``jsonl.dumps(tokens)``, kept for the shared list."""
        if tokens is not self._tokens:
            return tokens_json(tokens)
        if not self._json:
            self._json = tokens_json(tokens)
        return self._json


def token_edges(tokens: list[dict[str, Any]]) -> tuple[dict[int, int], dict[int, int]]:
    """Which token starts at an offset, and which ends there."""
    return (
        {token["start"]: token["id"] for token in tokens},
        {token["end"]: token["id"] for token in tokens},
    )


def tokens_json(tokens: list[dict[str, Any]]) -> str:
    """The same text as ``jsonl.dumps(tokens)``, written directly: twice as fast."""
    text = encode_basestring
    return (
        "["
        + ", ".join(
            f'{{"text": {text(t["text"])}, "start": {t["start"]}, "end": {t["end"]}, '
            f'"id": {t["id"]}, "ws": {"true" if t["ws"] else "false"}}}'
            for t in tokens
        )
        + "]"
    )


def jsonl_record(layer: Layer, shared: _SharedTokens | None = None) -> dict[str, Any]:
    """One layer as a Prodigy-style record, with tokens and token indices (see `record_tokens`)."""
    doc, text = layer.doc, layer.doc.text
    if shared is not None:
        tokens = shared.tokens(layer)
    else:
        tokens = record_tokens(text, layer.index.tokens, layer.spans)
    first_at, last_at = shared.edges(tokens) if shared is not None else token_edges(tokens)
    record_spans = [
        {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "token_start": first_at[span.start],
            "token_end": last_at[span.end],
            **_review_fields(span),
        }
        for span in layer.spans
    ]
    record: dict[str, Any] = {
        "text": text,
        "spans": record_spans,
        "tokens": tokens,
        "meta": _meta(doc),
    }
    if layer.annotator is not None:
        record["_annotator_id"] = layer.annotator
        record["answer"] = "accept" if layer.status is Status.DONE else "ignore"
    return record


_BEFORE_REST = ("text", "spans", "tokens")
"""The keys a JSONL record starts with, in order; `jsonl_line` writes the others after them."""


def jsonl_line(record: dict[str, Any], shared: _SharedTokens) -> str:
    """``jsonl.dumps(record)`` for a `jsonl_record`, with the tokens' JSON made once per
    document."""
    head = jsonl.dumps({"text": record["text"], "spans": record["spans"]})
    tail = jsonl.dumps({key: value for key, value in record.items() if key not in _BEFORE_REST})
    return f'{head[:-1]}, "tokens": {shared.json(record["tokens"])}, {tail[1:]}'


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
) -> ExportReport:
    """Write the export to ``output`` (stdout when None); with ``split``, one file per part.

    brat writes a folder; every other format writes JSON lines or CoNLL blocks to a file.
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
        _export_brat(
            store, layers, output, parts, seed, annotator is not None, report, total, progress
        )
        return report
    targets = _targets(output, parts, SUFFIX[fmt])
    seen: set[int] = set()
    written: Counter[str] = Counter()
    tagger = _Tagger(fmt, report)
    shared = _SharedTokens()
    with _open_all(targets) as handles:
        for layer in layers:
            doc = layer.doc
            name = split_of(doc.hash, seed, parts) if parts else ""
            if fmt == "jsonl":
                chunk = jsonl_line(jsonl_record(layer, shared), shared) + "\n"
            elif fmt == "doccano":
                chunk = jsonl.dumps(doccano_record(layer)) + "\n"
            else:
                chunk = tagger.render(layer)
            handles[name].write(chunk)
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
) -> None:
    """A brat folder: one sub-folder per annotator (unless one layer is asked for), an
    ``annotation.conf`` at the top, and documents nobody annotated as bare ``.txt`` files."""
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise InputError(f"{output}: brat export needs a new or empty folder")
    output.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{output.name}.", dir=output.parent))
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
        if output.exists():
            output.rmdir()
        os.replace(temp, output)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    report.records = {
        str(output / part if part else output): written[part]
        for part in ([name for name, _ in parts] if parts else [""])
    }


def _targets(
    output: Path | None, parts: list[tuple[str, float]] | None, suffix: str
) -> dict[str, Path | None]:
    if not parts:
        return {"": output}
    assert output is not None
    if output.suffix:
        return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name, _ in parts}
    return {name: output / f"{name}{suffix}" for name, _ in parts}


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
