"""Hostile and broken input to import and export (the reliability findings C, E and A1): every
one gets a one-line error, a non-zero exit and an unchanged project, and outputs appear whole,
with the user's usual permissions, never over the project or over a file without --force."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core import exporting
from alama.core.cli import cli
from alama.core.record_tokens import SharedTokens
from alama.core.store import Store
from tests.conftest import dump

TEXT = "قال الجيش إن حلب آمنة"


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A project with one article and amal's span on it."""
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        doc, _ = store.add_document(TEXT)
        store.add_span(doc, "amal", 4, 9, "ACTOR")
    return path


def run(*args: str | Path) -> tuple[int, str]:
    """``alama ARGS`` as a user runs it: exit status and what it printed."""
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    return result.exit_code, result.output


def refused(project: Path, *args: str | Path, match: str) -> str:
    """Run a command that must fail in one line and leave the project as it was."""
    before = dump(project)
    code, output = run(*args)
    assert code == 1, output
    *before_error, error = output.splitlines()  # (a warning may come first)
    assert error.startswith("Error: ") and output.endswith("\n"), output
    assert not any(line.startswith(("Error", "Traceback")) for line in before_error), output
    assert match in error, output
    assert dump(project) == before
    return output


def jsonl_file(path: Path, line: str) -> Path:
    path.write_text(line + "\n", encoding="utf-8")
    return path


# --- import: what Python's JSON reader, the text cleaner and SQLite refuse ------------------


def test_an_integer_of_thousands_of_digits(made: Path, tmp_path: Path) -> None:
    huge = "1" + "0" * 5000
    record = f'{{"text": "abc def", "spans": [{{"start": {huge}, "end": 3, "label": "ACTOR"}}]}}'
    source = jsonl_file(tmp_path / "c1.jsonl", record)
    refused(made, "import", made, source, match="c1.jsonl:1: malformed JSON: a number with more")
    ann = tmp_path / "brat" / "x.ann"
    ann.parent.mkdir()
    (ann.parent / "x.txt").write_text("abc def", encoding="utf-8")
    ann.write_text(f"T1\tACTOR 1{'0' * 4400} 2\tb\n", encoding="utf-8")
    refused(made, "import", made, ann, match="x.ann:1: an offset of")


def test_json_nested_hundreds_of_levels_deep(made: Path, tmp_path: Path) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    source = jsonl_file(tmp_path / "c2.jsonl", f'{{"text": "abc", "x": {deep}}}')
    refused(made, "import", made, source, match="c2.jsonl:1: malformed JSON: nested too deeply")
    pretty = tmp_path / "c2.json"
    pretty.write_text(f'[\n{{"text": "abc", "x": {deep}}}\n]', encoding="utf-8")
    refused(made, "import", made, pretty, match="malformed JSON: nested too deeply")


@pytest.mark.parametrize(
    ("record", "named"),
    [
        ('{"text": "abc \\ud800 def"}', '"text"'),
        ('{"text": "abc def", "_annotator_id": "am\\udc00al", "spans": []}', '"_annotator_id"'),
        ('{"text": "abc def", "meta": {"doc_id": "x\\ud800"}}', '"meta.doc_id"'),
        ('{"text": "abc def", "spans": [{"start": 0, "end": 3, "label": "A\\udfff"}]}', "label"),
    ],
)
def test_a_lone_surrogate(made: Path, tmp_path: Path, record: str, named: str) -> None:
    source = jsonl_file(tmp_path / "c3.jsonl", record)
    output = refused(made, "import", made, source, match="c3.jsonl:1: ")
    assert named in output and "lone surrogate" in output


def test_a_nul_in_the_text_is_refused_not_cut_off(made: Path, tmp_path: Path) -> None:
    record = {"text": "ab\u0000cdef ghij", "spans": [{"start": 8, "end": 12, "label": "ACTOR"}]}
    source = jsonl_file(tmp_path / "c4.jsonl", json.dumps(record))
    refused(made, "import", made, source, match="c4.jsonl:1: the text holds a NUL character")
    article = tmp_path / "c4.txt"
    article.write_bytes("سطر أول\nسطر\x00 ثان".encode())
    refused(
        made,
        "import",
        made,
        article,
        match="c4.txt: the text holds a NUL character (U+0000) on its line 2",
    )


