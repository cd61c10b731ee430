"""What the window says and does while another program holds the project file: edits wait and
are saved in order, a new action is refused until they are, and closing waits for them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox

from alama.core.errors import AlamaError, InputError
from alama.core.regions import REFUSAL
from alama.gui.i18n import error_text
from alama.gui.session import Session


class BusyFile(QObject):
    """The window's side of `Session`'s waiting edits: status-bar lines, a box when the user
    keeps trying, one when an edit is dropped, and the question on closing."""

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.draining: list[Session] = []  # earlier windows' sessions still saving (another file)
        self.replaced = False  # set when another window takes over this session's work
        self._close_when_saved = False
        self._closing = False
        self._refusals = 0  # actions refused since the waiting ones were kept
        session.waiting.connect(self.on_waiting)
        session.refused.connect(self.on_refused)
        session.failed.connect(self.on_failed)
        session.online.connect(self.on_online)

    def on_online(self, online: bool) -> None:
        """A server project: the connection lost (said until it is back), or back."""
        if online:
            self.say(self.tr("Connected to the server again."), 5000)
        else:
            self.say(self.tr("Disconnected from the server: retrying…"))

    def say(self, text: str, ms: int = 0) -> None:
        self.window.statusBar().showMessage(text, ms)

    def on_waiting(self, count: int = 0) -> None:
        """Say that edits wait for the busy file, and when they have all been saved. A line
        saying a key was refused stays until they are saved (each retry would overwrite it)."""
        if count:
            if self._refusals:
                return
            if not self.session.is_online():
                self.say(
                    self.tr(
                        "Disconnected from the server: your actions wait to be saved. Alama "
                        "keeps trying."
                    )
                )
                return
            self.say(
                self.tr(
                    "The project file is busy (another program is writing to it): %n action(s) "
                    "wait to be saved. Alama keeps trying.",
                    "",
                    count,
                )
            )
            return
        self._refusals = 0
        if self.waiting():
            return  # an earlier window's actions still wait
        self.say(self.tr("Saved: the project file is free again."), 5000)
        if self._close_when_saved:
            self.window.close()

    def on_refused(self) -> None:
        """An action taken while earlier ones wait for the busy file: not taken (the window
        does not show the waiting ones yet, so it would be built on what the file was)."""
        text = self.tr(
            "The project file is busy (another program is writing to it): your last action "
            "waits to be saved; try again once it is saved."
        )
        self.say(text)
        self._refusals += 1
        if self._refusals == 2:  # the user keeps trying: say it where it cannot be missed
            box = QMessageBox(QMessageBox.Icon.Information, "", text, parent=self.window)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def on_failed(self, error: object) -> None:
        """An edit the project file refused for another reason than being busy: it was
        dropped, with its undo step; say why in one line."""
        why = error_text(error) if isinstance(error, AlamaError) else str(error)
        if getattr(error.args[0] if isinstance(error, InputError) else "", "template", "") == (
            REFUSAL
        ):
            self.say(why, 10000)  # a span inside boilerplate: one line, Alt labels it
            return
        text = self.tr("An action could not be saved and was dropped: %1").replace("%1", why)
        self.say(text, 10000)
        box = QMessageBox(QMessageBox.Icon.Warning, "", text, parent=self.window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if self._closing:
            box.exec()  # the window is about to go: the user must still see it
        else:
            box.open()

    def waiting(self) -> int:
        """How many edit steps (this window's and earlier windows') wait for a busy file."""
        return len(self.session.pending) + sum(len(s.pending) for s in self.draining)

    def _flush_all(self) -> bool:
        saved = True
        for session in [self.session, *self.draining]:
            try:
                saved = session.flush() and saved
            except Exception:  # flush reports what it drops; closing must go on regardless
                saved = False
        return saved and not self.waiting()

    def may_close(self, event: QCloseEvent) -> bool:
        """Closing with edits still waiting for the busy file (this window's, or those of a
        window it replaced): wait for them, or leave without them only if the user says so."""
        if self.replaced:
            return True
        self._closing = True
        try:
            saved = self._flush_all()
        finally:
            self._closing = False
        waiting = self.waiting()
        if saved or not waiting:
            return True
        if self._close_when_saved:  # asked already: it closes once they are saved
            event.ignore()
            return False
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "",
            self.tr(
                "%n action(s) are not saved yet: another program is writing to the project "
                "file. Alama saves them as soon as it is free.",
                "",
                waiting,
            ),
            parent=self.window,
        )
        wait = box.addButton(self.tr("Wait, then close"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(wait)
        box.exec()
        if box.clickedButton() is wait:
            self._close_when_saved = True
            for session in self.draining:
                session.waiting.connect(lambda count: None if count else self.on_waiting())
            event.ignore()
            return False
        for session in [self.session, *self.draining]:
            session.pending.clear()
        return True
