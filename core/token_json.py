"""A document's tokens as stored (see `store.tokens`): made at import, and the JSONL export's
record tokens derived from them, made by the first JSONL export and kept.

The record tokens' JSON is Prodigy's form of a document's tokens (`RecordTokens.json_pieces`):
written in Python it costs about a microsecond a token, a quarter of a millisecond for a news
article, which would double an import's time; so an import stores the bounds only, and the
first JSONL export makes the JSON of each document once and stores it beside them (as search
makes its copy of the texts at the first search). Later exports write it as it is. Written
with numpy for a whole batch of documents, it took longer still (measured: 0.4 ms a document,
against 0.3 in Python), so it is written in Python.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from alama.core import text as arabic
from alama.core.record_tokens import SHARED_JSON_LIMIT, record_token_arrays, token_bounds
from alama.core.store.tokens import CAMEL_TOOLS, IMPORTED, TOO_LONG, Bounds, pack


@dataclass
class TokenForm:
    """What a new document stores of its tokens: their bounds and the tokenizer they came
    from."""

    tokenizer: str
    starts: NDArray[np.int64]
    ends: NDArray[np.int64]


def token_forms(items: Sequence[tuple[str, Sequence[tuple[int, int]] | None]]) -> list[TokenForm]:
    """New documents' tokens as stored: those each came with, else camel-tools'."""
    forms: list[TokenForm] = []
    for text, tokens in items:
        if tokens is None:
            starts, ends = token_bounds(text)
            forms.append(TokenForm(f"{CAMEL_TOOLS} {arabic.CAMEL_TOOLS_VERSION}", starts, ends))
        else:
            starts, ends = _split_at_white_space(text, tokens)
            forms.append(TokenForm(IMPORTED, starts, ends))
    return forms


_WORD = re.compile(r"\S+")


def _split_at_white_space(
    text: str, tokens: Sequence[tuple[int, int]]
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """A file's tokens, each cut where white space falls inside it (CoNLL-U's ``100 000``, a
    JSONL token ``"محمد بن سلمان"``): a token of CoNLL, hf or a window's word steps never holds
    a space or a line break."""
    pairs = np.array(tokens, dtype=np.int64).reshape(-1, 2)
    space = np.concatenate(([0], np.cumsum(arabic.white_space(text), dtype=np.int64)))
    inside = np.flatnonzero(space[pairs[:, 1]] > space[pairs[:, 0]])
    if not len(inside):
        return pairs[:, 0].copy(), pairs[:, 1].copy()
    cut: list[tuple[int, int]] = []
    at = 0
    for index in inside.tolist():
        cut.extend(map(tuple, pairs[at:index].tolist()))
        start, end = pairs[index].tolist()
        cut.extend(match.span() for match in _WORD.finditer(text, start, end))
        at = index + 1
    cut.extend(map(tuple, pairs[at:].tolist()))
    both = np.array(cut, dtype=np.int64).reshape(-1, 2)
    return both[:, 0].copy(), both[:, 1].copy()


def record_forms(items: Sequence[tuple[str, Bounds]]) -> list[tuple[str, bytes | None]]:
    """The stored record tokens of documents (text, token bounds): their JSON and bounds, or
    `TOO_LONG` and None for a document of more tokens than `SHARED_JSON_LIMIT` (its record
    tokens are made a window at a time by the export)."""
    empty = np.zeros(0, dtype=np.int64)
    made: list[tuple[str, bytes | None]] = []
    for text, (starts, ends) in items:
        if len(starts) > SHARED_JSON_LIMIT:
            made.append((TOO_LONG, None))
            continue
        record = record_token_arrays(text, np.concatenate((starts, ends)), empty, empty)
        made.append(("".join(record.json_pieces()), pack(record.starts, record.ends)))
    return made
