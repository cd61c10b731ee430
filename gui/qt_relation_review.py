"""Review mode's links: the links finished annotators made, as candidates for gold beside the
gold layer's own, listed in the links list (coloured by how many made them, said in words in
the row's tooltip); the chosen one is drawn as a dashed arrow between its two spans outlined,
until the reviewer accepts (Enter) or rejects (Delete) it."""

from __future__ import annotations

from dataclasses import dataclass

from alama.core.labels import LabelSet
from alama.core.model import Relation
from alama.core.relation_review import RelationCandidate, relation_candidates, relation_key_text
from alama.core.review import Decision
from alama.core.store import Store
from alama.gui.qt_relations import Row, attributes_text, caption, piece
from alama.gui.qt_review import AGREEMENT_COLORS, AGREEMENT_NAMES, DECISION_NAMES, tr
from alama.gui.relation_arrows import Link

CANDIDATE = "candidate:"  # the start of a candidate's row id (then its key as stored)


@dataclass(frozen=True)
class Offered:
    """A candidate link as the window shows it: its row, its arrow (None once decided)."""

    candidate: RelationCandidate
    row: Row
    link: Link | None


def offered(store: Store, doc: int, text: str, labels: LabelSet) -> list[Offered]:
    """The document's candidate links that gold has not got: open ones (dashed arrows) and
    rejected ones (listed only)."""
    found = []
    for candidate in relation_candidates(store, doc):
        if candidate.decision is Decision.GOLD:
            continue  # listed and drawn as the gold link it is
        source, target, kind = candidate.key
        relation = Relation("", doc, "", "", "", kind, candidate.attributes)
        state = (
            AGREEMENT_NAMES[candidate.agreement]
            if candidate.decision is Decision.OPEN
            else DECISION_NAMES[candidate.decision]
        )
        who = ", ".join(candidate.annotators)
        row = Row(
            CANDIDATE + relation_key_text(candidate.key), piece(text, source),
            piece(text, target), attributes_text(labels, relation), None, True,
            AGREEMENT_COLORS[candidate.agreement], tr(state) + (f" ({who})" if who else ""),
        )  # fmt: skip
        link = None
        if candidate.decision is Decision.OPEN:
            link = Link(row.id, source[:2], target[:2], caption(labels, relation), "candidate")
        found.append(Offered(candidate, row, link))
    return found
