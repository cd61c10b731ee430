"""A lost connection to the server: the action is tried again on a new connection, nothing is
lost or written twice, the window is told while the server cannot be reached, and an answer
from the server (a refused write) is not mistaken for a lost line."""

from __future__ import annotations

import pytest
from psycopg.errors import InsufficientPrivilege

from alama.core.errors import ProjectError
from alama.core.store.pg_session import ServerSession
from tests.core import server_team
from tests.core.server_team import GOLD, Team, span_sql

pytestmark = pytest.mark.slow
team = server_team.team  # the fixture

IDEMPOTENT = " ON CONFLICT (id) DO NOTHING"


def session_of(team: Team, person: str, told: list[bool]) -> ServerSession:
    url = team.server.url(team.db, person, team.passwords[person])
    return ServerSession(url, on_connected=told.append)


def end_session(team: Team, pid: int) -> None:
    """What a restarted server or an administrator does to a connection."""
    with team.server.connect(team.db) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (pid,))


def layer(team: Team) -> list[tuple[str]]:
    with team.login(team.lead) as lead:
        return lead.execute("SELECT id FROM spans ORDER BY id").fetchall()


def test_an_action_after_the_connection_was_lost_is_done_on_a_new_one(team: Team) -> None:
    told: list[bool] = []
    session = session_of(team, team.amal, told)
    query, params = span_sql(1, team.amal, "first")
    session.run(lambda conn: conn.execute(query + IDEMPOTENT, params))
    end_session(team, session.connection.info.backend_pid)
    query, params = span_sql(1, team.amal, "second")
    session.run(lambda conn: conn.execute(query + IDEMPOTENT, params))
    session.close()
    assert layer(team) == [("first",), ("second",)]
    assert told == [False, True]


def test_an_action_cut_in_the_middle_is_done_once(team: Team) -> None:
    told: list[bool] = []
    session = session_of(team, team.amal, told)
    calls = []

    def action(conn) -> None:
        calls.append(conn.info.backend_pid)
        conn.execute(*span_sql(1, team.amal, "cut"))
        if len(calls) == 1:
            end_session(team, conn.info.backend_pid)  # the line drops mid-action
        conn.execute(*span_sql(1, team.amal, "cut-too"))

    session.run(action)
    session.close()
    assert len(calls) == 2 and calls[0] != calls[1]
    assert layer(team) == [("cut",), ("cut-too",)]


def test_a_refused_write_is_the_servers_answer_not_a_lost_line(team: Team) -> None:
    told: list[bool] = []
    session = session_of(team, team.amal, told)
    calls = []

    def forbidden(conn) -> None:
        calls.append(1)
        conn.execute(*span_sql(1, GOLD))

    with pytest.raises(InsufficientPrivilege):
        session.run(forbidden)
    session.close()
    assert calls == [1] and told == []


def test_a_server_that_stays_away_is_one_line_and_the_window_is_told(team: Team) -> None:
    told: list[bool] = []
    url = team.server.url(team.db, team.amal, team.passwords[team.amal])
    session = ServerSession(url.replace("socket", "gone"), on_connected=told.append)
    with pytest.raises(ProjectError, match="could not connect to"):
        session.run(lambda conn: conn.execute("SELECT 1"))
    assert told == [False]
