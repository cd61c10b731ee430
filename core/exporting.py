"""Exporting a project as training data (SPEC 8: JSONL, doccano, CoNLL, Hugging Face, brat),
whole or split by document.

Without an annotator every document is written once per annotator layer, and once without
spans if nobody has annotated it, so a full export is also a backup.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

import numpy as np
from numpy.typing import NDArray

from alama.core import brat, conll, jsonl
from alama.core import text as arabic
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Document, Span, Status
from alama.core.staging import Staged
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


@dataclass
class RecordTokens:
    """A record's tokens as arrays: where each starts and ends, and whether a space follows it
    (its ``ws``). See `record_tokens`; a long article's tokens stay arrays, not dicts."""

    text: str
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    ws: NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.starts)

    def as_dicts(self) -> list[dict[str, Any]]:
        """The tokens the way spaCy and Prodigy hold them."""
        text = self.text
        return [
            {"text": text[start:end], "start": start, "end": end, "id": n, "ws": space}
            for n, (start, end, space) in enumerate(
                zip(self.starts.tolist(), self.ends.tolist(), self.ws.tolist(), strict=True)
            )
        ]

    def index_of(self, offsets: Sequence[int], at_end: bool = False) -> list[int]:
        """The index of the token that starts (or, ``at_end``, ends) at each offset."""
        edges = self.ends if at_end else self.starts
        return np.searchsorted(edges, np.array(offsets, dtype=np.int64)).tolist()  # type: ignore[no-any-return]

    def json_pieces(self) -> Iterator[str]:
        """``jsonl.dumps(self.as_dicts())`` in pieces of `TOKEN_PIECE` tokens."""
        text, quote = self.text, encode_basestring
        yield "["
        for first in range(0, len(self), TOKEN_PIECE):
            last = min(first + TOKEN_PIECE, len(self))
            rows = zip(
                range(first, last),
                self.starts[first:last].tolist(),
                self.ends[first:last].tolist(),
                self.ws[first:last].tolist(),
                strict=True,
            )
            yield (", " if first else "") + ", ".join(
                f'{{"text": {quote(text[start:end])}, "start": {start}, "end": {end}, '
                f'"id": {n}, "ws": {"true" if space else "false"}}}'
                for n, start, end, space in rows
            )
        yield "]"


TOKEN_PIECE = 20_000
"""Tokens written at a time: a long article's record is never built as one giant string."""
SHARED_JSON_LIMIT = 20_000
"""Up to this many tokens, a document's token JSON is made once for all its layers."""


def record_token_arrays(
    text: str,
    edges: NDArray[np.int64],
    span_starts: NDArray[np.int64],
    span_ends: NDArray[np.int64],
) -> RecordTokens:
    """`record_tokens` as arrays; ``edges`` holds every token's start and end."""
    bounds = np.unique(np.concatenate(([0, len(text)], edges, span_starts, span_ends)))
    first, last = bounds[:-1], bounds[1:]
    if not len(first):
        empty = np.zeros(0, dtype=np.int64)
        return RecordTokens(text, empty, empty, np.zeros(0, dtype=bool))
    # Whether each piece between two edges has nothing but white space in it.
    blank = ~np.logical_or.reduceat(~_white_space(text), first)
    plain_space = _is_plain_space(text, first)
    # A white-space piece that starts with a plain space gives that space to the token before
    # it as its ``ws`` (unless a span starts on the space, or ends just after it).
    merge = blank & plain_space & ~np.isin(first, span_starts) & ~np.isin(first + 1, span_ends)
    merge[0] = False
    # (The plain loop also refused a merge into a token whose ``ws`` was already set; that
    # cannot happen: two white-space pieces meet only at a span's edge, which blocks the one
    # that would have given its single space away.)
    starts = first + merge
    kept = starts < last
    ws = np.concatenate((merge[1:], [False]))
    return RecordTokens(text, starts[kept], last[kept], ws[kept])


WINDOW = 1 << 16
"""Characters of a text looked at in one go (with numpy, a few bytes each) while finding its
tokens: a 200 MB article needs a few bytes per character, not tens."""


def _white_space(text: str, window: int = WINDOW) -> NDArray[np.bool_]:
    """`arabic.white_space`, a window at a time."""
    if len(text) <= window:
        whole: NDArray[np.bool_] = arabic.white_space(text)
        return whole
    return np.concatenate(
        [arabic.white_space(text[at : at + window]) for at in range(0, len(text), window)]
    )


