"""article_facets: the per-article summary the dashboard filters on.

Built from the real sample corpus with real extraction, then checked against the mention rows
it summarises: the write path and the rebuild agree, filters select exactly the articles the
mention tables say, and an old store is brought up to date by ``init``.
"""
from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import duckdb
import pandas as pd

import pytest

from data.pipeline import ingest
from data.store import Store, derived, read
from data.store.filters import Filters

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("facets") / "s.duckdb")
    summary = ingest([ROOT / "data" / "articles"], store)
    assert summary.loaded >= 20
    return store


def _facets(store: Store) -> dict:
    df = store.read_df("SELECT * FROM article_facets")
    return {r["id"]: {k: (sorted(list(v)) if hasattr(v, "__len__") and not isinstance(v, str) else v)
                      for k, v in r.items()} for r in df.to_dict("records")}


def test_write_path_and_rebuild_give_the_same_rows(sample_store):
    written = _facets(sample_store)
    assert len(written) == int(sample_store.read_df("SELECT count(*) AS n FROM articles")["n"][0])
    sample_store.rebuild_aggregates()
    assert _facets(sample_store) == written


def test_facets_summarise_the_mention_rows(sample_store):
    rows = _facets(sample_store)
    counts = sample_store.read_df("""
        SELECT a.id, (SELECT count(*) FROM actors m WHERE m.article_id = a.id) AS n_actors,
               (SELECT count(*) FROM places m WHERE m.article_id = a.id) AS n_places,
               (SELECT list(DISTINCT m.name) FROM actors m WHERE m.article_id = a.id) AS actors
        FROM articles a""")
    assert counts["n_actors"].sum() > 100
    for r in counts.to_dict("records"):
        assert rows[r["id"]]["n_actors"] == r["n_actors"]
        assert rows[r["id"]]["n_places"] == r["n_places"]
        assert rows[r["id"]]["actors"] == sorted(x for x in (list(r["actors"]) if r["actors"] is not None else []) if x is not None)


def test_facets_count_the_mentions_of_each_name_in_its_order(sample_store, tmp_path):
    want = {(r["article_id"], r["t"], r["name"]): r["n"] for r in sample_store.read_df("""
        SELECT article_id, 'actor' AS t, name, count(*) AS n FROM actors WHERE name IS NOT NULL GROUP BY ALL
        UNION ALL
        SELECT article_id, 'place', name, count(*) FROM places WHERE name IS NOT NULL GROUP BY ALL""").to_dict("records")}
    assert max(want.values()) > 1

    def got(store: Store) -> dict:
        out = {}
        for r in store.read_df("SELECT id, actors, actor_counts, places, place_counts FROM article_facets").to_dict("records"):
            for t, names, counts in (("actor", r["actors"], r["actor_counts"]), ("place", r["places"], r["place_counts"])):
                assert len(names) == len(counts)
                out.update({(r["id"], t, str(n)): int(c) for n, c in zip(names, counts)})
        return out

    assert got(sample_store) == want
    store = Store(tmp_path / "c.duckdb")  # and as rebuilt from the tables
    shutil.copy(sample_store.path, store.path)
    store.rebuild_aggregates(["article_facets"])
    assert got(store) == want


def _ids_by_sql(store: Store, sql: str) -> set[str]:
    return set(store.read_df(sql)["id"])


def test_filters_select_the_articles_the_mention_tables_name(sample_store):
    v = sample_store.current_version()
    top_actor = read.facet_actors(sample_store, v)["name"][0]
    region = read.facet_regions(sample_store, v)["region"][0]
    checks = [
        (Filters(actors=(top_actor,), version=v),
         f"SELECT DISTINCT article_id AS id FROM actors WHERE name = '{top_actor}'"),
        (Filters(regions=(region,), version=v),
         f"SELECT DISTINCT article_id AS id FROM places WHERE list_contains(regions, '{region}')"),
        (Filters(categories=("killed",), version=v),
         "SELECT DISTINCT article_id AS id FROM figures WHERE category = 'killed'"),
        (Filters(sources=("AFP",), version=v),
         "SELECT id FROM articles WHERE publisher = 'AFP' OR list_contains(credits, 'AFP')"),
    ]
    for f, sql in checks:
        got = set(read.article_list(sample_store, f, limit=10_000)["id"])
        want = _ids_by_sql(sample_store, sql)
        assert want, f"the sample corpus should have articles for {f.describe()}"
        assert got == want, f.describe()


