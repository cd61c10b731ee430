"""The project file under attack: opened only through SQLite, recognised by its header and its
schema, read while another program writes, and refused in one true line when it is hostile,
damaged, a pipe, on read-only media or on a full disk (reliability findings B1, B3, D1–D6, F3).
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core import review
from alama.core.cli import cli
from alama.core.errors import InputError, ProjectBusy, ProjectError
from alama.core.migrations import APPLICATION_ID
from alama.core.model import Status
from alama.core.store import Store, check_annotator
from tests.conftest import dump

TEXTS = (
    "قال سامي إن الطريق إلى حلب مفتوح منذ الصباح",
    "أعلنت الوزارة في عمّان أن المعبر مغلق حتى إشعار آخر",
)
SPANS = {"amal": [(4, 8, "ACTOR"), (24, 27, "PLACE")], "bilal": [(4, 8, "ACTOR"), (0, 3, "CLAIM")]}


def alama(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """The real `alama` command in a process of its own."""
    return subprocess.run(
        [sys.executable, "-m", "alama.core.cli", *args],
        capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip


def one_line_error(result: subprocess.CompletedProcess[str], *words: str) -> str:
    """The command failed with one error line on stderr, without a traceback, saying
    ``words`` (after whatever it said it was doing)."""
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1 and result.stderr.strip().endswith(errors[0]), result.stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def make_project(path: Path) -> Path:
    """Two documents, amal's and bilal's finished layers, and gold from their agreement."""
    with Store.create(path) as store:
        for text in TEXTS:
            doc, _ = store.add_document(text)
            for annotator, spans in SPANS.items():
                store.add_spans(doc, annotator, spans)
                store.set_status(doc, annotator, Status.DONE)
        review.accept_agreed(store, "lead", 2)
    return path


@pytest.fixture
def fix(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p.alama")


def side_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(("-wal", "-shm")))


# --- never opened but through SQLite (issue 15, item 1) ---------------------------------------


def test_a_project_is_known_by_the_number_in_its_header(fix: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(fix)
    assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    conn.close()
    other = tmp_path / "other.alama"  # another program's file, even with an alama_meta row
    conn = sqlite3.connect(other)
    conn.execute("PRAGMA application_id = 1234")
    conn.execute("CREATE TABLE alama_meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO alama_meta VALUES ('application', 'alama')")
    conn.commit()
    conn.close()
    before = dump(other)
    with pytest.raises(ProjectError, match="a SQLite database but not an Alama project"):
        Store.open(other)
    assert dump(other) == before


def test_an_older_project_is_known_by_its_table_and_gets_the_number(fix: Path) -> None:
    conn = sqlite3.connect(fix)  # as Alama 0.1.0 left it
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_application_id'")
    conn.commit()
    conn.close()
    with Store.read_only(fix) as source:  # a merge source is read, not upgraded on disk
        assert source.document_count() == 2
    conn = sqlite3.connect(fix)
    assert conn.execute("PRAGMA application_id").fetchone() == (0,)
    conn.close()
    with Store.open(fix) as store:
        assert len(list(store.iter_spans("amal"))) == 4
    conn = sqlite3.connect(fix)
    assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    conn.close()


def test_an_older_project_is_read_at_once_while_another_program_writes(fix: Path) -> None:
    """Review of issue 15 (0.1.0 files block readers): bringing the schema up to date needs
    the write lock; a reader does not wait for it, a writer waits (or says busy) as always."""
    conn = sqlite3.connect(fix)  # as Alama 0.1.0 left it
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_application_id'")
    conn.commit()
    conn.close()
    with write_lock_held(fix):
        started = time.monotonic()
        stats = alama("stats", str(fix))
        assert stats.returncode == 0, stats.stderr
        assert time.monotonic() - started < 15, "the reader waited for the writer"
        with Store.open(fix) as store:
            assert len(list(store.iter_spans("amal"))) == 4
            store.wait_for_lock(0.1)
            with pytest.raises(ProjectBusy):
                store.set_status(store.document_ids()[0], "amal", Status.IN_PROGRESS)
    with Store.open(fix) as store:
        conn = sqlite3.connect(fix)
        assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        conn.close()
    conn = sqlite3.connect(fix)  # again as 0.1.0 left it; the write comes once it is free
    conn.execute("PRAGMA application_id = 0")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0004_application_id'")
    conn.commit()
    conn.close()
    with write_lock_held(fix):
        store = Store.open(fix)
    doc = store.document_ids()[0]
    store.set_status(doc, "amal", Status.IN_PROGRESS)
    store.close()
    with Store.open(fix) as store:
        assert store.status(doc, "amal") is Status.IN_PROGRESS
    conn = sqlite3.connect(fix)
    assert conn.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    conn.close()


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    """Every file Python opens (``open``, ``os.open``…) while the test runs."""
    seen: list[str] = []
    watching = [True]

    def hook(event: str, args: tuple[object, ...]) -> None:
        if watching[0] and event == "open" and isinstance(args[0], str | bytes | os.PathLike):
            seen.append(os.fsdecode(args[0]))

    sys.addaudithook(hook)  # a hook cannot be removed: it stops listening instead
    yield seen
    watching[0] = False


def test_opening_a_project_never_opens_its_file_but_through_sqlite(
    fix: Path, tmp_path: Path, opened_files: list[str]
) -> None:
    target = tmp_path / "merged.alama"
    Store.open(fix).close()
    Store.read_only(fix).close()
    Store.create(target).close()
    with Store.open(target) as store:
        store.add_document("خبر جديد")
    touched = [name for name in opened_files if Path(name).name.startswith(("p.alama", "merged"))]
    assert touched == []


def test_a_second_connection_closing_keeps_the_first_ones_work(fix: Path) -> None:
    """What a background job does beside the window: open the project, read, close."""
    window = Store.open(fix)
    doc = window.document_ids()[0]
    window.add_span(doc, "amal", 9, 15, "PLACE")
    Store.open(fix).close()  # the job's own connection
    Store.read_only(fix).close()
    assert alama("stats", str(fix)).returncode == 0  # another program reads, and closes
    span = window.add_span(doc, "amal", 16, 21, "CLAIM")
    check = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('PRAGMA integrity_check').fetchone()[0], "
        "c.execute('SELECT count(*) FROM spans WHERE id = ?', (sys.argv[2],)).fetchone()[0])"
    )
    seen = subprocess.run(
        [sys.executable, "-c", check, str(fix), span.id], capture_output=True, text=True, timeout=60
    )
    window.close()
    assert seen.stdout.split() == ["ok", "1"], seen.stderr


def test_the_project_is_not_imported_into_itself(fix: Path) -> None:
    """Read as a JSONL or text file, the project (or its log) would lose its locks."""
    before = dump(fix)
    with Store.open(fix) as store:  # the log and shared memory are beside it while it is open
        store.document_count()
        for name, fmt in ((fix, "jsonl"), (Path(f"{fix}-wal"), "txt")):
            result = CliRunner().invoke(cli, ["import", str(fix), str(name), "--format", fmt])
            assert result.exit_code == 1
            assert result.output.strip().splitlines()[-1] == (
                f"Error: {name} is the project itself; name files to import"
            )
    assert dump(fix) == before


# --- B1: readers do not wait for a writer; a writer that waits too long says why ---------------


@contextlib.contextmanager
def write_lock_held(path: Path) -> Iterator[None]:
    """Another connection holds the project's write lock (a long import, say)."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO annotators (name, created_at) VALUES ('omar', 'now')")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_reading_commands_do_not_wait_for_a_writer(fix: Path, tmp_path: Path) -> None:
    with write_lock_held(fix):
        for args in (
            ["stats", str(fix)],
            ["agreement", str(fix)],
            ["export", str(fix), "-o", str(tmp_path / "out.jsonl")],
        ):
            started = time.monotonic()
            result = alama(*args, timeout=40)
            assert result.returncode == 0, result.stderr
            assert time.monotonic() - started < 30
        with Store.open(fix) as store:
            assert "omar" not in store.annotators()  # it reads what is committed


