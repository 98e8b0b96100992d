"""article_facets: the per-article summary the dashboard filters on.

Built from the real sample corpus with real extraction, then checked against the mention rows
it summarises: the write path and the rebuild agree, filters select exactly the articles the
mention tables say, and an old store is brought up to date by ``init``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from data.pipeline import ingest
from data.store import Store, read
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


def test_init_rebuilds_facets_of_an_older_store(sample_store, tmp_path):
    import shutil

    copy = tmp_path / "old.duckdb"
    shutil.copy(sample_store.path, copy)
    old = Store(copy)
    before = _facets(old)
    # A store written before article_facets had today's columns.
    with old.connect(read_only=False) as con:
        con.execute("DROP TABLE article_facets")
        con.execute("CREATE TABLE article_facets (id VARCHAR, published DATE, version INTEGER)")
    old.init()
    assert _facets(old) == before
