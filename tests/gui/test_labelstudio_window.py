"""File ▸ Import… and File ▸ Export… offer Label Studio JSON: a real Label Studio file imports
from the dialog, and the export dialog writes tasks Label Studio reads (named .json)."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from alama.core.store import Store
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_import import ImportDialog, format_name
from alama.gui.qt_main_window import MainWindow
from tests.conftest import ROOT
from tests.gui.pages import choose

ARABIC = ROOT / "tests" / "data" / "labelstudio" / "arabic_utf16.json"


def test_import_label_studio_from_the_dialog(
    window: MainWindow, qtbot: QtBot, shown: list[tuple[bool, str]]
) -> None:
    dialog = ImportDialog(window)
    assert format_name("labelstudio") == "Label Studio JSON"
    dialog.add_paths([ARABIC])
    choose(dialog.format, "labelstudio")
    dialog.exec = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(window.projectRequested):
        assert window.commands.import_files(dialog)
    ((ok, summary),) = shown
    assert ok, summary
    assert summary.startswith("4 records imported from 1 file (Label Studio: 1).")
    with Store.open(window.store.path) as store:
        assert {"mona", "ls-7", "prediction-ner-v2.1-ar"} <= set(store.annotators())


def test_export_label_studio_from_the_dialog(
    window: MainWindow, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    window.session.add_span(window.doc or 0, 2, 5, "ACTOR", True)
    dialog = ExportDialog(window.store, window)
    choose(dialog.format, "labelstudio")
    assert dialog.output.text().endswith("p.json")
    out = tmp_path / "tasks.json"
    dialog.output.setText(str(out))
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.export_files(dialog)
    ((ok, summary),) = shown
    assert ok, summary
    tasks = json.loads(out.read_text(encoding="utf-8"))
    (annotated,) = [task for task in tasks if task["annotations"] or task["drafts"]]
    (layer,) = annotated["annotations"] + annotated["drafts"]
    assert layer["created_username"] == "amal"
    assert [r["value"]["labels"] for r in layer["result"]] == [["ACTOR"]]


def test_a_file_counting_utf16_units_imports_once_the_dialog_says_so(
    window: MainWindow, qtbot: QtBot, shown: list[tuple[bool, str]], tmp_path: Path
) -> None:
    """A JavaScript tool's JSONL (an emoji counts two): refused in one line naming the unit,
    then read when "Offsets count" says UTF-16 units."""
    text = "😀 قال وزير الخارجية إن الاتفاق قريب"
    start = len(text[: text.index("وزير")].encode("utf-16-le")) // 2
    end = start + len("وزير الخارجية")
    span = {"start": start, "end": end, "label": "ACTOR", "text": "وزير الخارجية"}
    record = {"text": text, "spans": [span], "_annotator_id": "huda"}
    path = tmp_path / "js-tool.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    for unit, ok in (("codepoints", False), ("utf16", True)):
        dialog = ImportDialog(window)
        dialog.add_paths([path])
        choose(dialog.offsets, unit)
        dialog.exec = lambda: True  # type: ignore[method-assign]
        if ok:
            with qtbot.waitSignal(window.projectRequested):
                assert window.commands.import_files(dialog)
        else:
            window.commands.import_files(dialog)
    (refused, why), (accepted, summary) = shown
    assert not refused and "UTF-16" in why and "\n" not in why
    assert accepted, summary
    with Store.open(window.store.path) as store:
        doc = store.find_document(store.documents()[-1].doc_id)
        assert doc is not None
        (span,) = store.spans(doc, "huda")
        assert text[span.start : span.end] == "وزير الخارجية"
