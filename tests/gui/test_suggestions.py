"""Pending suggestions in the window (gui/suggestions.py), offscreen: learned at once from a
label, chosen with Tab, accepted with A or Enter, rejected with X or Backspace, all of a label
with Shift+A, each undoable; a rejected string stays out of that document in any spelling; none
in review mode; the model retrained in the background; a gazetteer file stored."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.core.suggest import Suggestion
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import select

FIRST = "قالت روسيا إن الاتفاق قائم.\nوردت واشنطن بأن رُوسْيَا لم تف بوعودها، وأن روسـيا تماطل."
SECOND = "وصل وفد من روسيا إلى القاهرة، وقال مسؤول في واشنطن إن وروسيا تستعد."


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "p.alama")
    for text in (FIRST, SECOND):
        store.add_document(text)
    settings = Settings(tmp_path / "settings.ini")
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.resize(900, 600)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.article.setFocus()
    qtbot.waitUntil(lambda: main.suggestions.live.ready, timeout=10000)
    yield main
    main.close()
    store.close()


def _label(qtbot: QtBot, window: MainWindow, word: str, key: Qt.Key = Qt.Key.Key_2) -> None:
    select(window, *_at(window.article.text, word))
    qtbot.keyClick(window.article, key)


def _pending(window: MainWindow) -> list[tuple[str, str]]:
    text = window.article.text
    return [(text[s.start : s.end], s.label) for s in window.suggestions.pending]


def _spans(window: MainWindow) -> list[tuple[str, str, str]]:
    text = window.article.text
    return [(text[s.start : s.end], s.label, s.origin) for s in window.article.spans]


def test_a_label_is_suggested_at_once_here_and_in_the_next_document(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.suggestions.pending == [] and window.suggestions.count.isVisible()
    _label(qtbot, window, "روسيا")
    assert _pending(window) == [("رُوسْيَا", "PLACE"), ("روسـيا", "PLACE")]
    # (the plural comes from the English translations' file, once they have the string)
    assert window.suggestions.count.text() in ("2 suggestions pending", "2 suggestion(s) pending")
    for suggestion in window.suggestions.pending:  # drawn: one dashed box on its line
        assert len(window.suggestions.marks.boxes(suggestion)) == 1
    assert window.suggestions.marks.items == window.suggestions.pending
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert window.doc == 2
    assert [label for _, label in _pending(window)] == ["PLACE", "PLACE"]
    assert {text for text, _ in _pending(window)} <= {"روسيا", "وروسيا"}


def test_tab_chooses_a_accepts_with_the_matcher_origin_and_undo_takes_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    _label(qtbot, window, "روسيا")
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    first, second = window.suggestions.pending
    assert window.suggestions.current == first and window.article.current is None
    assert "A or Enter accepts" in window.statusBar().currentMessage()
    qtbot.keyClick(window.article, Qt.Key.Key_A)
    assert ("رُوسْيَا", "PLACE", "suggested:match") in _spans(window)
    assert window.session.undo_stack.undoText() == "Accept suggestion Place"
    assert window.suggestions.current == second, "the next one is chosen"
    qtbot.keyClick(window.article, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert window.suggestions.current == second, "it is the only one left"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ("رُوسْيَا", "PLACE", "suggested:match") not in _spans(window)
    assert _pending(window) == [("رُوسْيَا", "PLACE"), ("روسـيا", "PLACE")]


def test_enter_accepts_and_backspace_rejects_the_chosen_suggestion(
    qtbot: QtBot, window: MainWindow
) -> None:
    _label(qtbot, window, "روسيا")
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    spans = len(window.article.spans)
    qtbot.keyClick(window.article, Qt.Key.Key_Return)
    assert len(window.article.spans) == spans + 1
    assert window.suggestions.current is not None
    qtbot.keyClick(window.article, Qt.Key.Key_Backspace)
    assert len(window.article.spans) == spans + 1, "no span deleted"
    assert window.suggestions.pending == []
    assert window.session.undo_stack.undoText() == "Reject suggestion Place"


def test_a_rejected_string_is_not_suggested_again_in_any_spelling_until_undone(
    qtbot: QtBot, window: MainWindow
) -> None:
    _label(qtbot, window, "روسيا")
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    qtbot.keyClick(window.article, Qt.Key.Key_X)
    assert window.suggestions.pending == [], "with diacritics and with tatweel: both gone"
    assert "accepts" not in window.statusBar().currentMessage(), "nothing chosen to accept"
    _label(qtbot, window, "واشنطن")  # another label: the rejection stays
    assert ("روسـيا", "PLACE") not in _pending(window)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert _pending(window), "only in that document"
    qtbot.keyClick(window.article, Qt.Key.Key_PageUp)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _pending(window) == [("رُوسْيَا", "PLACE"), ("روسـيا", "PLACE")]


def test_shift_a_accepts_every_suggestion_of_the_label_as_one_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    _label(qtbot, window, "روسيا")
    _label(qtbot, window, "واشنطن", Qt.Key.Key_1)  # ACTOR: not accepted with PLACE
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    assert window.suggestions.current is not None
    assert window.suggestions.current.label == "PLACE"
    qtbot.keyClick(window.article, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    named = window.session.undo_stack.undoText()
    assert named in ("Accept 2 suggestions", "Accept 2 suggestion(s)")
    assert {(label, origin) for _, label, origin in _spans(window)} == {
        ("PLACE", "suggested:match")
    }
    assert _pending(window) == [("واشنطن", "ACTOR")]
    assert window.suggestions.current is not None, "the next one is chosen"
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.article.spans == [] and len(window.suggestions.pending) == 3


def test_nothing_is_pending_in_review_mode_or_when_hidden(qtbot: QtBot, window: MainWindow) -> None:
    _label(qtbot, window, "روسيا")
    assert window.suggestions.pending
    window.set_reviewing(True)
    assert window.suggestions.pending == [] and window.suggestions.marks.items == []
    assert not window.suggestions.count.isVisible()
    assert not window.action_set["suggestions.accept"].isEnabled()
    window.set_reviewing(False)
    assert len(window.suggestions.pending) == 2
    qtbot.keyClick(
        window.article, Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert window.suggestions.pending == []
    assert not window.action_set["suggestions.show"].isChecked()


def test_a_click_on_a_suggestion_chooses_it(qtbot: QtBot, window: MainWindow) -> None:
    from tests.gui.conftest import point_of

    _label(qtbot, window, "روسيا")
    target = window.suggestions.pending[1]
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, target.start + 1)
    )
    assert window.suggestions.current == target


class Fixed:
    """A model that suggests "القاهرة" as a PLACE wherever it is."""

    name = "model"

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        if "القاهرة" not in text:
            return []
        return [Suggestion(doc, *_at(text, "القاهرة"), "PLACE", "model", 0.8)]


def test_the_background_retrain_brings_the_models_suggestions(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("alama.gui.suggestion_jobs.train_model", lambda examples: Fixed())
    window.suggestions.retrain_every = 1
    monkeypatch.setattr("alama.gui.suggestion_jobs.IDLE_MS", 0)
    window.suggestions._idle.setInterval(10)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    for nth in range(2):
        _label(qtbot, window, "روسيا" if nth == 0 else "واشنطن")
    window.suggestions.live.spans.update({str(n): (2, 0, 1, "PLACE") for n in range(10)})
    _label(qtbot, window, "وفد", Qt.Key.Key_1)  # the third label: a retrain is due
    qtbot.waitUntil(lambda: window.suggestions.live.model is not None, timeout=10000)
    qtbot.waitUntil(lambda: "train" not in window.suggestions.jobs)
    assert ("القاهرة", "PLACE") in _pending(window)
    assert "retrained" in window.statusBar().currentMessage()


def test_retrain_now_trains_the_crf_on_the_annotators_labels(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    for doc, text in ((1, FIRST), (2, SECOND)):
        for word in ("روسيا", "واشنطن"):
            start = 0
            while (start := text.find(word, start)) >= 0:
                store.add_span(doc, "amal", start, start + len(word), "PLACE")
                start += 1
    for nth in range(8):
        text = f"قال مسؤول في بيروت إن دمشق ترحب. {nth}"
        doc, _ = store.add_document(text)
        store.add_span(doc, "amal", *_at(text, "بيروت"), "PLACE")
    window.action_set["suggestions.retrain"].trigger()
    qtbot.waitUntil(lambda: window.suggestions.live.model is not None, timeout=60000)
    assert window.suggestions.live.model.name == "model"


def test_closing_while_a_retrain_runs_waits_for_it(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow(examples: object) -> Fixed:
        time.sleep(0.5)
        return Fixed()

    monkeypatch.setattr("alama.gui.suggestion_jobs.train_model", slow)
    _label(qtbot, window, "روسيا")
    job = window.suggestions.retrain()
    assert job is not None and job.running()
    window.close()
    assert not job.running(), "waited for before the window closed"
    assert [s.label for s in window.store.spans(1, "amal")] == ["PLACE"]


def test_a_gazetteer_file_stores_suggestions_for_the_annotators_documents(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gazetteer = tmp_path / "places.tsv"
    gazetteer.write_text("القاهرة\tPLACE\nواشنطن\tPLACE\n", encoding="utf-8")
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    job = window.suggestions.from_gazetteer(gazetteer)
    assert job is not None
    qtbot.waitUntil(lambda: "store" not in window.suggestions.jobs, timeout=10000)
    assert _pending(window) == [("القاهرة", "PLACE"), ("واشنطن", "PLACE")]
    assert {s.source for s in window.suggestions.pending} == {"gazetteer"}
    warned: list[str] = []
    monkeypatch.setattr(window, "warn", warned.append)
    bad = tmp_path / "bad.tsv"
    bad.write_text("القاهرة PLACE\n", encoding="utf-8")
    window.suggestions.from_gazetteer(bad)
    qtbot.waitUntil(lambda: "store" not in window.suggestions.jobs, timeout=10000)
    assert warned == [f"{bad}:1: expected text<TAB>label, found no tab"]
    assert len(window.suggestions.pending) == 2, "nothing changed"


def test_tab_and_enter_stay_the_links_keys_while_linking(qtbot: QtBot, window: MainWindow) -> None:
    _label(qtbot, window, "روسيا", Qt.Key.Key_1)
    _label(qtbot, window, "واشنطن", Qt.Key.Key_1)
    _label(qtbot, window, "الاتفاق قائم", Qt.Key.Key_3)
    assert window.suggestions.pending and window.article.current is not None
    qtbot.keyClick(window.article, Qt.Key.Key_R)
    linking = window.links.linking
    assert linking is not None
    qtbot.keyClick(window.article, Qt.Key.Key_Tab)
    assert linking.at == 1 and window.suggestions.current is None
    spans = len(window.article.spans)
    qtbot.keyClick(window.article, Qt.Key.Key_Return)
    assert len(window.store.relations(1, "amal")) == 1
    assert len(window.article.spans) == spans, "no suggestion accepted"


def test_tab_in_the_search_field_moves_the_focus_on(qtbot: QtBot, window: MainWindow) -> None:
    _label(qtbot, window, "روسيا")
    search = window.navigator.search
    search.setFocus()
    qtbot.waitUntil(search.hasFocus)
    qtbot.keyClick(search, Qt.Key.Key_Tab)
    assert not search.hasFocus() and window.suggestions.current is None


def test_spans_another_program_added_are_learned_when_the_window_reads_again(
    qtbot: QtBot, window: MainWindow
) -> None:
    other = Store.open(window.store.path)
    other.add_span(1, "amal", *_at(FIRST, "واشنطن"), "PLACE")
    other.close()
    window.reread()
    qtbot.waitUntil(lambda: window.suggestions.live.ready, timeout=10000)
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert ("واشنطن", "PLACE") in _pending(window)


def test_the_tooltip_over_a_suggestion_names_it_and_its_keys(
    qtbot: QtBot, window: MainWindow
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from tests.gui.conftest import point_of

    _label(qtbot, window, "روسيا")
    target = window.suggestions.pending[0]
    at = point_of(window, target.start + 1)
    viewport = window.article.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, at, viewport.mapToGlobal(at))
    QApplication.sendEvent(viewport, event)
    assert "Suggested Place «رُوسْيَا» (learned from your labels, 100%)" in QToolTip.text()


def test_a_key_a_label_takes_is_left_to_the_label() -> None:
    from alama.core.labels import Label, LabelSet
    from alama.gui.suggestion_actions import suggestion_actions

    labels = LabelSet([Label("ACTOR", "فاعل", "Actor", "a", "#0072B2")])
    specs = {spec.id: spec for spec in suggestion_actions(labels)}
    assert specs["suggestions.accept"].keys == ()
    assert specs["suggestions.accept_all"].keys == ("Shift+A",)
    assert specs["suggestions.reject"].keys == ("X",)
