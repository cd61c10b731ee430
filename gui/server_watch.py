"""The window on a server project hears other people's changes, and whether the server is there.

A file's window asks SQLite now and then whether another program wrote (`data_version`). On a
server, the project's triggers tell every listener what changed (`pg_changes`: ``LISTEN
alama_changes``). `ServerWatch` listens on a connection of its own, in a thread of its own (the
window's thread never waits for the network), and counts what others committed: `History` reads
that count as it reads SQLite's ``data_version`` and is told at once (`told`). The window's own
changes are told too; those of its own connection are not counted.

When the listening connection is lost, `connected` says False, and the thread tries again every
`RETRY_S` seconds; once back, it says True and counts one change (what happened meanwhile was
not heard, so the views read the project again).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from alama.core.errors import ProjectError
from alama.core.store.pg_changes import CHANNEL, listen
from alama.core.store.pg_connect import connect, is_server

if TYPE_CHECKING:
    import psycopg

WAIT_S = 0.5  # how long the thread waits for a message before looking whether to stop
RETRY_S = 2.0  # how often a lost connection is tried again


class Told(QObject):
    """The thread's signals, delivered in the window's thread (queued across threads)."""

    changed = Signal()  # others committed a change: the count went up
    connected = Signal(bool)  # the listening connection was lost (False) or is back (True)


class ServerWatch:
    """Listens for a server project's changes in a thread of its own; `version` counts them."""

    def __init__(self, url: str, own: Callable[[], set[int]] = set) -> None:
        self.url = url
        self.own = own  # the server processes of this window's own connections
        self.version = 0
        self.online = True
        self.told = Told()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._conn: psycopg.Connection[Any] | None = None
        self._thread = threading.Thread(target=self._run, name="alama-listen", daemon=True)

    def start(self) -> ServerWatch:
        """Start listening (returns at once: connecting is the thread's)."""
        self._thread.start()
        return self

    def stop(self, wait: bool = False) -> None:
        """Stop listening: the thread closes its connection within `WAIT_S` (``wait``: once it
        has; the window never waits for it)."""
        self._stop.set()
        if wait and self._thread.is_alive() and threading.current_thread() is not self._thread:
            self._thread.join(timeout=WAIT_S * 4)

    def _count(self) -> None:
        with self._lock:
            self.version += 1
        self._emit(self.told.changed)

    def _emit(self, signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window is gone: nobody to tell
            self._stop.set()

    def _say(self, online: bool) -> None:
        if online != self.online:
            self.online = online
            self._emit(self.told.connected, online)

    def _run(self) -> None:
        import psycopg

        first = True
        while not self._stop.is_set():
            try:
                conn = connect(self.url)
            except ProjectError:
                self._say(False)
                self._stop.wait(RETRY_S)
                continue
            self._conn = conn
            try:
                listen(conn)
                if not first and not self.online:
                    self._count()  # what was committed meanwhile was not heard
                first = False
                self._say(True)
                self._hear(conn)
            except (psycopg.Error, ProjectError):
                self._say(False)
                self._stop.wait(RETRY_S)
            finally:
                self._conn = None
                conn.close()

    def _hear(self, conn: psycopg.Connection[Any]) -> None:
        """Count the messages of others until told to stop (or the connection is lost)."""
        while not self._stop.is_set():
            heard = False
            for message in conn.notifies(timeout=WAIT_S, stop_after=1):
                if message.channel == CHANNEL and message.pid not in self.own():
                    heard = True
            for message in conn.notifies(timeout=0):
                if message.channel == CHANNEL and message.pid not in self.own():
                    heard = True
            if heard:
                self._count()
            if conn.closed or conn.broken:
                raise ProjectError("the listening connection was lost")


LOST = "the connection to %1 was lost: %2"
UNREACHABLE = "could not connect to %1: %2"
"""The server store's words (templates) for a connection cut and a server out of reach."""


def _template(error: BaseException) -> str:
    message = error.args[0] if error.args else None
    return str(getattr(message, "template", ""))


def cut(error: BaseException) -> bool:
    """Whether an action failed because the connection was lost while it ran."""
    return isinstance(error, ProjectError) and _template(error) == LOST


def unreachable(error: BaseException) -> bool:
    """Whether an action failed because the server cannot be reached (lost, and not back):
    it is kept and tried again, as an action on a busy file is."""
    return isinstance(error, ProjectError) and _template(error) in (LOST, UNREACHABLE)


def watch_server(store: object) -> ServerWatch | None:
    """For a server project, a started `ServerWatch` that does not count the store's own
    changes; None for a file."""
    url = getattr(store, "url", None)
    if not isinstance(url, str) or not is_server(url):
        return None
    server = getattr(store, "server", None)

    def own() -> set[int]:
        try:
            return {int(server.pg.info.backend_pid)} if server is not None else set()
        except Exception:  # closed or lost: nothing of ours to leave out
            return set()

    return ServerWatch(url, own).start()
