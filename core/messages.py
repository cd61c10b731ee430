"""Sentences that core shows a user, kept translatable without Qt.

The command line prints them in English, as they are. The window translates a fixed sentence
(a report's reason, say) by its English text, which is its key in the catalogue. A sentence
with a name or a number in it is a `Message`: the English string, which also remembers its
template (``%1``, ``%2``… for the values) and the values, so the window looks the template up
(``gui/i18n.py``) and fills in the same values. Core stays free of Qt, and both say the same.
"""

from __future__ import annotations

import re
from typing import Self

_PLACE = re.compile(r"%(\d+)")


def fill(template: str, *values: object) -> str:
    """``template`` with ``%1``, ``%2``… replaced by the values, in one pass (so a value that
    holds "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if 0 < number <= len(values) else match.group(0)

    return _PLACE.sub(value, template)


class Message(str):
    """An English sentence (what the command line prints) that knows its template and values.

    It compares and hashes as the plain sentence, so it works as a ``Counter`` key or an
    exception's text like any ``str``.
    """

    template: str
    values: tuple[str, ...]

    def __new__(cls, template: str, *values: object) -> Self:
        shown = tuple(str(value) for value in values)
        message = super().__new__(cls, fill(template, *shown))
        message.template = template
        message.values = shown
        return message
