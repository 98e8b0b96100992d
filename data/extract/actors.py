"""Actor mentions: states, governments by their capitals, ministries and councils, armed forces
and groups, international organisations, news media and people with their roles.

How it works (all automata and regexes are built once at import):

1. one Aho-Corasick pass over the lower-cased text with every lexicon surface (state names and
   aliases, demonyms, capitals, seats of government, international organisations, media, armed
   groups, known people), plus one over the text as written for acronyms (which must match
   exactly, and in lower case would hit inside every other word); each hit is checked for word
   boundaries and names for capitals; longest match wins;
2. compositional phrases are read around the state hits with anchored regexes:
   "Armenia's Defence Ministry" / "the Armenian Defence Ministry" / "the Defence Ministry of
   Armenia" -> ``Ministry of Defence of Armenia``; "Azerbaijani forces" -> ``Armed Forces of
   Azerbaijan``; "Azerbaijani troops" too, but "three Armenian soldiers" (a count) is the
   state's side only; "Russia said five of its peacekeepers" -> ``Russian peacekeepers``; a bare
   "the defence ministry in Yerevan" takes the state named after it, a bare "the ministry" the
   last ministry named (a defence ministry in a sentence about soldiers' losses), "the agency",
   "the service", "the organisation"... the last body or international organisation that word
   names (``generic`` in ``international_orgs.csv``), "the group" also the last armed group,
   "Its defence ministry" opening a sentence the state the previous sentence opens on, and an
   unqualified national body ("the State Border Service said") the state its sentence reports
   about (not the attacker, "fire from Armenian positions", nor the denier, "a claim Yerevan
   rejected", nor a state named only in what the body said), else a one-place dateline's state
   (at the start or after the headline), else none;
3. people: known people from ``people.csv``, and capitalised two/three-word names backed by
   evidence (a role title before them, a speech verb next to them, an apposition with a title,
   or a Caucasus/Slavic surname ending); later bare surnames resolve to the full name and keep
   the role the article wrote. A known person's role is the one written before the name, else
   an apposition's that names another office than the lexicon's ("The parliament speaker,
   Ararat Mirzoyan,"), else the lexicon's. A state's name with that evidence is a first name
   ("Defence Minister Israel Katz");
4. a lexicon acronym whose body the article never writes out names the actor it does write
   out with those initials ("RSF" after "Rapid Support Forces").

Every record: ``start``, ``end``, ``surface`` (``text[start:end]``), ``name`` (canonical),
``type``, ``country`` (ISO2 or None), ``role`` (or None).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import re
from operator import itemgetter
from typing import Any

import ahocorasick

from data.extract import places as _pl
from data.extract import sentences as _sentences
from data.extract.datelines import datelines
from data.extract.lexicon import read_records as _rows, read_words as _words
from data.extract.places import (CAPITALS, _longest, DEMONYMS, SEATS, STATES, _split, match_text,
                                 metonym_flags)

__all__ = ["find_actors"]

_STATE_SURF = _pl._STATE_SURF
_DEM_OF_STATE: dict[str, str] = {}
for _d, _s in DEMONYMS.items():
    _DEM_OF_STATE.setdefault(_s, _d)


# --------------------------------------------------------------------------- lexicons
@functools.lru_cache(maxsize=65536)
def _is_acronym(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(s) <= 8


_ENTRIES: dict[str, list[tuple]] = {}


def _add(surface: str, kind: str, name: str, typ: str, country: str | None,
         role: str | None = None, requires: tuple[str, ...] = ()) -> None:
    surface = match_text(surface).strip()
    if len(surface) < 2:
        return
    _ENTRIES.setdefault(surface.lower(), []).append(
        (surface, kind, name, typ, country or None, role or None, requires))


for _s, _st in _STATE_SURF.items():
    _add(_s, "state", _st, "state", STATES[_st])
for _d, _st in DEMONYMS.items():
    _add(_d, "demonym", _st, "state", STATES[_st])
for _c, _st in CAPITALS.items():
    _add(_c, "capital", _st, "state" if _st in STATES else "international_org", STATES.get(_st))
for _s, (_st, _ty) in SEATS.items():
    _add(_s, "seat", _st, _ty, STATES.get(_st))
_IO_GENERICS: dict[str, frozenset[str]] = {}  # name -> the words that refer back to it ("the agency")
for _r in _rows("international_orgs.csv"):
    _req = tuple(_split(_r.get("requires")))
    for _s in ([] if _req else [_r["name"]]) + _split(_r["aliases"]):
        _add(_s, "io", _r["name"], "international_org", _r["country"], None, _req)
    if _r.get("generic"):
        _IO_GENERICS[_r["name"]] = frozenset(_split(_r["generic"]))
for _r in _rows("media.csv"):
    # bare=no: the name alone is a common word ("Trend"): it is the agency only where the
    # context says so ("told Trend", "(Trend)", a dateline's "Baku, 4 June, Trend:")
    for _s in _split(_r["aliases"]):
        _add(_s, "media", _r["name"], "media", _r["country"])
    _add(_r["name"], "media" if _r.get("bare", "yes") != "no" else "media_ctx", _r["name"], "media",
         _r["country"])
for _r in _rows("armed_groups.csv"):
    for _s in [_r["name"], *_split(_r["aliases"])]:
        _add(_s, "group", _r["name"], _r["type"], _r["country"], None,
             tuple(_split(_r.get("requires"))))
_PEOPLE: dict[str, tuple[str, str | None]] = {}
for _r in _rows("people.csv"):
    _PEOPLE[_r["name"]] = (_r["country"] or None, _r["role"] or None)
    for _s in [_r["name"], *_split(_r["aliases"])]:
        _add(_s, "person", _r["name"], "person", _r["country"], _r["role"])


# bodies (ministries, councils, offices) and forces
_BODY: dict[str, tuple[str, str, str]] = {}  # head (lower) -> (template, type, generic word)
for _r in _rows("bodies.csv"):
    for _h in _split(_r["patterns"]):
        _BODY[match_text(_h).lower()] = (_r["canonical"], _r["type"], _r["generic"])
_FORCE: dict[str, tuple[str, str]] = {}
_COUNTED: set[str] = set()  # heads that name individuals after a count ("three Armenian soldiers")
for _r in _rows("forces.csv"):
    for _h in _split(_r["heads"]):
        _FORCE[_h.lower()] = (_r["canonical"], _r["type"])
        if _r.get("counted") == "yes":
            _COUNTED.add(_h.lower())
# one-word nouns for a state's soldiers ("troops", "servicemen"; not "units"), as figures read them
COUNTED_HEADS = frozenset(h for h in _COUNTED if " " not in h and h != "units")


_GENERIC_HEADS = {"ministry": "ministry", "ministries": "ministry", "council": "council",
                  # "the agency said" after "the UN refugee agency UNHCR"; "the service" after
                  # "the State Border Service"
                  "agency": "agency", "organisation": "organisation", "organization": "organisation",
                  "service": "service", "office": "office", "committee": "committee",
                  "commission": "commission", "mission": "mission", "infocenter": "infocenter",
                  # "the group said" after "Hamas", "Human Rights Watch"
                  "group": "group",
                  # "the monitor said" after "the Syrian Observatory for Human Rights"
                  "monitor": "monitor", "observatory": "observatory",
                  # "the rebels said" after "Houthi rebels": the armed group last named
                  "rebels": "armed", "militants": "armed", "insurgents": "armed", "militia": "armed",
                  "jihadists": "armed"}
# a town's or region's own authority (lexicon local_bodies.csv): "Mariupol's city council"
_LOCAL = {r["head"]: (r["suffix"], frozenset(_split(r["kinds"])), r["generic"]) for r in _rows("local_bodies.csv")}
# the ends of their names: such a body's place is still a place of what it reports
LOCAL_SUFFIXES = tuple(sorted({f" {suffix}" for suffix, _k, _g in _LOCAL.values()}))
# "the city council said": its heads refer back to the last such body named
_GENERIC_HEADS.update({h: g for h, (_s, _k, g) in _LOCAL.items() if " " in h})
_GENERIC_VALUES = frozenset(_GENERIC_HEADS.values())
# a generic head followed by these is a name of its own ("the office of the prime minister")
_NAMED_BY_OF = re.compile(r"\s+(?:of|for)\b")


def _build() -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    """Two automata: names over the lower-cased text, acronyms over the text as written.

    Acronyms must match their case exactly anyway, and in lower case "un", "us", "ra", "ap"
    hit inside every other word: scanning them case-sensitively saves most of the hits."""
    low, case = ahocorasick.Automaton(), ahocorasick.Automaton()
    by_case: dict[str, list[tuple]] = {}
    # heads of bodies ("defence ministry", "the ministry") are found in the same pass
    for h in [*_BODY, *_GENERIC_HEADS]:
        ent = (h, "bodyhead", h, "organisation", None, None, ())
        if len(h) <= 3:  # "MoD", "MFA": written as acronyms
            for v in {h.upper(), h[0].upper() + h[1] + h[2].upper()}:
                by_case.setdefault(v, []).append(ent)
        else:
            _ENTRIES.setdefault(h, []).append(ent)
    for k, v in _ENTRIES.items():
        rest = []
        for ent in v:
            if _is_acronym(ent[0]):
                by_case.setdefault(ent[0], []).append(ent)
            else:
                rest.append(ent)
        if rest:
            # only names written with capitals need the case check ("defence ministry" does not)
            low.add_word(k, (len(k), [(ent, ent[0] != ent[0].lower()) for ent in rest]))
    for k, v in by_case.items():
        case.add_word(k, (len(k), [(ent, False) for ent in v]))  # matched as written
    low.make_automaton()
    case.make_automaton()
    return low, case


_AUTO, _AUTO_CASE = _build()

def _alt(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_LOCAL_AFTER = re.compile(r"(?:'s|’s)?\s+(" + _alt(_LOCAL) + r")\b", re.I)
_LOCAL_BEFORE = re.compile(r"\b[Tt]he\s+(" + _alt(_LOCAL) + r")\s+(?:of|in)\s+$", re.I)
# "..., the city military administration said": the body of a town or region named just before
_LOCAL_BARE = re.compile(r"\b[Tt]he\s+(" + _alt(_LOCAL) + r")\b(?!\s+(?:of|in|for)\b|-)", re.I)
# the words that say what kind of unit a region's name is ("Donetsk Oblast"), as places reads them
_REGION_NAME_END = re.compile(r"\s+(?:" + "|".join(sorted(w.title() for w in _pl._SUFFIXES)) + r")$")
_BODY_AFTER = re.compile(r"(?:'s)?\s+(" + _alt(_BODY) + r")\b", re.I)
_BODY_BEFORE = re.compile(r"\b(" + _alt(_BODY) + r")(?:\s*\([^()]{1,40}\))?\s+of\s+(?:the\s+)?"
                          r"(?:[Rr]epublic\s+of\s+)?$", re.I)
# "the defence ministry in Yerevan", "the State Border Service of the Republic of Azerbaijan"
_BODY_IN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?(?:[Rr]epublic\s+of\s+)?")
# "five of its peacekeepers", "its own troops": the force of the sentence's first state
_ACCUSED_BEFORE = re.compile(r"\b(?:accus\w*|blam\w*|suspect\w*)\s+(?:the\s+)?$", re.I)
_OF_AFTER = re.compile(r"\s+(?:of|over|for)\b")
_RELATIVE_OPEN = re.compile(r",\s+(?:which|who)\s(?:[^,;:]|(?<=\d),(?=\d))*$")
_ITS_FORCE = re.compile(r"\b[Ii]ts\s+(?:own\s+)?(" + _alt(_FORCE) + r")\b")
# a count before a demonym: "three Armenian soldiers", "an Azerbaijani border guard"
_COUNT_WORD = (r"(?:\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|"
               r"thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|several|many|some|"
               r"few|dozens\s+of|hundreds\s+of|thousands\s+of|scores\s+of|more|other)|\d)")
_COUNT_BEFORE = re.compile(_COUNT_WORD + r"(?:-\w+)?\s+$", re.I)
# "49 of its soldiers": counted individuals
_COUNT_OF_BEFORE = re.compile(_COUNT_WORD + r"(?:-\w+)?\s+of\s+$", re.I)
# an office whose holder is a person: before a name it is the person's title, not the body
_HOLDER_END = re.compile(r"(?:ombudsman|ombudswoman|ombudsperson|human rights defender)$", re.I)
_BORDER_FORCE = re.compile(r"\s+border\s+(?:guard|troop|service|police)")  # "an Iranian border guard"
_NAME_NEXT = re.compile(rf"\s+[{_pl._UP}][\w'\-]+\s+[{_pl._UP}][\w'\-]+")
# a state named as the attacker ("fire from Armenian positions", "shelled by Azerbaijani forces")
_ATTACKER_BEFORE = re.compile(r"\b(?:from|by)\s+(?:the\s+)?$", re.I)
# the state whose attack it is ("Israel's war on Gaza", "Russia's invasion of Ukraine")
_ATTACK_OWNED = re.compile(r"(?:'s|’s)\s+(?:[\w-]+\s+)?(?:war|wars|attacks?|offensive|assault|bombardment|"
                           r"strikes?|invasion|shelling|aggression|campaign)\s+(?:on|against|in|of|into)\b", re.I)
# the state whose weapons did it ("Israeli strikes killed 40 people in Gaza, the health ministry
# said": not Israel's ministry)
_WEAPON_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?(?:air\s?strikes?|strikes?|shelling|bombardment|attacks?|missiles?|"
                           r"rockets?|drones?|artillery|bombs?|bombing|raids?|fire|gunfire|warplanes|jets)\b", re.I)
# a state that denies the claim ("a claim Yerevan rejected", "Baku denied")
_DENIER_AFTER = re.compile(r"\s+(?:has\s+|had\s+|swiftly\s+|quickly\s+|later\s+)?(?:denied|rejected|"
                           r"dismissed|refuted|denies|rejects|dismisses)\b")
_OWN_FORCES_AFTER = re.compile(r"(?:'s|’s)\s+(?:[Aa]rmed\s+[Ff]orces|[Aa]rmy|[Mm]ilitary)\b")
# "the general staff said Russia had lost 1,200 soldiers": a body reports the enemy's losses
_LOSER_AFTER = re.compile(r"\s+(?:has|had|have)\s+(?:now\s+|already\s+)?lost\b|(?:'s|’s)\s+losses\b")
_FORCE_AFTER = re.compile(r"(?:'s)?\s+(?:(?:own|regular|elite|special|combined|government)\s+)?("
                          + _alt(_FORCE) + r")\b", re.I)
_HEAD_WORD = re.compile(r"(?:'s)?\s+([^\W\d_]+)")
_NEXT_LOWER = re.compile(r"\s+([a-z]+)")  # "Russia's military aid": the word after a force head
_FORCE_ADJ_WORDS = frozenset({"own", "regular", "elite", "special", "combined", "government"})


def _first_word(head: str) -> str:
    return re.split(r"[\s\-']", head)[0]


_HEAD_FIRST = frozenset(_first_word(h) for h in [*_BODY, *_FORCE]) | _FORCE_ADJ_WORDS


def _by_first_word(heads, before: str) -> dict[str, re.Pattern]:
    """First word of a head -> ``before`` + the alternation of the heads that start with it.

    ``_BODY_AFTER`` and ``_FORCE_AFTER`` try their alternatives one by one; the word after a
    state (``_HEAD_WORD``) already tells which few can match (an alternative matches only
    where the text's next word is its first word), and keeping their order keeps the match."""
    words = {_first_word(h) for h in heads}
    return {w: re.compile(before + "(" + _alt([h for h in heads if _first_word(h) == w]) + r")\b", re.I)
            for w in words}


_BODY_AFTER_BY = _by_first_word(_BODY, r"(?:'s)?\s+")
_FORCE_AFTER_BY = _by_first_word(
    _FORCE, r"(?:'s)?\s+(?:(?:own|regular|elite|special|combined|government)\s+)?")
_FORCE_BEFORE = re.compile(r"\b(?:the\s+)?(armed\s+forces|army|military|air\s+force|navy|"
                           r"defen[cs]e\s+forces)\s+of\s+(?:the\s+)?$", re.I)
_BODY_BARE = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]heir|[Tt]he\s+country's)\s+(?:(two|both|three|several|"
                        r"respective)\s+)?$")
