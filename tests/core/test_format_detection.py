"""``--format auto``: every format Alama reads is told by its content, and a file of a format it
does not read is refused in one line that names it (not as a bad tag)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.importing import import_paths
from alama.core.store import Store
from tests.conftest import dump

EXTERNAL = Path(__file__).resolve().parents[1] / "data" / "external"
INCEPTION = EXTERNAL / "inception"
UD = EXTERNAL / "ud"


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8", newline="")
    return path


def conllu_line(ident: str, form: str, misc: str = "_") -> str:
    return f"{ident}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}"


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """One file of each format Alama reads, named so that the name alone would mislead."""
    folder = tmp_path / "in"
    folder.mkdir()
    conllu = "\n".join([conllu_line("1", "قال"), conllu_line("2", "سامي", "NE=B-PER"), ""])
    brat = tmp_path / "brat"  # (beside: any .txt in a brat folder is a brat document)
    brat.mkdir()
    write(brat / "a.txt", "زار سامي حلب")
    write(brat / "a.ann", "T1\tPER 4 8\tسامي\n")
    return {
        "webanno": write(folder / "inception.txt", (INCEPTION / "example2.tsv").read_text()),
        "conllu": write(folder / "ud.txt", conllu),
        "conllu.tsv": write(folder / "ud.tsv", conllu),
        "conll": write(folder / "tags.tsv", "قال\tO\nسامي\tB-PER\nأمس\tO\n"),
        "hf": write(folder / "hf.jsonl", json.dumps({"tokens": ["سامي"], "ner_tags": ["B-PER"]})),
        "jsonl": write(folder / "p.jsonl", json.dumps({"text": "سامي", "spans": []})),
        "txt": write(folder / "article.txt", "قال سامي إن حلب آمنة.\n"),
        "brat": brat / "a.ann",
    }


@pytest.mark.parametrize(
    "kind", ["webanno", "conllu", "conllu.tsv", "conll", "hf", "jsonl", "txt", "brat"]
)
def test_each_format_is_told_by_its_content(
    project: Store, files: dict[str, Path], kind: str
) -> None:
    report = import_paths(project, [files[kind]], add_labels=True)
    assert set(report.formats) == {kind.split(".")[0]}
    assert report.documents_added == 1


def test_a_folder_of_every_format_at_once(project: Store, files: dict[str, Path]) -> None:
    report = import_paths(project, [files["txt"].parent], add_labels=True)
    assert dict(report.formats) == {
        "webanno": 1, "conllu": 2, "conll": 1, "hf": 1, "jsonl": 1, "txt": 1,
    }  # fmt: skip


def _binary(path: Path) -> Path:
    path.write_bytes(b"x\x9c\x01\x02")  # zlib, as spaCy's DocBin.to_bytes() starts
    return path


def _zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("exportedproject.json", "{}")
    return path


OTHERS = [
    ("inception.xmi", lambda p: write(p, (INCEPTION / "testSentenceId.xmi").read_text()),
     "UIMA CAS XMI"),
    ("cas.json", lambda p: write(p, '{"%TYPES": {}, "%FEATURE_STRUCTURES": []}'),
     "UIMA CAS JSON"),
    ("project.zip", _zip, "a ZIP archive (an INCEpTION project export"),
    ("old.tsv", lambda p: write(p, (INCEPTION / "tsv2-example.tsv").read_text()),
     "WebAnno TSV 1 or 2"),
    ("onto.conll", lambda p: write(p, "#begin document (nw/a); part 000\nnw/a 0 0 Hi NNP\n"),
     "CoNLL-2012 / OntoNotes"),
    ("annotation.conf", lambda p: write(p, "[entities]\nPER\n"), "a brat configuration file"),
    ("corpus.spacy", _binary, "spaCy's binary DocBin"),
    ("corpus.bin", _binary, "a compressed file (gzip or zlib: spaCy's DocBin?)"),
    ("tei.xml", lambda p: write(p, '<?xml version="1.0"?>\n<TEI xmlns="x"><text/></TEI>\n'),
     "TEI XML"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "make", "match"), OTHERS)
def test_a_format_alama_does_not_read_is_named_in_one_line(
    tmp_path: Path, name: str, make: object, match: str
) -> None:
    project = tmp_path / "p.alama"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(project)]).exit_code == 0
    before = dump(project)
    path = make(tmp_path / name)  # type: ignore[operator]
    result = runner.invoke(cli, ["import", str(project), str(path)])
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
    assert f"{path}: this looks like {match}" in result.output
    assert "; Alama reads WebAnno TSV 3, CoNLL-U" in result.output
    assert dump(project) == before


def test_webanno_tsv_is_not_refused_as_a_bad_tag_any_more(tmp_path: Path) -> None:
    """The issue's report: a WebAnno TSV 3 file gave "'TSV' is not a BIO … tag"."""
    project = tmp_path / "p.alama"
    runner = CliRunner()
    runner.invoke(cli, ["init", str(project)])
    old = write(tmp_path / "old.tsv", "#FORMAT=WebAnno TSV 2\n\n#id=1\n#text=a\n")
    result = runner.invoke(cli, ["import", str(project), str(old)])
    assert result.output == (
        f"Error: {old}:1: WebAnno TSV 2 is not read by Alama; export the documents from "
        "INCEpTION or WebAnno as WebAnno TSV 3.3\n"
    )
    result = runner.invoke(cli, ["import", str(project), str(INCEPTION / "example2.tsv"),
                                 "--add-labels"])  # fmt: skip
    assert result.exit_code == 0 and "(1 webanno)" in result.output


