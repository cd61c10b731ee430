"""The panels beside the article: label palette, the spans of the document, the find bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from alama.core.labels import Label, LabelSet
from alama.core.model import Span
from alama.gui.i18n import label_name, translated
from alama.gui.qt_article import describe
from alama.gui.qt_relations import RelationsPanel

LINKS_HEIGHT = (90, 220)  # the links list's least and most height, in pixels


def swatch_style(color: str) -> str:
    """A stylesheet for a coloured key cap."""
    fg = "#000000" if QColor(color).lightness() > 140 else "#FFFFFF"
    return (
        f"QPushButton {{ background: {color}; color: {fg}; border-radius: 4px;"
        " padding: 6px 10px; text-align: left; font-weight: bold; }"
        "QPushButton:hover { border: 2px solid palette(highlight); }"
    )


class LabelPalette(QWidget):
    """One button per label: shortcut, Arabic and English name, in the label's colour."""

    labelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self._layout.addWidget(self.title)
        self.buttons: dict[str, QPushButton] = {}

    def set_labels(self, labels: LabelSet) -> None:
        """Rebuild the buttons for a label set."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons = {}
        self.title.setText(self.tr("Labels"))
        for label in labels:
            button = QPushButton(self._caption(label))
            button.setStyleSheet(swatch_style(label.color))
            button.setToolTip(translated(label.description))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, key=label.key: self.labelChosen.emit(key))
            self._layout.addWidget(button)
            self.buttons[label.key] = button

    @staticmethod
    def _caption(label: Label) -> str:
        key = f"{label.shortcut}   " if label.shortcut else ""
        return f"{key}{label.name_ar} · {label.name_en}"


class SpanListModel(QAbstractListModel):
    """The spans of the document as rows; a row's text and colour are made when it is shown,
    so a keypress on a document with 300 spans does not rebuild 300 items."""

    def __init__(self) -> None:
        super().__init__()
        self._text = ""
        self._spans: list[Span] = []
        self._labels = LabelSet.default()
        self._rows: dict[str, int] = {}

    def set_spans(self, text: str, spans: list[Span], labels: LabelSet) -> None:
        self.beginResetModel()
        spans = sorted(spans, key=lambda s: (s.start, -s.end, s.label))  # reading order
        self._text, self._spans, self._labels = text, spans, labels
        self._rows = {span.id: row for row, span in enumerate(spans)}
        self.endResetModel()

    def row_of(self, span: Span) -> int | None:
        return self._rows.get(span.id)

    def span_at(self, row: int) -> Span:
        return self._spans[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._spans)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        span = self._spans[index.row()]
        label = self._labels.get(span.label)
        if role == Qt.ItemDataRole.DisplayRole:
            piece = self._text[span.start : span.end].replace("\n", " ")
            if len(piece) > 90:
                piece = piece[:88] + "…"
            return f"{label_name(self._labels, span.label)}: {piece}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return describe(span, self._text, self._labels)  # the label, not only its colour
        if role == Qt.ItemDataRole.BackgroundRole:
            color = QColor(label.color if label else "#999999")
            color.setAlpha(70)
            return color
        if role == Qt.ItemDataRole.UserRole:
            return span
        return None


class SpanList(QTreeView):
    """This annotator's spans in the document, in reading order; a click jumps to one.

    A tree view of one level, not a QListView: with uniform row heights it lays out only the
    rows on screen, where a list view lays out every row again after each label key.
    """

    spanChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spans = SpanListModel()
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QTreeView::item { padding: 1px 2px; }")
        self.setModel(self.spans)  # after the styling: each style change lays rows out
        self.clicked.connect(lambda index: self.spanChosen.emit(self.spans.span_at(index.row())))

    def show_spans(
        self, text: str, spans: list[Span], labels: LabelSet, current: Span | None
    ) -> None:
        """List the spans with their label and text."""
        self.spans.set_spans(text, spans, labels)
        self.select(current)

    def select(self, span: Span | None) -> None:
        """Mark the chosen span's row, without rebuilding the list."""
        row = self.spans.row_of(span) if span is not None else None
        if row is None:
            self.clearSelection()
            return
        index = self.spans.index(row)
        self.selectionModel().select(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def count(self) -> int:
        """How many spans are listed."""
        return self.spans.rowCount()


class FindBar(QWidget):
    """Find in the document, ignoring diacritics, tatweel and hamza forms."""

    queryChanged = Signal(str)
    nextRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("Find in this article (ignores diacritics)"))
        self.edit.textChanged.connect(self.queryChanged)
        self.edit.returnPressed.connect(self.nextRequested)
        self.count = QLabel()
        close = QToolButton()
        close.setText("✕")
        close.clicked.connect(self.close_bar)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.count)
        layout.addWidget(close)

    def open_bar(self) -> None:
        """Show and focus the bar."""
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        """Hide the bar and clear the highlights."""
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_count(self, current: int, total: int) -> None:
        """Show "2 / 5" or "no match"."""
        if not self.edit.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(f"{current} / {total}")


class SidePanel(QWidget):
    """Beside the article: the label palette, then the current mode's panel under its title
    (the span list when annotating, the review table when reviewing), then the links."""

    def __init__(self, labels: LabelSet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label_palette = LabelPalette()
        self.label_palette.set_labels(labels)
        self.title = QLabel()
        self.panels = QStackedWidget()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.label_palette)
        layout.addSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.panels, 1)
        self.links_title = QLabel()
        self.links = RelationsPanel()
        self.links.setMinimumHeight(LINKS_HEIGHT[0])
        self.links.setMaximumHeight(LINKS_HEIGHT[1])
        layout.addWidget(self.links_title)
        layout.addWidget(self.links)
