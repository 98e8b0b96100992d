"""The DuckDB store: idempotent writes, versions, saved views, crash consistency, concurrency."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from data.article import article_id
from data.store import Store

ROOT = Path(__file__).resolve().parents[1]


def make_record(n: int, published: str = "2022-09-14") -> dict:
    """An ``extract`` JSON record with one mention of every kind."""
    text = f"Article {n}: Armenia said 49 soldiers were killed near Jermuk on Wednesday."
    return {
        "id": article_id(text),
        "article": {"title": f"T{n}", "published": published, "publisher": "Sample Wire", "url": None,
                    "credits": ["AFP"], "text": text, "source": f"f{n}.txt", "kind": "txt",
                    "removed": ["MoD of Armenia"], "meta": {"sample": True}},
        "places": [{"start": text.index("Jermuk"), "end": text.index("Jermuk") + 6, "surface": "Jermuk",
                    "name": "Jermuk", "country": "AM", "kind": "city", "lat": 39.84, "lon": 45.67,
                    "regions": ["vayots-dzor"], "border_km": 8.0}],
        "figures": [{"start": text.index("49"), "end": text.index("49") + 11, "surface": "49 soldiers",
                     "value": 49, "low": 49, "high": 49, "qualifier": "exact", "category": "killed",
                     "actor": "Armenia", "claimed_by": "Armenia", "date": published, "place": "Jermuk"}],
        "actors": [{"start": text.index("Armenia"), "end": text.index("Armenia") + 7, "surface": "Armenia",
                    "name": "Armenia", "type": "state", "country": "AM", "role": None}],
        "dates": [{"start": text.index("Wednesday"), "end": text.index("Wednesday") + 9, "surface": "Wednesday",
                   "date": published, "kind": "event"}],
        "quotes": [],
    }


def table_rows(store: Store) -> dict[str, list]:
    out = {}
    for t in ("articles", "places", "figures", "actors", "dates", "quotes"):
        df = store.read_df(f"SELECT * FROM {t}")
        out[t] = sorted(map(str, df.drop(columns=["ingested_at"], errors="ignore").to_dict("records")))
    return out


def test_write_then_reingest_changes_nothing(tmp_path):
    store = Store(tmp_path / "s.duckdb").init()
    v1 = store.begin_version()
    assert store.write_batch(v1, [make_record(1), make_record(2)]) == {"loaded": 2, "duplicate": 0}
    store.finish_version(v1)
    before = table_rows(store)
    v2 = store.begin_version()
    assert store.write_batch(v2, [make_record(2), make_record(1), make_record(1)]) == {"loaded": 0, "duplicate": 3}
    store.finish_version(v2)
    assert table_rows(store) == before
    log = store.read_df("SELECT status, count(*) AS n FROM ingest_log WHERE version = ? GROUP BY status", [v2])
    assert dict(zip(log.status, log.n)) == {"duplicate": 3}


def test_mentions_keep_offsets_and_evidence_sentence(tmp_path):
    store = Store(tmp_path / "s.duckdb").init()
    v = store.begin_version()
    store.write_batch(v, [make_record(7)])
    fig = store.read_df("SELECT f.surface, f.start, f.\"end\", f.sentence, a.text FROM figures f "
                        "JOIN articles a ON a.id = f.article_id").iloc[0]
    assert fig.text[fig.start:fig.end] == fig.surface == "49 soldiers"
    assert "49 soldiers were killed near Jermuk" in fig.sentence
    art = store.read_df("SELECT credits, removed, meta, published FROM articles").iloc[0]
    assert list(art.credits) == ["AFP"] and list(art.removed) == ["MoD of Armenia"]
    assert json.loads(art.meta) == {"sample": True}
    assert str(art.published)[:10] == "2022-09-14"


def test_versions_and_saved_views_pin_the_data(tmp_path):
    store = Store(tmp_path / "s.duckdb").init()
    assert store.current_version() == 0
    v1 = store.begin_version()
    store.write_batch(v1, [make_record(1)])
    store.finish_version(v1)
    view = store.save_view({"actor": ["Armenia"], "from": "2022-01-01"}, page="casualties", title="t")
    v2 = store.begin_version()
    store.write_batch(v2, [make_record(2)])
    store.finish_version(v2)
    saved = store.load_view(view)
    assert saved["version"] == v1 and saved["page"] == "casualties"
    assert saved["params"] == {"actor": ["Armenia"], "from": "2022-01-01"}
    n_then = store.read_df("SELECT count(*) AS n FROM figures WHERE version <= ?", [saved["version"]]).n[0]
    n_now = store.read_df("SELECT count(*) AS n FROM figures").n[0]
    assert (n_then, n_now) == (1, 2)
    assert store.load_view("nope") is None
    stats = store.stats()
    assert stats["counts"]["articles"] == 2 and [v["version"] for v in stats["versions"]] == [1, 2]


def test_failed_batch_rolls_back_whole(tmp_path):
    store = Store(tmp_path / "s.duckdb").init()
    v = store.begin_version()
    bad = make_record(3)
    bad["figures"][0]["value"] = "not a number"
    with pytest.raises(Exception):
        store.write_batch(v, [make_record(4), bad])
    assert store.stats()["counts"]["articles"] == 0


def test_invalid_arguments_name_the_problem(tmp_path):
    with pytest.raises(ValueError, match="path"):
        Store(tmp_path / "nosuffix")
    store = Store(tmp_path / "s.duckdb").init()
    with pytest.raises(ValueError, match="version"):
        store.write_batch(0, [])


WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from tests.test_store import make_record
    from data.store import Store
    store = Store({db!r}).init()
    v = store.begin_version()
    store.write_batch(v, [make_record(k) for k in range(10)])  # imports and first open done
    print("ready", flush=True)
    for i in range(1, 100000):
        store.write_batch(v, [make_record(i * 10 + k) for k in range(10)])
""")


