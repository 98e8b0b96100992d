"""Dates in news prose, resolved against the publication date.

Own rules, compiled regexes and ``datetime.date`` arithmetic rather than ``dateparser``: the
library is slow on the hot path, gets relative forms wrong ("last November" is November of the
previous year, "Tuesday" on a Tuesday is that day) and yields false dates from "and we",
"five-year" or "a 1997". Everything here is one regex scan of the text.

Decisions (see the tests):

* weekdays ("Tuesday", "earlier Tuesday", "on Sunday", "Tuesday's") -> the most recent such day
  not after publication; "last Sunday" -> strictly before; "next Monday" -> strictly after.
* "yesterday", "today", "tonight", "this morning", "last night" and "overnight" -> the day they
  name. "overnight" in a news lead means the night that ended on publication day, so it is the
  publication date (the dev gold is not consistent on it; this reading matches a lead's).
* month without year: "last November" -> the most recent November strictly before the
  publication month; "next May" -> the next one; "in November", "early November", "since May"
  -> the most recent not after publication. Month and day without year ("on November 13",
  "12 December") -> the most recent such date not after publication.
* years need a temporal preposition ("in 1991", "since 1994"); attributive years naming a
  document or an era ("the 1997 treaty", "the 2020 war", "last year's war") are not dates of
  events and are not emitted; :func:`period_hints` gives them to figures as a period.
* "last year" / "this year" -> YYYY; "last month" / "this month" / "earlier this month" -> YYYY-MM.
* vague spans that have no YYYY[-MM[-DD]] form ("last week", "in recent days", "two weeks ago")
  are emitted with ``date`` None and ISO ``from``/``to`` bounds; so are weekends ("over the
  weekend", "at the weekend", "last weekend": the latest Saturday and Sunday up to publication;
  "this weekend" written on a weekday: the one ahead).
* day offsets ("a day earlier", "two days later", "the next day", "the day before") count from
  the last full date named before them in the text; without one they are left out.
* a dateline's day ("YEREVAN, May 13 (Reuters) -") within a month of the publication date is
  the day relative dates count from: a feed or an archive may date the copy later than filed.
  A dateline's day without a year up to two days after the publication date is that coming day
  (the reporter's clock runs ahead of the feed's), not the same day a year before.
* a month named by a fixed calendar's present tense ("Ramadan, which begins in early April")
  is the coming one, like a month after "will".
* ``kind``: ``publication`` for a full date equal to the publication date on a short line of
  its own (a dateline), ``event`` otherwise.
* AP abbreviations with a full stop ("Sept. 27", "since Dec. 12", "Jan. 1, 2024") keep their
  day; after a word that takes a bare month ("in Sept. 27 trucks", "last Sept. 5,226") the full
  stop ends the sentence and the month stands alone. A day and month without a year after
  "by"/"until"/"till"/"before" that falls within 92 days after publication is that upcoming day
  ("withdraw by Nov. 20" published Nov. 10).
* two days sharing a month ("19 and 20 September", "Sept. 27-28", "Nov. 9 and 10, 2020") are two
  event records, each over its own text: the day next to the month (and year) takes them in its
  surface ("Sept. 27" + "28"; "19" + "20 September"), so offsets stay exact and spans never
  overlap. Both take the first day's year. "and"/"to" followed by a word that a count would take
  ("September 19 and 20 soldiers") is one day and a number.
* two-digit years after an apostrophe ("Sept. 27, '20", "since '94"; "the '94 ceasefire" as a
  period hint) take the latest century not after publication; without a publication date they
  are not read.
* Capitalised "May" and "March" are months only with a day or year or after in/last/next/since/
  early/mid/late/this/until/by/from/during/of; lower-case month words never are. Dates inside URLs
  are skipped.
"""
from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right

from data.extract.numbers import Anchors, read_lexicon

__all__ = ["find_dates", "period_hints", "parse_published"]

_MONTHS: dict[str, int] = {}
_WEEKDAYS: dict[str, int] = {}
for _w, _t, _n in read_lexicon("calendar.csv"):
    (_MONTHS if _t == "month" else _WEEKDAYS)[_w] = int(_n)
