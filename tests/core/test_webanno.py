"""INCEpTION / WebAnno TSV 3.3: INCEpTION's own test files, an Arabic file written as INCEpTION
writes one (emoji, diacritics, tatweel, RLM, a Latin run, stacked and multi-token spans), the
export read back, and the refusals."""

from __future__ import annotations

import itertools
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core.cli import cli
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store
from alama.core.webanno import read_webanno
from alama.core.webanno_writer import LEADING, webanno_document
from tests.conftest import dump
from tests.core.strategies import stored_text

INCEPTION = Path(__file__).resolve().parents[1] / "data" / "external" / "inception"
NE = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
RLM = "\u200f"
# As INCEpTION writes it: offsets in UTF-16 units (😊 is two, 🇸🇾 four), a custom layer before
# the named entities, a multi-token PER[1] stacked with TITLE[2], ORG on a sub-token after
# an RLM and tatweel, LOC[3] over a word and a flag, an entity without a value.
ARABIC = (
    "#FORMAT=WebAnno TSV 3.3\n"
    "#T_SP=webanno.custom.Claim|text\n"
    f"#T_SP={NE}|identifier|value\n"
    "\n\n"
    f"#Text=قالَ محمّدٌ العلي 😊 {RLM}لـــReuters:\n"
    "1-1\t0-4\tقالَ\tنعم\t_\t_\t\n"
    "1-2\t5-11\tمحمّدٌ\t_\t*[1]|*[2]\tPER[1]|TITLE[2]\t\n"
    "1-3\t12-17\tالعلي\t_\t*[1]\tPER[1]\t\n"
    "1-4\t18-20\t😊\t_\t_\t_\t\n"
    f"1-5\t21-33\t{RLM}لـــReuters\t_\t_\t_\t\n"
    "1-5.1\t26-33\tReuters\t_\t*\tORG\t\n"
    "1-6\t33-34\t:\t_\t_\t_\t\n"
    "\n"
    "#Text=وصلَ إلى دمشقَ 🇸🇾 اليوم.\n"
    "2-1\t35-39\tوصلَ\t_\t_\t_\t\n"
    "2-2\t40-43\tإلى\t_\t_\t_\t\n"
    "2-3\t44-49\tدمشقَ\t_\t*[3]\tLOC[3]\t\n"
    "2-4\t50-54\t🇸🇾\t_\t*[3]\tLOC[3]\t\n"
    "2-5\t55-60\tاليوم\t_\t*\t*\t\n"
    "2-6\t60-61\t.\t_\t_\t_\t\n"
)
TEXT = f"قالَ محمّدٌ العلي 😊 {RLM}لـــReuters:\nوصلَ إلى دمشقَ 🇸🇾 اليوم."
WORDS = ["قالَ", "محمّدٌ", "العلي", "😊", f"{RLM}لـــReuters", ":", "وصلَ", "إلى", "دمشقَ", "🇸🇾",
         "اليوم", "."]  # fmt: skip
SPANS = {("PER", "محمّدٌ العلي"), ("TITLE", "محمّدٌ"), ("ORG", "Reuters"), ("LOC", "دمشقَ 🇸🇾")}


