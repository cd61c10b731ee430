"""Spans made in one member of a near-duplicate group, proposed in the others.

The same agency story on three sites is labelled once: each span an annotator made in one
member is looked for in the passages the other members share with it, and proposed there as a
pending suggestion (source ``duplicate``) for that annotator to accept or reject. The passages
are found by aligning the two texts' words on their matching copies (`suggest_text`: diacritics,
tatweel and hamza forms folded) with `difflib`; a span is carried over only when every word of
it lies in one passage both texts share, and never into the other member's boilerplate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from alama.core.model import Status
from alama.core.regions import overlaps
from alama.core.store import StoreRows
from alama.core.suggest import Suggestion
from alama.core.suggest_text import match_key, match_text

SOURCE = "duplicate"
_WORDS = re.compile(r"\w+")


@dataclass
class Words:
    """A text's words on its matching copy, with their stored offsets."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


def words_of(text: str) -> Words:
    """The words of a stored text (see `Words`)."""
    copy = match_text(text)
    found = Words([], [], [])
    for match in _WORDS.finditer(copy.text):
        start, end = copy.stored_span(match.start(), match.end())
        found.keys.append(match.group())
        found.starts.append(start)
        found.ends.append(end)
    return found


def carried(
    spans: list[tuple[int, int, str]], source: str, target: str, doc: int
) -> list[Suggestion]:
    """The spans of ``source``'s text found again in the passages ``target`` shares with it."""
    theirs, ours = words_of(source), words_of(target)
    matcher = SequenceMatcher(None, theirs.keys, ours.keys, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    found: list[Suggestion] = []
    for start, end, label in spans:
        first = next((i for i, s in enumerate(theirs.starts) if s >= start), None)
        last = next((i for i in range(len(theirs.ends) - 1, -1, -1) if theirs.ends[i] <= end), None)
        if first is None or last is None or last < first:
            continue
        block = next((b for b in blocks if b.a <= first and last < b.a + b.size), None)
        if block is None:
            continue
        to_first, to_last = block.b + first - block.a, block.b + last - block.a
        new = (ours.starts[to_first] - (theirs.starts[first] - start),
               ours.ends[to_last] + (end - theirs.ends[last]))  # fmt: skip
        if not (0 <= new[0] < new[1] <= len(target)) or match_key(
            target[new[0] : new[1]]
        ) != match_key(source[start:end]):
            new = (ours.starts[to_first], ours.ends[to_last])  # the words alone
        found.append(Suggestion(doc, new[0], new[1], label, SOURCE, 1.0))
    return found


def suggest_in_groups(store: StoreRows, annotator: str) -> tuple[int, int]:
    """Store, for ``annotator``, the spans they made in each member of a group as suggestions
    in the other members they have not finished; (suggestions stored, documents given some)."""
    stored = docs = 0
    for members in store.duplicate_groups().values():
        layers = {doc: store.spans(doc, annotator) for doc in members}
        made = [doc for doc in members if layers[doc]]
        if not made:
            continue
        texts = {doc: store.document(doc).text for doc in members}
        for target in members:
            if store.status(target, annotator) is Status.DONE:
                continue
            regions = store.regions(target)
            have = {span.key for span in layers[target]}
            found = {
                s
                for source in made
                if source != target
                for s in carried(
                    [span.key for span in layers[source]], texts[source], texts[target], target
                )
                if (s.start, s.end, s.label) not in have and not overlaps(regions, s.start, s.end)
            }
            count = store.put_suggestions(annotator, [target], sorted(found, key=_order), [SOURCE])
            stored += count
            docs += bool(count)
    return stored, docs


def _order(suggestion: Suggestion) -> tuple[int, int, str]:
    return suggestion.start, suggestion.end, suggestion.label
