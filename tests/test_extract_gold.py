"""Extraction against the gold readings in ../shared/gold and on the whole sample corpus.

The seed must read exactly as its gold file says; every mention of every sample article must
satisfy ``text[start:end] == surface`` and the record schema of DESIGN.md.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from data.extract import extract, extract_article
from data.loaders import LoadError, load_path
from data.pipeline import iter_files

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_1208b3a624b14e63.txt"
GOLD = json.loads((SHARED / "gold" / "seed.json").read_text())
CASUALTY = {"killed", "wounded", "captured", "missing", "displaced", "refugees", "peacekeepers", "troops",
            "prisoners", "hostages"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

SCHEMA = {
    "places": {"start", "end", "surface", "name", "country", "kind", "lat", "lon", "regions", "border_km"},
    "figures": {"start", "end", "surface", "value", "low", "high", "qualifier", "category", "actor",
                "claimed_by", "date", "place"},
    "actors": {"start", "end", "surface", "name", "type", "country", "role"},
    "dates": {"start", "end", "surface", "date", "kind"},
    "quotes": {"start", "end", "speaker", "via"},
}
KINDS = {"country", "region", "city", "village", "feature", "border"}
QUALIFIERS = {"exact", "more_than", "over", "at_least", "nearly", "around", "up_to", "less_than", "range"}
CATEGORIES = CASUALTY | {"other"}
ACTOR_TYPES = {"state", "organisation", "armed_force", "armed_group", "person", "media", "international_org"}


def norm(s):
    return re.sub(r"\s+", " ", (s or "").replace("\u2019", "'")).strip().lower()


@pytest.fixture(scope="module")
def seed():
    items = list(load_path(SEED))
    assert len(items) == 1 and not isinstance(items[0], LoadError)
    return extract_article(items[0])


def check_records(rec: dict) -> None:
    """Offsets and schema of every mention in one ``extract`` JSON record."""
    text = rec["article"]["text"]
    for kind, keys in SCHEMA.items():
        for m in rec[kind]:
            assert keys <= set(m), (kind, keys - set(m))
            assert 0 <= m["start"] <= m["end"] <= len(text)
            if "surface" in m:
                assert text[m["start"]:m["end"]] == m["surface"], (kind, m)
    for p in rec["places"]:
        assert p["kind"] in KINDS, p
    for f in rec["figures"]:
        assert f["qualifier"] in QUALIFIERS and f["category"] in CATEGORIES, f
        assert f["date"] is None or DATE_RE.match(f["date"]), f
    for a in rec["actors"]:
        assert a["type"] in ACTOR_TYPES, a
    for d in rec["dates"]:
        assert d["kind"] in {"event", "publication", "reference"}, d
        assert d["date"] is None or DATE_RE.match(d["date"]), d


def test_seed_article_metadata(seed):
    art = seed["article"]
    assert art["title"] == GOLD["title"]
    assert art["published"] == GOLD["published"]
    assert art["credits"] == GOLD["credits"]
    for s in GOLD["not_body"]:
        assert s not in art["text"]
    assert art["url"] is None


def test_seed_offsets_and_schema(seed):
    check_records(seed)


def test_seed_places(seed):
    found = {norm(p["surface"]) for p in seed["places"]} | {norm(p["name"]) for p in seed["places"]}
    for g in GOLD["places"]:
        assert any(norm(s) in found for s in g["surface"]), g["name"]
    by_name = {p["name"]: p for p in seed["places"]}
    assert by_name["Nagorno-Karabakh"]["kind"] == "region"
    assert by_name["Armenia"]["country"] == "AM" and by_name["Armenia"]["lat"] is not None


def test_seed_casualty_figures_exactly(seed):
    got = sorted((f["value"], f["qualifier"], f["category"]) for f in seed["figures"] if f["category"] in CASUALTY)
    want = sorted((g["value"], g["qualifier"], g["category"]) for g in GOLD["figures"])
    assert got == want
    peace = next(f for f in seed["figures"] if f["category"] == "peacekeepers")
    assert peace["actor"] == "Russia"


def test_seed_actors_and_roles(seed):
    names = {a["name"] for a in seed["actors"]}
    surfaces = {norm(a["surface"]) for a in seed["actors"]}
    for g in GOLD["actors"]:
        assert g["name"] in names or any(norm(s) in surfaces for s in g["surface"]), g["name"]
    roles = {a["name"]: a["role"] for a in seed["actors"] if a["type"] == "person"}
    assert norm(roles["Armen Grigoryan"]) == norm("Armenian security council chief")
    assert norm(roles["Vardan Toganyan"]) == norm("Armenian Ambassador to Moscow")
    metonyms = {(a["surface"], a["name"]) for a in seed["actors"]}
    assert {("Yerevan", "Armenia"), ("Baku", "Azerbaijan"), ("Moscow", "Russia")} <= metonyms


def test_seed_event_dates(seed):
    got = {d["date"] for d in seed["dates"] if d["kind"] != "publication" and d["date"]}
    assert got == {g["date"] for g in GOLD["event_dates"]}


def test_seed_quotes(seed):
    text = seed["article"]["text"]
    got = [(norm(text[q["start"]:q["end"]])[:12], q["speaker"], q["via"]) for q in seed["quotes"]]
    for g in GOLD["quotes"]:
        assert any(start.startswith(norm(g["starts"])[:12].strip(" \"'“")) or norm(g["starts"])[:12] in start
                   for start, spk, via in got
                   if spk == g["speaker"] and via == g["via"]), g


def test_every_sample_article_has_exact_offsets_and_schema():
    n = 0
    for path in iter_files([ROOT / "data" / "articles"]):
        for item in load_path(path):
            assert not isinstance(item, LoadError), item
            check_records(extract_article(item))
            n += 1
    assert n >= 26


def test_extract_is_pure_and_deterministic(seed):
    text, pub = seed["article"]["text"], seed["article"]["published"]
    assert extract(text, pub) == extract(text, pub)