_LINKED_BARE = re.compile(r"\b[Tt]he\s+()?(?:(?![Tt]he\s)[\w'’ ]|\.(?!\s)){2,40}?-(?:linked|affiliated|allied|aligned|inspired|backed|"
                          r"supported|funded|based)\s+$")
_OF_END = re.compile(r"\bof\s+(?:the\s+)?(?:[Rr]epublic\s+of\s+)?$")
# "the rebels said", "the militants claimed": the plural words for an armed group refer back to
# it only as a source (as the subject of what happens they may be any group's fighters)
_SPEAKS_AFTER = re.compile(r"\s+(?:said|say|says|claimed|claim|claims|reported|report|reports|told|announced|"
                           r"added|stated|confirmed|denied|put)\b")
# where a body sits is no actor of the story ("the Britain-based Syrian Observatory")
_BASED_AFTER = re.compile(r"-(?:based|headquartered|registered)\b", re.IGNORECASE)
_NONACTOR_SUFFIX = frozenset({"era", "style", "speaking", "populated", "majority", "born", "made",
                              "language", "american", "americans", "era's", "type", "built"})
_NONACTOR_HEADS = frozenset(w.lower() for w in _words("nonactor_heads.txt"))
_TITLES = [w.lower() for w in _words("titles.txt")]
_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "miss", "sir", "madam"})
_TITLE_SET = frozenset(_TITLES)
_HEAD_TITLES = frozenset(w for w in _TITLES if " " not in w and "-" not in w)
_MULTI_TITLES = tuple(w for w in _TITLES if " " in w or "-" in w)
_TITLE_WORDS = frozenset(x for w in _TITLES for x in re.split(r"[\s-]+", w)) | frozenset(
    w for w in _TITLES if " " not in w)
_ROLE_WORDS = _TITLE_WORDS | frozenset(w.lower() for w in _words("role_words.txt"))
_RANKS = frozenset(_words("ranks.txt"))
# the words of titles that name an office ("commander-in-chief" gives "in" too: "born in 1990"
# names none)
_OFFICE_WORDS = _TITLE_WORDS - {"in", "of", "the", "to", "for", "and", "at", "on", "a", "an"}
_NOT_NAME = frozenset(w.lower() for w in _words("not_name_words.txt")) | _pl._STOP
_SPEECH = _words("speech_verbs.txt")
_SPEECH_RX = "|".join(map(re.escape, sorted(_SPEECH, key=len, reverse=True)))
_SAID_AFTER = re.compile(r",?\s+(?:(?:also|later|earlier|then|has|had|have|was|is|previously|"
                         r"recently|reportedly|again)\s+)*(?:" + _SPEECH_RX + r")\b")
_SAID_BEFORE = re.compile(r"\b(?:" + _SPEECH_RX + r"|according\s+to)\s+$")
# "Anush Sargsyan, 54, a nurse at the hospital, said": an age or an "a/an ..." apposition set off
# by commas before a speech verb (what a reporter writes of a witness)
_WITNESS_AFTER = re.compile(r",\s+(?:(?P<age>\d{1,3})|an?\s+(?P<what>[a-z][^,;.:\"“”()]{1,60}?))"
                            r"(?:,\s+an?\s+(?P<what2>[a-z][^,;.:\"“”()]{1,60}?))?,\s+(?:" + _SPEECH_RX + r")\b")
_SAID_LAST = frozenset(w.split()[-1] for w in _SPEECH) | {"to"}


def _said_before(t: str, s: int) -> bool:
    """``_SAID_BEFORE`` on the 30 characters before ``s``; the last word is tested first (the
    regex alone tries its whole alternation at every position)."""
    win = t[max(0, s - 30):s]
    if not win[-1:].isspace() or win.rsplit(None, 1)[-1:] == [] or win.split()[-1] not in _SAID_LAST:
        return False
    return bool(_SAID_BEFORE.search(win))
# (closed by a comma, or by the sentence's end: '..., said Stephen Goose, arms division director
# at Human Rights Watch.')
_APPOS = re.compile(r",\s+([^,.;:\"“”()]{3,90}?)(?:,|\.(?=\s|$))")
_FORCE_ADJ = frozenset(w.lower() for w in _words("force_adjective_nouns.txt"))
# Caucasus/Slavic surname endings, for str.endswith (a regex "(?:...)$" search tries every
# position of the word; the words tested are name tokens, without a newline before the end)
_SURNAME_ENDINGS = ("yan", "ian", "ov", "ova", "ev", "eva", "yev", "yeva", "li", "lu", "shvili", "dze",
                    "enko", "sky", "skiy", "skaya", "ski", "zadeh", "oglu", "oğlu")
_UP = _pl._UP
_LOW = "a-zà-ÿā-žəığşçüöé"
# A name word; after a hyphen a capital may start a part of its own ("Al-Sharaa", "Jean-Pierre").
# (a capital may also open a second part glued to the first: "ElSayed", "McDonald", "DeSantis")
_TOK = rf"[{_UP}][{_LOW}'\-]*[{_LOW}](?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}'\-]*[{_LOW}])*"
# Arabic names carry lower-case particles: "Yahya al-Sinwar", "Abdel Fattah el-Sisi", "Mohammed
# bin Salman". A particle word is glued to the name word after it (_JOINED).
_PARTICLE_PREFIX = rf"(?:{'|'.join(_pl.ARABIC_ARTICLES)})-"
_PARTICLE_WORDS = ("bin", "bint", "ibn")
_JOINED = frozenset(_PARTICLE_WORDS)
_NAME_WORD = rf"(?:{_TOK}|{_PARTICLE_PREFIX}{_TOK}|(?:{'|'.join(_PARTICLE_WORDS)}) {_TOK})"
# match_text turned whitespace into " ". A run starts with a whole word followed by " " and a
# capital (or a particle): the look-ahead tests that without backtracking, so that the many
# capitalised words that stand alone fail at once instead of backtracking through their letters
# (~35% less CPU for the scan); it comes after the first capital, so that the search still
# skips to capitals in C. The matches are those of _TOK(?: _NAME_WORD)+.
_CAPRUN = re.compile(
    rf"[{_UP}](?=[{_LOW}'\-]*+(?:[{_UP}][{_LOW}'\-]*+)* (?:[{_UP}]|{_PARTICLE_PREFIX}[{_UP}]|"
    rf"(?:{'|'.join(_PARTICLE_WORDS)}) [{_UP}]))"
    rf"[{_LOW}'\-]*[{_LOW}](?:[{_UP}][{_LOW}]+)?(?:-[{_UP}][{_LOW}'\-]*[{_LOW}])*(?: {_NAME_WORD})+")

_WORD = re.compile(r"[\w'\-.]+")


def _rec(text: str, s: int, e: int, name: str, typ: str, country: str | None,
         role: str | None = None) -> dict[str, Any]:
    return {"start": s, "end": e, "surface": text[s:e], "name": name, "type": typ,
            "country": country, "role": role}


@functools.lru_cache(maxsize=4096)
def _case_ok(key_surface: str, surf: str) -> bool:
    if _is_acronym(key_surface):
        return surf == key_surface or surf.replace(".", "") == key_surface.replace(".", "")
    if key_surface[:1].isupper():
        if not surf[:1].isupper():
            return False
        # every capitalised word of a name must be capitalised in the text too
        for a, b in zip(key_surface.split(" "), surf.split(" ")):
            if a[:1].isupper() and not b[:1].isupper():
                return False
    return True


def _iter_hits(low: str, t: str):
    return itertools.chain(_AUTO.iter(low), _AUTO_CASE.iter(t))


def _lower(t: str) -> str:
    low = t.lower()
    if len(low) != len(t):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in t)
    return low


# --------------------------------------------------------------------------- main entry
def _cue_automaton() -> ahocorasick.Automaton:
    """One automaton (lower case) for the words that open the scans of named bodies, offices
    that speak and bare local bodies: one C pass per article instead of a str.find per word."""
    auto = ahocorasick.Automaton()
    for h in _ORG_HEADS:
        auto.add_word(h.lower(), ("org", len(h)))
    for w in _BACK_OFFICES:
        auto.add_word(w, ("office", len(w)))
    for h in _LOCAL:
        auto.add_word(h, ("local", len(h)))
    auto.make_automaton()
    return auto


