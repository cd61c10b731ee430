"""Label Studio JSON: real exports from HumanSignal's repositories and Arabic ones with emoji
import as annotator layers (UTF-16 offsets detected), and Alama's export imports back."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from alama.core import labelstudio, offsets
from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.import_files import format_of as _format_of
from alama.core.importing import GOLD_LAYER, import_paths
from alama.core.model import Status
from alama.core.store import Store
from tests.conftest import ROOT, dump
from tests.core.strategies import stored_text

REAL = ROOT / "tests" / "data" / "external" / "labelstudio"
OWN = ROOT / "tests" / "data" / "labelstudio"
ARABIC = OWN / "arabic_utf16.json"
CANCELLED = "cancelled (skipped) Label Studio annotation"
STALE = offsets.STALE_TEXT


def layers(store: Store) -> dict[tuple[str, str], tuple[Status, list[tuple[str, str]]]]:
    """(text's first 12 characters, annotator) -> (status, [(label, text at the span)])."""
    found = {}
    for doc, name, status in store.layers():
        text = store.document(doc).text
        spans = [(s.label, text[s.start : s.end]) for s in store.spans(doc, name)]
        found[(text[:12], name)] = (status, sorted(spans))
    return found


def u16(text: str, at: int) -> int:
    return len(text[:at].encode("utf-16-le")) // 2


def task(text: str, spans: list[tuple[int, int, str]], **extra: Any) -> dict[str, Any]:
    result = [
        {
            "id": f"r{n}",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]},
        }
        for n, (s, e, label) in enumerate(spans)
    ]
    return {"data": {"text": text}, "annotations": [{"completed_by": 1, "result": result}], **extra}


