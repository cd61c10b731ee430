"""`alama assign`, `handout`, `collect` and `guidelines`: a lead's round of annotation.

Plan who annotates what (with a share annotated by several people, for agreement), hand each
annotator a copy holding only their documents, fold the copies back with a report per
annotator, and keep the guidelines in the project. `alama stats` shows the team's progress.
"""

from __future__ import annotations

from pathlib import Path

import click

from alama.core.cli_output import friendly, names_list, progress_bar
from alama.core.targets import is_server, open_project, shown


@click.command()
@click.argument("project")
@click.option("--annotators", help="Who annotates, comma-separated: amal,bilal,karim.")
@click.option(
    "--overlap",
    type=float,
    default=0.0,
    show_default=True,
    help="The share of documents given to several annotators, for agreement (0.2 = 20 %).",
)
@click.option(
    "--per-document",
    type=int,
    default=2,
    show_default=True,
    help="How many annotators each overlap document goes to.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Another seed, another plan.")
@click.option(
    "--documents",
    default="todo",
    show_default=True,
    help="todo (nobody finished them), all, or a file of document ids, one per line.",
)
@click.option(
    "--reassign",
    "leaving",
    metavar="NAME",
    help="Someone left: give their unfinished documents to the others (--annotators, "
    "default everyone else who still has unfinished documents).",
)
@friendly
def assign(
    project: str,
    annotators: str | None,
    overlap: float,
    per_document: int,
    seed: int,
    documents: str,
    leaving: str | None,
) -> None:
    """Assign documents to annotators, a share of them to several for agreement.

    Running it again assigns only what nobody has (after an import, or for a new annotator):
    assigned and finished work never moves. Documents are balanced by length in characters.
    """
    from alama.core import assignment
    from alama.core.annotators import similar_annotator

    names = names_list(annotators)
    with open_project(project) as store:
        known = store.annotators()
        for number, name in enumerate(names or []):
            similar = similar_annotator(name, [*known, *(names or [])[:number]])
            if similar:
                click.echo(
                    f"warning: annotator {name.strip()!r} looks like {similar!r}; check the "
                    "names (a typo makes a new annotator)",
                    err=True,
                )
        if leaving is not None:
            report = assignment.reassign(store, leaving, names, seed)
        else:
            if not names:
                raise click.UsageError("name the annotators: --annotators amal,bilal,karim")
            report = assignment.assign(store, names, overlap, per_document, seed, documents)
    click.echo(report.summary(), err=True)


@click.command()
@click.argument("project")
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder for the copies (made if missing); a copy never replaces a file.",
)
@click.option("--annotators", help="Only these annotators' copies, comma-separated.")
@friendly
def handout(project: str, out: Path, annotators: str | None) -> None:
    """Write a project file for each annotator, holding only their documents.

    Safe while the window has the project open. Each copy opens as its annotator, with the
    labels and the guidelines; the documents shared for agreement come first.
    """
    from alama.core import handout as handing

    with progress_bar("handing out") as progress:
        report = handing.handout(project, out, names_list(annotators), progress)
    click.echo(report.summary(), err=True)


@click.command()
@click.argument("project")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@friendly
def collect(project: str, files: tuple[Path, ...]) -> None:
    """Merge the annotators' copies back, with a report per annotator.

    What each brought: new and deleted spans, documents finished, documents worked on outside
    their assignment. A copy that changes another annotator's layer is refused; collecting the
    same copies again changes nothing.
    """
    from alama.core import collect as collecting

    if is_server(project):  # each copy's layer (its owner's, else yours) into the server
        from alama.core.server_merge import into_server

        done = into_server(project, files, whole_if_empty=False)
        click.echo(done.summary(), err=True)
        return
    with progress_bar("collecting") as progress:
        report = collecting.collect(Path(project), list(files), progress)
    click.echo(report.summary(), err=True)


@click.command()
@click.argument("project")
@click.argument("file", required=False, type=click.Path(path_type=Path))
@click.option("--remove", is_flag=True, help="Remove the project's guidelines.")
@friendly
def guidelines(project: str, file: Path | None, remove: bool) -> None:
    """Keep the annotation guidelines (a Markdown file) in the project, or print them.

    The window shows them on F2; every handed-out copy carries them.
    """
    from alama.core.guidelines import read_guidelines

    if file is not None and remove:
        raise click.UsageError("give a file or --remove, not both")
    if file is None and not remove:
        with open_project(project) as store:
            text = store.guidelines()
        if text is None:
            raise click.ClickException(
                f"{shown(project)} has no guidelines yet: alama guidelines {shown(project)} FILE.md"
            )
        click.echo(text)
        return
    text = "" if remove else read_guidelines(file) if file is not None else ""
    with open_project(project) as store:
        store.set_guidelines(text)
    done = "removed the guidelines" if remove else f"stored {file} as the guidelines"
    click.echo(f"{done} of {shown(project)}", err=True)
