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
    QPolygonF,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit

from alama.gui.qt_offsets import OffsetMap

Range = tuple[int, int]  # code points [start, end)

NEST_STEP = 3.0  # pixels lower per level of nesting
RISE = (14.0, 46.0)  # how far an arc rises above its higher end (least, most)
HEAD = 7.0  # arrowhead length
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


def first_fragment(view: QPlainTextEdit, offsets: OffsetMap, span: Range) -> QRectF | None:
    """The rectangle, in viewport pixels, that a span's highlight covers on the line where the
    span starts (None for an empty span or a position outside the text)."""
    document = view.document()
    start, end = offsets.to_qt(span[0]), offsets.to_qt(span[1])
    if end <= start or end > document.characterCount():
        return None
    block = document.findBlock(start)
    layout = block.layout() if block.isValid() else None
    if layout is None:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    caret = view.cursorRect(cursor)  # lays the block out; its line, in viewport pixels
    local = start - block.position()
    line = layout.lineForTextPosition(local)
    if not line.isValid():
        return None
    stop = min(end - block.position(), line.textStart() + line.textLength())
    x1, x2 = _x(line, local), _x(line, stop)
    shift = caret.x() - x1
    return QRectF(shift + min(x1, x2), caret.top(), abs(x2 - x1), line.height())


def _x(line: QTextLine, position: int) -> float:
    """Where a position lies on a line (PySide6 gives back the position with the x)."""
    found: object = line.cursorToX(position)
    if isinstance(found, tuple):
        found = found[0]
    assert isinstance(found, float | int)
    return float(found)


def nesting(span: Range, spans: Sequence[Range]) -> int:
    """How many other spans of the layer hold ``span`` (0: none)."""
    return sum(
        1 for other in spans if other != span and other[0] <= span[0] and span[1] <= other[1]
    )


def anchor(box: QRectF, level: int) -> QPointF:
    """Where an arrow meets a fragment: the middle of its top edge, lower by nesting level
    (never below the fragment's middle)."""
    return QPointF(box.center().x(), box.top() + min(level * NEST_STEP, box.height() / 2))


def arrows(
    view: QPlainTextEdit, offsets: OffsetMap, links: Sequence[Link], spans: Sequence[Range]
) -> list[Arrow]:
    """The arrows of ``links`` as they lie now (scrolled as the view is); ``spans`` are the
    layer's span ranges, for nesting. A link with an end outside the text is left out."""
    found: list[Arrow] = []
    boxes: dict[Range, QRectF | None] = {}
    for link in links:
        for span in (link.source, link.target):
            if span not in boxes:
                boxes[span] = first_fragment(view, offsets, span)
        source, target = boxes[link.source], boxes[link.target]
        if source is None or target is None:
            continue
        start = anchor(source, nesting(link.source, spans))
        end = anchor(target, nesting(link.target, spans))
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
    small.setPointSizeF(max(7.0, font.pointSizeF() * 0.55))
    metrics = QFontMetricsF(small)
    for arrow in found:
        path = arc(arrow, area)
        if path is None:
            continue
        color, style = STYLES.get(arrow.link.style, STYLES["link"])
        if arrow.link.style == "pending":
            painter.setPen(QPen(color, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(arrow.target_box.adjusted(-2, -1, 2, 1), 3, 3)
        painter.setPen(QPen(color, 1.6, style, Qt.PenCapStyle.RoundCap))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        end = path.currentPosition()
        _head(painter, path, end, color)
        if arrow.link.caption:
            _caption(painter, path.pointAtPercent(0.5), arrow.link.caption, small, metrics, color)


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


def _caption(
    painter: QPainter,
    at: QPointF,
    text: str,
    font: QFont,
    metrics: QFontMetricsF,
    color: QColor,
) -> None:
    width, height = metrics.horizontalAdvance(text) + 8, metrics.height() + 2
    box = QRectF(at.x() - width / 2, at.y() - height / 2, width, height)
    painter.setPen(QPen(color, 1.0))
    painter.setBrush(QColor(255, 255, 255, 225))
    painter.drawRoundedRect(box, 4, 4)
    painter.setFont(font)
    painter.setPen(color)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
