"""load -> extract -> geo -> store, in process or on a Dask cluster.

:func:`process_file` is pure per file (reads one file, returns records) and :func:`prepare_tasks`
turns a unit of work into store rows (a :class:`Part`), so engines can ship both to workers;
:func:`ingest` is the driver that owns the store and writes one transaction per batch.
"""
from __future__ import annotations

import importlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence, Union

from data.engines import BATCH_SIZE

if TYPE_CHECKING:
    from data.store.rows import Rows


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


Task = Union[str, Any]  # a file path, or a data.loaders.parts.FilePart of a big JSONL file

#: Whole files per task at most, and bytes per task at most (a part is always a task of its own).
TASK_MAX_FILES = 16
TASK_MAX_BYTES = 4 * 1024 * 1024


def process_file(path: str) -> list[Result]:
    """Load one file and extract every article in it.

    Returns
    -------
    list
        One ``extract`` JSON dict per article (its ``article`` part also carries ``source``,
        ``kind``, ``removed`` and ``meta``), or a ``LoadError`` per failure. Never raises for bad
        input: one broken file or article never stops a batch.
    """
    from data.loaders import load_path

    return _extract_all(lambda: load_path(path), path)


def process_task(task: Task) -> list[Result]:
    """:func:`process_file` for a path, or the same for one part of a split file."""
    from data.loaders.parts import FilePart, load_part

    if isinstance(task, FilePart):
        return _extract_all(lambda: load_part(task), task.path)
    return process_file(task)


def process_tasks(tasks: Sequence[Task]) -> list[Result]:
    """The results of several tasks, in order (one unit of work for a worker)."""
    out: list[Result] = []
    for t in tasks:
        out.extend(process_task(t))
    return out


@dataclass
class Part:
    """What a unit of work sends from a worker to the driver: its articles as store rows, and its
    load errors.

    Arrow tables are cheap to pickle and to insert, so the driver, which writes every part,
    does little per article; nested ``extract`` dicts cost it more than a worker's extraction.
    """

    rows: "Rows"
    errors: list  # data.loaders.LoadError, each to be logged against its file
    results: int  # articles and errors: the progress this part makes

    @classmethod
    def concat(cls, parts: Sequence["Part"]) -> "Part":
        """Several parts as one (one store transaction)."""
        from data.store.rows import Rows

        return cls(Rows.concat([p.rows for p in parts]), [e for p in parts for e in p.errors],
                   sum(p.results for p in parts))


def prepare_results(results: Sequence[Result]) -> Part:
    """The :class:`Part` of some :func:`process_file` results.

    An article the store cannot take (a value its column cannot hold: an extraction bug)
    becomes an ``extract_failed`` error of its own instead of failing the others.
    """
    from data.loaders import LoadError
    from data.store.rows import prepare

    errors = [r for r in results if isinstance(r, LoadError)]
    records = [r for r in results if not isinstance(r, LoadError)]
    try:
        rows = prepare(records)
    except Exception:
        good = []
        for r in records:
            try:
                prepare([r])
            except Exception as exc:
                source = (r.get("article") or {}).get("source")
                errors.append(LoadError(source, "extract_failed", f"{type(exc).__name__}: {exc}"))
            else:
                good.append(r)
        rows = prepare(good)
    return Part(rows, errors, len(results))


def prepare_tasks(tasks: Sequence[Task]) -> Part:
    """:func:`process_tasks` as store rows: what a worker computes and sends back."""
    return prepare_results(process_tasks(tasks))


