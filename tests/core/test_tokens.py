"""A document keeps the tokenization it came with (issue 17, part 1): stored at import, read by
snapping, export (CoNLL, Hugging Face, JSONL), agreement and merge; plain text keeps
camel-tools' tokens; projects made before tokens were stored read camel-tools' as before."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core import agreement, merging
from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.model import Status
from alama.core.store import Store
from alama.core.text import TextIndex, tokenize
from tests.conftest import EXTERNAL, dump

LRM, RLM = "\u200e", "\u200f"
# Tokens camel-tools splits otherwise (ANERcorp, and another public Arabic NER corpus).
SENTENCE = [
    ("قال", "O"),
    ("سامي", "B-PERS"),
    ("إن", "O"),
    ("لأفغانستان؛", "B-LOC"),
    ("–وقد", "O"),
    ("بلغت", "O"),
    ("157×97م", "O"),
    (f"{LRM}حلب", "B-LOC"),
    (f"عمّان{RLM}", "I-LOC"),
    ("«UN»", "B-ORG"),
    ("2024.", "O"),
]


def write_conll(path: Path, sentences: list[list[tuple[str, str]]]) -> Path:
    path.write_text(
        "\n\n".join("\n".join(f"{token} {tag}" for token, tag in s) for s in sentences) + "\n",
        encoding="utf-8",
    )
    return path


def conll_tokens(path: Path) -> list[list[str]]:
    """The sentences of a CoNLL file as token lists (``-DOCSTART-`` lines left out)."""
    sentences: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").split("\n"):
        fields = line.split()
        if not fields:
            if sentences[-1]:
                sentences.append([])
        elif fields[0] != "-DOCSTART-":
            sentences[-1].append(fields[0])
    return [s for s in sentences if s]


def hf_tokens(path: Path) -> list[list[str]]:
    return [json.loads(line)["tokens"] for line in path.read_text(encoding="utf-8").splitlines()]


def jsonl_tokens(path: Path) -> list[list[str]]:
    """The words of each JSONL record's tokens (white-space tokens left out)."""
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    for record in records:  # spaCy's Doc(words, spaces) gives the text back
        joined = "".join(t["text"] + " " * t["ws"] for t in record["tokens"])
        assert joined == record["text"]
    return [[t["text"] for t in record["tokens"] if not t["text"].isspace()] for record in records]


def test_conll_and_hf_export_give_back_the_tokens_of_an_imported_conll_file(
    project: Store, tmp_path: Path
) -> None:
    source = write_conll(tmp_path / "in.conll", [SENTENCE, SENTENCE[:4]])
    report = import_paths(project, [source], annotator="amal", add_labels=True)
    assert report.documents_added == 2
    doc = project.documents()[0].id
    text = project.document(doc).text
    stored = project.tokens_of([doc])[doc]
    assert tokenize(text) != list(zip(*(b.tolist() for b in stored), strict=True))  # camel-tools
    assert project.tokenizer(doc) == "imported"
    for fmt in ("conll", "hf"):
        out = tmp_path / f"out.{fmt}"
        export(project, out, fmt=fmt)
        read = conll_tokens(out) if fmt == "conll" else hf_tokens(out)
        assert read == [[t for t, _ in SENTENCE], [t for t, _ in SENTENCE[:4]]]
        again = import_paths(project, [out], fmt=fmt, annotator="amal")
        assert again.documents_added == 0 and again.documents_known == 2
    assert project.document_count() == 2
    # the tags come back as they were: the same spans, none widened
    tagged = tmp_path / "again.conll"
    assert export(project, tagged, fmt="conll").widened == 0
    assert tagged.read_text(encoding="utf-8").count("B-LOC") == 3


