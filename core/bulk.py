"""Work over a whole project (import, export, agreement, merge) without the cyclic collector.

Such work makes millions of small objects (records, spans, tuples) that live until it ends.
Python's cyclic garbage collector walks every one of them again each time enough new objects
have been made: a fifth of an import's time, for nothing, as none of them is in a reference
cycle. The collector is paused for the work; reference counting frees all of it as usual.

The window runs such work in a thread of its own, and the collector must not run there: a cycle
it frees may hold Qt objects of the window's thread, and a Qt object deleted from another thread
leaves its timers behind, to fire on freed memory. So the pause is counted: the collector comes
back only when the last of the pauses (of any thread) ends.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


_lock = threading.Lock()
_pauses = 0  # blocks running with the collector paused, in every thread
_resume = False  # whether the collector ran before the first of them


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector inside the block (reference counting still frees);
    it runs again once every paused block, in any thread, has ended (if it ran before)."""
    global _pauses, _resume
    with _lock:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()


def without_collector(func: Callable[P, R]) -> Callable[P, R]:
    """Run ``func`` with the collector paused (see `collector_paused`)."""

    @functools.wraps(func)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        with collector_paused():
            return func(*args, **kwargs)

    return paused
