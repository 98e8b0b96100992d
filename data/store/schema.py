"""Table definitions of the store (DuckDB dialect).

Every mention table repeats the article's ``published`` date and the ingest ``version``: the
dashboard filters and snapshots on both, and repeating two small columns avoids a join on every
chart query.

Derived tables, kept so that dashboard queries touch few rows:

- ``article_facets``: one row per article with the distinct values every sidebar filter tests
  (actors, regions, places, figure categories, event dates, publisher and credited agencies),
  its mention counts per table and per actor and place name (``actor_counts``,
  ``place_counts``, in the order of ``actors`` and ``places``), and the span of its event dates
  (``event_lo`` to ``event_hi``: the first day of the earliest to the last day of the latest;
  the publication day when it has none), which rules most articles out of an event-date filter
  before their lists are tested. Articles are selected there instead of semi-joining millions of
  mention rows per filter. ``actor_keys``, ``place_keys``, ``source_keys``, ``region_keys`` and
  ``category_keys`` hold DuckDB's 64-bit ``hash`` of each value of the list of the same name
  (:data:`KEYS_SQL`): the sidebar filters test those integers (a third to two thirds of the
  cost of testing the strings at a million articles), and queries that count names over
  hundreds of thousands of articles group them, half the cost of grouping the strings, joining
  the few groups back to names by hashing the names of a rollup.
- ``actor_days`` and ``place_days``: actor and place mentions rolled up per publication day and
  name (attributes, roles, surfaces, an evidence pointer, mention and article counts). Charts
  that filter only on the data version and publication dates read them instead of every
  mention row, which keeps them fast as the store grows to millions of articles.

``article_facets`` is written in the same transaction as the mentions it summarises; the day
tables are computed once per version when it finishes (readers read finished versions only).
All three can be rebuilt from the mention tables (``Store.rebuild_aggregates``).

Version summaries, computed once when an ingest version finishes (``summarized`` lists the
versions done), answer the unfiltered views whose cost otherwise grows with the store:

- ``actor_pairs``: articles naming both of two actors (an actor paired with itself: articles
  naming it), for the co-occurrence chart and the map's colour by actor.
- ``place_actors``: articles naming both a located place and an actor.
- ``figure_months``: figure claims per publication day, event month, category and side.
- ``figure_month_totals``: ``figure_months`` without the publication day (a few rows per month).
- ``actor_totals``: mentions, articles and roles per actor name, type and country.
- ``figure_places``: figure claims per place and category.
- ``category_names``: per figure category, the place and actor names of the articles reporting
  such a figure, with their mentions and articles. A view filtered on one category starts from
  them (the whole category) instead of from every article, so that only the category's articles
  the other filters drop are subtracted: none for the category alone.
"""
from __future__ import annotations

# Derived tables: they can always be dropped and rebuilt from the others.
DERIVED = ("article_facets", "actor_days", "place_days", "actor_pairs", "place_actors", "figure_months",
           "figure_month_totals", "actor_totals", "figure_places", "category_names", "summarized")

# Columns the store computes from other columns of the same row as it inserts them (a
# writer's rows lack them): DuckDB's hash of each value, which only DuckDB can compute exactly
# as the queries that compare with it do. Collisions: with n distinct values about n^2 / 2^65,
# i.e. 3e-10 for 100,000 names; a collision would merge two names' counts in broad-filter
# queries, or let a filter on one value also keep the articles of the other.
KEYS_SQL: dict[str, dict[str, str]] = {
    "article_facets": {f"{key}_keys": f"list_transform({col}, lambda n: hash(n))" for key, col in (
        ("actor", "actors"), ("place", "places"), ("source", "sources"), ("region", "regions"),
        ("category", "categories"))},
}

_COMMON = ["article_id", "idx", "start", "end", "surface", "published", "version"]

MENTION_COLUMNS: dict[str, list[str]] = {
    "places": ["name", "country", "kind", "lat", "lon", "regions", "border_km"],
    "figures": ["value", "low", "high", "qualifier", "category", "actor", "claimed_by", "date", "place", "sentence"],
    "actors": ["name", "type", "country", "role"],
    "dates": ["date", "kind"],
    "quotes": ["speaker", "via", "sentence"],
}

