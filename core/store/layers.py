"""Documents with their tokens and layers, one document at a time: what an export and
agreement read.

An export of 10,000 documents × 3 annotators holds one document's rows at a time, never the
project's 600,000 spans: the documents are read in project order, and each document's status
rows and spans by its id (through the ``spans_by_layer`` index). Agreement reads less of each
(`iter_finished`, `layer_keys_of`): who finished it, its length and stored tokens, its span keys.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from alama.core.model import GOLD_ANNOTATOR, Document, Span, Status

from .dialect import Dialect
from .spans import stored_agreed
from .tokens import TOKEN_COLUMNS, Bounds, StoredTokens, TokenRows, stored_tokens, unpack


def stored_meta(raw: object) -> dict[str, Any]:
    """A document's metadata as stored; what is not a JSON object (a file changed by hand)
    reads as no metadata rather than stopping an export or the window."""
    try:
        value = json.loads(raw) if isinstance(raw, str) else None
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def stored_status(raw: object) -> Status:
    """A stored state; one Alama never writes (a file changed by hand) reads as in progress:
    the layer is there, and it does not count as finished."""
    try:
        return Status(raw) if isinstance(raw, str) else Status.IN_PROGRESS
    except ValueError:
        return Status.IN_PROGRESS


SpanRow = tuple[str, int, int, str, str | None, str, str]
"""A live span as an export reads it: (annotator, start, end, label, reviewer, agreed as
stored, origin); `span_of` makes a `Span` of it."""


class DocumentLayers(NamedTuple):
    """A document, its stored tokens (None: camel-tools', computed when needed) and its layers:
    (annotator, state, live spans in reading order), by annotator name."""

    doc: Document
    tokens: StoredTokens | None
    layers: list[tuple[str, Status, list[SpanRow]]]


class FinishedDocument(NamedTuple):
    """A document as agreement reads it: its names, its length, its stored token bounds (None:
    camel-tools', computed from the text when needed) and the layers marked done in it."""

    id: int
    doc_id: str
    title: str
    length: int
    bounds: Bounds | None
    finishers: list[str]


def _finished(sql: Dialect) -> str:
    return (
        f"SELECT doc, {sql.json_list('annotator')} FROM status WHERE state = 'done' "
        f"AND {sql.is_text('annotator')} AND annotator != '{GOLD_ANNOTATOR}' "
        "AND doc IN (SELECT id FROM documents) GROUP BY doc"
    )


def _finished_documents(sql: Dialect) -> str:
    return (
        f"SELECT d.id, d.doc_id, d.title, length(d.text), {sql.is_text('d.text')}, t.tokenizer, "
        f"t.bounds, (SELECT {sql.json_list('s.annotator')} FROM status s WHERE s.doc = d.id "
        f"AND s.state = 'done' AND {sql.is_text('s.annotator')} "
        f"AND s.annotator != '{GOLD_ANNOTATOR}')"
        " FROM documents d LEFT JOIN tokens t ON t.doc = d.id ORDER BY d.position"
    )


def span_of(doc: int, row: SpanRow) -> Span:
    """The `Span` of a row read for an export: no id, no times (an export writes neither)."""
    name, start, end, label, reviewer, agreed, origin = row
    return Span("", doc, name, start, end, label, origin, "", "", None, reviewer,
                () if agreed == "[]" else stored_agreed(agreed))  # fmt: skip


_SPANS = (
    "SELECT annotator, start_char, end_char, label, reviewer, agreed, origin FROM spans "
    "WHERE doc = ? AND deleted_at IS NULL"
)
"""A document's live spans, as much of them as an export writes (half the time of the whole
rows); checked (`_readable`) and sorted in Python, in a third of the time SQLite takes."""


def _readable(rows: list[SpanRow], length: int) -> list[SpanRow]:
    """The rows `readable_span` lets through: whole-number offsets inside the text, text
    where Alama writes text (a file changed by hand may hold anything)."""
    return [
        row
        for row in rows
        if type(row[1]) is int
        and type(row[2]) is int
        and 0 <= row[1] < row[2] <= length
        and type(row[0]) is str
        and type(row[3]) is str
        and (row[4] is None or type(row[4]) is str)
        and type(row[6]) is str
    ]


def _reading_order(row: SpanRow) -> tuple[str, int, int, str]:
    """A layer's spans in reading order: by annotator, start, longest first, label."""
    return row[0], row[1], -row[2], row[3]


class LayerRows(TokenRows):
    """Reading documents with their layers, for an export."""

    def iter_document_layers(self, annotator: str | None = None) -> Iterator[DocumentLayers]:
        """Every document in project order with its tokens and layers (a layer is a status row
        or a live span); with ``annotator``, only that layer, and only documents that have it."""
        cursor = self.conn.execute(
            "SELECT d.id, d.doc_id, d.title, d.text, d.hash, d.source, d.position, d.meta, "
            f"{TOKEN_COLUMNS} FROM documents d LEFT JOIN tokens t ON t.doc = d.id "
            "ORDER BY d.position"
        )
        spans_sql = _SPANS + (" AND annotator = ?" if annotator is not None else "")
        status_sql = (
            "SELECT annotator, state FROM status WHERE doc = ? AND "
            + self.sql.is_text("annotator")
            + (" AND annotator = ?" if annotator is not None else "")
        )
        only = (annotator,) if annotator is not None else ()
        for row in cursor:
            doc = Document(*self._readable_document(row), meta=stored_meta(row[7]))
            states = {
                name: stored_status(state)
                for name, state in self.conn.execute(status_sql, (doc.id, *only))
            }
            rows = _readable(
                self.conn.execute(spans_sql, (doc.id, *only)).fetchall(), len(doc.text)
            )
            rows.sort(key=_reading_order)
            by_layer = {name: list(group) for name, group in groupby(rows, itemgetter(0))}
            names = sorted(states.keys() | by_layer.keys())
            if annotator is not None and not names:
                continue
            tokens = stored_tokens(row[8:12], len(doc.text)) if row[9] is not None else None
            yield DocumentLayers(
                doc,
                tokens,
                [
                    (name, states.get(name, Status.IN_PROGRESS), by_layer.get(name, []))
                    for name in names
                ],
            )

    def finished(self) -> Iterator[tuple[int, list[str]]]:
        """(document id, the annotators who marked it done) of each document someone finished
        (not the gold layer), by id, without holding them."""
        for doc, names in self.conn.execute(_finished(self.sql)):
            yield doc, json.loads(names)

    def layer_names(self) -> list[str]:
        """The annotators with a layer (a status row or a live span) in some document; not the
        gold layer. Asked per registered name, through the indexes: no table is read whole."""
        names = [row[0] for row in self.conn.execute("SELECT name FROM annotators ORDER BY name")]
        found = []
        for name in names:
            if name == GOLD_ANNOTATOR:
                continue
            for table, live in (("status", ""), ("spans", " AND deleted_at IS NULL")):
                row = self.conn.execute(
                    f"SELECT 1 FROM {table} WHERE annotator = ?{live} "
                    "AND doc IN (SELECT id FROM documents) LIMIT 1",
                    (name,),
                ).fetchone()
                if row is not None:
                    found.append(name)
                    break
        return found

    def iter_finished(self) -> Iterator[FinishedDocument]:
        """Every document in project order with who finished it, its length and stored token
        bounds: one row at a time, the text left unread."""
        for row in self.conn.execute(_finished_documents(self.sql)):
            doc, doc_id, title, length, is_text, tokenizer, raw, names = row
            if not is_text:  # refused in one line, as every reader of documents refuses it
                whole = self.conn.execute(
                    "SELECT id, doc_id, title, text, hash, source, position FROM documents "
                    "WHERE id = ?",
                    (doc,),
                ).fetchone()
                self._readable_document(whole)
            bounds = unpack(raw, length) if isinstance(tokenizer, str) else None
            named = self._readable_document((doc, doc_id, title, "", "", "", 0))
            yield FinishedDocument(doc, named[1], named[2], length, bounds, json.loads(names))

    def layer_keys_of(
        self, docs: dict[int, int], without_suggested: bool = False
    ) -> list[tuple[int, str, int, int, str]]:
        """(document, annotator, start, end, label) of these documents' live spans inside their
        texts (``docs``: id → length of its text), by document and annotator; without the
        accepted suggestions (origin ``suggested…``) if asked."""
        mine = " AND origin NOT LIKE 'suggested%'" if without_suggested else ""
        found: list[tuple[int, str, int, int, str]] = []
        items = [value for item in docs.items() for value in item]
        for at in range(0, len(items), 800):
            chunk = items[at : at + 800]
            places = ", ".join(["(?, ?)"] * (len(chunk) // 2))
            found += self.conn.execute(
                f"WITH lengths (d, n) AS (VALUES {places}) SELECT doc, annotator, start_char, "
                "end_char, label FROM lengths JOIN spans ON doc = d WHERE deleted_at IS NULL "
                f"AND {self.sql.keys_readable} AND start_char >= 0 AND start_char < end_char "
                f"AND end_char <= n{mine} ORDER BY doc, annotator",
                chunk,
            ).fetchall()
        return found
