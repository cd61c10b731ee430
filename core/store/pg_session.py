"""A connection to a server project that survives losing it: what the server store's actions
run through.

Each action is one transaction (`ServerSession.run`), as each action on a file is one. When
the connection is lost (the network, a restarted server, an administrator ending the session),
the action was not committed, or was committed without the answer arriving: `run` connects
again and tries the action once more. So an action must be one that doing twice leaves as doing
once: a span is written with the id the program gave it (``ON CONFLICT (id) DO NOTHING``), a
status is set to a value, a tombstone to a time. While the server cannot be reached, the
window is told (``on_connected(False)``) and told again when it can (``True``); an action that
cannot be done is refused in one line, and nothing of it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from alama.core.errors import ProjectError
from alama.core.messages import Message

from .pg_connect import connect, shown

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

T = TypeVar("T")
ATTEMPTS = 2
"""An action is tried at most this many times: once, and once more after a lost connection."""


class ServerSession:
    """One person's connection to a server project, made again when it is lost."""

    def __init__(self, url: str, on_connected: Callable[[bool], None] | None = None) -> None:
        self.url = url
        self.on_connected = on_connected
        self._conn: PgConnection | None = None
        self._lost = False

    @property
    def connection(self) -> PgConnection:
        """The connection, made (again) if there is none or it was lost."""
        if self._conn is None or self._conn.closed or self._conn.broken:
            self._conn = None
            try:
                self._conn = connect(self.url)
            except ProjectError:
                self._told(connected=False)
                raise
            self._told(connected=True)
        return self._conn

    def run(self, action: Callable[[PgConnection], T]) -> T:
        """Do ``action`` in one transaction; after a lost connection, once more on a new one.
        The action may run twice and must leave the project as running once would."""
        import psycopg

        for attempt in range(1, ATTEMPTS + 1):
            conn = self.connection
            try:
                with conn.transaction():
                    return action(conn)
            except psycopg.OperationalError as error:
                if not (conn.closed or conn.broken):
                    raise  # an answer from the server (a lock not granted), not a lost line
                self._told(connected=False)
                if attempt == ATTEMPTS:
                    raise ProjectError(
                        Message(
                            "the connection to %1 was lost: %2",
                            shown(self.url),
                            str(error).strip().splitlines()[0] if str(error).strip() else "",
                        )
                    ) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _told(self, connected: bool) -> None:
        if connected == (not self._lost):
            return
        self._lost = not connected
        if self.on_connected is not None:
            self.on_connected(connected)

    def close(self) -> None:
        """Close the connection (every action is already committed)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
