"""The embedded DuckDB store: schema, idempotent batch writes, versions, saved views.

This package is the only place in the project that knows SQL. Connections are opened per
operation and closed at once: DuckDB lets a single process hold a read-write handle on a file,
so a long-lived connection in the dashboard would lock out an ingest (and the reverse). Opening a
DuckDB file takes a few milliseconds; a lock conflict is retried with back-off.
"""
from __future__ import annotations

import bisect
import json
import os
import re
import secrets
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import duckdb
import pandas as pd
import pyarrow as pa

from data.extract.sentences import split_sentences
from data.store import derived
from data.store.schema import DERIVED, MENTION_COLUMNS, SCHEMA_SQL, TABLES

__all__ = ["Store", "default_db_path", "StoreError"]

DEFAULT_DB = Path(__file__).resolve().parents[1] / "conflict.duckdb"
_RETRYABLE = ("lock", "different configuration", "Conflicting lock")


class StoreError(RuntimeError):
    """A store operation failed for a reason other than a passing lock conflict."""


def default_db_path() -> Path:
    """The store file: ``$CONFLICT_DB`` if set, else ``data/conflict.duckdb``."""
    env = os.environ.get("CONFLICT_DB")
    return Path(env) if env else DEFAULT_DB


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Store:
    """One DuckDB file holding articles, mentions, the ingest log, versions and saved views.

    Parameters
    ----------
    path : str or Path, optional
        The database file. Defaults to :func:`default_db_path`.
    lock_timeout : float
        Seconds to keep retrying when another process holds the file.
    """

    def __init__(self, path: str | os.PathLike | None = None, lock_timeout: float = 60.0):
        self.path = Path(path) if path is not None else default_db_path()
        if self.path.suffix == "":
            raise ValueError(f"path must name a database file (e.g. store.duckdb), got {str(self.path)!r}")
        self.lock_timeout = float(lock_timeout)
        # DuckDB's default buffer pool is 80% of RAM: a long ingest then grows the driver's memory
        # with the store. The same config for every connection keeps in-process opens compatible.
        self._config = {"memory_limit": os.environ.get("CONFLICT_DB_MEMORY", "1GB")}

    # -- connections -----------------------------------------------------------------------
    @contextmanager
    def connect(self, read_only: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open a connection for one operation, retrying while another process holds the lock.

        A read-only open of a file that does not exist yet creates an empty schema first, so
        readers never fail on a fresh installation.
        """
        if read_only and not self.path.exists():
            self.init()
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.01
        while True:
            try:
                con = duckdb.connect(str(self.path), read_only=read_only, config=self._config)
                con.execute("SET enable_progress_bar = false")  # long rebuilds must not draw on stdout
                break
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not any(s in str(exc) for s in _RETRYABLE) or time.monotonic() > deadline:
                    raise StoreError(f"cannot open store {self.path}: {exc}") from exc
                time.sleep(delay)
                delay = min(delay * 2, 0.25)
        try:
            yield con
        finally:
            con.close()

    def init(self) -> "Store":
        """Create the file and every table if missing (idempotent).

        A store written before a derived table existed gets it filled here, so any writer (an
        ingest, ``python -m data ingest --if-empty``) brings an old store up to date.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect(read_only=False) as con:
            con.execute(SCHEMA_SQL)
            for table in DERIVED:
                cols = [r[0] for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position", [table]).fetchall()]
                if cols != TABLES[table]:  # derived data in an older layout: recreate it
                    con.execute(f"DROP TABLE {table}")
            con.execute(SCHEMA_SQL)
            stale = derived.stale(con)
        if stale:
            self.rebuild_aggregates(stale)
        return self

    def rebuild_aggregates(self, tables: Sequence[str] = DERIVED) -> None:
        """Recompute derived tables (default: all of ``article_facets``, ``actor_days`` and
        ``place_days``) from articles and mentions.

        One transaction: readers see either the old or the new derived rows. Needed only after
        rows were copied in by other means than :meth:`write_batch` (which keeps them current).
        """
        unknown = set(tables) - set(DERIVED)
        if unknown:
            raise ValueError(f"not derived tables: {sorted(unknown)}; derived tables are {list(DERIVED)}")
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                derived.rebuild(con, tuple(tables))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    # -- versions --------------------------------------------------------------------------
    def begin_version(self, engine: str = "local", note: str | None = None) -> int:
        """Start an ingest run and return its data version (1, 2, ...)."""
        self.init()
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            v = con.execute("SELECT coalesce(max(version), 0) + 1 FROM versions").fetchone()[0]
            con.execute(
                "INSERT INTO versions (version, started_at, engine, note) VALUES (?, ?, ?, ?)",
                [v, _now(), engine, note],
            )
            con.execute("COMMIT")
        return int(v)

    def finish_version(self, version: int) -> dict[str, int]:
        """Close an ingest run: record its end time and counts from the ingest log."""
        with self.connect(read_only=False) as con:
            counts = dict(
                con.execute(
                    "SELECT status, count(*) FROM ingest_log WHERE version = ? GROUP BY status",
                    [version],
                ).fetchall()
            )
            con.execute("BEGIN TRANSACTION")
            try:
                derived.compact(con, version)
                con.execute(
                    "UPDATE versions SET finished_at = ?, loaded = ?, duplicates = ?, failed = ? "
                    "WHERE version = ?",
                    [_now(), counts.get("loaded", 0), counts.get("duplicate", 0), counts.get("failed", 0), version],
                )
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return {k: int(counts.get(k, 0)) for k in ("loaded", "duplicate", "failed", "warning")}

    def current_version(self) -> int:
        """The newest finished data version (0 for an empty store).

        A saved view pins this number; rows with ``version <= v`` are the data as of then.
        """
        with self.connect() as con:
            row = con.execute("SELECT coalesce(max(version), 0) FROM versions WHERE finished_at IS NOT NULL").fetchone()
        return int(row[0])

    # -- writes ----------------------------------------------------------------------------
    def write_batch(
        self,
        version: int,
        records: Sequence[dict[str, Any]],
        log: Iterable[dict[str, Any]] = (),
    ) -> dict[str, int]:
        """Write a batch of extracted articles and log entries in one transaction.

        Parameters
        ----------
        version : int
            The run's data version from :meth:`begin_version`.
        records : sequence of dict
            ``extract`` JSON objects (DESIGN.md); ``article`` may also carry ``source``,
            ``kind``, ``removed`` and ``meta``.
        log : iterable of dict
            Extra ingest-log rows (``file``, ``status``, ``code``, ``message``), e.g. load errors.

        Returns
        -------
        dict
            ``loaded`` and ``duplicate`` counts. An article whose id is already stored (or
            appears twice in the batch) is skipped and logged as a duplicate: re-ingesting
            changes no data.
        """
        if not isinstance(version, int) or version < 1:
            raise ValueError(f"version must be a positive int from begin_version(), got {version!r}")
        now = _now()
        log_rows = [
            {
                "version": version,
                "file": e.get("file"),
                "article_id": e.get("article_id"),
                "status": e.get("status", "failed"),
                "code": e.get("code"),
                "message": e.get("message"),
                "at": now,
            }
            for e in log
        ]
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                ids = [r["id"] for r in records]
                existing = set()
                if ids:
                    con.register("_ids", pd.DataFrame({"id": ids}))
                    existing = {
                        row[0]
                        for row in con.execute("SELECT a.id FROM articles a JOIN _ids USING (id)").fetchall()
                    }
                    con.unregister("_ids")
                fresh: list[dict[str, Any]] = []
                seen: set[str] = set()
                for r in records:
                    src = (r.get("article") or {}).get("source")
                    if r["id"] in existing or r["id"] in seen:
                        log_rows.append({"version": version, "file": src, "article_id": r["id"], "status": "duplicate",
                                         "code": "duplicate", "message": "already in the store", "at": now})
                        continue
                    seen.add(r["id"])
                    fresh.append(r)
                    log_rows.append({"version": version, "file": src, "article_id": r["id"], "status": "loaded",
                                     "code": None, "message": None, "at": now})
                    for w in (r.get("article") or {}).get("meta", {}).get("warnings", []) or []:
                        log_rows.append({"version": version, "file": src, "article_id": r["id"], "status": "warning",
                                         "code": w.get("code") if isinstance(w, dict) else "warning",
                                         "message": w.get("message") if isinstance(w, dict) else str(w), "at": now})
                registered: set[str] = set()
                if fresh:
                    registered.add(self._insert(con, "articles", _article_rows(fresh, version, now)))
                    registered.add(self._insert(con, "article_facets", _facet_rows(fresh, version)))
                    for table in MENTION_COLUMNS:
                        columns = _mention_columns(fresh, table, version)
                        if columns["article_id"]:
                            registered.add(self._insert(con, table, columns))
                    derived.on_batch(con, registered)
                if log_rows:
                    registered.add(self._insert(con, "ingest_log", log_rows))
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return {"loaded": len(fresh), "duplicate": len(records) - len(fresh)}

    def log_failure(self, version: int, file: str | None, code: str, message: str) -> None:
        """Record a file that could not be loaded."""
        self.write_batch(version, [], [{"file": file, "status": "failed", "code": code, "message": message}])

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str,
                rows: list[dict[str, Any]] | dict[str, list[Any]]) -> str:
        """Insert rows (a list of dicts, or a dict of equal-length column lists) into ``table``.

        The rows stay registered as ``_new_<table>`` (the name is returned) while the connection
        is open, so that :func:`data.store.derived.on_batch` can roll them up.
        """
        cols = TABLES[table]
        if isinstance(rows, dict):
            df = pa.Table.from_pydict({c: rows[c] for c in cols})
        else:
            df = pd.DataFrame.from_records(rows, columns=cols)
        name = f"_new_{table}"
        con.register(name, df)
        quoted = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM {name}")
        return name

    # -- saved views -----------------------------------------------------------------------
    def save_view(self, params: dict[str, Any], page: str, title: str | None = None,
                  version: int | None = None) -> str:
        """Save a dashboard view and return its short id.

        ``version`` defaults to :meth:`current_version`, so the view shows the data as of now.
        """
        if not isinstance(params, dict):
            raise ValueError(f"params must be a dict of URL parameters, got {type(params).__name__}")
        v = self.current_version() if version is None else int(version)
        view_id = secrets.token_urlsafe(6).replace("-", "x").replace("_", "y")
        with self.connect(read_only=False) as con:
            con.execute(
                "INSERT INTO saved_views (id, created_at, title, page, params, version) VALUES (?, ?, ?, ?, ?, ?)",
                [view_id, _now(), title, page, json.dumps(params, sort_keys=True), v],
            )
        return view_id

    def load_view(self, view_id: str) -> dict[str, Any] | None:
        """A saved view as ``{id, created_at, title, page, params, version}``, or None."""
        with self.connect() as con:
            row = con.execute(
                "SELECT id, created_at, title, page, params, version FROM saved_views WHERE id = ?", [view_id]
            ).fetchone()
        if row is None:
            return None
        return {"id": row[0], "created_at": row[1], "title": row[2], "page": row[3],
                "params": json.loads(row[4]) if row[4] else {}, "version": int(row[5])}

    # -- reads -----------------------------------------------------------------------------
    def read_df(self, sql: str, params: Sequence[Any] | dict[str, Any] | None = None) -> pd.DataFrame:
        """Run one read-only query and return a DataFrame (used by :mod:`data.store.read`)."""
        with self.connect() as con:
            return con.execute(sql, params or []).df()

    def stats(self) -> dict[str, Any]:
        """Counts per table, the publication and event date spans, and the data versions."""
        with self.connect() as con:
            counts = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in TABLES}
            pub = con.execute("SELECT min(published), max(published) FROM articles").fetchone()
            ev = con.execute(
                "SELECT min(date), max(date) FROM dates WHERE kind = 'event' AND date IS NOT NULL"
            ).fetchone()
            versions = con.execute(
                "SELECT version, started_at, finished_at, engine, loaded, duplicates, failed "
                "FROM versions ORDER BY version"
            ).fetchall()
        return {
            "db": str(self.path),
            "counts": counts,
            "published": [str(pub[0]) if pub[0] else None, str(pub[1]) if pub[1] else None],
            "event_dates": [ev[0], ev[1]],
            "versions": [
                {"version": v[0], "started_at": str(v[1]), "finished_at": str(v[2]) if v[2] else None,
                 "engine": v[3], "loaded": v[4], "duplicates": v[5], "failed": v[6]}
                for v in versions
            ],
        }

    def export_parquet(self, out_dir: str | os.PathLike) -> list[str]:
        """Write every table to Parquet under ``out_dir`` for engines such as Spark or Trino.

        ``articles`` is partitioned by publication year; mention tables by ingest version.
        """
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        with self.connect() as con:
            for table in TABLES:
                target = out / table
                if table == "articles":
                    sql = (f"COPY (SELECT *, coalesce(year(published), 0) AS year FROM articles) TO '{target}' "
                           "(FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)")
                elif table in MENTION_COLUMNS:
                    sql = f"COPY {table} TO '{target}' (FORMAT parquet, PARTITION_BY (version), OVERWRITE_OR_IGNORE)"
                else:
                    target = out / f"{table}.parquet"
                    sql = f"COPY {table} TO '{target}' (FORMAT parquet)"
                con.execute(sql)
                written.append(str(target))
        return written


