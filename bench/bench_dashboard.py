"""Dashboard query speed on a large store: every function ``data.store.read`` exports.

The store is filled WITHOUT running extraction: ``bench.make_corpus.make_article(truth=True)``
returns the mentions the generator planted (offsets included; places resolved through
``geo.gazetteer.lookup`` for their regions and border distance), and they are written with the
store's own ``Store.write_batch``. Article text is stored in full, as an ingest would.

A million articles through ``write_batch`` takes longer than a session on this 2-core machine
(~2.7 ms of CPU per article in the single writer, most of it the store's own sentence split for
figure and quote evidence). ``--replicate-from`` therefore offers a documented shortcut for
query timing: copy a store built through ``write_batch`` (e.g. 100k) and append ``--copies``
replicas of its articles and mentions with new ids and dates shifted back by
``--shift-years`` whole years per copy (SQL in this benchmark only; see :func:`replicate`).
The result is synthetic in a second way: ten identical texts per article, so mention
densities per month and per article stay those of the base store while the time span and the
row counts grow tenfold.

Each query runs ``--repeat`` times per filter set (none; one actor; two actors; one year of
publication dates; one month of publication dates; a category plus a region; all of them with
event dates), every set pinned to the store's data version as the dashboard pins it
(``dashboard.queries.q`` refuses ``version=None``), on a read-only connection opened per call,
as the dashboard does. Wall time (median, p95) and the process's CPU time are recorded, the
latter because wall time on a shared machine mostly measures the other jobs. Cold start is a
fresh Python process that imports the read module, opens the store and loads what the first
Overview render needs: the five sidebar facets and the five Overview queries (OS page cache
warm: a "cold process", not a cold disk).

Usage::

    python -m bench.bench_dashboard --n 100k [--repeat 5] [--db bench/out/stores/dash-100000.duckdb]
    python -m bench.bench_dashboard --n 1m --replicate-from bench/out/stores/dash-100000.duckdb
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections import deque
from contextlib import contextmanager
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

from bench._util import OUT, RESULTS, ROOT, load_avg, machine, mb, save, summary
from bench.make_corpus import SIZES, make_article

# Records per write_batch call. Each call opens and closes a read-write connection (~0.1 s on
# a 100k store, mostly the checkpoint on close), so larger batches amortise it; 2,000 records
# (~9 MB of text plus mentions) stay far below the store's 1 GB memory limit.
TRUTH_BATCH = 2000
# DuckDB memory limit for rebuilding the store's derived tables in one statement (the store's
# default of 1 GB runs out of memory at 1M articles).
REBUILD_MEMORY = "6GB"


@lru_cache(maxsize=None)
def _geo(name: str, country: str) -> tuple[tuple[str, ...], float | None, float | None, float | None]:
    try:
        from geo.gazetteer import lookup

        p = lookup(name, countries=(country,))
    except Exception:  # the benchmark must not depend on the gazetteer being complete
        p = None
    if p is None:
        return (), None, None, None
    return tuple(p.regions), p.border_km, p.lat, p.lon


def truth_record(index: int, seed: int = 7) -> dict:
    """Article ``index`` as an ``extract`` JSON record built from the planted mentions."""
    from data.article import article_id

    a = make_article(index, seed, truth=True)
    m = a["mentions"]
    for pl in m["places"]:
        regions, border_km, lat, lon = _geo(pl["name"], pl["country"])
        pl["regions"], pl["border_km"] = list(regions), border_km
        if lat is not None:
            pl["lat"], pl["lon"] = lat, lon
    return {"id": article_id(a["text"]),
            "article": {"title": a["title"], "published": a["published"], "publisher": a["publisher"],
                        "url": a["url"], "credits": [], "text": a["text"], "source": f"synthetic:{seed}/{index}",
                        "kind": "jsonl", "removed": [], "meta": {"synthetic": True}},
            **m}


def _truth_batch(args: tuple[int, int, int]) -> list[dict]:
    start, count, seed = args
    return [truth_record(i, seed) for i in range(start, start + count)]


@contextmanager
def _store_memory(limit: str | None):
    """Stores created inside get DuckDB ``memory_limit`` ``limit`` (``Store`` reads
    ``$CONFLICT_DB_MEMORY`` when constructed; its 1 GB default is too small to rebuild the
    derived tables of a 1M-article store in one statement)."""
    old = os.environ.get("CONFLICT_DB_MEMORY")
    if limit:
        os.environ["CONFLICT_DB_MEMORY"] = limit
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("CONFLICT_DB_MEMORY", None)
        else:
            os.environ["CONFLICT_DB_MEMORY"] = old


def rebuild_aggregates(store) -> dict:
    """Call ``Store.rebuild_aggregates()`` when the store has one; the seconds it took.

    The store may keep pre-aggregated tables next to the mention tables. ``write_batch`` keeps
    them current, but a store written by older code, or grown by :func:`replicate` with plain
    SQL, has to rebuild them before its numbers are right. Without the method (older store
    code) there is nothing to rebuild and this says so in the result.
    """
    fn = getattr(store, "rebuild_aggregates", None)
    if fn is None:
        return {"rebuilt": False, "reason": "Store.rebuild_aggregates does not exist"}
    t0 = time.perf_counter()
    out = fn()
    return {"rebuilt": True, "rebuild_s": round(time.perf_counter() - t0, 1),
            **({"result": out} if isinstance(out, (dict, list, int, float, str)) else {})}


def _tables(db: Path) -> set[str]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    finally:
        con.close()


def _prepare_reused(store, db: Path, rebuild: str) -> dict:
    """Bring a reused store up to the current schema and say what that took.

    ``Store.init()`` is idempotent: it adds tables newer store code defines and (in the store's
    current code) fills derived tables that are out of step with the articles. ``rebuild ==
    "always"`` also forces :func:`rebuild_aggregates`.
    """
    before = _tables(db)
    t0 = time.perf_counter()
    with _store_memory(REBUILD_MEMORY):
        # a rebuild at 1M does not fit the store's 1 GB default (out of memory)
        type(store)(store.path).init()
    out: dict = {"new_tables": sorted(_tables(db) - before), "init_s": round(time.perf_counter() - t0, 1)}
    if rebuild == "always":
        with _store_memory(REBUILD_MEMORY):
            out["aggregates"] = rebuild_aggregates(type(store)(store.path))
    return out


def article_count(db: Path) -> int:
    """Articles in the store file ``db`` (0 when it has no articles table yet).

    Counted with plain DuckDB rather than ``Store.stats()``, which fails on a store written by
    older code that lacks a table the current code defines; such a store is upgraded by
    ``Store.init()``, never thrown away.
    """
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        if "articles" not in {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}:
            return 0
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        con.close()


def build_store(n: int, db: Path, seed: int = 7, procs: int = 1, batch: int = TRUTH_BATCH,
                rebuild: str = "auto") -> dict:
    """Fill ``db`` with ``n`` synthetic articles through ``Store.write_batch``; reuse if complete.

    Parameters
    ----------
    n : int
        Articles.
    db : Path
        Store file; reused when it already holds ``n`` articles, else rebuilt from scratch.
    seed : int
        Corpus seed.
    procs : int
        Processes generating records while this one writes (DuckDB has one writer).
    batch : int
        Records per ``write_batch`` call.
    rebuild : {"auto", "always", "never"}
        On a reused store, ``always`` forces ``Store.rebuild_aggregates()``; ``auto`` leaves it
        to ``Store.init()``, which fills derived tables that are out of step.

    Returns
    -------
    dict
        ``reused``, and for a fresh build ``build_s``, ``generate_cpu_s`` (the helpers' share is
        not in it), ``write_s`` (time spent inside ``write_batch``) and ``articles_per_s``.
    """
    from data.store import Store

    store = Store(db)
    if db.exists():
        if article_count(db) == n:
            return {"reused": True, **_prepare_reused(store, db, rebuild)}
        db.unlink()
        Path(str(db) + ".wal").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    store.init()
    v = store.begin_version("bench-truth")
    jobs = [(s, min(batch, n - s), seed) for s in range(0, n, batch)]
    t0 = time.perf_counter()
    write_s, done, report_every = 0.0, 0, max(batch, n // 10)
    # A bounded window of pending batches: Pool.imap would queue every finished batch while the
    # slower writer catches up, i.e. most of a 1M corpus in memory.
    with Pool(max(1, procs)) as pool:
        pending: deque = deque()
        it = iter(jobs)
        for job in it:
            pending.append(pool.apply_async(_truth_batch, (job,)))
            if len(pending) >= procs + 2:
                break
        while pending:
            recs = pending.popleft().get()
            nxt = next(it, None)
            if nxt is not None:
                pending.append(pool.apply_async(_truth_batch, (nxt,)))
            t = time.perf_counter()
            store.write_batch(v, recs, [])
            write_s += time.perf_counter() - t
            done += len(recs)
            if done % report_every < batch:
                print(f"  store {done:,}/{n:,} articles, {time.perf_counter() - t0:.0f} s "
                      f"(write {write_s:.0f} s), load {load_avg()}", flush=True)
    store.finish_version(v)
    build_s = time.perf_counter() - t0
    return {"reused": False, "build_s": round(build_s, 1), "write_s": round(write_s, 1),
            "articles_per_s": round(n / build_s, 1), "batch": batch, "procs": procs,
            "load_avg_after": load_avg()}


# -- a large store by replication -------------------------------------------------------------
_COPY_TABLES = ("articles", "places", "figures", "actors", "dates", "quotes")


def _shift_iso(col: str, years: int) -> str:
    """SQL: the (possibly partial) ISO date string ``col`` moved back ``years`` whole years.

    Full dates go through DATE arithmetic so 29 February lands on 28 February instead of an
    invalid string; "2020" and "2020-11" (and anything else starting with a year) get a new year
    prefix; other strings are kept.
    """
    prefix = (f"lpad(CAST(CAST(substr({col}, 1, 4) AS INTEGER) - {years} AS VARCHAR), 4, '0') "
              f"|| substr({col}, 5)")
    return (f"CASE WHEN {col} IS NULL OR NOT regexp_matches({col}, '^[0-9]{{4}}') THEN {col} "
            f"WHEN length({col}) = 10 AND TRY_CAST({col} AS DATE) IS NOT NULL "
            f"THEN strftime(CAST(TRY_CAST({col} AS DATE) - INTERVAL {years} YEAR AS DATE), '%Y-%m-%d') "
            f"ELSE {prefix} END")


def _copy_expr(table: str, col: str, dtype: str, k: int, years: int) -> str:
    """SQL expression giving column ``col`` of replica ``k`` (1..copies)."""
    q = f'"{col}"'
    if (table == "articles" and col == "id") or col == "article_id":
        # 16 hex digits like a real content id, distinct per (original id, copy)
        return f"substr(md5({q} || '#replica{k}'), 1, 16)"
    if dtype == "DATE":
        return f"CAST({q} - INTERVAL {years} YEAR AS DATE)"
    if (table, col) in (("figures", "date"), ("dates", "date")):
        return _shift_iso(q, years)
    if table == "articles" and col == "source":
        return f"{q} || '#replica{k}'"
    return q


def replicate(base: Path, db: Path, copies: int = 9, shift_years: int = 5, memory_limit: str = REBUILD_MEMORY) -> dict:
    """Copy store ``base`` to ``db`` and append ``copies`` replicas of its articles and mentions.

    A SYNTHETIC REPLICATION FOR QUERY TIMING ONLY: replica ``k`` repeats every article and
    mention of the base store with a new 16-hex-digit id (``md5(id || '#replica<k>')``), the
    same version, and every publication date (DATE columns) and event / figure date (ISO
    strings, partial ones included) moved back ``k * shift_years`` whole years. With the
    corpus spanning 2020-01 to 2024-06, a 5-year shift gives ten copies that do not overlap in
    time: 1975 to 2024 at the base store's density per month. Texts are identical across
    copies. Other tables (ingest log, versions, saved views) are left as they are, except the
    version's ``loaded`` count; pre-aggregated tables are rebuilt afterwards by
    ``Store.rebuild_aggregates()`` when the store has that method (the store's code owns
    them; this function writes only the base tables).

    Returns
    -------
    dict
        Seconds spent copying the file, inserting each replica and rebuilding, plus the sizes.
    """
    from data.store import Store

    if copies < 1:
        raise ValueError(f"copies must be >= 1, got {copies!r}")
    if not base.exists():
        raise FileNotFoundError(f"base store {base} does not exist (build it first with --n of its size)")
    db.parent.mkdir(parents=True, exist_ok=True)
    tmp = db.with_name(db.name + ".partial")
    t0 = time.perf_counter()
    res: dict = {"base": str(base), "copies": copies, "shift_years": shift_years, "replicas": []}
    if tmp.exists() and article_count(tmp) == article_count(base) * (copies + 1):
        # an earlier run inserted every replica (each one commits) and then failed in the
        # rebuild of the derived tables: only that step is left to do
        res["resumed"] = True
        res["articles"] = res["base_articles"] = None
    else:
        for p in (tmp, Path(str(tmp) + ".wal")):
            p.unlink(missing_ok=True)
        shutil.copyfile(base, tmp)
        res["copy_file_s"] = round(time.perf_counter() - t0, 1)
        _insert_replicas(tmp, copies, shift_years, memory_limit, res)
    t = time.perf_counter()
    with _store_memory(memory_limit):
        # The store's init() recreates derived tables of an older layout and refills them when
        # their row count is out of step with the articles (it is, after the copies); an
        # explicit rebuild only if that left them stale, so 1M rows are not aggregated twice.
        Store(tmp).init()
        res["aggregates"] = (rebuild_aggregates(Store(tmp)) if _facets_stale(tmp)
                             else {"rebuilt": True, "by": "Store.init()"})
    res["aggregates"]["init_and_rebuild_s"] = round(time.perf_counter() - t, 1)
    res["articles"] = article_count(tmp)
    res["base_articles"] = article_count(base)
    tmp.replace(db)
    res["total_s"] = round(time.perf_counter() - t0, 1)
    res["store_mb"] = mb(db.stat().st_size)
    return res


def _facets_stale(db: Path) -> bool:
    """True unless the store's per-article derived table holds one row per article."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "article_facets" not in tables:
            return True
        return bool(con.execute("SELECT (SELECT count(*) FROM articles) <> (SELECT count(*) FROM article_facets)")
                    .fetchone()[0])
    finally:
        con.close()