def test_a_folder_skips_what_it_does_not_read(project: Store, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "annotation" / "doc.txt").mkdir(parents=True)
    write(folder / "annotation" / "doc.txt" / "sara.tsv", (INCEPTION / "example2.tsv").read_text())
    write(folder / "doc.xmi", (INCEPTION / "testSentenceId.xmi").read_text())
    report = import_paths(project, [folder], add_labels=True)
    assert report.formats == {"webanno": 1} and sum(report.skipped.values()) > 1
    assert report.skipped["not a file Alama imports"] == 1
    assert project.annotators() == ["sara"]


def test_real_ud_files_are_conllu_by_content(project: Store) -> None:
    report = import_paths(project, sorted(UD.glob("*.conllu")))
    assert report.formats == {"conllu": 2} and report.documents_added == 4


@pytest.mark.parametrize("before", [0, 1, 2, 3, 5])
def test_label_studio_json_min_with_a_text_longer_than_the_look(
    tmp_path: Path, before: int
) -> None:
    """JSON-MIN writes a task's data (its text) before the task's own keys: an article longer
    than the 64 KiB looked at is still told as Label Studio by what follows its text, whatever
    escapes (a backslash, a quote) fall on the edges of what is read."""
    from alama.core.detect import HEAD
    from alama.core.import_files import format_of as _format_of

    piece = 'قال "سامي" 😀 \\ في حلب '
    text = "".join(piece[(i + before) % len(piece)] for i in range(HEAD + 3 * before))
    text += piece * (HEAD // len(piece) + 2)
    row = {"text": text, "id": 1, "label": [], "annotator": "huda@example.org"}
    json_min = write(tmp_path / "min.json", json.dumps([{**row, "annotation_id": 3}]))
    assert _format_of(json_min, "auto") == "labelstudio"
    plain = write(tmp_path / "plain.json", json.dumps([{"text": text, "meta": {"id": 1}}]))
    assert _format_of(plain, "auto") == "jsonl"
    raw = write(
        tmp_path / "raw.json", json.dumps([{**row, "annotation_id": 3}], ensure_ascii=False)
    )
    assert _format_of(raw, "auto") == "labelstudio"


def test_an_unzipped_inception_project_export_skips_its_project_description(
    project: Store, tmp_path: Path
) -> None:
    """An INCEpTION project export holds exportedproject*.json (the project's description,
    ExportedProject in INCEpTION's inception-model-export): a folder import skips it, and
    alone it is named in one line, not refused as JSONL without a "text"."""
    folder = tmp_path / "export"
    (folder / "annotation" / "doc.txt").mkdir(parents=True)
    write(folder / "annotation" / "doc.txt" / "sara.tsv", (INCEPTION / "example2.tsv").read_text())
    description = {"name": "أخبار", "slug": "akhbar", "description": "", "mode": "annotation",
                   "version": 1, "source_documents": [{"name": "doc.txt", "format": "text"}],
                   "annotation_documents": [{"name": "doc.txt", "user": "sara"}]}  # fmt: skip
    about = write(folder / "exportedproject7.json", json.dumps(description, ensure_ascii=False))
    report = import_paths(project, [folder], add_labels=True)
    assert report.formats == {"webanno": 1} and report.skipped["not a file Alama imports"] == 1
    before = dump(project.path)
    with pytest.raises(InputError, match=r"this looks like INCEpTION's project description"):
        import_paths(project, [about])
    assert dump(project.path) == before
