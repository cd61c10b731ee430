"""Data files shipped with Alama: sample articles, fonts, translations, icons."""

from importlib import resources
from pathlib import Path


def path(*parts: str) -> Path:
    """A file or folder shipped here, wherever Alama is installed (a checkout, a wheel, the
    PyInstaller folder)."""
    return _folder().joinpath(*parts)


def _folder() -> Path:
    """This package's folder. The editable install (setuptools' strict mode, see the Makefile)
    is a tree of links to the files of resources/: there the folder is resources/ itself, whose
    files are its own, as a folder import of the samples wants them (it does not follow a link
    out of the folder), and which holds a translation compiled after the install too."""
    here = Path(str(resources.files(__name__)))
    init = here / "__init__.py"
    return init.resolve().parent if init.is_symlink() else here
