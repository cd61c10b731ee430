"""`alama suggest`: build the sources a lead asks for and store their suggestions for the
documents still to do.

The documents still to do are, for one annotator (``--for``), their assigned documents they
have not marked done (every document they have not marked done when the project assigns
nothing to them); for everyone, the documents no annotator has marked done. Storing replaces
what those documents had from the same sources, so running it again after more labelling
brings the suggestions up to date; rejected strings stay rejected (the window leaves them out).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alama.core.annotators import check_annotator
from alama.core.clitics import CliticRule, LabelledText, estimate_rule
from alama.core.errors import InputError
from alama.core.gazetteer_files import read_gazetteer, read_patterns
from alama.core.model import GOLD_ANNOTATOR, Status
from alama.core.regions import overlaps
from alama.core.store import Store
from alama.core.store.suggestions import EVERYONE
from alama.core.suggest import Gazetteer, GazetteerEntry, Source, Suggestion
from alama.core.suggest_layers import ALL, layer_examples

MATCH = "match"
MODEL = "model"
CAMEL = "camel"
GAZETTEER = "gazetteer"
SOURCES = (MATCH, MODEL, CAMEL)
"""The sources ``--source`` names (gazetteers come with ``--gazetteer`` and ``--patterns``)."""


@dataclass
class SuggestReport:
    """What `suggest` stored."""

    annotator: str
    """Whose layer the suggestions are for (`EVERYONE`: every layer)."""
    documents: int = 0
    stored: int = 0
    by_source: Counter[str] = field(default_factory=Counter)
    by_label: Counter[str] = field(default_factory=Counter)
    learned_from: int = 0
    """How many documents with spans the learning sources learned from."""
    withheld: int = 0
    """Documents another annotator has labelled, where what was learned from layers is not
    suggested (see `suggest`)."""


def check_known(store: Store, annotator: str) -> None:
    """Refuse, in one line, a name that has no layer and no assigned document (a typo would
    store suggestions nobody sees)."""
    known = set(store.annotators()) | {name for who in store.assignments().values() for name in who}
    if annotator not in known:
        have = ", ".join(sorted(known - {GOLD_ANNOTATOR})) or "none yet"
        raise InputError(
            f"no annotator {annotator!r} in the project (annotators: {have}); assign them "
            "documents first (alama assign), or check the name"
        )


def documents_to_do(store: Store, annotator: str | None) -> list[int]:
    """The documents still to do (see the module), in project order."""
    if annotator is None:
        finished = store.finished_documents()
        return [doc for doc in store.document_ids() if doc not in finished]
    done = set(store.document_ids(annotator, Status.DONE))
    assigned = store.assigned_documents(annotator) if store.has_assignments() else []
    order = store.document_ids()
    if assigned:
        wanted = set(assigned)
        return [doc for doc in order if doc in wanted and doc not in done]
    return [doc for doc in order if doc not in done]


def build_sources(
    store: Store,
    names: Sequence[str],
    learn_from: str,
    gazetteers: Sequence[Path] = (),
    patterns: Sequence[Path] = (),
    progress: Callable[[str], None] | None = None,
) -> tuple[list[Source], int]:
    """The sources asked for, learned from the layer ``learn_from`` (gold, an annotator, all),
    and how many documents they learned from. Every file is read (and refused in one line)
    before anything learns."""
    labels = [label.key for label in store.labels()]
    entries: list[GazetteerEntry] = []
    for path in gazetteers:
        entries += read_gazetteer(path, labels)
    for path in patterns:
        entries += read_patterns(path, labels)
    for name in names:
        if name not in SOURCES:
            raise InputError(f"unknown source {name!r} (choose from {', '.join(SOURCES)})")
    examples: list[LabelledText] = []
    learning = {MATCH, MODEL} & set(names)
    if learning or entries:
        try:
            examples = list(layer_examples(store, learn_from))
        except InputError:
            if learning:
                raise
    if learning and not examples:
        raise InputError(
            f"the layer {learn_from!r} has no spans yet to learn from: label some documents "
            "first, or suggest from a gazetteer"
        )
    rule = estimate_rule(examples) if examples else CliticRule()
    sources: list[Source] = []
    if entries:
        sources.append(Gazetteer(entries, rule, GAZETTEER))
    for name in names:
        if progress is not None:
            progress(name)
        sources.append(_learned_source(name, examples, labels))
    return sources, len(examples)


def _learned_source(name: str, examples: list[LabelledText], labels: list[str]) -> Source:
    if name == MATCH:  # the window's matcher: the same suggestions as there
        from alama.core.live_matcher import LiveMatcher

        return LiveMatcher.from_examples(examples, MATCH)
    if name == MODEL:
        from alama.core.suggest_model import train_tagger

        return train_tagger(examples)
    from alama.core.suggest_camel import camel_source

    return camel_source(labels)


def suggest(
    store: Store,
    sources: Sequence[Source],
    annotator: str | None,
    docs: Iterable[int] | None = None,
    from_layers: Collection[str] = (),
) -> SuggestReport:
    """Store the sources' suggestions for the documents still to do (or ``docs``), for one
    annotator's layer or for everyone, in one transaction.

    ``from_layers`` names the sources that learned from annotators' layers. They suggest
    nothing in a document another annotator has labelled: there they would show that
    annotator's spans (a document two annotators share for agreement, one of them ahead), and
    the layers would agree because one saw the other's labels. `SuggestReport.withheld` counts
    those documents."""
    if annotator is not None:
        annotator = check_annotator(annotator)
        if annotator == GOLD_ANNOTATOR:
            raise InputError("suggestions are for an annotator's layer, not for gold")
    layer = annotator if annotator is not None else EVERYONE
    wanted = documents_to_do(store, annotator) if docs is None else list(docs)
    report = SuggestReport(layer, documents=len(wanted))
    others: dict[int, set[str]] = {}
    if from_layers:
        for doc, name, _ in store.layers():
            if name not in (annotator, GOLD_ANNOTATOR):
                others.setdefault(doc, set()).add(name)
    found: list[Suggestion] = []
    for document in _documents(store, wanted):
        regions = store.regions(document[0])  # nothing is suggested in boilerplate
        withheld = document[0] in others
        report.withheld += withheld
        for source in sources:
            if withheld and source.name in from_layers:
                continue
            found += [
                s
                for s in source.suggest(document[1], document[0])
                if not overlaps(regions, s.start, s.end)
            ]
    report.by_source.update(s.source for s in found)
    report.by_label.update(s.label for s in found)
    report.stored = store.put_suggestions(layer, wanted, found, [s.name for s in sources])
    return report


def _documents(store: Store, docs: list[int]) -> Iterable[tuple[int, str]]:
    for doc in docs:
        yield doc, store.document(doc).text


__all__ = [
    "ALL",
    "CAMEL",
    "GAZETTEER",
    "MATCH",
    "MODEL",
    "SOURCES",
    "SuggestReport",
    "build_sources",
    "check_known",
    "documents_to_do",
    "suggest",
]
