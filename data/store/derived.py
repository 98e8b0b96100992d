"""Derived tables: how they are filled per batch, summarised per version, rebuilt.

The derived tables (see :mod:`data.store.schema`) summarise the article and mention tables so
that dashboard queries touch few rows.

- ``article_facets`` rows are built in Python with each batch (:mod:`data.store`).
- The day rollups (``actor_days``, ``place_days``) and the version summaries (``actor_pairs``,
  ``place_actors``, ``figure_months``, ``figure_month_totals``, ``actor_totals``, ``figure_places``,
  ``category_names``) are computed once
  per version when it finishes (:func:`summarize`): readers only read finished versions, and
  rolling up each batch then merging the batches' rows cost the single ingest driver twice the
  CPU of one pass over the version's mentions. Pairs of names per article would also multiply a
  batch's rows by the actors per article (20+ in long articles), while a finished version's pairs
  collapse to one row per pair. ``summarized`` lists the versions done, so a reader knows when it
  may use them (:data:`COVERED_SQL`); a crashed run's version is summarised when a later version
  finishes (its rows become visible then) or by ``Store.init``.
"""
from __future__ import annotations

from typing import Iterable

import duckdb

from data.store.schema import DERIVED, KEYS_SQL, TABLES

# Rows grouped at once when derived tables are rolled up or rebuilt (bounds DuckDB's memory).
SLICE_ROWS = 2_000_000
SLICE_ARTICLES = 25_000

