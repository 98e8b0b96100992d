"""Region layers (the committed files) and spatial assignment."""
import json
import subprocess
import sys
import time

import geopandas as gpd
import numpy as np
import pytest
import shapely
import shapely.geometry

from geo import regions
from geo.gazetteer import lookup
from geo.regions import COLUMNS, LAYER_IDS, assign, load_layers

METRIC = "EPSG:32638"


@pytest.fixture(scope="module")
def layers():
    return {k: v.to_crs(METRIC) for k, v in load_layers().items()}


def _area(layers, layer, fid):
    g = layers[layer].set_index("id").geometry
    return g[fid].area / 1e6


def test_every_layer_is_valid_wgs84_with_ids(layers):
    for lid in LAYER_IDS:
        raw = load_layers()[lid]
        assert raw.crs.to_epsg() == 4326
        assert len(raw) > 0 and raw["id"].is_unique, lid
        assert raw.geometry.is_valid.all(), lid
        assert not raw.geometry.is_empty.any(), lid


def test_polygon_exteriors_are_clockwise_for_vega():
    # Vega/d3 fill a counter-clockwise ring as "the globe minus the polygon";
    # the dashboard draws these files directly.
    for lid in LAYER_IDS:
        fc = json.loads((regions.LAYERS_DIR / f"{lid}.geojson").read_text(encoding="utf-8"))
        for f in fc["features"]:
            g = shapely.geometry.shape(f["geometry"])
            for poly in getattr(g, "geoms", [g]):
                if poly.geom_type == "Polygon":
                    assert not poly.exterior.is_ccw, (lid, f["properties"]["id"])


def test_committed_layers_are_small():
    total = sum((regions.LAYERS_DIR / f"{lid}.geojson").stat().st_size for lid in LAYER_IDS)
    assert total < 5_000_000


def test_countries_present(layers):
    ids = set(layers["countries"]["id"])
    assert {"AM", "AZ", "GE", "IR", "TR", "RU"} <= ids
    assert 29_000 < _area(layers, "countries", "AM") < 30_500
    assert 84_000 < _area(layers, "countries", "AZ") < 88_000
    # Azerbaijan includes Nakhchivan: the exclave lies inside its outline
    az = layers["countries"].set_index("id").geometry["AZ"]
    nakh = layers["nakhchivan"].geometry.iloc[0]
    assert nakh.difference(az).area / nakh.area < 0.001


def test_armenia_and_azerbaijan_do_not_overlap(layers):
    c = layers["countries"].set_index("id").geometry
    assert c["AM"].intersection(c["AZ"]).area / 1e6 < 0.5
    # neither do AM/AZ and the neighbours beyond a sliver
    both = c["AM"].union(c["AZ"])
    for cc in ("GE", "IR", "TR", "RU"):
        assert c[cc].intersection(both).area / 1e6 < 1.0, cc


def test_nagorno_karabakh_area_and_position(layers):
    assert 4_200 < _area(layers, "nagorno-karabakh", "nagorno-karabakh") < 4_500
    az = layers["countries"].set_index("id").geometry["AZ"]
    nk = layers["nagorno-karabakh"].geometry.iloc[0]
    assert nk.difference(az).area / nk.area < 0.001


def test_nakhchivan_and_seven_districts(layers):
    assert 5_000 < _area(layers, "nakhchivan", "nakhchivan") < 5_600
    d = layers["districts"].set_index("id").geometry
    assert set(d.index) == {"kalbajar", "lachin", "qubadli", "zangilan", "jabrayil", "fuzuli", "agdam"}
    expected = {"kalbajar": 1936, "lachin": 1835, "qubadli": 802, "zangilan": 707,
                "jabrayil": 1050, "fuzuli": 1386, "agdam": 1094}  # official km2, Soviet rayons
    for fid, official in expected.items():
        assert 0.75 * official < d[fid].area / 1e6 < 1.2 * official, fid
    nk = layers["nagorno-karabakh"].geometry.iloc[0]
    for fid, g in d.items():
        assert g.intersection(nk).area / 1e6 < 1.0, fid
    assert shapely.union_all(list(d)).area == pytest.approx(sum(g.area for g in d), rel=1e-3)


