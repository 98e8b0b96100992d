"""Quality gates: F1 per mention kind on gold sentences, scored by the project's official scorer.

``../shared/gold/dev-sentences.jsonl`` shows the patterns; ``tests/data/leads.jsonl`` holds news
leads written for this project in the styles of wire services and of machine-translated
government releases, annotated with the same conventions. The floors sit a little under what
the rules reach today, so a change that loses quality fails here.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from data.extract import extract

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(SHARED / "tools"))
import score  # noqa: E402

FLOORS = {
    SHARED / "gold" / "dev-sentences.jsonl": {"places": 0.9, "figures_strict": 0.95, "actors": 0.9, "dates": 0.9},
    ROOT / "tests" / "data" / "leads.jsonl": {"places": 0.9, "figures_strict": 0.9, "actors": 0.85, "dates": 0.9},
}


@pytest.mark.parametrize("gold_path", list(FLOORS), ids=lambda p: p.name)
def test_f1_floors(gold_path, tmp_path):
    gold = score.load_gold(str(gold_path))
    for line in gold_path.read_text().splitlines():
        d = json.loads(line)
        rec = {"id": d["id"], "article": {"published": d["published"]}, **extract(d["text"], d["published"])}
        (tmp_path / f"{d['id']}.json").write_text(json.dumps(rec))
    measures, (qual_ok, qual_n), _, misses = score.score(gold, str(tmp_path))
    f1 = {k: m.f()[2] for k, m in measures.items()}
    low = {k: round(f1[k], 3) for k, floor in FLOORS[gold_path].items() if f1[k] < floor}
    assert not low, f"below floor: {low}; misses: {misses}"
    assert qual_n == 0 or qual_ok / qual_n >= 0.9