def write(path: Path, content: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8", newline="")
    return path


def covered(text: str, spans: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(label, text[start:end]) for start, end, label in spans}


def run(*args: object) -> tuple[int, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    return result.exit_code, result.output


# --- INCEpTION's own files --------------------------------------------------------------------


def _utf16(text: str) -> list[int]:
    """UTF-16 offset of each code-point offset (and of the end)."""
    offsets = [0]
    for ch in text:
        offsets.append(offsets[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return offsets


@pytest.mark.parametrize("name", sorted(p.stem for p in INCEPTION.glob("*.xmi")))
def test_inception_suite_files_give_the_offsets_and_values_of_their_cas(name: str) -> None:
    """INCEpTION wrote each NAME.tsv from NAME.xmi: the text read back is as long as the CAS's
    (sentence gaps become line breaks, as in INCEpTION's reader) and every span of the CAS with a
    value and a character is read, at the same UTF-16 offsets."""
    record = read_webanno(INCEPTION / f"{name}.tsv", None, Counter())
    root = ET.parse(INCEPTION / f"{name}.xmi").getroot()
    sofa = next(e.get("sofaString") for e in root if e.tag.endswith("Sofa"))
    assert sofa is not None
    expected = {
        (int(e.get("begin", 0)), int(e.get("end", 0)), e.get("value"))
        for e in root
        if e.tag.endswith(("}Span", "}NamedEntity")) and e.get("value") is not None
        and int(e.get("begin", 0)) < int(e.get("end", 0))
    }  # fmt: skip
    units = _utf16(record.text)
    assert units[-1] == len(sofa.encode("utf-16-le")) // 2
    assert {(units[s], units[e], label) for s, e, label in record.spans} == expected
    assert record.tokens is not None
    assert all(record.text[s:e] and not record.text[s:e].isspace() for s, e in record.tokens)


def test_inception_example_imports_its_entities_and_reports_what_it_leaves(
    project: Store,
) -> None:
    report = import_paths(project, [INCEPTION / "example2.tsv"], add_labels=True)
    (info,) = project.documents()
    doc = project.document(info.id)
    found = {(s.label, doc.text[s.start : s.end]) for s in project.spans(doc.id, "imported")}
    assert {("PER", "Ms. Haag"), ("ORG", "Rolls-Royce Motor"), ("LOC", "U.S.")} <= found
    assert doc.text.startswith("Ms. Haag plays Elianti .\nRolls-Royce Motor Cars Inc. said")
    assert report.formats == {"webanno": 1}
    assert (
        report.skipped[
            "relation in a format whose relations Alama does not read (its spans are imported)"
        ]
        == 86
    )
    assert "another span layer (POS; Alama reads one: NamedEntity value)" in report.summary()


def test_inception_quirks_emoji_line_break_no_gap_escapes_and_chains() -> None:
    emoji = read_webanno(INCEPTION / "testSentenceWithEmoji.tsv", None, Counter())
    assert emoji.text == "I like it 😊 ." and (10, 11) in (emoji.tokens or [])
    assert read_webanno(INCEPTION / "testSentenceWithLineBreak.tsv", None, Counter()).text == (
        "This is\na test ."
    )
    adjacent = INCEPTION / "testTwoSentencesWithNoSpaceInBetween.tsv"
    assert read_webanno(adjacent, None, Counter()).text == "onetwo"
    symbols = INCEPTION / "testTokenBoundedSpanWithSpecialSymbolsValue.tsv"
    nasty = read_webanno(symbols, None, Counter())
    assert {label for _, _, label in nasty.spans} == {"#*'\"`´\t:;{}|[ ]()\\§$%?=&_\n"}
    alike = read_webanno(INCEPTION / "testTokenBoundedStackedLookAlike.tsv", None, Counter())
    assert [label for _, _, label in alike.spans] == [f"NOTSTACKED[{n}]" for n in range(5)]
    skipped: Counter[str] = Counter()
    chain = read_webanno(INCEPTION / "testSimpleChain.tsv", None, skipped)
    assert chain.spans == [] and sum(skipped.values()) == 3


# --- an Arabic file, as INCEpTION writes one -------------------------------------------------


def test_arabic_file_with_emoji_is_read_in_code_points(tmp_path: Path) -> None:
    skipped: Counter[str] = Counter()
    record = read_webanno(write(tmp_path / "arabic.tsv", ARABIC), "sara", skipped)
    assert record.text == TEXT
    assert [TEXT[s:e] for s, e in record.tokens or []] == WORDS
    assert covered(record.text, record.spans) == SPANS
    assert record.annotator == "sara" and record.doc_id == "arabic"
    assert sorted(skipped.values()) == [1, 1]  # the Claim, and the entity without a value


def test_inception_export_layout_names_annotator_and_document(
    project: Store, tmp_path: Path
) -> None:
    export_root = tmp_path / "inception"
    write(export_root / "annotation" / "news.txt" / "sara.tsv", ARABIC)
    write(export_root / "annotation" / "news.txt" / "INITIAL_CAS.tsv", ARABIC)
    write(export_root / "curation" / "news.txt" / "CURATION_USER.tsv", ARABIC)
    report = import_paths(project, [export_root], add_labels=True)
    assert report.documents_added == 1 and report.documents_known == 0  # three layers of one
    (info,) = project.documents()
    doc = project.document(info.id)
    assert doc.doc_id == "news.txt" and doc.text == TEXT
    assert project.annotators() == ["sara"]
    assert {(s.label, doc.text[s.start : s.end]) for s in project.spans(doc.id, "sara")} == SPANS
    assert GOLD_ANNOTATOR not in project.annotators()


def test_an_unzipped_inception_export_reads_each_document_once(
    project: Store, tmp_path: Path
) -> None:
    """INCEpTION's export keeps each document as uploaded (source/NAME) beside its annotations
    (annotation/NAME/USER.tsv): the source copy, with other white space, is not a second
    document; a source nobody annotated is still read."""
    export_root = tmp_path / "inception"
    write(export_root / "annotation" / "news.txt" / "sara.tsv", ARABIC)
    write(export_root / "source" / "news.txt", TEXT.replace(" ", "  ", 1) + "\n")
    write(export_root / "source" / "other.txt", "خبر لم يوسمه أحد بعد")
    report = import_paths(project, [export_root], add_labels=True)
    assert report.documents_added == 2
    assert sorted(project.document(i.id).doc_id for i in project.documents()) == [
        "news.txt",
        "other",
    ]
    assert "skipped 1: INCEpTION's copy of an annotated document's source" in report.summary()


POS = "de.tudarmstadt.ukp.dkpro.core.api.lexmorph.type.pos.POS"
LEMMA = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Lemma"
# A document INCEpTION imported from CoNLL-U (POS and lemmas on every token) that the team
# annotated in a custom layer; the named-entity layer holds one entity without a value.
TAGGED = (
    "#FORMAT=WebAnno TSV 3.3\n"
    f"#T_SP={POS}|PosValue|coarseValue\n"
    f"#T_SP={LEMMA}|value\n"
    f"#T_SP={NE}|identifier|value\n"
    "#T_SP=webanno.custom.ArabicEntity|kind\n"
    "\n\n"
    "#Text=زار محمّد دمشقَ 🇸🇾\n"
    "1-1\t0-3\tزار\tVERB\tVERB\tزار\t_\t_\t_\t\n"
    "1-2\t4-9\tمحمّد\tPROPN\tPROPN\tمحمد\t*\t*\tACTOR\t\n"
    "1-3\t10-15\tدمشقَ\tPROPN\tPROPN\tدمشق\t_\t_\tPLACE[1]\t\n"
    "1-4\t16-20\t🇸🇾\tSYM\tSYM\t🇸🇾\t_\t_\tPLACE[1]\t\n"
)


def test_a_custom_layer_is_read_before_pos_and_lemmas(tmp_path: Path) -> None:
    """INCEpTION writes every layer with annotations: a document imported from a tagged format
    carries POS and lemmas on every token beside the team's own layer, which is the one read."""
    skipped: Counter[str] = Counter()
    record = read_webanno(write(tmp_path / "tagged.tsv", TAGGED), "sara", skipped)
    assert covered(record.text, record.spans) == {("ACTOR", "محمّد"), ("PLACE", "دمشقَ 🇸🇾")}
    assert skipped["WebAnno TSV annotation of another span layer (POS; Alama reads one: "
                   "ArabicEntity kind)"] == 4  # fmt: skip
    only_pos = TAGGED.replace("#T_SP=webanno.custom.ArabicEntity|kind\n", "").replace(
        "\t_\t\n", "\t\n"
    )
    for line in ("ACTOR", "PLACE[1]"):
        only_pos = only_pos.replace(f"\t{line}\t\n", "\t\n")
    tags = read_webanno(write(tmp_path / "pos.tsv", only_pos), "sara", Counter())
    assert {label for _, _, label in tags.spans} == {"VERB", "PROPN", "SYM"}


# --- export, and back ---------------------------------------------------------------------------


def test_export_reads_back_the_same_text_tokens_and_spans(project: Store, tmp_path: Path) -> None:
    import_paths(project, [write(tmp_path / "in" / "arabic.tsv", ARABIC)], annotator="sara",
                 add_labels=True)  # fmt: skip
    export(project, tmp_path / "out", fmt="webanno")
    written = tmp_path / "out" / "annotation" / "arabic" / "sara.tsv"
    content = written.read_text(encoding="utf-8")
    assert content.startswith(f"#FORMAT=WebAnno TSV 3.3\n#T_SP={NE}|identifier|value\n\n\n#Text=")
    assert "\t44-49\tدمشقَ\t*[" in content and "\t26-33\tReuters\t*\tORG\t\n" in content
    again = read_webanno(written, None, Counter())
    assert again.text == TEXT and again.annotator == "sara"
    assert [TEXT[s:e] for s, e in again.tokens or []] == WORDS
    assert covered(again.text, again.spans) == SPANS
    before = len(project.documents())
    report = import_paths(project, [tmp_path / "out"])
    assert report.documents_added == 0 and len(project.documents()) == before


def test_annotators_whose_file_names_would_clash_get_a_file_each(
    project: Store, tmp_path: Path
) -> None:
    """``mona/x`` and ``mona_x`` make the same file name, ``Mona`` and ``mona`` the same on a
    case-blind disk (Windows, macOS), and an annotator named CURATION_USER would come back as
    the gold layer: each layer gets its own file, and every span comes back."""
    text = "زار محمد حلب 😊"
    spans = {"mona/x": [(4, 8, "ACTOR")], "mona_x": [(9, 12, "PLACE")], "Mona": [],
             "mona": [(9, 12, "ACTOR")], "CURATION_USER": [(4, 12, "CLAIM")]}  # fmt: skip
    records = [
        {"text": text, "meta": {"doc_id": "d1"}, "_annotator_id": name,
         "spans": [{"start": s, "end": e, "label": label} for s, e, label in found]}
        for name, found in spans.items()
    ]  # fmt: skip
    source = write(tmp_path / "in.jsonl", "".join(json.dumps(r) + "\n" for r in records))
    import_paths(project, [source])
    export(project, tmp_path / "out", fmt="webanno")
    files = sorted(p.name.lower() for p in (tmp_path / "out" / "annotation" / "d1").iterdir())
    assert len(files) == len(set(files)) == 5
    again = Store.create(tmp_path / "again.alama")
    import_paths(again, [tmp_path / "out"])
    (info,) = again.documents()
    back = sorted(
        (s.start, s.end, s.label) for name in again.annotators() for s in again.spans(info.id, name)
    )
    assert back == sorted(span for found in spans.values() for span in found)
    assert GOLD_ANNOTATOR not in again.annotators()
    again.close()


def test_one_layer_is_written_flat_and_a_second_export_needs_force(
    project: Store, tmp_path: Path
) -> None:
    import_paths(project, [write(tmp_path / "arabic.tsv", ARABIC)], annotator="sara",
                 add_labels=True)  # fmt: skip
    export(project, tmp_path / "out", fmt="webanno", annotator="sara")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["arabic.tsv"]
    code, output = run("export", project.path, "--format", "webanno", "-o", tmp_path / "out")
    assert code == 1 and "--force" in output.splitlines()[-1]
    code, output = run("export", project.path, "--format", "webanno", "-o", tmp_path / "out",
                       "--force")  # fmt: skip
    assert code == 0, output
    (tmp_path / "out" / "notes.md").write_text("mine")
    code, output = run("export", project.path, "--format", "webanno", "-o", tmp_path / "out",
                       "--force")  # fmt: skip
    assert code == 1 and "notes.md" in output.splitlines()[-1]
    assert (tmp_path / "out" / "notes.md").read_text() == "mine"


@pytest.mark.parametrize(
    "name",
    [
        "testCrossSentenceSpanWithFeatureValue",
        "testTokenBoundedStackedLookAlike",
        "testTokenBoundedSpanWithSpecialSymbolsValue",
    ],
)
def test_the_writer_writes_what_inceptions_own_writer_wrote(name: str) -> None:
    """From the CAS INCEpTION wrote NAME.tsv from (ASCII: its offsets are code points), Alama
    writes the same lines, but for its layer (the named entities, with their empty
    ``identifier`` column) where the test had a custom one."""
    root = ET.parse(INCEPTION / f"{name}.xmi").getroot()
    text = next(e.get("sofaString") for e in root if e.tag.endswith("Sofa")) or ""
    tokens = [(int(e.get("begin", 0)), int(e.get("end", 0))) for e in root
              if e.tag.endswith("}Token")]  # fmt: skip
    spans = [(int(e.get("begin", 0)), int(e.get("end", 0)), e.get("value") or "") for e in root
             if e.tag.endswith(("}Span", "}NamedEntity"))]  # fmt: skip
    ours = webanno_document(text, tokens, spans, Counter()).split("\n")
    theirs = (INCEPTION / f"{name}.tsv").read_text(encoding="utf-8").split("\n")
    assert ours[1] == f"#T_SP={NE}|identifier|value" and theirs[1].startswith("#T_SP=")
    cells = [line.split("\t") for line in ours[2:]]
    assert all(len(c) < 4 or c[3] == "_" or c[3].startswith("*") for c in cells)  # identifier
    rows = ["\t".join(c[:3] + c[4:]) if len(c) > 4 else "\t".join(c) for c in cells]
    assert [ours[0], *rows] == [theirs[0], *theirs[2:]]


LABELS = st.sampled_from(["PER", "LOC", "a|b", "x[1]", "_", "*", "\\", "->", "ما;هو", "ع ع"])


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Any stored text, its words cut anywhere into tokens, spans from inside one token to
    inside another."""
    text = draw(stored_text.filter(lambda t: bool(t.split())))
    tokens: list[tuple[int, int]] = []
    for match in re.finditer(r"\S+", text):
        inside = st.integers(match.start() + 1, match.end() - 1)
        cuts = draw(st.lists(inside, max_size=2)) if match.end() - match.start() > 1 else []
        edges = sorted({match.start(), *cuts, match.end()})
        tokens.extend(itertools.pairwise(edges))
    spans = []
    for _ in range(draw(st.integers(0, 4))):
        first, last = sorted(draw(st.lists(st.integers(0, len(tokens) - 1), min_size=2,
                                           max_size=2)))  # fmt: skip
        start = draw(st.integers(tokens[first][0], tokens[first][1] - 1))
        end = draw(st.integers(max(start + 1, tokens[last][0] + 1), tokens[last][1]))
        spans.append((start, end, draw(LABELS)))
    return text, tokens, spans


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(documents())
def test_any_text_tokens_and_spans_come_back_from_the_writer(
    tmp_path: Path, document: tuple[str, list[tuple[int, int]], list[tuple[int, int, str]]]
) -> None:
    text, tokens, spans = document
    left_out: Counter[str] = Counter()
    path = write(tmp_path / "doc.tsv", webanno_document(text, tokens, spans, left_out))
    record = read_webanno(path, None, Counter())
    head = tokens[0][0]
    if left_out[LEADING]:  # what comes before the first word is written as spaces
        assert record.text == " " * (len(text[:head].encode("utf-16-le")) // 2) + text[head:]
    else:
        assert record.text == text
    assert record.tokens == tokens
    assert sorted(record.spans) == sorted(set(spans))


# --- refusals: one line, the project unchanged ------------------------------------------------


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (ARABIC.replace("2-3\t44-49", "2-3\t43-48"), "WebAnno TSV counts offsets in UTF-16 units"),
        (ARABIC.replace("1-4\t18-20", "1-4\t18-19"), "not the sentence's text at 18-19"),
        (ARABIC.replace("2-6\t60-61\t.\t_\t_\t_\t", "2-6\t60-61\t.\t_"), "where the header's"),
        (ARABIC.replace("3.3", "2", 1), "WebAnno TSV 2 is not read by Alama"),
        (ARABIC.replace("2-2\t40-43", "2-2\t4O-43"), "not a WebAnno TSV token line"),
        (ARABIC.replace("1-1\t0-4", "1-1\t0-44"), "outside the sentence's text"),
    ],
)
def test_a_broken_file_is_refused_in_one_line(tmp_path: Path, content: str, match: str) -> None:
    project = tmp_path / "p.alama"
    assert run("init", project)[0] == 0
    before = dump(project)
    bad = write(tmp_path / "bad.tsv", content)
    code, output = run("import", project, bad, "--add-labels")
    assert code == 1 and len(output.splitlines()) == 1, output
    assert f"{bad}:" in output and match in output
    assert dump(project) == before


def test_webanno_tsv_2_is_named_even_when_asked_for_as_webanno(tmp_path: Path) -> None:
    project = tmp_path / "p.alama"
    assert run("init", project)[0] == 0
    before = dump(project)
    header = " # de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity | value\n"
    old = write(tmp_path / "old.tsv", header + (INCEPTION / "tsv2-example.tsv").read_text())
    for path in (INCEPTION / "tsv2-example.tsv", old):
        code, output = run("import", project, path, "--format", "webanno")
        assert code == 1 and output == (
            f"Error: {path}:1: WebAnno TSV 1 or 2 (no #FORMAT line) is not read by Alama; "
            "export the documents from INCEpTION or WebAnno as WebAnno TSV 3.3\n"
        )
        code, output = run("import", project, path)
        assert code == 1 and "this looks like WebAnno TSV 1 or 2" in output
    assert dump(project) == before
