"""One person's session on an open project: the actions of the window, each undoable.

An annotator edits their own layer; in review mode the same person edits the gold layer as its
reviewer, and accepts or rejects the annotators' candidate spans. Every action is a
`QUndoCommand` whose redo/undo call the store (one committed transaction each) and then
announce which document changed, so the window repaints from the store. Commands keep their
document, so undo and redo work after switching documents.

The window's connection waits only a moment for the project's write lock. When another program
holds it, an action (or its undo) is kept in order in `Session.pending` and tried again on a
timer until it lands: the window never stands still and no action is lost. While an action
waits, the window still shows the file as it was, so no new action is built from it: a new
action (or undo) is refused (`refused`) until the waiting ones are saved. An action the file
refuses for another reason (a full disk, a span another program deleted) is dropped with its
undo step and reported (`failed`); the ones after it go on.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alama.core import review
from alama.core.errors import InputError, ProjectBusy
from alama.core.model import GOLD_ANNOTATOR, Origin, Span, Status
from alama.core.store import Store, check_annotator
from alama.core.text import TextIndex
from alama.gui.i18n import label_name

INDEX_CACHE = 32
LOCK_WAIT_S = 0.1  # how long a write waits for another program's lock before being kept
RETRY_MS = 400  # how often kept actions are tried again


class Session(QObject):
    """The open project, whose layer is being edited, and the undo history.

    ``layer`` is the annotator's own name, or the gold layer in review mode; ``reviewer`` is
    the person's name in review mode and None otherwise.
    """

    changed = Signal(int)  # a document whose spans or status changed
    spanPicked = Signal(object)  # the span an action left current (or None)
    located = Signal(int, int)  # the document and offset an action (or its undo) changed
    waiting = Signal(int)  # how many action steps wait for the busy project file (0: none)
    refused = Signal()  # an action was not taken: earlier ones still wait for the busy file
    failed = Signal(object)  # an action could not be saved (the error); it was dropped

    def __init__(self, store: Store, annotator: str, reviewing: bool = False) -> None:
        super().__init__()
        self.store = store
        # The short wait first: a window never stands still behind another program's lock.
        store.wait_for_lock(LOCK_WAIT_S)
        self.annotator = check_annotator(annotator)
        if store.read_only_reason is None:
            with suppress(ProjectBusy):  # else registered with its first action saved
                store.ensure_annotator(self.annotator)
        self.reviewing = reviewing
        self.layer = GOLD_ANNOTATOR if reviewing else self.annotator
        self.reviewer = self.annotator if reviewing else None
        self.undo_stack = QUndoStack(self)
        self._indexes: OrderedDict[int, TextIndex] = OrderedDict()
        self._flushing = False
        self.pending: list[tuple[Edit, Callable[[Edit], None]]] = []
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)

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

    def name(self, label: str) -> str:
        """A label's name in the interface language, for the undo history ("Label Actor")."""
        return label_name(self.store.labels(), label)

    def spans(self, doc: int) -> list[Span]:
        """The spans of the layer being edited (this annotator's, or gold) in a document."""
        return self.store.spans(doc, self.layer)

    def review(self, doc: int) -> review.DocumentReview:
        """Every finished layer of the document, its candidates and the gold layer."""
        return review.document_review(self.store, doc)

    # --- writing while another program may hold the file ------------------------------------

    def accepts_actions(self) -> bool:
        """Whether a new action (or undo) may be taken now: not while earlier ones wait for
        the busy file, since the window does not show them yet (`refused` says so)."""
        if self.pending:
            self.refused.emit()
            return False
        return True

    def undo(self) -> None:
        """Edit ▸ Undo, unless actions wait for the busy file."""
        if self.accepts_actions():
            self.undo_stack.undo()

    def redo(self) -> None:
        """Edit ▸ Redo, unless actions wait for the busy file."""
        if self.accepts_actions():
            self.undo_stack.redo()

    def perform(self, edit: Edit, step: Callable[[Edit], None]) -> None:
        """Run an action's redo or undo in one transaction; if the project file is busy, keep
        it (after any already kept, in order) and try again on a timer. If it fails for
        another reason, it is dropped with its undo step and `failed` says why."""
        if edit.dropped:
            return
        if not self.pending:
            try:
                self._run(edit, step)
                return
            except ProjectBusy:
                pass
            except Exception as error:  # a full disk, a span deleted meanwhile
                self._drop(edit, step)
                self.failed.emit(error)
                return
        self.pending.append((edit, step))
        self._retry.start()
        self.waiting.emit(len(self.pending))

    def flush(self) -> bool:
        """Try the kept steps again, in order; True once none is left. A step that fails for
        another reason than a busy file is dropped (with its undo step) and reported; the
        steps after it go on."""
        if self._flushing:
            return not self.pending
        self._flushing = True
        failures: list[BaseException] = []
        try:
            while self.pending:
                edit, step = self.pending[0]
                try:
                    self._run(edit, step)
                except ProjectBusy:
                    self.waiting.emit(len(self.pending))
                    return False
                except Exception as error:  # a full disk, a span deleted meanwhile
                    self.pending.pop(0)
                    self._drop(edit, step)
                    failures.append(error)
                    continue
                self.pending.pop(0)
        finally:
            self._flushing = False
            for error in failures:
                self.failed.emit(error)
        self._retry.stop()
        self.waiting.emit(0)
        return True

    def _drop(self, edit: Edit, step: Callable[[Edit], None]) -> None:
        """Forget an action that cannot be saved: it does nothing any more, and its step in
        the undo history goes too (no step whose undo would fail)."""
        edit.dropped = True
        edit.setObsolete(True)  # Qt deletes an obsolete command instead of keeping it
        stack = edit.session.undo_stack
        if step.__name__ == "redo":  # done in the history, not in the file: take it back
            at = stack.index() - 1
            if 0 <= at < stack.count() and stack.command(at) is edit:
                stack.undo()
        else:
            at = stack.index()
            if 0 <= at < stack.count() and stack.command(at) is edit:
                stack.redo()

    def take_over(self, other: Session) -> None:
        """Save, before this session's own, the steps another session on the same file still
        has waiting (the window was rebuilt: another mode or language, another annotator, or
        the project reopened after an import or merge). This window repaints when they land.
        """
        if other.store is not self.store:  # the same file, opened again: one connection
            former, other.store = other.store, self.store
            former.close()
        if other.pending:
            other.changed.connect(self.changed)
            other.located.connect(self.located)
            other.failed.connect(self.failed)
            self.pending[:0] = other.pending
            other.pending.clear()
            other._retry.stop()
            self._retry.start()
            self.waiting.emit(len(self.pending))

    def _run(self, edit: Edit, step: Callable[[Edit], None]) -> None:
        with self.store.transaction():
            step(edit)
        spot = edit.spot()
        if spot is not None:
            self.located.emit(*spot)

    def _own(self, span: Span) -> Span:
        """The span, if it is in the layer this session edits (annotators edit only theirs)."""
        if span.annotator != self.layer:
            raise InputError("only your own layer can be changed here")
        return span

    # --- actions ---------------------------------------------------------------------------

    def add_span(self, doc: int, start: int, end: int, label: str, exact: bool) -> Span | None:
        """Snap a selection and label it; an identical span already there is just picked."""
        if not self.accepts_actions():
            return None
        snapped = self.index(doc).snap(start, end, exact=exact)
        if snapped is None:
            return None
        existing = self.store.find_span(doc, self.layer, (*snapped, label))
        if existing is not None:
            self.spanPicked.emit(existing)
            return existing
        command = AddSpan(self, doc, *snapped, label)
        self.undo_stack.push(command)
        return command.span

    def relabel(self, span: Span, label: str) -> None:
        """Give a span another label."""
        if self.accepts_actions() and self._own(span).label != label:
            self.undo_stack.push(ChangeSpan(self, span, span.start, span.end, label))

    def resize(self, span: Span, side: str, grow: bool, by_token: bool) -> None:
        """Grow or shrink one end of a span by a token or a character."""
        if not self.accepts_actions():
            return
        index = self.index(self._own(span).doc)
        move = index.grow if grow else index.shrink
        start, end = move(span.start, span.end, side, by_token)
        if (start, end) != (span.start, span.end) and start < end:
            self.undo_stack.push(ChangeSpan(self, span, start, end, span.label))

    def delete(self, span: Span) -> None:
        """Delete a span (a tombstone stays on file); in review, the candidate is rejected too."""
        if not self.accepts_actions():
            return
        if self.reviewing:
            self.reject(span.doc, span.key)
        else:
            self.undo_stack.push(DeleteSpan(self, self._own(span)))

    def set_status(self, doc: int, status: Status) -> None:
        """Mark a document done (or not) for this annotator, or reviewed in review mode."""
        if self.accepts_actions() and self.store.status(doc, self.layer) is not status:
            self.undo_stack.push(SetStatus(self, doc, status))

    # --- review ----------------------------------------------------------------------------

    def accept(self, doc: int, key: review.Key) -> Span | None:
        """Put a candidate into gold (nothing happens if gold has it already)."""
        if not self.accepts_actions():
            return None
        existing = next((s for s in self.spans(doc) if s.key == key), None)
        if existing is not None:
            self.spanPicked.emit(existing)
            return existing
        command = AddSpan(self, doc, *key)
        self.undo_stack.push(command)
        return command.span

    def reject(self, doc: int, key: review.Key) -> None:
        """Keep a candidate out of gold (taking it out if it is there); remembered on file."""
        if self.accepts_actions():
            self.undo_stack.push(Reject(self, doc, key))

    def accept_agreed(self, doc: int) -> int:
        """Accept every open candidate all finished annotators agree on; one undo step."""
        if not self.accepts_actions():
            return 0
        agreed = self.review(doc).agreed_open()
        if not agreed:
            return 0
        self.undo_stack.beginMacro(self.tr("Accept %n agreed span(s)", "", len(agreed)))
        for candidate in agreed:
            self.undo_stack.push(AddSpan(self, doc, *candidate.key, agreed=candidate.annotators))
        self.undo_stack.endMacro()
        return len(agreed)

    def _add(
        self, doc: int, start: int, end: int, label: str, agreed: tuple[str, ...] | None = None
    ) -> Span:
        """Store a new span in the layer being edited (in gold: with who agreed, if known)."""
        if not self.reviewing:
            return self.store.add_span(doc, self.annotator, start, end, label, Origin.MANUAL)
        with self.store.transaction():
            if agreed is None:
                agreed = self.review(doc).agreeing((start, end, label))
            if (start, end, label) in self.store.rejections(doc):
                self.store.set_rejected(doc, (start, end, label), self.annotator, rejected=False)
            return self.store.add_gold(doc, start, end, label, self.annotator, agreed)

    def _change(self, span: Span, start: int, end: int, label: str) -> Span:
        agreed = self.review(span.doc).agreeing((start, end, label)) if self.reviewing else None
        return self.store.change_span(
            span.id, start=start, end=end, label=label, reviewer=self.reviewer, agreed=agreed
        )


