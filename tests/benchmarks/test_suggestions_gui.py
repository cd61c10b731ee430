"""Pending suggestions in the window, offscreen: a keypress with 50 suggestions on screen, until
it is stored, learned from, and the article painted again with its outlines (one frame, 16.7 ms,
is the target): accepting the chosen suggestion (A), and labelling a selection (a label key),
after which the matcher has learned the string and the pending list is made again.

The baseline is a plain Qt program doing the same: a sqlite3 insert and a text view with 50
extra selections repainted.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import corpus
import pytest
from harness import Row, measure, record
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from alama.core.store import Store
from alama.gui.app import register_fonts
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

pytestmark = pytest.mark.benchmark
RUNS = 15
FRAME_S = 1 / 60
ON_SCREEN = 50


@pytest.fixture(scope="module")
def app(qapp: QApplication) -> QApplication:
    register_fonts()
    return qapp


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Forty articles; amal has labelled all but the first, which the window opens: the names
    she labelled elsewhere are pending there."""
    path = tmp_path_factory.mktemp("suggested") / "suggested.alama"
    with Store.create(path) as store, store.transaction():
        for number, article in enumerate(corpus.articles(40, seed=3, sentences=60)):
            doc, _ = store.add_document(article.text)
            if number:
                store.add_spans(doc, "amal", article.layers["amal"])
    return path


@pytest.fixture
def window(app: QApplication, project: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.open(project)
    window = MainWindow(Session(store, "amal"), Settings(tmp_path / "settings.ini"), 1)
    window.resize(1400, 1000)
    window.article.set_point_size(13)  # a smaller type: more of the article, 50+ suggestions
    window.show()
    window.suggestions.retrain_every = 10**9  # the model is not what is measured here
    window.suggestions.load()
    job = window.suggestions.jobs["learn"]
    job.wait()
    app.processEvents()
    assert window.suggestions.live.ready
    window.repaint()
    yield window
    window.close()
    store.close()


def on_screen(window: MainWindow) -> int:
    marks = window.suggestions.marks
    return sum(bool(marks.boxes(s)) for s in window.suggestions.pending)


def _plain_view(count: int) -> tuple[QTextEdit, sqlite3.Connection]:
    view = QTextEdit()
    view.setReadOnly(True)
    view.resize(900, 800)
    view.setPlainText(" ".join(["كلمة"] * 4000))
    selections = []
    for n in range(count):
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(view.document())
        selection.cursor.setPosition(n * 25)
        selection.cursor.setPosition(n * 25 + 9, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(QColor("#88CCEE"))
        selections.append(selection)
    view.setExtraSelections(selections)
    view.show()
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE spans (doc, start_char, end_char, label)")
    return view, conn


def _plain(view: QTextEdit, conn: sqlite3.Connection, counter: Iterator[int]) -> None:
    n = next(counter)
    with conn:
        conn.execute("INSERT INTO spans VALUES (1, ?, ?, 'ACTOR')", (n, n + 5))
    selections = view.extraSelections()
    selections.pop()
    view.setExtraSelections(selections)
    view.repaint()


def test_accept_keypress_with_50_suggestions_on_screen(app: QApplication, window: MainWindow) -> None:  # fmt: skip  # noqa: E501
    suggestions = window.suggestions
    assert on_screen(window) >= ON_SCREEN, on_screen(window)
    accepted = [0]

    def choose() -> None:
        if accepted[0]:
            window.session.undo()  # the same list each time: the one accepted is pending again
        suggestions.choose(suggestions.pending[len(suggestions.pending) // 3])
        window.repaint()

    def alama() -> None:
        window.action_set["suggestions.accept"].trigger()
        window.repaint()
        accepted[0] += 1

    figure = measure(alama, RUNS, before=choose)
    assert any(s.origin == "suggested:match" for s in window.article.spans)
    view, conn = _plain_view(ON_SCREEN)
    counter = itertools.count()
    record(
        Row(
            f"accept a suggestion (A) with {ON_SCREEN}+ pending on screen, to stored, learned "
            "and painted",
            figure,
            [(f"sqlite3 insert + repaint a text view with {ON_SCREEN} selections",
              measure(lambda: _plain(view, conn, counter), RUNS))],
            target_s=FRAME_S,
        )
    )  # fmt: skip
    view.close()


def test_label_keypress_with_50_suggestions_on_screen(app: QApplication, window: MainWindow) -> None:  # fmt: skip  # noqa: E501
    article = window.article
    assert on_screen(window) >= ON_SCREEN
    words = [m for m in itertools.islice(_words(article.text), 200)]
    chosen = itertools.cycle(words)
    labelled = [0]

    def select() -> None:
        if labelled[0]:
            window.session.undo()
        start, end = next(chosen)
        cursor = article.textCursor()
        cursor.setPosition(article.offsets.to_qt(start))
        cursor.setPosition(article.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        article.setTextCursor(cursor)

    def alama() -> None:
        window.apply_label("ACTOR")
        window.repaint()
        labelled[0] += 1

    figure = measure(alama, RUNS, before=select)
    assert on_screen(window) >= ON_SCREEN
    window.suggestions.toggle()  # hidden: what the same keypress costs the window without them
    labelled[0] = 0
    window.session.undo()
    hidden = measure(alama, RUNS, before=select)
    window.suggestions.toggle()
    view, conn = _plain_view(ON_SCREEN)
    counter = itertools.count()
    record(
        Row(
            f"label keypress with {ON_SCREEN}+ suggestions on screen, to stored, learned, "
            "suggested again and painted",
            figure,
            [(f"sqlite3 insert + repaint a text view with {ON_SCREEN} selections",
              measure(lambda: _plain(view, conn, counter), RUNS)),
             ("the same keypress, suggestions hidden", hidden)],
            target_s=FRAME_S,
        )
    )  # fmt: skip
    view.close()


def _words(text: str) -> Iterator[tuple[int, int]]:
    """Arabic words of the text not inside a name the layer could hold: one word each."""
    import re

    for found in re.finditer(r"[\u0621-\u064A]{4,}", text):
        yield found.start(), found.end()
