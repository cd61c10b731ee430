"""The window's live suggestions for one annotator's layer: what it shows as pending spans.

Three sources are combined through `suggestion_edits.pending`:

- a `LearnedMatcher` that learns from this annotator's own layer: read once when the project
  opens (`learn_layer`, off the window's thread), then told at once of every label, change and
  deletion from the `Changes` of each edit (`LiveSuggestions.observe`), so that a name labelled
  once is suggested at its other occurrences in this document and the next;
- the suggestions stored for the layer (or for everyone) by ``alama suggest`` or a gazetteer;
- the model (`suggest_model`), once a background retrain has produced one (`train_model`).

Independence: the window learns from the annotator's own labels only, never from other
annotators' layers or from gold. Pre-annotating from the others' layers would show each
annotator what the others marked, so their layers would agree because they saw each other's
labels, not because they read the text alike: inter-annotator agreement, which measures how
reliable the guidelines and the labels are, would be biased upwards. Stored suggestions are a
lead's deliberate choice (``alama suggest --learn-from``), and every accepted suggestion keeps
its origin so agreement can be computed without them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

from alama.core.changes import Changes
from alama.core.clitics import LabelledText, estimate_rule
from alama.core.errors import InputError
from alama.core.gazetteer_files import read_gazetteer, read_patterns
from alama.core.live_matcher import LiveMatcher
from alama.core.model import Span, Status
from alama.core.regions import Region, overlaps
from alama.core.store import Store
from alama.core.suggest import Gazetteer, Source, Suggestion
from alama.core.suggestion_edits import pending

RETRAIN_EVERY = 20
"""The model is trained again after this many labels (spans added or changed) of the layer."""
MIN_TRAINING_SPANS = 10
"""The model is trained only once the layer holds this many spans (fewer teach it nothing)."""
TRAINING_WORDS = 80_000
"""At most this many words are read to train the window's model (seconds, not minutes)."""
TRAINING_ITERATIONS = 40
LEARN_DOCUMENTS = 500
"""When the project opens, the matcher learns the spans of this many documents at most (a few
seconds off the window's thread; labels made since are learned at once)."""
GAZETTEER = "gazetteer"
"""The source name of suggestions stored from a gazetteer or patterns file."""

SpanKey = tuple[int, int, int, str]
"""What a span taught the matcher: (document, start, end, label)."""


class LearnedLayer(NamedTuple):
    """A matcher learned from a layer, and the spans it learned, by id."""

    matcher: LiveMatcher
    spans: dict[str, SpanKey]


def learn_layer(store: Store, annotator: str, documents: int = LEARN_DOCUMENTS) -> LearnedLayer:
    """A matcher learned from the live spans of ``annotator``'s layer in at most ``documents``
    documents: those in progress, then those done, the later in the project first (none: it
    suggests nothing until the first label). Each is read on its own: the layer of a large
    project is never read whole."""
    spans: dict[str, SpanKey] = {}
    examples = []
    for doc in _worked_on(store, annotator, documents):
        found = store.spans(doc, annotator)
        spans.update((s.id, (s.doc, s.start, s.end, s.label)) for s in found)
        labelled = [(s.start, s.end, s.label) for s in found]
        if labelled:
            examples.append(LabelledText(doc, store.document(doc).text, labelled))
    return LearnedLayer(LiveMatcher.from_examples(examples), spans)


def store_gazetteer(store: Store, annotator: str, path: Path) -> tuple[int, int]:
    """Store the suggestions of a gazetteer (``text<TAB>label``) or, for a ``.jsonl`` or
    ``.json`` file, Prodigy patterns, for the documents ``annotator`` has not marked done,
    replacing the gazetteer's earlier ones there. A problem in the file is refused in one line
    before anything is stored. (suggestions stored, documents)."""
    labels = [label.key for label in store.labels()]
    if path.suffix.lower() in (".jsonl", ".json"):
        entries = read_patterns(path, labels)
    else:
        entries = read_gazetteer(path, labels)
    if not entries:
        raise InputError(f"{path}: no entries to suggest")
    source = Gazetteer(entries, estimate_rule(training_examples(store, annotator)), GAZETTEER)
    done = set(store.document_ids(annotator, Status.DONE))
    docs = [doc for doc in store.document_ids() if doc not in done]
    found = [s for doc in docs for s in source.suggest(store.document(doc).text, doc)]
    return store.put_suggestions(annotator, docs, found, [GAZETTEER]), len(docs)


def _worked_on(store: Store, annotator: str, documents: int) -> list[int]:
    """At most ``documents`` documents of the layer: in progress, then done, the later first."""
    chosen = store.document_ids(annotator, Status.IN_PROGRESS)[-documents:]
    if len(chosen) < documents:
        chosen += store.document_ids(annotator, Status.DONE)[len(chosen) - documents :]
    return sorted(chosen)


