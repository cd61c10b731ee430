"""`alama team` (core/cli_server.py, not yet a command of `alama`): people added on a real
server, their passwords printed once, and errors in one line."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from alama.core.cli_server import team

pytestmark = pytest.mark.slow


def test_the_lead_is_added_then_adds_an_annotator_who_can_log_in(pg_server, pg_project) -> None:
    runner = CliRunner()
    lead = f"lead_cli_{pg_project}"
    added = runner.invoke(team, ["add-lead", pg_server.url(pg_project), lead])
    assert added.exit_code == 0, added.output
    password = re.search(r"^password: (\S+)$", added.output, re.M)
    assert password, added.output
    as_lead = pg_server.url(pg_project, lead, password.group(1))
    assert pg_server.password not in added.output
    added = runner.invoke(
        team, ["add-annotator", as_lead, f"سلمى_{pg_project}", "--password", "x1"]
    )
    assert added.exit_code == 0, added.output
    assert "password" not in added.output  # the one given is not printed back
    with pg_server.connect(pg_project, f"سلمى_{pg_project}", "x1") as conn:
        assert conn.execute("SELECT current_user").fetchone() == (f"سلمى_{pg_project}",)
    listed = runner.invoke(team, ["list", as_lead])
    assert listed.output.splitlines() == [f"{lead}\tlead", f"سلمى_{pg_project}\tannotator"]


def test_a_file_a_refusal_and_an_unreachable_server_are_one_line_errors(
    pg_server, pg_project, tmp_path
) -> None:
    runner = CliRunner()
    result = runner.invoke(team, ["add-annotator", str(tmp_path / "news.alama"), "amal"])
    assert result.exit_code == 1
    assert "is not a server project" in result.output
    result = runner.invoke(team, ["add-lead", pg_server.url(pg_project), "pg_amal"])
    assert result.exit_code == 1 and "keeps for itself" in result.output
    url = pg_server.url(pg_project).replace("socket", "gone")
    result = runner.invoke(team, ["add-annotator", url, "amal"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: could not connect to postgresql://postgres@/")
    assert pg_server.password not in result.output and len(result.output.splitlines()) == 1
