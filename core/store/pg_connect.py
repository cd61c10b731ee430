"""Reaching a project on a PostgreSQL server: ``postgresql://USER@HOST/DATABASE``.

psycopg 3 is the ``server`` extra (``pip install 'alama[server]'``), imported only here and
only when a server is asked for: a project file never needs it. Connections are in autocommit
mode; every action is one ``with conn.transaction():`` block, as every action on a file is one
``BEGIN IMMEDIATE``. A password is never shown: messages name the server by `shown`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urlsplit

from alama.core.errors import InputError, ProjectBusy, ProjectError
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


def _split(url: str) -> tuple[str, str, str]:
    """``url`` as its scheme with ``://``, its authority (``user:password@host``) and the rest;
    never raises, whatever the address holds."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        return "", "", url
    ends = [rest.index(mark) for mark in "/?#" if mark in rest]
    end = min(ends) if ends else len(rest)
    return scheme + sep, rest[:end], rest[end:]


def _is_password(param: str) -> bool:
    return unquote(param.partition("=")[0]).strip().lower() == "password"


def secrets(url: str) -> list[str]:
    """The password(s) written in ``url`` (in its user part or as ``?password=``), as written
    and decoded: what no message may show."""
    _, authority, rest = _split(url)
    userinfo, at, _ = authority.rpartition("@")
    found = [userinfo.partition(":")[2]] if at and ":" in userinfo else []
    query = rest.partition("?")[2].partition("#")[0]
    found += [param.partition("=")[2] for param in query.split("&") if _is_password(param)]
    found = [secret for secret in found if secret]
    return sorted({*found, *(unquote(secret) for secret in found)}, key=len, reverse=True)


def scrubbed(text: str, url: str) -> str:
    """``text`` (a server's or a library's message about ``url``) without its password."""
    for secret in secrets(url):
        text = text.replace(secret, "…")
    return text


def shown(url: str) -> str:
    """The URL as shown to people: without its password (in the user part or the query)."""
    scheme, authority, rest = _split(url)
    userinfo, at, host = authority.rpartition("@")
    if at:
        authority = f"{userinfo.partition(':')[0]}@{host}"
    path, question, query = rest.partition("?")
    if question:
        query, hash_mark, fragment = query.partition("#")
        kept = "&".join(param for param in query.split("&") if not _is_password(param))
        rest = path + (f"?{kept}" if kept else "") + hash_mark + fragment
    return scrubbed(scheme + authority + rest, url)


def check_address(url: str) -> None:
    """`InputError` in one line (without the password) when ``url`` is no server address."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (a port that is not a number raises here)
    except ValueError as error:
        raise InputError(
            Message("%1 is not a server address: %2", shown(url), scrubbed(str(error), url))
        ) from None


def connect(url: str) -> PgConnection:
    """A connection to the server project at ``url``, or `ProjectError` in one line."""
    try:
        import psycopg
    except ImportError:
        raise ProjectError(
            "a project on a server needs psycopg: pip install 'alama[server]'"
        ) from None
    check_address(url)
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
        raise ProjectError(
            Message("could not connect to %1: %2", shown(url), scrubbed(reason, url))
        ) from None


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
