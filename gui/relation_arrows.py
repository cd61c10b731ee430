"""Arrows over the article: each link drawn from its CLAIM to the span it is linked to (the
arrow's head is at the speaker, the ACTOR), right to left aware.

An arrow leaves the top edge of the first line fragment of its source span and lands on the top
edge of the first line fragment of its target span (a span wrapped over two lines is anchored on
the line where it starts), at the middle of that fragment as it is drawn, whichever way the line
runs. Nested spans share a top edge: an arrow of a span inside others starts a few pixels lower
per level, so that arrows of a claim and of a name inside it stay apart. The arc rises above
both ends; an end scrolled out of view is drawn to the viewport's edge, so that a link to a far
span still shows where it goes. Positions are code points; they meet Qt's UTF-16 positions only
through the view's `OffsetMap` (`alama.gui.qt_offsets`).
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit

from alama.gui.qt_offsets import OffsetMap

Range = tuple[int, int]  # code points [start, end)

NEST_STEP = 3.0  # pixels lower per level of nesting
RISE = (14.0, 46.0)  # how far an arc rises above its higher end (least, most)
HEAD = 7.0  # arrowhead length
HALO = QColor(255, 255, 255, 150)
CAPTION_PLACES = (0.5, 0.3, 0.7, 0.18, 0.82)  # along the curve, tried in turn
STYLES = {
    "link": (QColor("#263238"), Qt.PenStyle.SolidLine),
    "candidate": (QColor("#6D4C41"), Qt.PenStyle.DashLine),
    "pending": (QColor("#C2185B"), Qt.PenStyle.DashLine),
}


@dataclass(frozen=True)
class Link:
    """A link to draw: its id, its two spans' ranges, a caption (the stance) and a style
    ("link", "candidate" in review mode, "pending" while a link is being made)."""

    id: str
    source: Range
    target: Range
    caption: str = ""
    style: str = "link"


@dataclass(frozen=True)
class Arrow:
    """A link as drawn now, in viewport pixels: where it starts (at the source span), where its
    head is (at the target span), and the two fragments it is anchored on."""

    link: Link
    start: QPointF
    end: QPointF
    source_box: QRectF
    target_box: QRectF


OFF_VIEW = 10_000.0  # how far above or below the viewport an end out of view is put


class Shown:
    """Where the blocks on screen are now (their tops, in viewport pixels), found once per
    paint by walking down from the first visible block: Qt's own caret rectangles walk the
    blocks from the top for every position asked, too slow for a hundred links."""

    def __init__(self, view: QPlainTextEdit) -> None:
        block = view.firstVisibleBlock()
        offset = view.contentOffset()
        self.dx = offset.x()
        self.first = block.blockNumber()
        self.height = float(view.viewport().height())
        self.width = float(view.viewport().width())
        self.tops: dict[int, float] = {}
        top = view.blockBoundingGeometry(block).translated(offset).top()
        while block.isValid() and top <= self.height:
            self.tops[block.blockNumber()] = top
            top += view.blockBoundingRect(block).height()
            block = block.next()
        self.after = block.blockNumber() if block.isValid() else view.document().blockCount()

    def beyond(self, numbers: tuple[int, int]) -> bool:
        """Whether blocks of these numbers are all above, or all below, the viewport."""
        return all(n < self.first for n in numbers) or all(n >= self.after for n in numbers)


def first_fragment(
    view: QPlainTextEdit, offsets: OffsetMap, span: Range, shown: Shown | None = None
) -> QRectF | None:
    """The rectangle, in viewport pixels, that a span's highlight covers on the line where the
    span starts (None for an empty span or a position outside the text). A span out of view
    gets an empty rectangle far above or below the viewport (at its x, when its line is known)."""
    shown = shown or Shown(view)
    document = view.document()
    start, end = offsets.to_qt(span[0]), offsets.to_qt(span[1])
    if end <= start or end > document.characterCount():
        return None
    block = document.findBlock(start)
    layout = block.layout() if block.isValid() else None
    if layout is None:
        return None
    number = block.blockNumber()
    local = start - block.position()
    line = layout.lineForTextPosition(local) if layout.lineCount() else None
    top = shown.tops.get(number)
    if line is None or not line.isValid():
        if top is not None:
            return None
        x1 = x2 = shown.width / 2
    else:
        stop = min(end - block.position(), line.textStart() + line.textLength())
        x1, x2 = shown.dx + _x(line, local), shown.dx + _x(line, stop)
    if top is None or line is None:
        far = -OFF_VIEW if number < shown.first else shown.height + OFF_VIEW
        return QRectF(min(x1, x2), far, abs(x2 - x1), 0)
    return QRectF(min(x1, x2), top + line.y(), abs(x2 - x1), line.height())


def _x(line: QTextLine, position: int) -> float:
    """Where a position lies on a line (PySide6 gives back the position with the x)."""
    found: object = line.cursorToX(position)
    if isinstance(found, tuple):
        found = found[0]
    assert isinstance(found, float | int)
    return float(found)


def nesting(spans: Sequence[Range]) -> dict[Range, int]:
    """How many other spans of the layer hold each span (0: none), in one sweep."""
    ends: list[int] = []  # of the spans started so far, sorted
    levels: dict[Range, int] = {}
    for start, end in sorted(set(spans), key=lambda r: (r[0], -r[1])):
        levels[(start, end)] = len(ends) - bisect_left(ends, end)
        insort(ends, end)
    return levels


def anchor(box: QRectF, level: int) -> QPointF:
    """Where an arrow meets a fragment: the middle of its top edge, lower by nesting level
    (never below the fragment's middle)."""
    return QPointF(box.center().x(), box.top() + min(level * NEST_STEP, box.height() / 2))


def arrows(
    view: QPlainTextEdit,
    offsets: OffsetMap,
    links: Sequence[Link],
    spans: Sequence[Range],
    blocks: dict[int, int] | None = None,
) -> list[Arrow]:
    """The arrows of ``links`` as they lie now (scrolled as the view is); ``spans`` are the
    layer's span ranges, for nesting. A link with an end outside the text is left out, and so
    is one whose two ends are both above, or both below, the viewport (nothing of it shows).
    ``blocks`` keeps the block number of each start offset, for the next paint of one text."""
    found: list[Arrow] = []
    boxes: dict[Range, QRectF | None] = {}
    shown = Shown(view)
    levels = nesting(spans)
    document = view.document()
    known = {} if blocks is None else blocks
    for link in links:
        for offset in (link.source[0], link.target[0]):
            if offset not in known:
                known[offset] = document.findBlock(offsets.to_qt(offset)).blockNumber()
        if shown.beyond((known[link.source[0]], known[link.target[0]])):
            continue
        for span in (link.source, link.target):
            if span not in boxes:
                boxes[span] = first_fragment(view, offsets, span, shown)
        source, target = boxes[link.source], boxes[link.target]
        if source is None or target is None:
            continue
        start = anchor(source, levels.get(link.source, 0))
        end = anchor(target, levels.get(link.target, 0))
        found.append(Arrow(link, start, end, source, target))
    return found


def _clamped(point: QPointF, area: QRectF) -> QPointF:
    return QPointF(
        min(max(point.x(), area.left()), area.right()),
        min(max(point.y(), area.top()), area.bottom()),
    )


def arc(arrow: Arrow, area: QRectF) -> QPainterPath | None:
    """The arrow's curve within ``area`` (an end outside it drawn to its edge); None when both
    ends are beyond the same edge (nothing of it would show)."""
    start, end = arrow.start, arrow.end
    if (start.y() < area.top() and end.y() < area.top()) or (
        start.y() > area.bottom() and end.y() > area.bottom()
    ):
        return None
    start, end = _clamped(start, area), _clamped(end, area)
    rise = min(max(RISE[0], abs(end.x() - start.x()) * 0.18), RISE[1])
    top = max(min(start.y(), end.y()) - rise, area.top() + 2)
    path = QPainterPath(start)
    path.cubicTo(QPointF(start.x(), top), QPointF(end.x(), top), end)
    return path


def paint(painter: QPainter, found: Sequence[Arrow], area: QRectF, font: QFont) -> None:
    """Draw the arrows: the curve, a head at the target, the caption at the curve's top."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    small = QFont(font)
    small.setPointSizeF(max(10.0, font.pointSizeF() * 0.75))
    small.setBold(True)
    metrics = QFontMetricsF(small)
    placed: list[QRectF] = []  # captions already down: the next one keeps clear of them
    for arrow in found:
        path = arc(arrow, area)
        if path is None:
            continue
        color, style = STYLES.get(arrow.link.style, STYLES["link"])
        if arrow.link.style != "link":  # the span offered; a candidate's two spans
            painter.setPen(QPen(color, 2.0, style))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            boxes = [arrow.target_box]
            if arrow.link.style == "candidate":
                boxes.append(arrow.source_box)
            for box in boxes:
                painter.drawRoundedRect(box.adjusted(-2, -1, 2, 1), 3, 3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(HALO, 4.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawPath(path)  # a pale edge: the line stays readable over text and colour
        painter.setPen(QPen(color, 1.6, style, Qt.PenCapStyle.RoundCap))
        painter.drawPath(path)
        end = path.currentPosition()
        _head(painter, path, end, color)
        if arrow.link.caption:
            _caption(painter, path, arrow.link.caption, small, metrics, color, placed)


def _head(painter: QPainter, path: QPainterPath, end: QPointF, color: QColor) -> None:
    """A filled head at ``end``, along the curve's last direction (down onto the span)."""
    before = path.pointAtPercent(0.97)
    dx, dy = end.x() - before.x(), end.y() - before.y()
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    ux, uy = dx / length, dy / length
    back = QPointF(end.x() - ux * HEAD, end.y() - uy * HEAD)
    side = QPointF(-uy * HEAD * 0.5, ux * HEAD * 0.5)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(color))
    painter.drawPolygon(QPolygonF([end, back + side, back - side]))


