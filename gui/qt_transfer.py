"""File ▸ Merge…: choosing the annotators' project files, and the merge job the window runs.

(The import and export dialogs are in `alama.gui.qt_import` and `alama.gui.qt_export`, the
background work in `alama.gui.jobs`.)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from alama.core import merging
from alama.core.server_merge import into_server
from alama.core.store import Store
from alama.core.store.pg_connect import is_server
from alama.gui.i18n import Report, merge_report
from alama.gui.jobs import Job, Notify, Progress

__all__ = ["choose_merge_sources", "merge_job"]


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
        url = getattr(store, "url", None)
        if isinstance(url, str) and is_server(url):
            # Into a server: each file's layer (its owner's, else the login's), the server's
            # policies deciding whether it may be written; all in one transaction.
            return into_server(url, sources, all_layers=all_layers, whole_if_empty=False).summary()
        try:
            report = merging.merge_into(store, sources, progress, all_layers=all_layers)
        except merging.LayersNotNamed as error:
            if refused is not None:
                refused[error.source] = error.layers
            raise
        return merge_report(report)

    return job
