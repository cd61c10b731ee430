"""What an annotator meets in the window besides labelling: a busy project file, the find bar,
corpus-search hits, undo on another document, the title, the File menu and span tooltips."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton, QToolTip
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.core.text import normalize
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import FIRST, point_of
from tests.gui.pages import span_list
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


def test_a_label_made_while_another_program_writes_lands_once_it_is_done(
    window: MainWindow, qtbot: QtBot, locker: subprocess.Popen[str]
) -> None:
    """The first action waits for the file; the next ones are refused with a message (the
    window does not show the waiting one yet, so they would be built on what the file was),
    and none of them is lost without the user being told."""
    ticks: list[float] = []
    clock = QTimer(interval=50)
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start()
    started = time.monotonic()
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    assert len(window.session.pending) == 1
    assert "busy" in window.statusBar().currentMessage()
    label_word(window, qtbot, "القوات", Qt.Key.Key_1)
    assert "try again once it is saved" in window.statusBar().currentMessage()
    forces = FIRST.index("القوات")
    assert window.article.selection() == (forces, forces + len("القوات")), "kept to try again"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert time.monotonic() - started < 2, "the keys did not wait for the lock"
    assert len(window.session.pending) == 1, "refused, not kept on top of an unsaved action"
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert boxes and "try again once it is saved" in boxes[0].text(), "the user kept trying"
    boxes[0].close()
    window.activateWindow()
    window.article.setFocus()
    assert stored(window) == []
    qtbot.wait(1500)  # the window goes on while the file stays busy
    assert stored(window) == []
    assert len(ticks) >= 15, "the event loop stood still"
    assert max(b - a for a, b in pairwise(ticks)) < 0.5
    release(locker)
    wazir = FIRST.index("وزير")
    qtbot.waitUntil(lambda: stored(window) == [(wazir, wazir + 4, "ACTOR")], timeout=5000)
    assert window.session.pending == []
    assert window.article.painted() == [(wazir, wazir + 4, "ACTOR")]
    assert "Saved" in window.statusBar().currentMessage()
    label_word(window, qtbot, "القوات", Qt.Key.Key_2)  # tried again
    assert stored(window) == [(wazir, wazir + 4, "ACTOR"), (forces, forces + 6, "PLACE")]
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(window) == [], "undo works on what landed late"
    clock.stop()


def test_a_search_while_another_program_writes_runs_once_the_file_is_free(
    window: MainWindow, qtbot: QtBot, locker: subprocess.Popen[str]
) -> None:
    """The first search writes the search copy of the documents: it waits, it does not fail."""
    window.navigator.search.setText("عمان")
    qtbot.waitUntil(lambda: "busy" in window.statusBar().currentMessage())
    assert window.navigator.documents.rowCount() == 3
    release(locker)
    qtbot.waitUntil(lambda: window.navigator.documents.rowCount() == 1, timeout=3000)


def test_a_search_the_project_refuses_is_said_in_the_status_bar(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review of issue 15, defect 11: no traceback from the search field's slot."""
    from alama.core.errors import ProjectError

    def refused(query: str) -> list[int]:
        raise ProjectError("p.alama cannot be changed: it is on a read-only disk")

    monkeypatch.setattr(window.store, "search", refused)
    window.navigator.search.setText("عمان")
    qtbot.waitUntil(lambda: "read-only disk" in window.statusBar().currentMessage())
    assert window.navigator.documents.rowCount() == 3


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
    click_later("Close without saving")
    assert window.close()
    release(locker)
    qtbot.wait(600)
    assert stored(window) == []


# --- a long article, to see what is scrolled into view ------------------------------------------

FILLER = "وقال المتحدث باسم الوزارة إن الاجتماع تناول الأوضاع في المنطقة وسبل التعاون بين البلدين"
LONG = "\n".join([FILLER] * 60 + ["وأكد أن وزير الدفاع الأمريكيّ سيزور المنطقة قريباً"])
SHORT = "خبر قصير عن الطقس في عمّان"


@pytest.fixture
def long_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "news.alama")
    store.add_document(LONG)
    store.add_document(SHORT)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.resize(1000, 600)
    main.show()
    qtbot.waitExposed(main)
    main.article.setFocus()
    yield main
    store.close()


def on_screen(window: MainWindow, offset: int) -> bool:
    cursor = QTextCursor(window.article.document())
    cursor.setPosition(window.article.offsets.to_qt(offset))
    return window.article.viewport().rect().contains(window.article.cursorRect(cursor).center())


def test_a_corpus_search_hit_opens_on_the_match_marked_and_selected(
    long_window: MainWindow, qtbot: QtBot
) -> None:
    window = long_window
    window.open_document(window.navigator.documents.doc_at(1))
    window.navigator.search.setText("الامريكي")  # no hamza, no shadda: the text has الأمريكيّ
    qtbot.waitUntil(lambda: window.navigator.documents.rowCount() == 1)
    index = window.navigator.documents.index(0)
    qtbot.mouseClick(
        window.navigator.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.navigator.list.visualRect(index).center(),
    )
    assert window.article.text == LONG
    start = LONG.index("الأمريكيّ")
    hit = (start, start + len("الأمريكيّ"))
    assert window.article.found == [hit]
    assert window.article.selection() == hit, "the match is selected: a label key labels it"
    assert on_screen(window, start)
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    assert window.store.spans(window.doc, "amal")[0].key == (*hit, "ACTOR")  # type: ignore[arg-type]


