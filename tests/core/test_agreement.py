"""Agreement of a project (SPEC 9): published examples through the whole path, done-only
counting, null for no data, and the command line's JSON and table."""

from __future__ import annotations

import json
import random
import re
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core import measures
from alama.core.agreement import agreement
from alama.core.cli import cli
from alama.core.errors import InputError
from alama.core.importing import import_paths
from alama.core.model import Status
from alama.core.store import Store
from tests.conftest import EXTERNAL


def build(
    store: Store,
    texts: dict[str, str],
    layers: dict[str, dict[str, list[tuple[int, int, str]]]],
    done: bool = True,
) -> None:
    """Documents by name, and each annotator's spans per document, marked done."""
    labels = {label for layer in layers.values() for spans in layer.values() for *_, label in spans}
    new = sorted(labels - set(store.labels().keys))
    if new:
        store.set_labels(store.labels().with_new(new))
    ids = {}
    for name, text in texts.items():
        ids[name], _ = store.add_document(text, doc_id=name)
    for annotator, documents in layers.items():
        for name, spans in documents.items():
            store.add_spans(ids[name], annotator, spans)
            if done:
                store.set_status(ids[name], annotator, Status.DONE)


# F1. bratiaa's own test (agree-2): 2 annotators, 2 documents; total exact F1 = 26/33.
AGREE_2 = {
    "ann1": {
        "doc29": [(4, 17, "PER"), (18, 24, "LOC"), (34, 37, "ORG"), (361, 397, "PER"),
                  (563, 567, "PER"), (720, 724, "PER"), (1074, 1078, "PER"), (1081, 1096, "PER"),
                  (2376, 2387, "MISC"), (2498, 2504, "LOC")],
        "doc46": [(0, 8, "LOC"), (18, 21, "ORG"), (192, 195, "ORG"), (327, 344, "PER"),
                  (454, 465, "PER"), (650, 653, "ORG")],
    },
    "ann2": {
        "doc29": [(4, 17, "PER"), (34, 37, "ORG"), (361, 397, "PER"), (563, 567, "PER"),
                  (720, 724, "PER"), (1081, 1096, "PER"), (2376, 2387, "MISC"),
                  (2498, 2504, "LOC")],
        "doc46": [(0, 8, "LOC"), (18, 21, "ORG"), (42, 54, "LOC"), (161, 190, "ORG"),
                  (327, 344, "PER"), (408, 426, "ORG"), (454, 465, "PER"), (516, 523, "ORG"),
                  (650, 653, "ORG")],
    },
}  # fmt: skip


def test_bratiaa_agree_2(project: Store) -> None:
    build(project, {"doc29": "ن " * 1300, "doc46": "ب " * 400}, AGREE_2)
    figures = agreement(project, labels=["PER", "LOC", "ORG", "MISC"])
    assert figures["overall"]["f1_exact"] == pytest.approx(26 / 33, abs=5e-5)
    assert figures["overall"]["f1_exact_sd"] == 0
    assert {label: entry["f1_exact"] for label, entry in figures["labels"].items()} == {
        "PER": pytest.approx(0.9333, abs=5e-5),
        "LOC": pytest.approx(0.6667, abs=5e-5),
        "ORG": pytest.approx(0.6, abs=5e-5),
        "MISC": 1.0,
    }
    assert {d["doc_id"]: d["f1_exact"] for d in figures["per_document"]} == {
        "doc29": pytest.approx(0.8889, abs=5e-5),
        "doc46": pytest.approx(0.6667, abs=5e-5),
    }
    assert [d["doc_id"] for d in figures["per_document"]] == ["doc46", "doc29"]  # worst first
    # ann1's 18-24, 192-195 and 1074-1078, ann2's 42-54, 161-190, 408-426 and 516-523 have
    # nothing of any label opposite them
    assert figures["disagreements"] == {
        "boundary": 0,
        "label": 0,
        "boundary_and_label": 0,
        "missing": 7,
    }


