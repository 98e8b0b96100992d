"""Store rows built apart from the database (data.store.rows) and written by Store.write_rows (real DuckDB)."""
from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path

import duckdb
import pytest

from data.article import article_id
from data.pipeline import Part, prepare_results, process_file
from data.store import Store
from data.store.rows import ROW_TABLES, Rows, prepare, schema
from data.store.schema import MENTION_COLUMNS, SCHEMA_SQL
from tests.test_engine_dask import SAMPLE, TABLES as DATA_TABLES, contents
from tests.test_store import make_record

MENTIONS = tuple(MENTION_COLUMNS)


def _store(tmp_path, name="s.duckdb") -> tuple[Store, int]:
    store = Store(tmp_path / name).init()
    return store, store.begin_version()


def _count(store: Store, sql: str) -> int:
    return int(store.read_df(sql).iloc[0, 0])


def test_arrow_types_are_what_duckdb_stores():
    con = duckdb.connect()
    con.execute(SCHEMA_SQL)
    for table in (*ROW_TABLES, "ingest_log"):
        stored = con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        assert schema(table, writer_columns=True) == stored, table


def test_empty_batch_has_every_table_and_writes_only_its_log(tmp_path):
    rows = prepare([])
    assert len(rows) == 0 and set(rows.tables) == set(ROW_TABLES)
    assert all(rows.tables[t].schema == schema(t) for t in ROW_TABLES)
    store, v = _store(tmp_path)
    log = [{"file": "bad.txt", "status": "failed", "code": "not_found", "message": "no such file"}]
    assert store.write_rows(v, rows, log) == {"loaded": 0, "duplicate": 0}
    got = store.read_df("SELECT file, status, code, message, version FROM ingest_log").to_dict("records")
    assert got == [{"file": "bad.txt", "status": "failed", "code": "not_found", "message": "no such file",
                    "version": v}]
    assert store.write_rows(v, Rows.concat([]), []) == {"loaded": 0, "duplicate": 0}
    assert store.stats()["counts"]["articles"] == 0


def test_duplicate_inside_a_batch_keeps_the_first_with_only_its_mentions(tmp_path):
    first, other = make_record(1), make_record(2)
    again = copy.deepcopy(first)  # same id, different content: it must not add rows
    again["article"]["title"] = "second copy"
    again["places"] = again["places"] * 3
    again["article"]["meta"] = {"warnings": [{"code": "w", "message": "from the copy"}]}
    store, v = _store(tmp_path)
    assert store.write_batch(v, [first, again, other]) == {"loaded": 2, "duplicate": 1}
    assert store.read_df("SELECT title FROM articles ORDER BY title").title.tolist() == ["T1", "T2"]
    assert _count(store, f"SELECT count(*) FROM places WHERE article_id = '{first['id']}'") == 1
    assert _count(store, "SELECT count(*) FROM article_facets") == 2
    log = store.read_df("SELECT file, article_id, status, code, message FROM ingest_log ORDER BY status")
    assert log.status.tolist() == ["duplicate", "loaded", "loaded"]
    dup = log.iloc[0].to_dict()
    assert dup == {"file": "f1.txt", "article_id": first["id"], "status": "duplicate", "code": "duplicate",
                   "message": "already in the store"}
    assert log.iloc[1:].code.isna().all() and log.iloc[1:].message.isna().all()


def test_duplicates_against_the_store_are_logged_and_change_nothing(tmp_path):
    store, v = _store(tmp_path)
    store.write_rows(v, prepare([make_record(1), make_record(2)]))
    before = contents(store)
    v2 = store.begin_version()
    parts = [prepare([make_record(2)]), prepare([make_record(3), make_record(1)])]
    assert store.write_rows(v2, Rows.concat(parts)) == {"loaded": 1, "duplicate": 2}
    after = store.read_df(f"SELECT status, file FROM ingest_log WHERE version = {v2} ORDER BY file")
    assert after.to_dict("records") == [{"status": "duplicate", "file": "f1.txt"},
                                        {"status": "duplicate", "file": "f2.txt"},
                                        {"status": "loaded", "file": "f3.txt"}]
    after = contents(store)
    for t in ("articles", "places", "figures", "actors", "dates"):  # one row each per article
        assert set(before[t]) < set(after[t]) and len(after[t]) == 3, t


def test_warnings_of_loaded_articles_are_logged(tmp_path):
    rec = make_record(5)
    rec["article"]["meta"] = {"warnings": [{"code": "odd_date", "message": "date looks odd"}, "plain text"]}
    store, v = _store(tmp_path)
    store.write_batch(v, [rec, make_record(6)])
    got = store.read_df("SELECT file, article_id, code, message FROM ingest_log WHERE status = 'warning' "
                        "ORDER BY code").to_dict("records")
    assert got == [{"file": "f5.txt", "article_id": rec["id"], "code": "odd_date", "message": "date looks odd"},
                   {"file": "f5.txt", "article_id": rec["id"], "code": "warning", "message": "plain text"}]
    # re-ingested, the article is a duplicate and its warnings are not logged again
    store.write_batch(store.begin_version(), [rec])
    assert _count(store, "SELECT count(*) FROM ingest_log WHERE status = 'warning'") == 2