class Edit(QUndoCommand):
    """An undoable action. The ``redo`` and ``undo`` a subclass defines are run through
    `Session.perform`: each in one transaction, kept and retried while the file is busy."""

    session: Session
    dropped = False  # could not be saved: does nothing any more

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for name in ("redo", "undo"):
            step = cls.__dict__.get(name)
            if step is not None:
                setattr(cls, name, _performed(step))

    def spot(self) -> tuple[int, int] | None:
        """The document and offset the action changes, brought into view after it (or its
        undo) lands; None for a whole document."""
        return None


def _performed(step: Callable[[Edit], None]) -> Callable[[Edit], None]:
    def run(edit: Edit) -> None:
        edit.session.perform(edit, step)

    run.__doc__ = step.__doc__
    return run


class AddSpan(Edit):
    """Label a span; undo deletes it, redo brings the same span back."""

    def __init__(
        self,
        session: Session,
        doc: int,
        start: int,
        end: int,
        label: str,
        agreed: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Label %1").replace("%1", session.name(label))
        )
        self.session, self.doc = session, doc
        self.args = (start, end, label)
        self.agreed = agreed
        self.span: Span | None = None
        self.status_before: Status | None = None
        # In review, accepting a rejected candidate takes the rejection back; undo restores it.
        # Read when the action lands, not when it is made: it may have waited for the file.
        self.rejected_by: str | None = None

    def spot(self) -> tuple[int, int]:
        return self.doc, self.args[0]

    def redo(self) -> None:
        store = self.session.store
        if self.span is None:
            with store.transaction():
                self.status_before = store.status(self.doc, self.session.layer)
                if self.session.reviewing:
                    self.rejected_by = store.rejections(self.doc).get(self.args)
                self.span = self.session._add(self.doc, *self.args, agreed=self.agreed)
        else:
            with store.transaction():
                self.span = store.restore_span(self.span.id, self.session.reviewer)
                if self.rejected_by is not None:
                    store.set_rejected(self.doc, self.args, self.session.annotator, False)
        self.session.changed.emit(self.doc)
        self.session.spanPicked.emit(self.span)

    def undo(self) -> None:
        assert self.span is not None
        store = self.session.store
        with store.transaction():
            store.delete_span(self.span.id, self.session.reviewer)
            if self.rejected_by is not None:
                store.set_rejected(self.doc, self.args, self.rejected_by)
        if self.status_before is Status.TODO and not self.session.spans(self.doc):
            self.session.store.set_status(self.doc, self.session.layer, Status.TODO)
        self.session.changed.emit(self.doc)
        self.session.spanPicked.emit(None)


