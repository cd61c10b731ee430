"""The project schema, as named sqlite-utils migrations. A new step is a new named function.

Each step is plain SQL run on the project's connection. sqlite-utils records and applies them
(`apply`), and is imported only then: reading a project that is up to date needs neither
sqlite-utils nor what it imports on the way (pandas, numpy, its plugin machinery).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "alama"
"""The name sqlite-utils records the steps under (``_sqlite_migrations.migration_set``)."""
MIGRATIONS_TABLE = "_sqlite_migrations"
"""sqlite-utils' record of the steps applied to a file."""
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


Step = Callable[[sqlite3.Connection], None]
STEPS: list[tuple[str, Step]] = []
"""Every schema step, by name, in the order they are applied."""


def step(name: str) -> Callable[[Step], Step]:
    """Register the function as the next schema step, under ``name``."""

    def register(function: Step) -> Step:
        STEPS.append((name, function))
        return function

    return register


def _run(db: sqlite3.Connection, script: str) -> None:
    """Execute a block of statements one by one (sqlite-utils runs each migration in a
    transaction of its own; ``executescript`` would commit it)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""


@step("0001_initial")
def initial_schema(db: sqlite3.Connection) -> None:
    """Create every table; documents_search holds the normalized copy (rowid = documents.id)."""
    _run(db, SCHEMA)
    db.execute("INSERT INTO alama_meta (key, value) VALUES ('application', ?)", (APPLICATION,))


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


@step("0002_review")
def review_schema(db: sqlite3.Connection) -> None:
    """Gold spans record their reviewer and the annotators who agreed; a reviewer's rejections
    of candidate spans are kept (``rejected = 0`` is a rejection taken back)."""
    _run(db, REVIEW_SCHEMA)


SEARCH_SCHEMA = """
DROP TABLE documents_search;
CREATE VIRTUAL TABLE documents_search USING fts5 (
    norm, tokenize = 'trigram', detail = none, columnsize = 0
);
"""


@step("0003_lean_search")
def lean_search(db: sqlite3.Connection) -> None:
    """The search copy without the positions of its trigrams (a substring search checks each
    candidate's text anyway): built in half the time, in a fraction of the space. It is filled
    again from the documents at the next search (`Store.index_for_search`)."""
    _run(db, SEARCH_SCHEMA)


@step("0004_application_id")
def application_id(db: sqlite3.Connection) -> None:
    """Write Alama's number into the file's header, where a file is recognised through SQLite
    without reading a table of it (and without ever opening the file by other means)."""
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


TOKENS_SCHEMA = """
CREATE TABLE tokens (
    doc INTEGER PRIMARY KEY REFERENCES documents (id),
    tokenizer TEXT NOT NULL,
    bounds BLOB NOT NULL,
    record TEXT,
    record_bounds BLOB
);
"""


@step("0005_tokens")
def document_tokens(db: sqlite3.Connection) -> None:
    """Each document's tokens, stored once at import: ``bounds`` holds (start, end) code-point
    offsets as little-endian int32 pairs, ``tokenizer`` says where they came from (``imported``:
    the file's own tokenization; ``camel-tools <version>``). ``record`` and ``record_bounds`` are
    derived (NULL: computed when needed): the JSONL export's token list as JSON text, and where
    each of its tokens starts and ends. A document made before this step has no row: its tokens
    are camel-tools', computed when read, so opening an older project reads nothing more."""
    _run(db, TOKENS_SCHEMA)


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


@step("0006_team")
def team(db: sqlite3.Connection) -> None:
    """Who is to annotate which document: one row per (document, annotator), ``overlap`` = 1
    when the document is one of those given to several annotators for agreement. A document
    taken from an annotator keeps its row with ``removed_at`` set (a tombstone, so that a
    merge carries the removal like a deleted span). The guidelines and the name a handed-out
    copy opens as are rows of ``alama_meta`` (``guidelines``, ``guidelines_updated_at``,
    ``handed_to``)."""
    _run(db, TEAM_SCHEMA)


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


@step("0007_relations")
def relations(db: sqlite3.Connection) -> None:
    """Links between two spans of one layer (a CLAIM and the ACTOR who made it), kept like
    spans: an id, the layer, timestamps, an origin, a tombstone, and for gold the reviewer and
    who agreed. ``attributes`` is a JSON object ({"stance": "denies"}). A reviewer's rejections
    of candidate relations are kept by the relation's key (the JSON list of its source span's
    start, end and label, its target's, and its type). The project's relation
    types (the label registry's `RelationType`) are in ``relation_types``; a project whose
    labels have CLAIM and ACTOR gets the default ``said_by``."""
    from alama.core.relation_types import DEFAULT_RELATIONS, fitting_relations, relation_type_row

    _run(db, RELATIONS_SCHEMA)
    labels = [row[0] for row in db.execute("SELECT key FROM labels")]
    for position, relation in enumerate(fitting_relations(DEFAULT_RELATIONS, labels)):
        db.execute(
            "INSERT INTO relation_types (key, name_ar, name_en, sources, targets, attributes, "
            "shortcut, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            relation_type_row(relation, position),
        )


SUGGESTIONS_SCHEMA = """
CREATE TABLE suggestions (
    doc INTEGER NOT NULL REFERENCES documents (id),
    annotator TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    label TEXT NOT NULL,
    source TEXT NOT NULL,
    score REAL NOT NULL,
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


@step("0008_suggestions")
def suggestions(db: sqlite3.Connection) -> None:
    """Pending spans a source proposed for an annotator's layer (``alama suggest``), never part
    of the layer until accepted: an accepted one becomes a span with the origin
    ``suggested:SOURCE``. ``suggestion_rejections`` keeps the strings an annotator rejected in
    a document (their matching key, `suggest_text.match_key`, with the label), which are not
    suggested there again."""
    _run(db, SUGGESTIONS_SCHEMA)


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
    similarity REAL NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX duplicates_by_group ON duplicates (grp);
"""


@step("0009_regions")
def regions(db: sqlite3.Connection) -> None:
    """Boilerplate regions of a document by stored offsets (its text never changes): ``kind``
    says what they are (``repeated_line``, ``related_articles``, ``comments``, ``share``,
    ``title_repeat``, ``site_name``, ``manual``), ``marked`` who set them: ``detected`` rows are
    replaced by each detection, ``lead`` rows are a lead's marks and ``not`` rows a lead's "not
    boilerplate" (a tombstone over what detection finds there), both kept across detections.
    ``duplicates`` holds the near-duplicate groups: each member and its group (the id of the
    group's first document), with its estimated similarity to that document."""
    _run(db, REGIONS_SCHEMA)


NAMES = tuple(name for name, _ in STEPS)
"""Every schema step, in the order they are applied."""
KNOWN = frozenset(NAMES)


@cache
def migrations() -> Migrations:
    """The steps as sqlite-utils' named migrations (imported here, when a file needs them)."""
    from sqlite_utils.migrations import Migrations

    steps = Migrations(MIGRATION_SET)
    for name, function in STEPS:
        steps(name=name)(_on_connection(function))
    return steps


def _on_connection(function: Step) -> Callable[[Database], None]:
    """A step as sqlite-utils calls it: with its `Database`, run on the same connection."""

    def run(db: Database) -> None:
        function(db.conn)

    run.__name__ = function.__name__
    return run


def apply(conn: sqlite3.Connection) -> None:
    """Bring the file's schema up to date: apply the steps it lacks, each recorded by
    sqlite-utils. sqlite-utils' plugins are not run on a project's connection: nothing but
    Alama changes how a project is read."""
    from sqlite_utils import Database

    migrations().apply(Database(conn, execute_plugins=False))
