"""The `alama` command line: a thin click layer over the core functions.

Every failure is one line on stderr and a non-zero exit; the project is left as it was
(`cli_output`). The commands that move data are in `cli_transfer` (import, export) and
`cli_team` (agreement, review, merge).

Starting must stay quick: ``alama --version`` and ``alama stats`` load neither camel-tools nor
numpy nor sqlite-utils (a test holds it). A command imports what it works with when it runs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from alama.core import __version__, targets
from alama.core.cli_clean import clean
from alama.core.cli_output import aligned, friendly
from alama.core.cli_rounds import assign, collect, guidelines, handout
from alama.core.cli_server import team
from alama.core.cli_suggest import suggest
from alama.core.cli_team import agreement_, merge, review
from alama.core.cli_transfer import export, import_
from alama.core.labels import LabelSet
from alama.core.model import is_suggested
from alama.core.store import Store
from alama.core.targets import create_project, is_server, open_project, server_store, shown

if TYPE_CHECKING:
    from alama.core.team_progress import TeamProgress


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alama")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Alama (علامة): annotate Arabic news with actors, places and claims.

    Without a command, opens the window on the last project (else the demo).
    """
    if sys.stdin.isatty() and targets.ask_password is None:  # a server that wants a password
        targets.ask_password = _ask_password
    if ctx.invoked_subcommand is None:
        _open_window(None)


@cli.command()
@click.option("--path", type=click.Path(path_type=Path), help="Where to build the demo project.")
@click.option("--no-window", is_flag=True, help="Build the demo project and print its path only.")
@friendly
def demo(path: Path | None, no_window: bool) -> None:
    """Build the demo project from the sample articles if needed, and open it."""
    from alama.core.demo import build_demo

    built = build_demo(path)
    if no_window:
        click.echo(str(built))
        return
    _open_window(built)


@cli.command(name="open")
@click.argument("project")
@friendly
def open_(project: str) -> None:
    """Open a project in the window: a file (created if it does not exist), or a project on a
    server, postgresql://USER@HOST/DATABASE, as that login's layer."""
    if is_server(project):
        with open_project(project) as store:  # a clear error here rather than a dialog
            reached = str(getattr(store, "url", project))  # with a password asked for here
        _open_window(reached)
        return
    path = Path(project)
    if path.exists():
        Store.open(path).close()  # a clear error here rather than a dialog
    _open_window(path)


@cli.command()
@click.argument("project")
@click.option(
    "--labels",
    "labels_file",
    type=click.Path(path_type=Path),
    help="A TOML file of [[label]] tables to use instead of ACTOR, PLACE, CLAIM.",
)
@friendly
def init(project: str, labels_file: Path | None) -> None:
    """Create an empty project file, or set up a project on a server.

    With postgresql://OWNER@HOST/DATABASE (the database's owner, once; again after an upgrade
    of Alama), the tables, roles and row-level security are made; then `alama team add-lead`.
    """
    labels = LabelSet.from_toml(labels_file) if labels_file else None
    if is_server(project):
        from alama.core.store.pg_connect import set_up

        steps = set_up(project)
        keys = _server_labels(project, labels)
        done = f"{len(steps)} step{'s' * (len(steps) != 1)} applied" if steps else "up to date"
        click.echo(f"set up {shown(project)} ({done}) with labels {keys}", err=True)
        return
    with create_project(project, labels) as store:
        keys = ", ".join(store.labels().keys)
    click.echo(f"created {project} with labels {keys}", err=True)


def _server_labels(project: str, labels: LabelSet | None) -> str:
    """A server project just set up gets the default labels (or those of --labels) when it has
    none yet; the labels it has, as a list."""
    with server_store().create(project, labels) as store:
        if labels is not None:
            store.set_labels(labels)
        return ", ".join(store.labels().keys)


