"""`alama merge`: fold annotator project files into one, by document content and span id.

A lead hands copies of a project to annotators and folds their files back. Documents are the
same when their texts have the same hash, whatever their ids; spans are the same when they have
the same id. Of two versions of a span the newer one wins (by ``updated_at``), and a deletion is
a version too, so a tombstone beats an older live copy and a span restored later beats an older
tombstone. Ties are broken by the content of the row, so the order of the sources does not
matter, and a second run finds nothing newer: merging is idempotent. Nothing is lost: every
span id of every source ends up in the target.

A returned copy is not trusted blindly. What it changes must be one annotator's layer (spans and
document status): the copy of the annotator it was handed to. A copy that changes the gold layer
or review decisions, or more than one layer, is refused unless the lead names the layers to take
from it (``layers``) or takes everything (``all_layers``, for the lead's own files). Every copy
is refused, whatever the lead says, when it holds a version dated in the future (beyond a few
minutes of clock difference: it would win every later merge), a span outside its document's
text, or a layer name that cannot be an annotator's. Which annotator a copy was handed to is not
recorded (yet), so the rule cannot tell amal's copy that rewrote bilal's layer from bilal's own;
the report names the layer taken from each file, for the lead to see. What a copy changes, and
the checks it must pass, are in `merge_changes`.

A new target starts empty, and its first file is held to the same rule as every other: what a
copy changes in an empty project is everything it holds. So copies of a fresh project (each
holding only its annotator's layer) make a new project, and a copy holding forged gold or
several layers is refused. Copies handed out from a project that already had layers hold those
layers too: merge them into the project they were handed out from, where only their own
changes are new, or take them with ``all_layers`` (or ``layers``).
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from alama.core.bulk import without_collector
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.merge_changes import (
    CLOCK_SKEW,
    LayersNotNamed,
    check_changes,
    check_one_layer,
    layer_names,
    newer_changes,
    version,
)
from alama.core.merge_relations import fold_relations
from alama.core.merge_team import fold_team
from alama.core.model import GOLD_ANNOTATOR
from alama.core.staging import AppearedMeanwhile, Staged
from alama.core.store import Store, check_is_project, is_project_file
from alama.core.store.tokens import takes_tokens, token_row

__all__ = [
    "CLOCK_SKEW",
    "LayersNotNamed",
    "MergeReport",
    "layers_named",
    "merge",
    "merge_into",
    "reconcile_labels",
    "version",
]


@dataclass
class MergeReport:
    """What a merge added and replaced, for the user."""

    target: Path
    sources: int = 0
    created: bool = False
    documents_added: int = 0
    spans_added: int = 0
    spans_updated: int = 0
    spans_deleted: int = 0
    statuses: int = 0
    decisions: int = 0
    assignments: int = 0
    """Assignment rows added or replaced (a document given to or taken from someone)."""
    relations: int = 0
    """Relations added or replaced by a newer version (a deletion too)."""
    guidelines: bool = False
    """Whether the guidelines were taken from a source."""
    labels_added: list[str] = field(default_factory=list)
    taken: list[tuple[str, list[str]]] = field(default_factory=list)
    """The layers whose changes were taken from each file (file name, sorted layer names; the
    gold layer as ``@gold``), for the files that changed anything."""
    left_out: Counter[str] = field(default_factory=Counter)
    """Changes of layers not taken (``--layers``), by layer."""
    outside: dict[str, int] = field(default_factory=dict)
    """Spans of a source outside their document's text, left out (by file name)."""

    @property
    def changed(self) -> bool:
        """Whether the target is any different after the merge."""
        counts = (self.documents_added, self.spans_added, self.spans_updated, self.statuses,
                  self.decisions, len(self.labels_added), self.assignments, self.relations,
                  self.guidelines)  # fmt: skip
        return self.created or any(counts)

    def summary(self) -> str:
        """A few lines for the terminal or a message box."""
        files = f"{self.sources} file{'s' * (self.sources != 1)}"
        made = " (created)" if self.created else ""
        head = f"merged {files} into {self.target.name}{made}: "
        if not self.changed and not self.left_out and not self.outside:
            return head + "nothing new (it already had every version)"
        lines = [
            head + f"{self.documents_added} new document{'s' * (self.documents_added != 1)}, "
            f"{self.spans_added} new span{'s' * (self.spans_added != 1)}, "
            f"{self.spans_updated} newer version{'s' * (self.spans_updated != 1)} of spans "
            f"({self.spans_deleted} of them deletions), {self.statuses} document status"
            f"{'es' * (self.statuses != 1)}, {self.decisions} review decision"
            f"{'s' * (self.decisions != 1)}"
        ]
        lines.extend(f"took {layers_named(layers)} from {name}" for name, layers in self.taken)
        if self.relations:
            lines.append(
                f"{self.relations} relation{'s' * (self.relations != 1)} between spans, new "
                "or newer versions"
            )
        if self.assignments:
            lines.append(
                f"{self.assignments} assignment{'s' * (self.assignments != 1)} of documents to "
                "annotators (given or taken away)"
            )
        if self.guidelines:
            lines.append("took the guidelines")
        if self.labels_added:
            lines.append(f"added labels: {', '.join(self.labels_added)}")
        for name, count in self.outside.items():
            lines.append(
                f"left out {count} span{'s' * (count != 1)} of {name} outside its document's "
                "text (the file was damaged or altered)"
            )
        if self.left_out:
            count = sum(self.left_out.values())
            lines.append(
                f"left out {count} change{'s' * (count != 1)} of layers not named by --layers: "
                + ", ".join(f"{name} ({n})" for name, n in sorted(self.left_out.items()))
            )
        return "\n".join(lines)


