"""The records of an export: each document with one annotator's layer, as JSONL (Prodigy,
spaCy), doccano, CoNLL blocks or Hugging Face lines.

`iter_layers` reads the project once, in project order; the functions here turn one layer into
one record. `exporting` writes them to files.
"""

from __future__ import annotations

import codecs
import io
import sys
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import chain, repeat
from json.encoder import encode_basestring
from operator import itemgetter
from typing import IO, Any

from alama.core import conll, jsonl
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Document, Span, Status, is_suggested
from alama.core.record_tokens import SET_LIMIT, RecordTokens, SharedTokens
from alama.core.relation_files import (
    ExportLink,
    Key,
    doccano_entities,
    prodigy_relations,
)
from alama.core.store import Store
from alama.core.store.layers import SpanRow, span_of
from alama.core.store.tokens import StoredTokens
from alama.core.text import TextIndex

SHOWN_CONFLICTS = 20


@dataclass
class Layer:
    """One record of an export: a document with one annotator's spans (or with none)."""

    doc: Document
    index: TextIndex
    annotator: str | None
    status: Status
    rows: list[SpanRow]
    """The layer's live spans as read, in reading order (see `spans`)."""
    tokens: StoredTokens | None = None
    """The document's stored tokens with their record tokens (None: camel-tools', computed)."""
    links: list[ExportLink] = field(default_factory=list)
    """The layer's live relations between spans it writes (none with ``--without-relations``)."""

    @cached_property
    def spans(self) -> list[Span]:
        """The layer's spans (without ids or times, which no export writes)."""
        return [span_of(self.doc.id, row) for row in self.rows]

    @property
    def triples(self) -> list[tuple[int, int, str]]:
        return [(row[1], row[2], row[3]) for row in self.rows]


def _record_spans(layer: Layer, tokens: RecordTokens) -> list[dict[str, Any]]:
    spans = layer.spans
    first_at = tokens.index_of([span.start for span in spans])
    last_at = tokens.index_of([span.end for span in spans], at_end=True)
    return [
        {
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "token_start": first,
            "token_end": last,
            **_review_fields(span),
            **_origin_field(span.origin),
        }
        for span, first, last in zip(spans, first_at, last_at, strict=True)
    ]


def _record_tail(layer: Layer) -> dict[str, Any]:
    """The keys of a JSONL record after its text, spans and tokens."""
    tail: dict[str, Any] = {"meta": _meta(layer.doc)}
    if layer.annotator is not None:
        tail["_annotator_id"] = layer.annotator
        tail["answer"] = "accept" if layer.status is Status.DONE else "ignore"
    return tail


def jsonl_record(layer: Layer) -> dict[str, Any]:
    """One layer as a Prodigy-style record, with tokens and token indices (see `record_tokens`)."""
    tokens = SharedTokens().tokens(layer.index, layer.rows, layer.tokens)
    record = {
        "text": layer.doc.text,
        "spans": _record_spans(layer, tokens),
        "tokens": tokens.as_dicts(),
    }
    if layer.links:
        record["relations"] = _relations(layer, tokens)
    return {**record, **_record_tail(layer)}


def _relations(layer: Layer, tokens: RecordTokens) -> list[dict[str, Any]]:
    """A layer's relations as Prodigy writes them (``head``: the source span's last token)."""

    def token_of(key: Key) -> tuple[int, int]:
        first = tokens.index_of([key[0]])[0]
        last = tokens.index_of([key[1]], at_end=True)[0]
        return first, last

    return prodigy_relations(layer.links, token_of)


TEXT_PIECE = 1 << 20
"""Characters of a text escaped and written at a time."""


def jsonl_pieces(layer: Layer, shared: SharedTokens) -> Iterator[str]:
    """``jsonl.dumps(jsonl_record(layer))`` and a line end, in pieces: a long article's text
    and tokens are escaped a part at a time, never held as one giant record. What a document's
    layers share (its escaped text, its tokens' JSON, its metadata) is made once for them."""
    tokens = shared.tokens(layer.index, layer.rows, layer.tokens)
    text = layer.doc.text
    if len(text) <= TEXT_PIECE:
        yield shared.once("text", lambda: '{"text": ' + encode_basestring(text))
    else:
        yield '{"text": "'
        for first in range(0, len(text), TEXT_PIECE):
            yield encode_basestring(text[first : first + TEXT_PIECE])[1:-1]
        yield '"'
    yield f', "spans": {_spans_json(layer, tokens)}, "tokens": '
    yield from shared.json_pieces(tokens)
    if layer.links:
        yield f', "relations": {jsonl.dumps(_relations(layer, tokens))}'
    yield shared.once("meta", lambda: f', "meta": {jsonl.dumps(_meta(layer.doc))}')
    if layer.annotator is not None:
        answer = "accept" if layer.status is Status.DONE else "ignore"
        yield f', "_annotator_id": {encode_basestring(layer.annotator)}, "answer": "{answer}"'
    yield "}\n"


