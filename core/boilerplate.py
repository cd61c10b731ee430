"""Finding a scraped article's boilerplate: what a site repeats, and what every site writes.

Two kinds of evidence, both read on the matching copy of each line (`suggest_text`: no
diacritics or tatweel, hamza, alef and teh marbuta folded, Latin lower-cased), so that a line a
site writes with and without its diacritics is one line:

- lines that repeat across many documents of one source: the ``source`` of the document (its
  meta's, when it is a site's name and not a file's), else the site name after " - " or " | "
  at the end of its first line. What each source repeats is the rule learnt for it (`Rules`);
- known patterns: a related-articles list after "مقالات ذات صلة" or "اقرأ أيضا", a comment form
  ("اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني"), a share block ("Share This Post",
  "شارك على"), the title repeated as the first paragraph (with the site name after it in the
  first line), and a paragraph the scraper wrote twice.

A region covers whole lines and the line breaks after them. Nothing here writes: `detect`
returns what it found, and `alama.core.store` keeps it beside the text, never changing it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from alama.core.model import Document
from alama.core.suggest_text import match_key, match_text

MIN_DOCUMENTS = 3
"""A line is a source's boilerplate when at least this many of its documents have it…"""
MIN_SHARE = 0.05
"""…and at least this share of them."""
SHORT_WORDS = 15
"""A line of at most this many words can belong to a list or form after its heading."""
_SEPARATORS = re.compile(r"\s+[-|–—]\s+")
_FILE = re.compile(r"(\.[A-Za-z0-9]{1,8}|:\d+)$")
_EDGES = re.compile(r"^[\W\d_]+|[\W_]+$")

RELATED = ("مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "أخبار ذات صلة",
           "مواضيع ذات صلة", "قد يهمك أيضا", "المزيد من الأخبار", "related posts",
           "related articles", "you may also like", "read more")  # fmt: skip
ALONE = ("featured posts", "top", "back to top", "الرئيسية", "عاجل")
"""Lines set aside by themselves (a menu's or a button's), the lines after them kept."""
COMMENTS = ("اترك تعليقاً", "اترك تعليقا", "أضف تعليق", "إرسال تعليق", "التعليقات",
            "تعليقات فيسبوك", "تعليقات بلوجر", "لن يتم نشر عنوان بريدك الإلكتروني",
            "الحقول الإلزامية مشار إليها", "leave a reply", "submit a comment", "post a comment",
            "your email address will not be published")  # fmt: skip
SHARE = ("share this post", "share this", "share on", "شارك على", "شارك هذا المقال", "مشاركة",
         "pin it on pinterest", "انشر على", "شارك الخبر", "tweet")  # fmt: skip


@dataclass
class Line:
    """One line of a document: its stored offsets (without the line break) and matching key."""

    start: int
    end: int
    key: str
    words: int = 0


@dataclass
class Detection:
    """What `detect` found: regions per document, and the lines each source repeats."""

    regions: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    rules: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    """Per source, each repeated line (as one of its documents writes it) and in how many."""
    documents: dict[str, int] = field(default_factory=dict)
    """How many documents each source has."""


def site_of(doc: Document) -> str:
    """The source a document is counted under (see the module's docstring); "" if none."""
    for value in (doc.meta.get("source"), doc.meta.get("site"), doc.source):
        if isinstance(value, str) and value.strip() and not _FILE.search(value.strip()):
            return value.strip()
    suffix = title_suffix(doc.title or first_line(doc.text))
    return suffix[1] if suffix else ""


def first_line(text: str) -> str:
    """The first line with a letter in it."""
    return next((line for line in text.split("\n") if line.strip()), "")


def title_suffix(line: str) -> tuple[int, str] | None:
    """Where a site name after " - " (or " | ", " – ") at the end of a line starts, and the
    name; None when the line has none (a name is one to six words, the headline three or more)."""
    found = list(_SEPARATORS.finditer(line))
    if not found:
        return None
    last = found[-1]
    name = line[last.end() :].strip()
    if not name or len(name.split()) > 6 or len(line[: last.start()].split()) < 3:
        return None
    return last.start(), name


def lines_of(text: str) -> list[Line]:
    """Every line of a text with its matching key (blank lines have an empty key)."""
    copy = match_text(text).text.split("\n")
    pieces = text.split("\n")
    if len(copy) != len(pieces):  # (never for the folding used, but a key each then)
        copy = [match_key(piece) for piece in pieces]
    lines: list[Line] = []
    at = 0
    for piece, key in zip(pieces, copy, strict=True):
        key = _EDGES.sub("", key.strip())
        lines.append(Line(at, at + len(piece), key, key.count(" ") + 1 if key else 0))
        at += len(piece) + 1
    return lines


