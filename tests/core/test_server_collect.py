"""Collecting a layer worked on offline into the server: an annotator's changes arrive (a
tombstone too), the newer version wins, collecting twice changes nothing, other layers in the
file are left out, and what the server does not let the person write is refused whole."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from alama.core.errors import ProjectError
from alama.core.model import Status
from alama.core.store import Store
from alama.core.store.pg_collect import collect
from alama.core.store.pg_team import add_annotator, add_lead
from alama.core.store.pg_transfer import to_file, to_server
from tests.core.test_server_transfer import filled

pytestmark = pytest.mark.slow


@pytest.fixture
def offline(pg_server, pg_project, tmp_path: Path):
    """A server project lifted from a file; Amal's copy of her part, taken to work offline."""
    amal, basel, rana = (f"{name}_{pg_project}" for name in ("amal", "basel", "rana"))
    source, copy = tmp_path / "team.alama", tmp_path / "amal.alama"
    filled(source, amal, basel, rana)
    with Store.open(source) as store, pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        to_server(store, conn, pg_project)
        passwords = {amal: add_annotator(conn, amal), f"lead_{pg_project}": ""}
        passwords[f"lead_{pg_project}"] = add_lead(conn, f"lead_{pg_project}")
    login = {
        "amal": lambda: pg_server.connect(pg_project, amal, passwords[amal]),
        "lead": lambda: pg_server.connect(
            pg_project, f"lead_{pg_project}", passwords[f"lead_{pg_project}"]
        ),
    }
    with login["amal"]() as conn:
        conn.autocommit = True
        to_file(conn, copy)
    return copy, login, amal, basel


def server_spans(login, who: str = "lead") -> dict[str, tuple[object, ...]]:
    with login[who]() as conn:
        rows = conn.execute("SELECT id, annotator, label, deleted_at FROM spans").fetchall()
    return {row[0]: row[1:] for row in rows}


def test_offline_work_is_collected_and_collecting_again_changes_nothing(offline) -> None:
    copy, login, amal, _ = offline
    before = server_spans(login)
    with Store.open(copy) as store:
        place = store.add_span(1, amal, 14, 19, "PLACE")
        actor = next(sp for sp in store.spans(1, amal) if sp.label == "ACTOR")
        store.delete_span(actor.id)
        store.set_phrase_rejected(1, amal, "الحكومة", "ACTOR")
    with Store.open(copy) as store, login["amal"]() as conn:
        conn.autocommit = True
        first = collect(store, conn, "the server")
        again = collect(store, conn, "the server")
    assert (first.spans, first.rejected_phrases, first.left_out) == (2, 1, {})
    assert (again.spans, again.relations, again.statuses, again.rejected_phrases) == (0, 0, 0, 0)
    after = server_spans(login)
    assert after[place.id] == (amal, "PLACE", None)
    assert after[actor.id][2] is not None  # the deletion arrived as a tombstone
    assert {k: v for k, v in after.items() if v[0] != amal} == {
        k: v for k, v in before.items() if v[0] != amal
    }, "nobody else's layer changed"


def test_the_newer_version_wins(offline) -> None:
    copy, login, amal, _ = offline
    with Store.open(copy) as store:
        claim = next(sp for sp in store.spans(1, amal) if sp.label == "CLAIM")
        store.delete_span(claim.id)  # offline, first
    with login["amal"]() as conn:  # then online, later
        conn.execute(
            "UPDATE spans SET label = 'PLACE', updated_at = %s WHERE id = %s",
            # later than the offline deletion, yet not in the future the server refuses
            (
                (datetime.now(UTC) + timedelta(hours=1)).isoformat(timespec="milliseconds"),
                claim.id,
            ),
        )
        conn.commit()
    with Store.open(copy) as store, login["amal"]() as conn:
        conn.autocommit = True
        report = collect(store, conn, "the server")
    assert report.spans == 0
    assert server_spans(login)[claim.id] == (amal, "PLACE", None)