def _article_rows(records: list[dict[str, Any]], version: int, now: datetime) -> list[dict[str, Any]]:
    rows = []
    for r in records:
        a = r.get("article") or {}
        rows.append({
            "id": r["id"],
            "title": a.get("title"),
            "published": a.get("published"),
            "publisher": a.get("publisher"),
            "url": a.get("url"),
            "credits": list(a.get("credits") or []),
            "text": a.get("text") or "",
            "source": a.get("source"),
            "kind": a.get("kind"),
            "removed": list(a.get("removed") or []),
            "meta": json.dumps(a.get("meta") or {}, default=str, sort_keys=True),
            "version": version,
            "ingested_at": now,
        })
    return rows


def _sorted_distinct(values: Iterable[Any], drop_empty: bool = False) -> list[str]:
    return sorted({v for v in values if v is not None and not (drop_empty and v == "")})


def _facet_rows(records: list[dict[str, Any]], version: int) -> list[dict[str, Any]]:
    """One ``article_facets`` row per article: the distinct values each sidebar filter tests.

    Must agree with :data:`data.store.derived.REBUILD_FACETS_SQL`, which derives the same rows from the tables.
    """
    rows = []
    for r in records:
        a = r.get("article") or {}
        pls = r.get("places") or []
        rows.append({
            "id": r["id"],
            "published": a.get("published"),
            "version": version,
            "sources": _sorted_distinct([a.get("publisher"), *(a.get("credits") or [])], drop_empty=True),
            "actors": _sorted_distinct(m.get("name") for m in r.get("actors") or []),
            "regions": _sorted_distinct(g for m in pls for g in (m.get("regions") or [])),
            "places": _sorted_distinct(m.get("name") for m in pls),
            "categories": _sorted_distinct(m.get("category") for m in r.get("figures") or []),
            "event_dates": _sorted_distinct(m.get("date") for m in r.get("dates") or [] if m.get("kind") == "event"),
            **{f"n_{t}": len(r.get(t) or []) for t in ("places", "figures", "actors", "dates")},
        })
    return rows


