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
the report names the layer taken from each file, for the lead to see.

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
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from alama.core.bulk import without_collector
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.model import GOLD_ANNOTATOR, Span, Status
from alama.core.staging import AppearedMeanwhile, Staged
from alama.core.store import (
    RejectionRow,
    StatusRow,
    Store,
    check_annotator,
    check_is_project,
    is_project_file,
)

CLOCK_SKEW = timedelta(minutes=5)
"""How far ahead of this computer's clock another computer's may be."""


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
                  self.decisions, len(self.labels_added))  # fmt: skip
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
    if not new:
        return ours, []
    used = {label.shortcut for label in ours if label.shortcut}
    added: list[Label] = []
    for label in new:
        shortcut = label.shortcut
        if shortcut in used:
            shortcut = next((key for key in "1234567890" if key not in used), "")
        used.add(shortcut)
        added.append(dataclasses.replace(label, shortcut=shortcut))
    merged = LabelSet([*ours, *added])
    return merged, [f"{lb.key} (key {lb.shortcut})" if lb.shortcut else lb.key for lb in added]


def version(span: Span) -> tuple[Any, ...]:
    """The order of a span's versions: newer first by time; at the same time, a deletion."""
    return (span.updated_at, span.deleted_at is not None, span.deleted_at or "", span.start,
            span.end, span.label, span.origin, span.created_at, span.reviewer or "",
            span.agreed)  # fmt: skip


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


@without_collector  # type: ignore[untyped-decorator]  # (alama.core.* is Any to mypy)
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
    wanted = _layer_names(layers) if layers is not None else None
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
        with store.transaction():
            for number, reader in enumerate(readers):
                progress(number, len(readers))
                fresh = new_target and number == 0
                _fold(store, reader, report, wanted, all_layers, fresh)
            progress(len(readers), len(readers))
    finally:
        for reader in readers:
            reader.close()
    return report


def _layer_names(names: Collection[str]) -> set[str]:
    """The layers named by ``--layers``, each checked."""
    checked = {name if name == GOLD_ANNOTATOR else check_annotator(name) for name in names}
    if not checked:
        raise InputError("--layers: name at least one layer (an annotator, or @gold)")
    return checked


@dataclass
class _Changes:
    """What one source would change in the target: the versions newer than the target's."""

    spans: list[tuple[Span, Span | None]] = field(default_factory=list)
    """Each newer span with the target's version of it (None: the target lacks it)."""
    statuses: list[StatusRow] = field(default_factory=list)
    decisions: list[RejectionRow] = field(default_factory=list)

    def layers(self) -> set[str]:
        """Every layer these changes touch; review decisions are the gold layer's."""
        touched = {span.annotator for span, _ in self.spans}
        touched.update(row.annotator for row in self.statuses)
        if self.decisions:
            touched.add(GOLD_ANNOTATOR)
        return touched

    def keep(self, wanted: set[str], left_out: Counter[str]) -> None:
        """Drop the changes of layers not in ``wanted``, counting them by layer."""
        for span, _ in self.spans:
            if span.annotator not in wanted:
                left_out[span.annotator] += 1
        for row in self.statuses:
            if row.annotator not in wanted:
                left_out[row.annotator] += 1
        if GOLD_ANNOTATOR not in wanted and self.decisions:
            left_out[GOLD_ANNOTATOR] += len(self.decisions)
            self.decisions = []
        self.spans = [(span, mine) for span, mine in self.spans if span.annotator in wanted]
        self.statuses = [row for row in self.statuses if row.annotator in wanted]


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
    outside = source.spans_outside_text()  # (not read: `all_spans` leaves them out)
    if outside:
        report.outside[name] = outside
    changes = _Changes(
        _newer_spans(store, source, docs),
        _newer_statuses(store, source, docs),
        _newer_decisions(store, source, docs),
    )
    _check_changes(changes, lengths, set(labels.keys), name)
    if not trusted and wanted is not None:
        changes.keep(wanted, report.left_out)
    elif not trusted:
        _check_one_layer(changes, name, fresh)
    taken = sorted(changes.layers())
    if taken:
        report.taken.append((name, taken))
    for span, mine in changes.spans:
        if mine is None:
            report.spans_added += 1
        else:
            report.spans_updated += 1
            report.spans_deleted += span.deleted_at is not None and mine.deleted_at is None
    store.put_spans([span for span, _ in changes.spans])
    report.statuses += len(changes.statuses)
    store.put_status_rows(changes.statuses)
    report.decisions += len(changes.decisions)
    store.put_rejection_rows(changes.decisions)


