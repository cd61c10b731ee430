"""Pending suggestions as a lead and an annotator meet them: stored by `alama suggest`, shown
until accepted or rejected, accepted with their origin, rejected strings kept out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from alama.core.model import Span, Status
from alama.core.store import Store
from alama.core.suggest import Suggestion
from alama.core.suggestion_edits import (
    AcceptSuggestion,
    RejectSuggestion,
    accept_all,
    is_suggested,
    origin_source,
    pending,
    stored_pending,
    suggested_origin,
)
from tests.conftest import dump

FIRST = "قالت وزارة الدفاع إن قواتها وصلت إلى روسيا، وأكدت وزارة الدفاع ذلك."
SECOND = "وفي رُوسيا أعلنت وزارةُ الدفاع أن الطائرات عادت إلى قواعدها في روسيـــا."
THIRD = "لا شيء هنا عن ذلك البلد."


def labelled_project(store: Store) -> tuple[int, int, int]:
    first, _ = store.add_document(FIRST)
    second, _ = store.add_document(SECOND)
    third, _ = store.add_document(THIRD)
    at = FIRST.index("وزارة الدفاع")
    store.add_span(first, "amal", at, at + len("وزارة الدفاع"), "ACTOR")
    at = FIRST.index("روسيا")
    store.add_span(first, "amal", at, at + len("روسيا"), "PLACE")
    store.set_status(first, "amal", Status.DONE)
    return first, second, third


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_suggest_stores_what_the_layer_marked_for_the_documents_still_to_do(
    tmp_path: Path,
) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        first, second, third = labelled_project(store)
    out = run("suggest", str(path), "--learn-from", "amal", "--for", "amal")
    assert "stored 3 suggestions for amal in 2 documents still to do" in out
    with Store.open(path) as store:
        assert store.stored_suggestions(first, "amal") == []  # done: nothing suggested there
        found = store.stored_suggestions(second, "amal")
        assert [(SECOND[s.start : s.end], s.label, s.source) for s in found] == [
            ("رُوسيا", "PLACE", "match"),
            ("وزارةُ الدفاع", "ACTOR", "match"),
            ("روسيـــا", "PLACE", "match"),
        ]
        assert all(s.score == 1.0 for s in found)
        assert store.stored_suggestions(second, "bilal") == []  # stored for amal only
        assert store.stored_suggestions(third, "amal") == []


def test_suggesting_again_replaces_and_clear_removes(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        _, second, _ = labelled_project(store)
    run("suggest", str(path), "--learn-from", "amal")
    run("suggest", str(path), "--learn-from", "amal")
    with Store.open(path) as store:
        assert len(store.stored_suggestions(second, "karim")) == 3  # for everyone, once
    assert "removed 3 stored suggestions" in run("suggest", str(path), "--clear")
    with Store.open(path) as store:
        assert store.suggestion_count() == 0


def test_a_gazetteer_is_matched_the_way_arabic_is_written(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        _, second, _ = labelled_project(store)
    gazetteer = tmp_path / "places.tsv"
    gazetteer.write_text("# places\nروسيا\tPLACE\nالطائرات\tACTOR\n", encoding="utf-8")
    out = run("suggest", str(path), "--gazetteer", str(gazetteer))
    assert "gazetteer" in out
    with Store.open(path) as store:
        found = store.stored_suggestions(second, "amal")
    assert {(SECOND[s.start : s.end], s.label) for s in found} == {
        ("رُوسيا", "PLACE"),
        ("روسيـــا", "PLACE"),
        ("الطائرات", "ACTOR"),
    }
    assert {s.source for s in found} == {"gazetteer"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--learn-from", "nobody"], "no annotator 'nobody'"),
        (["--source", "oracle"], "unknown source 'oracle'"),
        (["--gazetteer", "missing.tsv"], "missing.tsv"),
        (["--for", "@gold"], "gold"),
        (["--json"], "--json goes with --evaluate"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(
    tmp_path: Path, args: list[str], message: str
) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        labelled_project(store)
    before = dump(path)
    result = CliRunner().invoke(cli, ["suggest", str(path), *args])
    assert result.exit_code != 0
    last = result.output.strip().splitlines()[-1]
    assert last.startswith("Error: ") and message in last
    assert dump(path) == before


def test_a_bad_gazetteer_line_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        labelled_project(store)
    before = dump(path)
    bad = tmp_path / "bad.tsv"
    bad.write_text("روسيا\tPLACE\nبلا علامة\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["suggest", str(path), "--gazetteer", str(bad)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {bad}:2: expected text<TAB>label, found no tab"
    assert dump(path) == before


def test_pending_leaves_out_what_the_layer_has_rejected_or_said_better(project: Store) -> None:
    doc, _ = project.add_document(SECOND)
    a = SECOND.index("رُوسيا")
    b = SECOND.index("روسيـــا")
    c = SECOND.index("وزارةُ")
    proposed = [
        Suggestion(doc, a, a + len("رُوسيا"), "PLACE", "match", 0.6),
        Suggestion(doc, a, a + len("رُوسيا"), "PLACE", "model", 0.9),  # the same, surer
        Suggestion(doc, b, b + len("روسيـــا"), "PLACE", "match", 0.6),
        Suggestion(doc, c, c + len("وزارةُ الدفاع"), "ACTOR", "match", 1.0),
        Suggestion(doc, c, c + len("وزارةُ"), "ACTOR", "model", 0.4),  # inside a surer one
        Suggestion(doc, c, c + len("وزارةُ"), "CLAIM", "model", 0.4),  # another label
        Suggestion(doc, 0, len(SECOND) + 5, "CLAIM", "model", 0.9),  # past the text
    ]
    shown = pending(SECOND, proposed, [], set())
    assert [(s.start, s.label, s.source) for s in shown] == [
        (a, "PLACE", "model"),
        (c, "CLAIM", "model"),  # by start, then end
        (c, "ACTOR", "match"),
        (b, "PLACE", "match"),
    ]
    marked = Span("x", doc, "amal", c + 1, c + 3, "ACTOR")
    rejected = {("روسيا", "PLACE")}  # rejected once, under any spelling
    shown = pending(SECOND, proposed, [marked], rejected)
    assert [(s.start, s.label) for s in shown] == [(c, "CLAIM")]


def test_accepting_keeps_the_source_and_undo_brings_the_suggestion_back(project: Store) -> None:
    doc, _ = project.add_document(SECOND)
    a = SECOND.index("رُوسيا")
    suggestion = Suggestion(doc, a, a + len("رُوسيا"), "PLACE", "gazetteer", 1.0)
    project.put_suggestions("amal", [doc], [suggestion], ["gazetteer"])
    assert stored_pending(project, doc, "amal") == [suggestion]
    edit = AcceptSuggestion("amal", suggestion)
    changes = edit.apply(project)
    (span,) = project.spans(doc, "amal")
    assert (span.start, span.end, span.label, span.origin) == (
        a,
        a + len("رُوسيا"),
        "PLACE",
        "suggested:gazetteer",
    )
    assert changes.spans == (span,)
    assert project.status(doc, "amal") is Status.IN_PROGRESS
    assert stored_pending(project, doc, "amal") == []
    edit.inverse().apply(project)
    assert project.spans(doc, "amal") == []
    assert project.status(doc, "amal") is Status.TODO
    assert stored_pending(project, doc, "amal") == [suggestion]
    assert project.origin_counts() == {}
    edit.apply(project)
    assert project.origin_counts() == {"amal": {"suggested:gazetteer": 1}}


def test_rejecting_keeps_the_string_out_in_this_document_only(project: Store) -> None:
    doc, _ = project.add_document(SECOND)
    other, _ = project.add_document(FIRST)
    a, b = SECOND.index("رُوسيا"), SECOND.index("روسيـــا")
    first = Suggestion(doc, a, a + len("رُوسيا"), "PLACE", "match", 1.0)
    again = Suggestion(doc, b, b + len("روسيـــا"), "PLACE", "match", 1.0)
    c = FIRST.index("روسيا")
    elsewhere = Suggestion(other, c, c + len("روسيا"), "PLACE", "match", 1.0)
    project.put_suggestions("", [doc, other], [first, again, elsewhere], ["match"])
    edit = RejectSuggestion("amal", first, SECOND)
    changes = edit.apply(project)
    assert changes.suggestions
    assert stored_pending(project, doc, "amal") == []  # both spellings
    assert stored_pending(project, doc, "bilal") == [first, again]  # another layer
    assert stored_pending(project, other, "amal") == [elsewhere]  # another document
    edit.inverse().apply(project)
    assert stored_pending(project, doc, "amal") == [first, again]


def test_accept_all_of_a_label_is_one_step(project: Store) -> None:
    doc, _ = project.add_document(SECOND)
    a, b, c = SECOND.index("رُوسيا"), SECOND.index("روسيـــا"), SECOND.index("وزارةُ")
    shown = [
        Suggestion(doc, a, a + 6, "PLACE", "match", 1.0),
        Suggestion(doc, c, c + 13, "ACTOR", "match", 1.0),
        Suggestion(doc, b, b + 8, "PLACE", "match", 1.0),
    ]
    edit = accept_all("amal", shown, "PLACE")
    assert edit is not None and edit.subject == 2
    edit.apply(project)
    assert sorted((s.start, s.label) for s in project.spans(doc, "amal")) == [
        (a, "PLACE"),
        (b, "PLACE"),
    ]
    edit.inverse().apply(project)
    assert project.spans(doc, "amal") == []
    assert accept_all("amal", shown, "CLAIM") is None


def test_origins_say_which_spans_were_suggestions() -> None:
    assert suggested_origin("match") == "suggested:match"
    assert origin_source("suggested:model") == "model"
    assert origin_source("manual") is None
    assert is_suggested("suggested") and is_suggested("suggested:camel")
    assert not is_suggested("manual") and not is_suggested("imported")


def test_a_handed_out_copy_keeps_only_its_annotators_suggestions(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        _, second, third = labelled_project(store)
        mine = Suggestion(second, 0, 3, "ACTOR", "match", 1.0)
        theirs = Suggestion(second, 4, 9, "ACTOR", "match", 1.0)
        everyone = Suggestion(third, 0, 2, "ACTOR", "match", 1.0)
        store.put_suggestions("amal", [second], [mine], ["match"])
        store.put_suggestions("bilal", [second], [theirs], ["match"])
        store.put_suggestions("", [third], [everyone], ["match"])
    run("assign", str(path), "--annotators", "amal,bilal", "--documents", "all", "--overlap", "1")
    run("handout", str(path), "--out", str(tmp_path / "out"))
    (copy,) = (tmp_path / "out").glob("*amal*.alama")
    with Store.open(copy) as store:
        kept = [store.stored_suggestions(d, "amal") for d in store.document_ids()]
        assert sorted((s.start, s.end) for found in kept for s in found) == [(0, 2), (0, 3)]
        assert store.suggestion_count("bilal") == 0


def test_export_agreement_and_stats_keep_the_origin(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = store.add_document(SECOND)
        a, c = SECOND.index("رُوسيا"), SECOND.index("وزارةُ")
        place = Suggestion(doc, a, a + len("رُوسيا"), "PLACE", "gazetteer", 1.0)
        actor = Suggestion(doc, c, c + len("وزارةُ الدفاع"), "ACTOR", "match", 1.0)
        AcceptSuggestion("amal", place).apply(store)
        AcceptSuggestion("bilal", place).apply(store)
        AcceptSuggestion("bilal", actor).apply(store)
        store.add_span(doc, "amal", c, c + len("وزارةُ"), "ACTOR")  # her own, shorter
        for name in ("amal", "bilal"):
            store.set_status(doc, name, Status.DONE)
    out = tmp_path / "out.jsonl"
    run("export", str(path), "--format", "jsonl", "--annotator", "bilal", "-o", str(out))
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((s["label"], s.get("origin")) for s in record["spans"]) == [
        ("ACTOR", "suggested:match"),
        ("PLACE", "suggested:gazetteer"),
    ]
    run("export", str(path), "--format", "jsonl", "--annotator", "amal", "-o", str(out), "--force")
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted((s["label"], s.get("origin")) for s in record["spans"]) == [
        ("ACTOR", None),
        ("PLACE", "suggested:gazetteer"),
    ]

    studio = tmp_path / "tasks.json"
    run("export", str(path), "--format", "labelstudio", "--annotator", "amal", "-o", str(studio))
    (task,) = json.loads(studio.read_text(encoding="utf-8"))
    (annotation,) = task["annotations"]
    assert sorted((r["value"]["labels"][0], r["origin"]) for r in annotation["result"]) == [
        ("ACTOR", "manual"),
        ("PLACE", "prediction"),  # as Label Studio marks what it pre-annotated
    ]

    counted = json.loads(run("agreement", str(path), "--json"))
    assert counted["suggestions"] == {"counted": True, "accepted": {"amal": 1, "bilal": 2}}
    assert counted["labels"]["PLACE"]["f1_exact"] == 1.0
    left_out = json.loads(run("agreement", str(path), "--json", "--without-suggestions"))
    assert left_out["suggestions"]["counted"] is False
    assert left_out["labels"]["PLACE"]["spans"] == 0  # both PLACE spans were suggestions
    assert left_out["labels"]["ACTOR"]["spans"] == 1  # amal's own span only
    assert "accepted suggestions (amal 1, bilal 2): left out" in run(
        "agreement", str(path), "--without-suggestions"
    )

    stats = json.loads(run("stats", str(path), "--json"))
    assert stats["annotators"]["bilal"]["suggested"] == 2
    assert stats["annotators"]["amal"]["suggested"] == 1
    table = run("stats", str(path))
    assert "of them suggested" in table


def test_an_annotators_rejections_come_back_with_her_copy(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        _, second, _ = labelled_project(store)
    run("assign", str(path), "--annotators", "amal,bilal", "--documents", "all", "--overlap", "1")
    run("suggest", str(path), "--learn-from", "amal")
    run("handout", str(path), "--out", str(tmp_path / "out"))
    (copy,) = (tmp_path / "out").glob("*amal*.alama")
    with Store.open(copy) as store:
        (doc,) = [d for d in store.document_ids() if store.document(d).text == SECOND]
        shown = stored_pending(store, doc, "amal")
        RejectSuggestion("amal", shown[0], SECOND).apply(store)  # only a rejection, no span
    run("collect", str(path), str(copy))
    with Store.open(path) as store:
        assert [s.start for s in stored_pending(store, second, "amal")] == [
            s.start for s in shown[1:] if SECOND[s.start : s.end] != "روسيـــا"
        ]
        assert len(stored_pending(store, second, "bilal")) == 3


def test_the_matcher_suggests_a_strings_likely_labels_only() -> None:
    from alama.core.suggest import likely_labels

    assert likely_labels({"ACTOR": 0.6, "PLACE": 0.4}) == [("ACTOR", 0.6), ("PLACE", 0.4)]
    assert likely_labels({"PLACE": 0.9, "ACTOR": 0.1}) == [("PLACE", 0.9)]
    assert likely_labels({}) == []


def test_what_one_annotator_marked_is_not_suggested_to_another_on_a_shared_document(
    tmp_path: Path,
) -> None:
    """bilal is ahead on a document he shares with amal: what the layers taught is not
    suggested there (amal would see his spans); a gazetteer still is."""
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        _, second, _ = labelled_project(store)
        at = SECOND.index("رُوسيا")
        store.add_span(second, "bilal", at, at + len("رُوسيا"), "PLACE")
    gazetteer = tmp_path / "g.tsv"
    gazetteer.write_text("الطائرات\tACTOR\n", encoding="utf-8")
    out = run(
        "suggest", str(path), "--for", "amal", "--source", "match", "--gazetteer", str(gazetteer)
    )
    assert "in 1 document another annotator has labelled" in out
    with Store.open(path) as store:
        found = store.stored_suggestions(second, "amal")
    assert [(SECOND[s.start : s.end], s.source) for s in found] == [("الطائرات", "gazetteer")]
    out = run("suggest", str(path), "--for", "amal", "--learn-from", "amal")
    assert "another annotator has labelled" in out  # amal's own layer taught it, bilal is there


def test_suggest_for_a_name_nobody_has_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        labelled_project(store)
    before = dump(path)
    result = CliRunner().invoke(cli, ["suggest", str(path), "--for", "nobdy"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: no annotator 'nobdy' in the project (annotators: amal)")
    assert dump(path) == before


def test_suggestions_of_a_label_that_goes_go_with_it(project: Store) -> None:
    from alama.core.labels import LabelSet

    doc, _ = project.add_document(SECOND)
    project.put_suggestions(
        "amal", [doc], [Suggestion(doc, 0, 3, "CLAIM", "match", 1.0)], ["match"]
    )
    labels = project.labels()
    project.set_labels(LabelSet([label for label in labels if label.key != "CLAIM"]))
    assert project.stored_suggestions(doc, "amal") == []