def layers_named(layers: Sequence[str]) -> str:
    """Layers as a report names them: "amal's layer", "the gold layer", "the layers a, b"."""
    if list(layers) == [GOLD_ANNOTATOR]:
        return "the gold layer"
    if len(layers) == 1:
        return f"{layers[0]}'s layer"
    return f"the layers {', '.join(layers)}"


def reconcile_labels(ours: LabelSet, theirs: LabelSet, name: str) -> tuple[LabelSet, list[str]]:
    """Our labels plus any of theirs we lack; refuse a label that is ours spelled differently.

    A label keeps our names and colours when both files have it. A new label whose shortcut we
    already use gets the next free one. Returns the set and the labels added (with shortcuts).
    """
    by_folded = {key.casefold(): key for key in ours.keys}
    new = [label for label in theirs if label.key not in ours]
    for label in new:
        known = by_folded.get(label.key.casefold())
        if known is not None:
            raise InputError(
                f"cannot merge {name}: its label {label.key!r} and this project's {known!r} "
                "differ only in letter case; rename one (alama import --map) and merge again"
            )
    known_types = {relation.key for relation in ours.relations}
    new_types = [r for r in theirs.relations if r.key not in known_types]
    if not new and not new_types:
        return ours, []
    used = {label.shortcut for label in ours if label.shortcut}
    added: list[Label] = []
    for label in new:
        shortcut = label.shortcut
        if shortcut in used:
            shortcut = next((key for key in "1234567890" if key not in used), "")
        used.add(shortcut)
        added.append(dataclasses.replace(label, shortcut=shortcut))
    # Relation types we lack come too (a type we have keeps our form); a key a label or
    # another type of ours has already is left without one.
    taken = {*used, *(r.shortcut.casefold() for r in ours.relations if r.shortcut), "s", "q", "l"}
    types = []
    for relation in new_types:
        free = relation.shortcut and relation.shortcut.casefold() not in taken
        types.append(relation if free else dataclasses.replace(relation, shortcut=""))
        taken.add(relation.shortcut.casefold())
    merged = LabelSet([*ours, *added], [*ours.relations, *types])
    return merged, [
        *(f"{lb.key} (key {lb.shortcut})" if lb.shortcut else lb.key for lb in added),
        *(f"relation type {r.key}" for r in types),
    ]


