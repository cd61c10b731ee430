"""Review mode: every finished layer beside the gold layer, and the reviewer's keys."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.review import Agreement, document_review
from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_review import AGREEMENT_COLORS
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import FIRST, SECOND, THIRD
from tests.gui.pages import chosen, review_actions, review_panel

SHIFT, CTRL = Qt.KeyboardModifier.ShiftModifier, Qt.KeyboardModifier.ControlModifier


def at(phrase: str) -> tuple[int, int]:
    start = FIRST.index(phrase)
    return start, start + len(phrase)


MINISTER = (*at("وزير الدفاع"), "ACTOR")
BASE = (*at("قاعدة التنف"), "PLACE")
TANF = (*at("التنف"), "PLACE")
CLAIM = (*at("القوات ستنسحب من قاعدة التنف"), "CLAIM")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """amal and omar finished the first article: they agree on the minister, not on the base."""
    store = Store.create(tmp_path / "p.alama")
    for text in (FIRST, SECOND, THIRD):
        store.add_document(text)
    for name, spans in {"amal": [MINISTER, BASE], "omar": [MINISTER, TANF, CLAIM]}.items():
        for span in spans:
            store.add_span(1, name, *span)
        store.set_status(1, name, Status.DONE)
    store.add_span(3, "omar", 0, 3, "ACTOR")
    store.set_status(3, "omar", Status.DONE)
    store.add_span(3, "amal", 4, 8, "PLACE")
    store.set_status(3, "amal", Status.DONE)
    yield store
    store.close()


def open_window(qtbot: QtBot, store: Store, name: str, reviewing: bool) -> MainWindow:
    settings = Settings(store.path.parent / "settings.ini")
    settings.annotator = name
    main = MainWindow(Session(store, name, reviewing), settings, doc=1)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)  # the keys below go to the active window
    main.article.setFocus()
    return main


@pytest.fixture
def review(qtbot: QtBot, store: Store) -> MainWindow:
    return open_window(qtbot, store, "lead", reviewing=True)


def gold(
    store: Store, doc: int = 1
) -> dict[tuple[int, int, str], tuple[str | None, tuple[str, ...]]]:
    return {s.key: (s.reviewer, s.agreed) for s in store.spans(doc, GOLD_ANNOTATOR)}


def press(
    window: MainWindow, qtbot: QtBot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier
) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.article, key, modifier)


def row_of(window: MainWindow, text: str) -> int:
    table = review_panel(window).table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == text)


def choose_row(window: MainWindow, text: str) -> None:
    """Click a candidate's row in the review table."""
    review_panel(window).table.selectRow(row_of(window, text))


def test_every_finished_layer_and_gold_side_by_side(review: MainWindow) -> None:
    table = review_panel(review).table
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["Span", "Label", "amal", "omar", "gold", "Decision"]
    rows = {table.item(r, 0).text(): r for r in range(table.rowCount())}
    assert set(rows) == {"وزير الدفاع", "قاعدة التنف", "التنف", "القوات ستنسحب من قاعدة ا…"}
    minister = rows["وزير الدفاع"]
    assert [table.item(minister, c).text() for c in (2, 3, 4)] == ["✓", "✓", ""]
    assert (
        table.item(minister, 0).background().color().name()
        == AGREEMENT_COLORS[Agreement.ALL].lower()
    )
    assert (
        table.item(rows["التنف"], 0).background().color().name()
        == AGREEMENT_COLORS[Agreement.ONE].lower()
    )
    # the names isolated, so that a Latin run does not take the full stop in Arabic
    assert "Finished by: \u2068amal, omar\u2069." in review_panel(review).summary.text()
    assert "Reviewing as lead" in review.who.text()


