"""Fixtures of `make bench`: the corpus, its imports, and the table printed at the end.

ALAMA_BENCH_DOCS (default 10,000) sets the corpus size, ALAMA_BENCH_OPEN_DOCS (default 100,000)
the project opened in the window, ALAMA_BENCH_RUNS (default 3) the runs per batch figure, and
ALAMA_BENCH_REPORT (default build/bench.md) where the Markdown table is written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import baselines
import corpus
import harness

from alama.core.importing import import_paths
from alama.core.store import Store


@pytest.fixture(scope="session", autouse=True)
def table() -> Iterator[None]:
    """Print the table of every figure, and write it as Markdown, when the run ends."""
    yield
    harness.report(
        f"Alama benchmark: {harness.DOCS:,} documents × {len(corpus.ANNOTATORS)} annotators "
        f"× ~20 spans; the window opens a {harness.OPEN_DOCS:,}-document project",
        harness.REPORT,
    )


@pytest.fixture(scope="session")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench")


@pytest.fixture(scope="session")
def corpus_file(folder: Path) -> Path:
    """DOCS articles, one JSONL record per article and annotator."""
    path = folder / "corpus.jsonl"
    corpus.write_jsonl(path, harness.DOCS)
    return path


@pytest.fixture(scope="session")
def project(folder: Path, corpus_file: Path) -> Path:
    """The corpus imported into an Alama project."""
    path = folder / "corpus.alama"
    with Store.create(path) as store:
        import_paths(store, [corpus_file])
    return path


@pytest.fixture(scope="session")
def raw_db(folder: Path, corpus_file: Path) -> Path:
    """The corpus through the raw baseline's import."""
    path = folder / "corpus.db"
    baselines.raw_import(corpus_file, path)
    return path
