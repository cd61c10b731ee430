"""Every coefficient reproduces published worked examples (../shared/research/iaa.md, §3).

The data are copied here from the papers' tables, so these tests run without ../shared. The
`krippendorff` package (GPL-3.0) is a test oracle only: it checks our alpha on random data.
"""

from __future__ import annotations

import math

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core import measures


def counts_table(ratings: list[list[object]]) -> np.ndarray:
    """Items × values counts from each item's ratings (missing ratings left out of the lists)."""
    values = sorted({value for item in ratings for value in item}, key=str)
    column = {value: i for i, value in enumerate(values)}
    table = np.zeros((len(ratings), len(values)), dtype=np.int64)
    for row, item in enumerate(ratings):
        for value in item:
            table[row, column[value]] += 1
    return table


# --- Krippendorff's alpha, nominal ---------------------------------------------------------------

# C1. Krippendorff 2011, "Computing Krippendorff's alpha-reliability": 4 observers × 12 units.
C1 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, None],
]
# C2. Krippendorff 1980 p. 133 / 2011 example A: binary, 2 coders × 10 units.
C2 = [[1, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0, 1, 1, 0, 0, 1, 0, 1, 0, 0]]
# C3. Wikipedia "Krippendorff's alpha": 3 coders × 15 units.
N = None
C3 = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]
# C4. Krippendorff 2004 p. 227: 2 coders, 12 items.
C4_PAIRS = ("aa", "ab", "bb", "bb", "bb", "bb", "bc", "cc", "cc", "cc", "cc", "cc")
C4 = [[pair[0] for pair in C4_PAIRS], [pair[1] for pair in C4_PAIRS]]
# C6. Krippendorff 1980 p. 139: 3 coders, 9 items.
C6_ITEMS = [(1, 1, 1), (1, 2, 2), (2, 2, 2), (4, 4, 4), (1, 4, 4), (2, 2, 2), (1, 2, 3), (3, 3, 3),
            (2, 2, 2)]  # fmt: skip


def by_items(coders: list[list[object]]) -> list[list[object]]:
    """Each item's ratings, the missing ones left out."""
    return [[c[i] for c in coders if c[i] is not None] for i in range(len(coders[0]))]


@pytest.mark.parametrize(
    "items, expected",
    [
        (by_items(C1), 0.743),
        (by_items(C2), 0.095),
        (by_items(C3), 0.691),
        (by_items(C4), 0.734),
        ([list(item) for item in C6_ITEMS], 0.642),
    ],
    ids=["C1-krippendorff-2011", "C2-binary", "C3-wikipedia", "C4-2004-p227", "C6-1980-p139"],
)
def test_krippendorff_alpha_nominal_published(items: list[list[object]], expected: float) -> None:
    alpha = measures.krippendorff_alpha_nominal(counts_table(items))
    assert alpha == pytest.approx(expected, abs=0.0005)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(0, 2)), min_size=3, max_size=3),
        min_size=2,
        max_size=30,
    )
)
def test_krippendorff_alpha_agrees_with_the_reference_package(
    units: list[list[int | None]],
) -> None:
    coders = [[unit[c] for unit in units] for c in range(3)]
    ours = measures.krippendorff_alpha_nominal(counts_table(by_items(coders)))
    data = np.array([[np.nan if v is None else v for v in coder] for coder in coders], dtype=float)
    try:
        theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    except ValueError:  # the package refuses a single value or no pairable unit
        theirs = math.nan
    if ours is None:
        assert math.isnan(theirs) or theirs == pytest.approx(1.0) or np.isinf(theirs)
    else:
        assert ours == pytest.approx(theirs, abs=1e-9)


def test_alpha_without_variation_or_pairs_is_none() -> None:
    assert measures.krippendorff_alpha_nominal(counts_table([[1, 1], [1, 1]])) is None
    assert measures.krippendorff_alpha_nominal(counts_table([[1], [2]])) is None
    assert measures.krippendorff_alpha_nominal(np.zeros((0, 2))) is None


# --- Cohen's kappa --------------------------------------------------------------------------------


def binary_table(first: list[int], second: list[int]) -> np.ndarray:
    table = np.zeros((2, 2), dtype=np.int64)
    for a, b in zip(first, second, strict=True):
        table[a, b] += 1
    return table


