"""Agreement on relations: how often two annotators linked the same spans the same way.

Two relations match when their source spans have the same offsets and label, their target
spans too, and their types are the same (exact match, as for span F1). For each pair of
annotators, over the documents both finished, matches are pooled over documents:
F1 = 2·matches / (relations of one + relations of the other). The figure ``f1_with_stance``
also asks the attributes to be the same (the stance, and whether the quote is direct). The
overall figure is the mean over the pairs that have any relation to compare, as for spans; the
same is given per relation type. A figure with nothing behind it is None ("–").
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store

Keyed = tuple[tuple[int, int, str], tuple[int, int, str], str]


@dataclass
class Counts:
    """Relations of two annotators compared: matched, and how many each made."""

    matched: int = 0
    matched_attributes: int = 0
    first: int = 0
    second: int = 0

    def add(self, a: dict[Keyed, tuple[tuple[str, str], ...]],
            b: dict[Keyed, tuple[tuple[str, str], ...]]) -> None:  # fmt: skip
        """Count one document's relations of both."""
        common = a.keys() & b.keys()
        self.matched += len(common)
        self.matched_attributes += sum(a[key] == b[key] for key in common)
        self.first += len(a)
        self.second += len(b)

    @property
    def relations(self) -> int:
        return self.first + self.second

    def f1(self, attributes: bool = False) -> float | None:
        if not self.relations:
            return None
        matched = self.matched_attributes if attributes else self.matched
        return 2 * matched / self.relations


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 12)


def _figures(counts: Counts) -> dict[str, Any]:
    return {
        "f1_exact": _round(counts.f1()),
        "f1_with_stance": _round(counts.f1(attributes=True)),
        "relations": counts.relations,
    }


def _mean(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return _round(sum(present) / len(present)) if present else None


def relation_agreement(
    store: Store,
    annotators: Collection[str] | None = None,
    documents: Collection[int] | None = None,
) -> dict[str, Any]:
    """Relation F1 per pair, per type and overall (see the module's docstring), one document
    at a time: only the documents that have relations are read."""
    finished: dict[int, set[str]] = {}
    for doc, annotator, state in store.layers():
        if annotator != GOLD_ANNOTATOR and state is Status.DONE:
            finished.setdefault(doc, set()).add(annotator)
    wanted = set(annotators) if annotators is not None else None
    allowed = set(documents) if documents is not None else None
    names = sorted({name for who in finished.values() for name in who
                    if wanted is None or name in wanted})  # fmt: skip
    pairs = list(combinations(names, 2))
    per_pair = {pair: Counts() for pair in pairs}
    per_type: dict[tuple[tuple[str, str], str], Counts] = {}
    compared_docs = 0
    for doc in store.documents_with_relations():
        if allowed is not None and doc not in allowed:
            continue
        who = sorted(finished.get(doc, set()) & set(names))
        if len(who) < 2:
            continue
        compared_docs += 1
        spans = {span.id: span for span in store.spans(doc)}
        layers: dict[str, dict[Keyed, tuple[tuple[str, str], ...]]] = {n: {} for n in who}
        for relation in store.relations(doc):
            if relation.annotator not in layers:
                continue
            source, target = spans.get(relation.source), spans.get(relation.target)
            if source is not None and target is not None:
                key = (source.key, target.key, relation.type)
                layers[relation.annotator][key] = relation.attributes
        for pair in combinations(who, 2):
            a, b = layers[pair[0]], layers[pair[1]]
            per_pair[pair].add(a, b)
            for kind in {key[2] for key in (*a, *b)}:
                per_type.setdefault((pair, kind), Counts()).add(
                    {k: v for k, v in a.items() if k[2] == kind},
                    {k: v for k, v in b.items() if k[2] == kind},
                )
    kinds = sorted({kind for _, kind in per_type})
    pair_rows = []
    for pair in pairs:
        row: dict[str, Any] = {"annotators": list(pair), **_figures(per_pair[pair])}
        row["types"] = {kind: _figures(per_type[(pair, kind)])
                        for kind in kinds if (pair, kind) in per_type}  # fmt: skip
        pair_rows.append(row)
    overall = {
        "f1_exact": _mean([per_pair[p].f1() for p in pairs]),
        "f1_with_stance": _mean([per_pair[p].f1(attributes=True) for p in pairs]),
        "relations": sum(per_pair[p].relations for p in pairs),
        "documents": compared_docs,
    }
    types = {
        kind: {
            "f1_exact": _mean([c.f1() for (p, k), c in per_type.items() if k == kind]),
            "f1_with_stance": _mean(
                [c.f1(attributes=True) for (p, k), c in per_type.items() if k == kind]
            ),
            "relations": sum(c.relations for (p, k), c in per_type.items() if k == kind),
        }
        for kind in kinds
    }
    return {"overall": overall, "types": types, "pairs": pair_rows}
