"""Pending suggestions in the window, keyboard first (the Suggestions menu).

While annotating one's own layer (never in review mode), the suggestions pending in the shown
document (`core.suggest_live`) are drawn as dashed outlines (`gui.suggestion_marks`) and counted
in the status bar. Tab and Shift+Tab choose the next or previous one; with one chosen, A or Enter
accepts it, X or Backspace rejects it (its string is not suggested again in this document),
Shift+A accepts every one of its label in the document; then the next one is chosen. Each is one
step of the session's undo history. The matcher learns at once from every label; the work off
the window's thread (learning the layer as stored, retraining the model, storing a gazetteer's
suggestions) is `gui.suggestion_jobs`'. Tab elsewhere than in the article moves the focus, and
while a link is being made Tab and Enter are the link's (`gui.linking` takes them first).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QToolTip

from alama.core.changes import Changes
from alama.core.suggest import Suggestion
from alama.core.suggestion_edits import AcceptSuggestion, RejectSuggestion, accept_all
from alama.gui.i18n import label_name
from alama.gui.suggestion_jobs import Host, SuggestionJobs
from alama.gui.suggestion_marks import SuggestionMarks

SOURCE_NAMES: dict[str, object] = {
    "match": QT_TRANSLATE_NOOP("Suggestions", "learned from your labels"),
    "model": QT_TRANSLATE_NOOP("Suggestions", "the model"),
    "gazetteer": QT_TRANSLATE_NOOP("Suggestions", "gazetteer"),
    "camel": QT_TRANSLATE_NOOP("Suggestions", "camel-tools"),
}
"""What the status bar calls each source of suggestions."""


def source_name(source: str) -> str:
    """A source's name in the window's language (an unknown source as it is stored)."""
    name = SOURCE_NAMES.get(source)
    return QCoreApplication.translate("Suggestions", str(name)) if name else source


SHOWN_CHARACTERS = 60  # of a suggestion's text in the status bar
LOAD_MS = 300  # the layer is learned this long after the window opened
WATCHED = frozenset(
    {
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.ToolTip,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.KeyPress,
    }
)
CHOSEN_KEYS = {
    Qt.Key.Key_Return: "accept",
    Qt.Key.Key_Enter: "accept",
    Qt.Key.Key_Backspace: "reject",
}


class Suggestions(SuggestionJobs):
    """The shown document's pending suggestions, their keys and the work that feeds them."""

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(host, parent)
        self.marks = SuggestionMarks(host.article)
        self.current: Suggestion | None = None
        self.visible = True
        self.count = QLabel()
        self.count.setToolTip(self.tr("Tab: the next suggestion; A accepts it, X rejects it"))
        host.statusBar().addPermanentWidget(self.count)
        self._advance: int | None = None  # after accepting or rejecting: choose on from here
        self._click: QPoint | None = None

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "suggestions.accept": self.accept,
            "suggestions.reject": self.reject,
            "suggestions.accept_all": self.accept_all,
            "suggestions.next": lambda: self.tab(1),
            "suggestions.previous": lambda: self.tab(-1),
            "suggestions.show": self.toggle,
            "suggestions.retrain": self.retrain,
            "suggestions.gazetteer": self.from_gazetteer,
        }

    def start(self) -> None:
        """Once the window is built: follow the edits (after the window has shown them), the
        keys and clicks in the article, and learn the layer in a moment."""
        host = self.host
        host.session.changed.connect(self._on_changes)
        host.article.installEventFilter(self)
        host.article.viewport().installEventFilter(self)
        host.article.spanClicked.connect(self._span_clicked)
        host.action_set["suggestions.show"].setChecked(self.visible)
        QTimer.singleShot(LOAD_MS, self, self.load)

    # --- what is shown -----------------------------------------------------------------------

    def active(self) -> bool:
        """Whether suggestions are shown: annotating (not reviewing), shown, a document open."""
        host = self.host
        return self.visible and not host.session.reviewing and host.doc is not None

    def show_document(self, doc: int) -> None:
        """A document was opened (or the mode changed): its pending suggestions."""
        self.current = None
        self.marks.reset()
        self.refresh()

    def refresh(self) -> None:
        """Compute the pending list again; the chosen one stays chosen while it is pending."""
        host = self.host
        if not self.active() or host.doc is None:
            self.pending = []
        else:
            store = host.session.store
            self.pending = self.live.pending_for(
                store, host.doc, host.article.text, host.article.spans
            )
        if self.current is not None and self.current not in self.pending:
            self.current = None
            self.host.say("", 1)  # its words go with it
        if self._advance is not None:
            after = [s for s in self.pending if s.start >= self._advance]
            self._advance = None
            following = after or self.pending
            self.choose(following[0] if following else None)
            return
        self._show()

    def _show(self) -> None:
        self.marks.show(self.pending, self.current)
        count = len(self.pending)
        self.count.setVisible(self.active())
        self.count.setText(self.tr("%n suggestion(s) pending", "", count))

    def choose(self, suggestion: Suggestion | None) -> None:
        """Make a suggestion the one the keys act on (no span is chosen then)."""
        if suggestion is None and self.current is not None:
            self.host.say("", 1)  # its words go with it
        self.current = suggestion
        if suggestion is not None:
            if self.host.article.current is not None:
                self.host.mode.pick(None)
            self.host.links.drop_choice()
            self.host.article.scroll_to(suggestion.start)
            self.host.say(self.describe(suggestion), 0)
        self._show()

    def describe(self, suggestion: Suggestion) -> str:
        """The status bar's words for a chosen suggestion, with its keys."""
        text = " ".join(self.host.article.text[suggestion.start : suggestion.end].split())
        if len(text) > SHOWN_CHARACTERS:
            text = text[: SHOWN_CHARACTERS - 1] + "…"
        return (
            self.tr("Suggested %1 «%2» (%3, %4%): A or Enter accepts, X or Backspace rejects")
            .replace("%1", label_name(self.host.labels, suggestion.label))
            .replace("%2", text)
            .replace("%3", source_name(suggestion.source))
            .replace("%4", str(round(suggestion.score * 100)))
        )

    def at(self, offset: int) -> list[Suggestion]:
        """The pending suggestions holding the character at ``offset``, innermost first."""
        found = [s for s in self.pending if s.start <= offset < s.end]
        return sorted(found, key=lambda s: (s.end - s.start, s.start))

    # --- keys ---------------------------------------------------------------------------------

    def tab(self, by: int) -> None:
        """Tab / Shift+Tab: in the article, the next (previous) suggestion; elsewhere (the
        search field, the list) the focus moves on, as Tab always did there."""
        focus = QApplication.focusWidget()
        if focus is None or focus is self.host.article or not self.host.isAncestorOf(focus):
            self.step(by)
        else:
            self.host.focusNextPrevChild(by > 0)

    def step(self, by: int) -> None:
        """Tab / Shift+Tab: the next (previous) pending suggestion, from the chosen one or from
        the caret, going round."""
        if not self.active():
            return
        if not self.pending:
            self.host.say(self.tr("No suggestion pending in this document."))
            return
        if self.current is not None:
            at = self.pending.index(self.current)
            self.choose(self.pending[(at + by) % len(self.pending)])
            return
        article = self.host.article
        caret = article.offsets.to_py(article.textCursor().position())
        if by > 0:
            after = [s for s in self.pending if s.start >= caret]
            self.choose((after or self.pending)[0])
        else:
            before = [s for s in self.pending if s.start < caret]
            self.choose((before or self.pending)[-1])

    def _chosen(self) -> Suggestion | None:
        if self.current is None and self.active():
            self.host.say(self.tr("Choose a suggestion first (Tab)."))
        return self.current if self.active() else None

    def accept(self) -> None:
        """A or Enter: the chosen suggestion becomes a span (origin ``suggested:SOURCE``)."""
        session, chosen = self.host.session, self._chosen()
        if chosen is None or not session.accepts_actions():
            return
        self._advance = chosen.start
        name = session.name(chosen.label)
        session.push(
            AcceptSuggestion(session.annotator, chosen),
            self.tr("Accept suggestion %1").replace("%1", name),
        )

    def reject(self) -> None:
        """X or Backspace: the chosen suggestion's string is not suggested again here."""
        session, chosen = self.host.session, self._chosen()
        if chosen is None or not session.accepts_actions():
            return
        self._advance = chosen.start
        name = session.name(chosen.label)
        session.push(
            RejectSuggestion(session.annotator, chosen, self.host.article.text),
            self.tr("Reject suggestion %1").replace("%1", name),
        )

    def accept_all(self) -> None:
        """Shift+A: every pending suggestion of the chosen one's label, as one step."""
        session, chosen = self.host.session, self._chosen()
        if chosen is None or not session.accepts_actions():
            return
        edit = accept_all(session.annotator, self.pending, chosen.label)
        if edit is None:
            return
        count = sum(s.label == chosen.label for s in self.pending)
        self._advance = 0
        session.push(edit, self.tr("Accept %n suggestion(s)", "", count))

    def toggle(self) -> None:
        """Show or hide the suggestions."""
        self.visible = not self.visible
        self.host.action_set["suggestions.show"].setChecked(self.visible)
        self.current = None
        self.refresh()

    # --- edits, clicks and keys in the article ---------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        """After an edit (or its undo): learn from it at once, and show what is pending now."""
        if changes.layer != self.live.annotator:
            return
        learned = self.live.observe(changes, self._text_of)
        if learned:
            self.learned()
        if changes.doc == self.host.doc and (learned or changes.suggestions or changes.removed):
            self.refresh()
        else:
            self._advance = None

    def reread(self) -> None:
        """Another program changed the project: stored suggestions are read again, and the
        layer is learned again off the window's thread."""
        self.live.forget_stored()
        self.refresh()
        if "learn" not in self.jobs and self.live.ready:
            self.live.relearn()
            self.load()

    def _span_clicked(self, span: object) -> None:
        """A click in the article: on a span, that span is chosen (no suggestion); elsewhere,
        the suggestion clicked (if any) is."""
        if span is not None or self._click is None or not self.active():
            if self.current is not None:
                self.choose(None)
            return
        offset = self.host.article.offset_at(self._click)
        found = self.at(offset) if offset is not None else []
        self.choose(found[0] if found else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter and Backspace with a suggestion chosen (not while linking); a click's place;
        the tooltip over a suggestion."""
        kind = event.type()
        if kind not in WATCHED:  # (nor while the window is taken down)
            return False
        if kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._click = event.position().toPoint()
            return False
        if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            return self._tooltip(event)
        if self.current is None or self.host.links.linking is not None:
            return False
        if not isinstance(event, QKeyEvent) or event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            return False
        what = CHOSEN_KEYS.get(Qt.Key(event.key()))
        if what is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if what == "accept":
            self.accept()
        else:
            self.reject()
        return True

    def _tooltip(self, event: QHelpEvent) -> bool:
        article = self.host.article
        offset = article.offset_at(event.pos())
        found = self.at(offset) if offset is not None else []
        if not found:
            return False
        lines = [article.hover_text(event.pos())] if article.spans_at(offset or 0) else []
        for suggestion in found:
            lines.append(self.describe(suggestion))
        QToolTip.showText(event.globalPos(), "\n".join(lines), article.viewport())
        return True
