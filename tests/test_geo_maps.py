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
