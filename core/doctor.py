"""`alama doctor`: check that an installation has what Alama needs, by using it.

Each check does the real thing on a small scale (reads the font files, builds the demo project
in a temporary folder, searches it with diacritics stripped) rather than looking for names.
The window check lives in `alama.gui.app`, since the core does not know Qt.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from alama.core import arabic_models, platform_check
from alama.core.demo import build_demo, samples_dir
from alama.core.store import Store
from alama.core.text import CAMEL_TOOLS_VERSION, normalize, tokenize
from alama.resources import path as resource


@dataclass(frozen=True)
class Check:
    """One line of the report. An optional check informs and never fails the installation."""

    name: str
    ok: bool
    detail: str
    optional: bool = False


def check_font() -> Check:
    fonts = sorted(resource("fonts").glob("*.ttf"))
    licence = resource("fonts", "OFL.txt")
    if not fonts:
        return Check("font", False, "no bundled Arabic font in alama/resources/fonts")
    if not licence.is_file() or "SIL OPEN FONT LICENSE" not in licence.read_text("utf-8").upper():
        return Check("font", False, "the font's licence text (OFL.txt) is missing")
    names = ", ".join(path.stem for path in fonts)
    return Check("font", True, f"{names}, with the SIL Open Font License beside them")


def check_translation() -> Check:
    """The compiled translations: Arabic for the whole interface, English for its plurals."""
    found = []
    for code in ("ar", "en"):
        qm = resource("i18n", f"alama_{code}.qm")
        if not qm.is_file() or qm.stat().st_size == 0:
            return Check("translation", False, f"{qm.name} is missing: run `make` to build it")
        found.append(f"{qm.name} {qm.stat().st_size:,} bytes")
    return Check("translation", True, "Arabic and English (" + ", ".join(found) + ")")


def check_arabic_text() -> Check:
    """camel-tools' normalizers and tokenizer, on a sentence with the usual traps."""
    sentence = "قالَ «المُتحدّثُ» إنّ الاجتمـــاع في بيروت انتهى."
    tokens = [sentence[start:end] for start, end in tokenize(sentence)]
    same = normalize("أَمْرِيكيّ") == normalize("امريكي")
    if "«" not in tokens or "بيروت" not in tokens or not same:
        return Check("arabic text", False, f"camel-tools {CAMEL_TOOLS_VERSION} gave {tokens}")
    return Check(
        "arabic text", True, f"camel-tools {CAMEL_TOOLS_VERSION}: {len(tokens)} tokens, hamza and "
        "diacritics folded for search",
    )  # fmt: skip


def check_demo_and_storage(path: Path) -> Check:
    """Build the demo project at ``path``, away from the user's own, and search it."""
    samples = sorted(samples_dir().glob("*.txt"))
    if not samples:
        return Check("demo", False, "no sample articles in alama/resources/samples")
    build_demo(path)
    with Store.open(path) as store:
        documents = store.document_count()
        found = store.search("الأردنيه")  # ta marbuta written as ha, no hamza: still found
    if documents != len(samples) or not found:
        return Check("demo", False, f"{documents} of {len(samples)} articles, search found {found}")
    return Check(
        "demo", True, f"{documents} sample articles built and searched (SQLite "
        f"{sqlite3.sqlite_version})",
    )  # fmt: skip


def check_x11_libraries(
    environ: Mapping[str, str] | None = None, loader: platform_check.Loader | None = None
) -> Check:
    """The system libraries Qt's X11 plugin loads (libxcb-cursor0 and the rest), asked of the
    dynamic linker. Missing ones fail the check when this session's window would use X11;
    otherwise they are reported, with the command that installs them, for the day it does."""
    name = "x11 libraries"
    missing = platform_check.missing_libraries(loader)
    if not missing:
        return Check(
            name, True, f"the {len(platform_check.XCB_LIBRARIES)} system libraries of Qt's X11 "
            "plugin, libxcb-cursor.so.0 among them",
        )  # fmt: skip
    line = platform_check.describe(missing)
    if platform_check.uses_xcb(os.environ if environ is None else environ, sys.platform):
        return Check(name, False, line)
    return Check(name, False, f"{line} (needed for the window on X11, not in this session)", True)


def model_checks() -> list[Check]:
    """camel-tools' optional data: reported, never required."""
    report = arabic_models.report()
    checks = []
    for status in report.models:
        if status.installed:
            detail = f"installed in {status.path}" + (
                f" ({status.version})" if status.version else ""
            )
        else:
            detail = f"not installed (optional): camel_data -i {status.model.package}"
        checks.append(Check(status.model.package, status.installed, detail, optional=True))
    return checks


def guarded(name: str, check: Callable[[], Check]) -> Check:
    """A check that raises is a failed check with the reason, not a traceback: a broken
    installation is exactly when the doctor must finish its report."""
    try:
        return check()
    except Exception as error:  # any failure is the finding
        return Check(name, False, f"{type(error).__name__}: {error}")


def run_checks(window: Callable[[Path], Check] | None = None) -> list[Check]:
    """Every check, in the order a person would want them; ``window`` is the GUI's own check."""
    checks = [
        guarded("font", check_font),
        guarded("translation", check_translation),
        guarded("arabic text", check_arabic_text),
    ]
    x11 = guarded("x11 libraries", check_x11_libraries)
    if sys.platform.startswith("linux"):
        checks.append(x11)
    with tempfile.TemporaryDirectory(prefix="alama-doctor-") as temp:
        project = Path(temp) / "doctor-demo.alama"
        demo = guarded("demo", lambda: check_demo_and_storage(project))
        checks.append(demo)
        if window is not None:
            if sys.platform.startswith("linux") and not (x11.ok or x11.optional):
                # Qt aborts the whole process when its platform plugin cannot load.
                checks.append(Check("window", False, "not tried: the X11 libraries are missing"))
            elif demo.ok:
                checks.append(guarded("window", lambda: window(project)))
            else:
                checks.append(Check("window", False, "not tried: the demo project is broken"))
    try:
        return checks + model_checks()
    except Exception as error:  # optional data: reported, never fatal
        return [*checks, Check("camel-tools data", False, f"{type(error).__name__}: {error}", True)]
