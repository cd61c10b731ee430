"""The arrows over the article land on the spans they link: right to left, with a span wrapped
over two lines, nested spans, after scrolling (an end out of view drawn to the edge), and for
any spans of a text with emoji before them (code points against Qt's UTF-16 positions)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.gui.qt_article import ArticleView
from alama.gui.qt_main_window import MainWindow
from alama.gui.relation_arrows import Link
from tests.gui import relations_setup
from tests.gui.relations_setup import (
    CLAIM,
    MINISTER,
    MINISTRY,
    SPOKESMAN,
    TALKS,
    at,
    click,
    inside,
    link,
    offered,
    painted_boxes,
    press,
)

window = relations_setup.window  # the fixture: amal's window on the article


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


WORDS = ("قال", "وزير", "الدفاع", "😀", "إن", "القوات", "🇸🇾", "ستنسحب", "من", "قاعدة", "التنف",
         "🎉", "قريباً", "بحسب", "مصدر")  # fmt: skip


@pytest.fixture(scope="module")
def view(qapp: QApplication) -> Iterator[ArticleView]:
    article = ArticleView()
    article.set_point_size(14)
    article.resize(320, 600)  # narrow: spans wrap
    article.show()
    yield article
    article.close()


def char_boxes(article: ArticleView, span: tuple[int, int]) -> list[QRectF]:
    """Each character's box of a span on the line where it starts, from Qt's caret rects."""
    cursor = QTextCursor(article.document())
    boxes = []
    first_top = None
    for offset in range(*span):
        cursor.setPosition(article.offsets.to_qt(offset))
        right = article.cursorRect(cursor)
        cursor.setPosition(article.offsets.to_qt(offset + 1))
        left = article.cursorRect(cursor)
        first_top = right.top() if first_top is None else first_top
        if right.top() != first_top or left.top() != first_top:
            break
        x1, x2 = sorted((left.x(), right.x()))
        boxes.append(QRectF(x1 - 0.5, right.top() - 0.5, x2 - x1 + 1, right.height() + 1))
    return boxes


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(words=st.lists(st.sampled_from(WORDS), min_size=4, max_size=30), data=st.data())
def test_any_spans_after_emoji_get_their_arrow_ends(
    view: ArticleView, words: list[str], data: st.DataObject
) -> None:
    """Spans of whole words anywhere in a text with emoji (two UTF-16 units each, a flag four):
    each end of the arrow lies on its span's first line, inside the span as Qt paints it."""
    text = " ".join(words)
    starts = [m.start() for m in re.finditer(r"\S+", text)]
    ends = [m.end() for m in re.finditer(r"\S+", text)]

    def span() -> tuple[int, int]:
        first = data.draw(st.integers(0, len(starts) - 1))
        last = data.draw(st.integers(first, min(first + 4, len(starts) - 1)))
        return starts[first], ends[last]

    source, target = span(), span()
    view.show_text(text, [])
    view.set_links([Link("x", source, target, "يؤكد")])
    (arrow,) = view.arrows()
    assert inside(arrow.start, char_boxes(view, source))
    assert inside(arrow.end, char_boxes(view, target))
    view.viewport().repaint()  # and it paints
