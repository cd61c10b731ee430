"""Links in the window, keyboard first: link the chosen claim to its speaker, change a link's
stance or quote, go from link to link (L), unlink; the arrows and the links list follow every
edit. With a claim chosen, its relation type's key (R for ``said_by``) starts a link: the spans
it may link to are offered nearest first, Tab and Shift+Tab go through them (outlined, with a
dashed arrow), Enter links, Esc cancels. Every edit goes through the session's undo history.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel

from alama.core.changes import Changes
from alama.core.labels import LabelSet
from alama.core.model import Relation, Span
from alama.gui.i18n import label_name, language
from alama.gui.link_targets import LINKING_KEYS, Linking, link_targets, reading_order
from alama.gui.qt_article import ArticleView
from alama.gui.qt_relation_review import Offered, offered
from alama.gui.qt_relations import RelationsPanel, Row, attributes_text, caption, piece
from alama.gui.relation_arrows import Link
from alama.gui.session import Session


class Host(Protocol):
    """The window as the links see it."""

    session: Session
    article: ArticleView
    labels: LabelSet
    doc: int | None

    def say(self, text: str, ms: int = 5000) -> None: ...


class Links(QObject):
    """The open document's links of the shown layer: arrows, panel, keys."""

    def __init__(
        self,
        host: Host,
        panel: RelationsPanel,
        title: QLabel,
        choose: Callable[[Span | None], None],
    ) -> None:
        super().__init__()
        self.host, self.panel, self.title, self.choose = host, panel, title, choose
        # A project without relation types has no links to list.
        for widget in (panel, title):
            widget.setVisible(bool(host.labels.relations))
        panel.fit(host.labels)
        self.relations: list[Relation] = []
        self.chosen: str | None = None  # the id of the link chosen in the panel
        self.linking: Linking | None = None
        self.offered: dict[str, Offered] = {}  # review mode's candidates, by row id
        self.entries: list[tuple[Row, Link | None]] = []  # what is listed and drawn
        self._made: dict[str, tuple[object, Row, Link]] = {}  # by link id, with what it shows
        panel.linkChosen.connect(self.choose_link)
        host.article.installEventFilter(self)

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "links.next": lambda: self.step_link(1),
            "links.previous": lambda: self.step_link(-1),
            "links.stance": lambda: self.cycle("stance"),
            "links.quote": lambda: self.cycle("quote"),
            "links.unlink": self._unlink_key,
        }

    def _unlink_key(self) -> None:
        """Edit ▸ Unlink: the chosen link, or a word on how to choose one."""
        if not self.unlink_chosen():
            self.host.say(self.tr("Choose a link first (L, or the links list)."))

    # --- what is shown -----------------------------------------------------------------------

    def show_document(self, doc: int) -> None:
        """A document was opened: its links of the shown layer."""
        self.cancel(quiet=True)
        self.chosen = None
        self.relations = self.host.session.relations(doc)
        self._offer(doc)
        self.refresh()

    def reread(self, doc: int) -> None:
        """Another program changed the project: the links read again, the chosen one kept."""
        chosen = self.chosen
        self.relations = self.host.session.relations(doc)
        self._offer(doc)
        self.chosen = chosen
        self.refresh()

    def update(self, changes: Changes) -> None:
        """An edit of the shown document and layer: its links (and spans) as they now are."""
        if changes.relations or changes.relations_removed:
            self.relations = changes.relations_applied_to(self.relations)
        # A span decided in review leaves the candidate links as they were; a link decided (or
        # a candidate rejected, which changes no row of gold) asks for them again.
        decided = changes.candidates and not (changes.spans or changes.removed)
        if changes.relations or changes.relations_removed or (decided and self.offered):
            self._offer(changes.doc)
        if self.linking is not None and changes.removed:
            self.cancel()
        self.refresh()

    def _offer(self, doc: int) -> None:
        """In review mode, the finished annotators' links gold has not got (else none)."""
        self.offered = {}
        if self.host.session.reviewing:
            found = offered(self.host.session.store, doc, self.host.article.text, self.host.labels)
            self.offered = {item.row.id: item for item in found}

    def refresh(self) -> None:
        """Draw the arrows and list the rows again from the links and spans known now (each
        link's row and arrow made again only when it or one of its spans changed)."""
        article, labels = self.host.article, self.host.labels
        lang = language()
        spans = {span.id: span for span in article.spans}
        made: dict[str, tuple[object, Row, Link]] = {}
        entries: list[tuple[Row, Link | None]] = []
        for relation in sorted(self.relations, key=lambda r: reading_order(r, spans)):
            source, target = spans.get(relation.source), spans.get(relation.target)
            if source is None or target is None:
                continue
            stamp = (relation, source, target, lang)
            known = self._made.get(relation.id)
            if known is None or known[0] != stamp:
                row = Row(relation.id, piece(article.text, source), piece(article.text, target),
                          attributes_text(labels, relation, lang), relation)  # fmt: skip
                link = Link(relation.id, (source.start, source.end), (target.start, target.end),
                            caption(labels, relation, lang))  # fmt: skip
                known = (stamp, row, link)
            made[relation.id] = known
            entries.append(known[1:])
        self._made = made
        self.entries = entries + [(item.row, item.link) for item in self.offered.values()]
        ids = {row.id for row, _ in self.entries}
        if self.chosen is not None and self.chosen not in ids:
            self.chosen = None
        self._draw()
        self.panel.show_rows([row for row, _ in self.entries], self.chosen)
        self.title.setText(self.tr("Links in this article: %1").replace("%1", str(len(ids))))

    def _draw(self) -> None:
        """The arrows, and the one being made (if any)."""
        # Candidates (review mode) are drawn one at a time, the chosen one, as spans are.
        links = [
            link
            for row, link in self.entries
            if link is not None and (not row.candidate or row.id == self.chosen)
        ]
        if self.linking is not None:
            source, target = self.linking.source, self.linking.target
            links.append(
                Link("", (source.start, source.end), (target.start, target.end), "", "pending")
            )
        self.host.article.set_links(links)

    # --- choosing ------------------------------------------------------------------------------

    def choose_link(self, link_id: str) -> None:
        """A row of the panel: that link is chosen, its claim too, brought into view."""
        self.cancel(quiet=True)
        self.chosen = link_id
        relation = self.relation(link_id)
        if relation is not None:
            self.choose(self._span(relation.source))
        elif link_id in self.offered:
            source = self.offered[link_id].candidate.key[0]
            gold = next((s for s in self.host.article.spans if s.key == source), None)
            self.choose(gold)
            self.chosen = link_id  # choosing its span does not unchoose it
            if gold is None:
                self.host.article.set_found([source[:2]])
                self.host.article.scroll_to(source[0])
        self.panel.select(link_id)
        self._draw()

    def step_link(self, by: int) -> None:
        """L / Shift+L: the next (previous) link of the list, going round; its claim chosen and
        brought into view, so that Delete unlinks it (in review: Enter accepts, Delete rejects)."""
        ids = [row.id for row, _ in self.entries]
        if not ids:
            self.host.say(self.tr("No link in this article yet."))
            return
        at = ids.index(self.chosen) if self.chosen in ids else (-1 if by > 0 else 0)
        self.choose_link(ids[(at + by) % len(ids)])

    def drop_choice(self) -> None:
        """Something else was chosen for the keys to act on: no link is chosen."""
        if self.chosen is not None:
            self.chosen = None
            self.panel.select(None)
            self._draw()

    def span_picked(self, span: Span | None) -> None:
        """A span was chosen in the article: the chosen link stays only if it is that span's."""
        relation = self.relation(self.chosen) if self.chosen else None
        item = self.offered.get(self.chosen) if self.chosen else None
        if span is not None and item is not None and span.key in item.candidate.key[:2]:
            return
        if relation is None or span is None or span.id not in (relation.source, relation.target):
            self.drop_choice()

    def relation(self, link_id: str | None) -> Relation | None:
        return next((r for r in self.relations if r.id == link_id), None)

    def current(self) -> Relation | None:
        """The link keys act on: the one chosen in the panel, else the chosen span's first."""
        chosen = self.relation(self.chosen)
        if chosen is not None:
            return chosen
        span = self.host.article.current
        if span is None:
            return None
        spans = {s.id: s for s in self.host.article.spans}
        mine = [r for r in self.relations if span.id in (r.source, r.target)]
        mine.sort(key=lambda r: (r.source != span.id, reading_order(r, spans)))
        return mine[0] if mine else None

    def _span(self, span_id: str) -> Span | None:
        return next((s for s in self.host.article.spans if s.id == span_id), None)

    # --- edits ---------------------------------------------------------------------------------

    def cycle(self, key: str) -> None:
        """S: the next stance of the link; Q: direct or indirect quote."""
        relation = self.current()
        if relation is None:
            self.host.say(self.tr("Choose a linked claim first (or a row of the links list)."))
            return
        kind = self.host.labels.relation(relation.type)
        attribute = kind.attribute(key) if kind is not None else None
        if attribute is None or not attribute.values:
            self.host.say(self.tr("This link has no such choice."))
            return
        now = relation.attrs.get(key, attribute.values[0])
        at = attribute.values.index(now) if now in attribute.values else -1
        value = attribute.values[(at + 1) % len(attribute.values)]
        self.chosen = relation.id
        self.host.session.set_attribute(relation, key, value)
        after = tuple(sorted({**relation.attrs, key: value}.items()))
        self.host.say(attributes_text(self.host.labels, replace(relation, attributes=after)))

    def unlink_chosen(self) -> bool:
        """Delete with a link chosen in the panel: unlink it (True), else nothing (False). In
        review mode, a candidate is rejected, and so is a gold link (taken out of gold, and
        remembered as rejected); the next open candidate is chosen."""
        session, doc = self.host.session, self.host.doc
        relation = self.relation(self.chosen)
        item = self.offered.get(self.chosen) if self.chosen else None
        if doc is None or (relation is None and item is None):
            return False
        at = self.chosen
        self.chosen = None
        if item is not None:
            session.reject_relation(doc, item.candidate.key)
        elif relation is not None and session.reviewing:
            source, target = self._span(relation.source), self._span(relation.target)
            if source is None or target is None:
                return False
            session.reject_relation(doc, (source.key, target.key, relation.type))
        elif relation is not None:
            session.unlink(relation)
        if session.reviewing:
            self._choose_next(at)
        return True

    def accept_chosen(self) -> bool:
        """Enter in review mode with a candidate link chosen: put it into gold, with its two
        spans (True); then the next open candidate is chosen. False: no link chosen."""
        item = self.offered.get(self.chosen) if self.chosen else None
        doc = self.host.doc
        if item is None or doc is None:
            return False
        at = self.chosen
        self.chosen = None
        candidate = item.candidate
        self.host.session.accept_relation(doc, candidate.key, candidate.attributes)
        self._choose_next(at)
        return True

    def _choose_next(self, after: str | None) -> None:
        """The next open candidate link in the list after ``after`` (going round once)."""
        ids = [row.id for row, _ in self.entries]
        start = ids.index(after) + 1 if after in ids else 0
        for link_id in ids[start:] + ids[:start]:
            item = self.offered.get(link_id)
            if item is not None and item.link is not None and link_id != after:
                self.choose_link(link_id)
                return

    # --- making a link -------------------------------------------------------------------------

    def start(self, kind_key: str) -> None:
        """R: offer the spans the chosen claim may be linked to, nearest first."""
        host = self.host
        kind = host.labels.relation(kind_key)
        source = host.article.current
        if host.doc is None or kind is None or not host.session.accepts_actions():
            return
        if source is None or source.label not in kind.sources:
            names = "، ".join(label_name(host.labels, k) for k in kind.sources)
            host.say(self.tr("Choose a span first (%1), then press its key.").replace("%1", names))
            return
        targets = link_targets(source, kind, host.article.spans, self.relations)
        if not targets:
            names = "، ".join(label_name(host.labels, k) for k in kind.targets)
            host.say(self.tr("Nothing to link to in this article (%1).").replace("%1", names))
            return
        self.linking = Linking(source, kind, targets)
        self._show_linking()

    def step(self, by: int) -> None:
        """Tab / Shift+Tab: the next or previous span to link to."""
        linking = self.linking
        if linking is not None:
            linking.at = (linking.at + by) % len(linking.targets)
            self._show_linking()

    def commit(self) -> None:
        """Enter: link the claim to the span offered."""
        linking = self.linking
        if linking is None:
            return
        self.linking = None
        self.host.say("", 1)
        made = self.host.session.link(linking.source, linking.target, linking.kind.key)
        if made is not None:  # S and Q now change this link (the claim may have others)
            self.chosen = made.id
            self.panel.select(made.id)

    def cancel(self, quiet: bool = False) -> None:
        """Esc (or another document, or another span chosen): no link made."""
        if self.linking is None:
            return
        self.linking = None
        self._draw()
        if not quiet:
            self.host.say(self.tr("No link made."), 2000)

    def _show_linking(self) -> None:
        linking = self.linking
        assert linking is not None
        self._draw()
        self.host.article.scroll_to(linking.target.start)
        if linking.kind.key == "said_by":
            text = self.tr(
                "Link the claim to its speaker (%1 / %2): Tab for the next, Enter links, "
                "Esc cancels"
            )
        else:
            text = self.tr(
                "Link (%3) (%1 / %2): Tab for the next, Enter links, Esc cancels"
            ).replace("%3", self.host.session.relation_name(linking.kind.key))
        number, total = str(linking.at + 1), str(len(linking.targets))
        self.host.say(text.replace("%1", number).replace("%2", total), 0)

    def clicked(self, span: Span | None) -> bool:
        """A click while linking: on a span offered, that one is offered (True); elsewhere
        the link is given up (False: the click chooses as usual)."""
        linking = self.linking
        if linking is None:
            return False
        ids = [s.id for s in linking.targets]
        if span is not None and span.id in ids:
            linking.at = ids.index(span.id)
            self._show_linking()
            return True
        self.cancel()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """While linking, Tab, Shift+Tab, Enter and Esc in the article are the link's keys
        (taken before the window's shortcuts and before Tab moves the focus)."""
        if self.linking is None or not isinstance(event, QKeyEvent):
            return False
        what = LINKING_KEYS.get(Qt.Key(event.key()))
        if what is None:
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()
            return True
        if event.type() != QEvent.Type.KeyPress:
            return False
        if what == "next":
            self.step(1)
        elif what == "previous":
            self.step(-1)
        elif what == "link":
            self.commit()
        else:
            self.cancel()
        return True
