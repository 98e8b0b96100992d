"""Dask engine: run :func:`data.pipeline.prepare_tasks` on a Dask cluster.

With ``scheduler=None`` a ``LocalCluster`` of ``workers`` single-threaded worker processes is
started here and closed at the end; with an address (``tcp://host:8786``) the engine connects to
an existing cluster and leaves it running. Every worker must be able to ``import data``: start
workers from a checkout of this project with its virtual environment (see the README).

Work is planned by :func:`data.pipeline.plan_tasks` (a big JSONL file becomes parts of ~100
lines, so that two workers share one dump and results come back in small pieces), grouped into
chunks by :func:`data.pipeline.chunk_tasks` (a few small files, or one part) and submitted
through a bounded window, so that neither the client nor the cluster ever holds the whole corpus: at most
``window`` chunks are in flight, and results stream back with ``as_completed`` and are handed to
the driver in batches as soon as they arrive (in completion order, not file order). Workers send
back store rows as Arrow tables (:class:`data.pipeline.Part`), not ``extract`` dicts: the one
driver then only deserialises buffers and inserts them, which lets the cluster scale.
"""
from __future__ import annotations

import logging
import os
import pkgutil
from typing import Iterator, Sequence

from data.engines import BATCH_SIZE, check_args, rebatch
from data.pipeline import Part, Task, chunk_tasks, plan_tasks, prepare_tasks

__all__ = ["process", "chunk_files"]

CHUNK_MAX_FILES = 16
CHUNK_MAX_BYTES = 4 * 1024 * 1024

# Worker settings for this workload. The statistical profiler samples every worker thread's
# stack every 10 ms; extraction is pure Python holding the GIL, so the sampler competes with it
# for nothing we use. Results travel between processes on one machine (or a LAN), where
# compressing them costs more CPU than it saves. Every process also wakes its event loop 50
# times a second for a health check and twice a second for system metrics (dashboard
# diagnostics only; memory limits have their own monitor): each wake-up takes the GIL from the
# extraction thread. Measured idle, these two settings cut the driver's CPU from 3% to 1% of a
# core and a worker's from 1.7% to 0.6%.
DASK_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.comm.compression": None,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def chunk_files(files: Sequence[str], max_files: int = CHUNK_MAX_FILES,
                max_bytes: int = CHUNK_MAX_BYTES) -> Iterator[list[str]]:
    """Group whole ``files`` in order into chunks (:func:`data.pipeline.chunk_tasks`)."""
    return chunk_tasks(files, max_files, max_bytes)


def _process_chunk(tasks: list[Task]) -> Part:
    """Worker side: the store rows and load errors of every task of one chunk."""
    return prepare_tasks(tasks)


def _check_cluster(client, address: str) -> None:
    """Fail early, with a useful message, when the cluster cannot import this project.

    Tasks refer to ``data.engines.dask._process_chunk`` by name, so the scheduler (which
    deserialises task graphs) and every worker must be able to import ``data``.
    ``pkgutil.resolve_name`` is stdlib, so the probe itself travels to any Python.
    """
    probe = "data.engines.dask:__name__"
    try:
        client.run_on_scheduler(pkgutil.resolve_name, probe)
        client.run(pkgutil.resolve_name, probe)
    except Exception as exc:
        raise RuntimeError(
            f"the Dask cluster at {address} cannot import this project's `data` package "
            f"({type(exc).__name__}: {exc}). Start the scheduler and every worker from a checkout of "
            "the project with its requirements installed, e.g. `cd PROJECT && PYTHONPATH=$PWD dask "
            "scheduler` and `PYTHONPATH=$PWD dask worker tcp://HOST:8786 --nthreads 1` "
            "(docs/BENCHMARKS.md, 'Running on a Dask cluster')") from exc


def process(files: Sequence[str], *, scheduler: str | None = None, workers: int | None = None,
            batch_size: int = BATCH_SIZE, window: int | None = None) -> Iterator[Part]:
    """Yield the parts (store rows and load errors) of every file, computed on a Dask cluster.

    Big JSONL files are processed in parts, so their results arrive piece by piece.

    Parameters
    ----------
    files : sequence of str
        File paths (folders already expanded by the driver).
    scheduler : str, optional
        Address of a running Dask scheduler. ``None`` starts a ``LocalCluster``.
    workers : int, optional
        Worker processes for the ``LocalCluster`` (default 2; one thread each, since extraction
        is pure Python and holds the GIL). Ignored with ``scheduler``.
    batch_size : int
        Results per yielded part, at least (the driver writes one transaction per part).
    window : int, optional
        Chunks in flight at once (default: 4 per worker thread, at least 8).

    Yields
    ------
    data.pipeline.Part
        The parts of workers' chunks joined up to ``batch_size`` results, in completion order.
    """
    check_args(workers, batch_size, window)
    files = list(files)
    if not files:
        return

    import dask
    import distributed  # noqa: F401  (first: it adds its defaults to dask's config)

    # Had distributed's section not existed yet, leaving this block would delete all of it.
    with dask.config.set(DASK_CONFIG):
        yield from _run(files, scheduler, workers, batch_size, window)


def _run(files: list[str], scheduler: str | None, workers: int | None, batch_size: int,
         window: int | None) -> Iterator[Part]:
    from distributed import Client, LocalCluster, as_completed

    cluster = None
    if scheduler:
        client = Client(scheduler)
        try:
            _check_cluster(client, scheduler)
        except BaseException:
            client.close()
            raise
    else:
        cluster = LocalCluster(n_workers=workers or 2, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        client = Client(cluster)
    try:
        threads = sum(client.nthreads().values()) or 1
        # New chunks are submitted only as the driver takes results, and a transaction keeps it
        # busy for about a second: each worker needs that much work queued so as not to idle.
        limit = window or max(8, 4 * threads)
        chunks = chunk_tasks(plan_tasks(files))
        ac = as_completed()
        for chunk in chunks:
            ac.add(client.submit(_process_chunk, chunk, pure=False))
            if ac.count() >= limit:
                break

        def completed() -> Iterator[Part]:
            for fut in ac:
                part = fut.result()
                fut.release()  # let the cluster forget it: memory stays bounded by the window
                nxt = next(chunks, None)
                if nxt is not None:
                    ac.add(client.submit(_process_chunk, nxt, pure=False))
                yield part

        yield from rebatch(completed(), batch_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
