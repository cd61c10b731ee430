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
    """Each newer span compared in Python with the target's version of it (None: the target
    lacks it): spans the target has otherwise, and new gold spans."""
    statuses: list[StatusRow] = field(default_factory=list)
    decisions: list[RejectionRow] = field(default_factory=list)
    staged_spans: dict[str, int] = field(default_factory=dict)
    """New spans left in the target's staging table (`Store.stage`), by layer: checked and
    written in SQL (`Store.put_staged`), never read into Python."""
    staged_statuses: dict[str, int] = field(default_factory=dict)
    """Newer status rows left in the staging table, by layer."""
    origins: list[int] = field(default_factory=list)
    """The source document of each of ``spans``, for the order of the checks."""
    staged_wrong: bool = False
    """Whether a staged new span is dated in the future or has a label the target lacks."""

    def layers(self) -> set[str]:
        """Every layer these changes touch; review decisions are the gold layer's."""
        touched = {span.annotator for span, _ in self.spans}
        touched.update(row.annotator for row in self.statuses)
        touched.update(self.staged_spans)
        touched.update(self.staged_statuses)
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
        for staged in (self.staged_spans, self.staged_statuses):
            for layer, count in staged.items():
                if layer not in wanted:
                    left_out[layer] += count
        if GOLD_ANNOTATOR not in wanted and self.decisions:
            left_out[GOLD_ANNOTATOR] += len(self.decisions)
            self.decisions = []
        self.spans = [(span, mine) for span, mine in self.spans if span.annotator in wanted]
        self.statuses = [row for row in self.statuses if row.annotator in wanted]
        self.staged_spans = {k: n for k, n in self.staged_spans.items() if k in wanted}
        self.staged_statuses = {k: n for k, n in self.staged_statuses.items() if k in wanted}

    def staged_layers(self) -> list[str]:
        """The layers of the staged changes, to write (`Store.put_staged`)."""
        return sorted(self.staged_spans.keys() | self.staged_statuses.keys())


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


def check_changes(
    changes: Changes,
    lengths: dict[int, int],
    labels: set[str],
    name: str,
    store: Store | None = None,
) -> None:
    """Refuse versions no Alama could have written: dated in the future, a span outside its
    document's text or with an unknown label, a layer name that cannot be an annotator's. The
    first such change is named, spans first (in the source's order), then statuses, then review
    decisions; ``store``: the target, whose staged changes (`Store.stage`) are checked too."""
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    where = f"cannot merge {name}"
    staged_names = changes.staged_spans.keys() | changes.staged_statuses.keys()
    bad = sorted(n for n in staged_names if _layer_problem(n, where) is not None)
    found = [
        (origin, span.id, span)
        for origin, (span, _) in zip(changes.origins, changes.spans, strict=False)
        if _span_problem(span, lengths, labels, latest, where)
    ][:1]
    if store is not None and changes.staged_spans and (bad or changes.staged_wrong):
        staged = store.first_bad_staged_span(latest, bad)
        if staged is not None:
            found.append((staged[0], staged[1].id, staged[1]))
    if not changes.origins:  # spans checked alone, not from a source (the source's order)
        found += [(0, "", span) for span, _ in changes.spans
                  if _span_problem(span, lengths, labels, latest, where)][:1]  # fmt: skip
    if found:
        first = min(found, key=lambda item: item[:2])[2]
        raise InputError(str(_span_problem(first, lengths, labels, latest, where)))
    rows = list(changes.statuses)
    if store is not None and changes.staged_statuses:
        staged_row = store.first_bad_staged_status(latest, bad)
        rows += [staged_row] if staged_row is not None else []
    for row in rows:
        problem = _status_problem(row, latest, where)
        if problem:
            raise InputError(problem)
    for decision in changes.decisions:
        problem = _decision_problem(decision, lengths, latest, where)
        if problem:
            raise InputError(problem)


def _span_problem(
    span: Span, lengths: dict[int, int], labels: set[str], latest: str, where: str
) -> str | None:
    stamp = max(span.created_at, span.updated_at, span.deleted_at or "")
    if stamp > latest:
        return (
            f"{where}: span {span.id} was changed at {stamp!r}, which is in the future "
            "(is the clock of the computer it was made on wrong?); nothing was merged"
        )
    length = lengths.get(span.doc, 0)
    if not _whole(span.start, span.end) or not 0 <= span.start < span.end <= length:
        return (
            f"{where}: span {span.id} ({span.start}–{span.end}) lies outside its "
            f"document's text (0–{length}); the file was damaged or altered, nothing was "
            "merged"
        )
    if span.label not in labels:
        return f"{where}: span {span.id} has a label {span.label!r} it does not define"
    return _layer_problem(span.annotator, where)


