"""Pure chart builders and the reader's HTML (no server)."""
from __future__ import annotations

import altair as alt
import pandas as pd
import pytest

from dashboard import charts, render
from data.store import read
from data.store.filters import Filters
from tests.conftest_dashboard import SCRIPT_TEXT, build_store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("charts") / "c.duckdb")


def test_bounds_follow_qualifiers():
    assert charts.bounds_text(6500, 6500, None, "more_than") == "> 6,500"
    assert charts.bounds_text(40, 40, None, "at_least") == "≥ 40"
    assert charts.bounds_text(2000, None, 2000, "nearly") == "< 2,000"
    assert charts.bounds_text(50, 40, 60, "range") == "40–60"
    assert charts.bounds_text(30000, None, None, "around") == "≈ 30,000"
    assert charts.bounds_text(15, 15, 15, "exact") == "15"
    assert charts.bound_kind("more_than") == "lower bound"


def test_every_builder_gives_valid_vega_lite_with_and_without_rows(store):
    f = Filters()
    cases = [
        (charts.timeline, read.mentions_over_time(store, f)),
        (lambda d: charts.hbar(d, "name", "mentions", "kind", "t"), read.top_places(store, f)),
        (charts.claims_chart, read.figures_ledger(store, f)),
        (charts.claims_by_month, read.figures_by_month(store, f)),
        (charts.disputed_chart, read.disputed(store, f)),
        (charts.actor_bars, read.actors_by_type(store, f)),
        (charts.actor_timeline, read.actor_timeline(store, f)),
        (charts.cooccurrence, read.cooccurrence(store, f)),
        (lambda d: charts.map_chart(d, "casualty_claims"), read.place_points(store, f)),
    ]
    for build, df in cases:
        assert not df.empty
        for data in (df, df.iloc[0:0]):
            spec = build(data).to_dict()  # validates against the Vega-Lite schema
            assert "$schema" in spec


def test_claims_chart_keeps_every_claim(store):
    ledger = read.figures_ledger(store, Filters())
    spec = charts.claims_chart(ledger).to_dict()
    assert max(len(v) for v in spec["datasets"].values()) == len(ledger) == 4


def test_disputed_wide_puts_claims_in_columns(store):
    wide = charts.disputed_wide(read.disputed(store, Filters()))
    assert len(wide) == 1
    row = wide.iloc[0]
    assert row["claims"] == 2 and row["lowest"] == 7 and row["highest"] == 15
    assert row["claim 1"].startswith("7 — Azerbaijan") and row["claim 2"].startswith("15 — Armenia")
    assert list(charts.disputed_wide(pd.DataFrame()).columns)[:3] == ["event_date", "place", "category"]


def test_map_has_a_click_selection_and_accepts_a_region_layer(store):
    pts = read.place_points(store, Filters())
    layer = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {
        "region": "r", "label": "R", "mentions": 3}, "geometry": {"type": "Polygon", "coordinates": [
            [[46, 39], [47, 39], [47, 40], [46, 40], [46, 39]]]}}]}
    spec = charts.map_chart(pts, "mentions", regions=layer).to_dict()
    params = spec.get("params", []) + [p for lay in spec["layer"] for p in lay.get("params", [])]
    assert any(p.get("name") == charts.PLACE_SELECTION for p in params)
    assert len(spec["layer"]) == 2  # shaded regions under the points
    with pytest.raises(ValueError, match="measure must be one of"):
        charts.map_chart(pts, "colour")


def test_reader_escapes_markup_and_highlights_mentions():
    text = SCRIPT_TEXT
    s = text.index("Baku")
    r = text.index("Russia")
    mentions = pd.DataFrame([
        {"label": "actor", "start": s, "end": s + 4, "surface": "Baku", "detail": "Azerbaijan · state"},
        {"label": "place", "start": s, "end": s + 2, "surface": "Ba", "detail": "overlap dropped"},
        {"label": "actor", "start": r, "end": r + 6, "surface": "Russia", "detail": '"><script>'},
    ])
    out = render.highlight(text, mentions)
    assert "<script>" not in out and "<b>" not in out
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in out
    assert out.count("<mark") == 2 and render.COLOURS["actor"] in out
    assert 'title="actor: &quot;&gt;&lt;script&gt;"' in out
    assert "place" in render.legend({"place": 2}) and "(2)" in render.legend({"place": 2})


def test_reader_survives_bad_offsets():
    out = render.highlight("abc", [{"label": "date", "start": 2, "end": 10}, {"label": "date", "start": 1, "end": 2}])
    assert out.count("<mark") == 1 and ">b</mark>" in out


def test_png_export_renders_offline(store):
    from dashboard.ui import png_bytes

    from dashboard import queries

    pts = read.place_points(store, Filters())
    png = png_bytes(charts.map_chart(pts, "mentions", base=queries.base_map()))
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    assert png_bytes(charts.claims_chart(read.figures_ledger(store, Filters())))[:4] == b"\x89PNG"


def test_claims_without_an_event_date_are_marked_as_dated_by_their_report(store):
    ledger = charts.with_bounds(read.figures_ledger(store, Filters()))
    marked = charts.with_dated_by(ledger)
    # "More than 6,500 people" (its own date 2020) and the others have event dates; a claim with
    # none is shown at its article's day, and says so
    assert set(marked["dated_by"]) <= {"event", charts.DATED_BY_REPORT}
    undated = ledger.assign(date_from_published=True)
    assert set(charts.with_dated_by(undated)["dated_by"]) == {charts.DATED_BY_REPORT}
    spec = charts.claims_chart(charts.with_dated_by(undated)).to_dict()
    assert "dated_by" in str(spec["layer"][1]["encoding"]["tooltip"])


def test_time_axes_say_the_year(store):
    ledger = read.figures_ledger(store, Filters())
    spec = charts.claims_chart(ledger).to_dict()
    assert spec["layer"][1]["encoding"]["x"]["axis"]["format"] == "%b %Y"
