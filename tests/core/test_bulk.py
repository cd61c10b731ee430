"""The cyclic collector paused for bulk work, counted across threads."""

from __future__ import annotations

import gc
import threading

from alama.core.bulk import collector_paused


def test_the_collector_comes_back_only_when_every_pause_has_ended() -> None:
    """A job in the window's thread pool and an export in the window overlap: the first one to
    end must not wake the collector under the other."""
    assert gc.isenabled()
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    thread.start()
    inside.wait(5)
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other thread's pause still holds
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
