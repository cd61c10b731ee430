"""Plain records passed between the store, the importers, the exporters and the GUI."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Origin(StrEnum):
    """Where a span came from."""

    MANUAL = "manual"
    SUGGESTED = "suggested"
    IMPORTED = "imported"
    REVIEW = "review"


class Status(StrEnum):
    """A document's state for one annotator; "to do" is the absence of a status row."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


IMPORTED_ANNOTATOR = "imported"
"""The layer that spans with no named annotator belong to."""

GOLD_ANNOTATOR = "@gold"
"""The reviewed layer; no annotator can take the name (see `store.check_annotator`)."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """What the document list shows: no text, so 100,000 of them load at once."""

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


@dataclass(frozen=True, slots=True)
class Span:
    """One labelled span of one annotator's layer, in code-point offsets (end exclusive)."""

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
        return cls(span_id or uuid.uuid4().hex, doc, annotator, start, end, label, str(origin),
                   stamp, stamp, None, reviewer, agreed)  # fmt: skip

    @property
    def key(self) -> tuple[int, int, str]:
        """What makes two spans of one layer the same: offsets and label."""
        return (self.start, self.end, self.label)