class DeleteSpan(Edit):
    """Delete a span; undo restores it with the same id."""

    def __init__(self, session: Session, span: Span) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Delete %1").replace(
                "%1", session.name(span.label)
            )
        )
        self.session, self.span = session, span

    def spot(self) -> tuple[int, int]:
        return self.span.doc, self.span.start

    def redo(self) -> None:
        self.session.store.delete_span(self.span.id, self.session.reviewer)
        self.session.changed.emit(self.span.doc)
        self.session.spanPicked.emit(None)

    def undo(self) -> None:
        span = self.session.store.restore_span(self.span.id, self.session.reviewer)
        self.session.changed.emit(self.span.doc)
        self.session.spanPicked.emit(span)


class ChangeSpan(Edit):
    """Move or relabel a span; undo puts it back as it was."""

    def __init__(self, session: Session, span: Span, start: int, end: int, label: str) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Change %1").replace(
                "%1", session.name(span.label)
            )
        )
        self.session, self.before = session, span
        self.after = (start, end, label)

    def _apply(self, start: int, end: int, label: str) -> None:
        span = self.session._change(self.before, start, end, label)
        self.session.changed.emit(span.doc)
        self.session.spanPicked.emit(span)

    def spot(self) -> tuple[int, int]:
        return self.before.doc, self.before.start

    def redo(self) -> None:
        self._apply(*self.after)

    def undo(self) -> None:
        self._apply(self.before.start, self.before.end, self.before.label)


