"""One person's session on an open project: the edits they make, each undoable.

An annotator edits their own layer; in review mode the same person edits the gold layer as its
reviewer. The edits are core objects (`alama.core.editing`): the session builds them from what
the window knows (a selection, the chosen span or candidate) and puts each in the undo history
(`alama.gui.history`, which also keeps them while another program holds the file), which
announces the `Changes` each one (or its undo) made, so every view updates only what changed.
Switching between annotating and reviewing changes the layer new edits go to; the undo history
stays, since every edit knows its own layer.
"""

from __future__ import annotations

from collections import OrderedDict
from contextlib import suppress

from PySide6.QtCore import Signal

from alama.core.changes import Changes
from alama.core.editing import (
    AcceptSpan,
    AddSpan,
    Batch,
    ChangeSpan,
    DeleteSpan,
    Edit,
    RejectSpan,
    SetStatus,
    accept_agreed,
)
from alama.core.errors import InputError, ProjectBusy
from alama.core.model import GOLD_ANNOTATOR, Relation, Span, Status
from alama.core.relation_edits import AddRelation, DeleteRelation, SetRelationAttributes
from alama.core.relation_review import (
    AcceptRelation,
    RejectRelation,
    RelationKey,
    relation_candidates,
)
from alama.core.review import DocumentReview, Key, document_review
from alama.core.store import Store, check_annotator
from alama.core.text import TextIndex
from alama.gui.history import EditCommand, History
from alama.gui.i18n import label_name, language

INDEX_CACHE = 32


