"""The project file: every read and write of a project goes through `Store`.

One SQLite file per project, opened through sqlite-utils, in WAL mode with foreign keys on.
Every user action is its own ``BEGIN IMMEDIATE`` transaction, committed before the method
returns; bulk work (an import) wraps many calls in `Store.transaction`, which is all or
nothing. Two processes on one file wait for each other (busy timeout) instead of failing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from alama.core import text as arabic
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.migrations import APPLICATION, KNOWN, MIGRATIONS
from alama.core.model import Document, DocumentInfo, Origin, Span, Status

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 60.0
RESERVED_PREFIX = "@"
_SPAN_COLUMNS = (
    "id, doc, annotator, start_char, end_char, label, origin, created_at, updated_at, deleted_at"
)


def now() -> str:
    """An ISO-8601 UTC timestamp with milliseconds, sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def check_annotator(name: str) -> str:
    """Return the trimmed annotator name, or raise `InputError` if it cannot be one."""
    clean = name.strip()
    if not clean:
        raise InputError("an annotator name cannot be empty")
    if len(clean) > 64:
        raise InputError(f"annotator name {clean[:20]!r}… is longer than 64 characters")
    if clean.startswith(RESERVED_PREFIX) or any(ord(ch) < 32 for ch in clean):
        raise InputError(f"{clean!r} cannot be an annotator name")
    return clean


