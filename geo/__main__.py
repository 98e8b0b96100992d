"""Command line: ``python -m geo locate|regions|build`` (JSON on stdout)."""
from __future__ import annotations

import argparse
import json
import sys


def _locate(args) -> int:
    from geo.gazetteer import resolve

    place = resolve(args.name, countries=args.country or (), kind=args.kind)
    print(json.dumps(place.to_dict(), ensure_ascii=False))
    return 0


def _regions(args) -> int:
    from geo import regions

    print(regions.to_geojson(layer=args.layer))
    return 0


def _build(args) -> int:
    from geo import build_gazetteer

    if not args.gazetteer_only:
        from geo import build_layers

        print(json.dumps(build_layers.build(workdir=args.workdir)), file=sys.stderr)
    print(json.dumps(build_gazetteer.build()))
    return 0


def main(argv=None) -> int:
    """Run the command line; return the exit status."""
    p = argparse.ArgumentParser(prog="python -m geo", description=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    lo = sub.add_parser("locate", help="resolve a place name; prints a JSON place")
    lo.add_argument("name")
    lo.add_argument("--country", action="append", metavar="CC",
                    help="ISO2 code of a country the text is about (repeatable)")
    lo.add_argument("--kind", default=None, help="country|region|city|village|feature|border")
    lo.set_defaults(func=_locate)
    rg = sub.add_parser("regions", help="print the region layers as GeoJSON")
    rg.add_argument("--layer", default=None, help="one layer id (default: all layers)")
    rg.set_defaults(func=_regions)
    bd = sub.add_parser("build", help="regenerate layers and gazetteer (needs the registries)")
    bd.add_argument("--workdir", default=None, help="keep downloads here (default: a temp dir)")
    bd.add_argument("--gazetteer-only", action="store_true",
                    help="rebuild geo/data/gazetteer.json from the committed layers only")
    bd.set_defaults(func=_build)
    args = p.parse_args(argv)
    try:
        return args.func(args)
    except (ValueError, TypeError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
