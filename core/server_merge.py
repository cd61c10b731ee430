"""`alama merge` between a project file and a project on a server, both ways.

- ``alama merge postgresql://… copy.alama``: a file into the server. An empty server project
  starts as the first file, taken whole (`pg_transfer.to_server`: a team that began with files
  moves to the server); every other file brings one layer (`pg_collect.collect`: the newer
  version of a span wins, tombstones carry deletions, twice is once). The layer is the one a
  handed-out copy belongs to, else the login's own; ``--layers`` names others (the lead
  collecting an annotator's offline copy). The server's policies decide whether the login may
  write it. All the files are one transaction: one refused, none is written.
- ``alama merge work.alama postgresql://…``: what the login may read, as a file
  (`pg_transfer.to_file`: the lead, the whole project; an annotator, their documents and own
  layer, to work offline). A new file is that copy as it is; into a file that exists, the copy
  is merged by `alama merge`'s rules for files.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from alama.core.errors import AlamaError, InputError, ProjectError
from alama.core.messages import Message
from alama.core.store.pg_connect import connect, is_server, shown
from alama.core.targets import reached

ALREADY_FILLED = "%1 already has documents: a project is moved to an empty one"
"""`pg_transfer.to_server`'s refusal of a server project that has documents (its template)."""


@dataclass
class ServerMerge:
    """What folding files into a server project wrote."""

    where: str
    moved: dict[str, int] = field(default_factory=dict)
    """Rows per table of a file taken whole into an empty project (none: nothing moved)."""
    moved_from: str = ""
    collected: list[tuple[str, Any]] = field(default_factory=list)
    """(file, `pg_collect.Collected`) for each layer brought in."""

    def summary(self) -> str:
        lines = []
        if self.moved:
            lines.append(
                f"{self.moved_from} moved into {self.where}: {self.moved.get('documents', 0)} "
                f"documents, {self.moved.get('spans', 0)} spans, "
                f"{self.moved.get('relations', 0)} relations"
            )
        for source, done in self.collected:
            left = ", ".join(f"{name} ({n})" for name, n in sorted(done.left_out.items()))
            lines.append(
                f"{source}: layer {done.layer}: {done.spans} spans, {done.relations} relations, "
                f"{done.statuses} statuses written"
                + (f"; other layers left out: {left}" if left else "")
            )
        return "\n".join(lines) or f"nothing to merge into {self.where}"


def _layers(source: Any, layers: Sequence[str] | None, all_layers: bool) -> list[str | None]:
    """The layers of ``source`` to bring: those named, every one, or its owner's (a handed-out
    copy) else the login's own (None)."""
    if layers is not None:
        return list(layers)
    if all_layers:
        return sorted({span.annotator for span in source.all_spans()}) or [None]
    return [source.handed_to()]


def into_server(
    url: str,
    sources: Sequence[Path | str],
    layers: Sequence[str] | None = None,
    all_layers: bool = False,
    whole_if_empty: bool = True,
) -> ServerMerge:
    """Fold the project files ``sources`` into the server project at ``url`` (see the module),
    in one transaction; `ProjectError` in one line if any of it is refused."""
    from alama.core.store import Store
    from alama.core.store.pg_collect import collect
    from alama.core.store.pg_transfer import to_server

    for source in sources:
        if is_server(source):
            raise InputError(
                Message(
                    "%1 and %2 are both on a server: merge through a file",
                    shown(url),
                    shown(str(source)),
                )
            )
    where = shown(url)
    report = ServerMerge(where)
    with reached(url, connect) as conn, conn.transaction():
        for number, source in enumerate(sources):
            with Store.read_only(Path(source)) as store:
                if number == 0 and layers is None and whole_if_empty:
                    try:
                        report.moved = to_server(store, conn, where)
                        report.moved_from = str(source)
                        continue
                    except ProjectError as error:
                        if getattr(error.args[0], "template", "") != ALREADY_FILLED:
                            raise
                for layer in _layers(store, layers, all_layers):
                    report.collected.append((str(source), collect(store, conn, where, layer)))
    return report


def into_file(
    target: Path,
    sources: Sequence[Path | str],
    progress: Callable[[int, int], None],
    layers: Sequence[str] | None = None,
    all_layers: bool = False,
) -> str:
    """Fold ``sources`` (files, and server projects read as the login) into the file
    ``target``; what was done, in words. A new file from one server project is what the login
    may read, as it is; else each server project is read into a temporary file and merged by
    the rules for files (named by its address in what is said)."""
    from alama.core import merging
    from alama.core.store.pg_transfer import to_file

    if len(sources) == 1 and is_server(sources[0]) and not target.exists():
        with reached(str(sources[0]), connect) as conn:
            rows = to_file(conn, target)
        return (
            f"wrote {target} from {shown(str(sources[0]))}: {rows.get('documents', 0)} "
            f"documents, {rows.get('spans', 0)} spans, {rows.get('relations', 0)} relations"
        )
    names: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="alama-server-") as folder:
        files: list[Path | str] = []
        for number, source in enumerate(sources):
            if not is_server(source):
                files.append(source)
                continue
            name = unquote(urlsplit(str(source)).path.strip("/")) or "server"
            copy = Path(folder) / f"{number}-{Path(name).name}.alama"
            with reached(str(source), connect) as conn:
                to_file(conn, copy)
            files.append(copy)
            names[str(copy)] = names[copy.name] = shown(str(source))
        try:
            report = merging.merge(target, files, progress, layers=layers, all_layers=all_layers)
        except AlamaError as error:
            if not names:
                raise
            raise InputError(_named(str(error), names)) from None
    return _named(report.summary(), names)


def _named(text: str, names: dict[str, str]) -> str:
    """``text`` with the temporary copies called by their servers' addresses."""
    for temporary in sorted(names, key=len, reverse=True):
        text = text.replace(temporary, names[temporary])
    return text