# F3. Constructed nested example (iaa.md): ACTOR nested in CLAIM; a text of 100 one-character
# tokens, so that token layers are character layers.
NESTED = {
    "a": {"doc": [(0, 10, "ACTOR"), (20, 30, "PLACE"), (40, 80, "CLAIM"), (50, 55, "ACTOR")]},
    "b": {"doc": [(0, 12, "ACTOR"), (20, 30, "PLACE"), (40, 78, "CLAIM"), (85, 90, "PLACE")]},
}


def test_nested_example_every_measure(project: Store) -> None:
    build(project, {"doc": "." * 100}, NESTED)
    figures = agreement(project)
    labels = figures["labels"]
    assert figures["overall"]["f1_exact"] == 0.25
    assert figures["overall"]["f1_partial"] == 0.75
    assert [labels[k]["f1_exact"] for k in ("ACTOR", "PLACE", "CLAIM")] == pytest.approx(
        [0, 2 / 3, 0]
    )
    assert [labels[k]["f1_partial"] for k in ("ACTOR", "PLACE", "CLAIM")] == pytest.approx(
        [2 / 3, 2 / 3, 1.0]
    )
    assert [labels[k]["alpha_u"] for k in ("ACTOR", "PLACE", "CLAIM")] == pytest.approx(
        [0.8637, 0.8466, 0.9916], abs=5e-5
    )
    assert figures["overall"]["alpha_u"] == pytest.approx(0.9321, abs=5e-5)
    assert [labels[k]["cohen_kappa"] for k in ("ACTOR", "PLACE", "CLAIM")] == pytest.approx(
        [0.7009, 0.7727, 0.9580], abs=5e-5
    )
    assert [labels[k]["krippendorff_alpha"] for k in ("ACTOR", "PLACE", "CLAIM")] == (
        pytest.approx([0.7018, 0.7726, 0.9582], abs=5e-5)
    )
    assert figures["overall"]["cohen_kappa"] == pytest.approx(
        (0.7009 + 0.7727 + 0.9580) / 3, abs=1e-4
    )
    assert figures["disagreements"] == {
        "boundary": 2,  # ACTOR 0-10 / 0-12, CLAIM 40-80 / 40-78
        "label": 0,
        "boundary_and_label": 1,  # ACTOR 50-55 lies inside b's CLAIM 40-78
        "missing": 1,  # PLACE 85-90
    }


def test_json_shape_of_spec_9(project: Store) -> None:
    build(project, {"doc": "." * 100}, NESTED)
    figures = agreement(project)
    assert set(figures) >= {
        "annotators", "documents", "overall", "labels", "pairs", "per_document", "disagreements",
    }  # fmt: skip
    assert figures["annotators"] == ["a", "b"] and figures["documents"] == 1
    assert set(figures["overall"]) >= {
        "f1_exact", "f1_exact_sd", "f1_partial", "f1_partial_sd", "alpha_u", "cohen_kappa",
        "fleiss_kappa", "krippendorff_alpha",
    }  # fmt: skip
    assert figures["labels"]["ACTOR"]["spans"] == 3
    (pair,) = figures["pairs"]
    assert pair["annotators"] == ["a", "b"] and pair["documents"] == 1
    assert set(pair["labels"]["ACTOR"]) >= {"f1_exact", "f1_partial", "cohen_kappa", "spans"}
    (doc,) = figures["per_document"]
    assert doc["doc_id"] == "doc" and doc["annotators"] == ["a", "b"]
    json.dumps(figures)  # plain JSON: no NaN, no numpy numbers


@pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo")
def test_bratiaa_published_report(project: Store) -> None:
    # bratiaa's instance-agreement-report.md for its 4-annotator example (commit b1e8183)
    import_paths(project, [EXTERNAL / "bratiaa-4annotators" / "example-project"], add_labels=True)
    figures = agreement(project, labels=["LOC", "MISC", "ORG", "PER"])
    assert (figures["overall"]["f1_exact"], figures["overall"]["f1_exact_sd"]) == (
        pytest.approx(0.890, abs=5e-4),
        pytest.approx(0.053, abs=5e-4),
    )
    published = {"LOC": (0.819, 0.131), "MISC": (0.840, 0.090), "ORG": (0.906, 0.053),
                 "PER": (0.938, 0.039)}  # fmt: skip
    for label, (mean, sd) in published.items():
        entry = figures["labels"][label]
        assert (entry["f1_exact"], entry["f1_exact_sd"]) == (
            pytest.approx(mean, abs=5e-4),
            pytest.approx(sd, abs=5e-4),
        )
    per_document = {
        "esp.train-doc-100": (0.798, 0.167), "esp.train-doc-1400": (0.894, 0.039),
        "esp.train-doc-29": (0.906, 0.072), "esp.train-doc-423": (0.906, 0.037),
        "esp.train-doc-46": (0.936, 0.023), "esp.train-doc-503": (0.907, 0.052),
        "esp.train-doc-896": (0.873, 0.063),
    }  # fmt: skip
    for entry in figures["per_document"]:
        mean, sd = per_document[entry["doc_id"]]
        assert entry["f1_exact"] == pytest.approx(mean, abs=5e-4)
        assert entry["f1_exact_sd"] == pytest.approx(sd, abs=5e-4)
    assert len(figures["pairs"]) == 6


# --- who and what counts ------------------------------------------------------------------------


def test_only_finished_documents_count(project: Store) -> None:
    texts = {"one": "قال سامي في حلب", "two": "زار الوفد عمّان", "three": "خبر ثالث"}
    build(
        project,
        texts,
        {
            "amal": {"one": [(4, 8, "ACTOR")], "two": [(10, 15, "PLACE")]},
            "bilal": {"one": [(4, 8, "ACTOR")], "two": [(0, 3, "CLAIM")]},
        },
    )
    # bilal has not finished "two": it is left out of the pair, so they agree completely
    two = next(i.id for i in project.documents() if i.doc_id == "two")
    project.set_status(two, "bilal", Status.IN_PROGRESS)
    # nadia labelled but finished nothing: left out, not read as "no spans"
    one = next(i.id for i in project.documents() if i.doc_id == "one")
    project.add_spans(one, "nadia", [(0, 3, "CLAIM")])
    figures = agreement(project)
    assert figures["annotators"] == ["amal", "bilal"]
    assert figures["not_counted"] == ["nadia"]
    assert figures["documents"] == 1
    assert figures["overall"]["f1_exact"] == 1.0
    assert figures["pairs"][0]["documents"] == 1


def test_documents_restrict_every_figure(project: Store, tmp_path: Path) -> None:
    """Agreement on some documents (a team's overlap set) is agreement on a project holding
    only them: every figure, per pair and per document, and nobody counted with none done."""
    texts = {"one": "قال سامي في حلب", "two": "زار الوفد عمّان", "three": "خبر ثالث هنا"}
    layers = {
        "amal": {"one": [(4, 8, "ACTOR")], "two": [(10, 15, "PLACE")], "three": [(0, 3, "CLAIM")]},
        "bilal": {"one": [(4, 8, "ACTOR")], "two": [(0, 3, "CLAIM")], "three": [(4, 9, "CLAIM")]},
        "chadi": {"three": [(0, 3, "CLAIM")]},
    }
    build(project, texts, layers)
    ids = {d.doc_id: d.id for d in project.documents()}
    only = Store.create(tmp_path / "only.alama")
    kept = {a: {k: v for k, v in docs.items() if k != "three"} for a, docs in layers.items()}
    build(only, {k: texts[k] for k in ("one", "two")}, kept)
    figures = agreement(project, documents=[ids["one"], ids["two"]])
    alone = agreement(only)
    only.close()
    assert figures["not_counted"] == ["chadi"]  # finished none of the chosen documents
    assert {**figures, "not_counted": []} == alone
    assert figures["documents"] == 2 and agreement(project)["documents"] == 3
    assert agreement(project, documents=set())["documents"] == 0


