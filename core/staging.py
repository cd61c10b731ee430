"""Outputs that appear whole or not at all: an export file or folder, a merge's new project.

Each is written under a hidden name beside the final one, ``.NAME.alama-XXXXXXXX.part``, and
moved into place only when it is complete. Whoever writes one holds an advisory lock on it from
the moment it has that name until then; a later run that finds one nobody holds (its writer was
killed) removes it, so they never pile up (see `alama.core.store.hidden`). Files and folders
are made with the user's usual permissions (the umask), as any program's output is.

An export's outputs are checked first: never the project or a file SQLite keeps beside it,
never a file that exists unless asked to replace it, and a folder only when it is new, empty or
holds an earlier brat export and nothing else.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from alama.core.errors import InputError, ProjectExists
from alama.core.store import hidden, is_project_file, put_in_place

_SIDE_FILES = hidden.SIDE_FILES
"""What SQLite keeps beside a project being written."""
hidden_name = hidden.hidden_name
is_hidden_name = hidden.is_hidden_name
sweep = hidden.sweep


class AppearedMeanwhile(InputError):
    """Something took the final name while the output was being written; it was left as it was."""


class Staged:
    """One output being written under a hidden name: `commit` moves it into place, `discard`
    removes it. Made by `Staged.file` or `Staged.folder`."""

    def __init__(self, final: Path, temp: Path, fd: int) -> None:
        self.final = final
        self.temp = temp
        self._fd = fd

    @classmethod
    def file(cls, final: Path) -> Staged:
        """An empty hidden file beside ``final``, locked, with the user's usual permissions."""
        sweep(final)
        final.parent.mkdir(parents=True, exist_ok=True)
        temp, fd = hidden.make_locked(final)
        return cls(final, temp, fd)

    @classmethod
    def folder(cls, final: Path) -> Staged:
        """An empty hidden folder beside ``final``, locked, with the user's usual permissions."""
        sweep(final)
        final.parent.mkdir(parents=True, exist_ok=True)
        temp, fd = hidden.make_locked(final, folder=True)
        return cls(final, temp, fd)

    @classmethod
    def named(cls, final: Path) -> Staged:
        """Only a hidden name beside ``final``: the caller makes a project there
        (`Store.create`, which builds it locked), then calls `hold`."""
        sweep(final)
        return cls(final, hidden_name(final), -1)

    def hold(self) -> None:
        """Keep the lock on the project the caller made at the hidden name (it was locked
        before it had that name).

        The descriptor is closed (by `commit` or `discard`) only once SQLite's connection is:
        closing a descriptor of the file drops every POSIX lock SQLite holds on it in this
        process."""
        self._fd = hidden.take(self.temp)
        if self._fd < 0:  # made some other way: lock it now
            self._fd = os.open(self.temp, os.O_RDONLY)
            hidden.try_lock(self._fd)

    def open_text(self) -> int:
        """A descriptor of the hidden file for writing (close it before `commit`)."""
        return os.dup(self._fd)

    def commit(self, replace: bool = False) -> None:
        """Move the output into place. Without ``replace`` a file or a non-empty folder that
        is at the final name (even one that appeared while we wrote) is never replaced."""
        try:
            if self.temp.is_dir():
                self._commit_folder(replace)
            elif replace:
                os.replace(self.temp, self.final)
            else:
                _place_new(self.temp, self.final)
        except BaseException:
            self.discard()
            raise
        self._close()

    def _close(self) -> None:
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1
        hidden.forget(self.temp)

    def _commit_folder(self, replace: bool) -> None:
        if replace and self.final.is_dir() and not self.final.is_symlink():
            _refuse_foreign(self.final)  # once more: something may have appeared meanwhile
            aside = hidden_name(self.final)
            os.rename(self.final, aside)  # swept by a later run if we are killed right here
            os.rename(self.temp, self.final)
            shutil.rmtree(aside, ignore_errors=True)
            return
        try:
            os.rename(self.temp, self.final)  # replaces an empty folder only
        except OSError as error:
            if error.errno in (errno.ENOTEMPTY, errno.EEXIST, errno.ENOTDIR, errno.EISDIR):
                raise AppearedMeanwhile(
                    f"{self.final} appeared while writing; it was left as it was"
                ) from None
            raise

    def discard(self) -> None:
        """Remove the hidden output (nothing happens to the final name)."""
        if self.temp.is_dir() and not self.temp.is_symlink():
            shutil.rmtree(self.temp, ignore_errors=True)
        else:
            self.temp.unlink(missing_ok=True)
        for side in _SIDE_FILES:
            Path(f"{self.temp}{side}").unlink(missing_ok=True)
        self._close()


def _place_new(temp: Path, final: Path) -> None:
    """Give ``temp`` the name ``final`` unless something has that name (the store's way of
    putting a new project in place: a hard link never replaces a file)."""
    try:
        put_in_place(temp, final)
    except ProjectExists:
        raise AppearedMeanwhile(f"{final} appeared while writing; it was left as it was") from None


# --- the outputs of an export ---------------------------------------------------------------

PROJECT_SUFFIXES = (".alama", *(f".alama{side}" for side in _SIDE_FILES))


