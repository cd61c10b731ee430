"""The panels beside the article: label palette, the spans of the document, the find bar."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from alama.core.labels import Label, LabelSet
from alama.core.model import Span


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
            button.setToolTip(label.description)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, key=label.key: self.labelChosen.emit(key))
            self._layout.addWidget(button)
            self.buttons[label.key] = button

    @staticmethod
    def _caption(label: Label) -> str:
        key = f"{label.shortcut}   " if label.shortcut else ""
        return f"{key}{label.name_ar} · {label.name_en}"


class SpanList(QListWidget):
    """This annotator's spans in the document, in reading order; a click jumps to one."""

    spanChosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSpacing(1)
        self.itemClicked.connect(
            lambda item: self.spanChosen.emit(item.data(Qt.ItemDataRole.UserRole))
        )

    def show_spans(
        self, text: str, spans: list[Span], labels: LabelSet, current: Span | None
    ) -> None:
        """List the spans with their label and text."""
        self.blockSignals(True)
        self.clear()
        for span in spans:
            piece = text[span.start : span.end].replace("\n", " ")
            if len(piece) > 90:
                piece = piece[:88] + "…"
            name = labels[span.label].name_ar if span.label in labels else span.label
            item = QListWidgetItem(f"{name}: {piece}")
            item.setData(Qt.ItemDataRole.UserRole, span)
            color = QColor(labels[span.label].color if span.label in labels else "#999999")
            color.setAlpha(70)
            item.setBackground(color)
            self.addItem(item)
            if current is not None and span.id == current.id:
                item.setSelected(True)
                self.scrollToItem(item)
        self.blockSignals(False)

    def select(self, span: Span | None) -> None:
        """Mark the chosen span's row, without rebuilding the list."""
        self.blockSignals(True)
        self.clearSelection()
        for row in range(self.count()):
            item = self.item(row)
            shown: Span = item.data(Qt.ItemDataRole.UserRole)
            if span is not None and shown.id == span.id:
                item.setSelected(True)
                self.scrollToItem(item)
                break
        self.blockSignals(False)


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

    def set_count(self, current: int, total: int) -> None:
        """Show "2 / 5" or "no match"."""
        if not self.edit.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(f"{current} / {total}")