def write(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


# --- real files -----------------------------------------------------------------------------


def test_real_named_entity_prediction_and_annotation(project: Store) -> None:
    report = import_paths(
        project,
        [REAL / "named_entity_tasks.json", REAL / "named_entity_annotation.json"],
        add_labels=True,
    )
    assert report.formats == {"labelstudio": 2}
    assert report.documents_added == 1 and report.documents_known == 0  # one task, two files
    assert report.labels_added == ["Date"]
    found = layers(project)
    assert found[("Showers cont", "prediction-model-1")] == (
        Status.IN_PROGRESS,
        [("Date", "February 22")],
    )  # a prediction is a named layer, not marked done
    assert found[("Showers cont", "imported")] == (Status.DONE, [("Date", "February 22")])


def test_real_full_export_with_a_user_and_a_choices_result(project: Store) -> None:
    report = import_paths(project, [REAL / "converter_export_history.json"])
    assert report.skipped["Label Studio choices result (not a labelled span)"] == 1
    assert layers(project) == {("Calif. wildf", "sergei"): (Status.DONE, [])}
    assert "skipped 1: Label Studio choices result" in report.summary()


def test_real_image_task_is_refused_in_one_line(project: Store) -> None:
    before = dump(project.path)
    with pytest.raises(InputError) as error:
        import_paths(project, [REAL / "previous_export_image.json"])
    assert str(error.value) == (
        f"{REAL / 'previous_export_image.json'}:1: Label Studio task 1 (id 1234): no text in "
        '"data" (fields: image; a link is not a text): Alama reads Label Studio tasks of text'
    )
    assert dump(project.path) == before


def test_auto_recognises_label_studio_by_content(tmp_path: Path) -> None:
    for path in REAL.glob("*.json"):
        assert _format_of(path, "auto") == "labelstudio", path
    assert _format_of(ARABIC, "auto") == "labelstudio"
    prodigy = ROOT / "tests" / "data" / "prodigy" / "ner_manual_stale_text.jsonl"
    assert _format_of(prodigy, "auto") == "jsonl"
    bare = write(tmp_path / "bare.json", [{"data": {"text": "نص بلا تعليق"}}])
    assert _format_of(bare, "auto") == "labelstudio"


def test_jsonl_format_names_label_studio(project: Store) -> None:
    with pytest.raises(InputError, match="this is a Label Studio task; use --format labelstudio"):
        import_paths(project, [REAL / "named_entity_tasks.json"], fmt="jsonl")


# --- Arabic, emoji, UTF-16 ------------------------------------------------------------------


def test_arabic_file_with_utf16_offsets(project: Store) -> None:
    report = import_paths(project, [ARABIC])
    assert report.records == 4 and report.documents_added == 2
    assert report.skipped[CANCELLED] == 1
    assert report.skipped["Label Studio relation result (not a labelled span)"] == 1
    assert report.skipped["Label Studio choices result (not a labelled span)"] == 1
    found = layers(project)
    assert found[("قال المتحدث ", "mona")] == (
        Status.DONE,
        [("ACTOR", "Reuters"), ("ACTOR", "المتحدث باسم الجيش"), ("PLACE", "حلب")],
    )
    assert found[("قال المتحدث ", "ls-7")] == (Status.DONE, [("ACTOR", "الجيش"), ("PLACE", "حلب")])
    assert found[("قال المتحدث ", "prediction-ner-v2.1-ar")] == (
        Status.IN_PROGRESS,
        [("ACTOR", "الجيش"), ("PLACE", "مدينة حلب")],
    )
    assert found[("أعلنت وزارة ", "mona")][1] == [
        ("ACTOR", "AFP"),
        ("ACTOR", "وزارة الصحة"),
        ("ACTOR", "وكالة الأنبـــاء"),
        ("PLACE", "غزة"),
    ]  # the text is data.article (the field the spans fit), kept verbatim with its RLM
    assert [project.document(i.id).doc_id for i in project.documents()] == ["101", "102"]
    second = project.document(project.documents()[1].id)
    assert "\u200f" in second.text and second.meta["url"] == "https://example.org/news/102"


def test_code_points_and_the_flag_read_the_same(project: Store, tmp_path: Path) -> None:
    tasks = json.loads(ARABIC.read_text(encoding="utf-8"))
    for item in tasks:
        text = item["data"].get("text") or item["data"]["article"]
        points = {u16(text, i): i for i in range(len(text) + 1)}
        for kind in ("annotations", "predictions"):
            for entry in item[kind]:
                for result in entry["result"]:
                    if result["type"] == "labels":
                        value = result["value"]
                        value["start"], value["end"] = points[value["start"]], points[value["end"]]
    import_paths(project, [write(tmp_path / "points.json", tasks)])
    in_points = layers(project)
    other = Store.create(tmp_path / "other.alama")
    import_paths(other, [ARABIC], offsets="utf16")
    assert layers(other) == in_points
    other.close()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=stored_text, data=st.data())
def test_utf16_offsets_read_back_as_the_same_code_points(
    tmp_path_factory: pytest.TempPathFactory, text: str, data: st.DataObject
) -> None:
    text = text + "😀"  # at least one character outside the BMP
    assume(text.strip() and "\u2029" not in text)
    pairs = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(
                lambda p: p[0] < p[1]
            ),
            min_size=1,
            max_size=5,
        )
    )
    spans = sorted({(s, e, "ACTOR") for s, e in pairs})
    as_units = [(u16(text, s), u16(text, e), text[s:e]) for s, e, _ in spans]
    # (a file whose every span also reads right at the same numbers counted in code points is
    # taken as code points: the one case no reader can tell)
    differs = any(
        (s, e) != (us, ue) for (s, e, _), (us, ue, _) in zip(spans, as_units, strict=True)
    )
    assume(not (differs and all(text[us:ue] == q for us, ue, q in as_units)))
    tmp = tmp_path_factory.mktemp("ls")
    item = task(text, spans)
    for result, (s, e, _) in zip(item["annotations"][0]["result"], as_units, strict=True):
        result["value"]["start"], result["value"]["end"] = s, e
    from alama.core.labelstudio import read_labelstudio

    records = list(read_labelstudio(write(tmp / "t.json", [item])))
    assert records[0].text == text
    assert records[0].spans == spans


