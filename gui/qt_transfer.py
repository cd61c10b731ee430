"""File ▸ Import…, Export… and Merge…: the dialogs, and the work done off the GUI thread.

The work runs in a `QThread` on its own connection to the project (SQLite connections belong to
one thread), with a progress dialog whose Cancel stops it: an import is one transaction and an
export writes temporary files, so a cancelled job leaves the project and the disk as they were.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alama.core import exporting, importing, merging
from alama.core.errors import AlamaError
from alama.core.labels import parse_label_map
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store
from alama.gui.i18n import (
    Report,
    error_text,
    export_report,
    import_report,
    merge_report,
    path_text,
)


def tr(text: str) -> str:
    """Translate a name marked with ``QT_TRANSLATE_NOOP("Transfer", …)``."""
    return QCoreApplication.translate("Transfer", text)


def translate(text: str) -> str:
    """Translate a string of this module's functions (the classes use ``self.tr``).

    lupdate files a call of a module-level function named ``tr`` under no context at all, so
    these strings go through a name of their own that lupdate reads as the empty context.
    """
    return QCoreApplication.translate("", text)


class Cancelled(AlamaError):
    """The user pressed Cancel in the progress dialog."""


Job = Callable[[Store, Callable[[int, int], None], Callable[[str], None]], str]
"""Work on a project: (store, progress, notify) → the summary to show."""


class Worker(QThread):
    """Runs a job on its own connection to the project; reports progress, then the outcome.

    The outcome is also kept on the worker (`outcome`), set before the thread finishes: a
    queued signal can be lost when the work ends before anyone listens, the stored outcome not.
    """

    progressed = Signal(int, int)
    noted = Signal(str)
    succeeded = Signal(str)
    failed = Signal(str)

    def __init__(self, project: Path, job: Job) -> None:
        super().__init__()
        self.project = project
        self.job = job
        self.cancelled = False
        self._lock = threading.Lock()
        self._outcome: tuple[bool, str] | None = None

    @property
    def outcome(self) -> tuple[bool, str] | None:
        """(succeeded, summary or one-line error) once the work is over; None before."""
        with self._lock:
            return self._outcome

    def _finish(self, ok: bool, message: str) -> None:
        with self._lock:
            self._outcome = (ok, message)
        (self.succeeded if ok else self.failed).emit(message)

    def run(self) -> None:
        def progress(done: int, total: int) -> None:
            if self.cancelled:
                raise Cancelled(
                    QCoreApplication.translate("Transfer", "Cancelled: nothing was changed.")
                )
            self.progressed.emit(done, total)

        try:
            with Store.open(self.project) as store:
                summary = self.job(store, progress, self.noted.emit)
        except AlamaError as error:
            self._finish(False, error_text(error))
        except OSError as error:
            name = f"{error.filename}: " if error.filename else ""
            self._finish(False, f"{name}{error.strerror or error}")
        except Exception as error:  # shown to the user rather than lost in the thread
            self._finish(False, f"{type(error).__name__}: {error}")
        else:
            self._finish(True, summary)


def run_job(parent: QWidget, title: str, project: Path, job: Job) -> tuple[bool, str]:
    """Run ``job`` with a progress dialog; return (succeeded, summary or error message)."""
    dialog = QProgressDialog(title, QCoreApplication.translate("Transfer", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    worker = Worker(project, job)
    loop = QEventLoop()

    def on_progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    worker.progressed.connect(on_progress)
    worker.noted.connect(dialog.setLabelText)
    # The loop quits on `finished`, connected before the thread starts; a worker already done
    # before the loop runs is not waited for. Either way the outcome is read from the worker,
    # after `wait()`, not from signals that may still be queued.
    worker.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(lambda: setattr(worker, "cancelled", True))
    worker.start()
    if not worker.isFinished():
        loop.exec()
    worker.wait()
    dialog.close()
    return worker.outcome or (
        False,
        QCoreApplication.translate("Transfer", "The work stopped without a result."),
    )


def show_outcome(parent: QWidget, title: str, outcome: tuple[bool, str]) -> None:
    """The report of an import or export, or its one-line error."""
    ok, message = outcome
    box = QMessageBox(
        QMessageBox.Icon.Information if ok else QMessageBox.Icon.Warning,
        title,
        message,
        parent=parent,
    )
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


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

    def job(
        store: Store, progress: Callable[[int, int], None], notify: Callable[[str], None]
    ) -> str:
        notify(merging_text)
        try:
            report = merging.merge_into(store, sources, progress, all_layers=all_layers)
        except merging.LayersNotNamed as error:
            if refused is not None:
                refused[error.source] = error.layers
            raise
        return merge_report(report)

    return job


FORMAT_NAMES = {
    "auto": QT_TRANSLATE_NOOP("Transfer", "Decide from the files"),
    "txt": QT_TRANSLATE_NOOP("Transfer", "Plain text articles (.txt)"),
    "jsonl": QT_TRANSLATE_NOOP("Transfer", "JSONL (Prodigy, spaCy)"),
    "doccano": QT_TRANSLATE_NOOP("Transfer", "doccano JSONL"),
    "conll": QT_TRANSLATE_NOOP("Transfer", "CoNLL / BIO"),
    "hf": QT_TRANSLATE_NOOP("Transfer", "Hugging Face (tokens, ner_tags)"),
    "brat": QT_TRANSLATE_NOOP("Transfer", "brat standoff folder"),
}


class ImportDialog(QDialog):
    """Files and folders to import, their format, whose spans they are, and label renaming."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setMinimumWidth(620)
        self.paths = QListWidget()
        self.paths.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        add_files = QPushButton(self.tr("Add files…"))
        add_files.clicked.connect(self._add_files)
        add_folder = QPushButton(self.tr("Add folder…"))
        add_folder.clicked.connect(self._add_folder)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove_selected)
        buttons_row = QHBoxLayout()
        for button in (add_files, add_folder, remove):
            buttons_row.addWidget(button)
        buttons_row.addStretch(1)
        self.format = QComboBox()
        for key in importing.FORMATS:
            self.format.addItem(tr(FORMAT_NAMES[key]), key)
        self.annotator = QLineEdit()
        self.annotator.setPlaceholderText(self.tr("as the files say; otherwise “imported”"))
        self.label_map = QLineEdit()
        self.label_map.setPlaceholderText("PERS=ACTOR,ORG=ACTOR,LOC=PLACE,MISC=")
        self.label_map.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have yet"))
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Rename labels:"), self.label_map)
        form.addRow("", self.add_labels)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.paths, 1)
        layout.addLayout(buttons_row)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

    def add_paths(self, paths: list[Path]) -> None:
        """Add files or folders to import."""
        have = set(self.chosen_paths())
        for path in paths:
            if path not in have:
                self.paths.addItem(str(path))

    def chosen_paths(self) -> list[Path]:
        return [Path(self.paths.item(row).text()) for row in range(self.paths.count())]

    def _remove_selected(self) -> None:
        for item in self.paths.selectedItems():
            self.paths.takeItem(self.paths.row(item))

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Files to import"),
            "",
            self.tr("Articles and annotations")
            + " (*.txt *.jsonl *.json *.conll *.bio *.iob *.bilou *.tsv *.ann);;"
            + self.tr("All files")
            + " (*)",
        )
        self.add_paths([Path(f) for f in files])

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"))
        if folder:
            self.add_paths([Path(folder)])

    def _accept(self) -> None:
        if not self.chosen_paths():
            QMessageBox.warning(
                self, self.tr("Import"), self.tr("Add a file or a folder to import first.")
            )
            return
        try:
            parse_label_map(self.label_map.text())
        except AlamaError as error:
            QMessageBox.warning(self, self.tr("Import"), error_text(error))
            return
        self.accept()

    def job(self) -> Job:
        """The import the dialog describes."""
        paths = self.chosen_paths()
        fmt = str(self.format.currentData())
        annotator = self.annotator.text().strip() or None
        mapping = parse_label_map(self.label_map.text())
        add_labels = self.add_labels.isChecked()

        def work(
            store: Store, progress: Callable[[int, int], None], notify: Callable[[str], None]
        ) -> str:
            report = importing.import_paths(
                store, paths, fmt, annotator, mapping, add_labels, notify, progress
            )
            return import_report(report)

        return work


