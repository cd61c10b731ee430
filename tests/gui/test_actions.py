"""Every action declared once (gui/actions.py): no key means two things in a mode, every key is
on the F1 sheet, and the menus built from the declarations follow the mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow, QPlainTextEdit
from pytestqt.qtbot import QtBot

from alama.core.demo import build_demo
from alama.core.labels import LabelSet
from alama.core.store import Store
from alama.gui.actions import (
    ACTIONS,
    MODES,
    Mode,
    all_actions,
    article_action,
    bound_keys,
    first_key,
    handler_ids,
    sheet_rows,
)
from alama.gui.menus import WindowActions, build_actions
from alama.gui.qt_dialogs import ShortcutsSheet

LRI, PDI = "\u2066", "\u2069"


@pytest.fixture(scope="module")
def demo_labels(tmp_path_factory: pytest.TempPathFactory) -> LabelSet:
    path = build_demo(tmp_path_factory.mktemp("demo") / "demo.alama")
    with Store.open(path) as store:
        return store.labels()


@pytest.fixture(params=["default", "demo"])
def labels(request: pytest.FixtureRequest, demo_labels: LabelSet) -> LabelSet:
    return LabelSet.default() if request.param == "default" else demo_labels


class Host:
    """A bare window with the actions built on it, recording which handler ran."""

    def __init__(self, qtbot: QtBot, labels: LabelSet, mode: Mode, rtl: bool = False) -> None:
        self.ran: list[str] = []
        self.labelled: list[tuple[str, bool]] = []
        self.window = QMainWindow()
        if rtl:
            self.window.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.editor = QPlainTextEdit("خبر عن حلب")
        self.editor.setReadOnly(True)  # as the article: an editable text would take the keys
        self.window.setCentralWidget(self.editor)
        self.stack = QUndoStack(self.window)
        self.actions = build_actions(
            self.window, self.handlers(), labels,
            apply_label=lambda key, exact: self.labelled.append((key, exact)),
            undo_stack=self.stack, mode=mode,
        )  # fmt: skip
        qtbot.addWidget(self.window)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {i: (lambda i=i: self.ran.append(i)) for i in handler_ids()}  # type: ignore[misc]

    def show(self, qtbot: QtBot) -> None:
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)
        self.editor.setFocus()


def in_use(actions: WindowActions) -> dict[int, list[str]]:
    """Every key combination taken now: enabled window actions and the article's own keys."""
    taken: dict[int, list[str]] = {}
    for action_id, action in actions.actions.items():
        if action.isEnabled() and action.isVisible():
            for sequence in (s for s in action.shortcuts() if not s.isEmpty()):
                taken.setdefault(first_key(sequence).toCombined(), []).append(action_id)
    for spec in ACTIONS:
        if spec.where == "article":
            for combination in bound_keys(spec):
                taken.setdefault(combination.toCombined(), []).append(spec.id)
    return taken


@pytest.mark.parametrize("mode", MODES)
def test_no_key_is_bound_twice_in_a_mode(qtbot: QtBot, labels: LabelSet, mode: Mode) -> None:
    declared: dict[int, list[str]] = {}
    for spec in all_actions(labels):
        if spec.in_mode(mode):
            for combination in bound_keys(spec):
                declared.setdefault(combination.toCombined(), []).append(spec.id)
    twice = {QKeySequence(k).toString(): ids for k, ids in declared.items() if len(ids) > 1}
    assert twice == {}
    host = Host(qtbot, labels, mode)
    taken = in_use(host.actions)
    twice = {QKeySequence(k).toString(): ids for k, ids in taken.items() if len(ids) > 1}
    assert twice == {}
    # and the keys really are bound: the label keys, Delete, Enter in review
    assert first_key(QKeySequence("1")).toCombined() in taken
    assert first_key(QKeySequence("Alt+1")).toCombined() in taken
    assert first_key(QKeySequence("Del")).toCombined() in taken
    assert (first_key(QKeySequence("Return")).toCombined() in taken) == (mode == "review")


@pytest.mark.parametrize("mode", MODES)
def test_every_key_is_on_the_f1_sheet(qtbot: QtBot, labels: LabelSet, mode: Mode) -> None:
    rows = sheet_rows(labels, mode)
    heading = next(i for i, (keys, _) in enumerate(rows) if not keys)
    current = rows[:heading]
    specs = {spec.id: spec for spec in all_actions(labels)}
    for spec in specs.values():
        if not spec.in_mode(mode) or not spec.keys_shown():
            continue
        row_of = specs[spec.shown_with] if spec.shown_with else spec
        assert (row_of.keys_shown(), row_of.help_text()) in current, spec.id
        if not spec.shown_keys and not spec.shown_with:
            native = QKeySequence.SequenceFormat.NativeText
            for key in spec.keys:
                assert QKeySequence(key).toString(native) in row_of.keys_shown()
    sheet = ShortcutsSheet(labels, None, mode)
    qtbot.addWidget(sheet)
    text = sheet.findChild(type(sheet.children()[1])).toPlainText()  # the QTextBrowser
    for keys, description in rows:
        assert description in text
        assert keys in text


