"""A project for the links tests: an Arabic article (an emoji first) with actors, claims and
a place, amal's window on it, and the keys and checks the tests share."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from alama.core.model import Span
from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

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