def test_a_jsonl_export_carries_the_documents_own_tokens(project: Store, tmp_path: Path) -> None:
    """Every span starts and ends on a token (spaCy's rule): a span leaves the direction marks
    of its tokens out (SPEC 4), so only there is a token cut in two."""
    plain = [(token, "O" if LRM in token or RLM in token else tag) for token, tag in SENTENCE]
    plain.append(("أمس", "O"))
    source = write_conll(tmp_path / "in.conll", [plain, SENTENCE])
    import_paths(project, [source], annotator="amal", add_labels=True)
    out = tmp_path / "out.jsonl"
    export(project, out)
    tokens = [t for t, _ in SENTENCE]
    assert jsonl_tokens(out) == [
        [*tokens, "أمس"],
        [*tokens[:7], LRM, "حلب", "عمّان", RLM, *tokens[9:]],
    ]
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    words = [t["text"] for t in record["tokens"]]
    for span in record["spans"]:  # token indices point at the document's own tokens
        first, last = span["token_start"], span["token_end"]
        assert record["text"][span["start"] : span["end"]].startswith(words[first])
        assert record["text"][span["start"] : span["end"]].endswith(words[last])
    # and a new project reading that export keeps them
    with Store.create(tmp_path / "other.alama") as other:
        import_paths(other, [out], add_labels=True)
        doc = other.documents()[0].id
        text = other.document(doc).text
        bounds = other.document_tokens(doc)
        assert bounds is not None and other.tokenizer(doc) == "imported"
        assert [text[s:e] for s, e in zip(*bounds, strict=True)] == [t for t, _ in plain]


def test_plain_text_keeps_camel_tools_tokens(project: Store, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("قال سامي: «لأفغانستان؛» 157×97م", encoding="utf-8")
    import_paths(project, [article])
    doc = project.documents()[0].id
    bounds = project.document_tokens(doc)
    assert bounds is not None
    text = project.document(doc).text
    assert list(zip(*(b.tolist() for b in bounds), strict=True)) == tokenize(text)
    assert (project.tokenizer(doc) or "").startswith("camel-tools ")


def test_jsonl_tokens_that_do_not_match_the_text_are_refused_in_one_line(
    project: Store, tmp_path: Path
) -> None:
    good = {"text": "قال سامي", "tokens": [
        {"text": "قال", "start": 0, "end": 3, "id": 0, "ws": True},
        {"text": "سامي", "start": 4, "end": 8, "id": 1, "ws": False}]}  # fmt: skip
    path = tmp_path / "t.jsonl"
    first = good["tokens"][0]
    cases = {
        "says 'سام' but the text at 4–8 is 'سامي'": [first, {"text": "سام", "start": 4, "end": 8}],
        "token 2 (2–8) is empty, outside the text (length 8) or overlaps": [
            first,
            {"start": 2, "end": 8},
        ],
        'token 1 has no integer "start" and "end"': [{"text": "قال"}],
        "token 3 'أمس' is not the next word of the text (at 8: '')": ["قال", "سامي", "أمس"],
        "the tokens leave out 'ي' at 7–8": ["قال", "سام"],
        '"tokens" must be a list': "قال سامي",
    }
    before = dump(project.path)
    for message, tokens in cases.items():
        path.write_text(json.dumps({**good, "tokens": tokens}, ensure_ascii=False), "utf-8")
        with pytest.raises(InputError, match=re.escape(message)) as raised:
            import_paths(project, [path])
        assert "\n" not in str(raised.value) and str(raised.value).startswith(f"{path}:1: ")
    assert dump(project.path) == before
    path.write_text(json.dumps({**good, "tokens": ["قال", "سامي"]}, ensure_ascii=False), "utf-8")
    import_paths(project, [path])
    doc = project.documents()[0].id
    assert project.tokens_of([doc])[doc][0].tolist() == [0, 4]


def test_snapping_grows_to_the_documents_own_tokens(project: Store, tmp_path: Path) -> None:
    import_paths(project, [write_conll(tmp_path / "in.conll", [SENTENCE])], add_labels=True)
    doc = project.documents()[0].id
    text = project.document(doc).text
    at = text.index("157")
    stored = TextIndex(text, project.document_tokens(doc))
    assert stored.snap(at, at + 2) == (at, at + len("157×97م"))
    assert TextIndex(text).snap(at, at + 2) == (at, at + 3)  # camel-tools: 157 × 97م


def test_agreement_on_token_layers_uses_the_stored_tokens(project: Store, tmp_path: Path) -> None:
    """amal marks 157, bilal 97م: one token of the document, three tokens of camel-tools."""
    sentence = [("قال", "O"), ("157×97م", "O"), ("كم", "O"), ("أمس", "O"), ("هنا", "O")]
    import_paths(project, [write_conll(tmp_path / "in.conll", [sentence])], add_labels=True)
    doc = project.documents()[0].id
    text = project.document(doc).text
    at = text.index("157")
    project.add_span(doc, "amal", at, at + 3, "CLAIM")
    project.add_span(doc, "bilal", at + 4, at + 7, "CLAIM")
    for name in ("amal", "bilal"):
        project.set_status(doc, name, Status.DONE)
    figures = agreement.agreement(project, ["amal", "bilal"], ["CLAIM"])
    assert figures["labels"]["CLAIM"]["cohen_kappa"] == 1.0
    assert figures["labels"]["CLAIM"]["f1_exact"] == 0.0  # the spans themselves differ


def make_old_project(path: Path, texts: list[str]) -> None:
    """A project as Alama made it before tokens were stored: no tokens table, no step."""
    with Store.create(path) as store:
        for text in texts:
            doc, _ = store.add_document(text)
            store.add_spans(doc, "amal", [(0, 3, "ACTOR")])
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE tokens")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0005_tokens'")
    conn.commit()
    conn.close()


