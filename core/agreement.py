"""Inter-annotator agreement of a project (SPEC 9): span F1, unitizing alpha, token kappas.

Only documents an annotator marked done count for them; pairwise figures use the documents
both finished; an annotator who finished nothing is left out rather than read as "no spans".
A figure with nothing behind it is None (``null`` in JSON). The coefficients themselves are in
`measures`; the span-level counts and the kinds of disagreement in `span_agreement`; this module
gathers the project's layers into their inputs and aggregates. `agreement_table` shows the
figures in a terminal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray

from alama.core import measures
from alama.core.agreement_table import as_table
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.span_agreement import DISAGREEMENTS, SpanCounts, Triple, classify
from alama.core.store import Store
from alama.core.text import token_bounds

__all__ = ["Study", "agreement", "as_table", "collect", "report"]


@dataclass
class Study:
    """What agreement is computed on: who finished which documents, and their spans."""

    annotators: list[str]
    labels: list[str]
    documents: list[int]  # finished by at least two of the annotators, in project order
    done: dict[str, set[int]]
    spans: dict[tuple[str, int], list[Triple]]
    texts: dict[int, str]
    doc_ids: dict[int, str]
    titles: dict[int, str]
    left_out: list[str] = field(default_factory=list)
    tokens: dict[int, tuple[NDArray[np.int64], NDArray[np.int64]]] = field(default_factory=dict)
    """Each document's stored tokens; a document without (made before tokens were stored) has
    camel-tools' tokens, computed when needed."""

    def finishers(self, doc: int) -> list[str]:
        return [a for a in self.annotators if doc in self.done[a]]

    def layer(self, annotator: str, doc: int, label: str | None = None) -> list[Triple]:
        if label is None:
            return self.spans.get((annotator, doc), [])
        return self._by_label.get((annotator, doc, label), [])

    @cached_property
    def _by_label(self) -> dict[tuple[str, int, str], list[Triple]]:
        """Each layer's spans split by label, once (the measures ask for them many times)."""
        split: dict[tuple[str, int, str], list[Triple]] = {}
        for (annotator, doc), spans in self.spans.items():
            for span in spans:
                split.setdefault((annotator, doc, span[2]), []).append(span)
        return split


class _Continuum:
    """Every token of the study's documents in one array, for the token-level coefficients:
    each annotator's layer of a label is one vector over all of them (SPEC 9, token level)."""

    def __init__(self, study: Study) -> None:
        self.study = study
        starts, ends, owners, self.offsets = [], [], [], {}
        position = 0
        for number, doc in enumerate(study.documents):
            self.offsets[doc] = position
            stored = study.tokens.get(doc)
            first, last = stored if stored is not None else token_bounds(study.texts[doc])
            starts.append(first + position)
            ends.append(last + position)
            owners.append(np.full(len(first), number, dtype=np.int64))
            position += len(study.texts[doc]) + 1
        empty = np.zeros(0, dtype=np.int64)
        self.starts = np.concatenate(starts) if starts else empty
        self.ends = np.concatenate(ends) if ends else empty
        owner = np.concatenate(owners) if owners else empty
        self.finished = {
            a: np.isin(owner, [n for n, doc in enumerate(study.documents) if doc in study.done[a]])
            for a in study.annotators
        }

    def layer(self, annotator: str, label: str) -> NDArray[np.int64]:
        """1 for each token that overlaps one of the annotator's spans of ``label``, else 0."""
        bounds = [
            (self.offsets[doc] + start, self.offsets[doc] + end)
            for doc in self.study.documents
            for start, end, _ in self.study.layer(annotator, doc, label)
        ]
        marks = np.zeros(len(self.starts) + 1, dtype=np.int64)
        if bounds:
            pairs = np.array(bounds, dtype=np.int64)
            first = np.searchsorted(self.ends, pairs[:, 0], side="right")
            last = np.searchsorted(self.starts, pairs[:, 1], side="left")
            keep = first < last
            np.add.at(marks, first[keep], 1)
            np.add.at(marks, last[keep], -1)
        return (np.cumsum(marks[:-1]) > 0).astype(np.int64)


