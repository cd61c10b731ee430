"""What an import reads: the files and folders it is given, each with its format (by name and
content), never a project file; and the report of what it did.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from alama.core import conll, labelstudio
from alama.core.errors import InputError
from alama.core.formats import IMPORT_FORMATS
from alama.core.messages import Message
from alama.core.store import is_project_file

FORMATS = IMPORT_FORMATS
SUFFIXES: dict[str, tuple[str, ...]] = {
    "txt": (".txt",),
    "jsonl": (".jsonl", ".json", ".ndjson"),
    "doccano": (".jsonl", ".json", ".ndjson"),
    "hf": (".jsonl", ".json", ".ndjson"),
    "conll": (".conll", ".conllu", ".bio", ".iob", ".iob2", ".bilou", ".bioes", ".tsv", ".txt"),
    "brat": (".ann", ".txt"),
    "webanno": (".tsv",),
    "conllu": (".conllu", ".conll", ".txt"),
    "labelstudio": (".json", ".jsonl", ".ndjson"),
}


@dataclass
class ImportReport:
    """What an import read, added, repaired and skipped, for the user."""

    files: int = 0
    records: int = 0
    documents_added: int = 0
    documents_known: int = 0
    """Documents the project had before the import that the files hold (each counted once,
    however many layers of it the files carry)."""
    spans_added: int = 0
    relations_added: int = 0
    layers: set[tuple[int, str]] = field(default_factory=set)
    labels_added: list[str] = field(default_factory=list)
    relation_types_added: list[str] = field(default_factory=list)
    formats: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    seen: set[int] = field(default_factory=set)  # documents met so far, added or known

    def summary(self) -> str:
        """One paragraph for stderr: counts, then what was repaired or skipped and why."""
        kinds = ", ".join(f"{count} {name}" for name, count in sorted(self.formats.items()))
        lines = [
            f"imported {self.records} record{'s' * (self.records != 1)} from {self.files} "
            f"file{'s' * (self.files != 1)}{f' ({kinds})' if kinds else ''}: "
            f"{self.documents_added} new document{'s' * (self.documents_added != 1)}, "
            f"{self.documents_known} already in the project, {self.spans_added} span"
            f"{'s' * (self.spans_added != 1)} in {len(self.layers)} annotator layer"
            f"{'s' * (len(self.layers) != 1)}"
            + (
                f", {self.relations_added} relation{'s' * (self.relations_added != 1)}"
                if self.relations_added
                else ""
            )
        ]
        if self.labels_added:
            lines.append(f"added labels: {', '.join(self.labels_added)}")
        if self.relation_types_added:
            lines.append(f"added relation types: {', '.join(self.relation_types_added)}")
        for reason, count in sorted(self.notes.items()):
            lines.append(f"repaired {count}: {reason}")
        for reason, count in sorted(self.skipped.items()):
            where = self.examples.get(reason, [])
            shown = f" ({', '.join(where[:5])}{', …' if len(where) > 5 else ''})" if where else ""
            lines.append(f"skipped {count}: {reason}{shown}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Source:
    """One thing to read: a file in a format, or a brat document (its .txt and .ann)."""

    fmt: str
    path: Path
    ann: Path | None = None
    annotator: str | None = None
    column: int | None = None
    """CoNLL-U: the column holding the entity tags (None: MISC)."""


BRAT_CONFIGURATION = frozenset(
    ("annotation.conf", "visual.conf", "tools.conf", "kb_shortcuts.conf")
)
"""brat's configuration files beside a project's documents: not documents, read by nobody."""


def collect_files(
    paths: Iterable[Path],
    fmt: str,
    report: ImportReport,
    annotator: str | None = None,
    project: Path | None = None,
) -> list[Source]:
    """What to read, with its format; a folder gives its files in name order.

    ``auto`` decides by name and content: ``.ann`` files and their ``.txt`` are brat (a
    sub-folder is that annotator's layer), a ``.txt`` of token-and-tag lines is CoNLL, JSON
    records with ``ner_tags`` are Hugging Face, other JSON records are JSONL or doccano. No
    candidate is read before it is known not to be a project file (``project``, a file SQLite
    keeps beside it, or any file named like one, even through a link).
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown import format {fmt!r} (choose from {', '.join(FORMATS)})")
    chosen: list[Source] = []
    for path in paths:
        if path.is_dir():
            chosen.extend(_folder(path, fmt, report, annotator, project))
        elif path.is_file():
            chosen.append(_file(path, fmt, annotator, project))
        else:
            raise InputError(f"{path}: no such file or folder")
    if not chosen:
        raise InputError("nothing to import: no " + _wanted(fmt) + " files found")
    return chosen


OUTSIDE = "link to something outside the folder (not followed)"
PROJECT_NAMES = (".alama", ".alama-wal", ".alama-shm", ".alama-journal")


def refuse_project_file(path: Path, project: Path | None) -> None:
    """Refuse, by metadata and names alone, a file to import that is the project, a file SQLite
    keeps beside it, or another project (also through a link): read by any means but SQLite,
    it would lose this process its locks on that file."""
    if project is not None and is_project_file(path, project):
        raise InputError(Message("%1 is the project itself; name files to import", path))
    try:
        named = path.resolve().name.lower().endswith(PROJECT_NAMES)
    except (OSError, RuntimeError):  # a loop of links: not read either
        named = True
    if named or path.name.lower().endswith(PROJECT_NAMES):
        raise InputError(
            Message(
                "%1 is an Alama project file, not a file to import "
                "(fold projects together with alama merge)",
                path,
            )
        )


def _folder(
    root: Path, fmt: str, report: ImportReport, annotator: str | None, project: Path | None
) -> list[Source]:
    inside = root.resolve()
    files: list[Path] = []
    for path in sorted(root.rglob("*")):
        if path.name.startswith("."):
            continue
        if path.is_symlink() and not path.resolve().is_relative_to(inside):
            report.skipped[OUTSIDE] += 1
            report.examples.setdefault(OUTSIDE, []).append(path.name)
            continue
        if path.is_file():
            if not path.name.lower().endswith(PROJECT_NAMES):  # (those are skipped unread)
                refuse_project_file(path, project)
            files.append(path)
    files = _without_inception_sources(root, files, report)
    found: list[Source] = []
    paired: set[Path] = set()
    kept = set(files)
    if fmt in ("auto", "brat"):
        for ann in (p for p in files if p.suffix.lower() == ".ann"):
            txt = ann.with_suffix(".txt")
            if txt not in kept:  # only a .txt of the folder's own files, never a link out
                if txt.is_symlink():
                    raise InputError(
                        f"{ann}: its {txt.name} is a link to something outside the folder, "
                        "which is not followed"
                    )
                raise InputError(f"{ann}: there is no {txt.name} beside it")
            layer = ann.parent.name if ann.parent != root else annotator
            found.append(Source("brat", txt, ann, layer))
            paired.update((ann, txt))
    for child in files:
        if child in paired:
            continue
        if paired and child.suffix.lower() == ".txt":
            found.append(Source("brat", child))  # a brat document nobody has annotated yet
            continue
        if paired and child.name in BRAT_CONFIGURATION:
            continue  # brat's own settings (Alama's brat export writes annotation.conf)
        kind = format_of(child, fmt)
        if kind is None:
            reason = Message("not a %1 file", fmt) if fmt != "auto" else "not a file Alama imports"
            report.skipped[reason] += 1
            report.examples.setdefault(reason, []).append(child.name)
        else:
            found.append(Source(kind, child, annotator=annotator))
    return found


INCEPTION_SOURCE = "INCEpTION's copy of an annotated document's source (its annotations are read)"


def _without_inception_sources(root: Path, files: list[Path], report: ImportReport) -> list[Path]:
    """An unzipped INCEpTION project export holds each document twice: as uploaded, in
    ``source/NAME``, and with its annotations, in ``annotation/NAME/USER.tsv``. The source copy
    is left out where annotations of it are read (its white space may differ: it would be a
    second document)."""
    annotated = {
        path.parent.name
        for path in files
        if path.suffix.lower() == ".tsv" and path.parent.parent.name in ("annotation", "curation")
    }
    kept: list[Path] = []
    for path in files:
        if path.parent.name == "source" and path.name in annotated:
            report.skipped[INCEPTION_SOURCE] += 1
            report.examples.setdefault(INCEPTION_SOURCE, []).append(path.name)
        else:
            kept.append(path)
    return kept


def _file(path: Path, fmt: str, annotator: str | None, project: Path | None) -> Source:
    refuse_project_file(path, project)
    if path.suffix.lower() == ".ann" and fmt in ("auto", "brat"):
        txt = path.with_suffix(".txt")
        if not txt.is_file():
            raise InputError(f"{path}: there is no {txt.name} beside it")
        refuse_project_file(txt, project)
        return Source("brat", txt, path, annotator)
    if fmt == "brat":
        ann = path.with_suffix(".ann")
        if ann.is_file():
            refuse_project_file(ann, project)
        return Source("brat", path, ann if ann.is_file() else None, annotator)
    kind = fmt if fmt != "auto" else format_of(path, fmt)
    if kind is None:
        from alama.core.detect import not_read

        hint = f"use --format {'|'.join(FORMATS[1:])}"
        raise InputError(not_read(path) or f"{path}: cannot tell the format from the name; {hint}")
    return Source(kind, path, annotator=annotator)


def _wanted(fmt: str) -> str:
    if fmt == "auto":
        suffixes = {s for group in SUFFIXES.values() for s in group}
    else:
        suffixes = set(SUFFIXES[fmt])
    return "/".join(sorted(suffixes))


def format_of(path: Path, fmt: str) -> str | None:
    suffix = path.suffix.lower()
    if fmt != "auto":
        return fmt if suffix in SUFFIXES[fmt] else None
    from alama.core.detect import content_format

    kind = content_format(path)  # WebAnno TSV, CoNLL-U, or "" for a format Alama does not read
    if kind is not None:
        return kind or None
    if suffix in SUFFIXES["jsonl"] and labelstudio.looks_like_labelstudio(path):
        return "labelstudio"
    if suffix in SUFFIXES["jsonl"]:
        if _first_line_has(path, '"ner_tags"'):
            return "hf"
        return "doccano" if _head_has(path, '"start_offset"') else "jsonl"
    if suffix == ".txt":
        return "conll" if conll.looks_like_conll(path) else "txt"
    if suffix in SUFFIXES["conll"]:
        return "conll"
    return None


def _head_has(path: Path, needle: str) -> bool:
    """Whether the first 64 KiB of a file hold ``needle`` (doccano's ``start_offset``, on the
    first line or in a record pretty-printed over many)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return needle in handle.read(1 << 16)
    except OSError:
        return False


def _first_line_has(path: Path, needle: str) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            return needle in handle.readline(1 << 16)
    except OSError:
        return False
