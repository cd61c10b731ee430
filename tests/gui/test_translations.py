"""The interface speaks Arabic and English: every visible string has an Arabic translation,
and switching language mirrors the whole window."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from alama.core import brat, conll, exporting, import_files, importing, merging
from alama.core.agreement import agreement
from alama.core.errors import AlamaError
from alama.core.model import Status
from alama.core.store import Store, check_annotator
from alama.gui.app import Application
from alama.gui.i18n import error_text, export_report, merge_report, translated
from alama.gui.qt_agreement import AgreementDashboard
from alama.gui.qt_dialogs import StartScreen, about_html, shortcut_rows
from alama.gui.qt_export import ExportDialog
from alama.gui.qt_import import ImportDialog
from alama.gui.qt_models import ArabicModelsPage
from alama.gui.settings import Settings
from tests.conftest import ROOT
from tests.gui.pages import review_panel

TS = ROOT / "resources" / "i18n" / "alama_ar.ts"


def messages(path: Path) -> dict[tuple[str, str], list[str]]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            forms = [form.text or "" for form in translation.iter("numerusform")]
            found[(name, message.findtext("source") or "")] = forms or [translation.text or ""]
    return found


def gui_sources() -> list[str]:
    """Every Python file of the interface, in gui/ and in each of its subfolders (gui/modes/…)."""
    return sorted(str(p) for p in (ROOT / "gui").rglob("*.py") if "__pycache__" not in p.parts)


# A call lupdate can read: a literal string to translate (not a name it cannot follow).
LITERAL_TR = re.compile(
    r"""\btr\(\s*["']|\b(?:translate|QT_TRANSLATE_NOOP)\(\s*["'][^"']*["']\s*,\s*["']"""
)


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A catalogue freshly extracted by lupdate from every gui source file."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate
    fresh = tmp_path_factory.mktemp("lupdate") / "fresh.ts"
    subprocess.run([lupdate, *gui_sources(), "-ts", str(fresh)], check=True, capture_output=True)
    return fresh


def test_english_plurals_are_written_out(qapp: QApplication, tmp_path: Path) -> None:
    """English is the source language, but "%n document(s)" needs a file to read "1 document"."""
    fresh = tmp_path / "fresh.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate
    subprocess.run([lupdate, *gui_sources(), "-ts", str(fresh), "-pluralonly"], check=True,
                   capture_output=True)  # fmt: skip
    english = messages(ROOT / "resources" / "i18n" / "alama_en.ts")
    for key in messages(fresh):
        forms = english.get(key, [])
        assert len(forms) == 2 and all(forms), f"{key}: run lupdate -pluralonly on alama_en.ts"
    controller = Application(qapp, Settings(tmp_path / "settings.ini"))
    controller.set_language("en")
    try:
        one = QCoreApplication.translate("Navigator", "%n document(s) contain it", "", 1)
        three = QCoreApplication.translate("Navigator", "%n document(s) contain it", "", 3)
    finally:
        controller.set_language("en")
    assert (one, three) == ("1 document contains it", "3 documents contain it")


def test_every_visible_string_is_translated(catalogue: Path) -> None:
    committed = messages(TS)
    untranslated = [
        key
        for key in messages(catalogue)
        if not all(form.strip() for form in committed.get(key, [""]))
    ]
    assert untranslated == [], "run `pyside6-lupdate <every .py under gui/> -ts alama_ar.ts`"


def test_the_catalogue_reads_every_gui_subfolder(catalogue: Path) -> None:
    """Every file under gui/ with a string to translate, in a subfolder or not, is one lupdate
    read: a file it skipped would show its strings in English with no test failing."""
    with_strings = {Path(p) for p in gui_sources() if LITERAL_TR.search(Path(p).read_text("utf-8"))}
    assert (ROOT / "gui" / "qt_review.py") in with_strings
    read = {
        (catalogue.parent / str(location.get("filename"))).resolve()
        for location in ET.parse(catalogue).getroot().iter("location")
    }
    assert sorted(str(p) for p in with_strings - read) == []


@pytest.fixture
def arabic(qtbot: QtBot, qapp: QApplication, tmp_path: Path) -> Iterator[Application]:
    """The application in Arabic with a window open on a one-document project."""
    project = tmp_path / "p.alama"
    with Store.create(project) as store:
        store.add_document("خبر عن حلب")
    settings = Settings(tmp_path / "settings.ini")
    settings.annotator = "amal"
    controller = Application(qapp, settings)
    controller.set_language("ar")
    try:
        assert controller.open(project)
        assert controller.window is not None
        qtbot.addWidget(controller.window)
        yield controller
    finally:
        controller.set_language("en")
        if controller.session is not None:
            controller.session.store.close()


def test_switching_language_mirrors_and_translates(
    qtbot: QtBot, qapp: QApplication, arabic: Application
) -> None:
    controller, settings = arabic, arabic.settings
    window = controller.window
    assert window is not None
    assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [action.text() for action in window.menuBar().actions()]
    assert "&ملف" in titles and "&File" not in titles
    window.navigator.search.setText("قال")
    window.navigator.status_filter.setCurrentIndex(1)
    window.navigator.apply_filter()
    listed = window.navigator.documents.rowCount()
    window.languageRequested.emit("en")
    english = controller.window
    assert english is not None and english is not window
    qtbot.addWidget(english)
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert "&File" in [action.text() for action in english.menuBar().actions()]
    assert english.doc == window.doc, "the open document stays open"
    assert english.navigator.search.text() == "قال"  # the search and the filter stay
    assert english.navigator.status_filter.currentIndex() == 1
    assert english.navigator.documents.rowCount() == listed
    assert settings.language == "en"


# Names that stay in Latin letters in the Arabic interface: formats, tools, label keys, keys.
LATIN_ALLOWED = {
    "JSONL", "Prodigy", "spaCy", "doccano", "CoNLL", "BIO", "Hugging", "Face", "tokens",
    "ner_tags", "brat", "txt", "imported", "PERS", "ACTOR", "ORG", "LOC", "PLACE", "MISC",
    "CLAIM", "Actor", "Place", "Claim", "Alt", "Ctrl", "Shift", "Enter", "Return", "Del",
    "Backspace", "Delete", "PgUp", "PgDown", "Esc", "English", "train", "dev", "test", "amal",
    "omar", "Alama", "alama", "camel", "tools", "AraBERT", "PyTorch", "CALIMA", "MSA", "MLE",
    "CAMELTOOLS_DATA", "pip", "Python", "MIT", "INCEpTION", "WebAnno", "TSV", "JSON", "Label",
    "Studio", "Universal", "Dependencies", "UTF", "JavaScript", "Tab", "said",
}  # fmt: skip


def visible_strings(widget: QWidget) -> list[str]:
    """Every string a user reads in a widget and its children: labels, buttons, menus, lists."""
    found = [widget.windowTitle()]
    for child in [widget, *widget.findChildren(QWidget)]:
        if isinstance(child, (QLabel, QAbstractButton)):
            found.append(child.text())
        if isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        if isinstance(child, QComboBox):
            found.extend(child.itemText(i) for i in range(child.count()))
        if isinstance(child, QSpinBox):
            found.append(child.prefix())
        found.extend(action.text() for action in child.actions())
        if isinstance(child, QMenu):
            found.append(child.title())
    return found


def english_words(strings: list[str]) -> list[str]:
    # No markup, no commands to type, no names kept left to right on purpose (paths, packages).
    pattern = r"<pre[^>]*>.*?</pre>|<[^>]*>|&\w+;|\u2066[^\u2069]*\u2069"
    plain = [re.sub(pattern, " ", s, flags=re.DOTALL).replace("&", "") for s in strings]
    words = {w for s in plain for w in re.findall(r"[A-Za-z][A-Za-z_]{2,}", s)}
    return sorted(words - LATIN_ALLOWED)


def test_nothing_visible_is_left_in_english(arabic: Application) -> None:
    # The .ts test above cannot see a string translated under another context than lupdate
    # gave it; this one reads what the widgets actually show with Arabic installed.
    window = arabic.window
    assert window is not None
    shown = visible_strings(window)
    for menu_action in window.menuBar().actions():
        shown.extend(visible_strings(menu_action.menu()))
    dashboard = AgreementDashboard(window.store, window)
    dashboard.show_figures(agreement(window.store))
    first_run = StartScreen([], "ar", window)
    for dialog in (ImportDialog(window), ExportDialog(window.store, window), dashboard, first_run):
        shown.extend(visible_strings(dialog))
    shown.append(dashboard.breakdown.text())
    models = ArabicModelsPage(window, "1.6.0")
    shown.extend([*visible_strings(models), models.page_html(), about_html(window)])
    shown.extend(dashboard.bars.names.values())
    shown.extend(text for _, text in shortcut_rows(window.labels))
    assert english_words(shown) == []


def test_review_mode_is_arabic_too(qtbot: QtBot, arabic: Application) -> None:
    assert arabic.window is not None
    store = arabic.window.store
    for name, end in (("amal", 3), ("omar", 6)):
        store.add_span(1, name, 0, end, "PLACE")
        store.set_status(1, name, Status.DONE)
    arabic.window.set_reviewing(True)
    window = arabic.window
    assert window is not None and window.reviewing
    qtbot.addWidget(window)
    window.open_document(1)
    table = review_panel(window).table
    shown = visible_strings(window)
    shown.extend(table.horizontalHeaderItem(c).text() for c in range(table.columnCount()))
    shown.extend(table.item(r, c).text() for r in range(table.rowCount()) for c in (1, 5))
    shown.extend(table.item(r, 0).toolTip() for r in range(table.rowCount()))
    for menu_action in window.menuBar().actions():
        shown.extend(visible_strings(menu_action.menu()))
    assert "omar" in shown  # the layers' columns carry the annotators' names
    assert english_words(shown) == []


# --- issue 15, item 6: the Arabic reads as Arabic -------------------------------------------

LRI, PDI = "\u2066", "\u2069"
HARAKAT = re.compile("[\u064b-\u0652\u0670]")


def test_the_annotator_is_not_called_a_teacher() -> None:
    """معلِّم reads as "teacher": the annotator is a مُوسِّم, who labels (وسم)."""
    text = HARAKAT.sub("", TS.read_text("utf-8"))
    assert "معلم" not in text
    found = messages(TS)
    assert found[("Alama", "Who is annotating?")] == ["من يقوم بالوسم؟"]
    assert found[("Annotating", "Annotator: %1")] == ["المُوسِّم: %1"]
    # one word for gold, one for documents
    assert not re.search("ذهب|وثائق|وثيقة", text)
    assert "الطبقة المرجعية" in found[("ReviewPanel", "gold")][0]


def test_every_count_has_the_six_arabic_forms() -> None:
    for (context, source), forms in messages(TS).items():
        if "%n" in source:
            assert len(forms) == 6 and all(forms), (context, source)
            assert "%n" not in forms[1] and "%n" not in forms[2], (context, source)  # واحد، ان
            assert all("%n" in form for form in forms[3:]), (context, source)


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (1, "مستند واحد يحتويه"),
        (2, "مستندان يحتويانه"),
        (3, "3 مستندات تحتويه"),
        (11, "11 مستندًا تحتويه"),
        (100, "100 مستند تحتويه"),
    ],
)
def test_counts_take_the_arabic_dual_and_plural(
    arabic: Application, count: int, shown: str
) -> None:
    assert QCoreApplication.translate("Navigator", "%n document(s) contain it", "", count) == shown


