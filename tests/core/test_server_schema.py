"""A project on a real PostgreSQL server (tests/pg.py): the same tables as a project file, its
schema steps recorded and applied once, and search by a trigram index of the normalized copy."""

from __future__ import annotations

import sqlite3

import pytest

from alama.core import migrations
from alama.core.errors import ProjectError
from alama.core.store.pg_connect import connect, set_up, shown
from alama.core.store.pg_schema import NAMES, SERVER_ONLY, applied_steps, apply, check_schema

pytestmark = pytest.mark.slow

NOT_COMPARED = {"documents_search", migrations.MIGRATIONS_TABLE}
"""SQLite's FTS5 table and sqlite-utils' record, which the server has in its own form."""


def file_tables() -> dict[str, list[tuple[str, bool, bool]]]:
    """Every table of a project file made by all its steps: (column, NOT NULL, in the key)."""
    conn = sqlite3.connect(":memory:")
    for _, step in migrations.STEPS:
        step(conn)
    names = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not row[0].startswith("documents_search") and row[0] not in NOT_COMPARED
    ]
    tables = {
        name: [
            (column, bool(notnull) or pk > 0, pk > 0)
            for _, column, _, notnull, _, pk in conn.execute(f"PRAGMA table_info({name})")
        ]
        for name in names
    }
    conn.close()
    return tables


def server_tables(conn) -> dict[str, list[tuple[str, bool, bool]]]:
    rows = conn.execute(
        """SELECT c.table_name, c.column_name, c.is_nullable = 'NO',
                  EXISTS (SELECT 1 FROM information_schema.key_column_usage k
                          JOIN information_schema.table_constraints t
                            ON t.constraint_name = k.constraint_name
                           AND t.table_name = k.table_name
                          WHERE t.constraint_type = 'PRIMARY KEY'
                            AND k.table_name = c.table_name AND k.column_name = c.column_name)
           FROM information_schema.columns c
           WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position"""
    ).fetchall()
    tables: dict[str, list[tuple[str, bool, bool]]] = {}
    for table, column, notnull, key in rows:
        tables.setdefault(table, []).append((column, notnull, key))
    return tables


def test_the_test_server_starts_in_seconds(pg_server) -> None:
    with pg_server.connect() as conn:
        version = conn.execute("SHOW server_version").fetchone()[0]
    assert int(version.split(".")[0]) >= 15
    assert pg_server.started_in < 30, f"the server took {pg_server.started_in:.1f} s to start"


def test_the_server_has_the_tables_of_a_project_file_column_for_column(
    pg_server, pg_project
) -> None:
    with pg_server.connect(pg_project) as conn:
        found = server_tables(conn)
    expected = file_tables()
    assert set(expected) <= set(found)
    for table, columns in expected.items():
        assert found[table] == columns, table
    assert set(found) - set(expected) == {"documents_search", "alama_migrations", "team_members"}
    assert [column for column, _, _ in found["documents_search"]] == ["doc", "norm"]


def test_every_step_is_recorded_by_its_name_and_applied_once(pg_server, pg_project) -> None:
    assert set(migrations.NAMES) < set(NAMES), "every step of a file has its server form"
    assert list(NAMES[: len(migrations.NAMES)]) == list(migrations.NAMES), "in the same order"
    with pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        assert applied_steps(conn) == frozenset(NAMES)
        assert apply(conn) == []  # up to date: nothing runs twice
        assert check_schema(conn, pg_project) == frozenset(NAMES)
        meta = conn.execute("SELECT value FROM alama_meta WHERE key = 'application'").fetchone()
    assert meta == ("alama",)
    assert {"server_0001_security", "server_0002_changes"} == SERVER_ONLY


def test_a_database_alama_did_not_set_up_or_a_newer_alama_did_is_refused(
    pg_server, pg_project
) -> None:
    pg_server.create_database("not_alama")
    with pg_server.connect("not_alama") as conn, pytest.raises(ProjectError, match="not an Alama"):
        check_schema(conn, "not_alama")
    with pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        conn.execute(
            "INSERT INTO alama_migrations VALUES ('alama', '0099_from_the_future', 'later')"
        )
        with pytest.raises(ProjectError, match=r"newer version of Alama.*0099_from_the_future"):
            check_schema(conn, pg_project)


