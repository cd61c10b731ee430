"""The packaged build, run as a user would: the one-folder program PyInstaller makes from
packaging/alama.spec, started in a fresh process with no repository on its path.

`make package` builds into dist/alama and runs this file on that build (ALAMA_PACKAGE);
`make test` builds into a temporary folder first (about a minute).
"""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from alama.core import __version__
from alama.core.cli import cli
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built folder: the one `make package` made, else a fresh build of the spec."""
    if os.environ.get("ALAMA_PACKAGE"):
        folder = Path(os.environ["ALAMA_PACKAGE"]).absolute()
        assert (folder / "alama").exists(), f"no build in {folder}: run `make package`"
        return folder
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "pyinstaller is a test dependency: `make test` installs it"
    for code in ("ar", "en"):
        assert (ROOT / "resources" / "i18n" / f"alama_{code}.qm").exists(), "run `make test`"
    temp = tmp_path_factory.mktemp("package")
    subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(temp / "dist"),
         "--workpath", str(temp / "work"), str(ROOT / "packaging" / "alama.spec")],
        check=True, cwd=ROOT, capture_output=True, timeout=900,
    )  # fmt: skip
    return temp / "dist" / "alama"


@pytest.fixture
def user(tmp_path: Path) -> dict[str, str]:
    """A user's environment: a home of their own, no display, no repository on the path."""
    home = tmp_path / "home"
    home.mkdir()
    keep = {key: os.environ[key] for key in ("PATH", "LANG", "LC_ALL") if key in os.environ}
    return {**keep, "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def run(program: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=300
    )


def test_version(build: Path, user: dict[str, str]) -> None:
    done = run(build / "alama", "--version", env=user)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"alama, version {__version__}"


def test_window_opens_on_the_demo_and_closes(build: Path, user: dict[str, str]) -> None:
    """`alama doctor` in the build: font, translations, Arabic text, demo, and the window
    opened in Arabic on a demo project, painted and closed; the user's files are untouched."""
    done = run(build / "alama", "doctor", env=user)
    assert done.returncode == 0, done.stdout + done.stderr
    lines = {line.split()[1]: line for line in done.stdout.splitlines() if line[:2] in ("ok", "FA")}
    for check in ("font", "translation", "arabic", "demo", "window"):
        assert lines[check].startswith("ok"), done.stdout
    assert "opened in Arabic on the demo (offscreen), painted and closed" in lines["window"]
    assert "NotoNaskhArabic-Regular" in lines["font"]
    assert "ner-arabert" in done.stdout  # optional models are reported, and do not fail it
    assert "Traceback" not in done.stderr
    home = Path(user["HOME"])
    assert not (home / ".local" / "share" / "alama").exists(), "doctor wrote into the user's data"


