"""Boilerplate regions and near-duplicate groups of documents.

Regions are rows of ``regions`` (see `alama.core.regions`): detected ones are replaced by each
detection, a lead's marks and "not boilerplate" rows stay. Groups are rows of ``duplicates``:
each member with its group, named by the id of the group's first document.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from alama.core.errors import InputError
from alama.core.regions import DETECTED, LEAD, MARKINGS, NOT, Region, in_force

from .base import now
from .suggestions import SuggestionRows

_COLUMNS = "doc, start_char, end_char, kind, marked, marked_by, updated_at"


def _region(row: Sequence[Any]) -> Region | None:
    start, end, kind, marked = row
    if not (
        isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start < end
        and isinstance(kind, str)
        and marked in MARKINGS
    ):
        return None  # a row changed by another program: not read
    return Region(start, end, kind, str(marked))


class RegionRows(SuggestionRows):
    """Reading and writing boilerplate regions and duplicate groups."""

    def region_rows(self, doc: int) -> list[Region]:
        """Every stored row of one document (detected, marked, not boilerplate), by start."""
        rows = self.conn.execute(
            "SELECT start_char, end_char, kind, marked FROM regions WHERE doc = ? "
            "ORDER BY start_char, end_char",
            (doc,),
        ).fetchall()
        return [r for r in map(_region, rows) if r is not None]

    def regions(self, doc: int) -> list[Region]:
        """The regions in force in one document, by start."""
        return in_force(self.region_rows(doc))

    def all_region_rows(self) -> dict[int, list[Region]]:
        """Every stored row of every document that has some (as `region_rows`)."""
        found: dict[int, list[Region]] = {}
        cursor = self.conn.execute(
            "SELECT doc, start_char, end_char, kind, marked FROM regions ORDER BY doc, start_char"
        )
        while batch := cursor.fetchmany(5000):
            for doc, *rest in batch:
                region = _region(rest)
                if region is not None and isinstance(doc, int):
                    found.setdefault(doc, []).append(region)
        return found

    def all_regions(self) -> dict[int, list[Region]]:
        """The regions in force in every document that has some."""
        return {doc: in_force(rows) for doc, rows in self.all_region_rows().items()}

    def put_detected_regions(self, found: Mapping[int, Iterable[tuple[int, int, str]]]) -> int:
        """Replace the detected rows of the documents in ``found`` by these, in one
        transaction (a lead's rows stay); how many rows were stored."""
        stamp = now()
        rows = [
            (doc, start, end, kind, DETECTED, "", stamp)
            for doc, regions in found.items()
            for start, end, kind in regions
        ]
        with self.transaction():
            self.conn.executemany(
                "DELETE FROM regions WHERE doc = ? AND marked = ?",
                [(doc, DETECTED) for doc in found],
            )
            self.conn.executemany(self.sql.insert_ignore("regions", _COLUMNS), rows)
        return len(rows)

    def put_region_rows(self, doc: int, rows: Iterable[Region], by: str = "") -> int:
        """Add rows as given (an import's), checked against the text; how many were new."""
        length = self._text_length(doc)
        rows = list(rows)
        for row in rows:
            if not 0 <= row.start < row.end <= length or row.marked not in MARKINGS:
                raise InputError(
                    f"boilerplate region {row.start}–{row.end} is outside the text (0–{length})"
                )
        stamp = now()
        with self.transaction():
            before = self.conn.total_changes
            self.conn.executemany(
                self.sql.insert_ignore("regions", _COLUMNS),
                [(doc, r.start, r.end, r.kind, r.marked, by, stamp) for r in rows],
            )
            return int(self.conn.total_changes - before)

    def mark_region(
        self, doc: int, start: int, end: int, boilerplate: bool, by: str, kind: str = "manual"
    ) -> None:
        """A lead's correction of ``[start, end)``: boilerplate (a ``lead`` row) or not (a
        ``not`` row); the opposite row of the same range goes. Detection keeps both."""
        length = self._text_length(doc)
        if not 0 <= start < end <= length:
            raise InputError(f"{start}–{end} is outside the text (0–{length})")
        mine, other = (LEAD, NOT) if boilerplate else (NOT, LEAD)
        with self.transaction():
            self.conn.execute(
                "DELETE FROM regions WHERE doc = ? AND start_char = ? AND end_char = ? "
                "AND marked = ?",
                (doc, start, end, other),
            )
            self.conn.execute(
                self.sql.upsert("regions", _COLUMNS, "doc, start_char, end_char, marked"),
                (doc, start, end, kind if boilerplate else "not", mine, by, now()),
            )

    def region_counts(self) -> dict[str, int]:
        """How many stored rows each marking has."""
        rows = self.conn.execute("SELECT marked, count(*) FROM regions GROUP BY marked")
        return {str(marked): int(count) for marked, count in rows}

    # --- near-duplicate groups -----------------------------------------------------------

    def put_duplicate_groups(self, members: Mapping[int, tuple[int, float]]) -> int:
        """Replace every group by these: document -> (its group's first document, similarity);
        how many documents are in a group."""
        stamp = now()
        with self.transaction():
            self.conn.execute("DELETE FROM duplicates")
            self.conn.executemany(
                "INSERT INTO duplicates (doc, grp, similarity, updated_at) VALUES (?, ?, ?, ?)",
                [(doc, grp, sim, stamp) for doc, (grp, sim) in sorted(members.items())],
            )
        return len(members)

    def duplicate_groups(self) -> dict[int, list[int]]:
        """Every group (named by its first document) and its members, in project order."""
        rows = self.conn.execute(
            "SELECT p.grp, p.doc FROM duplicates p JOIN documents d ON d.id = p.doc "
            "ORDER BY d.position"
        ).fetchall()
        groups: dict[int, list[int]] = {}
        for grp, doc in rows:
            groups.setdefault(int(grp), []).append(int(doc))
        return groups

    def group_hashes(self) -> dict[int, str]:
        """Each grouped document's group's first document's content hash (what keeps a group
        in one part of a split)."""
        rows = self.conn.execute(
            "SELECT p.doc, d.hash FROM duplicates p JOIN documents d ON d.id = p.grp"
        ).fetchall()
        return {int(doc): str(digest) for doc, digest in rows}