def two_layers(store: Store, documents: int) -> None:
    """amal and omar both finished ``documents`` documents, with spans of two labels."""
    for number in range(documents):
        doc, _ = store.add_document(f"قال الجيش إن حلب آمنة {number}")
        for name in ("amal", "omar"):
            store.add_span(doc, name, 4, 9, "ACTOR")
            store.add_span(doc, name, 13, 16, "PLACE")
            store.set_status(doc, name, Status.DONE)


def test_the_dashboard_counts_and_names_labels_in_arabic(arabic: Application) -> None:
    window = arabic.window
    assert window is not None
    two_layers(window.store, 2)
    dashboard = AgreementDashboard(window.store, window)
    dashboard.show_figures(agreement(window.store))
    summary = dashboard.summary.text()
    assert summary.startswith("مُوسِّمان (amal، omar)، ومستندان أنجزهما اثنان منهم على الأقل")
    assert [name for name, _, _ in dashboard.bars.rows] == ["فاعل", "مكان", "ادعاء"]
    assert dashboard.matrix.item(0, 1).toolTip() == "مستندان أنجزهما كلاهما"


def test_undo_names_the_label_in_arabic(arabic: Application) -> None:
    window = arabic.window
    assert window is not None and window.doc is not None
    window.session.add_span(window.doc, 0, 3, "ACTOR", exact=True)
    assert window.action_set.undo.text().startswith("تراجع عن وسم «فاعل»")
    window.session.undo_stack.undo()
    assert window.action_set.redo.text().startswith("إعادة تنفيذ وسم «فاعل»")
    assert window.action_set.undo.text().startswith("تراجع\t")


