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
import numpy as np
import shapely
from shapely.geometry import mapping, shape

from geo.regions import LAYER_IDS, LAYERS_DIR

__all__ = ["base_map", "layer_features", "view_bounds", "DEFAULT_LAYERS", "DEFAULT_BOUNDS",
           "MAP_LAYERS", "STYLE"]

#: Layers a map may draw: the region layers, and the world's countries at 1:110m (a backdrop
#: for places beyond the Caucasus; not a region layer).
MAP_LAYERS = ("world", *LAYER_IDS)
#: Layers drawn by default (bottom to top).
DEFAULT_LAYERS = ("world", "countries", "border-buffers", "districts", "nagorno-karabakh",
                  "nakhchivan", "lachin-corridor", "border")
#: Default view: Armenia, Azerbaijan and their surroundings (lon0, lat0, lon1, lat1).
DEFAULT_BOUNDS = (43.3, 38.3, 50.7, 42.0)
#: Mark style per layer: geoshape properties (a colour may be a field encoding).
STYLE = {
    "world": dict(fill="#eeeeee", stroke="#a0a0a0", strokeWidth=0.5),
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
def _read_layer(layer: str) -> dict:
    """The committed GeoJSON of one layer, parsed once (shared: treat it as read-only)."""
    return json.loads((LAYERS_DIR / f"{layer}.geojson").read_text(encoding="utf-8"))


def _layer_clip(layer: str) -> tuple | None:
    """The ``(lon0, lat0, lon1, lat1)`` box a layer was cut to (its ``metadata.clip``), if any."""
    clip = (_read_layer(layer).get("metadata") or {}).get("clip")
    return tuple(clip) if clip else None


@functools.lru_cache(maxsize=None)
def layer_features(layer: str, tolerance_deg: float) -> tuple:
    """Features of one committed layer, simplified for display, as plain GeoJSON dicts.

    Exterior rings come out clockwise (what Vega needs). The result is cached and shared: treat
    it as read-only.
    """
    out = []
    for f in _read_layer(layer)["features"]:
        geom = shape(f["geometry"])
        if tolerance_deg > 0:
            geom = shapely.simplify(geom, tolerance_deg, preserve_topology=True)
        # d3-geo (Vega) reads a counter-clockwise ring as "the globe minus
        # this polygon": exteriors must be clockwise, the opposite of RFC 7946.
        geom = shapely.orient_polygons(geom, exterior_cw=True)
        out.append({"type": "Feature", "properties": dict(f["properties"]), "geometry": mapping(geom)})
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
    bad = [x for x in layers if x not in MAP_LAYERS]
    if bad:
        raise ValueError(f"layers must be chosen from {MAP_LAYERS}; got unknown {bad!r}")
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
        Layer ids from :data:`MAP_LAYERS`, drawn in the given order.
    bounds : tuple of float
        ``(lon0, lat0, lon1, lat1)``: the projection is fitted to this box and
        shapes outside it are clipped. Of ``world`` and ``countries``, only the
        precise ``countries`` is drawn inside the window it was cut to, only
        ``world`` beyond it.
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
    clip = _layer_clip("countries")
    if "world" in layers and "countries" in layers and clip:
        # one set of country outlines: the precise ones inside the box they were cut to, the
        # world's beyond it (else the box's straight edges show, or both outlines side by side)
        inside = clip[0] <= x0 and clip[1] <= y0 and x1 <= clip[2] and y1 <= clip[3]
        layers = tuple(lid for lid in layers if lid != ("world" if inside else "countries"))
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


def view_bounds(lon, lat, weight=None, share: float = 0.8, pad: float = 0.15,
                min_span: float = 2.0) -> tuple[float, float, float, float]:
    """The box a map of these points shows: :data:`DEFAULT_BOUNDS` (Armenia, Azerbaijan and
    their neighbours) when it holds at least ``share`` of the points' weight, else the box of
    the points' weighted 2.5-97.5 % quantiles (a story about Kherson, a corpus on Gaza), padded
    by ``pad`` of its span and at least ``min_span`` degrees wide and high.

    Parameters
    ----------
    lon, lat : array-like of float
        Point coordinates; missing ones are ignored.
    weight : array-like of float, optional
        What each point counts for (its mentions); 1 each by default.

    Returns
    -------
    tuple of float
        ``(lon0, lat0, lon1, lat1)``, as :func:`base_map` takes it.
    """
    x = np.asarray(lon, dtype=float)
    y = np.asarray(lat, dtype=float)
    if x.shape != y.shape:
        raise ValueError(f"lon and lat must have the same length; got {x.shape} and {y.shape}")
    w = np.ones_like(x) if weight is None else np.asarray(weight, dtype=float)
    if w.shape != x.shape:
        raise ValueError(f"weight must have one value per point; got {w.shape} for {x.shape}")
    ok = np.isfinite(x) & np.isfinite(y) & np.isfinite(w) & (w > 0)
    x, y, w = x[ok], y[ok], w[ok]
    if not len(x):
        return DEFAULT_BOUNDS
    x0, y0, x1, y1 = DEFAULT_BOUNDS
    inside = (x >= x0) & (x <= x1) & (y >= y0) & (y <= y1)
    if w[inside].sum() >= share * w.sum():
        return DEFAULT_BOUNDS

    def span(v):
        order = np.argsort(v)
        cum = np.cumsum(w[order]) / w.sum()
        lo = v[order][min(np.searchsorted(cum, 0.025), len(v) - 1)]
        hi = v[order][min(np.searchsorted(cum, 0.975), len(v) - 1)]
        extra = max((hi - lo) * pad, (min_span - (hi - lo)) / 2, 0.0)
        return lo - extra, hi + extra

    bx0, bx1 = span(x)
    by0, by1 = span(y)
    return (max(-180.0, float(bx0)), max(-80.0, float(by0)), min(180.0, float(bx1)), min(80.0, float(by1)))
