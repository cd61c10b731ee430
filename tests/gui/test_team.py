"""The Team menu in the window: assigning (the list then keeps to my documents), Ctrl+Enter to
the next document assigned to me, a copy saved for an annotator while labelling goes on, handing
out, collecting with a report, reassigning when someone leaves."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.handout import handout_one
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_team import AssignDialog, CopyDialog, ReassignDialog
from alama.gui.settings import Settings
from tests.gui import team_setup
from tests.gui.conftest import SECOND, THIRD
from tests.gui.pages import choose
from tests.gui.team_setup import MINE, TEXTS, english, listed, open_window, said

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


# --- copies ------------------------------------------------------------------------------------


def test_save_a_copy_for_an_annotator_while_labelling_goes_on(
    qtbot: QtBot, assigned: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "for-bilal.alama"

    def fill_in(dialog: CopyDialog) -> int:
        assert dialog.path.text() == str(tmp_path / "news-amal.alama"), "suggested beside it"
        choose(dialog.annotator, "bilal")
        assert dialog.path.text() == str(tmp_path / "news-bilal.alama")
        dialog.path.setText(str(target))
        return 1

    monkeypatch.setattr(CopyDialog, "exec", fill_in)
    assigned.action_set["team.handout_one"].trigger()
    (job,) = assigned.team.copies
    assert "Saving bilal's copy" in said(assigned)
    # The window goes on labelling while the copy is written.
    assigned.open_document(1)
    assert assigned.session.add_span(1, 2, 5, "ACTOR", True) is not None
    with qtbot.waitSignal(job.done, timeout=20_000):
        pass
    assert job.outcome is not None and job.outcome.ok, job.outcome
    assert said(assigned).startswith("Saved bilal's copy: ")
    assert not assigned.team.copies
    with Store.open(target) as copy:
        texts = [copy.document(doc).text for doc in copy.document_ids()]
        assert texts == [THIRD, SECOND, TEXTS[3]], "bilal's documents only, the overlap one first"
        assert copy.handed_to() == "bilal"
        assert copy.annotators() == ["bilal"]
    assert [s.label for s in assigned.store.spans(1, "amal")] == ["ACTOR"], "labelling went on"


def test_closing_the_window_finishes_the_copy_being_saved(
    assigned: MainWindow, tmp_path: Path
) -> None:
    dialog = CopyDialog(assigned.store, assigned)
    choose(dialog.annotator, "bilal")
    dialog.path.setText(str(tmp_path / "bilal.alama"))
    dialog.exec = lambda: 1  # type: ignore[method-assign]
    job = assigned.team.save_copy(dialog)
    assert job is not None
    assigned.close()
    assert not job.running()
    with Store.open(tmp_path / "bilal.alama") as copy:
        assert copy.handed_to() == "bilal"


def test_a_copy_over_an_existing_file_is_refused_in_one_line(
    qtbot: QtBot, assigned: MainWindow, tmp_path: Path, warned: list[str]
) -> None:
    target = tmp_path / "taken.alama"
    target.write_bytes(b"bilal's work")
    dialog = CopyDialog(assigned.store, assigned)
    choose(dialog.annotator, "bilal")
    dialog.path.setText(str(target))
    dialog.exec = lambda: 1  # type: ignore[method-assign]
    job = assigned.team.save_copy(dialog)
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=20_000):
        pass
    (message,) = warned
    assert message == f"{target} already exists; choose another name for bilal's copy"
    assert target.read_bytes() == b"bilal's work"


def test_a_handed_out_copy_opens_as_its_annotator_without_asking(
    qapp: QApplication, assigned: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ALAMA_ANNOTATOR", raising=False)
    copy = handout_one(assigned.store.path, "bilal", tmp_path / "bilal.alama")
    settings = Settings(tmp_path / "machine.ini")
    settings.annotator = "amal"
    asked: list[str] = []
    monkeypatch.setattr("alama.gui.app.ask_annotator", lambda *a: asked.append("?"))
    controller = Application(qapp, settings)
    try:
        assert controller.open(copy.path)
        assert controller.session is not None and controller.session.annotator == "bilal"
        assert not asked
        assert controller.window is not None
        assert controller.window.navigator.scope.currentText() == "Assigned to me"
        assert settings.annotator == "amal", "this machine's own name stays"
        assert controller.open(copy.path), "opened again (after an import): still bilal's"
        assert controller.session is not None and controller.session.annotator == "bilal"
        settings.annotator = "karim"  # File ▸ Change annotator…, then the project reopens
        assert controller.open(copy.path)
        assert controller.session is not None and controller.session.annotator == "karim"
        assert not asked
    finally:
        if controller.window is not None:
            controller.window.close()
        if controller.session is not None:
            controller.session.store.close()


def test_hand_out_copies_to_everyone(
    assigned: MainWindow,
    tmp_path: Path,
    shown: list[tuple[bool, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "copies"
    chosen = staticmethod(lambda *args: str(out))
    monkeypatch.setattr("alama.gui.team_commands.QFileDialog.getExistingDirectory", chosen)
    assigned.action_set["team.handout"].trigger()
    ((ok, report),) = shown
    report = english(report)
    assert ok, report
    assert report.splitlines()[0] == "2 copies written:"
    assert "bilal: news-bilal.alama (3 documents, 1 shared for agreement)" in report
    assert sorted(p.name for p in out.iterdir()) == ["news-amal.alama", "news-bilal.alama"]
    assert not assigned.team.hand_out(out), "the copies exist: refused, nothing overwritten"
    assert not shown[1][0] and "already exists" in shown[1][1]


def test_collect_shows_a_report_per_annotator_and_reads_the_project_again(
    qtbot: QtBot,
    assigned: MainWindow,
    tmp_path: Path,
    shown: list[tuple[bool, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    copy = handout_one(assigned.store.path, "bilal", tmp_path / "bilal.alama")
    with Store.open(copy.path) as store:
        store.add_span(2, "bilal", 0, 3, "ACTOR")
        store.set_status(2, "bilal", Status.DONE)
    chosen = staticmethod(lambda *args: ([str(copy.path)], ""))
    monkeypatch.setattr("alama.gui.team_commands.QFileDialog.getOpenFileNames", chosen)
    with qtbot.waitSignal(assigned.projectRequested) as reload:
        assigned.action_set["team.collect"].trigger()
    assert reload.args == [assigned.store.path]
    ((ok, report),) = shown
    report = english(report)
    assert ok, report
    assert "bilal: 1 new span, 0 deleted, 1 document finished." in report
    assert [s.label for s in assigned.store.spans(2, "bilal")] == ["ACTOR"]
    assert assigned.team.collect([copy.path])
    assert "Nothing new" in shown[1][1], "collecting again changes nothing"


def test_collecting_a_copy_that_changes_anothers_layer_is_refused_in_one_line(
    assigned: MainWindow, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    copy = handout_one(assigned.store.path, "bilal", tmp_path / "bilal.alama")
    with Store.open(copy.path) as store:
        store.add_span(2, "bilal", 0, 3, "ACTOR")
        store.add_span(2, "amal", 0, 3, "PLACE")  # not bilal's layer
    assert not assigned.team.collect([copy.path])
    ((ok, message),) = shown
    assert not ok and "\n" not in message
    assert "nothing was merged" in message, message
    assert assigned.store.spans(2, "bilal") == [] and assigned.store.spans(2, "amal") == []


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
    assert report.startswith("2 unfinished documents of bilal given to others; the 1 they")
    assert assigned.store.assigned_documents("bilal") == [2], "what bilal finished stays"
    assert assigned.store.assigned_documents("amal") == [1, 3, 4, 5, 7]
    assert 4 in listed(assigned), "amal's list has it now"
