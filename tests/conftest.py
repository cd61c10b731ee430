"""Shared fixtures. GUI tests run offscreen; nothing here needs a screen."""

from __future__ import annotations

import itertools
import os
import sqlite3
from pathlib import Path

import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# CI explores the same examples every run (a red run must mean a change broke something);
# developers' runs keep exploring new ones. No deadlines: a loaded 2-core machine is slow.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None, print_blob=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
EXTERNAL = SHARED / "external"
SAMPLES = ROOT / "resources" / "samples"

needs_shared = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared is not beside the repo")


@pytest.fixture(autouse=True)
def _alama_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the demo project and settings out of the real home folder."""
    monkeypatch.setenv("ALAMA_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture
def project(tmp_path: Path):
    """A new, empty project with the default labels."""
    from alama.core.store import Store

    store = Store.create(tmp_path / "test.alama")
    yield store
    store.close()


def dump(path: Path) -> list[str]:
    """Every row of every table of a project, to compare before and after a failed command;
    of the documents' tokens, the tokens themselves, not the copy of their JSON the first JSONL
    export keeps (made before it writes, like the search copy: not the project's content)."""
    conn = sqlite3.connect(path)
    try:
        rows = [row for row in conn.iterdump() if not row.startswith('INSERT INTO "tokens"')]
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'tokens'").fetchone():
            found = conn.execute("SELECT doc, tokenizer, bounds FROM tokens ORDER BY doc")
            rows.extend(f"tokens {row!r}" for row in found)
        return rows
    finally:
        conn.close()


_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server():
    """A real PostgreSQL server for the whole run (tests/pg.py), stopped and removed at the
    end; the tests that need it are skipped, saying why, only if it cannot start."""
    from tests.pg import ServerUnavailable, start_server

    try:
        server = start_server()
    except ServerUnavailable as error:
        pytest.skip(f"no PostgreSQL server could be started for the tests: {error}")
    yield server
    server.stop()


@pytest.fixture
def pg_project(pg_server):
    """A new database on the test server, set up as an Alama project by its superuser: the
    database's name (the server is `pg_server`)."""
    from alama.core.store.pg_connect import set_up

    name = f"alama_{next(_databases)}"
    pg_server.create_database(name)
    set_up(pg_server.url(name))
    return name
