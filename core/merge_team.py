"""What a merge carries besides layers: the assignments and the guidelines.

Both are the lead's. From the lead's own files (``--all-layers``) they merge as spans do: one
row per (document, annotator), the newer version wins (by ``updated_at``, then by content, so
the order of the sources does not matter), and a removal is a version too; the guidelines are
taken when newer, a removal too. An annotator's copy changes nothing of them: of its rows, only
those the target has no version of at all are taken (a copy folded into a new project brings
its own assignment), so a copy cannot take documents away from anyone or give itself more than
it was handed. Like every version, one dated in the future is refused.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Protocol

from alama.core.errors import InputError
from alama.core.merge_changes import CLOCK_SKEW
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
    this source (None: every layer, the lead's own file)."""
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    name = source.path.name
    ours = {(row.doc, row.annotator): row for row in store.assignment_rows()}
    newer: list[AssignmentRow] = []
    for row in source.assignment_rows():
        if max(row.updated_at, row.removed_at or "") > latest:
            raise InputError(
                f"cannot merge {name}: the assignment of a document to {row.annotator} is "
                f"dated in the future ({row.updated_at}); nothing was merged"
            )
        target = docs.get(row.doc)
        if target is None:
            continue
        row = row._replace(doc=target)
        mine = ours.get((target, row.annotator))
        if layers is not None:  # an annotator's copy: only what the target never had
            if mine is None and row.removed_at is None and row.annotator in layers:
                newer.append(row)
        elif mine is None or _version(row) > _version(mine):
            newer.append(row)
    store.put_assignment_rows(newer)
    report.assignments += len(newer)
    stamp = source.guidelines_stamp()
    if stamp is None:
        return
    if stamp > latest:
        raise InputError(
            f"cannot merge {name}: its guidelines are dated in the future ({stamp}); nothing "
            "was merged"
        )
    mine_stamp = store.guidelines_stamp()
    theirs = source.guidelines() or ""
    if (layers is None and (mine_stamp is None or stamp > mine_stamp)) or (
        mine_stamp is None and theirs
    ):
        store.set_guidelines(theirs, stamp)
        report.guidelines = True
