"""Where the article's lines stand on screen: right to left text starts at the right edge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

LONG = (
    "وقال مدير المشروع المهندس وليد حمّود إن الأعمال أنجزت بنسبة كبيرة، وإن الخط الرئيسي "
    "الممتد على مسافة خمسة وخمسين كيلومتراً بات جاهزاً للاختبار قبل نهاية الصيف المقبل"
)
ARTICLE = f"{LONG}\nقصير\nShare This Post On"


@pytest.fixture(params=["ar", "en"])
def window(request: pytest.FixtureRequest, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    """The window on one article, in the Arabic (mirrored) or the English interface."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    rtl = request.param == "ar"
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    app.setLayoutDirection(direction)
    store = Store.create(tmp_path / "p.alama")
    store.add_document(ARTICLE)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.resize(1200, 800)
    main.show()
    qtbot.waitExposed(main)
    yield main
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    store.close()


def line_edges(window: MainWindow, block: QTextBlock) -> list[tuple[float, float]]:
    """(left, right) in viewport pixels of the ink of every line of a paragraph."""
    article = window.article
    origin = article.blockBoundingGeometry(block).translated(article.contentOffset()).topLeft()
    layout = block.layout()
    edges = []
    for number in range(layout.lineCount()):
        rect = layout.lineAt(number).naturalTextRect().translated(origin)
        edges.append((rect.left(), rect.right()))
    return edges


def caret_x(window: MainWindow, position: int) -> int:
    """Where the caret stands, in viewport pixels, before the character at ``position``."""
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(position)
    return window.article.cursorRect(cursor).center().x()


def test_arabic_lines_start_at_the_right_edge_and_end_ragged_on_the_left(
    window: MainWindow,
) -> None:
    article = window.article
    margin = article.document().documentMargin()
    right_edge = article.viewport().width() - margin
    lines = line_edges(window, article.document().findBlockByNumber(0))
    assert len(lines) >= 2, "the paragraph wraps"
    for _left, right in lines:
        assert abs(right - right_edge) <= 3, (lines, right_edge)
    last_left, _ = lines[-1]
    assert last_left > lines[0][0] + 50, "the last, short line is ragged on the left"
    short = article.document().findBlockByNumber(1)
    ((left, right),) = line_edges(window, short)
    assert abs(right - right_edge) <= 3
    assert left > article.viewport().width() / 2
    # The caret agrees with the painted line: the word begins on the right and ends left of it.
    assert abs(caret_x(window, short.position()) - right_edge) <= 3
    assert caret_x(window, short.position() + short.length() - 1) == pytest.approx(left, abs=3)


def test_a_latin_line_in_the_article_stands_on_the_reading_side_too(window: MainWindow) -> None:
    article = window.article
    right_edge = article.viewport().width() - article.document().documentMargin()
    ((left, right),) = line_edges(window, article.document().findBlockByNumber(2))
    assert abs(right - right_edge) <= 3
    assert left > article.viewport().width() / 2


def test_the_alignment_holds_after_zoom_and_another_document(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    window.open_document(window.doc)
    article = window.article
    right_edge = article.viewport().width() - article.document().documentMargin()
    for _left, right in line_edges(window, article.document().findBlockByNumber(0)):
        assert abs(right - right_edge) <= 3
