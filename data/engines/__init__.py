"""Execution engines for ingest: ``local`` (in process, or a process pool) and ``dask`` (a Dask cluster).

An engine is a module with ``process(files, *, scheduler=None, workers=None, batch_size=64)``
yielding batches (lists) of :func:`data.pipeline.process_file` results, in any order. Engines
that use other processes run :func:`data.pipeline.plan_tasks` (big JSONL files in parts of whole
lines) so that workers share a big dump and results come back in small pieces; ``local`` with
``workers`` None or 1 stays in process, file by file.
"""
from __future__ import annotations

from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")

ENGINES = ("local", "dask")


def check_args(workers: int | None, batch_size: int, window: int | None) -> None:
    """Validate the options every engine's ``process`` takes."""
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a positive int or None, got {workers!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise ValueError(f"window must be a positive int or None, got {window!r}")


def rebatch(groups: Iterable[list[T]], size: int) -> Iterator[list[T]]:
    """Regroup lists of results, as workers finish them, into batches of ``size`` (the last
    one may be smaller): the driver writes one store transaction per batch."""
    batch: list[T] = []
    for results in groups:
        for r in results:
            batch.append(r)
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch
