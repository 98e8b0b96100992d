"""Re-extraction rebuilds a store from its own texts with the current extractors (real DuckDB,
real extraction): versions, failures and saved views survive; a crash resumes; the old file is
never changed."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from data.pipeline import ingest
from data.reextract import reextract
from data.store import Store, derived

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
DATA = ("articles", "places", "figures", "actors", "dates", "quotes")


def contents(store: Store, tables=DATA) -> dict[str, list[str]]:
    """Every row of the data tables, version kept, run times dropped, order-insensitive."""
    out = {}
    for t in tables:
        df = store.read_df(f"SELECT * FROM {t}")
        df = df.drop(columns=[c for c in ("ingested_at", "at") if c in df.columns])
        out[t] = sorted(json.dumps(r, sort_keys=True, default=str) for r in df.to_dict("records"))
    return out


def file_bytes(path: Path) -> bytes:
    return path.read_bytes()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, Path]:
    """Two folders: most sample articles, then the rest with a broken file and a repeat."""
    tmp = tmp_path_factory.mktemp("rx_corpus")
    first, second = tmp / "first", tmp / "second"
    first.mkdir(), second.mkdir()
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in (".txt", ".html"))
    for i, f in enumerate(files):
        shutil.copy(f, (first if i % 3 else second) / f.name)
    shutil.copy(files[1], second / ("again_" + files[1].name))  # a duplicate of a first-run article
    (second / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF")
    return first, second


def two_version_store(path: Path, corpus) -> Store:
    store = Store(path).init()
    ingest([corpus[0]], store)
    store.save_view({"category": "killed"}, page="figures", title="as of the first run")
    ingest([corpus[1]], store)
    return store


def age(path: Path) -> None:
    """Make the store's readings those of an older extractor: fewer places, another figure."""
    con = duckdb.connect(str(path))
    con.execute("DELETE FROM places WHERE name = 'Nagorno-Karabakh'")
    con.execute("UPDATE figures SET value = value + 1000")
    con.close()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, corpus):
    tmp = tmp_path_factory.mktemp("rx")
    fresh = two_version_store(tmp / "fresh.duckdb", corpus)
    old_path = tmp / "old.duckdb"
    old = two_version_store(old_path, corpus)
    age(old_path)
    before = file_bytes(old_path)
    new = Store(tmp / "new.duckdb")
    summary = reextract(old_path, new)
    return fresh, old, new, summary, before


def test_rebuilt_store_holds_the_current_readings_of_every_article(rebuilt):
    fresh, old, new, summary, _ = rebuilt
    assert contents(old)["places"] != contents(fresh)["places"]  # the aged store read less
    assert contents(new) == contents(fresh)  # every row, with its data version
    assert summary.articles == len(contents(fresh)["articles"]) >= 15
    assert summary.versions == 2 and not summary.failed
    assert summary.after["places"] > summary.before["places"]


def test_versions_log_failures_and_saved_views_survive(rebuilt):
    fresh, old, new, _, _ = rebuilt
    cols = "version, engine, loaded, duplicates, failed"
    assert new.read_df(f"SELECT {cols} FROM versions ORDER BY 1").to_dict("records") == \
        old.read_df(f"SELECT {cols} FROM versions ORDER BY 1").to_dict("records")
    assert all(n.startswith("re-extracted from old.duckdb") for n in new.read_df("SELECT note FROM versions")["note"])
    log = "SELECT version, file, article_id, status, code FROM ingest_log ORDER BY ALL"
    assert new.read_df(log).to_dict("records") == old.read_df(log).to_dict("records")
    assert {"failed", "duplicate", "loaded"} <= set(new.read_df(log)["status"])
    view = old.read_df("SELECT id FROM saved_views")["id"][0]
    assert new.load_view(view) == old.load_view(view)
    assert new.load_view(view)["version"] == 1


def test_rebuilt_summaries_match_its_mentions(rebuilt):
    _, _, new, _, _ = rebuilt
    with new.connect() as con:
        assert derived.stale(con) == [] and derived.unsummarized(con) == []


def test_old_store_is_never_changed(rebuilt):
    _, old, _, _, before = rebuilt
    assert file_bytes(old.path) == before


