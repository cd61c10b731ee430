"""Edits as core objects: applied, taken back and applied again, without a window or Qt."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core.changes import Changes
from alama.core.editing import (
    AcceptSpan,
    AddSpan,
    Batch,
    ChangeSpan,
    DeleteSpan,
    Edit,
    RejectSpan,
    SetStatus,
    accept_agreed,
)
from alama.core.errors import InputError, ProjectBusy
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.store import Store

TEXT = "قال وزير الخارجية الروسي في موسكو إن المحادثات مع واشنطن ستستمر 😀 غداً."


def state(store: Store, doc: int) -> tuple[object, ...]:
    """What a user can see of a document: live spans per layer, statuses, rejections."""
    spans = sorted((s.annotator, s.id, s.key, s.agreed) for s in store.spans(doc))
    return (spans, store.layer_states(doc), store.rejections(doc))


@pytest.fixture
def doc(project: Store) -> int:
    return project.add_document(TEXT, doc_id="d1")[0]


def finished(store: Store, doc: int, annotator: str, keys: list[tuple[int, int, str]]) -> None:
    for key in keys:
        store.add_span(doc, annotator, *key)
    store.set_status(doc, annotator, Status.DONE)


def test_label_then_undo_then_redo_brings_the_same_span_back(project: Store, doc: int) -> None:
    before = state(project, doc)
    edit = AddSpan(doc, "amal", 4, 9, "ACTOR")
    changes = edit.apply(project)
    assert changes.doc == doc and changes.layer == "amal"
    assert [s.key for s in changes.spans] == [(4, 9, "ACTOR")]
    assert changes.current == changes.spans[0] and changes.spot == 4
    assert changes.status is Status.IN_PROGRESS
    span_id = changes.spans[0].id

    undo = edit.inverse()
    undone = undo.apply(project)
    assert undone.removed == (span_id,) and undone.current is None
    assert undone.status is Status.TODO  # the first span's "in progress" goes with it
    assert state(project, doc) == before

    redone = undo.inverse().apply(project)
    assert redone.spans[0].id == span_id
    assert project.status(doc, "amal") is Status.IN_PROGRESS


def test_undoing_a_later_span_keeps_the_document_in_progress(project: Store, doc: int) -> None:
    AddSpan(doc, "amal", 0, 3, "CLAIM").apply(project)
    second = AddSpan(doc, "amal", 4, 9, "ACTOR")
    second.apply(project)
    assert second.inverse().apply(project).status is Status.IN_PROGRESS


def test_change_and_delete_are_taken_back(project: Store, doc: int) -> None:
    span = AddSpan(doc, "amal", 4, 9, "ACTOR").apply(project).spans[0]
    before = state(project, doc)
    change = ChangeSpan(span, 4, 25, "PLACE")
    changed = change.apply(project).spans[0]
    assert (changed.id, changed.key) == (span.id, (4, 25, "PLACE"))
    assert change.inverse().apply(project).spans[0].key == span.key
    assert state(project, doc) == before

    delete = DeleteSpan(span)
    assert delete.apply(project).removed == (span.id,)
    assert project.spans(doc, "amal") == []
    assert delete.inverse().apply(project).current.id == span.id  # type: ignore[union-attr]
    assert state(project, doc) == before


def test_accepting_a_rejected_candidate_takes_the_rejection_back_and_undo_restores_it(
    project: Store, doc: int
) -> None:
    key = (4, 9, "ACTOR")
    finished(project, doc, "amal", [key])
    finished(project, doc, "bilal", [key])
    project.set_rejected(doc, key, "lead")
    before = state(project, doc)

    accept = AcceptSpan(doc, "karim", key)
    changes = accept.apply(project)
    gold = changes.spans[0]
    assert gold.annotator == GOLD_ANNOTATOR and gold.reviewer == "karim"
    assert gold.agreed == ("amal", "bilal")  # computed from the review when not given
    assert changes.candidates and key not in project.rejections(doc)

    accept.inverse().apply(project)
    assert project.rejections(doc) == {key: "lead"}  # by its own reviewer
    assert state(project, doc) == before


def test_rejecting_takes_the_gold_span_out_and_undo_puts_it_back(project: Store, doc: int) -> None:
    key = (4, 9, "ACTOR")
    finished(project, doc, "amal", [key])
    gold = AcceptSpan(doc, "karim", key).apply(project).spans[0]
    before = state(project, doc)
    reject = RejectSpan(doc, "karim", key)
    changes = reject.apply(project)
    assert changes.removed == (gold.id,) and changes.candidates
    assert project.spans(doc, GOLD_ANNOTATOR) == [] and key in project.rejections(doc)
    back = reject.inverse().apply(project)
    assert back.current is not None and back.current.id == gold.id
    assert state(project, doc) == before


def test_accept_agreed_is_one_step(project: Store, doc: int) -> None:
    agreed = [(4, 9, "ACTOR"), (28, 33, "PLACE")]
    finished(project, doc, "amal", [*agreed, (0, 3, "CLAIM")])
    finished(project, doc, "bilal", agreed)
    before = state(project, doc)
    batch = accept_agreed(project, doc, "karim")
    assert isinstance(batch, Batch) and batch.subject == 2 and batch.kind == "accept_agreed"
    changes = batch.apply(project)
    assert sorted(s.key for s in changes.spans) == agreed
    assert sorted(s.key for s in project.spans(doc, GOLD_ANNOTATOR)) == agreed
    assert batch.inverse().apply(project).removed  # every accepted span goes at once
    assert state(project, doc) == before
    batch.apply(project)
    assert accept_agreed(project, doc, "karim") is None  # nothing agreed is open any more


def test_set_status_undo_restores_the_status_it_had(project: Store, doc: int) -> None:
    AddSpan(doc, "amal", 4, 9, "ACTOR").apply(project)
    done = SetStatus(doc, "amal", Status.DONE)
    assert done.apply(project).status is Status.DONE
    assert done.inverse().apply(project).status is Status.IN_PROGRESS


def test_gold_needs_a_reviewer_and_layers_refuse_one(project: Store, doc: int) -> None:
    gold = AcceptSpan(doc, "karim", (4, 9, "ACTOR")).apply(project).spans[0]
    before = state(project, doc)
    with pytest.raises(InputError):
        DeleteSpan(gold).apply(project)  # no reviewer: the gold layer is refused
    own = AddSpan(doc, "amal", 0, 3, "CLAIM").apply(project).spans[0]
    after_add = state(project, doc)
    with pytest.raises(InputError):
        DeleteSpan(own, reviewer="karim").apply(project)
    assert state(project, doc) == after_add != before
    with pytest.raises(ValueError):
        AddSpan(doc, GOLD_ANNOTATOR, 0, 3, "CLAIM")


def test_an_edit_not_yet_applied_has_no_inverse(doc: int) -> None:
    with pytest.raises(RuntimeError):
        AddSpan(doc, "amal", 0, 3, "CLAIM").inverse()


def test_an_edit_that_meets_a_busy_file_is_left_as_it_was(
    project: Store, doc: int, tmp_path: Path
) -> None:
    """A busy file (another program holds the write lock): the edit fails, nothing is
    written, and the same edit applies later as if it had never been tried."""
    project.wait_for_lock(0.05)
    other = Store.open(project.path)
    edit = AddSpan(doc, "amal", 4, 9, "ACTOR")
    with other.transaction(), pytest.raises(ProjectBusy):
        edit.apply(project)
    other.close()
    assert not edit.applied and edit.span is None and project.spans(doc) == []
    assert edit.apply(project).spans[0].key == (4, 9, "ACTOR")


def test_changes_combine_and_update_a_list_of_spans(project: Store, doc: int) -> None:
    a = AddSpan(doc, "amal", 0, 3, "CLAIM").apply(project)
    b = AddSpan(doc, "amal", 4, 9, "ACTOR").apply(project)
    listed = a.applied_to([])
    assert [s.key for s in b.applied_to(listed)] == [(0, 3, "CLAIM"), (4, 9, "ACTOR")]
    gone = Changes(doc, "amal", removed=(a.spans[0].id,))
    assert [s.key for s in a.then(b).then(gone).spans] == [(4, 9, "ACTOR")]
    with pytest.raises(ValueError):
        a.then(Changes(doc, "bilal"))


# --- any sequence of edits, taken back step by step, leaves the project as it was ------------

ANNOTATORS = ("amal", "bilal")
LABELS = ("ACTOR", "PLACE", "CLAIM")


@st.composite
def actions(draw: st.DrawFn) -> list[tuple[str, ...]]:
    steps = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["add", "change", "delete", "status", "accept", "reject"]))
        start = draw(st.integers(0, len(TEXT) - 2))
        end = draw(st.integers(start + 1, min(len(TEXT), start + 12)))
        who = draw(st.sampled_from(ANNOTATORS))
        label = draw(st.sampled_from(LABELS))
        status = draw(st.sampled_from(list(Status)))
        steps.append((kind, who, str(start), str(end), label, status))
    return steps


def build(store: Store, doc: int, step: tuple[str, ...]) -> Edit | None:
    kind, who, start, end, label, status = step
    key = (int(start), int(end), label)
    if kind == "add":
        return AddSpan(doc, who, *key)
    if kind in ("change", "delete"):
        spans = store.spans(doc, who)
        if not spans:
            return None
        if kind == "delete":
            return DeleteSpan(spans[0])
        return ChangeSpan(spans[0], *key)
    if kind == "status":
        return SetStatus(doc, GOLD_ANNOTATOR if label == "CLAIM" else who, Status(status))
    if kind == "accept":
        if store.find_span(doc, GOLD_ANNOTATOR, key) is not None:
            return None
        return AcceptSpan(doc, "karim", key)
    return RejectSpan(doc, "karim", key)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions())
def test_any_sequence_undone_in_reverse_leaves_the_project_as_it_was(
    tmp_path_factory: pytest.TempPathFactory, steps: list[tuple[str, ...]]
) -> None:
    store = Store.create(tmp_path_factory.mktemp("edits") / "p.alama")
    try:
        doc = store.add_document(TEXT, doc_id="d1")[0]
        finished(store, doc, "bilal", [(4, 9, "ACTOR")])
        states = [state(store, doc)]
        done: list[Edit] = []
        for step in steps:
            edit = build(store, doc, step)
            if edit is None:
                continue
            edit.apply(store)
            done.append(edit)
            states.append(state(store, doc))
        for edit, expected in zip(reversed(done), reversed(states[:-1]), strict=True):
            edit.inverse().apply(store)
            assert state(store, doc) == expected
        for edit, expected in zip(done, states[1:], strict=True):  # and redo, step by step
            edit.apply(store)
            assert state(store, doc) == expected
    finally:
        store.close()


def test_edits_work_where_qt_is_not_installed(tmp_path: Path) -> None:
    """The rules of an edit need no Qt: the same cycle in a Python where PySide6 cannot be
    imported."""
    script = textwrap.dedent(
        f"""
        import sys
        class NoQt:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6"):
                    raise ImportError("Qt is not installed here")
        sys.meta_path.insert(0, NoQt())
        from alama.core.editing import AddSpan, SetStatus
        from alama.core.model import Status
        from alama.core.store import Store
        store = Store.create({str(tmp_path / "noqt.alama")!r})
        doc = store.add_document("قال الوزير")[0]
        edit = AddSpan(doc, "amal", 4, 10, "ACTOR")
        edit.apply(store)
        edit.inverse().apply(store)
        assert store.spans(doc) == [] and store.status(doc, "amal") is Status.TODO
        edit.apply(store)
        SetStatus(doc, "amal", Status.DONE).apply(store)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print("ok", [s.key for s in store.spans(doc)], store.status(doc, "amal"))
        """
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok [(4, 10, 'ACTOR')] done"


def test_a_batch_that_meets_a_busy_file_is_left_as_it_was(project: Store, doc: int) -> None:
    """The edits inside a batch forget what a rolled-back transaction did, too."""
    finished(project, doc, "amal", [(4, 9, "ACTOR"), (0, 3, "CLAIM")])
    finished(project, doc, "bilal", [(4, 9, "ACTOR"), (0, 3, "CLAIM")])
    batch = accept_agreed(project, doc, "karim")
    assert batch is not None
    project.wait_for_lock(0.05)
    other = Store.open(project.path)
    with other.transaction(), pytest.raises(ProjectBusy):
        batch.apply(project)
    other.close()
    assert all(isinstance(e, AcceptSpan) and e.span is None for e in batch.edits)
    assert len(batch.apply(project).spans) == 2
    assert sorted(s.key for s in project.spans(doc, GOLD_ANNOTATOR)) == [
        (0, 3, "CLAIM"),
        (4, 9, "ACTOR"),
    ]


def test_a_batch_failing_half_way_can_be_applied_again(project: Store, doc: int) -> None:
    """The second accept fails (a span outside the text): the first one's rollback is
    forgotten too, and the batch applies once the bad edit is gone."""
    good = AcceptSpan(doc, "karim", (4, 9, "ACTOR"), agreed=())
    bad = AcceptSpan(doc, "karim", (4, 10_000, "ACTOR"), agreed=())
    batch = Batch([good, bad])
    with pytest.raises(InputError):
        batch.apply(project)
    assert good.span is None and project.spans(doc, GOLD_ANNOTATOR) == []
    batch.edits.remove(bad)
    assert [s.key for s in batch.apply(project).spans] == [(4, 9, "ACTOR")]
