"""process_file extracts articles in batches (extract_many) with per-article results and errors."""
from __future__ import annotations

import json

import data.extract.places as places_mod
from data.extract import extract_article
from data.loaders import LoadError, load_path
from data.pipeline import EXTRACT_BATCH, process_file

LEAD = ("YEREVAN, Sept 28 (Reuters) - Armenia said {n} of its soldiers were killed near Jermuk on "
        "Monday, and Azerbaijan's defence ministry said shelling hit Ganja.")


def _write(tmp_path, n: int, bad_line_at: int | None = None):
    path = tmp_path / "dump.jsonl"
    lines = []
    for i in range(n):
        if i == bad_line_at:
            lines.append("{not json")
        lines.append(json.dumps({"title": f"Report {i}", "published": "2020-09-28",
                                 "text": LEAD.format(n=i + 2)}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _one_by_one(path) -> list:
    out = []
    for item in load_path(str(path)):
        if isinstance(item, LoadError):
            out.append(item)
            continue
        rec = extract_article(item)
        rec["article"].update(source=item.source, kind=item.kind, removed=list(item.removed), meta=dict(item.meta))
        out.append(rec)
    return out


def test_batched_extraction_equals_article_by_article_in_order(tmp_path):
    path = _write(tmp_path, 2 * EXTRACT_BATCH + 5, bad_line_at=40)
    got, want = process_file(str(path)), _one_by_one(path)
    assert len(got) == len(want) == 2 * EXTRACT_BATCH + 6
    assert isinstance(got[40], LoadError) and "dump.jsonl" in str(got[40].source)
    for g, w in zip(got, want):
        if isinstance(w, LoadError):
            assert (g.code, str(g.source)) == (w.code, str(w.source))
        else:
            assert json.dumps(g, sort_keys=True, default=str) == json.dumps(w, sort_keys=True, default=str)
    assert [r["figures"][0]["value"] for r in got if not isinstance(r, LoadError)][:3] == [2, 3, 4]


def test_one_article_that_breaks_a_rule_fails_alone(tmp_path, monkeypatch):
    path = _write(tmp_path, EXTRACT_BATCH + 3)
    real = places_mod.find_places

    def breaks_on_seven(text, sents):  # fault injection: a rule crashing on one article
        if "said 7 of its" in text:
            raise RuntimeError("rule crashed")
        return real(text, sents)

    monkeypatch.setattr(places_mod, "find_places", breaks_on_seven)
    got = process_file(str(path))
    failed = [r for r in got if isinstance(r, LoadError)]
    assert len(got) == EXTRACT_BATCH + 3
    assert [(f.code, "RuntimeError: rule crashed" in f.message) for f in failed] == [("extract_failed", True)]
    assert got.index(failed[0]) == 5  # the article with n = 7, in its place
    assert all(r["places"] for r in got if not isinstance(r, LoadError))
