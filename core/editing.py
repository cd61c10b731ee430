"""Edits: every action a person takes on a project's layers, as a plain object.

An edit is made with everything it needs (document, layer, offsets, label, who reviews),
applies itself to a store in one transaction and returns the `Changes` it made. After it has
been applied, `inverse()` is the edit that takes it back; the inverse of that inverse applies
the original again, bringing back the very same spans (same ids), so undo and redo are just
edits. The rules of an edit live here, not in a window:

- labelling in an annotator's layer; undoing the first span of a document that was "to do"
  puts it back to "to do" (the status the span itself set goes with it);
- accepting a candidate into gold records who agreed with it and takes back a rejection of
  it; undo restores the rejection (by its own reviewer);
- rejecting a candidate takes its gold span out, if gold has it, and records the rejection;
- changing a gold span records who agrees with its new form;
- gold is written only with a reviewer's name, an annotator's layer only without one (the
  store refuses the rest).

What an edit reads to decide (the status before, a rejection, the gold span) is read when it
applies, inside its transaction, not when it is made: an action may wait for a busy file.
If the transaction fails (a busy file, a full disk), the edit is left exactly as it was, so
it can be applied again later.
"""

from __future__ import annotations

from collections.abc import Sequence

from alama.core.changes import Changes
from alama.core.edit_base import Batch, Edit, Inverse
from alama.core.model import GOLD_ANNOTATOR, Origin, Relation, Span, Status
from alama.core.relation_edits import cut_relations, restore_relations
from alama.core.review import Key, document_review
from alama.core.store import Store

__all__ = [
    "AcceptSpan",
    "AddSpan",
    "Batch",
    "ChangeSpan",
    "DeleteSpan",
    "Edit",
    "Inverse",
    "RejectSpan",
    "SetStatus",
    "accept_agreed",
]


class OnKey(Edit):
    """An edit about one span's offsets and label (``key``): named after its label, bringing
    its start into view."""

    key: Key

    @property
    def subject(self) -> str:
        """The label, for the undo history ("Label Actor")."""
        return self.key[2]

    def spot(self) -> int:
        return self.key[0]

    def about(self) -> Key:
        return self.key


class AddSpan(OnKey):
    """Label a span in an annotator's layer."""

    kind = "label"

    def __init__(
        self, doc: int, annotator: str, start: int, end: int, label: str,
        origin: str = Origin.MANUAL, force: bool = False,
    ) -> None:  # fmt: skip
        if annotator == GOLD_ANNOTATOR:
            raise ValueError("gold spans are added by AcceptSpan, with a reviewer")
        self.doc, self.layer = doc, annotator
        self.key: Key = (start, end, label)
        self.origin = origin
        self.force = force  # label inside boilerplate (the window's Alt)
        self.span: Span | None = None
        self.status_before: Status | None = None

    def _apply(self, store: Store) -> Changes:
        if self.span is None:
            self.status_before = store.status(self.doc, self.layer)
            self.span = store.add_span(
                self.doc, self.layer, *self.key, self.origin, force=self.force
            )
        else:  # again after an undo: the same span
            self.span = store.restore_span(self.span.id)
            _out_of_todo(store, self.doc, self.layer, self.status_before)
        return self._changes(store, spans=(self.span,), current=self.span)

    def _revert(self, store: Store) -> Changes:
        assert self.span is not None
        store.delete_span(self.span.id)
        _back_to_todo(store, self.doc, self.layer, self.status_before)
        return self._changes(store, removed=(self.span.id,))