def _cues(low: str) -> dict[str, list[tuple[int, int]]]:
    """``(start, end)`` of the cue words in the lower-cased text, by kind."""
    out: dict[str, list[tuple[int, int]]] = {"org": [], "office": [], "local": []}
    for end, (kind, ln) in _CUES.iter(low):
        out[kind].append((end - ln + 1, end + 1))
    return out


def find_actors(text: str, sents: list[tuple[int, int]] | None = None,
                places: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Actor mentions in ``text``.

    Parameters
    ----------
    text : str
        Clean article body.
    sents : list of (int, int), optional
        Sentence spans (used to bound role phrases).
    places : list of dict, optional
        Place records of the same text; a name that is a place is not taken for a person.

    Returns
    -------
    list of dict
        Records ``start, end, surface, name, type, country, role`` in text order.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if not text:
        return []
    places = places or []
    t = match_text(text)
    low = _lower(t)
    n = len(t)
    raw = []
    context: dict[tuple, bool] = {}  # "requires" words of lexicon aliases, found once per text
    for end, (klen, entries) in _iter_hits(low, t):
        s, e = end - klen + 1, end + 1
        if (s > 0 and (t[s - 1].isalnum() or (t[s - 1] in "@/" and not _SLASHED.match(t, e)))) or (
                e < n and t[e].isalnum()):
            continue  # inside a word, a handle or a URL; "/ARMENPRESS/" datelines are fine
        surf = t[s:e]
        # "CSP-DPA": an acronym inside a longer one, not the news agency DPA ("US-UK strikes"
        # name two states)
        glued = surf.isupper() and ((s > 1 and t[s - 1] == "-" and t[s - 2].isupper()) or (
            e + 1 < n and t[e] == "-" and t[e + 1].isupper()))
        for ent, chk in entries:
            if glued and ent[1] in ("media", "media_ctx"):
                continue
            # a name written as listed passes the case check (most hits: no call then)
            if not chk or surf == ent[0] or _case_ok(ent[0], surf):
                if ent[6]:
                    if ent[6] not in context:
                        context[ent[6]] = any(w in low for w in ent[6])
                    if not context[ent[6]]:
                        continue
                raw.append((s, e, ent))
                break
    _pl._sort_start_longest(raw)
    raw = _heads_not_inside_names(raw)
    # "Defence Minister Israel Katz", "Jordan Bardella said": a state's name as a first name
    hits = [h for h in _longest(raw) if not (h[2][1] in ("state", "capital") and " " not in h[2][0]
                                             and _pl.first_name_of_person(t, h[0], h[1]))]

    out: list[dict[str, Any]] = []
    heads = [(s, e) for s, e, ent in hits if ent[1] == "bodyhead"]
    caps = [(s, e) for s, e, ent in hits if ent[1] == "capital"]
    flags = dict(zip(caps, metonym_flags(t, caps)))
    place_spans = {(p["start"], p["end"]) for p in places}
    # "the Republic of Azerbaijan": a country's long form names the same state, so the state's
    # name inside it stays a state ("Guinea" inside "Guinea-Bissau" does not)
    long_forms = {(p["start"], p["end"], p["name"]) for p in places if p.get("kind") == "country"}
    # "Somalia's capital": the city, and still the state named
    long_forms.update((p["start"], p["end"], _pl.state_by_name(p["surface"].split("'")[0].split("’")[0]) or "")
                      for p in places if p["surface"].endswith(("capital", "capital city")))
    place_ivs = sorted(place_spans)
    place_starts = [a for a, _b in place_ivs]
    # "in Niger and Kaduna states": a state's name that the places step read as a region's
    regions = {(p["start"], p["end"]) for p in places if p.get("kind") == "region"}
    state_hits = []  # (s, e, state name) for compositional phrases
    stamps = None  # the dateline stamps, found at the first state name
    persons = []
    foreign = []  # bare surnames of known people that are part of someone else's name
    for s, e, ent in hits:
        _surf, kind, name, typ, country, role, _req = ent
        if kind == "bodyhead":
            continue
        if kind == "media_ctx":
            # (the original text: the end of a dateline's line is a line end there, not in t)
            if t[s:e] != _surf or not (_AGENCY_BEFORE.search(t, max(0, s - 12), s)
                                       or _AGENCY_AFTER.match(text, e)):
                continue
            kind = "media"
        if kind == "capital":
            if flags.get((s, e)) and (s, e) not in place_spans:
                out.append(_rec(text, s, e, name, typ, country))
                state_hits.append((s, e, name, "capital"))
            continue
        if kind == "demonym":
            state_hits.append((s, e, name, "demonym"))
            prev = low[max(0, s - 7):s]
            nxt = _NEXT_LOW_WORD.match(low, e, e + 30)
            if prev.endswith(("ethnic ", "post-", "pro-", "anti-", "non-")) or (
                    nxt and nxt.group(1) in _NONACTOR_HEADS and not _BORDER_FORCE.match(low, e)) or (
                    low[e:e + 1] == "-" and nxt and nxt.group(1) in _NONACTOR_SUFFIX):
                continue
            out.append(_rec(text, s, e, name, typ, country))
            continue
        if kind == "state":
            if stamps is None:
                stamps = datelines(text)
            if any(a <= s and e <= b for a, b in stamps):
                continue  # "GRANADA, Spain, Oct 5 (Reuters) -" says where, not who
            if place_starts and _inside_longer_place(place_starts, place_ivs, s, e) and not any(
                    a <= s and e <= b and nm == name for a, b, nm in long_forms):
                continue  # "Port Sudan", "Guinea-Bissau": the state's name inside a place's
            if (s, e) in regions:
                continue
            if _pl.landmark_after(t, e) or (t[e:e + 1] == "-" and _BASED_AFTER.match(t, e)):
                continue  # "the Kuwait roundabout": a landmark's name; "the UK-based monitor"
            state_hits.append((s, e, name, "state"))
        if kind == "person":
            # a bare surname followed by another capitalised word belongs to someone else
            if " " not in _surf:
                nw = _NEXT_CAP_CHAR.match(t, e, e + 3)
                pw = _PREV_CAP_WORD.search(t, max(0, s - 25), s)
                if nw or (pw and not _qualifier_word(pw.group(0).strip()) and not (
                        # "Meanwhile Aliyev said"; but "Emin Aliyev said" opens with a first name
                        _pl._sentence_start(t, s - len(pw.group(0)))
                        and pw.group(0).strip().lower() in _pl._STOP)):
                    # someone else's name: the pattern finder may read it whole ("Private Ravil Aliyev")
                    foreign.append((s, e))
                    continue
            # a role written before the name, else the lexicon's, else an apposition after it
            role = _unranked(t, s, e, _role_before(t, s, text), text)
            lex_role = _PEOPLE.get(name, (None, None))[1]
            if not role and not lex_role:
                # an apposition, when the lexicon gives none (its "Foreign Minister of Armenia"
                # says more than "the foreign minister, Ararat Mirzoyan,")
                role = _role_set_off(t, s, text, e) or (_role_after(t, e) if " " in _surf else None)
            elif not role:
                # ... unless the apposition names another office, one held before or after the
                # lexicon's ("The parliament speaker, Ararat Mirzoyan," in 2020)
                role = _role_set_off(t, s, text, e)
                if role is not None and (not _offices(role) or _offices(role) & _offices(lex_role)):
                    role = None
            persons.append([s, e, name, country, role or None])
            continue
        if kind == "group" and _HOLDER_END.search(_surf) and _NAME_NEXT.match(t, e):
            continue  # "Karabakh's human rights ombudsman Gegham Stepanyan": a title
        if kind == "group" and " " not in _surf and _surname_of_person(t, s):
            foreign.append((s, e))  # "Therese Kayikwamba Wagner": a surname, not the Wagner Group
            continue
        rec = _rec(text, s, e, name, typ, country)
        if kind == "media":
            rec["role"] = _media_role(t, s, e)
        out.append(rec)

    if sents is None:
        from data.extract.sentences import split_sentences
        sents = split_sentences(text)
    sent_starts = [a for a, _b in sents]
    bodies = _compose(text, t, state_hits, out)
    bodies += _its_forces(text, t, sents, sent_starts, state_hits, bodies)
    bodies += _bare_forces(text, t, sents, sent_starts, state_hits, bodies)
    local = _local_bodies(text, t, places)
    bodies += local
    cues = _cues(low)
    bodies += _bare_local_bodies(text, t, sorted(places, key=_START_END), sents, sent_starts, local, cues["local"])
    if bodies:
        # "the Palestinian Red Crescent" is the national society, not the federation of them all
        occ = _pl.Occupancy((b["start"], b["end"]) for b in bodies)
        out = [r for r in out if r["type"] != "international_org" or not occ.contains(r["start"], r["end"])]
    out += bodies
    # states and capitals by start, capitals read as places included ("the ministry in Yerevan")
    loc = {s: ent[2] for s, e, ent in hits if ent[1] in ("state", "capital") and ent[2] in STATES}
    media_at = {r["start"]: r["country"] for r in out if r["type"] == "media" and r["country"]}
    # a lexicon body ("Gaza Health Ministry") is referred back to like a composed one
    referable = bodies + [r for r in out if (r["type"] == "organisation" and _generic_of(r["name"]))
                          or r["name"] in _IO_GENERICS or r["type"] == "armed_group"]
    # the countries of the towns and regions named (not of countries, which state_hits hold)
    # (not a dateline's: "TBILISI/ANKARA (Reuters) -" says where the reporters are)
    place_states = []
    if places:
        if stamps is None:
            stamps = datelines(text)
        place_states = sorted((p["start"], _pl.STATE_OF_CODE[p["country"]]) for p in places
                              if p.get("kind") not in ("country", "border") and p.get("country") in _pl.STATE_OF_CODE
                              and not any(a <= p["start"] and p["end"] <= b for a, b in stamps))
    out += _bare_bodies(text, t, heads, referable, state_hits, sents, sent_starts, loc, media_at, place_states)
    taken = [(s, e) for s, e, ent in hits if ent[1] != "bodyhead" and (s, e) not in foreign] + [
        (b["start"], b["end"]) for b in bodies]
    groups = _named_groups(text, t, taken, place_spans)
    out += groups
    taken += [(g["start"], g["end"]) for g in groups]
    # (a demonym may be a word of the name: "the Ethiopian Human Rights Commission")
    demonyms = {(a, b) for a, b, _n, kind in state_hits if kind == "demonym"}
    named = _named_bodies(text, t, cues["org"], _pl.Occupancy([x for x in taken if x not in demonyms] + list(place_spans)
                                                 + [(p[0], p[1]) for p in persons]))
    out += named
    taken += [(g["start"], g["end"]) for g in named]
    persons += _pattern_persons(text, t, taken, place_spans, places, persons)
    out += _person_records(text, t, persons, cues["office"])
    out = _lexicon_body_over_composed(out)
    out.sort(key=_START_END)
    # drop exact duplicates (keys built by a C-level getter: cheaper than a tuple per loop)
    seen = set()
    res = []
    for k, r in zip(map(_SPAN_NAME, out), out):
        if k not in seen:
            seen.add(k)
            res.append(r)
    return _acronyms_of_named(res)


def _lexicon_body_over_composed(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``recs`` without a composed body ("Palestinian Ministry of Health" -> "Ministry of Health of
    Palestine") that overlaps a body the lexicon names ("Ministry of Health in Gaza" -> "Gaza
    Health Ministry"): one mention, "the Palestinian Ministry of Health in Gaza", is one body,
    and the lexicon's is the one meant."""
    lex = [(r["start"], r["end"]) for r in recs if r["type"] == "organisation" and _template_of(r["name"]) is None]
    if not lex:
        return recs
    return [r for r in recs if not (r["type"] == "organisation" and _template_of(r["name"]) is not None
                                    and any(a < r["end"] and r["start"] < b and (a, b) != (r["start"], r["end"])
                                            for a, b in lex))]


def _local_bodies(text: str, t: str, places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A town's or region's own authority: "Mariupol's city council", "the Donetsk regional
    administration", "the city council of Mariupol" (lexicon ``local_bodies.csv``), named after
    the place's canonical name ("Mariupol City Council", "Donetsk Regional Administration")."""
    res = []
    for p in places:
        kind, name = p.get("kind"), p.get("name")
        if not name or kind not in ("city", "village", "region"):
            continue
        s, e = p["start"], p["end"]
        m = _LOCAL_AFTER.match(t, e)
        if m is not None:
            start, end = s, m.end()
        else:
            # (the cheap test first: most places follow neither "of" nor "in")
            m = _LOCAL_BEFORE.search(t, max(0, s - 50), s) if t[s - 4:s] in (" of ", " in ") else None
            if m is None:
                continue
            start, end = m.start(1), e
        head = " ".join(m.group(1).lower().replace("’", "'").split())
        suffix, kinds, _g = _LOCAL[head]
        if kind not in kinds:
            continue
        res.append(_rec(text, start, end, f"{_REGION_NAME_END.sub('', name)} {suffix}", "organisation",
                        p.get("country")))
    return res


def _bare_local_bodies(text: str, t: str, places: list[dict[str, Any]], sents, sent_starts,
                       named: list[dict[str, Any]], heads_at: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """"... in Zaporizhzhia, the city military administration said": a local body written without
    its place is the body of the last town (or region, by its head) named in its sentence or the
    one before; a city named like its region ("Kharkiv", "Kherson") stands for the region when
    the body is a regional one. ``named`` (the bodies written with their place) are not read
    again."""
    if not places:
        return []
    # (``heads_at``: where the automaton found a head phrase; the alternation run over every
    # article cost more)
    starts = [i - 4 for i, _j in heads_at if t[i - 4:i] in ("the ", "The ")]
    if not starts:
        return []
    res = []
    taken = {(b["start"], b["end"]) for b in named}
    for m in filter(None, (_LOCAL_BARE.match(t, a) for a in sorted(set(starts)))):
        s, e = m.span()
        if any(a <= s < b for a, b in taken):
            continue
        suffix, kinds, _g = _LOCAL[" ".join(m.group(1).lower().replace("’", "'").split())]
        i = bisect.bisect_right(sent_starts, s) - 1
        floor = sents[i - 1][0] if i > 0 else 0
        found = None
        for p in reversed(places):
            if p["end"] > s:
                continue
            if p["start"] < floor:
                break
            kind, name = p.get("kind"), p.get("name")
            if not name:
                continue
            if kind in kinds:
                found = (name, p.get("country"))
                break
            if kind == "city" and "region" in kinds and p.get("country"):
                reg = _pl._lookup_kind(f"{name} Region", (p["country"],), "region")
                if reg is not None and reg.country == p["country"]:
                    found = (reg.name, p["country"])
                    break
        if found is None:
            continue
        res.append(_rec(text, m.start(1), e, f"{_REGION_NAME_END.sub('', found[0])} {suffix}", "organisation",
                        found[1]))
    return res


def _inside_longer_place(starts: list[int], ivs: list[tuple[int, int]], s: int, e: int) -> bool:
    """True when a place span of ``ivs`` (sorted; ``starts`` their starts) holds ``[s, e)`` and
    is longer."""
    i = bisect.bisect_right(starts, s)
    for a, b in ivs[max(0, i - 3):i]:
        if a <= s and b >= e and b - a > e - s:
            return True
    return False


def _heads_not_inside_names(raw: list[tuple]) -> list[tuple]:
    """``raw`` (sorted by start) without the body heads that start inside a named actor: in "the
    Artsakh Ombudsman's office" the office is the named body's, not a "Human Rights Defender" to
    compose with a state (the longer head would otherwise hide the name)."""
    out = []
    reach = -1  # the end of the named actors that started before the current hit
    reach_start = -1
    for h in raw:
        if h[2][1] == "bodyhead":
            if reach_start < h[0] < reach:
                continue
        elif h[1] > reach:
            reach, reach_start = h[1], h[0]
        out.append(h)
    return out


_INITIALS_SKIP = frozenset(("of", "the", "and", "for", "in", "on", "de", "du", "des", "la", "le", "al"))


@functools.lru_cache(maxsize=65536)
def _initials(name: str) -> str:
    """Upper-case initials of a name's words, small link words skipped ("Islamic State of Iraq
    and the Levant" -> "ISIL"; hyphenated parts count: "Agence France-Presse" -> "AFP")."""
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in _INITIALS_SKIP).upper()


def _acronyms_of_named(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Point a lexicon acronym at the actor the article names in full with those initials.

    The same letters name different bodies ("RSF": Reporters Without Borders, or Sudan's Rapid
    Support Forces); an article spells out the one it means, usually before the short form. An
    acronym of three or more letters whose own body the text never names in full takes the
    name, type and country of an actor written out in the same text whose initials it is.
    """
    acros, written, named = [], [], set()
    for r in recs:  # one pass; str.isupper (C) first, as acronyms are few
        sf = r["surface"]
        if sf.isupper() and _is_acronym(sf):
            if len(sf) >= 3:
                acros.append(r)
        else:
            written.append(r)
            named.add(r["name"])
    acros = [r for r in acros if r["name"] not in named]
    if not acros:
        return recs  # no acronym whose own body goes unnamed
    want = {r["surface"].replace(".", "").upper() for r in acros}
    by_initials: dict[str, dict[str, Any]] = {}
    for r in written:
        if r["type"] == "person":
            continue
        for full in (r["name"], r["surface"]):
            # three initials need three words (or hyphenated parts): most names are one word
            if full.count(" ") + full.count("-") >= 2:
                key = _initials(full)
                if key in want:
                    by_initials.setdefault(key, r)
    for r in acros:
        full = by_initials.get(r["surface"].replace(".", "").upper())
        if full is not None and full["name"] != r["name"]:
            r["name"], r["type"], r["country"] = full["name"], full["type"], full["country"]
    return recs


_START_END = itemgetter("start", "end")
_SPAN_NAME = itemgetter("start", "end", "name")


_MEDIA_BEFORE = re.compile(r"((?:[\w.]+'s|[A-Z][\w.-]*)\s+(?:(?:state-run|state-owned|state|private|"
                           r"independent|official|pro-government|pro-Kremlin|opposition|"
                           r"government-run|leading|major|main)\s+)*)$")
_MEDIA_AFTER = re.compile(r"\s+(news\s+agency|agency|newspaper|daily|television|TV|broadcaster|"
                          r"news\s+website|website|radio)\b")


_MEDIA_TAIL = re.compile(r"\s(news\s+agency|agency|newspaper|daily|television|TV)$")


def _media_role(t: str, s: int, e: int) -> str | None:
    """'the Russian state-run TASS news agency' -> 'Russian state-run news agency'."""
    a = _MEDIA_AFTER.match(t, e) or _MEDIA_TAIL.search(t, s, e)  # "Anadolu news agency"
    if not a:
        return None  # cheap test first: most media names stand alone
    m = _MEDIA_BEFORE.search(t, max(0, s - 60), s)
    if not m:
        return None
    first = m.group(1).split()[0]
    base = first[:-2] if first.endswith("'s") else first
    if base not in DEMONYMS and base not in _STATE_SURF:
        return None
    return re.sub(r"\s+", " ", m.group(1) + a.group(1))


# --------------------------------------------------------------------------- bodies and forces
def _compose(text, t, state_hits, out) -> list[dict[str, Any]]:
    res = []
    for s, e, st, kind in state_hits:
        iso = STATES.get(st)
        if iso is None:
            continue
        if kind == "demonym" and t[max(0, s - 7):s].lower() == "ethnic ":
            continue  # "1,221 ethnic Armenian soldiers": a people, not the state's force
        # "Armenia's Defence Ministry", "the Armenian security council"
        if kind in ("state", "demonym", "capital"):
            # cheap test first: the next word must be able to start a body or force phrase
            nw = _HEAD_WORD.match(t, e)
            w = nw.group(1).lower() if nw else None
            if w in _HEAD_FIRST:
                bx = _BODY_AFTER_BY.get(w)
                m = bx.match(t, e) if bx else None
                # after "own", "special"...: the head comes one word later, any head may follow
                fx = _FORCE_AFTER if w in _FORCE_ADJ_WORDS else _FORCE_AFTER_BY.get(w)
                f = fx.match(t, e) if fx else None
            else:
                m = f = None
            # "U.S. State Department", "UK Foreign Office": an acronym needs no "'s"
            acro = bool(m or f) and _is_acronym(t[s:e])
            # "Azerbaijan Army", "Armenia Defense Ministry": a state name before a title-case head
            if m and (kind == "demonym" or acro or m.group(0).startswith("'s")
                      or (kind == "state" and t[m.start(1)].isupper())):
                head = " ".join(m.group(1).lower().split())
                tpl, typ, _g = _BODY[head]
                if not (_HOLDER_END.search(head) and _NAME_NEXT.match(t, m.end())):
                    res.append(_rec(text, s, m.end(), tpl.format(state=st), typ, iso))
            if f and (kind == "demonym" or acro or f.group(0).startswith("'s")
                      or (kind == "state" and t[f.start(1)].isupper())):
                head = " ".join(f.group(1).lower().split())
                if head in _COUNTED and _COUNT_BEFORE.search(t, max(0, s - 25), s):
                    continue  # "three Armenian soldiers": the state's side, not the force
                nxt = _NEXT_LOWER.match(t, f.end(), f.end() + 30)
                if head in ("military", "army", "navy") and nxt and nxt.group(1) in _FORCE_ADJ:
                    continue  # "Russia's military aid": an adjective, not the force
                tpl, typ = _FORCE[head]
                dem = _DEM_OF_STATE.get(st, st)
                res.append(_rec(text, s, f.end(), tpl.format(state=st, demonym=dem), typ, iso))
        if kind == "state":
            win = t[max(0, s - 80):s]
            if not _OF_END.search(win[-20:]):
                continue
            m = _BODY_BEFORE.search(win)
            if m:
                head = " ".join(m.group(1).lower().split())
                tpl, typ, _g = _BODY[head]
                bs = s - len(win) + m.start()
                end = e
                own = _OWN_FORCES_AFTER.match(t, e)
                if own:
                    # "the General Staff of Ukraine's Armed Forces": the body, not the forces
                    end = own.end()
                    res = [r for r in res if not (r["type"] == "armed_force" and r["start"] == s)]
                res.append(_rec(text, bs, end, tpl.format(state=st), typ, iso))
            f = _FORCE_BEFORE.search(win)
            if f:
                bs = s - len(win) + f.start(1)
                res.append(_rec(text, bs, e, f"Armed Forces of {st}", "armed_force", iso))
    # "Armenian and Azerbaijani forces": the first demonym shares the second one's head
    by_start = {r["start"]: r for r in res if r["type"] == "armed_force"}
    for (s1, e1, st1, k1), (s2, e2, st2, k2) in zip(state_hits, state_hits[1:]):
        if k1 == k2 == "demonym" and st1 in STATES and s2 in by_start \
                and t[e1:s2] in (" and ", " or ", ", ", ", and "):
            r2 = by_start[s2]
            dem1 = _DEM_OF_STATE.get(st1, st1)
            name = r2["name"].replace(st2, st1).replace(_DEM_OF_STATE.get(st2, st2), dem1)
            res.append(_rec(text, s1, e1, name, r2["type"], STATES[st1]))
    return res


_SENTENCE_REACH = 600


def _sentence_of(sents, sent_starts, pos: int) -> tuple[int, int]:
    """The sentence holding ``pos``, clipped to ``_SENTENCE_REACH`` characters either side:
    text without sentence ends (a run-on paste, a table) must not make every look-up scan it all."""
    i = bisect.bisect_right(sent_starts, pos) - 1
    a, b = sents[i] if i >= 0 else (0, pos)
    return max(a, pos - _SENTENCE_REACH), min(b, pos + _SENTENCE_REACH)


def _find_all(t: str, words) -> list[int]:
    """Start offsets of each of ``words`` in ``t`` (str.find runs in C; a regex scan with a
    leading word boundary does not skip ahead)."""
    out = []
    for w in words:
        i = t.find(w)
        while i >= 0:
            out.append(i)
            i = t.find(w, i + 1)
    out.sort()
    return out


def _its_forces(text, t, sents, sent_starts, state_hits, bodies) -> list[dict[str, Any]]:
    """'Russia said five of its peacekeepers were killed': the force of the first state named in
    the sentence before the pronoun (the subject the pronoun refers back to)."""
    res = []
    if not state_hits:
        return res
    st_starts = [h[0] for h in state_hits]
    phrase_end: dict[int, int] = {}
    for r in bodies:
        phrase_end[r["start"]] = max(phrase_end.get(r["start"], 0), r["end"])
    for pos in _find_all(t, (" its ", "Its ")):
        if t[pos] == " ":
            pos += 1
        m = _ITS_FORCE.match(t, pos)
        if not m:
            continue
        a, _b = _sentence_of(sents, sent_starts, m.start())
        i = bisect.bisect_left(st_starts, a)
        if i >= len(state_hits) or state_hits[i][0] >= m.start():
            continue
        if _RELATIVE_OPEN.search(t, a, state_hits[i][0]):
            # "The ATMIS mission, which has 19,000 troops in Somalia, said its forces": a state in
            # the subject's relative clause owns nothing after it
            continue
        st = state_hits[i][2]
        # "Armenia accused Azerbaijan of moving its troops": the accused owns the pronoun;
        # "..., while the Azerbaijani army said its units": the last speaker before it does
        j = i
        while j < len(state_hits) and state_hits[j][0] < m.start():
            hs, he = state_hits[j][0], state_hits[j][1]
            if j > i and _ACCUSED_BEFORE.search(t, max(0, hs - 20), hs) and _OF_AFTER.match(t, he):
                st = state_hits[j][2]
            elif j > i:
                x = phrase_end.get(hs, he)  # after "Azerbaijani army", "Russia's defence ministry"
                if _pl._verb_after(t[x:x + 60]) and x < m.start():
                    st = state_hits[j][2]
            j += 1
        if st not in STATES:
            continue
        head = " ".join(m.group(1).lower().split())
        if head in _COUNTED and _COUNT_OF_BEFORE.search(t, max(0, m.start() - 30), m.start()):
            continue  # "49 of its soldiers had been killed": the state's casualties
        tpl, typ = _FORCE[head]
        dem = _DEM_OF_STATE.get(st, st)
        res.append(_rec(text, m.start(), m.end(), tpl.format(state=st, demonym=dem), typ, STATES[st]))
    return res


_DATELINE = re.compile(r"\s*([A-Z][A-Z.'’\- ]{2,30}(?:/[A-Z][A-Z.'’\- ]{2,30})*)(?:,|\s*\(|\s+[-–—])")

_DATELINE_TITLE = re.compile(r"[ \t]*([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?),\s+(?:\d{1,2}\s+)?(?:January|February|March|"
                             r"April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|"
                             r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
_DATELINE_COUNTRY = re.compile(r"\s*([A-Z][\w'.]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'.]*)*)\s*(?:\(|[-–—]|,)")


_BARE_FORCE_WORDS = ("the military", "The military", "the army", "The army", "the armed forces",
                     "The armed forces")
# a bare force or body speaks: "..., the military said", "The army later reported"
# (or speaks with others: "the army and local officials said"; or accuses: "The army blamed the RSF")
_SPEAKS_AFTER = re.compile(r"(?:\s+and\s+(?:\w+\s+){0,2}(?:officials|police|authorities|residents|witnesses|"
                           r"medics|sources))?\s+(?:also\s+|later\s+|earlier\s+)?(?:said|says|reported|reports|"
                           r"told|added|announced|confirmed|denied|stated|informed|informs|accused|accuses|"
                           r"blamed|blames)\b")
_NAMES_AFTER = re.compile(r"(?:\s+[A-Z][\w'’.-]*){1,5}")


def _speaks_through(t: str, e: int) -> bool:
    """The body ending at ``e`` speaks, itself or through its officer named after it ("The
    Security Council Secretary Armen Grigoryan said")."""
    if _SPEAKS_AFTER.match(t, e):
        return True
    m = _NAMES_AFTER.match(t, e)
    return m is not None and _SPEAKS_AFTER.match(t, m.end()) is not None


_ARMED_FORCES_OF = "Armed Forces of "
_SOLDIERS_AFTER = re.compile(r"\s+(?:soldiers?|troops|servicem[ae]n|service\s+members?|forces|army|military|"
                             r"officers?|reservists?|conscripts?|border\s+guards?|positions)\b")
_FORCE_REACH = 2000  # characters back to the force a bare "the military" refers to


def _bare_forces(text, t, sents, sent_starts, state_hits, bodies) -> list[dict[str, Any]]:
    """'Two Israeli soldiers were killed, the military said': a bare "the military" / "the
    army" that speaks is the state's armed forces named last before it, else those of the one
    state the sentence names, else of the dateline's state."""
    if "military" not in t and "army" not in t and "armed forces" not in t:
        return []
    res = []
    forces = sorted((b for b in bodies if b["type"] == "armed_force" and b["name"].startswith(_ARMED_FORCES_OF)),
                    key=itemgetter("end"))
    st_starts = [h[0] for h in state_hits]
    for pos in _find_all(t, _BARE_FORCE_WORDS):
        e = pos + len(next(w for w in _BARE_FORCE_WORDS if t.startswith(w, pos)))
        if not _SPEAKS_AFTER.match(t, e):
            continue
        before = [f for f in forces if f["end"] <= pos and pos - f["end"] <= _FORCE_REACH]
        if before:
            f = before[-1]
            res.append(_rec(text, pos, e, f["name"], f["type"], f["country"]))
            continue
        # the sides the sentence names by demonym ("Two Israeli soldiers were killed in southern
        # Lebanon": the country after "in" is where, not whose)
        a, b = _sentence_of(sents, sent_starts, pos)
        i = bisect.bisect_left(st_starts, a)
        sts = set()
        while i < len(state_hits) and state_hits[i][0] < b:
            hs, he, hst, hkind = state_hits[i]
            if hkind == "demonym" and hst in STATES and _SOLDIERS_AFTER.match(t, he):
                sts.add(hst)  # "two Israeli soldiers", not "a Saudi television channel"
            i += 1
        # (two sides named and none before: no guess, whatever the dateline)
        st = sts.pop() if len(sts) == 1 else None if sts else _dateline_state(text)
        if st is not None:
            res.append(_rec(text, pos, e, f"{_ARMED_FORCES_OF}{st}", "armed_force", STATES[st]))
    return res


@functools.lru_cache(maxsize=8)  # asked once per bare body or force of the same article
def _dateline_state(t: str) -> str | None:
    """The state of a one-place dateline ("YEREVAN, Armenia -", "BAKU (Reuters) -", "Baku,
    September 14, AZERTAC") that opens the text or one of its first lines (after a headline),
    else None. ``t`` is the text as written: its line breaks find the lines."""
    starts = [0]
    i = t.find("\n")
    while 0 <= i < 400 and len(starts) < 4:
        starts.append(i + 1)
        i = t.find("\n", i + 1)
    for a in starts:
        st = _dateline_state_at(t, a)
        if st is not None:
            return st
    return None


def _dateline_state_at(t: str, a: int) -> str | None:
    m = _DATELINE.match(t, a, a + 80)
    if not m:
        m = _DATELINE_TITLE.match(t, a, a + 80)  # a capital in title case before the date
        st = CAPITALS.get(m.group(1)) if m else None
        return st if st in STATES else None
    parts = [p.strip().title() for p in m.group(1).split("/")]
    if len(parts) == 1 and parts[0] not in CAPITALS and t[m.end() - 1:m.end()] == ",":
        # "GOMA, Democratic Republic of Congo (Reuters) -", "KHARKIV, Ukraine (AP) -": a city
        # and its country
        c = _DATELINE_COUNTRY.match(t, m.end(), m.end() + 50)
        if c and _STATE_SURF.get(c.group(1)) in STATES:
            return _STATE_SURF[c.group(1)]
    sts = {CAPITALS.get(p) or _STATE_SURF.get(p) for p in parts}
    if len(sts) != 1:
        return None
    st = sts.pop()
    return st if st in STATES else None


def _sentence_state_hits(s, sents, sent_starts, state_hits, st_starts):
    """The ``(start, end, state)`` of the state names in the sentence holding ``s``, in order."""
    a, b = _sentence_of(sents, sent_starts, s)
    i = bisect.bisect_left(st_starts, a)
    while i < len(state_hits) and state_hits[i][0] < b:
        hs, he, st, _k = state_hits[i]
        i += 1
        if st in STATES:
            yield hs, he, st


def _claimant_state(t, s, e, sents, sent_starts, state_hits, st_starts) -> str | None:
    """The state an unqualified national body ('the State Border Service said') belongs to.

    The sentence's states, less the attacker ('fire from Armenian positions', 'shelled by
    Azerbaijani forces'), the denier ('a claim Yerevan rejected') and the loser ('Russia had
    lost', 'Russia's losses'); of those left, the first (the subject the report is about). None
    when the sentence names no other state."""
    for hs, he, st in _sentence_state_hits(s, sents, sent_starts, state_hits, st_starts):
        if hs <= s < he or _ATTACKER_BEFORE.search(t, max(0, hs - 12), hs) or _WEAPON_AFTER.match(t, he) \
                or _DENIER_AFTER.match(t, he) or _ATTACK_OWNED.match(t, he) or _LOSER_AFTER.match(t, he):
            continue
        return st
    return None


def _previous_subject(t, s, sents, sent_starts, state_hits, st_starts) -> str | None:
    """For a sentence that opens on "Its" ("Armenia denied the accusation. Its defence ministry
    said"): the state the previous sentence opens on, its subject; else None."""
    i = bisect.bisect_right(sent_starts, s) - 1
    if i < 1 or t[sents[i][0]:s].strip(" \"“'‘") or s - sents[i][0] > 3:
        return None
    a = sents[i - 1][0]
    for hs, _he, st in _sentence_state_hits(a, sents, sent_starts, state_hits, st_starts):
        # the subject: the first words, maybe after a quote mark or "But"/"And"
        return st if not t[a:hs].strip(" \"“'‘") or t[a:hs].strip() in ("But", "And", "Meanwhile,") else None
    return None


_IN_CAPITAL_OPENING = re.compile(r"\W*In\s+([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?),")
_TOLD = re.compile(r"\s+(?:told|informed|said\s+to)\s+(?:the\s+)?")
# a sentence about soldiers' losses or the fighting itself, which a defence ministry reports
_MILITARY_LOSS = re.compile(r"\b(?:soldiers?|servicem[ae]n|troops|conscripts?|privates?|sergeants?|"
                            r"positions|shell(?:ed|ing)|sniper|fire|firing|ceasefire)\b", re.IGNORECASE)
_DEFENCE_PREFIX = "Ministry of Defence of "


def _bare_bodies(text, t, heads, bodies, state_hits, sents, sent_starts, loc,
                 media_at=None, place_states=()) -> list[dict[str, Any]]:
    """'the ministry', 'the defence ministry' without a state: the state named right after it
    ('the defence ministry in Yerevan'), the last such body, the state of the national news
    agency it spoke to ('the Ministry of Defense told AZERTAC'), or the state the sentence
    reports about; 'the two defence ministries' names no single body."""
    res = []
    named = sorted(bodies, key=itemgetter("end"))
    ends = [b["end"] for b in named]

    def add(rec):
        # a body read here is an antecedent too: "the Ministry of Defense told AZERTAC. ...,
        # the ministry said"
        res.append(rec)
        i = bisect.bisect_right(ends, rec["end"])
        named.insert(i, rec)
        ends.insert(i, rec["end"])
    occ = _pl.Occupancy((b["start"], b["end"]) for b in bodies)
    st_ends = [he for hs, he, st, k in state_hits]
    st_starts = [hs for hs, he, st, k in state_hits]
    for s, e in heads:
        if occ.overlaps(s, s + 1):
            continue
        m = _BODY_BARE.search(t, max(0, s - 30), s)
        linked = None
        if m is None and t[s - 1:s] == " " and t.find("-", max(0, s - 14), s) >= 0:
            # "The al Qaeda-linked group said": the group last named, not the one it is linked to
            linked = m = _LINKED_BARE.search(t, max(0, s - 50), s)
        if not m or m.group(1):  # no article, or "the two defence ministries"
            continue
        head = " ".join(t[s:e].lower().split())
        if head.endswith("ies"):
            continue
        before = named[max(0, bisect.bisect_right(ends, s) - 50):bisect.bisect_right(ends, s)]
        w = _BODY_IN.match(t, e)
        in_state = loc.get(w.end()) if w else None  # "the ministry in Baku"
        if head in _GENERIC_HEADS:
            g = _GENERIC_HEADS[head]
            if g not in ("ministry", "council") and _NAMED_BY_OF.match(t, e):
                continue
            if g == "armed" and not (_SPEAKS_AFTER.match(t, e) or t.endswith("according to ", 0, m.start())):
                continue  # "a day after the militants burst out of Gaza": no source, maybe others

            cands = [b for b in before if (_generic_of(b["name"]) == g or g in _IO_GENERICS.get(b["name"], ())
                                           or (g in ("group", "armed") and b["type"] == "armed_group"))
                     and (in_state is None or b["country"] == STATES[in_state])
                     and (linked is None or b["end"] <= linked.start())]
            if cands:
                b = cands[-1]
                if g == "ministry" and not b["name"].startswith(_DEFENCE_PREFIX):
                    # "... was killed by Azerbaijani fire, the ministry said": soldiers' deaths
                    # are reported by a defence ministry, not by the foreign ministry whose
                    # spokeswoman spoke last
                    mod = [x for x in cands if x["name"].startswith(_DEFENCE_PREFIX)]
                    if mod:
                        a_, b_ = _sentence_of(sents, sent_starts, s)
                        if _MILITARY_LOSS.search(t, a_, b_):
                            b = mod[-1]
                add(_rec(text, m.start(), e, b["name"], b["type"], b["country"]))
            continue
        tpl, typ, _g = _BODY[head]
        if in_state is None and t[m.start():m.start() + 3] == "Its":
            in_state = _previous_subject(t, m.start(), sents, sent_starts, state_hits, st_starts)
        if in_state is None:
            # "In Yerevan, the interior ministry said": the capital the sentence opens in
            op = _IN_CAPITAL_OPENING.match(t, _sentence_of(sents, sent_starts, s)[0])
            if op is not None and op.end(1) <= m.start():
                in_state = loc.get(op.start(1))
        if in_state is not None:
            st = in_state
            add(_rec(text, m.start(), e, tpl.format(state=st), typ, STATES[st]))
            continue
        same = [b for b in before if _template_of(b["name"]) == tpl]
        if same:
            b = same[-1]
            add(_rec(text, m.start(), e, b["name"], b["type"], b["country"]))
            continue
        st = _claimant_state(t, s, e, sents, sent_starts, state_hits, st_starts)
        if st is not None and _speaks_through(t, e) and all(
                hs > e for hs, _he, _x in _sentence_state_hits(s, sents, sent_starts, state_hits, st_starts)):
            # "The State Security Service said that an Armenian sabotage group had been
            # neutralised": the states of what it said are not its own; a one-place dateline's is
            st = _dateline_state(text) or st
        if st is not None and _NAME_NEXT.match(t, e):
            # "... the sovereign territory of Armenia, Secretary of the Security Council Armen
            # Grigoryan said" (YEREVAN dateline): an office before a name is the country's the
            # dateline names when the sentence names it too, not the first state the sentence does
            ds = _dateline_state(text)
            if ds is not None and ds != st and any(
                    x == ds for _hs, _he, x in _sentence_state_hits(s, sents, sent_starts, state_hits, st_starts)):
                st = ds
        told = _TOLD.match(t, e, e + 40) if media_at else None
        if told is not None and told.end() in media_at:
            # "the Ministry of Defense told AZERTAC": a body briefs its own country's agency
            # (only a state the sentence names: "told TASS" alone says little)
            own = next((x for _hs, _he, x in _sentence_state_hits(s, sents, sent_starts, state_hits, st_starts)
                        if STATES[x] == media_at[told.end()]), None)
            st = own or st
        if st is None and place_states:
            # "Israeli strikes killed 40 people in Gaza, the health ministry said": the country
            # of the town or region the sentence reports about
            a_, b_ = _sentence_of(sents, sent_starts, s)
            i = bisect.bisect_left(place_states, (a_, ""))
            st = place_states[i][1] if i < len(place_states) and place_states[i][0] < b_ else None
        if st is None and _g == "ministry":
            # no state in the sentence: "the defence ministry said" refers to the state named
            # last before it (not one the sentence names as the attacker: "in Israel's war on
            # Gaza, according to the Ministry of Health")
            j = bisect.bisect_right(st_ends, s) - 1
            sent_start = _sentence_of(sents, sent_starts, s)[0]
            while j >= 0 and (state_hits[j][2] not in STATES or state_hits[j][0] >= sent_start):
                j -= 1
            st = state_hits[j][2] if j >= 0 else None
        if st is None:
            st = _dateline_state(text)  # "BAKU, Sept 13 (Reuters) - ... the State Border Service said"
        if st is not None:
            add(_rec(text, m.start(), e, tpl.format(state=st), typ, STATES[st]))
    return res


_TEMPLATES = {tpl for tpl, _t, _g in _BODY.values()}
_GENERIC_OF_TPL = {tpl: g for tpl, _t, g in _BODY.values()}


def _template_of(name: str) -> str | None:
    """The body template a canonical name was made from ("Ministry of Defence of {state}")."""
    for tpl in _TEMPLATES:
        pre = tpl.split("{state}")[0]
        if pre and name.startswith(pre):
            return tpl
    return None


@functools.lru_cache(maxsize=4096)  # a few names per article, asked for again and again
def _generic_of(name: str) -> str | None:
    """The generic word ("ministry", "council") that refers back to a body: its template's, or
    the head word of a lexicon body's own name ("Gaza Health Ministry", "Mine Action Agency of
    Azerbaijan": the last generic word before any "of")."""
    tpl = _template_of(name)
    if tpl:
        return _GENERIC_OF_TPL.get(tpl)
    head = name.split(" of ", 1)[0].rsplit(" ", 1)[-1].lower()
    return head if head in _GENERIC_VALUES else None


# --------------------------------------------------------------------------- people
def _role_set_off(t: str, s: int, text: str | None = None, end: int | None = None) -> str | None:
    """The role phrase set off by commas before a name that a comma follows: "Azerbaijan's
    ambassador to the EU, Vaqif Sadiqov," (as :func:`_role_before` reads one without them).
    ``end``: where the name ends, when known (else it is the next comma within 4 words)."""
    # (or the sentence ends with the name: "..., beating the speaker of parliament, Ararat Mirzoyan.")
    if s >= 2 and t[s - 2:s] == ", " and (t[end:end + 1] in (",", ".", ";") and (t[end:end + 1] == "," or (
            not t[end + 1:end + 2].isalnum())) if end is not None else _COMMA_AFTER_NAME.match(t, s)):
        # read as if the comma were a space (same length: the offsets hold)
        role = _role_before(t[:s - 2] + "  " + t[s:], s, text)
        if role is None:
            # "The governor of Sudan's West Darfur province, Khamis Abakar,": an office of a
            # place or body, whose words no lexicon lists
            m = _TITLE_OF_SET_OFF.search(t, max(0, s - 100), s - 2)
            if m is not None and m.group(2).lower() in _HEAD_TITLES and not (
                    t[m.start():m.start() + 1] in "Aa" and t[max(0, m.start() - 2):m.start()] == ", "):
                # ("Siraj Abishov, a cameraman for AzTV, Maharram Ibrahimov, a correspondent":
                # an indefinite role after a comma is the name before it's)
                role = m.group(1)
        return role
    return None


# "the head of the Kharkiv regional administration" right before ", Name,"
# ("A spokesman for the Tigray People's Liberation Front (TPLF), Getachew Reda,": the acronym
# after the body is no part of the role)
_TITLE_OF_SET_OFF = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+((?:(?:deputy|acting|former|first|interim|senior)\s+)?"
                               r"([a-z]+)\s+(?:of|for|in)\s+[^,;:.()\"“”\n]{2,70}?)(?:\s*\([^()\n]{1,12}\))?$")


# the last words of a body's name written in lower case ("... regional military administration")
_BODY_LAST_WORDS = frozenset({"administration", "ministry", "council", "office", "service", "committee",
                              "commission", "agency", "department", "directorate", "command", "authority"})
# the name ends at the next comma: "ROLE, First Last, said"
_COMMA_AFTER_NAME = re.compile(r"[^\W\d_][\w'’.-]*(?: [^\W\d_][\w'’.-]*){0,3},")


def _unranked(t: str, s: int, e: int, role: str | None, text: str | None) -> str | None:
    """``role``, read before the name at ``[s, e)``, or, when it is a rank alone ("Rear
    Adm."), the office set off around the name, which says more of who speaks ("the chief
    military spokesman, Brigadier General X", "X, the chief military spokesman,"). A rank
    after an office stays ("Defence Ministry spokesman Lt. Col.")."""
    if not role or not all(w.lower() in _RANKS for w in re.split(r"[\s.]+", role) if w):
        return role
    a = t.rfind(role, max(0, s - 80), s)
    better = _role_set_off(t, a, text, e) if a >= 0 else None
    if better is None and _THE_OFFICE_AFTER.match(t, e):
        # (", the chief military spokesman,"; not ", Captain Orkhan Mammadov and ...", a list)
        better = _role_after(t, e)
    return better or role


_THE_OFFICE_AFTER = re.compile(r",\s+(?:the|a|an)\s")


def _role_before(t: str, s: int, text: str | None = None) -> str | None:
    """The role phrase right before a name: "Armenian security council chief",
    "Armenia's deputy prime minister", "Armenian Ambassador to Moscow"."""
    last = _last_word(t, max(0, s - 40), s)
    if not last or not _role_token(last):
        if last and last[:1].isupper():
            return _role_to_owner(t, s, text)  # "Ambassador to the United Nations Amir Iravani"
        if last and last in _BODY_LAST_WORDS and s >= 1 and t[s - 1] == " ":
            # "the head of the Odesa regional military administration Oleh Kiper": an office of
            # a body named in lower case, as _role_set_off reads it between commas
            end = s - 1
            while end > 0 and t[end - 1] == " ":
                end -= 1  # (_role_set_off reads "ROLE, Name" with the comma blanked out)
            m = _TITLE_OF_SET_OFF.search(t, max(0, s - 100), end)
            if m is not None and m.group(2).lower() in _HEAD_TITLES:
                return m.group(1)
        return None  # cheap exit: most names have no role right before them
    # the words are read backwards from the name, lazily, in the reversed window (a role phrase
    # is a few words: tokenising the whole window cost more); ``_WORD`` is a character class,
    # so its matches there are the reversed words: the one at ``[a, b)`` is ``t[s - b:s - a]``
    rev = t[max(0, s - 120):s][::-1]
    kept = []  # (start, end, word lower-cased), from the name backwards
    nxt = 0  # where the gap before the current word starts in ``rev``: the last kept word, else the name
    head = False  # a kept word is a head title ("President")
    named = 0  # words of a place or body's name kept before the title ("Lviv mayor", "RSF leader")
    owner_end = 0  # where that name ends
    for m in _WORD.finditer(rev):
        a, b = m.span()
        if rev[nxt:a].strip() or (text is not None and "\n\n" in text[s - a:s - nxt]):
            break  # punctuation or a paragraph break between words ends the role phrase
        w = t[s - b:s - a]
        if w.endswith(".") and not _abbreviation(w):
            break  # "... of the Security Council. Russia's spokeswoman X": the last sentence's end
        base = w[:-2] if w.endswith("'s") else w
        lw = base.lower().rstrip(".")
        if head and lw in ("to", "of", "for") and not (kept and kept[-1][2] == "the"):
            # "adviser to Azerbaijani President X": the name belongs to the inner title (but
            # "spokesperson for the Defence Minister X": a title after "the" is no name's)
            break
        if (lw in _ROLE_WORDS or base in DEMONYMS or base in _STATE_SURF or base in CAPITALS
                or lw in _LINK_WORDS):
            wl = w.lower()
            kept.append((s - b, s - a, wl))
            head = head or wl in _HEAD_TITLES
            nxt = b
            continue
        if head and named < 3 and kept and kept[-1][2] not in _LINK_WORDS and (
                _office_owner(base) or named and _office_owner(t[s - b:owner_end])):
            # "West Darfur governor", "Norte de Santander governor": a name of up to 3 words
            kept.append((s - b, s - a, w.lower()))
            if not named:
                owner_end = s - a
            named += 1
            nxt = b
            continue
        if head and 0 < named < 3 and lw in _NAME_PARTICLES:  # "Valle del Cauca governor"
            kept.append((s - b, s - a, lw))
            nxt = b
            continue
        break
    if kept and kept[0][2] in ("to", "of", "for", "and", "in", "on"):
        return None  # "an aide to Aliyev": the name is the object of the role, not its holder
    kept.reverse()
    while kept and kept[0][2] in _LINK_WORDS:
        kept.pop(0)
    if not kept:
        return None
    words = [k[2].rstrip(".") for k in kept]
    if not _TITLE_WORDS.intersection(words):
        return None
    if not _HEAD_TITLES.intersection(words) and not any(m in " ".join(words) for m in _MULTI_TITLES):
        return None  # "West Darfur state, Khamis Abakar": a word of a title ("secretary of state") alone is none
    if _HONORIFICS.issuperset(words):
        return None  # "Mr Pashinyan": a title, no role
    first = 1 if named and words[0] in _NAME_PARTICLES and len(kept) > 1 else 0  # "de Santander governor"
    last = len(kept) - 1
    # "Ministry spokesman Colonel Vagif Dargahli": the rank is the man's, the office his role
    cut = last
    while cut >= first and words[cut] in _RANKS and (
            cut == first or words[cut - 1] in _RANKS or f"{words[cut - 1]} {words[cut]}" not in _TITLE_SET):
        cut -= 1  # (not the "general" of "vicar general", "prosecutor general")
    if first <= cut < last and words[cut] not in _LINK_WORDS:
        last = cut
    return t[kept[first][0]:kept[last][1]]


_NAME_PARTICLES = frozenset({"de", "del", "da", "do", "di", "la", "el"})


# a title's owner written out after it, right before the name: "Ambassador to the United
# Nations Amir Saeid Iravani", "Secretary-General of the Arab League Ahmed Aboul Gheit"
_TO_OWNER = re.compile(rf"\b(?:to|of|at)\s+(?:the\s+)?((?:[{_UP}][\w.'’-]*\s+){{1,4}})$")


def _role_to_owner(t: str, s: int, text: str | None) -> str | None:
    """The role before a name at ``s`` that ends in the name of a body the actor lexicon
    knows ("Iranian Ambassador to the United Nations"), else None."""
    m = _TO_OWNER.search(t, max(0, s - 70), s)
    if m is None:
        return None
    owner = m.group(1).strip()
    if not any(ent[3] in _OWNER_TYPES or ent[1] == "state" for ent in _ENTRIES.get(owner.lower(), ())):
        return None
    inner = _role_before(t, m.start(), text)
    if inner is None:
        return None
    return t[t.rfind(inner, 0, m.start()):m.start(1) + len(owner)]


_LINK_WORDS = ("to", "of", "for", "the", "and", "in", "on")
_OWNER_TYPES = frozenset({"armed_group", "international_org", "organisation", "media"})


def _office_owner(w: str) -> bool:
    """``w`` names a place or a body whose office a title after it is ("Lviv mayor", "Kharkiv
    regional governor", "Hamas leader", "RSF commander"): one capitalised word the gazetteer
    or the actor lexicon knows."""
    if not w[:1].isupper() or w.lower() in _pl._STOP:
        return False
    hit = _pl._AUTO.get(w, None)
    if hit is not None and hit[1] == "place":
        return True
    return any(ent[3] in _OWNER_TYPES for ent in _ENTRIES.get(w.lower(), ()))


# one word for each group of words naming the same office (lexicon same_office_words.txt)
_SAME_OFFICE = {w: g[0] for g in (line.split() for line in _words("same_office_words.txt")) for w in g}
# words of a role that relate its holder to someone else and name no office of their own
_RELATIONAL_TITLES = frozenset({"counterpart"})


def _offices(role: str) -> frozenset[str]:
    """The words of offices a role phrase holds, synonyms made one ("Foreign Minister of Armenia"
    -> {"foreign", "minister"}, "CSTO Secretary-General" -> {"minister", "general"})."""
    words = re.split(r"[\s'’-]+", role.lower().replace(".", ""))
    return frozenset(_SAME_OFFICE.get(w, w) for w in words if w in _OFFICE_WORDS and w not in _RELATIONAL_TITLES)


def _abbreviation(w: str) -> bool:
    """``w`` (ending in a full stop) is an abbreviation or initials ("Gen.", "U.S."), as the
    sentence splitter reads them, not a word that ends a sentence."""
    core = w[:-1]
    return core.lower() in _sentences._ABBREV or "." in core or len(core) == 1


def _qualifier_word(w: str) -> bool:
    """A capitalised word that may stand before a bare surname without being a first name:
    a title ("President"), a state or demonym ("Azerbaijan's Aliyev", "Russian Lavrov")."""
    if w.endswith(".") and not _is_acronym(w):
        return True  # the previous sentence's last word
    base = w[:-2] if w.endswith("'s") else w
    return (base.lower().rstrip(".") in _ROLE_WORDS or base in DEMONYMS or base in _STATE_SURF
            or base in CAPITALS)


# the context of an agency whose name is a common word
_AGENCY_BEFORE = re.compile(r"(?:\b(?:told|to|by|citing|quoting|via|[Ss]ource:)\s+|\()$")
_AGENCY_AFTER = re.compile(r"\)|[ \t]*:[ \t]*$|\s+(?:reports|reported|news\s+agency)\b", re.M)
_SLASHED = re.compile(r"/(?:[\s.,:;]|$)")  # the closing slash of "/ARMENPRESS/"
_NEXT_LOW_WORD = re.compile(r"[\s-]+([a-z]+)")
_NEXT_CAP_CHAR = re.compile(rf"\s+[{_UP}]")
_PREV_CAP_WORD = re.compile(rf"[{_UP}][\w'\-.]*\s$")
_NEXT_CAP = re.compile(rf"\s+[{_UP}][a-z]")
_PREV_CAP = re.compile(rf"([{_UP}][\w'\-.]*)\s$")
_LAST_WORD = re.compile(r"([\w'\-.]+)\s+$")


def _last_word(t: str, lo: int, s: int) -> str | None:
    """``_LAST_WORD.search(t, lo, s).group(1)`` read backwards from ``s`` (the regex tries
    every start in the window): the run of word characters, apostrophes, hyphens and dots
    before the whitespace that ends ``t[lo:s]``."""
    # reversed, the window starts with the whitespace and then the word (read backwards); "\s"
    # is str.isspace and "\w" str.isalnum or "_", as the character loop this replaced tested
    m = _SPACE_WORD_REV.match(t[lo:s][::-1])
    return m.group(1)[::-1] if m else None


_SPACE_WORD_REV = re.compile(r"\s+([\w'\-.]+)")


def _role_token(w: str) -> bool:
    base = w[:-2] if w.endswith("'s") else w
    return (base.lower().rstrip(".") in _ROLE_WORDS or base in DEMONYMS or base in _STATE_SURF
            or base in CAPITALS)


def _role_country(role: str | None) -> str | None:
    if not role:
        return None
    for w in _WORD.findall(role):
        base = w[:-2] if w.endswith("'s") else w
        st = DEMONYMS.get(base) or _STATE_SURF.get(base)
        if st:
            return STATES.get(st)
    return None


# the two capitalised words right before a one-word name ("Therese Kayikwamba Wagner")
_TWO_CAPS_BEFORE = re.compile(rf"(?<![\w'’.-])([{_UP}][{_LOW}'\-]*[{_LOW}]) ([{_UP}][{_LOW}'\-]*[{_LOW}]) $")


def _surname_of_person(t: str, s: int) -> bool:
    """The one-word group name at ``s`` ends a person's name: two capitalised words that name
    nothing else stand right before it ("Congo's foreign minister, Therese Kayikwamba Wagner,").
    One word before is not enough: "Russia's Wagner", "Meanwhile Hamas" open otherwise."""
    m = _TWO_CAPS_BEFORE.search(t, max(0, s - 50), s)
    if m is None or m.group(2).endswith(("'s", "’s")):  # "Yevgeny Prigozhin's Wagner"
        return False
    return not any(_bad_token(w) or w.lower() in _ENTRIES or _pl._AUTO.get(w, None) is not None
                   for w in m.groups())


@functools.lru_cache(maxsize=65536)
def _bad_token(w: str) -> bool:
    if w.endswith("'s"):
        w = w[:-2]
    return (w.lower() in _NOT_NAME or w.lower() in _ROLE_WORDS or w in DEMONYMS
            or w in _STATE_SURF or w in CAPITALS or w.isupper())


# "the Gran Grif gang", "the 400 Mawozo gang": a capitalised name a group noun follows names an
# armed group the lexicon may not know (no person: "leader of Gran Grif" is the gang's leader)
_GROUP_NOUN_AFTER = re.compile(r" (?:gang|gangs|militia|militias|cartel)\b")
_GROUP_NAME_BEFORE = re.compile(rf"(?<![\w'\-])((?:[{_UP}][\w'\-]*|\d+) (?:[{_UP}][\w'\-]*|\d+)"
                                rf"(?: [{_UP}][\w'\-]*)?|[{_UP}][\w'\-]*[{_LOW}][\w'\-]*)$")


def _named_groups(text, t, taken, place_spans) -> list[dict[str, Any]]:
    """Armed groups named by a group noun after them ("the Gran Grif gang", "the 400 Mawozo
    gang"), with every other mention of the same name; names a lexicon, a place or a state
    already reads are left alone."""
    if " gang" not in t and " militia" not in t and " cartel" not in t:
        return []
    occupied = _pl.Occupancy(list(taken) + list(place_spans))
    names = set()
    for m in _GROUP_NOUN_AFTER.finditer(t):
        b = _GROUP_NAME_BEFORE.search(t, max(0, m.start() - 40), m.start())
        if b is None:
            continue
        s, e = b.span(1)
        words = t[s:e].split()
        while words and _bad_token(words[0]) and not words[0].isdigit():
            s += len(words.pop(0)) + 1  # "The 400 Mawozo gang"
        # one word is as often a people or a creed ("Hutu militias", "Shiite militias") as a name
        if len(words) < 2 or occupied.overlaps(s, e) \
                or any(_bad_token(w) and not w.isdigit() for w in words) or all(w.isdigit() for w in words):
            continue  # "Russian militia", "Local gangs", "the Police militia"
        names.add(t[s:e])
    res = []
    for name in sorted(names):
        for m in re.finditer(rf"(?<![\w'\-]){re.escape(name)}(?![\w'\-])", t):
            if not occupied.overlaps(m.start(), m.end()):
                res.append(_rec(text, m.start(), m.end(), name, "armed_group", None))
    return res


# Heads that end (or, with "of", open) the capitalised name of an organisation no lexicon lists:
# "the Emergency Medicine Centre", "Iraq's Joint Operations Command", "the National Human Rights
# Defense Network", "the Department of Migrant Workers" (a claimant is a claimant however new)
_ORG_HEADS = ("Command", "Centre", "Center", "Network", "Commission", "Committee", "Agency", "Directorate",
              "Bureau", "Authority", "Headquarters", "Department", "Ministry", "Office", "Institute",
              "Foundation", "Federation", "Association", "Observatory", "Secretariat", "Service")
_ORG_WORD = rf"[{_UP}][\w\-]*"  # (not "Iraq's": an owner before the name)
_NAMED_BODY = re.compile(
    rf"(?<![\w'’\-])((?:{_ORG_WORD} ){{0,5}}(?:{'|'.join(_ORG_HEADS)})"
    rf"(?: (?:of|for) (?:the )?{_ORG_WORD}(?: {_ORG_WORD}){{0,3}})?)(?![\w'’\-])")
_ORG_LEADING = frozenset({"The", "A", "An", "In", "At", "On", "By", "From", "For", "And", "But", "Its", "Their",
                          "His", "Her", "Meanwhile", "Earlier", "Later", "Separately", "According"})
_STATE_POSS_BEFORE = re.compile(rf"({_ORG_WORD}(?: {_ORG_WORD}){{0,2}})(?:'s|’s|') $")


def _named_bodies(text, t, heads_at, occupied) -> list[dict[str, Any]]:
    """Organisations named by a capitalised name with an organisation's head word (see
    ``_ORG_HEADS``) that no lexicon knows; the state is a possessive before the name ("Iraq's")
    or a demonym in it ("Ethiopian Human Rights Commission")."""
    res = []
    # the pattern runs only near a capitalised head word (``heads_at``), in merged windows
    wins = sorted((max(0, i - 80), min(len(t), j + 60)) for i, j in heads_at if t[i].isupper())
    if not wins:
        return res
    merged = [list(wins[0])]
    for a, b in wins[1:]:
        if a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    seen = set()
    for m in (m for a, b in merged for m in _NAMED_BODY.finditer(t, a, b)):
        s, e = m.span(1)
        if (s, e) in seen:
            continue
        seen.add((s, e))
        words = t[s:e].split(" ")
        while words and words[0] in _ORG_LEADING:
            s += len(words.pop(0)) + 1
        while words and words[-1] in ("of", "for", "the"):
            e -= len(words.pop()) + 1
        if len(words) < 2 or occupied.overlaps(s, e) or t[s:e].lower() in _BODY:
            continue  # ("the Ministry of Defence" with no state to tell whose: nobody's)
        country = None
        for w in words:
            st = DEMONYMS.get(w) or _STATE_SURF.get(w)
            if st:
                country = STATES.get(st)
                break
        if country is None:
            b = _STATE_POSS_BEFORE.search(t, max(0, s - 40), s)
            st = _pl.state_by_name(b.group(1).removeprefix("The ")) if b else None
            country = STATES.get(st) if st else None
        res.append(_rec(text, s, e, t[s:e], "organisation", country))
    return res


def _pattern_persons(text, t, taken, place_spans, places, known) -> list[list]:
    res = []
    known_occ = _pl.Occupancy((p[0], p[1]) for p in known)
    occupied = _pl.Occupancy(taken + [(p["start"], p["end"]) for p in places])
    for m in _CAPRUN.finditer(t):
        # the run's words are separated by single spaces (match_text made all whitespace " ");
        # the run is split at words that cannot be part of a name
        segs, cur = [], []
        pos = m.start()
        for w in _name_words(m.group(0)):
            if _bad_token(w) and not (not cur and (w in _STATE_SURF or w in CAPITALS)
                                      and _pl.first_name_of_person(t, pos, pos + len(w))) or (
                    occupied.overlaps(pos, pos + len(w))):  # "United Nations Amir Saeid Iravani"
                if cur:
                    segs.append(cur)
                cur = []
            else:
                cur.append((pos, pos + len(w), w))
            pos += len(w) + 1
        if cur:
            segs.append(cur)
        for seg in segs:
            if not 2 <= len(seg) <= 3:
                continue
            s, e = seg[0][0], seg[-1][1]
            if occupied.overlaps(s, e) or known_occ.contains(s, e):
                continue
            role = _unranked(t, s, e, _role_before(t, s, text), text) or _role_set_off(t, s, text)
            after = t[e:e + 100]
            evidence = bool(role)
            if not evidence and _SAID_AFTER.match(after):
                evidence = True  # "Armen Grigoryan said"
            elif not evidence and _said_before(t, s):
                # "said Davit Melkonyan"; a capitalised pair opening a sentence after "said"
                # also needs a surname ending
                evidence = not _pl._sentence_start(t, s) or seg[-1][2].endswith(_SURNAME_ENDINGS)
            if not role:
                role = _role_after(t, e)
                evidence = evidence or role is not None
            if not evidence and seg[-1][2].endswith(_SURNAME_ENDINGS) and not _pl._sentence_start(t, s):
                evidence = True
            if not role and "," in after[:2]:
                w = _WITNESS_AFTER.match(t, e, e + 160)
                if w is not None:
                    evidence = True
                    role = w.group("what") or w.group("what2")
            if evidence:
                res.append([s, e, t[s:e], None, role])
    return res


def _name_words(run: str) -> list[str]:
    """The words of a capitalised run, a particle word joined to the word after it."""
    words = run.split(" ")
    if _JOINED.isdisjoint(words):
        return words  # most runs: no "bin", "ibn"
    out: list[str] = []
    glue = False
    for w in words:
        if glue:
            out[-1] += " " + w
        else:
            out.append(w)
        glue = w in _JOINED
    return out


_FIRST_NAME_SPEAKS = re.compile(r"\s+(?:said|says|told|tells|added|wrote|warned|insisted|explained)\b")


def _surname_keys(name: str) -> list[str]:
    """What a later bare mention of a person may say: the last word, and without its
    particle ("al-Sinwar" -> also "Sinwar", "Al-Sharaa" -> "Sharaa")."""
    last = name.split(" ")[-1]
    head, sep, rest = last.partition("-")
    if sep and rest[:1].isupper() and head.lower() in _pl.ARABIC_ARTICLES:
        return [last, rest]
    return [last]


def _role_after(t: str, e: int) -> str | None:
    """The role of an apposition right after a name ending at ``e``: ", the foreign minister,"
    -> "foreign minister"; None when the apposition names no office."""
    a = _APPOS.match(t, e, e + 100)
    if a is None or not any(w.lower() in _OFFICE_WORDS for w in _WORD.findall(a.group(1))):
        return None
    # "a senior Hamas commander who it said was behind the attack": the relative clause is
    # no part of the office
    role = _RELATIVE_TAIL.split(a.group(1).strip(), 1)[0]
    return role.split(" ", 1)[1] if role.lower().startswith(("the ", "a ", "an ")) else role


_RELATIVE_TAIL = re.compile(r"\s+(?:who|whom|whose|which|that)\s")


def _person_records(text, t, persons, offices_at=()) -> list[dict[str, Any]]:
    out = []
    full: list[tuple[int, str, str | None, str | None]] = []  # (start, name, country, role)
    spans = _pl.Occupancy()
    written: dict[str, tuple] = {}  # name -> (role, country) as the article last wrote them
    for s, e, name, country, role in sorted(persons, key=itemgetter(0)):
        lex = _PEOPLE.get(name)
        if role:
            written[name] = (role, country)
        elif name in written and not (lex and lex[1] and set(written[name][0].lower().split()) <= set(
                lex[1].lower().split())):
            # "Armenian Prime Minister Nikol Pashinyan ... Pashinyan said": the role the
            # article gave, not the lexicon's wording of it (unless the lexicon's holds all
            # its words: "Prime Minister" -> "Prime Minister of Armenia")
            role, country = written[name]
        country = _role_country(role) or country or (lex[0] if lex else None)
        rec = _rec(text, s, e, name, "person", country, role or (lex[1] if lex else None))
        # a known person met first by surname takes the lexicon's role only
        out.append(rec)
        spans.add(s, e)
        if " " in name:
            full.append((s, name, rec["country"], rec["role"]))
    # later bare surnames ("Grigoryan added") -> the same person
    by_surname: dict[str, list] = {}
    for s, name, c, r in full:
        for key in _surname_keys(name):
            if any(ent[3] != "person" for ent in _ENTRIES.get(key.lower(), ())):
                continue  # "Houthi" of "Abdul-Malik al-Houthi" is the group's name first
            by_surname.setdefault(key, []).append((s, name, c, r))
    # a first name alone as the subject of a speech verb ('"...," Phumtham told reporters'):
    # the person named in full before (Thai and Indonesian usage; a witness's first name)
    firsts = set()
    for s, name, c, r in full:
        first = name.split(" ")[0]
        if len(first) > 2 and first not in by_surname and first.lower() not in _NOT_NAME \
                and not _ENTRIES.get(first.lower()):
            by_surname.setdefault(first, []).append((s, name, c, r))
            firsts.add(first)
    # str.find per surname: a regex compiled per article would cost more than the search
    occ = []
    for sn in by_surname:
        i = t.find(sn)
        while i >= 0:
            j = i + len(sn)
            if not ((i > 0 and (t[i - 1].isalnum() or t[i - 1] == "_"))
                    or (j < len(t) and (t[j].isalnum() or t[j] == "_"))):
                occ.append((i, j, sn))
            i = t.find(sn, j)
    occ.sort()
    for s, e, sn in occ:
        if True:
            if spans.overlaps(s, s + 1):
                continue
            if _NEXT_CAP.match(t, e, e + 3) or t[e:e + 1] == "-":
                continue
            pw = _PREV_CAP.search(t, max(0, s - 25), s)
            if pw and not _qualifier_word(pw.group(1)) and not _pl._sentence_start(t, s - len(pw.group(0))):
                continue
            cands = by_surname[sn]
            if sn in firsts and (s < cands[0][0] or not _FIRST_NAME_SPEAKS.match(t, e)):
                continue
            k = bisect.bisect_left(cands, (s,)) - 1  # the last full mention before, else the first
            s0, name, c, r = cands[k] if k >= 0 else cands[0]
            out.append(_rec(text, s, e, name, "person", c, r))
    if full and offices_at:
        out += _offices_referring_back(text, t, out, offices_at)
    return out


# "..., the governor said": an office that speaks refers back to the last person the article gave
# that office (words with one holder in a story; "official" has many)
_BACK_OFFICES = ("governor", "mayor", "ombudsman", "ombudsperson", "ombudswoman", "spokesman",
                 "spokeswoman", "spokesperson", "minister", "commander", "president", "prosecutor",
                 "envoy", "ambassador", "premier", "chancellor")
_OFFICE_SPEAKS = re.compile(
    r"\b[Tt]he\s+((?:[a-z]+(?:'s|’s)\s+|[a-z][a-z-]*\s+){0,2}?)("
    + "|".join(_BACK_OFFICES) + r")\b")
_PLACE_MODIFIERS = frozenset({"regional", "local", "provincial", "city", "town", "district", "military", "top"})
_OFFICE_SAID_BEFORE = re.compile(r"(?:according\s+to|said|told)\s+$")
_OFFICE_SAID_AFTER = re.compile(r",?\s+(?:also\s+|later\s+|earlier\s+)?(?:said|says|told|added|wrote|reported|"
                                r"confirmed|announced|stated|warned)\b")


def _offices_referring_back(text, t, persons, offices_at) -> list[dict[str, Any]]:
    """Person records for "the governor said", "according to the region's ombudsman": the last
    person named before with that office in their role."""
    res = []
    taken = _pl.Occupancy((p["start"], p["end"]) for p in persons)
    ends = {p["end"] for p in persons}
    ordered = sorted((p for p in persons if p.get("role")), key=_START_END)
    found = []
    for i, j in offices_at:  # the pattern on a short window before each office word
        if (i and t[i - 1].isalnum()) or t[j:j + 1].isalnum():
            continue
        m = _OFFICE_SPEAKS.search(t, max(0, i - 40), j)
        if m is not None and m.end(2) == j:
            found.append(m)
    for m in sorted(found, key=lambda m: m.start()):
        s, e = m.start(), m.end(2)
        if not (_OFFICE_SAID_AFTER.match(t, e) or _OFFICE_SAID_BEFORE.search(t, max(0, s - 14), s)) or taken.overlaps(s, e):
            continue
        if t[s - 2:s] == ", " and s - 2 in ends:
            continue  # "Daniel Hagari, the chief military spokesman, said": the name's apposition
        # every word before the office is the holder's too ("the prime minister" is not the
        # defence minister), but for an owner ("the region's") or a word of place ("regional")
        need = {w for w in m.group(1).split() if not w.endswith(("'s", "’s")) and w not in _PLACE_MODIFIERS}
        need.add(m.group(2))
        holder = None
        for p in ordered:
            if p["start"] >= s:
                break
            if need <= set(p["role"].lower().replace("-", " ").split()):
                holder = p
        if holder is not None:
            res.append(_rec(text, m.start(2), e, holder["name"], "person", holder["country"], holder["role"]))
    return res


# (built here: it reads the word lists defined above, after find_actors)
_CUES = _cue_automaton()