def collect(
    store: Store,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    documents: Collection[int] | None = None,
) -> Study:
    """Read the layers agreement needs from a project (only ``documents``, by id, if given)."""
    only = None if documents is None else set(documents)
    known = store.labels()
    if labels:
        known.require(labels)
    chosen_labels = labels or known.keys
    done: dict[str, set[int]] = {}
    for doc, name, status in store.layers():
        if name != GOLD_ANNOTATOR:
            done.setdefault(name, set())
            if status is Status.DONE and (only is None or doc in only):
                done[name].add(doc)
    if annotators:
        unknown = [a for a in annotators if a not in done]
        if unknown:
            have = ", ".join(sorted(done)) or "none yet"
            raise InputError(f"no annotator {', '.join(unknown)} in the project ({have})")
        done = {a: done[a] for a in annotators}
    counted = [a for a in sorted(done) if done[a]]
    left_out = [a for a in sorted(done) if not done[a]]
    finished = Counter(doc for a in counted for doc in done[a])
    wanted = {doc for doc, count in finished.items() if count >= 2}
    texts: dict[int, str] = {}
    doc_ids: dict[int, str] = {}
    titles: dict[int, str] = {}
    order: list[int] = []
    for document in store.iter_documents():
        if document.id in wanted:
            order.append(document.id)
            texts[document.id] = document.text
            doc_ids[document.id] = document.doc_id
            titles[document.id] = document.title
    spans: dict[tuple[str, int], list[Triple]] = {}
    label_set, counted_set = set(chosen_labels), set(counted)
    for doc, annotator, start, end, label in store.iter_span_keys():
        if (
            annotator in counted_set
            and label in label_set
            and doc in wanted
            and doc in done[annotator]
        ):
            spans.setdefault((annotator, doc), []).append((start, end, label))
    tokens = store.tokens_of(order)
    return Study(
        counted, list(chosen_labels), order, done, spans, texts, doc_ids, titles, left_out, tokens
    )


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
    return report(collect(store, annotators, labels, documents), progress)


