"""Gazetteer on the committed data: dual names, disambiguation, unknown names."""
import json
import subprocess
import sys
import time

import pytest

from geo import gazetteer
from geo.gazetteer import Place, lookup, names, normalize, resolve


@pytest.mark.parametrize("surface, display", [
    ("Stepanakert", "Khankendi"), ("Khankendi", "Khankendi"), ("Xankəndi", "Khankendi"),
    ("Shushi", "Shusha"), ("Shusha", "Shusha"), ("Şuşa", "Shusha"),
    ("Martakert", "Aghdara"), ("Aghdara", "Aghdara"),
    ("Martuni", "Khojavend"), ("Khojavend", "Khojavend"),
    ("Hadrut", "Hadrut"), ("Berdzor", "Lachin"), ("Lachin", "Lachin"),
    ("Karvachar", "Kalbajar"), ("Kalbajar", "Kalbajar"),
    ("Artsakh", "Nagorno-Karabakh"), ("Karabakh", "Nagorno-Karabakh"),
    ("Nagorny Karabakh", "Nagorno-Karabakh"), ("Upper Karabakh", "Nagorno-Karabakh"),
    ("nagorno karabakh", "Nagorno-Karabakh"), ("NAGORNO-KARABAKH", "Nagorno-Karabakh"),
    ("Kashatagh", "Lachin District"), ("Kubatly", "Qubadli"), ("USSR", "Soviet Union"),
])
def test_dual_names_resolve_to_one_display_name(surface, display):
    p = lookup(surface)
    assert p is not None and p.name == display
    # the other name is kept and searchable
    assert surface == p.name or normalize(surface) in {normalize(n) for n in p.other_names}


def test_both_names_give_the_same_place():
    assert lookup("Stepanakert") == lookup("Khankendi")
    assert lookup("Shushi") == lookup("Shusha")


@pytest.mark.parametrize("name, country, lat, lon", [
    ("Goris", "AM", 39.51, 46.34), ("Jermuk", "AM", 39.84, 45.67),
    ("Fuzuli", "AZ", 39.60, 47.15), ("Sotk", "AM", 40.20, 45.87),
    ("Kapan", "AM", 39.21, 46.41), ("Yerevan", "AM", 40.18, 44.51),
    ("Baku", "AZ", 40.38, 49.89), ("Tbilisi", "GE", 41.69, 44.83),
])
def test_disambiguation_prefers_the_conflict_and_larger_places(name, country, lat, lon):
    p = lookup(name)
    assert (p.country, round(p.lat, 1), round(p.lon, 1)) == (country, round(lat, 1), round(lon, 1))
    assert lookup(name, countries=("AM", "AZ")).country == country


def test_fuzuli_is_the_district_centre_not_the_village():
    p = lookup("Fuzuli", kind="city")
    assert p.lat == pytest.approx(39.60, abs=0.02)
    assert lookup("Fuzuli", kind="region").name == "Fuzuli District"


def test_preferred_countries_break_ties():
    assert lookup("Goris", countries=["GE"]).name == "Gori"
    assert lookup("Martuni", countries=["AM"]).country == "AM"
    assert lookup("Martuni", countries=["AZ"]).name == "Khojavend"


def test_kinds_and_countries():
    assert lookup("Armenia").kind == "country" and lookup("Armenia").country == "AM"
    assert lookup("Azerbaijan").country == "AZ"
    assert lookup("Armenia-Azerbaijan border").kind == "border"
    assert lookup("Lachin corridor").kind == "feature"
    assert lookup("Lake Sevan").kind == "feature"
    assert lookup("Syunik").kind == "region"
    assert lookup("Soviet Union").country == "SU"
    assert lookup("Lachin", kind="region").name == "Lachin District"


def test_case_and_diacritics_insensitive():
    assert lookup("gOrIs") == lookup("Goris")
    assert lookup("Naxçıvan") == lookup("naxcivan") == lookup("Nakhchivan")
    assert normalize("K'arvachar") == "karvachar"