def test_review_by_keyboard(review: MainWindow, qtbot: QtBot, store: Store) -> None:
    press(review, qtbot, Qt.Key.Key_F8)  # the first disagreement in reading order
    assert chosen(review) is not None and chosen(review).key == CLAIM
    assert review.article.found == [CLAIM[:2]]  # shown in the text
    press(review, qtbot, Qt.Key.Key_Delete)  # reject it; the next open one becomes current
    assert store.rejections(1) == {CLAIM: "lead"}
    assert chosen(review).key == BASE
    press(review, qtbot, Qt.Key.Key_Return)  # accept amal's form of the base
    assert gold(store) == {BASE: ("lead", ("amal",))}
    assert review.article.painted() == [BASE]
    press(review, qtbot, Qt.Key.Key_Return, SHIFT)  # everything both agree on
    assert gold(store) == {BASE: ("lead", ("amal",)), MINISTER: ("lead", ("amal", "omar"))}
    press(review, qtbot, Qt.Key.Key_F8)  # omar's "التنف" is settled: on to the third article
    assert review.doc == 3
    assert chosen(review) is not None and chosen(review).key == (0, 3, "ACTOR")
    press(review, qtbot, Qt.Key.Key_F8)
    assert chosen(review).key == (4, 8, "PLACE")
    press(review, qtbot, Qt.Key.Key_F8)  # round the list: the first is still open
    assert chosen(review).key == (0, 3, "ACTOR")
    assert "from the top" in review.statusBar().currentMessage()
    press(review, qtbot, Qt.Key.Key_F8, SHIFT)  # and back, round the other way
    assert chosen(review).key == (4, 8, "PLACE")
    press(review, qtbot, Qt.Key.Key_F8, SHIFT)
    assert chosen(review).key == (0, 3, "ACTOR")

    for _ in range(3):  # undo: accept-all, accept, reject
        press(review, qtbot, Qt.Key.Key_Z, CTRL)
    assert gold(store) == {}
    assert store.rejections(1) == {}
    assert review.doc == 1


def test_edit_boundaries_and_label_of_a_gold_span(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    choose_row(review, "قاعدة التنف")
    press(review, qtbot, Qt.Key.Key_Return)  # accepted; on to the next open row
    assert chosen(review) is not None and chosen(review).key == MINISTER
    choose_row(review, "قاعدة التنف")  # the gold span, chosen again to edit it
    assert review.article.current is not None and review.article.current.key == BASE
    # The start is the right-hand edge: Ctrl+Shift+← moves it inward by a word.
    press(review, qtbot, Qt.Key.Key_Left, CTRL | SHIFT)
    assert gold(store) == {TANF: ("lead", ("omar",))}  # now it is omar's form
    press(review, qtbot, Qt.Key.Key_1)  # relabel
    assert gold(store) == {(*TANF[:2], "ACTOR"): ("lead", ())}  # nobody marked that
    press(review, qtbot, Qt.Key.Key_Return, CTRL)  # reviewed: on to the next document
    assert store.status(1, GOLD_ANNOTATOR) is Status.DONE
    assert review.doc == 2
    assert review.progress.text() == "1 / 3 reviewed"


def test_a_label_key_accepts_a_candidate_under_that_label(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    press(review, qtbot, Qt.Key.Key_F8)
    press(review, qtbot, Qt.Key.Key_1)  # the claim, accepted as an actor instead
    assert gold(store) == {(*CLAIM[:2], "ACTOR"): ("lead", ())}


def test_annotators_edit_only_their_own_layer(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store, "amal", reviewing=False)
    store.add_gold(1, *MINISTER, "lead", ["amal", "omar"])
    window.open_document(1)
    assert window.article.painted() == sorted([MINISTER, BASE])  # amal's, not gold
    assert not review_panel(window).isVisible()
    assert not any(a.isEnabled() for a in review_actions(window))
    omar = store.spans(1, "omar")[0]
    with pytest.raises(InputError, match="only your own layer"):
        window.session.delete(omar)
    (gold_span,) = store.spans(1, GOLD_ANNOTATOR)
    with pytest.raises(InputError, match="only your own layer"):
        window.session.relabel(gold_span, "PLACE")
    steps = window.session.undo_stack.count()
    press(window, qtbot, Qt.Key.Key_R, CTRL)
    assert window.reviewing and review_panel(window).isVisible()  # the same window
    assert window.session.undo_stack.count() == steps  # the undo history stays


def test_merge_from_the_file_menu(
    review: MainWindow, qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, outcome: shown.append(outcome),
    )
    copy = tmp_path / "sara.alama"
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, copy)
    with Store.open(copy) as theirs:
        theirs.add_span(2, "sara", 0, 3, "CLAIM")
        theirs.add_document("مقال جديد لم يره المشروع")
    assert "Merge…" in [a.text() for a in review.menuBar().actions()[0].menu().actions()]
    with qtbot.waitSignal(review.projectRequested):
        assert review.commands.merge_files([copy])
    ((ok, summary),) = shown
    assert ok, summary
    assert "1 new document, 1 new span" in summary
    assert store.document_count() == 4
    assert not review.commands.merge_files([store.path])  # itself: refused, one line
    assert "is the target itself" in shown[-1][1]


def test_merging_a_copy_that_changes_several_layers_asks_before_taking_them(
    review: MainWindow, qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An annotator's copy changes one layer; a file that changes two (or gold) is the lead's
    own or a reviewer's: the window names the layers and takes them only when told to."""
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, outcome: shown.append(outcome),
    )
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text: asked.append(text) or answer[0]
    )
    copy = tmp_path / "lead-copy.alama"
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(store.path, copy)
    with Store.open(copy) as theirs:
        theirs.add_span(2, "sara", 0, 3, "CLAIM")
        theirs.add_span(2, "omar", 0, 3, "ACTOR")
    assert not review.commands.merge_files([copy])
    assert len(asked) == 1 and "omar" in asked[0] and "sara" in asked[0]
    assert shown == [] and store.spans(2, "sara") == []  # No: nothing taken, nothing to report
    answer[0] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(review.projectRequested):
        assert review.commands.merge_files([copy])
    assert shown[-1][0], shown
    assert len(store.spans(2, "sara")) == 1 and len(store.spans(2, "omar")) == 1


