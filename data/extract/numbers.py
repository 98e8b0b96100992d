"""Numbers in news prose: digits, number words, vague amounts, qualifiers and ranges.

``find_quantities(text)`` returns every cardinal amount with the words that bound it:
"more than 6,500" -> value 6500, low 6500, high None, qualifier ``more_than``; "between 30 and
40" -> a range; "dozens" -> a range 24..99 (see ``lexicons/vague_numbers.csv``). What the number
counts is decided by :mod:`data.extract.figures`.

Everything is compiled regular expressions over the text, so the cost is one scan; no
third-party number parser is used because those drop qualifiers and read numbers out of URLs.
"""
from __future__ import annotations

import re
from heapq import merge
from typing import NamedTuple

import ahocorasick

__all__ = ["Anchors", "Quantity", "find_quantities", "parse_number", "read_lexicon"]

from data.extract.lexicon import LEXICONS, read_rows as read_lexicon, trie_order  # noqa: F401  (re-exported)


_WORDS = {w: int(v) for w, v in read_lexicon("number_words.csv")}
_SCALES = {w: int(v) for w, v in read_lexicon("scales.csv")}
_VAGUE = {p: (int(v), int(lo), int(hi), q) for p, v, lo, hi, q in read_lexicon("vague_numbers.csv")}
_QUALS = {p: q for p, q in read_lexicon("qualifiers.csv")}


class Anchors:
    """Whole-word occurrences of a word list, found with Aho-Corasick.

    A big regex alternation costs ~0.1-0.7 MB/s in Python's ``re``; the automaton finds the
    few places worth a detailed regex at ~50 MB/s, so the detailed patterns only run in small
    windows around them. Each word is added as written, lower-cased, capitalised and upper-cased
    (lower-casing the text instead could change its length and break offsets).
    """

    def __init__(self, words):
        self._a = ahocorasick.Automaton()
        tags = words if isinstance(words, dict) else dict.fromkeys(words)
        entries = {}  # a form shared by two words keeps the later word's tag
        for w, tag in tags.items():
            for v in {w, w.lower(), w[:1].upper() + w[1:].lower(), w.upper()}:
                entries[v] = (len(v), tag)
        for v in sorted(entries, key=trie_order):  # the order makes the scan faster, nothing else
            self._a.add_word(v, entries[v])
        self._a.make_automaton()

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """``(start, end)`` of every whole-word occurrence in ``text[start:end]``."""
        return [(s, e) for s, e, _tag in self.find_tagged(text, start, end)]

    def find_tagged(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, object]]:
        """Like :meth:`find`, with the tag each word was added with."""
        n = len(text)
        end = n if end is None else end
        out = []
        if end <= start:
            return out
        for last, (k, tag) in self._a.iter_long(text, start, end):
            s, e = last - k + 1, last + 1
            if (s > 0 and text[s - 1].isalnum()) or (e < n and text[e].isalnum()):
                continue
            out.append((s, e, tag))
        return out


def windowed(pattern: re.Pattern, text: str, anchors, before: int, after: int, end: int | None = None):
    """Matches of ``pattern`` that contain an anchor, searched only in a window around it.

    ``anchors`` are sorted ``(start, end)`` spans; a match must start at most ``before``
    characters before its anchor and may end up to ``after`` characters after it. Matches do
    not overlap and come in text order.
    """
    end = len(text) if end is None else end
    pos = 0
    for a, b in anchors:
        if a < pos:
            continue
        lo, hi = max(pos, a - before), min(end, b + after)
        m = pattern.search(text, lo, hi)
        while m is not None and m.end() <= a and m.end() < hi:
            m = pattern.search(text, max(m.end(), m.start() + 1), hi)
        if m is None or m.start() > a or m.end() <= a:
            continue
        pos = m.end()
        yield m


class Quantity(NamedTuple):
    """One amount found in text.

    ``start``/``end`` cover the qualifier and the number(s) ("more than 6,500");
    ``num_start``/``num_end`` the number alone (for a range, the last number's end).
    """

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    low: float | None
    high: float | None
    qualifier: str
    approx_word: bool  # a vague amount ("dozens") or an article-led one ("a dozen")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_W = _alt(_WORDS)
_SC = _alt(_SCALES)
# Digits: not glued to letters (F-16, T-72, 2nd), money signs, URLs/paths or times (10:30).
_DIGITS = (r"(?<![\w.,$€£#/:@+])(?<![A-Za-z]-)"
           r"(?:\d{1,3}(?:,\d{3})+(?!,?\d)|\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d,.:/])|\d+)(?:\.\d+)?"
           r"(?![\w%$€£]|[.,:/]\d|-(?!strong\b)[^\W\d_])")
