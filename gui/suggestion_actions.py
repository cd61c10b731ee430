"""The Suggestions menu's actions, declared as every other action (gui.actions) is.

With a suggestion chosen (Tab), A or Enter accepts it, X or Backspace rejects it, Shift+A
accepts every pending suggestion of its label in the document. A key that one of the project's
labels or relation types takes is left to them (the menu then shows the action without it; Enter
and Backspace still do it).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence

from alama.core.labels import LabelSet
from alama.gui.actions import ActionSpec, Key, first_key

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate's name
        """Marks ``text`` for lupdate in ``context`` and gives it back (a str, for mypy)."""
        return text
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

CHOSEN_KEYS = "Enter / Backspace"
"""The keys the article takes while a suggestion is chosen (see `gui.suggestions`)."""


def _spec(id: str, text: str, keys: tuple[Key, ...] = (), **fields: object) -> ActionSpec:
    fields.setdefault("menu", "suggestions")
    fields.setdefault("mode", "annotate")
    return ActionSpec(id, text, keys, section="suggestions", **fields)  # type: ignore[arg-type]


SUGGESTION_ACTIONS: tuple[ActionSpec, ...] = (
    _spec("suggestions.accept", QT_TRANSLATE_NOOP("Actions", "Accept suggestion"), ("A",),
          help=QT_TRANSLATE_NOOP("Actions", "Accept the chosen suggestion")),
    _spec("suggestions.reject", QT_TRANSLATE_NOOP("Actions", "Reject suggestion"), ("X",),
          help=QT_TRANSLATE_NOOP(
              "Actions", "Reject the chosen suggestion: not suggested again in this document")),
    _spec("suggestions.accept_all",
          QT_TRANSLATE_NOOP("Actions", "Accept all of this label in the document"),
          ("Shift+A",), help=QT_TRANSLATE_NOOP(
              "Actions", "Accept every suggestion of the chosen one's label in this document")),
    _spec("suggestions.chosen_keys", "", menu=None, shown_keys=CHOSEN_KEYS,
          help=QT_TRANSLATE_NOOP("Actions", "With a suggestion chosen: accept / reject it")),
    _spec("suggestions.next", QT_TRANSLATE_NOOP("Actions", "Next suggestion"), ("Tab",),
          separator_before=True, shown_keys="Tab / Shift+Tab", help=QT_TRANSLATE_NOOP(
              "Actions", "Next / previous suggestion (while linking: the next span to link to)")),
    _spec("suggestions.previous", QT_TRANSLATE_NOOP("Actions", "Previous suggestion"),
          ("Shift+Tab",), shown_with="suggestions.next"),
    _spec("suggestions.show", QT_TRANSLATE_NOOP("Actions", "Show suggestions"),
          ("Ctrl+Shift+S",), checkable=True, separator_before=True,
          help=QT_TRANSLATE_NOOP("Actions", "Show / hide the pending suggestions")),
    _spec("suggestions.retrain", QT_TRANSLATE_NOOP("Actions", "Retrain the model now")),
    _spec("suggestions.gazetteer",
          QT_TRANSLATE_NOOP("Actions", "Suggest from a gazetteer file…"), separator_before=True,
          help=QT_TRANSLATE_NOOP(
              "Actions", "Suggest the names of a gazetteer (text<TAB>label) or patterns file")),
)  # fmt: skip


def taken_keys(labels: LabelSet) -> set[int]:
    """The key combinations the project's labels and relation types take."""
    keys = [label.shortcut for label in labels if label.shortcut]
    keys += [kind.shortcut.upper() for kind in labels.relations if kind.shortcut]
    sequences = (QKeySequence(key) for key in keys)
    return {first_key(s).toCombined() for s in sequences if not s.isEmpty()}


def suggestion_actions(labels: LabelSet | None) -> tuple[ActionSpec, ...]:
    """The Suggestions menu, without the keys the project's labels take (None: every key)."""
    if labels is None:
        return SUGGESTION_ACTIONS
    taken = taken_keys(labels)
    specs = []
    for spec in SUGGESTION_ACTIONS:
        keys = tuple(
            key
            for key in spec.keys
            if QKeySequence(key).isEmpty() or first_key(QKeySequence(key)).toCombined() not in taken
        )
        specs.append(spec if keys == spec.keys else replace(spec, keys=keys))
    return tuple(specs)
