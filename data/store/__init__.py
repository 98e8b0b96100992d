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
            stale = con.execute(_STALE_SQL).fetchone()[0]
        if stale:
            self.rebuild_aggregates()
        return self

    def rebuild_aggregates(self) -> None:
        """Recompute the derived tables (``article_facets``, ``actor_days``, ``place_days``) from
        articles and mentions.

        One transaction: readers see either the old or the new derived rows. Needed only after
        rows were copied in by other means than :meth:`write_batch` (which keeps them current).
        """
        with self.connect(read_only=False) as con:
            con.execute("BEGIN TRANSACTION")
            try:
                # In slices of the key space: grouping list aggregates over a whole large store
                # at once exceeds DuckDB's memory limit (seen at 1M articles with 1 GB).
                con.execute("SET preserve_insertion_order = false")  # less memory; order is irrelevant here
                con.execute("DELETE FROM article_facets")
                n = _slices(con, "SELECT count(*) FROM articles", _SLICE_ARTICLES)
                for k in range(n):
                    con.execute(_REBUILD_FACETS_SQL, {"n": n, "k": k})
                for table, day_table in _DAY_TABLES.items():
                    con.execute(f"DELETE FROM {day_table}")
                    n = _slices(con, f"SELECT count(*) FROM {table}", _SLICE_ROWS)
                    for k in range(n):
                        src = f"(SELECT * FROM {table} WHERE hash(name) % $n = $k)"
                        con.execute(f"INSERT INTO {day_table} " + _DAYS_FROM[table].format(src=src), {"n": n, "k": k})
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
                # Batches left one day-table row per batch and key; merge this version's rows,
                # a slice of names at a time so that memory stays bounded for huge versions.
                for day_table, sql in _COMPACT_SQL.items():
                    n = _slices(con, f"SELECT count(*) FROM {day_table} WHERE version = {int(version)}", _SLICE_ROWS)
                    for k in range(n):
                        part = {"v": version, "n": n, "k": k}
                        con.execute(f"CREATE TEMP TABLE _compact AS {sql}", part)
                        con.execute(f"DELETE FROM {day_table} WHERE version = $v AND hash(name) % $n = $k", part)
                        con.execute(f"INSERT INTO {day_table} SELECT * FROM _compact")
                        con.execute("DROP TABLE _compact")
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
                if fresh:
                    self._insert(con, "articles", _article_rows(fresh, version, now))
                    self._insert(con, "article_facets", _facet_rows(fresh, version))
                    for table in MENTION_COLUMNS:
                        columns = _mention_columns(fresh, table, version)
                        if columns["article_id"]:
                            self._insert(con, table, columns, then=(
                                f"INSERT INTO {_DAY_TABLES[table]} " + _DAYS_FROM[table].format(src="_batch")
                                if table in _DAY_TABLES else None))
                if log_rows:
                    self._insert(con, "ingest_log", log_rows)
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
                rows: list[dict[str, Any]] | dict[str, list[Any]], then: str | None = None) -> None:
        """Insert rows (a list of dicts, or a dict of equal-length column lists) into ``table``;
        ``then`` is more SQL run while the rows are visible as ``_batch``."""
        cols = TABLES[table]
        if isinstance(rows, dict):
            df = pa.Table.from_pydict({c: rows[c] for c in cols})
        else:
            df = pd.DataFrame.from_records(rows, columns=cols)
        con.register("_batch", df)
        quoted = ", ".join(f'"{c}"' for c in cols)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM _batch")
        if then:
            con.execute(then)
        con.unregister("_batch")

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

    Must agree with :data:`_REBUILD_FACETS_SQL`, which derives the same rows from the tables.
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


