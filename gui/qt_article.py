"""The article view: read-only, right to left, with stored spans painted by a highlighter.

Spans are painted by `SpanHighlighter` (never stored as document formats); the current span and
find results are extra selections. Positions cross between Qt and Alama only through
`OffsetMap`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from alama.core.changes import Changes
from alama.core.labels import LabelSet
from alama.core.model import Span
from alama.core.text import TextIndex
from alama.gui.actions import article_action
from alama.gui.folds import Folds
from alama.gui.highlighter import SpanHighlighter
from alama.gui.i18n import label_name
from alama.gui.qt_offsets import OffsetMap
from alama.gui.relation_arrows import Arrow, Link, arrows, first_fragment, paint

ARTICLE_FONTS = ["Noto Naskh Arabic", "Amiri", "DejaVu Sans", "Sans Serif"]
CURRENT_ALPHA = 230
FOUND = QColor("#FFE066")
SHOWN_CHARACTERS = 80  # of a span's text in its tooltip
BYTE_ORDER_MARKS = ("\ufeff", "\ufffe")


def describe(span: Span, text: str, labels: LabelSet) -> str:
    """A span as words, for its tooltip and its accessible name: "Actor: وزير الدفاع"."""
    piece = " ".join(text[span.start : span.end].split())
    if len(piece) > SHOWN_CHARACTERS:
        piece = piece[: SHOWN_CHARACTERS - 1] + "…"
    return f"{label_name(labels, span.label)}: {piece}"


class ArticleView(QPlainTextEdit):
    """The article: select with the mouse, click a span to pick it (again to cycle nested ones)."""

    spanClicked = Signal(object)  # the Span clicked, or None
    resizeRequested = Signal(str, bool, bool)  # side ("start"/"end"), grow, by_token

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        # The plain-text layout takes the alignment literally: with Qt's default (AlignLeft)
        # every right-to-left line would start at the left edge. Lines start at the right.
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)
        self.document().setDocumentMargin(24)
        self.highlighter = SpanHighlighter(self.document())
        self.offsets = OffsetMap("")
        self.text = ""
        self.spans: list[Span] = []
        self.current: Span | None = None
        self.found: list[tuple[int, int]] = []
        self.alt_selection = False
        self.labels = LabelSet([])
        self.viewport().setMouseTracking(True)  # the span under the mouse is named on hover
        self._words = TextIndex("")  # the shown text's words, for Ctrl+arrow steps
        self.links: list[Link] = []  # drawn as arrows over the text (gui.relation_arrows)
        self.overlays: list[Callable[[QPainter], None]] = []  # more drawn over (suggestions)
        self._blocks: dict[int, int] = {}  # the block of an offset of the shown text
        self.folds = Folds(self)  # boilerplate dimmed and folded (gui.folds)
        # Scrolling moves the text's pixels; arrows with an end held at the edge are drawn anew.
        self.verticalScrollBar().valueChanged.connect(self._arrows_moved)

    # --- content ---------------------------------------------------------------------------

    def set_point_size(self, points: int) -> None:
        """The article's font size (zoom)."""
        font = QFont()
        font.setFamilies(ARTICLE_FONTS)
        font.setPointSize(points)
        self.setFont(font)
        self.document().setDefaultFont(font)

    def set_labels(self, labels: LabelSet) -> None:
        """Colours for painting."""
        self.labels = labels
        self.highlighter.set_labels(labels)

    def show_text(self, text: str, spans: list[Span], words: TextIndex | None = None) -> None:
        """Show a new article with its spans (and its words: the document's own tokens, for
        Ctrl+arrow steps); the scroll position starts at the top."""
        self.highlighter.clear()
        self.folds.reset()
        self.text = text
        if words is not None and words.text is text:
            self._words = words
        self.offsets = OffsetMap(text)
        self.current = None
        self.found = []
        self.links = []
        self._blocks = {}
        if text[:1] in BYTE_ORDER_MARKS:
            # PySide reads a leading U+FEFF (U+FFFE) of a str as a byte-order mark and drops
            # it (or swaps every byte): put it in behind another character, then take that out.
            self.setPlainText("_" + text)
            QTextCursor(self.document()).deleteChar()
        else:
            self.setPlainText(text)
        self.set_spans(spans)

    def set_spans(self, spans: list[Span]) -> None:
        """Repaint with this layer's spans."""
        self.spans = spans
        qt = self.offsets.to_qt
        self.highlighter.set_spans([(qt(s.start), qt(s.end), s.label) for s in spans])
        if self.current is not None:
            self.current = next((s for s in spans if s.id == self.current.id), None)
        self._paint_extra()

    def apply_changes(self, changes: Changes) -> None:
        """Repaint after an edit of the shown layer: only the spans it changed."""
        replaced = {span.id for span in changes.spans} | set(changes.removed)
        before = [s for s in self.spans if s.id in replaced]
        # In reading order, as the store lists them: a click on nested spans picks alike.
        self.spans = sorted(
            changes.applied_to(self.spans), key=lambda s: (s.start, -s.end, s.label)
        )
        qt = self.offsets.to_qt
        self.highlighter.change(
            [(qt(s.start), qt(s.end), s.label) for s in before],
            [(qt(s.start), qt(s.end), s.label) for s in changes.spans],
        )
        if self.current is not None and self.current.id in replaced:
            self.current = next((s for s in changes.spans if s.id == self.current.id), None)
        self._paint_extra()

    def painted(self) -> list[tuple[int, int, str]]:
        """What is painted now, as (start, end, label) in code points: for tests and checks."""
        py = self.offsets.to_py
        return sorted(
            (py(start), py(end, round_up=True), label)
            for start, end, label in self.highlighter.ranges()
        )

    # --- links between spans --------------------------------------------------------------

    def set_links(self, links: list[Link]) -> None:
        """The links to draw as arrows over the text (and the one being made, if any)."""
        if links != self.links:
            self.links = links
            self.viewport().update()

    def arrows(self) -> list[Arrow]:
        """The arrows as they lie now, in viewport pixels: for painting and for tests."""
        ranges = [(s.start, s.end) for s in self.spans]
        return arrows(self, self.offsets, self.links, ranges, self._blocks)

    def fragment(self, start: int, end: int) -> QRectF | None:
        """Where the span [start, end) is painted on the line where it starts (viewport)."""
        return first_fragment(self, self.offsets, (start, end))

    def _arrows_moved(self) -> None:
        if self.links:
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.links or self.overlays:
            painter = QPainter(self.viewport())
            for overlay in self.overlays:
                overlay(painter)
            if self.links:
                paint(painter, self.arrows(), QRectF(self.viewport().rect()), self.font())
            painter.end()

    # --- selection and current span --------------------------------------------------------

    def selection(self) -> tuple[int, int] | None:
        """The mouse or keyboard selection in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return (
            self.offsets.to_py(cursor.selectionStart()),
            self.offsets.to_py(cursor.selectionEnd(), round_up=True),
        )

    def clear_selection(self) -> None:
        """Drop the text selection, keeping the caret where it was."""
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self.alt_selection = False

    def spans_at(self, offset: int) -> list[Span]:
        """Spans containing the character at ``offset``, innermost first."""
        hits = [s for s in self.spans if s.start <= offset < s.end]
        return sorted(hits, key=lambda s: (s.end - s.start, s.start))

    def set_current(self, span: Span | None) -> None:
        """Mark one span as the one keys act on, and scroll it into view."""
        self.current = span
        self._paint_extra()
        if span is not None:
            self.scroll_to(span.start)

    def set_found(self, ranges: list[tuple[int, int]]) -> None:
        """Highlight find results."""
        self.found = ranges
        self._paint_extra()

    def select_range(self, start: int, end: int) -> None:
        """Select code points [start, end) as the mouse would, and bring them on screen."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(start))
        cursor.setPosition(self.offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()

    def scroll_to(self, offset: int) -> None:
        """Bring a character into view without selecting anything."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset))
        rect = self.cursorRect(cursor)
        if not cursor.block().isVisible() or not self.viewport().rect().contains(rect.center()):
            self.setTextCursor(cursor)
            self.centerCursor()

    def _paint_extra(self) -> None:
        extras = []
        qt = self.offsets.to_qt
        for start, end in self.found:
            extras.append(self._extra(qt(start), qt(end), FOUND, None))
        if self.current is not None:
            color = QColor(
                self.labels[self.current.label].color
                if self.current.label in self.labels
                else "#999999"
            )
            color.setAlpha(CURRENT_ALPHA)
            text_color = QColor("#000000" if color.lightness() > 140 else "#FFFFFF")
            extras.append(
                self._extra(qt(self.current.start), qt(self.current.end), color, text_color)
            )
        self.setExtraSelections(extras)

    def _extra(
        self, start: int, end: int, fill: QColor, text_color: QColor | None
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        fmt.setBackground(fill)
        if text_color is not None:
            fmt.setForeground(text_color)
        fmt.setProperty(QTextFormat.Property.FullWidthSelection, False)
        selection.format = fmt
        return selection

    # --- what the mouse is over ------------------------------------------------------------

    def offset_at(self, point: QPoint) -> int | None:
        """The code-point offset of the character drawn at ``point`` (viewport pixels), or
        None over a margin or the empty end of a line."""
        block = self.cursorForPosition(point).block()
        origin = self.blockBoundingGeometry(block).translated(self.contentOffset()).topLeft()
        local = QPointF(point) - origin
        layout = block.layout()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if line.rect().top() <= local.y() < line.rect().bottom():
                if not line.naturalTextRect().contains(local):
                    return None
                at = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                return self.offsets.to_py(block.position() + at)
        return None

    def hover_text(self, point: QPoint) -> str:
        """The spans under ``point``, innermost first, as words ("" if none)."""
        offset = self.offset_at(point)
        if offset is None:
            return ""
        return "\n".join(describe(span, self.text, self.labels) for span in self.spans_at(offset))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        # Colour is not the only sign of a label: assistive technology hears its name.
        name = self.hover_text(event.position().toPoint())
        if name != self.viewport().accessibleName():
            self.viewport().setAccessibleName(name)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            name = self.hover_text(event.pos())
            if name:
                QToolTip.showText(event.globalPos(), name, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # --- mouse and keys --------------------------------------------------------------------

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.alt_selection = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
        if self.textCursor().hasSelection():
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        offset = self.offsets.to_py(position)
        hits = self.spans_at(offset) or self.spans_at(offset - 1)
        if not hits:
            self.spanClicked.emit(None)
            return
        ids = [s.id for s in hits]
        if self.current is not None and self.current.id in ids:
            chosen = hits[(ids.index(self.current.id) + 1) % len(hits)]
        else:
            chosen = hits[0]
        self.spanClicked.emit(chosen)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # A selection made or changed with keys is snapped to words, whatever the mouse did.
        self.alt_selection = False
        # The article's own keys are declared with every other action (gui.actions).
        action = article_action(event.keyCombination())
        if action is not None and self.act(action, event.key() == Qt.Key.Key_Left):
            event.accept()
            return
        super().keyPressEvent(event)

    def act(self, action: str, left: bool) -> bool:
        """Do one of the article's own actions (``article.…`` in gui.actions) for the arrow
        pressed; False when it means nothing now (Qt's own key handling then applies)."""
        if action == "article.clear":
            self.clear_selection()
            self.spanClicked.emit(None)
            return True
        if action == "article.word_step":
            self._step_word(left, extend=False)
            return True
        if self.current is None:
            # No chosen span: Ctrl+Shift+←/→ selects word by word, the others are Qt's own.
            if action == "article.start_edge":
                self._step_word(left, extend=True)
                return True
            return False
        # The text runs right to left: the span's end is its left edge, its start the right.
        # Shift moves the left edge, Ctrl+Shift the right edge; the arrow pointing outward
        # grows the span, the one pointing inward shrinks it. Alt: by character.
        by_token = not action.endswith("_char")
        if action.startswith("article.start_edge"):
            self.resizeRequested.emit("start", not left, by_token)
        else:
            self.resizeRequested.emit("end", left, by_token)
        return True

    def _step_word(self, left: bool, extend: bool) -> None:
        """Ctrl+←/→ moves the caret a word, Ctrl+Shift+←/→ extends the selection: to the next
        word's end or the previous word's start, passing over quotes and punctuation as over
        spaces (Qt's own step stops on an opening quote). Right to left, ← reads forward."""
        if self._words.text is not self.text:
            self._words = TextIndex(self.text)
        direction = self.document().defaultTextOption().textDirection()
        forward = left == (direction == Qt.LayoutDirection.RightToLeft)
        cursor = self.textCursor()
        target = self.folds.step(self._words, self.offsets.to_py(cursor.position()), forward)
        mode = QTextCursor.MoveMode.KeepAnchor if extend else QTextCursor.MoveMode.MoveAnchor
        cursor.setPosition(self.offsets.to_qt(target), mode)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
