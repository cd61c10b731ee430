"""The `alama` commands on a project on a real server (tests/pg.py): `alama init URL`, `alama
merge` between a file and a server both ways, `alama team` as a command of `alama`, and a file-only
command refused in one line. No password is ever printed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from alama.core.cli import cli
from alama.core.model import Status
from alama.core.store import ServerStore, Store
from alama.core.store.pg_team import add_annotator, add_lead
from tests.core.test_server_transfer import filled, rows

pytestmark = pytest.mark.slow


def alama(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def no_secret(result: Result, *secrets: str) -> None:
    for secret in secrets:
        assert secret not in result.output


@pytest.fixture
def people(pg_server, pg_project) -> dict[str, str]:
    """The URLs of the project's owner (the superuser), a lead and an annotator."""
    lead, amal = f"lead_{pg_project}", f"amal_{pg_project}"
    with pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        lead_password = add_lead(conn, lead)
    with pg_server.connect(pg_project, lead, lead_password) as conn:
        conn.autocommit = True
        amal_password = add_annotator(conn, amal)
    return {
        "owner": pg_server.url(pg_project),
        "lead": pg_server.url(pg_project, lead, lead_password),
        "amal": pg_server.url(pg_project, amal, amal_password),
        "lead_name": lead,
        "amal_name": amal,
        "secret": pg_server.password,
        "lead_secret": lead_password,
    }


def test_init_sets_a_server_project_up_and_again_finds_it_up_to_date(pg_server) -> None:
    pg_server.create_database("alama_init_cli")
    url = pg_server.url("alama_init_cli")
    first = alama("init", url)
    assert first.exit_code == 0, first.output
    assert first.output.startswith("set up postgresql://postgres@/alama_init_cli")
    assert "steps applied) with labels ACTOR, PLACE, CLAIM" in first.output
    again = alama("init", url)
    assert again.exit_code == 0 and "(up to date)" in again.output
    no_secret(first, pg_server.password)
    no_secret(again, pg_server.password)


def test_team_is_a_command_of_alama(people) -> None:
    listed = alama("team", "list", people["lead"])
    assert listed.exit_code == 0, listed.output
    assert sorted(listed.output.splitlines()) == [
        f"{people['amal_name']}\tannotator",
        f"{people['lead_name']}\tlead",
    ]


def test_a_file_merged_into_an_empty_server_and_back_into_a_file_is_the_same(
    people, tmp_path: Path
) -> None:
    source, back = tmp_path / "team.alama", tmp_path / "back.alama"
    filled(source, people["amal_name"], "basel", "rana")
    moved = alama("merge", people["lead"], str(source))
    assert moved.exit_code == 0, moved.output
    assert "moved into postgresql://" in moved.output and "2 documents, 5 spans" in moved.output
    taken = alama("merge", str(back), people["lead"])
    assert taken.exit_code == 0, taken.output
    assert taken.output.startswith(f"wrote {back} from postgresql://{people['lead_name']}@/")
    no_secret(moved, people["lead_secret"])
    no_secret(taken, people["lead_secret"])
    before, after = rows(source), rows(back)
    assert [row[0] for row in after.pop("annotators")] == [
        "@gold",
        people["amal_name"],
        "basel",
        people["lead_name"],  # the lead is one of them
    ]
    before.pop("annotators")
    assert after == before


def test_an_annotator_takes_her_part_works_offline_and_merges_it_back(
    people, tmp_path: Path
) -> None:
    source, mine = tmp_path / "team.alama", tmp_path / "amal.alama"
    amal = people["amal_name"]
    filled(source, amal, "basel", "rana")
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    taken = alama("merge", str(mine), people["amal"])
    assert taken.exit_code == 0, taken.output
    with Store.open(mine) as store:
        assert store.document_ids() == [1]
        assert {span.annotator for span in store.iter_spans()} == {amal}
        place = store.add_span(1, amal, 14, 19, "PLACE")
        store.set_status(1, amal, Status.IN_PROGRESS)
    back = alama("merge", people["amal"], str(mine))
    assert back.exit_code == 0, back.output
    assert f"layer {amal}: 1 spans, 0 relations, 1 statuses written" in back.output
    again = alama("merge", people["amal"], str(mine))
    assert f"layer {amal}: 0 spans, 0 relations, 0 statuses written" in again.output
    whole = tmp_path / "whole.alama"
    assert alama("merge", str(whole), people["lead"]).exit_code == 0
    with Store.open(whole) as store:
        assert place.id in {span.id for span in store.spans(1, amal)}
        assert store.layer_states(1)[amal] == Status.IN_PROGRESS