def _insert_replicas(tmp: Path, copies: int, shift_years: int, memory_limit: str, res: dict) -> None:
    """Append the replicas to the base tables of ``tmp`` (one transaction per replica)."""
    import duckdb

    from data.store import Store

    with _store_memory(memory_limit):
        Store(tmp).init()  # tables the current store code defines, so replicas see its schema
    con = duckdb.connect(str(tmp), config={"memory_limit": memory_limit})
    try:
        cols = {t: con.execute("SELECT column_name, data_type FROM information_schema.columns "
                               "WHERE table_name = ? ORDER BY ordinal_position", [t]).fetchall()
                for t in _COPY_TABLES}
        # the base store's ids; each replica is made from these rows only
        con.execute("CREATE TEMP TABLE _base AS SELECT id FROM articles")
        base_n = con.execute("SELECT count(*) FROM _base").fetchone()[0]
        for k in range(1, copies + 1):
            t = time.perf_counter()
            con.execute("BEGIN TRANSACTION")
            for table in _COPY_TABLES:
                names = ", ".join(f'"{c}"' for c, _ in cols[table])
                exprs = ", ".join(_copy_expr(table, c, d, k, k * shift_years) for c, d in cols[table])
                key = "id" if table == "articles" else "article_id"
                where = f" WHERE {key} IN (SELECT id FROM _base)"
                con.execute(f"INSERT INTO {table} ({names}) SELECT {exprs} FROM {table}{where}")
            con.execute("COMMIT")
            res["replicas"].append({"copy": k, "s": round(time.perf_counter() - t, 1), "load_avg": load_avg()})
            print(f"  replica {k}/{copies}: {res['replicas'][-1]['s']} s, load {load_avg()}", flush=True)
        con.execute("UPDATE versions SET loaded = (SELECT count(*) FROM articles a WHERE a.version = versions.version)")
        con.execute("CHECKPOINT")
        res["inserted_articles"] = int(con.execute("SELECT count(*) FROM articles").fetchone()[0]) - int(base_n)
    finally:
        con.close()