def test_the_window_program_starts_and_quits_on_request(
    build: Path, user: dict[str, str], tmp_path: Path
) -> None:
    """`alama-gui PROJECT`, the desktop entry's command: it stays open until asked to close,
    then exits cleanly (SIGTERM, as a session logout sends)."""
    env = {**user, "ALAMA_HOME": str(tmp_path / "alama-home")}
    project = tmp_path / "demo.alama"
    built = run(build / "alama", "demo", "--no-window", "--path", str(project), env=env)
    assert built.returncode == 0, built.stderr
    settings = Path(env["ALAMA_HOME"]) / "settings.ini"
    settings.parent.mkdir(parents=True, exist_ok=True)
    settings.write_text("[General]\nannotator=amal\n", encoding="utf-8")
    window = subprocess.Popen(
        [str(build / "alama-gui"), str(project)], env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            window.wait(timeout=8)  # still running: the window is open, not crashed
    finally:
        window.terminate()
        _, stderr = window.communicate(timeout=30)
    assert window.returncode == 0, stderr
    assert "Traceback" not in stderr
    assert str(project) in settings.read_text(encoding="utf-8"), "opened, so it became recent"


def test_every_command_runs_in_the_build(build: Path, user: dict[str, str], tmp_path: Path) -> None:
    """Each command's --help, then the lead's round trip: demo, agreement, export (refused
    while relations would be lost), the demo's guidelines."""
    for command in cli.commands:
        done = run(build / "alama", command, "--help", env=user)
        assert done.returncode == 0 and done.stdout.startswith("Usage: alama"), done.stderr
    project = tmp_path / "p.alama"
    built = run(build / "alama", "demo", "--no-window", "--path", str(project), env=user)
    assert built.returncode == 0, built.stderr
    agreement = run(build / "alama", "agreement", str(project), env=user)
    assert agreement.returncode == 0 and "Kripp" in agreement.stdout, agreement.stderr
    out = tmp_path / "out.conll"
    export = run(build / "alama", "export", str(project), "--format", "conll", "--annotator",
                 "amal", "--labels", "ACTOR,CLAIM", "-o", str(out), env=user)  # fmt: skip
    assert export.returncode == 1 and "conll cannot hold relations" in export.stderr
    export = run(build / "alama", "export", str(project), "--format", "conll", "--annotator",
                 "amal", "--labels", "ACTOR,CLAIM", "--without-relations", "-o", str(out),
                 env=user)  # fmt: skip
    assert export.returncode == 0, export.stderr
    assert "B-ACTOR" in out.read_text(encoding="utf-8")
    guidelines = run(build / "alama", "guidelines", str(project), env=user)
    assert guidelines.returncode == 0 and "الفاعل" in guidelines.stdout  # shipped with the demo


def test_the_build_carries_its_files_and_not_pytorch(build: Path) -> None:
    inside = build / "_internal"
    resources = inside / "alama" / "resources"
    assert sorted(p.name for p in (resources / "fonts").iterdir()) == [
        "NotoNaskhArabic-Bold.ttf", "NotoNaskhArabic-Regular.ttf", "OFL.txt",
    ]  # fmt: skip
    assert {p.name for p in (resources / "i18n").iterdir()} == {"alama_ar.qm", "alama_en.qm"}
    assert len(list((resources / "samples").glob("*.txt"))) == 6
    assert (resources / "icons" / "alama.svg").exists()
    assert (inside / "LICENSE").exists() and (inside / "CHANGELOG.md").exists()
    assert not (inside / "torch").exists(), "PyTorch is left out of the build"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_the_x11_plugin_finds_every_library_it_needs(build: Path) -> None:
    """Qt's X11 plugin in the build, as the dynamic linker sees it when the program starts (the
    program's loader puts the build's folder first on LD_LIBRARY_PATH): every library it links
    to resolves, inside the build or on the system, and libxcb-cursor, which fresh systems lack
    and without which Qt aborts, comes from the build."""
    inside = build / "_internal"
    plugin = next(inside.rglob("platforms/libqxcb.so"))
    env = {"PATH": os.environ["PATH"], "LD_LIBRARY_PATH": str(inside)}
    done = subprocess.run(["ldd", str(plugin)], env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    resolved = {}
    for line in done.stdout.splitlines():
        name, arrow, where = line.strip().partition(" => ")
        if arrow:
            resolved[name] = where.split(" (")[0]
    assert "libxcb-cursor.so.0" in resolved, done.stdout
    assert not [name for name, where in resolved.items() if where == "not found"], done.stdout
    assert (inside / "libxcb-cursor.so.0").is_file(), "the build carries libxcb-cursor"
    assert (
        Path(resolved["libxcb-cursor.so.0"]).resolve() == (inside / "libxcb-cursor.so.0").resolve()
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the desktop entry is Linux's")
def test_desktop_entry_and_install_script(build: Path, tmp_path: Path) -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(build / "share" / "alama.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name[ar]"] == "علامة"
    assert desktop["Exec"].split()[0] == "alama-gui" and (build / "alama-gui").exists()
    assert "application/x-alama-project" in desktop["MimeType"]
    validate = shutil.which("desktop-file-validate")
    if validate:
        subprocess.run([validate, str(build / "share" / "alama.desktop")], check=True)

    home = tmp_path / "home"
    env = {"PATH": os.environ["PATH"], "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    subprocess.run([str(build / "install.sh")], env=env, check=True, capture_output=True)
    installed = home / ".local" / "bin" / "alama"
    done = run(installed, "--version", env=env)
    assert done.returncode == 0 and __version__ in done.stdout, done.stderr
    menu = (home / ".local/share/applications/alama.desktop").read_text(encoding="utf-8")
    assert f"Exec={home}/.local/lib/alama/alama-gui %f" in menu
    assert (home / ".local/share/icons/hicolor/48x48/apps/alama.png").exists()
    assert (home / ".local/share/icons/hicolor/scalable/apps/alama.svg").exists()
    subprocess.run([str(build / "install.sh"), "--uninstall"], env=env, check=True)
    assert not installed.exists() and not (home / ".local/lib/alama").exists()
    assert not (home / ".local/share/applications/alama.desktop").exists()
