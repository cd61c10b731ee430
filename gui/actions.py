"""Every action of the window, declared once: its id, text, keys, menu and mode.

The menus, the window's shortcuts, the article view's own keys and the F1 sheet are all built
from `ACTIONS` (plus one "apply label" and one "exact label" action per label of the project's
`LabelSet`), so a key is written in one place and a test can hold that no key is bound twice in a
mode. Texts are English sources translated in the "Actions" context (the two the start screen
shares keep its context). This module is plain data plus key sequences; `alama.gui.menus` builds
the QActions and menus from it (`build_actions`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QCoreApplication, QKeyCombination, Qt
from PySide6.QtGui import QKeySequence

from alama.core.labels import Label, LabelSet
from alama.gui.i18n import language

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate's name
        """Marks ``text`` for lupdate in ``context`` and gives it back (a str, for mypy)."""
        return text
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP

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
    ("suggestions", QT_TRANSLATE_NOOP("Actions", "&Suggestions"), ""),
    ("document", QT_TRANSLATE_NOOP("Actions", "&Document"), ""),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View"), ""),
    ("language", QT_TRANSLATE_NOOP("Actions", "Language"), "view"),
    ("review", QT_TRANSLATE_NOOP("Actions", "&Review"), ""),
    ("team", QT_TRANSLATE_NOOP("Actions", "&Team"), ""),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help"), ""),
)

# The F1 sheet lists its rows by section, in this order (and in declaration order within one).
SECTIONS = (
    "labels",
    "spans",
    "links",
    "suggestions",
    "documents",
    "find",
    "history",
    "view",
    "project",
    "review",
    "help",
)

UNDO_NAMED = QT_TRANSLATE_NOOP("Actions", "Undo %1")
REDO_NAMED = QT_TRANSLATE_NOOP("Actions", "Redo %1")
OTHER_MODE_HEADING: dict[Mode, str] = {
    "annotate": QT_TRANSLATE_NOOP("Actions", "In review mode"),
    "review": QT_TRANSLATE_NOOP("Actions", "While annotating"),
}
LABEL_HELP = QT_TRANSLATE_NOOP("Actions", "Label the selection %1 (%2); relabel the chosen span")
LINK_TEXT = QT_TRANSLATE_NOOP("Actions", "Link the chosen span: %1")
LINK_HELP = QT_TRANSLATE_NOOP(
    "Actions", "Link the chosen claim: %1 (%2); Tab chooses the span, Enter links, Esc cancels"
)


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


_LR = ("Left", "Right")

ACTIONS: tuple[ActionSpec, ...] = (
    # --- notes of the F1 sheet and the article view's own keys --------------------------------
    _spec("labels.exact", "", section="labels", shown_keys="Alt+1…9", help=QT_TRANSLATE_NOOP(
        "Actions", "Label the exact characters selected (no snapping to words)")),
    _spec("gesture.exact_drag", "", section="labels",
          shown_keys=QT_TRANSLATE_NOOP("Actions", "Alt + drag"), help=QT_TRANSLATE_NOOP(
              "Actions", "Select exact characters, e.g. a name after the proclitic و or ب")),
    _spec("gesture.click_span", "", section="spans",
          shown_keys=QT_TRANSLATE_NOOP("Actions", "Click a span"), help=QT_TRANSLATE_NOOP(
              "Actions", "Choose it; click again to cycle through nested spans")),
    _spec("article.end_edge", "", [f"Shift+{a}" for a in _LR], where="article", section="spans",
          shown_keys="Shift+← / Shift+→", help=QT_TRANSLATE_NOOP(
              "Actions", "Grow / shrink the chosen span at its left (end) edge by a word")),
    _spec("article.start_edge", "", [f"Ctrl+Shift+{a}" for a in _LR], where="article",
          section="spans", shown_keys="Ctrl+Shift+→ / Ctrl+Shift+←", help=QT_TRANSLATE_NOOP(
              "Actions", "Grow / shrink the chosen span at its right (start) edge by a word")),
    _spec("article.end_edge_char", "", [f"Shift+Alt+{a}" for a in _LR], where="article",
          section="spans", shown_keys=QT_TRANSLATE_NOOP("Actions", "… with Alt"),
          help=QT_TRANSLATE_NOOP("Actions", "By one character instead of a word")),
    _spec("article.start_edge_char", "", [f"Ctrl+Shift+Alt+{a}" for a in _LR], where="article",
          section="spans", shown_with="article.end_edge_char"),
    _spec("article.clear", "", ["Esc"], where="article", section="spans", shown_keys="Esc",
          help=QT_TRANSLATE_NOOP("Actions", "Clear the selection and the chosen span")),
    _spec("article.word_step", "", [f"Ctrl+{a}" for a in _LR], where="article", section="spans",
          shown_keys="Ctrl+← / Ctrl+→", help=QT_TRANSLATE_NOOP(
              "Actions", "Move a word; with Shift and no chosen span, select word by word")),
    _spec("review.label_keys", "", mode="review", section="review", shown_keys="1…9",
          help=QT_TRANSLATE_NOOP(
              "Actions", "Review: accept the chosen span under that label, or relabel gold")),
    # --- File ---------------------------------------------------------------------------------
    # The same words as the start screen's buttons, and their translations.
    _spec("file.new", QT_TRANSLATE_NOOP("StartScreen", "New project…"),
          [QKeySequence.StandardKey.New], menu="file", context="StartScreen"),
    _spec("file.open", QT_TRANSLATE_NOOP("StartScreen", "Open project…"),
          [QKeySequence.StandardKey.Open], menu="file", context="StartScreen"),
    _spec("file.demo", QT_TRANSLATE_NOOP("Actions", "Open the demo"), menu="file"),
    _spec("file.start_screen", QT_TRANSLATE_NOOP("Actions", "Start screen…"), menu="file"),
    _spec("file.change_annotator", QT_TRANSLATE_NOOP("Actions", "Change annotator…"),
          menu="file"),
    _spec("file.import", QT_TRANSLATE_NOOP("Actions", "Import…"), ["Ctrl+I"], menu="file",
          separator_before=True),
    _spec("file.export", QT_TRANSLATE_NOOP("Actions", "Export…"), ["Ctrl+E"], menu="file"),
    _spec("file.merge", QT_TRANSLATE_NOOP("Actions", "Merge…"), ["Ctrl+M"], menu="file",
          help=QT_TRANSLATE_NOOP("Actions", "Merge annotators' project files")),
    _spec("file.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), [QKeySequence.StandardKey.Quit],
          menu="file", separator_before=True),
    # --- Edit ---------------------------------------------------------------------------------
    _spec("edit.undo", QT_TRANSLATE_NOOP("Actions", "Undo"), ["Ctrl+Z"], menu="edit",
          section="history", shown_keys="Ctrl+Z / Ctrl+Shift+Z", help=QT_TRANSLATE_NOOP(
              "Actions", "Undo / redo, also after switching documents")),
    _spec("edit.redo", QT_TRANSLATE_NOOP("Actions", "Redo"), ["Ctrl+Shift+Z", "Ctrl+Y"],
          menu="edit", section="history", shown_with="edit.undo"),
    _spec("edit.delete_span", QT_TRANSLATE_NOOP("Actions", "Delete span"), ["Del", "Backspace"],
          menu="edit", mode="annotate", hidden_out_of_mode=True, separator_before=True,
          section="spans", help=QT_TRANSLATE_NOOP("Actions", "Delete the chosen span")),
    _spec("review.reject_span", QT_TRANSLATE_NOOP("Actions", "Reject span"),
          ["Del", "Backspace"], menu="edit", mode="review", hidden_out_of_mode=True,
          section="review", help=QT_TRANSLATE_NOOP(
              "Actions", "Review: reject the chosen span (out of gold)")),
    _spec("edit.find", QT_TRANSLATE_NOOP("Actions", "Find in article"), ["Ctrl+F"], menu="edit",
          section="find", help=QT_TRANSLATE_NOOP("Actions", "Find in this article")),
    _spec("edit.search", QT_TRANSLATE_NOOP("Actions", "Search all documents"),
          ["Ctrl+Shift+F"], menu="edit", section="find"),
    _spec("links.stance", QT_TRANSLATE_NOOP("Actions", "Next stance of the link"), ["S"],
          menu="edit", section="links", help=QT_TRANSLATE_NOOP(
              "Actions", "Next stance of the chosen claim's link (asserts, denies, reports, "
              "questions)")),
    _spec("links.quote", QT_TRANSLATE_NOOP("Actions", "Direct / indirect quote"), ["Q"],
          menu="edit", section="links", help=QT_TRANSLATE_NOOP(
              "Actions", "The chosen claim's link: a direct or an indirect quote")),
    _spec("links.next", QT_TRANSLATE_NOOP("Actions", "Next link"), ["L"], menu="edit",
          section="links", shown_keys="L / Shift+L", help=QT_TRANSLATE_NOOP(
              "Actions", "Next / previous link of the links list: its claim chosen, in view")),
    _spec("links.previous", QT_TRANSLATE_NOOP("Actions", "Previous link"), ["Shift+L"],
          menu="edit", section="links", shown_with="links.next"),
    _spec("links.unlink", QT_TRANSLATE_NOOP("Actions", "Unlink"), menu="edit", section="links",
          shown_keys=QT_TRANSLATE_NOOP("Actions", "Del on a chosen link"),
          help=QT_TRANSLATE_NOOP(
              "Actions", "Unlink the link chosen (L, or in the links list); in review, reject it")),
    _spec("links.cycle", "", section="links", shown_keys="Tab / Shift+Tab",
          help=QT_TRANSLATE_NOOP(
              "Actions", "While linking: the next / previous span, nearest first")),
    # --- Document -----------------------------------------------------------------------------
    _spec("document.done_and_next", QT_TRANSLATE_NOOP("Actions", "Mark done and open the next"),
          ["Ctrl+Return", "Ctrl+Enter"], menu="document", mode="annotate",
          hidden_out_of_mode=True, section="documents", help=QT_TRANSLATE_NOOP(
              "Actions", "Mark the document done and open the next one")),
    _spec("document.reviewed_and_next",
          QT_TRANSLATE_NOOP("Actions", "Mark done and open the next"),
          ["Ctrl+Return", "Ctrl+Enter"], menu="document", mode="review",
          hidden_out_of_mode=True, section="review", help=QT_TRANSLATE_NOOP(
              "Actions", "Review: mark the document reviewed, open the next")),
    _spec("document.not_done", QT_TRANSLATE_NOOP("Actions", "Mark not done"), menu="document"),
    _spec("document.next", QT_TRANSLATE_NOOP("Actions", "Next document"), ["PgDown"],
          menu="document", section="documents", shown_keys="Page Down / Page Up",
          help=QT_TRANSLATE_NOOP("Actions", "Next / previous document")),
    _spec("document.previous", QT_TRANSLATE_NOOP("Actions", "Previous document"), ["PgUp"],
          menu="document", section="documents", shown_with="document.next"),
    # --- View ---------------------------------------------------------------------------------
    _spec("view.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom in"), ["Ctrl+=", "Ctrl++"],
          menu="view", section="view", shown_keys="Ctrl+= / Ctrl+- / Ctrl+0",
          help=QT_TRANSLATE_NOOP("Actions", "Zoom in / out / reset")),
    _spec("view.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom out"), ["Ctrl+-"], menu="view",
          section="view", shown_with="view.zoom_in"),
    _spec("view.zoom_reset", QT_TRANSLATE_NOOP("Actions", "Normal size"), ["Ctrl+0"],
          menu="view", section="view", shown_with="view.zoom_in"),
    _spec("view.language.ar", "العربية", menu="language", verbatim=True, checkable=True,
          group="language"),
    _spec("view.language.en", "English", menu="language", verbatim=True, checkable=True,
          group="language"),
    # --- Review -------------------------------------------------------------------------------
    _spec("review.agreement", QT_TRANSLATE_NOOP("Actions", "Agreement…"), ["Ctrl+Shift+A"],
          menu="review", help=QT_TRANSLATE_NOOP("Actions", "Agreement dashboard")),
    _spec("review.mode", QT_TRANSLATE_NOOP("Actions", "Review mode"), ["Ctrl+R"], menu="review",
          checkable=True, help=QT_TRANSLATE_NOOP(
              "Actions", "Review mode on / off (the gold layer)")),
    _spec("review.accept", QT_TRANSLATE_NOOP("Actions", "Accept span into gold"),
          ["Return", "Enter"], menu="review", mode="review", separator_before=True,
          section="review", help=QT_TRANSLATE_NOOP(
              "Actions", "Review: accept the chosen span into gold")),
    _spec("review.accept_agreed",
          QT_TRANSLATE_NOOP("Actions", "Accept everything all annotators agree on"),
          ["Shift+Return", "Shift+Enter"], menu="review", mode="review", section="review",
          help=QT_TRANSLATE_NOOP(
              "Actions", "Review: accept everything all annotators agree on")),
    _spec("review.next_disagreement", QT_TRANSLATE_NOOP("Actions", "Next disagreement"), ["F8"],
          menu="review", mode="review", section="review", shown_keys="F8 / Shift+F8",
          help=QT_TRANSLATE_NOOP("Actions", "Review: next / previous disagreement")),
    _spec("review.previous_disagreement",
          QT_TRANSLATE_NOOP("Actions", "Previous disagreement"), ["Shift+F8"], menu="review",
          mode="review", section="review", shown_with="review.next_disagreement"),
    # --- Team (the lead's round: assign, hand out, collect, follow) --------------------------
    _spec("team.assign", QT_TRANSLATE_NOOP("Actions", "Assign documents…"), menu="team",
          help=QT_TRANSLATE_NOOP("Actions", "Assign documents to annotators, with an overlap")),
    _spec("team.reassign",
          QT_TRANSLATE_NOOP("Actions", "Someone left: reassign their documents…"), menu="team"),
    _spec("team.handout_one", QT_TRANSLATE_NOOP("Actions", "Save a copy for an annotator…"),
          menu="team", separator_before=True),
    _spec("team.handout", QT_TRANSLATE_NOOP("Actions", "Hand out copies to everyone…"),
          menu="team"),
    _spec("team.collect", QT_TRANSLATE_NOOP("Actions", "Collect copies…"), menu="team",
          help=QT_TRANSLATE_NOOP("Actions", "Collect the annotators' copies, with a report")),
    _spec("team.progress", QT_TRANSLATE_NOOP("Actions", "Team progress"), ["Ctrl+Shift+T"],
          menu="team", separator_before=True, help=QT_TRANSLATE_NOOP(
              "Actions", "Team progress: each annotator's documents and the agreement so far")),
    _spec("team.import_guidelines", QT_TRANSLATE_NOOP("Actions", "Import guidelines…"),
          menu="team", separator_before=True),
    # --- Help ---------------------------------------------------------------------------------
    _spec("help.guidelines", QT_TRANSLATE_NOOP("Actions", "Annotation guidelines"), ["F2"],
          menu="help", section="help", help=QT_TRANSLATE_NOOP(
              "Actions", "The project's annotation guidelines")),
    _spec("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ["F1"],
          menu="help", section="help", help=QT_TRANSLATE_NOOP("Actions", "This sheet")),
    _spec("help.models", QT_TRANSLATE_NOOP("Actions", "Arabic models…"), menu="help"),
    _spec("help.about", QT_TRANSLATE_NOOP("Actions", "About Alama"), menu="help"),
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


def relation_actions(labels: LabelSet) -> tuple[ActionSpec, ...]:
    """Edit ▸ one entry per relation type with a key (``said_by``: R): it starts linking the
    chosen span. Ids: ``links.start.<TYPE>``."""
    specs: list[ActionSpec] = []
    for number, kind in enumerate(r for r in labels.relations if r.shortcut):
        text = QCoreApplication.translate(CONTEXT, LINK_TEXT).replace("%1", kind.name(language()))
        specs.append(
            ActionSpec(
                f"links.start.{kind.key}", text, (kind.shortcut.upper(),), menu="edit",
                section="links", verbatim=True, help=LINK_HELP,
                help_args=(kind.name_ar, kind.name_en), separator_before=number == 0,
            )
        )  # fmt: skip
    return tuple(specs)


def _label_text(label: Label) -> str:
    return f"{label.name_ar} · {label.name_en}"


def all_actions(labels: LabelSet) -> tuple[ActionSpec, ...]:
    """The project's labels' actions, then every other one (the relation types' among them)."""
    from alama.gui.boilerplate_actions import BOILERPLATE_ACTIONS  # (these import this module)
    from alama.gui.suggestion_actions import suggestion_actions

    at = next(i for i, spec in enumerate(ACTIONS) if spec.id == "links.stance")
    return (*label_actions(labels), *ACTIONS[:at], *relation_actions(labels), *ACTIONS[at:],
            *suggestion_actions(labels), *BOILERPLATE_ACTIONS)  # fmt: skip


def first_key(sequence: QKeySequence) -> QKeyCombination:
    """The first key combination of a sequence (Alama binds one-combination sequences only)."""
    return sequence[0]  # type: ignore[index,no-any-return]  # PySide6's stubs lack __getitem__


def bound_keys(spec: ActionSpec) -> list[QKeyCombination]:
    """The key combinations an action takes (a standard key: its first binding, as the menu)."""
    return [first_key(s) for s in (QKeySequence(k) for k in spec.keys) if not s.isEmpty()]


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


def handler_ids() -> list[str]:
    """The ids `build_actions` needs a handler for, in declaration order."""
    specs = all_actions(LabelSet([]))  # the registry's own, and the Suggestions menu's
    return [s.id for s in specs if s.where == "window" and (s.keys or s.menu is not None)]
