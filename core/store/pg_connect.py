"""Reaching a project on a PostgreSQL server: ``postgresql://USER@HOST/DATABASE``.

psycopg 3 is the ``server`` extra (``pip install 'alama[server]'``), imported only here and
only when a server is asked for: a project file never needs it. Connections are in autocommit
mode; every action is one ``with conn.transaction():`` block, as every action on a file is one
``BEGIN IMMEDIATE``. A password is never shown: messages name the server by `shown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

from alama.core.errors import ProjectBusy, ProjectError
from alama.core.messages import Message

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

SCHEMES = ("postgresql://", "postgres://")
CONNECT_TIMEOUT_S = 10
LOCK_TIMEOUT_MS = 10_000
"""How long a statement waits for a lock another person holds before `ProjectBusy` (a lock
held forever, an annotator's ``LOCK TABLE`` or a lead's ``SELECT … FOR UPDATE``, never hangs)."""
STATEMENT_TIMEOUT_MS = 600_000
"""A generous bound on one statement (a large move to the server is many statements)."""


def is_server(project: object) -> bool:
    """Whether a project argument names a server rather than a file."""
    return isinstance(project, str) and project.startswith(SCHEMES)


def shown(url: str) -> str:
    """The URL as shown to people: without its password."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}"))


def connect(url: str) -> PgConnection:
    """A connection to the server project at ``url``, or `ProjectError` in one line."""
    try:
        import psycopg
    except ImportError:
        raise ProjectError(
            "a project on a server needs psycopg: pip install 'alama[server]'"
        ) from None
    try:
        return psycopg.connect(
            url,
            autocommit=True,
            connect_timeout=CONNECT_TIMEOUT_S,
            options=f"-c lock_timeout={LOCK_TIMEOUT_MS} "
            f"-c statement_timeout={STATEMENT_TIMEOUT_MS}",
        )
    except psycopg.Error as error:
        reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        raise ProjectError(Message("could not connect to %1: %2", shown(url), reason)) from None


def busy(error: Exception, where: str) -> ProjectBusy | None:
    """`ProjectBusy` in one line when ``error`` is a lock waited for too long (or a deadlock,
    or a statement past its timeout); None for any other error."""
    from psycopg import errors

    if isinstance(error, errors.LockNotAvailable | errors.DeadlockDetected | errors.QueryCanceled):
        return ProjectBusy(Message("%1 is busy: another person is writing the same rows", where))
    return None


def set_up(url: str) -> list[str]:
    """Bring the server project at ``url`` up to date (``alama init postgresql://…``, run by
    the database's owner); return the steps applied."""
    import psycopg

    from .pg_schema import apply

    with connect(url) as conn:
        try:
            return apply(conn)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
            raise ProjectError(
                Message("%1 could not be set up as an Alama project: %2", shown(url), reason)
            ) from None
