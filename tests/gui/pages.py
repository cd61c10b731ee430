"""The main window as a person meets it, for tests: its parts by what they are, not by how the
window happens to hold them, so tests never reach into private attributes."""

from __future__ import annotations

from PySide6.QtGui import QAction

from alama.core.review import Candidate
from alama.gui.modes import Annotating, Reviewing
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_panels import SpanList
from alama.gui.qt_review import ReviewPanel

REVIEW_ACTIONS = (
    "review.accept",
    "review.accept_agreed",
    "review.next_disagreement",
    "review.previous_disagreement",
)


def reviewing(window: MainWindow) -> Reviewing:
    """Review mode's part of the window (its panel and keys), whether it is on or not."""
    mode = window.modes[True]
    assert isinstance(mode, Reviewing)
    return mode


def annotating(window: MainWindow) -> Annotating:
    mode = window.modes[False]
    assert isinstance(mode, Annotating)
    return mode


def review_panel(window: MainWindow) -> ReviewPanel:
    """The review table with its buttons (shown in review mode)."""
    return reviewing(window).review_panel


def span_list(window: MainWindow) -> SpanList:
    """The list of one's own spans (shown when annotating)."""
    return annotating(window).span_list


def review_actions(window: MainWindow) -> list[QAction]:
    """Review ▸ Accept, Accept agreed, Next and Previous disagreement."""
    return [window.action_set[i] for i in REVIEW_ACTIONS]


def search(window: MainWindow, text: str) -> None:
    """Type a search over all documents and let it apply at once (no typing delay)."""
    window.navigator.search.setText(text)
    window.navigator.apply_filter()


def chosen(window: MainWindow) -> Candidate | None:
    """The candidate chosen in the review table (None: none)."""
    return reviewing(window).candidate


def choose(combo: object, value: object) -> None:
    """Pick the entry of a combo box that holds ``value`` (a format, a unit)."""
    index = combo.findData(value)  # type: ignore[attr-defined]
    assert index >= 0, value
    combo.setCurrentIndex(index)  # type: ignore[attr-defined]
