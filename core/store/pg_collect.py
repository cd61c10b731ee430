"""Collecting a layer worked on offline into a server project: an annotator takes their part of
the project as a file (`pg_transfer.to_file`), works without the network, and brings their
layer back (the ``alama merge FILE postgresql://…`` of issue 21, for one layer).

The rules are `alama merge`'s for a copy (`alama.core.merging`): documents are the same when
their texts have the same hash, spans and relations when they have the same id; of two versions
the newer wins (`merge_changes.version`: by ``updated_at``, a deletion before a live copy at the
same time), so a tombstone carries a deletion and collecting the same file again changes
nothing; a status is the newer of the two; a version dated in the future is refused. Only one
layer is taken, the connected person's unless the lead names another; the file's other layers
are left out and counted. Whether the person may write that layer, in those documents, is the
server's to say: a layer or a document that is not theirs is refused by its policies, and the
whole collection with it. It is one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from alama.core.errors import ProjectError
from alama.core.merge_changes import CLOCK_SKEW, version
from alama.core.messages import Message
from alama.core.model import Relation, Span

from .pg_connect import busy
from .project import Store
from .relations import RELATION_COLUMNS, relation_from_row, relation_to_row
from .spans import SPAN_COLUMNS, span_from_row, span_to_row

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]


@dataclass
class Collected:
    """What a collection wrote, by kind, and the file's layers it left out."""

    layer: str
    spans: int = 0
    relations: int = 0
    statuses: int = 0
    rejected_phrases: int = 0
    left_out: dict[str, int] = field(default_factory=dict)
    """Spans of the file's other layers, by layer."""


def _upsert(table: str, columns: str) -> str:
    """Insert a row, or update the row of the same id in the same document and layer: a row's
    document and layer never change (the id of another layer's row is refused before)."""
    names = columns.split(", ")
    kept = ("id", "doc", "annotator")
    updates = ", ".join(f"{name} = excluded.{name}" for name in names if name not in kept)
    marks = ", ".join(["%s"] * len(names))
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT (id) DO UPDATE SET "
        f"{updates} WHERE {table}.doc = excluded.doc AND {table}.annotator = excluded.annotator"
    )


def _insert_new(table: str, columns: str) -> str:
    marks = ", ".join(["%s"] * len(columns.split(", ")))
    return (
        f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT (id) DO NOTHING RETURNING id"
    )


def _write(
    conn: PgConnection,
    table: str,
    columns: str,
    rows: list[tuple[Any, ...]],
    stored: dict[str, tuple[int, str]],
    refuse: Any,
) -> None:
    """Write ``rows`` (id, doc, annotator first): those of an id stored with another document
    or layer are refused whole, before anything is written; so is a new one whose id the server
    holds in a row hidden from the person."""
    for row in rows:
        if row[0] in stored and stored[row[0]] != (row[1], row[2]):
            refuse(row[0])
    old = [row for row in rows if row[0] in stored]
    new = [row for row in rows if row[0] not in stored]
    with conn.cursor() as cursor:
        cursor.executemany(_upsert(table, columns), old)
        if not new:
            return
        cursor.executemany(_insert_new(table, columns), new, returning=True)
        written: set[str] = set()
        while True:
            written.update(str(found[0]) for found in cursor.fetchall())
            if not cursor.nextset():
                break
    for row in new:
        if row[0] not in written:
            refuse(row[0])


def relation_version(relation: Relation) -> tuple[Any, ...]:
    """The order of a relation's versions, as `version` orders a span's."""
    return (relation.updated_at, relation.deleted_at is not None, relation.deleted_at or "",
            relation_to_row(relation))  # fmt: skip