def merge(
    target: Path | str,
    sources: Sequence[Path | str],
    progress: Callable[[int, int], None] = lambda done, total: None,
    layers: Collection[str] | None = None,
    all_layers: bool = False,
) -> MergeReport:
    """Fold every source project into the target (created if missing), all or nothing.

    A new target is built under a hidden name beside it and appears only when complete. It
    starts empty, with the first source's labels, and every source, the first too, is held to
    the one-layer rule (see the module's docstring). ``layers`` and ``all_layers``: see
    `merge_into`.
    """
    target = Path(target)
    if not sources:
        raise InputError("name at least one project file to merge")
    created = not target.exists()
    staged: Staged | None = None
    if created:
        with Store.read_only(sources[0]) as first:
            labels = first.labels()
        staged = Staged.named(target)
        store = Store.create(staged.temp, labels)
        staged.hold()
    else:
        store = Store.open(target)
    try:
        report: MergeReport = merge_into(
            store, sources, progress, layers, all_layers, new_target=created
        )
    except BaseException:
        store.close()
        if staged is not None:
            staged.discard()
        raise
    store.close()
    if staged is not None:
        try:
            staged.commit()  # never over a file that appeared meanwhile
        except AppearedMeanwhile as appeared:
            # Another run made the same target first (two merges racing): fold into its file,
            # as if it had been there from the start. Anything else there is left alone.
            try:
                check_is_project(target)
            except ProjectError:
                raise appeared from None
            return merge(target, sources, progress, layers, all_layers)
    report.target = target
    report.created = created
    return report


@without_collector
def merge_into(
    store: Store,
    sources: Sequence[Path | str],
    progress: Callable[[int, int], None] = lambda done, total: None,
    layers: Collection[str] | None = None,
    all_layers: bool = False,
    new_target: bool = False,
) -> MergeReport:
    """Fold every source project into an open project, in one transaction.

    By default a source may change one annotator's layer only; with ``layers`` only the changes
    of those layers (annotator names, ``@gold`` for the gold layer and review decisions) are
    taken from every source, and with ``all_layers`` every change is. ``new_target``: the
    project was just made (empty), which a refusal of its first source explains.
    """
    paths = [Path(source) for source in sources]
    if not paths:
        raise InputError("name at least one project file to merge")
    if layers is not None and all_layers:
        raise InputError("choose --layers or --all-layers, not both")
    wanted = layer_names(layers) if layers is not None else None
    for path in paths:
        if is_project_file(path, store.path):  # asked of the metadata: nothing is opened
            if path.exists() and os.path.samefile(path, store.path):
                raise InputError(f"{path} is the target itself; name other project files to merge")
            raise InputError(
                f"{path} is a file SQLite keeps beside the target {store.path.name}, not a "
                "project; name other project files to merge"
            )
    report = MergeReport(target=store.path, sources=len(paths))
    readers: list[Store] = []
    try:
        for path in paths:
            readers.append(Store.read_only(path))
        with store.reading_sources(), store.transaction():
            for number, reader in enumerate(readers):
                progress(number, len(readers))
                fresh = new_target and number == 0
                _fold(store, reader, report, wanted, all_layers, fresh)
            progress(len(readers), len(readers))
    finally:
        for reader in readers:
            reader.close()
    return report


