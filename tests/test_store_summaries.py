"""Version summaries (actor_pairs, place_actors, figure_months): computed when a version
finishes, checked on the real sample corpus against the mention rows and against the
per-article queries they replace for unfiltered views.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data.pipeline import ingest
from data.store import Store, derived, read
from data.store.filters import Filters

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("summaries") / "s.duckdb")
    assert ingest([ROOT / "data" / "articles"], store).loaded >= 20
    return store


def _copy(store: Store, tmp_path: Path, name: str = "c.duckdb") -> Store:
    shutil.copy(store.path, tmp_path / name)
    return Store(tmp_path / name)


def _records(df: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values (lists for list columns, None for missing)."""
    return [{k: (v.tolist() if isinstance(v, np.ndarray) else None if v is None or v != v else v)
             for k, v in r.items()} for r in df.astype(object).to_dict("records")]


def test_pairs_count_the_articles_naming_both(sample_store):
    got = sample_store.read_df("SELECT actor, other, articles FROM actor_pairs ORDER BY ALL")
    want = sample_store.read_df("""
        WITH x AS (SELECT DISTINCT article_id, name FROM actors WHERE name IS NOT NULL)
        SELECT x.name AS actor, y.name AS other, count(*) AS articles
        FROM x JOIN x AS y USING (article_id) GROUP BY ALL ORDER BY ALL""")
    assert len(want) > 100
    assert _records(got) == _records(want)
    got = sample_store.read_df("SELECT place, actor, articles FROM place_actors ORDER BY ALL")
    want = sample_store.read_df("""
        WITH x AS (SELECT DISTINCT article_id, name FROM actors WHERE name IS NOT NULL),
        p AS (SELECT DISTINCT article_id, name FROM places WHERE name IS NOT NULL AND lat IS NOT NULL)
        SELECT p.name AS place, x.name AS actor, count(*) AS articles
        FROM p JOIN x USING (article_id) GROUP BY ALL ORDER BY ALL""")
    assert len(want) > 50
    assert _records(got) == _records(want)
    claims = sample_store.read_df("SELECT sum(claims) AS n FROM figure_months")["n"][0]
    assert claims == sample_store.read_df("SELECT count(*) AS n FROM figures")["n"][0] > 10


def test_category_names_count_the_names_of_each_categorys_articles(sample_store):
    got = sample_store.read_df("SELECT category, kind, name, mentions, articles FROM category_names ORDER BY ALL")
    want = sample_store.read_df("""
        WITH c AS (SELECT DISTINCT article_id, category FROM figures WHERE category IS NOT NULL),
        n AS (SELECT 'place' AS kind, article_id, name, count(*) AS k FROM places WHERE name IS NOT NULL GROUP BY ALL
              UNION ALL
              SELECT 'actor', article_id, name, count(*) FROM actors WHERE name IS NOT NULL GROUP BY ALL)
        SELECT c.category, n.kind, n.name, sum(n.k) AS mentions, count(*) AS articles
        FROM c JOIN n USING (article_id) GROUP BY ALL ORDER BY ALL""")
    assert len(want) > 100 and set(want["category"]) >= {"killed", "wounded"}
    assert _records(got) == _records(want)


def _fast_and_slow(store: Store, f: Filters) -> list[tuple[str, pd.DataFrame, pd.DataFrame]]:
    return [
        ("place_top_actor", read.place_top_actor(store, f), read._run(store, *read._place_top_actor(f))),
        ("cooccurrence", read.cooccurrence(store, f), read._run(store, *read._cooccurrence(f, 15))),
        ("figures_by_month", read.figures_by_month(store, f), read._run(store, *read._figures_by_month(f))),
        ("people", read.people(store, f), read._run(store, *read._people_rolled(f, 200, "actor_days"))),
        ("place_points", read.place_points(store, f), read._run(store, *read._place_points(f, False), then=read._with_evidence)),
        ("region_counts", read.region_counts(store, f), read._run(store, *read._region_counts(f, False))),
    ]


def test_unfiltered_views_from_summaries_equal_the_per_article_queries(sample_store):
    v = sample_store.current_version()
    for f in (Filters(version=v), Filters(version=None)):
        for name, fast, slow in _fast_and_slow(sample_store, f):
            assert len(slow) > 3, name
            assert _records(fast) == _records(slow), name
            assert list(fast.dtypes) == list(slow.dtypes), name
    # Under a publication-date filter, figure months still come from the summary (it has the
    # publication day) and pairs from the per-article query.
    f = Filters(date_from="2020-10-01", date_to="2020-11-30", version=v)
    fast = read.figures_by_month(sample_store, f)
    assert len(fast) > 0
    assert _records(fast) == _records(read._run(sample_store, *read._figures_by_month(f)))


def test_disputed_cut_from_the_summary_finds_the_same_events(sample_store, monkeypatch):
    v = sample_store.current_version()
    full = read.disputed(sample_store, Filters(version=v), events=5)
    assert len(full) > 0
    # A tiny window forces the cut (from figure_months) and, when it leaves too few events,
    # the fallback; either way the result is the same.
    for window in (1, 3, 10):
        monkeypatch.setattr(read, "_DISPUTED_WINDOW", window)
        assert _records(read.disputed(sample_store, Filters(version=v), events=5)) == _records(full)


