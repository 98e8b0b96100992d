"""Shared helpers of the benchmarks: machine description, memory sampling, result files."""
from __future__ import annotations

import json
import os
import platform
import statistics
import threading
import time
from pathlib import Path
from typing import Any

import psutil

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "results"  # committed result files (``OUT`` is git-ignored scratch)
CORPUS = ROOT / "bench" / "corpus"


def machine() -> dict[str, Any]:
    """Cores, memory and software versions of the machine running the benchmark."""
    vm = psutil.virtual_memory()
    return {
        "cpus": os.cpu_count(),
        "cpu_affinity": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "memory_gb": round(vm.total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of ``proc`` and all its descendants, in bytes."""
    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.Error:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


class TreeSampler:
    """Calls ``_sample()`` on a process tree every ``interval`` seconds in a background thread,
    while used as a context manager, and once more on leaving it."""

    def __init__(self, pid: int | None = None, interval: float = 0.1):
        self.proc = psutil.Process(pid or os.getpid())
        self.interval = interval
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        raise NotImplementedError

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self._t.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._t.join()
        self._sample()


class RssSampler(TreeSampler):
    """Samples the RSS of a process tree in a background thread; ``peak`` in bytes."""

    def __init__(self, pid: int | None = None, interval: float = 0.1):
        super().__init__(pid, interval)
        self.peak = 0

    def _sample(self) -> None:
        self.peak = max(self.peak, tree_rss(self.proc))


def summary(xs: list[float]) -> dict[str, float]:
    """Median, p95, min and max of timings (seconds -> milliseconds)."""
    s = sorted(xs)
    p95 = s[min(len(s) - 1, max(0, int(round(0.95 * len(s))) - 1))]
    return {"median_ms": round(statistics.median(s) * 1000, 2), "p95_ms": round(p95 * 1000, 2),
            "min_ms": round(s[0] * 1000, 2), "max_ms": round(s[-1] * 1000, 2), "runs": len(s)}


def save(name: str, result: dict[str, Any], out: Path | None = None) -> Path:
    """Write ``result`` (plus a timestamp) to ``bench/out/<name>.json``."""
    out = out or OUT
    out.mkdir(parents=True, exist_ok=True)
    result = {"benchmark": name, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), **result}
    path = out / f"{name}.json"
    path.write_text(json.dumps(result, indent=1, default=str))
    return path


def mb(n_bytes: float) -> float:
    """Bytes -> MiB, rounded to 0.1."""
    return round(n_bytes / 2**20, 1)


def load_avg() -> list[float]:
    """The 1, 5 and 15 minute load averages now: the machine is shared, so every timed phase
    records what the neighbours were doing next to its numbers."""
    return [round(x, 2) for x in os.getloadavg()]
