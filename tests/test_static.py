"""What `make lint` stands on: the static tools read alama.* as an installed package.

`make` installs Alama editable in setuptools' strict mode, a tree of links to core/, gui/ and
resources/ in build/__editable__.*, with a py.typed marker in each package: mypy (and
lint-imports, and PyInstaller) follow every `alama.*` import to its real types, so a call across
modules with the wrong types is an error, where it used to be `Any` and passed.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT

FOLDERS = ("core", "gui", "resources")
"""The folders pyproject.toml maps onto alama.core, alama.gui and alama.resources."""


def module_name(path: Path) -> str:
    """core/store/spans.py → alama.core.store.spans; gui/__init__.py → alama.gui."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(("alama", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def not_installed() -> list[str]:
    """The modules of core/, gui/ and resources/ that Python does not find as the same file
    under their alama.* name: those added since the link tree was made."""
    missing = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.py")):
            name = module_name(path)
            try:
                spec = importlib.util.find_spec(name)
            except ImportError:  # a subpackage that is not installed either
                spec = None
            if spec is None or spec.origin is None or not Path(spec.origin).samefile(path):
                missing.append(name)
    return missing


def test_every_subpackage_is_listed_for_setuptools() -> None:
    """setuptools installs the packages pyproject.toml lists: a new folder of modules (say
    gui/modes/) is missing from the install, and from every check, until it is listed."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        module_name(init) for folder in FOLDERS for init in (ROOT / folder).rglob("__init__.py")
    }
    assert sorted(found - listed) == [], "add them to [tool.setuptools] packages in pyproject.toml"


def test_every_module_is_in_the_installed_package() -> None:
    """The link tree is made when the package is installed: a module added since is invisible
    to Python, mypy and lint-imports until `make develop` (or `make test`, `make lint`) runs."""
    assert not_installed() == [], "run `make develop`"


SNIPPET = """\
from alama.core.model import Status
from alama.core.store import Store


def finish(store: Store, doc: int, annotator: str) -> Status:
    return store.set_status(doc={doc}, annotator={annotator}, state=Status.DONE)
"""


def mypy(snippet: Path, source: str) -> subprocess.CompletedProcess[str]:
    """mypy as `make lint` runs it (pyproject's settings, the project's cache), on one file
    (a new name each time: mypy's cache knows a file by its name, size and time)."""
    snippet.write_text(source, encoding="utf-8")
    command = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml")]
    return subprocess.run(
        # The third-party overrides are unused here: not worth a note.
        [*command, "--no-warn-unused-configs", "--no-error-summary", str(snippet)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.slow
def test_a_call_across_modules_is_checked_with_the_real_types(tmp_path: Path) -> None:
    """The same call into alama.core.store, with its arguments swapped and then right: mypy
    refuses the first, naming the argument and both types, and accepts the second."""
    wrong = mypy(tmp_path / "wrong.py", SNIPPET.format(doc="annotator", annotator="doc"))
    assert wrong.returncode == 1, wrong.stdout + wrong.stderr
    assert (
        'Argument "doc" to "set_status" of "StoreRows" has incompatible type "str"; expected "int"'
    ) in wrong.stdout
    assert (
        'Argument "annotator" to "set_status" of "StoreRows" has incompatible type "int"; '
        'expected "str"'
    ) in wrong.stdout

    right = mypy(tmp_path / "right.py", SNIPPET.format(doc="doc", annotator="annotator"))
    assert right.returncode == 0, right.stdout + right.stderr


@pytest.mark.slow
def test_an_alama_module_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    """No global ignore_missing_imports: an import mypy cannot resolve is reported, not
    silently typed Any (only named third-party packages without types are let through)."""
    done = mypy(tmp_path / "unknown.py", "from alama.core.no_such_module import anything\n")
    assert done.returncode == 1, done.stdout + done.stderr
    assert 'module named "alama.core.no_such_module"' in done.stdout
    assert "[import-not-found]" in done.stdout
