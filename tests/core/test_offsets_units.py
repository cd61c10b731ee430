"""Offsets in other units (UTF-16 code units, UTF-8 bytes): named in the one-line error, read
with ``--offsets``; and Prodigy's stale span texts after token snapping imported with a count."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core import offsets
from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.importing import import_paths
from alama.core.store import Store
from tests.conftest import EXTERNAL, ROOT, dump
from tests.core.strategies import stored_text

STALE = ROOT / "tests" / "data" / "prodigy" / "ner_manual_stale_text.jsonl"
TEXT = "صباح الخير 🌞🌞 من دمشق، حيث قال «محمّد» إنّ Reuters وصلت"


def counted(text: str, at: int, unit: str) -> int:
    if unit == offsets.UTF16:
        return len(text[:at].encode("utf-16-le")) // 2
    if unit == offsets.BYTES:
        return len(text[:at].encode("utf-8"))
    return at


def record(text: str, pieces: list[tuple[str, str]], unit: str) -> dict[str, Any]:
    spans = []
    for piece, label in pieces:
        at = text.index(piece)
        start, end = counted(text, at, unit), counted(text, at + len(piece), unit)
        spans.append({"start": start, "end": end, "text": piece, "label": label})
    return {"text": text, "spans": spans, "_annotator_id": "rana"}


def write_lines(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    return path


def spans_of(store: Store) -> list[tuple[str, str]]:
    doc = store.documents()[0].id
    text = store.document(doc).text
    return sorted((s.label, text[s.start : s.end]) for s in store.spans(doc))


PIECES = [("دمشق", "PLACE"), ("محمّد", "ACTOR"), ("Reuters", "ACTOR")]


@pytest.mark.parametrize(
    "unit, name",
    [(offsets.UTF16, "UTF-16 code units"), (offsets.BYTES, "UTF-8 bytes")],
)
def test_other_unit_is_named_then_read_with_the_flag(
    project: Store, tmp_path: Path, unit: str, name: str
) -> None:
    path = write_lines(tmp_path / "in.jsonl", [record(TEXT, PIECES, unit)])
    before = dump(project.path)
    with pytest.raises(InputError) as error:
        import_paths(project, [path])
    message = str(error.value)
    assert "\n" not in message and message.startswith(f"{path}:1: span 1")
    assert message.endswith(f"the spans count {name}; import with --offsets {unit}")
    assert dump(project.path) == before
    import_paths(project, [path], offsets=unit)
    assert spans_of(project) == sorted((label, piece) for piece, label in PIECES)


def test_a_span_past_the_end_names_the_unit(project: Store, tmp_path: Path) -> None:
    text = "خبر 😀😀 عن حمص"
    path = write_lines(tmp_path / "in.jsonl", [record(text, [("حمص", "PLACE")], offsets.UTF16)])
    with pytest.raises(InputError, match=r"outside the text \(length 13\); the spans count UTF-16"):
        import_paths(project, [path])


def test_code_points_read_with_a_wrong_flag_say_so(project: Store, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [record(TEXT, PIECES, offsets.CODE_POINTS)])
    with pytest.raises(InputError, match="the spans count code points; import with --offsets"):
        import_paths(project, [path], offsets=offsets.UTF16)


def test_doccano_triples_in_utf16(project: Store, tmp_path: Path) -> None:
    at = TEXT.index("دمشق")
    label = [counted(TEXT, at, "utf16"), counted(TEXT, at + 4, "utf16"), "PLACE"]
    path = write_lines(tmp_path / "d.jsonl", [{"text": TEXT, "label": [label]}])
    import_paths(project, [path], fmt="doccano", offsets="utf16")
    assert spans_of(project) == [("PLACE", "دمشق")]


def test_an_offset_inside_a_character_is_refused(project: Store, tmp_path: Path) -> None:
    text = "قال 😀 أحمد"
    path = write_lines(
        tmp_path / "in.jsonl", [{"text": text, "spans": [{"start": 5, "end": 7, "label": "ACTOR"}]}]
    )
    before = dump(project.path)
    with pytest.raises(
        InputError, match=r"span 1's start \(5\) falls inside a character when counted in UTF-16"
    ):
        import_paths(project, [path], offsets="utf16")
    assert dump(project.path) == before


def test_unknown_unit_is_refused(project: Store, tmp_path: Path) -> None:
    path = write_lines(tmp_path / "in.jsonl", [{"text": "نص"}])
    with pytest.raises(InputError, match="unknown offset unit 'utf32'"):
        import_paths(project, [path], offsets="utf32")


def test_command_line_option(tmp_path: Path) -> None:
    runner = CliRunner()
    project = str(tmp_path / "p.alama")
    runner.invoke(cli, ["init", project])
    path = write_lines(tmp_path / "in.jsonl", [record(TEXT, PIECES, offsets.UTF16)])
    refused = runner.invoke(cli, ["import", project, str(path)])
    assert refused.exit_code == 1
    assert refused.output.strip().endswith("import with --offsets utf16")
    assert refused.output.strip().count("\n") == 0
    done = runner.invoke(cli, ["import", project, str(path), "--offsets", "utf16"])
    assert done.exit_code == 0, done.output
    assert "3 spans in 1 annotator layer" in done.output


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=stored_text, unit=st.sampled_from(offsets.OTHER_UNITS), data=st.data())
def test_any_span_in_any_unit_reads_back(
    tmp_path_factory: pytest.TempPathFactory, text: str, unit: str, data: st.DataObject
) -> None:
    text = "أ" + text + "😀"
    bounds = st.integers(0, len(text))
    pairs = data.draw(st.lists(st.tuples(bounds, bounds).filter(lambda p: p[0] < p[1]), max_size=5))
    wanted = sorted({(s, e, "ACTOR") for s, e in pairs})
    spans = [
        {"start": counted(text, s, unit), "end": counted(text, e, unit), "label": label}
        for s, e, label in wanted
    ]
    path = write_lines(tmp_path_factory.mktemp("u") / "in.jsonl", [{"text": text, "spans": spans}])
    from alama.core.jsonl import read_jsonl

    (found,) = read_jsonl(path, offsets=unit)
    assert found.spans == wanted


# --- Prodigy's stale span text ------------------------------------------------------------------

STALE_NOTE = offsets.STALE_TEXT


def test_prodigy_stale_span_texts_import_with_a_count(project: Store) -> None:
    report = import_paths(project, [STALE])
    assert report.records == 3 and report.spans_added == 6
    assert report.notes[STALE_NOTE] == 3
    assert f"repaired 3: {STALE_NOTE}" in report.summary()
    texts = []
    for info in project.documents():
        text = project.document(info.id).text
        texts += [text[s.start : s.end] for s in project.spans(info.id, "ner_news-samir")]
    assert "المرصد السوري لحقوق الإنسان" in texts and "دير الزور" in texts and "أنقرة" in texts


def _stale_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in STALE.read_text(encoding="utf-8").splitlines()]


def test_stale_text_off_the_tokens_is_refused(project: Store, tmp_path: Path) -> None:
    rows = _stale_rows()
    span = rows[1]["spans"][1]  # "أنقرة" quoted " أنقرة ": move its end inside the token
    span["end"] -= 2
    path = write_lines(tmp_path / "bad.jsonl", rows)
    before = dump(project.path)
    with pytest.raises(InputError, match=r"bad\.jsonl:2: span 2 says ' أنقرة ' but the text at"):
        import_paths(project, [path])
    assert dump(project.path) == before


def test_stale_text_without_tokens(project: Store, tmp_path: Path) -> None:
    rows = _stale_rows()
    for row in rows:
        del row["tokens"]
    import_paths(project, [write_lines(tmp_path / "plain.jsonl", rows)])
    rows[0]["spans"][0]["text"] = "مكان آخر"  # unrelated to the text at its offsets
    with pytest.raises(InputError, match="says 'مكان آخر' but the text at"):
        import_paths(project, [write_lines(tmp_path / "bad.jsonl", rows)])


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo")
def test_real_prodigy_db_out_has_nothing_stale(project: Store) -> None:
    path = EXTERNAL / "prodigy-recipes" / "annotated_news_headlines-ORG-PERSON-LOCATION-ner.jsonl"
    report = import_paths(project, [path], add_labels=True)
    assert report.records == 373 and STALE_NOTE not in report.notes


def test_tokens_count_the_same_unit_as_the_spans(project: Store, tmp_path: Path) -> None:
    text = "وصل 🚑 إلى حماة"
    words = [(0, 3), (4, 5), (6, 9), (10, 14)]
    tokens = [
        {"text": text[s:e], "start": counted(text, s, "utf16"), "end": counted(text, e, "utf16")}
        for s, e in words
    ]
    row = record(text, [("حماة", "PLACE")], "utf16") | {"tokens": tokens}
    path = write_lines(tmp_path / "in.jsonl", [row])
    from alama.core.jsonl import read_jsonl

    (found,) = read_jsonl(path, offsets="utf16")
    assert found.spans == [(10, 14, "PLACE")]
    assert found.tokens in (None, words)  # (None where the record's tokens are not kept)
    import_paths(project, [path], offsets="utf16")
    assert spans_of(project) == [("PLACE", "حماة")]
    tokens[1]["end"] = 5  # inside the ambulance
    with pytest.raises(InputError, match=r"in\.jsonl:1: token 2's end \(5\) falls inside"):
        import_paths(project, [write_lines(path, [row])], offsets="utf16")


@settings(max_examples=300)
@given(
    text=st.text(st.characters(exclude_categories=()), max_size=40),
    unit=st.sampled_from(offsets.UNITS),
)
def test_every_offset_of_any_text_maps_as_counting_it_says(text: str, unit: str) -> None:
    """Each character's start in UTF-16 units or UTF-8 bytes (lone surrogates, emoji, Arabic
    marks included) is that character's code point; any other offset falls inside a character
    or outside the text. (A long text is mapped at once: a 10,000-task Label Studio export no
    longer counts its texts character by character in Python.)"""
    starts: dict[int, int] = {}
    at = 0
    for index, ch in enumerate(text):
        starts[at] = index
        at += offsets.width(ch, unit)
    starts[at] = len(text)
    counted = offsets.Units(text, unit)
    assert counted.length == at
    for offset in range(-1, at + 2):
        assert counted.point(offset) == starts.get(offset)
    assert list(counted.unit_offsets()) == sorted(starts)  # and back, for writing a file
