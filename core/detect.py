"""Telling a file's format by its content (for ``--format auto``), and naming the formats of
other tools that Alama does not read, so that a refusal says what the file is.

Only the start of a file is looked at. JSON is left to the importers that read it (JSONL,
doccano, Hugging Face, Label Studio), which look at its keys.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TextIO

READ = (
    "WebAnno TSV 3, CoNLL-U, CoNLL/BIO, JSONL (Prodigy, spaCy), doccano, Hugging Face, brat "
    "and Label Studio files, and .txt articles"
)
"""What Alama reads, as a refusal names it."""
HEAD = 1 << 16
"""Bytes looked at."""
_CONLLU_ID = re.compile(r"^(?:[1-9]\d*|[1-9]\d*-[1-9]\d*|\d+\.[1-9]\d*)$")
_SUFFIXES = {
    ".spacy": "spaCy's binary DocBin (.spacy); write it out with spaCy as JSONL",
    ".xmi": "UIMA CAS XMI (INCEpTION's XMI export)",
    ".conf": "a brat configuration file (import the brat folder it belongs to)",
    ".ser": "INCEpTION's serialized CAS (.ser)",
}


def content_format(path: Path) -> str | None:
    """``webanno`` or ``conllu`` when the content says so, ``""`` for a format Alama does not
    read (see `not_read`), None when the content does not tell (the name decides)."""
    if not_read(path) is not None:
        return ""
    lines = _first_lines(path)
    if lines and lines[0].startswith("#FORMAT=WebAnno TSV"):
        return "webanno"
    if _looks_like_conllu(lines):
        return "conllu"
    return None


def not_read(path: Path) -> str | None:
    """A one-line refusal naming the format of a file Alama does not read, if it knows it."""
    kind = _SUFFIXES.get(path.suffix.lower()) or _kind_of(path)
    if kind is None:
        return None
    return f"{path}: this looks like {kind}; Alama reads {READ}"


def _kind_of(path: Path) -> str | None:
    head = _head(path)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 text: the reader asks for UTF-8
    if head.startswith(b"PK\x03\x04"):
        return (
            "a ZIP archive (an INCEpTION project export or UIMA CAS zip?); unzip it and import "
            "its annotation/DOCUMENT/USER.tsv files, exported as WebAnno TSV 3.3"
        )
    if head.startswith((b"\x1f\x8b", b"x\x9c", b"x\xda")):
        return "a compressed file (gzip or zlib: spaCy's DocBin?)"
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("<"):
        if "xmi:XMI" in text or "http://www.omg.org/XMI" in text:
            return "UIMA CAS XMI (INCEpTION's XMI export)"
        if "<TEI" in text:
            return "TEI XML"
        return "XML"
    if text.startswith("{") and ('"%FEATURE_STRUCTURES"' in text or '"%TYPES"' in text):
        return "UIMA CAS JSON (INCEpTION's JSON export)"
    if text.startswith("{") and '"mode"' in text and '"source_documents"' in text:
        return (
            "INCEpTION's project description (exportedproject.json): import the project "
            "export's annotation/DOCUMENT/USER.tsv files, exported as WebAnno TSV 3.3"
        )
    lines = _first_lines(path)
    first = lines[0] if lines else ""
    if first.startswith("#FORMAT=WebAnno TSV") and not first.startswith("#FORMAT=WebAnno TSV 3"):
        return None  # the WebAnno reader names the version
    if first.startswith("#begin document"):
        return "CoNLL-2012 / OntoNotes (#begin document)"
    if first in ("[entities]", "[relations]", "[events]", "[attributes]"):
        return "a brat configuration file (import the brat folder it belongs to)"
    if looks_like_old_webanno(lines):
        return "WebAnno TSV 1 or 2 (export it from INCEpTION or WebAnno as WebAnno TSV 3.3)"
    return None


def looks_like_old_webanno(lines: list[str]) -> bool:
    """WebAnno TSV 1 or 2: a header of `` # LAYER | feature`` columns, ``#id=`` and ``#text=``."""
    head = lines[:4]
    return any(line.startswith("#text=") for line in head) and any(
        line.startswith("#id=") or line.lstrip().startswith("# de.tudarmstadt") for line in head
    )


def _looks_like_conllu(lines: list[str]) -> bool:
    """A ``# text =`` or ``# sent_id =`` comment, or a first word line of tab-separated columns
    (ten of them, mostly) starting with a CoNLL-U ID; the reader names a line that is not."""
    if any(re.match(r"# ?(text|sent_id) ?=", line) for line in lines):
        return True
    words = [line for line in lines if line.strip() and not line.startswith("#")]
    if not words:
        return False
    fields = words[0].split("\t")
    return len(fields) >= 8 and _CONLLU_ID.match(fields[0]) is not None


_IN_STRING = re.compile(r'(?:[^"\\]|\\.)*', re.DOTALL)
"""The rest of a JSON string's characters, up to its closing quote (or a last backslash)."""
LONGEST = 1 << 26
"""Characters read at most to find the end of a long text (64 Mi)."""


_LABEL_STUDIO = re.compile(
    r'"(annotations|predictions|drafts)"\s*:\s*\[|^\s*\[?\s*\{\s*"data"\s*:\s*\{|"annotation_id"\s*:'
)


def looks_like_labelstudio(path: Path) -> bool:
    """Whether a JSON file reads as Label Studio tasks (by its first 64 KiB, and the 64 KiB
    after a text they end inside: JSON-MIN writes a task's data before its other keys)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.read(HEAD).lstrip("\ufeff \t\r\n")
            if head[:1] not in ("[", "{"):
                return False
            return bool(
                _LABEL_STUDIO.search(head) or _LABEL_STUDIO.search(past_string(handle, head))
            )
    except OSError:
        return False


def past_string(handle: TextIO, head: str) -> str:
    """The next 64 Ki characters after the JSON string that ``head`` ends inside (read on from
    ``handle``, which gave ``head``); empty when ``head`` ends outside a string or the string
    goes on for more than `LONGEST` characters."""
    at, skip = 0, False
    while True:  # outside a string: find the next one and its end
        quote = head.find('"', at)
        if quote == -1:
            return ""
        at = _IN_STRING.match(head, quote + 1).end()  # type: ignore[union-attr]
        if at == len(head) or head[at] == "\\":
            skip = at < len(head)  # a backslash the next character goes with
            break
        at += 1
    for _ in range(LONGEST // HEAD):
        chunk = handle.read(HEAD)
        if not chunk:
            return ""
        at = _IN_STRING.match(chunk, 1 if skip else 0).end()  # type: ignore[union-attr]
        if at < len(chunk) and chunk[at] == '"':
            return chunk[at + 1 :] + handle.read(HEAD)
        skip = at < len(chunk)
    return ""


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD)
    except OSError:
        return b""


def _first_lines(path: Path) -> list[str]:
    """The first whole lines of a file (decoded leniently: only their shape is looked at)."""
    head = _head(path)
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = [line.rstrip("\r") for line in text.split("\n")]
    return lines[:-1] if len(head) == HEAD else lines
