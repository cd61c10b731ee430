"""What the learning sources learn from: the spans of the layer the lead picks.

``gold`` is the reviewed layer, ``all`` every layer (each annotator's span counts once, so a
string two annotators marked the same way counts twice), any other name one annotator's layer.
"""

from __future__ import annotations

from collections.abc import Iterator

from alama.core.clitics import LabelledText
from alama.core.errors import InputError
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store

GOLD = "gold"
ALL = "all"


def layer_name(store: Store, learn_from: str) -> str | None:
    """The stored layer ``learn_from`` names (None: every layer), or a one-line error when the
    project has no such layer."""
    if learn_from == ALL:
        return None
    name = GOLD_ANNOTATOR if learn_from == GOLD else learn_from
    if name not in store.annotators():
        if name == GOLD_ANNOTATOR:
            raise InputError(
                "the project has no gold layer yet to learn from: review documents first, "
                "or learn from an annotator or from all"
            )
        known = ", ".join(a for a in store.annotators() if a != GOLD_ANNOTATOR) or "none yet"
        raise InputError(f"no annotator {learn_from!r} in the project (annotators: {known})")
    return name


def layer_examples(store: Store, learn_from: str) -> Iterator[LabelledText]:
    """Each document with spans in the chosen layer (see the module), with those spans."""
    name = layer_name(store, learn_from)
    for found in store.iter_document_layers(name):
        spans = [(row[1], row[2], row[3]) for _, _, rows in found.layers for row in rows]
        if spans:
            yield LabelledText(found.doc.id, found.doc.text, spans)
