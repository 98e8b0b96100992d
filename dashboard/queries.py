"""The only cached access to the store: every page reads through here.

Each call is keyed on the filters, which always carry the data version (the live version or a
snapshot's), so a new ingest yields new keys and fresh rows without restarting, and a snapshot
keeps hitting the rows of its version. Connections are read-only and opened per query by
:class:`data.store.Store`.
"""
from __future__ import annotations

from typing import Any

import threading
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import add_script_run_ctx, get_script_run_ctx

from data.store import Store, default_db_path, read
from data.store.filters import Filters

_ALLOWED = {name for name in read.__all__ if name not in ("scope", "article", "article_mentions", "versions")
            and not name.startswith("facet_")}


def db_path() -> str:
    """The store file: ``$CONFLICT_DB`` or ``data/conflict.duckdb`` (read on every run, so a
    test can point the app at its own store)."""
    return str(default_db_path())


def store() -> Store:
    """A Store for :func:`db_path` (cheap: it holds no connection)."""
    return Store(db_path())


@st.cache_resource(show_spinner=False)
def _prepared(path: str) -> bool:
    """Bring a store written by an older version of the project up to date, once per process
    and file: ``Store.init`` creates missing tables and rebuilds derived ones if stale."""
    Store(path).init()
    return True


def live_version() -> int:
    """The newest finished data version; not cached, it is what the cache keys depend on."""
    _prepared(db_path())
    return store().current_version()


@st.cache_data(max_entries=512, show_spinner=False)
def _query(path: str, name: str, f: Filters, args: tuple, kwargs: tuple) -> pd.DataFrame:
    return getattr(read, name)(Store(path), f, *args, **dict(kwargs))


def q(name: str, f: Filters, *args: Any, **kwargs: Any) -> pd.DataFrame:
    """Run the read query ``data.store.read.<name>`` for ``f`` (cached on filters + version).

    Parameters
    ----------
    name : str
        A query function of :mod:`data.store.read` that takes ``(store, filters, ...)``.
    f : Filters
        Must carry a ``version`` so that the cache never serves rows of another version.
    """
    if name not in _ALLOWED:
        raise ValueError(f"name must be one of {sorted(_ALLOWED)}, got {name!r}")
    if f.version is None:
        raise ValueError("filters.version must be set (live or snapshot version) before querying")
    return _query(db_path(), name, f, tuple(args), tuple(sorted(kwargs.items())))


def prefetch(f: Filters, *calls: str | tuple) -> None:
    """Run a page's queries at once, so that the :func:`q` calls that follow hit the cache.

    Each call is a query name or ``(name, *args)`` exactly as the page passes it to :func:`q`.
    The queries of one page are independent and spend part of their time outside DuckDB's
    threads (opening a connection, building the DataFrame), so overlapping them shortens a
    re-render after a filter change on two cores.
    """
    if f.version is None:
        raise ValueError("filters.version must be set (live or snapshot version) before querying")
    jobs = [(c, ()) if isinstance(c, str) else (c[0], tuple(c[1:])) for c in calls]
    for name, _args in jobs:
        if name not in _ALLOWED:
            raise ValueError(f"name must be one of {sorted(_ALLOWED)}, got {name!r}")
    path, ctx = db_path(), get_script_run_ctx()

    def attach() -> None:  # the cache and its messages belong to the session's script run
        add_script_run_ctx(threading.current_thread(), ctx)

    with ThreadPoolExecutor(max_workers=min(4, len(jobs)) or 1, initializer=attach) as pool:
        for fut in [pool.submit(_query, path, name, f, args, ()) for name, args in jobs]:
            fut.result()


@st.cache_data(max_entries=64, show_spinner=False)
def facet(path: str, name: str, version: int) -> pd.DataFrame:
    """A sidebar facet (``actors``, ``regions``, ``places``, ``categories``, ``sources``)."""
    if name not in ("actors", "regions", "places", "categories", "sources"):
        raise ValueError(f"name must be a facet (actors, regions, places, categories, sources), got {name!r}")
    return getattr(read, f"facet_{name}")(Store(path), version)