def test_event_date_filter_falls_back_to_publication_date(sample_store):
    v = sample_store.current_version()
    f = Filters(date_from="2020-09-27", date_to="2020-10-10", date_field="event", version=v)
    got = set(read.article_list(sample_store, f, limit=10_000)["id"])
    with_event = _ids_by_sql(sample_store, """
        SELECT DISTINCT article_id AS id FROM dates WHERE kind = 'event' AND date IS NOT NULL
          AND (CASE length(date) WHEN 4 THEN date || '-12-31' WHEN 7 THEN date || '-31' ELSE date END) >= '2020-09-27'
          AND (CASE length(date) WHEN 4 THEN date || '-01-01' WHEN 7 THEN date || '-01' ELSE date END) <= '2020-10-10'""")
    undated = _ids_by_sql(sample_store, """
        SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM dates WHERE kind = 'event' AND date IS NOT NULL)
          AND published BETWEEN DATE '2020-09-27' AND DATE '2020-10-10'""")
    assert with_event
    assert got == with_event | undated


def test_event_span_of_the_write_path_and_the_rebuild_agree_on_partial_and_odd_dates(sample_store, tmp_path):
    from data.store.rows import event_span

    copy = tmp_path / "span.duckdb"
    shutil.copy(sample_store.path, copy)
    store = Store(copy)
    ids = list(store.read_df("SELECT DISTINCT article_id FROM dates WHERE kind = 'event' ORDER BY 1")["article_id"])
    odd = ["2024", "2024-02", "2023-11-30", "2020-13", "2021-02-30", "20201105"]
    with store.connect(read_only=False) as con:
        for aid, d in zip(ids, odd):
            con.execute("UPDATE dates SET date = ? WHERE article_id = ? AND kind = 'event' AND idx = "
                        "(SELECT min(idx) FROM dates WHERE article_id = ? AND kind = 'event')", [d, aid, aid])
    store.rebuild_aggregates(["article_facets"])
    rows = store.read_df("SELECT id, published, event_dates, event_lo, event_hi FROM article_facets").to_dict("records")
    spans = {r["id"]: (r["event_lo"], r["event_hi"]) for r in rows}
    for r in rows:
        want = event_span(list(r["event_dates"]), r["published"])
        assert tuple(pd.Timestamp(x).date() if x is not None else None for x in spans[r["id"]]) == want, r
    assert [str(d) for d in event_span(["2024-02", "2023-11-30"], None)] == ["2023-11-30", "2024-02-29"]
    assert event_span(["2020-13"], None) == (datetime.date.min, datetime.date.max)
    assert event_span([], datetime.date(2020, 1, 2)) == (datetime.date(2020, 1, 2),) * 2


@pytest.mark.parametrize("lo,hi", [("2020-09-27", "2020-10-10"), ("2020-10-31", "2020-11-01"),
                                   ("2020-01-01", "2020-12-31"), ("2020-11-10", "2020-11-10")])
def test_event_date_filter_keeps_every_article_with_a_date_in_range(sample_store, lo, hi):
    v = sample_store.current_version()
    got = set(read.article_list(sample_store, Filters(date_from=lo, date_to=hi, date_field="event", version=v),
                                limit=10_000)["id"])
    # The test each date of the list, without the span pre-test.
    want = _ids_by_sql(sample_store, f"""
        SELECT id FROM article_facets WHERE CASE WHEN len(event_dates) = 0 THEN published BETWEEN DATE '{lo}' AND DATE '{hi}'
          ELSE len(list_filter(event_dates, lambda d: (CASE length(d) WHEN 4 THEN d || '-12-31' WHEN 7 THEN d || '-31' ELSE d END) >= '{lo}'
                   AND (CASE length(d) WHEN 4 THEN d || '-01-01' WHEN 7 THEN d || '-01' ELSE d END) <= '{hi}')) > 0 END""")
    assert want
    assert got == want


