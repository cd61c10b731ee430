"""Review mode: every finished layer beside the gold layer, and the reviewer's keys."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.review import Agreement
from alama.core.store import Store
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_review import AGREEMENT_COLORS
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import FIRST, SECOND, THIRD

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


def test_every_finished_layer_and_gold_side_by_side(review: MainWindow) -> None:
    table = review.review_panel.table
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
    assert "Finished by: amal، omar." in review.review_panel.summary.text()
    assert "Reviewing as lead" in review.who.text()


def test_review_by_keyboard(review: MainWindow, qtbot: QtBot, store: Store) -> None:
    press(review, qtbot, Qt.Key.Key_F8)  # the first disagreement in reading order
    assert review.candidate is not None and review.candidate.key == CLAIM
    assert review.article.found == [CLAIM[:2]]  # shown in the text
    press(review, qtbot, Qt.Key.Key_Delete)  # reject it; the next open one becomes current
    assert store.rejections(1) == {CLAIM: "lead"}
    assert review.candidate.key == BASE
    press(review, qtbot, Qt.Key.Key_Return)  # accept amal's form of the base
    assert gold(store) == {BASE: ("lead", ("amal",))}
    assert review.article.painted() == [BASE]
    press(review, qtbot, Qt.Key.Key_Return, SHIFT)  # everything both agree on
    assert gold(store) == {BASE: ("lead", ("amal",)), MINISTER: ("lead", ("amal", "omar"))}
    press(review, qtbot, Qt.Key.Key_F8)  # omar's "التنف" is settled: on to the third article
    assert review.doc == 3
    assert review.candidate is not None and review.candidate.key == (0, 3, "ACTOR")
    press(review, qtbot, Qt.Key.Key_F8)
    assert review.candidate.key == (4, 8, "PLACE")
    press(review, qtbot, Qt.Key.Key_F8)
    assert "No open disagreement left" in review.statusBar().currentMessage()
    press(review, qtbot, Qt.Key.Key_F8, SHIFT)  # and back
    assert review.candidate.key == (0, 3, "ACTOR")

    for _ in range(3):  # undo: accept-all, accept, reject
        press(review, qtbot, Qt.Key.Key_Z, CTRL)
    assert gold(store) == {}
    assert store.rejections(1) == {}
    assert review.doc == 1


def test_edit_boundaries_and_label_of_a_gold_span(
    review: MainWindow, qtbot: QtBot, store: Store
) -> None:
    review.review_panel.table.selectRow(
        next(r for r in range(review.review_panel.table.rowCount())
             if review.review_panel.table.item(r, 0).text() == "قاعدة التنف")
    )  # fmt: skip
    press(review, qtbot, Qt.Key.Key_Return)
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
    assert not window.review_panel.isVisible()
    assert not any(a.isEnabled() for a in window.review_actions)
    omar = store.spans(1, "omar")[0]
    with pytest.raises(InputError, match="only your own layer"):
        window.session.delete(omar)
    (gold_span,) = store.spans(1, GOLD_ANNOTATOR)
    with pytest.raises(InputError, match="only your own layer"):
        window.session.relabel(gold_span, "PLACE")
    with qtbot.waitSignal(window.reviewRequested) as asked:
        press(window, qtbot, Qt.Key.Key_R, CTRL)
    assert asked.args == [True]


def test_merge_from_the_file_menu(
    review: MainWindow, qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.qt_main_window.show_outcome",
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
        assert review.merge_files([copy])
    ((ok, summary),) = shown
    assert ok, summary
    assert "1 new document, 1 new span" in summary
    assert store.document_count() == 4
    assert not review.merge_files([store.path])  # itself: refused, one line
    assert "is the target itself" in shown[-1][1]
