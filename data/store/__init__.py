"""The embedded DuckDB store: schema, idempotent batch writes, versions, saved views.

This package is the only place in the project that knows SQL. Connections are opened per
operation: DuckDB lets a single process hold a read-write handle on a file, so a long-lived
connection in the dashboard would lock out an ingest (and the reverse). Readers share a
read-only instance that closes two seconds after its last query (:mod:`data.store.readers`); a
writer closes it first in its own process and retries with back-off while another process
holds the file.
"""
from __future__ import annotations

import json
import os
import secrets
import time
from contextlib import contextmanager, nullcontext
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from data.store import derived, readers
from data.store.rows import ROW_TABLES, WRITER_COLUMNS, Rows, prepare, schema
from data.store.schema import DERIVED, KEYS_SQL, MENTION_COLUMNS, SCHEMA_SQL, TABLES

if TYPE_CHECKING:  # workers import this package for data.store.rows: pandas costs each ~90 MB
    import pandas as pd

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

        Readers get a connection of the process's shared read-only instance of the file (warm
        buffer pool; :mod:`data.store.readers`), which a writer of this process closes first. A
        read-only open of a file that does not exist yet creates an empty schema first, so
        readers never fail on a fresh installation.
        """
        if read_only and not self.path.exists():
            self.init()
        # A reader shares the process's instance unless a writer of another process waits for
        # the file; then it holds its own connection for this query only. Anything else closes
        # the shared instance first (a writer of this process could not open the file beside it).
        shared = read_only and not readers.writer_waiting(self.path)
        if not shared:
            readers.close(self.path)
            if read_only:  # let the waiting writer in first (readers.yield_to_writer)
                readers.yield_to_writer(self.path)
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.01
        entry = None
        with (readers.announce_writer(self.path) if not read_only else nullcontext()):
            while True:
                try:
                    if shared:
                        con, entry = readers.cursor(self.path, self._open_read_only)
                    elif read_only:
                        con = self._open_read_only()
                    else:
                        con = duckdb.connect(str(self.path), read_only=False, config=self._config)
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
            if entry is not None:
                readers.release(entry, con)
            else:
                con.close()

    def _open_read_only(self) -> duckdb.DuckDBPyConnection:
        # Settings applied after the open (they are global, so every cursor shares them) rather
        # than as its config: a plain read-only duckdb.connect() of the file elsewhere in this
        # process (benchmarks, tests) then joins this instance instead of failing on a
        # different configuration.
        con = duckdb.connect(str(self.path), read_only=True)
        con.execute("SET memory_limit = $m", {"m": self._config["memory_limit"]})
        con.execute("SET enable_progress_bar = false")
        return con

    def init(self) -> "Store":
        """Create the file and every table if missing (idempotent).

        A store written before a derived table existed gets it filled here, so any writer (an
        ingest, ``python -m data ingest --if-empty``) brings an old store up to date.
        """
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect(read_only=False) as con:
            existing = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
            con.execute(SCHEMA_SQL)
            if set(derived.SUMMARY_SQL) - existing:  # a summary added since: summarise every version again
                con.execute("DELETE FROM summarized")
            for table in DERIVED:
                cols = [r[0] for r in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                    "ORDER BY ordinal_position", [table]).fetchall()]
                if cols != TABLES[table]:  # derived data in an older layout: recreate it
                    con.execute(f"DROP TABLE {table}")
                    if table in derived.SUMMARY_SQL:  # its versions must be summarised again
                        con.execute("DELETE FROM summarized")
            con.execute(SCHEMA_SQL)
            stale = derived.stale(con)
        if stale:
            self.rebuild_aggregates(stale)
        self._summarize_missing()
        return self

    def _summarize_missing(self) -> None:
        """Compute the version summaries of every version missing them (a store written by
        older code, a crashed run), one transaction per version."""
        with self.connect(read_only=False) as con:
            for v in derived.unsummarized(con):
                con.execute("BEGIN TRANSACTION")
                try:
                    derived.summarize(con, v)
                    con.execute("COMMIT")
                except BaseException:
                    con.execute("ROLLBACK")
                    raise

    def rebuild_aggregates(self, tables: Sequence[str] = DERIVED) -> None:
        """Recompute derived tables (default: all of them, see :mod:`data.store.schema`) from
        articles and mentions.

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

    def copy_version(self, version: dict[str, Any], log: Sequence[dict[str, Any]] = ()) -> None:
        """Start a data version under another store's number and record, with log rows of its
        own (used by :mod:`data.reextract`, which rebuilds a store version by version).

        Parameters
        ----------
        version : dict
            ``version`` (its number, which must be new here), ``started_at``, ``engine``,
            ``note``.
        log : sequence of dict
            Ingest-log rows of that version to keep (``file``, ``article_id``, ``status``,
            ``code``, ``message``, ``at``).
        """
        v = version.get("version")
        _check_version(v)
        self.init()
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                if con.execute("SELECT count(*) FROM versions WHERE version = ?", [v]).fetchone()[0]:
                    raise StoreError(f"version {v} already exists in {self.path}")
                con.execute("INSERT INTO versions (version, started_at, engine, note) VALUES (?, ?, ?, ?)",
                            [v, version.get("started_at") or _now(), version.get("engine"), version.get("note")])
                # one insert of all rows: a store may have logged a duplicate per article
                cols = ("file", "article_id", "status", "code", "message", "at")
                rows = pa.table({c: [r.get(c) if c != "at" else (r.get("at") or _now()) for r in log] for c in cols},
                                schema=pa.schema([(c, pa.timestamp("us") if c == "at" else pa.string())
                                                  for c in cols]))
                con.register("_copied_log", rows)
                con.execute('INSERT INTO ingest_log (version, file, article_id, status, code, message, "at") '
                            'SELECT $v, file, article_id, status, code, message, "at" FROM _copied_log', {"v": v})
                con.unregister("_copied_log")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def copy_views(self, views: Iterable[dict[str, Any]]) -> int:
        """Add saved views of another store (``id``, ``created_at``, ``title``, ``page``,
        ``params`` as JSON text, ``version``), keeping their ids so that shared links still work;
        a view whose id is already here is left as it is. Returns how many were added."""
        added = 0
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                for view in views:
                    if con.execute("SELECT count(*) FROM saved_views WHERE id = ?", [view["id"]]).fetchone()[0]:
                        continue
                    con.execute(
                        "INSERT INTO saved_views (id, created_at, title, page, params, version) "
                        "VALUES (?, ?, ?, ?, ?, ?)",
                        [view["id"], view.get("created_at") or _now(), view.get("title"), view.get("page"),
                         view.get("params"), view.get("version")])
                    added += 1
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return added

    def finish_version(self, version: int) -> dict[str, int]:
        """Close an ingest run: record its end time and counts from the ingest log, and compute
        its day rollups and summaries (:func:`data.store.derived.summarize`)."""
        with self.connect(read_only=False) as con:
            counts = dict(
                con.execute(
                    "SELECT status, count(*) FROM ingest_log WHERE version = ? GROUP BY status",
                    [version],
                ).fetchall()
            )
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(
                    "UPDATE versions SET finished_at = ?, loaded = ?, duplicates = ?, failed = ? "
                    "WHERE version = ?",
                    [_now(), counts.get("loaded", 0), counts.get("duplicate", 0), counts.get("failed", 0), version],
                )
                # This version, and any crashed one before it: its rows become visible now.
                for v in sorted({version, *derived.unsummarized(con)}):
                    derived.summarize(con, v)
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

        :func:`data.store.rows.prepare` then :meth:`write_rows`; engines call ``prepare`` in
        their workers instead, so that the writer only deduplicates and inserts.

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
        _check_version(version)
        return self.write_rows(version, prepare(records), log)

    def write_rows(self, version: int, rows: Rows, log: Iterable[dict[str, Any]] = ()) -> dict[str, int]:
        """Write the rows of a batch built by :func:`data.store.rows.prepare`, in one transaction.

        Articles whose id is already stored, or that repeat an earlier article of ``rows``, are
        dropped with their mentions and logged as duplicates; the others are inserted with the
        run's ``version``, and each logged as loaded with its warnings.

        Parameters
        ----------
        version : int
            The run's data version from :meth:`begin_version`.
        rows : data.store.rows.Rows
            The batch (several workers' rows may be joined with ``Rows.concat``).
        log : iterable of dict
            Extra ingest-log rows (``file``, ``status``, ``code``, ``message``), e.g. load errors.

        Returns
        -------
        dict
            ``loaded`` and ``duplicate`` counts, as :meth:`write_batch`.
        """
        _check_version(version)
        now = _now()
        extra = pa.Table.from_pylist(
            [{"file": e.get("file"), "article_id": e.get("article_id"), "status": e.get("status", "failed"),
              "code": e.get("code"), "message": e.get("message")} for e in log],
            schema=schema("ingest_log"))
        with self.connect(read_only=False) as con:
            # One thread: the driver shares the cores with the extraction workers, and inserting
            # and checkpointing a batch on two threads costs ~10% more CPU for little wall time.
            con.execute("SET threads = 1")
            con.execute("BEGIN TRANSACTION")
            try:
                keep = _fresh(con, rows.tables["articles"]["id"])
                fresh = rows if keep.all() else rows.filter(keep)
                for table in ROW_TABLES:
                    if fresh.tables[table].num_rows:
                        self._insert(con, table, fresh.tables[table], version, now)
                log_rows = pa.concat_tables([extra, _status_rows(rows, keep), fresh.warnings])
                if log_rows.num_rows:
                    self._insert(con, "ingest_log", log_rows, version, now)
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        return {"loaded": len(fresh), "duplicate": len(rows) - len(fresh)}

    def log_failure(self, version: int, file: str | None, code: str, message: str) -> None:
        """Record a file that could not be loaded."""
        self.write_batch(version, [], [{"file": file, "status": "failed", "code": code, "message": message}])

    @staticmethod
    def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: pa.Table, version: int, now: datetime) -> None:
        """Insert ``rows`` (``table``'s columns but the writer's own and the computed ones) into
        ``table``, completed with the version and time and the columns of :data:`KEYS_SQL`."""
        n = rows.num_rows
        constants = {"version": pa.array(np.full(n, version, np.int32)),
                     "ingested_at": pa.array(np.full(n, np.datetime64(now, "us"))),
                     "at": pa.array(np.full(n, np.datetime64(now, "us")))}
        for i, col in enumerate(TABLES[table]):
            if col in WRITER_COLUMNS:
                rows = rows.add_column(i, col, constants[col])
        name = f"_new_{table}"
        con.register(name, rows)
        computed = KEYS_SQL.get(table, {})
        quoted = ", ".join(f'"{c}"' for c in TABLES[table])
        values = ", ".join(computed.get(c, f'"{c}"') for c in TABLES[table])
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {values} FROM {name}")
        con.unregister(name)

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