def test_a_writer_kept_waiting_says_the_project_is_busy(
    fix: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("alama.core.store.files.BUSY_TIMEOUT_S", 0.3)
    article = tmp_path / "article.txt"
    article.write_text(TEXTS[0] + " وخبر آخر", encoding="utf-8")
    before = dump(fix)
    with write_lock_held(fix):
        result = CliRunner().invoke(cli, ["import", str(fix), str(article)])
        with Store.open(fix) as store, pytest.raises(ProjectBusy):
            store.add_document("خبر")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"Error: {fix} is busy: another program is writing to it"
    )
    assert dump(fix) == before


# --- B3: two of the same project made at once ----------------------------------------------


def test_two_projects_made_at_once_one_is_made_and_the_other_exists(tmp_path: Path) -> None:
    target = tmp_path / "new.alama"
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def make() -> None:
        start.wait()
        try:
            Store.create(target).close()
            outcomes.append("made")
        except ProjectError as error:
            outcomes.append(str(error))

    threads = [threading.Thread(target=make) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [f"{target} already exists", "made"]
    with Store.open(target) as store:
        assert store.labels().keys == ["ACTOR", "PLACE", "CLAIM"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.alama"]


def test_a_project_being_made_is_never_seen_half_made(tmp_path: Path) -> None:
    """Another program opening the name while the project is made (a second merge into the
    same new target, say) finds no project or a whole one, never "not an Alama project"."""
    seen: list[str] = []
    for round in range(5):
        target = tmp_path / f"new-{round}.alama"

        def open_until_there(target: Path = target) -> None:
            while True:
                try:
                    Store.open(target).close()
                    return
                except ProjectError as error:
                    seen.append(str(error))

        opener = threading.Thread(target=open_until_there)
        opener.start()
        time.sleep(0.01)
        Store.create(target).close()
        opener.join(30)
        assert not opener.is_alive()
    assert seen  # it looked before the project was there
    assert [message for message in seen if "no such project" not in message] == []


def test_two_merges_making_one_target_never_call_it_not_a_project(
    fix: Path, tmp_path: Path
) -> None:
    for round in range(3):
        target = tmp_path / f"team-{round}.alama"
        merges = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "alama.core.cli",
                    "merge",
                    str(target),
                    str(fix),
                    "--all-layers",
                ],
                stderr=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                text=True,
            )
            for _ in range(2)
        ]
        errors = [merge.communicate(timeout=120)[1] for merge in merges]
        assert any(merge.returncode == 0 for merge in merges), errors
        for merge, error in zip(merges, errors, strict=True):
            assert "not an Alama project" not in error and "Traceback" not in error, error
            assert merge.returncode == 0 or len(error.strip().splitlines()) == 1, error
        with Store.open(target) as store:
            assert store.document_count() == 2