def test_stale_text_of_a_span_snapped_to_words(project: Store, tmp_path: Path) -> None:
    """Label Studio 1.4 with granularity="word" kept the selected text after widening the span
    to whole words (label-studio issue 1931), as Prodigy does after snapping to tokens."""
    text = "🚀 قال المتحدث باسم الجيش إن حلب آمنة"
    pieces = [("قال", "ACTOR"), ("المتحدث باسم الجيش", "ACTOR"), ("حلب", "PLACE")]
    item = task(text, [(text.index(p), text.index(p) + len(p), label) for p, label in pieces])
    results = item["annotations"][0]["result"]
    for result, quoted in zip(results, ["قال", "تحدث باسم الجي", "حلب"], strict=True):
        value = result["value"]
        value["start"], value["end"] = u16(text, value["start"]), u16(text, value["end"])
        value["text"] = quoted
    report = import_paths(project, [write(tmp_path / "words.json", [item])])
    assert report.notes[STALE] == 1
    assert layers(project)[(text[:12], "ls-1")][1] == [
        ("ACTOR", "المتحدث باسم الجيش"),
        ("ACTOR", "قال"),
        ("PLACE", "حلب"),
    ]


def test_json_min(project: Store, tmp_path: Path) -> None:
    text = "وصل الوفد 🇯🇴 إلى عمّان مساء الخميس"
    at = text.index("عمّان")
    rows = [
        {
            "text": text,
            "id": 7,
            "label": [
                {
                    "start": u16(text, at),
                    "end": u16(text, at + 5),
                    "text": "عمّان",
                    "labels": ["PLACE"],
                }
            ],
            "annotator": "huda@example.org",
            "annotation_id": 3,
            "created_at": "2024-05-01T10:00:00Z",
            "updated_at": "2024-05-01T10:00:00Z",
            "lead_time": 9.1,
        }
    ]
    report = import_paths(project, [write(tmp_path / "min.json", rows)])
    assert report.formats == {"labelstudio": 1}
    assert layers(project) == {(text[:12], "huda"): (Status.DONE, [("PLACE", "عمّان")])}


def test_tasks_annotated_before_and_after_label_studio_counted_code_points(
    project: Store, tmp_path: Path
) -> None:
    """A project annotated in UTF-16 units, then in code points after Label Studio was updated,
    exports both in one file: each task is read in the unit its span texts agree in."""
    old = ["😀 زار محمد القاهرة", "🇯🇴 وصل الوفد إلى عمّان"]
    new = "👍 قال سامي إن حلب آمنة"
    tasks = []
    for text, word in [(old[0], "القاهرة"), (old[1], "عمّان"), (new, "حلب")]:
        at = text.index(word)
        item = task(text, [(at, at + len(word), "PLACE")])
        if text in old:
            value = item["annotations"][0]["result"][0]["value"]
            value["start"], value["end"] = u16(text, at), u16(text, at + len(word))
        tasks.append(item)
    import_paths(project, [write(tmp_path / "both.json", tasks)])
    assert sorted(spans for _, spans in layers(project).values()) == [
        [("PLACE", "القاهرة")],
        [("PLACE", "حلب")],
        [("PLACE", "عمّان")],
    ]