# --- going round: "nothing left" only when it is true (issue 15, item 4) -----------------------


def test_f8_on_the_last_document_goes_round_to_earlier_ones(qtbot: QtBot, store: Store) -> None:
    review = open_window(qtbot, store, "lead", reviewing=True)
    review.open_document(3)
    press(review, qtbot, Qt.Key.Key_F8)
    press(review, qtbot, Qt.Key.Key_F8)
    assert chosen(review) is not None and chosen(review).key == (4, 8, "PLACE")
    press(review, qtbot, Qt.Key.Key_F8)  # the last of the last document: round to the first
    assert review.doc == 1
    assert chosen(review) is not None and chosen(review).key == CLAIM
    assert review.statusBar().currentMessage() == "Went on from the top of the document list."
    press(review, qtbot, Qt.Key.Key_F8, SHIFT)  # and back round the other way
    assert (review.doc, chosen(review).key) == (3, (4, 8, "PLACE"))


def test_f8_says_all_done_only_when_every_disagreement_is_decided(
    qtbot: QtBot, store: Store
) -> None:
    for doc in (1, 3):
        for candidate in document_review(store, doc).disputed()[1:]:
            store.set_rejected(doc, candidate.key, "lead")
    review = open_window(qtbot, store, "lead", reviewing=True)
    press(review, qtbot, Qt.Key.Key_F8)
    assert chosen(review) is not None and chosen(review).key == CLAIM
    press(review, qtbot, Qt.Key.Key_Delete)  # one left, in the last document
    press(review, qtbot, Qt.Key.Key_F8)
    assert (review.doc, chosen(review).key) == (3, (0, 3, "ACTOR"))
    press(review, qtbot, Qt.Key.Key_F8)  # it is the only one: it stays, and says so
    assert (review.doc, chosen(review).key) == (3, (0, 3, "ACTOR"))
    assert "only open disagreement left" in review.statusBar().currentMessage()
    press(review, qtbot, Qt.Key.Key_Return)
    press(review, qtbot, Qt.Key.Key_F8)
    message = review.statusBar().currentMessage()
    assert message == "All done: every disagreement in the project is decided."


