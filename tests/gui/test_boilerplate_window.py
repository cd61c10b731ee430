"""Boilerplate in the window: dimmed and folded, passed over by word steps and search, refused
with one line (Alt labels it anyway); the text and its offsets never change."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from alama.core.regions import KINDS, REFUSAL, Region
from alama.core.store import Store
from alama.gui.boilerplate_actions import CORE_SENTENCES
from alama.gui.qt_article import ArticleView
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings as WindowSettings
from tests.gui.conftest import point_of, select

# An emoji before the region: Qt positions and code-point offsets differ by one after it.
TEXT = (
    "😀 قال الوزير إن القوات ستنسحب من قاعدة التنف\n"
    "مقالات ذات صلة\n"
    "خبر أول عن مدينة حلب\n"
    "خبر ثان عن مدينة دمشق\n"
    "وأضاف الوزير أن الطريق مفتوحة الآن"
)
REGION = (TEXT.index("مقالات"), TEXT.index("وأضاف"))
CTRL = Qt.KeyboardModifier.ControlModifier


def stored(window: MainWindow) -> list[tuple[int, int, str]]:
    return sorted((s.start, s.end, s.label) for s in window.store.spans(1, "amal"))


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "p.alama")
    store.add_document(TEXT)
    store.mark_region(1, *REGION, True, "lead")
    settings = WindowSettings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.resize(900, 600)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    main.article.setFocus()
    yield main
    store.close()


def test_the_region_is_folded_to_one_line_and_the_text_is_unchanged(window: MainWindow) -> None:
    folds = window.article.folds
    assert [(f.start, f.end, f.lines) for f in folds.shut()] == [(*REGION, 3)]
    document = window.article.document()
    hidden = [b.blockNumber() for b in _blocks(window) if not b.isVisible()]
    assert hidden == [2, 3], "the lines after the fold's first are hidden"
    assert window.article.toPlainText() == TEXT, "the shown text is the stored text"
    assert document.blockCount() == 5
    rect = folds.note_rect(folds.shut()[0])
    assert rect is not None and rect.height() < 3 * window.article.fontMetrics().height()


def test_labelling_after_a_fold_stores_the_right_offsets(window: MainWindow, qtbot: QtBot) -> None:
    road = TEXT.index("الطريق")
    qtbot.mouseDClick(
        window.article.viewport(), Qt.MouseButton.LeftButton, pos=point_of(window, road + 2)
    )
    assert window.article.selection() == (road, road + len("الطريق"))
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert stored(window) == [(road, road + len("الطريق"), "PLACE")]


def test_a_click_on_the_note_shows_the_region_dimmed(window: MainWindow, qtbot: QtBot) -> None:
    folds = window.article.folds
    rect = folds.note_rect(folds.shut()[0])
    assert rect is not None
    qtbot.mouseClick(
        window.article.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint()
    )
    assert folds.shut() == [] and all(b.isVisible() for b in _blocks(window))
    block = window.article.document().findBlock(window.article.offsets.to_qt(REGION[0] + 1))
    colours = {r.format.foreground().color().name() for r in block.layout().formats()}
    assert colours == {"#8a8a8a"}, "the region's text is grey"


def test_enter_on_the_fold_opens_it(window: MainWindow, qtbot: QtBot) -> None:
    select(window, REGION[0], REGION[0])
    qtbot.keyClick(window.article, Qt.Key.Key_Return)
    assert window.article.folds.shut() == []


def test_a_word_step_passes_over_the_region(window: MainWindow, qtbot: QtBot) -> None:
    end = TEXT.index("التنف") + len("التنف")
    select(window, end - 2, end - 2)
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL)
    assert window.article.offsets.to_py(window.article.textCursor().position()) == end
    qtbot.keyClick(window.article, Qt.Key.Key_Left, CTRL)
    after = TEXT.index("وأضاف") + len("وأضاف")
    assert window.article.offsets.to_py(window.article.textCursor().position()) == after
    qtbot.keyClick(window.article, Qt.Key.Key_Right, CTRL)
    qtbot.keyClick(window.article, Qt.Key.Key_Right, CTRL)
    assert window.article.offsets.to_py(window.article.textCursor().position()) == (
        TEXT.index("التنف")
    ), "back over the region too"


def test_search_leaves_out_matches_inside_the_region(window: MainWindow, qtbot: QtBot) -> None:
    window.finder.find("مدينة")
    assert window.finder.found == [], "only in the related-articles list"
    window.finder.find("الوزير")
    assert len(window.finder.found) == 2


def test_a_span_inside_the_region_is_refused_in_one_line_and_alt_labels_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    boxes: list[str] = []
    monkeypatch.setattr(QMessageBox, "open", lambda self: boxes.append(self.text()))
    window.article.folds.open(window.article.folds.shut()[0])
    aleppo = TEXT.index("حلب")
    select(window, aleppo, aleppo + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert stored(window) == [] and boxes == []
    message = window.statusBar().currentMessage()
    assert message.startswith("not labelled: the text lies inside boilerplate (manual,")
    assert "\n" not in message
    select(window, aleppo, aleppo + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert stored(window) == [(aleppo, aleppo + 3, "PLACE")]


def _blocks(window: MainWindow) -> list:  # type: ignore[type-arg]
    block, found = window.article.document().firstBlock(), []
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


LINES = st.lists(
    st.text(alphabet="قال حلب 😀«»\u064e", min_size=0, max_size=12), min_size=1, max_size=8
)


@settings(max_examples=40, deadline=None)
@given(lines=LINES, data=st.data())
def test_folding_never_moves_an_offset(
    qapp: QApplication, lines: list[str], data: st.DataObject
) -> None:
    """Whatever lines are folded, a selection made after folding reads back the same stored
    offsets, and the shown text is the stored text."""
    text = "\n".join(lines)
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    first = data.draw(st.integers(0, len(starts) - 1))
    last = data.draw(st.integers(first, len(starts) - 1))
    end = starts[last + 1] if last + 1 < len(starts) else len(text)
    view = ArticleView()
    view.show_text(text, [])
    if starts[first] < end:
        view.folds.show([Region(starts[first], end, "repeated_line")])
    assert view.toPlainText() == text
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    view.select_range(a, b)
    assert (view.selection() or (a, a)) == (a, b)
    view.deleteLater()


def test_the_refusal_and_the_kinds_it_names_are_listed_for_translation() -> None:
    assert CORE_SENTENCES[0] == REFUSAL
    assert set(CORE_SENTENCES[1:]) == {kind.replace("_", " ") for kind in KINDS}


def test_the_refusal_is_shown_in_the_interface_language(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    arabic = {REFUSAL: "لم يُوسَم: النص داخل نص متكرر (%1، المحارف %2–%3)", "manual": "يدوي"}
    real = QCoreApplication.translate
    monkeypatch.setattr(
        QCoreApplication,
        "translate",
        staticmethod(lambda c, t, *a: arabic.get(t, t) if c == "Core" else real(c, t, *a)),
    )
    window.article.folds.open(window.article.folds.shut()[0])
    aleppo = TEXT.index("حلب")
    select(window, aleppo, aleppo + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    assert window.statusBar().currentMessage() == (
        f"لم يُوسَم: النص داخل نص متكرر (يدوي، المحارف {REGION[0]}–{REGION[1]})"
    )


def test_choosing_a_span_inside_a_fold_shows_the_region(window: MainWindow) -> None:
    aleppo = TEXT.index("حلب")
    window.session.add_span(1, aleppo, aleppo + 3, "PLACE", True)  # Alt: inside boilerplate
    window.open_document(1)
    assert window.article.folds.shut() != []
    (span,) = window.article.spans
    window.article.set_current(span)
    assert window.article.folds.shut() == []
