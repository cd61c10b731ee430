"""Is this file an Alama project? Asked of SQLite only, never by reading the file's bytes.

A project file is never opened by any means but SQLite: closing any other descriptor of the file
drops every POSIX lock SQLite holds on it in this process, and another program then checkpoints
and deletes the write-ahead log under an open window (SQLite's "How To Corrupt An SQLite
Database File", §2.2). So a file is known as Alama's by the number in its header
(``PRAGMA application_id``; older files by their ``alama_meta`` row), and its schema must be the
one Alama itself made: projects travel between people, and a trigger or a view planted in one
would otherwise run, or hide rows, inside Alama. Connections run with ``trusted_schema`` off.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from alama.core.errors import ProjectError
from alama.core.messages import Message
from alama.core.migrations import (
    APPLICATION,
    APPLICATION_ID,
    KNOWN,
    MIGRATION_SET,
    MIGRATIONS_TABLE,
    STEPS,
)

SchemaObject = tuple[str, str, str]
"""An entry of ``sqlite_master``: (type, table it belongs to, its SQL with spaces evened)."""

SEARCH_SHADOW = "documents_search_"
"""The search table's own tables, made by SQLite's FTS5 (their SQL is SQLite's, not ours)."""


def identify(conn: sqlite3.Connection, path: Path) -> frozenset[str]:
    """The schema steps applied to an Alama project, read through ``conn``; `ProjectError`
    if the file is not one, was written by a newer Alama, or holds what Alama did not make."""
    objects = schema_objects(conn)
    application_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if application_id != APPLICATION_ID and not (
        application_id == 0 and _older_alama(conn, objects)
    ):
        raise ProjectError(Message("%1 is a SQLite database but not an Alama project", path))
    applied: frozenset[str] = frozenset()
    if objects.get(MIGRATIONS_TABLE, ("",))[0] == "table":
        rows = conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ?", (MIGRATION_SET,)
        )
        applied = frozenset(row[0] for row in rows)
    newer = sorted(applied - KNOWN)
    if newer:
        raise ProjectError(
            Message(
                "%1 was written by a newer version of Alama (schema step %2); "
                "upgrade Alama to open it",
                path,
                newer[-1],
            )
        )
    try:
        expected = expected_objects(applied)
    except sqlite3.Error:  # steps that Alama never leaves out were left out
        raise ProjectError(
            Message("%1 is not an Alama project (its schema is incomplete)", path)
        ) from None
    foreign = foreign_objects(objects, expected)
    if foreign:
        raise ProjectError(
            Message(
                "%1 was changed by another program (%2): Alama does not open it",
                path,
                "; ".join(foreign[:3]),
            )
        )
    return applied


def schema_objects(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    """Every table, index, trigger and view of the file but SQLite's own, by name."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return {
        name: (kind, table, " ".join((sql or "").split()))
        for kind, name, table, sql in rows
        if not name.startswith("sqlite_")
    }


def _older_alama(conn: sqlite3.Connection, objects: dict[str, SchemaObject]) -> bool:
    """A file made before the header number, known by its ``alama_meta`` row."""
    if objects.get("alama_meta", ("",))[0] != "table":
        return False
    row = conn.execute("SELECT value FROM alama_meta WHERE key = 'application'").fetchone()
    return row is not None and row[0] == APPLICATION


@cache
def expected_objects(applied: frozenset[str]) -> dict[str, SchemaObject]:
    """What Alama's own schema steps make, built in memory (SQLite writes the SQL of the
    search table's tables and of columns added later; it is compared as SQLite wrote it), and
    sqlite-utils' record of them, whose columns are sqlite-utils' own and not compared."""
    conn = sqlite3.connect(":memory:")
    for name, step in STEPS:
        if name in applied:
            step(conn)
    objects = schema_objects(conn)
    conn.close()
    objects[MIGRATIONS_TABLE] = ("table", MIGRATIONS_TABLE, "")
    return objects


def foreign_objects(found: dict[str, SchemaObject], expected: dict[str, SchemaObject]) -> list[str]:
    """What in ``found`` Alama did not make, or made otherwise, or what is missing; in words."""
    problems: list[str] = []
    for name, (kind, table, sql) in sorted(found.items()):
        ours = expected.get(name)
        if ours is None:
            if not (kind == "index" and table == MIGRATIONS_TABLE):  # sqlite-utils' own index
                problems.append(f"{kind} {name!r} is not Alama's")
        elif ours[0] != kind:
            problems.append(f"{kind} {name!r} stands where Alama's {ours[0]} was")
        elif sql != ours[2] and not name.startswith(SEARCH_SHADOW) and name != MIGRATIONS_TABLE:
            problems.append(f"{kind} {name!r} is not as Alama made it")
    problems.extend(
        f"{kind} {name!r} is missing"
        for name, (kind, _, _) in sorted(expected.items())
        if name not in found and not (kind == "index" and _ == MIGRATIONS_TABLE)
    )
    return problems
