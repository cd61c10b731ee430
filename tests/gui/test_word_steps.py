"""Keyboard word moves in the article: Ctrl+←/→, with Shift to extend the selection.

The article runs right to left, so ← reads forward. A step lands at the end of the next word or
the start of the previous one, and passes over quotes and punctuation as over spaces: it never
stops on an opening quote.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST, select

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def selected(window: MainWindow) -> str:
    selection = window.article.selection()
    return FIRST[slice(*selection)] if selection else ""


def step(window: MainWindow, qtbot: QtBot, key: Qt.Key, extend: bool = True) -> None:
    qtbot.keyClick(window.article, key, CTRL | SHIFT if extend else CTRL)


def test_extending_forward_passes_over_an_opening_guillemet(
    window: MainWindow, qtbot: QtBot
) -> None:
    caret = FIRST.index("إن") + len("إن")
    select(window, caret, caret)
    step(window, qtbot, Qt.Key.Key_Left)
    assert selected(window) == " «القوات", "the first step reaches the quoted word's end"
    step(window, qtbot, Qt.Key.Key_Left)
    assert selected(window) == " «القوات ستنسحب"
    qtbot.keyClick(window.article, Qt.Key.Key_3)
    conn = sqlite3.connect(window.store.path)
    (start, end), *_ = conn.execute("SELECT start_char, end_char FROM spans").fetchall()
    conn.close()
    assert FIRST[start:end] == "القوات ستنسحب"


def test_extending_backward_passes_over_glued_quotes(window: MainWindow, qtbot: QtBot) -> None:
    caret = FIRST.index("أن")
    select(window, caret, caret)
    step(window, qtbot, Qt.Key.Key_Right)
    assert selected(window) == 'ثقة" ', "the closing quote is passed over, not a stop"
    step(window, qtbot, Qt.Key.Key_Right)
    assert selected(window) == 'بـ"ثقة" ', "and so is the opening one"


def test_moving_the_caret_by_words_lands_on_word_edges(window: MainWindow, qtbot: QtBot) -> None:
    caret = FIRST.index("التنف")
    select(window, caret, caret)
    step(window, qtbot, Qt.Key.Key_Left, extend=False)
    cursor = window.article.textCursor()
    assert not cursor.hasSelection()
    assert window.article.offsets.to_py(cursor.position()) == caret + len("التنف")
    step(window, qtbot, Qt.Key.Key_Left, extend=False)  # over »
    assert window.article.offsets.to_py(window.article.textCursor().position()) == (
        FIRST.index("قريباً") + len("قريباً")
    )