# -- what is timed --------------------------------------------------------------------------
def filter_sets(store) -> dict:
    """Realistic filter selections taken from the store's own facets, pinned to its version.

    The dashboard never queries with ``version=None`` (``dashboard.queries.q`` refuses it), and
    the store's fast paths may depend on the version being set, so neither does the benchmark.
    """
    from data.store import read
    from data.store.filters import Filters

    v = store.current_version()
    actors = read.facet_actors(store, v)
    regions = read.facet_regions(store, v)
    names = [str(x) for x in actors[actors.columns[0]].head(2)] if len(actors) else []
    top_actor = names[0] if names else "Armenia"
    second = names[1] if len(names) > 1 else "Azerbaijan"
    region = str(regions.iloc[0][regions.columns[0]]) if len(regions) else "am-syunik"
    return {
        "none": Filters(version=v),
        "actor": Filters(actors=(top_actor,), version=v),
        "two_actors": Filters(actors=(top_actor, second), version=v),
        "year_published": Filters(date_from="2022-01-01", date_to="2022-12-31", version=v),
        "published_month": Filters(date_from="2022-03-01", date_to="2022-03-31", version=v),
        "category": Filters(categories=("killed",), version=v),
        "category_region": Filters(categories=("killed",), regions=(region,), version=v),
        "all_event_dates": Filters(actors=(top_actor,), date_from="2022-01-01", date_to="2022-12-31",
                                   date_field="event", categories=("killed",), regions=(region,), version=v),
    }