# --- D1, D2: a schema that Alama did not make --------------------------------------------


PLANTED = {
    "trigger": (
        "CREATE TRIGGER evil AFTER INSERT ON spans BEGIN "
        "UPDATE spans SET deleted_at = NEW.created_at WHERE annotator = 'bilal'; END",
        "trigger 'evil' is not Alama's",
    ),
    "view over a table": (
        "ALTER TABLE spans RENAME TO spans_real; "
        "CREATE VIEW spans AS SELECT * FROM spans_real WHERE annotator != 'bilal'",
        "view 'spans' stands where Alama's table was",
    ),
    "view": ("CREATE VIEW everything AS SELECT * FROM spans", "view 'everything' is not Alama's"),
    "index": ("CREATE INDEX spans_by_label ON spans (label)", "index 'spans_by_label' is not"),
    "table changed": (
        "CREATE TABLE labels_new AS SELECT * FROM labels; DROP TABLE labels; "
        "ALTER TABLE labels_new RENAME TO labels",
        "table 'labels' is not as Alama made it",
    ),
}


@pytest.mark.parametrize("kind", PLANTED)
def test_a_schema_alama_did_not_make_is_refused_by_name(
    fix: Path, tmp_path: Path, kind: str
) -> None:
    sql, named = PLANTED[kind]
    conn = sqlite3.connect(fix)
    conn.executescript(sql)
    conn.close()
    one = tmp_path / "one.jsonl"
    one.write_text(json.dumps({"text": TEXTS[0], "spans": []}) + "\n", encoding="utf-8")
    before = dump(fix)
    line = one_line_error(alama("import", str(fix), str(one), "--annotator", "amal"), named)
    assert "changed by another program" in line
    one_line_error(alama("export", str(fix), "-o", str(tmp_path / "o.jsonl")), named)
    one_line_error(alama("merge", str(tmp_path / "m.alama"), str(fix)), named)
    assert dump(fix) == before
    assert not (tmp_path / "o.jsonl").exists() and not (tmp_path / "m.alama").exists()


