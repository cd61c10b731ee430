"""The layering of STYLE.md: core/ never imports Qt, camel-tools stays in the text module."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_import_linter_contracts_hold() -> None:
    command = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert command, "import-linter is not installed"
    result = subprocess.run([command], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_sql_stays_in_the_storage_module() -> None:
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b[^\n]*\b(FROM|INTO|SET)\b")
    offenders = [
        path.relative_to(ROOT) for folder in ("core", "gui") for path in (ROOT / folder).rglob("*.py")
        if path.name not in ("store.py", "migrations.py") and sql.search(path.read_text("utf-8"))
    ]
    assert offenders == []
