"""The window's Team menu (the lead's round: assign, hand out, collect, follow) and F2, the
guidelines.

Assigning and collecting run as jobs with a progress dialog (`run_job`) and show their report;
a copy for one annotator is saved in the background (`alama.gui.background`) while the window
goes on labelling, and the status bar says when it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMainWindow

from alama.core.errors import AlamaError
from alama.core.store import Store
from alama.gui.background import BackgroundJob, run_in_background, wait_all
from alama.gui.i18n import error_text
from alama.gui.jobs import Job, Notify, Outcome, Progress, run_job, show_outcome, target_of
from alama.gui.navigation import Navigator
from alama.gui.qt_guidelines import GuidelinesWindow
from alama.gui.qt_team import AssignDialog, CopyDialog, ReassignDialog, assigned_people
from alama.gui.qt_team_view import TeamView
from alama.gui.session import Session
from alama.gui.team_reports import TeamReport


class Window(Protocol):
    """What these commands need of the main window."""

    session: Session
    navigator: Navigator
    projectRequested: SignalInstance

    def say(self, text: str, ms: int = 5000) -> None: ...

    def warn(self, text: str) -> None: ...

    def reread(self) -> None: ...

    def set_reviewing(self, reviewing: bool) -> None: ...

    def open_document(self, doc: int | None) -> None: ...


class TeamCommands(QObject):
    """Team ▸ … and Help ▸ Annotation guidelines (F2), for the window that owns them."""

    def __init__(self, window: QMainWindow, host: Window) -> None:
        super().__init__(window)
        self.window, self.host = window, host
        self.view: TeamView | None = None
        self.guidelines: GuidelinesWindow | None = None
        self.copies: list[BackgroundJob] = []  # copies being saved now
        host.session.outside.connect(self.project_changed)
        host.session.changed.connect(lambda _changes: self.project_changed())

    @property
    def store(self) -> Store:
        return self.host.session.store

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The registry's Team actions (gui.actions), by id."""
        lead = self._lead
        return {
            "team.assign": lead(self.assign),
            "team.reassign": lead(self.reassign),
            "team.handout_one": lead(self.save_copy),
            "team.handout": lead(self.hand_out),
            "team.collect": lead(self.collect),
            "team.progress": self.show_progress,
            "team.import_guidelines": lead(self.import_guidelines),
            "help.guidelines": self.show_guidelines,
        }

    def _lead(self, action: Callable[[], object]) -> Callable[[], object]:
        """A lead's action, refused in a copy handed out to an annotator (the lead assigns,
        hands out and collects in the project itself)."""

        def guarded() -> object:
            try:
                owner = self.store.handed_to()
            except AlamaError:
                owner = None
            if owner is None:
                return action()
            self.host.warn(
                self.tr(
                    "This file is the copy handed out to %1. The lead assigns, hands out and "
                    "collects in the project itself."
                ).replace("%1", owner)
            )
            return None

        return guarded

    def project_changed(self) -> None:
        """The project changed (an edit here, or another program): the Team view counts
        again, the guidelines window reads again."""
        if self.view is not None:
            self.view.project_changed()
        if self.guidelines is not None and self.guidelines.isVisible():
            self.guidelines.reload()

    def _run(self, title: str, job: Job) -> Outcome:
        outcome = run_job(self.window, title, target_of(self.store), job)
        show_outcome(self.window, title, outcome)
        return outcome

    # --- assigning -------------------------------------------------------------------------

    def assign(self, dialog: AssignDialog | None = None) -> bool:
        """Team ▸ Assign documents…: assign, show what was assigned; the document list then
        keeps to my documents, if some are mine."""
        dialog = dialog or AssignDialog(self.store, self.window)
        if not dialog.exec():
            return False
        outcome = self._run(self.tr("Assign documents"), dialog.job())
        if outcome.ok:
            self.host.reread()
        return outcome.ok

    def reassign(self, dialog: ReassignDialog | None = None) -> bool:
        """Team ▸ Someone left: their unfinished documents go to the others."""
        if dialog is None:
            if not self._anyone_assigned():
                return False
            dialog = ReassignDialog(self.store, self.window)
        if not dialog.exec():
            return False
        outcome = self._run(self.tr("Reassign documents"), dialog.job())
        if outcome.ok:
            self.host.reread()
        return outcome.ok

    def _anyone_assigned(self) -> bool:
        if assigned_people(self.store):
            return True
        self.host.warn(
            self.tr("Nobody has documents assigned yet: Team ▸ Assign documents… first.")
        )
        return False

    # --- handing out -----------------------------------------------------------------------

    def save_copy(self, dialog: CopyDialog | None = None) -> BackgroundJob | None:
        """Team ▸ Save a copy for an annotator…: written in the background (the backup API:
        safe while this window goes on writing); the status bar says when it is done."""
        if dialog is None:
            if not self._anyone_assigned():
                return None
            dialog = CopyDialog(self.store, self.window)
        if not dialog.exec():
            return None
        name = dialog.annotator.currentText()
        job = run_in_background(target_of(self.store), dialog.job())
        self.copies.append(job)
        self.host.say(self.tr("Saving %1's copy… (you can go on working)").replace("%1", name), 0)
        job.done.connect(self._copy_saved)  # a method: not called once the window is gone
        return job

    def _copy_saved(self, outcome: Outcome) -> None:
        self.copies = [job for job in self.copies if job.running()]
        if outcome.ok:
            self.host.say(outcome.message, 15000)
        else:
            self.host.say("", 1)
            self.host.warn(outcome.message)

    def hand_out(self, folder: Path | None = None) -> bool:
        """Team ▸ Hand out copies to everyone…: one copy per annotator assigned, in a folder."""
        if folder is None:
            if not self._anyone_assigned():
                return False
            chosen = QFileDialog.getExistingDirectory(
                self.window, self.tr("Folder for the annotators' copies"),
                str(self.store.path.parent),
            )  # fmt: skip
            if not chosen:
                return False
            folder = Path(chosen)
        project = self.store.path

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core import handout

            return TeamReport().handed_out(handout.handout(project, folder, progress=progress))

        return self._run(self.tr("Hand out copies"), work).ok

    def collect(self, files: list[Path] | None = None) -> bool:
        """Team ▸ Collect copies…: merge the annotators' copies, report per annotator, and
        read the project again (as after File ▸ Merge…)."""
        if files is None:
            names, _ = QFileDialog.getOpenFileNames(
                self.window,
                self.tr("The annotators' copies to collect"),
                str(self.store.path.parent),
                QCoreApplication.translate("Transfer", "Alama projects (*.alama);;All files (*)"),
            )
            files = [Path(name) for name in names]
        if not files:
            return False
        project = self.store.path

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core import collect

            return TeamReport().collected(collect.collect(project, files, progress))

        outcome = self._run(self.tr("Collect copies"), work)
        if outcome.ok:
            self.host.projectRequested.emit(project)  # new spans, statuses, assignments
        return outcome.ok

    # --- following -------------------------------------------------------------------------

    def show_progress(self) -> TeamView:
        """Team ▸ Team progress: the view, counted when opened and kept up to date."""
        if self.view is None:
            self.view = TeamView(self.store, self.window)
            self.view.reviewRequested.connect(self.review_document)
        self.view.show()
        self.view.raise_()
        self.view.activateWindow()
        self.view.refresh()
        return self.view

    def review_document(self, doc: int) -> None:
        """From the Team view: the document in review mode, in front of the view."""
        self.host.set_reviewing(True)
        self.host.navigator.reveal(doc)
        self.host.open_document(doc)
        self.window.raise_()
        self.window.activateWindow()

    # --- guidelines ------------------------------------------------------------------------

    def import_guidelines(self, path: Path | None = None) -> bool:
        """Team ▸ Import guidelines…: a Markdown file becomes the project's guidelines."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self.window,
                self.tr("Annotation guidelines (Markdown)"),
                str(self.store.path.parent),
                self.tr("Markdown or text (*.md *.markdown *.txt);;All files (*)"),
            )
            if not name:
                return False
            path = Path(name)
        from alama.core.guidelines import read_guidelines

        try:
            self.store.set_guidelines(read_guidelines(path))
        except AlamaError as error:
            self.host.warn(error_text(error))
            return False
        self.host.say(self.tr("Guidelines imported: F2 shows them."), 8000)
        if self.guidelines is not None:
            self.guidelines.reload()
        return True

    def show_guidelines(self) -> GuidelinesWindow:
        """F2: the guidelines beside the work (read again each time)."""
        if self.guidelines is None:
            self.guidelines = GuidelinesWindow(self.store, self.window)
        else:
            self.guidelines.reload()
        self.guidelines.show()
        self.guidelines.raise_()
        self.guidelines.activateWindow()
        return self.guidelines

    def wait(self) -> None:
        """Before the window closes: copies being saved (and the Team view's count) are
        finished first, so that no thread outlives the window that started it."""
        if self.view is not None:
            self.view.stop()
        wait_all()
