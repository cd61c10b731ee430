"""Whole rows in and out of a project, as `alama merge` folds one project file into another.

Rows are read with their timestamps and tombstones and written back as they are: a merge never
makes a version of its own, so folding the same file in twice changes nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from alama.core.annotators import check_annotator
from alama.core.errors import ProjectError
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, Span

from .spans import (
    INSIDE_TEXT,
    LENGTHS,
    SPAN_COLUMNS,
    SPAN_PLACES,
    SpanRows,
    readable_span,
    span_from_row,
    span_to_row,
)

BATCH = 500
_MOST_ATTACHED = 9
"""Sources attached at once at most (SQLite allows ten databases besides the main one)."""


class StatusRow(NamedTuple):
    """A document's state for one layer, as stored."""

    doc: int
    annotator: str
    state: str
    updated_at: str


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


@dataclass
class StagedSpans:
    """The staged spans of a source (`SyncRows.stage`), counted in one pass."""

    staged: int = 0
    new: dict[str, int] = field(default_factory=dict)
    """Layer → how many spans the target lacks, to be written in SQL (`put_staged`)."""
    wrong: bool = False
    """Whether one of the new spans is dated in the future or has a label the target lacks."""
    conflicts: int = 0
    """Spans whose id the target has for another document or layer."""
    compared: int = 0
    """Spans to compare in Python (`staged_pairs`)."""


