"""The offline base map renders to a non-blank PNG."""
import io

import altair as alt
import numpy as np
import pandas as pd
import pytest
import vl_convert as vlc
from PIL import Image

from geo.maps import DEFAULT_LAYERS, base_map


def _png(chart) -> np.ndarray:
    png = vlc.vegalite_to_png(chart.to_json(), scale=1)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_base_map_renders_layers_and_points():
    pts = pd.DataFrame({"lat": [39.8177], "lon": [46.7528]})
    chart = base_map(width=400, height=260) + alt.Chart(pts).mark_circle(
        size=200, color="#000000", opacity=1).encode(longitude="lon:Q", latitude="lat:Q")
    img = _png(chart)
    assert img.shape[1] >= 400 and img.shape[0] >= 260
    nonwhite = (img < 245).any(axis=2).mean()
    assert nonwhite > 0.5  # the view is filled by countries, not a dot in a blank page
    colours = {tuple(c) for c in img.reshape(-1, 3)[::7]}
    assert len(colours) > 20
    # Nagorno-Karabakh's orange (#f4a259 at 0.7 opacity over grey) is drawn
    orange = (np.abs(img.astype(int) - [242, 185, 133]).sum(axis=2) < 30).mean()
    assert orange > 0.005
    # the point (Khankendi) lands inside Nagorno-Karabakh's orange
    black = (img < 40).all(axis=2)
    assert black.sum() > 20
    oy, ox = np.nonzero(np.abs(img.astype(int) - [242, 185, 133]).sum(axis=2) < 30)
    by, bx = np.nonzero(black)
    assert oy.min() < by.mean() < oy.max() and ox.min() < bx.mean() < ox.max()


def test_points_with_their_own_mercator_projection_stay_aligned():
    # the dashboard's pattern: alt.layer(base, points.project(type="mercator"))
    pts = pd.DataFrame({"lat": [40.1776], "lon": [44.5126]})  # Yerevan: west of Nagorno-Karabakh
    points = alt.Chart(pts).mark_circle(size=200, color="#000000", opacity=1).encode(
        longitude="lon:Q", latitude="lat:Q").project(type="mercator")
    img = _png(alt.layer(base_map(width=400, height=260), points))
    by, bx = np.nonzero((img < 40).all(axis=2))
    ox = np.nonzero(np.abs(img.astype(int) - [242, 185, 133]).sum(axis=2) < 30)[1]
    assert len(bx) > 20 and bx.mean() < ox.min() and 0.15 * img.shape[1] < bx.mean()


def test_base_map_is_a_layer_chart_with_inline_data():
    chart = base_map(layers=("countries", "border"))
    assert isinstance(chart, alt.LayerChart) and len(chart.layer) == 2
    spec = chart.to_dict()
    assert spec["layer"][0]["data"]["format"] == {"property": "features", "type": "json"}
    assert "url" not in spec["layer"][0]["data"]  # offline: nothing fetched
    assert set(DEFAULT_LAYERS) >= {"countries", "nagorno-karabakh", "nakhchivan", "districts",
                                   "border", "border-buffers"}


def test_base_map_validates_arguments():
    with pytest.raises(ValueError, match="layers"):
        base_map(layers=("mars",))
    with pytest.raises(ValueError, match="width"):
        base_map(width=0)
    with pytest.raises(ValueError, match="bounds"):
        base_map(bounds=(50, 40, 40, 42))


def test_view_bounds_keep_the_caucasus_unless_most_mentions_lie_elsewhere():
    from geo.maps import DEFAULT_BOUNDS, view_bounds

    assert view_bounds([46.75, 44.51], [39.82, 40.18]) == DEFAULT_BOUNDS
    assert view_bounds([], []) == DEFAULT_BOUNDS
    # a few mentions of Moscow do not move the view ...
    assert view_bounds([46.75, 37.62], [39.82, 55.75], [9, 1]) == DEFAULT_BOUNDS
    # ... a corpus on Kherson and Zaporizhzhia does, and keeps the Caucasus it also names
    x0, y0, x1, y1 = view_bounds([32.61, 35.12, 46.75], [46.64, 47.85, 39.82], [10, 5, 1])
    assert x0 < 32.61 and x1 > 46.75 and y0 < 39.82 and y1 > 47.85
    # one place: a box of at least two degrees around it
    x0, y0, x1, y1 = view_bounds([34.47], [31.50])
    assert (round(x1 - x0, 6), round(y1 - y0, 6)) == (2.0, 2.0) and x0 < 34.47 < x1
    with pytest.raises(ValueError, match="same length"):
        view_bounds([1, 2], [3])
    with pytest.raises(ValueError, match="weight"):
        view_bounds([1, 2], [3, 4], [1])


def test_a_map_fitted_to_gaza_draws_the_world_outlines_and_clips_the_caucasus():
    from geo.maps import view_bounds

    pts = pd.DataFrame({"lat": [31.50, 39.82], "lon": [34.47, 46.75]})  # Gaza City, Khankendi
    bounds = view_bounds(pts["lon"], pts["lat"], [20, 1])
    points = alt.Chart(pts).mark_circle(size=200, color="#000000", opacity=1, clip=True).encode(
        longitude="lon:Q", latitude="lat:Q").project(type="mercator")
    img = _png(alt.layer(base_map(width=400, height=260, bounds=bounds), points))
    assert (img < 245).any(axis=2).mean() > 0.3  # coasts and countries, not a blank page
    by, bx = np.nonzero((img < 40).all(axis=2))
    # one dot, Gaza's, in the middle of the view; Khankendi lies outside it and is not drawn
    assert 20 < len(bx) < 400
    assert 0.3 * img.shape[1] < bx.mean() < 0.7 * img.shape[1]


def test_world_layer_is_a_backdrop_not_a_region_layer():
    import json

    import shapely

    from geo.regions import LAYER_IDS, LAYERS_DIR, region_shapes

    fc = json.loads((LAYERS_DIR / "world.geojson").read_text(encoding="utf-8"))
    ids = [f["properties"]["id"] for f in fc["features"]]
    assert len(ids) == len(set(ids)) > 150 and {"UA", "PS", "IL", "SD", "AM", "AZ"} <= set(ids)
    for f in fc["features"]:
        g = shapely.geometry.shape(f["geometry"])
        assert g.is_valid and -180 <= g.bounds[0] and g.bounds[2] <= 180
        for poly in getattr(g, "geoms", [g]):
            assert not poly.exterior.is_ccw, f["properties"]["id"]
    assert "world" not in LAYER_IDS
    # Armenia's region shape stays the precise outline of the countries layer
    assert abs(region_shapes()["AM"].area - 3.2) < 0.3


def test_one_set_of_country_outlines_per_view():
    def drawn(chart):
        return [lyr["encoding"]["tooltip"][0]["title"] for lyr in chart.to_dict()["layer"]]

    assert "countries" in drawn(base_map()) and "world" not in drawn(base_map())
    gaza = drawn(base_map(bounds=(33.4, 30.5, 35.5, 32.5)))
    assert "world" in gaza and "countries" not in gaza
