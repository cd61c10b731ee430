"""A project file (SQLite): opening, the file's transactions, its busy timeout and its
change counter: the bottom `Store` stands on."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Self

from alama.core import migrations
from alama.core.errors import ProjectBusy, ProjectError, ProjectExists
from alama.core.labels import LabelSet
from alama.core.messages import Message
from alama.core.migrations import KNOWN

from .base import Connection, now
from .files import (
    BUSY_TIMEOUT_S,
    check_file,
    connect,
    explain,
    log_has_frames,
    put_in_place,
    remove_with_side_files,
    temporary_beside,
    why_read_only,
)
from .schema import identify

UPGRADE_WAIT_S = 0.5  # how long opening waits to bring an older file up to date, else reads


class FileConnection(Connection):
    """An open project file: opening, transactions, the busy timeout."""

    @classmethod
    def create(cls, path: Path | str, labels: LabelSet | None = None) -> Self:
        """Create a new project file; refuse to overwrite anything that exists.

        The file is made under a temporary name in the same folder and given its name only when
        complete, never over a file another program made meanwhile (`ProjectExists`): a failed
        creation (a full disk) leaves nothing behind.
        """
        path = Path(path)
        if os.path.lexists(path):
            raise ProjectExists(Message("%1 already exists", path))
        if not path.parent.is_dir():
            raise ProjectError(Message("%1 is not a folder", path.parent))
        temp = temporary_beside(path)
        try:
            with cls._connect(temp, "rwc", new=True) as store, store.transaction():
                store.set_labels(labels or LabelSet.default())
                store._set_meta("created_at", now())
            put_in_place(temp, path)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorname", "") in ("SQLITE_FULL", "SQLITE_IOERR_WRITE"):
                raise ProjectError(
                    Message("the disk is full: no project was made in %1", path.parent)
                ) from None
            raise explain(error, path) or error from None
        finally:
            remove_with_side_files(temp)
        return cls.open(path)

    @classmethod
    def open(cls, path: Path | str) -> Self:
        """Open an existing project, or raise `ProjectError` without touching the file.

        Opening reads only: the write lock is taken only when an older file's schema is brought
        up to date, so a command that reads does not wait for one that writes. If another
        program holds the lock then, the file is read from an upgraded copy in memory, and
        brought up to date on disk before the first write (which waits for the lock as any
        write does). A project that cannot be written (a read-only disk or folder, a full disk)
        is opened to be read, and its writes are refused in one line.
        """
        path = Path(path)
        check_file(path)
        try:
            return cls._connect(path, "rw", upgrade_wait=UPGRADE_WAIT_S)
        except ProjectBusy:  # an older file, and another program writing to it
            try:
                store = cls._identified(path, "rw")
            except sqlite3.Error as error:
                raise explain(error, path) or error from None
            store.conn.execute("PRAGMA query_only = ON")  # written only once upgraded on disk
            store._upgrade_pending = True
            return store
        except sqlite3.OperationalError as error:
            reason = why_read_only(path)
            if reason is None:
                raise explain(error, path) or error from None
        store = cls._reader(path)
        store.read_only_reason = reason
        return store

    @classmethod
    def read_only(cls, path: Path | str) -> Self:
        """Open a project only to read it (a merge source): nothing is written to the file.

        The connection may write nothing, yet it is not SQLite's read-only mode, which leaves
        the ``-wal`` and ``-shm`` files behind: as the last connection to the file it removes
        them, so the folder is as it was. A file of an older schema is read from an upgraded
        copy in memory.
        """
        path = Path(path)
        check_file(path)
        try:
            store = cls._identified(path, "rw")
        except sqlite3.OperationalError:
            store = cls._reader(path)
        except sqlite3.Error as error:
            raise explain(error, path) or error from None
        store.read_only_reason = "it is opened only to be read"
        return store

    @classmethod
    def _reader(cls, path: Path) -> Self:
        """A project that cannot be written, opened in SQLite's read-only mode; where even that
        needs a file SQLite cannot make beside it (read-only media), read as a file nobody
        changes, if no write-ahead log holds anything."""
        try:
            try:
                return cls._identified(path, "ro")
            except sqlite3.OperationalError:
                if log_has_frames(path):
                    raise
                return cls._identified(path, "ro&immutable=1")
        except sqlite3.Error as error:
            raise explain(error, path) or error from None

    @classmethod
    def _identified(cls, path: Path, mode: str) -> Self:
        """A connection in ``mode`` that only reads, to a project known as Alama's."""
        conn = connect(path, mode)
        try:
            conn.execute("PRAGMA query_only = ON")
            return cls(path, _upgraded(conn, identify(conn, path)))
        except BaseException:
            conn.close()
            raise

    @classmethod
    def _connect(
        cls, path: Path, mode: str, new: bool = False, upgrade_wait: float | None = None
    ) -> Self:
        """A connection that may write, to a project known as Alama's (or a new file); an
        older file is brought up to date, waiting ``upgrade_wait`` seconds for the lock (if
        given) before `ProjectBusy`."""
        conn = connect(path, mode)
        try:
            applied = frozenset() if new else identify(conn, path)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(path, conn)
            if applied != KNOWN:
                if upgrade_wait is not None:
                    store.wait_for_lock(upgrade_wait)
                with store.transaction():
                    migrations.apply(store.conn)
                store.wait_for_lock(BUSY_TIMEOUT_S)
        except BaseException as error:
            conn.close()
            if isinstance(error, sqlite3.DatabaseError) and not isinstance(
                error, sqlite3.OperationalError
            ):
                raise explain(error, path) or error from None
            raise
        return store

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for another program's write lock before `ProjectBusy`.

        The command line waits a minute; the window waits a moment and tries again later, so
        that its event loop never stands still behind another program.
        """
        self._lock_wait = seconds
        self.conn.execute(f"PRAGMA busy_timeout = {max(0, round(seconds * 1000))}")

    def data_version(self) -> int:
        """A number that changes whenever another connection (another program, or another
        window) commits to the project; this connection's own commits leave it as it is."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _open_to_write(self) -> None:
        """An older file read from a copy in memory: open the file itself, bringing it up to
        date (waiting for the lock as this connection's writes do), and read it from now on."""
        fresh = type(self)._connect(self.path, "rw", upgrade_wait=self._lock_wait)
        if self._lock_wait is not None:
            fresh.wait_for_lock(self._lock_wait)
        memory, self.conn = self.conn, fresh.conn
        self._upgrade_pending, self._labels = False, None
        memory.close()

    def close(self) -> None:
        """Close the file; every action is already committed."""
        self.conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All the writes inside happen together or not at all; nested uses join the outer one."""
        if self.conn.in_transaction:
            yield
            return
        if self.read_only_reason is not None:
            raise ProjectError(
                Message("%1 cannot be changed: %2", self.path, self.read_only_reason)
            )
        if self._upgrade_pending:
            self._open_to_write()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY"):
                raise ProjectBusy(
                    Message("%1 is busy: another program is writing to it", self.path)
                ) from None
            raise explain(error, self.path) or error from None
        try:
            yield
            self.conn.execute("COMMIT")
        except BaseException as error:
            self._labels = None
            if self.conn.in_transaction:  # a full disk may have ended it already
                with suppress(sqlite3.Error):
                    self.conn.execute("ROLLBACK")
            if isinstance(error, sqlite3.OperationalError):
                raise explain(error, self.path) or error from None
            raise

    @contextmanager
    def without_waiting(self) -> Iterator[None]:
        """Writes inside do not wait for another program's lock (`ProjectBusy` at once)."""
        waited = int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0])
        self.conn.execute("PRAGMA busy_timeout = 0")
        try:
            yield
        finally:
            self.conn.execute(f"PRAGMA busy_timeout = {waited}")


def check_is_project(path: Path) -> None:
    """Refuse, without writing a byte, anything that is not an Alama project we can open."""
    FileConnection.read_only(path).close()


def _upgraded(conn: sqlite3.Connection, applied: frozenset[str]) -> sqlite3.Connection:
    """The connection, if its file's schema is up to date; else an upgraded copy in memory."""
    if applied == KNOWN:
        return conn
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    conn.backup(memory)
    conn.close()
    migrations.apply(memory)
    return memory
