"""The document list: titles with this annotator's status, filtered by status and search.

The model holds only ids, titles and positions (no text), so it fills at once even for 100,000
documents; the view uses uniform row heights and paints only what is visible.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from alama.core.model import DocumentInfo, Status

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
    """Documents in project order, restricted to a status filter and a search result."""

    def __init__(self, documents: list[DocumentInfo], statuses: dict[int, Status]) -> None:
        super().__init__()
        self._all = documents
        self._statuses = statuses
        self._rows = documents
        self._row_of = {info.id: row for row, info in enumerate(documents)}
        self._status_filter: Status | None = None
        self._search: set[int] | None = None
        self._icons = {status: status_icon(status) for status in Status}
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
        info = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return info.title or info.doc_id
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons[self.status(info.id)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{info.doc_id} — {self._names[self.status(info.id)]}"
        if role == DOC_ID_ROLE:
            return info.id
        return None

    def status(self, doc: int) -> Status:
        """This annotator's status of a document."""
        return self._statuses.get(doc, Status.TODO)

    def set_status(self, doc: int, status: Status) -> None:
        """Update one document's status and repaint its row (or refilter if it now hides)."""
        if status is Status.TODO:
            self._statuses.pop(doc, None)
        else:
            self._statuses[doc] = status
        if self._status_filter is not None:
            return  # the row stays until the filter is applied again, so the list does not jump
        row = self.row_of(doc)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def set_filter(self, status: Status | None, search: set[int] | None) -> None:
        """Show only documents with this status (None: all) among these ids (None: all)."""
        self._status_filter, self._search = status, search
        self.beginResetModel()
        self._rows = [
            info
            for info in self._all
            if (status is None or self.status(info.id) is status)
            and (search is None or info.id in search)
        ]
        self._row_of = {info.id: row for row, info in enumerate(self._rows)}
        self.endResetModel()

    def row_of(self, doc: int) -> int | None:
        """The visible row of a document, if it is shown."""
        return self._row_of.get(doc)

    def doc_at(self, row: int) -> int | None:
        """The document id of a visible row."""
        return self._rows[row].id if 0 <= row < len(self._rows) else None

    def done_count(self) -> tuple[int, int]:
        """(done, total) over the whole project for this annotator."""
        done = sum(1 for status in self._statuses.values() if status is Status.DONE)
        return done, len(self._all)
