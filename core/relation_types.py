"""Relation types: what links a span to another (a CLAIM to the ACTOR who made it), part of the
label registry (`alama.core.labels.LabelSet.relations`).

A type names the labels its source and target spans may have and its attributes, each with a
fixed list of values (the first is the default). The default ``said_by`` links a CLAIM to an
ACTOR with ``stance`` (asserts, denies, reports, questions) and ``quote`` (indirect, direct);
``cue`` links a CLAIM to its reporting verb (قال، أكد، نفى، أفادت) in a project that has a CUE
label. A project's TOML adds its own with ``[[relation]]`` tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alama.core.errors import InputError

_KEY_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Attribute:
    """An attribute of a relation: its key and the values it may take (the first is the
    default), with each value's name in both languages."""

    key: str
    values: tuple[str, ...]
    names_ar: tuple[str, ...] = ()
    names_en: tuple[str, ...] = ()

    def name(self, value: str, language: str) -> str:
        """A value's name in an interface language (the value itself when it has none)."""
        names = self.names_ar if language == "ar" else self.names_en
        index = self.values.index(value) if value in self.values else -1
        return names[index] if 0 <= index < len(names) and names[index] else value


@dataclass(frozen=True, slots=True)
class RelationType:
    """A kind of link from a span of one of the ``sources`` labels to a span of one of the
    ``targets`` labels (``said_by``: CLAIM → ACTOR), with its attributes."""

    key: str
    name_ar: str
    name_en: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    attributes: tuple[Attribute, ...] = ()
    shortcut: str = ""

    def name(self, language: str) -> str:
        """The type's name in an interface language ("ar" or "en")."""
        return self.name_ar if language == "ar" else self.name_en

    def attribute(self, key: str) -> Attribute | None:
        """The attribute with this key, or None."""
        return next((a for a in self.attributes if a.key == key), None)

    def defaults(self) -> dict[str, str]:
        """Each attribute at its first value: what a new link of this type starts with."""
        return {a.key: a.values[0] for a in self.attributes if a.values}

    def connects(self, source: str, target: str) -> bool:
        """Whether a span labelled ``source`` may be linked to one labelled ``target``."""
        return source in self.sources and target in self.targets


STANCE = Attribute(
    "stance",
    ("asserts", "denies", "reports", "questions"),
    ("يؤكد", "ينفي", "ينقل", "يشكك"),
    ("asserts", "denies", "reports", "questions"),
)
QUOTE = Attribute("quote", ("indirect", "direct"), ("غير مباشر", "مباشر"), ("indirect", "direct"))
CUE_LABEL = "CUE"
"""The optional label of a reporting verb (قال، أكد، نفى، أفادت), linked to its claim by ``cue``."""

DEFAULT_RELATIONS: tuple[RelationType, ...] = (
    RelationType("said_by", "قاله", "said by", ("CLAIM",), ("ACTOR",), (STANCE, QUOTE), "r"),
    RelationType("cue", "فعل القول", "cue", ("CLAIM",), (CUE_LABEL,)),
)


def fitting_relations(
    relations: Iterable[RelationType], labels: Iterable[str]
) -> tuple[RelationType, ...]:
    """The relation types whose every source and target label is among ``labels``."""
    keys = set(labels)
    return tuple(r for r in relations if set(r.sources) <= keys and set(r.targets) <= keys)


def check_relation(relation: RelationType, labels: Mapping[str, Any]) -> None:
    """Refuse (`InputError`) a malformed relation type, or one naming a label not in ``labels``."""
    if not _KEY_RE.match(relation.key):
        raise InputError(
            f"relation type {relation.key!r} must start with a letter and use letters, "
            "digits, _ . -"
        )
    for side, keys in (("source", relation.sources), ("target", relation.targets)):
        if not keys:
            raise InputError(f"relation type {relation.key!r} names no {side} label")
        unknown = [key for key in keys if key not in labels]
        if unknown:
            raise InputError(
                f"relation type {relation.key!r}: its {side} label {unknown[0]!r} is not one "
                "of the project's labels"
            )
    keys_seen: set[str] = set()
    for attribute in relation.attributes:
        if not _KEY_RE.match(attribute.key) or attribute.key in keys_seen:
            raise InputError(
                f"relation type {relation.key!r}: attribute {attribute.key!r} is not a key, "
                "or is given twice"
            )
        keys_seen.add(attribute.key)
        if not attribute.values or len(set(attribute.values)) != len(attribute.values):
            raise InputError(
                f"relation type {relation.key!r}: attribute {attribute.key!r} needs values, "
                "each once"
            )
        spaced = [value for value in attribute.values if not value or value.split() != [value]]
        if spaced:
            raise InputError(
                f"relation type {relation.key!r}: the value {spaced[0]!r} of {attribute.key!r} "
                "holds white space (brat and most tools cannot write it); use _ or -"
            )
    if len(relation.shortcut) > 1:
        raise InputError(
            f"relation type {relation.key!r}: shortcut {relation.shortcut!r} must be one key"
        )


