"""The window while another program holds the project's write lock (review of issue 15,
defects 1-4): no action is built from what the file was, none is lost without a word, a
failed one leaves no step in the history, quitting asks, and opening never stands still."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

TEXT = "قال وزير الدفاع الأمريكي إن القوات ستنسحب من قاعدة التنف قريبا"

LOCKER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
for line in sys.stdin:
    if line.strip() == "go":
        break
    conn.execute(line)
conn.execute("COMMIT")
"""


class Locker:
    """Another program holding the write lock; it may write before it lets go."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", LOCKER, str(path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"

    def run(self, sql: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(sql + "\n")
        self.process.stdin.flush()

    def release(self) -> None:
        if self.process.poll() is None:
            self.run("go")
            self.process.wait(10)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = store.add_document(TEXT)
        store.add_span(doc, "amal", 4, 8, "ACTOR")
        store.add_span(doc, "bilal", 4, 8, "ACTOR")
        store.set_status(doc, "amal", Status.DONE)
        store.set_status(doc, "bilal", Status.DONE)
    return path


@pytest.fixture
def locker(project: Path) -> Iterator[Locker]:
    held = Locker(project)
    yield held
    held.release()


def spans(path: Path, layer: str) -> list[tuple[int, int, str]]:
    with Store.open(path) as store:
        return sorted(s.key for s in store.spans(store.document_ids()[0], layer))


def test_actions_after_a_kept_one_are_refused_not_built_from_the_old_file(
    qapp: QApplication, project: Path, locker: Locker
) -> None:
    """q1: label twice, mark done, take it back, while busy: one span, the last choice is not
    silently lost (refused, and the user is told), undo is right."""
    store = Store.open(project)
    session = Session(store, "amal")
    refused: list[None] = []
    session.refused.connect(lambda: refused.append(None))
    doc = store.document_ids()[0]
    session.add_span(doc, 28, 34, "CLAIM", True)
    session.add_span(doc, 28, 34, "CLAIM", True)
    session.set_status(doc, Status.IN_PROGRESS)
    session.undo()
    assert len(session.pending) == 1 and len(refused) == 3
    locker.release()
    assert session.flush()
    assert spans(project, "amal") == [(4, 8, "ACTOR"), (28, 34, "CLAIM")]
    assert store.status(doc, "amal") is Status.DONE, "the refused status change was not made"
    assert session.undo_stack.count() == 1
    session.undo()
    assert spans(project, "amal") == [(4, 8, "ACTOR")]
    store.close()


def test_review_keys_while_busy_give_gold_once(
    qapp: QApplication, project: Path, locker: Locker
) -> None:
    """q3: accept, accept again, reject while busy: gold once, not also rejected."""
    store = Store.open(project)
    session = Session(store, "lead", reviewing=True)
    doc = store.document_ids()[0]
    session.accept(doc, (4, 8, "ACTOR"))
    session.accept(doc, (4, 8, "ACTOR"))
    session.reject(doc, (4, 8, "ACTOR"))
    locker.release()
    assert session.flush()
    assert spans(project, "@gold") == [(4, 8, "ACTOR")]
    assert store.rejections(doc) == {}
    session.reject(doc, (4, 8, "ACTOR"))  # once saved, the reviewer's choice is taken
    session.undo()
    assert spans(project, "@gold") == [(4, 8, "ACTOR")] and store.rejections(doc) == {}
    store.close()


def test_growing_twice_while_busy_grows_once_and_undo_restores_it(
    qapp: QApplication, project: Path, locker: Locker
) -> None:
    """q9: the second grow would be built from the span as the file had it."""
    store = Store.open(project)
    session = Session(store, "amal")
    doc = store.document_ids()[0]
    shown = store.spans(doc, "amal")[0]
    session.resize(shown, "end", True, True)
    session.resize(store.spans(doc, "amal")[0], "end", True, True)
    locker.release()
    assert session.flush()
    assert spans(project, "amal") == [(4, 15, "ACTOR")]
    session.undo()
    assert spans(project, "amal") == [(4, 8, "ACTOR")]
    store.close()


def test_a_kept_action_the_file_refuses_is_dropped_with_its_undo_step_and_the_rest_saved(
    qapp: QApplication, project: Path, locker: Locker
) -> None:
    """q2: the span relabelled while busy is deleted by the other program: the relabel is
    dropped (no retry forever, no step left in the history), the user is told why, and the
    action kept after it is saved."""
    store = Store.open(project)
    first = Session(store, "amal")
    failures: list[object] = []
    doc = store.document_ids()[0]
    span = store.spans(doc, "amal")[0]
    first.relabel(span, "CLAIM")
    second = Session(store, "amal")  # the window rebuilt (another language): it takes over
    second.failed.connect(failures.append)
    second.add_span(doc, 28, 34, "PLACE", True)
    second.take_over(first)
    assert len(second.pending) == 2
    locker.run(f"UPDATE spans SET deleted_at = 'now' WHERE id = '{span.id}'")
    locker.release()
    assert second.flush()
    assert spans(project, "amal") == [(28, 34, "PLACE")]
    assert [str(f) for f in failures] == ["that span was deleted"]
    assert first.undo_stack.count() == 0, "no step whose undo would fail"
    assert second.undo_stack.count() == 1
    store.close()


def test_an_action_that_fails_at_once_leaves_no_step_in_the_history(
    qapp: QApplication, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q11 (a full disk): the failed label is said, and undo takes back the one before."""
    from alama.core.errors import ProjectError

    store = Store.open(project)
    session = Session(store, "amal")
    failures: list[object] = []
    session.failed.connect(failures.append)
    doc = store.document_ids()[0]
    session.add_span(doc, 28, 34, "CLAIM", True)

    def full(*args: object, **kwargs: object) -> None:
        raise ProjectError("the disk is full")

    monkeypatch.setattr(store, "add_span", full)
    session.add_span(doc, 47, 52, "PLACE", True)
    monkeypatch.undo()
    assert [str(f) for f in failures] == ["the disk is full"]
    assert [session.undo_stack.text(i) for i in range(session.undo_stack.count())] == [
        "Label Claim"
    ]
    session.undo()
    assert spans(project, "amal") == [(4, 8, "ACTOR")]
    session.redo()
    assert spans(project, "amal") == [(4, 8, "ACTOR"), (28, 34, "CLAIM")]
    store.close()