# Day rollups of a mention relation {src} (a version's rows, or a slice of them): one row per
# version, publication day and name (and, for actors, type and country). A place's evidence is its
# first mention in the first article by id: the same row however the scan is split.
DAY_TABLES = {"actors": "actor_days", "places": "place_days"}
DAYS_FROM = {
    # Most mentions have no role: listing only the others halves the cost (list_distinct drops
    # NULLs either way).
    "actors": """SELECT version, CAST(published AS DATE), name, type, country,
                        coalesce(list_sort(list_distinct(list(role) FILTER (WHERE role IS NOT NULL))), []),
                        count(*), count(DISTINCT article_id)
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name, type, country""",
    "places": """SELECT version, CAST(published AS DATE), name, any_value(country), any_value(kind),
                        any_value(lat), any_value(lon), any_value(regions), min(border_km),
                        list_sort(list_distinct(list(surface))), count(*), count(DISTINCT article_id),
                        min({{'aid': article_id, 'st': "start", 'en': "end"}})
                 FROM {src} WHERE name IS NOT NULL GROUP BY version, published, name""",
}
# The same rows as data.store.rows._facet_columns, derived from the stored tables (list_distinct drops
# NULLs; the event span as data.store.rows.event_span), for the articles whose id hashes to slice $k of $n.
REBUILD_FACETS_SQL = """
INSERT INTO article_facets
SELECT *, {keys} FROM (
SELECT a.id, a.published, a.version,
       list_sort(list_filter(list_distinct(list_prepend(a.publisher, coalesce(a.credits, []))), lambda s: s <> ''))
         AS sources,
       coalesce(x.v, []) AS actors, coalesce(rg.v, []) AS regions, coalesce(p.v, []) AS places,
       coalesce(g.v, []) AS categories, coalesce(d.v, []),
       coalesce(p.n, 0), coalesce(g.n, 0), coalesce(x.n, 0), coalesce(dn.n, 0), coalesce(x.c, []), coalesce(p.c, []),
       CASE WHEN coalesce(len(d.v), 0) = 0 THEN a.published
            WHEN len(list_filter(d.lo, lambda x: x IS NULL)) > 0 THEN DATE '0001-01-01' ELSE list_min(d.lo) END,
       CASE WHEN coalesce(len(d.v), 0) = 0 THEN a.published
            WHEN len(list_filter(d.hi, lambda x: x IS NULL)) > 0 THEN DATE '9999-12-31' ELSE list_max(d.hi) END
FROM articles a
LEFT JOIN (SELECT article_id, list(name ORDER BY name) FILTER (WHERE name IS NOT NULL) AS v,
                  list(c ORDER BY name) FILTER (WHERE name IS NOT NULL) AS c, sum(c) AS n
           FROM (SELECT article_id, name, CAST(count(*) AS INTEGER) AS c FROM actors
                 WHERE hash(article_id) % $n = $k GROUP BY ALL) GROUP BY article_id) x ON x.article_id = a.id
LEFT JOIN (SELECT article_id, list(name ORDER BY name) FILTER (WHERE name IS NOT NULL) AS v,
                  list(c ORDER BY name) FILTER (WHERE name IS NOT NULL) AS c, sum(c) AS n
           FROM (SELECT article_id, name, CAST(count(*) AS INTEGER) AS c FROM places
                 WHERE hash(article_id) % $n = $k GROUP BY ALL) GROUP BY article_id) p ON p.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(flatten(list(regions)))) AS v FROM places
           WHERE hash(article_id) % $n = $k GROUP BY article_id) rg ON rg.article_id = a.id
LEFT JOIN (SELECT article_id, list_sort(list_distinct(list(category))) AS v, count(*) AS n FROM figures
           WHERE hash(article_id) % $n = $k GROUP BY article_id) g ON g.article_id = a.id
LEFT JOIN (SELECT article_id, v,
                  list_transform(v, lambda x: CASE length(x) WHEN 4 THEN TRY_CAST(x || '-01-01' AS DATE)
                      WHEN 7 THEN TRY_CAST(x || '-01' AS DATE) WHEN 10 THEN TRY_CAST(x AS DATE) END) AS lo,
                  list_transform(v, lambda x: CASE length(x) WHEN 4 THEN TRY_CAST(x || '-12-31' AS DATE)
                      WHEN 7 THEN last_day(TRY_CAST(x || '-01' AS DATE)) WHEN 10 THEN TRY_CAST(x AS DATE) END) AS hi
           FROM (SELECT article_id, list_sort(list_distinct(list(date))) AS v FROM dates
                 WHERE kind = 'event' AND hash(article_id) % $n = $k GROUP BY article_id)) d ON d.article_id = a.id
LEFT JOIN (SELECT article_id, count(*) AS n FROM dates
           WHERE hash(article_id) % $n = $k GROUP BY article_id) dn ON dn.article_id = a.id
WHERE hash(a.id) % $n = $k)
""".format(keys=", ".join(KEYS_SQL["article_facets"][c] for c in TABLES["article_facets"]
                          if c in KEYS_SQL["article_facets"]))