def test_mentions_over_time_equals_counting_mention_rows(sample_store):
    v = sample_store.current_version()
    got = read.mentions_over_time(sample_store, Filters(version=v))
    want = sample_store.read_df("""
        SELECT month, kind, count(*) AS mentions FROM (
            SELECT 'places' AS kind, date_trunc('month', published) AS month FROM places
            UNION ALL SELECT 'figures', date_trunc('month', published) FROM figures
            UNION ALL SELECT 'actors', date_trunc('month', published) FROM actors
            UNION ALL SELECT 'dates', date_trunc('month', published) FROM dates)
        WHERE month IS NOT NULL GROUP BY ALL ORDER BY month, kind""")
    assert len(want) > 10
    assert got.to_dict("records") == want.to_dict("records")


def _copy_of(store: Store, tmp_path: Path, name: str) -> Store:
    shutil.copy(store.path, tmp_path / name)
    return Store(tmp_path / name)


def test_init_rebuilds_facets_of_an_older_store(sample_store, tmp_path):
    old = _copy_of(sample_store, tmp_path, "old.duckdb")
    before = _facets(old)
    # A store written before article_facets had today's columns.
    with old.connect(read_only=False) as con:
        con.execute("DROP TABLE article_facets")
        con.execute("CREATE TABLE article_facets (id VARCHAR, published DATE, version INTEGER)")
    old.init()
    assert _facets(old) == before


def test_keys_are_duckdbs_hash_of_each_value_written_and_rebuilt(sample_store, tmp_path):
    lists = {"actor_keys": "actors", "place_keys": "places", "source_keys": "sources", "region_keys": "regions",
             "category_keys": "categories"}

    def keys(store: Store) -> list:
        cols = ", ".join([*lists, *lists.values()])
        return store.read_df(f"SELECT id, {cols} FROM article_facets ORDER BY id").to_dict("records")

    with duckdb.connect() as con:
        def hashes(values):
            return [int(con.execute("SELECT hash(CAST($n AS VARCHAR))", {"n": str(v)}).fetchone()[0]) for v in values]

        written = keys(sample_store)
        for keyed, values in lists.items():
            assert sum(len(r[values]) for r in written) > 20, values
            for r in written:
                assert [int(k) for k in r[keyed]] == hashes(r[values]), (keyed, r["id"])
    store = _copy_of(sample_store, tmp_path, "c.duckdb")
    store.rebuild_aggregates(["article_facets"])
    rebuilt = keys(store)
    assert [[r["id"], *(list(r[k]) for k in lists)] for r in rebuilt] == \
        [[r["id"], *(list(r[k]) for k in lists)] for r in written]


def _stale(store: Store) -> list[str]:
    with store.connect() as con:
        return derived.stale(con)


def test_init_rebuilds_facets_whose_name_keys_another_hash_wrote(sample_store, tmp_path):
    """A DuckDB whose hash differs from the writer's (an upgrade) matches no key: init rebuilds."""
    old = _copy_of(sample_store, tmp_path, "rehashed.duckdb")
    before = _facets(old)
    with old.connect(read_only=False) as con:
        con.execute("UPDATE article_facets SET region_keys = list_transform(region_keys, lambda k: xor(k, CAST(1 AS UBIGINT)))")
    assert "article_facets" in _stale(old)
    old.init()
    assert _stale(old) == [] and _facets(old) == before
    region = str(old.read_df("SELECT r FROM (SELECT unnest(regions) AS r FROM article_facets) "
                             "GROUP BY r ORDER BY count(*) DESC, r LIMIT 1")["r"][0])
    f = Filters(regions=(region,), categories=("killed",), version=old.current_version())
    assert read.overview(old, f)["articles"][0] > 0
    assert read.overview(old, f).to_dict("records") == read.overview(sample_store, f).to_dict("records")


