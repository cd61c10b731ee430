"""Review into gold: candidates, agreement, decisions, the bulk step, the gold export, roles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.review import Agreement, Decision, accept_agreed, document_review
from alama.core.store import Store
from tests.conftest import dump

TEXT = "قال وزير الدفاع إن القوات ستنسحب من قاعدة التنف قريباً"


@pytest.fixture
def reviewed(tmp_path: Path) -> Store:
    """Three annotators on one article: amal and omar finished it, sara has not."""
    store = Store.create(tmp_path / "p.alama")
    store.add_document(TEXT)
    store.add_document("خبر ثان عن مدينة حلب")
    layers = {
        "amal": [(4, 15, "ACTOR"), (37, 48, "PLACE"), (20, 27, "ACTOR")],
        "omar": [(4, 15, "ACTOR"), (42, 48, "PLACE"), (19, 54, "CLAIM")],
        "sara": [(4, 15, "ACTOR"), (0, 3, "CLAIM")],
    }
    for name, spans in layers.items():
        for start, end, label in spans:
            store.add_span(1, name, start, end, label)
    store.set_status(1, "amal", Status.DONE)
    store.set_status(1, "omar", Status.DONE)
    yield store
    store.close()


def test_candidates_count_only_the_annotators_who_finished(reviewed: Store) -> None:
    review = document_review(reviewed, 1)
    assert (review.finished, review.unfinished) == (("amal", "omar"), ("sara",))
    table = {(c.key, c.annotators, c.agreement, c.decision) for c in review.candidates}
    assert table == {
        ((4, 15, "ACTOR"), ("amal", "omar"), Agreement.ALL, Decision.OPEN),
        ((19, 54, "CLAIM"), ("omar",), Agreement.ONE, Decision.OPEN),
        ((20, 27, "ACTOR"), ("amal",), Agreement.ONE, Decision.OPEN),
        ((37, 48, "PLACE"), ("amal",), Agreement.ONE, Decision.OPEN),
        ((42, 48, "PLACE"), ("omar",), Agreement.ONE, Decision.OPEN),
    }  # sara's (0, 3) CLAIM is not a candidate: she has not finished
    assert [c.key for c in review.disputed()] == [
        (19, 54, "CLAIM"), (20, 27, "ACTOR"), (37, 48, "PLACE"), (42, 48, "PLACE"),
    ]  # fmt: skip


def test_next_open_follows_the_table_and_goes_round(reviewed: Store) -> None:
    reviewed.add_span(1, "amal", 37, 41, "ACTOR")  # starts with amal's PLACE, shorter
    review = document_review(reviewed, 1)
    order = [c.key for c in review.candidates]
    assert order[3:5] == [(37, 48, "PLACE"), (37, 41, "ACTOR")]  # the longer first

    def after(key: tuple[int, int, str] | None, step: int = 1, **how: bool) -> object:
        found = review.next_open(key, step, **how)
        return found.key if found else None

    assert after((37, 48, "PLACE")) == (37, 41, "ACTOR")  # not skipped for its smaller end
    assert after((37, 41, "ACTOR"), -1) == (37, 48, "PLACE")
    assert after((42, 48, "PLACE")) is None  # the last row
    assert after((42, 48, "PLACE"), wrap=True) == (4, 15, "ACTOR")  # round to the first
    assert after((42, 48, "PLACE"), disputed=True, wrap=True) == (19, 54, "CLAIM")
    assert after((19, 54, "CLAIM"), -1, disputed=True, wrap=True) == (42, 48, "PLACE")
    assert after(None) == (4, 15, "ACTOR") and after(None, -1) == (42, 48, "PLACE")
    assert after((0, 1, "CLAIM")) == (4, 15, "ACTOR")  # a key no longer in the table
    for key in order[1:]:
        reviewed.set_rejected(1, key, "lead")
    review = document_review(reviewed, 1)
    assert after((4, 15, "ACTOR"), wrap=True) is None  # the only open one is the key itself


def test_decisions_follow_the_gold_layer_and_rejections(reviewed: Store) -> None:
    reviewed.add_gold(1, 37, 48, "PLACE", "lead", ["amal"])
    reviewed.set_rejected(1, (20, 27, "ACTOR"), "lead")
    decided = {c.key: c.decision for c in document_review(reviewed, 1).candidates}
    assert decided[(37, 48, "PLACE")] is Decision.GOLD
    assert decided[(42, 48, "PLACE")] is Decision.COVERED  # settled by amal's form in gold
    assert decided[(20, 27, "ACTOR")] is Decision.REJECTED
    assert decided[(19, 54, "CLAIM")] is Decision.OPEN  # a PLACE inside it settles nothing


def test_accept_agreed_copies_identical_spans_once(reviewed: Store) -> None:
    report = accept_agreed(reviewed, "lead")
    assert (report.spans_added, report.documents, report.documents_changed) == (1, 1, 1)
    (gold,) = reviewed.spans(1, GOLD_ANNOTATOR)
    assert (gold.key, gold.reviewer, gold.agreed, gold.origin) == (
        (4, 15, "ACTOR"), "lead", ("amal", "omar"), "review",
    )  # fmt: skip
    before = dump(reviewed.path)
    assert accept_agreed(reviewed, "lead").spans_added == 0
    assert dump(reviewed.path) == before


def test_accept_agreed_needs_enough_finished_annotators(reviewed: Store) -> None:
    report = accept_agreed(reviewed, "lead", min_annotators=3)
    assert (report.spans_added, report.too_few) == (0, 1)
    assert "1 had fewer" in report.summary()
    with pytest.raises(InputError, match="1 or more"):
        accept_agreed(reviewed, "lead", min_annotators=0)


def test_accept_agreed_respects_the_reviewers_decisions(reviewed: Store) -> None:
    reviewed.set_rejected(1, (4, 15, "ACTOR"), "lead")
    assert accept_agreed(reviewed, "lead").spans_added == 0
    reviewed.set_rejected(1, (4, 15, "ACTOR"), "lead", rejected=False)
    gold = reviewed.add_gold(1, 4, 16, "ACTOR", "lead")  # settled in another form
    assert accept_agreed(reviewed, "lead").spans_added == 0
    reviewed.delete_span(gold.id, "lead")
    assert accept_agreed(reviewed, "lead").spans_added == 1


def test_only_review_writes_gold(reviewed: Store) -> None:
    with pytest.raises(InputError, match="cannot be an annotator name"):
        reviewed.add_span(1, GOLD_ANNOTATOR, 0, 3, "ACTOR")
    gold = reviewed.add_gold(1, 0, 3, "CLAIM", "lead")
    with pytest.raises(InputError, match="only in review mode"):
        reviewed.change_span(gold.id, label="ACTOR")
    with pytest.raises(InputError, match="only in review mode"):
        reviewed.delete_span(gold.id)
    amal = reviewed.spans(1, "amal")[0]
    with pytest.raises(InputError, match="not an annotator's layer"):
        reviewed.delete_span(amal.id, reviewer="lead")
    moved = reviewed.change_span(gold.id, end=15, label="ACTOR", reviewer="sam", agreed=["x"])
    assert (moved.key, moved.reviewer, moved.agreed) == ((0, 15, "ACTOR"), "sam", ("x",))


def test_review_and_gold_export_from_the_command_line(reviewed: Store, tmp_path: Path) -> None:
    runner = CliRunner()
    path = str(reviewed.path)
    result = runner.invoke(cli, ["export", path, "--gold"])
    assert result.exit_code == 1
    assert "no gold layer yet" in result.output
    result = runner.invoke(cli, ["review", path, "--accept-agreed", "--reviewer", "lead"])
    assert result.exit_code == 0, result.output
    assert "accepted 1 agreed span into gold in 1 document" in result.output
    out = tmp_path / "gold.jsonl"
    result = runner.invoke(cli, ["export", path, "--gold", "-o", str(out)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["_annotator_id"] == GOLD_ANNOTATOR
    assert record["answer"] == "ignore"  # not marked reviewed yet
    (span,) = record["spans"]
    assert (span["start"], span["end"], span["label"]) == (4, 15, "ACTOR")
    assert (span["reviewer"], span["agreed"]) == ("lead", ["amal", "omar"])
    reviewed.set_status(1, GOLD_ANNOTATOR, Status.DONE)
    conll = tmp_path / "gold.conll"
    result = runner.invoke(cli, ["export", path, "--gold", "--format", "conll", "-o", str(conll)])
    assert result.exit_code == 0, result.output
    lines = conll.read_text("utf-8").splitlines()
    assert lines[2:6] == ["قال O", "وزير B-ACTOR", "الدفاع I-ACTOR", "إن O"]
    result = runner.invoke(cli, ["review", path, "--accept-agreed", "--min-annotators", "0"])
    assert result.exit_code == 1 and "1 or more" in result.output


def test_a_full_export_reimports_with_its_gold_records_reported(
    reviewed: Store, tmp_path: Path
) -> None:
    accept_agreed(reviewed, "lead")
    runner = CliRunner()
    backup = tmp_path / "backup.jsonl"
    assert runner.invoke(cli, ["export", str(reviewed.path), "-o", str(backup)]).exit_code == 0
    assert '"_annotator_id": "@gold"' in backup.read_text("utf-8")
    fresh = tmp_path / "fresh.alama"
    runner.invoke(cli, ["init", str(fresh)])
    result = runner.invoke(cli, ["import", str(fresh), str(backup)])
    assert result.exit_code == 0, result.output
    assert "skipped 1: record of the gold layer" in result.output
    with Store.open(fresh) as store:
        assert set(store.annotators()) == {"amal", "omar", "sara"}


def test_merge_from_the_command_line(reviewed: Store, tmp_path: Path) -> None:
    copy = tmp_path / "copy.alama"
    reviewed.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # a copy of the open file
    shutil.copy(reviewed.path, copy)
    with Store.open(copy) as store:
        store.add_span(2, "amal", 0, 3, "CLAIM")
    runner = CliRunner()
    result = runner.invoke(cli, ["merge", str(reviewed.path), str(copy)])
    assert result.exit_code == 0, result.output
    assert "merged 1 file into p.alama: 0 new documents, 1 new span" in result.output
    result = runner.invoke(cli, ["merge", str(reviewed.path), str(copy)])
    assert "nothing new" in result.output
    result = runner.invoke(cli, ["merge", str(tmp_path / "made.alama"), str(copy)])
    assert "into a new project: it holds the layers" in result.output  # several layers, gold
    result = runner.invoke(cli, ["merge", str(tmp_path / "made.alama"), str(copy), "--all-layers"])
    assert "(created)" in result.output
    result = runner.invoke(cli, ["merge", str(reviewed.path), str(tmp_path / "none.alama")])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no such project" in result.output
