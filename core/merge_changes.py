"""What one returned copy would change in the target, and whether it may.

The changes are the copy's versions newer than the target's: spans by id (`version` orders a
span's versions, a deletion included), document status by layer, review decisions by place.
Before anything is written they are checked: every copy is refused when it holds a version
dated in the future, a span outside its document's text or a layer name that cannot be an
annotator's (`check_changes`); and a copy that changes more than one annotator's layer, or
the gold layer, is refused unless the lead names the layers to take (`check_one_layer`,
`LayersNotNamed`). `merging` folds what passes into the target.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from alama.core.errors import InputError, ProjectError
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.store import RejectionRow, StatusRow, Store, check_annotator

CLOCK_SKEW = timedelta(minutes=5)
"""How far ahead of this computer's clock another computer's may be."""


def version(span: Span) -> tuple[Any, ...]:
    """The order of a span's versions: newer first by time; at the same time, a deletion."""
    return (span.updated_at, span.deleted_at is not None, span.deleted_at or "", span.start,
            span.end, span.label, span.origin, span.created_at, span.reviewer or "",
            span.agreed)  # fmt: skip


def layer_names(names: Collection[str]) -> set[str]:
    """The layers named by ``--layers``, each checked."""
    checked = {name if name == GOLD_ANNOTATOR else check_annotator(name) for name in names}
    if not checked:
        raise InputError("--layers: name at least one layer (an annotator, or @gold)")
    return checked


@dataclass
class Changes:
    """What one source would change in the target: the versions newer than the target's."""

    spans: list[tuple[Span, Span | None]] = field(default_factory=list)
    """Each newer span with the target's version of it (None: the target lacks it)."""
    statuses: list[StatusRow] = field(default_factory=list)
    decisions: list[RejectionRow] = field(default_factory=list)

    def layers(self) -> set[str]:
        """Every layer these changes touch; review decisions are the gold layer's."""
        touched = {span.annotator for span, _ in self.spans}
        touched.update(row.annotator for row in self.statuses)
        if self.decisions:
            touched.add(GOLD_ANNOTATOR)
        return touched

    def keep(self, wanted: set[str], left_out: Counter[str]) -> None:
        """Drop the changes of layers not in ``wanted``, counting them by layer."""
        for span, _ in self.spans:
            if span.annotator not in wanted:
                left_out[span.annotator] += 1
        for row in self.statuses:
            if row.annotator not in wanted:
                left_out[row.annotator] += 1
        if GOLD_ANNOTATOR not in wanted and self.decisions:
            left_out[GOLD_ANNOTATOR] += len(self.decisions)
            self.decisions = []
        self.spans = [(span, mine) for span, mine in self.spans if span.annotator in wanted]
        self.statuses = [row for row in self.statuses if row.annotator in wanted]


class LayersNotNamed(InputError):
    """A copy changes more than one annotator's layer (or gold) and the lead named none."""

    def __init__(self, message: str, source: str, layers: set[str]) -> None:
        super().__init__(message)
        self.source = source
        self.layers = layers


def check_one_layer(changes: Changes, name: str, fresh: bool = False) -> None:
    """Refuse a copy whose changes are not those of one annotator's layer (``fresh``: the
    target is a new project, to which everything the copy holds is a change)."""
    touched = changes.layers()
    if GOLD_ANNOTATOR not in touched and len(touched) <= 1:
        return
    shown = ", ".join(sorted(touched))
    what = "the gold layer" if touched == {GOLD_ANNOTATOR} else f"the layers {shown}"
    take = (
        f"name the layers to take: alama merge --layers {','.join(sorted(touched))} "
        "(or --all-layers for your own files)"
    )
    if fresh:
        message = (
            f"cannot merge {name} into a new project: it holds {what}, and a new project takes "
            "one annotator's layer from each copy; nothing was merged. Merge copies into the "
            f"project they were handed out from, or {take}"
        )
    else:
        message = (
            f"cannot merge {name}: it changes {what}, and an annotator's copy changes only that "
            f"annotator's layer; nothing was merged. If that is right, {take}"
        )
    raise LayersNotNamed(message, name, touched)