_CAPTIONS: dict[tuple[str, str, str], QPixmap] = {}  # drawn once, put down on every paint


def _caption(
    painter: QPainter,
    path: QPainterPath,
    text: str,
    font: QFont,
    metrics: QFontMetricsF,
    color: QColor,
    placed: list[QRectF],
) -> None:
    """The caption on the curve: at its top, or further along where another caption is."""
    key = (text, color.name(), font.key())
    pixmap = _CAPTIONS.get(key)
    if pixmap is None:
        pixmap = _caption_picture(painter, text, font, metrics, color)
        if len(_CAPTIONS) > 256:
            _CAPTIONS.clear()
        _CAPTIONS[key] = pixmap
    size = pixmap.deviceIndependentSize()
    box = QRectF()
    for share in CAPTION_PLACES:
        at = path.pointAtPercent(share)
        box = QRectF(at.x() - size.width() / 2, at.y() - size.height() / 2, size.width(),
                     size.height())  # fmt: skip
        if not any(box.intersects(other) for other in placed):
            break
    placed.append(box)
    painter.drawPixmap(box.topLeft(), pixmap)


def _caption_picture(
    painter: QPainter, text: str, font: QFont, metrics: QFontMetricsF, color: QColor
) -> QPixmap:
    width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
    ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
    pixmap = QPixmap(int(width * ratio) + 2, int(height * ratio) + 2)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    drawing = QPainter(pixmap)
    drawing.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    box = QRectF(0.5, 0.5, width, height)
    drawing.setPen(QPen(color, 1.0))
    drawing.setBrush(QColor(255, 255, 255, 230))
    drawing.drawRoundedRect(box, 4, 4)
    drawing.setFont(font)
    drawing.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
    drawing.end()
    return pixmap
