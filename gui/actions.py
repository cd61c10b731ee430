"""Every action of the window, declared once: its id, text, keys, menu and mode.

The menus, the window's shortcuts, the article view's own keys and the F1 sheet are all built
from `ACTIONS` (plus one "apply label" and one "exact label" action per label of the project's
`LabelSet`), so a key is written in one place and a test can hold that no key is bound twice in a
mode. Texts are English sources translated in the "Actions" context (the two the start screen
shares keep its context). Qt is used for key sequences and, in `build_actions`, for the QActions
and menus; the declarations themselves are plain data.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QMenuBar, QWidget

from alama.core.labels import Label, LabelSet
from alama.gui.i18n import keys_text

CONTEXT = "Actions"

Mode = Literal["annotate", "review"]
Scope = Literal["any", "annotate", "review"]
Key = str | QKeySequence.StandardKey
MODES: tuple[Mode, ...] = ("annotate", "review")

# The menu bar, in order: (id, title, parent menu id or "" for the bar).
MENUS: tuple[tuple[str, str, str], ...] = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File"), ""),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit"), ""),
    ("labels", QT_TRANSLATE_NOOP("Actions", "&Labels"), ""),
    ("document", QT_TRANSLATE_NOOP("Actions", "&Document"), ""),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View"), ""),
    ("language", QT_TRANSLATE_NOOP("Actions", "Language"), "view"),
    ("review", QT_TRANSLATE_NOOP("Actions", "&Review"), ""),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help"), ""),
)

# The F1 sheet lists its rows by section, in this order (and in declaration order within one).
SECTIONS = ("labels", "spans", "documents", "find", "history", "view", "project", "review", "help")

UNDO_NAMED = QT_TRANSLATE_NOOP("Actions", "Undo %1")
REDO_NAMED = QT_TRANSLATE_NOOP("Actions", "Redo %1")
OTHER_MODE_HEADING: dict[Mode, str] = {
    "annotate": QT_TRANSLATE_NOOP("Actions", "In review mode"),
    "review": QT_TRANSLATE_NOOP("Actions", "While annotating"),
}
LABEL_HELP = QT_TRANSLATE_NOOP("Actions", "Label the selection %1 (%2); relabel the chosen span")


@dataclass(frozen=True)
class ActionSpec:
    """One action. ``menu`` None: a key the article view handles itself (``where="article"``),
    a window shortcut kept out of the menus, or (no keys) a note of the F1 sheet."""

    id: str
    text: str  # English source (menu entry), translated in ``context``; shown as is if verbatim
    keys: tuple[Key, ...] = ()  # the first one is shown in the menu
    menu: str | None = None  # an id of MENUS
    mode: Scope = "any"
    where: Literal["window", "article"] = "window"
    section: str = "project"  # of the F1 sheet
    help: str = ""  # the F1 sheet's text (default: ``text``)
    help_args: tuple[str, ...] = ()  # put in for %1, %2… of the translated help
    shown_keys: str = ""  # the F1 sheet's key cell for a family ("Shift+← / Shift+→")
    shown_with: str = ""  # the id of the action whose F1 row describes this one too
    separator_before: bool = False
    checkable: bool = False
    group: str = ""  # actions of one exclusive group (one checked at a time)
    hidden_out_of_mode: bool = False  # out of its mode, hidden (its twin takes its place)
    context: str = CONTEXT
    verbatim: bool = False  # the text is a name, shown as written

    def shown_text(self) -> str:
        return self.text if self.verbatim else QCoreApplication.translate(self.context, self.text)

    def help_text(self) -> str:
        if not self.help:
            return self.shown_text().removesuffix("…")
        text = QCoreApplication.translate(self.context, self.help)
        for number, value in enumerate(self.help_args, 1):
            text = text.replace(f"%{number}", value)
        return text

    def keys_shown(self) -> str:
        """The sheet's key cell: the family written out, or every key as the system writes it."""
        if self.shown_keys:
            return QCoreApplication.translate(self.context, self.shown_keys)
        native = QKeySequence.SequenceFormat.NativeText
        shown = (QKeySequence(key).toString(native) for key in self.keys)
        return " / ".join(text for text in shown if text)

    def in_mode(self, mode: Mode) -> bool:
        return self.mode in ("any", mode)