# wire datelines write months in capitals ("YEREVAN, SEPTEMBER 14, ARMENPRESS"): full names only
# (capitalised abbreviations such as "DEC" or "MAR" are more often acronyms)
_MONTHS.update({w.upper(): n for w, n in list(_MONTHS.items()) if len(w) >= 5 or w == "May"})
_YEAR_NOUNS = frozenset(w[0].lower() for w in read_lexicon("year_nouns.csv"))
# documents ("the 1995 treaty"): their year names no period a figure belongs to
_DOCUMENT_NOUNS = frozenset(w[0].lower() for w in read_lexicon("year_nouns.csv") if len(w) > 1 and w[1] == "no")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MON = rf"(?P<{{g}}>{_alt(_MONTHS)})(?:(?<=\b[A-Z][a-z]{{{{2}}}})(?<!May)\.|(?<=Sept)\.)?"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
# the second day of two sharing a month: "September 19-20", "19 and 20 September", "9th to 10th"
_DAY2 = r"(?:\s*[-–]\s*|\s+(?:and|to|&)\s+)(?P<{g}b>[0-3]?\d)(?:st|nd|rd|th)?"
# (which of the two joined them: "and"/"to" may also join a day and a count)
_DAY_SEP_WORD = re.compile(r"(?:st|nd|rd|th)?\s+(?:and|to|&)\s")
# a year, or an apostrophe and two digits ("Sept. 27, '20"), after month and day
_YEAR_OR_SHORT = r"(?P<{g}>(?:1[89]|20)\d\d|['’]\d\d(?![\w'’]))"
_YEAR = r"(?P<{g}>(?:1[89]|20)\d\d)"
_MOD = r"(?i:(?P<mod>last|next|this|early|mid-|mid|late|in|since|until|till|by|from|during|of|end of|the end of|start of|beginning of))"
_PATTERNS = [
    # 2021-11-16 and 16.11.2021 (day first, as Armenian and Azerbaijani outlets write it)
    rf"(?<![\w/.-]){_YEAR.format(g='iy')}-(?P<im>[01]\d)-(?P<id>[0-3]\d)(?![\w/-])"
    rf"|(?<![\w/.,-])(?P<ed>[0-3]?\d)(?P<esep>[./-])(?P<em>[01]?\d)(?P=esep){_YEAR.format(g='ey')}(?![\w/-]|\.\d)",
    # November 13, 2021 / Nov. 13 / November 13-14
    rf"(?<![\w-]){_MON.format(g='m1')}\s+{_DAY.format(g='d1')}(?:{_DAY2.format(g='d1')})?(?![\w:]|,\d)(?:,?\s+{_YEAR_OR_SHORT.format(g='y1')}(?!\d))?",
    # 13 November 2021 / 13th of November / 27-28 September
    rf"(?<![\w.,-]){_DAY.format(g='d2')}(?:{_DAY2.format(g='d2')})?\s+(?:of\s+)?{_MON.format(g='m2')}(?![\w-])(?:,?\s+{_YEAR.format(g='y2')}(?!\d))?",
    # (in) April 2016
    rf"(?:\b{_MOD}\s+)?(?<![\w-]){_MON.format(g='m3')},?\s+{_YEAR.format(g='y3')}(?![\d-])",
    # last November / in May / November
    # (not before a day: "November 13" and "since Nov. 13" are pattern 1; "mid-Sept. 27" has no
    # day form, so the month alone)
    rf"(?:\b{_MOD.replace('mod', 'mod4')}(?:\s+|(?<=-)))?(?<![\w]){_MON.format(g='m4')}(?![\w-])"
    r"(?!\s+[0-3]?\d(?:st|nd|rd|th)?(?![\w:]))"
    # (the full stop of an abbreviation only: "last September. 5,226 refugees" is a month)
    r"(?!(?:(?<=(?<!-)\b[A-Z][a-z]{2})(?<!May)|(?<=(?<!-)Sept))\.\s+[0-3]?\d(?:st|nd|rd|th)?(?![\w:]|,\d))",
    # weekdays
    rf"(?:\b(?i:(?P<wmod>last|next|this|earlier|early|late|on))\s+)?\b(?P<wd>{_alt(_WEEKDAYS)})(?![\w-])",
    # relative words
    r"\b(?i:(?P<rel>(?:the\s+)?day\s+before\s+yesterday|yesterday|today|tonight|overnight|this\s+morning|"
    r"this\s+afternoon|this\s+evening|last\s+night|earlier\s+today|"
    r"(?:earlier|later)\s+this\s+(?:week|month|year)|this\s+(?:week|month|year)|"
    r"last\s+(?:week|month|year)|next\s+(?:week|month|year)|past\s+week|"
    r"(?:last|this|next|past)\s+(?:spring|summer|autumn|fall|winter)|"
    r"(?:over|at|during)\s+the\s+weekend|(?:last|this|past)\s+weekend|"
    r"in\s+recent\s+(?:days|weeks|months)|(?:the\s+)?(?:past|last)\s+(?:few\s+)?(?:days|weeks)|"
    r"(?:the\s+)?past\s+day|(?:the\s+)?(?:past|last)\s+24\s+hours|"
    r"(?P<agon>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)\s+"
    r"(?P<agou>days?|weeks?|months?|years?)\s+ago)"
    r")(?P<poss>'s|’s)?(?![\w-])",
    # years with a temporal preposition: in 1991, since 1994, between 1988 and 1994
    rf"\b(?i:(?P<ymod>in|since|until|till|by|from|during|after|before|between|and|to|through|of|"
    rf"in\s+early|in\s+late|in\s+mid-?|early|late|mid-|the\s+end\s+of|end\s+of|spring|summer|"
    rf"autumn|fall|winter))(?:\s+|(?<=-))(?<![\w])(?P<y5>(?:1[89]|20)\d\d|['’]\d\d)(?P<yposs>'s|’s)?(?![\w'’-]|,\d)",
]
# Every pattern above starts at the first character of a word (a letter or digit after a
# non-word character), so this guard changes no match; it only lets the search reject the
# other positions of its window in one step instead of trying every alternative there.
_WORD_START = r"(?<!\w)(?=\w)"
# one smaller pattern per kind of anchor: a month name, a weekday, a relative word, a year
_RE_BY_KIND = {
    "m": re.compile(_WORD_START + "(?:" + "|".join(f"(?:{p})" for p in _PATTERNS[1:5]) + ")"),
    "w": re.compile(_WORD_START + f"(?:{_PATTERNS[5]})"),
    "r": re.compile(_WORD_START + f"(?:{_PATTERNS[6]})"),
    "y": re.compile(_WORD_START + "(?:" + "|".join(f"(?:{p})" for p in (_PATTERNS[0], _PATTERNS[7])) + ")"),
}
# "in Sept. 27 trucks": after a word that takes a bare month ("in", "early"...), an abbreviated
# month with a full stop ends its sentence, so the number after it is not its day. AP copy never
# abbreviates a month without a day, but other outlets do, and "in Sept. 27" is not how a day
# is written. This reads such a month alone (pattern 4 without its no-day-follows guard).
_MONTH_ONLY_BEFORE = re.compile(r"\b(?i:in|during|early|late|mid-|mid|last|next|this)\s*$")
# a day and month without a year after one of these words, falling a few weeks after
# publication, is an upcoming deadline ("by Dec. 1", "until March 15")
_DEADLINE_WORDS = frozenset({"by", "until", "till", "before"})
_DEADLINE_AHEAD_DAYS = 92
#: a day and month this many days after publication is this year's, not a year ago's
_SOON_DAYS = 7
_FILED_AHEAD_DAYS = 2  # a dateline may run this far ahead of the feed's date (time zones, overnight)

# a month named by what the calendar holds for it: "Ramadan, which begins in early April", "the
# mandate expires in December" (the present tense of a fixed date is its future)
_CALENDAR_PRESENT = re.compile(r"\b(?:begins|starts|ends|expires|falls|runs\s+out|opens|closes)"
                               r"(?:\s+(?:in|on|at))?\s+(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?$",
                               re.IGNORECASE)
_RE_MONTH_ALONE = re.compile(_PATTERNS[4].replace(
    r"(?!(?:(?<=(?<!-)\b[A-Z][a-z]{2})(?<!May)|(?<=(?<!-)Sept))\.\s+[0-3]?\d(?:st|nd|rd|th)?(?![\w:]|,\d))", ""))
# "raising the number of troops killed since the incursion began on Oct. 1 to 11": the "to"
# gives the toll its number, it does not end a range of days
_TOLL_RAISED = re.compile(r"\b(?:rais|bring|push|tak|driv|lift)\w*\s+(?:the\s+|its\s+|their\s+)?"
                          r"(?:overall\s+|official\s+|total\s+)?(?:death\s+)?(?:toll|number|total|tally|count)\b[^.;]*$",
                          re.IGNORECASE)
# after the second of two days joined by "and"/"to": a number that counts something ("September
# 19 and 20 soldiers", "Sept. 27 and 28 Armenian soldiers"); punctuation, the end, a function
# word or a past-tense verb ("September 19 and 20 killed 12") are fine
_SECOND_DAY_END = re.compile(r"\s*(?:$|[^\w\s%$€£-]|(?:the|a|an|in|at|on|near|when|as|and|or|but|after|"
                             r"before|with|by|to|from|of|for|amid|while|during|despite|respectively|"
                             r"that|which|[a-z]+ed)\b)")
# Only the places where a date word or a year occurs are searched with the full pattern.
_ANCHORS = Anchors({**dict.fromkeys(_MONTHS, "m"), **dict.fromkeys(_WEEKDAYS, "w"), **dict.fromkeys(
    ["yesterday", "today", "tonight", "overnight", "morning", "afternoon", "evening", "night",
     "week", "weeks", "weekend", "month", "months", "year", "days", "day", "ago", "hours",
     "spring", "summer", "autumn", "fall", "winter"], "r"),
    # years are anchors too: found in the same automaton pass instead of a regex scan
    **{str(y): "y" for y in range(1800, 2100)},
    # and two-digit years after an apostrophe ("since '94"), read only after a temporal word
    **{f"{q}{y:02d}": "y" for q in "'’" for y in range(100)}})
