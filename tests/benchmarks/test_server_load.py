"""Load: simulated annotators labelling at once, on one PostgreSQL server (tests/pg.py) and on
one SQLite project file, through the program's own path (issue 21).

Each annotator opens a store of their own: on the server a `ServerStore` logged in as their own
login (an annotator role, under the row-level policies), on the file a `Store` on the one
project file. Every action is `AddSpan(...).apply(store)`, what the window's label key does (one
transaction: the span, and the layer's status the first time), on the documents assigned to
that annotator, timed from the keypress (the edit built) to the commit having returned. After
the run every action is looked for in the store: each span id exactly once, each
(document, annotator, start, end, label) exactly once, nothing else; none lost, none twice.

The clients are processes, so that Python's GIL does not queue them one behind the other: the
annotators are dealt round-robin over at most ALAMA_BENCH_WORKERS (default 8) spawned worker
processes, each running its annotators as threads (load_clients.py). Why 8 on this 2-core
machine: a client spends nearly all of an action waiting on the server or on the file's lock,
so a few threads per process lose little to the GIL, while 50 processes (each with Alama's core
imported) would crowd the server's own 50 backends off the two cores and measure the
scheduler. Clients and server share the same two cores, so the numbers are a floor for a
real team (whose clients are on their own machines), not a ceiling.

The server runs as tests/pg.py starts it (Unix socket, fsync=off, synchronous_commit on, since
a test server's data is thrown away); the bench runs it as started and again on a second
server started the same way but with fsync on, as a real server runs. The file is in WAL mode with
synchronous=NORMAL (the program's setting: a commit does not wait for the disk, a checkpoint
does); its writers take turns, a waiting one sleeping in SQLite's busy handler, so its median is
one write's own cost and its tail the waiting.

ALAMA_BENCH_ANNOTATORS (default 50) and ALAMA_BENCH_ACTIONS (default 40 per annotator) set the
load. The table is printed at the end of the module (run with ``-s``).
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import secrets
import statistics
import subprocess
import tempfile
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from alama.core.model import NewDocument
from alama.core.store import Store
from alama.core.store.pg_connect import set_up
from alama.core.store.pg_team import add_annotator, add_lead
from alama.core.store.server_store import ServerStore
from alama.core.store.team import AssignmentRow
from tests.benchmarks.load_clients import LABEL, Annotator, Done, action_key, run_worker
from tests.pg import START_TIMEOUT_S, Server, ServerUnavailable, server_programs

pytestmark = pytest.mark.benchmark

ANNOTATORS = int(os.environ.get("ALAMA_BENCH_ANNOTATORS", "50"))
ACTIONS = int(os.environ.get("ALAMA_BENCH_ACTIONS", "40"))
WORKERS = min(ANNOTATORS, int(os.environ.get("ALAMA_BENCH_WORKERS", "8")))
DOCS = 100
EACH = 10  # documents assigned to each annotator (overlapping: each document has several)
TEXT = "قال الرئيس في بيروت إن الحكومة ستجتمع غدا لبحث الأزمة الاقتصادية " * 4
STAMP = "2026-01-01T00:00:00.000+00:00"
RUN_TIMEOUT_S = 900.0

ROWS: list[str] = []
NOTES: list[str] = []


@pytest.fixture(scope="module", autouse=True)
def table() -> Iterator[None]:
    """Print every run's row as one table once the module's tests are done."""
    yield
    if ROWS:
        print()
        print(f"{'store':<32} {'load':>9} {'wall s':>7} {'act/s':>6} {'p50 ms':>7} "
              f"{'p99 ms':>7} {'max ms':>7} {'lost':>5} {'twice':>5}")  # fmt: skip
        for row in ROWS:
            print(row)
        for note in NOTES:
            print(f"- {note}")


def documents() -> list[NewDocument]:
    return [
        NewDocument(f"{TEXT} {d}", doc_id=f"d{d}", tokens=[(0, 3)]) for d in range(DOCS)
    ]  # tokens given: the bench is about labelling, not camel-tools' tokenizer


def assigned(ids: list[int], person: int) -> tuple[int, ...]:
    return tuple(ids[(person * 7 + k) % len(ids)] for k in range(EACH))


def assignments(people: list[Annotator]) -> list[AssignmentRow]:
    return [AssignmentRow(doc, p.name, 0, STAMP, None) for p in people for doc in p.docs]


def run(people: list[Annotator]) -> tuple[float, list[Done]]:
    """Every annotator's actions at once over the worker processes: the wall time (from the
    first worker let go to the last one finished) and what each annotator did."""
    context = multiprocessing.get_context("spawn")
    ready = context.Barrier(WORKERS + 1)
    results = context.Queue()
    workers = [
        context.Process(target=run_worker, args=(people[w::WORKERS], ACTIONS, ready, results))
        for w in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    outcomes: list[Any] = []
    try:
        ready.wait(RUN_TIMEOUT_S)
        for _ in workers:
            outcomes.append(results.get(timeout=RUN_TIMEOUT_S))
    except (queue.Empty, threading.BrokenBarrierError):  # a worker failed: what it said
        try:
            while len(outcomes) < WORKERS:
                outcomes.append(results.get(timeout=30))
        except queue.Empty:
            pass
    finally:
        for worker in workers:
            worker.join(30)
            if worker.is_alive():
                worker.kill()
    failed = [outcome[1] for outcome in outcomes if outcome[0] == "failed"]
    assert not failed, failed[0]
    assert len(outcomes) == WORKERS, "a worker process neither finished nor said why"
    wall = max(o[2] for o in outcomes) - min(o[1] for o in outcomes)
    return wall, [done for outcome in outcomes for done in outcome[3]]


def check(name: str, wall: float, people: list[Annotator], done: list[Done], stored: Any) -> None:
    """Add the run's row to the table, then assert every action is stored exactly once: by
    span id and by (document, annotator, start, end, label), nothing missing and nothing else."""
    errors = [error for person in done for error in person.errors]
    latencies = [latency for person in done for _, _, latency in person.actions]
    ids = Counter(span.id for span in stored)
    keys = Counter((s.doc, s.annotator, s.start, s.end, s.label) for s in stored)
    sent_ids = {span_id for person in done for span_id, _, _ in person.actions}
    meant = {
        (doc, p.name, start, end, LABEL)
        for p in people
        for doc, start, end in (action_key(p, n) for n in range(ACTIONS))
    }
    lost = len(meant - set(keys))
    twice = sum(n - 1 for n in keys.values()) + len(set(keys) - meant)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if latencies else [0.0] * 99
    ROWS.append(
        f"{name:<32} {f'{ANNOTATORS}×{ACTIONS}':>9} {wall:>7.2f} "
        f"{len(latencies) / wall:>6,.0f} {cuts[49] * 1000:>7.1f} {cuts[98] * 1000:>7.1f} "
        f"{max(latencies, default=0) * 1000:>7.1f} {lost:>5} {twice:>5}"
    )
    print(ROWS[-1])
    assert not errors, errors[:3]
    assert len(meant) == len(latencies) == ANNOTATORS * ACTIONS
    assert set(ids) == sent_ids and all(n == 1 for n in ids.values())  # by span id
    assert set(keys) == meant and all(n == 1 for n in keys.values())  # by what was labelled


class DurableServer(Server):
    """tests/pg.py's server, but with fsync on, as a real server runs."""

    def _run(self, program: str, *args: str, timeout: float = START_TIMEOUT_S) -> str:
        args = tuple(arg.replace("fsync=off", "fsync=on") for arg in args)
        return super()._run(program, *args, timeout=timeout)


