"""`alama suggest`: pending suggestions for the documents still to do, and how good each source
would have been on this project (``--evaluate``)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from alama.core.annotators import check_annotator
from alama.core.cli_output import aligned, friendly, progress_bar
from alama.core.targets import open_project


@click.command()
@click.argument("project")
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A text<TAB>label file (INCEpTION's gazetteer); may be given again.",
)
@click.option(
    "--patterns",
    "patterns",
    multiple=True,
    type=click.Path(path_type=Path),
    help="A Prodigy patterns file (JSONL with label and pattern); may be given again.",
)
@click.option(
    "--learn-from",
    default="all",
    show_default=True,
    metavar="gold|ANNOTATOR|all",
    help="The layer the learning sources learn from.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="match|model|camel",
    help="A source to suggest with (may be given again): match (the strings the layer marked), "
    "model (a CRF trained on the layer), camel (camel-tools' NER, when its data is installed). "
    "Default: match, unless only gazetteers are given.",
)
@click.option(
    "--for",
    "annotator",
    metavar="ANNOTATOR",
    help="Suggest for one annotator's documents still to do (default: for everyone).",
)
@click.option("--clear", is_flag=True, help="Remove the stored suggestions (of --for) instead.")
@click.option(
    "--evaluate",
    is_flag=True,
    help="Do not store anything: cross-validate the sources by document against --learn-from "
    "and print precision, recall and F1 per label and source, with a learning curve.",
)
@click.option("--folds", type=int, default=5, show_default=True, help="Folds for --evaluate.")
@click.option("--seed", type=int, default=0, show_default=True, help="The seed for --evaluate.")
@click.option("--json", "as_json", is_flag=True, help="Print --evaluate's figures as JSON.")
@friendly
def suggest(
    project: str,
    gazetteers: tuple[Path, ...],
    patterns: tuple[Path, ...],
    learn_from: str,
    sources: tuple[str, ...],
    annotator: str | None,
    clear: bool,
    evaluate: bool,
    folds: int,
    seed: int,
    as_json: bool,
) -> None:
    """Store suggestions (pending spans) for the documents still to do.

    Annotators see them in the window, dashed, and accept or reject them; an accepted one is
    kept with the origin suggested:SOURCE. Gazetteers and learned strings match Arabic as it is
    written: diacritics, tatweel, hamza forms, ة/ه, ى/ي and proclitics (و ف ب ل ك ال) glued on.
    """
    from alama.core import suggest_run

    if evaluate:
        _evaluate(project, learn_from, sources, folds, seed, as_json)
        return
    if as_json:
        raise click.UsageError("--json goes with --evaluate")
    with open_project(project) as store:
        if clear:
            removed = store.clear_suggestions(annotator)
            click.echo(f"removed {removed} stored suggestion{'' if removed == 1 else 's'}")
            return
        if annotator is not None:
            suggest_run.check_known(store, check_annotator(annotator))
        names = list(dict.fromkeys(sources))
        if not names and not gazetteers and not patterns:
            names = [suggest_run.MATCH]
        built, learned = suggest_run.build_sources(store, names, learn_from, gazetteers, patterns)
        from_layers = [] if learn_from == "gold" else [n for n in names if n in ("match", "model")]
        report = suggest_run.suggest(store, built, annotator, from_layers=from_layers)
    whom = f"for {annotator}" if annotator else "for everyone"
    docs = report.documents
    click.echo(
        f"stored {report.stored} suggestion{'' if report.stored == 1 else 's'} {whom} in "
        f"{docs} document{'' if docs == 1 else 's'} still to do"
        + (
            f" (learned from {learned} document{'' if learned == 1 else 's'})"
            if learned and names
            else ""
        )
    )
    if report.withheld:
        click.echo(
            f"nothing learned from the layers was suggested in {report.withheld} "
            f"document{'' if report.withheld == 1 else 's'} another annotator has labelled "
            "(it would show their spans); --learn-from gold has no such limit"
        )
    if report.by_source:
        rows: list[list[object]] = [["source", "suggestions"]]
        rows += [[name, count] for name, count in sorted(report.by_source.items())]
        rows += [[f"  {label}", count] for label, count in sorted(report.by_label.items())]
        for line in aligned(rows):
            click.echo(line)


def _evaluate(
    project: str,
    learn_from: str,
    sources: tuple[str, ...],
    folds: int,
    seed: int,
    as_json: bool,
) -> None:
    from alama.core.suggest_eval import evaluate, evaluation_table

    names = tuple(dict.fromkeys(sources)) or ("match", "model")
    with open_project(project, read_only=True) as store, progress_bar("evaluating") as progress:
        result = evaluate(
            store, learn_from, sources=names, folds=folds, seed=seed, progress=progress
        )
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(evaluation_table(result))