def _is_plain_space(
    text: str, offsets: NDArray[np.int64], window: int = WINDOW
) -> NDArray[np.bool_]:
    """Whether the character at each (sorted) offset is a plain space."""
    found = np.zeros(len(offsets), dtype=bool)
    for at in range(0, len(text), window):
        first, last = np.searchsorted(offsets, [at, at + window])
        if first == last:
            continue
        points = np.frombuffer(text[at : at + window].encode("utf-32-le"), dtype=np.uint32)
        found[first:last] = points[offsets[first:last] - at] == ord(" ")
    return found


def token_bounds(text: str, window: int = WINDOW) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """`arabic.token_bounds`, a window at a time: each window ends before a space or a line
    break, and no token runs over white space, so the tokens are the same."""
    if len(text) <= window:
        bounds: tuple[NDArray[np.int64], NDArray[np.int64]] = arabic.token_bounds(text)
        return bounds
    starts: list[NDArray[np.int64]] = []
    ends: list[NDArray[np.int64]] = []
    at = 0
    while at < len(text):
        cut = len(text)
        for space in (" ", "\n"):
            found = text.find(space, at + window)
            if found != -1:
                cut = min(cut, found)
        piece_starts, piece_ends = arabic.token_bounds(text[at:cut])
        starts.append(piece_starts + at)
        ends.append(piece_ends + at)
        at = cut
    return np.concatenate(starts), np.concatenate(ends)


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
    edges = np.array(tokens, dtype=np.int64).reshape(-1)
    span_starts, span_ends = _span_edges(spans)
    return record_token_arrays(text, edges, span_starts, span_ends).as_dicts()


def _span_edges(spans: Sequence[Span]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    return (
        np.array([span.start for span in spans], dtype=np.int64),
        np.array([span.end for span in spans], dtype=np.int64),
    )


class _SharedTokens:
    """The record tokens of the document being exported, made once for all of its layers whose
    spans start and end on tokens (the usual case: they are the same tokens then), with their
    JSON text while the document is not long."""

    def __init__(self) -> None:
        self._index: TextIndex | None = None
        self._bounds: tuple[NDArray[np.int64], NDArray[np.int64]] | None = None
        self._tokens: RecordTokens | None = None
        self._json = ""

    def tokens(self, layer: Layer) -> RecordTokens:
        index = layer.index
        if index is not self._index or self._bounds is None:
            self._index, self._tokens, self._json = index, None, ""
            self._bounds = token_bounds(index.text)
        token_starts, token_ends = self._bounds
        edges = np.concatenate((token_starts, token_ends))
        span_starts, span_ends = _span_edges(layer.spans)
        if not (_all_in(span_starts, token_starts) and _all_in(span_ends, token_ends)):
            return record_token_arrays(index.text, edges, span_starts, span_ends)
        if self._tokens is None:
            empty = np.zeros(0, dtype=np.int64)
            self._tokens = record_token_arrays(index.text, edges, empty, empty)
        return self._tokens

    def json_pieces(self, tokens: RecordTokens) -> Iterator[str]:
        """`RecordTokens.json_pieces`, kept for the shared tokens of a document not too long."""
        if tokens is not self._tokens or len(tokens) > SHARED_JSON_LIMIT:
            yield from tokens.json_pieces()
            return
        if not self._json:
            self._json = "".join(tokens.json_pieces())
        yield self._json


def _all_in(values: NDArray[np.int64], sorted_values: NDArray[np.int64]) -> bool:
    """Whether every value is one of ``sorted_values``."""
    if not len(values):
        return True
    if not len(sorted_values):
        return False
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return bool(np.all(sorted_values[at] == values))


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
    tokens = _SharedTokens().tokens(layer)
    return {
        "text": layer.doc.text,
        "spans": _record_spans(layer, tokens),
        "tokens": tokens.as_dicts(),
        **_record_tail(layer),
    }


TEXT_PIECE = 1 << 20
"""Characters of a text escaped and written at a time."""


def jsonl_pieces(layer: Layer, shared: _SharedTokens) -> Iterator[str]:
    """``jsonl.dumps(jsonl_record(layer))`` and a line end, in pieces: a long article's text
    and tokens are escaped a part at a time, never held as one giant record."""
    tokens = shared.tokens(layer)
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
        _check_brat_folder(output, store.path, overwrite)
        _export_brat(
            store, layers, output, parts, seed, annotator is not None, report, total, progress,
            overwrite,
        )  # fmt: skip
        return report
    targets = _targets(output, parts, SUFFIX[fmt])
    for path in targets.values():
        if path is not None:
            _check_file(path, store.path, overwrite)
    seen: set[int] = set()
    written: Counter[str] = Counter()
    tagger = _Tagger(fmt, report)
    shared = _SharedTokens()
    with _open_all(targets, overwrite) as handles:
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


def _targets(
    output: Path | None, parts: list[tuple[str, float]] | None, suffix: str
) -> dict[str, Path | None]:
    if not parts:
        return {"": output}
    assert output is not None
    if output.suffix:
        return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name, _ in parts}
    return {name: output / f"{name}{suffix}" for name, _ in parts}


