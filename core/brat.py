"""brat standoff (SPEC 8): ``NAME.txt`` beside ``NAME.ann``, one sub-folder per annotator.

Offsets are code points into the ``.txt`` file, as brat (a Python program) counts them. Only
text-bound annotations (``T`` lines) are spans; discontinuous ones, relations, events, notes and
attributes have no place in Alama and are reported, never merged or dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from alama.core import text as arabic
from alama.core.errors import InputError
from alama.core.json_files import read_text_file
from alama.core.jsonl import Record

DISCONTINUOUS = "discontinuous brat span (fragments joined by ';')"
_KINDS = {
    "R": "brat relation (R line)",
    "E": "brat event (E line)",
    "A": "brat attribute (A line)",
    "M": "brat attribute (M line)",
    "N": "brat normalization (N line)",
    "#": "brat note (# line)",
    "*": "brat equivalence (* line)",
}
_OFFSETS = re.compile(r"^(\d+) (\d+)$")
_DIGITS = 18
"""Digits an offset may have (a longer one is outside any text: refused before Python reads
it, which it will not do past 4,300 digits)."""


def read_pair(
    txt: Path,
    ann: Path | None,
    annotator: str | None,
    notes: Counter[str],
    discontinuous: list[str],
) -> Record:
    """One document from its ``.txt`` and (when there is one) its ``.ann``.

    A document with an ``.ann`` file, even an empty one, is done for its annotator.
    """
    raw = read_text_file(txt)
    text, to_clean = arabic.clean_with_offsets(raw)
    spans: list[tuple[int, int, str]] = []
    lines: list[str] = []  # where each span was read
    if ann is not None:
        for number, line in enumerate(read_text_file(ann).split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip():
                continue
            where = f"{ann}:{number}"
            kind = line[0]
            if kind != "T":
                if kind not in _KINDS:
                    raise InputError(f"{where}: not a brat annotation line")
                notes[_KINDS[kind]] += 1
                continue
            parsed = _text_bound(line, raw, where)
            if parsed is None:
                discontinuous.append(f"{where}: {line.split(chr(9))[0]}")
                notes[DISCONTINUOUS] += 1
                continue
            spans.append(parsed)
            lines.append(where)
    moved = [(to_clean(s), to_clean(e), label) for s, e, label in spans]
    for (start, end, _), (first, last, _), where in zip(spans, moved, lines, strict=True):
        if first >= last:
            raise InputError(
                f"{where}: span {start}–{end} holds only characters Alama removes from a text "
                "(a byte order mark, or the CR of a CRLF line end)"
            )
    unique = sorted(set(moved))
    return Record(
        text=text,
        where=str(ann or txt),
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=annotator if ann is not None else None,
        done=ann is not None,
        answered=ann is not None,
        doc_id=txt.stem,
        source=txt.name,
    )


def _text_bound(line: str, raw: str, where: str) -> tuple[int, int, str] | None:
    """``T1<TAB>LABEL START END<TAB>text`` as ``(start, end, label)``; None if discontinuous."""
    parts = line.split("\t")
    if len(parts) < 2:
        raise InputError(f"{where}: a T line needs 'T<n><TAB>LABEL START END<TAB>text'")
    label, _, offsets = parts[1].partition(" ")
    if ";" in offsets:
        return None
    match = _OFFSETS.match(offsets.strip())
    if not label or match is None:
        raise InputError(f"{where}: {parts[1]!r} is not 'LABEL START END'")
    if max(len(match[1]), len(match[2])) > _DIGITS:
        raise InputError(f"{where}: an offset of {parts[1][:40]!r}… is far outside any text")
    start, end = int(match[1]), int(match[2])
    if not 0 <= start < end <= len(raw):
        raise InputError(
            f"{where}: span {start}–{end} is outside the text (length {len(raw)}) or empty"
        )
    if len(parts) > 2 and " ".join(parts[2].split()) != " ".join(raw[start:end].split()):
        raise InputError(
            f"{where}: the .ann says {parts[2]!r} but the text at {start}–{end} "
            f"is {raw[start:end]!r}"
        )
    return start, end, label


def ann_lines(text: str, spans: Iterable[tuple[int, int, str]]) -> str:
    """The ``.ann`` content of one layer: one T line per span, in reading order."""
    lines = [
        f"T{number}\t{label} {start} {end}\t{' '.join(text[start:end].split())}"
        for number, (start, end, label) in enumerate(
            sorted(spans, key=lambda s: (s[0], -s[1], s[2])), 1
        )
    ]
    return "".join(line + "\n" for line in lines)


def annotation_conf(labels: Iterable[str]) -> str:
    """A minimal ``annotation.conf`` so that brat itself can open the exported folder."""
    return (
        "[entities]\n"
        + "".join(f"{label}\n" for label in labels)
        + "\n[relations]\n\n[events]\n\n[attributes]\n"
    )


def safe_name(doc_id: str, taken: set[str]) -> str:
    """A file name for a document: its id with unsafe characters replaced, unique in ``taken``."""
    base = re.sub(r"[^\w.-]+", "_", doc_id).strip("._") or "document"
    base = base[:100]
    name, number = base, 1
    while name.lower() in taken:
        number += 1
        name = f"{base}-{number}"
    taken.add(name.lower())
    return name
