"""camel-tools' named-entity model as a source: refused in one line without its data, and its
labels mapped onto the project's, on the stored text (a recognizer stands in for the model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from alama.core.errors import InputError
from alama.core.suggest_camel import MAX_WORDS, CamelNer, camel_source

# What the stand-in recognizer tags, by the word it is given.
TAGS = {
    "وزارة": "B-ORG",
    "الصحة": "I-ORG",
    "سلمى": "B-PERS",
    "العبيدي": "I-PERS",
    "بنغازي": "B-LOC",
    "رمضان": "B-MISC",
}


class Recognizer:
    """Tags words as camel-tools does (one BIO tag per word), from `TAGS`; keeps what it got."""

    def __init__(self) -> None:
        self.seen: list[list[str]] = []

    def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
        self.seen.extend(sentences)
        return [[TAGS.get(word, "O") for word in sentence] for sentence in sentences]


TEXT = "أعلنت وزارةُ الصحـة أن سلمى العبيدي وصلت إلى بنغازي قبل رمضان.\nوعادت أمس."


def test_entities_are_mapped_to_the_projects_labels_on_the_stored_text() -> None:
    recognizer = Recognizer()
    source = CamelNer(recognizer)
    assert source.name == "camel"
    found = [(s.label, TEXT[s.start : s.end], s.source, s.score) for s in source.suggest(TEXT, 3)]
    assert found == [
        ("ACTOR", "وزارةُ الصحـة", "camel", 1.0),  # ORG; marks and tatweel stay in the span
        ("ACTOR", "سلمى العبيدي", "camel", 1.0),  # PERS
        ("PLACE", "بنغازي", "camel", 1.0),  # LOC; MISC (رمضان) dropped
    ]
    # the model reads the words as stored less marks and tatweel, a sentence at a time
    assert recognizer.seen[0][:3] == ["أعلنت", "وزارة", "الصحة"]
    assert recognizer.seen[1] == ["وعادت", "أمس", "."]


def test_a_mapping_can_be_given() -> None:
    source = CamelNer(Recognizer(), {"PERS": "PERSON", "MISC": "EVENT"})
    found = {(s.label, TEXT[s.start : s.end]) for s in source.suggest(TEXT, 3)}
    assert found == {("PERSON", "سلمى العبيدي"), ("EVENT", "رمضان")}


def test_a_long_sentence_goes_to_the_model_in_pieces() -> None:
    recognizer = Recognizer()
    text = " ".join(["بنغازي"] * (MAX_WORDS + 5))
    suggestions = CamelNer(recognizer).suggest(text, 1)
    assert [len(words) for words in recognizer.seen] == [MAX_WORDS, 5]
    assert len(suggestions) == MAX_WORDS + 5
    assert CamelNer(recognizer).suggest("", 1) == []


def test_without_its_data_the_source_is_refused_in_one_line(tmp_path: Path) -> None:
    environ = {"CAMELTOOLS_DATA": str(tmp_path / "camel")}
    with pytest.raises(InputError) as caught:
        camel_source(["ACTOR", "PLACE"], environ=environ)
    message = str(caught.value)
    assert "\n" not in message
    assert "not installed" in message and "camel_data -i ner-arabert" in message
    assert str(tmp_path / "camel") in message


def test_a_project_without_the_mapped_labels_is_refused_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="map to ACTOR, PLACE, and the project has none"):
        camel_source(["CLAIM"], environ={"CAMELTOOLS_DATA": str(tmp_path)})
