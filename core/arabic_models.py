"""What of camel-tools' optional data is installed, read from disk without going online.

camel-tools' tokenizer and normalizers, which Alama uses for every document, ship with the
package. Its named-entity model, morphology database and disambiguator are separate downloads
(`camel_data -i PACKAGE`) that run on PyTorch. Importing `camel_tools.data` fetches the
catalogue from the network when it is missing, so this module reads the data folder itself:
`versions.json` names the installed packages, and each package unpacks into `data/<folder>`.
Nothing here imports camel-tools or PyTorch; `find_spec` only looks for them.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# What camel-tools' models run on: Python packages, not data.
RUNTIME = ("torch", "transformers")


@dataclass(frozen=True)
class Model:
    """One optional camel-tools data package."""

    key: str  # "ner", "morphology", "disambiguation"
    package: str  # the name `camel_data -i` takes
    component: str  # the catalogue's component, whose default dataset it installs
    folder: str  # where it unpacks, under <data dir>/data


# The packages as `camel_data -i` names them (catalogue 1.6), with their default datasets.
MODELS = (
    Model("ner", "ner-arabert", "NamedEntityRecognition", "ner/arabert"),
    Model("morphology", "morphology-db-msa-r13", "MorphologyDB", "morphology_db/calima-msa-r13"),
    Model(
        "disambiguation",
        "disambig-mle-calima-msa-r13",
        "DisambigMLE",
        "disambig_mle/calima-msa-r13",
    ),
)


@dataclass(frozen=True)
class ModelStatus:
    """Whether one model is on this machine, and where."""

    model: Model
    path: Path
    version: str | None  # from versions.json; None when the folder exists without a record
    installed: bool


@dataclass(frozen=True)
class ModelsReport:
    """The data folder, each optional model, and whether PyTorch is there to run them."""

    data_dir: Path
    from_environment: bool  # CAMELTOOLS_DATA chose the folder
    models: tuple[ModelStatus, ...]
    runtime_missing: tuple[str, ...]  # of RUNTIME, the packages this Python cannot import

    def install_command(self) -> str | None:
        """The one command that installs every missing model, or None when all are there."""
        missing = [status.model.package for status in self.models if not status.installed]
        return f"camel_data -i {' '.join(missing)}" if missing else None


def data_dir(environ: dict[str, str] | None = None, home: Path | None = None) -> Path:
    """camel-tools' data folder: $CAMELTOOLS_DATA, else its per-user default."""
    environ = dict(os.environ) if environ is None else environ
    if environ.get("CAMELTOOLS_DATA"):
        chosen: Path = Path(environ["CAMELTOOLS_DATA"]).expanduser().absolute()
        return chosen
    home = home or Path.home()
    if sys.platform == "win32":
        return home / "AppData" / "Roaming" / "camel_tools"
    return home / ".camel_tools"


def _read_json(path: Path) -> dict[str, object]:
    """A JSON object from disk, or {} when it is missing or unreadable (never an error)."""
    try:
        value = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _folder(root: Path, model: Model, catalogue: dict[str, object]) -> Path:
    """Where the model's default dataset lives: the local catalogue's word if it has one."""
    components = catalogue.get("components")
    component = components.get(model.component) if isinstance(components, dict) else None
    if isinstance(component, dict):
        datasets = component.get("datasets")
        default = component.get("default")
        dataset = datasets.get(default) if isinstance(datasets, dict) else None
        where = dataset.get("path") if isinstance(dataset, dict) else None
        if isinstance(where, str):
            return root / "data" / where
    return root / "data" / model.folder


def report(environ: dict[str, str] | None = None, home: Path | None = None) -> ModelsReport:
    """What is installed now: read afresh each time, so installing while Alama runs shows."""
    environ = dict(os.environ) if environ is None else environ
    root = data_dir(environ, home)
    versions = _read_json(root / "versions.json")
    catalogue = _read_json(root / "catalogue.json")
    statuses = []
    for model in MODELS:
        path = _folder(root, model, catalogue)
        unpacked = path.is_dir() and any(path.iterdir())
        version = versions.get(model.package)
        statuses.append(ModelStatus(model, path, str(version) if version else None, unpacked))
    missing = tuple(name for name in RUNTIME if importlib.util.find_spec(name) is None)
    return ModelsReport(root, bool(environ.get("CAMELTOOLS_DATA")), tuple(statuses), missing)
