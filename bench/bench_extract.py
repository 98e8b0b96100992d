"""Extraction speed and memory: ``data.extract.extract`` against a spaCy floor, in one run.

Synthetic articles (bench/make_corpus.py) are generated in chunks, so the corpus never sits in
memory; each chunk is run through

* ours: ``data.extract.extract(text, published)`` (places + geo lookup, actors, dates, figures,
  quotes), and
* the baseline: spaCy 3 ``spacy.blank("en")`` + ``sentencizer`` over the same texts, i.e. the
  tokenizer and sentence splitter any spaCy-based pipeline pays before doing anything useful,

in this single process (one core). Words are whitespace tokens, counted the same way for both.
Rates are computed from the process's CPU time (``time.process_time``), which is what one core
delivers even when other jobs share the machine; wall-clock seconds are recorded beside them.
The resident memory is recorded after every chunk: it must stay flat as the corpus grows.

Usage::

    python -m bench.bench_extract [--mb 5] [--chunk 100] [--no-baseline]
"""
from __future__ import annotations

import argparse
import json
import resource
import sys
import time

import psutil

from bench._util import machine, mb, save
from bench.make_corpus import iter_articles


def run(target_mb: float = 5.0, chunk: int = 100, baseline: bool = True, seed: int = 11,
        max_articles: int | None = None) -> dict:
    """Run the benchmark over ``target_mb`` of text (or ``max_articles``); the result dict."""
    if target_mb <= 0:
        raise ValueError(f"target_mb must be > 0, got {target_mb!r}")
    if chunk < 1:
        raise ValueError(f"chunk must be >= 1, got {chunk!r}")
    proc = psutil.Process()
    t0 = time.perf_counter()
    from data.extract import extract

    extract("Armenia said on Tuesday that 3 soldiers were killed near Goris.", "2022-09-14")
    import_s = time.perf_counter() - t0
    nlp = None
    if baseline:
        import spacy

        nlp = spacy.blank("en")
        nlp.add_pipe("sentencizer")
        list(nlp.pipe(["Warm up. Two sentences."]))
    rss_start = proc.memory_info().rss
    words = nbytes = articles = 0
    t_ours = t_base = w_ours = w_base = 0.0
    counts = {"places": 0, "figures": 0, "actors": 0, "dates": 0, "quotes": 0}
    curve = []
    start = 0
    target = target_mb * 2**20
    while nbytes < target and (max_articles is None or articles < max_articles):
        k = chunk if max_articles is None else min(chunk, max_articles - articles)
        arts = list(iter_articles(k, seed, start))
        start += k
        texts = [a["text"] for a in arts]
        t, w = time.process_time(), time.perf_counter()
        for a in arts:
            r = extract(a["text"], a["published"])
            for k in counts:
                counts[k] += len(r[k])
        t_ours += time.process_time() - t
        w_ours += time.perf_counter() - w
        if nlp is not None:
            t, w = time.process_time(), time.perf_counter()
            for doc in nlp.pipe(texts, batch_size=50):
                sum(1 for _ in doc.sents)
            t_base += time.process_time() - t
            w_base += time.perf_counter() - w
        words += sum(a["words"] for a in arts)
        nbytes += sum(len(x.encode("utf-8")) for x in texts)
        articles += len(arts)
        del arts, texts
        curve.append({"mb_processed": mb(nbytes), "articles": articles, "rss_mb": mb(proc.memory_info().rss)})
    res = {
        "machine": machine(),
        "corpus": {"articles": articles, "words": words, "text_mb": mb(nbytes), "seed": seed, "synthetic": True},
        "import_and_first_call_s": round(import_s, 2),
        "ours": {"cpu_seconds": round(t_ours, 2), "wall_seconds": round(w_ours, 2),
                 "words_per_s": round(words / t_ours), "words_per_wall_s": round(words / w_ours),
                 "articles_per_s": round(articles / t_ours, 1),
                 "mentions_per_1000_words": {k: round(v * 1000 / words, 1) for k, v in counts.items()}},
        "memory": {"rss_start_mb": mb(rss_start), "rss_end_mb": curve[-1]["rss_mb"],
                   "rss_growth_mb": round(curve[-1]["rss_mb"] - curve[0]["rss_mb"], 1),
                   "peak_rss_mb": mb(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024),
                   "curve": curve[:: max(1, len(curve) // 20)] + curve[-1:]},
    }
    if nlp is not None:
        res["baseline_spacy_blank_sentencizer"] = {"cpu_seconds": round(t_base, 2),
                                                   "wall_seconds": round(w_base, 2),
                                                   "words_per_s": round(words / t_base)}
        res["ratio_ours_over_spacy_floor"] = round(t_base / t_ours, 3)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=5.0, help="text megabytes to process (default 5)")
    ap.add_argument("--chunk", type=int, default=100, help="articles generated and run at a time")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--name", default="extract", help="result file bench/out/<name>.json")
    a = ap.parse_args(argv)
    res = run(a.mb, a.chunk, not a.no_baseline)
    path = save(a.name, res)
    o = res["ours"]
    print(f"ours: {o['words_per_s']:,} words/CPU-s ({o['articles_per_s']} articles/CPU-s) over "
          f"{res['corpus']['text_mb']} MB, {res['corpus']['words']:,} words, one process")
    if "baseline_spacy_blank_sentencizer" in res:
        b = res["baseline_spacy_blank_sentencizer"]
        print(f"spaCy blank('en') + sentencizer: {b['words_per_s']:,} words/CPU-s; "
              f"ratio ours/spaCy-floor = {res['ratio_ours_over_spacy_floor']}x")
    m = res["memory"]
    print(f"RSS {m['rss_start_mb']} -> {m['rss_end_mb']} MB (growth {m['rss_growth_mb']} MB while the corpus grew)")
    print(json.dumps({"result": str(path)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
