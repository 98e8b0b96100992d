"""Read every article of a store again with the current extractors, into a new store.

A store keeps the readings of the code that ingested it, and ingesting an article again skips
it (re-ingesting changes nothing), so a store never gains later extraction fixes by itself.
:func:`reextract` rebuilds one from the texts it holds, no source files needed: each article
keeps its id, metadata and data version, the ingest log keeps its failures and duplicates, and
every saved view is copied with its id and version, so a shared link pinned to version ``v``
still shows the articles of version ``v``, read anew.

The old store is only read. The new one is written version by version, one transaction per
batch: after a crash, running the same command again resumes where it stopped; once done, the
new file can replace the old one.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

from data.engines import BATCH_SIZE

__all__ = ["reextract", "reextract_rows", "ReextractSummary"]

#: The stored article columns an Article is rebuilt from.
ARTICLE_COLUMNS = ("id", "title", "published", "publisher", "url", "credits", "text", "source", "kind",
                   "removed", "meta")
#: Articles per unit of work (a worker's chunk).
CHUNK = 64
#: Ingest-log rows of the old store carried over: the loaded rows and the articles' own warnings
#: are written anew with the articles.
_KEPT_LOG_SQL = """
SELECT file, article_id, status, code, message, "at" FROM ingest_log
WHERE version = ? AND (status NOT IN ('loaded', 'warning') OR article_id IS NULL)
ORDER BY "at"
"""


@dataclass
class ReextractSummary:
    """What a re-extraction did: articles read anew, kept without readings, and mention counts."""

    source: str
    target: str
    versions: int = 0
    articles: int = 0
    resumed: int = 0  # articles the target already held from an earlier, interrupted run
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article id, message)
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"source": self.source, "target": self.target, "versions": self.versions,
                "articles": self.articles, "resumed": self.resumed,
                "failed": [{"article_id": a, "message": m} for a, m in self.failed],
                "before": self.before, "after": self.after}


def reextract_rows(rows: list[dict[str, Any]]):
    """Extract stored article rows (dicts of :data:`ARTICLE_COLUMNS`) anew; a :class:`Part`.

    Pure per article, so it runs in worker processes. An article whose extraction raises is
    kept with no readings and an ``extract_failed`` warning, never dropped: it was in the store.
    """
    from dataclasses import replace

    from data.loaders import LoadError
    from data.pipeline import _extract_all, prepare_results, record_of

    articles = [_article(r) for r in rows]
    results = _extract_all(lambda: articles, "store")
    for i, res in enumerate(results):
        if isinstance(res, LoadError) and res.code == "extract_failed":
            a = articles[i]
            warning = {"code": "extract_failed", "message": f"kept without readings: {res.message}"}
            a = replace(a, meta={**a.meta, "warnings": [*(a.meta.get("warnings") or []), warning]})
            results[i] = record_of(a, {t: [] for t in ("places", "figures", "actors", "dates", "quotes")})
    return prepare_results(results)


def _article(row: dict[str, Any]):
    from data.article import Article

    meta = row.get("meta")
    if isinstance(meta, str):
        meta = json.loads(meta)
    published = row.get("published")
    return Article(
        id=row["id"], text=row.get("text") or "", title=row.get("title"),
        published=published.isoformat() if hasattr(published, "isoformat") else published,
        publisher=row.get("publisher"), url=row.get("url"), credits=tuple(row.get("credits") or ()),
        source=row.get("source"), kind=row.get("kind") or "paste", removed=tuple(row.get("removed") or ()),
        meta=meta if isinstance(meta, dict) else {})


def reextract(source: str | os.PathLike, target, *, workers: int | None = None, batch_size: int = BATCH_SIZE,
              progress: Callable[[int, int], None] | None = None) -> ReextractSummary:
    """Rebuild the store ``source`` into ``target`` with the current extractors.

    Parameters
    ----------
    source : path
        The store file to read; it is opened read-only and never changed.
    target : data.store.Store
        The store to write: a new file, or one an interrupted run of the same command left
        (its finished versions are kept, its unfinished one completed).
    workers : int, optional
        None or 1: in this process; 2 or more: that many worker processes.
    batch_size : int
        Articles per store transaction, at least.
    progress : callable, optional
        Called as ``progress(done_articles, total_articles)`` after each batch.

    Raises
    ------
    FileNotFoundError
        ``source`` does not exist.
    ValueError
        ``source`` and ``target`` are the same file, or ``target`` holds versions that
        ``source`` does not (it is some other store).
    """
    import duckdb

    from data.engines.local import map_chunks
    from data.store import StoreError

    src = Path(source)
    if not src.is_file():
        raise FileNotFoundError(f"no store file at {src}")
    if src.resolve() == Path(target.path).resolve():
        raise ValueError(f"the target must be a new file, not the store read ({src})")
    target.init()
    summary = ReextractSummary(source=str(src), target=str(target.path))
    try:
        con = duckdb.connect(str(src), read_only=True)
    except duckdb.Error as exc:
        raise StoreError(f"cannot open store {src}: {exc}") from exc
    try:
        versions = _records(con, "SELECT version, started_at, finished_at, engine, note FROM versions ORDER BY version")
        done = {r["version"]: r["finished_at"] is not None for r in target.read_df(
            "SELECT version, finished_at FROM versions").to_dict("records")}
        extra = set(done) - {v["version"] for v in versions}
        if extra:
            raise ValueError(f"{target.path} holds versions {sorted(extra)} that {src} does not: "
                             "it is not a re-extraction of that store")
        summary.before = _counts(con)
        total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        seen = 0
        for v in versions:
            number = v["version"]
            n = con.execute("SELECT count(*) FROM articles WHERE version = ?", [number]).fetchone()[0]
            if done.get(number):  # finished by an earlier run
                summary.resumed += n
                seen += n
                continue
            have: set[str] = set()
            if number in done:  # started by an interrupted run: keep what it wrote
                have = set(target.read_df("SELECT id FROM articles WHERE version = ?", [number])["id"])
            else:
                note = f"re-extracted from {src.name}" + (f"; {v['note']}" if v.get("note") else "")
                target.copy_version({**v, "note": note}, _records(con, _KEPT_LOG_SQL, [number]))
            summary.resumed += len(have)
            seen += len(have)
            for part in map_chunks(reextract_rows, _chunks(con, number, have), workers=workers,
                                   batch_size=batch_size):
                target.write_rows(number, part.rows)
                warnings = part.rows.warnings.to_pylist()
                summary.failed += [(w["article_id"], w["message"]) for w in warnings if w["code"] == "extract_failed"]
                summary.articles += len(part.rows)
                seen += len(part.rows)
                if progress is not None:
                    progress(seen, total)
            target.finish_version(number)
            summary.versions += 1
        target.copy_views(_records(con, "SELECT id, created_at, title, page, CAST(params AS VARCHAR) AS params, "
                                        "version FROM saved_views ORDER BY created_at"))
    finally:
        con.close()
    summary.after = target.stats()["counts"]
    summary.after = {t: summary.after[t] for t in summary.before}
    return summary


def _records(con, sql: str, params: list | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _counts(con) -> dict[str, int]:
    return {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in ("articles", "places", "figures", "actors", "dates", "quotes")}


def _chunks(con, version: int, skip: set[str]) -> Iterator[list[dict[str, Any]]]:
    """The articles of ``version`` not in ``skip``, :data:`CHUNK` at a time, streamed (a big
    store's texts never sit in memory at once)."""
    cols = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' if c == "meta" else f'"{c}"' for c in ARTICLE_COLUMNS)
    reader = con.sql(f"SELECT {cols} FROM articles WHERE version = {int(version)}").to_arrow_reader(CHUNK)
    pending: list[dict[str, Any]] = []
    for batch in reader:
        for row in batch.to_pylist():
            if row["id"] not in skip:
                pending.append(row)
        if len(pending) >= CHUNK:
            yield pending
            pending = []
    if pending:
        yield pending
