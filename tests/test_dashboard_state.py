"""Filters <-> URL parameters and links (pure, no server)."""
from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import state
from data.store.filters import Filters


def test_round_trip_every_parameter():
    f = Filters(actors=("Armenia", "Russia"), date_from="2021-01-01", date_to="2021-12-31", date_field="event",
                regions=("nagorno-karabakh",), places=("Shusha",), categories=("killed",), sources=("AFP",))
    params = state.params_from_filters(f)
    assert params == {"actor": ["Armenia", "Russia"], "from": ["2021-01-01"], "to": ["2021-12-31"],
                      "dates": ["event"], "region": ["nagorno-karabakh"], "place": ["Shusha"],
                      "category": ["killed"], "source": ["AFP"]}
    back, problems = state.filters_from_params(params)
    assert back == f and problems == []


def test_link_is_the_url_contract():
    f = Filters(actors=("Armenia", "Russia"), date_from="2021-11-01")
    link = state.build_link("map", f, extra={"article": "abc"})
    parts = urlsplit(link)
    assert parts.path == "/map"
    assert parse_qs(parts.query) == {"actor": ["Armenia", "Russia"], "from": ["2021-11-01"], "article": ["abc"]}
    assert state.build_link("overview", Filters()) == "/"
    assert state.build_link(None, f, snapshot="Ab12") == "/?snapshot=Ab12"
    with pytest.raises(ValueError, match="page must be one of"):
        state.build_link("nope")


def test_bad_url_values_are_reported_not_raised():
    f, problems = state.filters_from_params({"from": "16/11/2021", "to": ["2021-02-30"], "dates": "ingest",
                                             "actor": ["", "Armenia"]})
    assert f == Filters(actors=("Armenia",))
    assert len(problems) == 3 and "from" in problems[0]
    f, problems = state.filters_from_params({"from": "2022-01-01", "to": "2021-01-01"})
    assert f.date_from is None and "after" in problems[0]


def test_snapshot_params_pin_the_version():
    f = Filters(actors=("Armenia",), version=3)
    params = state.snapshot_params(f)
    assert "version" not in params
    view = {"id": "x", "params": params, "version": 3, "page": "map"}
    assert state.filters_from_snapshot(view) == f
    assert state.url_params(f, snapshot="x", extra={"article": "a1"}) == {"snapshot": ["x"], "article": ["a1"]}


def test_widget_values_round_trip_and_swap_reversed_dates():
    f = Filters(actors=("Armenia",), date_from="2021-01-01", categories=("killed",), version=2)
    assert state.filters_from_widgets(state.widget_values(f), version=2) == f
    w = state.widget_values(Filters())
    w.update({"from": dt.date(2022, 1, 1), "to": dt.date(2021, 1, 1)})
    g = state.filters_from_widgets(w)
    assert (g.date_from, g.date_to) == ("2021-01-01", "2022-01-01")


def test_snapshot_ids_are_checked():
    assert state.valid_snapshot_id("aB3xY9")
    assert not state.valid_snapshot_id("../etc") and not state.valid_snapshot_id("")


def test_url_values_are_matched_to_the_data_s_names():
    from dashboard.state import match_values

    got, problems = match_values("actor", ["armenia", "Azerbaijan", "Nonexistent"], ["Armenia", "Azerbaijan"])
    assert got == ["Armenia", "Azerbaijan", "Nonexistent"]
    assert problems == ["no actor 'Nonexistent' in the data: it matches nothing (choose one from the sidebar list)"]
    got, problems = match_values("place", ["Stepanakert"], ["Khankendi"], {"Stepanakert": "Khankendi"})
    assert (got, problems) == (["Khankendi"], [])
    got, _ = match_values("region", ["Nagorno-Karabakh", "am az border"], ["nagorno-karabakh", "am-az-border"])
    assert got == ["nagorno-karabakh", "am-az-border"]


def test_leaving_the_page_mid_ingest_lets_the_write_finish_first():
    from streamlit.runtime.scriptrunner import StopException

    from dashboard.ui import WriteProgress

    class Bar:
        calls = 0

        def progress(self, value, text):
            Bar.calls += 1
            raise StopException()  # the user navigated away

    progress = WriteProgress(Bar(), "{done} of {total}")
    written = []
    for done in (1, 2, 3):  # the ingest goes on writing its batches
        progress(done, 3)
        written.append(done)
    assert written == [1, 2, 3] and Bar.calls == 1
    with pytest.raises(StopException):
        progress.stop_if_left()
    WriteProgress(type("Ok", (), {"progress": lambda self, v, text: None})(), "{done}").stop_if_left()
