"""A host for one mode without a whole main window: a real session on a small project, a real
article view, a real navigator and both modes, with what the modes say and warn recorded.

It routes a session's changes the way a window does (the span list, the article, the review
table and the document list each take what changed), so a test drives a mode or the navigator
and checks the store and the widgets, not a window's layout, menus or status bar.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from alama.core.changes import Changes
from alama.core.labels import LabelSet
from alama.core.model import Span, Status
from alama.core.review import Candidate
from alama.core.store import Store
from alama.gui.modes import Annotating, Mode, Reviewing
from alama.gui.navigation import Navigator
from alama.gui.qt_article import ArticleView
from alama.gui.session import Session
from tests.gui.conftest import FIRST, SECOND, THIRD


def at(phrase: str, text: str = FIRST) -> tuple[int, int]:
    """The code-point offsets of a phrase of the text."""
    start = text.index(phrase)
    return start, start + len(phrase)


MINISTER = (*at("وزير الدفاع"), "ACTOR")
BASE = (*at("قاعدة التنف"), "PLACE")
TANF = (*at("التنف"), "PLACE")
CLAIM = (*at("القوات ستنسحب من قاعدة التنف"), "CLAIM")
WEATHER_NEWS = (0, 3, "ACTOR")  # "خبر" in the third article, omar's
WEATHER_THIRD = (4, 8, "PLACE")  # "ثالث" in the third article, amal's


def new_project(path: Path) -> Store:
    """Three articles, nothing marked."""
    store = Store.create(path)
    for text in (FIRST, SECOND, THIRD):
        store.add_document(text)
    return store


def review_project(path: Path) -> Store:
    """amal and omar finished the first article (they agree on the minister only: the claim,
    the base and Tanf are disagreements) and the third (one disagreement each); the second is
    not annotated."""
    store = new_project(path)
    for name, spans in {"amal": [MINISTER, BASE], "omar": [MINISTER, TANF, CLAIM]}.items():
        for span in spans:
            store.add_span(1, name, *span)
        store.set_status(1, name, Status.DONE)
    store.add_span(3, "omar", *WEATHER_NEWS)
    store.add_span(3, "amal", *WEATHER_THIRD)
    for name in ("omar", "amal"):
        store.set_status(3, name, Status.DONE)
    return store


class Host:
    """The window as a mode sees it (`alama.gui.modes.Host`), and no more."""

    def __init__(self, qtbot: QtBot, session: Session) -> None:
        self.session = session
        self.store = session.store
        self.labels: LabelSet = self.store.labels()
        self.doc: int | None = None
        self.said: list[str] = []
        self.warnings: list[str] = []
        self.opened: list[int] = []
        self.article = ArticleView()
        self.article.set_labels(self.labels)
        self.navigator = Navigator(session)
        self.navigator.nothing_left = lambda outside: self.mode.nothing_left(outside)
        self.navigator.documentChosen.connect(self.open_document)
        self.navigator.message.connect(self.say)
        qtbot.addWidget(self.article)
        # The search applies a moment after typing: not once the test's project is closed.
        qtbot.addWidget(self.navigator, before_close_func=stop_timers)
        self.modes: dict[bool, Mode] = {False: Annotating(self), True: Reviewing(self)}
        for mode in self.modes.values():
            qtbot.addWidget(mode.panel)
        self.article.spanClicked.connect(lambda span: self.mode.pick(span))
        session.changed.connect(self.on_changes)
        session.modeChanged.connect(self.on_mode)

    @property
    def mode(self) -> Mode:
        return self.modes[self.session.reviewing]

    @property
    def annotating(self) -> Annotating:
        mode = self.modes[False]
        assert isinstance(mode, Annotating)
        return mode

    @property
    def reviewing(self) -> Reviewing:
        mode = self.modes[True]
        assert isinstance(mode, Reviewing)
        return mode

    # --- what a mode asks of its host ------------------------------------------------------

    def open_document(self, doc: int | None) -> None:
        if doc is None:
            return
        self.doc = doc
        self.opened.append(doc)
        self.article.show_text(self.session.index(doc).text, self.session.spans(doc))
        self.mode.show_document(doc)
        self.navigator.show_current(doc)

    def say(self, text: str, ms: int = 5000) -> None:
        self.said.append(text)

    def warn(self, text: str) -> None:
        self.warnings.append(text)

    # --- what the window does with a session's news ----------------------------------------

    def on_changes(self, changes: Changes) -> None:
        layer = self.session.layer
        if changes.status is not None and changes.layer == layer:
            self.navigator.set_status(changes.doc, changes.status)
        if changes.doc != self.doc:
            self.open_document(changes.doc)
        elif changes.layer == layer and (changes.spans or changes.removed):
            self.article.apply_changes(changes)
            self.mode.update(changes)
        elif changes.candidates or changes.layer != layer:
            self.mode.update(changes)
        if changes.layer == layer and (changes.spans or changes.removed or changes.current):
            self.mode.pick(changes.current)

    def on_mode(self, reviewing: bool) -> None:
        self.navigator.set_layer(self.session.layer)
        self.open_document(self.doc)

    # --- for tests ---------------------------------------------------------------------------

    def select(self, start: int, end: int) -> None:
        """Select code points [start, end) of the article, as a mouse drag would."""
        self.article.select_range(start, end)

    def listed(self) -> list[tuple[int, int, str]]:
        """The span list's rows, top to bottom."""
        model = self.annotating.span_list.spans
        return [model.span_at(row).key for row in range(model.rowCount())]

    def selected_span(self) -> Span | None:
        """The span whose row the span list shows selected."""
        rows = self.annotating.span_list.selectionModel().selectedRows()
        return self.annotating.span_list.spans.span_at(rows[0].row()) if rows else None

    def choose(self, key: tuple[int, int, str]) -> Candidate:
        """Click a candidate's row in the review table."""
        panel = self.reviewing.review_panel
        review = panel.review
        assert review is not None
        row = next(r for r, c in enumerate(review.candidates) if c.key == key)
        panel.table.selectRow(row)
        assert panel.current is not None and panel.current.key == key
        return panel.current

    def chosen(self) -> tuple[int, int, str] | None:
        """The key of the candidate chosen in the review table."""
        candidate = self.reviewing.candidate
        return candidate.key if candidate is not None else None

    def selected_row(self) -> tuple[int, int, str] | None:
        """The key of the review table's selected row (what the reviewer sees highlighted)."""
        panel = self.reviewing.review_panel
        rows = panel.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = panel.table.item(rows[0].row(), 0)
        assert item is not None
        candidate: Candidate = item.data(Qt.ItemDataRole.UserRole)
        return candidate.key


def stop_timers(widget: QWidget) -> None:
    for timer in widget.findChildren(QTimer):
        timer.stop()


def open_host(
    qtbot: QtBot, store: Store, name: str, reviewing: bool = False, doc: int | None = 1
) -> Host:
    """A host on the store as ``name`` (annotating or reviewing), with a document open."""
    host = Host(qtbot, Session(store, name, reviewing))
    host.open_document(doc)
    return host
