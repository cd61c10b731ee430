"""INCEpTION / WebAnno TSV 3 (SPEC 8): one document per file, read; written by `webanno_writer`.

A file is a header of layers (``#T_SP=`` span, ``#T_CH=`` chain, ``#T_RL=`` relation layers,
each with its feature columns), then sentences: ``#Text=`` lines and a line per token or
sub-token with its offsets and one cell per feature column. Offsets count UTF-16 units (Java's
strings); Alama turns them into code points. The text is rebuilt as INCEpTION's own reader does
(``Tsv3XDeserializer``): the sentences' text at their first token's offset, a line break after
each sentence (dropped when the next sentence starts right there), spaces filling a gap; the
line break INCEpTION adds after the last sentence is not kept.

Alama reads one span layer: the named entities' ``value`` when some have one, else the
first feature with values of the first custom span layer (``webanno.custom.…``) that has one,
else of a built-in layer such as POS (a layer without features labels its spans with its own
name). Other layers, chains and relations are counted in the import's report.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from alama.core import text as arabic
from alama.core.detect import looks_like_old_webanno
from alama.core.errors import InputError
from alama.core.json_files import read_text_file
from alama.core.jsonl import Record
from alama.core.messages import Message
from alama.core.model import GOLD_ANNOTATOR
from alama.core.webanno_escapes import split_escaped, unescape_text, unescape_value

NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
DKPRO = "de.tudarmstadt.ukp.dkpro.core.api."
"""INCEpTION's built-in layers (POS, lemma, chunk…), which a document imported from CoNLL-U
or another tagged format carries beside the layer the team annotates."""
CURATION_USER = "CURATION_USER"
INITIAL_CAS = "INITIAL_CAS"
"""INCEpTION's names for the curated layer and the document as first imported."""
FORMAT = re.compile(r"^#FORMAT=WebAnno TSV (\d+)(?:\.(\d+))?\s*$")
_UNIT = re.compile(r"^(\d+)-(\d+)(\.\d+)?$")
_OFFSETS = re.compile(r"^(\d{1,12})-(\d{1,12})$")
_ID = re.compile(r"^(.*)\[(\d{1,12})\]$", re.DOTALL)
_KINDS = {"#T_SP=": "span", "#T_CH=": "chain", "#T_RL=": "relation"}
CHAIN = "WebAnno TSV chain link (Alama has no chains; the spans are imported)"
NO_VALUE = "WebAnno TSV span with no value in the feature read as its label"
ZERO_WIDTH = "WebAnno TSV zero-width annotation (a span holds at least one character)"
OTHER_LAYER = "WebAnno TSV annotation of another span layer (%1; Alama reads one: %2)"
INITIAL = "span of INCEpTION's INITIAL_CAS file (the document as first imported)"


@dataclass
class Column:
    """One feature column of the header: its layer, the layer's kind and the feature."""

    layer: str
    kind: str
    feature: str | None


@dataclass
class Unit:
    """A token or sub-token line: UTF-16 offsets, where it is and its cells."""

    begin: int
    end: int
    where: str
    cells: list[str]


@dataclass
class Parsed:
    """A file as read: the rebuilt text, its tokens and units in UTF-16 offsets."""

    columns: list[Column] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    length: int = 0  # of the text so far, in UTF-16 units
    tokens: list[tuple[int, int]] = field(default_factory=list)
    token_lines: list[str] = field(default_factory=list)
    units: list[Unit] = field(default_factory=list)
    sentence: bytes = b""  # the sentence being read, in UTF-16
    sentence_start: int = 0


def utf16_length(piece: str) -> int:
    """How many UTF-16 units Java counts in ``piece``."""
    return len(piece) + sum(1 for ch in piece if ord(ch) > 0xFFFF)


