"""Documents with their tokens and layers, one document at a time: what an export reads.

An export of 10,000 documents × 3 annotators holds one document's rows at a time, never the
project's 600,000 spans: the documents are read in project order, and each document's status
rows and spans by its id (through the ``spans_by_layer`` index).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, NamedTuple

from alama.core.model import Document, Span, Status

from .spans import SPAN_COLUMNS, readable_span, span_from_row
from .tokens import TOKEN_COLUMNS, StoredTokens, TokenRows, stored_tokens


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


class DocumentLayers(NamedTuple):
    """A document, its stored tokens (None: camel-tools', computed when needed) and its layers:
    (annotator, state, live spans in reading order), by annotator name."""

    doc: Document
    tokens: StoredTokens | None
    layers: list[tuple[str, Status, list[Span]]]


_SPANS = (
    f"SELECT {SPAN_COLUMNS} FROM spans WHERE doc = ? AND deleted_at IS NULL "
    f"AND {readable_span('?')}"
)
_ORDER = " ORDER BY annotator, start_char, end_char DESC, label"


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
        spans_sql = _SPANS + (" AND annotator = ?" if annotator is not None else "") + _ORDER
        status_sql = (
            "SELECT annotator, state FROM status WHERE doc = ? AND typeof(annotator) = 'text'"
            + (" AND annotator = ?" if annotator is not None else "")
        )
        only = (annotator,) if annotator is not None else ()
        for row in cursor:
            doc = Document(*self._readable_document(row), meta=stored_meta(row[7]))
            states = {
                name: stored_status(state)
                for name, state in self.conn.execute(status_sql, (doc.id, *only))
            }
            by_layer: dict[str, list[Span]] = {}
            for span_row in self.conn.execute(spans_sql, (doc.id, len(doc.text), *only)):
                span = span_from_row(span_row)
                by_layer.setdefault(span.annotator, []).append(span)
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