_URL_RE = re.compile(r"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)\S+")
# attributive year: "the 1997 treaty", "a 1997 Russian-Armenian mutual defense treaty",
# "the 2020 war", "last year's war"
_ATTR_YEAR_RE = re.compile(
    r"\b(?P<det>(?i:the|a|an|its|their|his|her|this|that))\s+(?P<y>(?:1[89]|20)\d\d|['’]\d\d)(?:'s|’s)?\s+"
    r"(?P<after>(?:[\w-]+\s+){0,3}?)(?P<noun>[a-z][\w-]*)\b"
    r"|\b(?P<ly>last|this|next)\s+year(?:'s|’s)\s+(?P<noun2>[a-z][\w-]*)\b"
    r"|\b(?P<y3>(?:1[89]|20)\d\d)(?:'s|’s)\s+(?P<noun3>[a-z][\w-]*)\b")
# every alternative opens with a plain character, so that the search skips in C to the next
# 1, 2, quote mark or y (a third of the CPU of "(?:1[89]|20)\d\d|['’]\d\d|year"; same matches)
_YEARISH = re.compile(r"1[89]\d\d|20\d\d|'\d\d|’\d\d|year")
_WORDNUM = {"a": 1, "an": 1, "eleven": 11, "twelve": 12, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_STRICT_MONTHS = {"May", "March", "Mar", "MAY", "MARCH"}
_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")
_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+$")


def _in_name(text, s, e) -> bool:
    """Whether the bare month word ``text[s:e]`` is a part of a person's name: a capitalised
    word (not a sentence's first) right before it, or one right after it."""
    if _NAME_NEXT.match(text, e):
        return True
    m = _NAME_BEFORE.search(text, max(0, s - 30), s)
    return m is not None and not _sentence_initial(text, m.start())
_MONTH_OK_MODS = {"last", "next", "this", "early", "mid-", "mid", "late", "in", "since", "until",
                  "till", "by", "from", "during", "of", "end of", "the end of", "start of",
                  "beginning of"}


def parse_published(published) -> dt.date | None:
    """The publication date as a ``datetime.date``.

    Parameters
    ----------
    published : str, datetime.date or None
        ``YYYY-MM-DD`` (a longer ISO timestamp is cut to its date part).

    Raises
    ------
    ValueError
        When ``published`` is a string that is not an ISO date.
    """
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    if not isinstance(published, str):
        raise TypeError(f"published must be str 'YYYY-MM-DD' or None, got {type(published).__name__}")
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        raise ValueError(f"published must be 'YYYY-MM-DD' or None, got {published!r}") from None


def _ymd(y, m, d) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None


def _short_year(yy: str, pub: dt.date) -> str:
    """'94 -> 1994 and '20 -> 2020: the latest year ending in ``yy`` not after publication."""
    return f"{pub.year - (pub.year - int(yy)) % 100:04d}"


def _month_year(m: int, pub: dt.date, mod: str | None) -> int:
    """Year of a month named without one, relative to publication."""
    if mod == "last":
        return pub.year if m < pub.month else pub.year - 1
    if mod == "next":
        return pub.year if m > pub.month else pub.year + 1
    if mod == "this":
        return pub.year
    return pub.year if m <= pub.month else pub.year - 1


def _week_bounds(day: dt.date) -> tuple[str, str]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()


_SPACES = re.compile(r"\s+")
# the first year of "between 1988 and 1994" / "from 1988 to 1994", before the second
_RANGE_FIRST_YEAR = re.compile(r"\b(?:between|from)\s+(?:1[89]|20)\d\d\s*$", re.I)
_NEXT_LOWER_WORD = re.compile(r"\s+([a-z][\w-]*)")


# the month a season ends in (northern hemisphere, as the news it reads); a season is read as
# the year it ends in, the precision the text allows
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}


def _season_year(mod: str, end: int, pub: dt.date) -> int:
    """The year of "last/this/next <season>" written on ``pub``: "last" is the latest season of
    that name to have ended ("last autumn" in January 2021 is autumn 2020), "next" the first to
    begin after publication, "this" the one of the current season year."""
    ended_this_year = pub.month > end
    if mod in ("last", "past"):
        return pub.year if ended_this_year else pub.year - 1
    if mod == "next":
        return pub.year + 1 if ended_this_year or pub.month >= end - 2 else pub.year
    return pub.year + 1 if end == 2 and pub.month == 12 else pub.year


def _relative(rel: str, m, pub: dt.date | None):
    """(date, extra) for a relative phrase; date None when it cannot be written precisely."""
    r = rel.lower()
    if not r.isalpha():  # one word ("yesterday") has no whitespace to fold
        r = _SPACES.sub(" ", r)
    if pub is None:
        return None, {}
    day = dt.timedelta(days=1)
    if r in ("yesterday",):
        return (pub - day).isoformat(), {}
    if r.endswith("day before yesterday"):
        return (pub - 2 * day).isoformat(), {}
    if r in ("today", "tonight", "overnight", "this morning", "this afternoon", "this evening",
             "earlier today"):
        return pub.isoformat(), {}
    if r == "last night":
        # written on the morning after; the night began the day before publication
        return (pub - day).isoformat(), {}
    if r.endswith("this month"):
        return f"{pub.year:04d}-{pub.month:02d}", {}
    if r.endswith("this year"):
        return f"{pub.year:04d}", {}
    if r == "last month":
        y, mo = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
        return f"{y:04d}-{mo:02d}", {}
    if r == "next month":
        y, mo = (pub.year, pub.month + 1) if pub.month < 12 else (pub.year + 1, 1)
        return f"{y:04d}-{mo:02d}", {}
    if r == "last year":
        return f"{pub.year - 1:04d}", {}
    season = r.rsplit(" ", 1)[-1]
    if season in _SEASON_END:
        return f"{_season_year(r.split(' ', 1)[0], _SEASON_END[season], pub):04d}", {}
    if r == "next year":
        return f"{pub.year + 1:04d}", {}
    if r.endswith("this week"):
        f, t = _week_bounds(pub)
        return None, {"from": f, "to": min(t, pub.isoformat()) if "earlier" in r else t}
    if r.endswith("weekend"):
        # the latest Saturday and Sunday up to publication; "this weekend" written on a weekday
        # is the one ahead, "last weekend" written at a weekend the one before
        sat = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
        if r == "this weekend" and pub.weekday() < 5:
            sat += 7 * day
        elif r == "last weekend" and pub.weekday() >= 5:
            sat -= 7 * day
        sun = sat + day if sat > pub else min(sat + day, pub)  # a past weekend ends by publication
        return None, {"from": sat.isoformat(), "to": sun.isoformat()}
    if r in ("last week", "past week"):
        f, t = _week_bounds(pub - 7 * day)
        return None, {"from": f, "to": t}
    if r == "next week":
        f, t = _week_bounds(pub + 7 * day)
        return None, {"from": f, "to": t}
    if m.group("agon"):
        n = m.group("agon").lower()
        n = int(n) if n.isdigit() else _WORDNUM.get(n, 1)
        unit = m.group("agou").lower()
        if unit.startswith("day"):
            return (pub - n * day).isoformat(), {}
        if unit.startswith("month"):
            y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
            return f"{y:04d}-{mo + 1:02d}", {}
        if unit.startswith("year"):
            return f"{pub.year - n:04d}", {}
        f = pub - 7 * n * day
        return None, {"from": (f - 3 * day).isoformat(), "to": (f + 3 * day).isoformat()}
    if r.endswith(("past day", "24 hours")):  # a daily report's day: up to publication
        return None, {"from": (pub - day).isoformat(), "to": pub.isoformat()}
    # in recent days / past few weeks
    span = 31 if "week" in r or "month" in r else 7
    return None, {"from": (pub - span * day).isoformat(), "to": pub.isoformat()}


