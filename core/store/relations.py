"""Relations between two spans of one layer: reading, writing, tombstones, whole rows.

A relation links a source span to a target span of the same document and layer, with a type
of the project's registry (`LabelSet.relations`) that allows the two spans' labels, and
attributes of that type's values. Like spans, a relation is deleted by a tombstone and brought
back by clearing it; merging reads and writes whole rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from alama.core.annotators import check_annotator
from alama.core.errors import InputError, ProjectError
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR, Origin, Relation, new_span_id

from .base import now
from .team import TeamRows

RELATION_COLUMNS = (
    "id, doc, annotator, source, target, type, attributes, origin, created_at, updated_at, "
    "deleted_at, reviewer, agreed"
)

_REJECTION_COLUMNS = "doc, key, rejected, reviewer, updated_at"


def relation_from_row(row: Sequence[Any]) -> Relation:
    """A stored row as a `Relation` (`ProjectError` when it is not as Alama stores it)."""
    (rid, doc, annotator, source, target, kind, attributes, origin, created, updated, deleted,
     reviewer, agreed) = row  # fmt: skip
    try:
        attrs = json.loads(attributes)
        agreed_names = json.loads(agreed)
        if not (
            isinstance(attrs, dict)
            and all(isinstance(k, str) and isinstance(v, str) for k, v in attrs.items())
            and isinstance(agreed_names, list)
            and all(isinstance(v, str) for v in (rid, annotator, source, target, kind, origin))
            and isinstance(doc, int)
        ):
            raise ValueError
    except (ValueError, TypeError):
        raise ProjectError(
            Message(
                "relation %1 is damaged (the file was changed by another program)",
                repr(rid)[:40],
            )
        ) from None
    return Relation(rid, doc, annotator, source, target, kind, tuple(sorted(attrs.items())),
                    origin, created, updated, deleted, reviewer,
                    tuple(map(str, agreed_names)))  # fmt: skip


def relation_to_row(relation: Relation) -> tuple[Any, ...]:
    """A `Relation` as a stored row."""
    return (
        relation.id, relation.doc, relation.annotator, relation.source, relation.target,
        relation.type, json.dumps(relation.attrs, ensure_ascii=False, sort_keys=True),
        relation.origin, relation.created_at, relation.updated_at, relation.deleted_at,
        relation.reviewer, json.dumps(list(relation.agreed), ensure_ascii=False),
    )  # fmt: skip


class RelationRows(TeamRows):
    """Reading and writing relations."""

    def relations(self, doc: int, annotator: str | None = None) -> list[Relation]:
        """The live relations of a document (of one layer, if given), oldest first."""
        where = "doc = ? AND deleted_at IS NULL"
        args: list[int | str] = [doc]
        if annotator is not None:
            where += " AND annotator = ?"
            args.append(annotator)
        rows = self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE {where} ORDER BY created_at, id",
            args,
        ).fetchall()
        return [relation_from_row(row) for row in rows]

    def relation(self, relation_id: str) -> Relation:
        """One relation by id, live or not (`InputError` if there is none)."""
        row = self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ?", (relation_id,)
        ).fetchone()
        if row is None:
            raise InputError(f"no relation {relation_id!r} in this project")
        return relation_from_row(row)

    def relations_of_spans(self, span_ids: Iterable[str]) -> list[Relation]:
        """The live relations that start or end at any of these spans."""
        ids = list(span_ids)
        found: dict[str, Relation] = {}
        for column in ("source", "target"):
            for row in self._chunked(
                f"SELECT {RELATION_COLUMNS} FROM relations WHERE deleted_at IS NULL AND "
                f"{column} IN",
                ids,
            ):
                relation = relation_from_row(row)
                found[relation.id] = relation
        return sorted(found.values(), key=lambda r: (r.created_at, r.id))

    def documents_with_relations(self) -> list[int]:
        """The documents some layer has a live relation in."""
        rows = self.conn.execute(
            "SELECT DISTINCT doc FROM relations WHERE deleted_at IS NULL ORDER BY doc"
        ).fetchall()
        return [row[0] for row in rows]

    def relations_with_dead_ends(self) -> list[Relation]:
        """Live relations one of whose spans is deleted (as a merge may leave them)."""
        rows = self.conn.execute(
            f"SELECT {', '.join('r.' + c.strip() for c in RELATION_COLUMNS.split(','))} "
            "FROM relations r WHERE r.deleted_at IS NULL AND EXISTS (SELECT 1 FROM spans s "
            "WHERE s.id IN (r.source, r.target) AND s.deleted_at IS NOT NULL)"
        ).fetchall()
        return [relation_from_row(row) for row in rows]

    def iter_relations(self, annotator: str | None = None) -> Iterator[Relation]:
        """Every live relation (of one layer, if given), by document."""
        where, args = ("AND annotator = ?", (annotator,)) if annotator else ("", ())
        for row in self.conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE deleted_at IS NULL {where} "
            "ORDER BY doc, created_at, id",
            args,
        ):
            yield relation_from_row(row)

    def add_relation(
        self,
        doc: int,
        annotator: str,
        source: str,
        target: str,
        kind: str,
        attributes: Mapping[str, str] | None = None,
        origin: str = Origin.MANUAL,
        relation_id: str | None = None,
        reviewer: str | None = None,
        agreed: Iterable[str] = (),
    ) -> Relation:
        """Link two live spans of one document and layer (the gold layer with a reviewer's
        name); the type must allow their labels, the attributes its values (a missing one
        takes the type's first value). Refuses a link the layer has already."""
        if annotator == GOLD_ANNOTATOR:
            if reviewer is None:
                raise InputError("gold relations are made by a reviewer")
            reviewer = check_annotator(reviewer)
        else:
            annotator = check_annotator(annotator)
            if reviewer is not None:
                raise InputError("an annotator's relations are made without a reviewer")
        attrs = self.check_relation(doc, annotator, source, target, kind, attributes)
        stamp = now()
        relation = Relation(
            relation_id or new_span_id(), doc, annotator, source, target, kind,
            tuple(sorted(attrs.items())), str(origin), stamp, stamp, None, reviewer,
            tuple(sorted(agreed)),
        )  # fmt: skip
        with self.transaction():
            self._layer(annotator)
            self.conn.execute(
                f"INSERT INTO relations ({RELATION_COLUMNS}) VALUES ({', '.join('?' * 13)})",
                relation_to_row(relation),
            )
        return relation

    def check_relation(
        self,
        doc: int,
        annotator: str,
        source: str,
        target: str,
        kind: str,
        attributes: Mapping[str, str] | None = None,
    ) -> dict[str, str]:
        """Refuse (`InputError`, one line) a link that cannot be made; return its attributes
        completed with the type's defaults."""
        relation_type = self.labels().relation(kind)
        if relation_type is None:
            known = ", ".join(r.key for r in self.labels().relations) or "none"
            raise InputError(f"unknown relation type {kind!r} (the project has {known})")
        if source == target:
            raise InputError("a span cannot be linked to itself")
        spans = {}
        for role, span_id in (("source", source), ("target", target)):
            span = self.span(span_id)
            if span.deleted_at is not None or span.doc != doc or span.annotator != annotator:
                raise InputError(
                    f"the {role} span {span_id!r} is not a live span of this document's "
                    f"{'gold' if annotator == GOLD_ANNOTATOR else annotator + chr(39) + 's'} "
                    "layer"
                )
            spans[role] = span
        if not relation_type.connects(spans["source"].label, spans["target"].label):
            raise InputError(
                f"{kind} links {'/'.join(relation_type.sources)} to "
                f"{'/'.join(relation_type.targets)}, not {spans['source'].label} to "
                f"{spans['target'].label}"
            )
        attrs = relation_type.defaults()
        for key, value in (attributes or {}).items():
            attribute = relation_type.attribute(key)
            if attribute is None or value not in attribute.values:
                allowed = ", ".join(attribute.values) if attribute else "none"
                raise InputError(
                    f"{kind}: {key}={value!r} is not one of its values ({key}: {allowed})"
                )
            attrs[key] = value
        duplicate = self.conn.execute(
            "SELECT id FROM relations WHERE source = ? AND target = ? AND type = ? "
            "AND deleted_at IS NULL",
            (source, target, kind),
        ).fetchone()
        if duplicate is not None:
            raise InputError(f"these two spans are linked by {kind} already")
        return attrs

    def change_relation(
        self, relation_id: str, attributes: Mapping[str, str], reviewer: str | None = None
    ) -> Relation:
        """Set a live relation's attributes (a complete set, checked against its type)."""
        old = self._writable_relation(relation_id, reviewer)
        if old.deleted_at is not None:
            raise InputError("that relation was deleted")
        relation_type = self.labels().relation(old.type)
        for key, value in attributes.items():
            attribute = relation_type.attribute(key) if relation_type else None
            if attribute is None or value not in attribute.values:
                raise InputError(f"{old.type}: {key}={value!r} is not one of its values")
        with self.transaction():
            self.conn.execute(
                "UPDATE relations SET attributes = ?, updated_at = ?, "
                "reviewer = COALESCE(?, reviewer) WHERE id = ?",
                (json.dumps(dict(attributes), ensure_ascii=False, sort_keys=True), now(),
                 reviewer, relation_id),
            )  # fmt: skip
        return self.relation(relation_id)

    def delete_relation(self, relation_id: str, reviewer: str | None = None) -> Relation:
        """Delete a relation, keeping a tombstone so that a merge cannot bring it back."""
        self._writable_relation(relation_id, reviewer)
        with self.transaction():
            self.conn.execute(
                "UPDATE relations SET deleted_at = ?, updated_at = ?, "
                "reviewer = COALESCE(?, reviewer) WHERE id = ?",
                (stamp := now(), stamp, reviewer, relation_id),
            )
        return self.relation(relation_id)

    def restore_relation(self, relation_id: str, reviewer: str | None = None) -> Relation:
        """Bring a deleted relation back (an undo); both its spans must be live."""
        relation = self._writable_relation(relation_id, reviewer)
        for span_id in (relation.source, relation.target):
            if self.span(span_id).deleted_at is not None:
                raise InputError("a relation comes back only with both of its spans")
        with self.transaction():
            self.conn.execute(
                "UPDATE relations SET deleted_at = NULL, updated_at = ?, "
                "reviewer = COALESCE(?, reviewer) WHERE id = ?",
                (now(), reviewer, relation_id),
            )
        return self.relation(relation_id)

    def _writable_relation(self, relation_id: str, reviewer: str | None) -> Relation:
        relation = self.relation(relation_id)
        if (relation.annotator == GOLD_ANNOTATOR) != (reviewer is not None):
            raise InputError(
                "gold relations change only with a reviewer's name, an annotator's only without"
            )
        return relation

    # --- a reviewer's rejections of candidate relations ----------------------------------------

    def relation_rejections(self, doc: int) -> set[str]:
        """The keys (`relation_key_text`) of the candidate relations rejected in a document."""
        rows = self.conn.execute(
            "SELECT key FROM relation_rejections WHERE doc = ? AND rejected = 1", (doc,)
        ).fetchall()
        return {row[0] for row in rows}

    def set_relation_rejected(
        self, doc: int, key: str, reviewer: str, rejected: bool = True
    ) -> None:
        """Record (or take back) a reviewer's rejection of a candidate relation."""
        with self.transaction():
            self.conn.execute(
                self.sql.upsert("relation_rejections", _REJECTION_COLUMNS, "doc, key"),
                (doc, key, int(rejected), check_annotator(reviewer), now()),
            )

    def relation_rejection_rows(self) -> list[tuple[int, str, int, str, str]]:
        """Every rejection row, taken back ones too (for merging)."""
        return [
            (doc, key, rejected, reviewer, updated)
            for doc, key, rejected, reviewer, updated in self.conn.execute(
                "SELECT doc, key, rejected, reviewer, updated_at FROM relation_rejections"
            )
        ]

    def put_relation_rejection_rows(self, rows: Sequence[tuple[int, str, int, str, str]]) -> None:
        """Write whole rejection rows as they are."""
        if rows:
            with self.transaction():
                self.conn.executemany(
                    self.sql.upsert("relation_rejections", _REJECTION_COLUMNS, "doc, key"),
                    rows,
                )

    # --- whole rows, for merging ------------------------------------------------------------

    def relation_rows(self) -> Iterator[Relation]:
        """Every relation, tombstones too, as stored."""
        for row in self.conn.execute(f"SELECT {RELATION_COLUMNS} FROM relations ORDER BY id"):
            yield relation_from_row(row)

    def relations_by_id(self, ids: Iterable[str]) -> dict[str, Relation]:
        """The stored versions of these relations (those the project has)."""
        return {
            row[0]: relation_from_row(row)
            for row in self._chunked(
                f"SELECT {RELATION_COLUMNS} FROM relations WHERE id IN", list(ids)
            )
        }

    def put_relations(self, relations: Sequence[Relation]) -> None:
        """Write whole relations as they are (a merged version replaces the stored one)."""
        if not relations:
            return
        with self.transaction():
            self._register_layers(sorted({r.annotator for r in relations}))
            self.conn.executemany(
                self.sql.upsert("relations", RELATION_COLUMNS, "id"),
                [relation_to_row(r) for r in relations],
            )
