"""The counts behind every agreement figure, added a batch of documents at a time.

`agreement` reads a project a document at a time and hands them here in batches of a few
hundred: the spans of a batch are laid end to end (each document after the one before, one
character apart) so that numpy counts them all at once, and only counts are kept: per pair and
label the span counts (exact and overlapping matches), the 2×2 token table; per label how many
tokens how many annotators marked; what unitizing alpha needs (`measures.UnitizingCounts`). The
per-document F1 and the kinds of disagreement are taken per document.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import compress, groupby
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from alama.core import measures
from alama.core.span_agreement import DISAGREEMENTS, SpanCounts, Triple, classify

Ints = NDArray[np.int64]


@dataclass
class Document:
    """A document at least two of the counted annotators finished, as a batch takes it."""

    id: int
    doc_id: str
    title: str
    length: int
    finishers: list[str]
    bounds: tuple[Ints, Ints]
    """Its tokens' starts and ends."""


def round_figure(value: float | None) -> float | None:
    """Figures keep 12 decimals: enough for any use, and no float noise like 0.30000000000000004."""
    return None if value is None else round(float(value), 12)


@dataclass
class Counts:
    """Every count, for ``annotators`` (sorted) and ``labels``; ``complete``: the annotators
    who finished every counted document (Fleiss' kappa and unitizing alpha are theirs)."""

    annotators: list[str]
    labels: list[str]
    complete: list[str]
    disagreements: Counter[str] = field(default_factory=Counter)
    per_document: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        n_labels, n_annotators = len(self.labels), len(self.annotators)
        self.index = {a: n for n, a in enumerate(self.annotators)}
        self.label_index = {label: n for n, label in enumerate(self.labels)}
        self.pairs = [
            (a, b) for n, a in enumerate(self.annotators) for b in self.annotators[n + 1 :]
        ]
        self.coders = [self.index[a] for a in self.complete]
        square = (n_annotators, n_annotators)
        # [a, b, label]: spans of a in documents b finished too; a's spans equal to / overlapping
        # one of b's
        self.spans_of = np.zeros((*square, n_labels), dtype=np.int64)
        self.exact = np.zeros((*square, n_labels), dtype=np.int64)
        self.matched = np.zeros((*square, n_labels), dtype=np.int64)
        self.pair_docs = np.zeros(square, dtype=np.int64)
        self.label_spans = np.zeros(n_labels, dtype=np.int64)
        # tokens: Cohen's 2×2 tables, and how many tokens how many raters marked
        self.tables = np.zeros((n_labels, *square, 4), dtype=np.int64)
        self.both_tokens = np.zeros(square, dtype=np.int64)
        self.raters = np.zeros((n_labels, n_annotators + 1, n_annotators + 1), dtype=np.int64)
        self.fleiss = np.zeros((n_labels, len(self.coders) + 1), dtype=np.int64)
        self.unitizing = [measures.UnitizingCounts(len(self.coders)) for _ in self.labels]
        self.disagreements.update({kind: 0 for kind in DISAGREEMENTS})

    def counts(self, a: str, b: str, label: str | None = None) -> SpanCounts:
        """A pair's span counts, of one label or all."""
        i, j = self.index[a], self.index[b]
        at = slice(None) if label is None else self.label_index[label]
        return SpanCounts(
            int(self.spans_of[i, j, at].sum()),
            int(self.spans_of[j, i, at].sum()),
            int(self.exact[i, j, at].sum()),
            int(self.matched[i, j, at].sum()),
            int(self.matched[j, i, at].sum()),
        )

    def add(self, batch: list[Document], rows: list[tuple[int, str, int, int, str]]) -> None:
        """Count a batch of documents; ``rows``: their live spans (document, annotator, start,
        end, label), of anyone, in the batch's order of documents and by annotator."""
        if not batch:
            return
        n_annotators = len(self.annotators)
        docs = len(batch)
        done = np.zeros((docs, n_annotators), dtype=bool)
        at = {document.id: n for n, document in enumerate(batch)}
        for n, document in enumerate(batch):
            done[n, [self.index[a] for a in document.finishers]] = True
        if rows:
            ids, names, starts, ends, labels = zip(*rows, strict=True)
        else:
            ids = names = starts = ends = labels = ()
        d = np.array([at[doc] for doc in ids], dtype=np.int64)
        owner = np.array([self.index.get(name, -1) for name in names], dtype=np.int64)
        kind = np.array([self.label_index.get(label, -1) for label in labels], dtype=np.int64)
        keep = (owner >= 0) & (kind >= 0)
        keep[keep] = done[d[keep], owner[keep]]  # finished layers of counted labels
        kept = list(compress(rows, keep.tolist()))
        layers: list[dict[str, list[Triple]]] = [{a: [] for a in doc.finishers} for doc in batch]
        for (doc, name), group in groupby(kept, itemgetter(0, 1)):
            layers[at[doc]][name] = [(row[2], row[3], row[4]) for row in group]
        d, owner, kind = d[keep], owner[keep], kind[keep]
        start = np.array(starts, dtype=np.int64)[keep]
        end = np.array(ends, dtype=np.int64)[keep]
        first_of_key = np.ones(len(d), dtype=bool)  # exact matches count keys, as sets do
        if len(d) > 1:
            order = np.lexsort((end, start, kind, owner, d))
            same = np.ones(len(d) - 1, dtype=bool)
            for column in (d, owner, kind, start, end):
                same &= column[order][1:] == column[order][:-1]
            first_of_key[order[1:][same]] = False
        lengths = np.array([document.length for document in batch], dtype=np.int64)
        offsets = np.concatenate([[0], np.cumsum(lengths + 1)[:-1]])  # one character apart
        spans = _Spans(d, owner, kind, start + offsets[d], end + offsets[d], first_of_key)
        f1s = self._spans(spans, done, docs)
        self._tokens(spans, done, batch, offsets)
        self._unitizing(spans, lengths, offsets)
        for n, document in enumerate(batch):
            mine = layers[n]
            for a, b in self.pairs:
                if a in mine and b in mine:
                    classify(mine[a], mine[b], self.disagreements)
            exact, partial = f1s[n]
            exact_mean, exact_sd = measures.mean_sd(exact)
            partial_mean, _ = measures.mean_sd(partial)
            self.per_document.append(
                {
                    "doc_id": document.doc_id,
                    "title": document.title,
                    "annotators": document.finishers,
                    "f1_exact": round_figure(exact_mean),
                    "f1_exact_sd": round_figure(exact_sd),
                    "f1_partial": round_figure(partial_mean),
                    "spans": sum(len(spans) for spans in mine.values()),
                }
            )

    def _spans(
        self, spans: _Spans, done: NDArray[np.bool_], docs: int
    ) -> list[tuple[list[float | None], list[float | None]]]:
        """Span counts of every ordered pair and label; each document's F1 of each pair."""
        n_labels, n_annotators = len(self.labels), len(self.annotators)
        shape = (docs, n_annotators, n_labels)
        per_layer = np.bincount(
            (spans.doc * n_annotators + spans.owner) * n_labels + spans.label,
            minlength=docs * n_annotators * n_labels,
        ).reshape(shape)
        exact = np.zeros((docs, n_annotators, n_annotators, n_labels), dtype=np.int64)
        matched = np.zeros_like(exact)
        groups = {}
        for a in range(n_annotators):
            for label in range(n_labels):
                where = np.flatnonzero((spans.owner == a) & (spans.label == label))
                if len(where):
                    groups[(a, label)] = where
        for (a, label), mine in groups.items():
            for b in range(n_annotators):
                theirs = groups.get((b, label))
                if b == a or theirs is None:
                    continue
                order = theirs[np.argsort(spans.start[theirs], kind="stable")]
                their_starts = spans.start[order]
                reach = np.maximum.accumulate(spans.end[order])
                before = np.searchsorted(their_starts, spans.end[mine], side="left")
                hit = before > 0
                hit[hit] = reach[before[hit] - 1] > spans.start[mine][hit]
                matched[:, a, b, label] = np.bincount(spans.doc[mine][hit], minlength=docs)
                keys = spans.key[mine][spans.first[mine]]
                same = np.isin(keys, spans.key[theirs])
                exact[:, a, b, label] = np.bincount(
                    spans.doc[mine][spans.first[mine]][same], minlength=docs
                )
        mask = done[:, :, None] & done[:, None, :]
        mask[:, np.arange(n_annotators), np.arange(n_annotators)] = False
        pair_mask = mask[:, :, :, None]
        self.matched += (matched * pair_mask).sum(axis=0)
        self.exact += (exact * pair_mask).sum(axis=0)
        self.spans_of += (per_layer[:, :, None, :] * pair_mask).sum(axis=0)
        self.pair_docs += mask.sum(axis=0)
        self.label_spans += per_layer.sum(axis=(0, 1))
        # each document's F1 of each pair that finished it, in pair order
        rows = np.array([self.index[a] for a, _ in self.pairs], dtype=np.int64)
        cols = np.array([self.index[b] for _, b in self.pairs], dtype=np.int64)
        totals = per_layer.sum(axis=2)
        both = (totals[:, rows] + totals[:, cols]).tolist()
        twice = (2 * exact[:, rows, cols].sum(axis=2)).tolist()
        overlapping = matched[:, rows, cols].sum(axis=2) + matched[:, cols, rows].sum(axis=2)
        overlaps = overlapping.tolist()
        shared = mask[:, rows, cols].tolist()
        found = []
        for n in range(docs):
            pairs = [p for p, here in enumerate(shared[n]) if here]
            found.append(
                (
                    [measures.f1(twice[n][p], both[n][p]) for p in pairs],
                    [measures.f1(overlaps[n][p], both[n][p]) for p in pairs],
                )
            )
        return found

    def _tokens(
        self, spans: _Spans, done: NDArray[np.bool_], batch: list[Document], offsets: Ints
    ) -> None:
        """The token-level counts: each finisher's layer of each label as a vector over the
        tokens (1: a token overlapping one of the spans), counted."""
        n_labels, n_annotators = len(self.labels), len(self.annotators)
        counts = [len(document.bounds[0]) for document in batch]
        tokens = sum(counts)
        owner_doc = np.repeat(np.arange(len(batch)), counts)
        token_starts = np.concatenate([doc.bounds[0] for doc in batch]) + offsets[owner_doc]
        token_ends = np.concatenate([doc.bounds[1] for doc in batch]) + offsets[owner_doc]
        width = tokens + 1
        first = np.searchsorted(token_ends, spans.start, side="right")
        last = np.searchsorted(token_starts, spans.end, side="left")
        keep = first < last
        base = (spans.label * n_annotators + spans.owner)[keep] * width
        cells = n_labels * n_annotators * width
        marks = np.bincount(base + first[keep], minlength=cells)
        marks -= np.bincount(base + last[keep], minlength=cells)
        layer = np.cumsum(marks.reshape(n_labels * n_annotators, width)[:, :-1], axis=1) > 0
        layer = layer.reshape(n_labels, n_annotators, tokens)
        finished = done[owner_doc].T  # annotators × tokens
        for a, b in self.pairs:
            i, j = self.index[a], self.index[b]
            both_done = finished[i] & finished[j]
            shared = int(both_done.sum())
            if not shared:
                continue
            self.both_tokens[i, j] += shared
            marked_a = (layer[:, i, :] & both_done).sum(axis=1)
            marked_b = (layer[:, j, :] & both_done).sum(axis=1)
            marked_both = (layer[:, i, :] & layer[:, j, :] & both_done).sum(axis=1)
            self.tables[:, i, j, 0] += shared - marked_a - marked_b + marked_both
            self.tables[:, i, j, 1] += marked_b - marked_both  # a did not mark it, b did
            self.tables[:, i, j, 2] += marked_a - marked_both
            self.tables[:, i, j, 3] += marked_both
        # Krippendorff: per token, how many raters (the finishers) and how many marked it
        raters = finished.sum(axis=0)
        ones = (layer & finished[None, :, :]).sum(axis=1)  # labels × tokens
        size = (n_annotators + 1) ** 2
        cell = (raters * (n_annotators + 1))[None, :] + ones
        cell += (np.arange(n_labels) * size)[:, None]
        self.raters += np.bincount(cell.ravel(), minlength=n_labels * size).reshape(
            self.raters.shape
        )
        # Fleiss: over those who finished every document
        if len(self.coders) >= 2:
            width = len(self.coders) + 1
            marked = layer[:, self.coders, :].sum(axis=1) + (np.arange(n_labels) * width)[:, None]
            self.fleiss += np.bincount(marked.ravel(), minlength=n_labels * width).reshape(
                n_labels, width
            )

    def _unitizing(self, spans: _Spans, lengths: Ints, offsets: Ints) -> None:
        """Each coder's units of each label, flattened within their document, for αU."""
        if len(self.coders) < 2:
            return
        for label, counts in enumerate(self.unitizing):
            units = []
            for coder in self.coders:
                where = np.flatnonzero((spans.owner == coder) & (spans.label == label))
                order = where[np.lexsort((-spans.end[where], spans.start[where]))]
                units.append(
                    _flattened(
                        spans.start[order] - offsets[spans.doc[order]],
                        spans.end[order] - offsets[spans.doc[order]],
                        spans.doc[order],
                    )
                )
            counts.add_batch(lengths, units)


