"""Pending suggestions and the strings an annotator rejected.

A suggestion is stored for one annotator's layer (``alama suggest --for NAME``) or for every
layer (annotator ``""``): a document, stored offsets, a label, the source that proposed it and
its score. Storing suggestions for documents replaces what those documents had from the same
sources. A rejection is kept per document and layer by the string's matching key and label.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from alama.core.errors import ProjectError
from alama.core.messages import Message

from .base import now
from .relations import RelationRows

if TYPE_CHECKING:  # core.suggest reads camel-tools' tables: not loaded to open a project
    from alama.core.suggest import Suggestion

EVERYONE = ""
"""The annotator of a suggestion stored for every layer."""

_COLUMNS = "doc, start_char, end_char, label, source, score"
_REJECTION_COLUMNS = "doc, annotator, phrase, label, rejected_at"


def _suggestion(row: Sequence[Any]) -> Suggestion:
    from alama.core.suggest import Suggestion

    doc, start, end, label, source, score = row
    if not (
        isinstance(doc, int)
        and isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start < end
        and isinstance(label, str)
        and isinstance(source, str)
        and isinstance(score, int | float)
    ):
        raise ProjectError(
            Message(
                "a suggestion in document %1 is damaged (the file was changed by another program)",
                repr(doc)[:20],
            )
        )
    return Suggestion(doc, start, end, label, source, float(score))


class SuggestionRows(RelationRows):
    """Reading and writing pending suggestions and rejections."""

    def put_suggestions(
        self,
        annotator: str,
        docs: Iterable[int],
        suggestions: Iterable[Suggestion],
        sources: Iterable[str],
    ) -> int:
        """Store ``suggestions`` for ``annotator`` (`EVERYONE`: every layer), replacing what the
        documents ``docs`` had from ``sources``, in one transaction; the number stored (a
        suggestion stored twice, by offsets, label and source, counts once)."""
        stamp = now()
        names = sorted(set(sources))
        marks = ", ".join("?" * len(names))
        with self.transaction():
            for doc in docs:
                self.conn.execute(
                    f"DELETE FROM suggestions WHERE doc = ? AND annotator = ? "
                    f"AND source IN ({marks})",
                    (doc, annotator, *names),
                )
            before = self.suggestion_count(annotator)
            self.conn.executemany(
                self.sql.upsert(
                    "suggestions",
                    "doc, annotator, start_char, end_char, label, source, score, created_at",
                    "doc, annotator, start_char, end_char, label, source",
                ),
                (
                    (s.doc, annotator, s.start, s.end, s.label, s.source, s.score, stamp)
                    for s in suggestions
                ),
            )
            return self.suggestion_count(annotator) - before

    def stored_suggestions(self, doc: int, annotator: str) -> list[Suggestion]:
        """The suggestions stored for this document and layer (and for every layer), by start."""
        rows = self.conn.execute(
            f"SELECT {_COLUMNS} FROM suggestions WHERE doc = ? AND annotator IN (?, ?) "
            "ORDER BY start_char, end_char, label, source",
            (doc, annotator, EVERYONE),
        ).fetchall()
        return [_suggestion(row) for row in rows]

    def suggestion_count(self, annotator: str | None = None) -> int:
        """How many suggestions are stored (for one annotator's layer as stored, if given)."""
        if annotator is None:
            row = self.conn.execute("SELECT count(*) FROM suggestions").fetchone()
        else:
            row = self.conn.execute(
                "SELECT count(*) FROM suggestions WHERE annotator = ?", (annotator,)
            ).fetchone()
        return int(row[0])

    def suggested_documents(self, annotator: str) -> dict[int, int]:
        """Per document, how many suggestions are stored for this layer (or every layer)."""
        rows = self.conn.execute(
            "SELECT doc, count(*) FROM suggestions WHERE annotator IN (?, ?) GROUP BY doc",
            (annotator, EVERYONE),
        ).fetchall()
        return {int(doc): int(count) for doc, count in rows}

    def clear_suggestions(self, annotator: str | None = None) -> int:
        """Remove the stored suggestions (of one layer as stored, if given); how many went."""
        with self.transaction():
            if annotator is None:
                cursor = self.conn.execute("DELETE FROM suggestions")
            else:
                cursor = self.conn.execute(
                    "DELETE FROM suggestions WHERE annotator = ?", (annotator,)
                )
            return int(cursor.rowcount)

    def rejected_phrases(self, doc: int, annotator: str) -> set[tuple[str, str]]:
        """The (matching key, label) pairs this layer rejected in this document."""
        rows = self.conn.execute(
            "SELECT phrase, label FROM suggestion_rejections WHERE doc = ? AND annotator = ?",
            (doc, annotator),
        ).fetchall()
        return {(str(phrase), str(label)) for phrase, label in rows}

    def set_phrase_rejected(
        self, doc: int, annotator: str, phrase: str, label: str, rejected: bool = True
    ) -> bool:
        """Record (or take back) that this layer rejected the string as ``label`` in this
        document; whether anything changed."""
        with self.transaction():
            if rejected:
                cursor = self.conn.execute(
                    self.sql.insert_ignore("suggestion_rejections", _REJECTION_COLUMNS),
                    (doc, annotator, phrase, label, now()),
                )
            else:
                cursor = self.conn.execute(
                    "DELETE FROM suggestion_rejections WHERE doc = ? AND annotator = ? "
                    "AND phrase = ? AND label = ?",
                    (doc, annotator, phrase, label),
                )
            return bool(cursor.rowcount)

    def origin_counts(self) -> dict[str, dict[str, int]]:
        """Per layer, how many live spans have each origin (``manual``, ``suggested:match``…)."""
        rows = self.conn.execute(
            "SELECT annotator, origin, count(*) FROM spans WHERE deleted_at IS NULL "
            "GROUP BY annotator, origin"
        ).fetchall()
        counts: dict[str, dict[str, int]] = {}
        for annotator, origin, count in rows:
            counts.setdefault(str(annotator), {})[str(origin)] = int(count)
        return counts

    def suggestion_rejection_rows(self) -> list[tuple[int, str, str, str, str]]:
        """Every rejection as stored: (document, annotator, phrase, label, when)."""
        rows = self.conn.execute(
            "SELECT doc, annotator, phrase, label, rejected_at FROM suggestion_rejections "
            f"WHERE {self.sql.is_integer('doc')} AND {self.sql.is_text('annotator')} "
            f"AND {self.sql.is_text('phrase')} AND {self.sql.is_text('label')} "
            f"AND {self.sql.is_text('rejected_at')}"
        ).fetchall()
        return [(int(d), str(a), str(p), str(lb), str(t)) for d, a, p, lb, t in rows]

    def put_suggestion_rejection_rows(self, rows: Iterable[tuple[int, str, str, str, str]]) -> int:
        """Add rejections the project lacks (a merge); how many were new."""
        with self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                self.sql.insert_ignore("suggestion_rejections", _REJECTION_COLUMNS),
                rows,
            )
            return int(self.conn.total_changes - before)
