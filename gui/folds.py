"""Boilerplate in the article: dimmed, and folded to one short line that opens on a click.

A region of whole lines is folded: its first line is drawn in a tiny transparent font with a
short note painted over it ("⋯ Repeated site text (3 lines) — click to show"), and the lines
after it are hidden blocks. Nothing in the document's text changes, so Qt positions and the
`OffsetMap` stay what they were: a selection after a fold is the same stored offsets. A region
inside a line (a site's name after the headline) is only dimmed. A click on the note, Enter
with the caret on it, or the caret going inside (a span there chosen) shows the region
(dimmed); the next document folds again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QTextBlock

from alama.core.regions import Region, merged
from alama.core.text import TextIndex

if TYPE_CHECKING:
    from alama.gui.qt_article import ArticleView

DIM = QColor("#8A8A8A")
NOTE_FILL = QColor("#EEEEEE")


@dataclass
class Fold:
    """Whole lines of boilerplate shown as one note: stored offsets, lines, and whether shut."""

    start: int
    end: int
    lines: int
    shut: bool = True


class Folds(QObject):
    """The article's regions: dimmed ranges and folds (see the module's docstring)."""

    def note(self, lines: int) -> str:
        """The folded region's line."""
        return self.tr("⋯ Repeated site text (%n line(s)) — click to show", "", lines)

    def __init__(self, view: ArticleView) -> None:
        super().__init__(view)
        self.view = view
        self.regions: list[Region] = []
        self.folds: list[Fold] = []
        view.overlays.append(self._paint)
        self._viewport = view.viewport()
        self._viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.cursorPositionChanged.connect(self._caret_moved)

    def reset(self) -> None:
        """A new text is shown: no regions until `show` gives them."""
        self.regions, self.folds = [], []
        self.view.highlighter.set_dimmed([], set())

    def show(self, regions: Sequence[Region], fold: bool = True) -> None:
        """Dim these regions of the shown text, folding the whole-line ones (``fold``)."""
        text = self.view.text
        self.regions = sorted(regions)
        self.folds = []
        for start, end in merged((r.start, r.end) for r in self.regions):
            whole = (start == 0 or text[start - 1] == "\n") and (
                end == len(text) or text[end - 1] == "\n"
            )
            if whole and text[start:end].strip():
                lines = sum(1 for line in text[start:end].split("\n") if line.strip())
                self.folds.append(Fold(start, end, lines, fold))
        self._apply()

    def shut(self) -> list[Fold]:
        """The folds shut now."""
        return [f for f in self.folds if f.shut]

    def open(self, fold: Fold) -> None:
        """Show a folded region (dimmed)."""
        fold.shut = False
        self._apply()

    def _caret_moved(self) -> None:
        """The caret went into a folded region (a span there chosen, a key moving into it):
        the region is shown."""
        at = self.view.offsets.to_py(self.view.textCursor().position())
        for fold in self.shut():
            if fold.start < at < fold.end:
                self.open(fold)

    def _blocks(self, fold: Fold) -> list[QTextBlock]:
        qt = self.view.offsets.to_qt
        document = self.view.document()
        first = document.findBlock(qt(fold.start))
        last = document.findBlock(qt(fold.end) - 1).blockNumber()
        blocks = []
        while first.isValid() and first.blockNumber() <= last:
            blocks.append(first)
            first = first.next()
        return blocks

    def _apply(self) -> None:
        qt = self.view.offsets.to_qt
        heads: set[int] = set()
        document = self.view.document()
        for fold in self.folds:
            blocks = self._blocks(fold)
            if fold.shut and blocks:
                heads.add(blocks[0].blockNumber())
            for block in blocks[1:]:
                if block.isVisible() == fold.shut:
                    block.setVisible(not fold.shut)
                    document.markContentsDirty(block.position(), block.length())
        self.view.highlighter.set_dimmed([(qt(r.start), qt(r.end)) for r in self.regions], heads)
        self.view.viewport().update()

    def note_rect(self, fold: Fold) -> QRectF | None:
        """Where a shut fold's note is drawn (viewport pixels)."""
        blocks = self._blocks(fold)
        if not fold.shut or not blocks:
            return None
        view = self.view
        rect = view.blockBoundingGeometry(blocks[0]).translated(view.contentOffset())
        return QRectF(rect.left(), rect.top(), view.viewport().width(), rect.height())

    def _paint(self, painter: QPainter) -> None:
        margin = self.view.document().documentMargin()
        painter.save()
        painter.setFont(self.view.font())
        for fold in self.shut():
            rect = self.note_rect(fold)
            if rect is None or not rect.intersects(QRectF(self.view.viewport().rect())):
                continue
            inner = rect.adjusted(margin, 1, -margin, -1)
            painter.fillRect(inner, NOTE_FILL)
            painter.setPen(DIM)
            painter.drawText(
                inner.adjusted(6, 0, -6, 0),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight),
                self.note(fold.lines),
            )
        painter.restore()

    def fold_at(self, point: QPoint) -> Fold | None:
        """The shut fold whose note is at ``point`` (viewport pixels)."""
        for fold in self.shut():
            rect = self.note_rect(fold)
            if rect is not None and rect.contains(point.toPointF()):
                return fold
        return None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonPress
            and watched is self._viewport
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
        ):
            fold = self.fold_at(event.position().toPoint())
            if fold is not None:
                self.open(fold)
                return True
        if (
            event.type() == QEvent.Type.KeyPress
            and watched is self.view
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            at = self.view.offsets.to_py(self.view.textCursor().position())
            fold = next((f for f in self.shut() if f.start <= at < f.end), None)
            if fold is not None:
                self.open(fold)
                return True
        return False

    # --- moving by word --------------------------------------------------------------------

    def step(self, words: TextIndex, offset: int, forward: bool) -> int:
        """A word step from ``offset`` that passes over every region: it lands on the first
        word edge outside them (or where it would have landed, when none is left)."""
        cover = merged((r.start, r.end) for r in self.regions)
        target = words.word_step(offset, forward)
        for _ in range(len(cover) + 1):
            inside = next(
                (c for c in cover if (c[0] < target <= c[1] if forward else c[0] <= target < c[1])),
                None,
            )
            if inside is None:
                return target
            edge = inside[1] if forward else inside[0]
            following = words.word_step(edge, forward)
            if following in (target, edge):
                return target
            target = following
        return target
