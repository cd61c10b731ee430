"""Agreement of two annotators' spans: the counts behind span F1 (exact, and by overlap), and
what kind each disagreement is (a boundary, a label, both, or a span missing).

Spans are ``(start, end, label)`` triples of one document; `agreement` adds them up over a
project.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

from alama.core import measures

Triple = tuple[int, int, str]
DISAGREEMENTS = ("boundary", "label", "boundary_and_label", "missing")
"""The kinds of disagreement, in the order they are reported."""


def _matched(spans: list[Triple], others: list[Triple]) -> int:
    """How many of ``spans`` overlap one of ``others`` (all of one label) by a character:
    ``others`` sorted by start with the running maximum of their ends, a bisection each."""
    if not spans or not others:
        return 0
    ordered = sorted(others)
    starts = [o[0] for o in ordered]
    reach = list(accumulate((o[1] for o in ordered), max))
    count = 0
    for start, end, _ in spans:
        before = bisect_left(starts, end)  # the others that start before this span ends
        if before and reach[before - 1] > start:
            count += 1
    return count


@dataclass
class SpanCounts:
    """Counts behind a pair's span F1: spans each side, exact matches, overlap matches."""

    spans_a: int = 0
    spans_b: int = 0
    exact: int = 0
    matched_a: int = 0
    matched_b: int = 0

    def add(self, a: list[Triple], b: list[Triple]) -> None:
        """Add one document's spans of one label."""
        self.spans_a += len(a)
        self.spans_b += len(b)
        self.exact += len(set(a) & set(b))
        self.matched_a += _matched(a, b)
        self.matched_b += _matched(b, a)

    def merge(self, other: SpanCounts) -> None:
        self.spans_a += other.spans_a
        self.spans_b += other.spans_b
        self.exact += other.exact
        self.matched_a += other.matched_a
        self.matched_b += other.matched_b

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
    set_a, set_b = set(a), set(b)
    only_a = sorted(set_a - set_b)
    only_b = sorted(set_b - set_a)
    if not only_a and not only_b:
        return
    near_only_b = _Near(only_b)
    near_a = near_b = None  # made when first needed
    used_b: set[Triple] = set()
    for span in only_a:
        kind, partner = _kind(span, near_only_b.around(span), used_b)
        if partner is None:
            near_b = near_b or _Near(set_b)
            kind = _kind(span, near_b.around(span), _NONE)[0]
        else:
            used_b.add(partner)
        found[kind] += 1
    for span in only_b:
        if span not in used_b:
            near_a = near_a or _Near(set_a)
            found[_kind(span, near_a.around(span), _NONE)[0]] += 1


_NONE: frozenset[Triple] = frozenset()


class _Near:
    """Spans sorted by start, to find those that may overlap a span without a full scan."""

    def __init__(self, spans: Iterable[Triple]) -> None:
        self.spans = sorted(spans)
        self.starts = [s[0] for s in self.spans]
        self.longest = max((s[1] - s[0] for s in self.spans), default=0)

    def around(self, span: Triple) -> list[Triple]:
        low = bisect_left(self.starts, span[0] - self.longest)
        high = bisect_left(self.starts, span[1])
        return self.spans[low:high]


def _kind(
    span: Triple, others: Iterable[Triple], used: set[Triple] | frozenset[Triple]
) -> tuple[str, Triple | None]:
    start, end, label = span
    boundary = crossed = None
    for other in others:
        if other[0] >= end or other[1] <= start or other in used:
            continue
        if other[0] == start and other[1] == end:
            return "label", other
        if other[2] == label:
            boundary = boundary or other
        else:
            crossed = crossed or other
    if boundary is not None:
        return "boundary", boundary
    if crossed is not None:
        return "boundary_and_label", crossed
    return "missing", None
