"""Moving a project between a file and a server: a file lifted into an empty server project
and written back is the same row for row; an annotator's copy holds their documents and their
own layer only; a copy that fails leaves the server as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from alama.core.errors import ProjectError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store, now
from alama.core.store.pg_team import add_annotator
from alama.core.store.pg_transfer import TABLES, to_file, to_server
from alama.core.store.team import AssignmentRow
from alama.core.suggest import Suggestion

pytestmark = pytest.mark.slow

ARTICLE = "قال الرئيس في بيروت إن الحكومة ستجتمع"
OTHER = "وزير الخارجية في القاهرة"


def filled(path: Path, amal: str, basel: str, rana: str) -> None:
    """A project with a row in every table: layers, a tombstone, a relation, gold, a
    rejection, assignments, suggestions and a rejected one, guidelines, boilerplate regions
    and a duplicate group."""
    with Store.create(path) as store:
        d1, _ = store.add_document(ARTICLE, doc_id="d1", tokens=[(0, 3), (4, 10), (14, 19)])
        d2, _ = store.add_document(OTHER, doc_id="d2", tokens=[(0, 4)])
        actor = store.add_span(d1, amal, 0, 3, "ACTOR")
        claim = store.add_span(d1, amal, 4, 10, "CLAIM")
        store.add_relation(d1, amal, claim.id, actor.id, "said_by")
        store.delete_span(store.add_span(d1, basel, 0, 3, "ACTOR").id)
        store.add_span(d2, basel, 0, 4, "ACTOR")
        store.set_status(d1, amal, Status.DONE)
        store.add_gold(d1, 0, 3, "ACTOR", rana, agreed=[amal])
        store.set_rejected(d1, (4, 10, "CLAIM"), rana)
        store.set_relation_rejected(d1, '[[4, 10, "CLAIM"], [0, 3, "ACTOR"], "said_by"]', rana)
        stamp = now()
        store.put_assignment_rows(
            [
                AssignmentRow(d1, amal, 1, stamp, None),
                AssignmentRow(d1, basel, 1, stamp, None),
                AssignmentRow(d2, basel, 0, stamp, None),
            ]
        )
        store.put_suggestions(
            amal, [d1], [Suggestion(d1, 14, 19, "PLACE", "gazetteer", 0.75)], ["gazetteer"]
        )
        store.set_phrase_rejected(d1, amal, "بيروت", "PLACE")
        store.set_guidelines("ضع ACTOR على من قال")
        store.put_detected_regions({d2: [(5, 12, "repeated_line")]})
        store.mark_region(d1, 20, 25, False, rana)
        store.put_duplicate_groups({d1: (d1, 1.0), d2: (d1, 0.5)})


def rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {table: sorted(conn.execute(f"SELECT * FROM {table}"), key=repr) for table in TABLES}
    finally:
        conn.close()


def test_a_file_moved_to_a_server_and_back_is_the_same_row_for_row(
    pg_server, pg_project, tmp_path: Path
) -> None:
    source, back = tmp_path / "team.alama", tmp_path / "back.alama"
    filled(source, "amal", "basel", "rana")
    with Store.open(source) as store, pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        copied = to_server(store, conn, pg_project)
        found = conn.execute(
            "SELECT doc FROM documents_search WHERE norm LIKE %s", ("%بيروت%",)
        ).fetchall()
        to_file(conn, back)
    assert copied["spans"] == 5 and copied["documents_search"] == 2
    assert found == [(1,)]
    before, after = rows(source), rows(back)
    assert all(before[table] for table in TABLES), "every table had rows to move"
    assert after == before
    with Store.open(back) as store:
        assert store.search("بيروت") == [1]
        assert store.guidelines() == "ضع ACTOR على من قال"


def test_an_annotators_copy_holds_their_documents_and_their_own_layer(
    pg_server, pg_project, tmp_path: Path
) -> None:
    amal, basel, rana = (f"{name}_{pg_project}" for name in ("amal", "basel", "rana"))
    source, mine = tmp_path / "team.alama", tmp_path / "amal.alama"
    filled(source, amal, basel, rana)
    with Store.open(source) as store, pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        to_server(store, conn, pg_project)
        password = add_annotator(conn, amal)
    with pg_server.connect(pg_project, amal, password) as conn:
        conn.autocommit = True
        copied = to_file(conn, mine)
    assert "rejections" not in copied  # a reviewer's, not hers to read
    with Store.open(mine) as store:
        assert store.document_ids() == [1]
        assert {span.annotator for span in store.iter_spans()} == {amal}
        assert len(store.relations(1)) == 1
        assert store.assigned_documents(amal) == [1]
        assert store.layer_states(1) == {amal: Status.DONE}
    assert rows(mine)["rejections"] == []
    assert GOLD_ANNOTATOR not in {row[2] for row in rows(mine)["spans"]}


def test_a_copy_the_server_refuses_leaves_it_as_it_was(
    pg_server, pg_project, tmp_path: Path
) -> None:
    source = tmp_path / "team.alama"
    filled(source, "amal", "basel", "rana")
    conn = sqlite3.connect(source)
    conn.execute("UPDATE spans SET origin = 'man' || char(0) || 'ual' WHERE annotator = 'basel'")
    conn.commit()
    conn.close()
    with Store.open(source) as store, pg_server.connect(pg_project) as server:
        server.autocommit = True
        with pytest.raises(ProjectError, match="could not be moved"):
            to_server(store, server, pg_project)
        assert server.execute("SELECT count(*) FROM documents").fetchone() == (0,)
        assert server.execute("SELECT count(*) FROM labels").fetchone() == (0,)


def test_only_an_empty_server_project_takes_a_file(pg_server, pg_project, tmp_path: Path) -> None:
    source = tmp_path / "team.alama"
    filled(source, "amal", "basel", "rana")
    with Store.open(source) as store, pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        to_server(store, conn, pg_project)
        with pytest.raises(ProjectError, match="already has documents"):
            to_server(store, conn, pg_project)
        assert conn.execute("SELECT count(*) FROM spans").fetchone() == (5,)


def test_the_lead_moves_a_file_to_the_server_and_takes_it_back(
    pg_server, pg_project, tmp_path: Path
) -> None:
    from alama.core.store.pg_team import add_lead

    source, back = tmp_path / "team.alama", tmp_path / "back.alama"
    filled(source, "amal", "basel", "rana")
    lead = f"lead_{pg_project}"
    with pg_server.connect(pg_project) as admin:
        admin.autocommit = True
        password = add_lead(admin, lead)
    with Store.open(source) as store, pg_server.connect(pg_project, lead, password) as conn:
        conn.autocommit = True
        to_server(store, conn, pg_project)
        to_file(conn, back)
    taken = rows(back)
    assert [row[0] for row in taken["annotators"]].count(lead) == 1  # the lead's own name
    taken["annotators"] = [row for row in taken["annotators"] if row[0] != lead]
    assert taken == rows(source)
