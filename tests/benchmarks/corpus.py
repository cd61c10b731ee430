"""A synthetic corpus of Arabic news articles for `make bench`, with the spans of three annotators.

The sentences are original, written for this benchmark in the register of wire copy, and they
carry what scraped articles carry: diacritics, tatweel, «» quotes, Latin runs, Western and
Arabic-Indic digits, emoji, no-break spaces, a repeated paragraph and the site's boilerplate.
Every actor, place and claim is placed with its offsets, so each annotator's layer is the true
layer with the slips real annotators make: a missed span, an edge one word off, another label.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ANNOTATORS = ("amal", "bilal", "carim")
ACTORS = (
    "وزير الخارجية",
    "رئيسُ الوزراء",
    "المتحدث باسم الحكومة",
    "الأمين العام للجامعة العربية",
    "منظمة الصحة العالمية",
    "البنك المركزي",
    "نقابة الصحفيين",
    "محافظ المدينة",
    "مديرة المستشفى الجامعي",
    "الهلال الأحمر",
    "UNICEF",
    "شركة Nordwind للطاقة",
    "اتحاد المزارعين",
    "النائبة سلمى الحدّاد",
    "الـمـتـحـدث العسكري",
    "رئيس البلدية",
)
PLACES = (
    "القاهرة",
    "بيروت",
    "عمّان",
    "الخرطوم",
    "تونس العاصمة",
    "مدينة حلب",
    "قطاع غزة",
    "الرباط",
    "بغداد",
    "نواكشوط",
    "جنيف",
    "دبي",
    "ميناء طرطوس",
    "وادي\u00a0حضرموت",
    "الـقـدس",
    "مخيم الزعتري",
)
CLAIMS = (
    "الاتفاق سيُوقَّع قبل نهاية الشهر",
    "أسعار الخبز لن ترتفع هذا العام",
    "نسبة البطالة تراجعت إلى ١٢٪",
    "المعبر سيُفتح أمام الشاحنات صباح الأحد",
    "المفاوضات وصلت إلى طريق مسدود",
    "الحكومة ستدفع الرواتب المتأخرة خلال 10 أيام",
    "عدد النازحين تجاوز ٤٠٠ ألف شخص",
    "الانتخابات ستُجرى في موعدها",
    "المساعدات لم تصل إلى القرى الجبلية",
    "الشبكة الكهربائية ستعود للعمل تدريجياً",
    "التحقيق سيُنشر كاملاً للرأي العام",
    "المستشفيات تعمل بنصف طاقتها",
)
# Sentences with {actor}, {place} and {claim} slots; «» are part of some templates.
TEMPLATES = (
    "قال {actor} في {place} إن «{claim}»، مضيفاً أن المحادثات مستمرة.",
    "أعلن {actor} يوم الثلاثاء من {place} أنّ {claim}.",
    "وأكّد {actor} خلال مؤتمر صحفي عُقد في {place} أن «{claim}».",
    "ووصل {actor} إلى {place} صباح اليوم في زيارة تستغرق ٣ أيام.",
    "ونقلت قناة BBC Arabic عن {actor} قوله إن {claim} 📰",
    "وبحسب بيان صادر عن {actor}، فإن {claim}، وذلك بعد اجتماع استمر 4 ساعات في {place}.",
    "من جهته، نفى {actor} أن تكون {place} قد شهدت أي اشتباكات خلال الليل.",
    "ويرى مراقبون في {place} أن تصريحات {actor} تعني أن «{claim}» 🤔",
)
FILLERS = (
    "وتأتي هذه التطورات في ظل ظروف اقتصادية صعبة تشهدها المنطقة منذ عام 2019.",
    "ولم يصدر أي تعليق رسمي حتى ساعة إعداد هذا الخبر.",
    "يُذكر أن الاجتماع السابق عُقد قبل عامين وانتهى دون نتائج تُذكر.",
    "وتبلغ المسافة بين المدينتين نحو ٢٠\u00a0كيلومتراً عبر الطريق الساحلي.",
    "وشهدت الأسواق حركة نشطة مع اقـتـراب العيد، وارتفعت أسعار الخضار 15% تقريباً.",
)
BOILERPLATE = (
    "اقرأ أيضاً: ملف خاص عن أزمة المياه في الإقليم\n\nجميع الحقوق محفوظة © 2026 — وكالة الأنباء"
)
NEXT_WORD = re.compile(r" \S+")
LABEL_OF = {"actor": "ACTOR", "place": "PLACE", "claim": "CLAIM"}


@dataclass
class Article:
    """A generated article and each annotator's spans, as (start, end, label)."""

    text: str
    layers: dict[str, list[tuple[int, int, str]]]


