"""Review of relations: the links annotators made, side by side, as candidates for gold.

A relation is known across layers by its key: its source span's (start, end, label), its
target span's, and its type; the attributes (the stance) are what annotators may still differ
on. As for spans (`alama.core.review`), only the layers of annotators who finished the document
count: a candidate's agreement says how many of them made it, its decision whether gold has it
(between the gold spans of those keys), a reviewer rejected it, or it is open. Accepting one
puts its two spans into gold if gold lacks them, with the stance most of its annotators gave.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass

from alama.core.changes import Changes
from alama.core.edit_base import Edit
from alama.core.editing import AcceptSpan
from alama.core.model import GOLD_ANNOTATOR, Origin, Relation, Span, Status
from alama.core.review import Agreement, Decision, Key
from alama.core.store import Store

RelationKey = tuple[Key, Key, str]
"""A relation as review knows it: (source span key, target span key, type)."""


def relation_key_text(key: RelationKey) -> str:
    """A relation key as stored with a rejection (JSON)."""
    (s0, s1, sl), (t0, t1, tl), kind = key
    return json.dumps([s0, s1, sl, t0, t1, tl, kind], ensure_ascii=False)


@dataclass(frozen=True, slots=True)
class RelationCandidate:
    """A link some finished layer (or gold) of the document has."""

    key: RelationKey
    annotators: tuple[str, ...]
    agreement: Agreement
    decision: Decision
    attributes: tuple[tuple[str, str], ...]
    """The attributes most of its annotators gave (gold's, once it is in gold)."""
    differing: bool
    """Whether its annotators gave it different attributes (a stance to settle)."""
    gold: Relation | None = None

    @property
    def agreed_open(self) -> bool:
        """Every finished annotator made it, with the same attributes (a stance they differ
        on is for the reviewer to settle), and the reviewer has not decided yet."""
        return (
            self.agreement is Agreement.ALL
            and self.decision is Decision.OPEN
            and (not self.differing)
        )

    @property
    def stance_open(self) -> bool:
        """Every finished annotator made it, but not with the same attributes: open."""
        return (
            self.agreement is Agreement.ALL and self.decision is Decision.OPEN and (self.differing)
        )


def _finished(store: Store, doc: int) -> tuple[str, ...]:
    states = store.layer_states(doc)
    return tuple(a for a, s in states.items() if a != GOLD_ANNOTATOR and s is Status.DONE)


def relation_candidates(
    store: Store, doc: int, finished: tuple[str, ...] | None = None
) -> list[RelationCandidate]:
    """The candidate relations of one document, in the reading order of their sources."""
    finished = _finished(store, doc) if finished is None else finished
    spans = {span.id: span for span in store.spans(doc)}
    made: dict[RelationKey, dict[str, tuple[tuple[str, str], ...]]] = {}
    gold: dict[RelationKey, Relation] = {}
    for relation in store.relations(doc):
        source, target = spans.get(relation.source), spans.get(relation.target)
        if source is None or target is None:
            continue
        key = (source.key, target.key, relation.type)
        if relation.annotator == GOLD_ANNOTATOR:
            gold[key] = relation
        elif relation.annotator in finished:
            made.setdefault(key, {})[relation.annotator] = relation.attributes
    rejected = store.relation_rejections(doc)
    found = []
    for key in sorted(
        set(made) | set(gold), key=lambda k: (k[0][0], -k[0][1], k[0][2], k[1], k[2])
    ):
        by = made.get(key, {})
        who = tuple(sorted(by))
        if not who:
            agreement = Agreement.NONE
        elif len(who) == len(finished):
            agreement = Agreement.ALL
        else:
            agreement = Agreement.ONE if len(who) == 1 else Agreement.SOME
        if key in gold:
            decision = Decision.GOLD
        elif relation_key_text(key) in rejected:
            decision = Decision.REJECTED
        else:
            decision = Decision.OPEN
        given = Counter(by[name] for name in who)
        attributes = gold[key].attributes if key in gold else _most_given(by)
        found.append(
            RelationCandidate(
                key, who, agreement, decision, attributes, len(given) > 1, gold.get(key)
            )
        )
    return found


def _most_given(by: dict[str, tuple[tuple[str, str], ...]]) -> tuple[tuple[str, str], ...]:
    """The attributes most annotators gave; of equally many, those of the first by name."""
    if not by:
        return ()
    counts = Counter(by.values())
    return min(counts, key=lambda a: (-counts[a], min(n for n in by if by[n] == a)))


class AcceptRelation(Edit):
    """Put a candidate relation into gold as a reviewer, with its two spans (accepted into
    gold first if gold lacks them); the rejection of it, if any, is taken back."""

    kind = "link"

    def __init__(
        self,
        doc: int,
        reviewer: str,
        key: RelationKey,
        attributes: tuple[tuple[str, str], ...] | dict[str, str] = (),
    ) -> None:
        self.doc, self.layer = doc, GOLD_ANNOTATOR
        self.reviewer = reviewer
        self.key = key
        self.attributes = dict(attributes)
        self.spans: list[AcceptSpan] = []
        self.relation: Relation | None = None
        self.was_rejected = False

    @property
    def subject(self) -> str:
        return self.key[2]

    def spot(self) -> int:
        return self.key[0][0]

    def _parts(self) -> list[Edit]:
        return [self, *(part for edit in self.spans for part in edit._parts())]

    def _apply(self, store: Store) -> Changes:
        changes: Changes | None = None
        if self.relation is None:
            ends: list[Span] = []
            for span_key in self.key[:2]:
                found = store.find_span(self.doc, GOLD_ANNOTATOR, span_key)
                if found is None:
                    accept = AcceptSpan(self.doc, self.reviewer, span_key)
                    step = accept._apply(store)
                    changes = step if changes is None else changes.then(step)
                    self.spans.append(accept)
                    assert accept.span is not None
                    found = accept.span
                ends.append(found)
            text = relation_key_text(self.key)
            self.was_rejected = text in store.relation_rejections(self.doc)
            agreed = next(
                (c.annotators for c in relation_candidates(store, self.doc) if c.key == self.key),
                (),
            )
            self.relation = store.add_relation(
                self.doc, GOLD_ANNOTATOR, ends[0].id, ends[1].id, self.key[2], self.attributes,
                Origin.REVIEW, reviewer=self.reviewer, agreed=agreed,
            )  # fmt: skip
        else:  # again after an undo
            for accept in self.spans:
                step = accept._apply(store)
                changes = step if changes is None else changes.then(step)
            self.relation = store.restore_relation(self.relation.id, self.reviewer)
        if self.was_rejected:
            store.set_relation_rejected(self.doc, relation_key_text(self.key), self.reviewer,
                                        rejected=False)  # fmt: skip
        mine = self._changes(store, relations=(self.relation,), candidates=True)
        return mine if changes is None else changes.then(mine)

    def _revert(self, store: Store) -> Changes:
        assert self.relation is not None
        store.delete_relation(self.relation.id, self.reviewer)
        if self.was_rejected:
            store.set_relation_rejected(self.doc, relation_key_text(self.key), self.reviewer)
        changes = self._changes(store, relations_removed=(self.relation.id,), candidates=True)
        for accept in reversed(self.spans):
            changes = changes.then(accept._revert(store))
        return changes


class RejectRelation(Edit):
    """Keep a candidate relation out of gold, taking it out of gold if gold has it; the
    rejection is remembered (accept-agreed does not bring it back)."""

    kind = "reject"

    def __init__(self, doc: int, reviewer: str, key: RelationKey) -> None:
        self.doc, self.layer = doc, GOLD_ANNOTATOR
        self.reviewer = reviewer
        self.key = key
        self.gold: Relation | None = None
        self.was_rejected: bool | None = None

    @property
    def subject(self) -> str:
        return self.key[2]

    def spot(self) -> int:
        return self.key[0][0]

    def _apply(self, store: Store) -> Changes:
        text = relation_key_text(self.key)
        if self.was_rejected is None:
            self.was_rejected = text in store.relation_rejections(self.doc)
            found = [c for c in relation_candidates(store, self.doc) if c.key == self.key]
            self.gold = found[0].gold if found else None
        if self.gold is not None:
            store.delete_relation(self.gold.id, self.reviewer)
        store.set_relation_rejected(self.doc, text, self.reviewer)
        removed = (self.gold.id,) if self.gold is not None else ()
        return self._changes(store, relations_removed=removed, candidates=True)

    def _revert(self, store: Store) -> Changes:
        text = relation_key_text(self.key)
        store.set_relation_rejected(self.doc, text, self.reviewer, bool(self.was_rejected))
        back: tuple[Relation, ...] = ()
        if self.gold is not None:
            back = (store.restore_relation(self.gold.id, self.reviewer),)
        return self._changes(store, relations=back, candidates=True)


def accept_agreed_relations(
    store: Store, doc: int, reviewer: str
) -> tuple[list[AcceptRelation], int]:
    """The edits that accept every open relation all finished annotators made with the same
    attributes, between spans gold has (accept-agreed takes links between agreed spans, never
    spans on their own); and how many they all made but with another stance, left open."""
    gold_keys = {span.key for span in store.spans(doc, GOLD_ANNOTATOR)}
    candidates = [
        c for c in relation_candidates(store, doc)
        if c.key[0] in gold_keys and c.key[1] in gold_keys
    ]  # fmt: skip
    edits = [
        AcceptRelation(doc, reviewer, c.key, c.attributes) for c in candidates if c.agreed_open
    ]
    return edits, sum(c.stance_open for c in candidates)
