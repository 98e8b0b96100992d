"""The Dask engine writes exactly what the in-process engine writes (real LocalCluster, real DuckDB)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.engines import dask as dask_engine
from data.pipeline import ingest, iter_files
from data.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "articles"
TABLES = ("articles", "places", "figures", "actors", "dates", "quotes", "ingest_log")


def contents(store: Store) -> dict[str, list[str]]:
    """Every row of every data table, ignoring run-specific columns, order-insensitive."""
    out = {}
    for t in TABLES:
        df = store.read_df(f"SELECT * FROM {t}")
        df = df.drop(columns=[c for c in ("version", "ingested_at", "at") if c in df.columns])
        out[t] = sorted(json.dumps(r, sort_keys=True, default=str) for r in df.to_dict("records"))
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("engines")
    local = Store(tmp / "local.duckdb").init()
    s_local = ingest([SAMPLE], local, engine="local")
    dsk = Store(tmp / "dask.duckdb").init()
    # small batches so that several transactions interleave with results arriving out of order
    s_dask = ingest([SAMPLE], dsk, engine="dask", workers=2, batch_size=4)
    return local, s_local, dsk, s_dask


def test_dask_engine_writes_same_store_contents_as_local(stores):
    local, s_local, dsk, s_dask = stores
    assert s_local.loaded > 20
    assert (s_dask.loaded, s_dask.duplicates, len(s_dask.failed)) == (
        s_local.loaded, s_local.duplicates, len(s_local.failed))
    a, b = contents(local), contents(dsk)
    for t in TABLES:
        assert a[t] == b[t], f"table {t} differs between engines"
    assert len(a["places"]) > 50 and len(a["figures"]) > 10


def test_dask_engine_records_its_name_in_versions(stores):
    _, _, dsk, _ = stores
    assert [v["engine"] for v in dsk.stats()["versions"]] == ["dask"]


def test_scheduler_address_mode_uses_and_keeps_an_existing_cluster(tmp_path):
    import logging

    from distributed import Client, LocalCluster

    files = list(iter_files([SAMPLE]))[:5] + [str(tmp_path / "nope.txt")]
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        parts = list(dask_engine.process(files, scheduler=cluster.scheduler_address, batch_size=2))
        # the engine closed only its client: the cluster still takes work
        with Client(cluster) as c:
            assert c.submit(sum, [1, 2]).result() == 3
    assert all(p.results >= 2 for p in parts[:-1])
    assert [e.code for p in parts for e in p.errors] == ["not_found"]
    assert sum(len(p.rows) for p in parts) == sum(p.results for p in parts) - 1 >= 5


def test_chunking_keeps_order_and_limits():
    files = [str(p) for p in sorted(SAMPLE.iterdir())]
    chunks = list(dask_engine.chunk_files(files, max_files=3))
    assert [f for c in chunks for f in c] == files
    assert all(len(c) <= 3 for c in chunks)
    one_each = list(dask_engine.chunk_files(files, max_files=10, max_bytes=1))
    assert all(len(c) == 1 for c in one_each)


@pytest.mark.parametrize("kw", [{"workers": 0}, {"batch_size": 0}, {"window": -1}])
def test_bad_arguments_name_the_parameter(kw):
    name = next(iter(kw))
    with pytest.raises(ValueError, match=name):
        list(dask_engine.process(["x.txt"], **kw))


def test_empty_file_list_starts_no_cluster():
    assert list(dask_engine.process([])) == []