class Session(History):
    """The open project, the person working on it, the layer their edits go to, and the undo
    history (kept across a switch between annotating and reviewing)."""

    modeChanged = Signal(bool)  # reviewing (True) or annotating

    def __init__(self, store: Store, annotator: str, reviewing: bool = False) -> None:
        super().__init__(store)
        self.annotator = check_annotator(annotator)
        if store.read_only_reason is None:
            with suppress(ProjectBusy):  # else registered with its first action saved
                store.ensure_annotator(self.annotator)
        self.reviewing = reviewing
        self._indexes: OrderedDict[int, TextIndex] = OrderedDict()
        self._labels = store.labels()
        self.agreed_links = 0  # links the last accept-agreed took

    @property
    def layer(self) -> str:
        """The layer new edits go to: the annotator's own, or gold in review mode."""
        return GOLD_ANNOTATOR if self.reviewing else self.annotator

    @property
    def reviewer(self) -> str | None:
        """The person's name as gold's reviewer in review mode, else None."""
        return self.annotator if self.reviewing else None

    def set_reviewing(self, reviewing: bool) -> None:
        """Annotate or review from now on; the undo history stays."""
        if reviewing != self.reviewing:
            self.reviewing = reviewing
            self.modeChanged.emit(reviewing)

    def index(self, doc: int) -> TextIndex:
        """The document's text with its tokens (the stored ones; camel-tools' for a document
        made before tokens were stored) and clusters, computed once and kept."""
        index = self._indexes.get(doc)
        if index is None:
            index = TextIndex(self.store.document(doc).text, self.store.document_tokens(doc))
            self._indexes[doc] = index
            if len(self._indexes) > INDEX_CACHE:
                self._indexes.popitem(last=False)
        else:
            self._indexes.move_to_end(doc)
        return index

    def name(self, label: str) -> str:
        """A label's name in the interface language, for the undo history ("Label Actor")."""
        return label_name(self._labels, label)

    def spans(self, doc: int) -> list[Span]:
        """The spans of the layer being edited (this annotator's, or gold) in a document."""
        return self.store.spans(doc, self.layer)

    def relations(self, doc: int) -> list[Relation]:
        """The links of the layer being edited in a document."""
        return self.store.relations(doc, self.layer)

    def review(self, doc: int) -> DocumentReview:
        """Every finished layer of the document, its candidates and the gold layer."""
        return document_review(self.store, doc)

    # --- building edits from what the window shows -----------------------------------------

    def add_span(self, doc: int, start: int, end: int, label: str, exact: bool) -> Span | None:
        """Snap a selection and label it (in review: put it into gold); an identical span
        already there is just chosen (announced as a change that leaves it current)."""
        if not self.accepts_actions():
            return None
        snapped = self.index(doc).snap(start, end, exact=exact)
        if snapped is None:
            return None
        if self.reviewing:
            return self.accept(doc, (*snapped, label))
        existing = self.store.find_span(doc, self.layer, (*snapped, label))
        if existing is not None:
            self.changed.emit(Changes(doc, self.layer, current=existing))
            return existing
        edit = AddSpan(doc, self.annotator, *snapped, label, force=exact)  # Alt: in boilerplate too
        self.push(edit)
        return edit.span

    def relabel(self, span: Span, label: str) -> None:
        """Give a span another label."""
        if self.accepts_actions() and self._own(span).label != label:
            self._change(span, span.start, span.end, label)

    def resize(self, span: Span, side: str, grow: bool, by_token: bool) -> None:
        """Grow or shrink one end of a span by a token or a character."""
        if not self.accepts_actions():
            return
        index = self.index(self._own(span).doc)
        move = index.grow if grow else index.shrink
        start, end = move(span.start, span.end, side, by_token)
        if (start, end) != (span.start, span.end) and start < end:
            self._change(span, start, end, span.label)

    def _change(self, span: Span, start: int, end: int, label: str) -> None:
        """Change a span; if the layer has that span already, the changed one goes (one span
        stays, not two alike) and the one already there is chosen."""
        twin = self.store.find_span(span.doc, self.layer, (start, end, label))
        if twin is None or twin.id == span.id:
            self.push(ChangeSpan(span, start, end, label, self.reviewer))
            return
        self.push(
            DeleteSpan(span, self.reviewer),
            self.tr("Change %1").replace("%1", self.name(span.label)),
        )
        self.changed.emit(Changes(span.doc, self.layer, current=twin))

    def delete(self, span: Span) -> None:
        """Delete a span (a tombstone stays on file); in review, the candidate is rejected too."""
        if not self.accepts_actions():
            return
        if self.reviewing:
            self.reject(span.doc, span.key)
        else:
            self.push(DeleteSpan(self._own(span)))

    def set_status(self, doc: int, status: Status) -> None:
        """Mark a document done (or not) for this annotator, or reviewed in review mode."""
        if self.accepts_actions() and self.store.status(doc, self.layer) is not status:
            self.push(SetStatus(doc, self.layer, status))

    def accept(self, doc: int, key: Key, agreed: tuple[str, ...] | None = None) -> Span | None:
        """Put a candidate into gold (it is just chosen if gold has it already)."""
        if not self.accepts_actions():
            return None
        existing = self.store.find_span(doc, GOLD_ANNOTATOR, key)
        if existing is not None:
            self.changed.emit(Changes(doc, GOLD_ANNOTATOR, current=existing))
            return existing
        edit = AcceptSpan(doc, self.annotator, key, agreed)
        self.push(edit)
        return edit.span

    def reject(self, doc: int, key: Key) -> None:
        """Keep a candidate out of gold (taking it out if it is there); remembered on file."""
        if self.accepts_actions():
            self.push(RejectSpan(doc, self.annotator, key))

    def accept_agreed(self, doc: int) -> int:
        """Accept every open candidate all finished annotators agree on, and the links they
        all made between those spans (and gold's); one undo step. The number of spans."""
        if not self.accepts_actions():
            return 0
        batch = accept_agreed(self.store, doc, self.annotator)
        spans = list(batch.edits) if batch is not None else []
        keys = {span.key for span in self.store.spans(doc, GOLD_ANNOTATOR)}
        keys |= {edit.key for edit in spans if isinstance(edit, AcceptSpan)}
        links = [
            AcceptRelation(doc, self.annotator, c.key, c.attributes)
            for c in relation_candidates(self.store, doc)
            if c.agreed_open and c.key[0] in keys and c.key[1] in keys
        ]
        self.agreed_links = len(links)
        if not spans and not links:
            return 0
        self.push(Batch([*spans, *links], kind="accept_agreed"))
        return len(spans)

    # --- links between spans ---------------------------------------------------------------

    def link(self, source: Span, target: Span, kind: str) -> Relation | None:
        """Link two spans of the layer (a claim to its speaker), with the type's defaults."""
        if not self.accepts_actions():
            return None
        relation_type = self._labels.relation(kind)
        defaults = relation_type.defaults() if relation_type is not None else {}
        edit = AddRelation(
            self._own(source), self._own(target), kind, defaults, reviewer=self.reviewer
        )
        self.push(edit)
        return edit.relation

    def set_attribute(self, relation: Relation, key: str, value: str) -> None:
        """Give a link's attribute another value (its stance, direct or indirect quote)."""
        if self.accepts_actions() and relation.attrs.get(key) != value:
            self.push(SetRelationAttributes(relation, {key: value}, self.reviewer))

    def unlink(self, relation: Relation) -> None:
        """Take a link out (a tombstone stays on file; undo brings back the same link)."""
        if self.accepts_actions():
            self.push(DeleteRelation(relation, self.reviewer))

    def accept_relation(
        self, doc: int, key: RelationKey, attributes: tuple[tuple[str, str], ...]
    ) -> None:
        """Put a candidate link into gold, with its two spans if gold lacks them."""
        if self.accepts_actions():
            self.push(AcceptRelation(doc, self.annotator, key, attributes))

    def reject_relation(self, doc: int, key: RelationKey) -> None:
        """Keep a candidate link out of gold (taking it out if it is there); remembered."""
        if self.accepts_actions():
            self.push(RejectRelation(doc, self.annotator, key))

    def relation_name(self, kind: str) -> str:
        """A relation type's name in the interface language ("said by", "قاله")."""
        relation_type = self._labels.relation(kind)
        return relation_type.name(language()) if relation_type is not None else kind

    def push(self, edit: Edit, text: str | None = None) -> EditCommand:
        """Apply an edit as one step of the undo history (named ``text``, or after the edit)."""
        return super().push(edit, text or self.history_text(edit))

    def history_text(self, edit: Edit) -> str:
        """An edit's name in the undo history: "Label Actor", "Accept 3 agreed spans"…"""
        subject = edit.subject
        if edit.kind == "accept_agreed":
            count = subject if isinstance(subject, int) else 0
            if isinstance(edit, Batch):  # its links are not counted as spans
                count = sum(isinstance(part, AcceptSpan) for part in edit.edits)
            return self.tr("Accept %n agreed span(s)", "", count)
        if edit.kind == "status":
            if subject == Status.DONE:
                return self.tr("Mark done")
            return self.tr("Mark not done")
        if isinstance(edit, RejectRelation):
            return self.tr("Reject link: %1").replace("%1", self.relation_name(edit.subject))
        if edit.kind in ("link", "attribute", "unlink"):
            template = {
                "link": self.tr("Link: %1"),
                "attribute": self.tr("Change link: %1"),
                "unlink": self.tr("Unlink: %1"),
            }[edit.kind]
            return template.replace("%1", self.relation_name(str(subject)))
        template = {
            "label": self.tr("Label %1"),
            "change": self.tr("Change %1"),
            "delete": self.tr("Delete %1"),
            "reject": self.tr("Reject %1"),
        }.get(edit.kind, "%1")
        return template.replace("%1", self.name(str(subject)))

    def _own(self, span: Span) -> Span:
        """The span, if it is in the layer this session edits (annotators edit only theirs)."""
        if span.annotator != self.layer:
            raise InputError("only your own layer can be changed here")
        return span
