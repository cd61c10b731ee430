"""The command line as a user meets it: the issue's own workflow, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from tests.conftest import SAMPLES, SEEDS, dump, needs_shared


def alama(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real `alama` command in a subprocess, as a user would."""
    return subprocess.run(
        [sys.executable, "-m", "alama.core.cli", *args], capture_output=True, text=True, timeout=120
    )


@needs_shared
def test_init_import_export_gives_back_every_seed_article(tmp_path: Path) -> None:
    project, out = tmp_path / "p.alama", tmp_path / "out.jsonl"
    assert alama("init", str(project)).returncode == 0
    imported = alama("import", str(project), str(SEEDS))
    assert imported.returncode == 0, imported.stderr
    assert "5 new documents" in imported.stderr
    exported = alama("export", str(project), "--format", "jsonl", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts == [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def test_stats_in_text_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    project = str(tmp_path / "p.alama")
    runner.invoke(cli, ["init", project])
    source = tmp_path / "in.jsonl"
    text = "قال الجيش إن حلب آمنة"
    source.write_text(
        json.dumps(
            {
                "text": text,
                "_annotator_id": "amal",
                "spans": [
                    {"start": 4, "end": 9, "label": "ACTOR"},
                    {"start": 13, "end": 16, "label": "PLACE"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert runner.invoke(cli, ["import", project, str(source), str(SAMPLES)]).exit_code == 0
    result = runner.invoke(cli, ["stats", project, "--json"])
    stats = json.loads(result.output)
    assert stats["documents"] == 7
    assert stats["annotators"]["amal"] == {
        "done": 1,
        "in_progress": 0,
        "spans": {"ACTOR": 1, "PLACE": 1},
    }
    table = runner.invoke(cli, ["stats", project]).output
    assert "7 documents" in table and "amal" in table and "ACTOR" in table


def test_init_with_a_label_file(tmp_path: Path) -> None:
    labels = tmp_path / "labels.toml"
    labels.write_text('[[label]]\nkey = "PERS"\nshortcut = "1"\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["init", str(tmp_path / "p.alama"), "--labels", str(labels)])
    assert result.exit_code == 0 and "PERS" in result.output


def test_demo_builds_the_sample_project_once(tmp_path: Path) -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["demo", "--no-window", "--path", str(tmp_path / "d.alama")])
    assert first.exit_code == 0, first.output
    stats = json.loads(runner.invoke(cli, ["stats", str(tmp_path / "d.alama"), "--json"]).output)
    assert stats["documents"] == len(list(SAMPLES.glob("*.txt")))
    again = runner.invoke(cli, ["demo", "--no-window", "--path", str(tmp_path / "d.alama")])
    assert again.exit_code == 0
    assert not list(tmp_path.glob(".demo-*")), "a temporary build file was left behind"


@pytest.mark.parametrize(
    "make, args, message",
    [
        (None, ["import", "{dir}/none.alama", "{dir}/x.txt"], "no such project"),
        ("text", ["stats", "{dir}/bad.alama"], "not an Alama project"),
        ("project", ["import", "{dir}/p.alama", "{dir}/missing.jsonl"], "no such file or folder"),
        ("project", ["import", "{dir}/p.alama", "{dir}/broken.jsonl"], "broken.jsonl:2: malformed"),
        ("project", ["export", "{dir}/p.alama", "--split", "a=0.5"], "add up to 0.5"),
        ("project", ["init", "{dir}/p.alama"], "already exists"),
        ("text", ["open", "{dir}/bad.alama"], "not an Alama project"),
        ("project", ["import", "{dir}/p.alama", "{dir}/broken.jsonl", "--map", "X"], "not OLD=NEW"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, make: str | None, args: list[str], message: str
) -> None:
    (tmp_path / "broken.jsonl").write_text('{"text": "نص"}\n{"text": \n', encoding="utf-8")
    if make == "text":
        (tmp_path / "bad.alama").write_text("not sqlite", encoding="utf-8")
    if make == "project":
        alama("init", str(tmp_path / "p.alama"))
    before = dump(tmp_path / "p.alama") if make == "project" else None
    result = alama(*[arg.format(dir=tmp_path) for arg in args])
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    if before is not None:
        assert dump(tmp_path / "p.alama") == before


def test_every_command_has_help() -> None:
    runner = CliRunner()
    for command in ["init", "import", "export", "stats", "demo", "open"]:
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Usage: " in result.output
    version = runner.invoke(cli, ["--version"])
    assert version.exit_code == 0 and "alama, version" in version.output


def test_formats_from_the_command_line(tmp_path: Path) -> None:
    project = str(tmp_path / "p.alama")
    assert alama("init", project).returncode == 0
    conll = tmp_path / "news.txt"  # a .txt of token-and-tag lines: auto reads it as CoNLL
    conll.write_text(
        "\ufeffقال O\r\nرئيس B-PERS\r\nبلدية I-PERS\r\nحلب I-PERS\r\n\t\r\nفي O\r\nحلب B-LOC",
        encoding="utf-8",
    )
    imported = alama(
        "import", project, str(conll), "--annotator", "anercorp", "--map", "PERS=ACTOR,LOC=PLACE"
    )
    assert imported.returncode == 0, imported.stderr
    assert "imported 2 records from 1 file (1 conll): 2 new documents" in imported.stderr
    nested = tmp_path / "nested.jsonl"
    text = "قال رئيس بلدية حلب"
    nested.write_text(
        json.dumps(
            {
                "text": text,
                "_annotator_id": "amal",
                "spans": [
                    {"start": 4, "end": 18, "label": "ACTOR"},
                    {"start": 15, "end": 18, "label": "PLACE"},
                ],
            },
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    assert alama("import", project, str(nested)).returncode == 0
    before = sorted(p.name for p in tmp_path.iterdir())
    refused = alama("export", project, "--format", "conll", "-o", str(tmp_path / "all.conll"))
    assert refused.returncode == 1
    assert "1 span cannot be written as tags" in refused.stderr
    # the JSONL record has the CoNLL sentence's text: its spans joined that document
    assert "news-1 (amal): ACTOR 'رئيس بلدية حلب' at 4–18 overlaps PLACE 'حلب'" in refused.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    written = alama(
        "export", project, "--format", "conll", "--labels", "ACTOR", "-o", str(tmp_path / "a.conll")
    )
    assert written.returncode == 0, written.stderr
    assert "left out 2: spans with a label not chosen by --labels" in written.stderr
    brat = alama("export", project, "--format", "brat", "-o", str(tmp_path / "brat"))
    assert brat.returncode == 0, brat.stderr
    assert (
        (tmp_path / "brat" / "amal" / "news-1.ann")
        .read_text("utf-8")
        .startswith("T1\tACTOR 4 18\tرئيس بلدية حلب\n")
    )
    gold = alama("export", project, "--gold")
    assert gold.returncode == 1
    assert gold.stderr.startswith("Error: the project has no gold layer yet")
    both = alama("export", project, "--gold", "--annotator", "amal")
    assert both.stderr.strip() == "Error: choose --annotator or --gold, not both"
