"""Evaluating suggestions: cross-validation by document and a learning curve, figures a lead can
check by hand on a small project."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alama.core.clitics import LabelledText
from alama.core.errors import InputError
from alama.core.store import Store
from alama.core.suggest_eval import (
    Counts,
    evaluate,
    evaluate_examples,
    evaluation_table,
)
from tests.core.test_suggest_model import corpus


def spans_of(text: str, marked: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Spans for the first occurrence of each marked string."""
    return [(text.index(s), text.index(s) + len(s), label) for s, label in marked]


# Four documents: leave one out, and the matcher's figures follow by hand (see the test).
DOCS = [
    ("زار الوفد حلب ثم حماة.", [("حلب", "PLACE"), ("حماة", "PLACE")]),
    ("وصل الوفد إلى حلب مساء.", [("حلب", "PLACE")]),
    ("قال سامي إن حماة هادئة.", [("سامي", "ACTOR"), ("حماة", "PLACE")]),
    ("التقى سامي بأهالي حمص القادمين من حلب.", [("سامي", "ACTOR"), ("حمص", "PLACE")]),
]


def examples() -> list[LabelledText]:
    return [LabelledText(n, text, spans_of(text, marked)) for n, (text, marked) in enumerate(DOCS)]


def test_the_matchers_figures_are_exact_leaving_one_document_out() -> None:
    """Each document held out in turn, the matcher learned from the other three:
    - the first: حلب and حماة learned elsewhere, both found (2 right);
    - the second: حلب found (1 right);
    - the third: سامي (from the fourth) and حماة found (2 right);
    - the fourth: سامي found; حمص learned nowhere else (missed); حلب is there unmarked
      (one suggestion that is no span).
    PLACE: 4 right, 1 wrong, 1 missed; ACTOR: 2 right."""
    ev = evaluate_examples(examples(), "salma", sources=("match",), folds=4, curve=())
    match = ev.cross_validation["match"]
    assert match.labels == {"PLACE": Counts(4, 1, 1), "ACTOR": Counts(2, 0, 0)}
    assert match.overall == Counts(6, 1, 1)
    assert match.labels["PLACE"].precision == pytest.approx(0.8)
    assert match.labels["PLACE"].recall == pytest.approx(0.8)
    assert match.overall.f1 == pytest.approx(6 / 7)
    assert (ev.documents, ev.spans, ev.folds) == (4, 7, 4)
    table = evaluation_table(ev)
    assert "4 folds over 4 documents (7 spans) of the layer 'salma'" in table
    rows = [line.split() for line in table.splitlines()]
    assert ["match", "PLACE", "5", "5", "4", "80.0", "80.0", "80.0"] in rows
    assert ["match", "all", "labels", "7", "7", "6", "85.7", "85.7", "85.7"] in rows


def test_counts_without_suggestions_or_spans_have_no_figures() -> None:
    assert Counts().precision is None and Counts().recall is None and Counts().f1 is None
    assert Counts(0, 0, 3).f1 == 0.0 and Counts(0, 0, 3).recall == 0.0
    assert Counts(0, 2, 0).precision == 0.0 and Counts(0, 2, 0).f1 == 0.0


def test_the_learning_curve_learns_from_more_documents_and_tests_on_the_same_ones() -> None:
    docs = corpus(20)
    told: list[tuple[int, int]] = []
    ev = evaluate_examples(
        docs,
        sources=("match", "model"),
        folds=2,
        curve=(0.1, 0.25, 0.5, 0.8),
        progress=lambda done, steps: told.append((done, steps)),
    )
    assert told == [(n, 12) for n in range(1, 13)]  # 2 sources x (2 folds + 4 shares)
    assert ev.held_out == 4
    assert [p.documents for p in ev.curve] == [2, 5, 10, 16]
    for point in ev.curve:
        assert set(point.sources) == {"match", "model"}
        spans = {c.tp + c.fn for c in point.sources.values()}
        assert len(spans) == 1  # the same held-out spans for every source and share
    match_recall = [p.sources["match"].recall or 0.0 for p in ev.curve]
    assert match_recall == sorted(match_recall) and match_recall[-1] > match_recall[0]
    model = ev.cross_validation["model"].overall
    assert model.f1 is not None and model.f1 > 0.8  # names and their contexts repeat
    data = ev.to_json()
    assert json.loads(json.dumps(data)) == data
    assert data["learning_curve"]["points"][0]["documents"] == 2
    assert set(data["cross_validation"]) == {"match", "model"}
    table = evaluation_table(ev)
    assert "Learning curve: tested on the same 4 held-out documents (20 %)" in table
    assert "match P/R/F1 %" in table and "model P/R/F1 %" in table


def test_the_same_seed_gives_the_same_figures() -> None:
    docs = corpus(12)
    one = evaluate_examples(docs, sources=("match",), folds=3, seed=4).to_json()
    two = evaluate_examples(docs, sources=("match",), folds=3, seed=4).to_json()
    for figures in (one, two):
        figures["cross_validation"]["match"].pop("train_seconds")
        figures["cross_validation"]["match"].pop("suggest_seconds")
    assert one == two


def test_evaluate_reads_the_layer_the_lead_picks(tmp_path: Path) -> None:
    with Store.create(tmp_path / "p.alama") as store:
        for text, marked in DOCS:
            doc = store.add_document(text)[0]
            for start, end, label in spans_of(text, marked):
                store.add_span(doc, "salma", start, end, label)
        store.add_span(doc, "omar", 0, 5, "ACTOR")
        ev = evaluate(store, "salma", sources=("match",), folds=4, curve=())
        assert ev.cross_validation["match"].overall == Counts(6, 1, 1)
        with pytest.raises(
            InputError, match=r"'omar' has 1 document\(s\) with spans: .* at least 2"
        ):
            evaluate(store, "omar", sources=("match",))
        with pytest.raises(InputError, match="no annotator 'nadia'"):
            evaluate(store, "nadia")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sources": ("match", "gpt")}, r"unknown source 'gpt' \(sources: match, model, camel\)"),
        ({"sources": ()}, "no source to evaluate"),
        ({"folds": 1}, "at least 2 folds, not 1"),
        ({"curve": (0.5, 1.0)}, "between 0 and 1, not 1"),
    ],
)
def test_bad_options_are_refused_in_one_line(options: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        evaluate_examples(examples(), **options)  # type: ignore[arg-type]
    assert "\n" not in str(caught.value)


def test_camel_is_refused_in_one_line_when_its_data_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAMELTOOLS_DATA", str(tmp_path / "no-camel-data"))
    with pytest.raises(InputError, match=r"camel_data -i ner-arabert"):
        evaluate_examples(examples(), sources=("camel",), folds=2, curve=())
