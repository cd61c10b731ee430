"""Can the window open on this machine? The system libraries Qt's X11 plugin needs, checked
before Qt starts.

PySide6 ≥ 6.5 brings Qt but not the X11 utility libraries its `xcb` platform plugin links to
(`libxcb-cursor.so.0` first among them, new in Qt 6.5, missing from many fresh systems). When one
is missing Qt does not raise: it prints "Could not load the Qt platform plugin xcb" and aborts
the process. So `alama`, `alama demo` and `alama-gui` ask the dynamic linker first, with ctypes
(no Qt here), and say in one line what to install; `alama doctor` reports the same.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

OS_RELEASE = Path("/etc/os-release")


@dataclass(frozen=True)
class Library:
    """A shared library by its soname, with the package that provides it on each family."""

    soname: str
    debian: str
    fedora: str


# What Qt's xcb plugin (libqxcb.so, through libQt6XcbQpa.so.6) loads from the system, besides
# libxcb itself and the graphics stack, which every X11 desktop has. The first is the one a
# fresh machine most often lacks.
XCB_LIBRARIES = (
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
)

Loader = Callable[[str], bool]


def can_load(soname: str) -> bool:
    """Whether the dynamic linker finds and loads ``soname``, as it would for Qt's plugin: the
    library path, the linker cache, and in the packaged build the folder it carries."""
    candidates = [soname]
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller's folder of carried libraries
    if bundle:
        candidates.insert(0, str(Path(bundle) / soname))
    for candidate in candidates:
        try:
            ctypes.CDLL(candidate)
        except OSError:
            continue
        return True
    return False


def uses_xcb(environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will open its windows through X11 (xcb): on Linux, with an X display, and
    no other platform asked for (QT_QPA_PLATFORM), nor a Wayland session Qt would use first."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        first = requested.split(";")[0].split(":")[0].strip()  # "xcb:option;wayland"
        return first == "xcb"
    wayland = environ.get("WAYLAND_DISPLAY") and environ.get("XDG_SESSION_TYPE") == "wayland"
    return not wayland


def missing_libraries(loader: Loader | None = None) -> list[Library]:
    """The libraries of `XCB_LIBRARIES` the dynamic linker cannot load."""
    load = loader or can_load
    return [library for library in XCB_LIBRARIES if not load(library.soname)]


def system_family(os_release: Path | None = None) -> str | None:
    """ "debian" or "fedora" from /etc/os-release (ID and ID_LIKE), else None."""
    try:
        text = (os_release or OS_RELEASE).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    fields = {}
    for line in text.splitlines():
        key, sep, value = line.partition("=")
        if sep:
            fields[key.strip()] = value.strip().strip("\"'").lower()
    names = [fields.get("ID", ""), *fields.get("ID_LIKE", "").split()]
    for name in names:
        if name in ("debian", "ubuntu"):
            return "debian"
        if name in ("fedora", "rhel", "centos"):
            return "fedora"
    return None


def install_command(libraries: Iterable[Library], os_release: Path | None = None) -> str | None:
    """The command that installs ``libraries`` here (apt-get or dnf), None on other systems."""
    libraries = list(libraries)
    family = system_family(os_release)
    if family is None:
        return None
    tool = "apt-get" if family == "debian" else "dnf"
    packages = dict.fromkeys(getattr(library, family) for library in libraries)
    return f"sudo {tool} install " + " ".join(packages)


def describe(missing: list[Library], os_release: Path | None = None) -> str:
    """One line: what is missing and the command that installs it."""
    names = " and ".join(
        [", ".join(library.soname for library in missing[:-1]), missing[-1].soname]
        if len(missing) > 1
        else [missing[0].soname]
    )
    which, it = ("which is", "it") if len(missing) == 1 else ("which are", "them")
    command = install_command(missing, os_release)
    if command is None:
        debian = " ".join(dict.fromkeys(library.debian for library in missing))
        fedora = " ".join(dict.fromkeys(library.fedora for library in missing))
        how = (
            f"install {it} from your system's packages (Debian/Ubuntu: {debian}; Fedora: {fedora})"
        )
    else:
        how = f"install {it} with: {command}"
    return f"Qt's X11 plugin needs {names}, {which} not installed; {how}"


def window_problem(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loader: Loader | None = None,
    os_release: Path | None = None,
) -> str | None:
    """Why the window cannot open, as one line with the install command; None when it can, or
    when Qt will not use X11 here (another platform, no display, not Linux)."""
    if not uses_xcb(os.environ if environ is None else environ, platform or sys.platform):
        return None
    missing = missing_libraries(loader)
    if not missing:
        return None
    return "the window cannot open: " + describe(missing, os_release)
