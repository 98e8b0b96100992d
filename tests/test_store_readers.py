"""The shared read-only instance: kept warm between queries, never in a writer's way."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import duckdb
import pytest

from data.store import Store, readers

ROOT = Path(__file__).resolve().parents[1]

# Tries once to open the store for writing; prints "ok" or the error's first words.
TRY_WRITE = textwrap.dedent("""
    import duckdb, sys
    try:
        duckdb.connect(sys.argv[1]).close()
        print("ok")
    except duckdb.Error as exc:
        print("locked" if "lock" in str(exc).lower() else repr(exc))
""")


def _try_write(db: Path) -> str:
    out = subprocess.run([sys.executable, "-c", TRY_WRITE, str(db)], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() or out.stderr


@pytest.fixture
def store(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "IDLE_S", 0.5)
    s = Store(tmp_path / "r.duckdb").init()
    s.save_view({"actor": "Armenia"}, "overview")
    yield s
    readers.close_all()


def _views(s: Store) -> int:
    with s.connect() as con:
        return con.execute("SELECT count(*) FROM saved_views").fetchone()[0]


def test_queries_share_one_instance_until_idle(store):
    _views(store)
    entry = readers._open[os.path.abspath(store.path)]
    _views(store)
    assert readers._open[os.path.abspath(store.path)] is entry  # the second query reused it
    assert _try_write(store.path) == "locked"  # held between queries...
    time.sleep(readers.IDLE_S + 0.5)
    assert os.path.abspath(store.path) not in readers._open
    assert _try_write(store.path) == "ok"  # ...and let go once idle


def test_a_writer_of_this_process_closes_it_and_readers_see_the_write(store):
    assert _views(store) == 1
    store.save_view({"actor": "Azerbaijan"}, "map")  # would wait out its lock timeout if the reader stayed open
    assert _views(store) == 2


def test_a_waiting_writer_of_another_process_stops_the_sharing(store, tmp_path):
    _views(store)
    mark = Path(f"{os.path.abspath(store.path)}.writer-waiting.{os.getppid()}")
    mark.write_text("")  # a live process (our parent) waits to write
    try:
        assert readers.writer_waiting(store.path)
        assert _views(store) == 1
        # the shared instance was closed and this query's own connection too
        assert os.path.abspath(store.path) not in readers._open
        assert _try_write(store.path) == "ok"
    finally:
        mark.unlink()


def test_an_idle_instance_lets_a_waiting_writer_in_before_its_idle_time(store, monkeypatch):
    # Kept warm for a long idle time, the instance still gives way within moments to an ingest
    # of another process (which announces itself while it waits for the lock).
    monkeypatch.setattr(readers, "IDLE_S", 120.0)
    _views(store)
    assert os.path.abspath(store.path) in readers._open
    assert _try_write(store.path) == "locked"  # a writer that does not announce itself waits
    t0 = time.monotonic()
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from data.store import Store
        Store({str(store.path)!r}, lock_timeout=30).save_view({{"actor": "Russia"}}, "actors")
        print("written")
    """)], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "written", out.stderr
    assert time.monotonic() - t0 < 20  # not the 120 s idle time
    assert os.path.abspath(store.path) not in readers._open
    assert _views(store) == 2


def test_readers_let_a_writer_that_waited_long_go_first(store):
    # A writer that has just begun to wait competes with readers as before; one that has waited
    # STARVED_S seconds gets the file first: readers hold back until its marker goes.
    mark = Path(f"{os.path.abspath(store.path)}.writer-waiting.{os.getppid()}")
    mark.write_text("")
    try:
        assert readers.writer_waiting(store.path)
        assert not readers.writer_waiting(store.path, readers.STARVED_S)
        assert readers.yield_to_writer(store.path, limit_s=5) < 0.5
        old = time.time() - readers.STARVED_S - 1
        os.utime(mark, (old, old))
        assert readers.writer_waiting(store.path, readers.STARVED_S)
        assert readers.yield_to_writer(store.path, limit_s=0.3) >= 0.3  # bounded: it may never get in
        timer = threading.Timer(0.4, mark.unlink)
        timer.start()
        waited = readers.yield_to_writer(store.path, limit_s=30)
        timer.join()
        assert 0.3 < waited < 10  # the wait ended when the writer got in, not at the limit
    finally:
        mark.unlink(missing_ok=True)


def test_a_dead_writers_marker_is_ignored_and_removed(store):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    mark = Path(f"{os.path.abspath(store.path)}.writer-waiting.{int(dead.stdout)}")
    mark.write_text("")
    assert not readers.writer_waiting(store.path)
    assert not mark.exists()


def test_a_replaced_file_is_read_anew(store, tmp_path):
    assert _views(store) == 1
    other = tmp_path / "other.duckdb"
    shutil.copy(store.path, other)
    con = duckdb.connect(str(other))
    con.execute("DELETE FROM saved_views")
    con.close()
    os.replace(other, store.path)  # a new inode under the same name, while the old one is shared
    assert _views(store) == 0


def test_an_ingest_in_another_process_gets_in_while_this_one_reads(store):
    # A dashboard that queries without pause must not lock out an ingest: the writer's marker
    # makes the readers give up the shared instance between queries.
    writer = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys
        sys.path.insert(0, {str(ROOT)!r})
        from data.store import Store
        Store({str(store.path)!r}, lock_timeout=20).save_view({{"actor": "Russia"}}, "actors")
        print("written")
    """)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t0 = time.monotonic()
    seen = 1
    while writer.poll() is None and time.monotonic() - t0 < 30:
        seen = _views(store)
    out, err = writer.communicate(timeout=30)
    assert writer.returncode == 0 and out.strip() == "written", err
    assert _views(store) == 2 and seen in (1, 2)


EXIT_WHILE_IDLE = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {root!r})
    from data.store import Store, readers
    readers.IDLE_S = 0.03
    Store(sys.argv[1]).stats()
    time.sleep(float(sys.argv[2]))  # exit about when the idle timer closes the instance
""")


def test_a_process_exiting_as_the_instance_goes_idle_exits_cleanly(store):
    # An idle timer closing the instance while the interpreter shut down aborted the process
    # (about one exit in four at these timings) until shared instances were closed at exit.
    code = EXIT_WHILE_IDLE.format(root=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-c", code, str(store.path), f"{0.02 + i * 0.001:.3f}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for i in range(20)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [rc for rc, _ in results] == [0] * 20, [err[-300:] for rc, err in results if rc]
