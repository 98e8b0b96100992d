"""Region layers and vectorised point assignment.

The layers are the committed GeoJSON files under ``geo/layers/`` (EPSG:4326,
see ``geo/layers/SOURCES.md``).  :func:`assign` tells, for many points at
once, which regions contain each point, in which country it lies and how far
it is from the Armenia-Azerbaijan border.

Examples
--------
>>> from geo.regions import assign
>>> df = assign([39.8177], [46.7528])          # Stepanakert / Khankendi
>>> df.loc[0, "regions"][:1]
['nagorno-karabakh']
"""
from __future__ import annotations

import functools
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

__all__ = ["LAYER_IDS", "REGION_LAYERS", "load_layers", "region_shapes", "assign",
           "to_geojson", "COLUMNS"]

LAYERS_DIR = Path(__file__).resolve().parent / "layers"
METRIC = "EPSG:32638"  # UTM 38N: metres; distortion < 0.1 % over the South Caucasus
#: Every committed layer, in drawing order.
LAYER_IDS = ("countries", "am-marzes", "az-rayons", "nagorno-karabakh", "nakhchivan",
             "districts", "lachin-corridor", "border-buffers", "border")
#: Polygon layers whose feature ids make up ``regions`` (in this order).
REGION_LAYERS = ("nagorno-karabakh", "nakhchivan", "districts", "lachin-corridor",
                 "am-marzes", "az-rayons", "border-buffers")
#: Columns of the frame returned by :func:`assign`.
COLUMNS = ["lat", "lon", "country", "regions", "border_km"]


def _check_layer(layer: str) -> None:
    if layer not in LAYER_IDS:
        raise ValueError(f"layer must be one of {LAYER_IDS}; got {layer!r}")


@functools.lru_cache(maxsize=1)
def load_layers() -> dict[str, gpd.GeoDataFrame]:
    """Read every committed layer.

    Returns
    -------
    dict of str to GeoDataFrame
        Layer id to its features (EPSG:4326), each with an ``id`` column.

    Raises
    ------
    FileNotFoundError
        When a layer file is missing (run ``python -m geo build``).
    """
    out = {}
    for lid in LAYER_IDS:
        path = LAYERS_DIR / f"{lid}.geojson"
        if not path.exists():
            raise FileNotFoundError(f"missing layer {path}; regenerate with `python -m geo build`")
        out[lid] = gpd.read_file(path).set_crs(4326, allow_override=True)
    return out


def region_shapes(layers: dict | None = None) -> dict:
    """Map every feature id (regions, countries, the border) to its geometry."""
    layers = load_layers() if layers is None else layers
    shapes = {}
    for lid in LAYER_IDS:
        for fid, geom in zip(layers[lid]["id"], layers[lid].geometry):
            shapes[fid] = geom
    return shapes


@functools.lru_cache(maxsize=1)
def _metric_index():
    """Regions, countries and border segments in metres, built once."""
    layers = load_layers()
    regs = []
    for order, lid in enumerate(REGION_LAYERS):
        g = layers[lid][["id", "geometry"]].copy()
        g["order"] = order
        regs.append(g)
    regs = gpd.GeoDataFrame(pd.concat(regs, ignore_index=True), crs=4326).to_crs(METRIC)
    countries = layers["countries"][["id", "geometry"]].to_crs(METRIC)
    border = layers["border"].to_crs(METRIC).geometry.union_all()
    # The border as many short segments in an STRtree: nearest-segment queries
    # are logarithmic, where a plain distance to the whole line is linear in
    # its vertices for every point.
    coords = [np.asarray(line.coords) for line in getattr(border, "geoms", [border])]
    segs = shapely.linestrings(np.concatenate(
        [np.stack([c[:-1], c[1:]], axis=1) for c in coords]))
    reg_tiles, reg_of = _tile(regs.geometry.values, 10_000.0)
    cty_tiles, cty_of = _tile(countries.geometry.values, 20_000.0)
    return {
        "reg_tree": shapely.STRtree(reg_tiles), "reg_of": reg_of,
        "reg_id": regs["id"].to_numpy(), "reg_order": regs["order"].to_numpy(),
        "cty_tree": shapely.STRtree(cty_tiles), "cty_of": cty_of,
        "cty_id": countries["id"].to_numpy(), "border_tree": shapely.STRtree(segs),
    }


def _tile(geoms, size: float):
    """Cut polygons into grid tiles of ``size`` metres.

    Point-in-polygon against a country with 10,000 vertices is slow even in
    an STRtree; against its small tiles it is ~50 times faster.  Returns the
    tiles and, for each, the index of the polygon it came from.
    """
    tiles, owner = [], []
    for i, geom in enumerate(geoms):
        x0, y0, x1, y1 = geom.bounds
        xs, ys = np.arange(x0, x1 + size, size), np.arange(y0, y1 + size, size)
        gx, gy = np.meshgrid(xs[:-1], ys[:-1])
        boxes = shapely.box(gx.ravel(), gy.ravel(), gx.ravel() + size, gy.ravel() + size)
        boxes = boxes[shapely.STRtree(boxes).query(geom, predicate="intersects")]
        parts = shapely.intersection(boxes, geom)
        parts = parts[~shapely.is_empty(parts)]
        tiles.append(parts)
        owner.append(np.full(len(parts), i))
    return np.concatenate(tiles), np.concatenate(owner)