class SetStatus(Edit):
    """Mark a document done or not; undo restores the status it had."""

    def __init__(self, session: Session, doc: int, status: Status) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Mark done")
            if status is Status.DONE
            else QCoreApplication.translate("Session", "Mark not done")
        )
        self.session, self.doc, self.status = session, doc, status
        self.before: Status | None = None  # the status it had when the action landed

    def redo(self) -> None:
        before = self.session.store.set_status(self.doc, self.session.layer, self.status)
        if self.before is None:
            self.before = before
        self.session.changed.emit(self.doc)

    def undo(self) -> None:
        assert self.before is not None
        self.session.store.set_status(self.doc, self.session.layer, self.before)
        self.session.changed.emit(self.doc)


class Reject(Edit):
    """Keep a candidate out of gold; undo takes the rejection back (and restores a gold span
    the rejection deleted)."""

    def __init__(self, session: Session, doc: int, key: review.Key) -> None:
        super().__init__(
            QCoreApplication.translate("Session", "Reject %1").replace("%1", session.name(key[2]))
        )
        self.session, self.doc, self.key = session, doc, key
        # Read when the rejection lands, not when it is made: it may have waited for the file.
        self.was_rejected: bool | None = None
        self.gold: Span | None = None

    def spot(self) -> tuple[int, int]:
        return self.doc, self.key[0]

    def redo(self) -> None:
        store, reviewer = self.session.store, self.session.annotator
        with store.transaction():
            if self.was_rejected is None:
                self.was_rejected = self.key in store.rejections(self.doc)
                self.gold = next((s for s in self.session.spans(self.doc) if s.key == self.key),
                                 None)  # fmt: skip
            if self.gold is not None:
                store.delete_span(self.gold.id, reviewer)
            store.set_rejected(self.doc, self.key, reviewer)
        self.session.changed.emit(self.doc)
        self.session.spanPicked.emit(None)

    def undo(self) -> None:
        store, reviewer = self.session.store, self.session.annotator
        with store.transaction():
            store.set_rejected(self.doc, self.key, reviewer, rejected=bool(self.was_rejected))
            if self.gold is not None:
                store.restore_span(self.gold.id, reviewer)
        self.session.changed.emit(self.doc)
