"""Who may read and write what on a server project, enforced by PostgreSQL itself.

Each person logs in as a role of their own, named as their layer (the annotator's name), and is
a member of one or more of three group roles:

- ``alama_lead`` reads and writes everything: imports documents, assigns them, changes the
  labels and relation types, the guidelines, and adds people (`alama.core.store.pg_team`).
- ``alama_reviewer`` reads every document and every layer, and writes the gold layer
  (``@gold``), the rejections of candidate spans and relations, and a layer of their own.
- ``alama_annotator`` reads the documents assigned to them (and their tokens and search copy),
  the labels, relation types and guidelines, and of the layers only their own: another
  annotator's layer, gold and the reviewers' rejections stay hidden, so annotators stay
  independent. They write rows of their own layer only (``annotator = current_user``), and
  only in documents assigned to them: spans, relations, status, suggestions and the strings
  they rejected as suggestions. Spans and relations are never deleted (a tombstone is an
  update), so no annotator may delete one.

Table privileges (``GRANT``) say which statements a group may run on a table at all; row-level
security policies say which rows. A write outside them is refused by the server: permission
denied for the table, or a new row that "violates row-level security policy"; a row hidden from
a role is not there for it (an ``UPDATE`` of it changes nothing). The project's owner (who ran
`alama.core.store.pg_schema.apply`) and superusers are not bound by the policies.

The group roles belong to the whole server (PostgreSQL's roles are not per database); they are
made once, by the first project's set-up, and shared by every Alama project on the server. So
the groups give the table privileges only, and which rows a person reaches in a project is
decided by the project's own ``team_members`` table: a reviewer of one project who annotates in
another is an annotator there, and the lead of one is nobody special in the next.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from alama.core.model import GOLD_ANNOTATOR

if TYPE_CHECKING:
    import psycopg

    PgConnection = psycopg.Connection[Any]

SECURITY_STEP = "server_0001_security"
LEAD = "alama_lead"
REVIEWER = "alama_reviewer"
ANNOTATOR = "alama_annotator"
GROUPS = (LEAD, REVIEWER, ANNOTATOR)

EVERYONE = ""
"""The layer of suggestions meant for every annotator (`alama.core.store.suggestions`)."""

SHARED = ("alama_meta", "labels", "relation_types", "annotators", "alama_migrations")
"""Read by every member; written by the lead (and an own name added to ``annotators``)."""
DOCUMENT_TABLES = {
    "documents": "id",
    "tokens": "doc",
    "documents_search": "doc",
    "regions": "doc",
    "duplicates": "doc",
}
"""The tables read per document (their column naming it): an annotator's assigned ones."""
LAYER_TABLES = ("spans", "status", "relations", "suggestions", "suggestion_rejections")
"""Tables of rows that belong to a layer (their ``annotator``)."""
DELETABLE = ("status", "suggestions", "suggestion_rejections")
"""Layer tables whose rows are removed, not tombstoned (a status back to "to do")."""
REVIEW_TABLES = ("rejections", "relation_rejections", "assignments")
"""Read by reviewers; written by reviewers (rejections) or the lead (assignments)."""

TEAM_TABLE = """
CREATE TABLE team_members (
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'reviewer', 'annotator')),
    added_at TEXT NOT NULL,
    PRIMARY KEY (name, role)
)
"""
TEAM_ROLES = {LEAD: "lead", REVIEWER: "reviewer", ANNOTATOR: "annotator"}
"""The role in ``team_members`` that each group's policies ask of the person."""


def in_team(group: str) -> str:
    """Whether the connected person has the group's role in this project (an uncorrelated
    subquery: the server asks it once per statement, not once per row)."""
    return (
        "EXISTS (SELECT 1 FROM team_members m WHERE m.name = current_user "
        f"AND m.role = '{TEAM_ROLES[group]}')"
    )


ASSIGNED_FUNCTION = """
CREATE FUNCTION alama_assigned(doc INTEGER) RETURNS BOOLEAN
LANGUAGE sql STABLE
SET search_path = pg_catalog, public
AS $$
    SELECT EXISTS (
        SELECT 1 FROM public.assignments a
        WHERE a.doc = alama_assigned.doc AND a.annotator = current_user
          AND a.removed_at IS NULL
    )
$$
"""
# Run with the caller's rights: an annotator reads their own assignment rows, no others.

