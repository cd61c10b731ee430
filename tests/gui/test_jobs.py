"""Work off the GUI thread (`alama.gui.jobs`): its outcome always comes back, its failure in one
line, its progress and notes reach the dialog, Cancel stops it, and the dialog goes away."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from PySide6.QtCore import QEventLoop, QThread, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from alama.core.errors import InputError
from alama.core.store import Store
from alama.gui.jobs import Notify, Outcome, Progress, Worker, run_job

ERROR = "news.conll, line 3: no label after B-"


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    """The window a job's progress dialog is modal to."""
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project file with one document, closed: the worker opens its own connection."""
    with Store.create(tmp_path / "p.alama") as store:
        store.add_document("خبر عن مدينة حلب")
    return tmp_path / "p.alama"


def failing_at_once(store: Store, progress: Progress, notify: Notify) -> str:
    raise InputError(ERROR)


def progress_dialogs(parent: QWidget) -> list[QProgressDialog]:
    return parent.findChildren(QProgressDialog)


@pytest.fixture
def loop_cannot_hang(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """`run_job`'s local loop, stopped after 10 s with a failure instead of hanging the run."""
    exit_codes: list[int] = []

    class GuardedLoop(QEventLoop):
        def exec(self) -> int:  # type: ignore[override]
            QTimer.singleShot(10_000, self, lambda: self.exit(1))
            code = super().exec()
            exit_codes.append(code)
            return code

    monkeypatch.setattr("alama.gui.jobs.QEventLoop", GuardedLoop)
    yield exit_codes
    assert 1 not in exit_codes, "the local loop was never told the work had ended"


@pytest.fixture
def ended_before_run_job_looks(
    monkeypatch: pytest.MonkeyPatch, loop_cannot_hang: list[int]
) -> None:
    """Force the ordering that lost the outcome: the thread has ended when `start` returns."""

    def start_and_finish(worker: Worker) -> None:
        QThread.start(worker)
        worker.wait()

    monkeypatch.setattr(Worker, "start", start_and_finish)


def test_work_that_ended_before_run_job_looked_gives_its_outcome(
    parent: QWidget, project: Path, ended_before_run_job_looks: None
) -> None:
    """Deterministic form of the 1-in-a-few-hundred race: the error and the summary come back."""
    assert run_job(parent, "Import", project, failing_at_once) == (False, ERROR)
    outcome = run_job(parent, "Export", project, lambda store, p, n: "wrote 3")
    assert outcome == Outcome(ok=True, message="wrote 3")


def test_work_that_ended_before_the_local_loop_started_gives_its_outcome(
    parent: QWidget,
    project: Path,
    ended_before_run_job_looks: None,
    loop_cannot_hang: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The thread ends after `run_job` saw it running but before its loop runs: the loop still
    ends, and the outcome is the job's."""
    monkeypatch.setattr(Worker, "isFinished", lambda worker: False)
    assert run_job(parent, "Import", project, failing_at_once) == (False, ERROR)
    assert run_job(parent, "Export", project, lambda store, p, n: "wrote 3") == (True, "wrote 3")
    assert loop_cannot_hang == [0, 0]


def test_work_that_fails_at_once_always_gives_its_error(parent: QWidget, project: Path) -> None:
    """The same race left to chance, as a window meets it: every run shows the real error."""
    outcomes = {run_job(parent, "Import", project, failing_at_once) for _ in range(200)}
    assert outcomes == {(False, ERROR)}


def test_a_job_works_on_the_project_and_gives_its_summary(parent: QWidget, project: Path) -> None:
    def add_two(store: Store, progress: Progress, notify: Notify) -> str:
        store.add_document("خبر ثان")
        store.add_document("خبر ثالث")
        return f"{store.document_count()} documents"

    assert run_job(parent, "Import", project, add_two) == (True, "3 documents")
    with Store.open(project) as store:
        assert store.document_count() == 3


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (InputError(ERROR), ERROR),
        (FileNotFoundError(2, "No such file or directory", "/tmp/news.conll"),
         "/tmp/news.conll: No such file or directory"),
        (PermissionError(13, "Permission denied"), "Permission denied"),
        (ValueError("the split adds up to 1.2"), "ValueError: the split adds up to 1.2"),
        (KeyError("ACTOR"), "KeyError: 'ACTOR'"),
        (RuntimeError("two\nlines"), "RuntimeError: two lines"),
    ],
)  # fmt: skip
def test_a_job_that_raises_gives_its_error_in_one_line(
    parent: QWidget, project: Path, error: Exception, shown: str
) -> None:
    def failing(store: Store, progress: Progress, notify: Notify) -> str:
        raise error

    ok, message = run_job(parent, "Import", project, failing)
    assert (ok, message) == (False, shown)
    assert "\n" not in message and "Traceback" not in message


