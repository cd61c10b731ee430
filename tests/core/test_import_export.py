"""Import and export: byte-for-byte round trips, JSONL spans, splits, and every bad input."""

from __future__ import annotations

import itertools
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core import jsonl
from alama.core.errors import InputError
from alama.core.exporting import export, iter_records, parse_split
from alama.core.importing import import_paths
from alama.core.model import Span, Status
from alama.core.record_tokens import record_tokens, tokens_json
from alama.core.store import Store
from alama.core.text import TextIndex
from tests.conftest import SAMPLES, SEEDS, dump, needs_shared
from tests.core.strategies import stored_text

TEXT = "قال الجيش «إن قاعدة التنف آمنة» 😀 اليوم"


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return path


def exported(store: Store, tmp_path: Path, **options: Any) -> list[dict[str, Any]]:
    out = tmp_path / "out.jsonl"
    export(store, out, overwrite=True, **options)  # (a test reads several exports in turn)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]


def span_at(text: str, piece: str, label: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "label": label}


# --- articles byte for byte ----------------------------------------------------------------


def check_round_trip(folder: Path, project: Store, tmp_path: Path) -> None:
    files = sorted(folder.glob("*.txt"))
    report = import_paths(project, [folder])
    assert report.documents_added == len(files)
    records = exported(project, tmp_path)
    assert [r["text"] for r in records] == [f.read_text(encoding="utf-8") for f in files]
    for record, file in zip(records, files, strict=True):
        assert record["text"].encode("utf-8") == file.read_bytes()
        assert record["meta"]["doc_id"] == file.stem


def test_sample_articles_round_trip_byte_for_byte(project: Store, tmp_path: Path) -> None:
    check_round_trip(SAMPLES, project, tmp_path)


@needs_shared
def test_seed_articles_round_trip_byte_for_byte(project: Store, tmp_path: Path) -> None:
    check_round_trip(SEEDS, project, tmp_path)


def test_samples_show_the_phenomena_of_real_articles() -> None:
    texts = "".join(path.read_text(encoding="utf-8") for path in SAMPLES.glob("*.txt"))
    assert len(list(SAMPLES.glob("*.txt"))) >= 6
    for phenomenon in [
        "\u00a0",
        "\u0640",
        "«",
        "“",
        "\u0651",
        "\u064b",
        "😟",
        "#",
        "\u200f",
        "مقالات ذات صلة",
        "Share This Post",
        "٢",
        "2254",
    ]:
        assert phenomenon in texts, phenomenon
    first = (SAMPLES / "01_desalination_plant.txt").read_text(encoding="utf-8").split("\n\n")
    assert len(first) != len(set(first)), "a scraped article repeats a paragraph"


def test_importing_twice_adds_nothing(project: Store) -> None:
    import_paths(project, [SAMPLES])
    report = import_paths(project, [SAMPLES])
    assert (report.documents_added, report.documents_known) == (0, 6)
    assert project.document_count() == 6


