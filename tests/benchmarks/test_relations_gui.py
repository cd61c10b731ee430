"""Links in the window, offscreen: a link made by its key (Enter, once R has offered the
nearest actor) until it is stored, listed and painted, and a switch to a document with 300
spans and 100 links (SPEC 11).

The baselines are a plain Qt program doing the same on the same rows read through raw
sqlite3: a text view with coloured selections and a straight line per link painted over it.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import corpus
import pytest
from harness import Row, measure, record
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen, QTextCursor
from PySide6.QtWidgets import QApplication, QTextEdit

from alama.core.model import Span
from alama.core.store import Store
from alama.gui.app import register_fonts
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

pytestmark = pytest.mark.benchmark
GUI_RUNS = 9
SWITCH_S, KEYPRESS_S = 0.100, 0.030  # SPEC 11
SPANS, LINKS = 300, 100  # on each document


@pytest.fixture(scope="module")
def app(qapp: QApplication) -> QApplication:
    register_fonts()
    return qapp


def _pairs(spans: list[Span]) -> list[tuple[Span, Span]]:
    """LINKS claim → actor pairs, each claim with its nearest actors first."""
    claims = [s for s in spans if s.label == "CLAIM"]
    actors = [s for s in spans if s.label == "ACTOR"]
    pairs: list[tuple[Span, Span]] = []
    for rank in range(len(actors)):
        for claim in claims:
            near = sorted(actors, key=lambda a: abs(a.start - claim.start))
            if rank < len(near):
                pairs.append((claim, near[rank]))
            if len(pairs) == LINKS:
                return pairs
    raise AssertionError("too few claims and actors for the links")


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty long articles, each with SPANS spans and LINKS links in amal's layer."""
    path = tmp_path_factory.mktemp("linked") / "linked.alama"
    with Store.create(path) as store, store.transaction():
        for article in corpus.articles(20, seed=5, sentences=130):
            doc, _ = store.add_document(article.text)
            spans = sorted({*article.layers["amal"], *article.layers["bilal"]})[:SPANS]
            store.add_spans(doc, "amal", spans)
            for claim, actor in _pairs(store.spans(doc, "amal")):
                store.add_relation(doc, "amal", claim.id, actor.id, "said_by")
    return path


@pytest.fixture
def window(app: QApplication, linked: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.open(linked)
    window = MainWindow(Session(store, "amal"), Settings(tmp_path / "settings.ini"))
    window.show()
    window.repaint()
    yield window
    window.close()
    store.close()


class LinesView(QTextEdit):
    """The baseline: a text view with selections and a straight line per link over it."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[tuple[int, int]] = []

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        painter.setPen(QPen(QColor("#263238"), 1.6))
        cursor = QTextCursor(self.document())
        for start, end in self.lines:
            cursor.setPosition(start)
            a = self.cursorRect(cursor).center()
            cursor.setPosition(end)
            b = self.cursorRect(cursor).center()
            painter.drawLine(QPointF(a), QPointF(b))
        painter.end()


def _plain(linked: Path) -> tuple[LinesView, list[tuple[str, list[tuple[int, int]], list[tuple[int, int]]]]]:  # fmt: skip  # noqa: E501
    conn = sqlite3.connect(linked)
    docs = []
    for doc, text in conn.execute("SELECT id, text FROM documents ORDER BY position"):
        spans = conn.execute("SELECT start_char, end_char FROM spans WHERE doc = ?", (doc,))
        links = conn.execute(
            "SELECT s.start_char, t.start_char FROM relations r JOIN spans s ON s.id = r.source"
            " JOIN spans t ON t.id = r.target WHERE r.doc = ?",
            (doc,),
        )
        docs.append((text, spans.fetchall(), links.fetchall()))
    conn.close()
    view = LinesView()
    view.setReadOnly(True)
    view.resize(900, 800)
    view.show()
    return view, docs


def _show(view: LinesView, text: str, spans: list[tuple[int, int]], links: list[tuple[int, int]]) -> None:  # fmt: skip  # noqa: E501
    view.setPlainText(text)
    selections = []
    for start, end in spans:
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(view.document())
        selection.cursor.setPosition(start)
        selection.cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.format.setBackground(QColor("#88CCEE"))
        selections.append(selection)
    view.setExtraSelections(selections)
    view.lines = links
    view.repaint()


def test_switch_with_links(app: QApplication, window: MainWindow, linked: Path) -> None:
    def alama() -> None:
        window.navigator.step(1)
        window.repaint()

    alama()
    assert window.article.arrows() and window.side.links.count() == LINKS
    view, docs = _plain(linked)
    turn = itertools.count()

    def plain() -> None:
        _show(view, *docs[next(turn) % len(docs)])

    record(
        Row(
            f"switch to a document with {SPANS} spans and {LINKS} links",
            measure(alama, GUI_RUNS),
            [("a text view, its selections and a line per link", measure(plain, GUI_RUNS))],
            target_s=SWITCH_S,
        )
    )
    view.close()


def test_link_keypress(app: QApplication, window: MainWindow, linked: Path, tmp_path: Path) -> None:  # fmt: skip  # noqa: E501
    """A claim chosen and R pressed (the nearest actor offered, painted), then Enter: the
    link is stored, listed and painted."""
    store = window.store
    claims = itertools.cycle([s for s in window.article.spans if s.label == "CLAIM"])
    start = window.action_set["links.start.said_by"]

    def offer() -> None:
        window.article.spanClicked.emit(next(claims))
        start.trigger()
        window.repaint()
        assert window.links.linking is not None

    def alama() -> None:
        window.links.commit()
        window.repaint()

    before = len(store.relations(window.doc or 0, "amal"))
    figure = measure(alama, 15, before=offer)
    assert len(store.relations(window.doc or 0, "amal")) == before + 15
    view, docs = _plain(linked)
    text, spans, links = docs[0]
    _show(view, text, spans, links)
    conn = sqlite3.connect(tmp_path / "raw.db")
    conn.execute("CREATE TABLE relations (doc, source, target, type)")
    pairs = itertools.cycle(links)

    def plain() -> None:
        source, target = next(pairs)
        with conn:
            conn.execute("INSERT INTO relations VALUES (1, ?, ?, 'said_by')", (source, target))
        view.lines.append((source, target))
        view.repaint()

    record(
        Row(
            "link keypress (Enter after R) to stored, listed and painted",
            figure,
            [("sqlite3 insert + repaint a text view with lines", measure(plain, 15))],
            target_s=KEYPRESS_S,
        )
    )
    view.close()
    conn.close()