def training_examples(
    store: Store, annotator: str, documents: int = LEARN_DOCUMENTS
) -> list[LabelledText]:
    """The documents with spans in ``annotator``'s layer (as `learn_layer` picks them), with
    those spans."""
    examples = []
    for doc in _worked_on(store, annotator, documents):
        labelled = [(s.start, s.end, s.label) for s in store.spans(doc, annotator)]
        if labelled:
            examples.append(LabelledText(doc, store.document(doc).text, labelled))
    return examples


def train_model(examples: Sequence[LabelledText]) -> Source | None:
    """The model trained on these spans (None: too few spans to learn from)."""
    if sum(len(example.spans) for example in examples) < MIN_TRAINING_SPANS:
        return None
    from alama.core.suggest_model import CrfTagger  # sklearn-crfsuite: loaded when first used

    return CrfTagger.train(examples, max_words=TRAINING_WORDS, max_iterations=TRAINING_ITERATIONS)


class LiveSuggestions:
    """The pending suggestions of one annotator's layer, kept up to date as they label."""

    def __init__(self, annotator: str) -> None:
        self.annotator = annotator
        self.matcher = LiveMatcher.from_examples([])
        self.spans: dict[str, SpanKey] = {}  # what the matcher has learned, by span id
        self.ready = False  # the layer as stored has been learned (`adopt`)
        self.model: Source | None = None
        self.labelled = 0  # labels since the model was last trained
        self._touched: dict[str, SpanKey | None] = {}  # before `adopt`: spans edited meanwhile
        self._matched: dict[int, list[Suggestion]] = {}  # the matcher's, by document
        self._stored: dict[int, list[Suggestion]] = {}
        self._regions: dict[int, list[Region]] = {}  # by document: its boilerplate, as read
        self._projected: dict[int, list[Suggestion]] = {}  # by document: from its group
        self._groups: dict[int, list[int]] | None = None  # by document: its group's members
        self._modelled: dict[int, list[Suggestion]] = {}
        self._rejected: dict[int, set[tuple[str, str]]] = {}

    # --- learning -------------------------------------------------------------------------

    def relearn(self) -> None:
        """The layer is being learned again (another program changed it): the matcher in use
        goes on learning each edit, and the edits are replayed on the one learned (`adopt`)."""
        self.ready = False
        self._touched = {}

    def adopt(self, loaded: LearnedLayer, text_of: Callable[[int], str]) -> None:
        """Take the matcher learned from the layer as stored (off the window's thread), and
        bring it up to date with the edits made while it was learning: whatever state of the
        file it read, each span edited since is learned as it is now."""
        matcher, spans = loaded.matcher, dict(loaded.spans)
        for span_id, now in self._touched.items():
            before = spans.pop(span_id, None)
            if before == now:
                if now is not None:
                    spans[span_id] = now
                continue
            if before is not None:
                matcher.forget([_example(before, text_of)])
            if now is not None:
                matcher.learn([_example(now, text_of)])
                spans[span_id] = now
        self.matcher, self.spans = matcher, spans
        self._touched = {}
        self.ready = True
        self._matched = {}

    def observe(self, changes: Changes, text_of: Callable[[int], str]) -> bool:
        """Learn from an edit of the layer (or its undo): a span added or restored is
        learned, one deleted is forgotten, one changed is forgotten as it was and learned as it
        is. Whether the matcher changed."""
        if changes.layer != self.annotator:
            return False
        if changes.suggestions:  # a rejection made or taken back
            self._rejected.pop(changes.doc, None)
        if not (changes.spans or changes.removed):
            return False
        version = self.matcher.version
        learned: list[SpanKey] = []
        forgotten: list[SpanKey] = []
        for span in changes.spans:
            key = (span.doc, span.start, span.end, span.label)
            before = self.spans.get(span.id)
            if before == key:
                continue
            if before is not None:
                forgotten.append(before)
            learned.append(key)
            self.spans[span.id] = key
            if not self.ready:
                self._touched[span.id] = key
        for span_id in changes.removed:
            before = self.spans.pop(span_id, None)
            if before is not None:
                forgotten.append(before)
            if not self.ready:
                self._touched[span_id] = None
        # What this document's spans carry into the other members of its group is found again.
        for member in self._group_of(changes.doc):
            if member != changes.doc:
                self._projected.pop(member, None)
        if forgotten:
            self.matcher.forget([_example(key, text_of) for key in forgotten])
        if learned:
            self.matcher.learn([_example(key, text_of) for key in learned])
            self.labelled += len(learned)
        if self.matcher.version != version:  # else it suggests as before: nothing to do again
            self._matched = {}
        return bool(learned or forgotten)

    def set_model(self, model: Source | None) -> None:
        """Suggest with this model from now on (None: without one)."""
        self.model = model
        self._modelled = {}

    def retrain_due(self, every: int = RETRAIN_EVERY) -> bool:
        """Whether enough labels came since the last training for another."""
        return self.labelled >= every and len(self.spans) >= MIN_TRAINING_SPANS

    def forget_stored(self) -> None:
        """The stored suggestions and rejections are read again when next needed (new ones
        were stored, or another program changed the project)."""
        self._stored, self._rejected, self._regions = {}, {}, {}
        self._projected, self._groups = {}, None

    # --- what is pending ------------------------------------------------------------------

    def proposed(self, store: Store, doc: int, text: str) -> list[Suggestion]:
        """Every source's suggestions for a document (each source's kept until it changes)."""
        matched = self._matched.get(doc)
        if matched is None:
            matched = self._matched[doc] = self.matcher.suggest(text, doc)
        stored = self._stored.get(doc)
        if stored is None:
            stored = self._stored[doc] = store.stored_suggestions(doc, self.annotator)
        projected = self._projected.get(doc)
        if projected is None:
            projected = self._projected[doc] = self._carried(store, doc, text)
        modelled: list[Suggestion] = []
        if self.model is not None:
            found = self._modelled.get(doc)
            if found is None:
                found = self._modelled[doc] = self.model.suggest(text, doc)
            modelled = found
        caches = (self._matched, self._stored, self._modelled, self._rejected, self._regions,
                  self._projected)  # fmt: skip
        for cache in caches:
            while len(cache) > 16:  # a few documents' worth, the one shown among them
                del cache[next(iter(cache))]
        return [*projected, *matched, *stored, *modelled]  # on a tie the first is shown

    def _group_of(self, doc: int) -> list[int]:
        """The members of the document's near-duplicate group (none: not in one)."""
        return self._groups.get(doc, []) if self._groups is not None else []

    def _carried(self, store: Store, doc: int, text: str) -> list[Suggestion]:
        """The annotator's spans in the other members of the document's near-duplicate group,
        found again in the passages this one shares with them (`duplicate_spans.carried`)."""
        from alama.core.duplicate_spans import carried

        if self._groups is None:
            self._groups = {
                member: members
                for members in store.duplicate_groups().values()
                for member in members
            }
        found: list[Suggestion] = []
        for member in self._group_of(doc):
            if member == doc:
                continue
            spans = [span.key for span in store.spans(member, self.annotator)]
            if spans:
                found += carried(spans, store.document(member).text, text, doc)
        return found

    def pending_for(
        self, store: Store, doc: int, text: str, spans: Sequence[Span]
    ) -> list[Suggestion]:
        """The suggestions to show in a document with these live spans of the layer, less the
        strings the layer rejected there (`suggestion_edits.pending`), by start."""
        rejected = self._rejected.get(doc)
        if rejected is None:
            rejected = self._rejected[doc] = store.rejected_phrases(doc, self.annotator)
        # What overlaps a live span of its label is left out here, each in a few steps (a
        # document holds hundreds of both); `pending` then has no span to look through.
        taken = _Taken(spans)
        regions = self._regions.get(doc)  # nothing is suggested in boilerplate
        if regions is None:
            regions = self._regions[doc] = store.regions(doc)
        proposed = [
            s
            for s in self.proposed(store, doc, text)
            if not taken.overlaps(s) and not overlaps(regions, s.start, s.end)
        ]
        return pending(text, proposed, [], rejected)