def _spec(
    id: str, text: str, keys: Iterable[Key] = (), **fields: object
) -> ActionSpec:  # a shorter line per action below
    return ActionSpec(id, text, tuple(keys), **fields)  # type: ignore[arg-type]


_T = QT_TRANSLATE_NOOP
_LR = ("Left", "Right")

ACTIONS: tuple[ActionSpec, ...] = (
    # --- notes of the F1 sheet and the article view's own keys --------------------------------
    _spec("labels.exact", "", section="labels", shown_keys="Alt+1…9",
          help=_T("Actions", "Label the exact characters selected (no snapping to words)")),
    _spec("gesture.exact_drag", "", section="labels", shown_keys=_T("Actions", "Alt + drag"),
          help=_T("Actions", "Select exact characters, e.g. a name after the proclitic و or ب")),
    _spec("gesture.click_span", "", section="spans", shown_keys=_T("Actions", "Click a span"),
          help=_T("Actions", "Choose it; click again to cycle through nested spans")),
    _spec("article.end_edge", "", [f"Shift+{a}" for a in _LR], where="article", section="spans",
          shown_keys="Shift+← / Shift+→",
          help=_T("Actions", "Grow / shrink the chosen span at its left (end) edge by a word")),
    _spec("article.start_edge", "", [f"Ctrl+Shift+{a}" for a in _LR], where="article",
          section="spans", shown_keys="Ctrl+Shift+→ / Ctrl+Shift+←",
          help=_T("Actions", "Grow / shrink the chosen span at its right (start) edge by a word")),
    _spec("article.end_edge_char", "", [f"Shift+Alt+{a}" for a in _LR], where="article",
          section="spans", shown_keys=_T("Actions", "… with Alt"),
          help=_T("Actions", "By one character instead of a word")),
    _spec("article.start_edge_char", "", [f"Ctrl+Shift+Alt+{a}" for a in _LR], where="article",
          section="spans", shown_with="article.end_edge_char"),
    _spec("article.clear", "", ["Esc"], where="article", section="spans", shown_keys="Esc",
          help=_T("Actions", "Clear the selection and the chosen span")),
    _spec("article.word_step", "", [f"Ctrl+{a}" for a in _LR], where="article", section="spans",
          shown_keys="Ctrl+← / Ctrl+→",
          help=_T("Actions", "Move a word; with Shift and no chosen span, select word by word")),
    _spec("review.label_keys", "", mode="review", section="review", shown_keys="1…9",
          help=_T("Actions", "Review: accept the chosen span under that label, or relabel gold")),
    # --- File ---------------------------------------------------------------------------------
    # The same words as the start screen's buttons, and their translations.
    _spec("file.new", _T("StartScreen", "New project…"), [QKeySequence.StandardKey.New],
          menu="file", context="StartScreen"),
    _spec("file.open", _T("StartScreen", "Open project…"), [QKeySequence.StandardKey.Open],
          menu="file", context="StartScreen"),
    _spec("file.demo", _T("Actions", "Open the demo"), menu="file"),
    _spec("file.start_screen", _T("Actions", "Start screen…"), menu="file"),
    _spec("file.change_annotator", _T("Actions", "Change annotator…"), menu="file"),
    _spec("file.import", _T("Actions", "Import…"), ["Ctrl+I"], menu="file",
          separator_before=True),
    _spec("file.export", _T("Actions", "Export…"), ["Ctrl+E"], menu="file"),
    _spec("file.merge", _T("Actions", "Merge…"), ["Ctrl+M"], menu="file",
          help=_T("Actions", "Merge annotators' project files")),
    _spec("file.quit", _T("Actions", "Quit"), [QKeySequence.StandardKey.Quit], menu="file",
          separator_before=True),
    # --- Edit ---------------------------------------------------------------------------------
    _spec("edit.undo", _T("Actions", "Undo"), ["Ctrl+Z"], menu="edit", section="history",
          shown_keys="Ctrl+Z / Ctrl+Shift+Z",
          help=_T("Actions", "Undo / redo, also after switching documents")),
    _spec("edit.redo", _T("Actions", "Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"], menu="edit",
          section="history", shown_with="edit.undo"),
    _spec("edit.delete_span", _T("Actions", "Delete span"), ["Del", "Backspace"], menu="edit",
          mode="annotate", hidden_out_of_mode=True, separator_before=True, section="spans",
          help=_T("Actions", "Delete the chosen span")),
    _spec("review.reject_span", _T("Actions", "Reject span"), ["Del", "Backspace"], menu="edit",
          mode="review", hidden_out_of_mode=True, section="review",
          help=_T("Actions", "Review: reject the chosen span (out of gold)")),
    _spec("edit.find", _T("Actions", "Find in article"), ["Ctrl+F"], menu="edit", section="find",
          help=_T("Actions", "Find in this article")),
    _spec("edit.search", _T("Actions", "Search all documents"), ["Ctrl+Shift+F"], menu="edit",
          section="find"),
    # --- Document -----------------------------------------------------------------------------
    _spec("document.done_and_next", _T("Actions", "Mark done and open the next"),
          ["Ctrl+Return", "Ctrl+Enter"], menu="document", mode="annotate",
          hidden_out_of_mode=True, section="documents",
          help=_T("Actions", "Mark the document done and open the next one")),
    _spec("document.reviewed_and_next", _T("Actions", "Mark done and open the next"),
          ["Ctrl+Return", "Ctrl+Enter"], menu="document", mode="review",
          hidden_out_of_mode=True, section="review",
          help=_T("Actions", "Review: mark the document reviewed, open the next")),
    _spec("document.not_done", _T("Actions", "Mark not done"), menu="document"),
    _spec("document.next", _T("Actions", "Next document"), ["PgDown"], menu="document",
          section="documents", shown_keys="Page Down / Page Up",
          help=_T("Actions", "Next / previous document")),
    _spec("document.previous", _T("Actions", "Previous document"), ["PgUp"], menu="document",
          section="documents", shown_with="document.next"),
    # --- View ---------------------------------------------------------------------------------
    _spec("view.zoom_in", _T("Actions", "Zoom in"), ["Ctrl+=", "Ctrl++"], menu="view",
          section="view", shown_keys="Ctrl+= / Ctrl+- / Ctrl+0",
          help=_T("Actions", "Zoom in / out / reset")),
    _spec("view.zoom_out", _T("Actions", "Zoom out"), ["Ctrl+-"], menu="view", section="view",
          shown_with="view.zoom_in"),
    _spec("view.zoom_reset", _T("Actions", "Normal size"), ["Ctrl+0"], menu="view",
          section="view", shown_with="view.zoom_in"),
    _spec("view.language.ar", "العربية", menu="language", verbatim=True, checkable=True,
          group="language"),
    _spec("view.language.en", "English", menu="language", verbatim=True, checkable=True,
          group="language"),
    # --- Review -------------------------------------------------------------------------------
    _spec("review.agreement", _T("Actions", "Agreement…"), ["Ctrl+Shift+A"], menu="review",
          help=_T("Actions", "Agreement dashboard")),
    _spec("review.mode", _T("Actions", "Review mode"), ["Ctrl+R"], menu="review",
          checkable=True, help=_T("Actions", "Review mode on / off (the gold layer)")),
    _spec("review.accept", _T("Actions", "Accept span into gold"), ["Return", "Enter"],
          menu="review", mode="review", separator_before=True, section="review",
          help=_T("Actions", "Review: accept the chosen span into gold")),
    _spec("review.accept_agreed", _T("Actions", "Accept everything all annotators agree on"),
          ["Shift+Return", "Shift+Enter"], menu="review", mode="review", section="review",
          help=_T("Actions", "Review: accept everything all annotators agree on")),
    _spec("review.next_disagreement", _T("Actions", "Next disagreement"), ["F8"], menu="review",
          mode="review", section="review", shown_keys="F8 / Shift+F8",
          help=_T("Actions", "Review: next / previous disagreement")),
    _spec("review.previous_disagreement", _T("Actions", "Previous disagreement"), ["Shift+F8"],
          menu="review", mode="review", section="review",
          shown_with="review.next_disagreement"),
    # --- Help ---------------------------------------------------------------------------------
    _spec("help.shortcuts", _T("Actions", "Keyboard shortcuts"), ["F1"], menu="help",
          section="help", help=_T("Actions", "This sheet")),
    _spec("help.models", _T("Actions", "Arabic models…"), menu="help"),
    _spec("help.about", _T("Actions", "About Alama"), menu="help"),
)  # fmt: skip