_NUMBER_WORD = (rf"(?<![\w-])(?:{_W})(?:-(?:{_W}))?(?:\s+(?:{_SC})(?:\s+(?:and\s+)?(?:{_W})(?:-(?:{_W}))?)?)*"
                r"(?![\w-])")
_VAGUE_RE = rf"(?<![\w-])(?:{_alt(_VAGUE)})(?![\w-])"
_ONE_NUM = rf"(?:{_VAGUE_RE}|{_DIGITS}(?:\s+(?:{_SC})(?![\w-]))?|{_NUMBER_WORD})"
_NUM_RE = re.compile(rf"(?P<n>{_ONE_NUM})", re.IGNORECASE)
# _NUM_RE for a search: every alternative starts a word (its look-behind refuses a word
# character before it) with a digit or the first letter of a number word or vague amount, so
# this guard changes no match; it rejects the other positions of the window in one step
# instead of trying every alternative, case-insensitively, there (~half the CPU per search)
_NUM_FIRST = "".join(sorted({re.escape(w[0].lower()) for w in (*_VAGUE, *_WORDS)}))
_NUM_SEARCH = re.compile(rf"(?<!\w)(?=[\d{_NUM_FIRST}]){_NUM_RE.pattern}", re.IGNORECASE)
_DIGIT_NUM_RE = re.compile(rf"{_DIGITS}(?:\s+(?:{_SC})(?![\w-]))?", re.IGNORECASE)
# The same pattern with its first digit written first and the look-behinds moved after it:
# a pattern that opens with a character class lets ``search`` skip to the next digit in C,
# so one search per number replaces a scan for digit runs plus a match at each of them.
_DIGIT_SCAN = re.compile(
    r"\d(?<![\w.,$€£#/:@+]\d)(?<![A-Za-z]-\d)"
    r"(?:\d{0,2}(?:,\d{3})+(?!,?\d)|\d{0,2}(?:[\u00a0\u202f ]\d{3})+(?![\d,.:/])|\d*)(?:\.\d+)?"
    r"(?![\w%$€£]|[.,:/]\d|-(?!strong\b)[^\W\d_])"
    rf"(?:\s+(?:{_SC})(?![\w-]))?", re.IGNORECASE)
_RANGE_RE = re.compile(rf"\s*(?P<sep>-|–|—|\bto\b|\bor\b|\band\b)\s*(?P<n>{_ONE_NUM})", re.IGNORECASE)
_PARTICLES = frozenset({"over", "under", "about", "around", "above", "below"})
# verbs whose particle is "over"... ("handed over", "took over") or "about"... ("brought about",
# "talked about"): the word after them is no bound. Each particle has its own verbs: "took about
# 240 hostages" is a bound ("about" is no particle of "take")
_VERB_OVER = re.compile(r"\b(?:hand|hands|handed|handing|took|take|takes|taken|taking|turn|turns|"
                        r"turned|turning|pass|passed|passing|came|come|went|go|fought|over|moved|"
                        r"shifted|argued|worried|concerned)\s+$", re.IGNORECASE)
_VERB_ABOUT = re.compile(r"\b(?:brought|bring|brings|came|come|comes|argued|talked|spoke|worried|concerned|"
                         r"turned|turn|turning|went|go|going)\s+$", re.IGNORECASE)
_VERB_BEFORE = {"over": _VERB_OVER, "under": _VERB_OVER, "above": _VERB_OVER, "below": _VERB_OVER,
                "about": _VERB_ABOUT, "around": _VERB_ABOUT}
# a change before its new total: "the toll rose by 16 to 532" -- the 16 is how much it grew, the
# 532 what it counts now, so "16 to 532" is no range
_CHANGE_VERBS = (r"\b(?:rose|risen|rises|rising|increased|increases|increasing|climbed|climbs|"
                 r"jumped|jumps|grew|grown|went\s+up|gone\s+up|fell|fallen|dropped|decreased|"
                 r"declined|soared|surged)")
_CHANGE_BY = re.compile(_CHANGE_VERBS + r"\s+by\s+$", re.IGNORECASE)
# "the toll rose from 49 to 105": the old total, then the new one; no range either
_CHANGE_FROM = re.compile(_CHANGE_VERBS + r"\s+(?:\w+ly\s+)?from\s+$", re.IGNORECASE)
_WORD_ANCHORS = Anchors(list(_WORDS) + list(_SCALES) + ["hundred", "dozen", "dozens", "hundreds",
                                                       "thousands", "couple", "tens", "scores"])


