"""Who annotates what: assignments, the guidelines, the name a handed-out copy opens as, and
what a team's progress is counted from.

An assignment is one row per (document, annotator); taking a document from someone keeps the
row with ``removed_at`` set, so that merging carries the removal as it carries a deleted span.
Of two versions of a row the newer one wins (by ``updated_at``, ties by content).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from alama.core.annotators import check_annotator
from alama.core.errors import InputError, ProjectError
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, Status

from .base import now
from .files import connect, explain
from .layers import LayerRows, stored_status


class AssignmentRow(NamedTuple):
    """One annotator's assignment to one document, as stored (``removed_at``: taken away)."""

    doc: int
    annotator: str
    overlap: int
    updated_at: str
    removed_at: str | None


def _row(raw: Sequence[Any]) -> AssignmentRow:
    doc, annotator, overlap, updated, removed = raw
    if not (
        isinstance(doc, int)
        and isinstance(annotator, str)
        and overlap in (0, 1)
        and isinstance(updated, str)
        and (removed is None or isinstance(removed, str))
    ):
        raise ProjectError(
            Message(
                "an assignment of document %1 is damaged (the file was changed by another program)",
                repr(doc)[:20],
            )
        )
    return AssignmentRow(doc, annotator, int(overlap), updated, removed)


ASSIGNMENT_COLUMNS = "doc, annotator, overlap, updated_at, removed_at"