def test_spans_on_two_texts_of_a_task_read_those_of_the_article(
    project: Store, tmp_path: Path
) -> None:
    """A labelling config with two <Text> objects (a headline and the article) gives results
    on both: the article's are read, whichever comes first, the headline's counted."""
    headline, article = "عاجل: زيارة محمد", "زار محمد القاهرة أمس 😀 والتقى سامي"

    def result(to_name: str, text: str, word: str, label: str) -> dict[str, Any]:
        at = text.index(word)
        value = {"start": at, "end": at + len(word), "text": word, "labels": [label]}
        return {"from_name": f"{to_name}_ner", "to_name": to_name, "type": "labels", "value": value}

    results = [
        result("head", headline, "محمد", "ACTOR"),
        result("body", article, "القاهرة", "PLACE"),
        result("body", article, "سامي", "ACTOR"),
    ]
    tasks = [
        {"data": {"headline": headline, "article": article},
         "annotations": [{"completed_by": 1, "result": results}]},
        {"data": {"headline": headline, "text": article},
         "annotations": [{"completed_by": 2, "result": results[:1]},
                         {"completed_by": 3, "result": results[1:]}]},
    ]  # fmt: skip
    report = import_paths(project, [write(tmp_path / "two.json", tasks)])
    assert report.skipped["Label Studio span on another text of the task (head)"] == 2
    found = layers(project)
    assert found[(article[:12], "ls-1")][1] == [("ACTOR", "سامي"), ("PLACE", "القاهرة")]
    assert found[(article[:12], "ls-3")][1] == [("ACTOR", "سامي"), ("PLACE", "القاهرة")]
    assert found[(article[:12], "ls-2")][1] == []


def test_several_annotations_of_a_task_by_one_user(project: Store, tmp_path: Path) -> None:
    """Label Studio lets a user submit several annotations of a task, and keeps a user's draft
    of an edit beside their annotation: the user's layer is their last annotation, not all of
    them joined (which would label the same words ACTOR and PLACE at once)."""
    text = "قال محمد 😀 في القاهرة"
    first = task(text, [(4, 8, "ACTOR")])
    later = task(text, [(4, 8, "PLACE"), (14, 21, "PLACE")])
    draft = task(text, [(4, 8, "CLAIM")])["annotations"][0]
    item = {
        "data": {"text": text},
        "annotations": [
            {**first["annotations"][0], "completed_by": {"id": 4, "email": "huda@x.org"}},
            {**later["annotations"][0], "completed_by": 4},
            {**later["annotations"][0], "completed_by": {"id": 4, "email": "huda@x.org"}},
            {"completed_by": 9, "result": [], "was_cancelled": True},
        ],
        "drafts": [{"result": draft["result"], "user": "huda@x.org", "annotation": 1}],
        "predictions": [{"result": first["annotations"][0]["result"]}] * 2,
    }
    report = import_paths(project, [write(tmp_path / "twice.json", [item])])
    assert report.skipped[labelstudio.EARLIER] == 1
    assert report.skipped[labelstudio.DRAFT] == 1
    assert report.skipped[CANCELLED] == 1
    assert layers(project) == {
        (text[:12], "huda"): (Status.DONE, [("PLACE", "القاهرة"), ("PLACE", "محمد")]),
        (text[:12], "ls-4"): (Status.DONE, [("PLACE", "القاهرة"), ("PLACE", "محمد")]),
        (text[:12], "prediction"): (Status.IN_PROGRESS, [("ACTOR", "محمد")]),
    }


def test_an_annotator_is_named_by_the_e_mail_label_studio_gives(
    project: Store, tmp_path: Path
) -> None:
    """Label Studio's export gives ``completed_by`` as a user with an e-mail; its API (and an
    export of ids only) gives the id, and the API ``created_username`` as "NAME EMAIL, ID":
    the same person is named by the e-mail's user part either way."""
    text = "قال محمد إن حلب آمنة"
    result = task(text, [(4, 8, "ACTOR")])["annotations"][0]["result"]
    tasks = [
        {"data": {"text": text}, "annotations": [{"completed_by": c, "result": result, **x}]}
        for c, x in [
            ({"id": 5, "email": "mona@example.org"}, {}),
            (5, {"created_username": "Mona Said mona@example.org, 5"}),
            (6, {"created_username": " sami@example.org, 6"}),
            (7, {}),
        ]
    ]
    import_paths(project, [write(tmp_path / "users.json", tasks)])
    assert project.annotators() == ["ls-7", "mona", "sami"]


