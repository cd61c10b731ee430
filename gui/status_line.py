"""Who works on which layer, how far the list is done, and the window's title: the status bar's
permanent part, worded by the current mode."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from alama.core.cleaning import BYTE_ORDER_MARKS
from alama.core.store import Store
from alama.gui.modes import Mode
from alama.gui.server_open import project_name

TITLE_LENGTH = 60  # characters of the document title in the window title


class StatusLine:
    """The status bar's "Annotator: amal" and "3 / 10 done", and the window title."""

    def __init__(self, window: QMainWindow, store: Store) -> None:
        self.window, self.store = window, store
        self.who = QLabel()
        self.who.setStyleSheet("font-weight: bold; padding: 0 8px")
        self.progress = QLabel()
        window.statusBar().addPermanentWidget(self.progress)
        window.statusBar().addPermanentWidget(self.who)

    def show_progress(self, mode: Mode, done: int, total: int) -> None:
        self.progress.setText(mode.progress(done, total))

    def show_document(self, mode: Mode, name: str, doc: int | None) -> None:
        """Who edits which layer, and the title: the document's, then the project's (Qt adds
        the application's name after it)."""
        self.who.setText(mode.who(name))
        title = project_name(self.store)
        if doc is not None:
            heading = " ".join(self.store.document(doc).title.lstrip(BYTE_ORDER_MARKS).split())
            if len(heading) > TITLE_LENGTH:
                heading = heading[: TITLE_LENGTH - 1].rstrip() + "…"
            title = f"{heading} — {title}"
        self.window.setWindowTitle(mode.window_title(title, name))