class AcceptSpan(OnKey):
    """Put a span into gold as a reviewer: a candidate accepted, or a span the reviewer marked.

    ``agreed`` (the finished annotators who marked exactly this span) is computed from the
    document's review when not given.
    """

    kind = "label"

    def __init__(
        self, doc: int, reviewer: str, key: Key, agreed: Sequence[str] | None = None
    ) -> None:
        self.doc, self.layer = doc, GOLD_ANNOTATOR
        self.reviewer = reviewer
        self.key = key
        self.agreed = tuple(agreed) if agreed is not None else None
        self.span: Span | None = None
        self.status_before: Status | None = None
        self.rejected_by: str | None = None

    def _apply(self, store: Store) -> Changes:
        if self.span is None:
            self.status_before = store.status(self.doc, self.layer)
            self.rejected_by = store.rejections(self.doc).get(self.key)
            agreed = self.agreed
            if agreed is None:
                agreed = document_review(store, self.doc).agreeing(self.key)
            if self.rejected_by is not None:
                store.set_rejected(self.doc, self.key, self.reviewer, rejected=False)
            self.span = store.add_gold(self.doc, *self.key, self.reviewer, agreed)
        else:
            self.span = store.restore_span(self.span.id, self.reviewer)
            if self.rejected_by is not None:
                store.set_rejected(self.doc, self.key, self.reviewer, rejected=False)
            _out_of_todo(store, self.doc, self.layer, self.status_before)
        return self._changes(store, spans=(self.span,), current=self.span, candidates=True)

    def _revert(self, store: Store) -> Changes:
        assert self.span is not None
        store.delete_span(self.span.id, self.reviewer)
        if self.rejected_by is not None:
            store.set_rejected(self.doc, self.key, self.rejected_by)
        _back_to_todo(store, self.doc, self.layer, self.status_before)
        return self._changes(store, removed=(self.span.id,), candidates=True)


class ChangeSpan(Edit):
    """Move or relabel a span (in gold: as a reviewer, recording who agrees with its new form)."""

    kind = "change"

    def __init__(
        self, span: Span, start: int, end: int, label: str, reviewer: str | None = None
    ) -> None:
        self.doc, self.layer = span.doc, span.annotator
        self.before = span
        self.after: Key = (start, end, label)
        self.reviewer = reviewer
        self.cut: list[Relation] = []

    @property
    def subject(self) -> str:
        return self.before.label

    def spot(self) -> int:
        return self.before.start

    def _apply(self, store: Store) -> Changes:
        return self._put(store, self.after, None)

    def _revert(self, store: Store) -> Changes:
        return self._put(store, self.before.key, self.before.agreed)

    def _put(self, store: Store, key: Key, agreed: tuple[str, ...] | None) -> Changes:
        gold = self.layer == GOLD_ANNOTATOR
        if gold and agreed is None:
            agreed = document_review(store, self.doc).agreeing(key)
        start, end, label = key
        restoring = key == self.before.key
        if not restoring:  # links whose type does not allow the new label go with it
            self.cut = cut_relations(store, [self.before.id], self.reviewer, label)
        span = store.change_span(
            self.before.id, start=start, end=end, label=label, reviewer=self.reviewer,
            agreed=agreed if gold else None,
        )  # fmt: skip
        back = restore_relations(store, self.cut, self.reviewer) if restoring else ()
        return self._changes(
            store, spans=(span,), current=span, candidates=gold, relations=back,
            relations_removed=() if restoring else tuple(r.id for r in self.cut),
        )  # fmt: skip


class DeleteSpan(Edit):
    """Delete a span (a tombstone stays on file); undo brings back the same span."""

    kind = "delete"

    def __init__(self, span: Span, reviewer: str | None = None) -> None:
        self.doc, self.layer = span.doc, span.annotator
        self.span = span
        self.reviewer = reviewer
        self.cut: list[Relation] = []

    @property
    def subject(self) -> str:
        return self.span.label

    def spot(self) -> int:
        return self.span.start

    def about(self) -> Key:
        return self.span.key

    def _apply(self, store: Store) -> Changes:
        self.cut = cut_relations(store, [self.span.id], self.reviewer)
        store.delete_span(self.span.id, self.reviewer)
        gold = self.layer == GOLD_ANNOTATOR
        return self._changes(
            store, removed=(self.span.id,), candidates=gold,
            relations_removed=tuple(r.id for r in self.cut),
        )  # fmt: skip

    def _revert(self, store: Store) -> Changes:
        span = store.restore_span(self.span.id, self.reviewer)
        back = restore_relations(store, self.cut, self.reviewer)
        gold = self.layer == GOLD_ANNOTATOR
        return self._changes(store, spans=(span,), current=span, candidates=gold, relations=back)


