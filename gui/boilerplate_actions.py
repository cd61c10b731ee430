"""Document ▸ boilerplate: a lead marks the caret's line (or the selected lines) as boilerplate
or not, and sees the rules learnt: the lines each source repeats.

A mark is a lead's row beside the detected ones (`Store.mark_region`, as `alama clean --mark`
and `--unmark` write): a detection run again never undoes it, and the opposite command takes it
back. The rules are found anew from the project's documents (`boilerplate.detect`, nothing
stored) and listed per source with how many documents have each line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alama.core import boilerplate
from alama.core.errors import AlamaError
from alama.core.regions import MANUAL, covering
from alama.core.store import Store
from alama.gui.actions import ActionSpec, Key
from alama.gui.i18n import error_text
from alama.gui.qt_article import ArticleView
from alama.gui.session import Session
from alama.gui.suggestions import Suggestions

if TYPE_CHECKING:

    def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # lupdate's name
        """Marks ``text`` for lupdate in ``context`` and gives it back (a str, for mypy)."""
        return text
else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP


def _spec(id: str, text: str, keys: tuple[Key, ...] = (), **fields: object) -> ActionSpec:
    return ActionSpec(id, text, keys, menu="document", **fields)  # type: ignore[arg-type]


BOILERPLATE_ACTIONS: tuple[ActionSpec, ...] = (
    _spec("document.mark_boilerplate",
          QT_TRANSLATE_NOOP("Actions", "Mark this line as boilerplate"), separator_before=True,
          help=QT_TRANSLATE_NOOP(
              "Actions", "Set the caret's line (or the selected lines) aside as boilerplate")),
    _spec("document.not_boilerplate", QT_TRANSLATE_NOOP("Actions", "Not boilerplate"),
          help=QT_TRANSLATE_NOOP("Actions", "The caret's line (or the selected lines) is text")),
    _spec("document.boilerplate_rules",
          QT_TRANSLATE_NOOP("Actions", "Boilerplate rules learnt…")),
)  # fmt: skip


# Core's refusal of a span inside boilerplate and the kinds it names (`alama.core.regions`),
# so that lupdate lists them and the status bar says them in the interface language.
CORE_SENTENCES = (
    QT_TRANSLATE_NOOP(
        "Core",
        "not labelled: the text lies inside boilerplate (%1, characters %2–%3); "
        "hold Alt to label it anyway",
    ),
    QT_TRANSLATE_NOOP("Core", "repeated line"),
    QT_TRANSLATE_NOOP("Core", "related articles"),
    QT_TRANSLATE_NOOP("Core", "comments"),
    QT_TRANSLATE_NOOP("Core", "share"),
    QT_TRANSLATE_NOOP("Core", "title repeat"),
    QT_TRANSLATE_NOOP("Core", "repeated paragraph"),
    QT_TRANSLATE_NOOP("Core", "site name"),
    QT_TRANSLATE_NOOP("Core", "site menu"),
    QT_TRANSLATE_NOOP("Core", "manual"),
)


class Host(Protocol):
    """What the commands need of the window."""

    store: Store
    session: Session
    article: ArticleView
    suggestions: Suggestions
    doc: int | None

    def say(self, text: str, ms: int = 0) -> None: ...
    def warn(self, text: str) -> None: ...


def line_range(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The whole lines from ``start`` to ``end`` with the line break after the last (None when
    they are blank)."""
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", max(start, end - 1))
    stop = len(text) if last < 0 else last + 1
    return (first, stop) if text[first:stop].strip() else None


class BoilerplateCommands(QObject):
    """The Document menu's boilerplate commands (see the module's docstring)."""

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host

    def handlers(self) -> dict[str, Callable[[], object]]:
        return {
            "document.mark_boilerplate": lambda: self.mark(True),
            "document.not_boilerplate": lambda: self.mark(False),
            "document.boilerplate_rules": self.show_rules,
        }

    def lines(self) -> tuple[int, int] | None:
        """The lines the caret or the selection is on (stored offsets)."""
        article = self.host.article
        cursor = article.textCursor()
        start = article.offsets.to_py(cursor.selectionStart())
        end = article.offsets.to_py(cursor.selectionEnd(), round_up=True)
        return line_range(article.text, start, max(end, start + 1))

    def mark(self, boilerplate_: bool) -> None:
        """Mark the lines as boilerplate (a lead's row), or say they are not."""
        host, doc = self.host, self.host.doc
        found = self.lines()
        if doc is None or found is None:
            host.say(self.tr("Put the caret on a line of text first."), 4000)
            return
        if host.store.handed_to() is not None:
            host.warn(self.tr("Only the lead marks boilerplate, in the project itself."))
            return
        try:
            host.store.mark_region(doc, *found, boilerplate_, host.session.annotator, MANUAL)
        except AlamaError as error:
            host.warn(error_text(error))
            return
        regions = host.store.regions(doc)
        host.suggestions.live.forget_stored()  # none is pending inside boilerplate
        host.suggestions.refresh()
        host.article.folds.show(regions)
        for fold in host.article.folds.shut():  # the lines just marked stay in sight
            if fold.start <= found[0] < fold.end:
                host.article.folds.open(fold)
        if boilerplate_ or covering(regions, *found) is None:
            host.say(
                self.tr("Marked as boilerplate.") if boilerplate_ else self.tr("Marked as text."),
                4000,
            )

    def show_rules(self) -> RulesDialog:
        """The lines each source repeats, as detection learns them from the project now."""
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            found = boilerplate.detect(self.host.store.iter_documents())
        finally:
            QApplication.restoreOverrideCursor()
        dialog = RulesDialog(found, self.host.article)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


class RulesDialog(QDialog):
    """The rules learnt: per source (and its documents), each repeated line and its count."""

    def __init__(self, found: boilerplate.Detection, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Boilerplate rules learnt"))
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Source and repeated line"), self.tr("Documents")])
        for source in sorted(found.rules, key=lambda s: (-found.documents.get(s, 0), s)):
            name = source or self.tr("(no source)")
            top = QTreeWidgetItem([name, str(found.documents.get(source, 0))])
            for line, count in found.rules[source]:
                top.addChild(QTreeWidgetItem([line, str(count)]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if not found.rules:
            self.tree.addTopLevelItem(
                QTreeWidgetItem([self.tr("No line repeats across documents of one source."), ""])
            )
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def rows(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What the dialog lists: per source its lines and counts (for tests)."""
        out: list[tuple[str, list[tuple[str, str]]]] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            assert top is not None
            children = [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
            out.append((top.text(0), [(c.text(0), c.text(1)) for c in children]))
        return out
