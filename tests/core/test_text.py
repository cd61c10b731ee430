"""The Arabic text layer: cleaning, offsets, tokens, snapping and the search copy."""

from __future__ import annotations

import unicodedata

import pytest
import regex
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from alama.core import folding
from alama.core import text as arabic
from alama.core.text import TextIndex
from tests.conftest import SAMPLES
from tests.core.strategies import raw_text, stored_text

CLUSTERS = regex.compile(r"\X")


def boundaries(text: str) -> set[int]:
    found = {m.start() for m in CLUSTERS.finditer(text)}
    found.add(len(text))
    return found


# --- cleaning ------------------------------------------------------------------------------


def test_clean_removes_bom_and_unifies_line_endings_only() -> None:
    raw = "\ufeffسطر\r\nثانٍ\rثالث\u2028رابع\u2029خامس\u00a0ـ"
    assert arabic.clean(raw) == "سطر\nثانٍ\nثالث\nرابع\nخامس\u00a0ـ"


@given(raw_text, st.data())
def test_cleaning_keeps_every_offset_on_the_same_character(raw: str, data: st.DataObject) -> None:
    text, to_clean = arabic.clean_with_offsets(raw)
    assume(raw)
    i = data.draw(st.integers(0, len(raw) - 1))
    if (raw[i] == "\ufeff" and i == 0) or (raw[i] == "\r" and raw[i + 1 : i + 2] == "\n"):
        return  # removed characters have no place of their own
    expected = "\n" if raw[i] in "\r\u2028\u2029" else raw[i]
    assert text[to_clean(i)] == expected


@given(stored_text)
def test_cleaning_is_idempotent(text: str) -> None:
    assert arabic.clean(arabic.clean(text)) == arabic.clean(text)


# --- tokens --------------------------------------------------------------------------------


@given(stored_text)
def test_tokens_are_ordered_non_blank_substrings(text: str) -> None:
    tokens = arabic.tokenize(text)
    previous_end = 0
    for start, end in tokens:
        assert previous_end <= start < end <= len(text)
        assert text[start:end].strip()
        previous_end = end
    covered = {i for start, end in tokens for i in range(start, end)}
    for i, ch in enumerate(text):
        if not ch.isspace() and ch not in arabic.INVISIBLE and ch not in "\u0640":
            assert i in covered, f"{ch!r} at {i} belongs to no token"


def test_tokens_of_a_headline_with_emoji_and_tatweel() -> None:
    text = 'بـ"خطوات" 😀 في «سوريا»، 55\u00a0كيلومتراً'
    words = [text[s:e] for s, e in arabic.tokenize(text)]
    assert words == ["بـ", '"', "خطوات", '"', "😀", "في", "«", "سوريا", "»", "،", "55", "كيلومتراً"]


# Everything that makes camel-tools' symbol regex take more than one character, or none.
TOKEN_PIECES = [
    *"ab ،.٫#*1٢\u200d\ufe0f\u20e3\n\t\xa0«»—ـ\u0651$%™©",
    "😀", "👍🏽", "🇸🇾", "🇸", "\U0001f3fb", "1\ufe0f\u20e3", "#\u20e3", "👨\u200d👩\u200d👧",
    "®\ufe0f", "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "\u2028",
    "\x1c", "\u3000", "\U0001d400",
]  # fmt: skip


@settings(max_examples=400)
@given(st.lists(st.sampled_from(TOKEN_PIECES), max_size=30).map("".join))
def test_tokens_are_camel_tools_tokens(text: str) -> None:
    # the numpy tokenizer and camel-tools' own give the same tokens, in order
    from camel_tools.tokenizers.word import simple_word_tokenize

    assert [text[s:e] for s, e in arabic.tokenize(text)] == simple_word_tokenize(text)


def test_tokens_of_the_sample_articles_are_camel_tools_tokens() -> None:
    from camel_tools.tokenizers.word import simple_word_tokenize

    for path in SAMPLES.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert [text[s:e] for s, e in arabic.tokenize(text)] == simple_word_tokenize(text)


# --- snapping ------------------------------------------------------------------------------


@given(stored_text, st.data(), st.booleans())
def test_snapped_spans_are_valid(text: str, data: st.DataObject, exact: bool) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(0, len(text)))
    index = TextIndex(text)
    snapped = index.snap(start, end, exact=exact)
    if snapped is None:
        return
    s, e = snapped
    assert 0 <= s < e <= len(text)
    assert s in boundaries(text) and e in boundaries(text), "span splits a letter from its mark"
    clusters = [m.group() for m in CLUSTERS.finditer(text[s:e])]
    for edge in (clusters[0], clusters[-1]):
        assert not all(arabic.is_trimmed(ch) for ch in edge), f"span edge {edge!r} is blank"
    direction_marks = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    assert text[s] not in direction_marks and text[e - 1] not in direction_marks
    assert not text[s].isspace() and not text[e - 1].isspace()
    assert index.snap(s, e, exact=exact) == (s, e), "snapping twice changes the span"


