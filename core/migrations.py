"""The project schema, as named sqlite-utils migrations. A new step is a new named function."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("alama")
APPLICATION = "alama"
APPLICATION_ID = 0x416C616D
"""The number in the header of every Alama file (``PRAGMA application_id``): "Alam" in ASCII.
Files made before it are known by the ``application`` row of ``alama_meta``."""

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
CREATE VIRTUAL TABLE documents_search USING fts5 (norm, tokenize = 'trigram');
"""
# 0003_lean_search rebuilds documents_search with detail = none and columnsize = 0.


def _run(db: Database, script: str) -> None:
    """Execute a block of statements one by one (sqlite-utils runs each migration in a
    transaction of its own; ``executescript`` would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


@MIGRATIONS(name="0001_initial")
def initial_schema(db: Database) -> None:
    """Create every table; documents_search holds the normalized copy (rowid = documents.id)."""
    _run(db, SCHEMA)
    db.execute("INSERT INTO alama_meta (key, value) VALUES ('application', ?)", [APPLICATION])


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


@MIGRATIONS(name="0002_review")
def review_schema(db: Database) -> None:
    """Gold spans record their reviewer and the annotators who agreed; a reviewer's rejections
    of candidate spans are kept (``rejected = 0`` is a rejection taken back)."""
    _run(db, REVIEW_SCHEMA)


SEARCH_SCHEMA = """
DROP TABLE documents_search;
CREATE VIRTUAL TABLE documents_search USING fts5 (
    norm, tokenize = 'trigram', detail = none, columnsize = 0
);
"""


@MIGRATIONS(name="0003_lean_search")
def lean_search(db: Database) -> None:
    """The search copy without the positions of its trigrams (a substring search checks each
    candidate's text anyway): built in half the time, in a fraction of the space. It is filled
    again from the documents at the next search (`Store.index_for_search`)."""
    _run(db, SEARCH_SCHEMA)


@MIGRATIONS(name="0004_application_id")
def application_id(db: Database) -> None:
    """Write Alama's number into the file's header, where a file is recognised through SQLite
    without reading a table of it (and without ever opening the file by other means)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


NAMES = tuple(migration.name for migration in MIGRATIONS.pending(Database(memory=True)))
"""Every schema step, in the order they are applied."""
KNOWN = frozenset(NAMES)
