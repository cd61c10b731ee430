"""Review mode's links: the links finished annotators made are candidates in the links list;
Enter accepts one into gold with its spans, Delete rejects it, Shift+Enter takes the agreed ones;
a span chosen after a link makes Enter decide the span."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.pages import review_panel
from tests.gui.relations_setup import CLAIM, MINISTER, NEWS, SOURCE, press


@pytest.fixture
def review(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """amal and omar finished the article: both said the minister made the claim, amal also
    linked it to the military source."""
    store = Store.create(tmp_path / "r.alama")
    store.add_document(NEWS)
    for name in ("amal", "omar"):
        spans = {key: store.add_span(1, name, *key) for key in (MINISTER, CLAIM, SOURCE)}
        store.add_relation(1, name, spans[CLAIM].id, spans[MINISTER].id, "said_by")
        if name == "amal":
            store.add_relation(1, name, spans[CLAIM].id, spans[SOURCE].id, "said_by",
                               {"stance": "reports"})  # fmt: skip
        store.set_status(1, name, Status.DONE)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "lead"
    main = MainWindow(Session(store, "lead", reviewing=True), settings, doc=1)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.article.setFocus()
    yield main
    store.close()


def gold_links(window: MainWindow) -> list[tuple[str, str, str]]:
    spans = {s.id: s for s in window.store.spans(1, GOLD_ANNOTATOR)}
    return [
        (NEWS[spans[r.source].start : spans[r.source].end],
         NEWS[spans[r.target].start : spans[r.target].end], r.attrs["stance"])
        for r in window.store.relations(1, GOLD_ANNOTATOR)
    ]  # fmt: skip


def test_review_offers_links_enter_accepts_delete_rejects(review: MainWindow, qtbot: QtBot) -> None:
    panel = review.side.links
    assert [(row[1], row[2]) for row in panel.texts()] == [
        ("وزير الدفاع", "asserts · indirect"),
        ("مصدر عسكري", "reports · indirect"),
    ]
    assert [row.note for row in panel.rows] == ["all agree (amal, omar)", "one annotator (amal)"]
    assert review.article.arrows() == [], "a candidate link is drawn once chosen, as a span is"
    panel.click_row(0)
    assert [a.link.style for a in review.article.arrows()] == ["candidate"]
    press(review, qtbot, Qt.Key.Key_Return)
    assert gold_links(review) == [
        ("القوات ستنسحب من القاعدة قبل نهاية الشهر", "وزير الدفاع", "asserts")
    ], "accepted with both its spans"
    assert {s.key for s in review.store.spans(1, GOLD_ANNOTATOR)} == {CLAIM, MINISTER}
    assert sorted(a.link.style for a in review.article.arrows()) == ["candidate", "link"]
    chosen = review.links.chosen
    assert chosen is not None and review.links.offered[chosen].candidate.key[1] == SOURCE, (
        "the next open candidate link is chosen"
    )
    press(review, qtbot, Qt.Key.Key_Delete)
    assert review.store.relation_rejections(1), "the rejection is remembered"
    assert panel.rows[1].note == "✗ rejected (amal)"
    assert [a.link.style for a in review.article.arrows()] == ["link"], "no arrow once rejected"
    review.action_set.undo.trigger()
    assert not review.store.relation_rejections(1)
    review.action_set.undo.trigger()
    assert gold_links(review) == [] and review.store.spans(1, GOLD_ANNOTATOR) == []
    assert [row.note for row in panel.rows] == ["all agree (amal, omar)", "one annotator (amal)"]


def test_review_a_span_chosen_after_a_link_makes_enter_decide_the_span(
    review: MainWindow, qtbot: QtBot
) -> None:
    review.side.links.click_row(1)
    table = review_panel(review).table
    table.selectRow(
        next(r for r in range(table.rowCount()) if table.item(r, 0).text() == "مصدر عسكري")
    )
    assert review.links.chosen is None and not review.side.links.selectedIndexes()
    press(review, qtbot, Qt.Key.Key_Return)
    assert review.store.relations(1, GOLD_ANNOTATOR) == [], "Enter took the span, no link"
    assert [s.key for s in review.store.spans(1, GOLD_ANNOTATOR)] == [SOURCE]


def test_review_accept_agreed_takes_the_agreed_link(review: MainWindow, qtbot: QtBot) -> None:
    press(review, qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert {s.key for s in review.store.spans(1, GOLD_ANNOTATOR)} == {CLAIM, MINISTER, SOURCE}
    assert gold_links(review) == [
        ("القوات ستنسحب من القاعدة قبل نهاية الشهر", "وزير الدفاع", "asserts")
    ], "the link amal alone made stays a candidate"
    assert "Agreed links accepted: 1" in review.statusBar().currentMessage()
    assert review.action_set.undo.text() == "Undo Accept 3 agreed spans"
    review.action_set.undo.trigger()
    assert gold_links(review) == [] and review.store.spans(1, GOLD_ANNOTATOR) == []


def test_review_by_keyboard_l_then_enter(review: MainWindow, qtbot: QtBot) -> None:
    press(review, qtbot, Qt.Key.Key_L)
    assert [a.link.style for a in review.article.arrows()] == ["candidate"]
    press(review, qtbot, Qt.Key.Key_Return)
    assert gold_links(review) == [
        ("القوات ستنسحب من القاعدة قبل نهاية الشهر", "وزير الدفاع", "asserts")
    ]
