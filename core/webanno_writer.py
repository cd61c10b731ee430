"""Writing one document's layer as WebAnno TSV 3.3, the way INCEpTION's ``Tsv3XSerializer`` does,
so that INCEpTION (and `webanno.read_webanno`) read back the same text, tokens and spans.

Spans go in the named-entity layer (``identifier`` empty, ``value`` the label), which every
INCEpTION project has. A sentence is a run of lines: a new one starts at a token that follows a
line break with nothing but spaces after it, since that is the only gap INCEpTION's reader can
give back (it puts a line break after a sentence and fills up with spaces). A span that starts
or ends inside a token is written on sub-token lines (``1-3.1``); one over several units or
stacked with another gets a disambiguation ID (``PER[1]``).
"""

from __future__ import annotations

import os
import shutil
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alama.core.brat import safe_name
from alama.core.errors import InputError
from alama.core.export_records import Layer
from alama.core.model import GOLD_ANNOTATOR
from alama.core.offsets import UTF16, Units
from alama.core.staging import Staged, check_new_folder, hidden_name
from alama.core.webanno import CURATION_USER, INITIAL_CAS, NAMED_ENTITY
from alama.core.webanno_escapes import escape_text, escape_value

HEADER = f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NAMED_ENTITY}|identifier|value\n\n"
LEADING = "documents whose text before the first word is not spaces (written as spaces)"
TRIMMED = "spans trimmed to whole characters of words (WebAnno TSV addresses words only)"
NO_WORD = "spans over no word (WebAnno TSV addresses words only)"
NO_WORDS = "documents without words (WebAnno TSV holds text in sentences of words)"


@dataclass
class Unit:
    """A token or sub-token line being made: code-point offsets and the spans on it."""

    start: int
    end: int
    spans: list[int] = field(default_factory=list)
    subs: dict[tuple[int, int], Unit] = field(default_factory=dict)


@dataclass
class Words:
    """What a document's file holds whatever the layer: each sentence's ``#Text=`` lines and
    each word's line without a span. Made once for all of a document's layers."""

    text: str
    starts: list[int]
    ends: list[int]
    utf16: Sequence[int]
    sentences: list[tuple[int, str, int, int]]  # (number, #Text= lines, first word, after last)
    plain: list[str]  # each word's line when no span is on it

    @classmethod
    def of(cls, text: str, tokens: Sequence[tuple[int, int]]) -> Words:
        utf16 = Units(text, UTF16).unit_offsets()
        sentences = [
            (
                number,
                "".join(f"#Text={escape_text(line)}\n" for line in text[start:stop].split("\n")),
                first,
                last,
            )
            for number, (start, stop, first, last) in enumerate(_sentences(text, tokens), 1)
        ]
        plain = [""] * len(tokens)
        for number, _, first, last in sentences:
            for index in range(first, last):
                start, end = tokens[index]
                plain[index] = (
                    f"{number}-{index - first + 1}\t{utf16[start]}-{utf16[end]}\t"
                    f"{text[start:end]}\t_\t_\t\n"
                )
        starts = [start for start, _ in tokens]
        ends = [end for _, end in tokens]
        return cls(text, starts, ends, utf16, sentences, plain)


def webanno_document(
    text: str,
    tokens: Sequence[tuple[int, int]],
    spans: Sequence[tuple[int, int, str]],
    left_out: Counter[str],
    words: Words | None = None,
) -> str:
    """One document with one layer's spans as a WebAnno TSV 3.3 file (``tokens`` in order;
    ``words``, if given, made from the same text and tokens)."""
    if words is None:
        words = Words.of(text, tokens)
    if tokens and text[: tokens[0][0]].strip(" "):
        left_out[LEADING] += 1
    ordered = sorted(spans, key=lambda span: (span[0], -span[1], span[2]))
    units: dict[int, Unit] = {}  # the words a span is on, by index
    places = _place(words, units, ordered, left_out)
    ids = _disambiguation(units, places)
    utf16 = words.utf16
    lines = [HEADER]
    touched = sorted(units)
    for number, heads, first, last in words.sentences:
        lines.append("\n")
        lines.append(heads)
        at = first
        for index in touched[bisect_left(touched, first) : bisect_left(touched, last)]:
            lines.extend(words.plain[at:index])
            unit = units[index]
            name = f"{number}-{index - first + 1}"
            lines.append(_line(name, unit, text, utf16, ordered, ids))
            for sub, key in enumerate(sorted(unit.subs), 1):
                lines.append(_line(f"{name}.{sub}", unit.subs[key], text, utf16, ordered, ids))
            at = index + 1
        lines.extend(words.plain[at:last])
    return "".join(lines)