class Record(dict):
    """One article's ``extract`` JSON object, carrying beside it (not in the JSON) the sentence
    spans its extraction used, which the store's writer reuses for evidence sentences."""

    __slots__ = ("sentences",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.sentences: list[tuple[int, int]] | None = None


def record_of(item, readings: dict[str, Any], sentences: list[tuple[int, int]] | None = None) -> Record:
    """The store record of one :class:`data.article.Article` and its ``extract`` readings: the
    ``extract`` JSON, its ``article`` part also carrying ``source``, ``kind``, ``removed`` and
    ``meta``; ``sentences`` are the spans the readings were found in, if known."""
    rec = Record(id=item.id, article=item.to_json(), **readings)
    rec["article"].update(source=item.source, kind=item.kind, removed=list(item.removed), meta=dict(item.meta))
    rec.sentences = sentences
    return rec


# Articles extracted together: extract_many runs each stage over a batch (~10-15% less CPU).
EXTRACT_BATCH = 32


def _extract_all(load: Callable[[], Iterable], path: str) -> list[Result]:
    from data.extract import extract_many_with_sentences
    from data.loaders import LoadError

    out: list[Result] = []
    pending: list[tuple[int, Any]] = []  # (position in out, article)

    def flush() -> None:
        results = extract_many_with_sentences([(a.text, a.published) for _, a in pending],
                                              batch=EXTRACT_BATCH)
        for (i, item), (res, sents) in zip(pending, results):
            if isinstance(res, Exception):  # a bug in one rule must not lose the batch
                out[i] = LoadError(item.source or path, "extract_failed", f"{type(res).__name__}: {res}")
                continue
            out[i] = record_of(item, res, sents)
        pending.clear()

    try:
        for item in load():
            if isinstance(item, LoadError):
                out.append(item)
                continue
            out.append(None)
            pending.append((len(out) - 1, item))
            if len(pending) >= EXTRACT_BATCH:
                flush()
    except Exception as exc:
        flush()
        out.append(LoadError(str(path), "load_failed", f"{type(exc).__name__}: {exc}"))
        return out
    flush()
    return out


def plan_tasks(files: Iterable[str], rows: int | None = None) -> Iterator[Task]:
    """Tasks for ``files``, in order: big JSONL files become parts of ``rows`` lines.

    Lazy, so that an engine can start work on the first file while later ones are planned.
    See :func:`data.loaders.parts.split_file` for which files are split.
    """
    from data.loaders.parts import split_file

    for f in files:
        parts = split_file(f, rows)
        if parts:
            yield from parts
        else:
            yield f


def chunk_tasks(tasks: Iterable[Task], max_files: int = TASK_MAX_FILES,
                max_bytes: int = TASK_MAX_BYTES) -> Iterator[list[Task]]:
    """Group ``tasks`` in order into chunks: one unit of work for a worker.

    Whole files are grouped, at most ``max_files`` files or ``max_bytes`` bytes a chunk (a file
    bigger than ``max_bytes`` is a chunk of its own; one that cannot be stat'ed counts as empty
    and the loader reports it). A part of a split file is always a chunk of its own: it is
    already sized to be one.
    """
    from data.loaders.parts import FilePart

    if max_files < 1:
        raise ValueError(f"max_files must be >= 1, got {max_files!r}")
    chunk: list[Task] = []
    size = 0
    for t in tasks:
        if isinstance(t, FilePart):
            if chunk:
                yield chunk
                chunk, size = [], 0
            yield [t]
            continue
        try:
            n = os.path.getsize(t)
        except OSError:
            n = 0
        if chunk and (len(chunk) >= max_files or size + n > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(t)
        size += n
    if chunk:
        yield chunk


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
           workers: int | None = None, batch_size: int = BATCH_SIZE,
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
    batch_size : int
        Results per store transaction, at least (default :data:`data.engines.BATCH_SIZE`, which
        says what a transaction costs the driver).
    progress : callable, optional
        Called as ``progress(done_results, total_files)`` after each batch.
    """
    from data.engines import ENGINES

    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, got {engine!r}")
    # (the store being written may lie in an ingested folder: it and its write-ahead log are
    # no articles)
    own = {str(store.path.resolve()), str(store.path.resolve()) + ".wal"}
    files = [f for f in iter_files(paths) if str(Path(f).resolve()) not in own]
    mod = importlib.import_module(f"data.engines.{engine}")
    version = store.begin_version(engine=engine)
    summary = IngestSummary(version=version, files=len(files))
    done = 0
    for part in mod.process(files, scheduler=scheduler, workers=workers, batch_size=batch_size):
        log = []
        for item in part.errors:
            status = "warning" if item.is_warning else "failed"
            log.append({"file": item.source, "status": status, "code": item.code, "message": item.message})
            (summary.warnings if status == "warning" else summary.failed).append(
                (str(item.source), item.code, item.message))
        counts = store.write_rows(version, part.rows, log)
        summary.loaded += counts["loaded"]
        summary.duplicates += counts["duplicate"]
        done += part.results
        if progress is not None:
            progress(done, len(files))
    store.finish_version(version)
    return summary
