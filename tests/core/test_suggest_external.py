"""Suggestions evaluated on annotated Arabic news from other projects (../shared/external):
NewsFANE's fine-grained entities and Wojood's nested ones, imported as `alama import` does.

Each test prints the table ``alama suggest --evaluate`` prints (run with ``-s`` to see it), and
skips when ../shared is not beside the repository.
"""

from __future__ import annotations

import pytest

from alama.core.importing import import_paths
from alama.core.store import Store
from alama.core.suggest_eval import default_trainers, evaluate_examples, evaluation_table
from alama.core.suggest_layers import layer_examples
from tests.conftest import EXTERNAL

pytestmark = [
    pytest.mark.skipif(not EXTERNAL.is_dir(), reason="../shared/external is not beside the repo"),
    pytest.mark.slow,
]

NEWSFANE_DOCS = 300  # of its 3,627 sentences with spans: the CRF over 45 labels is the slow part


def test_wojood_nested_entities(project: Store) -> None:
    import_paths(project, [EXTERNAL / "wojood-sample" / "test.txt"], annotator="wojood",
                 add_labels=True)  # fmt: skip
    examples = list(layer_examples(project, "wojood"))
    assert len(examples) == 274
    trainers = default_trainers(max_iterations=40)
    ev = evaluate_examples(examples, "wojood", folds=3, trainers=trainers)
    print("\n" + evaluation_table(ev))
    match = ev.cross_validation["match"].overall
    model = ev.cross_validation["model"].overall
    assert match.f1 is not None and match.f1 > 0.3
    assert model.f1 is not None and model.f1 > 0.55 and model.f1 > match.f1
    assert model.precision is not None and model.precision > 0.75
    # nested spans: an organisation and the place inside it both come back
    assert (ev.cross_validation["model"].labels["ORG"].f1 or 0) > 0.6
    assert (ev.cross_validation["model"].labels["GPE"].f1 or 0) > 0.6
    first, last = ev.curve[0].sources["model"].f1, ev.curve[-1].sources["model"].f1
    assert first is not None and last is not None and last > first + 0.1


def test_newsfane_fine_grained_entities(project: Store) -> None:
    path = EXTERNAL / "newsfane-gold" / "NewsFANE_Gold_2014_170K.txt"
    import_paths(project, [path], annotator="fane", add_labels=True)
    examples = list(layer_examples(project, "fane"))[:NEWSFANE_DOCS]
    trainers = default_trainers(max_iterations=40)
    ev = evaluate_examples(examples, "fane", folds=3, trainers=trainers)
    print("\n" + evaluation_table(ev))
    match = ev.cross_validation["match"].overall
    model = ev.cross_validation["model"].overall
    assert match.f1 is not None and match.f1 > 0.25
    assert model.f1 is not None and model.f1 > 0.3
    assert model.precision is not None and model.precision > 0.5
    nation = ev.cross_validation["model"].labels["Nation"]
    assert nation.f1 is not None and nation.f1 > 0.5
    recalls = [point.sources["match"].recall or 0.0 for point in ev.curve]
    assert recalls[-1] > recalls[0]
