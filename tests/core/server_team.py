"""The team of the server tests, on a new project of the test server (tests/pg.py): a lead;
annotators Amal (an Arabic name, as a role) and Basel; a reviewer Rana. Document 1 is assigned
to both annotators, document 2 to Basel only. Each logs in as their own role."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from psycopg.errors import InsufficientPrivilege

from alama.core.store.pg_team import add_annotator, add_lead, add_reviewer

GOLD = "@gold"
STAMP = "2026-01-01T00:00:00.000+00:00"
_spans = itertools.count(1)


@dataclass
class Team:
    server: Any
    db: str
    lead: str
    amal: str
    basel: str
    rana: str
    passwords: dict[str, str]

    def login(self, person: str) -> psycopg.Connection[Any]:
        conn = self.server.connect(self.db, person, self.passwords[person])
        conn.autocommit = True
        return conn


def span_sql(doc: int, annotator: str, span_id: str | None = None) -> tuple[str, tuple[Any, ...]]:
    return (
        "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, "
        "created_at, updated_at) VALUES (%s, %s, %s, 0, 4, 'ACTOR', 'manual', %s, %s)",
        (span_id or f"s{next(_spans)}", doc, annotator, STAMP, STAMP),
    )


def refused(conn: psycopg.Connection[Any], query: str, params: tuple[Any, ...] = ()) -> str:
    """Run a write that must be refused by the server; the server's reason."""
    with pytest.raises(InsufficientPrivilege) as raised:
        conn.execute(query, params)
    return str(raised.value)


@pytest.fixture
def team(pg_server, pg_project) -> Team:
    n = pg_project.rsplit("_", 1)[1]
    names = {"lead": f"lead{n}", "amal": f"أمل{n}", "basel": f"basel{n}", "rana": f"rana{n}"}
    passwords: dict[str, str] = {}
    with pg_server.connect(pg_project) as admin:
        admin.autocommit = True
        passwords[names["lead"]] = add_lead(admin, names["lead"])
    crew = Team(pg_server, pg_project, **names, passwords=passwords)
    with crew.login(crew.lead) as lead:
        passwords[crew.amal] = add_annotator(lead, crew.amal)
        passwords[crew.basel] = add_annotator(lead, crew.basel)
        passwords[crew.rana] = add_reviewer(lead, crew.rana)
        lead.execute(
            "INSERT INTO labels (key, name_ar, name_en, color, position) "
            "VALUES ('ACTOR', 'فاعل', 'Actor', '#123456', 0)"
        )
        for doc in (1, 2):
            lead.execute(
                "INSERT INTO documents (id, doc_id, hash, title, text, position, created_at) "
                "VALUES (%s, %s, %s, '', 'نص الخبر', %s, %s)",
                (doc, f"d{doc}", f"h{doc}", doc, STAMP),
            )
            lead.execute("INSERT INTO documents_search VALUES (%s, 'نص الخبر')", (doc,))
        for doc, person in ((1, crew.amal), (1, crew.basel), (2, crew.basel)):
            lead.execute(
                "INSERT INTO assignments (doc, annotator, updated_at) VALUES (%s, %s, %s)",
                (doc, person, STAMP),
            )
    return crew