def test_crlf_and_bom_are_cleaned_and_everything_else_kept(project: Store, tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("\ufeffعنوان\r\nسطر\u00a0ثانٍ ـ".encode())
    import_paths(project, [path])
    assert project.document(project.documents()[0].id).text == "عنوان\nسطر\u00a0ثانٍ ـ"


# --- JSONL with spans ----------------------------------------------------------------------


def plain_record_tokens(
    text: str, tokens: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> list[dict[str, Any]]:
    """The record tokens as one loop over the pieces between edges: the oracle of the numpy
    `record_tokens` (this was Alama's code before the benchmark)."""
    span_starts = {start for start, _ in spans}
    span_ends = {end for _, end in spans}
    bounds = {0, len(text), *span_starts, *span_ends}
    for start, end in tokens:
        bounds.update((start, end))
    out: list[dict[str, Any]] = []
    for start, end in itertools.pairwise(sorted(bounds)):
        piece = text[start:end]
        if (
            out
            and not out[-1]["ws"]
            and piece.startswith(" ")
            and not piece.strip()
            and start not in span_starts
            and start + 1 not in span_ends
        ):
            out[-1]["ws"] = True
            start, piece = start + 1, piece[1:]
            if not piece:
                continue
        out.append({"text": piece, "start": start, "end": end, "id": len(out), "ws": False})
    return out


@given(stored_text, st.lists(st.tuples(st.integers(0, 80), st.integers(1, 20)), max_size=8))
def test_record_tokens_equal_the_plain_loop_and_their_json(
    text: str, places: list[tuple[int, int]]
) -> None:
    spans = [(s, min(s + n, len(text))) for s, n in places if s < len(text)]
    objects = [Span("x", 1, "amal", s, e, "ACTOR") for s, e in spans]
    index = TextIndex(text)
    tokens = record_tokens(text, index.tokens, objects)
    assert tokens == plain_record_tokens(text, index.tokens, spans)
    assert tokens_json(tokens) == jsonl.dumps(tokens)  # type: ignore[arg-type]
    assert "".join(t["text"] + " " * t["ws"] for t in tokens) == text


def test_jsonl_spans_round_trip_with_tokens(project: Store, tmp_path: Path) -> None:
    spans = [
        span_at(TEXT, "الجيش", "ACTOR"),
        span_at(TEXT, "إن قاعدة التنف آمنة", "CLAIM"),
        span_at(TEXT, "التنف", "PLACE"),
    ]
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {"text": TEXT, "spans": spans, "_annotator_id": "amal", "answer": "accept"},
            {"text": TEXT, "spans": spans[:1], "_annotator_id": "bilal", "answer": "ignore"},
        ],
    )
    report = import_paths(project, [source])
    assert (report.documents_added, report.spans_added, len(report.layers)) == (1, 4, 2)
    doc = project.documents()[0].id
    assert project.status(doc, "amal") is Status.DONE
    assert project.status(doc, "bilal") is Status.IN_PROGRESS
    records = exported(project, tmp_path)
    assert [r["_annotator_id"] for r in records] == ["amal", "bilal"]
    assert [r["answer"] for r in records] == ["accept", "ignore"]
    amal = records[0]
    assert {(s["start"], s["end"], s["label"]) for s in amal["spans"]} == {
        (s["start"], s["end"], s["label"]) for s in spans
    }
    for span in amal["spans"]:
        first, last = amal["tokens"][span["token_start"]], amal["tokens"][span["token_end"]]
        assert (first["start"], last["end"]) == (span["start"], span["end"])
    assert all(TEXT[t["start"] : t["end"]] == t["text"] for t in amal["tokens"])
    # and back in: a second project ends up with the same layers
    again = Store.create(tmp_path / "again.alama")
    import_paths(again, [tmp_path / "out.jsonl"])
    assert again.counts() == project.counts()
    again.close()


def test_only_one_annotator_and_chosen_labels(project: Store, tmp_path: Path) -> None:
    spans = [span_at(TEXT, "الجيش", "ACTOR"), span_at(TEXT, "التنف", "PLACE")]
    import_paths(
        project,
        [
            write_jsonl(
                tmp_path / "in.jsonl",
                [
                    {"text": TEXT, "spans": spans, "_annotator_id": "amal"},
                    {"text": TEXT, "spans": spans, "_annotator_id": "bilal"},
                    {"text": "خبر بلا تعليقات"},
                ],
            )
        ],
    )
    assert len(exported(project, tmp_path)) == 3  # two layers plus one unannotated document
    records = exported(project, tmp_path, annotator="bilal", labels=["PLACE"])
    assert [r["_annotator_id"] for r in records] == ["bilal"]
    assert [s["label"] for s in records[0]["spans"]] == ["PLACE"]
    with pytest.raises(InputError, match="no annotator 'nadia'"):
        exported(project, tmp_path, annotator="nadia")


def test_crlf_offsets_in_jsonl_move_with_the_text(project: Store, tmp_path: Path) -> None:
    raw = "سطر أول\r\nقال الجيش"
    span = span_at(raw, "الجيش", "ACTOR")
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", [{"text": raw, "spans": [span]}])])
    doc = project.documents()[0].id
    text = project.document(doc).text
    (stored,) = project.spans(doc, "imported")
    assert text[stored.start : stored.end] == "الجيش"


def test_map_renames_and_add_labels_adds(project: Store, tmp_path: Path) -> None:
    source = write_jsonl(
        tmp_path / "in.jsonl",
        [
            {
                "text": TEXT,
                "spans": [
                    span_at(TEXT, "الجيش", "ORG"),
                    span_at(TEXT, "التنف", "LOC"),
                    span_at(TEXT, "اليوم", "MISC"),
                ],
            }
        ],
    )
    before = dump(project.path)
    with pytest.raises(InputError, match="unknown labels LOC, MISC, ORG"):
        import_paths(project, [source])
    assert dump(project.path) == before
    report = import_paths(
        project, [source], label_map={"ORG": "ACTOR", "LOC": "PLACE"}, add_labels=True
    )
    assert report.labels_added == ["MISC"]
    assert "MISC" in project.labels()
    assert sorted(s.label for s in project.spans(project.documents()[0].id)) == [
        "ACTOR",
        "MISC",
        "PLACE",
    ]