class LayersNotNamed(InputError):  # type: ignore[misc]  # (alama.core.* is Any to mypy)
    """A copy changes more than one annotator's layer (or gold) and the lead named none."""

    def __init__(self, message: str, source: str, layers: set[str]) -> None:
        super().__init__(message)
        self.source = source
        self.layers = layers


def _check_one_layer(changes: _Changes, name: str, fresh: bool = False) -> None:
    """Refuse a copy whose changes are not those of one annotator's layer (``fresh``: the
    target is a new project, to which everything the copy holds is a change)."""
    touched = changes.layers()
    if GOLD_ANNOTATOR not in touched and len(touched) <= 1:
        return
    shown = ", ".join(sorted(touched))
    what = "the gold layer" if touched == {GOLD_ANNOTATOR} else f"the layers {shown}"
    take = (
        f"name the layers to take: alama merge --layers {','.join(sorted(touched))} "
        "(or --all-layers for your own files)"
    )
    if fresh:
        message = (
            f"cannot merge {name} into a new project: it holds {what}, and a new project takes "
            "one annotator's layer from each copy; nothing was merged. Merge copies into the "
            f"project they were handed out from, or {take}"
        )
    else:
        message = (
            f"cannot merge {name}: it changes {what}, and an annotator's copy changes only that "
            f"annotator's layer; nothing was merged. If that is right, {take}"
        )
    raise LayersNotNamed(message, name, touched)


def _check_changes(changes: _Changes, lengths: dict[int, int], labels: set[str], name: str) -> None:
    """Refuse versions no Alama could have written: dated in the future, a span outside its
    document's text or with an unknown label, a layer name that cannot be an annotator's."""
    latest = (datetime.now(UTC) + CLOCK_SKEW).isoformat(timespec="milliseconds")
    where = f"cannot merge {name}"
    for span, _ in changes.spans:
        stamp = max(span.created_at, span.updated_at, span.deleted_at or "")
        if stamp > latest:
            raise InputError(
                f"{where}: span {span.id} was changed at {stamp!r}, which is in the future "
                "(is the clock of the computer it was made on wrong?); nothing was merged"
            )
        length = lengths.get(span.doc, 0)
        if not _whole(span.start, span.end) or not 0 <= span.start < span.end <= length:
            raise InputError(
                f"{where}: span {span.id} ({span.start}–{span.end}) lies outside its "
                f"document's text (0–{length}); the file was damaged or altered, nothing was "
                "merged"
            )
        if span.label not in labels:
            raise InputError(
                f"{where}: span {span.id} has a label {span.label!r} it does not define"
            )
        _check_layer_name(span.annotator, where)
    states = {state.value for state in Status}
    for row in changes.statuses:
        if row.updated_at > latest:
            raise InputError(
                f"{where}: a document status was changed at {row.updated_at!r}, which is in the "
                "future (is the clock of the computer it was made on wrong?); nothing was merged"
            )
        if row.state not in states:
            raise InputError(f"{where}: a document status is {row.state!r}, not one Alama knows")
        _check_layer_name(row.annotator, where)
    for decision in changes.decisions:
        if decision.updated_at > latest:
            raise InputError(
                f"{where}: a review decision was made at {decision.updated_at!r}, which is in "
                "the future (is the clock of the computer it was made on wrong?); nothing was "
                "merged"
            )
        length = lengths.get(decision.doc, 0)
        if not _whole(decision.start, decision.end):
            raise InputError(
                f"{where}: a review decision on {decision.start!r}–{decision.end!r} has offsets "
                "that are not whole numbers; the file was damaged or altered, nothing was merged"
            )
        if not 0 <= decision.start < decision.end <= length:
            raise InputError(
                f"{where}: a review decision on {decision.start}–{decision.end} lies outside "
                f"its document's text (0–{length}); nothing was merged"
            )
        _check_layer_name(decision.reviewer, where)