def test_pair_without_shared_documents_is_null(project: Store) -> None:
    build(
        project,
        {"one": "قال سامي", "two": "في حلب"},
        {
            "amal": {"one": [(4, 8, "ACTOR")], "two": [(3, 6, "PLACE")]},
            "bilal": {"one": [(4, 8, "ACTOR")]},
            "chadi": {"two": [(3, 6, "PLACE")]},
        },
    )
    figures = agreement(project)
    pairs = {tuple(p["annotators"]): p for p in figures["pairs"]}
    assert pairs[("bilal", "chadi")]["documents"] == 0
    assert pairs[("bilal", "chadi")]["f1_exact"] is None
    assert pairs[("bilal", "chadi")]["cohen_kappa"] is None
    assert figures["overall"]["f1_exact"] == 1.0  # the mean of the pairs that have data
    assert figures["overall"]["fleiss_kappa"] is None  # nobody but amal finished both documents
    assert figures["overall"]["alpha_u"] is None


@pytest.mark.parametrize(
    "layers",
    [
        {"amal": {"doc": [(4, 8, "ACTOR")]}},  # one annotator
        {"amal": {"doc": []}, "bilal": {"doc": []}},  # nobody marked anything
        {
            "amal": {"doc": [(0, 15, "ACTOR")]},
            "bilal": {"doc": [(0, 15, "ACTOR")]},
        },  # all one class
    ],
    ids=["one-annotator", "no-spans", "every-token-the-same"],
)
def test_degenerate_studies_give_null_not_a_crash(
    project: Store, layers: dict[str, dict[str, list[tuple[int, int, str]]]]
) -> None:
    build(project, {"doc": "قال سامي في حلب"}, layers)
    figures = agreement(project)
    json.dumps(figures)
    if len(layers) == 1:
        assert figures["documents"] == 0 and figures["pairs"] == []
        assert all(value is None for key, value in figures["overall"].items()
                   if key not in ("documents", "spans"))  # fmt: skip
    elif not layers["amal"]["doc"]:
        assert figures["overall"]["f1_exact"] is None
        assert figures["overall"]["cohen_kappa"] is None
        assert figures["overall"]["alpha_u"] is None
    else:
        assert figures["labels"]["ACTOR"]["f1_exact"] == 1.0
        assert figures["labels"]["ACTOR"]["cohen_kappa"] is None  # no variation: undefined
        assert figures["labels"]["ACTOR"]["alpha_u"] == 1.0


def test_unknown_annotator_or_label_is_one_clear_error(project: Store) -> None:
    build(project, {"doc": "قال سامي"}, {"amal": {"doc": [(4, 8, "ACTOR")]}})
    with pytest.raises(InputError, match="no annotator nadia"):
        agreement(project, annotators=["nadia"])
    with pytest.raises(InputError, match="unknown label PERSON"):
        agreement(project, labels=["PERSON"])


# --- command line --------------------------------------------------------------------------------


def test_command_line_json_and_table(project: Store) -> None:
    build(project, {"doc": "." * 100}, NESTED)
    runner = CliRunner()
    result = runner.invoke(cli, ["agreement", str(project.path), "--json"])
    assert result.exit_code == 0, result.output
    figures: dict[str, Any] = json.loads(result.output)
    assert figures["overall"]["f1_exact"] == 0.25
    table = runner.invoke(cli, ["agreement", str(project.path)])
    assert table.exit_code == 0
    lines = table.output.splitlines()
    assert lines[0] == "2 annotators (a, b), 1 document finished by at least two of them"
    overall = next(line for line in lines if line.startswith("overall"))
    assert overall.split()[1:4] == ["0.250", "±", "0.000"]
    assert "disagreements: 2 boundary, 0 label, 1 boundary and label, 1 missing" in table.output
    only = runner.invoke(cli, ["agreement", str(project.path), "--labels", "PLACE", "--json"])
    assert list(json.loads(only.output)["labels"]) == ["PLACE"]
    bad = runner.invoke(cli, ["agreement", str(project.path), "--annotators", "a,zed"])
    assert bad.exit_code == 1
    assert bad.output.strip().startswith("Error: no annotator zed")


