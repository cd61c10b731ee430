"""Relations in a merge: by id, the newer version winning, a tombstone being a version too, as
spans merge; and held to the same rule: a relation belongs to its layer, so an annotator's copy
may bring relations of its own layer only (of the layers the merge takes from it), and every
relation must join two spans the merged project has, in the same document and layer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any, Protocol

from alama.core.errors import InputError
from alama.core.merge_changes import CLOCK_SKEW
from alama.core.model import GOLD_ANNOTATOR, Relation
from alama.core.store import Store, now


class RelationReport(Protocol):
    """The part of a merge's report that counts relations."""

    relations: int
    decisions: int
    left_out: Counter[str]
    taken: list[tuple[str, list[str]]]


def _version(relation: Relation) -> tuple[Any, ...]:
    return (relation.updated_at, relation.deleted_at is not None, relation.deleted_at or "",
            relation.attributes, relation.type, relation.reviewer or "")  # fmt: skip


def fold_relations(
    store: Store,
    source: Store,
    docs: dict[int, int],
    report: RelationReport,
    layers: Collection[str] | None,
    named: bool,
) -> None:
    """Fold the source's relations into the target, after its spans (the caller holds the
    transaction). ``docs``: source document id -> target id; ``layers``: the layers taken from
    this source (None: every layer); ``named``: those are the layers the lead named (the
    relations of others are left out and counted), else the source is an annotator's copy,
    whose relations must be of the layer it changes (or of one layer, if it changed no span)."""
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    if layers is None or (named and GOLD_ANNOTATOR in layers):  # the reviewer's decisions
        report.decisions += _fold_rejections(store, source, docs, latest)
    _fold_rows(store, source, docs, report, layers, named, latest)
    # A link whose span another copy deleted goes with it, as in the window.
    dead = store.relations_with_dead_ends()
    if dead:
        stamp = now()
        store.put_relations([replace(r, deleted_at=stamp, updated_at=stamp) for r in dead])
        report.relations += len(dead)


def _fold_rows(
    store: Store,
    source: Store,
    docs: dict[int, int],
    report: RelationReport,
    layers: Collection[str] | None,
    named: bool,
    latest: str,
) -> None:
    name = source.path.name
    theirs = list(source.relation_rows())
    if not theirs:
        return
    ours = store.relations_by_id([r.id for r in theirs])
    newer: list[Relation] = []
    for relation in theirs:
        mine = ours.get(relation.id)
        target_doc = docs.get(relation.doc)
        if mine is not None and (mine.doc, mine.annotator) != (target_doc, relation.annotator):
            raise InputError(
                f"cannot merge {name}: relation {relation.id} belongs to another document or "
                "annotator in this project (the file was damaged or altered); nothing was merged"
            )
        if mine is not None and _version(relation) <= _version(mine):
            continue
        if max(relation.updated_at, relation.deleted_at or "", relation.created_at) > latest:
            raise InputError(
                f"cannot merge {name}: relation {relation.id} is dated in the future "
                f"({relation.updated_at}); nothing was merged"
            )
        target = docs.get(relation.doc)
        if target is None:
            raise InputError(f"cannot merge {name}: relation {relation.id} has no document")
        newer.append(_replace_doc(relation, target))
    if layers is not None and named:
        for relation in newer:
            if relation.annotator not in layers:
                report.left_out[relation.annotator] += 1
        newer = [r for r in newer if r.annotator in layers]
    elif layers is not None:
        touched = sorted({r.annotator for r in newer})
        allowed = set(layers) or set(touched[:1])
        stray = [layer for layer in touched if layer not in allowed]
        if stray:
            shown = ", ".join(sorted({*allowed, *stray}))
            raise InputError(
                f"cannot merge {name}: it changes the layers {shown}; an annotator's copy "
                "changes one layer (name the layers to take with --layers)"
            )
    spans = store.spans_by_id({i for r in newer for i in (r.source, r.target)})
    labels = store.labels()
    for relation in newer:
        ends = [spans.get(relation.source), spans.get(relation.target)]
        for span in ends:
            if span is None or span.doc != relation.doc or span.annotator != relation.annotator:
                raise InputError(
                    f"cannot merge {name}: relation {relation.id} joins a span its layer does "
                    "not have (the file was damaged or altered); nothing was merged"
                )
        kind = labels.relation(relation.type)
        source_span, target_span = ends
        assert source_span is not None and target_span is not None
        wrong = (
            kind is None
            or not kind.connects(source_span.label, target_span.label)
            or any(
                (a := kind.attribute(key)) is None or value not in a.values
                for key, value in relation.attributes
            )
        )
        if wrong and relation.deleted_at is None:
            raise InputError(
                f"cannot merge {name}: relation {relation.id} ({relation.type}, "
                f"{source_span.label} → {target_span.label}, {relation.attrs}) is not one its "
                "project's relation types allows; nothing was merged"
            )
    store.put_relations(newer)
    report.relations += len(newer)
    linked = {r.annotator for r in newer}
    if linked:  # the report names every layer taken from the file, relations' too
        if report.taken and report.taken[-1][0] == name:
            linked.update(report.taken.pop()[1])
        report.taken.append((name, sorted(linked)))


def _fold_rejections(store: Store, source: Store, docs: dict[int, int], latest: str) -> int:
    ours = {(doc, key): row for doc, key, *row in store.relation_rejection_rows()}
    newer = []
    for doc, key, rejected, reviewer, updated in source.relation_rejection_rows():
        target = docs.get(doc)
        if target is None or updated > latest:
            continue
        mine = ours.get((target, key))
        if mine is None or (updated, rejected) > (mine[2], mine[0]):
            newer.append((target, key, rejected, reviewer, updated))
    store.put_relation_rejection_rows(newer)
    return len(newer)


def _replace_doc(relation: Relation, doc: int) -> Relation:
    return replace(relation, doc=doc)
