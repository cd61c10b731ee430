"""Offsets counted in other units than code points, and telling which unit a file counts.

Alama's offsets are Python code points (SPEC 4). JavaScript tools (Label Studio, doccano's
browser side, INCEpTION's TSV) count UTF-16 code units, where a character outside the Basic
Multilingual Plane (an emoji, say) counts twice; some tools count UTF-8 bytes, where every
Arabic letter counts twice. A span's quoted ``text`` tells which unit its offsets are in: the
unit in which the text at the offsets is the quoted text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from alama.core.errors import InputError

CODE_POINTS = "codepoints"
UTF16 = "utf16"
BYTES = "bytes"
UNITS = (CODE_POINTS, UTF16, BYTES)
"""The units ``alama import --offsets`` accepts (code points unless told otherwise)."""
UNIT_NAMES = {CODE_POINTS: "code points", UTF16: "UTF-16 code units", BYTES: "UTF-8 bytes"}
OTHER_UNITS = (UTF16, BYTES)


def width(ch: str, unit: str) -> int:
    """How many units of ``unit`` one character counts."""
    if unit == UTF16:
        return 2 if ord(ch) > 0xFFFF else 1
    if unit == BYTES:
        return len(ch.encode("utf-8", "surrogatepass"))
    return 1


def same_as_code_points(text: str, unit: str) -> bool:
    """Whether offsets into ``text`` are the same in ``unit`` as in code points (no character
    of the text counts more than once)."""
    if unit == UTF16:
        return text.isascii() or max(text) <= "\uffff"
    if unit == BYTES:
        return text.isascii()
    return True


class Units:
    """One text's offsets in ``unit`` turned into code points (None: inside a character)."""

    def __init__(self, text: str, unit: str) -> None:
        if unit not in UNITS:
            raise InputError(f"unknown offset unit {unit!r} (choose from {', '.join(UNITS)})")
        self.text = text
        self.unit = unit
        self.identity = same_as_code_points(text, unit)
        self._length = len(text)
        if not self.identity:  # where each character starts in this unit, and the end
            import numpy as np  # not loaded by a command that never reads another unit

            codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
            wide = (codes > 0xFFFF).astype(np.int64)
            if unit == BYTES:
                wide += 1 + (codes > 0x7F) + (codes > 0x7FF)
            else:
                wide += 1
            self._starts = np.zeros(len(text) + 1, dtype=np.int64)
            np.cumsum(wide, out=self._starts[1:])
            self._length = int(self._starts[-1])

    @property
    def length(self) -> int:
        """The text's length in this unit."""
        return self._length

    def point(self, offset: int) -> int | None:
        """The code-point offset of ``offset`` (in this unit); None when it falls inside a
        character or outside the text."""
        if self.identity:
            return offset if 0 <= offset <= self._length else None
        import numpy as np

        at = int(np.searchsorted(self._starts, offset))
        return at if at < len(self._starts) and self._starts[at] == offset else None

    def unit_offsets(self) -> Sequence[int]:
        """Each code-point offset of the text (and its end) counted in this unit, for writing
        a file in it."""
        if self.identity:
            return range(self._length + 1)
        return self._starts.tolist()


def agreeing_unit(
    text: str, quoted: Iterable[tuple[int, int, str]], units: Sequence[str] = OTHER_UNITS
) -> str | None:
    """The first of ``units`` in which every (start, end, quoted text) of one text agrees;
    None when none explains them all (or there is nothing to compare)."""
    spans = list(quoted)
    if not spans:
        return None
    for unit in units:
        if unit != CODE_POINTS and same_as_code_points(text, unit):
            continue  # (the same as code points, which are looked at on their own)
        counted = Units(text, unit)
        if all(_agrees(counted, start, end, said) for start, end, said in spans):
            return unit
    return None