def sentence(rng: random.Random, out: list[str], at: int, spans: list[tuple[int, int, str]]) -> int:
    """Append one sentence at offset ``at``, recording its slots; return the new offset."""
    template = rng.choice(TEMPLATES)
    fillers = {
        "actor": rng.choice(ACTORS),
        "place": rng.choice(PLACES),
        "claim": rng.choice(CLAIMS),
    }
    pieces = template.replace("}", "{").split("{")
    for n, piece in enumerate(pieces):
        if n % 2:
            value = fillers[piece]
            spans.append((at, at + len(value), LABEL_OF[piece]))
            piece = value
        out.append(piece)
        at += len(piece)
    return at


def article(rng: random.Random, number: int, sentences: int = 8) -> Article:
    """An original article of ``sentences`` sentences in a few paragraphs, with boilerplate."""
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    headline = f"نشرة المساء رقم {number}: {rng.choice(ACTORS)} يزور {rng.choice(PLACES)}\n\n"
    out.append(headline)
    at = len(headline)
    paragraph_start = at
    for n in range(sentences):
        at = sentence(rng, out, at, spans)
        if rng.random() < 0.5:
            filler = " " + rng.choice(FILLERS)
            out.append(filler)
            at += len(filler)
        if n % 3 == 2 and n < sentences - 1:
            if rng.random() < 0.1:  # a paragraph the site printed twice
                repeated = "".join(out)[paragraph_start:at]
                out.append("\n\n" + repeated)
                at += 2 + len(repeated)
            out.append("\n\n")
            at += 2
            paragraph_start = at
        else:
            out.append(" ")
            at += 1
    out.append("\n\n" + BOILERPLATE)
    text = "".join(out)
    layers = {who: annotate(rng, text, spans) for who in ANNOTATORS}
    return Article(text, layers)


def annotate(
    rng: random.Random, text: str, truth: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """One annotator's layer: the true spans with a missed span, a moved edge or another label."""
    layer = set()
    for start, end, label in truth:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.10:
            inner = text.rfind(" ", start, end - 1)
            after = NEXT_WORD.match(text, end)
            end = inner if inner > start else after.end() if after else end
        elif roll < 0.14:
            label = rng.choice([other for other in LABEL_OF.values() if other != label])
        layer.add((start, end, label))
    return sorted(layer)


def articles(count: int, seed: int = 7, sentences: int = 8) -> Iterator[Article]:
    """``count`` distinct articles, the same for the same seed."""
    rng = random.Random(seed)
    for number in range(count):
        yield article(rng, number, sentences)


def write_jsonl(
    path: Path, count: int, seed: int = 7, annotators: tuple[str, ...] = ANNOTATORS
) -> int:
    """The corpus as Prodigy-style JSONL: one record per article and annotator, all done
    (with no annotators: one record of text per article)."""
    records = 0
    with path.open("w", encoding="utf-8") as out:
        for art in articles(count, seed):
            for who in annotators or (None,):
                record: dict[str, object] = {"text": art.text}
                if who is not None:
                    record["spans"] = [
                        {"start": s, "end": e, "label": label} for s, e, label in art.layers[who]
                    ]
                    record["answer"] = "accept"
                    record["_annotator_id"] = who
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                records += 1
    return records
