"""How far the team is: per annotator, their assigned documents done, in progress and still to
do, what they did outside their assignment and when they last worked; the documents ready for
review (every annotator they are assigned to finished them); and the agreement on the overlap
set so far (the documents given to several annotators, as far as they finished them).

Shown by ``alama stats`` and the window's Team view. The agreement figures come from the
agreement module (`alama.core.agreement`), restricted to the overlap documents.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store


@dataclass
class AnnotatorProgress:
    """One annotator's assigned work."""

    name: str
    assigned: int
    overlap: int
    done: int
    in_progress: int
    todo: int
    outside: int
    """Documents they worked on that are not assigned to them."""
    last_activity: str | None


@dataclass
class TeamProgress:
    """The team's progress (see the module's docstring)."""

    rows: list[AnnotatorProgress] = field(default_factory=list)
    ready_for_review: list[int] = field(default_factory=list)
    """Documents every annotator assigned to them finished and gold has not (reviewed
    documents are marked done in the gold layer), in id order."""
    overlap_documents: int = 0
    overlap_ready: int = 0
    """Overlap documents at least two of their annotators finished (agreement counts them)."""
    agreement: dict[str, Any] | None = None
    """Overall F1 (exact) and αU on the overlap documents finished so far, and how many."""

    def as_json(self) -> dict[str, Any]:
        """The figures as one JSON-ready object."""
        return {
            "annotators": {row.name: {k: v for k, v in asdict(row).items() if k != "name"}
                           for row in self.rows},
            "ready_for_review": len(self.ready_for_review),
            "overlap_documents": self.overlap_documents,
            "overlap_ready": self.overlap_ready,
            "overlap_agreement": self.agreement,
        }  # fmt: skip


def team_progress(store: Store, agreement: bool = True) -> TeamProgress:
    """Count the team's progress; ``agreement``: also measure the overlap set's agreement."""
    assignments = store.assignments()
    progress = TeamProgress()
    names = sorted({name for who in assignments.values() for name in who})
    states = {name: store.layer_states_of(name) for name in names}
    reviewed = {doc for doc, state in store.statuses(GOLD_ANNOTATOR).items()
                if state is Status.DONE}  # fmt: skip
    for name in names:
        mine = {doc for doc, who in assignments.items() if name in who}
        ever = {row.doc for row in store.assignment_rows(name)}  # taken away: not "outside"
        layer = states[name]
        done = sum(layer.get(doc) is Status.DONE for doc in mine)
        started = sum(layer.get(doc) is Status.IN_PROGRESS for doc in mine)
        progress.rows.append(
            AnnotatorProgress(
                name=name,
                assigned=len(mine),
                overlap=sum(assignments[doc][name] for doc in mine),
                done=done,
                in_progress=started,
                todo=len(mine) - done - started,
                outside=sum(doc not in ever for doc in layer),
                last_activity=store.last_activity(name),
            )
        )
    overlap: list[int] = []
    for doc, who in sorted(assignments.items()):
        finishers = sum(states[name].get(doc) is Status.DONE for name in who)
        if any(who.values()):
            overlap.append(doc)
            progress.overlap_ready += finishers >= 2
        if finishers == len(who) and doc not in reviewed:
            progress.ready_for_review.append(doc)
    progress.overlap_documents = len(overlap)
    if agreement and progress.overlap_ready:
        from alama.core import agreement as measuring

        figures = measuring.agreement(store, documents=overlap)
        overall = figures["overall"]
        progress.agreement = {
            "f1_exact": overall.get("f1_exact"),
            "alpha_u": overall.get("alpha_u"),
            "documents": figures.get("documents", 0),
        }
    return progress