def check_changes(changes: Changes, lengths: dict[int, int], labels: set[str], name: str) -> None:
    """Refuse versions no Alama could have written: dated in the future, a span outside its
    document's text or with an unknown label, a layer name that cannot be an annotator's."""
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    where = f"cannot merge {name}"
    for span, _ in changes.spans:
        stamp = max(span.created_at, span.updated_at, span.deleted_at or "")
        if stamp > latest:
            raise InputError(
                f"{where}: span {span.id} was changed at {stamp!r}, which is in the future "
                "(is the clock of the computer it was made on wrong?); nothing was merged"
            )
        length = lengths.get(span.doc, 0)
        if not _whole(span.start, span.end) or not 0 <= span.start < span.end <= length:
            raise InputError(
                f"{where}: span {span.id} ({span.start}–{span.end}) lies outside its "
                f"document's text (0–{length}); the file was damaged or altered, nothing was "
                "merged"
            )
        if span.label not in labels:
            raise InputError(
                f"{where}: span {span.id} has a label {span.label!r} it does not define"
            )
        _check_layer_name(span.annotator, where)
    states = {state.value for state in Status}
    for row in changes.statuses:
        if row.updated_at > latest:
            raise InputError(
                f"{where}: a document status was changed at {row.updated_at!r}, which is in the "
                "future (is the clock of the computer it was made on wrong?); nothing was merged"
            )
        if row.state not in states:
            raise InputError(f"{where}: a document status is {row.state!r}, not one Alama knows")
        _check_layer_name(row.annotator, where)
    for decision in changes.decisions:
        if decision.updated_at > latest:
            raise InputError(
                f"{where}: a review decision was made at {decision.updated_at!r}, which is in "
                "the future (is the clock of the computer it was made on wrong?); nothing was "
                "merged"
            )
        length = lengths.get(decision.doc, 0)
        if not _whole(decision.start, decision.end):
            raise InputError(
                f"{where}: a review decision on {decision.start!r}–{decision.end!r} has offsets "
                "that are not whole numbers; the file was damaged or altered, nothing was merged"
            )
        if not 0 <= decision.start < decision.end <= length:
            raise InputError(
                f"{where}: a review decision on {decision.start}–{decision.end} lies outside "
                f"its document's text (0–{length}); nothing was merged"
            )
        _check_layer_name(decision.reviewer, where)


def _whole(*offsets: object) -> bool:
    """Whether offsets are whole numbers (not 1.5, not text, not True: a file changed by hand
    may hold anything there)."""
    return all(type(offset) is int for offset in offsets)


def _check_layer_name(layer: str, where: str) -> None:
    if layer == GOLD_ANNOTATOR:
        return
    try:
        checked = check_annotator(layer)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    if checked != layer:
        raise InputError(f"{where}: {layer!r} cannot be an annotator name")


def _in_target(docs: dict[int, int], doc: int, name: str) -> int:
    """The target's id of a source document (refusing a row of no document)."""
    if doc not in docs:
        raise InputError(
            f"cannot merge {name}: it has rows of a document it does not hold (id {doc}); "
            "the file was damaged or altered, nothing was merged"
        )
    return docs[doc]


def newer_spans(
    store: Store, source: Store, docs: dict[int, int]
) -> list[tuple[Span, Span | None]]:
    """The source's spans newer than the target's, each with the target's version."""
    name = source.path.name
    theirs = [
        dataclasses.replace(span, doc=_in_target(docs, span.doc, name))
        for span in source.all_spans()
    ]
    ours = store.spans_by_id(span.id for span in theirs)
    newer: list[tuple[Span, Span | None]] = []
    for span in theirs:
        mine = ours.get(span.id)
        if mine is not None and (mine.doc != span.doc or mine.annotator != span.annotator):
            raise ProjectError(
                f"cannot merge {name}: span {span.id} belongs to another document "
                "or annotator in this project; these files were not copies of one project"
            )
        if mine is not None and (mine == span or version(mine) > version(span)):
            continue
        newer.append((span, mine))
    return newer


def newer_statuses(store: Store, source: Store, docs: dict[int, int]) -> list[StatusRow]:
    ours = {(row.doc, row.annotator): row for row in store.status_rows()}
    newer: list[StatusRow] = []
    for row in source.status_rows():
        theirs = row._replace(doc=_in_target(docs, row.doc, source.path.name))
        mine = ours.get((theirs.doc, theirs.annotator))
        if mine is None or (theirs.updated_at, theirs.state) > (mine.updated_at, mine.state):
            newer.append(theirs)
    return newer


def newer_decisions(store: Store, source: Store, docs: dict[int, int]) -> list[RejectionRow]:
    ours = {row[:4]: row for row in store.rejection_rows()}
    newer: list[RejectionRow] = []
    for row in source.rejection_rows():
        theirs = row._replace(doc=_in_target(docs, row.doc, source.path.name))
        mine = ours.get(theirs[:4])
        if mine is None or (theirs.updated_at, theirs[4:]) > (mine.updated_at, mine[4:]):
            newer.append(theirs)
    return newer