def test_an_older_project_opens_upgrades_and_exports_camel_tools_tokens(tmp_path: Path) -> None:
    path = tmp_path / "old.alama"
    texts = ["قال سامي: «لأفغانستان؛» 157×97م", "زار الوفد حلب"]
    make_old_project(path, texts)
    with Store.read_only(path) as source:  # read from an upgraded copy, the file untouched
        assert source.document_tokens(source.documents()[0].id) is None
    with Store.open(path) as store:
        docs = [info.id for info in store.documents()]
        assert store.tokens_of(docs) == {}  # nothing computed when opened
        out = tmp_path / "old.conll"
        export(store, out, fmt="conll")
        assert conll_tokens(out) == [[text[s:e] for s, e in tokenize(text)] for text in texts]
        hf = tmp_path / "old.hf"
        export(store, hf, fmt="hf")
        assert hf_tokens(hf) == conll_tokens(out)
        jsonl = tmp_path / "old.jsonl"
        export(store, jsonl)
        assert jsonl_tokens(jsonl) == conll_tokens(out)
        assert TextIndex(texts[0], store.document_tokens(docs[0])).tokens == tokenize(texts[0])
        added, _ = store.add_document("خبر جديد عن عمّان")  # a new document gets its tokens
        assert store.tokenizer(added) is not None
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM _sqlite_migrations WHERE name = '0005_tokens'")
    conn.close()


def test_a_merge_keeps_the_tokens(tmp_path: Path) -> None:
    copy = tmp_path / "copy.alama"
    with Store.create(copy) as store:
        import_paths(store, [write_conll(tmp_path / "in.conll", [SENTENCE])], add_labels=True)
        doc = store.documents()[0].id
        want = [b.tolist() for b in store.tokens_of([doc])[doc]]
    old = tmp_path / "old.alama"  # a project of the same text made before tokens were stored
    make_old_project(old, [" ".join(t for t, _ in SENTENCE)])
    for target in (tmp_path / "new.alama", old):
        merging.merge(target, [copy], all_layers=True)
        with Store.open(target) as merged:
            doc = merged.documents()[0].id
            assert [b.tolist() for b in merged.tokens_of([doc])[doc]] == want
            assert merged.tokenizer(doc) == "imported"