def _call(fn, store, f, article_id: str):
    params = list(inspect.signature(fn).parameters)
    if params[:2] == ["store", "f"]:
        return fn(store, f)
    if params[:2] == ["store", "article_id"]:
        # the reader opens an article as of the live version, as the Articles page does
        return fn(store, article_id, f.version) if "version" in params else fn(store, article_id)
    if params[:2] == ["store", "version"]:
        return fn(store, f.version)  # facets: the dashboard passes the version it shows
    if params == ["store"] or params[:1] == ["store"] and all(
            p.default is not inspect.Parameter.empty for p in inspect.signature(fn).parameters.values()
            if p.name != "store"):
        return fn(store)
    raise TypeError(f"do not know how to call read.{fn.__name__}{inspect.signature(fn)}")


def time_queries(db: Path, repeat: int = 7, only_sets: tuple[str, ...] | None = None) -> dict:
    """Median/p95 wall time of every exported read function under every filter set (or the
    sets named in ``only_sets``: a 1M run of all eight takes long on a shared machine)."""
    from data.store import Store, read, readers

    store = Store(db)
    fsets = filter_sets(store)
    if only_sets:
        unknown = set(only_sets) - set(fsets)
        if unknown:
            raise ValueError(f"unknown filter sets {sorted(unknown)}; choose from {sorted(fsets)}")
        fsets = {k: v for k, v in fsets.items() if k in only_sets or k == "none"}
    some_id = str(read.latest_articles(store, fsets["none"]).iloc[0]["id"])
    out: dict = {}
    names = [n for n in read.__all__ if n != "scope" and callable(getattr(read, n, None))]
    for name in names:
        fn = getattr(read, name)
        takes_filters = list(inspect.signature(fn).parameters)[:2] == ["store", "f"]
        for fname, f in (fsets.items() if takes_filters else [("-", fsets["none"])]):
            # The first call opens the store anew (the process's shared instance closed): what a
            # query costs after the dashboard sat idle (data.store.readers). The repeats then
            # share the warm instance, as a page's queries and quick filter changes do.
            readers.close_all()
            t = time.perf_counter()
            _call(fn, store, f, some_id)
            cold = time.perf_counter() - t
            times, cpus, rows = [], [], None
            for _ in range(repeat):
                t, c = time.perf_counter(), time.process_time()
                df = _call(fn, store, f, some_id)
                times.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
                rows = len(df)
            # CPU time (all DuckDB threads of this process) is robust to other jobs on the machine
            out[f"{name}[{fname}]"] = {"query": name, "filters": fname, "rows": rows, **summary(times),
                                       "cpu_median_ms": round(statistics.median(cpus) * 1000, 2),
                                       "cold_ms": round(cold * 1000, 2)}
        # progress: a 1M run takes many minutes on a shared machine
        print(f"  timed {name} ({len(out)} query/filter pairs so far), load {load_avg()}", file=sys.stderr, flush=True)
    return out


