"""Store rows built from ``extract`` records as Arrow tables: the part of a write that needs no database.

An engine's workers call :func:`prepare` on the records they extracted, so that what crosses to
the driver is a few Arrow tables (cheap to pickle and to insert) instead of nested dicts, and the
driver only deduplicates and inserts them (:meth:`data.store.Store.write_rows`). ``prepare`` is
pure and knows nothing that only the writer knows: the data ``version`` and the time of the write
(:data:`WRITER_COLUMNS`) are absent from its tables and added at insert time.
"""
from __future__ import annotations

import bisect
import calendar
import datetime
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow as pa

from data.store.schema import KEYS_SQL, MENTION_COLUMNS, TABLES

__all__ = ["Rows", "prepare", "schema", "WRITER_COLUMNS", "ROW_TABLES"]

#: Columns that only the writer fills: the run's data version and the time of the write.
WRITER_COLUMNS = ("version", "ingested_at", "at")

#: The tables :func:`prepare` fills, in the order the writer inserts them.
ROW_TABLES = ("articles", "article_facets", *MENTION_COLUMNS)

_STR, _INT, _FLOAT, _STRS = pa.string(), pa.int32(), pa.float64(), pa.list_(pa.string())
# The Arrow type of every column name: a name has one SQL type in every table of the store
# (tests/test_store_rows.py checks these against what DuckDB reports for data/store/schema.py).
TYPES: dict[str, pa.DataType] = {
    **dict.fromkeys(["id", "article_id", "title", "publisher", "url", "text", "source", "kind", "meta",
                     "surface", "name", "country", "qualifier", "category", "actor", "claimed_by", "date",
                     "place", "sentence", "type", "role", "speaker", "via", "file", "status", "code",
                     "message"], _STR),
    **dict.fromkeys(["idx", "start", "end", "version", "n_places", "n_figures", "n_actors", "n_dates"], _INT),
    **dict.fromkeys(["lat", "lon", "border_km", "value", "low", "high"], _FLOAT),
    **dict.fromkeys(["credits", "removed", "regions", "sources", "actors", "places", "categories",
                     "event_dates"], _STRS),
    **dict.fromkeys(["actor_counts", "place_counts"], pa.list_(_INT)),
    **dict.fromkeys(["actor_keys", "place_keys", "source_keys", "region_keys", "category_keys"],
                    pa.list_(pa.uint64())),
    **dict.fromkeys(["published", "event_lo", "event_hi"], pa.date32()),
    "ingested_at": pa.timestamp("us"),
    "at": pa.timestamp("us"),
}


def schema(table: str, writer_columns: bool = False) -> pa.Schema:
    """The Arrow schema of ``table``'s rows, without the columns the writer fills unless asked
    for (:data:`WRITER_COLUMNS` and those it computes, :data:`data.store.schema.KEYS_SQL`)."""
    own = {*WRITER_COLUMNS, *KEYS_SQL.get(table, {})}
    return pa.schema([(c, TYPES[c]) for c in TABLES[table] if writer_columns or c not in own])


# Per article: its rows in each mention table and its warnings, so that dropping an article
# (a duplicate) drops exactly its rows, even when another article of the batch has the same id.
_COUNTS = pa.schema([(t, pa.int32()) for t in (*MENTION_COLUMNS, "warnings")])


@dataclass
class Rows:
    """The store rows of a batch of articles, as :func:`prepare` builds them.

    Attributes
    ----------
    tables : dict of str to pyarrow.Table
        One table per name in :data:`ROW_TABLES`, articles in batch order, without
        :data:`WRITER_COLUMNS`. ``articles`` and ``article_facets`` have one row per article.
    counts : pyarrow.Table
        One row per article: how many rows it has in each mention table and how many warnings.
    warnings : pyarrow.Table
        The ingest-log rows of the articles' warnings (``schema("ingest_log")``), in article order.
    """

    tables: dict[str, pa.Table]
    counts: pa.Table
    warnings: pa.Table

    def __len__(self) -> int:
        return self.tables["articles"].num_rows

    @classmethod
    def concat(cls, parts: Sequence["Rows"]) -> "Rows":
        """The rows of several batches as one, in order (no copy of the data)."""
        if len(parts) == 1:
            return parts[0]
        if not parts:
            return prepare([])
        return cls({t: pa.concat_tables([p.tables[t] for p in parts]) for t in ROW_TABLES},
                   pa.concat_tables([p.counts for p in parts]),
                   pa.concat_tables([p.warnings for p in parts]))

    def filter(self, keep: np.ndarray) -> "Rows":
        """Only the articles where the boolean array ``keep`` is true, with their mentions and warnings."""
        def rows_of(column: str) -> pa.Array:
            return pa.array(np.repeat(keep, self.counts[column].to_numpy()))

        mask = pa.array(keep)
        tables = {t: self.tables[t].filter(mask if t not in MENTION_COLUMNS else rows_of(t)) for t in ROW_TABLES}
        return Rows(tables, self.counts.filter(mask), self.warnings.filter(rows_of("warnings")))


