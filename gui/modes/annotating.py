"""Annotating: a person labels their own layer; the panel lists their spans."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from alama.core.changes import Changes
from alama.core.model import Span
from alama.gui.actions import Mode as ActionsMode
from alama.gui.modes.base import Host, Mode
from alama.gui.qt_panels import SpanList


class Annotating(Mode):
    """The annotator's own layer: label, relabel, resize, delete."""

    actions_mode: ActionsMode = "annotate"

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.span_list = SpanList()
        self.span_list.spanChosen.connect(self.pick)

    @property
    def panel(self) -> QWidget:
        return self.span_list

    def show_document(self, doc: int) -> None:
        article = self.host.article
        self.span_list.show_spans(article.text, article.spans, self.host.labels, article.current)

    def update(self, changes: Changes) -> None:
        # The row to select follows at once (the window picks the edit's current span).
        article = self.host.article
        self.span_list.spans.set_spans(article.text, article.spans, self.host.labels)

    def pick(self, span: Span | None) -> None:
        self.host.article.set_current(span)
        self.span_list.select(span)

    def delete_current(self) -> None:
        """Delete the chosen span."""
        current = self.host.article.current
        if current is not None and self.host.session.accepts_actions():
            self.host.session.delete(current)

    def spans_title(self, count: int) -> str:
        return self.tr("Spans in this article: %1").replace("%1", str(count))

    def who(self, name: str) -> str:
        return self.tr("Annotator: %1").replace("%1", name)

    def window_title(self, title: str, name: str) -> str:
        return f"{title} — {name}"

    def progress(self, done: int, total: int) -> str:
        return self.tr("%1 / %2 done").replace("%1", str(done)).replace("%2", str(total))

    def elsewhere(self, step: str, layer: str) -> str:
        return self.tr("%1: in the gold layer (review mode shows it).").replace("%1", step)

    def nothing_left(self, outside: int) -> str:
        if outside:
            return self.tr(
                "Every document in this list is done; still to do outside it: %n.", "", outside
            )
        return self.tr("All done: every document is marked done.")