def test_kill_9_mid_ingest_leaves_store_consistent(tmp_path):
    db = str(tmp_path / "crash.duckdb")
    proc = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), db=db)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout.readline().strip() == "ready"
    time.sleep(2.5)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    store = Store(db)
    counts = store.stats()["counts"]
    assert counts["articles"] > 0, "the writer should have committed some batches"
    # every committed batch is whole: articles, mentions and log rows agree exactly
    assert counts["articles"] % 10 == 0
    for t in ("places", "figures", "actors", "dates"):
        assert counts[t] == counts["articles"], t
    orphans = store.read_df("SELECT count(*) AS n FROM figures f ANTI JOIN articles a ON a.id = f.article_id").n[0]
    assert orphans == 0
    loaded = store.read_df("SELECT count(*) AS n FROM ingest_log WHERE status = 'loaded'").n[0]
    assert loaded == counts["articles"]
    # the store stays writable after the crash
    v = store.begin_version()
    assert store.write_batch(v, [make_record(-1)])["loaded"] == 1


READER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from data.store import Store
    store = Store({db!r}, lock_timeout=30)
    n = 0
    t0 = time.time()
    while time.time() - t0 < 3:
        store.read_df("SELECT count(*) FROM articles JOIN figures ON figures.article_id = articles.id")
        n += 1
    print(n)
""")


def test_two_readers_query_while_an_ingest_writes(tmp_path):
    db = str(tmp_path / "shared.duckdb")
    Store(db).init()
    writer = subprocess.Popen([sys.executable, "-c", WRITER.format(root=str(ROOT), db=db)],
                              stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert writer.stdout.readline().strip() == "ready"
    readers = [subprocess.Popen([sys.executable, "-c", READER.format(root=str(ROOT), db=db)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
               for _ in range(2)]
    outs = [r.communicate(timeout=60) for r in readers]
    writer.kill()
    writer.wait()
    for (out, err), r in zip(outs, readers):
        assert r.returncode == 0, err
        assert int(out.strip()) > 0
    # The writer committed batches beside the readers' back-to-back queries, not only the one
    # it wrote before they started: readers yield to a waiting writer (readers.yield_to_writer).
    assert Store(db).stats()["counts"]["articles"] >= 30


def test_evidence_sentence_respects_abbreviations_and_multi_sentence_quotes(tmp_path):
    text = "Gen. Smith said 12 soldiers were killed. “We will fight. We will win,” he said. Calm later."
    rec = make_record(99)
    rec["id"] = article_id(text)
    rec["article"]["text"] = text
    i, q0, q1 = text.index("12 soldiers"), text.index("We will fight"), text.index("win") + 3
    rec["figures"] = [dict(rec["figures"][0], start=i, end=i + 11, surface="12 soldiers")]
    rec["quotes"] = [{"start": q0, "end": q1, "speaker": "Smith", "via": None}]
    rec["places"] = rec["actors"] = rec["dates"] = []
    store = Store(tmp_path / "s.duckdb").init()
    store.write_batch(store.begin_version(), [rec])
    assert store.read_df("SELECT sentence FROM figures").sentence[0] == "Gen. Smith said 12 soldiers were killed."
    assert store.read_df("SELECT sentence FROM quotes").sentence[0] == "“We will fight. We will win,” he said."
