"""Read-only DuckDB instances that a process's readers share, kept open for a moment after use.

A freshly opened store file has an empty buffer pool: at a million articles each query then
reads and checks its blocks again, 100-300 ms of a 0.2-0.9 s query (docs/BENCHMARKS.md). The
queries of one process (a page's, which run at once, and the next filter change's) therefore
share one read-only instance per file while any of them reads and for :data:`IDLE_S` seconds
after (an analyst reading a chart before the next filter change keeps a warm cache). The
instance holds the file's shared lock, which keeps writers out, so it is closed once idle that
long, at once when a writer of this process asks for the file (:func:`close`), and when a
writer of another process waits for it: such a writer leaves a marker file beside the store
while it retries (:func:`announce_writer`). An idle instance looks for markers every
:data:`POLL_S` seconds and closes when it finds one; readers that find one stop sharing
(:func:`writer_waiting`) and open and close their own connection for each query. A writer
that has waited :data:`STARVED_S` seconds goes first: readers wait, up to :data:`YIELD_S`
seconds, until it is in (:func:`yield_to_writer`). Without that, readers of two processes
querying back to back hold the file nearly all the time and an ingest beside them commits a
batch now and then at best; yielding to any waiting writer starves the readers instead, as a
busy ingest waits for the file again a moment after each batch. A writer that leaves no marker
(another program) waits out the idle time.

DuckDB connections are not shared between threads: each reader gets its own ``cursor()`` of
the instance. A file replaced under the same name gets a new instance: while an instance is
open nobody writes the file, so its inode, size and modification time stay as they were.
"""
from __future__ import annotations

import atexit
import glob
import os
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

import duckdb

__all__ = ["IDLE_S", "STARVED_S", "YIELD_S", "Entry", "cursor", "release", "close", "close_all", "announce_writer",
           "writer_waiting", "yield_to_writer"]

IDLE_S = float(os.environ.get("CONFLICT_DB_READER_IDLE_S", "60"))
#: How often an idle instance looks for a waiting writer's marker (a glob beside the store).
POLL_S = 0.2
#: A writer waiting this long for the file gets it before further readers.
STARVED_S = 1.0
#: The longest a reader waits for such a writer to get in before it queries anyway: bounded,
#: because the file may be held by a program that announces nothing, and the writer with it.
YIELD_S = 2.0

_lock = threading.Lock()
_open: dict[str, "Entry"] = {}


class Entry:
    """One shared instance: its base connection, the file's state when opened, its readers."""

    __slots__ = ("key", "con", "stamp", "users", "timer", "idle_since", "ticks")

    def __init__(self, key: str, con: duckdb.DuckDBPyConnection | None, stamp: tuple[int, int, int]):
        self.key, self.con, self.stamp = key, con, stamp
        self.users = 0
        self.timer: threading.Timer | None = None
        self.idle_since = 0.0
        self.ticks = 0  # which armed look is current: an older one may fire after a new arm


def cursor(path: os.PathLike | str, open_instance: Callable[[], duckdb.DuckDBPyConnection]
           ) -> tuple[duckdb.DuckDBPyConnection, Entry]:
    """A connection of the shared read-only instance of ``path``, opened by ``open_instance()``
    when none is open (its errors, such as a lock held by a writer, propagate to the caller,
    which retries). Give it back with :func:`release`."""
    key = os.path.abspath(path)
    st = os.stat(key)
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    with _lock:
        entry = _open.get(key)
        if entry is not None and entry.stamp != stamp:
            _retire(entry)
            entry = None
        if entry is None:
            entry = Entry(key, open_instance(), stamp)
            _open[key] = entry
        entry.users += 1
        if entry.timer is not None:
            entry.timer.cancel()
            entry.timer = None
        try:
            return entry.con.cursor(), entry
        except BaseException:
            entry.users -= 1
            raise


def release(entry: Entry, con: duckdb.DuckDBPyConnection) -> None:
    """Close ``con`` (from :func:`cursor`); the instance closes :data:`IDLE_S` seconds after its
    last reader, as soon as a writer of another process waits, or now if it was retired
    meanwhile."""
    con.close()
    with _lock:
        entry.users -= 1
        if entry.users:
            return
        if _open.get(entry.key) is not entry:
            _shut(entry)
        elif IDLE_S <= 0 or writer_waiting(entry.key):
            _retire(entry)
        else:
            entry.idle_since = time.monotonic()
            _arm(entry)