# What the first Overview render needs (dashboard/app.py, views/overview.py): the live version,
# the five sidebar facets, then the page's five queries.
_COLD = """
import time, sys, json
t0 = time.perf_counter()
from data.store import Store, read
from data.store.filters import Filters
t1 = time.perf_counter()
s = Store(sys.argv[1])
v = s.current_version()
for name in ("actors", "regions", "places", "categories", "sources"):
    getattr(read, "facet_" + name)(s, v)
t2 = time.perf_counter()
f = Filters(version=v)
read.overview(s, f); read.mentions_over_time(s, f); read.top_places(s, f, 15)
read.top_actors(s, f, 15); read.latest_articles(s, f, 10)
t3 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "facets": t2 - t1, "overview": t3 - t2, "total": t3 - t0}))
"""


def cold_start(db: Path, runs: int = 3) -> dict:
    """Fresh-process time to the first page's data (sidebar facets + the five Overview queries)."""
    walls, inner = [], []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", _COLD, str(db)], cwd=ROOT, capture_output=True, text=True,
                           check=True)
        walls.append(time.perf_counter() - t)
        inner.append(json.loads(r.stdout.strip().splitlines()[-1]))
    med = {k: round(statistics.median(x[k] for x in inner), 2) for k in inner[0]}
    return {"process_to_overview_data_s": round(statistics.median(walls), 2),
            "import_open_and_overview_queries_s": med["total"],
            "split_s": med, "runs": runs, "load_avg": load_avg()}


