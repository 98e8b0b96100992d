"""Read queries of the dashboard: every SQL statement the dashboard runs lives here.

Each query takes a :class:`data.store.Store` and a :class:`data.store.filters.Filters` and
returns a pandas DataFrame with the same columns whether or not any row matches (empty in,
empty out). All filtering happens in one place, :func:`scope`, which selects the matching
articles as a CTE ``sel``; mention queries join it. Views that filter on nothing but the data
version (the first view of every page) read the version summaries instead when they cover that
version (:func:`_run_summarized`). Values always travel as bound parameters, never pasted into
SQL text.
"""
from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from data.store.filters import Filters

__all__ = [
    "scope", "overview", "mentions_over_time", "top_places", "top_actors", "latest_articles",
    "place_points", "place_top_actor", "region_counts", "figures_ledger", "figures_by_month",
    "disputed", "actors_by_type", "actor_timeline", "cooccurrence", "people", "quotes",
    "article_list", "article", "article_mentions", "facet_actors", "facet_regions",
    "facet_places", "facet_categories", "facet_sources", "versions",
]

CASUALTY_CATEGORIES = ("killed", "wounded", "captured", "missing", "prisoners", "hostages")

# Partial dates ("2020", "2020-11") stand for intervals; compare them as ISO strings.
_D_START = "(CASE length({d}) WHEN 4 THEN {d} || '-01-01' WHEN 7 THEN {d} || '-01' ELSE {d} END)"
_D_END = "(CASE length({d}) WHEN 4 THEN {d} || '-12-31' WHEN 7 THEN {d} || '-31' ELSE {d} END)"


def _overlap(expr: str, f: Filters, p: dict[str, Any]) -> str:
    """SQL: the (possibly partial) ISO date string ``expr`` overlaps the filter's range."""
    conds = []
    if f.date_from:
        p["dfrom"] = f.date_from
        conds.append(_D_END.format(d=expr) + " >= $dfrom")
    if f.date_to:
        p["dto"] = f.date_to
        conds.append(_D_START.format(d=expr) + " <= $dto")
    return " AND ".join(conds) or "TRUE"


def _ver(alias: str, f: Filters) -> str:
    return f" AND {alias}.version <= $v" if f.version is not None else ""


def scope(f: Filters) -> tuple[str, dict[str, Any]]:
    """The CTE ``sel(id, published)`` of articles matching ``f``, and its parameters.

    Returns
    -------
    (str, dict)
        SQL text starting with ``WITH sel AS (...)`` (callers append more CTEs with a comma)
        and the named parameters it uses.
    """
    p: dict[str, Any] = {}
    where = _facet_where(f, p)
    return f"WITH sel AS (SELECT a.id, a.published FROM article_facets a{where})", p


def _facet_where(f: Filters, p: dict[str, Any]) -> str:
    """SQL `` WHERE ...`` (or "") on ``article_facets a`` selecting the articles matching ``f``."""
    if not isinstance(f, Filters):
        raise TypeError(f"filters must be a data.store.filters.Filters, got {type(f).__name__}")
    conds: list[str] = []
    # Articles are picked from article_facets (one row per article with the distinct values each
    # filter tests) rather than by semi-joining millions of mention rows per filter.
    if f.version is not None:
        p["v"] = f.version
        conds.append("a.version <= $v")
    if f.date_from or f.date_to:
        if f.date_field == "published":
            conds.append(_pub_range("a", f, p))
        else:
            # Any event date overlapping the range; an article without event dates falls back
            # to its publication date.
            hit = _overlap("d", f, p)
            # The span of its event dates first: plain DATE columns, which rule out most
            # articles before their lists are tested one date at a time.
            if f.date_to:
                conds.append("a.event_lo <= CAST($dto AS DATE)")
            if f.date_from:
                conds.append("a.event_hi >= CAST($dfrom AS DATE)")
            conds.append(f"(CASE WHEN len(a.event_dates) = 0 THEN {_pub_range('a', f, p)} "
                         f"ELSE len(list_filter(a.event_dates, lambda d: {hit})) > 0 END)")
    if f.sources:
        conds.append(_any_in("a.source_keys", "src", f.sources, p))
    if f.actors:
        conds.append(_any_in("a.actor_keys", "act", f.actors, p))
    if f.regions or f.places:
        # A clicked place and a chosen region widen each other (either matches), as on the map.
        ors = [_any_in(col, key, vals, p)
               for col, key, vals in (("a.region_keys", "reg", f.regions), ("a.place_keys", "plc", f.places)) if vals]
        conds.append("(" + " OR ".join(ors) + ")")
    if f.categories:
        conds.append(_any_in("a.category_keys", "cat", f.categories, p))
    return (" WHERE " + " AND ".join(conds)) if conds else ""


def _any_in(column: str, key: str, values: tuple[str, ...], p: dict[str, Any]) -> str:
    """SQL: the list of keys ``column`` (an ``article_facets`` ``*_keys`` column, see
    :data:`data.store.schema.KEYS_SQL`) holds the key of any of ``values`` (bound as ``$key0``,
    ``$key1``, ...).

    One ``list_contains`` per value: in DuckDB 2.0 that is ~10x cheaper than ``list_has_any``.
    Integer keys rather than the strings: at 1M articles the category + region test of the
    benchmark costs 37 instead of 111 ms on the articles a filter drops, 39 instead of 61 on
    those it keeps.
    """
    ors = []
    for i, v in enumerate(values):
        p[f"{key}{i}"] = v
        ors.append(f"list_contains({column}, hash(CAST(${key}{i} AS VARCHAR)))")
    return "(" + " OR ".join(ors) + ")"


def _pub_range(alias: str, f: Filters, p: dict[str, Any]) -> str:
    """SQL: ``alias.published`` (a DATE) inside the filter's range."""
    conds = [f"{alias}.published IS NOT NULL"]
    if f.date_from:
        p["dfrom"] = f.date_from
        conds.append(f"{alias}.published >= CAST($dfrom AS DATE)")
    if f.date_to:
        p["dto"] = f.date_to
        conds.append(f"{alias}.published <= CAST($dto AS DATE)")
    return " AND ".join(conds)


def _narrows(f: Filters) -> bool:
    """True when the article set depends on more than the version and publication date."""
    return bool(f.actors or f.regions or f.places or f.categories or f.sources
                or (f.date_field == "event" and (f.date_from or f.date_to)))


def _rolled(f: Filters) -> bool:
    """True when ``f`` narrows only by version and publication date, so that the day rollups
    (``actor_days``, ``place_days``) answer exactly what the mention rows would."""
    return not _narrows(f)


def _in(alias: str, f: Filters, p: dict[str, Any], broad: bool = False, dropped: str | None = None) -> str:
    """SQL (starting with `` AND``) keeping mention rows of ``alias`` that belong to ``sel``.

    Mention tables repeat ``version`` and ``published``, so those conditions apply directly; the
    semi-join on ``sel`` is added only when other filters narrow the articles. Without filters
    a chart then scans one table instead of joining millions of rows to every article.
    ``broad`` (a filter keeping most articles, see :func:`_run_broad`): rows of
    articles not dropped instead, a hash table of the few dropped articles rather than of
    nearly all of them. ``dropped``: a relation (CTE) holding those articles' ``id``, when the
    query has one.
    """
    cond = _rows(alias, f, p)
    if broad and _narrows(f):
        rel = dropped or f"(SELECT a.id FROM article_facets a{_dropped(f, p)})"
        cond += f" AND {alias}.article_id NOT IN (SELECT id FROM {rel})"
    elif _narrows(f):
        cond += f" AND {alias}.article_id IN (SELECT id FROM sel)"
    return cond


def _place_cond(alias: str, f: Filters, p: dict[str, Any]) -> str:
    ors = []
    if f.regions:
        # One list_contains per region: several times faster than list_has_any per row.
        for i, r in enumerate(f.regions):
            p[f"region{i}"] = r
            ors.append(f"list_contains({alias}.regions, $region{i})")
    if f.places:
        p["places"] = list(f.places)
        ors.append(f"list_contains($places, {alias}.name)")
    return "(" + " OR ".join(ors) + ")" if ors else "TRUE"


def _figure_cond(alias: str, f: Filters, p: dict[str, Any]) -> str:
    conds = []
    if f.categories:
        p["categories"] = list(f.categories)
        conds.append(f"list_contains($categories, {alias}.category)")
    if f.date_field == "event" and (f.date_from or f.date_to):
        # A claim's event date is its own, else its article's publication day: compared as a
        # date, not formatted as text for every claim.
        conds.append(f"(CASE WHEN {alias}.date IS NULL THEN {_pub_range(alias, f, p)} "
                     f"ELSE {_overlap(alias + '.date', f, p)} END)")
    return " AND ".join(conds) or "TRUE"


def _run(store, sql: str, p: dict[str, Any], then=None) -> pd.DataFrame:
    """Run ``sql`` with parameters ``p`` (and ``then(con, df)``, when given, to finish the
    result on the same connection)."""
    if then is None:
        return store.read_df(sql, p)
    with store.connect() as con:
        return then(con, con.execute(sql, p).df())


def _summarized(f: Filters) -> bool:
    """True when the version summaries can answer ``f`` exactly: no filter but the version
    (they have no time axis)."""
    return not _narrows(f) and not (f.date_from or f.date_to)


def _run_summarized(store, f: Filters, fast, slow, then=None) -> pd.DataFrame:
    """Run ``fast()`` (SQL and parameters reading the version summaries) when every version up
    to ``f.version`` has its summaries, else ``slow()``; one connection for the check and the
    query (and ``then(con, df)``, when given, to finish the result)."""
    with store.connect() as con:
        sql, p = fast() if _covered(con, f) else slow()
        df = con.execute(sql, p).df()
        return then(con, df) if then else df


# -- broad filters: everything minus the articles they drop --------------------------------
# A filter that keeps at least this share of the version's articles is answered, where a
# query's numbers add up over articles, as the summaries of every article minus the articles
# the filter drops: at a million articles the dropped articles' facet rows are cheaper to read
# than joining the kept ones to their mention rows, which costs seconds (an analyst of a
# two-party war who picks one party keeps most articles).
BROAD_SHARE = 0.5

# Regions and places also condition which place mentions count: a broad path keeps the names
# they match (a place's regions are its gazetteer's, the same in every mention). Categories and
# event dates condition the figure claims, which no broad path reads from summaries.


def _drop_parts(f: Filters, p: dict[str, Any]) -> tuple[list[str], str]:
    """SQL on ``article_facets a``: the conditions of ``f``'s version and publication dates,
    and the condition its other filters fail."""
    conds = []
    if f.version is not None:
        p["v"] = f.version
        conds.append("a.version <= $v")
    rest = f.with_(version=None)
    if f.date_field == "published" and (f.date_from or f.date_to):
        conds.append(_pub_range("a", f, p))
        rest = rest.with_(date_from=None, date_to=None)
    return conds, f"NOT coalesce({_facet_where(rest, p)[len(' WHERE '):]}, false)"


def _dropped(f: Filters, p: dict[str, Any]) -> str:
    """SQL `` WHERE ...`` on ``article_facets a``: the articles of ``f``'s version and
    publication dates that ``f`` drops."""
    conds, drop = _drop_parts(f, p)
    return " WHERE " + " AND ".join([*conds, drop])


def _rows(alias: str, f: Filters, p: dict[str, Any]) -> str:
    """SQL (starting with `` AND``, or empty) keeping the rows of ``alias`` (a mention table or
    a day rollup) of ``f``'s version and publication dates, whether ``f`` keeps their
    articles or not."""
    conds = []
    if f.version is not None:
        p["v"] = f.version
        conds.append(f"{alias}.version <= $v")
    if f.date_field == "published" and (f.date_from or f.date_to):
        conds.append(_pub_range(alias, f, p))
    return "".join(" AND " + c for c in conds)


def _kept_counts(con, f: Filters) -> tuple[int, int]:
    """The articles ``f`` keeps and all the articles of its version and publication dates."""
    p: dict[str, Any] = {}
    conds, _ = _drop_parts(f, p)
    where = (" WHERE " + " AND ".join(conds)) if conds else ""
    # The kept ones counted with the filter as a WHERE clause, where its date span can skip
    # row groups (a FILTER clause tests every row).
    kept, total = con.execute(
        f"SELECT (SELECT count(*) FROM article_facets a{_facet_where(f, p)}), "
        f"(SELECT count(*) FROM article_facets a{where})", p).fetchone()
    return int(kept), int(total)


# The articles a filter keeps and their total, per store file state and filter: a page runs
# several queries under the same filter, and counting it costs 35-70 ms at 1M articles. The
# file's identity, size and modification time (and its write-ahead log's) are in the key, so
# any write makes a new entry; only filters pinned to a version are kept.
_COUNTS: dict[tuple, tuple[int, int]] = {}
_COUNTS_MAX = 512


def _counts(store, con, f: Filters) -> tuple[int, int]:
    """:func:`_kept_counts` of ``f``, remembered per store file state when ``f`` is pinned to a
    version."""
    if f.version is None:
        return _kept_counts(con, f)
    files = [os.stat(x) for x in (store.path, Path(str(store.path) + ".wal")) if os.path.exists(x)]
    key = (str(store.path), *((x.st_ino, x.st_size, x.st_mtime_ns) for x in files), f)
    counts = _COUNTS.get(key)
    if counts is None:
        counts = _kept_counts(con, f)
        if len(_COUNTS) >= _COUNTS_MAX:
            _COUNTS.clear()
        _COUNTS[key] = counts
    return counts


def _ratio(counts: tuple[int, int]) -> float:
    """The share kept of :func:`_counts` (1.0 when there are no articles)."""
    kept, total = counts
    return 1.0 if not total else kept / total


def _share(store, con, f: Filters) -> float:
    """The share of the articles of ``f``'s version and publication dates that ``f`` keeps
    (1.0 when it does not narrow them), counted as :func:`_counts`."""
    return _ratio(_counts(store, con, f)) if _narrows(f) else 1.0


