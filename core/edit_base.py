"""What every edit is: applied in one transaction, returning the `Changes` it made, and taken
back by its inverse (see `alama.core.editing` for the edits themselves)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Sequence

from alama.core.changes import Changes
from alama.core.model import Relation, Span
from alama.core.store import Store

__all__ = ["Batch", "Edit", "Inverse"]


class Edit(ABC):
    """One undoable action on one document of one layer."""

    kind: str = "edit"
    """What the edit does, for its name in the undo history ("label", "delete", …)."""

    doc: int
    layer: str

    @property
    def subject(self) -> str | int | None:
        """What the undo history names the edit after: a label key, a count, or nothing."""
        return None

    @property
    def applied(self) -> bool:
        """Whether the edit has been applied (only then has it an inverse)."""
        return bool(getattr(self, "_applied", False))

    def apply(self, store: Store) -> Changes:
        """Apply the edit in one transaction and say what changed. If the transaction fails,
        the edit (and every edit inside it) is left as it was before: it can be applied again."""
        before = [(edit, dict(vars(edit))) for edit in self._parts()]
        try:
            with store.transaction():
                changes = self._apply(store)
        except BaseException:
            for edit, state in before:
                vars(edit).clear()
                vars(edit).update(state)
            raise
        self._applied = True
        return changes

    def _parts(self) -> list[Edit]:
        """This edit and the edits it applies (whose memory a failed transaction restores)."""
        return [self]

    def inverse(self) -> Edit:
        """The edit that takes this one back (it must have been applied)."""
        if not self.applied:
            raise RuntimeError(f"{type(self).__name__} has not been applied yet")
        return Inverse(self)

    def spot(self) -> int | None:
        """The offset the edit changes, to bring into view; None for the whole document."""
        return None

    def about(self) -> tuple[int, int, str] | None:
        """The span (offsets and label) the edit is about; None for a whole document."""
        return None

    @abstractmethod
    def _apply(self, store: Store) -> Changes:
        """Apply (or apply again after an undo), inside the transaction."""

    @abstractmethod
    def _revert(self, store: Store) -> Changes:
        """Take back what `_apply` did, inside the transaction."""

    def _changes(
        self,
        store: Store,
        *,
        spans: tuple[Span, ...] = (),
        removed: tuple[str, ...] = (),
        current: Span | None = None,
        candidates: bool = False,
        relations: tuple[Relation, ...] = (),
        relations_removed: tuple[str, ...] = (),
    ) -> Changes:
        """Changes to this edit's document and layer, with the layer's status as it now is."""
        return Changes(
            self.doc,
            self.layer,
            spans=spans,
            removed=removed,
            status=store.status(self.doc, self.layer),
            candidates=candidates,
            current=current,
            spot=self.spot(),
            key=self.about(),
            relations=relations,
            relations_removed=relations_removed,
        )


class Inverse(Edit):
    """An applied edit taken back; its own inverse is the edit again."""

    def __init__(self, edit: Edit) -> None:
        self.edit = edit
        self.doc, self.layer = edit.doc, edit.layer
        self.kind = edit.kind

    @property
    def subject(self) -> str | int | None:
        return self.edit.subject

    def about(self) -> tuple[int, int, str] | None:
        return self.edit.about()

    def spot(self) -> int | None:
        return self.edit.spot()

    def inverse(self) -> Edit:
        if not self.applied:
            raise RuntimeError("an undo has to be applied before it can be redone")
        return self.edit

    def _parts(self) -> list[Edit]:
        return [self, *self.edit._parts()]

    def _apply(self, store: Store) -> Changes:
        return self.edit._revert(store)

    def _revert(self, store: Store) -> Changes:
        return self.edit._apply(store)


class Batch(Edit):
    """Several edits of one document and layer as one step (applied in order, taken back in
    the reverse order), such as accepting every agreed candidate."""

    def __init__(self, edits: Sequence[Edit], kind: str = "batch") -> None:
        if not edits:
            raise ValueError("a batch needs at least one edit")
        first = edits[0]
        if any((e.doc, e.layer) != (first.doc, first.layer) for e in edits):
            raise ValueError("a batch changes one document of one layer")
        self.edits = list(edits)
        self.doc, self.layer = first.doc, first.layer
        self.kind = kind

    @property
    def subject(self) -> int:
        """How many edits the batch holds ("Accept 3 agreed spans")."""
        return len(self.edits)

    def spot(self) -> int | None:
        return self.edits[0].spot()

    def _parts(self) -> list[Edit]:
        return [self, *(part for edit in self.edits for part in edit._parts())]

    def _apply(self, store: Store) -> Changes:
        return _combined(edit._apply(store) for edit in self.edits)

    def _revert(self, store: Store) -> Changes:
        return _combined(edit._revert(store) for edit in reversed(self.edits))


def _combined(changes: Iterable[Changes]) -> Changes:
    result: Changes | None = None
    for step in changes:
        result = step if result is None else result.then(step)
    assert result is not None
    return result
