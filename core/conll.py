"""Token-tagged files (SPEC 8): CoNLL/BIO both ways, and Hugging Face ``tokens``/``ner_tags``.

A document read from tags is its tokens joined by single spaces, one line per sentence, and it
keeps those tokens (`Record.tokens`): exporting it as tags gives the same tokens back. Tags may
be BIO (IOB2), IOB1 (an ``I-`` starts a span), BILOU or BIOES, in one column or several (nested
entities, as Wojood writes them). Writing tags needs one tag per token, so spans that share a
token are conflicts: the export refuses and lists them rather than dropping one.
"""

from __future__ import annotations

import itertools
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from alama.core.errors import InputError
from alama.core.json_files import read_objects, read_text_file
from alama.core.jsonl import Record
from alama.core.text import TextIndex

TAG = re.compile(r"^([BIELSU])[-_](\S+)$")
DOCSTART = "-DOCSTART-"
# Direction marks some converters put around every token (NewsFANE starts 152,599 tokens with
# U+200E). The text and the tokens keep them verbatim (SPEC 4); a span never starts or ends
# with one, so a span of such tokens leaves them out at its ends.
DIRECTION_MARKS = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
ORPHAN = "I- tag with no B- before it (read as the start of a span)"


@dataclass
class Tagged:
    """One document read from tags: sentences of tokens, each token with its tag columns."""

    where: str
    sentences: list[list[tuple[str, list[str]]]] = field(default_factory=list)


def decode(
    tags: Sequence[Sequence[str]], where: str, notes: Counter[str]
) -> list[tuple[int, int, str]]:
    """Spans ``(first token, last token, label)`` (inclusive) of one sentence's tag columns.

    A continuing tag (``I``, ``L``, ``E``) joins the open span of its label, preferring the one
    in the same column, so a nested entity survives its outer entity ending first. A continuing
    tag with nothing to continue starts a span (IOB1) and is counted in ``notes``.
    """
    spans: list[tuple[int, int, str]] = []
    open_: list[tuple[str, int, int]] = []  # (label, first token, column)
    for index, columns in enumerate(tags):
        kept: list[tuple[str, int, int]] = []
        for column, tag in enumerate(columns):
            if tag == "O":
                continue
            match = TAG.match(tag)
            if match is None:
                raise InputError(f"{where}: {tag!r} is not a BIO, BILOU or BIOES tag")
            prefix, label = match.groups()
            current: tuple[str, int, int] | None = None
            if prefix in "IEL":
                candidates = [span for span in open_ if span[0] == label]
                candidates.sort(key=lambda span: span[2] != column)
                if candidates:
                    current = candidates[0]
                    open_.remove(current)
                else:
                    notes[ORPHAN] += 1
            if current is None:
                current = (label, index, column)
            if prefix in "ELSU":
                spans.append((current[1], index, label))
            else:
                kept.append((current[0], current[1], column))
        spans.extend((first, index - 1, label) for label, first, _ in open_)
        open_ = kept
    spans.extend((first, len(tags) - 1, label) for label, first, _ in open_)
    return spans


def to_record(tagged: Tagged, annotator: str | None, notes: Counter[str], **extra: Any) -> Record:
    """Join a tagged document's tokens into text and turn token spans into character spans."""
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    tokens: list[tuple[int, int]] = []
    position = 0
    for number, sentence in enumerate(tagged.sentences):
        if number:
            pieces.append("\n")
            position += 1
        starts: list[int] = []
        for i, (token, _) in enumerate(sentence):
            if i:
                pieces.append(" ")
                position += 1
            starts.append(position)
            tokens.append((position, position + len(token)))
            pieces.append(token)
            position += len(token)
        where = f"{tagged.where} (sentence {number + 1})"
        for first, last, label in decode([tags for _, tags in sentence], where, notes):
            spans.append((starts[first], starts[last] + len(sentence[last][0]), label))
    text = "".join(pieces)
    unique = sorted({_without_marks(text, *span) for span in spans})
    return Record(
        text=text,
        where=tagged.where,
        spans=unique,
        duplicates=len(spans) - len(unique),
        annotator=annotator,
        done=True,
        answered=True,
        tokens=tokens,
        **extra,
    )


def _without_marks(text: str, start: int, end: int, label: str) -> tuple[int, int, str]:
    """A span of whole tokens without the direction marks at its ends (unless it is nothing
    but direction marks)."""
    first, last = start, end
    while first < last and text[first] in DIRECTION_MARKS:
        first += 1
    while last > first and text[last - 1] in DIRECTION_MARKS:
        last -= 1
    return (first, last, label) if first < last else (start, end, label)


