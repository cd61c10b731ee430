"""The Team menu in the window: assigning (the list then keeps to my documents), Ctrl+Enter to
the next document assigned to me, reassigning when someone leaves. (Copies: test_team_copies.py;
the Team view and the guidelines: test_team_view.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.model import Status
from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_team import AssignDialog, ReassignDialog
from tests.gui import team_setup
from tests.gui.pages import choose
from tests.gui.team_setup import MINE, english, listed, open_window, said

# The fixtures of a Team test project (tests/gui/team_setup.py).
project = team_setup.project
window = team_setup.window
assigned = team_setup.assigned
shown = team_setup.shown
warned = team_setup.warned

TEAM_ENTRIES = [
    "Assign documents…",
    "Someone left: reassign their documents…",
    "-",
    "Save a copy for an annotator…",
    "Hand out copies to everyone…",
    "Collect copies…",
    "-",
    "Team progress",
    "-",
    "Import guidelines…",
]


# --- the menu --------------------------------------------------------------------------------


def test_the_team_menu_and_f2_are_in_the_menus(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.index("&Team") == titles.index("&Review") + 1
    team = window.action_set.menus["team"]
    assert [a.text() or "-" for a in team.actions()] == TEAM_ENTRIES
    assert all(a.isEnabled() for a in team.actions() if a.text())
    guidelines = window.action_set["help.guidelines"]
    assert guidelines.shortcut().toString() == "F2"
    assert guidelines in window.action_set.menus["help"].actions()


# --- assigning -------------------------------------------------------------------------------


def test_assign_from_the_menu_then_the_list_keeps_to_my_documents(
    window: MainWindow, shown: list[tuple[bool, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not window.navigator.scope.isVisibleTo(window), "nothing assigned: no such choice"
    assert listed(window) == list(range(1, 10))

    def fill_in(dialog: AssignDialog) -> int:
        assert dialog.annotators.text() == "amal", "the project's annotators, prefilled"
        dialog.annotators.setText("amal, bilal، karim")  # an Arabic comma too
        dialog.overlap.setValue(30)
        dialog.seed.setValue(7)
        choose(dialog.documents, "all")
        return 1

    monkeypatch.setattr(AssignDialog, "exec", fill_in)
    window.action_set["team.assign"].trigger()
    ((ok, report),) = shown
    report = english(report)
    assert ok, report
    assert report.startswith("9 documents assigned, ")
    with Store.open(window.store.path) as store:
        mine = store.assigned_documents("amal")
        assert {n for who in store.assignments().values() for n in who} == {
            "amal",
            "bilal",
            "karim",
        }
    assert mine and len(mine) < 9
    assert listed(window) == mine
    assert window.navigator.scope.isVisibleTo(window)
    assert window.navigator.scope.currentText() == "Assigned to me"
    window.navigator.set_mine_only(False)
    assert listed(window) == list(range(1, 10)), "the rest of the project, one choice away"


def test_assign_the_documents_a_file_lists(
    window: MainWindow, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    ids = [window.store.document(doc).doc_id for doc in (2, 4)]
    listed_file = tmp_path / "round-2.txt"
    listed_file.write_text("# the second round\n" + "\n".join(ids) + "\n", encoding="utf-8")
    dialog = AssignDialog(window.store, window)
    dialog.annotators.setText("amal, bilal")
    dialog.overlap.setValue(0)
    dialog.choose_listed(listed_file)
    assert dialog.documents.currentText() == "Documents listed in \u2066round-2.txt\u2069"
    dialog.exec = lambda: 1  # type: ignore[method-assign]
    assert window.team.assign(dialog)
    assert sorted(window.store.assignments()) == [2, 4]
    assert english(shown[0][1]).startswith("2 documents assigned, 0 of them")


def test_a_refused_assignment_says_why_in_one_line(
    window: MainWindow, shown: list[tuple[bool, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(
        "alama.gui.qt_team.QMessageBox.warning",
        staticmethod(lambda parent, title, text: boxes.append(text)),
    )
    dialog = AssignDialog(window.store, window)
    dialog.annotators.setText("amal, @gold")
    dialog.buttons.accepted.emit()
    dialog.annotators.setText("amal")
    dialog.buttons.accepted.emit()  # 20 % overlap needs two annotators per document
    assert boxes == [
        "'@gold' cannot be an annotator name",
        "An overlap document goes to 2 annotators: name at least 2, or set the overlap to 0 %.",
    ]
    assert dialog.result() == 0 and not shown
    assert not window.store.has_assignments()


def test_the_list_keeps_to_my_documents_when_the_project_opens(assigned: MainWindow) -> None:
    assert listed(assigned) == MINE
    assert assigned.doc in MINE
    assigned.navigator.set_mine_only(False)
    assert listed(assigned) == list(range(1, 10))
    assigned.navigator.set_mine_only(True)
    assert listed(assigned) == MINE


def test_a_rebuilt_window_keeps_the_choice_of_the_whole_project(
    qtbot: QtBot, assigned: MainWindow
) -> None:
    assigned.navigator.set_mine_only(False)
    where = assigned.navigator.where()
    again = open_window(qtbot, assigned.store.path)  # as after a change of language
    try:
        assert listed(again) == MINE
        again.navigator.go_back(where)
        assert listed(again) == list(range(1, 10))
    finally:
        again.store.close()


def test_review_mode_lists_every_document(assigned: MainWindow) -> None:
    assigned.set_reviewing(True)
    assert listed(assigned) == list(range(1, 10))
    assert not assigned.navigator.scope.isVisibleTo(assigned)
    assigned.set_reviewing(False)
    assert listed(assigned) == MINE
    assigned.navigator.set_mine_only(False)
    assigned.set_reviewing(True)
    assigned.set_reviewing(False)
    assert listed(assigned) == list(range(1, 10)), "the choice stays as made"


# --- Ctrl+Enter --------------------------------------------------------------------------------


def ctrl_enter(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_enter_goes_to_the_next_assigned_document_not_done(
    qtbot: QtBot, assigned: MainWindow
) -> None:
    assigned.store.set_status(5, "amal", Status.DONE)
    assigned.reread()
    assigned.open_document(3)
    assert assigned.progress.text() == "Assigned to me: 1 / 4 done"
    ctrl_enter(qtbot, assigned)
    assert assigned.doc == 7, "5 is done: skipped"
    assert assigned.store.status(3, "amal") is Status.DONE
    assert assigned.progress.text() == "Assigned to me: 2 / 4 done"
    ctrl_enter(qtbot, assigned)
    assert assigned.doc == 1, "went round to the top"
    assert said(assigned) == "Went on from the top of the document list."
    ctrl_enter(qtbot, assigned)
    assert assigned.doc == 1
    assert said(assigned) == "Every document assigned to you is done."


def test_ctrl_enter_over_the_whole_project_skips_documents_not_mine(
    qtbot: QtBot, assigned: MainWindow
) -> None:
    assigned.navigator.set_mine_only(False)
    assigned.open_document(1)
    ctrl_enter(qtbot, assigned)
    assert assigned.doc == 3, "2 is bilal's"
    ctrl_enter(qtbot, assigned)
    assert assigned.doc == 5, "4 is bilal's"


def test_someone_left_their_unfinished_documents_go_to_the_others(
    assigned: MainWindow, shown: list[tuple[bool, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    assigned.store.set_status(2, "bilal", Status.DONE)

    def fill_in(dialog: ReassignDialog) -> int:
        choose(dialog.leaving, "bilal")
        assert [dialog.to.item(r).text() for r in range(dialog.to.count())] == ["amal"]
        return 1

    monkeypatch.setattr(ReassignDialog, "exec", fill_in)
    assigned.action_set["team.reassign"].trigger()
    ((ok, report),) = shown
    report = english(report)
    assert ok, report
    # One of bilal's two unfinished documents was shared with amal: it keeps her alone.
    assert report.startswith("1 unfinished document of bilal given to others; the 1 they")
    assert "1 shared document everyone else had already: one annotator fewer." in report
    assert assigned.store.assigned_documents("bilal") == [2], "what bilal finished stays"
    assert assigned.store.assigned_documents("amal") == [1, 3, 4, 5, 7]
    assert 4 in listed(assigned), "amal's list has it now"
