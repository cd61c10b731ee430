"""How good each source of suggestions is on this project: cross-validation by document.

`evaluate` takes the documents of the layer the lead picks (`suggest_layers`), cuts them into
folds, and for each fold teaches each source on the other folds' documents and suggests on the
fold's; a suggestion counts when its start, end and label are exactly a span of the layer
(every label a source suggests for a span counts: that is what an annotator would see). From the
counts come precision, recall and F1 per label and, over every label, per source.

The learning curve: the documents shuffled once (seeded), the last 20 % held out, and each source
taught from the first 10 %, 25 %, 50 % and 80 % of all documents (each share holding the smaller
ones) and tested on the held-out documents: how much labelling it takes before suggestions help.

Sources: ``match`` (the string matcher as the window has it, `LiveMatcher`), ``model`` (the
CRF, `CrfTagger`) and ``camel`` (camel-tools' model, which learns nothing: the same figures at
every share).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from alama.core.clitics import LabelledText
from alama.core.errors import InputError
from alama.core.live_matcher import LiveMatcher
from alama.core.store import Store
from alama.core.suggest import Source
from alama.core.suggest_layers import layer_examples

MATCH, MODEL, CAMEL = "match", "model", "camel"
SOURCES = (MATCH, MODEL, CAMEL)
CURVE = (0.10, 0.25, 0.50, 0.80)
HELD_OUT = 0.20
"""The share of documents the learning curve is tested on."""

Trainer = Callable[[list[LabelledText]], Source]
"""What makes a source from the documents it learns from."""
Progress = Callable[[int, int], None]
"""Told (steps done, steps) as the evaluation goes (a step: one source learned and tested)."""


@dataclass(frozen=True)
class Counts:
    """Exact-match counts: suggestions that are spans, suggestions that are not, spans missed."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float | None:
        """The share of suggestions that were spans (None: nothing suggested)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """The share of spans suggested (None: no spans)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall (0 when nothing was right)."""
        if self.precision is None or self.recall is None:
            return None if self.tp + self.fp + self.fn == 0 else 0.0
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def to_json(self) -> dict[str, Any]:
        """Counts and figures (None as null)."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True)
class SourceFigures:
    """One source's cross-validation: over every label, per label, and the time it took
    (teaching and suggesting, summed over the folds)."""

    source: str
    overall: Counts
    labels: dict[str, Counts]
    train_seconds: float
    suggest_seconds: float


@dataclass(frozen=True)
class CurvePoint:
    """The learning curve at one share: how many documents were learned from, and each
    source's counts over every label on the held-out documents."""

    share: float
    documents: int
    sources: dict[str, Counts]