ADD_PERSON_FUNCTION = """
CREATE FUNCTION alama_add_person(person TEXT, team_group TEXT, secret TEXT) RETURNS BOOLEAN
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    existing pg_roles%ROWTYPE;
    created BOOLEAN := false;
    stamp TEXT := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"');
BEGIN
    IF NOT (EXISTS (SELECT 1 FROM public.team_members m
                    WHERE m.name = session_user AND m.role = 'lead')
            OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('%s is not the lead of this project', session_user);
    END IF;
    IF team_group NOT IN ('alama_annotator', 'alama_reviewer') THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('only a superuser adds people to %s', team_group);
    END IF;
    SELECT * INTO existing FROM pg_roles WHERE rolname = person;
    IF NOT FOUND THEN
        EXECUTE format('CREATE ROLE %I LOGIN', person);
        created := true;
    ELSIF existing.rolsuper OR NOT (pg_has_role(existing.oid, 'alama_annotator', 'MEMBER')
            OR pg_has_role(existing.oid, 'alama_reviewer', 'MEMBER')
            OR pg_has_role(existing.oid, 'alama_lead', 'MEMBER')) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('%s is a role of the server, not of an Alama team', person);
    ELSIF secret IS NOT NULL
            AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION USING ERRCODE = 'insufficient_privilege',
            MESSAGE = format('%s has a password: only they or a superuser change it', person);
    END IF;
    IF secret IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I PASSWORD %L', person, secret);
    END IF;
    EXECUTE format('GRANT %I TO %I', team_group, person);
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), person);
    INSERT INTO public.annotators (name, created_at) VALUES (person, stamp)
    ON CONFLICT DO NOTHING;
    INSERT INTO public.team_members (name, role, added_at)
    VALUES (person, substr(team_group, 7), stamp) ON CONFLICT DO NOTHING;
    RETURN created;
END
$$
"""
# Run with its owner's rights (who set the project up, a superuser): the lead needs neither
# CREATEROLE (which on PostgreSQL 15 would let them grant themselves any role) nor the right to
# hand out the groups. It touches no role outside an Alama team, and sets the password of a new
# person only: roles belong to the whole server, and the lead of one project who could change
# the password of a person of another could log in there as them.


SAME_LAYER = " AND ".join(
    f"EXISTS (SELECT 1 FROM spans s WHERE s.id = relations.{end} "
    "AND s.annotator = relations.annotator AND s.doc = relations.doc)"
    for end in ("source", "target")
)
"""A relation links two spans of its own layer and document (a foreign key alone would let a
relation point at a span of a layer hidden from its writer)."""


def group_roles() -> list[str]:
    """Make the three group roles unless the server has them (needs CREATEROLE)."""
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{group}') "
        f"THEN CREATE ROLE {group} NOLOGIN; END IF; END $$"
        for group in GROUPS
    ]


