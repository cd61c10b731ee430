"""The words a CRF reads: the matching copy in sentences of word tokens, and each word's features.

Tokens are runs of word characters of the matching copy (`suggest_text`) and every other sign on
its own; a sentence ends after . ! ? ؟ and at a line break. A word's features (cached by word,
as news repeats its words): the word, each reading of it with proclitics read off (`clitics`):
the stem and which proclitics, the stem's first and last one to three letters, its character
trigrams, its shape (a sign, digits, Latin), its length; and the words and stems around it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from alama.core.clitics import readings
from alama.core.suggest_text import MatchText, is_word_character, match_text

_TOKEN = re.compile(r"[^\W_]+|\S")  # a run of word characters, or any other sign on its own
_SENTENCE_END = frozenset(".!?؟")
_CACHE_LIMIT = 200_000


class Sentence(NamedTuple):
    """Word tokens of one sentence of the copy: [start, end) in the copy."""

    starts: list[int]
    ends: list[int]


@dataclass(frozen=True, slots=True)
class ReadText:
    """A text read for the CRF: its copy, its sentences and their words."""

    copy: MatchText
    sentences: list[Sentence]
    words: list[list[str]]


def read_text(text: str) -> ReadText:
    """The copy split in sentences (after . ! ? ؟ and at line breaks) of word tokens."""
    copy = match_text(text)
    sentences: list[Sentence] = []
    words: list[list[str]] = []
    starts: list[int] = []
    ends: list[int] = []
    previous_end = 0
    for found in _TOKEN.finditer(copy.text):
        if starts and "\n" in copy.text[previous_end : found.start()]:
            sentences.append(Sentence(starts, ends))
            starts, ends = [], []
        starts.append(found.start())
        ends.append(found.end())
        previous_end = found.end()
        if found.group() in _SENTENCE_END:
            sentences.append(Sentence(starts, ends))
            starts, ends = [], []
    if starts:
        sentences.append(Sentence(starts, ends))
    for sentence in sentences:
        words.append([copy.text[a:b] for a, b in zip(sentence.starts, sentence.ends, strict=True)])
    return ReadText(copy, sentences, words)


def stem_of(word: str) -> str:
    """The word with the most proclitics read off (itself when none can be)."""
    if not word or not is_word_character(word[0]):
        return word
    best = max(readings(word, 0, len(word)), key=lambda r: len(r.pieces))
    return word[best.stem :]


class Features:
    """Feature strings of words, cached by word (news repeats its words)."""

    def __init__(self) -> None:
        self._own: dict[str, list[str]] = {}
        self._stem: dict[str, str] = {}

    def stem(self, word: str) -> str:
        found = self._stem.get(word)
        if found is None:
            if len(self._stem) > _CACHE_LIMIT:
                self._stem.clear()
            found = self._stem[word] = stem_of(word)
        return found

    def own(self, word: str) -> list[str]:
        found = self._own.get(word)
        if found is None:
            if len(self._own) > _CACHE_LIMIT:
                self._own.clear()
            found = self._own[word] = word_features(word)
        return found

    def sentence(self, words: Sequence[str]) -> list[list[str]]:
        """Each word's features and its neighbours' (two either side)."""
        stems = [self.stem(w) for w in words]
        last = len(words) - 1
        result = []
        for i, word in enumerate(words):
            features = [*self.own(word)]
            if i == 0:
                features.append("BOS")
            else:
                features += [f"w-1={words[i - 1]}", f"s-1={stems[i - 1]}"]
                features.append(f"x-1={stems[i - 1][-2:]}")
                if i > 1:
                    features.append(f"w-2={words[i - 2]}")
            if i == last:
                features.append("EOS")
            else:
                features += [f"w+1={words[i + 1]}", f"s+1={stems[i + 1]}"]
                if i + 1 < last:
                    features.append(f"w+2={words[i + 2]}")
            result.append(features)
        return result


def word_features(word: str) -> list[str]:
    """What one word of the copy looks like (see the module)."""
    features = [f"w={word}", f"n={min(len(word), 9)}"]
    if not is_word_character(word[0]):
        return [*features, "sign"]
    if word.isdigit():
        features.append("digits")
    elif word.isascii():
        features.append("latin")
    stem = word
    for reading in readings(word, 0, len(word)):
        if reading.pieces:
            stem = word[reading.stem :]
            kinds = "+".join(piece.kind for piece in reading.pieces)
            features += [f"s={stem}", f"p={kinds}"]
    for n in (1, 2, 3):
        if len(stem) > n:
            features += [f"a{n}={stem[:n]}", f"z{n}={stem[-n:]}"]
    padded = f"<{stem}>"
    features.extend(f"g={padded[i : i + 3]}" for i in range(len(padded) - 2))
    return features


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """BIO tags as spans [first, last + 1); an I- after another label starts a span."""
    spans: list[tuple[int, int, str]] = []
    current: tuple[int, str] | None = None
    for i, tag in enumerate(tags):
        kind, _, label = tag.partition("-")
        if current is not None and (kind != "I" or label != current[1]):
            spans.append((current[0], i, current[1]))
            current = None
        if kind in ("B", "I") and current is None:
            current = (i, label)
    if current is not None:
        spans.append((current[0], len(tags), current[1]))
    return spans