# Version summaries: SQL adding the partial rows of version $v for the articles in slice $k of
# $n (a slice's rows for a key add up with other slices' in the merge below).
# Pairs come from article_facets, whose lists already hold each article's distinct names:
# unnesting them twice costs half of joining the distinct mention rows to themselves.
_FACETS = "SELECT version, actors, places FROM article_facets WHERE version = $v AND hash(id) % $n = $k"
SUMMARY_SQL = {
    "actor_pairs": f"""INSERT INTO actor_pairs
        SELECT version, a, b, count(*) FROM (
            SELECT version, a, unnest(actors) AS b FROM (SELECT version, unnest(actors) AS a, actors FROM ({_FACETS})))
        GROUP BY ALL""",
    # Located places: names with coordinates in any mention (the gazetteer's, the same for
    # every mention of a name).
    "place_actors": f"""INSERT INTO place_actors
        SELECT version, p, a, count(*) FROM (
            SELECT version, p, unnest(actors) AS a FROM (SELECT version, unnest(places) AS p, actors FROM ({_FACETS}))
            WHERE p IN (SELECT name FROM place_days WHERE lat IS NOT NULL))
        GROUP BY ALL""",
    # The event month is the claim's own date, else its article's publication date, as the
    # casualty charts read it; partial dates ("2020") start their interval.
    # Grouped on the claim's month text (or its publication month) first and made a date per
    # group, as read._figures_by_month does: formatting and casting per claim cost most of it.
    "figure_months": """INSERT INTO figure_months
        SELECT version, published,
               coalesce(TRY_CAST(CASE length(dm) WHEN 4 THEN dm || '-01-01' WHEN 7 THEN dm || '-01' ELSE dm END AS DATE),
                        pm) AS month,
               category, side, sum(n), sum(placed), max(hl)
        FROM (SELECT version, published, left(date, 7) AS dm,
                     CASE WHEN date IS NULL THEN CAST(date_trunc('month', published) AS DATE) END AS pm,
                     category, coalesce(actor, 'unattributed') AS side, count(*) AS n, count(place) AS placed,
                     max(coalesce(low, value)) AS hl
              FROM figures
              WHERE version = $v AND hash(article_id) % $n = $k AND (date IS NOT NULL OR published IS NOT NULL)
              GROUP BY ALL)
        GROUP BY ALL""",
    # From the version's day rollups, in one statement: an article has one publication day, so
    # its day rows' article counts add up to count(DISTINCT article_id) over all mentions.
    "actor_totals": """INSERT INTO actor_totals
        SELECT version, name, type, country, list_sort(list_distinct(flatten(list(roles)))), sum(mentions), sum(articles)
        FROM actor_days WHERE version = $v GROUP BY version, name, type, country""",
    # From the version's figure_months rows (any slices' partial rows add up), in one
    # statement: the casualty chart's months without the publication day, which only a
    # publication-date filter needs.
    "figure_month_totals": """INSERT INTO figure_month_totals
        SELECT version, month, category, side, sum(claims), sum(placed), max(highest_low)
        FROM figure_months WHERE version = $v AND month IS NOT NULL GROUP BY ALL""",
    "figure_places": """INSERT INTO figure_places
        SELECT version, place, category, count(*) FROM figures
        WHERE version = $v AND place IS NOT NULL AND hash(article_id) % $n = $k GROUP BY ALL""",
    # Each article's distinct names (facet lists) once per figure category it reports: 7x fewer
    # rows than its places times its actors, which a category's place-actor pairs would need
    # (those cost 17x place_actors on the benchmark corpus and are not kept).
    "category_names": """INSERT INTO category_names
        SELECT version, category, kind, name, sum(c), count(*) FROM (
            SELECT version, category, 'place' AS kind, unnest(places) AS name, unnest(place_counts) AS c
            FROM (SELECT version, unnest(categories) AS category, places, place_counts FROM article_facets
                  WHERE version = $v AND hash(id) % $n = $k)
            UNION ALL
            SELECT version, category, 'actor', unnest(actors), unnest(actor_counts)
            FROM (SELECT version, unnest(categories) AS category, actors, actor_counts FROM article_facets
                  WHERE version = $v AND hash(id) % $n = $k))
        GROUP BY ALL""",
}
SUMMARY_MERGE_SQL = {
    "actor_pairs": "SELECT version, actor, other, sum(articles) FROM actor_pairs WHERE version = $v GROUP BY ALL",
    "place_actors": "SELECT version, place, actor, sum(articles) FROM place_actors WHERE version = $v GROUP BY ALL",
    "figure_months": """SELECT version, published, month, category, side, sum(claims), sum(placed), max(highest_low)
                        FROM figure_months WHERE version = $v GROUP BY ALL""",
    "figure_places": "SELECT version, place, category, sum(claims) FROM figure_places WHERE version = $v GROUP BY ALL",
    "category_names": """SELECT version, category, kind, name, sum(mentions), sum(articles) FROM category_names
                         WHERE version = $v GROUP BY ALL""",
}
# Summaries computed once per version from its day rollups or figure_months instead of per
# slice of articles.
FROM_DAYS = ("actor_totals", "figure_month_totals")
# Articles per slice when summarising: the pairs of a slice are joined in memory.
SLICE_SUMMARY_ARTICLES = 100_000

