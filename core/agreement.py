"""Inter-annotator agreement of a project (SPEC 9): span F1, unitizing alpha, token kappas.

Only documents an annotator marked done count for them; pairwise figures use the documents
both finished; an annotator who finished nothing is left out rather than read as "no spans".
A figure with nothing behind it is None (``null`` in JSON). The coefficients themselves are in
`measures`; the span-level counts and the kinds of disagreement in `span_agreement`; this module
reads the project and aggregates. `agreement_table` shows the figures in a terminal.

The project is read a document at a time and only counts are kept (issue 18): per pair and
label the span counts and the 2×2 token table, per label how many tokens how many annotators
marked, and what unitizing alpha needs (`measures.UnitizingCounts`). Memory does not grow with
the project but for the per-document list of the result. Counts are integers, summed exactly,
so the figures are those of the whole-project computation (kept in tests/data).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from alama.core import measures
from alama.core.agreement_table import as_table
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.span_agreement import DISAGREEMENTS, SpanCounts, Triple, classify
from alama.core.store import Store
from alama.core.store.layers import FinishedDocument
from alama.core.text import token_bounds

__all__ = ["agreement", "as_table"]

Pair = tuple[str, str]


@dataclass
class _Plan:
    """Who counts, from a first pass over the done statuses: the annotators who finished
    something, the documents at least two of them finished, those who finished all of them."""

    annotators: list[str]
    labels: list[str]
    left_out: list[str]
    documents: int
    complete: list[str]


def _plan(
    store: Store,
    annotators: list[str] | None,
    labels: list[str] | None,
    only: set[int] | None,
) -> _Plan:
    known = store.labels()
    if labels:
        known.require(labels)
    chosen_labels = list(labels or known.keys)
    names = store.layer_names()
    if annotators:
        unknown = [a for a in annotators if a not in names]
        if unknown:
            have = ", ".join(sorted(names)) or "none yet"
            raise InputError(f"no annotator {', '.join(unknown)} in the project ({have})")
        names = list(annotators)
    chosen = set(names)
    finished: Counter[str] = Counter()
    in_wanted: Counter[str] = Counter()
    wanted = 0
    for doc, finishers in store.finished():
        if only is not None and doc not in only:
            continue
        counted = [a for a in finishers if a in chosen]
        finished.update(counted)
        if len(counted) >= 2:
            wanted += 1
            in_wanted.update(counted)
    counted_names = [a for a in sorted(chosen) if finished[a]]
    return _Plan(
        counted_names,
        chosen_labels,
        [a for a in sorted(chosen) if not finished[a]],
        wanted,
        [a for a in counted_names if in_wanted[a] == wanted],
    )


@dataclass
class _Tally:
    """The counts behind every figure, added a document at a time."""

    plan: _Plan
    pairs: list[Pair]
    disagreements: Counter[str] = field(default_factory=Counter)
    per_document: list[dict[str, Any]] = field(default_factory=list)

    def __post_init__(self) -> None:
        plan = self.plan
        n_labels, n_annotators = len(plan.labels), len(plan.annotators)
        self.index = {a: n for n, a in enumerate(plan.annotators)}
        self.label_index = {label: n for n, label in enumerate(plan.labels)}
        self.complete = [self.index[a] for a in plan.complete]
        self.in_complete = {a: n for n, a in enumerate(plan.complete)}
        self.pair_rows = np.array([self.index[a] for a, _ in self.pairs], dtype=np.int64)
        self.pair_cols = np.array([self.index[b] for _, b in self.pairs], dtype=np.int64)
        square = (n_annotators, n_annotators)
        # span counts: [a, b, label] spans of a (where b finished too), exact, matched
        self.spans_of = np.zeros((*square, n_labels), dtype=np.int64)
        self.exact = np.zeros((*square, n_labels), dtype=np.int64)
        self.matched = np.zeros((*square, n_labels), dtype=np.int64)
        self.pair_docs = np.zeros(square, dtype=np.int64)
        self.label_spans = np.zeros(n_labels, dtype=np.int64)
        # tokens: Cohen's 2×2 tables, Krippendorff's and Fleiss' marked-by-how-many counts
        self.tables = np.zeros((n_labels, *square, 4), dtype=np.int64)
        self.both_tokens = np.zeros(square, dtype=np.int64)
        self.raters = np.zeros((n_labels, n_annotators + 1, n_annotators + 1), dtype=np.int64)
        self.fleiss = np.zeros((n_labels, len(self.complete) + 1), dtype=np.int64)
        self.unitizing = [measures.UnitizingCounts(len(self.complete)) for _ in plan.labels]
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

    def add(
        self,
        document: FinishedDocument,
        finishers: list[str],
        rows: list[tuple[str, int, int, str]],
        bounds: tuple[Any, Any],
    ) -> None:
        """One document at least two of the annotators finished: ``rows`` its span keys."""
        n_labels, n_annotators = len(self.plan.labels), len(self.plan.annotators)
        layers: dict[str, list[Triple]] = {a: [] for a in finishers}
        seen: set[tuple[str, int, int, str]] = set()
        owner, kind, starts, ends, first_of_key = [], [], [], [], []
        for row in rows:
            name, start, end, label = row
            if name in layers and label in self.label_index:
                layers[name].append((start, end, label))
                owner.append(self.index[name])
                kind.append(self.label_index[label])
                starts.append(start)
                ends.append(end)
                first_of_key.append(row not in seen)
                seen.add(row)
        o = np.array(owner, dtype=np.int64)
        lab = np.array(kind, dtype=np.int64)
        s = np.array(starts, dtype=np.int64)
        e = np.array(ends, dtype=np.int64)
        done = np.zeros(n_annotators, dtype=bool)
        done[[self.index[a] for a in finishers]] = True
        mask = np.outer(done, done)
        np.fill_diagonal(mask, False)
        # spans: each of a's spans overlapping (matched) or equal to (exact) one of b's
        per_layer = np.bincount(o * n_labels + lab, minlength=n_annotators * n_labels)
        per_layer = per_layer.reshape(n_annotators, n_labels)
        same = lab[:, None] == lab[None, :]
        owners = np.zeros((len(o), n_annotators), dtype=np.int64)
        owners[np.arange(len(o)), o] = 1
        overlap = (s[:, None] < e[None, :]) & (s[None, :] < e[:, None]) & same
        equal = (s[:, None] == s[None, :]) & (e[:, None] == e[None, :]) & same
        hits = (overlap.astype(np.int64) @ owners) > 0
        equals = ((equal.astype(np.int64) @ owners) > 0) & np.array(first_of_key, dtype=bool)[
            :, None
        ]
        cell = (o[:, None] * n_annotators + np.arange(n_annotators)[None, :]) * n_labels
        cell = (cell + lab[:, None]).ravel()
        size = n_annotators * n_annotators * n_labels
        matched = np.bincount(cell, hits.ravel(), size).astype(np.int64).reshape(self.matched.shape)
        exact = np.bincount(cell, equals.ravel(), size).astype(np.int64).reshape(self.exact.shape)
        pair_mask = mask[:, :, None]
        self.matched += matched * pair_mask
        self.exact += exact * pair_mask
        self.spans_of += per_layer[:, None, :] * pair_mask
        self.pair_docs += mask
        self.label_spans += per_layer.sum(axis=0)
        # this document's F1 of each pair that finished it
        rows_, cols = self.pair_rows, self.pair_cols
        shared = mask[rows_, cols]
        totals = per_layer.sum(axis=1)
        spans = (totals[rows_] + totals[cols])[shared].tolist()
        twice_exact = (2 * exact[rows_, cols].sum(axis=1))[shared].tolist()
        overlapping = (matched[rows_, cols].sum(axis=1) + matched[cols, rows_].sum(axis=1))[shared]
        exact_f1 = [measures.f1(x, n) for x, n in zip(twice_exact, spans, strict=True)]
        partial_f1 = [measures.f1(x, n) for x, n in zip(overlapping.tolist(), spans, strict=True)]
        for a, b in self.pairs:
            if a in layers and b in layers:
                classify(layers[a], layers[b], self.disagreements)
        self._tokens(done, lab * n_annotators + o, s, e, bounds)
        self._unitizing(document.length, layers)
        exact_mean, exact_sd = measures.mean_sd(exact_f1)
        partial_mean, _ = measures.mean_sd(partial_f1)
        self.per_document.append(
            {
                "doc_id": document.doc_id,
                "title": document.title,
                "annotators": finishers,
                "f1_exact": _round(exact_mean),
                "f1_exact_sd": _round(exact_sd),
                "f1_partial": _round(partial_mean),
                "spans": len(o),
            }
        )

    def _tokens(
        self,
        done: Any,
        layer_of: Any,
        s: Any,
        e: Any,
        bounds: tuple[Any, Any],
    ) -> None:
        """The token-level counts of one document: each finisher's layer of each label as a
        vector over its tokens (1: a token overlapping one of the spans), counted."""
        starts, ends = bounds
        n_labels, n_annotators = len(self.plan.labels), len(self.plan.annotators)
        tokens = len(starts)
        width = tokens + 1
        cells = n_labels * n_annotators * width
        first = np.searchsorted(ends, s, side="right")
        last = np.searchsorted(starts, e, side="left")
        keep = first < last
        base = layer_of[keep] * width
        marks = np.bincount(base + first[keep], minlength=cells)
        marks -= np.bincount(base + last[keep], minlength=cells)
        layer = np.cumsum(marks.reshape(n_labels * n_annotators, width)[:, :-1], axis=1) > 0
        layer = layer.reshape(n_labels, n_annotators, tokens).astype(np.float64)
        # Cohen: per pair of finishers, the tokens neither, only b, only a, both marked
        both = (layer @ layer.transpose(0, 2, 1)).astype(np.int64)
        marked = layer.sum(axis=2).astype(np.int64)
        pair_mask = np.outer(done, done)
        self.both_tokens += pair_mask * tokens
        table = np.stack(
            [
                tokens - marked[:, :, None] - marked[:, None, :] + both,
                marked[:, None, :] - both,  # a did not mark it, b did
                marked[:, :, None] - both,
                both,
            ],
            axis=3,
        )
        self.tables += table * pair_mask[None, :, :, None]
        # Krippendorff: per token, how many raters (the finishers) and how many marked it
        raters = int(done.sum())
        offsets = (np.arange(n_labels) * (n_annotators + 1))[:, None]
        ones = layer[:, done, :].sum(axis=1).astype(np.int64) + offsets
        found = np.bincount(ones.ravel(), minlength=n_labels * (n_annotators + 1))
        self.raters[:, raters] += found.reshape(n_labels, n_annotators + 1)
        # Fleiss: over those who finished every document
        if len(self.complete) >= 2:
            width = len(self.complete) + 1
            ones = layer[:, self.complete, :].sum(axis=1).astype(np.int64)
            ones += (np.arange(n_labels) * width)[:, None]
            self.fleiss += np.bincount(ones.ravel(), minlength=n_labels * width).reshape(
                n_labels, width
            )

    def _unitizing(self, length: int, layers: dict[str, list[Triple]]) -> None:
        if len(self.complete) < 2:
            return
        for n, label in enumerate(self.plan.labels):
            units = [
                measures.flatten([(s, e) for s, e, lb in layers[coder] if lb == label])
                for coder in self.plan.complete
            ]
            self.unitizing[n].add(length, units)


def _round(value: float | None) -> float | None:
    """Figures keep 12 decimals: enough for any use, and no float noise like 0.30000000000000004."""
    return None if value is None else round(float(value), 12)


@without_collector
def agreement(
    store: Store,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    documents: Collection[int] | None = None,
) -> dict[str, Any]:
    """Every figure of SPEC 9 as one JSON-ready object; with ``documents`` (ids), every figure
    counts only those documents (an annotator who finished none of them is not counted)."""
    only = None if documents is None else set(documents)
    plan = _plan(store, annotators, labels, only)
    tally = _Tally(plan, list(combinations(plan.annotators, 2)))
    chosen, seen = set(plan.annotators), 0
    if plan.documents:
        for document in store.iter_finished():
            if only is not None and document.id not in only:
                continue
            finishers = sorted(a for a in document.finishers if a in chosen)
            if len(finishers) < 2:
                continue
            bounds = document.bounds
            if bounds is None:
                bounds = token_bounds(store.document(document.id).text)
            tally.add(document, finishers, store.layer_keys(document.id, document.length), bounds)
            seen += 1
            if seen % 200 == 0:
                progress(seen, plan.documents + 1)
    figures = _report(tally)
    if store.documents_with_relations():  # who made each claim, beside the spans
        from alama.core.relation_agreement import relation_agreement

        figures["relations"] = relation_agreement(store, plan.annotators, only)
    progress(plan.documents + 1, plan.documents + 1)
    return figures


def _report(tally: _Tally) -> dict[str, Any]:
    """The figures of everything counted (see `agreement`)."""
    plan, pairs = tally.plan, tally.pairs
    docs = plan.documents
    label_figures: dict[str, dict[str, Any]] = {}
    pair_kappas: dict[tuple[str, str, str], float | None] = {}
    unitizing: dict[str, measures.Unitizing | None] = {}
    for n, label in enumerate(plan.labels):
        for a, b in pairs:
            i, j = tally.index[a], tally.index[b]
            if tally.both_tokens[i, j]:
                table = tally.tables[n, i, j].reshape(2, 2)
                pair_kappas[(a, b, label)] = measures.cohen_kappa(table)
            else:
                pair_kappas[(a, b, label)] = None
        krippendorff = (
            measures.krippendorff_alpha_binary(tally.raters[n].tolist()) if docs else None
        )
        fleiss = None
        if len(plan.complete) >= 2 and docs:
            fleiss = measures.fleiss_kappa_binary(tally.fleiss[n].tolist(), len(plan.complete))
        unitizing[label] = tally.unitizing[n].result() if docs else None
        kappa_mean, _ = measures.mean_sd([pair_kappas[(a, b, label)] for a, b in pairs])
        of_label = [tally.counts(a, b, label) for a, b in pairs]
        exact, exact_sd = measures.mean_sd([counts.f1_exact for counts in of_label])
        partial, partial_sd = measures.mean_sd([counts.f1_partial for counts in of_label])
        u = unitizing[label]
        label_figures[label] = {
            "f1_exact": _round(exact),
            "f1_exact_sd": _round(exact_sd),
            "f1_partial": _round(partial),
            "f1_partial_sd": _round(partial_sd),
            "alpha_u": _round(u.alpha if u else None),
            "cohen_kappa": _round(kappa_mean),
            "fleiss_kappa": _round(fleiss),
            "krippendorff_alpha": _round(krippendorff),
            "documents": docs,
            "spans": int(tally.label_spans[n]),
        }

    pair_counts = {(a, b): tally.counts(a, b) for a, b in pairs}
    exact, exact_sd = measures.mean_sd([pair_counts[p].f1_exact for p in pairs])
    partial, partial_sd = measures.mean_sd([pair_counts[p].f1_partial for p in pairs])
    used = [u for u in unitizing.values() if u is not None and u.expected > 0]
    overall_u = 1 - sum(u.observed for u in used) / sum(u.expected for u in used) if used else None

    def over_labels(key: str) -> float | None:
        mean: float | None = measures.mean_sd([label_figures[lb][key] for lb in plan.labels])[0]
        return mean

    overall = {
        "f1_exact": _round(exact),
        "f1_exact_sd": _round(exact_sd),
        "f1_partial": _round(partial),
        "f1_partial_sd": _round(partial_sd),
        "alpha_u": _round(overall_u),
        "cohen_kappa": _round(over_labels("cohen_kappa")),
        "fleiss_kappa": _round(over_labels("fleiss_kappa")),
        "krippendorff_alpha": _round(over_labels("krippendorff_alpha")),
        "documents": docs,
        "spans": sum(figures["spans"] for figures in label_figures.values()),
    }
    pair_entries = []
    for a, b in pairs:
        counts = pair_counts[(a, b)]
        kappa, _ = measures.mean_sd([pair_kappas[(a, b, label)] for label in plan.labels])
        pair_entries.append(
            {
                "annotators": [a, b],
                "documents": int(tally.pair_docs[tally.index[a], tally.index[b]]),
                "spans": counts.spans,
                "f1_exact": _round(counts.f1_exact),
                "f1_partial": _round(counts.f1_partial),
                "cohen_kappa": _round(kappa),
                "labels": {
                    label: {
                        "f1_exact": _round(of_label.f1_exact),
                        "f1_partial": _round(of_label.f1_partial),
                        "cohen_kappa": _round(pair_kappas[(a, b, label)]),
                        "spans": of_label.spans,
                    }
                    for label in plan.labels
                    for of_label in [tally.counts(a, b, label)]
                },
            }
        )
    per_document = tally.per_document
    per_document.sort(key=lambda d: (d["f1_exact"] is None, d["f1_exact"] or 0.0))
    return {
        "annotators": plan.annotators,
        "not_counted": plan.left_out,
        "documents": docs,
        "overall": overall,
        "labels": label_figures,
        "pairs": pair_entries,
        "per_document": per_document,
        "disagreements": dict(tally.disagreements),
    }
