"""Finding one's way through the documents: the list, its filter and search, and the order in
which next, previous and done-and-next go round it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from alama.core.errors import AlamaError, ProjectBusy
from alama.core.model import Status
from alama.core.regions import outside_regions
from alama.gui.i18n import error_text
from alama.gui.qt_documents import DocumentListModel
from alama.gui.session import Session

SEARCH_DELAY_MS = 250
JUDGED = 2000
"""A search finding more documents than this lists them all, boilerplate matches included."""


class Navigator(QWidget):
    """The document list of the layer being edited (the annotator's, or gold in review mode),
    filtered by status and by a search over all documents that ignores diacritics; next,
    previous, and done-and-next. When the project assigns documents to the annotator, the list
    shows theirs by default ("Assigned to me"), the whole project one choice away, and
    done-and-next goes to the next of theirs not done."""

    documentChosen = Signal(int)
    searched = Signal(str)  # the search applied ("" when cleared)
    message = Signal(str, int)  # a line for the status bar and how long it stays (ms)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store = session.store
        self.layer = layer = session.layer
        self.documents = DocumentListModel(store, layer)
        self.doc: int | None = None  # the open document
        # What done-and-next says when nothing is left to do (``outside``: hidden by a filter).
        self.nothing_left: Callable[[int], str] = lambda outside: ""
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search all documents (ignores diacritics)"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.status_filter = QComboBox()
        for text, status in (
            (self.tr("All documents"), None),
            (self.tr("To do"), Status.TODO),
            (self.tr("In progress"), Status.IN_PROGRESS),
            (self.tr("Done"), Status.DONE),
        ):
            self.status_filter.addItem(text, status)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        # Shown only when the project assigns documents to this annotator (and not in review).
        self.scope = QComboBox()
        self.scope.addItem(self.tr("Assigned to me"), True)
        self.scope.addItem(self.tr("The whole project"), False)
        self.scope.currentIndexChanged.connect(self.apply_filter)
        self.assigned: list[int] = []  # the documents assigned to me, in project order
        self._assigned: set[int] = set()
        self._offered = False  # whether the choice was offered yet (then it stays as chosen)
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
        self.list.clicked.connect(self._on_clicked)
        self.list.activated.connect(self._on_clicked)  # arrows to a row, then Enter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        filters = QHBoxLayout()
        filters.addWidget(self.scope, 1)
        filters.addWidget(self.status_filter, 1)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        if self.read_assigned():
            self.documents.set_filter(None, None)

    def _on_clicked(self, index: QModelIndex) -> None:
        doc = self.documents.doc_at(index.row())
        if doc is not None:
            self.documentChosen.emit(doc)

    def set_layer(self, layer: str) -> None:
        """List another layer's statuses (annotating or reviewing), keeping filter and search."""
        if layer == self.layer:
            return
        self.layer = layer
        self.documents = DocumentListModel(self.store, layer)
        self.list.setModel(self.documents)
        mine = self.read_assigned()
        if mine or self.search.text().strip() or self.status_filter.currentIndex():
            self.apply_filter()

    # --- assigned to me ----------------------------------------------------------------------

    def read_assigned(self) -> bool:
        """Read which documents the project assigns to this annotator (none in review mode):
        the choice "Assigned to me / The whole project" shows only if some are, and is
        "Assigned to me" when they first appear. True if the list keeps to them now."""
        mine: list[int] = []
        if self.layer == self.session.annotator:
            try:
                mine = self.store.assigned_documents(self.session.annotator)
            except AlamaError:  # busy or damaged: as before
                mine = self.assigned
        if mine and not self._offered:  # first seen: mine by default (later, as chosen)
            self._offered = True
            self.scope.blockSignals(True)
            self.scope.setCurrentIndex(0)
            self.scope.blockSignals(False)
        self.assigned, self._assigned = mine, set(mine)
        self.scope.setVisible(bool(mine))
        keep = self.mine_only()
        self.documents.set_within(self._assigned if keep else None)
        return keep

    def mine_only(self) -> bool:
        """Whether the list shows only the documents assigned to me."""
        return bool(self.assigned) and bool(self.scope.currentData())

    def is_assigned(self, doc: int) -> bool:
        """Whether a document is one done-and-next goes to: assigned to me, or any document
        when nothing is assigned to me."""
        return not self.assigned or doc in self._assigned

    def assigned_progress(self) -> str | None:
        """The status bar's "Assigned to me: 3 / 12 done", when some documents are mine."""
        if not self.assigned:
            return None
        try:
            done = self._assigned.intersection(self.store.document_ids(self.layer, Status.DONE))
        except AlamaError:
            return None
        template = self.tr("Assigned to me: %1 / %2 done")
        return template.replace("%1", str(len(done))).replace("%2", str(len(self.assigned)))

    def set_mine_only(self, mine: bool) -> None:
        """Choose "Assigned to me" (True) or "The whole project" (False)."""
        self.scope.setCurrentIndex(0 if mine else 1)
        self.apply_filter()

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The registry's navigation actions (gui.actions), by id."""
        return {
            "edit.search": self.focus_search,
            "document.done_and_next": self.done_and_next,
            "document.reviewed_and_next": self.done_and_next,
            "document.not_done": self.mark_not_done,
            "document.next": lambda: self.step(1),
            "document.previous": lambda: self.step(-1),
        }

    def where(self) -> tuple[str, int, int]:
        """The search, the status filter and the scope, to set again on a rebuilt window."""
        return self.search.text(), self.status_filter.currentIndex(), self.scope.currentIndex()

    def go_back(self, where: tuple[str, int, int]) -> None:
        """Search and filter as `where` said (the window was rebuilt in another language)."""
        text, filtered, scope = where
        if (text, filtered, scope) != self.where():
            for widget in (self.search, self.status_filter, self.scope):
                widget.blockSignals(True)
            self.search.setText(text)
            self.status_filter.setCurrentIndex(filtered)
            self.scope.setCurrentIndex(scope)
            for widget in (self.search, self.status_filter, self.scope):
                widget.blockSignals(False)
            self.apply_filter()

    def reread(self) -> None:
        """Another program changed the project (documents added, statuses changed): the list
        shows it, with the same filter and search."""
        query = self.query()
        try:
            found = set(self._search(query)) if query else None
        except AlamaError:  # busy, or the search copy cannot be made now: the next look
            return
        self.read_assigned()
        self.documents.reread(found)
        if self.doc is not None:
            self.show_current(self.doc)

    def show_current(self, doc: int) -> None:
        """The open document: its row is selected, if the list shows it."""
        self.doc = doc
        row = self.documents.row_of(doc)
        if row is not None:
            self.list.setCurrentIndex(self.documents.index(row))

    def set_status(self, doc: int, status: Status) -> None:
        self.documents.set_status(doc, status)

    def query(self) -> str:
        """The search over all documents, if any."""
        return self.search.text().strip()

    def hideEvent(self, event: QHideEvent) -> None:
        """A hidden list (its window closed or replaced) runs no search any more: a search
        typed a moment before must not run on a file closed since."""
        self._search_timer.stop()
        super().hideEvent(event)

    def focus_search(self) -> None:
        """Ctrl+Shift+F."""
        self.search.setFocus()
        self.search.selectAll()

    def filtered(self) -> bool:
        """Whether the list hides some documents (a status filter or a search)."""
        return self.documents.rowCount() < self.documents.done_count()[1]

    def reveal(self, doc: int) -> None:
        """Show every document again if a filter hides this one."""
        if self.documents.row_of(doc) is None:
            self.search.clear()
            self.status_filter.setCurrentIndex(0)
            if doc not in self._assigned:
                self.scope.setCurrentIndex(1)
            self.apply_filter()

    def _search(self, query: str) -> list[int]:
        """The documents that hold ``query`` outside their boilerplate (of a search that
        finds more than `JUDGED` documents, all of them: reading each would take seconds)."""
        store = self.store
        found = store.search(query)
        if len(found) > JUDGED:
            return found
        regions = {doc: store.regions(doc) for doc in found}
        return outside_regions(found, regions, lambda d: store.document(d).text, query)

    def apply_filter(self) -> None:
        """Filter the list by status and by the search (run a moment after typing stops)."""
        query = self.query()
        try:
            found = set(self._search(query)) if query else None
        except ProjectBusy:  # the search copy of new documents could not be written yet
            self.message.emit(
                self.tr("The project file is busy (another program is writing to it)."), 2000
            )
            self._search_timer.start()  # and again in a moment
            return
        except AlamaError as error:
            self.message.emit(error_text(error), 8000)
            return
        chosen = self.status_filter.currentData()
        self.documents.set_within(self._assigned if self.mine_only() else None)
        self.documents.set_filter(Status(chosen) if chosen else None, found)
        self.searched.emit(query)
        if self.doc is not None:
            self.show_current(self.doc)
        if query:
            self.message.emit(self.tr("%n document(s) contain it", "", len(found or ())), 4000)

    # --- going round the list ----------------------------------------------------------------

    def step(self, delta: int) -> None:
        """Open the document ``delta`` rows after (or before) the open one, if there is one."""
        if self.doc is not None:
            row = self.documents.row_of(self.doc)
            target = self.documents.doc_at((row if row is not None else -1) + delta)
            if target is not None:
                self.documentChosen.emit(target)

    def done_and_next(self) -> None:
        """Mark the open document done (reviewed), then open the next one not done yet, going
        on from the top of the list after the last; "all done" only when it is true."""
        doc = self.doc
        if doc is None or not self.session.accepts_actions():
            return
        self.session.set_status(doc, Status.DONE)
        target, went_round = self.next_not_done(doc)
        if target is not None:
            self.documentChosen.emit(target)
            if went_round:
                self.message.emit(self.went_round(1), 5000)
            return
        if self.assigned:
            self.message.emit(self.tr("Every document assigned to you is done."), 8000)
            return
        done, total = self.documents.done_count()
        self.message.emit(self.nothing_left(total - done), 8000)

    def mark_not_done(self) -> None:
        """Take back "done" for the open document."""
        if self.doc is not None and self.documents.status(self.doc) is Status.DONE:
            self.session.set_status(self.doc, Status.IN_PROGRESS)

    def round_from(self, doc: int, step: int = 1) -> Iterator[tuple[int, bool]]:
        """Every listed document after (``step`` 1) or before (-1) this one, going round the
        list once and ending with this one; with each, whether the list went round to get
        there (from the top after the last row, or from the bottom before the first)."""
        rows = self.documents.rowCount()
        row = self.documents.row_of(doc)
        start = row if row is not None else (-1 if step > 0 else rows)
        for offset in range(1, rows + 1):
            at = start + step * offset
            found = self.documents.doc_at(at % rows)
            if found is not None:
                yield found, not 0 <= at < rows

    def next_not_done(self, doc: int) -> tuple[int | None, bool]:
        """The next listed document that is not done (going round), and whether it went round;
        only documents assigned to me, when some are."""
        for found, went_round in self.round_from(doc):
            if (
                found != doc
                and self.is_assigned(found)
                and self.documents.status(found) is not Status.DONE
            ):
                return found, went_round
        return None, False

    def went_round(self, step: int) -> str:
        return (
            self.tr("Went on from the top of the document list.")
            if step > 0
            else self.tr("Went on from the bottom of the document list.")
        )
