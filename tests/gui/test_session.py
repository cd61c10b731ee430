"""The session: what each action announces (`Changes`), undo and redo through the undo stack,
the history kept across a switch between annotating and reviewing, and the busy-file queue."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from alama.core.changes import Changes
from alama.core.errors import ProjectError
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.store import Store
from alama.gui.session import Session
from tests.gui.conftest import FIRST
from tests.gui.hosts import BASE, CLAIM, MINISTER, TANF, at, new_project
from tests.gui.test_busy_file import Locker

DEFENCE = (*at("الدفاع"), "ACTOR")


class Recorder:
    """A session with what it announces, signal by signal."""

    def __init__(self, store: Store, name: str, reviewing: bool = False) -> None:
        self.session = Session(store, name, reviewing)
        self.store = store
        self.changes: list[Changes] = []
        self.waiting: list[int] = []
        self.refused = 0
        self.failed: list[str] = []
        self.modes: list[bool] = []
        self.session.changed.connect(self.changes.append)
        self.session.waiting.connect(self.waiting.append)
        self.session.refused.connect(self._refused)
        self.session.failed.connect(lambda error: self.failed.append(str(error)))
        self.session.modeChanged.connect(self.modes.append)

    def _refused(self) -> None:
        self.refused += 1

    def last(self) -> Changes:
        assert self.changes, "nothing was announced"
        return self.changes[-1]

    def history(self) -> list[str]:
        stack = self.session.undo_stack
        return [stack.text(i) for i in range(stack.count())]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = new_project(tmp_path / "p.alama")
    yield store
    store.close()


@pytest.fixture
def finished(tmp_path: Path) -> Iterator[Store]:
    """amal and omar finished the first article: they agree on the minister and on Tanf, omar
    alone marked the claim."""
    store = new_project(tmp_path / "p.alama")
    for name, spans in {"amal": [MINISTER, TANF], "omar": [MINISTER, TANF, CLAIM]}.items():
        for span in spans:
            store.add_span(1, name, *span)
        store.set_status(1, name, Status.DONE)
    yield store
    store.close()


def keys(store: Store, layer: str, doc: int = 1) -> list[tuple[int, int, str]]:
    return sorted(s.key for s in store.spans(doc, layer))


def snapshot(store: Store) -> tuple[object, ...]:
    """Every layer's live spans (with ids), statuses and rejections of the first article."""
    layers = ("amal", "omar", GOLD_ANNOTATOR)
    return (
        {layer: sorted((s.id, s.key, s.reviewer, s.agreed) for s in store.spans(1, layer))
         for layer in layers},
        {layer: store.status(1, layer) for layer in layers},
        store.rejections(1),
    )  # fmt: skip


def only(store: Store, layer: str, key: tuple[int, int, str]) -> Span:
    found = store.find_span(1, layer, key)
    assert found is not None
    return found


# --- what each action announces ---------------------------------------------------------


def test_labelling_announces_the_new_span_chosen_and_the_document_in_progress(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, MINISTER[0] + 1, MINISTER[1] - 1, "ACTOR", False)
    assert span is not None and span.key == MINISTER
    assert rec.changes == [
        Changes(1, "amal", spans=(span,), status=Status.IN_PROGRESS, current=span,
                spot=MINISTER[0], key=MINISTER)
    ]  # fmt: skip
    assert keys(store, "amal") == [MINISTER]
    assert rec.history() == ["Label Actor"]


def test_a_span_in_boilerplate_is_refused_and_alt_labels_it(
    qapp: QApplication, store: Store
) -> None:
    store.mark_region(1, MINISTER[0], MINISTER[1], True, "lead")
    rec = Recorder(store, "amal")
    rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert rec.failed == [
        "not labelled: the text lies inside boilerplate (manual, characters 6–17); "
        "hold Alt to label it anyway"
    ]
    assert keys(store, "amal") == [] and rec.history() == []
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", True)  # Alt held
    assert span is not None and keys(store, "amal") == [MINISTER]