def _status_problem(row: StatusRow, latest: str, where: str) -> str | None:
    if row.updated_at > latest:
        return (
            f"{where}: a document status was changed at {row.updated_at!r}, which is in the "
            "future (is the clock of the computer it was made on wrong?); nothing was merged"
        )
    if row.state not in {state.value for state in Status}:
        return f"{where}: a document status is {row.state!r}, not one Alama knows"
    return _layer_problem(row.annotator, where)


def _decision_problem(
    decision: RejectionRow, lengths: dict[int, int], latest: str, where: str
) -> str | None:
    if decision.updated_at > latest:
        return (
            f"{where}: a review decision was made at {decision.updated_at!r}, which is in "
            "the future (is the clock of the computer it was made on wrong?); nothing was "
            "merged"
        )
    length = lengths.get(decision.doc, 0)
    if not _whole(decision.start, decision.end):
        return (
            f"{where}: a review decision on {decision.start!r}–{decision.end!r} has offsets "
            "that are not whole numbers; the file was damaged or altered, nothing was merged"
        )
    if not 0 <= decision.start < decision.end <= length:
        return (
            f"{where}: a review decision on {decision.start}–{decision.end} lies outside "
            f"its document's text (0–{length}); nothing was merged"
        )
    return _layer_problem(decision.reviewer, where)


def _whole(*offsets: object) -> bool:
    """Whether offsets are whole numbers (not 1.5, not text, not True: a file changed by hand
    may hold anything there)."""
    return all(type(offset) is int for offset in offsets)


def _layer_problem(layer: str, where: str) -> str | None:
    if layer == GOLD_ANNOTATOR:
        return None
    try:
        checked = check_annotator(layer)
    except InputError as error:
        return f"{where}: {error}"
    if checked != layer:
        return f"{where}: {layer!r} cannot be an annotator name"
    return None


def _in_target(docs: dict[int, int], doc: int, name: str) -> int:
    """The target's id of a source document (refusing a row of no document)."""
    if doc not in docs:
        raise InputError(
            f"cannot merge {name}: it has rows of a document it does not hold (id {doc}); "
            "the file was damaged or altered, nothing was merged"
        )
    return docs[doc]


def newer_changes(
    store: Store,
    source: Store,
    docs: dict[int, int],
    lengths: dict[int, int],
    layers: Collection[str] | None = None,
) -> tuple[Changes, int]:
    """What the source would change in the target (the caller holds the transaction), and how
    many of its spans are unreadable (outside their text: left out). Its spans and statuses are
    staged beside the target's tables (`Store.stage`) and compared there. The spans the target
    lacks, of ``layers`` (None: any), are written at once, in SQL: a source refused after that
    is undone with the caller's transaction. Only spans the target has otherwise, and new gold
    spans, come into Python; newer statuses stay in SQL, counted by layer."""
    name = source.path.name
    staged = store.stage(((ours, theirs, lengths[theirs]) for ours, theirs in docs.items()), source)
    outside = source.span_total() - staged
    take = [
        layer
        for layer in store.staged_names()
        if _layer_problem(layer, name) is None and (layers is None or layer in layers)
    ]
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    summary = store.write_staged(take, latest)
    conflict = store.staged_conflict() if summary.conflicts else None
    if conflict is not None:
        raise ProjectError(
            f"cannot merge {name}: span {conflict} belongs to another document "
            "or annotator in this project; these files were not copies of one project"
        )
    missing = store.staged_missing_document()
    if missing is not None:
        _in_target(docs, missing, name)
    changes = Changes(decisions=newer_decisions(store, source, docs))
    for origin, span, mine in store.staged_pairs() if summary.compared else ():
        if mine is not None and (mine == span or version(mine) > version(span)):
            continue
        changes.spans.append((span, mine))
        changes.origins.append(origin)
    changes.staged_spans, changes.staged_wrong = summary.new, summary.wrong
    changes.staged_statuses = store.staged_statuses()
    return changes, outside


def newer_decisions(store: Store, source: Store, docs: dict[int, int]) -> list[RejectionRow]:
    ours = {row[:4]: row for row in store.rejection_rows()}
    newer: list[RejectionRow] = []
    for row in source.rejection_rows():
        theirs = row._replace(doc=_in_target(docs, row.doc, source.path.name))
        mine = ours.get(theirs[:4])
        if mine is None or (theirs.updated_at, theirs[4:]) > (mine.updated_at, mine[4:]):
            newer.append(theirs)
    return newer
