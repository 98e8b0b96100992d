"""Run every benchmark in sequence and redraw the plot (``make bench``).

Usage::

    python -m bench.run_all [--sizes 10k] [--dashboard 100k] [--extract-mb 5]

Long: on 2 cores the 10k ingest runs take minutes per engine; the 100k dashboard store takes
longer to build the first time (it is reused afterwards).
"""
from __future__ import annotations

import argparse
import sys

from bench import bench_dashboard, bench_extract, bench_ingest, plot


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10k", help="ingest corpus sizes, comma-separated")
    ap.add_argument("--engines", default="local,dask1,dask2")
    ap.add_argument("--dashboard", default="100k", help="dashboard store size")
    ap.add_argument("--extract-mb", default="5")
    a = ap.parse_args(argv)
    bench_extract.main(["--mb", a.extract_mb])
    bench_ingest.main(["--sizes", a.sizes, "--engines", a.engines])
    bench_dashboard.main(["--n", a.dashboard])
    plot.main([])
    return 0


if __name__ == "__main__":
    sys.exit(main())
