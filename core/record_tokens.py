"""The tokens of an exported JSONL record, the way spaCy and Prodigy hold them (``text``,
``start``, ``end``, ``id``, ``ws``), cut so that every span starts and ends on one.

They are kept as numpy arrays and written as JSON a few thousand at a time: a 200 MB article
has tens of millions of tokens, far too many for a dict each. A long text is tokenized a window
at a time, for the same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any

import numpy as np
from numpy.typing import NDArray

from alama.core import text as arabic
from alama.core.model import Span
from alama.core.store.layers import SpanRow
from alama.core.store.tokens import StoredTokens
from alama.core.text import TextIndex


@dataclass
class RecordTokens:
    """A record's tokens as arrays: where each starts and ends, and whether a space follows it
    (its ``ws``). See `record_tokens`; a long article's tokens stay arrays, not dicts."""

    text: str
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    ws: NDArray[np.bool_]

    def __len__(self) -> int:
        return len(self.starts)

    @cached_property
    def edge_lists(self) -> tuple[list[int], list[int]]:
        """The starts and the ends as lists, for looking up a few spans' token indices."""
        return self.starts.tolist(), self.ends.tolist()

    def as_dicts(self) -> list[dict[str, Any]]:
        """The tokens the way spaCy and Prodigy hold them."""
        text = self.text
        return [
            {"text": text[start:end], "start": start, "end": end, "id": n, "ws": space}
            for n, (start, end, space) in enumerate(
                zip(self.starts.tolist(), self.ends.tolist(), self.ws.tolist(), strict=True)
            )
        ]

    def index_of(self, offsets: Sequence[int], at_end: bool = False) -> list[int]:
        """The index of the token that starts (or, ``at_end``, ends) at each offset."""
        edges = self.ends if at_end else self.starts
        return np.searchsorted(edges, np.array(offsets, dtype=np.int64)).tolist()  # type: ignore[no-any-return]

    def json_pieces(self) -> Iterator[str]:
        """``jsonl.dumps(self.as_dicts())`` in pieces of `TOKEN_PIECE` tokens."""
        text, quote = self.text, encode_basestring
        yield "["
        for first in range(0, len(self), TOKEN_PIECE):
            last = min(first + TOKEN_PIECE, len(self))
            rows = zip(
                range(first, last),
                self.starts[first:last].tolist(),
                self.ends[first:last].tolist(),
                self.ws[first:last].tolist(),
                strict=True,
            )
            yield (", " if first else "") + ", ".join(
                f'{{"text": {quote(text[start:end])}, "start": {start}, "end": {end}, '
                f'"id": {n}, "ws": {"true" if space else "false"}}}'
                for n, start, end, space in rows
            )
        yield "]"


TOKEN_PIECE = 20_000
"""Tokens written at a time: a long article's record is never built as one giant string."""
SHARED_JSON_LIMIT = 20_000
"""Up to this many tokens, a document's token JSON is made once for all its layers (and, at
import, stored with it)."""
_START, _END = itemgetter(1), itemgetter(2)
SET_LIMIT = 5_000
"""Up to this many tokens, whether spans fall on tokens is asked of sets of their edges."""


def record_token_arrays(
    text: str,
    edges: NDArray[np.int64],
    span_starts: NDArray[np.int64],
    span_ends: NDArray[np.int64],
) -> RecordTokens:
    """`record_tokens` as arrays; ``edges`` holds every token's start and end."""
    bounds = np.unique(np.concatenate(([0, len(text)], edges, span_starts, span_ends)))
    first, last = bounds[:-1], bounds[1:]
    if not len(first):
        empty = np.zeros(0, dtype=np.int64)
        return RecordTokens(text, empty, empty, np.zeros(0, dtype=bool))
    # Whether each piece between two edges has nothing but white space in it.
    blank = ~np.logical_or.reduceat(~_white_space(text), first)
    plain_space = _is_plain_space(text, first)
    # A white-space piece that starts with a plain space gives that space to the token before
    # it as its ``ws`` (unless a span starts on the space, or ends just after it).
    merge = blank & plain_space & ~np.isin(first, span_starts) & ~np.isin(first + 1, span_ends)
    merge[0] = False
    # (The plain loop also refused a merge into a token whose ``ws`` was already set; that
    # cannot happen: two white-space pieces meet only at a span's edge, which blocks the one
    # that would have given its single space away.)
    starts = first + merge
    kept = starts < last
    ws = np.concatenate((merge[1:], [False]))
    return RecordTokens(text, starts[kept], last[kept], ws[kept])


