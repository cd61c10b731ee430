"""The project file: opening, refusing what is not a project, spans, tombstones, status, search."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from alama.core.errors import InputError, ProjectError
from alama.core.labels import LabelSet
from alama.core.model import NewDocument, Status, new_span_id
from alama.core.store import Store

TEXT = "قال وزير الدفاع الأمريكيّ إن القوات ستنسحب من قاعدة التنف 😀 قريباً"


def test_a_new_project_uses_wal_foreign_keys_and_the_default_labels(project: Store) -> None:
    assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.labels() == LabelSet.default()


def test_create_refuses_to_overwrite(project: Store) -> None:
    with pytest.raises(ProjectError, match="already exists"):
        Store.create(project.path)


def test_every_action_is_committed_at_once(project: Store) -> None:
    doc, _ = project.add_document(TEXT)
    span = project.add_span(doc, "amal", 4, 8, "ACTOR")
    other = sqlite3.connect(project.path)  # a second reader sees it without any "save"
    assert other.execute("SELECT label FROM spans WHERE id = ?", (span.id,)).fetchone() == (
        "ACTOR",
    )
    other.close()


def test_same_text_is_one_document(project: Store) -> None:
    first, added = project.add_document(TEXT, source="a.txt")
    again, added_again = project.add_document(TEXT, source="b.txt")
    assert (added, added_again) == (True, False)
    assert first == again and project.document_count() == 1


def test_doc_ids_stay_unique(project: Store) -> None:
    a, _ = project.add_document("نص أول", doc_id="article")
    b, _ = project.add_document("نص ثان", doc_id="article")
    assert project.document(a).doc_id == "article"
    assert project.document(b).doc_id.startswith("article-")


def test_delete_keeps_a_tombstone_and_restore_brings_the_span_back(project: Store) -> None:
    doc, _ = project.add_document(TEXT)
    span = project.add_span(doc, "amal", 4, 8, "ACTOR")
    deleted = project.delete_span(span.id)
    assert deleted.deleted_at is not None
    assert project.spans(doc, "amal") == []
    assert project.span(span.id).deleted_at is not None  # still on file: merges see it
    project.restore_span(span.id)
    assert [s.id for s in project.spans(doc, "amal")] == [span.id]


def test_change_span_moves_and_relabels(project: Store) -> None:
    doc, _ = project.add_document(TEXT)
    span = project.add_span(doc, "amal", 4, 8, "ACTOR")
    moved = project.change_span(span.id, start=4, end=15, label="PLACE")
    assert (moved.start, moved.end, moved.label) == (4, 15, "PLACE")
    assert project.spans(doc)[0].key == (4, 15, "PLACE")


@pytest.mark.parametrize(
    "start, end, label, message",
    [
        (5, 3, "ACTOR", "outside the text"),
        (0, 1000, "ACTOR", "outside the text"),
        (0, 3, "PERSON", "unknown label PERSON"),
    ],
)
def test_bad_spans_are_refused(
    project: Store, start: int, end: int, label: str, message: str
) -> None:
    doc, _ = project.add_document(TEXT)
    with pytest.raises(InputError, match=message):
        project.add_span(doc, "amal", start, end, label)
    assert project.spans(doc) == []


def test_status_per_annotator(project: Store) -> None:
    doc, _ = project.add_document(TEXT)
    assert project.status(doc, "amal") is Status.TODO
    project.add_span(doc, "amal", 4, 8, "ACTOR")
    assert project.status(doc, "amal") is Status.IN_PROGRESS
    assert project.set_status(doc, "amal", Status.DONE) is Status.IN_PROGRESS
    assert project.status(doc, "amal") is Status.DONE
    assert project.status(doc, "bilal") is Status.TODO
    assert project.statuses("amal") == {doc: Status.DONE}


@pytest.mark.parametrize("name", ["", "   ", "@gold", "a\tb", "x" * 65])
def test_bad_annotator_names(project: Store, name: str) -> None:
    with pytest.raises(InputError):
        project.ensure_annotator(name)


def test_search_ignores_diacritics_hamza_and_tatweel(project: Store) -> None:
    hit, _ = project.add_document(TEXT)
    project.add_document("خبر آخر عن الطقس في عمّان")
    assert project.search("الامريكي") == [hit]
    assert project.search("الأمريكيّ") == [hit]
    assert project.search("التـنـف") == [hit]
    assert project.search("عمان") != [hit] and len(project.search("عمان")) == 1
    assert project.search("50%") == []


def test_documents_added_after_a_search_are_found_by_the_next(project: Store) -> None:
    first, _ = project.add_document(TEXT)
    assert project.unindexed() == 1
    assert project.search("التنف") == [first]
    assert project.unindexed() == 0
    added = project.add_documents([NewDocument(f"التنف {n}") for n in range(3)])
    assert project.unindexed() == 3
    assert project.search("التنف") == [first, *(doc for doc, _ in added)]
    assert project.index_for_search() == 0


def test_many_documents_and_layers_at_once(project: Store) -> None:
    """The batch writers an import uses: duplicates within the batch and against the project are
    skipped, and a bad span stops the whole batch with its reason."""
    known, _ = project.add_document(TEXT)
    added = project.add_documents([NewDocument("نص أول"), NewDocument(TEXT), NewDocument("نص أول")])
    assert [new for _, new in added] == [True, False, False]
    assert added[1][0] == known and added[0][0] == added[2][0]
    project.add_span(known, "amal", 4, 8, "ACTOR")
    counts = project.add_layers(
        [
            (known, "amal", [(4, 8, "ACTOR"), (9, 15, "ACTOR"), (9, 15, "ACTOR")]),
            (added[0][0], "bilal", [(0, 2, "PLACE")]),
            (known, "amal", [(9, 15, "ACTOR"), (16, 24, "PLACE")]),
        ]
    )
    assert counts == [1, 1, 1]
    assert [s.key for s in project.spans(known, "amal")] == [
        (4, 8, "ACTOR"), (9, 15, "ACTOR"), (16, 24, "PLACE")
    ]  # fmt: skip
    assert project.status(added[0][0], "bilal") is Status.IN_PROGRESS
    before = project.counts()
    with pytest.raises(InputError, match="outside the text"):
        project.add_layers(
            [(known, "amal", [(30, 31, "ACTOR")]), (known, "bilal", [(0, 999, "ACTOR")])]
        )
    with pytest.raises(InputError, match="no document with id 999"):
        project.add_layers([(999, "amal", [])])
    assert project.counts() == before


def test_the_document_list_reads_ids_then_pages(project: Store) -> None:
    """What the window's lazy document list asks: ids in order (per state), then a page."""
    docs = [doc for doc, _ in project.add_documents([NewDocument(f"خبر {n}") for n in range(5)])]
    project.set_statuses([(docs[1], "amal", Status.DONE), (docs[3], "amal", Status.IN_PROGRESS)])
    assert project.document_ids() == docs
    assert project.document_ids("amal", Status.DONE) == [docs[1]]
    assert project.document_ids("amal", Status.TODO) == [docs[0], docs[2], docs[4]]
    assert project.document_ids("bilal", Status.TODO) == docs
    rows = project.document_rows(docs[1:4], "amal")
    assert [rows[d][1:] for d in docs[1:4]] == [
        ("خبر 1", Status.DONE), ("خبر 2", Status.TODO), ("خبر 3", Status.IN_PROGRESS)
    ]  # fmt: skip
    assert project.count_in_state("amal", Status.DONE) == 1
    assert project.find_document(rows[docs[2]][0]) == docs[2]
    assert project.find_document("nothing") is None