class Store:
    """An open Alama project."""

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self.conn = conn
        self.db = Database(conn)
        self._labels: LabelSet | None = None

    # --- opening ---------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path | str, labels: LabelSet | None = None) -> Store:
        """Create a new project file; refuse to overwrite anything that exists."""
        path = Path(path)
        if path.exists():
            raise ProjectError(f"{path} already exists")
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent} is not a folder")
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
    def open(cls, path: Path | str) -> Store:
        """Open an existing project, or raise `ProjectError` without touching the file."""
        path = Path(path)
        _check_is_project(path)
        return cls._connect(path)

    @classmethod
    def _connect(cls, path: Path) -> Store:
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

    def __enter__(self) -> Store:
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

    # --- documents -------------------------------------------------------------------------

    def add_document(
        self,
        text: str,
        *,
        source: str = "",
        doc_id: str | None = None,
        title: str | None = None,
        meta: dict[str, Any] | None = None,
    ) -> tuple[int, bool]:
        """Add a cleaned text unless the project has it already; return (id, whether added)."""
        digest = arabic.content_hash(text)
        with self.transaction():
            row = self.conn.execute("SELECT id FROM documents WHERE hash = ?", (digest,)).fetchone()
            if row:
                return row[0], False
            wanted = doc_id or digest[:16]
            taken = self.conn.execute(
                "SELECT 1 FROM documents WHERE doc_id = ?", (wanted,)
            ).fetchone()
            if taken:
                wanted = f"{wanted}-{digest[:8]}"
            position = self.conn.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM documents"
            ).fetchone()[0]
            cursor = self.conn.execute(
                "INSERT INTO documents (doc_id, hash, title, text, source, meta, position, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    wanted,
                    digest,
                    title or arabic.title_of(text),
                    text,
                    source,
                    json.dumps(meta or {}, ensure_ascii=False),
                    position,
                    now(),
                ),
            )
            new_id = int(cursor.lastrowid or 0)
            self.conn.execute(
                "INSERT INTO documents_search (rowid, norm) VALUES (?, ?)",
                (new_id, arabic.normalize(text)),
            )
            return new_id, True

    def documents(self) -> list[DocumentInfo]:
        """Every document in project order, without its text."""
        rows = self.conn.execute(
            "SELECT id, doc_id, title, position FROM documents ORDER BY position"
        ).fetchall()
        return [DocumentInfo(*row) for row in rows]

    def document(self, doc: int) -> Document:
        """One document with its text."""
        row = self.conn.execute(
            "SELECT id, doc_id, title, text, hash, source, position, meta FROM documents "
            "WHERE id = ?",
            (doc,),
        ).fetchone()
        if row is None:
            raise InputError(f"no document with id {doc}")
        return Document(*row[:7], meta=json.loads(row[7]))

    def iter_documents(self) -> Iterator[Document]:
        """Every document with its text, in project order, read in batches."""
        cursor = self.conn.execute(
            "SELECT id, doc_id, title, text, hash, source, position, meta FROM documents "
            "ORDER BY position"
        )
        while batch := cursor.fetchmany(500):
            for row in batch:
                yield Document(*row[:7], meta=json.loads(row[7]))

    def document_count(self) -> int:
        """How many documents the project holds."""
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def search(self, query: str) -> list[int]:
        """Ids of documents containing ``query``, ignoring diacritics, tatweel and hamza forms."""
        needle = arabic.normalize(query).strip()
        if not needle:
            return []
        escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = self.conn.execute(
            "SELECT s.rowid FROM documents_search s JOIN documents d ON d.id = s.rowid "
            "WHERE s.norm LIKE ? ESCAPE '\\' ORDER BY d.position",
            (f"%{escaped}%",),
        ).fetchall()
        return [row[0] for row in rows]

    # --- annotators and status -------------------------------------------------------------

    def annotators(self) -> list[str]:
        """Every annotator who has a layer in the project, sorted."""
        rows = self.conn.execute("SELECT name FROM annotators ORDER BY name").fetchall()
        return [row[0] for row in rows]

    def ensure_annotator(self, name: str) -> str:
        """Register an annotator name (validated) and return it."""
        name = check_annotator(name)
        with self.transaction():
            self.conn.execute(
                "INSERT OR IGNORE INTO annotators (name, created_at) VALUES (?, ?)", (name, now())
            )
        return name

    def status(self, doc: int, annotator: str) -> Status:
        """The document's state for this annotator."""
        row = self.conn.execute(
            "SELECT state FROM status WHERE doc = ? AND annotator = ?", (doc, annotator)
        ).fetchone()
        return Status(row[0]) if row else Status.TODO

    def statuses(self, annotator: str) -> dict[int, Status]:
        """Every document this annotator has started or finished."""
        rows = self.conn.execute(
            "SELECT doc, state FROM status WHERE annotator = ?", (annotator,)
        ).fetchall()
        return {doc: Status(state) for doc, state in rows}

    def set_status(self, doc: int, annotator: str, state: Status) -> Status:
        """Set the document's state for this annotator; return the state it had before."""
        annotator = self.ensure_annotator(annotator)
        with self.transaction():
            before = self.status(doc, annotator)
            if state is Status.TODO:
                self.conn.execute(
                    "DELETE FROM status WHERE doc = ? AND annotator = ?", (doc, annotator)
                )
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO status (doc, annotator, state, updated_at) "
                    "VALUES (?, ?, ?, ?)",
                    (doc, annotator, state.value, now()),
                )
        return before

    def layers(self) -> list[tuple[int, str, Status]]:
        """Every (document, annotator) pair with a status or a live span, in project order."""
        rows = self.conn.execute(
            """
            SELECT d.id, l.annotator, COALESCE(st.state, 'in_progress')
            FROM (SELECT doc, annotator FROM status
                  UNION SELECT doc, annotator FROM spans WHERE deleted_at IS NULL) l
            JOIN documents d ON d.id = l.doc
            LEFT JOIN status st ON st.doc = l.doc AND st.annotator = l.annotator
            ORDER BY d.position, l.annotator
            """
        ).fetchall()
        return [(doc, annotator, Status(state)) for doc, annotator, state in rows]

    # --- spans -----------------------------------------------------------------------------

    def spans(self, doc: int, annotator: str | None = None) -> list[Span]:
        """Live spans of a document (one layer, or every layer), in reading order."""
        sql = f"SELECT {_SPAN_COLUMNS} FROM spans WHERE doc = ? AND deleted_at IS NULL"
        params: tuple[Any, ...] = (doc,)
        if annotator is not None:
            sql += " AND annotator = ?"
            params += (annotator,)
        rows = self.conn.execute(sql + " ORDER BY start_char, end_char DESC, label", params)
        return [Span(*row) for row in rows]

    def span(self, span_id: str) -> Span:
        """One span by id, live or deleted."""
        row = self.conn.execute(
            f"SELECT {_SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"no span with id {span_id}")
        return Span(*row)

    def iter_spans(self, annotator: str | None = None) -> Iterator[Span]:
        """Every live span of the project (or of one layer), grouped by document."""
        sql = f"SELECT {_SPAN_COLUMNS} FROM spans WHERE deleted_at IS NULL"
        params: tuple[Any, ...] = ()
        if annotator is not None:
            sql += " AND annotator = ?"
            params = (annotator,)
        cursor = self.conn.execute(sql + " ORDER BY doc, annotator, start_char, end_char", params)
        while batch := cursor.fetchmany(2000):
            yield from (Span(*row) for row in batch)

    def add_span(
        self,
        doc: int,
        annotator: str,
        start: int,
        end: int,
        label: str,
        origin: str = Origin.MANUAL,
        span_id: str | None = None,
    ) -> Span:
        """Store a span in an annotator's layer; the document becomes "in progress" for them."""
        self._check_span(doc, start, end, label)
        stamp = now()
        span = Span.new(doc, annotator, start, end, label, origin, stamp, span_id)
        with self.transaction():
            self.ensure_annotator(annotator)
            self._insert([span])
        return span

    def add_spans(
        self,
        doc: int,
        annotator: str,
        spans: Iterable[tuple[int, int, str]],
        origin: str = Origin.IMPORTED,
    ) -> int:
        """Add many spans to one layer, skipping any the layer already has; return the count."""
        with self.transaction():
            annotator = self.ensure_annotator(annotator)
            have = {span.key for span in self.spans(doc, annotator)}
            length = self._text_length(doc)
            stamp = now()
            new: list[Span] = []
            for start, end, label in spans:
                if (start, end, label) in have:
                    continue
                self._check_span(doc, start, end, label, length)
                have.add((start, end, label))
                new.append(Span.new(doc, annotator, start, end, label, origin, stamp))
            self._insert(new)
            if not new:
                self.conn.execute(
                    "INSERT OR IGNORE INTO status (doc, annotator, state, updated_at) "
                    "VALUES (?, ?, 'in_progress', ?)",
                    (doc, annotator, stamp),
                )
        return len(new)

    def _insert(self, spans: list[Span]) -> None:
        """Write new spans and mark their layers in progress; the caller holds the transaction."""
        self.conn.executemany(
            f"INSERT INTO spans ({_SPAN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    sp.id,
                    sp.doc,
                    sp.annotator,
                    sp.start,
                    sp.end,
                    sp.label,
                    sp.origin,
                    sp.created_at,
                    sp.updated_at,
                    sp.deleted_at,
                )
                for sp in spans
            ],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO status (doc, annotator, state, updated_at) "
            "VALUES (?, ?, 'in_progress', ?)",
            {(sp.doc, sp.annotator, sp.created_at) for sp in spans},
        )

    def change_span(
        self,
        span_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
    ) -> Span:
        """Move or relabel a live span; return it as it now is."""
        old = self.span(span_id)
        if old.deleted_at is not None:
            raise InputError("that span was deleted")
        new_start = old.start if start is None else start
        new_end = old.end if end is None else end
        new_label = old.label if label is None else label
        self._check_span(old.doc, new_start, new_end, new_label)
        stamp = now()
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET start_char = ?, end_char = ?, label = ?, updated_at = ? "
                "WHERE id = ?",
                (new_start, new_end, new_label, stamp, span_id),
            )
        return Span(
            old.id,
            old.doc,
            old.annotator,
            new_start,
            new_end,
            new_label,
            old.origin,
            old.created_at,
            stamp,
            None,
        )

    def delete_span(self, span_id: str) -> Span:
        """Delete a span, keeping a tombstone so that a merge cannot bring it back."""
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET deleted_at = ?, updated_at = ? WHERE id = ?",
                (stamp := now(), stamp, span_id),
            )
        return self.span(span_id)

    def restore_span(self, span_id: str) -> Span:
        """Bring a deleted span back (undo of a delete)."""
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET deleted_at = NULL, updated_at = ? WHERE id = ?",
                (now(), span_id),
            )
        return self.span(span_id)

    def _text_length(self, doc: int) -> int:
        row = self.conn.execute(
            "SELECT length(text) FROM documents WHERE id = ?", (doc,)
        ).fetchone()
        if row is None:
            raise InputError(f"no document with id {doc}")
        return int(row[0])

    def _check_span(
        self, doc: int, start: int, end: int, label: str, length: int | None = None
    ) -> None:
        length = self._text_length(doc) if length is None else length
        if not 0 <= start < end <= length:
            raise InputError(f"span {start}–{end} is outside the text (0–{length})")
        self.labels().require([label])

    # --- counts ----------------------------------------------------------------------------

    def counts(self) -> dict[str, Any]:
        """Documents, and per annotator their done / in-progress documents and spans by label."""
        per: dict[str, dict[str, Any]] = {}
        for annotator, state, count in self.conn.execute(
            "SELECT annotator, state, COUNT(*) FROM status GROUP BY annotator, state"
        ):
            per.setdefault(annotator, {"done": 0, "in_progress": 0, "spans": {}})[state] = count
        for annotator, label, count in self.conn.execute(
            "SELECT annotator, label, COUNT(*) FROM spans WHERE deleted_at IS NULL "
            "GROUP BY annotator, label"
        ):
            entry = per.setdefault(annotator, {"done": 0, "in_progress": 0, "spans": {}})
            entry["spans"][label] = count
        return {"documents": self.document_count(), "annotators": per}


def _check_is_project(path: Path) -> None:
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
