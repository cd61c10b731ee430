"""Links in the window, keyboard first: R links the chosen claim to its speaker (Tab goes
through the actors nearest first, Enter links, Esc cancels), S cycles the stance, Q the quote,
Delete unlinks in the links list; undo and redo; another document and back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.model import Span
from alama.gui.link_targets import nearest_first
from alama.gui.qt_main_window import MainWindow
from tests.gui import relations_setup
from tests.gui.relations_setup import (
    BASE,
    CLAIM,
    MINISTER,
    MINISTRY,
    SOURCE,
    SPOKESMAN,
    TALKS,
    click,
    link,
    offered,
    press,
    stored,
)

window = relations_setup.window  # the fixture: amal's window on the article


def test_nearest_first_ties_go_to_the_span_before() -> None:
    claim = Span("c", 1, "amal", 20, 30, "CLAIM")
    before = Span("b", 1, "amal", 10, 15, "ACTOR")  # 5 characters before
    after = Span("a", 1, "amal", 35, 40, "ACTOR")  # 5 characters after
    far = Span("f", 1, "amal", 31, 60, "ACTOR")  # 1 character after
    inside = Span("i", 1, "amal", 22, 25, "ACTOR")  # inside the claim: no gap
    assert [s.id for s in nearest_first(claim, [after, far, before, inside])] == [
        "i", "f", "b", "a",
    ]  # fmt: skip


def test_r_tab_enter_links_nearest_first_undo_redo(window: MainWindow, qtbot: QtBot) -> None:
    click(window, CLAIM)
    press(window, qtbot, Qt.Key.Key_R)
    assert offered(window) == MINISTER, "5 characters before the claim, the source 7 after"
    message = window.statusBar().currentMessage()
    assert "Tab" in message and "Enter" in message and "(1 / 4)" in message
    assert [a.link.style for a in window.article.arrows()] == ["pending"]
    press(window, qtbot, Qt.Key.Key_Tab)
    assert offered(window) == SOURCE
    press(window, qtbot, Qt.Key.Key_Tab)
    assert offered(window) == MINISTRY
    press(window, qtbot, Qt.Key.Key_Backtab)
    assert offered(window) == SOURCE
    assert window.article.hasFocus(), "Tab stays in the article while linking"
    press(window, qtbot, Qt.Key.Key_Return)
    assert window.links.linking is None
    assert stored(window) == [
        ("القوات ستنسحب من القاعدة قبل نهاية الشهر", "مصدر عسكري",
         {"stance": "asserts", "quote": "indirect"}),
    ]  # fmt: skip
    (first,) = window.store.relations(1, "amal")
    assert [a.link.id for a in window.article.arrows()] == [first.id]
    assert window.side.links.texts() == [
        ("القوات ستنسحب من القاعدة قبل نهاية الشهر", "مصدر عسكري", "asserts · indirect")
    ]
    assert window.action_set.undo.text() == "Undo Link: said by"
    window.action_set.undo.trigger()
    assert window.store.relations(1, "amal") == []
    assert window.article.arrows() == [] and window.side.links.count() == 0
    window.action_set.redo.trigger()
    (again,) = window.store.relations(1, "amal")
    assert again.id == first.id, "redo brings back the same link"
    assert [a.link.id for a in window.article.arrows()] == [first.id]


def test_escape_cancels_and_enter_is_not_review_accept(window: MainWindow, qtbot: QtBot) -> None:
    click(window, CLAIM)
    press(window, qtbot, Qt.Key.Key_R)
    press(window, qtbot, Qt.Key.Key_Escape)
    assert window.links.linking is None and window.article.arrows() == []
    assert window.store.relations(1, "amal") == []
    assert window.article.current is not None, "Esc gives up the link, not the chosen claim"


def test_r_needs_a_claim_and_an_actor(window: MainWindow, qtbot: QtBot) -> None:
    click(window, MINISTER)
    press(window, qtbot, Qt.Key.Key_R)
    assert window.links.linking is None
    assert "Claim" in window.statusBar().currentMessage()
    link(window, qtbot)
    for _ in range(3):
        link(window, qtbot)  # the actors left, nearest first
    click(window, CLAIM)
    press(window, qtbot, Qt.Key.Key_R)
    assert window.links.linking is None, "every actor is linked already"
    assert "Nothing to link to" in window.statusBar().currentMessage()
    assert len(window.store.relations(1, "amal")) == 4


def test_stance_and_quote_keys(window: MainWindow, qtbot: QtBot) -> None:
    link(window, qtbot)
    click(window, CLAIM)
    for _ in range(2):
        press(window, qtbot, Qt.Key.Key_S)
    press(window, qtbot, Qt.Key.Key_Q)
    assert stored(window)[0][2] == {"stance": "reports", "quote": "direct"}
    assert window.side.links.texts()[0][2] == "reports · direct"
    assert [a.link.caption for a in window.article.arrows()] == ["reports"]
    for _ in range(3):
        press(window, qtbot, Qt.Key.Key_S)
    assert stored(window)[0][2]["stance"] == "denies", "round the four stances"
    window.action_set.undo.trigger()
    assert stored(window)[0][2]["stance"] == "asserts"
    click(window, BASE)
    press(window, qtbot, Qt.Key.Key_S)
    assert "Choose a linked claim" in window.statusBar().currentMessage()


def test_stance_key_changes_the_link_just_made(window: MainWindow, qtbot: QtBot) -> None:
    """A claim with two speakers: S right after Enter changes the new link, not the first."""
    link(window, qtbot)  # the minister
    link(window, qtbot)  # then the military source, the nearest left
    press(window, qtbot, Qt.Key.Key_S)
    assert {actor: attrs["stance"] for _, actor, attrs in stored(window)} == {
        "وزير الدفاع": "asserts",
        "مصدر عسكري": "denies",
    }
    captions = {a.link.caption for a in window.article.arrows()}
    assert captions == {"asserts", "denies"}


def test_deleting_the_actor_takes_the_arrow_undo_brings_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    link(window, qtbot)  # to the minister
    (relation,) = window.store.relations(1, "amal")
    click(window, MINISTER)
    press(window, qtbot, Qt.Key.Key_Delete)
    assert window.store.relations(1, "amal") == []
    assert window.article.arrows() == [] and window.side.links.count() == 0
    window.action_set.undo.trigger()
    assert [r.id for r in window.store.relations(1, "amal")] == [relation.id]
    assert [a.link.id for a in window.article.arrows()] == [relation.id]
    assert window.side.links.count() == 1


def test_links_list_jumps_and_delete_unlinks(window: MainWindow, qtbot: QtBot) -> None:
    click(window, TALKS)  # at the end of the article, far below the first lines
    press(window, qtbot, Qt.Key.Key_R)
    assert offered(window) == SPOKESMAN
    press(window, qtbot, Qt.Key.Key_Return)
    link(window, qtbot)
    bar = window.article.verticalScrollBar()
    bar.setValue(0)
    panel = window.side.links
    assert [row[0] for row in panel.texts()] == [
        "القوات ستنسحب من القاعدة قبل نهاية الشهر", "المفاوضات مستمرة",
    ], "in reading order"  # fmt: skip
    panel.click_row(1)
    assert window.article.current is not None and window.article.current.key == TALKS
    assert bar.value() > 0, "scrolled to the far claim"
    box = window.article.fragment(TALKS[0], TALKS[1])
    assert box is not None and window.article.viewport().rect().contains(box.center().toPoint())
    press(window, qtbot, Qt.Key.Key_Delete)
    assert [row[0] for row in stored(window)] == ["القوات ستنسحب من القاعدة قبل نهاية الشهر"]
    assert window.article.current is not None, "Delete unlinked; the claim stays"
    assert len(window.store.spans(1, "amal")) == 7


def test_another_document_and_back(window: MainWindow, qtbot: QtBot) -> None:
    link(window, qtbot)
    window.navigator.step(1)
    assert window.article.arrows() == [] and window.side.links.count() == 0
    window.action_set.undo.trigger()  # the link, on the first document: shown again
    assert window.doc == 1 and window.store.relations(1, "amal") == []
    window.action_set.redo.trigger()
    assert window.side.links.count() == 1


def test_l_walks_the_links_and_delete_unlinks(window: MainWindow, qtbot: QtBot) -> None:
    """Keyboard only: L chooses each link in turn (its claim chosen, in view), Delete unlinks."""
    window.action_set["links.unlink"].trigger()
    assert "Choose a link first" in window.statusBar().currentMessage()
    click(window, TALKS)
    press(window, qtbot, Qt.Key.Key_R)
    press(window, qtbot, Qt.Key.Key_Return)
    link(window, qtbot)
    window.article.spanClicked.emit(None)
    window.article.verticalScrollBar().setValue(0)
    press(window, qtbot, Qt.Key.Key_L)
    assert window.article.current is not None and window.article.current.key == CLAIM
    press(window, qtbot, Qt.Key.Key_L)
    assert window.article.current is not None and window.article.current.key == TALKS
    assert window.article.verticalScrollBar().value() > 0, "the far claim brought into view"
    press(window, qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ShiftModifier)
    assert window.article.current is not None and window.article.current.key == CLAIM
    press(window, qtbot, Qt.Key.Key_Delete)
    assert [claim for claim, _, _ in stored(window)] == ["المفاوضات مستمرة"]
    assert len(window.store.spans(1, "amal")) == 7, "the link went, not the claim"