def label_actions(labels: LabelSet) -> tuple[ActionSpec, ...]:
    """Labels ▸ one entry per label (its key applies it, snapping to words), and Alt+key: the
    exact characters selected. Ids: ``labels.apply.<KEY>``, ``labels.exact.<KEY>``."""
    specs: list[ActionSpec] = []
    for label in labels:
        keys: tuple[Key, ...] = (label.shortcut,) if label.shortcut else ()
        specs.append(
            ActionSpec(
                f"labels.apply.{label.key}", _label_text(label), keys, menu="labels",
                section="labels", verbatim=True, help=LABEL_HELP,
                help_args=(label.name_ar, label.name_en),
            )
        )  # fmt: skip
        if label.shortcut:
            specs.append(
                ActionSpec(
                    f"labels.exact.{label.key}", _label_text(label), (f"Alt+{label.shortcut}",),
                    section="labels", verbatim=True, shown_with="labels.exact",
                )
            )  # fmt: skip
    return tuple(specs)


def _label_text(label: Label) -> str:
    return f"{label.name_ar} · {label.name_en}"


def all_actions(labels: LabelSet) -> tuple[ActionSpec, ...]:
    """The project's labels' actions, then every other one."""
    return (*label_actions(labels), *ACTIONS)


def bound_keys(spec: ActionSpec) -> list[QKeyCombination]:
    """The key combinations an action takes (a standard key: its first binding, as the menu)."""
    return [QKeySequence(key)[0] for key in spec.keys if not QKeySequence(key).isEmpty()]