def layout_of(path: Path, annotator: str | None) -> tuple[str | None, str, bool]:
    """(annotator, document name, whether the file holds a layer) by INCEpTION's export layout:
    ``annotation/DOCUMENT/USER.tsv`` and ``curation/DOCUMENT/CURATION_USER.tsv``."""
    folder = path.parent.parent.name.lower()
    if folder not in ("annotation", "curation"):
        return annotator, path.stem, True
    user = path.stem
    if folder == "curation" or user == CURATION_USER:
        return GOLD_ANNOTATOR, path.parent.name, True
    if user == INITIAL_CAS:
        return None, path.parent.name, False
    return user, path.parent.name, True


def read_webanno(path: Path, annotator: str | None, skipped: Counter[str]) -> Record:
    """The document of a WebAnno TSV 3 file, with the spans of the layer read as labels; what
    is not read (other layers, chains, spans without a value) is counted in ``skipped``."""
    lines = read_text_file(path).split("\n")
    parsed = Parsed()
    if not lines[0].startswith(("#FORMAT", "\ufeff#FORMAT")) and looks_like_old_webanno(lines):
        raise InputError(
            f"{path}:1: WebAnno TSV 1 or 2 (no #FORMAT line) is not read by Alama; export the "
            "documents from INCEpTION or WebAnno as WebAnno TSV 3.3"
        )
    minor = _read_format(path, lines[0] if lines else "")
    body = _read_header(path, lines, parsed)
    _read_body(path, lines, body, minor, parsed)
    raw = "".join(parsed.text)
    if parsed.tokens:
        raw = raw[:-1]  # the line break INCEpTION's reader adds after the last sentence
    to_code_point = CodePoints(raw)
    text, to_clean = arabic.clean_with_offsets(raw)

    def move(offset: int, where: str) -> int:
        point = to_code_point.get(offset)
        if point is None:
            raise InputError(
                f"{where}: offset {offset} falls inside a character (between the two UTF-16 "
                "units of an emoji or another character beyond U+FFFF)"
            )
        return to_clean(point)

    who, name, has_layer = layout_of(path, annotator)
    labelled, relations = _annotations(parsed, skipped)
    spans: list[tuple[int, int, str]] = []
    if has_layer:
        for span in labelled:
            start, stop = move(span.begin, span.where), move(span.end, span.where)
            if start >= stop:
                raise InputError(f"{span.where}: the span {span.label!r} holds only a line end")
            spans.append((start, stop, str(span.label)))
    elif labelled:
        skipped[INITIAL] += len(labelled)
    tokens = [
        (move(b, where), move(e, where))
        for (b, e), where in zip(parsed.tokens, parsed.token_lines, strict=True)
    ]
    unique = sorted(set(spans))
    return Record(
        text=text,
        where=str(path),
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=who,
        done=True,
        answered=has_layer,
        doc_id=name,
        source=path.name,
        relations=relations if has_layer else 0,
        tokens=tokens or None,
    )


def _read_format(path: Path, first: str) -> int:
    match = FORMAT.match(first.rstrip("\r").lstrip("\ufeff"))
    if match is None:
        raise InputError(f"{path}:1: the first line is not #FORMAT=WebAnno TSV 3.x")
    if match.group(1) != "3":
        raise InputError(
            f"{path}:1: WebAnno TSV {match.group(1)} is not read by Alama; export the documents "
            "from INCEpTION or WebAnno as WebAnno TSV 3.3"
        )
    return int(match.group(2) or 0)


def _read_header(path: Path, lines: list[str], parsed: Parsed) -> int:
    """Read the layer lines; return the index of the first body line."""
    number = 1
    while number < len(lines):
        line = lines[number].rstrip("\r")
        kind = _KINDS.get(line[:6])
        if kind is None:
            break
        fields = [field for field in line[6:].split("|") if field]  # as Java's split
        if not fields:
            raise InputError(f"{path}:{number + 1}: a layer line without the layer's name")
        name, *features = fields
        parsed.columns.extend(Column(name, kind, feature) for feature in features)
        if not features:  # a layer without features has one column: its spans' place
            parsed.columns.append(Column(name, kind, None))
        number += 1
    return number


