"""SPEC 2's known trap: PySide6 6.12.0 on CPython 3.11 leaks a reference to None per call of a
void method and aborts after a few thousand calls. This keeps an upgrade from bringing it back."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextCursor, QTextDocument


def test_void_methods_do_not_leak_references_to_none(qapp: object) -> None:
    document = QTextDocument("نص عربي قصير للاختبار")
    cursor = QTextCursor(document)
    cursor.setPosition(1)
    before = sys.getrefcount(None)
    for i in range(1000):
        cursor.setPosition(i % 10)
    # The broken build drops exactly one reference per call (-1000 here); allow a little noise
    # from the interpreter itself.
    assert abs(sys.getrefcount(None) - before) < 10