WINDOW = 1 << 16
"""Characters of a text looked at in one go (with numpy, a few bytes each) while finding its
tokens: a 200 MB article needs a few bytes per character, not tens."""


def _white_space(text: str, window: int = WINDOW) -> NDArray[np.bool_]:
    """`arabic.white_space`, a window at a time."""
    if len(text) <= window:
        whole: NDArray[np.bool_] = arabic.white_space(text)
        return whole
    return np.concatenate(
        [arabic.white_space(text[at : at + window]) for at in range(0, len(text), window)]
    )


def _is_plain_space(
    text: str, offsets: NDArray[np.int64], window: int = WINDOW
) -> NDArray[np.bool_]:
    """Whether the character at each (sorted) offset is a plain space."""
    found = np.zeros(len(offsets), dtype=bool)
    for at in range(0, len(text), window):
        first, last = np.searchsorted(offsets, [at, at + window])
        if first == last:
            continue
        points = np.frombuffer(text[at : at + window].encode("utf-32-le"), dtype=np.uint32)
        found[first:last] = points[offsets[first:last] - at] == ord(" ")
    return found


def token_bounds(text: str, window: int = WINDOW) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """`arabic.token_bounds`, a window at a time: each window ends before a space or a line
    break, and no token runs over white space, so the tokens are the same."""
    if len(text) <= window:
        bounds: tuple[NDArray[np.int64], NDArray[np.int64]] = arabic.token_bounds(text)
        return bounds
    starts: list[NDArray[np.int64]] = []
    ends: list[NDArray[np.int64]] = []
    at = 0
    while at < len(text):
        cut = len(text)
        for space in (" ", "\n"):
            found = text.find(space, at + window)
            if found != -1:
                cut = min(cut, found)
        piece_starts, piece_ends = arabic.token_bounds(text[at:cut])
        starts.append(piece_starts + at)
        ends.append(piece_ends + at)
        at = cut
    return np.concatenate(starts), np.concatenate(ends)


def record_tokens(
    text: str, tokens: list[tuple[int, int]], spans: list[Span]
) -> list[dict[str, Any]]:
    """Tokens the way spaCy and Prodigy hold them, so that every span starts and ends on one.

    Words are cut where a span starts or ends inside them (a proclitic و labelled alone), one
    following space is a token's ``ws``, and any other white space (a paragraph break, a
    no-break space, a second space) is a token of its own. Joining each token's text, plus a
    space where ``ws`` is true, gives the text back exactly: ``Doc(words, spaces)`` in spaCy.

    Computed with numpy over all the pieces between token and span edges at once: a test holds
    it equal to the plain loop over the pieces, which took most of an export's time.
    """
    edges = np.array(tokens, dtype=np.int64).reshape(-1)
    span_starts, span_ends = _span_edges(spans)
    return record_token_arrays(text, edges, span_starts, span_ends).as_dicts()


