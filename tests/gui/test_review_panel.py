"""The review panel alone, on a project made with the core API: one row per candidate span,
a tick per layer that has it, the agreement said in colour and in words, the reviewer's
decision, and the signals a click sends."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from alama.core.model import Status
from alama.core.review import Agreement, Candidate, Decision, DocumentReview, document_review
from alama.core.store import Store
from alama.gui.qt_review import AGREEMENT_COLORS, ReviewPanel

TEXT = "😀 قال وزير الدفاع إن «القوات ستنسحب من قاعدة التنف» قريباً، وأضاف أن 55 كيلومتراً مفتوحة"


def at(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


MINISTER = (*at("وزير الدفاع"), "ACTOR")  # amal, huda, omar: all agree
CLAIM = (*at("القوات ستنسحب من قاعدة التنف"), "CLAIM")  # amal and huda: some
BASE = (*at("قاعدة التنف"), "PLACE")  # amal: one, accepted into gold
TANF = (*at("التنف"), "PLACE")  # omar: one, rejected
KILOMETRES = (*at("55 كيلومتراً"), "CLAIM")  # huda: one, open
SOON = (*at("قريباً"), "CLAIM")  # only the reviewer's, in gold
HEADERS = ["Span", "Label", "amal", "huda", "omar", "gold", "Decision"]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """amal, huda and omar finished the document; sara has not; the reviewer has started."""
    store = Store.create(tmp_path / "p.alama")
    store.add_document(TEXT)
    layers = {
        "amal": [MINISTER, CLAIM, BASE],
        "huda": [MINISTER, CLAIM, KILOMETRES],
        "omar": [MINISTER, TANF],
        "sara": [TANF],
    }
    for name, spans in layers.items():
        for span in spans:
            store.add_span(1, name, *span)
        if name != "sara":
            store.set_status(1, name, Status.DONE)
    store.add_gold(1, *BASE, reviewer="lead", agreed=["amal"])
    store.add_gold(1, *SOON, reviewer="lead")
    store.set_rejected(1, TANF[:3], "lead")
    yield store
    store.close()


@pytest.fixture
def panel(qtbot: QtBot, store: Store) -> ReviewPanel:
    widget = ReviewPanel()
    qtbot.addWidget(widget)
    widget.resize(520, 420)
    widget.show()
    qtbot.waitExposed(widget)
    widget.show_review(TEXT, document_review(store, 1), store.labels())
    return widget


def cells(panel: ReviewPanel) -> list[list[str]]:
    table = panel.table
    return [
        [table.item(row, column).text() for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


def candidate_of(panel: ReviewPanel, row: int) -> Candidate:
    found: Candidate = panel.table.item(row, 0).data(Qt.ItemDataRole.UserRole)
    return found


def row_of(panel: ReviewPanel, key: tuple[int, int, str]) -> int:
    rows = [r for r in range(panel.table.rowCount()) if candidate_of(panel, r).key == key]
    assert len(rows) == 1, key
    return rows[0]


def click_row(qtbot: QtBot, panel: ReviewPanel, row: int) -> None:
    """Click the row's label cell, as the reviewer does."""
    rect = panel.table.visualItemRect(panel.table.item(row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_one_row_per_candidate_in_reading_order(panel: ReviewPanel) -> None:
    """By start, the longer first; a long span is cut to 24 letters and an ellipsis."""
    headers = [panel.table.horizontalHeaderItem(c).text() for c in range(7)]
    assert headers == HEADERS  # sara has not finished: no column of hers
    assert cells(panel) == [
        ["وزير الدفاع", "Actor", "✓", "✓", "✓", "", "• open"],
        ["القوات ستنسحب من قاعدة ا…", "Claim", "✓", "✓", "", "", "• open"],
        ["قاعدة التنف", "Place", "✓", "", "", "✓", "✓ in gold"],
        ["التنف", "Place", "", "", "✓", "", "✗ rejected"],
        ["قريباً", "Claim", "", "", "", "✓", "✓ in gold"],
        ["55 كيلومتراً", "Claim", "", "✓", "", "", "• open"],
    ]


def test_each_row_says_how_many_agree_in_colour_and_words(panel: ReviewPanel) -> None:
    expected = {
        MINISTER: (Agreement.ALL, "all agree", 150),
        CLAIM: (Agreement.SOME, "some agree", 150),
        BASE: (Agreement.ONE, "one annotator", 60),  # decided: paler
        TANF: (Agreement.ONE, "one annotator", 60),
        SOON: (Agreement.NONE, "reviewer's own", 60),
        KILOMETRES: (Agreement.ONE, "one annotator", 150),
    }
    for key, (agreement, words, alpha) in expected.items():
        row = row_of(panel, key)
        assert candidate_of(panel, row).agreement is agreement
        for column in range(panel.table.columnCount()):
            item = panel.table.item(row, column)
            background = item.background().color()
            assert background.name() == QColor(AGREEMENT_COLORS[agreement]).name(), (key, column)
            assert background.alpha() == alpha, key
            assert item.toolTip() == words


def test_the_summary_counts_what_is_left_to_review(panel: ReviewPanel) -> None:
    summary = panel.summary.text().replace("\u2068", "").replace("\u2069", "")
    assert summary.startswith("Finished by: amal, huda, omar. Not counted (not done): sara.")
    # open disagreements: the claim (some) and the kilometres (one); agreed: the minister
    assert "6 candidate spans: 2 open disagreements, 1 agreed span not yet accepted." in summary
    assert summary.endswith("Not marked reviewed yet.")


def test_the_summary_follows_the_project(panel: ReviewPanel, store: Store) -> None:
    store.add_gold(1, *MINISTER, reviewer="lead", agreed=["amal", "huda", "omar"])
    store.set_rejected(1, KILOMETRES[:3], "lead")
    store.set_status(1, "@gold", Status.DONE)
    panel.show_review(TEXT, document_review(store, 1), store.labels())
    assert "1 open disagreement, 0 agreed spans not yet accepted. Reviewed." in panel.summary.text()
    assert cells(panel)[0][-2:] == ["✓", "✓ in gold"]


def test_a_document_nobody_finished_has_nothing_to_compare(qtbot: QtBot, tmp_path: Path) -> None:
    with Store.create(tmp_path / "q.alama") as store:
        store.add_document("خبر عن حلب")
        store.add_span(1, "amal", 7, 10, "PLACE")
        panel = ReviewPanel()
        qtbot.addWidget(panel)
        panel.show_review("خبر عن حلب", document_review(store, 1), store.labels())
    assert (
        panel.summary.text()
        .replace("\u2068", "")
        .replace("\u2069", "")
        .startswith(
            "No annotator has marked this document done yet: nothing to compare. "
            "Not counted (not done): amal."
        )
    )
    assert panel.table.rowCount() == 0


def test_a_click_on_a_row_chooses_its_candidate(qtbot: QtBot, panel: ReviewPanel) -> None:
    chosen: list[Candidate | None] = []
    panel.candidateChosen.connect(chosen.append)
    row = row_of(panel, TANF)
    with qtbot.waitSignal(panel.candidateChosen):
        click_row(qtbot, panel, row)
    assert [c.key if c else None for c in chosen] == [TANF[:3]]
    assert panel.current is not None and panel.current.key == TANF[:3]
    assert panel.current.decision is Decision.REJECTED
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [row]
    assert panel.table.item(row, 0).font().bold()  # the current row stands out
    click_row(qtbot, panel, row_of(panel, MINISTER))
    assert [c.key if c else None for c in chosen] == [TANF[:3], MINISTER[:3]]
    assert not panel.table.item(row, 0).font().bold()


def test_select_marks_a_row_without_announcing_it(qtbot: QtBot, panel: ReviewPanel) -> None:
    review = panel.review
    assert review is not None
    claim = review.find(CLAIM[:3])
    chosen: list[Candidate | None] = []
    panel.candidateChosen.connect(chosen.append)
    panel.select(claim)
    assert chosen == []  # the window chose it: no echo back to the window
    assert panel.current == claim
    selected = panel.table.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [row_of(panel, CLAIM)]
    current_fill = panel.table.palette().highlight().color().name()
    assert panel.table.item(row_of(panel, CLAIM), 3).background().color().name() == current_fill
    panel.select(None)
    assert panel.current is None and panel.table.selectionModel().selectedRows() == []


def test_the_current_candidate_stays_current_when_the_review_is_shown_again(
    panel: ReviewPanel, store: Store
) -> None:
    review = panel.review
    assert review is not None
    panel.select(review.find(KILOMETRES[:3]))
    store.add_gold(1, *MINISTER, reviewer="lead", agreed=["amal", "huda", "omar"])
    panel.show_review(TEXT, document_review(store, 1), store.labels())
    assert panel.current is not None and panel.current.key == KILOMETRES[:3]
    assert [i.row() for i in panel.table.selectionModel().selectedRows()] == [
        row_of(panel, KILOMETRES)
    ]
    # and goes when its candidate goes (the only layer that had it deleted it)
    (huda_km,) = [s for s in store.spans(1, "huda") if s.key == KILOMETRES[:3]]
    store.delete_span(huda_km.id)
    panel.show_review(TEXT, document_review(store, 1), store.labels())
    assert panel.current is None and panel.table.selectionModel().selectedRows() == []


@pytest.mark.parametrize(
    ("button", "signal"),
    [
        ("accept", "acceptRequested"),
        ("reject", "rejectRequested"),
        ("agreed", "acceptAgreedRequested"),
        ("next", "nextRequested"),
    ],
)
def test_each_button_asks_for_its_action(
    qtbot: QtBot, panel: ReviewPanel, button: str, signal: str
) -> None:
    others = {"acceptRequested", "rejectRequested", "acceptAgreedRequested", "nextRequested"}
    heard: list[str] = []
    for name in others:
        getattr(panel, name).connect(lambda name=name: heard.append(name))
    qtbot.mouseClick(panel.buttons[button], Qt.MouseButton.LeftButton)
    assert heard == [signal]


def test_the_buttons_name_their_keys(panel: ReviewPanel) -> None:
    texts = {name: button.text() for name, button in panel.buttons.items()}
    assert texts == {
        "accept": "Accept (Enter)",
        "reject": "Reject (Delete)",
        "agreed": "Accept all agreed (Shift+Enter)",
        "next": "Next disagreement (F8)",
    }


def test_many_annotators_still_fit_the_panel(qtbot: QtBot, tmp_path: Path) -> None:
    """Eight finished annotators with long names: every column stays within the table's
    width, the names elided, each in full in its header's tooltip."""
    names = [f"annotator_with_a_long_name_{n}" for n in range(8)]
    with Store.create(tmp_path / "q.alama") as store:
        store.add_document(TEXT)
        for name in names:
            store.add_span(1, name, *MINISTER)
            store.set_status(1, name, Status.DONE)
        review: DocumentReview = document_review(store, 1)
        labels = store.labels()
    panel = ReviewPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 400)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_review(TEXT, review, labels)
    header = panel.table.horizontalHeader()
    width = sum(header.sectionSize(c) for c in range(panel.table.columnCount()))
    assert width <= panel.table.viewport().width()
    tips = [panel.table.horizontalHeaderItem(c).toolTip() for c in range(2, 10)]
    assert tips == names


def test_clicks_leave_the_keyboard_with_the_article(qtbot: QtBot, store: Store) -> None:
    """Enter and Delete are the reviewer's keys for accept and reject: a click on a row or a
    button must not take the keyboard away from the article."""
    host = QWidget()
    qtbot.addWidget(host)
    article = QPlainTextEdit(TEXT)
    panel = ReviewPanel()
    layout = QHBoxLayout(host)
    layout.addWidget(article)
    layout.addWidget(panel)
    host.resize(900, 420)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)
    article.setFocus()
    panel.show_review(TEXT, document_review(store, 1), store.labels())
    click_row(qtbot, panel, row_of(panel, CLAIM))
    assert panel.current is not None and panel.current.key == CLAIM[:3]
    qtbot.mouseClick(panel.buttons["accept"], Qt.MouseButton.LeftButton)
    assert article.hasFocus()
