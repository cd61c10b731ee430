"""The agreement dashboard: the same numbers as `alama agreement`, and a click through."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.agreement import agreement
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_agreement import AgreementDashboard, shade
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.pages import review_panel

TEXTS = {
    "agree": "قال سامي إن الطريق إلى حلب مفتوح",
    "disagree": "أعلنت الوزارة في عمّان أن المعبر مغلق",
    "alone": "خبر لم يكمله أحد بعد",
}


def three_annotators(tmp_path: Path) -> Store:
    """A project where amal, bilal and chadi finished two documents with some disagreement."""
    store = Store.create(tmp_path / "p.alama")
    ids = {name: store.add_document(text, doc_id=name)[0] for name, text in TEXTS.items()}
    layers = {
        "amal": {"agree": [(4, 8, "ACTOR"), (24, 27, "PLACE")], "disagree": [(6, 13, "ACTOR")]},
        "bilal": {"agree": [(4, 8, "ACTOR"), (24, 27, "PLACE")], "disagree": [(17, 22, "PLACE")]},
        "chadi": {"agree": [(4, 8, "ACTOR")], "disagree": [(6, 13, "CLAIM")]},
    }
    for annotator, docs in layers.items():
        for name, spans in docs.items():
            store.add_spans(ids[name], annotator, spans)
            store.set_status(ids[name], annotator, Status.DONE)
    return store


@pytest.fixture
def three(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    """The three annotators' project, open as amal on the document nobody finished."""
    store = three_annotators(tmp_path)
    settings = Settings(tmp_path / "settings.ini")
    alone = next(i.id for i in store.documents() if i.doc_id == "alone")
    window = MainWindow(Session(store, "amal"), settings, alone)
    qtbot.addWidget(window)
    window.show()
    return window


def test_dashboard_shows_the_command_line_numbers(three: MainWindow, qtbot: QtBot) -> None:
    dashboard = three.commands.show_agreement()
    qtbot.addWidget(dashboard)
    expected = agreement(three.store)
    assert dashboard.figures == expected
    pairs = {tuple(p["annotators"]): p for p in expected["pairs"]}
    assert dashboard.cell("amal", "bilal") == f"{pairs[('amal', 'bilal')]['f1_exact']:.2f}"
    assert dashboard.cell("bilal", "amal") == dashboard.cell("amal", "bilal")
    assert dashboard.cell("amal", "amal") == "—"
    dashboard.measure.setCurrentIndex(dashboard.measure.findData("cohen_kappa"))
    kappa = pairs[("amal", "chadi")]["cohen_kappa"]
    assert dashboard.cell("amal", "chadi") == ("–" if kappa is None else f"{kappa:.2f}")
    assert [row[0] for row in dashboard.bars.rows] == ["Actor", "Place", "Claim"]  # names
    assert "3 annotators (amal, bilal, chadi), 2 documents" in dashboard.summary.text()
    found = expected["disagreements"]
    assert f"Label (same offsets, other label): {found['label']}" in dashboard.breakdown.text()
    # documents worst first, as the command line sorts them
    shown = [
        dashboard.documents.item(row, 0).data(Qt.ItemDataRole.UserRole)
        for row in range(dashboard.documents.rowCount())
    ]
    assert shown == [d["doc_id"] for d in expected["per_document"]] == ["disagree", "agree"]
    dashboard.bars.grab()  # paints without error


def test_double_click_opens_the_document(three: MainWindow, qtbot: QtBot) -> None:
    dashboard = three.commands.show_agreement()
    qtbot.addWidget(dashboard)
    target = next(i.id for i in three.store.documents() if i.doc_id == "disagree")
    assert three.doc != target
    three.navigator.status_filter.setCurrentIndex(
        three.navigator.status_filter.findData(Status.TODO)
    )
    undo_steps = three.session.undo_stack.count()
    dashboard.documents.cellDoubleClicked.emit(0, 0)
    assert three.reviewing  # the same window, now in review mode, its undo history kept
    assert three.session.undo_stack.count() == undo_steps
    assert three.doc == target
    assert three.navigator.documents.row_of(target) is not None  # the filter no longer hides it
    assert not dashboard.isVisible()