ARABIC = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"))
MARK = st.sampled_from(["", "", "\u064e", "\u0651", "\u064b", "\u0640"])
EXTRA = st.sampled_from(["", "", " ", "\n", "😀", "«"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(ARABIC, MARK, EXTRA), min_size=3, max_size=60), st.data())
def test_search_hits_map_back_onto_the_stored_text(
    window: MainWindow, pieces: list[tuple[str, str, str]], data: st.DataObject
) -> None:
    """Matched on the folded copy, marked on the stored text, emoji and marks included."""
    text = "".join(a + b + c for a, b, c in pieces)
    first = data.draw(st.integers(0, len(pieces) - 2))
    (letter, _, between), (then, _, _) = pieces[first : first + 2]
    query = letter + between + then  # typed without the marks the text has
    window.article.show_text(text, [])
    window.finder.document_opened(query)
    hits = window.article.found
    assert hits, (text, query)
    for start, end in hits:
        assert normalize(text[start:end]) == normalize(query)
    assert window.article.selection() == hits[0]
    assert window.article.textCursor().selectedText() == text[hits[0][0] : hits[0][1]].replace(
        "\n", "\u2029"
    )


def test_escape_closes_the_find_bar(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.edit.setText("وزير")
    assert window.article.found
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert window.article.found == []
    assert window.article.hasFocus()


def test_undo_on_another_document_shows_the_place_it_changed(
    long_window: MainWindow, qtbot: QtBot
) -> None:
    window = long_window
    long_doc = window.doc
    start = LONG.index("وزير الدفاع")
    window.article.select_range(start, start + 4)
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert window.article.text == SHORT
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc == long_doc
    assert window.store.spans(long_doc, "amal") == []  # type: ignore[arg-type]
    assert on_screen(window, start), "the undone label's place is on screen"
    window.article.verticalScrollBar().setValue(0)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.article, Qt.Key.Key_Z, redo)
    assert window.doc == long_doc
    assert on_screen(window, start)


def test_the_title_names_the_document_and_the_project_once(
    long_window: MainWindow, qtbot: QtBot
) -> None:
    window = long_window
    title = window.store.document(window.doc).title  # type: ignore[arg-type]
    assert window.windowTitle() == f"{title[:59]}… — news — amal"
    assert "Alama" not in window.windowTitle(), "Qt adds the application's name itself"
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert window.windowTitle() == f"{SHORT} — news — amal"


def test_new_and_open_project_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    actions = {a.shortcut().toString(): a for a in file_menu.actions() if not a.isSeparator()}
    assert actions["Ctrl+N"].text().startswith("New project")
    assert actions["Ctrl+O"].text().startswith("Open project")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "fresh"), ""))
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *args: (str(tmp_path / "old.alama"), "")
    )
    with qtbot.waitSignal(window.projectRequested) as new:
        qtbot.keyClick(window.article, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert new.args == [tmp_path / "fresh.alama"]
    with qtbot.waitSignal(window.projectRequested) as opened:
        qtbot.keyClick(window.article, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert opened.args == [tmp_path / "old.alama"]


def test_a_span_is_named_on_hover_not_shown_by_colour_only(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    label_word(window, qtbot, "قاعدة", Qt.Key.Key_2)
    wazir = FIRST.index("وزير")
    point = point_of(window, wazir + 1)
    assert window.article.hover_text(point) == "Actor: وزير"
    viewport = window.article.viewport()
    QApplication.sendEvent(  # the pointer moves over the span (no button held)
        viewport,
        QMouseEvent(
            QEvent.Type.MouseMove, QPointF(point), QPointF(viewport.mapToGlobal(point)),
            Qt.MouseButton.NoButton, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
        ),
    )  # fmt: skip
    assert viewport.accessibleName() == "Actor: وزير"
    margin = QPoint(3, point.y())
    assert window.article.hover_text(margin) == ""
    shown: list[str] = []
    monkeypatch.setattr(QToolTip, "showText", lambda at, text, widget: shown.append(text))
    QApplication.sendEvent(
        window.article.viewport(),
        QHelpEvent(QEvent.Type.ToolTip, point, window.article.viewport().mapToGlobal(point)),
    )
    assert shown == ["Actor: وزير"]
    model = span_list(window).spans
    rows = [model.index(row) for row in range(model.rowCount())]
    assert [model.data(i, Qt.ItemDataRole.ToolTipRole) for i in rows] == [
        "Actor: وزير",
        "Place: قاعدة",
    ]
    assert model.data(rows[1], Qt.ItemDataRole.AccessibleTextRole) == "Place: قاعدة"
    # the list itself names labels in the interface language too (it showed مكان in English)
    assert model.data(rows[1], Qt.ItemDataRole.DisplayRole) == "Place: قاعدة"