def test_the_schema_is_never_trusted_to_run_functions(fix: Path) -> None:
    with Store.open(fix) as store:
        assert store.conn.execute("PRAGMA trusted_schema").fetchone() == (0,)
    with Store.read_only(fix) as store:
        assert store.conn.execute("PRAGMA trusted_schema").fetchone() == (0,)


# --- D3: rows changed by hand -------------------------------------------------------------


TAMPERED = {
    "meta not JSON": "UPDATE documents SET meta = '{not json' WHERE id = 1",
    "meta not an object": "UPDATE documents SET meta = '[1, 2]' WHERE id = 1",
    "agreed not JSON": "UPDATE spans SET agreed = '[oops' WHERE annotator = '@gold'",
    "agreed not names": "UPDATE spans SET agreed = '{\"a\": 1}' WHERE annotator = '@gold'",
    "unknown status": "PRAGMA ignore_check_constraints = 1; "
    "UPDATE status SET state = 'weird' WHERE annotator = 'amal' AND doc = 1",
    "span beyond the text": "UPDATE spans SET end_char = 999999 WHERE rowid = "
    "(SELECT MIN(rowid) FROM spans WHERE annotator = 'amal')",
    "span backwards": "PRAGMA ignore_check_constraints = 1; "
    "UPDATE spans SET start_char = 9, end_char = 2 WHERE annotator = 'bilal'",
}


@pytest.mark.parametrize("kind", TAMPERED)
def test_rows_changed_by_hand_are_read_safely(fix: Path, tmp_path: Path, kind: str) -> None:
    conn = sqlite3.connect(fix)
    conn.executescript(TAMPERED[kind])
    conn.close()
    out = tmp_path / "out.jsonl"
    for args in (
        ["stats", str(fix)],
        ["export", str(fix), "-o", str(out)],
        ["export", str(fix), "--format", "brat", "-o", str(tmp_path / "brat")],
        ["agreement", str(fix), "--json"],
        ["merge", str(tmp_path / "merged.alama"), str(fix), "--all-layers"],
        ["review", str(fix), "--accept-agreed", "--reviewer", "lead"],
    ):
        result = CliRunner().invoke(cli, args)
        assert result.exception is None and result.exit_code == 0, (args, result.output)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    for record in records:
        for start, end, _ in [(s["start"], s["end"], s["label"]) for s in record["spans"]]:
            assert 0 <= start < end <= len(record["text"])
    with Store.open(tmp_path / "merged.alama") as merged:
        assert merged.document_count() == 2
    with Store.open(fix) as store:  # what the window reads when it opens a document
        for doc in store.document_ids():
            assert store.document(doc).text in TEXTS
            assert isinstance(store.document(doc).meta, dict)
            for layer in ("amal", "bilal", "@gold"):
                for span in store.spans(doc, layer):
                    assert 0 <= span.start < span.end <= len(store.document(doc).text)
                    assert all(isinstance(name, str) for name in span.agreed)
                assert store.status(doc, layer) in set(Status)
            store.layer_states(doc)
            review.document_review(store, doc)
        store.document_rows(store.document_ids(), "amal")
        store.statuses("amal")
        store.layers()


