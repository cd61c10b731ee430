"""Import, export in each format, agreement and merge, beside their plain baselines (SPEC 11)."""

from __future__ import annotations

import shutil
from pathlib import Path

import baselines
import corpus
import pytest
from harness import DOCS, Row, measure, record

from alama.core import agreement, merging
from alama.core.exporting import FORMATS, export
from alama.core.importing import import_paths
from alama.core.store import Store

pytestmark = pytest.mark.benchmark
WITHIN_BASELINE = 3.0  # SPEC 11: import and export within 3× of the plain baseline
TOKENS_WITHIN_ROWS = 2.0  # issue 17: JSONL with tokens within 2× of dumping the rows without
AGREEMENT_S = 10.0  # "agreement of 10,000 documents in seconds"


def _fresh(*paths: Path) -> None:
    for path in paths:
        for suffix in ("", "-wal", "-shm", "-journal"):
            found = Path(f"{path}{suffix}")
            if found.is_dir():
                shutil.rmtree(found)
            else:
                found.unlink(missing_ok=True)


def test_import(folder: Path, corpus_file: Path) -> None:
    ours, raw, utils = folder / "import.alama", folder / "import.db", folder / "import-utils.db"

    def alama() -> None:
        with Store.create(ours) as store:
            import_paths(store, [corpus_file])

    record(
        Row(
            f"import {len(corpus.ANNOTATORS) * DOCS:,} JSONL records",
            measure(alama, before=lambda: _fresh(ours)),
            [
                (
                    "json + sqlite3",
                    measure(
                        lambda: baselines.raw_import(corpus_file, raw), before=lambda: _fresh(raw)
                    ),
                ),
                (
                    "sqlite-utils insert",
                    measure(
                        lambda: baselines.sqlite_utils_import(corpus_file, utils),
                        before=lambda: _fresh(utils),
                    ),
                ),
            ],
            target_ratio=WITHIN_BASELINE,
        )
    )


def test_first_jsonl_export(folder: Path, project: Path, raw_db: Path) -> None:
    """The first JSONL export of a project also makes each document's token JSON and keeps it
    (later ones write it as kept): measured on copies of the project as imported, before
    `test_export` exports it."""
    pristine, copy = folder / "pristine.alama", folder / "first.alama"
    shutil.copy(project, pristine)
    out = folder / "first-export.jsonl"

    def fresh() -> None:
        _fresh(copy, out)
        shutil.copy(pristine, copy)

    def run() -> None:
        with Store.open(copy) as store:
            export(store, out, fmt="jsonl")

    figure = measure(run, before=fresh)
    rows = folder / "raw-rows-first.jsonl"
    baseline = measure(
        lambda: baselines.raw_export(raw_db, rows, "jsonl", tokens=False),
        before=lambda: _fresh(rows),
    )
    record(
        Row(
            "export jsonl, the first time (makes the token JSON)",
            figure,
            [("sqlite3 + json, the rows without tokens", baseline)],
        )
    )
    _fresh(pristine, copy, out, rows)


@pytest.mark.parametrize("fmt", FORMATS)
def test_export(fmt: str, folder: Path, project: Path, raw_db: Path) -> None:
    suffix = "" if fmt == "brat" else f".{fmt}"
    ours, raw = folder / f"export-{fmt}{suffix}", folder / f"raw-{fmt}{suffix}"
    with Store.open(project) as store:
        figure = measure(lambda: export(store, ours, fmt=fmt), before=lambda: _fresh(ours))
    compared = [
        (
            "sqlite3 + json",
            measure(lambda: baselines.raw_export(raw_db, raw, fmt), before=lambda: _fresh(raw)),
        )
    ]
    if fmt == "jsonl":  # issue 17: Prodigy's tokens, stored at import, cost little more than none
        rows = folder / "raw-rows.jsonl"
        compared.insert(
            0,
            (
                "sqlite3 + json, the rows without tokens",
                measure(
                    lambda: baselines.raw_export(raw_db, rows, fmt, tokens=False),
                    before=lambda: _fresh(rows),
                ),
            ),
        )
    target = TOKENS_WITHIN_ROWS if fmt == "jsonl" else WITHIN_BASELINE
    record(Row(f"export {fmt}", figure, compared, target_ratio=target))


def test_agreement(project: Path, raw_db: Path) -> None:
    with Store.open(project) as store:
        figure = measure(lambda: agreement.agreement(store))
    record(
        Row(
            "agreement (every figure of SPEC 9)",
            figure,
            [("sqlite3, exact F1 only", measure(lambda: baselines.raw_agreement(raw_db)))],
            target_s=AGREEMENT_S,
        )
    )


def test_merge(folder: Path) -> None:
    """Three annotators' copies of one project, each with its own layer, folded into the lead's."""
    base = folder / "merge-base.alama"
    texts = folder / "texts.jsonl"
    corpus.write_jsonl(texts, DOCS, annotators=())
    with Store.create(base) as store:
        import_paths(store, [texts])
    copies = []
    for who in corpus.ANNOTATORS:
        layer = folder / f"layer-{who}.jsonl"
        corpus.write_jsonl(layer, DOCS, annotators=(who,))
        copy = folder / f"copy-{who}.alama"
        shutil.copyfile(base, copy)
        with Store.open(copy) as store:
            import_paths(store, [layer])
        copies.append(copy)
    ours, raw = folder / "merged.alama", folder / "merged-raw.alama"

    def alama() -> None:
        report = merging.merge(ours, copies)
        assert report.changed

    record(
        Row(
            f"merge {len(copies)} annotators' copies",
            measure(alama, before=lambda: (_fresh(ours), shutil.copyfile(base, ours))),
            [
                (
                    "sqlite3 INSERT OR IGNORE",
                    measure(
                        lambda: baselines.raw_merge(raw, base, copies), before=lambda: _fresh(raw)
                    ),
                )
            ],
        )
    )
