"""The few fragments of SQL that differ between a project file (SQLite) and a server project
(PostgreSQL): each connection has one `Dialect` as ``self.sql``.

The mixins of `Store` write their statements once, with ``?`` placeholders (a server
connection turns them into psycopg's ``%s``), and take from the dialect only what the two
databases say differently: SQLite's ``INSERT OR IGNORE`` / ``INSERT OR REPLACE``, its
``typeof`` guards against values of the wrong type planted in a file (a server's columns are
typed, so there the guard is ``TRUE``), ``json_group_array``, and a NUL inside a text (which a
server's ``TEXT`` cannot hold). The SQLite dialect gives today's strings, so a file's store does
not change behaviour.
"""

from __future__ import annotations

INTEGER_OFFSETS = "typeof(start_char) = 'integer' AND typeof(end_char) = 'integer'"
"""Offsets that are whole numbers: a file changed by hand may hold 1.5 or text there."""
_TEXT_COLUMNS = ("id", "annotator", "label", "origin", "created_at", "updated_at")
_TEXT_OR_NULL = ("deleted_at", "reviewer")


def _inside(length: str, table: str) -> str:
    return (
        f"{table}start_char >= 0 AND {table}start_char < {table}end_char "
        f"AND {table}end_char <= {length}"
    )


def readable_span(length: str, table: str = "") -> str:
    """The SQL condition a span must meet to be read: whole-number offsets inside its
    document's text (``length``), and text where Alama writes text. Alama writes no other
    (checked on the way in, with the same ``length(text)``), but a file changed by hand may
    hold a span outside its text, an offset of 1.5, or a BLOB for a label."""
    typed = [f"typeof({table}{column}) = 'text'" for column in _TEXT_COLUMNS]
    typed += [f"typeof({table}{column}) IN ('text', 'null')" for column in _TEXT_OR_NULL]
    offsets = INTEGER_OFFSETS.replace("(", f"({table}")
    return " AND ".join([offsets, *typed, _inside(length, table)])


INSIDE_TEXT = readable_span("{length}")
"""`readable_span` for a query of the spans table alone (``length`` to be filled in)."""
KEYS_READABLE = (
    f"{INTEGER_OFFSETS} AND typeof(doc) = 'integer' AND typeof(annotator) = 'text' "
    "AND typeof(label) = 'text'"
)
"""What the (doc, annotator, start, end, label) keys of a span need to be read."""


class Dialect:
    """SQLite's fragments (a project file)."""

    name = "sqlite"
    placeholder = "?"
    """The driver's placeholder; statements are written with ``?`` (`ServerSql` turns them
    into psycopg's)."""

    def insert_ignore(self, table: str, columns: str, values: str | None = None) -> str:
        """An insert of rows the table may have already (by any unique key): those are kept."""
        return f"INSERT OR IGNORE INTO {table} ({columns}) VALUES ({_places(columns, values)})"

    def upsert(self, table: str, columns: str, key: str, values: str | None = None) -> str:
        """An insert whose row replaces the one with the same ``key`` (the primary key)."""
        return f"INSERT OR REPLACE INTO {table} ({columns}) VALUES ({_places(columns, values)})"

    def is_text(self, column: str) -> str:
        """The condition that a column holds text (a file changed by hand may hold a BLOB)."""
        return f"typeof({column}) = 'text'"

    def is_integer(self, column: str) -> str:
        """The condition that a column holds a whole number."""
        return f"typeof({column}) = 'integer'"

    def json_list(self, column: str) -> str:
        """An aggregate of ``column`` as a JSON list in text (``'[]'`` for no rows)."""
        return f"json_group_array({column})"

    def any_of(self, column: str) -> str:
        """The start of a condition on ``column`` that `Connection._chunked` completes."""
        return f"{column} IN"

    def has_nul(self, column: str) -> str:
        """The condition that a text holds a NUL character."""
        return f"instr(CAST({column} AS BLOB), x'00') > 0"

    def readable_span(self, length: str, table: str = "") -> str:
        """`readable_span` in this dialect."""
        return readable_span(length, table)

    @property
    def inside_text(self) -> str:
        """`INSIDE_TEXT` in this dialect (``length`` to be filled in)."""
        return INSIDE_TEXT

    @property
    def keys_readable(self) -> str:
        """`KEYS_READABLE` in this dialect."""
        return KEYS_READABLE


class PostgresDialect(Dialect):
    """PostgreSQL's fragments (a server project): its columns are typed, so every type guard
    holds; a replace is an update of the row (others refer to it by foreign key)."""

    name = "postgresql"
    placeholder = "%s"

    def insert_ignore(self, table: str, columns: str, values: str | None = None) -> str:
        return (
            f"INSERT INTO {table} ({columns}) VALUES ({_places(columns, values)}) "
            "ON CONFLICT DO NOTHING"
        )

    def upsert(self, table: str, columns: str, key: str, values: str | None = None) -> str:
        keys = {name.strip() for name in key.split(",")}
        rest = [name.strip() for name in columns.split(",") if name.strip() not in keys]
        action = (
            "DO UPDATE SET " + ", ".join(f"{name} = excluded.{name}" for name in rest)
            if rest
            else "DO NOTHING"
        )
        return (
            f"INSERT INTO {table} ({columns}) VALUES ({_places(columns, values)}) "
            f"ON CONFLICT ({key}) {action}"
        )

    def is_text(self, column: str) -> str:
        return "TRUE"

    def is_integer(self, column: str) -> str:
        return "TRUE"

    def json_list(self, column: str) -> str:
        return f"COALESCE(json_agg({column} ORDER BY {column})::text, '[]')"

    def any_of(self, column: str) -> str:
        return f"{column} = ANY(?)"

    def has_nul(self, column: str) -> str:
        return "FALSE"

    def readable_span(self, length: str, table: str = "") -> str:
        return _inside(length, table)

    @property
    def inside_text(self) -> str:
        return _inside("{length}", "")

    @property
    def keys_readable(self) -> str:
        return "TRUE"


def _places(columns: str, values: str | None) -> str:
    return values if values is not None else ", ".join("?" * len(columns.split(",")))


SQLITE = Dialect()
POSTGRES = PostgresDialect()
