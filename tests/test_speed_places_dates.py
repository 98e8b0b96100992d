"""The speed-ups in sentences, numbers, dates, places and lexicon change no result.

Each fast path is checked against the plain definition it replaces, on generated text built
from the pieces that matter (abbreviations, digits with separators, cue words, capitals...).
"""
from __future__ import annotations

import re

import ahocorasick
from hypothesis import given, settings, strategies as st

from data.extract import dates, numbers, places, sentences
from data.extract.lexicon import root_padding, trie_order

FAST = settings(max_examples=300, deadline=None)


def _text(pieces, max_size=16):
    """Strings glued from ``pieces`` and separators."""
    sep = st.sampled_from(["", " ", "  ", "\n", "\n\n", ", ", ". ", "-", "\t"])
    return st.lists(st.tuples(st.sampled_from(pieces), sep), max_size=max_size).map(
        lambda parts: "".join(a + b for a, b in parts))


# --------------------------------------------------------------------------- sentences
_END_PLAIN = re.compile(r"""[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9À-ÖØ-ÞĀ-ſԱ-ՖА-Я])|\n\s*\n""")
_SENT_PIECES = ["Gen.", "U.S.", "J.", "said.", "He", "the", "...", "!", "?", "\"", "”", "’", ")",
                "Élan", "12", "Mr.", "..J.", "approx.", "É.", "Арм", "x.y", "Q"]


@FAST
@given(_text(_SENT_PIECES))
def test_sentence_end_pattern_is_the_plain_one(text):
    assert [m.span() for m in sentences._END.finditer(text)] == \
           [m.span() for m in _END_PLAIN.finditer(text)]


@FAST
@given(_text(_SENT_PIECES), st.integers(0, 25))
def test_word_before_dot_is_the_regex_one(text, back):
    for dot in [i for i, c in enumerate(text) if c == "."]:
        lo = max(0, dot - back)
        m = sentences._WORD_BEFORE.search(text, lo, dot + 1)
        assert sentences._word_before(text, lo, dot) == (m.group(1) if m else None)


# --------------------------------------------------------------------------- numbers
_NUM_PIECES = ["1", "12", "2,000", "1,5", "3.5", "10:30", "F-16", "$5", "5%", "2nd", "1 500",
               "1\u00a0500", "١٢", "million", "thousand", "5-strong", "1.500", "#3", "/7", "€9", "x"]


@FAST
@given(_text(_NUM_PIECES))
def test_digit_scan_matches_where_the_digit_pattern_does(text):
    for run in re.finditer(r"\d+", text):
        want = numbers._DIGIT_NUM_RE.match(text, run.start())
        got = numbers._DIGIT_SCAN.match(text, run.start())
        assert (got and got.span()) == (want and want.span())
    # and nowhere else: only run starts can match
    starts = {m.start() for m in re.finditer(r"\d+", text)}
    assert {m.start() for m in numbers._DIGIT_SCAN.finditer(text)} <= starts


# --------------------------------------------------------------------------- dates
_DATE_PIECES = ["in", "last", "early", "on", "13", "27-28", "of", "November", "Nov.", "May",
                "2021", "1994", "Tuesday", "yesterday", "the day before", "two weeks ago",
                "this week", "since", "12.09.2022", "2021-11-16", "x", "mid-"]
_PLAIN_BY_KIND = {
    "m": re.compile("|".join(f"(?:{p})" for p in dates._PATTERNS[1:5])),
    "w": re.compile(dates._PATTERNS[5]),
    "r": re.compile(dates._PATTERNS[6]),
    "y": re.compile("|".join(f"(?:{p})" for p in (dates._PATTERNS[0], dates._PATTERNS[7]))),
}


@FAST
@given(_text(_DATE_PIECES), st.integers(0, 40))
def test_word_start_guard_changes_no_date_match(text, lo):
    for kind, plain in _PLAIN_BY_KIND.items():
        want = plain.search(text, min(lo, len(text)))
        got = dates._RE_BY_KIND[kind].search(text, min(lo, len(text)))
        assert (got and (got.span(), got.groupdict())) == (want and (want.span(), want.groupdict()))


# --------------------------------------------------------------------------- places
_BEFORE_PLAIN = re.compile(places._BEFORE.pattern.replace(r"(?<!\w)(?=\w)", "", 1), re.I)
_MET_PIECES = ["accused", "Accused", "blamed", "to", "with", "talks", "by", "both", "handed", "back",
               "backs", "armz", "ally", "(accused", "on", "called", "ſupport", "wıth", "aided", "x",
               " " * 45]


