"""The window works on a document's own tokens (the tokens its file came with), not on the ones
camel-tools would make: a label key snaps to them, and Ctrl+arrows step over them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.core.text import tokenize
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import select

# As a CoNLL file gave it: "157×97م" is one token, where camel-tools cuts it in three.
TEXT = "بلغت المساحة 157×97م في المدينة"
TOKENS = [(0, 4), (5, 12), (13, 20), (21, 23), (24, 31)]


def open_window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    store = Store.create(tmp_path / "p.alama")
    store.add_document(TEXT, tokens=TOKENS)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    window = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.article.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article)
    return window


def test_a_label_key_snaps_to_the_documents_own_tokens(qtbot: QtBot, tmp_path: Path) -> None:
    assert [TEXT[s:e] for s, e in tokenize(TEXT)][2:5] == ["157", "×", "97م"]  # camel-tools'
    window = open_window(qtbot, tmp_path)
    start = TEXT.index("57")
    select(window, start, start + 2)  # inside the measure
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    (span,) = window.session.spans(window.doc)  # type: ignore[arg-type]
    assert TEXT[span.start : span.end] == "157×97م"
    window.store.close()


def test_ctrl_arrow_steps_over_the_documents_own_tokens(qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window(qtbot, tmp_path)
    article = window.article
    cursor = article.textCursor()
    cursor.setPosition(article.offsets.to_qt(TEXT.index("157")))
    article.setTextCursor(cursor)
    # The next word, in reading order (right to left: Ctrl+Left goes forward in Arabic).
    forward = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(article, Qt.Key.Key_Left, forward)
    chosen = article.textCursor()
    assert chosen.hasSelection()
    assert chosen.selectedText() == "157×97م"
    window.store.close()
