"""The window's matcher (core/live_matcher.py) suggests what a `LearnedMatcher` that learned and
forgot the same spans suggests label by label (a phrase matcher of each label's strings),
whatever the order, while keeping its trie and what it read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alama.core.clitics import CliticRule, LabelledText
from alama.core.live_matcher import LiveMatcher
from alama.core.suggest import LearnedMatcher, PhraseMatcher, Suggestion, likely_labels

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
            assert live.suggest(text, doc) == _by_label(plain, text, doc)
    assert live.counts == plain.counts


def _by_label(plain: LearnedMatcher, text: str, doc: int) -> list[Suggestion]:
    """What the plain matcher suggests, each label matched on its own strings."""
    likely = {key: dict(likely_labels(labels)) for key, labels in plain.scores().items()}
    found = []
    for label in {label for labels in likely.values() for label in labels}:
        scores = {key: {label: s[label]} for key, s in likely.items() if label in s}
        found += PhraseMatcher(scores, plain.rule).suggestions(text, doc, plain.name)
    return sorted(found, key=lambda s: (s.start, s.end, s.label))


def test_a_name_inside_a_learned_claim_is_suggested_where_the_claim_is() -> None:
    text = TEXTS[0]
    claim = text.index("وزارة الدفاع الروسية نفت")
    actor = text.index("روسيا")
    live = LiveMatcher(CliticRule())
    live.learn([LabelledText(0, text, [(0, claim + 24, "CLAIM")])])
    other = TEXTS[1].index("روسيا")
    live.learn([LabelledText(1, TEXTS[1], [(other, other + 5, "ACTOR")])])
    found = {(text[s.start : s.end], s.label) for s in live.suggest(text, 0)}
    assert ("روسيا", "ACTOR") in found and text[actor : actor + 5] == "روسيا"
    assert any(label == "CLAIM" for _, label in found)