def facets(version: int) -> dict[str, pd.DataFrame]:
    """Every sidebar facet at ``version``."""
    return {n: facet(db_path(), n, version) for n in ("actors", "regions", "places", "categories", "sources")}


@st.cache_data(max_entries=128, show_spinner=False)
def _article(path: str, article_id: str, version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    s = Store(path)
    art = read.article(s, article_id, version)
    ments = read.article_mentions(s, article_id) if not art.empty else read.article_mentions(s, "")
    return art, ments


def article(article_id: str, version: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One article (as of ``version``) and its mentions."""
    return _article(db_path(), str(article_id), int(version))


def load_view(view_id: str) -> dict | None:
    """A saved view (not cached: it is read once per session)."""
    return store().load_view(view_id)


def save_view(params: dict, page: str, title: str | None, version: int) -> str:
    """Save a view pinned to ``version`` and return its id."""
    return store().save_view(params, page, title, version=version)


# -- geo layers (static committed files; cached for the process) ---------------------------
@st.cache_resource(show_spinner=False)
def _layer_features() -> list[dict]:
    """Every region feature of the geo layers with a ``region`` id in its properties,
    simplified for display (about 500 m): full-resolution outlines made each map rerun ship
    about 1 MB of JSON to the browser."""
    from geo.maps import layer_features
    from geo.regions import LAYER_IDS

    out: list[dict] = []
    for lid in sorted(LAYER_IDS):
        feats = layer_features(lid, 0.005)
        for feat in feats:
            props = feat.get("properties") or {}
            rid = props.get("id") or props.get("layer") or (lid if len(feats) == 1 else None)
            if rid and feat.get("geometry"):
                out.append({"type": "Feature", "geometry": feat["geometry"],
                            "properties": {"region": str(rid), "label": props.get("name") or str(rid)}})
    return out


@st.cache_resource(show_spinner=False)
def region_labels() -> dict[str, str]:
    """Region id -> its readable name ("am-az-border" -> "Armenia-Azerbaijan border")."""
    return {f["properties"]["region"]: f["properties"]["label"] for f in _layer_features()}


@st.cache_data(max_entries=16, show_spinner=False)
def place_aliases(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The other names the gazetteer knows for each place name ("Khankendi" -> "Stepanakert"),
    so that a user finds a place under the name they know."""
    from geo.gazetteer import lookup

    out = {}
    for n in names:
        p = lookup(n)
        if p is not None and p.name == n and p.other_names:
            out[n] = tuple(p.other_names)
    return out


def region_geojson(counts: pd.DataFrame, measure: str) -> dict | None:
    """A FeatureCollection of the regions in ``counts`` (``read.region_counts``) carrying
    ``measure`` in their properties, or None when no layer matches."""
    if counts.empty:
        return None
    values = dict(zip(counts["region"], counts[measure]))
    feats = []
    for feat in _layer_features():
        rid = feat["properties"]["region"]
        if rid in values:
            props = {**feat["properties"], measure: int(values[rid])}
            feats.append({**feat, "properties": props})
    return {"type": "FeatureCollection", "features": feats} if feats else None


def view_bounds(points):
    """``geo.maps.view_bounds`` of ``place_points`` rows weighted by mentions; None (the default
    view) without points or without the geo package."""
    if points is None or points.empty:
        return None
    try:
        from geo.maps import view_bounds as _vb
    except Exception:  # the map must render even if the geo package is missing or broken
        return None
    # rounded: a filter that moves the places a little keeps the cached base map
    return tuple(round(v, 1) for v in _vb(points["lon"], points["lat"], points["mentions"]))


@st.cache_resource(show_spinner=False, max_entries=8)  # one per view box: bounded
def base_map(width: int = 760, height: int = 520, bounds=None):
    """``geo.maps.base_map()`` (country outlines, regions, border and buffer) fitted to
    ``bounds`` (default: the Caucasus), or None while the geo layers are not available; the
    map still draws its points without it."""
    try:
        from geo.maps import DEFAULT_BOUNDS, base_map as _base
        return _base(width=width, height=height, tolerance_deg=0.005, bounds=bounds or DEFAULT_BOUNDS)
    except Exception:  # the map must render even if the geo package is missing or broken
        return None