# C5. Krippendorff 1995 "digitized" positions, pairs A and C.
BERTHA = [0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0]
BILL = [0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0]
GERRET = [0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0]
GILL = [1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]


@pytest.mark.parametrize(
    "table, expected",
    [
        ([[88, 14, 18], [10, 40, 10], [2, 6, 12]], 0.492),  # C10. Cohen 1960 p. 45
        ([[20, 10], [20, 50]], 0.348),  # C11. Artstein & Poesio 2008 example 1
        ([[46, 0, 0], [6, 32, 6], [0, 0, 10]], 0.8013),  # C11. example 2
        ([[0, 4, 1], [0, 8, 0], [0, 1, 5]], 0.4842),  # C12. SAS printout
        (binary_table(BERTHA, BILL), 0.385),  # C5. digitized A
        (binary_table(GERRET, GILL), 0.314),  # C5. digitized C
    ],
    ids=[
        "cohen-1960",
        "artstein-poesio-1",
        "artstein-poesio-2",
        "sas",
        "digitized-A",
        "digitized-C",
    ],
)
def test_cohen_kappa_published(table: list[list[int]], expected: float) -> None:
    assert measures.cohen_kappa(np.array(table)) == pytest.approx(expected, abs=0.0006)


def test_cohen_kappa_without_variation_is_none() -> None:
    assert measures.cohen_kappa(np.array([[0, 0], [0, 0]])) is None
    assert measures.cohen_kappa(np.array([[40, 0], [0, 0]])) is None  # everything "outside"


def test_binary_alpha_of_the_digitized_example() -> None:
    items = [[a, b] for a, b in zip(BERTHA, BILL, strict=True)]
    assert measures.krippendorff_alpha_nominal(counts_table(items)) == pytest.approx(
        0.329, abs=0.0005
    )


# --- Fleiss' kappa -------------------------------------------------------------------------------

# C8. Fleiss 1971 p. 379: 30 subjects × 6 ratings, categories 1-5, one string per subject.
FLEISS_1971 = [
    "444444", "222555", "233335", "555555", "222444", "113333", "333355", "113334", "114444",
    "555555", "144444", "124444", "222333", "144444", "224445", "333335", "111455", "111112",
    "224444", "133555", "555555", "244444", "224555", "114444", "144445", "222224", "111155",
    "224444", "133333", "555555",
]  # fmt: skip
# C9. Wikipedia "Fleiss' kappa": 10 subjects × 14 raters, counts per category 1-5.
WIKIPEDIA = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def test_fleiss_kappa_published() -> None:
    fleiss = counts_table([list(subject) for subject in FLEISS_1971])
    assert measures.fleiss_kappa(fleiss) == pytest.approx(0.4302, abs=0.0001)
    assert measures.fleiss_kappa(np.array(WIKIPEDIA)) == pytest.approx(0.210, abs=0.0005)


def test_fleiss_kappa_degenerate_cases_are_none() -> None:
    assert measures.fleiss_kappa(np.zeros((0, 2))) is None
    assert measures.fleiss_kappa(np.array([[3, 0], [3, 0]])) is None  # one category throughout
    assert measures.fleiss_kappa(np.array([[1, 0], [0, 1]])) is None  # one rating per item


# --- unitizing alpha ----------------------------------------------------------------------------


def units(spec: list[tuple[int, int]], offset: int = 0, scale: float = 1) -> list[tuple[int, int]]:
    """(begin, length) as in the papers → (begin, end) on the continuum."""
    return [
        (int(begin * scale) - offset, int(begin * scale) - offset + int(length * scale))
        for begin, length in spec
    ]


def test_alpha_u_krippendorff_2004() -> None:
    # U1. Content Analysis p. 254 / Quality & Quantity 38: continuum [150, 450)
    c = measures.alpha_u(
        300, [units([(225, 70), (370, 30)], 150), units([(220, 80), (355, 20), (400, 20)], 150)]
    )
    k = measures.alpha_u(
        300, [units([(180, 60), (300, 50)], 150), units([(180, 60), (300, 50)], 150)]
    )
    assert c is not None and k is not None
    assert (c.observed, c.expected) == (
        pytest.approx(0.0144, abs=5e-5),
        pytest.approx(0.0532, abs=5e-5),
    )
    assert c.alpha == pytest.approx(0.7286, abs=5e-5)
    assert k.observed == 0 and k.expected == pytest.approx(0.0490, abs=5e-5)
    assert k.alpha == 1.0
    overall = 1 - (c.observed + k.observed) / (c.expected + k.expected)
    assert overall == pytest.approx(0.8591, abs=0.0005)


