"""The agreement dashboard (SPEC 9): the numbers of `alama agreement`, laid out for a lead.

An annotator × annotator matrix, bars per label, the disagreement breakdown, and the documents
sorted by agreement, worst first; double-clicking a document opens it in the main window.
The figures are computed off the GUI thread, on the dashboard's own connection.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alama.core import agreement
from alama.core.labels import LabelSet
from alama.core.store import Store
from alama.gui.i18n import label_name, listed
from alama.gui.jobs import run_job, target_of

MEASURES = ("f1_exact", "f1_partial", "cohen_kappa")
BAR_MEASURES = ("f1_exact", "f1_partial", "alpha_u", "cohen_kappa")


def shade(value: float | None) -> QColor:
    """A cell colour for an agreement figure: red (low) through amber to green (high)."""
    if value is None:
        return QColor("#E0E0E0")
    value = max(0.0, min(1.0, value))
    low, mid, high = QColor("#D55E00"), QColor("#E69F00"), QColor("#009E73")
    start, end, t = (low, mid, value / 0.5) if value < 0.5 else (mid, high, (value - 0.5) / 0.5)
    return QColor(
        round(start.red() + (end.red() - start.red()) * t),
        round(start.green() + (end.green() - start.green()) * t),
        round(start.blue() + (end.blue() - start.blue()) * t),
    )


def filled(template: str, *values: object) -> str:
    """A translated template with %1, %2, … replaced by the values, in order."""
    for number in range(len(values), 0, -1):  # %10 before %1
        template = template.replace(f"%{number}", str(values[number - 1]))
    return template


def figure(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


class LabelBars(QWidget):
    """One row per label: a bar for each span measure, its value written at its end."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[tuple[str, str, dict[str, float | None]]] = []  # name, colour, figures
        self.names = {
            "f1_exact": self.tr("F1 exact"),
            "f1_partial": self.tr("F1 overlap"),
            "alpha_u": self.tr("alpha U"),
            "cohen_kappa": self.tr("Cohen's kappa"),
        }
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_figures(self, labels: LabelSet, per_label: dict[str, dict[str, Any]]) -> None:
        self.rows = [
            (label_name(labels, key), labels[key].color if key in labels else "#888888",
             {m: per_label[key][m] for m in BAR_MEASURES})
            for key in per_label
        ]  # fmt: skip
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(420, 24 + len(self.rows) * (len(BAR_MEASURES) * self._pitch() + 14))

    def _pitch(self) -> int:
        """One bar's height with its gap: room for Naskh's tall letters (hamza, lam)."""
        return max(16, round(self.fontMetrics().height() * 0.8))

    def paintEvent(self, event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        metrics = painter.fontMetrics()
        name_width = max([metrics.horizontalAdvance(n) for n in self.names.values()] + [60]) + 12
        label_width = max([metrics.horizontalAdvance(n) for n, _, _ in self.rows] + [40]) + 12
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        width = self.width() - name_width - label_width - 50
        pitch = self._pitch()
        keep = Qt.TextFlag.TextDontClip  # Naskh's hamza and descenders reach past the box
        y = 8
        for name, colour, values in self.rows:
            painter.setPen(text_colour)
            side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
            painter.drawText(  # the label's name on the reading side (Absolute: not mirrored)
                QRectF(self.width() - label_width if rtl else 0, y, label_width, metrics.height()),
                side | Qt.AlignmentFlag.AlignAbsolute | keep,
                name,
            )
            for measure in BAR_MEASURES:
                value = values[measure]
                painter.setPen(text_colour)
                name_box = QRectF(
                    self.width() - label_width - name_width if rtl else label_width, y,
                    name_width, 14,
                )  # fmt: skip
                painter.drawText(
                    name_box, Qt.AlignmentFlag.AlignVCenter | keep, self.names[measure]
                )
                length = max(0.0, min(1.0, value or 0.0)) * width
                left = (
                    (self.width() - label_width - name_width - length)
                    if rtl
                    else (label_width + name_width)
                )
                painter.fillRect(QRectF(left, y + 2, length, 10), QBrush(QColor(colour)))
                painter.drawText(
                    QRectF(left - 46 if rtl else left + length + 4, y, 42, 14),
                    Qt.AlignmentFlag.AlignVCenter | keep,
                    figure(value),
                )
                y += pitch
            y += 14
        painter.end()


class AgreementDashboard(QDialog):
    """The agreement figures of a project, computed when opened and on Refresh."""

    documentRequested = Signal(str)  # a doc_id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.labels = store.labels()
        self.figures: dict[str, Any] | None = None
        self.setWindowTitle(self.tr("Agreement"))
        self.resize(1100, 720)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.overall = QLabel()
        self.overall.setWordWrap(True)
        self.relations = QLabel()
        self.relations.setWordWrap(True)
        self.relations.hide()
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(refresh)

        self.measure = QComboBox()
        for key, text in (
            ("f1_exact", self.tr("F1, exact match")),
            ("f1_partial", self.tr("F1, overlap match")),
            ("cohen_kappa", self.tr("Cohen's kappa on tokens")),
        ):
            self.measure.addItem(text, key)
        self.measure.currentIndexChanged.connect(self._fill_matrix)
        self.matrix = QTableWidget()
        self.matrix.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        matrix_box = QGroupBox(self.tr("Annotator pairs"))
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.addWidget(self.measure)
        matrix_layout.addWidget(self.matrix, 1)

        self.bars = LabelBars()
        scroll = QScrollArea()
        scroll.setWidget(self.bars)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        bars_box = QGroupBox(self.tr("Per label"))
        QVBoxLayout(bars_box).addWidget(scroll)

        self.breakdown = QLabel()
        self.breakdown.setWordWrap(True)
        breakdown_box = QGroupBox(self.tr("Disagreements"))
        QVBoxLayout(breakdown_box).addWidget(self.breakdown)

        self.documents = QTableWidget(0, 4)
        self.documents.setHorizontalHeaderLabels(
            [self.tr("Document"), self.tr("F1 exact"), self.tr("F1 overlap"), self.tr("Spans")]
        )
        self.documents.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.documents.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.documents.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.documents.cellDoubleClicked.connect(self._open_row)
        documents_box = QGroupBox(self.tr("Documents, lowest agreement first (double-click opens)"))
        QVBoxLayout(documents_box).addWidget(self.documents)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(matrix_box, 1)
        left_layout.addWidget(breakdown_box)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(bars_box)
        right.addWidget(documents_box)
        right.setSizes([380, 320])
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([450, 650])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.overall)
        layout.addWidget(self.relations)
        self.legend = QLabel(
            self.tr(
                "– : nothing to compute it on. Pairs compare the documents both finished; alpha U "
                "and Fleiss' kappa need annotators who finished every document counted here."
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: palette(mid)")
        layout.addWidget(self.legend)
        layout.addWidget(splitter, 1)

    def refresh(self) -> bool:
        """Compute the figures (off the GUI thread) and show them."""

        def work(store: Store, progress: Any, notify: Any) -> str:
            return json.dumps(agreement.agreement(store, progress=progress))

        ok, result = run_job(self, self.tr("Agreement"), target_of(self.store), work)
        if not ok:
            self.summary.setText(result)
            return False
        self.show_figures(json.loads(result))
        return True

    def show_figures(self, figures: dict[str, Any]) -> None:
        """Fill every part of the dashboard from `agreement.agreement`'s object."""
        self.figures = figures
        names = figures["annotators"]
        self.summary.setText(
            filled(
                self.tr("%1 (%2), %3.", "annotators, their names, documents finished by two"),
                self.tr("%n annotator(s)", "", len(names)),
                listed(names),
                self.tr("%n document(s) finished by at least two of them", "",
                        figures["documents"]),
            )
            + (
                " " + self.tr("Not counted (nothing marked done): %1").replace(
                    "%1", listed(figures["not_counted"])
                )
                if figures["not_counted"]
                else ""
            )
        )  # fmt: skip
        overall = figures["overall"]
        self.overall.setText(
            filled(
                self.tr(
                    "Overall: F1 exact %1 ± %2 · F1 overlap %3 · alpha U %4 · Cohen's kappa %5 · "
                    "Fleiss' kappa %6 · Krippendorff's alpha %7"
                ),
                *(figure(overall[key]) for key in (
                    "f1_exact", "f1_exact_sd", "f1_partial", "alpha_u", "cohen_kappa",
                    "fleiss_kappa", "krippendorff_alpha",
                )),
            )
        )  # fmt: skip
        linked = figures.get("relations")
        self.relations.setVisible(linked is not None)
        if linked is not None:
            self.relations.setText(
                filled(
                    self.tr(
                        "Who made each claim (relations): F1 exact %1 · with the stance %2 · %3",
                        "relation agreement",
                    ),
                    figure(linked["overall"]["f1_exact"]),
                    figure(linked["overall"]["f1_with_stance"]),
                    self.tr("%n relation(s)", "", linked["overall"]["relations"]),
                )
            )
        self._fill_matrix()
        self.bars.set_figures(self.labels, figures["labels"])
        found = figures["disagreements"]
        self.breakdown.setText(
            filled(
                self.tr(
                    "Boundary (same label, other offsets): %1\nLabel (same offsets, other label): "
                    "%2\nBoundary and label: %3\nMissing (nothing there in the other layer): %4"
                ),
                *(found[key] for key in ("boundary", "label", "boundary_and_label", "missing")),
            )
        )
        rows = figures["per_document"]
        self.documents.setRowCount(len(rows))
        for row, entry in enumerate(rows):
            title = QTableWidgetItem(entry["title"] or entry["doc_id"])
            title.setData(Qt.ItemDataRole.UserRole, entry["doc_id"])
            title.setToolTip(entry["doc_id"])
            self.documents.setItem(row, 0, title)
            for column, key in ((1, "f1_exact"), (2, "f1_partial")):
                item = QTableWidgetItem(figure(entry[key]))
                item.setBackground(shade(entry[key]))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.documents.setItem(row, column, item)
            spans = QTableWidgetItem(str(entry["spans"]))
            spans.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.documents.setItem(row, 3, spans)

    def _fill_matrix(self) -> None:
        if self.figures is None:
            return
        names = self.figures["annotators"]
        key = str(self.measure.currentData())
        self.matrix.setRowCount(len(names))
        self.matrix.setColumnCount(len(names))
        self.matrix.setHorizontalHeaderLabels(names)
        self.matrix.setVerticalHeaderLabels(names)
        values = {}
        for pair in self.figures["pairs"]:
            a, b = pair["annotators"]
            values[(a, b)] = values[(b, a)] = (pair[key], pair["documents"])
        for i, a in enumerate(names):
            for j, b in enumerate(names):
                if i == j:
                    item = QTableWidgetItem("—")
                else:
                    value, documents = values.get((a, b), (None, 0))
                    item = QTableWidgetItem(figure(value))
                    item.setBackground(shade(value))
                    tip = self.tr("%n document(s) both finished", "", documents)
                    item.setToolTip(tip)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.matrix.setItem(i, j, item)

    def cell(self, a: str, b: str) -> str:
        """The matrix cell of a pair, as shown (for tests and screenshots)."""
        assert self.figures is not None
        names = self.figures["annotators"]
        item = self.matrix.item(names.index(a), names.index(b))
        return item.text() if item else ""

    def _open_row(self, row: int, column: int) -> None:
        item = self.documents.item(row, 0)
        if item is not None:
            self.documentRequested.emit(str(item.data(Qt.ItemDataRole.UserRole)))