@cache
def _patterns() -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """The known phrases as matching keys: by their first word, and the long ones (four words
    or more, looked for anywhere in a line)."""
    by_first: dict[str, list[tuple[str, str]]] = {}
    long: list[tuple[str, str]] = []
    for kind, phrases in (("related_articles", RELATED), ("comments", COMMENTS),
                          ("share", SHARE)):  # fmt: skip
        for phrase in phrases:
            key = _EDGES.sub("", match_key(phrase))
            by_first.setdefault(key.split(" ", 1)[0], []).append((kind, key))
            if len(key.split()) >= 4:
                long.append((kind, key))
    return by_first, long


def pattern_kind(line: Line) -> str | None:
    """The known block a line starts (a heading, a form's line, a share button), if any."""
    if not line.key:
        return None
    by_first, long = _patterns()
    for kind, phrase in by_first.get(line.key.split(" ", 1)[0], ()):
        if line.key == phrase or (line.words <= 12 and line.key.startswith(phrase + " ")):
            return kind
    for kind, phrase in long:
        if phrase in line.key:
            return kind
    return None


def known_regions(lines: list[Line]) -> Iterator[tuple[int, str]]:
    """(line number, kind) of every line a known pattern sets aside: the title repeated, a
    paragraph written twice, and the blocks a heading starts with the short lines after it."""
    seen: set[str] = set()
    nonblank = [i for i, line in enumerate(lines) if line.key]
    title = lines[nonblank[0]].key if nonblank else ""
    suffix = title_suffix(title)
    titles = {title, _EDGES.sub("", title[: suffix[0]]) if suffix else title}
    for i in nonblank[1:6]:
        if lines[i].key in titles:
            yield i, "title_repeat"
            break
    block: str | None = None
    alone = {match_key(phrase) for phrase in ALONE}
    for i, line in enumerate(lines):
        if not line.key:
            continue
        if line.key in alone:
            yield i, "site_menu"
            continue
        kind = pattern_kind(line)
        if kind is not None:
            block = kind
        elif block is not None and line.words > SHORT_WORDS:
            block = None
        if block is not None:
            yield i, block
        elif line.words >= 8 and line.key in seen:
            yield i, "repeated_paragraph"
        seen.add(line.key)


def _title_site(doc: Document, lines: list[Line]) -> tuple[int, int] | None:
    """The site name after the headline in the first line, when the headline comes again as
    the first paragraph (the page's title as scraped)."""
    nonblank = [line for line in lines if line.key]
    if len(nonblank) < 2:
        return None
    first = nonblank[0]
    suffix = title_suffix(doc.text[first.start : first.end])
    if suffix is None:
        return None
    headline = match_key(doc.text[first.start : first.start + suffix[0]])
    if not any(_EDGES.sub("", headline) == line.key for line in nonblank[1:6]):
        return None
    return first.start + suffix[0], first.end


def detect(docs: Iterable[Document], min_documents: int = MIN_DOCUMENTS,
           min_share: float = MIN_SHARE) -> Detection:  # fmt: skip
    """Find the boilerplate of every document (see the module's docstring)."""
    found = Detection()
    read: list[tuple[Document, str, list[Line]]] = []
    counts: dict[str, Counter[str]] = {}
    for doc in docs:
        site = site_of(doc)
        lines = lines_of(doc.text)
        read.append((doc, site, lines))
        found.documents[site] = found.documents.get(site, 0) + 1
        counts.setdefault(site, Counter()).update({line.key for line in lines if line.key})
    repeated: dict[str, set[str]] = {}
    for site, counter in counts.items():
        least = max(min_documents, min_share * found.documents[site])
        repeated[site] = {key for key, count in counter.items() if count >= least}
    examples: dict[str, dict[str, str]] = {}
    for doc, site, lines in read:
        kinds: dict[int, str] = dict(known_regions(lines))
        for i, line in enumerate(lines):
            if line.key in repeated[site] and i not in kinds:
                kinds[i] = "repeated_line"
                examples.setdefault(site, {}).setdefault(
                    line.key, doc.text[line.start : line.end].strip()
                )
        regions = _line_regions(doc.text, lines, kinds)
        if "title_repeat" in kinds.values():
            site_name = _title_site(doc, lines)
            if site_name is not None:
                regions.insert(0, (*site_name, "site_name"))
        if regions:
            found.regions[doc.id] = regions
    for site, shown in examples.items():
        found.rules[site] = sorted(
            ((text, counts[site][key]) for key, text in shown.items()), key=lambda r: -r[1]
        )
    return found


def _line_regions(
    text: str, lines: list[Line], kinds: dict[int, str]
) -> list[tuple[int, int, str]]:
    """Lines set aside as regions: each from its start over the line breaks and blank lines
    after it, lines in a row of one kind joined."""
    regions: list[tuple[int, int, str]] = []
    for i in sorted(kinds):
        line, kind = lines[i], kinds[i]
        end = line.end
        j = i + 1
        while j < len(lines) and not lines[j].key and j not in kinds:
            j += 1
        end = lines[j].start if j < len(lines) else len(text)
        if line.start == end:
            continue
        if regions and regions[-1][2] == kind and regions[-1][1] == line.start:
            regions[-1] = (regions[-1][0], end, kind)
        else:
            regions.append((line.start, end, kind))
    return regions
