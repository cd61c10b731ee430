"""`alama team`: the people of a project on a PostgreSQL server (docs/server.md).

    alama team add-lead postgresql://admin@host/news NAME       (a superuser, once)
    alama team add-annotator postgresql://lead@host/news NAME
    alama team add-reviewer postgresql://lead@host/news NAME
    alama team list postgresql://lead@host/news

Each person logs in as a PostgreSQL role of their own, named as their layer; the server itself
keeps them to what they may read and write. A new person's password is printed once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from alama.core.cli_output import friendly
from alama.core.errors import InputError
from alama.core.store.pg_connect import connect, is_server, shown
from alama.core.targets import reached

if TYPE_CHECKING:
    import psycopg

Adding = Callable[["psycopg.Connection[Any]", str, str | None], str]


@click.group()
def team() -> None:
    """People of a project on a PostgreSQL server, and what each may do."""


def _server(project: str) -> str:
    if not is_server(project):
        raise InputError(f"{project} is not a server project (postgresql://HOST/DATABASE)")
    return project


def _adding(name: str, what: str, add: Callable[[], Adding]) -> None:
    @team.command(name=name, help=f"Add NAME as {what}, with a login of their own.")
    @click.argument("project")
    @click.argument("person")
    @click.option(
        "--password",
        help="A new person's password (default: a new one, printed once).",
    )
    @friendly
    def command(project: str, person: str, password: str | None) -> None:
        with reached(_server(project), connect) as conn:
            secret = add()(conn, person, password)
        click.echo(f"{person} is {what} of {shown(project)}")
        if secret and password is None:
            click.echo(f"password: {secret}")
        elif not secret and password is None:
            click.echo(
                f"{person} has a login on this server already: it keeps the password its owner "
                "has (a superuser can reset it)"
            )


def _lead() -> Adding:
    from alama.core.store.pg_team import add_lead

    return add_lead


def _annotator() -> Adding:
    from alama.core.store.pg_team import add_annotator

    return add_annotator


def _reviewer() -> Adding:
    from alama.core.store.pg_team import add_reviewer

    return add_reviewer


_adding("add-lead", "the lead", _lead)
_adding("add-annotator", "an annotator", _annotator)
_adding("add-reviewer", "a reviewer", _reviewer)


@team.command(name="list")
@click.argument("project")
@friendly
def list_(project: str) -> None:
    """Everyone of the project's server and their roles."""
    from alama.core.store.pg_team import team_members

    with reached(_server(project), connect) as conn:
        members = team_members(conn)
    for person, groups in members.items():
        click.echo(f"{person}\t{', '.join(group.removeprefix('alama_') for group in groups)}")


if __name__ == "__main__":  # until `team` is a command of `alama`: python -m alama.core.cli_server
    team()
