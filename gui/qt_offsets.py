"""The one place where Qt's UTF-16 positions meet Alama's code-point offsets.

Qt counts an astral character (emoji, 𝐀, 𠀀) as two positions; Python counts it as one. The map
is the identity when a text has none, which is the usual case for news articles.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    """Convert between code-point offsets of ``text`` and Qt document positions."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.astral_qt = [i + k for k, i in enumerate(self.astral)]

    def to_qt(self, offset: int) -> int:
        """The Qt position of a code-point offset."""
        return offset + bisect_left(self.astral, offset) if self.astral else offset

    def to_py(self, position: int, round_up: bool = False) -> int:
        """The code-point offset of a Qt position.

        A position inside a surrogate pair belongs to that character: it maps to the character's
        start, or, with ``round_up`` (the end of a selection), to just after it.
        """
        if not self.astral:
            return position
        k = bisect_left(self.astral_qt, position)
        if k and position == self.astral_qt[k - 1] + 1:
            return self.astral[k - 1] + (1 if round_up else 0)
        return position - k
