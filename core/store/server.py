"""A project on a PostgreSQL server: the bottom `ServerStore` stands on, as `FileConnection`
is the bottom of a file's `Store`.

The connection is psycopg 3's, in autocommit mode: a read is a statement of its own, and every
write happens inside `ServerConnection.transaction` (nested uses join the outer one), all or
nothing. The mixins' statements are written once, with ``?`` placeholders: `ServerSql` stands
where a file's ``sqlite3.Connection`` stands and gives them to psycopg with ``%s``; what the two
databases say differently comes from ``self.sql`` (`PostgresDialect`).

What the server answers is said in one line (`explain`), never with a password: a lock another
person holds past the lock timeout is `ProjectBusy`, a write the server's policies refuse (an
annotator writing another's layer) `InputError`, a lost connection `ProjectError`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Self, cast

from alama.core.errors import AlamaError, InputError, ProjectBusy, ProjectError
from alama.core.messages import Message

from .base import Connection
from .dialect import POSTGRES, PostgresDialect
from .files import BUSY_TIMEOUT_S
from .pg_connect import connect, shown

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]
    PgCursor = psycopg.Cursor[Any]

_WRITES = ("INSERT", "UPDATE", "DELETE")
"""Status messages of the statements whose rows `ServerSql.total_changes` counts."""


ROWS_PER_INSERT = 500
"""Rows written by one INSERT of many rows (`ServerSql.executemany`)."""


def _one_row(sql: str) -> tuple[str, str, str] | None:
    """(head, the row's VALUES, tail) of an INSERT of one row that may be written many rows at
    a time: a plain insert, or one that keeps what the table has (an update on conflict could
    meet a row of the same statement). One statement of 500 rows is several times quicker
    than 500 statements, even pipelined."""
    if not sql.startswith("INSERT") or "DO UPDATE" in sql:
        return None
    at = sql.find(" VALUES (")
    if at < 0:
        return None
    start = at + len(" VALUES ")
    depth, quoted = 0, False
    for end in range(start, len(sql)):
        char = sql[end]
        if char == "'":
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
            if depth == 0:
                return sql[:start], sql[start : end + 1], sql[end + 1 :]
    return None


@lru_cache(maxsize=64)
def _many(head: str, row: str, tail: str, count: int) -> str:
    """An INSERT of ``count`` rows (`_one_row`'s parts), with PostgreSQL's own placeholders."""
    places = iter(range(1, row.count("?") * count + 1))
    rows = ", ".join(re.sub(r"\?", lambda _: f"${next(places)}", row) for _ in range(count))
    return head + rows + tail


def _query(sql: str) -> str:
    """A statement with ``?`` placeholders in psycopg's form (``%s``; a ``%`` doubled)."""
    return sql.replace("%", "%%").replace("?", POSTGRES.placeholder)


def explain(error: Exception, where: str, who: str = "") -> AlamaError:
    """A psycopg error as Alama's one-line error (the server's own first line of it)."""
    import psycopg
    from psycopg import errors

    diag = getattr(error, "diag", None)
    reason = (getattr(diag, "message_primary", None) or str(error)).strip()
    reason = reason.splitlines()[0] if reason else type(error).__name__
    if isinstance(error, errors.LockNotAvailable | errors.DeadlockDetected | errors.QueryCanceled):
        return ProjectBusy(Message("%1 is busy: another person is writing the same rows", where))
    if isinstance(error, errors.InsufficientPrivilege):
        if who:
            return InputError(Message("the server refused this to %1: %2", who, reason))
        return InputError(Message("the server refused this: %1", reason))
    if isinstance(error, errors.IntegrityError | errors.DataError):
        return InputError(Message("the server refused this: %1", reason))
    if isinstance(error, errors.ReadOnlySqlTransaction):
        return ProjectError(Message("%1 cannot be changed: it is opened only to be read", where))
    if isinstance(error, psycopg.OperationalError):
        return ProjectError(Message("the connection to %1 was lost: %2", where, reason))
    return ProjectError(Message("%1 answered: %2", where, reason))


class ServerSql:
    """What the mixins call on ``self.conn``, over a psycopg connection: `execute`,
    `executemany` (``?`` placeholders), `in_transaction`, `total_changes`."""

    def __init__(self, pg: PgConnection, where: str, reconnect: Callable[[], PgConnection]) -> None:
        self.pg = pg
        self.where = where
        self.reconnect = reconnect
        self.total_changes = 0
        """Rows inserted, updated or deleted through this connection (as SQLite counts)."""

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.pg.info.transaction_status not in (
            TransactionStatus.IDLE,
            TransactionStatus.UNKNOWN,  # a lost connection: connected again by `live`
        )

    def live(self) -> PgConnection:
        """The connection, made again if it was lost (outside a transaction only: a
        transaction the server lost was not committed, and is refused in one line)."""
        if (self.pg.closed or self.pg.broken) and not self.in_transaction:
            self.pg = self.reconnect()
        return self.pg

    def execute(self, sql: str, params: Sequence[Any] | None = None) -> PgCursor:
        import psycopg

        alone = not self.in_transaction
        try:
            try:
                cursor = self.live().execute(_query(sql), tuple(params or ()))
            except psycopg.OperationalError:
                if not (alone and self.pg.broken):
                    raise
                cursor = self.live().execute(_query(sql), tuple(params or ()))  # once more
        except psycopg.Error as error:
            raise explain(error, self.where, _user(self.pg)) from None
        self._count(cursor)
        return cursor

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> PgCursor:
        import psycopg

        cursor = self.live().cursor()
        rows = list(rows)
        if not rows:
            return cursor
        parts = _one_row(sql) if len(rows) > 1 else None
        try:
            if parts is None:
                cursor.executemany(_query(sql), rows)
                self._count(cursor)
                return cursor
            raw = psycopg.RawCursor(self.pg)  # $1 placeholders: no query to parse
            for at in range(0, len(rows), ROWS_PER_INSERT):
                chunk = rows[at : at + ROWS_PER_INSERT]
                raw.execute(_many(*parts, len(chunk)), [v for one in chunk for v in one])
                self._count(raw)
        except psycopg.Error as error:
            raise explain(error, self.where, _user(self.pg)) from None
        return cursor

    def _count(self, cursor: PgCursor) -> None:
        if cursor.rowcount > 0 and (cursor.statusmessage or "").startswith(_WRITES):
            self.total_changes += cursor.rowcount

    def close(self) -> None:
        self.pg.close()


class ServerConnection(Connection):
    """An open project on a PostgreSQL server (``postgresql://USER@HOST/DATABASE``)."""

    sql: PostgresDialect = POSTGRES

    def __init__(self, url: str, pg: PgConnection) -> None:
        where = shown(url)
        super().__init__(Path(where), cast("sqlite3.Connection", ServerSql(pg, where, self._again)))
        self.url = url
        self._settings: dict[str, str] = {}
        """The session's settings (lock timeout, read only), set again on a new connection."""
        self.on_connected: Callable[[bool], None] | None = None
        """Told False when the connection was found lost, True once it is made again."""
        self._listener: PgConnection | None = None
        self._changes = 0

    @property
    def pg(self) -> PgConnection:
        """The psycopg connection (made again if it was lost)."""
        return self.server.live()

    def _again(self) -> PgConnection:
        """A new connection in place of a lost one, with this session's settings."""
        if self.on_connected is not None:
            self.on_connected(False)
        pg = connect(self.url)
        for name, value in self._settings.items():
            pg.execute(f"SET {name} = {value}")
        if self.on_connected is not None:
            self.on_connected(True)
        return pg

    def _set(self, name: str, value: str) -> None:
        self._settings[name] = value
        self.pg.execute(f"SET {name} = {value}")

    @property
    def location(self) -> str:
        return shown(self.url)

    @property
    def server(self) -> ServerSql:
        """The connection as `ServerSql` (what ``self.conn`` is on a server)."""
        return cast(ServerSql, self.conn)

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str) -> Self:
        """Open a server project, or raise `ProjectError` in one line (a database that is not
        an Alama project, one set up by a newer Alama, one whose schema is older than this
        Alama's: the lead runs ``alama init`` on it)."""
        from .pg_schema import NAMES, check_schema

        pg = connect(url)
        try:
            applied = _checked(pg, url, check_schema)
            if applied != frozenset(NAMES):
                raise ProjectError(
                    Message(
                        "%1 was set up by an older Alama: ask the lead to run alama init %1",
                        shown(url),
                    )
                )
            store = cls(url, pg)
            store.wait_for_lock(BUSY_TIMEOUT_S)
        except BaseException:
            pg.close()
            raise
        return store

    @classmethod
    def read_only(cls, url: str) -> Self:
        """Open a server project only to read it: every transaction is a read-only one."""
        store = cls.open(url)
        store._set("default_transaction_read_only", "on")
        store.read_only_reason = "it is opened only to be read"
        return store

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for a row another person is writing before `ProjectBusy`."""
        self._lock_wait = seconds
        self._set("lock_timeout", str(max(1, round(seconds * 1000))))

    @contextmanager
    def without_waiting(self) -> Iterator[None]:
        waited = self._lock_wait if self._lock_wait is not None else BUSY_TIMEOUT_S
        self._set("lock_timeout", "1")
        try:
            yield
        finally:
            self.wait_for_lock(waited)

    def data_version(self) -> int:
        """A number that grows with each change another connection committed (told by the
        server's notifications, `pg_changes`; this connection's own leave it as it is), read
        without waiting."""
        from .pg_changes import CHANNEL, listen

        if self._listener is None or self._listener.closed or self._listener.broken:
            self._listener = connect(self.url)
            listen(self._listener)
        own = self.server.pg.info.backend_pid
        try:
            told = list(self._listener.notifies(timeout=0))
        except Exception:  # a lost listener: listened to again at the next call
            self._listener.close()
            return self._changes
        self._changes += sum(1 for n in told if n.channel == CHANNEL and n.pid != own)
        return self._changes

    def close(self) -> None:
        """Close the connection(s); every action is already committed."""
        if self._listener is not None:
            self._listener.close()
        self.server.pg.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All the writes inside happen together or not at all; nested uses join the outer one."""
        import psycopg

        if self.server.in_transaction:
            yield
            return
        if self.read_only_reason is not None:
            raise ProjectError(
                Message("%1 cannot be changed: %2", self.location, self.read_only_reason)
            )
        transaction = self._begin()
        try:
            yield
        except BaseException as error:
            self._labels = None
            try:
                transaction.__exit__(type(error), error, error.__traceback__)
            except psycopg.Error as ending:  # the connection lost: rolled back by the server
                raise explain(ending, self.location, _user(self.server.pg)) from None
            raise
        try:
            transaction.__exit__(None, None, None)
        except psycopg.Error as error:  # at the commit (what the statements raise is explained)
            self._labels = None
            raise explain(error, self.location, _user(self.server.pg)) from None

    def _begin(self) -> AbstractContextManager[psycopg.Transaction]:
        """A transaction begun: on a connection found lost at its start (nothing done yet), on a
        new one."""
        import psycopg

        for attempt in (1, 2):
            pg = self.pg
            transaction = pg.transaction()
            try:
                transaction.__enter__()
                return transaction
            except psycopg.OperationalError as error:
                if attempt == 2 or not (pg.broken or pg.closed):
                    raise explain(error, self.location, _user(pg)) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def _chunked(self, select: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``select`` (ending in ``IN``) for the values, in one statement (a list)."""
        unique = list(dict.fromkeys(values))
        if unique:
            column = select.removesuffix(" IN")
            yield from self.conn.execute(f"{column} = ANY(?)", (unique,))


def _user(pg: PgConnection) -> str:
    """The login's name, if the connection can still say it."""
    try:
        return str(pg.info.user)
    except Exception:  # a closed connection
        return ""


def _checked(pg: PgConnection, url: str, check: Any) -> frozenset[str]:
    import psycopg

    try:
        return cast(frozenset[str], check(pg, shown(url)))
    except psycopg.Error as error:
        raise explain(error, shown(url)) from None


def file_only(what: str) -> InputError:
    """The one line said when a file's operation is asked of a server."""
    return InputError(
        Message(
            "%1 works on a project file, not on a server; use alama merge or alama handout "
            "from a file",
            what,
        )
    )