WORD_PIECES = [
    *"قالسميحلبعمانلأفغستن",
    "\u064e",  # fatha
    "\u0651",  # shadda
    "\u0640",  # tatweel
    *"«»،؛.-–×!?:()\"'",
    *"AbcXyz",
    *"0123456789٠١٢٣",
    LRM,
    RLM,
    "\u061c",  # ALM
    "😀",
    "👍🏽",
]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    sentences=st.lists(
        st.lists(
            st.lists(st.sampled_from(WORD_PIECES), min_size=1, max_size=6).map("".join),
            min_size=1,
            max_size=8,
        ),
        min_size=1,
        max_size=3,
    )
)
def test_any_token_list_comes_back_from_every_token_format(
    tmp_path_factory: pytest.TempPathFactory, sentences: list[list[str]]
) -> None:
    folder = tmp_path_factory.mktemp("round")
    source = folder / "in.jsonl"  # Hugging Face: one record per sentence
    source.write_text(
        "\n".join(
            json.dumps({"tokens": words, "ner_tags": ["O"] * len(words)}, ensure_ascii=False)
            for words in sentences
        ),
        encoding="utf-8",
    )
    with Store.create(folder / "p.alama") as store:
        import_paths(store, [source], fmt="hf")
        unique = list({" ".join(words): words for words in sentences}.values())
        for fmt, read in (("conll", conll_tokens), ("hf", hf_tokens), ("jsonl", jsonl_tokens)):
            out = folder / f"out.{fmt}"
            export(store, out, fmt=fmt)
            assert read(out) == unique
            assert import_paths(store, [out], fmt=fmt).documents_added == 0


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo")
def test_anercorp_conll_round_trip_gives_back_every_sentences_tokens(
    project: Store, tmp_path: Path
) -> None:
    """The CAMeL Lab test split of ANERcorp (see its SOURCE.txt): 925 sentences, 25,008
    tokens; camel-tools splits 17 of them otherwise."""
    path = EXTERNAL / "anercorp-camel-test" / "ANERCorp_CamelLab_test.txt"
    sentences = conll_tokens(path)
    assert len(sentences) == 925 and sum(map(len, sentences)) == 25_008
    report = import_paths(project, [path], annotator="camel", add_labels=True)
    assert report.records == 925
    out = tmp_path / "anercorp.conll"
    export(project, out, fmt="conll")
    by_text = {" ".join(s): s for s in sentences}  # a sentence met twice is one document
    assert conll_tokens(out) == list(by_text.values())
    again = import_paths(project, [out], annotator="camel")
    assert again.documents_added == 0 and again.documents_known == len(by_text)
    assert project.document_count() == len(by_text)


def stored_json(path: Path) -> list[object]:
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("SELECT record FROM tokens ORDER BY doc")]
    finally:
        conn.close()


def test_the_token_json_is_made_by_the_first_jsonl_export_and_kept(tmp_path: Path) -> None:
    """An import stores the tokens only; the first JSONL export makes each document's token
    JSON once and keeps it; every export writes the same records, kept or not."""
    path = tmp_path / "p.alama"
    with Store.create(path) as store:
        conll = write_conll(tmp_path / "in.conll", [SENTENCE, SENTENCE[:3]])
        import_paths(store, [conll], add_labels=True)
        article = tmp_path / "a.txt"
        article.write_text("قال سامي: «لأفغانستان؛»\n\nأمس  في عمّان 😀", encoding="utf-8")
        import_paths(store, [article])
    assert stored_json(path) == [None, None, None]
    with Store.read_only(path) as source:  # computed as it goes, nothing written
        export(source, tmp_path / "read.jsonl")
    assert stored_json(path) == [None, None, None]
    conn = sqlite3.connect(path)  # another program writing: the export does not wait for it
    conn.execute("BEGIN IMMEDIATE")
    with Store.open(path) as store:
        export(store, tmp_path / "busy.jsonl")
    conn.rollback()
    conn.close()
    assert stored_json(path) == [None, None, None]
    with Store.open(path) as store:
        export(store, tmp_path / "first.jsonl")
        assert all(isinstance(json_text, str) and json_text for json_text in stored_json(path))
        export(store, tmp_path / "second.jsonl")
    written = {(tmp_path / f"{name}.jsonl").read_bytes() for name in ("read", "busy", "first")}
    assert written == {(tmp_path / "second.jsonl").read_bytes()}


