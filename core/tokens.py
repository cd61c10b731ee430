"""Tokens: camel-tools' simple word tokenizer, computed with numpy over a whole text.

camel-tools is imported when the first text is tokenized, not before (building its tables of
Unicode punctuation and symbols takes half a second): a command that never tokenizes never
pays for it.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, NamedTuple

import camel_tools
import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    import regex

CAMEL_TOOLS_VERSION = str(camel_tools.__version__)

_NONE = 0x110000  # past the last code point: "no next character"
_SPACE_LIMIT = 0x3001  # no white space above U+3000


def white_space(text: str) -> NDArray[np.bool_]:
    """For each code point of ``text``, whether it is white space (``str.isspace``)."""
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    return _space()[np.minimum(cp, _SPACE_LIMIT)]


def tokenize(text: str) -> list[tuple[int, int]]:
    """Tokens as ``(start, end)`` code-point offsets: camel-tools' simple word tokenizer.

    See `token_bounds`, which gives the same as two arrays.
    """
    starts, ends = token_bounds(text)
    return list(zip(starts.tolist(), ends.tolist(), strict=True))


def token_bounds(text: str) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Token starts and ends as arrays: camel-tools' simple word tokenizer.

    The same tokens as `camel_tools.tokenizers.word.simple_word_tokenize` (a test holds the two
    together on random text with every kind of emoji sequence), computed with numpy over the
    whole text instead of character by character in Python: about four times faster, which
    export and agreement over 10,000 documents need.

    camel-tools splits each white-space-separated word before every punctuation mark, symbol or
    emoji sequence of its list. A character that cannot start such a sequence never splits; one
    that is the whole sequence on its own (most punctuation) splits without a regex; only the
    few that may start a longer sequence (emoji with modifiers, flags, keycaps) go through
    camel-tools' own regex.
    """
    if not text:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    tables = _tables()
    cp = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    space = _space()[np.minimum(cp, _SPACE_LIMIT)]
    edges = np.diff(np.concatenate(([True], space, [True])).view(np.int8))
    starts = np.flatnonzero(edges == -1)
    ends = np.flatnonzero(edges == 1)
    first = tables.can_start[cp]
    following = np.concatenate((cp[1:], [_NONE]))
    simple = first & ~tables.regional[cp] & ~tables.extends[following]
    cut_start = np.flatnonzero(simple & tables.alone[cp])
    cut_end = cut_start + 1
    hard = np.flatnonzero(first & ~simple)
    if len(hard):
        word_ends = ends[np.searchsorted(starts, hard, side="right") - 1]
        covered_to = -1
        extra: list[tuple[int, int]] = []
        covered: list[tuple[int, int]] = []
        for position, word_end in zip(hard.tolist(), word_ends.tolist(), strict=True):
            if position < covered_to:
                continue
            match = tables.symbols_re.match(text, position, word_end)
            if match is not None and match[0] in tables.symbols:
                extra.append((position, match.end()))
                if match.end() - position > 1:
                    covered.append((position, match.end()))
                    covered_to = match.end()
        keep = np.ones(len(cut_start), dtype=bool)
        for begin, end in covered:
            keep &= ~((cut_start > begin) & (cut_start < end))
        cut_start = np.concatenate((cut_start[keep], [b for b, _ in extra])).astype(np.int64)
        cut_end = np.concatenate((cut_end[keep], [e for _, e in extra])).astype(np.int64)
    edge = np.zeros(len(cp) + 1, dtype=bool)  # (a mask, not np.unique: no sort, 40% off)
    edge[starts] = edge[ends] = edge[cut_start] = edge[cut_end] = True
    bounds = np.flatnonzero(edge)
    left, right = bounds[:-1], bounds[1:]
    inside = ~space[left]
    return left[inside].astype(np.int64), right[inside].astype(np.int64)


class _Tables(NamedTuple):
    """Lookup tables by code point for `token_bounds`, from camel-tools' list of symbols."""

    can_start: NDArray[np.bool_]  # may start a symbol or emoji sequence
    alone: NDArray[np.bool_]  # is a whole symbol on its own
    extends: NDArray[np.bool_]  # continues an emoji sequence
    regional: NDArray[np.bool_]  # a regional indicator: flags are pairs of them
    symbols: frozenset[str]
    symbols_re: regex.Pattern[str]


@cache
def _tables() -> _Tables:
    """Built once, at the first text tokenized."""
    from camel_tools.tokenizers.word import _SYMBOLS_ALL, _SYMBOLS_RE

    size = _NONE + 1
    can_start = np.zeros(size, dtype=bool)
    can_start[[ord(symbol[0]) for symbol in _SYMBOLS_ALL]] = True
    alone = np.zeros(size, dtype=bool)
    alone[[ord(symbol) for symbol in _SYMBOLS_ALL if len(symbol) == 1]] = True
    extends = np.zeros(size, dtype=bool)  # what continues an emoji sequence: VS16, keycap,
    for low, high in ((0xFE0F, 0xFE0F), (0x20E3, 0x20E3), (0x200D, 0x200D),  # ZWJ, skin tones,
                      (0x1F3FB, 0x1F3FF), (0xE0020, 0xE007F)):  # tag letters  # fmt: skip
        extends[low : high + 1] = True
    regional = np.zeros(size, dtype=bool)
    regional[0x1F1E6 : 0x1F1FF + 1] = True
    return _Tables(can_start, alone, extends, regional, frozenset(_SYMBOLS_ALL), _SYMBOLS_RE)


@cache
def _space() -> NDArray[np.bool_]:
    """Whether each code point up to U+3000 is white space, and False for every one above."""
    return np.array([chr(i).isspace() for i in range(_SPACE_LIMIT)] + [False], dtype=bool)
