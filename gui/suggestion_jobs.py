"""The work that feeds the window's suggestions, off the window's thread (`gui.background`):
learning the annotator's layer when the project opens, training the model (after enough labels,
once the annotator pauses, or on demand), storing a gazetteer's suggestions. Each job opens the
project on its own connection and brings its result back to the window's thread; closing the
window waits for what runs (it only reads the project, or stores suggestions in one
transaction), so nothing is lost and no thread outlives the window.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from alama.core.labels import LabelSet
from alama.core.store import Store
from alama.core.suggest import Source, Suggestion
from alama.core.suggest_live import (
    MIN_TRAINING_SPANS,
    LearnedLayer,
    LiveSuggestions,
    learn_layer,
    store_gazetteer,
    train_model,
    training_examples,
)
from alama.gui.background import BackgroundJob, run_in_background
from alama.gui.jobs import Notify, Outcome, Progress, target_of
from alama.gui.qt_article import ArticleView
from alama.gui.session import Session

if TYPE_CHECKING:
    from alama.gui.linking import Links
    from alama.gui.menus import WindowActions
    from alama.gui.modes import Mode

IDLE_MS = 2000  # a retrain that is due starts once no label came for this long


class Host(Protocol):
    """The window as the suggestions see it."""

    session: Session
    article: ArticleView
    labels: LabelSet
    doc: int | None
    links: Links
    mode: Mode
    action_set: WindowActions

    def say(self, text: str, ms: int = 5000) -> None: ...

    def warn(self, text: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def isAncestorOf(self, child: QWidget) -> bool: ...

    def focusNextPrevChild(self, next: bool) -> bool: ...


class SuggestionJobs(QObject):
    """The live suggestions of the annotator's layer and the background work that feeds them."""

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.live = LiveSuggestions(host.session.annotator)
        self.pending: list[Suggestion] = []
        self.jobs: dict[str, BackgroundJob] = {}  # "learn", "train", "store": running now
        self._found: dict[str, list[Any]] = {}  # what each job brought
        self._quiet = False  # the retrain running was not asked for: it says nothing
        self._again = False  # a retrain asked for while one ran
        self._closing = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_MS)
        self._idle.timeout.connect(self._retrain_if_due)
        self.retrain_every: int | None = None  # None: `suggest_live.RETRAIN_EVERY`

    def refresh(self) -> None:
        """Compute the pending list again (the window's part)."""
        raise NotImplementedError

    def stop(self) -> None:
        """The window closes: no more work is started (what runs is waited for)."""
        self._closing = True
        self._idle.stop()

    def _text_of(self, doc: int) -> str:
        host = self.host
        return host.article.text if doc == host.doc else host.session.store.document(doc).text

    def _every(self) -> tuple[int, ...]:
        return () if self.retrain_every is None else (self.retrain_every,)

    def learned(self) -> None:
        """After a label: a retrain that is due starts once the annotator pauses."""
        if self.live.retrain_due(*self._every()):
            self._idle.start()

    def _run(
        self, name: str, work: Callable[[Store], object], done: Callable[[Outcome], None]
    ) -> BackgroundJob:
        found: list[object] = []
        self._found[name] = found

        def job(store: Store, progress: Progress, notify: Notify) -> str:
            found.append(work(store))
            return ""

        running = run_in_background(target_of(self.host.session.store), job)
        self.jobs[name] = running
        running.done.connect(done)  # a method: not called once the window is gone
        return running

    def load(self) -> BackgroundJob | None:
        """Learn the annotator's layer as stored, off the window's thread."""
        if self._closing or "learn" in self.jobs:
            return None
        annotator = self.live.annotator
        return self._run("learn", lambda store: learn_layer(store, annotator), self._learned)

    def _learned(self, outcome: Outcome) -> None:
        self.jobs.pop("learn", None)
        found = self._found.pop("learn", [])
        if outcome.ok and found and isinstance(found[0], LearnedLayer):
            self.live.adopt(found[0], self._text_of)
            self.refresh()

    def _retrain_if_due(self) -> None:
        if self.live.retrain_due(*self._every()):
            self.retrain(quiet=True)

    def retrain(self, quiet: bool = False) -> BackgroundJob | None:
        """Suggestions ▸ Retrain the model now (and after enough labels): the model trains off
        the window's thread on the annotator's own spans; its suggestions show when it is done."""
        if self._closing:
            return None
        if "train" in self.jobs:
            self._again = True
            return self.jobs["train"]
        self.live.labelled = 0
        annotator = self.live.annotator
        if not quiet:
            self.host.say(self.tr("Training the model on your labels… (you can go on working)"))

        def work(store: Store) -> Source | None:
            return train_model(training_examples(store, annotator))

        self._quiet = quiet
        return self._run("train", work, self._trained)

    def _trained(self, outcome: Outcome) -> None:
        self.jobs.pop("train", None)
        found = self._found.pop("train", [])
        quiet = self._quiet or self._closing
        if not outcome.ok:
            if not quiet and not self._closing:
                self.host.warn(outcome.message)
        elif not found or found[0] is None:
            if not quiet:
                self.host.say(
                    self.tr("Too few labels to train the model (it needs %1 spans).").replace(
                        "%1", str(MIN_TRAINING_SPANS)
                    )
                )
        else:
            model: Source = found[0]
            self.live.set_model(model)
            self.refresh()
            shown = sum(s.source == model.name for s in self.pending)
            self.host.say(self.tr("The model is retrained: %n suggestion(s) here.", "", shown))
        if self._again and not self._closing:
            self._again = False
            self.retrain(quiet=True)

    def from_gazetteer(self, path: Path | None = None) -> BackgroundJob | None:
        """Suggestions ▸ Suggest from a gazetteer file…: a ``text<TAB>label`` file or Prodigy
        patterns (.jsonl), stored for the documents the annotator has not marked done."""
        if self._closing or "store" in self.jobs:
            return None
        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                None, self.tr("Gazetteer or patterns file"),
                str(self.host.session.store.path.parent),
                self.tr("Gazetteers and patterns (*.tsv *.txt *.jsonl *.json);;All files (*)"),
            )  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        annotator = self.live.annotator
        self.host.say(self.tr("Suggesting from %1… (you can go on working)").replace(
            "%1", path.name), 0)  # fmt: skip
        return self._run("store", lambda store: store_gazetteer(store, annotator, path),
                         self._stored)  # fmt: skip

    def _stored(self, outcome: Outcome) -> None:
        self.jobs.pop("store", None)
        found = self._found.pop("store", [])
        if not outcome.ok:
            self.host.say("", 1)
            self.host.warn(outcome.message)
            return
        self.live.forget_stored()
        self.refresh()
        stored = found[0][0] if found else 0
        here = sum(s.source == "gazetteer" for s in self.pending)
        self.host.say(
            self.tr("%n suggestion(s) stored from the file; %1 pending in this document.", "",
                    stored).replace("%1", str(here)),
            15000,
        )  # fmt: skip
