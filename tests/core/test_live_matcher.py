"""The window's matcher (core/live_matcher.py) suggests what a `LearnedMatcher` that learned and
forgot the same spans suggests, whatever the order, while keeping its trie and what it read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core.clitics import CliticRule, LabelledText
from alama.core.live_matcher import LiveMatcher
from alama.core.suggest import LearnedMatcher

TEXTS = (
    "قالت روسيا إن وزارة الدفاع الروسية نفت. وردت واشنطن بأن رُوسْيَا والولايات المتحدة "
    "تتفاوضان في بيروت، وقال مسؤول للولايات المتحدة إن «حزب الله» وروسـيا بعيدان.",
    "وصل وفد من روسيا إلى القاهرة ثم إلى بيروت، وقال وزير الدفاع إن وزارة الدفاع ستنسحب.",
)
WORDS = (
    "روسيا", "وزارة الدفاع", "وزارة الدفاع الروسية", "واشنطن", "الولايات المتحدة",
    "بيروت", "«حزب الله»", "وزير الدفاع", "القاهرة", "الدفاع",
)  # fmt: skip
LABELS = ("ACTOR", "PLACE")


def _span(text: str, word: str) -> tuple[int, int] | None:
    at = text.find(word)
    return None if at < 0 else (at, at + len(word))


step = st.tuples(
    st.booleans(), st.sampled_from(range(len(TEXTS))), st.sampled_from(WORDS),
    st.sampled_from(LABELS),
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.lists(step, max_size=14), st.sampled_from((CliticRule(), CliticRule({"و": 4}, {}))))
def test_it_suggests_what_a_learned_matcher_suggests(
    steps: list[tuple[bool, int, str, str]], rule: CliticRule
) -> None:
    live, plain = LiveMatcher(rule), LearnedMatcher(rule)
    learned: list[LabelledText] = []
    for adding, number, word, label in steps:
        span = _span(TEXTS[number], word)
        if span is None:
            continue
        example = LabelledText(number, TEXTS[number], [(*span, label)])
        if adding:
            learned.append(example)
            live.learn([example])
            plain.learn([example])
        elif example in learned:
            learned.remove(example)
            live.forget([example])
            plain.forget([example])
        for doc, text in enumerate(TEXTS):  # asked after every step: what it kept is used
            assert live.suggest(text, doc) == plain.suggest(text, doc)
    assert live.counts == plain.counts
