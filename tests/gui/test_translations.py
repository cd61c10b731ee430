"""The interface speaks Arabic and English: every visible string has an Arabic translation,
and switching language mirrors the whole window."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from alama.core.agreement import agreement
from alama.core.model import Status
from alama.core.store import Store
from alama.gui.app import Application
from alama.gui.qt_agreement import AgreementDashboard
from alama.gui.qt_dialogs import StartScreen, about_html, shortcut_rows
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.qt_transfer import ExportDialog, ImportDialog
from alama.gui.settings import Settings
from tests.conftest import ROOT

TS = ROOT / "resources" / "i18n" / "alama_ar.ts"


def messages(path: Path) -> dict[tuple[str, str], list[str]]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            found[(name, message.findtext("source") or "")] = forms or [translation.text or ""]
    return found


def test_english_plurals_are_written_out(qapp: QApplication, tmp_path: Path) -> None:
    """English is the source language, but "%n document(s)" needs a file to read "1 document"."""
    fresh = tmp_path / "fresh.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh), "-pluralonly"], check=True,
                   capture_output=True)  # fmt: skip
    english = messages(ROOT / "resources" / "i18n" / "alama_en.ts")
    for key in messages(fresh):
        forms = english.get(key, [])
        assert len(forms) == 2 and all(forms), f"{key}: run lupdate -pluralonly on alama_en.ts"
    controller = Application(qapp, Settings(tmp_path / "settings.ini"))
    controller.set_language("en")
    try:
        one = QCoreApplication.translate("MainWindow", "%n document(s) contain it", "", 1)
        three = QCoreApplication.translate("MainWindow", "%n document(s) contain it", "", 3)
    finally:
        controller.set_language("en")
    assert (one, three) == ("1 document contains it", "3 documents contain it")


def test_every_visible_string_is_translated(tmp_path: Path) -> None:
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "gui").glob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = messages(TS)
    untranslated = [
        key for key in messages(fresh) if not all(form.strip() for form in committed.get(key, [""]))
    ]
    assert untranslated == [], "run `pyside6-lupdate gui/*.py -ts resources/i18n/alama_ar.ts`"


@pytest.fixture
def arabic(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Application]:
    """The application in Arabic with a window open on a one-document project."""
    project = tmp_path / "p.alama"
    with Store.create(project) as store:
        store.add_document("خبر عن حلب")
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    controller = Application(qapp, settings)
    controller.set_language("ar")
    try:
        assert controller.open(project)
        assert controller.window is not None
        qtbot.addWidget(controller.window)
        yield controller
    finally:
        controller.set_language("en")
        if controller.session is not None:
            controller.session.store.close()


def test_switching_language_mirrors_and_translates(
    qtbot: QtBot, qapp: QApplication, arabic: Application
) -> None:
    controller, settings = arabic, arabic.settings
    window = controller.window
    assert window is not None
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&ملف" in titles and "&File" not in titles
    window.languageRequested.emit("en")
    english = controller.window
    assert english is not None and english is not window
    qtbot.addWidget(english)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "&File" in [action.text() for action in english.menuBar().actions()]
    assert english.doc == window.doc, "the open document stays open"
    assert settings.language == "en"


# Names that stay in Latin letters in the Arabic interface: formats, tools, label keys, keys.
LATIN_ALLOWED = {
    "JSONL", "Prodigy", "spaCy", "doccano", "CoNLL", "BIO", "Hugging", "Face", "tokens",
    "ner_tags", "brat", "txt", "imported", "PERS", "ACTOR", "ORG", "LOC", "PLACE", "MISC",
    "CLAIM", "Actor", "Place", "Claim", "Alt", "Ctrl", "Shift", "Enter", "Return", "Del",
    "Backspace", "Delete", "PgUp", "PgDown", "Esc", "English", "train", "dev", "test", "amal",
    "omar", "Alama", "alama", "camel", "tools", "AraBERT", "PyTorch", "CALIMA", "MSA", "MLE",
    "CAMELTOOLS_DATA", "pip", "Python", "MIT",
}  # fmt: skip


def visible_strings(widget: QWidget) -> list[str]:
    """Every string a user reads in a widget and its children: labels, buttons, menus, lists."""
    found = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        if isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        if isinstance(child, QComboBox):
            found.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QSpinBox):
            found.append(child.prefix())
        found.extend(action.text() for action in child.actions())
        if isinstance(child, QMenu):
            found.append(child.title())
    return found


def english_words(strings: list[str]) -> list[str]:
    # No markup, no commands to type, no names kept left to right on purpose (paths, packages).
    pattern = r"<pre[^>]*>.*?</pre>|<[^>]*>|&\w+;|\u2066[^\u2069]*\u2069"
    plain = [re.sub(pattern, " ", s, flags=re.DOTALL).replace("&", "") for s in strings]
    words = {w for s in plain for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", s)}
    return sorted(words - LATIN_ALLOWED)


def test_nothing_visible_is_left_in_english(arabic: Application) -> None:
    # The .ts test above cannot see a string translated under another context than lupdate
    # gave it; this one reads what the widgets actually show with Arabic installed.
    window = arabic.window
    assert window is not None
    shown = visible_strings(window)
    for menu_action in window.menuBar().actions():
        shown.extend(visible_strings(menu_action.menu()))
    dashboard = AgreementDashboard(window.store, window)
    dashboard.show_figures(agreement(window.store))
    first_run = StartScreen([], "ar", window)
    for dialog in (ImportDialog(window), ExportDialog(window.store, window), dashboard, first_run):
        shown.extend(visible_strings(dialog))
    shown.append(dashboard.breakdown.text())
    models = ArabicModelsPage(window, "1.6.0")
    shown.extend([*visible_strings(models), models.page_html(), about_html(window)])
    shown.extend(dashboard.bars.names.values())
    shown.extend(text for _, text in shortcut_rows(window.labels))
    assert english_words(shown) == []


def test_review_mode_is_arabic_too(qtbot: QtBot, arabic: Application) -> None:
    assert arabic.window is not None
    store = arabic.window.store
    for name, end in (("amal", 3), ("omar", 6)):
        store.add_span(1, name, 0, end, "PLACE")
        store.set_status(1, name, Status.DONE)
    arabic.window.reviewRequested.emit(True)
    window = arabic.window
    assert window is not None and window.reviewing
    qtbot.addWidget(window)
    window.open_document(1)
    table = window.review_panel.table
    shown = visible_strings(window)
    shown.extend(table.horizontalHeaderItem(c).text() for c in range(table.columnCount()))
    shown.extend(table.item(r, c).text() for r in range(table.rowCount()) for c in (1, 5))
    shown.extend(table.item(r, 0).toolTip() for r in range(table.rowCount()))
    for menu_action in window.menuBar().actions():
        shown.extend(visible_strings(menu_action.menu()))
    assert "omar" in shown  # the layers' columns carry the annotators' names
    assert english_words(shown) == []