def test_admin_units_relabelled(layers):
    m = layers["am-marzes"].set_index("id")
    assert len(m) == 11 and 4_200 < m.geometry["am-syunik"].area / 1e6 < 4_700
    r = layers["az-rayons"].set_index("id")
    assert len(r) == 78
    assert r.loc["az-lachin", "name"] == "Lachin"     # Natural Earth says "Lankaran"
    assert r.geometry["az-khojaly"].area > 20 * r.geometry["az-khankendi"].area  # swap fixed
    assert "Lankaran" not in set(r.loc[r.index != "az-lankaran", "name"]) - {"Lankaran City"}


def test_border_length_and_buffers(layers):
    line = layers["border"].geometry.iloc[0]
    assert 900 < line.length / 1e3 < 960  # OSM-derived ~929 km, not Natural Earth's 755
    b = layers["border-buffers"].set_index("id").geometry
    assert set(b.index) == {"border-5km-am", "border-5km-az", "border-20km-am", "border-20km-az"}
    for side in ("am", "az"):
        five, twenty = b[f"border-5km-{side}"], b[f"border-20km-{side}"]
        # one side of a ~926 km line, 5 km wide: roughly 4,600 km2, less at the bends
        assert 3_000 < five.area / 1e6 < 4_700
        assert twenty.area > 3 * five.area
        assert five.difference(twenty).area / 1e6 < 0.5


def test_lachin_corridor_is_labelled_an_approximation(layers):
    c = load_layers()["lachin-corridor"].iloc[0]
    assert "approximation" in c["name"].lower()
    assert 20 < _area(layers, "lachin-corridor", "lachin-corridor") < 150


def _at(name, country=None):
    p = lookup(name, countries=(country,) if country else ())
    return assign([p.lat], [p.lon]).iloc[0]


@pytest.mark.parametrize("name", ["Khankendi", "Shusha", "Martakert", "Hadrut"])
def test_towns_inside_nagorno_karabakh(name):
    assert "nagorno-karabakh" in _at(name)["regions"]


def test_lachin_and_agdam():
    lachin = _at("Lachin")
    assert "lachin" in lachin["regions"] and "nagorno-karabakh" not in lachin["regions"]
    assert "lachin-corridor" in lachin["regions"]
    agdam = _at("Agdam")
    assert "agdam" in agdam["regions"] and "nagorno-karabakh" not in agdam["regions"]
    assert "kalbajar" in _at("Kalbajar")["regions"]


@pytest.mark.parametrize("name", ["Sotk", "Goris", "Jermuk", "Kapan"])
def test_armenian_border_towns_within_15_km(name):
    row = _at(name)
    assert row["country"] == "AM" and row["border_km"] < 15


def test_far_from_the_border():
    assert _at("Yerevan")["border_km"] > 40
    assert _at("Baku")["border_km"] > 250
    assert "nakhchivan" in _at("Nakhchivan City")["regions"]


def test_gazetteer_entries_carry_precomputed_regions():
    p = lookup("Stepanakert")
    assert "nagorno-karabakh" in p.regions and p.border_km == pytest.approx(
        assign([p.lat], [p.lon]).iloc[0]["border_km"], abs=0.01)
    assert "lachin" in lookup("Berdzor").regions


def test_areas_and_lines_lie_in_the_regions_holding_most_of_them_not_where_their_point_falls():
    # A country's point lies in one province; an area's in one of its parts. A region filter
    # for that province must not take in every article that names the country.
    assert lookup("Armenia").regions == () and lookup("Azerbaijan").regions == ()
    assert lookup("Nagorno-Karabakh").regions == ("nagorno-karabakh",)  # not Khankendi's rayon
    border = lookup("Armenia-Azerbaijan border").regions
    assert {"am-az-border", "border-5km-am", "border-5km-az", "border-20km-am", "border-20km-az"} <= set(border)
    assert not {"kalbajar", "am-vayots-dzor", "az-kalbajar"} & set(border)
    assert "am-syunik" in lookup("Goris").regions  # a town keeps the regions of its point


