"""Each document's tokens, stored once at import (schema step ``0005_tokens``).

A document keeps the tokenization it came with (CoNLL, Hugging Face, JSONL ``tokens``…); one
that came as plain text keeps camel-tools' tokens as they were when it was imported. Bounds are
stored as little-endian int32 (start, end) pairs. A document without a row (made before the
step) has camel-tools' tokens, computed by the reader when needed: nothing is computed when an
older project is opened. What another program wrote there instead of valid bounds (a file
changed by hand) reads as no stored tokens.

``record`` and ``record_bounds`` are derived from the text and the tokens, for the JSONL export:
its token list as JSON text (Prodigy's and spaCy's form, see `record_tokens`) and where each of
those tokens starts and ends. The first JSONL export makes them (`fill_record_tokens`), as the
first search makes the search copy: NULL is "not made yet", `TOO_LONG` "not kept" (a long
article's record tokens are made a window at a time by each export).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, TypeAlias

from alama.core.errors import ProjectError

from .sync import SyncRows

TOO_LONG = ""
"""The ``record`` of a document whose record tokens are not kept (too many tokens)."""
IMPORTED = "imported"
"""The tokenizer of tokens a file came with."""
CAMEL_TOOLS = "camel-tools"
"""The tokenizer of plain text, stored with its version: ``camel-tools 1.5.5``."""

if TYPE_CHECKING:  # numpy is loaded when tokens are read, not when a command starts
    import numpy as np
    from numpy.typing import NDArray

Bounds: TypeAlias = "tuple[NDArray[np.int64], NDArray[np.int64]]"
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
    import numpy as np

    pairs = np.empty((len(starts), 2), dtype="<i4")
    pairs[:, 0] = starts
    pairs[:, 1] = ends
    return pairs.tobytes()


def pack_pairs(tokens: Sequence[tuple[int, int]]) -> bytes:
    """`pack` for a list of (start, end) pairs."""
    import numpy as np

    return np.array(tokens, dtype="<i4").reshape(-1, 2).tobytes()


def unpack(raw: object, length: int) -> Bounds | None:
    """Stored bounds as arrays, if they are bounds of a text of ``length`` code points: in
    order, not empty, not overlapping, inside the text. Anything else (a file changed by hand)
    is None, and the reader falls back to camel-tools' tokens."""
    import numpy as np

    if not isinstance(raw, bytes) or len(raw) % 8:
        return None
    flat = np.frombuffer(raw, dtype="<i4").astype(np.int64)
    if len(flat):
        steps = np.diff(flat)  # start < end <= next start, all inside the text
        if flat[0] < 0 or flat[-1] > length or steps.min() < 0 or steps[::2].min() <= 0:
            return None
    return flat[0::2], flat[1::2]


def _derived(raw: object, length: int) -> Bounds | None:
    """Derived bounds (made by Alama from valid bounds), checked only for their shape."""
    import numpy as np

    if not isinstance(raw, bytes) or len(raw) % 8:
        return None
    flat = np.frombuffer(raw, dtype="<i4").astype(np.int64)
    if len(flat) and not 0 <= flat[0] <= flat[-1] <= length:
        return None
    return flat[0::2], flat[1::2]


def stored_tokens(row: Sequence[Any], length: int) -> StoredTokens | None:
    """(tokenizer, bounds, record, record_bounds) as read, or None if there is no valid row."""
    tokenizer, raw, record, raw_record = row
    bounds = unpack(raw, length)
    if bounds is None or not isinstance(tokenizer, str):
        return None
    record_bounds = _derived(raw_record, length) if isinstance(record, str) else None
    if record_bounds is not None and not _fits(str(record), bounds, record_bounds):
        record_bounds = None  # changed by another program since: made again as it goes
    return StoredTokens(
        bounds[0],
        bounds[1],
        tokenizer,
        record if record_bounds is not None else None,
        record_bounds,
    )


