"""A statistical tagger trained on the project's own spans: a CRF over the words of the copy.

`CrfTagger` is a suggestion `Source` (name "model"). It reads the matching copy (`suggest_text`),
so a name written with diacritics, tatweel or another hamza form is the same word to it, tags
word tokens BIO with a linear-chain CRF (CRFsuite through `sklearn-crfsuite`, L-BFGS with L1 and
L2 penalties, a capped number of iterations), and maps the words it tags back to stored offsets.

Why a CRF: it trains on this machine in seconds on a thousand articles (no GPU, no download),
learns from a few hundred spans, and its features (`suggest_features`) say what Arabic names look
like without a dictionary: the word, the word with its proclitics read off (so "وروسيا" shares
weight with "روسيا"), the proclitics themselves, prefixes and suffixes up to three letters,
character trigrams, the shape (digits, Latin, a sign), and the words and stems around it. BIO
rather than IO tags, though IO would train about twice as fast with many labels: two names side
by side are often two words with nothing between them ("روسيا والصين"), and IO would join them.

Why tiers: a project's spans overlap. A CLAIM is a clause that holds the ACTOR who made it, and
Wojood nests a place inside an organisation, so one BIO sequence cannot hold every label. One
CRF per label would train as many models as labels (45 for NewsFANE). Instead the labels are put
in tiers from the training spans: labels whose spans rarely overlap each other
(`OVERLAP_SHARE` of the smaller label's spans at most) share a tier, and each tier is one CRF
over BIO tags of its labels. ACTOR and PLACE share one tier and CLAIM gets its own; a flat
corpus is one tier. Within a tier, spans that still overlap keep the outermost (longest first).

Proclitics follow the project (`clitics`): a word with a proclitic glued in front is one token,
and a span the CRF tags from that word starts where this project's annotators start spans: the
proclitics are read off by the reading whose stem starts a training span or stands as a word of
its own in the document, and the measured `CliticRule` says which of them the span keeps.

Score: the smallest of the CRF's marginal probabilities of the span's tags (B on its first word,
I on the others), an upper bound on the probability of the whole span.

Training time grows with the words read, ``max_iterations``, and the square of the labels in a
tier (1,000 articles with ACTOR, PLACE and CLAIM: about 20 s here; 800 NewsFANE sentences with
45 labels: about 35 s). When the examples hold more than ``max_words`` words, every sentence with
a span is kept and the sentences without one are sampled (seeded) to fill the rest. A tagger
suggests from one thread at a time (CRFsuite's tagger keeps the sentence it reads).
"""

from __future__ import annotations

import bisect
import json
import random
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Self

import pycrfsuite
import sklearn_crfsuite

from alama.core.clitics import ARTICLE, CliticRule, LabelledText, estimate_rule, readings, word_at
from alama.core.errors import InputError
from alama.core.suggest import Suggestion
from alama.core.suggest_features import Features, ReadText, Sentence, bio_spans, read_text

_MAGIC = b"alama-crf 1\n"
OVERLAP_SHARE = 0.05
"""Two labels share a tier when their spans overlap at most this share of the smaller label's."""


def _tiers(spans: list[list[tuple[int, int, str]]]) -> list[list[str]]:
    """Labels in tiers (see the module): most frequent first, each in the first tier whose
    labels its spans rarely overlap. ``spans`` holds each document's spans in word indices."""
    counts: Counter[str] = Counter()
    overlaps: Counter[tuple[str, str]] = Counter()
    for doc in spans:
        counts.update(label for _, _, label in doc)
        ordered = sorted(doc)
        for n, (_, end, label) in enumerate(ordered):
            for other_start, _, other in ordered[n + 1 :]:
                if other_start >= end:
                    break
                if other != label:
                    overlaps[(label, other)] += 1
                    overlaps[(other, label)] += 1
    tiers: list[list[str]] = []
    for label, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        for tier in tiers:
            if all(overlaps[(label, m)] <= OVERLAP_SHARE * min(count, counts[m]) for m in tier):
                tier.append(label)
                break
        else:
            tiers.append([label])
    return tiers


