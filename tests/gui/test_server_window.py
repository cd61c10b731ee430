"""The window on a project on a real server (tests/pg.py): it opens as the login's layer, hears
another connection's change at once (LISTEN/NOTIFY, heard in a thread of its own), says in the
status bar when the connection is lost and when it is back, and saves an action cut by it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from alama.core.store import ServerStore, Store
from alama.core.store.pg_team import add_annotator, add_lead
from alama.core.store.pg_transfer import to_server
from alama.gui.app import Application
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.core.test_server_transfer import filled

pytestmark = pytest.mark.slow


@pytest.fixture
def amal(pg_server, pg_project, tmp_path: Path) -> tuple[str, str]:
    """A server project lifted from a file (document 1 is Amal's); Amal's name and URL."""
    name = f"amal_{pg_project}"
    source = tmp_path / "team.alama"
    filled(source, name, "basel", "rana")
    with Store.open(source) as store, pg_server.connect(pg_project) as conn:
        conn.autocommit = True
        to_server(store, conn, pg_project)
        add_lead(conn, f"lead_{pg_project}")
        password = add_annotator(conn, name)
    return name, pg_server.url(pg_project, name, password)


@pytest.fixture
def window(qtbot: QtBot, amal: tuple[str, str], tmp_path: Path) -> Iterator[MainWindow]:
    name, url = amal
    settings = Settings(tmp_path / "settings.ini")
    session = Session(ServerStore.open(url), name)
    main = MainWindow(session, settings, 1)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    session.stop_listening()
    session.store.close()


def status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def test_another_connections_span_appears_after_the_change_is_told(
    qtbot: QtBot, window: MainWindow, amal: tuple[str, str]
) -> None:
    name, url = amal
    assert window.doc == 1 and window.session.annotator == name
    assert window.session.server is not None
    qtbot.waitUntil(lambda: window.session.server is not None and window.session.server._conn
                    is not None, timeout=5000)  # fmt: skip
    shown_before = {span.id for span in window.article.spans}
    with ServerStore.open(url) as other:  # Amal on her other machine
        place = other.add_span(1, name, 14, 19, "PLACE")
    qtbot.waitUntil(lambda: place.id in {span.id for span in window.article.spans}, timeout=5000)
    assert shown_before < {span.id for span in window.article.spans}


def test_own_edits_are_not_heard_as_anothers(qtbot: QtBot, window: MainWindow) -> None:
    watch = window.session.server
    assert watch is not None
    qtbot.waitUntil(lambda: watch._conn is not None, timeout=5000)
    before = watch.version
    window.session.add_span(1, 14, 19, "PLACE", exact=True)
    qtbot.wait(1500)
    assert watch.version == before


def test_a_lost_connection_is_shown_and_the_cut_action_is_saved(
    qtbot: QtBot, window: MainWindow, amal: tuple[str, str], pg_server, pg_project
) -> None:
    name, url = amal
    watch = window.session.server
    assert watch is not None
    qtbot.waitUntil(lambda: watch._conn is not None, timeout=5000)
    said: list[bool] = []
    window.session.online.connect(said.append)
    with pg_server.connect(pg_project) as admin:
        admin.autocommit = True
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = %s",
            (name,),
        )
    qtbot.waitUntil(lambda: False in said, timeout=5000)
    assert "Disconnected from the server" in status(window) or said[-1] is True
    span = window.session.add_span(1, 14, 19, "PLACE", exact=True)  # on a cut connection
    assert span is not None
    qtbot.waitUntil(lambda: said[-1] is True, timeout=10000)
    with ServerStore.open(url) as other:
        assert span.id in {sp.id for sp in other.spans(1, name)}
    assert not window.session.pending


def test_the_application_opens_a_server_as_the_login_and_remembers_no_password(
    qtbot: QtBot, amal: tuple[str, str], tmp_path: Path, qapp: Any
) -> None:
    name, url = amal
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "someone else"
    controller = Application(qapp, settings)
    assert controller.open_target(url)
    assert controller.session is not None and controller.session.annotator == name
    password = url.split(":", 2)[2].split("@", 1)[0]
    assert settings.recent and password not in settings.recent[0]
    assert settings.recent[0].startswith(f"postgresql://{name}@/")
    assert controller.window is not None
    controller.window.busy.replaced = True
    controller.window.close()
    controller.session.stop_listening()
    controller.session.store.close()


def test_work_of_the_window_runs_on_its_own_connection_to_the_server(
    qtbot: QtBot, window: MainWindow, pg_project: str
) -> None:
    from alama.gui.jobs import run_job, target_of

    outcome = run_job(
        window,
        "count",
        target_of(window.session.store),
        lambda store, progress, notify: repr(store.document_ids()),
    )
    assert outcome == (True, "[1]")  # Amal's one document, read by a connection of its own
    assert window.windowTitle().startswith(f"{pg_project}") or pg_project in window.windowTitle()
    window.commands.change_annotator()
    assert "as your login" in window.statusBar().currentMessage()


def test_the_password_is_asked_apart_when_the_server_wants_one(
    qtbot: QtBot, amal: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from urllib.parse import unquote, urlsplit

    from PySide6.QtWidgets import QInputDialog

    from alama.gui.server_open import connect_store

    name, url = amal
    parts = urlsplit(url)
    password = unquote(parts.password or "")
    bare = url.replace(f":{parts.password}@", "@")
    asked: list[str] = []

    def typed(parent: object, title: str, label: str, *rest: object) -> tuple[str, bool]:
        asked.append(label)
        return password, True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(typed))
    store = connect_store(None, bare)
    assert store is not None
    try:
        assert store.document_ids() == [1]
    finally:
        store.close()
    assert len(asked) == 1 and password not in asked[0] and name in asked[0]


def test_connect_to_a_server_builds_the_address_from_its_parts(qtbot: QtBot) -> None:
    from alama.gui.server_open import ConnectDialog

    dialog = ConnectDialog(None, "postgresql://amal@db.example.org/news")
    qtbot.addWidget(dialog)
    assert (dialog.user.text(), dialog.host.text(), dialog.database.text()) == (
        "amal", "db.example.org", "news"
    )  # fmt: skip
    dialog.database.setText("أخبار")
    dialog.database.textEdited.emit("أخبار")
    assert dialog.chosen() == "postgresql://amal@db.example.org/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1"
    dialog.url.setText("news.alama")
    assert dialog.chosen() is None


def test_file_merge_brings_an_offline_copy_of_her_layer_into_the_server(
    qtbot: QtBot,
    window: MainWindow,
    amal: tuple[str, str],
    tmp_path: Path,
    shown: list[tuple[bool, str]],
) -> None:
    from alama.core.store.pg_connect import connect
    from alama.core.store.pg_transfer import to_file

    name, url = amal
    copy = tmp_path / "offline.alama"
    with connect(url) as conn:
        to_file(conn, copy)
    with Store.open(copy) as store:
        place = store.add_span(1, name, 14, 19, "PLACE")
    assert window.commands.merge_files([copy]), shown
    assert shown[-1][1].startswith(f"{copy}: layer {name}: 1 spans")
    qtbot.waitUntil(lambda: place.id in {span.id for span in window.article.spans}, timeout=5000)


def test_an_annotator_on_a_server_is_told_review_is_for_reviewers(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_reviewing(True)
    assert not window.session.reviewing
    assert not window.action_set["review.mode"].isChecked()
    assert "review is for the reviewers and the lead" in window.statusBar().currentMessage()


def test_the_start_screen_connects_to_a_server_and_lists_it_among_recent_projects(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from alama.gui.qt_dialogs import StartScreen
    from alama.gui.server_open import ConnectDialog

    settings = Settings(tmp_path / "settings.ini")
    settings.add_recent("postgresql://amal:secret@db.example.org/news")
    assert settings.recent == ["postgresql://amal@db.example.org/news"]  # never the password
    screen = StartScreen(settings.recent, "en")
    qtbot.addWidget(screen)
    button = next(b for b in screen.findChildren(QPushButton) if "server" in b.text())

    def typed(dialog: ConnectDialog) -> int:
        dialog.url.setText("postgresql://basel@db.example.org/news")
        return 1

    monkeypatch.setattr(ConnectDialog, "exec", typed)
    button.click()
    assert screen.chosen == "postgresql://basel@db.example.org/news"
    screen = StartScreen(settings.recent, "en")
    qtbot.addWidget(screen)
    screen.recent.itemActivated.emit(screen.recent.item(0))
    assert screen.chosen == "postgresql://amal@db.example.org/news"


def test_reopening_a_server_project_after_an_import_keeps_the_login_and_asks_nothing(
    qtbot: QtBot, amal: tuple[str, str], tmp_path: Path, qapp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    name, url = amal
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *args: ("", False)))
    controller = Application(qapp, Settings(tmp_path / "settings.ini"))
    assert controller.open_target(url)
    first = controller.session
    assert first is not None and controller.window is not None
    controller.window.projectRequested.emit(first.store.path)  # as File ▸ Import does after
    second = controller.session
    assert second is not None and second is not first
    assert second.annotator == name and second.store.document_ids() == [1]
    assert controller.window is not None
    controller.window.busy.replaced = True
    controller.window.close()
    second.stop_listening()
    second.store.close()
