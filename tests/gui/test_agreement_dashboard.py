"""The agreement dashboard: the same numbers as `alama agreement`, and a click through."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.agreement import agreement
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.qt_agreement import AgreementDashboard, shade
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

TEXTS = {
    "agree": "قال سامي إن الطريق إلى حلب مفتوح",
    "disagree": "أعلنت الوزارة في عمّان أن المعبر مغلق",
    "alone": "خبر لم يكمله أحد بعد",
}


@pytest.fixture
def three(qtbot: QtBot, tmp_path: Path) -> MainWindow:
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
    settings = Settings(tmp_path / "settings.ini")
    window = MainWindow(Session(store, "amal"), settings, ids["alone"])
    qtbot.addWidget(window)
    window.show()
    return window


def test_dashboard_shows_the_command_line_numbers(three: MainWindow, qtbot: QtBot) -> None:
    dashboard = three.show_agreement()
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
    assert [row[0] for row in dashboard.bars.rows] == ["ACTOR", "PLACE", "CLAIM"]
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
    dashboard = three.show_agreement()
    qtbot.addWidget(dashboard)
    target = next(i.id for i in three.store.documents() if i.doc_id == "disagree")
    assert three.doc != target
    three.status_filter.setCurrentIndex(three.status_filter.findData(Status.TODO))
    dashboard.documents.cellDoubleClicked.emit(0, 0)
    assert three.doc == target
    assert three.documents.row_of(target) is not None  # the filter no longer hides it


def test_a_project_without_finished_pairs(window: MainWindow, qtbot: QtBot) -> None:
    dashboard = window.show_agreement()
    qtbot.addWidget(dashboard)
    assert dashboard.figures is not None and dashboard.figures["documents"] == 0
    assert dashboard.documents.rowCount() == 0
    assert dashboard.matrix.rowCount() == 0


def test_shade_runs_from_red_to_green() -> None:
    assert shade(0.0).name() == "#d55e00"
    assert shade(1.0).name() == "#009e73"
    assert shade(None).name() == "#e0e0e0"
    assert isinstance(AgreementDashboard, type)
