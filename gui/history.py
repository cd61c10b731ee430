"""The undo history of a window and the project file it writes to, busy or not.

Every step is a core edit (`alama.core.editing`) in an `EditCommand`: redo applies it, undo
applies its inverse, each in one transaction, and `changed` announces the `Changes` it made.

The window's connection waits only a moment for the project's write lock. When another program
holds it, a step is kept in order in `History.pending` and tried again on a timer until it
lands: the window never stands still and no action is lost. While a step waits, the window
still shows the file as it was, so no new edit is built from it: a new action (or undo) is
refused (`refused`) until the waiting ones are saved. A step the file refuses for another
reason (a full disk, a span another program deleted) is dropped with its place in the history
and reported (`failed`); the ones after it go on. What another program commits is noticed now
and then (`outside`), so that the views can show it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alama.core.edit_base import Edit
from alama.core.errors import ProjectBusy
from alama.core.store import Store
from alama.gui.actions import REDO_NAMED, UNDO_NAMED
from alama.gui.server_watch import cut, unreachable, watch_server

LOCK_WAIT_S = 0.1  # how long a write waits for another program's lock before being kept
RETRY_MS = 400  # how often kept steps are tried again
WATCH_MS = 1500  # how often the file is asked whether another program changed it
OFFLINE_RETRY_MS = 3000  # how often kept steps are tried while the server cannot be reached


class History(QObject):
    """The undo stack over one project file, with the steps that wait for it to be free."""

    changed = Signal(object)  # the Changes an edit (or its undo) made
    waiting = Signal(int)  # how many steps wait for the busy project file (0: none)
    refused = Signal()  # an action was not taken: earlier ones still wait for the busy file
    failed = Signal(object)  # a step could not be saved (the error); it was dropped
    outside = Signal()  # another program (or window) changed the project file
    online = Signal(bool)  # a server project: the connection was lost (False) or is back

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.server = watch_server(store)  # a server project's changes, heard in a thread
        self._online = True
        if self.server is not None:
            self.server.told.changed.connect(self.look_outside)
            self.server.told.connected.connect(self._connected)
            store.on_connected = self._connected_later  # type: ignore[attr-defined]
            watch = self.server
            self.destroyed.connect(lambda *_: watch.stop())
        # The short wait first: a window never stands still behind another program's lock.
        store.wait_for_lock(LOCK_WAIT_S)
        self.undo_stack = QUndoStack(self)
        self._flushing = False
        self.pending: list[tuple[EditCommand, bool]] = []  # (command, forward) in order
        # While an edit runs: whether the user is stepping through the history now (undo or
        # redo), or an edit kept for a busy file is saved late. The window shows the document
        # of a step, but does not go back to the one a late save was made on.
        self.stepping = False
        self.late = False
        self.step = ""  # the undo or redo being taken, as the Edit menu names it
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        # Another program writing to the file (`alama import` in a terminal, a second window):
        # looked for now and then, so that the views show what it did.
        self._seen = self.server.version if self.server else store.data_version()
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self.look_outside)
        self._watch.start()

    def push(self, edit: Edit, text: str) -> EditCommand:
        """Apply an edit as one step of the undo history, named ``text``."""
        command = EditCommand(self, edit, text)
        self.undo_stack.push(command)
        return command

    def look_outside(self) -> bool:
        """Whether another program changed the project since the last look (`outside` says
        so). Not while this window's own steps wait: the file is busy, and they come first."""
        if self.pending:
            return False
        try:
            version = self.server.version if self.server else self.store.data_version()
        except sqlite3.Error:  # closed: the window is going
            self._watch.stop()
            return False
        if version == self._seen:
            return False
        self._seen = version
        self.outside.emit()
        return True

    def accepts_actions(self) -> bool:
        """Whether a new action (or undo) may be taken now: not while earlier ones wait for
        the busy file, since the window does not show them yet (`refused` says so)."""
        if self.pending:
            self.refused.emit()
            return False
        return True

    def undo(self) -> None:
        """Edit ▸ Undo, unless actions wait for the busy file."""
        self._step(self.undo_stack.undo, UNDO_NAMED, self.undo_stack.undoText())

    def redo(self) -> None:
        """Edit ▸ Redo, unless actions wait for the busy file."""
        self._step(self.undo_stack.redo, REDO_NAMED, self.undo_stack.redoText())

    def _step(self, take: Callable[[], None], named: str, text: str) -> None:
        """Take a step through the history, as the Edit menu names it ("Undo Label Actor")."""
        if not self.accepts_actions():
            return
        self.stepping = True
        self.step = QCoreApplication.translate("Actions", named).replace("%1", text)
        try:
            take()
        finally:
            self.stepping = False

    def perform(self, command: EditCommand, forward: bool) -> None:
        """Apply an edit (forward) or its inverse in one transaction; if the project file is
        busy, keep it (after any already kept, in order) and try again on a timer. If it fails
        for another reason, it is dropped with its undo step and `failed` says why."""
        if command.dropped:
            return
        if not self.pending:
            try:
                self._run_again_if_cut(command, forward)
                return
            except ProjectBusy:
                pass
            except Exception as error:  # a full disk, a span deleted meanwhile
                if unreachable(error):  # kept, and tried again once the server answers
                    self._connected(False)
                    self.pending.append((command, forward))
                    self._retry.start()
                    self.waiting.emit(len(self.pending))
                    return
                self._drop(command, forward)
                self.failed.emit(error)
                return
        self.pending.append((command, forward))
        self._retry.start()
        self.waiting.emit(len(self.pending))

    def flush(self) -> bool:
        """Try the kept steps again, in order; True once none is left. A step that fails for
        another reason than a busy file is dropped (with its undo step) and reported; the
        steps after it go on."""
        if self._flushing:
            return not self.pending
        self._flushing = True
        failures: list[BaseException] = []
        try:
            while self.pending:
                command, forward = self.pending[0]
                try:
                    self.late = True
                    self._run_again_if_cut(command, forward)
                except ProjectBusy:
                    self.waiting.emit(len(self.pending))
                    return False
                except Exception as error:  # a full disk, a span deleted meanwhile
                    if unreachable(error):
                        self.waiting.emit(len(self.pending))
                        return False
                    self.pending.pop(0)
                    self._drop(command, forward)
                    failures.append(error)
                    continue
                self.pending.pop(0)
        finally:
            self._flushing = False
            self.late = False
            for failure in failures:
                self.failed.emit(failure)
        self._retry.stop()
        self.waiting.emit(0)
        return True

    def _drop(self, command: EditCommand, forward: bool) -> None:
        """Forget an edit that cannot be saved: it does nothing any more, and its step in the
        undo history goes too (no step whose undo would fail)."""
        command.dropped = True
        command.setObsolete(True)  # Qt deletes an obsolete command instead of keeping it
        stack = command.history.undo_stack
        if forward:  # done in the history, not in the file: take it back
            at = stack.index() - 1
            if 0 <= at < stack.count() and stack.command(at) is command:
                stack.undo()
        else:
            at = stack.index()
            if 0 <= at < stack.count() and stack.command(at) is command:
                stack.redo()

    def take_over(self, other: History) -> None:
        """Save, before this history's own, the steps another history on the same file still
        has waiting (the window was rebuilt: another language or annotator, or the project
        reopened after an import or merge). This window repaints when they land."""
        if other.store is not self.store:  # the same file, opened again: one connection
            former, other.store = other.store, self.store
            former.close()
        if other.pending:
            other.changed.connect(self.changed)
            other.failed.connect(self.failed)
            self.pending[:0] = other.pending
            other.pending.clear()
            other._retry.stop()
            self._retry.start()
            self.waiting.emit(len(self.pending))
        other._watch.stop()
        if other.server is not None:
            other.server.stop()

    def is_online(self) -> bool:
        """False while a server project's connection is lost (a file: always True)."""
        return self._online

    def stop_listening(self) -> None:
        """Stop hearing a server's changes (the project is being closed)."""
        self._watch.stop()
        if self.server is not None:
            self.server.stop()

    def _connected(self, online: bool) -> None:
        """A server's connection lost or back: `online` says so once per change. While it is
        lost, kept actions are tried again less often (connecting may take a while); once
        back, they are saved and what others did meanwhile is read."""
        if online == self._online:
            return
        self._online = online
        self._retry.setInterval(RETRY_MS if online else OFFLINE_RETRY_MS)
        self.online.emit(online)
        if online:
            self.look_outside()
            if self.pending:
                self._retry.start()

    def _connected_later(self, online: bool) -> None:
        """The action connection's news (told inside a statement): handled once it returns."""
        QTimer.singleShot(0, lambda: self._connected(online))

    def _run_again_if_cut(self, command: EditCommand, forward: bool) -> None:
        """Apply an edit; on a server, once more if the connection was cut in the middle (the
        action was not committed, or committed without the answer arriving: done twice, it
        leaves the project as done once, since every span and link has the id made here)."""
        try:
            self._run(command, forward)
        except Exception as error:
            if self.server is None or not cut(error):
                raise
            self._run(command, forward)
        if self.server is not None:
            self._connected(True)

    def _run(self, command: EditCommand, forward: bool) -> None:
        edit = command.edit if forward else command.edit.inverse()
        changes = edit.apply(self.store)
        command.history.changed.emit(changes)


class EditCommand(QUndoCommand):
    """One step of the undo history: a core edit, applied (redo) or taken back (undo) through
    `Session.perform`, each in one transaction, kept and retried while the file is busy."""

    def __init__(self, history: History, edit: Edit, text: str) -> None:
        super().__init__(text)
        self.history, self.edit = history, edit
        self.dropped = False  # could not be saved: does nothing any more

    def redo(self) -> None:
        self.history.perform(self, True)

    def undo(self) -> None:
        self.history.perform(self, False)
