"""Live: a program listening on a server project is told each committed change (the table and
the document, once per transaction), and nothing of a write the server refused."""

from __future__ import annotations

import pytest
from psycopg.errors import InsufficientPrivilege

from alama.core.store.pg_changes import Change, listen, parse, received
from tests.core import server_team
from tests.core.server_team import GOLD, STAMP, Team, span_sql

pytestmark = pytest.mark.slow
team = server_team.team  # the fixture


def test_a_listener_is_told_each_committed_change_once(team: Team) -> None:
    with team.login(team.lead) as window, team.login(team.amal) as amal:
        listen(window)
        assert received(window) == []
        with amal.transaction():
            for n in range(3):
                amal.execute(*span_sql(1, team.amal, f"a{n}"))
            amal.execute("INSERT INTO status VALUES (1, %s, 'done', %s)", (team.amal, STAMP))
        told = received(window, timeout=5)
        assert told == [Change("spans", 1), Change("status", 1)]
        window.execute("UPDATE labels SET color = '#abcdef'")
        assert received(window, timeout=5) == [Change("labels", None)]


def test_a_refused_or_rolled_back_write_tells_nothing(team: Team) -> None:
    with team.login(team.rana) as window, team.login(team.amal) as amal:
        listen(window)
        with pytest.raises(InsufficientPrivilege):
            amal.execute(*span_sql(1, GOLD))
        with pytest.raises(RuntimeError), amal.transaction():
            amal.execute(*span_sql(1, team.amal))
            raise RuntimeError("the window closed mid-action")
        assert received(window, timeout=0.5) == []


def test_a_message_names_a_table_and_a_document_only() -> None:
    assert parse("spans 12") == Change("spans", 12)
    assert parse("documents") == Change("documents", None)