# Versions to summarise: finished ones, and unfinished ones older than a finished one (a run
# that crashed; its committed batches are visible to views of later versions). The newest
# unfinished version may still be ingesting, so it is left to its own finish_version.
UNSUMMARIZED_SQL = """
SELECT version FROM versions
WHERE (finished_at IS NOT NULL OR version < (SELECT max(version) FROM versions WHERE finished_at IS NOT NULL))
  AND version NOT IN (SELECT version FROM summarized)
ORDER BY version
"""
# True when every version up to $v (every version when $v is NULL) has its summaries.
COVERED_SQL = """
SELECT NOT EXISTS (SELECT 1 FROM versions WHERE ($v IS NULL OR version <= $v)
                   AND version NOT IN (SELECT version FROM summarized))
"""

# Per derived table: true when it does not summarise the tables it derives from (an older store).
# The day rollups are compared on summarised versions only: a running version has none yet.
_DONE = "version IN (SELECT version FROM summarized)"
STALE_SQL = {
    # The keys are checked on a sample: a DuckDB whose hash differs from the one that wrote them
    # (an upgrade) would otherwise match no filter value and no rollup name (schema.KEYS_SQL).
    "article_facets": f"""SELECT (SELECT count(*) FROM articles) <> (SELECT count(*) FROM article_facets)
        OR EXISTS (SELECT 1 FROM (SELECT * FROM article_facets LIMIT 200) WHERE {" OR ".join(
            f"{c} IS DISTINCT FROM {e}" for c, e in KEYS_SQL["article_facets"].items())})""",
    "actor_days": f"""SELECT (SELECT count(*) FROM actors WHERE name IS NOT NULL AND {_DONE})
                             <> (SELECT coalesce(sum(mentions), 0) FROM actor_days WHERE {_DONE})""",
    "place_days": f"""SELECT (SELECT count(*) FROM places WHERE name IS NOT NULL AND {_DONE})
                             <> (SELECT coalesce(sum(mentions), 0) FROM place_days WHERE {_DONE})""",
    # Version summaries of rows copied or changed outside an ingest (a replicated benchmark store).
    "actor_totals": f"""SELECT (SELECT count(*) FROM actors WHERE name IS NOT NULL AND {_DONE})
                               <> (SELECT coalesce(sum(mentions), 0) FROM actor_totals WHERE {_DONE})""",
    "figure_months": f"""SELECT (SELECT count(*) FROM figures WHERE {_DONE})
                                <> (SELECT coalesce(sum(claims), 0) FROM figure_months WHERE {_DONE})""",
    # An article counts once per category and name: its facet lists' lengths add up to that.
    "category_names": f"""SELECT (SELECT coalesce(sum(len(categories) * (len(places) + len(actors))), 0)
                                 FROM article_facets WHERE {_DONE})
                                <> (SELECT coalesce(sum(articles), 0) FROM category_names WHERE {_DONE})""",
    "figure_month_totals": f"""SELECT (SELECT coalesce(sum(claims), 0) FROM figure_months WHERE month IS NOT NULL AND {_DONE})
                                      <> (SELECT coalesce(sum(claims), 0) FROM figure_month_totals WHERE {_DONE})""",
}


