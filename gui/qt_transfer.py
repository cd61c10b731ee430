"""File ▸ Import…, Export… and Merge…: what the window calls, and the merge job.

The pieces live by responsibility: the background work and its progress dialog in
`alama.gui.jobs`, the import dialog in `alama.gui.qt_import`, the export dialog in
`alama.gui.qt_export`. This module gathers them for the window (``from alama.gui.qt_transfer
import ExportDialog, ImportDialog, run_job, show_outcome, ...`` keeps working) and holds the one
piece of its own: merging annotators' project files into the open project.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from alama.core import merging
from alama.core.store import Store
from alama.gui.i18n import Report, merge_report
from alama.gui.jobs import Cancelled, Job, Notify, Outcome, Progress, Worker, run_job, show_outcome
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_import import FORMAT_NAMES, ImportDialog, format_name

__all__ = [
    "FORMAT_NAMES",
    "Cancelled",
    "ExportDialog",
    "ImportDialog",
    "Job",
    "Outcome",
    "Worker",
    "choose_merge_sources",
    "format_name",
    "merge_job",
    "run_job",
    "show_outcome",
]


def choose_merge_sources(parent: QWidget) -> list[Path]:
    """File ▸ Merge…: the annotators' project files to fold into the open project."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Transfer", "Project files to merge into this one"),
        "",
        QCoreApplication.translate("Transfer", "Alama projects (*.alama);;All files (*)"),
    )
    return [Path(name) for name in names]


def merge_job(
    sources: list[Path], all_layers: bool = False, refused: dict[str, set[str]] | None = None
) -> Job:
    """Fold project files into the open project (one transaction; Cancel undoes it).

    A file that changes more than one annotator's layer stops the merge unless ``all_layers``;
    its name and the layers it changes are then put in ``refused``, for the window to ask."""
    merging_text = Report().merging(len(sources))

    def job(store: Store, progress: Progress, notify: Notify) -> str:
        notify(merging_text)
        try:
            report = merging.merge_into(store, sources, progress, all_layers=all_layers)
        except merging.LayersNotNamed as error:
            if refused is not None:
                refused[error.source] = error.layers
            raise
        return merge_report(report)

    return job
