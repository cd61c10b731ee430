"""The store's behaviours on both stores: a project file and a project on a PostgreSQL server
(`ServerStore`, opened as the project's lead), through the same tests."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alama.core.agreement import agreement
from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.model import NewDocument, Status
from alama.core.store import Store
from alama.core.store.server_store import ServerStore
from alama.core.store.team import AssignmentRow


@pytest.fixture(params=["file", "server"])
def project(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    """A new, empty project with the default labels: a file, or a server project opened as its
    lead."""
    if request.param == "file":
        store: Any = Store.create(tmp_path / "test.alama")
    else:
        store = lead_store(request)
    yield store
    store.close()


def lead_store(request: pytest.FixtureRequest) -> ServerStore:
    from alama.core.store.pg_team import add_lead

    server = request.getfixturevalue("pg_server")
    db = request.getfixturevalue("pg_project")
    ServerStore.create(server.url(db)).close()  # the labels, by the database's owner
    lead = f"store_lead{db.rsplit('_', 1)[1]}"  # one per database: roles are the server's
    with server.connect(db) as admin:
        admin.autocommit = True
        password = add_lead(admin, lead)
    return ServerStore.open(server.url(db, lead, password))


TEXT = "قال وزير الدفاع الأمريكيّ إن القوات ستنسحب من قاعدة التنف قريباً"
OTHER = "أعلنت وزارة الخارجية الروسية أن الوفد سيصل إلى دمشق غداً"
TABLES = (
    "labels", "relation_types", "documents", "annotators", "spans", "status", "rejections",
    "tokens", "assignments", "relations", "relation_rejections", "suggestions",
    "suggestion_rejections", "alama_meta",
)  # fmt: skip


def rows(store: Any) -> dict[str, list[str]]:
    """Every row of every table the store's login reads, to compare before and after."""
    return {
        table: sorted(repr(row) for row in store.conn.execute(f"SELECT * FROM {table}"))
        for table in TABLES
    }


