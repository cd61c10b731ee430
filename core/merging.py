"""`alama merge`: fold annotator project files into one, by document content and span id.

A lead hands copies of a project to annotators and folds their files back. Documents are the
same when their texts have the same hash, whatever their ids; spans are the same when they have
the same id. Of two versions of a span the newer one wins (by ``updated_at``), and a deletion is
a version too, so a tombstone beats an older live copy and a span restored later beats an older
tombstone. Ties are broken by the content of the row, so the order of the sources does not
matter, and a second run finds nothing newer: merging is idempotent. Nothing is lost: every
span id of every source ends up in the target.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alama.core.bulk import without_collector
from alama.core.errors import InputError, ProjectError
from alama.core.labels import Label, LabelSet
from alama.core.model import Span
from alama.core.store import RejectionRow, StatusRow, Store


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
        if not self.changed:
            return head + "nothing new (it already had every version)"
        lines = [
            head + f"{self.documents_added} new document{'s' * (self.documents_added != 1)}, "
            f"{self.spans_added} new span{'s' * (self.spans_added != 1)}, "
            f"{self.spans_updated} newer version{'s' * (self.spans_updated != 1)} of spans "
            f"({self.spans_deleted} of them deletions), {self.statuses} document status"
            f"{'es' * (self.statuses != 1)}, {self.decisions} review decision"
            f"{'s' * (self.decisions != 1)}"
        ]
        if self.labels_added:
            lines.append(f"added labels: {', '.join(self.labels_added)}")
        return "\n".join(lines)


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
) -> MergeReport:
    """Fold every source project into the target (created if missing), all or nothing."""
    target = Path(target)
    if not sources:
        raise InputError("name at least one project file to merge")
    created = not target.exists()
    if created:
        with Store.read_only(sources[0]) as first:
            labels = first.labels()
        store = Store.create(target, labels)
    else:
        store = Store.open(target)
    try:
        report: MergeReport = merge_into(store, sources, progress)
    except BaseException:
        store.close()
        if created:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{target}{suffix}").unlink(missing_ok=True)
        raise
    store.close()
    report.created = created
    return report


@without_collector  # type: ignore[untyped-decorator]  # (alama.core.* is Any to mypy)
def merge_into(
    store: Store,
    sources: Sequence[Path | str],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> MergeReport:
    """Fold every source project into an open project, in one transaction."""
    paths = [Path(source) for source in sources]
    if not paths:
        raise InputError("name at least one project file to merge")
    for path in paths:
        if path.exists() and os.path.samefile(path, store.path):
            raise InputError(f"{path} is the target itself; name other project files to merge")
    report = MergeReport(target=store.path, sources=len(paths))
    readers: list[Store] = []
    try:
        for path in paths:
            readers.append(Store.read_only(path))
        with store.transaction():
            for number, reader in enumerate(readers):
                progress(number, len(readers))
                _fold(store, reader, report)
            progress(len(readers), len(readers))
    finally:
        for reader in readers:
            reader.close()
    return report


def _fold(store: Store, source: Store, report: MergeReport) -> None:
    """Fold one source into the open target; the caller holds the transaction."""
    labels, added = reconcile_labels(store.labels(), source.labels(), source.path.name)
    if added:
        store.set_labels(labels)
        report.labels_added.extend(added)
    docs = _fold_documents(store, source, report)
    _fold_spans(store, source, docs, report)
    _fold_statuses(store, source, docs, report)
    _fold_decisions(store, source, docs, report)


def _fold_documents(store: Store, source: Store, report: MergeReport) -> dict[int, int]:
    """Add the documents the target lacks; map each source document id to the target's."""
    ours = store.document_hashes()
    mapping: dict[int, int] = {}
    for doc in source.iter_documents():
        if doc.hash in ours:
            mapping[doc.id] = ours[doc.hash]
            continue
        new_id, added = store.add_document(
            doc.text, source=doc.source, doc_id=doc.doc_id, title=doc.title, meta=doc.meta
        )
        mapping[doc.id] = new_id
        report.documents_added += added
    return mapping


def _fold_spans(store: Store, source: Store, docs: dict[int, int], report: MergeReport) -> None:
    theirs = [dataclasses.replace(span, doc=docs[span.doc]) for span in source.all_spans()]
    ours = store.spans_by_id(span.id for span in theirs)
    newer: list[Span] = []
    for span in theirs:
        mine = ours.get(span.id)
        if mine is None:
            report.spans_added += 1
        elif mine.doc != span.doc or mine.annotator != span.annotator:
            raise ProjectError(
                f"cannot merge {source.path.name}: span {span.id} belongs to another document "
                "or annotator in this project; these files were not copies of one project"
            )
        elif mine == span or version(mine) > version(span):
            continue
        else:
            report.spans_updated += 1
            report.spans_deleted += span.deleted_at is not None and mine.deleted_at is None
        newer.append(span)
    store.put_spans(newer)


def _fold_statuses(store: Store, source: Store, docs: dict[int, int], report: MergeReport) -> None:
    ours = {(row.doc, row.annotator): row for row in store.status_rows()}
    newer: list[StatusRow] = []
    for row in source.status_rows():
        theirs = row._replace(doc=docs[row.doc])
        mine = ours.get((theirs.doc, theirs.annotator))
        if mine is None or (theirs.updated_at, theirs.state) > (mine.updated_at, mine.state):
            newer.append(theirs)
    report.statuses += len(newer)
    store.put_status_rows(newer)


def _fold_decisions(store: Store, source: Store, docs: dict[int, int], report: MergeReport) -> None:
    ours = {row[:4]: row for row in store.rejection_rows()}
    newer: list[RejectionRow] = []
    for row in source.rejection_rows():
        theirs = row._replace(doc=docs[row.doc])
        mine = ours.get(theirs[:4])
        if mine is None or (theirs.updated_at, theirs[4:]) > (mine.updated_at, mine[4:]):
            newer.append(theirs)
    report.decisions += len(newer)
    store.put_rejection_rows(newer)