# How far before its anchor a date can start: the longest prefix of each kind ("the day before
# yesterday", "27th and 28th of November", "earlier Tuesday", "the end of 2020")
_BEFORE = {"r": 26, "m": 17, "w": 9, "y": 14}


def _windowed_kinds(text, anchors, after=40):
    """Like :func:`data.extract.numbers.windowed`, with the pattern chosen by anchor kind."""
    pos = 0
    n = len(text)
    for a, b, kind in anchors:
        if a < pos:
            continue
        pat = _RE_BY_KIND[kind]
        lo, hi = max(pos, a - _BEFORE[kind]), min(n, b + after)
        m = pat.search(text, lo, hi)
        while m is not None and m.end() <= a and m.end() < hi:
            m = pat.search(text, max(m.end(), m.start() + 1), hi)
        if m is None or m.start() > a or m.end() <= a:
            continue
        pos = m.end()
        yield m


# Cheap tests that spare the full pattern most anchors that cannot start a date: a year needs
# a temporal word before it or an ISO/dotted form; "week", "month", "night"... need a word
# such as "last" or "this" before them ("two days ago" is found from its "ago").
_Y_PREV = frozenset({"in", "since", "until", "till", "by", "from", "during", "after", "before",
                     "between", "and", "to", "through", "of", "early", "late", "mid", "spring",
                     "summer", "autumn", "fall", "winter"})
# A month or weekday anchor is only worth its window when written as the patterns spell it: the
# anchors also come lower-cased ("may", "march") and upper-cased ("JAN"), and no pattern can
# match across such a word (months and weekdays match case-sensitively, and no modifier word is
# a month or weekday name).
_CALENDAR_WORDS = frozenset(_MONTHS) | frozenset(_WEEKDAYS)
_R_ALWAYS = frozenset({"yesterday", "today", "tonight", "overnight", "ago"})
_R_PREV = frozenset({"this", "last", "next", "past", "recent", "few", "earlier", "later"})


def _soon(pub: dt.date, mon: int, day: int) -> bool:
    """Whether this year's ``mon``/``day`` falls within :data:`_SOON_DAYS` after ``pub``."""
    d = _ymd(pub.year, mon, day)
    return d is not None and len(d) == 10 and 0 < (dt.date.fromisoformat(d) - pub).days <= _SOON_DAYS


def _prev_word(text: str, a: int) -> str:
    w = text[max(0, a - 12):a].rsplit(None, 1)
    return w[-1].lower() if w and text[a - 1:a].isspace() else ""


def _year_worth(text: str, a: int, b: int) -> bool:
    if text[a - 1:a] in (".", "-", "/") or text[b:b + 1] == "-":
        return True
    return _prev_word(text, a) in _Y_PREV


def _rel_worth(text: str, a: int, b: int) -> bool:
    prev = _prev_word(text, a)
    return text[a:b].lower() in _R_ALWAYS or prev in _R_PREV or (
        prev == "the" and text[a:b].lower() == "weekend") or (  # "over the weekend"
        prev == "24" and text[a:b].lower() == "hours")  # "in the past 24 hours"


# "the summer of 2021", "the spring of 2016": a season names when, not what
_SEASON_OF = re.compile(r"\b(?i:spring|summer|autumn|fall|winter|middle|beginning|start)\s+of$")
_FUTURE = re.compile(r"\b(?:will|shall|'ll|scheduled|due|planned|plans|expected|set\s+to|"
                     r"going\s+to|upcoming|next|must(?!\s+have)|(?:is|are)\s+to(?!\s+blame)|"
                     # mourning is declared for the days to come: "three days of mourning from Wednesday"
                     r"mourning\b[^.;!?,]{0,25}\b(?:from|starting|beginning))\b[^.;!?,]{0,60}$",
                     re.IGNORECASE)


# what a day a few months on from the publication waits for: "ahead of snap elections on June 20"
# (only a day-and-month reading of a year ago gives way to it; a weekday "ahead of talks on
# Monday" may be past)
# ("faces a snap election on June 20", "called snap elections for June 20" alike)
_AHEAD = re.compile(r"\b(?:ahead\s+of|faces|facing|slated\s+for|called\s+(?:snap\s+|early\s+)?(?:elections?|polls?|"
                    r"votes?|a\s+vote|a\s+referendum)\s+for)\b[^.;!?,]{0,40}$", re.IGNORECASE)


# a day these open is past or a period's start, whatever waits ahead ("faces shelling since June 20")
_PAST_START_WORDS = frozenset({"since", "from", "after"})


# every cue of _FUTURE contains one of these (as lower-case ASCII)
_FUTURE_PARTS = ("will", "shall", "'ll", "scheduled", "due", "plan", "expected", "set", "going",
                 "upcoming", "next", "must", "is to", "are to", "mourning")


def _future(text: str, pos: int) -> bool:
    """A future cue shortly before a date in the same clause ("will meet on Friday")."""
    # ("are due to take place in the town of Yevlakh on Thursday": the cue may stand 60
    # characters before the day)
    lo = max(0, pos - 72)
    win = text[lo:pos]
    # in ASCII text IGNORECASE is plain ASCII case folding, so a window without any cue word
    # cannot match (elsewhere "ſ" matches "s" and "ı" matches "i": the regex decides)
    if win.isascii():
        low = win.lower()
        if not any(part in low for part in _FUTURE_PARTS):
            return False
    return _FUTURE.search(text, lo, pos) is not None


