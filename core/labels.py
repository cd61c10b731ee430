"""The label registry: one place that defines every label and relation type a project can use.

A label is one `Label` entry; a relation type (`RelationType`) links a span of some labels to a
span of others, with attributes of fixed values (``said_by``: a CLAIM to the ACTOR who made
it, with its ``stance``). Projects store their own label set and relation types (so a project
file opened on another machine shows the same ones); a new project starts from `DEFAULT_LABELS`
and `DEFAULT_RELATIONS`, or from a TOML file of ``[[label]]`` and ``[[relation]]`` tables.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from alama.core.errors import InputError
from alama.core.messages import Message
from alama.core.relation_types import (
    DEFAULT_RELATIONS,
    RelationType,
    check_relation,
    fitting_relations,
    relations_from_toml,
)

# Okabe & Ito's palette: distinguishable with the common forms of colour blindness.
PALETTE = ("#0072B2", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999999")
_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")
_COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True, slots=True)
class Label:
    """One label: its key (as exported), names in both languages, shortcut key and colour."""

    key: str
    name_ar: str
    name_en: str
    shortcut: str
    color: str
    description: str = ""

    def name(self, language: str) -> str:
        """The label's name in an interface language ("ar" or "en")."""
        return self.name_ar if language == "ar" else self.name_en


DEFAULT_LABELS: tuple[Label, ...] = (
    Label(
        "ACTOR",
        "فاعل",
        "Actor",
        "1",
        PALETTE[0],
        "A person, group, state, army or organisation that acts or speaks",
    ),
    Label(
        "PLACE",
        "مكان",
        "Place",
        "2",
        PALETTE[1],
        "A named location: country, city, region, base, crossing, camp",
    ),
    Label(
        "CLAIM",
        "ادعاء",
        "Claim",
        "3",
        PALETTE[2],
        "A statement attributed to someone: what is asserted, denied or reported",
    ),
)


RESERVED_RELATION_KEYS = ("s", "q", "l")
"""Keys the window gives links (stance, quote, next link): no relation type may take them."""