def test_duplicates_and_disorder_are_tolerated(project: Store, tmp_path: Path) -> None:
    a, b = span_at(TEXT, "التنف", "PLACE"), span_at(TEXT, "الجيش", "ACTOR")
    report = import_paths(
        project,
        [
            write_jsonl(
                tmp_path / "in.jsonl", [{"text": TEXT, "spans": [a, b, a], "_annotator_id": "amal"}]
            )
        ],
    )
    assert report.spans_added == 2
    assert report.skipped["exact duplicate span in the same record"] == 1
    assert "skipped 1: exact duplicate span" in report.summary()


# --- bad input: one clear error, nothing written -------------------------------------------

BAD_LINES = [
    ('{"text": "نص"}\n{"text": "نص", \n', r"in\.jsonl:2: malformed JSON"),
    ('["text"]\n', r"in\.jsonl:1: expected a JSON object"),
    ('{"spans": []}\n', r'in\.jsonl:1: no "text" string'),
    (
        '{"text": "نص قصير", "spans": [{"start": 4, "end": 2, "label": "ACTOR"}]}\n',
        "ends \\(2\\) before it starts \\(4\\)",
    ),
    (
        '{"text": "نص قصير", "spans": [{"start": 0, "end": 99, "label": "ACTOR"}]}\n',
        "outside the text \\(length 7\\)",
    ),
    (
        '{"text": "نص قصير", "spans": [{"start": -1, "end": 2, "label": "ACTOR"}]}\n',
        "outside the text",
    ),
    (
        '{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "ACTOR", "text": "قص"}]}\n',
        "says 'قص' but the text at 0–2 is 'نص'",
    ),
    (
        '{"text": "نص قصير", "spans": [{"start": 0, "end": 2, "label": "PERSON"}]}\n',
        "unknown label PERSON",
    ),
    (
        '{"text": "نص قصير", "spans": [{"start": "0", "end": 2, "label": "ACTOR"}]}\n',
        'no integer "start"',
    ),
    ('{"text": "نص", "_annotator_id": "@lead"}\n', "cannot be an annotator name"),
]


@pytest.mark.parametrize("content, message", BAD_LINES)
def test_bad_jsonl_is_refused_and_changes_nothing(
    project: Store, tmp_path: Path, content: str, message: str
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [{"text": "خبر سليم", "spans": []}])
    bad = tmp_path / "in.jsonl"
    bad.write_text(content, encoding="utf-8")
    before = dump(project.path)
    with pytest.raises(InputError, match=message):
        import_paths(project, [good, bad])
    assert dump(project.path) == before


def test_wrong_encoding_names_the_line(project: Store, tmp_path: Path) -> None:
    bad = tmp_path / "cp1256.txt"
    bad.write_bytes("سطر\n".encode() + "عربي".encode("cp1256"))
    with pytest.raises(InputError, match=r"cp1256\.txt:2: not UTF-8 text \(byte 0x"):
        import_paths(project, [bad])
    assert project.document_count() == 0


