"""Per-machine settings, declared in one place: who is annotating, recent projects, language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from alama.core.demo import home
from alama.core.store.pg_connect import is_server, shown

MAX_RECENT = 8


class Settings:
    """Typed access to the settings file (an INI file beside the demo project)."""

    def __init__(self, path: Path | None = None) -> None:
        path = path or home() / "settings.ini"
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qt = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def annotator(self) -> str:
        """The name whose layer this machine edits; empty until chosen."""
        return str(self._qt.value("annotator", "") or "")

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._qt.setValue("annotator", name)
        self._qt.sync()

    @property
    def language(self) -> str:
        """Interface language: "ar" or "en"."""
        return str(self._qt.value("language", "ar") or "ar")

    @language.setter
    def language(self, code: str) -> None:
        self._qt.setValue("language", code)
        self._qt.sync()

    @property
    def zoom(self) -> int:
        """Article font size in points."""
        value = self._qt.value("zoom", 17)
        try:
            return int(value) if isinstance(value, int | float | str) else 17
        except ValueError:
            return 17

    @zoom.setter
    def zoom(self, points: int) -> None:
        self._qt.setValue("zoom", points)

    @property
    def recent(self) -> list[str]:
        """Recently opened projects, newest first: files that still exist, and server projects
        (their URLs, never with a password)."""
        value = self._qt.value("recent", [])
        paths = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [p for p in paths if isinstance(p, str) and (is_server(p) or Path(p).exists())]

    def add_recent(self, path: Path | str) -> None:
        """Put a project at the top of the recent list (a server's URL without its password)."""
        entry = shown(str(path)) if is_server(path) else str(Path(path).resolve())
        paths = [entry, *[p for p in self.recent if p != entry]][:MAX_RECENT]
        self._qt.setValue("recent", paths)
        self._qt.sync()

    def last_document(self, project: Path) -> int | None:
        """The document last open in a project."""
        value = self._qt.value(f"last_document/{_key(project)}")
        try:
            return int(value) if value is not None else None
        except (TypeError, ValueError):
            return None

    def set_last_document(self, project: Path, doc: int) -> None:
        """Remember the open document of a project."""
        self._qt.setValue(f"last_document/{_key(project)}", doc)


def _key(project: Path) -> str:
    return str(Path(project).resolve()).replace("/", "|").replace("\\", "|")
