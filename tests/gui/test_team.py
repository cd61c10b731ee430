"""The Team menu in the window: assigning (the list then keeps to my documents), Ctrl+Enter to
the next document assigned to me, a copy saved for an annotator while labelling goes on, handing
out, collecting with a report, the Team view's figures, and the guidelines on F2."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.handout import handout_one
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store
from alama.core.store.base import now
from alama.core.store.team import AssignmentRow
from alama.core.team_progress import team_progress
from alama.gui.app import Application
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_team import AssignDialog, CopyDialog, ReassignDialog
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import FIRST, SECOND, THIRD
from tests.gui.pages import choose

TEXTS = [FIRST, SECOND, THIRD, *(f"خبر رقم {n} عن مدينة حلب وأهلها" for n in range(4, 10))]
# Who has which document (1-based ids): amal 1, 3, 5, 7 (3 shared with bilal); bilal 2, 3, 4.
PLAN = {1: ["amal"], 2: ["bilal"], 3: ["amal", "bilal"], 4: ["bilal"], 5: ["amal"], 7: ["amal"]}
MINE = [1, 3, 5, 7]
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


@pytest.fixture
def project(tmp_path: Path) -> Path:
    with Store.create(tmp_path / "news.alama") as store:
        for text in TEXTS:
            store.add_document(text)
    return tmp_path / "news.alama"


def plan(store: Store, assignments: dict[int, list[str]] = PLAN) -> None:
    """Assign documents as a lead would have (the overlap ones to several annotators)."""
    stamp = now()
    store.put_assignment_rows(
        AssignmentRow(doc, name, int(len(names) > 1), stamp, None)
        for doc, names in assignments.items()
        for name in names
    )


def open_window(qtbot: QtBot, path: Path, name: str = "amal") -> MainWindow:
    store = Store.open(path)
    settings = Settings(path.parent / "settings.ini")
    settings.annotator = name
    window = MainWindow(Session(store, name), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.article.setFocus()
    return window


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, project)
    yield main
    main.team.wait()
    main.store.close()


@pytest.fixture
def assigned(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    """amal's window on a project whose lead assigned documents (see PLAN)."""
    with Store.open(project) as store:
        plan(store)
    main = open_window(qtbot, project)
    yield main
    main.team.wait()
    main.store.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str]]:
    """The Team menu's reports, instead of modal message boxes."""
    outcomes: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.team_commands.show_outcome",
        lambda parent, title, outcome: outcomes.append(tuple(outcome)),
    )
    return outcomes


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    found: list[str] = []
    monkeypatch.setattr(MainWindow, "warn", lambda self, text: found.append(text))
    return found


def english(text: str) -> str:
    """A report as English reads once its plural forms are in alama_en.qm: "1 document",
    "2 documents", "3 copies" (until then Qt writes the source's "2 document(s)")."""

    def plural(match: re.Match[str]) -> str:
        number, word, ending = match.groups()
        one = number == "1"
        if ending == "ies":
            return f"{number} {word[:-1]}{'y' if one else 'ies'}"
        return f"{number} {word}{'' if one else ending}"

    text = re.sub(r"(\d+) ((?:\w+ )*?\w+)\((s|es|ies)\)", plural, text)
    return re.sub("[\u2066-\u2069]", "", text)  # the isolates around file names


def listed(window: MainWindow) -> list[int | None]:
    documents = window.navigator.documents
    return [documents.doc_at(row) for row in range(documents.rowCount())]


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


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


# --- the Team view -----------------------------------------------------------------------------


def test_the_team_view_shows_the_figures_of_team_progress(
    qtbot: QtBot, assigned: MainWindow
) -> None:
    store = assigned.store
    store.add_span(3, "amal", 0, 3, "ACTOR")
    store.add_span(3, "bilal", 0, 3, "ACTOR")
    for doc, name in ((3, "amal"), (3, "bilal"), (2, "bilal")):
        store.set_status(doc, name, Status.DONE)
    store.set_status(9, "amal", Status.IN_PROGRESS)  # not hers
    view = assigned.action_set["team.progress"].trigger() or assigned.team.view
    assert view is not None
    qtbot.waitUntil(lambda: view.progress is not None, timeout=20_000)
    expected = team_progress(store)
    for row in expected.rows:
        for column in ("assigned", "overlap", "done", "in_progress", "todo", "outside"):
            assert view.cell(row.name, column) == str(getattr(row, column)), (row, column)
        assert view.cell(row.name, "last_activity").startswith("today ")
    assert view.cell("amal", "outside") == "1"
    assert expected.agreement is not None
    assert expected.overlap_documents == 1
    assert english(view.agreement.text()) == (
        "1 overlap document; agreement so far on the 1 finished: F1 exact 1.00 · alpha U 1.00"
    )
    assert english(view.ready.text()).endswith(f": {len(expected.ready_for_review)} documents")
    view.review.click()
    assert assigned.reviewing and assigned.doc == 2, "bilal finished it, its only annotator"
    assigned.store.set_status(2, GOLD_ANNOTATOR, Status.DONE)
    view.review.click()
    assert assigned.doc == 3, "then the overlap document both finished"
    assigned.set_reviewing(False)
    # Labelling in the window: the view counts again by itself.
    before = view.progress
    assigned.open_document(1)
    assigned.session.set_status(1, Status.DONE)
    qtbot.waitUntil(lambda: view.progress is not before, timeout=20_000)
    qtbot.waitUntil(lambda: view.cell("amal", "done") == "2", timeout=20_000)


