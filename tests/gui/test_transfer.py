"""File ▸ Import… and File ▸ Export…: the dialogs, the work they describe, the report.

The job machinery itself (outcome, errors, progress, Cancel) is tested in test_jobs.py."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from alama.core import importing
from alama.core.store import Store
from alama.gui.jobs import run_job
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_import import ImportDialog
from alama.gui.qt_main_window import MainWindow
from tests.gui.pages import choose

Progress = Callable[[int, int], None]


def conll_file(tmp_path: Path) -> Path:
    path = tmp_path / "news.conll"
    path.write_text("زار O\nسامي B-PERS\nحلب B-LOC\n\nفي O\nعمّان B-LOC\n", encoding="utf-8")
    return path


def test_import_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    assert "Import…" in [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    dialog = ImportDialog(window)
    dialog.add_paths([conll_file(tmp_path)])
    choose(dialog.format, "conll")
    dialog.annotator.setText("anercorp")
    dialog.label_map.setText("PERS=ACTOR,LOC=PLACE")
    dialog.exec = lambda: True  # type: ignore[method-assign]
    with qtbot.waitSignal(window.projectRequested) as reload:
        assert window.commands.import_files(dialog)
    assert reload.args == [window.store.path]
    ((ok, summary),) = shown
    assert ok
    assert summary.startswith("2 records imported from 1 file (CoNLL: 1).\n2 new documents")
    with Store.open(window.store.path) as store:
        assert store.document_count() == 5
        assert {(s.label) for s in store.iter_spans("anercorp")} == {"ACTOR", "PLACE"}


def test_a_failed_import_shows_the_error_and_changes_nothing(
    window: MainWindow, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    dialog = ImportDialog(window)
    dialog.add_paths([conll_file(tmp_path)])  # PERS and LOC are not labels of the project
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert not window.commands.import_files(dialog)
    ((ok, message),) = shown
    assert not ok
    assert message.startswith("unknown labels LOC, PERS")
    assert window.store.document_count() == 3


def test_export_from_the_file_menu(
    window: MainWindow, tmp_path: Path, shown: list[tuple[bool, str]]
) -> None:
    window.session.add_span(window.doc or 0, 2, 5, "ACTOR", True)
    dialog = ExportDialog(window.store, window)
    choose(dialog.format, "brat")
    assert dialog.output.text().endswith("p-brat")
    choose(dialog.format, "doccano")
    assert dialog.output.text().endswith("p.jsonl")
    choose(dialog.layer, "amal")
    dialog.labels["PLACE"].setChecked(False)
    out = tmp_path / "out.jsonl"
    dialog.output.setText(str(out))
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.export_files(dialog)
    ((ok, summary),) = shown
    assert ok, summary
    assert "1 record exported of 1 document with 1 span, as doccano." in summary
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert record["label"] == [[2, 5, "ACTOR"]]
    assert record["annotator"] == "amal"


def test_exporting_again_over_a_file_asks_and_replaces_it(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    shown: list[tuple[bool, str]],
) -> None:
    """The command line wants --force to replace an output; the window asks instead."""
    out = tmp_path / "out.jsonl"
    out.write_text("an earlier export\n", encoding="utf-8")
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(
        QMessageBox, "question", lambda parent, title, text: asked.append(text) or answer[0]
    )
    dialog = ExportDialog(window.store, window)
    dialog.output.setText(str(out))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(asked) == 1 and "out.jsonl" in asked[0]
    assert not dialog.result()  # No: the dialog stays open, nothing is written
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    answer[0] = QMessageBox.StandardButton.Yes
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result()
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.export_files(dialog)
    ((ok, summary),) = shown
    assert ok, summary
    assert out.read_text(encoding="utf-8").startswith("{")


def test_the_export_dialog_refuses_a_bad_split(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    dialog = ExportDialog(window.store, window)
    dialog.split.setChecked(True)
    dialog.split_spec.setText("train=0.8,test=0.1")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    assert warnings == ["--split: the fractions add up to 0.9, not 1"]
    assert not dialog.result()


def test_cancel_stops_the_work_and_leaves_the_project_as_it_was(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importing, "BATCH", 5)  # progress is reported after each batch
    files = []
    for n in range(30):
        path = tmp_path / f"article-{n}.txt"
        path.write_text(f"خبر رقم {n} عن مدينة حلب", encoding="utf-8")
        files.append(path)
    dialog = ImportDialog(window)
    dialog.add_paths(files)
    job = dialog.job()
    at_ten, go_on = threading.Event(), threading.Event()

    def slowed(store: Store, progress: Progress, notify: Callable[[str], None]) -> str:
        def wrapped(done: int, total: int) -> None:
            progress(done, total)
            if done == 10:  # ten documents written inside the transaction: wait for Cancel
                at_ten.set()
                go_on.wait(20)

        return job(store, wrapped, notify)

    def press_cancel() -> None:
        if not at_ten.is_set():
            QTimer.singleShot(20, press_cancel)
            return
        (progress_dialog,) = window.findChildren(QProgressDialog)
        (cancel,) = progress_dialog.findChildren(QPushButton)
        cancel.click()
        go_on.set()

    QTimer.singleShot(20, press_cancel)
    ok, message = run_job(window, "Import", window.store.path, slowed)
    assert (ok, message) == (False, "Cancelled: nothing was changed.")
    assert window.store.document_count() == 3