def _url_spans(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text and "WWW." not in text:
        return []
    return [m.span() for m in _URL_RE.finditer(text)]


def _in_spans(pos: int, spans, starts) -> bool:
    i = bisect_right(starts, pos) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _line_words(text: str, start: int, end: int) -> int:
    ls = text.rfind("\n", 0, start) + 1
    le = text.find("\n", end)
    le = len(text) if le < 0 else le
    return len(text[ls:le].split())


_DATELINE = re.compile(r"\s*(?:\((?:[A-Z][\w.&/ -]{1,30})\)\s*)?(?:[-–—]|/[A-Z]+/)\s")
_META_BEFORE = re.compile(r"(?:^|\n)\s*(?:Updated|Published|Posted|Last\s+updated|Modified|Date)\b[^\n]{0,18}$",
                          re.IGNORECASE)


def _meta_before(text: str, pos: int) -> bool:
    """A page-furniture label ("Updated:", "Published") shortly before ``pos``, at the start
    of its line."""
    lo = max(0, pos - 30)
    # the label opens the text or follows a newline: without either in the window (most
    # dates, mid-paragraph) the pattern cannot match, and a find is cheaper than a search
    if lo > 0 and text.find("\n", lo, pos) < 0:
        return False
    return _META_BEFORE.search(text, lo, pos) is not None


# page furniture after a publication date: a clock time ("14 September 2022, 10:15", "| 11:45")
_TIMESTAMP_AFTER = re.compile(r"(?:,|\s*[|•·-])?\s*\d{1,2}:\d\d(?!\d)")
# a dateline before it, alone at the start of its line: "BAKU, Azerbaijan, " / "Yerevan, "
_PLACE_DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z'. -]{2,24},[ \t]*(?:[A-Z][A-Za-z'. -]{2,24},[ \t]*)?$")


def _place_dateline(text: str, pos: int) -> bool:
    """A place dateline ("BAKU, Azerbaijan, ") alone on its line right before ``pos``."""
    lo = max(0, pos - 40)
    if lo > 0 and text.find("\n", lo, pos) < 0:
        return False  # the pattern starts the text or follows a newline (as in _meta_before)
    return _PLACE_DATELINE.search(text, lo, pos) is not None


# "27 September - 10 November 2020": a dash that opens the second date of a range, not a dateline
_RANGE_NEXT = re.compile(r"\s*[-–—]\s*(?:\d|(?:%s)\b)" % "|".join(sorted(_MONTHS, key=len, reverse=True)))


def _line_start_near(text: str, pos: int) -> bool:
    """The date opens its paragraph (after a place name at most): a news-agency dateline."""
    ls = text.rfind("\n", 0, pos) + 1
    return pos - ls <= 40


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3):pos].rstrip()
    return not before or before[-1] in ".!?\n\"“‘'"


