"""The window's modes: annotating one's own layer, and reviewing the annotators' layers into
gold. Each mode has its own panel, keys and words; the window hosts one at a time."""

from alama.gui.modes.annotating import Annotating
from alama.gui.modes.base import Host, Mode
from alama.gui.modes.reviewing import Reviewing

__all__ = ["Annotating", "Host", "Mode", "Reviewing"]
