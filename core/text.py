"""Arabic text: where spans may start and end, in a document's tokens and grapheme clusters.

`TextIndex` is a document's text with its tokens and cluster boundaries; it snaps a selection
to a span and moves a span's ends. The pieces it stands on have modules of their own, and are
named here too: `cleaning` (the text as stored), `tokens` (camel-tools' tokenizer) and
`folding` (the normalized search copy). camel-tools is imported by `tokens` and `folding` only,
when a text is first tokenized or folded. Offsets are Python code-point offsets into the stored
text, end exclusive; everything normalized is a derived copy with a map back to the original.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import regex
from numpy.typing import NDArray

from alama.core.cleaning import BOM, clean, clean_with_offsets, content_hash, title_of
from alama.core.folding import TATWEEL, normalize, normalize_with_map
from alama.core.tokens import CAMEL_TOOLS_VERSION, token_bounds, tokenize, white_space

__all__ = [
    "BOM",
    "CAMEL_TOOLS_VERSION",
    "INVISIBLE",
    "TATWEEL",
    "TextIndex",
    "clean",
    "clean_with_offsets",
    "content_hash",
    "find_all",
    "is_edge_mark",
    "is_trimmed",
    "normalize",
    "normalize_with_map",
    "title_of",
    "token_bounds",
    "tokenize",
    "white_space",
]

# Characters a span never starts or ends with: they are invisible or direction controls.
INVISIBLE = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2060\ufeff"
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
_GRAPHEME = regex.compile(r"\X")


def is_trimmed(ch: str) -> bool:
    """True for characters a span must not start or end with: whitespace and invisible marks."""
    return ch.isspace() or ch in INVISIBLE


def _is_punctuation(piece: str) -> bool:
    return all(unicodedata.category(ch).startswith("P") or is_trimmed(ch) for ch in piece)


def is_edge_mark(cluster: str) -> bool:
    """True for a grapheme cluster a span never starts or ends with: blank (whitespace and
    invisible marks only), or punctuation with nothing but marks on it — quotes of every kind
    (" ' « » “ ” „ ‹ › ‘ ’), brackets, dashes and the Arabic ، ؛ ؟ ٪ with the Latin . : ! %.

    A letter, digit or symbol anywhere in the cluster keeps it; so does a lone combining mark.
    """
    punctuation = False
    for ch in cluster:
        category = unicodedata.category(ch)
        if category[0] == "P":
            punctuation = True
        elif not (is_trimmed(ch) or category[0] == "M"):
            return False
    return punctuation or all(is_trimmed(ch) for ch in cluster)


@dataclass
class TextIndex:
    """A document's text with its tokens and grapheme boundaries, computed once and kept.

    The GUI keeps one per open document; export and agreement build one per document. A
    document's stored tokens (``bounds``: starts and ends, see `Store.document_tokens`) are its
    tokens; without them (a document made before tokens were stored), camel-tools' are.
    """

    text: str
    bounds: tuple[NDArray[np.int64], NDArray[np.int64]] | None = field(
        default=None, compare=False, repr=False
    )

    @cached_property
    def tokens(self) -> list[tuple[int, int]]:
        """The document's tokens: the stored ones, else camel-tools' (see `tokenize`)."""
        if self.bounds is not None:
            starts, ends = self.bounds
            return list(zip(starts.tolist(), ends.tolist(), strict=True))
        return tokenize(self.text)

    @cached_property
    def token_arrays(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """The tokens' starts and ends as arrays (stored, else camel-tools' `token_bounds`)."""
        if self.bounds is not None:
            return self.bounds
        return token_bounds(self.text)

    @cached_property
    def token_edges(self) -> tuple[frozenset[int], frozenset[int]]:
        """The offsets where tokens start, and where they end."""
        return frozenset(self.token_starts), frozenset(self.token_ends)

    @cached_property
    def token_starts(self) -> list[int]:
        """Where each token starts, in order."""
        return [start for start, _ in self.tokens]

    @cached_property
    def token_ends(self) -> list[int]:
        """Where each token ends, in order."""
        return [end for _, end in self.tokens]

    @cached_property
    def _clusters(self) -> list[int]:
        """Start offsets of every grapheme cluster, plus the end of the text."""
        starts = [m.start() for m in _GRAPHEME.finditer(self.text)]
        starts.append(len(self.text))
        return starts

    def token_range(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices of the first and last token that overlap ``[start, end)`` (inclusive)."""
        first = bisect_right(self.token_ends, start)
        last = bisect_left(self.token_starts, end) - 1
        if first > last:
            return None
        return first, last

    def cluster_floor(self, offset: int) -> int:
        """The start of the grapheme cluster that contains ``offset``."""
        return self._clusters[bisect_right(self._clusters, offset) - 1]

    def cluster_ceil(self, offset: int) -> int:
        """The first cluster boundary at or after ``offset``."""
        return self._clusters[bisect_left(self._clusters, offset)]

    def trim(self, start: int, end: int) -> tuple[int, int]:
        """Move the ends inward past whitespace and invisible marks."""
        text = self.text
        while start < end and is_trimmed(text[start]):
            start += 1
        while end > start and is_trimmed(text[end - 1]):
            end -= 1
        return start, end

    def settle(self, start: int, end: int) -> tuple[int, int]:
        """Align both ends to grapheme clusters, then drop whole clusters at either end that are
        whitespace, invisible marks, quotes or punctuation (`is_edge_mark`): the same at both
        ends, so a quote is never kept on one side and dropped on the other. A joiner that
        extends a letter (ZWNJ after alef) belongs to the letter's cluster and stays."""
        clusters = self._clusters
        start, end = self.cluster_floor(start), self.cluster_ceil(end)
        while start < end:
            nxt = clusters[bisect_right(clusters, start)]
            if not is_edge_mark(self.text[start:nxt]):
                break
            start = nxt
        while end > start:
            prev = self.cluster_floor(end - 1)
            if not is_edge_mark(self.text[prev:end]):
                break
            end = prev
        return start, end

    def snap(self, start: int, end: int, exact: bool = False) -> tuple[int, int] | None:
        """Turn a raw selection into a valid span, or None if nothing is left of it.

        Both ends are trimmed of whitespace and invisible marks. By default the selection grows to
        the tokens it touches and loses punctuation tokens at its edges (a double-click's Arabic
        comma, the quote marks around a claim); with ``exact`` (Alt held in the GUI) it keeps the
        characters chosen, for a proclitic such as و or ب. Either way it never splits a letter
        from its combining marks, and never starts or ends with a quote or punctuation mark:
        ``"مايك``, ``«سوريا»`` and ``الأميركي"`` lose their quotes on both sides alike. A
        selection of punctuation only gives None.
        """
        start, end = sorted((max(0, min(start, len(self.text))), max(0, min(end, len(self.text)))))
        start, end = self.trim(start, end)
        if start >= end:
            return None
        if not exact:
            grown = self._grow_to_tokens(start, end)
            if grown is None:
                return None
            start, end = grown
        start, end = self.settle(start, end)
        return (start, end) if start < end else None

    def _grow_to_tokens(self, start: int, end: int) -> tuple[int, int] | None:
        touched = self.token_range(start, end)
        if touched is None:
            return start, end
        first, last = touched
        words = [
            i
            for i in range(first, last + 1)
            if not _is_punctuation(self.text[slice(*self.tokens[i])])
        ]
        if words:
            first, last = words[0], words[-1]
            return self.tokens[first][0], self.tokens[last][1]
        return None

    def is_word(self, token: int) -> bool:
        """Whether the token at this index holds more than punctuation (a word, number, emoji)."""
        return not _is_punctuation(self.text[slice(*self.tokens[token])])

    def word_step(self, offset: int, forward: bool) -> int:
        """Where a keyboard word move from ``offset`` lands: the end of the next word, or the
        start of the previous one, stepping over quotes and punctuation as over spaces. From
        inside a word it goes to that word's own end (or start). Without a word that way, the
        offset stays where it is."""
        if forward:
            index = bisect_right(self.token_ends, offset)
            while index < len(self.tokens) and not self.is_word(index):
                index += 1
            return self.tokens[index][1] if index < len(self.tokens) else offset
        index = bisect_left(self.token_starts, offset) - 1
        while index >= 0 and not self.is_word(index):
            index -= 1
        return self.tokens[index][0] if index >= 0 else offset

    def grow(self, start: int, end: int, side: str, by_token: bool) -> tuple[int, int]:
        """Move one end of a span outward by a word or a character; ``side`` is start or end.

        A word step passes over quotes and punctuation to the next word; a character step passes
        over them to the next letter, and stops at a space. The span never ends on a quote.
        """
        if side == "start":
            if by_token:
                start = min(start, self.word_step(start, forward=False))
            else:
                position = start
                while position > 0:
                    position = self.cluster_floor(position - 1)
                    cluster = self.text[position : self.cluster_ceil(position + 1)]
                    if not is_edge_mark(cluster):
                        start = position
                        break
                    if all(is_trimmed(ch) for ch in cluster):
                        break  # blank: the word ends here
            start = self.settle(start, end)[0]
        else:
            if by_token:
                end = max(end, self.word_step(end, forward=True))
            else:
                position = end
                while position < len(self.text):
                    following = self.cluster_ceil(position + 1)
                    cluster = self.text[position:following]
                    if not is_edge_mark(cluster):
                        end = following
                        break
                    if all(is_trimmed(ch) for ch in cluster):
                        break
                    position = following
            end = self.settle(start, end)[1]
        return start, end

    def shrink(self, start: int, end: int, side: str, by_token: bool) -> tuple[int, int]:
        """Move one end of a span inward; a span never shrinks below one cluster."""
        if side == "start":
            if by_token:
                nxt = bisect_right(self.token_starts, start)
                new = self.tokens[nxt][0] if nxt < len(self.tokens) else end
            else:
                new = self.cluster_ceil(start + 1)
            if new < end:
                start = self.settle(new, end)[0]
        else:
            if by_token:
                prev = bisect_left(self.token_ends, end) - 1
                new = self.tokens[prev][1] if prev >= 0 else start
            else:
                new = self.cluster_floor(end - 1)
            if new > start:
                end = self.settle(start, new)[1]
        return start, end


def find_all(text: str, query: str) -> list[tuple[int, int]]:
    """Every place ``query`` occurs in ``text`` ignoring diacritics, tatweel and hamza forms.

    Matches are returned as spans of the original text, grown to whole grapheme clusters so that
    a match keeps the marks of its last letter.
    """
    needle = normalize(query).strip()
    if not needle:
        return []
    haystack, origin = normalize_with_map(text)
    index = TextIndex(text)
    found = []
    position = haystack.find(needle)
    while position != -1:
        start = origin[position]
        end = origin[position + len(needle) - 1] + 1
        found.append((index.cluster_floor(start), index.cluster_ceil(end)))
        position = haystack.find(needle, position + 1)
    return found
