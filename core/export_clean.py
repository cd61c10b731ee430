"""Boilerplate in an export: kept as regions in the record's meta, or left out of the text.

By default a record's text is the stored text and its meta carries the regions in force as
``"boilerplate": [[start, end, kind]]`` (a fourth item ``"lead"`` for a lead's mark) and a
lead's "not boilerplate" ranges as ``"boilerplate_not": [[start, end]]``, which an import
reads back (JSONL and doccano hold them; CoNLL, hf, brat, Label Studio and WebAnno TSV do not).

With ``--without-boilerplate`` the regions are cut out of the text and every offset (spans,
relations' spans, tokens) is recomputed on the text that is left. Every span is kept: one that
reaches into a region is clipped to its part outside it; one that lies wholly inside a region
(labelled with Alt) cannot be kept, and the export is refused, naming it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import numpy as np

from alama.core.errors import InputError
from alama.core.export_records import Layer
from alama.core.model import Document
from alama.core.regions import Cut, Region, cut, region_meta
from alama.core.relation_files import ExportLink
from alama.core.store import StoreRows
from alama.core.store.tokens import StoredTokens
from alama.core.text import TextIndex


def with_region_meta(layers: Iterator[Layer], store: StoreRows) -> Iterator[Layer]:
    """The layers with each document's regions in its meta."""
    rows = store.all_region_rows()
    for layer in layers:
        found = rows.get(layer.doc.id)
        if found:
            doc = replace(layer.doc, meta={**layer.doc.meta, **region_meta(found)})
            layer = replace(layer, doc=doc)
        yield layer


def without_regions(layers: Iterator[Layer], store: StoreRows) -> Iterator[Layer]:
    """The layers with the regions cut out of their text (see the module's docstring)."""
    regions = store.all_regions()
    made: tuple[int, Cut, Document, TextIndex, StoredTokens | None] | None = None
    for layer in layers:
        found = regions.get(layer.doc.id)
        if not found:
            yield layer
            continue
        if made is None or made[0] != layer.doc.id:
            made = _cut_document(layer, found)
        _, removed, doc, index, tokens = made
        inside = [row for row in layer.rows if removed.shift(row[1]) >= removed.shift(row[2])]
        if inside:
            row = inside[0]
            raise InputError(
                f"{layer.doc.doc_id}: {len(inside)} span{'s' * (len(inside) != 1)} of "
                f"{row[0]} lie wholly inside boilerplate (the first: {row[3]} at "
                f"{row[1]}–{row[2]}), and would be lost without it; nothing was written. "
                "Export with the boilerplate kept, or unmark those lines (alama clean --unmark)"
            )
        rows = [(r[0], removed.shift(r[1]), removed.shift(r[2]), *r[3:]) for r in layer.rows]
        links = [
            ExportLink(link.id, link.type, _moved(link.source, removed),
                       _moved(link.target, removed), link.attributes)
            for link in layer.links
        ]  # fmt: skip
        yield Layer(doc, index, layer.annotator, layer.status, rows, tokens, links)


def _moved(key: tuple[int, int, str], removed: Cut) -> tuple[int, int, str]:
    return removed.shift(key[0]), removed.shift(key[1]), key[2]


def _cut_document(
    layer: Layer, regions: list[Region]
) -> tuple[int, Cut, Document, TextIndex, StoredTokens | None]:
    """The document without its regions, its tokens moved (those inside a region go)."""
    removed = cut(layer.doc.text, regions)
    doc = replace(layer.doc, text=removed.text)
    tokens: StoredTokens | None = None
    bounds = None
    if layer.tokens is not None:
        pairs = [
            (removed.shift(s), removed.shift(e))
            for s, e in zip(layer.tokens.starts.tolist(), layer.tokens.ends.tolist(), strict=True)
        ]
        pairs = [(s, e) for s, e in pairs if s < e]
        starts = np.array([s for s, _ in pairs], dtype=np.int64)
        ends = np.array([e for _, e in pairs], dtype=np.int64)
        tokens = StoredTokens(starts, ends, layer.tokens.tokenizer)
        bounds = (starts, ends)
    return layer.doc.id, removed, doc, TextIndex(removed.text, bounds), tokens
