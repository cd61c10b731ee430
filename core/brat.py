"""brat standoff (SPEC 8): ``NAME.txt`` beside ``NAME.ann``, one sub-folder per annotator.

Offsets are code points into the ``.txt`` file, as brat (a Python program) counts them.
Text-bound annotations (``T`` lines) are spans, ``R`` lines relations (``Arg1`` the source,
``Arg2`` the target: ``said_by Arg1:CLAIM Arg2:ACTOR``) and ``A`` lines on a relation its
attributes (``A1<TAB>stance R1 denies``; brat's own editor shows attributes of entities only).
Discontinuous spans, events, notes and attributes of entities have no place in Alama and are
reported, never merged or dropped silently.
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
from alama.core.relation_files import ExportLink, Key, Link
from alama.core.relation_types import RelationType

DISCONTINUOUS = "discontinuous brat span (fragments joined by ';')"
_KINDS = {
    "R": "brat relation (R line)",  # (one to an event or a discontinuous span)
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
    ids: dict[str, tuple[int, int, str] | None] = {}  # T ids (None: discontinuous)
    relations: list[tuple[str, str, str, str, str]] = []  # (where, id, type, arg1, arg2)
    attributes: list[tuple[str, str, str, str]] = []  # (where, attribute, R id, value)
    if ann is not None:
        for number, line in enumerate(read_text_file(ann).split("\n"), 1):
            line = line.rstrip("\r")
            if not line.strip():
                continue
            where = f"{ann}:{number}"
            kind = line[0]
            if kind == "R":
                relations.append((where, *_relation_line(line, where)))
                continue
            if kind in "AM" and _on_relation(line) is not None:
                attributes.append((where, *_on_relation(line)))  # type: ignore[misc]
                continue
            if kind != "T":
                if kind not in _KINDS:
                    raise InputError(f"{where}: not a brat annotation line")
                notes[_KINDS[kind]] += 1
                continue
            parsed = _text_bound(line, raw, where)
            ids[line.split("\t", 1)[0]] = parsed
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
    links = [link.moved(to_clean) for link in _links(relations, attributes, ids, notes)]
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
        links=links,
    )


def _relation_line(line: str, where: str) -> tuple[str, str, str, str]:
    """``R1<TAB>TYPE Arg1:T3 Arg2:T5`` as (id, type, first argument, second argument)."""
    parts = line.split("\t")
    fields = parts[1].split() if len(parts) > 1 else []
    roles = dict(field.partition(":")[::2] for field in fields[1:])
    if len(fields) != 3 or set(roles) != {"Arg1", "Arg2"} or not all(roles.values()):
        raise InputError(f"{where}: an R line needs 'R<n><TAB>TYPE Arg1:T<n> Arg2:T<n>'")
    return parts[0], fields[0], roles["Arg1"], roles["Arg2"]  # by role, in either order


def _on_relation(line: str) -> tuple[str, str, str] | None:
    """``A1<TAB>stance R1 denies`` as (attribute, relation id, value); None for an attribute
    of something else (an entity, an event)."""
    parts = line.split("\t")
    fields = parts[1].split() if len(parts) > 1 else []
    if len(fields) < 2 or not fields[1].startswith("R"):
        return None
    return fields[0], fields[1], " ".join(fields[2:])


def _links(
    relations: list[tuple[str, str, str, str, str]],
    attributes: list[tuple[str, str, str, str]],
    ids: dict[str, Key | None],
    notes: Counter[str],
) -> list[Link]:
    """The R lines between two continuous T spans, with their A lines as attributes."""
    given: dict[str, dict[str, str]] = {rid: {} for _, rid, _, _, _ in relations}
    for where, name, rid, value in attributes:
        if rid not in given:
            raise InputError(f"{where}: the attribute is on {rid}, which is no relation here")
        if not value:
            raise InputError(
                f"{where}: {name} of {rid} has no value (relation attributes take one)"
            )
        given[rid][name] = value
    links = []
    for where, rid, kind, first, second in relations:
        ends = []
        for arg in (first, second):
            if arg.startswith("T") and arg not in ids:
                raise InputError(f"{where}: {rid} names {arg}, which is not in the file")
            ends.append(ids.get(arg))
        source, target = ends
        if source is None or target is None:
            notes[_KINDS["R"]] += 1
            continue
        links.append(Link(source, target, kind, tuple(sorted(given[rid].items())), where))
    return links


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


def ann_lines(
    text: str, spans: Iterable[tuple[int, int, str]], links: Iterable[ExportLink] = ()
) -> str:
    """The ``.ann`` content of one layer: one T line per span, in reading order, then an R line
    per relation (``Arg1`` its source) with an A line per attribute of it."""
    ordered = sorted(set(spans), key=lambda s: (s[0], -s[1], s[2]))
    lines = [
        f"T{number}\t{label} {start} {end}\t{' '.join(text[start:end].split())}"
        for number, (start, end, label) in enumerate(ordered, 1)
    ]
    numbers = {key: number for number, key in enumerate(ordered, 1)}
    attributes = 0
    for number, link in enumerate(
        (link for link in links if link.source in numbers and link.target in numbers), 1
    ):
        lines.append(
            f"R{number}\t{link.type} Arg1:T{numbers[link.source]} Arg2:T{numbers[link.target]}"
        )
        for name, value in link.attributes:
            attributes += 1
            lines.append(f"A{attributes}\t{name} R{number} {value}")
    return "".join(line + "\n" for line in lines)


def annotation_conf(labels: Iterable[str], relations: Iterable[RelationType] = ()) -> str:
    """A minimal ``annotation.conf`` so that brat itself can open the exported folder: the
    labels, the relation types between them, and the relations' attributes."""
    kinds = list(relations)
    values: dict[str, list[str]] = {}
    for kind in kinds:
        for attribute in kind.attributes:
            found = values.setdefault(attribute.key, [])
            found.extend(value for value in attribute.values if value not in found)
    return (
        "[entities]\n"
        + "".join(f"{label}\n" for label in labels)
        + "\n[relations]\n"
        + "".join(
            f"{kind.key} Arg1:{'|'.join(kind.sources)}, Arg2:{'|'.join(kind.targets)}\n"
            for kind in kinds
        )
        + "\n[events]\n\n[attributes]\n"
        + "".join(
            f"{name} Arg:<RELATION>, Value:{'|'.join(found)}\n" for name, found in values.items()
        )
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
