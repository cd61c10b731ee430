"""The simulated annotators of test_server_load, run in worker processes.

A worker process is spawned (not forked from pytest, whose open connections and threads a fork
would copy) and imports only this module and Alama's core. It opens one store per annotator it
runs (a `ServerStore` logged in as that annotator, or a `Store` on the one project file), starts
one thread per annotator, waits at a barrier shared with every other worker and the test, then
lets its threads label at once: each action is `AddSpan(...).apply(store)`, what the window's
label key does, timed from building the edit to the commit having returned.
"""

from __future__ import annotations

import threading
import time
import traceback
from dataclasses import dataclass, field
from typing import Any

from alama.core.editing import AddSpan
from alama.core.store import Store
from alama.core.store.server_store import ServerStore

LABEL = "ACTOR"
WIDTH = 4
READY_TIMEOUT_S = 300.0


@dataclass(frozen=True)
class Annotator:
    """One simulated person: their name, where their store is (a ``postgresql://`` URL with
    their own login, or the project file's path) and the documents assigned to them."""

    name: str
    where: str
    docs: tuple[int, ...]


@dataclass
class Done:
    """What one annotator did: per action, the span's id, its (doc, annotator, start, end,
    label) and the seconds from keypress to commit; and any action that failed."""

    name: str
    actions: list[tuple[str, tuple[int, str, int, int, str], float]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def action_key(person: Annotator, n: int) -> tuple[int, int, int]:
    """The ``n``-th action's document and offsets: the assigned documents in turn, each time
    one character further on, so that no two actions of a person label the same span."""
    doc = person.docs[n % len(person.docs)]
    start = n // len(person.docs)
    return doc, start, start + WIDTH


def open_store(where: str) -> Any:
    if where.startswith("postgresql://"):
        return ServerStore.open(where)
    return Store.open(where)


def label(person: Annotator, store: Any, actions: int, go: threading.Barrier, done: Done) -> None:
    go.wait()
    for n in range(actions):
        doc, start, end = action_key(person, n)
        began = time.perf_counter()  # the keypress
        try:
            edit = AddSpan(doc, person.name, start, end, LABEL)
            edit.apply(store)
        except Exception as error:  # counted as lost by the test, with its reason
            done.errors.append(f"{person.name} action {n}: {type(error).__name__}: {error}")
            continue
        latency = time.perf_counter() - began
        assert edit.span is not None
        done.actions.append((edit.span.id, (doc, person.name, start, end, LABEL), latency))


def run_worker(people: list[Annotator], actions: int, ready: Any, results: Any) -> None:
    """Run ``people`` at once in this process; put (began, ended, [Done]) or an error on
    ``results``. ``ready`` is the barrier of every worker and the test: passed once every
    store is open, so that opening is not timed."""
    stores: list[Any] = []
    go = threading.Barrier(len(people) + 1)
    try:
        stores = [open_store(person.where) for person in people]
        done = [Done(person.name) for person in people]
        threads = [
            threading.Thread(target=label, args=(person, store, actions, go, mine), daemon=True)
            for person, store, mine in zip(people, stores, done, strict=True)
        ]
        for thread in threads:
            thread.start()
        ready.wait(READY_TIMEOUT_S)
        began = time.monotonic()  # CLOCK_MONOTONIC: one clock for every process
        go.wait()
        for thread in threads:
            thread.join()
        ended = time.monotonic()
        results.put(("done", began, ended, done))
    except BaseException:
        ready.abort()  # the other workers stop waiting
        go.abort()  # and so do this one's threads
        results.put(("failed", traceback.format_exc()))
    finally:
        for store in stores:
            store.close()
