"""One person's session on an open project: the edits they make, each undoable.

An annotator edits their own layer; in review mode the same person edits the gold layer as its
reviewer. The edits are core objects (`alama.core.editing`): the session builds them from what
the window knows (a selection, the chosen span or candidate), pushes each on the undo stack in
an `EditCommand`, and announces the `Changes` each one (or its undo) made, so every view
updates only what changed. Switching between annotating and reviewing changes the layer new
edits go to; the undo history stays, since every edit knows its own layer.

The window's connection waits only a moment for the project's write lock. When another program
holds it, an edit (or its undo) is kept in order in `Session.pending` and tried again on a
timer until it lands: the window never stands still and no action is lost. While an edit
waits, the window still shows the file as it was, so no new edit is built from it: a new
action (or undo) is refused (`refused`) until the waiting ones are saved. An edit the file
refuses for another reason (a full disk, a span another program deleted) is dropped with its
undo step and reported (`failed`); the ones after it go on.
"""

from __future__ import annotations

import sqlite3
from collections import OrderedDict
from contextlib import suppress

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alama.core.changes import Changes
from alama.core.editing import (
    AcceptSpan,
    AddSpan,
    ChangeSpan,
    DeleteSpan,
    Edit,
    RejectSpan,
    SetStatus,
    accept_agreed,
)
from alama.core.errors import InputError, ProjectBusy
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.review import DocumentReview, Key, document_review
from alama.core.store import Store, check_annotator
from alama.core.text import TextIndex
from alama.gui.i18n import label_name

INDEX_CACHE = 32
LOCK_WAIT_S = 0.1  # how long a write waits for another program's lock before being kept
RETRY_MS = 400  # how often kept actions are tried again
WATCH_MS = 1500  # how often the file is asked whether another program changed it


