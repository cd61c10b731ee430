"""The people of a server project: each a login role of PostgreSQL named as their layer, and a
member of the group roles of `alama.core.store.pg_security` (``alama team add-annotator``).

The lead is added by whoever set the server up (a superuser). The lead adds annotators and
reviewers through the project's ``alama_add_person`` function, which runs with the rights of
who set it up and does only that: the lead needs no CREATEROLE, cannot make another lead or
touch a role that is not of an Alama team. Adding a person who is already there (in this
project or another on the server) adds the group only, an annotator who also reviews, and keeps
their password: the lead sets the password of a new person only. Each person may connect to the
databases of the projects they were added to, and to no other.

A role's name is the annotator's name exactly as Alama checks it (`check_annotator`), since
the policies compare a row's layer with ``current_user``. PostgreSQL cuts a name longer than 63
bytes without saying so, which would make two people one; such a name is refused.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from alama.core.annotators import check_annotator
from alama.core.errors import InputError, ProjectError
from alama.core.messages import Message

from .pg_security import ANNOTATOR, GROUPS, LEAD, REVIEWER

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

MAX_NAME_BYTES = 63
"""PostgreSQL's longest name (NAMEDATALEN - 1), in UTF-8 bytes."""
RESERVED_NAMES = frozenset({"public", "none", "current_user", "current_role", "session_user"})


def check_role_name(name: str) -> str:
    """The person's name as a role name, or `InputError` if PostgreSQL could not hold it."""
    clean = check_annotator(name)
    if len(clean.encode()) > MAX_NAME_BYTES:
        raise InputError(
            Message(
                "%1 is too long for a server: a name there holds at most %2 bytes",
                repr(clean),
                MAX_NAME_BYTES,
            )
        )
    if clean.lower() in RESERVED_NAMES or clean.startswith("pg_") or clean in GROUPS:
        raise InputError(Message("%1 is a name the server keeps for itself", repr(clean)))
    return clean


def add_lead(conn: PgConnection, name: str, password: str | None = None) -> str:
    """Make ``name`` the project's lead (a superuser's task); return the password set: the
    one given, else a new one for a new role, else none (empty: their password is kept)."""
    import psycopg
    from psycopg import sql

    name = check_role_name(name)
    role = sql.Identifier(name)
    try:
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            secret = _password(password, exists is not None)
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
            if secret:
                conn.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(role, sql.Literal(secret)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(LEAD), role))
            database = conn.execute("SELECT current_database()").fetchone()
            conn.execute(
                sql.SQL("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}").format(
                    sql.Identifier(database[0] if database else ""), role
                )
            )
            _join_annotators(conn, name)
            conn.execute(
                "INSERT INTO team_members (name, role, added_at) VALUES (%s, 'lead', %s) "
                "ON CONFLICT DO NOTHING",
                (name, datetime.now(UTC).isoformat(timespec="milliseconds")),
            )
    except psycopg.errors.InsufficientPrivilege as error:
        raise _refused(name, error) from None
    return secret


def add_annotator(conn: PgConnection, name: str, password: str | None = None) -> str:
    """Let ``name`` annotate: a login role in ``alama_annotator`` and a layer of their own;
    return the password set (see `add_lead`)."""
    return _add_person(conn, name, ANNOTATOR, password)


def add_reviewer(conn: PgConnection, name: str, password: str | None = None) -> str:
    """Let ``name`` review (write gold, read every layer); return the password set."""
    return _add_person(conn, name, REVIEWER, password)


def _add_person(conn: PgConnection, name: str, group: str, password: str | None) -> str:
    import psycopg

    name = check_role_name(name)
    try:
        with conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (name,)).fetchone()
            secret = _password(password, exists is not None)
            conn.execute("SELECT alama_add_person(%s, %s, %s)", (name, group, secret or None))
    except psycopg.errors.InsufficientPrivilege as error:
        raise _refused(name, error) from None
    return secret


def _password(given: str | None, exists: bool) -> str:
    """The password to set: the one given, a new one for a new person, else none."""
    if given is not None:
        return given
    return "" if exists else secrets.token_urlsafe(18)


def _join_annotators(conn: PgConnection, name: str) -> None:
    conn.execute(
        "INSERT INTO annotators (name, created_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (name, datetime.now(UTC).isoformat(timespec="milliseconds")),
    )


def _refused(name: str, error: Exception) -> ProjectError:
    reason = str(error).strip().splitlines()[0]
    return ProjectError(Message("the server refused to add %1: %2", name, reason))


def team_members(conn: PgConnection) -> dict[str, list[str]]:
    """Every person of this project and their groups (``alama_lead``, …), by name."""
    rows = conn.execute("SELECT name, role FROM team_members ORDER BY name, role").fetchall()
    members: dict[str, list[str]] = {}
    for person, role in rows:
        members.setdefault(person, []).append(f"alama_{role}")
    return members
