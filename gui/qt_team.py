"""Team ▸ the lead's dialogs: assigning documents (with an overlap for agreement), reassigning
the documents of someone who left, and saving a copy for one annotator.

Each dialog only describes the work; `job()` is the work itself, run off the GUI thread
(`alama.gui.jobs.run_job`, or `alama.gui.background` for a copy saved while labelling goes on).
The core modules are imported when the work runs.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from alama.core.annotators import RESERVED_PREFIX
from alama.core.errors import AlamaError
from alama.core.store import Store, check_annotator
from alama.gui.i18n import error_text, ltr
from alama.gui.jobs import Job, Notify, Progress
from alama.gui.team_reports import TeamReport

MAX_SEED = 2**31 - 1


def people(store: Store) -> list[str]:
    """The project's annotators (not the gold layer): those assigned documents first, then the
    others who have a layer."""
    assigned = sorted({name for names in store.assignments().values() for name in names})
    others = [n for n in store.annotators() if not n.startswith(RESERVED_PREFIX)]
    return [*assigned, *(n for n in others if n not in assigned)]


def assigned_people(store: Store) -> list[str]:
    """The annotators the project assigns documents to."""
    return sorted({name for names in store.assignments().values() for name in names})


def split_names(text: str) -> list[str]:
    """Names typed as a comma list (Arabic commas too), each checked; InputError if one is
    not a name."""
    names = [part.strip() for part in text.replace("،", ",").split(",")]
    return list(dict.fromkeys(check_annotator(name) for name in names if name))


def buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.rejected.connect(dialog.reject)
    return box


def number_box(low: int, high: int, value: int = 0) -> QSpinBox:
    """A number field in the digits the rest of the window writes (0-9, also in Arabic)."""
    box = QSpinBox()
    box.setLocale(QLocale.c())
    box.setRange(low, high)
    box.setValue(value)
    return box


def seed_box() -> QSpinBox:
    return number_box(0, MAX_SEED)


class AssignDialog(QDialog):
    """Team ▸ Assign documents…: who, how much overlap, how many annotators per overlap
    document, the seed, and which documents."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign documents"))
        self.setMinimumWidth(560)
        self.annotators = QLineEdit(", ".join(people(store)))
        self.annotators.setPlaceholderText("amal, bilal, karim")
        self.overlap = number_box(0, 100, 20)
        self.overlap.setSuffix(" %")
        self.per_document = number_box(2, 20, 2)
        self.seed = seed_box()
        self.documents = QComboBox()
        self.documents.addItem(self.tr("Documents nobody has finished"), "todo")
        self.documents.addItem(self.tr("Every document"), "all")
        self.documents.addItem(self.tr("Documents listed in a file…"), "file")
        self.listed: Path | None = None  # the file of document ids, one a line
        self.documents.activated.connect(self._documents_chosen)
        note = QLabel(
            self.tr(
                "The overlap documents go to several annotators, for agreement; the others to "
                "one, balanced by length. Documents already assigned keep their annotators, "
                "and finished work never moves."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Annotators (comma between names):"), self.annotators)
        form.addRow(self.tr("Overlap (share of documents):"), self.overlap)
        form.addRow(self.tr("Annotators per overlap document:"), self.per_document)
        form.addRow(self.tr("Seed:"), self.seed)
        form.addRow(self.tr("Documents:"), self.documents)
        self.buttons = buttons(self, self.tr("Assign"))
        self.buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def names(self) -> list[str]:
        return split_names(self.annotators.text())

    def _documents_chosen(self, index: int) -> None:
        """ "Documents listed in a file…": choose the file (its name shows in the list)."""
        if self.documents.itemData(index) != "file":
            return
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Document ids to assign, one a line"),
            str(self.listed or ""),
            self.tr("Text files (*.txt);;All files (*)"),
        )
        if name:
            self.choose_listed(Path(name))
        elif self.listed is None:
            self.documents.setCurrentIndex(0)

    def choose_listed(self, path: Path) -> None:
        """Assign the documents a file lists (its doc ids, one a line)."""
        self.listed = path
        index = self.documents.findData("file")
        self.documents.setItemText(
            index, self.tr("Documents listed in %1").replace("%1", ltr(path.name))
        )
        self.documents.setCurrentIndex(index)

    def _accept(self) -> None:
        try:
            names = self.names()
        except AlamaError as error:
            QMessageBox.warning(self, self.windowTitle(), error_text(error))
            return
        if not names:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Name at least one annotator."))
            return
        if self.documents.currentData() == "file" and self.listed is None:
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Choose the file of document ids first.")
            )
            return
        if self.overlap.value() and self.per_document.value() > len(names):
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr(
                    "An overlap document goes to %1 annotators: name at least %1, or set the "
                    "overlap to 0 %."
                ).replace("%1", str(self.per_document.value())),
            )
            return
        self.accept()

    def job(self) -> Job:
        """The assignment the dialog describes (one transaction)."""
        names = self.names()
        overlap = self.overlap.value() / 100
        per_document = self.per_document.value()
        seed = self.seed.value()
        chosen = str(self.documents.currentData())
        documents: str | Path = self.listed if chosen == "file" and self.listed else chosen

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core import assignment

            report = assignment.assign(
                store, names, overlap=overlap, per_document=per_document, seed=seed,
                documents=documents,
            )  # fmt: skip
            return TeamReport().assigned(report)

        return work


