"""The label registry and its TOML override."""

from __future__ import annotations

from pathlib import Path

import pytest

from alama.core.errors import InputError
from alama.core.labels import LabelSet, parse_label_map


def test_default_labels_are_actor_place_claim_on_1_2_3() -> None:
    labels = LabelSet.default()
    assert labels.keys == ["ACTOR", "PLACE", "CLAIM"]
    assert [labels.by_shortcut(k).key for k in "123"] == labels.keys  # type: ignore[union-attr]
    assert labels["PLACE"].name_ar == "مكان"


def test_labels_from_toml(tmp_path: Path) -> None:
    path = tmp_path / "labels.toml"
    path.write_text(
        '[[label]]\nkey = "PERS"\nname_ar = "شخص"\nshortcut = "1"\n'
        '[[label]]\nkey = "ORG"\nshortcut = "2"\ncolor = "#123456"\n',
        encoding="utf-8",
    )
    labels = LabelSet.from_toml(path)
    assert labels.keys == ["PERS", "ORG"]
    assert labels["PERS"].name_ar == "شخص" and labels["ORG"].color == "#123456"


@pytest.mark.parametrize(
    "body, message",
    [
        (
            '[[label]]\nkey = "A"\nshortcut = "1"\n[[label]]\nkey = "B"\nshortcut = "1"\n',
            "share the shortcut",
        ),
        ('[[label]]\nkey = "A"\n[[label]]\nkey = "A"\n', "defined twice"),
        ('[[label]]\nkey = "2X"\n', "must start with a letter"),
        ('[[label]]\nkey = "A"\ncolor = "red"\n', "is not #RRGGBB"),
        ("label = [", "not a valid TOML file"),
        ("title = 'x'\n", r"expected one or more \[\[label\]\] tables"),
    ],
)
def test_bad_label_files_are_refused(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "labels.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        LabelSet.from_toml(path)


def test_new_labels_get_free_colours_and_shortcuts() -> None:
    labels = LabelSet.default().with_new(["PERS", "LOC"])
    assert labels.keys == ["ACTOR", "PLACE", "CLAIM", "PERS", "LOC"]
    assert labels["PERS"].shortcut == "4" and labels["LOC"].shortcut == "5"
    assert len({label.color for label in labels}) == 5


def test_unknown_labels_are_named_with_the_way_out() -> None:
    with pytest.raises(InputError, match=r"unknown labels LOC, PERS .*--map.*--add-labels"):
        LabelSet.default().require(["PERS", "ACTOR", "LOC"])


def test_label_map() -> None:
    assert parse_label_map("PERS=ACTOR, LOC=PLACE,MISC=") == {
        "PERS": "ACTOR",
        "LOC": "PLACE",
        "MISC": "",
    }
    with pytest.raises(InputError, match="is not OLD=NEW"):
        parse_label_map("PERS")