def read_conll(path: Path, annotator: str | None, notes: Counter[str]) -> Iterator[Record]:
    """The documents of a CoNLL file: ``-DOCSTART-`` separates them, else each sentence is one."""
    sentences: list[tuple[int, list[tuple[str, list[str]]]]] = []  # (first line, tokens)
    docstarts: list[int] = []  # how many sentences came before each -DOCSTART-
    sentence: list[tuple[str, list[str]]] = []
    first = 0
    for number, line in enumerate(read_text_file(path).split("\n"), 1):
        fields = line.split()
        if not fields or fields[0] == DOCSTART:
            if sentence:
                sentences.append((first, sentence))
                sentence = []
            if fields:
                docstarts.append(len(sentences))
            continue
        if fields[0].startswith("#") and (
            len(fields) < 2 or not all(tag == "O" or TAG.match(tag) for tag in fields[1:])
        ):
            continue  # a comment ("# source: …"), not the token "#" with its tag
        if not sentence:
            first = number
        if len(fields) < 2:
            raise InputError(f"{path}:{number}: the token {fields[0]!r} has no tag")
        token = fields[0]
        for tag in fields[1:]:
            if tag != "O" and not TAG.match(tag):
                raise InputError(f"{path}:{number}: {tag!r} is not a BIO, BILOU or BIOES tag")
        sentence.append((token, fields[1:]))
    if sentence:
        sentences.append((first, sentence))
    if docstarts:
        bounds = sorted({0, *docstarts, len(sentences)})
        groups = [sentences[a:b] for a, b in itertools.pairwise(bounds) if b > a]
    else:
        groups = [[item] for item in sentences]
    for number, group in enumerate(groups, 1):
        tagged = Tagged(f"{path}:{group[0][0]}", [tokens for _, tokens in group])
        yield to_record(tagged, annotator, notes, doc_id=f"{path.stem}-{number}", source=path.name)


def read_hf(path: Path, annotator: str | None, notes: Counter[str]) -> Iterator[Record]:
    """Records of a Hugging Face token-classification file: ``tokens`` and string ``ner_tags``."""
    for where, obj in read_objects(path):
        if not isinstance(obj, dict):
            raise InputError(f"{where}: expected a JSON object, found {type(obj).__name__}")
        tokens, tags = obj.get("tokens"), obj.get("ner_tags")
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise InputError(f'{where}: "tokens" must be a list of strings')
        if not isinstance(tags, list) or len(tags) != len(tokens):
            raise InputError(f'{where}: "ner_tags" must be a list as long as "tokens"')
        if not all(isinstance(tag, str) for tag in tags):
            raise InputError(
                f'{where}: "ner_tags" are numbers; write them as tag names (B-ACTOR, O, …)'
            )
        for tag in tags:
            if tag != "O" and not TAG.match(tag):
                raise InputError(f"{where}: {tag!r} is not a BIO, BILOU or BIOES tag")
        named = obj.get("annotator", annotator)
        if named is not None and not isinstance(named, str):
            raise InputError(f"{where}: the annotator must be a string")
        if any(any(ch.isspace() for ch in token) for token in tokens):
            raise InputError(f"{where}: a token contains white space")
        tagged = Tagged(where, [[(token, [tag]) for token, tag in zip(tokens, tags, strict=True)]])
        doc_id = obj.get("id")
        yield to_record(
            tagged,
            named,
            notes,
            doc_id=None if doc_id is None else str(doc_id),
            source=path.name,
        )


def looks_like_conll(path: Path) -> bool:
    """Whether a ``.txt`` file is token-per-line tags rather than an article (for ``auto``)."""
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            lines = [line.split() for _, line in zip(range(200), handle, strict=False)]
    except OSError:
        return False
    rows = [fields for fields in lines if fields and fields[0] != DOCSTART]
    if len(rows) < 3:
        return False
    tags = [tag for fields in rows for tag in fields[1:]]
    return all(len(fields) >= 2 for fields in rows) and all(
        tag == "O" or TAG.match(tag) for tag in tags
    )


# --- writing ----------------------------------------------------------------------------------


