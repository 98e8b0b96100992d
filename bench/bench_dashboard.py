"""Dashboard query speed on a large store: every function ``data.store.read`` exports.

The store is filled WITHOUT running extraction: ``bench.make_corpus.make_article(truth=True)``
returns the mentions the generator planted (offsets included; places resolved through
``geo.gazetteer.lookup`` for their regions and border distance), and they are written with the
store's own ``Store.write_batch`` (no SQL outside ``data.store``). Article text is stored in
full, as an ingest would.

Each query runs ``--repeat`` times per filter set (none; one actor; one year of publication
dates; a category plus a region; all four together) on a read-only connection opened per call,
as the dashboard does; wall time (median, p95) and the process's CPU time are recorded, the
latter because wall time on a shared machine mostly measures the other jobs. Cold start is a fresh Python process that imports the read module, opens
the store and runs the overview query (OS page cache warm: a "cold process", not a cold disk).

Usage::

    python -m bench.bench_dashboard --n 100k [--repeat 7] [--db bench/out/stores/dash-100k.duckdb]
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import statistics
import subprocess
import sys
import time
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path

from bench._util import OUT, ROOT, machine, mb, save, summary
from bench.make_corpus import SIZES, make_article

TRUTH_BATCH = 500


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


def build_store(n: int, db: Path, seed: int = 7, procs: int = 1) -> dict:
    """Fill ``db`` with ``n`` synthetic articles through ``Store.write_batch``; reuse if complete."""
    from data.store import Store

    store = Store(db)
    if db.exists():
        try:
            if store.stats()["counts"]["articles"] == n:
                return {"reused": True}
        except Exception:
            pass
        db.unlink()
    db.parent.mkdir(parents=True, exist_ok=True)
    store.init()
    v = store.begin_version("bench-truth")
    jobs = [(s, min(TRUTH_BATCH, n - s), seed) for s in range(0, n, TRUTH_BATCH)]
    t0 = time.perf_counter()
    done = 0
    # generation runs in helper processes while this one writes (DuckDB has one writer)
    with Pool(max(1, procs)) as pool:
        for recs in pool.imap(_truth_batch, jobs):
            store.write_batch(v, recs, [])
            done += len(recs)
            if done % 20_000 < TRUTH_BATCH:
                print(f"  store {done:,}/{n:,} articles, {time.perf_counter() - t0:.0f} s", flush=True)
    store.finish_version(v)
    return {"reused": False, "build_s": round(time.perf_counter() - t0, 1)}


def filter_sets(store) -> dict:
    """Realistic filter selections taken from the store's own facets."""
    from data.store import read
    from data.store.filters import Filters

    actors = read.facet_actors(store)
    regions = read.facet_regions(store)
    top_actor = str(actors.iloc[0][actors.columns[0]]) if len(actors) else "Armenia"
    region = str(regions.iloc[0][regions.columns[0]]) if len(regions) else "am-syunik"
    return {
        "none": Filters(),
        "actor": Filters(actors=(top_actor,)),
        "year_published": Filters(date_from="2022-01-01", date_to="2022-12-31"),
        "category_region": Filters(categories=("killed",), regions=(region,)),
        "all_event_dates": Filters(actors=(top_actor,), date_from="2022-01-01", date_to="2022-12-31",
                                   date_field="event", categories=("killed",), regions=(region,)),
    }


def _call(fn, store, f, article_id: str):
    params = list(inspect.signature(fn).parameters)
    if params[:2] == ["store", "f"]:
        return fn(store, f)
    if params[:2] == ["store", "article_id"]:
        return fn(store, article_id)
    if params == ["store"] or params[:1] == ["store"] and all(
            p.default is not inspect.Parameter.empty for p in inspect.signature(fn).parameters.values()
            if p.name != "store"):
        return fn(store)
    raise TypeError(f"do not know how to call read.{fn.__name__}{inspect.signature(fn)}")


