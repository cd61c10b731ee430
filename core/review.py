"""Review: the annotators' layers of a document side by side, and the gold layer built from them.

A *candidate* is a span (start, end, label) that an annotator who finished the document marked,
or that the gold layer holds. Its *agreement* says how many of those annotators marked exactly
it (all, some, one, or none: the reviewer added it); its *decision* says what the reviewer did
with it (in gold, rejected, settled by a gold span of another form, or still open). Only the
layers of annotators who marked the document done are counted, as in `agreement`.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum

from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Origin, Span, Status
from alama.core.store import Store, check_annotator, now

Key = tuple[int, int, str]


class Agreement(StrEnum):
    """How many of the annotators who finished the document marked a candidate exactly."""

    ALL = "all"
    SOME = "some"
    ONE = "one"
    NONE = "none"


class Decision(StrEnum):
    """What the reviewer made of a candidate."""

    GOLD = "gold"
    REJECTED = "rejected"
    COVERED = "covered"
    OPEN = "open"


@dataclass(frozen=True, slots=True)
class Candidate:
    """One span that some layer of the document has, with who marked it and its decision."""

    start: int
    end: int
    label: str
    annotators: tuple[str, ...]
    agreement: Agreement
    decision: Decision
    gold: Span | None = None

    @property
    def key(self) -> Key:
        """Offsets and label, as `Span.key`."""
        return (self.start, self.end, self.label)

    @property
    def agreed_open(self) -> bool:
        """Every finished annotator marked it and the reviewer has not decided yet."""
        return self.agreement is Agreement.ALL and self.decision is Decision.OPEN

    @property
    def disputed(self) -> bool:
        """An open candidate that not every annotator marked: a disagreement to review."""
        return self.decision is Decision.OPEN and self.agreement is not Agreement.ALL


@dataclass(frozen=True, slots=True)
class DocumentReview:
    """Everything review mode shows for one document."""

    doc: int
    finished: tuple[str, ...]
    unfinished: tuple[str, ...]
    candidates: tuple[Candidate, ...]
    reviewed: bool

    def agreed_open(self) -> list[Candidate]:
        """Candidates every finished annotator marked, not yet decided."""
        return [c for c in self.candidates if c.agreed_open]

    def disputed(self) -> list[Candidate]:
        """The disagreements still open, in reading order."""
        return [c for c in self.candidates if c.disputed]

    def next_open(
        self, key: Key | None, step: int = 1, disputed: bool = False, wrap: bool = False
    ) -> Candidate | None:
        """The open candidate after (``step`` 1) or before (-1) ``key`` in the table's order.

        ``key`` need not be a candidate any more (a rejected span of the reviewer's own leaves
        the table). With ``disputed`` only disagreements count; with ``wrap`` the search goes
        on from the other end, to any open candidate but ``key`` itself. Without a key, the
        search starts before the first row (``step`` 1) or after the last (-1).
        """
        pool = [
            c for c in self.candidates if (c.disputed if disputed else c.decision is Decision.OPEN)
        ]
        if step < 0:
            pool.reverse()
        if key is None:
            return pool[0] if pool else None
        at = reading_order(key)
        ahead = [c for c in pool if (reading_order(c.key) > at) == (step > 0) and c.key != key]
        if ahead:
            return ahead[0]
        behind = [c for c in pool if c.key != key] if wrap else []
        return behind[0] if behind else None

    def find(self, key: Key) -> Candidate | None:
        """The candidate with these offsets and label."""
        return next((c for c in self.candidates if c.key == key), None)

    def agreeing(self, key: Key) -> tuple[str, ...]:
        """The finished annotators who marked exactly this span."""
        found = self.find(key)
        return found.annotators if found else ()


def reading_order(key: Key) -> tuple[int, int, str]:
    """How candidates are listed: by start, the longer of two first, then by label."""
    start, end, label = key
    return (start, -end, label)


def classify(
    layers: dict[str, set[Key]], gold: Iterable[Span], rejected: Iterable[Key]
) -> list[Candidate]:
    """Candidates of one document from the finished layers, the live gold spans, rejections."""
    gold_by_key = {span.key: span for span in gold}
    rejected = set(rejected)
    counted = len(layers)
    marked: dict[Key, list[str]] = {}
    for annotator in sorted(layers):
        for key in layers[annotator]:
            marked.setdefault(key, []).append(annotator)
    candidates = []
    for key in sorted(set(marked) | set(gold_by_key), key=reading_order):
        who = tuple(marked.get(key, ()))
        if not who:
            agreement = Agreement.NONE
        elif len(who) == counted:
            agreement = Agreement.ALL
        else:
            agreement = Agreement.ONE if len(who) == 1 else Agreement.SOME
        candidates.append(
            Candidate(
                key[0],
                key[1],
                key[2],
                who,
                agreement,
                _decision(key, gold_by_key, rejected),
                gold_by_key.get(key),
            )
        )
    return candidates


def _decision(key: Key, gold: dict[Key, Span], rejected: set[Key]) -> Decision:
    if key in gold:
        return Decision.GOLD
    if key in rejected:
        return Decision.REJECTED
    start, end, label = key
    for other in gold.values():
        if (
            other.start < end
            and start < other.end
            and (other.label == label or (other.start, other.end) == (start, end))
        ):
            return Decision.COVERED
    return Decision.OPEN


def document_review(store: Store, doc: int) -> DocumentReview:
    """The review of one document as it stands in the project."""
    states = store.layer_states(doc)
    finished = tuple(a for a, s in states.items() if a != GOLD_ANNOTATOR and s is Status.DONE)
    unfinished = tuple(a for a, s in states.items() if a != GOLD_ANNOTATOR and s is not Status.DONE)
    layers, gold = _split(store.spans(doc), finished)
    candidates = classify(layers, gold, store.rejections(doc))
    reviewed = states.get(GOLD_ANNOTATOR) is Status.DONE
    return DocumentReview(doc, finished, unfinished, tuple(candidates), reviewed)


def _split(
    spans: Iterable[Span], finished: Iterable[str]
) -> tuple[dict[str, set[Key]], list[Span]]:
    """A document's spans as the finished annotators' layers (keys) and the live gold spans."""
    layers: dict[str, set[Key]] = {name: set() for name in finished}
    gold: list[Span] = []
    for span in spans:
        if span.annotator == GOLD_ANNOTATOR:
            gold.append(span)
        elif span.annotator in layers:
            layers[span.annotator].add(span.key)
    return layers, gold


@dataclass
class AcceptReport:
    """What `accept_agreed` copied into gold."""

    min_annotators: int
    documents: int = 0
    too_few: int = 0
    spans_added: int = 0
    documents_changed: int = 0
    relations_added: int = 0
    relations_differing: int = 0
    """Links every finished annotator made, with different stances: left for the reviewer."""

    def summary(self) -> str:
        """One line for the terminal or a message box."""
        n = self.min_annotators
        return (
            f"accepted {self.spans_added} agreed span{'s' * (self.spans_added != 1)} into gold "
            f"in {self.documents_changed} document{'s' * (self.documents_changed != 1)}; "
            f"{self.documents} document{'s' * (self.documents != 1)} had at least {n} annotator"
            f"{'s' * (n != 1)} who finished {'them' if self.documents != 1 else 'it'}, "
            f"{self.too_few} had fewer"
            + (
                f"; and {self.relations_added} agreed relation"
                f"{'s' * (self.relations_added != 1)} between them"
                if self.relations_added
                else ""
            )
            + (
                f"; {self.relations_differing} link{'s' * (self.relations_differing != 1)} "
                "every annotator made with different stances left for review"
                if self.relations_differing
                else ""
            )
        )


def accept_agreed(
    store: Store,
    reviewer: str,
    min_annotators: int = 2,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> AcceptReport:
    """Copy into gold every open span that all annotators who finished a document made
    identically, where at least ``min_annotators`` finished it; one transaction."""
    reviewer = check_annotator(reviewer)
    if min_annotators < 1:
        raise InputError("--min-annotators must be 1 or more")
    report = AcceptReport(min_annotators)
    finished: dict[int, list[str]] = {}
    for doc, annotator, state in store.layers():
        if annotator != GOLD_ANNOTATOR and state is Status.DONE:
            finished.setdefault(doc, []).append(annotator)
    rejected: dict[int, set[Key]] = {}
    for row in store.rejection_rows():
        if row.rejected:
            rejected.setdefault(row.doc, set()).add((row.start, row.end, row.label))
    stamp = now()
    new: list[Span] = []
    total = len(finished)
    for number, (doc, spans) in enumerate(itertools.groupby(store.iter_spans(), lambda s: s.doc)):
        if number % 500 == 0:
            progress(min(number, total), total)
        who = finished.get(doc, [])
        if len(who) < min_annotators:
            continue
        layers, gold = _split(spans, who)
        agreed = [c for c in classify(layers, gold, rejected.get(doc, ())) if c.agreed_open]
        new.extend(
            Span.new(
                doc,
                GOLD_ANNOTATOR,
                c.start,
                c.end,
                c.label,
                Origin.REVIEW,
                stamp,
                reviewer=reviewer,
                agreed=c.annotators,
            )
            for c in agreed
        )
        report.documents_changed += bool(agreed)
    report.documents = sum(len(who) >= min_annotators for who in finished.values())
    report.too_few = len(finished) - report.documents
    with store.transaction():  # the spans and the links between them, all or nothing
        report.spans_added = store.add_gold_spans(new) if new else 0
        report.relations_added, report.relations_differing = _accept_agreed_relations(
            store, finished, min_annotators, reviewer
        )
    progress(total, total)
    return report


def _accept_agreed_relations(
    store: Store, finished: dict[int, list[str]], min_annotators: int, reviewer: str
) -> tuple[int, int]:
    """Copy into gold the open relations every finished annotator made between spans gold now
    has, in the documents at least ``min_annotators`` finished."""
    from alama.core.relation_review import accept_agreed_relations

    added = differing = 0
    for doc in store.documents_with_relations():
        if len(finished.get(doc, [])) < min_annotators:
            continue
        edits, open_stances = accept_agreed_relations(store, doc, reviewer)
        for edit in edits:
            edit._apply(store)  # inside this transaction
        added += len(edits)
        differing += open_stances
    return added, differing
