"""What only a server project does: its logins' rights, its locks, its lost connections, its
change counter; and any sequence of edits giving the same project on a file and a server."""

from __future__ import annotations

import itertools
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from alama.core.editing import AddSpan, Edit
from alama.core.errors import InputError, ProjectBusy, ProjectError
from alama.core.exporting import export
from alama.core.model import Status
from alama.core.store import Store
from alama.core.store.server_store import ServerStore
from alama.core.store.team import AssignmentRow
from tests.core.test_editing import TEXT as EDITED
from tests.core.test_editing import actions, build
from tests.core.test_server_store import OTHER, TEXT, at, lead_store, rows

_texts = itertools.count(1)


def seen(store: Any, doc: int) -> tuple[object, ...]:
    """What a user sees of a document, without the ids the program made."""
    spans = sorted((s.annotator, s.key, s.agreed, s.reviewer, s.origin) for s in store.spans(doc))
    return spans, store.layer_states(doc), store.rejections(doc)


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=actions())
def test_any_sequence_of_edits_and_undos_gives_the_same_on_a_file_and_a_server(
    tmp_path_factory: pytest.TempPathFactory,
    request: pytest.FixtureRequest,
    steps: list[tuple[str, ...]],
) -> None:
    stores = getattr(request.node, "_stores", None)
    if stores is None:  # one file and one server project for every example: a document each
        stores = request.node._stores = (
            Store.create(tmp_path_factory.mktemp("edits") / "p.alama"),
            lead_store(request),
        )
        request.addfinalizer(lambda: [store.close() for store in stores])
    text = f"{EDITED} {next(_texts)}"  # the same offsets, another document
    docs = [store.add_document(text)[0] for store in stores]
    done: list[list[Edit]] = [[], []]
    for step in steps:
        for n, (store, doc) in enumerate(zip(stores, docs, strict=True)):
            edit = build(store, doc, step)
            if edit is not None:
                edit.apply(store)
                done[n].append(edit)
        assert seen(stores[0], docs[0]) == seen(stores[1], docs[1])
    for file_edit, server_edit in zip(reversed(done[0]), reversed(done[1]), strict=True):
        file_edit.inverse().apply(stores[0])
        server_edit.inverse().apply(stores[1])
        assert seen(stores[0], docs[0]) == seen(stores[1], docs[1])


def test_the_server_store_refuses_what_only_a_file_does(request: pytest.FixtureRequest) -> None:
    """Cutting a file down in place and attaching merge sources; a copy into a file works."""
    with lead_store(request) as store:
        with pytest.raises(InputError, match="works on a project file, not on a server"):
            store.keep_only("amal", [1])
        with pytest.raises(InputError, match="project file"), store.reading_sources():
            pass


def test_a_row_another_person_writes_makes_the_server_busy_not_stuck(
    request: pytest.FixtureRequest, pg_server: Any, pg_project: str
) -> None:
    with lead_store(request) as lead:
        doc, _ = lead.add_document(TEXT)
        lead.set_status(doc, "amal", Status.IN_PROGRESS)
        with ServerStore.open(lead.url) as other:
            other.wait_for_lock(0.2)
            with lead.transaction():
                lead.set_status(doc, "amal", Status.DONE)  # holds the row until the commit
                with pytest.raises(ProjectBusy, match="busy"):
                    other.set_status(doc, "amal", Status.TODO)
            assert other.status(doc, "amal") is Status.DONE
            reader = ServerStore.read_only(lead.url)
            with pytest.raises(ProjectError, match="only to be read"):
                reader.set_status(doc, "amal", Status.TODO)
            reader.close()