def test_a_token_holding_white_space_is_cut_there(tmp_path: Path) -> None:
    """A JSONL token "محمد بن سلمان" (or one across a line break; CoNLL-U allows "100 000"):
    stored as the words it holds, so CoNLL and hf export write tokens that read back."""
    text = "قال محمد بن سلمان في\nالرياض اليوم"
    record = {
        "text": text,
        "tokens": ["قال", "محمد بن سلمان", "في\nالرياض", "اليوم"],
        "spans": [{"start": 4, "end": 17, "label": "ACTOR"}],
        "_annotator_id": "mona",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with Store.create(tmp_path / "p.alama") as store:
        import_paths(store, [path])
        (info,) = store.documents()
        starts, ends = store.document_tokens(info.id)  # type: ignore[misc]
        words = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
        assert words == ["قال", "محمد", "بن", "سلمان", "في", "الرياض", "اليوم"]
        for fmt in ("conll", "hf"):
            out = tmp_path / f"out.{fmt}"
            export(store, out, fmt=fmt, annotator="mona")
            with Store.create(tmp_path / f"back-{fmt}.alama") as back:
                import_paths(back, [out], fmt=fmt, annotator="mona")
                (spans,) = [back.spans(i.id, "mona") for i in back.documents()]
                assert [(s.start, s.end, s.label) for s in spans] == [(4, 17, "ACTOR")]


def test_a_files_own_tokens_replace_camel_tools_tokens_whatever_came_first(
    tmp_path: Path,
) -> None:
    """The same article as plain text and from CoNLL: its own tokens (157×97م one token) are
    kept whichever came first, by import or by merge, either way round."""
    text = "بلغت المساحة 157×97م في المدينة"
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    conll = write_conll(tmp_path / "a.conll", [[(w, "O") for w in text.split(" ")]])

    def own_tokens(store: Store) -> list[str]:
        (info,) = store.documents()
        starts, ends = store.document_tokens(info.id)  # type: ignore[misc]
        return [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]

    with Store.create(tmp_path / "p.alama") as store:
        import_paths(store, [article])
        assert "157×97م" not in own_tokens(store)  # camel-tools cut it
        import_paths(store, [conll], annotator="sara")
        assert "157×97م" in own_tokens(store)
        import_paths(store, [article])  # plain text again changes nothing
        assert "157×97م" in own_tokens(store)
    with Store.create(tmp_path / "plain.alama") as plain:
        import_paths(plain, [article])
    with Store.create(tmp_path / "tagged.alama") as tagged:
        import_paths(tagged, [conll], annotator="sara")
    for first, second in (("plain", "tagged"), ("tagged", "plain")):
        target = tmp_path / f"{first}-{second}.alama"
        Store.create(target).close()
        merging.merge(target, [tmp_path / f"{first}.alama", tmp_path / f"{second}.alama"])
        with Store.open(target) as merged:
            assert "157×97م" in own_tokens(merged), (first, second)


def test_kept_token_json_is_not_used_once_another_program_changed_the_tokens(
    tmp_path: Path,
) -> None:
    """The token JSON the first export kept belongs to the tokens it was made from: tokens
    another program changed since (a project travels) are written as they now are."""
    path = tmp_path / "p.alama"
    text = "بلغت المساحة 157×97م في المدينة"
    with Store.create(path) as store:
        store.add_document(text, tokens=[(0, 4), (5, 12), (13, 20), (21, 23), (24, 31)])
        export(store, tmp_path / "first.jsonl")
    conn = sqlite3.connect(path)
    with conn:
        pairs = [(0, 4), (5, 12), (13, 16), (16, 17), (17, 20), (21, 23), (24, 31)]
        bounds = b"".join(s.to_bytes(4, "little") + e.to_bytes(4, "little") for s, e in pairs)
        conn.execute("UPDATE tokens SET bounds = ?", (bounds,))
    conn.close()
    with Store.open(path) as store:
        export(store, tmp_path / "second.jsonl")
    (record,) = [json.loads(line) for line in (tmp_path / "second.jsonl").read_text().splitlines()]
    words = [token["text"] for token in record["tokens"] if token["text"].strip()]
    assert words[2:5] == ["157", "×", "97م"]


def test_a_jsonl_export_imported_again_gives_back_the_documents_own_tokens(
    tmp_path: Path,
) -> None:
    """An exact span (Alt) cuts one annotator's record tokens inside a word (و|قال): read
    back with the other layers, the document keeps its own word whole."""
    text = "وقال الرئيس إن الاتفاق قريب"
    with Store.create(tmp_path / "p.alama") as store:
        doc, _ = store.add_document(text)
        store.add_span(doc, "amal", 1, 11, "ACTOR")  # "قال الرئيس": cuts وقال
        store.add_span(doc, "bilal", 5, 11, "ACTOR")
        store.add_span(doc, "carim", 5, 11, "ACTOR")
        export(store, tmp_path / "all.jsonl")
    with Store.create(tmp_path / "back.alama") as back:
        import_paths(back, [tmp_path / "all.jsonl"])
        (info,) = back.documents()
        starts, ends = back.document_tokens(info.id)  # type: ignore[misc]
        words = [text[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
        assert words[:2] == ["وقال", "الرئيس"]
        assert [(s.start, s.end) for s in back.spans(info.id, "amal")] == [(1, 11)]
