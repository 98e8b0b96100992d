"""Big JSONL files split into parts load exactly like the whole file (data.loaders.parts)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from data.loaders import LoadError, load_path
from data.loaders.parts import FilePart, load_part, split_file
from data.pipeline import chunk_tasks, plan_tasks, process_file, process_tasks

BODY = ("Officials in Goris said {n} soldiers were wounded on Tuesday. The ministry said the "
        "shelling stopped at dawn. Residents described a quiet night after that.")


def _row(n: int, **extra) -> str:
    return json.dumps({"text": BODY.format(n=n), "title": f"Report {n}", "published": "2022-09-14",
                       "url": f"https://example.invalid/{n}", **extra}, ensure_ascii=False)


def _write(path: Path, lines: list[str], newline: str = "\n", bom: bool = False) -> Path:
    data = (newline.join(lines) + newline).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def _same(a: list, b: list) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert type(x) is type(y)
        if isinstance(x, LoadError):
            assert x == y
        else:
            assert x.as_dict() == y.as_dict()


def _mixed_lines() -> list[str]:
    lines = [_row(i) for i in range(1, 8)]
    lines.insert(2, "")                                  # blank line: skipped, still counted
    lines.insert(5, '{"text": "broken')                  # invalid JSON on line 6
    lines.insert(7, "[1, 2]")                            # not an object, line 8
    lines.insert(9, json.dumps({"title": "no body"}))   # no text, line 10
    lines.append(_row(99, published="not a date", tags=["sample"]))
    lines.append(_row(100, text_extra="Ünïcode — ‘quotes’ and 日本語"))
    return lines


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", [False, True])
@pytest.mark.parametrize("rows", [1, 2, 3, 5])
def test_parts_yield_exactly_the_whole_file(tmp_path, newline, bom, rows):
    f = _write(tmp_path / "dump.jsonl", _mixed_lines(), newline, bom)
    parts = split_file(f, rows, min_bytes=0)
    assert parts and len(parts) > 1
    # parts cover the file in order, without gaps
    assert parts[0].start == 0 and parts[-1].end == f.stat().st_size
    assert all(a.end == b.start for a, b in zip(parts, parts[1:]))
    assert [p.first_line for p in parts] == [1 + rows * i for i in range(len(parts))]
    whole = list(load_path(f))
    _same([x for p in parts for x in load_part(p)], whole)


def test_errors_in_a_later_part_name_the_file_and_its_line(tmp_path):
    f = _write(tmp_path / "dump.jsonl", _mixed_lines())
    parts = split_file(f, 4, min_bytes=0)
    errors = [x for x in load_part(parts[1]) if isinstance(x, LoadError)]
    assert [(e.source, e.code) for e in errors] == [
        (f"{f}#6", "bad_row"), (f"{f}#8", "bad_row")]
    assert errors[0].message.startswith("line 6 is not valid JSON")
    assert "item 8 is a JSON list" in errors[1].message


def test_a_part_of_a_file_changed_since_splitting_is_one_clear_error(tmp_path):
    f = _write(tmp_path / "dump.jsonl", [_row(i) for i in range(10)])
    parts = split_file(f, 3, min_bytes=0)
    f.write_bytes(f.read_bytes()[: parts[1].start + 10])
    got = list(load_part(parts[2]))
    assert len(got) == 1 and isinstance(got[0], LoadError)
    assert got[0].source == str(f) and "changed" in got[0].message and "line 7" in got[0].message
    f.unlink()
    gone = list(load_part(parts[0]))
    assert [(e.source, e.code) for e in gone] == [(str(f), "not_found")]


@pytest.mark.parametrize("name, content", [
    ("array.json", "[" + ",\n".join(_row(i) for i in range(5)) + "]\n"),
    ("one.json", json.dumps({"text": BODY, "title": "x"}, indent=2) + "\n"),
    ("cp1252.jsonl", None),
    ("u2028.jsonl", "\n".join(_row(i, note="a\u2028b") for i in range(5)) + "\n"),
    ("lone_cr.jsonl", "\r".join(_row(i) for i in range(5)) + "\r"),
    ("rows.csv", "text,title\n" + "\n".join(f'"{BODY}",t{i}' for i in range(5)) + "\n"),
    ("blank.jsonl", "\n\n  \n"),
])
def test_files_whose_reading_depends_on_the_whole_file_are_not_split(tmp_path, name, content):
    f = tmp_path / name
    if content is None:  # invalid UTF-8: the fallback decoding is chosen for the whole file
        f.write_bytes(("\n".join(_row(i) for i in range(5)) + "\n").encode("utf-8")
                      + json.dumps({"text": "caf\xe9 " + BODY}, ensure_ascii=False).encode("cp1252") + b"\n")
    else:
        f.write_text(content, encoding="utf-8", newline="")
    assert split_file(f, 1, min_bytes=0) is None


def test_small_missing_and_odd_files_are_left_whole(tmp_path):
    small = _write(tmp_path / "small.jsonl", [_row(i) for i in range(5)])
    assert split_file(small, 1) is None  # under MIN_SPLIT_BYTES
    assert split_file(tmp_path / "nope.jsonl", 1, min_bytes=0) is None
    assert split_file(small, 10, min_bytes=0) is None  # one part only
    with pytest.raises(ValueError, match="rows"):
        split_file(small, 0)


def test_plan_and_chunks_keep_order_and_give_each_part_its_own_chunk(tmp_path, monkeypatch):
    import data.loaders.parts as parts_mod

    monkeypatch.setattr(parts_mod, "MIN_SPLIT_BYTES", 0)
    a = _write(tmp_path / "a.jsonl", [_row(i) for i in range(7)])
    b = tmp_path / "b.txt"
    b.write_text(BODY.format(n=3), encoding="utf-8")
    c = tmp_path / "c.txt"
    c.write_text(BODY.format(n=4), encoding="utf-8")
    tasks = list(plan_tasks([str(b), str(a), str(c)], rows=3))
    assert tasks[0] == str(b) and tasks[-1] == str(c)
    assert [t.first_line for t in tasks[1:-1]] == [1, 4, 7]
    chunks = list(chunk_tasks(tasks))
    assert chunks[0] == [str(b)] and chunks[-1] == [str(c)]
    assert all(len(ch) == 1 and isinstance(ch[0], FilePart) for ch in chunks[1:-1])
    # a worker's results for the plan are the driver's results for the files
    got = process_tasks(tasks)
    want = process_file(str(b)) + process_file(str(a)) + process_file(str(c))
    assert json.dumps(got, sort_keys=True, default=str) == json.dumps(want, sort_keys=True, default=str)


def test_bench_shard_parts_match(tmp_path):
    from bench.make_corpus import write_corpus

    # a real bench shard (1,000 generated articles, ~4.5 MB), written here so CI never skips it
    write_corpus(1000, tmp_path / "corpus", shard_size=1000)
    shard = tmp_path / "corpus" / "part-00000.jsonl"
    parts = split_file(shard)
    assert parts and all(p.end - p.start < 1024 * 1024 for p in parts)
    _same([x for p in parts[:2] for x in load_part(p)], list(load_path(shard))[:200])