@pytest.fixture(scope="module")
def durable_server() -> Iterator[Server]:
    """A second test server, with fsync on (fsync given on the command line, as tests/pg.py
    gives it, cannot be changed by a reload)."""
    run_as = {"user": 65534, "group": 65534} if os.geteuid() == 0 else {}
    server = DurableServer(
        bin=server_programs(),
        folder=Path(tempfile.mkdtemp(prefix="alama-pg-fsync-")),
        password=secrets.token_urlsafe(16),
        run_as=run_as,
    )
    try:
        server.start()
    except (ServerUnavailable, OSError, subprocess.TimeoutExpired) as error:
        server.stop()
        pytest.skip(f"no server with fsync on could be started: {error}")
    yield server
    server.stop()


def server_project(request: pytest.FixtureRequest, fsync: str) -> tuple[Server, str]:
    """A new project database on the server with the given fsync: the server and its name."""
    if fsync == "off":
        return request.getfixturevalue("pg_server"), request.getfixturevalue("pg_project")
    server = request.getfixturevalue("durable_server")
    name = f"alama_load_{secrets.token_hex(4)}"
    server.create_database(name)
    set_up(server.url(name))
    return server, name


@pytest.mark.parametrize("fsync", ["off", "on"])
def test_annotators_at_once_on_a_server(request: pytest.FixtureRequest, fsync: str) -> None:
    server, db = server_project(request, fsync)
    tag = db.rsplit("_", 1)[1]  # roles are the server's: one set per database
    ServerStore.create(server.url(db)).close()  # the labels, by the database's owner
    with server.connect(db) as admin:
        admin.autocommit = True
        lead_password = add_lead(admin, f"load_lead_{tag}")
        shown = {
            key: admin.execute(f"SHOW {key}").fetchone()[0]
            for key in ("server_version", "fsync", "synchronous_commit", "max_connections")
        }
    assert shown["fsync"] == fsync
    with ServerStore.open(server.url(db, f"load_lead_{tag}", lead_password)) as lead:
        ids = [doc for doc, _ in lead.add_documents(documents())]
        people: list[Annotator] = []
        for p in range(ANNOTATORS):
            name = f"ann{p}_{tag}"
            password = add_annotator(lead.pg, name)
            people.append(Annotator(name, server.url(db, name, password), assigned(ids, p)))
        lead.put_assignment_rows(assignments(people))
        wall, done = run(people)
        stored = list(lead.iter_spans())
    NOTES.append(
        f"PostgreSQL {shown['server_version']} (tests/pg.py, Unix socket, fsync={shown['fsync']}, "
        f"synchronous_commit={shown['synchronous_commit']}): each annotator a ServerStore as "
        "their own login, row-level security on"
    )
    check(f"PostgreSQL server, fsync={fsync}", wall, people, done, stored)


def test_annotators_at_once_on_one_sqlite_file(tmp_path: Path) -> None:
    path = tmp_path / "load.alama"
    with Store.create(path) as store:
        ids = [doc for doc, _ in store.add_documents(documents())]
        people = [Annotator(f"ann{p}", str(path), assigned(ids, p)) for p in range(ANNOTATORS)]
        store.put_assignment_rows(assignments(people))
    wall, done = run(people)
    with Store.open(path) as store:
        stored = list(store.iter_spans())
    NOTES.append(
        "SQLite file: WAL, synchronous=NORMAL, 60 s busy timeout; each annotator a Store of "
        "their own on the one file"
    )
    NOTES.append(
        f"clients: {ANNOTATORS} annotators over {WORKERS} spawned processes (threads inside), "
        f"{os.cpu_count()} CPUs shared with the server; each annotator {EACH} assigned documents"
    )
    check("SQLite file", wall, people, done, stored)
