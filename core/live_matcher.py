"""The window's learning string matcher: a `LearnedMatcher` that is quick to ask again.

After each label the window asks for the shown document's suggestions again. A plain
`LearnedMatcher` builds its phrase trie again after every `learn` (a layer holds thousands of
strings) and reads the whole document again (each word's proclitic readings, then the trie
walk). `LiveMatcher` suggests what it would, with one difference: overlapping matches are
settled label by label, not across labels, so an ACTOR string inside a learned CLAIM is still
suggested where the CLAIM's own string is found (the pending list lets spans of different labels
overlap, as spans do). And it is quick:

- its trie is changed string by string as it learns and forgets;
- the words of the last documents it read are kept with their readings, and so are the matches
  found there (every phrase at every place, before overlapping ones are settled): when a string
  is learned or forgotten since, only that string is looked for again, and when only the shares
  of a string's labels changed, nothing is looked for again at all.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from alama.core.clitics import CliticRule, LabelledText, Reading, readings, word_at
from alama.core.suggest import (  # the phrase matcher's own walk and its rule for overlaps
    _END,
    _WORD,
    LearnedMatcher,
    PhraseMatcher,
    Suggestion,
    _Match,
    _non_overlapping,
    learned_key,
    likely_labels,
)
from alama.core.suggest_text import MatchText, is_word_character, match_text

KEPT_DOCUMENTS = 8
"""The documents whose words and matches are kept."""
LOG = 256
"""How many strings learned or forgotten are remembered for the documents kept (a document
last read before that is read again whole)."""


class LiveMatcher(LearnedMatcher):
    """A `LearnedMatcher` that changes its trie in place and keeps what it read (see the
    module). ``version`` changes whenever what it suggests may have."""

    def __init__(self, rule: CliticRule, name: str = "match") -> None:
        super().__init__(rule, name)
        self.phrases = PhraseMatcher({}, rule)
        self.version = 0
        self.shape = 0  # the number of strings added to or taken from the trie so far
        self._log: list[str] = []  # those strings, the last LOG of them
        self._read: dict[int, tuple[str, MatchText, list[tuple[Reading, ...]], list[int]]] = {}
        self._found: dict[int, tuple[int, list[_Match]]] = {}  # by document: shape, matches
        self._stamps: dict[str, int] = {}  # per string: the version its scores were set at
        # by document: (start, end, string, label) -> (its version, the suggestion made)
        self._made: dict[int, dict[tuple[int, int, str, str], tuple[int, Suggestion]]] = {}
        self._likely: dict[str, tuple[int, list[tuple[str, float]]]] = {}  # by string, stamped

    def learn(self, examples: Iterable[LabelledText]) -> None:
        """Count each span's string under its label (see `LearnedMatcher.learn`)."""
        self._update(self._count(examples, learning=True))

    def forget(self, examples: Iterable[LabelledText]) -> None:
        """Take back what `learn` counted for these spans."""
        self._update(self._count(examples, learning=False))

    def _update(self, keys: Iterable[str]) -> None:
        """The trie and scores of these strings as their counts now say."""
        phrases = self.phrases
        for key in keys:
            labels = self.counts.get(key)
            total = sum(labels.values()) if labels else 0
            scores = {label: n / total for label, n in labels.items()} if labels else None
            if scores == phrases.scores.get(key):
                continue
            self.version += 1
            self._stamps[key] = self.version
            if scores is not None and key in phrases.scores:
                phrases.scores[key] = scores  # the same string: only its labels' shares
                continue
            node = phrases._trie
            if scores is None:
                del phrases.scores[key]
                for ch in key:
                    node = node.get(ch, {})
                node.pop(_END, None)
            else:
                _add(node, key)
                if not is_word_character(key[0]):
                    phrases._other_starts.add(key[0])
                phrases.scores[key] = scores
            self.shape += 1
            self._log = [*self._log[-(LOG - 1) :], key]

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """The learned strings found in the text, by start: as `PhraseMatcher.suggestions`
        finds them, except that overlaps are settled label by label (the longest string of a
        label wins over the shorter ones of that label it overlaps), so that the names inside
        a claim are suggested also where the claim's own string is found again."""
        copy, words, _ = self._words(text, doc)
        kept = self._found.get(doc)
        since = self.shape - kept[0] if kept is not None else LOG + 1
        if kept is not None and since == 0:
            found = kept[1]
        elif kept is not None and since <= len(self._log):
            changed = set(self._log[len(self._log) - since :])
            found = [m for m in kept[1] if m.phrase not in changed]
            trie: dict[str, Any] = {}
            for key in changed & self.phrases.scores.keys():
                _add(trie, key)
            found += self._walk_words(copy.text, words, trie)
        else:
            found = self._walk_words(copy.text, words, self.phrases._trie)
        self._found[doc] = (self.shape, found)
        scores, stamps, likely = self.phrases.scores, self._stamps, self._likely
        made = self._made.setdefault(doc, {})
        by_label: dict[str, list[_Match]] = {}  # each label's matches settle their overlaps
        for match in found:
            known = likely.get(match.phrase)
            if known is None or known[0] != stamps[match.phrase]:
                known = likely[match.phrase] = (
                    stamps[match.phrase],
                    likely_labels(scores[match.phrase]),
                )
            for label, _ in known[1]:
                by_label.setdefault(label, []).append(match)
        result: list[Suggestion] = []
        for label, matches in by_label.items():
            for match in _non_overlapping(matches):
                at = (match.start, match.end, match.phrase, label)
                made_one = made.get(at)
                if made_one is None or made_one[0] != stamps[match.phrase]:
                    start, end = copy.stored_span(match.start, match.end)
                    score = scores[match.phrase][label]
                    made_one = made[at] = (
                        stamps[match.phrase],
                        Suggestion(doc, start, end, label, self.name, score),
                    )
                result.append(made_one[1])
        result.sort(key=lambda s: (s.start, s.end, s.label))
        return result

    def _keys(self, examples: Iterable[LabelledText], learning: bool) -> list[tuple[str, str]]:
        """`LearnedMatcher._keys`, on the matching copy kept of each document."""
        found = []
        for example in examples:
            copy, _, origin = self._words(example.text, example.doc)
            spans = [
                (bisect_left(origin, start), bisect_left(origin, end), label)
                for start, end, label in example.spans
            ]
            spans = [(first, last, label) for first, last, label in spans if first < last]
            if learning:
                self.first_words.update(word_at(copy.text, first) for first, _, _ in spans)
            for first, last, label in spans:
                key = learned_key(copy.text, first, last, self.rule, self.first_words)
                if key:
                    found.append((key, label))
        return found

    def _walk_words(
        self, text: str, words: list[tuple[Reading, ...]], trie: dict[str, Any]
    ) -> list[_Match]:
        """Every phrase of ``trie`` at every place of the copy (`PhraseMatcher.find`'s walk)."""
        walk = self.phrases._walk
        found: list[_Match] = []
        for reads in words:
            for reading in reads:
                if text[reading.stem] in trie:
                    walk(text, reading.stem, trie, reading.pieces, reading.stem, found)
                if reading.elided and "ا" in trie:
                    first = reading.pieces[-1].start
                    walk(text, first, trie["ا"], reading.pieces[:-1], first, found, 1)
        others = {ch for ch in trie if not is_word_character(ch)}
        if others:
            for position, ch in enumerate(text):
                if ch in others:
                    walk(text, position, trie, (), position, found)
        return found

    def _words(self, text: str, doc: int) -> tuple[MatchText, list[tuple[Reading, ...]], list[int]]:
        """A document's matching copy, each word's proclitic readings and where each character
        of the copy is in the text, kept for a few documents."""
        known = self._read.get(doc)
        if known is not None and (known[0] is text or known[0] == text):
            return known[1], known[2], known[3]
        copy = match_text(text)
        words = [tuple(readings(copy.text, w.start(), w.end())) for w in _WORD.finditer(copy.text)]
        origin = copy.origin.tolist()
        self._read[doc] = (text, copy, words, origin)
        self._found.pop(doc, None)
        self._made.pop(doc, None)
        while len(self._read) > KEPT_DOCUMENTS:
            gone = next(iter(self._read))
            del self._read[gone]
            self._found.pop(gone, None)
            self._made.pop(gone, None)
        return copy, words, origin


def _add(trie: dict[str, Any], key: str) -> None:
    node = trie
    for ch in key:
        node = node.setdefault(ch, {})
    node[_END] = key
