"""A lead's boilerplate in the window: Document ▸ mark a line as boilerplate or not, the rules
learnt, and File ▸ Import finding the new documents' boilerplate as `alama import` does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from alama.core.demo import build_demo
from alama.core.regions import LEAD, covering
from alama.core.store import Store
from alama.gui import screenshots
from alama.gui.boilerplate_actions import RulesDialog, line_range
from alama.gui.qt_documents import DocumentListModel
from alama.gui.qt_import import ImportDialog
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.conftest import select
from tests.gui.pages import choose
from tests.gui.test_boilerplate_window import REGION, TEXT

DISPLAY, TIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
FOOTER = "جميع الحقوق محفوظة لموقع النبأ"


def article(number: int) -> str:
    return (
        f"خبر رقم {number} عن الطرق في المدينة - موقع النبأ\n"
        f"قال المسؤول إن العمل في الطريق رقم {number} يبدأ غداً\n"
        f"{FOOTER}\n"
    )


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    store = Store.create(tmp_path / "p.alama")
    store.add_document(TEXT)
    for number in range(3):
        store.add_document(article(number))
    store.mark_region(1, *REGION, True, "lead")
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "lead"
    main = MainWindow(Session(store, "lead"), settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.open_document(1)
    yield main
    store.close()


def test_the_document_menu_has_the_lead_commands(window: MainWindow) -> None:
    texts = [a.text() for a in window.action_set.menus["document"].actions()]
    for text in ("Mark this line as boilerplate", "Not boilerplate", "Boilerplate rules learnt…"):
        assert any(t.startswith(text) for t in texts)


def test_marking_the_caret_line_sets_it_aside_and_keeps_it_in_sight(window: MainWindow) -> None:
    said = TEXT.index("وأضاف")
    select(window, said + 3, said + 3)
    window.action_set["document.mark_boilerplate"].trigger()
    regions = window.store.regions(1)
    found = covering(regions, said, len(TEXT))
    assert found is not None and found.marked == LEAD
    assert window.store.document(1).text == TEXT, "the text is unchanged"
    assert window.article.folds.regions == regions
    assert all(not (f.start <= said < f.end) for f in window.article.folds.shut())
    assert window.statusBar().currentMessage() == "Marked as boilerplate."


def test_not_boilerplate_takes_a_line_out_of_a_region(window: MainWindow) -> None:
    aleppo = TEXT.index("حلب")
    select(window, aleppo, aleppo)
    window.action_set["document.not_boilerplate"].trigger()
    line = line_range(TEXT, aleppo, aleppo + 1)
    assert line is not None and TEXT[slice(*line)] == "خبر أول عن مدينة حلب\n"
    regions = window.store.regions(1)
    assert covering(regions, *line) is None
    assert covering(regions, TEXT.index("دمشق"), TEXT.index("دمشق") + 4) is not None
    assert window.article.folds.regions == regions


def test_the_rules_learnt_list_each_sources_repeated_lines(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = window.boilerplate.show_rules()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, RulesDialog)
    assert ("موقع النبأ", [(FOOTER, "3")]) in dialog.rows()
    dialog.done(QDialog.DialogCode.Rejected)


def test_import_from_the_file_menu_sets_the_new_documents_boilerplate_aside(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    for number in range(3, 6):
        (folder / f"{number}.txt").write_text(article(number), encoding="utf-8")
    dialog = ImportDialog(window)
    dialog.add_paths([folder])
    choose(dialog.format, "txt")
    dialog.exec = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(window.projectRequested):
        assert window.commands.import_files(dialog)
    ((ok, summary),) = shown
    assert ok and "Boilerplate set aside:" in summary
    with Store.open(window.store.path) as store:
        new = [info.id for info in store.documents()][-3:]
        for doc in new:
            text = store.document(doc).text
            footer = text.index(FOOTER)
            assert covering(store.regions(doc), footer, footer + len(FOOTER)) is not None
        assert store.regions(1)[0].marked == LEAD, "a lead's mark stays"


def test_the_document_list_marks_the_same_story_told_by_several_sites(
    window: MainWindow, tmp_path: Path
) -> None:
    window.store.put_duplicate_groups({2: (2, 1.0), 3: (2, 0.8), 4: (2, 0.7)})
    model = DocumentListModel(window.store, "lead")
    rows = [model.data(model.index(row), DISPLAY) for row in range(4)]
    assert rows[0] == TEXT.split("\n")[0], "a document in no group is shown as before"
    assert rows[1:] == [f"≈3 {article(n).split(chr(10))[0]}" for n in range(3)]
    ids = [window.store.documents()[i].doc_id for i in (2, 3)]
    assert model.data(model.index(1), TIP).endswith("\nSame story as: " + ", ".join(ids))
    assert "\n" not in model.data(model.index(0), TIP)


def test_the_screenshot_shows_the_demo_article_folded_and_leaves_no_region(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = build_demo(tmp_path / "demo.alama")
    store = Store.open(project)
    settings = Settings(tmp_path / "settings.ini")
    main = MainWindow(Session(store, "amal"), settings)
    qtbot.addWidget(main)
    main.show()
    folded: list[int] = []
    monkeypatch.setattr(
        screenshots, "save", lambda widget, path: folded.append(len(main.article.folds.shut()))
    )
    screenshots.boilerplate(main, tmp_path / "shot.png")
    assert folded and folded[0] >= 2, "the repeated headline and the lists at the end folded"
    assert store.all_regions() == {} and main.article.folds.regions == []
    store.close()


def test_a_line_marked_as_boilerplate_loses_its_pending_suggestions(
    qtbot: QtBot, tmp_path: Path
) -> None:
    text = "قالت روسيا إن الاتفاق قائم.\nوردت واشنطن بأن روسيا لم تف بوعودها."
    store = Store.create(tmp_path / "s.alama")
    store.add_document(text)
    main = MainWindow(Session(store, "amal"), Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main.suggestions.live.ready, timeout=10000)
    first = text.index("روسيا")
    select(main, first, first + 5)
    qtbot.keyClick(main.article, Qt.Key.Key_2)
    second = text.index("روسيا", first + 1)
    assert [(s.start, s.label) for s in main.suggestions.pending] == [(second, "PLACE")]
    select(main, second, second)
    main.action_set["document.mark_boilerplate"].trigger()
    assert main.suggestions.pending == []
    main.close()
    store.close()


def test_the_document_search_leaves_out_a_document_whose_only_match_is_boilerplate(
    window: MainWindow,
) -> None:
    """ "حلب" is only in document 1's related-articles list: not a hit. "الوزير" is in its
    text: a hit. The footer every article shares is boilerplate nowhere yet: all three."""
    navigator = window.navigator
    navigator.search.setText("حلب")
    navigator.apply_filter()
    assert navigator.documents.rowCount() == 0
    navigator.search.setText("الوزير")
    navigator.apply_filter()
    assert navigator.documents.rowCount() == 1
    navigator.search.setText("محفوظة")
    navigator.apply_filter()
    assert navigator.documents.rowCount() == 3