def _row_edges(rows: Sequence[SpanRow]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    return (
        np.array([row[1] for row in rows], dtype=np.int64),
        np.array([row[2] for row in rows], dtype=np.int64),
    )


def _span_edges(spans: Sequence[Span]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    return (
        np.array([span.start for span in spans], dtype=np.int64),
        np.array([span.end for span in spans], dtype=np.int64),
    )


class SharedTokens:
    """The record tokens of the document being exported, made once for all of its layers whose
    spans start and end on tokens (the usual case: they are the same tokens then), with their
    JSON text while the document is not long. A document's stored record tokens (made at
    import, see `store.tokens`) are taken as they are: nothing is tokenized or rendered then."""

    def __init__(self) -> None:
        self._index: TextIndex | None = None
        self._bounds: tuple[NDArray[np.int64], NDArray[np.int64]] | None = None
        self._edges: tuple[set[int], set[int]] | None = None
        self._tokens: RecordTokens | None = None
        self._json = ""
        self._pieces: dict[str, str] = {}
        self._encoded: dict[int, bytes | None] = {}  # shared pieces by identity

    def tokens(
        self, index: TextIndex, spans: Sequence[SpanRow], stored: StoredTokens | None = None
    ) -> RecordTokens:
        """The record tokens of a layer of the document of ``index`` with these spans (rows
        of `store.layers`: (annotator, start, end, …))."""
        if index is not self._index or self._bounds is None:
            self._index, self._tokens, self._json, self._edges = index, None, "", None
            self._pieces.clear()
            self._encoded.clear()
            self._bounds = index.bounds if index.bounds is not None else token_bounds(index.text)
            kept = None if stored is None or stored.record is None else stored.record_bounds
            if kept is not None and stored is not None and stored.record is not None:
                starts, ends = kept
                ws = np.concatenate((starts[1:], [len(index.text)])) > ends
                self._tokens, self._json = RecordTokens(index.text, starts, ends, ws), stored.record
        token_starts, token_ends = self._bounds
        if spans and not self._on_tokens(spans):
            edges = np.concatenate((token_starts, token_ends))
            span_starts, span_ends = _row_edges(spans)
            return record_token_arrays(index.text, edges, span_starts, span_ends)
        if self._tokens is None:
            empty = np.zeros(0, dtype=np.int64)
            edges = np.concatenate((token_starts, token_ends))
            self._tokens = record_token_arrays(index.text, edges, empty, empty)
        return self._tokens

    def _on_tokens(self, spans: Sequence[SpanRow]) -> bool:
        """Whether every span starts where a token starts and ends where one ends."""
        assert self._bounds is not None
        token_starts, token_ends = self._bounds
        if len(token_starts) > SET_LIMIT:  # a long article: no set of millions of numbers
            span_starts, span_ends = _row_edges(spans)
            return _all_in(span_starts, token_starts) and _all_in(span_ends, token_ends)
        if self._edges is None:
            self._edges = set(token_starts.tolist()), set(token_ends.tolist())
        starts, ends = self._edges
        return starts.issuperset(map(_START, spans)) and ends.issuperset(map(_END, spans))

    def encoded(self, piece: str) -> bytes:
        """A piece of the current document's records in UTF-8; one its layers share (its text,
        its tokens' JSON) is encoded once for all of them. (Shared pieces are known by their
        identity: they live as long as the document is current, so no other piece has it.)"""
        key = id(piece)
        if key not in self._encoded:
            return piece.encode()
        found = self._encoded[key]
        if found is None:
            found = self._encoded[key] = piece.encode()
        return found

    def once(self, key: str, make: Callable[[], str]) -> str:
        """A piece of the current document's records, made for its first layer and kept for
        the others (its escaped text, its metadata)."""
        found = self._pieces.get(key)
        if found is None:
            found = self._pieces[key] = make()
            self._encoded[id(found)] = None
        return found

    def json_pieces(self, tokens: RecordTokens) -> Iterator[str]:
        """`RecordTokens.json_pieces`, kept for the shared tokens of a document not too long."""
        if tokens is not self._tokens or len(tokens) > SHARED_JSON_LIMIT:
            yield from tokens.json_pieces()
            return
        if not self._json:
            self._json = "".join(tokens.json_pieces())
        self._encoded.setdefault(id(self._json), None)
        yield self._json


def _all_in(values: NDArray[np.int64], sorted_values: NDArray[np.int64]) -> bool:
    """Whether every value is one of ``sorted_values``."""
    if not len(values):
        return True
    if not len(sorted_values):
        return False
    at = np.minimum(np.searchsorted(sorted_values, values), len(sorted_values) - 1)
    return bool(np.all(sorted_values[at] == values))


def tokens_json(tokens: list[dict[str, Any]]) -> str:
    """The same text as ``jsonl.dumps(tokens)``, written directly: twice as fast."""
    text = encode_basestring
    return (
        "["
        + ", ".join(
            f'{{"text": {text(t["text"])}, "start": {t["start"]}, "end": {t["end"]}, '
            f'"id": {t["id"]}, "ws": {"true" if t["ws"] else "false"}}}'
            for t in tokens
        )
        + "]"
    )