@pytest.mark.parametrize(
    ("text", "start", "end"), [("ab\r\ncd efgh", 2, 3), ("\ufeffabc def", 0, 1)]
)
def test_a_span_of_what_cleaning_removes_names_its_file_and_line(
    made: Path, tmp_path: Path, text: str, start: int, end: int
) -> None:
    ok = {"text": "abc", "spans": []}
    bad = {"text": text, "spans": [{"start": start, "end": end, "label": "ACTOR"}]}
    source = tmp_path / "c5.jsonl"
    source.write_text(f"{json.dumps(ok)}\n{json.dumps(bad)}\n", encoding="utf-8")
    refused(made, "import", made, source, match=f"c5.jsonl:2: span 1 ({start}–{end}) holds only")
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "x.txt").write_bytes(b"ab\r\ncd")
    (folder / "x.ann").write_text("T1\tACTOR 2 3\t\n", encoding="utf-8")
    refused(made, "import", made, folder, match="x.ann:1: span 2–3 holds only")


def test_a_label_with_a_line_break(made: Path, tmp_path: Path) -> None:
    record = {"text": "abc def", "spans": [{"start": 0, "end": 3, "label": "AC\nTOR"}]}
    source = jsonl_file(tmp_path / "c6.jsonl", json.dumps(record))
    refused(made, "import", made, source, match="c6.jsonl:1: the label 'AC\\nTOR' holds a line")
    refused(made, "import", made, source, "--add-labels", match="c6.jsonl:1: the label")