def write_jsonl(handle: IO[str], pieces: Iterable[str], shared: SharedTokens) -> None:
    """Write a record's pieces (`jsonl_pieces`). To a UTF-8 file of the export (which writes
    line ends as they are) they go as bytes, and what a document's layers share (its text, its
    tokens' JSON) is encoded once for all of them: a tenth of an export's time."""
    if (
        handle is sys.stdout
        or not isinstance(handle, io.TextIOWrapper)
        or codecs.lookup(handle.encoding).name != "utf-8"
    ):
        handle.writelines(pieces)
    else:
        handle.buffer.writelines(map(shared.encoded, pieces))


def _spans_json(layer: Layer, tokens: RecordTokens) -> str:
    """``jsonl.dumps(_record_spans(layer, tokens))``, written directly for layers but gold."""
    rows = layer.rows
    if (
        not rows
        or layer.annotator == GOLD_ANNOTATOR
        or len(tokens) > SET_LIMIT
        or any(map(is_suggested, map(_ORIGIN, rows)))
    ):
        return jsonl.dumps(_record_spans(layer, tokens))
    starts, ends = tokens.edge_lists
    span_starts = list(map(_START, rows))
    span_ends = list(map(_END, rows))
    values = zip(
        span_starts,
        span_ends,
        map(encode_basestring, map(_LABEL, rows)),
        map(bisect_left, repeat(starts), span_starts),
        map(bisect_left, repeat(ends), span_ends),
        strict=True,
    )
    return _span_template(len(rows)) % tuple(chain.from_iterable(values))


_START, _END, _LABEL, _ORIGIN = itemgetter(1), itemgetter(2), itemgetter(3), itemgetter(6)


@cache
def _span_template(count: int) -> str:
    """The JSON of ``count`` spans with their places left to fill (one format for a layer)."""
    one = '{"start": %d, "end": %d, "label": %s, "token_start": %d, "token_end": %d}'
    return "[" + ", ".join([one] * count) + "]"


def _origin_field(origin: str) -> dict[str, str]:
    """An accepted suggestion's origin (``suggested:match``): nothing for other spans."""
    return {"origin": origin} if is_suggested(origin) else {}


def _review_fields(span: Span) -> dict[str, Any]:
    """A gold span's reviewer and the annotators who agreed (nothing for other layers)."""
    if span.annotator != GOLD_ANNOTATOR:
        return {}
    return {"reviewer": span.reviewer, "agreed": list(span.agreed)}


def doccano_record(layer: Layer, relations: bool = False) -> dict[str, Any]:
    """One layer as doccano's sequence-labelling record: ``label`` holds [start, end, label];
    with ``relations``, as its relation-extraction record: ``entities`` with ids and
    ``relations`` naming them by ``from_id`` and ``to_id``."""
    record: dict[str, Any] = {"text": layer.doc.text}
    if relations:
        record["entities"], record["relations"] = doccano_entities(layer.triples, layer.links)
    else:
        record["label"] = [list(triple) for triple in layer.triples]
    record["meta"] = _meta(layer.doc)
    if layer.annotator is not None:
        record["annotator"] = layer.annotator
        record["status"] = "done" if layer.status is Status.DONE else "in_progress"
    return record


def _meta(doc: Document) -> dict[str, Any]:
    return {**doc.meta, "doc_id": doc.doc_id, "source": doc.source, "title": doc.title}


