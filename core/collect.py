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


def _owners(files: Sequence[Path]) -> dict[str, str]:
    """File name -> the annotator it was handed to, for the copies that know it."""
    owners: dict[str, str] = {}
    for path in files:
        with Store.read_only(path) as copy:
            owner = copy.handed_to()
        if owner is not None:
            owners[path.name] = owner
    return owners


def collect(
    project: Path,
    files: Sequence[Path],
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> CollectReport:
    """Merge the copies into the project, all or nothing, and report per annotator."""
    if not files:
        raise InputError("name the annotators' copies to collect")
    owners = _owners(files)
    with Store.open(project) as store, store.transaction():
        names = [name for name in store.annotators() if name != GOLD_ANNOTATOR]
        before = {name: store.layer_versions(name) for name in names}
        merged = merge_into(store, files, progress)
        for source, layers in merged.taken:
            owner = owners.get(source)
            if owner is not None and layers != [owner]:
                raise InputError(
                    f"{source} was handed out to {owner} but changes {layers_named(layers)}; "
                    "nothing was collected"
                )
        report = CollectReport(merged)
        for _, layers in merged.taken:
            for name in layers:
                if name != GOLD_ANNOTATOR and name not in report.per_annotator:
                    report.per_annotator[name] = _returned(store, name, before.get(name, {}))
    return report


def _returned(store: Store, name: str, before: Versions) -> Returned:
    after = store.layer_versions(name)
    got = Returned()
    assigned = set(store.assigned_documents(name))
    outside: list[int] = []
    for doc, now in after.items():
        was = before.get(doc, (0, 0, "", ""))
        if now == was:
            continue
        got.documents += 1
        got.new_spans += now[0] - was[0]
        got.deleted_spans += max(now[1] - was[1], 0)
        got.finished += now[3].startswith("done") and not was[3].startswith("done")
        if doc not in assigned:
            outside.append(doc)
    got.outside = [store.document(doc).doc_id for doc in outside]
    return got