class ReassignDialog(QDialog):
    """Team ▸ Someone left: whose unfinished documents go to whom."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reassign documents"))
        self.setMinimumWidth(480)
        self.leaving = QComboBox()
        for name in assigned_people(store):
            self.leaving.addItem(name, name)
        self.to = QListWidget()
        self.to.setMaximumHeight(160)
        self.seed = seed_box()
        self.leaving.currentTextChanged.connect(self._fill_others)
        self._everyone = people(store)
        self._fill_others(self.leaving.currentText())
        note = QLabel(
            self.tr(
                "Their unfinished documents go to the annotators ticked below (none ticked: "
                "to everyone else assigned); what they finished stays theirs."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Who left:"), self.leaving)
        form.addRow(self.tr("Give their documents to:"), self.to)
        form.addRow(self.tr("Seed:"), self.seed)
        self.buttons = buttons(self, self.tr("Reassign"))
        self.buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _fill_others(self, leaving: str) -> None:
        self.to.clear()
        for name in self._everyone:
            if name != leaving:
                item = QListWidgetItem(name)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.to.addItem(item)

    def chosen(self) -> list[str]:
        """The annotators ticked to take the documents (empty: the others assigned)."""
        items = (self.to.item(row) for row in range(self.to.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def _accept(self) -> None:
        if not self.leaving.currentText():
            QMessageBox.warning(
                self, self.windowTitle(), self.tr("Nobody has documents assigned yet.")
            )
            return
        self.accept()

    def job(self) -> Job:
        leaving, to, seed = self.leaving.currentText(), self.chosen() or None, self.seed.value()

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core import assignment

            report = assignment.reassign(store, leaving, to, seed=seed)
            return TeamReport().reassigned(leaving, report)

        return work


class CopyDialog(QDialog):
    """Team ▸ Save a copy for an annotator…: whose copy, and the file to write."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = store.path.absolute()
        self.setWindowTitle(self.tr("Save a copy for an annotator"))
        self.setMinimumWidth(560)
        self.annotator = QComboBox()
        for name in assigned_people(store):
            self.annotator.addItem(name, name)
        self.path = QLineEdit()
        self.path.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._typed = False
        self.path.textEdited.connect(lambda _: setattr(self, "_typed", True))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.annotator.currentTextChanged.connect(self._suggest)
        self._suggest(self.annotator.currentText())
        note = QLabel(
            self.tr(
                "The copy holds their documents (the overlap ones first), the labels and the "
                "guidelines, and opens as them. You can go on working meanwhile."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Annotator:"), self.annotator)
        form.addRow(self.tr("Save as:"), row)
        self.buttons = buttons(self, self.tr("Save"))
        self.buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

    def _suggest(self, name: str) -> None:
        if name and not self._typed:
            self.path.setText(str(self.project.with_name(f"{self.project.stem}-{name}.alama")))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            self.windowTitle(),
            self.path.text(),
            QCoreApplication.translate("StartScreen", "Alama projects (*.alama)"),
        )
        if chosen:
            self._typed = True
            self.path.setText(chosen)

    def target(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def _accept(self) -> None:
        if not self.annotator.currentText():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                self.tr("Nobody has documents assigned yet: Team ▸ Assign documents… first."),
            )
            return
        if not self.path.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose the file to write."))
            return
        self.accept()

    def job(self) -> Job:
        """The copy (the SQLite backup API: safe while this window writes to the project)."""
        name, target, project = self.annotator.currentText(), self.target(), self.project

        def work(store: Store, progress: Progress, notify: Notify) -> str:
            from alama.core import handout

            written = handout.handout_one(project, name, target)
            return TeamReport().copy_saved(name, written.path, written.documents)

        return work
