"""File ▸ Import…: the dialog that describes an import, and the names of the formats.

The dialog only describes the work; `ImportDialog.job` is the import itself, run off the GUI
thread by `alama.gui.jobs.run_job`. The export dialog shows the same format names.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alama.core import importing
from alama.core.clean_run import detect_boilerplate
from alama.core.errors import AlamaError
from alama.core.formats import IMPORT_FORMATS
from alama.core.labels import parse_label_map
from alama.core.offsets import BYTES, CODE_POINTS, UTF16
from alama.core.store import Store
from alama.gui.i18n import error_text, import_report
from alama.gui.jobs import Job, Notify, Progress

FORMAT_NAMES: dict[str, object] = {
    "auto": QT_TRANSLATE_NOOP("Transfer", "Decide from the files"),
    "txt": QT_TRANSLATE_NOOP("Transfer", "Plain text articles (.txt)"),
    "jsonl": QT_TRANSLATE_NOOP("Transfer", "JSONL (Prodigy, spaCy)"),
    "doccano": QT_TRANSLATE_NOOP("Transfer", "doccano JSONL"),
    "conll": QT_TRANSLATE_NOOP("Transfer", "CoNLL / BIO"),
    "hf": QT_TRANSLATE_NOOP("Transfer", "Hugging Face (tokens, ner_tags)"),
    "brat": QT_TRANSLATE_NOOP("Transfer", "brat standoff folder"),
    "webanno": QT_TRANSLATE_NOOP("Transfer", "INCEpTION / WebAnno TSV 3"),
    "conllu": QT_TRANSLATE_NOOP("Transfer", "CoNLL-U (Universal Dependencies)"),
    "labelstudio": QT_TRANSLATE_NOOP("Transfer", "Label Studio JSON"),
}
"""The formats as the import and export dialogs name them (translated by `format_name`)."""


def format_name(key: str) -> str:
    """The name of format ``key`` in the interface language."""
    return QCoreApplication.translate("Transfer", str(FORMAT_NAMES[key]))


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
        for key in IMPORT_FORMATS:
            self.format.addItem(format_name(key), key)
        self.annotator = QLineEdit()
        self.annotator.setPlaceholderText(self.tr("as the files say; otherwise “imported”"))
        self.label_map = QLineEdit()
        self.label_map.setPlaceholderText("PERS=ACTOR,ORG=ACTOR,LOC=PLACE,MISC=")
        self.label_map.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.add_labels = QCheckBox(self.tr("Add labels the project does not have yet"))
        # What the spans' start and end count in JSONL, doccano and Label Studio files: tools in
        # JavaScript count UTF-16 units, some count bytes (`alama import --offsets`).
        self.offsets = QComboBox()
        self.offsets.addItem(self.tr("characters (code points)"), CODE_POINTS)
        self.offsets.addItem(self.tr("UTF-16 units (tools in JavaScript)"), UTF16)
        self.offsets.addItem(self.tr("UTF-8 bytes"), BYTES)
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Rename labels:"), self.label_map)
        form.addRow(self.tr("Offsets count:"), self.offsets)
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
        """The files and folders to import, in the order they were added."""
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
            + " (*.txt *.jsonl *.json *.ndjson *.conll *.conllu *.bio *.iob *.bilou *.tsv *.ann);;"
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
        """The import the dialog describes (one transaction: Cancel leaves the project as is)."""
        paths = self.chosen_paths()
        fmt = str(self.format.currentData())
        annotator = self.annotator.text().strip() or None
        mapping = parse_label_map(self.label_map.text())
        add_labels = self.add_labels.isChecked()
        unit = str(self.offsets.currentData())
        offsets = None if unit == CODE_POINTS else unit

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            report = importing.import_paths(
                store,
                paths,
                fmt=fmt,
                annotator=annotator,
                label_map=mapping,
                add_labels=add_labels,
                offsets=offsets,
                notify=notify,
                progress=progress,
            )
            if not report.documents_added:
                return import_report(report)
            # As `alama import` does: the new documents' boilerplate set aside at once.
            notify(self.tr("Finding boilerplate…"))
            found = detect_boilerplate(store, only_new=True)
            if not (aside := sum(found.characters.values())):
                return import_report(report)
            line = self.tr("Boilerplate set aside: %1 of %2 characters.").replace("%1", str(aside))
            return import_report(report) + "\n" + line.replace("%2", str(found.total_characters))

        return work