def names_a_project_file(path: Path, project: Path) -> bool:
    """Whether writing ``path`` would write a project file: the project or a file SQLite keeps
    beside it (also one not there now: a stray ``-wal`` would be read back into the project),
    or any file named like a project."""
    if path.name.lower().endswith(PROJECT_SUFFIXES) or is_project_file(path, project):
        return True
    where = path.resolve()
    return any(where == Path(f"{project}{side}").resolve() for side in ("", *_SIDE_FILES))


def check_output_file(path: Path, project: Path, overwrite: bool) -> None:
    """Refuse an output file that is a project file, a folder, or (unless ``overwrite``) a file
    that exists."""
    if names_a_project_file(path, project):
        raise InputError(
            f"{path} is a project file; an export never writes over one "
            "(name the output .jsonl or .conll)"
        )
    if path.is_dir():
        raise InputError(
            f"{path} is a folder; name a file to write (a folder is for brat or --split)"
        )
    if (path.exists() or path.is_symlink()) and not overwrite:
        raise InputError(f"{path} already exists; add --force to replace it")


def check_output_folder(output: Path, project: Path, overwrite: bool) -> None:
    """Refuse a brat output that is not a new or empty folder, unless ``overwrite`` and it holds
    an earlier brat export (and not the project)."""
    check_new_folder(output, project, overwrite, "brat", _refuse_but_brat)


def check_new_folder(
    output: Path, project: Path, overwrite: bool, what: str, earlier: Callable[[Path], None]
) -> None:
    """Refuse an output folder of a ``what`` export that is not new or empty, unless
    ``overwrite``; a folder with something in it must not hold the project, and ``earlier``
    refuses one that does not hold an earlier such export and nothing else."""
    if names_a_project_file(output, project):
        raise InputError(f"{output} is a project file; {what} export writes a folder")
    if not output.exists() and not output.is_symlink():
        return
    if output.is_symlink() or not output.is_dir():
        raise InputError(f"{output} is not a folder; {what} export needs a new or empty folder")
    if not any(output.iterdir()):
        return
    if not overwrite:
        raise InputError(
            f"{output}: {what} export needs a new or empty folder "
            f"(add --force to replace an earlier {what} export)"
        )
    if output.resolve() in project.resolve().parents:
        raise InputError(f"{output} holds the project itself; choose another folder")
    earlier(output)


def _refuse_but_brat(output: Path) -> None:
    if not _is_brat_export(output):
        raise InputError(
            f"{output} does not hold an earlier brat export (no annotation.conf); "
            "only those are replaced, choose a new or empty folder"
        )
    _refuse_foreign(output)


BRAT_CONF = "annotation.conf"
BRAT_DEPTH = 2
"""How deep a brat export's folders go: a split's folder, then an annotator's."""


def _is_brat_export(folder: Path) -> bool:
    """Whether a folder holds what a brat export writes: an annotation.conf at its top, or in
    each split's folder."""
    if (folder / BRAT_CONF).is_file():
        return True
    children = list(folder.iterdir())
    return all(
        child.is_dir() and not child.is_symlink() and (child / BRAT_CONF).is_file()
        for child in children
    )


def foreign_entry(folder: Path, depth: int = 0) -> Path | None:
    """The first thing in a folder that a brat export does not write (None if there is none).

    A brat export writes ``annotation.conf`` at its top and in each split's folder, ``.txt``
    and ``.ann`` files, and folders for splits and annotators, two levels at most; nothing
    hidden, no links."""
    for entry in sorted(folder.iterdir()):
        name = entry.name
        if entry.is_symlink() or name.startswith("."):
            return entry
        if entry.is_dir():
            found = entry if depth >= BRAT_DEPTH else foreign_entry(entry, depth + 1)
            if found is not None:
                return found
        elif not entry.is_file() or not _brat_file(name, depth):
            return entry
    return None


def _brat_file(name: str, depth: int) -> bool:
    """Whether a brat export writes a file of this name this deep."""
    return name.endswith((".txt", ".ann")) or (name == BRAT_CONF and depth < BRAT_DEPTH)


def _refuse_foreign(folder: Path) -> None:
    """Refuse to replace a folder holding anything a brat export does not write, naming it."""
    found = foreign_entry(folder)
    if found is not None:
        raise InputError(
            f"{folder} holds {found.relative_to(folder).as_posix()}, which a brat export does "
            "not write; only a folder holding an earlier brat export and nothing else is "
            "replaced (move it away, or choose a new or empty folder)"
        )


@contextmanager
def open_outputs(targets: dict[str, Path | None], overwrite: bool) -> Iterator[dict[str, IO[str]]]:
    """Open every output; files appear (moved into place) only when everything succeeded."""
    handles: dict[str, IO[str]] = {}
    staged: dict[str, Staged] = {}
    try:
        for name, path in targets.items():
            if path is None:
                handles[name] = sys.stdout
                continue
            staged[name] = Staged.file(path)
            handles[name] = os.fdopen(staged[name].open_text(), "w", encoding="utf-8", newline="\n")
        yield handles
        for name in staged:
            handles[name].close()
        for name in staged:
            staged[name].commit(replace=overwrite)
    except BaseException:
        for name, output in staged.items():
            if name in handles:
                handles[name].close()
            output.discard()
        raise