def _check_version(version: Any) -> None:
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"version must be a positive int from begin_version(), got {version!r}")


def _fresh(con: duckdb.DuckDBPyConnection, ids: pa.ChunkedArray) -> np.ndarray:
    """Which of ``ids`` to insert: not stored yet, and the first of the batch to carry its id."""
    keep = np.zeros(len(ids), dtype=bool)
    if not len(ids):
        return keep
    keep[pc.index_in(pc.unique(ids), value_set=ids).to_numpy()] = True
    con.register("_batch_ids", pa.table({"id": ids}))
    stored = con.sql("SELECT id FROM articles WHERE id IN (SELECT id FROM _batch_ids)").to_arrow_table()
    con.unregister("_batch_ids")
    if stored.num_rows:
        keep &= ~pc.is_in(ids, value_set=stored["id"]).to_numpy(zero_copy_only=False)
    return keep


def _status_rows(rows: Rows, keep: np.ndarray) -> pa.Table:
    """One ingest-log row per article of ``rows``: loaded, or a duplicate when ``keep`` is false."""
    arts = rows.tables["articles"]
    mask = pa.array(keep)
    return pa.table({
        "file": arts["source"], "article_id": arts["id"],
        "status": pc.if_else(mask, "loaded", "duplicate"),
        "code": pc.if_else(mask, pa.scalar(None, pa.string()), "duplicate"),
        "message": pc.if_else(mask, pa.scalar(None, pa.string()), "already in the store"),
    }, schema=schema("ingest_log"))
