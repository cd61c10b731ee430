"""The layering of STYLE.md: gui over core, core/ never imports Qt, camel-tools stays in the
Arabic text modules, and the GPL-3.0 krippendorff package is never imported by Alama."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.test_static import not_installed


def test_import_linter_contracts_hold() -> None:
    """import-linter's contracts (pyproject.toml), as `make lint` runs them: on the installed
    package itself, the link tree of the editable install, which holds every module."""
    assert not_installed() == [], "run `make develop`: the contracts would not see them"
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is not installed"
    result = subprocess.run(
        [command, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


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
