"""What changed on a server project, told to every program that listens (LISTEN/NOTIFY).

The schema step `changes_told` puts a trigger on the tables a window shows: after a committed
change, the server sends ``TABLE DOC`` on the channel ``alama_changes`` (``spans 12``; ``labels``
for a table not kept per document). A window listens on a connection of its own and refreshes
progress, the document list or review without reopening. The server sends a message once per
transaction however many rows changed, and only when it commits, so a refused write tells
nothing.

Every listener receives every message, whatever the row-level policies let it read: a message
carries a table and a document id only, never a layer's content or whose layer it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

CHANGES_STEP = "server_0002_changes"
CHANNEL = "alama_changes"
PER_DOCUMENT = {
    "spans": "doc",
    "status": "doc",
    "relations": "doc",
    "assignments": "doc",
    "rejections": "doc",
    "relation_rejections": "doc",
    "suggestions": "doc",
}
WHOLE = ("documents", "labels", "relation_types", "alama_meta", "annotators")
"""Tables whose change concerns the whole project (the message names no document): an import
of ten thousand documents is one message."""

TELL_FUNCTION = f"""
CREATE FUNCTION alama_tell_change() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, public
AS $$
DECLARE
    row_changed RECORD := COALESCE(NEW, OLD);
    doc TEXT := '';
BEGIN
    IF TG_NARGS > 0 THEN
        doc := ' ' || (to_jsonb(row_changed) ->> TG_ARGV[0]);
    END IF;
    PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || doc);
    RETURN NULL;
END
$$
"""


class Change(NamedTuple):
    """One committed change: the table, and the document (None: the whole project)."""

    table: str
    doc: int | None


def parse(payload: str) -> Change:
    """A message of ``alama_changes`` as a `Change`."""
    table, _, doc = payload.partition(" ")
    return Change(table, int(doc) if doc.isdigit() else None)


def changes_told(conn: PgConnection) -> None:
    """The schema step: a trigger on each shown table that tells its changes."""
    conn.execute(TELL_FUNCTION)
    for table, column in PER_DOCUMENT.items():
        conn.execute(
            f"CREATE TRIGGER alama_told AFTER INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION alama_tell_change('{column}')"
        )
    for table in WHOLE:
        conn.execute(
            f"CREATE TRIGGER alama_told AFTER INSERT OR UPDATE OR DELETE ON {table} "
            "FOR EACH STATEMENT EXECUTE FUNCTION alama_tell_change()"
        )


def listen(conn: PgConnection) -> None:
    """Start receiving the project's changes on ``conn`` (a connection of its own, in
    autocommit mode: messages arrive between transactions)."""
    conn.execute(f"LISTEN {CHANNEL}")


def received(conn: PgConnection, timeout: float = 0.0) -> list[Change]:
    """The changes told since the last call, in order, waiting up to ``timeout`` seconds for
    one if none is there yet."""
    messages = list(conn.notifies(timeout=0))
    if not messages and timeout > 0:
        messages = list(conn.notifies(timeout=timeout, stop_after=1))
        messages += conn.notifies(timeout=0)
    return [parse(message.payload) for message in messages if message.channel == CHANNEL]
