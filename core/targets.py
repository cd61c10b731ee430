"""A project as a command or the window names it: a file path, or a server's URL.

``alama stats news.alama`` and ``alama stats postgresql://amal@db.example.org/news`` open the
same kind of project: `open_project` gives a `Store` for a path and a `ServerStore` (the same
methods, over PostgreSQL) for a ``postgresql://`` or ``postgres://`` URL. psycopg is imported
only when a URL is opened, so a command on a file starts as quickly as before. A URL is shown
to people by `shown`, never with its password.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from alama.core.errors import InputError
from alama.core.messages import Message
from alama.core.store.pg_connect import is_server
from alama.core.store.pg_connect import shown as shown_url

if TYPE_CHECKING:
    from alama.core.labels import LabelSet
    from alama.core.store import Store

__all__ = ["file_only", "is_server", "open_project", "server_store", "shown"]


def shown(target: str | Path) -> str:
    """How a project is named to people: a path as it is, a URL without its password."""
    return shown_url(str(target)) if is_server(target) else str(target)


def server_store() -> Any:
    """The server store's class (`ServerStore`): its module imports psycopg only when used."""
    from alama.core.store import ServerStore

    return ServerStore


def open_project(target: str | Path, read_only: bool = False) -> Store:
    """The project at ``target``: `Store.open` (or `Store.read_only`) for a file,
    `ServerStore.open` for a server URL; `ProjectError` in one line when it cannot be opened.
    On a server what may be written is the server's to say (its row-level policies)."""
    if is_server(target):
        assert isinstance(target, str)
        # A ServerStore has the methods of a file's Store (the same mixins over PostgreSQL).
        opened: Store = (
            server_store().read_only(target) if read_only else server_store().open(target)
        )
        return opened
    from alama.core.store import Store

    path = Path(target)
    return Store.read_only(path) if read_only else Store.open(path)


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
