"""Load: simulated annotators labelling at once, on one PostgreSQL server (tests/pg.py) and on
one SQLite project file, each action a transaction of its own (issue 21).

Each annotator is a thread with a connection of its own: on the server, logged in as their own
role under the row-level policies; on the file, a `Store` of its own. An action is what adding
a span writes (the span, and the layer's status if it has none), timed from the "keypress" to
the commit. After the run every action is counted: none lost, none twice.

ALAMA_BENCH_ANNOTATORS (default 50) and ALAMA_BENCH_ACTIONS (default 40 per annotator) set the
load. On the server the actions are the store's two statements in SQL (the server `Store` is
not built yet); on the file they go through `Store.add_span`, as the window's do.
"""

from __future__ import annotations

import os
import statistics
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from alama.core.store import Store
from alama.core.store.pg_team import add_annotator, add_lead

pytestmark = pytest.mark.benchmark

ANNOTATORS = int(os.environ.get("ALAMA_BENCH_ANNOTATORS", "50"))
ACTIONS = int(os.environ.get("ALAMA_BENCH_ACTIONS", "40"))
DOCS = 100
TEXT = "قال الرئيس في بيروت إن الحكومة ستجتمع غدا لبحث الأزمة الاقتصادية " * 4
STAMP = "2026-01-01T00:00:00.000+00:00"
SPAN = (
    "INSERT INTO spans (id, doc, annotator, start_char, end_char, label, origin, created_at, "
    "updated_at) VALUES (%s, %s, %s, %s, %s, 'ACTOR', 'manual', %s, %s)"
)
STATUS = (
    "INSERT INTO status (doc, annotator, state, updated_at) VALUES (%s, %s, 'in_progress', %s) "
    "ON CONFLICT DO NOTHING"
)


def run_load(action: Callable[[int, int], None]) -> tuple[float, list[float]]:
    """Run every annotator's actions at once; the wall time and each action's latency."""
    latencies: list[list[float]] = [[] for _ in range(ANNOTATORS)]
    errors: list[BaseException] = []
    start = threading.Barrier(ANNOTATORS + 1)

    def annotate(person: int) -> None:
        start.wait()
        try:
            for n in range(ACTIONS):
                began = time.perf_counter()
                action(person, n)
                latencies[person].append(time.perf_counter() - began)
        except BaseException as error:  # reported below, not lost in a thread
            errors.append(error)

    threads = [threading.Thread(target=annotate, args=(p,)) for p in range(ANNOTATORS)]
    for thread in threads:
        thread.start()
    began = time.perf_counter()
    start.wait()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    assert not errors, errors[:3]
    return wall, [latency for person in latencies for latency in person]


def report(name: str, wall: float, latencies: list[float]) -> str:
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    line = (
        f"{name}: {ANNOTATORS} annotators × {ACTIONS} actions in {wall:.2f} s = "
        f"{len(latencies) / wall:,.0f} actions/s; keypress to commit p50 {cuts[49] * 1000:.1f} ms, "
        f"p99 {cuts[98] * 1000:.1f} ms, max {max(latencies) * 1000:.1f} ms"
    )
    print(line)
    return line


def doc_of(person: int, n: int) -> int:
    return 1 + (person * 7 + n) % DOCS


def test_annotators_at_once_on_a_server(pg_server, pg_project) -> None:
    names = [f"ann{p}_{pg_project}" for p in range(ANNOTATORS)]
    passwords: dict[str, str] = {}
    with pg_server.connect(pg_project) as admin:
        admin.autocommit = True
        lead = f"lead_{pg_project}"
        passwords[lead] = add_lead(admin, lead)
        for name in names:
            passwords[name] = add_annotator(admin, name)
        admin.execute("INSERT INTO labels VALUES ('ACTOR', 'فاعل', 'Actor', '', '#123', '', 0)")
        with admin.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO documents (id, doc_id, hash, title, text, position, created_at) "
                "VALUES (%s, %s, %s, '', %s, %s, %s)",
                [(d, f"d{d}", f"h{d}", TEXT, d, STAMP) for d in range(1, DOCS + 1)],
            )
            cursor.executemany(
                "INSERT INTO assignments (doc, annotator, updated_at) VALUES (%s, %s, %s)",
                [(d, name, STAMP) for name in names for d in range(1, DOCS + 1)],
            )
    connections = [pg_server.connect(pg_project, n, passwords[n]) for n in names]
    for conn in connections:
        conn.autocommit = True

    def action(person: int, n: int) -> None:
        conn, doc = connections[person], doc_of(person, n)
        with conn.transaction():
            conn.execute(SPAN, (str(uuid.uuid4()), doc, names[person], n, n + 4, STAMP, STAMP))
            conn.execute(STATUS, (doc, names[person], STAMP))

    try:
        wall, latencies = run_load(action)
    finally:
        for conn in connections:
            conn.close()
    report("PostgreSQL server", wall, latencies)
    with pg_server.connect(pg_project) as admin:
        counts = admin.execute("SELECT annotator, count(*) FROM spans GROUP BY annotator")
        assert dict(counts.fetchall()) == dict.fromkeys(names, ACTIONS)  # none lost or twice


def test_annotators_at_once_on_one_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "load.alama"
    with Store.create(path) as store:
        for d in range(DOCS):
            store.add_document(f"{TEXT} {d}", doc_id=f"d{d}", tokens=[(0, 3)])
        ids = store.document_ids()
    stores = [Store.open(path) for _ in range(ANNOTATORS)]

    def action(person: int, n: int) -> None:
        doc = ids[doc_of(person, n) - 1]
        stores[person].add_span(doc, f"ann{person}", n, n + 4, "ACTOR")

    try:
        wall, latencies = run_load(action)
    finally:
        for store in stores:
            store.close()
    report("SQLite file", wall, latencies)
    with Store.open(path) as store:
        spans = list(store.iter_spans())
    assert len(spans) == ANNOTATORS * ACTIONS == len({span.id for span in spans})
