"""A synthetic scraped corpus for the boilerplate and near-duplicate benchmark (issue 22).

Twenty simulated sites, each with boilerplate of its own: a menu line, the site's name after
the headline (some sites), the headline again as the first paragraph (some), a footer, a
related-articles list, a comment form and share buttons in that site's wording, and on some
sites a "last updated" line that changes with every article (boilerplate no repetition can
find). Sites give their name in the record's meta or only in the title. Bodies are original
pseudo-Arabic prose from a vocabulary of made-up words, so two stories share text only when
one is a copy: 15 % of the articles are a story of another site, copied with a few words
changed, a sentence dropped or added, under the copying site's own headline and boilerplate.

Each article comes with the truth: its boilerplate ranges and its story's number.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
COPIED = 0.15


@dataclass
class Scraped:
    """One scraped article, its site, its boilerplate ranges and its story."""

    text: str
    site: str
    story: int
    boilerplate: list[tuple[int, int]] = field(default_factory=list)
    meta_source: bool = False


@dataclass
class Site:
    name: str
    suffix: bool
    repeat_title: bool
    meta: bool
    menu: str
    footer: list[str]
    related: str
    comments: list[str]
    share: list[str]
    dated: bool


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7)))


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    return [_word(rng) for _ in range(size)]


def _sites(rng: random.Random, words: list[str]) -> list[Site]:
    related = ["مقالات ذات صلة", "اقرأ أيضاً", "أخبار ذات صلة", "مواضيع ذات صلة"]
    forms = [
        ["اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها *"],
        ["إرسال تعليق", "0 التعليقات:"],
        ["Leave a Reply", "Your email address will not be published."],
        ["أضف تعليقك", "الاسم", "البريد الإلكتروني"],
    ]
    shares = [
        ["Share This Post", "شارك على فيسبوك", "شارك على تويتر"],
        ["شارك الخبر", "واتساب"],
        ["Share on Facebook", "Tweet"],
        ["مشاركة"],
    ]
    sites = []
    for n in range(20):
        name = f"{' '.join(rng.sample(words, 2))} {n}"
        sites.append(
            Site(
                name=name,
                suffix=n % 3 != 0,
                repeat_title=n % 2 == 0,
                meta=n % 4 == 0,
                menu=" | ".join(rng.sample(words, 5)),
                footer=[
                    f"جميع الحقوق محفوظة © {name} {2010 + n}",
                    " ".join(rng.sample(words, 9)) + ".",
                ],
                related=related[n % 4],
                comments=forms[n % 4],
                share=shares[(n // 4) % 4],
                dated=n % 5 == 1,
            )
        )
    return sites


def _sentence(rng: random.Random, words: list[str]) -> str:
    return " ".join(rng.choice(words) for _ in range(rng.randint(8, 18))) + "."


def _story(rng: random.Random, words: list[str]) -> list[list[str]]:
    """Paragraphs of sentences."""
    return [
        [_sentence(rng, words) for _ in range(rng.randint(2, 4))] for _ in range(rng.randint(3, 6))
    ]


def _edited(rng: random.Random, words: list[str], story: list[list[str]]) -> list[list[str]]:
    """A copy: a few words changed, a sentence dropped or added."""
    copy = [list(p) for p in story]
    for _ in range(rng.randint(2, 5)):
        p = rng.randrange(len(copy))
        s = rng.randrange(len(copy[p]))
        parts = copy[p][s].split()
        parts[rng.randrange(len(parts))] = rng.choice(words)
        copy[p][s] = " ".join(parts)
    if rng.random() < 0.5 and len(copy[-1]) > 1:
        copy[-1].pop()
    else:
        copy[0].append(_sentence(rng, words))
    return copy


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.at = 0
        self.boilerplate: list[tuple[int, int]] = []

    def line(self, text: str, boilerplate: bool = False, blank: bool = True) -> None:
        if boilerplate:
            self.boilerplate.append((self.at, self.at + len(text)))
        end = "\n\n" if blank else "\n"
        self.parts.append(text + end)
        self.at += len(text) + len(end)

    def title(self, headline: str, suffix: str | None) -> None:
        self.parts.append(headline)
        self.at += len(headline)
        if suffix is not None:
            self.line(suffix, boilerplate=True)
        else:
            self.parts.append("\n\n")
            self.at += 2


def _render(rng: random.Random, words: list[str], site: Site, story: list[list[str]],
            number: int) -> tuple[str, list[tuple[int, int]]]:  # fmt: skip
    out = _Writer()
    headline = " ".join(rng.sample(words, rng.randint(5, 9)))
    out.line(site.menu, boilerplate=True)
    out.title(headline, f" - {site.name}" if site.suffix else None)
    if site.repeat_title:
        out.line(headline, boilerplate=True)
    if site.dated:
        out.line(f"آخر تحديث: {number % 28 + 1}/{number % 12 + 1}/2026", boilerplate=True)
    for paragraph in story:
        out.line(" ".join(paragraph))
    for line in site.footer:
        out.line(line, boilerplate=True)
    out.line(site.related, boilerplate=True)
    for _ in range(rng.randint(2, 5)):
        out.line(" ".join(rng.sample(words, rng.randint(4, 9))), boilerplate=True)
    for line in site.comments:
        out.line(line, boilerplate=True, blank=False)
    for line in site.share:
        out.line(line, boilerplate=True, blank=False)
    return "".join(out.parts).rstrip("\n"), out.boilerplate


def scraped(count: int, seed: int = 22) -> Iterator[Scraped]:
    """``count`` articles from 20 sites; the same for the same seed."""
    rng = random.Random(seed)
    words = _vocabulary(rng)
    sites = _sites(rng, words)
    stories: list[tuple[int, int, list[list[str]]]] = []  # (story, site, paragraphs)
    for number in range(count):
        site_n = number % len(sites)
        if stories and rng.random() < COPIED:
            story, origin, paragraphs = rng.choice(stories)
            if origin == site_n:
                site_n = (site_n + 1) % len(sites)
            paragraphs = _edited(rng, words, paragraphs)
        else:
            story, paragraphs = len(stories), _story(rng, words)
            stories.append((story, site_n, paragraphs))
        site = sites[site_n]
        text, ranges = _render(rng, words, site, paragraphs, number)
        yield Scraped(text, site.name, story, ranges, site.meta)
