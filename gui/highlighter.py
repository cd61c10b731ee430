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
        items = self._by_block.get(self.currentBlock().blockNumber())
        if not items:
            return
        block = self.currentBlock()
        base = block.position()
        # Positions count UTF-16 units, as Qt does; ``text`` is a Python string of code points
        # (shorter when the line holds an emoji or another astral character).
        size = block.length() - 1
        cuts = {0, size}
        for start, end, _ in items:
            cuts.add(min(max(start - base, 0), size))
            cuts.add(min(max(end - base, 0), size))
        edges = sorted(cuts)
        for left, right in pairwise(edges):
            covering = sorted(
                (end - start, label)
                for start, end, label in items
                if start - base <= left and end - base >= right
            )
            if covering:
                self.setFormat(left, right - left, self._format([lb for _, lb in covering]))

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
