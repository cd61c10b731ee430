"""A lead's round: assign (with overlap), hand out copies, collect them, see the progress."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core import assignment, collect, handout
from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.review import accept_agreed
from alama.core.store import Store
from alama.core.team_progress import team_progress
from tests.conftest import dump

WORDS = ("قالَ", "الوزيرُ", "إنّ", "القوات", "ستنسحب", "من", "قاعدة", "التنف", "«قريباً»",
         "واشنطن", "موسكو", "2026", "NATO", "ـــ", "🙂", "\u00a0")  # fmt: skip
NAMES = ["amal", "bilal", "karim"]


def text_of(number: int, words: int) -> str:
    """An original article-like text, different for each number."""
    body = " ".join(WORDS[(number * 7 + i * 3) % len(WORDS)] for i in range(words))
    return f"خبر رقم {number}: {body}"


def build(path: Path, lengths: list[int]) -> Path:
    with Store.create(path) as store:
        for number, words in enumerate(lengths):
            store.add_document(text_of(number, words), doc_id=f"doc-{number:03d}")
    return path


def rows_by_hash(path: Path) -> list[tuple[str, str, int]]:
    """The live assignment, by document text hash (comparable between projects)."""
    with Store.read_only(path) as store:
        hashes = {doc: h for h, doc in store.document_hashes().items()}
        return sorted(
            (hashes[doc], name, int(overlap))
            for doc, who in store.assignments().items()
            for name, overlap in who.items()
        )


# --- assign ---------------------------------------------------------------------------------


def test_the_same_seed_gives_the_same_plan_on_another_copy_and_another_seed_another(
    tmp_path: Path,
) -> None:
    lengths = [5 + (n * 13) % 40 for n in range(40)]
    first, second, third = (build(tmp_path / f"{n}.alama", lengths) for n in "abc")
    for path, seed in ((first, 7), (second, 7), (third, 8)):
        with Store.open(path) as store:
            assignment.assign(store, NAMES, overlap=0.25, per_document=2, seed=seed)
    assert rows_by_hash(first) == rows_by_hash(second)
    overlap = {h for h, _, flag in rows_by_hash(first) if flag}
    other = {h for h, _, flag in rows_by_hash(third) if flag}
    assert len(overlap) == len(other) == 10
    assert overlap != other


@settings(max_examples=25)
@given(
    count=st.integers(1, 40),
    overlap=st.floats(0, 1),
    per_document=st.integers(2, 4),
    seed=st.integers(0, 2**31),
)
def test_overlap_is_the_share_asked_for_within_one_document(
    tmp_path_factory: pytest.TempPathFactory,
    count: int,
    overlap: float,
    per_document: int,
    seed: int,
) -> None:
    names = ["amal", "bilal", "karim", "dina"]
    path = build(tmp_path_factory.mktemp("p") / "p.alama", [3 + n % 9 for n in range(count)])
    with Store.open(path) as store:
        report = assignment.assign(store, names, overlap, per_document, seed)
        who = store.assignments()
    shared = [doc for doc, by in who.items() if any(by.values())]
    assert abs(len(shared) - overlap * count) <= 1
    assert report.overlap == len(shared)
    assert len(who) == count
    for doc, by in who.items():
        assert len(by) == (per_document if doc in shared else 1)


def test_documents_are_balanced_by_characters_not_by_count(tmp_path: Path) -> None:
    lengths = [400, 380, 360] + [10] * 30  # three long articles and many briefs
    path = build(tmp_path / "p.alama", lengths)
    with Store.open(path) as store:
        assignment.assign(store, NAMES)
        sizes = store.document_lengths()
        load = {name: sum(sizes[doc] for doc in store.assigned_documents(name)) for name in NAMES}
        counts = {name: len(store.assigned_documents(name)) for name in NAMES}
        (longest,) = store.assignments()[store.document_ids()[0]]
    assert max(load.values()) - min(load.values()) <= max(sizes.values()) // 4
    # Briefs make up for a long article: whoever has the longest has the fewest documents.
    assert counts[longest] == min(counts.values()) < max(counts.values()) - 2


def test_running_again_assigns_only_new_documents_and_never_moves_finished_work(
    tmp_path: Path,
) -> None:
    path = build(tmp_path / "p.alama", [10 + n for n in range(12)])
    with Store.open(path) as store:
        assignment.assign(store, ["amal", "bilal"], overlap=0.5)
        before = store.assignment_rows()
        done = store.assigned_documents("amal")[:2]
        for doc in done:
            store.set_status(doc, "amal", Status.DONE)
        for number in range(12, 20):
            store.add_document(text_of(number, 12), doc_id=f"doc-{number:03d}")
        report = assignment.assign(store, ["amal", "bilal", "karim"], overlap=0.5)
        after = {(row.doc, row.annotator): row for row in store.assignment_rows()}
        again = assignment.assign(store, ["amal", "bilal", "karim"], overlap=0.5)
    assert all(after[(row.doc, row.annotator)] == row for row in before)
    assert report.documents == 8 and report.already == 10  # two were finished: not "todo"
    assert report.assigned["karim"] >= max(report.assigned.get(n, 0) for n in ("amal", "bilal"))
    assert again.documents == 0 and "nothing to assign" in again.summary()
    shared = sum(row.overlap for row in after.values() if row.removed_at is None)
    assert abs(shared / 2 - 10) <= 1  # half of 20 documents, each with two annotators


def test_someone_who_left_keeps_what_they_finished_and_the_rest_goes_to_others(
    tmp_path: Path,
) -> None:
    path = build(tmp_path / "p.alama", [20] * 12)
    with Store.open(path) as store:
        assignment.assign(store, NAMES, overlap=0.5, per_document=2)
        karims = store.assigned_documents("karim")
        store.set_status(karims[0], "karim", Status.DONE)
        store.add_span(karims[1], "karim", 0, 3, "ACTOR")  # started, not finished
        report = assignment.reassign(store, "karim")
        who = store.assignments()
        assert store.assigned_documents("karim") == [karims[0]]
        assert [span.start for span in store.spans(karims[1], "karim")] == [0]  # kept
        removed = [row for row in store.assignment_rows("karim") if row.removed_at]
    assert report.kept_finished == 1 and report.documents == len(karims) - 1
    assert len(removed) == len(karims) - 1
    for doc in karims[1:]:
        assert "karim" not in who[doc] and who[doc]  # someone else has each, nobody twice
    with pytest.raises(InputError, match="amal is the one leaving"), Store.open(path) as store:
        assignment.reassign(store, "amal", ["karim", "amal"])


def test_a_list_of_documents_and_bad_requests_are_refused_in_one_line_leaving_it_unchanged(
    tmp_path: Path,
) -> None:
    path = build(tmp_path / "p.alama", [8] * 6)
    listed = tmp_path / "ids.txt"
    listed.write_text("# the first round\ndoc-001\n\ndoc-004\n", encoding="utf-8")
    with Store.open(path) as store:
        report = assignment.assign(store, ["amal"], documents=listed)
        assert sorted(store.document(doc).doc_id for doc in store.assignments()) == [
            "doc-001",
            "doc-004",
        ]
    assert report.documents == 2
    before = dump(path)
    listed.write_text("doc-002\nno-such-doc\n", encoding="utf-8")
    bad = [
        ({"annotators": ["amal"], "documents": listed}, f"{listed}:2: no document 'no-such-doc'"),
        ({"annotators": ["amal"], "overlap": 1.5}, "share between 0 and 1"),
        ({"annotators": ["amal", "bilal"], "overlap": 0.5, "per_document": 3}, "2 to 2"),
        ({"annotators": [GOLD_ANNOTATOR]}, "cannot be an annotator name"),
        ({"annotators": []}, "at least one annotator"),
    ]
    for kwargs, message in bad:
        with Store.open(path) as store, pytest.raises(InputError) as error:
            assignment.assign(store, **kwargs)  # type: ignore[arg-type]
        assert message in str(error.value) and "\n" not in str(error.value)
    assert dump(path) == before


# --- hand out -------------------------------------------------------------------------------


def round_project(tmp_path: Path) -> Path:
    path = build(tmp_path / "news.alama", [15 + (n * 5) % 30 for n in range(12)])
    with Store.open(path) as store:
        assignment.assign(store, NAMES, overlap=0.5, per_document=2, seed=1)
        store.set_guidelines("# دليل\n\nحدِّد الفاعل كاملاً.")
        some = store.document_ids()[0]
        store.add_span(some, "bilal", 0, 3, "ACTOR")
        store.add_gold(some, 0, 3, "ACTOR", "lead")
    return path


def test_each_copy_holds_only_its_annotators_documents_shared_ones_first(tmp_path: Path) -> None:
    path = round_project(tmp_path)
    before = dump(path)
    report = handout.handout(path, tmp_path / "out")
    assert dump(path) == before  # the project is only read
    assert [made.path.name for made in report.files] == [f"news-{n}.alama" for n in NAMES]
    with Store.read_only(path) as store:
        expected = {name: store.assigned_documents(name) for name in NAMES}
        hashes = {doc: h for h, doc in store.document_hashes().items()}
        shared = {doc for doc, who in store.assignments().items() if any(who.values())}
    for made in report.files:
        with Store.read_only(made.path) as copy:
            assert copy.handed_to() == made.annotator
            assert copy.guidelines() == "# دليل\n\nحدِّد الفاعل كاملاً."
            assert set(copy.annotators()) <= {made.annotator}
            ids = copy.document_ids()
            theirs = {h for h, _ in copy.document_hashes().items()}
            assert theirs == {hashes[doc] for doc in expected[made.annotator]}
            flags = [copy.assignments()[doc][made.annotator] for doc in ids]
            assert flags == sorted(flags, reverse=True)  # shared (overlap) documents first
            assert sum(flags) == len(shared & set(expected[made.annotator])) == made.overlap
            assert all(span.annotator == made.annotator for span in copy.iter_spans())
            assert copy.search("خبر") != []
    with pytest.raises(InputError, match="already exists"):
        handout.handout(path, tmp_path / "out")


WRITER = """
import sys, time
from alama.core.store import Store
path, doc, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with Store.open(path) as store:
    for n in range(count):
        store.add_span(doc, "amal", n, n + 1, "PLACE", span_id=f"w{n:05d}")
        print(n, flush=True)
        time.sleep(0.002)
