"""Derived tables: how they are filled per batch, compacted per version and rebuilt.

The derived tables (``article_facets``, ``actor_days``, ``place_days``; see
:mod:`data.store.schema`) summarise the article and mention tables so that dashboard queries
touch few rows. ``article_facets`` rows are built in Python with the batch
(:mod:`data.store`); the rollups are SQL over the batch's new rows, which the writer registers
as ``_new_<table>`` (``_new_actors``, ``_new_places`` ...) before calling :func:`on_batch`.
"""
from __future__ import annotations

import duckdb

from data.store.schema import DERIVED

# Rows grouped at once when derived tables are compacted or rebuilt (bounds DuckDB's memory).
SLICE_ROWS = 2_000_000
SLICE_ARTICLES = 25_000

# Day rollups of a mention relation {src} (a batch or the whole table): one row per version,
# publication day and name (and, for actors, type and country).
DAY_TABLES = {"actors": "actor_days", "places": "place_days"}
DAYS_FROM = {
    "actors": """SELECT version, CAST(published AS DATE), name, type, country,
                        list_sort(list_distinct(list(role))), count(*), count(DISTINCT article_id)
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name, type, country""",
    "places": """SELECT version, CAST(published AS DATE), name, any_value(country), any_value(kind),
                        any_value(lat), any_value(lon), any_value(regions), min(border_km),
                        list_sort(list_distinct(list(surface))), count(*), count(DISTINCT article_id),
                        arg_min({{'aid': article_id, 'st': "start", 'en': "end"}}, article_id)
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name""",
}
# The same rows merged across batches (article counts add up: an article is in one batch).
COMPACT_SQL = {
    "actor_days": """SELECT version, published, name, type, country, list_sort(list_distinct(flatten(list(roles)))),
                            sum(mentions), sum(articles)
                     FROM actor_days WHERE version = $v AND hash(name) % $n = $k
                     GROUP BY version, published, name, type, country""",
    "place_days": """SELECT version, published, name, any_value(country), any_value(kind), any_value(lat),
                            any_value(lon), any_value(regions), min(border_km),
                            list_sort(list_distinct(flatten(list(surfaces)))), sum(mentions), sum(articles),
                            arg_min(ev, ev.aid)
                     FROM place_days WHERE version = $v AND hash(name) % $n = $k
                     GROUP BY version, published, name""",
}

# The same rows as data.store._facet_rows, derived from the stored tables (list_distinct drops
# NULLs), for the articles whose id hashes to slice $k of $n.
REBUILD_FACETS_SQL = """
INSERT INTO article_facets
SELECT a.id, a.published, a.version,
       list_sort(list_filter(list_distinct(list_prepend(a.publisher, coalesce(a.credits, []))), lambda s: s <> '')),
       coalesce(x.v, []), coalesce(rg.v, []), coalesce(p.v, []), coalesce(g.v, []), coalesce(d.v, []),
       coalesce(p.n, 0), coalesce(g.n, 0), coalesce(x.n, 0), coalesce(dn.n, 0)
FROM articles a
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(name))) AS v, count(*) AS n FROM actors
           WHERE hash(article_id) % $n = $k GROUP BY article_id) x ON x.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(name))) AS v, count(*) AS n FROM places
           WHERE hash(article_id) % $n = $k GROUP BY article_id) p ON p.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(flatten(list(regions)))) AS v FROM places
           WHERE hash(article_id) % $n = $k GROUP BY article_id) rg ON rg.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(category))) AS v, count(*) AS n FROM figures
           WHERE hash(article_id) % $n = $k GROUP BY article_id) g ON g.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(date))) AS v FROM dates
           WHERE kind = 'event' AND hash(article_id) % $n = $k GROUP BY article_id) d ON d.article_id = a.id
LEFT JOIN (SELECT article_id, count(*) AS n FROM dates
           WHERE hash(article_id) % $n = $k GROUP BY article_id) dn ON dn.article_id = a.id
WHERE hash(a.id) % $n = $k
"""

# Per derived table: true when it does not summarise the tables it derives from (an older store).
STALE_SQL = {
    "article_facets": "SELECT (SELECT count(*) FROM articles) <> (SELECT count(*) FROM article_facets)",
    "actor_days": """SELECT (SELECT count(*) FROM actors WHERE name IS NOT NULL)
                            <> (SELECT coalesce(sum(mentions), 0) FROM actor_days)""",
    "place_days": """SELECT (SELECT count(*) FROM places WHERE name IS NOT NULL)
                            <> (SELECT coalesce(sum(mentions), 0) FROM place_days)""",
}


def slices(con: duckdb.DuckDBPyConnection, count_sql: str, rows: int) -> int:
    """How many slices of at most ~``rows`` rows the relation counted by ``count_sql`` needs."""
    total = int(con.execute(count_sql).fetchone()[0])
    return max(1, -(-total // rows))


def on_batch(con: duckdb.DuckDBPyConnection, registered: set[str]) -> None:
    """Add the rollup rows of one batch, inside the writer's transaction.

    ``registered`` names the batch relations the writer registered (``_new_actors`` ...); a
    table with no new rows in the batch is simply absent.
    """
    for table, day_table in DAY_TABLES.items():
        if f"_new_{table}" in registered:
            con.execute(f"INSERT INTO {day_table} " + DAYS_FROM[table].format(src=f"_new_{table}"))


def compact(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Merge a finished version's rollup rows (one per batch and key) into one per key.

    A slice of names at a time, so that memory stays bounded for huge versions.
    """
    for day_table, sql in COMPACT_SQL.items():
        n = slices(con, f"SELECT count(*) FROM {day_table} WHERE version = {int(version)}", SLICE_ROWS)
        for k in range(n):
            part = {"v": version, "n": n, "k": k}
            con.execute(f"CREATE TEMP TABLE _compact AS {sql}", part)
            con.execute(f"DELETE FROM {day_table} WHERE version = $v AND hash(name) % $n = $k", part)
            con.execute(f"INSERT INTO {day_table} SELECT * FROM _compact")
            con.execute("DROP TABLE _compact")


def stale(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The derived tables that do not summarise the current articles and mentions."""
    return [t for t in DERIVED if con.execute(STALE_SQL[t]).fetchone()[0]]


def rebuild(con: duckdb.DuckDBPyConnection, tables: tuple[str, ...] | list[str] = DERIVED) -> None:
    """Recompute ``tables`` from articles and mentions, inside the caller's transaction.

    In slices of the key space: grouping list aggregates over a whole large store at once
    exceeds DuckDB's memory limit (seen at 1M articles with 1 GB).
    """
    con.execute("SET preserve_insertion_order = false")  # less memory; order is irrelevant here
    if "article_facets" in tables:
        con.execute("DELETE FROM article_facets")
        n = slices(con, "SELECT count(*) FROM articles", SLICE_ARTICLES)
        for k in range(n):
            con.execute(REBUILD_FACETS_SQL, {"n": n, "k": k})
    for table, day_table in DAY_TABLES.items():
        if day_table not in tables:
            continue
        con.execute(f"DELETE FROM {day_table}")
        n = slices(con, f"SELECT count(*) FROM {table}", SLICE_ROWS)
        for k in range(n):
            src = f"(SELECT * FROM {table} WHERE hash(name) % $n = $k)"
            con.execute(f"INSERT INTO {day_table} " + DAYS_FROM[table].format(src=src), {"n": n, "k": k})