@given(stored_text, st.data())
def test_exact_selection_keeps_the_chosen_letters(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    snapped = TextIndex(text).snap(start, end, exact=True)
    chosen = [  # letters, digits, symbols: what is left once quotes and punctuation go
        i
        for i in range(start, end)
        if not arabic.is_trimmed(text[i]) and unicodedata.category(text[i])[0] not in "PM"
    ]
    if snapped is not None and chosen:
        s, e = snapped
        assert s <= chosen[0] and chosen[-1] < e


def test_snap_grows_a_partial_word_to_the_whole_token() -> None:
    text = "قال مسؤولون عسكريون روس"
    start = text.index("سؤول")
    assert TextIndex(text).snap(start, start + 3) == (
        text.index("مسؤولون"),
        text.index("مسؤولون") + len("مسؤولون"),
    )


def test_snap_drops_the_arabic_comma_and_quotes_a_double_click_takes() -> None:
    text = "عقد الطرفان اجتماعاً، وقالا إن «التنسيق عاد»"
    word = "اجتماعاً"
    start = text.index(word)
    assert TextIndex(text).snap(start, start + len(word) + 1) == (start, start + len(word))
    claim = text.index("«")
    s, e = TextIndex(text).snap(claim, len(text))
    assert text[s:e] == "التنسيق عاد"


# Quotes and punctuation at the edges of a selection. Each case: the text, the selection (its
# first occurrence) and the span expected, in both modes: by word and exact (Alt).
EDGE_CASES = [
    ('صرّح الوزير "سامي العلي" للصحفيين', '"سامي العلي', "سامي العلي"),
    ('صرّح الوزير "سامي العلي" للصحفيين', 'سامي العلي"', "سامي العلي"),
    ('صرّح الوزير "سامي العلي" للصحفيين', '"سامي العلي"', "سامي العلي"),
    ('صرّح الوزير "سامي العلي" للصحفيين', ' "سامي العلي" ', "سامي العلي"),
    ("أعلنت “هيئة الموانئ” توقف الملاحة", "“هيئة الموانئ", "هيئة الموانئ"),
    ("أعلنت “هيئة الموانئ” توقف الملاحة", "هيئة الموانئ”", "هيئة الموانئ"),
    ("أعلنت „هيئة الموانئ“ توقف الملاحة", "„هيئة الموانئ“", "هيئة الموانئ"),
    ("زار «ميناء طرطوس» أمس", "«ميناء طرطوس»", "ميناء طرطوس"),
    ("زار ‹ميناء طرطوس› أمس", "‹ميناء", "ميناء"),
    ("قال الناطق ‘لن نتراجع’ بحزم", "‘لن نتراجع’", "لن نتراجع"),
    ("قال الناطق 'لن نتراجع' بحزم", "نتراجع'", "نتراجع"),
    # a quote glued to the words on both sides, straight and curly
    ('ردّ النائب"خالد"بحدة على الأسئلة', '"خالد"', "خالد"),
    ('ردّ النائب"خالد"بحدة على الأسئلة', 'النائب"', "النائب"),
    ('ردّ النائب"خالد"بحدة على الأسئلة', '"بحدة', "بحدة"),
    ("ردّ النائب”خالد“بحدة على الأسئلة", "”خالد“", "خالد"),
    # Arabic punctuation
    ("وصل الوفد إلى عمّان، ثم غادر؛ فهل يعود؟", "عمّان،", "عمّان"),
    ("وصل الوفد إلى عمّان، ثم غادر؛ فهل يعود؟", "، ثم غادر؛", "ثم غادر"),
    ("وصل الوفد إلى عمّان، ثم غادر؛ فهل يعود؟", "يعود؟", "يعود"),
    ("ارتفعت الأسعار ١٥٪. وقال التجار: لا!", "١٥٪.", "١٥"),
    ("ارتفعت الأسعار ١٥٪. وقال التجار: لا!", "التجار: لا!", "التجار: لا"),
]
EDGE_IDS = [
    "straight-open", "straight-close", "straight-both", "straight-spaced", "curly-open",
    "curly-close", "low-curly", "guillemets", "single-guillemet", "single-curly",
    "apostrophe", "glued-both", "glued-after-word", "glued-before-word", "glued-curly",
    "comma", "comma-semicolon", "question-mark", "percent-full-stop", "colon-inside",
]  # fmt: skip


@pytest.mark.parametrize("exact", [False, True], ids=["by word", "exact"])
@pytest.mark.parametrize(("text", "selected", "expected"), EDGE_CASES, ids=EDGE_IDS)
def test_quotes_and_punctuation_are_trimmed_at_both_edges(
    text: str, selected: str, expected: str, exact: bool
) -> None:
    start = text.index(selected)
    span = TextIndex(text).snap(start, start + len(selected), exact=exact)
    assert span is not None
    assert text[slice(*span)] == expected


@pytest.mark.parametrize("exact", [False, True], ids=["by word", "exact"])
def test_a_selection_of_quotes_or_punctuation_only_gives_no_span(exact: bool) -> None:
    text = 'قال: «" نعم "»، ثم سكت.'
    index = TextIndex(text)
    for selected in ('«"', ' "»، ', ":", "،", "."):
        start = text.index(selected)
        assert index.snap(start, start + len(selected), exact=exact) is None, selected


def test_word_steps_pass_over_quotes_and_punctuation() -> None:
    text = 'قال الوزير "سامي العلي"، ثم غادر'
    index = TextIndex(text)
    minister = text.index("الوزير")
    name = text.index("سامي")
    family = text.index("العلي")
    assert index.word_step(minister + len("الوزير"), forward=True) == name + len("سامي")
    assert index.word_step(family + len("العلي"), forward=True) == text.index("ثم") + 2
    assert index.word_step(name, forward=False) == minister
    assert index.word_step(text.index("ثم"), forward=False) == family
    assert index.word_step(name + 2, forward=True) == name + len("سامي")  # inside a word
    assert index.word_step(len(text), forward=True) == len(text)  # nowhere to go


def test_growing_and_shrinking_by_word_never_stops_on_a_quote() -> None:
    text = 'قال الوزير "سامي العلي"، ثم غادر'
    index = TextIndex(text)
    name = text.index("سامي")
    span = (name, name + len("سامي العلي"))
    grown = index.grow(*span, "start", by_token=True)
    assert text[slice(*grown)] == 'الوزير "سامي العلي'
    assert text[slice(*index.grow(*span, "end", by_token=True))] == 'سامي العلي"، ثم'
    assert text[slice(*index.shrink(*grown, "start", by_token=True))] == "سامي العلي"
    minister = (text.index("الوزير"), name - 2)
    assert text[slice(*index.grow(*minister, "end", by_token=True))] == 'الوزير "سامي'


def test_growing_by_a_letter_passes_over_a_glued_quote() -> None:
    text = 'ردّ النائب"خالد"بحدة'
    index = TextIndex(text)
    name = (text.index("خالد"), text.index("خالد") + len("خالد"))
    assert text[slice(*index.grow(*name, "start", by_token=False))] == 'ب"خالد'
    assert text[slice(*index.grow(*name, "end", by_token=False))] == 'خالد"ب'
    word = (text.index("ردّ"), text.index("ردّ") + len("ردّ"))
    assert index.grow(*word, "end", by_token=False) == word  # only a space follows


# Text built from words, quotes and punctuation, glued or spaced in every way.
QUOTES = "«»“”„‹›\"'‘’"
PUNCTUATION = "،؛؟.:!٪…-()"
LETTERS = "ابتسعلمنهويةأ"
word = st.builds(
    "".join,
    st.lists(st.sampled_from([*LETTERS, "بّ", "سَ", "١", "٥"]), min_size=1, max_size=4),
)
quoted_text = st.lists(
    st.one_of(word, st.sampled_from([*QUOTES, *PUNCTUATION, " ", " ", "\n"])), max_size=25
).map("".join)


def word_runs(text: str) -> list[tuple[int, int]]:
    """Where each word is: the runs of characters that are not space, quote or punctuation."""
    return [m.span() for m in regex.finditer(r"[^\s\p{P}]+", text)]


@settings(max_examples=500)
@given(quoted_text, st.data(), st.booleans())
def test_snapped_spans_never_start_or_end_with_a_quote_and_cover_whole_words(
    text: str, data: st.DataObject, exact: bool
) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(0, len(text)))
    start, end = min(a, b), max(a, b)
    index = TextIndex(text)
    span = index.snap(a, b, exact=exact)
    touched = [(s, e) for s, e in word_runs(text) if s < end and start < e]
    if start == end:
        assert span is None, "no selection, no span"
        return
    if span is None:
        assert not touched, "a selection over a word gives a span"
        return
    s, e = span
    clusters = [m.group() for m in CLUSTERS.finditer(text[s:e])]
    for edge in (clusters[0][0], clusters[-1][0]):  # the edge clusters' base characters
        assert edge not in QUOTES + PUNCTUATION and not edge.isspace(), text[s:e]
    if not exact:  # whole words: every word the selection touches, and no more
        assert (s, e) == (touched[0][0], touched[-1][1]), text[s:e]
    else:
        assert touched[0][0] <= s < e <= touched[-1][1]
    assert index.snap(s, e, exact=exact) == (s, e), "snapping twice changes the span"