class TeamRows(LayerRows):
    """Assignments, guidelines and the handed-out copy's annotator."""

    # --- project notes in alama_meta ------------------------------------------------------

    def _meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM alama_meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row is not None and isinstance(row[0], str) else None

    def guidelines(self) -> str | None:
        """The project's annotation guidelines (Markdown), or None."""
        return self._meta("guidelines") or None

    def guidelines_stamp(self) -> str | None:
        """When the guidelines were last set (ISO-8601 UTC), or None."""
        return self._meta("guidelines_updated_at")

    def set_guidelines(self, text: str, stamp: str | None = None) -> None:
        """Store the guidelines (an empty text removes them), dated now unless ``stamp``."""
        with self.transaction():
            self._set_meta("guidelines", text)
            self._set_meta("guidelines_updated_at", stamp or now())

    def handed_to(self) -> str | None:
        """The annotator this file was handed out to (the window opens as them), or None."""
        name = self._meta("handed_to")
        try:
            return check_annotator(name) if name else None
        except InputError:
            return None

    # --- assignments ----------------------------------------------------------------------

    def assignment_rows(self, annotator: str | None = None) -> list[AssignmentRow]:
        """Every assignment row, taken-away ones too (for merging), in document order."""
        where, args = ("WHERE annotator = ?", (annotator,)) if annotator else ("", ())
        rows = self.conn.execute(
            f"SELECT {ASSIGNMENT_COLUMNS} FROM assignments {where} ORDER BY doc, annotator", args
        ).fetchall()
        return [_row(row) for row in rows]

    def assignments(self) -> dict[int, dict[str, bool]]:
        """Live assignments: document id -> {annotator: whether it is an overlap document}."""
        found: dict[int, dict[str, bool]] = {}
        for row in self.assignment_rows():
            if row.removed_at is None:
                found.setdefault(row.doc, {})[row.annotator] = bool(row.overlap)
        return found

    def has_assignments(self) -> bool:
        """Whether any document is assigned to anyone."""
        row = self.conn.execute(
            "SELECT 1 FROM assignments WHERE removed_at IS NULL LIMIT 1"
        ).fetchone()
        return row is not None

    def assigned_documents(self, annotator: str) -> list[int]:
        """The documents assigned to an annotator, in project order."""
        rows = self.conn.execute(
            "SELECT a.doc FROM assignments a JOIN documents d ON d.id = a.doc "
            "WHERE a.annotator = ? AND a.removed_at IS NULL ORDER BY d.position",
            (annotator,),
        ).fetchall()
        return [row[0] for row in rows]

    def put_assignment_rows(self, rows: Iterable[AssignmentRow]) -> None:
        """Write whole rows as they are (a new assignment, a removal, a merged version)."""
        rows = list(rows)
        if not rows:
            return
        with self.transaction():
            self._register_layers(sorted({row.annotator for row in rows}))
            self.conn.executemany(
                self.sql.upsert("assignments", ASSIGNMENT_COLUMNS, "doc, annotator"),
                rows,
            )

    def document_lengths(self) -> dict[int, int]:
        """Every document's length in characters, by id."""
        return dict(self.conn.execute("SELECT id, length(text) FROM documents").fetchall())

    def finished_documents(self) -> set[int]:
        """Documents some annotator (not the gold layer) marked done."""
        rows = self.conn.execute(
            "SELECT DISTINCT doc FROM status WHERE state = 'done' AND annotator != ?",
            (GOLD_ANNOTATOR,),
        ).fetchall()
        return {row[0] for row in rows}

    def layer_states_of(self, annotator: str) -> dict[int, Status]:
        """The documents an annotator has a layer in (a status row or a live span), and its
        state (a layer with spans and no status row is in progress)."""
        rows = self.conn.execute(
            """
            SELECT l.doc, COALESCE(st.state, 'in_progress')
            FROM (SELECT doc FROM status WHERE annotator = ?
                  UNION SELECT doc FROM spans WHERE annotator = ? AND deleted_at IS NULL) l
            LEFT JOIN status st ON st.doc = l.doc AND st.annotator = ?
            """,
            (annotator, annotator, annotator),
        ).fetchall()
        return {doc: stored_status(state) for doc, state in rows}

    def last_activity(self, annotator: str) -> str | None:
        """When an annotator last changed a span or a document's status (ISO-8601 UTC)."""
        row = self.conn.execute(
            "SELECT max(t) FROM (SELECT max(updated_at) AS t FROM spans WHERE annotator = ? "
            "UNION ALL SELECT max(updated_at) FROM status WHERE annotator = ?) AS latest",
            (annotator, annotator),
        ).fetchone()
        return row[0] if row and isinstance(row[0], str) else None

    def layer_versions(self, annotator: str) -> dict[int, tuple[int, int, str, str]]:
        """Per document of an annotator's layer: (span rows, tombstones, newest span change,
        state and its date) — what tells whether a merge changed their work there."""
        found: dict[int, tuple[int, int, str, str]] = {}
        for doc, rows, deleted, newest in self.conn.execute(
            "SELECT doc, COUNT(*), COUNT(deleted_at), max(updated_at) FROM spans "
            "WHERE annotator = ? GROUP BY doc",
            (annotator,),
        ):
            found[doc] = (rows, deleted, newest, "")
        for doc, state, updated in self.conn.execute(
            "SELECT doc, state, updated_at FROM status WHERE annotator = ?", (annotator,)
        ):
            rows, deleted, newest, _ = found.get(doc, (0, 0, "", ""))
            found[doc] = (rows, deleted, newest, f"{state} {updated}")
        return found

    # --- a handed-out copy ----------------------------------------------------------------

    def keep_only(self, annotator: str, order: Sequence[int]) -> None:
        """Make this file one annotator's copy: only the documents in ``order`` (in that
        order), only their layer on them, only their assignments, no gold and no review
        decisions; then give the space back (VACUUM).

        Only for a new copy nobody else has open, built under a hidden name: it is cut
        without a journal and without checking foreign keys (every table is cut to the same
        documents), the quickest way through a large project; the final VACUUM is synced to
        disk and the copy is left in WAL mode like every project.
        """
        for pragma in ("foreign_keys = OFF", "journal_mode = DELETE", "journal_mode = OFF",
                       "synchronous = OFF"):  # fmt: skip
            self.conn.execute(f"PRAGMA {pragma}")
        with self.transaction():
            self.conn.execute("CREATE TEMP TABLE keep (doc INTEGER PRIMARY KEY, pos INTEGER)")
            self.conn.executemany(
                "INSERT INTO keep (doc, pos) VALUES (?, ?)",
                [(doc, pos) for pos, doc in enumerate(order)],
            )
            kept = "(SELECT doc FROM temp.keep)"
            # Most span rows go: keeping the few and emptying the table (SQLite's truncation)
            # is many times quicker than deleting row by row.
            self.conn.execute(
                f"CREATE TEMP TABLE kept_spans AS SELECT * FROM spans WHERE annotator = ? "
                f"AND doc IN {kept}",
                (annotator,),
            )
            self.conn.execute(
                f"DELETE FROM relations WHERE annotator != ? OR doc NOT IN {kept}", (annotator,)
            )
            self.conn.execute("DELETE FROM spans")
            self.conn.execute("INSERT INTO spans SELECT * FROM temp.kept_spans")
            for table in ("status", "assignments", "suggestion_rejections"):
                self.conn.execute(
                    f"DELETE FROM {table} WHERE annotator != ? OR doc NOT IN {kept}",
                    (annotator,),
                )
            self.conn.execute(
                f"DELETE FROM suggestions WHERE annotator NOT IN ('', ?) OR doc NOT IN {kept}",
                (annotator,),
            )
            self.conn.execute("DELETE FROM assignments WHERE removed_at IS NOT NULL")
            self.conn.execute("DELETE FROM rejections")
            self.conn.execute("DELETE FROM relation_rejections")
            self.conn.execute(f"DELETE FROM tokens WHERE doc NOT IN {kept}")
            self.conn.execute(f"DELETE FROM documents_search WHERE rowid NOT IN {kept}")
            self.conn.execute(f"DELETE FROM documents WHERE id NOT IN {kept}")
            self.conn.execute("DELETE FROM annotators WHERE name != ?", (annotator,))
            self.conn.execute(
                "UPDATE documents SET position = (SELECT pos FROM temp.keep WHERE doc = id)"
            )
            self._set_meta("handed_to", annotator)
            self.conn.execute("DROP TABLE temp.keep")
            self.conn.execute("DROP TABLE temp.kept_spans")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    def backup_into(self, temp: Path) -> None:
        """Copy the whole project, as it is at this moment, into the new file ``temp`` with
        SQLite's backup API: one consistent snapshot, taken while other programs (the window)
        keep writing, and the write-ahead log's latest commits included."""
        dest = connect(temp, "rwc")
        try:
            self.conn.backup(dest)
        except sqlite3.Error as error:
            raise explain(error, temp) or error from None
        finally:
            dest.close()
