"""The window, offscreen: open a large project, switch documents, label a span, scroll (SPEC 11).

Each figure runs until Qt has painted the result (``repaint`` paints at once), so it is what an
annotator waits for. The baselines are a plain Qt program doing the same on the same rows read
through raw sqlite3: a list of the first titles and a plain text view with coloured selections.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import corpus
import pytest
from harness import OPEN_DOCS, Row, measure, record
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QListWidget, QPlainTextEdit, QTextEdit, QWidget

from alama.core.model import NewDocument, Status
from alama.core.store import Store
from alama.gui.app import register_fonts
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

pytestmark = pytest.mark.benchmark
GUI_RUNS = 9
OPEN_S, SWITCH_S, KEYPRESS_S = 1.0, 0.100, 0.030  # SPEC 11
BUSY = 300  # spans on the document switched to


@pytest.fixture(scope="module")
def app(qapp: QApplication) -> QApplication:
    register_fonts()
    return qapp


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """OPEN_DOCS articles; amal has finished a third of them and labelled their spans."""
    path = tmp_path_factory.mktemp("large") / "large.alama"
    with Store.create(path) as store, store.transaction():
        batch: list[corpus.Article] = []
        for number, article in enumerate(corpus.articles(OPEN_DOCS, seed=11), 1):
            batch.append(article)
            if len(batch) == 2000 or number == OPEN_DOCS:
                added = store.add_documents([NewDocument(a.text) for a in batch])
                layers = [
                    (doc, "amal", a.layers["amal"])
                    for (doc, _), a in zip(added, batch, strict=True)
                    if doc % 3 == 0
                ]
                store.add_layers(layers)
                store.set_statuses([(doc, "amal", Status.DONE) for doc, _, _ in layers])
                batch = []
    return path


@pytest.fixture(scope="module")
def busy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty long articles with BUSY spans each in amal's layer."""
    path = tmp_path_factory.mktemp("busy") / "busy.alama"
    with Store.create(path) as store:
        for article in corpus.articles(20, seed=5, sentences=130):
            doc, _ = store.add_document(article.text)
            spans = sorted({*article.layers["amal"], *article.layers["bilal"]})[:BUSY]
            assert len(spans) == BUSY
            store.add_spans(doc, "amal", spans)
    return path


def _window(path: Path, folder: Path) -> tuple[Store, MainWindow]:
    store = Store.open(path)
    window = MainWindow(Session(store, "amal"), Settings(folder / "settings.ini"))
    window.show()
    window.repaint()
    return store, window


def test_open(app: QApplication, large: Path, tmp_path: Path) -> None:
    opened: list[tuple[Store, MainWindow]] = []

    def alama() -> None:
        opened.append(_window(large, tmp_path))

    def close() -> None:
        while opened:
            store, window = opened.pop()
            window.close()
            window.deleteLater()
            app.processEvents()
            store.close()

    shown: list[QWidget] = []

    def plain() -> None:
        conn = sqlite3.connect(large)
        titles = conn.execute("SELECT title FROM documents ORDER BY position LIMIT 60").fetchall()
        (text,) = conn.execute("SELECT text FROM documents ORDER BY position LIMIT 1").fetchone()
        conn.close()
        titles_view, text_view = QListWidget(), QPlainTextEdit()
        titles_view.addItems([title for (title,) in titles])
        text_view.setPlainText(text)
        for widget in (titles_view, text_view):
            widget.show()
            widget.repaint()
        shown.extend((titles_view, text_view))

    figure = measure(alama, GUI_RUNS, before=close)
    close()
    record(
        Row(
            f"open a {OPEN_DOCS:,}-document project to first paint",
            figure,
            [("sqlite3 + a list and a text view", measure(plain, GUI_RUNS, before=shown.clear))],
            target_s=OPEN_S,
        )
    )