def test_qt_dialogs_speak_arabic(arabic: Application) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning, "علامة", "؟",
        QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, arabic.window,
    )  # fmt: skip
    texts = sorted(button.text() for button in box.buttons())
    assert texts == sorted(["حسنًا", "ألغِ"])
    edit = QLineEdit(arabic.window)
    menu = edit.createStandardContextMenu()
    assert menu is not None
    assert english_words([action.text() for action in menu.actions()]) == []
    files = QFileDialog(arabic.window)
    files.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on most Linux desktops
    labels = [label.text() for label in files.findChildren(QLabel)]
    assert "ال&بحث في:" in labels  # missing from Qt's Arabic; Alama's catalogue has it
    assert english_words(labels) == []


def test_label_descriptions_are_arabic(arabic: Application) -> None:
    window = arabic.window
    assert window is not None
    tips = {key: button.toolTip() for key, button in window.palette_panel.buttons.items()}
    assert tips["PLACE"] == "موضع مسمّى: دولة أو مدينة أو منطقة أو قاعدة أو معبر أو مخيّم"
    assert english_words(list(tips.values())) == []


def test_shortcuts_and_paths_read_left_to_right(arabic: Application, tmp_path: Path) -> None:
    window = arabic.window
    assert window is not None
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&عرض")
    zoom_in = next(a for a in view.actions() if a.text().startswith("تكبير"))
    assert zoom_in.text() == f"تكبير\t{LRI}Ctrl+={PDI}"  # not "=+Ctrl"
    assert zoom_in.shortcut().toString() == "Ctrl+="
    project = str(tmp_path / "x.alama")
    screen = StartScreen([project], "ar", window)
    item = screen.recent.item(0)
    assert item.text() == f"{LRI}{project}{PDI}"  # not "tmp/…/x.alama/"
    opened: list[Path] = []
    screen._finish = opened.append  # type: ignore[method-assign]
    screen.recent.itemActivated.emit(item)
    assert opened == [Path(project)]


