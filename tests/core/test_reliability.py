"""Nothing is lost: an import killed half-way, and two processes writing one project."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alama.core.store import Store

pytestmark = pytest.mark.slow

PARAGRAPH = (
    "قال المتحدث باسم «الجيش» في مدينة حلب إن الوضع مستقرّ، وأضاف أن 55\u00a0كيلومتراً "
    "من الطريق أعيد فتحها أمام الشاحنات 🚚. "
)


def corpus(path: Path, count: int, tag: str) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = f"{tag} {n}\n" + PARAGRAPH * 6
            start = text.index("حلب")
            out.write(
                json.dumps(
                    {
                        "text": text,
                        "_annotator_id": f"annotator-{tag}",
                        "spans": [
                            {"start": start, "end": start + 3, "label": "PLACE"},
                            {
                                "start": text.index("الجيش"),
                                "end": text.index("الجيش") + 5,
                                "label": "ACTOR",
                            },
                        ],
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
    return path


def start_import(project: Path, source: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "alama.core.cli", "import", str(project), str(source)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )


def test_an_import_killed_half_way_leaves_all_or_nothing(tmp_path: Path) -> None:
    project = tmp_path / "p.alama"
    Store.create(project).close()
    with Store.open(project) as store:
        store.add_document("خبر سابق محفوظ")
    source = corpus(tmp_path / "big.jsonl", 30000, "doc")
    process = start_import(project, source)
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith("writing"), line
    time.sleep(0.2)  # well inside the write phase
    assert process.poll() is None, "the import finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    conn = sqlite3.connect(project)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    with Store.open(project) as store:
        assert store.document_count() in (1, 30001)
        assert store.search("خبر سابق") != []
        spans = sum(1 for _ in store.iter_spans())
        assert spans == (store.document_count() - 1) * 2


def test_two_imports_at_once_both_finish_and_nothing_is_lost(tmp_path: Path) -> None:
    project = tmp_path / "p.alama"
    Store.create(project).close()
    first = corpus(tmp_path / "a.jsonl", 800, "alpha")
    second = corpus(tmp_path / "b.jsonl", 800, "beta")
    processes = [start_import(project, first), start_import(project, second)]
    for process in processes:
        _, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    with Store.open(project) as store:
        assert store.document_count() == 1600
        assert store.annotators() == ["annotator-alpha", "annotator-beta"]
        assert sum(1 for _ in store.iter_spans()) == 3200