def test_the_lead_collects_an_annotators_offline_copy_by_naming_her_layer(
    people, tmp_path: Path
) -> None:
    source, mine = tmp_path / "team.alama", tmp_path / "amal.alama"
    amal = people["amal_name"]
    filled(source, amal, "basel", "rana")
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    assert alama("merge", str(mine), people["amal"]).exit_code == 0
    with Store.open(mine) as store:
        store.add_span(1, amal, 14, 19, "PLACE")
    mine_only = alama("collect", people["lead"], str(mine))  # the lead's own layer: nothing
    assert mine_only.exit_code == 0, mine_only.output
    assert f"other layers left out: {amal} (3)" in mine_only.output
    named = alama("merge", people["lead"], str(mine), "--layers", amal)
    assert named.exit_code == 0, named.output
    assert f"layer {amal}: 1 spans" in named.output


def test_what_the_server_refuses_is_one_line_and_writes_nothing(people, tmp_path: Path) -> None:
    source, other = tmp_path / "team.alama", tmp_path / "other.alama"
    amal = people["amal_name"]
    filled(source, amal, "basel", "rana")
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    filled(other, "basel", amal, "rana")  # Basel's layer: not Amal's to write
    before = tmp_path / "before.alama"
    assert alama("merge", str(before), people["lead"]).exit_code == 0
    refused = alama("merge", people["amal"], str(other), "--layers", "basel")
    assert refused.exit_code == 1
    assert len(refused.output.strip().splitlines()) == 1, refused.output
    assert refused.output.startswith("Error: postgresql://")
    after = tmp_path / "after.alama"
    assert alama("merge", str(after), people["lead"]).exit_code == 0
    assert rows(after) == rows(before)


def test_the_lead_hands_out_copies_from_a_server(people, pg_project, tmp_path: Path) -> None:
    source = tmp_path / "team.alama"
    filled(source, people["amal_name"], "basel", "rana")
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    out = tmp_path / "copies"
    handout = alama("handout", people["lead"], "--out", str(out))
    assert handout.exit_code == 0, handout.output
    no_secret(handout, people["lead_secret"])
    copies = sorted(path.name for path in out.iterdir())
    assert copies == [f"{pg_project}-{people['amal_name']}.alama", f"{pg_project}-basel.alama"]
    with Store.open(out / f"{pg_project}-{people['amal_name']}.alama") as copy:
        assert copy.handed_to() == people["amal_name"]
        assert copy.layer_names() == [people["amal_name"]]  # no other layer, no gold
        assert copy.document_count() == 1


def test_file_only_commands_say_so_for_a_server(people, tmp_path: Path) -> None:
    both = alama("merge", people["lead"], people["amal"])
    assert both.exit_code == 1 and "both on a server" in both.output
    no_secret(both, people["lead_secret"])


def test_a_file_target_still_merges_files_as_before(tmp_path: Path) -> None:
    source, target = tmp_path / "amal.alama", tmp_path / "all.alama"
    with Store.create(source) as store:
        doc, _ = store.add_document("قال الرئيس", doc_id="d1")
        store.add_span(doc, "amal", 0, 3, "ACTOR")
    merged = alama("merge", str(target), str(source))
    assert merged.exit_code == 0, merged.output
    with sqlite3.connect(target) as conn:
        assert conn.execute("SELECT count(*) FROM spans").fetchone() == (1,)


