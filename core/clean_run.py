"""`alama clean`: boilerplate found and stored, a lead's corrections, duplicate groups.

The functions here read a project, call the Qt-free detectors (`boilerplate`, `duplicates`)
and store what they found through the store; the command line prints their reports.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from alama.core import boilerplate
from alama.core.duplicates import Groups, find_groups
from alama.core.errors import InputError
from alama.core.regions import MANUAL, Region
from alama.core.store import StoreRows


@dataclass
class CleanReport:
    """What a detection stored: characters and documents per kind, and the rules learnt."""

    characters: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    total_characters: int = 0
    total_documents: int = 0
    rules: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """The report, a line per kind."""
        share = sum(self.characters.values()) / max(self.total_characters, 1)
        out = [
            f"boilerplate: {sum(self.characters.values())} of {self.total_characters} characters "
            f"({share:.1%}) of {self.total_documents} documents"
        ]
        for kind in sorted(self.characters, key=lambda k: -self.characters[k]):
            out.append(
                f"  {kind}: {self.characters[kind]} characters in {self.documents[kind]} documents"
            )
        return out


def detect_boilerplate(store: StoreRows, only_new: bool = False) -> CleanReport:
    """Detect every document's boilerplate and store it (a lead's marks stay). With
    ``only_new`` (at import) only documents without any region row are given theirs: a
    document read with its regions (JSONL meta) keeps them as they came."""
    docs = list(store.iter_documents())
    found = boilerplate.detect(docs)
    have = set(store.all_region_rows()) if only_new else set()
    store.put_detected_regions(
        {doc.id: found.regions.get(doc.id, []) for doc in docs if doc.id not in have}
    )
    report = CleanReport(rules=found.rules, sources=found.documents)
    report.total_documents = len(docs)
    report.total_characters = sum(len(doc.text) for doc in docs)
    for regions in store.all_regions().values():
        for kind in {r.kind for r in regions}:
            report.documents[kind] += 1
        for region in regions:
            report.characters[region.kind] += region.end - region.start
    return report


def line_range(store: StoreRows, ref: str) -> tuple[int, int, int]:
    """The document and stored offsets of ``DOC:LINE`` or ``DOC:FIRST-LAST`` (lines from 1;
    DOC is the document's doc_id)."""
    name, sep, lines = ref.rpartition(":")
    first, _, last = lines.partition("-")
    if not sep or not name or not first.isdigit() or (last and not last.isdigit()):
        raise InputError(f"{ref!r} is not DOC:LINE or DOC:FIRST-LAST")
    doc = store.find_document(name)
    if doc is None:
        raise InputError(f"no document {name!r} in the project")
    text = store.document(doc).text
    pieces = boilerplate.lines_of(text)
    low, high = int(first), int(last or first)
    if not 1 <= low <= high <= len(pieces):
        raise InputError(f"{name} has lines 1–{len(pieces)}, not {lines}")
    start, end = pieces[low - 1].start, pieces[high - 1].end
    if start == end:
        raise InputError(f"line {lines} of {name} is blank")
    return doc, start, end


def mark(store: StoreRows, ref: str, boilerplate_: bool, by: str = "") -> str:
    """A lead's correction of lines: boilerplate or not; what was done, in one line."""
    doc, start, end = line_range(store, ref)
    store.mark_region(doc, start, end, boilerplate_, by, MANUAL)
    what = "boilerplate" if boilerplate_ else "not boilerplate"
    return f"marked {ref} ({start}–{end}) as {what}"


def listing(store: StoreRows) -> list[tuple[str, int, int, int, str, str, str]]:
    """(doc_id, first line, start, end, kind, marked, the text's start) of every region."""
    out: list[tuple[str, int, int, int, str, str, str]] = []
    for info in store.documents():
        regions = store.regions(info.id)
        if not regions:
            continue
        text = store.document(info.id).text
        for region in regions:
            out.append(
                (info.doc_id, text.count("\n", 0, region.start) + 1, region.start, region.end,
                 region.kind, region.marked, _shown(text, region))
            )  # fmt: skip
    return out


def _shown(text: str, region: Region) -> str:
    piece = " ".join(text[region.start : region.end].split())
    return piece if len(piece) <= 50 else piece[:49] + "…"


def group_duplicates(store: StoreRows) -> Groups:
    """Find near-duplicate groups over the text outside the regions, and store them."""
    groups = find_groups(store.iter_documents(), store.all_regions())
    store.put_duplicate_groups(groups.members)
    return groups