PROJECT_SUFFIXES = (".alama", *(f".alama{side}" for side in ("-wal", "-shm", "-journal")))


def _is_project_file(path: Path, project: Path) -> bool:
    """Whether ``path`` is the project, a file SQLite keeps beside it, or any project file."""
    if path.name.lower().endswith(PROJECT_SUFFIXES):
        return True
    for own in (project, *(Path(f"{project}{side}") for side in ("-wal", "-shm", "-journal"))):
        if path.resolve() == own.resolve():
            return True
        if path.exists() and own.exists() and os.path.samefile(path, own):
            return True
    return False


def _check_file(path: Path, project: Path, overwrite: bool) -> None:
    """Refuse an output file that is a project file, a folder, or (unless ``overwrite``) a file
    that exists."""
    if _is_project_file(path, project):
        raise InputError(
            f"{path} is a project file; an export never writes over one "
            "(name the output .jsonl or .conll)"
        )
    if path.is_dir():
        raise InputError(
            f"{path} is a folder; name a file to write (a folder is for brat or --split)"
        )
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise InputError(f"{path} already exists; add --force to replace it")


def _check_brat_folder(output: Path, project: Path, overwrite: bool) -> None:
    """Refuse a brat output that is not a new or empty folder, unless ``overwrite`` and it holds
    an earlier brat export (and not the project)."""
    if _is_project_file(output, project):
        raise InputError(f"{output} is a project file; brat writes a folder")
    if not output.exists() and not output.is_symlink():
        return
    if output.is_symlink() or not output.is_dir():
        raise InputError(f"{output} is not a folder; brat export needs a new or empty folder")
    if not any(output.iterdir()):
        return
    if not overwrite:
        raise InputError(
            f"{output}: brat export needs a new or empty folder "
            "(add --force to replace an earlier brat export)"
        )
    if not _is_brat_export(output):
        raise InputError(
            f"{output} does not hold an earlier brat export (no annotation.conf); "
            "only those are replaced, choose a new or empty folder"
        )
    inside = project.resolve()
    if output.resolve() in inside.parents:
        raise InputError(f"{output} holds the project itself; choose another folder")


def _is_brat_export(folder: Path) -> bool:
    """Whether a folder holds what a brat export writes: an annotation.conf at its top, or in
    each split's folder."""
    if (folder / "annotation.conf").is_file():
        return True
    children = list(folder.iterdir())
    return all(
        child.is_dir() and not child.is_symlink() and (child / "annotation.conf").is_file()
        for child in children
    )


@contextmanager
def _open_all(targets: dict[str, Path | None], overwrite: bool) -> Iterator[dict[str, IO[str]]]:
    """Open every output; files appear (moved into place) only when everything succeeded."""
    handles: dict[str, IO[str]] = {}
    staged: dict[str, Staged] = {}
    try:
        for name, path in targets.items():
            if path is None:
                handles[name] = sys.stdout
                continue
            staged[name] = Staged.file(path)
            handles[name] = os.fdopen(staged[name].open_text(), "w", encoding="utf-8", newline="\n")
        yield handles
        for name in staged:
            handles[name].close()
        for name in staged:
            staged[name].commit(replace=overwrite)
    except BaseException:
        for name, output in staged.items():
            if name in handles:
                handles[name].close()
            output.discard()
        raise
