"""Hidden names beside a file being made, each locked from the moment it has its name.

A project, an export file or folder, or a merge's new project is written under a hidden name
beside its final one, ``.NAME.alama-XXXXXXXX.part``, and moved into place only when complete.
Its writer holds an advisory lock (``flock``) on it until then; `sweep` removes the hidden
names nobody holds (their writer was killed), so they never pile up.

A hidden name is made under a name `sweep` leaves alone (``….part.new``), locked, and only then
renamed to its ``.part`` name: another process's sweep can never find it unlocked and remove it
between its making and its lock. (Were its writer killed in that instant, the ``.new`` is
removed by a sweep a minute later.) A project SQLite builds at a hidden name is made the same
way, empty, before SQLite opens it; the lock's descriptor stays open until SQLite's connection
is closed, since closing a descriptor of the file drops every POSIX lock SQLite holds on it.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows; leftovers are then kept
    fcntl = None  # type: ignore[assignment]

TAG = ".alama-"
SUFFIX = ".part"
PENDING = ".new"
"""Added to a hidden name while it is being made and locked: sweeps leave it alone."""
PENDING_AGE_S = 60.0
"""How old a ``.new`` nobody holds must be before a sweep removes it."""
SIDE_FILES = ("-wal", "-shm", "-journal")

_held: dict[Path, int] = {}
"""The lock descriptors of hidden projects made by `make_locked` for SQLite, by name."""
_mine: set[Path] = set()
"""The hidden names this process holds: its own sweeps never open them (closing a descriptor
of a project this process has open would drop SQLite's locks on it)."""
OLDER_TEMP = re.compile(r"\.[0-9a-f]{12}\.tmp")
"""What an earlier Alama built a new project under: ``.NAME.<12 hex digits>.tmp``."""


def hidden_name(path: Path) -> Path:
    """A new hidden name beside ``path`` for writing it."""
    return path.parent / f".{path.name}{TAG}{secrets.token_hex(4)}{SUFFIX}"


def is_hidden_name(name: str, of: str) -> bool:
    """Whether ``name`` is one of the hidden names `hidden_name` gives for a file named ``of``
    (or for one of those: a project built under a hidden name is made beside it first)."""
    if name.startswith(f".{of}.") and OLDER_TEMP.fullmatch(name, len(of) + 1):
        return True
    return name.startswith((f".{of}{TAG}", f"..{of}{TAG}")) and name.endswith(SUFFIX)


def try_lock(fd: int) -> bool:
    """Take the advisory lock on an open file or folder; False if a live writer holds it."""
    if fcntl is None:  # pragma: no cover
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


def make_locked(path: Path, folder: bool = False) -> tuple[Path, int]:
    """A new hidden name beside ``path`` holding an empty file (or folder), and the descriptor
    that locks it: made and locked under a pending name, then renamed."""
    temp = hidden_name(path)
    pending = temp.with_name(temp.name + PENDING)
    if folder:
        os.mkdir(pending, 0o777)
        fd = os.open(pending, os.O_RDONLY)
    else:
        fd = os.open(pending, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try_lock(fd)
        os.rename(pending, temp)
        _mine.add(temp.absolute())
    except BaseException:
        os.close(fd)
        if folder:
            shutil.rmtree(pending, ignore_errors=True)
        else:
            pending.unlink(missing_ok=True)
        raise
    return temp, fd


def hold_for_sqlite(path: Path) -> Path:
    """Sweep ``path``'s leftovers and make a locked, empty hidden file beside it for SQLite to
    build a project in; its lock is kept until `release` (or `take` by whoever keeps it)."""
    sweep(path)
    temp, fd = make_locked(path)
    _held[temp] = fd
    return temp


def hand_over(temp: Path, path: Path) -> None:
    """``temp`` now has the name ``path`` too (a link, or renamed): if that is a hidden name,
    its lock goes with it, for `take`."""
    if temp in _held and path.name.startswith(".") and path.name.endswith(SUFFIX):
        _held[path] = _held.pop(temp)
        _mine.add(path.absolute())


def take(path: Path) -> int:
    """The lock descriptor held for a hidden project, now the caller's to close (-1: none)."""
    return _held.pop(path, -1)


def release(path: Path) -> None:
    """Close the lock held for a hidden name (after SQLite's connection to it is closed)."""
    fd = _held.pop(path, -1)
    if fd >= 0:
        os.close(fd)
    forget(path)


def forget(path: Path) -> None:
    """A hidden name this process held is gone or no longer its own."""
    _mine.discard(path.absolute())


def sweep(path: Path) -> list[Path]:
    """Remove what killed runs left while writing ``path`` (its hidden names nobody holds).

    Returns the names removed. A hidden name a running process is still writing is kept.
    """
    try:
        names = os.listdir(path.parent)
    except OSError:
        return []
    removed: list[Path] = []
    for name in names:
        pending = name.endswith(PENDING)
        if not is_hidden_name(name.removesuffix(PENDING) if pending else name, path.name):
            continue
        leftover = path.parent / name
        if leftover.is_symlink() or leftover.absolute() in _mine:
            continue  # not ours (we never make links), or this process's own
        if pending and not _older_than(leftover, PENDING_AGE_S):
            continue  # being made and locked right now
        try:
            fd = os.open(leftover, os.O_RDONLY)
        except OSError:
            continue
        try:
            if not try_lock(fd):
                continue
            if leftover.is_dir():
                shutil.rmtree(leftover, ignore_errors=True)
            else:
                leftover.unlink(missing_ok=True)
            for side in SIDE_FILES:
                Path(f"{leftover}{side}").unlink(missing_ok=True)
            removed.append(leftover)
        finally:
            os.close(fd)
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.lstat().st_mtime > seconds
    except OSError:
        return False
