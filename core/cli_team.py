"""`alama agreement`, `alama review` and `alama merge`: what a team does with its layers.

How far annotators agree, the bulk step of review into the gold layer, and folding annotators'
copies into one project. Each command imports what it computes with when it runs.
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import click

from alama.core.cli_output import friendly, names_list, progress_bar
from alama.core.targets import is_server, login, open_project


@click.command(name="agreement")
@click.argument("project")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (SPEC 9).")
@click.option("--annotators", help="Only these annotators, comma-separated.")
@click.option("--labels", help="Only these labels, comma-separated.")
@click.option(
    "--without-suggestions",
    is_flag=True,
    help="Leave accepted suggestions out of the span figures (pre-annotation bias).",
)
@friendly
def agreement_(
    project: str,
    as_json: bool,
    annotators: str | None,
    labels: str | None,
    without_suggestions: bool,
) -> None:
    """Inter-annotator agreement: span F1, unitizing alpha and token kappas.

    Only documents an annotator marked done count for them; pairs compare the documents both
    finished. A figure with nothing behind it is shown as "–" (null in JSON).
    """
    from alama.core import agreement

    with open_project(project) as store, progress_bar("agreement") as progress:
        figures = agreement.agreement(
            store,
            names_list(annotators),
            names_list(labels),
            progress=progress,
            without_suggestions=without_suggestions,
        )
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(agreement.as_table(figures))


@click.command()
@click.argument("project")
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
    show_default="your login name (on a server, the login's)",
    help="Whose review the gold spans record.",
)
@friendly
def review(project: str, accept_agreed: bool, min_annotators: int, reviewer: str | None) -> None:
    """The bulk step of review: agreed spans go into the gold layer.

    Spans a reviewer already rejected, or settled in another form, are left alone; running it
    again adds nothing new. Review the rest in the window (Review ▸ Review mode).
    """
    from alama.core import review as reviewing

    if not accept_agreed:
        raise click.UsageError("say what to do: --accept-agreed")
    with open_project(project) as store, progress_bar("reviewing") as progress:
        who = reviewer or login(store) or getpass.getuser()
        report = reviewing.accept_agreed(store, who, min_annotators, progress)
    click.echo(report.summary(), err=True)


@click.command()
@click.argument("target")
@click.argument("sources", nargs=-1, required=True)
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
def merge(target: str, sources: tuple[str, ...], layers: str | None, all_layers: bool) -> None:
    """Fold annotator project files into TARGET (created if missing).

    Documents are matched by their text, spans by id; of two versions of a span the newer
    wins, a deletion included. Labels the target lacks are added. Running it twice changes
    nothing. All or nothing.

    Each file may change one annotator's layer (its spans and document status) and add
    documents; a file that changes more, or the gold layer, is refused unless --layers or
    --all-layers says what to take. A version dated in the future or a span outside its text
    is always refused. A new TARGET starts as the first file, taken as it is (but for
    --layers).

    With a server: `alama merge postgresql://USER@HOST/DB copy.alama` brings the file's layer
    (a handed-out copy's owner, else yours; --layers names others) into the server, whose
    rules decide whether you may write it; an empty server project takes the first file whole.
    `alama merge work.alama postgresql://…` writes what your login may read into a new file
    (the lead: everything; an annotator: their documents and own layer, to work offline).
    """
    from alama.core import server_merge

    if layers is not None and all_layers:
        raise click.UsageError("choose --layers or --all-layers, not both")
    named = [name.strip() for name in layers.split(",")] if layers is not None else None
    if is_server(target):
        moved = server_merge.into_server(target, sources, named, all_layers)
        click.echo(moved.summary(), err=True)
        return
    with progress_bar("merging") as progress:
        done = server_merge.into_file(Path(target), sources, progress, named, all_layers)
    click.echo(done, err=True)
