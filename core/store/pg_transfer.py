"""Moving a whole project between a file and a server, row for row.

`to_server` lifts a project file into a new (empty) server project: a team that started with
files handed out and collected moves to the server. `to_file` writes what the connected role
may read of a server project into a new project file: for the lead, the whole project (a
backup in Alama's own format); for an annotator, their assigned documents and their own layer,
to work on offline (and be collected back once `alama merge` reaches servers).

The tables are the same column for column in both dialects (`pg_schema`), so rows move as
they are, with their ids, timestamps and tombstones: nothing is made anew. Each direction is one
transaction; a row the other side refuses (a file changed by hand, a NUL in a text) leaves the
target as it was, and is told in one line. The search copy is made on the server from the
documents (a file's FTS5 table is not copied), and on a file later by `Store.search` as usual.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alama.core import folding
from alama.core.errors import ProjectError
from alama.core.messages import Message

from .files import remove_with_side_files
from .project import Store

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

TABLES = (
    "alama_meta", "labels", "relation_types", "documents", "annotators", "tokens", "spans",
    "status", "rejections", "assignments", "relations", "relation_rejections", "suggestions",
    "suggestion_rejections", "regions", "duplicates",
)  # fmt: skip
"""Every table of a project but the search copy, each after those its rows refer to."""
REPLACED = ("labels", "relation_types")
"""Tables a new project already fills (the default labels): emptied before the copy."""
MERGED_BY_KEY = {"alama_meta": "key", "annotators": "name"}
"""Tables a new project has some rows of (``application``, ``@gold``): the copied row wins."""


def _columns(store: Store, table: str) -> list[str]:
    return [row[1] for row in store.conn.execute(f"PRAGMA table_info({table})")]


def to_server(store: Store, conn: PgConnection, where: str) -> dict[str, int]:
    """Copy every row of the project file ``store`` into the empty server project of ``conn``
    (its owner or lead); the number of rows copied per table."""
    import psycopg

    copied: dict[str, int] = {}
    try:
        with conn.transaction():
            found = conn.execute("SELECT (SELECT count(*) FROM documents)").fetchone()
            if found and found[0]:
                raise ProjectError(
                    Message("%1 already has documents: a project is moved to an empty one", where)
                )
            for table in REPLACED:
                conn.execute(f"DELETE FROM {table}")
            for table in TABLES:
                copied[table] = _copy_table(store, conn, table)
            copied["documents_search"] = _index(conn)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ProjectError(
            Message("%1 could not be moved to %2: %3", store.path, where, reason)
        ) from None
    return copied


def _copy_table(store: Store, conn: PgConnection, table: str) -> int:
    """Every row of ``table`` (``INSERT`` in batches, pipelined by psycopg: ``COPY FROM`` is
    not allowed where row-level security applies, as it does to the lead)."""
    columns = _columns(store, table)
    names = ", ".join(columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"
    if table in MERGED_BY_KEY:
        key = MERGED_BY_KEY[table]
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != key) or f"{key} = {key}"
        insert += f" ON CONFLICT ({key}) DO UPDATE SET {updates}"
    rows = store.conn.execute(f"SELECT {names} FROM {table}")
    count = 0
    with conn.cursor() as cursor:
        while batch := rows.fetchmany(2000):
            cursor.executemany(insert, batch)
            count += len(batch)
    return count


def _index(conn: PgConnection) -> int:
    """The normalized copy of every document, for the trigram index."""
    rows = conn.execute("SELECT id, text FROM documents ORDER BY id").fetchall()
    with conn.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO documents_search (doc, norm) VALUES (%s, %s)",
            [(doc, folding.normalize(text)) for doc, text in rows],
        )
    return len(rows)


def to_file(conn: PgConnection, path: Path | str) -> dict[str, int]:
    """Write into the new project file ``path`` every row the role of ``conn`` may read of its
    server project (rows of a document it may not read are left out); the rows per table. If
    anything fails, no file is left behind."""
    import psycopg

    path = Path(path)
    try:
        rows = _server_rows(conn)
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise ProjectError(Message("the project could not be read: %1", reason)) from None
    with Store.create(path) as store:
        try:
            with store.transaction():
                for table in REPLACED:
                    store.conn.execute(f"DELETE FROM {table}")
                for table, (columns, found) in rows.items():
                    verb = "INSERT OR REPLACE" if table in MERGED_BY_KEY else "INSERT"
                    store.conn.executemany(
                        f"{verb} INTO {table} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' * len(columns))})",
                        found,
                    )
            failure = None
        except sqlite3.Error as error:
            failure = ProjectError(Message("%1 could not be written: %2", path, str(error)))
    if failure is not None:
        remove_with_side_files(path)
        raise failure
    return {table: len(found) for table, (_, found) in rows.items()}


def _server_rows(conn: PgConnection) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Every readable row of every table, from one snapshot, with the tables' columns."""
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        docs = [row[0] for row in conn.execute("SELECT id FROM documents")]
        for table in TABLES:
            readable = conn.execute(
                "SELECT has_table_privilege(current_user, %s, 'SELECT')", (table,)
            ).fetchone()
            if not readable or not readable[0]:  # the reviewers' rejections, for an annotator
                continue
            found = conn.execute(f"SELECT * FROM {table} LIMIT 0")
            columns = [column.name for column in found.description or []]
            limit = " WHERE doc = ANY(%s)" if "doc" in columns else ""
            found = conn.execute(f"SELECT * FROM {table}{limit}", (docs,) if limit else ())
            rows[table] = (columns, found.fetchall())  # BYTEA arrives as bytes, as SQLite takes
    return rows
