"""The `alama` command line: a thin click layer over the core functions.

Every failure is one line on stderr and a non-zero exit; the project is left as it was.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from alama.core import __version__, exporting, importing
from alama.core.annotators import similar_annotator
from alama.core.demo import build_demo
from alama.core.doctor import run_checks as doctor_checks
from alama.core.errors import AlamaError
from alama.core.labels import LabelSet, parse_label_map
from alama.core.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Turn Alama's errors (and SQLite's) into click's one-line 'Error: …' and exit status 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            # `alama export … | head`: the reader has what it wanted; say nothing more.
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except AlamaError as error:
            raise click.ClickException(str(error)) from None
        except MemoryError:
            raise click.ClickException(
                "not enough memory to finish; nothing was changed or written "
                "(close other programs, or export a part at a time with --annotator or --labels)"
            ) from None
        except sqlite3.DatabaseError as error:
            raise click.ClickException(f"the project file could not be used: {error}") from None
        except OSError as error:
            name = f"{error.filename}: " if error.filename else ""
            raise click.ClickException(f"{name}{error.strerror or error}") from None

    return wrapper  # type: ignore[return-value]


@contextmanager
def progress_bar(label: str) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    bar: Any = None
    shown = 0

    def update(done: int, total: int) -> None:
        nonlocal bar, shown
        if bar is None:
            bar = click.progressbar(length=total, label=label, file=sys.stderr)
            bar.__enter__()
        bar.update(done - shown)
        shown = done

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


def _labels_list(value: str | None) -> list[str] | None:
    return [part.strip() for part in value.split(",") if part.strip()] if value else None


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alama")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Alama (علامة): annotate Arabic news with actors, places and claims.

    Without a command, opens the window on the last project (else the demo).
    """
    if ctx.invoked_subcommand is None:
        _open_window(None)


@cli.command()
@click.option("--path", type=click.Path(path_type=Path), help="Where to build the demo project.")
@click.option("--no-window", is_flag=True, help="Build the demo project and print its path only.")
@friendly
def demo(path: Path | None, no_window: bool) -> None:
    """Build the demo project from the sample articles if needed, and open it."""
    built = build_demo(path)
    if no_window:
        click.echo(str(built))
        return
    _open_window(built)


@cli.command(name="open")
@click.argument("project", type=click.Path(path_type=Path))
@friendly
def open_(project: Path) -> None:
    """Open a project in the window (it is created if it does not exist)."""
    if project.exists():
        Store.open(project).close()  # a clear error here rather than a dialog
    _open_window(project)


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--labels",
    "labels_file",
    type=click.Path(path_type=Path),
    help="A TOML file of [[label]] tables to use instead of ACTOR, PLACE, CLAIM.",
)
@friendly
def init(project: Path, labels_file: Path | None) -> None:
    """Create an empty project file."""
    labels = LabelSet.from_toml(labels_file) if labels_file else None
    with Store.create(project, labels) as store:
        keys = ", ".join(store.labels().keys)
    click.echo(f"created {project} with labels {keys}", err=True)


