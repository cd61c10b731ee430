"""Documents and their status per layer: the `Store` that the rest of Alama uses."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from alama.core import text as arabic
from alama.core.errors import InputError
from alama.core.model import Document, DocumentInfo, Status

from .base import now
from .sync import SyncRows


class Store(SyncRows):
    """An open Alama project."""

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
        annotator = self._layer(annotator)
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

    def layer_states(self, doc: int) -> dict[str, Status]:
        """Every layer of one document (a status row or a live span) and its state."""
        rows = self.conn.execute(
            """
            SELECT l.annotator, COALESCE(st.state, 'in_progress')
            FROM (SELECT annotator FROM status WHERE doc = ?
                  UNION SELECT annotator FROM spans WHERE doc = ? AND deleted_at IS NULL) l
            LEFT JOIN status st ON st.doc = ? AND st.annotator = l.annotator
            ORDER BY l.annotator
            """,
            (doc, doc, doc),
        ).fetchall()
        return {annotator: Status(state) for annotator, state in rows}

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
