"""Work that runs while the window goes on: no progress dialog, the project stays open and
editable, and the outcome comes back as a signal once the work is over.

A `BackgroundJob` runs a `Job` (see `alama.gui.jobs`) in a `Worker` thread on the worker's own
connection. The cyclic collector is paused from before the thread starts until after it has
ended (the rule `run_job` follows: what the collector frees in the worker's thread may be a Qt
object of the window's). Running jobs are kept alive by this module, not by a window, so a
window closed meanwhile never destroys a running thread; `wait_all` lets it wait for them.
"""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal

from alama.core.bulk import collector_paused
from alama.gui.jobs import Job, Outcome, Worker

_RUNNING: set[BackgroundJob] = set()


class BackgroundJob(QObject):
    """One job off the GUI thread; `done` brings its `Outcome`, `noted` what it says meanwhile."""

    done = Signal(object)  # an Outcome
    noted = Signal(str)

    def __init__(self, project: Path | str, job: Job) -> None:
        super().__init__()
        self.worker = Worker(project, job)
        self.worker.noted.connect(self.noted)
        self.worker.finished.connect(self._finish, Qt.ConnectionType.QueuedConnection)
        self._paused = ExitStack()
        self.outcome: Outcome | None = None

    def start(self) -> BackgroundJob:
        """Start the work; the job is kept alive until it is over."""
        _RUNNING.add(self)
        self._paused.enter_context(collector_paused())
        self.worker.start()
        return self

    def running(self) -> bool:
        return self in _RUNNING

    def wait(self) -> Outcome:
        """Block until the work is over (a window closing, a test) and give its outcome."""
        self.worker.wait()
        self._finish()
        assert self.outcome is not None
        return self.outcome

    def _finish(self) -> None:
        if self not in _RUNNING:
            return  # already reported (waited for, then the queued signal came)
        self.worker.wait()
        self._paused.close()
        stopped = QCoreApplication.translate("Transfer", "The work stopped without a result.")
        self.outcome = self.worker.outcome or Outcome(False, stopped)
        _RUNNING.discard(self)
        self.done.emit(self.outcome)


def run_in_background(project: Path | str, job: Job) -> BackgroundJob:
    """Start ``job`` on ``project`` off the GUI thread and return it (connect to `done`)."""
    return BackgroundJob(project, job).start()


def wait_all() -> None:
    """Wait for every running background job (before the application quits)."""
    while _RUNNING:
        next(iter(_RUNNING)).wait()
