"""Starting the application: fonts, language, who is annotating, and which project is open."""

from __future__ import annotations

import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTimer, QTranslator
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from alama.core import __version__
from alama.core.annotators import similar_annotator
from alama.core.demo import build_demo
from alama.core.doctor import Check
from alama.core.errors import AlamaError, ProjectError
from alama.core.messages import Message
from alama.core.platform_check import window_problem
from alama.core.store import Store
from alama.core.store.pg_connect import is_server, shown
from alama.gui.i18n import error_text
from alama.gui.qt_dialogs import StartScreen, ask_annotator, confirm_similar
from alama.gui.qt_main_window import MainWindow
from alama.gui.server_open import connect_store, login_of
from alama.gui.session import Session
from alama.gui.settings import Settings
from alama.resources import path as resource

_REGISTERED: list[str] = []  # the bundled fonts' families, once registered with Qt


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name the same project file."""
    try:
        return one.resolve() == other.resolve() or one.samefile(other)
    except OSError:
        return False


def register_fonts() -> list[str]:
    """Register the bundled Arabic fonts (once per process); return their families."""
    if not _REGISTERED:
        folder = resource("fonts")
        for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id >= 0:
                _REGISTERED.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_REGISTERED)


def qt_translations() -> list[str]:
    """Where Qt's own translations (qtbase_ar.qm: its dialogs' buttons, the text fields' menus)
    may be: Qt's translations folder, and PySide6's own, which is where the packaged build
    carries them."""
    folders = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    folders.append(str(Path(PySide6.__file__).parent / "Qt" / "translations"))
    return list(dict.fromkeys(folders))


def annotator_given(store: Store) -> str | None:
    """The name a project opens as without asking: ALAMA_ANNOTATOR if set, else the
    annotator a handed-out copy belongs to (`Store.handed_to`); None: settings or asking."""
    named = os.environ.get("ALAMA_ANNOTATOR", "").strip()
    if named:
        return named
    try:
        return store.handed_to()
    except AlamaError:
        return None


class Application:
    """Owns the settings, the open project and its window."""

    def __init__(self, app: QApplication, settings: Settings) -> None:
        self.app = app
        self.settings = settings
        self.window: MainWindow | None = None
        self.session: Session | None = None
        self._translators: list[QTranslator] = []
        self.draining: list[Session] = []  # earlier sessions whose actions wait for a busy file
        # Per project file opened: the name it was opened as, and this machine's name then.
        self._opened_as: dict[str, tuple[str, str]] = {}

    def set_language(self, code: str) -> None:
        """Install the interface language; Arabic mirrors the whole layout right to left."""
        for translator in self._translators:
            self.app.removeTranslator(translator)
        self._translators = []
        # English is the source language; its file holds only the plural forms ("1 document",
        # "3 documents"). Arabic has all of it, and Qt's own dialogs come in Arabic too.
        files = [(f"alama_{code}", [str(resource("i18n"))])]
        if code == "ar":
            files.append(("qtbase_ar", qt_translations()))
        for name, folders in files:
            translator = QTranslator(self.app)
            if any(translator.load(name, folder) for folder in folders):
                self.app.installTranslator(translator)
                self._translators.append(translator)
        self.app.setLayoutDirection(
            Qt.LayoutDirection.RightToLeft if code == "ar" else Qt.LayoutDirection.LeftToRight
        )
        QLocale.setDefault(
            QLocale(QLocale.Language.Arabic if code == "ar" else QLocale.Language.English)
        )

    def open_target(self, target: Path | str) -> bool:
        """Open a project file (a path) or a server project (a postgresql:// URL)."""
        if is_server(target):
            return self.open_server(str(target))
        return self.open(Path(target))

    def open(self, path: Path, doc: int | None = None, reviewing: bool = False) -> bool:
        """Open a project (creating it if it does not exist) in a fresh window."""
        try:
            store = Store.open(path) if path.exists() else Store.create(path)
        except AlamaError as error:
            title = ""
            QMessageBox.critical(self.window, title, error_text(error))
            return False
        known = store.annotators()
        # A copy handed out to one annotator opens as them, without asking (unless the
        # environment names someone: ALAMA_ANNOTATOR, for a lead checking a copy). Opened
        # again (after an import, a merge), it stays with the name it was opened as, unless
        # File ▸ Change annotator… chose another since.
        given = annotator_given(store)
        key = str(path.resolve())
        before = self._opened_as.get(key)
        if before is not None:
            given = before[0] if self.settings.annotator == before[1] else None
        name: str | None = given or self.settings.annotator
        similar = similar_annotator(name, known) if name and not given else None
        if name and similar is not None:  # "Amal" on this machine, "amal" in the project
            name = confirm_similar(self.window, name, similar)
        if not name:
            name = ask_annotator(self.window, self.settings.annotator, known)
        if not name:
            store.close()
            return False
        try:
            session = Session(store, name, reviewing)
        except AlamaError as error:  # a name the project refuses
            store.close()
            QMessageBox.critical(self.window, "", error_text(error))
            return False
        if not given or not self.settings.annotator:
            self.settings.annotator = name
        self._opened_as[key] = (name, self.settings.annotator)
        self.settings.add_recent(path)
        self._show(session, doc)
        if store.read_only_reason is not None:
            self._say_read_only(store)
        return True

    def open_server(self, url: str, doc: int | None = None, reviewing: bool = False) -> bool:
        """Open a project on a server as the login: its layer is the login's own (the server
        lets a person write only theirs). The password is asked when the server wants one and
        kept only with the open project; the recent list remembers the URL without it."""
        store = connect_store(self.window, url)
        if store is None:
            return False
        try:
            session = Session(store, login_of(store, url), reviewing)
        except AlamaError as error:
            store.close()
            QMessageBox.critical(self.window, "", error_text(error))
            return False
        self.settings.add_recent(shown(url))
        self._show(session, doc)
        return True

    def _say_read_only(self, store: Store) -> None:
        """A project on read-only media (or in a folder that cannot be written): it opens to
        be read, and says at once that nothing done in it is saved."""
        why = error_text(
            ProjectError(Message("%1 cannot be changed: %2", store.path, store.read_only_reason))
        )
        text = QCoreApplication.translate(
            "Alama", "%1\n\nThe project is opened to be read: what you change is not saved."
        ).replace("%1", why)
        assert self.window is not None
        self.window.statusBar().showMessage(why)
        box = QMessageBox(
            QMessageBox.Icon.Information,
            "",
            text,
            parent=self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def _show(self, session: Session, doc: int | None) -> None:
        old_window, old_session = self.window, self.session
        self.session = session
        self.window = MainWindow(session, self.settings, doc)
        self.window.languageRequested.connect(self._change_language)
        self.window.projectRequested.connect(self.change_project)
        if old_window is not None:
            self.window.setGeometry(old_window.geometry())
            old_window.busy.replaced = True
            old_window.close()
            old_window.deleteLater()
        if old_session is not None and old_session is not session:
            self._hand_over(old_session, session)
        self.window.busy.draining = self.draining  # quitting asks about their actions too
        self.window.show()

    def _hand_over(self, old: Session, new: Session) -> None:
        """Actions of the old session still waiting for a busy file are not dropped: on the
        same file the new session saves them first (and its window shows them when they
        land); on another file the old session goes on trying, its file is closed once they
        are saved, and quitting before then asks."""
        if old.store is new.store or same_file(old.store.path, new.store.path):
            new.take_over(old)
        elif old.pending:
            self.draining.append(old)
            old.failed.connect(self._failed_meanwhile)
            old.waiting.connect(lambda count: None if count else self._drained(old))
        else:
            old.stop_listening()
            old.store.close()

    def _failed_meanwhile(self, error: object) -> None:
        """An action of an old session refused by its file: the window says so."""
        if self.window is not None:
            self.window.busy.on_failed(error)

    def _drained(self, session: Session) -> None:
        if session in self.draining:
            self.draining.remove(session)
            session.stop_listening()
            session.store.close()

    def _change_language(self, code: str) -> None:
        if self.session is None or self.window is None:
            return
        self.settings.language = code
        self.set_language(code)
        where = self.window.navigator.where()
        self._show(self.session, self.window.doc)
        self.window.navigator.go_back(where)  # the same search and filter, in the other language

    def change_project(self, target: object) -> None:
        """Open another project ("demo", a path, or None: the start screen), as File asks."""
        if target == "demo":
            self.open(build_demo())
        elif isinstance(target, str) and is_server(target):
            self.open_server(target)
        elif isinstance(target, Path):
            session = self.session  # reopening the same project keeps review mode
            same = bool(session and session.store.path == target)
            url = getattr(session.store, "url", None) if session and same else None
            if isinstance(url, str):  # the same server project (its password kept in memory)
                self.open_server(url, reviewing=bool(session and session.reviewing))
                return
            self.open(target, reviewing=same and bool(session and session.reviewing))
        else:
            self.choose_project()

    def choose_project(self) -> bool:
        """The start screen: recent projects, New, Open, the demo, and the language."""
        while True:
            screen = StartScreen(self.settings.recent, self.settings.language, self.window)
            accepted = screen.exec()
            if screen.language is None:
                break
            self.settings.language = screen.language
            self.set_language(screen.language)
        if not accepted:
            return False
        if screen.wants_demo:
            return self.open(build_demo())
        return screen.chosen is not None and self.open_target(screen.chosen)


def create_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication, with Alama's name and fonts."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Alama")
    # Qt adds the display name to every window title ("Export — Alama — علامة"); a message
    # box with an empty title shows it alone.
    app.setApplicationDisplayName("Alama — علامة")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Alama")
    app.setWindowIcon(QIcon(str(resource("icons", "alama.svg"))))
    app.setDesktopFileName("alama")  # Wayland and the dock match the window to alama.desktop
    families = register_fonts()
    if families:
        # Arabic in menus and lists in the bundled Naskh; Latin falls back to the system font.
        font = app.font()
        font.setFamilies([*dict.fromkeys(families), font.family()])
        font.setPointSize(max(font.pointSize(), 11))
        app.setFont(font)
    return app


def check_window(project: Path) -> Check:
    """`alama doctor`'s window check: open ``project`` in Arabic as a throw-away annotator,
    paint it, close it, and leave the user's settings alone."""
    started = time.perf_counter()
    if sys.platform.startswith("linux") and not (
        os.environ.get("QT_QPA_PLATFORM")
        or os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # no screen: Qt would abort, not raise
    app = create_app()
    if "Noto Naskh Arabic" not in register_fonts():
        return Check("window", False, "the bundled Naskh font did not register with Qt")
    with tempfile.TemporaryDirectory(prefix="alama-doctor-settings-") as folder:
        settings = Settings(Path(folder) / "settings.ini")
        settings.annotator = "doctor"
        controller = Application(app, settings)
        controller.set_language("ar")
        try:
            if not controller.open(project) or controller.window is None:
                return Check("window", False, "the demo project did not open")
            window = controller.window
            app.processEvents()
            painted = not window.grab().isNull()
            arabic = window.isRightToLeft() and window.menuBar().actions()[0].text() != "&File"
            window.close()
            app.processEvents()
        finally:
            controller.set_language("en")
            if controller.session is not None:
                controller.session.store.close()
    if not painted or not arabic:
        return Check("window", False, f"painted: {painted}, Arabic menus: {arabic}")
    platform = QGuiApplication.platformName()
    elapsed = (time.perf_counter() - started) * 1000
    return Check(
        "window", True, f"opened in Arabic on the demo ({platform}), painted and closed in "
        f"{elapsed:.0f} ms",
    )  # fmt: skip


def quit_on_signals(app: QApplication) -> QTimer:
    """Close the windows and leave the event loop on SIGTERM (a logout) or SIGINT (Ctrl+C).

    Every action is already stored, so quitting is all there is to do. Python runs signal
    handlers only between bytecodes, so a timer hands it control a few times a second.
    """

    def stop(number: int, _frame: object) -> None:
        app.closeAllWindows()
        app.quit()

    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, stop)
    timer = QTimer(app)
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


def run(project: Path | str | None) -> int:
    """Open the window on ``project``; without one, the last project, else the start screen."""
    problem = window_problem()
    if problem:  # Qt would abort the process with its own message, naming no package
        print(f"Error: {problem}", file=sys.stderr)
        return 1
    app = create_app()
    quit_on_signals(app)
    settings = Settings()
    controller = Application(app, settings)
    controller.set_language(settings.language)
    if project is not None:
        opened = controller.open_target(project)
    elif settings.recent:
        opened = controller.open_target(settings.recent[0])
    else:
        opened = controller.choose_project()
    if not opened:
        return 1
    return app.exec()


def main() -> None:
    """The `alama-gui` entry point."""
    args = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
    sys.exit(run(Path(args[0]) if args else None))