def _run_broad(store, f: Filters, fast, slow, timeless: bool = False, narrow=None) -> pd.DataFrame:
    """Run ``fast(share, kept)`` (SQL and parameters: every article's summaries minus the
    articles ``f`` drops, given the share of articles it keeps and their number) when ``f``
    narrows the articles, keeps at least :data:`BROAD_SHARE` of them and the summaries cover
    its version; else ``narrow()`` (the kept articles' ``article_facets`` rows, see
    :func:`_kept_names`) when given and the day rollups cover the version; else ``slow()`` (the
    kept articles' mention rows).
    ``timeless``: ``fast`` reads summaries without publication dates, which a publication-date
    range rules out."""
    with store.connect() as con:
        counts = (_counts(store, con, f) if (
            _narrows(f)
            and not (timeless and f.date_field == "published" and (f.date_from or f.date_to))
            and (not timeless or _covered(con, f))) else None)
        share = None if counts is None else _ratio(counts)
        if share is not None and share >= BROAD_SHARE:
            sql, p = fast(share, counts[0])
        elif narrow is not None and _narrows(f) and _covered(con, f):
            sql, p = narrow()
        else:
            sql, p = slow()
        return con.execute(sql, p).df()


def _covered(con, f: Filters) -> bool:
    """True when every version up to ``f.version`` has its summaries and day rollups."""
    from data.store.derived import COVERED_SQL

    return bool(con.execute(COVERED_SQL, {"v": f.version}).fetchone()[0])


# -- one category: its articles' summaries minus those of them the filter drops -------------
# The casualty views are mostly read under one figure category ("killed"), alone or with a
# region or an actor. ``category_names`` holds the place and actor names of each category's
# articles, so such a filter subtracts only the category's articles that its other filters drop
# (none for the category alone; 1,480 instead of 318,190 for "killed" + a region on the
# benchmark's million articles), and claims, which have categories of their own, likewise.
# The summaries have no dates: a date range takes the other paths.
# Candidates per place for its evidence (see _first_kept_evidence).
_EV_CANDIDATES = 16


def _one_category(f: Filters) -> str | None:
    """The category of ``f`` when it selects exactly one and no date range, else None."""
    if len(f.categories) == 1 and not (f.date_from or f.date_to):
        return f.categories[0]
    return None


def _by_category(store, con, f: Filters) -> bool:
    """True when ``f``'s one category's summaries minus its dropped articles answer ``f``
    (:func:`_category_dropped`): one category, no date range, summaries covering the
    version, and ``f`` keeps at least :data:`BROAD_SHARE` of the category's articles."""
    c = _one_category(f)
    if c is None or not _covered(con, f):
        return False
    kept, _ = _counts(store, con, f)
    base = kept if f == Filters(categories=(c,), version=f.version) else _counts(
        store, con, Filters(categories=(c,), version=f.version))[0]
    return base > 0 and kept >= BROAD_SHARE * base


def _category_dropped(f: Filters, p: dict[str, Any], cols: str) -> str:
    """SQL: the ``cols`` of the ``article_facets a`` rows of articles reporting a figure of
    ``f``'s categories that ``f`` drops (its other filters fail); no rows when it has no
    other filter."""
    rest = f.with_(categories=(), version=None)
    if not _narrows(rest) and not (rest.date_from or rest.date_to):
        return f"SELECT {cols} FROM article_facets a WHERE false"
    conds, _ = _drop_parts(f.with_(categories=()), p)
    conds.append(_any_in("a.category_keys", "cat", f.categories, p))
    return (f"SELECT {cols} FROM article_facets a WHERE {' AND '.join(conds)} "
            f"AND NOT coalesce({_facet_where(rest, p)[len(' WHERE '):]}, false)")


def _category_names(f: Filters, p: dict[str, Any], kind: str, dropped: str) -> str:
    """SQL: ``name, c, n`` (mentions, articles) of each ``kind`` name in the articles of
    ``f``'s one category that ``f`` keeps: ``category_names`` minus the relation ``dropped``
    (:func:`_category_dropped` rows with the ``{kind}_keys`` and ``{kind}_counts`` columns)."""
    if kind not in ("place", "actor"):
        raise ValueError(f"kind must be 'place' or 'actor', got {kind!r}")
    p["one_cat"] = f.categories[0]
    return f"""SELECT g.name, g.c - coalesce(x.c, 0) AS c, g.n - coalesce(x.n, 0) AS n
        FROM (SELECT m.name, sum(m.mentions) AS c, sum(m.articles) AS n FROM category_names m
              WHERE m.category = $one_cat AND m.kind = '{kind}'{_ver('m', f)} GROUP BY m.name) g
        LEFT JOIN ({_name_counts(kind, dropped, keyed=True)}) x ON x.key = hash(g.name)
        WHERE g.n > coalesce(x.n, 0)"""


def _claims_share(store, con, f: Filters) -> float:
    """The share of the articles that may hold claims of ``f``'s categories (all articles of
    its version and dates without categories) that ``f`` keeps: no other article has claims
    of them, so this is the share of those claims a filter keeps, as the month cuts and the
    dropped claims see it."""
    if not f.categories:
        return _share(store, con, f)
    if not _narrows(f.with_(categories=())):
        return 1.0  # the categories alone (and publication dates) keep every claim of them
    kept = _counts(store, con, f)[0]
    base = _counts(store, con, f.with_(actors=(), regions=(), places=(), sources=()))[0]
    return 1.0 if not base else kept / base


def _claims_dropped(f: Filters, p: dict[str, Any]) -> str:
    """SQL: the ``id`` of the articles ``f`` drops that may hold claims of its categories
    (all articles it drops without categories)."""
    if f.categories:
        return _category_dropped(f, p, "a.id")
    return f"SELECT a.id FROM article_facets a{_dropped(f, p)}"


