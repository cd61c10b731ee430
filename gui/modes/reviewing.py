"""Reviewing: the annotators' finished layers side by side as candidates, decided into gold."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from alama.core.changes import Changes
from alama.core.model import GOLD_ANNOTATOR, Span
from alama.core.review import Candidate, DocumentReview, Key
from alama.gui.actions import Mode as ActionsMode
from alama.gui.modes.base import Host, Mode
from alama.gui.qt_review import ReviewPanel


class Reviewing(Mode):
    """The gold layer, built by accepting and rejecting candidates; F8 goes from one open
    disagreement to the next, across documents."""

    actions_mode: ActionsMode = "review"
    candidateShown = Signal()  # a candidate span was chosen (Enter and Delete now decide it)

    def __init__(self, host: Host) -> None:
        super().__init__(host)
        self.review_panel = ReviewPanel()
        self.review_panel.candidateChosen.connect(self._on_candidate)
        self.review_panel.acceptRequested.connect(self.accept_current)
        self.review_panel.rejectRequested.connect(self.delete_current)
        self.review_panel.acceptAgreedRequested.connect(self.accept_agreed)
        self.review_panel.nextRequested.connect(lambda: self.next_disagreement(1))

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "review.accept": self.accept_current,
            "review.accept_agreed": self.accept_agreed,
            "review.next_disagreement": lambda: self.next_disagreement(1),
            "review.previous_disagreement": lambda: self.next_disagreement(-1),
        }

    @property
    def panel(self) -> QWidget:
        return self.review_panel

    @property
    def candidate(self) -> Candidate | None:
        """The chosen candidate (the review panel's current row)."""
        return self.review_panel.current

    def show_document(self, doc: int) -> None:
        self.review_panel.current = None
        self._show_review(doc)

    def update(self, changes: Changes) -> None:
        # An annotator's layer changed (an undo from before the switch): finished layers count.
        if changes.candidates or changes.layer != GOLD_ANNOTATOR:
            self._show_review(changes.doc)

    def _show_review(self, doc: int) -> None:
        review = self.host.session.review(doc)
        self.review_panel.show_review(self.host.article.text, review, self.host.labels)

    def pick(self, span: Span | None) -> None:
        article = self.host.article
        article.set_current(span)
        candidate = self.review().find(span.key) if span is not None else None
        self.review_panel.select(candidate)
        article.set_found([(span.start, span.end)] if span else [])

    def follow(self, changes: Changes) -> None:
        """A rejection, or an undone accept, leaves no gold span chosen: its candidate stays
        chosen, so that Enter or Delete decide it again."""
        if changes.current is None and changes.key is not None:
            candidate = self.review().find(changes.key)
            if candidate is not None:
                self._choose(candidate)
                return
        self.pick(changes.current)

    def label_other(self, key: str) -> bool:
        """A label key on a chosen candidate: accept it under this label."""
        candidate, doc = self.candidate, self.host.doc
        if candidate is None or doc is None:
            return False
        # It stays chosen (unlike Enter, which goes on): a wrong key is put right by the next.
        self.host.session.accept(doc, (candidate.start, candidate.end, key))
        return True

    def delete_current(self) -> None:
        """Reject the chosen candidate (then go on to the next open one), or the chosen span."""
        session, doc = self.host.session, self.host.doc
        if not session.accepts_actions():
            return
        if self.candidate is not None and doc is not None:
            key = self.candidate.key
            session.reject(doc, key)
            self._advance(key)
        elif self.host.article.current is not None:
            session.delete(self.host.article.current)

    def accept_current(self) -> None:
        """Enter: put the chosen candidate into gold, then go on to the next open one."""
        doc, candidate = self.host.doc, self.candidate
        if doc is None:
            return
        if candidate is None:
            self.host.say(
                self.tr("Choose a span in the review list first (F8 finds the next)."), 4000
            )
            return
        if not self.host.session.accepts_actions():
            return
        self.host.session.accept(doc, candidate.key, candidate.annotators or None)
        self._advance(candidate.key)

    def accept_agreed(self) -> None:
        """Shift+Enter: accept every open span all finished annotators agree on."""
        doc = self.host.doc
        if doc is None or not self.host.session.accepts_actions():
            return
        count = self.host.session.accept_agreed(doc)
        said = self.tr("%n agreed span(s) accepted into gold.", "", count)
        if self.host.session.agreed_links:
            links = self.host.session.agreed_links
            said += " " + self.tr("Agreed links accepted: %n.", "", links)
        self.host.say(said, 5000)

    def next_disagreement(self, step: int) -> None:
        """F8 / Shift+F8: the next (previous) open disagreement, in later (earlier) documents
        too, going round the list once; "none left" only when there is none in it."""
        host = self.host
        if host.doc is None:
            return
        at = self.candidate.key if self.candidate else None
        found = self.review().next_open(at, step, disputed=True)
        if found is not None:
            self._choose(found)
            return
        for doc, went_round in host.navigator.round_from(host.doc, step):
            # back at this document after going round: its disagreements on the other side
            review = self.review() if doc == host.doc else host.session.review(doc)
            found = review.next_open(None, step, disputed=True)
            if found is None:
                continue
            if doc != host.doc:
                host.open_document(doc)
            self._choose(found)
            if found.key == at:
                host.say(self.tr("This is the only open disagreement left."), 5000)
            elif went_round:
                host.say(host.navigator.went_round(step), 5000)
            return
        host.say(
            self.tr("No open disagreement left in the documents listed (a filter hides others).")
            if host.navigator.filtered()
            else self.tr("All done: every disagreement in the project is decided."),
            5000,
        )

    def _advance(self, at: Key) -> None:
        """After a decision on ``at``: the next open candidate in the table's order, going on
        from the top after the last row; ``at`` stays chosen when nothing is open."""
        if self.host.doc is None:
            return
        review = self.review()
        found = review.next_open(at, wrap=True)
        self._choose(found or review.find(at))
        if found is None:
            self.host.say(
                self.tr("Nothing open left in this document: Ctrl+Enter marks it reviewed."), 5000
            )

    def review(self) -> DocumentReview:
        """The open document's review: the one the panel shows, refreshed after every edit."""
        shown = self.review_panel.review
        doc = self.host.doc
        assert doc is not None
        if shown is not None and shown.doc == doc:
            return shown
        return self.host.session.review(doc)

    def _choose(self, candidate: Candidate | None) -> None:
        self.review_panel.select(candidate)
        self._on_candidate(candidate)

    def _on_candidate(self, candidate: Candidate | None) -> None:
        """Show the chosen candidate in the text; its gold span (if any) is the current span."""
        article = self.host.article
        if candidate is not None:
            self.candidateShown.emit()
        if candidate is None:
            article.set_found([])
            article.set_current(None)
            return
        article.set_found([(candidate.start, candidate.end)])
        gold = next((s for s in article.spans if s.key == candidate.key), None)
        article.set_current(gold)
        if gold is None:
            article.scroll_to(candidate.start)

    def spans_title(self, count: int) -> str:
        return self.tr("Gold spans in this article: %1").replace("%1", str(count))

    def who(self, name: str) -> str:
        return self.tr("Reviewing as %1: the gold layer").replace("%1", name)

    def window_title(self, title: str, name: str) -> str:
        role = self.tr("review")
        return f"{title} — {name} ({role})"

    def progress(self, done: int, total: int) -> str:
        return self.tr("%1 / %2 reviewed").replace("%1", str(done)).replace("%2", str(total))

    def elsewhere(self, step: str, layer: str) -> str:
        return (
            self.tr("%1: in %2's layer (shown when annotating).")
            .replace("%1", step)
            .replace("%2", layer)
        )

    def nothing_left(self, outside: int) -> str:
        if outside:
            return self.tr(
                "Every document in this list is reviewed; still to review outside it: %n.",
                "",
                outside,
            )
        return self.tr("All done: every document is reviewed.")