# The F1 sheet before the registry (English): every row is still there, in one mode or the other.
TODAY = [
    ("1", "Label the selection فاعل (Actor); relabel the chosen span"),
    ("Alt+1…9", "Label the exact characters selected (no snapping to words)"),
    ("Alt + drag", "Select exact characters, e.g. a name after the proclitic و or ب"),
    ("Click a span", "Choose it; click again to cycle through nested spans"),
    ("Del", "Delete the chosen span"),
    ("Shift+← / Shift+→", "Grow / shrink the chosen span at its left (end) edge by a word"),
    ("Ctrl+Shift+→ / Ctrl+Shift+←",
     "Grow / shrink the chosen span at its right (start) edge by a word"),
    ("… with Alt", "By one character instead of a word"),
    ("Esc", "Clear the selection and the chosen span"),
    ("Ctrl+Enter", "Mark the document done and open the next one"),
    ("Page Down / Page Up", "Next / previous document"),
    ("Ctrl+F", "Find in this article"),
    ("Ctrl+Shift+F", "Search all documents"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo, also after switching documents"),
    ("Ctrl+= / Ctrl+- / Ctrl+0", "Zoom in / out / reset"),
    ("Ctrl+Shift+A", "Agreement dashboard"),
    ("Ctrl+M", "Merge annotators' project files"),
    ("Ctrl+R", "Review mode on / off (the gold layer)"),
    ("Enter", "Review: accept the chosen span into gold"),
    ("Del", "Review: reject the chosen span (out of gold)"),
    ("Shift+Enter", "Review: accept everything all annotators agree on"),
    ("F8 / Shift+F8", "Review: next / previous disagreement"),
    ("1…9", "Review: accept the chosen span under that label, or relabel gold"),
    ("Ctrl+Enter", "Review: mark the document reviewed, open the next"),
    ("F1", "This sheet"),
]  # fmt: skip


@pytest.mark.parametrize("mode", MODES)
def test_every_row_of_the_old_sheet_is_still_there(mode: Mode) -> None:
    rows = sheet_rows(LabelSet.default(), mode)
    for keys, text in TODAY:
        assert any(keys in k and t == text for k, t in rows), (keys, text)
    review_first = [t for _, t in rows].index("Review: accept the chosen span into gold")
    heading = [k for k, _ in rows].index("")
    assert (review_first < heading) == (mode == "review"), "the current mode's keys come first"


def test_a_missing_or_unknown_handler_fails_at_once(qtbot: QtBot) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    handlers: dict[str, Callable[[], object]] = {i: lambda: None for i in handler_ids()}
    del handlers["review.accept"]
    with pytest.raises(ValueError, match=r"without a handler: review\.accept;"):
        build_actions(
            window, handlers, LabelSet.default(), apply_label=lambda k, e: None,
            undo_stack=QUndoStack(window),
        )  # fmt: skip
    handlers["review.accept"] = handlers["review.acept"] = lambda: None
    with pytest.raises(ValueError, match=r"of no action: review\.acept"):
        build_actions(
            window, handlers, LabelSet.default(), apply_label=lambda k, e: None,
            undo_stack=QUndoStack(window),
        )  # fmt: skip
    assert window.menuBar().actions() == [], "nothing half built"


def test_set_mode_enables_only_that_modes_actions(qtbot: QtBot) -> None:
    host = Host(qtbot, LabelSet.default(), "annotate")
    actions = host.actions
    review_keys = ("review.accept", "review.accept_agreed", "review.next_disagreement")
    assert not any(actions[i].isEnabled() for i in review_keys)
    assert actions["edit.delete_span"].isVisible() and actions["edit.delete_span"].isEnabled()
    assert not actions["review.reject_span"].isVisible()
    assert not actions["review.mode"].isChecked()
    edit_menu = [a.text() for a in actions.menus["edit"].actions() if a.isVisible()]
    assert "Delete span" in edit_menu and "Reject span" not in edit_menu
    host.show(qtbot)
    qtbot.keyClick(host.editor, Qt.Key.Key_Delete)
    qtbot.keyClick(host.editor, Qt.Key.Key_Return)  # not review mode: nothing
    qtbot.keyClick(host.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert host.ran == ["edit.delete_span", "document.done_and_next"]
    actions.set_mode("review")
    assert all(actions[i].isEnabled() for i in review_keys)
    assert not actions["edit.delete_span"].isVisible()
    assert actions["review.reject_span"].isVisible() and actions["review.reject_span"].isEnabled()
    assert actions["review.mode"].isChecked()
    assert actions.mode == "review"
    host.ran.clear()
    qtbot.keyClick(host.editor, Qt.Key.Key_Delete)
    qtbot.keyClick(host.editor, Qt.Key.Key_Return)
    qtbot.keyClick(host.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(host.editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert host.ran == [
        "review.reject_span", "review.accept", "document.reviewed_and_next",
        "review.previous_disagreement",
    ]  # fmt: skip


def test_label_keys_apply_their_label_exact_with_alt(qtbot: QtBot) -> None:
    host = Host(qtbot, LabelSet.default(), "annotate")
    host.show(qtbot)
    qtbot.keyClick(host.editor, Qt.Key.Key_2)
    qtbot.keyClick(host.editor, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert host.labelled == [("PLACE", False), ("ACTOR", True)]
    labels_menu = [a.text() for a in host.actions.menus["labels"].actions()]
    assert labels_menu == ["فاعل · Actor", "مكان · Place", "ادعاء · Claim"]


def test_menus_keep_their_order_and_the_language_submenu(qtbot: QtBot) -> None:
    host = Host(qtbot, LabelSet.default(), "annotate")
    titles = [a.text() for a in host.window.menuBar().actions()]
    assert titles == [
        "&File", "&Edit", "&Labels", "&Suggestions", "&Document", "&View", "&Review", "&Team",
        "&Help",
    ]  # fmt: skip
    view = [a.text() or "-" for a in host.actions.menus["view"].actions()]
    assert view == ["Zoom in", "Zoom out", "Normal size", "-", "Language"]
    language = host.actions.menus["language"].actions()
    assert [a.text() for a in language] == ["العربية", "English"]
    language[1].setChecked(True)
    language[0].setChecked(True)
    assert not language[1].isChecked(), "one language at a time"
    file_menu = [a.text() or "-" for a in host.actions.menus["file"].actions()]
    assert file_menu[:5] == [
        "New project…", "Open project…", "Open the demo", "Start screen…", "Change annotator…",
    ]  # fmt: skip
    assert file_menu[5:9] == ["-", "Import…", "Export…", "Merge…"]


def test_arabic_menus_write_their_keys_left_to_right(qtbot: QtBot) -> None:
    host = Host(qtbot, LabelSet.default(), "annotate", rtl=True)
    assert host.actions["file.import"].text() == f"Import…\t{LRI}Ctrl+I{PDI}"
    assert host.actions["view.zoom_in"].text().endswith(f"\t{LRI}Ctrl+={PDI}")
    assert host.actions["file.demo"].text() == "Open the demo", "no key, nothing added"
    assert host.actions.undo.text() == f"Undo\t{LRI}Ctrl+Z{PDI}"


def test_undo_and_redo_are_named_after_the_step(qtbot: QtBot) -> None:
    host = Host(qtbot, LabelSet.default(), "annotate")
    undo, redo = host.actions.undo, host.actions.redo
    assert not undo.isEnabled() and undo.text() == "Undo"
    host.stack.push(QUndoCommand("Label Actor"))
    assert undo.isEnabled() and undo.text() == "Undo Label Actor"
    host.actions.set_mode("review")
    assert undo.isEnabled(), "the undo history does not depend on the mode"
    undo.trigger()
    assert host.ran == ["edit.undo"], "the window's own undo runs, not the stack's"
    host.stack.undo()
    assert redo.text() == "Redo Label Actor" and redo.isEnabled()


@pytest.mark.parametrize(
    ("key", "modifiers", "meaning"),
    [
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier, "article.end_edge"),
        (
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier,
            "article.end_edge",
        ),
        (
            Qt.Key.Key_Right,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
            | Qt.KeyboardModifier.AltModifier,
            "article.start_edge_char",
        ),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier, "article.word_step"),
        (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, "article.clear"),
        (Qt.Key.Key_Left, Qt.KeyboardModifier.NoModifier, None),
        (Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, None),
    ],
)  # fmt: skip
def test_the_article_reads_its_keys_from_the_declarations(
    key: Qt.Key, modifiers: Qt.KeyboardModifier, meaning: str | None
) -> None:
    assert article_action(QKeyCombination(modifiers, key)) == meaning
