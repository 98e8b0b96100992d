"""Dateline stamps: where a reporter files from ("YEREVAN, Sept 28 (Reuters) -", "BAKU (AP) —",
"Stepanakert, 27 September:"), not where the story's events take place.

Shared by :mod:`.figures` (a stamp's places are never a figure's place) and :mod:`.actors` (a
stamp's country is no actor: "GRANADA, Spain, Oct 5 (Reuters) -").
"""
from __future__ import annotations

import re

from data.extract.lexicon import read_rows

__all__ = ["DATELINE_RE", "datelines", "line_matches"]

# The stamp is capitalised place words (a "City, Country" pair or "YEREVAN/BAKU" included), then
# an optional date and an optional source in brackets or slashes, then a dash or colon before a
# capitalised sentence start.
_CAL = read_rows("calendar.csv")
_DL_MONTH = "|".join(sorted({re.escape(w) for w, t, _n in _CAL if t == "month"}, key=len, reverse=True))
_DL_WDAY = "|".join(sorted({re.escape(w) for w, t, _n in _CAL if t == "weekday"}, key=len, reverse=True))
_DL_WORD = r"[A-Z][\w'’.\-]*+"  # possessive: a word is never split (no backtracking inside it)
_DL_DAY = rf"(?:(?i:{_DL_MONTH})\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+(?i:{_DL_MONTH})\.?)(?:,?[ \t]+\d{{4}})?"
DATELINE_RE = re.compile(
    rf"^[ \t]*(?P<loc>{_DL_WORD}(?:[ /]{_DL_WORD}){{0,3}}"
    # the country may be several words: "GOMA, Democratic Republic of Congo, Jan 27 (Reuters) -"
    rf"(?:,[ \t]*{_DL_WORD}(?:[ ](?:of[ ](?:the[ ])?)?{_DL_WORD}){{0,3}})?)"
    rf"(?:,[ \t]*(?P<date>(?i:{_DL_WDAY})(?:,?[ \t]+{_DL_DAY})?|{_DL_DAY}))?"
    r"(?P<src>(?:[ \t]*\([^()\n]{1,40}\)){1,2}|[ \t]*/[^/\n]{1,30}/)?"
    r"[ \t]*(?P<sep>--?|[—–]|:)[ \t]+(?=[\"“‘'(]?[A-Z0-9])", re.M)


def line_matches(pattern, text):
    """``pattern.finditer(text)`` for a pattern that starts with ``^`` (multi-line) and never
    matches across a line end: one match attempt per line instead of one per character (a
    search cannot skip to line starts in C; ``str.find`` can)."""
    pos = 0
    while pos >= 0:
        m = pattern.match(text, pos)
        if m is not None:
            yield m
        pos = text.find("\n", pos)
        if pos >= 0:
            pos += 1


def datelines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every dateline stamp that opens the text or one of its paragraphs.

    Bare place words before a dash or colon ("Stepanakert: 4 civilians were killed",
    "Armenia - Azerbaijan talks") are a heading or a sentence more often than a stamp, so
    they count only with a date, a source, in capitals ("BAKU --") or as "City, Country"."""
    out = []
    for m in line_matches(DATELINE_RE, text):
        loc = m.group("loc")
        if not (m.group("date") or m.group("src") or loc.isupper()
                or (m.group("sep") != ":" and "," in loc)):
            continue
        out.append((m.start("loc"), m.end("sep")))
    return out