def test_name_errors_from_core_are_arabic(arabic: Application) -> None:
    for name, expected in (
        ("  ", "لا يمكن أن يكون اسم المُوسِّم فارغًا"),
        ("@gold", "لا يصلح \u2068'@gold'\u2069 اسمًا لمُوسِّم"),
    ):
        with pytest.raises(AlamaError) as raised:
            check_annotator(name)
        assert error_text(raised.value) == expected
        assert str(raised.value) != expected  # the command line keeps its English


def test_errors_in_english_read_as_on_the_command_line(qapp: QApplication, tmp_path: Path) -> None:
    Application(qapp, Settings(tmp_path / "settings.ini")).set_language("en")
    with pytest.raises(AlamaError) as raised:
        check_annotator("@gold")
    assert error_text(raised.value) == str(raised.value) == "'@gold' cannot be an annotator name"


def test_project_file_errors_are_arabic(arabic: Application, tmp_path: Path) -> None:
    empty = tmp_path / "empty.alama"
    empty.touch()
    for path, expected in (
        (empty, f"{LRI}{empty}{PDI} ملف فارغ، لا مشروع «علامة»"),
        (tmp_path, f"{LRI}{tmp_path}{PDI} مجلد، لا مشروع «علامة»"),
    ):
        with pytest.raises(AlamaError) as raised:
            Store.open(path)
        assert error_text(raised.value) == expected
    with pytest.raises(AlamaError) as raised:
        Store.create(tmp_path / "p.alama")  # the fixture's project
    assert error_text(raised.value) == f"{LRI}{tmp_path / 'p.alama'}{PDI} موجود من قبل"


def test_every_reason_core_reports_has_arabic(arabic: Application) -> None:
    """The reasons an import or export gives are the catalogue's keys: one changed in core
    without the window's catalogue would show in English."""
    reasons = [
        importing.CLASSIFICATION, importing.GOLD_LAYER, importing.RELATION, importing.EMPTY_TEXT,
        import_files.OUTSIDE, import_files.INCEPTION_SOURCE,
        brat.DISCONTINUOUS, *brat._KINDS.values(), conll.ORPHAN,
    ]  # fmt: skip
    untranslated = [reason for reason in reasons if translated(reason) == reason]
    assert untranslated == []