class Session(QObject):
    """The open project, the person working on it, the layer their edits go to, and the undo
    history (kept across a switch between annotating and reviewing)."""

    changed = Signal(object)  # the Changes an edit (or its undo) made
    waiting = Signal(int)  # how many edit steps wait for the busy project file (0: none)
    refused = Signal()  # an action was not taken: earlier ones still wait for the busy file
    failed = Signal(object)  # an edit could not be saved (the error); it was dropped
    modeChanged = Signal(bool)  # reviewing (True) or annotating
    outside = Signal()  # another program (or window) changed the project file

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
        self.undo_stack = QUndoStack(self)
        self._indexes: OrderedDict[int, TextIndex] = OrderedDict()
        self._labels = store.labels()
        self._flushing = False
        self.pending: list[tuple[EditCommand, bool]] = []  # (command, forward) in order
        # While an edit runs: whether the user is stepping through the history now (undo or
        # redo), or an edit kept for a busy file is saved late. The window shows the document
        # of a step, but does not go back to the one a late save was made on.
        self.stepping = False
        self.late = False
        self.step = ""  # the undo or redo being taken, as the Edit menu names it
        self._retry = QTimer(self, interval=RETRY_MS)
        self._retry.timeout.connect(self.flush)
        # Another program writing to the file (`alama import` in a terminal, a second window):
        # looked for now and then, so that the views show what it did.
        self._seen = store.data_version()
        self._watch = QTimer(self, interval=WATCH_MS)
        self._watch.timeout.connect(self.look_outside)
        self._watch.start()

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
        return label_name(self._labels, label)

    def spans(self, doc: int) -> list[Span]:
        """The spans of the layer being edited (this annotator's, or gold) in a document."""
        return self.store.spans(doc, self.layer)

    def review(self, doc: int) -> DocumentReview:
        """Every finished layer of the document, its candidates and the gold layer."""
        return document_review(self.store, doc)

    def look_outside(self) -> bool:
        """Whether another program changed the project since the last look (`outside` says
        so). Not while this session's own edits wait: the file is busy, and they come first."""
        if self.pending:
            return False
        try:
            version = self.store.data_version()
        except sqlite3.Error:  # closed: the window is going
            self._watch.stop()
            return False
        if version == self._seen:
            return False
        self._seen = version
        self.outside.emit()
        return True

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
        edit = AddSpan(doc, self.annotator, *snapped, label)
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
        """Accept every open candidate all finished annotators agree on; one undo step."""
        if not self.accepts_actions():
            return 0
        batch = accept_agreed(self.store, doc, self.annotator)
        if batch is None:
            return 0
        self.push(batch)
        return len(batch.edits)

    def push(self, edit: Edit, text: str | None = None) -> EditCommand:
        """Apply an edit as one step of the undo history (named ``text``, or after the edit)."""
        command = EditCommand(self, edit, text)
        self.undo_stack.push(command)
        return command

    def history_text(self, edit: Edit) -> str:
        """An edit's name in the undo history: "Label Actor", "Accept 3 agreed spans"…"""
        subject = edit.subject
        if edit.kind == "accept_agreed":
            count = subject if isinstance(subject, int) else 0
            return self.tr("Accept %n agreed span(s)", "", count)
        if edit.kind == "status":
            if subject == Status.DONE:
                return self.tr("Mark done")
            return self.tr("Mark not done")
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
            self.stepping = True
            self.step = QCoreApplication.translate("Actions", "Undo %1").replace(
                "%1", self.undo_stack.undoText()
            )
            try:
                self.undo_stack.undo()
            finally:
                self.stepping = False

    def redo(self) -> None:
        """Edit ▸ Redo, unless actions wait for the busy file."""
        if self.accepts_actions():
            self.stepping = True
            self.step = QCoreApplication.translate("Actions", "Redo %1").replace(
                "%1", self.undo_stack.redoText()
            )
            try:
                self.undo_stack.redo()
            finally:
                self.stepping = False

    def perform(self, command: EditCommand, forward: bool) -> None:
        """Apply an edit (forward) or its inverse in one transaction; if the project file is
        busy, keep it (after any already kept, in order) and try again on a timer. If it fails
        for another reason, it is dropped with its undo step and `failed` says why."""
        if command.dropped:
            return
        if not self.pending:
            try:
                self._run(command, forward)
                return
            except ProjectBusy:
                pass
            except Exception as error:  # a full disk, a span deleted meanwhile
                self._drop(command, forward)
                self.failed.emit(error)
                return
        self.pending.append((command, forward))
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
                command, forward = self.pending[0]
                try:
                    self.late = True
                    self._run(command, forward)
                except ProjectBusy:
                    self.waiting.emit(len(self.pending))
                    return False
                except Exception as error:  # a full disk, a span deleted meanwhile
                    self.pending.pop(0)
                    self._drop(command, forward)
                    failures.append(error)
                    continue
                self.pending.pop(0)
        finally:
            self._flushing = False
            self.late = False
            for failure in failures:
                self.failed.emit(failure)
        self._retry.stop()
        self.waiting.emit(0)
        return True

    def _drop(self, command: EditCommand, forward: bool) -> None:
        """Forget an edit that cannot be saved: it does nothing any more, and its step in the
        undo history goes too (no step whose undo would fail)."""
        command.dropped = True
        command.setObsolete(True)  # Qt deletes an obsolete command instead of keeping it
        stack = command.session.undo_stack
        if forward:  # done in the history, not in the file: take it back
            at = stack.index() - 1
            if 0 <= at < stack.count() and stack.command(at) is command:
                stack.undo()
        else:
            at = stack.index()
            if 0 <= at < stack.count() and stack.command(at) is command:
                stack.redo()

    def take_over(self, other: Session) -> None:
        """Save, before this session's own, the steps another session on the same file still
        has waiting (the window was rebuilt: another language or annotator, or the project
        reopened after an import or merge). This window repaints when they land."""
        if other.store is not self.store:  # the same file, opened again: one connection
            former, other.store = other.store, self.store
            former.close()
        if other.pending:
            other.changed.connect(self.changed)
            other.failed.connect(self.failed)
            self.pending[:0] = other.pending
            other.pending.clear()
            other._retry.stop()
            self._retry.start()
            self.waiting.emit(len(self.pending))
        other._watch.stop()

    def _run(self, command: EditCommand, forward: bool) -> None:
        edit = command.edit if forward else command.edit.inverse()
        changes = edit.apply(self.store)
        command.session.changed.emit(changes)


class EditCommand(QUndoCommand):
    """One step of the undo history: a core edit, applied (redo) or taken back (undo) through
    `Session.perform`, each in one transaction, kept and retried while the file is busy."""

    def __init__(self, session: Session, edit: Edit, text: str | None = None) -> None:
        super().__init__(text or session.history_text(edit))
        self.session, self.edit = session, edit
        self.dropped = False  # could not be saved: does nothing any more

    def redo(self) -> None:
        self.session.perform(self, True)

    def undo(self) -> None:
        self.session.perform(self, False)
