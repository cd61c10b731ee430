"""The document list: titles with this annotator's status, filtered by status and search.

The model holds only the documents' ids and reads titles and statuses a page at a time, so it
fills at once even for 100,000 documents; the view uses uniform row heights and asks only for
what is visible.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from alama.core.cleaning import BYTE_ORDER_MARKS
from alama.core.model import Status
from alama.core.store import Store

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_COLORS = {Status.TODO: "#B0B0B0", Status.IN_PROGRESS: "#E69F00", Status.DONE: "#009E73"}


def status_icon(status: Status) -> QIcon:
    """A small disc: hollow for to do, half for in progress, full for done."""
    pixmap = QPixmap(QSize(14, 14))
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(STATUS_COLORS[status])
    painter.setPen(color)
    if status is Status.DONE:
        painter.setBrush(color)
        painter.drawEllipse(1, 1, 12, 12)
    elif status is Status.IN_PROGRESS:
        painter.drawEllipse(1, 1, 12, 12)
        painter.setBrush(color)
        painter.drawPie(1, 1, 12, 12, 90 * 16, 180 * 16)
    else:
        painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


class DocumentListModel(QAbstractListModel):
    """Documents in project order, restricted to a status filter and a search result.

    Lazy: it holds the documents' ids, and reads titles and statuses a page at a time when the
    view asks for a row, so a project of 100,000 documents opens in a fraction of a second.
    """

    PAGE = 200

    def __init__(self, store: Store, layer: str) -> None:
        super().__init__()
        self._store, self._layer = store, layer
        self._all = store.document_ids()
        self._rows = self._all
        self._row_of: dict[int, int] | None = None
        self._info: dict[int, tuple[str, str, Status]] = {}
        self._done = store.count_in_state(layer, Status.DONE)
        self._status_filter: Status | None = None
        self._within: set[int] | None = None  # only these documents (assigned to me), or all
        self._icons = {status: status_icon(status) for status in Status}
        self._groups = self._read_groups()
        self._names = {
            Status.TODO: self.tr("to do"),
            Status.IN_PROGRESS: self.tr("in progress"),
            Status.DONE: self.tr("done"),
        }

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        if role == DOC_ID_ROLE:
            return doc
        doc_id, title, status = self._read(doc, index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            # A title stored by an older Alama may start with a byte-order mark, which PySide
            # would drop or read as byte-swapped text.
            shown = title.lstrip(BYTE_ORDER_MARKS) or doc_id
            group = self._groups.get(doc)
            return shown if group is None else f"≈{len(group)} {shown}"  # the same story
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[status]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{doc_id} — {self._names[status]}" + self._same_story(doc)
        return None

    def _read_groups(self) -> dict[int, list[int]]:
        """Each grouped document's group (near-duplicates: the same story, `alama clean
        --duplicates`)."""
        return {doc: group for group in self._store.duplicate_groups().values() for doc in group}

    def _same_story(self, doc: int) -> str:
        """The tooltip's line naming the other members of the document's group."""
        others = [d for d in self._groups.get(doc, []) if d != doc]
        if not others:
            return ""
        names = [self._read(d)[0] for d in others[:5]] + (["…"] if len(others) > 5 else [])
        return "\n" + self.tr("Same story as: %1").replace("%1", ", ".join(names))

    def _read(self, doc: int, row: int | None = None) -> tuple[str, str, Status]:
        """A document's (doc_id, title, status), reading the page of rows around it if needed."""
        found = self._info.get(doc)
        if found is None:
            if row is None:
                row = self.row_of(doc)
            first = (row // self.PAGE) * self.PAGE if row is not None else 0
            page = self._rows[first : first + self.PAGE] if row is not None else [doc]
            self._info.update(self._store.document_rows(page, self._layer))
            found = self._info[doc]
        return found

    def status(self, doc: int) -> Status:
        """This annotator's status of a document."""
        return self._read(doc)[2]

    def set_status(self, doc: int, status: Status) -> None:
        """Update one document's status and repaint its row. Under a status filter the row
        stays (with its new status) until the filter is applied again: the list does not jump."""
        if doc in self._info:
            doc_id, title, before = self._info[doc]
            self._done += (status is Status.DONE) - (before is Status.DONE)
        else:  # never read: the store holds the new status already, so count again
            doc_id, title, _ = self._read(doc)
            self._done = self._store.count_in_state(self._layer, Status.DONE)
        self._info[doc] = (doc_id, title, status)
        row = self.row_of(doc)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def reread(self, search: set[int] | None) -> None:
        """Another program changed the project: read the documents and statuses again (the
        same filter, and this search's result)."""
        self._all = self._store.document_ids()
        self._info.clear()
        self._groups = self._read_groups()
        self._done = self._store.count_in_state(self._layer, Status.DONE)
        self.set_filter(self._status_filter, search)

    def set_within(self, docs: set[int] | None) -> None:
        """List only these documents (the ones assigned to me; None: every document); the
        next `set_filter` applies it."""
        self._within = docs

    def set_filter(self, status: Status | None, search: set[int] | None) -> None:
        """Show only documents with this status (None: all) among these ids (None: all), within
        the documents of `set_within`."""
        self._status_filter = status
        self.beginResetModel()
        rows = self._all if status is None else self._store.document_ids(self._layer, status)
        if self._within is not None:
            within = self._within
            rows = [doc for doc in rows if doc in within]
        self._rows = rows if search is None else [doc for doc in rows if doc in search]
        self._row_of = None
        self.endResetModel()

    def row_of(self, doc: int) -> int | None:
        """The visible row of a document, if it is shown."""
        if self._row_of is None:
            self._row_of = {doc: row for row, doc in enumerate(self._rows)}
        return self._row_of.get(doc)

    def doc_at(self, row: int) -> int | None:
        """The document id of a visible row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def done_count(self) -> tuple[int, int]:
        """(done, total) over the whole project for this annotator."""
        return self._done, len(self._all)
