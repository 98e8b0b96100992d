"""In-process engine: files are processed one after another in this process."""
from __future__ import annotations

from typing import Iterator, Sequence

from data.pipeline import Result, process_file


def process(files: Sequence[str], *, scheduler: str | None = None, workers: int | None = None,
            batch_size: int = 64) -> Iterator[list[Result]]:
    """Yield batches of at most ``batch_size`` results (``scheduler``/``workers`` are ignored)."""
    batch: list[Result] = []
    for path in files:
        batch.extend(process_file(path))
        if len(batch) >= batch_size:
            yield batch
            batch = []
    if batch:
        yield batch