def _mention_columns(records: list[dict[str, Any]], table: str, version: int) -> dict[str, list[Any]]:
    """The rows of one mention table for ``records``, as columns (the cheapest way into DuckDB)."""
    cols = {c: [] for c in TABLES[table]}
    extra = [c for c in MENTION_COLUMNS[table] if c not in ("regions", "sentence", "value", "low", "high")]
    evidence = table in ("figures", "quotes")
    for r in records:
        ms = r.get(table)
        if not ms:
            continue
        a = r.get("article") or {}
        text = a.get("text") or ""
        n = len(ms)
        cols["article_id"] += [r["id"]] * n
        cols["idx"] += range(n)
        cols["published"] += [a.get("published")] * n
        cols["version"] += [version] * n
        if evidence:
            cols["sentence"] += _evidence(text, [(m.get("start") or 0, m.get("end") or 0) for m in ms])
        for m in ms:
            start, end = m.get("start"), m.get("end")
            cols["start"].append(start)
            cols["end"].append(end)
            cols["surface"].append(m.get("surface", text[start or 0:end or 0]))
            for c in extra:
                cols[c].append(m.get(c))
            if table == "places":
                cols["regions"].append(list(m.get("regions") or []))
            elif table == "figures":
                for k in ("value", "low", "high"):
                    cols[k].append(float(m[k]) if m.get(k) is not None else None)
    return cols


# A blank line always ends a sentence (data.extract.sentences), so a paragraph splits into the
# same sentences alone as inside its text.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _evidence(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The sentence(s) holding each ``(start, end)`` span of ``text``.

    Only the paragraphs that hold a span are split: splitting whole articles to find the
    evidence of a few figures was a quarter of the store's write cost.
    """
    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    starts = [0] + [b for _, b in breaks]
    ends = [a for a, _ in breaks] + [len(text)]
    split: dict[int, list[tuple[int, int]]] = {}
    out = []
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= ends[i] or end > ends[i]:
            i = -1  # on or across a paragraph break: split the whole text
        if i not in split:
            lo, hi = (0, len(text)) if i < 0 else (starts[i], ends[i])
            split[i] = [(a + lo, b + lo) for a, b in split_sentences(text[lo:hi])]
        out.append(_sentence_at(text, split[i], start, end))
    return out


def _sentence_at(text: str, sents: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]`` (a quote may span several), for evidence."""
    i = max(0, bisect.bisect_right(sents, (start, len(text) + 1)) - 1)
    j = max(i, bisect.bisect_left(sents, (end, -1)) - 1)
    if not sents:
        return text[start:end].strip()
    return text[min(sents[i][0], start):max(sents[j][1], end)].strip()
