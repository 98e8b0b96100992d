"""Ingest end to end through the CLI: one broken file never stops a batch, and nothing is lost."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from data.pipeline import ingest
from data.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"
SEED = ROOT.parent / "shared" / "seed" / "000_1208b3a624b14e63.txt"


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "data", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    """Two good articles beside one file of every kind of bad input."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(SEED, d / "seed.txt")
    (d / "good.txt").write_text("Clashes on the border\n\nMay 12, 2021\n\nArmenia said three soldiers were "
                                "wounded near Sotk on Tuesday, the defence ministry said.\n")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "latin1.txt").write_bytes("Caf\xe9 talks\n\nJune 1, 2021\n\nThe ministry said the caf\xe9 was shelled "
                                   "near Tartar.\n".encode("latin-1"))
    (d / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage\n%%EOF")
    (d / "empty.html").write_text("<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    (d / "rows.csv").write_text("title,published\nNo text here,2021-01-01\n")
    return d


def test_bad_files_are_named_in_summary_and_log_and_the_rest_lands(mixed_folder, tmp_path):
    db = tmp_path / "s.duckdb"
    r = cli("ingest", str(mixed_folder), "--db", str(db), "--json")
    assert r.returncode == 0, r.stderr[-2000:]
    summary = json.loads(r.stdout.strip().splitlines()[-1])
    failed = {Path(f["file"]).name: f["code"] for f in summary["failed"]}
    assert failed == {"empty.txt": "empty_file", "binary.txt": "binary_file", "corrupt.pdf": "pdf_corrupt",
                      "empty.html": "no_article", "rows.csv": "missing_columns"}
    assert {Path(w["file"]).name: w["code"] for w in summary["warnings"]} == {"latin1.txt": "decode_fallback"}
    assert summary["loaded"] == 3  # seed, good, latin1
    store = Store(db)
    log = store.read_df("SELECT file, status, code, message FROM ingest_log")
    for name, code in failed.items():
        row = log[log.file.str.endswith(name)]
        assert list(row.status) == ["failed"] and list(row.code) == [code] and row.message.iloc[0]
    titles = set(store.read_df("SELECT title FROM articles").title)
    assert "Armenia Seeks Russian Military Aid in New Escalation With Azerbaijan" in titles


def test_reingesting_a_folder_changes_no_data(mixed_folder, tmp_path):
    db = tmp_path / "s.duckdb"
    assert cli("ingest", str(mixed_folder), "--db", str(db), "--quiet").returncode == 0
    before = Store(db).stats()["counts"]
    r = cli("ingest", str(mixed_folder), "--db", str(db))
    assert r.returncode == 0
    assert "0 articles loaded, 3 skipped as duplicates, 5 failed" in r.stdout
    after = Store(db).stats()["counts"]
    for t in ("articles", "places", "figures", "actors", "dates", "quotes"):
        assert after[t] == before[t], t


def test_sample_corpus_ingests_every_format_without_failures(tmp_path):
    store = Store(tmp_path / "s.duckdb")
    summary = ingest([SAMPLES], store)
    assert summary.failed == [] and summary.loaded >= 26
    kinds = set(store.read_df("SELECT DISTINCT kind FROM articles").kind)
    assert kinds == {"txt", "html", "pdf", "jsonl", "csv", "rss"}
    counts = store.stats()["counts"]
    assert counts["figures"] > 30 and counts["places"] > 100 and counts["actors"] > 100


def test_stats_and_export_commands(tmp_path):
    db = tmp_path / "s.duckdb"
    assert cli("ingest", str(SEED), "--db", str(db), "--quiet").returncode == 0
    stats = json.loads(cli("stats", "--db", str(db)).stdout)
    assert stats["counts"]["articles"] == 1 and stats["published"] == ["2021-11-16", "2021-11-16"]
    out = tmp_path / "parquet"
    r = cli("export", str(out), "--db", str(db))
    assert r.returncode == 0, r.stderr
    import duckdb

    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/figures/**/*.parquet')").fetchall()[0][0]
    assert n == stats["counts"]["figures"] == 3


def test_extract_cli_jsonl_keeps_ids_and_overrides(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a1", "text": "Baku said two soldiers were killed on Sunday.",
                               "published": "2021-11-16"}) + "\n"
                   + json.dumps({"id": "a2", "text": "Yerevan denied it."}) + "\n")
    r = cli("extract", str(src), "--url", "https://example.org/x")
    assert r.returncode == 0, r.stderr
    recs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [x["id"] for x in recs] == ["a1", "a2"]
    assert recs[0]["article"]["url"] == "https://example.org/x"
    assert recs[0]["dates"][0]["date"] == "2021-11-14"
    bad = cli("extract", str(tmp_path / "missing.txt"))
    assert bad.returncode == 1 and "missing.txt" in bad.stderr and "not_found" in bad.stderr
    assert cli("extract", str(src), "--published", "16/11/2021").returncode == 2


def test_an_unread_date_is_a_warning_and_the_store_in_the_folder_is_no_input(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "rows.csv").write_text("text,published\n\"Baku said two soldiers were killed on Sunday.\",09/10/2023\n")
    db = d / "s.duckdb"  # the store lies in the folder it ingests
    for _ in range(2):  # (the second run finds the store file, and its .wal, there)
        r = cli("ingest", str(d), "--db", str(db), "--json")
        assert r.returncode == 0, r.stderr[-2000:]
        summary = json.loads(r.stdout.strip().splitlines()[-1])
        assert summary["failed"] == []
        assert [(Path(w["file"]).name, w["code"]) for w in summary["warnings"]] == [("rows.csv#1", "bad_date")]
    ex = cli("extract", str(d / "rows.csv"))
    assert ex.returncode == 0 and "bad_date" in ex.stderr and "ambiguous" in ex.stderr
    assert json.loads(ex.stdout)["article"]["published"] is None
