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
