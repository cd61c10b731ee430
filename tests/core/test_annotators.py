"""Near-duplicate annotator names: the typo that would start an empty layer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from alama.core.annotators import edit_distance, name_key, similar_annotator
from alama.core.cli import cli
from alama.core.store import Store

TEAM = ["amal", "bilal", "أمل", "@gold", "Sara Haddad"]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Amal", "amal"),  # case
        ("  amal ", "amal"),  # spaces around
        ("ＡＭＡＬ", "amal"),  # full-width letters (NFKC)
        ("amál", "amal"),  # a Latin diacritic
        ("أَمَل", "أمل"),  # Arabic short vowels
        ("أمــل", "أمل"),  # tatweel
        ("امل", "أمل"),  # hamza left out
        ("sara  haddad", "Sara Haddad"),  # case and doubled space
        ("bilai", "bilal"),  # one letter wrong, 5 letters
        ("bilall", "bilal"),  # one letter more
        ("biall", "bilal"),  # two letters swapped
        ("amall", "amal"),  # one more letter on a 4-letter name
    ],
)
def test_a_near_duplicate_names_the_existing_annotator(typed: str, meant: str) -> None:
    assert similar_annotator(typed, TEAM) == meant


@pytest.mark.parametrize(
    "typed",
    [
        "amal",  # the annotator itself
        "omar",  # another person: two letters differ
        "ama",  # too short to guess a typo
        "bil",
        "sami",
        "gold",  # the gold layer is not an annotator
        "",
    ],
)
def test_other_names_are_not_near_duplicates(typed: str) -> None:
    assert similar_annotator(typed, TEAM) is None


def test_short_names_differing_by_a_letter_are_different_people() -> None:
    assert similar_annotator("ali", ["alia"]) is None  # "ali" has 3 letters
    assert similar_annotator("omar", ["amar"]) == "amar"


def test_exact_differences_win_over_typos() -> None:
    assert similar_annotator("Amal", ["amel", "amal"]) == "amal"


def test_name_key_and_distance() -> None:
    assert name_key(" Amal\u0640 ") == "amal"
    assert edit_distance("amal", "amla") == 1
    assert edit_distance("amal", "amal") == 0
    assert edit_distance("amal", "omar") == 2
    assert edit_distance("a", "abcd") == 2  # counted up to the limit


def test_import_warns_about_a_near_duplicate_annotator(tmp_path: Path) -> None:
    """`alama import --annotator Amal` beside amal: one line on stderr, the import still runs."""
    runner = CliRunner()
    project = str(tmp_path / "p.alama")
    with Store.create(tmp_path / "p.alama") as store:
        doc, _ = store.add_document("قال الجيش إن حلب آمنة")
        store.add_span(doc, "amal", 4, 9, "ACTOR")
    source = tmp_path / "in.jsonl"
    record = {"text": "خبر آخر عن حمص", "spans": [{"start": 11, "end": 14, "label": "PLACE"}]}
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", project, str(source), "--annotator", "Amal"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: annotator 'Amal' looks like the existing 'amal'; spans without a name go to "
        "a new layer (--annotator 'amal' if it is them)"
    ]
    with Store.open(tmp_path / "p.alama") as store:
        assert store.annotators() == ["Amal", "amal"]  # warned, not refused
    again = runner.invoke(cli, ["import", project, str(source), "--annotator", "amal"])
    assert again.exit_code == 0 and "warning" not in again.stderr