def test_a_link_out_of_an_import_folder_is_not_followed(made: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("كلمة السر", encoding="utf-8")
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("خبر أول", encoding="utf-8")
    (folder / "b.txt").symlink_to(secret)
    (folder / "sub" / "c.txt").symlink_to(folder / "a.txt")  # inside the folder: fine
    (folder / "outside").symlink_to(tmp_path, target_is_directory=True)
    code, output = run("import", made, folder)
    assert code == 0, output
    assert (
        "skipped 2: link to something outside the folder (not followed) (b.txt, outside)" in output
    )
    with Store.open(made) as store:
        texts = [store.document(d).text for d in store.document_ids()]
    assert "كلمة السر" not in texts and "خبر أول" in texts


@pytest.mark.parametrize("name", ["\uff20gold", "\u200f@gold", "amal\u200b"])
def test_an_annotator_named_like_gold_or_like_another_is_refused(
    made: Path, tmp_path: Path, name: str
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("خبر", encoding="utf-8")
    refused(made, "import", made, article, "--annotator", name, match="cannot be an annotator name")
    record = {"text": "abc def", "_annotator_id": name, "spans": []}
    source = jsonl_file(tmp_path / "f3.jsonl", json.dumps(record))
    refused(made, "import", made, source, match="cannot be an annotator name")


# --- export: where it writes, and what it leaves ------------------------------------------


def test_an_export_never_writes_over_the_project(made: Path) -> None:
    with Store.open(made) as store:  # keep it open: its -wal and -shm exist
        for target in (made, Path(f"{made}-wal"), Path(f"{made}-shm")):
            refused(made, "export", made, "-o", target, "--force", match="is a project file")
        refused(made, "export", made, "-o", made.with_name("other.alama"), match="project file")
        assert store.document_count() == 1
    stray = Path(f"{made}-wal")  # closed: no log now, and one written there would be read back
    refused(made, "export", made, "-o", stray, match="is a project file")
    assert not stray.exists()


def test_an_existing_output_is_replaced_only_with_force(made: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("mine\n", encoding="utf-8")
    refused(made, "export", made, "-o", out, match="out.jsonl already exists; add --force")
    assert out.read_text(encoding="utf-8") == "mine\n"
    code, output = run("export", made, "-o", out, "--force")
    assert code == 0, output
    assert json.loads(out.read_text(encoding="utf-8"))["text"] == TEXT
    split = tmp_path / "split"
    assert run("export", made, "--split", "a=0.5,b=0.5", "-o", split)[0] == 0
    refused(made, "export", made, "--split", "a=0.5,b=0.5", "-o", split, match="already exists")
    assert "--force" in run("export", "--help")[1]


def test_a_brat_folder_is_replaced_only_when_it_holds_an_earlier_export(
    made: Path, tmp_path: Path
) -> None:
    out = tmp_path / "brat"
    assert run("export", made, "--format", "brat", "-o", out)[0] == 0
    refused(made, "export", made, "--format", "brat", "-o", out, match="add --force")
    (out / "amal" / "stale.ann").write_text("", encoding="utf-8")
    assert run("export", made, "--format", "brat", "-o", out, "--force")[0] == 0
    assert not (out / "amal" / "stale.ann").exists()
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "mine.txt").write_text("لي", encoding="utf-8")
    refused(made, "export", made, "--format", "brat", "-o", notes, "--force", match="earlier brat")
    assert (notes / "mine.txt").exists()


def test_outputs_have_the_users_usual_permissions(made: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        assert run("export", made, "-o", tmp_path / "out.jsonl")[0] == 0
        assert run("export", made, "--format", "brat", "-o", tmp_path / "brat")[0] == 0
        assert run("export", made, "--split", "a=0.5,b=0.5", "-o", tmp_path / "s" / "x")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.jsonl").stat().st_mode) == 0o644
    assert stat.S_IMODE((tmp_path / "brat").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "brat" / "amal").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "brat" / "annotation.conf").stat().st_mode) == 0o644
    for part in (tmp_path / "s" / "x").iterdir():
        assert stat.S_IMODE(part.stat().st_mode) == 0o644


@pytest.mark.parametrize(
    "split", ["../../escape=0.5,train=0.5", "/abs/X=0.5,Y=0.5", "a/b=0.5,c=0.5", "..=0.5,c=0.5"]
)
def test_split_names_are_plain_names(
    made: Path, tmp_path: Path, split: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # and back afterwards: later tests run from the repository
    for output in ("sub/out", "sub/out.jsonl"):
        refused(made, "export", made, "--split", split, "-o", output, match="is not a plain name")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.alama"]


def test_an_output_that_is_a_folder_is_refused_in_plain_words(made: Path, tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    output = refused(made, "export", made, "-o", folder, match="folder is a folder; name a file")
    assert ".alama-" not in output and "tmp" not in output.replace(str(tmp_path), "")
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == [
        "folder",
        "p.alama",
    ]


KILL_WHILE_EXPORTING = """
import os, signal, sys
from alama.core import exporting
from alama.core.cli import main
def killed(*args, **kwargs):
    yield "{"
    os.kill(os.getpid(), signal.SIGKILL)
exporting.jsonl_pieces = killed
exporting.brat.ann_lines = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
sys.argv = ["alama", *sys.argv[1:]]
main()
"""


@pytest.mark.parametrize("fmt", ["jsonl", "brat"])
def test_a_killed_export_leaves_nothing_the_next_one_does_not_clear(
    made: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out"
    args = ["export", str(made), "--format", fmt, "-o", str(out)]
    killed = subprocess.run([sys.executable, "-c", KILL_WHILE_EXPORTING, *args], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.")]  # hidden, for now
    code, output = run(*args)
    assert code == 0, output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "p.alama"]


# --- export: memory ------------------------------------------------------------------------


def test_a_long_article_exports_in_memory_proportionate_to_it(tmp_path: Path) -> None:
    """A 200 MB article needed 7.8 GB (a dict per token, the record built as one string);
    the export now takes a few times the article's size."""
    words = [*TEXT.split(), "«حلب»،", "2024", "😀", "\n\n"]
    article = " ".join(words[n % len(words)] for n in range(150_000))  # 1.1 MB of UTF-8
    with Store.create(tmp_path / "big.alama") as store:
        doc, _ = store.add_document(article)
        store.add_span(doc, "amal", 4, 9, "ACTOR")
        tracemalloc.start()
        try:
            exporting.export(store, tmp_path / "big.jsonl")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    size = len(article.encode("utf-8"))
    assert peak < 25 * size, f"{peak / size:.0f} bytes per byte of text"
    (record,) = [json.loads(line) for line in (tmp_path / "big.jsonl").open(encoding="utf-8")]
    assert record["text"] == article
    assert "".join(t["text"] + " " * t["ws"] for t in record["tokens"]) == article


def test_running_out_of_memory_is_one_line(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_memory(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(exporting, "jsonl_pieces", no_memory)
    refused(made, "export", made, "-o", tmp_path / "out.jsonl", match="not enough memory")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.alama"]


def test_the_streamed_record_is_the_record(made: Path) -> None:
    """What the export writes a piece at a time is the JSON of `jsonl_record`."""
    with Store.open(made) as store:
        for layer in exporting.iter_layers(store):
            pieces = "".join(exporting.jsonl_pieces(layer, SharedTokens()))
            assert (
                pieces
                == json.dumps(
                    exporting.jsonl_record(layer), ensure_ascii=False, separators=(", ", ": ")
                )
                + "\n"
            )


# --- import never follows a link out through brat pairing, never reads a project file --------


def test_a_brat_pair_never_reads_a_text_linked_from_outside(made: Path, tmp_path: Path) -> None:
    """``ln -s /private.txt folder/b.txt; : > folder/b.ann``: the .txt is not the folder's own
    file, so the .ann has nothing to pair with (reliability finding C7 through brat)."""
    private = tmp_path / "private.txt"
    private.write_text("سر لا يُستورد", encoding="utf-8")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "b.txt").symlink_to(private)
    (folder / "b.ann").write_text("", encoding="utf-8")
    refused(made, "import", made, folder, match="b.txt is a link to something outside the folder")
    (folder / "a.txt").write_text("خبر عادي عن حلب", encoding="utf-8")
    (folder / "a.ann").write_text("T1\tPLACE 12 15\tحلب\n", encoding="utf-8")
    (folder / "b.ann").unlink()  # the link alone is skipped and said so; its neighbour imports
    code, output = run("import", made, folder)
    assert code == 0, output
    assert "skipped 1: link to something outside the folder (not followed) (b.txt)" in output
    with Store.open(made) as store:
        texts = [store.document(doc).text for doc in store.document_ids()]
    assert "سر لا يُستورد" not in texts and "خبر عادي عن حلب" in texts


def test_no_import_candidate_is_read_before_it_is_known_not_to_be_a_project(
    made: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A link to the open project named like a text or JSON file is refused before the format
    is guessed from its first lines: reading it with open() and closing it would drop the
    project's SQLite locks."""
    from alama.core import conll, import_files

    read: list[str] = []
    for module, name in ((conll, "looks_like_conll"), (import_files, "_first_line_has")):
        original = getattr(module, name)

        def spy(path: Path, *rest: object, _original: object = original) -> bool:
            read.append(Path(path).name)
            return _original(path, *rest)  # type: ignore[operator,no-any-return]

        monkeypatch.setattr(module, name, spy)
    folder = tmp_path  # the project's own folder
    other = tmp_path / "other.alama"
    other.write_bytes(b"")  # another project's name: never read either
    for link, target in (("a.txt", made), ("b.jsonl", made), ("c.txt", other)):
        (folder / link).symlink_to(target)
        for source in (folder, folder / link):
            refused(made, "import", made, source, match=f"{link} is ")
        (folder / link).unlink()
    assert read == []
    (folder / "q.alama").symlink_to(made)  # named as a project in a folder: skipped unread
    (folder / "d.txt").write_text("خبر عادي", encoding="utf-8")
    code, output = run("import", made, folder)
    assert code == 0, output
    assert read == ["d.txt"]


# --- export --force replaces an earlier brat export, nothing else ---------------------------


def test_a_brat_export_with_force_never_removes_what_it_did_not_write(
    made: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes"
    assert run("export", made, "--format", "brat", "-o", notes)[0] == 0
    (notes / "thesis.md").write_text("my thesis", encoding="utf-8")
    (notes / "data").mkdir()
    (notes / "data" / "important.csv").write_text("a,b\n", encoding="utf-8")
    output = refused(
        made, "export", made, "--format", "brat", "-o", notes, "--force",
        match="notes holds data/important.csv, which a brat export does not write",
    )  # fmt: skip
    assert len(output.strip().splitlines()) == 1
    (notes / "data" / "important.csv").unlink()
    (notes / "data").rmdir()
    refused(made, "export", made, "--format", "brat", "-o", notes, "--force", match="thesis.md")
    assert (notes / "thesis.md").read_text(encoding="utf-8") == "my thesis"
    assert (notes / "amal").is_dir()  # the earlier export is still there too
    for foreign in (".hidden", "amal/deeper/more/x.txt", "amal/notes.docx"):
        place = notes / "thesis.md"
        place.unlink(missing_ok=True)
        place = notes / foreign
        place.parent.mkdir(parents=True, exist_ok=True)
        place.write_text("", encoding="utf-8")
        shown = foreign.removesuffix("/x.txt")  # a folder too deep is named itself
        refused(made, "export", made, "--format", "brat", "-o", notes, "--force", match=shown)
        place.unlink()
        if shown != foreign:
            (notes / shown).rmdir()
            (notes / shown).parent.rmdir()
    (notes / "amal" / "stale.ann").write_text("", encoding="utf-8")  # brat's own: replaced
    assert run("export", made, "--format", "brat", "-o", notes, "--force")[0] == 0
    assert not (notes / "amal" / "stale.ann").exists()
    assert {p.suffix for p in notes.rglob("*") if p.is_file()} == {".conf", ".txt", ".ann"}
    split = tmp_path / "split"
    for _ in range(2):  # split folders, each with its conf and annotators: replaced
        code, said = run(
            "export", made, "--format", "brat", "-o", split, "--split", "a=1", "--force"
        )
        assert code == 0, said
