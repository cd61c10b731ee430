"""The offset map alone: code points (what Alama stores) and UTF-16 positions (what Qt counts)
meet in one place, and every emoji, 𝐀 or flag before a span must not shift it by one."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import assume, given
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from alama.gui.qt_offsets import OffsetMap
from tests.core.strategies import stored_text

ASTRAL = ["😀", "🇸🇾", "👍🏽", "👨\u200d👩\u200d👧", "𝐀", "𠀀", "\U0010fffd", "🏳️\u200d🌈"]
HARD = [
    *ASTRAL,
    "قال",
    "بِسْمِ",  # letters with marks: one code point each, one position each
    "ـ",
    "\u200f",  # RLM
    "\u200e",  # LRM
    "\u200d",  # ZWJ
    "\u200c",  # ZWNJ
    "\ufeff",
    "\uffff",  # the last code point that is one UTF-16 unit
    " ",
    "\n",
    "«",
    "a",
]
news = st.one_of(st.lists(st.sampled_from(HARD), max_size=40).map("".join), stored_text)
"""Texts as Alama stores them, thick with astral characters, marks and direction controls."""
texts = st.one_of(news, st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40))
"""Those, and any string of code points at all."""


def utf16(text: str, offset: int) -> int:
    """Python's own count of UTF-16 units before a code-point offset."""
    return len(text[:offset].encode("utf-16-le")) // 2


def boundaries(text: str) -> list[int]:
    """The Qt positions that fall between two characters (not inside a surrogate pair)."""
    return [utf16(text, i) for i in range(len(text) + 1)]


@given(texts)
def test_to_qt_counts_utf16_units_like_python(text: str) -> None:
    offsets = OffsetMap(text)
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == boundaries(text)


@given(texts)
def test_every_offset_comes_back_from_qt(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_py(offsets.to_qt(i)) == i
        assert offsets.to_py(offsets.to_qt(i), round_up=True) == i


@given(texts)
def test_every_character_boundary_comes_back_to_qt(text: str) -> None:
    offsets = OffsetMap(text)
    for position in boundaries(text):
        assert offsets.to_qt(offsets.to_py(position)) == position


@given(texts)
def test_the_ends_meet(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.to_qt(0) == 0 and offsets.to_py(0) == 0
    qt_length = len(text.encode("utf-16-le")) // 2
    assert offsets.to_qt(len(text)) == qt_length
    assert offsets.to_py(qt_length) == offsets.to_py(qt_length, round_up=True) == len(text)


@given(texts)
def test_both_directions_are_monotonic(text: str) -> None:
    offsets = OffsetMap(text)
    qt = [offsets.to_qt(i) for i in range(len(text) + 1)]
    assert all(b - a in (1, 2) for a, b in pairwise(qt))
    for round_up in (False, True):
        py = [offsets.to_py(p, round_up) for p in range(qt[-1] + 1)]
        assert all(b - a in (0, 1) for a, b in pairwise(py))


@given(texts)
def test_a_position_inside_a_pair_belongs_to_its_character(text: str) -> None:
    """A drag that ends between the two halves of an emoji takes the whole emoji (round_up
    for a selection's end) or starts at it (a selection's start): never half a character."""
    offsets = OffsetMap(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            inside = utf16(text, i) + 1
            assert offsets.to_py(inside) == i
            assert offsets.to_py(inside, round_up=True) == i + 1


@given(news)
def test_qt_reads_the_same_character_at_each_mapped_position(text: str) -> None:
    """The map agrees with Qt itself: from to_qt(i) to to_qt(i + 1) a QTextDocument holds
    exactly text[i] (a line break reads as Qt's paragraph separator)."""
    assume(not text.startswith("\ufeff"))  # Qt drops it: see test_article_view
    document = QTextDocument()
    document.setPlainText(text)
    offsets = OffsetMap(text)
    cursor = QTextCursor(document)
    for i, ch in enumerate(text):
        cursor.setPosition(offsets.to_qt(i))
        cursor.setPosition(offsets.to_qt(i + 1), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == ("\u2029" if ch == "\n" else ch), (i, ch)


def test_a_text_without_astral_characters_is_the_identity() -> None:
    text = "قال وزير الدفاع\u200f «الأمريكيّ» 55\u00a0كم\n"
    offsets = OffsetMap(text)
    assert offsets.astral == []
    assert [offsets.to_qt(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
    assert [offsets.to_py(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))


def test_each_emoji_before_a_word_shifts_it_by_one_more() -> None:
    text = "😀 🇸🇾 حلب"
    offsets = OffsetMap(text)
    start = text.index("حلب")
    assert start == 5  # 😀, space, two regional indicators, space
    assert offsets.to_qt(start) == 8
    assert offsets.to_py(8) == 5 and offsets.to_py(11) == 8
