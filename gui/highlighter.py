"""Painting spans in the article: each span's label colour behind its characters, nested
spans underlined in the colour of the span around them, repainted block by block."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from alama.core.labels import LabelSet

FILL_ALPHA = 95


class SpanHighlighter(QSyntaxHighlighter):
    """Paints spans per text segment: the innermost span's colour as background, and the
    colour of the span around it as an underline, so that nested spans all stay visible."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._colors: dict[str, QColor] = {}
        self._by_block: dict[int, list[tuple[int, int, str]]] = {}
        self._dimmed: list[tuple[int, int]] = []  # boilerplate, Qt positions (gui.folds)
        self._heads: set[int] = set()  # blocks drawn tiny under a fold's note

    def set_dimmed(self, ranges: list[tuple[int, int]], heads: set[int]) -> None:
        """Grey these ranges (Qt positions); draw the blocks numbered in ``heads`` tiny and
        transparent (a fold's note is painted over them). Repaints what changed."""
        if (ranges, heads) == (self._dimmed, self._heads):
            return
        document = self.document()
        touched = self._heads | heads
        for start, end in {*self._dimmed, *ranges}:
            first = document.findBlock(start).blockNumber()
            touched.update(range(first, document.findBlock(max(start, end - 1)).blockNumber() + 1))
        self._dimmed, self._heads = ranges, heads
        for number in sorted(touched):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def set_labels(self, labels: LabelSet) -> None:
        """Colours of the project's labels."""
        self._colors = {label.key: QColor(label.color) for label in labels}

    def set_spans(self, spans: list[tuple[int, int, str]]) -> None:
        """Show spans given in Qt positions; only blocks whose spans changed are repainted."""
        document = self.document()
        by_block: dict[int, list[tuple[int, int, str]]] = {}
        for start, end, label in spans:
            first = document.findBlock(start).blockNumber()
            last = document.findBlock(max(start, end - 1)).blockNumber()
            for number in range(first, last + 1):
                by_block.setdefault(number, []).append((start, end, label))
        changed = {
            n
            for n in by_block.keys() | self._by_block.keys()
            if by_block.get(n) != self._by_block.get(n)
        }
        self._by_block = by_block
        for number in sorted(changed):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def change(
        self, removed: list[tuple[int, int, str]], added: list[tuple[int, int, str]]
    ) -> None:
        """Take some spans out and put others in (Qt positions), repainting only the blocks
        they cover: what one edit changed, without going over every span of the document."""
        document = self.document()
        touched: set[int] = set()
        for items, adding in ((removed, False), (added, True)):
            for item in items:
                start, end, _ = item
                first = document.findBlock(start).blockNumber()
                last = document.findBlock(max(start, end - 1)).blockNumber()
                for number in range(first, last + 1):
                    listed = self._by_block.setdefault(number, [])
                    if adding:
                        listed.append(item)
                    elif item in listed:
                        listed.remove(item)
                    touched.add(number)
        for number in sorted(touched):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def ranges(self) -> set[tuple[int, int, str]]:
        """Every (start, end, label) being painted, in Qt positions."""
        return {item for items in self._by_block.values() for item in items}

    def clear(self) -> None:
        """Forget every span without repainting (a new text follows)."""
        self._by_block = {}

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        items = self._by_block.get(block.blockNumber(), [])
        base, size = block.position(), block.length() - 1
        dimmed = [(s - base, e - base) for s, e in self._dimmed if s - base < size and e > base]
        if block.blockNumber() in self._heads:
            self._tiny(size)
            return
        if not items and not dimmed:
            return
        # Positions count UTF-16 units, as Qt does; ``text`` is a Python string of code points
        # (shorter when the line holds an emoji or another astral character).
        cuts = {0, size}
        for start, end in [(s - base, e - base) for s, e, _ in items] + dimmed:
            cuts.add(min(max(start, 0), size))
            cuts.add(min(max(end, 0), size))
        edges = sorted(cuts)
        for left, right in pairwise(edges):
            covering = sorted(
                (end - start, label)
                for start, end, label in items
                if start - base <= left and end - base >= right
            )
            grey = any(s <= left and e >= right for s, e in dimmed)
            if covering or grey:
                fmt = self._format([lb for _, lb in covering]) if covering else QTextCharFormat()
                if grey:
                    fmt.setForeground(QColor("#8A8A8A"))
                self.setFormat(left, right - left, fmt)

    def _tiny(self, size: int) -> None:
        """A folded block: one line high (its first character), the rest as small as can be,
        all transparent under the fold's note."""
        fmt = QTextCharFormat()
        fmt.setForeground(QColor(0, 0, 0, 0))
        self.setFormat(0, min(size, 1), fmt)
        fmt.setFontPointSize(1)
        if size > 1:
            self.setFormat(1, size - 1, fmt)

    def _format(self, labels: list[str]) -> QTextCharFormat:
        """Innermost label as background; the next one out as a thick underline."""
        fmt = QTextCharFormat()
        fill = QColor(self._colors.get(labels[0], QColor("#999999")))
        fill.setAlpha(FILL_ALPHA)
        fmt.setBackground(fill)
        if len(labels) > 1:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(self._colors.get(labels[1], QColor("#999999")))
        return fmt
