"""Local engine: in this process, or on a pool of worker processes on this machine.

With ``workers`` None or 1, files are processed one after another in this process (no
subprocess, no pickling). With ``workers >= 2``, chunks of work (:func:`data.pipeline.plan_tasks`,
:func:`data.pipeline.chunk_tasks`: a big JSONL file in parts of ~100 lines) run on that many
worker processes, which also build the store rows (:func:`data.pipeline.prepare_tasks`), while
this process, the driver, writes them as they arrive. This is the
Dask engine's split of work without a scheduler, nannies or a network protocol, for one machine.
"""
from __future__ import annotations

import multiprocessing
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Iterable, Iterator, Sequence

from data.engines import BATCH_SIZE, check_args, rebatch
from data.pipeline import Part, chunk_tasks, plan_tasks, prepare_results, prepare_tasks, process_file

__all__ = ["process"]

# Imported once in the fork server, so every worker starts with the lexicons already loaded
# instead of each paying the import (and the CPU of a 2-core machine) again.
_PRELOAD = ["data.pipeline", "data.extract", "data.loaders"]


def process(files: Sequence[str], *, scheduler: str | None = None, workers: int | None = None,
            batch_size: int = BATCH_SIZE, window: int | None = None) -> Iterator[Part]:
    """Yield the store rows and load errors of at least ``batch_size`` results at a time.

    Parameters
    ----------
    files : sequence of str
        File paths (folders already expanded by the driver).
    scheduler : str, optional
        Ignored (a Dask option).
    workers : int, optional
        None or 1: in this process, in file order. 2 or more: that many worker processes;
        batches then come in completion order.
    batch_size : int
        Results (articles and load errors) per yielded part, at least; the last may have fewer.
    window : int, optional
        Chunks in flight at once with a pool (default 4 per worker), which bounds memory.
    """
    check_args(workers, batch_size, window)
    if workers and workers > 1:
        files = list(files)
        if files:
            yield from map_chunks(prepare_tasks, chunk_tasks(plan_tasks(files)), workers=workers,
                                  batch_size=batch_size, window=window)
        return
    # Each file's results become Arrow rows at once: a batch then holds compact tables, not dicts.
    yield from rebatch((prepare_results(process_file(path)) for path in files), batch_size)


def _completed(pool: ProcessPoolExecutor, fn: Callable[[Any], Part], chunks: Iterator,
               window: int) -> Iterator[Part]:
    """``fn`` of each chunk as it completes, with at most ``window`` chunks in flight."""
    pending = set()
    for chunk in chunks:
        pending.add(pool.submit(fn, chunk))
        if len(pending) >= window:
            break
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for fut in done:
            try:
                part = fut.result()
            except BrokenProcessPool as exc:
                raise RuntimeError(
                    "a local worker process died (out of memory or killed); the batches "
                    f"written so far are kept. Rerun with fewer workers. ({exc})") from exc
            nxt = next(chunks, None)
            if nxt is not None:
                pending.add(pool.submit(fn, nxt))
            yield part


def map_chunks(fn: Callable[[Any], Part], chunks: Iterable[Any], *, workers: int | None = None,
               batch_size: int = BATCH_SIZE, window: int | None = None) -> Iterator[Part]:
    """``fn`` (a picklable function of one chunk of work, returning its :class:`Part`) over
    ``chunks``, joined into parts of at least ``batch_size`` results.

    In this process, in order, when ``workers`` is None or 1; else on that many worker
    processes, in completion order, with at most ``window`` chunks (default 4 per worker) in
    flight. Used for files by :func:`process` and for stored articles by :mod:`data.reextract`.
    """
    check_args(workers, batch_size, window)
    if not workers or workers < 2:
        yield from rebatch(map(fn, chunks), batch_size)
        return
    # forkserver, not fork: the driver holds DuckDB and progress-bar threads, which a plain
    # fork would copy mid-lock; the server is a clean process that imported only _PRELOAD.
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=ctx)
    try:
        # New chunks are submitted only as the driver takes results, and a transaction keeps it
        # busy for about a second: each worker needs that much work queued so as not to idle.
        yield from rebatch(_completed(pool, fn, iter(chunks), window or 4 * workers), batch_size)
    finally:
        # On an error or an abandoned run, queued chunks are dropped rather than computed.
        pool.shutdown(wait=True, cancel_futures=True)
