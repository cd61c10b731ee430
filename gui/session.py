"""One annotator's session on an open project: the actions of the window, each undoable.

Every action is a `QUndoCommand` whose redo/undo call the store (one committed transaction each)
and then announce which document changed, so the window repaints from the store. Commands keep
their document, so undo and redo work after switching documents.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alama.core.model import Origin, Span, Status
from alama.core.store import Store
from alama.core.text import TextIndex

INDEX_CACHE = 32


class Session(QObject):
    """The open project, whose layer is being edited, and the undo history."""

    changed = Signal(int)  # a document whose spans or status changed
    spanPicked = Signal(object)  # the span an action left current (or None)

    def __init__(self, store: Store, annotator: str) -> None:
        super().__init__()
        self.store = store
        self.annotator = store.ensure_annotator(annotator)
        self.undo_stack = QUndoStack(self)
        self._indexes: OrderedDict[int, TextIndex] = OrderedDict()

    def index(self, doc: int) -> TextIndex:
        """The document's text with tokens and clusters, computed once and kept."""
        index = self._indexes.get(doc)
        if index is None:
            index = TextIndex(self.store.document(doc).text)
            self._indexes[doc] = index
            if len(self._indexes) > INDEX_CACHE:
                self._indexes.popitem(last=False)
        else:
            self._indexes.move_to_end(doc)
        return index

    def spans(self, doc: int) -> list[Span]:
        """This annotator's spans in a document."""
        return self.store.spans(doc, self.annotator)

    # --- actions ---------------------------------------------------------------------------

    def add_span(self, doc: int, start: int, end: int, label: str, exact: bool) -> Span | None:
        """Snap a selection and label it; an identical span already there is just picked."""
        snapped = self.index(doc).snap(start, end, exact=exact)
        if snapped is None:
            return None
        existing = next((s for s in self.spans(doc) if s.key == (*snapped, label)), None)
        if existing is not None:
            self.spanPicked.emit(existing)
            return existing
        command = AddSpan(self, doc, *snapped, label)
        self.undo_stack.push(command)
        return command.span

    def relabel(self, span: Span, label: str) -> None:
        """Give a span another label."""
        if span.label != label:
            self.undo_stack.push(ChangeSpan(self, span, span.start, span.end, label))

    def resize(self, span: Span, side: str, grow: bool, by_token: bool) -> None:
        """Grow or shrink one end of a span by a token or a character."""
        index = self.index(span.doc)
        move = index.grow if grow else index.shrink
        start, end = move(span.start, span.end, side, by_token)
        if (start, end) != (span.start, span.end) and start < end:
            self.undo_stack.push(ChangeSpan(self, span, start, end, span.label))

    def delete(self, span: Span) -> None:
        """Delete a span (a tombstone stays on file)."""
        self.undo_stack.push(DeleteSpan(self, span))

    def set_status(self, doc: int, status: Status) -> None:
        """Mark a document done (or not) for this annotator."""
        if self.store.status(doc, self.annotator) is not status:
            self.undo_stack.push(SetStatus(self, doc, status))


class AddSpan(QUndoCommand):
    """Label a span; undo deletes it, redo brings the same span back."""

    def __init__(self, session: Session, doc: int, start: int, end: int, label: str) -> None:
        super().__init__(QCoreApplication.translate("Session", "Label %1").replace("%1", label))
        self.session, self.doc = session, doc
        self.args = (start, end, label)
        self.span: Span | None = None
        self.status_before: Status | None = None

    def redo(self) -> None:
        store = self.session.store
        if self.span is None:
            self.status_before = store.status(self.doc, self.session.annotator)
            self.span = store.add_span(self.doc, self.session.annotator, *self.args, Origin.MANUAL)
        else:
            self.span = store.restore_span(self.span.id)
        self.session.changed.emit(self.doc)
        self.session.spanPicked.emit(self.span)

    def undo(self) -> None:
        assert self.span is not None
        self.session.store.delete_span(self.span.id)
        if self.status_before is Status.TODO and not self.session.spans(self.doc):
            self.session.store.set_status(self.doc, self.session.annotator, Status.TODO)
        self.session.changed.emit(self.doc)
        self.session.spanPicked.emit(None)


class DeleteSpan(QUndoCommand):
    """Delete a span; undo restores it with the same id."""

    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Delete %1").replace("%1", span.label)
        )
        self.session, self.span = session, span

    def redo(self) -> None:
        self.session.store.delete_span(self.span.id)
        self.session.changed.emit(self.span.doc)
        self.session.spanPicked.emit(None)

    def undo(self) -> None:
        span = self.session.store.restore_span(self.span.id)
        self.session.changed.emit(self.span.doc)
        self.session.spanPicked.emit(span)


class ChangeSpan(QUndoCommand):
    """Move or relabel a span; undo puts it back as it was."""

    def __init__(self, session: Session, span: Span, start: int, end: int, label: str) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Change %1").replace("%1", span.label)
        )
        self.session, self.before = session, span
        self.after = (start, end, label)

    def _apply(self, start: int, end: int, label: str) -> None:
        span = self.session.store.change_span(self.before.id, start=start, end=end, label=label)
        self.session.changed.emit(span.doc)
        self.session.spanPicked.emit(span)

    def redo(self) -> None:
        self._apply(*self.after)

    def undo(self) -> None:
        self._apply(self.before.start, self.before.end, self.before.label)


class SetStatus(QUndoCommand):
    """Mark a document done or not; undo restores the status it had."""

    def __init__(self, session: Session, doc: int, status: Status) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Mark done")
            if status is Status.DONE
            else QCoreApplication.translate("Session", "Mark not done")
        )
        self.session, self.doc, self.status = session, doc, status
        self.before = session.store.status(doc, session.annotator)

    def redo(self) -> None:
        self.session.store.set_status(self.doc, self.session.annotator, self.status)
        self.session.changed.emit(self.doc)

    def undo(self) -> None:
        self.session.store.set_status(self.doc, self.session.annotator, self.before)
        self.session.changed.emit(self.doc)
