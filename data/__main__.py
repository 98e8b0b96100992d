"""Command line: ``python -m data ingest | extract | reextract | stats | export``.

Contracts (DESIGN.md): ``extract FILE [--published YYYY-MM-DD] [--url URL]`` prints one JSON
object per article (one per line for a ``.jsonl`` input, each with that line's ``id``);
``ingest PATH... [--db FILE]`` loads files or folders into the store.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import re
import sys
from pathlib import Path

from data.engines import BATCH_SIZE

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: str) -> str:
    if not _ISO.match(value):
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {value!r}")
    return value


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m data", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="cmd", required=True)

    ing = sub.add_parser("ingest", help="load files or folders into the store")
    ing.add_argument("paths", nargs="+")
    ing.add_argument("--db", help="store file (default: $CONFLICT_DB or data/conflict.duckdb)")
    ing.add_argument("--engine", choices=("local", "dask"), default="local")
    ing.add_argument("--scheduler", help="Dask scheduler address (default: a LocalCluster)")
    ing.add_argument("--workers", type=int,
                     help="worker processes: Dask LocalCluster workers (default 2), or a local process pool when >= 2")
    ing.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                     help="results per store transaction (a crash loses at most one; each costs the writer a "
                          "DuckDB checkpoint, so small ones slow a large ingest)")
    ing.add_argument("--quiet", action="store_true", help="no progress bar")
    ing.add_argument("--json", action="store_true", help="print the summary as JSON")
    ing.add_argument("--if-empty", action="store_true",
                     help="do nothing when the store already holds articles (used by `make run`)")

    ex = sub.add_parser("extract", help="print the extract JSON of one file")
    ex.add_argument("file")
    ex.add_argument("--published", type=_iso_date, help="publication date (overrides detection)")
    ex.add_argument("--url", help="article URL (overrides detection)")
    ex.add_argument("--indent", type=int, default=None)

    rx = sub.add_parser("reextract", help="read every stored article again with the current extractors, "
                                              "into a new store file")
    rx.add_argument("out", help="the new store file (or one an interrupted run left, to resume)")
    rx.add_argument("--db", help="store to read (default: $CONFLICT_DB or data/conflict.duckdb); never changed")
    rx.add_argument("--workers", type=int, help="worker processes (default: in this process)")
    rx.add_argument("--batch-size", type=int, default=BATCH_SIZE, help="articles per store transaction")
    rx.add_argument("--quiet", action="store_true", help="no progress bar")
    rx.add_argument("--json", action="store_true", help="print the summary as JSON")

    st = sub.add_parser("stats", help="counts per table, date span, versions")
    st.add_argument("--db")

    exp = sub.add_parser("export", help="write every table to partitioned Parquet")
    exp.add_argument("out_dir")
    exp.add_argument("--db")
    return p


def cmd_extract(args) -> int:
    from data.extract import extract_article
    from data.loaders import LoadError, load_path

    path = Path(args.file)
    failed = 0
    for item in load_path(path):
        if isinstance(item, LoadError):
            print(f"error: {item.source}: {item.code}: {item.message}", file=sys.stderr)
            if not item.is_warning:  # (decode_fallback, bad_date: the article still loads)
                failed += 1
            continue
        overrides = {}
        if args.published:
            overrides["published"] = args.published
        if args.url:
            overrides["url"] = args.url
        article = dataclasses.replace(item, **overrides) if overrides else item
        rec = extract_article(article)
        row_id = article.meta.get("id") if isinstance(article.meta, dict) else None
        if row_id is not None:  # a JSONL/CSV row keeps the id it was given
            rec["id"] = str(row_id)
        print(json.dumps(rec, ensure_ascii=False, indent=args.indent))
    return 1 if failed else 0


def cmd_ingest(args) -> int:
    from tqdm import tqdm

    from data.pipeline import ingest, iter_files
    from data.store import Store

    store = Store(args.db).init()  # also brings a store from an older release up to date
    if args.if_empty and store.stats()["counts"]["articles"] > 0:
        print(f"store {store.path} already holds articles; nothing to do")
        return 0
    total = len(list(iter_files(args.paths)))
    bar = tqdm(total=total, unit="file", disable=args.quiet or args.json, file=sys.stderr)
    last = [0]

    def progress(done: int, _total: int) -> None:
        bar.update(max(0, min(done, total) - last[0]))
        last[0] = min(done, total)

    summary = ingest(args.paths, store, engine=args.engine, scheduler=args.scheduler,
                     workers=args.workers, batch_size=args.batch_size, progress=progress)
    bar.update(total - last[0])
    bar.close()
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
    else:
        print(f"version {summary.version}: {summary.files} files, {summary.loaded} articles loaded, "
              f"{summary.duplicates} skipped as duplicates, {len(summary.failed)} failed"
              + (f", {len(summary.warnings)} warnings" if summary.warnings else ""))
        for f, code, msg in summary.failed:
            print(f"  failed  {f}: {code}: {msg}")
        for f, code, msg in summary.warnings:
            print(f"  warning {f}: {code}: {msg}")
    return 0


def cmd_reextract(args) -> int:
    from tqdm import tqdm

    from data.reextract import reextract
    from data.store import Store, StoreError, default_db_path

    source = Path(args.db) if args.db else default_db_path()
    try:
        target = Store(args.out)
        bar = tqdm(unit="article", disable=args.quiet or args.json, file=sys.stderr)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        summary = reextract(source, target, workers=args.workers, batch_size=args.batch_size, progress=progress)
        bar.close()
    except (FileNotFoundError, ValueError, StoreError) as exc:  # a bad path, or a store held by a writer
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False))
        return 0
    print(f"{summary.source} -> {summary.target}: {summary.versions} versions, {summary.articles} articles "
          f"read again" + (f" ({summary.resumed} kept from an interrupted run)" if summary.resumed else "")
          + (f", {len(summary.failed)} kept without readings" if summary.failed else ""))
    for table, n in summary.before.items():
        print(f"  {table:<9} {n:>10,} -> {summary.after.get(table, 0):,}")
    for article_id, message in summary.failed:
        print(f"  failed  {article_id}: {message}")
    return 0


def cmd_stats(args) -> int:
    from data.store import Store

    print(json.dumps(Store(args.db).stats(), indent=2, default=str))
    return 0


def cmd_export(args) -> int:
    from data.store import Store

    for path in Store(args.db).export_parquet(args.out_dir):
        print(path)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return {"ingest": cmd_ingest, "extract": cmd_extract, "reextract": cmd_reextract, "stats": cmd_stats,
            "export": cmd_export}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