def prepare(records: Sequence[dict[str, Any]]) -> Rows:
    """The store rows of ``records`` (``extract`` JSON objects, see :meth:`data.store.Store.write_batch`).

    Raises
    ------
    ValueError, TypeError, pyarrow.ArrowException
        When a record holds a value its column cannot take (e.g. a figure ``value`` that is not
        a number).
    """
    tables = {"articles": _table("articles", _article_columns(records)),
              "article_facets": _table("article_facets", _facet_columns(records))}
    counts = {t: [len(r.get(t) or []) for r in records] for t in MENTION_COLUMNS}
    for table in MENTION_COLUMNS:
        tables[table] = _table(table, _mention_columns(records, table))
    warnings = _warning_columns(records)
    counts["warnings"] = warnings.pop("_n")
    return Rows(tables, pa.Table.from_pydict(counts, schema=_COUNTS), _table("ingest_log", warnings))


def _table(table: str, columns: dict[str, list[Any]]) -> pa.Table:
    sch = schema(table)
    arrays = []
    for field in sch:
        values = columns[field.name]
        if field.type == pa.date32():
            # ISO strings (or dates): Arrow parses them here, in the worker, not the writer.
            arrays.append(pa.array(values).cast(field.type))
        else:
            arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=sch)


def _article_columns(records: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {c: [] for c in schema("articles").names}
    for r in records:
        a = r.get("article") or {}
        cols["id"].append(r["id"])
        for c in ("title", "published", "publisher", "url", "source", "kind"):
            cols[c].append(a.get(c))
        cols["credits"].append(list(a.get("credits") or []))
        cols["text"].append(a.get("text") or "")
        cols["removed"].append(list(a.get("removed") or []))
        cols["meta"].append(json.dumps(a.get("meta") or {}, default=str, sort_keys=True))
    return cols


def _sorted_distinct(values: Iterable[Any], drop_empty: bool = False) -> list[str]:
    return sorted({v for v in values if v is not None and not (drop_empty and v == "")})


def _facet_columns(records: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """One ``article_facets`` row per article: the distinct values each sidebar filter tests, and
    the mentions of each actor and place name.

    Must agree with :data:`data.store.derived.REBUILD_FACETS_SQL`, which derives the same rows from the tables.
    """
    cols: dict[str, list[Any]] = {c: [] for c in schema("article_facets").names}
    for r in records:
        a = r.get("article") or {}
        pls = r.get("places") or []
        cols["id"].append(r["id"])
        cols["published"].append(a.get("published"))
        cols["sources"].append(_sorted_distinct([a.get("publisher"), *(a.get("credits") or [])], drop_empty=True))
        for t in ("actors", "places"):
            counts = Counter(m.get("name") for m in r.get(t) or [])
            names = _sorted_distinct(counts)
            cols[t].append(names)
            cols[f"{t[:-1]}_counts"].append([counts[n] for n in names])
        cols["regions"].append(_sorted_distinct(g for m in pls for g in (m.get("regions") or [])))
        cols["categories"].append(_sorted_distinct(m.get("category") for m in r.get("figures") or []))
        events = _sorted_distinct(m.get("date") for m in r.get("dates") or [] if m.get("kind") == "event")
        cols["event_dates"].append(events)
        lo, hi = event_span(events, a.get("published"))
        cols["event_lo"].append(lo)
        cols["event_hi"].append(hi)
        for t in ("places", "figures", "actors", "dates"):
            cols[f"n_{t}"].append(len(r.get(t) or []))
    return cols


def event_span(dates: Sequence[str], published: Any) -> tuple[Any, Any]:
    """The first day of the earliest and the last day of the latest of the (possibly partial:
    "2020", "2020-11") ISO ``dates``; ``(published, published)`` when there are none, and the
    widest span when one does not parse (so that a filter's pre-test never rules it out).

    Must agree with the span :data:`data.store.derived.REBUILD_FACETS_SQL` computes.
    """
    if not dates:
        if isinstance(published, str):  # records carry ISO text; the column is a DATE either way
            published = datetime.date.fromisoformat(published[:10])
        return published, published
    los, his = [], []
    for d in dates:
        try:
            if len(d) == 4:
                los.append(datetime.date(int(d), 1, 1))
                his.append(datetime.date(int(d), 12, 31))
            elif len(d) == 7:
                y, m = int(d[:4]), int(d[5:])
                los.append(datetime.date(y, m, 1))
                his.append(datetime.date(y, m, calendar.monthrange(y, m)[1]))
            elif len(d) == 10:
                los.append(datetime.date.fromisoformat(d))
                his.append(los[-1])
            else:
                raise ValueError(d)
        except (TypeError, ValueError):
            return datetime.date.min, datetime.date.max
    return min(los), max(his)


def _mention_columns(records: Sequence[dict[str, Any]], table: str) -> dict[str, list[Any]]:
    """The rows of one mention table for ``records``, as columns."""
    cols: dict[str, list[Any]] = {c: [] for c in schema(table).names}
    extra = [c for c in MENTION_COLUMNS[table] if c not in ("regions", "sentence", "value", "low", "high")]
    evidence = table in ("figures", "quotes")
    # column by column over an article's mentions: list comprehensions instead of one append
    # per cell, the writer's main cost per mention
    for r in records:
        ms = r.get(table)
        if not ms:
            continue
        a = r.get("article") or {}
        text = a.get("text") or ""
        n = len(ms)
        cols["article_id"] += [r["id"]] * n
        cols["idx"] += range(n)
        cols["published"] += [a.get("published")] * n
        starts = [m.get("start") for m in ms]
        ends = [m.get("end") for m in ms]
        if evidence:
            cols["sentence"] += _evidence(text, [(s or 0, e or 0) for s, e in zip(starts, ends)],
                                          getattr(r, "sentences", None))
        cols["start"] += starts
        cols["end"] += ends
        cols["surface"] += [m["surface"] if "surface" in m else text[s or 0:e or 0]
                            for m, s, e in zip(ms, starts, ends)]
        for c in extra:
            cols[c] += [m.get(c) for m in ms]
        if table == "places":
            cols["regions"] += [list(m.get("regions") or []) for m in ms]
        elif table == "figures":
            for k in ("value", "low", "high"):
                cols[k] += [float(v) if v is not None else None for v in (m.get(k) for m in ms)]
    return cols


def _warning_columns(records: Sequence[dict[str, Any]]) -> dict[str, list[Any]]:
    """The ingest-log rows of every article's ``meta.warnings``, and (``_n``) how many per article."""
    cols: dict[str, list[Any]] = {c: [] for c in (*schema("ingest_log").names, "_n")}
    for r in records:
        a = r.get("article") or {}
        ws = (a.get("meta") or {}).get("warnings") or []
        cols["_n"].append(len(ws))
        for w in ws:
            cols["file"].append(a.get("source"))
            cols["article_id"].append(r["id"])
            cols["status"].append("warning")
            cols["code"].append(w.get("code") if isinstance(w, dict) else "warning")
            cols["message"].append(w.get("message") if isinstance(w, dict) else str(w))
    return cols


# A blank line always ends a sentence (data.extract.sentences), so a paragraph splits into the
# same sentences alone as inside its text.
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _evidence(text: str, spans: list[tuple[int, int]],
              sents: list[tuple[int, int]] | None = None) -> list[str]:
    """The sentence(s) holding each ``(start, end)`` span of ``text``.

    ``sents`` are the text's sentence spans when the caller has them (an ingest's extraction
    split the text already; see :class:`data.pipeline.Record`). Otherwise only the paragraphs
    that hold a span are split: splitting whole articles to find the evidence of a few figures
    was a quarter of the store's write cost.
    """
    if sents is not None:
        return [_sentence_at(text, sents, start, end) for start, end in spans]
    # Imported here: importing data.extract builds its lexicons (~0.3 s CPU), which a writer
    # of rows prepared elsewhere (an ingest driver, the dashboard) never needs.
    from data.extract.sentences import split_sentences

    breaks = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text)]
    starts = [0] + [b for _, b in breaks]
    ends = [a for a, _ in breaks] + [len(text)]
    split: dict[int, list[tuple[int, int]]] = {}
    out = []
    for start, end in spans:
        i = bisect.bisect_right(starts, start) - 1
        if i < 0 or start >= ends[i] or end > ends[i]:
            i = -1  # on or across a paragraph break: split the whole text
        if i not in split:
            lo, hi = (0, len(text)) if i < 0 else (starts[i], ends[i])
            split[i] = [(a + lo, b + lo) for a, b in split_sentences(text[lo:hi])]
        out.append(_sentence_at(text, split[i], start, end))
    return out


def _sentence_at(text: str, sents: list[tuple[int, int]], start: int, end: int) -> str:
    """The sentence(s) holding ``text[start:end]`` (a quote may span several), for evidence."""
    i = max(0, bisect.bisect_right(sents, (start, len(text) + 1)) - 1)
    j = max(i, bisect.bisect_left(sents, (end, -1)) - 1)
    if not sents:
        return text[start:end].strip()
    return text[min(sents[i][0], start):max(sents[j][1], end)].strip()
