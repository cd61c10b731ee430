"""What a merge carries besides layers: the assignments and the guidelines.

Assignments merge as spans do: one row per (document, annotator), the newer version wins (by
``updated_at``, then by content, so the order of the sources does not matter), and a removal
is a version too. A source changes the assignments only of the layers the merge takes from it
(an annotator's copy: their own rows; ``--all-layers``: every row), so an annotator's copy
cannot hand itself someone else's documents. The guidelines are the lead's: they are taken
when newer, from a source whose every layer is taken, or when the target has none.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from alama.core.store import Store
from alama.core.store.team import AssignmentRow


class TeamReport(Protocol):
    """The part of a merge's report that counts what this module carries."""

    assignments: int
    guidelines: bool


def _version(row: AssignmentRow) -> tuple[str, int, int]:
    return (row.updated_at, row.removed_at is not None, row.overlap)


def fold_team(
    store: Store,
    source: Store,
    docs: dict[int, int],
    report: TeamReport,
    layers: Collection[str] | None,
) -> None:
    """Fold the source's assignments and guidelines into the target (the caller holds the
    transaction). ``docs``: source document id -> target id; ``layers``: the layers taken from
    this source (None: every layer)."""
    ours = {(row.doc, row.annotator): row for row in store.assignment_rows()}
    newer: list[AssignmentRow] = []
    for row in source.assignment_rows():
        if layers is not None and row.annotator not in layers:
            continue
        target = docs.get(row.doc)
        if target is None:
            continue
        row = row._replace(doc=target)
        mine = ours.get((target, row.annotator))
        if mine is None or _version(row) > _version(mine):
            newer.append(row)
    store.put_assignment_rows(newer)
    report.assignments += len(newer)
    theirs, stamp = source.guidelines(), source.guidelines_stamp()
    if theirs is None or stamp is None:
        return
    mine_stamp = store.guidelines_stamp()
    has_none = store.guidelines() is None and mine_stamp is None
    if (layers is None and (mine_stamp is None or stamp > mine_stamp)) or has_none:
        store.set_guidelines(theirs, stamp)
        report.guidelines = True
