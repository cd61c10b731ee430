"""Agreement coefficients on plain numbers: no project, no documents (SPEC 9).

Each function returns None where its figure is undefined (no data, or no variation to correct
for chance), never NaN and never a division by zero. Cohen's and Fleiss' kappa come from
statsmodels; Krippendorff's alpha and unitizing alpha are written here (the `krippendorff`
package is GPL-3.0 and only checks these in the tests).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from itertools import accumulate, combinations
from typing import Any

import numpy as np
from numpy.typing import NDArray


def f1(matched: int, total: int) -> float | None:
    """``matched / total`` where ``total`` counts both annotators' spans; None without spans."""
    return matched / total if total else None


def mean_sd(values: Sequence[float | None]) -> tuple[float | None, float | None]:
    """Mean and population standard deviation of the figures that exist."""
    present = [v for v in values if v is not None]
    if not present:
        return None, None
    mean = sum(present) / len(present)
    return mean, (sum((v - mean) ** 2 for v in present) / len(present)) ** 0.5


def cohen_kappa(table: NDArray[Any]) -> float | None:
    """Cohen's kappa from two raters' contingency table (rows: the first rater), by statsmodels.

    None when it is undefined: no items, or both raters used one and the same category
    throughout (no variation, so nothing to correct for chance).
    """
    table = np.asarray(table, dtype=float)
    n = table.sum()
    if n == 0:
        return None
    chance = float((table.sum(axis=0) * table.sum(axis=1)).sum()) / (n * n)
    if chance >= 1.0:
        return None
    from statsmodels.stats.inter_rater import cohens_kappa as statsmodels_cohen

    with np.errstate(divide="ignore", invalid="ignore"):  # its z-value when a variance is 0
        return float(statsmodels_cohen(table).kappa)


def fleiss_kappa(counts: NDArray[Any]) -> float | None:
    """Fleiss' kappa from an items × categories table of rating counts (statsmodels).

    Every item needs the same number (at least two) of ratings. None when undefined: no items,
    or a single category used throughout.
    """
    if counts.shape[0] == 0 or counts.sum(axis=1).min() < 2:
        return None
    if np.count_nonzero(counts.sum(axis=0)) < 2:
        return None
    from statsmodels.stats.inter_rater import fleiss_kappa as statsmodels_fleiss

    return float(statsmodels_fleiss(counts, method="fleiss"))


def krippendorff_alpha_nominal(counts: NDArray[Any]) -> float | None:
    """Krippendorff's alpha for nominal data from an items × values table of rating counts.

    Missing ratings are simply not counted, so items may have any number of ratings; items with
    fewer than two are not pairable and are left out, as in Krippendorff (2011). None when
    undefined: fewer than two pairable values, or a single value used throughout.
    """
    counts = np.asarray(counts, dtype=float)
    per_item = counts.sum(axis=1)
    counts = counts[per_item >= 2]
    per_item = per_item[per_item >= 2]
    n = counts.sum()
    if n < 2:
        return None
    # coincidences within items: o_ck = Σ_u n_uc (n_uk − [c = k]) / (m_u − 1)
    weights = 1.0 / (per_item - 1)
    totals = counts.sum(axis=0)
    agreeing = float((weights[:, None] * counts * (counts - 1)).sum())
    expected = float(n * n - (totals * totals).sum())  # Σ_{c≠k} n_c n_k
    if expected == 0:
        return None
    observed = n - agreeing  # Σ_{c≠k} o_ck
    return float(1.0 - (n - 1) * observed / expected)


# --- the same from counts, a document at a time ------------------------------------------------
#
# Agreement streams a project: it keeps, for each label, how many tokens were marked by how many
# raters, never a vector over every token. These give the figures the table functions above give
# on the whole table, from those counts: integers summed exactly, then the same float steps.


