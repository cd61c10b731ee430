"""`alama merge`: annotators' copies folded back into one project, by text and span id."""

from __future__ import annotations

import dataclasses
import itertools
import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core import merging
from alama.core.cli import cli
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.merging import merge, version
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.store import RejectionRow, StatusRow, Store, now
from tests.conftest import dump

TEXTS = ("قال الوزير إن القوات ستنسحب من قاعدة التنف قريباً", "خبر ثان عن مدينة حلب وأهلها")


def base(path: Path, labels: LabelSet | None = None) -> Path:
    with Store.create(path, labels) as store:
        for text in TEXTS:
            store.add_document(text)
    return path


def spans_of(path: Path) -> dict[str, Span]:
    with Store.read_only(path) as store:
        return {span.id: span for span in store.all_spans()}


def test_copies_fold_back_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    amal, omar = tmp_path / "amal.alama", tmp_path / "omar.alama"
    shutil.copy(lead, amal)
    shutil.copy(lead, omar)
    with Store.open(amal) as store:
        kept = store.add_span(1, "amal", 0, 3, "ACTOR")
        gone = store.add_span(1, "amal", 4, 10, "ACTOR")
        store.delete_span(gone.id)
        store.set_status(1, "amal", Status.DONE)
    with Store.open(omar) as store:
        store.add_span(1, "omar", 0, 3, "ACTOR")
        store.add_span(2, "omar", 18, 21, "PLACE")

    report = merge(lead, [amal, omar])
    assert report.spans_added == 4  # the tombstone travels too, so the span cannot come back
    assert (report.documents_added, report.statuses) == (0, 3)
    with Store.open(lead) as store:
        assert [s.key for s in store.spans(1, "amal")] == [kept.key]
        assert store.span(gone.id).deleted_at is not None
        assert store.status(1, "amal") is Status.DONE
        assert store.status(2, "omar") is Status.IN_PROGRESS
    before = dump(lead)
    again = merge(lead, [omar, amal])
    assert not again.changed
    assert "nothing new" in again.summary()
    assert dump(lead) == before


def test_projects_that_share_documents_by_content(tmp_path: Path) -> None:
    first = tmp_path / "first.alama"
    with Store.create(first) as store:
        store.add_document(TEXTS[1], doc_id="halab")
        store.add_span(1, "amal", 18, 21, "PLACE")
    second = tmp_path / "second.alama"
    with Store.create(second) as store:
        store.add_document("مقال لا يعرفه المشروع الأول", doc_id="other")
        store.add_document(TEXTS[1], doc_id="same-text-other-id")
        store.add_span(2, "omar", 18, 21, "PLACE")
    target = tmp_path / "new" / "all.alama"
    target.parent.mkdir()
    report = merge(target, [first, second])
    assert report.created and report.documents_added == 2
    with Store.open(target) as store:
        assert [d.doc_id for d in store.documents()] == ["halab", "other"]
        assert {s.annotator for s in store.spans(1)} == {"amal", "omar"}


