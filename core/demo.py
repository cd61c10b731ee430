"""The demo project: original sample articles shipped in alama.resources, built on first use."""

from __future__ import annotations

import os
import tempfile
from importlib import resources
from pathlib import Path

from alama.core.importing import import_paths
from alama.core.store import Store


def home() -> Path:
    """Where Alama keeps its own files: $ALAMA_HOME, else $XDG_DATA_HOME/alama."""
    if os.environ.get("ALAMA_HOME"):
        return Path(os.environ["ALAMA_HOME"])
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data) / "alama"


def samples_dir() -> Path:
    """The folder of sample articles shipped with Alama."""
    return Path(str(resources.files("alama.resources") / "samples"))


def demo_path() -> Path:
    """The demo project's file."""
    return home() / "demo.alama"


def build_demo(path: Path | None = None) -> Path:
    """Create the demo project from the samples unless it exists; return its path.

    The project is built under a temporary name and renamed into place, so an interrupted build
    never leaves half a demo behind.
    """
    path = path or demo_path()
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=".demo-", suffix=".alama", dir=path.parent)
    os.close(fd)
    os.unlink(temp)
    try:
        with Store.create(Path(temp)) as store:
            import_paths(store, [samples_dir()], fmt="txt")
        os.replace(temp, path)
    finally:
        for leftover in (temp, temp + "-wal", temp + "-shm"):
            if os.path.exists(leftover):
                os.unlink(leftover)
    return path
