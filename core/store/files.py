"""A project file on disk: looked at through its metadata, connected to through SQLite only,
made under a temporary name and put in place whole, and SQLite's failures said in words.

Looking at a file's metadata (``stat``) is harmless; opening a descriptor of a project file by
any other means than SQLite is not (see `alama.core.store.schema`).
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path

from alama.core.errors import AlamaError, ProjectBusy, ProjectError, ProjectExists
from alama.core.messages import Message

from . import hidden

BUSY_TIMEOUT_S = 60.0
SIDE_FILES = ("-wal", "-shm", "-journal")
"""The files SQLite keeps beside a project while it is open."""
NEARLY_FULL = 1 << 20
"""Free bytes below which a disk counts as full (SQLite needs room for its -shm and -wal)."""


def check_file(path: Path) -> None:
    """Refuse, by its name and metadata alone, what cannot be a project: a file SQLite keeps
    beside one (opening it would drop SQLite's locks on it), nothing there, a folder, a pipe or
    a device (SQLite would wait on a pipe for ever), an empty file."""
    if path.name.lower().endswith(SIDE_FILES):
        raise ProjectError(
            Message("%1 is a file SQLite keeps beside a project, not a project", path)
        )
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ProjectError(
            Message("%1: no such project (create one with: alama init %2)", path, path)
        ) from None
    except OSError as error:
        raise ProjectError(
            Message("%1 cannot be opened: %2", path, error.strerror or error)
        ) from None
    if stat.S_ISDIR(info.st_mode):
        raise ProjectError(Message("%1 is a folder, not an Alama project", path))
    if not stat.S_ISREG(info.st_mode):
        raise ProjectError(
            Message("%1 is not a regular file (a pipe or a device), not a project", path)
        )
    if info.st_size == 0:
        raise ProjectError(Message("%1 is an empty file, not an Alama project", path))
    if not os.access(path, os.R_OK):
        raise ProjectError(Message("%1 cannot be read (permission denied)", path))


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection to the file, with SQLite's URI ``mode`` (``rw``, ``rwc``, ``ro``, or
    ``ro&immutable=1``); the schema is never trusted to run functions with side effects."""
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=BUSY_TIMEOUT_S,
        check_same_thread=False,
    )  # fmt: skip
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
    except BaseException:
        conn.close()
        raise
    return conn


def log_has_frames(path: Path) -> bool:
    """Whether a write-ahead log with something in it lies beside the project: then the file
    cannot be read as if nobody ever wrote to it (``immutable``)."""
    try:
        return Path(f"{path}-wal").stat().st_size > 0
    except FileNotFoundError:
        return False


def why_read_only(path: Path) -> str | None:
    """Why nothing can be written to the project, from the file system's metadata; None if
    nothing says so."""
    folder = path.parent
    statvfs = getattr(os, "statvfs", None)
    if statvfs is not None:
        try:
            disk = statvfs(folder)
        except OSError:
            disk = None
        if disk is not None and disk.f_flag & os.ST_RDONLY:
            return "it is on a read-only disk"
        if disk is not None and disk.f_bavail * disk.f_frsize < NEARLY_FULL:
            return "the disk is full"
    if not os.access(folder, os.W_OK):
        return "its folder is read-only"
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    return None


def explain(error: sqlite3.Error, path: Path) -> AlamaError | None:
    """SQLite's failure to use the project, as one true line; None for any other error."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return ProjectBusy(Message("%1 is busy: another program is writing to it", path))
    if name == "SQLITE_FULL":
        return ProjectError(Message("the disk is full: nothing was written to %1", path))
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM")):
        reason = why_read_only(path)
        if reason == "the disk is full":
            return ProjectError(Message("the disk is full: nothing was written to %1", path))
        if reason is not None:
            return ProjectError(Message("%1 cannot be changed: %2", path, reason))
        if name.startswith("SQLITE_IOERR"):
            return ProjectError(Message("%1 could not be read or written (disk I/O error)", path))
        return ProjectError(Message("%1 cannot be used: %2", path, error))
    if name == "SQLITE_NOTADB":
        return ProjectError(Message("%1 is not an Alama project (not a SQLite database)", path))
    if name == "SQLITE_CORRUPT":
        return ProjectError(Message("%1 is damaged (%2)", path, error))
    return None


def is_project_file(path: Path, project: Path) -> bool:
    """Whether ``path`` is the project or a file SQLite keeps beside it (asked of the file
    system's metadata): such a file is never to be read by any means but SQLite."""
    for own in (project, *(Path(f"{project}{side}") for side in SIDE_FILES)):
        try:
            if os.path.samefile(path, own):
                return True
        except OSError:
            continue
    return False


def temporary_beside(path: Path) -> Path:
    """A new hidden file in the project's folder, empty and locked, to build a new project in
    (what killed runs left beside ``path`` is removed first); `remove_with_side_files` ends
    it. See `alama.core.store.hidden`."""
    try:
        return hidden.hold_for_sqlite(path)
    except OSError as error:
        reason = why_read_only(path)
        if reason == "the disk is full" or error.errno == errno.ENOSPC:
            raise ProjectError(
                Message("the disk is full: no project was made in %1", path.parent)
            ) from None
        if reason is not None:
            raise ProjectError(Message("%1 cannot be changed: %2", path, reason)) from None
        raise ProjectError(
            Message("%1 cannot be used: %2", path, error.strerror or error)
        ) from None


def put_in_place(temp: Path, path: Path) -> None:
    """Give a finished file its name, unless something took that name meanwhile (then
    `ProjectExists`): a hard link never replaces a file. Without hard links (a FAT stick) the
    file is renamed after a last look."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise ProjectExists(Message("%1 already exists", path)) from None
    except OSError:
        if os.path.lexists(path):
            raise ProjectExists(Message("%1 already exists", path)) from None
        try:
            os.rename(temp, path)  # Windows refuses to replace a file
        except FileExistsError:
            raise ProjectExists(Message("%1 already exists", path)) from None
        hidden.hand_over(temp, path)
        return
    hidden.hand_over(temp, path)  # (a hidden name keeps the lock: a merge's new project)
    os.unlink(temp)


def remove_with_side_files(path: Path) -> None:
    """Remove a file that was never a project anyone used, with what SQLite kept beside it,
    and release its lock (its connection is closed)."""
    for suffix in ("", *SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    hidden.release(path)
