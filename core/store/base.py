"""Opening a project file, its transactions, its label set and its annotators."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from sqlite_utils import Database

from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.messages import Message
from alama.core.migrations import APPLICATION, KNOWN, MIGRATIONS
from alama.core.model import GOLD_ANNOTATOR

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0
RESERVED_PREFIX = "@"


def now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def check_annotator(name: str) -> str:
    """Return the trimmed annotator name, or raise `InputError` if it cannot be one."""
    clean = name.strip()
    if not clean:
        raise InputError("an annotator name cannot be empty")
    if len(clean) > 64:
        raise InputError(
            Message("annotator name %1… is longer than 64 characters", repr(clean[:20]))
        )
    if clean.startswith(RESERVED_PREFIX) or any(ord(ch) < 32 for ch in clean):
        raise InputError(Message("%1 cannot be an annotator name", repr(clean)))
    return clean


class Connection:
    """An open project file: opening, transactions, labels and annotator names."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self._labels: LabelSet | None = None

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, labels: LabelSet | None = None) -> Self:
        """Create a new project file; refuse to overwrite anything that exists."""
        path = Path(path)
        if path.exists():
            raise ProjectError(Message("%1 already exists", path))
        if not path.parent.is_dir():
            raise ProjectError(Message("%1 is not a folder", path.parent))
        store = cls._connect(path)
        try:
            with store.transaction():
                store.set_labels(labels or LabelSet.default())
                store._set_meta("created_at", now())
        except BaseException:
            store.close()
            raise
        return store

    @classmethod
    def open(cls, path: Path | str) -> Self:
        """Open an existing project, or raise `ProjectError` without touching the file."""
        path = Path(path)
        check_is_project(path)
        return cls._connect(path)

    @classmethod
    def read_only(cls, path: Path | str) -> Self:
        """Open a project only to read it (a merge source): nothing is written to the file.

        A file of an older schema is read from an upgraded copy in memory.
        """
        path = Path(path)
        check_is_project(path)
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S,
            check_same_thread=False,
        )  # fmt: skip
        if MIGRATIONS.pending(Database(conn)):
            memory = sqlite3.connect(":memory:", check_same_thread=False)
            conn.backup(memory)
            conn.close()
            conn = memory
            MIGRATIONS.apply(Database(conn))
        return cls(path, conn)

    @classmethod
    def _connect(cls, path: Path) -> Self:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        store = cls(path, conn)
        try:
            with store.transaction():
                MIGRATIONS.apply(store.db)
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        """Close the file; every action is already committed."""
        self.conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All the writes inside happen together or not at all; nested uses join the outer one."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            self._labels = None
            raise
        self.conn.execute("COMMIT")

    def _chunked(self, select: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``select`` (ending in ``IN``) for the values, asked 500 at a time."""
        unique = list(dict.fromkeys(values))
        for first in range(0, len(unique), 500):
            chunk = unique[first : first + 500]
            yield from self.conn.execute(f"{select} ({', '.join('?' * len(chunk))})", chunk)

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO alama_meta (key, value) VALUES (?, ?)", (key, value)
        )

    # --- labels ----------------------------------------------------------------------------

    def labels(self) -> LabelSet:
        """The project's label set."""
        if self._labels is None:
            rows = self.conn.execute(
                "SELECT key, name_ar, name_en, shortcut, color, description FROM labels "
                "ORDER BY position"
            ).fetchall()
            self._labels = LabelSet(Label(*row) for row in rows)
        return self._labels

    def set_labels(self, labels: LabelSet) -> None:
        """Store a label set; labels already in use may change names and colours, not vanish."""
        with self.transaction():
            used = {row[0] for row in self.conn.execute("SELECT DISTINCT label FROM spans")}
            missing = sorted(used - set(labels.keys))
            if missing:
                raise InputError(f"labels in use cannot be removed: {', '.join(missing)}")
            keys = labels.keys
            self.conn.execute(
                f"DELETE FROM labels WHERE key NOT IN ({', '.join('?' * len(keys))})", keys
            )
            # Upsert rather than replace: spans refer to their label by key.
            self.conn.executemany(
                "INSERT INTO labels (key, name_ar, name_en, shortcut, color, description, "
                "position) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET "
                "name_ar = excluded.name_ar, name_en = excluded.name_en, "
                "shortcut = excluded.shortcut, color = excluded.color, "
                "description = excluded.description, position = excluded.position",
                [
                    (lb.key, lb.name_ar, lb.name_en, lb.shortcut, lb.color, lb.description, n)
                    for n, lb in enumerate(labels)
                ],
            )
            self._labels = None

    # --- annotators ------------------------------------------------------------------------

    def annotators(self) -> list[str]:
        """Every annotator who has a layer in the project (and ``@gold`` once there is one)."""
        rows = self.conn.execute("SELECT name FROM annotators ORDER BY name").fetchall()
        return [row[0] for row in rows]

    def ensure_annotator(self, name: str) -> str:
        """Register an annotator name (validated) and return it."""
        name = check_annotator(name)
        self._register_layers([name])
        return name

    def _register_layers(self, names: list[str]) -> None:
        """Register layer names already checked (annotators, or the gold layer)."""
        with self.transaction():
            stamp = now()
            self.conn.executemany(
                "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)",
                [(name, stamp) for name in names],
            )

    def _layer(self, name: str) -> str:
        """An annotator's name (validated) or the gold layer, registered."""
        if name == GOLD_ANNOTATOR:
            self._register_layers([name])
            return name
        return self.ensure_annotator(name)


def check_is_project(path: Path) -> None:
    """Refuse, without writing a byte, anything that is not an Alama project we can open."""
    if not path.exists():
        raise ProjectError(f"{path}: no such project (create one with: alama init {path})")
    if path.is_dir():
        raise ProjectError(f"{path} is a folder, not an Alama project")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise ProjectError(f"{path} is not an Alama project (not a SQLite database)")
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise ProjectError(f"{path} cannot be opened: {error}") from None
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        application = None
        if "alama_meta" in tables:
            row = conn.execute("SELECT value FROM alama_meta WHERE key = 'application'").fetchone()
            application = row[0] if row else None
        if application != APPLICATION:
            raise ProjectError(f"{path} is a SQLite database but not an Alama project")
        applied = {
            row[0]
            for row in conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = 'alama'"
            )
        }
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{path} is not an Alama project ({error})") from None
    finally:
        conn.close()
    newer = sorted(applied - KNOWN)
    if newer:
        raise ProjectError(
            f"{path} was written by a newer version of Alama (schema step {newer[-1]}); "
            "upgrade Alama to open it"
        )
