"""Inter-annotator agreement of a project (SPEC 9): span F1, unitizing alpha, token kappas.

Only documents an annotator marked done count for them; pairwise figures use the documents
both finished; an annotator who finished nothing is left out rather than read as "no spans".
A figure with nothing behind it is None (``null`` in JSON). The coefficients themselves are in
`measures`; this module gathers the project's layers into their inputs and aggregates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray

from alama.core import measures
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store
from alama.core.text import TextIndex

Triple = tuple[int, int, str]
DISAGREEMENTS = ("boundary", "label", "boundary_and_label", "missing")


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
    _tokens: dict[int, tuple[NDArray[np.int64], NDArray[np.int64]]] = field(default_factory=dict)

    def finishers(self, doc: int) -> list[str]:
        return [a for a in self.annotators if doc in self.done[a]]

    def layer(self, annotator: str, doc: int, label: str | None = None) -> list[Triple]:
        spans = self.spans.get((annotator, doc), [])
        return spans if label is None else [s for s in spans if s[2] == label]

    def tokens(self, doc: int) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """Token starts and ends of a document (SPEC 4), computed once."""
        if doc not in self._tokens:
            pairs = TextIndex(self.texts[doc]).tokens
            starts = np.fromiter((s for s, _ in pairs), dtype=np.int64, count=len(pairs))
            ends = np.fromiter((e for _, e in pairs), dtype=np.int64, count=len(pairs))
            self._tokens[doc] = (starts, ends)
        return self._tokens[doc]

    def token_layer(self, annotator: str, doc: int, label: str) -> NDArray[np.int8]:
        """1 for each token that overlaps one of the annotator's spans of ``label``, else 0."""
        starts, ends = self.tokens(doc)
        marks = np.zeros(len(starts) + 1, dtype=np.int32)
        for start, end, _ in self.layer(annotator, doc, label):
            first = int(np.searchsorted(ends, start, side="right"))
            last = int(np.searchsorted(starts, end, side="left"))
            if first < last:
                marks[first] += 1
                marks[last] -= 1
        return (np.cumsum(marks[:-1]) > 0).astype(np.int8)


def collect(
    store: Store, annotators: list[str] | None = None, labels: list[str] | None = None
) -> Study:
    """Read the layers agreement needs from a project."""
    known = store.labels()
    if labels:
        known.require(labels)
    chosen_labels = labels or known.keys
    done: dict[str, set[int]] = {}
    for doc, name, status in store.layers():
        if name != GOLD_ANNOTATOR:
            done.setdefault(name, set())
            if status is Status.DONE:
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
    for info in store.documents():
        if info.id in wanted:
            order.append(info.id)
            doc_ids[info.id] = info.doc_id
            titles[info.id] = info.title
    for doc in order:
        texts[doc] = store.document(doc).text
    spans: dict[tuple[str, int], list[Triple]] = {}
    label_set = set(chosen_labels)
    for span in store.iter_spans():
        if (
            span.annotator in counted
            and span.label in label_set
            and span.doc in wanted
            and span.doc in done[span.annotator]
        ):
            spans.setdefault((span.annotator, span.doc), []).append(span.key)
    return Study(counted, list(chosen_labels), order, done, spans, texts, doc_ids, titles, left_out)


# --- span level ---------------------------------------------------------------------------------


def _overlaps(span: Triple, others: Iterable[Triple], same_label: bool = True) -> bool:
    return any(
        o[0] < span[1] and span[0] < o[1] and (not same_label or o[2] == span[2]) for o in others
    )


@dataclass
class SpanCounts:
    """Counts behind a pair's span F1: spans each side, exact matches, overlap matches."""

    spans_a: int = 0
    spans_b: int = 0
    exact: int = 0
    matched_a: int = 0
    matched_b: int = 0

    def add(self, a: list[Triple], b: list[Triple]) -> None:
        self.spans_a += len(a)
        self.spans_b += len(b)
        self.exact += len(set(a) & set(b))
        self.matched_a += sum(1 for s in a if _overlaps(s, b))
        self.matched_b += sum(1 for s in b if _overlaps(s, a))

    @property
    def spans(self) -> int:
        return self.spans_a + self.spans_b

    @property
    def f1_exact(self) -> float | None:
        value: float | None = measures.f1(2 * self.exact, self.spans)
        return value

    @property
    def f1_partial(self) -> float | None:
        value: float | None = measures.f1(self.matched_a + self.matched_b, self.spans)
        return value


def classify(a: list[Triple], b: list[Triple], found: Counter[str]) -> None:
    """Count every span one annotator made and the other did not make exactly, by what the other
    has there: the same label with other offsets (boundary), the same offsets with another label
    (label), another label and other offsets (boundary_and_label), or nothing (missing). Two
    spans that disagree with each other count once."""
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    used_b: set[Triple] = set()
    for span in only_a:
        kind, partner = _kind(span, only_b, used_b)
        if partner is None:
            kind = _kind(span, b, set())[0]
        else:
            used_b.add(partner)
        found[kind] += 1
    for span in only_b:
        if span not in used_b:
            found[_kind(span, a, set())[0]] += 1


def _kind(span: Triple, others: Iterable[Triple], used: set[Triple]) -> tuple[str, Triple | None]:
    candidates = [o for o in others if o not in used and o[0] < span[1] and span[0] < o[1]]
    for test, kind in (
        (lambda o: (o[0], o[1]) == (span[0], span[1]), "label"),
        (lambda o: o[2] == span[2], "boundary"),
        (lambda o: True, "boundary_and_label"),
    ):
        match = next((o for o in candidates if test(o)), None)
        if match is not None:
            return kind, match
    return "missing", None