def _before_plain(t, s):
    win = t[max(0, s - 90):s]
    last = win.rstrip().rsplit(" ", 1)[-1]
    if not places._BEFORE_LAST.match(last):
        return False
    lo = max(0, s - (90 if last.lower() == "to" else 40))
    return bool(_BEFORE_PLAIN.search(t, lo, s))


@FAST
@given(_text(_MET_PIECES))
def test_metonym_cue_before_is_the_plain_search(prefix):
    t = prefix + "Baku"
    s = len(prefix)
    after_says_nothing = not (places._verb_after(t[s + 4:s + 64]) or places._AFTER_CLAUSE.match(t[s + 4:]))
    if after_says_nothing:
        assert places._is_metonym(t, s, s + 4) == _before_plain(t, s)


_AC_WORDS = ["Goris", "Gori", "Kara", "Karabakh", "Nagorno-Karabakh", "near ", " town", "of the ",
             "Lake Sevan", "Sev", "YEREVAN", "Yerevan"]


def _automaton(words, order=None, pad=False):
    a = ahocorasick.Automaton()
    entries = {w: (len(w), w) for w in words}
    if pad:
        entries.update((w, (len(w), None)) for w in root_padding(words))
    for w in (sorted(entries, key=order) if order else entries):
        a.add_word(w, entries[w])
    a.make_automaton()
    return a


@FAST
@given(_text(_AC_WORDS + ["e", "l", "x", "\x00", ",", "the", "Kar"], max_size=12))
def test_trie_order_and_padding_change_no_match(text):
    plain = list(_automaton(_AC_WORDS).iter(text))
    fast = [hit for hit in _automaton(_AC_WORDS, trie_order, pad=True).iter(text) if hit[1][1] is not None]
    assert fast == plain
    assert list(_automaton(_AC_WORDS, trie_order).iter_long(text)) == list(_automaton(_AC_WORDS).iter_long(text))


def test_padding_words_never_start_a_real_word():
    pads = root_padding(["Goris", "near "])
    assert pads and all(p.endswith("\x00") and len(p) == 2 for p in pads)
    assert not {p[0] for p in pads} & {"G", "n"}
    assert root_padding(["a\x00b"]) == []


class _Everything:
    """A set that holds every word (the month/weekday anchor filter switched off)."""

    def __contains__(self, word):
        return True


_CASE_PIECES = ["may", "May", "MAY", "march", "March", "MAR", "jan", "JAN", "monday", "Monday",
                "13", "2021", "in", "last", "on", "of", "the end of", "mid-", "13th", "may be", "x"]


@FAST
@given(_text(_CASE_PIECES), st.sampled_from(["2022-09-14", "2021-03-01", None]))
def test_odd_case_month_anchors_can_be_skipped(text, published):
    fast = dates.find_dates(text, None, published)
    saved = dates._CALENDAR_WORDS
    dates._CALENDAR_WORDS = _Everything()
    try:
        assert dates.find_dates(text, None, published) == fast
    finally:
        dates._CALENDAR_WORDS = saved


_FUTURE_PIECES = ["will", "WILL", "ſhall", "they'll", "scheduled", "set to", "going to", "next", "wıll",
                  "due", "Plans", "sEt  to", "x", ".", ",", "meet", "on", "Friday", "İ", "upcoming"]


@FAST
@given(_text(_FUTURE_PIECES), st.integers(0, 200))
def test_future_cue_prefilter_is_the_regex(text, pos):
    pos = min(pos, len(text))
    want = dates._FUTURE.search(text, max(0, pos - 45), pos) is not None
    assert dates._future(text, pos) == want


def test_extract_many_is_extract_per_item():
    import json
    from pathlib import Path

    from data.extract import extract, extract_many

    leads = Path(__file__).parent / "data" / "leads.jsonl"
    items = [(d["text"], d.get("published")) for d in map(json.loads, leads.read_text().splitlines()) if d]
    assert len(items) > 5
    items += [("Baku accused Yerevan of shelling Goris on Tuesday; 3 soldiers were killed.", "2022-09-14"),
              (None, "2022-09-14"), ("Armenia said 3 died.", "not-a-date"), ("", None),
              ("Nearly 40 people fled the village of Tegh last November.", "2021-11-16")]

    def one(text, published):
        try:
            return extract(text, published)
        except Exception as exc:  # noqa: BLE001
            return exc

    want = [one(t, p) for t, p in items]
    for batch in (1, 3, 32):
        got = extract_many(items, batch=batch)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            if isinstance(w, Exception):
                assert type(g) is type(w) and str(g) == str(w)
            else:
                assert g == w
