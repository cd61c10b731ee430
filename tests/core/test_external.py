"""Files written by other tools and projects (../shared/external) import as their notes say.

Each test checks the figures the file's SOURCE.txt or README gives (token, sentence, mention
and span counts, the quirks it lists), and skips when ../shared is not beside the repository.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.model import Status
from alama.core.store import Store
from tests.conftest import EXTERNAL

pytestmark = pytest.mark.skipif(
    not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo"
)

ORPHAN = "I- tag with no B- before it (read as the start of a span)"


def token_count(store: Store) -> int:
    return sum(len(store.document(info.id).text.split()) for info in store.documents())


def test_anercorp_mapped_to_actor_and_place(project: Store) -> None:
    path = EXTERNAL / "anercorp-camel-test" / "ANERCorp_CamelLab_test.txt"
    report = import_paths(
        project, [path], label_map={"PERS": "ACTOR", "ORG": "ACTOR", "LOC": "PLACE", "MISC": ""}
    )
    # 25,008 tokens in 925 sentences (924 breaks; no newline at the end of the file)
    assert report.records == 925
    assert token_count(project) == 25_008
    assert report.notes[ORPHAN] == 74
    assert report.skipped["span labelled MISC (dropped by --map)"] > 0
    assert project.labels().keys == ["ACTOR", "PLACE", "CLAIM"]
    first = project.document(project.documents()[0].id)
    assert first.text.startswith("الصالحية المفرق - غيث الطراونة")
    spans = [(s.label, first.text[s.start : s.end]) for s in project.spans(first.id)]
    assert spans[:3] == [("PLACE", "الصالحية"), ("PLACE", "المفرق"), ("ACTOR", "غيث الطراونة")]


def test_newsfane_bom_crlf_tab_lines_and_left_to_right_marks(project: Store) -> None:
    path = EXTERNAL / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt"
    report = import_paths(project, [path], annotator="fane", add_labels=True)
    assert report.records == 4_760  # 4,759 lone-TAB separator lines
    assert report.notes[ORPHAN] == 4
    assert len(report.labels_added) == 45
    assert token_count(project) < 168_080  # repeated sentences are one document
    # SPEC 4: the marks stay in the text and its tokens (152,599 tokens start with U+200E)
    assert all("\u200e" in project.document(i.id).text for i in project.documents()[:200])
    first = project.document(project.documents()[0].id)
    assert first.text.replace("\u200e", "").startswith("فرانكفورت ( د")
    seen = [(s.label, first.text[s.start : s.end]) for s in project.spans(first.id)][:2]
    assert not any(text[0] == "\u200e" or text[-1] == "\u200e" for _, text in seen)
    assert [(label, text.replace("\u200e", "")) for label, text in seen] == [
        ("Population-Center", "فرانكفورت"),
        ("Media", "د ب ا"),  # د ب ا: dpa, one span over three tokens
    ]


def test_wojood_nested_columns(project: Store) -> None:
    path = EXTERNAL / "wojood-sample" / "test.txt"
    report = import_paths(project, [path], annotator="wojood", add_labels=True)
    assert report.records == 357
    assert len(report.labels_added) == 17  # of Wojood's 21 types, these 17 occur in the sample
    nested = 0
    for info in project.documents():
        spans = project.spans(info.id, "wojood")
        nested += sum(
            1
            for inner in spans
            for outer in spans
            if outer is not inner and outer.start <= inner.start and inner.end <= outer.end
        )
    assert nested >= 100
    # "جريدة فلسطين": ORG containing GPE, on lines 99-100
    doc = next(
        project.document(i.id)
        for i in project.documents()
        if project.document(i.id).text.startswith("جريدة فلسطين /")
    )
    found = {(s.label, doc.text[s.start : s.end]) for s in project.spans(doc.id)}
    assert {("ORG", "جريدة فلسطين"), ("GPE", "فلسطين")} <= found
    # tags cannot hold nested spans: the export says which
    with pytest.raises(InputError, match="cannot be written as tags"):
        export(project, None, fmt="conll")


def test_idrisi_code_points_and_its_bilou_twin(project: Store, tmp_path: Path) -> None:
    folder = EXTERNAL / "idrisi-ra-beirut"
    report = import_paths(project, [folder / "dev.jsonl"], annotator="json", add_labels=True)
    assert report.records == 35
    assert report.spans_added == 45  # 49 mentions, 4 of them exact duplicates
    assert report.skipped["exact duplicate span in the same record"] == 4
    raw = [json.loads(line) for line in (folder / "dev.jsonl").read_text("utf-8").splitlines()]
    by_text = {
        project.document(i.id).text: project.spans(i.id, "json") for i in project.documents()
    }
    for tweet in raw:
        spans = by_text[tweet["text"]]
        for mention in tweet["location_mentions"]:
            assert any(
                (s.start, s.end, s.label)
                == (mention["startIdx"], mention["endIdx"], mention["type"])
                for s in spans
            )
            assert tweet["text"][mention["startIdx"] : mention["endIdx"]] == mention["text"]
    report = import_paths(project, [folder / "dev.bilou.txt"], annotator="bilou", add_labels=True)
    assert report.formats == {"conll": 1}
    assert report.records == 35

    def mentions(annotator: str) -> Counter[tuple[str, str]]:
        found: Counter[tuple[str, str]] = Counter()
        for span in project.iter_spans(annotator):
            text = project.document(span.doc).text
            found[("".join(text[span.start : span.end].split()), span.label)] += 1
        return found

    # every mention of the JSON file is in the authors' own BILOU conversion; the BILOU file
    # has 4 more, where the JSON file lists one place twice at the same offsets
    assert mentions("json") <= mentions("bilou")
    assert sum((mentions("bilou") - mentions("json")).values()) == 4
    # the nested pair cannot go to BIO; the refusal names it
    with pytest.raises(InputError, match="HPOI 'مرفأ بيروت' at 121–131 overlaps CITY 'بيروت'"):
        export(project, tmp_path / "out.conll", fmt="conll", annotator="json")
    assert not (tmp_path / "out.conll").exists()


def test_bratiaa_four_annotators(project: Store, tmp_path: Path) -> None:
    root = EXTERNAL / "bratiaa-4annotators" / "example-project"
    report = import_paths(project, [root], add_labels=True)
    assert report.formats == {"brat": 28}
    assert project.document_count() == 7
    assert project.annotators() == ["Lisa", "Maria", "Max", "Peter"]
    counts = project.counts()["annotators"]
    assert {name: sum(entry["spans"].values()) for name, entry in counts.items()} == {
        "Lisa": 404,
        "Maria": 404,
        "Max": 358,
        "Peter": 401,
    }
    assert all(entry["done"] == 7 for entry in counts.values())
    assert sorted(report.examples["not a file Alama imports"]) == ["README"]  # not brat's .conf
    # out again as brat: the same .ann lines, annotator by annotator
    out = tmp_path / "brat"
    export(project, out, fmt="brat")
    for annotator in ("Lisa", "Max"):
        for ann in (root / annotator).glob("*.ann"):
            theirs = sorted(
                tuple(line.split("\t")[1:]) for line in ann.read_text("utf-8").splitlines()
            )
            ours = sorted(
                tuple(line.split("\t")[1:])
                for line in (out / annotator / ann.name).read_text("utf-8").splitlines()
            )
            assert ours == theirs


def test_prodigy_ner_manual_db_out(project: Store) -> None:
    path = EXTERNAL / "prodigy-recipes" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    report = import_paths(project, [path], add_labels=True)
    assert report.records == 373
    assert sum(1 for row in rows if "spans" not in row) == 36
    expected = {
        (row["text"], s["start"], s["end"], s["label"])
        for row in rows
        for s in row.get("spans", [])
    }
    stored = {(project.document(s.doc).text, s.start, s.end, s.label) for s in project.iter_spans()}
    assert stored == expected
    statuses = Counter(status for _, _, status in project.layers())
    ignored = {row["text"] for row in rows if row["answer"] != "accept"}
    assert len(ignored) == 1
    assert statuses[Status.IN_PROGRESS] == 1  # the "ignore" answer does not count as done
    assert statuses[Status.DONE] == project.document_count() - 1


def test_prodigy_classification_export_keeps_texts_and_says_so(project: Store) -> None:
    path = EXTERNAL / "prodigy-recipes" / "pydata-ams-2023.jsonl"
    report = import_paths(project, [path])
    assert report.records == 3_372
    assert project.document_count() == 117
    assert report.skipped["text-classification answer, not spans (its text is imported)"] == 3_372
    assert project.annotators() == []


@pytest.mark.parametrize(
    "name, documents, spans",
    [
        ("data_export__pipeline__examples__sequence_labeling__example.jsonl", 3, 4),
        ("data_import__pipeline__examples__sequence_labeling__example.jsonl", 3, 3),
        ("data_export__pipeline__examples__relation_extraction__example.jsonl", 1, 4),
        ("data_import__pipeline__examples__relation_extraction__example.jsonl", 1, 4),
        ("data_import__tests__data__sequence_labeling__example_overlapping.jsonl", 1, 1),
        ("data_import__tests__data__sequence_labeling__example.conll", 2, 2),
    ],
)
def test_doccano_examples(project: Store, name: str, documents: int, spans: int) -> None:
    path = EXTERNAL / "doccano-format-examples" / name
    report = import_paths(project, [path], add_labels=True)
    assert project.document_count() == documents
    assert report.spans_added == spans