def find_dates(text: str, sents=None, published=None) -> list[dict]:
    """Dates mentioned in ``text``, resolved against ``published``.

    Parameters
    ----------
    text : str
        Clean body text; offsets refer to it.
    sents : list of (int, int), optional
        Sentence spans (unused: one scan of the whole text is cheaper than one per sentence).
    published : str or None
        Publication date ``YYYY-MM-DD``; without it relative dates get ``date`` None.

    Returns
    -------
    list of dict
        ``start, end, surface, date, kind`` (``date`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or
        None for a vague span, which then carries ``from``/``to``), in text order.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    out = _find_dates(text, sents, published)
    # "YEREVAN, May 13 (Reuters) -" in a story a feed dates May 20: the reporter's "on Thursday"
    # counts from the day the dateline gives, not from the day the copy was published or saved
    filed = next((r["date"] for r in out if r["kind"] == "publication" and r["date"]
                  and len(r["date"]) == 10 and r["start"] < _DATELINE_REACH), None)
    if filed is not None and published and filed != published[:10] and _near_days(filed, published[:10]):
        out = _find_dates(text, sents, filed)
        _updated_next_day(out, filed, published[:10])
    return out


def _updated_next_day(recs: list[dict], filed: str, published: str) -> None:
    """A story datelined the day before it was published was updated then: its publication
    day's weekday is that day ("KYIV, April 13 - ... Russia's Defense Ministry said on Monday",
    published Monday April 14), not the same weekday six days before the dateline."""
    try:
        f, p = dt.date.fromisoformat(filed), dt.date.fromisoformat(published)
    except ValueError:
        return
    if (p - f).days != 1:
        return
    week_back = (f - dt.timedelta(days=6)).isoformat()
    name = _WEEKDAY_NAMES[p.weekday()]
    for r in recs:
        if r["kind"] == "event" and r.get("date") == week_back and name in r["surface"] \
                and "last" not in r["surface"].lower():
            r["date"] = published


_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


_DATELINE_REACH = 400  # characters into the text a dateline's date may start (after a headline)
_DATELINE_DAYS = 31  # at most this far from the publication date (else the dateline is no filing day)


def _filed_ahead(pub: dt.date, mon: int, day: int) -> int | None:
    """The year that puts month ``mon`` day ``day`` at most ``_FILED_AHEAD_DAYS`` after ``pub``
    (never on it), or None."""
    for year in (pub.year, pub.year + 1):
        try:
            ahead = (dt.date(year, mon, day) - pub).days
        except ValueError:
            continue
        if 0 < ahead <= _FILED_AHEAD_DAYS:
            return year
    return None


def _near_days(a: str, b: str) -> bool:
    """True when ISO days ``a`` and ``b`` lie at most ``_DATELINE_DAYS`` apart."""
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= _DATELINE_DAYS
    except ValueError:
        return False


def _find_dates(text: str, sents, published) -> list[dict]:
    """:func:`find_dates` against ``published`` as given."""
    pub = parse_published(published)
    pub_iso = pub.isoformat() if pub is not None else None
    urls = _url_spans(text)
    url_starts = [s for s, _ in urls]
    out: list[dict] = []
    noyear: list[int] = []  # indices of day-and-month dates whose year was guessed
    anchors = [a for a in _ANCHORS.find_tagged(text)
               if (text[a[0]:a[1]] in _CALENDAR_WORDS if a[2] in "mw"
                   else (_rel_worth if a[2] == "r" else _year_worth)(text, a[0], a[1]))]
    for m in _windowed_kinds(text, anchors):
        s, e = m.span()
        if urls and (_in_spans(s, urls, url_starts) or _in_spans(e - 1, urls, url_starts)):
            continue
        g = m.groupdict().get
        if g("m1") and text[m.end("m1"):m.end("m1") + 1] == "." \
                and _MONTH_ONLY_BEFORE.search(text, max(0, s - 8), s) is not None:
            m = _RE_MONTH_ALONE.match(text, _MONTH_ONLY_BEFORE.search(text, max(0, s - 8), s).start())
            if m is None:  # pragma: no cover - the modifier and month just matched
                continue
            s, e = m.span()
            g = m.groupdict().get
        date, extra = None, {}
        second = None  # (start, end, date) of the second of two days sharing a month
        if g("iy"):
            date = _ymd(int(g("iy")), int(g("im")), int(g("id")))
        elif g("ey"):
            if not (1 <= int(g("em")) <= 12 and 1 <= int(g("ed")) <= 31):
                continue
            date = _ymd(int(g("ey")), int(g("em")), int(g("ed")))
        elif g("m1") or g("m2"):
            mon = _MONTHS[g("m1") or g("m2")]
            day = int(g("d1") or g("d2"))
            year = g("y1") or g("y2")
            if not 1 <= day <= 31:
                continue
            if year and not year[0].isdigit():
                if pub is None:
                    year = None  # "'20" is 1920 or 2020: only the publication year can tell
                else:
                    year = _short_year(year[1:], pub)
            # the second of two days: "September 19-20" (d1b), "19 and 20 September" (d2b)
            day2_grp = "d1b" if g("d1b") else "d2b" if g("d2b") else None
            if day2_grp is not None:
                day2 = int(g(day2_grp))
                by_word = _DAY_SEP_WORD.match(text, m.end(day2_grp[:2])) is not None
                # (in "19 and 20 September" the month after the second number makes it a day)
                if day < day2 <= 31 and (not by_word or day2_grp == "d2b"
                                         or (_SECOND_DAY_END.match(text, e)
                                             and not _TOLL_RAISED.search(text, max(0, s - 160), s))):
                    if day2_grp == "d1b":  # "Sept. 27" | "-28, 2020": the year goes with the second
                        first_end = m.end("d1")
                        second = [m.start("d1b"), e]
                    else:  # "27" | "-28 September 2020"
                        first_end = m.end("d2")
                        second = [m.start("d2b"), e]
                    if text[first_end:first_end + 2] in ("st", "nd", "rd", "th"):
                        first_end += 2
                    e = first_end
                elif by_word:
                    # "September 19 and 20 soldiers": the number counts something
                    if day2_grp == "d1b":
                        e = m.end("d1") + (2 if text[m.end("d1"):m.end("d1") + 2] in
                                           ("st", "nd", "rd", "th") else 0)
                    else:
                        s = m.start("d2b")
                        day = day2
            if year:
                date = _ymd(int(year), mon, day)
            elif pub is not None:
                noyear.append(len(out))
                y = pub.year if (mon, day) <= (pub.month, pub.day) else pub.year - 1
                filed_ahead = _filed_ahead(pub, mon, day)
                if filed_ahead is not None and _line_start_near(text, s) and _DATELINE.match(text, e):
                    # "PORT-AU-PRINCE, Oct 4 (AP) -" in a feed dated Oct 3: the reporter's day
                    # runs ahead of the feed's clock, not a year behind it
                    y = filed_ahead
                elif y < pub.year and (_future(text, s) or (
                        _AHEAD.search(text, max(0, s - 50), s) and _prev_word(text, s) not in _PAST_START_WORDS)):
                    y = pub.year  # "talks are scheduled for December 5", "ahead of elections on June 20"
                elif y < pub.year and _soon(pub, mon, day) and _prev_word(text, s) not in _PAST_START_WORDS \
                        and not (_line_start_near(text, s) and _DATELINE.match(text, e)):
                    # "declared April 18 a day of mourning" on April 17: the coming days are
                    # nearer than the same days a year ago (a dateline keeps its own rule)
                    y = pub.year
                elif _prev_word(text, s) in _DEADLINE_WORDS:
                    # "withdraw by Nov. 20" published on Nov. 10: a deadline a few weeks ahead,
                    # not the same day almost a year ago
                    nxt = _ymd(pub.year, mon, day)
                    if nxt is not None and len(nxt) == 10 and nxt < pub.isoformat():
                        nxt = _ymd(pub.year + 1, mon, day)
                    if nxt is not None and len(nxt) == 10 \
                            and (dt.date.fromisoformat(nxt) - pub).days <= _DEADLINE_AHEAD_DAYS:
                        y = int(nxt[:4])
                date = _ymd(y, mon, day)
            if second is not None:
                # both days take the first day's year: "27-28 September" published on the 27th
                second.append(_ymd(int(date[:4]), mon, day2) if date else None)
        elif g("m3"):
            date = f"{int(g('y3')):04d}-{_MONTHS[g('m3')]:02d}"
            if g("mod") in ("in", "since", "until", "till", "by", "from", "during", "of"):
                s = m.start("m3")  # the preposition is not part of the date
        elif g("m4"):
            name, mod = g("m4"), g("mod4")
            if name in _STRICT_MONTHS and mod not in _MONTH_OK_MODS:
                continue
            if mod is None and _sentence_initial(text, s) and name in ("May",):
                continue
            if mod is None and _in_name(text, m.start("m4"), m.end("m4")):
                continue  # "Jan Egeland said", "hostage Almog Meir Jan", "August Kowalski"
            if mod in ("in", "since", "until", "till", "by", "from", "during", "of"):
                s = m.start("m4")
            if pub is not None:
                mon = _MONTHS[name]
                if mod in (None, "in", "by", "early", "mid", "mid-", "late", "end of", "the end of") \
                        and mon > pub.month and (_future(text, s)
                                                 or _CALENDAR_PRESENT.search(text, max(0, s - 30), s)):
                    mod = "next"  # "elections will be held in December"
                date = f"{_month_year(mon, pub, mod):04d}-{mon:02d}"
        elif g("wd"):
            wmod = (g("wmod") or "").lower() or None
            if wmod in ("on", "earlier", "early", "late"):
                s = m.start("wd")
            if pub is not None:
                wd = _WEEKDAYS[g("wd")]
                if wmod == "next":
                    delta = -((wd - pub.weekday()) % 7 or 7)
                elif wmod != "last" and _future(text, s):
                    delta = -((wd - pub.weekday()) % 7)  # "the leaders will meet on Friday"
                else:
                    delta = (pub.weekday() - wd) % 7
                    if wmod == "last" and delta == 0:
                        delta = 7
                date = (pub - dt.timedelta(days=delta)).isoformat()
        elif g("rel"):
            if g("poss") and g("rel").lower().replace(" ", "").endswith(("year",) + tuple(_SEASON_END)):
                continue  # "last year's war", "this autumn's war": an era, not an event date
            date, extra = _relative(g("rel"), m, pub)
        elif g("y5"):
            ymod = g("ymod").lower()
            if not g("y5")[0].isdigit() and (pub is None or ymod in ("and", "to")):
                continue  # "since '94": the century comes from the publication year
            if g("yposs"):
                continue
            if ymod in ("and", "to"):
                # only the second year of "between 1988 and 1994" / "from 1988 to 1994"
                if not _RANGE_FIRST_YEAR.search(text[max(0, s - 20):s]):
                    continue
            if ymod == "of" and not _SEASON_OF.search(text, max(0, s - 30), s + 2):
                continue  # "the war of 2020", "a law of 1997": names an era or a document
            after = text[e:e + 30]
            nxt = _NEXT_LOWER_WORD.match(after)
            if nxt and nxt.group(1) in _YEAR_NOUNS:
                continue  # "in 2020 fighting": attributive
            if ymod in ("in", "since", "until", "till", "by", "from", "during", "after", "before",
                        "between", "and", "to", "through", "of"):
                s = m.start("y5")
                # keep "in" for a plain event year, as a reader quotes it ("in 1991")
                if ymod == "in":
                    s = m.start("ymod")
            date = g("y5") if g("y5")[0].isdigit() else _short_year(g("y5")[1:], pub)
        else:  # pragma: no cover - every alternative has a named group
            continue
        kind = "event"
        # (the cheap line-start test first: most dates are mid-paragraph)
        if date and len(date) == 10 and _line_start_near(text, s) and _DATELINE.match(text, e) \
                and not _RANGE_NEXT.match(text, e):
            kind = "publication"  # "YEREVAN, Sept 13 (Reuters) -"
        elif date and _meta_before(text, s) and _line_words(text, s, e) <= 8:
            if pub is not None and date != pub_iso:
                continue  # "Updated: 17 November 2021": page furniture, not an event
            kind = "publication"
        if date and date == pub_iso and len(date) == 10 \
                and ((_TIMESTAMP_AFTER.match(text, e) and _prev_word(text, s) not in ("on", "since", "by", "of"))
                     or _place_dateline(text, s)):
            kind = "publication"  # "14 September 2022, 10:15" / "BAKU, Azerbaijan, Sept. 14."
        if date and date == pub_iso and len(date) == 10 \
                and (g("m1") or g("m2") or g("iy") or g("ey")) and _line_words(text, s, e) <= 6:
            kind = "publication"
        if second is not None:
            # a dateline never names two days: both are events
            out.append({"start": s, "end": e, "surface": text[s:e], "date": date, "kind": "event"})
            b0, b1, d2 = second
            out.append({"start": b0, "end": b1, "surface": text[b0:b1], "date": d2, "kind": "event"})
            continue
        if _BORN_BEFORE.search(text, max(0, s - 16), s):
            kind = "reference"  # "Sergeant X (born in 2001)": a date the story refers to, no event of it
        rec = {"start": s, "end": e, "surface": text[s:e], "date": date, "kind": kind}
        if extra:
            rec.update(extra)
        out.append(rec)
    if noyear:
        _year_from_range_end(text, out, noyear)
        if sents:
            _year_from_sentence(text, out, noyear, sents)
    if out and ":" in text:
        _year_from_heading(text, out)
    if pub is not None and " year" in text:
        out = _year_word_after(text, out, pub)
    _weekday_with_date(text, out)
    if " day" in text:
        out = _days_from_anchor(text, out)
    return _drop_redundant_overnight(out, sents)


# "on Oct. 7 last year", "in March this year": the year of a day or month written without one
_YEAR_WORD_AFTER = re.compile(r",?[ \t]+(?P<w>last|this|next)[ \t]+year\b(?!'s|’s)", re.IGNORECASE)
# a date's surface that writes its year ("2020", "'20")
_HAS_YEAR = re.compile(r"\d{4}|'\d\d")


def _year_word_after(text: str, recs: list[dict], pub: dt.date) -> list[dict]:
    """``recs`` where a day or month without a year is followed by "last/this/next year": that
    year is the date's, the phrase part of its surface, and no date of its own."""
    out: list[dict] = []
    drop_at = None
    for r in recs:
        if drop_at is not None and r["start"] == drop_at:
            drop_at = None
            continue  # the "last year" now read into the date before it
        d = r.get("date")
        m = _YEAR_WORD_AFTER.match(text, r["end"]) if d and len(d) in (7, 10) else None
        if m is not None and not _HAS_YEAR.search(r["surface"]):
            year = pub.year + {"last": -1, "this": 0, "next": 1}[m.group("w").lower()]
            fixed = _ymd(year, int(d[5:7]), int(d[8:10])) if len(d) == 10 else f"{year:04d}{d[4:]}"
            if fixed is not None:
                drop_at = m.start("w")
                r = {**r, "end": m.end(), "surface": text[r["start"]:m.end()], "date": fixed}
        out.append(r)
    return out