@given(word, quoted_text, quoted_text, st.booleans())
def test_a_selection_over_a_quoted_word_gives_the_word(
    inner: str, before: str, after: str, exact: bool
) -> None:
    text = f"{before} «{inner}» {after}"
    start = len(before) + 1
    span = TextIndex(text).snap(start, start + len(inner) + 2, exact=exact)
    assert span is not None and text[slice(*span)] == inner


def test_exact_mode_keeps_a_proclitic_apart() -> None:
    text = "وصل الوفد بسوريا أمس"
    start = text.index("بسوريا") + 1
    s, e = TextIndex(text).snap(start, start + 5, exact=True)
    assert text[s:e] == "سوريا"
    assert TextIndex(text).snap(start, start + 5) == (start - 1, start + 5)


def test_snap_never_cuts_a_shadda_off_its_letter() -> None:
    text = "قوّات عسكريّة"
    cut = text.index("ّ")  # selection ends between و and its shadda
    s, e = TextIndex(text).snap(0, cut, exact=True)
    assert text[s:e] == "قوّ"


def test_snap_trims_direction_marks_and_no_break_spaces() -> None:
    text = "بحسب\u200f Reuters\u200f\u00a0أمس"
    s, e = TextIndex(text).snap(text.index("\u200f"), text.index("أمس"), exact=True)
    assert text[s:e] == "Reuters"


