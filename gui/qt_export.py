"""File ▸ Export…: the dialog that describes an export.

The dialog only describes the work, and asks before replacing files that are there already;
`ExportDialog.job` is the export itself, run off the GUI thread by `alama.gui.jobs.run_job`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alama.core import exporting
from alama.core.errors import AlamaError
from alama.core.formats import FOLDER_FORMATS
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store
from alama.core.store.pg_connect import is_server
from alama.gui.i18n import error_text, export_report, path_text
from alama.gui.jobs import Job, Notify, Progress
from alama.gui.qt_import import format_name
from alama.gui.server_open import project_name


class ExportDialog(QDialog):
    """Format, layer, labels, split and where to write an export."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(620)
        self.format = QComboBox()
        for key in exporting.FORMATS:
            self.format.addItem(format_name(key), key)
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
        self.without_relations = QCheckBox(self.tr("Leave out the relations"))
        self.store = store
        self.output = QLineEdit()
        self.output.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_output)
        output_row = QHBoxLayout()
        output_row.addWidget(self.output, 1)
        output_row.addWidget(choose)
        server = is_server(getattr(store, "url", None))  # a server project: the home folder
        self.default_folder = Path.home() if server else store.path.parent
        self.stem = project_name(store)
        self.overwrite = False
        form = QFormLayout()
        form.addRow(self.tr("Format:"), self.format)
        form.addRow(self.tr("Layer:"), self.layer)
        form.addRow(self.tr("Labels:"), labels_row)
        form.addRow("", split_row)
        form.addRow("", self.without_relations)
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
        return str(self.format.currentData()) in FOLDER_FORMATS

    def _format_changed(self) -> None:
        fmt = str(self.format.currentData())
        if self._writes_folder():
            name = f"{self.stem}-{fmt}"
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
        """The label keys to export; None when every label is (nothing left out)."""
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
        layer = self.layer.currentData()
        refusal = (
            None
            if self.without_relations.isChecked()
            else exporting.relations_refusal(
                self.store,
                str(self.format.currentData()),
                None if layer is None else str(layer),
                self.chosen_labels(),
                way_out=self.tr('with "Leave out the relations"'),
            )
        )
        if refusal is not None:
            QMessageBox.warning(self, self.tr("Export"), refusal)
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
        """The export the dialog describes (written beside, then put in place: Cancel leaves
        the disk as it was)."""
        output = Path(self.output.text().strip())
        fmt = str(self.format.currentData())
        layer = self.layer.currentData()
        gold = layer == GOLD_ANNOTATOR
        annotator = None if gold or layer is None else str(layer)
        labels = self.chosen_labels()
        split = self.split_spec.text() if self.split.isChecked() else None
        seed = self.seed.value()
        overwrite = self.overwrite
        without_relations = self.without_relations.isChecked()
        writing = self.tr("Writing %1").replace("%1", path_text(output))

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            notify(writing)
            report = exporting.export(
                store,
                output,
                fmt=fmt,
                annotator=annotator,
                labels=labels,
                split=split,
                seed=seed,
                progress=progress,
                gold=gold,
                overwrite=overwrite,
                without_relations=without_relations,
            )
            return export_report(report)

        return work
