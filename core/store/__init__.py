"""The project: every read and write of a project goes through `Store` (a file) or
`ServerStore` (a PostgreSQL server), the same methods over two connections (`StoreRows`, the
type of either).

One SQLite file per project, opened through sqlite-utils, in WAL mode with foreign keys on,
and never opened by any other means (closing another descriptor of it would drop SQLite's
locks). Every user action is its own ``BEGIN IMMEDIATE`` transaction, committed before the
method returns; bulk work (an import, a merge) wraps many calls in `Store.transaction`, which
is all or nothing. Reading needs no lock; two writers on one file wait for each other (busy
timeout) and then say the project is busy instead of failing.

The SQL is split by topic: `schema` (is this file an Alama project, as Alama made it), `files`
(the file on disk: connecting, making one whole, SQLite's failures in words), `base` (labels,
annotators: what both stores share), `file_connection` and `server` (opening and transactions
of a file and of a server), `dialect` (the SQL they say differently), `spans` (layers, gold,
rejections), `sync` (whole rows for merging), `project` (documents and status) and
`server_store` (what only a server does: its search copy, the file-only operations refused).
"""

from alama.core.annotators import RESERVED_PREFIX, check_annotator

from .base import now
from .file_connection import check_is_project
from .files import BUSY_TIMEOUT_S, is_project_file, put_in_place
from .project import Store, StoreRows
from .server_store import ServerStore
from .sync import RejectionRow, StatusRow

__all__ = [
    "BUSY_TIMEOUT_S",
    "RESERVED_PREFIX",
    "RejectionRow",
    "ServerStore",
    "StatusRow",
    "Store",
    "StoreRows",
    "check_annotator",
    "check_is_project",
    "is_project_file",
    "now",
    "put_in_place",
]
