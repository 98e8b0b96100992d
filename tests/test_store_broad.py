"""Broad filters answered as every article's summaries minus the articles they drop
(``read._run_broad``): checked on the real sample corpus against the per-article queries, for
broad and narrow filters alike (the arithmetic is exact for any).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from data.pipeline import ingest
from data.store import Store, read
from data.store.filters import Filters

ROOT = Path(__file__).resolve().parents[1]

# The views with a "minus the dropped articles" path, and the per-article SQL it replaces.
BROAD_VIEWS = {
    "overview": (read.overview, lambda f: read._overview(f)),
    "cooccurrence": (read.cooccurrence, lambda f: read._cooccurrence(f, 15)),
    "place_top_actor": (read.place_top_actor, lambda f: read._place_top_actor(f)),
    "top_places": (read.top_places, lambda f: read._top_places(f, 15)),
    "top_actors": (read.top_actors, lambda f: read._actors_by_rows(f, 15, False)),
    "actors_by_type": (read.actors_by_type, lambda f: read._actors_by_rows(f, 40, True)),
    "actor_timeline": (read.actor_timeline, lambda f: read._actor_timeline(f, 8)),
}


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("broad") / "s.duckdb")
    assert ingest([ROOT / "data" / "articles"], store).loaded >= 20
    return store


def _records(df: pd.DataFrame) -> list[dict]:
    return [{k: (v.tolist() if isinstance(v, np.ndarray) else None if v is None or v != v else v)
             for k, v in r.items()} for r in df.astype(object).to_dict("records")]


def _articles_naming(store: Store, n_min: int, n_max: int) -> str:
    """An actor named in between ``n_min`` and ``n_max`` articles of the store."""
    df = store.read_df("""SELECT name, count(*) AS n FROM (SELECT unnest(actors) AS name FROM article_facets)
                          GROUP BY name HAVING count(*) BETWEEN $lo AND $hi ORDER BY n DESC, name LIMIT 1""",
                       {"lo": n_min, "hi": n_max})
    assert len(df), (n_min, n_max)
    return str(df["name"][0])


def _filters(store: Store) -> list[Filters]:
    v = store.current_version()
    total = int(store.read_df("SELECT count(*) AS n FROM articles")["n"][0])
    broad = _articles_naming(store, total // 2 + 1, total - 2)  # keeps most, drops some
    narrow = _articles_naming(store, 3, total // 3)
    source = str(store.read_df("""SELECT s FROM (SELECT unnest(sources) AS s FROM article_facets)
                                  GROUP BY s ORDER BY count(*) DESC, s LIMIT 1""")["s"][0])
    region = str(store.read_df("""SELECT x FROM (SELECT unnest(regions) AS x FROM article_facets)
                                  GROUP BY x ORDER BY count(*) DESC, x LIMIT 1""")["x"][0])
    # the most named place that lies in a region, so that every view has rows under it
    place = str(store.read_df("""SELECT name FROM places WHERE len(regions) > 0
                                 GROUP BY name ORDER BY count(*) DESC, name LIMIT 1""")["name"][0])
    return [Filters(actors=(broad,), version=v), Filters(actors=(narrow,), version=v),
            Filters(actors=(broad, narrow), version=v), Filters(sources=(source,), version=v),
            Filters(actors=(broad,), sources=(source,), version=v), Filters(actors=(broad,), version=None),
            Filters(actors=(broad,), date_from="2020-09-01", date_to="2021-12-31", version=v),
            Filters(regions=(region,), categories=("killed",), version=v),
            Filters(actors=(broad,), date_from="2020-09-01", date_to="2021-12-31", date_field="event", version=v),
            Filters(places=(place,), version=v)]


def _same_for_every_filter(store: Store, view: str, fn, slow) -> None:
    """``fn`` gives the rows and column types of the per-article SQL ``slow`` for each filter."""
    for f in _filters(store):
        want = read._run(store, *slow(f))
        got = fn(store, f)
        assert len(want) > 0, (view, f.describe())
        assert _records(got) == _records(want), (view, f.describe())
        assert list(got.dtypes) == list(want.dtypes), (view, f.describe())


@pytest.mark.parametrize("view", sorted(BROAD_VIEWS))
def test_everything_minus_the_dropped_articles_equals_the_per_article_query(sample_store, monkeypatch, view):
    monkeypatch.setattr(read, "BROAD_SHARE", 0.0)  # take the broad path wherever a query may
    _same_for_every_filter(sample_store, view, *BROAD_VIEWS[view])


def test_the_broad_path_is_taken_only_where_it_is_exact_and_the_filter_broad(sample_store, monkeypatch):
    taken = []
    for name in ("_cooccurrence_broad", "_top_places_broad", "_actors_rolled"):
        real = getattr(read, name)
        monkeypatch.setattr(read, name, lambda *a, _n=name, _r=real, **k: taken.append(_n) or _r(*a, **k))
    v = sample_store.current_version()
    total = int(sample_store.read_df("SELECT count(*) AS n FROM articles")["n"][0])
    broad = Filters(actors=(_articles_naming(sample_store, total // 2 + 1, total - 2),), version=v)
    narrow = Filters(actors=(_articles_naming(sample_store, 3, total // 3),), version=v)
    with sample_store.connect() as con:
        assert read._share(sample_store, con, broad) > read.BROAD_SHARE > read._share(sample_store, con, narrow) > 0

    def paths(fn, f):
        taken.clear()
        fn(sample_store, f)
        return list(taken)

    assert paths(read.cooccurrence, broad) == ["_cooccurrence_broad"]
    assert paths(read.cooccurrence, narrow) == []  # keeps too few: the per-article query
    monkeypatch.setattr(read, "BROAD_SHARE", 0.0)
    region = broad.with_(actors=(), regions=("border-20km-am",))
    # A region selects articles for the actor pairs, and the place names whose mentions count.
    assert paths(read.cooccurrence, region) == ["_cooccurrence_broad"]
    assert paths(read.top_places, region) == ["_top_places_broad"]
    # The pair summaries have no dates; the day rollups do.
    dated = broad.with_(date_from="2020-01-01", date_to="2021-12-31")
    assert paths(read.cooccurrence, dated) == []
    assert paths(read.top_actors, dated) == ["_actors_rolled"]


def test_the_broad_path_waits_for_the_summaries(sample_store, tmp_path, monkeypatch):
    import shutil

    shutil.copy(sample_store.path, tmp_path / "c.duckdb")
    store = Store(tmp_path / "c.duckdb")
    f = _filters(store)[0]
    want = {name: _records(fn(store, f)) for name, (fn, _) in BROAD_VIEWS.items()}
    with store.connect(read_only=False) as con:
        con.execute("DELETE FROM summarized")
        con.execute("DELETE FROM actor_pairs")  # a summary that is not there must not be read
    monkeypatch.setattr(read, "BROAD_SHARE", 0.0)
    assert {name: _records(fn(store, f)) for name, (fn, _) in BROAD_VIEWS.items()} == want


def test_ledger_and_disputed_under_broad_filters_cut_months_and_get_the_same_rows(sample_store, monkeypatch):
    monkeypatch.setattr(read, "BROAD_SHARE", 0.0)  # cut the months wherever a filter allows it
    total = int(sample_store.read_df("SELECT count(*) AS n FROM figures")["n"][0])
    for f in _filters(sample_store):
        for limit in (1, 7, 40, total + 5):
            want = read._run(sample_store, *read._figures_ledger(f, limit, None))
            assert _records(read.figures_ledger(sample_store, f, limit=limit)) == _records(want), (f, limit)
        monkeypatch.setattr(read, "_DISPUTED_WINDOW", 10**9)  # no cut: every event is grouped
        full = read.disputed(sample_store, f, events=5)
        for window in (1, 3, 10):
            monkeypatch.setattr(read, "_DISPUTED_WINDOW", window)
            assert _records(read.disputed(sample_store, f, events=5)) == _records(full), (f, window)
    assert len(full) > 0


# Views that test their mention rows against the dropped articles (an anti-join) under broad
# filters, and the per-article SQL (a semi-join on the kept ones) for comparison.
ANTI_JOIN_VIEWS = {
    "figures_by_month": (read.figures_by_month, lambda f: read._figures_by_month(f)),
    # The mention-row path of place_points (a version without rollups): see below for the other.
    "place_points": (lambda s, f: read._run_kept(s, f, lambda broad: read._place_points(f, False, broad),
                                                 then=read._with_evidence),
                     lambda f: (*read._place_points(f, False), read._with_evidence)),
    "region_counts": (read.region_counts, lambda f: read._region_counts(f, False)),
    # The mention-row path of people (a version without rollups): see below for the other.
    "people": (lambda s, f: read._run_kept(s, f, lambda broad: read._people(f, 200, broad)),
               lambda f: read._people(f, 200)),
}


@pytest.mark.parametrize("view", sorted(ANTI_JOIN_VIEWS))
def test_rows_of_the_articles_not_dropped_are_the_rows_of_the_kept_ones(sample_store, monkeypatch, view):
    fn, slow = ANTI_JOIN_VIEWS[view]
    monkeypatch.setattr(read, "ANTI_JOIN_SHARE", 0.0)
    for f in _filters(sample_store):
        want = read._run(sample_store, *slow(f))
        assert len(want) > 0, (view, f.describe())
        assert _records(fn(sample_store, f)) == _records(want), (view, f.describe())


# Views with a path reading the kept articles' facet rows (read._kept_names) under filters that
# keep too few articles for the broad path, and the per-article SQL over mention rows it replaces.
NARROW_VIEWS = {
    "overview": (read.overview, lambda f: read._overview(f)),
    "top_places": (read.top_places, lambda f: read._top_places(f, 15)),
    "top_actors": (read.top_actors, lambda f: read._actors_by_rows(f, 15, False)),
    "actors_by_type": (read.actors_by_type, lambda f: read._actors_by_rows(f, 40, True)),
    "actor_timeline": (read.actor_timeline, lambda f: read._actor_timeline(f, 8)),
    "place_top_actor": (read.place_top_actor, lambda f: read._place_top_actor(f)),
    "region_counts": (read.region_counts, lambda f: read._region_counts(f, False)),
}


@pytest.mark.parametrize("view", sorted(NARROW_VIEWS))
def test_the_kept_articles_facet_rows_give_what_their_mention_rows_give(sample_store, monkeypatch, view):
    fn, slow = NARROW_VIEWS[view]
    monkeypatch.setattr(read, "BROAD_SHARE", 1.01)  # never the broad path: the narrow one instead
    taken = []
    for name in ("_kept_names", "_place_attrs"):
        real = getattr(read, name)
        monkeypatch.setattr(read, name, lambda *a, _r=real, **k: taken.append(1) or _r(*a, **k))
    _same_for_every_filter(sample_store, view, fn, slow)
    # The narrow path was taken (place_top_actor's reads the located places from place_days).
    assert taken or view == "place_top_actor"


def test_the_narrow_path_waits_for_the_day_rollups(sample_store, tmp_path, monkeypatch):
    import shutil

    shutil.copy(sample_store.path, tmp_path / "n.duckdb")
    store = Store(tmp_path / "n.duckdb")
    f = _filters(store)[1]  # an actor named in few articles
    want = {name: _records(fn(store, f)) for name, (fn, _) in NARROW_VIEWS.items()}
    with store.connect(read_only=False) as con:
        con.execute("DELETE FROM summarized")
        con.execute("DELETE FROM place_days")  # rollups that are not there must not be read
        con.execute("DELETE FROM actor_days")
    monkeypatch.setattr(read, "_kept_names", lambda *a, **k: pytest.fail("read facet rows of an unsummarised version"))
    assert {name: _records(fn(store, f)) for name, (fn, _) in NARROW_VIEWS.items()} == want


def test_map_points_under_narrowing_filters_count_from_facets_and_take_names_and_evidence_from_rollups(
        sample_store, monkeypatch):
    # Every filter broad (rollups minus dropped; claims per place as the summary minus the
    # dropped articles' where it can), then none (kept facet rows).
    for share, anti in ((0.0, 0.0), (1.01, 0.9)):
        monkeypatch.setattr(read, "BROAD_SHARE", share)
        monkeypatch.setattr(read, "ANTI_JOIN_SHARE", anti)
        for f in _filters(sample_store):
            got = read.place_points(sample_store, f).set_index("name")
            rows = read._run(sample_store, *read._place_points(f, False), then=read._with_evidence).set_index("name")
            assert len(rows) > 0 and sorted(got.index) == sorted(rows.index), f.describe()
            same = ["country", "kind", "lat", "lon", "border_km", "mentions", "figures", "casualty_claims"]
            assert _records(got.loc[rows.index, same]) == _records(rows[same]), f.describe()
            p: dict = {}
            kept = read._facet_where(f, p)
            exact = sample_store.read_df(f"""
                SELECT m.name, count(DISTINCT m.article_id) AS n, list(DISTINCT m.surface) AS surfaces
                FROM places m WHERE m.article_id IN (SELECT a.id FROM article_facets a{kept}) GROUP BY m.name""",
                p).set_index("name")
            for name, r in got.iterrows():
                assert r["articles"] == exact.loc[name, "n"], (f.describe(), name)  # exact, not estimated
                # Names: every form the kept articles wrote (and maybe others of the same days).
                assert set(exact.loc[name, "surfaces"]) <= set(r["names"].split(" / ")), (f.describe(), name)
                # Evidence: from a kept article that names the place.
                assert r["article_id"] in set(sample_store.read_df(
                    f"SELECT a.id FROM article_facets a{kept}", p)["id"]), (f.describe(), name)
                assert name in set(sample_store.read_df("SELECT name FROM places WHERE article_id = $a",
                                                        {"a": r["article_id"]})["name"])
                assert r["evidence"], (f.describe(), name)


def test_people_under_narrowing_filters_count_from_facets_and_take_roles_from_rollups(sample_store, monkeypatch):
    for share in (0.0, 1.01):  # every filter broad (rollups minus dropped), then none (kept facet rows)
        monkeypatch.setattr(read, "BROAD_SHARE", share)
        for f in _filters(sample_store):
            got = read.people(sample_store, f).set_index("name")
            p: dict = {}
            kept = read._facet_where(f, p)
            rows = sample_store.read_df(f"""
                SELECT m.name, count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
                       coalesce(list(DISTINCT m.role) FILTER (WHERE m.role IS NOT NULL), []) AS roles
                FROM actors m WHERE m.type = 'person' AND m.article_id IN (SELECT a.id FROM article_facets a{kept})
                GROUP BY m.name""", p).set_index("name")
            assert len(rows) > 0 and set(got.index) == set(rows.index), f.describe()  # fewer than 200 people
            for name, r in got.iterrows():
                assert (r["mentions"], r["articles"]) == (rows.loc[name, "mentions"], rows.loc[name, "articles"]), name
                # Roles: every role the kept articles gave (and maybe others of the same days).
                want_roles = set(rows.loc[name, "roles"])
                assert want_roles <= set(r["roles"].split("; ") if isinstance(r["roles"], str) else []), name


def test_the_share_a_filter_keeps_is_counted_once_per_store_state(sample_store, tmp_path, monkeypatch):
    import shutil

    shutil.copy(sample_store.path, tmp_path / "share.duckdb")
    store = Store(tmp_path / "share.duckdb")
    f = _filters(store)[1]  # an actor named in few articles, pinned to the version
    counted = []
    real = read._kept_counts
    monkeypatch.setattr(read, "_kept_counts", lambda con, g: counted.append(g) or real(con, g))
    with store.connect() as con:
        first = read._share(store, con, f)
        assert read._share(store, con, f) == first and len(counted) == 1  # remembered
        read._share(store, con, f.with_(version=None))
        read._share(store, con, f.with_(version=None))
    assert len(counted) == 3  # an unpinned filter is always counted
    with store.connect(read_only=False) as con:  # a write: the file's state changes
        con.execute("UPDATE article_facets SET actors = [], actor_keys = [] WHERE list_contains(actors, $a)",
                    {"a": f.actors[0]})
    with store.connect() as con:
        assert read._share(store, con, f) == 0.0 < first
    assert len(counted) == 4


# Views with a path from one figure category's summaries (category_names, figure_places,
# figure_months) minus the category's articles the filter drops (read._by_category), and the
# per-article SQL it replaces.
CATEGORY_VIEWS = {
    "overview": (read.overview, lambda f: read._overview(f)),
    "region_counts": (read.region_counts, lambda f: read._region_counts(f, False)),
    "figures_by_month": (read.figures_by_month, lambda f: read._figures_by_month(f)),
}


def _category_filters(store: Store) -> list[Filters]:
    """Filters with one category, alone and with each other kind of filter (dates excepted:
    the category summaries have none, so those take the other paths)."""
    v = store.current_version()
    with_category = [f.with_(categories=("killed",)) for f in _filters(store)
                     if not (f.date_from or f.date_to)]
    return [Filters(categories=("killed",), version=v), Filters(categories=("wounded",), version=v),
            Filters(categories=("killed",), version=None), *with_category]


@pytest.mark.parametrize("view", sorted(CATEGORY_VIEWS))
def test_one_categorys_summaries_minus_its_dropped_articles_equal_the_per_article_query(
        sample_store, monkeypatch, view):
    fn, slow = CATEGORY_VIEWS[view]
    monkeypatch.setattr(read, "BROAD_SHARE", 0.0)  # whatever share of the category a filter keeps
    monkeypatch.setattr(read, "ANTI_JOIN_SHARE", 0.0)
    taken = []
    for name in ("_category_dropped",):
        real = getattr(read, name)
        monkeypatch.setattr(read, name, lambda *a, _r=real, **k: taken.append(1) or _r(*a, **k))
    for f in _category_filters(sample_store):
        taken.clear()
        want = read._run(sample_store, *slow(f))
        got = fn(sample_store, f)
        assert len(want) > 0, (view, f.describe())
        assert _records(got) == _records(want), (view, f.describe())
        assert list(got.dtypes) == list(want.dtypes), (view, f.describe())
        assert taken, (view, f.describe())  # the category's path, not another


def test_map_points_from_one_categorys_summaries_equal_the_other_paths(sample_store, monkeypatch):
    def other_paths(f):
        monkeypatch.setattr(read, "_by_category", lambda *a: False)
        try:
            return read.place_points(sample_store, f)
        finally:
            monkeypatch.undo()

    for candidates in (read._EV_CANDIDATES, 1):  # 1: most places need their day rows read again
        for f in _category_filters(sample_store):
            want = other_paths(f)
            monkeypatch.setattr(read, "BROAD_SHARE", 0.0)
            monkeypatch.setattr(read, "_EV_CANDIDATES", candidates)
            taken = []
            real = read._first_kept_evidence
            monkeypatch.setattr(read, "_first_kept_evidence", lambda *a: taken.append(1) or real(*a))
            got = read.place_points(sample_store, f)
            monkeypatch.undo()
            assert taken, f.describe()
            assert len(want) > 0 and _records(got) == _records(want), (candidates, f.describe())
            assert got["evidence"].notna().all(), f.describe()


def test_one_category_takes_its_summaries_only_for_a_broad_share_of_its_articles(sample_store, monkeypatch):
    v = sample_store.current_version()
    taken = []
    real = read._category_dropped
    monkeypatch.setattr(read, "_category_dropped", lambda *a, **k: taken.append(1) or real(*a, **k))
    n_killed = int(sample_store.read_df(
        "SELECT count(*) AS n FROM article_facets WHERE list_contains(categories, 'killed')")["n"][0])
    # an actor named in few of the category's articles: too few kept for the category's path
    few = sample_store.read_df("""SELECT name FROM (SELECT unnest(actors) AS name FROM article_facets
                                  WHERE list_contains(categories, 'killed')) GROUP BY name
                                  HAVING count(*) < $half ORDER BY count(*) DESC, name LIMIT 1""",
                               {"half": n_killed / 2})["name"][0]
    cases = [(Filters(categories=("killed",), version=v), True),
             (Filters(categories=("killed",), actors=(few,), version=v), False),
             (Filters(categories=("killed", "wounded"), version=v), False),  # summaries of one category each
             (Filters(categories=("killed",), date_from="2020-01-01", date_to="2021-12-31", version=v), False)]
    for f, expected in cases:
        taken.clear()
        read.overview(sample_store, f)
        assert bool(taken) is expected, f.describe()


def test_the_category_path_waits_for_the_summaries(sample_store, tmp_path, monkeypatch):
    import shutil

    shutil.copy(sample_store.path, tmp_path / "cat.duckdb")
    store = Store(tmp_path / "cat.duckdb")
    f = Filters(categories=("killed",), version=store.current_version())
    # Map points without the rollups come from the mention rows: names and evidence of the kept
    # articles alone, articles estimated; the counts are exact on either path.
    exact = ["name", "mentions", "figures", "casualty_claims"]
    views = {**{n: fn for n, (fn, _) in CATEGORY_VIEWS.items()},
             "place_points": lambda s, g: read.place_points(s, g)[exact]}
    want = {name: _records(fn(store, f)) for name, fn in views.items()}
    with store.connect(read_only=False) as con:
        con.execute("DELETE FROM summarized")
        con.execute("DELETE FROM category_names")  # a summary that is not there must not be read
    monkeypatch.setattr(read, "_category_names", lambda *a, **k: pytest.fail("read an unsummarised category"))
    assert {name: _records(fn(store, f)) for name, fn in views.items()} == want