@dataclass(frozen=True)
class Evaluation:
    """What `evaluate` found (see the module)."""

    learn_from: str
    documents: int  # documents with spans in the layer
    spans: int
    folds: int
    seed: int
    sources: tuple[str, ...]
    cross_validation: dict[str, SourceFigures]
    held_out: int  # documents the learning curve is tested on
    curve: tuple[CurvePoint, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """A plain dict of lists, numbers and strings (``--json``)."""
        return {
            "learn_from": self.learn_from,
            "documents": self.documents,
            "spans": self.spans,
            "folds": self.folds,
            "seed": self.seed,
            "sources": list(self.sources),
            "cross_validation": {
                name: {
                    "overall": figures.overall.to_json(),
                    "labels": {k: c.to_json() for k, c in sorted(figures.labels.items())},
                    "train_seconds": round(figures.train_seconds, 3),
                    "suggest_seconds": round(figures.suggest_seconds, 3),
                }
                for name, figures in self.cross_validation.items()
            },
            "learning_curve": {
                "held_out": self.held_out,
                "points": [
                    {
                        "share": point.share,
                        "documents": point.documents,
                        "sources": {k: c.to_json() for k, c in point.sources.items()},
                    }
                    for point in self.curve
                ],
            },
        }


def default_trainers(labels: Sequence[str] = (), max_iterations: int = 60) -> dict[str, Trainer]:
    """How each source is made: the matcher and the CRF from the learning documents, camel-tools'
    model (loaded once, mapped onto ``labels``) from none."""
    camel: list[Source] = []

    def model(examples: list[LabelledText]) -> Source:
        from alama.core.suggest_model import CrfTagger  # sklearn-crfsuite: only when asked for

        return CrfTagger.train(examples, max_iterations=max_iterations)

    def camel_once(examples: list[LabelledText]) -> Source:
        if not camel:
            from alama.core.suggest_camel import camel_source

            camel.append(camel_source(labels))
        return camel[0]

    return {MATCH: LiveMatcher.from_examples, MODEL: model, CAMEL: camel_once}


def evaluate(
    store: Store,
    learn_from: str,
    sources: Sequence[str] = (MATCH, MODEL),
    folds: int = 5,
    seed: int = 0,
    curve: Sequence[float] = CURVE,
    max_iterations: int = 60,
    progress: Progress | None = None,
) -> Evaluation:
    """Cross-validate the sources by document against the layer ``learn_from`` (``gold``, an
    annotator, or ``all``), with a learning curve at the shares of ``curve`` (see the module).

    One-line errors (`InputError`): an unknown source or layer, fewer than two documents with
    spans in the layer, fewer than two folds, a share not between 0 and 1. ``progress`` is
    called with (steps done, steps) after each source learned and suggested once.
    """
    _check(sources, folds, curve)
    examples = list(layer_examples(store, learn_from))
    trainers = default_trainers(store.labels().keys, max_iterations)
    return evaluate_examples(examples, learn_from, sources, folds, seed, curve, trainers, progress)


def evaluate_examples(
    examples: Iterable[LabelledText],
    learn_from: str = "",
    sources: Sequence[str] = (MATCH, MODEL),
    folds: int = 5,
    seed: int = 0,
    curve: Sequence[float] = CURVE,
    trainers: Mapping[str, Trainer] | None = None,
    progress: Progress | None = None,
) -> Evaluation:
    """`evaluate` on documents already read (``learn_from`` only names them in the report);
    ``trainers`` makes each source (`default_trainers` when not given)."""
    _check(sources, folds, curve)
    examples = list(examples)
    if len(examples) < 2:
        raise InputError(
            f"the layer {learn_from or 'given'!r} has {len(examples)} document(s) with spans: "
            "cross-validation needs at least 2"
        )
    makers = dict(trainers) if trainers is not None else default_trainers()
    order = list(range(len(examples)))
    random.Random(seed).shuffle(order)
    shuffled = [examples[i] for i in order]
    k = min(folds, len(shuffled))
    parts = [shuffled[i::k] for i in range(k)]
    steps, done = len(sources) * (k + len(curve)), 0
    results = {}
    for name in sources:
        overall, taught, suggested = Counts(), 0.0, 0.0
        labels: dict[str, Counts] = {}
        for n, held in enumerate(parts):
            learning = [ex for m, part in enumerate(parts) if m != n for ex in part]
            began = time.perf_counter()
            source = makers[name](learning)
            taught += time.perf_counter() - began
            began = time.perf_counter()
            for label, counts in _score(source, held).items():
                labels[label] = labels.get(label, Counts()) + counts
                overall += counts
            suggested += time.perf_counter() - began
            done += 1
            if progress is not None:
                progress(done, steps)
        results[name] = SourceFigures(name, overall, labels, taught, suggested)
    held_count = max(1, round(HELD_OUT * len(shuffled)))
    pool, held = shuffled[:-held_count], shuffled[-held_count:]
    points = []
    for share in curve:
        count = max(1, min(len(pool), round(share * len(shuffled))))
        scores = {}
        for name in sources:
            found = _score(makers[name](pool[:count]), held).values()
            scores[name] = sum(found, Counts())
            done += 1
            if progress is not None:
                progress(done, steps)
        points.append(CurvePoint(share, count, scores))
    spans = sum(len(set(ex.spans)) for ex in examples)
    return Evaluation(
        learn_from,
        len(examples),
        spans,
        k,
        seed,
        tuple(sources),
        results,
        held_count,
        tuple(points),
    )


def _check(sources: Sequence[str], folds: int, curve: Sequence[float]) -> None:
    for name in sources:
        if name not in SOURCES:
            raise InputError(f"unknown source {name!r} (sources: {', '.join(SOURCES)})")
    if not sources:
        raise InputError(f"no source to evaluate (sources: {', '.join(SOURCES)})")
    if folds < 2:
        raise InputError(f"cross-validation needs at least 2 folds, not {folds}")
    for share in curve:
        if not 0 < share < 1:
            raise InputError(f"a learning-curve share is between 0 and 1, not {share:g}")


def _score(source: Source, held: Iterable[LabelledText]) -> dict[str, Counts]:
    """Per label, the exact-match counts of a source's suggestions on these documents."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for example in held:
        gold = set(example.spans)
        found = {(s.start, s.end, s.label) for s in source.suggest(example.text, example.doc)}
        for _, _, label in found & gold:
            tp[label] = tp.get(label, 0) + 1
        for _, _, label in found - gold:
            fp[label] = fp.get(label, 0) + 1
        for _, _, label in gold - found:
            fn[label] = fn.get(label, 0) + 1
    return {
        label: Counts(tp.get(label, 0), fp.get(label, 0), fn.get(label, 0))
        for label in sorted({*tp, *fp, *fn})
    }


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _aligned(rows: list[list[str]], left: int) -> list[str]:
    """Columns two spaces apart: the first ``left`` to the left, the others to the right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(row, widths, strict=True))
        ).rstrip()
        for row in rows
    ]


def evaluation_table(evaluation: Evaluation) -> str:
    """The evaluation as the command line prints it: figures in per cent."""
    layer = evaluation.learn_from or "given"
    lines = [
        f"Cross-validation by document: {evaluation.folds} folds over {evaluation.documents} "
        f"documents ({evaluation.spans} spans) of the layer {layer!r}, exact spans",
    ]
    rows = [["source", "label", "spans", "suggested", "right", "P %", "R %", "F1 %"]]
    for name, figures in evaluation.cross_validation.items():
        labelled = [*sorted(figures.labels.items()), ("all labels", figures.overall)]
        for label, c in labelled:
            counts = [str(c.tp + c.fn), str(c.tp + c.fp), str(c.tp)]
            percents = [_percent(c.precision), _percent(c.recall), _percent(c.f1)]
            rows.append([name, label, *counts, *percents])
    lines += _aligned(rows, 2)
    if evaluation.curve:
        lines += [
            "",
            f"Learning curve: tested on the same {evaluation.held_out} held-out "
            f"document{'' if evaluation.held_out == 1 else 's'} ({100 * HELD_OUT:.0f} %)",
        ]
        names = list(evaluation.sources)
        rows = [["learned from", "documents", *(f"{n} P/R/F1 %" for n in names)]]
        for point in evaluation.curve:
            cells = [
                "/".join(_percent(v) for v in (c.precision, c.recall, c.f1))
                for c in (point.sources[n] for n in names)
            ]
            rows.append([f"{100 * point.share:.0f} %", str(point.documents), *cells])
        lines += _aligned(rows, 1)
    return "\n".join(lines)
