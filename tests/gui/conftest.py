"""A real main window on a small project, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QTranslator
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.gui.app import register_fonts
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from alama.resources import path as resource

# An emoji before the spans: Qt positions and code-point offsets differ by one after it.
FIRST = (
    "😀 قال وزير الدفاع الأمريكيّ إن «القوات ستنسحب من قاعدة التنف» قريباً\n"
    "Share This Post On\n"
    'وأضاف بـ"ثقة" أن 55\u00a0كيلومتراً من الطريق مفتوحة'
)
SECOND = "خبر ثان عن مدينة حلب 🇸🇾 وأهلها"
THIRD = "خبر ثالث عن الطقس في عمّان"


@pytest.fixture(scope="session", autouse=True)
def _fonts(qapp: object) -> None:
    register_fonts()


@pytest.fixture(scope="session", autouse=True)
def _english_plurals(qapp: QApplication) -> Iterator[None]:
    """English as the application starts it: its file holds the plural forms ("1 document",
    "3 documents") of the source strings."""
    translator = QTranslator()
    assert translator.load("alama_en", str(resource("i18n"))), "make resources/i18n/alama_en.qm"
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "p.alama")
    for text in (FIRST, SECOND, THIRD):
        store.add_document(text)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.article.setFocus()
    yield main
    store.close()


def select(window: MainWindow, start: int, end: int) -> None:
    """Select code points [start, end) in the article as a mouse drag would."""
    article = window.article
    cursor = article.textCursor()
    cursor.setPosition(article.offsets.to_qt(start))
    cursor.setPosition(article.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
    article.setTextCursor(cursor)


def point_of(window: MainWindow, offset: int) -> QPoint:
    """Where on the screen the character at ``offset`` is drawn."""
    article = window.article
    cursor = QTextCursor(article.document())
    cursor.setPosition(article.offsets.to_qt(offset))
    left = article.cursorRect(cursor)
    cursor.setPosition(article.offsets.to_qt(offset + 1))
    right = article.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str]]:
    """What the window reports after the work, instead of a modal message box."""
    outcomes: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, outcome: outcomes.append(outcome),
    )
    return outcomes
