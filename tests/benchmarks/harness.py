"""Timing, peak memory and the table of `make bench`.

Each figure is the median wall time of several runs and the peak memory one run needed: the
growth of the process's resident set above what it held when the run began (Linux resets the
high-water mark through ``/proc/self/clear_refs``, so each run is measured on its own).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

DOCS = int(os.environ.get("ALAMA_BENCH_DOCS", "10000"))
OPEN_DOCS = int(os.environ.get("ALAMA_BENCH_OPEN_DOCS", "100000"))
RUNS = int(os.environ.get("ALAMA_BENCH_RUNS", "3"))
REPORT = Path(os.environ.get("ALAMA_BENCH_REPORT", "build/bench.md"))
STATUS = Path("/proc/self/status")


def _kib(field_name: str) -> int | None:
    try:
        found = re.search(rf"{field_name}:\s+(\d+) kB", STATUS.read_text())
    except OSError:
        return None
    return int(found.group(1)) if found else None


def _release() -> None:
    """Hand memory freed by earlier runs back to the system, so a run's growth is its own."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reset_peak() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


@dataclass
class Child:
    """What a run in another process returns: that process's peak resident set."""

    peak_kib: int


def run_child(command: list[str]) -> Child:
    """Run a command to its end; its peak memory is the figure's (Linux reports it in KiB)."""
    process = subprocess.Popen(command)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command)
    return Child(usage.ru_maxrss)


@dataclass
class Figure:
    """The median of ``times`` and the largest peak memory of a run, in MiB (None: unknown)."""

    times: list[float]
    peak_mib: float | None

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def measure(
    func: Callable[[], object], runs: int = RUNS, before: Callable[[], object] | None = None
) -> Figure:
    """Run ``func`` ``runs`` times (``before`` first each time, untimed)."""
    times: list[float] = []
    peaks: list[float] = []
    for _ in range(runs):
        if before is not None:
            before()
        _release()
        resettable = _reset_peak()
        start_rss = _kib("VmRSS")
        start = time.perf_counter()
        child = func()
        times.append(time.perf_counter() - start)
        peak = _kib("VmHWM")
        if isinstance(child, Child):
            peaks.append(child.peak_kib / 1024)
        elif resettable and peak is not None and start_rss is not None:
            peaks.append(max(peak - start_rss, 0) / 1024)
    return Figure(times, max(peaks) if peaks else None)


_APART = """
import json, sys, time
sys.path.insert(0, {here!r})
from harness import _kib, _release, _reset_peak
{setup}
_release()
_reset_peak()
start = _kib("VmRSS")
began = time.perf_counter()
{call}
took = time.perf_counter() - began
peak = _kib("VmHWM")
print(json.dumps([took, None if peak is None or start is None else (peak - start) / 1024]))
"""


def measure_apart(
    setup: str, call: str, runs: int = RUNS, before: Callable[[], object] | None = None
) -> Figure:
    """Like `measure`, each run in a new process: ``setup`` (untimed: imports, opening files),
    then ``call`` timed, its peak memory above what the process held before it. A process of
    its own gives each run back none of the memory an earlier run left in Python's arenas."""
    times: list[float] = []
    peaks: list[float] = []
    script = _APART.format(here=str(Path(__file__).parent), setup=setup, call=call)
    for _ in range(runs):
        if before is not None:
            before()
        done = subprocess.run(
            [sys.executable, "-c", script], check=True, capture_output=True, text=True
        )
        took, peak = json.loads(done.stdout.strip().splitlines()[-1])
        times.append(took)
        if peak is not None:
            peaks.append(peak)
    return Figure(times, max(peaks) if peaks else None)


@dataclass
class Row:
    """One line of the table: Alama's figure, its baselines and the target it must meet."""

    what: str
    alama: Figure
    baselines: list[tuple[str, Figure]] = field(default_factory=list)
    target_s: float | None = None
    target_ratio: float | None = None

    def ratio(self) -> float | None:
        if not self.baselines or self.baselines[0][1].median <= 0:
            return None
        return self.alama.median / self.baselines[0][1].median

    def verdict(self) -> str:
        checks = []
        if self.target_s is not None:
            checks.append((self.alama.median < self.target_s, f"< {_time(self.target_s)}"))
        ratio = self.ratio()
        if self.target_ratio is not None and ratio is not None:
            checks.append((ratio <= self.target_ratio, f"≤ {self.target_ratio:g}×"))
        return ", ".join(f"{'met' if ok else 'MISSED'} ({text})" for ok, text in checks)


RESULTS: list[Row] = []
NOTES: list[str] = []
"""Tables of their own printed after the main one (the growth of agreement and merge)."""


def record(row: Row) -> Row:
    """Add a row to the table printed at the end, and print it now."""
    RESULTS.append(row)
    print(f"\n{_line(row)}", flush=True)
    return row


def _time(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    return f"{seconds * 1000:.1f} ms"


def _memory(figure: Figure) -> str:
    return "–" if figure.peak_mib is None else f"{figure.peak_mib:.0f} MiB"


def _line(row: Row) -> str:
    base = "; ".join(f"{name} {_time(fig.median)} ({_memory(fig)})" for name, fig in row.baselines)
    ratio = row.ratio()
    return (
        f"{row.what}: {_time(row.alama.median)} ({_memory(row.alama)})"
        + (f" | {base}" if base else "")
        + (f" | ×{ratio:.1f}" if ratio is not None else "")
        + (f" | {row.verdict()}" if row.verdict() else "")
    )


def machine() -> str:
    """The machine, Python and SQLite the figures were measured on."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = None
    try:
        total = re.search(r"MemTotal:\s+(\d+) kB", Path("/proc/meminfo").read_text())
        memory = int(total.group(1)) if total else None
    except OSError:
        pass
    ram = f", {memory / 1024 / 1024:.0f} GiB RAM" if memory else ""
    return (
        f"{model}, {os.cpu_count()} cores{ram}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}"
    )


def markdown(title: str) -> str:
    """The table as Markdown, for the README."""
    lines = [
        f"{title}  ",
        f"Measured on: {machine()}. Median of {RUNS} runs for the batch figures.",
        "",
        "| what | Alama | peak memory | baseline: the same rows in plain code | baseline | ratio "
        "| target |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in RESULTS:
        name, base = row.baselines[0] if row.baselines else ("–", None)
        others = "".join(
            f"<br>{other}: {_time(fig.median)}, {_memory(fig)}" for other, fig in row.baselines[1:]
        )
        ratio = row.ratio()
        lines.append(
            f"| {row.what} | {_time(row.alama.median)} | {_memory(row.alama)} | {name}{others} | "
            f"{_time(base.median) + ', ' + _memory(base) if base else '–'} | "
            f"{f'{ratio:.1f}×' if ratio is not None else '–'} | {row.verdict() or '–'} |"
        )
    return "\n".join(lines) + "\n" + "".join(f"\n{note}" for note in NOTES if note)


def report(title: str, path: Path) -> None:
    """Print the table and write it as Markdown."""
    text = markdown(title)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print("\n\n" + "\n".join(_line(row) for row in RESULTS), file=sys.stdout)
    print(f"\n{text}\n(written to {path})", flush=True)
