"""Help ▸ Arabic models: which optional camel-tools data is installed, and how to add the rest."""

from __future__ import annotations

from html import escape

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alama.core import arabic_models
from alama.core.arabic_models import ModelsReport
from alama.gui.qt_dialogs import ltr, table_row


class ArabicModelsPage(QDialog):
    """A page that reads the data folder each time it is shown or "Check again" is pressed."""

    def __init__(self, parent: QWidget | None = None, camel_version: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Arabic models"))
        self.resize(720, 560)
        self.camel_version = camel_version
        self.report: ModelsReport  # read by refresh(), below and on "Check again"
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy the install command"))
        self.copy_button.clicked.connect(self.copy_command)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        refresh = QPushButton(self.tr("Check again"))
        refresh.clicked.connect(self.refresh)
        buttons.addButton(refresh, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.refresh()

    def _purposes(self) -> dict[str, tuple[str, str]]:
        """Each model's name and what it is for, in the interface language."""
        return {
            "ner": (
                self.tr("Named entities"),
                self.tr("Finds people, organisations and places (AraBERT). Needs PyTorch."),
            ),
            "morphology": (
                self.tr("Morphology"),
                self.tr("Analyses words into stems and clitics (CALIMA-MSA database)."),
            ),
            "disambiguation": (
                self.tr("Disambiguation"),
                self.tr("Picks each word's most likely analysis in context (MLE model)."),
            ),
        }

    def refresh(self) -> None:
        """Read the data folder again: a model installed while Alama runs shows at once."""
        self.report = arabic_models.report()
        command = self.report.install_command()
        self.copy_button.setEnabled(command is not None)
        self.browser.setHtml(self.page_html())

    def copy_command(self) -> None:
        command = self.report.install_command()
        if command:
            QGuiApplication.clipboard().setText(command)

    def page_html(self) -> str:
        report = self.report
        direction = "rtl" if self.isRightToLeft() else "ltr"
        parts = [
            f"<div dir='{direction}'>",
            "<p>"
            + self.tr(
                "Alama's own Arabic processing is built in: word edges, normalisation and the "
                "search that ignores diacritics, tatweel and hamza forms come from camel-tools "
                "%1, which needs no download. Everything in Alama works without the models "
                "below."
            ).replace("%1", ltr(self.camel_version or "–"))
            + "</p>",
            "<p>"
            + self.tr(
                "camel-tools can also download trained models. They are optional: use them in "
                "your own scripts to pre-annotate articles, then import the result as JSONL "
                "(File ▸ Import…)."
            )
            + "</p>",
            "<table width='100%' cellpadding='6'>",
            table_row(self, "th", self.tr("Model"), self.tr("Package"), self.tr("On this machine")),
        ]
        purposes = self._purposes()
        for status in report.models:
            name, purpose = purposes[status.model.key]
            if status.installed:
                state = "<span style='color:#009E73'>✓ " + self.tr("installed") + "</span>"
                if status.version:
                    state += " " + ltr(status.version)
            else:
                state = "<span style='color:#D55E00'>✗ " + self.tr("not installed") + "</span>"
            described = f"<b>{escape(name)}</b><br/><small>{escape(purpose)}</small>"
            package = f"<code>{ltr(status.model.package)}</code>"
            parts.append(table_row(self, "td", described, package, state))
        parts.append("</table>")
        parts.append(
            "<p>" + self.tr("Data folder:")
            + f" <code>{ltr(str(report.data_dir))}</code> "
            + (
                self.tr("(chosen by CAMELTOOLS_DATA)")
                if report.from_environment
                else self.tr("(set CAMELTOOLS_DATA to use another folder)")
            )
            + "</p>"
        )  # fmt: skip
        command = report.install_command()
        if command is None:
            parts.append("<p>" + self.tr("Every optional model is installed.") + "</p>")
        else:
            parts.append(
                "<p>" + self.tr("To install the rest, run this in a terminal (it downloads from "
                                "the internet):") + "</p>"
                f"<pre dir='ltr'>{escape(command)}</pre>"
            )  # fmt: skip
        if report.runtime_missing:
            parts.append(
                "<p>"
                + self.tr(
                    "This installation of Alama has no %1, which the named-entity model runs "
                    "on. Install camel-tools with pip in a Python of your own to use it."
                ).replace("%1", ltr(", ".join(report.runtime_missing)))
                + "</p>"
            )
        parts.append("</div>")
        return "".join(parts)
