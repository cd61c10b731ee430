"""Each mode on its own, in a small host (no main window): what its keys do to the project
and to the panels a person looks at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.review import document_review
from alama.core.store import Store
from tests.gui.conftest import FIRST
from tests.gui.hosts import (
    BASE,
    CLAIM,
    MINISTER,
    TANF,
    WEATHER_NEWS,
    WEATHER_THIRD,
    Host,
    at,
    new_project,
    open_host,
    review_project,
)

SELECT_FIRST = "Select some text first, then press a label key."
NOTHING_OPEN = "Nothing open left in this document: Ctrl+Enter marks it reviewed."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_project(tmp_path / "p.alama")
    yield store
    store.close()


@pytest.fixture
def reviewed(tmp_path: Path) -> Iterator[Store]:
    store = review_project(tmp_path / "p.alama")
    yield store
    store.close()


def keys(store: Store, layer: str, doc: int = 1) -> list[tuple[int, int, str]]:
    return sorted(s.key for s in store.spans(doc, layer))


def gold(
    store: Store, doc: int = 1
) -> dict[tuple[int, int, str], tuple[str | None, tuple[str, ...]]]:
    return {s.key: (s.reviewer, s.agreed) for s in store.spans(doc, GOLD_ANNOTATOR)}


# --- annotating --------------------------------------------------------------------------


def test_a_label_key_stores_the_selection_snapped_to_whole_words(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    start, end = at("وزير الدفاع")
    host.select(start + 1, end - 2)  # from inside the first word to inside the last
    host.mode.label("ACTOR")
    assert keys(store, "amal") == [MINISTER]
    assert host.article.painted() == [MINISTER]
    assert host.listed() == [MINISTER]
    assert host.article.selection() is None, "the selection is used up"
    assert host.article.current is not None and host.article.current.key == MINISTER
    assert host.selected_span() == host.article.current
    assert host.said == [] and host.warnings == []


def test_whatever_is_selected_the_stored_span_is_what_is_painted_and_listed(
    qtbot: QtBot, store: Store
) -> None:
    """Selections anywhere in the first article (after an emoji, which Qt counts twice), with
    Alt or not: the label key stores a span that neither starts nor ends with a space, the
    text paints exactly the stored spans and the list shows them in reading order."""
    host = open_host(qtbot, store, "amal")

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        start=st.integers(0, len(FIRST)),
        end=st.integers(0, len(FIRST)),
        label=st.sampled_from(["ACTOR", "PLACE", "CLAIM"]),
        exact=st.booleans(),
    )
    def label_a_selection(start: int, end: int, label: str, exact: bool) -> None:
        host.mode.pick(None)
        host.select(start, end)
        host.mode.label(label, exact=exact)
        stored = sorted(s.key for s in store.spans(1, "amal"))
        assert host.article.painted() == stored
        assert host.listed() == sorted(stored, key=lambda k: (k[0], -k[1], k[2]))
        for first, last, _ in stored:
            assert FIRST[first].strip() and FIRST[last - 1].strip()

    label_a_selection()


def test_the_span_list_keeps_reading_order_whatever_the_order_of_labelling(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    for start, end, label in (TANF, MINISTER, CLAIM):
        host.select(start, end)
        host.mode.label(label)
    assert host.listed() == [MINISTER, CLAIM, TANF]
    assert host.annotating.spans_title(host.annotating.span_list.count()) == (
        "Spans in this article: 3"
    )
    selected = host.selected_span()
    assert selected is not None and selected.key == CLAIM


def test_alt_labels_exactly_the_selection(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    start, _ = at("الدفاع")
    host.select(start, start + 2)  # the article "ال" only
    host.article.alt_selection = True  # the mouse let go with Alt held
    host.mode.label("ACTOR")
    host.article.alt_selection = False
    host.select(start + 3, start + 5)
    host.mode.label("PLACE", exact=True)  # Alt with the label key
    host.select(start + 3, start + 5)
    host.mode.label("CLAIM")  # no Alt: the whole word
    assert keys(store, "amal") == [
        (start, start + 2, "ACTOR"),
        (start, start + len("الدفاع"), "CLAIM"),
        (start + 3, start + 5, "PLACE"),
    ]


def drag(qtbot: QtBot, host: Host, start: int, end: int, alt: bool) -> tuple[int, int]:
    """Select about [start, end) with the mouse, Alt held or not; the selection made. (Inside
    joined Arabic letters a pixel can fall a letter off, depending on the fonts the run has
    loaded: the tests use the selection the mouse really made.)"""
    article = host.article
    if not article.isVisible():
        article.resize(800, 400)
        article.show()
        qtbot.waitExposed(article)

    def point(offset: int) -> QPoint:
        cursor = QTextCursor(article.document())
        cursor.setPosition(article.offsets.to_qt(offset))
        return article.cursorRect(cursor).center()

    held = Qt.KeyboardModifier.AltModifier if alt else Qt.KeyboardModifier.NoModifier
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(article.viewport(), left, held, point(start))
    qtbot.mouseMove(article.viewport(), point(end))
    qtbot.mouseRelease(article.viewport(), left, held, point(end))
    selected = article.selection()
    assert selected is not None and abs(selected[0] - start) <= 1 and abs(selected[1] - end) <= 1
    return selected


def test_an_alt_drag_labels_exactly_and_a_plain_drag_snaps_again(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    start, _ = at("الدفاع")
    exact = drag(qtbot, host, start, start + 2, alt=True)
    host.mode.label("ACTOR")
    word = at("الأمريكيّ")
    drag(qtbot, host, word[0], word[0] + 3, alt=False)
    host.mode.label("PLACE")
    assert exact != at("الدفاع")  # a part of the word, as dragged: not snapped
    assert keys(store, "amal") == [(*exact, "ACTOR"), (*word, "PLACE")]


def test_a_keyboard_selection_after_an_alt_drag_snaps_to_words(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    start, _ = at("الدفاع")
    exact = drag(qtbot, host, start, start + 2, alt=True)
    host.mode.label("ACTOR")
    qtbot.keyClick(host.article, Qt.Key.Key_Escape)  # no span chosen: arrows move the caret
    word = at("الأمريكيّ")
    cursor = host.article.textCursor()
    cursor.setPosition(host.article.offsets.to_qt(word[0]))
    host.article.setTextCursor(cursor)
    for _ in range(3):  # three letters of the word, right to left
        qtbot.keyClick(host.article, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert host.article.selection() == (word[0], word[0] + 3)
    host.mode.label("PLACE")
    assert keys(store, "amal") == [(*exact, "ACTOR"), (*word, "PLACE")]


def test_a_label_key_on_the_chosen_span_relabels_it(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    host.select(*MINISTER[:2])
    host.mode.label("ACTOR")
    before = store.spans(1, "amal")[0]
    host.mode.label("PLACE")  # nothing selected: the chosen span
    (after,) = store.spans(1, "amal")
    assert (after.id, after.key) == (before.id, (*MINISTER[:2], "PLACE"))
    assert host.article.painted() == [(*MINISTER[:2], "PLACE")]
    model = host.annotating.span_list.spans
    assert model.data(model.index(0)).startswith("Place: وزير الدفاع")
    assert host.session.undo_stack.text(1) == "Change Actor"


def test_a_label_key_with_nothing_selected_or_chosen_says_what_to_do(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    host.mode.label("ACTOR")
    assert host.said == [SELECT_FIRST]
    assert store.spans(1, "amal") == [] and host.session.undo_stack.count() == 0


def test_a_selection_of_spaces_only_labels_nothing_and_says_so(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    space = FIRST.index(" وزير")
    host.select(space, space + 1)
    host.mode.label("ACTOR")
    assert host.said == ["Nothing to label: the selection holds only spaces or marks."]
    assert store.spans(1, "amal") == []


def test_a_label_key_on_another_annotators_span_is_refused_with_a_warning(
    qtbot: QtBot, store: Store
) -> None:
    store.add_span(1, "omar", *MINISTER)
    host = open_host(qtbot, store, "amal")
    host.article.current = store.spans(1, "omar")[0]  # shown by a caller that should not
    host.mode.label("PLACE")
    assert host.warnings == ["only your own layer can be changed here"]
    assert keys(store, "omar") == [MINISTER]


def test_delete_takes_the_chosen_span_out_of_the_store_the_text_and_the_list(
    qtbot: QtBot, store: Store
) -> None:
    host = open_host(qtbot, store, "amal")
    for start, end, label in (MINISTER, TANF):
        host.select(start, end)
        host.mode.label(label)
    host.mode.pick(next(s for s in host.article.spans if s.key == MINISTER))
    host.mode.delete_current()
    assert keys(store, "amal") == [TANF]
    assert host.article.painted() == [TANF]
    assert host.listed() == [TANF]
    assert host.article.current is None
    host.mode.delete_current()  # nothing chosen: nothing deleted
    assert keys(store, "amal") == [TANF]


def test_picking_a_span_selects_its_row(qtbot: QtBot, store: Store) -> None:
    for span in (MINISTER, CLAIM, TANF):
        store.add_span(1, "amal", *span)
    host = open_host(qtbot, store, "amal")
    assert host.listed() == [MINISTER, CLAIM, TANF]
    tanf = next(s for s in host.article.spans if s.key == TANF)
    host.mode.pick(tanf)
    assert host.selected_span() == tanf and host.article.current == tanf
    host.mode.pick(None)
    assert host.selected_span() is None and host.article.current is None
    host.mode.label("ACTOR")
    assert host.said == [SELECT_FIRST], "no span is chosen any more"


def test_clicking_a_row_chooses_its_span_for_the_next_key(qtbot: QtBot, store: Store) -> None:
    for span in (MINISTER, CLAIM):
        store.add_span(1, "amal", *span)
    host = open_host(qtbot, store, "amal")
    span_list = host.annotating.span_list
    span_list.spanChosen.emit(span_list.spans.span_at(1))  # what a click on the row emits
    host.mode.label("PLACE")
    assert keys(store, "amal") == [MINISTER, (*CLAIM[:2], "PLACE")]


# --- reviewing ---------------------------------------------------------------------------


def test_the_review_table_lists_every_candidate_in_reading_order(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    review = host.reviewing.review_panel.review
    assert review is not None
    assert [c.key for c in review.candidates] == [MINISTER, CLAIM, BASE, TANF]
    assert host.chosen() is None


def test_a_label_key_on_a_chosen_candidate_accepts_it_under_that_label(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(BASE)
    host.mode.label("ACTOR")
    assert gold(reviewed) == {(*BASE[:2], "ACTOR"): ("lead", ())}
    assert host.article.painted() == [(*BASE[:2], "ACTOR")]
    assert host.said == []
    host.mode.label("PLACE")  # the wrong key at first: the next one relabels the gold span
    assert gold(reviewed) == {BASE: ("lead", ("amal",))}
    assert host.session.undo_stack.count() == 2


def test_clicking_a_gold_span_in_the_text_chooses_its_row(qtbot: QtBot, reviewed: Store) -> None:
    reviewed.add_gold(1, *CLAIM, "lead", ("omar",))
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    (claim,) = host.article.spans
    host.article.spanClicked.emit(claim)  # what a click on it in the text emits
    assert host.chosen() == CLAIM and host.selected_row() == CLAIM
    assert host.article.current == claim and host.article.found == [CLAIM[:2]]
    host.mode.label("PLACE")  # a label key now relabels it
    assert gold(reviewed) == {(*CLAIM[:2], "PLACE"): ("lead", ())}
    host.article.spanClicked.emit(None)  # a click beside any span
    assert host.chosen() is None and host.article.current is None


def test_opening_another_document_chooses_no_candidate(qtbot: QtBot, reviewed: Store) -> None:
    """The second article starts with the same word as the third: the candidate chosen there
    is not chosen again here (Enter would accept a span the reviewer has not looked at)."""
    reviewed.add_span(2, "omar", *WEATHER_NEWS)
    for name in ("omar", "amal"):
        reviewed.set_status(2, name, Status.DONE)
    host = open_host(qtbot, reviewed, "lead", reviewing=True, doc=3)
    host.choose(WEATHER_NEWS)
    host.navigator.step(-1)
    assert host.doc == 2 and host.chosen() is None and host.selected_row() is None
    host.reviewing.accept_current()
    assert gold(reviewed, 2) == {}


def test_enter_accepts_and_goes_on_to_the_next_open_candidate(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(CLAIM)
    host.reviewing.accept_current()
    assert gold(reviewed) == {CLAIM: ("lead", ("omar",))}
    assert host.chosen() == BASE and host.selected_row() == BASE
    assert host.article.found == [BASE[:2]], "the next candidate is shown in the text"
    host.reviewing.accept_current()  # the base in gold covers Tanf: round to the minister
    assert host.chosen() == MINISTER


def test_enter_on_the_last_open_row_goes_round_to_the_first(qtbot: QtBot, reviewed: Store) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(TANF)
    host.reviewing.accept_current()
    assert gold(reviewed) == {TANF: ("lead", ("omar",))}
    assert host.chosen() == MINISTER and host.selected_row() == MINISTER


def test_enter_on_the_only_open_candidate_stays_and_says_to_mark_reviewed(
    qtbot: QtBot, reviewed: Store
) -> None:
    for key in (MINISTER, CLAIM, BASE):
        reviewed.set_rejected(1, key, "lead")
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(TANF)
    host.reviewing.accept_current()
    assert gold(reviewed) == {TANF: ("lead", ("omar",))}
    assert host.chosen() == TANF
    assert host.article.current is not None and host.article.current.key == TANF
    assert host.said == [NOTHING_OPEN]


def test_enter_with_no_candidate_chosen_says_how_to_choose_one(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.reviewing.accept_current()
    assert host.said == ["Choose a span in the review list first (F8 finds the next)."]
    assert gold(reviewed) == {}


def test_delete_rejects_the_chosen_candidate_and_goes_on(qtbot: QtBot, reviewed: Store) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(CLAIM)
    host.mode.delete_current()
    assert reviewed.rejections(1) == {CLAIM: "lead"}
    assert host.chosen() == BASE
    host.mode.delete_current()  # the next key decides the row now shown
    assert reviewed.rejections(1) == {CLAIM: "lead", BASE: "lead"}
    assert host.chosen() == TANF
    host.mode.delete_current()
    assert host.chosen() == MINISTER  # round to the first open row
    host.mode.delete_current()
    assert host.chosen() == MINISTER and host.said == [NOTHING_OPEN]
    assert gold(reviewed) == {}


def test_delete_of_an_accepted_candidate_takes_it_out_of_gold(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.choose(MINISTER)
    host.reviewing.accept_current()
    host.choose(MINISTER)
    host.mode.delete_current()
    assert gold(reviewed) == {} and reviewed.rejections(1) == {MINISTER: "lead"}
    assert host.article.painted() == []


def test_accept_agreed_accepts_what_everyone_marked_and_says_how_many(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.reviewing.accept_agreed()
    assert gold(reviewed) == {MINISTER: ("lead", ("amal", "omar"))}
    assert host.said == ["1 agreed span accepted into gold."]
    assert host.article.painted() == [MINISTER]
    host.reviewing.accept_agreed()
    assert host.said[-1] == "0 agreed spans accepted into gold."
    assert host.session.undo_stack.count() == 1


def test_the_review_panels_buttons_decide_like_the_keys(qtbot: QtBot, reviewed: Store) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    buttons = host.reviewing.review_panel.buttons
    buttons["next"].click()
    assert host.chosen() == CLAIM
    buttons["accept"].click()
    assert gold(reviewed) == {CLAIM: ("lead", ("omar",))} and host.chosen() == BASE
    buttons["reject"].click()
    assert reviewed.rejections(1) == {BASE: "lead"} and host.chosen() == TANF
    buttons["agreed"].click()
    assert MINISTER in gold(reviewed) and host.said == ["1 agreed span accepted into gold."]


def test_the_registry_actions_reach_review_mode(qtbot: QtBot, reviewed: Store) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    handlers = host.reviewing.handlers()
    handlers["review.previous_disagreement"]()
    assert host.chosen() == TANF
    handlers["review.next_disagreement"]()
    assert host.doc == 3 and host.chosen() == WEATHER_NEWS
    handlers["review.accept"]()
    assert gold(reviewed, 3) == {WEATHER_NEWS: ("lead", ("omar",))}
    handlers["review.accept_agreed"]()
    assert host.said[-1] == "0 agreed spans accepted into gold."


def test_each_mode_says_who_works_on_which_layer(qtbot: QtBot, store: Store) -> None:
    host = open_host(qtbot, store, "amal")
    annotating, reviewing = host.annotating, host.reviewing
    assert annotating.who("amal") == "Annotator: amal"
    assert reviewing.who("amal") == "Reviewing as amal: the gold layer"
    assert annotating.window_title("p", "amal") == "p — amal"
    assert reviewing.window_title("p", "amal") == "p — amal (review)"
    assert annotating.progress(1, 3) == "1 / 3 done"
    assert reviewing.progress(1, 3) == "1 / 3 reviewed"
    assert reviewing.spans_title(2) == "Gold spans in this article: 2"
    assert (annotating.actions_mode, reviewing.actions_mode) == ("annotate", "review")


def test_f8_goes_through_disagreements_and_on_to_later_documents(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    seen = []
    for _ in range(5):
        host.reviewing.next_disagreement(1)
        seen.append((host.doc, host.chosen()))
    assert seen == [
        (1, CLAIM),
        (1, BASE),
        (1, TANF),
        (3, WEATHER_NEWS),  # the second article has none
        (3, WEATHER_THIRD),
    ]
    assert host.opened[-1] == 3 and 2 not in host.opened
    assert host.said == []
    assert host.navigator.list.currentIndex().row() == 2, "the list follows"


def test_f8_after_the_last_document_goes_round_and_says_so(qtbot: QtBot, reviewed: Store) -> None:
    host = open_host(qtbot, reviewed, "lead", reviewing=True, doc=3)
    host.choose(WEATHER_THIRD)
    host.reviewing.next_disagreement(1)
    assert (host.doc, host.chosen()) == (1, CLAIM)
    assert host.said == ["Went on from the top of the document list."]
    host.reviewing.next_disagreement(-1)  # and back the other way
    assert (host.doc, host.chosen()) == (3, WEATHER_THIRD)
    assert host.said[-1] == "Went on from the bottom of the document list."


def test_f8_on_the_only_open_disagreement_stays_and_says_so(qtbot: QtBot, reviewed: Store) -> None:
    for doc in (1, 3):
        for candidate in document_review(reviewed, doc).disputed():
            if candidate.key != TANF:
                reviewed.set_rejected(doc, candidate.key, "lead")
    host = open_host(qtbot, reviewed, "lead", reviewing=True, doc=3)
    host.reviewing.next_disagreement(1)
    assert (host.doc, host.chosen()) == (1, TANF)
    host.reviewing.next_disagreement(1)
    assert (host.doc, host.chosen()) == (1, TANF)
    assert host.said[-1] == "This is the only open disagreement left."


def test_f8_says_all_done_only_when_every_disagreement_is_decided(
    qtbot: QtBot, reviewed: Store
) -> None:
    for doc in (1, 3):
        for candidate in document_review(reviewed, doc).disputed():
            reviewed.set_rejected(doc, candidate.key, "lead")
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.reviewing.next_disagreement(1)
    assert host.said == ["All done: every disagreement in the project is decided."]
    assert (host.doc, host.chosen()) == (1, None)


def test_f8_under_a_filter_says_others_may_be_hidden(qtbot: QtBot, reviewed: Store) -> None:
    for candidate in document_review(reviewed, 1).disputed():
        reviewed.set_rejected(1, candidate.key, "lead")
    host = open_host(qtbot, reviewed, "lead", reviewing=True)
    host.navigator.search.setText("قاعدة")  # the first article only
    host.navigator.apply_filter()
    host.reviewing.next_disagreement(1)
    assert host.doc == 1, "the third article's disagreements are not listed"
    assert host.said[-1] == (
        "No open disagreement left in the documents listed (a filter hides others)."
    )


def test_an_annotators_edit_undone_while_reviewing_refreshes_the_review_table(
    qtbot: QtBot, reviewed: Store
) -> None:
    host = open_host(qtbot, reviewed, "amal", reviewing=False)
    host.select(*CLAIM[:2])
    host.mode.label("CLAIM")  # amal now agrees with omar on the claim
    host.session.set_reviewing(True)
    review = host.reviewing.review_panel.review
    claim = review.find(CLAIM) if review is not None else None
    assert claim is not None and claim.annotators == ("amal", "omar")
    host.session.undo()  # amal's label, taken back in review mode
    assert keys(reviewed, "amal") == [MINISTER, BASE]
    review = host.reviewing.review_panel.review
    claim = review.find(CLAIM) if review is not None else None
    assert claim is not None and claim.annotators == ("omar",), "the table shows it at once"
    assert reviewed.status(1, "amal") is Status.DONE