# The same rows as _facet_rows, derived from the stored tables (list_distinct drops NULLs), for
# the articles whose id hashes to slice $k of $n.
_REBUILD_FACETS_SQL = """
INSERT INTO article_facets
SELECT a.id, a.published, a.version,
       list_sort(list_filter(list_distinct(list_prepend(a.publisher, coalesce(a.credits, []))), lambda s: s <> '')),
       coalesce(x.v, []), coalesce(rg.v, []), coalesce(p.v, []), coalesce(g.v, []), coalesce(d.v, []),
       coalesce(p.n, 0), coalesce(g.n, 0), coalesce(x.n, 0), coalesce(dn.n, 0)
FROM articles a
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(name))) AS v, count(*) AS n FROM actors
           WHERE hash(article_id) % $n = $k GROUP BY article_id) x ON x.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(name))) AS v, count(*) AS n FROM places
           WHERE hash(article_id) % $n = $k GROUP BY article_id) p ON p.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(flatten(list(regions)))) AS v FROM places
           WHERE hash(article_id) % $n = $k GROUP BY article_id) rg ON rg.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(category))) AS v, count(*) AS n FROM figures
           WHERE hash(article_id) % $n = $k GROUP BY article_id) g ON g.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(date))) AS v FROM dates
           WHERE kind = 'event' AND hash(article_id) % $n = $k GROUP BY article_id) d ON d.article_id = a.id
LEFT JOIN (SELECT article_id, count(*) AS n FROM dates
           WHERE hash(article_id) % $n = $k GROUP BY article_id) dn ON dn.article_id = a.id
WHERE hash(a.id) % $n = $k
"""


# Day rollups of a mention relation {src} (a batch or the whole table): one row per version,
# publication day and name (and, for actors, type and country).
_DAY_TABLES = {"actors": "actor_days", "places": "place_days"}
_DAYS_FROM = {
    "actors": """SELECT version, CAST(published AS DATE), name, type, country,
                        list_sort(list_distinct(list(role))), count(*), count(DISTINCT article_id)
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name, type, country""",
    "places": """SELECT version, CAST(published AS DATE), name, any_value(country), any_value(kind),
                        any_value(lat), any_value(lon), any_value(regions), min(border_km),
                        list_sort(list_distinct(list(surface))), count(*), count(DISTINCT article_id),
                        arg_min({{'aid': article_id, 'st': "start", 'en': "end"}}, article_id)
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name""",
}
# The same rows merged across batches (article counts add up: an article is in one batch).
_COMPACT_SQL = {
    "actor_days": """SELECT version, published, name, type, country, list_sort(list_distinct(flatten(list(roles)))),
                            sum(mentions), sum(articles)
                     FROM actor_days WHERE version = $v AND hash(name) % $n = $k
                     GROUP BY version, published, name, type, country""",
    "place_days": """SELECT version, published, name, any_value(country), any_value(kind), any_value(lat),
                            any_value(lon), any_value(regions), min(border_km),
                            list_sort(list_distinct(flatten(list(surfaces)))), sum(mentions), sum(articles),
                            arg_min(ev, ev.aid)
                     FROM place_days WHERE version = $v AND hash(name) % $n = $k
                     GROUP BY version, published, name""",
}
# Rows grouped at once when derived tables are compacted or rebuilt (bounds DuckDB's memory).
_SLICE_ROWS = 2_000_000
_SLICE_ARTICLES = 25_000


def _slices(con: duckdb.DuckDBPyConnection, count_sql: str, rows: int) -> int:
    """How many slices of at most ~``rows`` rows the relation counted by ``count_sql`` needs."""
    total = int(con.execute(count_sql).fetchone()[0])
    return max(1, -(-total // rows))


# True when a derived table does not summarise the tables it derives from (an older store).
_STALE_SQL = """
SELECT (SELECT count(*) FROM articles) <> (SELECT count(*) FROM article_facets)
    OR (SELECT count(*) FROM actors WHERE name IS NOT NULL) <> (SELECT coalesce(sum(mentions), 0) FROM actor_days)
    OR (SELECT count(*) FROM places WHERE name IS NOT NULL) <> (SELECT coalesce(sum(mentions), 0) FROM place_days)
"""


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