def test_ctrl_enter_on_the_last_document_goes_round_to_the_ones_left(
    qtbot: QtBot, store: Store
) -> None:
    review = open_window(qtbot, store, "lead", reviewing=True)
    review.open_document(3)
    press(review, qtbot, Qt.Key.Key_Return, CTRL)  # reviewed; 1 and 2 are still to do
    assert store.status(3, GOLD_ANNOTATOR) is Status.DONE
    assert review.doc == 1
    assert review.statusBar().currentMessage() == "Went on from the top of the document list."
    press(review, qtbot, Qt.Key.Key_Return, CTRL)
    assert review.doc == 2
    press(review, qtbot, Qt.Key.Key_Return, CTRL)
    assert review.doc == 2  # nothing left to open
    assert review.statusBar().currentMessage() == "All done: every document is reviewed."


def test_ctrl_enter_says_what_a_filter_hides(qtbot: QtBot, store: Store) -> None:
    window = open_window(qtbot, store, "sara", reviewing=False)
    window.navigator.search.setText("خبر")  # the second and third articles
    window.navigator.apply_filter()
    window.open_document(3)
    press(window, qtbot, Qt.Key.Key_Return, CTRL)
    assert window.doc == 2  # round to the top of the list
    press(window, qtbot, Qt.Key.Key_Return, CTRL)
    message = window.statusBar().currentMessage()
    assert message.startswith("Every document in this list is done")
    assert message.endswith(": 1.")  # the first article, outside the search


# --- review keys (issue 15, item 5) ---------------------------------------------------------


