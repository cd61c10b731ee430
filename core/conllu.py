"""CoNLL-U (Universal Dependencies): the real text rebuilt, its tokens, and named entities.

A sentence is comment lines (``# sent_id``, ``# text =``, ``# newdoc``, ``# newpar``) and a
line of ten tab-separated columns per word. A multiword token (``1-2``) is one token of the
text: its surface form is on the range line and its words are not tokens; empty nodes (``1.1``)
are not text at all. The text is the tokens joined by a space, or by nothing after
``SpaceAfter=No`` (``SpacesAfter=`` as written), and ``# text =`` is taken when the tokens are
found in it in order. ``# newdoc`` starts a document (without any, each sentence is one);
sentences are lines of the document, a ``# newpar`` a blank line between them.

A CoNLL-U Plus file names its columns in ``# global.columns`` (ID, FORM and MISC are found by
name, and a column named NER or NE, with any ``NAMESPACE:`` before it, holds the tags).

Entities are BIO (or BIOES, BILOU) tags in MISC (``NE=``, ``NER=``, ``Entity=``, ``BIO=``) or the
whole of a column chosen by number; CorefUD's coreference brackets in ``Entity=`` (UD_English-GUM:
``(3-person-new…``, ``3)``) are counted, not read. A multiword token takes the first tag of
its range line or of its words.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from alama.core import conll
from alama.core.errors import InputError
from alama.core.json_files import read_text_file
from alama.core.jsonl import Record

MISC_KEYS = ("ne", "ner", "entity", "bio")
"""MISC keys read as entity tags (any case), first found first."""
_WORD = re.compile(r"^[1-9]\d*$")
_RANGE = re.compile(r"^([1-9]\d*)-([1-9]\d*)$")
_EMPTY = re.compile(r"^\d+\.[1-9]\d*$")
_COREF = re.compile(r"^\(|^[^()]+\)")
"""A CorefUD mention's bracket: ``(2-person-new…`` opens one, ``2)`` closes it."""
_SPACES = {"s": " ", "t": "\t", "n": "\n", "r": "\r", "p": "|", "\\": "\\"}
TEXT_USED = "CoNLL-U sentence spaced as its '# text =' says, where SpaceAfter says otherwise"
NOT_IN_TEXT = "CoNLL-U sentence whose '# text =' does not hold its tokens (text from the tokens)"
COREF = "CoNLL-U Entity= value in CorefUD's brackets (coreference, not read as a tag)"
SPLIT_TAGS = "CoNLL-U multiword token with two entities inside (read as the first)"


@dataclass
class Columns:
    """Where a word line's ID, FORM, MISC and tags are, and how many columns it has."""

    ident: int = 0
    form: int = 1
    misc: int | None = 9
    tags: int | None = None
    count: int = 10


def _columns(value: str, where: str) -> Columns:
    """The columns ``# global.columns`` names (CoNLL-U Plus)."""
    names = [name.upper() for name in value.split()]
    if "ID" not in names or "FORM" not in names:
        raise InputError(f"{where}: '# global.columns' names no ID or FORM column")
    tags = [i for i, n in enumerate(names) if n.rsplit(":", 1)[-1] in ("NER", "NE")]
    misc = names.index("MISC") if "MISC" in names else None
    return Columns(names.index("ID"), names.index("FORM"), misc, tags[0] if tags else None,
                   len(names))  # fmt: skip


@dataclass
class Token:
    """A token of the text: its form, what follows it, its tag and where it is."""

    form: str
    after: str
    tag: str
    line: int


@dataclass
class Sentence:
    """One sentence: its tokens, ``# text =`` (if any), and whether a paragraph starts here."""

    tokens: list[Token] = field(default_factory=list)
    text: str | None = None
    text_line: int = 0
    new_paragraph: bool = False


def read_conllu(
    path: Path, annotator: str | None, notes: Counter[str], column: int | None = None
) -> Iterator[Record]:
    """The documents of a CoNLL-U file; ``column`` (1 to 10) holds the tags instead of MISC."""
    if column is not None and not 1 <= column <= 10:
        raise InputError(f"the CoNLL-U tag column is a number from 1 to 10, not {column}")
    documents: list[Document] = []
    newdoc = False  # whether the file has said where documents start
    sentence = Sentence()
    words_left = 0  # words of a multiword token still to come
    columns = Columns()
    for number, raw in enumerate(read_text_file(path).split("\n"), 1):
        line = raw.rstrip("\r")
        where = f"{path}:{number}"
        if not line.strip():
            if sentence.tokens:
                if not newdoc:
                    documents.append(Document(None, sentence.tokens[0].line))
                documents[-1].sentences.append(sentence)
            sentence, words_left = Sentence(), 0
            continue
        if line.startswith("#"):
            key, equals, value = line[1:].partition("=")
            key = key.strip()
            if key.startswith("newdoc"):
                name = value.strip() or None
                if not (newdoc and name and documents[-1].name == name):  # PUD repeats its id
                    documents.append(Document(name, number))
                newdoc = True
            elif key.startswith("newpar"):
                sentence.new_paragraph = True
            elif key == "global.columns" and equals:
                columns = _columns(value, where)
            elif key == "text" and equals:
                sentence.text, sentence.text_line = value.strip(), number
            continue
        fields = line.split("\t")
        if len(fields) != columns.count:
            raise InputError(
                f"{where}: a CoNLL-U word line has {columns.count} tab-separated columns, this one "
                f"{len(fields)}"
            )
        ident, misc = fields[columns.ident], "_" if columns.misc is None else fields[columns.misc]
        tag = _tag(fields, column, columns.tags, misc, where, notes)
        multiword = _RANGE.match(ident)
        if multiword is not None:
            words_left = int(multiword.group(2)) - int(multiword.group(1)) + 1
        elif _WORD.match(ident) and words_left:
            words_left -= 1
            _inner_tag(sentence.tokens[-1], tag, notes)
            continue
        elif not _WORD.match(ident):
            if _EMPTY.match(ident):
                continue
            raise InputError(f"{where}: {ident!r} is not a CoNLL-U word ID (1, 1-2 or 1.1)")
        sentence.tokens.append(Token(fields[columns.form], _after(misc), tag, number))
    if sentence.tokens:
        if not newdoc:
            documents.append(Document(None, sentence.tokens[0].line))
        documents[-1].sentences.append(sentence)
    tagged = any(t.tag != "O" for d in documents for s in d.sentences for t in s.tokens)
    for index, document in enumerate(documents, 1):
        if document.sentences:
            name = document.name or f"{path.stem}-{index}"
            yield _record(path, name, document, annotator, tagged, notes)


