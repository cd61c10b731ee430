"""Hypothesis strategies for Arabic news text with everything that breaks offsets."""

from __future__ import annotations

from hypothesis import strategies as st

ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآءؤئىة"
MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670"
PIECES = [
    *ARABIC_LETTERS,
    *(letter + mark for letter in "بسكم" for mark in MARKS),
    "\u0640",  # tatweel
    " ",
    " ",
    " ",
    "\u00a0",
    "\n",
    "\r\n",
    "\r",
    "\u2029",
    "«",
    "»",
    "“",
    "”",
    "،",
    ".",
    "!",
    "#",
    '"',
    "-",
    "😀",
    "🇸🇾",
    "👍🏽",
    "𝐀",
    "It",
    "'s",
    "9000",
    "٢٠٢٤",
    "55",
    "\u200f",
    "\u200e",
    "\u200c",
]

raw_text = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)
"""Text as it may arrive in a file: any line endings, perhaps a BOM."""

stored_text = st.builds(
    lambda body: body.replace("\r\n", "\n").replace("\r", "\n").replace("\u2029", "\n"),
    raw_text,
)
"""Text as Alama stores it (already cleaned)."""
