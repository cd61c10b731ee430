"""What an annotator meets in the window besides labelling: a busy project file, the find bar,
corpus-search hits, undo on another document, the title, the File menu and span tooltips."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST
from tests.gui.test_main_window import label_word, stored

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("COMMIT")
"""


@pytest.fixture
def locker(window: MainWindow) -> Iterator[subprocess.Popen[str]]:
    """Another program holding the project's write lock until it reads a line."""
    process = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(window.store.path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "locked"
    yield process
    if process.poll() is None:
        process.kill()
    process.wait()


def release(process: subprocess.Popen[str]) -> None:
    assert process.stdin is not None
    process.stdin.write("go\n")
    process.stdin.flush()
    process.wait(10)


def test_labels_made_while_another_program_writes_land_in_order_once_it_is_done(
    window: MainWindow, qtbot: QtBot, locker: subprocess.Popen[str]
) -> None:
    ticks: list[float] = []
    clock = QTimer(interval=50)
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    started = time.monotonic()
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    label_word(window, qtbot, "القوات", Qt.Key.Key_1)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    label_word(window, qtbot, "قاعدة", Qt.Key.Key_2)
    assert time.monotonic() - started < 2, "the keys did not wait for the lock"
    assert stored(window) == []
    assert len(window.session.pending) == 4
    assert "busy" in window.statusBar().currentMessage()
    qtbot.wait(1500)  # the window goes on while the file stays busy
    assert stored(window) == []
    assert len(ticks) >= 15, "the event loop stood still"
    assert max(b - a for a, b in pairwise(ticks)) < 0.5
    release(locker)
    wazir, base = FIRST.index("وزير"), FIRST.index("قاعدة")
    expected = [(wazir, wazir + 4, "ACTOR"), (base, base + 5, "PLACE")]
    qtbot.waitUntil(lambda: stored(window) == expected, timeout=5000)
    assert window.session.pending == []
    assert window.article.painted() == expected
    assert "Saved" in window.statusBar().currentMessage()
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == expected[:1], "undo works on what landed late"
    clock.stop()


def click_later(text: str) -> None:
    """Press the button named ``text`` of the message box about to open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        (button,) = [b for b in box.findChildren(QPushButton) if b.text() == text]
        button.click()

    QTimer.singleShot(20, press)


def test_closing_with_actions_waiting_waits_for_them(
    window: MainWindow, qtbot: QtBot, locker: subprocess.Popen[str]
) -> None:
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    click_later("Wait, then close")
    assert not window.close()
    assert window.isVisible()
    release(locker)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    wazir = FIRST.index("وزير")
    assert stored(window) == [(wazir, wazir + 4, "ACTOR")]


def test_closing_without_the_waiting_actions_only_when_asked(
    window: MainWindow, qtbot: QtBot, locker: subprocess.Popen[str]
) -> None:
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    click_later("Close without them")
    assert window.close()
    release(locker)
    qtbot.wait(600)
    assert stored(window) == []
