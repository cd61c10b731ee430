"""A project as a command or the window names it: a file path, or a server's URL.

``alama stats news.alama`` and ``alama stats postgresql://amal@db.example.org/news`` open the
same kind of project: `open_project` gives a `Store` for a path and a `ServerStore` (the same
methods, over PostgreSQL) for a ``postgresql://`` or ``postgres://`` URL. psycopg is imported
only when a URL is opened, so a command on a file starts as quickly as before. A URL is shown
to people by `shown`, never with its password.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote, urlsplit, urlunsplit

from alama.core.errors import InputError, ProjectError
from alama.core.messages import Message
from alama.core.store.pg_connect import is_server
from alama.core.store.pg_connect import shown as shown_url

if TYPE_CHECKING:
    from alama.core.labels import LabelSet
    from alama.core.store import Store

T = TypeVar("T")

__all__ = [
    "file_only", "is_server", "login", "open_project", "reached", "server_store", "shown",
    "with_password",
]  # fmt: skip


def shown(target: str | Path) -> str:
    """How a project is named to people: a path as it is, a URL without its password."""
    return shown_url(str(target)) if is_server(target) else str(target)


def server_store() -> Any:
    """The server store's class (`ServerStore`): its module imports psycopg only when used."""
    from alama.core.store import ServerStore

    return ServerStore


ask_password: Callable[[str], str | None] | None = None
"""Asks for a server's password (given where, shown without one) when the server wants one that
the URL, ``PGPASSWORD`` and ``~/.pgpass`` did not give: the command line sets it on a terminal.
None: the server's refusal is the one-line error."""
ASKS_PASSWORD = ("password",)
"""Words of libpq's answer when the server wants a password (none given, or a wrong one)."""


def wants_password(error: BaseException) -> bool:
    """Whether a failed connection was refused for want of the right password."""
    return isinstance(error, ProjectError) and any(w in str(error).lower() for w in ASKS_PASSWORD)


def with_password(url: str, password: str) -> str:
    """``url`` with ``password`` in it (kept in memory only, never shown or stored)."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    user = quote(parts.username or "", safe="")
    return urlunsplit(parts._replace(netloc=f"{user}:{quote(password, safe='')}@{host}"))


def reached(url: str, attempt: Callable[[str], T]) -> T:
    """``attempt(url)``; if the server wants a password it was not given and `ask_password`
    is set, once more with the one it gives."""
    try:
        return attempt(url)
    except ProjectError as error:
        if ask_password is None or not wants_password(error):
            raise
        password = ask_password(shown(url))
        if not password:
            raise
    return attempt(with_password(url, password))


def open_project(target: str | Path, read_only: bool = False) -> Store:
    """The project at ``target``: `Store.open` (or `Store.read_only`) for a file,
    `ServerStore.open` for a server URL; `ProjectError` in one line when it cannot be opened.
    On a server what may be written is the server's to say (its row-level policies)."""
    if is_server(target):
        assert isinstance(target, str)
        # A ServerStore has the methods of a file's Store (the same mixins over PostgreSQL).
        kind = server_store()
        opened: Store = reached(target, kind.read_only if read_only else kind.open)
        return opened
    from alama.core.store import Store

    path = Path(target)
    return Store.read_only(path) if read_only else Store.open(path)


def login(store: Store) -> str | None:
    """The login a server project was opened as (its layer); None for a file."""
    server = getattr(store, "server", None)
    if server is None or not is_server(getattr(store, "url", None)):
        return None
    return str(server.pg.info.user)


def create_project(target: str | Path, labels: LabelSet | None = None) -> Store:
    """A new project file (`Store.create`); a server project is set up by `alama init URL`."""
    from alama.core.store import Store

    return Store.create(file_only(target, "a new project"), labels)


def file_only(target: str | Path, what: str) -> Path:
    """``target`` as a file path; a server URL is refused in one line naming ``what`` (the
    command, or what it makes) that only works on a file."""
    if is_server(target):
        raise InputError(
            Message(
                "%1 works on a project file, not on a server (%2): alama merge FILE %2 "
                "writes a server project into a file",
                what,
                shown(target),
            )
        )
    return Path(target)
