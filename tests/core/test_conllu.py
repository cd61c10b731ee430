"""CoNLL-U: real Universal Dependencies files (Arabic PUD, English EWT) and Arabic
files with entity tags written here line by line."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.cli import cli
from alama.core.conllu import COREF, NOT_IN_TEXT, TEXT_USED, read_conllu
from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.store import Store
from tests.conftest import dump

UD = Path(__file__).resolve().parents[1] / "data" / "external" / "ud"
RLM = "\u200f"


def row(ident: str, form: str, misc: str = "_", xpos: str = "_") -> str:
    """A word line: ID, FORM, six empty columns (XPOS as given), MISC."""
    return f"{ident}\t{form}\t_\t_\t{xpos}\t_\t_\t_\t_\t{misc}"


# An Arabic news file: # newdoc, # text, NE= tags in MISC, a multiword token whose tag is on
# its second word, an empty node, an emoji before SpaceAfter=No, an RLM and tatweel inside
# tokens, a Latin run, a second sentence without # text.
ARABIC = "\n".join([
    "# newdoc id = akhbar-1",
    "# sent_id = 1",
    "# text = وصلَ الوزيرُ محمّدٌ وبدمشقَ 😊.",
    row("1", "وصلَ"),
    row("2", "الوزيرُ", "NE=B-PER"),
    row("3", "محمّدٌ", "NE=I-PER"),
    row("4-5", "وبدمشقَ"),
    row("4", "و"),
    row("5", "بدمشقَ", "NE=B-LOC"),
    row("5.1", "كان"),
    row("6", "😊", "SpaceAfter=No"),
    row("7", "."),
    "",
    "# sent_id = 2",
    row("1", f"{RLM}قالت"),
    row("2", "Reuters", "NE=B-ORG"),
    row("3", "الـــيوم", "SpaceAfter=No|NE=B-TIME"),
    row("4", "!"),
    "",
    "# newdoc id = akhbar-2",
    "# text = غادر   سامي.",
    row("1", "غادر"),
    row("2", "سامي", "SpaceAfter=No|NER=S-PER"),
    row("3", "."),
    "",
])  # fmt: skip


def write(path: Path, content: str) -> Path:
    path.write_text(content, encoding="utf-8", newline="")
    return path


def words(text: str, tokens: list[tuple[int, int]] | None) -> list[str]:
    return [text[start:end] for start, end in tokens or []]


def test_pud_clitics_joined_by_space_after_and_a_repeated_newdoc_continues_it() -> None:
    docs = list(read_conllu(UD / "ar_pud-ud-test-excerpt.conllu", None, Counter()))
    assert [doc.doc_id for doc in docs] == ["n01001", "n01002"]
    assert docs[0].text.count("\n") == 1 and "لأوباما في تدوينة نشرتها" in docs[0].text
    assert words(docs[0].text, docs[0].tokens)[6:8] == ["ل", "أوباما"]


def test_ewt_documents_and_english_space_after() -> None:
    docs = list(read_conllu(UD / "en_ewt-ud-test-excerpt.conllu", None, Counter()))
    assert len(docs) == 2
    assert docs[0].text.split("\n")[0] == "What if Google Morphed Into GoogleOS?"
    tokens = words(docs[1].text, docs[1].tokens)
    assert "Google's" in tokens and "we've" in tokens and "'s" not in tokens


def test_arabic_entities_in_misc_with_emoji_rlm_tatweel_and_latin(tmp_path: Path) -> None:
    path = write(tmp_path / "akhbar.conllu", ARABIC)
    first, second = read_conllu(path, "sara", Counter())
    assert first.text == f"وصلَ الوزيرُ محمّدٌ وبدمشقَ 😊.\n{RLM}قالت Reuters الـــيوم!"
    assert words(first.text, first.tokens) == [
        "وصلَ", "الوزيرُ", "محمّدٌ", "وبدمشقَ", "😊", ".", f"{RLM}قالت", "Reuters", "الـــيوم", "!",
    ]  # fmt: skip
    assert {(label, first.text[s:e]) for s, e, label in first.spans} == {
        ("PER", "الوزيرُ محمّدٌ"), ("LOC", "وبدمشقَ"), ("ORG", "Reuters"), ("TIME", "الـــيوم"),
    }  # fmt: skip
    assert first.annotator == "sara" and first.doc_id == "akhbar-1"
    assert second.text == "غادر   سامي."  # the spacing of # text is kept
    assert [(second.text[s:e], label) for s, e, label in second.spans] == [("سامي", "PER")]


def test_import_keeps_text_spans_and_reports_text_used(project: Store, tmp_path: Path) -> None:
    report = import_paths(project, [write(tmp_path / "akhbar.conllu", ARABIC)], add_labels=True)
    assert report.formats == {"conllu": 1} and report.documents_added == 2
    assert report.notes[TEXT_USED] == 1
    found = {
        (span.label, project.document(info.id).text[span.start : span.end])
        for info in project.documents()
        for span in project.spans(info.id, "imported")
    }
    assert ("PER", "الوزيرُ محمّدٌ") in found and ("PER", "سامي") in found


def test_tags_in_a_chosen_column_and_sentences_as_documents(project: Store, tmp_path: Path) -> None:
    content = "\n".join([
        row("1", "زار", xpos="O"), row("2", "ماكرون", xpos="B-PER"),
        row("3", "بيروت", xpos="B-LOC"), "",
        row("1", "🇱🇧", xpos="_"), row("2", "لبنان", xpos="S-LOC"), "",
    ])  # fmt: skip
    path = write(tmp_path / "tags.conllu", content)
    report = import_paths(project, [path], add_labels=True, conllu_column=5)
    assert report.documents_added == 2  # no # newdoc: each sentence is a document
    texts = sorted(project.document(info.id).text for info in project.documents())
    assert texts == ["زار ماكرون بيروت", "🇱🇧 لبنان"]


def test_a_text_line_that_does_not_hold_the_tokens_gives_way_to_them(tmp_path: Path) -> None:
    content = "\n".join(["# text = قال الرئيس", row("1", "قالت"), row("2", "الرئيسة"), ""])
    notes: Counter[str] = Counter()
    (doc,) = read_conllu(write(tmp_path / "x.conllu", content), None, notes)
    assert doc.text == "قالت الرئيسة" and notes[NOT_IN_TEXT] == 1


def test_corefud_mentions_in_entity_are_not_tags(project: Store, tmp_path: Path) -> None:
    """UD_English-GUM and the CorefUD treebanks keep coreference in MISC as Entity=, in
    brackets that open (``(3-person-new…``), close (``3)``, ``2)1)``) or do both on one word:
    the text is read, the brackets are counted, none is refused as a bad tag."""
    content = "\n".join([
        "# text = زار الوزيرُ سامي دمشقَ",
        row("1", "زار"),
        row("2", "الوزيرُ", "Entity=(1-person-new-cf1-2-coref|MSeg=ال-وزير"),
        row("3", "سامي", "Entity=1)"),
        row("4", "دمشقَ", "Entity=(2-place-giv:act-cf2-1-sgl)"),
        "",
        "# text = وعاد 😊 إليها",
        row("1", "وعاد", "Entity=(3-event-new-cf3-3-coref(4-person-acc-cf1-1-coref)"),
        row("2", "😊"),
        row("3", "إليها", "Entity=(5-place-giv-cf2-1-coref)3)"),
        "",
    ])  # fmt: skip
    notes: Counter[str] = Counter()
    docs = list(read_conllu(write(tmp_path / "gum.conllu", content), None, notes))
    assert [d.text for d in docs] == ["زار الوزيرُ سامي دمشقَ", "وعاد 😊 إليها"]
    assert all(not d.spans for d in docs) and notes[COREF] == 5
    report = import_paths(project, [tmp_path / "gum.conllu"])  # said as left out, not repaired
    assert report.skipped[COREF] == 5 and COREF not in report.notes


def test_conllu_plus_names_its_columns_and_its_ner_column(tmp_path: Path) -> None:
    """CoNLL-U Plus (``# global.columns``): ID, FORM and MISC are found by name, and a column
    named NER (or NS:NE) holds the tags; such a file was refused for having 11 columns."""
    header = "# global.columns = ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC MY:NER"
    lines = [header, "# text = زار محمد حلب 😊"]
    for ident, form, misc, tag in [
        ("1", "زار", "_", "O"),
        ("2", "محمد", "_", "B-PER"),
        ("3", "حلب", "_", "B-LOC"),
        ("4", "😊", "_", "*"),
    ]:
        lines.append(f"{row(ident, form, misc)}\t{tag}")
    lines += ["", "# global.columns = FORM ID", "1\t1", ""]
    notes: Counter[str] = Counter()
    first, second = read_conllu(write(tmp_path / "plus.conllup", "\n".join(lines)), None, notes)
    assert first.text == "زار محمد حلب 😊"
    assert {(lab, first.text[a:b]) for a, b, lab in first.spans} == {
        ("PER", "محمد"),
        ("LOC", "حلب"),
    }
    assert second.text == "1"
    bad = write(tmp_path / "bad.conllup", "# global.columns = LEMMA MISC\n" + row("1", "زار"))
    with pytest.raises(InputError, match=r"bad.conllup:1: '# global.columns' names no ID or FORM"):
        list(read_conllu(bad, None, notes))


@pytest.mark.parametrize(
    ("lines", "match"),
    [
        ([row("1", "قال")[:-2]], "a CoNLL-U word line has 10 tab-separated columns, this one 9"),
        ([row("x", "قال")], "'x' is not a CoNLL-U word ID"),
        ([row("1", "سامي", "NE=PER")], "'PER' is not a BIO, BILOU or BIOES tag"),
    ],
)
def test_a_broken_file_is_refused_in_one_line(tmp_path: Path, lines: list[str], match: str) -> None:
    project = tmp_path / "p.alama"
    runner = CliRunner()
    assert runner.invoke(cli, ["init", str(project)]).exit_code == 0
    before = dump(project)
    bad = write(tmp_path / "bad.conllu", "\n".join(["# text = نص", *lines, ""]))
    result = runner.invoke(cli, ["import", str(project), str(bad), "--add-labels"])
    assert result.exit_code == 1 and len(result.output.splitlines()) == 1, result.output
    assert f"{bad}:2: {match}" in result.output
    assert dump(project) == before


def test_a_column_out_of_range_is_refused_before_anything_is_read(tmp_path: Path) -> None:
    project = tmp_path / "p.alama"
    runner = CliRunner()
    runner.invoke(cli, ["init", str(project)])
    path = write(tmp_path / "a.conllu", ARABIC)
    result = runner.invoke(cli, ["import", str(project), str(path), "--conllu-column", "11"])
    assert result.exit_code == 2 and "--conllu-column" in result.output


def test_the_tokens_of_a_conllu_file_are_the_documents_tokens(
    project: Store, tmp_path: Path
) -> None:
    """A CoNLL export of an imported CoNLL-U file gives back its tokens, a clitic written apart
    as its own token (CoNLL keeps no spacing, so its text is the tokens joined by spaces)."""
    path = UD / "ar_pud-ud-test-excerpt.conllu"
    import_paths(project, [path], annotator="sara")
    docs = list(read_conllu(path, None, Counter()))
    export(project, tmp_path / "out.conll", fmt="conll", annotator="sara")
    lines = (tmp_path / "out.conll").read_text(encoding="utf-8").split("\n")
    exported = [line.rsplit(" ", 1)[0] for line in lines if line and line != "-DOCSTART- O"]
    assert len(docs) == 2 and exported == [w for doc in docs for w in words(doc.text, doc.tokens)]