ARTICLES = [
    {"text": "قال الرئيس في بيروت إن الحكومة ستجتمع", "meta": {"id": "d1"},
     "spans": [{"start": 4, "end": 10, "label": "ACTOR"},
               {"start": 14, "end": 19, "label": "PLACE"}]},
    {"text": "وزير الخارجية في القاهرة", "meta": {"id": "d2"}, "spans": []},
]  # fmt: skip


def test_the_lead_imports_counts_and_exports_as_from_a_file(
    pg_server, pg_project, people, tmp_path: Path
) -> None:
    import json

    data = tmp_path / "news.jsonl"
    data.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n")
    assert alama("init", people["owner"]).exit_code == 0  # the labels, by the owner
    imported = alama("import", people["lead"], str(data), "--annotator", "amal")
    assert imported.exit_code == 0, imported.output
    assert "2 new documents" in imported.output
    no_secret(imported, people["lead_secret"])
    project = tmp_path / "same.alama"
    assert alama("init", str(project)).exit_code == 0
    assert alama("import", str(project), str(data), "--annotator", "amal").exit_code == 0
    counted = alama("stats", people["lead"], "--json")
    assert counted.exit_code == 0, counted.output
    from_file = json.loads(alama("stats", str(project), "--json").output)
    assert json.loads(counted.output) == from_file
    table = alama("stats", people["lead"])
    assert table.output.startswith(f"postgresql://{people['lead_name']}@/{pg_project}?host=")
    assert ": 2 documents" in table.output.splitlines()[0]
    no_secret(table, people["lead_secret"])
    served, filed = tmp_path / "server.jsonl", tmp_path / "file.jsonl"
    assert alama("export", people["lead"], "-o", str(served)).exit_code == 0
    assert alama("export", str(project), "-o", str(filed)).exit_code == 0
    assert served.read_text() == filed.read_text()
    assert "بيروت" in served.read_text()


def test_an_annotator_is_refused_importing_in_one_line(people, tmp_path: Path) -> None:
    import json

    data = tmp_path / "news.jsonl"
    data.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n")
    assert alama("init", people["owner"]).exit_code == 0
    refused = alama("import", people["amal"], str(data))
    assert refused.exit_code == 1
    errors = [line for line in refused.output.splitlines() if line.startswith("Error: ")]
    assert errors == [
        f"Error: the server refused this to {people['amal_name']}: "
        "permission denied for table documents"
    ], refused.output
    no_secret(refused, people["secret"], people["lead_secret"])
    counted = alama("stats", people["lead"], "--json")
    assert json.loads(counted.output)["documents"] == 0


def test_a_password_the_server_wants_is_asked_on_a_terminal_and_never_shown(
    pg_server, pg_project, people, monkeypatch: pytest.MonkeyPatch
) -> None:
    from alama.core import targets

    bare = pg_server.url(pg_project, people["lead_name"], "")
    assert ":" not in bare.split("@")[0].removeprefix("postgresql://")
    refused = alama("stats", bare)  # no terminal: the server's refusal in one line
    assert refused.exit_code == 1 and "password" in refused.output
    asked: list[str] = []

    def ask(where: str) -> str:
        asked.append(where)
        return people["lead_secret"]

    monkeypatch.setattr(targets, "ask_password", ask)
    counted = alama("stats", bare)
    assert counted.exit_code == 0, counted.output
    assert asked == [
        f"postgresql://{people['lead_name']}@/{pg_project}?host=" + bare.split("?host=")[1]
    ]
    no_secret(counted, people["lead_secret"])
    listed = alama("team", "list", bare)
    assert listed.exit_code == 0 and people["amal_name"] in listed.output


