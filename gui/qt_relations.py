"""The links panel: every link of the document (claim → the span it is linked to, its stance),
under the span list; choosing a row chooses the claim and brings it into view, however far it
is from the span it is linked to."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from alama.core.labels import LabelSet
from alama.core.model import Relation, Span
from alama.gui.i18n import language

SHOWN = 40  # characters of a span's text in a row
ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Row:
    """One link as listed: its relation (or a review candidate's id), the texts of its two
    spans, its attributes as words, and whether it is a candidate (review mode)."""

    id: str
    source: str
    target: str
    attributes: str
    relation: Relation | None = None
    candidate: bool = False


def piece(text: str, span: Span) -> str:
    """A span's text on one line, shortened."""
    shown = " ".join(text[span.start : span.end].split())
    return shown if len(shown) <= SHOWN else shown[: SHOWN - 1] + "…"


def attributes_text(labels: LabelSet, relation: Relation) -> str:
    """A link's attributes in words, in the interface language ("ينفي · مباشر")."""
    kind = labels.relation(relation.type)
    if kind is None:
        return " · ".join(relation.attrs.values())
    words = []
    for attribute in kind.attributes:
        value = relation.attrs.get(attribute.key)
        if value is not None:
            words.append(attribute.name(value, language()))
    return " · ".join(words) or kind.name(language())


def caption(labels: LabelSet, relation: Relation) -> str:
    """What an arrow says: the stance (or the type's name when it has none)."""
    kind = labels.relation(relation.type)
    if kind is None:
        return relation.type
    stance = kind.attribute("stance")
    value = relation.attrs.get("stance")
    if stance is None or value is None:
        return kind.name(language())
    return stance.name(value, language())


class RelationsPanel(QTreeWidget):
    """Links as rows: claim, the span it is linked to, stance. ``linkChosen``: a row's id."""

    linkChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([self.tr("Claim"), self.tr("Said by"), self.tr("Stance")])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete, S, Q stay the window's keys
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideLeft)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.Interactive)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        header.resizeSection(1, 110)
        self.itemClicked.connect(lambda item, _column: self.linkChosen.emit(item.data(0, ROLE)))
        self.rows: list[Row] = []

    def show_rows(self, rows: list[Row], chosen: str | None) -> None:
        """List the links (a candidate's row in italics); ``chosen`` stays selected."""
        self.rows = rows
        self.blockSignals(True)
        self.clear()
        for row in rows:
            item = QTreeWidgetItem([row.source, row.target, row.attributes])
            item.setData(0, ROLE, row.id)
            for column in range(3):
                item.setToolTip(column, f"{row.source}\n← {row.target}\n{row.attributes}")
                if row.candidate:
                    font = item.font(column)
                    font.setItalic(True)
                    item.setFont(column, font)
            self.addTopLevelItem(item)
        self.blockSignals(False)
        self.select(chosen)

    def select(self, link_id: str | None) -> None:
        """Mark a link's row (None: no row), without announcing it."""
        self.blockSignals(True)
        self.clearSelection()
        for number in range(self.topLevelItemCount()):
            item = self.topLevelItem(number)
            if item is not None and link_id is not None and item.data(0, ROLE) == link_id:
                index = self.indexFromItem(item)
                self.selectionModel().select(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                self.scrollToItem(item)
        self.blockSignals(False)

    def count(self) -> int:
        """How many links are listed."""
        return self.topLevelItemCount()

    def texts(self) -> list[tuple[str, str, str]]:
        """The rows as shown (claim, linked span, stance): for tests and checks."""
        return [(row.source, row.target, row.attributes) for row in self.rows]
