"""Security in the database: each person logs in to the test server as their own role, and the
server itself refuses every write their role does not allow (permission denied, or a row that
violates a row-level security policy) and accepts every write it does.

The team: a lead; annotators Amal (an Arabic name, as a role) and Basel; a reviewer Rana.
Document 1 is assigned to both annotators, document 2 to Basel only.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

from alama.core.errors import InputError, ProjectError
from alama.core.store.pg_team import (
    add_annotator,
    add_lead,
    add_reviewer,
    check_role_name,
    team_members,
)
from tests.core import server_team
from tests.core.server_team import GOLD, STAMP, Team, refused, span_sql

pytestmark = pytest.mark.slow
team = server_team.team  # the fixture


def test_an_annotator_writes_their_own_layer_in_documents_assigned_to_them(team: Team) -> None:
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "mine"))
        amal.execute(*span_sql(1, team.amal, "other"))
        amal.execute("UPDATE spans SET deleted_at = %s WHERE id = 'mine'", (STAMP,))
        amal.execute(
            "INSERT INTO status VALUES (1, %s, 'in_progress', %s) ON CONFLICT (doc, annotator) "
            "DO UPDATE SET state = excluded.state",
            (team.amal, STAMP),
        )
        amal.execute("UPDATE status SET state = 'done' WHERE doc = 1")
        amal.execute(
            "INSERT INTO relations (id, doc, annotator, source, target, type, origin, "
            "created_at, updated_at) VALUES ('r1', 1, %s, 'mine', 'other', 'said_by', 'manual', "
            "%s, %s)",
            (team.amal, STAMP, STAMP),
        )
        amal.execute(
            "INSERT INTO suggestions VALUES (1, %s, 0, 4, 'ACTOR', 'gazetteer', 0.9, %s)",
            (team.amal, STAMP),
        )
        amal.execute("DELETE FROM suggestions WHERE doc = 1")
        amal.execute(
            "INSERT INTO suggestion_rejections VALUES (1, %s, 'نص', 'ACTOR', %s)",
            (team.amal, STAMP),
        )
        amal.execute("DELETE FROM status WHERE doc = 1")
        layer = amal.execute("SELECT id, deleted_at FROM spans ORDER BY id").fetchall()
        assert layer == [("mine", STAMP), ("other", None)]
        assert amal.execute("SELECT count(*) FROM suggestion_rejections").fetchone() == (1,)


def test_an_annotator_is_refused_every_write_outside_their_layer(team: Team) -> None:
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "mine"))
        policy = "row-level security policy"
        assert policy in refused(amal, *span_sql(1, team.basel))  # another layer
        assert policy in refused(amal, *span_sql(2, team.amal))  # a document not assigned
        assert policy in refused(amal, *span_sql(1, GOLD))  # gold
        assert policy in refused(
            amal, "UPDATE spans SET annotator = %s WHERE id = 'mine'", (team.basel,)
        )
        assert "permission denied" in refused(amal, "DELETE FROM spans WHERE id = 'mine'")
        assert policy in refused(
            amal, "INSERT INTO status VALUES (1, %s, 'done', %s)", (team.basel, STAMP)
        )
        assert policy in refused(
            amal,
            "INSERT INTO suggestions VALUES (1, '', 0, 4, 'ACTOR', 'gazetteer', 0.9, %s)",
            (STAMP,),
        )
        assert policy in refused(
            amal,
            "INSERT INTO suggestion_rejections VALUES (1, %s, 'نص', 'ACTOR', %s)",
            (team.basel, STAMP),
        )
        assert "permission denied" in refused(
            amal, "INSERT INTO rejections VALUES (1, 0, 4, 'ACTOR', 1, %s, %s)", (team.amal, STAMP)
        )
    with team.login(team.basel) as basel:
        basel.execute(*span_sql(1, team.basel, "basels"))
    with team.login(team.amal) as amal:  # a relation to a span of a layer hidden from her
        assert policy in refused(
            amal,
            "INSERT INTO relations (id, doc, annotator, source, target, type, origin, "
            "created_at, updated_at) VALUES ('r2', 1, %s, 'mine', 'basels', 'said_by', "
            "'manual', %s, %s)",
            (team.amal, STAMP, STAMP),
        )


def test_an_annotator_sees_their_documents_and_their_own_layer_only(team: Team) -> None:
    with team.login(team.basel) as basel:
        basel.execute(*span_sql(1, team.basel, "basels"))
    with team.login(team.rana) as rana:
        rana.execute(*span_sql(1, GOLD, "golden"))
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "amals"))
        assert amal.execute("SELECT id FROM documents").fetchall() == [(1,)]
        assert amal.execute("SELECT doc FROM documents_search").fetchall() == [(1,)]
        assert amal.execute("SELECT id FROM spans").fetchall() == [("amals",)]
        assert amal.execute("SELECT doc, annotator FROM assignments").fetchall() == [(1, team.amal)]
        assert amal.execute("SELECT key FROM labels").fetchall() == [("ACTOR",)]
        hidden = amal.execute("UPDATE spans SET label = 'X' WHERE id = 'basels'")
        assert hidden.rowcount == 0  # not there for her: nothing changed
        assert "permission denied" in refused(amal, "SELECT * FROM rejections")
    with team.login(team.lead) as lead:
        assert lead.execute("SELECT label FROM spans WHERE id = 'basels'").fetchone() == ("ACTOR",)


def test_a_reviewer_writes_gold_and_reads_every_layer(team: Team) -> None:
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "amals"))
    with team.login(team.rana) as rana:
        rana.execute(*span_sql(2, GOLD, "golden"))
        rana.execute("UPDATE spans SET reviewer = %s WHERE id = 'golden'", (team.rana,))
        rana.execute(*span_sql(2, GOLD, "golden2"))
        rana.execute(
            "INSERT INTO relations (id, doc, annotator, source, target, type, origin, "
            "created_at, updated_at) VALUES ('gr', 2, %s, 'golden', 'golden2', 'said_by', "
            "'review', %s, %s)",
            (GOLD, STAMP, STAMP),
        )
        rana.execute(
            "INSERT INTO rejections VALUES (1, 0, 4, 'ACTOR', 1, %s, %s)", (team.rana, STAMP)
        )
        rana.execute("INSERT INTO status VALUES (2, %s, 'done', %s)", (GOLD, STAMP))
        assert rana.execute("SELECT id FROM documents ORDER BY id").fetchall() == [(1,), (2,)]
        assert rana.execute("SELECT id FROM spans ORDER BY id").fetchall() == [
            ("amals",),
            ("golden",),
            ("golden2",),
        ]
        policy = "row-level security policy"
        assert policy in refused(rana, *span_sql(1, team.amal))
        # An annotator's row is not the reviewer's to change: the update reaches no row.
        assert rana.execute("UPDATE spans SET label = 'X' WHERE id = 'amals'").rowcount == 0
        assert policy in refused(
            rana, "INSERT INTO status VALUES (1, %s, 'done', %s)", (team.amal, STAMP)
        )


LEAD_ONLY = [
    (
        "INSERT INTO documents (id, doc_id, hash, title, text, position, created_at) "
        "VALUES (3, 'd3', 'h3', '', 'نص', 3, %s)",
        (STAMP,),
    ),
    ("INSERT INTO assignments (doc, annotator, updated_at) VALUES (2, '{who}', %s)", (STAMP,)),
    ("UPDATE assignments SET removed_at = %s", (STAMP,)),
    ("UPDATE labels SET color = '#000000' WHERE key = 'ACTOR'", ()),
    ("INSERT INTO labels VALUES ('PLACE', 'مكان', 'Place', '', '#00ff00', '', 1)", ()),
    ("INSERT INTO relation_types VALUES ('said_by', 'قال', 'by', '[]', '[]', '[]', '', 0)", ()),
    ("INSERT INTO alama_meta VALUES ('guidelines', 'my own')", ()),
    ("UPDATE documents SET title = 'renamed'", ()),
    ("DELETE FROM tokens", ()),
]


@pytest.mark.parametrize("query, params", LEAD_ONLY, ids=lambda value: str(value)[:30])
def test_only_the_lead_imports_assigns_and_changes_labels(
    team: Team, query: str, params: tuple[Any, ...]
) -> None:
    for person in (team.amal, team.rana):
        with team.login(person) as conn:
            reason = refused(conn, query.replace("{who}", person), params)
        assert "permission denied" in reason
    with team.login(team.lead) as lead:
        lead.execute(query.replace("{who}", team.amal), params)


def test_people_log_in_with_the_password_they_were_given(team: Team, pg_server) -> None:
    with team.login(team.amal) as amal:
        assert amal.execute("SELECT current_user").fetchone() == (team.amal,)
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        pg_server.connect(team.db, team.amal, "not-her-password")
    with team.login(team.lead) as lead:
        assert add_annotator(lead, team.amal) == ""  # there already: her password is kept
        assert add_reviewer(lead, team.amal) == ""  # and she reviews too
        members = team_members(lead)
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(2, GOLD))  # as a reviewer now
    assert members[team.amal] == ["alama_annotator", "alama_reviewer"]
    assert members[team.basel] == ["alama_annotator"]
    assert members[team.lead] == ["alama_lead"]


def test_only_a_lead_adds_people_and_only_a_superuser_adds_a_lead(team: Team) -> None:
    with team.login(team.amal) as amal, pytest.raises(ProjectError, match="refused to add"):
        add_annotator(amal, f"friend{team.db}")
    with team.login(team.lead) as lead:
        with pytest.raises(ProjectError, match="refused to add"):
            add_lead(lead, f"second{team.db}")
        assert f"second{team.db}" not in team_members(lead)
        exists = lead.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (f"second{team.db}",))
        assert exists.fetchone() is None, "nothing is left half made"


@pytest.mark.parametrize(
    "name, reason",
    [
        ("ا" * 32, "too long for a server"),  # 32 letters, 64 bytes: PostgreSQL would cut it
        ("pg_amal", "keeps for itself"),
        ("alama_lead", "keeps for itself"),
        ("Public", "keeps for itself"),
        ("@gold", "cannot be an annotator name"),
    ],
)
def test_a_name_the_server_could_not_hold_as_given_is_refused(name: str, reason: str) -> None:
    with pytest.raises(InputError, match=reason):
        check_role_name(name)
    assert check_role_name("ا" * 31) == "ا" * 31


def test_the_lead_cannot_touch_a_role_outside_the_team(team: Team, pg_server) -> None:
    with team.login(team.lead) as lead:
        with pytest.raises(ProjectError, match="not of an Alama team"):
            add_annotator(lead, "postgres", "taken-over")  # the superuser
        with pytest.raises(ProjectError, match="only they or a superuser change it"):
            add_reviewer(lead, team.lead, "new-password")
        with pytest.raises(ProjectError, match="only they or a superuser change it"):
            add_annotator(lead, team.amal, "taken-over")  # could be hers in another project
    with pg_server.connect(team.db) as admin:  # the superuser's password still holds
        assert admin.execute("SELECT current_user").fetchone() == ("postgres",)


def test_people_of_one_project_cannot_connect_to_another(team: Team, pg_server) -> None:
    from alama.core.store.pg_connect import set_up

    other = f"other_{team.db}"
    pg_server.create_database(other)
    set_up(pg_server.url(other))
    for person in (team.amal, team.rana, team.lead):
        with pytest.raises(psycopg.OperationalError, match="permission denied for database"):
            pg_server.connect(other, person, team.passwords[person])


def test_a_name_with_quotes_is_a_name_not_sql(team: Team) -> None:
    name = f'o\'brien "{team.db}"; DROP TABLE spans; --'
    with team.login(team.lead) as lead:
        password = add_annotator(lead, name, "pa'ss\"word")
        assert name in team_members(lead)
    with team.server.connect(team.db, name, "pa'ss\"word") as conn:
        assert conn.execute("SELECT current_user").fetchone() == (name,)
        assert conn.execute("SELECT count(*) FROM spans").fetchone() == (0,)
    assert password == "pa'ss\"word"


def test_a_superuser_may_give_a_person_a_new_password(team: Team, pg_server) -> None:
    with pg_server.connect(team.db) as admin:
        admin.autocommit = True
        assert add_annotator(admin, team.amal, "a-new-one") == "a-new-one"
    with pg_server.connect(team.db, team.amal, "a-new-one") as conn:
        assert conn.execute("SELECT current_user").fetchone() == (team.amal,)


def test_only_who_may_create_tables_sets_a_project_up(team: Team, pg_server) -> None:
    from alama.core.store.pg_connect import set_up

    pg_server.create_database(f"fresh_{team.db}")
    url = pg_server.url(f"fresh_{team.db}", team.amal, team.passwords[team.amal])
    with pytest.raises(ProjectError, match=r"could not be set up.*permission denied"):
        set_up(url)
    with pg_server.connect(f"fresh_{team.db}") as admin:
        assert admin.execute("SELECT to_regclass('spans')").fetchone() == (None,)


def test_a_role_in_one_project_is_not_a_role_in_another(team: Team, pg_server) -> None:
    from alama.core.store.pg_connect import set_up

    other = f"second_{team.db}"
    pg_server.create_database(other)
    set_up(pg_server.url(other))
    with pg_server.connect(other) as admin:  # Rana reviews the first, annotates here; so the lead
        admin.autocommit = True
        add_annotator(admin, team.rana)
        add_annotator(admin, team.lead)
        admin.execute("INSERT INTO labels VALUES ('ACTOR', 'فاعل', 'Actor', '', '#1', '', 0)")
        for doc in (1, 2):
            admin.execute(
                "INSERT INTO documents (id, doc_id, hash, title, text, position, created_at) "
                "VALUES (%s, %s, %s, '', 'نص', %s, %s)",
                (doc, f"d{doc}", f"h{doc}", doc, STAMP),
            )
        admin.execute("INSERT INTO assignments VALUES (1, %s, 0, %s, NULL)", (team.rana, STAMP))
        admin.execute(*span_sql(1, team.lead, "leads-span-here"))
    rana = pg_server.connect(other, team.rana, team.passwords[team.rana])
    rana.autocommit = True
    with rana:
        assert rana.execute("SELECT id FROM documents").fetchall() == [(1,)]
        assert rana.execute("SELECT id FROM spans").fetchall() == []  # not the lead's layer
        assert rana.execute("SELECT count(*) FROM rejections").fetchone() == (0,)
        assert "row-level security policy" in refused(rana, *span_sql(1, GOLD))
    lead = pg_server.connect(other, team.lead, team.passwords[team.lead])
    lead.autocommit = True
    with lead:
        assert "row-level security policy" in refused(
            lead, "INSERT INTO labels VALUES ('PLACE', 'مكان', 'Place', '', '#2', '', 1)"
        )
        assert lead.execute("UPDATE labels SET color = '#3'").rowcount == 0
        assert lead.execute("SELECT count(*) FROM documents").fetchone() == (0,)
        with pytest.raises(ProjectError, match="not the lead of this project"):
            add_annotator(lead, f"friend_{team.db}")


def test_review21_a_lead_of_another_project_cannot_truncate_this_one(team: Team, pg_server) -> None:
    """Reviewer's repro: TRUNCATE ignores row-level security, and alama_lead has it on every
    table of every project; the lead of another project added here as an annotator wipes it."""
    from alama.core.store.pg_connect import set_up

    other = f"third_{team.db}"
    pg_server.create_database(other)
    set_up(pg_server.url(other))
    outsider = f"otherlead_{team.db}"
    with pg_server.connect(other) as admin:
        admin.autocommit = True
        add_lead(admin, outsider, "pw-otherlead")
    with team.login(team.lead) as lead:
        add_annotator(lead, outsider)
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "amals-truncated"))
    intruder = pg_server.connect(team.db, outsider, "pw-otherlead")
    intruder.autocommit = True
    with intruder:
        assert "permission denied" in refused(intruder, "TRUNCATE spans, documents CASCADE")
    with team.login(team.lead) as lead:
        assert lead.execute("SELECT count(*) FROM documents").fetchone() == (2,)


def test_review21_a_reviewer_cannot_move_an_annotators_span_into_gold(team: Team) -> None:
    """Reviewer's repro: reviewer_update is USING (true), so an UPDATE of ``annotator`` takes a
    span out of Amal's layer (it passes the WITH CHECK, the new row being gold)."""
    with team.login(team.amal) as amal:
        amal.execute(*span_sql(1, team.amal, "amals-moved"))
        amal.execute("INSERT INTO status VALUES (1, %s, 'done', %s)", (team.amal, STAMP))
    with team.login(team.rana) as rana:
        # The row is not the reviewer's to change (USING): the update reaches no row.
        moved = rana.execute("UPDATE spans SET annotator = %s WHERE id = 'amals-moved'", (GOLD,))
        assert moved.rowcount == 0
        for table in ("status", "suggestions", "suggestion_rejections"):
            changed = rana.execute(f"UPDATE {table} SET annotator = %s", (team.rana,))
            assert changed.rowcount == 0
    with team.login(team.amal) as amal:
        assert amal.execute("SELECT id FROM spans WHERE id = 'amals-moved'").fetchall() == [
            ("amals-moved",)
        ]
        assert amal.execute("SELECT state FROM status").fetchall() == [("done",)]