def _first_kept_evidence(con, f: Filters, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (map points with ``_st``, ``_en``, ``article_id``) with each place's evidence as
    the other paths pick it (the least of its day rows' first mentions that is in an article
    ``f`` keeps), from its ``_ev`` candidates (the least :data:`_EV_CANDIDATES` of them, of
    ``_days`` day rows): the least kept candidate, or, for a place whose candidates were all
    dropped but has more day rows, its day rows read again.

    Testing a few candidates per place against the filter costs a few milliseconds where
    testing every day row's article (a join with the million kept ids) cost 160 ms at 1M."""
    p: dict[str, Any] = {}
    where = _facet_where(f, p)
    cands = [sorted(evs, key=lambda e: (e["aid"], e["st"], e["en"])) for evs in df["_ev"]]
    ids = sorted({e["aid"] for evs in cands for e in evs})
    p["ids"] = ids
    kept = set(con.execute(f"SELECT a.id FROM article_facets a{where or ' WHERE TRUE'} AND list_contains($ids, a.id)",
                           p).fetchnumpy()["id"].tolist()) if ids else set()
    ev, redo = [], []
    for name, evs, days in zip(df["name"], cands, df["_days"]):
        hit = next((e for e in evs if e["aid"] in kept), None)
        ev.append(hit)
        if hit is None and days > len(evs):
            redo.append(name)
    if redo:
        q: dict[str, Any] = {"names": redo}
        rows = con.execute(f"""SELECT m.name, min(m.ev) AS ev FROM place_days m
            WHERE list_contains($names, m.name){_rows('m', f.with_(date_from=None, date_to=None), q)}
              AND m.ev.aid IN (SELECT a.id FROM article_facets a{_facet_where(f, q)}) GROUP BY m.name""", q).fetchall()
        found = dict(rows)
        ev = [found.get(n, e) if e is None else e for n, e in zip(df["name"], ev)]
    out = df.drop(columns=["_ev", "_days"])
    out["_st"] = [None if e is None else e["st"] for e in ev]
    out["_en"] = [None if e is None else e["en"] for e in ev]
    out["article_id"] = [None if e is None else e["aid"] for e in ev]
    return out


# -- narrow filters: the kept articles' facet rows ---------------------------------------
# Each article's facet row lists its distinct actor and place names with their mention counts.
# Unnesting those lists for the kept articles reads a few dozen values per article, against
# joining every row of a mention table (tens of millions at 1M articles) to the kept articles.
# Attributes that belong to a name (an actor's type, a place's country, kind and regions) come
# from the day rollups of the filter's version and dates.
def _name_counts(kind: str, rows: str, by_month: bool = False, keyed: bool = False) -> str:
    """SQL: the mentions (``c``) of each ``kind`` ("actor" or "place") ``name`` and the
    articles naming it (``n``) over the facet rows ``rows`` (a FROM item with the ``{kind}s``
    and ``{kind}_counts`` columns, and ``published`` when ``by_month``); per publication
    ``month`` too when ``by_month``.
    ``keyed``: per name ``key`` (``hash(name)``, from the ``{kind}_keys`` column) instead of
    ``name``: grouping integers costs half of grouping the names, which matters over the
    hundreds of thousands of articles a broad filter drops; callers join the result to
    their rollup rows on ``hash(name)``."""
    month = "date_trunc('month', published) AS month, " if by_month else ""
    published = "published, " if by_month else ""
    col, lst = ("key", f"{kind}_keys") if keyed else ("name", f"{kind}s")
    return f"""SELECT {month}{col}, sum(c) AS c, count(*) AS n FROM (
            SELECT {published}unnest({lst}) AS {col}, unnest({kind}_counts) AS c FROM {rows}) GROUP BY ALL"""


def _kept_names(f: Filters, p: dict[str, Any], kind: str, by_month: bool = False) -> str:
    """:func:`_name_counts` in the articles ``f`` keeps."""
    return _name_counts(kind, f"article_facets a{_facet_where(f, p)}", by_month)


def _place_attrs(f: Filters, p: dict[str, Any], names: str) -> str:
    """SQL: ``name, country, kind, lat, lon, regions`` of the places named in the relation
    ``names`` (a ``name`` column), from ``place_days`` of ``f``'s version (a place's gazetteer
    attributes are the same in every mention)."""
    return f"""SELECT m.name, any_value(m.country) AS country, any_value(m.kind) AS kind, any_value(m.lat) AS lat,
               any_value(m.lon) AS lon, any_value(m.regions) AS regions
        FROM place_days m WHERE m.name IN (SELECT name FROM {names}){_rows('m', f.with_(date_from=None, date_to=None), p)}
        GROUP BY m.name"""


# An anti-join tests each row at a higher cost than a semi-join (DuckDB marks rows, then
# filters): over whole mention tables at 1M articles it paid off for a filter keeping 99.5%
# of the articles (10-20% faster) but not for one keeping 68%.
ANTI_JOIN_SHARE = 0.9


def _run_kept(store, f: Filters, build, narrow=None, then=None) -> pd.DataFrame:
    """Run the SQL and parameters ``build(broad)`` gives, ``broad`` true when ``f`` narrows the
    articles but keeps at least :data:`ANTI_JOIN_SHARE` of them: the query then tests its
    mention rows against the few articles dropped (an anti-join, see :func:`_in`) rather than
    the many kept, for the same rows. ``narrow(share)`` instead, when given, ``f`` narrows the
    articles and the day rollups cover its version (its place or actor mentions then come from
    facet rows, see :func:`_kept_names`), with the share of articles ``f`` keeps.
    ``then(con, df)``, when given, finishes the result on the same connection."""
    with store.connect() as con:
        share = _share(store, con, f)
        broad = _narrows(f) and share >= ANTI_JOIN_SHARE
        if narrow is not None and _narrows(f) and _covered(con, f):
            df = con.execute(*narrow(share)).df()
        else:
            df = con.execute(*build(broad)).df()
        return then(con, df) if then else df


# -- overview ----------------------------------------------------------------------------
def overview(store, f: Filters) -> pd.DataFrame:
    """One row: ``articles, places, place_mentions, figures, actors, first, last``.

    Without narrowing filters places and actors are counted on the day rollups. With them,
    counts that do not depend on a mention's own attributes come from ``article_facets``
    (distinct names and mention counts per article) rather than semi-joining millions of
    mention rows.
    """
    if _one_category(f):
        with store.connect() as con:
            if _by_category(store, con, f):
                return con.execute(*_overview_category(f, _counts(store, con, f)[0])).df()
    if _narrows(f):
        return _run_broad(store, f, lambda _share, kept: _overview(f, broad=True, kept=kept),
                          lambda: _overview(f), timeless=True,
                          narrow=lambda: _overview(f, narrow=True))
    return _run(store, *_overview(f))


def _overview(f: Filters, broad: bool = False, narrow: bool = False,
              kept: int | None = None) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`overview`; ``broad``: distinct places and actors counted as those left
    with articles once the dropped articles are taken from the summaries (:func:`_run_broad`;
    ``kept``: the number of articles kept, counted for that choice);
    ``narrow``: places in the chosen regions from the kept articles' facet rows
    (:func:`_kept_names`)."""
    cte, p = scope(f)
    where = _facet_where(f, p)

    def fac(col: str) -> str:
        return f"(SELECT a.{col} FROM article_facets a{where})"

    raw_places = f.regions or f.places
    raw_figures = not _narrows(f) or f.categories or (f.date_field == "event" and (f.date_from or f.date_to))
    if _rolled(f):
        places = f"""(SELECT count(DISTINCT m.name) FROM place_days m WHERE TRUE{_in('m', f, p)}) AS places,
           (SELECT CAST(coalesce(sum(m.mentions), 0) AS BIGINT) FROM place_days m WHERE TRUE{_in('m', f, p)})
             AS place_mentions"""
    elif raw_places and narrow:
        cte += f""", k AS ({_kept_names(f, p, "place")}), loc AS ({_place_attrs(f, p, "k")}),
    kp AS (SELECT k.name, k.c FROM k LEFT JOIN loc USING (name) WHERE {_place_cond('loc', f, p)})"""
        places = """(SELECT count(*) FROM kp) AS places,
           (SELECT CAST(coalesce(sum(c), 0) AS BIGINT) FROM kp) AS place_mentions"""
    elif raw_places:
        places = f"""(SELECT count(DISTINCT m.name) FROM places m
             WHERE {_place_cond('m', f, p)}{_in('m', f, p)}) AS places,
           (SELECT count(*) FROM places m
             WHERE {_place_cond('m', f, p)}{_in('m', f, p)}) AS place_mentions"""
    else:
        places = f"""(SELECT count(DISTINCT name) FROM {fac('places')}, unnest(places) AS u(name)) AS places,
           (SELECT CAST(coalesce(sum(n_places), 0) AS BIGINT) FROM {fac('n_places')}) AS place_mentions"""
    if raw_figures:
        # Under a broad filter the dropped articles are read once, for the claims too.
        figures = (f"(SELECT count(*) FROM figures m WHERE {_figure_cond('m', f, p)}"
                   f"{_in('m', f, p, broad, 'ex' if broad else None)})")
    else:
        figures = f"(SELECT CAST(coalesce(sum(n_figures), 0) AS BIGINT) FROM {fac('n_figures')})"
    if _rolled(f):
        actors = f"(SELECT count(DISTINCT m.name) FROM actor_days m WHERE TRUE{_in('m', f, p)})"
    else:
        actors = f"(SELECT count(DISTINCT name) FROM {fac('actors')}, unnest(actors) AS u(name))"
    if broad:
        # Articles per name: exact in place_days (one row per day and name, and an article has
        # one day) and in the actor pairs of an actor with itself.
        # A region or place filter keeps the place names it matches (their gazetteer regions).
        cte += (f", ex AS MATERIALIZED (SELECT a.id, a.actor_keys, a.place_keys, a.place_counts "
                f"FROM article_facets a{_dropped(f, p)})")
        cte += f""",
    xp AS MATERIALIZED ({_name_counts("place", "ex", keyed=True)}),
    gp AS (SELECT hash(m.name) AS key, sum(m.articles) AS n, sum(m.mentions) AS c FROM place_days m
           WHERE m.name IS NOT NULL AND {_place_cond('m', f, p)}{_rows('m', f, p)} GROUP BY m.name)"""
        mentions = (f"(SELECT CAST(coalesce(sum(gp.c - coalesce(xp.c, 0)), 0) AS BIGINT) FROM gp LEFT JOIN xp USING (key))"
                    if raw_places else f"(SELECT CAST(coalesce(sum(n_places), 0) AS BIGINT) FROM {fac('n_places')})")
        places = f"""(SELECT count(*) FROM gp LEFT JOIN xp USING (key) WHERE gp.n > coalesce(xp.n, 0)) AS places,
           {mentions} AS place_mentions"""
        actors = f"""(SELECT count(*) FROM (SELECT key FROM (
                SELECT hash(m.actor) AS key, m.articles AS n FROM actor_pairs m WHERE m.actor = m.other{_ver('m', f)}
                UNION ALL SELECT unnest(actor_keys), -1 FROM ex) GROUP BY key HAVING sum(n) > 0))"""
    articles, first, last = ("(SELECT count(*) FROM sel)", "(SELECT min(published) FROM sel)",
                             "(SELECT max(published) FROM sel)")
    if broad and kept is not None:
        # The kept articles were counted to choose this path; their first and last days are
        # found as top-1 queries, which skip the row groups (in publication order) past the
        # best day found so far instead of scanning every kept article's row.
        p["kept"] = int(kept)
        articles = "CAST($kept AS BIGINT)"
        dated = (where + " AND" if where else " WHERE") + " a.published IS NOT NULL"
        first, last = (f"""(SELECT a.published FROM article_facets a{dated}
                ORDER BY a.published {order} LIMIT 1)""" for order in ("ASC", "DESC"))
    sql = f"""{cte}
    SELECT {articles} AS articles,
           {places},
           {figures} AS figures,
           {actors} AS actors,
           {first} AS first,
           {last} AS last"""
    return sql, p


def _overview_category(f: Filters, kept: int) -> tuple[str, dict[str, Any]]:
    """:func:`overview` from ``f``'s one category's summaries minus its dropped articles
    (:func:`_by_category`); ``kept``: the number of articles ``f`` keeps."""
    p: dict[str, Any] = {"kept": int(kept)}
    where = _facet_where(f, p)
    cols = "a.id, a.actor_keys, a.actor_counts, a.place_keys, a.place_counts"
    cte = f"""WITH dr AS MATERIALIZED ({_category_dropped(f, p, cols)}),
    kp AS ({_category_names(f, p, "place", "dr")}),
    ka AS ({_category_names(f, p, "actor", "dr")})"""
    if f.regions or f.places:
        cte += f""",
    kpl AS (SELECT kp.name, kp.c FROM kp JOIN (SELECT m.name FROM place_days m
            WHERE m.name IN (SELECT name FROM kp) AND {_place_cond('m', f, p)}{_ver('m', f)} GROUP BY m.name) USING (name))"""
        places, mentions = "(SELECT count(*) FROM kpl)", "(SELECT CAST(coalesce(sum(c), 0) AS BIGINT) FROM kpl)"
    else:
        # Every place mention, unnamed ones too, as the facets count them.
        places = "(SELECT count(*) FROM kp)"
        mentions = f"(SELECT CAST(coalesce(sum(a.n_places), 0) AS BIGINT) FROM article_facets a{where})"
    # Claims have categories of their own: the category's claims minus those of the dropped.
    figures = (f"(SELECT count(*) FROM figures m WHERE {_figure_cond('m', f, p)}{_ver('m', f)}) - "
               f"(SELECT count(*) FROM figures m WHERE {_figure_cond('m', f, p)}{_ver('m', f)} "
               f"AND m.article_id IN (SELECT id FROM dr))")
    dated = (where + " AND" if where else " WHERE") + " a.published IS NOT NULL"
    first, last = (f"""(SELECT a.published FROM article_facets a{dated}
                ORDER BY a.published {order} LIMIT 1)""" for order in ("ASC", "DESC"))
    sql = f"""{cte}
    SELECT CAST($kept AS BIGINT) AS articles, {places} AS places, {mentions} AS place_mentions, {figures} AS figures,
           (SELECT count(*) FROM ka) AS actors, {first} AS first, {last} AS last"""
    return sql, p


def mentions_over_time(store, f: Filters) -> pd.DataFrame:
    """Mentions per publication month and kind: ``month, kind, mentions``.

    Summed from the per-article mention counts of ``article_facets``: one row per article
    instead of every mention row of four tables.
    """
    p: dict[str, Any] = {}
    where = _facet_where(f, p)
    cond = f"{where} AND a.published IS NOT NULL" if where else " WHERE a.published IS NOT NULL"
    sql = f"""
    WITH m AS (SELECT date_trunc('month', a.published) AS month,
                      sum(a.n_places) AS places, sum(a.n_figures) AS figures,
                      sum(a.n_actors) AS actors, sum(a.n_dates) AS dates
               FROM article_facets a{cond} GROUP BY ALL)
    SELECT month, kind, CAST(mentions AS BIGINT) AS mentions
    FROM (UNPIVOT m ON places, figures, actors, dates INTO NAME kind VALUE mentions)
    WHERE mentions > 0 ORDER BY month, kind"""
    return _run(store, sql, p)


def _dropped_mentions(f: Filters, p: dict[str, Any], kind: str, by_month: bool = False) -> str:
    """:func:`_name_counts` in the articles a broad filter drops (:func:`_run_broad`), per name
    ``key`` (join on ``hash(name)``)."""
    return _name_counts(kind, f"article_facets a{_dropped(f, p)}", by_month, keyed=True)


def _actors_rolled(f: Filters, n: int, country: bool, broad: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`_actor_ranking` from the day rollups; ``broad``: minus the articles a broad
    filter drops (:func:`_run_broad`)."""
    p: dict[str, Any] = {"n": int(n)}
    dropped = _dropped_mentions(f, p, "actor") if broad else "SELECT CAST(NULL AS UBIGINT) AS key, 0 AS c WHERE false"
    co = f""",
    co AS (SELECT name, arg_max(country, c) AS country FROM
           (SELECT name, country, sum(c) AS c FROM g WHERE country IS NOT NULL GROUP BY ALL) GROUP BY name)"""
    sql = f"""WITH x AS ({dropped}),
    g AS (SELECT m.name, m.type, m.country, sum(m.mentions) AS c FROM actor_days m WHERE TRUE{_rows('m', f, p)} GROUP BY ALL),
    top AS (SELECT t.name, CAST(t.c - coalesce(x.c, 0) AS BIGINT) AS mentions
            FROM (SELECT name, sum(c) AS c FROM g GROUP BY name) t LEFT JOIN x ON x.key = hash(t.name)
            WHERE t.c > coalesce(x.c, 0) ORDER BY mentions DESC, t.name LIMIT $n),
    ty AS (SELECT name, arg_max(type, c) AS type FROM
           (SELECT name, type, sum(c) AS c FROM g WHERE type IS NOT NULL GROUP BY ALL) GROUP BY name){co if country else ""}
    SELECT top.name, ty.type,{" co.country," if country else ""} top.mentions
    FROM top LEFT JOIN ty USING (name){" LEFT JOIN co USING (name)" if country else ""} ORDER BY top.mentions DESC, top.name"""
    return sql, p


def top_places(store, f: Filters, n: int = 15) -> pd.DataFrame:
    """Most mentioned places: ``name, country, kind, mentions``."""
    if _narrows(f):
        return _run_broad(store, f, lambda _share, _kept: _top_places_broad(f, n), lambda: _top_places(f, n),
                          narrow=lambda: _top_places_narrow(f, n))
    return _run(store, *_top_places(f, n))


def _top_places_broad(f: Filters, n: int) -> tuple[str, dict[str, Any]]:
    """:func:`top_places` as the day rollups minus the dropped articles (:func:`_run_broad`); a
    region or place filter keeps the names it matches (a place's regions are its gazetteer's)."""
    p: dict[str, Any] = {"n": int(n)}
    sql = f"""WITH x AS ({_dropped_mentions(f, p, "place")}),
    g AS (SELECT m.name, any_value(m.country) AS country, any_value(m.kind) AS kind, sum(m.mentions) AS c
          FROM place_days m WHERE {_place_cond('m', f, p)}{_rows('m', f, p)} GROUP BY m.name)
    SELECT g.name, g.country, g.kind, CAST(g.c - coalesce(x.c, 0) AS BIGINT) AS mentions
    FROM g LEFT JOIN x ON x.key = hash(g.name) WHERE g.c > coalesce(x.c, 0) ORDER BY mentions DESC, g.name LIMIT $n"""
    return sql, p


def _top_places_narrow(f: Filters, n: int) -> tuple[str, dict[str, Any]]:
    """:func:`top_places` from the kept articles' facet rows (:func:`_kept_names`)."""
    p: dict[str, Any] = {"n": int(n)}
    sql = f"""WITH k AS ({_kept_names(f, p, "place")}),
    loc AS ({_place_attrs(f, p, "k")})
    SELECT k.name, loc.country, loc.kind, CAST(k.c AS BIGINT) AS mentions
    FROM k LEFT JOIN loc USING (name) WHERE {_place_cond('loc', f, p)}
    ORDER BY mentions DESC, k.name LIMIT $n"""
    return sql, p


def _top_places(f: Filters, n: int) -> tuple[str, dict[str, Any]]:
    cte, p = scope(f)
    p["n"] = int(n)
    if _rolled(f):
        sql = f"""{cte}
    SELECT m.name, any_value(m.country) AS country, any_value(m.kind) AS kind,
           CAST(sum(m.mentions) AS BIGINT) AS mentions
    FROM place_days m WHERE TRUE{_in('m', f, p)}
    GROUP BY m.name ORDER BY mentions DESC, m.name LIMIT $n"""
        return sql, p
    sql = f"""{cte}
    SELECT m.name, any_value(m.country) AS country, any_value(m.kind) AS kind,
           count(*) AS mentions
    FROM places m
    WHERE m.name IS NOT NULL AND {_place_cond('m', f, p)}{_in('m', f, p)}
    GROUP BY m.name ORDER BY mentions DESC, m.name LIMIT $n"""
    return sql, p


def top_actors(store, f: Filters, n: int = 15) -> pd.DataFrame:
    """Most mentioned actors: ``name, type, mentions`` (under a broad filter, types as
    :func:`_actor_ranking` says)."""
    return _actor_ranking(store, f, n, country=False)


def _actor_ranking(store, f: Filters, n: int, country: bool) -> pd.DataFrame:
    """The ``n`` most mentioned actors with their type (and ``country``): from the day rollups
    without narrowing filters; under a broad filter (:func:`_run_broad`) every article's minus
    the dropped ones, with each name's most frequent type and country over every article of the
    version and dates, kept or not (a name's type rarely varies); else from the mention rows."""
    if not _narrows(f):
        return _run(store, *_actors_rolled(f, n, country))
    return _run_broad(store, f, lambda _share, _kept: _actors_rolled(f, n, country, broad=True),
                      lambda: _actors_by_rows(f, n, country), narrow=lambda: _actors_narrow(f, n, country))


def _actors_narrow(f: Filters, n: int, country: bool) -> tuple[str, dict[str, Any]]:
    """:func:`_actor_ranking` from the kept articles' facet rows (:func:`_kept_names`), types and
    countries as under a broad filter."""
    p: dict[str, Any] = {"n": int(n)}
    co = f""",
    co AS (SELECT name, arg_max(country, c) AS country FROM
           (SELECT name, country, sum(c) AS c FROM g WHERE country IS NOT NULL GROUP BY ALL) GROUP BY name)"""
    sql = f"""WITH top AS (SELECT name, CAST(c AS BIGINT) AS mentions FROM ({_kept_names(f, p, "actor")})
                 ORDER BY mentions DESC, name LIMIT $n),
    g AS (SELECT m.name, m.type, m.country, sum(m.mentions) AS c FROM actor_days m
          WHERE m.name IN (SELECT name FROM top){_rows('m', f, p)} GROUP BY ALL),
    ty AS (SELECT name, arg_max(type, c) AS type FROM
           (SELECT name, type, sum(c) AS c FROM g WHERE type IS NOT NULL GROUP BY ALL) GROUP BY name){co if country else ""}
    SELECT top.name, ty.type,{" co.country," if country else ""} top.mentions
    FROM top LEFT JOIN ty USING (name){" LEFT JOIN co USING (name)" if country else ""} ORDER BY top.mentions DESC, top.name"""
    return sql, p


def _actors_by_rows(f: Filters, n: int, country: bool) -> tuple[str, dict[str, Any]]:
    """:func:`_actor_ranking` from the mention rows of the articles ``f`` selects."""
    cte, p = scope(f)
    p["n"] = int(n)
    co = " mode(m.country) AS country," if country else ""
    sql = f"""{cte}
    SELECT m.name, mode(m.type) AS type,{co} count(*) AS mentions
    FROM actors m WHERE m.name IS NOT NULL{_in('m', f, p)}
    GROUP BY m.name ORDER BY mentions DESC, m.name LIMIT $n"""
    return sql, p


def latest_articles(store, f: Filters, n: int = 10) -> pd.DataFrame:
    """Newest matching articles: ``id, title, published, publisher, kind``."""
    cte, p = scope(f)
    p["n"] = int(n)
    sql = f"""{cte}
    SELECT a.id, a.title, a.published, a.publisher, a.kind
    FROM articles a JOIN sel ON a.id = sel.id
    ORDER BY a.published DESC NULLS LAST, a.id LIMIT $n"""
    return _run(store, sql, p)


# -- map ---------------------------------------------------------------------------------
def place_points(store, f: Filters) -> pd.DataFrame:
    """Located places: ``name, names, country, kind, lat, lon, regions, border_km, mentions,
    articles, figures, casualty_claims, evidence, article_id``.

    ``evidence`` is the text around the mention in the first article.

    Without narrowing filters every column comes from the day rollups. Filters that narrow the
    articles read each place's mentions and articles (exact) from the kept articles' facet rows
    (or every article's rollups minus the dropped articles' facet rows, for a filter keeping
    most), and its figures from the claims; its names and evidence then come from the day
    rollups of the filter's version and dates: ``names`` are the forms any article of those
    days wrote, and the evidence is the first mention of a kept article among each day's first
    mentions. Without the rollups (a version not summarised yet), from the mention rows, with
    ``articles`` a HyperLogLog estimate (exact distinct counts over millions of mentions cost
    seconds).
    """
    if _summarized(f):
        return _run_summarized(store, f, lambda: _place_points(f, True), lambda: _place_points(f, False),
                               then=_with_evidence)
    if _one_category(f):
        with store.connect() as con:
            if _by_category(store, con, f):
                df = con.execute(*_place_points_category(f)).df()
                return _with_evidence(con, _first_kept_evidence(con, f, df))
    return _run_kept(store, f, lambda broad: _place_points(f, False, broad), then=_with_evidence,
                     narrow=lambda share: _place_points_facets(f, share))


def _place_points_facets(f: Filters, share: float) -> tuple[str, dict[str, Any]]:
    """:func:`place_points` under a narrowing filter keeping ``share`` of the articles, from the
    facet rows and the day rollups (from :data:`BROAD_SHARE` on, every article's rollups minus
    the dropped articles' facet rows)."""
    cte, p = scope(f)
    located = "m.lat IS NOT NULL AND m.lon IS NOT NULL"
    broad = share >= BROAD_SHARE
    if broad:
        # The dropped articles are read once: testing the filter on every facet row is the cost.
        counts = f"""dr AS MATERIALIZED (SELECT a.id, a.place_keys, a.place_counts FROM article_facets a{_dropped(f, p)}),
    x AS ({_name_counts("place", "dr", keyed=True)}),
    cnt AS (SELECT g.name, CAST(g.c - coalesce(x.c, 0) AS BIGINT) AS mentions,
                   CAST(g.n - coalesce(x.n, 0) AS BIGINT) AS articles
            FROM (SELECT m.name, sum(m.mentions) AS c, sum(m.articles) AS n FROM place_days m
                  WHERE {located}{_rows('m', f, p)} GROUP BY m.name) g LEFT JOIN x ON x.key = hash(g.name)
            WHERE g.c > coalesce(x.c, 0)),"""
        kept_ev = "m.ev.aid NOT IN (SELECT id FROM dr)"
    else:
        counts = f"""cnt AS (SELECT name, CAST(c AS BIGINT) AS mentions, n AS articles FROM ({_kept_names(f, p, "place")})),"""
        kept_ev = "m.ev.aid IN (SELECT id FROM sel)"
    sql = f"""{cte},
    {counts}
    -- Not materialised: each use reads only the columns it needs.
    days AS NOT MATERIALIZED (SELECT m.* FROM place_days m
             WHERE {located} AND {_place_cond('m', f, p)} AND m.name IN (SELECT name FROM cnt){_rows('m', f, p)}),
    pts AS (SELECT cnt.name, cnt.mentions, cnt.articles, d.country, d.kind, d.lat, d.lon, d.regions, d.border_km
            FROM cnt JOIN (SELECT name, any_value(country) AS country, any_value(kind) AS kind, any_value(lat) AS lat,
                                  any_value(lon) AS lon, any_value(regions) AS regions, min(border_km) AS border_km
                           FROM days GROUP BY name) d USING (name)),
    nm AS (SELECT name, string_agg(surface, ' / ' ORDER BY surface) AS names FROM (
             SELECT DISTINCT name, unnest(surfaces) AS surface FROM days) GROUP BY name),
    ev AS (SELECT m.name, min(m.ev) AS ev FROM days m WHERE {kept_ev} GROUP BY m.name),
    fig AS ({_figures_per_place(f, p, False, share >= ANTI_JOIN_SHARE, "dr" if broad else None)})
    SELECT pts.name, nm.names, pts.country, pts.kind, pts.lat, pts.lon, pts.regions, pts.border_km,
           pts.mentions, pts.articles, coalesce(fig.figures, 0) AS figures,
           coalesce(fig.casualty_claims, 0) AS casualty_claims, ev.ev.st AS _st, ev.ev.en AS _en,
           ev.ev.aid AS article_id
    FROM pts LEFT JOIN nm USING (name) LEFT JOIN fig USING (name) LEFT JOIN ev USING (name)
    ORDER BY pts.mentions DESC, pts.name"""
    return sql, p


def _place_points_category(f: Filters) -> tuple[str, dict[str, Any]]:
    """:func:`place_points` from ``f``'s one category's summaries minus its dropped articles
    (:func:`_by_category`), with evidence candidates (``_ev``, ``_days``) for
    :func:`_first_kept_evidence`."""
    p: dict[str, Any] = {}
    located = "m.lat IS NOT NULL AND m.lon IS NOT NULL"
    p["k_ev"] = _EV_CANDIDATES
    sql = f"""WITH dr AS MATERIALIZED ({_category_dropped(f, p, "a.id, a.place_keys, a.place_counts")}),
    cnt AS (SELECT name, CAST(c AS BIGINT) AS mentions, CAST(n AS BIGINT) AS articles
            FROM ({_category_names(f, p, "place", "dr")})),
    days AS NOT MATERIALIZED (SELECT m.* FROM place_days m
             WHERE {located} AND {_place_cond('m', f, p)} AND m.name IN (SELECT name FROM cnt){_rows('m', f, p)}),
    pts AS (SELECT cnt.name, cnt.mentions, cnt.articles, d.country, d.kind, d.lat, d.lon, d.regions, d.border_km,
                   d.ev, d.n_days
            FROM cnt JOIN (SELECT name, any_value(country) AS country, any_value(kind) AS kind, any_value(lat) AS lat,
                                  any_value(lon) AS lon, any_value(regions) AS regions, min(border_km) AS border_km,
                                  min(ev, $k_ev) AS ev, count(*) AS n_days
                           FROM days GROUP BY name) d USING (name)),
    nm AS (SELECT name, string_agg(surface, ' / ' ORDER BY surface) AS names FROM (
             SELECT DISTINCT name, unnest(surfaces) AS surface FROM days) GROUP BY name),
    fig AS ({_figures_per_place(f, p, False, False, "dr")})
    SELECT pts.name, nm.names, pts.country, pts.kind, pts.lat, pts.lon, pts.regions, pts.border_km,
           pts.mentions, pts.articles, coalesce(fig.figures, 0) AS figures,
           coalesce(fig.casualty_claims, 0) AS casualty_claims, pts.ev AS _ev, pts.n_days AS _days
    FROM pts LEFT JOIN nm USING (name) LEFT JOIN fig USING (name)
    ORDER BY pts.mentions DESC, pts.name"""
    return sql, p


# The text around a mention, as the ledger's sentences are cut: 79 characters before, 80 after.
_EVIDENCE_SQL = """
WITH a AS MATERIALIZED (SELECT id, text FROM articles WHERE list_contains($aid, id)),
x AS (SELECT unnest($aid) AS aid, unnest($st) AS st, unnest($en) AS en, unnest(range(len($aid))) AS i)
SELECT trim(substr(a.text, greatest(x.st - 79, 1), x.en - x.st + 160)) AS evidence
FROM x LEFT JOIN a ON a.id = x.aid ORDER BY x.i"""


def _with_evidence(con, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` (columns ``_st``, ``_en`` and ``article_id`` last) with the ``evidence`` text
    from each row's article in place of ``_st`` and ``_en``.

    A query of its own, with the few article ids bound as a list: the articles table is then
    scanned for those ids alone, where a join in the main query hashed the whole table, texts
    and all (seconds at a million articles).
    """
    out = df.drop(columns=["_st", "_en"])
    if len(df):
        ev = con.execute(_EVIDENCE_SQL, {"aid": df["article_id"].tolist(), "st": df["_st"].tolist(),
                                         "en": df["_en"].tolist()}).df()["evidence"]
        ev.index = out.index
    else:  # a text column, as the article ids are
        ev = pd.Series([], dtype=df["article_id"].dtype, index=out.index)
    out.insert(len(out.columns) - 1, "evidence", ev)
    return out


def _figures_per_place(f: Filters, p: dict[str, Any], summary: bool, broad: bool = False,
                       dropped: str | None = None) -> str:
    """SQL: ``name, figures, casualty_claims`` per place, from ``figure_places`` when
    ``summary`` (no filter but the version), else the figure rows. With a ``dropped`` relation
    (the dropped articles' ``id``, under a filter keeping at least :data:`BROAD_SHARE`) and no
    date range (``figure_places`` has no dates): ``figure_places`` of the filter's categories
    minus the dropped articles' claims of them, so that only those are grouped; else the kept
    articles' claims (``broad``: the rows of articles not dropped, see :func:`_in`)."""
    p["cas"] = list(CASUALTY_CATEGORIES)
    if dropped and not (f.date_from or f.date_to) and not summary:
        return f"""SELECT name, CAST(sum(n) AS BIGINT) AS figures,
               CAST(coalesce(sum(n) FILTER (WHERE list_contains($cas, category)), 0) AS BIGINT) AS casualty_claims
        FROM (SELECT m.place AS name, m.category, m.claims AS n FROM figure_places m
              WHERE TRUE{_category_cond('m', f, p)}{_ver('m', f)}
              UNION ALL
              SELECT g.place, g.category, -count(*) FROM figures g
              WHERE g.place IS NOT NULL AND {_figure_cond('g', f, p)} AND g.article_id IN (SELECT id FROM {dropped})
                    {_rows('g', f, p)} GROUP BY ALL)
        GROUP BY name HAVING sum(n) > 0"""
    if summary:
        return f"""SELECT m.place AS name, CAST(sum(m.claims) AS BIGINT) AS figures,
               CAST(coalesce(sum(m.claims) FILTER (WHERE list_contains($cas, m.category)), 0) AS BIGINT)
                 AS casualty_claims
        FROM figure_places m WHERE TRUE{_ver('m', f)} GROUP BY m.place"""
    # Counted per place and category first: testing each claim's category cost more than the
    # rest of the scan.
    return f"""SELECT name, CAST(sum(n) AS BIGINT) AS figures,
               CAST(coalesce(sum(n) FILTER (WHERE list_contains($cas, category)), 0) AS BIGINT) AS casualty_claims
        FROM (SELECT g.place AS name, g.category, count(*) AS n FROM figures g
              WHERE g.place IS NOT NULL AND {_figure_cond('g', f, p)}{_in('g', f, p, broad, dropped)}
              GROUP BY ALL)
        GROUP BY name"""


def _place_points(f: Filters, summary: bool, broad: bool = False) -> tuple[str, dict[str, Any]]:
    cte, p = scope(f)
    located = "m.lat IS NOT NULL AND m.lon IS NOT NULL"
    if _rolled(f):
        points = f"""
    pts AS (
        SELECT m.name, CAST(sum(m.mentions) AS BIGINT) AS mentions, CAST(sum(m.articles) AS BIGINT) AS articles,
               arg_min(m.ev, m.ev.aid) AS ev, any_value(m.country) AS country, any_value(m.kind) AS kind,
               any_value(m.lat) AS lat, any_value(m.lon) AS lon, any_value(m.regions) AS regions,
               min(m.border_km) AS border_km
        FROM place_days m WHERE {located}{_in('m', f, p, broad)} GROUP BY m.name),
    nm AS (
        SELECT name, string_agg(surface, ' / ' ORDER BY surface) AS names FROM (
            SELECT DISTINCT m.name, unnest(m.surfaces) AS surface FROM place_days m
            WHERE {located}{_in('m', f, p, broad)}) GROUP BY name),"""
    else:
        points = f"""
    -- Cheap aggregates per name first; the gazetteer attributes (the same for every mention of
    -- a name) are then read from the one row each name's evidence comes from.
    agg AS (
        SELECT m.name, count(*) AS mentions, approx_count_distinct(m.article_id) AS articles,
               arg_min({{'aid': m.article_id, 'st': m.start, 'en': m."end", 'r': m.rowid}}, m.article_id) AS ev
        FROM places m
        WHERE {located} AND {_place_cond('m', f, p)}{_in('m', f, p, broad)}
        GROUP BY m.name),
    pts AS (
        SELECT agg.*, m.country, m.kind, m.lat, m.lon, m.regions, m.border_km
        FROM agg JOIN places m ON m.rowid = agg.ev.r),
    nm AS (
        SELECT name, string_agg(surface, ' / ' ORDER BY surface) AS names FROM (
            SELECT m.name, m.surface FROM places m
            WHERE {located} AND {_place_cond('m', f, p)}{_in('m', f, p, broad)}
            GROUP BY ALL) GROUP BY name),"""
    sql = f"""{cte},{points}
    fig AS ({_figures_per_place(f, p, summary, broad)})
    SELECT pts.name, nm.names, pts.country, pts.kind, pts.lat, pts.lon, pts.regions, pts.border_km,
           pts.mentions, pts.articles, coalesce(fig.figures, 0) AS figures,
           coalesce(fig.casualty_claims, 0) AS casualty_claims, pts.ev.st AS _st, pts.ev.en AS _en,
           pts.ev.aid AS article_id
    FROM pts LEFT JOIN nm USING (name) LEFT JOIN fig USING (name)
    ORDER BY pts.mentions DESC, pts.name"""
    return sql, p


# Candidate actors when the map colours places by actor: a legend stays readable with this many.
_MAP_ACTORS = 8


def place_top_actor(store, f: Filters) -> pd.DataFrame:
    """For each located place, the actor (among the ``_MAP_ACTORS`` named in most articles) most
    often named in the same articles: ``name, actor, articles``."""
    if _summarized(f):
        return _run_summarized(store, f, lambda: _place_top_actor_summary(f), lambda: _place_top_actor(f))
    return _run_broad(store, f, lambda _share, _kept: _place_top_actor_broad(f), lambda: _place_top_actor(f),
                      timeless=True, narrow=lambda: _place_top_actor(f, days=True))


def _top_paired(f: Filters, n: int) -> str:
    """SQL: the ``n`` actors named in most articles (then by name), from ``actor_pairs``, where
    an actor paired with itself counts the articles naming it."""
    return (f"SELECT t.actor AS name FROM actor_pairs t WHERE t.actor = t.other{_ver('t', f)} "
            f"GROUP BY t.actor ORDER BY sum(t.articles) DESC, t.actor LIMIT {int(n)}")


def _place_top_actor_summary(f: Filters) -> tuple[str, dict[str, Any]]:
    """:func:`place_top_actor` from the version summaries."""
    p: dict[str, Any] = {} if f.version is None else {"v": f.version}
    sql = f"""WITH top AS ({_top_paired(f, _MAP_ACTORS)}),
    c AS (SELECT m.place AS name, m.actor, CAST(sum(m.articles) AS BIGINT) AS articles FROM place_actors m
          WHERE m.actor IN (SELECT name FROM top){_ver('m', f)} GROUP BY ALL)
    SELECT name, arg_max(actor, articles * 1e6 - hash(actor) % 1000) AS actor, max(articles) AS articles
    FROM c GROUP BY name ORDER BY name"""
    return sql, p


def _place_top_actor_broad(f: Filters) -> tuple[str, dict[str, Any]]:
    """:func:`place_top_actor` as every article's place-actor pairs minus the dropped
    articles' (:func:`_run_broad`), for the places a region or place filter matches."""
    p: dict[str, Any] = {}
    within = ""
    if f.regions or f.places:
        within = f""" AND m.place IN (SELECT d.name FROM place_days d WHERE {_place_cond('d', f, p)}{_ver('d', f)})"""
    sql = f"""WITH {_kept_bits(f, p, _MAP_ACTORS)},
    pm AS (SELECT x.key, am.mask, count(*) AS n
           FROM (SELECT r, unnest(place_keys) AS key FROM ex) x JOIN am USING (r) GROUP BY ALL),
    xc AS (SELECT pm.key, t.name AS actor, sum(pm.n) AS n
           FROM pm JOIN t ON (pm.mask >> t.bit) & CAST(1 AS UBIGINT) = 1 GROUP BY ALL),
    -- A place-actor pair of a dropped article has its row in place_actors (its name there).
    c AS (SELECT max(place) AS name, actor, CAST(sum(n) AS BIGINT) AS articles FROM (
            SELECT hash(m.place) AS key, m.place, m.actor, m.articles AS n FROM place_actors m
            WHERE m.actor IN (SELECT name FROM t){_ver('m', f)}{within}
            UNION ALL SELECT key, NULL, actor, -n FROM xc)
          GROUP BY key, actor HAVING sum(n) > 0)
    SELECT name, arg_max(actor, articles * 1e6 - hash(actor) % 1000) AS actor, max(articles) AS articles
    FROM c GROUP BY name ORDER BY name"""
    return sql, p


def _place_top_actor(f: Filters, days: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`place_top_actor` from the kept articles' facet rows; the located places
    and their regions from ``place_days`` when ``days`` (the day rollups cover the version),
    else from every place mention."""
    cte, p = scope(f)
    # Each article's top actors become one bit mask, so places join one row per article
    # (not one per article and actor) and pairs are expanded per distinct mask afterwards. The
    # distinct actors and places of each article come from article_facets, already grouped.
    sql = f"""{cte},
    fa AS (SELECT a.rowid AS r, a.actors, a.places FROM article_facets a{_facet_where(f, p)}),
    ax AS (SELECT r, unnest(actors) AS name FROM fa),
    top AS ({_top_bits('ax', _MAP_ACTORS)}),
    am AS (SELECT ax.r, bit_or(CAST(1 AS UBIGINT) << top.bit) AS mask FROM ax JOIN top USING (name) GROUP BY ax.r),
    loc AS (SELECT m.name, any_value(m.regions) AS regions FROM {"place_days" if days else "places"} m
            WHERE m.lat IS NOT NULL AND m.name IS NOT NULL{_ver('m', f)} GROUP BY m.name),
    pm0 AS (SELECT x.name, am.mask, count(*) AS n
            FROM (SELECT r, unnest(places) AS name FROM fa) x JOIN am USING (r) GROUP BY ALL),
    pm AS (SELECT pm0.* FROM pm0 JOIN loc m USING (name) WHERE {_place_cond('m', f, p)}),
    c AS (SELECT pm.name, top.name AS actor, CAST(sum(pm.n) AS BIGINT) AS articles
          FROM pm JOIN top ON (pm.mask >> top.bit) & CAST(1 AS UBIGINT) = 1 GROUP BY ALL)
    SELECT name, arg_max(actor, articles * 1e6 - hash(actor) % 1000) AS actor, max(articles) AS articles
    FROM c GROUP BY name ORDER BY name"""
    return sql, p


def _top_bits(rel: str, n: int) -> str:
    """SQL: the ``n`` most frequent names of ``rel`` (one row per occurrence, a ``name`` column;
    by count, then name) with a bit number 0..n-1 each, for per-article bit masks (``n`` at
    most 64)."""
    if not 0 < n <= 64:
        raise ValueError(f"n must be between 1 and 64 for a bit mask, got {n!r}")
    return (f"SELECT name, CAST(row_number() OVER (ORDER BY cnt DESC, name) - 1 AS INTEGER) AS bit "
            f"FROM (SELECT name, count(*) AS cnt FROM {rel} GROUP BY name) QUALIFY bit < {int(n)}")


def region_counts(store, f: Filters) -> pd.DataFrame:
    """Mentions and casualty claims per region id: ``region, mentions, casualty_claims``.

    Places are counted per name first and their (gazetteer) regions, the same for every mention
    of a name, are read from one row per name and expanded afterwards.
    """
    if _summarized(f):
        return _run_summarized(store, f, lambda: _region_counts(f, True), lambda: _region_counts(f, False))
    if _one_category(f):
        with store.connect() as con:
            if _by_category(store, con, f):
                return con.execute(*_region_counts(f, False, category=True)).df()
    return _run_kept(store, f, lambda broad: _region_counts(f, False, broad),
                     narrow=lambda share: _region_counts(f, False, share >= ANTI_JOIN_SHARE, share=share))


def _region_counts(f: Filters, summary: bool, broad: bool = False, share: float | None = None,
                   category: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`region_counts`; ``share`` (of the articles a narrowing filter keeps, when
    the day rollups cover its version): place mentions from the kept articles' facet rows
    (:func:`_kept_names`), or from :data:`BROAD_SHARE` on the rollups minus the dropped
    articles' facet rows, rather than the mention rows; ``category``: from ``f``'s one
    category's summaries minus its dropped articles (:func:`_by_category`)."""
    cte, p = scope(f)
    dropped = None
    # A place's regions, the same in every mention of its name.
    names = f"names AS (SELECT m.name, any_value(m.regions) AS regions FROM place_days m WHERE TRUE{_ver('m', f)} GROUP BY m.name)"
    if category:
        dropped = "dr"
        pn = f"""dr AS MATERIALIZED ({_category_dropped(f, p, "a.id, a.place_keys, a.place_counts")}),
    k AS ({_category_names(f, p, "place", "dr")}),
    pn AS (SELECT k.name, names.regions, k.c AS mentions FROM k JOIN names USING (name)
           WHERE {_place_cond('names', f, p)})"""
    elif share is not None and share >= BROAD_SHARE:
        dropped = "dr"
        pn = f"""dr AS MATERIALIZED (SELECT a.id, a.place_keys, a.place_counts FROM article_facets a{_dropped(f, p)}),
    x AS ({_name_counts("place", "dr", keyed=True)}),
    g AS (SELECT m.name, any_value(m.regions) AS regions, sum(m.mentions) AS c FROM place_days m
          WHERE {_place_cond('m', f, p)}{_rows('m', f, p)} GROUP BY m.name),
    pn AS (SELECT g.name, g.regions, g.c - coalesce(x.c, 0) AS mentions FROM g LEFT JOIN x ON x.key = hash(g.name)
           WHERE g.c > coalesce(x.c, 0))"""
    elif share is not None:
        pn = f"""k AS ({_kept_names(f, p, "place")}),
    loc AS ({_place_attrs(f, p, "k")}),
    pn AS (SELECT k.name, loc.regions, k.c AS mentions FROM k JOIN loc USING (name) WHERE {_place_cond('loc', f, p)})"""
    elif _rolled(f):
        pn = f"""pn AS (SELECT m.name, any_value(m.regions) AS regions, sum(m.mentions) AS mentions FROM place_days m
           WHERE TRUE{_in('m', f, p, broad)} GROUP BY m.name)"""
    else:
        pn = f"""pn0 AS (SELECT m.name, min(m.rowid) AS r, count(*) AS mentions FROM places m
            WHERE m.name IS NOT NULL AND {_place_cond('m', f, p)}{_in('m', f, p, broad)} GROUP BY m.name),
    pn AS (SELECT pn0.name, m.regions, pn0.mentions FROM pn0 JOIN places m ON m.rowid = pn0.r)"""
        names = """names0 AS (SELECT name, min(rowid) AS r FROM places WHERE name IS NOT NULL GROUP BY name),
    names AS (SELECT names0.name, m.regions FROM names0 JOIN places m ON m.rowid = names0.r)"""
    sql = f"""{cte},
    {names},
    {pn},
    rc AS (SELECT region, sum(mentions) AS mentions FROM (SELECT unnest(regions) AS region, mentions FROM pn)
           GROUP BY region),
    fp AS (SELECT name, casualty_claims AS claims FROM ({_figures_per_place(f, p, summary, broad, dropped)})
           WHERE casualty_claims > 0),
    fc AS (SELECT region, sum(claims) AS casualty_claims FROM
           (SELECT unnest(names.regions) AS region, fp.claims FROM fp JOIN names USING (name)) GROUP BY region)
    SELECT rc.region, CAST(rc.mentions AS BIGINT) AS mentions,
           CAST(coalesce(fc.casualty_claims, 0) AS BIGINT) AS casualty_claims
    FROM rc LEFT JOIN fc USING (region) ORDER BY rc.mentions DESC, rc.region"""
    return sql, p


# -- casualties --------------------------------------------------------------------------
_LEDGER_COLS = """g.article_id, g.idx, g.value, g.low, g.high, g.qualifier, g.category,
           g.actor AS side, g.claimed_by,
           coalesce(g.date, strftime(g.published, '%Y-%m-%d')) AS event_date,
           g.date IS NULL AS date_from_published, g.place, g.surface, g.sentence"""


def figures_ledger(store, f: Filters, limit: int = 5000) -> pd.DataFrame:
    """Every figure claim: ``article_id, idx, value, low, high, qualifier, category, side,
    claimed_by, event_date, date_from_published, place, surface, sentence, title, published,
    publisher`` (newest events first)."""
    # Without narrowing filters, only the claims of the newest event months holding ``limit``
    # claims are sorted (figure_months has the counts); should they fall short (a version not
    # summarised yet), every claim is. A broad filter on articles keeps a share of every
    # month's claims: the months are taken to hold ``limit`` / share, with a margin.
    with store.connect() as con:
        share = _cut_share(store, con, f)
        if share is None:
            return con.execute(*_figures_ledger(f, limit, None)).df()
        cut = _cut_month(con, f, "claims", _claims_needed(limit, share))
        if cut is not None:
            df = con.execute(*_figures_ledger(f, limit, cut, broad=_drops_few(store, con, f))).df()
            if len(df) >= limit:
                return df
        return con.execute(*_figures_ledger(f, limit, None)).df()


# How many more claims than needed the newest months must hold under a broad filter, whose
# share of each month's claims varies around its share of the articles.
_CUT_MARGIN = 1.1


def _cut_share(store, con, f: Filters) -> float | None:
    """The share of each month's claims ``f`` keeps, when the ledger and the disputed claims may
    take their newest months from ``figure_months``: 1.0 without narrowing filters, the share
    of the claims' articles kept (:func:`_claims_share`) when at least :data:`BROAD_SHARE`;
    None otherwise.

    The share only sizes the months taken (:func:`_cut_month` counts the claims of the
    filter's categories and event months): callers check that the months held enough claims
    and take every month otherwise, so an estimate off either way costs time, never rows.
    """
    if _rolled(f):
        return 1.0
    share = _claims_share(store, con, f)
    return share if share >= BROAD_SHARE and share > 0 else None


def _drops_few(store, con, f: Filters) -> bool:
    """True when ``f`` narrows the articles but keeps at least :data:`BROAD_SHARE` of them: its
    claims are then tested against the articles it drops (an anti-join, see :func:`_in`)
    rather than the many it keeps."""
    return _narrows(f) and _share(store, con, f) >= BROAD_SHARE


def _claims_needed(n: int, share: float) -> int:
    """Claims the newest months must hold for ``n`` of them to be left under a filter keeping
    ``share`` of the articles."""
    return int(n) if share >= 1 else math.ceil(n * _CUT_MARGIN / share)


def _cut_month(con, f: Filters, column: str, at_least: int) -> str | None:
    """The newest event month ('YYYY-MM') from which on the claims add up to ``at_least``, by
    the monthly summaries' ``<column>`` (``claims``, or ``placed``: those with a place; see
    :func:`_month_rows`) under ``f``'s version, publication dates, categories and event months;
    None when all of them add up to less."""
    q: dict[str, Any] = {"at_least": int(at_least)}
    conds = _rows("m", f, q) + _category_cond("m", f, q)
    if f.date_field == "event" and f.date_to:
        q["dto"] = f.date_to
        conds += " AND m.month <= CAST($dto AS DATE)"
    if f.date_field == "event" and f.date_from:
        q["dfrom"] = f.date_from
        conds += " AND m.month >= date_trunc('month', CAST($dfrom AS DATE))"
    row = con.execute(f"""SELECT m FROM (
            SELECT strftime(month, '%Y-%m') AS m, sum(n) OVER (ORDER BY month DESC) AS c FROM (
                SELECT m.month, sum(m.{column}) AS n FROM {_month_rows(f)} m
                WHERE m.month IS NOT NULL{conds} GROUP BY m.month))
        WHERE c >= $at_least ORDER BY m DESC LIMIT 1""", q).fetchone()
    return None if row is None else row[0]


def _figures_ledger(f: Filters, limit: int, cut_month: str | None, broad: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`figures_ledger`, over the claims dated in or after ``cut_month`` only
    (see :func:`_claims_since`) when it is given."""
    cte, p = scope(f)
    p["lim"] = int(limit)
    # Pick the rows on narrow sort keys first, then read the wide columns (sentences) and the
    # titles for those rows only.
    sql = f"""{cte},
    k AS (SELECT g.rid, coalesce(g.date, strftime(g.published, '%Y-%m-%d')) AS event_date,
                 g.category, g.article_id, g.idx
          FROM {_claims_since(cut_month, p)} g
          WHERE {_figure_cond('g', f, p)}{_in('g', f, p, broad)}
          ORDER BY event_date DESC NULLS LAST, g.category, g.article_id, g.idx LIMIT $lim),
    x AS (SELECT {_LEDGER_COLS} FROM {_claims_since(cut_month, p)} g JOIN k ON g.rid = k.rid)
    SELECT x.*, a.title, a.published, a.publisher
    FROM x JOIN articles a ON a.id = x.article_id
    ORDER BY x.event_date DESC NULLS LAST, x.category, x.article_id, x.idx"""
    return sql, p


def _claims_since(cut_month: str | None, p: dict[str, Any]) -> str:
    """SQL relation: the figure claims, with their ``rid`` (row id), whose event date (their
    own, else their article's publication day) sorts on or after ``cut_month`` ('YYYY-MM');
    all of them when None.

    Two branches, so that each pushes plain column filters into the scan: an OR of the two
    would push only "date >= cut OR date IS NULL", which most claims pass.
    """
    if cut_month is None:
        return "(SELECT *, rowid AS rid FROM figures)"
    p["cut"] = cut_month
    return ("(SELECT *, rowid AS rid FROM figures WHERE date >= $cut UNION ALL "
            "SELECT *, rowid AS rid FROM figures WHERE date IS NULL AND published >= CAST($cut || '-01' AS DATE))")


def figures_by_month(store, f: Filters) -> pd.DataFrame:
    """Claims per event month, category and side: ``month, category, side, claims,
    highest_low`` (the largest lower bound claimed; claims are never summed)."""
    if _rolled(f):
        return _run_summarized(store, f, lambda: _figures_by_month_summary(f), lambda: _figures_by_month(f))
    if not (f.date_field == "event" and (f.date_from or f.date_to)):
        with store.connect() as con:
            if _claims_share(store, con, f) >= ANTI_JOIN_SHARE and _covered(con, f):
                return _figures_by_month_minus(con, f)
    return _run_kept(store, f, lambda broad: _figures_by_month(f, broad))


def _figures_by_month_summary(f: Filters) -> tuple[str, dict[str, Any]]:
    """:func:`figures_by_month` from ``figure_month_totals``, or under a publication-date range
    from ``figure_months`` (kept per publication day)."""
    p: dict[str, Any] = {}
    sql = f"""SELECT m.month, m.category, m.side, CAST(sum(m.claims) AS BIGINT) AS claims,
           max(m.highest_low) AS highest_low
    FROM {_month_rows(f)} m WHERE m.month IS NOT NULL{_in('m', f, p)} GROUP BY ALL ORDER BY month, category, side"""
    return sql, p


def _month_rows(f: Filters) -> str:
    """The summary of claims per month that ``f``'s publication dates allow: ``figure_months``
    (per publication day) under a range, else ``figure_month_totals`` (200x fewer rows)."""
    pub_range = f.date_field == "published" and (f.date_from or f.date_to)
    return "figure_months" if pub_range else "figure_month_totals"


def _figures_by_month(f: Filters, broad: bool = False) -> tuple[str, dict[str, Any]]:
    cte, p = scope(f)
    # Grouped on the month's text (a claim's own date) or its publication month (a date's
    # integer arithmetic) first, and made a date per group: formatting the publication day and
    # casting text to a date for each claim cost most of the query. A year alone ("2020")
    # falls in its January, as "2020-01" does.
    sql = f"""{cte},
    x AS (SELECT left(g.date, 7) AS dm, CASE WHEN g.date IS NULL THEN date_trunc('month', g.published) END AS pm,
                 g.category, coalesce(g.actor, 'unattributed') AS side, coalesce(g.low, g.value) AS lo
          FROM figures g
          WHERE (g.date IS NOT NULL OR g.published IS NOT NULL) AND {_figure_cond('g', f, p)}{_in('g', f, p, broad)}),
    grp AS (SELECT dm, pm, category, side, count(*) AS claims, max(lo) AS highest_low FROM x GROUP BY ALL)
    SELECT * FROM (
        SELECT coalesce(TRY_CAST({_D_START.format(d='dm')} AS DATE), CAST(pm AS DATE)) AS month, category, side,
               CAST(sum(claims) AS BIGINT) AS claims, max(highest_low) AS highest_low
        FROM grp GROUP BY ALL)
    WHERE month IS NOT NULL ORDER BY month, category, side"""
    return sql, p


# -- figures by month under a filter dropping few articles --------------------------------
# Every claim's month key as figure_months has it (data.store.derived): the claim's own month
# text, else its publication month, made a date once per group.
_CLAIM_KEYS = """g.published, left(g.date, 7) AS dm,
                 CASE WHEN g.date IS NULL THEN date_trunc('month', g.published) END AS pm,
                 g.category, coalesce(g.actor, 'unattributed') AS side, coalesce(g.low, g.value) AS lo"""
_CLAIM_MONTH = f"coalesce(TRY_CAST({_D_START.format(d='dm')} AS DATE), CAST(pm AS DATE))"
_DAY_KEY = """{a}.published IS NOT DISTINCT FROM {b}.published AND {a}.month = {b}.month
              AND {a}.category IS NOT DISTINCT FROM {b}.category AND {a}.side = {b}.side"""
_GROUP_KEY = "{a}.month = {b}.month AND {a}.category IS NOT DISTINCT FROM {b}.category AND {a}.side = {b}.side"


def _figures_by_month_minus(con, f: Filters) -> pd.DataFrame:
    """:func:`figures_by_month` as the monthly summaries minus the claims of the articles ``f``
    drops, for a filter that keeps most articles (no event-date range: the summaries have
    months, not days).

    Grouping every kept claim cost ~0.9 s at 1M articles. Counts subtract; a maximum does not,
    but a month group's maximum can only fall where a dropped claim equals it (40 of 12,120
    groups for a filter dropping 0.5% of 1M articles). Such a group takes the highest of its
    ``figure_months`` day rows where no dropped claim equals the row's highest, and of the other
    day rows' kept claims where those could be higher (:func:`_kept_highest`).
    """
    p: dict[str, Any] = {}
    drop = _claims_dropped(f, p)
    rows_m, rows_g = _rows("m", f, p), _rows("g", f, p)
    cats = _category_cond("m", f, p)
    day, group = _DAY_KEY.format, _GROUP_KEY.format
    sql = f"""WITH d AS ({drop}),
    x AS (SELECT {_CLAIM_KEYS}, count(*) AS n FROM figures g
          WHERE (g.date IS NOT NULL OR g.published IS NOT NULL) AND {_figure_cond('g', f, p)}{rows_g}
            AND g.article_id IN (SELECT id FROM d) GROUP BY ALL),
    xd AS (SELECT published, {_CLAIM_MONTH} AS month, category, side, lo, sum(n) AS n FROM x GROUP BY ALL),
    g0 AS (SELECT m.month, m.category, m.side, sum(m.claims) AS claims, max(m.highest_low) AS hl
           FROM {_month_rows(f)} m WHERE m.month IS NOT NULL{rows_m}{cats} GROUP BY ALL),
    adjg AS (SELECT xd.month, xd.category, xd.side, sum(xd.n) AS n, bool_or(coalesce(xd.lo = g0.hl, false)) AS hit
             FROM xd JOIN g0 ON {group(a='xd', b='g0')} GROUP BY ALL),
    res AS (SELECT g0.month, g0.category, g0.side, g0.claims - coalesce(adjg.n, 0) AS claims, g0.hl,
                   coalesce(adjg.hit, false) AS suspect
            FROM g0 LEFT JOIN adjg ON {group(a='g0', b='adjg')} WHERE g0.claims > coalesce(adjg.n, 0)),
    -- The day rows of those groups, "touched" where a dropped claim equals the row's highest.
    -- (Materialised: the few groups' rows first, then their dropped claims.)
    days0 AS MATERIALIZED (SELECT m.published, m.month, m.category, m.side, m.highest_low AS h
             FROM figure_months m JOIN (SELECT * FROM res WHERE suspect) s ON {group(a='m', b='s')}
             WHERE m.month IS NOT NULL{rows_m}{cats}),
    days AS (SELECT m.published, m.month, m.category, m.side, any_value(m.h) AS h,
                    bool_or(coalesce(xd.lo = m.h, false)) AS touched
             FROM days0 m LEFT JOIN xd ON {day(a='m', b='xd')} GROUP BY m.published, m.month, m.category, m.side),
    rest AS (SELECT month, category, side, max(h) FILTER (WHERE NOT touched) AS best FROM days GROUP BY ALL),
    redo AS (SELECT days.published, days.month, days.category, days.side FROM days JOIN rest ON {group(a='days', b='rest')}
             WHERE days.touched AND (rest.best IS NULL OR days.h > rest.best)),
    -- Each such day row with its dropped claims' values, to be taken from all of its claims.
    redo_g AS (SELECT redo.month, redo.category, redo.side,
                      list({{'published': redo.published, 'lo': xd.lo, 'n': xd.n}}) AS redo
               FROM redo JOIN xd ON {day(a='redo', b='xd')} GROUP BY ALL)
    SELECT res.month, res.category, res.side, CAST(res.claims AS BIGINT) AS claims,
           CASE WHEN res.suspect THEN rest.best ELSE res.hl END AS highest_low, redo_g.redo AS _redo
    FROM res LEFT JOIN rest ON {group(a='res', b='rest')} LEFT JOIN redo_g ON {group(a='res', b='redo_g')}
    ORDER BY month, category, side"""
    df = con.execute(sql, p).df()
    redo = df["_redo"].notna()
    if redo.any():
        kept = _kept_highest(con, f, df[redo])
        df.loc[redo, "highest_low"] = np.fmax(df.loc[redo, "highest_low"].to_numpy(), kept.to_numpy())
    return df.drop(columns="_redo")


def _kept_highest(con, f: Filters, groups: pd.DataFrame) -> pd.Series:
    """Per row of ``groups`` (month groups of :func:`_figures_by_month_minus`, with the day rows
    to recompute and their dropped claims' values in ``_redo``): the highest lower bound of
    those day rows' kept claims (NaN when they have none), read from their days' claims."""
    cols = ["month", "category", "side"]
    p: dict[str, Any] = {"dropped": [
        {"published": d["published"], "month": pd.Timestamp(month).date(), "category": category, "side": side,
         "lo": d["lo"], "n": d["n"]}
        for month, category, side, redo in zip(*(groups[c] for c in (*cols, "_redo"))) for d in redo]}
    claims = f"""SELECT {_CLAIM_KEYS} FROM figures g
        WHERE (g.date IS NOT NULL OR g.published IS NOT NULL) AND {_figure_cond('g', f, p)}{_rows('g', f, p)}"""
    # Two branches, so that the scan is narrowed by the few days (a semi-join filter) or by a
    # null test, which an OR of them would not be.
    sql = f"""WITH dr AS (SELECT CAST(published AS DATE) AS published, CAST(month AS DATE) AS month, category, side,
                          lo, n FROM (SELECT unnest($dropped, recursive := true))),
    r AS (SELECT DISTINCT published, month, category, side FROM dr),
    x AS ({claims} AND g.published IN (SELECT published FROM r)
          UNION ALL
          {claims} AND g.published IS NULL AND EXISTS (SELECT 1 FROM r WHERE published IS NULL)),
    k AS (SELECT x.published, {_CLAIM_MONTH} AS month, x.category, x.side, x.lo, count(*) AS n FROM x GROUP BY ALL)
    SELECT k.month, k.category, k.side, max(k.lo) AS hl
    FROM k JOIN r ON {_DAY_KEY.format(a='k', b='r')}
    LEFT JOIN dr ON {_DAY_KEY.format(a='k', b='dr')} AND k.lo = dr.lo
    WHERE k.n > coalesce(dr.n, 0) GROUP BY ALL"""
    kept = con.execute(sql, p).df()
    return groups[cols].merge(kept, on=cols, how="left")["hl"].set_axis(groups.index)


def _category_cond(alias: str, f: Filters, p: dict[str, Any]) -> str:
    """SQL (`` AND ...``, or empty): rows of ``alias`` (with a ``category``) in ``f``'s categories."""
    if not f.categories:
        return ""
    p["categories"] = list(f.categories)
    return f" AND list_contains($categories, {alias}.category)"


def disputed(store, f: Filters, events: int = 100) -> pd.DataFrame:
    """Claims about the same event (same event date, place and category) that differ in value
    or come from more than one article, one row per claim: ``event_date, place, category,
    claim, claims_in_event`` plus the ledger columns, for the ``events`` most recent disputed
    events. Never summed."""
    if not isinstance(events, int) or isinstance(events, bool) or events < 1:
        raise ValueError(f"events must be a positive int, got {events!r}")
    # Grouping every claim into events is the cost (hundreds of thousands of groups), and only
    # the most recent events are shown. So group only the claims dated on or after the month of
    # the ``_DISPUTED_WINDOW``-th most recent claim first: every event on those dates is
    # complete and sorts before any event left out, so when that yields ``events`` disputed
    # events they are exactly the top ones; otherwise group everything.
    df = _disputed(store, f, events, _DISPUTED_WINDOW)
    restricted = bool(df["_cut"].iloc[0]) if len(df) else True
    if restricted and df[["event_date", "place", "category"]].drop_duplicates().shape[0] < events:
        df = _disputed(store, f, events, None)
    return df.drop(columns="_cut")


_DISPUTED_WINDOW = 20_000


def _disputed(store, f: Filters, events: int, window: int | None) -> pd.DataFrame:
    cte, p = scope(f)
    p["events"] = int(events)
    with store.connect() as con:
        # Without narrowing filters the cut month comes from figure_months, and is bound as a
        # value so that the claims are first narrowed on their stored date and publication day
        # (cheap column filters) before the event date is computed. Any cut gives the right
        # events (see disputed()), so a version not yet summarised only makes it less useful.
        # A broad filter on articles keeps a share of every month's claims (as the ledger).
        share = None if window is None else _cut_share(store, con, f)
        if share is not None:
            cut = _cut_month(con, f, "placed", _claims_needed(int(window) + 1, share))
            return con.execute(*_disputed_sql(cte, p, f, cut, None, broad=_drops_few(store, con, f))).df()
        return con.execute(*_disputed_sql(cte, p, f, None, window)).df()


def _disputed_sql(cte: str, p: dict[str, Any], f: Filters, cut_month: str | None,
                  window: int | None, broad: bool = False) -> tuple[str, dict[str, Any]]:
    """SQL for :func:`_disputed`: events dated in or after ``cut_month`` ('YYYY-MM'), or after
    the cut computed from the claims themselves when ``window`` is given, or all events."""
    src = "figures" if cut_month is None else _claims_since(cut_month, p)
    if cut_month is not None:
        cut = "CAST($cut AS VARCHAR)"
    elif window is None:
        cut = "CAST(NULL AS VARCHAR)"
    else:
        p["window"] = int(window)
        # The newest event month holding the window-th claim: a histogram of a few hundred months
        # instead of sorting every claim's date.
        cut = ("(SELECT m FROM (SELECT m, sum(n) OVER (ORDER BY m DESC) AS c FROM "
               "(SELECT left(event_date, 7) AS m, count(*) AS n FROM k WHERE event_date IS NOT NULL GROUP BY m)) "
               "WHERE c > $window ORDER BY m DESC LIMIT 1)")
    # Events are found on narrow columns, and the wide ledger columns (sentences) read only for
    # the claims of the chosen events. With narrowing filters the semi-joined claims are kept
    # and found again by row id; without, the claims are a plain scan, cheaper to repeat than to
    # materialise, so the chosen events are joined to the table directly.
    if _narrows(f):
        claims = """r AS (SELECT k.rid, ev.claims_in_event FROM k JOIN ev USING (event_date, place, category)),
    x AS (SELECT {cols}, r.claims_in_event FROM figures g JOIN r ON g.rowid = r.rid)"""
    else:
        claims = """x AS (SELECT {cols}, ev.claims_in_event FROM {src} g
          JOIN ev ON coalesce(g.date, strftime(g.published, '%Y-%m-%d')) = ev.event_date
                 AND g.place = ev.place AND g.category = ev.category
          WHERE TRUE{within})"""
    claims = claims.format(cols=_LEDGER_COLS, within=_in("g", f, p), src=src)
    sql = f"""{cte},
    k AS {f"(SELECT g.{'rowid' if src == 'figures' else 'rid'} AS rid," if _narrows(f) else "NOT MATERIALIZED (SELECT"} g.article_id,
                 coalesce(g.date, strftime(g.published, '%Y-%m-%d')) AS event_date, g.place, g.category,
                 coalesce(g.low, g.value) AS lo, coalesce(g.high, g.value) AS hi
          FROM {src} g
          WHERE g.place IS NOT NULL AND {_figure_cond('g', f, p)}{_in('g', f, p, broad)}),
    cut AS (SELECT {cut} AS d),
    ev AS (SELECT event_date, place, category, count(*) AS claims_in_event FROM k
           WHERE event_date IS NOT NULL AND event_date >= coalesce((SELECT d FROM cut), '') GROUP BY ALL
           HAVING count(*) > 1 AND (min(article_id) <> max(article_id) OR min(lo) <> max(lo) OR min(hi) <> max(hi))
           ORDER BY event_date DESC, place, category LIMIT $events),
    {claims}
    SELECT x.event_date, x.place, x.category,
           row_number() OVER (PARTITION BY x.event_date, x.place, x.category
                              ORDER BY x.value, x.article_id, x.idx) AS claim,
           x.claims_in_event, x.value, x.low, x.high, x.qualifier, x.side, x.claimed_by,
           a.publisher, a.title, x.article_id, x.idx, x.sentence,
           (SELECT d FROM cut) IS NOT NULL AS _cut
    FROM x JOIN articles a ON a.id = x.article_id
    ORDER BY x.event_date DESC, x.place, x.category, claim"""
    return sql, p


# -- actors ------------------------------------------------------------------------------
def actors_by_type(store, f: Filters, n: int = 40) -> pd.DataFrame:
    """``name, type, country, mentions`` for the most mentioned actors (under a broad filter,
    types and countries as :func:`_actor_ranking` says)."""
    return _actor_ranking(store, f, n, country=True)


def actor_timeline(store, f: Filters, top: int = 8) -> pd.DataFrame:
    """Monthly mentions of the ``top`` actors (the selected ones when the filter names
    actors): ``month, name, mentions``."""
    if _narrows(f):
        return _run_broad(store, f, lambda _share, _kept: _actor_timeline_broad(f, top), lambda: _actor_timeline(f, top),
                          narrow=lambda: _actor_timeline_narrow(f, top))
    return _run(store, *_actor_timeline(f, top))


def _timeline_actors(f: Filters, p: dict[str, Any], top: int, ranked: str) -> str:
    """SQL: the actors :func:`actor_timeline` shows, the filter's own when it names actors,
    else the ``ranked`` query's (which takes ``$top`` names)."""
    if f.actors:
        p["actors"] = list(f.actors)
        return "SELECT unnest($actors) AS name"
    p["top"] = int(top)
    return ranked


def _actor_timeline_narrow(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    """:func:`actor_timeline` from the kept articles' facet rows (:func:`_kept_names`)."""
    p: dict[str, Any] = {}
    chosen = _timeline_actors(f, p, top, "SELECT name FROM k GROUP BY name ORDER BY sum(c) DESC, name LIMIT $top")
    sql = f"""WITH k AS ({_kept_names(f, p, "actor", by_month=True)}),
    t AS ({chosen})
    SELECT month, name, CAST(c AS BIGINT) AS mentions FROM k
    WHERE month IS NOT NULL AND name IN (SELECT name FROM t) ORDER BY month, name"""
    return sql, p


def _actor_timeline_broad(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    """:func:`actor_timeline` as the day rollups minus the dropped articles (:func:`_run_broad`)."""
    p: dict[str, Any] = {}
    # The dropped articles' names are grouped once, per month: their totals per name (which
    # pick the top actors) add up those groups, where a second pass unnested them all again.
    chosen = _timeline_actors(f, p, top, "" if f.actors else f"""SELECT g.name FROM (
                SELECT m.name, sum(m.mentions) AS c FROM actor_days m WHERE TRUE{_rows('m', f, p)} GROUP BY m.name) g
            LEFT JOIN (SELECT key, sum(c) AS c FROM xm GROUP BY key) x ON x.key = hash(g.name)
            WHERE g.c > coalesce(x.c, 0) ORDER BY g.c - coalesce(x.c, 0) DESC, g.name LIMIT $top""")
    sql = f"""WITH xm AS MATERIALIZED ({_dropped_mentions(f, p, "actor", by_month=True)}),
    t AS ({chosen})
    SELECT month, name, CAST(sum(c) AS BIGINT) AS mentions FROM (
        SELECT date_trunc('month', m.published) AS month, m.name, m.mentions AS c
        FROM actor_days m WHERE m.name IN (SELECT name FROM t){_rows('m', f, p)}
        UNION ALL
        SELECT x.month, t.name, -x.c FROM xm x
        JOIN (SELECT DISTINCT name FROM t) t ON x.key = hash(t.name))
    WHERE month IS NOT NULL GROUP BY ALL HAVING sum(c) > 0 ORDER BY month, name"""
    return sql, p


def _actor_timeline(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    cte, p = scope(f)
    p["top"] = int(top)
    chosen = ("SELECT unnest($actors) AS name" if f.actors else
              f"SELECT m.name FROM actors m WHERE m.name IS NOT NULL{_in('m', f, p)} "
              "GROUP BY m.name ORDER BY count(*) DESC, m.name LIMIT $top")
    if f.actors:
        p.pop("top")
        p["actors"] = list(f.actors)
    if _rolled(f):
        sql = f"""{cte},
    t AS (SELECT m.name FROM actor_days m WHERE TRUE{_in('m', f, p)}
          GROUP BY m.name ORDER BY sum(m.mentions) DESC, m.name LIMIT $top)
    SELECT date_trunc('month', m.published) AS month, m.name, CAST(sum(m.mentions) AS BIGINT) AS mentions
    FROM actor_days m JOIN t ON t.name = m.name
    WHERE m.published IS NOT NULL{_in('m', f, p)}
    GROUP BY ALL ORDER BY month, m.name"""
        return sql, p
    sql = f"""{cte}, t AS ({chosen})
    SELECT date_trunc('month', m.published) AS month, m.name, count(*) AS mentions
    FROM actors m JOIN t ON t.name = m.name
    WHERE m.published IS NOT NULL{_in('m', f, p)}
    GROUP BY ALL ORDER BY month, m.name"""
    return sql, p


def cooccurrence(store, f: Filters, top: int = 15) -> pd.DataFrame:
    """Pairs of the ``top`` actors named in most articles, counted over the articles naming
    both: ``actor, other, articles``."""
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"top must be a positive int, got {top!r}")
    if _summarized(f):
        return _run_summarized(store, f, lambda: _cooccurrence_summary(f, top), lambda: _cooccurrence(f, top))
    if top <= 64:
        return _run_broad(store, f, lambda _share, _kept: _cooccurrence_broad(f, top), lambda: _cooccurrence(f, top),
                          timeless=True)
    return _run(store, *_cooccurrence(f, top))


def _cooccurrence_summary(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    """:func:`cooccurrence` from the version summaries."""
    p: dict[str, Any] = {} if f.version is None else {"v": f.version}
    sql = f"""WITH t AS ({_top_paired(f, top)})
    SELECT m.actor, m.other, CAST(sum(m.articles) AS BIGINT) AS articles FROM actor_pairs m
    WHERE m.actor <> m.other AND m.actor IN (SELECT name FROM t) AND m.other IN (SELECT name FROM t){_ver('m', f)}
    GROUP BY ALL ORDER BY articles DESC, actor, other"""
    return sql, p


def _kept_bits(f: Filters, p: dict[str, Any], n: int) -> str:
    """CTEs for a broad filter ``f`` (:func:`_run_broad`): ``ex`` (the dropped
    articles' ``r``, ``actor_keys``, ``place_keys``), ``ax`` (their actor name keys), ``t`` (the
    ``n`` actors named in most kept articles, ``name``, ``key`` and ``bit`` as :func:`_top_bits`
    numbers them) and ``am`` (each dropped article's bit mask of those actors). Name keys
    (:func:`_name_counts`): the dropped articles' names are grouped as integers."""
    return f"""ex AS (SELECT a.rowid AS r, a.actor_keys, a.place_keys FROM article_facets a{_dropped(f, p)}),
    ax AS (SELECT r, unnest(actor_keys) AS key FROM ex),
    -- Every name of a dropped article has its own row in actor_pairs (articles naming it).
    kept AS (SELECT key, max(name) AS name, sum(n) AS n FROM (
               SELECT hash(m.actor) AS key, m.actor AS name, m.articles AS n FROM actor_pairs m
               WHERE m.actor = m.other{_ver('m', f)}
               UNION ALL SELECT key, NULL, -count(*) FROM ax GROUP BY key)
             GROUP BY key HAVING sum(n) > 0),
    t AS (SELECT name, key, CAST(row_number() OVER (ORDER BY n DESC, name) - 1 AS INTEGER) AS bit FROM kept
          QUALIFY bit < {int(n)}),
    am AS (SELECT ax.r, bit_or(CAST(1 AS UBIGINT) << t.bit) AS mask FROM ax JOIN t USING (key) GROUP BY ax.r)"""


def _cooccurrence_broad(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    """:func:`cooccurrence` as every article's pairs minus the dropped articles' (:func:`_run_broad`)."""
    p: dict[str, Any] = {}
    sql = f"""WITH {_kept_bits(f, p, top)},
    mc AS (SELECT mask, count(*) AS n FROM am GROUP BY mask),
    xp AS (SELECT x.name AS actor, y.name AS other, sum(mc.n) AS n
           FROM mc JOIN t x ON (mc.mask >> x.bit) & CAST(1 AS UBIGINT) = 1
                   JOIN t y ON (mc.mask >> y.bit) & CAST(1 AS UBIGINT) = 1 AND x.bit <> y.bit GROUP BY ALL)
    SELECT actor, other, CAST(sum(n) AS BIGINT) AS articles FROM (
        SELECT m.actor, m.other, m.articles AS n FROM actor_pairs m
        WHERE m.actor <> m.other AND m.actor IN (SELECT name FROM t) AND m.other IN (SELECT name FROM t){_ver('m', f)}
        UNION ALL SELECT actor, other, -n FROM xp)
    GROUP BY ALL HAVING sum(n) > 0 ORDER BY articles DESC, actor, other"""
    return sql, p


def _cooccurrence(f: Filters, top: int) -> tuple[str, dict[str, Any]]:
    p: dict[str, Any] = {}
    # Each article's distinct actors come from article_facets (already grouped per article).
    ax = f"ax AS (SELECT a.rowid AS r, unnest(a.actors) AS name FROM article_facets a{_facet_where(f, p)})"
    if top > 64:
        p["top"] = top
        sql = f"""WITH {ax},
    t AS (SELECT name FROM ax GROUP BY name ORDER BY count(*) DESC, name LIMIT $top),
    am AS (SELECT r, name FROM ax WHERE name IN (SELECT name FROM t))
    SELECT x.name AS actor, y.name AS other, count(*) AS articles
    FROM am x JOIN am y ON x.r = y.r AND x.name <> y.name
    GROUP BY ALL ORDER BY articles DESC, actor, other"""
        return sql, p
    # One bit mask of top actors per article; articles are counted per distinct mask and the
    # pairs expanded from the (few) masks, instead of self-joining every article's actors.
    sql = f"""WITH {ax},
    t AS ({_top_bits('ax', top)}),
    am AS (SELECT bit_or(CAST(1 AS UBIGINT) << t.bit) AS mask FROM ax JOIN t USING (name) GROUP BY ax.r),
    mc AS (SELECT mask, count(*) AS n FROM am GROUP BY mask)
    SELECT x.name AS actor, y.name AS other, CAST(sum(mc.n) AS BIGINT) AS articles
    FROM mc JOIN t x ON (mc.mask >> x.bit) & CAST(1 AS UBIGINT) = 1
            JOIN t y ON (mc.mask >> y.bit) & CAST(1 AS UBIGINT) = 1 AND x.bit <> y.bit
    GROUP BY ALL ORDER BY articles DESC, actor, other"""
    return sql, p


def people(store, f: Filters, n: int = 200) -> pd.DataFrame:
    """People with their roles: ``name, roles, country, mentions, articles``.

    ``articles`` is exact from the rollups and facet rows (see :func:`_people_facets` for
    narrowing filters), and a HyperLogLog estimate from the mention rows of a version not
    summarised yet."""
    if _summarized(f):
        # Without any date filter the per-version totals hold the same sums as the day rollups.
        return _run_summarized(store, f, lambda: _people_rolled(f, n, "actor_totals"),
                               lambda: _people_rolled(f, n, "actor_days"))
    if _rolled(f):
        return _run(store, *_people_rolled(f, n, "actor_days"))
    return _run_kept(store, f, lambda broad: _people(f, n, broad), narrow=lambda share: _people_facets(f, n, share))


def _people_facets(f: Filters, n: int, share: float) -> tuple[str, dict[str, Any]]:
    """:func:`people` under a narrowing filter keeping ``share`` of the articles: mentions and
    articles (exact) from the kept articles' facet rows (from :data:`BROAD_SHARE` on, the day
    rollups minus the dropped articles' facet rows), roles and country from the day rollups of
    the filter's version and dates (the roles any article of those days gave). A person's
    mentions are all mentions of the name, which the extractor types alike."""
    p: dict[str, Any] = {"n": int(n)}
    # Without publication dates the version totals hold the same sums as the day rollups, in
    # one row per name instead of one per day.
    days = f.date_field == "published" and (f.date_from or f.date_to)
    src = "actor_days" if days else "actor_totals"
    if share >= BROAD_SHARE:
        counts = f"""x AS ({_dropped_mentions(f, p, "actor")}),
    cnt AS (SELECT g.name, g.c - coalesce(x.c, 0) AS mentions, g.a - coalesce(x.n, 0) AS articles
            FROM (SELECT m.name, sum(m.mentions) AS c, sum(m.articles) AS a FROM {src} m
                  WHERE m.type = 'person'{_rows('m', f, p)} GROUP BY m.name) g LEFT JOIN x ON x.key = hash(g.name)
            WHERE g.c > coalesce(x.c, 0)),"""
    else:
        counts = f"""cnt AS (SELECT name, c AS mentions, n AS articles FROM ({_kept_names(f, p, "actor")})
          WHERE name IN (SELECT m.name FROM {src} m WHERE m.type = 'person'{_rows('m', f, p)})),"""
    sql = f"""WITH {counts}
    top AS (SELECT name, CAST(mentions AS BIGINT) AS mentions, CAST(articles AS BIGINT) AS articles FROM cnt
            ORDER BY mentions DESC, name LIMIT $n),
    g AS (SELECT m.name, m.country, m.roles, m.mentions FROM {src} m
          WHERE m.type = 'person' AND m.name IN (SELECT name FROM top){_rows('m', f, p)}),
    ro AS (SELECT name, string_agg(role, '; ' ORDER BY role) AS roles FROM
           (SELECT DISTINCT name, unnest(roles) AS role FROM g) GROUP BY name),
    co AS (SELECT name, arg_max(country, c) AS country FROM
           (SELECT name, country, sum(mentions) AS c FROM g WHERE country IS NOT NULL GROUP BY ALL) GROUP BY name)
    SELECT top.name, ro.roles, co.country, top.mentions, top.articles
    FROM top LEFT JOIN ro USING (name) LEFT JOIN co USING (name) ORDER BY top.mentions DESC, top.name"""
    return sql, p


def _people(f: Filters, n: int, broad: bool = False) -> tuple[str, dict[str, Any]]:
    cte, p = scope(f)
    p["n"] = int(n)
    sql = f"""{cte}
    SELECT m.name, string_agg(DISTINCT m.role, '; ' ORDER BY m.role) AS roles, mode(m.country) AS country,
           count(*) AS mentions, approx_count_distinct(m.article_id) AS articles
    FROM actors m
    WHERE m.type = 'person' AND m.name IS NOT NULL{_in('m', f, p, broad)}
    GROUP BY m.name ORDER BY mentions DESC, m.name LIMIT $n"""
    return sql, p


def _people_rolled(f: Filters, n: int, table: str) -> tuple[str, dict[str, Any]]:
    """:func:`people` from ``actor_days`` or ``actor_totals`` (the same columns)."""
    cte, p = scope(f)
    p["n"] = int(n)
    sql = f"""{cte},
    g AS (SELECT m.name, m.country, m.roles, m.mentions, m.articles FROM {table} m
          WHERE m.type = 'person'{_in('m', f, p)}),
    top AS (SELECT name, CAST(sum(mentions) AS BIGINT) AS mentions, CAST(sum(articles) AS BIGINT) AS articles
            FROM g GROUP BY name ORDER BY mentions DESC, name LIMIT $n),
    ro AS (SELECT name, string_agg(role, '; ' ORDER BY role) AS roles FROM
           (SELECT DISTINCT name, unnest(roles) AS role FROM g WHERE name IN (SELECT name FROM top)) GROUP BY name),
    co AS (SELECT name, arg_max(country, c) AS country FROM
           (SELECT name, country, sum(mentions) AS c FROM g WHERE country IS NOT NULL
            AND name IN (SELECT name FROM top) GROUP BY ALL) GROUP BY name)
    SELECT top.name, ro.roles, co.country, top.mentions, top.articles
    FROM top LEFT JOIN ro USING (name) LEFT JOIN co USING (name) ORDER BY top.mentions DESC, top.name"""
    return sql, p


def quotes(store, f: Filters, limit: int = 500) -> pd.DataFrame:
    """Who said what, carried by whom: ``speaker, via, quote, sentence, publisher, published,
    title, article_id``."""
    cte, p = scope(f)
    p["lim"] = int(limit)
    # The newest quotes are picked on the quote table's own (repeated) publication date; only
    # those rows are joined to the wide articles table.
    sql = f"""{cte},
    k AS (SELECT q.rowid AS rid FROM quotes q WHERE TRUE{_in('q', f, p)}
          ORDER BY q.published DESC NULLS LAST, q.article_id, q.idx LIMIT $lim)
    SELECT q.speaker, q.via, q.surface AS quote, q.sentence, a.publisher, a.published, a.title, q.article_id
    FROM quotes q JOIN k ON q.rowid = k.rid JOIN articles a ON a.id = q.article_id
    ORDER BY a.published DESC NULLS LAST, q.article_id, q.idx"""
    return _run(store, sql, p)


# -- articles ----------------------------------------------------------------------------
def article_list(store, f: Filters, search: str | None = None, limit: int = 200) -> pd.DataFrame:
    """Matching articles, newest first, optionally containing ``search`` (case-insensitive,
    title or text): ``id, title, published, publisher, kind, source, total``."""
    cte, p = scope(f)
    p["lim"] = int(limit)
    cond = "TRUE"
    if search and search.strip():
        p["q"] = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cond = "(a.title ILIKE $q ESCAPE '\\' OR a.text ILIKE $q ESCAPE '\\')"
    if cond == "TRUE":
        # The newest ids are picked on article_facets' narrow columns; only those rows are read
        # from the wide articles table.
        sql = f"""{cte},
    k AS (SELECT id, published FROM sel ORDER BY published DESC NULLS LAST, id LIMIT $lim)
    SELECT a.id, a.title, a.published, a.publisher, a.kind, a.source, (SELECT count(*) FROM sel) AS total
    FROM articles a JOIN k ON a.id = k.id
    ORDER BY k.published DESC NULLS LAST, a.id"""
        return _run(store, sql, p)
    sql = f"""{cte}
    SELECT a.id, a.title, a.published, a.publisher, a.kind, a.source, count(*) OVER () AS total
    FROM articles a JOIN sel ON a.id = sel.id WHERE {cond}
    ORDER BY a.published DESC NULLS LAST, a.id LIMIT $lim"""
    return _run(store, sql, p)


def article(store, article_id: str, version: int | None = None) -> pd.DataFrame:
    """One article with every column (no row when unknown or newer than ``version``)."""
    p: dict[str, Any] = {"id": str(article_id)}
    cond = ""
    if version is not None:
        p["v"] = int(version)
        cond = " AND version <= $v"
    sql = f"""SELECT id, title, published, publisher, url, credits, text, source, kind, removed,
                     CAST(meta AS VARCHAR) AS meta, version, ingested_at
              FROM articles WHERE id = $id{cond}"""
    return _run(store, sql, p)


def article_mentions(store, article_id: str) -> pd.DataFrame:
    """Every mention of one article: ``label, start, end, surface, detail`` in text order."""
    with store.connect() as con:
        # Mention rows repeat their article's publication day: testing it first (a plain
        # column filter) spares comparing every row's article id, ~10x less work at 1M articles.
        row = con.execute("SELECT published FROM articles WHERE id = $id", {"id": str(article_id)}).fetchone()
        p: dict[str, Any] = {"id": str(article_id)}
        if row is not None and row[0] is not None:
            p["pub"] = row[0]
            on = "published = $pub AND article_id = $id"
        else:
            on = "published IS NULL AND article_id = $id"
        sql = f"""
    SELECT 'place' AS label, "start", "end", surface,
           concat_ws(' · ', name, country, kind) AS detail FROM places WHERE {on}
    UNION ALL
    SELECT 'figure', "start", "end", surface,
           concat_ws(' · ', category, qualifier, CAST(value AS BIGINT), 'side: ' || actor,
                     'claimed by ' || claimed_by, date) FROM figures WHERE {on}
    UNION ALL
    SELECT 'actor', "start", "end", surface, concat_ws(' · ', name, type, role) FROM actors WHERE {on}
    UNION ALL
    SELECT 'date', "start", "end", surface, concat_ws(' · ', date, kind) FROM dates WHERE {on}
    ORDER BY "start", "end" DESC"""
        return con.execute(sql, p).df()


# -- facets for the sidebar --------------------------------------------------------------
def _vonly(version: int | None, alias: str = "") -> tuple[str, dict[str, Any]]:
    if version is None:
        return "TRUE", {}
    return f"{alias}version <= $v", {"v": int(version)}


def facet_actors(store, version: int | None = None) -> pd.DataFrame:
    """Every actor name with its type and mentions: ``name, type, mentions``."""
    cond, p = _vonly(version)
    return _run(store, f"""WITH g AS (SELECT name, type, sum(mentions) AS c FROM actor_days WHERE {cond} GROUP BY ALL)
        SELECT name, arg_max(type, c) FILTER (WHERE type IS NOT NULL) AS type, CAST(sum(c) AS BIGINT) AS mentions
        FROM g GROUP BY name ORDER BY mentions DESC, name""", p)


def facet_regions(store, version: int | None = None) -> pd.DataFrame:
    """Region ids with mentions: ``region, mentions``."""
    cond, p = _vonly(version)
    return _run(store, f"""SELECT region, CAST(sum(mentions) AS BIGINT) AS mentions FROM
        (SELECT unnest(regions) AS region, mentions FROM place_days WHERE {cond})
        GROUP BY region ORDER BY mentions DESC, region""", p)


def facet_places(store, version: int | None = None) -> pd.DataFrame:
    """Place names with mentions: ``name, mentions``."""
    cond, p = _vonly(version)
    return _run(store, f"""SELECT name, CAST(sum(mentions) AS BIGINT) AS mentions FROM place_days WHERE {cond}
        GROUP BY name ORDER BY mentions DESC, name""", p)


def facet_categories(store, version: int | None = None) -> pd.DataFrame:
    """Figure categories with counts: ``category, figures``."""
    cond, p = _vonly(version)
    return _run(store, f"""SELECT category, count(*) AS figures FROM figures WHERE category IS NOT NULL AND {cond}
        GROUP BY category ORDER BY figures DESC, category""", p)


def facet_sources(store, version: int | None = None) -> pd.DataFrame:
    """Publishers and credited agencies: ``source, articles``."""
    cond, p = _vonly(version)
    return _run(store, f"""SELECT source, count(DISTINCT id) AS articles FROM (
            SELECT id, publisher AS source FROM articles WHERE publisher IS NOT NULL AND {cond}
            UNION ALL
            SELECT id, unnest(credits) AS source FROM articles WHERE {cond})
        WHERE source IS NOT NULL AND source <> '' GROUP BY source ORDER BY articles DESC, source""", p)


def versions(store) -> pd.DataFrame:
    """Finished data versions: ``version, finished_at, loaded, duplicates, failed``."""
    return _run(store, """SELECT version, finished_at, loaded, duplicates, failed FROM versions
        WHERE finished_at IS NOT NULL ORDER BY version""", {})
