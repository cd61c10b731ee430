"""Spans: every annotator's layer, the gold layer written in review, and rejected candidates.

Roles are kept here as well as in the window: the gold layer is written only with a reviewer's
name, and no annotator can take the gold layer's name (`check_annotator`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice, repeat
from typing import Any

from alama.core.annotators import check_annotator
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Origin, Span, new_span_id

from .base import Connection, now
from .dialect import INSIDE_TEXT, INTEGER_OFFSETS, KEYS_READABLE, readable_span

__all__ = [
    "INSIDE_TEXT",
    "INTEGER_OFFSETS",
    "KEYS_READABLE",
    "LENGTHS",
    "SPAN_COLUMNS",
    "SPAN_PLACES",
    "SpanRows",
    "readable_span",
    "span_from_row",
    "span_to_row",
    "stored_agreed",
]

SPAN_COLUMNS = (
    "id, doc, annotator, start_char, end_char, label, origin, created_at, updated_at, deleted_at, "
    "reviewer, agreed"
)
SPAN_PLACES = ", ".join("?" * 12)
STATUS_COLUMNS = "doc, annotator, state, updated_at"


LENGTHS = "WITH lengths (document, n) AS MATERIALIZED (SELECT id, length(text) FROM documents) "
"""Each document's length, computed once for a query over many documents' spans."""


def span_from_row(row: tuple[Any, ...]) -> Span:
    """A `Span` from a row of `SPAN_COLUMNS`."""
    key, doc, who, start, end, label, origin, created, updated, deleted, reviewer, agreed = row[:12]
    agreed = () if agreed == "[]" else stored_agreed(agreed)
    return Span(
        key, doc, who, start, end, label, origin, created, updated, deleted, reviewer, agreed
    )


def stored_agreed(raw: object) -> tuple[str, ...]:
    """Who agreed on a gold span, as stored; what is not a JSON list of names (a file changed by
    hand) reads as nobody rather than stopping an export, a merge or review."""
    try:
        names = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        return ()
    if not isinstance(names, list):
        return ()
    return tuple(name for name in names if isinstance(name, str))


def span_to_row(span: Span) -> tuple[Any, ...]:
    """The row of `SPAN_COLUMNS` that stores a `Span`."""
    return (
        span.id, span.doc, span.annotator, span.start, span.end, span.label, span.origin,
        span.created_at, span.updated_at, span.deleted_at, span.reviewer,
        json.dumps(list(span.agreed), ensure_ascii=False),
    )  # fmt: skip


def _sql_text(value: str) -> str:
    """A string as an SQL literal."""
    return "'" + value.replace("'", "''") + "'"


class SpanRows(Connection):
    """Reading and writing spans."""

    def spans(self, doc: int, annotator: str | None = None) -> list[Span]:
        """Live spans of a document (one layer, or every layer), in reading order."""
        length = "(SELECT length(text) FROM documents WHERE id = ?)"
        inside = self.sql.inside_text.format(length=length)
        sql = f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc = ? AND deleted_at IS NULL AND {inside}"
        params: tuple[Any, ...] = (doc, doc)
        if annotator is not None:
            sql += " AND annotator = ?"
            params += (annotator,)
        rows = self.conn.execute(sql + " ORDER BY start_char, end_char DESC, label", params)
        return [span_from_row(row) for row in rows]

    def find_span(self, doc: int, annotator: str, key: tuple[int, int, str]) -> Span | None:
        """The live span of a layer with these offsets and label, if there is one."""
        row = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc = ? AND annotator = ? "
            "AND start_char = ? AND end_char = ? AND label = ? AND deleted_at IS NULL",
            (doc, annotator, *key),
        ).fetchone()
        return None if row is None else span_from_row(row)

    def span(self, span_id: str) -> Span:
        """One span by id, live or deleted."""
        row = self.conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ?", (span_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"no span with id {span_id}")
        return span_from_row(row)

    def iter_spans(self, annotator: str | None = None) -> Iterator[Span]:
        """Every live span of the project (or of one layer), grouped by document."""
        sql = (
            f"{LENGTHS}SELECT {SPAN_COLUMNS} FROM spans JOIN lengths ON document = doc "
            f"WHERE deleted_at IS NULL AND {self.sql.inside_text.format(length='n')}"
        )
        params: tuple[Any, ...] = ()
        if annotator is not None:
            sql += " AND annotator = ?"
            params = (annotator,)
        cursor = self.conn.execute(sql + " ORDER BY doc, annotator, start_char, end_char", params)
        while batch := cursor.fetchmany(2000):
            yield from (span_from_row(row) for row in batch)

    def iter_span_keys(self) -> Iterator[tuple[int, str, int, int, str]]:
        """(doc, annotator, start, end, label) of every live span: what measures read, without
        building a `Span` for each of 600,000 rows."""
        cursor = self.conn.execute(
            "SELECT doc, annotator, start_char, end_char, label FROM spans "
            f"WHERE deleted_at IS NULL AND {self.sql.keys_readable} "
            "ORDER BY doc, annotator, start_char, end_char"
        )
        while batch := cursor.fetchmany(5000):
            yield from batch

    def add_span(
        self,
        doc: int,
        annotator: str,
        start: int,
        end: int,
        label: str,
        origin: str = Origin.MANUAL,
        span_id: str | None = None,
        force: bool = False,
    ) -> Span:
        """Store a span in an annotator's layer; the document becomes "in progress" for them.
        A span inside a boilerplate region is refused (`InputError`) unless ``force``."""
        annotator = check_annotator(annotator)
        self._check_span(doc, start, end, label)
        if not force:
            self._check_outside_regions(doc, start, end)
        span = Span.new(doc, annotator, start, end, label, origin, now(), span_id)
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
        return self.add_layers([(doc, annotator, list(spans))], origin)[0]

    def add_layers(
        self,
        layers: Sequence[tuple[int, str, Sequence[tuple[int, int, str]]]],
        origin: str = Origin.IMPORTED,
    ) -> list[int]:
        """Add spans to many (document, annotator) layers in one transaction, skipping any a
        layer already has; every layer becomes "in progress" unless it has a state. Return how
        many spans each layer gained. Spans are checked (inside the text, a known label) and
        written with one statement, which is what lets an import keep pace with plain SQL."""
        with self.transaction():
            names = {name: self.ensure_annotator(name) for name in {a for _, a, _ in layers}}
            docs = [doc for doc, _, _ in layers]
            lengths = dict(
                self._chunked("SELECT id, length(text) FROM documents WHERE id IN", docs)
            )
            missing = next((doc for doc in docs if doc not in lengths), None)
            if missing is not None:
                raise InputError(f"no document with id {missing}")
            have: dict[tuple[int, str], set[tuple[int, int, str]]] = {}
            for doc, name, start, end, label in self._chunked(
                "SELECT doc, annotator, start_char, end_char, label FROM spans "
                "WHERE deleted_at IS NULL AND doc IN",
                docs,
            ):
                have.setdefault((doc, name), set()).add((start, end, label))
            known = set(self.labels().keys)
            stamp, origin = now(), Origin(origin).value
            ids = new_span_id.take(sum(len(spans) for _, _, spans in layers))
            rows: list[tuple[Any, ...]] = []
            counts: list[int] = []
            for doc, name, spans in layers:
                name, length = names[name], lengths[doc]
                keys = have.setdefault((doc, name), set())
                fresh = [key for key in dict.fromkeys(spans) if key not in keys]
                bad = next(
                    (
                        key
                        for key in fresh
                        if not 0 <= key[0] < key[1] <= length or key[2] not in known
                    ),
                    None,
                )
                if bad is not None:
                    self._check_span(doc, *bad, length)  # raises with the reason
                keys.update(fresh)
                if fresh:
                    columns = zip(*fresh, strict=True)
                    rows.extend(zip(islice(ids, len(fresh)), repeat(doc), repeat(name), *columns))
                counts.append(len(fresh))
            # What every new row shares is written into the statement once, not bound per row:
            # a quarter off the insert of 600,000 spans.
            shared = ", ".join(_sql_text(value) for value in (origin, stamp, stamp))
            self.conn.executemany(
                f"INSERT INTO spans ({SPAN_COLUMNS}) "
                f"VALUES (?, ?, ?, ?, ?, ?, {shared}, NULL, NULL, '[]')",
                rows,
            )
            self.conn.executemany(
                self.sql.insert_ignore("status", STATUS_COLUMNS, "?, ?, 'in_progress', ?"),
                [(doc, names[name], stamp) for doc, name, _ in layers],
            )
        return counts

    def add_gold(
        self,
        doc: int,
        start: int,
        end: int,
        label: str,
        reviewer: str,
        agreed: Iterable[str] = (),
        span_id: str | None = None,
    ) -> Span:
        """Accept a span into the gold layer, recording the reviewer and who agreed."""
        reviewer = check_annotator(reviewer)
        self._check_span(doc, start, end, label)
        span = Span.new(doc, GOLD_ANNOTATOR, start, end, label, Origin.REVIEW, now(), span_id,
                        reviewer, tuple(sorted(agreed)))  # fmt: skip
        with self.transaction():
            self._layer(GOLD_ANNOTATOR)
            self._insert([span])
        return span

    def add_gold_spans(self, spans: list[Span]) -> int:
        """Store many new gold spans at once (made by `Span.new` with a reviewer)."""
        if any(sp.annotator != GOLD_ANNOTATOR or not sp.reviewer for sp in spans):
            raise InputError("only reviewed spans go into the gold layer")
        with self.transaction():
            self._layer(GOLD_ANNOTATOR)
            self._insert(spans)
        return len(spans)

    def _insert(self, spans: list[Span]) -> None:
        """Write new spans and mark their layers in progress; the caller holds the transaction."""
        self.conn.executemany(
            f"INSERT INTO spans ({SPAN_COLUMNS}) VALUES ({SPAN_PLACES})",
            [span_to_row(sp) for sp in spans],
        )
        self.conn.executemany(
            self.sql.insert_ignore("status", STATUS_COLUMNS, "?, ?, 'in_progress', ?"),
            {(sp.doc, sp.annotator, sp.created_at) for sp in spans},
        )

    def change_span(
        self,
        span_id: str,
        *,
        start: int | None = None,
        end: int | None = None,
        label: str | None = None,
        reviewer: str | None = None,
        agreed: Iterable[str] | None = None,
        force: bool = False,
    ) -> Span:
        """Move or relabel a live span; return it as it now is.

        A gold span changes only with the reviewer's name (and who agrees with its new form).
        A span moved inside a boilerplate region is refused unless ``force``.
        """
        old = self._writable(span_id, reviewer)
        if old.deleted_at is not None:
            raise InputError("that span was deleted")
        new_start = old.start if start is None else start
        new_end = old.end if end is None else end
        new_label = old.label if label is None else label
        self._check_span(old.doc, new_start, new_end, new_label)
        if not force and (new_start, new_end) != (old.start, old.end):
            self._check_outside_regions(old.doc, new_start, new_end)
        new_agreed = old.agreed if agreed is None else tuple(sorted(agreed))
        stamp = now()
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET start_char = ?, end_char = ?, label = ?, updated_at = ?, "
                "reviewer = ?, agreed = ? WHERE id = ?",
                (new_start, new_end, new_label, stamp, reviewer or old.reviewer,
                 json.dumps(list(new_agreed), ensure_ascii=False), span_id),
            )  # fmt: skip
        return self.span(span_id)

    def delete_span(self, span_id: str, reviewer: str | None = None) -> Span:
        """Delete a span, keeping a tombstone so that a merge cannot bring it back."""
        self._writable(span_id, reviewer)
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET deleted_at = ?, updated_at = ?, "
                "reviewer = COALESCE(?, reviewer) WHERE id = ?",
                (stamp := now(), stamp, reviewer, span_id),
            )
        return self.span(span_id)

    def restore_span(self, span_id: str, reviewer: str | None = None) -> Span:
        """Bring a deleted span back (undo of a delete)."""
        self._writable(span_id, reviewer)
        with self.transaction():
            self.conn.execute(
                "UPDATE spans SET deleted_at = NULL, updated_at = ?, "
                "reviewer = COALESCE(?, reviewer) WHERE id = ?",
                (now(), reviewer, span_id),
            )
        return self.span(span_id)

    def _writable(self, span_id: str, reviewer: str | None) -> Span:
        """The span, if this write respects the roles: gold needs a reviewer, layers do not."""
        span = self.span(span_id)
        if span.annotator == GOLD_ANNOTATOR and not reviewer:
            raise InputError("the gold layer is changed only in review mode")
        if span.annotator != GOLD_ANNOTATOR and reviewer:
            raise InputError("review writes the gold layer only, not an annotator's layer")
        if reviewer:
            check_annotator(reviewer)
        return span

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

    def _check_outside_regions(self, doc: int, start: int, end: int) -> None:
        """Refuse (one line) a span that lies inside the document's boilerplate."""
        from alama.core.regions import Region, inside_reason

        rows = self.conn.execute(
            "SELECT start_char, end_char, kind, marked FROM regions WHERE doc = ? "
            "AND start_char < ? AND end_char > ?",
            (doc, end, start),
        ).fetchall()
        if (reason := inside_reason([Region(*row) for row in rows], start, end)) is not None:
            raise InputError(reason)

    # --- rejected candidates ---------------------------------------------------------------

    def rejections(self, doc: int) -> dict[tuple[int, int, str], str]:
        """The candidate spans a reviewer rejected in a document: key → reviewer."""
        rows = self.conn.execute(
            "SELECT start_char, end_char, label, reviewer FROM rejections "
            "WHERE doc = ? AND rejected = 1",
            (doc,),
        )
        return {(start, end, label): reviewer for start, end, label, reviewer in rows}

    def set_rejected(
        self, doc: int, key: tuple[int, int, str], reviewer: str, rejected: bool = True
    ) -> None:
        """Record that a reviewer rejected a candidate span (or took the rejection back)."""
        reviewer = check_annotator(reviewer)
        with self.transaction():
            self.conn.execute(
                "INSERT INTO rejections (doc, start_char, end_char, label, rejected, reviewer, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (doc, start_char, end_char, label) DO UPDATE SET "
                "rejected = excluded.rejected, reviewer = excluded.reviewer, "
                "updated_at = excluded.updated_at",
                (doc, *key, int(rejected), reviewer, now()),
            )
