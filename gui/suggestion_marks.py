"""Pending suggestions drawn over the article, unlike real spans: a dashed outline in the label's
colour and no fill, one box per line a suggestion covers; the chosen one with a thicker outline.

A box is the hull of the suggestion's characters on one line, as the line lays them out (right to
left, a Latin run or a number inside an Arabic line included). Nested suggestions (an ACTOR inside
a CLAIM) are drawn a little inside the one around them, so both outlines show. Boxes are kept in
block coordinates per suggestion and only moved with the scroll when painted, so that a keypress
that changes one suggestion lays out only its own boxes again.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextLine

from alama.core.labels import LabelSet
from alama.core.suggest import Suggestion
from alama.gui.qt_article import ArticleView
from alama.gui.relation_arrows import Shown, nesting

PEN = 1.0  # the outline of a pending suggestion (a one-pixel pen: the fast dashes)
CURRENT_PEN = 2.0  # the solid frame around the chosen one
INSET = 2.0  # pixels inside the suggestion around it, per level of nesting
GREY = "#888888"

Box = tuple[int, QRectF]  # a block number and a rectangle in that block's coordinates


def _x(line: QTextLine, position: int) -> float:
    found: object = line.cursorToX(position)
    if isinstance(found, tuple):  # PySide6 gives the position back with the x
        found = found[0]
    assert isinstance(found, float | int)
    return float(found)


class SuggestionMarks:
    """Draws the pending suggestions of the shown document over an `ArticleView`."""

    def __init__(self, article: ArticleView) -> None:
        self.article = article
        self.items: list[Suggestion] = []
        self.current: Suggestion | None = None
        self._levels: dict[tuple[int, int], int] = {}
        self._boxes: dict[tuple[int, int], list[Box]] = {}
        self._blocks: dict[tuple[int, int], tuple[int, int]] = {}  # of the text shown
        self._laid_out: tuple[object, ...] = ()
        article.overlays.append(self.paint)

    def show(self, items: Sequence[Suggestion], current: Suggestion | None) -> None:
        """Draw these suggestions (the chosen one thicker) from the next paint on."""
        items = list(items)
        if items == self.items and current == self.current:
            return
        if items != self.items:
            self.items = items
            self._levels = nesting([(s.start, s.end) for s in items])
        self.current = current
        self.article.viewport().update()

    def reset(self) -> None:
        """Another text is shown: lay every box out anew."""
        self._boxes, self._blocks, self._laid_out = {}, {}, ()

    def _layout_key(self) -> tuple[object, ...]:
        article = self.article
        return (article.viewport().width(), article.font().key(), id(article.text))

    def boxes(self, suggestion: Suggestion) -> list[QRectF]:
        """Where a suggestion is drawn now, in viewport pixels (one box per line it covers;
        none while out of view)."""
        shown = Shown(self.article)
        self._check_layout()
        return [self._placed(block, box, shown) for block, box in self._laid(suggestion, shown)]

    @staticmethod
    def _placed(block: int, box: QRectF, shown: Shown) -> QRectF:
        return box.translated(shown.dx, shown.tops[block])

    def _check_layout(self) -> None:
        """Boxes laid out for another width, font or text are laid out again."""
        key = self._layout_key()
        if key != self._laid_out:
            if key[2:] != self._laid_out[2:]:
                self._blocks = {}
            self._boxes, self._laid_out = {}, key

    def _laid(self, suggestion: Suggestion, shown: Shown) -> list[Box]:
        """A suggestion's boxes, laid out once per layout (only blocks on screen are)."""
        span = (suggestion.start, suggestion.end)
        found = self._boxes.get(span)
        if found is None:
            blocks = self._blocks.get(span)
            if blocks is None:
                blocks = self._blocks[span] = self._block_range(span)
            if not any(number in shown.tops for number in range(blocks[0], blocks[1] + 1)):
                return []  # off screen: not laid out (Qt lays out a block when it is shown)
            found, complete = self._lay_out(span)
            if complete:
                self._boxes[span] = found
        return [(block, box) for block, box in found if block in shown.tops]

    def _block_range(self, span: tuple[int, int]) -> tuple[int, int]:
        """The numbers of the first and the last block a span covers."""
        document, to_qt = self.article.document(), self.article.offsets.to_qt
        first = document.findBlock(to_qt(span[0])).blockNumber()
        return first, document.findBlock(max(to_qt(span[1]) - 1, 0)).blockNumber()

    def _lay_out(self, span: tuple[int, int]) -> tuple[list[Box], bool]:
        """The boxes of [start, end) per line, and whether every block it covers was laid out."""
        document = self.article.document()
        to_qt = self.article.offsets.to_qt
        start, end = to_qt(span[0]), to_qt(span[1])
        block = document.findBlock(start)
        found: list[Box] = []
        complete = True
        while block.isValid() and block.position() < end:
            layout = block.layout()
            base = block.position()
            if layout is None or layout.lineCount() == 0:
                complete = False
                block = block.next()
                continue
            for number in range(layout.lineCount()):
                line = layout.lineAt(number)
                first = max(start - base, line.textStart())
                last = min(end - base, line.textStart() + line.textLength())
                if first >= last:
                    continue
                xs = [_x(line, position) for position in range(first, last + 1)]
                left, right = min(xs), max(xs)
                found.append((block.blockNumber(), QRectF(left, line.y(), right - left,
                                                          line.height())))  # fmt: skip
            block = block.next()
        return found, complete

    def paint(self, painter: QPainter) -> None:
        """Draw the outlines of the suggestions on screen."""
        if not self.items:
            return
        shown = Shown(self.article)
        self._check_layout()
        labels: LabelSet = self.article.labels
        by_pen: dict[tuple[str, bool], list[QRectF]] = {}  # drawn together, pen by pen
        for suggestion in self.items:
            boxes = self._laid(suggestion, shown)
            if not boxes:
                continue
            label = labels.get(suggestion.label)
            pen = (label.color if label is not None else GREY, suggestion == self.current)
            inset = INSET * self._levels.get((suggestion.start, suggestion.end), 0)
            by_pen.setdefault(pen, []).extend(
                self._placed(block, box, shown).adjusted(-1 + inset, inset, 1 - inset, -1 - inset)
                for block, box in boxes
            )
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)  # crisp dashes, fast
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for (color, chosen), rects in by_pen.items():
            painter.setPen(QPen(QColor(color), PEN, Qt.PenStyle.DashLine))
            painter.drawRects(rects)
            if chosen:  # a solid frame around its dashes (a wide dashed pen takes Qt's raster
                # engine ten times as long as the whole article)
                painter.setPen(QPen(QColor(color), CURRENT_PEN, Qt.PenStyle.SolidLine))
                painter.drawRects([rect.adjusted(-2, -2, 2, 2) for rect in rects])
        painter.restore()
