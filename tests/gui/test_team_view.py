"""The Team view's figures (those of `team_progress`, counted again as the project changes),
the guidelines on F2, right to left, and the Team reports as Arabic reads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store.base import now
from alama.core.team_progress import team_progress
from alama.gui.qt_main_window import MainWindow
from tests.gui import team_setup
from tests.gui.team_setup import english, said

# The fixtures of a Team test project (tests/gui/team_setup.py).
project = team_setup.project
window = team_setup.window
assigned = team_setup.assigned
shown = team_setup.shown
warned = team_setup.warned

# --- the Team view -----------------------------------------------------------------------------


def test_the_team_view_shows_the_figures_of_team_progress(
    qtbot: QtBot, assigned: MainWindow
) -> None:
    store = assigned.store
    store.add_span(3, "amal", 0, 3, "ACTOR")
    store.add_span(3, "bilal", 0, 3, "ACTOR")
    for doc, name in ((3, "amal"), (3, "bilal"), (2, "bilal")):
        store.set_status(doc, name, Status.DONE)
    store.set_status(9, "amal", Status.IN_PROGRESS)  # not hers
    view = assigned.action_set["team.progress"].trigger() or assigned.team.view
    assert view is not None
    qtbot.waitUntil(lambda: view.progress is not None, timeout=20_000)
    expected = team_progress(store)
    for row in expected.rows:
        for column in ("assigned", "overlap", "done", "in_progress", "todo", "outside"):
            assert view.cell(row.name, column) == str(getattr(row, column)), (row, column)
        assert view.cell(row.name, "last_activity").startswith("today ")
    assert view.cell("amal", "outside") == "1"
    assert expected.agreement is not None
    assert expected.overlap_documents == 1
    assert english(view.agreement.text()) == (
        "1 overlap document; agreement so far on the 1 finished: F1 exact 1.00 · alpha U 1.00"
    )
    assert english(view.ready.text()).endswith(f": {len(expected.ready_for_review)} documents")
    view.review.click()
    assert assigned.reviewing and assigned.doc == 2, "bilal finished it, its only annotator"
    assigned.store.set_status(2, GOLD_ANNOTATOR, Status.DONE)
    view.review.click()
    assert assigned.doc == 3, "then the overlap document both finished"
    assigned.set_reviewing(False)
    # Labelling in the window: the view counts again by itself.
    before = view.progress
    assigned.open_document(1)
    assigned.session.set_status(1, Status.DONE)
    qtbot.waitUntil(lambda: view.progress is not before, timeout=20_000)
    qtbot.waitUntil(lambda: view.cell("amal", "done") == "2", timeout=20_000)


def test_readable_times_are_local_and_short() -> None:
    from datetime import datetime

    from alama.gui.qt_team_view import readable_time

    assert readable_time(None) == "–"
    today = readable_time(now())
    assert today.startswith("today ") and len(today) == len("today 12:34")
    assert readable_time("2026-03-02T08:05:00.000+00:00", datetime(2026, 6, 1)).startswith("2 Mar")


# --- guidelines --------------------------------------------------------------------------------

GUIDELINES = """# دليل الوسم

- **فاعل (ACTOR)**: شخص أو جماعة أو دولة تفعل أو تقول.
- **مكان (PLACE)**: موضع له اسم.

Label the whole name, not the title before it.
"""


def test_f2_shows_the_guidelines_right_to_left_and_esc_closes_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "guide.md"
    path.write_text(GUIDELINES, encoding="utf-8")
    chosen = staticmethod(lambda *args: (str(path), ""))
    monkeypatch.setattr("alama.gui.team_commands.QFileDialog.getOpenFileName", chosen)
    window.action_set["team.import_guidelines"].trigger()
    assert window.store.guidelines() == GUIDELINES
    assert said(window) == "Guidelines imported: F2 shows them."
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    shown = window.team.guidelines
    assert shown is not None and shown.isVisible()
    text = shown.text()
    assert "دليل الوسم" in text and "Label the whole name, not the title before it." in text
    assert shown.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    document = shown.browser.document()
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight, block.text()
        block = block.next()
    latin = document.findBlock(document.toPlainText().index("Label the whole"))
    assert latin.textDirection() == Qt.LayoutDirection.LeftToRight, "a Latin line reads as written"
    arabic = document.findBlock(document.toPlainText().index("دليل"))
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    # Reading on while labelling: an edit does not take the reader back to the top.
    bar = shown.browser.verticalScrollBar()
    shown.resize(300, 110)
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.open_document(1)
    window.session.add_span(1, 2, 5, "ACTOR", True)
    window.team.project_changed()
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(shown.browser, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_f2_without_guidelines_says_where_to_import_them(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    shown = window.team.guidelines
    assert shown is not None and shown.isVisible()
    assert "no annotation guidelines" in shown.text()
    assert "Team ▸ Import guidelines…" in shown.text()


def test_importing_an_empty_guideline_is_refused_in_one_line(
    window: MainWindow, tmp_path: Path, warned: list[str]
) -> None:
    path = tmp_path / "empty.md"
    path.write_text("  \n", encoding="utf-8")
    assert not window.team.import_guidelines(path)
    (message,) = warned
    assert "\n" not in message and message.endswith("is empty: write the guidelines in it first")
    assert window.store.guidelines() is None


def test_arabic_report_lines_naming_someone_first_read_right_to_left() -> None:
    """A message box takes a line's direction from its first letter, isolates or not: a line
    that starts with a Latin name would be laid out left to right in the Arabic window."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QTextDocument

    from alama.core.assignment import AssignReport
    from alama.gui.team_reports import TeamReport

    report = AssignReport(
        assigned={"amal": 2, "bilal": 1}, characters={"amal": 90, "bilal": 40}, documents=3
    )
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic))
    try:
        text = TeamReport().assigned(report)
    finally:
        QLocale.setDefault(before)
    document = QTextDocument()
    document.setPlainText(text)
    block = document.begin()
    lines = 0
    while block.isValid():
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft, block.text()
        lines += 1
        block = block.next()
    assert lines == 3 and "amal" in text and "bilal" in text
