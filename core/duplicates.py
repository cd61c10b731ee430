"""Near-duplicate articles: the same story from several sites, grouped.

Each document's text without its boilerplate regions is read on its matching copy
(`suggest_text`), cut into shingles of `SHINGLE` words, and summed up by a MinHash of
`PERMUTATIONS` permutations (datasketch, with a fixed seed); locality-sensitive hashing
(datasketch's `MinHashLSH`) proposes pairs whose estimated Jaccard similarity may pass
`THRESHOLD`, and the pairs whose estimate does pass it are joined into groups. A group is named
by its first document in project order, so the same project gives the same groups each run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from alama.core.model import Document
from alama.core.regions import Region, cut
from alama.core.suggest_text import match_text

SHINGLE = 5
PERMUTATIONS = 128
THRESHOLD = 0.4
SEED = 1
SCHEME = "affine32"
"""datasketch's hashing (its default since 2.0), named: the permutations are made once."""
_WORDS = re.compile(r"\w+")


@dataclass
class Groups:
    """Documents grouped by story: each member -> (its group's first document, estimated
    similarity to it)."""

    members: dict[int, tuple[int, float]] = field(default_factory=dict)
    compared: int = 0
    """Candidate pairs the hashing proposed."""

    def groups(self) -> dict[int, list[int]]:
        """Each group's first document and its members, in project order (as read)."""
        out: dict[int, list[int]] = {}
        for doc, (grp, _) in self.members.items():
            out.setdefault(grp, []).append(doc)
        return out


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """The word shingles of a text's matching copy, as bytes (what MinHash hashes)."""
    words = _WORDS.findall(match_text(text).text)
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def find_groups(
    docs: Iterable[Document],
    regions: dict[int, list[Region]] | None = None,
    threshold: float = THRESHOLD,
) -> Groups:
    """Group the documents (in the order given: project order) by near-duplicate text."""
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    regions = regions or {}
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    hashes: dict[int, LeanMinHash] = {}
    order: list[int] = []
    permutations = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME).permutations
    for document in docs:
        body = cut(document.text, regions.get(document.id, [])).text
        found = shingles(body)
        if not found:
            continue
        minhash = MinHash(
            num_perm=PERMUTATIONS, seed=SEED, permutations=permutations, scheme=SCHEME
        )
        minhash.update_batch(sorted(found))
        lean = LeanMinHash(minhash)
        hashes[document.id] = lean
        order.append(document.id)
        lsh.insert(document.id, lean, check_duplication=False)
    rank = {doc: i for i, doc in enumerate(order)}
    parent = {doc: doc for doc in order}

    def root(doc: int) -> int:
        while parent[doc] != doc:
            parent[doc] = parent[parent[doc]]
            doc = parent[doc]
        return doc

    result = Groups()
    for doc in order:
        for other in lsh.query(hashes[doc]):
            if rank[other] <= rank[doc]:
                continue
            result.compared += 1
            if hashes[doc].jaccard(hashes[other]) >= threshold:
                a, b = root(doc), root(other)
                if a != b:
                    parent[max(a, b, key=rank.__getitem__)] = min(a, b, key=rank.__getitem__)
    members: dict[int, list[int]] = {}
    for doc in order:
        members.setdefault(root(doc), []).append(doc)
    for first, group in members.items():
        if len(group) < 2:
            continue
        for doc in group:
            result.members[doc] = (first, round(hashes[doc].jaccard(hashes[first]), 3))
    return result


def pairs_of(groups: Sequence[Sequence[int]]) -> set[tuple[int, int]]:
    """Every pair of documents that share a group (what pairwise precision counts)."""
    found: set[tuple[int, int]] = set()
    for group in groups:
        ordered = sorted(group)
        found.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :])
    return found
