"""Defects found by walking through the window as annotators would (issue 16), pinned as strict
tests."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST, select
from tests.gui.test_busy_file import Locker


def test_an_edit_saved_late_does_not_take_the_window_back(qtbot: QtBot, window: MainWindow) -> None:
    first = window.doc
    start = FIRST.index("وزير")
    locker = Locker(window.store.path)
    try:
        select(window, start, start + len("وزير"))
        window.apply_label("ACTOR")
        assert window.session.pending, "the label waits for the busy file"
        window.navigator.step(1)  # PageDown: the annotator reads on
        second = window.doc
        assert second is not None and second != first
    finally:
        locker.release()
    assert window.session.flush()
    assert [(s.start, s.end) for s in window.store.spans(first, "amal")] == [
        (start, start + len("وزير"))
    ]
    assert window.doc == second, "the window stays on the document the annotator went on to"


def test_the_refusal_line_stays_while_the_file_is_still_busy(
    qtbot: QtBot, window: MainWindow
) -> None:
    start = FIRST.index("وزير")
    locker = Locker(window.store.path)
    try:
        select(window, start, start + len("وزير"))
        window.apply_label("ACTOR")  # kept: it waits for the file
        window.apply_label("PLACE")  # refused: the chosen span is not relabelled
        refused = window.statusBar().currentMessage()
        assert "try again" in refused
        assert not window.session.flush()  # the retry timer's next try: still busy
        assert window.statusBar().currentMessage() == refused
    finally:
        locker.release()