def grants() -> list[str]:
    """Which statements each group may run on each table."""
    tables = [*SHARED, *DOCUMENT_TABLES, *LAYER_TABLES, *REVIEW_TABLES]
    # Never ALL: TRUNCATE ignores row-level security, and TRIGGER, REFERENCES and MAINTAIN are
    # no lead's business; the group is shared by every project on the server.
    statements = [f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {LEAD}" for table in tables]
    statements += [f"GRANT SELECT ON team_members TO {group}" for group in GROUPS]
    statements += [f"GRANT SELECT ON {table} TO {REVIEWER}" for table in tables]
    statements += [
        f"GRANT SELECT ON {table} TO {ANNOTATOR}"
        for table in [*SHARED, *DOCUMENT_TABLES, *LAYER_TABLES, "assignments"]
    ]
    for group in (REVIEWER, ANNOTATOR):
        statements.append(f"GRANT INSERT ON annotators TO {group}")
        statements += [f"GRANT INSERT, UPDATE ON {table} TO {group}" for table in LAYER_TABLES]
        statements += [f"GRANT DELETE ON {table} TO {group}" for table in DELETABLE]
    statements += [
        f"GRANT INSERT, UPDATE, DELETE ON {table} TO {REVIEWER}"
        for table in ("rejections", "relation_rejections")
    ]
    return statements


def connecting() -> list[str]:
    """Only the people added to this project connect to its database (the group roles are the
    server's: a reviewer of one project must not read another), and only the lead adds them."""
    database = "format('%I', current_database())"
    return [
        f"DO $$ BEGIN EXECUTE 'REVOKE CONNECT, TEMPORARY ON DATABASE ' || {database} "
        "|| ' FROM PUBLIC'; END $$",
        "REVOKE ALL ON FUNCTION alama_add_person(TEXT, TEXT, TEXT) FROM PUBLIC",
        f"GRANT EXECUTE ON FUNCTION alama_add_person(TEXT, TEXT, TEXT) TO {LEAD}",
    ]


def policy(table: str, name: str, command: str, role: str, rows: str, new: str = "") -> str:
    """One permissive policy for the members of a group who have its role in this project:
    ``rows`` (USING) are the rows they see or change, ``new`` (WITH CHECK) what a row they
    write must be."""
    member = in_team(role)
    check = new or rows
    using = "" if command == "INSERT" else f" USING ({member} AND ({rows}))"
    with_check = "" if command in ("SELECT", "DELETE") else f" WITH CHECK ({member} AND ({check}))"
    return f"CREATE POLICY {name} ON {table} FOR {command} TO {role}{using}{with_check}"


LATEST = (
    "to_char((now() + interval '1 day') AT TIME ZONE 'UTC', "
    '\'YYYY-MM-DD"T"HH24:MI:SS.MS"+00:00"\')'
)
"""The latest time a row may be stamped with (a day of clock skew), as Alama writes times."""


def annotator_rows() -> dict[str, str]:
    """What an annotator's rows must be beyond being theirs, table by table (what a file's
    store refuses too): a span inside its document's text, no time in the future, and nothing
    a review makes (a reviewer's name, the ``review`` origin)."""
    dated = f"updated_at <= {LATEST}"
    unreviewed = "reviewer IS NULL AND origin <> 'review'"
    inside = "end_char <= (SELECT char_length(d.text) FROM documents d WHERE d.id = spans.doc)"
    rows = {table: "" for table in LAYER_TABLES}
    rows["status"] = f" AND {dated}"
    for table in ("spans", "relations"):
        rows[table] = f" AND {dated} AND created_at <= {LATEST} AND {unreviewed}"
    rows["spans"] += f" AND {inside}"
    return rows


def policies() -> list[str]:
    """Which rows each group sees and writes, table by table."""
    own = "annotator = current_user"
    gold = f"annotator IN ('{GOLD_ANNOTATOR}', current_user)"
    mine = f"{own} AND alama_assigned(doc)"
    sane = annotator_rows()
    statements: list[str] = []
    for table in [*SHARED, *DOCUMENT_TABLES, *LAYER_TABLES, *REVIEW_TABLES]:
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements.append(policy(table, "lead_all", "ALL", LEAD, "true"))
        statements.append(policy(table, "reviewer_read", "SELECT", REVIEWER, "true"))
    for table in SHARED:
        statements.append(policy(table, "annotator_read", "SELECT", ANNOTATOR, "true"))
    for table, column in DOCUMENT_TABLES.items():
        statements.append(
            policy(table, "annotator_read", "SELECT", ANNOTATOR, f"alama_assigned({column})")
        )
    for table in LAYER_TABLES:
        seen = f"annotator IN ('{EVERYONE}', current_user)" if table == "suggestions" else own
        linked = f" AND {SAME_LAYER}" if table == "relations" else ""
        # A row a reviewer writes names no other reviewer (nobody signs for a colleague).
        signed = (
            " AND (reviewer IS NULL OR reviewer = current_user)"
            if table in ("spans", "relations")
            else ""
        )
        statements += [
            policy(table, "annotator_read", "SELECT", ANNOTATOR, seen),
            policy(table, "annotator_insert", "INSERT", ANNOTATOR, mine + linked + sane[table]),
            policy(
                table, "annotator_update", "UPDATE", ANNOTATOR, own, mine + linked + sane[table]
            ),
            # A reviewer changes rows of gold and their own layer only (USING), and keeps them
            # there (WITH CHECK): an annotator's row is never moved out of their layer.
            policy(table, "reviewer_insert", "INSERT", REVIEWER, gold + linked + signed),
            policy(table, "reviewer_update", "UPDATE", REVIEWER, gold, gold + linked + signed),
        ]
        if table in DELETABLE:
            statements.append(policy(table, "annotator_delete", "DELETE", ANNOTATOR, own))
            statements.append(policy(table, "reviewer_delete", "DELETE", REVIEWER, gold))
    for table in ("rejections", "relation_rejections"):
        statements += [
            policy(table, "reviewer_insert", "INSERT", REVIEWER, "true"),
            policy(table, "reviewer_update", "UPDATE", REVIEWER, "true"),
            policy(table, "reviewer_delete", "DELETE", REVIEWER, "true"),
        ]
    statements += [
        policy("assignments", "annotator_read", "SELECT", ANNOTATOR, own),
        policy("annotators", "annotator_insert", "INSERT", ANNOTATOR, "name = current_user"),
        policy(
            "annotators",
            "reviewer_insert",
            "INSERT",
            REVIEWER,
            f"name IN ('{GOLD_ANNOTATOR}', current_user)",
        ),
    ]
    return statements


def secure(conn: PgConnection) -> None:
    """The server's own schema step: the group roles, the project's team, the function that
    says whether a document is assigned to the caller, the one that adds people, the table
    privileges and the row-level policies."""
    for statement in [*group_roles(), TEAM_TABLE, ASSIGNED_FUNCTION, ADD_PERSON_FUNCTION,
                      *grants(), *policies(), *connecting()]:  # fmt: skip
        conn.execute(statement)
    conn.execute(
        "INSERT INTO annotators (name, created_at) VALUES (%s, %s) ON CONFLICT DO NOTHING",
        (GOLD_ANNOTATOR, datetime.now(UTC).isoformat(timespec="milliseconds")),
    )
