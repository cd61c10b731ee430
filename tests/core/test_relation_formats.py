"""Relations in the file formats: Prodigy's ``relations``, doccano's ``entities`` and
``relations``, brat's ``R`` and ``A`` lines, both ways, with emoji and Arabic before the spans;
refusals for the formats that cannot hold them."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.relation_import import TURNED
from alama.core.store import Store
from tests.conftest import EXTERNAL, dump
from tests.core.strategies import stored_text

ARTICLE = "😀🇸🇾 قال المتحدث باسم الوزارة إن المعبر مغلق حتى إشعار آخر، ونفى سامي ذلك."
DATA = Path(__file__).resolve().parents[1] / "data" / "external" / "doccano"


def at(text: str, piece: str, label: str) -> dict[str, Any]:
    start = text.index(piece)
    return {"start": start, "end": start + len(piece), "label": label}


def linked_project(store: Store, text: str = ARTICLE) -> int:
    """A document with amal's CLAIM linked to its ACTOR (said_by, stance denies)."""
    doc, _ = store.add_document(text, doc_id="maabar")
    actor = store.add_span(doc, "amal", **_key(text, "المتحدث باسم الوزارة", "ACTOR"))
    claim = store.add_span(doc, "amal", **_key(text, "المعبر مغلق", "CLAIM"))
    store.add_span(doc, "amal", **_key(text, "سامي", "ACTOR"))
    store.add_relation(doc, "amal", claim.id, actor.id, "said_by", {"stance": "denies"})
    return doc


def _key(text: str, piece: str, label: str) -> dict[str, Any]:
    span = at(text, piece, label)
    return {"start": span["start"], "end": span["end"], "label": label}


def links(store: Store) -> set[tuple[str, str, str, str, str, tuple[tuple[str, str], ...]]]:
    """Every live relation as (annotator, source text, source label, target text, target
    label, type with attributes), by the text its spans hold."""
    found = set()
    for relation in store.iter_relations():
        doc = store.document(relation.doc)
        source, target = store.span(relation.source), store.span(relation.target)
        found.add(
            (
                relation.annotator,
                f"{source.label}:{source.start}:{doc.text[source.start : source.end]}",
                f"{target.label}:{target.start}:{doc.text[target.start : target.end]}",
                relation.type,
                doc.text,
                relation.attributes,
            )
        )
    return found  # type: ignore[return-value]