@dataclass
class Document:
    """A document being read: its ``# newdoc id`` (if any), first line and sentences."""

    name: str | None
    first: int
    sentences: list[Sentence] = field(default_factory=list)


def _inner_tag(token: Token, tag: str, notes: Counter[str]) -> None:
    """A multiword token takes the first tag of its words unless its range line has one."""
    if token.tag == "O":
        token.tag = tag
    elif tag != "O" and tag[2:] != token.tag[2:]:
        notes[SPLIT_TAGS] += 1


def _tag(
    fields: list[str], column: int | None, tags: int | None, misc: str, where: str,
    notes: Counter[str],
) -> str:  # fmt: skip
    """The entity tag of a word line ("O" when it has none): in the column chosen, else in the
    file's NER column, else in MISC."""
    tag = "O"
    if column is not None or tags is not None:
        found = fields[column - 1 if column is not None else tags]  # type: ignore[index]
        tag = "O" if found in ("_", "*") else found
    else:
        for item in misc.split("|"):
            key, sep, value = item.partition("=")
            if sep and key.lower() in MISC_KEYS:
                if key.lower() == "entity" and _COREF.search(value):
                    notes[COREF] += 1
                    continue
                tag = value
                break
    if tag != "O" and not conll.TAG.match(tag):
        raise InputError(f"{where}: {tag!r} is not a BIO, BILOU or BIOES tag")
    return tag


def _after(misc: str) -> str:
    """What follows a token in the text, by its MISC column: a space unless told otherwise."""
    for item in misc.split("|"):
        if item == "SpaceAfter=No":
            return ""
        if item.startswith("SpacesAfter="):
            return re.sub(r"\\(.)", lambda m: _SPACES.get(m.group(1), m.group(0)), item[12:])
    return " "


def _record(
    path: Path,
    name: str,
    document: Document,
    annotator: str | None,
    tagged: bool,
    notes: Counter[str],
) -> Record:
    pieces: list[str] = []
    tokens: list[tuple[int, int]] = []
    spans: list[tuple[int, int, str]] = []
    length = 0
    where = f"{path}:{document.first}"
    for number, sentence in enumerate(document.sentences):
        if number:
            gap = "\n\n" if sentence.new_paragraph else "\n"
            pieces.append(gap)
            length += len(gap)
        text, starts = _sentence_text(sentence, notes)
        pieces.append(text)
        first = len(tokens)
        tokens.extend(
            (length + start, length + start + len(token.form))
            for start, token in zip(starts, sentence.tokens, strict=True)
        )
        tags = [[token.tag] for token in sentence.tokens]
        for head, last, label in conll.decode(tags, where, notes):
            spans.append((tokens[first + head][0], tokens[first + last][1], label))
        length += len(text)
    return Record(
        text="".join(pieces),
        where=where,
        spans=sorted(set(spans)),
        annotator=annotator,
        done=True,
        answered=tagged,
        doc_id=name,
        source=path.name,
        tokens=tokens,
    )


def _sentence_text(sentence: Sentence, notes: Counter[str]) -> tuple[str, list[int]]:
    """The sentence's text and where each token starts in it: ``# text =`` when it holds the
    tokens in order with only white space between them, else the tokens and what ``SpaceAfter``
    puts after them."""
    starts: list[int] = []
    length = 0
    for token in sentence.tokens:
        starts.append(length)
        length += len(token.form) + len(token.after)
    rebuilt = "".join(token.form + token.after for token in sentence.tokens[:-1])
    rebuilt += sentence.tokens[-1].form
    if sentence.text is None or sentence.text == rebuilt:
        return rebuilt, starts
    found = _find_tokens(sentence.text, sentence.tokens)
    if found is None:
        notes[NOT_IN_TEXT] += 1
        return rebuilt, starts
    notes[TEXT_USED] += 1
    return sentence.text, found


def _find_tokens(text: str, tokens: list[Token]) -> list[int] | None:
    """Where each token starts in ``text``, if it holds them in order with only white space
    around them."""
    starts: list[int] = []
    position = 0
    for token in tokens:
        while position < len(text) and text[position].isspace():
            if text.startswith(token.form, position):
                break
            position += 1
        if not text.startswith(token.form, position):
            return None
        starts.append(position)
        position += len(token.form)
    return starts if not text[position:].strip() else None