@cli.command()
@click.argument("project")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@friendly
def stats(project: str, as_json: bool) -> None:
    """Documents, annotators, progress and spans per label."""
    with open_project(project) as store:
        counts = store.counts()
        labels = store.labels().keys
        accepted = {
            name: sum(n for origin, n in origins.items() if is_suggested(origin))
            for name, origins in store.origin_counts().items()
        }
        suggested = any(accepted.values())
        if suggested:
            for name, entry in counts["annotators"].items():
                entry["suggested"] = accepted.get(name, 0)
        pending = store.suggestion_count()
        if pending:
            counts["stored_suggestions"] = pending
        team = None
        if store.has_assignments():
            from alama.core.team_progress import team_progress

            team = team_progress(store)
    if as_json:
        if team is not None:
            counts["team"] = team.as_json()
        click.echo(json.dumps(counts, ensure_ascii=False, indent=2))
        return
    click.echo(f"{shown(project)}: {counts['documents']} documents")
    if not counts["annotators"]:
        click.echo("no annotations yet")
        if team is not None:
            _echo_team(team)
        return
    extra = sorted(
        {key for entry in counts["annotators"].values() for key in entry["spans"]} - set(labels)
    )
    columns = [*labels, *extra]
    header = ["annotator", "done", "in progress", *columns, "spans"]
    header += ["of them suggested"] if suggested else []
    rows: list[list[object]] = [header]
    for name, entry in sorted(counts["annotators"].items()):
        per_label = [entry["spans"].get(key, 0) for key in columns]
        row = [name, entry["done"], entry["in_progress"], *per_label, sum(per_label)]
        rows.append(row + ([entry["suggested"]] if suggested else []))
    for line in aligned(rows):
        click.echo(line)
    if pending:
        click.echo(f"suggestions stored, not yet accepted or rejected: {pending}")
    if team is not None:
        _echo_team(team)


def _echo_team(team: TeamProgress) -> None:
    """The team's assigned work as a table, then what is ready for review and the overlap
    set's agreement so far."""
    click.echo("")
    click.echo("assigned work")
    rows: list[list[object]] = [
        ["annotator", "assigned", "overlap", "done", "in progress", "to do", "outside",
         "last activity"]
    ]  # fmt: skip
    for row in team.rows:
        last = row.last_activity[:16].replace("T", " ") + " UTC" if row.last_activity else "–"
        rows.append([row.name, row.assigned, row.overlap, row.done, row.in_progress, row.todo,
                     row.outside, last])  # fmt: skip
    for line in aligned(rows):
        click.echo(line)
    click.echo(
        f"ready for review: {len(team.ready_for_review)} document"
        f"{'s' * (len(team.ready_for_review) != 1)} (all their annotators "
        f"finished); overlap set: {team.overlap_ready} of {team.overlap_documents} finished "
        "by at least two"
    )
    figures = team.agreement
    if figures is not None:

        def shown(value: object) -> str:
            return f"{value:.3f}" if isinstance(value, float) else "–"

        click.echo(
            f"agreement so far on the overlap set ({figures['documents']} document"
            f"{'s' * (figures['documents'] != 1)}): "
            f"F1 {shown(figures['f1_exact'])}, alpha_u {shown(figures['alpha_u'])}"
        )


@cli.command()
@click.option("--no-window", is_flag=True, help="Skip the window check (for machines with no Qt).")
@friendly
def doctor(no_window: bool) -> None:
    """Check this installation: font, translation, Arabic text, storage, window, models.

    Each check does the real thing on a throw-away demo project; your projects and settings
    are not touched. camel-tools' optional models are reported but never required. Exits with
    status 1 when something Alama needs is broken.
    """
    from alama.core.doctor import run_checks as doctor_checks

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


def _ask_password(where: str) -> str:
    """The password of a server project, asked on the terminal (never echoed or kept)."""
    answer: str = click.prompt(
        f"password of {where}", hide_input=True, default="", show_default=False, err=True
    )
    return answer


def _open_window(project: Path | str | None) -> None:
    from alama.gui.app import run

    sys.exit(run(project))


for command in (
    import_, export, agreement_, review, merge, assign, handout, collect, guidelines, suggest,
    team, clean,
):  # fmt: skip
    cli.add_command(command)


def main() -> None:
    """Console entry point."""
    cli(prog_name="alama")


if __name__ == "__main__":
    main()