def test_steps_missing_from_an_older_project_are_applied_in_order(pg_server) -> None:
    pg_server.create_database("older")
    with pg_server.connect("older") as conn:
        conn.autocommit = True
        apply(conn)
        conn.execute("DELETE FROM alama_migrations WHERE name = '0008_suggestions'")
        conn.execute("DROP TABLE suggestions, suggestion_rejections")
        assert apply(conn) == ["0008_suggestions"]
        assert conn.execute("SELECT count(*) FROM suggestions").fetchone() == (0,)


def test_search_finds_arabic_text_through_the_trigram_index(pg_server, pg_project) -> None:
    norms = ["قال الرئيس ان الحكومه", "وزير الخارجيه في بيروت", "الرئيس في القاهره"]
    with pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        for doc, norm in enumerate(norms, 1):
            conn.execute(
                "INSERT INTO documents (id, doc_id, hash, title, text, position, created_at) "
                "VALUES (%s, %s, %s, '', %s, %s, '')",
                (doc, f"d{doc}", f"h{doc}", norm, doc),
            )
            conn.execute("INSERT INTO documents_search (doc, norm) VALUES (%s, %s)", (doc, norm))
        found = conn.execute(
            "SELECT doc FROM documents_search WHERE norm LIKE %s ORDER BY doc", ("%الرئيس%",)
        ).fetchall()
        assert found == [(1,), (3,)]
        assert conn.execute("SELECT show_trgm('الرئيس')").fetchone()[0], "Arabic has trigrams"
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in conn.execute(
                "EXPLAIN SELECT doc FROM documents_search WHERE norm LIKE %s", ("%بيروت%",)
            )
        )
    assert "documents_search_norm" in plan


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password(pg_server) -> None:
    url = pg_server.url("postgres", password="s3cret-word").replace("socket", "nowhere")
    with pytest.raises(ProjectError) as raised:
        connect(url)
    message = str(raised.value)
    assert "s3cret-word" not in message and "\n" not in message
    assert message.startswith(f"could not connect to {shown(url)}")
    with pytest.raises(ProjectError, match="password authentication failed"):
        set_up(pg_server.url("postgres", password="wrong"))


def file_links() -> tuple[set[str], set[tuple[str, str, str, str]]]:
    """The indexes a project file's steps make (by name) and its foreign keys."""
    conn = sqlite3.connect(":memory:")
    for _, step in migrations.STEPS:
        step(conn)
    indexes = {
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        if not row[0].startswith("sqlite_")
    }
    tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    keys = {
        (table, row[3], row[2], row[4])
        for table in tables
        for row in conn.execute(f"PRAGMA foreign_key_list({table})")
    }
    conn.close()
    return indexes, keys


def test_the_server_has_the_indexes_and_foreign_keys_of_a_project_file(
    pg_server, pg_project
) -> None:
    indexes, keys = file_links()
    with pg_server.connect(pg_project) as conn:
        found_indexes = {row[0] for row in conn.execute("SELECT indexname FROM pg_indexes")}
        found_keys = set(
            conn.execute(
                """SELECT c.conrelid::regclass::text, a.attname, c.confrelid::regclass::text,
                          f.attname
                   FROM pg_constraint c
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
                   JOIN pg_attribute f ON f.attrelid = c.confrelid AND f.attnum = c.confkey[1]
                   WHERE c.contype = 'f'"""
            ).fetchall()
        )
    assert indexes <= found_indexes
    assert keys == {key for key in found_keys if key[0] != "documents_search"}


def test_two_programs_setting_up_one_database_at_once_apply_each_step_once(pg_server) -> None:
    from concurrent.futures import ThreadPoolExecutor

    pg_server.create_database("twice")
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(set_up, [pg_server.url("twice")] * 2))
    assert sorted(done[0] + done[1]) == sorted(NAMES)  # each step by one of them
    with pg_server.connect("twice") as conn:
        rows = conn.execute("SELECT name FROM alama_migrations ORDER BY name").fetchall()
    assert [row[0] for row in rows] == sorted(NAMES)