def _read_body(path: Path, lines: list[str], first: int, minor: int, parsed: Parsed) -> None:
    sentence: list[str] = []  # the #Text= lines of the sentence being read
    in_header = False
    wanted = len(parsed.columns) + 3
    for number in range(first, len(lines)):
        line = lines[number].rstrip("\r")
        where = f"{path}:{number + 1}"
        if not line:
            in_header = False
            continue
        if line.startswith("#") and (in_header or not sentence):
            in_header = True
            if line.startswith("#Text="):
                sentence.append(unescape_text(line[6:], minor))
            continue
        fields = line.split("\t")
        unit = _UNIT.match(fields[0])
        offsets = _OFFSETS.match(fields[1]) if len(fields) > 1 else None
        if unit is None or offsets is None:
            raise InputError(f"{where}: not a WebAnno TSV token line (ID, offsets, token, …)")
        if len(fields) < wanted:
            raise InputError(
                f"{where}: {len(fields)} tab-separated fields where the header's layers need "
                f"{wanted}"
            )
        begin, end = int(offsets.group(1)), int(offsets.group(2))
        if in_header:  # the first token line of a sentence: its text goes in here
            if not sentence:
                raise InputError(f"{where}: a token line before any #Text= line")
            _start_sentence(parsed, begin, sentence, where)
            sentence, in_header = [], False
        if begin > end or end > parsed.length:
            raise InputError(f"{where}: offsets {begin}-{end} are outside the sentence's text")
        _check_unit_text(parsed, begin, end, fields[2], where)
        if unit.group(3) is None:
            if parsed.tokens and begin < parsed.tokens[-1][1]:
                raise InputError(f"{where}: the token overlaps the token before it")
            parsed.tokens.append((begin, end))
            parsed.token_lines.append(where)
        parsed.units.append(Unit(begin, end, f"{where} {fields[0]}", fields[3:wanted]))
    if sentence:
        raise InputError(f"{path}:{len(lines)}: a sentence without any token line")


def _start_sentence(parsed: Parsed, begin: int, lines: list[str], where: str) -> None:
    if parsed.length > begin:  # no gap: the previous sentence's line break goes
        if parsed.length != begin + 1 or not parsed.text or not parsed.text[-1].endswith("\n"):
            raise InputError(f"{where}: the sentence starts at {begin}, inside the text before it")
        parsed.text[-1] = parsed.text[-1][:-1]
        parsed.length -= 1
    if parsed.length < begin:
        parsed.text.append(" " * (begin - parsed.length))
        parsed.length = begin
    piece = "".join(line + "\n" for line in lines)
    parsed.text.append(piece)
    parsed.sentence = piece.encode("utf-16-le", "surrogatepass")
    parsed.sentence_start = parsed.length
    parsed.length += len(parsed.sentence) // 2


def _check_unit_text(parsed: Parsed, begin: int, end: int, token: str, where: str) -> None:
    """Refuse a token whose text is not the sentence's text at its offsets."""
    first = (begin - parsed.sentence_start) * 2
    chunk = parsed.sentence[first : (end - parsed.sentence_start) * 2] if first >= 0 else b""
    here = chunk.decode("utf-16-le", "replace")
    if first < 0 or here != token:
        raise InputError(
            f"{where}: the token {token!r} is not the sentence's text at {begin}-{end} "
            f"({here!r}); WebAnno TSV counts offsets in UTF-16 units"
        )


class CodePoints:
    """UTF-16 offsets of a text as code-point offsets (None inside a surrogate pair)."""

    def __init__(self, text: str) -> None:
        self.ends: list[int] = []  # the UTF-16 end of each character beyond U+FFFF
        for point, ch in enumerate(text):
            if ord(ch) > 0xFFFF:
                self.ends.append(point + len(self.ends) + 2)
        self.length = len(text) + len(self.ends)

    def get(self, offset: int) -> int | None:
        before = bisect_right(self.ends, offset)
        if offset > self.length or (before < len(self.ends) and self.ends[before] == offset + 1):
            return None
        return offset - before


@dataclass
class Found:
    """A span being read: UTF-16 begin and end, its label (None: no value) and where."""

    begin: int
    end: int
    label: str | None
    where: str


