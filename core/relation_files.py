"""Relations as the file formats write them: Prodigy's ``relations``, doccano's ``entities`` and
``relations``, brat's ``R`` and ``A`` lines (SPEC 8).

A relation read from a file is a `Link` between two spans given by their offsets and labels in
the cleaned text (the ids files give them are not the project's); `relation_import` settles
their types and writes them. A relation an export writes is an `ExportLink`.

Direction: Alama's ``said_by`` goes from the CLAIM (source) to the ACTOR who made it (target).
Prodigy's ``head`` is the source and ``child`` the target; doccano's ``from_id`` and ``to_id``,
and brat's ``Arg1`` and ``Arg2``, the same. A file that wrote a link the other way round (head
ACTOR, child CLAIM) is turned round on import, and the report says how many were.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from alama.core.errors import InputError

Key = tuple[int, int, str]
"""A span as (start, end, label), in code points."""
OUR_ID = re.compile(r"^[0-9a-f]{32}$")
"""What a relation id of Alama looks like (kept on a re-import when the project lacks it)."""


@dataclass(frozen=True)
class Link:
    """A relation as read from a file: its source and target spans, type and attributes."""

    source: Key
    target: Key
    type: str
    attributes: tuple[tuple[str, str], ...] = ()
    where: str = ""
    id: str | None = None
    """The relation's id when it is one of Alama's (a re-import keeps it), else None."""

    @property
    def key(self) -> tuple[Key, Key, str]:
        """What makes two links of one layer the same: their spans and type."""
        return (self.source, self.target, self.type)

    def moved(self, to_clean: Callable[[int], int]) -> Link:
        """The same link with its spans' offsets moved into the cleaned text."""
        (a, b, la), (c, d, lc) = self.source, self.target
        return Link(
            (to_clean(a), to_clean(b), la),
            (to_clean(c), to_clean(d), lc),
            self.type,
            self.attributes,
            self.where,
            self.id,
        )


@dataclass(frozen=True)
class ExportLink:
    """A relation of a layer as an export writes it."""

    id: str
    type: str
    source: Key
    target: Key
    attributes: tuple[tuple[str, str], ...] = ()


