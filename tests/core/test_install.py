"""An installation as a lead checks it: camel-tools' optional models found (or not) on disk
without going online, `alama doctor`, `--version` and `--help` for every command."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from alama.core import __version__, arabic_models, doctor
from alama.core.arabic_models import MODELS, data_dir, report
from alama.core.cli import cli
from tests.conftest import ROOT

ALL = "camel_data -i ner-arabert morphology-db-msa-r13 disambig-mle-calima-msa-r13"


def install(root: Path, package: str, version: str | None = "1.0.0", files: bool = True) -> Path:
    """Lay out a package as `camel_data -i` leaves it: files unpacked, versions.json updated."""
    model = next(m for m in MODELS if m.package == package)
    folder = root / "data" / model.folder
    folder.mkdir(parents=True, exist_ok=True)
    if files:
        (folder / "config.json").write_text("{}", encoding="utf-8")
    if version:
        versions = root / "versions.json"
        known = json.loads(versions.read_text("utf-8")) if versions.exists() else {}
        versions.write_text(json.dumps({**known, package: version}), encoding="utf-8")
    return folder


def test_the_data_folder_is_camel_tools_own(tmp_path: Path) -> None:
    assert data_dir({"CAMELTOOLS_DATA": str(tmp_path)}) == tmp_path
    assert data_dir({"CAMELTOOLS_DATA": "~/ct"}, home=tmp_path) == Path.home() / "ct"
    expected = "AppData/Roaming/camel_tools" if sys.platform == "win32" else ".camel_tools"
    assert data_dir({}, home=tmp_path) == tmp_path / expected


def test_nothing_installed_names_every_package(tmp_path: Path) -> None:
    found = report({"CAMELTOOLS_DATA": str(tmp_path / "none")})
    assert [s.installed for s in found.models] == [False, False, False]
    assert found.install_command() == ALL
    assert found.from_environment and found.data_dir == tmp_path / "none"


def test_installed_models_are_found_with_their_versions(tmp_path: Path) -> None:
    install(tmp_path, "ner-arabert", "1.0.0")
    install(tmp_path, "morphology-db-msa-r13", None)  # unpacked by hand: no versions.json entry
    install(tmp_path, "disambig-mle-calima-msa-r13", "0.2.5", files=False)  # an empty folder
    found = {s.model.package: s for s in report({"CAMELTOOLS_DATA": str(tmp_path)}).models}
    assert found["ner-arabert"].installed and found["ner-arabert"].version == "1.0.0"
    assert found["morphology-db-msa-r13"].installed
    assert found["morphology-db-msa-r13"].version is None
    assert not found["disambig-mle-calima-msa-r13"].installed, "an empty folder is not a model"
    command = report({"CAMELTOOLS_DATA": str(tmp_path)}).install_command()
    assert command == "camel_data -i disambig-mle-calima-msa-r13"


def test_every_model_installed_means_no_command(tmp_path: Path) -> None:
    for model in MODELS:
        install(tmp_path, model.package)
    assert report({"CAMELTOOLS_DATA": str(tmp_path)}).install_command() is None


def test_a_local_catalogue_says_where_the_default_dataset_is(tmp_path: Path) -> None:
    catalogue = {
        "components": {
            "NamedEntityRecognition": {
                "default": "camelbert",
                "datasets": {"camelbert": {"path": "ner/camelbert"}},
            }
        }
    }
    (tmp_path / "catalogue.json").write_text(json.dumps(catalogue), encoding="utf-8")
    install(tmp_path, "ner-arabert")  # the old default's folder: not the one camel-tools loads
    ner = report({"CAMELTOOLS_DATA": str(tmp_path)}).models[0]
    assert ner.path == tmp_path / "data" / "ner" / "camelbert" and not ner.installed
    (ner.path).mkdir(parents=True)
    (ner.path / "model.bin").write_bytes(b"\0")
    assert report({"CAMELTOOLS_DATA": str(tmp_path)}).models[0].installed


def test_unreadable_files_in_the_data_folder_are_not_an_error(tmp_path: Path) -> None:
    (tmp_path / "versions.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "catalogue.json").write_bytes(b"\xff\xfe")
    found = report({"CAMELTOOLS_DATA": str(tmp_path)})
    assert found.install_command() == ALL


def test_pytorch_missing_is_reported(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    real = arabic_models.importlib.util.find_spec
    monkeypatch.setattr(
        arabic_models.importlib.util, "find_spec",
        lambda name: None if name == "torch" else real(name),
    )  # fmt: skip
    assert report({"CAMELTOOLS_DATA": str(tmp_path)}).runtime_missing == ("torch",)


def test_checking_never_imports_camel_tools_data(tmp_path: Path) -> None:
    """Importing camel_tools.data fetches its catalogue from the network (SPEC 2)."""
    code = (
        "import sys; from alama.core.arabic_models import report; report(); "
        "print('camel_tools.data' in sys.modules, 'torch' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={"CAMELTOOLS_DATA": str(tmp_path), "PATH": ""},
    )  # fmt: skip
    assert done.stdout.split() == ["False", "False"], done.stderr
    assert list(tmp_path.iterdir()) == [], "nothing was written into the data folder"


def test_doctor_passes_on_this_installation() -> None:
    result = CliRunner().invoke(cli, ["doctor", "--no-window"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"alama {__version__} (Python ")
    for name in ("font", "translation", "arabic text", "demo"):
        line = next(line for line in lines if line[8:].startswith(name))
        assert line.startswith("ok"), line
    assert "6 sample articles built and searched" in result.output
    assert result.output.rstrip().endswith("Alama is ready.")


def test_doctor_reports_a_missing_font_and_fails(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = doctor.resource
    (tmp_path / "fonts").mkdir()
    monkeypatch.setattr(
        doctor, "resource",
        lambda *parts: tmp_path / "fonts" if parts == ("fonts",) else real(*parts),
    )  # fmt: skip
    result = CliRunner().invoke(cli, ["doctor", "--no-window"])
    assert result.exit_code == 1
    assert "FAILED  font" in result.output
    assert "Error: 1 problem(s) found" in result.output


def test_doctor_reports_a_missing_translation(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = doctor.resource
    monkeypatch.setattr(
        doctor, "resource",
        lambda *parts: tmp_path / parts[-1] if parts[0] == "i18n" else real(*parts),
    )  # fmt: skip
    check = doctor.check_translation()
    assert not check.ok and "alama_ar.qm is missing" in check.detail


def test_optional_models_never_fail_the_doctor(tmp_path: Path) -> None:
    checks = doctor.model_checks()
    assert [c.name for c in checks] == [m.package for m in MODELS]
    assert all(c.optional for c in checks)


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.output == f"alama, version {__version__}\n"
    assert __version__ in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'version = "{__version__}"' in pyproject


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_explains_itself(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Usage: cli {command}")
    summary = result.output.split("\n\n")[1].strip()
    assert len(summary) > 20, f"`alama {command} --help` needs a sentence saying what it does"
    params = cli.commands[command].params
    for option in params:
        if isinstance(option, click.Option) and not option.hidden:
            assert option.help, f"`alama {command}` {option.opts[0]} has no help text"
    assert "-h, --help" in result.output


def test_a_check_that_raises_is_reported_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(path: Path) -> doctor.Check:
        raise sqlite3.OperationalError("no such module: fts5")

    monkeypatch.setattr(doctor, "check_demo_and_storage", broken)
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1, result.output
    assert (
        "FAILED  demo" in result.output
        and "OperationalError: no such module: fts5" in result.output
    )
    assert "FAILED  window" in result.output and "not tried" in result.output
    assert "Error: 2 problem(s) found" in result.output
