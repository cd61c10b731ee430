"""`alama collect`: fold the annotators' copies back in, and say what each of them brought.

Collecting is `alama merge` (the same rules: each copy may change only its annotator's layer,
the newer version of a span wins, nothing is lost, running it twice changes nothing), with two
more things a lead needs: a copy handed out by `alama handout` knows whose it is, so a copy that
changes anyone else's layer is refused; and a report per annotator of the spans they added and
deleted, the documents they finished, and the documents they worked on outside their
assignment.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alama.core.errors import InputError
from alama.core.merging import MergeReport, layers_named, merge_into
from alama.core.model import GOLD_ANNOTATOR
from alama.core.store import Store

Versions = dict[int, tuple[int, int, str, str]]


@dataclass
class Returned:
    """What one annotator's copies brought."""

    new_spans: int = 0
    deleted_spans: int = 0
    finished: int = 0
    """Documents they marked done since the last collect."""
    documents: int = 0
    """Documents whose layer changed."""
    outside: list[str] = field(default_factory=list)
    """Ids of documents they worked on that are not assigned to them."""


@dataclass
class CollectReport:
    """The merge's report and the figures per annotator."""

    merge: MergeReport
    per_annotator: dict[str, Returned] = field(default_factory=dict)

    def summary(self) -> str:
        """The merge's lines, then a line per annotator who brought anything."""
        lines = [self.merge.summary().replace("merged", "collected", 1)]
        for name, got in sorted(self.per_annotator.items()):
            line = (
                f"  {name}: {got.new_spans} new span{'s' * (got.new_spans != 1)}, "
                f"{got.deleted_spans} deleted, {got.finished} document"
                f"{'s' * (got.finished != 1)} finished"
            )
            if got.outside:
                shown = ", ".join(got.outside[:5]) + (" …" if len(got.outside) > 5 else "")
                line += f"; {len(got.outside)} outside their assignment ({shown})"
            lines.append(line)
        return "\n".join(lines)


def _owner(path: Path) -> str | None:
    """The annotator a copy was handed out to, if it knows."""
    with Store.read_only(path) as copy:
        return copy.handed_to()


def _add(total: MergeReport, part: MergeReport) -> None:
    """Count one file's merge into the report of all of them."""
    for name in ("documents_added", "spans_added", "spans_updated", "spans_deleted",
                 "statuses", "decisions", "assignments", "relations"):  # fmt: skip
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.guidelines = total.guidelines or part.guidelines
    total.labels_added.extend(part.labels_added)
    total.taken.extend(part.taken)
    total.left_out.update(part.left_out)
    total.outside.update(part.outside)


def collect(
    project: Path,
    files: Sequence[Path],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> CollectReport:
    """Merge the copies into the project, all or nothing, and report per annotator."""
    if not files:
        raise InputError("name the annotators' copies to collect")
    owners = [_owner(path) for path in files]
    with Store.open(project) as store, store.transaction():
        names = [name for name in store.annotators() if name != GOLD_ANNOTATOR]
        before = {name: store.layer_versions(name) for name in names}
        merged = MergeReport(target=store.path, sources=len(files))
        for number, (path, owner) in enumerate(zip(files, owners, strict=True)):
            progress(number, len(files))
            part = merge_into(store, [path])
            for _, layers in part.taken:
                if owner is not None and layers != [owner]:
                    raise InputError(
                        f"{path} was handed out to {owner} but changes "
                        f"{layers_named(layers)}; nothing was collected"
                    )
            _add(merged, part)
        progress(len(files), len(files))
        report = CollectReport(merged)
        planned = store.has_assignments()
        for _, layers in merged.taken:
            for name in layers:
                if name != GOLD_ANNOTATOR and name not in report.per_annotator:
                    report.per_annotator[name] = _returned(
                        store, name, before.get(name, {}), planned
                    )
    return report


def _returned(store: Store, name: str, before: Versions, planned: bool) -> Returned:
    after = store.layer_versions(name)
    got = Returned()
    ever = {row.doc for row in store.assignment_rows(name)}  # taken-away ones count as theirs
    outside: list[int] = []
    for doc, now in after.items():
        was = before.get(doc, (0, 0, "", ""))
        if now == was:
            continue
        got.documents += 1
        got.new_spans += now[0] - was[0]
        got.deleted_spans += max(now[1] - was[1], 0)
        got.finished += now[3].startswith("done") and not was[3].startswith("done")
        if planned and doc not in ever:
            outside.append(doc)
    got.outside = [store.document(doc).doc_id for doc in outside]
    return got