class SyncRows(SpanRows):
    """Every stored version, and writing versions that won a merge."""

    _may_attach = False
    _attached: list[str] = []  # noqa: RUF012 (replaced, never changed in place)

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
            "SELECT d.id, d.hash, length(d.text), instr(CAST(d.text AS BLOB), x'00') > 0, "
            "t.tokenizer, typeof(d.text) = 'text' FROM documents d "
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
            f"WHERE {INSIDE_TEXT.format(length='n')} ORDER BY doc, id"
        )
        while batch := cursor.fetchmany(2000):
            yield from (span_from_row(row) for row in batch)

    def spans_outside_text(self) -> int:
        """How many stored spans lie outside their document's text or are otherwise unreadable
        (an offset of 1.5, a BLOB for a label: a file changed by hand): what `all_spans` leaves
        out, for a merge to say so."""
        row = self.conn.execute(
            f"{LENGTHS}SELECT count(*) FROM spans s LEFT JOIN lengths ON document = s.doc "
            f"WHERE n IS NULL OR NOT ({readable_span('n', 's.')})"
        ).fetchone()
        return int(row[0])

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

    def status_rows(self) -> list[StatusRow]:
        """Every layer's status row."""
        return [StatusRow(*row) for row in self.conn.execute(_STATUS_ROWS)]

    def put_status_rows(self, rows: list[StatusRow]) -> None:
        """Write status rows as they are."""
        self._register_layers(sorted({row.annotator for row in rows}))
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO status (doc, annotator, state, updated_at) "
                "VALUES (?, ?, ?, ?)",
                rows,
            )

    def rejection_rows(self) -> list[RejectionRow]:
        """Every reviewer decision on a candidate span, taken back or not (but none whose
        label, reviewer or time is not text: a file changed by hand)."""
        rows = self.conn.execute(
            "SELECT doc, start_char, end_char, label, rejected, reviewer, updated_at "
            "FROM rejections WHERE typeof(label) = 'text' AND typeof(reviewer) = 'text' "
            "AND typeof(updated_at) = 'text' AND typeof(rejected) = 'integer'"
        )
        return [RejectionRow(*row) for row in rows]

    def put_rejection_rows(self, rows: list[RejectionRow]) -> None:
        """Write reviewer decisions as they are."""
        with self.transaction():
            self.conn.executemany(
                "INSERT OR REPLACE INTO rejections (doc, start_char, end_char, label, rejected, "
                "reviewer, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows,
            )

    # --- a source staged in the target, compared in SQL (a merge of 600,000 spans) -----------

    def readable_span_batches(self) -> Iterator[list[tuple[Any, ...]]]:
        """Every readable span row (`all_spans`'s rows, not made into `Span`s), in batches, in
        the order they are stored."""
        cursor = self.conn.execute(
            f"{LENGTHS}SELECT {SPAN_COLUMNS} FROM spans JOIN lengths ON document = doc "
            f"WHERE {INSIDE_TEXT.format(length='n')}"
        )
        while batch := cursor.fetchmany(5000):
            yield batch

    def span_total(self) -> int:
        """How many span rows there are, readable or not."""
        return int(self.conn.execute("SELECT count(*) FROM spans").fetchone()[0])

    def status_row_batches(self) -> Iterator[list[StatusRow]]:
        """`status_rows`, in batches."""
        cursor = self.conn.execute(_STATUS_ROWS)
        while batch := cursor.fetchmany(5000):
            yield [StatusRow(*row) for row in batch]

    def stage(self, documents: Iterable[tuple[int, int, int]], source: SyncRows) -> None:
        """Copy a source's readable spans and its status rows into temporary tables beside the
        target's (the caller holds the transaction); ``documents``: (source id, target id,
        length). Read in SQL where the source can be attached (`reading_sources`), else through
        Python in batches."""
        self.unstage()
        self.conn.execute(_STAGING[0])
        self.conn.executemany("INSERT INTO temp.merge_docs VALUES (?, ?, ?)", documents)
        schema = self._attach(source)
        if schema is not None:  # views of the source's tables: read where they are
            readable = INSIDE_TEXT.format(length="n")  # its texts' lengths as staged
            unreadable = self.conn.execute(
                f"SELECT 1 FROM {schema}.spans JOIN temp.merge_docs ON src = doc "
                f"WHERE NOT ({readable}) LIMIT 1"
            ).fetchone()
            self.conn.execute(  # checked again at each reading only if some row needs it
                f"CREATE TEMP VIEW merge_spans AS SELECT {SPAN_COLUMNS} FROM {schema}.spans "
                f"JOIN temp.merge_docs ON src = doc WHERE {readable if unreadable else 1}"
            )
            self.conn.execute(
                "CREATE TEMP VIEW merge_status AS "
                + _STATUS_ROWS.replace("SELECT ", "SELECT rowid AS position, ", 1).replace(
                    "FROM status", f"FROM {schema}.status"
                )
            )
            return
        for sql in _STAGING[1:]:
            self.conn.execute(sql)
        for batch in source.readable_span_batches():
            self.conn.executemany(f"INSERT INTO temp.merge_spans VALUES ({SPAN_PLACES})", batch)
        for rows in source.status_row_batches():
            self.conn.executemany("INSERT INTO temp.merge_status VALUES (NULL, ?, ?, ?, ?)", rows)

    @contextmanager
    def reading_sources(self) -> Iterator[None]:
        """Around a merge's transaction: its sources may be attached to this connection, to be
        read in SQL, only when no outer transaction holds it (a file can be detached only after
        the transaction ends, and a source's reader must be the last to close it)."""
        self._may_attach = not self.conn.in_transaction
        try:
            yield
        finally:
            self._may_attach = False
            for name in self._attached:
                with suppress(sqlite3.Error):
                    self.conn.execute(f"DETACH DATABASE {name}")
            self._attached = []

    def _attach(self, source: SyncRows) -> str | None:
        """Attach the source's file (as its reader reads it: not a copy upgraded in memory), or
        None: it is read through Python."""
        if not self._may_attach or len(self._attached) >= _MOST_ATTACHED:
            return None
        files = {name: file for _, name, file in source.conn.execute("PRAGMA database_list")}
        if not files.get("main"):
            return None
        name = f"merge_source_{len(self._attached)}"
        try:
            self.conn.execute(
                f"ATTACH DATABASE ? AS {name}", (f"{Path(files['main']).as_uri()}?mode=ro",)
            )
        except sqlite3.Error:
            return None
        self._attached.append(name)
        return name

    def unstage(self) -> None:
        """Drop what `stage` made."""
        for kind, name in self.conn.execute(
            "SELECT type, name FROM temp.sqlite_master WHERE name IN "
            "('merge_docs', 'merge_spans', 'merge_status') AND type IN ('table', 'view')"
        ).fetchall():
            self.conn.execute(f"DROP {kind.upper()} temp.{name}")

    def staged_conflict(self) -> str | None:
        """The first staged span whose id this project has for another document or layer."""
        row = self.conn.execute(
            f"SELECT s.id {_STAGED_SPANS} WHERE {_CONFLICT} ORDER BY s.doc, s.id LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def staged_pairs(self) -> Iterator[tuple[int, Span, Span | None]]:
        """(source document, the staged version on the target's document, the target's version)
        of the spans compared in Python: those the target has otherwise, and new ones with
        annotators who agreed (whose list is written as Alama writes it); in (doc, id) order."""
        columns = ", ".join(f"t.{column}" for column in SPAN_COLUMNS.split(", "))
        cursor = self.conn.execute(
            f"SELECT s.doc, m.dst, {_S_COLUMNS}, {columns} {_STAGED_SPANS} "
            f"WHERE {_COMPARED} ORDER BY s.doc, s.id"
        )
        for row in cursor:
            theirs = span_from_row(row[2:14])
            theirs.doc = row[1]
            yield row[0], theirs, None if row[14] is None else span_from_row(row[14:])

    def staged_summary(self, latest: str) -> StagedSpans:
        """What the staged spans hold, in one pass (see `StagedSpans`); new spans dated after
        ``latest`` or of a label the target lacks are "wrong" (their offsets were checked as
        they were staged, against the same text)."""
        summary = StagedSpans()
        for name, total, new, wrong, conflicts, compared in self.conn.execute(
            f"SELECT s.annotator, count(*), sum({_NEW}), max({_NEW} AND {_BAD_NEW}), "
            f"sum({_CONFLICT}), sum({_COMPARED}) {_STAGED_SPANS} GROUP BY s.annotator",
            (latest,),
        ):
            summary.staged += total
            if new:
                summary.new[name] = new
            summary.wrong = summary.wrong or bool(wrong)
            summary.conflicts += conflicts
            summary.compared += compared
        return summary

    def first_bad_staged_span(
        self, latest: str, bad_names: Sequence[str]
    ) -> tuple[int, Span] | None:
        """The first new staged span (in (doc, id) order) dated after ``latest``, outside its
        text, of a label the target lacks or of a layer in ``bad_names``: (source doc, span)."""
        names = ", ".join("?" * len(bad_names))
        row = self.conn.execute(
            f"SELECT s.doc, m.dst, {_S_COLUMNS} {_STAGED_SPANS} WHERE {_NEW} AND ({_BAD_NEW} "
            f"OR NOT ({readable_span('m.n', 's.')}) OR s.annotator IN ({names})) "
            "ORDER BY s.doc, s.id LIMIT 1",
            (latest, *bad_names),
        ).fetchone()
        if row is None:
            return None
        span = span_from_row(row[2:])
        span.doc = row[1]
        return row[0], span

    def staged_missing_document(self) -> int | None:
        """A staged status row's document that the source does not hold (a damaged file)."""
        row = self.conn.execute(
            "SELECT s.doc FROM temp.merge_status s LEFT JOIN temp.merge_docs m ON m.src = s.doc "
            "WHERE m.src IS NULL ORDER BY s.position LIMIT 1"
        ).fetchone()
        return None if row is None else int(row[0])

    def staged_statuses(self) -> dict[str, int]:
        """Layer → how many staged status rows are newer than the target's."""
        return dict(
            self.conn.execute(
                f"SELECT s.annotator, count(*) {_STAGED_STATUS} GROUP BY s.annotator"
            ).fetchall()
        )

    def first_bad_staged_status(self, latest: str, bad_names: Sequence[str]) -> StatusRow | None:
        """The first newer staged status (in the source's order) dated after ``latest`` or of a
        layer in ``bad_names``, on the target's document."""
        names = ", ".join("?" * len(bad_names))
        row = self.conn.execute(
            f"SELECT m.dst, s.annotator, s.state, s.updated_at {_STAGED_STATUS} "
            f"AND (s.updated_at > ? OR s.annotator IN ({names})) ORDER BY s.position LIMIT 1",
            (latest, *bad_names),
        ).fetchone()
        return None if row is None else StatusRow(*row)

    def put_staged(self, layers: Sequence[str]) -> None:
        """Write the staged new spans and newer statuses of these layers (names checked)."""
        self._register_layers(list(layers))
        names = ", ".join("?" * len(layers))
        with self.transaction():
            self.conn.execute(  # OR IGNORE: the ids the target has (not joined: see `_NEW`)
                f"INSERT OR IGNORE INTO main.spans ({SPAN_COLUMNS}) SELECT s.id, m.dst, "
                f"{_S_COLUMNS.split(', ', 2)[2]} FROM temp.merge_spans s JOIN temp.merge_docs m "
                f"ON m.src = s.doc WHERE s.agreed IS '[]' AND s.annotator IN ({names})",
                list(layers),
            )
            self.conn.execute(
                "INSERT OR REPLACE INTO main.status (doc, annotator, state, updated_at) "
                f"SELECT m.dst, s.annotator, s.state, s.updated_at {_STAGED_STATUS} "
                f"AND s.annotator IN ({names}) ORDER BY s.position",
                list(layers),
            )
        self.unstage()


_STATUS_ROWS = (
    "SELECT doc, annotator, state, updated_at FROM status "
    "WHERE state IN ('in_progress', 'done')"  # none other, unless changed by hand
    " AND typeof(annotator) = 'text' AND typeof(updated_at) = 'text'"
)
_STAGING = (
    "CREATE TEMP TABLE merge_docs (src INTEGER PRIMARY KEY, dst INTEGER NOT NULL, n INTEGER)",
    f"CREATE TEMP TABLE merge_spans ({SPAN_COLUMNS})",
    "CREATE TEMP TABLE merge_status (position INTEGER PRIMARY KEY, doc, annotator, state, "
    "updated_at)",
)
_S_COLUMNS = ", ".join(f"s.{column}" for column in SPAN_COLUMNS.split(", "))
_STAGED_SPANS = (
    "FROM temp.merge_spans s JOIN temp.merge_docs m ON m.src = s.doc "
    "LEFT JOIN main.spans t ON t.id = s.id"
)
_NEW = "t.id IS NULL AND s.agreed IS '[]'"
"""A staged span the target lacks, written as it is (no list of who agreed to rewrite). They
are written with INSERT OR IGNORE rather than joined with the target's spans as they are
written (SQLite would copy the whole selection first): the ids the target has are its own
versions, or the newer ones just written from Python (`staged_pairs`)."""
_BAD_NEW = (
    "(max(s.created_at, s.updated_at, coalesce(s.deleted_at, '')) > ? "
    "OR s.label NOT IN (SELECT key FROM main.labels))"
)
_SAME = "(t.doc IS m.dst AND " + " AND ".join(
    f"t.{column} IS s.{column}" for column in SPAN_COLUMNS.split(", ")[2:]
) + ")"  # fmt: skip
_CONFLICT = "(t.id IS NOT NULL AND (t.doc IS NOT m.dst OR t.annotator IS NOT s.annotator))"
_COMPARED = f"((t.id IS NULL AND s.agreed IS NOT '[]') OR (t.id IS NOT NULL AND NOT {_SAME}))"
_STAGED_STATUS = (
    "FROM temp.merge_status s JOIN temp.merge_docs m ON m.src = s.doc "
    "LEFT JOIN main.status t ON t.doc = m.dst AND t.annotator = s.annotator "
    "AND t.state IN ('in_progress', 'done') AND typeof(t.annotator) = 'text' "
    "AND typeof(t.updated_at) = 'text' "
    "WHERE (t.doc IS NULL OR (s.updated_at, s.state) > (t.updated_at, t.state))"
)