def test_common_english_words_are_not_places():
    for word in ("Nice", "Reading", "Mobile", "the", "Van", "Batman", "Male", "Metro"):
        assert lookup(word) is None, word
    # capitals and million-cities keep their names
    assert lookup("Paris").country == "FR" and lookup("Moscow").country == "RU"


def test_every_rayon_is_a_region_entry_but_the_bare_name_is_the_town():
    assert lookup("Tovuz District").kind == "region"
    assert lookup("Gadabay Rayon").name == "Gadabay District"
    assert lookup("Tovuz").kind == "city"
    assert lookup("Khojaly District").kind == "region" and lookup("Khojaly").kind == "city"


def test_unknown_name():
    assert lookup("Nowhereville-on-Sea") is None
    p = resolve("Nowhereville-on-Sea")
    assert isinstance(p, Place) and p.lat is None and p.lon is None and p.source == "unknown"
    assert lookup("") is None


def test_argument_validation_names_the_parameter():
    with pytest.raises(ValueError, match="kind"):
        lookup("Goris", kind="town")
    with pytest.raises(ValueError, match="countries"):
        lookup("Goris", countries=["ARM"])
    with pytest.raises(TypeError, match="name"):
        lookup(None)


def test_names_cover_both_sides_and_are_unique():
    all_names = list(names())
    assert len(all_names) == len(set(all_names))
    for n in ("Stepanakert", "Khankendi", "Artsakh", "Berdzor", "Karvachar", "Martakert"):
        assert n in all_names


def test_place_is_frozen_and_serialisable():
    p = lookup("Shusha")
    with pytest.raises(Exception):
        p.name = "x"
    d = json.loads(json.dumps(p.to_dict()))
    assert set(d) == {"name", "other_names", "country", "kind", "lat", "lon",
                      "regions", "border_km", "source"}


