"""The main window: a host for the documents, the article and one mode (annotating or
reviewing), with the menus built from the action registry; keyboard first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alama.core.changes import Changes
from alama.core.model import Span
from alama.gui.actions import Mode as ActionsMode
from alama.gui.boilerplate_actions import BoilerplateCommands
from alama.gui.busy import BusyFile
from alama.gui.finding import ArticleFinder
from alama.gui.linking import Links
from alama.gui.menus import build_actions
from alama.gui.modes import Annotating, Mode, Reviewing
from alama.gui.navigation import Navigator
from alama.gui.project_commands import ProjectCommands
from alama.gui.qt_article import ArticleView
from alama.gui.qt_panels import FindBar, SidePanel
from alama.gui.server_open import may_review
from alama.gui.session import Session
from alama.gui.settings import Settings
from alama.gui.status_line import StatusLine
from alama.gui.suggestions import Suggestions
from alama.gui.team_commands import TeamCommands

ZOOM_RANGE = (9, 40)
DEFAULT_ZOOM = 17
SPLITS = {False: [320, 820, 300], True: [280, 620, 540]}  # annotating, reviewing


class MainWindow(QMainWindow):
    """One open project, edited as one annotator or reviewed into the gold layer."""

    languageRequested = Signal(str)
    projectRequested = Signal(object)  # a Path, "demo", or None for the start screen

    def __init__(self, session: Session, settings: Settings, doc: int | None = None) -> None:
        super().__init__()
        self.session, self.settings = session, settings
        self.store = session.store
        self.labels = self.store.labels()
        self.doc: int | None = None
        self.resize(1400, 900)
        self.busy = BusyFile(self, session)
        self.commands = ProjectCommands(self, self)
        self._build_panels()
        self.team = TeamCommands(self, self)
        self.boilerplate = BoilerplateCommands(self, self)  # Document ▸ boilerplate
        self.modes: dict[bool, Mode] = {False: Annotating(self), True: Reviewing(self)}
        for mode in self.modes.values():
            self.side.panels.addWidget(mode.panel)
        self.mode = self.modes[session.reviewing]
        self.links = Links(
            self, self.side.links, self.side.links_title, lambda span: self.mode.pick(span)
        )
        review = self.modes[True]
        if isinstance(review, Reviewing):  # a span candidate chosen: Enter is about it now
            review.candidateShown.connect(self.links.drop_choice)
        self.suggestions = Suggestions(self, self)  # pending spans, while annotating
        self.action_set = build_actions(
            self, self._handlers(), self.labels, apply_label=self.apply_label,
            undo_stack=session.undo_stack, mode=self.mode.actions_mode,
            start_link=self.links.start,
        )  # fmt: skip
        self.action_set[f"view.language.{settings.language}"].setChecked(True)
        self.status_line = StatusLine(self, self.store)
        self.who, self.progress = self.status_line.who, self.status_line.progress
        session.changed.connect(self._on_changes)
        self.suggestions.start()  # after the window: it follows the edits once they are shown
        session.modeChanged.connect(self._on_mode)
        session.outside.connect(self._on_outside)
        self._on_mode(session.reviewing)
        first = doc or settings.last_document(self.store.path)
        if first is None or self.navigator.documents.row_of(first) is None:
            first = self.navigator.documents.doc_at(0)
        self.open_document(first)
        self.article.setFocus()

    # --- building --------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.navigator = Navigator(self.session)
        self.navigator.nothing_left = lambda outside: self.mode.nothing_left(outside)
        self.navigator.documentChosen.connect(self.open_document)
        self.navigator.message.connect(self.say)
        self.article = ArticleView()
        self.article.set_labels(self.labels)
        self.article.set_point_size(self.settings.zoom)
        self.article.spanClicked.connect(self._pick)
        self.article.resizeRequested.connect(self._resize_current)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.finder = ArticleFinder(self.find_bar, self.article)
        self.navigator.searched.connect(self.finder.search_changed)
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.find_bar)
        middle_layout.addWidget(self.article, 1)
        self.side = SidePanel(self.labels)
        self.palette_panel, self.spans_title = self.side.label_palette, self.side.title
        self.palette_panel.labelChosen.connect(lambda key: self.apply_label(key))
        self.splitter = QSplitter()
        for widget in (self.navigator, middle, self.side):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """What each action of the registry (gui.actions) does in this window; the project's
        commands and review mode bring their own."""
        return {
            **self.commands.handlers(),
            **self.team.handlers(),
            **self.boilerplate.handlers(),
            **self.navigator.handlers(),
            **self.modes[True].handlers(),
            **self.links.handlers(),
            **self.suggestions.handlers(),
            "review.accept": self._accept,
            "file.quit": self.close,
            "edit.undo": self.session.undo,
            "edit.redo": self.session.redo,
            "edit.delete_span": self.delete_current,
            "review.reject_span": self.delete_current,
            "edit.find": self.find_bar.open_bar,
            "view.zoom_in": lambda: self.zoom(1),
            "view.zoom_out": lambda: self.zoom(-1),
            "view.zoom_reset": lambda: self.zoom(0),
            "view.language.ar": lambda: self.languageRequested.emit("ar"),
            "view.language.en": lambda: self.languageRequested.emit("en"),
            "review.mode": lambda: self.set_reviewing(not self.session.reviewing),
        }

    # --- modes -----------------------------------------------------------------------------

    @property
    def reviewing(self) -> bool:
        return self.session.reviewing

    def actions_mode(self) -> ActionsMode:
        return self.mode.actions_mode

    def set_reviewing(self, reviewing: bool) -> None:
        """Review mode on or off: the same document, another layer; the undo history stays.
        On a server only a reviewer or the lead reviews (an annotator sees only their own
        layer): the status bar says so instead."""
        if reviewing and not may_review(self.store):
            self.action_set.set_mode(self.mode.actions_mode)  # the menu's tick goes back
            self.say(
                self.tr("On this server you annotate: review is for the reviewers and the lead."),
                8000,
            )
            return
        self.session.set_reviewing(reviewing)

    def _on_mode(self, reviewing: bool) -> None:
        self.mode = self.modes[reviewing]
        self.navigator.set_layer(self.session.layer)
        self.side.panels.setCurrentWidget(self.mode.panel)
        self.splitter.setSizes(SPLITS[reviewing])
        self.action_set.set_mode(self.mode.actions_mode)
        self._update_progress()
        if self.doc is not None:
            self.open_document(self.doc)

    # --- documents -------------------------------------------------------------------------

    def open_document(self, doc: int | None) -> None:
        """Show a document with the spans of the layer being edited."""
        if doc is None:
            self._update_title()
            return
        self.doc = doc
        index = self.session.index(doc)
        self.article.show_text(index.text, self.session.spans(doc), index)
        self.article.folds.show(self.store.regions(doc))  # boilerplate dimmed and folded
        self.mode.show_document(doc)
        self.links.show_document(doc)
        self.suggestions.show_document(doc)
        self._update_spans_title()
        self.navigator.show_current(doc)
        self.settings.set_last_document(self.store.path, doc)
        self.finder.document_opened(self.navigator.query())
        self._update_title()
        # Its words, for the first label key, once the window has painted (camel-tools'
        # tables are loaded then, not at the first key).
        QTimer.singleShot(0, self, lambda: self.session.index(doc).tokens)

    def open_by_doc_id(self, doc_id: str) -> bool:
        """Open a document named by its doc_id (showing every document if a filter hides it)."""
        found = self.store.find_document(doc_id)
        if found is None:
            return False
        self.navigator.reveal(found)
        self.open_document(found)
        self.raise_()
        self.activateWindow()
        return True

    # --- edits -----------------------------------------------------------------------------

    def apply_label(self, key: str, exact: bool = False) -> None:
        """A label key: label the selection, or relabel the chosen span."""
        self.mode.label(key, exact)

    def _accept(self) -> None:
        """Enter in review mode: the candidate link chosen in the links list, if one is, else
        the candidate span chosen in the review table."""
        if not self.links.accept_chosen():
            self.modes[True].handlers()["review.accept"]()

    def delete_current(self) -> None:
        """Unlink the link chosen in the links list; else delete the chosen span (in review
        mode, reject the chosen candidate)."""
        if not self.links.unlink_chosen():
            self.mode.delete_current()

    def _resize_current(self, side: str, grow: bool, by_token: bool) -> None:
        if self.article.current is not None:
            self.session.resize(self.article.current, side, grow, by_token)

    def _pick(self, span: Span | None) -> None:
        if self.links.clicked(span):
            return  # while linking: the span clicked is the one offered
        if span is None or span.doc == self.doc:
            self.mode.pick(span)
            self.links.span_picked(span)

    def _on_changes(self, changes: Changes) -> None:
        """After an edit (or its undo): repaint only what it changed."""
        if changes.status is not None and changes.layer == self.session.layer:
            self.navigator.set_status(changes.doc, changes.status)
            self._update_progress()
        if changes.doc != self.doc:
            if not self.session.stepping:
                return  # saved late, once a busy file was free: the user has moved on
            self.open_document(changes.doc)  # undo/redo of work on another document: show it
        elif changes.layer == self.session.layer and (changes.spans or changes.removed):
            self.article.apply_changes(changes)
            self.mode.update(changes)
            self._update_spans_title()
            self.links.update(changes)
        elif changes.layer == self.session.layer and (
            changes.relations or changes.relations_removed
        ):
            self.links.update(changes)
            if changes.candidates:
                self.mode.update(changes)
        elif changes.candidates or changes.layer != self.session.layer:
            self.mode.update(changes)
            if changes.candidates and changes.layer == self.session.layer:
                self.links.update(changes)  # a link rejected that gold had not got
        if self.session.late:
            return  # the user has chosen and scrolled on since; only the views follow
        if self.session.stepping and changes.layer != self.session.layer:
            self.say(self.mode.elsewhere(self.session.step, changes.layer), 8000)
        if changes.layer == self.session.layer and (
            changes.spans or changes.removed or changes.current is not None
        ):
            self.mode.follow(changes)
        if changes.spot is not None:
            self.article.scroll_to(changes.spot)

    def _on_outside(self) -> None:
        """Another program changed the project: the list, the open document's spans and its
        review are read again (the place in the article and the chosen span stay)."""
        self.navigator.reread()
        self._update_progress()
        if self.doc is not None:
            spans = self.session.spans(self.doc)
            if spans != self.article.spans:
                self.article.set_spans(spans)
                self._update_spans_title()
            self.links.reread(self.doc)
            self.suggestions.reread()
            self.mode.update(Changes(self.doc, self.session.layer, candidates=True))
            self.mode.pick(self.article.current)

    def reread(self) -> None:
        """Read the project again after work on it (an assignment): the list (keeping to my
        documents if some are now mine), the progress and the open document."""
        self._on_outside()

    # --- view ----------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        """Make the article text larger or smaller (0: back to normal)."""
        size = DEFAULT_ZOOM if step == 0 else self.settings.zoom + step
        self.settings.zoom = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], size))
        self.article.set_point_size(self.settings.zoom)

    def say(self, text: str, ms: int = 5000) -> None:
        self.statusBar().showMessage(text, ms)

    def warn(self, text: str) -> None:
        QMessageBox.warning(self, "", text)

    def _update_spans_title(self) -> None:
        self.spans_title.setText(self.mode.spans_title(len(self.article.spans)))

    def _update_title(self) -> None:
        self.status_line.show_document(self.mode, self.session.annotator, self.doc)

    def _update_progress(self) -> None:
        mine = self.navigator.assigned_progress()
        if mine is not None:
            self.status_line.progress.setText(mine)
        else:
            self.status_line.show_progress(self.mode, *self.navigator.documents.done_count())

    # --- closing ---------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Not while edits wait for a busy file, unless the user says so (see `BusyFile`)."""
        if self.busy.may_close(event):
            self.suggestions.stop()  # no more work started; what runs is waited for below
            self.team.wait()  # a copy being saved for an annotator is written first
            super().closeEvent(event)
