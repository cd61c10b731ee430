"""The Help menu: Arabic models (what is installed, how to get the rest), About, and the
window check `alama doctor` runs."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from alama.core import __version__
from alama.core.demo import build_demo
from alama.gui.app import Application, check_window, register_fonts
from alama.gui.qt_dialogs import StartScreen
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.settings import Settings


def help_action(window: MainWindow, text: str) -> object:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in menu.actions() if a.text() == text)


@pytest.fixture
def camel_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "camel"
    monkeypatch.setenv("CAMELTOOLS_DATA", str(folder))
    return folder


def test_arabic_models_page_from_the_help_menu(
    window: MainWindow, camel_data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[ArabicModelsPage] = []
    monkeypatch.setattr(ArabicModelsPage, "exec", lambda self: shown.append(self) or 0)
    help_action(window, "Arabic models…").trigger()  # type: ignore[attr-defined]
    page = shown[0]
    text = page.browser.toPlainText()
    assert text.count("✗ not installed") == 3
    assert "Everything in Alama works without the models below" in text
    assert str(camel_data) in text and "chosen by CAMELTOOLS_DATA" in text
    page.copy_button.click()
    command = "camel_data -i ner-arabert morphology-db-msa-r13 disambig-mle-calima-msa-r13"
    assert QGuiApplication.clipboard().text() == command

    # The lead installs the named-entity model while Alama is open, then checks again.
    folder = camel_data / "data" / "ner" / "arabert"
    folder.mkdir(parents=True)
    (folder / "config.json").write_text("{}", encoding="utf-8")
    (camel_data / "versions.json").write_text(json.dumps({"ner-arabert": "1.0.0"}), "utf-8")
    buttons = page.findChildren(type(page.copy_button))
    refresh = next(button for button in buttons if button.text() == "Check again")
    refresh.click()
    text = page.browser.toPlainText()
    assert "✓ installed \u20661.0.0\u2069" in text and text.count("✗ not installed") == 2
    page.copy_button.click()
    assert "ner-arabert" not in QGuiApplication.clipboard().text()

    # And the annotation itself goes on: the window never needed the models.
    window.open_document(2)
    assert window.doc == 2


def test_everything_installed_disables_the_copy_button(qtbot: QtBot, camel_data: Path) -> None:
    for package, folder in (
        ("ner-arabert", "ner/arabert"),
        ("morphology-db-msa-r13", "morphology_db/calima-msa-r13"),
        ("disambig-mle-calima-msa-r13", "disambig_mle/calima-msa-r13"),
    ):
        (camel_data / "data" / folder).mkdir(parents=True)
        (camel_data / "data" / folder / package).write_text("x", encoding="utf-8")
    page = ArabicModelsPage(None, "1.6.0")
    qtbot.addWidget(page)
    assert "Every optional model is installed." in page.browser.toPlainText()
    assert not page.copy_button.isEnabled()


def test_about_names_the_version_and_the_font_licence(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: seen.append(text))
    help_action(window, "About Alama").trigger()  # type: ignore[attr-defined]
    assert __version__ in seen[0] and "SIL Open Font License 1.1" in seen[0]


def test_the_doctor_window_check_leaves_the_user_alone(tmp_path: Path, qapp: object) -> None:
    project = build_demo(tmp_path / "demo.alama")
    before = set(QGuiApplication.topLevelWindows())
    check = check_window(project)
    assert check.ok, check.detail
    assert "opened in Arabic on the demo" in check.detail
    assert qapp.layoutDirection().name == "LeftToRight"  # type: ignore[attr-defined]
    assert not [w for w in QGuiApplication.topLevelWindows() if w not in before and w.isVisible()]
    home = Path(os.environ["ALAMA_HOME"])
    assert not home.exists() or list(home.iterdir()) == [], "no settings or demo of the user's"


def test_first_run_start_screen_says_what_to_do(qtbot: QtBot) -> None:
    screen = StartScreen([], "en")
    qtbot.addWidget(screen)
    screen.show()
    assert screen.hint.isVisible() and not screen.recent.isVisible()
    assert "Open the demo to try Alama" in screen.hint.text()
    demo = next(b for b in screen.findChildren(QPushButton) if b.text() == "Open the demo")
    assert demo.isDefault(), "Enter opens the demo on a first run"


def test_start_screen_lists_recent_projects(qtbot: QtBot, tmp_path: Path) -> None:
    screen = StartScreen([str(tmp_path / "a.alama")], "en")
    qtbot.addWidget(screen)
    screen.show()
    assert screen.recent.isVisible() and not screen.hint.isVisible()
    screen.recent.itemActivated.emit(screen.recent.item(0))
    assert screen.chosen == tmp_path / "a.alama"


def test_the_language_is_chosen_on_the_start_screen(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first-time English speaker presses "English": the screen comes back in English and
    the choice is remembered; then they open the demo."""
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    controller = Application(qapp, settings)
    controller.set_language(settings.language)
    seen: list[tuple[str, str]] = []

    def exec_(screen: StartScreen) -> int:
        seen.append((screen.windowTitle(), screen.hint.text()))
        buttons = {b.text(): b for b in screen.findChildren(QPushButton)}
        if len(seen) == 1:
            buttons["English"].click()
            return int(screen.result())
        buttons["Open the demo"].click()
        return int(screen.result())

    monkeypatch.setattr(StartScreen, "exec", exec_)
    try:
        assert controller.choose_project()
        assert settings.language == "en"
        assert "افتح المشروع التجريبي" in seen[0][1], "a first run starts in Arabic"
        assert seen[1][1].startswith("No projects yet"), "shown again, in English"
        assert controller.window is not None and controller.window.doc is not None
        assert qapp.layoutDirection().name == "LeftToRight"  # type: ignore[attr-defined]
    finally:
        controller.set_language("en")
        if controller.session is not None:
            controller.session.store.close()
        if controller.window is not None:
            controller.window.close()


def test_the_bundled_font_is_the_one_the_article_uses(window: MainWindow) -> None:
    """Registered from alama/resources at start-up, so every machine shows the same Naskh."""
    assert "Noto Naskh Arabic" in register_fonts()
    assert QFontInfo(window.article.font()).family() == "Noto Naskh Arabic"
