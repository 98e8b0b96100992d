"""The fast paths of actors and figures give what the plain code they replaced gave.

Each speed-up replaced a general construct (a regex alternation, a match object per token, a
regex search over a word) by a cheaper one that is equal on the inputs it sees; these tests
hold the two side by side on the project's texts and on edge cases.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from data.extract import actors, figures
from data.extract.places import match_text

ROOT = Path(__file__).resolve().parents[1]
LEADS = ROOT / "tests" / "data" / "leads.jsonl"

EDGES = [
    "Armenia's Defence Ministry said three Armenian soldiers were killed.",
    "the Azerbaijani  special forces and the Russian own troops, Georgia's Government forces",
    "ARMENIA'S DEFENCE MINISTRY; Armenian MoD, Azerbaijan\u00a0State Border Service; Iranian peace-keepers",
    "Turkish \u212aurdish and \u0130stanbul ſpecial forces; Russian prosecutor-general's office",
    "İstanbul\u2003 1,000.5 people; U.S.-led \u201cforces\u201d\ttabs\nnew lines\u2028 and 3'000 a-b _x_ 7",
    "",
    "  ",
]


def _texts() -> list[str]:
    out = list(EDGES)
    with open(LEADS, encoding="utf-8") as fh:
        out += [json.loads(line)["text"] for line in fh if line.strip()]
    return out


def _reference_tokens(text, s, e, ltext=None):
    """The tokeniser before the speed-up: one match object per token."""
    if ltext is not None:
        return [(m.start(), m.end(), m.group()) for m in figures._TOKEN_RE.finditer(ltext, s, e)]
    return [m.span() + (m.group().lower(),) for m in figures._TOKEN_RE.finditer(text, s, e)]


@pytest.mark.parametrize("text", _texts()[:40])
def test_tokens_as_finditer(text):
    low = text.lower()
    ltext = low if len(low) == len(text) else None
    n = len(text)
    for s, e in [(0, n), (min(3, n), max(0, n - 2)), (n // 2, n)]:
        assert figures._tokens(text, s, e, ltext) == _reference_tokens(text, s, e, ltext)
        assert figures._tokens(text, s, e) == _reference_tokens(text, s, e)


def test_head_patterns_by_first_word():
    """The per-first-word patterns of ``_compose`` match where, and what, the full ones do."""
    for text in _texts():
        t = match_text(text)
        for e in range(len(t)):
            nw = actors._HEAD_WORD.match(t, e)
            w = nw.group(1).lower() if nw else None
            if w not in actors._HEAD_FIRST:
                continue
            bx = actors._BODY_AFTER_BY.get(w)
            m = bx.match(t, e) if bx else None
            fx = actors._FORCE_AFTER if w in actors._FORCE_ADJ_WORDS else actors._FORCE_AFTER_BY.get(w)
            f = fx.match(t, e) if fx else None
            full_m, full_f = actors._BODY_AFTER.match(t, e), actors._FORCE_AFTER.match(t, e)
            assert (m and (m.span(), m.group(1))) == (full_m and (full_m.span(), full_m.group(1)))
            assert (f and (f.span(), f.group(1))) == (full_f and (full_f.span(), full_f.group(1)))


def test_surname_endings_as_regex():
    rx = re.compile("(?:" + "|".join(actors._SURNAME_ENDINGS) + ")$")
    words = {w for text in _texts() for w in re.findall(r"[\w'\-]+", text)}
    words |= {"Pashinyan", "Aliyev", "Oğlu", "Saakashvili", "Ov", "li", "Grigoryans", "Zadeh-"}
    for w in words:
        assert w.endswith(actors._SURNAME_ENDINGS) == bool(rx.search(w)), w


def test_trigger_scan_table():
    """A military-only casualty word carries ``<category>_mil`` in the scan table ("detained":
    ``captured_mil``, "eliminated": ``killed_mil``), others their category."""
    for k, (cat, anim) in figures._TRIGGERS.items():
        want = f"{cat}_mil" if k in figures._MILITARY_ONLY else cat
        assert figures._TRIG_SCAN[k] == (want, anim)
    assert figures._TRIG_SCAN[("detained",)][0] == "captured_mil"
    assert figures._TRIG_SCAN[("eliminated",)][0] == "killed_mil"


def _reference_last_word(t, lo, s):
    """``_last_word`` before the speed-up: a loop per character."""
    j = s
    while j > lo and t[j - 1].isspace():
        j -= 1
    if j == s:
        return None
    i = j
    while i > lo:
        c = t[i - 1]
        if c.isalnum() or c in "_'-.":
            i -= 1
        else:
            break
    return t[i:j] if i < j else None


def test_last_word_as_character_loop():
    for text in _texts() + ["a\u2003b\x1c c_d-e.f' ", "\u0663\u00b2 x", " \u00a0 "]:
        for s in range(len(text) + 1):
            for lo in {0, max(0, s - 40), max(0, s - 3)}:
                assert actors._last_word(text, lo, s) == _reference_last_word(text, lo, s), (text, lo, s)
