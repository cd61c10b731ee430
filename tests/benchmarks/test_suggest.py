"""Suggestions on 10,000 documents: teaching the string matcher (the one `alama suggest` and the
window use) and the CRF, then suggesting for every document with each (issue 20)."""

from __future__ import annotations

import corpus
import pytest
from harness import DOCS, NOTES, Row, measure, record

from alama.core.clitics import LabelledText
from alama.core.live_matcher import LiveMatcher
from alama.core.suggest import Source
from alama.core.suggest_model import CrfTagger

pytestmark = pytest.mark.benchmark
CRF_DOCS = 1_000  # the CRF learns from a sample: the first 1,000 documents
CRF_TRAIN_S = 60.0  # "in seconds to a minute"
LAYER = corpus.ANNOTATORS[0]


@pytest.fixture(scope="module")
def examples() -> list[LabelledText]:
    """The benchmark's articles with one annotator's spans."""
    return [
        LabelledText(n, article.text, article.layers[LAYER])
        for n, article in enumerate(corpus.articles(DOCS))
    ]


def _suggest_all(source: Source, examples: list[LabelledText]) -> int:
    return sum(len(source.suggest(example.text, example.doc)) for example in examples)


def test_teach_and_suggest(examples: list[LabelledText]) -> None:
    spans = sum(len(example.spans) for example in examples)
    matchers: list[LiveMatcher] = []
    record(
        Row(
            f"teach the string matcher from {DOCS:,} documents ({spans:,} spans)",
            measure(lambda: matchers.append(LiveMatcher.from_examples(examples)), runs=1),
        )
    )
    sample = examples[:CRF_DOCS]
    words = sum(len(example.text.split()) for example in sample)
    taggers: list[CrfTagger] = []
    record(
        Row(
            f"train the CRF on {len(sample):,} of them ({words:,} words, 60 iterations)",
            measure(lambda: taggers.append(CrfTagger.train(sample)), runs=1),
            target_s=CRF_TRAIN_S,
        )
    )
    counts: dict[str, int] = {}
    for source in (matchers[0], taggers[0]):
        record(
            Row(
                f"suggest for {DOCS:,} documents: {source.name}",
                measure(
                    lambda s=source: counts.__setitem__(s.name, _suggest_all(s, examples)), runs=1
                ),
            )
        )
    NOTES.append(
        f"Suggestions: the matcher proposed {counts['match']:,} spans and the CRF "
        f"{counts['model']:,} for the {DOCS:,} documents ({spans:,} spans in {LAYER}'s layer); "
        "camel-tools' model is not timed (its data is a separate download)."
    )
    assert counts["match"] > 0 and counts["model"] > 0
