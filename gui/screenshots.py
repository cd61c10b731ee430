"""`make screenshots`: render the main views offscreen into a folder (docs/ by default)."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from alama.core.agreement import agreement
from alama.core.assignment import assign
from alama.core.clean_run import detect_boilerplate
from alama.core.demo import build_demo
from alama.core.model import Span
from alama.core.team_progress import team_progress
from alama.core.text import CAMEL_TOOLS_VERSION
from alama.gui.app import Application, create_app
from alama.gui.qt_agreement import AgreementDashboard
from alama.gui.qt_dialogs import ShortcutsSheet
from alama.gui.qt_guidelines import GuidelinesWindow
from alama.gui.qt_main_window import MainWindow
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.qt_team_view import TeamView
from alama.gui.settings import Settings


def save(widget: QWidget, path: Path) -> None:
    """Let Qt finish painting, then write the widget as PNG."""
    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


# The demo's first article: who said each claim, and how (added when the demo has no links).
SAID = (
    ("الأعمال أُنجزت", "المهندس وليد حمّود", {"stance": "asserts", "quote": "direct"}),
    ("المحطة لن تعمل", "اتحاد بلديات صور", {"stance": "questions", "quote": "direct"}),
)


def relations(window: MainWindow, path: Path) -> None:
    """The demo's first article with its claims linked to their speakers: arrows over the
    Arabic text and the links list."""
    doc = window.doc
    assert doc is not None
    store = window.store
    spans = store.spans(doc, window.session.layer)
    if not store.relations(doc, window.session.layer):
        for claim, actor, attributes in SAID:
            source = next(s for s in spans if s.label == "CLAIM" and _text(window, s, claim))
            target = next(s for s in spans if s.label == "ACTOR" and _text(window, s, actor))
            store.add_relation(doc, source.annotator, source.id, target.id, "said_by", attributes)
    window.open_document(doc)
    window.article.verticalScrollBar().setValue(0)
    save(window, path)


def suggestions(window: MainWindow, path: Path) -> None:
    """The demo's first article with the suggestions pending there: what amal labelled, found
    again where she has not (dashed outlines in the label's colour, the chosen one thicker)."""
    job = window.suggestions.load()
    if job is not None:
        job.wait()
    QApplication.processEvents()
    assert window.doc is not None
    window.open_document(window.doc)
    pending = window.suggestions.pending
    window.suggestions.choose(next((s for s in pending if s.label == "ACTOR"), None))
    save(window, path)


def boilerplate(window: MainWindow, path: Path) -> None:
    """The demo's first article with its boilerplate found (as `alama clean --detect`) and
    folded: the headline written again, the related articles, the comment form; then the
    regions go again, so that the other pictures show the demo as it is."""
    store, doc = window.store, window.doc
    assert doc is not None
    detect_boilerplate(store)
    window.suggestions.reread()  # as after another program's change: no suggestion in boilerplate
    window.open_document(doc)
    window.article.set_current(None)
    window.resize(1500, 1000)
    window.article.verticalScrollBar().setValue(0)
    save(window, path)
    window.resize(1500, 900)
    store.put_detected_regions({info.id: [] for info in store.documents()})
    window.suggestions.reread()
    window.open_document(doc)


def _text(window: MainWindow, span: Span, start: str) -> bool:
    return window.article.text[span.start : span.end].startswith(start)


def render(folder: Path) -> None:
    """Arabic window with overlapping labels, its claims linked to their speakers, its pending
    suggestions, its boilerplate folded, English window, the shortcuts sheet, Help ▸
    Arabic models, the agreement dashboard of the demo's two annotators, the Team view and the
    guidelines (once the demo's documents are assigned), and review mode."""
    folder.mkdir(parents=True, exist_ok=True)
    app = create_app()
    with tempfile.TemporaryDirectory() as home:
        settings = Settings(Path(home) / "settings.ini")
        settings.annotator = "amal"
        controller = Application(app, settings)
        project = build_demo(Path(home) / "demo.alama")

        controller.set_language("ar")
        controller.open(project)
        window = controller.window
        assert window is not None and window.doc is not None
        window.resize(1500, 900)
        nested = [s for s in window.session.spans(window.doc) if s.label == "PLACE"]
        window.article.set_current(nested[0] if nested else None)
        window.article.verticalScrollBar().setValue(0)
        save(window, folder / "main-arabic.png")
        relations(window, folder / "relations-arabic.png")
        suggestions(window, folder / "suggestions-arabic.png")
        boilerplate(window, folder / "boilerplate-arabic.png")

        sheet = ShortcutsSheet(window.labels, window)
        sheet.resize(720, 640)
        save(sheet, folder / "shortcuts.png")

        models = ArabicModelsPage(window, CAMEL_TOOLS_VERSION)
        models.resize(760, 600)
        save(models, folder / "models-arabic.png")

        dashboard = AgreementDashboard(window.store, window)
        dashboard.show_figures(agreement(window.store))
        dashboard.resize(1200, 760)
        save(dashboard, folder / "agreement-arabic.png")

        assign(window.store, ["amal", "bilal", "karim"], overlap=0.5, seed=2, documents="all")
        team = TeamView(window.store, window)
        team.show_progress(team_progress(window.store))
        team.resize(1100, 420)
        save(team, folder / "team-arabic.png")
        team.stop()
        guide = GuidelinesWindow(window.store, window)
        guide.resize(760, 640)
        save(guide, folder / "guidelines-arabic.png")

        window.set_reviewing(True)
        review = controller.window
        assert review is not None and review.doc is not None
        review.resize(1500, 900)
        review.action_set["review.next_disagreement"].trigger()
        review.action_set["review.accept"].trigger()
        review.article.verticalScrollBar().setValue(0)
        save(review, folder / "review-arabic.png")
        review.set_reviewing(False)
        window = controller.window
        assert window is not None

        window.languageRequested.emit("en")
        english = controller.window
        assert english is not None
        english.resize(1500, 900)
        english.navigator.step(1)
        save(english, folder / "main-english.png")
        assert controller.session is not None
        controller.session.store.close()


if __name__ == "__main__":
    render(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