def _coerce(lats, lons):
    if lons is None:
        if isinstance(lats, pd.DataFrame):
            missing = {"lat", "lon"} - set(lats.columns)
            if missing:
                raise ValueError(f"points must have columns 'lat' and 'lon'; missing {sorted(missing)}")
            lats, lons = lats["lat"].to_numpy(), lats["lon"].to_numpy()
        else:
            pairs = np.asarray(list(lats), dtype=float).reshape(-1, 2)
            lats, lons = pairs[:, 0], pairs[:, 1]
    lat = np.asarray(lats, dtype=float).ravel()
    lon = np.asarray(lons, dtype=float).ravel()
    if lat.shape != lon.shape:
        raise ValueError(f"lats and lons must have the same length; got {lat.size} and {lon.size}")
    bad = np.abs(lat) > 90
    if bad.any():
        raise ValueError(f"lats must be within [-90, 90]; got {lat[bad][:3].tolist()}")
    bad = np.abs(lon) > 180
    if bad.any():
        raise ValueError(f"lons must be within [-180, 180]; got {lon[bad][:3].tolist()}")
    return lat, lon


def assign(lats, lons=None) -> pd.DataFrame:
    """Regions, country and border distance for each point (vectorised).

    Parameters
    ----------
    lats : array_like or DataFrame
        Latitudes (WGS84); or, with ``lons`` None, a DataFrame with ``lat`` and
        ``lon`` columns or a sequence of ``(lat, lon)`` pairs.
    lons : array_like, optional
        Longitudes (WGS84), same length as ``lats``.  NaN coordinates are
        allowed and give no regions and a NaN distance.

    Returns
    -------
    DataFrame
        One row per point, columns :data:`COLUMNS`: ``country`` (ISO2 or None),
        ``regions`` (list of region ids, in :data:`REGION_LAYERS` order) and
        ``border_km`` (distance to the Armenia-Azerbaijan border, km).
        Empty input gives an empty frame with the same columns.
    """
    lat, lon = _coerce(lats, lons)
    n = lat.size
    out = pd.DataFrame({"lat": lat, "lon": lon})
    if n == 0:
        out["country"] = pd.Series(dtype=object)
        out["regions"] = pd.Series(dtype=object)
        out["border_km"] = pd.Series(dtype=float)
        return out[COLUMNS]
    ok = np.isfinite(lat) & np.isfinite(lon)
    # Mentions repeat the same gazetteer points: work on each distinct point
    # once.  lat + i*lon is exact, and hashing it (factorize) beats sorting rows.
    codes, uniq = pd.factorize(lat[ok] + 1j * lon[ok])
    u_country, u_regions, u_dist = _assign_distinct(uniq.real, uniq.imag)
    country = np.full(n, None, dtype=object)
    country[ok] = u_country[codes]
    dist = np.full(n, np.nan)
    dist[ok] = u_dist[codes]
    full = np.full(n, len(u_regions))  # NaN rows point at the extra empty list
    full[ok] = codes
    u_regions.append([])
    regions = [u_regions[j].copy() for j in full.tolist()]  # rows must not share lists
    out["country"] = country
    out["regions"] = regions
    out["border_km"] = dist
    return out[COLUMNS]


def _assign_distinct(lat: np.ndarray, lon: np.ndarray):
    """Country, regions and border distance for finite points (arrays)."""
    ix = _metric_index()
    m = len(lat)
    country = np.full(m, None, dtype=object)
    regions: list[list[str]] = [[] for _ in range(m)]
    dist = np.full(m, np.nan)
    if m == 0:
        return country, regions, dist
    pts = gpd.GeoSeries(gpd.points_from_xy(lon, lat), crs=4326).to_crs(METRIC).values

    # Regions: one query of all points against all region tiles; a point on
    # a tile edge hits two tiles of one region, hence the unique().
    hit_pt, hit_tile = ix["reg_tree"].query(pts, predicate="intersects")
    hit_reg = ix["reg_of"][hit_tile]
    nreg = len(ix["reg_id"])
    pairs = np.unique(hit_pt.astype(np.int64) * nreg + hit_reg)
    hit_pt, hit_reg = pairs // nreg, pairs % nreg
    order = np.lexsort((ix["reg_id"][hit_reg], ix["reg_order"][hit_reg], hit_pt))
    hit_pt, hit_reg = hit_pt[order], hit_reg[order]
    ids = ix["reg_id"][hit_reg].tolist()
    bounds = np.searchsorted(hit_pt, np.arange(m + 1)).tolist()
    for k in range(m):
        if bounds[k + 1] > bounds[k]:
            regions[k] = ids[bounds[k]:bounds[k + 1]]

    c_pt, c_tile = ix["cty_tree"].query(pts, predicate="intersects")
    # A point on a shared edge matches two countries: keep the first.
    first = np.unique(c_pt, return_index=True)[1]
    country[c_pt[first]] = ix["cty_id"][ix["cty_of"][c_tile[first]]]

    nearest, d = ix["border_tree"].query_nearest(pts, return_distance=True, all_matches=False)
    dist[nearest[0]] = d / 1000.0
    return country, regions, dist


def to_geojson(layer: str | None = None) -> str:
    """Return one layer (or all, as one FeatureCollection) as GeoJSON text.

    Parameters
    ----------
    layer : str, optional
        One of :data:`LAYER_IDS`; None for every layer, each feature then
        carrying a ``layer`` property.
    """
    if layer is not None:
        _check_layer(layer)
        return (LAYERS_DIR / f"{layer}.geojson").read_text(encoding="utf-8")
    feats = []
    for lid in LAYER_IDS:
        fc = json.loads((LAYERS_DIR / f"{lid}.geojson").read_text(encoding="utf-8"))
        for f in fc["features"]:
            f["properties"]["layer"] = lid
            feats.append(f)
    return json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)