def _qual_res() -> dict[str, re.Pattern]:
    """Last word of a qualifier -> the qualifier pattern with only the phrases ending in it.

    A qualifier ends right before the number, so its last word is the word before the number:
    the alternation of the phrases ending in that word finds what the full one does, without
    trying the other phrases at each position of the window."""
    phrases = sorted(_QUALS, key=len, reverse=True) + ["between", "from"]
    by_last: dict[str, list[str]] = {}
    for p in phrases:  # in the order of the one pattern they replace
        by_last.setdefault(p.split()[-1], []).append(re.escape(p))
    return {w: re.compile(rf"(?<![\w-])(?P<q>{'|'.join(alts)})\s+$", re.IGNORECASE)
            for w, alts in by_last.items()}


# "more than 6,500": the qualifier before a number
_QUAL_RES = _qual_res()
_DOT_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
# "1 500" / "1\u00a0500" in translated copy: a space groups thousands
_SPACE_THOUSANDS = re.compile(r"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+$")
_SPLIT = re.compile(r"[\s-]+")


def parse_number(s: str) -> float | None:
    """Value of one number phrase: '2,000', '1.5 million', 'twenty-four', 'a dozen', 'dozens'.

    Returns None when ``s`` is not a number phrase.
    """
    if not isinstance(s, str):
        raise TypeError(f"s must be str, got {type(s).__name__}")
    if s.isdigit() and s.isascii():
        return int(s)  # the common case: "12"
    # (each pattern needs its separator: the cheap membership test spares most calls)
    if "." in s and _DOT_THOUSANDS.match(s):
        return int(s.replace(".", ""))  # "1.500 people" in translated copy: thousands, not 1.5
    if (" " in s or "\u00a0" in s or "\u202f" in s) and _SPACE_THOUSANDS.match(s):
        return int("".join(ch for ch in s if ch.isdigit()))
    if s[:1].isdigit() and " " not in s:
        try:  # the common case: "2,000", "3.5"
            v = float(s.replace(",", ""))
            return int(v) if v == int(v) else v
        except ValueError:
            return None
    low = " ".join(s.lower().split())
    if low in _VAGUE:
        return _VAGUE[low][0]
    if not low:
        return None
    if low[0].isdigit():
        parts = low.split(" ")
        try:
            v = float(parts[0].replace(",", ""))
        except ValueError:
            return None
        for p in parts[1:]:
            if p not in _SCALES:
                return None
            v *= _SCALES[p]
        return int(v) if v == int(v) else v
    total = current = 0
    seen = False
    for tok in _SPLIT.split(low):
        if tok == "and" or not tok:
            continue
        if tok in _WORDS:
            current += _WORDS[tok]
            seen = True
        elif tok == "hundred":
            current = (current or 1) * 100
        elif tok in _SCALES:
            total += (current or 1) * _SCALES[tok]
            current = 0
        else:
            return None
    return total + current if seen else None


def _number_matches(text, start, end, skip=()):
    """Number phrases in text order: digits are matched in place, number words in a small
    window (a vague amount may start before its anchor: "a dozen", "tens of thousands").
    Digits inside a ``skip`` span (sorted ``(start, end)``: dates) are passed over."""
    words = _WORD_ANCHORS.find(text, start, end)
    wi = 0
    pos = start
    si, ns = 0, len(skip)
    # A digit number starts a digit run (its look-behind refuses a digit before it), so the
    # search finds exactly the runs where _DIGIT_NUM_RE.match would succeed, in order.
    p = start
    while True:
        m = _DIGIT_SCAN.search(text, p, end)
        if m is None:
            break
        a = m.start()
        p = a + 1
        while si < ns and skip[si][1] <= a:
            si += 1
        if si < ns and skip[si][0] <= a:
            continue
        while wi < len(words) and words[wi][0] < a:
            w = _word_match(text, words[wi], pos, end)
            wi += 1
            if w is not None:
                pos = w.end()
                yield w
        if a < pos:
            p = pos  # inside a number-word phrase that reached past it, as every digit up to pos
            continue
        pos = p = m.end()
        yield m
    while wi < len(words):
        m = _word_match(text, words[wi], pos, end)
        wi += 1
        if m is not None:
            pos = m.end()
            yield m


# a number phrase can start before its anchor word only after one of these ("a dozen", "half a
# dozen", "several hundred", "a few thousand"); elsewhere it starts at the anchor
_LEAD_WORDS = frozenset({"a", "an", "half", "several", "few"})


def _word_match(text, anchor, pos, end):
    a, b = anchor
    if a < pos:
        return None
    lo, hi = max(pos, a - 20), min(end, b + 40)
    before = text[max(lo, a - 9):a].rsplit(None, 1)
    if not before or before[-1].lower() not in _LEAD_WORDS or not text[a - 1:a].isspace():
        m = _NUM_RE.match(text, a, hi)
        return m if m is not None and m.end() > a else None
    m = _NUM_SEARCH.search(text, lo, hi)
    while m is not None and m.end() <= a and m.end() < hi:
        m = _NUM_SEARCH.search(text, max(m.end(), m.start() + 1), hi)
    if m is None or m.start() > a or m.end() <= a:
        return None
    return m


