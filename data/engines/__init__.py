"""Execution engines for ingest: ``local`` (in process, or a process pool) and ``dask`` (a Dask cluster).

An engine is a module with ``process(files, *, scheduler=None, workers=None, batch_size=BATCH_SIZE)``
yielding :class:`data.pipeline.Part` objects, in any order: the store rows of the articles of at
least ``batch_size`` results (the last may have fewer) and their load errors; the driver writes
one store transaction per part. Engines that use other processes run
:func:`data.pipeline.prepare_tasks` there (extraction and building the store rows, so that Arrow
tables cross the process boundary and the driver only inserts them) on work planned by
:func:`data.pipeline.plan_tasks` (big JSONL files in parts of whole lines) so that workers share
a big dump and results come back in small pieces; ``local`` with ``workers`` None or 1 stays in
process, file by file.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from data.pipeline import Part

ENGINES = ("local", "dask")

# Results per store transaction by default. Each commit rewrites the partly filled last row
# group of every table, so fewer, larger transactions cost the single writer less per article:
# on the 10k bench corpus 2,000 per transaction cost it ~0.7 ms per article, 5,000 ~0.5 ms,
# for ~25 MB of Arrow rows held per 1,000 articles.
BATCH_SIZE = 4096


def check_args(workers: int | None, batch_size: int, window: int | None) -> None:
    """Validate the options every engine's ``process`` takes."""
    if workers is not None and (not isinstance(workers, int) or workers < 1):
        raise ValueError(f"workers must be a positive int or None, got {workers!r}")
    if not isinstance(batch_size, int) or batch_size < 1:
        raise ValueError(f"batch_size must be a positive int, got {batch_size!r}")
    if window is not None and (not isinstance(window, int) or window < 1):
        raise ValueError(f"window must be a positive int or None, got {window!r}")


def rebatch(parts: Iterable["Part"], size: int) -> Iterator["Part"]:
    """Join parts, as workers finish them, until they hold at least ``size`` results (the last
    one may hold fewer): the driver writes one store transaction per joined part, and fewer,
    larger transactions cost it less per article. A worker's part is never split."""
    from data.pipeline import Part

    group: list[Part] = []
    n = 0
    for part in parts:
        group.append(part)
        n += part.results
        if n >= size:
            yield Part.concat(group)
            group, n = [], 0
    if group:
        yield Part.concat(group)
