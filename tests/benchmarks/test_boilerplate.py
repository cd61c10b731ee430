"""Boilerplate and near-duplicates on 10,000 scraped articles from 20 sites (issue 22): the
share of boilerplate characters found against the generator's truth (precision and recall),
the duplicate groups found against the true stories (pairwise precision and recall), and the
time of each."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import scraped
from harness import DOCS, NOTES, Row, measure, record

from alama.core import clean_run
from alama.core.duplicates import pairs_of
from alama.core.model import NewDocument
from alama.core.regions import merged
from alama.core.store import Store

pytestmark = pytest.mark.benchmark


def _ink(text: str, ranges: list[tuple[int, int]]) -> set[int]:
    """The characters of the ranges that are not white space (line breaks are not counted)."""
    return {i for start, end in ranges for i in range(start, end) if not text[i].isspace()}


def test_boilerplate_and_duplicates(tmp_path: Path) -> None:
    articles = list(scraped.scraped(DOCS))
    store = Store.create(tmp_path / "scraped.alama")
    began = time.perf_counter()
    ids = store.add_documents(
        [
            NewDocument(
                a.text,
                a.site if a.meta_source else f"page{n}.txt",
                f"d{n}",
                None,
                {"source": a.site} if a.meta_source else {},
            )
            for n, a in enumerate(articles)
        ]
    )
    loaded = time.perf_counter() - began
    record(
        Row(
            f"detect boilerplate in {DOCS:,} articles of 20 sites",
            measure(lambda: clean_run.detect_boilerplate(store), runs=1),
        )
    )
    found = store.all_regions()
    hit = truth_n = found_n = 0
    for article, (doc, _) in zip(articles, ids, strict=True):
        truth = _ink(article.text, article.boilerplate)
        got = _ink(article.text, merged((r.start, r.end) for r in found.get(doc, [])))
        hit += len(truth & got)
        truth_n += len(truth)
        found_n += len(got)
    precision, recall = hit / max(found_n, 1), hit / max(truth_n, 1)
    record(
        Row(
            f"group near-duplicates of {DOCS:,} articles (MinHash, LSH)",
            measure(lambda: clean_run.group_duplicates(store), runs=1),
        )
    )
    doc_of = {doc: n for n, (doc, _) in enumerate(ids)}
    groups = [[doc_of[d] for d in g] for g in store.duplicate_groups().values()]
    stories: dict[int, list[int]] = {}
    for n, article in enumerate(articles):
        stories.setdefault(article.story, []).append(n)
    true_pairs = pairs_of([g for g in stories.values() if len(g) > 1])
    found_pairs = pairs_of(groups)
    both = len(true_pairs & found_pairs)
    pair_p, pair_r = both / max(len(found_pairs), 1), both / max(len(true_pairs), 1)
    NOTES.append(
        "\n".join(
            [
                f"Boilerplate and near-duplicates ({DOCS:,} scraped articles, 20 sites, "
                f"{scraped.COPIED:.0%} copied across sites; "
                f"added to the project in {loaded:.1f} s):",
                "",
                "| measure | precision | recall | found | true |",
                "|---|---|---|---|---|",
                f"| boilerplate characters | {precision:.3f} | {recall:.3f} | {found_n:,} | "
                f"{truth_n:,} |",
                f"| duplicate pairs | {pair_p:.3f} | {pair_r:.3f} | {len(found_pairs):,} "
                f"({len(groups):,} groups) | {len(true_pairs):,} "
                f"({sum(1 for g in stories.values() if len(g) > 1):,} stories) |",
            ]
        )
    )
    print("\n" + NOTES[-1], flush=True)
    store.close()
    assert precision > 0.9 and recall > 0.8
    assert pair_p > 0.9 and pair_r > 0.8
