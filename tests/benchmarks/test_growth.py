"""Agreement and merge as the project grows (issue 18): 1,000, 10,000, 30,000 and 100,000
documents × 3 annotators, each beside its plain baseline, and how time and peak memory grow.

A lead runs both on the whole team's work, so neither may hold the project in memory: the peak
should stay flat while the time grows with the project. ALAMA_BENCH_GROWTH sets the sizes
(comma-separated), ALAMA_BENCH_GROWTH_RUNS the runs per figure (default 1: the largest size
takes minutes; at least 3 up to 10,000 documents), ALAMA_BENCH_GROWTH_DIR keeps the generated
projects there to be measured again.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import baselines
import corpus
import pytest
from harness import NOTES, Figure, Row, measure_apart, record

from alama.core.importing import import_paths
from alama.core.store import Store

pytestmark = pytest.mark.benchmark
SIZES = [int(n) for n in os.environ.get("ALAMA_BENCH_GROWTH", "1000,10000,30000,100000").split(",")]
RUNS = int(os.environ.get("ALAMA_BENCH_GROWTH_RUNS", "1"))
KEEP = os.environ.get("ALAMA_BENCH_GROWTH_DIR")
WITHIN = 3.0  # issue 18: agreement within 3x of exact F1, merge within 3x of INSERT OR IGNORE

GROWTH: dict[int, dict[str, Figure]] = {}


@pytest.fixture(scope="module")
def place(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Where the projects of every size are made; the growth table is printed at the end."""
    if KEEP:
        Path(KEEP).mkdir(parents=True, exist_ok=True)
        yield Path(KEEP)
    else:
        yield tmp_path_factory.mktemp("growth")
    NOTES.append(growth_table())
    print("\n" + NOTES[-1], flush=True)


def _fresh(*paths: Path) -> None:
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def _made(where: Path, size: int) -> tuple[Path, Path, Path, list[Path]]:
    """The corpus as an Alama project and as the raw baseline's tables, and for merge the
    project without layers (the base) and one copy per annotator holding only their layer."""
    project, raw, base = where / "corpus.alama", where / "corpus.db", where / "base.alama"
    copies = [where / f"copy-{who}.alama" for who in corpus.ANNOTATORS]
    if all(path.exists() for path in (project, raw, base, *copies)):
        return project, raw, base, copies
    source = where / "corpus.jsonl"
    corpus.write_jsonl(source, size)
    _fresh(project, raw)
    with Store.create(project) as store:
        import_paths(store, [source])
    baselines.raw_import(source, raw)
    source.unlink()
    for target, keep in [(base, None), *zip(copies, corpus.ANNOTATORS, strict=True)]:
        _fresh(target)
        shutil.copyfile(project, target)
        conn = sqlite3.connect(target)
        with conn:  # as if only that annotator's layer had been imported into the texts
            for table, column in (("spans", "annotator"), ("status", "annotator"),
                                  ("annotators", "name")):  # fmt: skip
                conn.execute(f"DELETE FROM {table} WHERE {column} IS NOT ?", (keep,))
        conn.execute("VACUUM")
        conn.close()
    return project, raw, base, copies


@pytest.mark.parametrize("size", SIZES, ids=[f"{n}" for n in SIZES])
def test_growth(size: int, place: Path) -> None:
    runs = RUNS if size > 10_000 else max(RUNS, 3)  # sub-second figures vary: their median
    where = place / f"growth-{size}"
    where.mkdir(exist_ok=True)
    project, raw, base, copies = _made(where, size)
    figure = measure_apart(
        "from alama.core import agreement, measures\n"
        "from alama.core.store import Store\n"
        "measures.cohen_kappa([[1, 2], [3, 4]])  # statsmodels, imported when first needed\n"
        f"store = Store.open({str(project)!r})",
        "agreement.agreement(store)",
        runs=runs,
    )
    baseline = measure_apart(
        f"import baselines\nfrom pathlib import Path\nraw = Path({str(raw)!r})",
        "baselines.raw_agreement(raw)",
        runs=runs,
    )
    record(
        Row(
            f"agreement, {size:,} documents",
            figure,
            [("sqlite3, exact F1 only", baseline)],
            target_ratio=WITHIN,
        )
    )
    ours, plain = where / "merged.alama", where / "merged-raw.alama"
    files = f"copies = {[str(c) for c in copies]!r}\n"
    merged = measure_apart(
        f"from alama.core import merging\n{files}",
        f"assert merging.merge({str(ours)!r}, copies).changed",
        runs=runs,
        before=lambda: (_fresh(ours), shutil.copyfile(base, ours)),
    )
    inserted = measure_apart(
        f"import baselines\nfrom pathlib import Path\n{files}copies = [Path(c) for c in copies]",
        f"baselines.raw_merge(Path({str(plain)!r}), Path({str(base)!r}), copies)",
        runs=runs,
        before=lambda: _fresh(plain),
    )
    record(
        Row(
            f"merge 3 annotators' copies, {size:,} documents",
            merged,
            [("sqlite3 INSERT OR IGNORE", inserted)],
            target_ratio=WITHIN,
        )
    )
    _fresh(ours, plain)
    GROWTH[size] = {
        "agreement": figure,
        "exact F1": baseline,
        "merge": merged,
        "INSERT OR IGNORE": inserted,
    }
    if not KEEP:
        shutil.rmtree(where)


def growth_table() -> str:
    """Time and peak memory at each size, and each over the smallest size's."""
    if not GROWTH:
        return ""
    sizes = sorted(GROWTH)
    first = GROWTH[sizes[0]]
    names = list(first)
    lines = [
        f"Growth: {', '.join(f'{n:,}' for n in sizes)} documents × 3 annotators "
        f"({RUNS} run{'s' * (RUNS != 1)} each); × is over {sizes[0]:,} documents",
        "",
        "| documents | " + " | ".join(names) + " |",
        "|---" * (len(names) + 1) + "|",
    ]
    for size in sizes:
        cells = []
        for name in names:
            fig, small = GROWTH[size][name], first[name]
            peak = "–" if fig.peak_mib is None else f"{fig.peak_mib:.0f} MiB"
            times = fig.median / small.median if small.median > 0 else 0.0
            peaks = (
                f", ×{fig.peak_mib / small.peak_mib:.1f}"
                if fig.peak_mib is not None and small.peak_mib
                else ""
            )
            cells.append(f"{fig.median:.2f} s (×{times:.1f}), {peak}{peaks}")
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
