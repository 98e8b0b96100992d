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
    # the point lands inside Nagorno-Karabakh: black pixels exist
    assert ((img < 40).all(axis=2)).sum() > 20


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