@cli.command(name="import")
@click.argument("project", type=click.Path(path_type=Path))
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(importing.FORMATS),
    default="auto",
    show_default=True,
    help="auto decides by name and content: .ann/.txt pairs are brat, token-and-tag lines "
    "CoNLL, JSON with ner_tags Hugging Face, other JSON records JSONL or doccano.",
)
@click.option("--annotator", help="Whose spans these are, when a record does not say.")
@click.option(
    "--map",
    "label_map",
    metavar="OLD=NEW,...",
    help="Rename labels while importing (OLD= drops a label).",
)
@click.option("--add-labels", is_flag=True, help="Add labels the project does not know yet.")
@friendly
def import_(
    project: Path,
    paths: tuple[Path, ...],
    fmt: str,
    annotator: str | None,
    label_map: str | None,
    add_labels: bool,
) -> None:
    """Import articles and annotations. All or nothing.

    PATHS are files or folders: .txt articles, JSONL (Prodigy, spaCy, doccano), CoNLL/BIO,
    Hugging Face JSONL, or brat folders (a sub-folder per annotator).
    """
    mapping = parse_label_map(label_map)
    with Store.open(project) as store, progress_bar("importing") as progress:
        similar = annotator and similar_annotator(annotator, store.annotators())
        if annotator and similar:
            click.echo(
                f"warning: annotator {annotator.strip()!r} looks like the existing {similar!r}; "
                f"spans without a name go to a new layer (--annotator {similar!r} if it is them)",
                err=True,
            )
        report = importing.import_paths(
            store,
            paths,
            fmt,
            annotator,
            mapping,
            add_labels,
            notify=lambda message: click.echo(message, err=True),
            progress=progress,
        )
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(exporting.FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl (Prodigy and spaCy), doccano, conll (BIO tags), hf (Hugging Face tokens and "
    "ner_tags) or brat (.txt and .ann pairs).",
)
@click.option("--annotator", help="Export this annotator's layer only.")
@click.option("--gold", is_flag=True, help="Export the reviewed gold layer only.")
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="File to write (default: standard output); a folder for brat or with --split.",
)
@click.option("--labels", help="Only these labels, comma-separated.")
@click.option("--split", help="Split documents, e.g. train=0.8,dev=0.1,test=0.1.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the split.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace output files that exist (a brat folder only if it holds an earlier brat "
    "export). Without it an export never writes over anything.",
)
@friendly
def export(
    project: Path,
    fmt: str,
    annotator: str | None,
    gold: bool,
    output: Path | None,
    labels: str | None,
    split: str | None,
    seed: int,
    force: bool,
) -> None:
    """Export annotations as training data.

    Without --annotator or --gold every annotator's layer is written (a backup). CoNLL and hf
    hold one tag per token: overlapping spans are refused with the list of conflicts. brat
    writes a folder, with a sub-folder per annotator. Files appear only when complete; one
    that exists is replaced only with --force, and never the project itself.
    """
    with Store.open(project) as store, progress_bar("exporting") as progress:
        report = exporting.export(
            store,
            output,
            fmt,
            annotator,
            _labels_list(labels),
            split,
            seed,
            progress=progress,
            gold=gold,
            overwrite=force,
        )
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly
def stats(project: Path, as_json: bool) -> None:
    """Documents, annotators, progress and spans per label."""
    with Store.open(project) as store:
        counts = store.counts()
        labels = store.labels().keys
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    click.echo(f"{project}: {counts['documents']} documents")
    if not counts["annotators"]:
        click.echo("no annotations yet")
        return
    extra = sorted(
        {key for entry in counts["annotators"].values() for key in entry["spans"]} - set(labels)
    )
    columns = [*labels, *extra]
    header = ["annotator", "done", "in progress", *columns, "spans"]
    rows = [header]
    for name, entry in sorted(counts["annotators"].items()):
        per_label = [entry["spans"].get(key, 0) for key in columns]
        rows.append([name, entry["done"], entry["in_progress"], *per_label, sum(per_label)])
    widths = [max(len(str(row[i])) for row in rows) for i in range(len(header))]
    for row in rows:
        click.echo(
            "  ".join(
                str(cell).rjust(width) if i else str(cell).ljust(width)
                for i, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
        )


@cli.command(name="agreement")
@click.argument("project", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (SPEC 9).")
@click.option("--annotators", help="Only these annotators, comma-separated.")
@click.option("--labels", help="Only these labels, comma-separated.")
@friendly
def agreement_(project: Path, as_json: bool, annotators: str | None, labels: str | None) -> None:
    """Inter-annotator agreement: span F1, unitizing alpha and token kappas.

    Only documents an annotator marked done count for them; pairs compare the documents both
    finished. A figure with nothing behind it is shown as "–" (null in JSON).
    """
    from alama.core import agreement

    with Store.open(project) as store, progress_bar("agreement") as progress:
        figures = agreement.agreement(
            store, _labels_list(annotators), _labels_list(labels), progress=progress
        )
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(agreement.as_table(figures))


@cli.command()
@click.argument("project", type=click.Path(path_type=Path))
@click.option(
    "--accept-agreed",
    is_flag=True,
    required=True,
    help="Copy into gold every span all annotators who finished a document made identically.",
)
@click.option(
    "--min-annotators",
    type=int,
    default=2,
    show_default=True,
    help="Only documents at least this many annotators finished.",
)
@click.option(
    "--reviewer",
    default=getpass.getuser,
    show_default="your login name",
    help="Whose review the gold spans record.",
)
@friendly
def review(project: Path, accept_agreed: bool, min_annotators: int, reviewer: str) -> None:
    """The bulk step of review: agreed spans go into the gold layer.

    Spans a reviewer already rejected, or settled in another form, are left alone; running it
    again adds nothing new. Review the rest in the window (Review ▸ Review mode).
    """
    from alama.core import review as reviewing

    if not accept_agreed:
        raise click.UsageError("say what to do: --accept-agreed")
    with Store.open(project) as store, progress_bar("reviewing") as progress:
        report = reviewing.accept_agreed(store, reviewer, min_annotators, progress)
    click.echo(report.summary(), err=True)


@cli.command()
@click.argument("target", type=click.Path(path_type=Path))
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--layers",
    metavar="NAME,...",
    help="Take only these layers from the files: annotator names, and @gold for the reviewed "
    "layer with its review decisions (a reviewer's copy). Changes to other layers are left out.",
)
@click.option(
    "--all-layers",
    is_flag=True,
    help="Take every change of every file, gold included: only for files you trust, such as "
    "your own copies.",
)
@friendly
def merge(target: Path, sources: tuple[Path, ...], layers: str | None, all_layers: bool) -> None:
    """Fold annotator project files into TARGET (created if missing).

    Documents are matched by their text, spans by id; of two versions of a span the newer
    wins, a deletion included. Labels the target lacks are added. Running it twice changes
    nothing. All or nothing.

    Each file may change one annotator's layer (its spans and document status) and add
    documents; a file that changes more, or the gold layer, is refused unless --layers or
    --all-layers says what to take. A version dated in the future or a span outside its text
    is always refused. A new TARGET starts as the first file, taken as it is (but for
    --layers).
    """
    from alama.core import merging

    if layers is not None and all_layers:
        raise click.UsageError("choose --layers or --all-layers, not both")
    with progress_bar("merging") as progress:
        report = merging.merge(
            target,
            sources,
            progress,
            layers=[name.strip() for name in layers.split(",")] if layers is not None else None,
            all_layers=all_layers,
        )
    click.echo(report.summary(), err=True)


@cli.command()
@click.option("--no-window", is_flag=True, help="Skip the window check (for machines with no Qt).")
@friendly
def doctor(no_window: bool) -> None:
    """Check this installation: font, translation, Arabic text, storage, window, models.

    Each check does the real thing on a throw-away demo project; your projects and settings
    are not touched. camel-tools' optional models are reported but never required. Exits with
    status 1 when something Alama needs is broken.
    """
    window = None
    if not no_window:
        from alama.gui.app import check_window

        window = check_window
    click.echo(f"alama {__version__} (Python {sys.version.split()[0]}, {sys.platform})")
    problems = 0
    for check in doctor_checks(window):
        mark = "ok" if check.ok else ("-" if check.optional else "FAILED")
        problems += not (check.ok or check.optional)
        click.echo(f"{mark:<7} {check.name:<28} {check.detail}")
    if problems:
        raise click.ClickException(f"{problems} problem(s) found")
    click.echo("Alama is ready.")


def _open_window(project: Path | None) -> None:
    from alama.gui.app import run

    sys.exit(run(project))


def main() -> None:
    """Console entry point."""
    cli(prog_name="alama")


if __name__ == "__main__":
    main()
