"""Cheaper patterns in extraction find what the plain patterns they replaced found.

Each speed-up swapped a pattern or a scan for one that does less work per character; these
tests hold the old and the new form side by side on the project's texts, on edge cases and on
random strings built from the characters that matter to each pattern.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from data.extract import actors, figures, numbers
from data.extract.places import match_text

ROOT = Path(__file__).resolve().parents[1]
LEADS = ROOT / "tests" / "data" / "leads.jsonl"


def _texts() -> list[str]:
    with open(LEADS, encoding="utf-8") as fh:
        return [json.loads(line)["text"] for line in fh if line.strip()]


def _fuzz(pieces, n, seed, most=25):
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, most))) for _ in range(n)]


def test_qualifier_by_last_word_as_full_alternation():
    """``_QUAL_RES[word]`` finds, before a number, what the one pattern of every phrase found."""
    phrases = sorted(numbers._QUALS, key=len, reverse=True)
    full = re.compile(r"(?<![\w-])(?P<q>" + "|".join(map(re.escape, phrases)) + r"|between|from)\s+$",
                      re.IGNORECASE)
    words = [p for ph in phrases for p in ph.split()] + ["between", "from", "AT", "Least", "x",
                                                         "more-than", "(about", "\u212a"]
    cases = _fuzz([w + " " for w in words] + ["  ", "\n", "-"], 20000, 1, 6)
    cases += ["handed over ", "no fewer than ", "well   over ", "NEARLY\t", "at least\n"]
    for before in cases:
        text = before + "12"
        ns = len(before)
        if not before[-1:].isspace():
            continue
        prev = text[max(0, ns - 16):ns].rsplit(None, 1)[-1:] or [""]
        if prev[0].lower() not in {p.split()[-1] for p in phrases + ["between", "from"]}:
            continue  # find_quantities tries no pattern then
        want = full.search(text, max(0, ns - 25), ns)
        got = numbers._QUAL_RES[prev[0].lower()].search(text, max(0, ns - 25), ns)
        assert (got and (got.span(), got.group("q"))) == (want and (want.span(), want.group("q"))), before


def test_name_runs_as_plain_pattern():
    """``_CAPRUN`` with its look-ahead matches what ``_TOK(?: _NAME_WORD)+`` matches."""
    plain = re.compile(rf"{actors._TOK}(?: {actors._NAME_WORD})+")
    pieces = ["A", "Č", "ć", "a", "b", "'", "-", " ", " ", ",", "x", "B", "İ", "ı", "é", "Ø", "ß",
              "al-", " bin ", "el-", "ibn", "-A"]
    for t in [match_text(x) for x in _texts()] + _fuzz(pieces, 50000, 2, 30):
        assert [m.span() for m in actors._CAPRUN.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_datelines_line_by_line_as_finditer():
    """Matching the dateline pattern at each line start finds what ``finditer`` finds."""
    pieces = ["YEREVAN", "Baku", "Stepanakert", ", ", " ", "\n", "\n\n", "(Reuters)", " - ", "—", ":",
              "Sept 28", "Monday", "A", "/", "x", "\t", "\r\n", "3", "Armenia", "/ARMENPRESS/"]
    for t in _texts() + _fuzz(pieces, 50000, 3):
        want = [(m.span(), m.groupdict()) for m in figures._DATELINE_RE.finditer(t)]
        got = [(m.span(), m.groupdict()) for m in figures._line_matches(figures._DATELINE_RE, t)]
        assert got == want, t


def test_possessive_tokens_as_plain_pattern():
    """The possessive token pattern splits text as the backtracking one did."""
    plain = re.compile(r"(\s*)(" + figures._TOKEN_RE.pattern + ")")
    pieces = ["a", "b", "1", " ", " ", "\n", "'", "’", ".", ",", "-", "é", "_", "\u00a0", "!"]
    for t in _texts() + _fuzz(pieces, 50000, 4, 40):
        assert figures._GAP_TOKEN_RE.findall(t) == plain.findall(t), t


def test_number_search_guard_as_plain_pattern():
    """``_NUM_SEARCH`` (a guard before ``_NUM_RE``) finds what ``_NUM_RE`` finds."""
    pieces = ["a ", "an ", "A ", "half ", "several ", "few ", "dozen", "Dozens", "of ", "thousands",
              "tens ", "Twenty", "-one", "ONE ", "5", "12,000", " ", "-", ".", "\u017f", "\u212a",
              "x", "seventy", "hundred ", "scores", "é", "\u0663"]
    for t in _texts() + _fuzz(pieces, 30000, 5, 12):
        want = [m.span() for m in numbers._NUM_RE.finditer(t)]
        assert [m.span() for m in numbers._NUM_SEARCH.finditer(t)] == want, t


def test_literal_first_patterns_as_plain_patterns():
    """Patterns rewritten so that every alternative opens with a plain character match where,
    and what, the plain ones did."""
    from data.extract import dates, quotes

    pairs = [(quotes._PRONOUN, re.compile(r"\b(?:he|she|He|She)\b"),
              ["he", "she", "He", "She", "s", "h", "e", " ", "_", "x", "é", "\u212a", "\u017fhe"]),
             (dates._YEARISH, re.compile(r"(?:1[89]|20)\d\d|['’]\d\d|year"),
              ["1", "8", "9", "2", "0", "'", "’", "y", "ear", "x", " ", "\u0663"])]
    for new, plain, pieces in pairs:
        for t in _texts() + _fuzz(pieces, 30000, 6, 12):
            assert [m.span() for m in new.finditer(t)] == [m.span() for m in plain.finditer(t)], t


def test_quote_marks_as_finditer():
    """``quotes._marks`` lists the quote marks that the character-class scan found."""
    from data.extract import quotes

    plain = re.compile(r"[“”«»\"]")
    pieces = ["“", "”", "«", "»", '"', "a", " ", "\n", "'", "é", "\U0001d538"]
    for t in _texts() + _fuzz(pieces, 30000, 7, 30):
        assert quotes._marks(t) == [(m.start(), m.group(0)) for m in plain.finditer(t)], t