@pytest.fixture
def application(qapp: QApplication, tmp_path: Path) -> Iterator[Application]:
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    app = Application(qapp, settings)  # type: ignore[arg-type]
    yield app
    for session in [app.session, *app.draining]:
        if session is not None:
            session.pending.clear()
    if app.window is not None:
        app.window.close()
    if app.session is not None:
        app.session.store.close()


def answer(text: str, seen: list[str]) -> None:
    """Press ``text`` in the message box about to open, noting what it said."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QPushButton

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.append(box.text())
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == text]
        button.click()

    QTimer.singleShot(20, press)


def test_closing_with_a_failing_kept_action_does_not_raise_and_says_why(
    application: Application, project: Path, locker: Locker, qtbot: QtBot
) -> None:
    """q12: closing saves what it can, says what it could not, and closes."""
    assert application.open(project)
    window, session = application.window, application.session
    assert window is not None and session is not None
    span = session.spans(window.doc or 0)[0]
    session.relabel(span, "CLAIM")
    locker.run(f"UPDATE spans SET deleted_at = 'now' WHERE id = '{span.id}'")
    locker.release()
    seen: list[str] = []
    answer("OK", seen)
    assert window.close()
    assert seen and "that span was deleted" in seen[0]
    assert session.pending == []


def test_reopening_the_same_file_while_busy_hands_the_kept_action_over(
    application: Application, project: Path, locker: Locker, qtbot: QtBot
) -> None:
    """q5: Change annotator, an import or a merge reopen the file: the kept action is not
    left behind in the old window; the new one asks before quitting, and shows it once saved."""
    assert application.open(project)
    old = application.session
    assert old is not None
    doc = old.store.document_ids()[0]
    old.add_span(doc, 28, 34, "PLACE", True)
    application.change_project(project)
    window, session = application.window, application.session
    assert window is not None and session is not None and session is not old
    assert len(session.pending) == 1 and application.draining == []
    seen: list[str] = []
    answer("Wait, then close", seen)
    assert not window.close()
    assert seen and "not saved yet" in seen[0]
    locker.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert spans(project, "amal") == [(4, 8, "ACTOR"), (28, 34, "PLACE")]


def test_quitting_asks_about_an_earlier_window_still_saving_to_another_file(
    application: Application, project: Path, locker: Locker, tmp_path: Path, qtbot: QtBot
) -> None:
    assert application.open(project)
    old = application.session
    assert old is not None
    old.add_span(old.store.document_ids()[0], 28, 34, "PLACE", True)
    assert application.open(tmp_path / "other.alama")
    assert len(application.draining) == 1
    window = application.window
    assert window is not None
    seen: list[str] = []
    answer("Wait, then close", seen)
    assert not window.close()
    assert seen and "not saved yet" in seen[0]
    locker.release()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    assert spans(project, "amal") == [(4, 8, "ACTOR"), (28, 34, "PLACE")]


def test_a_new_annotator_opens_the_window_at_once_while_another_program_writes(
    application: Application, project: Path, locker: Locker, qtbot: QtBot
) -> None:
    """q6: no minute-long freeze, no traceback: the name is registered with the first
    action that is saved."""
    application.settings.annotator = "sara"
    started = time.monotonic()
    assert application.open(project)
    assert time.monotonic() - started < 3
    session = application.session
    assert session is not None and session.annotator == "sara"
    session.add_span(session.store.document_ids()[0], 28, 34, "PLACE", True)
    locker.release()
    qtbot.waitUntil(lambda: not session.pending, timeout=5000)
    assert spans(project, "sara") == [(28, 34, "PLACE")]
    assert "sara" in session.store.annotators()


def test_a_name_the_project_refuses_is_said_in_one_line(
    application: Application, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: said.append(text))
    application.settings.annotator = "@gold"
    monkeypatch.setattr("alama.gui.app.similar_annotator", lambda name, known: None)
    assert not application.open(project)
    assert said == ["'@gold' cannot be an annotator name"]
    assert application.window is None


def test_a_new_annotator_on_read_only_media_is_told_it_cannot_be_changed(
    application: Application, project: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    """The window opens to read, says so at once, and says again when a label is refused."""
    import os

    media = tmp_path / "media"
    media.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(media)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        copy = media / "p.alama"
        copy.write_bytes(project.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
        application.settings.annotator = "sara"
        assert application.open(copy)
        window, session = application.window, application.session
        assert window is not None and session is not None
        boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert boxes and f"{copy} cannot be changed: it is on a read-only disk" in boxes[0].text()
        assert "opened to be read" in boxes[0].text()
        boxes[0].close()
        session.add_span(session.store.document_ids()[0], 28, 34, "PLACE", True)
        assert "could not be saved" in window.statusBar().currentMessage()
        assert "read-only disk" in window.statusBar().currentMessage()
        assert session.undo_stack.count() == 0 and session.pending == []
        window.close()
        session.store.close()
        application.session = application.window = None
    finally:
        subprocess.run(["umount", "-l", str(media)], check=False)


def test_the_window_shows_what_another_program_wrote(qtbot: QtBot, tmp_path: Path) -> None:
    """`alama import` in a terminal, or a second window, while this one is open: the list
    gains the new document and the article the other program's span, without reopening."""
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        store.add_document("قال الوزير إن المحادثات ستستمر.")
    store = Store.open(path)
    window = MainWindow(Session(store, "amal"), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    assert window.navigator.documents.rowCount() == 1
    with Store.open(path) as other:  # another program, through its own connection
        other.add_document("خبر آخر من موسكو.")
        other.add_span(1, "amal", 4, 10, "ACTOR")
    qtbot.waitUntil(lambda: window.navigator.documents.rowCount() == 2, timeout=5000)
    assert window.article.painted() == [(4, 10, "ACTOR")]
    assert "1" in window.spans_title.text()
    window.close()
    store.close()