def test_a_command_on_a_file_never_imports_psycopg(tmp_path: Path) -> None:
    import subprocess
    import sys

    project = tmp_path / "p.alama"
    Store.create(project).close()
    script = (
        "import sys\nfrom alama.core.cli import main\n"
        f"sys.argv = ['alama', 'stats', {str(project)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg'))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.stdout.splitlines()[-1] == "[]", done.stdout + done.stderr


def test_a_reviewer_accepts_agreed_spans_into_gold_as_their_login(
    pg_server, pg_project, people, tmp_path: Path
) -> None:
    from alama.core.store.pg_team import add_reviewer

    source = tmp_path / "two.alama"
    with Store.create(source) as store:
        doc, _ = store.add_document("قال الرئيس في بيروت", doc_id="d1")
        for name in (people["amal_name"], "basel"):
            store.add_span(doc, name, 4, 10, "ACTOR")
            store.set_status(doc, name, Status.DONE)
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    rana = f"rana_{pg_project}"
    with pg_server.connect(pg_project, people["lead_name"], people["lead_secret"]) as conn:
        conn.autocommit = True
        password = add_reviewer(conn, rana)
    reviewed = alama("review", pg_server.url(pg_project, rana, password), "--accept-agreed")
    assert reviewed.exit_code == 0, reviewed.output
    assert reviewed.output.startswith("accepted 1 agreed span into gold in 1 document")
    with ServerStore.open(people["lead"]) as store:
        (gold,) = store.spans(1, "@gold")
        assert gold.reviewer == rana


def test_a_server_merged_into_an_existing_file_follows_the_rules_for_files(
    people, tmp_path: Path
) -> None:
    source, mine = tmp_path / "team.alama", tmp_path / "amal.alama"
    amal = people["amal_name"]
    filled(source, amal, "basel", "rana")
    assert alama("merge", people["lead"], str(source)).exit_code == 0
    assert alama("merge", str(mine), people["amal"]).exit_code == 0
    refused = alama("merge", str(mine), people["lead"])  # every layer: not one annotator's
    assert refused.exit_code == 1 and len(refused.output.strip().splitlines()) == 1
    assert refused.output.startswith(f"Error: cannot merge postgresql://{people['lead_name']}@/")
    no_secret(refused, people["lead_secret"])
    taken = alama("merge", str(mine), people["lead"], "--all-layers")
    assert taken.exit_code == 0, taken.output
    with Store.open(mine) as store:
        assert store.document_ids() == [1, 2]
        assert "basel" in {span.annotator for span in store.iter_spans()}


def test_review21_adding_a_login_that_exists_says_it_keeps_its_password(
    pg_server, pg_project
) -> None:
    """Reviewer's repro: adding a person whose login another project made printed neither a
    password nor a word about it."""
    from alama.core.cli_server import team
    from alama.core.store.pg_connect import set_up

    runner = CliRunner()
    person = f"salma_{pg_project}"
    first = runner.invoke(team, ["add-annotator", pg_server.url(pg_project), person])
    assert first.exit_code == 0 and "password: " in first.output, first.output
    other = f"other_{pg_project}"
    pg_server.create_database(other)
    set_up(pg_server.url(other))
    again = runner.invoke(team, ["add-annotator", pg_server.url(other), person])
    assert again.exit_code == 0, again.output
    assert "password: " not in again.output
    assert f"{person} has a login on this server already" in again.output
    assert "keeps the password" in again.output


def test_review21_a_table_locked_forever_makes_reading_busy_not_hang(pg_server, pg_project) -> None:
    """Reviewer's repro: another person's ``LOCK TABLE spans IN ACCESS EXCLUSIVE MODE`` (or a
    statement past its timeout) is `ProjectBusy` in one line, never a wait without end."""
    from alama.core.errors import ProjectBusy

    with ServerStore.open(pg_server.url(pg_project)) as store:
        store.wait_for_lock(0.2)
        with pg_server.connect(pg_project) as holder:
            holder.execute("LOCK TABLE spans IN ACCESS EXCLUSIVE MODE")
            with pytest.raises(ProjectBusy, match="is busy"):
                list(store.all_spans())
            store.wait_for_lock(60)
            store._set("statement_timeout", "200")
            with pytest.raises(ProjectBusy, match="is busy"):
                list(store.all_spans())
            holder.rollback()
