"""Engines on split JSONL files and the local process pool write what the in-process engine writes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import data.loaders.parts as parts_mod
from data.engines import local as local_engine
from data.loaders import load_path
from data.pipeline import ingest
from data.store import Store
from tests.test_engine_dask import SAMPLE, TABLES, contents


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The sample articles as a JSONL dump with a broken line, next to a few plain files."""
    root = tmp_path_factory.mktemp("corpus")
    plain = sorted(SAMPLE.glob("*.txt"))[:3]
    lines = []
    for item in load_path(SAMPLE):
        # the plain files are copied as they are: no article may be in both (which copy of a
        # duplicate is stored would then depend on completion order)
        if hasattr(item, "text") and Path(item.source.split("#")[0]) not in plain:
            lines.append(json.dumps({"text": item.text, "title": item.title, "published": item.published,
                                     "url": item.url, "publisher": item.publisher}, ensure_ascii=False))
    lines.insert(7, '{"text": "broken line')
    (root / "dump.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for f in plain:
        (root / f.name).write_bytes(f.read_bytes())
    return root


@pytest.fixture
def small_parts(monkeypatch):
    # Planning happens in the driver, so these reach every engine (workers get the parts).
    monkeypatch.setattr(parts_mod, "MIN_SPLIT_BYTES", 0)
    monkeypatch.setattr(parts_mod, "PART_ROWS", 4)


def _ingest(root: Path, db: Path, **kw):
    store = Store(db).init()
    return store, ingest([root], store, **kw)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """In-process, whole files: the contents every other configuration must match."""
    return _ingest(corpus, tmp_path_factory.mktemp("ref") / "ref.duckdb", engine="local")


def _assert_same(ref, other):
    (s1, sum1), (s2, sum2) = ref, other
    assert sum1.loaded > 20 and len(sum1.failed) == 1
    assert (sum2.loaded, sum2.duplicates, sorted(sum2.failed)) == (sum1.loaded, sum1.duplicates, sorted(sum1.failed))
    a, b = contents(s1), contents(s2)
    for t in TABLES:
        assert a[t] == b[t], f"table {t} differs"


def test_local_pool_on_split_files_writes_the_same_store(corpus, reference, tmp_path, small_parts):
    got = _ingest(corpus, tmp_path / "pool.duckdb", engine="local", workers=2, batch_size=3)
    _assert_same(reference, got)
    assert got[1].failed[0][0] == f"{corpus / 'dump.jsonl'}#8"


def test_dask_on_split_files_writes_the_same_store(corpus, reference, tmp_path, small_parts):
    got = _ingest(corpus, tmp_path / "dask.duckdb", engine="dask", workers=2, batch_size=3)
    _assert_same(reference, got)


def test_local_pool_reports_missing_files_and_keeps_going(tmp_path):
    f = sorted(SAMPLE.glob("*.txt"))[0]
    parts = list(local_engine.process([str(tmp_path / "nope.txt"), str(f)], workers=2, batch_size=1))
    assert sum(p.results for p in parts) == 2 and sum(len(p.rows) for p in parts) == 1
    errors = [e for p in parts for e in p.errors]
    assert [(e.source, e.code) for e in errors] == [(str(tmp_path / "nope.txt"), "not_found")]


def test_local_engine_with_one_worker_stays_in_process(monkeypatch):
    import concurrent.futures

    def no_pool(*a, **k):  # pragma: no cover - fails the test if reached
        raise AssertionError("workers=1 must not start processes")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(local_engine, "ProcessPoolExecutor", no_pool)
    f = str(sorted(SAMPLE.glob("*.txt"))[0])
    for workers in (None, 1):
        assert sum(len(p.rows) for p in local_engine.process([f], workers=workers)) == 1


@pytest.mark.parametrize("kw", [{"workers": 0}, {"batch_size": 0}, {"window": 0}])
def test_local_bad_arguments_name_the_parameter(kw):
    with pytest.raises(ValueError, match=next(iter(kw))):
        list(local_engine.process(["x.txt"], **kw))


def test_dask_engine_leaves_dask_config_whole_when_distributed_was_not_imported(tmp_path):
    """Its config override must not take distributed's defaults with it when it ends."""
    import subprocess
    import sys

    code = ("import sys; from data.engines import dask as d; "
            "assert 'distributed' not in sys.modules; "
            f"list(d.process([{str(tmp_path / 'nope.txt')!r}], workers=1)); "
            "import dask; print(dask.config.get('distributed.comm.timeouts.connect'), "
            "dask.config.get('distributed.worker.profile.enabled'))")
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["30s", "True"]