def test_other_layers_in_the_file_are_left_out_and_a_layer_not_hers_is_refused(offline) -> None:
    copy, login, amal, basel = offline
    with Store.open(copy) as store:
        mine = store.add_span(1, amal, 14, 19, "PLACE")
        forged = store.add_span(1, basel, 14, 19, "PLACE")
    with Store.open(copy) as store, login["amal"]() as conn:
        conn.autocommit = True
        report = collect(store, conn, "the server")
        assert report.left_out == {basel: 1} and report.spans == 1
        with pytest.raises(ProjectError, match="refused the layer"):
            collect(store, conn, "the server", layer=basel)
    spans = server_spans(login)
    assert mine.id in spans and forged.id not in spans
    with Store.open(copy) as store, login["lead"]() as conn:  # the lead may take it
        conn.autocommit = True
        assert collect(store, conn, "the server", layer=basel).spans == 1


def test_a_version_from_the_future_is_refused_and_nothing_is_written(offline) -> None:
    copy, login, amal, _ = offline
    with Store.open(copy) as store:
        store.set_status(1, amal, Status.IN_PROGRESS)
        late = store.add_span(1, amal, 14, 19, "PLACE")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE spans SET updated_at = '2999-01-01T00:00:00.000+00:00' WHERE id = ?",
                 (late.id,))  # fmt: skip
    conn.commit()
    conn.close()
    with Store.open(copy) as store, login["amal"]() as server:
        server.autocommit = True
        with pytest.raises(ProjectError, match="dated in the future"):
            collect(store, server, "the server")
    assert late.id not in server_spans(login)


def test_a_label_the_server_lacks_is_one_line_and_nothing_is_written(offline) -> None:
    copy, login, amal, _ = offline
    conn = sqlite3.connect(copy)
    conn.execute("INSERT INTO labels VALUES ('EVENT', 'حدث', 'Event', '', '#000000', '', 9)")
    conn.commit()
    conn.close()
    with Store.open(copy) as store:
        first = store.add_span(1, amal, 14, 19, "PLACE")
        store.add_span(1, amal, 20, 22, "EVENT")
    with Store.open(copy) as store, login["amal"]() as server:
        server.autocommit = True
        with pytest.raises(ProjectError, match=r"could not be collected.*foreign key"):
            collect(store, server, "the server")
    assert first.id not in server_spans(login)


def test_review21_a_span_with_the_id_of_another_layers_span_is_refused_whole(offline) -> None:
    """Reviewer's repro: a file's span whose id is another layer's span on the server took that
    span over (its annotator and document changed). Refused in one line, nothing written,
    whether the person sees the other row (the lead) or not (Amal)."""
    copy, login, amal, basel = offline
    before = server_spans(login)
    basels = next(key for key, value in before.items() if value[0] == basel)
    with Store.open(copy) as store:
        first = store.add_span(1, amal, 14, 19, "PLACE")
        thief = store.add_span(1, amal, 20, 22, "PLACE")
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE spans SET id = ? WHERE id = ?", (basels, thief.id))
    conn.commit()
    conn.close()
    for who, layer in (("lead", amal), ("amal", None)):
        with Store.open(copy) as store, login[who]() as server:
            server.autocommit = True
            with pytest.raises(ProjectError) as raised:
                collect(store, server, "the server", layer=layer)
        message = str(raised.value)
        assert f"span {basels} belongs to another document or annotator" in message
        assert "\n" not in message
    after = server_spans(login)
    assert after[basels] == before[basels] and first.id not in after


def test_review21_a_table_locked_forever_makes_collecting_busy_not_hang(
    offline, pg_server, pg_project, monkeypatch
) -> None:
    """Reviewer's repro: an annotator holding LOCK TABLE spans IN ACCESS EXCLUSIVE MODE made
    every other connection wait forever; every connection Alama makes has a lock timeout."""
    from alama.core.errors import ProjectBusy
    from alama.core.store import pg_connect

    copy, login, amal, _ = offline
    monkeypatch.setattr(pg_connect, "LOCK_TIMEOUT_MS", 300)
    with Store.open(copy) as store:
        store.add_span(1, amal, 14, 19, "PLACE")
    with login["amal"]() as holder:
        holder.execute("LOCK TABLE spans IN ACCESS EXCLUSIVE MODE")
        with pg_connect.connect(pg_server.url(pg_project)) as conn:
            assert conn.execute("SHOW lock_timeout").fetchone() == ("300ms",)
            with Store.open(copy) as store, pytest.raises(ProjectBusy, match="is busy"):
                collect(store, conn, "the server", layer=amal)
        holder.rollback()
