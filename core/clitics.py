"""Proclitics glued to a name, and whether this project's annotators keep them inside the span.

Arabic writes the conjunctions و and ف, the prepositions ب ك ل and the article ال as part of the
next word: "وروسيا", "بالعراق", "للولايات" (ل + ال: the article loses its alef after ل). A
suggestion for "روسيا" has to find all of them, and has to decide whether the span starts before
the proclitic or after it. Teams differ: spans snapped to whole words keep it, teams following
segmented corpora leave it out. `estimate_rule` measures it from the project's own spans.

Everything here works on the matching copy (`suggest_text`), where أ إ آ are already ا.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from alama.core.suggest_text import is_word_character, match_text

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
ARTICLE = "ال"
PROCLITICS = (*CONJUNCTIONS, *PREPOSITIONS, ARTICLE)
"""Every proclitic `estimate_rule` measures, outermost kinds first."""


class Piece(NamedTuple):
    """One proclitic of a word in the matching copy: which it is and where ([start, end))."""

    kind: str
    start: int
    end: int


class Reading(NamedTuple):
    """One way to read the start of a word: its proclitics, outermost first, and where the rest
    (the stem) starts. ``elided`` is an article whose alef fell after ل ("للولايات"): its piece
    is the one ل, and an entry that starts with ال matches from that ل on."""

    pieces: tuple[Piece, ...]
    stem: int
    elided: bool


_FIRST_LETTERS = frozenset("وفبكلا")


def readings(copy: str, word: int, end: int | None = None) -> Iterator[Reading]:
    """Every way to split proclitics off the word that starts at ``word`` in the copy (and ends
    at ``end``, found when not given), the reading without any first; each leaves a stem of at
    least two letters."""
    yield Reading((), word, False)
    if copy[word] not in _FIRST_LETTERS:
        return
    if end is None:
        end = word
        while end < len(copy) and is_word_character(copy[end]):
            end += 1
    for conjunction in ("", *CONJUNCTIONS):
        if conjunction and copy[word] != conjunction:
            continue
        after_conjunction = word + len(conjunction)
        for preposition in ("", *PREPOSITIONS):
            if preposition and copy[after_conjunction : after_conjunction + 1] != preposition:
                continue
            after_preposition = after_conjunction + len(preposition)
            head: list[Piece] = []
            if conjunction:
                head.append(Piece(conjunction, word, after_conjunction))
            if preposition:
                head.append(Piece(preposition, after_conjunction, after_preposition))
            if head and end - after_preposition >= 2:
                yield Reading(tuple(head), after_preposition, False)
            if preposition == "ل":  # ل + ال is written لل
                if copy[after_preposition : after_preposition + 1] == "ل" and (
                    end - after_preposition - 1 >= 2
                ):
                    article = Piece(ARTICLE, after_preposition, after_preposition + 1)
                    yield Reading((*head, article), after_preposition + 1, True)
            elif copy[after_preposition : after_preposition + 2] == ARTICLE and (
                end - after_preposition - 2 >= 2
            ):
                article = Piece(ARTICLE, after_preposition, after_preposition + 2)
                yield Reading((*head, article), after_preposition + 2, False)


def word_start(copy: str, position: int) -> int:
    """Where the word holding ``position`` starts (``position`` itself at a word's start)."""
    while position > 0 and is_word_character(copy[position - 1]):
        position -= 1
    return position


def word_at(copy: str, position: int) -> str:
    """The copy from ``position`` to the end of the word there."""
    end = position
    while end < len(copy) and is_word_character(copy[end]):
        end += 1
    return copy[position:end]


@dataclass
class CliticRule:
    """For each proclitic, how many spans had it glued in front and how many of them kept it.

    A proclitic is inside a suggested span when at least half of the measured spans kept it;
    one never measured follows the other conjunctions and prepositions together, and without
    any measure at all it is kept, as a span snapped to whole words keeps it.
    """

    glued: dict[str, int] = field(default_factory=dict)
    kept: dict[str, int] = field(default_factory=dict)

    def share(self, kind: str) -> float | None:
        """The share of measured spans that kept this proclitic, or None if none had it."""
        glued = self.glued.get(kind, 0)
        return self.kept.get(kind, 0) / glued if glued else None

    def keeps(self, kind: str) -> bool:
        """Whether a suggested span starts before this proclitic (see the class)."""
        share = self.share(kind)
        if share is None and kind != ARTICLE:
            particles = [k for k in PROCLITICS if k != ARTICLE]
            glued = sum(self.glued.get(k, 0) for k in particles)
            share = sum(self.kept.get(k, 0) for k in particles) / glued if glued else None
        return share is None or share >= 0.5

    def span_start(self, pieces: tuple[Piece, ...], stem: int) -> int:
        """Where a suggested span starts in the copy: before the proclitics it keeps, from the
        innermost outward, stopping at the first it leaves out (a span is one stretch)."""
        start = stem
        for piece in reversed(pieces):
            if not self.keeps(piece.kind):
                break
            start = piece.start
        return start


class LabelledText(NamedTuple):
    """A document's text and one layer's spans in it: (start, end, label) in stored offsets."""

    doc: int
    text: str
    spans: list[tuple[int, int, str]]


def estimate_rule(examples: Iterable[LabelledText]) -> CliticRule:
    """Measure from a layer's spans whether its annotators keep each proclitic in the span.

    A span counts for a proclitic when its first word has one glued in front and what follows
    is the first word of some span of the layer ("وروسيا" counts for و where "روسيا" is marked
    somewhere; "لبنان" does not count for ل, since no span starts "بنان"). It kept the
    proclitic if it starts before it, and left it out if it starts right after it.
    """
    found: list[tuple[str, list[int]]] = []
    for example in examples:
        copy = match_text(example.text)
        origin = copy.origin.tolist()
        offsets = (bisect.bisect_left(origin, start) for start, _, _ in example.spans)
        found.append((copy.text, [offset for offset in offsets if offset < len(origin)]))
    first_words = {word_at(copy, offset) for copy, offsets in found for offset in offsets}
    rule = CliticRule()
    for copy_text, offsets_in_copy in found:
        for offset in offsets_in_copy:
            _measure(rule, copy_text, offset, first_words)
    return rule


def _measure(rule: CliticRule, copy: str, offset: int, first_words: set[str]) -> None:
    """Count one span that starts at ``offset`` of the copy (see `estimate_rule`): by the
    reading with the most proclitics where the span starts right at its stem, or before a
    proclitic with what follows the proclitics starting a span of its own."""
    word = word_start(copy, offset)
    for reading in sorted(readings(copy, word), key=lambda r: -len(r.pieces)):
        if not reading.pieces:
            return
        before_piece = offset in [piece.start for piece in reading.pieces]
        if offset == reading.stem or (before_piece and _stands_alone(copy, reading, first_words)):
            for piece in reading.pieces:
                rule.glued[piece.kind] = rule.glued.get(piece.kind, 0) + 1
                if piece.start >= offset:
                    rule.kept[piece.kind] = rule.kept.get(piece.kind, 0) + 1
            return


def _stands_alone(copy: str, reading: Reading, first_words: set[str]) -> bool:
    """Whether what follows a reading's proclitics starts a span of its own somewhere (with
    or without the article, when the article is one of them)."""
    stem = word_at(copy, reading.stem)
    has_article = reading.pieces[-1].kind == ARTICLE
    return stem in first_words or (has_article and ARTICLE + stem in first_words)