def agrees_in(text: str, quoted: Iterable[tuple[int, int, str]], unit: str) -> bool:
    """Whether every (start, end, quoted text) of one text agrees when counted in ``unit``."""
    counted = Units(text, unit)
    return all(_agrees(counted, start, end, said) for start, end, said in quoted)


def agreeing_count(text: str, quoted: Iterable[tuple[int, int, str]], unit: str) -> int:
    """How many (start, end, quoted text) of one text agree when counted in ``unit``."""
    counted = Units(text, unit)
    return sum(_agrees(counted, start, end, said) for start, end, said in quoted)


def _agrees(units: Units, start: int, end: int, quoted: str) -> bool:
    first, last = units.point(start), units.point(end)
    return first is not None and last is not None and units.text[first:last] == quoted


def hint(unit: str) -> str:
    """The end of a one-line error about offsets that count another unit."""
    return f"the spans count {UNIT_NAMES[unit]}; import with --offsets {unit}"


def to_code_points(
    units: Units, start: int, end: int, number: int, where: str, what: str = "span"
) -> tuple[int, int]:
    """A span's offsets in ``units.unit`` as code points, refusing one inside a character
    (``what`` and ``number`` name it in ``where``: "span 2", or nothing when ``where`` does)."""
    first, last = units.point(start), units.point(end)
    named = f"{where}: {what} {number}" if what else where
    for name, value, point in (("start", start, first), ("end", end, last)):
        if point is None:
            if 0 <= value <= units.length:
                raise InputError(
                    f"{named}'s {name} ({value}) falls inside a character when counted in "
                    f"{UNIT_NAMES[units.unit]}"
                )
            raise InputError(
                f"{named} ({start}–{end}) is outside the text (length {units.length} in "
                f"{UNIT_NAMES[units.unit]})"
            )
    assert first is not None and last is not None
    return first, last


STALE_TEXT = (
    'span "text" left from before the span was snapped to tokens or words (Prodigy, Label '
    "Studio); its offsets are kept"
)
"""The note an import reports for each span whose quoted text is stale but explained."""


