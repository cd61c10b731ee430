"""`make bench`: Alama against plain baselines on a synthetic Arabic corpus (SPEC 11).

Not part of `make test`. Prints a table: each figure is a median of several runs beside the
same work done through raw sqlite3 and json, and their ratio, so that figures compare across
machines. Size: ALAMA_BENCH_DOCS documents (default 10,000) × 3 annotators × ~20 spans.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor

from alama.core.exporting import export
from alama.core.importing import import_paths
from alama.core.store import Store
from alama.gui.app import register_fonts
from alama.gui.qt_main_window import MainWindow
from alama.gui.session import Session
from alama.gui.settings import Settings

DOCS = int(os.environ.get("ALAMA_BENCH_DOCS", "10000"))
ANNOTATORS = ("amal", "bilal", "carim")
WORDS = (
    "قال",
    "وزير",
    "الدفاع",
    "الأمريكيّ",
    "إن",
    "القوات",
    "ستنسحب",
    "من",
    "قاعدة",
    "التنف",
    "في",
    "سوريا",
    "خلال",
    "أسابيع،",
    "مؤكداً",
    "أن",
    "«التنسيق",
    "مستمر»",
    "مع",
    "روسيا",
    "55\u00a0كيلومتراً",
    'بـ"خطوات"',
    "حلب",
    "دمشق",
    "الأمم",
    "المتحدة",
    "😀",
    "#عاجل",
)
RESULTS: list[tuple[str, float, float | None]] = []


def median_time(func: Callable[[], object], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def article(rng: random.Random, n: int) -> str:
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 60)))
        for _ in range(rng.randint(4, 8))
    ]
    return f"الخبر رقم {n}\n\n" + "\n\n".join(paragraphs)


def spans_of(rng: random.Random, text: str, count: int) -> list[dict[str, object]]:
    words = [(i, i + len(w)) for i, w in _words(text)]
    chosen = rng.sample(words, min(count, len(words)))
    return [
        {"start": s, "end": e, "label": rng.choice(["ACTOR", "PLACE", "CLAIM"])} for s, e in chosen
    ]


def _words(text: str) -> list[tuple[int, str]]:
    found, position = [], 0
    for word in text.split():
        position = text.index(word, position)
        found.append((position, word))
        position += len(word)
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bench")
    rng = random.Random(7)
    with (folder / "corpus.jsonl").open("w", encoding="utf-8") as out:
        for n in range(DOCS):
            text = article(rng, n)
            for who in ANNOTATORS:
                out.write(
                    json.dumps(
                        {"text": text, "spans": spans_of(rng, text, 20), "_annotator_id": who},
                        ensure_ascii=False,
                    )
                    + "\n"
                )
    return folder


def baseline_import(source: Path, target: Path) -> None:
    """The same rows through raw json and sqlite3: documents, spans, one transaction."""
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, text TEXT UNIQUE)")
    conn.execute("CREATE TABLE spans (doc, annotator, start, end, label)")
    conn.execute("CREATE INDEX spans_by_doc ON spans (doc)")
    with conn:
        for line in source.open(encoding="utf-8"):
            record = json.loads(line)
            conn.execute("INSERT OR IGNORE INTO docs (text) VALUES (?)", (record["text"],))
            doc = conn.execute("SELECT id FROM docs WHERE text = ?", (record["text"],)).fetchone()[
                0
            ]
            conn.executemany(
                "INSERT INTO spans VALUES (?, ?, ?, ?, ?)",
                [
                    (doc, record["_annotator_id"], s["start"], s["end"], s["label"])
                    for s in record["spans"]
                ],
            )
    conn.close()


def baseline_export(source: Path, target: Path) -> None:
    conn = sqlite3.connect(source)
    with target.open("w", encoding="utf-8") as out:
        for doc, text in conn.execute("SELECT id, text FROM docs"):
            spans = conn.execute(
                "SELECT annotator, start, end, label FROM spans WHERE doc = ?", (doc,)
            ).fetchall()
            out.write(json.dumps({"text": text, "spans": spans}, ensure_ascii=False) + "\n")
    conn.close()


@pytest.mark.benchmark
def test_import_and_export(corpus: Path) -> None:
    source = corpus / "corpus.jsonl"
    counter = iter(range(100))

    def ours() -> None:
        with Store.create(corpus / f"a{next(counter)}.alama") as store:
            import_paths(store, [source])

    def theirs() -> None:
        baseline_import(source, corpus / f"b{next(counter)}.db")

    RESULTS.append(("import (JSONL)", median_time(ours, 1), median_time(theirs, 1)))
    project = next(corpus.glob("a*.alama"))
    baseline = next(corpus.glob("b*.db"))
    with Store.open(project) as store:
        RESULTS.append(
            (
                "export (JSONL, tokens)",
                median_time(lambda: export(store, corpus / "out.jsonl"), 1),
                median_time(lambda: baseline_export(baseline, corpus / "base.jsonl"), 1),
            )
        )


@pytest.mark.benchmark
def test_gui_switch_and_keypress(qtbot: object, qapp: object, tmp_path: Path) -> None:
    register_fonts()
    rng = random.Random(3)
    project = tmp_path / "gui.alama"
    with Store.create(project) as store:
        docs = []
        for n in range(20):
            text = article(rng, n) * 3
            doc, _ = store.add_document(text)
            store.add_spans(
                doc,
                "amal",
                [
                    (s["start"], s["end"], s["label"])  # type: ignore[misc]
                    for s in spans_of(rng, text, 300)
                ],
            )
            docs.append(doc)
    store = Store.open(project)
    settings = Settings(tmp_path / "settings.ini")
    window = MainWindow(Session(store, "amal"), settings)
    window.show()
    switch = median_time(lambda: (window.step(1), qapp.processEvents()), 9)  # type: ignore[attr-defined]
    plain = median_time(lambda: window.article.setPlainText(window.article.text), 9)
    RESULTS.append(("switch document, 300 spans", switch, plain))

    def keypress() -> None:
        text = window.article.text
        start = rng.randrange(0, len(text) - 20)
        cursor = window.article.textCursor()
        cursor.setPosition(window.article.offsets.to_qt(start))
        cursor.setPosition(
            window.article.offsets.to_qt(start + 10), QTextCursor.MoveMode.KeepAnchor
        )
        window.article.setTextCursor(cursor)
        window.apply_label("ACTOR")
        qapp.processEvents()  # type: ignore[attr-defined]

    conn = sqlite3.connect(tmp_path / "raw.db")
    conn.execute("CREATE TABLE spans (a, b, c)")

    def raw_insert() -> None:
        with conn:
            conn.execute("INSERT INTO spans VALUES (1, 2, 3)")

    RESULTS.append(
        (
            "label keypress to stored and painted",
            median_time(keypress, 15),
            median_time(raw_insert, 15),
        )
    )
    window.close()
    store.close()


def teardown_module() -> None:
    print(
        f"\n\nAlama benchmark: {DOCS} documents × {len(ANNOTATORS)} annotators × ~20 spans, "
        f"{os.cpu_count()} cores"
    )
    print(f"{'what':40} {'alama':>10} {'baseline':>10} {'ratio':>7}")
    for what, ours, base in RESULTS:
        ratio = f"{ours / base:7.1f}" if base else "      -"
        print(f"{what:40} {ours * 1000:8.1f}ms {base * 1000 if base else 0:8.1f}ms {ratio}")
