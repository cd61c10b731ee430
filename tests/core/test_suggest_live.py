"""The window's live suggestions (core/suggest_live.py): learned from the annotator's own layer,
at once after each label, deletion or change; stored and model suggestions combined; rejected
strings left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from alama.core.changes import Changes
from alama.core.clitics import LabelledText
from alama.core.editing import AddSpan, ChangeSpan, DeleteSpan
from alama.core.store import Store
from alama.core.suggest import Suggestion
from alama.core.suggest_live import (
    MIN_TRAINING_SPANS,
    LiveSuggestions,
    learn_layer,
    train_model,
    training_examples,
)
from alama.core.suggest_text import match_key
from alama.core.suggestion_edits import AcceptSuggestion, RejectSuggestion

FIRST = "قالت روسيا إن الاتفاق قائم. وردت واشنطن بأن روسيا لم تف بوعودها."
SECOND = "وصل وفد من روسيا إلى القاهرة، وقال مسؤول في واشنطن إن وروسيا تستعد."


def _at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "p.alama")
    store.add_document(FIRST)
    store.add_document(SECOND)
    return store


def _live(store: Store, annotator: str = "amal") -> LiveSuggestions:
    live = LiveSuggestions(annotator)
    live.adopt(learn_layer(store, annotator), lambda doc: store.document(doc).text)
    return live


def _pending(live: LiveSuggestions, store: Store, doc: int) -> list[tuple[str, str, str]]:
    text = store.document(doc).text
    found = live.pending_for(store, doc, text, store.spans(doc, live.annotator))
    return [(text[s.start : s.end], s.label, s.source) for s in found]


def _apply(store: Store, live: LiveSuggestions, edit: AddSpan | ChangeSpan | DeleteSpan) -> Changes:
    changes = edit.apply(store)
    live.observe(changes, lambda doc: store.document(doc).text)
    return changes


def test_a_label_is_suggested_at_once_elsewhere_in_this_document_and_the_next(
    store: Store,
) -> None:
    live = _live(store)
    assert _pending(live, store, 1) == [] and _pending(live, store, 2) == []
    _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا"), "PLACE"))
    assert _pending(live, store, 1) == [("روسيا", "PLACE", "match")]
    # In the next document: the name alone and with the conjunction glued in front
    found = _pending(live, store, 2)
    assert [(label, source) for _, label, source in found] == [("PLACE", "match")] * 2
    assert {text for text, _, _ in found} <= {"روسيا", "وروسيا"}


def test_a_deleted_or_changed_span_is_forgotten(store: Store) -> None:
    live = _live(store)
    added = _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا"), "PLACE"))
    span = added.spans[0]
    changed = _apply(store, live, ChangeSpan(span, span.start, span.end, "ACTOR"))
    assert [label for _, label, _ in _pending(live, store, 2)] == ["ACTOR", "ACTOR"]
    _apply(store, live, DeleteSpan(changed.spans[0]))
    assert _pending(live, store, 1) == [] and _pending(live, store, 2) == []


def test_it_learns_the_layer_as_stored_and_only_that_layer(store: Store) -> None:
    store.add_span(1, "amal", *_at(FIRST, "واشنطن"), "PLACE")
    store.add_span(1, "bilal", *_at(FIRST, "روسيا"), "ACTOR")
    live = _live(store)
    assert _pending(live, store, 2) == [("واشنطن", "PLACE", "match")]
    assert _live(store, "carim").matcher.counts == {}, "another layer teaches nothing"


def test_edits_made_while_the_layer_was_being_learned_are_not_lost(store: Store) -> None:
    washington = store.add_span(1, "amal", *_at(FIRST, "واشنطن"), "PLACE")
    loaded = learn_layer(store, "amal")  # as a background thread would have read the file
    live = LiveSuggestions("amal")
    text_of = lambda doc: store.document(doc).text  # noqa: E731
    # Meanwhile: Washington deleted, Russia labelled (learned at once, before the layer)
    _apply(store, live, DeleteSpan(washington))
    _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا"), "PLACE"))
    assert [text for text, _, _ in _pending(live, store, 2)] != []
    live.adopt(loaded, text_of)
    assert live.ready
    assert {text for text, _, _ in _pending(live, store, 2)} <= {"روسيا", "وروسيا"}
    assert "واشنطن" not in {key for key in live.matcher.counts}


def test_a_rejected_string_is_not_suggested_again_in_that_document_in_any_spelling(
    store: Store,
) -> None:
    text = "زار وفد روسيا. ثم قالت رُوسْيَا إن روسـيا لن تنسحب."
    doc, _ = store.add_document(text)
    live = _live(store)
    _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا"), "PLACE"))
    found = live.pending_for(store, doc, text, [])
    assert len(found) == 3, "plain, with diacritics, with tatweel"
    changes = RejectSuggestion("amal", found[0], text).apply(store)
    assert not live.observe(changes, lambda doc: store.document(doc).text), "nothing learned"
    assert live.pending_for(store, doc, text, store.spans(doc, "amal")) == []
    assert _pending(live, store, 2) != [], "only in that document"


def test_an_accepted_suggestion_is_a_span_from_the_matcher(store: Store) -> None:
    live = _live(store)
    _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا"), "PLACE"))
    first = store.document(2).text
    suggestion = live.pending_for(store, 2, first, [])[0]
    changes = _apply(store, live, AcceptSuggestion("amal", suggestion))
    assert changes.spans[0].origin == "suggested:match"
    assert len(_pending(live, store, 2)) == 1, "the one accepted is no longer pending"


def test_stored_and_model_suggestions_are_combined(store: Store) -> None:
    live = _live(store)
    store.put_suggestions(
        "amal", [2], [Suggestion(2, *_at(SECOND, "القاهرة"), "PLACE", "gazetteer", 1.0)],
        ["gazetteer"],
    )  # fmt: skip

    class Fixed:
        name = "model"

        def suggest(self, text: str, doc: int) -> list[Suggestion]:
            if "وفد" not in text:
                return []
            return [Suggestion(doc, *_at(text, "وفد"), "ACTOR", "model", 0.7)]

    live.set_model(Fixed())
    both = [("وفد", "ACTOR", "model"), ("القاهرة", "PLACE", "gazetteer")]
    assert _pending(live, store, 2) == both
    assert _pending(live, store, 1) == [], "stored for another document only"
    store.put_suggestions("amal", [2], [], ["gazetteer"])  # stored again: none left
    assert _pending(live, store, 2) == both, "kept until told"
    live.forget_stored()
    assert _pending(live, store, 2) == both[:1]


def test_the_model_trains_only_on_enough_spans_and_suggests_as_model(store: Store) -> None:
    live = _live(store)
    for nth in range(2):
        _apply(store, live, AddSpan(1, "amal", *_at(FIRST, "روسيا", nth), "PLACE"))
    assert train_model(training_examples(store, "amal")) is None
    assert not live.retrain_due(1)
    lines = [f"قال مسؤول في {city} إن الوضع هادئ في {city}." for city in ("بيروت", "دمشق")]
    text = " ".join(lines * 4)
    doc, _ = store.add_document(text)
    for city in ("بيروت", "دمشق"):
        for nth in range(8):
            _apply(store, live, AddSpan(doc, "amal", *_at(text, city, nth), "PLACE"))
    examples = training_examples(store, "amal")
    assert sum(len(e.spans) for e in examples) >= MIN_TRAINING_SPANS
    assert live.retrain_due(10)
    model = train_model(examples)
    assert model is not None and model.name == "model"
    found = model.suggest("وفي بيروت قال مسؤول إن دمشق بعيدة.", 9)
    assert {s.label for s in found} == {"PLACE"} and all(s.source == "model" for s in found)
    assert isinstance(examples[0], LabelledText)


def test_the_layer_is_learned_from_the_last_documents_in_progress_then_done(store: Store) -> None:
    early = store.add_span(1, "amal", *_at(FIRST, "واشنطن"), "PLACE")
    store.add_span(2, "amal", *_at(SECOND, "القاهرة"), "PLACE")
    loaded = learn_layer(store, "amal", documents=1)
    assert set(loaded.matcher.counts) == {match_key("القاهرة")}
    assert early.id not in loaded.spans and len(loaded.spans) == 1


def test_a_gazetteer_or_patterns_file_is_stored_for_the_documents_not_done(
    store: Store, tmp_path: Path
) -> None:
    from alama.core.errors import InputError
    from alama.core.model import Status
    from alama.core.suggest_live import store_gazetteer

    store.set_status(1, "amal", Status.DONE)
    patterns = tmp_path / "places.jsonl"
    patterns.write_text(
        '{"label": "PLACE", "pattern": "القاهرة"}\n'
        '{"label": "PLACE", "pattern": [{"lower": "واشنطن"}]}\n',
        encoding="utf-8",
    )
    assert store_gazetteer(store, "amal", patterns) == (2, 1)
    assert _pending(LiveSuggestions("amal"), store, 2) == [
        ("القاهرة", "PLACE", "gazetteer"), ("واشنطن", "PLACE", "gazetteer"),
    ]  # fmt: skip
    assert store.stored_suggestions(1, "amal") == [], "done already"
    bad = tmp_path / "bad.tsv"
    bad.write_text("القاهرة\tCITY\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.tsv:1: 'CITY' is not a label of the project"):
        store_gazetteer(store, "amal", bad)
    assert len(store.stored_suggestions(2, "amal")) == 2, "nothing changed"


def test_a_span_in_one_member_of_a_duplicate_group_is_proposed_in_the_others(
    tmp_path: Path,
) -> None:
    """The same agency story on two sites: a name labelled in one is pending in the other at
    the passage they share (source duplicate), as soon as the annotator turns to it."""
    story = "وقالت وزارة الخارجية الروسية إن الوفد سيصل إلى جنيف يوم الاثنين لبحث الاتفاق."
    one = "موقع الأول - " + story
    other = "الخبر من موقع ثان: " + story.replace("يوم الاثنين", "الاثنين المقبل")
    store = Store.create(tmp_path / "d.alama")
    first, _ = store.add_document(one)
    second, _ = store.add_document(other)
    store.put_duplicate_groups({first: (first, 1.0), second: (first, 0.8)})
    live = _live(store)
    assert [p for p in _pending(live, store, second) if p[2] == "duplicate"] == []
    _apply(store, live, AddSpan(first, "amal", *_at(one, "جنيف"), "PLACE"))
    assert ("جنيف", "PLACE", "duplicate") in _pending(live, store, second)
