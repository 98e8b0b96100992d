"""Every page through Streamlit's AppTest: unfiltered, filtered, snapshot and empty store."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.store import Store, read
from data.store.filters import Filters
from tests.conftest_dashboard import LATE, add_version, build_store

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
PAGES = ["overview", "map", "casualties", "actors", "articles", "add"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("app") / "app.duckdb"
    build_store(path)
    return path


def run(monkeypatch, db_path, page="overview", params=None) -> AppTest:
    monkeypatch.setenv("CONFLICT_DB", str(db_path))
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in (params or {}).items():
        at.query_params[k] = v
    if page != "overview":
        at.switch_page(f"views/{page}.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def qp(at, key) -> list[str]:
    v = at.query_params.get(key)
    return [] if v is None else [v] if isinstance(v, str) else list(v)


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize("page", PAGES)
def test_every_page_unfiltered(monkeypatch, db, page):
    at = run(monkeypatch, db, page)
    assert at.title[0].value
    assert not at.warning, [w.value for w in at.warning]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_filtered(monkeypatch, db, page):
    params = {"actor": ["Azerbaijan"], "from": "2021-01-01", "to": "2021-12-31", "category": "killed"}
    at = run(monkeypatch, db, page, params)
    assert at.sidebar.multiselect(key="w_actor").value == ["Azerbaijan"]
    assert dict(at.query_params)["actor"] == "Azerbaijan"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_on_an_empty_store(monkeypatch, tmp_path, page):
    at = run(monkeypatch, tmp_path / "empty.duckdb", page, {"actor": "Armenia"})
    if page != "add":
        assert any("holds no articles" in i.value for i in at.info)


def test_overview_numbers_follow_the_url(monkeypatch, db):
    assert metrics(run(monkeypatch, db))["Articles"] == "5"
    at = run(monkeypatch, db, params={"actor": "Azerbaijan", "from": "2021-01-01", "to": "2021-12-31"})
    m = metrics(at)
    assert (m["Articles"], m["Figures"], m["Places"]) == ("1", "1", "1")
    # the publication span on a line of its own (as metrics, the dates were cut at laptop widths)
    assert any(c.value == "Published from 2021-11-17 to 2021-11-17" for c in at.caption)


def test_bad_url_values_warn_instead_of_failing(monkeypatch, db):
    at = run(monkeypatch, db, params={"from": "yesterday", "dates": "never"})
    assert len(at.warning) == 2
    assert metrics(at)["Articles"] == "5"


def test_changing_a_filter_rewrites_the_url(monkeypatch, db):
    at = run(monkeypatch, db)
    at.sidebar.multiselect(key="w_actor").select("Russia").run()
    assert qp(at, "actor") == ["Russia"]
    assert metrics(at)["Articles"] == "3"
    at.sidebar.multiselect(key="w_category").select("killed").run()
    assert qp(at, "category") == ["killed"] and metrics(at)["Articles"] == "1"


def test_casualties_show_bounds_and_disputed_claims(monkeypatch, db):
    at = run(monkeypatch, db, "casualties")
    tables = [t.value for t in at.dataframe]
    ledger = next(v for v in tables if "bounds" in v.columns)
    assert "> 6,500" in set(ledger["bounds"]) and "≥ 40" in set(ledger["bounds"])
    # the claim's own words beside its bounds, and "unattributed" as in the charts
    assert "More than 6,500 people" in set(ledger["words"])
    assert "unattributed" in set(ledger["side"]) and not ledger["side"].isna().any()
    wide = next(v for v in tables if "claim 1" in v.columns)
    assert len(wide) == 1 and wide.iloc[0]["claims"] == 2


def test_reader_escapes_article_html(monkeypatch, db):
    aid = read.article_list(Store(db), Filters(), "<script>").iloc[0]["id"]
    at = run(monkeypatch, db, "articles", {"article": aid})
    bodies = [h.proto.body for h in at.get("html")]
    text = next(b for b in bodies if "article-text" in b)
    assert "<script>" not in text and "&lt;script&gt;" in text and "<mark" in text
    assert any("legend" in b for b in bodies)
    assert qp(at, "article") == [aid]


def test_snapshot_reproduces_rows_after_more_ingests(monkeypatch, tmp_path):
    path = tmp_path / "snap.duckdb"
    store = build_store(path)
    v1 = store.current_version()
    view = store.save_view({"actor": ["Armenia"]}, "overview", "Armenia as of v1", version=v1)
    before = metrics(run(monkeypatch, path, params={"actor": "Armenia"}))
    add_version(store, [LATE])
    live = metrics(run(monkeypatch, path, params={"actor": "Armenia"}))
    assert int(live["Articles"]) == int(before["Articles"]) + 1
    at = run(monkeypatch, path, params={"snapshot": view})
    assert metrics(at) == before
    assert any("Newer data exists" in i.value for i in at.info)
    assert at.sidebar.multiselect(key="w_actor").disabled
    assert dict(at.query_params) == {"snapshot": view}


def test_unknown_snapshot_falls_back_to_live_data(monkeypatch, db):
    at = run(monkeypatch, db, params={"snapshot": "nosuchview"})
    assert any("not found" in w.value for w in at.warning)
    assert metrics(at)["Articles"] == "5"


def test_share_this_view_saves_a_snapshot(monkeypatch, tmp_path):
    path = tmp_path / "share.duckdb"
    build_store(path)
    at = run(monkeypatch, path, "casualties", {"actor": "Russia"})
    at.sidebar.text_input(key="w_share_title").input("my view")
    at.sidebar.button(key="w_share").click().run()
    code = next(c.value for c in at.sidebar.code)
    view_id = code.split("snapshot=")[1]
    view = Store(path).load_view(view_id)
    assert view["page"] == "casualties" and view["params"] == {"actor": ["Russia"]} and view["title"] == "my view"
    assert view["version"] == 1


def test_pasted_article_appears_without_restart(monkeypatch, tmp_path):
    path = tmp_path / "add.duckdb"
    build_store(path)
    at = run(monkeypatch, path, "add")
    at.text_area(key="add_text").input("Armenia and Azerbaijan traded fire near the border on Monday, "
                                       "officials in Yerevan said. Nobody was hurt.")
    at.text_input(key="add_title").input("Pasted report")
    next(b for b in at.button if b.label == "Add this article").click()
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    assert any("Loaded 1 new article" in s.value for s in at.success)
    assert Store(path).current_version() == 2
    at.switch_page("views/overview.py").run()
    assert metrics(at)["Articles"] == "6"


def test_map_of_a_corpus_on_another_war_is_fitted_to_its_places(monkeypatch, tmp_path):
    """A store of a Gaza story: the map's view is fitted to Gaza and Lebanon, not the Caucasus."""
    import json

    from data.pipeline import ingest

    src = tmp_path / "in"
    src.mkdir()
    (src / "gaza.txt").write_text(
        "Strikes hit Gaza\n\nOctober 29, 2024\n\nIsraeli airstrikes killed at least 42 Palestinians in "
        "Khan Younis and Rafah on Tuesday, Gaza's health ministry said. In Lebanon, strikes on Tyre "
        "killed 7 people, the Lebanese health ministry said.\n", encoding="utf-8")
    db = tmp_path / "g.duckdb"
    assert ingest([str(src)], Store(db)).failed == []
    at = run(monkeypatch, db, "map")
    (chart,) = at.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    corners = spec["layer"][0]["projection"]["fit"]["geometry"]["coordinates"]
    lons = [c[0] for c in corners]
    lats = [c[1] for c in corners]
    assert min(lons) < 34.3 < max(lons) and min(lats) < 31.3 < max(lats)  # Rafah inside
    assert max(lons) < 43.3  # the Caucasus view starts east of it
    titles = [lyr["encoding"]["tooltip"][0]["title"] for lyr in spec["layer"][0]["layer"]]
    assert titles[0] == "world" and "countries" not in titles


