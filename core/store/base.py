"""What every project shares, on a file or on a server: transactions as the only way to write,
the label set and the annotators.

`Connection` is the shared part; `FileConnection` (`file_connection`, a SQLite file) and
`ServerConnection` (`server`, a PostgreSQL server) are the two bottoms a concrete store stands
on. ``self.sql`` is the connection's `Dialect`; the statements are written with ``?``
placeholders in both.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Self

from alama.core.annotators import check_annotator
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR
from alama.core.relation_types import RelationType, relation_type_from_row, relation_type_row

from .dialect import SQLITE, Dialect


def now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class Connection:
    """An open project: transactions, labels and annotator names (the shared part)."""

    sql: Dialect = SQLITE
    """The fragments of SQL that differ between a file and a server."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self._labels: LabelSet | None = None
        self.read_only_reason: str | None = None
        """Why nothing can be written to this project (None: it can be)."""
        self._upgrade_pending = False  # an older file read from an upgraded copy in memory
        self._lock_wait: float | None = None  # set by `wait_for_lock`

    @property
    def location(self) -> str:
        """Where the project is, as shown to people (a file's path, a server's URL without
        its password)."""
        return str(self.path)

    def transaction(self) -> AbstractContextManager[None]:
        """All the writes inside happen together or not at all; nested uses join the outer one."""
        raise NotImplementedError

    def without_waiting(self) -> AbstractContextManager[None]:
        """Writes inside do not wait for another program's lock (`ProjectBusy` at once)."""
        raise NotImplementedError

    def wait_for_lock(self, seconds: float) -> None:
        """How long a write waits for another program's write lock before `ProjectBusy`."""
        raise NotImplementedError

    def data_version(self) -> int:
        """A number that changes whenever another connection commits to the project."""
        raise NotImplementedError

    def close(self) -> None:
        """Close the project; every action is already committed."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _chunked(self, select: str, values: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        """Rows of ``select`` (ending in ``IN``) for the values, asked 500 at a time."""
        unique = list(dict.fromkeys(values))
        for first in range(0, len(unique), 500):
            chunk = unique[first : first + 500]
            yield from self.conn.execute(f"{select} ({', '.join('?' * len(chunk))})", chunk)

    def _set_meta(self, key: str, value: str) -> None:
        self.conn.execute(self.sql.upsert("alama_meta", "key, value", "key"), (key, value))

    # --- labels ----------------------------------------------------------------------------

    def labels(self) -> LabelSet:
        """The project's label set."""
        if self._labels is None:
            rows = self.conn.execute(
                "SELECT key, name_ar, name_en, shortcut, color, description FROM labels "
                "ORDER BY position"
            ).fetchall()
            for row in rows:
                if not all(isinstance(value, str) for value in row):
                    raise ProjectError(
                        Message(
                            "%1 is damaged: its label %2 is not stored as text (the file was "
                            "changed by another program)",
                            self.path,
                            repr(row[0])[:40],
                        )
                    )
            self._labels = LabelSet((Label(*row) for row in rows), self._relation_types())
        return self._labels

    def _relation_types(self) -> list[RelationType]:
        rows = self.conn.execute(
            "SELECT key, name_ar, name_en, sources, targets, attributes, shortcut "
            "FROM relation_types ORDER BY position"
        ).fetchall()
        try:
            return [relation_type_from_row(row) for row in rows]
        except (ValueError, KeyError, TypeError):
            raise ProjectError(
                Message(
                    "%1 is damaged: a relation type is not stored as Alama stores it (the "
                    "file was changed by another program)",
                    self.path,
                )
            ) from None

    def set_labels(self, labels: LabelSet) -> None:
        """Store a label set; labels already in use may change names and colours, not vanish."""
        with self.transaction():
            used = {row[0] for row in self.conn.execute("SELECT DISTINCT label FROM spans")}
            missing = sorted(used - set(labels.keys))
            if missing:
                raise InputError(f"labels in use cannot be removed: {', '.join(missing)}")
            used = {row[0] for row in self.conn.execute("SELECT DISTINCT type FROM relations")}
            gone = sorted(used - {relation.key for relation in labels.relations})
            if gone:
                raise InputError(f"relation types in use cannot be removed: {', '.join(gone)}")
            self.conn.execute("DELETE FROM relation_types")
            self.conn.executemany(
                "INSERT INTO relation_types (key, name_ar, name_en, sources, targets, "
                "attributes, shortcut, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [relation_type_row(r, n) for n, r in enumerate(labels.relations)],
            )
            keys = labels.keys
            # Suggestions of a label that goes go with it (they could no longer be accepted).
            self.conn.execute(
                f"DELETE FROM suggestions WHERE label NOT IN ({', '.join('?' * len(keys))})", keys
            )
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
        """Register layer names already checked (annotators, or the gold layer); names the
        project has already need no write (a project that cannot be written is still read as
        one of its annotators)."""
        known = {
            row[0] for row in self._chunked("SELECT name FROM annotators WHERE name IN", names)
        }
        if known.issuperset(names):
            return
        with self.transaction():
            stamp = now()
            self.conn.executemany(
                self.sql.insert_ignore("annotators", "name, created_at"),
                [(name, stamp) for name in names],
            )

    def _layer(self, name: str) -> str:
        """An annotator's name (validated) or the gold layer, registered."""
        if name == GOLD_ANNOTATOR:
            self._register_layers([name])
            return name
        return self.ensure_annotator(name)
