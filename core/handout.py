"""`alama handout`: one project file per annotator, holding only what they are to annotate.

Each copy is taken with SQLite's backup API, a consistent snapshot of the project while the
window (or anything else) keeps writing to it, then cut down to the annotator's assigned
documents (those shared with others for agreement first, so agreement can be measured early),
their own layer on them, the label set and the guidelines; no other annotator's layer, no gold.
The copy records whose it is, so the window opens as them. A copy is built under a hidden name
and appears only when complete, and never replaces a file: an annotator's copy handed out
before may hold their work.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from alama.core.annotators import check_annotator
from alama.core.errors import InputError, ProjectError
from alama.core.messages import Message
from alama.core.store import Store, put_in_place
from alama.core.store.files import remove_with_side_files, temporary_beside
from alama.core.targets import is_server, open_project

UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class HandoutFile:
    """One annotator's copy."""

    annotator: str
    path: Path
    documents: int
    overlap: int


@dataclass
class HandoutReport:
    """The copies a hand-out wrote."""

    files: list[HandoutFile] = field(default_factory=list)

    def summary(self) -> str:
        """A line per copy, for the terminal or a message box."""
        lines = [f"handed out {len(self.files)} cop{'ies' if len(self.files) != 1 else 'y'}:"]
        for made in self.files:
            lines.append(
                f"  {made.annotator}: {made.path} ({made.documents} document"
                f"{'s' * (made.documents != 1)}, {made.overlap} shared for agreement)"
            )
        return "\n".join(lines)


MAX_NAME_BYTES = 120  # of the annotator's part: file names end at 255 bytes


def copy_name(project: Path, annotator: str) -> str:
    """The file name of an annotator's copy: ``news-amal.alama`` (a very long name is cut and
    told apart by a short hash of it)."""
    part = UNSAFE.sub("_", annotator)
    if len(part.encode("utf-8")) > MAX_NAME_BYTES:
        digest = hashlib.blake2b(annotator.encode("utf-8"), digest_size=4).hexdigest()
        while len(part.encode("utf-8")) > MAX_NAME_BYTES - 9:
            part = part[:-1]
        part = f"{part}-{digest}"
    return f"{project.stem}-{part}{project.suffix or '.alama'}"


def _same_file_name(name: str) -> str:
    """A file name as file systems that ignore case and Unicode form compare it."""
    return unicodedata.normalize("NFC", name).casefold()


def handout(
    project: str | Path,
    out: Path,
    annotators: Sequence[str] | None = None,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> HandoutReport:
    """Write a copy for each annotator (default: everyone with assigned documents) into the
    folder ``out`` (made if missing). Refuses, before writing anything, a copy whose file
    exists already. ``project`` is a file or a server's address (the copies are then files
    named after its database)."""
    with open_project(project) as store:
        assigned = sorted({name for who in store.assignments().values() for name in who})
        where = store.location
    if not assigned:
        raise InputError(f"nobody has documents assigned in {where}: run alama assign first")
    names = [check_annotator(name) for name in annotators] if annotators else assigned
    names = list(dict.fromkeys(names))
    for name in names:
        if name not in assigned:
            raise InputError(f"{name} has no documents assigned in {where}")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is a file; name a folder for the copies (--out)")
    targets = [out / copy_name(_named(project), name) for name in names]
    seen: dict[str, str] = {}
    for name, target in zip(names, targets, strict=True):
        other = seen.setdefault(_same_file_name(target.name), name)
        if other != name:
            raise InputError(
                f"the copies of {other!r} and {name!r} would have the same file name "
                f"({target.name}); hand them out one at a time (--annotators) into different "
                "folders"
            )
    for target in targets:
        if target.exists():
            raise InputError(
                f"{target} already exists (it may hold that annotator's work); choose another "
                "folder, move it away, or name the others (--annotators)"
            )
    out.mkdir(parents=True, exist_ok=True)
    report = HandoutReport()
    for number, (name, target) in enumerate(zip(names, targets, strict=True)):
        progress(number, len(names))
        report.files.append(handout_one(project, name, target))
    progress(len(names), len(names))
    return report


def _named(project: str | Path) -> Path:
    """What the copies are named after: the file, or a server project's database."""
    if is_server(project):
        database = urlsplit(str(project)).path.strip("/") or "project"
        return Path(f"{database}.alama")
    return Path(project)


def handout_one(project: str | Path, annotator: str, path: Path) -> HandoutFile:
    """Write one annotator's copy of the project to ``path`` (a new file)."""
    annotator = check_annotator(annotator)
    if path.exists():
        raise InputError(f"{path} already exists; choose another name for {annotator}'s copy")
    if not path.parent.is_dir():
        raise InputError(f"{path.parent} is not a folder")
    with open_project(project) as store:
        if path.exists() and path.samefile(store.path):
            raise InputError(f"{path} is the project itself")
        mine = store.assigned_documents(annotator)
        if not mine:
            raise InputError(f"{annotator} has no documents assigned in {store.location}")
        temp = temporary_beside(path)
        try:
            store.backup_into(temp)
            with Store.open(temp) as copy:
                mine = copy.assigned_documents(annotator)  # as of the snapshot
                who = copy.assignments()
                shared = [doc for doc in mine if who.get(doc, {}).get(annotator)]
                alone = [doc for doc in mine if not who.get(doc, {}).get(annotator)]
                copy.keep_only(annotator, shared + alone)
            put_in_place(temp, path)
        except OSError as error:
            raise ProjectError(
                Message("%1 cannot be written: %2", path, error.strerror or error)
            ) from None
        finally:
            remove_with_side_files(temp)
    return HandoutFile(annotator, path, len(mine), len(shared))
