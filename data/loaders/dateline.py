"""Publication dates from datelines ("November 16, 2021", "16 Nov 2021", "2021-11-16", "Updated: ...").

Only the head of an article is searched, and never a URL: a link to another story carries that
story's date, not this one's.
"""
from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MON = r"(?P<mon{n}>january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY = r"(?P<day{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year{n}>(?:19|20)\d\d)"

# One alternation, tried left to right; (?<![\w/]) and (?![\w/]) keep us out of URL paths and ids.
DATE_RE = re.compile(
    r"(?<![\w/.-])(?:"
    + _MON.format(n=1) + r"\s+" + _DAY.format(n=1) + r",?\s+" + _YEAR.format(n=1) + r"(?![\w/])"  # November 16, 2021
    + r"|" + _DAY.format(n=2) + r"\s+(?:of\s+)?" + _MON.format(n=2) + r",?\s+" + _YEAR.format(n=2) + r"(?![\w/])"  # 16 November 2021
    + r"|" + _YEAR.format(n=3) + r"-(?P<mnum3>[01]\d)-(?P<day3>[0-3]\d)(?=T\d|[^\w/]|$)"   # 2021-11-16[T10:00]
    + r"|" + r"(?P<day4>[0-3]?\d)\.(?P<mnum4>[01]?\d)\.(?P<year4>(?:19|20)\d\d)(?![\w/])"  # 16.11.2021
    + r")",
    re.IGNORECASE,
)

_UPDATED_RE = re.compile(r"\b(?:updated|last\s+updated|modified|edited)\b", re.IGNORECASE)
# Words a pure dateline line may carry besides the date itself.
_DATELINE_WORDS = re.compile(
    r"\b(?:published|posted|updated|last|modified|on|at|by|date|time|am|pm|gmt|utc|msk|est|edt|cet|cest|amt|azt"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\b"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[+-]\d{2}:?\d{2}|[^\w\s]",
    re.IGNORECASE,
)
# "YEREVAN, Nov. 16, 2021 (AFP) -" or "November 16, 2021 -" opening a body paragraph.
_PREFIX_RE = re.compile(
    r"^(?:[A-Z][A-Za-z'’./\- ]{1,40},\s*)?(?P<date>.{6,40}?)\s*(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s+\S",
)


def _to_iso(m: re.Match) -> str | None:
    g = m.groupdict()
    for n in "1234":
        year = g.get("year" + n)
        if not year:
            continue
        mon = g.get("mon" + n)
        month = _MONTHS[mon.lower()] if mon else int(g["mnum" + n])
        try:
            return _dt.date(int(year), month, int(g["day" + n])).isoformat()
        except ValueError:  # 31 February, month 13: not a date
            return None
    return None


def find_date(text: str) -> str | None:
    """Return the first valid date in ``text`` as ``YYYY-MM-DD``, or None.

    Examples
    --------
    >>> find_date("Updated: Nov. 16, 2021 10:30 GMT")
    '2021-11-16'
    """
    for m in DATE_RE.finditer(text):
        iso = _to_iso(m)
        if iso:
            return iso
    return None


def dateline(line: str, max_len: int = 100) -> tuple[str, bool, bool] | None:
    """Read ``line`` as a dateline.

    Parameters
    ----------
    line : str
        One paragraph or line of the article head.
    max_len : int
        Longer lines are body text, whose dates are event dates, not publication dates.

    Returns
    -------
    tuple or None
        ``(date, is_updated, standalone)``: the ISO date, whether the line labels it as an
        update, and whether the line is nothing but a dateline (so it is not body text).
        None when the line is no dateline.
    """
    if len(line) <= max_len and "http" not in line.lower():
        m = DATE_RE.search(line)
        if m:
            iso = _to_iso(m)
            if iso:
                rest = (line[: m.start()] + " " + line[m.end():])
                rest = _DATELINE_WORDS.sub(" ", rest)
                words = rest.split()
                # A short sentence ("The truce began on 10 November 2020.") is body text: its
                # other words are lower-case prose. A dateline's other words are labels (removed
                # above), a place or a byline name, all capitalised.
                if len(words) <= 8 and not any(w[:1].islower() for w in words):
                    return iso, bool(_UPDATED_RE.search(line[: m.start()])), True
    # A dateline opening the first paragraph: "YEREVAN, Nov. 16, 2021 (AFP) - Armenia said ..."
    pm = _PREFIX_RE.match(line)
    if pm:
        m = DATE_RE.fullmatch(pm.group("date").strip())
        if m:
            iso = _to_iso(m)
            if iso:
                return iso, False, False
    return None


# --- dates given as metadata (a dump's 'published' column), not read from prose ---------------

_NUMERIC_RE = re.compile(
    r"^(?:(?P<y1>\d{4})[/.-](?P<m1>\d{1,2})[/.-](?P<d1>\d{1,2})"       # 2023/10/05
    r"|(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y2>\d{4})"  # 19/09/2023, 09/19/2023
    r")(?:[ T,]+\d{1,2}:\d{2}\S*(?:\s*[ap]\.?m\.?)?(?:\s*\S+)?)?$",      # an optional time (and zone)
    re.IGNORECASE,
)
_COMPACT_RE = re.compile(r"^(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)$")  # 20230919
_EPOCH_RE = re.compile(r"^\d{9,10}(?:\.\d+)?$|^\d{12,13}$")
#: Unix times outside these years are taken for other numbers, not dates
_EPOCH_YEARS = (1973, 2100)


class AmbiguousDate(ValueError):
    """A numeric date whose day and month can be read either way ('09/10/2023')."""


def metadata_date(value) -> str | None:
    """``YYYY-MM-DD`` of a date given as a metadata value, or None when it holds no date.

    Reads what :func:`find_date` reads, plus the forms dumps use: ``2023/10/05``,
    ``19/09/2023`` (day first, certain because 19 cannot be a month), ``09/19/2023`` (month
    first, likewise), ``20230919`` and Unix times (a JSON number, or a string of 9-10 digits
    for seconds, 12-13 for milliseconds).

    Raises
    ------
    AmbiguousDate
        For ``DD/MM/YYYY`` dates where both numbers could be the month ('09/10/2023').
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return _epoch(float(value))
    text = str(value).strip()
    iso = find_date(text)
    if iso:
        return iso
    m = _NUMERIC_RE.match(text)
    if m:
        if m.group("y1"):
            return _iso(int(m.group("y1")), int(m.group("m1")), int(m.group("d1")))
        a, b, year = int(m.group("a")), int(m.group("b")), int(m.group("y2"))
        if a > 12 or a == b:
            return _iso(year, b, a)
        if b > 12:
            return _iso(year, a, b)
        if 1 <= a <= 12 and 1 <= b <= 12:
            raise AmbiguousDate("day and month can be read either way")
        return None
    m = _COMPACT_RE.match(text)
    if m:
        return _iso(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    if _EPOCH_RE.match(text):
        return _epoch(float(text))
    return None


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:  # 31/02, month 13
        return None


def _epoch(seconds: float) -> str | None:
    # Fewer than 9 digits is a count or a year (2023), not a time since 1970 (1e8 s is 1973).
    if not seconds >= 1e8:
        return None
    if seconds > 1e11:  # milliseconds
        seconds /= 1000.0
    try:
        day = _dt.datetime.fromtimestamp(seconds, tz=_dt.timezone.utc).date()
    except (OverflowError, OSError, ValueError):
        return None
    return day.isoformat() if _EPOCH_YEARS[0] <= day.year < _EPOCH_YEARS[1] else None
