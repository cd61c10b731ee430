"""The project schema on a PostgreSQL server: the steps of `alama.core.migrations`, by the same
names, in PostgreSQL's dialect, then the server's own steps (roles and row-level security).

A server project is one database. `apply` brings it up to date: each step it lacks runs in a
transaction of its own, recorded in ``alama_migrations`` (the server's ``_sqlite_migrations``),
while an advisory lock keeps two programs from applying the same step at once. The tables are
those of the SQLite file, column for column, with PostgreSQL's types where SQLite's differ
(``BYTEA`` for ``BLOB``, ``DOUBLE PRECISION`` for ``REAL``); timestamps and JSON stay text, so
that rows move between a file and a server unchanged. Search is a trigram index (``pg_trgm``)
on the normalized copy in ``documents_search`` instead of SQLite's FTS5 table: the same
``LIKE '%…%'`` on the same copy, answered from the index.

psycopg (the ``server`` extra) is imported by the caller: nothing here needs it but its types.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from alama.core.errors import ProjectError
from alama.core.messages import Message
from alama.core.migrations import APPLICATION, KNOWN, MIGRATION_SET

from .pg_changes import CHANGES_STEP, changes_told
from .pg_security import SECURITY_STEP, grants, policies, secure

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

MIGRATIONS_TABLE = "alama_migrations"
"""The record of the steps applied to a server project (``migration_set``, ``name``)."""
LOCK_KEY = 0x416C616D
"""The advisory lock held while steps are applied ("Alam" in ASCII, as in a file's header)."""

RECORD_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (
    migration_set TEXT NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (migration_set, name)
)
"""

SCHEMA = """
CREATE TABLE alama_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE labels (
    key TEXT PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    shortcut TEXT NOT NULL DEFAULT '',
    color TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    meta TEXT NOT NULL DEFAULT '{}',
    position INTEGER NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX documents_by_position ON documents (position);
CREATE TABLE annotators (
    name TEXT PRIMARY KEY,
    created_at TEXT NOT NULL
);
CREATE TABLE spans (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL REFERENCES annotators (name),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL REFERENCES labels (key),
    origin TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    CHECK (start_char >= 0 AND start_char < end_char)
);
CREATE INDEX spans_by_layer ON spans (doc, annotator);
CREATE TABLE status (
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL REFERENCES annotators (name),
    state TEXT NOT NULL CHECK (state IN ('in_progress', 'done')),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (doc, annotator)
);
CREATE INDEX status_by_annotator ON status (annotator, state);
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE documents_search (
    doc INTEGER PRIMARY KEY REFERENCES documents (id),
    norm TEXT NOT NULL
);
CREATE INDEX documents_search_norm ON documents_search USING gin (norm gin_trgm_ops);
"""
# SQLite's documents_search is an FTS5 table keyed by rowid; here its rowid is the column doc.

REVIEW_SCHEMA = """
ALTER TABLE spans ADD COLUMN reviewer TEXT;
ALTER TABLE spans ADD COLUMN agreed TEXT NOT NULL DEFAULT '[]';
CREATE TABLE rejections (
    doc INTEGER NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL,
    rejected INTEGER NOT NULL CHECK (rejected IN (0, 1)),
    reviewer TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (doc, start_char, end_char, label)
);
"""

TOKENS_SCHEMA = """
CREATE TABLE tokens (
    doc INTEGER PRIMARY KEY REFERENCES documents (id),
    tokenizer TEXT NOT NULL,
    bounds BYTEA NOT NULL,
    record TEXT,
    record_bounds BYTEA
);
"""

TEAM_SCHEMA = """
CREATE TABLE assignments (
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL REFERENCES annotators (name),
    overlap INTEGER NOT NULL DEFAULT 0 CHECK (overlap IN (0, 1)),
    updated_at TEXT NOT NULL,
    removed_at TEXT,
    PRIMARY KEY (doc, annotator)
);
CREATE INDEX assignments_by_annotator ON assignments (annotator, doc);
"""

RELATIONS_SCHEMA = """
CREATE TABLE relation_types (
    key TEXT PRIMARY KEY,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sources TEXT NOT NULL,
    targets TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '[]',
    shortcut TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL
);
CREATE TABLE relations (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL REFERENCES annotators (name),
    source TEXT NOT NULL REFERENCES spans (id),
    target TEXT NOT NULL REFERENCES spans (id),
    type TEXT NOT NULL,
    attributes TEXT NOT NULL DEFAULT '{}',
    origin TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT,
    reviewer TEXT,
    agreed TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX relations_by_layer ON relations (doc, annotator);
CREATE INDEX relations_by_source ON relations (source);
CREATE INDEX relations_by_target ON relations (target);
CREATE TABLE relation_rejections (
    doc INTEGER NOT NULL REFERENCES documents (id),
    key TEXT NOT NULL,
    rejected INTEGER NOT NULL CHECK (rejected IN (0, 1)),
    reviewer TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (doc, key)
);
"""

SUGGESTIONS_SCHEMA = """
CREATE TABLE suggestions (
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL,
    source TEXT NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (doc, annotator, start_char, end_char, label, source),
    CHECK (start_char >= 0 AND start_char < end_char)
);
CREATE TABLE suggestion_rejections (
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL,
    phrase TEXT NOT NULL,
    label TEXT NOT NULL,
    rejected_at TEXT NOT NULL,
    PRIMARY KEY (doc, annotator, phrase, label)
);
"""

REGIONS_SCHEMA = """
CREATE TABLE regions (
    doc INTEGER NOT NULL REFERENCES documents (id),
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    kind TEXT NOT NULL,
    marked TEXT NOT NULL CHECK (marked IN ('detected', 'lead', 'not')),
    marked_by TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (doc, start_char, end_char, marked),
    CHECK (start_char >= 0 AND start_char < end_char)
);
CREATE TABLE duplicates (
    doc INTEGER PRIMARY KEY REFERENCES documents (id),
    grp INTEGER NOT NULL REFERENCES documents (id),
    similarity DOUBLE PRECISION NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX duplicates_by_group ON duplicates (grp);
"""
_NEW_TABLES = re.compile(r"\b(ON|TABLE) (regions|duplicates)\b")

Step = Callable[["PgConnection"], None]


def run(conn: PgConnection, script: str) -> None:
    """Execute a block of statements, one at a time (each ends with ``;`` at a line's end)."""
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _script(script: str) -> Step:
    def step(conn: PgConnection) -> None:
        run(conn, script)

    return step


def initial_schema(conn: PgConnection) -> None:
    """Every table of 0001, and the trigram index of the normalized copy (pg_trgm)."""
    run(conn, SCHEMA)
    conn.execute("INSERT INTO alama_meta (key, value) VALUES ('application', %s)", (APPLICATION,))


def nothing(conn: PgConnection) -> None:
    """A step of SQLite's that has nothing to do on a server: 0003 made the FTS5 table lean
    (the trigram index has no positions to leave out), 0004 wrote the number in a file's header
    (a server project is known by its ``alama_meta`` row and its ``alama_migrations``)."""


def relations(conn: PgConnection) -> None:
    """The tables of 0007, and the default relation types that fit the labels (as in SQLite)."""
    from alama.core.relation_types import DEFAULT_RELATIONS, fitting_relations, relation_type_row

    run(conn, RELATIONS_SCHEMA)
    labels = [row[0] for row in conn.execute("SELECT key FROM labels")]
    for position, relation in enumerate(fitting_relations(DEFAULT_RELATIONS, labels)):
        conn.execute(
            "INSERT INTO relation_types (key, name_ar, name_en, sources, targets, attributes, "
            "shortcut, position) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            relation_type_row(relation, position),
        )


def regions(conn: PgConnection) -> None:
    """The tables of 0009 (read like a document's tokens: by whoever may read the document,
    written by the lead). On a server secured before them, their privileges and row-level
    policies are given here; a newer set-up gives them with the rest (`pg_security`)."""
    run(conn, REGIONS_SCHEMA)
    if SECURITY_STEP in applied_steps(conn):
        for statement in [*grants(), *policies()]:
            if _NEW_TABLES.search(statement):
                conn.execute(statement)


STEPS: list[tuple[str, Step]] = [
    ("0001_initial", initial_schema),
    ("0002_review", _script(REVIEW_SCHEMA)),
    ("0003_lean_search", nothing),
    ("0004_application_id", nothing),
    ("0005_tokens", _script(TOKENS_SCHEMA)),
    ("0006_team", _script(TEAM_SCHEMA)),
    ("0007_relations", relations),
    ("0008_suggestions", _script(SUGGESTIONS_SCHEMA)),
    ("0009_regions", regions),
    (SECURITY_STEP, secure),
    (CHANGES_STEP, changes_told),
]
"""Every step of a server project, in order: SQLite's, then the server's own."""
NAMES = tuple(name for name, _ in STEPS)
SERVER_ONLY = frozenset(NAMES) - KNOWN
"""The steps a SQLite file never has (roles and row-level security, changes told)."""


def applied_steps(conn: PgConnection) -> frozenset[str]:
    """The steps recorded in the database (none in a database Alama never set up)."""
    found = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (MIGRATIONS_TABLE,)).fetchone()
    if not found or not found[0]:
        return frozenset()
    rows = conn.execute(
        f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = %s", (MIGRATION_SET,)
    )
    return frozenset(row[0] for row in rows)


def check_schema(conn: PgConnection, where: str) -> frozenset[str]:
    """The steps applied to a server project; `ProjectError` if the database is not one or was
    set up by a newer Alama (``where`` names it in the message, without its password)."""
    applied = applied_steps(conn)
    if "0001_initial" not in applied:
        raise ProjectError(Message("%1 is a PostgreSQL database but not an Alama project", where))
    newer = sorted(applied - frozenset(NAMES))
    if newer:
        raise ProjectError(
            Message(
                "%1 was set up by a newer version of Alama (schema step %2); "
                "upgrade Alama to open it",
                where,
                newer[-1],
            )
        )
    return applied


def apply(conn: PgConnection) -> list[str]:
    """Apply the steps the database lacks, each in its own transaction and recorded; return
    their names. Needs a role that may create tables, the ``pg_trgm`` extension and, the first
    time on a server, the group roles (a superuser, or a role with CREATEROLE)."""
    done: list[str] = []
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
        conn.execute(RECORD_SCHEMA)
    for name, step in STEPS:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
            if name in applied_steps(conn):
                continue
            step(conn)
            conn.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at) "
                "VALUES (%s, %s, %s)",
                (MIGRATION_SET, name, datetime.now(UTC).isoformat(timespec="milliseconds")),
            )
            done.append(name)
    return done
