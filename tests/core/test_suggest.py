"""Suggestions: the matching copy, proclitics, gazetteers and the learning string matcher."""

from __future__ import annotations

import json
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alama.core.clitics import CliticRule, LabelledText, estimate_rule
from alama.core.errors import InputError
from alama.core.gazetteer_files import read_gazetteer, read_patterns
from alama.core.store import Store
from alama.core.suggest import Gazetteer, GazetteerEntry, LearnedMatcher
from alama.core.suggest_layers import layer_examples
from alama.core.suggest_text import (
    _copy_by_character,
    _join_spaces,
    character_copy,
    match_key,
    match_text,
)
from alama.core.text import TextIndex
from tests.core.strategies import stored_text

# Names written the ways an article writes them: marks, tatweel, hamza forms, ة/ه, ى/ي.
NAMES = {
    "روسيا": ["روسيا", "روسيّا", "روسـيا", "رُوسيا"],
    "أنقرة": ["أنقرة", "انقرة", "أنقره", "أنـقرة"],
    "وزارة الدفاع": ["وزارة الدفاع", "وزارةُ الدفاعِ", "وزاره  الدفاع", "وزارة\u00a0الدفاع"],
    "الأمم المتحدة": ["الأمم المتحدة", "الامم المتّحدة", "الأمم المتحده"],
    "مصطفى": ["مصطفى", "مصطفي", "مُصطفى"],
}
CLITICS = ["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "وك"]
FILLER = ["قال", "إن", "الوفد", "وصل", "أمس", "«", "»", "،", "في", "اليوم", "\n", "😀"]


def gazetteer(rule: CliticRule | None = None) -> Gazetteer:
    entries = [GazetteerEntry(name, "PLACE") for name in NAMES]
    return Gazetteer(entries, rule or CliticRule())


def with_clitic(clitic: str, written: str) -> str:
    """A proclitic glued to a name: ل before the article is written لل."""
    if clitic.endswith("ل") and written.startswith("ال"):
        return clitic + written[1:]
    return clitic + written


# --- the matching copy ---------------------------------------------------------------------


@given(stored_text)
def test_every_character_of_the_copy_comes_from_the_stored_character_it_maps_to(
    text: str,
) -> None:
    copy = match_text(text)
    origin = copy.origin.tolist()
    assert len(origin) == len(copy.text)
    assert origin == sorted(origin)
    for position, index in enumerate(origin):
        assert copy.text[position] in character_copy(text[index])
    kept = set(origin)
    for index, ch in enumerate(text):
        if index not in kept:  # dropped: a mark, tatweel, an invisible mark, a repeated space
            assert character_copy(ch) in ("", " ")


@given(stored_text)
def test_the_fast_copy_is_the_copy_made_one_character_at_a_time(text: str) -> None:
    copy = match_text(text)
    slow = _join_spaces(*_copy_by_character(text), text)
    assert copy.text == slow.text
    assert copy.origin.tolist() == slow.origin.tolist()
    assert match_key(text) == copy.text.strip()


def test_spelling_variants_share_one_copy() -> None:
    for variants in NAMES.values():
        assert len({match_key(variant) for variant in variants}) == 1, variants
    assert match_key("إسرائيل") == match_key("اسرائيل") == match_key("اسراييل")
    assert match_key("مؤتمر") == match_key("موتمر")
    assert match_key("ﻻ") == match_key("لا")  # a presentation form from a PDF
    assert match_key("NATO") == match_key("nato") == match_key("ＮＡＴＯ")
    assert match_key("جزء") != match_key("جزي")  # the lone hamza is a letter
    assert match_key("سوريا\nروسيا") == "سوريا\nروسيا"  # a line break stays


# --- proclitics and offsets ----------------------------------------------------------------


@given(
    st.sampled_from(sorted(NAMES)),
    st.data(),
    st.sampled_from(CLITICS),
    st.lists(st.sampled_from(FILLER), max_size=4),
    st.lists(st.sampled_from(FILLER), max_size=4),
)
def test_a_name_is_found_with_its_proclitics_and_lands_on_the_stored_text(
    name: str, data: st.DataObject, clitic: str, before: list[str], after: list[str]
) -> None:
    written = data.draw(st.sampled_from(NAMES[name]))
    word = with_clitic(clitic, written)
    text = " ".join([*before, word, *after])
    at = len(" ".join([*before, ""])) if before else 0
    found = [(s.start, s.end) for s in gazetteer().suggest(text, 7)]
    stored_end = at + len(word)
    assert (at, stored_end) in found  # proclitics kept (no spans measured)
    skip = len(clitic)  # left out, the span starts at the name (at the article's ل in "لل")
    leave_out = CliticRule({"و": 1, "ف": 1, "ب": 1, "ل": 1, "ك": 1}, {})
    found = [(s.start, s.end) for s in gazetteer(leave_out).suggest(text, 7)]
    assert (at + skip, stored_end) in found
    index = TextIndex(text)
    for start, end in found:
        assert index.cluster_floor(start) == start and index.cluster_ceil(end) == end


def test_a_name_inside_a_longer_word_is_not_found() -> None:
    text = "الروسيات والروسيين وبروسيانا"
    assert gazetteer().suggest(text, 1) == []


def test_the_article_after_lam_loses_its_alef() -> None:
    text = "وصل الوفد للأمم المتحدة ثم وللأمم المتحدة"
    spans = [text[s.start : s.end] for s in gazetteer().suggest(text, 1)]
    assert spans == ["للأمم المتحدة", "وللأمم المتحدة"]


def test_the_longest_match_wins_and_every_label_of_it_is_suggested() -> None:
    entries = [
        GazetteerEntry("وزارة الدفاع", "ACTOR"),
        GazetteerEntry("وزارة الدفاع الروسية", "ACTOR"),
        GazetteerEntry("الدفاع الروسية", "PLACE"),
        GazetteerEntry("واشنطن", "PLACE"),
        GazetteerEntry("واشنطن", "ACTOR"),
    ]
    text = "أعلنت وزارةُ الدفاع الروسيّة أن واشنطن ردّت"
    found = [
        (text[s.start : s.end], s.label) for s in Gazetteer(entries, CliticRule()).suggest(text, 1)
    ]
    assert found == [
        ("وزارةُ الدفاع الروسيّة", "ACTOR"),
        ("واشنطن", "ACTOR"),
        ("واشنطن", "PLACE"),
    ]


@given(st.sampled_from(sorted(NAMES)), st.sampled_from(sorted(NAMES)), st.sampled_from(CLITICS))
def test_a_phrase_that_holds_a_shorter_one_wins_over_it(one: str, two: str, clitic: str) -> None:
    entries = [GazetteerEntry(one, "ACTOR"), GazetteerEntry(two, "ACTOR")]
    entries.append(GazetteerEntry(f"{one} {two}", "PLACE"))
    text = f"قال {with_clitic(clitic, one)} {two} أمس"
    found = Gazetteer(entries, CliticRule()).suggest(text, 1)
    assert [(s.start, s.end, s.label) for s in found] == [(4, len(text) - 4, "PLACE")]


@given(st.lists(st.sampled_from(sorted(NAMES)), min_size=1, max_size=5), st.data())
def test_matches_never_overlap_and_each_reads_as_a_name(
    names: list[str], data: st.DataObject
) -> None:
    words = [with_clitic(data.draw(st.sampled_from(CLITICS)), name) for name in names]
    text = " و ".join(words)
    found = gazetteer().suggest(text, 1)
    assert len(found) == len(words)
    keys = {match_key(name) for name in NAMES}
    for one, two in pairwise(found):
        assert one.end <= two.start
    for suggestion in found:
        piece = match_key(text[suggestion.start : suggestion.end])
        elided = {"ل" + key[1:] for key in keys if key.startswith("ال")}  # لل
        assert any(piece.endswith(key) for key in keys | elided)


# --- the rule measured from the annotators' spans ------------------------------------------

ARTICLE_TEXT = (
    "قالت روسيا إن الوفد وصل. وروسيا ترفض، وبروسيا اجتماع. ثم زار لبنان ولبنان "
    "والجيش أعلن أن الجيش انسحب."
)


def spans_of(text: str, marked: list[str]) -> list[tuple[int, int, str]]:
    spans = []
    position = 0
    for piece in marked:
        start = text.index(piece, position)
        spans.append((start, start + len(piece), "PLACE"))
        position = start + len(piece)
    return spans


def test_the_rule_follows_spans_that_keep_the_proclitic() -> None:
    marked = ["روسيا", "وروسيا", "وبروسيا", "لبنان", "ولبنان", "والجيش", "الجيش"]
    rule = estimate_rule([LabelledText(1, ARTICLE_TEXT, spans_of(ARTICLE_TEXT, marked))])
    # و: وروسيا, وبروسيا, ولبنان ("لبنان" is marked), والجيش; not لبنان ("بنان" never is).
    assert rule.glued == {"و": 4, "ب": 1, "ال": 2} and rule.kept == rule.glued
    assert rule.keeps("و") and rule.keeps("ب") and rule.keeps("ف")


def test_the_rule_follows_spans_that_leave_the_proclitic_out() -> None:
    marked = ["روسيا", "روسيا", "روسيا", "لبنان", "لبنان", "الجيش", "الجيش"]
    rule = estimate_rule([LabelledText(1, ARTICLE_TEXT, spans_of(ARTICLE_TEXT, marked))])
    assert rule.glued == {"و": 4, "ب": 1, "ال": 2} and rule.kept == {"ال": 2}
    assert not rule.keeps("و") and not rule.keeps("ب")
    assert not rule.keeps("ف")  # never seen: follows the other proclitics
    assert rule.keeps("ال")  # the article is measured on its own


@given(st.lists(st.booleans(), min_size=1, max_size=12))
def test_the_proclitic_is_kept_when_at_least_half_the_spans_kept_it(keeps: list[bool]) -> None:
    text = " ".join("وأنقرة" for _ in keeps) + " أنقرة"
    spans = [(7 * i + (0 if keep else 1), 7 * i + 6, "PLACE") for i, keep in enumerate(keeps)]
    spans.append((7 * len(keeps), 7 * len(keeps) + 5, "PLACE"))
    rule = estimate_rule([LabelledText(1, text, spans)])
    assert rule.glued["و"] == len(keeps)
    assert rule.keeps("و") == (sum(keeps) * 2 >= len(keeps))
    suggested = Gazetteer([GazetteerEntry("انقره", "PLACE")], rule).suggest(text, 1)
    assert [(s.start, s.end) for s in suggested[:-1]] == [
        (7 * i + (0 if rule.keeps("و") else 1), 7 * i + 6) for i in range(len(keeps))
    ]


# --- the learning string matcher -----------------------------------------------------------


def test_the_matcher_learns_strings_and_scores_them_by_relative_frequency() -> None:
    text = "قالت روسيا إن الوفد وصل. وروسيا ترفض. روسيا تقول. واشنطن ردت."
    marked = [(5, 10, "PLACE"), (25, 31, "PLACE"), (38, 43, "ACTOR"), (50, 56, "PLACE")]
    assert [text[s:e] for s, e, _ in marked] == ["روسيا", "وروسيا", "روسيا", "واشنطن"]
    matcher = LearnedMatcher(CliticRule())
    matcher.learn([LabelledText(1, text, marked)])
    assert matcher.scores()["روسيا"] == pytest.approx({"PLACE": 2 / 3, "ACTOR": 1 / 3})
    assert "وروسيا" not in matcher.scores()  # the kept و is read off: "روسيا" was marked
    assert "واشنطن" in matcher.scores()  # "اشنطن" was never marked: its و is a letter
    new = "وصل الوفد إلى بروسيا ثم إلى واشنطن"
    found = [(new[s.start : s.end], s.label, round(s.score, 2)) for s in matcher.suggest(new, 2)]
    assert found == [
        ("بروسيا", "PLACE", 0.67),
        ("بروسيا", "ACTOR", 0.33),
        ("واشنطن", "PLACE", 1.0),
    ]
    matcher.learn([LabelledText(2, new, [(28, 34, "ACTOR")])])  # learned at once
    assert {s.label: s.score for s in matcher.suggest("واشنطن", 3)} == {"PLACE": 0.5, "ACTOR": 0.5}


def test_the_matcher_learns_the_article_back_after_lam() -> None:
    text = "الأمم المتحدة قالت، وللأمم المتحدة رأي"
    marked = [(0, 13, "ACTOR"), (20, 34, "ACTOR")]
    matcher = LearnedMatcher(CliticRule())
    matcher.learn([LabelledText(1, text, marked)])
    assert set(matcher.scores()) == {"الامم المتحده"}


# --- gazetteer and pattern files -----------------------------------------------------------


def test_gazetteer_and_pattern_files_give_the_same_entries(tmp_path: Path) -> None:
    tsv = tmp_path / "places.tsv"
    tsv.write_text("# places\nروسيا\tPLACE\r\n\nوزارة الدفاع\tACTOR\n", encoding="utf-8")
    jsonl = tmp_path / "patterns.jsonl"
    records = [
        {"label": "PLACE", "pattern": "روسيا"},
        {"label": "ACTOR", "pattern": [{"lower": "وزارة"}, {"ORTH": "الدفاع"}]},
        {"label": "ACTOR", "pattern": [{"text": "U.S"}, {"text": "."}]},
    ]
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    from_tsv = [(e.text, e.label) for e in read_gazetteer(tsv)]
    from_jsonl = [(e.text, e.label) for e in read_patterns(jsonl)]
    assert from_tsv == [("روسيا", "PLACE"), ("وزارة الدفاع", "ACTOR")]
    assert from_jsonl == [*from_tsv, ("U.S.", "ACTOR")]
    assert read_gazetteer(tsv)[1].where == f"{tsv}:4"


BAD_TSV = [
    ("روسيا PLACE", "expected text<TAB>label, found no tab"),
    ("روسيا\tPLACE\textra", "expected text<TAB>label, found 2 tabs"),
    ("روسيا\t", "the label is empty"),
    ("\u064e\u0651\tPLACE", "has nothing to match"),
    ("روسيا\tGPE", "'GPE' is not a label of the project (ACTOR, CLAIM, PLACE)"),
]


@pytest.mark.parametrize(("line", "message"), BAD_TSV)
def test_a_bad_gazetteer_line_is_refused_in_one_line(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "g.tsv"
    path.write_text(f"أنقرة\tPLACE\n{line}\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gazetteer(path, labels={"ACTOR", "PLACE", "CLAIM"})
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


BAD_PATTERNS = [
    ('{"label": "PLACE", "pattern": [{"POS": "PROPN"}]}', "token 1 uses POS: only plain tokens"),
    ('{"label": "PLACE", "pattern": [{"lower": {"IN": ["a"]}}]}', "token 1: lower must be"),
    ('{"label": "PLACE", "pattern": [{"lower": "a", "OP": "+"}]}', "token 1 must be one"),
    ('{"label": "PLACE", "pattern": []}', "empty list of tokens"),
    ('{"label": "PLACE", "pattern": 5}', '"pattern" must be a string or a list'),
    ('{"pattern": "روسيا"}', '"label" must be a string, found null'),
    ('["روسيا"]', "expected a pattern object, found a list"),
    ('{"label": "PLACE", "pattern": "روسيا"', "malformed JSON"),
]


@pytest.mark.parametrize(("line", "message"), BAD_PATTERNS)
def test_a_bad_pattern_is_refused_in_one_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text('{"label": "PLACE", "pattern": "أنقرة"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_patterns(path)
    assert str(caught.value).startswith(f"{path}:2: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_gazetteer_that_is_not_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv"
    path.write_bytes("أنقرة\tPLACE\n".encode() + "روسيا\tPLACE\n".encode("cp1256"))
    with pytest.raises(InputError, match=r":2: not UTF-8"):
        read_gazetteer(path)


def test_combining_marks_after_the_last_letter_stay_in_the_span() -> None:
    text = "زار روسيّاً الوفد"
    (found,) = gazetteer().suggest(text, 1)
    assert text[found.start : found.end] == "روسيّاً"
    assert unicodedata.category(text[found.end - 1])[0] == "M"


# --- learning from a project's layer -------------------------------------------------------


def test_a_matcher_learns_from_the_layer_the_lead_picks(tmp_path: Path) -> None:
    first = "قال الوفد إن وروسيا ترفض، وبروسيا اجتماع وأنقرة"
    second = "زار الوزير روسيا ثم أنقرة"
    with Store.create(tmp_path / "p.alama") as store:
        one = store.add_document(first)[0]
        two = store.add_document(second)[0]
        store.add_span(one, "salma", 13, 19, "PLACE")  # وروسيا, و kept
        store.add_span(one, "salma", 27, 33, "PLACE")  # بروسيا, و left out, ب kept
        store.add_span(two, "salma", 11, 16, "PLACE")  # روسيا
        store.add_span(two, "omar", 20, 25, "ACTOR")  # أنقرة
        salma = LearnedMatcher.from_examples(layer_examples(store, "salma"))
        assert salma.rule.glued == {"و": 2, "ب": 1} and salma.rule.kept == {"و": 1, "ب": 1}
        assert set(salma.scores()) == {"روسيا"}
        everyone = LearnedMatcher.from_examples(layer_examples(store, "all"))
        assert set(everyone.scores()) == {"روسيا", "انقره"}
        found = [(first[s.start : s.end], s.label) for s in everyone.suggest(first, one)]
        assert found == [("وروسيا", "PLACE"), ("وبروسيا", "PLACE"), ("وأنقرة", "ACTOR")]
        with pytest.raises(InputError, match="no gold layer yet"):
            list(layer_examples(store, "gold"))
        with pytest.raises(InputError, match=r"no annotator 'nadia' .*omar, salma"):
            list(layer_examples(store, "nadia"))