def _arm(entry: Entry) -> None:
    """Look at ``entry`` again in :data:`POLL_S` seconds (caller holds the lock)."""
    entry.ticks += 1
    entry.timer = threading.Timer(min(POLL_S, IDLE_S), _tick, (entry, entry.ticks))
    entry.timer.daemon = True
    entry.timer.start()


def _tick(entry: Entry, tick: int) -> None:
    """Close an idle ``entry`` once idle :data:`IDLE_S` or when a writer waits, else look again
    (``tick``: the look this is; a look superseded by a newer arm does nothing)."""
    with _lock:
        if entry.users or tick != entry.ticks or _open.get(entry.key) is not entry:
            return
        if time.monotonic() - entry.idle_since >= IDLE_S or writer_waiting(entry.key):
            _retire(entry)
        else:
            _arm(entry)


def _retire(entry: Entry) -> None:
    """Forget ``entry`` (caller holds the lock); close it now if nobody reads, else its last
    reader does (:func:`release`)."""
    if _open.get(entry.key) is entry:
        del _open[entry.key]
    if entry.timer is not None:
        entry.timer.cancel()
        entry.timer = None
    if entry.users == 0:
        _shut(entry)


def _shut(entry: Entry) -> None:
    """Close ``entry``'s instance and drop the connection object here and now (caller holds the
    lock). Freeing it shuts DuckDB's instance down: left to whichever thread drops the entry
    last, an idle timer's thread could do so while the interpreter was exiting, and a thread
    stopped inside DuckDB aborts the process ("FATAL: exception not rethrown")."""
    if entry.con is not None:
        entry.con.close()
        entry.con = None


def close(path: os.PathLike | str) -> None:
    """Stop sharing the instance of ``path``: closed now, or by its last running reader (a
    writer of this process then retries until that reader is done)."""
    with _lock:
        entry = _open.get(os.path.abspath(path))
        if entry is not None:
            _retire(entry)


def close_all() -> None:
    """:func:`close` every shared instance (benchmarks measure cold queries this way)."""
    with _lock:
        for entry in list(_open.values()):
            _retire(entry)


# Closed before the interpreter stops its daemon threads (see _shut).
atexit.register(close_all)


_MARK = ".writer-waiting."


@contextmanager
def announce_writer(path: os.PathLike | str) -> Iterator[None]:
    """Mark, for the duration of the block, that this process waits to write ``path``."""
    mark = f"{os.path.abspath(path)}{_MARK}{os.getpid()}"
    try:
        with open(mark, "w") as fh:
            fh.write(str(os.getpid()))
    except OSError:  # a read-only directory: readers cannot see us, we retry as before
        yield
        return
    try:
        yield
    finally:
        try:
            os.remove(mark)
        except FileNotFoundError:
            pass


def writer_waiting(path: os.PathLike | str, for_s: float = 0.0) -> bool:
    """True when a live process has waited at least ``for_s`` seconds to write ``path``
    (markers of dead ones are removed)."""
    now = time.time()
    for mark in glob.glob(glob.escape(os.path.abspath(path)) + _MARK + "*"):
        pid = mark.rsplit(".", 1)[-1]
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            try:
                os.remove(mark)
            except FileNotFoundError:
                pass
            continue
        except (ValueError, PermissionError):  # not ours to judge: assume alive
            pass
        if for_s > 0:
            try:
                if now - os.stat(mark).st_mtime < for_s:
                    continue
            except FileNotFoundError:  # it got in meanwhile
                continue
        return True
    return False


def yield_to_writer(path: os.PathLike | str, limit_s: float = YIELD_S) -> float:
    """Wait while a writer of another process has waited :data:`STARVED_S` seconds or more for
    ``path``, at most ``limit_s`` seconds; returns the seconds waited. The writer's marker goes
    once it has the file, and this reader then retries its own open until the write is done."""
    start = time.monotonic()
    while writer_waiting(path, STARVED_S) and time.monotonic() - start < limit_s:
        time.sleep(0.005)
    return time.monotonic() - start