def test_review21_no_alama_group_may_truncate_or_add_triggers(team: Team, pg_server) -> None:
    """This project's own lead cannot TRUNCATE (row-level security would not apply to it), and
    no Alama group has TRUNCATE, TRIGGER, REFERENCES or MAINTAIN on any table."""
    with team.login(team.lead) as lead:
        assert "permission denied" in refused(lead, "TRUNCATE spans")
    with pg_server.connect(team.db) as admin:
        rights = admin.execute(
            "SELECT grantee, table_name, privilege_type FROM information_schema.table_privileges"
            " WHERE grantee IN ('alama_lead', 'alama_reviewer', 'alama_annotator') AND "
            "privilege_type IN ('TRUNCATE', 'TRIGGER', 'REFERENCES', 'MAINTAIN')"
        ).fetchall()
    assert rights == []


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://amal:TopSecret1@db.example.org/news?password=TopSecret1&sslmode=require",
        "postgresql://amal@db.example.org/news?sslmode=require&password=TopSecret1",
        "postgresql://amal@db.example.org/news?PassWord=TopSecret1#frag",
        "postgres://amal:TopSecret1@[::1/news",
        "postgresql://amal:Top%zzSecret1@db.example.org/news",
    ],
)
def test_review21_a_password_is_never_shown(url: str) -> None:
    """Reviewer's repro: ``shown`` kept ``?password=`` (printed by ``alama stats``, in errors, in
    the window's recent list), and a malformed address raised a ValueError whose traceback
    held the password."""
    from alama.core.store.pg_connect import shown

    assert "Secret1" not in shown(url)
    assert "amal" in shown(url)
    if "sslmode" in url:
        assert "sslmode=require" in shown(url)


