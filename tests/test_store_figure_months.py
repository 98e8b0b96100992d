"""Casualty claims per month under a filter that drops few articles: the monthly summaries
minus the dropped articles' claims (``read._figures_by_month_minus``), checked against grouping
the kept claims themselves, on a store built so that dropped claims hold, tie or leave each
month's highest lower bound.
"""
from __future__ import annotations

import pandas as pd
import pytest

from data.article import article_id
from data.store import Store, read
from data.store.filters import Filters

# (category, [(published, claim date, value, low, kept?)]) per month group; "A" articles are kept
# by the filter actors=("A",), "B" articles dropped. Every claim is its own article.
GROUPS = {
    # The dropped claim ties with another day's kept claim: nothing to recompute.
    "killed": [("2022-09-01", "2022-09", 50, None, False), ("2022-09-01", "2022-09", 10, None, True),
               ("2022-09-02", "2022-09", 50, None, True)],
    # The dropped claim holds the month's highest; another day's kept claim is next.
    "prisoners": [("2022-09-01", "2022-09", 50, None, False), ("2022-09-01", "2022-09", 10, None, True),
                  ("2022-09-02", "2022-09", 30, None, True)],
    # The day row holding the highest keeps a higher claim than any other day: recomputed.
    "wounded": [("2022-09-01", "2022-09-01", 50, 45, False), ("2022-09-01", "2022-09-01", 40, None, True),
                ("2022-09-03", "2022-09-02", 30, None, True)],
    # A kept claim ties with the dropped highest.
    "captured": [("2022-09-01", "2022-09", 50, None, False), ("2022-09-01", "2022-09", 50, None, True),
                 ("2022-09-05", None, 20, None, True)],
    # Every claim dropped: the month group goes.
    "missing": [("2022-09-01", "2022-09", 70, None, False), ("2022-09-02", None, 60, None, False)],
    # Articles without a publication date, their claims dated: the dropped one holds the highest.
    "displaced": [(None, "2022-09-10", 900, 800, False), (None, "2022-09-11", 700, None, True),
                  ("2022-09-07", "2022", 300, None, True)],
    # Nothing dropped.
    "refugees": [("2022-10-01", "2022-10", 5, None, True)],
}
EXPECTED = {("killed", "2022-09-01"): (2, 50), ("prisoners", "2022-09-01"): (2, 30), ("wounded", "2022-09-01"): (2, 40),
            ("captured", "2022-09-01"): (2, 50), ("displaced", "2022-09-01"): (1, 700),
            ("displaced", "2022-01-01"): (1, 300), ("refugees", "2022-10-01"): (1, 5)}


def _record(n: int, actor: str, published: str | None, category: str, date: str | None,
            value: float, low: float | None) -> dict:
    text = f"Claim {n}: {actor} said {int(value)} people were {category} in the fighting."
    fig = text.index(str(int(value)))
    return {
        "id": article_id(text),
        "article": {"title": f"T{n}", "published": published, "publisher": "Wire", "text": text},
        "places": [],
        "actors": [{"start": text.index(actor), "end": text.index(actor) + len(actor), "surface": actor,
                    "name": actor, "type": "state", "country": None, "role": None}],
        "figures": [{"start": fig, "end": fig + len(str(int(value))), "surface": str(int(value)), "value": value,
                     "low": low, "high": None, "qualifier": "exact" if low is None else "at_least",
                     "category": category, "actor": "Armenia", "claimed_by": actor, "date": date, "place": None}],
        "dates": [], "quotes": [],
    }


@pytest.fixture(scope="module")
def claims_store(tmp_path_factory) -> Store:
    store = Store(tmp_path_factory.mktemp("months") / "m.duckdb").init()
    v = store.begin_version()
    records, n = [], 0
    for category, claims in GROUPS.items():
        for published, date, value, low, kept in claims:
            n += 1
            records.append(_record(n, "A" if kept else "B", published, category, date, value, low))
    assert store.write_batch(v, records)["loaded"] == len(records)
    store.finish_version(v)
    return store


def _minus(store: Store, f: Filters, monkeypatch) -> tuple[pd.DataFrame, list]:
    """figures_by_month on the subtraction path, and the groups it recomputed from claims."""
    monkeypatch.setattr(read, "ANTI_JOIN_SHARE", 0.0)
    recomputed = []
    real = read._kept_highest
    monkeypatch.setattr(read, "_kept_highest", lambda con, f, g: recomputed.extend(g["category"]) or real(con, f, g))
    taken = []
    real_minus = read._figures_by_month_minus
    monkeypatch.setattr(read, "_figures_by_month_minus", lambda con, f: taken.append(1) or real_minus(con, f))
    df = read.figures_by_month(store, f)
    assert taken, f.describe()
    return df, recomputed


def test_the_summaries_minus_the_dropped_claims_give_each_months_kept_claims(claims_store, monkeypatch):
    f = Filters(actors=("A",), version=claims_store.current_version())
    got, recomputed = _minus(claims_store, f, monkeypatch)
    rows = {(r.category, str(r.month.date())): (r.claims, r.highest_low) for r in got.itertuples()}
    assert rows == EXPECTED
    # Only the groups whose highest was dropped, and not equalled on another day, are read again.
    assert sorted(recomputed) == ["captured", "displaced", "prisoners", "wounded"]
    want = read._run(claims_store, *read._figures_by_month(f))
    pd.testing.assert_frame_equal(got, want)


@pytest.mark.parametrize("changes", [
    {"categories": ("wounded", "displaced")},
    {"date_from": "2022-09-01", "date_to": "2022-09-01"},  # from figure_months' day rows
    {"sources": ("Wire",)},  # drops nothing
    {"actors": ("B",)},  # drops every kept claim above
    {"version": None},
])
def test_the_subtraction_equals_grouping_the_kept_claims_under_other_filters(claims_store, monkeypatch, changes):
    f = Filters(actors=("A",), version=claims_store.current_version()).with_(**changes)
    got, _ = _minus(claims_store, f, monkeypatch)
    want = read._run(claims_store, *read._figures_by_month(f))
    pd.testing.assert_frame_equal(got, want)


def test_event_date_filters_and_narrow_filters_group_the_kept_claims(claims_store, monkeypatch):
    taken = []
    monkeypatch.setattr(read, "_figures_by_month_minus", lambda *a: taken.append(1))
    v = claims_store.current_version()
    event = Filters(actors=("A",), date_from="2022-09-01", date_to="2022-09-30", date_field="event", version=v)
    assert len(read.figures_by_month(claims_store, event)) > 0  # claims' own dates: no monthly summary
    assert len(read.figures_by_month(claims_store, Filters(actors=("A",), version=v))) > 0  # keeps 60% < 90%
    assert taken == []


def test_month_totals_are_figure_months_without_the_day(claims_store):
    totals = claims_store.read_df("""SELECT month, category, side, claims, placed, highest_low FROM figure_month_totals
                                     ORDER BY ALL""")
    days = claims_store.read_df("""SELECT month, category, side, sum(claims) AS claims, sum(placed) AS placed,
                                          max(highest_low) AS highest_low
                                   FROM figure_months WHERE month IS NOT NULL GROUP BY ALL ORDER BY ALL""")
    assert len(totals) == 8
    pd.testing.assert_frame_equal(totals, days, check_dtype=False)