def test_blank_selection_gives_no_span() -> None:
    assert TextIndex("كلمة   كلمة").snap(5, 7) is None


def test_grow_and_shrink_move_by_token_or_cluster() -> None:
    text = "وزير الدفاع الروسي"
    index = TextIndex(text)
    span = (text.index("الدفاع"), text.index("الدفاع") + len("الدفاع"))
    assert index.grow(*span, "end", by_token=True) == (span[0], len(text))
    assert index.grow(*span, "start", by_token=True) == (0, span[1])
    assert index.shrink(0, len(text), "end", by_token=True) == (0, span[1])
    assert index.grow(*span, "end", by_token=False) == (span[0], span[1])  # only a space follows
    assert index.shrink(*span, "start", by_token=False) == (span[0] + 1, span[1])


# --- the search copy -----------------------------------------------------------------------


def test_normalize_folds_hamza_diacritics_and_tatweel() -> None:
    assert arabic.normalize("أمريكيّ") == arabic.normalize("امريكي") == arabic.normalize("أمريكي")
    assert arabic.normalize('بـ"خطوات') == 'ب"خطوات'
    assert arabic.normalize("مدرسة") == arabic.normalize("مدرسه")
    assert arabic.normalize("مسؤول") == arabic.normalize("مسوول")


@given(st.one_of(stored_text, st.text()))
def test_normalize_is_the_fold_table_applied_to_every_character(text: str) -> None:
    """The numpy fold is ``str.translate`` with the table, emoji and astral planes included."""
    assert arabic.normalize(text) == text.translate(folding.fold_table())


@given(stored_text)
def test_normalized_copy_maps_back_to_the_original(text: str) -> None:
    norm, origin = arabic.normalize_with_map(text)
    assert len(norm) == len(origin)
    for i, ch in enumerate(norm):
        assert arabic.normalize(text[origin[i]]) == ch


def test_find_all_returns_original_offsets_with_marks() -> None:
    text = "قال الأميركيّون إن الاميركية واشنطن"
    hits = arabic.find_all(text, "الاميركي")
    assert [text[s:e] for s, e in hits] == ["الأميركيّ", "الاميركي"]


def test_a_joiner_that_extends_a_letter_stays_with_it() -> None:
    # ZWNJ after alef is part of the alef's grapheme cluster: trimming it would split the cluster.
    assert TextIndex("ا\u200c").snap(0, 1, exact=True) == (0, 2)
    # A space followed by ZWNJ is one blank cluster: it never starts a span.
    assert TextIndex("ب \u200cت").snap(1, 4, exact=True) == (3, 4)


@given(stored_text, st.data(), st.booleans(), st.sampled_from(["start", "end"]), st.booleans())
def test_grow_and_shrink_keep_spans_valid(
    text: str, data: st.DataObject, grow: bool, side: str, by_token: bool
) -> None:
    index = TextIndex(text)
    start = data.draw(st.integers(0, len(text)))
    snapped = index.snap(start, data.draw(st.integers(0, len(text))))
    assume(snapped is not None)
    assert snapped is not None
    move = index.grow if grow else index.shrink
    s, e = move(*snapped, side, by_token)
    assert 0 <= s < e <= len(text)
    assert s in boundaries(text) and e in boundaries(text)
