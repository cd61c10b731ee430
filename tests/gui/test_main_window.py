"""The annotation window, driven by keys and clicks as an annotator would."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat
from pytestqt.qtbot import QtBot

from alama.core.model import Span, Status
from alama.gui.qt_dialogs import ShortcutsSheet
from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST, SECOND, THIRD, point_of, select


def stored(window: MainWindow) -> list[tuple[int, int, str]]:
    """Read the spans straight from the file, through a second connection."""
    conn = sqlite3.connect(window.store.path)
    rows = conn.execute(
        "SELECT start_char, end_char, label FROM spans WHERE deleted_at IS NULL ORDER BY start_char"
    ).fetchall()
    conn.close()
    return rows


def formats_at(window: MainWindow, offset: int) -> set[str]:
    """Colours painted on a character by the highlighter: background and underline."""
    qt = window.article.offsets.to_qt(offset)
    block = window.article.document().findBlock(qt)
    colours = set()
    for fmt_range in block.layout().formats():
        if fmt_range.start <= qt - block.position() < fmt_range.start + fmt_range.length:
            fmt: QTextCharFormat = fmt_range.format
            if fmt.background().style() != Qt.BrushStyle.NoBrush:
                colours.add(QColor(fmt.background().color().rgb()).name().upper())
            if fmt.underlineStyle() != QTextCharFormat.UnderlineStyle.NoUnderline:
                colours.add(fmt.underlineColor().name().upper())
    return colours


def label_word(window: MainWindow, qtbot: QtBot, word: str, key: Qt.Key, alt: bool = False) -> None:
    start = FIRST.index(word)
    select(window, start, start + len(word))
    modifier = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(window.article, key, modifier)


def test_selection_and_key_store_the_snapped_span_at_once(window: MainWindow, qtbot: QtBot) -> None:
    start = FIRST.index("زير الدف")  # inside two words, after an emoji
    select(window, start, start + len("زير الدف"))
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    # No event processed since the key: the span is already in the file.
    expected = (FIRST.index("وزير"), FIRST.index("وزير") + len("وزير الدفاع"), "ACTOR")
    assert stored(window) == [expected]
    assert FIRST[expected[0] : expected[1]] == "وزير الدفاع"
    assert window.article.painted() == [expected]
    assert window.article.current is not None and window.article.current.key == expected
    assert window.navigator.documents.status(window.doc) is Status.IN_PROGRESS  # type: ignore[arg-type]


def test_painted_characters_match_stored_spans_with_nesting(
    window: MainWindow, qtbot: QtBot
) -> None:
    label_word(window, qtbot, "القوات ستنسحب من قاعدة التنف", Qt.Key.Key_3)
    label_word(window, qtbot, "التنف", Qt.Key.Key_2)
    label_word(window, qtbot, "55\u00a0كيلومتراً", Qt.Key.Key_2)
    labels = window.labels
    spans = window.session.spans(window.doc)  # type: ignore[arg-type]
    assert len(spans) == 3
    for offset, _ in enumerate(FIRST):
        covering = {labels[s.label].color.upper() for s in spans if s.start <= offset < s.end}
        painted = formats_at(window, offset)
        assert painted == covering, (offset, FIRST[offset], painted, covering)
    claim = next(s for s in spans if s.label == "CLAIM")
    assert FIRST[claim.start : claim.end] == "القوات ستنسحب من قاعدة التنف"  # « » left out


def test_alt_keeps_exact_characters_for_a_proclitic(window: MainWindow, qtbot: QtBot) -> None:
    start = FIRST.index('بـ"ثقة') + 3
    select(window, start, start + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert stored(window) == [(start, start + 3, "ACTOR")]


def test_click_picks_and_cycles_nested_spans_then_delete_and_relabel(
    window: MainWindow, qtbot: QtBot
) -> None:
    label_word(window, qtbot, "القوات ستنسحب من قاعدة التنف", Qt.Key.Key_3)
    label_word(window, qtbot, "التنف", Qt.Key.Key_2)
    window.article.set_current(None)
    where = point_of(window, FIRST.index("التنف") + 2)
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.article.current is not None and window.article.current.label == "PLACE"
    qtbot.mouseClick(window.article.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert window.article.current.label == "CLAIM"
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # relabel the chosen span
    assert sorted(label for _, _, label in stored(window)) == ["ACTOR", "PLACE"]
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert [label for _, _, label in stored(window)] == ["PLACE"]


def test_shift_arrows_resize_by_word_and_alt_by_letter(window: MainWindow, qtbot: QtBot) -> None:
    label_word(window, qtbot, "الدفاع", Qt.Key.Key_1)
    start = FIRST.index("الدفاع")
    qtbot.keyClick(window.article, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert stored(window) == [(start, start + len("الدفاع الأمريكيّ"), "ACTOR")]
    qtbot.keyClick(
        window.article,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier,
    )
    assert stored(window)[0][0] == FIRST.index("وزير")
    qtbot.keyClick(
        window.article,
        Qt.Key.Key_Right,
        Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier,
    )
    s, e, _ = stored(window)[0]
    assert FIRST[s:e] == "وزير الدفاع الأمريك", "shrinks by a letter with its shadda"


def test_undo_and_redo_every_action_across_documents(window: MainWindow, qtbot: QtBot) -> None:
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    first_doc = window.doc
    qtbot.keyClick(window.article, Qt.Key.Key_PageDown)
    assert window.doc != first_doc
    start = SECOND.index("حلب")
    select(window, start, start + 3)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    qtbot.keyClick(window.article, Qt.Key.Key_Delete)
    assert stored(window) == [(FIRST.index("وزير"), FIRST.index("وزير") + 4, "ACTOR")]
    undo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    redo = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.article, *undo)  # the delete
    assert len(stored(window)) == 2
    qtbot.keyClick(window.article, *undo)  # the PLACE
    qtbot.keyClick(window.article, *undo)  # the ACTOR, on the first document
    assert stored(window) == []
    assert window.doc == first_doc, "undo shows the document it changed"
    assert window.article.painted() == []
    for _ in range(3):
        qtbot.keyClick(window.article, *redo)
    assert stored(window) == [(FIRST.index("وزير"), FIRST.index("وزير") + 4, "ACTOR")]


def test_mark_done_moves_on_and_counts(window: MainWindow, qtbot: QtBot) -> None:
    first_doc = window.doc
    assert "0 / 3" in window.progress.text()
    qtbot.keyClick(window.article, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.store.status(first_doc, "amal") is Status.DONE  # type: ignore[arg-type]
    assert window.doc != first_doc
    assert "1 / 3" in window.progress.text()
    window.navigator.status_filter.setCurrentIndex(
        window.navigator.status_filter.findData(Status.DONE)
    )
    assert window.navigator.documents.rowCount() == 1
    window.navigator.status_filter.setCurrentIndex(
        window.navigator.status_filter.findData(Status.TODO)
    )
    assert window.navigator.documents.rowCount() == 2
    qtbot.keyClick(window.article, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.store.status(first_doc, "amal") is Status.TODO  # type: ignore[arg-type]
    assert "0 / 3" in window.progress.text()


def test_corpus_search_ignores_diacritics_and_hamza(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.search.setText("الامريكي")
    window.navigator.apply_filter()
    assert window.navigator.documents.rowCount() == 1
    window.navigator.search.setText("عمان")
    window.navigator.apply_filter()
    assert window.navigator.documents.rowCount() == 1
    window.open_document(window.navigator.documents.doc_at(0))
    assert window.article.text == THIRD
    window.navigator.search.setText("")
    window.navigator.apply_filter()
    assert window.navigator.documents.rowCount() == 3


def test_find_in_article(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.edit.setText("الامريكي")
    assert [FIRST[s:e] for s, e in window.article.found] == ["الأمريكيّ"]
    assert window.find_bar.count.text() == "1 / 1"


def test_every_paragraph_is_right_to_left(window: MainWindow) -> None:
    document = window.article.document()
    assert document.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    english = document.findBlockByNumber(1)
    assert english.text() == "Share This Post On"
    line = english.layout().lineAt(0)
    width = document.textWidth()
    assert line.naturalTextRect().right() > width * 0.8, "the English line is not right-aligned"


def test_zoom_and_shortcut_sheet(window: MainWindow, qtbot: QtBot) -> None:
    size = window.article.font().pointSize()
    qtbot.keyClick(window.article, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.article.font().pointSize() == size + 1
    qtbot.keyClick(window.article, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    sheet = ShortcutsSheet(window.labels, window)
    qtbot.addWidget(sheet)
    text = sheet.findChild(type(sheet.children()[1])).toPlainText()  # the QTextBrowser
    for needle in ("فاعل", "Ctrl+Enter", "Ctrl+Z", "Shift+"):
        assert needle in text


def test_the_annotator_is_always_shown(window: MainWindow) -> None:
    assert "amal" in window.who.text()
    assert "amal" in window.windowTitle()


def test_blank_selection_labels_nothing(window: MainWindow, qtbot: QtBot) -> None:
    start = FIRST.index("\n")
    select(window, start, start + 1)
    qtbot.keyClick(window.article, Qt.Key.Key_1)
    assert stored(window) == []


def test_second_document_with_flag_emoji_keeps_offsets(window: MainWindow, qtbot: QtBot) -> None:
    window.navigator.step(1)
    assert window.article.text == SECOND
    start = SECOND.index("وأهلها")
    select(window, start, start + 2)
    qtbot.keyClick(window.article, Qt.Key.Key_2)
    span: Span = window.article.current  # type: ignore[assignment]
    assert SECOND[span.start : span.end] == "وأهلها"


def test_a_label_key_reads_back_nothing_it_did_not_change(window: MainWindow, qtbot: QtBot) -> None:
    """The views update from what the edit says it changed: after the write, the window asks
    the store for nothing (no re-reading of the document's spans, status or list)."""
    statements: list[str] = []
    window.store.conn.set_trace_callback(statements.append)
    try:
        label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    finally:
        window.store.conn.set_trace_callback(None)
    assert any(s.startswith("INSERT INTO spans") for s in statements)
    after = statements[statements.index("COMMIT") + 1 :]
    assert after == []
    assert len(statements) <= 10  # 13 store calls before edits returned what they changed
    assert window.article.painted() == [(FIRST.index("وزير"), FIRST.index("وزير") + 4, "ACTOR")]


def test_spans_stay_in_reading_order_after_edits(window: MainWindow, qtbot: QtBot) -> None:
    """Two labels on the same words: the window lists them as the file does when it opens,
    so a click on them picks the same span as after reopening."""
    label_word(window, qtbot, "وزير", Qt.Key.Key_2)
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    assert [s.id for s in window.article.spans] == [
        s.id
        for s in window.store.spans(window.doc, window.session.layer)  # type: ignore[arg-type]
    ]


def test_relabelling_onto_a_twin_is_named_a_change(window: MainWindow, qtbot: QtBot) -> None:
    label_word(window, qtbot, "وزير", Qt.Key.Key_1)
    label_word(window, qtbot, "وزير", Qt.Key.Key_2)
    place = window.article.current
    assert place is not None and place.label == "PLACE"
    qtbot.keyClick(window.article, Qt.Key.Key_1)  # PLACE → ACTOR, which the layer has already
    assert [s.label for s in window.store.spans(window.doc)] == ["ACTOR"]  # type: ignore[arg-type]
    assert window.action_set.undo.text().startswith("Undo Change")