def test_alpha_u_dkpro_constructed_cases() -> None:
    # U2. DKPro UnitizingAgreementTest: one long unit against three short ones
    study = measures.alpha_u(10, [[(1, 9)], [(2, 3), (4, 5), (6, 7)]])
    assert study is not None
    assert study.observed == pytest.approx(0.9100, abs=5e-5)
    assert study.expected == pytest.approx(0.5351, abs=1e-4)
    assert study.alpha == pytest.approx(-0.7003, abs=5e-5)
    single = measures.alpha_u(20, [[(0, 1)], [], []])  # a single unit of one coder of three
    assert single is not None and single.alpha == 0.0
    empty = measures.alpha_u(20, [[], [], []])  # no units: undefined, never a crash
    assert empty is not None and empty.alpha is None
    assert measures.alpha_u(20, [[(0, 5)]]) is None  # one coder


KRIPPENDORFF_1995 = {
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)], 0.03125, 0.553),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)], 2.26736, -0.926),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)],
          0.02777, 0.679),
    "D": ([(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)], [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
          0.38715, 0.066),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(KRIPPENDORFF_1995))
def test_alpha_u_krippendorff_1995(name: str) -> None:
    # U3. Four 2-coder studies on 24 positions: D_O exact at any scale; alpha at a large scale
    # within DKPro's ±0.02 (the paper's D_E seems to carry a small error).
    first, second, observed, alpha = KRIPPENDORFF_1995[name]
    for scale in (1, 2, 10):
        study = measures.alpha_u(
            24 * scale, [units(first, scale=scale), units(second, scale=scale)]
        )
        assert study is not None
        assert study.observed == pytest.approx(observed, abs=1e-5)
    large = measures.alpha_u(24 * 500, [units(first, scale=500), units(second, scale=500)])
    assert large is not None and large.alpha == pytest.approx(alpha, abs=0.02)
    if name == "C":  # the strict value: s = 0.5
        half = measures.alpha_u(12, [units(first, scale=0.5), units(second, scale=0.5)])
        assert half is not None
        assert half.expected == pytest.approx(0.05494, abs=1e-5)
        assert half.alpha == pytest.approx(0.494, abs=0.0005)


def test_alpha_u_expected_disagreement_matches_the_direct_sum() -> None:
    # The prefix-sum expected disagreement equals the literal double sum over units and gaps.
    coders = [[(3, 9), (20, 31), (40, 41)], [(0, 9), (22, 30), (33, 45)], [(5, 6)]]
    length = 50
    study = measures.alpha_u(length, coders)
    assert study is not None
    lengths = [e - b for c in coders for b, e in c]
    gaps = []
    for c in coders:
        position = 0
        for b, e in c:
            if b > position:
                gaps.append(b - position)
            position = e
        if position < length:
            gaps.append(length - position)
    numerator = sum(
        (len(lengths) - 1) * (2 * n**3 - 3 * n**2 + n) / 3
        + n * n * sum(g - n + 1 for g in gaps if g >= n)
        for n in lengths
    )
    r = len(coders)
    denominator = r * length * (r * length - 1) - sum(n * (n - 1) for n in lengths)
    direct = (2 / length) * numerator / denominator
    assert study.expected == pytest.approx(direct, rel=1e-12)


def test_flatten_keeps_the_outer_of_nested_units() -> None:
    assert measures.flatten([(5, 8), (0, 10), (12, 15), (14, 20)]) == [(0, 10), (12, 15)]


def test_mean_and_population_sd_skip_missing_figures() -> None:
    assert measures.mean_sd([None, None]) == (None, None)
    mean, sd = measures.mean_sd([0.8, None, 1.0])
    assert mean == pytest.approx(0.9) and sd == pytest.approx(0.1)