"""


def test_handing_out_while_another_program_labels_loses_nothing(tmp_path: Path) -> None:
    path = build(tmp_path / "news.alama", [400] * 4)
    with Store.open(path) as store:
        assignment.assign(store, ["amal"])
        doc = store.document_ids()[0]
    count = 300
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(doc), str(count)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    for _ in range(20):  # well under way: commits sit in the write-ahead log
        writer.stdout.readline()
    copies = []
    while writer.poll() is None and len(copies) < 6:
        made = handout.handout_one(path, "amal", tmp_path / f"amal-{len(copies)}.alama")
        copies.append(made.path)
        time.sleep(0.01)
    writer.communicate()
    assert writer.returncode == 0
    assert len(copies) >= 2
    expected = [f"w{n:05d}" for n in range(count)]
    with Store.read_only(path) as store:
        assert sorted(span.id for span in store.iter_spans("amal")) == expected
    seen = []
    for copy_path in copies:
        conn = sqlite3.connect(copy_path)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
        with Store.read_only(copy_path) as copy:
            ids = sorted(span.id for span in copy.iter_spans("amal"))
        assert ids == expected[: len(ids)]  # a consistent moment: every earlier action is in
        assert len(ids) >= 20
        seen.append(len(ids))
    assert seen == sorted(seen)
    report = collect.collect(path, copies)  # nothing in a copy the project lacks
    assert not report.merge.changed


# --- collect --------------------------------------------------------------------------------


def test_collect_reports_per_annotator_and_a_second_run_changes_nothing(tmp_path: Path) -> None:
    path = round_project(tmp_path)
    files = handout.handout(path, tmp_path / "out").files
    amal, bilal = files[0].path, files[1].path
    with Store.open(amal) as copy:
        docs = copy.document_ids()
        copy.add_span(docs[0], "amal", 0, 3, "ACTOR")
        copy.add_span(docs[1], "amal", 4, 8, "PLACE")
        copy.set_status(docs[0], "amal", Status.DONE)
        stray = copy.add_document(text_of(99, 6), doc_id="stray")[0]  # not assigned to her
        copy.add_span(stray, "amal", 0, 2, "CLAIM")
    with Store.open(bilal) as copy:
        copy.set_status(copy.document_ids()[0], "bilal", Status.DONE)
    report = collect.collect(path, [amal, bilal, files[2].path])
    got = report.per_annotator
    assert (got["amal"].new_spans, got["amal"].finished, got["amal"].outside) == (3, 1, ["stray"])
    assert (got["bilal"].new_spans, got["bilal"].finished, got["bilal"].outside) == (0, 1, [])
    assert "karim" not in got
    summary = report.summary()
    assert "amal: 3 new spans, 0 deleted, 1 document finished; 1 outside" in summary
    before = dump(path)
    again = collect.collect(path, [amal, bilal, files[2].path])
    assert not again.merge.changed and not again.per_annotator
    assert "nothing new" in again.summary()
    assert dump(path) == before


def test_a_copy_that_changes_another_annotators_layer_is_refused(tmp_path: Path) -> None:
    path = round_project(tmp_path)
    amal = handout.handout(path, tmp_path / "out", ["amal"]).files[0].path
    with Store.open(amal) as copy:
        copy.add_span(copy.document_ids()[0], "bilal", 0, 2, "ACTOR")
    before = dump(path)
    with pytest.raises(InputError) as error:
        collect.collect(path, [amal])
    assert "news-amal.alama was handed out to amal but changes bilal's layer" in str(error.value)
    assert dump(path) == before


def test_assignments_merge_like_spans_and_a_copy_cannot_assign_itself_more(
    tmp_path: Path,
) -> None:
    path = round_project(tmp_path)
    amal = handout.handout(path, tmp_path / "out", ["amal"]).files[0].path
    lead = tmp_path / "lead.alama"
    runner = CliRunner()
    assert runner.invoke(cli, ["merge", str(lead), str(path), "--all-layers"]).exit_code == 0
    assert rows_by_hash(lead) == rows_by_hash(path)
    with Store.open(path) as store:
        assignment.reassign(store, "karim")
    assert runner.invoke(cli, ["merge", str(lead), str(path), "--all-layers"]).exit_code == 0
    assert rows_by_hash(lead) == rows_by_hash(path)  # the removals came along
    with Store.open(amal) as copy:
        copy.add_span(copy.document_ids()[0], "amal", 0, 2, "ACTOR")
        everything = [doc for doc in copy.document_ids()]
        assignment.assign(copy, ["bilal"], documents="all")  # nothing new for her copy
        rows = copy.assignment_rows()
        copy.put_assignment_rows([row._replace(annotator="bilal") for row in rows])
    before = rows_by_hash(path)
    collect.collect(path, [amal])
    assert rows_by_hash(path) == before and everything


# --- progress and the whole round -----------------------------------------------------------


def test_a_whole_round_from_assignment_to_gold(tmp_path: Path) -> None:
    path = build(tmp_path / "news.alama", [12 + n % 7 for n in range(9)])
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, [*args])
        assert result.exit_code == 0, result.output
        return result.output

    run("assign", str(path), "--annotators", "amal,bilal,karim", "--overlap", "0.34", "--seed", "4")
    run("handout", str(path), "--out", str(tmp_path / "copies"))
    copies = sorted((tmp_path / "copies").glob("*.alama"))
    assert [copy.name for copy in copies] == [f"news-{n}.alama" for n in NAMES]
    for number, copy_path in enumerate(copies):
        with Store.open(copy_path) as copy:
            name = copy.handed_to()
            assert name is not None
            for doc in copy.document_ids():
                copy.add_span(doc, name, 0, 3, "ACTOR")  # every annotator agrees on this one
                if number == 0:
                    copy.add_span(doc, name, 5, 9, "PLACE")  # amal alone sees a place
                copy.set_status(doc, name, Status.DONE)
    out = run("collect", str(path), *map(str, copies))
    assert "amal:" in out and "bilal:" in out and "karim:" in out
    with Store.open(path) as store:
        progress = team_progress(store)
        assert [row.done for row in progress.rows] == [row.assigned for row in progress.rows]
        assert progress.overlap_documents == 3 and progress.overlap_ready == 3
        assert len(progress.ready_for_review) == 9
        assert progress.agreement is not None and progress.agreement["documents"] == 3
        # amal marked one more place than her partner in each document: a pair with her
        # matches m of her 2m spans and of their m, F1 = 2m / 3m; a pair without her agrees
        # fully. The overall F1 is the mean over the pairs that share overlap documents.
        pairs = {tuple(sorted(who)) for who in store.assignments().values() if len(who) == 2}
        expected = sum(2 / 3 if "amal" in pair else 1.0 for pair in pairs) / len(pairs)
        assert progress.agreement["f1_exact"] == pytest.approx(expected, abs=1e-9)
        accepted = accept_agreed(store, "lead")
        assert accepted.spans_added == 3
        gold = list(store.iter_spans(GOLD_ANNOTATOR))
    assert len(gold) == 3 and {span.label for span in gold} == {"ACTOR"}
    stats = json.loads(run("stats", str(path), "--json"))
    assert stats["team"]["ready_for_review"] == 9
    assert stats["team"]["annotators"]["amal"]["done"] == progress.rows[0].assigned > 0
    assert stats["team"]["overlap_agreement"]["documents"] == 3
    table = run("stats", str(path))
    assert "assigned work" in table and "agreement so far on the overlap set (3 documents)" in table


def test_guidelines_from_the_command_line(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [5])
    guide = tmp_path / "guide.md"
    guide.write_text("\ufeff# الدليل\r\n\r\nالفاعل: من قال.\r\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(cli, ["guidelines", str(path), str(guide)]).exit_code == 0
    printed = runner.invoke(cli, ["guidelines", str(path)])
    assert printed.output == "# الدليل\n\nالفاعل: من قال.\n\n"
    before = dump(path)
    empty = tmp_path / "empty.md"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    for bad, message in (
        (empty, "is empty"),
        (binary, "image.md"),
        (tmp_path / "no.md", "no such"),
    ):
        result = runner.invoke(cli, ["guidelines", str(path), str(bad)])
        assert result.exit_code != 0 and message in result.output
        assert len(result.output.strip().splitlines()) == 1
    assert dump(path) == before
    assert runner.invoke(cli, ["guidelines", str(path), "--remove"]).exit_code == 0
    assert "no guidelines yet" in runner.invoke(cli, ["guidelines", str(path)]).output


def test_assign_warns_of_a_name_that_looks_like_a_known_one(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [5, 6, 7])
    with Store.open(path) as store:
        store.ensure_annotator("amal")
    result = CliRunner().invoke(cli, ["assign", str(path), "--annotators", "Amal,bilal,bilall"])
    assert result.exit_code == 0, result.output
    assert "annotator 'Amal' looks like 'amal'" in result.output
    assert "annotator 'bilall' looks like 'bilal'" in result.output
    assert "assigned 3 documents" in result.output


# --- what a review found --------------------------------------------------------------------


def test_reassigning_gives_nothing_to_someone_who_left_before(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [20] * 16)
    names = ["amal", "bilal", "karim", "dina"]
    with Store.open(path) as store:
        assignment.assign(store, names)
        karims = store.assigned_documents("karim")
        store.set_status(karims[0], "karim", Status.DONE)
        assignment.reassign(store, "karim")  # karim keeps only what he finished
        dinas = len(store.assigned_documents("dina"))
        report = assignment.reassign(store, "dina")
    assert "karim" not in report.assigned and "dina" not in report.assigned
    assert set(report.assigned) <= {"amal", "bilal"} and report.documents == dinas


def test_reassigning_shared_documents_everyone_has_says_so(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [20] * 6)
    with Store.open(path) as store:
        assignment.assign(store, NAMES, overlap=1.0, per_document=3)
        report = assignment.reassign(store, "karim")
    assert (report.documents, report.dropped) == (0, 6)
    assert "6 shared documents everyone else had already now have one annotator fewer" in (
        report.summary()
    )


def test_copies_with_the_same_name_in_two_folders_are_told_apart(tmp_path: Path) -> None:
    path = round_project(tmp_path)
    made = handout.handout(path, tmp_path / "out").files
    bilal, karim = tmp_path / "b" / "copy.alama", tmp_path / "k" / "copy.alama"
    for copy_path, original in ((bilal, made[1].path), (karim, made[2].path)):
        copy_path.parent.mkdir()
        copy_path.write_bytes(original.read_bytes())
    with Store.open(bilal) as copy:
        copy.add_span(copy.document_ids()[0], "bilal", 0, 2, "ACTOR")
    with Store.open(karim) as copy:
        copy.add_span(copy.document_ids()[0], "karim", 0, 2, "ACTOR")
    report = collect.collect(path, [bilal, karim])  # each changes its own layer only
    assert set(report.per_annotator) == {"bilal", "karim"}
    with Store.open(bilal) as copy:
        copy.add_span(copy.document_ids()[0], "karim", 2, 4, "PLACE")  # forged into karim's
    before = dump(path)
    with pytest.raises(InputError, match="handed out to bilal but changes"):
        collect.collect(path, [bilal, karim])
    assert dump(path) == before


def test_agreement_so_far_with_three_annotators_per_shared_document(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [12] * 4)
    with Store.open(path) as store:
        assignment.assign(store, NAMES, overlap=1.0, per_document=3)
        for doc in store.document_ids():
            for name in ("amal", "bilal"):  # karim has not finished yet
                store.add_span(doc, name, 0, 3, "ACTOR")
                store.set_status(doc, name, Status.DONE)
        progress = team_progress(store)
    assert progress.overlap_ready == 4 and progress.ready_for_review == []
    assert progress.agreement is not None and progress.agreement["f1_exact"] == 1.0


def test_stats_shows_the_assigned_work_before_anyone_labels(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [5, 6])
    runner = CliRunner()
    assert runner.invoke(cli, ["assign", str(path), "--annotators", "amal,bilal"]).exit_code == 0
    shown = runner.invoke(cli, ["stats", str(path)]).output
    assert "no annotations yet" in shown and "assigned work" in shown and "amal" in shown


def test_a_copy_cannot_take_documents_away_and_the_future_is_refused(tmp_path: Path) -> None:
    path = round_project(tmp_path)
    amal = handout.handout(path, tmp_path / "out", ["amal"]).files[0].path
    with Store.open(amal) as copy:
        copy.add_span(copy.document_ids()[0], "amal", 0, 2, "ACTOR")
        rows = copy.assignment_rows("amal")
        copy.put_assignment_rows([row._replace(updated_at=now_iso(), removed_at=now_iso())
                                  for row in rows])  # fmt: skip
    before = rows_by_hash(path)
    report = collect.collect(path, [amal])
    assert rows_by_hash(path) == before and report.merge.assignments == 0
    with Store.open(amal) as copy:
        copy.put_assignment_rows(
            [row._replace(updated_at="2099-01-01T00:00:00.000+00:00") for row in rows]
        )
    snapshot = dump(path)
    with pytest.raises(InputError, match="dated in the future"):
        collect.collect(path, [amal])
    assert dump(path) == snapshot


def now_iso() -> str:
    from alama.core.store import now

    return now()


def test_removed_guidelines_travel_with_the_leads_files(tmp_path: Path) -> None:
    first = round_project(tmp_path)
    second = tmp_path / "second.alama"
    runner = CliRunner()
    assert runner.invoke(cli, ["merge", str(second), str(first), "--all-layers"]).exit_code == 0
    with Store.read_only(second) as store:
        assert store.guidelines() is not None
    assert runner.invoke(cli, ["guidelines", str(first), "--remove"]).exit_code == 0
    assert runner.invoke(cli, ["merge", str(second), str(first), "--all-layers"]).exit_code == 0
    with Store.read_only(second) as store:
        assert store.guidelines() is None


def test_copies_that_would_share_a_file_name_are_refused_before_any_is_written(
    tmp_path: Path,
) -> None:
    path = build(tmp_path / "p.alama", [5, 6, 7, 8])
    with Store.open(path) as store:
        assignment.assign(store, ["a/b", "a_b"])
    with pytest.raises(InputError, match="would have the same file name"):
        handout.handout(path, tmp_path / "out")
    assert not list((tmp_path / "out").glob("*")) if (tmp_path / "out").exists() else True
    long_name = "أمل" * 60
    assert len(handout.copy_name(path, long_name).encode("utf-8")) < 200


def test_two_assignments_at_once_never_give_a_document_twice(tmp_path: Path) -> None:
    path = build(tmp_path / "p.alama", [4 + n % 5 for n in range(600)])
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "alama.core.cli", "assign", str(path), "--annotators", names],
            stderr=subprocess.PIPE,
            text=True,
        )
        for names in ("amal,bilal", "karim,dina")
    ]
    for run in runs:
        run.communicate()
        assert run.returncode == 0
    with Store.read_only(path) as store:
        who = store.assignments()
    assert len(who) == 600 and all(len(by) == 1 for by in who.values())