# -- day rollups (actor_days, place_days) ------------------------------------------------------
def test_day_rollups_count_exactly_the_mention_rows(sample_store):
    for days, table in (("actor_days", "actors"), ("place_days", "places")):
        got = sample_store.read_df(f"""SELECT published, name, CAST(sum(mentions) AS BIGINT) AS mentions,
                CAST(sum(articles) AS BIGINT) AS articles FROM {days} GROUP BY ALL ORDER BY ALL""")
        want = sample_store.read_df(f"""SELECT published, name, count(*) AS mentions,
                count(DISTINCT article_id) AS articles FROM {table} WHERE name IS NOT NULL GROUP BY ALL ORDER BY ALL""")
        assert len(want) > 20
        assert got.to_dict("records") == want.to_dict("records"), days


def test_rolled_up_charts_equal_counting_mention_rows(sample_store):
    v = sample_store.current_version()
    for f in (Filters(version=v), Filters(date_from="2020-10-01", date_to="2020-11-30", version=v)):
        top = read.top_actors(sample_store, f, 10)
        p = {"v": v, "a": f.date_from or "1900-01-01", "b": f.date_to or "2999-01-01"}
        want = sample_store.read_df("""SELECT name, count(*) AS mentions FROM actors
            WHERE name IS NOT NULL AND version <= $v AND published BETWEEN CAST($a AS DATE) AND CAST($b AS DATE)
            GROUP BY name ORDER BY mentions DESC, name LIMIT 10""", p)
        assert len(want) == 10
        assert top[["name", "mentions"]].to_dict("records") == want.to_dict("records")
        pts = read.place_points(sample_store, f).set_index("name")
        raw = sample_store.read_df("""SELECT name, count(*) AS mentions, count(DISTINCT article_id) AS articles
            FROM places WHERE lat IS NOT NULL AND version <= $v
              AND published BETWEEN CAST($a AS DATE) AND CAST($b AS DATE) GROUP BY name""", p).set_index("name")
        assert len(raw) > 3
        assert pts["mentions"].to_dict() == raw["mentions"].to_dict()
        assert pts["articles"].to_dict() == raw["articles"].to_dict()
        assert pts["evidence"].str.len().min() > 0


def _day_record(n: int, text_extra: str = "") -> dict:
    from data.article import article_id

    text = f"Report {n}{text_extra}: Armenia said shelling hit Jermuk."
    return {"id": article_id(text),
            "article": {"title": f"T{n}", "published": "2022-09-14", "publisher": "Wire", "text": text},
            "places": [{"start": text.index("Jermuk"), "end": text.index("Jermuk") + 6, "surface": "Jermuk",
                        "name": "Jermuk", "country": "AM", "kind": "city", "lat": 39.84, "lon": 45.67,
                        "regions": ["am-vayots-dzor"], "border_km": 8.0}],
            "actors": [{"start": text.index("Armenia"), "end": text.index("Armenia") + 7, "surface": "Armenia",
                        "name": "Armenia", "type": "state", "country": "AM", "role": None}],
            "figures": [], "dates": [], "quotes": []}


def _day_rows(store: Store) -> dict:
    return {days: store.read_df(f"SELECT version, mentions, articles FROM {days} ORDER BY version").to_dict("records")
            for days in ("actor_days", "place_days")}


def test_a_version_is_rolled_up_once_when_it_finishes(tmp_path):
    store = Store(tmp_path / "d.duckdb").init()
    v = store.begin_version()
    store.write_batch(v, [_day_record(1)])
    store.write_batch(v, [_day_record(2), _day_record(3)])
    # Readers read finished versions only: a running version has no rollups yet, and init()
    # (any reader or writer opening the store) must not take that for stale rollups.
    assert _day_rows(store) == {"actor_days": [], "place_days": []}
    store.init()
    store.rebuild_aggregates(["actor_days", "place_days"])
    assert _day_rows(store) == {"actor_days": [], "place_days": []}
    store.finish_version(v)
    assert _day_rows(store) == {d: [{"version": v, "mentions": 3, "articles": 3}] for d in ("actor_days", "place_days")}
    assert int(read.top_actors(store, Filters(version=v))["mentions"][0]) == 3
    pts = read.place_points(store, Filters(version=v))
    assert pts[["name", "names", "mentions", "articles"]].to_dict("records") == [
        {"name": "Jermuk", "names": "Jermuk", "mentions": 3, "articles": 3}]