def _annotations(parsed: Parsed, notes: Counter[str]) -> tuple[list[Found], int]:
    """Spans of the layer read (a span with an ID grows with each unit naming it) and the
    count of relations; other layers' annotations and chain links are counted in ``notes``."""
    chosen = _chosen_column(parsed)
    spans: dict[tuple[object, ...], Found] = {}
    others: dict[str, set[tuple[object, ...]]] = {}
    relations = 0
    first_columns: dict[str, int] = {}
    for index, column in enumerate(parsed.columns):
        first_columns.setdefault(column.layer, index)
    for unit in parsed.units:
        for index, (column, cell) in enumerate(zip(parsed.columns, unit.cells, strict=True)):
            if cell == "_":
                continue
            stack = split_escaped(cell, "|")
            if column.kind == "relation":
                relations += len(stack) if (column.feature or "").startswith("BT_") else 0
            elif column.kind == "chain":
                notes[CHAIN] += len(stack) if column.feature == "referenceType" else 0
            elif index == chosen:
                for depth, value in enumerate(stack):
                    _add_value(spans, unit, depth, value, column)
            elif first_columns[column.layer] == index and (
                chosen < 0 or parsed.columns[chosen].layer != column.layer
            ):
                seen = others.setdefault(column.layer, set())
                seen.update(_key(unit, depth, value)[1] for depth, value in enumerate(stack))
    read = parsed.columns[chosen] if chosen >= 0 else None
    for layer, keys in others.items():
        name = read.layer.rsplit(".", 1)[-1] + f" {read.feature or ''}".rstrip() if read else "-"
        notes[Message(OTHER_LAYER, layer.rsplit(".", 1)[-1], name)] += len(keys)
    found: list[Found] = []
    for span in spans.values():
        if span.begin >= span.end:
            notes[ZERO_WIDTH] += 1
        elif span.label is None:
            notes[NO_VALUE] += 1
        else:
            found.append(span)
    return found, relations


def _key(unit: Unit, depth: int, value: str) -> tuple[str, tuple[object, ...]]:
    """A value without its disambiguation ID, and what names its annotation: the ID, or the
    unit and the place in the unit's stack."""
    match = _ID.match(value) if value.endswith("]") and not value.endswith("\\]") else None
    if match is not None:
        return match.group(1), ("id", int(match.group(2)))
    return value, ("unit", unit.where, depth)


def _add_value(
    spans: dict[tuple[object, ...], Found], unit: Unit, depth: int, value: str, column: Column
) -> None:
    value, key = _key(unit, depth, value)
    if column.feature is None:
        label: str | None = column.layer.rsplit(".", 1)[-1]
    else:
        label = None if value == "*" else unescape_value(value)
    if key in spans:
        spans[key].end = unit.end  # as INCEpTION's reader: the last unit naming it ends it
    else:
        spans[key] = Found(unit.begin, unit.end, label, unit.where.rsplit(" ", 1)[0])


def _chosen_column(parsed: Parsed) -> int:
    """The column read as labels: named entities' value when some have one, else the first
    span feature with a value in the file (a custom layer's before a built-in one's), else
    named entities' value, else the first span layer's first column."""
    columns = parsed.columns
    entities = [
        index
        for index, column in enumerate(columns)
        if column.layer == NAMED_ENTITY and column.feature == "value"
    ]
    candidates = [
        index
        for index, column in enumerate(columns)
        if column.kind == "span" and not _is_slot(column)
    ]
    with_values = [
        index
        for index in candidates
        if any(
            unit.cells[index] not in ("_", "*") and not unit.cells[index].startswith("*[")
            for unit in parsed.units
        )
    ]
    if entities and entities[0] in with_values:
        return entities[0]
    for index in with_values:  # a project's own layer before DKPro's POS, lemmas, chunks…
        if not columns[index].layer.startswith(DKPRO):
            return index
    return next(iter(with_values + entities + candidates), -1)


def _is_slot(column: Column) -> bool:
    return column.feature is not None and (
        column.feature.startswith("ROLE_") or "." in column.feature
    )