def prodigy_line(path: Path, relations: list[dict[str, Any]], **extra: Any) -> Path:
    spans = [at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")]
    record = {"text": ARTICLE, "spans": spans, "relations": relations, **extra}
    record.setdefault("_annotator_id", "amal")
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


# --- Prodigy ----------------------------------------------------------------------------------


def test_prodigy_relations_after_emoji_with_attributes(project: Store, tmp_path: Path) -> None:
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    relation = {"head": 9, "child": 6, "head_span": claim, "child_span": actor, "label": "said_by"}
    path = prodigy_line(tmp_path / "rel.jsonl", [{**relation, "attributes": {"stance": "reports"}}])
    report = import_paths(project, [path])
    assert report.relations_added == 1
    assert "1 relation" in report.summary().splitlines()[0]
    assert TURNED not in report.notes
    ((layer, source, target, kind, _, attributes),) = links(project)
    assert (layer, kind) == ("amal", "said_by")
    assert source == f"CLAIM:{ARTICLE.index('المعبر')}:المعبر مغلق"  # code points after emoji
    assert target.endswith(":المتحدث باسم الوزارة")
    assert dict(attributes) == {"stance": "reports", "quote": "indirect"}


def test_prodigy_head_actor_child_claim_is_turned_round(project: Store, tmp_path: Path) -> None:
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    relation = {"head": 6, "child": 9, "head_span": actor, "child_span": claim, "label": "said_by"}
    report = import_paths(project, [prodigy_line(tmp_path / "r.jsonl", [relation])])
    assert report.notes[TURNED] == 1
    assert f"repaired 1: {TURNED}" in report.summary()
    ((_, source, target, *_),) = links(project)
    assert source.startswith("CLAIM:") and target.startswith("ACTOR:")


def test_prodigy_relation_by_end_tokens(project: Store, tmp_path: Path) -> None:
    """Without head_span/child_span, head and child are the tokens the spans end on."""
    tokens = []
    for number, word in enumerate(ARTICLE.split(" ")):
        start = ARTICLE.index(word, tokens[-1]["end"] if tokens else 0)
        tokens.append({"text": word, "start": start, "end": start + len(word), "id": number})
    head = next(t["id"] for t in tokens if t["text"] == "مغلق")
    child = next(t["id"] for t in tokens if t["text"] == "الوزارة")
    path = prodigy_line(
        tmp_path / "t.jsonl",
        [{"head": head, "child": child, "label": "said_by"}],
        tokens=tokens,
    )
    import_paths(project, [path])
    ((_, source, target, *_),) = links(project)
    assert source.endswith(":المعبر مغلق") and target.endswith(":المتحدث باسم الوزارة")
    before = dump(project.path)
    bad = prodigy_line(
        tmp_path / "b.jsonl", [{"head": 0, "child": child, "label": "said_by"}], tokens=tokens
    )
    with pytest.raises(InputError, match=r"b\.jsonl:1: relation 1's head: no span ends on token 0"):
        import_paths(project, [bad])
    assert dump(project.path) == before


def test_unknown_relation_type_is_refused_then_renamed_or_added(
    project: Store, tmp_path: Path
) -> None:
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    relation = {"head": 9, "child": 6, "head_span": claim, "child_span": actor, "label": "SAID"}
    path = prodigy_line(tmp_path / "u.jsonl", [relation])
    before = dump(project.path)
    with pytest.raises(InputError) as refused:
        import_paths(project, [path])
    message = str(refused.value)
    assert "\n" not in message
    assert "u.jsonl:1: relation 1: unknown relation type 'SAID'" in message
    assert "--relation-map SAID=NEW" in message and "--add-labels" in message
    assert dump(project.path) == before
    report = import_paths(project, [path], relation_map={"SAID": "said_by"})
    assert report.relations_added == 1
    other = Store.create(tmp_path / "other.alama")
    report = import_paths(other, [path], add_labels=True)
    added = other.labels().relation("SAID")
    assert added is not None and (added.sources, added.targets) == (("CLAIM",), ("ACTOR",))
    assert "added relation types: SAID" in report.summary()
    other.close()


@pytest.mark.parametrize(
    "relation, match",
    [
        (
            {"label": "said_by", "attributes": {"stance": "maybe"}},
            r"said_by: stance='maybe' is not one of its values \(stance: asserts, denies",
        ),
        ({"label": "said_by", "head_span": "PLACE"}, "said_by links CLAIM to ACTOR, not PLACE"),
        ({"label": "said_by", "attributes": ["denies"]}, '"attributes" must be an object'),
        ({"label": ""}, 'relation 1: it has no "label" string'),
    ],
)
def test_bad_relations_are_refused_in_one_line(
    project: Store, tmp_path: Path, relation: dict[str, Any], match: str
) -> None:
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    if relation.get("head_span") == "PLACE":
        relation = {**relation, "head_span": at(ARTICLE, "المعبر", "PLACE")}
    full = {"head": 9, "child": 6, "head_span": claim, "child_span": actor, **relation}
    path = prodigy_line(tmp_path / "bad.jsonl", [full])
    before = dump(project.path)
    with pytest.raises(InputError, match=match) as refused:
        import_paths(project, [path], add_labels=True)
    assert "\n" not in str(refused.value)
    assert dump(project.path) == before


def test_jsonl_export_writes_prodigy_relations_and_reimport_keeps_ids(
    project: Store, tmp_path: Path
) -> None:
    doc = linked_project(project)
    (stored,) = project.relations(doc)
    out = tmp_path / "out.jsonl"
    report = export(project, out, fmt="jsonl")
    assert "with 3 spans and 1 relation as jsonl" in report.summary()
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    (relation,) = record["relations"]
    tokens = record["tokens"]
    assert relation["label"] == "said_by"
    assert relation["head_span"]["label"] == "CLAIM"  # head: the source, the claim
    assert relation["child_span"]["label"] == "ACTOR"
    assert tokens[relation["head"]]["text"] == "مغلق"  # the span's end token, as Prodigy's
    assert tokens[relation["child"]]["text"] == "الوزارة"
    assert relation["attributes"] == {"quote": "indirect", "stance": "denies"}
    assert relation["id"] == stored.id
    copy = Store.create(tmp_path / "copy.alama")
    import_paths(copy, [out])
    assert links(copy) == links(project)
    assert [r.id for r in copy.relations(doc)] == [stored.id]
    # the same file again: nothing doubled, the spans keep their ids
    spans = [s.id for s in copy.spans(doc)]
    again = import_paths(copy, [out])
    assert again.relations_added == 0
    assert again.skipped["relation already in that annotator's layer"] == 1
    assert [s.id for s in copy.spans(doc)] == spans and len(copy.relations(doc)) == 1
    copy.close()


def test_labels_chosen_leave_out_relations_and_say_so(project: Store, tmp_path: Path) -> None:
    linked_project(project)
    report = export(project, tmp_path / "claims.jsonl", labels=["CLAIM"])
    assert "left out 1: relations with a span of a label not chosen by --labels" in (
        report.summary()
    )
    assert "relations" not in json.loads((tmp_path / "claims.jsonl").read_text())


# --- doccano ----------------------------------------------------------------------------------


def test_doccano_export_and_import_of_relations(project: Store, tmp_path: Path) -> None:
    linked_project(project)
    out = tmp_path / "doccano.jsonl"
    export(project, out, fmt="doccano")
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert "label" not in record
    ids = {e["id"]: ARTICLE[e["start_offset"] : e["end_offset"]] for e in record["entities"]}
    (relation,) = record["relations"]
    assert ids[relation["from_id"]] == "المعبر مغلق" and ids[relation["to_id"]].startswith(
        "المتحدث"
    )
    assert relation["type"] == "said_by"
    copy = Store.create(tmp_path / "copy.alama")
    report = import_paths(copy, [out])  # auto: told by content
    assert report.formats == {"doccano": 1} and report.relations_added == 1
    assert links(copy) == links(project)
    copy.close()


@pytest.mark.parametrize(
    "name", ["export_relation_extraction_example.jsonl", "import_relation_extraction_example.jsonl"]
)
def test_doccano_own_relation_examples(project: Store, name: str) -> None:
    report = import_paths(project, [DATA / name], add_labels=True)
    assert report.spans_added == 4 and report.relations_added == 3
    text = project.document(project.documents()[0].id).text
    found = sorted(
        (kind, source.split(":", 2)[2], target.split(":", 2)[2])
        for _, source, target, kind, _, _ in links(project)
    )
    assert found == [
        ("foundedAt", "Google", "September 4, 1998"),
        ("foundedBy", "Google", "Larry Page"),
        ("foundedBy", "Google", "Sergey Brin"),
    ]
    assert text.startswith("Google was founded")
    founded = project.labels().relation("foundedBy")
    assert founded is not None and (founded.sources, founded.targets) == (("ORG",), ("PERSON",))


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo")
def test_doccano_relation_example_in_shared_external(project: Store) -> None:
    folder = EXTERNAL / "doccano-format-examples"
    name = "data_export__pipeline__examples__relation_extraction__example.jsonl"
    assert (folder / name).read_bytes() == (
        DATA / "export_relation_extraction_example.jsonl"
    ).read_bytes()
    report = import_paths(project, [folder / name], add_labels=True)
    assert report.relations_added == 3


# --- brat -------------------------------------------------------------------------------------


def test_brat_export_writes_r_and_a_lines_and_the_conf(project: Store, tmp_path: Path) -> None:
    linked_project(project)
    report = export(project, tmp_path / "brat", fmt="brat")
    assert "and 1 relation as brat" in report.summary()
    ann = (tmp_path / "brat" / "amal" / "maabar.ann").read_text(encoding="utf-8")
    lines = ann.splitlines()
    numbers = {line.split("\t")[2]: line.split("\t")[0] for line in lines if line[0] == "T"}
    relation = f"R1\tsaid_by Arg1:{numbers['المعبر مغلق']} Arg2:{numbers['المتحدث باسم الوزارة']}"
    assert relation in lines
    assert "A1\tquote R1 indirect" in lines and "A2\tstance R1 denies" in lines
    conf = (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8")
    assert "[relations]\nsaid_by Arg1:CLAIM, Arg2:ACTOR\n" in conf
    assert "stance Arg:<RELATION>, Value:asserts|denies|reports|questions\n" in conf
    copy = Store.create(tmp_path / "copy.alama")
    back = import_paths(copy, [tmp_path / "brat"])
    assert back.relations_added == 1
    assert links(copy) == links(project)
    copy.close()


def write_pair(folder: Path, ann: str, text: str = ARTICLE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "doc.txt").write_text(text, encoding="utf-8")
    (folder / "doc.ann").write_text(ann, encoding="utf-8")
    return folder


def _t(number: int, piece: str, label: str) -> str:
    start = ARTICLE.index(piece)
    return f"T{number}\t{label} {start} {start + len(piece)}\t{piece}\n"


def test_brat_arguments_are_read_by_their_role_in_either_order(
    project: Store, tmp_path: Path
) -> None:
    ann = (
        _t(1, "المتحدث باسم الوزارة", "ACTOR")
        + _t(2, "المعبر مغلق", "CLAIM")
        + "R1\tsaid_by Arg2:T1 Arg1:T2\n"
    )
    write_pair(tmp_path / "b" / "amal", ann)
    report = import_paths(project, [tmp_path / "b"])
    assert report.relations_added == 1 and not report.notes.get(TURNED)  # nothing to turn
    ((_, source, _, _, _, _),) = links(project)
    assert source.startswith("CLAIM:")


def test_brat_r_lines_as_other_tools_write_them(project: Store, tmp_path: Path) -> None:
    """Arg1 ACTOR, Arg2 CLAIM turned round; an attribute of an entity and an event counted."""
    ann = (
        _t(1, "المتحدث باسم الوزارة", "ACTOR")
        + _t(2, "المعبر مغلق", "CLAIM")
        + "R1\tsaid_by Arg1:T1 Arg2:T2\nA1\tstance R1 questions\nA2\tNegation T2\n"
        + "E1\tSay:T1\nR2\tsaid_by Arg1:E1 Arg2:T1\n"
    )
    write_pair(tmp_path / "b" / "amal", ann)
    report = import_paths(project, [tmp_path / "b"])
    assert report.relations_added == 1 and report.notes[TURNED] == 1
    summary = report.summary()
    assert "skipped 1: brat attribute (A line)" in summary
    assert "skipped 1: brat relation (R line)" in summary
    ((layer, source, _, _, _, attributes),) = links(project)
    assert layer == "amal" and source.startswith("CLAIM:")
    assert dict(attributes)["stance"] == "questions"


@pytest.mark.parametrize(
    "tail, match",
    [
        ("R1\tsaid_by Arg1:T2 Arg2:T9\n", r"doc\.ann:3: R1 names T9, which is not in the file"),
        ("R1\tsaid_by Arg1:T2\n", r"doc\.ann:3: an R line needs"),
        ("R1\tsaid_by Arg1:T2 From:T1\n", r"doc\.ann:3: an R line needs"),
        ("A1\tstance R4 denies\n", r"doc\.ann:3: the attribute is on R4, which is no relation"),
        (
            "R1\tsaid_by Arg1:T2 Arg2:T1\nA1\tstance R1\n",
            r"doc\.ann:4: stance of R1 has no value",
        ),
    ],
)
def test_bad_brat_relations_are_refused(
    project: Store, tmp_path: Path, tail: str, match: str
) -> None:
    ann = _t(1, "المتحدث باسم الوزارة", "ACTOR") + _t(2, "المعبر مغلق", "CLAIM") + tail
    before = dump(project.path)
    with pytest.raises(InputError, match=match):
        import_paths(project, [write_pair(tmp_path / "b", ann)])
    assert dump(project.path) == before


# --- round trips with emoji and Arabic before the spans ---------------------------------------


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    before=stored_text,
    stance=st.sampled_from(["asserts", "denies", "reports", "questions"]),
    fmt=st.sampled_from(["jsonl", "doccano", "brat"]),
)
def test_round_trip_through_each_format(before: str, stance: str, fmt: str) -> None:
    text = before + " 👍🏽 قال الناطق: «الطريق مفتوح» 🇸🇾"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with Store.create(root / "a.alama") as store:
            doc, _ = store.add_document(text, doc_id="d")
            actor = store.add_span(doc, "amal", **_key(text, "الناطق", "ACTOR"))
            claim = store.add_span(doc, "amal", **_key(text, "الطريق مفتوح", "CLAIM"))
            store.add_relation(doc, "amal", claim.id, actor.id, "said_by", {"stance": stance})
            export(store, root / "out", fmt=fmt)
            expected = links(store)
        with Store.create(root / "b.alama") as copy:
            import_paths(copy, [root / "out"], fmt="auto" if fmt == "brat" else fmt)
            assert links(copy) == expected


# --- formats that cannot hold relations -------------------------------------------------------


@pytest.mark.parametrize("fmt", ["conll", "hf", "labelstudio", "webanno"])
def test_formats_without_relations_refuse_then_leave_them_out(
    project: Store, tmp_path: Path, fmt: str
) -> None:
    linked_project(project)
    out = tmp_path / "out"
    with pytest.raises(InputError) as refused:
        export(project, out, fmt=fmt)
    message = str(refused.value)
    assert "\n" not in message
    assert message.startswith(f"{fmt} cannot hold relations, and 1 relation would be lost")
    assert "--without-relations" in message
    assert not out.exists()
    report = export(project, out, fmt=fmt, without_relations=True)
    assert "left out 1: relations, as asked (--without-relations)" in report.summary()


def test_command_line_relation_options(project: Store, tmp_path: Path) -> None:
    linked_project(project)
    project.close()
    runner = CliRunner()
    path = str(project.path)
    refused = runner.invoke(cli, ["export", path, "--format", "conll"])
    assert refused.exit_code != 0 and "1 relation would be lost" in refused.output
    done = runner.invoke(
        cli, ["export", path, "--format", "conll", "--without-relations", "-o", str(tmp_path / "c")]
    )
    assert (
        done.exit_code == 0
        and "left out 1: relations, as asked (--without-relations)" in done.output
    )
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    relation = {"head": 9, "child": 6, "head_span": claim, "child_span": actor, "label": "SAID"}
    source = prodigy_line(tmp_path / "s.jsonl", [relation], _annotator_id="bilal")
    result = runner.invoke(cli, ["import", path, str(source), "--relation-map", "SAID="])
    assert result.exit_code == 0
    assert "skipped 1: relation of type SAID (dropped by --relation-map)" in result.output
    bad = runner.invoke(cli, ["import", path, str(source), "--relation-map", "SAID"])
    assert bad.exit_code != 0 and "--relation-map: 'SAID' is not OLD=NEW" in bad.output


def test_relations_in_utf16_offsets_and_after_a_crlf(project: Store, tmp_path: Path) -> None:
    """--offsets utf16 moves a relation's spans like the others; so does the CR of a CRLF that
    cleaning removes before them (brat counts it)."""
    text = "😀😀\r\nقال الناطق إن الطريق مفتوح"
    clean = text.replace("\r\n", "\n")

    def utf16(piece: str, label: str) -> dict[str, Any]:
        start = text.index(piece)
        before = len(text[:start].encode("utf-16-le")) // 2
        return {"start": before, "end": before + len(piece), "label": label}

    claim, actor = utf16("الطريق مفتوح", "CLAIM"), utf16("الناطق", "ACTOR")
    record = {
        "text": text,
        "spans": [claim, actor],
        "relations": [{"head_span": claim, "child_span": actor, "label": "said_by"}],
        "_annotator_id": "amal",
    }
    path = tmp_path / "js.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    import_paths(project, [path], offsets="utf16")
    brat_dir = tmp_path / "b" / "bilal"
    brat_dir.mkdir(parents=True)
    (brat_dir / "d.txt").write_bytes(text.encode("utf-8"))
    start, stop = text.index("الطريق مفتوح"), text.index("الناطق")
    (brat_dir / "d.ann").write_text(
        f"T1\tCLAIM {start} {start + 12}\tالطريق مفتوح\nT2\tACTOR {stop} {stop + 6}\tالناطق\n"
        "R1\tsaid_by Arg1:T1 Arg2:T2\n",
        encoding="utf-8",
    )
    import_paths(project, [tmp_path / "b"])
    found = {(layer, source, target) for layer, source, target, *_ in links(project)}
    claim_at, actor_at = clean.index("الطريق"), clean.index("الناطق")
    assert found == {
        (name, f"CLAIM:{claim_at}:الطريق مفتوح", f"ACTOR:{actor_at}:الناطق")
        for name in ("amal", "bilal")
    }


def test_a_relation_whose_span_is_dropped_by_map_is_counted(project: Store, tmp_path: Path) -> None:
    actor, claim = at(ARTICLE, "المتحدث باسم الوزارة", "ACTOR"), at(ARTICLE, "المعبر مغلق", "CLAIM")
    relation = {"head_span": claim, "child_span": actor, "label": "said_by"}
    report = import_paths(
        project, [prodigy_line(tmp_path / "m.jsonl", [relation])], label_map={"ACTOR": ""}
    )
    assert report.relations_added == 0
    assert "skipped 1: relation whose span was dropped by --map" in report.summary()