class LabelSet:
    """An ordered, validated set of labels with unique keys and shortcuts."""

    def __init__(self, labels: Iterable[Label], relations: Iterable[RelationType] = ()) -> None:
        self._labels: dict[str, Label] = {}
        shortcuts: dict[str, str] = {}
        for label in labels:
            _check_label(label)
            if label.key in self._labels:
                raise InputError(f"label {label.key!r} is defined twice")
            if label.shortcut and label.shortcut in shortcuts:
                raise InputError(
                    f"labels {shortcuts[label.shortcut]!r} and {label.key!r} "
                    f"share the shortcut {label.shortcut!r}"
                )
            if label.shortcut:
                shortcuts[label.shortcut] = label.key
            self._labels[label.key] = label
        self.relations: tuple[RelationType, ...] = tuple(relations)
        """The relation types, in order."""
        seen: set[str] = set()
        keys = {shortcut.casefold(): f"label {key!r}" for shortcut, key in shortcuts.items()}
        keys.update((key, "the window's own key") for key in RESERVED_RELATION_KEYS)
        for relation in self.relations:
            check_relation(relation, self._labels)
            if relation.key in seen:
                raise InputError(f"relation type {relation.key!r} is defined twice")
            if relation.key in self._labels:  # (the relation cue beside the label CUE is fine)
                raise InputError(
                    f"relation type {relation.key!r} has a label's name; give it another"
                )
            seen.add(relation.key)
            if relation.shortcut:
                taken = keys.get(relation.shortcut.casefold())
                if taken is not None:
                    raise InputError(
                        f"relation type {relation.key!r}: its shortcut {relation.shortcut!r} is "
                        f"{taken} already; choose another key"
                    )
                keys[relation.shortcut.casefold()] = f"relation type {relation.key!r}"

    @classmethod
    def default(cls) -> LabelSet:
        """The labels of SPEC 5: ACTOR, PLACE, CLAIM; with ``said_by`` (CLAIM → ACTOR)."""
        return cls(DEFAULT_LABELS, fitting_relations(DEFAULT_RELATIONS, _keys(DEFAULT_LABELS)))

    def relation(self, key: str) -> RelationType | None:
        """The relation type with this key, or None."""
        return next((r for r in self.relations if r.key == key), None)

    def relations_from(self, label: str) -> tuple[RelationType, ...]:
        """The relation types a span with this label can start."""
        return tuple(r for r in self.relations if label in r.sources)

    @classmethod
    def from_toml(cls, path: Path) -> LabelSet:
        """Read a label set from ``[[label]]`` tables (key, name_ar, name_en, shortcut, color)."""
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise InputError(f"{path}: no such file") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            raise InputError(f"{path}: not a valid TOML file: {error}") from None
        entries = data.get("label")
        if not isinstance(entries, list) or not entries:
            raise InputError(f"{path}: expected one or more [[label]] tables")
        labels = []
        for number, entry in enumerate(entries, 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
                raise InputError(f"{path}: label {number} has no key")
            key = entry["key"]
            fields = {
                name: entry.get(name)
                for name in ("name_ar", "name_en", "shortcut", "color", "description")
            }
            bad = [
                name
                for name, value in fields.items()
                if value is not None and not isinstance(value, str)
            ]
            if bad:
                raise InputError(f"{path}: label {key!r}: {bad[0]} must be a string")
            labels.append(
                Label(
                    key=key,
                    name_ar=fields["name_ar"] or key,
                    name_en=fields["name_en"] or key,
                    shortcut=fields["shortcut"] or "",
                    color=fields["color"] or PALETTE[(number - 1) % len(PALETTE)],
                    description=fields["description"] or "",
                )
            )
        relations = relations_from_toml(path, data.get("relation"))
        if relations is None:
            relations = fitting_relations(DEFAULT_RELATIONS, _keys(labels))
        try:
            return cls(labels, relations)
        except InputError as error:
            raise InputError(f"{path}: {error}") from None

    def with_new(self, keys: Iterable[str]) -> LabelSet:
        """This set plus a label for each unknown key, with the next free colour and shortcut."""
        labels = list(self._labels.values())
        used = {label.shortcut for label in labels}
        free = iter([s for s in "1234567890" if s not in used])
        for key in keys:
            if key in self._labels or any(label.key == key for label in labels):
                continue
            color = PALETTE[len(labels) % len(PALETTE)]
            labels.append(Label(key, key, key, next(free, ""), color))
        return LabelSet(labels, self.relations)

    def __iter__(self) -> Iterator[Label]:
        return iter(self._labels.values())

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, key: object) -> bool:
        return key in self._labels

    def __getitem__(self, key: str) -> Label:
        return self._labels[key]

    def get(self, key: str) -> Label | None:
        """The label with this key, or None (a span of a label since removed)."""
        return self._labels.get(key)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, LabelSet)
            and list(self) == list(other)
            and self.relations == other.relations
        )

    def __repr__(self) -> str:
        return f"LabelSet({', '.join(self._labels)})"

    @property
    def keys(self) -> list[str]:
        """Label keys in palette order."""
        return list(self._labels)

    def by_shortcut(self, shortcut: str) -> Label | None:
        """The label whose shortcut is ``shortcut``, if any."""
        return next((lb for lb in self if lb.shortcut and lb.shortcut == shortcut), None)

    def require(self, keys: Iterable[str]) -> None:
        """Raise `InputError` naming every key this set does not know."""
        unknown = sorted({key for key in keys if key not in self._labels})
        if unknown:
            template = (
                "unknown labels %1 (the project has %2); "
                if len(unknown) > 1
                else "unknown label %1 (the project has %2); "
            ) + "rename with --map OLD=NEW or add with --add-labels"
            raise InputError(Message(template, ", ".join(unknown), ", ".join(self._labels)))


def _check_label(label: Label) -> None:
    if not _KEY_RE.match(label.key):
        raise InputError(
            f"label key {label.key!r} must start with a letter and use letters, digits, _ . -"
        )
    if not _COLOR_RE.match(label.color):
        raise InputError(f"label {label.key!r}: colour {label.color!r} is not #RRGGBB")
    if len(label.shortcut) > 1:
        raise InputError(f"label {label.key!r}: shortcut {label.shortcut!r} must be one key")


def _keys(labels: Iterable[Label]) -> list[str]:
    return [label.key for label in labels]


def parse_label_map(spec: str | None) -> dict[str, str]:
    """Parse ``PERS=ACTOR,LOC=PLACE`` into a mapping; an empty target drops the label."""
    mapping: dict[str, str] = {}
    if not spec:
        return mapping
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        if "=" not in part:
            raise InputError(f"--map: {part!r} is not OLD=NEW")
        old, new = (side.strip() for side in part.split("=", 1))
        if not old:
            raise InputError(f"--map: {part!r} has no label before '='")
        mapping[old] = new
    return mapping