def _bounds(value, qualifier):
    if qualifier == "exact":
        return value, value
    if qualifier in ("more_than", "over", "at_least"):
        return value, None
    if qualifier in ("nearly", "up_to", "less_than"):
        return None, value
    return None, None  # around


# "two dead and scores wounded", "scores were killed": casualty words that make "scores" a count
_SCORES_COUNTED = re.compile(r"\s+(?:(?:were|more|others|other people)\s+)?(?:wounded|injured|killed|dead|hurt|missing)\b")


def find_quantities(text: str, start: int = 0, end: int | None = None, skip=()) -> list[Quantity]:
    """Every amount in ``text[start:end]`` with its qualifier and bounds.

    Parameters
    ----------
    text : str
        The article text; offsets refer to it.
    start, end : int
        The region to scan (a sentence); ``end`` None means to the end of the text.
    skip : sequence of (int, int)
        Sorted spans whose digits are not amounts (dates already found).

    Returns
    -------
    list of Quantity
        In text order, not overlapping; a range ("10 to 15", "two or three") is one quantity.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    end = len(text) if end is None else end
    out: list[Quantity] = []
    skip_to = start
    for m in _number_matches(text, start, end, skip):
        ns, ne = m.span()
        if ns < skip_to or ns < start:
            continue
        surf = m.group(0)
        val = parse_number(surf)
        if val is None:
            continue
        if surf[0].isdigit():
            key, vague = "", None
        else:
            key = " ".join(surf.lower().split())
            vague = _VAGUE.get(key)
            if key == "scores" and not text.startswith(" of ", ne) and not _SCORES_COUNTED.match(text, ne):
                continue  # "scores" counts in "scores of" and "scores (were) wounded", not as a verb
        qualifier, low, high = "exact", val, val
        if vague:
            _, low, high, qualifier = vague
        qs = ns
        qm = None
        if ns > start and text[ns - 1].isspace():
            prev_word = text[max(start, ns - 16):ns].rsplit(None, 1)[-1:] or [""]
            # ('"Nearly 200 people were killed," he said': a quotation opens at the qualifier)
            qre = _QUAL_RES.get(prev_word[0].lower().lstrip("\"“‘'([«—–-"))
            if qre is not None:
                qm = qre.search(text, max(start, ns - 25), ns)
        qword = qm.group("q").lower() if qm else None
        if qm and qword in _PARTICLES and _VERB_BEFORE[qword].search(text, max(start, qm.start() - 12), qm.start()):
            qm = qword = None  # "handed over 15 prisoners": a verb particle, not a bound
        # a range: "10-15", "10 to 15", "two or three", "between 30 and 40", "from 5 to 7"
        nxt = text[ne:ne + 4].lstrip()[:2].lower()
        rm = _RANGE_RE.match(text, ne, end) if nxt[:1] in ("-", "–", "—") or nxt in ("to", "or", "an") else None
        if rm and not vague and rm.group("sep").lower() == "to" and text[ns - 3:ns].lower() == "by " \
                and _CHANGE_BY.search(text, max(start, ns - 24), ns):
            continue  # the growth of a total named right after it
        if rm and not vague and qword == "from" and rm.group("sep").lower() == "to" \
                and _CHANGE_FROM.search(text, max(start, ns - 30), ns):
            continue  # the old total before the new one
        if rm and not vague:
            sep = rm.group("sep").lower()
            v2 = parse_number(rm.group("n"))
            ok = v2 is not None and v2 > val and (
                (sep == "and" and qword == "between")
                or (sep in ("to", "-", "–", "—") and (qword in (None, "from", "between") or qword in _QUALS))
                or (sep == "or" and qword in (None,)))
            # "1,5-2" style digit ranges must not swallow "24-hour" (the lookahead already does)
            if ok and sep in ("-", "–", "—") and (rm.group("n")[:1].isalpha() != surf[:1].isalpha()):
                ok = False
            if ok:
                if qm and qword in ("between", "from"):
                    qs = qm.start("q")
                elif qm and qword in _QUALS:
                    qs = qm.start("q")
                out.append(Quantity(qs, rm.end(), ns, rm.end(), val, val, v2, "range", False))
                skip_to = rm.end()
                continue
        if qm and qword in _QUALS:
            q = _QUALS[qword]
            qs = qm.start("q")
            if vague and qualifier == "range":
                # "at least dozens": keep the vague range's bounds, qualifier says what was written
                qualifier = q if q != "exact" else qualifier
            else:
                qualifier = q
                low, high = _bounds(val, q)
        out.append(Quantity(qs, ne, ns, ne, val, low, high, qualifier,
                            bool(vague) or key.startswith(("a ", "an "))))
    return out