SCHEMA_SQL = """
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    published DATE,
    publisher VARCHAR,
    url VARCHAR,
    credits VARCHAR[],
    text VARCHAR,
    source VARCHAR,
    kind VARCHAR,
    removed VARCHAR[],
    meta JSON,
    version INTEGER NOT NULL,
    ingested_at TIMESTAMP
);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL, idx INTEGER, "start" INTEGER, "end" INTEGER, surface VARCHAR,
    published DATE, version INTEGER NOT NULL,
    name VARCHAR, country VARCHAR, kind VARCHAR, lat DOUBLE, lon DOUBLE, regions VARCHAR[], border_km DOUBLE
);
CREATE TABLE IF NOT EXISTS figures (
    article_id VARCHAR NOT NULL, idx INTEGER, "start" INTEGER, "end" INTEGER, surface VARCHAR,
    published DATE, version INTEGER NOT NULL,
    value DOUBLE, low DOUBLE, high DOUBLE, qualifier VARCHAR, category VARCHAR, actor VARCHAR,
    claimed_by VARCHAR, date VARCHAR, place VARCHAR, sentence VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR NOT NULL, idx INTEGER, "start" INTEGER, "end" INTEGER, surface VARCHAR,
    published DATE, version INTEGER NOT NULL,
    name VARCHAR, type VARCHAR, country VARCHAR, role VARCHAR
);
CREATE TABLE IF NOT EXISTS dates (
    article_id VARCHAR NOT NULL, idx INTEGER, "start" INTEGER, "end" INTEGER, surface VARCHAR,
    published DATE, version INTEGER NOT NULL,
    date VARCHAR, kind VARCHAR
);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL, idx INTEGER, "start" INTEGER, "end" INTEGER, surface VARCHAR,
    published DATE, version INTEGER NOT NULL,
    speaker VARCHAR, via VARCHAR, sentence VARCHAR
);
CREATE TABLE IF NOT EXISTS article_facets (
    id VARCHAR NOT NULL, published DATE, version INTEGER NOT NULL,
    sources VARCHAR[], actors VARCHAR[], regions VARCHAR[], places VARCHAR[], categories VARCHAR[],
    event_dates VARCHAR[], n_places INTEGER, n_figures INTEGER, n_actors INTEGER, n_dates INTEGER,
    actor_counts INTEGER[], place_counts INTEGER[], event_lo DATE, event_hi DATE,
    actor_keys UBIGINT[], place_keys UBIGINT[], source_keys UBIGINT[], region_keys UBIGINT[],
    category_keys UBIGINT[]
);
CREATE TABLE IF NOT EXISTS actor_days (
    version INTEGER NOT NULL, published DATE, name VARCHAR, type VARCHAR, country VARCHAR, roles VARCHAR[],
    mentions BIGINT, articles BIGINT
);
CREATE TABLE IF NOT EXISTS place_days (
    version INTEGER NOT NULL, published DATE, name VARCHAR, country VARCHAR, kind VARCHAR, lat DOUBLE,
    lon DOUBLE, regions VARCHAR[], border_km DOUBLE, surfaces VARCHAR[], mentions BIGINT, articles BIGINT,
    ev STRUCT(aid VARCHAR, st INTEGER, en INTEGER)
);
CREATE TABLE IF NOT EXISTS actor_pairs (
    version INTEGER NOT NULL, actor VARCHAR, other VARCHAR, articles BIGINT
);
CREATE TABLE IF NOT EXISTS place_actors (
    version INTEGER NOT NULL, place VARCHAR, actor VARCHAR, articles BIGINT
);
CREATE TABLE IF NOT EXISTS figure_months (
    version INTEGER NOT NULL, published DATE, month DATE, category VARCHAR, side VARCHAR, claims BIGINT,
    placed BIGINT, highest_low DOUBLE
);
CREATE TABLE IF NOT EXISTS figure_month_totals (
    version INTEGER NOT NULL, month DATE, category VARCHAR, side VARCHAR, claims BIGINT, placed BIGINT,
    highest_low DOUBLE
);
CREATE TABLE IF NOT EXISTS actor_totals (
    version INTEGER NOT NULL, name VARCHAR, type VARCHAR, country VARCHAR, roles VARCHAR[], mentions BIGINT,
    articles BIGINT
);
CREATE TABLE IF NOT EXISTS figure_places (
    version INTEGER NOT NULL, place VARCHAR, category VARCHAR, claims BIGINT
);
CREATE TABLE IF NOT EXISTS category_names (
    version INTEGER NOT NULL, category VARCHAR, kind VARCHAR, name VARCHAR, mentions BIGINT, articles BIGINT
);
CREATE TABLE IF NOT EXISTS summarized (version INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ingest_log (
    version INTEGER, file VARCHAR, article_id VARCHAR, status VARCHAR, code VARCHAR,
    message VARCHAR, "at" TIMESTAMP
);
CREATE TABLE IF NOT EXISTS versions (
    version INTEGER PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP, engine VARCHAR,
    note VARCHAR, loaded INTEGER, duplicates INTEGER, failed INTEGER
);
CREATE TABLE IF NOT EXISTS saved_views (
    id VARCHAR PRIMARY KEY, created_at TIMESTAMP, title VARCHAR, page VARCHAR, params JSON,
    version INTEGER
);
"""

TABLES: dict[str, list[str]] = {
    "articles": ["id", "title", "published", "publisher", "url", "credits", "text", "source", "kind",
                 "removed", "meta", "version", "ingested_at"],
    **{t: _COMMON + cols for t, cols in MENTION_COLUMNS.items()},
    "article_facets": ["id", "published", "version", "sources", "actors", "regions", "places", "categories",
                       "event_dates", "n_places", "n_figures", "n_actors", "n_dates", "actor_counts", "place_counts",
                       "event_lo", "event_hi", "actor_keys", "place_keys", "source_keys", "region_keys",
                       "category_keys"],
    "actor_days": ["version", "published", "name", "type", "country", "roles", "mentions", "articles"],
    "place_days": ["version", "published", "name", "country", "kind", "lat", "lon", "regions", "border_km",
                   "surfaces", "mentions", "articles", "ev"],
    "actor_pairs": ["version", "actor", "other", "articles"],
    "place_actors": ["version", "place", "actor", "articles"],
    "figure_months": ["version", "published", "month", "category", "side", "claims", "placed", "highest_low"],
    "figure_month_totals": ["version", "month", "category", "side", "claims", "placed", "highest_low"],
    "actor_totals": ["version", "name", "type", "country", "roles", "mentions", "articles"],
    "figure_places": ["version", "place", "category", "claims"],
    "category_names": ["version", "category", "kind", "name", "mentions", "articles"],
    "summarized": ["version"],
    "ingest_log": ["version", "file", "article_id", "status", "code", "message", "at"],
    "versions": ["version", "started_at", "finished_at", "engine", "note", "loaded", "duplicates", "failed"],
    "saved_views": ["id", "created_at", "title", "page", "params", "version"],
}
