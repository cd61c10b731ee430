"""Edits of relations: link two spans, change a link's attributes (its stance), unlink; and the
rule that a span takes its links with it when it goes (deleted, rejected out of gold, or
relabelled to a label the link's type does not allow), and brings them back on undo.

Like every edit (`alama.core.edit_base`), each applies in one transaction, returns the
`Changes` it made (``relations``, ``relations_removed``) and has an inverse that brings back the
very same relation (same id).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from alama.core.changes import Changes
from alama.core.edit_base import Edit
from alama.core.model import GOLD_ANNOTATOR, Origin, Relation, Span
from alama.core.store import Store

__all__ = ["AddRelation", "DeleteRelation", "SetRelationAttributes", "cut_relations",
           "restore_relations"]  # fmt: skip


def cut_relations(
    store: Store, span_ids: Sequence[str], reviewer: str | None, new_label: str | None = None
) -> list[Relation]:
    """Tombstone the live relations of these spans (with ``new_label``: only those whose type
    does not allow that label at the span's end); return them as they were."""
    labels = store.labels()
    cut: list[Relation] = []
    for relation in store.relations_of_spans(span_ids):
        if new_label is not None:
            kind = labels.relation(relation.type)
            at_source = relation.source in span_ids
            allowed = kind.sources if (kind and at_source) else kind.targets if kind else ()
            if new_label in allowed:
                continue
        store.delete_relation(relation.id, reviewer if relation.annotator == GOLD_ANNOTATOR
                              else None)  # fmt: skip
        cut.append(relation)
    return cut


def restore_relations(
    store: Store, relations: Sequence[Relation], reviewer: str | None
) -> tuple[Relation, ...]:
    """Bring back relations `cut_relations` took (an undo), as they now are."""
    return tuple(
        store.restore_relation(r.id, reviewer if r.annotator == GOLD_ANNOTATOR else None)
        for r in relations
    )


class AddRelation(Edit):
    """Link a source span to a target span of the same layer (in gold: as a reviewer)."""

    kind = "link"

    def __init__(
        self,
        source: Span,
        target: Span,
        relation_type: str,
        attributes: Mapping[str, str] | None = None,
        reviewer: str | None = None,
        origin: str = Origin.MANUAL,
    ) -> None:
        if source.doc != target.doc or source.annotator != target.annotator:
            raise ValueError("a relation links two spans of one document and layer")
        self.doc, self.layer = source.doc, source.annotator
        self.source, self.target = source, target
        self.relation_type = relation_type
        self.attributes = dict(attributes or {})
        self.reviewer = reviewer
        self.origin = origin
        self.relation: Relation | None = None

    @property
    def subject(self) -> str:
        return self.relation_type

    def spot(self) -> int:
        return self.source.start

    def _apply(self, store: Store) -> Changes:
        if self.relation is None:
            self.relation = store.add_relation(
                self.doc, self.layer, self.source.id, self.target.id, self.relation_type,
                self.attributes, self.origin, reviewer=self.reviewer,
            )  # fmt: skip
        else:  # again after an undo: the same relation
            self.relation = store.restore_relation(self.relation.id, self.reviewer)
        return self._changes(store, relations=(self.relation,), current=self.source)

    def _revert(self, store: Store) -> Changes:
        assert self.relation is not None
        store.delete_relation(self.relation.id, self.reviewer)
        return self._changes(store, relations_removed=(self.relation.id,), current=self.source)


class SetRelationAttributes(Edit):
    """Change a link's attributes (cycle its stance, mark a quote direct)."""

    kind = "attribute"

    def __init__(
        self, relation: Relation, attributes: Mapping[str, str], reviewer: str | None = None
    ) -> None:
        self.doc, self.layer = relation.doc, relation.annotator
        self.relation = relation
        self.before = relation.attrs
        self.after = {**relation.attrs, **attributes}
        self.reviewer = reviewer

    @property
    def subject(self) -> str:
        return self.relation.type

    def _apply(self, store: Store) -> Changes:
        changed = store.change_relation(self.relation.id, self.after, self.reviewer)
        return self._changes(store, relations=(changed,), current=store.span(changed.source))

    def _revert(self, store: Store) -> Changes:
        changed = store.change_relation(self.relation.id, self.before, self.reviewer)
        return self._changes(store, relations=(changed,), current=store.span(changed.source))


class DeleteRelation(Edit):
    """Unlink: the relation is tombstoned; undo brings back the same one."""

    kind = "unlink"

    def __init__(self, relation: Relation, reviewer: str | None = None) -> None:
        self.doc, self.layer = relation.doc, relation.annotator
        self.relation = relation
        self.reviewer = reviewer

    @property
    def subject(self) -> str:
        return self.relation.type

    def _apply(self, store: Store) -> Changes:
        store.delete_relation(self.relation.id, self.reviewer)
        return self._changes(store, relations_removed=(self.relation.id,))

    def _revert(self, store: Store) -> Changes:
        back = store.restore_relation(self.relation.id, self.reviewer)
        return self._changes(store, relations=(back,))