@pytest.mark.parametrize("then", ["finish", "init"])
def test_a_crashed_version_is_rolled_up_when_a_later_version_finishes_or_init_runs(tmp_path, then):
    store = Store(tmp_path / "d.duckdb").init()
    crashed = store.begin_version()
    store.write_batch(crashed, [_day_record(1), _day_record(2)])  # never finished: the run crashed
    done = store.begin_version()
    store.write_batch(done, [_day_record(3)])
    if then == "finish":  # the crashed rows become visible to readers of `done`: rolled up with it
        store.finish_version(done)
    else:  # a store left by a crashed run, then a finished one, and no rollups (older code): init()
        store.finish_version(done)
        with store.connect(read_only=False) as con:
            con.execute("DELETE FROM actor_days"); con.execute("DELETE FROM place_days")
            con.execute("DELETE FROM summarized")
        store.init()
    want = [{"version": crashed, "mentions": 2, "articles": 2}, {"version": done, "mentions": 1, "articles": 1}]
    assert _day_rows(store) == {"actor_days": want, "place_days": want}
    assert int(read.top_actors(store, Filters(version=done))["mentions"][0]) == 3


def test_init_rebuilds_rollups_that_disagree_with_the_mentions(sample_store, tmp_path):
    import shutil

    copy = tmp_path / "stale.duckdb"
    shutil.copy(sample_store.path, copy)
    old = Store(copy)
    want = old.read_df("SELECT * EXCLUDE (roles), CAST(roles AS VARCHAR) AS roles FROM actor_days ORDER BY ALL").to_dict("records")
    with old.connect(read_only=False) as con:
        con.execute("DELETE FROM actor_days WHERE rowid % 2 = 0")
    old.init()
    assert old.read_df("SELECT * EXCLUDE (roles), CAST(roles AS VARCHAR) AS roles FROM actor_days ORDER BY ALL").to_dict("records") == want


def test_init_recomputes_summaries_that_disagree_with_the_mentions(sample_store, tmp_path):
    # As in a store whose rows were copied outside an ingest (the benchmark's replicas).
    copy = tmp_path / "stale_summaries.duckdb"
    shutil.copy(sample_store.path, copy)
    old = Store(copy)
    sql = {t: f"SELECT * EXCLUDE ({x}) FROM {t} ORDER BY ALL" for t, x in
           (("actor_totals", "roles"), ("figure_months", "highest_low"), ("actor_pairs", "version"),
            ("category_names", "version"))}
    want = {t: old.read_df(q).to_dict("records") for t, q in sql.items()}
    assert all(len(w) > 5 for w in want.values())
    for broken in ("UPDATE actor_totals SET mentions = mentions + 1",
                   "DELETE FROM figure_months WHERE rowid % 2 = 0",
                   "DELETE FROM category_names WHERE rowid % 2 = 0"):
        with old.connect(read_only=False) as con:
            con.execute(broken)
            con.execute("DELETE FROM actor_pairs WHERE rowid % 3 = 0")  # caught along with the others
        old.init()
        assert {t: old.read_df(q).to_dict("records") for t, q in sql.items()} == want, broken


def test_rollups_in_slices_equal_one_pass(sample_store, tmp_path, monkeypatch):
    import shutil

    import duckdb

    from data.store import derived

    copy = tmp_path / "sliced.duckdb"
    shutil.copy(sample_store.path, copy)
    monkeypatch.setattr(derived, "SLICE_ROWS", 50)  # several slices of names per version
    Store(copy).rebuild_aggregates()
    con = duckdb.connect()
    con.execute(f"ATTACH '{sample_store.path}' AS one (READ_ONLY)")
    con.execute(f"ATTACH '{copy}' AS sliced (READ_ONLY)")
    for t in ("actor_days", "place_days", "actor_totals"):
        assert con.execute(f"SELECT count(*) FROM one.{t}").fetchone()[0] > 20
        for a, b in (("one", "sliced"), ("sliced", "one")):
            assert con.execute(f"SELECT count(*) FROM (FROM {a}.{t} EXCEPT ALL FROM {b}.{t})").fetchone()[0] == 0, t
