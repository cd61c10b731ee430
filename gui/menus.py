"""The window's menus and shortcuts, built from the declarations of gui.actions.

`build_actions` makes one QAction per declared window action (and per label), puts it in its
menu in the declared order, names Undo and Redo after the step, and keeps only the current
mode's actions enabled (`WindowActions.set_mode`), so a key never means two things at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget

from alama.core.labels import LabelSet
from alama.gui.actions import (
    CONTEXT,
    MENUS,
    REDO_NAMED,
    UNDO_NAMED,
    ActionSpec,
    Mode,
    all_actions,
    handler_ids,
)
from alama.gui.i18n import keys_text


def show_keys(action: QAction, text: str, rtl: bool) -> None:
    """In Arabic the menu writes the action's key sequence itself, as a left-to-right isolate
    (Qt's own would read "=+Ctrl" in a right-to-left menu)."""
    if rtl and not action.shortcut().isEmpty():
        text = f"{text}\t{keys_text(action.shortcut())}"
    action.setText(text)


class HistoryAction(QAction):
    """Edit ▸ Undo or Redo, named after the step it takes back or again ("Undo Label Actor",
    "تراجع عن وسم «فاعل»"). It follows the undo stack for as long as it exists itself."""

    def __init__(
        self,
        stack: QUndoStack,
        redo: bool,
        rtl: bool,
        plain: str,
        named: str,
        take: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.stack, self.redo, self.rtl = stack, redo, rtl
        self.plain, self.named = plain, named
        if take is None:
            self.triggered.connect(stack.redo if redo else stack.undo)
        else:
            self.triggered.connect(lambda _=False: take())
        if redo:
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.name)
            self.setEnabled(stack.canRedo())
        else:
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.name)
            self.setEnabled(stack.canUndo())

    def name(self, step: str | None = None) -> None:
        if step is None:
            step = self.stack.redoText() if self.redo else self.stack.undoText()
        show_keys(self, self.named.replace("%1", step) if step else self.plain, self.rtl)


HISTORY = {"edit.undo": (False, UNDO_NAMED), "edit.redo": (True, REDO_NAMED)}


class WindowActions:
    """The QActions and menus built from the declarations for one window; `set_mode` enables
    only the current mode's actions (a disabled action never takes a key). ``handlers`` maps
    every window action's id to what it does (a missing or unknown id: ValueError, at once);
    ``apply_label(key, exact)`` does the labels' keys, ``start_link(type)`` the relation
    types' keys; Undo and Redo follow ``undo_stack``."""

    def __init__(
        self,
        host: QWidget,
        handlers: Mapping[str, Callable[[], object]],
        labels: LabelSet,
        *,
        apply_label: Callable[[str, bool], object],
        undo_stack: QUndoStack,
        mode: Mode = "annotate",
        menu_bar: QMenuBar | None = None,
        start_link: Callable[[str], object] | None = None,
    ) -> None:
        self.specs = {spec.id: spec for spec in all_actions(labels)}
        needed = set(handler_ids())
        missing, unknown = sorted(needed - set(handlers)), sorted(set(handlers) - needed)
        if missing or unknown:
            raise ValueError(
                "actions without a handler: " + (", ".join(missing) or "none")
                + "; handlers of no action: " + (", ".join(unknown) or "none")
            )  # fmt: skip
        if menu_bar is None:
            if not isinstance(host, QMainWindow):
                raise TypeError("build_actions needs a menu bar for a host that is no QMainWindow")
            menu_bar = host.menuBar()
        self.host = host
        self.start_link = start_link  # a relation type's key starts a link of that type
        rtl = host.isRightToLeft()
        self.menus: dict[str, QMenu] = {}
        for menu_id, title, parent in MENUS:
            if not parent:
                self.menus[menu_id] = menu_bar.addMenu(QCoreApplication.translate(CONTEXT, title))
        self.actions: dict[str, QAction] = {}
        groups: dict[str, QActionGroup] = {}
        for spec in self.specs.values():
            if spec.where != "window" or not (spec.keys or spec.menu is not None):
                continue
            action = self._create(spec, handlers, apply_label, undo_stack, rtl)
            action.setCheckable(spec.checkable)
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(host)).addAction(action)
            if spec.menu is None:
                host.addAction(action)
            else:
                menu = self._menu(spec.menu)
                if spec.separator_before:
                    menu.addSeparator()
                menu.addAction(action)
            self.actions[spec.id] = action
        self.undo = self.actions["edit.undo"]
        self.redo = self.actions["edit.redo"]
        self.mode: Mode = mode
        self.set_mode(mode)

    def _create(
        self,
        spec: ActionSpec,
        handlers: Mapping[str, Callable[[], object]],
        apply_label: Callable[[str, bool], object],
        stack: QUndoStack,
        rtl: bool,
    ) -> QAction:
        if spec.id in HISTORY:
            redo, named = HISTORY[spec.id]
            translate = QCoreApplication.translate
            history = HistoryAction(
                stack, redo, rtl, spec.shown_text(), translate(CONTEXT, named), handlers[spec.id]
            )
            history.setParent(self.host)
            history.setShortcuts([QKeySequence(key) for key in spec.keys])
            history.name()
            return history
        action = QAction(spec.shown_text(), self.host)
        if spec.keys:
            action.setShortcuts([QKeySequence(key) for key in spec.keys])
            show_keys(action, spec.shown_text(), rtl)
        if spec.id.startswith("labels."):
            _, kind, key = spec.id.split(".", 2)
            exact = kind == "exact"
            action.triggered.connect(lambda _=False: apply_label(key, exact))
        elif spec.id.startswith("links.start."):
            kind = spec.id.removeprefix("links.start.")
            action.triggered.connect(lambda _=False: self.start_link and self.start_link(kind))
        else:
            handler = handlers[spec.id]
            action.triggered.connect(lambda _=False: handler())
        return action

    def _menu(self, menu_id: str) -> QMenu:
        """A menu of the bar, or a submenu made when its first action comes."""
        if menu_id not in self.menus:
            _, title, parent = next(m for m in MENUS if m[0] == menu_id)
            parent_menu = self._menu(parent)
            parent_menu.addSeparator()
            self.menus[menu_id] = parent_menu.addMenu(QCoreApplication.translate(CONTEXT, title))
        return self.menus[menu_id]

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def set_mode(self, mode: Mode) -> None:
        """Enable the actions of ``mode`` (and of any mode), disable the others; a twin's
        other half (Delete span / Reject span) is also hidden."""
        self.mode = mode
        for action_id, action in self.actions.items():
            spec = self.specs[action_id]
            if action_id in HISTORY:
                continue  # enabled by the undo stack
            active = spec.in_mode(mode)
            action.setEnabled(active)
            if spec.hidden_out_of_mode:
                action.setVisible(active)
        self.actions["review.mode"].setChecked(mode == "review")


# The window builds its actions by calling the class: the declarations become QActions.
build_actions = WindowActions
