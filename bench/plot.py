"""Plot time and memory against corpus size from the benchmark result files (Altair -> PNG).

Reads ``ingest-*.json`` and ``extract*.json`` from a results folder and writes one PNG with
three panels: ingest seconds (wall and CPU) and peak RSS against articles, per engine, and the
extraction process's RSS as the processed text grows.

Usage::

    python -m bench.plot [--results bench/out] [--png bench/results/scaling.png]
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import altair as alt
import pandas as pd

from bench._util import OUT, ROOT

DEFAULT_PNG = ROOT / "bench" / "results" / "scaling.png"


def frames(results: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ingest runs, extraction memory curve) read from the JSON result files."""
    runs = {}
    docs = [json.loads(p.read_text()) for p in results.glob("ingest-*.json")]
    for d in sorted(docs, key=lambda d: d.get("at", "")):
        for r in d.get("runs", []):
            runs[(r["engine"], r["articles"])] = r  # a later file replaces an earlier run
    ing = pd.DataFrame(runs.values(), columns=["engine", "articles", "wall_s", "cpu_s", "peak_rss_mb"])
    curve = []
    for p in sorted(results.glob("extract*.json")):
        d = json.loads(p.read_text())
        for c in d.get("memory", {}).get("curve", []):
            curve.append({"run": p.stem, **c})
    return ing, pd.DataFrame(curve, columns=["run", "mb_processed", "articles", "rss_mb"])


def chart(ing: pd.DataFrame, curve: pd.DataFrame) -> alt.HConcatChart:
    """The three-panel chart (pure: data in, chart out)."""
    t = ing.melt(id_vars=["engine", "articles"], value_vars=["wall_s", "cpu_s"], var_name="clock",
                 value_name="seconds")
    x = alt.X("articles:Q", scale=alt.Scale(type="log"), title="articles (log)")
    time_c = alt.Chart(t, title="Ingest time vs corpus size").mark_line(point=True).encode(
        x=x, y=alt.Y("seconds:Q", scale=alt.Scale(type="log"), title="seconds (log)"),
        color="engine:N", strokeDash=alt.StrokeDash("clock:N", title="clock"),
        tooltip=["engine", "articles", "clock", "seconds"])
    mem_c = alt.Chart(ing, title="Ingest peak RSS (process tree)").mark_line(point=True).encode(
        x=x, y=alt.Y("peak_rss_mb:Q", title="peak RSS, MB"), color="engine:N",
        tooltip=["engine", "articles", "peak_rss_mb"])
    ext_c = alt.Chart(curve, title="Extraction RSS as the corpus grows").mark_line().encode(
        x=alt.X("mb_processed:Q", title="text processed, MB"),
        y=alt.Y("rss_mb:Q", title="RSS, MB", scale=alt.Scale(zero=True)), color="run:N")
    return alt.hconcat(time_c.properties(width=260, height=220), mem_c.properties(width=260, height=220),
                       ext_c.properties(width=260, height=220)).resolve_scale(color="independent")


def write_png(results: Path = OUT, png: Path = DEFAULT_PNG) -> Path:
    """Render the chart of the results in ``results`` to ``png``."""
    ing, curve = frames(results)
    if ing.empty and curve.empty:
        raise ValueError(f"results must hold ingest-*.json or extract*.json files; none in {results}")
    png.parent.mkdir(parents=True, exist_ok=True)
    chart(ing, curve).save(str(png), scale_factor=1.5)
    return png


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--results", type=Path, default=OUT)
    ap.add_argument("--png", type=Path, default=DEFAULT_PNG)
    a = ap.parse_args(argv)
    print(write_png(a.results, a.png))
    return 0


if __name__ == "__main__":
    sys.exit(main())
