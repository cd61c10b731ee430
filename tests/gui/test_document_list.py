"""The document list's model alone, on a project made with the core API: titles in project
order with this annotator's status, the status and search filters, and one row repainted
when one document's status changes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QIdentityProxyModel, QModelIndex, Qt
from PySide6.QtGui import QIcon, QImage
from pytestqt.qtbot import QtBot

from alama.core.model import Status
from alama.core.store import Store
from alama.gui.qt_documents import DOC_ID_ROLE, DocumentListModel, status_icon

DISPLAY, TIP, ICON = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.DecorationRole,
)
TEXTS = [
    "😀 قال وزير الدفاع إن القوات ستنسحب\nمن قاعدة التنف قريباً",
    "\n\n  خبر ثان عن مدينة حَلَب 🇸🇾  \nوأهلها",
    "«داعش» ISIS يعلن 2024\u200f مسؤوليته",
    "خبر رابع عن الطقس في عمّان",
    "   \n ",
    "خبر سادس عن حلب وريفها",
]
TITLES = [
    "😀 قال وزير الدفاع إن القوات ستنسحب",
    "خبر ثان عن مدينة حَلَب 🇸🇾",
    "«داعش» ISIS يعلن 2024\u200f مسؤوليته",
    "خبر رابع عن الطقس في عمّان",
    None,  # nothing to read: the document's id stands in
    "خبر سادس عن حلب وريفها",
]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """Six documents; amal finished 2 and 4 and is working on 3; omar finished 1."""
    store = Store.create(tmp_path / "p.alama")
    for text in TEXTS:
        store.add_document(text)
    store.add_span(3, "amal", 0, 7, "ACTOR")
    for doc in (2, 4):
        store.set_status(doc, "amal", Status.DONE)
    store.set_status(1, "omar", Status.DONE)
    yield store
    store.close()


@pytest.fixture
def model(store: Store) -> DocumentListModel:
    return DocumentListModel(store, "amal")


def shown(model: DocumentListModel) -> list[int]:
    return [model.data(model.index(row), DOC_ID_ROLE) for row in range(model.rowCount())]


def mark(store: Store, model: DocumentListModel, doc: int, status: Status) -> None:
    """Store amal's new status, then tell the list, as the window does."""
    store.set_status(doc, "amal", status)
    model.set_status(doc, status)


def image(icon: QIcon) -> QImage:
    return icon.pixmap(14, 14).toImage()


def test_every_document_in_project_order_with_its_title(
    model: DocumentListModel, store: Store
) -> None:
    assert model.rowCount() == len(TEXTS)
    assert shown(model) == [1, 2, 3, 4, 5, 6]
    ids = {info.id: info.doc_id for info in store.documents()}
    titles = [model.data(model.index(row), DISPLAY) for row in range(6)]
    assert titles == [title if title is not None else ids[5] for title in TITLES]
    assert model.rowCount(model.index(0)) == 0  # a list: no row has children
    assert model.data(QModelIndex(), DISPLAY) is None


def test_each_row_shows_this_annotators_status(model: DocumentListModel, store: Store) -> None:
    ids = {info.id: info.doc_id for info in store.documents()}
    tips = [model.data(model.index(row), TIP) for row in range(6)]
    states = ["to do", "done", "in progress", "done", "to do", "to do"]  # omar's done is his
    assert tips == [f"{ids[doc]} — {state}" for doc, state in zip(range(1, 7), states, strict=True)]
    for row, state in enumerate([Status.TODO, Status.DONE, Status.IN_PROGRESS, Status.DONE]):
        assert image(model.data(model.index(row), ICON)) == image(status_icon(state)), row
    assert model.status(3) is Status.IN_PROGRESS


def test_the_three_status_discs_differ() -> None:
    images = [image(status_icon(status)) for status in Status]
    assert len({bytes(i.constBits()) for i in images}) == 3


def test_done_counts_this_annotator_over_the_whole_project(model: DocumentListModel) -> None:
    assert model.done_count() == (2, 6)
    model.set_filter(Status.TODO, None)
    assert model.done_count() == (2, 6)  # a filter changes what is listed, not the progress


@pytest.mark.parametrize(
    ("status", "expected"),
    [(None, [1, 2, 3, 4, 5, 6]), (Status.TODO, [1, 5, 6]), (Status.IN_PROGRESS, [3]),
     (Status.DONE, [2, 4])],
)  # fmt: skip
def test_the_status_filter_lists_this_annotators_documents(
    qtbot: QtBot, model: DocumentListModel, status: Status | None, expected: list[int]
) -> None:
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(status, None)
    assert shown(model) == expected
    assert [model.row_of(doc) for doc in expected] == list(range(len(expected)))
    assert [model.doc_at(row) for row in range(len(expected))] == expected