def test_a_project_that_cannot_be_opened_is_a_failure(parent: QWidget, tmp_path: Path) -> None:
    folder = tmp_path / "not-a-project.alama"
    folder.mkdir()
    ok, message = run_job(parent, "Import", folder, lambda store, p, n: "never")
    assert not ok
    assert message and "\n" not in message


def test_progress_and_notes_reach_the_dialog(parent: QWidget, project: Path, qtbot: QtBot) -> None:
    shown: list[tuple[str, int, int]] = []
    seen = threading.Event()

    def reading(store: Store, progress: Progress, notify: Notify) -> str:
        notify("Reading news.conll")
        progress(3, 10)
        seen.wait(10)  # until the window has looked at the dialog
        return "done"

    def look() -> None:
        dialogs = progress_dialogs(parent)
        if dialogs and dialogs[0].value() == 3:
            dialog = dialogs[0]
            shown.append((dialog.labelText(), dialog.value(), dialog.maximum()))
            seen.set()
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)
    assert run_job(parent, "Import", project, reading) == (True, "done")
    assert shown == [("Reading news.conll", 3, 10)]


def test_cancel_stops_the_job_at_its_next_progress_report(parent: QWidget, project: Path) -> None:
    reached: list[int] = []

    def long_job(store: Store, progress: Progress, notify: Notify) -> str:
        for done in range(1000):
            progress(done, 1000)
            reached.append(done)
            time.sleep(0.005)
        return "all 1000 done"

    def press_cancel() -> None:
        dialogs = progress_dialogs(parent)
        if not reached or not dialogs:
            QTimer.singleShot(10, press_cancel)
            return
        (cancel,) = dialogs[0].findChildren(QPushButton)
        cancel.click()

    QTimer.singleShot(10, press_cancel)
    assert run_job(parent, "Import", project, long_job) == (
        False,
        "Cancelled: nothing was changed.",
    )
    assert 0 < len(reached) < 1000


def test_no_progress_dialog_is_left_once_the_work_is_over(
    parent: QWidget, project: Path, qtbot: QtBot
) -> None:
    for _ in range(3):
        run_job(parent, "Import", project, lambda store, p, n: "done")
        run_job(parent, "Import", project, failing_at_once)
    qtbot.waitUntil(lambda: not progress_dialogs(parent))


def test_progress_still_queued_when_the_work_ended_does_not_show_the_dialog_again(
    parent: QWidget, project: Path, qtbot: QtBot, ended_before_run_job_looks: None
) -> None:
    """A report delivered after `run_job` returned (1 of 100 after 0.1 s: "long to go") must
    not open an empty progress dialog over the window."""

    def quick(store: Store, progress: Progress, notify: Notify) -> str:
        time.sleep(0.1)
        progress(1, 100)
        return "done"

    assert run_job(parent, "Import", project, quick) == (True, "done")
    qtbot.wait(200)
    assert not [dialog for dialog in progress_dialogs(parent) if dialog.isVisible()]


class _Garbage:
    """A cycle holding a running Qt timer of the window's thread, left for the collector."""

    freed_in: ClassVar[list[str]] = []

    def __init__(self) -> None:
        self.me = self
        self.timer = QTimer()
        self.timer.start(1000)

    def __del__(self) -> None:
        _Garbage.freed_in.append(threading.current_thread().name)


def test_the_collector_never_frees_the_windows_qt_objects_in_the_jobs_thread(
    parent: QWidget, project: Path
) -> None:
    """A Qt object deleted from another thread leaves its timers behind, to fire on freed
    memory (the window crashed later, at random). The job makes garbage enough to wake the
    cyclic collector; the window's garbage is freed in the window's thread, not in the job's."""
    import gc

    def churn(store: Store, progress: Progress, notify: Notify) -> str:
        for _ in range(50_000):
            cycle: list[object] = []
            cycle.append(cycle)
        return "done"

    _Garbage.freed_in.clear()
    _Garbage()
    assert run_job(parent, "Import", project, churn) == (True, "done")
    assert gc.isenabled()
    gc.collect()
    assert _Garbage.freed_in == [threading.main_thread().name]
