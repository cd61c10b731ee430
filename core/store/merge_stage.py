"""A merge source staged beside the target's tables and compared with them in SQL.

`alama merge` of three copies of 10,000 documents compares 600,000 spans. A source's spans and
statuses are read where they are (the source file attached to the target's connection, seen
through temporary views) or, where it cannot be attached, copied into temporary tables through
Python in batches; the new spans are written by one INSERT, and only the spans the target has
otherwise come into Python (`staged_pairs`) to be compared version by version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from alama.core.model import Span

from .spans import INSIDE_TEXT, SPAN_COLUMNS, SPAN_PLACES, SpanRows, readable_span, span_from_row

MOST_ATTACHED = 9
"""Sources attached at once at most (SQLite allows ten databases besides the main one)."""


class StatusRow(NamedTuple):
    """A document's state for one layer, as stored."""

    doc: int
    annotator: str
    state: str
    updated_at: str


class Source(Protocol):
    """What staging reads of a source project."""

    conn: sqlite3.Connection

    def readable_span_batches(self) -> Iterator[list[tuple[Any, ...]]]: ...

    def status_row_batches(self) -> Iterator[list[StatusRow]]: ...


@dataclass
class StagedSpans:
    """The staged spans of a source (`MergeStage.stage`), once the new ones are written."""

    staged: int = 0
    new: dict[str, int] = field(default_factory=dict)
    """Layer → how many spans the target lacked (written by `write_staged`, or not: of a layer
    not taken, or refused)."""
    wrong: bool = False
    """Whether one of the new spans is dated in the future or has a label the target lacks."""
    conflicts: int = 0
    """Spans whose id the target has for another document or layer."""
    compared: int = 0
    """Spans to compare in Python (`staged_pairs`)."""