def test_missing_path(project: Store, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        import_paths(project, [tmp_path / "nowhere"])


def test_folder_import_reports_what_it_skipped(project: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("خبر", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    report = import_paths(project, [tmp_path])
    assert report.documents_added == 1
    assert "skipped 1: empty file (empty.txt)" in report.summary()
    assert "photo.png" in report.summary()


# --- splits --------------------------------------------------------------------------------


def test_split_is_stable_and_by_document(project: Store, tmp_path: Path) -> None:
    records = []
    for n in range(60):
        text = f"الخبر رقم {n} عن مدينة حلب"
        records += [
            {"text": text, "spans": [span_at(text, "حلب", "PLACE")], "_annotator_id": who}
            for who in ("amal", "bilal")
        ]
    import_paths(project, [write_jsonl(tmp_path / "in.jsonl", records)])
    out = tmp_path / "set.jsonl"
    report = export(project, out, split="train=0.8,dev=0.1,test=0.1", seed=7)
    parts = {
        name: (tmp_path / f"set.{name}.jsonl").read_text(encoding="utf-8")
        for name in ("train", "dev", "test")
    }
    texts = {
        name: {json.loads(line)["text"] for line in body.splitlines()}
        for name, body in parts.items()
    }
    assert sum(len(t) for t in texts.values()) == 60
    assert not (
        texts["train"] & texts["dev"]
        or texts["train"] & texts["test"]
        or texts["dev"] & texts["test"]
    ), "a document leaked between splits"
    assert 35 <= len(texts["train"]) <= 57
    assert sum(report.records.values()) == 120
    export(project, out, split="train=0.8,dev=0.1,test=0.1", seed=7, overwrite=True)
    assert parts == {
        name: (tmp_path / f"set.{name}.jsonl").read_text(encoding="utf-8") for name in parts
    }
    export(project, tmp_path / "folder", split="train=0.5,test=0.5", seed=8)
    assert (tmp_path / "folder" / "train.jsonl").exists()


@pytest.mark.parametrize(
    "spec, message",
    [
        ("train=0.8,dev=0.1", "add up to 0.9"),
        ("train=0.5,train=0.5", "appears twice"),
        ("train", "is not NAME=FRACTION"),
        ("train=abc,test=1", "is not NAME=FRACTION"),
    ],
)
def test_bad_split(spec: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_split(spec)


# --- property: whatever goes in comes out --------------------------------------------------


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(stored_text.filter(lambda t: t.strip()), min_size=1, max_size=4, unique=True),
    st.data(),
)
def test_any_document_and_spans_survive_export_and_import(
    tmp_path: Path, texts: list[str], data: st.DataObject
) -> None:
    records = []
    for text in texts:
        spans = []
        for _ in range(data.draw(st.integers(0, 4))):
            start = data.draw(st.integers(0, len(text) - 1))
            end = data.draw(st.integers(start + 1, len(text)))
            spans.append(
                {
                    "start": start,
                    "end": end,
                    "label": data.draw(st.sampled_from(["ACTOR", "PLACE", "CLAIM"])),
                }
            )
        records.append({"text": text, "spans": spans, "_annotator_id": "amal"})
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    first = Store.create(folder / "a.alama")
    import_paths(first, [write_jsonl(folder / "in.jsonl", records)])
    export(first, folder / "out.jsonl")
    second = Store.create(folder / "b.alama")
    import_paths(second, [folder / "out.jsonl"])
    for store in (first, second):
        assert sorted(d.title for d in store.documents()) == sorted(
            d.title for d in first.documents()
        )
    layers = [
        {
            (r["text"], tuple(sorted((s["start"], s["end"], s["label"]) for s in r["spans"])))
            for _, r, _ in iter_records(store)
        }
        for store in (first, second)
    ]
    assert layers[0] == layers[1]
    assert {text for text, _ in layers[0]} == set(texts)
    first.close()
    second.close()


def test_a_record_with_no_text_is_skipped_as_an_empty_file_is(tmp_path: Path) -> None:
    """A JSONL (or Label Studio) record whose text is empty or only spaces adds no document,
    as an empty .txt file adds none; the report says so."""
    path = write_jsonl(
        tmp_path / "in.jsonl", [{"text": ""}, {"text": " \n "}, {"text": "قال الوزير"}]
    )
    with Store.create(tmp_path / "p.alama") as store:
        report = import_paths(store, [path])
        assert store.document_count() == 1 and report.documents_added == 1
    assert "skipped 2: record with no text (only white space, or none)" in report.summary()


def test_a_label_that_cannot_be_a_label_names_its_file(tmp_path: Path) -> None:
    """--add-labels with a label no key can hold (INCEpTION's "NE 0"): the one-line error
    names the file and line, and says how to rename it; nothing is imported."""
    path = write_jsonl(
        tmp_path / "in.jsonl",
        [{"text": "قال الوزير", "spans": [{"start": 4, "end": 10, "label": "NE 0"}]}],
    )
    project = tmp_path / "p.alama"
    Store.create(project).close()
    before = dump(project)
    refusal = r"in\.jsonl:1: label key 'NE 0' .*--map"
    with Store.open(project) as store, pytest.raises(InputError, match=refusal) as raised:
        import_paths(store, [path], add_labels=True)
    assert "\n" not in str(raised.value) and dump(project) == before


def test_a_documents_layers_in_one_import_count_it_once(tmp_path: Path) -> None:
    """Three annotators' records of one article: "1 new document", not "1 new document, 2
    already in the project"; imported again, "1 already in the project"."""
    records = [
        {"text": "قال الوزير", "spans": [], "_annotator_id": name} for name in ("a", "b", "c")
    ]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    with Store.create(tmp_path / "p.alama") as store:
        first = import_paths(store, [path])
        again = import_paths(store, [path])
    assert (first.documents_added, first.documents_known) == (1, 0)
    assert (again.documents_added, again.documents_known) == (0, 1)
    assert "1 new document, 0 already in the project" in first.summary()