def test_a_draft_alone_is_read_in_progress(project: Store, tmp_path: Path) -> None:
    text = "وصل الوفد إلى عمّان"
    first = task(text, [(14, 19, "ACTOR")])["annotations"][0]["result"]
    later = task(text, [(14, 19, "PLACE")])["annotations"][0]["result"]
    item = {
        "data": {"text": text},
        "drafts": [
            {"result": first, "user": "sami@x.org"},
            {"result": later, "user": "sami@x.org"},
        ],
    }
    report = import_paths(project, [write(tmp_path / "draft.json", [item])])
    assert report.skipped[labelstudio.DRAFT] == 1
    assert layers(project) == {(text[:12], "sami"): (Status.IN_PROGRESS, [("PLACE", "عمّان")])}


def test_json_min_spans_without_an_annotator_are_read(project: Store, tmp_path: Path) -> None:
    """A JSON-MIN row written without "annotator" (as a script trimming the export may do)
    still holds its spans under the control's name: they are read, not taken as data."""
    text = "وصل الوفد إلى عمّان"
    row = {
        "text": text,
        "id": 9,
        "ner": [{"start": 14, "end": 19, "text": "عمّان", "labels": ["PLACE"]}],
    }
    import_paths(project, [write(tmp_path / "min.json", [row])], fmt="labelstudio")
    assert layers(project) == {(text[:12], "imported"): (Status.DONE, [("PLACE", "عمّان")])}


def test_a_task_without_data_is_its_data(project: Store, tmp_path: Path) -> None:
    """Label Studio reads a task without "data" as its data (its docs, "Basic format"; its
    own test file label_studio/tests/data_manager/tasks_annotations_predictions.json mixes
    both): Alama reads such a task too."""
    text = "قال الجيش إن حلب آمنة"
    tasks = [task(text, [(13, 16, "PLACE")]), {"text": "خبر بلا تعليق 🙂", "int_field": 3}]
    tasks.append(
        {"text": "خبر ثالث", "annotations": task("خبر ثالث", [(0, 3, "CLAIM")])["annotations"]}
    )
    report = import_paths(project, [write(tmp_path / "mixed.json", tasks)], fmt="labelstudio")
    assert report.documents_added == 3
    second = project.document(project.documents()[1].id)
    assert second.text == "خبر بلا تعليق 🙂" and second.meta["int_field"] == 3
    assert layers(project)[("خبر ثالث", "ls-1")] == (Status.DONE, [("CLAIM", "خبر")])


# --- round trip -----------------------------------------------------------------------------


def test_export_imports_back_the_same_layers(project: Store, tmp_path: Path) -> None:
    import_paths(project, [ARABIC])
    untouched = write(tmp_path / "plain.json", [{"data": {"text": "خبر لم يعلّق عليه أحد 🙂"}}])
    import_paths(project, [untouched])
    out = tmp_path / "out.json"
    report = export(project, out, fmt="labelstudio")
    assert report.documents == 3
    written = json.loads(out.read_text(encoding="utf-8"))
    assert [(len(t["annotations"]), len(t["drafts"])) for t in written] == [(2, 0), (1, 0), (0, 0)]
    assert [p["model_version"] for p in written[0]["predictions"]] == ["ner-v2.1-ar"]
    for item in written:  # what Label Studio's import needs, and nothing it refuses
        assert set(item) == {"data", "meta", "annotations", "drafts", "predictions"}
        assert isinstance(item["data"]["text"], str)
        for entry in item["annotations"]:
            assert "completed_by" not in entry and entry["ground_truth"] is False
            for result in entry["result"]:
                value = result["value"]
                assert item["data"]["text"][value["start"] : value["end"]] == value["text"]
                assert (result["from_name"], result["to_name"], result["type"]) == (
                    "label",
                    "text",
                    "labels",
                )
        for draft in item["drafts"]:
            assert set(draft) == {"result", "created_username"}
    again = Store.create(tmp_path / "again.alama")
    back = import_paths(again, [out])
    assert back.documents_added == 3
    assert layers(again) == layers(project)
    assert [again.document(i.id).doc_id for i in again.documents()] == [
        project.document(i.id).doc_id for i in project.documents()
    ]
    assert import_paths(again, [out]).documents_added == 0
    again.close()


