"""Offline Altair base map of the committed region layers.

The layers are embedded in the chart (``alt.InlineData``), so it renders with
no network: in Streamlit, in a saved HTML file or with ``vl-convert``.

Examples
--------
>>> import altair as alt, pandas as pd
>>> from geo.maps import base_map
>>> pts = pd.DataFrame({"lat": [39.82], "lon": [46.75], "name": ["Khankendi"]})
>>> chart = base_map() + alt.Chart(pts).mark_circle(size=60).encode(
...     longitude="lon:Q", latitude="lat:Q", tooltip="name:N")
"""
from __future__ import annotations

import functools
import json

import altair as alt
import shapely
from shapely.geometry import mapping, shape

from geo.regions import LAYER_IDS, LAYERS_DIR

__all__ = ["base_map", "layer_features", "DEFAULT_LAYERS", "DEFAULT_BOUNDS", "STYLE"]

#: Layers drawn by default (bottom to top).
DEFAULT_LAYERS = ("countries", "border-buffers", "districts", "nagorno-karabakh",
                  "nakhchivan", "lachin-corridor", "border")
#: Default view: Armenia, Azerbaijan and their surroundings (lon0, lat0, lon1, lat1).
DEFAULT_BOUNDS = (43.3, 38.3, 50.7, 42.0)
#: Mark style per layer: geoshape properties (a colour may be a field encoding).
STYLE = {
    "countries": dict(fill="#eeeeee", stroke="#888888", strokeWidth=0.6),
    "am-marzes": dict(fill="#00000000", stroke="#b0b0b0", strokeWidth=0.4),
    "az-rayons": dict(fill="#00000000", stroke="#b0b0b0", strokeWidth=0.4),
    "border-buffers": dict(stroke=None, fillOpacity=0.35),
    "districts": dict(fill="#fde0c5", stroke="#d08c4d", strokeWidth=0.5, fillOpacity=0.8),
    "nagorno-karabakh": dict(fill="#f4a259", stroke="#a0522d", strokeWidth=1.0, fillOpacity=0.7),
    "nakhchivan": dict(fill="#cfe3f3", stroke="#5b8db8", strokeWidth=0.8),
    "lachin-corridor": dict(fill="#7b3294", stroke=None, fillOpacity=0.6),
    "border": dict(filled=False, stroke="#b2182b", strokeWidth=1.6),
}
_BUFFER_COLOURS = {"border-20km-am": "#fbe3e3", "border-20km-az": "#fbe3e3",
                   "border-5km-am": "#f4a6a6", "border-5km-az": "#f4a6a6"}


@functools.lru_cache(maxsize=None)
def layer_features(layer: str, tolerance_deg: float) -> tuple:
    """Features of one committed layer, simplified for display, as plain GeoJSON dicts.

    Exterior rings come out clockwise (what Vega needs). The result is cached and shared: treat
    it as read-only.
    """
    fc = json.loads((LAYERS_DIR / f"{layer}.geojson").read_text(encoding="utf-8"))
    out = []
    for f in fc["features"]:
        geom = shape(f["geometry"])
        if tolerance_deg > 0:
            geom = shapely.simplify(geom, tolerance_deg, preserve_topology=True)
        # d3-geo (Vega) reads a counter-clockwise ring as "the globe minus
        # this polygon": exteriors must be clockwise, the opposite of RFC 7946.
        geom = shapely.orient_polygons(geom, exterior_cw=True)
        out.append({"type": "Feature", "properties": f["properties"], "geometry": mapping(geom)})
    if layer == "border-buffers":
        # 20 km first, so the 5 km band is drawn on top of it.
        out.sort(key=lambda f: -f["properties"]["km"])
        for f in out:
            f["properties"]["colour"] = _BUFFER_COLOURS.get(f["properties"]["id"], "#f4a6a6")
    return tuple(out)


def _check(width, height, layers, bounds, tolerance_deg):
    for pname, val in (("width", width), ("height", height)):
        if not isinstance(val, int) or isinstance(val, bool) or val <= 0:
            raise ValueError(f"{pname} must be a positive int (pixels); got {val!r}")
    if isinstance(layers, str):
        raise TypeError(f"layers must be a sequence of layer ids, not a str; got {layers!r}")
    bad = [x for x in layers if x not in LAYER_IDS]
    if bad:
        raise ValueError(f"layers must be chosen from {LAYER_IDS}; got unknown {bad!r}")
    if len(bounds) != 4 or not (bounds[0] < bounds[2] and bounds[1] < bounds[3]):
        raise ValueError(f"bounds must be (lon0, lat0, lon1, lat1) with lon0 < lon1 and "
                         f"lat0 < lat1; got {bounds!r}")
    if tolerance_deg < 0:
        raise ValueError(f"tolerance_deg must be >= 0; got {tolerance_deg!r}")


def base_map(width: int = 700, height: int = 450, layers=DEFAULT_LAYERS,
             bounds=DEFAULT_BOUNDS, tolerance_deg: float = 0.002) -> alt.LayerChart:
    """Draw the region layers as an Altair layer chart.

    Parameters
    ----------
    width, height : int
        Size in pixels.
    layers : sequence of str
        Layer ids from :data:`geo.regions.LAYER_IDS`, drawn in the given order.
    bounds : tuple of float
        ``(lon0, lat0, lon1, lat1)``: the projection is fitted to this box and
        shapes outside it are clipped.
    tolerance_deg : float
        Display simplification in degrees (0.002 is about 200 m); 0 keeps
        the committed geometry.

    Returns
    -------
    altair.LayerChart
        Mercator map; add points with ``base_map() + alt.Chart(df).mark_circle()
        .encode(longitude="lon:Q", latitude="lat:Q")``: the added layer shares the
        projection.
    """
    layers = tuple(layers)
    _check(width, height, layers, tuple(bounds), tolerance_deg)
    x0, y0, x1, y1 = bounds
    # Fit to the corners as points: a polygon would bring ring-winding trouble.
    fit = {"type": "Feature", "properties": {},
           "geometry": {"type": "MultiPoint", "coordinates": [[x0, y0], [x1, y1], [x0, y1], [x1, y0]]}}
    charts = []
    for lid in layers:
        fc = {"type": "FeatureCollection", "features": list(layer_features(lid, float(tolerance_deg)))}
        # A FeatureCollection read through property="features" (not a
        # GeoDataFrame): each feature stays a GeoJSON object for geoshape.
        data = alt.InlineData(values=fc, format=alt.DataFormat(property="features", type="json"))
        style = dict(STYLE.get(lid, {}))
        mark = alt.Chart(data).mark_geoshape(clip=True, **style)
        enc = {"tooltip": [alt.Tooltip("properties.name:N", title=lid)]}
        if lid == "border-buffers":
            enc["fill"] = alt.Fill("properties.colour:N", scale=None)
        charts.append(mark.encode(**enc))
    return (alt.layer(*charts)
            .project(type="mercator", fit=fit)
            .properties(width=width, height=height))