class MergeStage(SpanRows):
    """Staging a source in the target and comparing it there."""

    _may_attach = False
    _attached: list[str] = []  # noqa: RUF012 (replaced, never changed in place)
    _mark = 0
    """The largest span rowid before the staged new spans were written."""
    _staged = 0

    def stage(self, documents: Iterable[tuple[int, int, int]], source: Source) -> int:
        """Put a source's readable spans and its status rows beside the target's tables (the
        caller holds the transaction); ``documents``: (source id, target id, length). Read in
        SQL where the source can be attached (`reading_sources`), else copied through Python
        in batches. Returns how many spans are staged."""
        self.unstage()
        self.conn.execute(_STAGING[0])
        self.conn.executemany("INSERT INTO temp.merge_docs VALUES (?, ?, ?)", documents)
        schema = self._attach(source)
        if schema is not None:  # views of the source's tables: read where they are
            readable = INSIDE_TEXT.format(length="n")  # its texts' lengths as staged
            total, unreadable = self.conn.execute(
                f"SELECT count(*), count(*) FILTER (WHERE NOT ({readable})) FROM {schema}.spans "
                "JOIN temp.merge_docs ON src = doc"
            ).fetchone()
            self.conn.execute(  # checked again at each reading only if some row needs it
                f"CREATE TEMP VIEW merge_spans AS SELECT {SPAN_COLUMNS} FROM {schema}.spans "
                f"JOIN temp.merge_docs ON src = doc WHERE {readable if unreadable else 1}"
            )
            self.conn.execute(
                "CREATE TEMP VIEW merge_status AS "
                + STATUS_ROWS.replace("SELECT ", "SELECT rowid AS position, ", 1).replace(
                    "FROM status", f"FROM {schema}.status"
                )
            )
            self._staged = int(total - unreadable)
        else:
            for sql in _STAGING[1:]:
                self.conn.execute(sql)
            self._staged = 0
            for batch in source.readable_span_batches():
                self.conn.executemany(f"INSERT INTO temp.merge_spans VALUES ({SPAN_PLACES})", batch)
                self._staged += len(batch)
            for rows in source.status_row_batches():
                self.conn.executemany(
                    "INSERT INTO temp.merge_status VALUES (NULL, ?, ?, ?, ?)", rows
                )
        self._mark = int(
            self.conn.execute("SELECT coalesce(max(rowid), 0) FROM spans").fetchone()[0]
        )
        return self._staged

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

    def _attach(self, source: Source) -> str | None:
        """Attach the source's file (as its reader reads it: not a copy upgraded in memory), or
        None: it is read through Python."""
        if not self._may_attach or len(self._attached) >= MOST_ATTACHED:
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

    def staged_names(self) -> list[str]:
        """The layers of the staged spans."""
        return [row[0] for row in self.conn.execute(
            "SELECT DISTINCT annotator FROM temp.merge_spans WHERE typeof(annotator) = 'text'"
        )]  # fmt: skip

    def write_staged(self, layers: Sequence[str], latest: str) -> StagedSpans:
        """Write the staged spans of these layers (names checked) that the target lacks, as they
        are (not those with a list of who agreed: `staged_pairs` rewrites it), before they are
        compared, in one statement: a source then refused is undone with the caller's
        transaction. Returns what the staged spans hold (see `StagedSpans`); new spans dated
        after ``latest`` or of a label the target lacks are "wrong" (their offsets were checked
        as they were staged, against the same text)."""
        names = ", ".join("?" * len(layers))
        known = {row[0] for row in self.conn.execute(
            f"SELECT name FROM annotators WHERE name IN ({names})", list(layers)
        )}  # fmt: skip
        self._register_layers(list(layers))
        written = self.conn.execute(  # OR IGNORE: the ids the target has, compared later
            f"INSERT OR IGNORE INTO main.spans ({SPAN_COLUMNS}) SELECT s.id, m.dst, "
            f"{_S_COLUMNS.split(', ', 2)[2]} FROM temp.merge_spans s JOIN temp.merge_docs m "
            f"ON m.src = s.doc WHERE s.agreed IS '[]' AND s.annotator IN ({names})",
            list(layers),
        ).rowcount
        summary = StagedSpans(self._staged)
        if written == self._staged:  # every one was new, and written: counted where it is now
            counted = ", ".join(["count(*) FILTER (WHERE annotator = ?)"] * len(layers))
            found = self.conn.execute(
                f"SELECT max({_BAD_NEW.replace('s.', '')}), {counted or 0} "
                "FROM main.spans WHERE rowid > ?",
                (latest, *layers, self._mark),
            ).fetchone()
            rows: list[tuple[Any, ...]] = [
                (n, k, found[0], 0, 0) for n, k in zip(layers, found[1:], strict=False)
            ]
        else:
            new = _NEW.format(mark=self._mark)
            rows = self.conn.execute(
                f"SELECT s.annotator, sum({new}), max({new} AND {_BAD_NEW}), "
                f"sum({_CONFLICT.format(mark=self._mark)}), "
                f"sum({_COMPARED.format(mark=self._mark)}) {_STAGED_SPANS} GROUP BY s.annotator",
                (latest,),
            ).fetchall()
        for name, new_spans, wrong, conflicts, compared in rows:
            if new_spans:
                summary.new[name] = new_spans
            summary.wrong = summary.wrong or bool(wrong)
            summary.conflicts += conflicts
            summary.compared += compared
        used = set(summary.new)
        if written != self._staged:
            used = {row[0] for row in self.conn.execute(
                "SELECT DISTINCT annotator FROM spans WHERE rowid > ?", (self._mark,)
            )}  # fmt: skip
        unused = [name for name in layers if name not in known and name not in used]
        self.conn.executemany(  # registered for nothing: as if never (statuses register again)
            "DELETE FROM annotators WHERE name = ?", [(name,) for name in unused]
        )
        return summary

    def staged_conflict(self) -> str | None:
        """The first staged span whose id this project has for another document or layer."""
        row = self.conn.execute(
            f"SELECT s.id {_STAGED_SPANS} WHERE {_CONFLICT.format(mark=self._mark)} "
            "ORDER BY s.doc, s.id LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def staged_pairs(self) -> Iterator[tuple[int, Span, Span | None]]:
        """(source document, the staged version on the target's document, the target's version)
        of the spans compared in Python: those the target has otherwise, and new ones with
        annotators who agreed (whose list is written as Alama writes it); in (doc, id) order."""
        columns = ", ".join(f"t.{column}" for column in SPAN_COLUMNS.split(", "))
        cursor = self.conn.execute(
            f"SELECT s.doc, m.dst, {_S_COLUMNS}, {columns} {_STAGED_SPANS} "
            f"WHERE {_COMPARED.format(mark=self._mark)} ORDER BY s.doc, s.id"
        )
        for row in cursor:
            theirs = span_from_row(row[2:14])
            theirs.doc = row[1]
            yield row[0], theirs, None if row[14] is None else span_from_row(row[14:])

    def first_bad_staged_span(
        self, latest: str, bad_names: Sequence[str]
    ) -> tuple[int, Span] | None:
        """The first new staged span (in (doc, id) order) dated after ``latest``, outside its
        text, of a label the target lacks or of a layer in ``bad_names``: (source doc, span)."""
        names = ", ".join("?" * len(bad_names))
        row = self.conn.execute(
            f"SELECT s.doc, m.dst, {_S_COLUMNS} {_STAGED_SPANS} "
            f"WHERE {_NEW.format(mark=self._mark)} AND ({_BAD_NEW} "
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
        """Write the staged newer statuses of these layers (names checked), and drop the stage."""
        self._register_layers(list(layers))
        names = ", ".join("?" * len(layers))
        with self.transaction():
            self.conn.execute(
                "INSERT OR REPLACE INTO main.status (doc, annotator, state, updated_at) "
                f"SELECT m.dst, s.annotator, s.state, s.updated_at {_STAGED_STATUS} "
                f"AND s.annotator IN ({names}) ORDER BY s.position",
                list(layers),
            )
        self.unstage()


STATUS_ROWS = (
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
_NEW = "((t.id IS NULL OR t.rowid > {mark}) AND s.agreed IS '[]')"
"""A staged span the target lacked: not there, or written from the stage (`write_staged`)."""
_BAD_NEW = (
    "(max(s.created_at, s.updated_at, coalesce(s.deleted_at, '')) > ? "
    "OR s.label NOT IN (SELECT key FROM main.labels))"
)
_SAME = "(t.doc IS m.dst AND " + " AND ".join(
    f"t.{column} IS s.{column}" for column in SPAN_COLUMNS.split(", ")[2:]
) + ")"  # fmt: skip
_CONFLICT = (
    "(t.id IS NOT NULL AND t.rowid <= {mark} "
    "AND (t.doc IS NOT m.dst OR t.annotator IS NOT s.annotator))"
)
_COMPARED = (
    "((t.id IS NULL AND s.agreed IS NOT '[]') "
    f"OR (t.id IS NOT NULL AND t.rowid <= {{mark}} AND NOT {_SAME}))"
)
_STAGED_STATUS = (
    "FROM temp.merge_status s JOIN temp.merge_docs m ON m.src = s.doc "
    "LEFT JOIN main.status t ON t.doc = m.dst AND t.annotator = s.annotator "
    "AND t.state IN ('in_progress', 'done') AND typeof(t.annotator) = 'text' "
    "AND typeof(t.updated_at) = 'text' "
    "WHERE (t.doc IS NULL OR (s.updated_at, s.state) > (t.updated_at, t.state))"
)
