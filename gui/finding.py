"""Finding words in the open article: the find bar's matches, and a corpus search's hits
marked when a document opens. Both ignore diacritics and hamza forms; matches are mapped back
onto the stored text."""

from __future__ import annotations

from PySide6.QtCore import QObject

from alama.core.regions import covering
from alama.core.text import find_all
from alama.gui.qt_article import ArticleView
from alama.gui.qt_panels import FindBar


def outside(article: ArticleView, hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The matches not wholly inside the article's boilerplate (a related-articles list
    repeats headlines; a match there is not the story's)."""
    regions = article.folds.regions
    return [hit for hit in hits if covering(regions, *hit) is None] if regions else hits


class ArticleFinder(QObject):
    """Ctrl+F: the find bar over the article, with its count and Enter for the next match."""

    def __init__(self, bar: FindBar, article: ArticleView) -> None:
        super().__init__(bar)
        self.bar, self.article = bar, article
        self.found: list[tuple[int, int]] = []
        self.at = 0
        bar.queryChanged.connect(self.find)
        bar.nextRequested.connect(self.find_next)
        bar.closed.connect(self._closed)

    def find(self, query: str) -> None:
        self.found = (
            outside(self.article, find_all(self.article.text, query)) if query.strip() else []
        )
        self.at = 0
        self.article.set_found(self.found)
        if self.found:
            self.article.scroll_to(self.found[0][0])
        self.bar.set_count(1 if self.found else 0, len(self.found))

    def find_next(self) -> None:
        if self.found:
            self.at = (self.at + 1) % len(self.found)
            self.article.scroll_to(self.found[self.at][0])
            self.bar.set_count(self.at + 1, len(self.found))

    def _closed(self) -> None:
        self.article.set_found([])
        self.article.setFocus()

    def document_opened(self, search: str) -> None:
        """A document was opened: find again if the bar is open; else, while searching all
        documents, mark every match of the search, the first on screen and selected (a label
        key labels it)."""
        if self.bar.isVisible():
            self.find(self.bar.edit.text())
        elif search:
            hits = outside(self.article, find_all(self.article.text, search))
            self.article.set_found(hits)
            if hits:
                self.article.select_range(*hits[0])

    def search_changed(self, search: str) -> None:
        """The search over all documents was cleared: its marks go from the article."""
        if not search and not self.bar.isVisible():
            self.article.set_found([])
