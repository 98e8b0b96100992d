"""load -> extract -> geo -> store, in process or on a Dask cluster.

:func:`process_file` is pure per file (reads one file, returns records) so engines can ship it
to workers; :func:`ingest` is the driver that owns the store and writes one transaction per batch.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence, Union

from data.extract import extract_article

Result = Union[dict, Any]  # an ``extract`` JSON dict, or a data.loaders LoadError

# Documentation that lives beside a corpus in its folder, not articles.
_FOLDER_DOCS = {"readme.md", "readme.txt", "manifest.csv", "license", "license.txt", "sources.md"}


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[str]:
    """Expand files and folders into file paths.

    Folders are walked recursively in sorted order, skipping hidden entries and the corpus's own
    documentation (README, MANIFEST, LICENSE). Paths that do not exist are yielded as given, so
    that the loader reports them by name.
    """
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p).parts
                if (f.is_file() and not any(part.startswith(".") for part in rel)
                        and f.name.lower() not in _FOLDER_DOCS):
                    yield str(f)
        else:
            yield str(p)


def process_file(path: str) -> list[Result]:
    """Load one file and extract every article in it.

    Returns
    -------
    list
        One ``extract`` JSON dict per article (its ``article`` part also carries ``source``,
        ``kind``, ``removed`` and ``meta``), or a ``LoadError`` per failure. Never raises for bad
        input: one broken file or article never stops a batch.
    """
    from data.loaders import LoadError, load_path

    out: list[Result] = []
    try:
        for item in load_path(path):
            if isinstance(item, LoadError):
                out.append(item)
                continue
            try:
                rec = extract_article(item)
            except Exception as exc:  # a bug in one rule must not lose the batch
                out.append(LoadError(item.source or path, "extract_failed", f"{type(exc).__name__}: {exc}"))
                continue
            rec["article"].update(source=item.source, kind=item.kind, removed=list(item.removed),
                                  meta=dict(item.meta))
            out.append(rec)
    except Exception as exc:
        out.append(LoadError(path, "load_failed", f"{type(exc).__name__}: {exc}"))
    return out


@dataclass
class IngestSummary:
    """What an ingest run did."""

    version: int
    files: int = 0
    loaded: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str, str]] = field(default_factory=list)  # (file, code, message)
    warnings: list[tuple[str, str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"version": self.version, "files": self.files, "loaded": self.loaded,
                "duplicates": self.duplicates,
                "failed": [{"file": f, "code": c, "message": m} for f, c, m in self.failed],
                "warnings": [{"file": f, "code": c, "message": m} for f, c, m in self.warnings]}


def ingest(paths: Sequence[str | os.PathLike], store, *, engine: str = "local", scheduler: str | None = None,
           workers: int | None = None, batch_size: int = 64,
           progress: Callable[[int, int], None] | None = None) -> IngestSummary:
    """Load, extract and store every article under ``paths``.

    Parameters
    ----------
    paths : sequence of path
        Files or folders.
    store : data.store.Store
        Target store; one transaction per batch, so a crash loses at most the batch in flight.
    engine : {"local", "dask"}
        Where extraction runs.
    scheduler, workers : optional
        Dask scheduler address (a LocalCluster when None) and worker count.
    progress : callable, optional
        Called as ``progress(done_results, total_files)`` after each batch.
    """
    from data.engines import ENGINES
    from data.loaders import LoadError

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    files = list(iter_files(paths))
    mod = importlib.import_module(f"data.engines.{engine}")
    version = store.begin_version(engine=engine)
    summary = IngestSummary(version=version, files=len(files))
    done = 0
    for batch in mod.process(files, scheduler=scheduler, workers=workers, batch_size=batch_size):
        records, log = [], []
        for item in batch:
            if isinstance(item, LoadError):
                status = "warning" if item.code == "decode_fallback" else "failed"
                log.append({"file": item.source, "status": status, "code": item.code, "message": item.message})
                (summary.warnings if status == "warning" else summary.failed).append(
                    (str(item.source), item.code, item.message))
            else:
                records.append(item)
        counts = store.write_batch(version, records, log)
        summary.loaded += counts["loaded"]
        summary.duplicates += counts["duplicate"]
        done += len(batch)
        if progress is not None:
            progress(done, len(files))
    store.finish_version(version)
    return summary
