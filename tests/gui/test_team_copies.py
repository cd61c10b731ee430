"""Copies for annotators from the window: one saved in the background while labelling goes
on, every one handed out to a folder, collected back with a report; a handed-out copy opens as
its annotator and leaves the lead's actions to the lead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.handout import handout_one
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_team import CopyDialog
from alama.gui.settings import Settings
from tests.gui import team_setup
from tests.gui.conftest import SECOND, THIRD
from tests.gui.pages import choose
from tests.gui.team_setup import TEXTS, english, open_window, said

# The fixtures of a Team test project (tests/gui/team_setup.py).
project = team_setup.project
window = team_setup.window
assigned = team_setup.assigned
shown = team_setup.shown
warned = team_setup.warned


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


def test_a_handed_out_copy_leaves_the_leads_actions_to_the_lead(
    qtbot: QtBot, assigned: MainWindow, tmp_path: Path, warned: list[str]
) -> None:
    copy = handout_one(assigned.store.path, "bilal", tmp_path / "bilal.alama")
    theirs = open_window(qtbot, copy.path, "bilal")
    try:
        for action in ("team.assign", "team.handout", "team.collect"):
            theirs.action_set[action].trigger()
        assert (
            warned
            == [
                "This file is the copy handed out to bilal. The lead assigns, hands out and "
                "collects in the project itself."
            ]
            * 3
        )
        theirs.action_set["team.progress"].trigger()
        view = theirs.team.view
        assert view is not None
        qtbot.waitUntil(lambda: view.progress is not None, timeout=20_000)
        assert view.cell("bilal", "assigned") == "3", "their own progress, in their copy"
    finally:
        theirs.team.wait()
        theirs.store.close()


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