@pytest.mark.parametrize(
    "url",
    [
        "postgres://amal:TopSecret1@[::1/news",
        "postgresql://amal:TopSecret1@db.example.org:port/news",
        "postgresql://amal:Top%zzSecret1@/news?host=/nonexistent",
        "postgresql:///news?host=/nonexistent&password=Top%zzSecret1",
    ],
)
def test_review21_a_malformed_address_is_one_line_without_its_password(url: str) -> None:
    from alama.core.errors import AlamaError
    from alama.core.store.pg_connect import connect

    with pytest.raises(AlamaError) as raised:
        connect(url)
    message = str(raised.value)
    assert "Secret1" not in message and "\n" not in message
    if "[" in url or ":port" in url:
        assert isinstance(raised.value, InputError) and "not a server address" in message


def test_review21_a_reviewer_cannot_sign_gold_with_another_reviewers_name(team: Team) -> None:
    """Reviewer's repro: the gold policy let Rana write gold rows naming another reviewer."""
    with team.login(team.rana) as rana:
        rana.execute(*span_sql(1, GOLD, "signed"))
        rana.execute("UPDATE spans SET reviewer = %s WHERE id = 'signed'", (team.rana,))
        policy = "row-level security policy"
        assert policy in refused(rana, "UPDATE spans SET reviewer = 'salma' WHERE id = 'signed'")
        assert policy in refused(
            rana,
            "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, "
            "created_at, updated_at, reviewer) VALUES ('forged', 1, %s, 0, 4, 'ACTOR', "
            "'review', %s, %s, 'salma')",
            (GOLD, STAMP, STAMP),
        )
    with team.login(team.lead) as lead:
        assert lead.execute("SELECT reviewer FROM spans").fetchall() == [(team.rana,)]