@dataclass
class Conflict:
    """A span tags cannot hold: it shares a token with another, or crosses a line break."""

    doc_id: str
    annotator: str | None
    span: tuple[int, int, str, str]  # start, end, label, text
    other: tuple[int, int, str, str] | None = None

    def __str__(self) -> str:
        layer = f" ({self.annotator})" if self.annotator else ""
        a = self.span
        if self.other is None:
            return (
                f"{self.doc_id}{layer}: {a[2]} {a[3]!r} at {a[0]}–{a[1]} crosses a line break "
                "(CoNLL writes a sentence per line)"
            )
        b = self.other
        return (
            f"{self.doc_id}{layer}: {b[2]} {b[3]!r} at {b[0]}–{b[1]} overlaps "
            f"{a[2]} {a[3]!r} at {a[0]}–{a[1]}"
        )


@dataclass
class Tokens:
    """A document's tokens as the tag writers need them, made once for all of its layers."""

    index: TextIndex

    @property
    def text(self) -> str:
        value: str = self.index.text
        return value

    @property
    def tokens(self) -> list[tuple[int, int]]:
        value: list[tuple[int, int]] = self.index.tokens
        return value

    @property
    def starts(self) -> list[int]:
        value: list[int] = self.index.token_starts
        return value

    @property
    def ends(self) -> list[int]:
        value: list[int] = self.index.token_ends
        return value

    @cached_property
    def words(self) -> list[str]:
        return [self.text[start:end] for start, end in self.tokens]

    @cached_property
    def sentences(self) -> list[list[int]]:
        return sentences_of(self.text, self.tokens)

    @cached_property
    def line_starts(self) -> frozenset[int]:
        """Tokens that begin a sentence after the first."""
        return frozenset(sentence[0] for sentence in self.sentences[1:])


def encode(
    doc: Tokens,
    spans: Sequence[tuple[int, int, str]],
    doc_id: str,
    annotator: str | None,
    conflicts: list[Conflict],
    by_line: bool = False,
) -> tuple[list[str], int]:
    """BIO tags for the document's tokens and the count of spans widened to whole tokens.

    A span covers every token it touches. Spans that would share a token, or (``by_line``) run
    over the start of a line, which CoNLL writes as a sentence of its own, go to ``conflicts``
    (the first of two overlapping spans keeps the token), so the caller can refuse with the
    full list.
    """
    text, tokens = doc.text, doc.tokens
    line_starts = doc.line_starts if by_line else frozenset()
    tags = ["O"] * len(tokens)
    owner: list[tuple[int, int, str] | None] = [None] * len(tokens)
    starts, ends = doc.starts, doc.ends
    widened = 0
    for span in sorted(spans, key=lambda s: (s[0], -s[1], s[2])):
        start, end, label = span
        first = bisect_right(ends, start)
        last = bisect_left(starts, end) - 1
        if first > last:
            continue
        quoted = (start, end, label, text[start:end])
        if any(i in line_starts for i in range(first + 1, last + 1)):
            conflicts.append(Conflict(doc_id, annotator, quoted))
            continue
        clash = next((owner[i] for i in range(first, last + 1) if owner[i] is not None), None)
        if clash is not None:
            other = (*clash, text[clash[0] : clash[1]])
            conflicts.append(Conflict(doc_id, annotator, quoted, other))
            continue
        whole = tokens[first][0], tokens[last][1]
        if whole != (start, end) and doc.index.trim(*whole) != (start, end):
            widened += 1  # (not a span that leaves a token's direction marks out)
        for i in range(first, last + 1):
            tags[i] = ("B-" if i == first else "I-") + label
            owner[i] = span
    return tags, widened


def sentences_of(text: str, tokens: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Token indices grouped by line of the text: a CoNLL sentence per non-empty line."""
    groups: list[list[int]] = []
    line_end = -1
    for i, (start, _) in enumerate(tokens):
        if start > line_end:
            line_end = text.find("\n", start)
            if line_end < 0:
                line_end = len(text)
            groups.append([])
        groups[-1].append(i)
    return groups


def conll_block(doc: Tokens, tags: Sequence[str]) -> str:
    """One document in CoNLL: a ``-DOCSTART-`` line, then a sentence per line of the text."""
    lines = [f"{DOCSTART} O", ""]
    words = doc.words
    for sentence in doc.sentences:
        lines.extend(map("{} {}".format, words[sentence[0] : sentence[-1] + 1],
                         tags[sentence[0] : sentence[-1] + 1]))  # fmt: skip
        lines.append("")
    return "\n".join(lines) + "\n"


def hf_line(doc_id: str, annotator: str | None, doc: Tokens, tags: Sequence[str]) -> str:
    """One document as a Hugging Face token-classification record."""
    record: dict[str, Any] = {
        "id": doc_id,
        "tokens": doc.words,
        "ner_tags": list(tags),
    }
    if annotator is not None:
        record["annotator"] = annotator
    return json.dumps(record, ensure_ascii=False)