class RejectSpan(OnKey):
    """Keep a candidate out of gold as a reviewer, taking its gold span out if gold has it;
    the rejection is remembered on file (a merge or "accept agreed" does not bring it back)."""

    kind = "reject"

    def __init__(self, doc: int, reviewer: str, key: Key) -> None:
        self.doc, self.layer = doc, GOLD_ANNOTATOR
        self.reviewer = reviewer
        self.key = key
        self.was_rejected: bool | None = None
        self.gold: Span | None = None
        self.cut: list[Relation] = []

    def _apply(self, store: Store) -> Changes:
        if self.was_rejected is None:
            self.was_rejected = self.key in store.rejections(self.doc)
            self.gold = store.find_span(self.doc, GOLD_ANNOTATOR, self.key)
        if self.gold is not None:
            self.cut = cut_relations(store, [self.gold.id], self.reviewer)
            store.delete_span(self.gold.id, self.reviewer)
        store.set_rejected(self.doc, self.key, self.reviewer)
        removed = (self.gold.id,) if self.gold is not None else ()
        return self._changes(store, removed=removed, candidates=True,
                             relations_removed=tuple(r.id for r in self.cut))  # fmt: skip

    def _revert(self, store: Store) -> Changes:
        store.set_rejected(self.doc, self.key, self.reviewer, rejected=bool(self.was_rejected))
        spans: tuple[Span, ...] = ()
        back: tuple[Relation, ...] = ()
        if self.gold is not None:
            spans = (store.restore_span(self.gold.id, self.reviewer),)
            back = restore_relations(store, self.cut, self.reviewer)
        return self._changes(store, spans=spans, current=spans[0] if spans else None,
                             candidates=True, relations=back)  # fmt: skip


class SetStatus(Edit):
    """Mark a document done, or not, in a layer (in gold: reviewed); undo restores the status
    it had when the edit applied."""

    kind = "status"

    def __init__(self, doc: int, layer: str, status: Status) -> None:
        self.doc, self.layer = doc, layer
        self.status = status
        self.before: Status | None = None

    @property
    def subject(self) -> str:
        return str(self.status)

    def _apply(self, store: Store) -> Changes:
        before = store.set_status(self.doc, self.layer, self.status)
        if self.before is None:
            self.before = before
        return self._changes(store, candidates=True)

    def _revert(self, store: Store) -> Changes:
        assert self.before is not None
        store.set_status(self.doc, self.layer, self.before)
        return self._changes(store, candidates=True)


def accept_agreed(store: Store, doc: int, reviewer: str) -> Batch | None:
    """One edit accepting every open candidate all finished annotators agree on (None when
    there is none)."""
    agreed = document_review(store, doc).agreed_open()
    if not agreed:
        return None
    edits = [AcceptSpan(doc, reviewer, c.key, agreed=c.annotators) for c in agreed]
    return Batch(edits, kind="accept_agreed")


def _back_to_todo(store: Store, doc: int, layer: str, before: Status | None) -> None:
    """Undoing a document's first span: back to "to do" once the layer has no span in it
    (the status its first span set goes with it)."""
    if before is Status.TODO and not store.spans(doc, layer):
        store.set_status(doc, layer, Status.TODO)


def _out_of_todo(store: Store, doc: int, layer: str, before: Status | None) -> None:
    """Redoing a document's first span: "in progress" again, as when it was first made."""
    if before is Status.TODO and store.status(doc, layer) is Status.TODO:
        store.set_status(doc, layer, Status.IN_PROGRESS)