def test_double_click_reviews_the_document_in_front_of_the_dashboard(
    qapp: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The whole way a lead goes: an annotator's window, the dashboard, a double-click."""
    three_annotators(tmp_path).close()
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    controller = Application(qapp, settings)
    assert controller.open(tmp_path / "p.alama")
    window = controller.window
    assert window is not None and not window.reviewing
    try:
        dashboard = window.commands.show_agreement()
        qtbot.waitExposed(dashboard)
        row = next(
            r
            for r in range(dashboard.documents.rowCount())
            if dashboard.documents.item(r, 0).data(Qt.ItemDataRole.UserRole) == "disagree"
        )
        dashboard.documents.cellDoubleClicked.emit(row, 0)
        reviewing = controller.window
        assert reviewing is window  # the same window, now reviewing
        assert reviewing.reviewing and review_panel(reviewing).isVisible()
        target = reviewing.store.find_document("disagree")
        assert reviewing.doc == target
        assert review_panel(reviewing).table.rowCount() > 0  # its candidates, ready to review
        assert not dashboard.isVisible()  # it does not cover the document
        qtbot.waitExposed(reviewing)
        qtbot.waitUntil(reviewing.isActiveWindow)
    finally:
        if controller.window is not None:
            controller.window.close()
        if controller.session is not None:
            controller.session.store.close()


def test_the_dashboard_steps_aside_and_comes_back_as_it_was(qtbot: QtBot, tmp_path: Path) -> None:
    store = three_annotators(tmp_path)
    window = MainWindow(Session(store, "lead", reviewing=True), Settings(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dashboard = window.commands.show_agreement()
    figures = dashboard.figures
    dashboard.documents.selectRow(1)
    dashboard.documents.cellDoubleClicked.emit(1, 0)
    assert window.doc == store.find_document("agree")
    assert not dashboard.isVisible()
    qtbot.waitUntil(window.isActiveWindow)
    assert "brings the dashboard back" in window.statusBar().currentMessage()
    assert window.commands.show_agreement() is dashboard and dashboard.isVisible()
    assert dashboard.figures is figures  # not computed again: the lead's place is kept
    assert dashboard.documents.currentRow() == 1
    store.close()


def test_a_project_without_finished_pairs(window: MainWindow, qtbot: QtBot) -> None:
    dashboard = window.commands.show_agreement()
    qtbot.addWidget(dashboard)
    assert dashboard.figures is not None and dashboard.figures["documents"] == 0
    assert dashboard.documents.rowCount() == 0
    assert dashboard.matrix.rowCount() == 0


def test_shade_runs_from_red_to_green() -> None:
    assert shade(0.0).name() == "#d55e00"
    assert shade(1.0).name() == "#009e73"
    assert shade(None).name() == "#e0e0e0"
    assert isinstance(AgreementDashboard, type)


def test_the_dashboard_shows_who_made_each_claim(three: MainWindow, qtbot: QtBot) -> None:
    store = three.store
    doc = next(i.id for i in store.documents() if i.doc_id == "agree")
    for name, stance in (("amal", "denies"), ("bilal", "denies")):
        claim = store.add_span(doc, name, 12, 32, "CLAIM")
        actor = store.find_span(doc, name, (4, 8, "ACTOR"))
        assert actor is not None
        store.add_relation(doc, name, claim.id, actor.id, "said_by", {"stance": stance})
    dashboard = three.commands.show_agreement()
    qtbot.addWidget(dashboard)
    assert dashboard.relations.isVisibleTo(dashboard)
    # amal and bilal agree; chadi, who finished too, linked nothing: the mean of 1, 0 and 0
    linked = agreement(store)["relations"]["overall"]
    assert linked["f1_exact"] == pytest.approx(1 / 3) == linked["f1_with_stance"]
    assert "F1 exact 0.33 · with the stance 0.33 · 4 relation" in dashboard.relations.text()
