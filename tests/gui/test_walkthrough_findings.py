"""Defects found by walking through the window as annotators would (issue 16), pinned as strict
xfails until they are fixed."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST, select
from tests.gui.test_busy_file import Locker


@pytest.mark.xfail(
    strict=True,
    reason="MainWindow._on_changes opens changes.doc whenever it is not the open document: an "
    "edit kept while the file was busy and saved later takes the window back to the document "
    "it was made on, after the annotator has moved on (PageDown, Ctrl+Enter, a click)",
)
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


@pytest.mark.xfail(
    strict=True,
    reason="BusyFile.on_waiting rewrites the status bar at every retry (every 400 ms): the line "
    "saying a key was refused (not kept) is gone before it can be read, and the line left says "
    "one action waits, as if the refused key had been kept too",
)
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
