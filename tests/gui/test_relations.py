"""Links in the window, keyboard first: R links the chosen claim to its speaker (Tab goes
through the actors nearest first, Enter links, Esc cancels), S cycles the stance, Q the quote,
Delete unlinks in the links list; undo and redo; the arrows land on the spans they link, right
to left, across a wrap and after scrolling."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.store import Store
from alama.gui.link_targets import nearest_first
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.pages import review_panel

# An emoji first: Qt's positions are one ahead of code points after it.
NEWS = (
    "😀 قال وزير الدفاع إن «القوات ستنسحب من القاعدة قبل نهاية الشهر» بحسب مصدر عسكري، "
    "ونفت الخارجية ذلك في بيان.\n"
    + "\n".join(f"فقرة رقم {n} عن الأخبار اليومية في المنطقة." for n in range(60))
    + "\nوقال الناطق باسم الحكومة إن المفاوضات مستمرة."
)
OTHER = "خبر ثان عن مدينة حلب وأهلها"


def at(phrase: str, text: str = NEWS) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


MINISTER = (*at("وزير الدفاع"), "ACTOR")
CLAIM = (*at("القوات ستنسحب من القاعدة قبل نهاية الشهر"), "CLAIM")
SOURCE = (*at("مصدر عسكري"), "ACTOR")
MINISTRY = (*at("الخارجية"), "ACTOR")
BASE = (*at("القاعدة"), "PLACE")
SPOKESMAN = (*at("الناطق باسم الحكومة"), "ACTOR")
TALKS = (*at("المفاوضات مستمرة"), "CLAIM")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "p.alama")
    store.add_document(NEWS)
    store.add_document(OTHER)
    for span in (MINISTER, CLAIM, SOURCE, MINISTRY, BASE, SPOKESMAN, TALKS):
        store.add_span(1, "amal", *span)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    main = MainWindow(Session(store, "amal"), settings, doc=1)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    main.article.setFocus()
    yield main
    store.close()


def span(window: MainWindow, key: tuple[int, int, str]) -> Span:
    return next(s for s in window.article.spans if s.key == key)


def click(window: MainWindow, key: tuple[int, int, str]) -> None:
    """Choose a span as a click on it does."""
    window.article.spanClicked.emit(span(window, key))


def press(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.article, key, modifier)


def offered(window: MainWindow) -> tuple[int, int, str]:
    linking = window.links.linking
    assert linking is not None
    return linking.target.key


def stored(window: MainWindow) -> list[tuple[str, str, dict[str, str]]]:
    """The layer's live links as (claim text, actor text, attributes)."""
    spans = {s.id: s for s in window.store.spans(1, "amal")}
    return [
        (NEWS[spans[r.source].start : spans[r.source].end],
         NEWS[spans[r.target].start : spans[r.target].end], r.attrs)
        for r in window.store.relations(1, "amal")
    ]  # fmt: skip


def link(window: MainWindow, qtbot: QtBot, tabs: int = 0) -> None:
    click(window, CLAIM)
    press(window, qtbot, Qt.Key.Key_R)
    for _ in range(tabs):
        press(window, qtbot, Qt.Key.Key_Tab)
    press(window, qtbot, Qt.Key.Key_Return)


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


def painted_boxes(window: MainWindow, key: tuple[int, int, str]) -> list[QRectF]:
    """Each character's box of a span on the line where it starts, from the caret positions
    Qt reports (not from the arrows' own geometry)."""
    article = window.article
    cursor = QTextCursor(article.document())
    boxes = []
    first_top = None
    for offset in range(key[0], key[1]):
        cursor.setPosition(article.offsets.to_qt(offset))
        right = article.cursorRect(cursor)
        cursor.setPosition(article.offsets.to_qt(offset + 1))
        left = article.cursorRect(cursor)
        if first_top is None:
            first_top = right.top()
        if right.top() != first_top or left.top() != first_top:
            break  # the span goes on on the next line
        x1, x2 = sorted((left.x(), right.x()))
        boxes.append(QRectF(x1 - 0.5, right.top() - 0.5, x2 - x1 + 1, right.height() + 1))
    return boxes


def inside(point: QPointF, boxes: list[QRectF]) -> bool:
    return any(box.contains(point) for box in boxes)


