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

from alama.core import __version__, arabic_models, doctor, platform_check
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


# --- the window's system libraries: Qt's X11 plugin ------------------------------------------

DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n'
UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n'
FEDORA = 'NAME="Fedora Linux"\nID=fedora\n'
X11 = {"DISPLAY": ":0"}
NO_CURSOR = (
    "the window cannot open: Qt's X11 plugin needs libxcb-cursor.so.0, which is not installed; "
    "install it with: sudo apt-get install libxcb-cursor0"
)
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")


def without(*sonames: str) -> platform_check.Loader:
    """A dynamic linker that finds every library but these."""
    return lambda soname: soname not in sonames


def os_release(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "os-release"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("release", "command"),
    [
        (DEBIAN, "sudo apt-get install libxcb-cursor0"),
        (UBUNTU, "sudo apt-get install libxcb-cursor0"),
        (FEDORA, "sudo dnf install xcb-util-cursor"),
    ],
    ids=["debian", "ubuntu", "fedora"],
)
def test_a_missing_xcb_cursor_is_one_line_with_the_install_command(
    tmp_path: Path, release: str, command: str
) -> None:
    problem = platform_check.window_problem(
        X11, "linux", without("libxcb-cursor.so.0"), os_release(tmp_path, release)
    )
    assert problem is not None and "\n" not in problem
    assert "libxcb-cursor.so.0" in problem and problem.endswith(command)


def test_every_missing_library_is_named_in_one_command(tmp_path: Path) -> None:
    missing = without("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    problem = platform_check.window_problem(X11, "linux", missing, os_release(tmp_path, DEBIAN))
    assert problem is not None
    assert problem.endswith("sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1")


def test_another_system_is_told_the_package_names(tmp_path: Path) -> None:
    for release in (os_release(tmp_path, "ID=arch\n"), tmp_path / "no-such-file"):
        problem = platform_check.window_problem(
            X11, "linux", without("libxcb-cursor.so.0"), release
        )
        assert problem is not None
        assert "(Debian/Ubuntu: libxcb-cursor0; Fedora: xcb-util-cursor)" in problem


@pytest.mark.parametrize(
    ("environ", "platform"),
    [
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"}, "linux"),
        ({"DISPLAY": ":0", "QT_QPA_PLATFORM": "wayland;xcb"}, "linux"),
        ({}, "linux"),
        ({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0", "XDG_SESSION_TYPE": "wayland"}, "linux"),
        ({"DISPLAY": ":0"}, "darwin"),
        ({"DISPLAY": ":0"}, "win32"),
    ],
    ids=["offscreen", "wayland-asked", "no-display", "wayland-session", "macos", "windows"],
)
def test_nothing_is_checked_when_qt_will_not_use_x11(
    environ: dict[str, str], platform: str
) -> None:
    def loader(soname: str) -> bool:
        raise AssertionError(f"{soname} was looked for")

    assert platform_check.window_problem(environ, platform, loader) is None


def test_x11_asked_for_by_name_is_checked() -> None:
    for asked in ("xcb", "xcb:nograb"):
        environ = {"DISPLAY": ":0", "QT_QPA_PLATFORM": asked}
        assert platform_check.window_problem(environ, "linux", without("libxcb-cursor.so.0"))
    assert platform_check.window_problem(X11, "linux", lambda soname: True) is None


@linux_only
def test_the_dynamic_linker_is_asked_for_real() -> None:
    assert platform_check.can_load("libc.so.6")
    assert not platform_check.can_load("libalama-no-such-library.so.0")


@pytest.fixture
def fresh_debian(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """An X11 session on a Debian without libxcb-cursor0, where Qt must not be started."""
    from alama.gui import app

    monkeypatch.setenv("DISPLAY", ":0")
    for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("ALAMA_HOME", str(tmp_path / "alama-home"))
    monkeypatch.setattr(platform_check, "can_load", without("libxcb-cursor.so.0"))
    monkeypatch.setattr(platform_check, "OS_RELEASE", os_release(tmp_path, DEBIAN))

    def no_qt(*args: object) -> object:
        raise AssertionError("Qt was started: it would abort the process")

    monkeypatch.setattr(app, "create_app", no_qt)
    monkeypatch.setattr(app, "check_window", no_qt)


@linux_only
@pytest.mark.usefixtures("fresh_debian")
def test_alama_and_alama_demo_say_what_to_install_instead_of_aborting(tmp_path: Path) -> None:
    for args in (["demo", "--path", str(tmp_path / "demo.alama")], []):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.output == f"Error: {NO_CURSOR}\n"


@linux_only
@pytest.mark.usefixtures("fresh_debian")
def test_alama_gui_says_what_to_install_instead_of_aborting(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from alama.gui import app

    monkeypatch.setattr(sys, "argv", ["alama-gui"])
    with pytest.raises(SystemExit) as exited:
        app.main()
    assert exited.value.code == 1
    assert capsys.readouterr().err == f"Error: {NO_CURSOR}\n"


@linux_only
@pytest.mark.usefixtures("fresh_debian")
def test_doctor_fails_on_a_missing_xcb_cursor_and_does_not_try_the_window() -> None:
    result = CliRunner().invoke(cli, ["doctor"])
    assert result.exit_code == 1, result.output
    line = next(line for line in result.output.splitlines() if "x11 libraries" in line)
    assert line.startswith("FAILED") and line.endswith("sudo apt-get install libxcb-cursor0")
    assert "FAILED  window" in result.output and "not tried" in result.output


@linux_only
@pytest.mark.usefixtures("fresh_debian")
def test_doctor_only_reports_the_library_when_the_window_does_not_use_x11(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    result = CliRunner().invoke(cli, ["doctor", "--no-window"])
    assert result.exit_code == 0, result.output
    line = next(line for line in result.output.splitlines() if "x11 libraries" in line)
    assert line.startswith("-") and "sudo apt-get install libxcb-cursor0" in line


def test_doctor_checks_the_x11_libraries_on_this_machine() -> None:
    check = doctor.check_x11_libraries({"QT_QPA_PLATFORM": "offscreen"})
    missing = platform_check.missing_libraries()
    assert check.ok == (not missing)
    assert check.ok or check.optional, "not needed offscreen: reported, never a failure"