def test_labelling_a_span_that_is_there_chooses_it_without_a_new_step(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    again = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert again == span
    assert rec.last() == Changes(1, "amal", current=span)
    assert rec.history() == ["Label Actor"] and len(store.spans(1, "amal")) == 1


def test_a_selection_of_nothing_but_spaces_announces_nothing(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    space = FIRST.index(" وزير")
    assert rec.session.add_span(1, space, space + 1, "ACTOR", False) is None
    assert rec.changes == [] and rec.history() == []


def test_relabel_resize_and_delete_announce_the_span_as_it_now_is(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, *DEFENCE[:2], "ACTOR", True)
    assert span is not None
    rec.session.relabel(span, "PLACE")
    relabelled = only(store, "amal", (*DEFENCE[:2], "PLACE"))
    assert relabelled.id == span.id
    assert rec.last() == Changes(1, "amal", spans=(relabelled,), status=Status.IN_PROGRESS,
                                 current=relabelled, spot=DEFENCE[0])  # fmt: skip
    rec.session.relabel(relabelled, "PLACE")  # the same label: no step
    rec.session.resize(relabelled, "start", True, True)  # a word more before it
    grown = only(store, "amal", (MINISTER[0], MINISTER[1], "PLACE"))
    assert grown.id == span.id and rec.last().spans == (grown,) and rec.last().current == grown
    rec.session.delete(grown)
    assert rec.last() == Changes(1, "amal", removed=(span.id,), status=Status.IN_PROGRESS,
                                 spot=MINISTER[0], key=grown.key)  # fmt: skip
    assert store.spans(1, "amal") == []
    assert rec.history() == ["Label Actor", "Change Actor", "Change Place", "Delete Place"]


def test_relabelling_or_resizing_onto_an_identical_span_leaves_one(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    rec.session.add_span(1, *MINISTER[:2], "ACTOR", True)
    other = rec.session.add_span(1, *MINISTER[:2], "PLACE", True)
    assert other is not None
    rec.session.relabel(other, "ACTOR")
    short = rec.session.add_span(1, *at("وزير"), "ACTOR", True)
    assert short is not None
    rec.session.resize(short, "end", True, True)  # a word more: the minister again
    stored = [s.key for s in store.spans(1, "amal")]
    assert len(stored) == len(set(stored)), stored


def test_marking_done_announces_the_status_and_a_review_to_compute_again(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    rec.session.set_status(1, Status.DONE)
    assert rec.changes == [Changes(1, "amal", status=Status.DONE, candidates=True)]
    rec.session.set_status(1, Status.DONE)  # already done: nothing
    rec.session.set_status(1, Status.IN_PROGRESS)
    assert rec.last().status is Status.IN_PROGRESS
    assert rec.history() == ["Mark done", "Mark not done"]
    rec.session.undo()
    assert rec.last() == Changes(1, "amal", status=Status.DONE, candidates=True)
    assert store.status(1, "amal") is Status.DONE


def test_accepting_announces_a_gold_span_with_its_reviewer_and_who_agreed(
    qapp: QApplication, finished: Store
) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    span = rec.session.accept(1, CLAIM)
    assert span is not None
    assert (span.annotator, span.reviewer, span.agreed) == (GOLD_ANNOTATOR, "lead", ("omar",))
    assert rec.changes == [
        Changes(1, GOLD_ANNOTATOR, spans=(span,), status=Status.IN_PROGRESS, candidates=True,
                current=span, spot=CLAIM[0], key=CLAIM)
    ]  # fmt: skip
    assert rec.history() == ["Label Claim"]


def test_a_label_key_in_review_puts_the_selection_into_gold(
    qapp: QApplication, finished: Store
) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    span = rec.session.add_span(1, MINISTER[0] + 1, MINISTER[1] - 1, "ACTOR", False)
    assert span is not None and span.annotator == GOLD_ANNOTATOR and span.key == MINISTER
    assert span.agreed == ("amal", "omar") and rec.last().candidates
    assert keys(finished, "amal") == [MINISTER, TANF], "annotators' layers untouched"


def test_rejecting_announces_the_gold_span_taken_out_and_the_review_changed(
    qapp: QApplication, finished: Store
) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    rec.session.reject(1, CLAIM)  # an open candidate: nothing leaves gold
    assert rec.last() == Changes(1, GOLD_ANNOTATOR, status=Status.TODO, candidates=True,
                                 spot=CLAIM[0], key=CLAIM)  # fmt: skip
    gold = rec.session.accept(1, MINISTER)
    assert gold is not None
    rec.session.reject(1, MINISTER)
    assert rec.last().removed == (gold.id,) and rec.last().candidates
    assert finished.rejections(1) == {CLAIM: "lead", MINISTER: "lead"}
    assert rec.history() == ["Reject Claim", "Label Actor", "Reject Actor"]
    rec.session.undo()  # the gold span comes back, the same one
    assert rec.last().spans == (only(finished, GOLD_ANNOTATOR, MINISTER),)
    current = rec.last().current
    assert current is not None and current.id == gold.id
    assert finished.rejections(1) == {CLAIM: "lead"}


def test_deleting_a_gold_span_in_review_rejects_it(qapp: QApplication, finished: Store) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    gold = rec.session.accept(1, TANF)
    assert gold is not None
    rec.session.delete(gold)
    assert finished.spans(1, GOLD_ANNOTATOR) == [] and finished.rejections(1) == {TANF: "lead"}
    assert rec.history() == ["Label Place", "Reject Place"]


def test_accept_agreed_is_one_step_named_by_its_count(qapp: QApplication, finished: Store) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    assert rec.session.accept_agreed(1) == 2
    assert keys(finished, GOLD_ANNOTATOR) == [MINISTER, TANF]
    (changes,) = rec.changes
    assert sorted(s.key for s in changes.spans) == [MINISTER, TANF] and changes.candidates
    assert changes.status is Status.IN_PROGRESS
    assert rec.history() == ["Accept 2 agreed spans"]
    assert rec.session.accept_agreed(1) == 0 and len(rec.changes) == 1
    rec.session.undo()  # one undo takes both back
    assert sorted(rec.last().removed) == sorted(s.id for s in changes.spans)
    assert finished.spans(1, GOLD_ANNOTATOR) == []
    assert finished.status(1, GOLD_ANNOTATOR) is Status.TODO
    finished.set_rejected(1, TANF, "lead")
    assert rec.session.accept_agreed(1) == 1
    assert rec.history() == ["Accept 1 agreed span"]


def test_annotators_may_not_change_another_layer(qapp: QApplication, finished: Store) -> None:
    from alama.core.errors import InputError

    rec = Recorder(finished, "amal")
    with pytest.raises(InputError, match="only your own layer"):
        rec.session.relabel(only(finished, "omar", CLAIM), "PLACE")
    assert keys(finished, "omar") == [MINISTER, CLAIM, TANF] and rec.history() == []


# --- undo and redo ------------------------------------------------------------------------


def test_undo_and_redo_announce_the_inverse_and_restore_the_same_span(
    qapp: QApplication, store: Store
) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    rec.session.undo()
    assert rec.last() == Changes(1, "amal", removed=(span.id,), status=Status.TODO,
                                 spot=MINISTER[0], key=MINISTER)  # fmt: skip
    assert store.spans(1, "amal") == [] and store.status(1, "amal") is Status.TODO
    rec.session.redo()
    again = only(store, "amal", MINISTER)
    assert again.id == span.id
    assert rec.last() == Changes(1, "amal", spans=(again,), status=Status.IN_PROGRESS,
                                 current=again, spot=MINISTER[0], key=MINISTER)  # fmt: skip
    assert store.status(1, "amal") is Status.IN_PROGRESS


def test_undo_of_a_relabel_announces_the_span_as_it_was(qapp: QApplication, store: Store) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    rec.session.relabel(span, "PLACE")
    rec.session.undo()
    assert rec.last().spans == (only(store, "amal", MINISTER),)
    current = rec.last().current
    assert current is not None and current.label == "ACTOR"
    assert rec.last().removed == ()


def test_undoing_every_step_of_a_review_returns_the_store_to_each_state(
    qapp: QApplication, finished: Store
) -> None:
    rec = Recorder(finished, "lead", reviewing=True)
    states = [snapshot(finished)]
    gold = rec.session.accept(1, CLAIM)
    states.append(snapshot(finished))
    assert gold is not None
    rec.session.relabel(gold, "PLACE")
    states.append(snapshot(finished))
    rec.session.reject(1, TANF)
    states.append(snapshot(finished))
    rec.session.accept_agreed(1)
    states.append(snapshot(finished))
    rec.session.reject(1, (*CLAIM[:2], "PLACE"))
    states.append(snapshot(finished))
    rec.session.set_status(1, Status.DONE)
    states.append(snapshot(finished))
    assert len(set(map(repr, states))) == len(states), "every step changed something"
    for state in reversed(states[:-1]):
        rec.session.undo()
        assert snapshot(finished) == state
    for state in states[1:]:
        rec.session.redo()
        assert snapshot(finished) == state


SELECTIONS = st.lists(
    st.tuples(
        st.integers(0, len(FIRST)),
        st.integers(0, len(FIRST)),
        st.sampled_from(["ACTOR", "PLACE", "CLAIM"]),
        st.booleans(),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(selections=SELECTIONS)
def test_any_labelling_undone_and_redone_gives_the_same_spans(
    qapp: QApplication, selections: list[tuple[int, int, str, bool]]
) -> None:
    """Labels made from any selection (Alt or not), undone to the start and redone to the end:
    the first article is "to do" with no span again, then has the very same spans."""
    with tempfile.TemporaryDirectory() as folder:
        store = new_project(Path(folder) / "p.alama")
        try:
            rec = Recorder(store, "amal")
            for start, end, label, exact in selections:
                span = rec.session.add_span(1, start, end, label, exact)
                if span is not None:
                    assert 0 <= span.start < span.end <= len(FIRST)
                    assert FIRST[span.start].strip() and FIRST[span.end - 1].strip()
            after = sorted((s.id, s.key) for s in store.spans(1, "amal"))
            while rec.session.undo_stack.canUndo():
                rec.session.undo()
            assert store.spans(1, "amal") == [] and store.status(1, "amal") is Status.TODO
            while rec.session.undo_stack.canRedo():
                rec.session.redo()
            assert sorted((s.id, s.key) for s in store.spans(1, "amal")) == after
            live: list[Span] = []
            for changes in rec.changes:
                live = changes.applied_to(live)
            assert sorted((s.id, s.key) for s in live) == after, "the changes add up"
        finally:
            store.close()


# --- one history across modes -----------------------------------------------------------


def test_an_annotators_edit_is_undone_while_reviewing(qapp: QApplication, store: Store) -> None:
    rec = Recorder(store, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    rec.session.set_reviewing(True)
    assert rec.modes == [True] and rec.session.layer == GOLD_ANNOTATOR
    assert rec.session.reviewer == "amal"
    rec.session.undo()
    assert rec.last().layer == "amal" and rec.last().removed == (span.id,)
    assert store.spans(1, "amal") == [] and store.spans(1, GOLD_ANNOTATOR) == []
    rec.session.redo()
    assert keys(store, "amal") == [MINISTER]
    assert rec.session.layer == GOLD_ANNOTATOR, "undo does not switch the mode"


def test_a_review_decision_is_undone_after_going_back_to_annotating(
    qapp: QApplication, finished: Store
) -> None:
    rec = Recorder(finished, "amal", reviewing=True)
    rec.session.accept(1, CLAIM)
    rec.session.set_reviewing(False)
    rec.session.set_reviewing(False)  # no switch: no news
    assert rec.modes == [False] and rec.session.layer == "amal"
    rec.session.undo()
    assert rec.last().layer == GOLD_ANNOTATOR and rec.last().candidates
    assert finished.spans(1, GOLD_ANNOTATOR) == []
    assert keys(finished, "amal") == [MINISTER, TANF]
    assert rec.history() == ["Label Claim"]
    rec.session.add_span(1, *BASE[:2], "PLACE", False)  # a new step in the annotator's layer
    assert rec.history() == ["Label Place"], "a new action after an undo drops the redo"
    assert keys(finished, "amal") == [MINISTER, BASE, TANF]


# --- another program holding the file ---------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "p.alama"
    new_project(path).close()
    return path


@pytest.fixture
def opened(project: Path) -> Iterator[Store]:
    store = Store.open(project)
    yield store
    store.close()


def test_an_action_on_a_busy_file_is_kept_and_announced_once_saved(
    qtbot: QtBot, project: Path, opened: Store
) -> None:
    rec = Recorder(opened, "amal")
    locker = Locker(project)
    try:
        span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
        assert span is None, "not saved yet"
        assert len(rec.session.pending) == 1 and rec.waiting == [1]
        assert rec.changes == [] and rec.history() == ["Label Actor"]
        assert rec.session.add_span(1, *TANF[:2], "PLACE", False) is None
        rec.session.undo()
        rec.session.set_status(1, Status.DONE)
        assert rec.refused == 3 and len(rec.session.pending) == 1
        assert rec.history() == ["Label Actor"], "refused actions leave no step"
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not rec.session.pending, timeout=5000)  # the timer tries again
    assert rec.waiting[-1] == 0
    (changes,) = rec.changes
    assert [s.key for s in changes.spans] == [MINISTER] and changes.current == changes.spans[0]
    assert keys(opened, "amal") == [MINISTER]
    rec.session.undo()  # accepted again now
    assert opened.spans(1, "amal") == []


def test_an_undo_on_a_busy_file_waits_too(qapp: QApplication, project: Path, opened: Store) -> None:
    rec = Recorder(opened, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    locker = Locker(project)
    try:
        rec.session.undo()
        assert len(rec.session.pending) == 1 and len(rec.changes) == 1
        rec.session.redo()
        assert rec.refused == 1
    finally:
        locker.release()
    assert rec.session.flush()
    assert rec.last().removed == (span.id,) and opened.spans(1, "amal") == []
    assert rec.session.undo_stack.canRedo() and rec.session.undo_stack.index() == 0


def test_kept_actions_are_saved_in_the_order_they_were_taken(
    qtbot: QtBot, project: Path, opened: Store
) -> None:
    """A window rebuilt while actions wait (another language): its session takes the kept
    ones over and saves them before its own."""
    first = Recorder(opened, "amal")
    locker = Locker(project)
    try:
        first.session.add_span(1, *MINISTER[:2], "ACTOR", False)
        second = Recorder(opened, "amal")
        second.session.add_span(1, *MINISTER[:2], "PLACE", False)
        second.session.take_over(first.session)
        assert len(second.session.pending) == 2 and first.session.pending == []
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not second.session.pending, timeout=5000)  # on its timer
    assert [(c.spans[0].label) for c in second.changes] == ["ACTOR", "PLACE"]
    labelled = sorted(opened.spans(1, "amal"), key=lambda s: s.created_at)
    assert [s.label for s in labelled] == ["ACTOR", "PLACE"]
    assert second.waiting[-1] == 0


def test_a_rebuilt_window_saves_what_the_old_one_kept_once_the_file_is_free(
    qtbot: QtBot, project: Path, opened: Store
) -> None:
    old = Recorder(opened, "amal")
    locker = Locker(project)
    try:
        old.session.add_span(1, *MINISTER[:2], "ACTOR", False)
        new = Recorder(opened, "amal")
        new.session.take_over(old.session)
        assert new.waiting == [1] and old.session.pending == []
    finally:
        locker.release()
    qtbot.waitUntil(lambda: not new.session.pending, timeout=5000)
    assert keys(opened, "amal") == [MINISTER]
    assert [c.spans[0].key for c in new.changes] == [MINISTER], "the new window repaints"
    assert new.waiting[-1] == 0


def test_a_kept_action_the_file_refuses_is_dropped_with_its_step_and_the_next_saved(
    qapp: QApplication, project: Path, opened: Store
) -> None:
    first = Recorder(opened, "amal")
    span = first.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    locker = Locker(project)
    try:
        first.session.relabel(span, "PLACE")  # kept
        second = Recorder(opened, "amal")
        second.session.add_span(1, *TANF[:2], "PLACE", False)
        second.session.take_over(first.session)
        locker.run(f"UPDATE spans SET deleted_at = 'now' WHERE id = '{span.id}'")
    finally:
        locker.release()
    assert second.session.flush()
    assert second.failed == ["that span was deleted"]
    assert keys(opened, "amal") == [TANF]
    assert first.history() == ["Label Actor"], "the relabel's step is gone"
    assert not first.session.undo_stack.canRedo()
    assert second.history() == ["Label Place"]
    assert [c.spans[0].key for c in second.changes] == [TANF]


def test_a_kept_undo_the_file_refuses_is_dropped_with_its_step_and_said(
    qapp: QApplication, project: Path, opened: Store
) -> None:
    rec = Recorder(opened, "amal")
    span = rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)
    assert span is not None
    rec.session.relabel(span, "PLACE")
    locker = Locker(project)
    try:
        rec.session.undo()  # kept: back to Actor
        locker.run(f"UPDATE spans SET deleted_at = 'now' WHERE id = '{span.id}'")
    finally:
        locker.release()
    assert rec.session.flush()
    assert rec.failed == ["that span was deleted"]
    assert len(rec.changes) == 2, "nothing announced for the dropped undo"
    assert rec.history() == ["Label Actor"], "no step left whose undo or redo would fail"
    assert not rec.session.undo_stack.canRedo()
    assert rec.session.pending == [] and rec.waiting[-1] == 0
    rec.session.undo()  # the step before it still works
    assert opened.spans(1, "amal") == [] and rec.failed == ["that span was deleted"]


def test_an_action_that_fails_at_once_is_dropped_with_its_step(
    qapp: QApplication, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = Recorder(store, "amal")
    rec.session.add_span(1, *MINISTER[:2], "ACTOR", False)

    def full(*args: object, **kwargs: object) -> None:
        raise ProjectError("the disk is full")

    monkeypatch.setattr(store, "change_span", full)
    rec.session.relabel(only(store, "amal", MINISTER), "PLACE")
    monkeypatch.undo()
    assert rec.failed == ["the disk is full"]
    assert len(rec.changes) == 1 and rec.history() == ["Label Actor"]
    assert keys(store, "amal") == [MINISTER] and rec.session.pending == []
    rec.session.undo()  # the step before it
    assert store.spans(1, "amal") == []
