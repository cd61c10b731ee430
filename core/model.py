"""Plain records passed between the store, the importers, the exporters and the GUI."""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Origin(StrEnum):
    """Where a span came from."""

    MANUAL = "manual"
    SUGGESTED = "suggested"
    IMPORTED = "imported"
    REVIEW = "review"


SUGGESTED = f"{Origin.SUGGESTED.value}:"
"""How an accepted suggestion's origin starts; the source's name follows (``suggested:match``)."""


def suggested_origin(source: str) -> str:
    """The origin of a span accepted from a suggestion of ``source``."""
    return f"{SUGGESTED}{source}"


def is_suggested(origin: str) -> bool:
    """Whether a span with this origin was an accepted suggestion."""
    return origin == Origin.SUGGESTED or origin.startswith(SUGGESTED)


def origin_source(origin: str) -> str | None:
    """The source of an accepted suggestion's origin (None: not a suggestion, or unnamed)."""
    return origin[len(SUGGESTED) :] or None if origin.startswith(SUGGESTED) else None


class Status(StrEnum):
    """A document's state for one annotator; "to do" is the absence of a status row."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


IMPORTED_ANNOTATOR = "imported"
"""The layer that spans with no named annotator belong to."""

GOLD_ANNOTATOR = "@gold"
"""The reviewed layer; no annotator can take the name (see `store.check_annotator`)."""


class _SpanIds:
    """New span ids: 32 hex digits, as unique across project copies as a random UUID.

    Each process takes the time it started (12 digits of milliseconds) and 8 random digits, and
    counts from there (12 digits). Ids made one after another are then in order, so SQLite adds
    each to the end of its index instead of to a random page: half the time of random UUIDs
    when an import writes 600,000 spans. Two copies of a project made by different processes
    differ in the time or in 32 random bits.
    """

    def __init__(self) -> None:
        self._prefix = f"{time.time_ns() // 1_000_000:012x}{secrets.token_hex(4)}"
        self._next = 0
        self._lock = threading.Lock()

    def __call__(self) -> str:
        return next(self.take(1))

    def take(self, count: int) -> Iterator[str]:
        """``count`` new ids (a writer may leave some unused)."""
        with self._lock:
            first, self._next = self._next, self._next + count
        return map(f"{self._prefix}{{:012x}}".format, range(first, first + count))


new_span_id = _SpanIds()


@dataclass(frozen=True, slots=True)
class NewDocument:
    """A document to add: its cleaned text and where it came from."""

    text: str
    source: str = ""
    doc_id: str | None = None
    title: str | None = None
    meta: dict[str, Any] | None = None
    tokens: list[tuple[int, int]] | None = None
    """The tokens it came with ((start, end) code-point offsets), or None: camel-tools'."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document without its text: what `Store.documents` lists."""

    id: int
    doc_id: str
    title: str
    position: int


@dataclass(frozen=True, slots=True)
class Document:
    """A stored article: its verbatim text and where it came from."""

    id: int
    doc_id: str
    title: str
    text: str
    hash: str
    source: str
    position: int
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, unsafe_hash=True)
class Span:
    """One labelled span of one annotator's layer, in code-point offsets (end exclusive).

    A span is never changed after it is made (`dataclasses.replace` makes another). It is not
    declared frozen because a frozen dataclass takes four times as long to build, and an export
    or an agreement report builds one for each of 600,000 stored spans.
    """

    id: str
    doc: int
    annotator: str
    start: int
    end: int
    label: str
    origin: str = Origin.MANUAL
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    reviewer: str | None = None
    """For a gold span: who last reviewed it."""
    agreed: tuple[str, ...] = ()
    """For a gold span: the annotators whose layers have exactly this span."""

    @classmethod
    def new(cls, doc: int, annotator: str, start: int, end: int, label: str, origin: str,
            stamp: str, span_id: str | None = None, reviewer: str | None = None,
            agreed: tuple[str, ...] = ()) -> Span:  # fmt: skip
        """A span not yet stored: a fresh id (unless given), created and updated now."""
        return cls(span_id or new_span_id(), doc, annotator, start, end, label, str(origin),
                   stamp, stamp, None, reviewer, agreed)  # fmt: skip

    @property
    def key(self) -> tuple[int, int, str]:
        """What makes two spans of one layer the same: offsets and label."""
        return (self.start, self.end, self.label)


@dataclass(slots=True, unsafe_hash=True)
class Relation:
    """A link in one layer from a source span to a target span (a CLAIM to the ACTOR who made
    it), of a type of the label registry, with its attributes ({"stance": "denies"}) as sorted
    (key, value) pairs. Kept like a span: never changed in place, tombstoned when deleted."""

    id: str
    doc: int
    annotator: str
    source: str
    target: str
    type: str
    attributes: tuple[tuple[str, str], ...] = ()
    origin: str = Origin.MANUAL
    created_at: str = ""
    updated_at: str = ""
    deleted_at: str | None = None
    reviewer: str | None = None
    agreed: tuple[str, ...] = ()

    @property
    def attrs(self) -> dict[str, str]:
        """The attributes as a dict."""
        return dict(self.attributes)

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two relations of one layer the same: their spans and type."""
        return (self.source, self.target, self.type)
