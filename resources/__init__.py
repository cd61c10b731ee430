"""Data files shipped with Alama: sample articles, fonts, translations, icons."""

from importlib import resources
from pathlib import Path


def path(*parts: str) -> Path:
    """A file or folder shipped here, wherever Alama is installed (a checkout, a wheel, the
    PyInstaller folder)."""
    return Path(str(resources.files(__name__).joinpath(*parts)))