def test_a_project_with_no_finished_pairs_says_so(tmp_path: Path) -> None:
    runner = CliRunner()
    project = tmp_path / "p.alama"
    runner.invoke(cli, ["init", str(project)])
    result = runner.invoke(cli, ["agreement", str(project)])
    assert result.exit_code == 0
    assert "nothing to compare yet" in result.output


# --- the same figures as before streaming (issue 18) ---------------------------------------------

GOLDEN = Path(__file__).parents[1] / "data" / "agreement_golden.json"
"""The figures of `varied` as the whole-study code computed them (before agreement streamed the
project a document at a time), for every case of `golden_cases`."""
WORDS = ("قال", "الوزيرُ", "إنّ", "القوات", "ستنسحب", "مـــن", "حلب", "«الاتفاق»", "BBC",
         "١٢٪", "2026", "📰", "وادي\u00a0حضرموت", "عمّان", "news", "…", "المتحدث", "باسم",
         "الحكومة")  # fmt: skip
SLIPS = ("miss", "shift", "relabel", "extra", "same")


def varied(store: Store, seed: int = 18) -> dict[str, int]:
    """A project with what agreement must get right: five annotators (nadia finishes nothing,
    dina half, bilal most), nested and overlapping spans of one label, an unused label, deleted
    spans, a gold layer, documents without stored tokens, texts with emoji, tatweel, Latin and
    no-break spaces. Returns the document ids by name."""
    rng = random.Random(seed)
    store.set_labels(store.labels().with_new(["EVENT", "UNUSED"]))
    ids: dict[str, int] = {}
    for n in range(36):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 70)))
        name = f"d{n:02}"
        ids[name], _ = store.add_document(text, doc_id=name, title=f"عنوان {n}")
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text)]
        truth = []
        for _ in range(rng.randint(0, 9)):
            first = rng.randrange(len(words))
            last = min(len(words) - 1, first + rng.choice((0, 0, 1, 2, 5)))
            label = rng.choice(("ACTOR", "PLACE", "CLAIM", "CLAIM", "EVENT"))
            truth.append((words[first][0], words[last][1], label))
        for who in ("amal", "bilal", "chadi", "dina", "nadia"):
            layer = set()
            for start, end, label in truth:
                slip = rng.choice(SLIPS)
                if slip == "miss":
                    continue
                if slip == "shift":
                    inside = [e for s, e in words if start < e < end]
                    end = rng.choice(inside) if inside else min(len(text), end + 1)
                if slip == "relabel":
                    label = rng.choice(("ACTOR", "PLACE", "CLAIM"))
                if slip == "extra":
                    s, e = rng.choice(words)
                    layer.add((s, e, label))
                layer.add((start, end, label))
            if layer:
                store.add_spans(ids[name], who, sorted(layer))
            finish = {"amal": 1.0, "chadi": 1.0, "bilal": 0.8, "dina": 0.5, "nadia": 0.0}[who]
            if rng.random() < finish:
                store.set_status(ids[name], who, Status.DONE)
            elif rng.random() < 0.5:
                store.set_status(ids[name], who, Status.IN_PROGRESS)
        if truth and rng.random() < 0.3:
            for span in store.spans(ids[name], "amal")[:1]:
                store.delete_span(span.id)
        if truth:
            start, end, label = truth[0]
            store.add_gold(ids[name], start, end, label, reviewer="rania")
    conn = sqlite3.connect(store.path)
    with conn:  # documents made before tokens were stored: camel-tools' tokens
        conn.execute(
            "DELETE FROM tokens WHERE doc IN (?, ?, ?)", (ids["d03"], ids["d10"], ids["d11"])
        )
    conn.close()
    return ids