def files_to_import(folder: Path) -> list[Path]:
    """Articles, CoNLL, JSONL and brat with something repaired or skipped of every kind."""
    articles = folder / "articles"
    articles.mkdir()
    (articles / "one.txt").write_text("خبر أول عن حلب", encoding="utf-8")
    (articles / "empty.txt").write_text("", encoding="utf-8")
    (articles / "notes.md").write_text("# notes", encoding="utf-8")
    conll = folder / "news.conll"
    conll.write_text("زار O\nسامي I-PERS\n\u200eحلب B-LOC\n", encoding="utf-8")
    records = folder / "records.jsonl"
    lines = [
        {"text": "خبر عاجل", "label": "urgent"},
        {"text": "قال سامي كلاما", "_annotator_id": "omar", "spans": [
            {"start": 4, "end": 8, "label": "PERS"}, {"start": 4, "end": 8, "label": "PERS"},
            {"start": 0, "end": 3, "label": "MISC"}]},
    ]  # fmt: skip
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines), "utf-8")
    brat = folder / "brat" / "amal"
    brat.mkdir(parents=True)
    (brat / "doc.txt").write_text("قال سامي في حلب", encoding="utf-8")
    (brat / "doc.ann").write_text(
        "T1\tACTOR 4 8\tسامي\nT2\tPLACE 12 15\tحلب\nT3\tPLACE 0 3;12 15\tقال حلب\n"
        "R1\tRel Arg1:T1 Arg2:T3\n",  # (to a discontinuous span: skipped)
        encoding="utf-8",
    )
    return [articles, conll, records, folder / "brat"]


def test_an_import_report_is_arabic(
    arabic: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = arabic.window
    assert window is not None
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, outcome: shown.append(outcome),
    )
    dialog = ImportDialog(window)
    dialog.add_paths(files_to_import(tmp_path))
    dialog.label_map.setText("PERS=ACTOR,LOC=PLACE,MISC=")
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert window.commands.import_files(dialog)
    ((ok, report),) = shown
    assert ok, report
    assert report.startswith("استُوردت 5 سجلات من 5 ملفات (")
    # (CoNLL tokens keep their direction marks, SPEC 4: no repair is reported for them)
    for reason in ("ملف فارغ", "ليس ملفًا يستورده «علامة»", "مقطع brat متقطّع", "علاقة brat",
                   "مقطع مكرّر تمامًا", "إجابة تصنيف", "أسقطته إعادة تسمية الوسوم",
                   f"وسم {LRI}I-{PDI}"):  # fmt: skip
        assert reason in report
    assert f"({LRI}empty.txt{PDI})" in report  # a file name reads left to right
    assert english_words([report]) == [], report


def test_export_and_merge_reports_are_arabic(arabic: Application, tmp_path: Path) -> None:
    window = arabic.window
    assert window is not None
    two_layers(window.store, 2)
    out = tmp_path / "out.jsonl"
    exported = export_report(exporting.export(window.store, out, fmt="jsonl", labels=["ACTOR"]))
    assert exported.startswith("صُدِّرت 5 سجلات من 3 مستندات بـ4 مقاطع، بصيغة JSONL.")
    assert "لم يُصدَّر (4): مقاطع بوسوم لم تُختر للتصدير" in exported
    assert english_words([exported]) == [], exported
    copy = tmp_path / "copy.alama"
    with Store.create(copy) as other:
        doc, _ = other.add_document("خبر جديد تماما")
        other.add_span(doc, "bilal", 0, 3, "ACTOR")
    merged = merge_report(merging.merge_into(window.store, [copy]))
    assert merged.startswith(f"دُمج ملف مشروع واحد في {LRI}p.alama{PDI}.")
    assert "مستند جديد واحد، ومقطع جديد واحد" in merged
    assert f"أُخذت طبقة {LRI}bilal{PDI} من {LRI}copy.alama{PDI}." in merged
    assert english_words([merged]) == [], merged


def test_an_import_error_is_arabic(
    arabic: Application, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = arabic.window
    assert window is not None
    shown: list[tuple[bool, str]] = []
    monkeypatch.setattr(
        "alama.gui.project_commands.show_outcome",
        lambda parent, title, outcome: shown.append(outcome),
    )
    news = tmp_path / "news.conll"
    news.write_text("زار O\nسامي B-PERS\nحلب B-LOC\n", encoding="utf-8")
    dialog = ImportDialog(window)
    dialog.add_paths([news])
    dialog.exec = lambda: True  # type: ignore[method-assign]
    assert not window.commands.import_files(dialog)
    ((ok, message),) = shown
    assert not ok
    assert message.startswith("الوسوم \u2068LOC, PERS\u2069 ليست في المشروع")
    assert english_words([message]) == [], message
