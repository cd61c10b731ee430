"""Boilerplate regions as plain values: what a document's stored region rows amount to.

A region is a stretch of a document's stored text (code-point offsets, end exclusive) set
aside as boilerplate: kept verbatim, never part of the text's offsets' changes, but skipped by
agreement, suggestions and (on request) export. Rows come from detection (``detected``), from
a lead's marks (``lead``) and from a lead's "not boilerplate" (``not``); the regions in force
are the detected and marked ones, less what a lead said is not boilerplate.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from alama.core.errors import InputError
from alama.core.messages import Message

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


REFUSAL = (
    "not labelled: the text lies inside boilerplate (%1, characters %2–%3); "
    "hold Alt to label it anyway"
)
"""The refusal's template (a `Message`: the window shows it translated)."""


def refusal(region: Region) -> str:
    """The one line a span inside a region is refused with."""
    what = region.kind.replace("_", " ")
    return Message(REFUSAL, what, region.start, region.end)


def inside_reason(rows: list[Region], start: int, end: int) -> str | None:
    """Why a span on ``[start, end)`` is refused given the document's region rows (None: it
    is not inside a region in force)."""
    found = covering(in_force(rows), start, end) if rows else None
    return None if found is None else refusal(found)


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


META_KEY = "boilerplate"
NOT_KEY = "boilerplate_not"


def region_meta(rows: list[Region]) -> dict[str, Any]:
    """The meta keys a document's region rows are written as (none when it has none)."""
    meta: dict[str, Any] = {}
    kept = in_force(rows)
    if kept:
        meta[META_KEY] = [
            [r.start, r.end, r.kind, LEAD] if r.marked == LEAD else [r.start, r.end, r.kind]
            for r in kept
        ]
    nots = sorted({(r.start, r.end) for r in rows if r.marked == NOT})
    if nots:
        meta[NOT_KEY] = [list(pair) for pair in nots]
    return meta


def regions_from_meta(meta: dict[str, Any], where: str, length: int) -> list[Region]:
    """The region rows a record's meta carries (removed from ``meta``); `InputError` in one
    line, naming ``where``, for a malformed entry or one outside the text (``length``)."""
    rows: list[Region] = []
    for key in (META_KEY, NOT_KEY):
        found = meta.pop(key, None)
        if found is None:
            continue
        if not isinstance(found, list):
            raise InputError(f"{where}: meta.{key} must be a list of [start, end, kind]")
        for item in found:
            rows.append(_region_item(item, key, where))
            if rows[-1].end > length:
                raise InputError(
                    f"{where}: meta.{key} has {rows[-1].start}–{rows[-1].end}, outside the "
                    f"text (0–{length})"
                )
    return rows


def _region_item(item: object, key: str, where: str) -> Region:
    ok = isinstance(item, list) and len(item) >= 2
    ok = ok and all(isinstance(v, int) and not isinstance(v, bool) for v in item[:2])  # type: ignore[index]
    if ok and key == META_KEY:
        ok = len(item) in (3, 4) and isinstance(item[2], str)  # type: ignore[arg-type,index]
        ok = ok and (len(item) == 3 or item[3] == LEAD)  # type: ignore[arg-type,index]
    if not ok or not 0 <= item[0] < item[1]:  # type: ignore[index]
        raise InputError(f"{where}: meta.{key} has a bad entry {str(item)[:40]}")
    assert isinstance(item, list)
    if key == NOT_KEY:
        return Region(item[0], item[1], "not", NOT)
    return Region(item[0], item[1], item[2], LEAD if len(item) == 4 else "detected")


def outside_regions(
    docs: Iterable[int],
    regions: Mapping[int, Sequence[Region]],
    text_of: Callable[[int], str],
    query: str,
) -> list[int]:
    """The documents (of ``docs``, in their order) where ``query`` occurs at least once
    outside their boilerplate: a document whose every match lies in a region is not a hit."""
    from alama.core.text import find_all

    kept = []
    for doc in docs:
        shown = regions.get(doc)
        found = find_all(text_of(doc), query) if shown else []
        # (no match found here, where the search copy found one: kept, not judged)
        if not found or any(covering(shown or [], start, end) is None for start, end in found):
            kept.append(doc)
    return kept
