"""Each document's tokens, stored once at import (schema step ``0005_tokens``).

A document keeps the tokenization it came with (CoNLL, Hugging Face, JSONL ``tokens``…); one
that came as plain text keeps camel-tools' tokens as they were when it was imported. Bounds are
stored as little-endian int32 (start, end) pairs. A document without a row (made before the
step) has camel-tools' tokens, computed by the reader when needed: nothing is computed when an
older project is opened. What another program wrote there instead of valid bounds (a file
changed by hand) reads as no stored tokens.

``record`` and ``record_bounds`` are derived from the text and the tokens, for the JSONL export:
its token list as JSON text (Prodigy's and spaCy's form, see `record_tokens`) and where each of
those tokens starts and ends. They are made at import; NULL means "compute them when needed".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import NDArray

from .sync import SyncRows

IMPORTED = "imported"
"""The tokenizer of tokens a file came with."""
CAMEL_TOOLS = "camel-tools"
"""The tokenizer of plain text, stored with its version: ``camel-tools 1.5.5``."""

Bounds = tuple[NDArray[np.int64], NDArray[np.int64]]
"""Token starts and ends, as two arrays of code-point offsets."""


class StoredTokens(NamedTuple):
    """A document's stored tokens: their bounds, where they came from, and the derived record
    tokens of the JSONL export (None when not made yet)."""

    starts: NDArray[np.int64]
    ends: NDArray[np.int64]
    tokenizer: str
    record: str | None = None
    record_bounds: Bounds | None = None

    @property
    def bounds(self) -> Bounds:
        return self.starts, self.ends


class TokenRow(NamedTuple):
    """A row of the tokens table as written: what a new document or a merge stores."""

    doc: int
    tokenizer: str
    bounds: bytes
    record: str | None = None
    record_bounds: bytes | None = None


def pack(
    starts: Sequence[int] | NDArray[np.int64], ends: Sequence[int] | NDArray[np.int64]
) -> bytes:
    """Bounds as stored: (start, end) int32 pairs, little-endian."""
    pairs = np.empty((len(starts), 2), dtype="<i4")
    pairs[:, 0] = starts
    pairs[:, 1] = ends
    return pairs.tobytes()


def pack_pairs(tokens: Sequence[tuple[int, int]]) -> bytes:
    """`pack` for a list of (start, end) pairs."""
    return np.array(tokens, dtype="<i4").reshape(-1, 2).tobytes()


def unpack(raw: object, length: int) -> Bounds | None:
    """Stored bounds as arrays, if they are bounds of a text of ``length`` code points: in
    order, not empty, not overlapping, inside the text. Anything else (a file changed by hand)
    is None, and the reader falls back to camel-tools' tokens."""
    if not isinstance(raw, bytes) or len(raw) % 8:
        return None
    pairs = np.frombuffer(raw, dtype="<i4").reshape(-1, 2).astype(np.int64)
    starts, ends = pairs[:, 0], pairs[:, 1]
    if len(starts) and not (
        starts[0] >= 0
        and ends[-1] <= length
        and bool(np.all(starts < ends))
        and bool(np.all(ends[:-1] <= starts[1:]))
    ):
        return None
    return np.ascontiguousarray(starts), np.ascontiguousarray(ends)


def stored_tokens(row: Sequence[Any], length: int) -> StoredTokens | None:
    """(tokenizer, bounds, record, record_bounds) as read, or None if there is no valid row."""
    tokenizer, raw, record, raw_record = row
    bounds = unpack(raw, length)
    if bounds is None or not isinstance(tokenizer, str):
        return None
    record_bounds = unpack(raw_record, length) if isinstance(record, str) else None
    return StoredTokens(
        bounds[0],
        bounds[1],
        tokenizer,
        record if record_bounds is not None else None,
        record_bounds,
    )


def token_row(doc: int, tokens: StoredTokens) -> TokenRow:
    """The row that stores these tokens for a document (of another project, in a merge)."""
    record = tokens.record_bounds
    return TokenRow(
        doc,
        tokens.tokenizer,
        pack(tokens.starts, tokens.ends),
        tokens.record if record is not None else None,
        pack(*record) if record is not None else None,
    )


TOKEN_COLUMNS = "t.tokenizer, t.bounds, t.record, t.record_bounds"
"""The columns `stored_tokens` reads, of the tokens table named ``t``."""


class TokenRows(SyncRows):
    """Reading and writing documents' tokens."""

    def document_tokens(self, doc: int) -> Bounds | None:
        """The document's stored token bounds, or None: camel-tools' tokens, computed by the
        reader (a document made before tokens were stored)."""
        found = self.stored_tokens(doc)
        return None if found is None else found.bounds

    def stored_tokens(self, doc: int) -> StoredTokens | None:
        """The document's stored tokens with where they came from, or None."""
        row = self.conn.execute(
            f"SELECT length(d.text), {TOKEN_COLUMNS} FROM documents d "
            "JOIN tokens t ON t.doc = d.id WHERE d.id = ?",
            (doc,),
        ).fetchone()
        if row is None or not isinstance(row[0], int):
            return None
        return stored_tokens(row[1:], row[0])

    def tokenizer(self, doc: int) -> str | None:
        """Where the document's stored tokens came from (None: none are stored)."""
        found = self.stored_tokens(doc)
        return None if found is None else found.tokenizer

    def tokens_of(self, docs: Sequence[int]) -> dict[int, Bounds]:
        """The stored token bounds of many documents (those without leave no entry)."""
        found: dict[int, Bounds] = {}
        for doc, length, *row in self._chunked(
            f"SELECT d.id, length(d.text), {TOKEN_COLUMNS} FROM documents d "
            "JOIN tokens t ON t.doc = d.id WHERE d.id IN",
            docs,
        ):
            tokens = stored_tokens(row, length) if isinstance(length, int) else None
            if tokens is not None:
                found[doc] = tokens.bounds
        return found

    def documents_without_tokens(self, docs: Sequence[int]) -> set[int]:
        """Which of these documents have no stored tokens."""
        have = {row[0] for row in self._chunked("SELECT doc FROM tokens WHERE doc IN", docs)}
        return set(docs) - have

    def put_tokens(self, rows: Sequence[TokenRow], replace: bool = False) -> None:
        """Store documents' tokens; a document that has some keeps them (its tokens do not
        change once stored) unless ``replace`` (a document just added, given its tokens as
        another project stores them)."""
        with self.transaction():
            self.conn.executemany(
                f"INSERT OR {'REPLACE' if replace else 'IGNORE'} INTO tokens "
                "(doc, tokenizer, bounds, record, record_bounds) VALUES (?, ?, ?, ?, ?)",
                rows,
            )