def test_gold_is_ground_truth_and_not_imported_back(project: Store, tmp_path: Path) -> None:
    from alama.core.review import accept_agreed

    import_paths(project, [ARABIC])
    accept_agreed(project, "lead")  # mona and ls-7 agree on حلب
    out = tmp_path / "gold.json"
    export(project, out, fmt="labelstudio", gold=True)
    (item,) = json.loads(out.read_text(encoding="utf-8"))
    (entry,) = item["annotations"]
    assert entry["ground_truth"] is True and entry["created_username"] == "@gold"
    assert [r["value"]["text"] for r in entry["result"]] == ["حلب"]
    again = Store.create(tmp_path / "again.alama")
    report = import_paths(again, [out])
    assert report.skipped[GOLD_LAYER] == 1 and report.spans_added == 0
    again.close()


def test_empty_export_is_an_empty_array(project: Store, tmp_path: Path) -> None:
    out = tmp_path / "none.json"
    export(project, out, fmt="labelstudio")
    assert json.loads(out.read_text(encoding="utf-8")) == []


# --- refusals: one line, project unchanged -----------------------------------------------------

TEXT = "قال الجيش إن حلب آمنة 😀 اليوم"
BAD: list[tuple[Any, str]] = [
    ("[{", r"bad\.json:1: malformed JSON"),
    (["نص"], r"Label Studio task 1: expected a task \(a JSON object\), found str"),
    ([{"annotations": [], "id": 3}], r'task 1 \(id 3\): no text in "data" \(fields: none;'),
    ([{"data": {"a": "نص", "b": "نص آخر"}}], r'cannot tell which field of "data" is the text'),
    (
        [{"data": {"dialogue": [{"author": "سامي", "text": "مرحبا"}]}}],
        r'no text in "data" \(fields: dialogue; a link is not a text\)',
    ),
    (
        [{"data": {"text": TEXT}, "annotations": "none"}],
        r'task 1: "annotations" must be a list',
    ),
]


def _bad_cases() -> list[tuple[Any, str]]:
    no_labels = task(TEXT, [(4, 9, "ACTOR")])
    no_labels["annotations"][0]["result"][0]["value"]["labels"] = []
    text_start = task(TEXT, [(4, 9, "ACTOR")])
    text_start["annotations"][0]["result"][0]["value"]["start"] = "4"
    wrong = task(TEXT, [(4, 9, "ACTOR")])
    wrong["annotations"][0]["result"][0]["value"]["text"] = "حلب"
    outside = task(TEXT, [(4, 9, "ACTOR")])
    outside["annotations"][0]["result"][0]["value"].update(start=20, end=99, text="x")
    return [
        *BAD,
        ([no_labels], r'annotation 1, result 1: "value.labels" must be a list of labels'),
        ([text_start], r'annotation 1, result 1: no integer "value.start"'),
        ([wrong], r"says 'حلب' but the text at 4–9 is 'الجيش'"),
        ([outside], r"is outside the text"),
    ]


@pytest.mark.parametrize("content, message", _bad_cases())
def test_bad_label_studio_is_refused_and_changes_nothing(
    project: Store, tmp_path: Path, content: Any, message: str
) -> None:
    good = write(tmp_path / "good.json", [task("خبر سليم", [])])
    bad = tmp_path / "bad.json"
    bad.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    before = dump(project.path)
    with pytest.raises(InputError, match=message) as error:
        import_paths(project, [good, bad], fmt="labelstudio")
    assert "\n" not in str(error.value)
    assert str(error.value).startswith(str(bad))
    assert dump(project.path) == before
