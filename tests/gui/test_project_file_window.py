"""Nothing a window does is lost when background jobs and other programs use its project file.

A background job (Review ▸ Agreement…, File ▸ Export…, File ▸ Merge…) opens the project on a
connection of its own. Alama 0.1.0 first read the file's header with a plain ``open()``: closing
that descriptor dropped the POSIX locks the window's connection held, so `alama stats` in a
terminal checkpointed and deleted the write-ahead log under the window. The next label was
painted but written to a deleted file (lost at kill -9), or the file was left malformed.

The window runs in a process of its own (offscreen, through pytest-qt) that dies without
closing anything; this test then reads what reached the file.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core import review
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.conftest import ROOT
from tests.gui.conftest import FIRST, SECOND, select

SCENARIO = "ALAMA_WINDOW_SCENARIO"
WORDS = ("وزير", "الدفاع", "القوات", "قاعدة")  # labelled one by one, between the jobs


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alama.core.cli", *args],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip


def another_program_writes(project: Path) -> None:
    """A program of its own writes to the project through SQLite, and closes it."""
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1], timeout=60); "
        "c.execute(\"INSERT INTO annotators (name, created_at) VALUES ('omar', 'now')\"); "
        "c.commit(); c.close()"
    )
    subprocess.run([sys.executable, "-c", script, str(project)], check=True, timeout=120)


def test_every_action_survives_jobs_other_programs_and_a_kill(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         f"{__file__}::test_window_half_of_the_scenario"],
        env={**os.environ, SCENARIO: str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    done = tmp_path / "done.json"
    assert done.exists(), result.stdout[-3000:] + result.stderr[-3000:]
    labelled = {tuple(key) for key in json.loads(done.read_text("utf-8"))}
    project = tmp_path / "p.alama"
    conn = sqlite3.connect(project)  # the window's process died: its log is still beside it
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        spans = set(
            conn.execute("SELECT start_char, end_char, label FROM spans WHERE annotator = 'amal'")
        )
        names = {row[0] for row in conn.execute("SELECT name FROM annotators")}
        texts = {row[0] for row in conn.execute("SELECT text FROM documents")}
    finally:
        conn.close()
    assert len(labelled) == len(WORDS)
    assert spans == labelled  # every label, the one after the other programs too
    assert {"amal", "omar"} <= names  # the other program's write
    assert SECOND in texts  # the merge
    with Store.open(project) as store:
        assert store.document_count() == 2


def test_window_half_of_the_scenario(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run by the test above in a process of its own, which it ends without closing."""
    if SCENARIO not in os.environ:
        pytest.skip("the window half of the test above, run in a process of its own")
    folder = Path(os.environ[SCENARIO])
    project = folder / "p.alama"
    with Store.create(folder / "source.alama") as source:
        source.add_document(SECOND)
    store = Store.create(project)
    store.add_document(FIRST)
    settings = Settings(folder / "settings.ini")
    settings.annotator = "amal"
    window = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    outcomes: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, shown: outcomes.append(shown),
    )
    labelled: list[tuple[int, int, str]] = []

    def label(word: str) -> None:
        start = FIRST.index(word)
        window.activateWindow()
        window.article.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article)
        select(window, start, start + len(word))
        qtbot.keyClick(window.article, Qt.Key.Key_1)
        labelled.append((start, start + len(word), "ACTOR"))

    label(WORDS[0])
    window.commands.show_agreement().close()
    label(WORDS[1])
    export = ExportDialog(window.store, window)
    export.output.setText(str(folder / "out.jsonl"))
    export.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.export_files(export), outcomes
    label(WORDS[2])
    assert window.commands.merge_files([folder / "source.alama"]), outcomes
    cli("stats", str(project))  # another program reads the file, and closes it
    another_program_writes(project)
    label(WORDS[3])
    assert [(s.start, s.end, s.label) for s in window.session.spans(window.doc or 0)] == sorted(
        labelled
    )
    (folder / "done.json").write_text(json.dumps(labelled), encoding="utf-8")
    sys.stdout.flush()
    os._exit(0)  # dies as kill -9 would: nothing is closed, nothing more is written


def test_the_window_opens_a_project_whose_rows_were_changed_by_hand(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """Metadata and 'agreed' that are not JSON, a status Alama never writes and a span beyond
    the text: the window opens, in both modes, and shows what can be shown."""
    project = tmp_path / "p.alama"
    with Store.create(project) as store:
        doc, _ = store.add_document(FIRST)
        for annotator in ("amal", "bilal"):
            store.add_spans(doc, annotator, [(6, 10, "ACTOR"), (11, 17, "PLACE")])
            store.set_status(doc, annotator, Status.DONE)
        review.accept_agreed(store, "lead", 2)
    conn = sqlite3.connect(project)
    conn.executescript(
        "PRAGMA ignore_check_constraints = 1;"
        "UPDATE documents SET meta = '{not json';"
        "UPDATE spans SET agreed = '[oops' WHERE annotator = '@gold';"
        "UPDATE status SET state = 'weird' WHERE annotator = 'amal';"
        "UPDATE spans SET end_char = 999999 WHERE annotator = 'amal' AND start_char = 11;"
    )
    conn.close()
    settings = Settings(tmp_path / "settings.ini")
    for name, reviewing in (("amal", False), ("lead", True)):
        store = Store.open(project)
        window = MainWindow(Session(store, name, reviewing), settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        painted = window.article.painted()
        assert painted == (
            [(6, 10, "ACTOR")] if not reviewing else [(6, 10, "ACTOR"), (11, 17, "PLACE")]
        )
        window.close()
        store.close()