def _strings(value: object) -> tuple[str, ...] | None:
    """A TOML string or list of strings as a tuple (None: neither)."""
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return None


def relations_from_toml(path: Path, entries: object) -> tuple[RelationType, ...] | None:
    """``[[relation]]`` tables (key, name_ar, name_en, source, target, shortcut, and an
    ``[relation.attributes]`` table of value lists); None when the file has none."""
    if entries is None:
        return None
    if not isinstance(entries, list):
        raise InputError(f"{path}: expected [[relation]] tables")
    found: list[RelationType] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            raise InputError(f"{path}: relation {number} has no key")
        key = entry["key"]
        sources, targets = _strings(entry.get("source")), _strings(entry.get("target"))
        if sources is None or targets is None:
            raise InputError(
                f"{path}: relation {key!r} needs source and target labels (a key or a list)"
            )
        names = {name: entry.get(name) for name in ("name_ar", "name_en", "shortcut")}
        if any(value is not None and not isinstance(value, str) for value in names.values()):
            raise InputError(f"{path}: relation {key!r}: names and shortcut must be strings")
        raw = entry.get("attributes", {})
        if not isinstance(raw, dict):
            raise InputError(f"{path}: relation {key!r}: attributes must be a table of lists")
        attributes = []
        for name, values in raw.items():
            listed = _strings(values)
            if listed is None:
                raise InputError(
                    f"{path}: relation {key!r}: attribute {name!r} must list its values"
                )
            known = STANCE if name == STANCE.key and listed == STANCE.values else None
            known = QUOTE if name == QUOTE.key and listed == QUOTE.values else known
            attributes.append(known or Attribute(name, listed))
        found.append(
            RelationType(
                key,
                names["name_ar"] or key,
                names["name_en"] or key,
                sources,
                targets,
                tuple(attributes),
                names["shortcut"] or "",
            )
        )
    return tuple(found)


def attributes_json(relation: RelationType) -> str:
    """A relation type's attributes as stored (JSON)."""
    return json.dumps(
        [
            {"key": a.key, "values": list(a.values), "names_ar": list(a.names_ar),
             "names_en": list(a.names_en)}
            for a in relation.attributes
        ],
        ensure_ascii=False,
    )  # fmt: skip


def attributes_from_json(raw: str) -> tuple[Attribute, ...]:
    """Stored attributes back as `Attribute`s (`attributes_json`'s inverse)."""
    entries = json.loads(raw)
    if not isinstance(entries, list):
        raise ValueError("relation attributes are not a list")
    return tuple(
        Attribute(
            str(entry["key"]),
            tuple(map(str, entry["values"])),
            tuple(map(str, entry.get("names_ar", ()))),
            tuple(map(str, entry.get("names_en", ()))),
        )
        for entry in entries
    )


def relation_type_row(relation: RelationType, position: int) -> tuple[object, ...]:
    """A relation type as a row of ``relation_types``."""
    return (
        relation.key, relation.name_ar, relation.name_en,
        json.dumps(list(relation.sources), ensure_ascii=False),
        json.dumps(list(relation.targets), ensure_ascii=False),
        attributes_json(relation), relation.shortcut, position,
    )  # fmt: skip


def relation_type_from_row(row: Iterable[object]) -> RelationType:
    """A row of ``relation_types`` back as a `RelationType` (ValueError when damaged)."""
    key, name_ar, name_en, sources, targets, attributes, shortcut = row
    if not all(isinstance(v, str) for v in (key, name_ar, name_en, sources, targets,
                                              attributes, shortcut)):  # fmt: skip
        raise ValueError("a relation type is not stored as text")
    return RelationType(
        str(key), str(name_ar), str(name_en),
        tuple(map(str, json.loads(str(sources)))), tuple(map(str, json.loads(str(targets)))),
        attributes_from_json(str(attributes)), str(shortcut),
    )  # fmt: skip
