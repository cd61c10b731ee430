"""The main window: documents, the article, labels and spans; keyboard first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from alama.core.errors import AlamaError, ProjectBusy
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.review import Candidate, DocumentReview
from alama.core.text import CAMEL_TOOLS_VERSION, find_all
from alama.gui.actions import build_actions
from alama.gui.i18n import error_text, listed, path_text
from alama.gui.qt_agreement import AgreementDashboard
from alama.gui.qt_article import ArticleView
from alama.gui.qt_dialogs import ShortcutsSheet, about_html, ask_annotator
from alama.gui.qt_documents import DocumentListModel
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.qt_panels import FindBar, LabelPalette, SpanList
from alama.gui.qt_review import ReviewPanel
from alama.gui.qt_transfer import (
    ExportDialog,
    ImportDialog,
    choose_merge_sources,
    merge_job,
    run_job,
    show_outcome,
)
from alama.gui.session import Session
from alama.gui.settings import Settings

ZOOM_RANGE = (9, 40)
DEFAULT_ZOOM = 17
TITLE_LENGTH = 60  # characters of the document title in the window title


class MainWindow(QMainWindow):
    """One open project, edited as one annotator, or reviewed into the gold layer."""

    languageRequested = Signal(str)
    projectRequested = Signal(object)  # a Path, or "demo"
    reviewRequested = Signal(bool)  # reopen in review mode (True) or as an annotator

    def __init__(self, session: Session, settings: Settings, doc: int | None = None) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.store = session.store
        self.labels = self.store.labels()
        self.doc: int | None = None
        self._found: list[tuple[int, int]] = []
        self._found_at = 0
        self.dashboard: AgreementDashboard | None = None
        self.reviewing = session.reviewing
        self.candidate: Candidate | None = None
        self.resize(1400, 900)
        self._build_panels()
        self._build_menus()
        self._build_status_bar()
        session.changed.connect(self._on_changed)
        session.spanPicked.connect(self._pick)
        session.located.connect(self._bring_into_view)
        session.waiting.connect(self._on_waiting)
        session.refused.connect(self._on_refused)
        session.failed.connect(self._on_failed)
        self.replaced = False  # set when another window takes over this session's work
        self._close_when_saved = False
        self._closing = False
        self._refusals = 0  # actions refused since the waiting ones were kept
        self.draining: list[Session] = []  # earlier windows' sessions still saving (another file)
        self._update_title()
        first = doc or settings.last_document(self.store.path)
        if first is None or self.documents.row_of(first) is None:
            first = self.documents.doc_at(0)
        if first is not None:
            self.open_document(first)
        self.article.setFocus()

    # --- building --------------------------------------------------------------------------

    def _build_panels(self) -> None:
        self.documents = DocumentListModel(self.store, self.session.layer)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all documents (ignores diacritics)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter = QComboBox()
        for text, status in (
            (self.tr("All documents"), None),
            (self.tr("To do"), Status.TODO),
            (self.tr("In progress"), Status.IN_PROGRESS),
            (self.tr("Done"), Status.DONE),
        ):
            self.status_filter.addItem(text, status)
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        # A tree view of one level, not a QListView: with uniform row heights it asks the model
        # only for the rows on screen, where a list view lays out every row at each resize
        # (100,000 rows took half of the time to open a large project).
        self.list = QTreeView()
        self.list.setHeaderHidden(True)
        self.list.setRootIsDecorated(False)
        self.list.setItemsExpandable(False)
        self.list.setUniformRowHeights(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.list.setStyleSheet("QTreeView::item { padding: 3px 2px; }")
        self.list.setModel(self.documents)  # after the styling: each style change lays rows out
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.clicked.connect(
            lambda index: self.open_document(self.documents.doc_at(index.row()))
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.status_filter)
        left_layout.addWidget(self.list, 1)

        self.article = ArticleView()
        self.article.set_labels(self.labels)
        self.article.set_point_size(self.settings.zoom)
        self.article.spanClicked.connect(self._pick)
        self.article.resizeRequested.connect(self._resize_current)
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.queryChanged.connect(self._find)
        self.find_bar.nextRequested.connect(self._find_next)
        self.find_bar.closed.connect(lambda: (self.article.set_found([]), self.article.setFocus()))
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.find_bar)
        middle_layout.addWidget(self.article, 1)

        self.palette_panel = LabelPalette()
        self.palette_panel.set_labels(self.labels)
        self.palette_panel.labelChosen.connect(lambda key: self.apply_label(key))
        self.span_list = SpanList()
        self.span_list.spanChosen.connect(self._pick)
        self.spans_title = QLabel()
        self.review_panel = ReviewPanel()
        self.review_panel.candidateChosen.connect(self._on_candidate)
        self.review_panel.acceptRequested.connect(self.accept_current)
        self.review_panel.rejectRequested.connect(self.delete_current)
        self.review_panel.acceptAgreedRequested.connect(self.accept_agreed)
        self.review_panel.nextRequested.connect(lambda: self.next_disagreement(1))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 6, 6, 6)
        right_layout.addWidget(self.palette_panel)
        right_layout.addSpacing(12)
        right_layout.addWidget(self.spans_title)
        right_layout.addWidget(self.span_list, 1)
        right_layout.addWidget(self.review_panel, 3)
        self.span_list.setVisible(not self.reviewing)
        self.review_panel.setVisible(self.reviewing)

        splitter = QSplitter()
        for widget in (left, middle, right):
            splitter.addWidget(widget)
        splitter.setSizes([280, 620, 540] if self.reviewing else [320, 820, 300])
        splitter.setStretchFactor(1, 1)
        self.setCentralWidget(splitter)

    def _build_menus(self) -> None:
        """The menus and the window's keys, from the declarations in gui.actions."""
        self.action_set = build_actions(
            self, self._handlers(), self.labels, apply_label=self.apply_label,
            undo_stack=self.session.undo_stack, mode="review" if self.reviewing else "annotate",
        )  # fmt: skip
        language = self.action_set.actions.get(f"view.language.{self.settings.language}")
        if language is not None:
            language.setChecked(True)
        self.undo_action, self.redo_action = self.action_set.undo, self.action_set.redo
        self.review_actions = [
            self.action_set[i] for i in ("review.accept", "review.accept_agreed",
                                         "review.next_disagreement", "review.previous_disagreement")
        ]  # fmt: skip

    def _handlers(self) -> dict[str, Callable[[], object]]:
        """What each action of gui.actions does in this window."""
        return {
            "file.new": self.new_project,
            "file.open": self.open_project,
            "file.demo": lambda: self.projectRequested.emit("demo"),
            "file.start_screen": lambda: self.projectRequested.emit(None),
            "file.change_annotator": self.change_annotator,
            "file.import": self.import_files,
            "file.export": self.export_files,
            "file.merge": self.merge_files,
            "file.quit": self.close,
            "edit.undo": self.session.undo,
            "edit.redo": self.session.redo,
            "edit.delete_span": self.delete_current,
            "review.reject_span": self.delete_current,
            "edit.find": self.find_bar.open_bar,
            "edit.search": self._focus_search,
            "document.done_and_next": self.done_and_next,
            "document.reviewed_and_next": self.done_and_next,
            "document.not_done": self.mark_not_done,
            "document.next": lambda: self.step(1),
            "document.previous": lambda: self.step(-1),
            "view.zoom_in": lambda: self.zoom(1),
            "view.zoom_out": lambda: self.zoom(-1),
            "view.zoom_reset": lambda: self.zoom(0),
            "view.language.ar": lambda: self.languageRequested.emit("ar"),
            "view.language.en": lambda: self.languageRequested.emit("en"),
            "review.agreement": self.show_agreement,
            "review.mode": lambda: self.reviewRequested.emit(not self.reviewing),
            "review.accept": self.accept_current,
            "review.accept_agreed": self.accept_agreed,
            "review.next_disagreement": lambda: self.next_disagreement(1),
            "review.previous_disagreement": lambda: self.next_disagreement(-1),
            "help.shortcuts": self.show_shortcuts,
            "help.models": self.show_models,
            "help.about": self.show_about,
        }

    def _build_status_bar(self) -> None:
        self.who = QLabel()
        self.who.setStyleSheet("font-weight: bold; padding: 0 8px")
        self.progress = QLabel()
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.who)
        self._update_progress()

    # --- documents -------------------------------------------------------------------------

    def open_document(self, doc: int | None) -> None:
        """Show a document with this annotator's spans."""
        if doc is None:
            return
        self.doc = doc
        self.candidate = None
        index = self.session.index(doc)
        self.article.show_text(index.text, self.session.spans(doc))
        self._refresh_spans()
        row = self.documents.row_of(doc)
        if row is not None:
            self.list.setCurrentIndex(self.documents.index(row))
        self.settings.set_last_document(self.store.path, doc)
        if self.find_bar.isVisible():
            self._find(self.find_bar.edit.text())
        elif self.search.text().strip():
            self._show_search_hits(self.search.text())
        self._update_title()

    def step(self, delta: int) -> None:
        """Open the next or previous document of the list."""
        if self.doc is None:
            return
        row = self.documents.row_of(self.doc)
        target = self.documents.doc_at((row if row is not None else -1) + delta)
        if target is not None:
            self.open_document(target)

    def done_and_next(self) -> None:
        """Mark the document done, then open the next one not done yet, going on from the top
        of the list after the last; "all done" only when it is true."""
        if self.doc is None or not self.session.accepts_actions():
            return
        self.session.set_status(self.doc, Status.DONE)
        rows = self.documents.rowCount()
        row = self.documents.row_of(self.doc)
        start = row if row is not None else -1
        for offset in range(1, rows + 1):
            candidate = self.documents.doc_at((start + offset) % rows)
            if (
                candidate is not None
                and candidate != self.doc
                and self.documents.status(candidate) is not Status.DONE
            ):
                self.open_document(candidate)
                if start + offset >= rows:
                    self.statusBar().showMessage(self._went_round(1), 5000)
                return
        done, total = self.documents.done_count()
        if done < total:
            message = (
                self.tr("Every document in this list is reviewed; still to review outside "
                        "it: %n.", "", total - done)
                if self.reviewing
                else self.tr("Every document in this list is done; still to do outside it: %n.",
                             "", total - done)
            )  # fmt: skip
        else:
            message = (
                self.tr("All done: every document is reviewed.")
                if self.reviewing
                else self.tr("All done: every document is marked done.")
            )
        self.statusBar().showMessage(message, 8000)

    def mark_not_done(self) -> None:
        """Take back "done" for this document."""
        if self.doc is not None and self.documents.status(self.doc) is Status.DONE:
            self.session.set_status(self.doc, Status.IN_PROGRESS)

    def _apply_filter(self) -> None:
        query = self.search.text().strip()
        try:
            found = set(self.store.search(query)) if query else None
        except ProjectBusy:  # the search copy of new documents could not be written yet
            self.statusBar().showMessage(self._busy_text(), 2000)
            self._search_timer.start()  # and again in a moment
            return
        except AlamaError as error:
            self.statusBar().showMessage(error_text(error), 8000)
            return
        chosen = self.status_filter.currentData()
        self.documents.set_filter(Status(chosen) if chosen else None, found)
        if self.doc is not None and self.documents.row_of(self.doc) is not None:
            self.list.setCurrentIndex(self.documents.index(self.documents.row_of(self.doc) or 0))
        if query:
            self.statusBar().showMessage(
                self.tr("%n document(s) contain it", "", len(found or ())), 4000
            )

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- labelling -------------------------------------------------------------------------

    def apply_label(self, key: str, exact: bool = False) -> None:
        """Label the selection, or relabel the chosen span."""
        if self.doc is None or not self.session.accepts_actions():
            return  # the selection stays: the same key labels it once the file is saved
        selection = self.article.selection()
        try:
            if selection is not None:
                exact = exact or self.article.alt_selection
                span = self.session.add_span(self.doc, *selection, key, exact)
                self.article.clear_selection()
                if span is None and not self.session.pending:
                    self.statusBar().showMessage(
                        self.tr("Nothing to label: the selection holds only spaces or marks."), 4000
                    )
            elif self.article.current is not None:
                self.session.relabel(self.article.current, key)
            elif self.reviewing and self.candidate is not None:
                c = self.candidate  # accept the candidate under another label
                self.session.accept(self.doc, (c.start, c.end, key))
            else:
                self.statusBar().showMessage(
                    self.tr("Select some text first, then press a label key."), 4000
                )
        except AlamaError as error:
            QMessageBox.warning(self, "", error_text(error))

    def delete_current(self) -> None:
        """Delete the chosen span; in review mode, reject the chosen candidate."""
        if not self.session.accepts_actions():
            return
        if self.reviewing and self.candidate is not None and self.doc is not None:
            key = self.candidate.key
            self.session.reject(self.doc, key)
            self._advance(key)
        elif self.article.current is not None:
            self.session.delete(self.article.current)

    # --- review ----------------------------------------------------------------------------

    def accept_current(self) -> None:
        """Enter: put the chosen candidate into gold, then go on to the next open one."""
        if not self.reviewing or self.doc is None:
            return
        if self.candidate is None:
            self.statusBar().showMessage(
                self.tr("Choose a span in the review list first (F8 finds the next)."), 4000
            )
            return
        if not self.session.accepts_actions():
            return
        key = self.candidate.key
        self.session.accept(self.doc, key)
        self._advance(key)

    def accept_agreed(self) -> None:
        """Shift+Enter: accept every open span all finished annotators agree on."""
        if not self.reviewing or self.doc is None or not self.session.accepts_actions():
            return
        count = self.session.accept_agreed(self.doc)
        self.statusBar().showMessage(
            self.tr("%n agreed span(s) accepted into gold.", "", count), 5000
        )

    def next_disagreement(self, step: int) -> None:
        """F8 / Shift+F8: the next (previous) open disagreement, in later (earlier) documents
        too, going round the list once; "none left" only when there is none in it."""
        if not self.reviewing or self.doc is None:
            return
        at = self.candidate.key if self.candidate else None
        found = self._review().next_open(at, step, disputed=True)
        if found is not None:
            self._choose(found)
            return
        rows = self.documents.rowCount()
        row = self.documents.row_of(self.doc)
        start = row if row is not None else (-1 if step > 0 else rows)
        for offset in range(1, rows + 1):
            doc = self.documents.doc_at((start + step * offset) % rows)
            if doc is None:
                continue
            # back at this document after going round: its disagreements on the other side
            review = self._review() if doc == self.doc else self.session.review(doc)
            found = review.next_open(None, step, disputed=True)
            if found is not None:
                if doc != self.doc:
                    self.open_document(doc)
                self._choose(found)
                if found.key == at:
                    self.statusBar().showMessage(
                        self.tr("This is the only open disagreement left."), 5000
                    )
                elif not 0 <= start + step * offset < rows:
                    self.statusBar().showMessage(self._went_round(step), 5000)
                return
        self.statusBar().showMessage(
            self.tr("No open disagreement left in the documents listed (a filter hides others).")
            if self._filtered()
            else self.tr("All done: every disagreement in the project is decided."),
            5000,
        )

    def _went_round(self, step: int) -> str:
        return (
            self.tr("Went on from the top of the document list.")
            if step > 0
            else self.tr("Went on from the bottom of the document list.")
        )

    def _filtered(self) -> bool:
        """Whether the document list hides some documents (a status filter or a search)."""
        return self.documents.rowCount() < self.documents.done_count()[1]

    def _advance(self, at: tuple[int, int, str]) -> None:
        """After a decision on ``at``: the next open candidate in the table's order, going on
        from the top after the last row; ``at`` stays chosen when nothing is open."""
        if self.doc is None:
            return
        review = self._review()
        found = review.next_open(at, wrap=True)
        self._choose(found or review.find(at))
        if found is None:
            self.statusBar().showMessage(
                self.tr("Nothing open left in this document: Ctrl+Enter marks it reviewed."), 5000
            )

    def _review(self) -> DocumentReview:
        """The open document's review: the one the panel shows, refreshed after every action."""
        shown = self.review_panel.review
        if shown is not None and shown.doc == self.doc:
            return shown
        assert self.doc is not None
        return self.session.review(self.doc)

    def _choose(self, candidate: Candidate | None) -> None:
        self.review_panel.select(candidate)
        self._on_candidate(candidate)

    def _on_candidate(self, candidate: Candidate | None) -> None:
        """Show the chosen candidate in the text; its gold span (if any) is the current span."""
        self.candidate = candidate
        if candidate is None:
            self.article.set_found([])
            self.article.set_current(None)
            return
        self.article.set_found([(candidate.start, candidate.end)])
        gold = next((s for s in self.article.spans if s.key == candidate.key), None)
        self.article.set_current(gold)
        if gold is None:
            self.article.scroll_to(candidate.start)

    def _resize_current(self, side: str, grow: bool, by_token: bool) -> None:
        if self.article.current is not None:
            self.session.resize(self.article.current, side, grow, by_token)

    def _pick(self, span: Span | None) -> None:
        if span is not None and span.doc != self.doc:
            return
        self.article.set_current(span)
        self.span_list.select(span)
        if self.reviewing:
            self.candidate = self._review().find(span.key) if span is not None else None
            self.review_panel.select(self.candidate)
            self.article.set_found([(span.start, span.end)] if span else [])

    def _on_changed(self, doc: int) -> None:
        """Repaint after an action (or its undo) on any document."""
        status = self.store.status(doc, self.session.layer)
        self.documents.set_status(doc, status)
        self._update_progress()
        if doc != self.doc:
            self.open_document(doc)  # undo/redo of work on another document: show it
            return
        self.article.set_spans(self.session.spans(doc))
        self._refresh_span_list()

    def _refresh_spans(self) -> None:
        self.article.set_spans(self.session.spans(self.doc) if self.doc is not None else [])
        self._refresh_span_list()

    def _refresh_span_list(self) -> None:
        if self.reviewing and self.doc is not None:
            self.review_panel.show_review(
                self.article.text, self.session.review(self.doc), self.labels
            )
            self.candidate = self.review_panel.current
        spans = self.article.spans
        title = (
            self.tr("Gold spans in this article: %1")
            if self.reviewing
            else self.tr("Spans in this article: %1")
        )
        self.spans_title.setText(title.replace("%1", str(len(spans))))
        if not self.reviewing:  # hidden in review mode: the review panel lists the spans
            self.span_list.show_spans(self.article.text, spans, self.labels, self.article.current)

    # --- find ------------------------------------------------------------------------------

    def _find(self, query: str) -> None:
        self._found = find_all(self.article.text, query) if query.strip() else []
        self._found_at = 0
        self.article.set_found(self._found)
        if self._found:
            self.article.scroll_to(self._found[0][0])
        self.find_bar.set_count(1 if self._found else 0, len(self._found))

    def _find_next(self) -> None:
        if not self._found:
            return
        self._found_at = (self._found_at + 1) % len(self._found)
        self.article.scroll_to(self._found[self._found_at][0])
        self.find_bar.set_count(self._found_at + 1, len(self._found))

    # --- view ------------------------------------------------------------------------------

    def zoom(self, step: int) -> None:
        """Make the article text larger or smaller (0: back to normal)."""
        size = DEFAULT_ZOOM if step == 0 else self.settings.zoom + step
        size = max(ZOOM_RANGE[0], min(ZOOM_RANGE[1], size))
        self.settings.zoom = size
        self.article.set_point_size(size)

    def show_shortcuts(self) -> None:
        """F1."""
        ShortcutsSheet(self.labels, self, self.action_set.mode).exec()

    def show_models(self) -> None:
        """Help ▸ Arabic models: the optional camel-tools data, installed or not."""
        ArabicModelsPage(self, CAMEL_TOOLS_VERSION).exec()

    def show_about(self) -> None:
        """Help ▸ About: version, licences, and where this machine keeps Alama's files."""
        QMessageBox.about(self, self.tr("About Alama"), about_html(self))

    def import_files(self, dialog: ImportDialog | None = None) -> bool:
        """File ▸ Import…: read files into the project, then show what was read and skipped."""
        dialog = dialog or ImportDialog(self)
        if not dialog.exec():
            return False
        title = self.tr("Import")
        outcome = run_job(self, title, self.store.path, dialog.job())
        show_outcome(self, title, outcome)
        if outcome[0]:
            self.projectRequested.emit(self.store.path)  # new documents, perhaps new labels
        return outcome[0]

    def export_files(self, dialog: ExportDialog | None = None) -> bool:
        """File ▸ Export…: write training data, then show what was written."""
        dialog = dialog or ExportDialog(self.store, self)
        if not dialog.exec():
            return False
        title = self.tr("Export")
        outcome = run_job(self, title, self.store.path, dialog.job())
        show_outcome(self, title, outcome)
        return outcome[0]

    def merge_files(self, sources: list[Path] | None = None) -> bool:
        """File ▸ Merge…: fold annotators' project files into this one, then reload."""
        sources = sources if sources is not None else choose_merge_sources(self)
        if not sources:
            return False
        title = self.tr("Merge")
        refused: dict[str, set[str]] = {}
        outcome = run_job(self, title, self.store.path, merge_job(sources, refused=refused))
        if refused:
            # A file that changes more than one layer: the lead's own file, or a reviewer's?
            ((source, layers),) = refused.items()
            names = listed(
                [self.tr("gold") if name == GOLD_ANNOTATOR else name for name in sorted(layers)]
            )
            answer = QMessageBox.question(
                self,
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
            outcome = run_job(self, title, self.store.path, merge_job(sources, all_layers=True))
        show_outcome(self, title, outcome)
        if outcome[0]:
            self.projectRequested.emit(self.store.path)  # new documents, spans and labels
        return outcome[0]

    def show_agreement(self) -> AgreementDashboard:
        """Review ▸ Agreement…: the dashboard, computed when first opened (its Refresh button
        computes again); a double-clicked document opens in review mode."""
        if self.dashboard is None:
            self.dashboard = AgreementDashboard(self.store, self)
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
        self.open_by_doc_id(doc_id)
        if not self.reviewing and self.store.find_document(doc_id) is not None:
            self.reviewRequested.emit(True)  # the window reopens on this document, reviewing
        elif self.reviewing:
            self.statusBar().showMessage(
                self.tr("Review ▸ Agreement… (Ctrl+Shift+A) brings the dashboard back."), 6000
            )

    def open_by_doc_id(self, doc_id: str) -> None:
        """Open a document named by its doc_id."""
        found = self.store.find_document(doc_id)
        if found is not None:
            if self.documents.row_of(found) is None:  # hidden by a filter: show everything
                self.search.clear()
                self.status_filter.setCurrentIndex(0)
                self._apply_filter()
            self.open_document(found)
            self.raise_()
            self.activateWindow()

    def change_annotator(self) -> None:
        """Switch whose layer is edited (a new undo history starts)."""
        name = ask_annotator(self, self.session.annotator, self.store.annotators())
        if name and name != self.session.annotator:
            self.settings.annotator = name
            self.projectRequested.emit(self.store.path)

    def _update_title(self) -> None:
        name = self.session.annotator
        if self.reviewing:
            self.who.setText(self.tr("Reviewing as %1: the gold layer").replace("%1", name))
            role = self.tr("review")
            self.setWindowTitle(f"{self._title()} — {name} ({role})")
            return
        self.who.setText(self.tr("Annotator: %1").replace("%1", name))
        self.setWindowTitle(f"{self._title()} — {name}")

    def _title(self) -> str:
        """The open document's title and the project's name (Qt adds the application's own
        name after the window's title: it is not written here a second time)."""
        project = self.store.path.stem
        if self.doc is None:
            return project
        title = " ".join(self.store.document(self.doc).title.split())
        if len(title) > TITLE_LENGTH:
            title = title[: TITLE_LENGTH - 1].rstrip() + "…"
        return f"{title} — {project}"

    def _update_progress(self) -> None:
        done, total = self.documents.done_count()
        template = self.tr("%1 / %2 reviewed") if self.reviewing else self.tr("%1 / %2 done")
        self.progress.setText(template.replace("%1", str(done)).replace("%2", str(total)))

    # --- a project file another program is writing to --------------------------------------

    def _bring_into_view(self, doc: int, offset: int) -> None:
        """After an action or its undo: the place it changed, on screen."""
        if doc == self.doc:
            self.article.scroll_to(offset)

    def _on_waiting(self, count: int = 0) -> None:
        """Say that actions wait for the busy file, and when they have all been saved."""
        if count:
            self.statusBar().showMessage(self._busy_text(count))
            return
        self._refusals = 0
        if self._waiting():
            return  # an earlier window's actions still wait
        self.statusBar().showMessage(self.tr("Saved: the project file is free again."), 5000)
        if self._close_when_saved:
            self.close()

    def _on_refused(self) -> None:
        """An action taken while earlier ones wait for the busy file: not taken (the window
        does not show the waiting ones yet, so it would be built on what the file was)."""
        text = self.tr(
            "The project file is busy (another program is writing to it): your last action "
            "waits to be saved; try again once it is saved."
        )
        self.statusBar().showMessage(text)
        self._refusals += 1
        if self._refusals == 2:  # the user keeps trying: say it where it cannot be missed
            box = QMessageBox(QMessageBox.Icon.Information, "", text, parent=self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _on_failed(self, error: object) -> None:
        """An action the project file refused for another reason than being busy: it was
        dropped, with its undo step; say why in one line."""
        why = error_text(error) if isinstance(error, AlamaError) else str(error)
        text = self.tr("An action could not be saved and was dropped: %1").replace("%1", why)
        self.statusBar().showMessage(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "", text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._closing:
            box.exec()  # the window is about to go: the user must still see it
        else:
            box.open()

    def _waiting(self) -> int:
        """How many action steps (this window's and earlier windows') wait for a busy file."""
        return len(self.session.pending) + sum(len(s.pending) for s in self.draining)

    def _flush_all(self) -> bool:
        saved = True
        for session in [self.session, *self.draining]:
            try:
                saved = session.flush() and saved
            except Exception:  # flush reports what it drops; closing must go on regardless
                saved = False
        return saved and not self._waiting()

    def _busy_text(self, waiting: int = 0) -> str:
        if not waiting:
            return self.tr("The project file is busy (another program is writing to it).")
        return self.tr(
            "The project file is busy (another program is writing to it): %n action(s) "
            "wait to be saved. Alama keeps trying.",
            "",
            waiting,
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing with actions still waiting for the busy file (this window's, or those of a
        window it replaced): wait for them, or leave without them only if the user says so."""
        if self.replaced:
            super().closeEvent(event)
            return
        self._closing = True
        try:
            saved = self._flush_all()
        finally:
            self._closing = False
        waiting = self._waiting()
        if saved or not waiting:
            super().closeEvent(event)
            return
        if self._close_when_saved:  # asked already: it closes once they are saved
            event.ignore()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "",
            self.tr(
                "%n action(s) are not saved yet: another program is writing to the project "
                "file. Alama saves them as soon as it is free.",
                "",
                waiting,
            ),
            parent=self,
        )
        wait = box.addButton(self.tr("Wait, then close"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(wait)
        box.exec()
        if box.clickedButton() is wait:
            self._close_when_saved = True
            for session in self.draining:
                session.waiting.connect(lambda count: None if count else self._on_waiting())
            event.ignore()
            return
        for session in [self.session, *self.draining]:
            session.pending.clear()
        super().closeEvent(event)

    # --- corpus-search hits, File ▸ New / Open -------------------------------------------------

    def _show_search_hits(self, query: str) -> None:
        """A document opened while searching all documents: every match marked, the first on
        screen and selected (a label key labels it). The search ignores diacritics and hamza
        forms; the matches are mapped back onto the stored text."""
        hits = find_all(self.article.text, query)
        self.article.set_found(hits)
        if hits:
            self.article.select_range(*hits[0])

    def new_project(self) -> None:
        """File ▸ New project…: as on the start screen."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("StartScreen", "New project"),
            "project.alama",
            QCoreApplication.translate("StartScreen", "Alama projects (*.alama)"),
        )
        if path:
            chosen = Path(path)
            self.projectRequested.emit(chosen if chosen.suffix else chosen.with_suffix(".alama"))

    def open_project(self) -> None:
        """File ▸ Open project…: as on the start screen."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("StartScreen", "Open project"),
            str(self.store.path.parent),
            QCoreApplication.translate("StartScreen", "Alama projects (*.alama);;All files (*)"),
        )
        if path:
            self.projectRequested.emit(Path(path))