def fleiss_kappa_binary(marked: Sequence[int], raters: int) -> float | None:
    """`fleiss_kappa` of an items × (unmarked, marked) table of ``raters`` ratings per item,
    from ``marked[k]``: how many items ``k`` of the raters marked (as statsmodels computes it)."""
    items = sum(marked)
    if items == 0 or raters < 2:
        return None
    ones = sum(k * count for k, count in enumerate(marked))
    zeros = raters * items - ones
    if zeros == 0 or ones == 0:
        return None
    total = float(raters * items)
    p_zero, p_one = zeros / total, ones / total
    expected = p_zero * p_zero + p_one * p_one
    scale = float(raters) * (raters - 1.0)
    agreement = sum(
        (count * Fraction((float(k * k + (raters - k) ** 2) - raters) / scale)
         for k, count in enumerate(marked) if count),
        Fraction(0),
    )  # fmt: skip
    observed = float(agreement) / items
    return float((observed - expected) / (1 - expected))


def krippendorff_alpha_binary(marked: Sequence[Sequence[int]]) -> float | None:
    """`krippendorff_alpha_nominal` of an items × (unmarked, marked) table, from
    ``marked[m][k]``: how many items had ``m`` ratings, ``k`` of them "marked". The same float
    to the last digit with up to three ratings an item (every term a whole or half number, so
    both sums are exact); with more, within the rounding of the table function's own sum."""
    n = zeros = ones = 0
    agreeing = Fraction(0)
    for raters, row in enumerate(marked):
        if raters < 2:
            continue
        weight = 1.0 / (raters - 1)
        for k, count in enumerate(row):
            if count:
                n += raters * count
                ones += k * count
                zeros += (raters - k) * count
                unmarked = weight * (raters - k) * (raters - k - 1)
                agreeing += count * (Fraction(unmarked) + Fraction(weight * k * (k - 1)))
    if n < 2:
        return None
    total = float(n)
    expected = float(total * total - (float(zeros) * zeros + float(ones) * ones))
    if expected == 0:
        return None
    observed = total - float(agreeing)
    return float(1.0 - (total - 1) * observed / expected)