def slices(con: duckdb.DuckDBPyConnection, count_sql: str, rows: int) -> int:
    """How many slices of at most ~``rows`` rows the relation counted by ``count_sql`` needs."""
    total = int(con.execute(count_sql).fetchone()[0])
    return max(1, -(-total // rows))


def roll_up(con: duckdb.DuckDBPyConnection, version: int, tables: Iterable[str] = DAY_TABLES.values()) -> None:
    """Compute the day rollups (``tables``, default both) of ``version`` from its mention rows,
    replacing any.

    A slice of names at a time, so that memory stays bounded for huge versions.
    """
    for table, day_table in DAY_TABLES.items():
        if day_table not in tables:
            continue
        con.execute(f"DELETE FROM {day_table} WHERE version = $v", {"v": int(version)})
        n = slices(con, f"SELECT count(*) FROM {table} WHERE version = {int(version)}", SLICE_ROWS)
        if n == 1:  # no hash per row
            con.execute(f"INSERT INTO {day_table} " + DAYS_FROM[table].format(
                src=f"(SELECT * FROM {table} WHERE version = $v)"), {"v": int(version)})
            continue
        src = f"(SELECT * FROM {table} WHERE version = $v AND hash(name) % $n = $k)"
        for k in range(n):
            con.execute(f"INSERT INTO {day_table} " + DAYS_FROM[table].format(src=src),
                        {"v": int(version), "n": n, "k": k})


def summarize(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Compute the day rollups and the version summaries of ``version`` (replacing any) and mark
    it summarised.

    In slices of articles, so that the pairs of a huge version never sit in memory at once.
    """
    part = {"v": int(version)}
    roll_up(con, version)  # first: place_actors reads the located places from place_days
    for table in SUMMARY_SQL:
        con.execute(f"DELETE FROM {table} WHERE version = $v", part)
    con.execute("DELETE FROM summarized WHERE version = $v", part)
    n = slices(con, f"SELECT count(*) FROM articles WHERE version = {int(version)}", SLICE_SUMMARY_ARTICLES)
    for k in range(n):
        for table, sql in SUMMARY_SQL.items():
            if table not in FROM_DAYS:
                con.execute(sql, {**part, "n": n, "k": k})
    for table in FROM_DAYS:
        con.execute(SUMMARY_SQL[table], part)
    if n > 1:
        for table, sql in SUMMARY_MERGE_SQL.items():
            con.execute(f"CREATE TEMP TABLE _merged AS {sql}", part)
            con.execute(f"DELETE FROM {table} WHERE version = $v", part)
            con.execute(f"INSERT INTO {table} SELECT * FROM _merged")
            con.execute("DROP TABLE _merged")
    con.execute("INSERT INTO summarized VALUES ($v)", part)


def unsummarized(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Versions whose summaries are missing (see :data:`UNSUMMARIZED_SQL`)."""
    return [int(r[0]) for r in con.execute(UNSUMMARIZED_SQL).fetchall()]


def stale(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The derived tables that do not summarise the current articles and mentions of the
    summarised versions (versions not summarised yet: :func:`unsummarized`)."""
    return [t for t in STALE_SQL if con.execute(STALE_SQL[t]).fetchone()[0]]


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
        if n > 1:
            # Slices of hashed ids leave every row group spanning all dates; in publication
            # order, as an ingest of a chronological corpus writes them, a row group's min/max
            # of published and event dates let date filters skip most of the table.
            con.execute("SET preserve_insertion_order = true")
            con.execute("CREATE TEMP TABLE _facets AS SELECT * FROM article_facets ORDER BY version, published, id")
            con.execute("DELETE FROM article_facets")
            con.execute("INSERT INTO article_facets SELECT * FROM _facets")
            con.execute("DROP TABLE _facets")
            con.execute("SET preserve_insertion_order = false")
    days = [d for d in DAY_TABLES.values() if d in tables]
    for day_table in days:
        con.execute(f"DELETE FROM {day_table}")
    if set(tables) & {*SUMMARY_SQL, "summarized"}:  # summarize() rolls up each version it summarises
        con.execute("DELETE FROM summarized")
        for v in unsummarized(con):
            summarize(con, v)
    elif days:  # day rollups exist for the summarised versions only
        for (v,) in con.execute("SELECT version FROM summarized ORDER BY version").fetchall():
            roll_up(con, int(v), days)
