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
from dataclasses import dataclass
from typing import Any

import numpy as np

from alama.core import measures
from alama.core.agreement_counts import Counts, Document, Ints
from alama.core.agreement_counts import round_figure as _round
from alama.core.agreement_table import as_table
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.model import is_suggested
from alama.core.regions import Region, covering, merged
from alama.core.store import Store
from alama.core.text import token_bounds

__all__ = ["agreement", "as_table"]

BATCH = 256
"""Documents counted at once (their spans and tokens laid end to end)."""


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


@without_collector
def agreement(
    store: Store,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
    documents: Collection[int] | None = None,
    without_suggestions: bool = False,
) -> dict[str, Any]:
    """Every figure of SPEC 9 as one JSON-ready object; with ``documents`` (ids), every figure
    counts only those documents (an annotator who finished none of them is not counted).

    When the layers hold accepted suggestions, ``suggestions`` says how many each annotator
    accepted and whether they were counted: ``without_suggestions`` leaves them out of the
    span figures (what the annotators marked themselves; pre-annotation makes two layers agree
    more because they were shown the same spans, not because the annotators agreed)."""
    only = None if documents is None else set(documents)
    plan = _plan(store, annotators, labels, only)
    regions = store.all_regions()  # boilerplate: its spans and tokens are not counted
    counts = Counts(plan.annotators, plan.labels, plan.complete)
    chosen, seen = set(plan.annotators), 0
    batch: dict[int, Document] = {}

    def count() -> None:
        nonlocal seen
        rows = store.layer_keys_of(
            {doc: document.length for doc, document in batch.items()}, without_suggestions
        )
        if regions:
            rows = [row for row in rows if not _set_aside(regions.get(row[0]), row[2], row[3])]
        counts.add(list(batch.values()), rows)
        seen += len(batch)
        batch.clear()
        progress(seen, plan.documents + 1)

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
            if document.id in regions:
                bounds = _tokens_outside(regions[document.id], bounds)
            batch[document.id] = Document(
                document.id, document.doc_id, document.title, document.length, finishers, bounds
            )
            if len(batch) == BATCH:
                count()
        count()
    figures = _report(plan, counts)
    accepted = _accepted_suggestions(store, plan.annotators)
    if accepted:
        figures["suggestions"] = {"counted": not without_suggestions, "accepted": accepted}
    if store.documents_with_relations():  # who made each claim, beside the spans
        from alama.core.relation_agreement import relation_agreement

        figures["relations"] = relation_agreement(store, plan.annotators, only)
    progress(plan.documents + 1, plan.documents + 1)
    return figures


def _set_aside(found: list[Region] | None, start: int, end: int) -> bool:
    """Whether a span lies inside boilerplate (labelled there with Alt): not counted."""
    return found is not None and covering(found, start, end) is not None


def _tokens_outside(found: list[Region], bounds: tuple[Ints, Ints]) -> tuple[Ints, Ints]:
    """The tokens that are not wholly inside a boilerplate region."""
    starts, ends = bounds
    keep = np.ones(len(starts), dtype=bool)
    for start, end in merged((r.start, r.end) for r in found):
        keep &= ~((starts >= start) & (ends <= end))
    return starts[keep], ends[keep]


def _accepted_suggestions(store: Store, annotators: Collection[str]) -> dict[str, int]:
    """How many live spans of each annotator's layer were accepted suggestions (none: {})."""
    found = {
        name: sum(n for origin, n in origins.items() if is_suggested(origin))
        for name, origins in store.origin_counts().items()
        if name in annotators
    }
    return {name: found[name] for name in sorted(found)} if any(found.values()) else {}


def _report(plan: _Plan, tally: Counts) -> dict[str, Any]:
    """The figures of everything counted (see `agreement`)."""
    pairs = tally.pairs
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
