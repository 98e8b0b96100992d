"""A small, fully known corpus for the dashboard tests, written through the real Store.

Records are built by hand (not by the extractor) so that dashboard assertions do not move when
extraction improves; offsets are computed from the text, so ``text[start:end] == surface``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from data.article import article_id
from data.store import Store

SCRIPT_TEXT = 'Officials in Baku posted <script>alert("x")</script> and <b>bold</b> claims about Russia.'


def _span(text: str, surface: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    return start, start + len(surface)


def _article(text: str, *, title: str, published: str, publisher: str, credits=(), removed=(),
             places=(), actors=(), figures=(), dates=(), quotes=(), source: str = "test.txt") -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": article_id(text),
        "article": {"title": title, "published": published, "publisher": publisher, "url": None,
                    "credits": list(credits), "text": text, "source": source, "kind": "txt",
                    "removed": list(removed), "meta": {}},
        "places": [], "actors": [], "figures": [], "dates": [], "quotes": [],
    }
    for surface, name, country, kind, lat, lon, regions in places:
        s, e = _span(text, surface)
        rec["places"].append({"start": s, "end": e, "surface": surface, "name": name, "country": country,
                              "kind": kind, "lat": lat, "lon": lon, "regions": list(regions), "border_km": 10.0})
    for surface, name, typ, country, role in actors:
        s, e = _span(text, surface)
        rec["actors"].append({"start": s, "end": e, "surface": surface, "name": name, "type": typ,
                              "country": country, "role": role})
    for surface, value, low, high, qual, cat, side, claimant, date, place in figures:
        s, e = _span(text, surface)
        rec["figures"].append({"start": s, "end": e, "surface": surface, "value": value, "low": low, "high": high,
                               "qualifier": qual, "category": cat, "actor": side, "claimed_by": claimant,
                               "date": date, "place": place})
    for surface, date, kind in dates:
        s, e = _span(text, surface)
        rec["dates"].append({"start": s, "end": e, "surface": surface, "date": date, "kind": kind})
    for surface, speaker, via in quotes:
        s, e = _span(text, surface)
        rec["quotes"].append({"start": s, "end": e, "surface": surface, "speaker": speaker, "via": via})
    return rec


STEP = ("Stepanakert", "Stepanakert", "AZ", "city", 39.82, 46.75, ["nagorno-karabakh"])
SHUSHA = ("Shusha", "Shusha", "AZ", "city", 39.76, 46.75, ["nagorno-karabakh"])
YEREVAN = ("Yerevan", "Yerevan", "AM", "city", 40.18, 44.51, [])
ARM = ("Armenia", "Armenia", "state", "AM", None)
AZE = ("Azerbaijan", "Azerbaijan", "state", "AZ", None)
RUS = ("Russia", "Russia", "state", "RU", None)


def corpus() -> list[dict[str, Any]]:
    """Five articles: two disputed claims about one event, a person with a quote, a ``<script>``."""
    t1 = ("Armenia said on Sunday that 15 soldiers were killed near Stepanakert. "
          "Security council chief Armen Grigoryan said \"We appeal to Russia for help\". "
          "More than 6,500 people were killed in the 2020 war.")
    t2 = "Azerbaijan said 7 soldiers were killed near Stepanakert on Sunday in clashes with Armenia."
    t3 = "At least 40 civilians were wounded in Shusha, Azerbaijan said."
    t4 = "Protesters gathered in Yerevan as Armenia and Russia discussed peacekeepers."
    return [
        _article(t1, title="Armenia reports losses", published="2021-11-16", publisher="The Moscow Times",
                 credits=["AFP"], removed=["AFP contributed reporting.", "MoD of Armenia"],
                 places=[STEP],
                 actors=[("Armenia", *ARM[1:]), ("Armen Grigoryan", "Armen Grigoryan", "person", "AM",
                                                 "security council chief"), ("Russia", *RUS[1:])],
                 figures=[("15 soldiers", 15, 15, 15, "exact", "killed", "Armenia", "Armenia", "2021-11-14",
                           "Stepanakert"),
                          ("More than 6,500 people", 6500, 6500, None, "more_than", "killed", None, None, "2020",
                           None)],
                 dates=[("Sunday", "2021-11-14", "event")],
                 quotes=[("We appeal to Russia for help", "Armen Grigoryan", "News.am")]),
        _article(t2, title="Azerbaijan gives its count", published="2021-11-17", publisher="News.am",
                 places=[STEP], actors=[("Azerbaijan", *AZE[1:]), ("Armenia", *ARM[1:])],
                 figures=[("7 soldiers", 7, 7, 7, "exact", "killed", "Armenia", "Azerbaijan", "2021-11-14",
                           "Stepanakert")],
                 dates=[("Sunday", "2021-11-14", "event")]),
        _article(t3, title="Civilians wounded in Shusha", published="2020-10-01", publisher="Reuters",
                 places=[SHUSHA], actors=[("Azerbaijan", *AZE[1:])],
                 figures=[("At least 40 civilians", 40, 40, None, "at_least", "wounded", "Azerbaijan", "Azerbaijan",
                           "2020-10-01", "Shusha")]),
        _article(t4, title="Protest in Yerevan", published="2022-05-02", publisher="Reuters",
                 places=[YEREVAN], actors=[("Armenia", *ARM[1:]), ("Russia", *RUS[1:])]),
        _article(SCRIPT_TEXT, title="Script <b>test</b>", published="2022-06-01", publisher="Evil Times",
                 actors=[("Baku", *AZE[1:]), ("Russia", *RUS[1:])]),
    ]


LATE = _article("Armenia and Azerbaijan signed a new statement in Yerevan.", title="Late news",
                published="2021-11-20", publisher="Reuters",
                places=[YEREVAN], actors=[("Armenia", *ARM[1:]), ("Azerbaijan", *AZE[1:])])


def build_store(path: str | Path, records: list[dict[str, Any]] | None = None) -> Store:
    """Create a store at ``path`` holding ``records`` (default :func:`corpus`) as version 1."""
    store = Store(path)
    store.init()
    add_version(store, corpus() if records is None else records)
    return store


def add_version(store: Store, records: list[dict[str, Any]]) -> int:
    """Write ``records`` as a new finished data version and return it."""
    v = store.begin_version("test")
    store.write_batch(v, records, [])
    store.finish_version(v)
    return v
