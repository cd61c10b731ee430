"""Whole rows in and out of a project, as `alama merge` folds one project file into another.

Rows are read with their timestamps and tombstones and written back as they are: a merge never
makes a version of its own, so folding the same file in twice changes nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from alama.core.annotators import check_annotator
from alama.core.errors import ProjectError
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, Span

from .merge_stage import MergeStage, StatusRow

__all__ = ["BATCH", "RejectionRow", "StatusRow", "SyncRows", "stored_text"]
from .spans import (
    LENGTHS,
    SPAN_COLUMNS,
    SPAN_PLACES,
    STATUS_COLUMNS,
    span_from_row,
    span_to_row,
)

BATCH = 500


class RejectionRow(NamedTuple):
    """A reviewer's decision on a candidate span, as stored."""

    doc: int
    start: int
    end: int
    label: str
    rejected: int
    reviewer: str
    updated_at: str


def stored_text(value: object) -> str:
    """A column Alama writes as text, as stored; what another program wrote there instead (a
    BLOB, a number) reads as text rather than stopping an export, a merge or review."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


class SyncRows(MergeStage):
    """Every stored version, and writing versions that won a merge."""

    def _readable_document(self, row: Sequence[Any]) -> tuple[int, str, str, str, str, str, int]:
        """(id, doc_id, title, text, hash, source, position) of a stored document, each of the
        type Alama writes; a text that is not text (a file changed by hand) is refused in one
        line, since its offsets could not be trusted."""
        doc, doc_id, title, text, digest, source, position = row[:7]
        if not isinstance(text, str):
            raise ProjectError(
                Message(
                    "%1 is damaged: the text of document %2 is not text (the file was changed "
                    "by another program)",
                    self.path,
                    doc,
                )
            )
        named = stored_text(doc_id), stored_text(title)
        return (doc, *named, text, stored_text(digest), stored_text(source), position)

    def document_hashes(self) -> dict[str, int]:
        """Every document's content hash → its id in this project."""
        return dict(self.conn.execute("SELECT hash, id FROM documents").fetchall())

    def ids_of_hashes(self, hashes: Sequence[str]) -> dict[str, int]:
        """The id of each of these content hashes that a document of this project has."""
        return dict(self._chunked("SELECT hash, id FROM documents WHERE hash IN", hashes))

    def document_keys(self) -> Iterator[tuple[int, str, int, bool, str | None]]:
        """(id, content hash, length, whether the text holds a NUL, the tokenizer of its stored
        tokens) of every document in project order: what a merge needs of a document that the
        target has, without reading its text into Python. A text that is not text (a file
        changed by hand) is refused in one line, as every reader of documents refuses it."""
        cursor = self.conn.execute(
            f"SELECT d.id, d.hash, length(d.text), {self.sql.has_nul('d.text')}, "
            f"t.tokenizer, {self.sql.is_text('d.text')} FROM documents d "
            "LEFT JOIN tokens t ON t.doc = d.id ORDER BY d.position"
        )
        while batch := cursor.fetchmany(500):
            for doc, digest, length, nul, tokenizer, is_text in batch:
                if not is_text:
                    self._readable_document(
                        self.conn.execute(
                            "SELECT id, doc_id, title, text, hash, source, position FROM documents "
                            "WHERE id = ?",
                            (doc,),
                        ).fetchone()
                    )
                named = tokenizer if isinstance(tokenizer, str) else None
                yield doc, stored_text(digest), length, bool(nul), named

    def all_spans(self) -> Iterator[Span]:
        """Every span, live or deleted (but none outside its document's text)."""
        cursor = self.conn.execute(
            f"{LENGTHS}SELECT {SPAN_COLUMNS} FROM spans JOIN lengths ON document = doc "
            f"WHERE {self.sql.inside_text.format(length='n')} ORDER BY doc, id"
        )
        while batch := cursor.fetchmany(2000):
            yield from (span_from_row(row) for row in batch)

    def spans_by_id(self, ids: Iterable[str]) -> dict[str, Span]:
        """The stored version of each of these span ids that this project has."""
        wanted = list(ids)
        found: dict[str, Span] = {}
        for at in range(0, len(wanted), BATCH):
            chunk = wanted[at : at + BATCH]
            rows = self.conn.execute(
                f"SELECT {SPAN_COLUMNS} FROM spans WHERE id IN ({', '.join('?' * len(chunk))})",
                chunk,
            )
            found.update((row[0], span_from_row(row)) for row in rows)
        return found

    def put_spans(self, spans: list[Span]) -> None:
        """Write these versions of spans as they are, replacing older versions of the same ids."""
        layers = sorted({sp.annotator for sp in spans})
        self._register_layers(
            [name if name == GOLD_ANNOTATOR else check_annotator(name) for name in layers]
        )
        columns = SPAN_COLUMNS.split(", ")
        updates = ", ".join(f"{column} = excluded.{column}" for column in columns[1:])
        with self.transaction():
            self.conn.executemany(
                f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_PLACES}) "
                f"ON CONFLICT (id) DO UPDATE SET {updates}",
                [span_to_row(sp) for sp in spans],
            )

    def _status_rows_sql(self) -> str:
        """`STATUS_ROWS` in this connection's dialect."""
        return (
            "SELECT doc, annotator, state, updated_at FROM status "
            "WHERE state IN ('in_progress', 'done')"
            f" AND {self.sql.is_text('annotator')} AND {self.sql.is_text('updated_at')}"
        )

    def status_rows(self) -> list[StatusRow]:
        """Every layer's status row."""
        return [StatusRow(*row) for row in self.conn.execute(self._status_rows_sql())]

    def put_status_rows(self, rows: list[StatusRow]) -> None:
        """Write status rows as they are."""
        self._register_layers(sorted({row.annotator for row in rows}))
        with self.transaction():
            self.conn.executemany(
                self.sql.upsert("status", STATUS_COLUMNS, "doc, annotator"),
                rows,
            )

    def rejection_rows(self) -> list[RejectionRow]:
        """Every reviewer decision on a candidate span, taken back or not (but none whose
        label, reviewer or time is not text: a file changed by hand)."""
        rows = self.conn.execute(
            "SELECT doc, start_char, end_char, label, rejected, reviewer, updated_at "
            f"FROM rejections WHERE {self.sql.is_text('label')} AND {self.sql.is_text('reviewer')} "
            f"AND {self.sql.is_text('updated_at')} AND {self.sql.is_integer('rejected')}"
        )
        return [RejectionRow(*row) for row in rows]

    def put_rejection_rows(self, rows: list[RejectionRow]) -> None:
        """Write reviewer decisions as they are."""
        with self.transaction():
            self.conn.executemany(
                self.sql.upsert(
                    "rejections",
                    "doc, start_char, end_char, label, rejected, reviewer, updated_at",
                    "doc, start_char, end_char, label",
                ),
                rows,
            )

    # --- a source staged in the target, compared in SQL (a merge of 600,000 spans) -----------

    def readable_span_batches(self) -> Iterator[list[tuple[Any, ...]]]:
        """Every readable span row (`all_spans`'s rows, not made into `Span`s), in batches, in
        the order they are stored."""
        cursor = self.conn.execute(
            f"{LENGTHS}SELECT {SPAN_COLUMNS} FROM spans JOIN lengths ON document = doc "
            f"WHERE {self.sql.inside_text.format(length='n')}"
        )
        while batch := cursor.fetchmany(5000):
            yield batch

    def span_total(self) -> int:
        """How many span rows there are, readable or not."""
        return int(self.conn.execute("SELECT count(*) FROM spans").fetchone()[0])

    def status_row_batches(self) -> Iterator[list[StatusRow]]:
        """`status_rows`, in batches."""
        cursor = self.conn.execute(self._status_rows_sql())
        while batch := cursor.fetchmany(5000):
            yield [StatusRow(*row) for row in batch]