def test_new_span_ids_are_unique_and_in_creation_order() -> None:
    ids = [new_span_id() for _ in range(3)] + list(new_span_id.take(1000))
    assert len(set(ids)) == len(ids) == 1003
    assert ids == sorted(ids)
    assert all(len(i) == 32 and int(i, 16) >= 0 for i in ids)


def test_reopening_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = store.add_document(TEXT)
        store.add_span(doc, "amal", 4, 8, "ACTOR")
    with Store.open(path) as store:
        assert [s.key for s in store.spans(doc)] == [(4, 8, "ACTOR")]
        assert store.document(doc).text == TEXT


def test_a_failed_transaction_leaves_nothing(project: Store) -> None:
    with pytest.raises(InputError), project.transaction():
        project.add_document("نص")
        raise InputError("stop")
    assert project.document_count() == 0


# --- refusing files that are not projects --------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="no such project"):
        Store.open(tmp_path / "nope.alama")
    assert not (tmp_path / "nope.alama").exists()


def test_text_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "notes.alama"
    path.write_text("مرحبا", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a SQLite database"):
        Store.open(path)
    assert path.read_text(encoding="utf-8") == "مرحبا"


def test_other_sqlite_file_is_not_a_project_and_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE things (x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="not an Alama project"):
        Store.open(path)
    assert path.read_bytes() == before
    assert not Path(str(path) + "-wal").exists()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.alama"
    Store.create(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('alama', '0099_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="newer version of Alama"):
        Store.open(path)
