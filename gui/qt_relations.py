"""The links panel: every link of the document (claim → the span it is linked to, its stance),
under the span list; choosing a row chooses the claim and brings it into view, however far it
is from the span it is linked to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

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
    tint: str = ""  # a candidate's agreement colour
    note: str = ""  # a candidate's agreement in words, for its tooltip


def piece(text: str, span: Span | tuple[int, int, str]) -> str:
    """A span's (or a span key's) text on one line, shortened."""
    start, end = (span.start, span.end) if isinstance(span, Span) else span[:2]
    shown = " ".join(text[start:end].split())
    return shown if len(shown) <= SHOWN else shown[: SHOWN - 1] + "…"


def attributes_text(labels: LabelSet, relation: Relation, lang: str = "") -> str:
    """A link's attributes in words, in the interface language ("ينفي · مباشر")."""
    lang = lang or language()
    kind = labels.relation(relation.type)
    if kind is None:
        return " · ".join(relation.attrs.values())
    words = []
    for attribute in kind.attributes:
        value = relation.attrs.get(attribute.key)
        if value is not None:
            words.append(attribute.name(value, lang))
    return " · ".join(words) or kind.name(lang)


def caption(labels: LabelSet, relation: Relation, lang: str = "") -> str:
    """What an arrow says: the stance (or the type's name when it has none)."""
    lang = lang or language()
    kind = labels.relation(relation.type)
    if kind is None:
        return relation.type
    stance = kind.attribute("stance")
    value = relation.attrs.get("stance")
    if stance is None or value is None:
        return kind.name(lang)
    return stance.name(value, lang)


class RelationsModel(QAbstractTableModel):
    """The rows of the links panel; a cell's text is made when it is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Row] = []
        self.at: dict[str, int] = {}
        self.headers: list[str] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.at = {row.id: number for number, row in enumerate(rows)}
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.source, row.target, row.attributes)[index.column()]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            lines = (row.source, f"← {row.target}", row.attributes, row.note)
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.BackgroundRole and row.tint:
            color = QColor(row.tint)
            color.setAlpha(110)
            return color
        if role == Qt.ItemDataRole.FontRole and row.candidate:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ROLE:
            return row.id
        return None


class RelationsPanel(QTreeView):
    """Links as rows: claim, the span it is linked to, stance. ``linkChosen``: a row's id.

    A tree view of one level over a model, as the span list: a keypress on a document with a
    hundred links does not rebuild a hundred items."""

    linkChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.links = RelationsModel()
        self.links.headers = [self.tr("Claim"), self.tr("Said by"), self.tr("Stance")]
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setUniformRowHeights(True)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Delete, S, Q stay the window's keys
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)  # the text's end, on the left
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setModel(self.links)
        header = self.header()
        header.setStretchLastSection(False)
        # The claim and its speaker share what the stance leaves: nothing is cut at the edge.
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(2, 90)
        self.attributes_width = 90
        self.clicked.connect(lambda index: self.linkChosen.emit(self.links.rows[index.row()].id))

    def fit(self, labels: LabelSet) -> None:
        """The attributes column as wide as the widest it can show (every stance with every
        quote, in the interface language), so that it is never cut short."""
        metrics = self.fontMetrics()
        widest = [self.links.headers[2]]
        for kind in labels.relations:
            combos: list[dict[str, str]] = [{}]
            for attribute in kind.attributes:
                combos = [{**c, attribute.key: v} for c in combos for v in attribute.values]
            for combo in combos:
                relation = Relation("", 0, "", "", "", kind.key, tuple(sorted(combo.items())))
                widest.append(attributes_text(labels, relation))
        width = max(metrics.horizontalAdvance(text) for text in widest) + 16
        self.header().resizeSection(2, width)

    @property
    def rows(self) -> list[Row]:
        return self.links.rows

    def show_rows(self, rows: list[Row], chosen: str | None) -> None:
        """List the links (a candidate's row in italics); ``chosen`` stays selected."""
        if rows != self.links.rows:
            self.links.set_rows(rows)
        self.select(chosen)

    def select(self, link_id: str | None) -> None:
        """Mark a link's row (None: no row), without announcing it."""
        number = self.links.at.get(link_id) if link_id is not None else None
        if number is None:
            self.clearSelection()
            return
        index = self.links.index(number, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.selectionModel().select(index, flags.ClearAndSelect | flags.Rows)
        self.scrollTo(index)

    def click_row(self, number: int) -> None:
        """Choose a row as a click on it does (for tests and keyboard helpers)."""
        self.clicked.emit(self.links.index(number, 0))

    def count(self) -> int:
        """How many links are listed."""
        return len(self.links.rows)

    def texts(self) -> list[tuple[str, str, str]]:
        """The rows as shown (claim, linked span, stance): for tests and checks."""
        return [(row.source, row.target, row.attributes) for row in self.links.rows]