@dataclass
class UnitizingCounts:
    """What `alpha_u` needs of one category, added a document at a time: the documents laid
    end to end, each coder's units flattened (`flatten`) within their document."""

    coders: int
    length: int = 0
    disagreement: int = 0
    sizes: Counter[int] = field(default_factory=Counter)
    gaps: Counter[int] = field(default_factory=Counter)
    reach: list[int] = field(default_factory=list)
    """Where each coder's last unit ends on the continuum."""
    order: list[array[int]] = field(default_factory=list)
    """Each coder's unit lengths in continuum order, two bytes each (four for longer units):
    past 2**53 the float sum of `alpha_u` rounds, and its order decides the last digit."""

    def add(self, length: int, units: Sequence[Sequence[tuple[int, int]]]) -> None:
        """One document of ``length`` code points: each coder's units in it, sorted, flattened."""
        if not self.reach:
            self.reach = [0] * self.coders
            self.order = [array("H") for _ in range(self.coders)]
        for first, second in combinations(units, 2):
            self.disagreement += _pair_disagreement(list(first), list(second))
        at = self.length
        for coder, unit_list in enumerate(units):
            position = self.reach[coder]
            for begin, end in unit_list:
                if begin + at > position:
                    self.gaps[begin + at - position] += 1
                position = max(position, end + at)
            self.reach[coder] = position
            lengths = [end - begin for begin, end in unit_list]
            self.sizes.update(lengths)
            try:
                self.order[coder].extend(lengths)
            except OverflowError:  # a unit of 65,536 characters or more
                self.order[coder] = array("L", self.order[coder])
                self.order[coder].extend(lengths)
        self.length += length

    def add_batch(self, lengths: NDArray[np.int64], units: Sequence[tuple[Any, Any, Any]]) -> None:
        """Documents of these ``lengths``, after those added before; each coder's units as
        arrays (document in the batch, start, end within it), sorted, flattened (`add`)."""
        if not self.reach:
            self.reach = [0] * self.coders
            self.order = [array("H") for _ in range(self.coders)]
        at = self.length + np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
        placed = []
        for coder, (docs, starts, ends) in enumerate(units):
            begins, finishes = starts + at[docs], ends + at[docs]
            placed.append((begins, finishes))
            before = np.concatenate([[self.reach[coder]], finishes[:-1]]).astype(np.int64)
            gaps = begins - before
            self.gaps.update(gaps[gaps > 0].tolist())
            lengths_of = (finishes - begins).tolist()
            self.sizes.update(lengths_of)
            try:
                self.order[coder].extend(lengths_of)
            except OverflowError:  # a unit of 65,536 characters or more
                self.order[coder] = array("L", self.order[coder])
                self.order[coder].extend(lengths_of)
            if len(finishes):
                self.reach[coder] = int(finishes[-1])
        for first, second in combinations(placed, 2):
            self.disagreement += _pair_disagreement_arrays(first, second)
        self.length += int(lengths.sum())

    def result(self) -> Unitizing | None:
        """`alpha_u` of everything added."""
        coders_n, length = self.coders, self.length
        if coders_n < 2 or length <= 0:
            return None
        gaps = Counter(self.gaps)
        for position in self.reach or [0] * coders_n:
            if length > position:
                gaps[length - position] += 1
        observed = 2 * self.disagreement / (coders_n * (coders_n - 1) * length * length)
        count_n = sum(self.sizes.values())
        widths = sorted(gaps)
        wide_counts = [*list(accumulate(gaps[g] for g in reversed(widths)))[::-1], 0]
        wide_sums = [*list(accumulate(g * gaps[g] for g in reversed(widths)))[::-1], 0]
        terms: dict[int, tuple[float, int]] = {}
        exact = 0
        for size, count in self.sizes.items():
            at = bisect_left(widths, size)
            wide, wide_sum = wide_counts[at], wide_sums[at]
            cubic = (count_n - 1) * (2 * size**3 - 3 * size**2 + size)
            terms[size] = (cubic / 3, size * size * (wide_sum - wide * (size - 1)))
            exact += count * (cubic // 3 + terms[size][1])
        numerator = float(exact)
        if exact >= 2**53:  # `alpha_u`'s float sum rounds here: sum in its order
            numerator = 0.0
            for lengths in self.order:
                for size in lengths:
                    numerator += terms[size][0]
                    numerator += terms[size][1]
        denominator = coders_n * length * (coders_n * length - 1) - sum(
            count * size * (size - 1) for size, count in self.sizes.items()
        )
        if numerator == 0 or denominator <= 0:
            return Unitizing(observed, 0.0)
        return Unitizing(observed, (2 / length) * numerator / denominator)


# --- unitizing alpha --------------------------------------------------------------------------


@dataclass(frozen=True)
class Unitizing:
    """αU of one category: its observed and expected disagreement, and the coefficient."""

    observed: float
    expected: float

    @property
    def alpha(self) -> float | None:
        return 1.0 - self.observed / self.expected if self.expected > 0 else None


def alpha_u(length: int, coders: Sequence[Sequence[tuple[int, int]]]) -> Unitizing | None:
    """Krippendorff's unitizing alpha for one category (Krippendorff 2004, as DKPro computes it).

    ``coders`` holds each coder's units as ``(begin, end)`` on a continuum ``[0, length)``; a
    coder's units must not overlap one another (`flatten` makes them so). Sections are units
    and the gaps between them. Observed disagreement sums, over coder pairs, δ of overlapping
    sections: (b_g − b_h)² + (e_g − e_h)² for two units, l² for a unit lying in the other's gap.
    The expected disagreement uses sorted gap lengths and prefix sums, so it costs
    O(n log n) rather than a loop over every pair of unit and gap.
    """
    coders_n = len(coders)
    if coders_n < 2 or length <= 0:
        return None
    units = [sorted(c) for c in coders]
    total = 0
    for first, second in combinations(units, 2):
        total += _pair_disagreement(first, second)
    observed = 2 * total / (coders_n * (coders_n - 1) * length * length)
    lengths = [end - begin for unit_list in units for begin, end in unit_list]
    gaps = sorted(g for unit_list in units for g in _gaps(unit_list, length))
    suffix = [*list(accumulate(reversed(gaps)))[::-1], 0]  # suffix[i] = Σ gaps[i:]
    count_n = len(lengths)
    numerator = 0.0
    for size in lengths:
        at = bisect_left(gaps, size)
        wide, wide_sum = len(gaps) - at, suffix[at]
        numerator += (count_n - 1) * (2 * size**3 - 3 * size**2 + size) / 3
        numerator += size * size * (wide_sum - wide * (size - 1))
    denominator = coders_n * length * (coders_n * length - 1) - sum(s * (s - 1) for s in lengths)
    if numerator == 0 or denominator <= 0:
        return Unitizing(observed, 0.0)
    return Unitizing(observed, (2 / length) * numerator / denominator)


def _gaps(units: Sequence[tuple[int, int]], length: int) -> list[int]:
    gaps, position = [], 0
    for begin, end in units:
        if begin > position:
            gaps.append(begin - position)
        position = max(position, end)
    if length > position:
        gaps.append(length - position)
    return gaps


def _pair_disagreement(first: list[tuple[int, int]], second: list[tuple[int, int]]) -> int:
    """Σ δ over overlapping sections of two coders (units sorted, not overlapping each other)."""
    total = 0
    touched_first = [False] * len(first)
    touched_second = [False] * len(second)
    j = 0
    for i, (begin, end) in enumerate(first):
        while j < len(second) and second[j][1] <= begin:
            j += 1
        k = j
        while k < len(second) and second[k][0] < end:
            other_begin, other_end = second[k]
            total += (begin - other_begin) ** 2 + (end - other_end) ** 2
            touched_first[i] = touched_second[k] = True
            k += 1
    for (begin, end), touched in zip(first, touched_first, strict=True):
        if not touched:
            total += (end - begin) ** 2
    for (begin, end), touched in zip(second, touched_second, strict=True):
        if not touched:
            total += (end - begin) ** 2
    return total


def _pair_disagreement_arrays(
    first: tuple[NDArray[np.int64], NDArray[np.int64]],
    second: tuple[NDArray[np.int64], NDArray[np.int64]],
) -> int:
    """`_pair_disagreement` of units as arrays (begins, ends), each sorted, not overlapping."""
    (fb, fe), (gb, ge) = first, second
    low = np.searchsorted(ge, fb, side="right")  # the first of the second ending after it begins
    high = np.searchsorted(gb, fe, side="left")  # the first beginning at or after its end
    counts = np.maximum(high - low, 0)
    total = int(counts.sum())
    mine = np.repeat(np.arange(len(fb)), counts)
    theirs = (
        np.repeat(low, counts) + np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    )
    found = int(((fb[mine] - gb[theirs]) ** 2 + (fe[mine] - ge[theirs]) ** 2).sum())
    found += int(((fe - fb)[counts == 0] ** 2).sum())
    touched = np.bincount(theirs, minlength=len(gb)) > 0
    return found + int(((ge - gb)[~touched] ** 2).sum())


def flatten(units: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One coder's units of one category without overlaps: a unit that starts inside the unit
    before it is dropped, as INCEpTION does (the outer of two nested spans is kept)."""
    kept: list[tuple[int, int]] = []
    for begin, end in sorted(units, key=lambda u: (u[0], -u[1])):
        if kept and begin < kept[-1][1]:
            continue
        kept.append((begin, end))
    return kept
