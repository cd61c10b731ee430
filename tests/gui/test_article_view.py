"""The article view alone: which characters carry which label's colour, the current span and
the found words, and what a selection reads as, with emoji and flags before the spans.

Positions in Qt are computed here with Python's own UTF-16 count, never with the view's offset
map, so that a wrong map cannot hide behind itself.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.labels import LabelSet
from alama.core.model import Origin, Span
from alama.gui.highlighter import FILL_ALPHA
from alama.gui.qt_article import CURRENT_ALPHA, FOUND, ArticleView
from tests.gui.test_offsets import ASTRAL

LABELS = LabelSet.default()
COLOR = {label.key: QColor(label.color).name() for label in LABELS}
# Three emoji (one a flag of two code points) before the first span, one more inside the text.
TEXT = "😀🇸🇾 قال وزير الدفاع 👍🏽 إن «القوات ستنسحب من قاعدة التنف» قريباً\nخبر 𝐀 ثان عن حلب"


def at(phrase: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def span(start: int, end: int, label: str) -> Span:
    return Span.new(1, "amal", start, end, label, Origin.MANUAL, "", span_id=f"s{start}-{end}")


def qt(text: str, offset: int) -> int:
    """Python's count of UTF-16 units before a code-point offset: Qt's position for it."""
    return len(text[:offset].encode("utf-16-le")) // 2


def format_at(view: ArticleView, offset: int) -> QTextCharFormat | None:
    """The format the highlighter gave the character at a code-point offset, if any."""
    position = qt(view.text, offset)
    block = view.document().findBlock(position)
    local = position - block.position()
    ranges = block.layout().formats()  # the formats live as long as this list
    for item in ranges:
        if item.start <= local < item.start + item.length:
            return QTextCharFormat(item.format)
    return None


def fill(view: ArticleView, offset: int) -> str | None:
    """The label colour painted behind a character (None: not painted)."""
    fmt = format_at(view, offset)
    if fmt is None or fmt.background().style() == Qt.BrushStyle.NoBrush:
        return None
    return fmt.background().color().name()


def underline(view: ArticleView, offset: int) -> str | None:
    fmt = format_at(view, offset)
    if fmt is None or fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.NoUnderline:
        return None
    return fmt.underlineColor().name()


def extras(view: ArticleView) -> list[tuple[str, str, int]]:
    """The extra selections as (text they cover, fill colour, fill alpha)."""
    found = []
    for selection in view.extraSelections():
        background = selection.format.background().color()
        found.append((selection.cursor.selectedText(), background.name(), background.alpha()))
    return found


@pytest.fixture
def view(qtbot: QtBot) -> ArticleView:
    article = ArticleView()
    qtbot.addWidget(article)
    article.set_labels(LABELS)
    article.set_point_size(14)
    article.resize(700, 400)
    return article


@pytest.fixture(scope="module")
def shared_view(qapp: QApplication) -> Iterator[ArticleView]:
    """One view for the property tests: showing a new text resets it."""
    article = ArticleView()
    article.set_labels(LABELS)
    yield article
    article.deleteLater()


# --- the highlighter ---------------------------------------------------------------------------


def test_each_label_colours_exactly_its_characters_after_emoji(view: ArticleView) -> None:
    minister, base = at("وزير الدفاع"), at("قاعدة التنف")
    view.show_text(TEXT, [span(*minister, "ACTOR"), span(*base, "PLACE")])
    painted = {i: fill(view, i) for i in range(len(TEXT))}
    assert {i for i, c in painted.items() if c == COLOR["ACTOR"]} == set(range(*minister))
    assert {i for i, c in painted.items() if c == COLOR["PLACE"]} == set(range(*base))
    assert {c for c in painted.values()} == {None, COLOR["ACTOR"], COLOR["PLACE"]}
    fmt = format_at(view, minister[0])
    assert fmt is not None and fmt.background().color().alpha() == FILL_ALPHA


def test_nested_spans_show_the_inner_fill_and_the_outer_underline(view: ArticleView) -> None:
    claim, base = at("القوات ستنسحب من قاعدة التنف"), at("قاعدة التنف")
    view.show_text(TEXT, [span(*claim, "CLAIM"), span(*base, "PLACE")])
    for i in range(*claim):
        inside = base[0] <= i < base[1]
        assert fill(view, i) == COLOR["PLACE" if inside else "CLAIM"], i
        assert underline(view, i) == (COLOR["CLAIM"] if inside else None), i
    assert fill(view, claim[0] - 1) is None and fill(view, claim[1]) is None


def test_overlapping_spans_paint_their_union(view: ArticleView) -> None:
    """Two spans that overlap without nesting: every character of each is painted, and the
    shared characters show both colours (fill and underline)."""
    first, second = at("وزير الدفاع"), at("الدفاع 👍🏽 إن")
    view.show_text(TEXT, [span(*first, "ACTOR"), span(*second, "CLAIM")])
    for i in range(first[0], second[1]):
        both = second[0] <= i < first[1]
        colours = {fill(view, i), underline(view, i)}
        if both:
            assert colours == {COLOR["ACTOR"], COLOR["CLAIM"]}, i
        else:
            assert fill(view, i) == COLOR["ACTOR" if i < second[0] else "CLAIM"], i
            assert underline(view, i) is None, i


def test_set_spans_replaces_the_old_highlights(view: ArticleView) -> None:
    minister, aleppo = at("وزير الدفاع"), at("ثان")
    view.show_text(TEXT, [span(*minister, "ACTOR")])
    view.set_spans([span(*aleppo, "PLACE")])
    assert [i for i in range(len(TEXT)) if fill(view, i)] == list(range(*aleppo))
    assert fill(view, aleppo[0]) == COLOR["PLACE"]
    assert view.painted() == [(*aleppo, "PLACE")]
    view.set_spans([])
    assert [i for i in range(len(TEXT)) if fill(view, i)] == []
    assert view.painted() == []


def test_a_new_text_drops_the_old_spans(view: ArticleView) -> None:
    view.show_text(TEXT, [span(*at("وزير الدفاع"), "ACTOR")])
    other = "خبر آخر بلا مقاطع"
    view.show_text(other, [])
    assert view.toPlainText() == other
    assert [i for i in range(len(other)) if fill(view, i)] == []


def test_a_span_ending_a_line_after_an_emoji_is_painted_to_its_end(view: ArticleView) -> None:
    soon = at("قريباً")  # the last word of the first line, after three emoji
    view.show_text(TEXT, [span(*soon, "ACTOR")])
    assert [fill(view, i) for i in range(*soon)] == [COLOR["ACTOR"]] * len("قريباً")


Key = tuple[int, int, str]


def keys_in(draw: st.DrawFn, text: str, first: int = 0) -> list[Key]:
    """Up to five spans of any label within ``text``, starting at ``first`` or later."""
    if len(text) - first < 1:
        return []
    edges = st.tuples(st.integers(first, len(text) - 1), st.integers(1, 12))
    drawn = draw(st.lists(st.tuples(edges, st.sampled_from(list(COLOR))), max_size=5))
    return sorted({(s, min(s + n, len(text)), label) for (s, n), label in drawn})


@st.composite
def astral_line_then_body(draw: st.DrawFn) -> tuple[str, list[Key]]:
    """A first line of emoji and flags, then a body with spans: none in the first line."""
    head = draw(st.lists(st.sampled_from([*ASTRAL, " ", "خبر"]), max_size=6).map("".join))
    body = draw(
        st.lists(
            st.sampled_from([*"قالوزيرحلب", " ", "\n", "«", "»", "\u200f", "\u200d", "بِ", "ـ"]),
            min_size=1,
            max_size=50,
        ).map("".join)
    )
    text = head + "\n" + body
    return text, keys_in(draw, text, first=len(head) + 1)


@st.composite
def astral_text_with_spans(draw: st.DrawFn) -> tuple[str, list[Key]]:
    pieces = [*ASTRAL, *"قالحلب", " ", "\n", "\u200f"]
    text = draw(st.lists(st.sampled_from(pieces), max_size=30).map("".join))
    return text, keys_in(draw, text)


def check_colours(view: ArticleView, text: str, keys: list[Key]) -> None:
    """Show ``text`` with these spans: every character shows the colour of the innermost span
    around it (and a span further out as an underline); a character outside every span is
    not painted."""
    spans = [span(*key) for key in keys]
    view.show_text(text, spans)
    for i, ch in enumerate(text):
        if ch == "\n":
            continue  # a line break is not drawn
        around = [s for s in spans if s.start <= i < s.end]
        innermost = [
            s for s in around if all(o.start <= s.start and s.end <= o.end for o in around)
        ]
        if not around:
            assert fill(view, i) is None and underline(view, i) is None, i
            continue
        assert fill(view, i) in {COLOR[s.label] for s in innermost or around}, i
        if len(around) == 1:
            assert underline(view, i) is None, i
        else:
            assert underline(view, i) in {COLOR[s.label] for s in around}, i


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(astral_line_then_body())
def test_astral_lines_before_do_not_shift_any_colour(
    shared_view: ArticleView, case: tuple[str, list[Key]]
) -> None:
    check_colours(shared_view, *case)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(case=("😀 حلب", [(2, 5, "PLACE")]))
@given(astral_text_with_spans())
def test_every_character_carries_its_innermost_label(
    shared_view: ArticleView, case: tuple[str, list[Key]]
) -> None:
    check_colours(shared_view, *case)


# --- the current span, found words, the selection ---------------------------------------------


def test_the_current_span_stands_out_over_its_exact_characters(view: ArticleView) -> None:
    minister, base = span(*at("وزير الدفاع"), "ACTOR"), span(*at("قاعدة التنف"), "PLACE")
    view.show_text(TEXT, [minister, base])
    assert extras(view) == []
    view.set_current(base)
    assert extras(view) == [("قاعدة التنف", COLOR["PLACE"], CURRENT_ALPHA)]
    (selection,) = view.extraSelections()
    assert selection.format.foreground().color().name() in ("#000000", "#ffffff")
    view.set_current(minister)
    assert extras(view) == [("وزير الدفاع", COLOR["ACTOR"], CURRENT_ALPHA)]
    view.set_current(None)
    assert extras(view) == []


def test_the_current_span_goes_when_its_span_is_deleted(view: ArticleView) -> None:
    minister, base = span(*at("وزير الدفاع"), "ACTOR"), span(*at("قاعدة التنف"), "PLACE")
    view.show_text(TEXT, [minister, base])
    view.set_current(base)
    view.set_spans([minister])
    assert view.current is None and extras(view) == []


def test_found_words_are_marked_beside_the_current_span(view: ArticleView) -> None:
    minister = span(*at("وزير الدفاع"), "ACTOR")
    view.show_text(TEXT, [minister])
    aleppo, forces = at("حلب"), at("القوات")
    view.set_found([forces, aleppo])
    view.set_current(minister)
    assert extras(view) == [
        ("القوات", FOUND.name(), 255),
        ("حلب", FOUND.name(), 255),
        ("وزير الدفاع", COLOR["ACTOR"], CURRENT_ALPHA),
    ]
    view.set_found([])
    assert [text for text, _, _ in extras(view)] == ["وزير الدفاع"]


def select_qt(view: ArticleView, start: int, end: int) -> None:
    """Select Qt positions as a mouse drag would."""
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_a_selection_after_emoji_reads_in_code_points(view: ArticleView) -> None:
    view.show_text(TEXT, [])
    assert view.selection() is None
    minister = at("وزير الدفاع")
    select_qt(view, qt(TEXT, minister[0]), qt(TEXT, minister[1]))
    assert view.selection() == minister
    aleppo = at("حلب")  # on the second line, after 𝐀
    select_qt(view, qt(TEXT, aleppo[1]), qt(TEXT, aleppo[0]))  # dragged from its end
    assert view.selection() == aleppo
    view.clear_selection()
    assert view.selection() is None


def test_a_selection_ending_inside_an_emoji_takes_the_whole_emoji(view: ArticleView) -> None:
    view.show_text(TEXT, [])
    thumb = TEXT.index("👍🏽")  # two astral code points: four Qt positions
    select_qt(view, qt(TEXT, thumb - 1), qt(TEXT, thumb) + 1)
    assert view.selection() == (thumb - 1, thumb + 1)
    select_qt(view, qt(TEXT, thumb) + 1, qt(TEXT, thumb + 2))
    assert view.selection() == (thumb, thumb + 2)


def test_select_range_selects_the_code_points_asked(view: ArticleView) -> None:
    view.show_text(TEXT, [])
    aleppo = at("حلب")
    view.select_range(*aleppo)
    assert view.textCursor().selectedText() == "حلب"
    assert view.selection() == aleppo


def test_ctrl_shift_arrow_selects_the_next_word_after_emoji(
    qtbot: QtBot, view: ArticleView
) -> None:
    """Right to left, Ctrl+Shift+← extends the selection forward by a word."""
    view.show_text(TEXT, [])
    view.show()
    qtbot.waitExposed(view)
    minister = at("وزير")
    cursor = view.textCursor()
    cursor.setPosition(qt(TEXT, minister[0]))
    view.setTextCursor(cursor)
    qtbot.keyClick(
        view,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert view.selection() == minister


# --- the mouse ---------------------------------------------------------------------------------


def point_of(view: ArticleView, offset: int) -> QPoint:
    """The middle of the character at a code-point offset, in viewport pixels."""
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt(view.text, offset))
    left = view.cursorRect(cursor)
    cursor.setPosition(qt(view.text, offset + 1))
    right = view.cursorRect(cursor)
    return QPoint((left.center().x() + right.center().x()) // 2, left.center().y())


def test_a_click_picks_the_span_then_cycles_nested_ones(qtbot: QtBot, view: ArticleView) -> None:
    claim = span(*at("القوات ستنسحب من قاعدة التنف"), "CLAIM")
    base = span(*at("قاعدة التنف"), "PLACE")
    view.show_text(TEXT, [claim, base])
    view.show()
    qtbot.waitExposed(view)
    inside = base.start + 2
    picked: list[Span | None] = []
    view.spanClicked.connect(picked.append)
    view.spanClicked.connect(view.set_current)
    left = Qt.MouseButton.LeftButton
    qtbot.mouseClick(view.viewport(), left, pos=point_of(view, inside))
    qtbot.mouseClick(view.viewport(), left, pos=point_of(view, inside))
    qtbot.mouseClick(view.viewport(), left, pos=point_of(view, claim.start + 1))
    qtbot.mouseClick(view.viewport(), left, pos=point_of(view, at("حلب")[0] + 1))
    assert [s.label if s else None for s in picked] == ["PLACE", "CLAIM", "CLAIM", None]


def test_hovering_names_the_spans_under_the_mouse(qtbot: QtBot, view: ArticleView) -> None:
    claim = span(*at("القوات ستنسحب من قاعدة التنف"), "CLAIM")
    base = span(*at("قاعدة التنف"), "PLACE")
    view.show_text(TEXT, [claim, base])
    view.show()
    qtbot.waitExposed(view)
    point = point_of(view, base.start + 1)
    assert view.offset_at(point) == base.start + 1
    assert view.hover_text(point) == "Place: قاعدة التنف\nClaim: القوات ستنسحب من قاعدة التنف"
    assert view.hover_text(point_of(view, at("وزير")[0])) == ""


# --- what Qt does to the text ------------------------------------------------------------------


@pytest.mark.parametrize("lead", ["\ufeff", "\ufffe"])
def test_the_view_shows_the_stored_text_as_stored(view: ArticleView, lead: str) -> None:
    text = lead + "قال وزير الدفاع"
    minister = at("وزير", text)
    view.show_text(text, [span(*minister, "ACTOR")])
    assert view.toPlainText() == text
    assert [i for i in range(len(text)) if fill(view, i)] == list(range(*minister))