def _fold(
    store: Store,
    source: Store,
    report: MergeReport,
    wanted: set[str] | None,
    trusted: bool,
    fresh: bool = False,
) -> None:
    """Fold one source into the open target; the caller holds the transaction.

    ``trusted``: take every layer; else ``wanted``: the layers to take (None: the one layer the
    source may change). ``fresh``: the target is a new, empty project."""
    name = source.path.name
    labels, added = reconcile_labels(store.labels(), source.labels(), name)
    if added:
        store.set_labels(labels)
        report.labels_added.extend(added)
    docs, lengths = _fold_documents(store, source, report)
    taking = None if trusted else wanted  # (None: all; refused later if more than one)
    changes, outside = newer_changes(store, source, docs, lengths, taking)
    if outside:  # spans outside their text, which the source's readers leave out too
        report.outside[name] = outside
    check_changes(changes, lengths, set(labels.keys), name, store)
    if not trusted and wanted is not None:
        changes.keep(wanted, report.left_out)
    elif not trusted:
        check_one_layer(changes, name, fresh)
    taken = sorted(changes.layers())
    if taken:
        report.taken.append((name, taken))
    for span, mine in changes.spans:
        if mine is None:
            report.spans_added += 1
        else:
            report.spans_updated += 1
            report.spans_deleted += span.deleted_at is not None and mine.deleted_at is None
    report.spans_added += sum(changes.staged_spans.values())
    store.put_spans([span for span, _ in changes.spans])
    store.put_staged(changes.staged_layers())  # newer statuses, in SQL (new spans: written)
    report.statuses += len(changes.statuses) + sum(changes.staged_statuses.values())
    store.put_status_rows(changes.statuses)
    report.decisions += len(changes.decisions)
    store.put_rejection_rows(changes.decisions)
    fold_team(store, source, docs, report, None if trusted else changes.layers())
    fold_relations(store, source, docs, report, None if trusted else (wanted or changes.layers()),
                   named=wanted is not None)  # fmt: skip
    # The strings each annotator rejected as suggestions stay rejected in the target.
    kept = None if trusted else (wanted or changes.layers() or {source.handed_to() or ""})
    store.put_suggestion_rejection_rows(
        (docs[doc], who, phrase, label, when)
        for doc, who, phrase, label, when in source.suggestion_rejection_rows()
        if doc in docs and (kept is None or who in kept)
    )


def _fold_documents(
    store: Store, source: Store, report: MergeReport
) -> tuple[dict[int, int], dict[int, int]]:
    """Add the documents the target lacks, with their stored tokens (a document the target has
    takes the source's where it has none, or camel-tools' against a file's own); map each source
    document id to the target's, and give each target id the length of its text."""
    mapping: dict[int, int] = {}
    lengths: dict[int, int] = {}
    keys = source.document_keys()
    while chunk := list(islice(keys, 500)):  # the target's ids and tokenizers, 500 at a time
        ours = store.ids_of_hashes([digest for _, digest, *_ in chunk])
        tokenizers = store.tokenizers_of(list(ours.values()))
        for doc, digest, length, nul, tokenizer in chunk:
            if nul:
                raise InputError(
                    f"cannot merge {source.path.name}: document "
                    f"{source.document(doc).doc_id!r} has a NUL character (U+0000) in its "
                    "text, which Alama does not keep; nothing was merged"
                )
            if digest in ours:
                mapping[doc] = target = ours[digest]
                if tokenizer is not None and takes_tokens(tokenizers.get(target), tokenizer):
                    tokens = source.stored_tokens(doc)
                    if tokens is not None:
                        store.put_tokens([token_row(target, tokens)], replace=True)
            else:
                mapping[doc] = _add_document(store, source, doc, report)
            lengths[mapping[doc]] = length
    return mapping, lengths


def _add_document(store: Store, source: Store, doc: int, report: MergeReport) -> int:
    """Add a source's document the target lacks, with its stored tokens; return its id."""
    document = source.document(doc)
    tokens = source.stored_tokens(doc)
    pairs = None
    if tokens is not None:
        pairs = list(zip(tokens.starts.tolist(), tokens.ends.tolist(), strict=True))
    new_id, added = store.add_document(
        document.text, source=document.source, doc_id=document.doc_id, title=document.title,
        meta=document.meta, tokens=pairs,
    )  # fmt: skip
    if added and tokens is not None:  # as the source has them, with their tokenizer
        store.put_tokens([token_row(new_id, tokens)], replace=True)
    if added and (regions := source.region_rows(doc)):  # its boilerplate, as the source has it
        store.put_region_rows(new_id, regions)
    report.documents_added += added
    return new_id
