"""Markdown tables of the benchmark results (pasted into docs/BENCHMARKS.md), and a copy of the
result files under ``bench/results/`` so the numbers behind the document are committed.

Usage::

    python -m bench.report [--results bench/out] [--keep bench/results]
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from bench._util import OUT, ROOT

KEEP = ROOT / "bench" / "results"


def _load(results: Path, pattern: str) -> list[dict]:
    return [json.loads(p.read_text()) | {"_file": p.name} for p in sorted(results.glob(pattern))]


def extract_md(d: dict) -> str:
    o, b = d["ours"], d.get("baseline_spacy_blank_sentencizer", {})
    m = d["memory"]
    return "\n".join([
        f"Corpus: {d['corpus']['articles']:,} synthetic articles, {d['corpus']['words']:,} words, "
        f"{d['corpus']['text_mb']} MB (run at {d['at']}, load average at start {d['machine']['load_avg_at_start']}).",
        "",
        "| pipeline | words / CPU-s | words / wall-s | CPU s |",
        "|---|---:|---:|---:|",
        f"| ours: `data.extract.extract` | {o['words_per_s']:,} | {o['words_per_wall_s']:,} | {o['cpu_seconds']} |",
        f"| spaCy 3 `blank('en')` + sentencizer | {b.get('words_per_s', 0):,} | "
        f"{round(d['corpus']['words'] / b['wall_seconds']) if b else 0:,} | {b.get('cpu_seconds')} |",
        "",
        f"Ratio ours / spaCy floor (CPU time): **{d.get('ratio_ours_over_spacy_floor')}x**. "
        f"RSS {m['rss_start_mb']} MB -> {m['rss_end_mb']} MB (growth {m['rss_growth_mb']} MB), peak {m['peak_rss_mb']} MB.",
        f"Mentions per 1,000 words: {json.dumps(o['mentions_per_1000_words'])}.",
    ])


def ingest_md(runs: list[dict], stages: dict | None) -> str:
    rows = ["| articles | engine | wall s | CPU s (tree) | articles/s (wall) | words/s (wall) | articles / CPU-s | peak RSS MB | store MB / 1k articles |",
            "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in sorted(runs, key=lambda r: (r["articles"], r["engine"])):
        rows.append(f"| {r['articles']:,} | {r['engine']} | {r['wall_s']} | {r['cpu_s']} | {r['articles_per_s']} | "
                    f"{r['words_per_s']:,} | {r['articles_per_cpu_s']} | {r['peak_rss_mb']} | {r['store_mb_per_1000_articles']} |")
    if stages:
        rows += ["", f"Stage split (CPU seconds over {stages['articles']} articles, in process):", "",
                 "| stage | CPU s | share |", "|---|---:|---:|"]
        for k, v in stages["cpu_s"].items():
            rows.append(f"| {k} | {v} | {stages['share'][k]:.0%} |")
        rows.append(f"\nAll stages: {stages['articles_per_cpu_s']} articles / CPU-s, {stages['words_per_cpu_s']:,} words / CPU-s.")
    return "\n".join(rows)


def dashboard_md(d: dict) -> str:
    rows = [f"Store: {d['articles']:,} articles, {d['store_mb']} MB; rows: "
            + ", ".join(f"{k} {v:,}" for k, v in d["counts"].items() if k in ("places", "figures", "actors", "dates", "quotes")),
            f"Cold start (fresh process -> Overview data): {d['cold_start']['process_to_overview_data_s']} s "
            f"(import + open + 5 queries: {d['cold_start']['import_open_and_overview_queries_s']} s).", "",
            "| query | filters | median ms | p95 ms | first call after idle ms | CPU ms (median) | rows |",
            "|---|---|---:|---:|---:|---:|---:|"]
    for q in sorted(d["queries"].values(), key=lambda q: -q["p95_ms"]):
        rows.append(f"| {q['query']} | {q['filters']} | {q['median_ms']} | {q['p95_ms']} | {q.get('cold_ms', '')} | "
                    f"{q.get('cpu_median_ms', '')} | {q['rows']} |")
    return "\n".join(rows)


def dashboard_summary_md(d: dict) -> str:
    """One row per read function: unfiltered median/p95 and the worst p95 over filter sets."""
    by: dict[str, list[dict]] = {}
    for q in d["queries"].values():
        by.setdefault(q["query"], []).append(q)
    rows = []
    for name, qs in by.items():
        base = next(q for q in qs if q["filters"] in ("none", "-"))
        worst = max(qs, key=lambda q: q["p95_ms"])
        rows.append((worst["p95_ms"], f"| {name} | {base['median_ms']:.0f} | {base['p95_ms']:.0f} | "
                     f"{worst['p95_ms']:.0f} ({worst['filters']}) | "
                     f"{max(q.get('cpu_median_ms', 0) for q in qs):.0f} | {max(q['rows'] for q in qs):,} |"))
    head = ["| query | median ms, no filter | p95 ms, no filter | worst p95 ms (filter set) | max CPU ms | max rows |",
            "|---|---:|---:|---:|---:|---:|"]
    return "\n".join(head + [r for _, r in sorted(rows, reverse=True)])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--results", type=Path, default=OUT)
    ap.add_argument("--keep", type=Path, default=KEEP)
    a = ap.parse_args(argv)
    a.keep.mkdir(parents=True, exist_ok=True)
    for p in a.results.glob("*.json"):
        if p.resolve() != (a.keep / p.name).resolve():  # reporting on the kept copies themselves
            shutil.copy(p, a.keep / p.name)
    for d in _load(a.results, "extract*.json"):
        print(f"## extract ({d['_file']})\n\n{extract_md(d)}\n")
    latest, stages = {}, None
    for d in sorted(_load(a.results, "ingest-*.json"), key=lambda d: d["at"]):
        for r in d["runs"]:
            latest[(r["engine"], r["articles"])] = r  # a later run of the same configuration wins
        stages = d.get("stages") or stages
    runs = list(latest.values())
    if runs:
        print(f"## ingest\n\n{ingest_md(runs, stages)}\n")
    for d in _load(a.results, "dashboard-*.json"):
        print(f"## dashboard ({d['_file']})\n\n{dashboard_summary_md(d)}\n\n{dashboard_md(d)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
