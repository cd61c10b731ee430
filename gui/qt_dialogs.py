"""Dialogs: who is annotating, the shortcuts sheet, and the start screen."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alama.core import __version__
from alama.core.annotators import similar_annotator
from alama.core.demo import home
from alama.core.errors import AlamaError
from alama.core.labels import LabelSet
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import check_annotator
from alama.core.store.pg_connect import is_server
from alama.gui.actions import Mode, sheet_rows
from alama.gui.i18n import error_text, path_text


def ask_annotator(
    parent: QWidget | None, current: str = "", known: Iterable[str] = ()
) -> str | None:
    """Ask who is annotating, offering the project's annotators; None if the user cancels."""
    dialog = AnnotatorDialog(known, current, parent)
    return dialog.name if dialog.exec() else None


def confirm_similar(parent: QWidget | None, name: str, similar: str) -> str | None:
    """Ask whether a new name is a typo of an existing annotator's: the name to use, or None
    to go back and edit it."""
    translate = QCoreApplication.translate
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("Alama", "Who is annotating?"))
    box.setText(
        translate("Alama", "«%1» looks like the existing annotator «%2». Use «%2»?")
        .replace("%1", name)
        .replace("%2", similar)
    )
    box.setInformativeText(
        translate("Alama", "«%1» would be a new annotator whose layer starts empty.").replace(
            "%1", name
        )
    )
    use = box.addButton(
        translate("Alama", "Use «%1»").replace("%1", similar), QMessageBox.ButtonRole.YesRole
    )
    keep = box.addButton(
        translate("Alama", "Keep «%1» as a new annotator").replace("%1", name),
        QMessageBox.ButtonRole.NoRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(use)
    box.exec()
    clicked = box.clickedButton()
    return similar if clicked is use else name if clicked is keep else None


class AnnotatorDialog(QDialog):
    """Who is annotating: pick one of the project's annotators, or type a new name.

    A new name that looks like an existing one ("Amal" beside "amal") is questioned before it
    starts an empty layer.
    """

    def __init__(
        self, known: Iterable[str] = (), current: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        translate = QCoreApplication.translate
        self.known = [name for name in known if name != GOLD_ANNOTATOR]
        self.name: str | None = None
        self.setWindowTitle(translate("Alama", "Who is annotating?"))
        prompt = QLabel(
            translate(
                "Alama", "Your name. It decides whose layer you edit, and is shown at all times:"
            )
        )
        prompt.setWordWrap(True)
        self.combo = QComboBox()
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(self.known)
        self.combo.setCurrentText(current)
        self.combo.setMinimumContentsLength(24)
        # Qt completes case-insensitively: a typed "Amal" would silently become "amal". The
        # near-duplicate question below is how such a name is settled, with the user.
        completer = self.combo.completer()
        if completer is not None:
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseSensitive)
        hint = QLabel(
            translate(
                "Alama",
                "If you have worked on this project, pick your name from the list: a new name "
                "starts an empty layer.",
            )
        )
        hint.setWordWrap(True)
        hint.setVisible(bool(self.known))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (prompt, self.combo, hint, buttons):
            layout.addWidget(widget)

    def accept(self) -> None:
        """OK: a valid name, and not a near-duplicate of an annotator unless confirmed."""
        try:
            name = check_annotator(self.combo.currentText())
        except AlamaError as error:
            QMessageBox.warning(self, "", error_text(error))  # titled with Alama's name
            return
        similar = similar_annotator(name, self.known)
        if similar is not None:
            chosen = confirm_similar(self, name, similar)
            if chosen is None:
                self.combo.setFocus()
                return
            name = chosen
        self.name = name
        super().accept()


def shortcut_rows(labels: LabelSet, mode: Mode = "annotate") -> list[tuple[str, str]]:
    """Every key of the window with what it does, in the interface language: those of ``mode``
    first, then a heading row ("", heading) and the other mode's (see gui.actions)."""
    return sheet_rows(labels, mode)


def ltr(text: str) -> str:
    """A path, package name or version kept left to right inside Arabic: Qt's rich text ignores
    `dir` on inline elements, so the text is wrapped in a Unicode left-to-right isolate."""
    return f"\u2066{escape(text)}\u2069"


def table_row(widget: QWidget, tag: str, *cells: str) -> str:
    """A rich-text table row whose first cell is on the reading side: Qt lays tables out left
    to right whatever their `dir`, so in a right-to-left widget the row is written reversed."""
    rtl = widget.isRightToLeft()
    align = "right" if rtl else "left"
    ordered = reversed(cells) if rtl else iter(cells)
    return "<tr>" + "".join(f"<{tag} align='{align}'>{cell}</{tag}>" for cell in ordered) + "</tr>"


def about_html(parent: QWidget) -> str:
    """Help ▸ About Alama: what it is, its version, licences, and where its files are."""
    translate = QCoreApplication.translate
    direction = "rtl" if parent.isRightToLeft() else "ltr"
    rows = [
        (translate("About", "Version"), __version__),
        (translate("About", "Qt"), qVersion()),
        (translate("About", "Settings and demo"), str(home())),
    ]
    table = "".join(table_row(parent, "td", escape(name), ltr(value)) for name, value in rows)
    what = translate("About", "Annotate Arabic news: actors, places and claims.")
    licence = (
        translate(
            "About",
            "Alama is free software under the MIT licence. The %1 font is under the %2; its "
            "text is shipped beside it.",
        )
        .replace("%1", ltr("Noto Naskh Arabic"))
        .replace("%2", ltr("SIL Open Font License 1.1"))
    )
    return (
        f"<div dir='{direction}'><h3>Alama — علامة</h3><p>{what}</p>"
        f"<table cellpadding='3'>{table}</table><p>{licence}</p></div>"
    )


class ShortcutsSheet(QDialog):
    """F1: every shortcut in a table, those of the current mode first."""

    def __init__(
        self, labels: LabelSet, parent: QWidget | None = None, mode: Mode = "annotate"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        browser = QTextBrowser()
        body = "".join(
            table_row(self, "td", f"<b>{ltr(key)}</b>", escape(text))
            if key
            else table_row(self, "th", "", f"<br>{escape(text)}")  # the other mode's heading
            for key, text in shortcut_rows(labels, mode)
        )
        browser.setHtml(f"<table width='100%' cellpadding='5'>{body}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)


def project_target(entry: str) -> Path | str:
    """A recent project as opened: a server's URL as it is, a file as a path."""
    return entry if is_server(entry) else Path(entry)


class StartScreen(QDialog):
    """First run: the interface language, recent projects, New, Open, and the demo."""

    def __init__(
        self, recent: list[str], language: str = "ar", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.chosen: Path | str | None = None  # a file, or a server's postgresql:// URL
        self.wants_demo = False
        self.language: str | None = None  # set when the user picks another language
        self.setWindowTitle("")  # Qt shows the application's name ("Alama — علامة") alone
        self.resize(560, 420)
        languages = QHBoxLayout()
        languages.addStretch(1)
        for code, name in (("ar", "العربية"), ("en", "English")):
            button = QPushButton(name)
            button.setCheckable(True)
            button.setChecked(code == language)
            button.setFlat(True)
            button.clicked.connect(
                lambda _=False, c=code, b=button: self._choose_language(c, language, b)
            )
            languages.addWidget(button)
        title = QLabel(
            self.tr("<h2>Alama — علامة</h2><p>Annotate Arabic news: actors, places and claims.</p>")
        )
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.recent = QListWidget()
        for entry in recent:  # a path reads left to right in Arabic too: "/tmp/…/x.alama"
            item = QListWidgetItem(path_text(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(
            lambda item: self._finish(project_target(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.hint = QLabel(
            self.tr(
                "No projects yet. Open the demo to try Alama: six short news articles, two of "
                "them already labelled by two annotators. Select words and press 1, 2 or 3."
            )
        )
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Open the demo"), self._demo),
            (self.tr("New project…"), self._new),
            (self.tr("Open project…"), self._open),
            (self.tr("Connect to a server…"), self._connect),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            if slot == self._demo and not recent:
                button.setDefault(True)  # Enter opens the demo on a first run
        layout = QVBoxLayout(self)
        layout.addLayout(languages)
        layout.addWidget(title)
        heading = QLabel(self.tr("Recent projects"))
        for widget in (heading, self.recent, self.hint):
            layout.addWidget(widget, 1 if widget is not heading else 0)
        # A first run shows what to do instead of an empty list.
        heading.setVisible(bool(recent))
        self.recent.setVisible(bool(recent))
        self.hint.setVisible(not recent)
        layout.addLayout(buttons)

    def _choose_language(self, code: str, current: str, button: QPushButton) -> None:
        """Another language: the caller switches and shows the screen again in it."""
        if code == current:
            button.setChecked(True)  # the language in use stays marked
            return
        self.language = code
        self.reject()

    def _finish(self, path: Path | str) -> None:
        self.chosen = path
        self.accept()

    def _connect(self) -> None:
        """A project on a server: its address (the password is asked when connecting)."""
        from alama.gui.server_open import ConnectDialog

        dialog = ConnectDialog(self)
        url = dialog.chosen() if dialog.exec() else None
        if url:
            self._finish(url)

    def _demo(self) -> None:
        self.wants_demo = True
        self.accept()

    def _new(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "project.alama", self.tr("Alama projects (*.alama)")
        )
        if path:
            self.chosen = Path(path)
            self.accept()

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("Alama projects (*.alama);;All files (*)")
        )
        if path:
            self._finish(Path(path))
