"""`alama clean`: a project's boilerplate regions and near-duplicate groups."""

from __future__ import annotations

import click

from alama.core.cli_output import aligned, friendly
from alama.core.targets import open_project

SHOWN_RULES = 8
"""Repeated lines printed per source (``--rules`` prints them all)."""


@click.command()
@click.argument("project")
@click.option("--detect", is_flag=True, help="Find and store every document's boilerplate.")
@click.option("--list", "list_", is_flag=True, help="List the regions in force.")
@click.option(
    "--mark",
    "marks",
    multiple=True,
    metavar="DOC:LINE",
    help="Mark a line (or DOC:FIRST-LAST) as boilerplate; kept across detections.",
)
@click.option(
    "--unmark",
    "unmarks",
    multiple=True,
    metavar="DOC:LINE",
    help="Say a line is not boilerplate; kept across detections.",
)
@click.option("--rules", is_flag=True, help="With --detect: print every repeated line learnt.")
@click.option("--duplicates", is_flag=True, help="Find and store near-duplicate groups.")
@click.option(
    "--suggest-for",
    "suggest_for",
    metavar="NAME",
    help="Propose NAME's spans in one member of a group, in the others' matching "
    "passages (pending suggestions, source duplicate).",
)
@click.option("--by", default="lead", show_default=True, help="Who makes --mark / --unmark.")
@friendly  # fmt: skip
def clean(
    project: str,
    detect: bool,
    list_: bool,
    marks: tuple[str, ...],
    unmarks: tuple[str, ...],
    rules: bool,
    duplicates: bool,
    suggest_for: str | None,
    by: str,
) -> None:
    """Set a scraped site's boilerplate aside and group the same story told by several sites.

    Regions are stored beside the text, which never changes: the window dims them, agreement
    and suggestions skip them, and export --without-boilerplate leaves them out.
    """
    from alama.core import clean_run

    if not (detect or list_ or marks or unmarks or duplicates or suggest_for):
        raise click.UsageError(
            "choose --detect, --list, --mark, --unmark, --duplicates or --suggest-for"
        )
    if rules and not detect:
        raise click.UsageError("--rules goes with --detect")
    with open_project(project) as store:
        if detect:
            report = clean_run.detect_boilerplate(store)
            for line in report.lines():
                click.echo(line)
            _echo_rules(report.rules, report.sources, None if rules else SHOWN_RULES)
        done: list[str] = []
        with store.transaction():  # a bad reference leaves every correction undone
            done += [clean_run.mark(store, ref, True, by) for ref in marks]
            done += [clean_run.mark(store, ref, False, by) for ref in unmarks]
        for line in done:
            click.echo(line)
        if duplicates:
            groups = clean_run.group_duplicates(store).groups()
            names = {info.id: info.doc_id for info in store.documents()}
            sizes = sum(len(g) for g in groups.values())
            click.echo(
                f"{len(groups)} group{'s' * (len(groups) != 1)} of near-duplicates "
                f"({sizes} documents)"
            )
            for group in groups.values():
                click.echo("  " + " ".join(names[doc] for doc in group))
        if suggest_for:
            from alama.core.annotators import check_annotator
            from alama.core.duplicate_spans import suggest_in_groups

            stored, docs = suggest_in_groups(store, check_annotator(suggest_for))
            click.echo(
                f"stored {stored} suggestion{'s' * (stored != 1)} for {suggest_for} from "
                f"their spans in near-duplicates, in {docs} document{'s' * (docs != 1)}"
            )
        if list_:
            rows: list[list[object]] = [["document", "line", "start", "end", "kind", "marked",
                                         "text"]]  # fmt: skip
            rows += [list(row) for row in clean_run.listing(store)]
            for line in aligned(rows):
                click.echo(line)


def _echo_rules(
    rules: dict[str, list[tuple[str, int]]], sources: dict[str, int], shown: int | None
) -> None:
    """The lines each source repeats (the rules learnt), most frequent first."""
    if not rules:
        click.echo("no repeated lines learnt (a source needs 3 documents that share a line)")
    for source in sorted(rules):
        found = rules[source]
        click.echo(
            f"rules for {source or '(no source)'}: {len(found)} repeated "
            f"line{'s' * (len(found) != 1)} in {sources.get(source, 0)} documents"
        )
        for text, count in found[:shown]:
            click.echo(f"  {count:>6}  {text[:70]}")
        if shown is not None and len(found) > shown:
            click.echo(f"  … and {len(found) - shown} more (--rules)")
