"""Smoke runs of every benchmark at 1k articles (the full runs are `make bench`, not `make test`).

Real generator, real extraction, a real `python -m data ingest` child process, real DuckDB and
a real PNG; everything is written under the test's temporary folder.
"""
from __future__ import annotations

import json

import pytest

from bench import bench_dashboard, bench_extract, bench_ingest, bench_render, plot
from bench._util import save
from bench.make_corpus import make_article, shard_paths, write_corpus

N = 1000
pytestmark = pytest.mark.slow  # ~35 CPU-s in all


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    return tmp_path_factory.mktemp("bench")


def test_corpus_is_deterministic_synthetic_and_streamed_in_shards(work):
    m = write_corpus(N, work / "corpus" / "1k", shard_size=250)
    shards = shard_paths(work / "corpus" / "1k")
    assert m["n"] == N and m["synthetic"] and len(shards) == 4
    lines = [json.loads(x) for p in shards for x in open(p, encoding="utf-8")]
    assert len(lines) == N
    assert all(r["synthetic"] is True and r["title"].startswith("[SYNTHETIC]") for r in lines)
    words = [len(r["text"].split()) for r in lines]
    assert 200 <= min(words) and max(words) <= 1600 and len(set(words)) > 300
    # article i depends on (seed, i) only: regenerating one gives the same line
    again = make_article(777)
    assert {k: again[k] for k in ("id", "text", "published")} == {k: lines[777][k] for k in ("id", "text", "published")}
    assert make_article(777, seed=8)["text"] != again["text"]
    # varied places, dates and sentence shapes
    assert len({r["text"].split(".")[0] for r in lines}) > 600
    assert len({r["published"] for r in lines}) > 300


def test_planted_mentions_have_exact_offsets():
    for i in range(0, 60, 7):
        a = make_article(i, truth=True)
        kinds = a["mentions"]
        assert kinds["places"] and kinds["figures"] and kinds["actors"] and kinds["dates"]
        for recs in kinds.values():
            for r in recs:
                assert a["text"][r["start"]:r["end"]] == r["surface"]


def test_extract_benchmark_reports_ratio_and_flat_memory(work):
    res = bench_extract.run(target_mb=100, max_articles=N, chunk=100)
    save("extract-smoke", res, work / "out")
    assert res["corpus"]["articles"] == N
    assert res["ours"]["words_per_s"] > 0 and res["ratio_ours_over_spacy_floor"] > 0
    assert res["baseline_spacy_blank_sentencizer"]["words_per_s"] > 0
    assert res["memory"]["rss_growth_mb"] < 50  # streaming: no corpus-sized growth


def test_ingest_benchmark_end_to_end(work):
    res = bench_ingest.run(["1k"], ["local"], stage_sample=50, out=work / "out", corpus_root=work / "corpus")
    (r,) = res["runs"]
    assert r["articles"] == N and r["failed"] == 0
    assert r["articles_per_s"] > 0 and r["peak_rss_mb"] > 0 and r["store_mb_per_1000_articles"] > 0
    assert set(res["stages"]["cpu_s"]) >= {"load", "places_geo", "figures", "store_write"}
    assert abs(sum(res["stages"]["share"].values()) - 1) < 0.01


@pytest.fixture(scope="module")
def dash_db(work):
    """The 1k dashboard store, built once through write_batch and shared by the tests below."""
    db = work / "dash.duckdb"
    bench_dashboard.build_store(N, db, batch=500)
    return db


def test_dashboard_benchmark_times_every_read_query(dash_db, work):
    from data.store import read

    res = bench_dashboard.run(N, dash_db, repeat=1, cold_runs=1)
    save("dashboard-smoke", res, work / "out")
    assert res["counts"]["articles"] == N and res["counts"]["figures"] > N
    timed = {q["query"] for q in res["queries"].values()}
    assert timed == {n for n in read.__all__ if n != "scope"}
    assert res["cold_start"]["process_to_overview_data_s"] > 0
    # the planted places carry the gazetteer's regions, so region filters select something
    assert res["queries"]["region_counts[none]"]["rows"] > 0
    assert {q["filters"] for q in res["queries"].values()} >= {
        "none", "actor", "two_actors", "year_published", "published_month", "category", "category_region", "all_event_dates"}
    assert res["queries"]["overview[published_month]"]["rows"] == 1
    assert res["cold_start"]["split_s"]["facets"] > 0


def test_dashboard_filter_sets_are_pinned_to_the_data_version(dash_db):
    from data.store import Store

    store = Store(dash_db)
    sets = bench_dashboard.filter_sets(store)
    assert {f.version for f in sets.values()} == {store.current_version()} != {None}
    assert len(sets["two_actors"].actors) == 2
    assert (sets["published_month"].date_from, sets["published_month"].date_to) == ("2022-03-01", "2022-03-31")


def test_replicated_store_has_new_ids_and_shifted_dates(dash_db, work):
    import duckdb

    out = work / "dash-3k.duckdb"
    rep = bench_dashboard.replicate(dash_db, out, copies=2, shift_years=5)
    assert rep["articles"] == 3 * N and rep["base_articles"] == N
    con = duckdb.connect(str(out), read_only=True)
    try:
        q = lambda sql: con.execute(sql).fetchall()  # noqa: E731
        assert q("SELECT count(DISTINCT id), min(length(id)), max(length(id)) FROM articles") == [(3 * N, 16, 16)]
        (lo, hi), = q("SELECT min(published), max(published) FROM articles")
        base = duckdb.connect(str(dash_db), read_only=True)
        (blo, bhi), = base.execute("SELECT min(published), max(published) FROM articles").fetchall()
        base.close()
        assert hi == bhi and lo.year == blo.year - 10
        for table in ("places", "figures", "actors", "dates", "quotes"):
            # every mention row belongs to an article, and each replica has as many as the base
            assert q(f"SELECT count(*) FROM {table} m ANTI JOIN articles a ON a.id = m.article_id") == [(0,)]
            assert q(f"SELECT count(*) % 3 FROM {table}") == [(0,)]
        # partial event dates ("2021", "2021-11") move by whole years too
        years = {int(y) for (y,) in q("SELECT DISTINCT substr(date, 1, 4) FROM dates WHERE date IS NOT NULL")}
        assert min(years) < blo.year - 5
        tables = {t for (t,) in q("SELECT table_name FROM information_schema.tables")}
        if "article_facets" in tables:  # derived rows rebuilt for the replicas
            assert q("SELECT count(*) FROM article_facets") == [(3 * N,)]
    finally:
        con.close()


def test_render_benchmark_times_every_page(dash_db):
    res = bench_render.run(dash_db, changes=2, warm_reruns=1)
    assert res["errors"] == [] and res["not_applied"] == []
    assert set(res["pages"]) == set(bench_render.PAGES)
    for page in res["pages"].values():
        assert page["first_render"]["wall_s"] > 0 and page["filter_change"]["runs"] == 2
        assert [c["kind"] for c in page["changes"]] != [] and all(c["wall_ms"] > 0 for c in page["changes"])
    # every selection is distinct, so every filter change misses the query cache
    sels = [c["filters"] for p in res["pages"].values() for c in p["changes"]]
    assert len(sels) == len(set(sels))


def test_plot_is_a_png(work):
    png = plot.write_png(work / "out", work / "scaling.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