class ExportDialog(QDialog):
    """Format, layer, labels, split and where to write an export."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(620)
        self.format = QComboBox()
        for key in exporting.FORMATS:
            self.format.addItem(tr(FORMAT_NAMES[key]), key)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.layer = QComboBox()
        self.layer.addItem(self.tr("Every annotator (also a backup)"), None)
        for name in store.annotators():
            if name == GOLD_ANNOTATOR:
                continue
            self.layer.addItem(self.tr("Only %1").replace("%1", name), name)
        if GOLD_ANNOTATOR in store.annotators():
            self.layer.addItem(self.tr("The reviewed gold layer"), GOLD_ANNOTATOR)
        self.labels: dict[str, QCheckBox] = {}
        labels_row = QHBoxLayout()
        for label in store.labels():
            box = QCheckBox(f"{label.name_ar} · {label.key}")
            box.setChecked(True)
            self.labels[label.key] = box
            labels_row.addWidget(box)
        labels_row.addStretch(1)
        self.split = QCheckBox(self.tr("Split documents into"))
        self.split_spec = QLineEdit("train=0.8,dev=0.1,test=0.1")
        self.split_spec.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setPrefix(self.tr("seed "))
        split_row = QHBoxLayout()
        split_row.addWidget(self.split)
        split_row.addWidget(self.split_spec, 1)
        split_row.addWidget(self.seed)
        self.output = QLineEdit()
        self.output.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(choose)
        self.default_folder = store.path.parent
        self.stem = store.path.stem
        self.overwrite = False
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Layer:"), self.layer)
        form.addRow(self.tr("Labels:"), labels_row)
        form.addRow("", split_row)
        form.addRow(self.tr("Write to:"), output_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._format_changed()

    def _writes_folder(self) -> bool:
        return self.format.currentData() == "brat"

    def _format_changed(self) -> None:
        fmt = str(self.format.currentData())
        if self._writes_folder():
            name = f"{self.stem}-brat"
        else:
            name = f"{self.stem}{exporting.SUFFIX[fmt]}"
        self.output.setText(str(self.default_folder / name))

    def _choose_output(self) -> None:
        if self._writes_folder():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to write"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("File to write"), self.output.text()
            )
        if chosen:
            self.output.setText(chosen)

    def chosen_labels(self) -> list[str] | None:
        chosen = [key for key, box in self.labels.items() if box.isChecked()]
        return None if len(chosen) == len(self.labels) else chosen

    def _accept(self) -> None:
        if not self.output.text().strip():
            QMessageBox.warning(
                self, self.tr("Export"), self.tr("Choose where to write the export.")
            )
            return
        if not any(box.isChecked() for box in self.labels.values()):
            QMessageBox.warning(self, self.tr("Export"), self.tr("Choose at least one label."))
            return
        if self.split.isChecked():
            try:
                exporting.parse_split(self.split_spec.text())
            except AlamaError as error:
                QMessageBox.warning(self, self.tr("Export"), error_text(error))
                return
        self.overwrite = False
        split = self.split_spec.text() if self.split.isChecked() else None
        output = Path(self.output.text().strip())
        existing = exporting.existing_outputs(output, str(self.format.currentData()), split)
        if existing:
            names = "\n".join(path_text(path) for path in existing)
            answer = QMessageBox.question(
                self,
                self.tr("Export"),
                self.tr("These files are there already:\n%1\nReplace them?").replace("%1", names),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.overwrite = True
        self.accept()

    def job(self) -> Job:
        """The export the dialog describes."""
        output = Path(self.output.text().strip())
        fmt = str(self.format.currentData())
        layer = self.layer.currentData()
        gold = layer == GOLD_ANNOTATOR
        annotator = None if gold or layer is None else str(layer)
        labels = self.chosen_labels()
        split = self.split_spec.text() if self.split.isChecked() else None
        seed = self.seed.value()
        overwrite = self.overwrite
        writing = self.tr("Writing %1").replace("%1", path_text(output))

        def work(
            store: Store, progress: Callable[[int, int], None], notify: Callable[[str], None]
        ) -> str:
            notify(writing)
            report = exporting.export(
                store, output, fmt, annotator, labels, split, seed, progress, gold=gold,
                overwrite=overwrite,
            )  # fmt: skip
            return export_report(report)

        return work
