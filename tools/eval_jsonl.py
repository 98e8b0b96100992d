#!/usr/bin/env python3
"""Score `python -m data extract` on any gold JSONL in the dev-sentences format.

usage: tools/eval_jsonl.py GOLD.jsonl [--misses]
Uses ../shared/tools/score.py (the project's official scorer) so numbers are comparable.
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(ROOT), "shared", "tools"))
import score  # noqa: E402


def main() -> None:
    gold = sys.argv[1]
    out = tempfile.mkdtemp()
    src = os.path.join(out, "in.jsonl")
    with open(src, "w") as f:
        for line in open(gold):
            d = json.loads(line)
            f.write(json.dumps({"id": d["id"], "text": d["text"], "published": d["published"]}) + "\n")
    py = os.path.join(ROOT, ".venv", "bin", "python")
    r = subprocess.run([py if os.path.exists(py) else sys.executable, "-m", "data", "extract", src],
                       capture_output=True, text=True, cwd=ROOT)
    if r.returncode:
        sys.exit(r.stderr[-2000:])
    for line in r.stdout.splitlines():
        rec = json.loads(line)
        json.dump(rec, open(os.path.join(out, rec["id"] + ".json"), "w"))
    sys.argv = ["score", gold, out] + [a for a in sys.argv[2:] if a.startswith("--")]
    score.main()


if __name__ == "__main__":
    main()
