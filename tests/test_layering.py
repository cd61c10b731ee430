"""The layering of STYLE.md: core/ never imports Qt, camel-tools stays in the text module, and
the GPL-3.0 krippendorff package is never imported by Alama."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_linter_contracts_hold(tmp_path: Path) -> None:
    """Run import-linter's contracts (pyproject.toml) over a plain copy of the package.

    The editable install maps alama.core and alama.gui onto core/ and gui/ through an import
    hook that import-linter cannot walk, so the contracts are checked on a copy laid out as an
    installed package.
    """
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is not installed"
    package = tmp_path / "alama"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for folder in ("core", "gui", "resources"):
        shutil.copytree(
            ROOT / folder,
            package / folder,
            ignore=shutil.ignore_patterns("__pycache__", "*.ttf", "*.txt", "*.qm"),
        )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_sql_stays_in_the_storage_module() -> None:
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b[^\n]*\b(FROM|INTO|SET)\b")
    offenders = [
        path.relative_to(ROOT)
        for folder in ("core", "gui")
        for path in (ROOT / folder).rglob("*.py")
        if path.parent.name != "store"
        and path.name != "migrations.py"
        and sql.search(path.read_text("utf-8"))
    ]
    assert offenders == []
