"""The window's commands on the project as a whole: File (new, open, import, export, merge,
another annotator), the agreement dashboard, and Help."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from alama.core.labels import LabelSet
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store
from alama.core.store.pg_connect import is_server
from alama.core.text import CAMEL_TOOLS_VERSION
from alama.gui.actions import Mode as ActionsMode
from alama.gui.i18n import listed, path_text
from alama.gui.jobs import run_job, show_outcome, target_of
from alama.gui.qt_agreement import AgreementDashboard
from alama.gui.qt_dialogs import ShortcutsSheet, about_html, ask_annotator
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_import import ImportDialog
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.qt_transfer import choose_merge_sources, merge_job
from alama.gui.session import Session
from alama.gui.settings import Settings


class Window(Protocol):
    """What these commands need of the main window."""

    session: Session
    settings: Settings
    labels: LabelSet
    projectRequested: SignalInstance

    def open_by_doc_id(self, doc_id: str) -> bool: ...

    def set_reviewing(self, reviewing: bool) -> None: ...

    def say(self, text: str, ms: int = 5000) -> None: ...

    def actions_mode(self) -> ActionsMode: ...


class ProjectCommands(QObject):
    """File, Review ▸ Agreement… and Help, for the window that owns them."""

    def __init__(self, window: QMainWindow, host: Window) -> None:
        super().__init__(window)
        self.window, self.host = window, host
        self.dashboard: AgreementDashboard | None = None

    @property
    def store(self) -> Store:
        return self.host.session.store

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The registry's project actions (gui.actions), by id."""
        emit = self.host.projectRequested.emit
        return {
            "file.new": self.new_project,
            "file.open": self.open_project,
            "file.demo": lambda: emit("demo"),
            "file.start_screen": lambda: emit(None),
            "file.change_annotator": self.change_annotator,
            "file.import": self.import_files,
            "file.export": self.export_files,
            "file.merge": self.merge_files,
            "review.agreement": self.show_agreement,
            "help.shortcuts": self.show_shortcuts,
            "help.models": self.show_models,
            "help.about": self.show_about,
        }

    def new_project(self) -> None:
        """File ▸ New project…: as on the start screen."""
        path, _ = QFileDialog.getSaveFileName(
            self.window,
            QCoreApplication.translate("StartScreen", "New project"),
            "project.alama",
            QCoreApplication.translate("StartScreen", "Alama projects (*.alama)"),
        )
        if path:
            chosen = Path(path)
            self.host.projectRequested.emit(
                chosen if chosen.suffix else chosen.with_suffix(".alama")
            )

    def open_project(self) -> None:
        """File ▸ Open project…: as on the start screen."""
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("StartScreen", "Open project"),
            str(self.store.path.parent),
            QCoreApplication.translate("StartScreen", "Alama projects (*.alama);;All files (*)"),
        )
        if path:
            self.host.projectRequested.emit(Path(path))

    def change_annotator(self) -> None:
        """Switch whose layer is edited (the project reopens as them)."""
        session = self.host.session
        if is_server(getattr(self.store, "url", None)):  # the server knows people by login
            self.host.say(
                self.tr(
                    "On a server you annotate as your login, %1: connect as another person "
                    "to change it."
                ).replace("%1", session.annotator),
                8000,
            )
            return
        name = ask_annotator(self.window, session.annotator, self.store.annotators())
        if name and name != session.annotator:
            self.host.settings.annotator = name
            self.host.projectRequested.emit(self.store.path)

    def import_files(self, dialog: ImportDialog | None = None) -> bool:
        """File ▸ Import…: read files into the project, then show what was read and skipped."""
        dialog = dialog or ImportDialog(self.window)
        if not dialog.exec():
            return False
        title = self.tr("Import")
        outcome = run_job(self.window, title, target_of(self.store), dialog.job())
        show_outcome(self.window, title, outcome)
        if outcome[0]:
            self.host.projectRequested.emit(self.store.path)  # new documents, perhaps labels
        return outcome[0]

    def export_files(self, dialog: ExportDialog | None = None) -> bool:
        """File ▸ Export…: write training data, then show what was written."""
        dialog = dialog or ExportDialog(self.store, self.window)
        if not dialog.exec():
            return False
        title = self.tr("Export")
        outcome = run_job(self.window, title, target_of(self.store), dialog.job())
        show_outcome(self.window, title, outcome)
        return outcome[0]

    def merge_files(self, sources: list[Path] | None = None) -> bool:
        """File ▸ Merge…: fold annotators' project files into this one, then reload."""
        sources = sources if sources is not None else choose_merge_sources(self.window)
        if not sources:
            return False
        title = self.tr("Merge")
        path, target = self.store.path, target_of(self.store)
        refused: dict[str, set[str]] = {}
        outcome = run_job(self.window, title, target, merge_job(sources, refused=refused))
        if refused:
            # A file that changes more than one layer: the lead's own file, or a reviewer's?
            ((source, layers),) = refused.items()
            names = listed(
                [self.tr("gold") if name == GOLD_ANNOTATOR else name for name in sorted(layers)]
            )
            answer = QMessageBox.question(
                self.window,
                title,
                self.tr(
                    "%1 changes the layers %2, but an annotator's copy changes only that "
                    "annotator's layer. Nothing was merged.\n\nIs it your own file or a "
                    "reviewer's? Take every change of the chosen files?"
                )
                .replace("%1", path_text(source))
                .replace("%2", names),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return False
            outcome = run_job(self.window, title, target, merge_job(sources, all_layers=True))
        show_outcome(self.window, title, outcome)
        if outcome[0]:
            self.host.projectRequested.emit(path)  # new documents, spans and labels
        return outcome[0]

    def show_agreement(self) -> AgreementDashboard:
        """Review ▸ Agreement…: the dashboard, computed when first opened (its Refresh button
        computes again); a double-clicked document opens in review mode."""
        if self.dashboard is None:
            self.dashboard = AgreementDashboard(self.store, self.window)
            self.dashboard.documentRequested.connect(self.review_document)
            self.dashboard.show()
            self.dashboard.refresh()
        self.dashboard.show()
        self.dashboard.raise_()
        self.dashboard.activateWindow()
        return self.dashboard

    def review_document(self, doc_id: str) -> None:
        """From the dashboard: open the document in review mode, in front of the dashboard,
        which steps aside (Review ▸ Agreement… brings it back as it was)."""
        if self.dashboard is not None:
            self.dashboard.hide()
        if self.host.open_by_doc_id(doc_id):
            self.host.set_reviewing(True)
            self.host.say(
                self.tr("Review ▸ Agreement… (Ctrl+Shift+A) brings the dashboard back."), 6000
            )

    def show_shortcuts(self) -> None:
        """F1: the keys of the current mode."""
        ShortcutsSheet(self.host.labels, self.window, self.host.actions_mode()).exec()

    def show_models(self) -> None:
        """Help ▸ Arabic models: the optional camel-tools data, installed or not."""
        ArabicModelsPage(self.window, CAMEL_TOOLS_VERSION).exec()

    def show_about(self) -> None:
        """Help ▸ About: version, licences, and where this machine keeps Alama's files."""
        QMessageBox.about(self.window, self.tr("About Alama"), about_html(self.window))