def _outermost(spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Spans that do not overlap, longest first, then earlier."""
    taken: list[tuple[int, int, str]] = []
    used: set[int] = set()
    for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        cells = range(span[0], span[1])
        if used.isdisjoint(cells):
            taken.append(span)
            used.update(cells)
    return taken


def _word_spans(doc: ReadText, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Stored spans as [first word, last word + 1) over the document's words, numbered across
    sentences; a word is in a span when any of its characters is."""
    origin = doc.copy.origin.tolist()
    starts = [a for sentence in doc.sentences for a in sentence.starts]
    ends = [b for sentence in doc.sentences for b in sentence.ends]
    result = []
    for start, end, label in spans:
        first, last = bisect.bisect_left(origin, start), bisect.bisect_left(origin, end)
        if first >= last:
            continue
        a = bisect.bisect_right(ends, first)  # the first word ending after `first`
        b = bisect.bisect_left(starts, last)  # the words starting before `last`
        if a < b:
            result.append((a, b, label))
    return result


class CrfTagger:
    """A suggestion source: CRFs (one per tier of labels) trained on a layer's spans."""

    def __init__(
        self,
        models: list[tuple[list[str], bytes]],
        rule: CliticRule,
        first_words: set[str],
        name: str = "model",
    ) -> None:
        self._name = name
        self.models = models  # (labels of the tier, its CRFsuite model file)
        self.rule = rule
        self.first_words = first_words
        self._features = Features()
        self._taggers = []
        for _, data in models:
            tagger = pycrfsuite.Tagger()
            tagger.open_inmemory(data)
            self._taggers.append(tagger)

    @property
    def name(self) -> str:
        """The source's name."""
        return self._name

    @property
    def labels(self) -> list[str]:
        """Every label the tagger can suggest, tier by tier."""
        return [label for tier, _ in self.models for label in tier]

    def to_bytes(self) -> bytes:
        """The tagger as bytes that `from_bytes` reads back (to keep it between sessions)."""
        header = {
            "name": self._name,
            "glued": self.rule.glued,
            "kept": self.rule.kept,
            "first_words": sorted(self.first_words),
            "tiers": [[labels, len(data)] for labels, data in self.models],
        }
        text = json.dumps(header, ensure_ascii=False).encode("utf-8")
        return b"".join([_MAGIC, text, b"\n", *(data for _, data in self.models)])

    @classmethod
    def from_bytes(cls, data: bytes) -> Self:
        """A tagger `to_bytes` wrote, or a one-line `InputError`."""
        try:
            if not data.startswith(_MAGIC):
                raise ValueError("not a tagger Alama saved")
            end = data.index(b"\n", len(_MAGIC))
            header = json.loads(data[len(_MAGIC) : end].decode("utf-8"))
            at, models = end + 1, []
            for labels, size in header["tiers"]:
                models.append((list(labels), data[at : at + size]))
                at += size
            rule = CliticRule(dict(header["glued"]), dict(header["kept"]))
            return cls(models, rule, set(header["first_words"]), str(header["name"]))
        except (ValueError, KeyError, TypeError) as error:
            raise InputError(f"the saved suggestion model cannot be read: {error}") from error

    @classmethod
    def train(
        cls,
        examples: Iterable[LabelledText],
        *,
        name: str = "model",
        max_iterations: int = 60,
        c1: float = 0.05,
        c2: float = 0.05,
        max_words: int = 400_000,
        min_spans: int = 3,
        seed: int = 0,
    ) -> Self:
        """A tagger trained on these documents' spans (a layer's, `suggest_layers`).

        ``max_iterations`` caps L-BFGS (the cost of training is about proportional to it),
        ``c1`` and ``c2`` are the L1 and L2 penalties, ``max_words`` caps the words read
        (see the module). A label with fewer than ``min_spans`` spans is not learned (too few
        to generalise from, and each label costs time: about the square of the number of
        labels in a tier per word and iteration). With no spans at all, it suggests nothing.
        """
        examples = list(examples)
        rule = estimate_rule(examples)
        features = Features()
        docs = [read_text(example.text) for example in examples]
        word_spans = [_word_spans(d, e.spans) for d, e in zip(docs, examples, strict=True)]
        first_words: set[str] = set()
        for doc, example in zip(docs, examples, strict=True):
            origin = doc.copy.origin.tolist()
            for start, _, _ in example.spans:
                first = bisect.bisect_left(origin, start)
                if first < len(origin):
                    first_words.add(word_at(doc.copy.text, first))
        counts = Counter(label for spans in word_spans for _, _, label in spans)
        word_spans = [[s for s in spans if counts[s[2]] >= min_spans] for spans in word_spans]
        tiers = _tiers(word_spans)
        chosen = _sample(docs, word_spans, max_words, seed)
        models = []
        for tier in tiers:
            xs: list[list[list[str]]] = []
            ys: list[list[str]] = []
            for d, sentence, tags in _sequences(docs, word_spans, set(tier), chosen):
                xs.append(features.sentence(docs[d].words[sentence]))
                ys.append(tags)
            crf = sklearn_crfsuite.CRF(
                algorithm="lbfgs",
                c1=c1,
                c2=c2,
                max_iterations=max_iterations,
                all_possible_transitions=False,
            )
            crf.fit(xs, ys)
            models.append((tier, Path(crf.modelfile.name).read_bytes()))
        tagger = cls(models, rule, first_words, name)
        tagger._features = features
        return tagger

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """The spans the CRFs tag in this text, in stored offsets, by start."""
        if not self.models or not text:
            return []
        read = read_text(text)
        standalone = {w for words in read.words for w in words}
        result: list[Suggestion] = []
        for words, sentence in zip(read.words, read.sentences, strict=True):
            features = self._features.sentence(words)
            for tagger in self._taggers:
                tagger.set(features)
                tags = tagger.tag()
                for first, last, label in bio_spans(tags):
                    probabilities = [tagger.marginal(tags[i], i) for i in range(first, last)]
                    start = self._span_start(read.copy.text, sentence, first, standalone)
                    stored = read.copy.stored_span(start, sentence.ends[last - 1])
                    result.append(Suggestion(doc, *stored, label, self._name, min(probabilities)))
        result.sort(key=lambda s: (s.start, s.end, s.label))
        return result

    def _span_start(self, copy: str, sentence: Sentence, first: int, standalone: set[str]) -> int:
        """Where a span tagged from this word starts in the copy (see the module)."""
        word, end = sentence.starts[first], sentence.ends[first]

        def known(stem: str) -> bool:
            return stem in self.first_words or stem in standalone

        for reading in sorted(readings(copy, word, end), key=lambda r: -len(r.pieces)):
            if not reading.pieces:
                break
            stem = copy[reading.stem : end]
            with_article = reading.pieces[-1].kind == ARTICLE and known(ARTICLE + stem)
            if known(stem) or with_article:
                return self.rule.span_start(reading.pieces, reading.stem)
        return word


def _sample(
    docs: list[ReadText], spans: list[list[tuple[int, int, str]]], max_words: int, seed: int
) -> set[tuple[int, int]]:
    """The (document, sentence) pairs to train on: all of them within ``max_words``, else
    every sentence with a span and a seeded sample of the others to fill the rest."""
    sizes = {(d, s): len(doc.words[s]) for d, doc in enumerate(docs) for s in range(len(doc.words))}
    if sum(sizes.values()) <= max_words:
        return set(sizes)
    with_span: set[tuple[int, int]] = set()
    for d, doc in enumerate(docs):
        bounds = _sentence_bounds(doc)
        for a, b, _ in spans[d]:
            first = bisect.bisect_right(bounds, a) - 1
            last = bisect.bisect_right(bounds, b - 1) - 1
            with_span.update((d, s) for s in range(first, last + 1))
    chosen = set(with_span)
    budget = max_words - sum(sizes[key] for key in chosen)
    others = sorted(set(sizes) - chosen)
    random.Random(seed).shuffle(others)
    for key in others:
        if budget < sizes[key]:
            break
        chosen.add(key)
        budget -= sizes[key]
    return chosen


def _sentence_bounds(doc: ReadText) -> list[int]:
    """The word index each sentence starts at (words numbered across sentences)."""
    bounds, at = [], 0
    for words in doc.words:
        bounds.append(at)
        at += len(words)
    return bounds


def _sequences(
    docs: list[ReadText],
    spans: list[list[tuple[int, int, str]]],
    tier: set[str],
    chosen: set[tuple[int, int]],
) -> Iterable[tuple[int, int, list[str]]]:
    """(document, sentence, BIO tags of this tier's labels) for each chosen sentence."""
    for d, doc in enumerate(docs):
        tags = ["O"] * sum(len(words) for words in doc.words)
        for a, b, label in _outermost(s for s in spans[d] if s[2] in tier):
            tags[a] = f"B-{label}"
            for i in range(a + 1, b):
                tags[i] = f"I-{label}"
        for s, start in enumerate(_sentence_bounds(doc)):
            if (d, s) in chosen:
                yield d, s, tags[start : start + len(doc.words[s])]


def train_tagger(examples: Iterable[LabelledText], name: str = "model") -> CrfTagger:
    """`CrfTagger.train` with its defaults: what ``alama suggest --source model`` trains."""
    return CrfTagger.train(examples, name=name)