def test_the_newer_version_wins_whichever_file_comes_first(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    with Store.open(lead) as store:
        span = store.add_span(1, "amal", 0, 3, "ACTOR")
    early, late = tmp_path / "early.alama", tmp_path / "late.alama"
    shutil.copy(lead, early)
    shutil.copy(lead, late)
    with Store.open(early) as store:
        store.change_span(span.id, label="PLACE")
    with Store.open(late) as store:
        store.delete_span(span.id)  # later than the relabelling: the tombstone wins
    for order in ([early, late], [late, early]):
        target = tmp_path / f"t{order[0].stem}.alama"
        merge(target, order)
        assert spans_of(target)[span.id].deleted_at is not None
    with Store.open(early) as store:
        store.change_span(span.id, label="CLAIM")  # now the live copy is the newer one
    merge(tmp_path / "again.alama", [late, early])
    assert spans_of(tmp_path / "again.alama")[span.id].label == "CLAIM"
    assert spans_of(tmp_path / "again.alama")[span.id].deleted_at is None


def test_labels_are_reconciled(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    extra = Label("EVENT", "حدث", "Event", "3", "#CC79A7")
    odd = base(tmp_path / "odd.alama", LabelSet([*list(LabelSet.default())[:2], extra]))
    with Store.open(odd) as store:
        store.add_span(1, "amal", 0, 3, "EVENT")
    report = merge(lead, [odd])
    assert report.labels_added == ["EVENT (key 4)"]  # 3 is CLAIM's here: the next free key
    with Store.open(lead) as store:
        assert store.labels().keys == ["ACTOR", "PLACE", "CLAIM", "EVENT"]
        assert store.labels()["EVENT"].shortcut == "4"
        assert store.spans(1, "amal")[0].label == "EVENT"


def test_labels_that_differ_only_in_case_are_refused(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    actor = Label("Actor", "فاعل", "Actor", "1", "#0072B2")
    odd = base(tmp_path / "odd.alama", LabelSet([actor]))
    before = dump(lead)
    with pytest.raises(InputError, match="'Actor' and this project's 'ACTOR' differ only"):
        merge(lead, [odd])
    assert dump(lead) == before
    target = tmp_path / "new.alama"
    with pytest.raises(InputError):
        merge(target, [lead, odd])
    assert not target.exists()  # the target it created is gone again


def test_bad_sources_are_refused_and_nothing_changes(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    before = dump(lead)
    text = tmp_path / "notes.txt"
    text.write_text("not a project", encoding="utf-8")
    with pytest.raises(ProjectError, match="not a SQLite database"):
        merge(lead, [text])
    with pytest.raises(ProjectError, match="no such project"):
        merge(lead, [tmp_path / "missing.alama"])
    with pytest.raises(InputError, match="is the target itself"):
        merge(lead, [lead])
    assert dump(lead) == before


def test_strangers_sharing_span_ids_are_refused(tmp_path: Path) -> None:
    one, two = base(tmp_path / "one.alama"), base(tmp_path / "two.alama")
    with Store.open(one) as store:
        store.add_span(1, "amal", 0, 3, "ACTOR", span_id="same")
    with Store.open(two) as store:
        store.add_span(2, "omar", 0, 3, "ACTOR", span_id="same")
    with pytest.raises(ProjectError, match="were not copies of one project"):
        merge(one, [two])


def test_gold_and_review_decisions_travel_when_the_lead_says_so(tmp_path: Path) -> None:
    lead = base(tmp_path / "lead.alama")
    reviewer = tmp_path / "reviewer.alama"
    shutil.copy(lead, reviewer)
    with Store.open(reviewer) as store:
        store.add_gold(1, 0, 3, "ACTOR", "sara", ["amal", "omar"])
        store.set_rejected(1, (4, 10, "PLACE"), "sara")
        store.set_status(1, GOLD_ANNOTATOR, Status.DONE)
    before = dump(lead)
    with pytest.raises(InputError, match=r"changes the gold layer.*--layers @gold"):
        merge(lead, [reviewer])  # gold comes from review: not from any returned copy
    assert dump(lead) == before
    merge(lead, [reviewer], layers=[GOLD_ANNOTATOR])
    with Store.open(lead) as store:
        (gold,) = store.spans(1, GOLD_ANNOTATOR)
        assert (gold.reviewer, gold.agreed) == ("sara", ("amal", "omar"))
        assert store.rejections(1) == {(4, 10, "PLACE"): "sara"}
        assert store.status(1, GOLD_ANNOTATOR) is Status.DONE


# --- a returned copy is not trusted blindly ------------------------------------------------

FUTURE = "9999-01-01T00:00:00.000+00:00"


def handed_out(tmp_path: Path) -> Path:
    """The lead's project: amal's and bilal's layers, and gold from review."""
    lead = base(tmp_path / "lead.alama")
    with Store.open(lead) as store:
        for doc in (1, 2):
            store.add_span(doc, "amal", 0, 3, "ACTOR")
            store.add_span(doc, "bilal", 0, 3, "ACTOR")
            store.add_span(doc, "bilal", 4, 10, "PLACE")
            store.add_gold(doc, 0, 3, "ACTOR", "lead", ["amal", "bilal"])
            store.set_status(doc, "bilal", Status.DONE)
    return lead


def later() -> str:
    """A time after everything made so far (a copy's edits are newer than the lead's)."""
    time.sleep(0.002)
    return now()


def tampered(lead: Path, path: Path, stamp: str, sql: str = "") -> Path:
    """A copy whose bilal layer is relabelled and half of gold deleted behind Alama's back, and
    a gold span forged with the lead as reviewer."""
    shutil.copy(lead, path)
    with Store.open(path) as store:
        store.conn.executescript(
            f"UPDATE spans SET label = 'CLAIM', updated_at = '{stamp}' WHERE annotator = 'bilal';"
            f"UPDATE spans SET deleted_at = '{stamp}', updated_at = '{stamp}' "
            "WHERE annotator = '@gold' AND doc = 1;"
            "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, "
            f"created_at, updated_at, reviewer) VALUES ('forged', 2, '@gold', 4, 10, 'CLAIM', "
            f"'review', '{stamp}', '{stamp}', 'lead');{sql}"
        )
    return path


def test_a_copy_that_rewrites_other_layers_is_refused_and_the_genuine_one_still_merges(
    tmp_path: Path,
) -> None:
    lead = handed_out(tmp_path)
    genuine = tmp_path / "bilal.alama"
    shutil.copy(lead, genuine)
    with Store.open(genuine) as store:
        relabelled = store.change_span(store.spans(1, "bilal")[1].id, label="CLAIM")
        added = store.add_span(2, "bilal", 18, 21, "PLACE")
    before = dump(lead)
    future = tampered(lead, tmp_path / "future.alama", FUTURE)
    with pytest.raises(InputError, match="in the future") as refused:
        merge(lead, [future])
    assert "\n" not in str(refused.value)
    with pytest.raises(InputError, match="in the future"):
        merge(lead, [future], all_layers=True)  # whatever the lead says
    forged = tampered(lead, tmp_path / "forged.alama", later())
    with pytest.raises(InputError, match=r"changes the layers @gold, bilal.*--layers") as refused:
        merge(lead, [forged])
    assert "\n" not in str(refused.value)
    assert dump(lead) == before

    report = merge(lead, [genuine])
    assert (report.spans_added, report.spans_updated) == (1, 1)
    merged = spans_of(lead)
    assert merged[relabelled.id].label == "CLAIM"
    assert merged[added.id].key == (18, 21, "PLACE")
    assert "forged" not in merged
    assert all(s.deleted_at is None for s in merged.values() if s.annotator == GOLD_ANNOTATOR)


def test_the_lead_takes_only_the_layers_named(tmp_path: Path) -> None:
    lead = handed_out(tmp_path)
    forged = tampered(lead, tmp_path / "forged.alama", later())
    report = merge(lead, [forged], layers=["bilal"])
    assert report.spans_updated == 4
    assert report.left_out == {GOLD_ANNOTATOR: 2}  # a gold deletion and the forged span
    assert "left out 2 changes of layers not named by --layers: @gold (2)" in report.summary()
    merged = spans_of(lead)
    assert {s.label for s in merged.values() if s.annotator == "bilal"} == {"CLAIM"}
    assert "forged" not in merged
    with pytest.raises(InputError, match="cannot be an annotator name"):
        merge(lead, [forged], layers=["\uff20gold"])
    fresh = tmp_path / "bilal-only.alama"
    result = CliRunner().invoke(cli, ["merge", str(fresh), str(forged), "--layers", "bilal"])
    assert result.exit_code == 0, result.output
    assert {s.annotator for s in spans_of(fresh).values()} == {"bilal"}
    assert "--all-layers" in CliRunner().invoke(cli, ["merge", "--help"]).output


def test_a_span_outside_its_text_is_refused_and_exports_still_work(tmp_path: Path) -> None:
    lead = handed_out(tmp_path)
    copy = tmp_path / "amal.alama"
    shutil.copy(lead, copy)
    with Store.open(copy) as store:
        span = store.add_span(1, "amal", 5, 9, "PLACE")
        store.conn.execute("UPDATE spans SET end_char = 1000000 WHERE id = ?", (span.id,))
        store.conn.commit()
    before = dump(lead)
    for target in (lead, tmp_path / "new.alama"):
        try:
            fresh = target != lead  # a new project from the lead's file: --all-layers
            summary = merge(target, [lead, copy] if fresh else [copy], all_layers=fresh).summary()
        except InputError as refused:  # refused in one line, nothing written
            assert "(5–1000000) lies outside its document's text" in str(refused)
            assert "\n" not in str(refused)
            assert not target.exists() or dump(target) == before
        else:  # or left out, and said so (a span no copy of Alama makes is not read)
            assert span.id not in spans_of(target)
            assert "left out 1 span of amal.alama outside its document's text" in summary
    assert dump(lead) == before
    from alama.core.exporting import FORMATS, export

    with Store.open(lead) as store:
        for fmt in FORMATS:
            export(store, tmp_path / f"out-{fmt}", fmt=fmt, annotator="amal")


@pytest.mark.parametrize("name", ["\uff20gold", "\u200f@gold", "amal\u200b"])
def test_a_layer_named_like_gold_or_like_an_annotator_is_refused(tmp_path: Path, name: str) -> None:
    lead = handed_out(tmp_path)
    copy = tmp_path / "copy.alama"
    shutil.copy(lead, copy)
    with Store.open(copy) as store:
        store.conn.execute("INSERT INTO annotators (name, created_at) VALUES (?, '')", (name,))
        store.conn.execute(
            "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, "
            "created_at, updated_at) VALUES ('x', 1, ?, 0, 3, 'ACTOR', 'manual', ?, ?)",
            (name, "2026-01-01", "2026-01-01"),
        )
        store.conn.commit()
    before = dump(lead)
    for options in ({}, {"all_layers": True}):
        with pytest.raises(InputError, match="cannot be an annotator name") as refused:
            merge(lead, [copy], **options)  # type: ignore[arg-type]
        assert "\n" not in str(refused.value)
    assert dump(lead) == before


# --- a new target appears whole or not at all ----------------------------------------------

KILL_WHILE_MERGING = """
import os, signal, sys
from alama.core import merging
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
merging._fold = killed
merging.merge(sys.argv[1], sys.argv[2:], all_layers=True)
"""


def test_a_killed_merge_leaves_no_target_and_the_next_run_clears_its_leftovers(
    tmp_path: Path,
) -> None:
    lead = handed_out(tmp_path)
    target = tmp_path / "new.alama"
    killed = subprocess.run(
        [sys.executable, "-c", KILL_WHILE_MERGING, str(target), str(lead)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert not target.exists()  # not an empty project that "has 0 documents"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".new.alama")]
    assert leftovers  # hidden, and only until the next run
    report = merge(target, [lead], all_layers=True)
    assert report.created
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".new.alama")]
    assert spans_of(target) == spans_of(lead)


def test_a_target_that_appears_while_merging_is_not_overwritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lead = handed_out(tmp_path)
    target = tmp_path / "new.alama"
    fold = merging._fold

    def meanwhile(*args: object) -> None:
        target.write_text("someone else's", encoding="utf-8")
        fold(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(merging, "_fold", meanwhile)
    with pytest.raises(InputError, match="appeared while writing"):
        merge(target, [lead], all_layers=True)
    assert target.read_text(encoding="utf-8") == "someone else's"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_older_project_file_is_read_without_being_changed(tmp_path: Path) -> None:
    """A source written before schema step 0002 is upgraded in memory, never on disk."""
    old = base(tmp_path / "old.alama")
    with Store.open(old) as store:
        store.add_span(1, "amal", 0, 3, "ACTOR")
        store.conn.executescript(
            "DROP TABLE rejections; ALTER TABLE spans DROP COLUMN reviewer; "
            "ALTER TABLE spans DROP COLUMN agreed; "
            "DELETE FROM _sqlite_migrations WHERE name = '0002_review';"
        )
    before = dump(old)
    merge(tmp_path / "new.alama", [old])
    assert dump(old) == before
    assert [s.key for s in spans_of(tmp_path / "new.alama").values()] == [(0, 3, "ACTOR")]


# --- random edit histories on two copies ---------------------------------------------------

ANNOTATORS = ("amal", "omar", "@gold")
Op = tuple[str, int, int, int, str]
ops = st.lists(
    st.tuples(
        st.sampled_from(["add", "add", "delete", "change", "restore", "status"]),
        st.integers(0, 1),  # which copy
        st.integers(0, 40),  # a document, a span, an offset: taken modulo what exists
        st.integers(0, 2),  # an annotator
        st.sampled_from(["ACTOR", "PLACE", "CLAIM"]),
    ),
    max_size=30,
)


def apply(store: Store, op: Op) -> None:
    kind, _, n, who, label = op
    annotator = ANNOTATORS[who]
    spans = sorted(store.all_spans(), key=lambda s: s.id)
    reviewer = "sara" if annotator == GOLD_ANNOTATOR else None
    if kind == "add":
        start = n % 20
        if annotator == GOLD_ANNOTATOR:
            store.add_gold(1 + n % 2, start, start + 3, label, "sara", ["amal"])
        else:
            store.add_span(1 + n % 2, annotator, start, start + 3, label)
    elif kind == "status":
        store.set_status(1 + n % 2, annotator, [Status.DONE, Status.IN_PROGRESS][who % 2])
    elif spans:
        span = spans[n % len(spans)]
        reviewer = "sara" if span.annotator == GOLD_ANNOTATOR else None
        if kind == "delete" and span.deleted_at is None:
            store.delete_span(span.id, reviewer)
        elif kind == "restore" and span.deleted_at is not None:
            store.restore_span(span.id, reviewer)
        elif kind == "change" and span.deleted_at is None:
            store.change_span(span.id, label=label, reviewer=reviewer)


@settings(max_examples=40)
@given(history=ops)
def test_merge_is_idempotent_lossless_and_newest_wins(tmp_path_factory, history) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("merge")
    clock = (f"2026-11-21T{n:012d}" for n in itertools.count())
    with ExitStack() as stack:
        for module in ("base", "spans", "project"):
            stack.enter_context(
                mock.patch(f"alama.core.store.{module}.now", side_effect=lambda: next(clock))
            )
        lead = base(folder / "lead.alama")
        with Store.open(lead) as store:
            store.add_span(1, "amal", 0, 3, "ACTOR")
            store.add_span(2, "omar", 5, 9, "PLACE")
        copies = [folder / "a.alama", folder / "b.alama"]
        for copy in copies:
            shutil.copy(lead, copy)
        opened = [stack.enter_context(Store.open(copy)) for copy in copies]
        for op in history:
            apply(opened[op[1]], op)
    a, b = spans_of(copies[0]), spans_of(copies[1])

    # Each copy here changes every layer: a lead merging copies of their own says so.
    forward, backward = folder / "ab.alama", folder / "ba.alama"
    merge(forward, copies, all_layers=True)
    merge(backward, copies[::-1], all_layers=True)
    merged = spans_of(forward)
    assert merged == spans_of(backward)  # the order of the files does not matter
    assert set(merged) == set(a) | set(b)  # nothing is lost
    for span_id, span in merged.items():
        versions = [v for v in (a.get(span_id), b.get(span_id)) if v is not None]
        assert span == max(versions, key=version)  # the newest version, tombstones included
        for other in versions:
            if other.deleted_at and not span.deleted_at:
                assert span.updated_at > other.updated_at  # restored after it was deleted

    before = dump(forward)
    assert not merge(forward, copies, all_layers=True).changed
    assert dump(forward) == before
    merge(copies[0], [forward], all_layers=True)  # folding the result back updates the copy
    assert spans_of(copies[0]) == merged


def test_a_merge_that_loses_the_race_to_make_its_target_folds_into_the_winners_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two merges making one target: the second finds the first's project and merges into it
    instead of stopping (reliability finding B3)."""
    lead = handed_out(tmp_path)
    target = tmp_path / "new.alama"
    fold = merging._fold
    made: list[Path] = []

    def meanwhile(*args: object) -> None:
        if not made:  # the other merge finishes first, from the same files
            made.append(target)
            monkeypatch.setattr(merging, "_fold", fold)
            merge(target, [lead], all_layers=True)
        fold(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(merging, "_fold", meanwhile)
    report = merge(target, [lead], all_layers=True)
    assert not report.created  # the winner made it; this run folded into it
    assert spans_of(target) == spans_of(lead)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- the report names each file's layer; a new target trusts no file blindly ---------------


def test_the_report_names_the_layer_taken_from_each_file(tmp_path: Path) -> None:
    """amal's copy that deleted every one of bilal's spans still merges (which annotator a copy
    was handed to is not recorded), but the lead reads whose layer came from which file."""
    lead = handed_out(tmp_path)
    amal, rogue = tmp_path / "amal.alama", tmp_path / "S.alama"
    shutil.copy(lead, amal)
    shutil.copy(lead, rogue)
    with Store.open(amal) as store:
        store.add_span(1, "amal", 4, 10, "PLACE")
    with Store.open(rogue) as store:
        for span in store.spans(1, "bilal") + store.spans(2, "bilal"):
            store.delete_span(span.id)
    report = merge(lead, [amal, rogue])
    assert report.taken == [("amal.alama", ["amal"]), ("S.alama", ["bilal"])]
    lines = report.summary().splitlines()
    assert "took amal's layer from amal.alama" in lines
    assert "took bilal's layer from S.alama" in lines
    reviewer = tmp_path / "sara.alama"
    shutil.copy(lead, reviewer)
    with Store.open(reviewer) as store:
        store.add_gold(2, 4, 10, "PLACE", "sara")
    summary = merge(lead, [reviewer], layers=[GOLD_ANNOTATOR]).summary()
    assert "took the gold layer from sara.alama" in summary.splitlines()
    assert "took" not in merge(lead, [amal]).summary()  # nothing new: nothing taken


def fresh_copies(tmp_path: Path) -> tuple[Path, Path]:
    """amal's and bilal's copies of a fresh project (documents, no layers), each labelled."""
    fresh = base(tmp_path / "fresh.alama")
    amal, bilal = tmp_path / "amal.alama", tmp_path / "bilal.alama"
    for copy, name in ((amal, "amal"), (bilal, "bilal")):
        shutil.copy(fresh, copy)
        with Store.open(copy) as store:
            store.add_span(1, name, 0, 3, "ACTOR")
            store.set_status(1, name, Status.DONE)
    return amal, bilal


def test_a_new_target_holds_its_first_file_to_the_one_layer_rule(tmp_path: Path) -> None:
    amal, bilal = fresh_copies(tmp_path)
    made = CliRunner().invoke(
        cli, ["merge", str(tmp_path / "all.alama"), str(amal), str(bilal)]
    )  # the README's example
    assert made.exit_code == 0, made.output
    assert {s.annotator for s in spans_of(tmp_path / "all.alama").values()} == {"amal", "bilal"}
    assert "took amal's layer from amal.alama" in made.output

    forged = tmp_path / "forged.alama"
    shutil.copy(amal, forged)
    with Store.open(forged) as store:
        store.add_gold(1, 0, 3, "ACTOR", "lead", ["amal", "bilal"])
    target = tmp_path / "all2.alama"
    refused = CliRunner().invoke(cli, ["merge", str(target), str(forged), str(bilal)])
    assert refused.exit_code != 0
    assert "cannot merge forged.alama into a new project: it holds the layers @gold, amal" in (
        refused.output
    )
    assert len(refused.output.strip().splitlines()) == 1
    assert not target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".all2")]

    (tmp_path / "round2").mkdir()
    lead = handed_out(tmp_path / "round2")
    second = lead.with_name("amal2.alama")  # a copy of a project that already had layers
    shutil.copy(lead, second)
    with pytest.raises(InputError, match="into the project they were handed out from"):
        merge(tmp_path / "all3.alama", [second])
    assert merge(lead, [second]).taken == []  # into its own project: nothing of its is new
    taken = merge(tmp_path / "all3.alama", [second], all_layers=True)  # the lead says so
    assert taken.created and taken.taken == [("amal2.alama", [GOLD_ANNOTATOR, "amal", "bilal"])]


@settings(max_examples=12, deadline=None)
@given(
    offset=st.one_of(
        st.floats(min_value=-5, max_value=50, allow_nan=False).filter(lambda x: x != int(x)),
        st.text(alphabet="0123456789.", max_size=3).map(lambda digits: digits + "x"),
    ),
    end=st.booleans(),
)
def test_offsets_that_are_not_whole_numbers_never_reach_the_target(
    tmp_path_factory, offset, end
) -> None:  # type: ignore[no-untyped-def]
    """A copy whose span or review decision has an offset like 1.5 or '3' (changed by hand):
    such a span is left out and said so, such a decision refused; every export still works."""
    folder = tmp_path_factory.mktemp("offsets")
    lead = handed_out(folder)
    copy = folder / "amal.alama"
    shutil.copy(lead, copy)
    column = "end_char" if end else "start_char"
    with Store.open(copy) as store:
        span = store.add_span(1, "amal", 5, 9, "PLACE")
        store.conn.execute("PRAGMA ignore_check_constraints = ON")  # as by hand
        store.conn.execute(f"UPDATE spans SET {column} = ? WHERE id = ?", (offset, span.id))
        store.conn.commit()
    report = merge(lead, [copy])
    assert "left out 1 span of amal.alama outside its document's text" in report.summary()
    assert span.id not in spans_of(lead)
    with Store.open(copy) as store:
        store.set_rejected(1, (0, 3, "ACTOR"), "sara")
        store.conn.execute("PRAGMA ignore_check_constraints = ON")
        store.conn.execute(f"UPDATE rejections SET {column} = ?", (offset,))
        store.conn.commit()
    before = dump(lead)
    with pytest.raises(InputError, match="not whole numbers") as refused:
        merge(lead, [copy], all_layers=True)
    assert "\n" not in str(refused.value)
    assert dump(lead) == before
    from alama.core.exporting import FORMATS, export

    for source in (lead, copy):
        with Store.read_only(source) as store:
            for fmt in FORMATS:
                export(store, folder / f"{source.stem}-{fmt}", fmt=fmt)


# --- the same merged project as before streaming (issue 18) --------------------------------------

GOLDEN = Path(__file__).parents[1] / "data" / "merge_golden.json"
"""What `merged_rounds` makes, as the code that compared whole tables made it (before merge went
a document at a time): the merged projects' content and the reports."""
WORDS = ("قال", "الوزيرُ", "إنّ", "القوات", "مـــن", "حلب", "«الاتفاق»", "BBC", "١٢٪", "📰")


def _at(minute: int) -> str:
    return f"2025-03-01T10:{minute // 60:02d}:{minute % 60:02d}.000+00:00"


def _row(key: str, doc: int, who: str, start: int, end: int, label: str, minute: int,
         deleted: bool = False, reviewer: str | None = None) -> Span:  # fmt: skip
    return Span(key, doc, who, start, end, label, "manual", _at(0), _at(minute),
                _at(minute) if deleted else None, reviewer)  # fmt: skip


def content(path: Path) -> dict[str, list[list[object]]]:
    """A project's content, documents named by doc_id (ids and creation times aside)."""
    conn = sqlite3.connect(path)
    try:
        name = dict(conn.execute("SELECT id, doc_id FROM documents").fetchall())
        queries = {
            "documents": "SELECT doc_id, hash, title, text, source, meta, position FROM documents "
            "ORDER BY position",
            "spans": "SELECT * FROM spans ORDER BY id",
            "status": "SELECT * FROM status",
            "rejections": "SELECT * FROM rejections",
            "tokens": "SELECT doc, tokenizer, hex(bounds) FROM tokens",
            "labels": "SELECT * FROM labels ORDER BY position",
            "annotators": "SELECT name FROM annotators ORDER BY name",
        }
        found = {}
        for table, sql in queries.items():
            rows = [list(row) for row in conn.execute(sql)]
            if table in ("spans",):
                rows = [[row[0], name[row[1]], *row[2:]] for row in rows]
            elif table in ("status", "rejections", "tokens"):
                rows = sorted([[name[row[0]], *row[1:]] for row in rows], key=repr)
            found[table] = rows
        return found
    finally:
        conn.close()


def merged_rounds(tmp_path: Path) -> dict[str, object]:
    """Three annotators' copies, a stranger project holding some of the same texts in another
    order and new ones, and a reviewer's copy, folded into the lead's project (twice: the
    second run changes nothing); and two fresh copies folded into a new project."""
    rng = random.Random(18)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 20))) for _ in range(14)]
    lead = tmp_path / "lead.alama"
    with Store.create(lead) as store:
        for n, text in enumerate(texts[:10]):
            store.add_document(text, doc_id=f"d{n}", title=f"عنوان {n}")
        store.put_spans([_row(f"lead-{n}", 1 + n % 10, ("amal", "bilal")[n % 2], 0, 3, "ACTOR", n)
                         for n in range(12)])  # fmt: skip
        store.put_status_rows([StatusRow(1 + n, "amal", "in_progress", _at(5)) for n in range(5)])
    copies = {}
    for number, who in enumerate(("amal", "bilal", "chadi")):
        copies[who] = tmp_path / f"{who}.alama"
        shutil.copy(lead, copies[who])
        with Store.open(copies[who]) as store:
            rows = []
            for n in range(25):
                doc = 1 + rng.randrange(10)
                start = rng.randrange(0, 8)
                label = rng.choice(("ACTOR", "PLACE", "CLAIM"))
                rows.append(_row(f"{who}-{n:02}", doc, who, start, start + rng.randint(1, 4),
                                 label, 30 + n, deleted=rng.random() < 0.2))  # fmt: skip
            for n in range(number, 12, 2):  # their own spans of the lead's: newer, or older
                if ("amal", "bilal")[n % 2] == who:
                    minute = n + (40 if n % 4 < 2 else -1)
                    doc = 1 + n % 10
                    rows.append(_row(f"lead-{n}", doc, who, 0, 2, "PLACE", max(minute, 0),
                                     deleted=n % 3 == 0))  # fmt: skip
            store.put_spans(rows)
            store.put_status_rows(
                [
                    StatusRow(1 + n, who, rng.choice(("done", "in_progress")), _at(50 + n))
                    for n in range(0, 10, 1 + number)
                ]
                + ([StatusRow(1, who, "done", _at(1))] if who == "amal" else [])
            )
    stranger = tmp_path / "stranger.alama"
    with Store.create(stranger) as store:
        for n in (12, 3, 13, 7):
            store.add_document(texts[n], doc_id=f"s{n}", title=f"غريب {n}", meta={"n": n})
        store.put_spans([_row(f"dina-{n}", 1 + n % 4, "dina", n % 3, 4, "CLAIM", 60 + n)
                         for n in range(8)])  # fmt: skip
        store.put_status_rows([StatusRow(2, "dina", "done", _at(70))])
    reviewer = tmp_path / "reviewer.alama"
    shutil.copy(lead, reviewer)
    with Store.open(reviewer) as store:
        gold = [_row(f"gold-{n}", 1 + n, GOLD_ANNOTATOR, 0, 3, "ACTOR", 80, reviewer="rania")
                for n in range(4)]  # fmt: skip
        store.put_spans([*gold, _row("amal-late", 2, "amal", 1, 2, "ACTOR", 81)])
        store.put_rejection_rows([RejectionRow(1 + n, 0, 2, "PLACE", n % 2, "rania", _at(82))
                                  for n in range(3)])  # fmt: skip
    reports = {
        "copies": merge(lead, [copies["amal"], copies["bilal"], copies["chadi"]]),
        "stranger": merge(lead, [stranger]),
        "reviewer": merge(lead, [reviewer], layers=[GOLD_ANNOTATOR]),
        "again": merge(
            lead, [reviewer, stranger, copies["chadi"], copies["amal"]], all_layers=True
        ),
    }
    fresh = tmp_path / "fresh.alama"
    with Store.create(fresh) as store:
        for n, text in enumerate(texts[4:9]):
            store.add_document(text, doc_id=f"f{n}")
    ones = []
    for who in ("amal", "bilal"):
        ones.append(tmp_path / f"fresh-{who}.alama")
        shutil.copy(fresh, ones[-1])
        with Store.open(ones[-1]) as store:
            store.put_spans([_row(f"f-{who}-{n}", 1 + n, who, 1, 5, "PLACE", 90) for n in range(5)])
    reports["new"] = merge(tmp_path / "new.alama", ones)
    shown = {}
    for name, report in reports.items():
        fields = dataclasses.asdict(report)
        fields["target"] = report.target.name
        fields["left_out"] = dict(report.left_out)
        fields["summary"] = report.summary()
        shown[name] = fields
    return {"reports": shown, "lead": content(lead), "new": content(tmp_path / "new.alama")}


def test_the_same_merged_project_as_the_whole_table_code(tmp_path: Path) -> None:
    """The merged projects and the reports are what the code comparing whole tables made."""
    found = json.loads(json.dumps(merged_rounds(tmp_path), ensure_ascii=False))
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for key in expected["reports"]:
        assert found["reports"][key] == expected["reports"][key], key
    assert found == expected


def test_the_same_merged_project_when_sources_are_read_through_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A source that cannot be attached (inside an outer transaction, past SQLite's limit of
    attached files, an older schema read from memory) is read through Python: the same result."""
    monkeypatch.setattr("alama.core.store.merge_stage.MOST_ATTACHED", 0)
    found = json.loads(json.dumps(merged_rounds(tmp_path), ensure_ascii=False))
    assert found == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_merge_inside_a_transaction_reads_sources_through_python(tmp_path: Path) -> None:
    """Inside a transaction of the caller (collect, the window) no file stays attached: each
    source's folder is left as it was, and the merge is undone with the caller's."""
    lead = base(tmp_path / "lead.alama")
    amal = tmp_path / "amal.alama"
    shutil.copy(lead, amal)
    with Store.open(amal) as store:
        store.add_span(1, "amal", 0, 3, "ACTOR")
    before = sorted(p.name for p in tmp_path.iterdir())
    with Store.open(lead) as store:
        with pytest.raises(RuntimeError), store.transaction():
            assert merging.merge_into(store, [amal]).spans_added == 1
            files = [row[2] for row in store.conn.execute("PRAGMA database_list")]
            assert str(amal) not in files
            raise RuntimeError("the caller gives up")
        assert store.spans(1, "amal") == []
    assert sorted(p.name for p in tmp_path.iterdir()) == before
