"""Pending suggestions in a layer: which are shown, and accepting or rejecting them as edits.

A suggestion is never part of a layer until accepted. The pending list of a document is what
the sources propose there (stored by ``alama suggest`` and made live by the window's learning
matcher and model), less:

- what the layer already has: a suggestion overlapping a live span of the same label;
- what the layer rejected in this document: the same string (its matching key, so another
  spelling of it with diacritics, tatweel or another hamza counts as the same) with the label;
- what another suggestion says better: of suggestions of one label that overlap, the surer one
  (then the longer, then the earlier) stays. Suggestions of different labels may overlap, as
  spans do (an ACTOR inside a CLAIM).

Accepting makes a span with the origin ``suggested:SOURCE``, so a lead can count and leave out
accepted suggestions later; rejecting records the string. Both are undoable edits.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import replace

from alama.core.changes import Changes
from alama.core.edit_base import Batch, Edit
from alama.core.editing import AddSpan, OnKey
from alama.core.model import Span, is_suggested, origin_source, suggested_origin
from alama.core.store import Store
from alama.core.suggest import Suggestion
from alama.core.suggest_text import match_key

__all__ = [
    "AcceptSuggestion",
    "RejectSuggestion",
    "accept_all",
    "is_suggested",
    "origin_source",
    "pending",
    "phrase_of",
    "stored_pending",
    "suggested_origin",
]


def phrase_of(text: str, start: int, end: int) -> str:
    """What a rejection of the text between these offsets is kept as: its matching key."""
    return match_key(text[start:end])


def pending(
    text: str,
    proposed: Iterable[Suggestion],
    spans: Sequence[Span],
    rejected: set[tuple[str, str]],
) -> list[Suggestion]:
    """The suggestions to show for a document (see the module), ordered by start."""
    best: dict[tuple[int, int, str], Suggestion] = {}
    for suggestion in proposed:
        if not 0 <= suggestion.start < suggestion.end <= len(text):
            continue
        key = (suggestion.start, suggestion.end, suggestion.label)
        if key not in best or suggestion.score > best[key].score:
            best[key] = suggestion
    live: dict[str, list[tuple[int, int]]] = {}
    for span in spans:
        if span.deleted_at is None:
            live.setdefault(span.label, []).append((span.start, span.end))
    kept: dict[str, list[Suggestion]] = {}
    kept_bounds: dict[str, list[tuple[int, int]]] = {}
    order = sorted(best.values(), key=lambda s: (-s.score, s.start - s.end, s.start, s.source))
    for suggestion in order:
        taken = live.get(suggestion.label, [])
        if any(start < suggestion.end and suggestion.start < end for start, end in taken):
            continue
        phrase = phrase_of(text, suggestion.start, suggestion.end) if rejected else ""
        if rejected and (phrase, suggestion.label) in rejected:
            continue
        # The ones of this label kept so far, by start: none overlap, so only the two around
        # this one's place can overlap it.
        bounds = kept_bounds.setdefault(suggestion.label, [])
        at = bisect_left(bounds, (suggestion.start, suggestion.end))
        if (at and bounds[at - 1][1] > suggestion.start) or (
            at < len(bounds) and bounds[at][0] < suggestion.end
        ):
            continue
        bounds.insert(at, (suggestion.start, suggestion.end))
        kept.setdefault(suggestion.label, []).append(suggestion)
    return sorted(
        (s for group in kept.values() for s in group), key=lambda s: (s.start, s.end, s.label)
    )


def stored_pending(store: Store, doc: int, annotator: str) -> list[Suggestion]:
    """The pending list of a document from what is stored for the layer (no live sources)."""
    text = store.document(doc).text
    return pending(
        text,
        store.stored_suggestions(doc, annotator),
        store.spans(doc, annotator),
        store.rejected_phrases(doc, annotator),
    )


class AcceptSuggestion(AddSpan):
    """Make a pending suggestion a span of the layer, with the origin ``suggested:SOURCE``."""

    kind = "accept"

    def __init__(self, annotator: str, suggestion: Suggestion) -> None:
        super().__init__(
            suggestion.doc,
            annotator,
            suggestion.start,
            suggestion.end,
            suggestion.label,
            suggested_origin(suggestion.source),
        )
        self.suggestion = suggestion


class RejectSuggestion(OnKey):
    """Reject a pending suggestion: its string is not suggested with its label again in this
    document for this layer."""

    kind = "dismiss"

    def __init__(self, annotator: str, suggestion: Suggestion, text: str) -> None:
        self.doc, self.layer = suggestion.doc, annotator
        self.key = (suggestion.start, suggestion.end, suggestion.label)
        self.suggestion = suggestion
        self.phrase = phrase_of(text, suggestion.start, suggestion.end)
        self.recorded = False

    def _apply(self, store: Store) -> Changes:
        self.recorded = store.set_phrase_rejected(
            self.doc, self.layer, self.phrase, self.key[2], rejected=True
        )
        return replace(self._changes(store), suggestions=True)

    def _revert(self, store: Store) -> Changes:
        if self.recorded:
            store.set_phrase_rejected(self.doc, self.layer, self.phrase, self.key[2], False)
        return replace(self._changes(store), suggestions=True)


def accept_all(annotator: str, suggestions: Sequence[Suggestion], label: str) -> Edit | None:
    """One undoable step accepting every pending suggestion of ``label`` (None: there is none)."""
    edits: list[Edit] = [AcceptSuggestion(annotator, s) for s in suggestions if s.label == label]
    return Batch(edits, kind="accept_all") if edits else None