def test_review21_an_annotator_writes_no_row_a_file_would_refuse(team: Team) -> None:
    """Reviewer's repro: spans past the end of the text, times in the future, a reviewer's
    name or the review origin in an annotator's layer were all taken."""
    insert = (
        "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, "
        "created_at, updated_at, reviewer) VALUES (%s, 1, %s, 0, %s, 'ACTOR', %s, %s, %s, %s)"
    )
    future = "2999-01-01T00:00:00.000+00:00"
    bad = [
        ("past-end", 100000, "manual", STAMP, STAMP, None),
        ("future", 4, "manual", future, future, None),
        ("signed", 4, "manual", STAMP, STAMP, team.rana),
        ("reviewed", 4, "review", STAMP, STAMP, None),
    ]
    with team.login(team.amal) as amal:
        amal.execute(insert, ("fine", team.amal, 4, "manual", STAMP, STAMP, None))
        for key, end, origin, created, updated, reviewer in bad:
            assert "row-level security policy" in refused(
                amal, insert, (key, team.amal, end, origin, created, updated, reviewer)
            )
        assert "row-level security policy" in refused(
            amal, "UPDATE spans SET updated_at = %s WHERE id = 'fine'", (future,)
        )
        assert "row-level security policy" in refused(
            amal, "INSERT INTO status VALUES (1, %s, 'done', %s)", (team.amal, future)
        )
        assert amal.execute("SELECT id, updated_at FROM spans").fetchall() == [("fine", STAMP)]