def test_running_again_changes_nothing(rebuilt):
    _, old, new, _, _ = rebuilt
    first = contents(new, DATA + ("versions", "ingest_log", "saved_views"))
    again = reextract(old.path, new)
    assert (again.articles, again.versions, again.resumed) == (0, 0, len(first["articles"]))
    assert contents(new, DATA + ("versions", "ingest_log", "saved_views")) == first


def test_an_interrupted_run_resumes_to_the_same_store(rebuilt, tmp_path):
    fresh, old, _, _, _ = rebuilt
    new = Store(tmp_path / "resumed.duckdb")

    def crash(done, total):
        if done >= 8:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        reextract(old.path, new, batch_size=4, progress=crash)
    partial = new.read_df("SELECT count(*) AS n FROM articles")["n"][0]
    assert 8 <= partial < len(contents(fresh)["articles"])
    summary = reextract(old.path, new, batch_size=4)
    assert summary.resumed == partial
    assert contents(new) == contents(fresh)
    with new.connect() as con:
        assert derived.stale(con) == []


def test_worker_processes_write_the_same_store(rebuilt, tmp_path):
    fresh, old, _, _, _ = rebuilt
    new = Store(tmp_path / "pool.duckdb")
    reextract(old.path, new, workers=2, batch_size=4)
    assert contents(new) == contents(fresh)


def test_an_article_whose_extraction_fails_is_kept_without_readings(rebuilt, tmp_path, monkeypatch):
    import data.extract

    _, old, _, _, _ = rebuilt
    real = data.extract.extract_many_with_sentences

    def one_fails(items, batch=32):
        out = real(items, batch=batch)
        return [(RuntimeError("rule broke"), None) if "Shusha" in text else r
                for (text, _), r in zip(items, out)]

    monkeypatch.setattr(data.extract, "extract_many_with_sentences", one_fails)
    new = Store(tmp_path / "partial.duckdb")
    summary = reextract(old.path, new)
    broke = {a for a, _ in summary.failed}
    assert broke and all("RuntimeError: rule broke" in m for _, m in summary.failed)
    stored = new.read_df("SELECT id, text FROM articles")
    assert len(stored) == summary.before["articles"]  # nothing lost
    assert set(stored[stored.text.str.contains("Shusha")].id) == broke
    assert new.read_df("SELECT count(*) AS n FROM places WHERE article_id IN (SELECT unnest(?))",
                       [sorted(broke)])["n"][0] == 0
    log = new.read_df("SELECT article_id FROM ingest_log WHERE code = 'extract_failed'")
    assert set(log.article_id) == broke


def test_refuses_the_same_file_a_missing_one_and_a_foreign_target(rebuilt, tmp_path):
    fresh, old, _, _, _ = rebuilt
    with pytest.raises(ValueError, match="new file"):
        reextract(old.path, Store(old.path))
    with pytest.raises(FileNotFoundError, match="nope.duckdb"):
        reextract(tmp_path / "nope.duckdb", Store(tmp_path / "x.duckdb"))
    other = Store(tmp_path / "other.duckdb").init()
    for _ in range(3):
        other.finish_version(other.begin_version())
    with pytest.raises(ValueError, match=r"versions \[3\]"):
        reextract(old.path, other)


def test_cli_prints_counts_and_reports_errors(rebuilt, tmp_path):
    _, old, _, _, _ = rebuilt
    out = tmp_path / "cli.duckdb"
    run = subprocess.run([sys.executable, "-m", "data", "reextract", str(out), "--db", str(old.path), "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["versions"] == 2 and summary["after"]["articles"] == summary["before"]["articles"]
    bad = subprocess.run([sys.executable, "-m", "data", "reextract", str(tmp_path / "y.duckdb"),
                          "--db", str(tmp_path / "missing.duckdb")], cwd=ROOT, capture_output=True, text=True,
                         timeout=600)
    assert bad.returncode == 2 and "missing.duckdb" in bad.stderr


def test_cli_names_a_store_that_is_no_duckdb_file(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_text("not a database")
    run = subprocess.run([sys.executable, "-m", "data", "reextract", str(tmp_path / "z.duckdb"), "--db", str(bad)],
                         cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 2 and "notes.duckdb" in run.stderr and "Traceback" not in run.stderr