def time_queries(db: Path, repeat: int = 7) -> dict:
    """Median/p95 wall time of every exported read function under every filter set."""
    from data.store import Store, read

    store = Store(db)
    fsets = filter_sets(store)
    some_id = str(read.latest_articles(store, fsets["none"]).iloc[0]["id"])
    out: dict = {}
    names = [n for n in read.__all__ if n != "scope" and callable(getattr(read, n, None))]
    for name in names:
        fn = getattr(read, name)
        takes_filters = list(inspect.signature(fn).parameters)[:2] == ["store", "f"]
        for fname, f in (fsets.items() if takes_filters else [("-", None)]):
            times, cpus, rows = [], [], None
            for _ in range(repeat):
                t, c = time.perf_counter(), time.process_time()
                df = _call(fn, store, f, some_id)
                times.append(time.perf_counter() - t)
                cpus.append(time.process_time() - c)
                rows = len(df)
            # CPU time (all DuckDB threads of this process) is robust to other jobs on the machine
            out[f"{name}[{fname}]"] = {"query": name, "filters": fname, "rows": rows, **summary(times),
                                       "cpu_median_ms": round(statistics.median(cpus) * 1000, 2)}
    return out


_COLD = """
import time, sys
t0 = time.perf_counter()
from data.store import Store, read
from data.store.filters import Filters
s = Store(sys.argv[1])
read.overview(s, Filters()); read.mentions_over_time(s, Filters()); read.top_places(s, Filters())
read.top_actors(s, Filters()); read.latest_articles(s, Filters())
print(time.perf_counter() - t0)
"""


def cold_start(db: Path, runs: int = 3) -> dict:
    """Fresh-process time to the first page's data (Overview: five queries)."""
    walls, inner = [], []
    for _ in range(runs):
        t = time.perf_counter()
        r = subprocess.run([sys.executable, "-c", _COLD, str(db)], cwd=ROOT, capture_output=True, text=True,
                           check=True)
        walls.append(time.perf_counter() - t)
        inner.append(float(r.stdout.strip().splitlines()[-1]))
    return {"process_to_overview_data_s": round(statistics.median(walls), 2),
            "import_open_and_overview_queries_s": round(statistics.median(inner), 2), "runs": runs}


def run(n: int, db: Path | None = None, repeat: int = 7, procs: int = 1, cold_runs: int = 3) -> dict:
    """Build (or reuse) the store, time cold start and every query; the result dict."""
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n!r}")
    from data.store import Store

    db = db or OUT / "stores" / f"dash-{n}.duckdb"
    res: dict = {"machine": machine(), "articles": n, "db": str(db),
                 "store_build": build_store(n, db, procs=procs)}
    st = Store(db).stats()
    res["counts"] = st["counts"]
    res["store_mb"] = mb(db.stat().st_size)
    res["cold_start"] = cold_start(db, cold_runs)
    res["queries"] = time_queries(db, repeat)
    worst = sorted(res["queries"].values(), key=lambda q: -q["p95_ms"])
    res["slowest"] = worst[:8]
    res["over_500ms_p95"] = [k for k, q in res["queries"].items() if q["p95_ms"] > 500]
    res["over_300ms_p95"] = [k for k, q in res["queries"].items() if q["p95_ms"] > 300]
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", default="100k", help="articles: 1k/10k/100k/1m or a number")
    ap.add_argument("--db", type=Path)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--procs", type=int, default=max(1, (os.cpu_count() or 2) - 1),
                    help="processes generating records while the main one writes")
    a = ap.parse_args(argv)
    n = SIZES.get(a.n.lower()) or int(a.n)
    res = run(n, a.db, a.repeat, a.procs)
    path = save(f"dashboard-{a.n.lower()}", res)
    print(f"store: {n:,} articles, {res['store_mb']} MB, counts {json.dumps(res['counts'])}")
    print(f"cold start: {json.dumps(res['cold_start'])}")
    for q in res["slowest"]:
        print(f"  {q['query']:20s} [{q['filters']}] median {q['median_ms']} ms, p95 {q['p95_ms']} ms, rows {q['rows']}")
    print(json.dumps({"result": str(path), "over_500ms_p95": res["over_500ms_p95"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
