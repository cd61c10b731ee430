"""`alama assign`: who annotates which document, with a chosen share annotated twice or more.

A lead plans a round: ``overlap`` is the share of documents given to ``per_document``
annotators (the set agreement is measured on); every other document goes to one annotator.
Which documents overlap is decided by a seeded hash of each document's text hash, so the same
seed gives the same plan on any copy of the project, and a new seed another one. Who gets a
document is decided by load: documents are dealt longest first, each to the annotators with
the least work still to do, in characters (not documents: one long article is a day's work,
one brief a minute's); the seeded hash breaks ties.

Running it again assigns only documents nobody has yet (after an import, or with a new
annotator, who then has the least work to do): assigned and finished work never moves. When
someone leaves, `reassign` gives their unfinished documents to the others (what they labelled
stays in their layer). The assignment is stored in the project (`Store.put_assignment_rows`)
and merges like spans, a removal being a version too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alama.core.annotators import check_annotator
from alama.core.errors import InputError
from alama.core.json_files import read_text_file
from alama.core.model import Status
from alama.core.store import Store, now
from alama.core.store.team import AssignmentRow

DOCUMENT_CHOICES = ("todo", "all")


@dataclass
class AssignReport:
    """What a round of assignment did, for the user."""

    assigned: dict[str, int] = field(default_factory=dict)
    """New documents per annotator."""
    characters: dict[str, int] = field(default_factory=dict)
    """Characters of those documents per annotator."""
    documents: int = 0
    """Documents newly assigned (an overlap document counts once)."""
    overlap: int = 0
    """Of them, given to several annotators."""
    already: int = 0
    """Documents asked for that already had their annotators."""
    taken_from: str | None = None
    """Reassignment: whose unfinished documents were given to others."""
    kept_finished: int = 0
    """Reassignment: documents the one who left finished, which stay theirs."""
    dropped: int = 0
    """Reassignment: shared documents everyone else had already (one annotator fewer)."""

    def summary(self) -> str:
        """A few lines for the terminal or a message box."""
        if self.taken_from is not None:
            head = (
                f"gave {self.documents} unfinished document{'s' * (self.documents != 1)} of "
                f"{self.taken_from} to others; the {self.kept_finished} they finished stay "
                "theirs"
            )
            if self.dropped:
                head += (
                    f"; {self.dropped} shared document{'s' * (self.dropped != 1)} everyone "
                    "else had already now ha"
                    + ("ve" if self.dropped != 1 else "s")
                    + " one annotator fewer"
                )
        elif not self.documents:
            head = "nothing to assign: every document asked for has its annotators"
        else:
            head = (
                f"assigned {self.documents} document{'s' * (self.documents != 1)}, "
                f"{self.overlap} of them to several annotators"
            )
        if self.already and self.taken_from is None:
            head += f" ({self.already} already assigned, left as they were)"
        lines = [head]
        for name in sorted(self.assigned):
            count, chars = self.assigned[name], self.characters.get(name, 0)
            lines.append(f"  {name}: {count} document{'s' * (count != 1)}, {chars:,} characters")
        return "\n".join(lines)


def seeded(seed: int, *parts: str) -> int:
    """A stable 64-bit hash of the parts under a seed (the same on every machine and run)."""
    text = "\x1f".join([str(seed), *parts])
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")


def check_names(annotators: Sequence[str]) -> list[str]:
    """Annotator names, checked, without repeats, in the order given."""
    names: list[str] = []
    for raw in annotators:
        name = check_annotator(raw)  # the gold layer is not an annotator's name
        if name not in names:
            names.append(name)
    if not names:
        raise InputError("name at least one annotator (--annotators amal,bilal)")
    return names


def _requested(store: Store, documents: str | Path) -> tuple[list[int], int]:
    """The documents asked for that nobody has yet, and how many asked for have annotators."""
    assigned = store.assignments()
    if isinstance(documents, str) and documents in DOCUMENT_CHOICES:
        wanted = store.document_ids()
        if documents == "todo":
            finished = store.finished_documents()
            wanted = [doc for doc in wanted if doc not in finished]
    else:
        wanted = _listed(store, Path(documents))
    fresh = [doc for doc in wanted if doc not in assigned]
    return fresh, len(wanted) - len(fresh)


def _listed(store: Store, path: Path) -> list[int]:
    """The documents named in a file, one id per line (blank lines and # comments skipped)."""
    if path.is_dir():
        raise InputError(f"{path} is a folder; --documents takes todo, all or a file of ids")
    if not path.is_file():
        raise InputError(f"{path}: no such file (--documents takes todo, all or a file of ids)")
    wanted: list[int] = []
    for number, line in enumerate(read_text_file(path).splitlines(), start=1):
        doc_id = line.strip()
        if not doc_id or doc_id.startswith("#"):
            continue
        doc = store.find_document(doc_id)
        if doc is None:
            raise InputError(f"{path}:{number}: no document {doc_id!r} in this project")
        wanted.append(doc)
    if not wanted:
        raise InputError(f"{path} lists no document ids (one a line)")
    return list(dict.fromkeys(wanted))


def _open_load(store: Store, lengths: dict[int, int]) -> dict[str, int]:
    """Characters each annotator has assigned and not finished yet."""
    load: dict[str, int] = {}
    for name in sorted({name for who in store.assignments().values() for name in who}):
        states = store.statuses(name)
        load[name] = sum(
            lengths.get(doc, 0)
            for doc in store.assigned_documents(name)
            if states.get(doc) is not Status.DONE
        )
    return load


def assign(
    store: Store,
    annotators: Sequence[str],
    overlap: float = 0.0,
    per_document: int = 2,
    seed: int = 0,
    documents: str | Path = "todo",
) -> AssignReport:
    """Assign the documents asked for that nobody has yet (see the module's docstring)."""
    names = check_names(annotators)
    if not 0.0 <= overlap <= 1.0:
        raise InputError(f"--overlap is a share between 0 and 1 (0.2 = 20 %), not {overlap:g}")
    if overlap > 0 and len(names) < 2:
        raise InputError("--overlap gives documents to several annotators: name at least two")
    if overlap > 0 and not 2 <= per_document <= len(names):
        raise InputError(
            f"--per-document {per_document}: an overlap document goes to 2 to {len(names)} "
            f"annotators (as many as are named)"
        )
    with store.transaction():  # read and write under the write lock: two runs never race
        return _assign(store, names, overlap, per_document, seed, documents)


def _assign(
    store: Store,
    names: list[str],
    overlap: float,
    per_document: int,
    seed: int,
    documents: str | Path,
) -> AssignReport:
    fresh, already = _requested(store, documents)
    report = AssignReport(already=already)
    if not fresh:
        return report
    lengths = store.document_lengths()
    hashes = {doc: text_hash for text_hash, doc in store.document_hashes().items()}
    current = store.assignments()
    had_overlap = sum(any(who.values()) for who in current.values())
    wanted_overlap = round(overlap * (len(current) + len(fresh))) if overlap > 0 else 0
    count = min(max(wanted_overlap - had_overlap, 0), len(fresh))
    by_hash = sorted(fresh, key=lambda doc: seeded(seed, "overlap", hashes[doc]))
    overlapping = set(by_hash[:count])
    load = _open_load(store, lengths)
    load = {name: load.get(name, 0) for name in names}
    stamp = now()
    rows: list[AssignmentRow] = []
    order = sorted(fresh, key=lambda doc: (-lengths[doc], seeded(seed, "order", hashes[doc])))
    for doc in order:
        many = doc in overlapping
        chosen = sorted(names, key=lambda name: (load[name], seeded(seed, name, hashes[doc])))
        for name in chosen[: per_document if many else 1]:
            load[name] += lengths[doc]
            rows.append(AssignmentRow(doc, name, int(many), stamp, None))
            report.assigned[name] = report.assigned.get(name, 0) + 1
            report.characters[name] = report.characters.get(name, 0) + lengths[doc]
    store.put_assignment_rows(rows)
    report.documents, report.overlap = len(fresh), len(overlapping)
    return report


def reassign(
    store: Store, leaving: str, to: Sequence[str] | None = None, seed: int = 0
) -> AssignReport:
    """Give the documents ``leaving`` has not finished to the others (``to``, or everyone
    else with assignments), by load; what ``leaving`` finished stays theirs, and what they
    labelled stays in their layer."""
    leaving = check_annotator(leaving)
    with store.transaction():  # read and write under the write lock
        return _reassign(store, leaving, to, seed)


def _reassign(store: Store, leaving: str, to: Sequence[str] | None, seed: int) -> AssignReport:
    theirs = store.assigned_documents(leaving)
    if not theirs:
        raise InputError(f"{leaving} has no documents assigned in this project")
    current = store.assignments()
    lengths = store.document_lengths()
    load = _open_load(store, lengths)
    # By default the documents go to whoever still has work to do: not to someone who left
    # earlier (keeping only what they finished) or finished everything.
    active = sorted(name for name, chars in load.items() if chars > 0 and name != leaving)
    receivers = check_names(to) if to else active
    if leaving in receivers:
        raise InputError(f"{leaving} is the one leaving; name others to give the documents to")
    if not receivers:
        raise InputError(
            f"nobody else has unfinished documents: name who takes {leaving}'s (--annotators)"
        )
    states = store.statuses(leaving)
    moving = [doc for doc in theirs if states.get(doc) is not Status.DONE]
    report = AssignReport(taken_from=leaving, kept_finished=len(theirs) - len(moving))
    hashes = {doc: text_hash for text_hash, doc in store.document_hashes().items()}
    load = {name: load.get(name, 0) for name in receivers}
    stamp = now()
    rows: list[AssignmentRow] = []
    for doc in sorted(moving, key=lambda doc: (-lengths[doc], seeded(seed, "order", hashes[doc]))):
        many = current[doc][leaving]
        rows.append(AssignmentRow(doc, leaving, int(many), stamp, stamp))
        free = [name for name in receivers if name not in current[doc]]
        if not free:  # an overlap document everyone else has already: one annotator fewer
            report.dropped += 1
            continue
        name = min(free, key=lambda name: (load[name], seeded(seed, name, hashes[doc])))
        load[name] += lengths[doc]
        rows.append(AssignmentRow(doc, name, int(many), stamp, None))
        report.assigned[name] = report.assigned.get(name, 0) + 1
        report.characters[name] = report.characters.get(name, 0) + lengths[doc]
    store.put_assignment_rows(rows)
    report.documents = len(moving) - report.dropped
    return report