def test_an_annotator_writes_their_own_layer_only(
    request: pytest.FixtureRequest, pg_server: Any, pg_project: str, tmp_path: Path
) -> None:
    from alama.core.store.pg_team import add_annotator

    with lead_store(request) as lead:
        mine, _ = lead.add_document(TEXT)
        hidden, _ = lead.add_document(OTHER)
        n = pg_project.rsplit("_", 1)[1]
        amal, basel = f"سلمى{n}", f"store_basel{n}"
        password = add_annotator(lead.pg, amal)
        add_annotator(lead.pg, basel)
        stamp = "2026-01-01T00:00:00.000+00:00"
        lead.put_assignment_rows(
            [AssignmentRow(mine, amal, 1, stamp, None), AssignmentRow(mine, basel, 1, stamp, None)]
        )
        theirs = lead.add_span(mine, basel, 4, 8, "ACTOR")
        with ServerStore.open(pg_server.url(pg_project, amal, password)) as store:
            assert store.document_ids() == [mine]  # the other document is not theirs
            assert store.spans(mine) == []  # Basel's layer is hidden
            edit = AddSpan(mine, amal, *at(TEXT, "وزير الدفاع"), "ACTOR")
            edit.apply(store)
            assert [sp.annotator for sp in store.spans(mine)] == [amal]
            store.set_status(mine, amal, Status.DONE)
            before = rows(lead)
            for write in (
                lambda: store.add_span(mine, basel, 0, 3, "ACTOR"),
                lambda: store.set_status(mine, basel, Status.DONE),
                lambda: store.add_gold(mine, 0, 3, "ACTOR", amal),
                lambda: store.add_span(hidden, amal, 0, 3, "ACTOR"),
                lambda: store.set_guidelines("mine now"),
                lambda: store.delete_span(theirs.id),
            ):
                with pytest.raises(InputError) as raised:
                    write()
                assert "\n" not in str(raised.value)
            assert rows(lead) == before
            assert lead.span(theirs.id).deleted_at is None
            assert store.search("الدفاع") == [mine]  # through their documents' search copy
            export(store, tmp_path / "mine.jsonl", fmt="jsonl")  # their own part, to read
            (line,) = (tmp_path / "mine.jsonl").read_text(encoding="utf-8").splitlines()
            assert basel not in line and amal in line


def test_a_lost_connection_is_made_again_and_said(
    request: pytest.FixtureRequest, pg_server: Any, pg_project: str
) -> None:
    with lead_store(request) as store:
        doc, _ = store.add_document(TEXT)
        told: list[bool] = []
        store.on_connected = told.append
        store.wait_for_lock(2.5)
        for action in (
            lambda: store.add_span(doc, "amal", 4, 8, "ACTOR"),  # a transaction
            lambda: store.spans(doc),  # a statement alone
        ):
            pid = store.pg.info.backend_pid
            with pg_server.connect(pg_project) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
                admin.commit()
            action()
            assert store.pg.info.backend_pid != pid
        assert told == [False, True, False, True]
        assert [sp.label for sp in store.spans(doc)] == ["ACTOR"]  # done once
        assert store.pg.execute("SHOW lock_timeout").fetchone()[0] == "2500ms"


def test_another_connections_commit_changes_the_data_version(
    request: pytest.FixtureRequest,
) -> None:
    with lead_store(request) as store, ServerStore.open(store.url) as other:
        doc, _ = store.add_document(TEXT)
        seen = other.data_version()
        other.add_span(doc, "bilal", 0, 3, "ACTOR")  # its own change
        time.sleep(0.2)
        assert other.data_version() == seen
        store.add_span(doc, "amal", 4, 8, "ACTOR")
        for _ in range(50):
            if other.data_version() != seen:
                break
            time.sleep(0.02)
        assert other.data_version() != seen


def test_opening_refuses_in_one_line_without_the_password(pg_server: Any, pg_project: str) -> None:
    pg_server.create_database(f"{pg_project}_bare")
    with pytest.raises(ProjectError, match="not an Alama project") as raised:
        ServerStore.open(pg_server.url(f"{pg_project}_bare"))
    assert pg_server.password not in str(raised.value)
    with pytest.raises(ProjectError, match="could not connect") as raised:
        ServerStore.open(pg_server.url(pg_project, "postgres", "wrong-secret"))
    assert "wrong-secret" not in str(raised.value) and "\n" not in str(raised.value)
    with pg_server.connect(pg_project) as admin:
        admin.execute("DELETE FROM alama_migrations WHERE name = 'server_0002_changes'")
        admin.commit()
    with pytest.raises(ProjectError, match="older Alama: ask the lead to run alama init"):
        ServerStore.open(pg_server.url(pg_project))