def test_a_search_keeps_the_project_order_within_the_status(
    model: DocumentListModel, store: Store
) -> None:
    found = set(store.search("حلب"))  # diacritics ignored: حَلَب in the second document
    assert found == {2, 6}
    model.set_filter(None, found)
    assert shown(model) == [2, 6]
    assert [model.data(model.index(r), DISPLAY) for r in range(2)] == [TITLES[1], TITLES[5]]
    model.set_filter(Status.TODO, found)
    assert shown(model) == [6]
    model.set_filter(Status.IN_PROGRESS, found)
    assert shown(model) == [] and model.doc_at(0) is None
    model.set_filter(None, set())
    assert model.rowCount() == 0
    model.set_filter(None, None)
    assert shown(model) == [1, 2, 3, 4, 5, 6]


def test_hidden_documents_have_no_row(model: DocumentListModel) -> None:
    model.set_filter(Status.DONE, None)
    assert model.row_of(1) is None and model.row_of(4) == 1
    assert model.doc_at(-1) is None and model.doc_at(2) is None
    assert model.row_of(99) is None


def read_all(model: DocumentListModel) -> None:
    """What a view does when it shows every row."""
    for row in range(model.rowCount()):
        model.data(model.index(row), DISPLAY)


def test_a_status_change_repaints_its_row_only(model: DocumentListModel, store: Store) -> None:
    read_all(model)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    mark(store, model, 5, Status.DONE)
    assert changed == [(4, 4)]
    assert image(model.data(model.index(4), ICON)) == image(status_icon(Status.DONE))
    assert model.data(model.index(4), TIP).endswith("— done")
    assert model.done_count() == (3, 6)
    mark(store, model, 2, Status.IN_PROGRESS)
    assert changed == [(4, 4), (1, 1)]
    assert model.done_count() == (2, 6)
    mark(store, model, 3, Status.IN_PROGRESS)  # no change of done
    assert model.done_count() == (2, 6)


def test_a_document_marked_done_stays_listed_until_the_filter_is_applied_again(
    model: DocumentListModel, store: Store
) -> None:
    """Under "In progress", Ctrl+Enter on a document does not make the list jump under the
    mouse: the row stays, showing its new status, until the filter is chosen again."""
    model.set_filter(Status.IN_PROGRESS, None)
    read_all(model)
    assert shown(model) == [3]
    mark(store, model, 3, Status.DONE)
    assert shown(model) == [3]
    assert model.data(model.index(0), TIP).endswith("— done")
    assert model.done_count() == (3, 6)
    model.set_filter(Status.IN_PROGRESS, None)
    assert shown(model) == []
    model.set_filter(Status.DONE, None)
    assert shown(model) == [2, 3, 4]


def test_under_a_filter_the_row_is_repainted_with_its_new_status(
    model: DocumentListModel, store: Store
) -> None:
    model.set_filter(Status.IN_PROGRESS, None)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    mark(store, model, 3, Status.DONE)
    assert changed == [(0, 0)]


def test_the_done_count_counts_a_document_the_list_has_not_shown(
    model: DocumentListModel, store: Store
) -> None:
    model.set_filter(Status.DONE, None)  # document 6 (to do) is not listed
    mark(store, model, 6, Status.DONE)
    assert model.done_count() == (3, 6)


def test_a_status_change_of_a_hidden_document_counts_without_a_row(
    model: DocumentListModel, store: Store
) -> None:
    read_all(model)  # the whole list was on screen before the search
    model.set_filter(None, {2, 6})
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    mark(store, model, 1, Status.DONE)
    assert changed == [] and model.done_count() == (3, 6)
    model.set_filter(None, None)
    assert image(model.data(model.index(0), ICON)) == image(status_icon(Status.DONE))


def test_a_new_model_reads_the_stored_statuses(store: Store) -> None:
    """The gold layer's list (review mode) has its own statuses."""
    store.set_status(6, "@gold", Status.DONE)
    gold = DocumentListModel(store, "@gold")
    assert gold.done_count() == (1, 6)
    gold.set_filter(Status.DONE, None)
    assert shown(gold) == [6]


def test_a_title_starting_with_a_byte_order_mark_reads_as_stored(tmp_path: Path) -> None:
    """What the list view gets goes through Qt (here a C++ proxy, as a view's delegate)."""
    with Store.create(tmp_path / "q.alama") as store:
        for lead in ("\ufeff", "\ufffe"):
            store.add_document(lead + "خبر عن حلب " + repr(lead))
        model = DocumentListModel(store, "amal")
        proxy = QIdentityProxyModel()
        proxy.setSourceModel(model)
        shown = [proxy.data(proxy.index(row, 0), DISPLAY) for row in range(2)]
    marks = "\ufeff\ufffe"
    assert [title.lstrip(marks) for title in shown] == [
        "خبر عن حلب " + repr(lead) for lead in marks
    ]