def golden_cases(store: Store, ids: dict[str, int]) -> dict[str, dict[str, Any]]:
    bilal_done = [doc for doc, name, state in store.layers()
                  if name == "bilal" and state is Status.DONE]  # fmt: skip
    return {
        "all": agreement(store),
        "three": agreement(store, annotators=["amal", "bilal", "chadi"]),
        "labels": agreement(store, labels=["CLAIM", "ACTOR", "UNUSED"]),
        "bilal_done": agreement(store, documents=bilal_done),
        "two_documents": agreement(store, documents=[ids["d05"], ids["d20"]]),
    }


def test_the_same_figures_as_the_whole_study_code(project: Store) -> None:
    """Every figure, to the last digit, as the code that read the whole project computed it."""
    figures = golden_cases(project, varied(project))
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for case, value in expected.items():
        assert json.dumps(figures[case], ensure_ascii=False) == json.dumps(
            value, ensure_ascii=False
        ), case


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(1, 60),
            st.lists(st.lists(st.tuples(st.integers(0, 59), st.integers(1, 30)), max_size=6),
                     min_size=3, max_size=3),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from([1, 10**6]),
)  # fmt: skip
def test_unitizing_counts_a_document_at_a_time_equal_alpha_u(
    documents: list[tuple[int, list[list[tuple[int, int]]]]], scale: int
) -> None:
    """αU added a document at a time is `measures.alpha_u` of the documents laid end to end,
    to the last digit; ``scale`` makes the sums pass 2**53, where float order matters."""
    counts = measures.UnitizingCounts(3)
    whole: list[list[tuple[int, int]]] = [[], [], []]
    at = 0
    for length, coders in documents:
        length *= scale
        units = []
        for coder, spans in enumerate(coders):
            inside = [(b * scale % length, min(length, (b + w) * scale)) for b, w in spans]
            flat = measures.flatten([(b, e) for b, e in inside if b < e])
            units.append(flat)
            whole[coder].extend((b + at, e + at) for b, e in flat)
        counts.add(length, units)
        at += length
    assert counts.result() == measures.alpha_u(at, whole)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.booleans(), min_size=4, max_size=4), max_size=40),
       st.integers(2, 4))  # fmt: skip
def test_kappas_from_counts_equal_the_table_functions(
    tokens: list[list[bool]], raters: int
) -> None:
    """Fleiss' kappa and Krippendorff's alpha from marked-by-how-many counts are the figures
    of the items × categories table they count (missing ratings: fewer raters on an item)."""
    marked = [0] * (raters + 1)
    by_raters = [[0] * 5 for _ in range(5)]
    table, with_missing = [], []
    for n, marks in enumerate(tokens):
        ones = sum(marks[:raters])
        marked[ones] += 1
        table.append([raters - ones, ones])
        m = 2 + n % 3
        k = sum(marks[:m])
        by_raters[m][k] += 1
        with_missing.append([m - k, k])
    counts = np.array(table, dtype=np.int64).reshape(-1, 2)
    assert measures.fleiss_kappa_binary(marked, raters) == pytest.approx(
        measures.fleiss_kappa(counts), abs=1e-12
    )
    missing = np.array(with_missing, dtype=np.int64).reshape(-1, 2)
    alpha = measures.krippendorff_alpha_nominal(missing)
    if len(tokens) < 3:  # at most three ratings an item: every term is a whole or half number,
        assert measures.krippendorff_alpha_binary(by_raters) == alpha  # the sums are exact
    else:  # with four, thirds: the table's float sum rounds in its own order, far below 1e-12
        assert measures.krippendorff_alpha_binary(by_raters) == pytest.approx(alpha, abs=1e-12)