def _attributes(value: Any, where: str) -> tuple[tuple[str, str], ...]:
    """A relation's ``attributes`` object as sorted pairs of strings."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise InputError(f'{where}: "attributes" must be an object of strings')
    return tuple(sorted(value.items()))


def _our_id(value: Any) -> str | None:
    return value if isinstance(value, str) and OUR_ID.match(value) else None


def _type_of(item: dict[str, Any], keys: Sequence[str], where: str) -> str:
    kind = next((item[key] for key in keys if key in item), None)
    if not isinstance(kind, str) or not kind.strip():
        raise InputError(f'{where}: it has no "{keys[0]}" string')
    return kind.strip()


def prodigy_links(
    items: Any,
    where: str,
    read_span: Callable[[Any, str], Key],
    spans: list[Key],
    tokens: Any,
) -> list[Link]:
    """Prodigy's ``relations`` of a record: each matched to the record's spans by its
    ``head_span`` and ``child_span`` (read with ``read_span``, added to ``spans`` when the
    record lists them nowhere else), or else by ``head`` and ``child``, the index of the token a
    span ends on."""
    if not isinstance(items, list):
        raise InputError(f'{where}: "relations" must be a list')
    links = []
    for number, item in enumerate(items, 1):
        here = f"{where}: relation {number}"
        if not isinstance(item, dict):
            raise InputError(f"{here} is not an object")
        ends = []
        for role, index in (("head", "head"), ("child", "child")):
            given = item.get(f"{role}_span")
            if isinstance(given, dict):
                key = read_span(given, f"relation {number}'s {role}_span")
                if key not in spans:
                    spans.append(key)
            else:
                key = _span_at_token(item.get(index), tokens, spans, f"{here}'s {role}")
            ends.append(key)
        links.append(_link(item, ends, ("label", "type"), "id", here))
    return links


def _link(
    item: dict[str, Any], ends: list[Key], type_keys: tuple[str, str], id_key: str, here: str
) -> Link:
    """A file's relation object as a `Link` between its two ends (type under the first of
    ``type_keys`` present, our attributes, our id under ``id_key`` when it is one of ours)."""
    return Link(
        ends[0], ends[1], _type_of(item, type_keys, here),
        _attributes(item.get("attributes"), here), here, _our_id(item.get(id_key)),
    )  # fmt: skip


def _span_at_token(index: Any, tokens: Any, spans: list[Key], here: str) -> Key:
    """The one span that ends on token ``index`` (Prodigy's ``head``/``child``)."""
    if type(index) is not int:
        raise InputError(f"{here} is not a token index and it has no span object")
    found = None
    if isinstance(tokens, list):
        by_id = [t for t in tokens if isinstance(t, dict) and t.get("id") == index]
        found = by_id[0] if by_id else (tokens[index] if 0 <= index < len(tokens) else None)
    if not isinstance(found, dict) or type(found.get("end")) is not int:
        raise InputError(f"{here}: the record has no token {index} (give head_span/child_span)")
    ending = [key for key in spans if key[1] == found["end"] and key[0] < found["end"]]
    if len(ending) != 1:
        raise InputError(
            f"{here}: {'no span ends' if not ending else 'several spans end'} on token {index} "
            "(give head_span and child_span)"
        )
    return ending[0]


def doccano_links(items: Any, where: str, entities: dict[Any, Key]) -> list[Link]:
    """doccano's ``relations``: ``from_id`` and ``to_id`` name entities by their ``id``."""
    if not isinstance(items, list):
        raise InputError(f'{where}: "relations" must be a list')
    links = []
    for number, item in enumerate(items, 1):
        here = f"{where}: relation {number}"
        if not isinstance(item, dict):
            raise InputError(f"{here} is not an object")
        ends = []
        for name in ("from_id", "to_id"):
            value = item.get(name)
            if isinstance(value, bool) or value is None or value not in entities:
                raise InputError(f"{here}: its {name} {value!r} is not the id of an entity")
            ends.append(entities[value])
        links.append(_link(item, ends, ("type", "label"), "alama_id", here))
    return links


def prodigy_relations(
    links: Sequence[ExportLink], token_of: Callable[[Key], tuple[int, int]]
) -> list[dict[str, Any]]:
    """A layer's relations as Prodigy writes them: ``head`` and ``child`` are the tokens the
    source and target spans end on; our id and attributes are keys Prodigy leaves alone."""
    found = []
    for link in links:
        head, child = _span_object(link.source, token_of), _span_object(link.target, token_of)
        found.append(
            {
                "head": head["token_end"],
                "child": child["token_end"],
                "head_span": head,
                "child_span": child,
                "label": link.type,
                "attributes": dict(link.attributes),
                "id": link.id,
            }
        )
    return found


def _span_object(key: Key, token_of: Callable[[Key], tuple[int, int]]) -> dict[str, Any]:
    first, last = token_of(key)
    return {"start": key[0], "end": key[1], "token_start": first, "token_end": last,
            "label": key[2]}  # fmt: skip


def doccano_entities(
    spans: Sequence[Key], links: Sequence[ExportLink]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """A layer as doccano's relation records hold it: entities with ids (1, 2, …) and relations
    naming them by ``from_id`` and ``to_id``, with our attributes and id beside."""
    ids: dict[Key, int] = {}
    entities = []
    for key in spans:
        if key not in ids:
            ids[key] = len(ids) + 1
            entities.append(
                {"id": ids[key], "start_offset": key[0], "end_offset": key[1], "label": key[2]}
            )
    relations = [
        {
            "id": number,
            "from_id": ids[link.source],
            "to_id": ids[link.target],
            "type": link.type,
            "attributes": dict(link.attributes),
            "alama_id": link.id,
        }
        for number, link in enumerate(links, 1)
        if link.source in ids and link.target in ids
    ]
    return entities, relations