# --- D4: not a regular file ---------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_a_project_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "f.alama"
    os.mkfifo(fifo)
    for args in (["stats", str(fifo)], ["merge", str(tmp_path / "m.alama"), str(fifo)]):
        one_line_error(alama(*args, timeout=30), "not a regular file")
    one_line_error(alama("init", str(fifo), timeout=30), "already exists")
    with pytest.raises(ProjectError, match="not a regular file"):
        Store.open("/dev/null")


def test_an_empty_file_is_not_a_project(tmp_path: Path) -> None:
    empty = tmp_path / "empty.alama"
    empty.touch()
    one_line_error(alama("stats", str(empty)), "is an empty file, not an Alama project")
    assert empty.stat().st_size == 0


# --- D5, D6: read-only media and a full disk ---------------------------------------------


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "2m") -> Iterator[Path]:
    """A small file system of its own at ``folder`` (root only); skips the test elsewhere."""
    folder.mkdir()
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_project_on_read_only_media_is_read_and_not_written(fix: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "media") as media:
        project = media / "p.alama"
        project.write_bytes(fix.read_bytes())  # (a closed project: nothing else beside it)
        subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
        stats = alama("stats", str(project))
        assert stats.returncode == 0, stats.stderr
        assert f"{project}: 2 documents" in stats.stdout
        exported = alama("export", str(project), "-o", str(tmp_path / "out.jsonl"))
        assert exported.returncode == 0, exported.stderr
        assert len((tmp_path / "out.jsonl").read_text("utf-8").splitlines()) == 6
        merged = alama("merge", str(tmp_path / "m.alama"), str(project), "--all-layers")
        assert merged.returncode == 0, merged.stderr
        article = tmp_path / "article.txt"
        article.write_text("خبر جديد عن حلب", encoding="utf-8")
        one_line_error(
            alama("import", str(project), str(article)),
            f"{project} cannot be changed: it is on a read-only disk",
        )
        with Store.open(project) as store:  # what the window does as it opens, as amal
            assert store.ensure_annotator("amal") == "amal"
            assert len(store.spans(store.document_ids()[0], "amal")) == 2
            with pytest.raises(ProjectError, match="read-only disk"):
                store.add_span(store.document_ids()[0], "amal", 9, 15, "PLACE")


def test_searching_a_project_on_read_only_media_finds_without_writing(
    fix: Path, tmp_path: Path
) -> None:
    """Review of issue 15, defect 11: the search copy cannot be written there; the text of
    the documents it lacks is searched as it is."""
    with Store.open(fix) as store:  # the first document in the search copy, the second not
        store.index_for_search()
        store.add_document("خبر آخر عن مدينة حَلَب وأهلها")
    with small_disk(tmp_path / "media") as media:
        project = media / "p.alama"
        project.write_bytes(fix.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(media)], check=True)
        before = project.read_bytes()  # (closed, and nothing can open it to write)
        with Store.open(project) as store:
            assert store.read_only_reason is not None
            ids = store.document_ids()
            assert store.search("حلب") == [ids[0], ids[2]]  # indexed, then read as it is
            assert store.search("عمان") == [ids[1]]
            assert store.search("دمشق") == []
            assert store.index_for_search() == 0
        assert project.read_bytes() == before
        assert sorted(p.name for p in media.iterdir()) == ["p.alama"]


