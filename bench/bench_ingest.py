"""End-to-end ingest: load -> extract (incl. geo lookup) -> store, per engine and corpus size.

Each configuration runs the real command line in a fresh process on a fresh store::

    python -m data ingest bench/corpus/<size> --db <tmp>.duckdb --engine local|dask [--workers N]

and this process samples the resident memory of that process tree (driver + Dask scheduler,
nanny and worker processes) every 0.1 s. It reports wall-clock articles/s and words/s, the CPU
seconds the tree used (``getrusage(RUSAGE_CHILDREN)``, or samples of every process in the
tree where that sees more: :class:`TreeCpu`), peak RSS, store size per 1,000 articles,
and for Dask the scaling from 1 to 2 workers. A separate in-process pass over a sample of the
corpus splits the CPU time into stages (load, sentence split, places with gazetteer lookup,
actors, dates, figures, quotes, store write).

Usage::

    python -m bench.bench_ingest --sizes 10k --engines local,local2,dask1,dask2 [--stage-sample 500] [--batch-size 4096]

``local2`` is ``--engine local --workers 2`` (a process pool on this machine).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import psutil

from bench._util import CORPUS, OUT, ROOT, RssSampler, TreeSampler, machine, mb, save
from bench.make_corpus import SIZES, shard_paths, write_corpus
from data.engines import BATCH_SIZE

ENGINES = {"local": ("local", None), "local2": ("local", 2), "dask1": ("dask", 1), "dask2": ("dask", 2), "dask3": ("dask", 3)}


def corpus(size: str, shard_size: int = 1000, root: Path | None = None) -> tuple[Path, dict]:
    """The synthetic corpus of ``size`` (``1k``, ``10k``...) under ``root``, generated on first use."""
    n = SIZES.get(size.lower()) or int(size)
    out = (root or CORPUS) / size.lower()
    m = write_corpus(n, out, shard_size=shard_size, workers=min(2, os.cpu_count() or 1))
    return out, m


class TreeCpu(TreeSampler):
    """CPU seconds of a process tree, from samples of every process in it every 0.1 s.

    ``getrusage(RUSAGE_CHILDREN)`` only counts descendants that were waited for all the way up;
    a process-pool worker forked by multiprocessing's fork server is reaped by the server, which
    itself is never waited for by the ingest process, so its CPU would be missed. Sampling
    misses at most the last 0.1 s of a process that exits between samples.
    """

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(pid, interval)
        self.seen: dict[tuple[int, float], float] = {}

    def _sample(self) -> None:
        try:
            procs = [self.proc] + self.proc.children(recursive=True)
        except psutil.Error:
            return
        for p in procs:
            try:
                with p.oneshot():
                    t = p.cpu_times()
                    self.seen[(p.pid, p.create_time())] = t.user + t.system
            except psutil.Error:
                pass

    @property
    def total(self) -> float:
        return sum(self.seen.values())

    @property
    def root(self) -> float:
        """CPU seconds of the sampled process itself (the ingest driver)."""
        return sum(v for (pid, _), v in self.seen.items() if pid == self.proc.pid)


def run_ingest(corpus_dir: Path, manifest: dict, engine: str, db: Path, batch_size: int = BATCH_SIZE) -> dict:
    """One ``python -m data ingest`` run in a child process; timings, memory and store size.

    ``batch_size`` is the ingest's ``--batch-size``: results per store transaction, at least.
    """
    kind, workers = ENGINES[engine]
    for p in (db, Path(str(db) + ".wal")):
        if p.exists():
            p.unlink()
    cmd = [sys.executable, "-m", "data", "ingest", str(corpus_dir), "--db", str(db), "--engine", kind,
           "--json", "--quiet", "--batch-size", str(batch_size)]
    if workers:
        cmd += ["--workers", str(workers)]
    load_start = [round(x, 2) for x in os.getloadavg()]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with RssSampler(proc.pid) as rss, TreeCpu(proc.pid) as tree_cpu:
        out, err = proc.communicate()
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise RuntimeError(f"ingest failed ({proc.returncode}): {err[-2000:]}")
    summary = json.loads(out.strip().splitlines()[-1])
    waited = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    cpu = max(waited, tree_cpu.total)  # whichever saw more: see TreeCpu
    size = db.stat().st_size + (Path(str(db) + ".wal").stat().st_size if Path(str(db) + ".wal").exists() else 0)
    n = summary["loaded"]
    return {
        "engine": engine, "workers": workers, "batch_size": batch_size, "articles": n,
        "duplicates": summary["duplicates"],
        "failed": len(summary["failed"]), "wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
        "cpu_s_rusage": round(waited, 2), "cpu_s_sampled": round(tree_cpu.total, 2),
        "load_avg_start": load_start, "load_avg_end": [round(x, 2) for x in os.getloadavg()],
        "articles_per_s": round(n / wall, 1), "words_per_s": round(manifest["words"] / wall),
        "articles_per_cpu_s": round(n / cpu, 1) if cpu else None,
        # the driver (which writes the store) against every other process (extraction, Dask)
        "driver_cpu_ms_per_article": round(1000 * tree_cpu.root / max(n, 1), 2),
        "other_cpu_ms_per_article": round(1000 * (tree_cpu.total - tree_cpu.root) / max(n, 1), 2),
        "peak_rss_mb": mb(rss.peak), "store_mb": mb(size),
        "store_mb_per_1000_articles": round(mb(size) / max(n, 1) * 1000, 2),
    }


def stage_split(corpus_dir: Path, sample: int = 500) -> dict:
    """CPU seconds per stage over the first ``sample`` articles, in this process.

    Calls the extraction steps in the order ``data/extract/__init__.py`` does, so each step can
    be timed on its own; ``places`` includes the gazetteer (geo) lookups.
    """
    import tempfile

    from data.extract import actors, dates, figures, places, quotes, sentences
    from data.loaders import LoadError, load_path
    from data.store import Store

    clock = time.process_time
    t = {k: 0.0 for k in ("load", "sentences", "places_geo", "actors", "dates", "figures", "quotes", "store_write")}
    records, words = [], 0
    shard = shard_paths(corpus_dir)[0]
    it = iter(load_path(shard))
    # warm up lexicons and caches outside the timings
    from data.extract import extract

    extract("Armenia said 3 soldiers were killed near Goris on Tuesday.", "2022-09-14")
    while len(records) < sample:
        c = clock()
        art = next(it, None)
        t["load"] += clock() - c
        if art is None:
            break
        if isinstance(art, LoadError):
            continue
        text, pub = art.text, art.published
        words += len(text.split())
        c = clock(); sents = sentences.split_sentences(text); t["sentences"] += clock() - c
        c = clock(); pl = places.find_places(text, sents); t["places_geo"] += clock() - c
        c = clock(); ac = actors.find_actors(text, sents, pl); t["actors"] += clock() - c
        c = clock(); da = dates.find_dates(text, sents, pub); t["dates"] += clock() - c
        c = clock(); fi = figures.find_figures(text, sents, ac, pl, da, pub); t["figures"] += clock() - c
        c = clock(); qu = quotes.find_quotes(text, sents, ac); t["quotes"] += clock() - c
        rec = {"id": art.id, "article": art.to_json(), "places": pl, "figures": fi, "actors": ac,
               "dates": da, "quotes": qu}
        rec["article"].update(source=art.source, kind=art.kind, removed=list(art.removed), meta=dict(art.meta))
        records.append(rec)
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp) / "stage.duckdb").init()
        v = store.begin_version("local")
        c = clock()
        for i in range(0, len(records), 256):
            store.write_batch(v, records[i:i + 256], [])
        t["store_write"] += clock() - c
        store.finish_version(v)
    total = sum(t.values())
    return {"articles": len(records), "words": words, "cpu_s": {k: round(v, 3) for k, v in t.items()},
            "share": {k: round(v / total, 3) for k, v in t.items()},
            "articles_per_cpu_s": round(len(records) / total, 1), "words_per_cpu_s": round(words / total)}


def run(sizes: list[str], engines: list[str], stage_sample: int = 500, out: Path | None = None,
        corpus_root: Path | None = None, batch_size: int = BATCH_SIZE) -> dict:
    """Stage split on the first size, then every engine on every size; the result dict."""
    for e in engines:
        if e not in ENGINES:
            raise ValueError(f"engines must be among {sorted(ENGINES)}, got {e!r}")
    stores = (out or OUT) / "stores"
    stores.mkdir(parents=True, exist_ok=True)
    res: dict = {"machine": machine(), "runs": [], "stages": None}
    for size in sizes:
        cdir, m = corpus(size, root=corpus_root)
        if stage_sample and res["stages"] is None:
            res["stages"] = stage_split(cdir, stage_sample)
            print(f"stages over {res['stages']['articles']} articles: {json.dumps(res['stages']['share'])}", flush=True)
        for e in engines:
            r = run_ingest(cdir, m, e, stores / f"ingest-{size}-{e}.duckdb", batch_size)
            r.update(size=size, words=m["words"], text_mb=mb(m["text_bytes"]))
            res["runs"].append(r)
            print(json.dumps(r), flush=True)
            save(f"ingest-{'-'.join(sizes)}", res, out)  # partial results survive an interrupted run
        by = {r["engine"]: r for r in res["runs"] if r["size"] == size}
        if "dask1" in by and "dask2" in by:
            res.setdefault("scaling", {})[size] = {
                "dask2_over_dask1_wall": round(by["dask1"]["wall_s"] / by["dask2"]["wall_s"], 2)}
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k", help="comma-separated: 1k,10k,100k,1m or numbers")
    ap.add_argument("--engines", default="local,dask1,dask2")
    ap.add_argument("--stage-sample", type=int, default=500)
    ap.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="results per store transaction, at least")
    ap.add_argument("--out", type=Path, default=None, help="results folder (default bench/out)")
    a = ap.parse_args(argv)
    sizes = [s.strip() for s in a.sizes.split(",") if s.strip()]
    res = run(sizes, [e.strip() for e in a.engines.split(",") if e.strip()], a.stage_sample, out=a.out,
              batch_size=a.batch_size)
    path = save(f"ingest-{'-'.join(sizes)}", res, a.out)
    print(json.dumps({"result": str(path), "scaling": res.get("scaling")}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
