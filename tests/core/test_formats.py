"""doccano, CoNLL/BIO, Hugging Face and brat, both ways, on small files with real files' quirks.

Each fixture is written here byte by byte, so the quirk it carries (a BOM, CRLF, a lone-tab
separator line, left-to-right marks, IOB1 starts, nested tag columns, emoji before an offset,
a discontinuous brat span) is visible in the test that relies on it.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.model import Status
from alama.core.store import Store
from tests.conftest import dump
from tests.core.strategies import stored_text

LRM = "\u200e"


def layer(store: Store, annotator: str) -> dict[str, list[tuple[str, str]]]:
    """Each document's text (by doc_id) with the (label, covered text) of one layer's spans."""
    found: dict[str, list[tuple[str, str]]] = {}
    for info in store.documents():
        doc = store.document(info.id)
        found[doc.doc_id] = [
            (span.label, doc.text[span.start : span.end]) for span in store.spans(doc.id, annotator)
        ]
    return found


def texts(store: Store) -> list[str]:
    return [store.document(info.id).text for info in store.documents()]


def lines_of(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line]


# --- CoNLL in -------------------------------------------------------------------------------


def test_conll_with_bom_crlf_tab_separators_and_direction_marks(
    project: Store, tmp_path: Path
) -> None:
    # As NewsFANE writes it: a BOM, CRLF, TAB between token and tag, a sentence break that is a
    # lone TAB, U+200E before most tokens, and no newline at the end of the file.
    content = (
        "\ufeff"
        f"{LRM}وصل\tO\r\n{LRM}الوزير\tB-PERS\r\n{LRM}سامي\tI-PERS\r\n{LRM}إلى\tO\r\n"
        f"{LRM}عمّان\tB-LOC\r\n.\tO\r\n\t\r\n"
        f"{LRM}غادر\tO\r\n{LRM}سامي\tB-PERS"
    )
    path = tmp_path / "fane.txt"
    path.write_bytes(content.encode("utf-8"))
    report = import_paths(project, [path], annotator="fane", add_labels=True)
    assert report.formats == {"conll": 1}
    # SPEC 4: the text and its tokens keep the marks verbatim; a span leaves them out at its ends
    assert texts(project) == [
        f"{LRM}وصل {LRM}الوزير {LRM}سامي {LRM}إلى {LRM}عمّان .",
        f"{LRM}غادر {LRM}سامي",
    ]
    assert layer(project, "fane") == {
        "fane-1": [("PERS", f"الوزير {LRM}سامي"), ("LOC", "عمّان")],
        "fane-2": [("PERS", "سامي")],
    }
    doc = project.documents()[0].id
    first = project.document(doc).text
    bounds = project.document_tokens(doc)
    assert bounds is not None and project.tokenizer(doc) == "imported"
    assert [first[s:e] for s, e in zip(*bounds, strict=True)][:2] == [f"{LRM}وصل", f"{LRM}الوزير"]
    assert report.notes == {} and "repaired" not in report.summary()
    # a CoNLL document is a finished annotation: it counts as done for agreement
    assert {status for _, _, status in project.layers()} == {Status.DONE}


def test_an_i_tag_with_no_b_starts_a_span_and_is_counted(project: Store, tmp_path: Path) -> None:
    # ANERcorp has 74 of these (IOB1 starts, or noise): I-LOC after O, I-PERS after I-LOC.
    path = tmp_path / "anercorp.txt"
    path.write_text(
        "زار O\nالوفد O\nI-غزة I-LOC\nسامي I-PERS\nثم O\nعمّان I-LOC\nوالزرقاء B-LOC\n",
        encoding="utf-8",
    )
    report = import_paths(project, [path], add_labels=True)
    assert layer(project, "imported")["anercorp-1"] == [
        ("LOC", "I-غزة"),
        ("PERS", "سامي"),
        ("LOC", "عمّان"),
        ("LOC", "والزرقاء"),
    ]
    assert report.notes["I- tag with no B- before it (read as the start of a span)"] == 3


def test_docstart_groups_sentences_into_documents(project: Store, tmp_path: Path) -> None:
    path = tmp_path / "news.conll"
    path.write_text(
        "-DOCSTART- -X- O\n\nقال O\nسامي B-ACTOR\n\nانتهى O\n\n"
        "-DOCSTART- -X- O\n\nفي O\nحلب B-PLACE\n",
        encoding="utf-8",
    )
    import_paths(project, [path])
    assert texts(project) == ["قال سامي\nانتهى", "في حلب"]
    assert layer(project, "imported") == {
        "news-1": [("ACTOR", "سامي")],
        "news-2": [("PLACE", "حلب")],
    }


def test_nested_tag_columns_as_wojood_writes_them(project: Store, tmp_path: Path) -> None:
    # One column per nesting level. In the second block the outer entity ends first, so the
    # inner one's I- tag moves to the first column: it still continues the inner span.
    path = tmp_path / "wojood.txt"
    path.write_text(
        "جامعة B-ORG\nبيرزيت I-ORG B-GPE\nالكبرى I-ORG\n. O\n\n"
        "محكمة B-ORG B-LOC\nحيفا I-LOC\nالقديمة O\n",
        encoding="utf-8",
    )
    import_paths(project, [path], add_labels=True)
    spans = layer(project, "imported")
    assert sorted(spans["wojood-1"]) == [("GPE", "بيرزيت"), ("ORG", "جامعة بيرزيت الكبرى")]
    assert sorted(spans["wojood-2"]) == [("LOC", "محكمة حيفا"), ("ORG", "محكمة")]


def test_bilou_and_bioes(project: Store, tmp_path: Path) -> None:
    path = tmp_path / "tweets.bilou"
    path.write_text(
        "انفجار O\nمرفأ B-HPOI\nبيروت L-HPOI\nفي O\nلبنان U-CTRY\n\n"
        "شارع B-ST\nالحمرا I-ST\nالجديد E-ST\nو O\nصور S-CITY\n",
        encoding="utf-8",
    )
    import_paths(project, [path], add_labels=True)
    assert layer(project, "imported") == {
        "tweets-1": [("HPOI", "مرفأ بيروت"), ("CTRY", "لبنان")],
        "tweets-2": [("ST", "شارع الحمرا الجديد"), ("CITY", "صور")],
    }


def test_comment_lines_in_conll_are_not_tokens(project: Store, tmp_path: Path) -> None:
    """A "# …" line (a source note, a sentence id) is a comment; "#" with a tag is a token."""
    path = tmp_path / "news.conll"
    path.write_text(
        "# source: a wire agency\n#\nقال O\nالوزير B-ACTOR\n# O\n\n# page 2\nخبر O\n",
        encoding="utf-8",
    )
    import_paths(project, [path], annotator="amal")
    texts = [project.document(info.id).text for info in project.documents()]
    assert texts == ["قال الوزير #", "خبر"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("قال O\nسامي X-ACTOR\n", r"in\.conll:2: 'X-ACTOR' is not a BIO"),
        ("قال O\nسامي\n", r"in\.conll:2: the token 'سامي' has no tag"),
        ("قال O\nسامي NNP B-ACTOR\n", r"in\.conll:2: 'NNP' is not a BIO"),
    ],
)
def test_bad_conll_names_the_line_and_changes_nothing(
    project: Store, tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "in.conll"
    path.write_text(content, encoding="utf-8")
    before = dump(project.path)
    with pytest.raises(InputError, match=message):
        import_paths(project, [path])
    assert dump(project.path) == before


def test_auto_tells_an_article_from_a_conll_file(project: Store, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text("قال المتحدث O إن الوضع هادئ.\nB-ACTOR ليس وسماً هنا.\n", encoding="utf-8")
    tagged = tmp_path / "tagged.txt"
    tagged.write_text("قال O\nالمتحدث B-ACTOR\nإن O\n", encoding="utf-8")
    report = import_paths(project, [article, tagged])
    assert report.formats == {"txt": 1, "conll": 1}


# --- CoNLL and hf out -------------------------------------------------------------------------


def make_project(store: Store, tmp_path: Path, records: list[dict[str, Any]]) -> None:
    source = tmp_path / "source.jsonl"
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    import_paths(store, [source], add_labels=True)


def span(text: str, piece: str, label: str, occurrence: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return {"start": start, "end": start + len(piece), "label": label}


ARTICLE = "قال «الناطق» إن قاعدة التنف آمنة.\n\nوأكد سامي 😀 ذلك في عمّان."


def test_conll_export_writes_a_sentence_per_line_and_widens_to_tokens(
    project: Store, tmp_path: Path
) -> None:
    make_project(
        project,
        tmp_path,
        [
            {
                "text": ARTICLE,
                "_annotator_id": "amal",
                "spans": [
                    span(ARTICLE, "الناطق", "ACTOR"),
                    span(ARTICLE, "قاعدة التنف", "PLACE"),
                    span(ARTICLE, "سامي", "ACTOR"),
                    span(ARTICLE, "عمّان", "PLACE"),
                    # exact span inside a word (Alt in the window): و of وأكد is a proclitic
                    {
                        "start": ARTICLE.index("أكد"),
                        "end": ARTICLE.index("أكد") + 3,
                        "label": "CLAIM",
                    },
                ],
            }
        ],
    )
    out = tmp_path / "out.conll"
    report = export(project, out, fmt="conll", annotator="amal")
    assert report.widened == 1
    assert "widened 1 span to whole tokens" in report.summary()
    blocks = out.read_text(encoding="utf-8").split("\n\n")
    assert blocks[0] == "-DOCSTART- O"
    assert blocks[1].split("\n") == [
        "قال O",
        "« O",
        "الناطق B-ACTOR",
        "» O",
        "إن O",
        "قاعدة B-PLACE",
        "التنف I-PLACE",
        "آمنة O",
        ". O",
    ]
    assert blocks[2].split("\n")[:3] == ["وأكد B-CLAIM", "سامي B-ACTOR", "😀 O"]


NESTED = "قال سامي رئيس بلدية حلب إن الطريق مفتوح."


def nested_project(store: Store, tmp_path: Path) -> None:
    make_project(
        store,
        tmp_path,
        [
            {
                "text": NESTED,
                "meta": {"doc_id": "halab"},
                "_annotator_id": "amal",
                "spans": [
                    span(NESTED, "سامي رئيس بلدية حلب", "ACTOR"),
                    span(NESTED, "حلب", "PLACE"),
                    span(NESTED, "الطريق مفتوح", "CLAIM"),
                ],
            }
        ],
    )


@pytest.mark.parametrize("fmt", ["conll", "hf"])
def test_overlapping_spans_are_refused_with_the_list(
    project: Store, tmp_path: Path, fmt: str
) -> None:
    nested_project(project, tmp_path)
    out = tmp_path / "out.txt"
    with pytest.raises(InputError) as caught:
        export(project, out, fmt=fmt)
    message = str(caught.value)
    assert "1 span cannot be written as tags; nothing was written" in message
    assert "halab (amal): ACTOR 'سامي رئيس بلدية حلب' at 4–23 overlaps PLACE 'حلب' at 20–23" in (
        message
    )
    assert not out.exists()
    assert list(tmp_path.glob(".out*")) == []
    # choosing labels that do not overlap works, and the report says what was left out
    report = export(project, out, fmt=fmt, labels=["ACTOR", "CLAIM"])
    assert report.spans == 2
    assert "left out 1: spans with a label not chosen by --labels" in report.summary()


def test_hf_lines(project: Store, tmp_path: Path) -> None:
    nested_project(project, tmp_path)
    out = tmp_path / "out.jsonl"
    export(project, out, fmt="hf", annotator="amal", labels=["PLACE", "CLAIM"])
    (record,) = lines_of(out)
    assert record["id"] == "halab"
    assert record["annotator"] == "amal"
    assert record["tokens"][:5] == ["قال", "سامي", "رئيس", "بلدية", "حلب"]
    assert record["ner_tags"] == ["O", "O", "O", "O", "B-PLACE", "O", "B-CLAIM", "I-CLAIM", "O"]


def test_hf_import(project: Store, tmp_path: Path) -> None:
    path = tmp_path / "hf.jsonl"
    path.write_text(
        json.dumps(
            {"id": 7, "tokens": ["في", "حلب", "😀"], "ner_tags": ["O", "B-PLACE", "O"]},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    report = import_paths(project, [path])
    assert report.formats == {"hf": 1}
    assert layer(project, "imported") == {"7": [("PLACE", "حلب")]}
    path.write_text('{"tokens": ["في", "حلب"], "ner_tags": [0, 3]}\n', encoding="utf-8")
    with pytest.raises(InputError, match='ner_tags" are numbers'):
        import_paths(project, [path], fmt="hf")


# --- doccano ----------------------------------------------------------------------------------


def test_doccano_both_shapes_and_the_old_data_key(project: Store, tmp_path: Path) -> None:
    text = "أعلنت وزارة الصحة في غزة أن 😀 المستشفى\u0085 مغلق."
    triples = tmp_path / "admin.jsonl"
    triples.write_text(
        json.dumps(
            {
                "id": 3,
                "data": text,
                "label": [[6, 17, "ACTOR"], [21, 24, "PLACE"], [6, 17, "ACTOR"]],
            },
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    # doccano's relation export: pretty-printed over several lines, entities and relations
    relations = tmp_path / "relations.json"
    relations.write_text(
        json.dumps(
            {
                "text": "قال سامي في حلب",
                "entities": [
                    {"id": 1, "label": "ACTOR", "start_offset": 4, "end_offset": 8},
                    {"id": 2, "label": "PLACE", "start_offset": 12, "end_offset": 15},
                ],
                "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "in"}],
            },
            ensure_ascii=False,
            indent=4,
        ),
        encoding="utf-8",
    )
    classes = tmp_path / "classes.jsonl"
    classes.write_text('{"text": "خبر عاجل", "label": ["urgent"]}\n', encoding="utf-8")
    # a relation type the project does not have is refused unless renamed or dropped
    with pytest.raises(InputError, match=r"unknown relation type 'in'.*--relation-map in=NEW"):
        import_paths(project, [triples, relations, classes], fmt="doccano")
    report = import_paths(
        project, [triples, relations, classes], fmt="doccano", relation_map={"in": ""}
    )
    assert texts(project) == [text, "قال سامي في حلب", "خبر عاجل"]
    spans = layer(project, "imported")
    assert spans["3"] == [("ACTOR", "وزارة الصحة"), ("PLACE", "غزة")]
    assert [("ACTOR", "سامي"), ("PLACE", "حلب")] in spans.values()
    summary = report.summary()
    assert "skipped 1: exact duplicate span in the same record" in summary
    assert "skipped 1: relation of type in (dropped by --relation-map)" in summary
    assert "skipped 1: text-classification answer, not spans" in summary


def test_doccano_export(project: Store, tmp_path: Path) -> None:
    nested_project(project, tmp_path)
    out = tmp_path / "out.jsonl"
    export(project, out, fmt="doccano")
    (record,) = lines_of(out)
    assert record["text"] == NESTED
    assert record["label"] == [[4, 23, "ACTOR"], [20, 23, "PLACE"], [27, 39, "CLAIM"]]
    assert record["annotator"] == "amal"
    assert record["meta"]["doc_id"] == "halab"


# --- IDRISI-like: code points, emoji, unsorted, duplicate and nested mentions -----------------


def test_location_mentions_in_code_points_after_emoji(project: Store, tmp_path: Path) -> None:
    text = "😢💔 انفجار #مرفأ_بيروت دمّر مرفأ بيروت في لبنان"
    mentions = [
        {"text": "لبنان", "type": "CTRY", **_idx(text, "لبنان")},
        {"text": "مرفأ بيروت", "type": "HPOI", **_idx(text, "مرفأ بيروت")},
        {"text": "بيروت", "type": "CITY", **_idx(text, "بيروت", 1)},
        {"text": "لبنان", "type": "CTRY", **_idx(text, "لبنان")},
        {"text": "#مرفأ_بيروت", "type": "HPOI", **_idx(text, "#مرفأ_بيروت")},
    ]
    path = tmp_path / "dev.jsonl"
    path.write_text(
        json.dumps(
            {"tweet_id": "129", "text": text, "location_mentions": mentions}, ensure_ascii=False
        )
        + "\n",
        encoding="utf-8",
    )
    report = import_paths(project, [path], annotator="idrisi", add_labels=True)
    (doc,) = project.documents()
    assert sorted(layer(project, "idrisi")[doc.doc_id]) == [
        ("CITY", "بيروت"),
        ("CTRY", "لبنان"),
        ("HPOI", "#مرفأ_بيروت"),
        ("HPOI", "مرفأ بيروت"),
    ]
    assert report.skipped["exact duplicate span in the same record"] == 1
    assert project.document(doc.id).meta["tweet_id"] == "129"
    with pytest.raises(InputError, match="'مرفأ بيروت' at 27–37 overlaps CITY 'بيروت' at 32–37"):
        export(project, tmp_path / "out.conll", fmt="conll")


def _idx(text: str, piece: str, occurrence: int = 0) -> dict[str, int]:
    found = span(text, piece, "", occurrence)
    return {"startIdx": found["start"], "endIdx": found["end"]}


# --- brat -------------------------------------------------------------------------------------


def write_brat(folder: Path, name: str, text: str, ann: str | None) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    if ann is not None:
        (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="")


BRAT_TEXT = "قال سامي 😀 في حلب\r\nإن الطريق مفتوح.\n"


def test_brat_folder_with_a_sub_folder_per_annotator(project: Store, tmp_path: Path) -> None:
    root = tmp_path / "brat"
    # offsets count the CR of the CRLF, as brat does on such a file
    write_brat(
        root / "amal",
        "doc1",
        BRAT_TEXT,
        "T1\tACTOR 4 8\tسامي\nT2\tPLACE 14 17\tحلب\n#1\tAnnotatorNotes T1\tcheck\n"
        "R1\tin Arg1:T1 Arg2:T2\nT3\tCLAIM 19 23;26 31\tإن الطريق\n",
    )
    write_brat(root / "bilal", "doc1", BRAT_TEXT, "")  # an empty .ann: done, no spans
    write_brat(root / "bilal", "doc2", "نص لم يُعلَّم بعد\n", None)
    (root / "annotation.conf").write_text("[entities]\nACTOR\n", encoding="utf-8")
    report = import_paths(project, [root], relation_map={"in": ""})
    assert report.formats == {"brat": 3}
    (doc1, doc2) = project.documents()
    text = project.document(doc1.id).text
    assert text == "قال سامي 😀 في حلب\nإن الطريق مفتوح.\n"
    assert [(s.label, text[s.start : s.end]) for s in project.spans(doc1.id, "amal")] == [
        ("ACTOR", "سامي"),
        ("PLACE", "حلب"),
    ]
    assert project.status(doc1.id, "amal") is Status.DONE
    assert project.status(doc1.id, "bilal") is Status.DONE
    assert project.status(doc2.id, "bilal") is Status.TODO
    summary = report.summary()
    assert "skipped 1: discontinuous brat span (fragments joined by ';') (" in summary
    assert "doc1.ann:5: T3" in summary
    assert "skipped 1: relation of type in (dropped by --relation-map)" in summary
    assert "skipped 1: brat note (# line)" in summary
    assert "annotation.conf" not in summary  # brat's settings beside its documents


def test_brat_text_that_disagrees_is_refused(project: Store, tmp_path: Path) -> None:
    write_brat(tmp_path / "b", "x", "قال سامي", "T1\tACTOR 4 8\tسعيد\n")
    before = dump(project.path)
    with pytest.raises(InputError, match=r"x\.ann:1: the \.ann says 'سعيد'"):
        import_paths(project, [tmp_path / "b"])
    assert dump(project.path) == before


def test_brat_export_and_back(project: Store, tmp_path: Path) -> None:
    nested_project(project, tmp_path)
    import_paths(project, [_article(tmp_path)])  # a document nobody annotated
    out = tmp_path / "export"
    report = export(project, out, fmt="brat")
    assert report.documents == 2
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [
        "amal",
        "amal/halab.ann",
        "amal/halab.txt",
        "annotation.conf",
        "lonely.txt",
    ]
    assert (out / "amal" / "halab.ann").read_text(encoding="utf-8").split("\n")[:2] == [
        "T1\tACTOR 4 23\tسامي رئيس بلدية حلب",
        "T2\tPLACE 20 23\tحلب",
    ]
    again = Store.create(tmp_path / "again.alama")
    import_paths(again, [out])
    assert layer(again, "amal") == layer(project, "amal")
    assert texts(again) == texts(project)
    with pytest.raises(InputError, match="needs a new or empty folder"):
        export(project, out, fmt="brat")


def _article(tmp_path: Path) -> Path:
    path = tmp_path / "lonely.txt"
    path.write_text("خبر لم يعلّمه أحد.\n", encoding="utf-8")
    return path


# --- property: import → export → import keeps documents and spans, in every format ------------

LABELS = ["ACTOR", "PLACE", "CLAIM"]


def all_spans(store: Store) -> set[tuple[str, str, int, int, str]]:
    """(document hash, annotator, start, end, label) of every live span."""
    hashes = {info.id: store.document(info.id).hash for info in store.documents()}
    return {(hashes[s.doc], s.annotator, s.start, s.end, s.label) for s in store.iter_spans()}


def round_trip(
    folder: Path, records: list[dict[str, Any]], fmt: str, annotator: str | None = None
) -> tuple[Store, Store]:
    first = Store.create(folder / "a.alama")
    make_project(first, folder, records)
    out = folder / ("out" if fmt == "brat" else f"out.{fmt}")
    export(first, out, fmt=fmt, annotator=annotator)
    second = Store.create(folder / "b.alama")
    import_paths(second, [out], fmt=fmt, annotator=annotator)
    return first, second


def random_spans(data: st.DataObject, text: str) -> list[dict[str, Any]]:
    spans = []
    for _ in range(data.draw(st.integers(0, 4))):
        start = data.draw(st.integers(0, len(text) - 1))
        end = data.draw(st.integers(start + 1, len(text)))
        spans.append({"start": start, "end": end, "label": data.draw(st.sampled_from(LABELS))})
    return spans


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "brat"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    texts=st.lists(stored_text.filter(lambda t: t.strip()), min_size=1, max_size=3, unique=True),
    data=st.data(),
)
def test_formats_that_keep_the_text_lose_nothing(
    tmp_path: Path, fmt: str, texts: list[str], data: st.DataObject
) -> None:
    # Any text (emoji, marks, NBSP, direction marks), any spans (nested, overlapping, inside a
    # word), two annotators, and the last document annotated by nobody.
    records: list[dict[str, Any]] = []
    for number, text in enumerate(texts):
        if number == len(texts) - 1 and len(texts) > 1:
            records.append({"text": text})
            continue
        for who in ("amal", "bilal")[: data.draw(st.integers(1, 2))]:
            records.append({"text": text, "spans": random_spans(data, text), "_annotator_id": who})
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    first, second = round_trip(folder, records, fmt)
    assert sorted(d.hash for d in map(first.document, (i.id for i in first.documents()))) == sorted(
        d.hash for d in map(second.document, (i.id for i in second.documents()))
    )
    assert all_spans(second) == all_spans(first)
    assert {(a, s) for a, s in _layers(second)} == {(a, s) for a, s in _layers(first)}
    first.close()
    second.close()


def _layers(store: Store) -> set[tuple[str, str]]:
    return {(store.document(doc).hash, name) for doc, name, _ in store.layers()}


WORDS = st.one_of(
    st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءؤئىة", min_size=1, max_size=6),
    st.sampled_from(["بِسْمِ", "مُحَمَّد", "٢٠٢٤", "9000", "Reuters", "😀", "«", "»", "،", "."]),
)


@pytest.mark.parametrize("fmt", ["conll", "hf"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    documents=st.lists(
        st.lists(st.lists(WORDS, min_size=1, max_size=8), min_size=1, max_size=3),
        min_size=1,
        max_size=3,
    ),
    data=st.data(),
)
def test_tag_formats_lose_nothing_they_can_hold(
    tmp_path: Path, fmt: str, documents: list[list[list[str]]], data: st.DataObject
) -> None:
    # Text as CoNLL holds it (tokens joined by spaces, a line per sentence; hf: one line) and
    # spans on whole tokens that do not overlap.
    records: list[dict[str, Any]] = []
    seen: set[str] = set()
    for sentences in documents:
        if fmt == "hf":
            sentences = [[word for sentence in sentences for word in sentence]]
        spans = []
        position = 0
        for sentence in sentences:
            offsets = []
            for word in sentence:
                offsets.append((position, position + len(word)))
                position += len(word) + 1
            index = 0
            while index < len(offsets):
                index += data.draw(st.integers(0, 2))
                if index >= len(offsets):
                    break
                last = min(len(offsets) - 1, index + data.draw(st.integers(0, 2)))
                spans.append(
                    {
                        "start": offsets[index][0],
                        "end": offsets[last][1],
                        "label": data.draw(st.sampled_from(LABELS)),
                    }
                )
                index = last + 1
        text = "\n".join(" ".join(sentence) for sentence in sentences)
        if text in seen:
            continue
        seen.add(text)
        records.append({"text": text, "spans": spans, "_annotator_id": "amal"})
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    first, second = round_trip(folder, records, fmt, annotator="amal")
    assert all_spans(second) == all_spans(first)
    assert texts(second) == texts(first)
    first.close()
    second.close()


# --- splits hold in every format ----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "conll", "hf", "brat"])
def test_split_is_by_document_in_every_format(project: Store, tmp_path: Path, fmt: str) -> None:
    records = []
    for n in range(40):
        text = f"الخبر رقم {n} عن مدينة حلب"
        start = text.index("حلب")
        records += [
            {
                "text": text,
                "spans": [{"start": start, "end": start + 3, "label": "PLACE"}],
                "_annotator_id": who,
            }
            for who in ("amal", "bilal")
        ]
    make_project(project, tmp_path, records)
    outputs = []
    for attempt in ("one", "two"):
        out = tmp_path / attempt
        export(project, out, fmt=fmt, split="train=0.7,test=0.3", seed=3)
        outputs.append(
            {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
        )
    assert outputs[0] == outputs[1], "the same seed must give the same files"
    numbers: dict[str, set[str]] = {}
    for name, body in outputs[0].items():
        part = name.split("/")[0].split(".")[0]
        numbers.setdefault(part, set()).update(re.findall(r"رقم\D{0,6}?(\d+)", body.decode()))
    assert set(numbers) >= {"train", "test"}
    assert not numbers["train"] & numbers["test"], "a document's layers landed in two splits"
    assert numbers["train"] | numbers["test"] == {str(n) for n in range(40)}


# --- JSONL tokens that spaCy and Prodigy accept --------------------------------------------------


def jsonl_export(store: Store, tmp_path: Path) -> list[dict[str, Any]]:
    out = Path(tempfile.mkdtemp(dir=tmp_path)) / "out.jsonl"
    export(store, out, fmt="jsonl")
    return lines_of(out)


def check_tokens(record: dict[str, Any]) -> None:
    """What spaCy's Doc(words, spaces) and Prodigy's token check need of a record."""
    tokens = record["tokens"]
    text = record["text"]
    assert "".join(t["text"] + " " * t["ws"] for t in tokens) == text
    assert [t["id"] for t in tokens] == list(range(len(tokens)))
    assert all(t["text"] and text[t["start"] : t["end"]] == t["text"] for t in tokens)
    for span in record["spans"]:
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=stored_text.filter(lambda t: t.strip()), data=st.data())
def test_jsonl_tokens_rebuild_the_text_and_every_span_sits_on_tokens(
    tmp_path: Path, text: str, data: st.DataObject
) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    store = Store.create(folder / "p.alama")
    make_project(
        store, folder, [{"text": text, "spans": random_spans(data, text), "_annotator_id": "a"}]
    )
    for record in jsonl_export(store, folder):
        check_tokens(record)
    store.close()


def test_a_proclitic_labelled_alone_gets_its_own_token(project: Store, tmp_path: Path) -> None:
    text = "وأكد سامي ذلك.\n\nثم  غادر"
    make_project(
        project,
        tmp_path,
        [{"text": text, "_annotator_id": "a", "spans": [{"start": 1, "end": 4, "label": "CLAIM"}]}],
    )
    (record,) = jsonl_export(project, tmp_path)
    check_tokens(record)
    assert [(t["text"], t["ws"]) for t in record["tokens"]] == [
        ("و", False),
        ("أكد", True),
        ("سامي", True),
        ("ذلك", False),
        (".", False),
        ("\n\n", False),
        ("ثم", True),
        (" ", False),
        ("غادر", False),
    ]
    assert record["spans"][0]["token_start"] == record["spans"][0]["token_end"] == 1


def test_spacy_reads_the_jsonl_export(project: Store, tmp_path: Path) -> None:
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Doc

    nested_project(project, tmp_path)
    make_project(
        project,
        tmp_path,
        [{"text": ARTICLE, "_annotator_id": "a", "spans": [span(ARTICLE, "أكد", "CLAIM")]}],
    )
    nlp = spacy.blank("ar")
    for record in jsonl_export(project, tmp_path):
        words = [t["text"] for t in record["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=[t["ws"] for t in record["tokens"]])
        assert doc.text == record["text"]
        for item in record["spans"]:
            found = doc.char_span(item["start"], item["end"], label=item["label"])
            assert found is not None, item
            assert (found.start, found.end - 1) == (item["token_start"], item["token_end"])
            assert found.text == record["text"][item["start"] : item["end"]]
