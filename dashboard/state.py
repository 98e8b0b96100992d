"""Filters <-> URL query parameters, and the one function that builds every link (pure).

The URL is the state: ``?actor=Armenia&actor=Russia&from=2021-01-01&to=2021-12-31`` restores a
view, and a saved view is ``?snapshot=ID``. Nothing here imports Streamlit, so it is tested
without a server.

Parameters (DESIGN.md contract): ``actor`` (repeatable), ``from``, ``to``, ``region``,
``category``, ``source``, ``snapshot``. Extensions: ``dates`` (``event`` to apply the range to
event dates instead of publication dates), ``place`` (repeatable, from a map click), and
page-local ones such as ``article`` and ``q`` that pages pass as ``extra``.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

from data.store.filters import DATE_FIELDS, Filters

__all__ = ["PAGES", "DEFAULT_PAGE", "FILTER_KEYS", "PAGE_PARAMS", "filters_from_params", "params_from_filters",
           "match_values",
           "build_link", "url_params", "snapshot_params", "filters_from_snapshot", "page_slug"]

# slug -> title, in navigation order; the slug is the page's URL path.
PAGES: dict[str, str] = {
    "overview": "Overview",
    "map": "Map",
    "casualties": "Casualties",
    "actors": "Actors",
    "articles": "Articles",
    "add": "Add articles",
}
DEFAULT_PAGE = "overview"
FILTER_KEYS = ("actor", "from", "to", "dates", "region", "place", "category", "source")
# page-local URL parameters a view keeps beside the filters, and a shared view with them: the
# Articles search and open article, the Map's colour and shading
PAGE_PARAMS = ("q", "article", "measure", "shade")
_MULTI = {"actor": "actors", "region": "regions", "place": "places", "category": "categories",
          "source": "sources"}
_SNAPSHOT_ID = re.compile(r"^[A-Za-z0-9]{1,64}$")


def _values(params: Mapping[str, Any], key: str) -> list[str]:
    v = params.get(key)
    if v is None:
        return []
    if isinstance(v, str):
        v = [v]
    return [s.strip() for s in v if isinstance(s, str) and s.strip()]


def _iso(value: str) -> str | None:
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        return None


def filters_from_params(params: Mapping[str, Any], version: int | None = None) -> tuple[Filters, list[str]]:
    """Read filters from query parameters, tolerating bad input.

    Parameters
    ----------
    params : mapping
        Key -> str or list of str (repeated keys), e.g. ``st.query_params`` turned into lists.
    version : int, optional
        Data version to pin.

    Returns
    -------
    (Filters, list of str)
        The filters, and one message per ignored value (bad date, unknown date field, ...),
        so a hand-edited URL never crashes the page.
    """
    problems: list[str] = []
    kw: dict[str, Any] = {attr: tuple(_values(params, key)) for key, attr in _MULTI.items()}
    for key, attr in (("from", "date_from"), ("to", "date_to")):
        vals = _values(params, key)
        if vals:
            iso = _iso(vals[-1])
            if iso is None:
                problems.append(f"ignored {key}={vals[-1]!r}: expected an ISO date YYYY-MM-DD")
            kw[attr] = iso
    if kw.get("date_from") and kw.get("date_to") and kw["date_from"] > kw["date_to"]:
        problems.append(f"ignored from={kw['date_from']} and to={kw['date_to']}: from is after to")
        kw["date_from"] = kw["date_to"] = None
    dates = _values(params, "dates")
    if dates and dates[-1] not in DATE_FIELDS:
        problems.append(f"ignored dates={dates[-1]!r}: expected one of {', '.join(DATE_FIELDS)}")
    kw["date_field"] = dates[-1] if dates and dates[-1] in DATE_FIELDS else "published"
    return Filters(version=version, **kw), problems


def params_from_filters(f: Filters, extra: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """Query parameters for ``f`` (empty fields left out; the version never goes in the URL).

    ``extra`` adds page-local parameters (None or empty values are left out).
    """
    out: dict[str, list[str]] = {}
    if f.actors:
        out["actor"] = list(f.actors)
    if f.date_from:
        out["from"] = [f.date_from]
    if f.date_to:
        out["to"] = [f.date_to]
    if f.date_field != "published":
        out["dates"] = [f.date_field]
    for key in ("region", "place", "category", "source"):
        vals = getattr(f, _MULTI[key])
        if vals:
            out[key] = list(vals)
    for key, v in (extra or {}).items():
        vals = _values({key: v}, key) if not isinstance(v, (int, float)) else [str(v)]
        if vals:
            out[key] = vals
    return out


def url_params(f: Filters, snapshot: str | None = None, extra: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """Every query parameter the current view should have: a snapshot view is ``snapshot``
    plus page-local extras; a live view is its filters plus extras."""
    if snapshot:
        return params_from_filters(Filters(), {"snapshot": snapshot, **(extra or {})})
    return params_from_filters(f, extra)


def page_slug(page: str | None) -> str:
    """Validate a page slug (None means the default page)."""
    page = page or DEFAULT_PAGE
    if page not in PAGES:
        raise ValueError(f"page must be one of {sorted(PAGES)}, got {page!r}")
    return page


def build_link(page: str | None = None, f: Filters | None = None, *, snapshot: str | None = None,
               extra: Mapping[str, Any] | None = None) -> str:
    """The relative URL of a page showing ``f`` (or a snapshot): the only way links are made.

    >>> build_link("map", Filters(actors=("Armenia",), date_from="2021-01-01"))
    '/map?actor=Armenia&from=2021-01-01'
    """
    slug = page_slug(page)
    path = "/" if slug == DEFAULT_PAGE else f"/{slug}"
    query = urlencode(url_params(f or Filters(), snapshot, extra), doseq=True)
    return f"{path}?{query}" if query else path


def snapshot_params(f: Filters, extra: Mapping[str, Any] | None = None) -> dict[str, list[str]]:
    """What a saved view stores: the filter parameters and the page's own (:data:`PAGE_PARAMS`:
    a search, an open article, map settings); its version is stored beside them."""
    return params_from_filters(f, {k: v for k, v in (extra or {}).items() if k in PAGE_PARAMS})


def filters_from_snapshot(view: Mapping[str, Any]) -> Filters:
    """The filters of a saved view (``Store.load_view`` output), pinned to its version."""
    f, _ = filters_from_params(view.get("params") or {}, version=int(view["version"]))
    return f


def valid_snapshot_id(value: str | None) -> bool:
    """True for a plausible saved-view id (letters and digits)."""
    return bool(value) and bool(_SNAPSHOT_ID.match(value))


def _match_key(value: Any) -> str:
    return " ".join(str(value).replace("-", " ").split()).casefold()


def match_values(key: str, values: Iterable[Any], choices: Iterable[Any],
                 other_names: Mapping[str, str] | None = None) -> tuple[list[str], list[str]]:
    """URL filter ``values`` mapped onto the data's own ``choices``, ignoring case, spacing and
    hyphens ("armenia" -> "Armenia"), and through ``other_names`` (a name -> a choice:
    "Stepanakert" -> "Khankendi", "Nagorno-Karabakh" -> "nagorno-karabakh").

    Returns
    -------
    tuple
        ``(values, problems)``: a value that matches nothing is kept (the page then shows
        nothing) and named in one message, so that a mistyped link says why it is empty.
    """
    choices = [str(c) for c in choices]
    by_key = {_match_key(c): c for c in choices}
    known = set(choices)
    by_key.update({_match_key(a): c for a, c in (other_names or {}).items() if c in known})
    out, problems = [], []
    for v in values:
        hit = str(v) if str(v) in known else by_key.get(_match_key(v))
        if hit is None:
            problems.append(f"no {key} {v!r} in the data: it matches nothing (choose one from the sidebar list)")
        out.append(hit or str(v))
    return list(dict.fromkeys(out)), problems


def widget_values(f: Filters) -> dict[str, Any]:
    """Initial values of the sidebar widgets for ``f`` (dates as ``datetime.date``)."""
    return {
        "actor": list(f.actors),
        "from": _dt.date.fromisoformat(f.date_from) if f.date_from else None,
        "to": _dt.date.fromisoformat(f.date_to) if f.date_to else None,
        "dates": f.date_field,
        "region": list(f.regions),
        "place": list(f.places),
        "category": list(f.categories),
        "source": list(f.sources),
    }


def filters_from_widgets(values: Mapping[str, Any], version: int | None = None) -> Filters:
    """Filters from sidebar widget values (inverse of :func:`widget_values`); a reversed date
    range is swapped rather than rejected."""
    d_from, d_to = values.get("from"), values.get("to")
    if d_from and d_to and d_from > d_to:
        d_from, d_to = d_to, d_from
    return Filters(
        actors=tuple(values.get("actor") or ()),
        date_from=d_from.isoformat() if d_from else None,
        date_to=d_to.isoformat() if d_to else None,
        date_field=values.get("dates") or "published",
        regions=tuple(values.get("region") or ()),
        places=tuple(values.get("place") or ()),
        categories=tuple(values.get("category") or ()),
        sources=tuple(values.get("source") or ()),
        version=version,
    )


def merge(values: Iterable[str], more: Iterable[str]) -> list[str]:
    """Union of two selections, order kept."""
    out = list(values)
    out += [v for v in more if v not in out]
    return out