def test_readable_times_are_local_and_short() -> None:
    from datetime import datetime

    from alama.gui.qt_team_view import readable_time

    assert readable_time(None) == "–"
    today = readable_time(now())
    assert today.startswith("today ") and len(today) == len("today 12:34")
    assert readable_time("2026-03-02T08:05:00.000+00:00", datetime(2026, 6, 1)).startswith("2 Mar")


# --- guidelines --------------------------------------------------------------------------------

GUIDELINES = """# دليل الوسم

- **فاعل (ACTOR)**: شخص أو جماعة أو دولة تفعل أو تقول.
- **مكان (PLACE)**: موضع له اسم.

Label the whole name, not the title before it.
"""


def test_f2_shows_the_guidelines_right_to_left_and_esc_closes_them(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "guide.md"
    path.write_text(GUIDELINES, encoding="utf-8")
    chosen = staticmethod(lambda *args: (str(path), ""))
    monkeypatch.setattr("alama.gui.team_commands.QFileDialog.getOpenFileName", chosen)
    window.action_set["team.import_guidelines"].trigger()
    assert window.store.guidelines() == GUIDELINES
    assert said(window) == "Guidelines imported: F2 shows them."
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    shown = window.team.guidelines
    assert shown is not None and shown.isVisible()
    text = shown.text()
    assert "دليل الوسم" in text and "Label the whole name, not the title before it." in text
    assert shown.browser.layoutDirection() == Qt.LayoutDirection.RightToLeft
    document = shown.browser.document()
    block = document.begin()
    while block.isValid():
        assert block.blockFormat().alignment() & Qt.AlignmentFlag.AlignRight, block.text()
        block = block.next()
    latin = document.findBlock(document.toPlainText().index("Label the whole"))
    assert latin.textDirection() == Qt.LayoutDirection.LeftToRight, "a Latin line reads as written"
    arabic = document.findBlock(document.toPlainText().index("دليل"))
    assert arabic.textDirection() == Qt.LayoutDirection.RightToLeft
    qtbot.keyClick(shown.browser, Qt.Key.Key_Escape)
    assert not shown.isVisible()


def test_f2_without_guidelines_says_where_to_import_them(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F2)
    shown = window.team.guidelines
    assert shown is not None and shown.isVisible()
    assert "no annotation guidelines" in shown.text()
    assert "Team ▸ Import guidelines…" in shown.text()


def test_importing_an_empty_guideline_is_refused_in_one_line(
    window: MainWindow, tmp_path: Path, warned: list[str]
) -> None:
    path = tmp_path / "empty.md"
    path.write_text("  \n", encoding="utf-8")
    assert not window.team.import_guidelines(path)
    (message,) = warned
    assert "\n" not in message and message.endswith("is empty: write the guidelines in it first")
    assert window.store.guidelines() is None


def test_arabic_report_lines_naming_someone_first_read_right_to_left() -> None:
    """A message box takes a line's direction from its first letter, isolates or not: a line
    that starts with a Latin name would be laid out left to right in the Arabic window."""
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QTextDocument

    from alama.core.assignment import AssignReport
    from alama.gui.team_reports import TeamReport

    report = AssignReport(
        assigned={"amal": 2, "bilal": 1}, characters={"amal": 90, "bilal": 40}, documents=3
    )
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic))
    try:
        text = TeamReport().assigned(report)
    finally:
        QLocale.setDefault(before)
    document = QTextDocument()
    document.setPlainText(text)
    block = document.begin()
    lines = 0
    while block.isValid():
        assert block.textDirection() == Qt.LayoutDirection.RightToLeft, block.text()
        lines += 1
        block = block.next()
    assert lines == 3 and "amal" in text and "bilal" in text
