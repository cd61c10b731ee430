"""Which spans a chosen claim may be linked to, nearest first, and the link being made.

The candidates are the spans of the same layer with a label the relation type allows at its
target (ACTOR for ``said_by``), not linked to the claim by that type already. Nearest means the
fewest characters between the two spans (none when they overlap); of two as near, the one
before the claim in reading order (to its right, in Arabic) comes first.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt

from alama.core.model import Relation, Span
from alama.core.relation_types import RelationType

LINKING_KEYS = {
    Qt.Key.Key_Tab: "next",
    Qt.Key.Key_Backtab: "previous",
    Qt.Key.Key_Return: "link",
    Qt.Key.Key_Enter: "link",
    Qt.Key.Key_Escape: "cancel",
}


def gap(a: Span, b: Span) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b.start - a.end, a.start - b.end)


def nearest_first(source: Span, spans: list[Span]) -> list[Span]:
    """Spans by their distance from ``source``, nearest first; of two as near, the one before
    it in reading order (to its right) first."""
    return sorted(spans, key=lambda s: (gap(source, s), s.start >= source.start, s.start, s.end))


@dataclass
class Linking:
    """A link being made: from ``source``, of ``kind``, to one of ``targets`` (``at``)."""

    source: Span
    kind: RelationType
    targets: list[Span]
    at: int = 0

    @property
    def target(self) -> Span:
        return self.targets[self.at]


def link_targets(
    source: Span, kind: RelationType, spans: Iterable[Span], relations: Iterable[Relation]
) -> list[Span]:
    """The spans ``source`` may be linked to by ``kind`` (not yet so linked), nearest first."""
    linked = {r.target for r in relations if (r.source, r.type) == (source.id, kind.key)}
    found = [
        s for s in spans if s.label in kind.targets and s.id != source.id and s.id not in linked
    ]
    return nearest_first(source, found)


def reading_order(relation: Relation, spans: dict[str, Span]) -> tuple[int, int]:
    """A link's place in reading order: its source's, then its target's start."""
    source, target = spans.get(relation.source), spans.get(relation.target)
    return (source.start if source else 0, target.start if target else 0)
