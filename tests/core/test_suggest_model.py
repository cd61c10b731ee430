"""The CRF tagger: it learns names and the clauses around them from a layer's spans, and
suggests them in unseen documents on the stored text, proclitics as the annotators marked them."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core.clitics import LabelledText
from alama.core.errors import InputError
from alama.core.suggest import Source
from alama.core.suggest_features import bio_spans
from alama.core.suggest_model import CrfTagger

# Original sentences in the register of local news, with {actor} and {place} slots.
TEMPLATES = (
    "صرّح {actor} من {place} بأن موسم الصيد كان جيدا هذا العام.",
    "وزار {actor} سوق الخضار في {place} صباح السبت.",
    "التقى {actor} بوفد من التجار في {place} لبحث أسعار الوقود.",
    "وطالب {actor} بإصلاح الطريق الذي يربط القرية بـ{place} قبل الشتاء.",
    "افتتح {actor} مكتبة عامة جديدة في {place} أمس.",
)
ACTORS = (
    "نادر الخطيب",
    "هالة منصور",
    "جمعية الصيادين",
    "رئيس البلدية",
    "عماد السقا",
    "نقابة المعلمين",
    "سلوى الأيوبي",
)
PLACES = (
    "موسكو",
    "طرابلس",
    "مرسين",
    "صيدا",
    "نابلس",
    "الزرقاء",
    "سوسة",
    "إربد",
    "حمص",
    "المنستير",
    "جدة",
    "ادلب",
)
FILLER = "وكانت الأمطار قد تأخرت كثيرا في الخريف الماضي."


def document(
    rng: random.Random,
    doc: int,
    templates: tuple[str, ...] = TEMPLATES,
    keep_conjunction: bool = False,
    sentences: int = 4,
) -> LabelledText:
    """An original short article with its ACTOR and PLACE spans; a place glued to و ("و{place}")
    is marked with the و or without it."""
    text = ""
    spans: list[tuple[int, int, str]] = []
    for _ in range(sentences):
        template = rng.choice(templates)
        before, rest = template.split("{actor}")
        middle, after = rest.split("{place}")
        actor, place = rng.choice(ACTORS), rng.choice(PLACES)
        text += before
        spans.append((len(text), len(text) + len(actor), "ACTOR"))
        text += actor + middle
        glued = 1 if keep_conjunction and middle.endswith("و") else 0
        spans.append((len(text) - glued, len(text) + len(place), "PLACE"))
        text += place + after + " " + FILLER + " "
    return LabelledText(doc, text.strip(), spans)


def corpus(count: int = 40, seed: int = 3, **options: object) -> list[LabelledText]:
    rng = random.Random(seed)
    return [document(rng, n, **options) for n in range(count)]  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def tagger() -> CrfTagger:
    return CrfTagger.train(corpus(), max_iterations=40)


def found(tagger: CrfTagger, text: str) -> set[tuple[str, str]]:
    return {(s.label, text[s.start : s.end]) for s in tagger.suggest(text, 7)}


def test_the_tagger_is_a_source_named_model(tagger: CrfTagger) -> None:
    source: Source = tagger
    assert source.name == "model"
    assert sorted(tagger.labels) == ["ACTOR", "PLACE"]


def test_a_learned_name_is_suggested_in_an_unseen_document_on_the_stored_text(
    tagger: CrfTagger,
) -> None:
    # marks and tatweel on the stored name; a sentence the tagger never saw
    text = "وقال نـادر الخَطيب إن المهرجان سيقام في صيدا خلال الصيف المقبل."
    suggestions = tagger.suggest(text, 7)
    assert {(s.label, text[s.start : s.end]) for s in suggestions} >= {
        ("ACTOR", "نـادر الخَطيب"),
        ("PLACE", "صيدا"),
    }
    assert all(s.doc == 7 and s.source == "model" for s in suggestions)
    assert all(0 < s.score <= 1 for s in suggestions)
    assert [s.start for s in suggestions] == sorted(s.start for s in suggestions)


def test_a_place_the_tagger_never_saw_is_found_from_its_context(tagger: CrfTagger) -> None:
    text = "افتتح عماد السقا مكتبة عامة جديدة في جرش أمس."
    assert ("PLACE", "جرش") in found(tagger, text)


def test_nothing_is_suggested_in_text_without_names(tagger: CrfTagger) -> None:
    assert tagger.suggest(FILLER, 1) == []
    assert tagger.suggest("", 1) == []


def test_a_span_after_a_proclitic_starts_where_the_annotators_start_spans() -> None:
    """Annotators who leave و out of the span: the suggestion starts after it; annotators who
    keep it: the suggestion starts before it."""
    glued = "وصل {actor} إلى عمّان و{place} في جولة قصيرة."
    left_out = corpus(30, templates=(*TEMPLATES, glued))
    kept = corpus(30, templates=(*TEMPLATES, glued), keep_conjunction=True)
    assert any(
        ex.text[s - 1] == "و" and lab == "PLACE" for ex in left_out for s, _, lab in ex.spans
    )
    text = "وصلت هالة منصور إلى عمّان وموسكو في جولة قصيرة."
    assert ("PLACE", "موسكو") in found(CrfTagger.train(left_out, max_iterations=40), text)
    assert ("PLACE", "وموسكو") in found(CrfTagger.train(kept, max_iterations=40), text)


def test_a_claim_holding_an_actor_is_suggested_with_the_actor_inside() -> None:
    """CLAIM spans hold ACTOR spans: they are learned in tiers of their own and both come back."""
    rng = random.Random(5)
    verbs = ("سيزور", "سيلتقي بأهالي", "سيفتتح مدرسة في")
    examples = []
    for doc in range(40):
        actor, place = rng.choice(ACTORS), rng.choice(PLACES)
        claim = f"{actor} {rng.choice(verbs)} {place} الأسبوع المقبل"
        text = f"وقالت مصادر مطلعة إن {claim}. {FILLER}"
        at = text.index(claim)
        place_at = text.index(place, at + len(actor))
        spans = [
            (at, at + len(claim), "CLAIM"),
            (at, at + len(actor), "ACTOR"),
            (place_at, place_at + len(place), "PLACE"),
        ]
        examples.append(LabelledText(doc, text, spans))
    tagger = CrfTagger.train(examples, max_iterations=40)
    assert len(tagger.models) == 2  # CLAIM in a tier of its own
    text = "وقالت مصادر مطلعة إن رئيس البلدية سيزور نابلس الأسبوع المقبل."
    assert found(tagger, text) >= {
        ("CLAIM", "رئيس البلدية سيزور نابلس الأسبوع المقبل"),
        ("ACTOR", "رئيس البلدية"),
        ("PLACE", "نابلس"),
    }


def test_a_layer_without_spans_trains_a_tagger_that_suggests_nothing() -> None:
    tagger = CrfTagger.train([LabelledText(1, FILLER, [])])
    assert tagger.models == []
    assert tagger.suggest(FILLER, 1) == []


def test_a_label_with_too_few_spans_is_not_learned() -> None:
    examples = corpus(10)
    first = examples[0]
    examples[0] = LabelledText(first.doc, first.text, [*first.spans, (0, 4, "EVENT")])
    assert "EVENT" not in CrfTagger.train(examples, max_iterations=5).labels


@settings(max_examples=50, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="دسـَ «».،\n\u00a0ومصيدا", max_size=60))
def test_suggestions_are_spans_of_the_stored_text(tagger: CrfTagger, text: str) -> None:
    for s in tagger.suggest(text, 1):
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start : s.end].strip() == text[s.start : s.end]


@given(st.lists(st.sampled_from(["O", "B-A", "I-A", "B-B", "I-B"]), max_size=12))
def test_tags_read_as_spans_that_cover_exactly_the_tagged_words(tags: list[str]) -> None:
    spans = bio_spans(tags)
    covered = [i for a, b, _ in spans for i in range(a, b)]
    assert covered == [i for i, tag in enumerate(tags) if tag != "O"]
    for a, b, label in spans:
        assert all(tags[i].endswith(label) for i in range(a, b))
        assert all(tags[i].startswith("I-") for i in range(a + 1, b))


def test_a_saved_tagger_reads_back_and_suggests_the_same(tagger: CrfTagger) -> None:
    text = "وقال نـادر الخَطيب إن المهرجان سيقام في صيدا خلال الصيف المقبل."
    again = CrfTagger.from_bytes(tagger.to_bytes())
    assert again.suggest(text, 2) == tagger.suggest(text, 2)
    assert again.labels == tagger.labels and again.rule == tagger.rule


@pytest.mark.parametrize(
    "data", [b"", b"PK\x03\x04", b"alama-crf 1\n{not json", b"alama-crf 1\n{}\n"]
)
def test_bytes_that_are_not_a_saved_tagger_are_refused_in_one_line(data: bytes) -> None:
    with pytest.raises(InputError, match="the saved suggestion model cannot be read") as caught:
        CrfTagger.from_bytes(data)
    assert "\n" not in str(caught.value)


MARKS = "\u064e\u064f\u0650\u0651\u0652\u064b"


@st.composite
def written(draw: st.DrawFn, name: str) -> str:
    """A name as an article may store it: marks after letters, tatweel between them."""
    out = []
    for n, ch in enumerate(name):
        out.append(ch)
        if ch != " " and draw(st.booleans()):
            out.append(draw(st.sampled_from(MARKS)))
        inside = n + 1 < len(name) and name[n + 1] != " " and ch != " "
        if inside and draw(st.booleans()):
            out.append("\u0640")
    return "".join(out)


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
def test_a_name_written_with_marks_and_tatweel_is_suggested_over_exactly_its_stored_letters(
    tagger: CrfTagger, data: st.DataObject
) -> None:
    actor = data.draw(st.sampled_from(ACTORS))
    place = data.draw(st.sampled_from(PLACES))
    stored_actor, stored_place = data.draw(written(actor)), data.draw(written(place))
    text = f"وزار {stored_actor} سوق الخضار في {stored_place} صباح السبت."
    at = text.index(stored_actor)
    place_at = text.index(stored_place, at + len(stored_actor))
    spans = {(s.start, s.end, s.label) for s in tagger.suggest(text, 1)}
    assert (at, at + len(stored_actor), "ACTOR") in spans
    assert (place_at, place_at + len(stored_place), "PLACE") in spans