class _Taken:
    """The live spans of a layer per label: whether a suggestion overlaps one of its label."""

    def __init__(self, spans: Sequence[Span]) -> None:
        by_label: dict[str, list[tuple[int, int]]] = {}
        for span in spans:
            if span.deleted_at is None:
                by_label.setdefault(span.label, []).append((span.start, span.end))
        self.starts: dict[str, list[int]] = {}
        self.reach: dict[str, list[int]] = {}  # the furthest end of the spans up to each one
        for label, ranges in by_label.items():
            ranges.sort()
            self.starts[label] = [start for start, _ in ranges]
            self.reach[label] = list(accumulate((end for _, end in ranges), max))

    def overlaps(self, suggestion: Suggestion) -> bool:
        starts = self.starts.get(suggestion.label)
        if not starts:
            return False
        before = bisect_left(starts, suggestion.end)  # the spans starting before its end
        return before > 0 and self.reach[suggestion.label][before - 1] > suggestion.start


def _example(key: SpanKey, text_of: Callable[[int], str]) -> LabelledText:
    doc, start, end, label = key
    return LabelledText(doc, text_of(doc), [(start, end, label)])


def sources_of(suggestions: Iterable[Suggestion]) -> dict[str, int]:
    """How many suggestions each source proposed."""
    counts: dict[str, int] = {}
    for suggestion in suggestions:
        counts[suggestion.source] = counts.get(suggestion.source, 0) + 1
    return counts
