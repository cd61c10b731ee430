"""Exporting a project as training data (SPEC 8: JSONL, doccano, CoNLL, Hugging Face, brat),
whole or split by document.

Without an annotator every document is written once per annotator layer, and once without
spans if nobody has annotated it, so a full export is also a backup. This module decides where
records go (files, splits, a brat folder) and puts them in place only when complete; what each
record holds is made in `export_records`.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from alama.core import brat, export_clean, jsonl
from alama.core.bulk import without_collector
from alama.core.errors import InputError
from alama.core.export_records import (
    Layer,
    Tagger,
    count_links,
    doccano_record,
    iter_layers,
    iter_records,
    jsonl_pieces,
    jsonl_record,
    write_jsonl,
)
from alama.core.formats import EXPORT_FORMATS, FOLDER_FORMATS, SUFFIX
from alama.core.labelstudio_export import TaskWriter
from alama.core.model import GOLD_ANNOTATOR
from alama.core.record_tokens import SharedTokens
from alama.core.staging import Staged, check_output_file, check_output_folder, open_outputs
from alama.core.store import Store
from alama.core.token_json import record_forms

__all__ = [
    "FORMATS",
    "SUFFIX",
    "ExportReport",
    "existing_outputs",
    "export",
    "iter_layers",
    "iter_records",
    "jsonl_pieces",
    "jsonl_record",
    "parse_split",
    "split_of",
]

FORMATS = EXPORT_FORMATS
KEEP_RELATIONS = ("jsonl", "doccano", "brat")
"""The formats that hold relations; the others refuse a project with some (see
`relations_refusal`) unless they are left out (``--without-relations``)."""
LEFT_OUT = "relations, as asked (--without-relations)"


def relations_refusal(
    store: Store,
    fmt: str,
    annotator: str | None = None,
    labels: list[str] | None = None,
    gold: bool = False,
    way_out: str = "with --without-relations",
) -> str | None:
    """Why this export would lose relations (one line), or None when it would lose none;
    ``way_out`` says how to leave them out (the window names its check box)."""
    if fmt in KEEP_RELATIONS:
        return None
    count = count_links(store, GOLD_ANNOTATOR if gold else annotator, labels)
    if not count:
        return None
    return (
        f"{fmt} cannot hold relations, and {count} relation{'s' * (count != 1)} would be "
        f"lost; nothing was written. Export jsonl, doccano or brat, which keep them, or leave "
        f"them out {way_out}"
    )


@dataclass
class ExportReport:
    """What an export wrote, per output file, and what it changed or left out."""

    fmt: str = "jsonl"
    records: dict[str, int] = field(default_factory=dict)
    spans: int = 0
    relations: int = 0
    documents: int = 0
    widened: int = 0
    left_out: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        """One paragraph for stderr."""
        files = ", ".join(f"{name}: {count}" for name, count in self.records.items())
        total = sum(self.records.values())
        lines = [
            f"exported {total} record{'s' * (total != 1)} of {self.documents} document"
            f"{'s' * (self.documents != 1)} with {self.spans} span"
            f"{'s' * (self.spans != 1)}"
            + (
                f" and {self.relations} relation{'s' * (self.relations != 1)}"
                if self.relations
                else ""
            )
            + f" as {self.fmt} ({files})"
        ]
        if self.widened:
            lines.append(
                f"widened {self.widened} span{'s' * (self.widened != 1)} to whole tokens "
                "(tags cover tokens, not parts of them)"
            )
        for reason, count in sorted(self.left_out.items()):
            lines.append(f"left out {count}: {reason}")
        return "\n".join(lines)


def parse_split(spec: str) -> list[tuple[str, float]]:
    """Parse ``train=0.8,dev=0.1,test=0.1``; the fractions must be positive and add up to 1."""
    parts: list[tuple[str, float]] = []
    for piece in spec.split(","):
        name, sep, value = piece.partition("=")
        name = name.strip()
        try:
            fraction = float(value)
        except ValueError:
            fraction = -1.0
        if not sep or not name or fraction <= 0:
            raise InputError(f"--split: {piece.strip()!r} is not NAME=FRACTION")
        if not _plain_name(name):
            raise InputError(
                f"--split: {name!r} is not a plain name (it names a file beside the output: "
                "no folders, no / or \\, not starting with a dot)"
            )
        if any(name == other for other, _ in parts):
            raise InputError(f"--split: {name!r} appears twice")
        parts.append((name, fraction))
    total = sum(fraction for _, fraction in parts)
    if abs(total - 1.0) > 1e-6:
        raise InputError(f"--split: the fractions add up to {total:g}, not 1")
    return parts


def _plain_name(name: str) -> bool:
    """Whether a split's name can be a file's name as it is: no folder, nothing hidden."""
    return (
        name.isprintable()
        and not name.startswith(".")
        and not any(sep in name for sep in ("/", "\\", os.sep, os.altsep or "/"))
    )


def split_of(doc_hash: str, seed: int, parts: list[tuple[str, float]]) -> str:
    """The split a document belongs to: a stable hash of the document and the seed."""
    digest = hashlib.sha256(f"{seed}:{doc_hash}".encode()).digest()
    point = int.from_bytes(digest[:8], "big") / 2**64
    cumulative = 0.0
    for name, fraction in parts:
        cumulative += fraction
        if point < cumulative:
            return name
    return parts[-1][0]


@without_collector
def export(
    store: Store,
    output: Path | None,
    *,
    fmt: str = "jsonl",
    annotator: str | None = None,
    labels: list[str] | None = None,
    split: str | None = None,
    seed: int = 0,
    progress: Callable[[int, int], None] = lambda done, total: None,
    gold: bool = False,
    overwrite: bool = False,
    without_relations: bool = False,
    without_boilerplate: bool = False,
) -> ExportReport:
    """Write the export to ``output`` (stdout when None); with ``split``, one file per part.

    brat writes a folder; every other format writes JSON lines or CoNLL blocks to a file.
    Outputs appear only when complete. An output that exists is refused unless ``overwrite``
    (a brat folder is then replaced only if it holds an earlier brat export); the project's
    own files never are written over. A format that cannot hold relations (CoNLL, hf, Label
    Studio, WebAnno TSV) refuses a project with some unless ``without_relations``, which leaves
    them out of any format and says how many in the report. Boilerplate regions go in each
    record's meta, or are cut out of the text with ``without_boilerplate`` (`export_clean`);
    a split keeps each near-duplicate group in one part.
    """
    if fmt not in FORMATS:
        raise InputError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if gold and annotator is not None:
        raise InputError("choose --annotator or --gold, not both")
    if gold:
        annotator = GOLD_ANNOTATOR
    parts = parse_split(split) if split else None
    if parts and output is None:
        raise InputError("--split needs -o PATH (a folder, or a file name to add the split to)")
    report = ExportReport(fmt=fmt)
    if without_relations:
        left = count_links(store, annotator, labels)
        if left:
            report.left_out[LEFT_OUT] += left
    else:
        refusal = relations_refusal(store, fmt, annotator, labels)
        if refusal is not None:
            raise InputError(refusal)
    layers = iter_layers(store, annotator, labels, report.left_out, not without_relations)
    trim = export_clean.without_regions if without_boilerplate else export_clean.with_region_meta
    layers = trim(layers, store)
    grouped = store.group_hashes() if parts else {}
    linked = (  # doccano's relation records (entities with ids) for a project with relations
        fmt == "doccano"
        and not without_relations
        and next(store.iter_relations(annotator), None) is not None
    )
    total = store.document_count()
    if fmt == "brat":
        if output is None:
            raise InputError("brat writes a folder: give it with -o FOLDER")
        check_output_folder(output, store.path, overwrite)
        _export_brat(
            store, layers, output, parts, seed, annotator is not None, report, total, progress,
            overwrite, grouped,
        )  # fmt: skip
        return report
    if fmt == "webanno":
        from alama.core import webanno_writer

        if output is None:
            raise InputError("WebAnno TSV writes a folder: give it with -o FOLDER")
        webanno_writer.check_folder(output, store.path, overwrite)
        files, report.documents, report.spans = webanno_writer.write_folder(
            layers,
            output,
            lambda layer: (
                split_of(grouped.get(layer.doc.id, layer.doc.hash), seed, parts) if parts else ""
            ),
            annotator is not None,
            report.left_out,
            lambda done: progress(done, total),
            overwrite,
        )
        names = [name for name, _ in parts] if parts else [""]
        report.records = {str(output / part if part else output): files[part] for part in names}
        return report
    targets = _targets(output, parts, SUFFIX[fmt])
    for path in targets.values():
        if path is not None:
            check_output_file(path, store.path, overwrite)
    if fmt == "jsonl":  # the documents' token JSON, made once and kept (see `token_json`)
        store.fill_record_tokens(record_forms)
    seen: set[int] = set()
    written: Counter[str] = Counter()
    tagger = Tagger(fmt)
    shared = SharedTokens()
    tasks = TaskWriter()
    with open_outputs(targets, overwrite) as handles:
        for layer in layers:
            doc = layer.doc
            name = split_of(grouped.get(doc.id, doc.hash), seed, parts) if parts else ""
            if fmt == "jsonl":
                write_jsonl(handles[name], jsonl_pieces(layer, shared), shared)
            elif fmt == "doccano":
                handles[name].write(jsonl.dumps(doccano_record(layer, linked)) + "\n")
            elif fmt == "labelstudio":
                tasks.add(layer, handles[name])
            else:
                handles[name].write(tagger.render(layer))
            written[name] += 1
            report.spans += len(layer.rows)
            report.relations += len(layer.links)
            if doc.id not in seen:
                seen.add(doc.id)
                progress(len(seen), total)
        tagger.check()
        if fmt == "labelstudio":
            tasks.finish(handles.values())
    report.widened = tagger.widened
    report.documents = len(seen)
    report.records = {str(path or "stdout"): written[name] for name, path in targets.items()}
    return report


def _export_brat(
    store: Store,
    layers: Iterator[Layer],
    output: Path,
    parts: list[tuple[str, float]] | None,
    seed: int,
    single: bool,
    report: ExportReport,
    total: int,
    progress: Callable[[int, int], None],
    overwrite: bool,
    grouped: dict[int, str],
) -> None:
    """A brat folder: one sub-folder per annotator (unless one layer is asked for), an
    ``annotation.conf`` at the top, and documents nobody annotated as bare ``.txt`` files."""
    staged = Staged.folder(output)
    temp = staged.temp
    try:
        names: dict[int, str] = {}
        taken: set[str] = set()
        folders: dict[str, str] = {}
        taken_folders: set[str] = set()
        written: Counter[str] = Counter()
        for layer in layers:
            doc = layer.doc
            part = split_of(grouped.get(doc.id, doc.hash), seed, parts) if parts else ""
            if doc.id not in names:
                names[doc.id] = brat.safe_name(doc.doc_id, taken)
                progress(len(names), total)
            name = names[doc.id]
            folder = temp / part if part else temp
            if layer.annotator is not None and not single:
                if layer.annotator not in folders:
                    folders[layer.annotator] = brat.safe_name(
                        layer.annotator.lstrip("@"), taken_folders
                    )
                folder = folder / folders[layer.annotator]
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{name}.txt").write_text(doc.text, encoding="utf-8", newline="")
            if layer.annotator is not None:
                (folder / f"{name}.ann").write_text(
                    brat.ann_lines(doc.text, layer.triples, layer.links),
                    encoding="utf-8",
                    newline="",
                )
            written[part] += 1
            report.spans += len(layer.rows)
            report.relations += len(layer.links)
        report.documents = len(names)
        known = store.labels()
        conf = brat.annotation_conf(known.keys, known.relations)
        for part in [name for name, _ in parts] if parts else [""]:
            root = temp / part if part else temp
            root.mkdir(parents=True, exist_ok=True)
            (root / "annotation.conf").write_text(conf, encoding="utf-8")
    except BaseException:
        staged.discard()
        raise
    staged.commit(replace=overwrite)
    report.records = {
        str(output / part if part else output): written[part]
        for part in ([name for name, _ in parts] if parts else [""])
    }


def existing_outputs(output: Path, fmt: str, split: str | None = None) -> list[Path]:
    """What this export would replace, were it asked to (``overwrite``, ``--force``): the
    output files that exist, or a brat folder that is not empty. The window asks about them."""
    if fmt in FOLDER_FORMATS:
        return [output] if output.is_dir() and any(output.iterdir()) else []
    parts = parse_split(split) if split else None
    targets = _targets(output, parts, SUFFIX[fmt]).values()
    return [path for path in targets if path is not None and os.path.lexists(path)]


def _targets(
    output: Path | None, parts: list[tuple[str, float]] | None, suffix: str
) -> dict[str, Path | None]:
    if not parts:
        return {"": output}
    assert output is not None
    if output.suffix:
        return {name: output.with_name(f"{output.stem}.{name}{output.suffix}") for name, _ in parts}
    return {name: output / f"{name}{suffix}" for name, _ in parts}
