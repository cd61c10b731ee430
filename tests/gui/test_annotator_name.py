"""Who is annotating: the project's annotators to pick from, and a typo that is questioned."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_dialogs import AnnotatorDialog, ask_annotator
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

W = TypeVar("W", bound=QWidget)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """amal and omar have layers; gold too."""
    store = Store.create(tmp_path / "p.alama")
    store.add_document("قال وزير الدفاع إن القوات ستنسحب")
    store.add_span(1, "amal", 4, 15, "ACTOR")
    store.set_status(1, "amal", Status.DONE)
    store.add_span(1, "omar", 4, 8, "ACTOR")
    store.add_gold(1, 4, 15, "ACTOR", "lead", ["amal"])
    yield store
    store.close()


def when_shown(kind: type[W], act: Callable[[W], None]) -> None:
    """Act on the next modal window of this kind once it shows (exec() blocks the test)."""

    def look() -> None:
        shown = QApplication.activeModalWidget()
        if isinstance(shown, kind) and shown.isVisible():
            act(shown)
        else:
            QTimer.singleShot(10, look)

    QTimer.singleShot(0, look)


def type_name(name: str) -> Callable[[AnnotatorDialog], None]:
    def act(dialog: AnnotatorDialog) -> None:
        dialog.combo.setCurrentText(name)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTimer.singleShot(0, ok.click)  # the question opens inside the click

    return act


def click(starting: str, seen: list[str]) -> Callable[[QMessageBox], None]:
    """Answer the question with the button whose text starts so; keep the question's text."""

    def act(box: QMessageBox) -> None:
        seen.append(box.text())
        button = next(b for b in box.buttons() if b.text().startswith(starting))
        button.click()

    return act


def test_the_project_annotators_are_offered(qtbot: QtBot, store: Store) -> None:
    dialog = AnnotatorDialog(store.annotators(), "omar")
    qtbot.addWidget(dialog)
    combo = dialog.combo
    assert combo.isEditable()
    assert [combo.itemText(i) for i in range(combo.count())] == ["amal", "omar"]  # no gold
    assert combo.currentText() == "omar"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [("Use", "amal"), ("Keep", "Amal")],
)
def test_a_near_duplicate_is_questioned(
    qtbot: QtBot, store: Store, answer: str, expected: str
) -> None:
    seen: list[str] = []
    when_shown(AnnotatorDialog, type_name(" Amal "))
    when_shown(QMessageBox, click(answer, seen))
    assert ask_annotator(None, "", store.annotators()) == expected
    assert seen == ["«Amal» looks like the existing annotator «amal». Use «amal»?"]


def test_cancelling_the_question_goes_back_to_the_name(qtbot: QtBot, store: Store) -> None:
    dialog = AnnotatorDialog(store.annotators())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.combo.setCurrentText("omra")  # two letters swapped
    seen: list[str] = []
    when_shown(QMessageBox, click("Cancel", seen))
    dialog.accept()
    assert seen == ["«omra» looks like the existing annotator «omar». Use «omar»?"]
    assert dialog.isVisible() and dialog.name is None  # still asking
    dialog.combo.setCurrentText("sara")  # someone new: no question
    dialog.accept()
    assert dialog.name == "sara" and not dialog.isVisible()


def test_change_annotator_does_not_start_a_layer_for_a_typo(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "omar"
    window = MainWindow(Session(store, "omar"), settings)
    qtbot.addWidget(window)
    seen: list[str] = []
    when_shown(AnnotatorDialog, type_name("Amal"))
    when_shown(QMessageBox, click("Use", seen))
    with qtbot.waitSignal(window.projectRequested):
        window.commands.change_annotator()
    assert seen and settings.annotator == "amal"
    assert "Amal" not in store.annotators()


def test_opening_a_project_questions_a_name_from_this_machine(
    qapp: QApplication, qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """The name was typed once on this machine as "Amal"; the lead's project has "amal"."""
    store.close()
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "Amal"
    controller = Application(qapp, settings)
    seen: list[str] = []
    when_shown(QMessageBox, click("Use", seen))
    try:
        assert controller.open(tmp_path / "p.alama")
        assert controller.session is not None and controller.session.annotator == "amal"
        assert "Amal" not in controller.session.store.annotators()
        assert settings.annotator == "amal"
        assert seen == ["«Amal» looks like the existing annotator «amal». Use «amal»?"]
    finally:
        if controller.window is not None:
            controller.window.close()
        if controller.session is not None:
            controller.session.store.close()


def test_a_name_typed_in_other_letter_case_is_questioned_not_silently_replaced(
    qtbot: QtBot, store: Store
) -> None:
    """The list's completion must not turn a typed "Amal" into "amal" behind the user's back:
    the question is asked, and someone really named Amal can be added."""
    dialog = AnnotatorDialog(store.annotators())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.combo.setCurrentText("")
    dialog.combo.setFocus()
    qtbot.keyClicks(dialog.combo, "Amal")
    seen: list[str] = []
    when_shown(QMessageBox, click("Keep", seen))
    qtbot.keyClick(dialog.combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.name is not None)
    assert seen == ["«Amal» looks like the existing annotator «amal». Use «amal»?"]
    assert dialog.name == "Amal"
