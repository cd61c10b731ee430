"""The navigator on its own (in a small host, no main window): the document list, its filter
and search, next and previous, done-and-next going round, and the switch of layer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store
from alama.gui.navigation import Navigator
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings
from tests.gui.hosts import Host, new_project, open_host
from tests.gui.test_busy_file import Locker

WENT_ROUND = "Went on from the top of the document list."
TODO, IN_PROGRESS, DONE = 1, 2, 3  # rows of the status filter ("All documents" is 0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_project(tmp_path / "p.alama")
    yield store
    store.close()


def listed(navigator: Navigator) -> list[int | None]:
    documents = navigator.documents
    return [documents.doc_at(row) for row in range(documents.rowCount())]


def search(navigator: Navigator, text: str) -> None:
    """Type a search and let it apply at once (no typing delay)."""
    navigator.search.setText(text)
    navigator.apply_filter()


def show_only(navigator: Navigator, row: int) -> None:
    """Choose a status in the filter (a choice applies at once; the same one again too)."""
    navigator.status_filter.setCurrentIndex(row)
    navigator.apply_filter()


def selected_doc(host: Host) -> int | None:
    index = host.navigator.list.currentIndex()
    return host.navigator.documents.doc_at(index.row()) if index.isValid() else None


# --- next and previous ------------------------------------------------------------------


def test_next_and_previous_open_the_neighbouring_documents(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    host.navigator.step(1)
    assert host.doc == 2 and selected_doc(host) == 2
    host.navigator.step(1)
    assert host.doc == 3
    host.navigator.step(1)  # the last: nothing after it
    assert host.doc == 3 and host.opened == [1, 2, 3]
    host.navigator.step(-1)
    host.navigator.step(-1)
    host.navigator.step(-1)  # the first: nothing before it
    assert host.opened == [1, 2, 3, 2, 1] and selected_doc(host) == 1
    assert host.said == []


def test_next_from_a_document_the_search_hides_opens_the_first_listed(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    search(host.navigator, "خبر")  # the second and third articles
    assert listed(host.navigator) == [2, 3]
    assert host.said == ["2 documents contain it"]
    host.navigator.step(-1)
    assert host.doc == 1
    host.navigator.step(1)
    assert host.doc == 2


def test_a_click_on_a_row_opens_its_document(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    navigator = host.navigator
    navigator.list.clicked.emit(navigator.documents.index(2))
    assert host.doc == 3 and host.article.toPlainText().startswith("خبر ثالث")


def test_arrows_in_the_list_then_enter_open_a_document(qtbot: QtBot, store: Store) -> None:
    """From the keyboard too: End (or the arrows) moves through the list, Enter opens."""
    host = open_host(qtbot, store, "amal")
    listing = host.navigator.list
    listing.setCurrentIndex(host.navigator.documents.index(0))
    qtbot.keyClick(listing, Qt.Key.Key_End)
    assert host.doc == 1  # moving the row alone opens nothing
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert host.doc == 3 and host.article.toPlainText().startswith("خبر ثالث")


def test_the_search_ignores_diacritics(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    search(host.navigator, "عمان")  # the text has عمّان, with a shadda
    assert listed(host.navigator) == [3]
    assert host.said == ["1 document contains it"]
    assert host.navigator.filtered()
    search(host.navigator, "")
    assert listed(host.navigator) == [1, 2, 3] and not host.navigator.filtered()


# --- done and next ------------------------------------------------------------------------


def test_done_and_next_marks_done_and_opens_the_next_not_done(qtbot: QtBot, store: Store) -> None:
    store.set_status(2, "amal", Status.DONE)
    host = open_host(qtbot, store, "amal")
    host.navigator.done_and_next()
    assert store.status(1, "amal") is Status.DONE
    assert host.doc == 3, "the second article is done already"
    assert host.navigator.documents.status(1) is Status.DONE, "the list shows it"
    assert host.navigator.documents.done_count() == (2, 3)
    assert host.said == []
    assert host.session.undo_stack.text(0) == "Mark done"


def test_done_and_next_on_the_last_goes_round_and_says_so(qtbot: QtBot, store: Store) -> None:
    store.set_status(1, "amal", Status.DONE)
    host = open_host(qtbot, store, "amal", doc=3)
    host.navigator.done_and_next()
    assert host.doc == 2
    assert host.said == [WENT_ROUND]
    host.navigator.done_and_next()
    assert host.doc == 2, "nothing left to open"
    assert host.said[-1] == "All done: every document is marked done."
    assert host.navigator.documents.done_count() == (3, 3)


def test_done_and_next_in_review_says_reviewed(qtbot: QtBot, store: Store) -> None:
    store.set_status(1, GOLD_ANNOTATOR, Status.DONE)
    store.set_status(2, GOLD_ANNOTATOR, Status.DONE)
    store.set_status(2, "amal", Status.DONE)
    host = open_host(qtbot, store, "lead", reviewing=True, doc=3)
    host.navigator.done_and_next()
    assert store.status(3, GOLD_ANNOTATOR) is Status.DONE
    assert store.status(3, "lead") is Status.TODO, "the reviewer's own layer is not marked"
    assert host.said == ["All done: every document is reviewed."]


def test_done_and_next_under_a_search_says_what_is_left_outside_it(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal", doc=3)
    search(host.navigator, "خبر")
    host.said.clear()
    host.navigator.done_and_next()
    assert host.doc == 2 and host.said == [WENT_ROUND]
    host.navigator.done_and_next()
    assert host.said[-1] == "Every document in this list is done; still to do outside it: 1."
    assert store.status(1, "amal") is Status.TODO


def test_done_and_next_under_the_to_do_filter_keeps_the_row_and_goes_on(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    show_only(host.navigator, TODO)
    host.navigator.done_and_next()
    assert host.doc == 2
    assert listed(host.navigator) == [1, 2, 3], "the list does not jump under the filter"
    assert selected_doc(host) == 2
    show_only(host.navigator, TODO)  # applied again: the done one leaves
    assert listed(host.navigator) == [2, 3]


def test_taking_done_back(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    host.navigator.mark_not_done()  # not done: nothing to take back
    assert host.session.undo_stack.count() == 0 and store.status(1, "amal") is Status.TODO
    host.navigator.done_and_next()
    host.navigator.step(-1)
    host.navigator.mark_not_done()
    assert store.status(1, "amal") is Status.IN_PROGRESS
    assert host.navigator.documents.status(1) is Status.IN_PROGRESS
    assert host.navigator.documents.done_count() == (0, 3)
    assert host.session.undo_stack.text(1) == "Mark not done"
    host.session.undo()
    assert host.navigator.documents.status(1) is Status.DONE


# --- going round the list ---------------------------------------------------------------


def test_round_from_goes_round_the_listed_documents_once(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    navigator = host.navigator
    assert list(navigator.round_from(2)) == [(3, False), (1, True), (2, True)]
    assert list(navigator.round_from(2, -1)) == [(1, False), (3, True), (2, True)]
    store.set_status(2, "amal", Status.DONE)
    show_only(navigator, TODO)
    assert listed(navigator) == [1, 3]
    assert list(navigator.round_from(1)) == [(3, False), (1, True)]
    assert list(navigator.round_from(2)) == [(1, False), (3, False)], "from a hidden one"
    assert list(navigator.round_from(2, -1)) == [(3, False), (1, False)]
    search(navigator, "ثالث")
    assert list(navigator.round_from(3)) == [(3, True)]


def test_a_status_filter_lists_the_layers_statuses(qtbot: QtBot, store: Store) -> None:
    store.set_status(1, "amal", Status.DONE)
    store.set_status(2, "amal", Status.IN_PROGRESS)
    host = open_host(qtbot, store, "amal")
    for row, docs in ((TODO, [3]), (IN_PROGRESS, [2]), (DONE, [1]), (0, [1, 2, 3])):
        show_only(host.navigator, row)
        assert listed(host.navigator) == docs


def test_a_filter_keeps_the_open_documents_row_selected(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal", doc=2)
    search(host.navigator, "خبر")
    assert listed(host.navigator) == [2, 3] and selected_doc(host) == 2


def test_the_open_documents_row_is_selected_again_when_a_filter_shows_it_again(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    search(host.navigator, "خبر")  # hides the open first article
    assert selected_doc(host) is None
    search(host.navigator, "")
    assert listed(host.navigator) == [1, 2, 3]
    assert selected_doc(host) == 1, "the open document's row is highlighted again"


def test_switching_layer_keeps_the_filter_and_the_search(qtbot: QtBot, store: Store) -> None:
    for doc in (1, 2):
        store.set_status(doc, "amal", Status.DONE)
    store.set_status(3, GOLD_ANNOTATOR, Status.DONE)
    host = open_host(qtbot, store, "amal", doc=2)
    search(host.navigator, "خبر")
    show_only(host.navigator, DONE)
    assert listed(host.navigator) == [2]
    host.session.set_reviewing(True)
    assert host.navigator.layer == GOLD_ANNOTATOR
    assert host.navigator.search.text() == "خبر"
    assert host.navigator.status_filter.currentIndex() == DONE
    assert listed(host.navigator) == [3], "reviewed, among the search results"
    assert host.navigator.documents.done_count() == (1, 3)
    host.session.set_reviewing(False)
    assert listed(host.navigator) == [2]
    assert selected_doc(host) == 2


def test_a_status_taken_back_while_reviewing_shows_once_annotating_again(
    qtbot: QtBot, store: Store
) -> None:
    store.set_status(1, GOLD_ANNOTATOR, Status.DONE)
    host = open_host(qtbot, store, "amal")
    host.navigator.done_and_next()
    host.session.set_reviewing(True)
    host.session.undo()  # amal's "done", taken back in review mode
    assert store.status(1, "amal") is Status.TODO
    assert host.navigator.documents.status(1) is Status.DONE, "the list shows gold's"
    host.session.set_reviewing(False)
    assert host.navigator.documents.status(1) is Status.TODO
    assert host.navigator.documents.done_count() == (0, 3)


def test_switching_layer_without_a_filter_lists_every_document(qtbot: QtBot, store: Store) -> None:
    store.set_status(1, "amal", Status.DONE)
    host = open_host(qtbot, store, "amal")
    host.session.set_reviewing(True)
    assert listed(host.navigator) == [1, 2, 3]
    assert host.navigator.documents.status(1) is Status.TODO, "gold's status, not amal's"
    assert selected_doc(host) == 1


def test_reveal_shows_every_document_only_when_a_filter_hides_the_one_asked_for(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    navigator = host.navigator
    search(navigator, "خبر")
    navigator.reveal(2)  # listed: the search stays
    assert navigator.search.text() == "خبر" and listed(navigator) == [2, 3]
    show_only(navigator, TODO)
    navigator.reveal(1)
    assert navigator.search.text() == "" and navigator.status_filter.currentIndex() == 0
    assert listed(navigator) == [1, 2, 3] and not navigator.filtered()


def test_the_search_applies_a_moment_after_typing_stops(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    host.navigator.search.setText("ثالث")
    assert listed(host.navigator) == [1, 2, 3], "not at every key"
    qtbot.waitUntil(lambda: listed(host.navigator) == [3], timeout=2000)
    assert host.said == ["1 document contains it"]


def test_the_registry_actions_reach_the_navigator(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    handlers = host.navigator.handlers()
    handlers["document.next"]()
    assert host.doc == 2
    handlers["document.previous"]()
    assert host.doc == 1
    handlers["document.done_and_next"]()
    assert host.doc == 2 and store.status(1, "amal") is Status.DONE
    handlers["document.reviewed_and_next"]()
    assert host.doc == 3 and store.status(2, "amal") is Status.DONE


def test_done_and_next_on_a_busy_file_stays_on_the_next_document_once_saved(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """In the window itself: the routing of a session's changes is the window's."""
    path = tmp_path / "p.alama"
    new_project(path).close()
    store = Store.open(path)
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    window = MainWindow(Session(store, "amal"), settings, doc=1)
    qtbot.addWidget(window)
    try:
        locker = Locker(path)
        try:
            window.navigator.done_and_next()
            assert window.doc == 2 and window.session.pending
        finally:
            locker.release()
        qtbot.waitUntil(lambda: not window.session.pending, timeout=5000)
        assert store.status(1, "amal") is Status.DONE
        assert window.navigator.documents.status(1) is Status.DONE
        assert window.doc == 2, "the window stays where the user went"
    finally:
        window.close()
        store.close()