def test_ledger_sorts_only_the_newest_months_and_gets_the_same_rows(sample_store, tmp_path):
    v = sample_store.current_version()
    total = int(sample_store.read_df("SELECT count(*) AS n FROM figures")["n"][0])
    for f in (Filters(version=v), Filters(date_from="2020-10-01", date_to="2020-12-31", version=v)):
        for limit in (1, 7, 40, total + 5):
            got = read.figures_ledger(sample_store, f, limit=limit)
            want = read._run(sample_store, *read._figures_ledger(f, limit, None))
            assert len(want) > 0
            assert _records(got) == _records(want), (f.describe(), limit)
    # Months counted in figure_months but missing from figures (a summary out of step) make
    # the cut too late; the ledger then falls back to sorting every claim.
    store = _copy(sample_store, tmp_path)
    with store.connect(read_only=False) as con:
        con.execute("UPDATE figure_months SET claims = claims * 100")
    f = Filters(version=v)
    assert _records(read.figures_ledger(store, f, limit=40)) == _records(
        read._run(store, *read._figures_ledger(f, 40, None)))


def test_views_fall_back_until_a_version_is_summarised(sample_store, tmp_path):
    store = _copy(sample_store, tmp_path)
    v = store.current_version()
    want = {n: _records(fast) for n, fast, _ in _fast_and_slow(store, Filters(version=v))}
    with store.connect(read_only=False) as con:
        con.execute("DELETE FROM summarized")
        con.execute("DELETE FROM actor_pairs")  # a summary that is not there must not be read
    assert {n: _records(fast) for n, fast, _ in _fast_and_slow(store, Filters(version=v))} == want
    store.init()  # an older store gets its summaries
    assert store.read_df("SELECT count(*) AS n FROM actor_pairs")["n"][0] > 100
    assert store.read_df("SELECT list(version) AS v FROM summarized")["v"][0].tolist() == [v]
    assert {n: _records(fast) for n, fast, _ in _fast_and_slow(store, Filters(version=v))} == want


def test_summaries_in_slices_equal_one_pass(sample_store, tmp_path, monkeypatch):
    store = _copy(sample_store, tmp_path)
    monkeypatch.setattr(derived, "SLICE_SUMMARY_ARTICLES", 4)
    store.rebuild_aggregates(["actor_pairs"])
    for table in derived.SUMMARY_SQL:
        sql = f"SELECT * FROM {table} ORDER BY ALL"
        assert _records(store.read_df(sql)) == _records(sample_store.read_df(sql)), table


def _record(n: int) -> dict:
    from data.article import article_id

    text = f"Report {n}: Armenia and Azerbaijan traded fire near Jermuk."
    span = {name: (text.index(name), text.index(name) + len(name)) for name in ("Armenia", "Azerbaijan", "Jermuk")}
    actor = lambda name: {"start": span[name][0], "end": span[name][1], "surface": name, "name": name,  # noqa: E731
                          "type": "state", "country": None, "role": None}
    return {"id": article_id(text),
            "article": {"title": f"T{n}", "published": "2022-09-14", "publisher": "Wire", "text": text},
            "places": [{"start": span["Jermuk"][0], "end": span["Jermuk"][1], "surface": "Jermuk", "name": "Jermuk",
                        "country": "AM", "kind": "city", "lat": 39.84, "lon": 45.67,
                        "regions": ["am-vayots-dzor"], "border_km": 8.0}],
            "actors": [actor("Armenia"), actor("Azerbaijan")], "figures": [], "dates": [], "quotes": []}


def test_finished_and_crashed_versions_are_summarised_but_not_a_running_one(tmp_path):
    store = Store(tmp_path / "v.duckdb").init()
    crashed = store.begin_version()
    store.write_batch(crashed, [_record(1)])  # never finished: the run crashed
    done = store.begin_version()
    store.write_batch(done, [_record(2)])
    store.finish_version(done)  # the crashed run's rows become visible to readers of `done`: summarised too
    assert store.read_df("SELECT list(version ORDER BY version) AS v FROM summarized")["v"][0].tolist() == [crashed, done]
    with store.connect(read_only=False) as con:  # a store whose crashed version was never summarised
        con.execute(f"DELETE FROM summarized WHERE version = {crashed}")
    running = store.begin_version()  # init() on the way: the crashed run is older than a finished one
    store.write_batch(running, [_record(3)])
    store.init()
    assert store.read_df("SELECT list(version ORDER BY version) AS v FROM summarized")["v"][0].tolist() == [crashed, done]
    pairs = read.cooccurrence(store, Filters(version=done))
    assert pairs.to_dict("records") == [{"actor": "Armenia", "other": "Azerbaijan", "articles": 2},
                                        {"actor": "Azerbaijan", "other": "Armenia", "articles": 2}]
    top = read.place_top_actor(store, Filters(version=done))
    assert top[["name", "articles"]].to_dict("records") == [{"name": "Jermuk", "articles": 2}]
    assert top["actor"][0] in ("Armenia", "Azerbaijan")


def test_article_mentions_are_every_mention_row_of_the_article_dated_or_not(sample_store, tmp_path):
    store = _copy(sample_store, tmp_path)
    ids = store.read_df("SELECT id FROM articles ORDER BY id LIMIT 3")["id"].tolist()
    with store.connect(read_only=False) as con:  # an undated article: its mentions are undated too
        con.execute("UPDATE articles SET published = NULL WHERE id = $id", {"id": ids[0]})
        for table in ("places", "figures", "actors", "dates"):
            con.execute(f"UPDATE {table} SET published = NULL WHERE article_id = $id", {"id": ids[0]})
    for aid in ids:
        want = sum(int(store.read_df(f"SELECT count(*) AS n FROM {t} WHERE article_id = $id", {"id": aid})["n"][0])
                   for t in ("places", "figures", "actors", "dates"))
        got = read.article_mentions(store, aid)
        assert want > 0 and len(got) == want, aid
    assert read.article_mentions(store, "no-such-article").empty