def fill(disk: Path) -> None:
    """Take every free byte of the disk."""
    with (disk / "filler").open("wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)


def test_a_full_disk_is_called_full_and_leaves_nothing_behind(fix: Path, tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        project = disk / "p.alama"
        project.write_bytes(fix.read_bytes())
        before = dump(project)
        article = tmp_path / "article.txt"
        article.write_text("خبر جديد عن حلب " * 2000, encoding="utf-8")
        fill(disk)
        stats = alama("stats", str(project))
        assert stats.returncode == 0, stats.stderr
        for args in (["import", str(project), str(article)], ["merge", str(project), str(fix)]):
            line = one_line_error(alama(*args), "the disk is full")
            assert "rollback" not in line
        one_line_error(alama("init", str(disk / "new.alama")), "the disk is full")
        full = alama("merge", str(disk / "m.alama"), str(fix), "--all-layers")
        one_line_error(full, "disk is full")
        left = sorted(p.name for p in disk.iterdir() if p.name not in ("filler", "p.alama"))
        assert [name for name in left if not name.endswith(("-wal", "-shm"))] == []
        (disk / "filler").unlink()
        assert dump(project) == before
        assert alama("init", str(disk / "new.alama")).returncode == 0


# --- merge sources are left as they were (issue 15, item 10) ---------------------------------


def test_a_merge_leaves_no_files_beside_its_sources(fix: Path, tmp_path: Path) -> None:
    sources = tmp_path / "returned"
    sources.mkdir()
    copy = sources / "amal.alama"
    copy.write_bytes(fix.read_bytes())
    before = sorted(p.name for p in sources.iterdir())
    result = alama("merge", str(tmp_path / "team.alama"), str(copy), "--all-layers")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in sources.iterdir()) == before == ["amal.alama"]


# --- F3: names that look like others -------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["\uff20gold", "\u200f@gold", "amal\u200b", "\u200eamal", "am\u00adal", "amal\u2060",
     "\uff41mal", "amal\ufe0f", "amal\u034f", "ﻋﻤﺮ", "amal\u00a0k"],
)  # fmt: skip
def test_names_that_look_like_another_are_refused(project: Store, name: str) -> None:
    with pytest.raises(InputError, match="cannot be an annotator name"):
        check_annotator(name)
    doc, _ = project.add_document(TEXTS[0])
    with pytest.raises(InputError):
        project.add_span(doc, name, 0, 3, "ACTOR")
    assert project.annotators() == []


@pytest.mark.parametrize("name", ["amal", "Amal K", "أَمَل", "سارة", "sara.haddad", "عبد الله"])
def test_ordinary_names_are_kept_as_typed(name: str) -> None:
    assert check_annotator(f" {name} ") == name


# --- a file SQLite keeps beside a project is never opened as one ----------------------------

DMS_PROBE = r"""
import fcntl, os, struct, sys
fd = os.open(sys.argv[1], os.O_RDWR)
lock = struct.pack("hhqqi", fcntl.F_WRLCK, 0, 128, 1, 0)  # SQLite's DMS byte of the -shm
kind, _, _, _, pid = struct.unpack("hhqqi", fcntl.fcntl(fd, fcntl.F_GETLK, lock))
print(pid if kind != fcntl.F_UNLCK else 0)
"""


def dms_holder(shm: Path) -> int:
    """The process another process sees holding the -shm's DMS lock (0: nobody)."""
    probe = subprocess.run(
        [sys.executable, "-c", DMS_PROBE, str(shm)], capture_output=True, text=True, check=True
    )
    return int(probe.stdout)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks")
def test_a_side_file_of_the_target_is_refused_without_opening_it(fix: Path) -> None:
    from alama.core import merging

    link = fix.with_name("other.alama")
    with Store.open(fix) as store:
        store.document_count()
        shm = Path(f"{fix}-shm")
        assert dms_holder(shm) == os.getpid()
        link.symlink_to(shm.name)  # named like a project, yet the target's -shm
        for source in (shm, link):
            with pytest.raises(InputError, match=r"keeps beside the target p\.alama") as refused:
                merging.merge_into(store, [source])
            assert "\n" not in str(refused.value)
        assert dms_holder(shm) == os.getpid()  # the window's locks are still there
        store.add_span(1, "amal", 0, 3, "PLACE")
    for side in ("-wal", "-shm", "-journal"):
        stray = fix.with_name(f"stray.alama{side}")
        stray.write_bytes(b"x" * 64)
        made = fix.with_name("m.alama")
        for args in (["stats", str(stray)], ["merge", str(made), str(stray)]):
            one_line_error(alama(*args), "is a file SQLite keeps beside a project, not a project")
        assert not made.exists()
    with pytest.raises(ProjectError, match="beside a project"):
        Store.read_only(fix.with_name("copy.alama-WAL"))


