"""The dashboard's read queries against a real DuckDB store holding a known corpus."""
from __future__ import annotations

import pytest

from data.store import read
from data.store.filters import Filters
from tests.conftest_dashboard import LATE, add_version, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("read") / "t.duckdb")


@pytest.fixture
def empty(tmp_path):
    from data.store import Store
    return Store(tmp_path / "empty.duckdb").init()


def test_filters_validate_and_normalise():
    f = Filters(actors=["Russia", "Armenia", "Russia"])
    assert f.actors == ("Armenia", "Russia")
    assert hash(f) == hash(Filters(actors=("Russia", "Armenia")))
    with pytest.raises(ValueError, match="date_from"):
        Filters(date_from="16/11/2021")
    with pytest.raises(ValueError, match="date_field"):
        Filters(date_field="ingested")
    with pytest.raises(ValueError, match="after"):
        Filters(date_from="2022-01-01", date_to="2021-01-01")


def test_overview_unfiltered(store):
    row = read.overview(store, Filters()).iloc[0]
    assert (row.articles, row.places, row.figures, row.actors) == (5, 3, 4, 4)


def test_overview_actor_and_published_range(store):
    f = Filters(actors=["Azerbaijan"], date_from="2021-01-01", date_to="2021-12-31")
    row = read.overview(store, f).iloc[0]
    assert row.articles == 1 and row.figures == 1


def test_event_date_range_uses_event_dates_and_falls_back_to_published(store):
    f = Filters(date_from="2021-11-14", date_to="2021-11-14", date_field="event")
    ids = set(read.article_list(store, f)["title"])
    assert ids == {"Armenia reports losses", "Azerbaijan gives its count"}
    # The 2020 figure in article 1 is outside the range, so only the two Sunday claims remain.
    assert sorted(read.figures_ledger(store, f)["value"]) == [7, 15]


def test_sources_match_publisher_or_credit(store):
    assert set(read.article_list(store, Filters(sources=["AFP"]))["title"]) == {"Armenia reports losses"}
    assert len(read.article_list(store, Filters(sources=["Reuters"]))) == 2


def test_region_and_place_filters(store):
    f = Filters(regions=["nagorno-karabakh"])
    assert read.overview(store, f).iloc[0].articles == 3
    pts = read.place_points(store, f)
    assert set(pts["name"]) == {"Stepanakert", "Shusha"}
    assert read.overview(store, Filters(places=["Shusha"])).iloc[0].articles == 1


def test_disputed_puts_claims_side_by_side_without_summing(store):
    d = read.disputed(store, Filters())
    assert list(d["value"]) == [7, 15]
    assert list(d["claim"]) == [1, 2]
    assert set(d["claimed_by"]) == {"Armenia", "Azerbaijan"}
    assert (d["claims_in_event"] == 2).all()


def test_place_points_carry_counts_and_evidence(store):
    pts = read.place_points(store, Filters()).set_index("name")
    assert pts.loc["Stepanakert", "mentions"] == 2
    assert pts.loc["Stepanakert", "casualty_claims"] == 2
    assert "Stepanakert" in pts.loc["Stepanakert", "evidence"]
    top = read.place_top_actor(store, Filters()).set_index("name")
    assert top.loc["Stepanakert", "actor"] == "Armenia"


def test_actor_queries(store):
    co = read.cooccurrence(store, Filters())
    pair = co[(co.actor == "Armenia") & (co.other == "Russia")]
    assert int(pair["articles"].iloc[0]) == 2
    ppl = read.people(store, Filters())
    assert ppl.iloc[0]["name"] == "Armen Grigoryan" and ppl.iloc[0]["roles"] == "security council chief"
    q = read.quotes(store, Filters())
    assert q.iloc[0]["via"] == "News.am" and q.iloc[0]["quote"] == "We appeal to Russia for help"
    tl = read.actor_timeline(store, Filters(actors=["Russia"]))
    assert set(tl["name"]) == {"Russia"}


def test_search_and_article_mentions(store):
    found = read.article_list(store, Filters(), search="100%_literal")
    assert found.empty
    found = read.article_list(store, Filters(), search="<script>")
    assert len(found) == 1
    aid = found.iloc[0]["id"]
    m = read.article_mentions(store, aid)
    assert set(m["label"]) == {"actor"}
    art = read.article(store, aid).iloc[0]
    assert "<script>" in art["text"]


def test_version_pins_rows(tmp_path):
    s = build_store(tmp_path / "v.duckdb")
    v1 = s.current_version()
    add_version(s, [LATE])
    assert read.overview(s, Filters(version=v1)).iloc[0].articles == 5
    assert read.overview(s, Filters()).iloc[0].articles == 6
    assert read.article(s, LATE["id"], version=v1).empty


def test_every_query_on_an_empty_store(empty):
    f = Filters(actors=["X"], date_from="2020-01-01", categories=["killed"], regions=["r"], version=0)
    for fn in (read.mentions_over_time, read.top_places, read.top_actors, read.latest_articles,
               read.place_points, read.place_top_actor, read.region_counts, read.figures_ledger,
               read.figures_by_month, read.disputed, read.actors_by_type, read.actor_timeline,
               read.cooccurrence, read.people, read.quotes, read.article_list):
        for flt in (Filters(), f):
            out = fn(empty, flt)
            assert out.empty, fn.__name__
    assert read.overview(empty, Filters()).iloc[0].articles == 0
    for fn in (read.facet_actors, read.facet_regions, read.facet_places, read.facet_categories,
               read.facet_sources):
        assert fn(empty, 0).empty


def test_cooccurrence_bit_masks_match_the_pairwise_join(store):
    # top > 64 takes the plain self-join; both paths must give the same rows and order.
    masks = read.cooccurrence(store, Filters(), top=15)
    joined = read.cooccurrence(store, Filters(), top=65)
    assert masks.values.tolist() == joined.values.tolist() and len(masks) > 0
    assert set(read.cooccurrence(store, Filters(), top=1)["actor"]) == set()  # one actor has no pair
    with pytest.raises(ValueError, match="top"):
        read.cooccurrence(store, Filters(), top=0)


def test_several_regions_match_any_of_them(store):
    one = read.overview(store, Filters(regions=["nagorno-karabakh"])).iloc[0].articles
    both = read.overview(store, Filters(regions=["nagorno-karabakh", "no-such-region"])).iloc[0].articles
    assert one == both == 3


def test_ledger_limit_keeps_the_newest_claims(store):
    full = read.figures_ledger(store, Filters())
    two = read.figures_ledger(store, Filters(), limit=2)
    assert two.values.tolist() == full.head(2).values.tolist()
    d = read.disputed(store, Filters(date_from="2021-11-14", date_to="2021-11-14", date_field="event"))
    assert list(d["value"]) == [7, 15]


@pytest.mark.parametrize("window", [0, 1, 2, 10_000])
def test_disputed_recent_window_gives_the_same_events(store, monkeypatch, window):
    # A window too small to hold enough disputed events must fall back to every claim.
    monkeypatch.setattr(read, "_DISPUTED_WINDOW", window)
    for events in (1, 100):
        got = read.disputed(store, Filters(), events=events)
        assert list(got["value"]) == [7, 15] and "_cut" not in got.columns
