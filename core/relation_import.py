"""Relations an import read (`alama.core.relation_files.Link`): renamed by ``--map`` and
``--relation-map``, checked against the project's relation types (turned round when a file
wrote one target to source), added as new types by ``--add-labels``, and written after their
spans in the import's transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from alama.core.errors import InputError
from alama.core.import_files import ImportReport
from alama.core.jsonl import Record
from alama.core.labels import LabelSet
from alama.core.messages import Message
from alama.core.model import Origin
from alama.core.relation_files import Key, Link
from alama.core.relation_types import Attribute, RelationType
from alama.core.store import Store

TURNED = "relation written from its target to its source (head ACTOR, child CLAIM): turned round"
DUPLICATE = "exact duplicate relation in the same record"
KNOWN = "relation already in that annotator's layer"
SPAN_DROPPED = "relation whose span was dropped by --map"


def settle_relations(
    records: Sequence[Record],
    labels: LabelSet,
    label_map: dict[str, str],
    relation_map: dict[str, str],
    add_labels: bool,
    report: ImportReport,
) -> LabelSet | None:
    """Rename the records' relations and check them against ``labels`` (the label set the
    import ends with); return it with new relation types when ``add_labels`` adds some."""
    found: dict[str, tuple[set[str], set[str], dict[str, set[str]]]] = {}
    for record in records:
        settled: dict[tuple[Key, Key, str], Link] = {}
        for link in record.links:
            renamed = _renamed(link, label_map, relation_map, report)
            if renamed is None:
                continue
            kind = labels.relation(renamed.type)
            if kind is not None:
                renamed = _fitted(renamed, kind, report)
            else:
                if not add_labels:
                    known = ", ".join(r.key for r in labels.relations) or "none"
                    raise InputError(
                        f"{link.where}: unknown relation type {renamed.type!r} (the project has "
                        f"{known}); rename it with --relation-map {renamed.type}=NEW or add it "
                        "with --add-labels"
                    )
                sources, targets, values = found.setdefault(renamed.type, (set(), set(), {}))
                sources.add(renamed.source[2])
                targets.add(renamed.target[2])
                for key, value in renamed.attributes:
                    values.setdefault(key, set()).add(value)
            if renamed.key in settled:
                report.skipped[DUPLICATE] += 1
                continue
            settled[renamed.key] = renamed
        record.links = list(settled.values())
    if not found:
        return None
    added = [
        RelationType(
            key,
            key,
            key,
            tuple(sorted(sources)),
            tuple(sorted(targets)),
            tuple(Attribute(name, tuple(sorted(v))) for name, v in sorted(values.items())),
        )
        for key, (sources, targets, values) in found.items()
    ]
    report.relation_types_added = [kind.key for kind in added]
    return LabelSet(list(labels), labels.relations + tuple(added))


def _renamed(
    link: Link, label_map: dict[str, str], relation_map: dict[str, str], report: ImportReport
) -> Link | None:
    kind = relation_map.get(link.type, link.type)
    if not kind:
        report.skipped[Message("relation of type %1 (dropped by --relation-map)", link.type)] += 1
        return None
    ends = []
    for start, end, label in (link.source, link.target):
        renamed = label_map.get(label, label)
        if not renamed:
            report.skipped[SPAN_DROPPED] += 1
            return None
        ends.append((start, end, renamed))
    return Link(ends[0], ends[1], kind, link.attributes, link.where, link.id)


def _fitted(link: Link, kind: RelationType, report: ImportReport) -> Link:
    """The link as the type reads it: turned round when its labels fit only that way; its
    attributes checked against the type's values."""
    source, target = link.source, link.target
    if not kind.connects(source[2], target[2]):
        if not kind.connects(target[2], source[2]):
            raise InputError(
                f"{link.where}: {kind.key} links {'/'.join(kind.sources)} to "
                f"{'/'.join(kind.targets)}, not {source[2]} to {target[2]} (rename with "
                "--relation-map OLD=NEW or --map)"
            )
        report.notes[TURNED] += 1
        source, target = target, source
    for key, value in link.attributes:
        attribute = kind.attribute(key)
        if attribute is None or value not in attribute.values:
            allowed = ", ".join(attribute.values) if attribute else "none"
            raise InputError(
                f"{link.where}: {kind.key}: {key}={value!r} is not one of its values "
                f"({key}: {allowed})"
            )
    return Link(source, target, link.type, link.attributes, link.where, link.id)


def write_links(store: Store, doc: int, annotator: str, links: list[Link]) -> tuple[int, int]:
    """Write a layer's links after its spans (inside the import's transaction); return how
    many were added and how many the layer had already. An id of Alama's is kept when the
    project has no relation with it."""
    if not links:
        return 0, 0
    have = {relation.key for relation in store.relations(doc, annotator)}
    spans: dict[Key, str] = {}
    for key in {end for link in links for end in (link.source, link.target)}:
        span = store.find_span(doc, annotator, key)
        if span is None:  # (the layer's spans were written just before)
            raise InputError(f"no span {key} in {annotator}'s layer of document {doc}")
        spans[key] = span.id
    taken = store.relations_by_id([link.id for link in links if link.id is not None])
    added = known = 0
    for link in links:
        source, target = spans[link.source], spans[link.target]
        if (source, target, link.type) in have:
            known += 1
            continue
        kept = link.id if link.id is not None and link.id not in taken else None
        store.add_relation(
            doc, annotator, source, target, link.type, dict(link.attributes),
            origin=Origin.IMPORTED, relation_id=kept,
        )  # fmt: skip
        have.add((source, target, link.type))
        added += 1
    return added, known
