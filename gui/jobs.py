"""Work on a project off the GUI thread, with a progress dialog whose Cancel stops it.

A job is a plain function ``(store, progress, notify) -> summary``. `run_job` runs it in a
`Worker` thread on the worker's own connection to the project (SQLite connections belong to one
thread), shows its progress and its notes in a window-modal dialog, and returns its `Outcome`.

The outcome never travels by a queued signal: the worker stores it before its thread ends, and
`run_job` reads it after `QThread.wait`. A queued signal is only delivered by an event loop that
runs after it was posted, so work that ended before `run_job` listened (an import that fails on
its first line) used to come back as "The work stopped without a result" 1 run in a few hundred.

Its strings keep the translation context "Transfer" of the module they came from.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple, TypeAlias

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from alama.core.bulk import collector_paused
from alama.core.errors import AlamaError
from alama.core.store import Store
from alama.core.store.pg_connect import is_server
from alama.core.targets import open_project
from alama.gui.i18n import error_text

Progress: TypeAlias = Callable[[int, int], None]
"""``progress(done, total)``: how far the work is; raises `Cancelled` once Cancel is pressed."""

Notify: TypeAlias = Callable[[str], None]
"""``notify(text)``: what the work is doing now, shown in the progress dialog."""

Job: TypeAlias = Callable[[Store, Progress, Notify], str]
"""Work on a project: (store, progress, notify) → the summary to show."""


class Cancelled(AlamaError):
    """The user pressed Cancel in the progress dialog."""


class Outcome(NamedTuple):
    """How a job ended: its summary, or the one-line error to show instead."""

    ok: bool
    message: str


def failure_text(error: Exception) -> str:
    """One line saying why a job failed, for a user who cannot read a traceback."""
    if isinstance(error, AlamaError):
        return error_text(error)
    if isinstance(error, OSError):
        name = f"{error.filename}: " if error.filename else ""
        return f"{name}{error.strerror or error}"
    return f"{type(error).__name__}: {' '.join(str(error).split())}"


class Worker(QThread):
    """Runs a job on its own connection to the project, reporting progress and notes.

    The outcome is kept on the worker (`outcome`), set before the thread finishes: read it
    after `wait()`, never from a signal that may still be queued.
    """

    progressed = Signal(int, int)
    noted = Signal(str)

    def __init__(self, project: Path | str, job: Job) -> None:
        super().__init__()
        self.project = project  # a file, or a server's URL (the worker connects on its own)
        self.job = job
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._outcome: Outcome | None = None

    @property
    def outcome(self) -> Outcome | None:
        """How the work ended once it is over; None before."""
        with self._lock:
            return self._outcome

    @Slot()
    def cancel(self) -> None:
        """Ask the job to stop: its next progress report raises `Cancelled`."""
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled(
                QCoreApplication.translate("Transfer", "Cancelled: nothing was changed.")
            )
        self.progressed.emit(done, total)

    def run(self) -> None:
        """The thread's work: open the project, run the job, keep its outcome.

        Python's cyclic collector does not run in this thread (see `collector_paused`): what it
        frees here may be a Qt object of the window's thread, whose timers would then outlive
        it and fire on freed memory."""
        with collector_paused():
            try:
                with open_project(self.project) as store:
                    summary = self.job(store, self._progress, self.noted.emit)
            except Exception as error:  # shown to the user rather than lost in the thread
                outcome = Outcome(False, failure_text(error))
            else:
                outcome = Outcome(True, summary)
            with self._lock:
                self._outcome = outcome


class JobProgress(QProgressDialog):
    """The window-modal progress of one job; it shows itself only if the work takes a while."""

    def __init__(self, parent: QWidget, title: str) -> None:
        super().__init__(title, QCoreApplication.translate("Transfer", "Cancel"), 0, 0, parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(300)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._over = False

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total`` (an unknown total of 0 shows a busy bar)."""
        if self._over:  # a report still queued when the work ended: the dialog stays closed
            return
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))

    @Slot(str)
    def show_note(self, text: str) -> None:
        """Say what the work is doing now."""
        if not self._over:
            self.setLabelText(text)

    def finish(self) -> None:
        """Close for good: later reports are ignored, and the dialog is deleted."""
        self._over = True
        self.close()
        self.deleteLater()


def target_of(store: Store) -> Path | str:
    """What a worker opens the project by: its file, or its server's URL (with the password
    given when it was opened, kept in memory only)."""
    url = getattr(store, "url", None)
    return url if isinstance(url, str) and is_server(url) else store.path


def run_job(parent: QWidget, title: str, project: Path | str, job: Job) -> Outcome:
    """Run ``job`` on ``project`` with a progress dialog over ``parent``; return its outcome.

    The window stays responsive (its events are processed) but ``parent`` is blocked by the
    dialog until the work is over. Cancel makes the job's next progress report raise
    `Cancelled`, which comes back as a failure ("Cancelled: nothing was changed.").
    """
    dialog = JobProgress(parent, title)
    worker = Worker(project, job)
    worker.progressed.connect(dialog.show_progress)
    worker.noted.connect(dialog.show_note)
    dialog.canceled.connect(worker.cancel)
    loop = QEventLoop()
    # Connected before the thread starts, so the quit is always posted, and a loop that starts
    # after the work ended finds it waiting and returns at once; a worker already done is not
    # waited for at all. Either way the outcome is read from the worker, after `wait()`.
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    # No cyclic collection from the start of the thread to its very end (see `Worker.run`):
    # the thread's first allocations, before its work begins, may be the ones that wake it.
    with collector_paused():
        worker.start()
        if not worker.isFinished():
            loop.exec()
        worker.wait()
    dialog.finish()
    stopped = QCoreApplication.translate("Transfer", "The work stopped without a result.")
    return worker.outcome or Outcome(False, stopped)


def show_outcome(parent: QWidget, title: str, outcome: tuple[bool, str]) -> None:
    """The report of a job, or its one-line error, in a message box."""
    ok, message = outcome
    box = QMessageBox(
        QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
        title,
        message,
        parent=parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