def collect(source: Store, conn: PgConnection, where: str, layer: str | None = None) -> Collected:
    """Fold ``layer`` (None: the connected person's) of the project file ``source`` into the
    server project of ``conn``; what was written. `ProjectError` in one line when the server
    refuses it or the file holds what no merge takes; nothing is written then."""
    import psycopg

    try:
        with conn.transaction():
            return _collect(source, conn, where, layer)
    except psycopg.errors.InsufficientPrivilege as error:
        raise ProjectError(
            Message("%1 refused the layer of %2: %3", where, source.path, _first_line(error))
        ) from None
    except psycopg.Error as error:  # a label the server lacks, a span outside its text
        waited = busy(error, where)
        if waited is not None:
            raise waited from None
        raise ProjectError(
            Message("%1 could not be collected into %2: %3", source.path, where, _first_line(error))
        ) from None


def _first_line(error: Exception) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _collect(source: Store, conn: PgConnection, where: str, layer: str | None) -> Collected:
    me = conn.execute("SELECT current_user").fetchone()
    name = layer or (str(me[0]) if me else "")
    report = Collected(name)
    theirs: dict[str, int] = dict(conn.execute("SELECT hash, id FROM documents").fetchall())
    mine = source.document_hashes()
    docs = {doc: theirs[digest] for digest, doc in mine.items() if digest in theirs}
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")

    def on_server(doc: int, what: str, stamp: str) -> int:
        if doc not in docs:
            raise ProjectError(
                Message("%1 holds %2 in a document %3 does not show you", source.path, what, where)
            )
        if stamp > latest:
            raise ProjectError(Message("%1 holds %2 dated in the future", source.path, what))
        return docs[doc]

    def taken(kind: str) -> Any:
        def refuse(key: str) -> None:
            raise ProjectError(
                Message(
                    "%1 cannot be collected: %2 %3 belongs to another document or annotator in %4",
                    source.path,
                    kind,
                    key,
                    where,
                )
            )

        return refuse

    spans: list[Span] = []
    for span in source.all_spans():
        if span.annotator != name:
            report.left_out[span.annotator] = report.left_out.get(span.annotator, 0) + 1
            continue
        doc = on_server(span.doc, f"span {span.id}", span.updated_at)
        spans.append(replace(span, doc=doc))
    stored = {
        row[0]: span_from_row(row)
        for row in conn.execute(
            f"SELECT {SPAN_COLUMNS} FROM spans WHERE id = ANY(%s)", ([sp.id for sp in spans],)
        )
    }
    newer = [sp for sp in spans if sp.id not in stored or version(sp) > version(stored[sp.id])]
    owners = {key: (sp.doc, sp.annotator) for key, sp in stored.items()}
    _write(conn, "spans", SPAN_COLUMNS, [span_to_row(sp) for sp in newer], owners, taken("span"))
    report.spans = len(newer)

    relations = [
        replace(rel, doc=on_server(rel.doc, f"relation {rel.id}", rel.updated_at))
        for rel in source.relation_rows()
        if rel.annotator == name
    ]
    known = {
        row[0]: relation_from_row(row)
        for row in conn.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations WHERE id = ANY(%s)",
            ([rel.id for rel in relations],),
        )
    }
    fresh = [
        rel
        for rel in relations
        if rel.id not in known or relation_version(rel) > relation_version(known[rel.id])
    ]
    owners = {key: (rel.doc, rel.annotator) for key, rel in known.items()}
    rows = [relation_to_row(rel) for rel in fresh]
    _write(conn, "relations", RELATION_COLUMNS, rows, owners, taken("relation"))
    report.relations = len(fresh)

    for row in source.status_rows():
        if row.annotator != name:
            continue
        doc = on_server(row.doc, "a document's status", row.updated_at)
        written = conn.execute(
            "INSERT INTO status (doc, annotator, state, updated_at) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (doc, annotator) DO UPDATE SET state = excluded.state, "
            "updated_at = excluded.updated_at WHERE status.updated_at < excluded.updated_at",
            (doc, name, row.state, row.updated_at),
        )
        report.statuses += written.rowcount
    for doc, annotator, phrase, label, stamp in source.suggestion_rejection_rows():
        if annotator == name and doc in docs:
            written = conn.execute(
                "INSERT INTO suggestion_rejections VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT DO NOTHING",
                (docs[doc], name, phrase, label, stamp),
            )
            report.rejected_phrases += written.rowcount
    return report
