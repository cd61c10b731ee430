"""The export dialog refuses, like `alama export`, a format that would lose relations, and its
"Leave out the relations" check box leaves them out."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from alama.gui.qt_export import ExportDialog
from alama.gui.qt_main_window import MainWindow
from tests.gui.conftest import FIRST
from tests.gui.pages import choose


def test_export_dialog_refuses_to_lose_relations(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[bool, str]],
) -> None:
    store = window.store
    doc = store.documents()[0].id
    actor = FIRST.index("وزير الدفاع")
    claim = FIRST.index("القوات ستنسحب")
    source = store.add_span(doc, "amal", claim, claim + len("القوات ستنسحب"), "CLAIM")
    target = store.add_span(doc, "amal", actor, actor + len("وزير الدفاع"), "ACTOR")
    store.add_relation(doc, "amal", source.id, target.id, "said_by")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    dialog = ExportDialog(store, window)
    choose(dialog.format, "conll")
    out = tmp_path / "out.conll"
    dialog.output.setText(str(out))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert len(warned) == 1
    assert "conll cannot hold relations, and 1 relation would be lost" in warned[0]
    assert 'with "Leave out the relations"' in warned[0]
    assert not dialog.result() and not out.exists()
    dialog.without_relations.setChecked(True)
    ok.click()
    assert dialog.result() and len(warned) == 1
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.export_files(dialog)
    ((done, summary),) = shown
    assert done, summary
    assert out.exists()
    assert "relations, as asked" in summary