def test_arrow_ends_land_on_their_spans(window: MainWindow, qtbot: QtBot) -> None:
    """Right to left, with the claim wrapped over two lines, nested spans, and scrolled."""
    window.resize(900, 700)
    window.splitter.setSizes([200, 330, 370])  # a narrow article: the claim wraps
    QApplication.processEvents()
    link(window, qtbot, tabs=2)  # to the ministry, after the claim
    click(window, TALKS)
    press(window, qtbot, Qt.Key.Key_R)
    press(window, qtbot, Qt.Key.Key_Return)
    article = window.article
    article.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    cursor = QTextCursor(article.document())
    cursor.setPosition(article.offsets.to_qt(CLAIM[0]))
    top = article.cursorRect(cursor).top()
    cursor.setPosition(article.offsets.to_qt(CLAIM[1]))
    assert article.cursorRect(cursor).top() > top, "the claim is wrapped over two lines"
    (arrow,) = [a for a in article.arrows() if a.link.source == CLAIM[:2]]
    assert inside(arrow.start, painted_boxes(window, CLAIM))
    assert inside(arrow.end, painted_boxes(window, MINISTRY))
    assert arrow.end.y() > arrow.start.y(), "the ministry is lines below the claim's start"
    assert arrow.source_box.right() < article.viewport().width() / 2, (
        "right to left: the claim starts at the end (left) of its first line"
    )
    # The base is inside the claim: its arrows would start lower; here the claim's is level 0.
    assert arrow.start.y() == pytest.approx(arrow.source_box.top())
    # Painted: the pixels under the ends are the spans' colours, not the page's.
    article.set_links([])
    image = article.viewport().grab().toImage()
    white = QColor("white").rgb()
    for point in (arrow.start, arrow.end):
        assert image.pixel(int(point.x()), int(point.y()) + 3) != white
    window.links.refresh()
    click(window, TALKS)
    press(window, qtbot, Qt.Key.Key_R)
    press(window, qtbot, Qt.Key.Key_Backtab)  # the last offered: the farthest, the minister
    assert offered(window) == MINISTER
    press(window, qtbot, Qt.Key.Key_Return)
    bar = article.verticalScrollBar()
    bar.setValue(bar.maximum())  # the talks and the spokesman in view, the first lines above
    QApplication.processEvents()
    arrows = {(a.link.source, a.link.target): a for a in article.arrows()}
    near = arrows[TALKS[:2], SPOKESMAN[:2]]
    assert inside(near.start, painted_boxes(window, TALKS))
    assert inside(near.end, painted_boxes(window, SPOKESMAN))
    far = arrows[TALKS[:2], MINISTER[:2]]
    assert inside(far.start, painted_boxes(window, TALKS))
    assert far.end.y() < 0, "the minister is above the viewport: drawn to its top edge"
    assert (CLAIM[:2], MINISTRY[:2]) not in arrows, "both ends above: nothing to draw"
    article.viewport().repaint()


def test_nested_span_arrows_start_lower(window: MainWindow, qtbot: QtBot) -> None:
    store = window.store
    store.add_span(1, "amal", *at("نهاية الشهر"), "CLAIM")
    window.open_document(1)
    click(window, (*at("نهاية الشهر"), "CLAIM"))
    press(window, qtbot, Qt.Key.Key_R)
    press(window, qtbot, Qt.Key.Key_Return)
    link(window, qtbot)
    arrows = {a.link.source: a for a in window.article.arrows()}
    outer, inner = arrows[CLAIM[:2]], arrows[at("نهاية الشهر")]
    if outer.source_box.top() == inner.source_box.top():
        assert inner.start.y() > outer.start.y()
    assert inside(inner.start, painted_boxes(window, (*at("نهاية الشهر"), "CLAIM")))


def test_another_document_and_back(window: MainWindow, qtbot: QtBot) -> None:
    link(window, qtbot)
    window.navigator.step(1)
    assert window.article.arrows() == [] and window.side.links.count() == 0
    window.action_set.undo.trigger()  # the link, on the first document: shown again
    assert window.doc == 1 and window.store.relations(1, "amal") == []
    window.action_set.redo.trigger()
    assert window.side.links.count() == 1


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
