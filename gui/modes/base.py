"""What a mode is, and what it may ask of the window that hosts it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from alama.core.changes import Changes
from alama.core.errors import AlamaError
from alama.core.labels import LabelSet
from alama.core.model import Span
from alama.gui.actions import Mode as ActionsMode
from alama.gui.i18n import error_text
from alama.gui.navigation import Navigator
from alama.gui.qt_article import ArticleView
from alama.gui.session import Session


class Host(Protocol):
    """The window as a mode sees it."""

    session: Session
    article: ArticleView
    navigator: Navigator
    labels: LabelSet
    doc: int | None

    def open_document(self, doc: int | None) -> None: ...

    def say(self, text: str, ms: int = 5000) -> None: ...

    def warn(self, text: str) -> None: ...


class Mode(QObject):
    """One way of working in the window: its panel, what the label and delete keys mean, what
    its words are. Subclasses fill these in."""

    actions_mode: ActionsMode = "annotate"  # the registry's name for the mode's actions

    def __init__(self, host: Host) -> None:
        super().__init__()
        self.host = host

    def handlers(self) -> dict[str, Callable[[], object]]:
        """The mode's own actions of the registry (gui.actions), by id."""
        return {}

    @property
    def panel(self) -> QWidget:
        """The panel under the label palette."""
        raise NotImplementedError

    def show_document(self, doc: int) -> None:
        """A document was opened (its text and spans are in the article)."""
        raise NotImplementedError

    def update(self, changes: Changes) -> None:
        """An edit (or its undo) changed the shown document."""
        raise NotImplementedError

    def pick(self, span: Span | None) -> None:
        """Make a span of the shown layer the one keys act on (None: none)."""
        raise NotImplementedError

    def follow(self, changes: Changes) -> None:
        """After an edit of the shown layer: choose the span it left chosen (or none)."""
        self.pick(changes.current)

    def label(self, key: str, exact: bool = False) -> None:
        """A label key: label the selection, or relabel the chosen span (Alt: exactly the
        selection, not snapped to whole words)."""
        host, session = self.host, self.host.session
        if host.doc is None or not session.accepts_actions():
            return  # the selection stays: the same key labels it once the file is saved
        selection = host.article.selection()
        try:
            if selection is not None:
                exact = exact or host.article.alt_selection
                span = session.add_span(host.doc, *selection, key, exact)
                host.article.clear_selection()
                empty = session.index(host.doc).snap(*selection, exact=exact) is None
                if span is None and not session.pending and empty:  # (else refused: said)
                    host.say(
                        self.tr("Nothing to label: the selection holds only spaces or marks."),
                        4000,
                    )
            elif host.article.current is not None:
                session.relabel(host.article.current, key)
            elif not self.label_other(key):
                host.say(self.tr("Select some text first, then press a label key."), 4000)
        except AlamaError as error:
            host.warn(error_text(error))

    def label_other(self, key: str) -> bool:
        """A label key with nothing selected and no span chosen: True if the mode used it."""
        return False

    def delete_current(self) -> None:
        """Delete (or Backspace)."""
        raise NotImplementedError

    def spans_title(self, count: int) -> str:
        raise NotImplementedError

    def who(self, name: str) -> str:
        """The status bar's line saying who works on which layer."""
        raise NotImplementedError

    def window_title(self, title: str, name: str) -> str:
        raise NotImplementedError

    def progress(self, done: int, total: int) -> str:
        raise NotImplementedError

    def elsewhere(self, step: str, layer: str) -> str:
        """An undo or redo reached a layer this mode does not show."""
        raise NotImplementedError

    def nothing_left(self, outside: int) -> str:
        """Done-and-next found nothing left in the list (``outside``: left outside it)."""
        raise NotImplementedError
