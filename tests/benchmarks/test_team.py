"""A lead's round on 10,000 documents: assign them to 10 annotators, hand out their copies."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from harness import DOCS, Row, measure, record

from alama.core import assignment, handout
from alama.core.store import Store

pytestmark = pytest.mark.benchmark
TEAM = [f"annotator{n:02d}" for n in range(10)]
WITHIN_BACKUPS = 3.0  # handing out may cost a few plain copies of the project, not more


def _fresh_copy(source: Path, target: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)


def _empty(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _backups(project: Path, folder: Path) -> None:
    """The baseline: SQLite's backup of the whole project, once per annotator."""
    folder.mkdir()
    source = sqlite3.connect(project)
    for name in TEAM:
        dest = sqlite3.connect(folder / f"{name}.db")
        source.backup(dest)
        dest.close()
    source.close()


def test_assign_and_hand_out(folder: Path, project: Path) -> None:
    planned = folder / "team.alama"

    def assign() -> None:
        with Store.open(planned) as store:
            report = assignment.assign(store, TEAM, overlap=0.2, per_document=2, seed=1,
                                       documents="all")  # fmt: skip
        assert report.documents == DOCS

    record(
        Row(
            f"assign {DOCS:,} documents to {len(TEAM)} annotators, 20 % to two",
            measure(assign, before=lambda: _fresh_copy(project, planned)),
        )
    )
    out, raw = folder / "handout", folder / "backups"

    def hand_out() -> None:
        report = handout.handout(planned, out)
        assert len(report.files) == len(TEAM)

    record(
        Row(
            f"hand out {len(TEAM)} annotators' copies",
            measure(hand_out, before=lambda: _empty(out)),
            [
                (
                    f"sqlite3 backup of the project ×{len(TEAM)}",
                    measure(lambda: _backups(planned, raw), before=lambda: _empty(raw)),
                )
            ],
            target_ratio=WITHIN_BACKUPS,
        )
    )