def test_load_is_fast_in_a_fresh_process():
    code = ("import time; t=time.perf_counter(); import geo.gazetteer as g; "
            "g.lookup('Goris'); print(time.perf_counter()-t)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) < 0.5


def test_cli_locate():
    out = subprocess.run([sys.executable, "-m", "geo", "locate", "Stepanakert"],
                         capture_output=True, text=True, check=True)
    d = json.loads(out.stdout)
    assert d["name"] == "Khankendi" and "Stepanakert" in d["other_names"]
    out = subprocess.run([sys.executable, "-m", "geo", "locate", "Goris", "--country", "GE"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["country"] == "GE"
    out = subprocess.run([sys.executable, "-m", "geo", "locate", "Qwxzy"],
                         capture_output=True, text=True, check=True)
    assert json.loads(out.stdout)["lat"] is None


def test_stored_index_matches_normalize():
    idx = gazetteer._index()
    assert idx.by_name == gazetteer.build_index(idx.places)


# --------------------------------------------------------------- other wars the news follows
@pytest.mark.parametrize("surface, display, country", [
    ("Zaporizhzhia", "Zaporizhzhia", "UA"), ("Zaporozhye", "Zaporizhzhia", "UA"),
    ("Zaporizhzhya", "Zaporizhzhia", "UA"),  # GeoNames' own name stays searchable
    ("Kherson", "Kherson", "UA"),  # GeoNames gives it 66,000 people: listed, so kept
    ("Avdiivka", "Avdiivka", "UA"), ("Kiev", "Kyiv", "UA"), ("Odessa", "Odesa", "UA"),
    ("Khan Younis", "Khan Younis", "PS"), ("Khan Yunis", "Khan Younis", "PS"),
    ("Gaza City", "Gaza City", "PS"), ("Deir el-Balah", "Deir al-Balah", "PS"),
    ("Kobani", "Kobani", "SY"), ("El Geneina", "El Geneina", "SD"), ("Rangoon", "Yangon", "MM"),
])
def test_focus_country_places_answer_to_their_english_names(surface, display, country):
    p = lookup(surface, [country])
    assert p is not None and (p.name, p.country) == (display, country), p


def test_gaza_alone_stays_the_strip():
    assert lookup("Gaza").name == "Gaza Strip" and lookup("Gaza City").kind == "city"


def test_names_without_diacritics_are_searchable():
    # no English name is listed for these: the folded GeoNames name is enough
    for surface, country in (("Tartus", "SY"), ("Kandahar", "AF"), ("Samarra", "IQ")):
        p = lookup(surface, [country])
        assert p is not None and p.country == country and surface in p.other_names + (p.name,)


def test_small_towns_of_focus_countries_only():
    # a town of ~30,000 people is searchable in Ukraine (a focus country), not in France
    assert lookup("Bucha", ["UA"]).country == "UA"
    assert lookup("Sderot", ["IL"]).country == "IL"
    small_fr = [p for p in gazetteer.places() if p.country == "FR" and p.source.startswith("geonames")]
    assert small_fr and all(p.kind == "city" for p in small_fr)


def test_focus_towns_named_like_everyday_words_or_other_things_are_not_places():
    from data.extract import extract

    assert lookup("Chop") is None  # a Ukrainian town of 8,900
    assert lookup("Aung San") is None  # a Myanmar town, and a name of people
    # Syria's Douma ("Dūmā") is not searchable as "Duma", the Russian parliament in the news
    assert "Duma" not in set(names()) and lookup("Douma").country == "SY"
    assert extract("The State Duma voted on Tuesday.", "2024-01-05")["places"] == []


def test_focus_towns_never_take_a_name_of_the_caucasus():
    idx = gazetteer._index()
    core = {normalize(n) for p in idx.places if p.country in {"AM", "AZ", "GE"}
            for n in (p.name, *p.other_names)}
    small = [(p, o) for p, o in zip(idx.places, idx.order)
             if p.source.startswith("geonames") and p.country not in {"AM", "AZ", "GE"} and -o[2] < 100_000
             and p.country in {"UA", "RU", "PS", "IL", "SY", "SD"}]
    assert len(small) > 1000
    clash = [(p.name, n) for p, _ in small for n in (p.name, *p.other_names) if normalize(n) in core]
    assert clash == []


def test_yield_to_core_drops_shared_names_and_nameless_places():
    from geo.build_gazetteer import yield_to_core

    def rec(name, other, cc, pop, source="geonames:1"):
        return dict(name=name, other_names=list(other), country=cc, population=pop, source=source)
    out = yield_to_core([rec("Kalinino", ["Tashir"], "AM", 8000),
                         rec("Kalinino", [], "UA", 6000),
                         rec("Nova Tashir", ["Tashir", "Novyi"], "UA", 7000),
                         rec("Tashir", ["Kalinino", "Novyi Tashir"], "UA", 9000),
                         rec("Tashir", [], "RU", 150_000)])
    assert [(r["name"], r["country"], r["other_names"]) for r in out] == [
        ("Kalinino", "AM", ["Tashir"]), ("Nova Tashir", "UA", ["Novyi"]),
        ("Novyi Tashir", "UA", []), ("Tashir", "RU", [])]


def test_a_listed_english_name_beats_a_caucasus_alternate_name():
    from geo.build_gazetteer import yield_to_core

    def rec(name, other, cc, pop, english=()):
        return dict(name=name, other_names=list(other), country=cc, population=pop, source="geonames:1",
                    english=english)
    out = yield_to_core([rec("Varagavan", ["Axum", "Akhum"], "AM", 800),
                         rec("Axum", ["Aksum"], "ET", 66_000, english=("Axum", "Aksum")),
                         rec("Akhum", [], "UA", 500)])
    assert [(r["name"], r["country"], r["other_names"]) for r in out] == [
        ("Varagavan", "AM", ["Akhum"]), ("Axum", "ET", ["Aksum"])]
    assert (lookup("Axum").name, lookup("Axum").country) == ("Axum", "ET")
    assert lookup("Varagavan").country == "AM"


def test_english_names_file_errors_name_the_row(tmp_path, monkeypatch):
    from geo import build_gazetteer

    monkeypatch.setattr(build_gazetteer, "DATA", tmp_path)
    (tmp_path / "english_names.csv").write_text(
        "geonames_name,country,english_names,note\nOdesa,Ukraine,Odessa,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="english_names.csv: bad row .*Ukraine"):
        build_gazetteer.read_english_names()
    (tmp_path / "english_names.csv").write_text(
        "geonames_name,country,english_names,note\nOdesa,UA,Odessa,\nOdesa,UA,Odesa,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="listed twice"):
        build_gazetteer.read_english_names()
    (tmp_path / "focus_countries.csv").write_text("iso2,min_population,war\nUA,many,x\n", encoding="utf-8")
    with pytest.raises(ValueError, match="focus_countries.csv: bad row"):
        build_gazetteer.read_focus_countries()


def test_every_listed_english_name_is_searchable():
    import csv

    from geo.build_gazetteer import DATA
    with open(DATA / "english_names.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(r for r in fh if not r.startswith("#")))
    assert len(rows) > 50
    for r in rows:
        names_ = r["english_names"].split("|")
        # only a name a place of the Caucasus is shown under may be given up (an Armenian
        # village's alternate "Axum" is not: Ethiopia's Axum keeps it): the first name left is shown
        # (a listed place of the Caucasus itself, Tskhinvali, gives up none of its own names)
        given_up = [n for n in names_ if any(q.country in {"AM", "AZ", "GE"} and q.country != r["country"]
                                             and normalize(q.name) == normalize(n)
                                             for q in gazetteer.candidates(n))]
        for n in names_:
            p = lookup(n, [r["country"]])
            if n in given_up:
                continue
            assert p is not None and p.country == r["country"], n
            assert p.name == [m for m in names_ if m not in given_up][0], (n, p.name)


def test_committed_gazetteer_is_what_the_build_makes(tmp_path):
    """The committed file and the data files it comes from agree (rebuilt here, ~7 s)."""
    from geo import build_gazetteer

    build_gazetteer.build(tmp_path / "g.json")
    fresh = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    committed = json.loads(gazetteer.GAZETTEER_PATH.read_text(encoding="utf-8"))
    assert fresh["rows"] == committed["rows"] and fresh["index"] == committed["index"]


def _region_rows():
    import csv

    from geo.build_gazetteer import DATA
    with open(DATA / "region_names.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(r for r in fh if not r.startswith("#")))


def test_every_named_region_is_searchable_with_its_unit_words():
    rows = _region_rows()
    assert len(rows) > 150
    for r in rows:
        names_, units = r["names"].split("|"), r["units"].split("|")
        display = f"{names_[0]} {units[0]}"
        for n in names_:
            for u in units:
                for form in (f"{n} {u}", f"{n} {u.lower()}"):
                    p = lookup(form, [r["country"]])
                    assert p is not None and p.kind == "region" and p.country == r["country"], form
                    assert p.name in (display, names_[0]), (form, p.name)
        bare = lookup(names_[0], [r["country"]])
        if r["bare"] == "no":  # a town of that name, or nothing
            assert bare is None or bare.kind != "region" or bare.name != names_[0], names_[0]


@pytest.mark.parametrize("surface, display, kind, near", [
    ("Donetsk region", "Donetsk Oblast", "region", (48.0, 37.8)),
    ("Kursk Oblast", "Kursk Oblast", "region", (51.7, 36.2)),
    ("Kursk", "Kursk", "city", (51.7, 36.2)),  # the town keeps its own name
    ("Kherson", "Kherson", "city", (46.6, 32.6)),
    ("Tigray", "Tigray", "region", (13.6, 39.1)),
    ("Darfur", "Darfur", "region", (12.9, 24.5)),  # the mean of the five Darfur states' points
    ("Idlib province", "Idlib Governorate", "region", (35.8, 36.6)),
    ("Rakhine State", "Rakhine", "region", (19.4, 94.2)),
    ("Red Sea", "Red Sea", "feature", (20.0, 38.5)),  # the sea, not Sudan's Red Sea State
])
def test_regions_of_other_wars(surface, display, kind, near):
    p = lookup(surface)
    assert (p.name, p.kind) == (display, kind)
    assert abs(p.lat - near[0]) < 0.3 and abs(p.lon - near[1]) < 0.3


def test_region_names_file_errors_name_the_unit(tmp_path, monkeypatch):
    from geo import build_gazetteer

    monkeypatch.setattr(build_gazetteer, "DATA", tmp_path)
    (tmp_path / "focus_regions.csv").write_text(
        "ne_name,gn_name,country,lat,lon\nTigray,Tigray Region,ET,13.5,39.1\nParwan,Panjshir,AF,35.4,69.7\n"
        "Parwan,Parwan,AF,35.0,69.0\n", encoding="utf-8")
    header = "ne_name,country,names,units,bare\n"
    (tmp_path / "region_names.csv").write_text(header + "Tigre,ET,Tigray,Region,yes\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'Tigre' \\(ET\\) is not in focus_regions.csv"):
        build_gazetteer.read_focus_regions([])
    (tmp_path / "region_names.csv").write_text(header + "Parwan,AF,Parwan,Province,no\n", encoding="utf-8")
    with pytest.raises(ValueError, match="more than once"):
        build_gazetteer.read_focus_regions([])
    (tmp_path / "region_names.csv").write_text(header + "Tigray,ET,Tigray,Region,maybe\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad row"):
        build_gazetteer.read_focus_regions([])
    # a bare name another place bears stays that place's; the gn_name is a key too
    (tmp_path / "region_names.csv").write_text(header + "Tigray,ET,Tigray,Region,yes\n"
                                               "Panjshir,AF,Panjshir,Province,yes\n", encoding="utf-8")
    town = {"name": "Panjshir", "other_names": []}
    got = build_gazetteer.read_focus_regions([town])
    assert [(r["name"], r["other_names"], r["lat"]) for r in got] == [
        ("Tigray", ["Tigray Region"], 13.5), ("Panjshir Province", [], 35.4)]


@pytest.mark.parametrize("surface, display, country", [
    # a name the curated places give a region is not a town's through GeoNames' alternate names
    ("Zangezur", "Syunik", "AM"),
    ("Nakhchivan", "Nakhchivan", "AZ"),
    # Azerbaijan's economic regions of 2021
    ("East Zangezur", "East Zangezur economic region", "AZ"),
    ("Karabakh economic region", "Karabakh economic region", "AZ"),
])
def test_curated_names_stay_with_their_place(surface, display, country):
    p = lookup(surface)
    assert (p.name, p.country, p.kind) == (display, country, "region")


def test_a_geonames_twin_hands_over_only_names_no_curated_place_bears():
    from geo.build_gazetteer import merge

    def rec(name, other, kind, lat, lon, source):
        return dict(name=name, other_names=list(other), country="AM", kind=kind, lat=lat, lon=lon,
                    source=source, population=0, rank=0, layer="")

    region = rec("Syunik", ["Zangezur"], "region", 39.4, 46.15, "curated")
    town = rec("Kapan", ["Ghapan"], "city", 39.2076, 46.4068, "curated")
    twin = rec("Kapan", ["Zangezur", "Kafan"], "city", 39.2080, 46.4070, "geonames:1")
    merged = merge([region, town], [twin])
    assert len(merged) == 2
    assert merged[1]["other_names"] == ["Ghapan", "Kafan"]