# --- hidden names: a killed run's are swept, a live run's never are --------------------------

KILL_WHILE_MAKING = """
import os, signal, sys
from alama.core.store import Store
def killed(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
Store.set_labels = killed
Store.create(sys.argv[1])
"""
SWEEP = "import sys; from pathlib import Path; from alama.core.store import hidden; " \
    "print(len(hidden.sweep(Path(sys.argv[1]))))"  # fmt: skip


def sweep_elsewhere(final: Path) -> int:
    """Another process sweeps ``final``'s hidden names: how many it removed."""
    done = subprocess.run(
        [sys.executable, "-c", SWEEP, str(final)], capture_output=True, text=True, check=True
    )
    return int(done.stdout)


def hidden_beside(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_init_leaves_what_the_next_init_or_merge_removes(tmp_path: Path) -> None:
    target = tmp_path / "new.alama"
    for _ in range(2):
        killed = subprocess.run([sys.executable, "-c", KILL_WHILE_MAKING, str(target)])
        assert killed.returncode == -9
    assert not target.exists()
    # the second run removed the first's leftover; its own is left, hidden
    assert len([n for n in hidden_beside(tmp_path) if n.endswith(".part")]) == 1
    older = tmp_path / ".new.alama.0123456789ab.tmp"  # what an earlier Alama left
    older.write_bytes(b"half a project")
    assert alama("init", str(target)).returncode == 0
    assert hidden_beside(tmp_path) == []
    target.unlink()
    killed = subprocess.run([sys.executable, "-c", KILL_WHILE_MAKING, str(target)])
    assert hidden_beside(tmp_path) != []
    copy = make_project(tmp_path / "copy.alama")
    merged = alama("merge", str(target), str(copy), "--all-layers")
    assert merged.returncode == 0, merged.stderr
    assert hidden_beside(tmp_path) == []


def test_a_hidden_name_being_made_is_never_swept_by_another_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process sweeps at the worst moments: after the file is made but before it is
    locked, and after a merge's new project is put at its hidden name but before `hold`."""
    from alama.core import staging
    from alama.core.store import hidden

    lock = hidden.try_lock
    swept: list[int] = []

    def sweep_first(fd: int) -> bool:
        swept.append(sweep_elsewhere(final))
        return lock(fd)

    monkeypatch.setattr(hidden, "try_lock", sweep_first)
    for final in (tmp_path / "out.jsonl", tmp_path / "brat", tmp_path / "made.alama"):
        if final.suffix == ".alama":
            with Store.create(final) as store:
                assert store.document_count() == 0
            continue
        staged = staging.Staged.folder(final) if final.suffix == "" else staging.Staged.file(final)
        assert sweep_elsewhere(final) == 0  # locked now: kept
        assert staged.temp.exists()
        staged.commit()
        assert final.exists()
    assert swept == [0, 0, 0]
    monkeypatch.setattr(hidden, "try_lock", lock)

    hold = staging.Staged.hold

    def sweep_then_hold(self: staging.Staged) -> None:
        swept.append(sweep_elsewhere(self.final))
        hold(self)

    monkeypatch.setattr(staging.Staged, "hold", sweep_then_hold)
    from alama.core.merging import merge

    report = merge(tmp_path / "team.alama", [make_project(tmp_path / "p.alama")], all_layers=True)
    assert report.created and swept[-1] == 0
    with Store.open(tmp_path / "team.alama") as store:
        assert store.document_count() == 2
    assert hidden_beside(tmp_path) == []


# --- values of the wrong type (a BLOB, a number) where Alama writes text ---------------------

BLOBS = {
    "title": "UPDATE documents SET title = X'0102' WHERE id = 1",
    "doc_id and source": "UPDATE documents SET doc_id = X'00', source = X'ff' WHERE id = 1",
    "meta": "UPDATE documents SET meta = X'7b7d' WHERE id = 1",
    "span label": "UPDATE spans SET label = CAST(label AS BLOB) WHERE annotator = 'amal'",
    "span layer": "UPDATE spans SET annotator = CAST(annotator AS BLOB) WHERE annotator = 'bilal'",
    "span times": "UPDATE spans SET updated_at = X'00', deleted_at = 3 WHERE annotator = 'amal'",
    "span id and reviewer": "UPDATE spans SET id = X'00', reviewer = X'01' "
    "WHERE annotator = '@gold' AND doc = 1",
    "status": "UPDATE status SET annotator = X'00', updated_at = X'01' WHERE annotator = 'amal'",
    "decision": "INSERT INTO rejections VALUES (1, 4, 8, X'00', 1, X'01', X'02')",
}


@pytest.mark.parametrize("kind", BLOBS)
def test_values_of_the_wrong_type_are_read_safely(fix: Path, tmp_path: Path, kind: str) -> None:
    conn = sqlite3.connect(fix)
    conn.executescript(f"PRAGMA foreign_keys = OFF; {BLOBS[kind]}")
    conn.close()
    out = tmp_path / "out.jsonl"
    for args in (
        ["stats", str(fix)],
        *(["export", str(fix), "--format", fmt, "-o", str(tmp_path / f"out-{fmt}")]
          for fmt in ("jsonl", "doccano", "brat")),
        *(["export", str(fix), "--format", fmt, "-o", str(tmp_path / f"out-{fmt}"),
           "--annotator", "amal"] for fmt in ("conll", "hf")),  # (bilal's spans overlap)
        ["export", str(fix), "-o", str(out)],
        ["agreement", str(fix), "--json"],
        ["merge", str(tmp_path / "merged.alama"), str(fix), "--all-layers"],
        ["review", str(fix), "--accept-agreed", "--reviewer", "lead"],
    ):  # fmt: skip
        result = CliRunner().invoke(cli, args)
        assert result.exception is None and result.exit_code == 0, (args, result.output)
    for line in out.read_text("utf-8").splitlines():
        record = json.loads(line)
        assert isinstance(record["text"], str)
        assert all(isinstance(span["label"], str) for span in record["spans"])
    with Store.open(fix) as store:
        for doc in store.document_ids():
            review.document_review(store, doc)


def test_a_text_that_is_not_text_is_refused_in_one_line(fix: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(fix)
    conn.execute("UPDATE documents SET text = CAST(text AS BLOB) WHERE id = 2")
    conn.commit()
    conn.close()
    before = dump(fix)
    said = "is damaged: the text of document 2 is not text"
    for args in (
        ("export", str(fix), "-o", str(tmp_path / "out.jsonl")),
        ("export", str(fix), "--format", "brat", "-o", str(tmp_path / "brat")),
        ("agreement", str(fix)),
        ("merge", str(tmp_path / "m.alama"), str(fix), "--all-layers"),
    ):
        one_line_error(alama(*args), said)
    assert dump(fix) == before
    assert not (tmp_path / "m.alama").exists() and not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("column", ["key", "name_en", "color"])
def test_a_label_that_is_not_text_is_refused_in_one_line(
    fix: Path, tmp_path: Path, column: str
) -> None:
    """A label whose key, name or colour another program stored as a BLOB: one line, no
    traceback, nothing written."""
    conn = sqlite3.connect(fix)
    conn.execute("PRAGMA foreign_keys = OFF")
    conn.execute(f"UPDATE labels SET {column} = CAST({column} AS BLOB) WHERE key = 'PLACE'")
    conn.commit()
    conn.close()
    before = dump(fix)
    for args in (
        ("stats", str(fix)),
        ("export", str(fix), "--format", "brat", "-o", str(tmp_path / "brat")),
        ("agreement", str(fix)),
        ("merge", str(tmp_path / "m.alama"), str(fix), "--all-layers"),
    ):
        one_line_error(alama(*args), "is damaged: its label", "is not stored as text")
    # A JSONL export never reads the label set: it writes the spans as stored.
    assert alama("export", str(fix), "-o", str(tmp_path / "out.jsonl")).returncode == 0
    assert dump(fix) == before
    assert not (tmp_path / "m.alama").exists() and not (tmp_path / "brat").exists()