class SpanCheck:
    """The spans of one record whose offsets count ``unit``: turns them into code points and
    judges a span whose quoted ``text`` disagrees with the text at its offsets.

    A disagreement that another unit explains for every span of the record is refused with a
    hint naming that unit. One that token snapping explains (Prodigy keeps the text a span had
    before it was snapped to tokens) is counted in ``notes`` and the offsets are kept: the
    offsets fall on the record's own tokens, or, for a record without tokens, the text at them
    holds the quoted text or is held by it and starts and ends at word boundaries. Any other
    is refused.
    """

    def __init__(
        self,
        raw: str,
        where: str,
        unit: str | None,
        tokens: object = None,
        notes: dict[str, int] | None = None,
    ) -> None:
        self.raw = raw
        self.where = where
        self.unit = unit or CODE_POINTS
        self.units = Units(raw, self.unit)
        self._items: tuple[list[Any], Sequence[str], Sequence[str]] = ([], (), ())
        self._bounds: tuple[set[int], set[int]] | bool | None = False  # False: not looked at
        self.tokens = self._code_point_tokens(tokens) if self.converts else tokens
        self.notes = notes

    @property
    def converts(self) -> bool:
        """Whether offsets need turning into code points (otherwise they are used as they are)."""
        return not self.units.identity

    def _code_point_tokens(self, tokens: object) -> object:
        """A record's token objects with their offsets in code points (anything else as is,
        for the tokens' reader to judge)."""
        if not isinstance(tokens, list):
            return tokens
        moved: list[object] = []
        for number, token in enumerate(tokens, 1):
            if isinstance(token, dict) and _ordered(token.get("start"), token.get("end")):
                first, last = to_code_points(
                    self.units, token["start"], token["end"], number, self.where, "token"
                )
                token = {**token, "start": first, "end": last}
            moved.append(token)
        return moved

    def quoted_in(
        self, items: list[Any], start_keys: Sequence[str], end_keys: Sequence[str]
    ) -> None:
        """Keep a record's span objects (and the names of their offsets), to tell the unit of
        its offsets should one of them disagree."""
        self._items = (items, start_keys, end_keys)

    @property
    def quoted(self) -> list[tuple[int, int, str]]:
        """The offsets and quoted text of every span object of the record that has both."""
        items, start_keys, end_keys = self._items
        found = []
        for item in items:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                start = next((item[key] for key in start_keys if key in item), None)
                end = next((item[key] for key in end_keys if key in item), None)
                if type(start) is int and type(end) is int:
                    found.append((start, end, item["text"]))
        return found

    def convert(self, start: int, end: int, number: int) -> tuple[int, int]:
        return to_code_points(self.units, start, end, number, self.where)

    def mismatch(
        self,
        given: tuple[int, int],
        start: int,
        end: int,
        quoted: str,
        number: int,
        name: str = "",
    ) -> None:
        """Accept (counting it) or refuse a span whose quoted text is not the text at its
        offsets; ``given`` are the offsets as the file wrote them, ``name`` what the refusal
        calls the span (``span NUMBER``)."""
        stored = self.raw[start:end]
        refusal = (
            f"{self.where}: {name or f'span {number}'} says {quoted!r} but the text at "
            f"{given[0]}–{given[1]} is {stored!r}"
        )
        if not self._snapped(start, end, quoted) or self.other_unit_hint():
            raise InputError(refusal + self.other_unit_hint())
        if self.notes is not None:
            self.notes[STALE_TEXT] = self.notes.get(STALE_TEXT, 0) + 1

    def other_unit_hint(self) -> str:
        """``; the spans count …`` when another unit than the one read explains every quoted
        span text of the record; empty otherwise."""
        other = agreeing_unit(self.raw, self.quoted, [u for u in UNITS if u != self.unit])
        return f"; {hint(other)}" if other is not None else ""

    def _snapped(self, start: int, end: int, quoted: str) -> bool:
        if self._bounds is False:
            self._bounds = self._token_bounds()
        bounds = self._bounds
        if isinstance(bounds, tuple):
            starts, ends = bounds
            return start in starts and end in ends
        stored = self.raw[start:end]
        core = quoted.strip()
        related = bool(core) and (core in stored or stored.strip() in quoted)
        return related and self._word_edge(start) and self._word_edge(end)

    def _word_edge(self, at: int) -> bool:
        """Whether ``at`` is not inside a word (a letter or digit, with its marks, on each
        side)."""
        before = self.raw[at - 1] if at > 0 else " "
        after = self.raw[at] if at < len(self.raw) else " "
        return not (_in_word(before) and _in_word(after))

    def _token_bounds(self) -> tuple[set[int], set[int]] | None:
        """The starts and ends of the record's tokens when it has tokens that agree with its
        text (each token's text, if given, is the text at its offsets); None otherwise."""
        if not isinstance(self.tokens, list) or not self.tokens:
            return None
        starts: set[int] = set()
        ends: set[int] = set()
        for token in self.tokens:
            if not isinstance(token, dict):
                return None
            first, last = token.get("start"), token.get("end")
            if type(first) is not int or type(last) is not int:
                return None
            if not 0 <= first <= last <= len(self.raw):
                return None
            said = token.get("text")
            if isinstance(said, str) and said != self.raw[first:last]:
                return None
            starts.add(first)
            ends.add(last)
        return starts, ends


def _in_word(ch: str) -> bool:
    return ch.isalnum() or ch == "\u0640" or unicodedata.category(ch).startswith("M")


def check_unit(unit: str | None) -> None:
    """Refuse an offset unit Alama does not know (None: code points, or detected)."""
    if unit is not None and unit not in UNITS:
        raise InputError(f"unknown offset unit {unit!r} (choose from {', '.join(UNITS)})")


def _ordered(start: object, end: object) -> bool:
    return type(start) is int and type(end) is int and 0 <= start < end