def report(
    study: Study, progress: Callable[[int, int], None] = lambda done, total: None
) -> dict[str, Any]:
    """The agreement figures of a study (see `agreement`)."""
    pairs = list(combinations(study.annotators, 2))
    docs = study.documents
    steps, step = len(pairs) + len(study.labels) + 1, 0

    def tick() -> None:
        nonlocal step
        step += 1
        progress(step, steps)

    # span F1 per pair, per pair and label, per document; disagreements
    pair_counts: dict[tuple[str, str], SpanCounts] = {}
    pair_label_counts: dict[tuple[str, str, str], SpanCounts] = {}
    pair_docs: dict[tuple[str, str], list[int]] = {}
    doc_pair_counts: dict[int, list[SpanCounts]] = {doc: [] for doc in docs}
    disagreements: Counter[str] = Counter({kind: 0 for kind in DISAGREEMENTS})
    for a, b in pairs:
        shared = [doc for doc in docs if doc in study.done[a] and doc in study.done[b]]
        pair_docs[(a, b)] = shared
        total = pair_counts[(a, b)] = SpanCounts()
        per_label = {label: SpanCounts() for label in study.labels}
        for doc in shared:
            layer_a, layer_b = study.layer(a, doc), study.layer(b, doc)
            here = SpanCounts()
            for label, counts in per_label.items():
                of_label = SpanCounts()
                of_label.add(
                    [s for s in layer_a if s[2] == label], [s for s in layer_b if s[2] == label]
                )
                counts.merge(of_label)
                here.merge(of_label)
            doc_pair_counts[doc].append(here)
            total.merge(here)
            classify(layer_a, layer_b, disagreements)
        for label, counts in per_label.items():
            pair_label_counts[(a, b, label)] = counts
        tick()

    # token layers: Cohen per pair, Fleiss over the annotators who finished every document,
    # Krippendorff's alpha over everyone (missing where an annotator did not finish)
    complete = [a for a in study.annotators if all(doc in study.done[a] for doc in docs)]
    label_figures: dict[str, dict[str, Any]] = {}
    pair_kappas: dict[tuple[str, str, str], float | None] = {}
    unitizing: dict[str, measures.Unitizing | None] = {}
    continuum = _Continuum(study)
    for label in study.labels:
        layers = {a: continuum.layer(a, label) for a in study.annotators}
        for a, b in pairs:
            both = continuum.finished[a] & continuum.finished[b]
            if both.any():
                codes = layers[a][both] * 2 + layers[b][both]
                table = np.bincount(codes, minlength=4).reshape(2, 2)
                pair_kappas[(a, b, label)] = measures.cohen_kappa(table)
            else:
                pair_kappas[(a, b, label)] = None
        raters = np.sum([continuum.finished[a] for a in study.annotators], axis=0, dtype=np.int64)
        ones = np.sum([layers[a] & continuum.finished[a] for a in study.annotators], axis=0,
                      dtype=np.int64)  # fmt: skip
        krippendorff = (
            measures.krippendorff_alpha_nominal(np.stack([raters - ones, ones], axis=1))
            if docs
            else None
        )
        fleiss = None
        if len(complete) >= 2 and docs:
            ones = np.sum([layers[a] for a in complete], axis=0, dtype=np.int64)
            fleiss = measures.fleiss_kappa(np.stack([len(complete) - ones, ones], axis=1))
        unitizing[label] = _alpha_u(study, complete, label)
        kappa_mean, _ = measures.mean_sd([pair_kappas[(a, b, label)] for a, b in pairs])
        exact, exact_sd = measures.mean_sd(
            [pair_label_counts[(a, b, label)].f1_exact for a, b in pairs]
        )
        partial, partial_sd = measures.mean_sd(
            [pair_label_counts[(a, b, label)].f1_partial for a, b in pairs]
        )
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
            "documents": len(docs),
            "spans": sum(
                1 for a in study.annotators for doc in docs for _ in study.layer(a, doc, label)
            ),
        }
        tick()

    exact, exact_sd = measures.mean_sd([pair_counts[p].f1_exact for p in pairs])
    partial, partial_sd = measures.mean_sd([pair_counts[p].f1_partial for p in pairs])
    used = [u for u in unitizing.values() if u is not None and u.expected > 0]
    overall_u = 1 - sum(u.observed for u in used) / sum(u.expected for u in used) if used else None

    def over_labels(key: str) -> float | None:
        mean: float | None = measures.mean_sd([label_figures[lb][key] for lb in study.labels])[0]
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
        "documents": len(docs),
        "spans": sum(figures["spans"] for figures in label_figures.values()),
    }
    pair_entries = []
    for a, b in pairs:
        counts = pair_counts[(a, b)]
        kappa, _ = measures.mean_sd([pair_kappas[(a, b, label)] for label in study.labels])
        pair_entries.append(
            {
                "annotators": [a, b],
                "documents": len(pair_docs[(a, b)]),
                "spans": counts.spans,
                "f1_exact": _round(counts.f1_exact),
                "f1_partial": _round(counts.f1_partial),
                "cohen_kappa": _round(kappa),
                "labels": {
                    label: {
                        "f1_exact": _round(pair_label_counts[(a, b, label)].f1_exact),
                        "f1_partial": _round(pair_label_counts[(a, b, label)].f1_partial),
                        "cohen_kappa": _round(pair_kappas[(a, b, label)]),
                        "spans": pair_label_counts[(a, b, label)].spans,
                    }
                    for label in study.labels
                },
            }
        )
    per_document = []
    for doc in docs:
        exact_doc, exact_doc_sd = measures.mean_sd([c.f1_exact for c in doc_pair_counts[doc]])
        partial_doc, _ = measures.mean_sd([c.f1_partial for c in doc_pair_counts[doc]])
        per_document.append(
            {
                "doc_id": study.doc_ids[doc],
                "title": study.titles[doc],
                "annotators": study.finishers(doc),
                "f1_exact": _round(exact_doc),
                "f1_exact_sd": _round(exact_doc_sd),
                "f1_partial": _round(partial_doc),
                "spans": sum(len(study.layer(a, doc)) for a in study.finishers(doc)),
            }
        )
    per_document.sort(key=lambda d: (d["f1_exact"] is None, d["f1_exact"] or 0.0))
    tick()
    return {
        "annotators": study.annotators,
        "not_counted": study.left_out,
        "documents": len(docs),
        "overall": overall,
        "labels": label_figures,
        "pairs": pair_entries,
        "per_document": per_document,
        "disagreements": dict(disagreements),
    }


def _alpha_u(study: Study, coders: list[str], label: str) -> measures.Unitizing | None:
    """Unitizing alpha of one label over ``coders``, the documents laid end to end."""
    if len(coders) < 2 or not study.documents:
        return None
    offsets, position = {}, 0
    for doc in study.documents:
        offsets[doc] = position
        position += len(study.texts[doc])
    units = [
        measures.flatten(
            [
                (offsets[doc] + start, offsets[doc] + end)
                for doc in study.documents
                for start, end, _ in study.layer(coder, doc, label)
            ]
        )
        for coder in coders
    ]
    return measures.alpha_u(position, units)
