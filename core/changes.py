"""What an edit changed, so that each view re-reads only its own part.

An edit (`alama.core.editing`) returns a `Changes` for the one document and the one layer it
wrote: the spans it made live (new, restored or changed, in their form after the edit), the
ids of the spans it took out, the layer's status after it, whether the document's review
(gold spans, rejections, finished layers) changed, and the span and place it leaves chosen.
A view updates its list of spans from ``spans`` and ``removed`` without asking the store
again, repaints a status dot from ``status``, and computes the review again only when
``candidates`` says so. Relations come the same way: ``relations`` (live now) and
``relations_removed`` (ids); suggestions will add their own fields here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # core.model imports nothing of ours: no cycle, but keep this module light
    from alama.core.model import Relation, Span, Status


@dataclass(frozen=True)
class Changes:
    """What one edit (or one undo of it) did to one document of one layer."""

    doc: int
    layer: str
    spans: tuple[Span, ...] = ()
    """Spans now live in the layer: added, restored or changed (as they now are)."""
    removed: tuple[str, ...] = ()
    """Ids of spans no longer live in the layer."""
    status: Status | None = None
    """The layer's status of the document after the edit."""
    candidates: bool = False
    """Whether the document's review changed: gold spans, rejections or finished layers."""
    current: Span | None = None
    """The span the edit leaves chosen (None: no span chosen)."""
    spot: int | None = None
    """The offset to bring into view (None: nothing to scroll to)."""
    key: tuple[int, int, str] | None = None
    """The span (offsets and label) the edit was about, also when none is left chosen: review
    mode keeps that candidate chosen after a rejection or an undone accept."""
    relations: tuple[Relation, ...] = ()
    """Relations now live in the layer: added, restored or changed (as they now are)."""
    relations_removed: tuple[str, ...] = ()
    """Ids of relations no longer live in the layer (deleted, or gone with their span)."""
    suggestions: bool = False
    """Whether the document's pending suggestions changed (one rejected, or its rejection
    taken back): spans added or removed change them too, without this."""

    def then(self, later: Changes) -> Changes:
        """These changes followed by ``later`` ones on the same document and layer, as one."""
        if (later.doc, later.layer) != (self.doc, self.layer):
            raise ValueError("changes of different documents or layers do not combine")
        later_ids = {span.id for span in later.spans}
        gone = set(later.removed)
        later_relations = {relation.id for relation in later.relations}
        gone_relations = set(later.relations_removed)
        return Changes(
            self.doc,
            self.layer,
            spans=tuple(s for s in self.spans if s.id not in later_ids and s.id not in gone)
            + later.spans,
            removed=tuple(i for i in self.removed if i not in later_ids and i not in gone)
            + later.removed,
            status=later.status if later.status is not None else self.status,
            candidates=self.candidates or later.candidates,
            suggestions=self.suggestions or later.suggestions,
            current=later.current,
            spot=later.spot if later.spot is not None else self.spot,
            key=later.key if later.key is not None else self.key,
            relations=tuple(
                r for r in self.relations
                if r.id not in later_relations and r.id not in gone_relations
            ) + later.relations,
            relations_removed=tuple(
                i for i in self.relations_removed
                if i not in later_relations and i not in gone_relations
            ) + later.relations_removed,
        )  # fmt: skip

    def applied_to(self, spans: list[Span]) -> list[Span]:
        """A layer's list of live spans after these changes (in the order of the list, new
        spans at the end)."""
        replaced = {span.id: span for span in self.spans}
        gone = set(self.removed)
        kept = [replaced.pop(s.id, s) for s in spans if s.id not in gone]
        return kept + list(replaced.values())

    def relations_applied_to(self, relations: list[Relation]) -> list[Relation]:
        """A layer's list of live relations after these changes (new ones at the end)."""
        replaced = {relation.id: relation for relation in self.relations}
        gone = set(self.relations_removed)
        kept = [replaced.pop(r.id, r) for r in relations if r.id not in gone]
        return kept + list(replaced.values())