def iter_layers(
    store: Store,
    annotator: str | None = None,
    labels: list[str] | None = None,
    left_out: Counter[str] | None = None,
    relations: bool = True,
) -> Iterator[Layer]:
    """Every record an export writes, in project order; spans of other labels are counted in
    ``left_out``, and so are relations with such a span. Without ``relations`` the layers
    carry none."""
    if labels:
        store.labels().require(labels)
    if annotator is not None and annotator not in store.annotators():
        if annotator == GOLD_ANNOTATOR:
            raise InputError(
                "the project has no gold layer yet: review documents first "
                "(alama review PROJECT --accept-agreed, or review mode in the window)"
            )
        known = ", ".join(a for a in store.annotators() if a != GOLD_ANNOTATOR) or "none yet"
        raise InputError(f"no annotator {annotator!r} in the project (annotators: {known})")
    wanted = set(labels) if labels else None
    relations = relations and next(store.iter_relations(annotator), None) is not None
    for found in store.iter_document_layers(annotator):
        doc = found.doc
        index = TextIndex(doc.text, None if found.tokens is None else found.tokens.bounds)
        if not found.layers:
            yield Layer(doc, index, None, Status.TODO, [], found.tokens)
        for name, status, rows in found.layers:
            if wanted is not None:
                kept = [row for row in rows if row[3] in wanted]
                if left_out is not None and len(kept) < len(rows):
                    left_out["spans with a label not chosen by --labels"] += len(rows) - len(kept)
                rows = kept
            links = _links(store, doc.id, name, wanted, left_out) if relations else []
            yield Layer(doc, index, name, status, rows, found.tokens, links)


LEFT_OUT_LINKS = "relations with a span of a label not chosen by --labels"


def _links(
    store: Store,
    doc: int,
    annotator: str,
    wanted: set[str] | None,
    left_out: Counter[str] | None,
) -> list[ExportLink]:
    """A layer's live relations, between spans of the labels chosen."""
    found = store.relations(doc, annotator)
    if not found:
        return []
    spans: dict[str, Key] = {s.id: (s.start, s.end, s.label) for s in store.spans(doc, annotator)}
    links = []
    for relation in found:
        source, target = spans.get(relation.source), spans.get(relation.target)
        if source is None or target is None:
            continue  # (a span outside its text, which no export writes)
        if wanted is not None and not {source[2], target[2]} <= wanted:
            if left_out is not None:
                left_out[LEFT_OUT_LINKS] += 1
            continue
        links.append(ExportLink(relation.id, relation.type, source, target, relation.attributes))
    return links


def count_links(store: Store, annotator: str | None = None, labels: list[str] | None = None) -> int:
    """How many live relations an export of these layers and labels would write."""
    if next(store.iter_relations(annotator), None) is None:
        return 0
    if not labels:
        return sum(1 for _ in store.iter_relations(annotator))
    wanted = set(labels)
    return sum(
        1
        for relation in store.iter_relations(annotator)
        if {store.span(relation.source).label, store.span(relation.target).label} <= wanted
    )


def iter_records(
    store: Store, annotator: str | None = None, labels: list[str] | None = None
) -> Iterator[tuple[Document, dict[str, Any], int]]:
    """(document, JSONL record, span count) for every record a JSONL export writes."""
    for layer in iter_layers(store, annotator, labels):
        yield layer.doc, jsonl_record(layer), len(layer.spans)


class Tagger:
    """Renders layers as CoNLL blocks or Hugging Face lines, collecting conflicts and counting
    the spans it widened to whole tokens."""

    def __init__(self, fmt: str) -> None:
        self.fmt = fmt
        self.widened = 0
        self.conflicts: list[conll.Conflict] = []
        self._doc: conll.Tokens | None = None  # the document of the layers being written

    def render(self, layer: Layer) -> str:
        if self._doc is None or self._doc.index is not layer.index:
            self._doc = conll.Tokens(layer.index)
        doc = self._doc
        tags, widened = conll.encode(
            doc,
            layer.triples,
            layer.doc.doc_id,
            layer.annotator,
            self.conflicts,
            by_line=self.fmt == "conll",
        )
        self.widened += widened
        chunk: str
        if self.fmt == "conll":
            chunk = conll.conll_block(doc, tags)
        else:
            chunk = conll.hf_line(layer.doc.doc_id, layer.annotator, doc, tags) + "\n"
        return chunk

    def check(self) -> None:
        """Refuse the whole export, listing the conflicts, if any spans shared a token."""
        if not self.conflicts:
            return
        shown = "\n".join(f"  {conflict}" for conflict in self.conflicts[:SHOWN_CONFLICTS])
        more = len(self.conflicts) - SHOWN_CONFLICTS
        count = len(self.conflicts)
        raise InputError(
            f"{self.fmt} holds one tag per token, and {count} "
            f"{'span' if count == 1 else 'spans'} cannot be written as tags; nothing was "
            "written. For overlapping spans choose labels that do not overlap with --labels, "
            f"or export jsonl, doccano or brat, which keep nested spans:\n{shown}"
            + (f"\n  … and {more} more" if more > 0 else "")
        )
