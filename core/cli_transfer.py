"""`alama import` and `alama export`: articles and annotations in, training data out.

What reading and writing the formats needs (camel-tools' tokenizer among it) is imported when
one of these commands runs, not when the command line starts.
"""

from __future__ import annotations

from pathlib import Path

import click

from alama.core.cli_output import friendly, names_list, progress_bar
from alama.core.errors import InputError
from alama.core.formats import EXPORT_FORMATS, IMPORT_FORMATS
from alama.core.offsets import UNITS
from alama.core.targets import open_project


@click.command(name="import")
@click.argument("project")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    default="auto",
    show_default=True,
    help="auto decides by name and content: .ann/.txt pairs are brat, #FORMAT=WebAnno TSV "
    "webanno, ten-column word lines CoNLL-U, token-and-tag lines CoNLL, JSON with ner_tags "
    "Hugging Face, Label Studio tasks labelstudio, other JSON records JSONL or doccano.",
)
@click.option("--annotator", help="Whose spans these are, when a record does not say.")
@click.option(
    "--map",
    "label_map",
    metavar="OLD=NEW,...",
    help="Rename labels while importing (OLD= drops a label).",
)
@click.option(
    "--conllu-column",
    type=click.IntRange(1, 10),
    help="CoNLL-U: the column (1-10) that holds BIO entity tags (default: NE=, NER=, Entity= "
    "or BIO= in MISC).",
)
@click.option(
    "--relation-map",
    metavar="OLD=NEW,...",
    help="Rename relation types while importing (OLD= drops those relations); --map renames "
    "the labels of their spans.",
)
@click.option(
    "--add-labels",
    is_flag=True,
    help="Add labels the project does not know yet, and relation types (linking the labels "
    "of the spans they link).",
)
@click.option(
    "--offsets",
    type=click.Choice(UNITS),
    help="The unit span offsets of JSONL, doccano and Label Studio files count: codepoints "
    "(the default; Label Studio's is detected), utf16 (JavaScript tools) or bytes (UTF-8).",
)
@click.option(
    "--no-boilerplate",
    is_flag=True,
    help="Do not look for boilerplate in the new documents (alama clean --detect does later).",
)
@friendly
def import_(
    project: str,
    paths: tuple[Path, ...],
    fmt: str,
    annotator: str | None,
    label_map: str | None,
    conllu_column: int | None,
    relation_map: str | None,
    add_labels: bool,
    offsets: str | None,
    no_boilerplate: bool,
) -> None:
    """Import articles and annotations. All or nothing.

    PATHS are files or folders: .txt articles, JSONL (Prodigy, spaCy, doccano), CoNLL/BIO,
    CoNLL-U, Hugging Face JSONL, brat folders (a sub-folder per annotator), Label Studio JSON,
    or INCEpTION/WebAnno TSV 3 (annotation/DOCUMENT/USER.tsv names the annotator).
    Relations come in from Prodigy's relations (head: the source, a CLAIM; child: the target,
    its ACTOR), doccano's relations (from_id, to_id) and brat's R lines (Arg1, Arg2), with
    their attributes (an "attributes" object, brat A lines on the relation).
    """
    from alama.core import importing
    from alama.core.annotators import similar_annotator
    from alama.core.labels import parse_label_map

    mapping = parse_label_map(label_map)
    try:
        relations = parse_label_map(relation_map)
    except InputError as error:
        raise InputError(str(error).replace("--map:", "--relation-map:", 1)) from None
    with open_project(project) as store, progress_bar("importing") as progress:
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
            fmt=fmt,
            annotator=annotator,
            label_map=mapping,
            add_labels=add_labels,
            relation_map=relations,
            conllu_column=conllu_column,
            notify=lambda message: click.echo(message, err=True),
            progress=progress,
            offsets=offsets,
        )
        click.echo(report.summary(), err=True)
        if report.documents_added and not no_boilerplate:
            from alama.core.clean_run import detect_boilerplate

            click.echo(detect_boilerplate(store, only_new=True).lines()[0], err=True)


@click.command()
@click.argument("project")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl (Prodigy and spaCy), doccano, conll (BIO tags), hf (Hugging Face tokens and "
    "ner_tags), brat (.txt and .ann pairs), labelstudio (Label Studio JSON tasks) or webanno "
    "(a folder of WebAnno TSV 3.3 files INCEpTION imports).",
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
@click.option(
    "--without-relations",
    is_flag=True,
    help="Leave the relations out (the summary says how many): conll, hf, labelstudio and "
    "webanno cannot hold them and refuse a project with relations without it.",
)
@click.option(
    "--without-boilerplate",
    is_flag=True,
    help="Cut the boilerplate regions (alama clean) out of the text, offsets recomputed and "
    "every span kept; without it the text is whole and jsonl/doccano carry the regions in meta.",
)
@friendly
def export(
    project: str,
    fmt: str,
    annotator: str | None,
    gold: bool,
    output: Path | None,
    labels: str | None,
    split: str | None,
    seed: int,
    force: bool,
    without_relations: bool,
    without_boilerplate: bool,
) -> None:
    """Export annotations as training data.

    Without --annotator or --gold every annotator's layer is written (a backup). CoNLL and hf
    hold one tag per token: overlapping spans are refused with the list of conflicts. brat
    writes a folder, with a sub-folder per annotator. Files appear only when complete; one
    that exists is replaced only with --force, and never the project itself. Relations are
    written by jsonl (Prodigy's relations: head is the source span, a CLAIM, child the target,
    its ACTOR; attributes and id as extra keys), doccano (entities with ids, relations) and
    brat (R and A lines); other formats refuse them unless --without-relations.
    """
    from alama.core import exporting

    with open_project(project) as store, progress_bar("exporting") as progress:
        report = exporting.export(
            store,
            output,
            fmt=fmt,
            annotator=annotator,
            labels=names_list(labels),
            split=split,
            seed=seed,
            progress=progress,
            gold=gold,
            overwrite=force,
            without_relations=without_relations,
            without_boilerplate=without_boilerplate,
        )
    click.echo(report.summary(), err=True)