@pytest.fixture
def window(app: QApplication, busy: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store, window = _window(busy, tmp_path)
    yield window
    window.close()
    store.close()


def _plain_view(busy: Path) -> tuple[QTextEdit, list[tuple[str, list[tuple[int, int, str]]]]]:
    conn = sqlite3.connect(busy)
    docs = []
    for doc, text in conn.execute("SELECT id, text FROM documents ORDER BY position"):
        spans = conn.execute(
            "SELECT start_char, end_char, label FROM spans WHERE doc = ?", (doc,)
        ).fetchall()
        docs.append((text, spans))
    conn.close()
    view = QTextEdit()
    view.setReadOnly(True)
    view.resize(900, 800)
    view.show()
    return view, docs


def _paint(view: QTextEdit, spans: list[tuple[int, int, str]]) -> None:
    """Colour spans as extra selections (code-point offsets are close enough for a baseline)."""
    selections = []
    for start, end, _ in spans:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(view.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format = QTextCharFormat()
        selection.format.setBackground(QColor("#88CCEE"))
        selections.append(selection)
    view.setExtraSelections(selections)


def test_switch(app: QApplication, window: MainWindow, busy: Path) -> None:
    def alama() -> None:
        window.navigator.step(1)
        window.repaint()

    view, docs = _plain_view(busy)
    turn = iter(range(10_000))

    def plain() -> None:
        text, spans = docs[next(turn) % len(docs)]
        view.setPlainText(text)
        _paint(view, spans)
        view.repaint()

    record(
        Row(
            f"switch to a document with {BUSY} spans",
            measure(alama, GUI_RUNS),
            [("a text view and its selections", measure(plain, GUI_RUNS))],
            target_s=SWITCH_S,
        )
    )
    view.close()


def test_keypress(app: QApplication, window: MainWindow, busy: Path, tmp_path: Path) -> None:
    """Select a word, press a label's key: the span is stored, listed and painted."""
    rng = random.Random(3)
    article = window.article
    key = window.labels.keys[0]

    def select_word() -> None:
        text = article.text
        start = text.find(" ", rng.randrange(0, len(text) - 40)) + 1
        end = text.find(" ", start + 1)
        cursor = article.textCursor()
        cursor.setPosition(article.offsets.to_qt(start))
        cursor.setPosition(article.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        article.setTextCursor(cursor)

    def alama() -> None:
        window.apply_label(key)
        window.repaint()

    figure = measure(alama, 15, before=select_word)
    view, docs = _plain_view(busy)
    text, spans = docs[0]
    view.setPlainText(text)
    conn = sqlite3.connect(tmp_path / "raw.db")
    conn.execute("CREATE TABLE spans (doc, start, end, label)")

    def plain() -> None:
        start = rng.randrange(0, len(text) - 20)
        with conn:
            conn.execute("INSERT INTO spans VALUES (1, ?, ?, 'ACTOR')", (start, start + 8))
        spans.append((start, start + 8, "ACTOR"))
        _paint(view, spans)
        view.repaint()

    record(
        Row(
            "label keypress to stored and painted",
            figure,
            [("sqlite3 insert + repaint a text view", measure(plain, 15))],
            target_s=KEYPRESS_S,
        )
    )
    view.close()
    conn.close()


def test_scroll(app: QApplication, window: MainWindow, busy: Path) -> None:
    """Page down through a document with BUSY spans, each page painted."""
    bar = window.article.verticalScrollBar()

    def alama() -> None:
        bar.setValue(bar.value() + bar.pageStep() if bar.value() < bar.maximum() else 0)
        window.article.viewport().repaint()

    view, docs = _plain_view(busy)
    view.setPlainText(docs[0][0])
    _paint(view, docs[0][1])
    app.processEvents()
    plain_bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and plain_bar.maximum() > 0

    def plain() -> None:
        plain_bar.setValue(
            plain_bar.value() + plain_bar.pageStep()
            if plain_bar.value() < plain_bar.maximum()
            else 0
        )
        view.viewport().repaint()

    record(
        Row(
            "scroll a page and repaint",
            measure(alama, 15),
            [("a text view with the same selections", measure(plain, 15))],
        )
    )
    view.close()