def test_mostly_within_measures_area_or_length():
    from geo.build_gazetteer import _mostly_within
    box = shapely.geometry.box
    assert _mostly_within(box(0, 0, 1, 1), box(0, 0, 0.6, 1))
    assert not _mostly_within(box(0, 0, 1, 1), box(0, 0, 0.4, 1))
    line = shapely.geometry.LineString([(0, 0), (1, 0)])
    assert _mostly_within(line, box(0, 0, 0.7, 1))  # on the region's edge: counted inside
    assert not _mostly_within(line, box(0.7, 0, 2, 1))
    assert not _mostly_within(box(5, 5, 6, 6), box(0, 0, 1, 1))


def test_empty_input_gives_empty_frame_with_the_columns():
    df = assign([], [])
    assert list(df.columns) == COLUMNS and len(df) == 0
    import pandas as pd
    df2 = assign(pd.DataFrame({"lat": [], "lon": []}))
    assert list(df2.columns) == COLUMNS and len(df2) == 0


def test_missing_coordinates_and_input_forms():
    df = assign([np.nan, 40.1776], [np.nan, 44.5126])
    assert df.loc[0, "regions"] == [] and np.isnan(df.loc[0, "border_km"])
    assert df.loc[1, "country"] == "AM"
    twice = assign([40.1776, 40.1776], [44.5126, 44.5126])
    twice.loc[0, "regions"].append("changed")
    assert twice.loc[1, "regions"] == ["am-yerevan"]  # rows do not share one list
    pairs = assign([(40.1776, 44.5126)])
    assert pairs.loc[0, "border_km"] == pytest.approx(df.loc[1, "border_km"])


def test_argument_validation():
    with pytest.raises(ValueError, match="same length"):
        assign([1.0, 2.0], [1.0])
    with pytest.raises(ValueError, match="lats"):
        assign([95.0], [40.0])
    with pytest.raises(ValueError, match="lons"):
        assign([40.0], [200.0])
    with pytest.raises(ValueError, match="layer"):
        regions.to_geojson("nowhere")


def test_vectorised_speed():
    assign([40.0], [45.0])  # build the index once
    rng = np.random.default_rng(1)
    n = 100_000
    t = time.perf_counter()
    df = assign(rng.uniform(38.3, 41.9, n), rng.uniform(43.4, 50.5, n))
    elapsed = time.perf_counter() - t
    # ~0.8 s on an idle machine (1M points: ~8 s); a per-point loop takes minutes
    assert len(df) == n and elapsed < 10
    assert (df["country"] == "AM").mean() > 0.05


def test_cli_regions():
    out = subprocess.run([sys.executable, "-m", "geo", "regions", "--layer", "nagorno-karabakh"],
                         capture_output=True, text=True, check=True)
    fc = json.loads(out.stdout)
    assert fc["type"] == "FeatureCollection" and fc["features"][0]["properties"]["id"] == "nagorno-karabakh"
    out = subprocess.run([sys.executable, "-m", "geo", "regions"], capture_output=True, text=True, check=True)
    assert {f["properties"]["layer"] for f in json.loads(out.stdout)["features"]} == set(LAYER_IDS)
    bad = subprocess.run([sys.executable, "-m", "geo", "regions", "--layer", "x"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "layer must be one of" in bad.stderr


def test_curated_areas_sit_inside_their_own_layer():
    import csv
    from geo.build_gazetteer import DATA
    with open(DATA / "places.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["layer"]]
    assert len(rows) >= 20
    for r in rows:
        p = lookup(r["name"], kind=r["kind"])
        assert p is not None and p.name == r["name"], r["name"]
        if r["kind"] != "border":
            assert r["layer"] in p.regions, (r["name"], p.regions)
        else:
            assert p.border_km < 0.1