def at(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def fill(store: Any) -> None:
    """The same small project in any store: two documents, three layers, a relation, gold,
    a rejection, a suggestion; span ids given, so that both stores hold the same rows."""
    first, _ = store.add_document(TEXT, doc_id="d1", source="a.txt")
    second, _ = store.add_document(OTHER, doc_id="d2", source="b.txt")
    for name, marks in {
        "amal": [("وزير الدفاع", "ACTOR"), ("التنف", "PLACE")],
        "bilal": [("وزير الدفاع", "ACTOR"), ("قاعدة التنف", "PLACE")],
        "karim": [("وزير الدفاع الأمريكيّ", "ACTOR")],
    }.items():
        for n, (word, label) in enumerate(marks):
            store.add_span(first, name, *at(TEXT, word), label, span_id=f"{name}{n}")
        store.set_status(first, name, Status.DONE)
    store.add_span(second, "amal", *at(OTHER, "دمشق"), "PLACE", span_id="amal9")
    store.add_gold(first, *at(TEXT, "وزير الدفاع"), "ACTOR", "rana", ["amal", "bilal"], "g1")
    store.set_rejected(first, (*at(TEXT, "قاعدة التنف"), "PLACE"), "rana")


def test_agreement_and_jsonl_export_are_the_same_from_a_file_and_a_server(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    with Store.create(tmp_path / "p.alama") as file, lead_store(request) as server:
        fill(file)
        fill(server)
        figures = [json.dumps(agreement(store), sort_keys=True) for store in (file, server)]
        assert figures[0] == figures[1]
        assert json.loads(figures[0])["overall"]["documents"] == 1
        for name, store in (("file", file), ("server", server)):
            export(store, tmp_path / f"{name}.jsonl", fmt="jsonl")
            export(store, tmp_path / f"{name}-gold.jsonl", fmt="jsonl", gold=True)
        for suffix in ("", "-gold"):
            made = [(tmp_path / f"{n}{suffix}.jsonl").read_text() for n in ("file", "server")]
            assert made[0] == made[1] and made[0].count("\n") >= 1
        assert file.counts() == server.counts()
        assert file.layers() == server.layers()
        assert file.rejections(1) == server.rejections(1)


def test_assignments_and_guidelines_on_both(project: Any) -> None:
    first, _ = project.add_document(TEXT)
    second, _ = project.add_document(OTHER)
    stamp = "2026-01-01T00:00:00.000+00:00"
    project.put_assignment_rows(
        [
            AssignmentRow(first, "amal", 1, stamp, None),
            AssignmentRow(second, "amal", 0, stamp, None),
        ]
    )
    project.put_assignment_rows([AssignmentRow(first, "bilal", 1, stamp, None)])
    assert project.assignments() == {first: {"amal": True, "bilal": True}, second: {"amal": False}}
    assert project.assigned_documents("amal") == [first, second]
    project.put_assignment_rows([AssignmentRow(second, "amal", 0, stamp, stamp)])
    assert project.assigned_documents("amal") == [first]
    assert len(project.assignment_rows("amal")) == 2  # the removal is kept, for merging
    project.set_guidelines("# Mark every actor")
    assert project.guidelines() == "# Mark every actor"
    project.add_span(first, "amal", 4, 8, "ACTOR")
    assert project.layer_states_of("amal") == {first: Status.IN_PROGRESS}
    assert project.last_activity("amal") is not None


def test_labels_change_names_and_grow_but_one_in_use_stays_on_both(project: Any) -> None:
    from alama.core.labels import Label, LabelSet

    doc, _ = project.add_document(TEXT)
    project.add_span(doc, "amal", 4, 8, "ACTOR")
    default = project.labels()
    renamed = [
        Label(lb.key, lb.name_ar, lb.name_en.upper(), lb.shortcut, lb.color) for lb in default
    ]
    cue = Label("CUE", "إشارة", "Cue", "4", "#777777")
    project.set_labels(LabelSet([*renamed, cue], default.relations))
    assert project.labels().keys == [*default.keys, "CUE"]
    assert next(lb.name_en for lb in project.labels()) == "ACTOR"
    before = rows(project)
    with pytest.raises(InputError, match="labels in use cannot be removed: ACTOR"):
        project.set_labels(LabelSet([cue], ()))
    assert rows(project) == before


def test_suggestions_stored_replaced_and_rejected_on_both(project: Any) -> None:
    from alama.core.suggest import Suggestion

    doc, _ = project.add_document(OTHER)
    place = Suggestion(doc, *at(OTHER, "دمشق"), "PLACE", "gazetteer", 1.0)
    actor = Suggestion(doc, *at(OTHER, "وزارة الخارجية"), "ACTOR", "model", 0.75)
    assert (
        project.put_suggestions("amal", [doc], [place, actor, place], ["gazetteer", "model"]) == 2
    )
    assert project.stored_suggestions(doc, "amal") == [actor, place]
    assert project.put_suggestions("amal", [doc], [place], ["model"]) == 0  # model's went
    assert project.stored_suggestions(doc, "amal") == [place]
    assert project.suggested_documents("amal") == {doc: 1}
    assert project.set_phrase_rejected(doc, "amal", "دمشق", "PLACE")
    assert not project.set_phrase_rejected(doc, "amal", "دمشق", "PLACE")  # already
    assert project.rejected_phrases(doc, "amal") == {("دمشق", "PLACE")}
    assert (
        project.put_suggestion_rejection_rows(
            [(doc, "amal", "دمشق", "PLACE", "x"), (doc, "bilal", "دمشق", "PLACE", "y")]
        )
        == 1
    )
    assert project.clear_suggestions("amal") == 1 and project.suggestion_count() == 0


def test_a_refused_write_changes_nothing_and_is_one_line(project: Any) -> None:
    doc, _ = project.add_document(TEXT)
    project.add_span(doc, "amal", 4, 8, "ACTOR")
    before = rows(project)
    with pytest.raises(InputError) as raised, project.transaction():
        project.add_span(doc, "amal", 0, 3, "ACTOR")
        project.set_status(doc, "amal", Status.DONE)
        project.add_span(doc, "amal", 0, 3, "NO_SUCH_LABEL")
    assert "\n" not in str(raised.value)
    assert rows(project) == before


def test_whole_rows_read_from_a_file_are_written_to_a_server_as_they_are(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """What a merge reads and writes (sync rows), from a file into a server project."""
    with Store.create(tmp_path / "p.alama") as file, lead_store(request) as server:
        fill(file)
        claim = file.add_span(1, "amal", *at(TEXT, "ستنسحب"), "CLAIM", span_id="c1")
        file.add_relation(1, "amal", claim.id, "amal0", "said_by")
        file.delete_span("amal1")
        file.set_relation_rejected(1, "some-key", "rana")
        server.add_documents(
            [NewDocument(d.text, d.source, d.doc_id) for d in file.iter_documents()]
        )
        server.put_spans(list(file.all_spans()))
        server.put_status_rows(file.status_rows())
        server.put_rejection_rows(file.rejection_rows())
        server.put_relations(list(file.relation_rows()))
        server.put_relation_rejection_rows(file.relation_rejection_rows())
        for read in (
            lambda s: list(s.all_spans()),
            lambda s: s.status_rows(),
            lambda s: s.rejection_rows(),
            lambda s: list(s.relation_rows()),
            lambda s: s.relation_rejection_rows(),
            lambda s: list(s.iter_span_keys()),
            lambda s: s.layer_versions("amal"),
            lambda s: list(s.finished()),
            lambda s: s.layer_names(),
            lambda s: [(*f[:4], f.finishers) for f in s.iter_finished()],
            lambda s: sorted(s.layer_keys_of(s.document_lengths())),
            lambda s: [(d.doc, d.layers) for d in s.iter_document_layers()],
            lambda s: s.document_hashes(),
            lambda s: [k[:4] for k in s.document_keys()],
            lambda s: s.relations_of_spans(["c1", "amal0"]),
            lambda s: s.documents_with_relations(),
            lambda s: s.relations_with_dead_ends(),
            lambda s: s.spans_by_id(["amal0", "amal1", "g1"]),
            lambda s: s.layer_states(1),
            lambda s: s.document_rows([1, 2], "amal"),
            lambda s: s.count_in_state("amal", Status.DONE),
            lambda s: s.finished_documents(),
            lambda s: s.origin_counts(),
        ):
            assert read(file) == read(server)
        server.put_spans(list(file.all_spans()))  # the same versions again: nothing changes
        assert list(server.all_spans()) == list(file.all_spans())
        server.backup_into(tmp_path / "copy.alama")  # what a handout cuts down
        with Store.open(tmp_path / "copy.alama") as copy:
            assert rows(copy) == rows(server)


# --- the existing store tests, on both stores -------------------------------------------------
# (imported: each runs here with this module's `project`, a file and a server project)

from tests.core.test_editing import (  # noqa: E402
    doc,
    test_a_batch_failing_half_way_can_be_applied_again,
    test_accept_agreed_is_one_step,
    test_accepting_a_rejected_candidate_takes_the_rejection_back_and_undo_restores_it,
    test_change_and_delete_are_taken_back,
    test_changes_combine_and_update_a_list_of_spans,
    test_gold_needs_a_reviewer_and_layers_refuse_one,
    test_label_then_undo_then_redo_brings_the_same_span_back,
    test_rejecting_takes_the_gold_span_out_and_undo_puts_it_back,
    test_set_status_undo_restores_the_status_it_had,
    test_undoing_a_later_span_keeps_the_document_in_progress,
)
from tests.core.test_relations import (  # noqa: E402
    test_deleting_a_span_takes_its_links_and_undo_brings_both_back,
    test_linking_and_every_edit_applies_and_takes_back,
    test_rejecting_a_gold_span_takes_its_gold_links,
    test_relabelling_a_span_its_link_no_longer_fits_takes_the_link,
    test_relation_agreement_against_hand_computed_figures,
    test_relations_are_review_candidates_accepted_with_their_spans,
    test_the_default_registry_links_a_claim_to_its_actor_with_a_stance,
)
from tests.core.test_store import (  # noqa: E402
    test_a_failed_transaction_leaves_nothing,
    test_bad_annotator_names,
    test_bad_spans_are_refused,
    test_change_span_moves_and_relabels,
    test_delete_keeps_a_tombstone_and_restore_brings_the_span_back,
    test_doc_ids_stay_unique,
    test_many_documents_and_layers_at_once,
    test_same_text_is_one_document,
    test_search_ignores_diacritics_hamza_and_tatweel,
    test_status_per_annotator,
    test_the_document_list_reads_ids_then_pages,
)
from tests.core.test_suggestion_store import (  # noqa: E402
    test_accept_all_of_a_label_is_one_step,
    test_accepting_keeps_the_source_and_undo_brings_the_suggestion_back,
    test_rejecting_keeps_the_string_out_in_this_document_only,
)

__all__ = [
    "doc",
    "test_a_batch_failing_half_way_can_be_applied_again",
    "test_a_failed_transaction_leaves_nothing",
    "test_accept_agreed_is_one_step",
    "test_accept_all_of_a_label_is_one_step",
    "test_accepting_a_rejected_candidate_takes_the_rejection_back_and_undo_restores_it",
    "test_accepting_keeps_the_source_and_undo_brings_the_suggestion_back",
    "test_bad_annotator_names",
    "test_bad_spans_are_refused",
    "test_change_and_delete_are_taken_back",
    "test_change_span_moves_and_relabels",
    "test_changes_combine_and_update_a_list_of_spans",
    "test_delete_keeps_a_tombstone_and_restore_brings_the_span_back",
    "test_deleting_a_span_takes_its_links_and_undo_brings_both_back",
    "test_doc_ids_stay_unique",
    "test_gold_needs_a_reviewer_and_layers_refuse_one",
    "test_label_then_undo_then_redo_brings_the_same_span_back",
    "test_linking_and_every_edit_applies_and_takes_back",
    "test_many_documents_and_layers_at_once",
    "test_rejecting_a_gold_span_takes_its_gold_links",
    "test_rejecting_keeps_the_string_out_in_this_document_only",
    "test_rejecting_takes_the_gold_span_out_and_undo_puts_it_back",
    "test_relabelling_a_span_its_link_no_longer_fits_takes_the_link",
    "test_relation_agreement_against_hand_computed_figures",
    "test_relations_are_review_candidates_accepted_with_their_spans",
    "test_same_text_is_one_document",
    "test_search_ignores_diacritics_hamza_and_tatweel",
    "test_set_status_undo_restores_the_status_it_had",
    "test_status_per_annotator",
    "test_the_default_registry_links_a_claim_to_its_actor_with_a_stance",
    "test_the_document_list_reads_ids_then_pages",
    "test_undoing_a_later_span_keeps_the_document_in_progress",
]


def test_boilerplate_regions_and_groups_on_both(project: Any) -> None:
    from alama.core import clean_run

    text = f"عنوان الخبر الأول هنا\n\n{TEXT}\n\nمقالات ذات صلة\n\n{OTHER}"
    doc, _ = project.add_document(text, doc_id="r1")
    project.add_document(f"عنوان آخر مختلف تماماً\n\n{TEXT} {OTHER}", doc_id="r2")
    clean_run.detect_boilerplate(project)
    (region,) = project.regions(doc)
    assert (region.kind, region.start, region.end) == (
        "related_articles",
        text.index("مقا"),
        len(text),
    )
    at = text.index("مقالات")
    with pytest.raises(InputError, match="inside boilerplate"):
        project.add_span(doc, "amal", at, at + 6, "ACTOR")
    clean_run.mark(project, "r1:5-7", False, "lead")
    clean_run.detect_boilerplate(project)
    assert not project.regions(doc)
    project.add_span(doc, "amal", at, at + 6, "ACTOR")
    project.put_duplicate_groups({doc: (doc, 1.0), doc + 1: (doc, 0.8)})
    assert project.duplicate_groups() == {doc: [doc, doc + 1]}