_BORN_BEFORE = re.compile(r"\b(?:born|b\.)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)


# "a day earlier", "two days later", "the next day", "the day before": counted from the last
# day named before them in the text (not from publication: news copy uses these after the
# day of the event it just told)
# "before" and "after" count from the anchor only as adverbs: with a complement ("a day after
# Azerbaijan launched its offensive", "two days before the vote") they count from that event.
_NO_COMPLEMENT = r"(?![ \t]+[\w“\"'‘])"
_DAY_OFFSET = re.compile(
    r"\b(?i:(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+days?\s+"
    r"(?P<dir>earlier|later|(?:before|after)" + _NO_COMPLEMENT + r")"
    r"|the\s+(?P<rel>next|following|previous|preceding)\s+day"
    r"|the\s+day\s+(?P<dir2>before|after)" + _NO_COMPLEMENT + r")\b")


def _days_from_anchor(text, recs):
    """``recs`` with the day offsets of :data:`_DAY_OFFSET` added, each resolved against the
    last full date (``YYYY-MM-DD``) before it; an offset with none before it is left out."""
    added = []
    starts = [r["start"] for r in recs]
    # searched around each " day" only: scanning the whole text with the pattern cost ~10% of
    # all extraction on the bench corpus
    found = []
    pos = text.find(" day")
    while pos >= 0:
        m = _DAY_OFFSET.search(text, max(0, pos - 16), pos + 24)
        if m is not None and (not found or m.start() >= found[-1].end()):
            found.append(m)
        pos = text.find(" day", pos + 4)
    for m in found:
        i = bisect_left(starts, m.start())
        if i < len(recs) and recs[i]["start"] < m.end():
            continue  # inside a date already read ("the day before yesterday")
        anchor = next((r for r in reversed(recs[:i]) if r.get("date") and len(r["date"]) == 10
                       and r.get("kind") != "reference" and not _after_since(text, r["start"])), None)
        if anchor is None:
            continue
        if m.group("rel"):
            k = 1 if m.group("rel").lower() in ("next", "following") else -1
        elif m.group("dir2"):
            k = -1 if m.group("dir2").lower() == "before" else 1
        else:
            n = m.group("n").lower()
            n = int(n) if n.isdigit() else _WORDNUM.get(n, 1)
            k = n if m.group("dir").lower() in ("later", "after") else -n
        day = dt.date.fromisoformat(anchor["date"]) + dt.timedelta(days=k)
        added.append({"start": m.start(), "end": m.end(), "surface": m.group(0), "date": day.isoformat(),
                      "kind": "event"})
    if not added:
        return recs
    return sorted(recs + added, key=lambda r: (r["start"], r["end"]))


def _after_since(text, start):
    """Whether the date at ``start`` ends a "since" clause of its sentence ("the latest escalation
    since Azerbaijani forces crossed the border on May 12"): the start of a running period, not
    the day the story is told from."""
    lo = max(0, start - 60)
    cut = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    return _since_before(text, start, cut + 1)


def _since_before(text, start, floor):
    """Whether "since" stands in the 60 characters before ``start``, not before ``floor`` (the
    start of the date's sentence)."""
    return _SINCE_NEAR.search(text, max(floor, start - 60), start) is not None


_WD_GAP = re.compile(r"[\s,(]{1,3}$")


def _weekday_with_date(text, recs):
    """'on Tuesday, September 13': the weekday names the date written next to it, which wins
    over the weekday's own reading (the most recent Tuesday may be a later one)."""
    for a, b in zip(recs, recs[1:]):
        # adjacency first: most neighbouring dates are far apart
        if b["start"] - a["end"] <= 3 and b["date"] and len(b["date"]) == 10 \
                and a["surface"].rsplit(None, 1)[-1] in _WEEKDAYS and _WD_GAP.match(text, a["end"], b["start"]):
            a["date"] = b["date"]
            if b["kind"] == "publication":
                a["kind"] = "publication"  # "Tuesday, 13 September 2022 | 10:15"


_RANGE_GAP = re.compile(r"\s*(?:[-–—]|to|until|till|through|and)\s*(?:the\s+)?$", re.IGNORECASE)


def _year_from_range_end(text, recs, idxs):
    """'from September 27 to November 10, 2020': the first date takes the year of the second
    (the year before when its month and day come later in the calendar)."""
    for i in idxs:
        if i + 1 >= len(recs) or i >= len(recs):
            continue
        a, b = recs[i], recs[i + 1]
        if b["start"] - a["end"] > 12 or not b["date"] or len(b["date"]) != 10 \
                or not _RANGE_GAP.match(text[a["end"]:b["start"]]):
            continue
        if not _HAS_YEAR.search(b["surface"]):
            continue
        y2, md2 = int(b["date"][:4]), b["date"][5:]
        md1 = a["date"][5:]
        y = y2 if md1 <= md2 else y2 - 1
        d = _ymd(y, int(md1[:2]), int(md1[3:]))
        if d:
            a["date"] = d


_REPORTED_ON = re.compile(r"\b(?:said|says|reported|reports|announced|stated|added|confirmed|told\s+[\w.]+)"
                          r"\s+(?:on\s+)?$")
_SINCE_NEAR = re.compile(r"\b[Ss]ince\b")


# a timeline's paragraph opens on its year: "2020: On 27 September, Azerbaijan launched ...",
# "1994 - A ceasefire ..." (Reuters factboxes, backgrounders)
_HEADING_YEAR = re.compile(r"(?:^|\n)[ \t]*((?:19|20)\d\d)[ \t]*(?::|[-–—][ \t])")


def _year_from_heading(text, recs):
    """Give the dates without a year written in a paragraph that opens on a year ("2016: In
    April, four days of fighting ...") that year instead of the one guessed from publication."""
    heads = [(m.start(1), m.group(1)) for m in _HEADING_YEAR.finditer(text)]
    if not heads:
        return
    starts = [h for h, _y in heads]
    for r in recs:
        d = r.get("date")
        if not d or len(d) < 7 or r.get("kind") == "publication" or _HAS_YEAR.search(r["surface"]):
            continue
        i = bisect_right(starts, r["start"]) - 1
        if i < 0:
            continue
        para_end = text.find("\n\n", heads[i][0])
        if para_end != -1 and r["start"] > para_end:
            continue  # (the heading's paragraph is over)
        fixed = _ymd(int(heads[i][1]), int(d[5:7]), int(d[8:10])) if len(d) == 10 else f"{heads[i][1]}{d[4:]}"
        if fixed:
            r["date"] = fixed


def _year_from_sentence(text, recs, idxs, sents):
    """'The war began on Sept. 27, 2020 and ended on Nov. 10': a day written without a year
    after a date with one in the same sentence is in that date's story, not in the year before
    publication: it takes the year that puts it nearest that date (a day so dated passes the
    year on to the next: "..., 2020, on Nov. 8 and on Nov. 10")."""
    starts = [a for a, _b in sents]
    anchored = set()
    for i in idxs:
        if i >= len(recs):
            continue
        r = recs[i]
        d = r.get("date")
        if not d or len(d) != 10 or _HAS_YEAR.search(r["surface"]):
            continue
        k = bisect_right(starts, r["start"]) - 1
        if k < 0 or _REPORTED_ON.search(text, max(0, r["start"] - 30), r["start"]):
            continue  # "..., the ministry reported on Nov. 4": the day of the report, today's
        for j in range(i - 1, -1, -1):
            a = recs[j]
            if a["start"] < starts[k]:
                break
            ad = a.get("date")
            if not ad or len(ad) < 7 or a.get("kind") in ("publication", "reference") or not (
                    j in anchored or _HAS_YEAR.search(a["surface"])):
                continue
            if _since_before(text, a["start"], starts[k]):
                break  # "since the invasion on Feb. 24, 2022": a running period's start, no story
            ref = dt.date(int(ad[:4]), int(ad[5:7]), int(ad[8:10]) if len(ad) == 10 else 15)
            best = None
            for y in (ref.year - 1, ref.year, ref.year + 1):
                c = _ymd(y, int(d[5:7]), int(d[8:10]))
                if c is not None and len(c) == 10:
                    gap = abs((dt.date.fromisoformat(c) - ref).days)
                    if best is None or gap < best[0]:
                        best = (gap, c)
            if best is not None and best[1] != d:
                r["date"] = best[1]
            anchored.add(i)
            break


def _drop_redundant_overnight(recs, sents):
    """'overnight on Saturday', 'on Tuesday ... overnight attacks': the day named in the same
    sentence is the date; a separate 'overnight' (publication day) would only add noise."""
    if not any(r["surface"].lower() == "overnight" for r in recs):
        return recs
    spans = list(sents) if sents else []
    starts = [a for a, _ in spans]

    def sent_of(pos):
        i = bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < spans[i][1] else -1

    days = {sent_of(r["start"]) for r in recs
            if r["date"] and len(r["date"]) == 10 and r["surface"].lower() != "overnight"}
    return [r for r in recs if not (r["surface"].lower() == "overnight" and sent_of(r["start"]) in days)]


def period_hints(text: str, start: int, end: int, published=None) -> list[tuple[int, int, str]]:
    """Years that name an era or a document inside ``text[start:end]``.

    "the 2020 war", "a 1997 treaty", "last year's war": not event dates, but the period a
    figure in the same sentence may belong to. Returns ``(start, end, 'YYYY')`` spans.
    """
    pub = parse_published(published)
    out = []
    if _YEARISH.search(text, start, end) is None:
        return out  # every branch of the pattern needs a year or the word "year"
    for m in _ATTR_YEAR_RE.finditer(text, start, end):
        if m.group("y"):
            noun = m.group("noun")
            y = m.group("y")
            if not y[0].isdigit():  # "the '94 ceasefire"
                if pub is None:
                    continue
                y = _short_year(y[1:], pub)
            if (noun in _YEAR_NOUNS or m.group("after")) and noun not in _DOCUMENT_NOUNS:
                out.append((m.start("y"), m.end("y"), y))
        elif m.group("ly") and pub is not None:
            delta = {"last": -1, "this": 0, "next": 1}[m.group("ly")]
            out.append((m.start(), m.end("noun2"), f"{pub.year + delta:04d}"))
        elif m.group("y3"):
            out.append((m.start("y3"), m.end("y3"), m.group("y3")))
    return out