@cache
def article_keys() -> dict[int, str]:
    """The article view's own keys: a key combination (``toCombined()``) -> the action's id."""
    found: dict[int, str] = {}
    for spec in ACTIONS:
        if spec.where == "article":
            for combination in bound_keys(spec):
                found[combination.toCombined()] = spec.id
    return found


def article_action(combination: QKeyCombination) -> str | None:
    """The id of the article's action for a key pressed (keypad arrows count as arrows)."""
    plain = QKeyCombination(
        combination.keyboardModifiers() & ~Qt.KeyboardModifier.KeypadModifier, combination.key()
    )
    return article_keys().get(plain.toCombined())


# --- the F1 sheet ------------------------------------------------------------------------------


def sheet_rows(labels: LabelSet, mode: Mode = "annotate") -> list[tuple[str, str]]:
    """The F1 sheet, in the interface language: (keys, what they do). First what the keys do
    in ``mode``, then a heading row ("", heading) and what they do in the other mode."""
    specs = all_actions(labels)
    rows = _rows([s for s in specs if s.in_mode(mode)])
    rest = _rows([s for s in specs if not s.in_mode(mode)])
    if rest:
        heading = QCoreApplication.translate(CONTEXT, OTHER_MODE_HEADING[mode])
        rows += [("", heading), *rest]
    return rows


def _rows(specs: list[ActionSpec]) -> list[tuple[str, str]]:
    shown = [s for s in specs if not s.shown_with and s.keys_shown()]
    shown.sort(key=lambda s: SECTIONS.index(s.section))  # stable: declaration order within
    return [(s.keys_shown(), s.help_text()) for s in shown]


# --- menus and shortcuts -----------------------------------------------------------------------


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
    only the current mode's actions (a disabled action never takes a key)."""

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

    def in_mode(self, mode: Mode) -> list[str]:
        """The ids of the actions enabled in ``mode``."""
        return [i for i in self.actions if i in HISTORY or self.specs[i].in_mode(mode)]


def build_actions(
    host: QWidget,
    handlers: Mapping[str, Callable[[], object]],
    labels: LabelSet,
    *,
    apply_label: Callable[[str, bool], object],
    undo_stack: QUndoStack,
    mode: Mode = "annotate",
    menu_bar: QMenuBar | None = None,
) -> WindowActions:
    """The window's menus and shortcuts from `ACTIONS` and the labels. ``handlers`` maps every
    window action's id to what it does (a missing or unknown id: ValueError, at once);
    ``apply_label(key, exact)`` does the labels' keys; Undo and Redo follow ``undo_stack``."""
    return WindowActions(
        host, handlers, labels, apply_label=apply_label, undo_stack=undo_stack, mode=mode,
        menu_bar=menu_bar,
    )  # fmt: skip


def handler_ids() -> list[str]:
    """The ids `build_actions` needs a handler for, in declaration order."""
    return [s.id for s in ACTIONS if s.where == "window" and (s.keys or s.menu is not None)]
