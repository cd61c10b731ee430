"""Review mode's panel: every finished layer of the document and the gold layer, side by side.

One row per candidate span, one column per annotator who finished the document and one for
gold, so the layers read as a stack: a tick where a layer has exactly that span. The row's
colour says how many annotators agree (all / some / one / none: the reviewer's own), the last
column what the reviewer decided. Colours are the Okabe–Ito ones, readable by colour-blind
reviewers, and every colour is also said in words.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alama.core.labels import LabelSet
from alama.core.review import Agreement, Candidate, Decision, DocumentReview
from alama.gui.i18n import label_name, listed
from alama.gui.qt_agreement import filled

AGREEMENT_COLORS = {
    Agreement.ALL: "#009E73",
    Agreement.SOME: "#F0E442",
    Agreement.ONE: "#D55E00",
    Agreement.NONE: "#56B4E9",
}
AGREEMENT_NAMES = {
    Agreement.ALL: QT_TRANSLATE_NOOP("Review", "all agree"),
    Agreement.SOME: QT_TRANSLATE_NOOP("Review", "some agree"),
    Agreement.ONE: QT_TRANSLATE_NOOP("Review", "one annotator"),
    Agreement.NONE: QT_TRANSLATE_NOOP("Review", "reviewer's own"),
}
DECISION_NAMES = {
    Decision.GOLD: QT_TRANSLATE_NOOP("Review", "✓ in gold"),
    Decision.REJECTED: QT_TRANSLATE_NOOP("Review", "✗ rejected"),
    Decision.COVERED: QT_TRANSLATE_NOOP("Review", "≈ settled in gold"),
    Decision.OPEN: QT_TRANSLATE_NOOP("Review", "• open"),
}
TICK = "✓"
SLIM_COLUMN = 30  # pixels: a tick column can be no narrower
WIDE_COLUMN = 110  # nor wider, however long the annotator's name
SPAN_COLUMN = 90  # what the span text keeps at least, elided


def tr(text: object) -> str:
    """Translate a name marked with ``QT_TRANSLATE_NOOP("Review", …)`` (a str that PySide6's
    stubs type as object)."""
    return QCoreApplication.translate("Review", str(text))


class ReviewPanel(QWidget):
    """The candidates of one document; a click (or the review keys) makes one current."""

    candidateChosen = Signal(object)  # a Candidate, or None
    acceptRequested = Signal()
    rejectRequested = Signal()
    acceptAgreedRequested = Signal()
    nextRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.review: DocumentReview | None = None
        self.current: Candidate | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTableWidget()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.itemSelectionChanged.connect(self._on_selection)
        legend = QLabel(
            "  ".join(
                f"<span style='background:{color}; color:black'>&nbsp;{tr(AGREEMENT_NAMES[kind])}"
                "&nbsp;</span>"
                for kind, color in AGREEMENT_COLORS.items()
            )
        )
        legend.setWordWrap(True)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, text, signal in (
            ("accept", self.tr("Accept (Enter)"), self.acceptRequested),
            ("reject", self.tr("Reject (Delete)"), self.rejectRequested),
            ("agreed", self.tr("Accept all agreed (Shift+Enter)"), self.acceptAgreedRequested),
            ("next", self.tr("Next disagreement (F8)"), self.nextRequested),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(signal.emit)
            self.buttons[name] = button
        for name in ("accept", "reject"):
            buttons.addWidget(self.buttons[name])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.buttons["agreed"])
        layout.addWidget(self.buttons["next"])

    def show_review(self, text: str, review: DocumentReview, labels: LabelSet) -> None:
        """Fill the table; the current candidate stays current if it is still there."""
        self.review = review
        layers = [*review.finished, self.tr("gold")]
        headers = [self.tr("Span"), self.tr("Label"), *layers, self.tr("Decision")]
        self.table.blockSignals(True)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(review.candidates))
        for row, candidate in enumerate(review.candidates):
            self._fill_row(row, text, candidate, review, labels)
        for column, name in enumerate(review.finished, start=2):
            header = self.table.horizontalHeaderItem(column)
            if header is not None:  # set by setHorizontalHeaderLabels above
                header.setToolTip(name)
        self._fit_columns()
        self.table.blockSignals(False)
        self.summary.setText(self._summary(review))
        current = self.current and review.find(self.current.key)
        self.select(current or None)

    def _fit_columns(self) -> None:
        """Every column within the table's width, however many annotators: the span text takes
        what is left (elided), the label, gold and decision columns fit their contents, and
        the annotators' tick columns share the rest, their names elided (a tooltip has them)."""
        header = self.table.horizontalHeader()
        columns = self.table.columnCount()
        if columns < 4:  # not filled yet
            return
        first_layer, gold, decision = 2, columns - 2, columns - 1
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(SLIM_COLUMN)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, gold, decision):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        def wanted(column: int) -> int:
            return max(header.sectionSizeHint(column), self.table.sizeHintForColumn(column))

        layers = range(first_layer, gold)
        scroll_bar = self.table.verticalScrollBar().sizeHint().width()
        fixed = sum(wanted(c) for c in (1, gold, decision)) + scroll_bar + SPAN_COLUMN
        room = self.table.viewport().width() - fixed
        # Narrow names leave what they do not need to the longer ones, in turn.
        for left, column in enumerate(sorted(layers, key=wanted)):
            share = room // (len(layers) - left)
            size = max(SLIM_COLUMN, min(wanted(column), share, WIDE_COLUMN))
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, size)
            room -= size

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def _fill_row(
        self, row: int, text: str, c: Candidate, review: DocumentReview, labels: LabelSet
    ) -> None:
        piece = text[c.start : c.end].replace("\n", " ")
        piece = piece if len(piece) <= 26 else piece[:24] + "…"
        name = label_name(labels, c.label)
        ticks = [TICK if who in c.annotators else "" for who in review.finished]
        cells = [piece, name, *ticks, TICK if c.decision is Decision.GOLD else "",
                 tr(DECISION_NAMES[c.decision])]  # fmt: skip
        for column, value in enumerate(cells):
            item = QTableWidgetItem(value)
            item.setData(Qt.ItemDataRole.UserRole, c)
            item.setToolTip(tr(AGREEMENT_NAMES[c.agreement]))
            if column >= 2:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(row, column, item)
        self._paint_row(row, current=False)

    def _paint_row(self, row: int, current: bool) -> None:
        """Agreement colour (paler once decided); the current row in the selection colours."""
        candidate: Candidate = self._cell(row, 0).data(Qt.ItemDataRole.UserRole)
        color = QColor(AGREEMENT_COLORS[candidate.agreement])
        color.setAlpha(150 if candidate.decision is Decision.OPEN else 60)
        palette = self.table.palette()
        for column in range(self.table.columnCount()):
            item = self._cell(row, column)
            item.setBackground(palette.highlight() if current else color)
            item.setForeground(palette.highlightedText() if current else palette.text())
            font = item.font()
            font.setBold(current)
            item.setFont(font)

    def _cell(self, row: int, column: int) -> QTableWidgetItem:
        """A cell of the filled table, where `_fill_row` gave every cell an item."""
        item = self.table.item(row, column)
        if item is None:
            raise LookupError(f"no item in the review table at row {row}, column {column}")
        return item

    def _summary(self, review: DocumentReview) -> str:
        if not review.finished:
            lead = self.tr("No annotator has marked this document done yet: nothing to compare.")
        else:
            # Names isolated (FSI…PDI): Latin names must not carry the full stop into their run.
            lead = filled(self.tr("Finished by: %1."), f"\u2068{listed(review.finished)}\u2069")
        if review.unfinished:
            names = f"\u2068{listed(review.unfinished)}\u2069"
            lead += " " + filled(self.tr("Not counted (not done): %1."), names)
        open_count = len(review.disputed())
        agreed = len(review.agreed_open())
        state = self.tr("Reviewed.") if review.reviewed else self.tr("Not marked reviewed yet.")
        counts = filled(
            self.tr("%1: %2, %3.", "candidates: open disagreements, agreed not yet accepted"),
            self.tr("%n candidate span(s)", "", len(review.candidates)),
            self.tr("%n open disagreement(s)", "", open_count),
            self.tr("%n agreed span(s) not yet accepted", "", agreed),
        )
        return f"{lead}<br>{counts} {state}"

    def select(self, candidate: Candidate | None) -> None:
        """Make a candidate current (and its row selected) without announcing it."""
        self.current = candidate
        self.table.blockSignals(True)
        self.table.clearSelection()
        for row in range(self.table.rowCount()):
            shown: Candidate = self._cell(row, 0).data(Qt.ItemDataRole.UserRole)
            here = candidate is not None and shown.key == candidate.key
            self._paint_row(row, here)
            if here:
                self.table.selectRow(row)
                self.table.scrollToItem(self._cell(row, 0))
        self.table.blockSignals(False)

    def _on_selection(self) -> None:
        items = self.table.selectedItems()
        chosen = items[0].data(Qt.ItemDataRole.UserRole) if items else None
        self.select(chosen)
        self.candidateChosen.emit(chosen)