# --- token level ------------------------------------------------------------------------------


def _kappa_table(a: NDArray[np.int8], b: NDArray[np.int8]) -> NDArray[np.int64]:
    table = np.zeros((2, 2), dtype=np.int64)
    np.add.at(table, (a, b), 1)
    return table


# --- the report -------------------------------------------------------------------------------


def _round(value: float | None) -> float | None:
    """Figures keep 12 decimals: enough for any use, and no float noise like 0.30000000000000004."""
    return None if value is None else round(float(value), 12)


def agreement(
    store: Store,
    annotators: list[str] | None = None,
    labels: list[str] | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> dict[str, Any]:
    """Every figure of SPEC 9 as one JSON-ready object."""
    return report(collect(store, annotators, labels), progress)


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
            here.add(layer_a, layer_b)
            doc_pair_counts[doc].append(here)
            total.add(layer_a, layer_b)
            for label, counts in per_label.items():
                counts.add(
                    [s for s in layer_a if s[2] == label], [s for s in layer_b if s[2] == label]
                )
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
    for label in study.labels:
        layers = {
            (a, doc): study.token_layer(a, doc, label) for doc in docs for a in study.finishers(doc)
        }
        for a, b in pairs:
            shared = pair_docs[(a, b)]
            if shared:
                table = sum(
                    (_kappa_table(layers[(a, doc)], layers[(b, doc)]) for doc in shared),
                    np.zeros((2, 2), dtype=np.int64),
                )
                pair_kappas[(a, b, label)] = measures.cohen_kappa(table)
            else:
                pair_kappas[(a, b, label)] = None
        alpha_counts = []
        for doc in docs:
            raters = study.finishers(doc)
            ones = np.sum([layers[(a, doc)] for a in raters], axis=0, dtype=np.int64)
            alpha_counts.append(np.stack([len(raters) - ones, ones], axis=1))
        krippendorff = (
            measures.krippendorff_alpha_nominal(np.concatenate(alpha_counts))
            if alpha_counts
            else None
        )
        fleiss = None
        if len(complete) >= 2 and docs:
            ones = np.concatenate(
                [
                    np.sum([layers[(a, doc)] for a in complete], axis=0, dtype=np.int64)
                    for doc in docs
                ]
            )
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


# --- the table for a terminal -------------------------------------------------------------------


def _cell(value: float | None, sd: float | None = None) -> str:
    if value is None:
        return "–"
    return f"{value:.3f}" + (f" ± {sd:.3f}" if sd is not None else "")


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in
                  enumerate(zip(row, widths, strict=True))).rstrip()
        for row in rows
    ]  # fmt: skip


def as_table(figures: dict[str, Any], worst: int = 10) -> str:
    """The figures as a lead reads them in a terminal: overall and per label, pairs, the
    disagreements, and the documents with the lowest agreement."""
    names = figures["annotators"]
    lines = [
        f"{len(names)} annotator{'s' * (len(names) != 1)} ({', '.join(names) or 'none'}), "
        f"{figures['documents']} document{'s' * (figures['documents'] != 1)} finished by "
        "at least two of them"
    ]
    if figures["not_counted"]:
        lines.append(f"not counted (no document marked done): {', '.join(figures['not_counted'])}")
    if figures["documents"] == 0:
        lines.append("nothing to compare yet: agreement needs documents two annotators marked done")
        return "\n".join(lines)
    header = ["", "F1 exact", "F1 overlap", "alpha_U", "Cohen k", "Fleiss k", "Kripp. a", "spans"]
    rows = [header]
    for name, entry in [("overall", figures["overall"]), *figures["labels"].items()]:
        rows.append(
            [
                name,
                _cell(entry["f1_exact"], entry["f1_exact_sd"]),
                _cell(entry["f1_partial"], entry["f1_partial_sd"]),
                _cell(entry["alpha_u"]),
                _cell(entry["cohen_kappa"]),
                _cell(entry["fleiss_kappa"]),
                _cell(entry["krippendorff_alpha"]),
                str(entry["spans"]),
            ]
        )
    lines += ["", *_table(rows), ""]
    rows = [["pair", "documents", "F1 exact", "F1 overlap", "Cohen k", "spans"]]
    for pair in figures["pairs"]:
        rows.append(
            [
                " – ".join(pair["annotators"]),
                str(pair["documents"]),
                _cell(pair["f1_exact"]),
                _cell(pair["f1_partial"]),
                _cell(pair["cohen_kappa"]),
                str(pair["spans"]),
            ]
        )
    lines += _table(rows)
    found = figures["disagreements"]
    lines += [
        "",
        "disagreements: "
        + ", ".join(f"{found[kind]} {kind.replace('_', ' ')}" for kind in DISAGREEMENTS),
        "",
        f"lowest agreement (of {len(figures['per_document'])} documents):",
    ]
    rows = [["document", "F1 exact", "F1 overlap", "spans", "title"]]
    for entry in figures["per_document"][:worst]:
        title = entry["title"] if len(entry["title"]) <= 50 else entry["title"][:49] + "…"
        rows.append(
            [
                entry["doc_id"],
                _cell(entry["f1_exact"]),
                _cell(entry["f1_partial"]),
                str(entry["spans"]),
                title,
            ]
        )
    lines += _table(rows)
    return "\n".join(lines)
