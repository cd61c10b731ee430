"""The command line starts at once: its quick commands load none of the heavy libraries.

`alama --version` and `alama stats` took 0.8–1.5 s of CPU, spent importing camel-tools' Unicode
tables and sqlite-utils, which imports pandas and numpy and whose plugin machinery reads the
entry points of every installed distribution (through ``importlib.metadata``). None of it is
needed to print a version or count a project's spans. These tests hold the cause away, whatever
the machine's speed: they run the real command in a fresh process and look at what it imported.
(`make bench` prints the CPU figures.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alama.core.model import Origin, Status
from alama.core.store import Store

pytestmark = pytest.mark.slow

HEAVY = ("camel_tools", "numpy", "pandas", "sqlite_utils", "pluggy", "importlib.metadata")
"""What a quick command never loads: importlib.metadata is what scans entry points."""

RUN_AND_LIST = """
import json, sys
from alama.core.cli import main
sys.argv = ["alama", *sys.argv[1:]]
try:
    main()
finally:
    loaded = sorted(
        name for name in sys.modules
        if any(name == root or name.startswith(root + ".") for root in HEAVY)
    )
    print("\\nloaded: " + json.dumps(loaded), file=sys.stderr)
"""


def loaded_by(*args: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    """Run ``alama ARGS`` in a fresh Python; its result, and which of `HEAVY` it imported."""
    script = f"HEAVY = {HEAVY!r}\n{RUN_AND_LIST}"
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=120
    )
    tail = done.stderr.rsplit("\nloaded: ", 1)
    assert len(tail) == 2, done.stderr
    return done, json.loads(tail[1])


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = store.add_document("قال الجيش إن حلب آمنة", doc_id="a1")
        store.add_span(doc, "amal", 4, 9, "ACTOR", Origin.MANUAL)
        store.add_span(doc, "amal", 13, 16, "PLACE", Origin.MANUAL)
        store.set_status(doc, "amal", Status.DONE)
    return path


def test_version_loads_nothing_heavy() -> None:
    done, loaded = loaded_by("--version")
    assert done.returncode == 0 and "alama, version" in done.stdout
    assert loaded == []


@pytest.mark.parametrize("as_json", [False, True])
def test_stats_reads_a_project_without_loading_anything_heavy(project: Path, as_json: bool) -> None:
    done, loaded = loaded_by("stats", str(project), *(["--json"] if as_json else []))
    assert done.returncode == 0, done.stderr
    if as_json:
        counts = json.loads(done.stdout)
        assert counts["documents"] == 1
        assert counts["annotators"]["amal"]["spans"] == {"ACTOR": 1, "PLACE": 1}
    else:
        assert "1 documents" in done.stdout and "amal" in done.stdout
    assert loaded == []


def test_help_lists_every_command_without_loading_anything_heavy() -> None:
    done, loaded = loaded_by("--help")
    assert done.returncode == 0
    for command in (
        "import",
        "export",
        "agreement",
        "review",
        "merge",
        "stats",
        "doctor",
        "assign",
        "handout",
        "collect",
        "guidelines",
    ):
        assert f"  {command} " in done.stdout
    assert loaded == []


def test_the_heavy_libraries_load_when_a_command_needs_them(project: Path, tmp_path: Path) -> None:
    """The check above can fail: an export does tokenize (camel-tools, numpy), and making a new
    project applies sqlite-utils' migrations, without scanning for its plugins."""
    out = tmp_path / "out.jsonl"
    done, loaded = loaded_by("export", str(project), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert {"camel_tools", "numpy"} <= set(loaded)
    assert json.loads(out.read_text(encoding="utf-8"))["tokens"]
    done, loaded = loaded_by("init", str(tmp_path / "new.alama"))
    assert done.returncode == 0, done.stderr
    assert "sqlite_utils" in loaded and "pluggy" in loaded
    assert "importlib.metadata" not in loaded  # sqlite-utils' plugins are never looked for