def prepare_store(n: int, db: Path, procs: int = 1, replicate_from: Path | None = None,
                  copies: int | None = None, shift_years: int = 5, rebuild: str = "auto") -> dict:
    """Build, replicate or reuse the ``n``-article store ``db``; what it took (``store_build``)."""
    if replicate_from is None:
        return build_store(n, db, procs=procs, rebuild=rebuild)
    base = article_count(replicate_from)
    copies = copies if copies is not None else max(1, n // max(1, base) - 1)
    if base * (copies + 1) != n:
        raise ValueError(f"{replicate_from} holds {base:,} articles: {copies} copies give "
                         f"{base * (copies + 1):,}, not {n:,}")
    if db.exists() and article_count(db) == n:
        from data.store import Store

        return {"reused": True, "replicated_from": str(replicate_from), **_prepare_reused(Store(db), db, rebuild)}
    return {"reused": False, "replicated": replicate(replicate_from, db, copies, shift_years)}


def run(n: int, db: Path | None = None, repeat: int = 5, procs: int = 1, cold_runs: int = 3,
        replicate_from: Path | None = None, copies: int | None = None, shift_years: int = 5,
        rebuild: str = "auto", only_sets: tuple[str, ...] | None = None) -> dict:
    """Build, replicate or reuse the store, time cold start and every query; the result dict."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n!r}")
    from data.store import Store

    db = db or OUT / "stores" / f"dash-{n}.duckdb"
    res: dict = {"machine": machine(), "articles": n, "db": str(db)}
    res["store_build"] = prepare_store(n, db, procs, replicate_from, copies, shift_years, rebuild)
    st = Store(db).stats()
    res["counts"] = st["counts"]
    res["published_span"] = st["published"]
    res["store_mb"] = mb(db.stat().st_size)
    res["load_avg_before_timing"] = load_avg()
    res["cold_start"] = cold_start(db, cold_runs)
    res["repeat"] = repeat
    res["queries"] = time_queries(db, repeat, only_sets)
    res["load_avg_after_timing"] = load_avg()
    worst = sorted(res["queries"].values(), key=lambda q: -q["p95_ms"])
    res["slowest"] = worst[:8]
    res["over_500ms_p95"] = [k for k, q in res["queries"].items() if q["p95_ms"] > 500]
    res["over_300ms_p95"] = [k for k, q in res["queries"].items() if q["p95_ms"] > 300]
    res["over_500ms_cold"] = [k for k, q in res["queries"].items() if q["cold_ms"] > 500]
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="100k", help="articles: 1k/10k/100k/1m or a number")
    ap.add_argument("--db", type=Path)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--procs", type=int, default=max(1, (os.cpu_count() or 2) - 1),
                    help="processes generating records while the main one writes")
    ap.add_argument("--replicate-from", type=Path,
                    help="build the --n store by replicating this store (synthetic; see replicate())")
    ap.add_argument("--copies", type=int, help="replicas to append (default: n / base articles - 1)")
    ap.add_argument("--shift-years", type=int, default=5, help="years each replica moves back, per copy")
    ap.add_argument("--rebuild-aggregates", choices=("auto", "always", "never"), default="auto",
                    help="on a reused store: always rebuild the store's aggregate tables (auto: Store.init() decides)")
    ap.add_argument("--filter-sets", help="comma-separated subset of the filter sets (default: all)")
    ap.add_argument("--out", type=Path, default=RESULTS, help="folder for dashboard-<n>.json")
    ap.add_argument("--build-only", action="store_true", help="build or replicate the store, time nothing")
    a = ap.parse_args(argv)
    n = SIZES.get(a.n.lower()) or int(a.n)
    if a.build_only:
        db = a.db or OUT / "stores" / f"dash-{n}.duckdb"
        print(json.dumps(prepare_store(n, db, a.procs, a.replicate_from, a.copies, a.shift_years,
                                       a.rebuild_aggregates), indent=1))
        return 0
    res = run(n, a.db, a.repeat, a.procs, a.cold_runs, a.replicate_from, a.copies, a.shift_years,
              a.rebuild_aggregates, tuple(a.filter_sets.split(",")) if a.filter_sets else None)
    path = save(f"dashboard-{a.n.lower()}", res, a.out)
    print(f"store: {n:,} articles, {res['store_mb']} MB, counts {json.dumps(res['counts'])}")
    print(f"cold start: {json.dumps(res['cold_start'])}")
    for q in res["slowest"]:
        print(f"  {q['query']:20s} [{q['filters']}] median {q['median_ms']} ms, p95 {q['p95_ms']} ms, rows {q['rows']}")
    print(json.dumps({"result": str(path), "over_500ms_p95": res["over_500ms_p95"],
                      "over_500ms_cold": res["over_500ms_cold"],
                      "load_avg": [res["load_avg_before_timing"], res["load_avg_after_timing"]]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
