"""Suggestions from camel-tools' named-entity model, when its data is installed.

camel-tools' NER (`camel_tools.ner.NERecognizer`, AraBERT fine-tuned on ANERcorp) tags words
PERS, LOC, ORG and MISC in BIO. `CamelNer` is a suggestion `Source` (name "camel") that reads
the words of the matching copy (`suggest_features`: the same words and sentences as the CRF),
gives the model each word as stored less its diacritics, tatweel and invisible marks, and maps
its labels to the project's: PERS and ORG to ACTOR, LOC to PLACE, MISC dropped by default
(`DEFAULT_MAPPING`; any mapping can be given). Its score is 1: the model gives no probability.

The data is a separate download; `arabic_models` says whether it is on this machine without
importing camel-tools or going online, and `camel_source` refuses in one line when it is not.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from alama.core import arabic_models
from alama.core.errors import InputError
from alama.core.suggest import Suggestion
from alama.core.suggest_features import bio_spans, read_text
from alama.core.suggest_text import character_copy

DEFAULT_MAPPING: dict[str, str] = {"PERS": "ACTOR", "ORG": "ACTOR", "LOC": "PLACE"}
"""camel-tools' labels onto the project's; a label not here (MISC) is dropped."""

MAX_WORDS = 200
"""Words given to the model at once: a longer sentence goes in pieces (BERT reads 512 pieces)."""


class Recognizer(Protocol):
    """What `CamelNer` needs of camel-tools' `NERecognizer`: BIO tags for sentences of words."""

    def predict(self, sentences: list[list[str]], batch_size: int = 32) -> list[list[str]]:
        """One tag per word of each sentence."""
        ...


class CamelNer:
    """A source of suggestions: camel-tools' named entities with the project's labels."""

    def __init__(
        self,
        recognizer: Recognizer,
        mapping: Mapping[str, str] | None = None,
        name: str = "camel",
    ) -> None:
        self.recognizer = recognizer
        self.mapping = dict(DEFAULT_MAPPING if mapping is None else mapping)
        self._name = name

    @property
    def name(self) -> str:
        """The source's name."""
        return self._name

    def suggest(self, text: str, doc: int) -> list[Suggestion]:
        """The entities the model finds in this text, mapped, in stored offsets."""
        read = read_text(text)
        pieces: list[tuple[list[int], list[int]]] = []  # copy [start, end) of each word
        for sentence in read.sentences:
            for at in range(0, len(sentence.starts), MAX_WORDS):
                pieces.append(
                    (sentence.starts[at : at + MAX_WORDS], sentence.ends[at : at + MAX_WORDS])
                )
        words = [
            [_as_stored(read.copy.stored_span(a, b), text) for a, b in zip(*piece, strict=True)]
            for piece in pieces
        ]
        tagged = self.recognizer.predict(words) if words else []
        result = []
        for (starts, ends), tags in zip(pieces, tagged, strict=True):
            for first, last, label in bio_spans(tags):
                mapped = self.mapping.get(label)
                if mapped:
                    start, end = read.copy.stored_span(starts[first], ends[last - 1])
                    result.append(Suggestion(doc, start, end, mapped, self._name, 1.0))
        result.sort(key=lambda s: (s.start, s.end, s.label))
        return result


def _as_stored(span: tuple[int, int], text: str) -> str:
    """A word as stored, without the characters the matching copy drops (marks, tatweel,
    invisible marks): what the model was trained on."""
    return "".join(ch for ch in text[span[0] : span[1]] if character_copy(ch))


def camel_source(
    labels: Sequence[str] = (),
    mapping: Mapping[str, str] | None = None,
    environ: dict[str, str] | None = None,
) -> CamelNer:
    """camel-tools' NER as a source, its labels mapped (``mapping``, else `DEFAULT_MAPPING`)
    onto those of ``labels`` the project has (all of them when ``labels`` is empty).

    A one-line `InputError` when the model's data or PyTorch is not installed, or when none of
    the mapped labels is in the project.
    """
    chosen = dict(DEFAULT_MAPPING if mapping is None else mapping)
    if labels:
        chosen = {theirs: ours for theirs, ours in chosen.items() if ours in labels}
        if not chosen:
            wanted = ", ".join(sorted(set((mapping or DEFAULT_MAPPING).values())))
            raise InputError(
                f"camel-tools' entities map to {wanted}, and the project has none of these labels"
            )
    report = arabic_models.report(environ)
    status = next(s for s in report.models if s.model.key == "ner")
    if not status.installed:
        raise InputError(
            f"camel-tools' named-entity model is not installed in {report.data_dir}: "
            f"run `camel_data -i {status.model.package}` (Help ▸ Arabic models shows what is there)"
        )
    if report.runtime_missing:
        raise InputError(
            f"camel-tools' named-entity model needs {', '.join(report.runtime_missing)}, "
            "which this Python cannot import"
        )
    return CamelNer(_load(status.path), chosen)


def _load(path: Path) -> Recognizer:  # pragma: no cover - needs the model's data
    """camel-tools' recognizer from its data folder (on the CPU), or a one-line error."""
    try:
        from camel_tools.ner import NERecognizer

        recognizer: Recognizer = NERecognizer(str(path), use_gpu=False)
    except Exception as error:  # any failure to load is the user's to fix
        reason = (str(error).splitlines() or [type(error).__name__])[0]
        raise InputError(
            f"camel-tools' named-entity model in {path} could not be loaded: {reason}"
        ) from error
    return recognizer