def _fits(record: str, bounds: Bounds, record_bounds: Bounds) -> bool:
    """Whether kept record tokens are still those of these bounds (cut at every stored token
    edge) and their JSON a list on one line: a file whose bounds another program changed
    makes them again. (Their JSON is written out as kept: it is not parsed again.)"""
    import numpy as np

    if not (record.startswith('[{"text": ') and record.endswith("}]") and "\n" not in record):
        return False
    for ours, kept in zip(bounds, record_bounds, strict=True):
        at = np.minimum(np.searchsorted(kept, ours), len(kept) - 1)
        if len(ours) and not (kept[at] == ours).all():
            return False
    return True


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


def takes_tokens(ours: str | None, theirs: str) -> bool:
    """Whether a document whose stored tokens came from ``ours`` (None: none stored) takes
    tokens that came from ``theirs``: a file's own tokens replace camel-tools'; the tokens
    a document has otherwise stay."""
    return ours is None or (theirs == IMPORTED and ours.startswith(CAMEL_TOOLS))


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

    def tokenizers_of(self, docs: Sequence[int]) -> dict[int, str]:
        """Where the stored tokens of these documents came from (those without: no entry)."""
        return dict(self._chunked("SELECT doc, tokenizer FROM tokens WHERE doc IN", docs))

    def documents_without_tokens(self, docs: Sequence[int]) -> set[int]:
        """Which of these documents have no stored tokens."""
        have = {row[0] for row in self._chunked("SELECT doc FROM tokens WHERE doc IN", docs)}
        return set(docs) - have

    def put_tokens(self, rows: Sequence[TokenRow], replace: bool = False) -> None:
        """Store documents' tokens; a document that has some keeps them (its tokens do not
        change once stored) unless ``replace`` (a document just added, given its tokens as
        another project stores them)."""
        with self.transaction():
            columns = "doc, tokenizer, bounds, record, record_bounds"
            self.conn.executemany(
                self.sql.upsert("tokens", columns, "doc")
                if replace
                else self.sql.insert_ignore("tokens", columns),
                rows,
            )

    def fill_record_tokens(
        self,
        make: Callable[[list[tuple[str, Bounds]]], list[tuple[str, bytes | None]]],
        batch: int = 200,
    ) -> int:
        """Make and keep the record tokens of every document that has stored tokens but not
        yet these; return for how many. ``make`` gives (JSON, bounds) for (text, token bounds).

        They are a copy made for speed, like the search copy: a project that cannot be written
        is not changed (the export makes them as it goes), and when another program holds the
        project, nothing waits for it (the export makes the rest as it goes). Each batch is a
        transaction of its own."""
        if self.read_only_reason is not None or self._upgrade_pending:
            return 0
        made, after = 0, 0
        try:
            with self.without_waiting():
                while True:
                    with self.transaction():
                        rows = self.conn.execute(
                            "SELECT t.doc, d.text, t.bounds FROM tokens t JOIN documents d "
                            "ON d.id = t.doc WHERE t.record IS NULL AND t.doc > ? "
                            "ORDER BY t.doc LIMIT ?",
                            (after, batch),
                        ).fetchall()
                        if not rows:
                            return made
                        after = rows[-1][0]
                        found = [
                            (doc, text, unpack(raw, len(text)) if isinstance(text, str) else None)
                            for doc, text, raw in rows
                        ]
                        usable = [(doc, text, bounds) for doc, text, bounds in found if bounds]
                        records = make([(text, bounds) for _, text, bounds in usable])
                        self.conn.executemany(
                            "UPDATE tokens SET record = ?, record_bounds = ? WHERE doc = ?",
                            [
                                (record, record_bounds, doc)
                                for (doc, _, _), (record, record_bounds) in zip(
                                    usable, records, strict=True
                                )
                            ]
                            + [(TOO_LONG, None, doc) for doc, _, bounds in found if bounds is None],
                        )
                    made += len(usable)
        except ProjectError:  # busy, a full disk, a file it may not write: the export goes on
            return made  # and makes the rest as it goes (each batch was all or nothing)