def test_url_values_are_matched_to_the_data_or_named(monkeypatch, db):
    # case and other place names are forgiven ("Shushi" is Shusha)
    at = run(monkeypatch, db, params={"actor": "azerbaijan", "place": "Shushi"})
    assert at.sidebar.multiselect(key="w_actor").value == ["Azerbaijan"]
    assert at.sidebar.multiselect(key="w_place").value == ["Shusha"]
    assert not at.warning, [w.value for w in at.warning]
    # a value the data lacks is named, not silently matched by nothing
    at = run(monkeypatch, db, params={"actor": "Nonexistent"})
    assert any("Nonexistent" in w.value for w in at.warning)


def test_a_map_with_no_places_shows_a_notice_not_an_error(monkeypatch, db):
    at = run(monkeypatch, db, "map", {"from": "2030-01-01"})  # (run() fails on any exception)
    assert any("located places" in w.value for w in at.warning)


def test_map_settings_are_in_the_url(monkeypatch, db):
    at = run(monkeypatch, db, "map")
    at.selectbox(key="map_measure").select("actor").run()
    assert qp(at, "measure") == ["actor"]
    at = run(monkeypatch, db, "map", {"measure": "actor", "shade": "casualty_claims"})
    assert at.selectbox(key="map_measure").value == "actor"
    assert at.selectbox(key="map_shade").value == "casualty_claims"


def test_a_shared_view_keeps_the_search_and_the_open_article(monkeypatch, tmp_path):
    path = tmp_path / "share2.duckdb"
    build_store(path)
    aid = read.article_list(Store(path), Filters(), "Shusha").iloc[0]["id"]
    at = run(monkeypatch, path, "articles", {"q": "Shusha", "article": aid})
    at.sidebar.button(key="w_share").click().run()
    view_id = next(c.value for c in at.sidebar.code).split("snapshot=")[1]
    assert Store(path).load_view(view_id)["params"] == {"q": ["Shusha"], "article": [aid]}
    at = run(monkeypatch, path, "articles", {"snapshot": view_id})
    assert at.text_input(key="art_q").value == "Shusha"
    assert qp(at, "article") == [aid]


def test_markdown_in_a_title_is_shown_as_text(monkeypatch, tmp_path):
    from tests.conftest_dashboard import _article

    path = tmp_path / "md.duckdb"
    build_store(path, [_article("Shelling resumed near the border on Monday.", title="Test [y](http://evil.example) *star*",
                                published="2022-01-03", publisher="Evil Times")])
    at = run(monkeypatch, path)
    shown = [m.value for m in at.markdown if "Test" in m.value]
    assert shown and all("](http://evil" not in v and "\\[y\\]" in v for v in shown), shown


def test_actor_types_read_as_words(monkeypatch, tmp_path):
    from tests.conftest_dashboard import _article

    path = tmp_path / "types.duckdb"
    build_store(path, [_article("Azerbaijani forces shelled the border on Monday.", title="Shelling",
                                published="2022-09-13", publisher="Reuters",
                                actors=[("Azerbaijani forces", "Armed Forces of Azerbaijan", "armed_force", "AZ", None)])])
    at = run(monkeypatch, path)
    assert at.sidebar.multiselect(key="w_types").options == ["armed force"]
    assert at.sidebar.multiselect(key="w_actor").options == ["Armed Forces of Azerbaijan (armed force)"]
