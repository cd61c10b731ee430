"""A project for the Team tests: nine articles, a lead's assignment (PLAN), amal's window on
it, and the reports the window shows, recorded instead of shown in message boxes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.core.store.base import now
from alama.core.store.team import AssignmentRow
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import FIRST, SECOND, THIRD

TEXTS = [FIRST, SECOND, THIRD, *(f"خبر رقم {n} عن مدينة حلب وأهلها" for n in range(4, 10))]
# Who has which document (1-based ids): amal 1, 3, 5, 7 (3 shared with bilal); bilal 2, 3, 4.
PLAN = {1: ["amal"], 2: ["bilal"], 3: ["amal", "bilal"], 4: ["bilal"], 5: ["amal"], 7: ["amal"]}
MINE = [1, 3, 5, 7]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    with Store.create(tmp_path / "news.alama") as store:
        for text in TEXTS:
            store.add_document(text)
    return tmp_path / "news.alama"


def plan(store: Store, assignments: dict[int, list[str]] = PLAN) -> None:
    """Assign documents as a lead would have (the overlap ones to several annotators)."""
    stamp = now()
    store.put_assignment_rows(
        AssignmentRow(doc, name, int(len(names) > 1), stamp, None)
        for doc, names in assignments.items()
        for name in names
    )


def open_window(qtbot: QtBot, path: Path, name: str = "amal") -> MainWindow:
    store = Store.open(path)
    settings = Settings(path.parent / "settings.ini")
    settings.annotator = name
    window = MainWindow(Session(store, name), settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.article.setFocus()
    return window


@pytest.fixture
def window(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    main = open_window(qtbot, project)
    yield main
    main.team.wait()
    main.store.close()


@pytest.fixture
def assigned(qtbot: QtBot, project: Path) -> Iterator[MainWindow]:
    """amal's window on a project whose lead assigned documents (see PLAN)."""
    with Store.open(project) as store:
        plan(store)
    main = open_window(qtbot, project)
    yield main
    main.team.wait()
    main.store.close()


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[bool, str]]:
    """The Team menu's reports, instead of modal message boxes."""
    outcomes: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.team_commands.show_outcome",
        lambda parent, title, outcome: outcomes.append(tuple(outcome)),
    )
    return outcomes


@pytest.fixture
def warned(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    found: list[str] = []
    monkeypatch.setattr(MainWindow, "warn", lambda self, text: found.append(text))
    return found


def english(text: str) -> str:
    """A report as English reads once its plural forms are in alama_en.qm: "1 document",
    "2 documents", "3 copies" (until then Qt writes the source's "2 document(s)")."""

    def plural(match: re.Match[str]) -> str:
        number, word, ending = match.groups()
        one = number == "1"
        if ending == "ies":
            return f"{number} {word[:-1]}{'y' if one else 'ies'}"
        return f"{number} {word}{'' if one else ending}"

    text = re.sub(r"(\d+) ((?:\w+ )*?\w+)\((s|es|ies)\)", plural, text)
    return re.sub("[\u2066-\u2069]", "", text)  # the isolates around file names


def listed(window: MainWindow) -> list[int | None]:
    documents = window.navigator.documents
    return [documents.doc_at(row) for row in range(documents.rowCount())]


def said(window: MainWindow) -> str:
    return window.statusBar().currentMessage()