@dataclass
class _Spans:
    """A batch's spans laid end to end: document (in the batch), annotator and label indexes,
    start and end on the batch's continuum, and whether it is the first of its key in its
    layer (exact matches count keys, as sets do)."""

    doc: Ints
    owner: Ints
    label: Ints
    start: Ints
    end: Ints
    first: NDArray[np.bool_]

    def __post_init__(self) -> None:
        self.key = self.start * (int(self.end.max(initial=0)) + 1) + self.end


def _flattened(starts: Ints, ends: Ints, docs: Ints) -> tuple[Ints, Ints, Ints]:
    """`measures.flatten` within each document of units sorted by document, start and longest
    first: (document, start, end) of the units kept."""
    if len(starts) < 2:
        return docs, starts, ends
    same_doc = docs[1:] == docs[:-1]
    if not (same_doc & (starts[1:] < ends[:-1])).any():  # nothing starts inside another
        return docs, starts, ends
    keep = np.ones(len(starts), dtype=bool)
    reach, current = -1, -1
    rows = zip(docs.tolist(), starts.tolist(), ends.tolist(), strict=True)
    for n, (doc, start, end) in enumerate(rows):
        if doc != current:
            current, reach = doc, -1
        if start < reach:
            keep[n] = False
        else:
            reach = end
    return docs[keep], starts[keep], ends[keep]
