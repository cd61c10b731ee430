"""Suggestions: pending spans that a source proposes and an annotator accepts or rejects.

A `Source` is anything with a name and a ``suggest(text, doc)`` that returns `Suggestion` records
in stored offsets. Two sources are here, both built on one `PhraseMatcher`:

- `Gazetteer`: phrases with their labels, from `text<TAB>label` files or Prodigy pattern files
  (`gazetteer_files`);
- `LearnedMatcher`: the strings a layer's annotators marked, scored by how often each string got
  each label (INCEpTION's string matcher, Arabic-aware).

Both match on the matching copy (`suggest_text`) at word boundaries, with proclitics glued in
front ("وروسيا", "للولايات"), longest match first; whether a proclitic is inside the suggested
span follows a `CliticRule` measured from the project's spans (`clitics`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol, Self

from alama.core.clitics import (
    ARTICLE,
    CliticRule,
    LabelledText,
    Piece,
    estimate_rule,
    readings,
    word_at,
)
from alama.core.suggest_text import MatchText, is_word_character, match_key, match_text


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A pending span: a document, stored offsets (end exclusive), a label, the source that
    proposed it and how sure it is (0 to 1)."""

    doc: int
    start: int
    end: int
    label: str
    source: str
    score: float


class Source(Protocol):
    """A source of suggestions: a name (stored with each accepted suggestion) and a method that
    proposes spans for one document's stored text."""

    @property
    def name(self) -> str:
        """The source's name, as `Suggestion.source`."""
        ...

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """Suggestions for this text, in stored offsets, ordered by start."""
        ...


_WORD = re.compile(r"[^\W_]+")  # a run of word characters (`is_word_character`)
_END = ""  # the key under which a trie node keeps the phrase that ends there


class _Match(NamedTuple):
    length: int  # the phrase's length in the copy
    clitics: int  # how many proclitics outside the phrase were read off
    start: int  # where the suggested span starts in the copy
    end: int
    phrase: str


class PhraseMatcher:
    """Phrases (in the matching copy) with label scores, found in text longest first.

    A phrase matches at word boundaries of the copy, or after proclitics glued to its first
    word. Matches never overlap: the longest phrase wins, then the one with fewer proclitics
    read off, then the earlier; every label of the winning phrase is suggested.
    """

    def __init__(self, scores: Mapping[str, Mapping[str, float]], rule: CliticRule) -> None:
        self.scores = {phrase: dict(labels) for phrase, labels in scores.items() if phrase}
        self.rule = rule
        self._trie: dict[str, Any] = {}
        for phrase in self.scores:
            node = self._trie
            for ch in phrase:
                node = node.setdefault(ch, {})
            node[_END] = phrase
        self._other_starts = {ch for ch in self._trie if not is_word_character(ch)}

    def find(self, copy: MatchText) -> list[tuple[int, int, str]]:
        """The phrases found in a matching copy: (stored start, stored end, phrase), by start."""
        text = copy.text
        found: list[_Match] = []
        for word in _WORD.finditer(text):
            self._at_word(text, word.start(), word.end(), found)
        if self._other_starts:  # phrases that start with a sign ("#", "«")
            for position, ch in enumerate(text):
                if ch in self._other_starts:
                    self._walk(text, position, self._trie, (), position, found)
        chosen = _non_overlapping(found)
        return [(*copy.stored_span(m.start, m.end), m.phrase) for m in chosen]

    def _at_word(self, text: str, word: int, end: int, found: list[_Match]) -> None:
        for reading in readings(text, word, end):
            if text[reading.stem] in self._trie:
                self._walk(text, reading.stem, self._trie, reading.pieces, reading.stem, found)
            if reading.elided and "ا" in self._trie:
                # "للولايات": the phrase "الولايات" goes on from its ل, its alef not written
                at = reading.pieces[-1].start
                outside = reading.pieces[:-1]
                self._walk(text, at, self._trie["ا"], outside, at, found, skipped=1)

    def _walk(
        self,
        text: str,
        position: int,
        node: dict[str, Any],
        pieces: tuple[Piece, ...],
        phrase_start: int,
        found: list[_Match],
        skipped: int = 0,
    ) -> None:
        """Follow the trie from ``node`` along the text; record each phrase that ends at a
        boundary. ``skipped`` counts phrase characters not in the text (an elided alef)."""
        end = position
        while end < len(text):
            child: dict[str, Any] | None = node.get(text[end])
            if child is None:
                return
            node = child
            end += 1
            phrase = node.get(_END)
            if phrase is not None and _boundary(text, end):
                length = end - phrase_start + skipped
                start = self.rule.span_start(pieces, phrase_start)
                found.append(_Match(length, len(pieces), start, end, phrase))

    def suggestions(self, text: str, doc: int, source: str) -> list[Suggestion]:
        """Every label of every phrase found, as suggestions of ``source``."""
        result: list[Suggestion] = []
        for start, end, phrase in self.find(match_text(text)):
            labels = likely_labels(self.scores[phrase])
            result.extend(
                Suggestion(doc, start, end, label, source, score) for label, score in labels
            )
        return result


LIKELY = 0.5
"""A string's label is suggested when it got it at least half as often as its commonest one."""


def likely_labels(scores: Mapping[str, float]) -> list[tuple[str, float]]:
    """The labels of a phrase worth suggesting (see `LIKELY`), surest first: "روسيا" marked
    ACTOR 6 times and PLACE 4 times is suggested as both; marked PLACE 9 times and ACTOR once,
    as PLACE only."""
    if not scores:
        return []
    best = max(scores.values())
    labels = [(label, score) for label, score in scores.items() if score >= best * LIKELY]
    return sorted(labels, key=lambda item: (-item[1], item[0]))