def _whole(*offsets: object) -> bool:
    """Whether offsets are whole numbers (not 1.5, not text, not True: a file changed by hand
    may hold anything there)."""
    return all(type(offset) is int for offset in offsets)


def _check_layer_name(layer: str, where: str) -> None:
    if layer == GOLD_ANNOTATOR:
        return
    try:
        checked = check_annotator(layer)
    except InputError as error:
        raise InputError(f"{where}: {error}") from None
    if checked != layer:
        raise InputError(f"{where}: {layer!r} cannot be an annotator name")


def _fold_documents(
    store: Store, source: Store, report: MergeReport
) -> tuple[dict[int, int], dict[int, int]]:
    """Add the documents the target lacks; map each source document id to the target's, and
    give each target id the length of its text."""
    ours = store.document_hashes()
    mapping: dict[int, int] = {}
    lengths: dict[int, int] = {}
    for doc in source.iter_documents():
        if "\x00" in doc.text:
            raise InputError(
                f"cannot merge {source.path.name}: document {doc.doc_id!r} has a NUL character "
                "(U+0000) in its text, which Alama does not keep; nothing was merged"
            )
        if doc.hash in ours:
            mapping[doc.id] = ours[doc.hash]
        else:
            new_id, added = store.add_document(
                doc.text, source=doc.source, doc_id=doc.doc_id, title=doc.title, meta=doc.meta
            )
            mapping[doc.id] = new_id
            report.documents_added += added
        lengths[mapping[doc.id]] = len(doc.text)
    return mapping, lengths


def _in_target(docs: dict[int, int], doc: int, name: str) -> int:
    """The target's id of a source document (refusing a row of no document)."""
    if doc not in docs:
        raise InputError(
            f"cannot merge {name}: it has rows of a document it does not hold (id {doc}); "
            "the file was damaged or altered, nothing was merged"
        )
    return docs[doc]


def _newer_spans(
    store: Store, source: Store, docs: dict[int, int]
) -> list[tuple[Span, Span | None]]:
    """The source's spans newer than the target's, each with the target's version."""
    name = source.path.name
    theirs = [
        dataclasses.replace(span, doc=_in_target(docs, span.doc, name))
        for span in source.all_spans()
    ]
    ours = store.spans_by_id(span.id for span in theirs)
    newer: list[tuple[Span, Span | None]] = []
    for span in theirs:
        mine = ours.get(span.id)
        if mine is not None and (mine.doc != span.doc or mine.annotator != span.annotator):
            raise ProjectError(
                f"cannot merge {name}: span {span.id} belongs to another document "
                "or annotator in this project; these files were not copies of one project"
            )
        if mine is not None and (mine == span or version(mine) > version(span)):
            continue
        newer.append((span, mine))
    return newer


def _newer_statuses(store: Store, source: Store, docs: dict[int, int]) -> list[StatusRow]:
    ours = {(row.doc, row.annotator): row for row in store.status_rows()}
    newer: list[StatusRow] = []
    for row in source.status_rows():
        theirs = row._replace(doc=_in_target(docs, row.doc, source.path.name))
        mine = ours.get((theirs.doc, theirs.annotator))
        if mine is None or (theirs.updated_at, theirs.state) > (mine.updated_at, mine.state):
            newer.append(theirs)
    return newer


def _newer_decisions(store: Store, source: Store, docs: dict[int, int]) -> list[RejectionRow]:
    ours = {row[:4]: row for row in store.rejection_rows()}
    newer: list[RejectionRow] = []
    for row in source.rejection_rows():
        theirs = row._replace(doc=_in_target(docs, row.doc, source.path.name))
        mine = ours.get(theirs[:4])
        if mine is None or (theirs.updated_at, theirs[4:]) > (mine.updated_at, mine[4:]):
            newer.append(theirs)
    return newer
