"""Boilerplate regions as plain values: what a document's stored region rows amount to.

A region is a stretch of a document's stored text (code-point offsets, end exclusive) set
aside as boilerplate: kept verbatim, never part of the text's offsets' changes, but skipped by
agreement, suggestions and (on request) export. Rows come from detection (``detected``), from
a lead's marks (``lead``) and from a lead's "not boilerplate" (``not``); the regions in force
are the detected and marked ones, less what a lead said is not boilerplate.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple

DETECTED = "detected"
LEAD = "lead"
NOT = "not"
MARKINGS = (DETECTED, LEAD, NOT)
MANUAL = "manual"
KINDS = (
    "repeated_line",
    "related_articles",
    "comments",
    "share",
    "title_repeat",
    "repeated_paragraph",
    "site_name",
    "site_menu",
    MANUAL,
)
"""What a region is; a lead's mark is ``manual``."""


class Region(NamedTuple):
    """One stored region row: offsets, kind and who marked it."""

    start: int
    end: int
    kind: str
    marked: str = DETECTED


def in_force(rows: Iterable[Region]) -> list[Region]:
    """The regions in force, by start: detected and lead rows (a lead's row wins where both
    cover a character), less every ``not`` row; pieces that touch keep their own kinds."""
    rows = list(rows)
    cuts = merged((r.start, r.end) for r in rows if r.marked == NOT)
    lead = [r for r in rows if r.marked == LEAD]
    lead_cover = merged((r.start, r.end) for r in lead)
    pieces: list[Region] = []
    for row in lead:
        pieces += [Region(s, e, row.kind, LEAD) for s, e in subtract((row.start, row.end), cuts)]
    for row in rows:
        if row.marked == DETECTED:
            for s, e in subtract((row.start, row.end), [*cuts, *lead_cover]):
                pieces.append(Region(s, e, row.kind, DETECTED))
    return sorted(set(pieces))


def merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges joined where they overlap or touch, by start."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def subtract(piece: tuple[int, int], cuts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """What is left of ``piece`` outside every cut."""
    left = [piece]
    for cut_start, cut_end in cuts:
        kept: list[tuple[int, int]] = []
        for start, end in left:
            if cut_end <= start or end <= cut_start:
                kept.append((start, end))
                continue
            if start < cut_start:
                kept.append((start, cut_start))
            if cut_end < end:
                kept.append((cut_end, end))
        left = kept
    return left


def covering(regions: Sequence[Region], start: int, end: int) -> Region | None:
    """The region (the first, when regions that touch cover it together) in which the whole
    of ``[start, end)`` lies; None when some of it is outside every region."""
    cover = merged((r.start, r.end) for r in regions)
    starts = [s for s, _ in cover]
    at = bisect_right(starts, start) - 1
    if at < 0 or not (cover[at][0] <= start and end <= cover[at][1]):
        return None
    return next(r for r in regions if r.start <= start < r.end)


def overlaps(regions: Sequence[Region], start: int, end: int) -> bool:
    """Whether ``[start, end)`` shares a character with a region."""
    return any(r.start < end and start < r.end for r in regions)


def refusal(region: Region) -> str:
    """The one line a span inside a region is refused with."""
    what = region.kind.replace("_", " ")
    return (
        f"that lies inside boilerplate ({what}, characters {region.start}–{region.end}); "
        "hold Alt to label it anyway"
    )


class Cut(NamedTuple):
    """A text with its regions taken out, and where each kept offset went."""

    text: str
    removed: list[tuple[int, int]]
    """The ranges taken out, merged, by start."""

    def shift(self, offset: int) -> int:
        """Where an offset of the stored text is in the cut text (an offset inside a removed
        range goes to where the range was)."""
        moved = 0
        for start, end in self.removed:
            if offset <= start:
                break
            moved += min(offset, end) - start
        return offset - moved


def cut(text: str, regions: Iterable[Region]) -> Cut:
    """The text without the regions (see `Cut`)."""
    removed = merged((r.start, r.end) for r in regions)
    kept: list[str] = []
    at = 0
    for start, end in removed:
        kept.append(text[at:start])
        at = end
    kept.append(text[at:])
    return Cut("".join(kept), removed)