def test_enter_on_the_last_open_row_goes_on_like_any_other_row(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    choose_row(review, "التنف")  # the last row
    press(review, qtbot, Qt.Key.Key_Return)
    assert gold(store) == {TANF: ("lead", ("omar",))}
    assert chosen(review) is not None and chosen(review).key == MINISTER  # the first open
    assert review_panel(review).table.selectedItems()[0].row() == row_of(review, "وزير الدفاع")


def test_delete_on_the_last_open_row_goes_on_like_any_other_row(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    choose_row(review, "التنف")
    press(review, qtbot, Qt.Key.Key_Delete)
    assert store.rejections(1) == {TANF: "lead"}
    assert chosen(review) is not None and chosen(review).key == MINISTER
    press(review, qtbot, Qt.Key.Key_Delete)  # the next key decides the row now shown
    assert store.rejections(1) == {TANF: "lead", MINISTER: "lead"}
    assert chosen(review) is not None and chosen(review).key == CLAIM


def test_the_row_after_a_longer_span_with_the_same_start(qtbot: QtBot, store: Store) -> None:
    """Nested candidates starting together: the longer is listed first, the shorter next."""
    news = "خبر ثان عن مدينة حلب"
    store.add_span(2, "amal", 0, 7, "CLAIM")
    store.add_span(2, "omar", 0, 3, "ACTOR")
    for name in ("amal", "omar"):
        store.set_status(2, name, Status.DONE)
    review = open_window(qtbot, store, "lead", reviewing=True)
    review.open_document(2)
    assert [review_panel(review).table.item(r, 0).text() for r in (0, 1)] == [news[:7], news[:3]]
    press(review, qtbot, Qt.Key.Key_F8)
    assert chosen(review) is not None and chosen(review).key == (0, 7, "CLAIM")
    press(review, qtbot, Qt.Key.Key_Return)
    assert chosen(review) is not None and chosen(review).key == (0, 3, "ACTOR")
    press(review, qtbot, Qt.Key.Key_Delete)  # nothing open left: the decided row stays
    assert store.rejections(2) == {(0, 3, "ACTOR"): "lead"}
    assert chosen(review) is not None and chosen(review).key == (0, 3, "ACTOR")
    assert "Nothing open left in this document" in review.statusBar().currentMessage()


def test_undoing_an_accept_after_a_reject_restores_the_rejection(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    choose_row(review, "التنف")
    press(review, qtbot, Qt.Key.Key_Delete)
    choose_row(review, "التنف")
    press(review, qtbot, Qt.Key.Key_Return)  # changed their mind: into gold after all
    assert gold(store) == {TANF: ("lead", ("omar",))} and store.rejections(1) == {}
    press(review, qtbot, Qt.Key.Key_Z, CTRL)  # undo the accept: rejected again
    assert gold(store) == {} and store.rejections(1) == {TANF: "lead"}
    table = review_panel(review).table
    assert table.item(row_of(review, "التنف"), table.columnCount() - 1).text() == "✗ rejected"
    press(review, qtbot, Qt.Key.Key_Z, CTRL | SHIFT)  # redo: accepted again
    assert gold(store) == {TANF: ("lead", ("omar",))} and store.rejections(1) == {}
    press(review, qtbot, Qt.Key.Key_Z, CTRL)
    press(review, qtbot, Qt.Key.Key_Z, CTRL)  # and the rejection itself
    assert gold(store) == {} and store.rejections(1) == {}
    assert table.item(row_of(review, "التنف"), table.columnCount() - 1).text() == "• open"


def test_the_table_fits_four_annotators_with_gold_and_decision_in_view(
    qtbot: QtBot, store: Store
) -> None:
    for name in ("sara.haddad", "khalil.ibrahim"):
        store.add_span(1, name, *MINISTER)
        store.set_status(1, name, Status.DONE)
    review = open_window(qtbot, store, "lead", reviewing=True)
    table = review_panel(review).table
    header = table.horizontalHeader()
    names = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert names == ["Span", "Label", "amal", "khalil.ibrahim", "omar", "sara.haddad", "gold",
                     "Decision"]  # fmt: skip
    qtbot.waitUntil(lambda: table.viewport().width() > 0)
    width = table.viewport().width()
    for column in range(table.columnCount()):
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= width, names[column]
    assert table.horizontalScrollBar().maximum() == 0
    assert header.sectionSize(0) >= 80  # the span's text keeps room
    assert table.horizontalHeaderItem(3).toolTip() == "khalil.ibrahim"


def test_an_accept_reads_the_review_once(review: MainWindow, qtbot: QtBot, store: Store) -> None:
    """Enter on a candidate: one write, then the document's review read once (it was read
    twice, with 23 store calls, when the window re-read everything after each action)."""
    press(review, qtbot, Qt.Key.Key_F8)
    statements: list[str] = []
    store.conn.set_trace_callback(statements.append)
    try:
        press(review, qtbot, Qt.Key.Key_Return)
    finally:
        store.conn.set_trace_callback(None)
    assert CLAIM in [s.key for s in store.spans(1, GOLD_ANNOTATOR)]
    after = statements[statements.index("COMMIT") + 1 :]
    assert sum("FROM rejections" in s for s in after) == 1  # the review, read once
    assert len(statements) <= 16


def test_an_undo_that_reaches_the_annotators_layer_says_so(qtbot: QtBot, store: Store) -> None:
    """Labelled as an annotator, then review mode, then Ctrl+Z: the label is undone in the
    annotator's layer, which review mode does not show, and the status bar says where."""
    window = open_window(qtbot, store, "amal", reviewing=False)
    start = FIRST.index("التنف")
    cursor = window.article.textCursor()
    cursor.setPosition(window.article.offsets.to_qt(start))
    cursor.setPosition(window.article.offsets.to_qt(start + 5), QTextCursor.MoveMode.KeepAnchor)
    window.article.setTextCursor(cursor)
    press(window, qtbot, Qt.Key.Key_2)
    assert TANF in [s.key for s in store.spans(1, "amal")]
    press(window, qtbot, Qt.Key.Key_R, CTRL)
    assert window.reviewing
    press(window, qtbot, Qt.Key.Key_Z, CTRL)
    assert TANF not in [s.key for s in store.spans(1, "amal")]
    said = window.statusBar().currentMessage()
    assert "amal" in said and "Undo" in said


def test_after_undoing_an_accept_its_candidate_is_chosen_again(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    press(review, qtbot, Qt.Key.Key_F8)
    assert chosen(review) is not None and chosen(review).key == CLAIM
    press(review, qtbot, Qt.Key.Key_Return)  # accepted, and on to the next open one
    assert chosen(review) is not None and chosen(review).key != CLAIM
    press(review, qtbot, Qt.Key.Key_Z, CTRL)
    assert CLAIM not in [s.key for s in store.spans(1, GOLD_ANNOTATOR)]
    assert chosen(review) is not None and chosen(review).key == CLAIM  # Enter decides it again
    press(review, qtbot, Qt.Key.Key_Delete)
    assert CLAIM in store.rejections(1)