def test_article_without_mentions_between_others(tmp_path):
    text = "Nothing happened today."
    bare = {"id": article_id(text), "article": {"text": text, "published": None}}
    records = [make_record(1), bare, make_record(2)]
    rows = prepare(records)
    assert rows.counts.to_pydict()["places"] == [1, 0, 1]
    store, v = _store(tmp_path)
    assert store.write_rows(v, rows) == {"loaded": 3, "duplicate": 0}
    facet = store.read_df(f"SELECT * FROM article_facets WHERE id = '{bare['id']}'").iloc[0]
    assert [facet[f"n_{t}"] for t in ("places", "figures", "actors", "dates")] == [0, 0, 0, 0]
    assert list(facet.actors) == [] and list(facet.sources) == []
    for t in MENTIONS:
        assert _count(store, f"SELECT count(*) FROM {t} WHERE article_id = '{bare['id']}'") == 0
    assert _count(store, "SELECT count(*) FROM places") == 2


def test_writer_inserts_every_table_with_the_version_and_rollups_wait_for_the_finish(tmp_path):
    store, v = _store(tmp_path)
    rec = make_record(1)
    rec["quotes"] = [{"start": 0, "end": 7, "speaker": "Armenia", "via": None}]
    store.write_batch(v, [rec])
    for t in ROW_TABLES:
        assert store.read_df(f"SELECT DISTINCT version FROM {t}")["version"].tolist() == [v], t
    assert _count(store, "SELECT count(*) FROM actor_days") == 0  # rolled up once, by finish_version
    store.finish_version(v)
    assert _count(store, "SELECT sum(mentions) FROM actor_days") == 1


def test_rows_survive_pickling_and_join_in_order():
    a, b = prepare([make_record(1)]), prepare([make_record(2), make_record(3)])
    joined = Rows.concat([pickle.loads(pickle.dumps(a)), b])
    assert len(joined) == 3
    assert joined.tables["articles"]["title"].to_pylist() == ["T1", "T2", "T3"]
    assert joined.tables["places"].num_rows == 3 and joined.counts.num_rows == 3


def test_a_record_the_store_cannot_take_fails_alone():
    bad = make_record(3)
    bad["figures"][0]["value"] = "not a number"
    with pytest.raises(ValueError):
        prepare([make_record(4), bad])
    part = prepare_results([make_record(4), bad, make_record(5)])
    assert (len(part.rows), part.results) == (2, 3)
    assert [(e.source, e.code) for e in part.errors] == [("f3.txt", "extract_failed")]
    assert "not a number" in part.errors[0].message


def test_prepared_parts_write_what_write_batch_writes(tmp_path):
    """Worker-built parts joined per transaction store exactly the rows of write_batch."""
    results = [r for f in sorted(SAMPLE.iterdir()) if f.is_file() for r in process_file(str(f))]
    records = [r for r in results if isinstance(r, dict)]
    assert len(records) > 20
    one, v1 = _store(tmp_path, "one.duckdb")
    one.write_batch(v1, records)
    parts, v2 = _store(tmp_path, "parts.duckdb")
    pieces = [pickle.loads(pickle.dumps(prepare_results(results[i:i + 5]))) for i in range(0, len(results), 5)]
    for i in range(0, len(pieces), 3):
        parts.write_rows(v2, Part.concat(pieces[i:i + 3]).rows)
    one.finish_version(v1)
    parts.finish_version(v2)
    a, b = contents(one), contents(parts)
    for t in DATA_TABLES:
        assert a[t] == b[t], t
    for t in ("article_facets", "actor_days", "place_days"):
        assert _count(one, f"SELECT count(*) FROM {t}") == _count(parts, f"SELECT count(*) FROM {t}") > 0
    figure = json.loads(a["figures"][0])
    assert figure["sentence"] and figure["published"]


def test_evidence_from_the_extractions_sentences_equals_a_fresh_split():
    """An ingest hands the writer the sentence spans its extraction used (no second split);
    the evidence sentences are the same as the writer's own paragraph-wise split gives."""
    results = [r for f in sorted(SAMPLE.iterdir()) if f.is_file() for r in process_file(str(f))]
    records = [r for r in results if isinstance(r, dict)]
    assert all(r.sentences for r in records)
    plain = [dict(r) for r in records]
    assert not any(hasattr(r, "sentences") for r in plain)
    with_spans, without = prepare(records), prepare(plain)
    for t in ("figures", "quotes"):
        got = with_spans.tables[t].column("sentence").to_pylist()
        assert got == without.tables[t].column("sentence").to_pylist(), t
        assert len(got) >= 10 and all(got), t