def _line(
    name: str,
    unit: Unit,
    text: str,
    utf16: Sequence[int],
    spans: Sequence[tuple[int, int, str]],
    ids: dict[int, int],
) -> str:
    if len(unit.spans) == 1:  # one span on the word: most
        index = unit.spans[0]
        tag = f"[{ids[index]}]" if index in ids else ""
        identifier, value = "*" + tag, escape_value(spans[index][2]) + tag
    elif unit.spans:
        tags = [f"[{ids[i]}]" if i in ids else "" for i in unit.spans]
        identifier = "|".join(f"*{tag}" for tag in tags)
        value = "|".join(
            escape_value(spans[i][2]) + tag for i, tag in zip(unit.spans, tags, strict=True)
        )
    else:
        identifier = value = "_"
    offsets = f"{utf16[unit.start]}-{utf16[unit.end]}"
    return f"{name}\t{offsets}\t{text[unit.start : unit.end]}\t{identifier}\t{value}\t\n"


def _sentences(text: str, tokens: Sequence[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """(text start, text stop, first token, token after the last) of each sentence."""
    found: list[tuple[int, int, int, int]] = []
    if not tokens:
        return found
    first = 0
    for index in range(1, len(tokens)):
        gap_start = tokens[index - 1][1]
        gap = text[gap_start : tokens[index][0]]
        line_end = gap.rfind("\n")
        if line_end >= 0 and not gap[line_end + 1 :].strip(" "):
            found.append((tokens[first][0], gap_start + line_end, first, index))
            first = index
    found.append((tokens[first][0], len(text), first, len(tokens)))
    return found


def _place(
    words: Words,
    units: dict[int, Unit],
    spans: Sequence[tuple[int, int, str]],
    left_out: Counter[str],
) -> list[list[Unit]]:
    """The units each span is written on: words it covers whole, sub-tokens where it starts or
    ends inside a word (``units`` gains each word a span is on)."""
    starts, ends = words.starts, words.ends
    places: list[list[Unit]] = []
    for index, (start, end, _) in enumerate(spans):
        first = bisect_right(ends, start)
        last = bisect_left(starts, end) - 1
        if first > last:
            left_out[NO_WORD] += 1
            places.append([])
            continue
        for number in range(first, last + 1):
            if number not in units:
                units[number] = Unit(starts[number], ends[number])
        begin, stop = max(start, starts[first]), min(end, ends[last])
        if (begin, stop) != (start, end):
            left_out[TRIMMED] += 1
        head, tail = units[first], units[last]
        if first == last:
            chosen = [_part(head, begin, stop)]
        else:
            chosen = [_part(head, begin, head.end)]
            chosen.extend(units[number] for number in range(first + 1, last))
            chosen.append(_part(tail, tail.start, stop))
        for unit in chosen:
            unit.spans.append(index)
        places.append(chosen)
    return places


def _part(token: Unit, start: int, end: int) -> Unit:
    """The token itself, or its sub-token from ``start`` to ``end``."""
    if (start, end) == (token.start, token.end):
        return token
    return token.subs.setdefault((start, end), Unit(start, end))


def _disambiguation(units: dict[int, Unit], places: list[list[Unit]]) -> dict[int, int]:
    """IDs for spans over several units or stacked with another, in the order of the file."""
    ids: dict[int, int] = {}
    for number in sorted(units):
        token = units[number]
        for unit in [token, *(token.subs[key] for key in sorted(token.subs))]:
            for index in unit.spans:
                if index not in ids and (len(places[index]) > 1 or len(unit.spans) > 1):
                    ids[index] = len(ids) + 1
    return ids


def check_folder(output: Path, project: Path, overwrite: bool) -> None:
    """Refuse an output that is not a new or empty folder, unless ``overwrite`` and it holds
    nothing but an earlier WebAnno TSV export (``.tsv`` files in folders)."""
    check_new_folder(output, project, overwrite, "WebAnno TSV", _refuse_foreign)


def _refuse_foreign(output: Path) -> None:
    for entry in sorted(output.rglob("*")):
        if (
            entry.is_symlink()
            or entry.name.startswith(".")
            or not (entry.is_dir() or entry.suffix == ".tsv")
        ):
            raise InputError(
                f"{output} holds {entry.relative_to(output).as_posix()}, which a WebAnno TSV "
                "export does not write; choose a new or empty folder"
            )


def write_folder(
    layers: Iterable[Layer],
    output: Path,
    part_of: Callable[[Layer], str],
    single: bool,
    left_out: Counter[str],
    progress: Callable[[int], None],
    overwrite: bool,
) -> tuple[Counter[str], int, int]:
    """Write each layer as a ``.tsv`` file: ``DOCUMENT.tsv`` when one layer is exported, else
    in INCEpTION's layout (``annotation/DOCUMENT/USER.tsv``, the gold layer as
    ``curation/DOCUMENT/CURATION_USER.tsv``, a document nobody annotated as ``INITIAL_CAS``).
    Return the files per part, the documents and the spans written."""
    staged = Staged.folder(output)
    written: Counter[str] = Counter()
    names: dict[int, str] = {}
    taken: set[str] = set()
    users: dict[int, set[str]] = {}  # a document's file names taken, as a case-blind disk sees
    spans = 0
    words: Words | None = None  # the current document's (its layers come one after another)
    try:
        for layer in layers:
            doc = layer.doc
            if doc.id not in names:
                names[doc.id] = safe_name(doc.doc_id, taken)
                progress(len(names))
            part = part_of(layer)
            tokens = layer.index.tokens
            if not tokens:
                left_out[NO_WORDS] += 1
                continue
            root = staged.temp / part if part else staged.temp
            mine = users.setdefault(doc.id, {INITIAL_CAS.lower(), CURATION_USER.lower()})
            target = _target(root, names[doc.id], layer, single, mine)
            target.parent.mkdir(parents=True, exist_ok=True)
            if words is None or words.text is not doc.text or len(words.plain) != len(tokens):
                words = Words.of(doc.text, tokens)
            content = webanno_document(doc.text, tokens, layer.triples, left_out, words)
            target.write_text(content, encoding="utf-8", newline="")
            written[part] += 1
            spans += len(layer.spans)
    except BaseException:
        staged.discard()
        raise
    _commit(staged, output, overwrite)
    return written, len(names), spans


def _commit(staged: Staged, output: Path, overwrite: bool) -> None:
    """Put the folder in place; an earlier export there is moved aside first (and checked once
    more: something may have appeared in it meanwhile)."""
    if not (overwrite and output.is_dir() and not output.is_symlink() and any(output.iterdir())):
        staged.commit()
        return
    try:
        _refuse_foreign(output)
    except BaseException:
        staged.discard()
        raise
    aside = hidden_name(output)
    os.rename(output, aside)  # swept by a later run if we are killed right here
    staged.commit()
    shutil.rmtree(aside, ignore_errors=True)


def _target(root: Path, name: str, layer: Layer, single: bool, taken: set[str]) -> Path:
    """Where a layer goes; an annotator's file name is unique in its document (``taken``):
    ``mona/x`` and ``mona_x``, or ``Mona`` and ``mona``, are two files, and an annotator named
    INITIAL_CAS or CURATION_USER is not read back as the document or the gold layer."""
    if single:
        return root / f"{name}.tsv"
    if layer.annotator == GOLD_ANNOTATOR:
        return root / "curation" / name / f"{CURATION_USER}.tsv"
    user = INITIAL_CAS if layer.annotator is None else safe_name(layer.annotator, taken)
    return root / "annotation" / name / f"{user}.tsv"