def _boundary(text: str, position: int) -> bool:
    """Whether a match may end here: not between two word characters."""
    if position >= len(text) or position == 0:
        return True
    return not (is_word_character(text[position - 1]) and is_word_character(text[position]))


def _non_overlapping(found: list[_Match]) -> list[_Match]:
    """Longest phrase first, then fewer proclitics, then earlier; overlapping ones dropped."""
    taken: list[_Match] = []
    used: set[int] = set()
    for match in sorted(found, key=lambda m: (-m.length, m.clitics, m.start)):
        cells = range(match.start, match.end)
        if used.isdisjoint(cells):
            taken.append(match)
            used.update(cells)
    return sorted(taken, key=lambda m: m.start)


class GazetteerEntry(NamedTuple):
    """One phrase of a gazetteer with its label, and where it was read (``path:line``)."""

    text: str
    label: str
    where: str = ""


class Gazetteer:
    """A source that suggests the phrases of gazetteers (score 1)."""

    def __init__(
        self, entries: Iterable[GazetteerEntry], rule: CliticRule, name: str = "gazetteer"
    ) -> None:
        scores: dict[str, dict[str, float]] = {}
        for entry in entries:
            key = match_key(entry.text)
            if key:
                scores.setdefault(key, {})[entry.label] = 1.0
        self._name = name
        self.matcher = PhraseMatcher(scores, rule)

    @property
    def name(self) -> str:
        """The source's name."""
        return self._name

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """The gazetteer's phrases found in the text."""
        return self.matcher.suggestions(text, doc, self._name)


class LearnedMatcher:
    """A source that suggests the strings a layer's annotators marked, with the share of times
    each string got each label as the score; `learn` adds more at once."""

    def __init__(self, rule: CliticRule, name: str = "match") -> None:
        self._name = name
        self.rule = rule
        self.counts: dict[str, Counter[str]] = {}
        self.first_words: set[str] = set()
        self._matcher: PhraseMatcher | None = None

    @classmethod
    def from_examples(cls, examples: Iterable[LabelledText], name: str = "match") -> Self:
        """A matcher that learned from these spans, with the proclitic rule they show
        (`estimate_rule`)."""
        examples = list(examples)
        matcher = cls(estimate_rule(examples), name)
        matcher.learn(examples)
        return matcher

    @property
    def name(self) -> str:
        """The source's name."""
        return self._name

    def learn(self, examples: Iterable[LabelledText]) -> None:
        """Count each span's string (proclitics it kept taken off) under its label."""
        self._count(examples, learning=True)

    def forget(self, examples: Iterable[LabelledText]) -> None:
        """Take back what `learn` counted for these spans (deleted or changed since)."""
        self._count(examples, learning=False)

    def _count(self, examples: Iterable[LabelledText], learning: bool) -> set[str]:
        """Count the spans' strings up (learning) or down; the strings whose counts changed."""
        touched = set()
        for key, label in self._keys(examples, learning):
            if learning:
                self.counts.setdefault(key, Counter())[label] += 1
            else:
                labels = self.counts.get(key)
                if labels is None or labels[label] <= 0:
                    continue
                labels[label] -= 1
                if labels[label] == 0:
                    del labels[label]
                if not labels:
                    del self.counts[key]
            touched.add(key)
        self._matcher = None
        return touched

    def _keys(self, examples: Iterable[LabelledText], learning: bool) -> list[tuple[str, str]]:
        """Each span's learned string and label (learning: its first word is noted first)."""
        prepared = []
        for example in examples:
            copy = match_text(example.text)
            origin = copy.origin.tolist()
            spans = [
                (bisect_left(origin, start), bisect_left(origin, end), label)
                for start, end, label in example.spans
            ]
            spans = [(first, last, label) for first, last, label in spans if first < last]
            if learning:
                self.first_words.update(word_at(copy.text, first) for first, _, _ in spans)
            prepared.append((copy.text, spans))
        found = []
        for copy_text, spans in prepared:
            for first, last, label in spans:
                key = learned_key(copy_text, first, last, self.rule, self.first_words)
                if key:
                    found.append((key, label))
        return found

    def scores(self) -> dict[str, dict[str, float]]:
        """Each learned string's labels with their relative frequency."""
        result = {}
        for key, labels in self.counts.items():
            total = sum(labels.values())
            result[key] = {label: count / total for label, count in labels.items()}
        return result

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """The learned strings found in the text."""
        if self._matcher is None:
            self._matcher = PhraseMatcher(self.scores(), self.rule)
        return self._matcher.suggestions(text, doc, self._name)


def learned_key(copy: str, first: int, last: int, rule: CliticRule, first_words: set[str]) -> str:
    """The string a span (``[first, last)`` of the matching copy) teaches: the span's text,
    without the conjunction and preposition it starts with when the rule keeps them in spans
    and what follows them starts some span on its own ("وروسيا" teaches "روسيا" where "روسيا"
    was marked; "لبنان" stays "لبنان"); the article's alef comes back where it fell after ل."""
    key = copy[first:last].strip()
    for reading in sorted(readings(copy, first), key=lambda r: -len(r.pieces)):
        pieces = [piece for piece in reading.pieces if piece.kind != ARTICLE]
        if not pieces or not all(rule.keeps(piece.kind) for piece in pieces):
            continue
        remainder = ("ا" if reading.elided else "") + copy[pieces[-1].end : last]
        if word_at(remainder, 0) in first_words:
            return remainder.strip()
    return key
