"""Team ▸ Team progress: per annotator, their assigned documents done, in progress and to do,
their work outside the assignment and when they last worked; the agreement on the overlap set
so far and the documents ready for review.

The figures are `alama.core.team_progress.team_progress`, counted off the GUI thread on the
view's own connection (`alama.gui.background`), so the window never waits for them; the view
counts again when the project changes (the window's edits, or another program's), a moment
after the last change.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alama.core.messages import fill
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store
from alama.gui.background import BackgroundJob, run_in_background
from alama.gui.i18n import ltr
from alama.gui.jobs import Notify, Outcome, Progress, target_of
from alama.gui.qt_agreement import figure, shade

if TYPE_CHECKING:
    from alama.core.team_progress import TeamProgress

REFRESH_DELAY_MS = 600
COLUMNS = (
    "name", "assigned", "overlap", "done", "in_progress", "todo", "outside", "last_activity",
)  # fmt: skip


def readable_time(iso: str | None, now: datetime | None = None) -> str:
    """An ISO-8601 UTC time as local time a person reads at a glance: "today 14:05",
    "yesterday 09:30", or "3 Dec 2026, 14:05" (the month in the interface language; digits
    as the rest of the window writes them)."""
    if not iso:
        return "–"
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    if not moment.isValid():
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    local = moment.toLocalTime()
    clock = f"{local.time().hour():02d}:{local.time().minute():02d}"
    date = local.date()
    day = datetime(date.year(), date.month(), date.day()).date()
    today = (now or datetime.now()).date()
    if day == today:
        return QCoreApplication.translate("TeamView", "today %1").replace("%1", clock)
    if day == today - timedelta(days=1):
        return QCoreApplication.translate("TeamView", "yesterday %1").replace("%1", clock)
    month = QLocale().monthName(day.month, QLocale.FormatType.ShortFormat)
    comma = "،" if QLocale().language() == QLocale.Language.Arabic else ","
    return f"{day.day} {month} {day.year}{comma} {clock}"


class TeamView(QDialog):
    """The team's progress, kept up to date while it is open; "Review" opens the first
    document ready for review that gold has not finished."""

    reviewRequested = Signal(int)  # a document id

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.progress: TeamProgress | None = None
        self._job: BackgroundJob | None = None
        self._again = False
        self._found: list[TeamProgress] = []  # what the running count found
        self._stopped = False  # the window is closing: no new count
        self.setWindowTitle(self.tr("Team progress"))
        self.resize(1080, 420)  # every column readable in English too
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Annotator"),
                self.tr("Assigned"),
                self.tr("Of them shared"),
                self.tr("Done"),
                self.tr("In progress"),
                self.tr("To do"),
                self.tr("Outside their assignment"),
                self.tr("Last activity"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agreement = QLabel()
        self.agreement.setWordWrap(True)
        self.ready = QLabel()
        self.ready.setWordWrap(True)
        self.state = QLabel()
        self.state.setStyleSheet("color: palette(mid)")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        self.review = QPushButton(self.tr("Review the next ready document"))
        self.review.setEnabled(False)
        self.review.clicked.connect(self._review_next)
        bottom.addWidget(self.state, 1)
        bottom.addWidget(self.review)
        bottom.addWidget(refresh)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.agreement)
        layout.addWidget(self.ready)
        layout.addLayout(bottom)
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    # --- counting ------------------------------------------------------------------------

    def project_changed(self) -> None:
        """The project changed: count again a moment after the last change, if shown."""
        if self.isVisible():
            self._timer.start()

    def refresh(self) -> BackgroundJob | None:
        """Count the figures off the GUI thread; the view shows them when they come (a count
        asked for meanwhile runs once this one is over)."""
        if self._stopped:
            return None
        if self._job is not None:
            self._again = True
            return self._job
        self.state.setText(self.tr("Counting…"))
        found = self._found = []

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core.team_progress import team_progress

            found.append(team_progress(store))
            return ""

        self._job = run_in_background(target_of(self.store), work)
        self._job.done.connect(self._counted)  # a method: not called once the view is gone
        return self._job

    def _counted(self, outcome: Outcome) -> None:
        self._job, found = None, self._found
        if not outcome.ok or not found:
            self.state.setText(outcome.message)
        else:
            self.state.setText("")
            self.show_progress(found[0])
        if self._again:
            self._again = False
            self.refresh()

    # --- showing -------------------------------------------------------------------------

    def show_progress(self, progress: TeamProgress) -> None:
        """Fill the table and the lines below it."""
        self.progress = progress
        self.table.setRowCount(len(progress.rows))
        for row, entry in enumerate(progress.rows):
            for column, key in enumerate(COLUMNS):
                value = getattr(entry, key)
                text = readable_time(value) if key == "last_activity" else str(value)
                item = QTableWidgetItem(text)
                if key == "last_activity" and value:
                    item.setToolTip(str(value))
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if key == "done" and entry.done:  # none done yet is no alarm: no colour
                    tint = shade(entry.done / max(entry.assigned, 1))
                    tint.setAlpha(110)
                    item.setBackground(tint)
                if key == "overlap":
                    item.setToolTip(
                        self.tr("Documents shared with other annotators, for agreement")
                    )
                if key == "outside" and value:
                    item.setToolTip(self.tr("Documents they worked on that are not theirs"))
                self.table.setItem(row, column, item)
        if not progress.rows:
            self.agreement.setText(
                self.tr("Nobody has documents assigned yet: Team ▸ Assign documents… first.")
            )
            self.ready.setText("")
            return
        shared = self.tr("%n overlap document(s)", "", progress.overlap_documents)
        if progress.agreement is None:
            self.agreement.setText(
                fill(
                    self.tr("%1; agreement once two annotators have finished one of them."),
                    shared,
                )
            )
        else:
            figures = progress.agreement
            so_far = self.tr(
                "%1; agreement so far on the %2 finished: F1 exact %3 · alpha U %4",
                "overlap documents, finished ones, figures"
            )  # fmt: skip
            self.agreement.setText(
                fill(
                    so_far,
                    shared,
                    figures.get("documents", 0),
                    ltr(figure(figures.get("f1_exact"))),  # "-0.01" keeps its sign in Arabic
                    ltr(figure(figures.get("alpha_u"))),
                )
            )
        self.review.setEnabled(bool(progress.ready_for_review))
        self.ready.setText(
            self.tr(
                "Ready for review (all their annotators finished): %n document(s)",
                "",
                len(progress.ready_for_review),
            )
        )

    def _review_next(self) -> None:
        if self.progress is None:
            return
        reviewed = set(self.store.document_ids(GOLD_ANNOTATOR, Status.DONE))
        waiting = [doc for doc in self.progress.ready_for_review if doc not in reviewed]
        if waiting:
            self.reviewRequested.emit(waiting[0])
        else:
            self.state.setText(self.tr("Every document ready for review is reviewed."))

    def cell(self, name: str, column: str) -> str:
        """A cell as shown, by annotator and column key (for tests and screenshots)."""
        for row in range(self.table.rowCount()):
            first = self.table.item(row, 0)
            if first is not None and first.text() == name:
                item = self.table.item(row, COLUMNS.index(column))
                return item.text() if item is not None else ""
        raise KeyError(name)

    def stop(self) -> None:
        """Count no more (the window is closing); a count under way still ends."""
        self._stopped = True
        self._timer.stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        super().closeEvent(event)
