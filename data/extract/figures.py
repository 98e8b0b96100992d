"""Casualty, troop and displacement figures: what a number counts, whose side, who says so, when.

For every amount :mod:`data.extract.numbers` finds in a sentence:

1. drop measures and labels: years, dates (overlapping a date record), ages, numbers glued to a
   unit ("24-hour", "five-year", "3.5 kilometres", "40%"), numbers inside URLs;
2. find the counted noun after it ("2,000 Russian peacekeepers", "49 of its soldiers",
   "Four Armenian and three Azerbaijani soldiers" share "soldiers"); a noun that is not a person
   ("four villages", "dozens of houses") means the number is not a figure of people;
3. find the nearest casualty word on either side inside the clause ("killed 13 people",
   "13 people were killed", "the death toll rose to 105", "contact was lost with 24 others");
   coordinated subjects share their verb ("Two journalists and a local official died");
4. category = the casualty word, else the noun's own category (peacekeepers, troops, refugees,
   lives -> killed ...), else ``other`` for people counted without a casualty sense
   ("some 120,000 residents"). Bare numbers with no casualty sense are not reported.

Lexicons: ``categories.csv`` (casualty words), ``person_nouns.csv``, ``modifiers.csv``,
``stopwords.csv``, ``units.csv``, ``figure_report_verbs.csv`` (words that attribute a figure),
``figure_side_words.csv`` (loss and agent verbs, "enemy"). The side (``actor``) and the claimant
(``claimed_by``) come from the actor records: a demonym or name in the counted noun phrase, the
subject of "lost"/"suffered", else the owner "its"/"their" refers to, which after "X said" is X
("Azerbaijan said it lost 50 servicemen"); soldiers a claimant says it killed are not its own.
``place`` and ``date`` come from the place and date records of the same sentence; a place named
only in a dateline stamp ("YEREVAN, Sept 28 (Reuters) -") is where the reporter files from and
never a figure's place.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from data.extract import dates as _dates
from data.extract import places as _places
from data.extract.actors import COUNTED_HEADS as _ACTOR_COUNTED_HEADS
from data.extract.actors import LOCAL_SUFFIXES as _LOCAL_SUFFIXES
from data.extract.datelines import DATELINE_RE as _DATELINE_RE, datelines as _datelines
from data.extract.datelines import line_matches as _line_matches  # noqa: F401  (tests use it here)
from data.extract.lexicon import read_words as _read_words
from data.extract.numbers import LEXICONS, Anchors, Quantity, find_quantities, read_lexicon
# "Azerbaijan blamed Armenia and said ...": a reporting verb that shares the subject of the
# sentence's first verb (the actor just before it is that verb's object); quotes reads it too
from data.extract.quotes import AND_BEFORE as _AND_BEFORE

__all__ = ["find_figures"]


def _phrases(rows):
    return {tuple(r[0].lower().split()): r[1:] for r in rows}


_TRIGGERS = {k: (v[0], len(v) > 1 and v[1] == "animate")
             for k, v in _phrases(read_lexicon("categories.csv")).items()}
_MILITARY_ONLY = frozenset(k for k, v in _phrases(read_lexicon("categories.csv")).items()
                           if len(v) > 1 and v[1] == "military")
_NOUNS = {k: (v[0], v[1]) for k, v in _phrases(read_lexicon("person_nouns.csv")).items()}
_MODIFIERS = frozenset(r[0].lower() for r in read_lexicon("modifiers.csv"))
_STOP = frozenset(r[0].lower() for r in read_lexicon("stopwords.csv"))
_UNITS = frozenset(r[0].lower() for r in read_lexicon("units.csv"))
_LOCATIVE = frozenset(r[0].lower() for r in read_lexicon("locative_nouns.csv"))
# prepositions opening a complement of place after a counted noun ("residents of border villages")
_LOCATIVE_PREPS = frozenset({"of", "in", "from", "near", "at", "across", "along", "on", "around"})
_TRIG_MAXLEN = max(len(k) for k in _TRIGGERS)
_TRIG_FIRST = frozenset(k[0] for k in _TRIGGERS)
_NOUN_MAXLEN = max(len(k) for k in _NOUNS)
_SG_NOUNS = sorted((" ".join(k) for k, (c, n) in _NOUNS.items() if n == "sg"), key=len, reverse=True)


# ISO2 -> canonical state name (the first name the states lexicon gives a code)
_DYADS: dict[str, set[str]] = {}
for _a, _b in read_lexicon("conflict_dyads.csv"):
    _DYADS.setdefault(_a, set()).add(_b)
    _DYADS.setdefault(_b, set()).add(_a)

_TOKEN_RE = re.compile(r"\w+(?:['’.,]\w+)*|[^\w\s]")
# "wounding a third", "one was killed and another was injured": one more of the same
_ORDINAL_RE = re.compile(r"(?<![\w-])(?:an?\s+(?:second|third|fourth|fifth|sixth)|[Aa]nother)"
                         r"(?=\s*[,.;]|\s+(?:was|were|is|one|person|wounded|injured|killed|hurt|died)\b)")
# "a/an" is searched only before a singular person noun (far rarer than "a"); ordinals ("a
# third") are found in the same automaton pass
_SG_ANCHORS = Anchors({**dict.fromkeys(_SG_NOUNS, "sg"),
                       **dict.fromkeys(["second", "third", "fourth", "fifth", "sixth", "another"], "ord")})
_ART_WORDS = frozenset({"a", "an", "another"})
_ART_BEFORE = re.compile(r"(?<![\w-])(?:[Aa]n?|[Aa]nother)\s+(?:[\w-]+\s+){0,2}$")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
# words that open the object of an active casualty verb ("killed the attacker", "wounded his
# comrade"): its subject did the killing
_OBJECT_START = frozenset({"the", "a", "an", "his", "her", "their", "its", "two", "three", "several", "dozens"})
# a person's name right after a singular noun: two or three capitalised words
_NAME_AFTER = re.compile(r" [A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z][a-z]+(?:-[A-Z][a-z]+)?){1,2}\b")


def _alternation(words):
    """A regex alternation of ``words`` (matched as written; a space matches any whitespace),
    grouped by first character: the engine then rejects most word starts with one character
    test instead of one per word. Followed by ``\\b``, at any position at most one alternative
    can match a whole word, so the grouping finds exactly what a flat list would."""
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(r"\s+".join(re.escape(p) for p in w[1:].split(" ")))
    return "|".join(re.escape(f) + "(?:" + "|".join(rest) + ")" for f, rest in groups.items())


# words that attribute a figure to a claimant (lexicon figure_report_verbs.csv): "near" words
# take the actor just before (or after) them, "after" words the actor that follows, "media"
# words a news outlet just before them ("An AFP journalist saw")
_REPORT_WORDS = {k: [r[0] for r in read_lexicon("figure_report_verbs.csv") if r[1] == k]
                 for k in ("near", "after", "media")}
_MEDIA_SEEN = frozenset(_REPORT_WORDS["media"])
_REPORT_RE = re.compile(r"\b(?:" + _alternation(_REPORT_WORDS["near"] + _REPORT_WORDS["media"]) + r"|(?P<acc>"
                        + _alternation(_REPORT_WORDS["after"]) + r"))\b")
_POSSESSIVE = frozenset({"its", "their", "our", "own"})
# verbs and words that tell the side from the grammar (lexicon figure_side_words.csv)
_SIDE_WORDS = {w.lower(): role for w, role in read_lexicon("figure_side_words.csv")}
# ("enemy_group": what a state calls the fighters of the armed groups it fights, "terrorists")
_ENEMY = frozenset(w for w, role in _SIDE_WORDS.items() if role in ("enemy", "enemy_group"))
_GROUP_FIGHTERS = frozenset(w for w, role in _SIDE_WORDS.items() if role == "enemy_group")
_SUBJ_SKIP = frozenset({"had", "has", "have", "is", "was", "are", "were", "been", "be", "will",
                        "would", "still", "reportedly", "allegedly", "also", "already", "now", "currently"})
# a new clause between an actor and "its" ("X said Y opened fire, and that 2 of its soldiers
# were wounded"): the actor is not the subject the possessive refers back to
_CLAUSE_BREAK = re.compile(r",\s*(?:and|but|while|whereas)\b|;|\band\s+that\b")
_COORD_BEFORE = re.compile(r"(?:\s*,)?\s+(?:and|or)\s+$|\s*,\s*$")
_SELF = frozenset({"it", "they", "we"})  # a subject pronoun after "X said" is X
_OWN_PREFIX = ("its ", "their ", "our ")  # "its forces": an actor that is the claimant's own
# claimants that "it"/"its" do not refer to: a person is "he"/"his", and an agency reporting
# ("according to Reuters") is no side
_NOT_SELF = frozenset({"person", "media"})
_DETERMINERS = frozenset({"the", "its", "their", "our", "his", "her", "these", "those", "them",
                          "whom", "which"})
_SAMPLE_NOUNS = frozenset({"survey", "poll", "sample", "study", "panel", "census", "questionnaire"})
_LABEL_BEFORE = frozenset({"aged", "age", "ages", "no", "no.", "number", "resolution", "article",
                           "paragraph", "clause", "point", "section", "chapter", "page", "item",
                           "route", "highway", "road", "height", "hill", "km", "kilometre",
                           "grade", "class", "level", "room", "flight", "unit", "brigade",
                           "division", "regiment", "battalion", "corps", "$", "€", "£", "us$",
                           "usd", "amd", "azn", "rub", "the"})
# a number that names a formation: "5 Field Regiment", "3 Commando Brigade", "45 Commando"
_UNIT_NAME_AFTER = re.compile(r"\s+(?:[A-Z][\w-]*\s+){0,3}(?:Regiment|Brigade|Battalion|Division|Corps|Squadron|"
                              r"Commando|Rifles|Wing|Fleet|Infantry|Company)\b")
_PEACEKEEPING = re.compile(r"\b(?i:peacekeep)")
# "a peacekeeping force of 1,960 troops", "the peacekeeping contingent numbering some 2,000"
_PEACEKEEPING_OF = re.compile(r"(?i:peacekeep)\w*(?:\s+[\w-]+){0,2}\s+(?:of|numbering)\s+[^,;.]{0,20}$")
_SIDED = {"military", "troops", "peacekeepers", "prisoners", "hostages"}
# "the ATMIS mission, which has about 19,000 troops", "UNIFIL (...), which deploys"
_FORCE_HAS = re.compile(r"(?:\s+(?:mission|force|contingent|operation))?(?:\s*\([^()]{1,12}\))?\s*,\s+"
                        r"which\s+(?:now\s+|still\s+|currently\s+)?(?:has|had|have|deploys|deployed|"
                        r"maintains|numbers|comprises|includes)\s+")
_CASUALTY = {"killed", "wounded", "captured", "missing", "hostages", "prisoners"}
# categories a later "including 30,000 children" or "30,000 of them" is a part of
_PART_CATS = _CASUALTY | {"displaced", "refugees"}
_CROSS = frozenset({"and", "or", "including", "among", ",", "of"})
# where a part of a figure was counted: "including 12 in a house", "including 5 at the market"
_PART_PLACE_PREPS = frozenset({"in", "at", "on", "near", "from"})
# a captor's verb right before the people it counts (past "held" is too common: "held talks
# with 30 residents" is no count of prisoners, nor is "hold a meeting with 40 residents")
_HOLD_VERBS = frozenset({"hold", "holds", "holding"})
_REFUGEE_MARK = re.compile(r"\b(?:abroad|across\s+the\s+border|crossed|refugees?|overseas|"
                           r"(?:neighbou?ring|other)\s+countr(?:y|ies))\b", re.IGNORECASE)

# the months, lower case: a number right after one is a day, not a count
_MONTHS = frozenset(w.lower() for w, t, _n in read_lexicon("calendar.csv") if t == "month")


class _Cand:
    __slots__ = ("q", "weak", "ti", "tj", "qi", "head", "head_cat", "head_end", "np_end_tok",
                 "thing", "coord_next", "cat", "trig_left", "trig_right", "ordinal", "unit",
                 "unk_end", "of_mil", "name_end")

    def __init__(self, q: Quantity, weak: bool = False):
        self.q = q
        self.weak = weak
        self.head = None        # (i, j) tokens of the counted noun
        self.head_cat = None    # person | military | a figure category
        self.head_end = None    # char offset where the counted noun ends
        self.np_end_tok = None
        self.thing = False
        self.coord_next = None
        self.cat = None
        self.ordinal = False
        self.unit = False       # glued to a unit: never a count of people
        self.unk_end = None     # end of an unknown noun ("engineers"), if any
        self.of_mil = False     # soldiers counted under another noun ("16 soldiers wounded")
        self.name_end = None    # end of the name after the noun of one named person, if any


def _by_first(table):
    """First token -> [(length, phrase, value)], longest first (a cheap set test per token)."""
    out: dict[str, list] = {}
    for k, v in table.items():
        out.setdefault(k[0], []).append((len(k), k, v))
    for lst in out.values():
        lst.sort(key=lambda x: -x[0])
    return out


# built at import for the two tables :func:`_match_at` reads (keyed by identity: the tables
# are module constants)
# the casualty words as the sentence scan reads them: a military-only word ("detained",
# "eliminated") already carries its "<category>_mil" category, so the scan need not rebuild the
# phrase to look it up
_TRIG_SCAN = {k: (f"{cat}_mil" if k in _MILITARY_ONLY else cat, anim) for k, (cat, anim) in _TRIGGERS.items()}
_FIRST = {id(_TRIGGERS): _by_first(_TRIGGERS), id(_NOUNS): _by_first(_NOUNS),
          id(_TRIG_SCAN): _by_first(_TRIG_SCAN)}
_NOUN_FIRST = frozenset(k[0] for k in _NOUNS)
_FIRST_ITEM = itemgetter(0)
_START_END = itemgetter("start", "end")  # a C-level sort key (a lambda per record costs more)
_START = itemgetter("start")


def _match_at(toks, i, table, maxlen):
    """Longest phrase of ``table`` starting at token ``i``: (length, value) or None."""
    opts = _FIRST[id(table)].get(toks[i][2])
    if not opts:
        return None
    for n, key, val in opts:
        if n == 1:
            return 1, val
        if i + n <= len(toks):
            # a plain loop: a generator in all() costs more than the few comparisons
            for x in range(1, n):
                if toks[i + x][2] != key[x]:
                    break
            else:
                return n, val
    return None


# "1,270 casualties that Russian forces suffered": the subject of a loss verb in a relative
# clause after the counted noun owns them
_THAT_OPEN = re.compile(r"\s+(?:that|which|whom)\s+(?:the\s+)?")
_LOSS_AFTER = re.compile(r"\s+(?:had\s+|has\s+|have\s+)?(?:lost|suffered|sustained)\b")


def _relative_loser(text, end, sent_actors, all_actors):
    """The side of a figure ending at ``end`` that a relative clause's loss verb gives, or None."""
    m = _THAT_OPEN.match(text, end)
    if m is None:
        return None
    subj = [a for a in sent_actors if a["start"] == m.end()]
    if not subj:
        return None
    a = max(subj, key=lambda r: r["end"])
    return _state_of(a, all_actors) if _LOSS_AFTER.match(text, a["end"]) else None


# "Azerbaijani forces had suffered heavy losses, with about 200 soldiers killed"
_LOSSES_WITH = re.compile(r"\s+(?:had\s+|has\s+|have\s+)?(?:suffered|sustained|incurred)\s+(?:[\w-]+\s+){0,2}"
                          r"(?:losses|casualties)[^,.;:]{0,30}?,?\s+with\s+")


def _with_loser(text, start, sent_actors, all_actors):
    """The side of a figure a "with" clause adds to the losses its sentence's subject suffered
    ("X suffered heavy losses, with 200 soldiers killed"), or None."""
    subj = [a for a in sent_actors
            if start - 90 <= a["end"] < start and _LOSSES_WITH.fullmatch(text, a["end"], start)]
    return _state_of(max(subj, key=lambda a: a["end"] - a["start"]), all_actors) if subj else None


def _adversary(state, actors):
    """The other side of ``state``'s pair in ``conflict_dyads.csv`` that ``actors`` (the
    article's) name, when they name exactly one, else None."""
    others = _DYADS.get(state or "", set())
    if not others:
        return None
    named = {_state_of(a, ()) for a in actors if a.get("type") in ("state", "armed_group")} & others
    return named.pop() if len(named) == 1 else None


# an agent verb's subject that is some state's forces: "Its forces killed 30 soldiers"
_FORCE_SUBJECT = re.compile(r"\b(?:forces|troops|army|military|soldiers|artillery|air\s+force|airstrikes?|"
                            r"drones?|jets|warplanes)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# the counted noun of civilians, who are no side's casualties (gold convention)
_CIVILIAN_HEADS = frozenset({"civilians", "civilian"})
# nouns for a state's soldiers (not "fighters", "militants": any side's)
_STATE_SOLDIERS = _ACTOR_COUNTED_HEADS | {"reservists", "conscripts", "personnel"}


def _sole_force_state(actors):
    """The state of the armed forces an article names, when they are all one state's, else
    None."""
    states = set()
    for a in actors:
        if a.get("type") == "armed_force":
            states.add(_state_of(a, ()))
            if len(states) > 1:
                return None
    return states.pop() if len(states) == 1 and None not in states else None


def _state_of(rec, actors):
    """The state a figure's side or claimant record stands for; an armed group stands for
    itself ("dozens of RSF fighters" are not Sudan's, whose army fights them)."""
    if rec.get("type") in ("state", "armed_group"):
        return rec.get("name")
    cc = rec.get("country")
    if not cc:
        return None
    for a in actors:
        if a.get("type") == "state" and a.get("country") == cc and a.get("name"):
            return a["name"]
    return _places.STATE_OF_CODE.get(str(cc).upper())


# a token with the whitespace before it: tokens and whitespace cover the text, so the offsets
# follow from the lengths (findall builds the strings in C; a match object per token and its
# start()/end() calls cost more than the additions). The quantifiers are possessive: the
# whitespace ends where a token starts and a token's parts end where the pattern does, so no
# match needs to give characters back, and the engine keeps no backtracking state (~10% less
# CPU for the scan, same tokens)
_GAP_TOKEN_RE = re.compile(r"(\s*+)(\w++(?:['’.,]\w++)*+|[^\w\s])")


def _tokens(text, s, e, ltext=None):
    """``(start, end, lower-cased token)`` in ``text[s:e]``, as ``_TOKEN_RE.finditer`` finds
    them; ``ltext`` is ``text.lower()`` when lower-casing kept every offset (tokenising it
    saves a ``lower()`` per token)."""
    out = []
    pos = s
    if ltext is not None:
        for gap, tok in _GAP_TOKEN_RE.findall(ltext, s, e):
            pos += len(gap)
            end = pos + len(tok)
            out.append((pos, end, tok))
            pos = end
        return out
    for gap, tok in _GAP_TOKEN_RE.findall(text, s, e):
        pos += len(gap)
        end = pos + len(tok)
        out.append((pos, end, tok.lower()))
        pos = end
    return out


def _overlaps(s, e, spans):
    """Whether ``[s, e)`` overlaps one of ``spans``: a plain loop, as the lists are short and
    any() over a generator costs more to set up than the few tests."""
    for a, b in spans:
        if a < e and s < b:
            return True
    return False


def _candidates(text, dates, urls, url_starts):
    """Every amount in the text (one scan), plus "a/an <person>" and "a third" candidates."""
    d_spans = sorted((d["start"], d["end"]) for d in dates if d["end"] > d["start"])
    d_starts = [x for x, _ in d_spans]
    out = []
    for q in find_quantities(text, skip=d_spans):
        i = bisect_right(d_starts, q.num_end - 1)
        if _overlaps(q.num_start, q.num_end, d_spans[max(0, i - 3):i]):
            continue
        if urls and _dates._in_spans(q.num_start, urls, url_starts):
            continue
        out.append(_Cand(q))
    taken = [c.q.start for c in out]
    ends = [c.q.end for c in out]

    def free(pos):
        i = bisect_right(taken, pos) - 1
        return i < 0 or ends[i] <= pos

    extra = []
    for ns, ne, tag in _SG_ANCHORS.find_tagged(text):
        if tag == "sg":
            # "a local official": an article at most two words before the noun
            m = None
            if _ART_WORDS.intersection(w.lstrip("(\"'“‘[") for w in text[max(0, ns - 40):ns].lower().split()[-3:]):
                m = _ART_BEFORE.search(text, max(0, ns - 40), ns)
            if m is None:
                # "Serviceman Aram Petrosyan was wounded", "soldier Elvin Mammadov": one named
                # person (defence ministries report each casualty by name), counted from the noun
                name = _NAME_AFTER.match(text, ne)
                if name is not None and free(ns):
                    st = ns
                    dem = _WORD_BEFORE.search(text, max(0, ns - 30), ns)
                    if dem is not None and dem.group(1) in _places.DEMONYMS:
                        st = dem.start(1)  # "Armenian soldier Aram Petrosyan": the side's word too
                    c = _Cand(Quantity(st, st, st, st, 1, 1, 1, "exact", True), weak=True)
                    c.name_end = name.end()
                    extra.append(c)
                continue
            a_end = m.start() + len(text[m.start():m.end()].split(None, 1)[0])  # "a", "an", "another"
            if free(m.start()):
                extra.append(_Cand(Quantity(m.start(), a_end, m.start(), a_end, 1, 1, 1, "exact", True), weak=True))
            continue
        # "killing two crew members and wounding a third": one more of the same
        m = _ORDINAL_RE.search(text, max(0, ns - 4), ne + 12)
        if m is None or m.end() < ne:
            continue
        if free(m.start()):
            c = _Cand(Quantity(m.start(), m.end(), m.start(), m.end(), 1, 1, 1, "exact", True), weak=True)
            c.ordinal = True
            extra.append(c)
    if extra:
        out.extend(extra)
        out.sort(key=lambda c: c.q.start)
    return out


_SPEECH = frozenset(w for w in _read_words("speech_verbs.txt") if " " not in w)
# a toll of soldiers before a bare number: "the number of servicemen killed had risen to 105",
# "the military death toll rose to 209"
_MIL_TOLL_WORDS = ("soldiers", "servicemen", "troops", "service members")
_MIL_TOLL_BEFORE = re.compile(r"\b(?:(?:number|toll|tally|count)\s+of\s+(?:\w+\s+){0,2}?(?:soldiers|servicemen|"
                              r"troops|military\s+personnel|service\s+members)|military\s+(?:death\s+)?"
                              r"(?:toll|losses|casualties|deaths))\b[^.;,]{0,140}$")
# casualty nouns that also stand as adjectives before the people they describe
_STATE_ADJECTIVES = frozenset({"wounded", "injured", "dead", "missing"})
_THING_AFTER = frozenset(_read_words("thing_after_person_noun.txt"))


def _speaks(c, toks, before=True) -> bool:
    """Whether the people counted by ``c`` are the speakers of a speech verb right after their
    noun phrase ("two residents said") or, with ``before``, right before the number ("said one
    man", "according to two residents")."""
    k = c.np_end_tok if c.np_end_tok is not None else c.head[1]
    if k + 1 < len(toks) and toks[k][2] in ("from", "in", "of"):
        # "Two fighters from Afrin told the BBC": past where they are from
        j = k + 1
        while j < len(toks) and j <= k + 3 and toks[j][2][:1].isalpha() and toks[j][2] not in _SPEECH:
            j += 1
        if j < len(toks) and toks[j][2] in _SPEECH:
            return True
    return (k < len(toks) and toks[k][2] in _SPEECH) or (before and c.qi >= 1 and toks[c.qi - 1][2] in _SPEECH) \
        or (before and c.qi >= 2 and toks[c.qi - 1][2] == "to" and toks[c.qi - 2][2] == "according")


# a sentence that opens on the casualties it counts a part of: "Of the dead, 12 were soldiers"
_OF_THE_DEAD = re.compile(r"[\s\"“]*(?:Of|Among)\s+(?:the|those)\s+(dead|killed|wounded|injured|missing|"
                          r"victims|casualties)\s*,\s*", re.IGNORECASE)
_PART_WORD_CAT = {"dead": "killed", "killed": "killed", "victims": "killed", "casualties": "killed",
                  "wounded": "wounded", "injured": "wounded", "missing": "missing"}


def _soldiers_among(toks, k) -> bool:
    """Whether the tokens at ``k`` say "among (its|their|the) soldiers/troops/ranks"."""
    n = len(toks)
    if k >= n or toks[k][2] != "among":
        return False
    k += 1
    if k < n and toks[k][2] in _DETERMINERS:
        k += 1
    if k < n and toks[k][2] == "ranks":
        return True
    hit = _match_at(toks, k, _NOUNS, _NOUN_MAXLEN) if k < n and toks[k][2] in _NOUN_FIRST else None
    return hit is not None and hit[1][0] in ("military", "troops")


# participles before a counted noun that say what befell the people counted
_PRENOMINAL = {"captured": "captured", "detained": "captured", "abducted": "captured", "kidnapped": "captured",
               "wounded": "wounded", "injured": "wounded", "dead": "killed", "missing": "missing",
               "displaced": "displaced"}


def _participle_head(text, toks, k, n):
    """For a participle at token ``k`` before capitalised words (a demonym) and a noun of people:
    ``(category, end token of the noun, the noun's category)``; else None ("three wounded
    soldiers" without a demonym is read as a noun pair elsewhere)."""
    u = k + 1
    while u < n and u - k <= 2 and text[toks[u][0]].isupper():
        u += 1
    if u == k + 1 and toks[k][2] in _STATE_ADJECTIVES:
        return None
    hit = _match_at(toks, u, _NOUNS, _NOUN_MAXLEN) if u < n and toks[u][2] in _NOUN_FIRST else None
    if hit is None or hit[1][0] not in ("person", "military"):
        return None
    return _PRENOMINAL[toks[k][2]], u + hit[0], hit[1][0]


def _find_head(c, toks, text, cand_at):
    """Locate the counted noun after the number; sets head/thing/coord_next."""
    k = c.tj
    n = len(toks)
    unknown = 0
    last_unknown = None
    steps = 0
    if k + 1 < n and toks[k][2] == "more" and toks[k + 1][2] == "of":
        k += 1  # "15 more of its servicemen"
    if k < n and toks[k][2] == "of":
        k += 1
        if k < n and toks[k][2] in _DETERMINERS:
            if toks[k][2] in ("them", "whom"):
                c.head, c.head_cat, c.head_end = (k, k + 1), "person", toks[k][1]
                return
            k += 1
    while k < n and steps < 9:
        steps += 1
        tok = toks[k][2]
        if tok in _PRENOMINAL:
            ph = _participle_head(text, toks, k, n)
            if ph is not None:
                # "thousands of captured Ethiopian soldiers", "wounded Ukrainian civilians": the
                # participle says what befell them, the demonym whose they are
                cat, end, noun_cat = ph
                c.of_mil = noun_cat == "military"
                c.head, c.head_cat, c.head_end = (k, end), cat, toks[end - 1][1]
                c.np_end_tok = _of_name_end(text, toks, end)
                return
        # set tests first: most tokens start no noun or casualty phrase (saves the calls)
        hit = _match_at(toks, k, _NOUNS, _NOUN_MAXLEN) if tok in _NOUN_FIRST else None
        if hit and tok == "civilian" and c.q.value > 1 and k + 1 < n and toks[k + 1][2].isalpha() \
                and toks[k + 1][2] not in _STOP and _match_at(toks, k + 1, _TRIGGERS, _TRIG_MAXLEN) is None:
            hit = None  # "200 civilian monitors": an adjective before the noun counted
        if hit and k > c.tj and text[toks[k][0]].isupper() and text[toks[k - 1][0]].isupper():
            hit = None  # "four Royal Air Force Typhoon jets": a word of a name, not the noun counted
        if hit and k + hit[0] < n and toks[k + hit[0]][2] in _THING_AFTER:
            c.thing = True  # "90 armoured personnel carriers", "30 police stations": things
            c.np_end_tok = k + hit[0] + 1
            return
        if hit:
            ln, (cat, _num) = hit
            # "93 civilian deaths", "51 military casualties": the last noun names what is counted
            nxt = _match_at(toks, k + ln, _NOUNS, _NOUN_MAXLEN) if k + ln < n else None
            if nxt and nxt[1][0] not in ("person", "military"):
                c.of_mil = cat == "military"
                k, ln, cat = k + ln, nxt[0], nxt[1][0]
            elif nxt and ln == 1 and tok in _MODIFIERS and tok not in _STATE_ADJECTIVES:
                k, ln, cat = k + ln, nxt[0], nxt[1][0]  # "four elderly men": "elderly" is no noun here
            elif nxt and cat in ("killed", "wounded", "missing") and toks[k][2] in _STATE_ADJECTIVES:
                # "three wounded soldiers", "two dead civilians": the state names what is counted
                c.of_mil = nxt[1][0] == "military"
                ln += nxt[0]
            c.head, c.head_cat, c.head_end = (k, k + ln), cat, toks[k + ln - 1][1]
            c.np_end_tok = _of_name_end(text, toks, k + ln)
            if cat in _PART_CATS and not c.of_mil and (
                    (k > c.tj and toks[k - 1][2] == "military")
                    or _soldiers_among(toks, k + ln)):
                c.of_mil = True  # "1,068 military dead", "480 deaths among its troops"
            if cat == "person" and toks[k][2] in ("members", "member") and \
                    toks[c.np_end_tok - 1][2] in _ARMED_GROUP_NOUNS:
                c.head_cat = "military"  # "125 members of government security forces"
            elif cat == "person" and toks[k][2] in _CREW_WORDS and _MIL_VEHICLE.search(
                    text, max(0, toks[k][0] - 160), toks[k][0]):
                c.head_cat = "military"  # "A helicopter was shot down, killing two crew members"
            return
        if k in cand_at and cand_at[k] is not c:  # (a named person's count starts on its words)
            break
        if tok == "-" and k + 1 < n and toks[k + 1][2] == "strong":
            k += 2  # "a 2,000-strong peacekeeping force"
            continue
        if tok in _TRIG_FIRST and _match_at(toks, k, _TRIGGERS, _TRIG_MAXLEN) and tok not in _MODIFIERS:
            break
        first = toks[k][0]
        if tok in _UNITS and (k == c.tj or toks[k - 1][2] == "-") and not c.weak:
            c.thing = c.unit = True
            return
        if tok == "-" and 0 < k < n - 1 and toks[k - 1][1] == toks[k][0] == toks[k + 1][0] - 1:
            k += 1  # inside a compound adjective: "a 20-year-old conscript"
            continue
        if tok == "." and k > c.tj and toks[k - 1][1] == toks[k][0] and _INITIALISM.fullmatch(
                text, toks[k - 1][0], toks[k - 1][1]):
            k += 1  # the full stop of "U.S." or "U.N." inside the noun phrase: "Three U.S. service members"
            continue
        if tok in _STOP or not (tok[0].isalnum()) or tok in _LINKING:
            if tok in ("and", "or") and k + 1 in cand_at:
                c.coord_next = cand_at[k + 1]
            break
        if text[first].isupper():
            dem = _demonym_noun(text, toks, k, c.q.value)
            if dem:
                # "nine South Africans", "16 Russians", "one Uruguayan": people counted by nationality
                c.head, c.head_cat, c.head_end = (k, k + dem), "person", toks[k + dem - 1][1]
                c.np_end_tok = k + dem
                return
            k += 1
            continue
        if tok in _MODIFIERS or "-" in tok:
            k += 1
            continue
        if (k + 1 < n and toks[k + 1][2] == "-" and toks[k + 1][0] == toks[k][1]) or \
                (toks[k - 1][2] == "-" and toks[k - 1][1] == first):
            k += 1  # a part of a compound adjective ("20-year-old", "so-called")
            continue
        unknown += 1
        if unknown > 2:
            break
        last_unknown = k
        k += 1
    c.np_end_tok = k
    if unknown:
        c.thing = True
        c.np_end_tok = last_unknown + 1
        c.unk_end = toks[last_unknown][1]


_BY_AGENT_AFTER = re.compile(r"\s+(?:freed|released|returned|handed\s+over|captured|detained|held|taken|"
                             r"killed|abducted|seized)\s+by\s+(?:the\s+)?")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_AFTER_VERBLESS = frozenset({",", ".", ";", ")", "and", "on", "in", "at", "from", "among", "near", "according"})


def _verbless(c, toks) -> bool:
    """The counted noun phrase of ``c`` ends its clause, or a place or side follows it ("23
    soldiers and 22 civilians on the Israeli side"): no verb of its own comes after it."""
    k = c.np_end_tok if c.np_end_tok is not None else c.tj
    return k >= len(toks) or toks[k][2] in _AFTER_VERBLESS


def claim_quoted(figs: list[dict], quotes: list[dict]) -> list[dict]:
    """Give a figure inside a direct quotation that no attribution claims to the quotation's
    speaker ('"the number of our fallen servicemen is 105," the Prime Minister said');
    ``figs`` are updated in place and returned."""
    if not figs or not quotes:
        return figs
    spoken = [(q["start"], q["end"], q["speaker"]) for q in quotes if q.get("speaker")]
    for f in figs:
        if f["claimed_by"] is None:
            for qs, qe, speaker in spoken:
                if qs <= f["start"] and f["end"] <= qe:
                    f["claimed_by"] = speaker
                    break
    return figs


def _demonym_noun(text, toks, k, value) -> int:
    """How many tokens from ``k`` make a nationality used as a noun: a plural demonym
    ("Russians", "South Africans"), or a singular one counted by one ("one Uruguayan") that no
    noun follows ("one Russian soldier"); 0 when they make none."""
    n = len(toks)
    # cheap tests first: most capitalised words here are adjectives ("Armenian soldiers")
    two = k + 1 < n and toks[k + 1][0] - toks[k][1] == 1 and text[toks[k + 1][0]].isupper()
    ends = [ln for ln in ((2, 1) if two else (1,)) if text[toks[k + ln - 1][1] - 1] == "s"]
    for ln in ends:
        word = text[toks[k][0]:toks[k + ln - 1][1]]
        if word[:-1] in _places.DEMONYMS:
            return ln
    if value == 1:
        for ln in ((2, 1) if two else (1,)):
            if text[toks[k][0]:toks[k + ln - 1][1]] in _places.DEMONYMS and (
                    k + ln == n or not toks[k + ln][2][0].isalpha() or toks[k + ln][2] in _AFTER_SINGLE):
                return ln
    return 0


_AFTER_SINGLE = frozenset({"and", "or", "was", "were", "is"})


_ALONG_WITH = re.compile(r"\b(?:along|together)\s+with\s+$|\bas\s+well\s+as\s+$", re.IGNORECASE)
# nouns that end an "of" phrase naming a group the counted people belong to
_GROUP_NOUNS = frozenset({"forces", "force", "army", "military", "police", "militia", "militias", "guard",
                          "guards", "unit", "units", "battalion", "brigade", "service", "services", "group",
                          "family", "families", "crew", "team", "staff", "formations", "formation", "detachments",
                          "detachment", "groups"})
_ARMED_GROUP_NOUNS = frozenset({"forces", "force", "army", "military", "militia", "militias", "guard", "guards",
                                "unit", "units", "battalion", "brigade", "formations", "formation", "detachments",
                                "detachment", "groups"})


def _of_name_end(text, toks, k):
    """End token of an 'of (the) Name' after a counted noun ("a serviceman of the Azerbaijan
    Army was wounded"): the verb after the name still speaks of the noun."""
    n = len(toks)
    if k + 2 < n and toks[k][2] == "," and toks[k + 1][2] in ("born", "aged"):
        # "A civilian, born in 1962, was killed": the verb after the apposition is the noun's
        for j in range(k + 2, min(n, k + 7)):
            if toks[j][2] == ",":
                return j + 1
        return k
    if k < n and toks[k][2] == "of":
        j = k + 1
        if j < n and toks[j][2] == "the":
            j += 1
        e = j
        while e < n and text[toks[e][0]].isupper():
            e += 1
        # "five members of the security forces were killed": a group a few words long; "13
        # servicemen of the Armenian armed forces were taken prisoner": after a demonym too
        for g in range(e, min(n, e + 4)):
            w = toks[g][2]
            if w in _GROUP_NOUNS:
                return g + 1
            if not w.isalpha() or w in _STOP or w in _TRIG_FIRST:
                break
        if e > j:
            return e
    return k


def _noun_before(c, toks, text):
    """'peacekeepers numbering 1,960', 'a force totalling 2,000': the noun before a counting
    verb is what the number counts. Sets head/head_cat; True when found."""
    i = c.qi - 1
    if i < 1 or toks[i][2] not in _COUNT_VERBS:
        return False
    j = i - 1
    if toks[j][2] == ",":
        j -= 1
    for ln in range(min(_NOUN_MAXLEN, j + 1), 0, -1):
        hit = _match_at(toks, j - ln + 1, _NOUNS, _NOUN_MAXLEN)
        if hit and hit[0] == ln:
            c.head, c.head_cat = (j - ln + 1, j + 1), hit[1][0]
            c.head_end = None
            c.np_end_tok = c.tj
            return True
    return False


_COUNT_VERBS = frozenset({"numbering", "totalling", "totaling", "numbered", "totalled", "totaled"})
_AUX = frozenset({"was", "were", "is", "are", "had", "have", "has", "been", "being", "be", "reportedly",
                  "allegedly", "also", "all", "later", "subsequently", "both",
                  # linking verbs: "40 remain in hospital", "12 remained in captivity"
                  "remain", "remains", "remained", "stay", "stays", "stayed"})
_MODALS = frozenset({"may", "might", "could", "would", "will", "should", "must", "can"})
# verbs of no casualty that a count is often the subject of
_PLAIN_VERBS = frozenset({"live", "lived", "returned", "return", "joined", "took", "participated", "gathered",
                          "protested", "attended", "signed", "voted", "work", "worked", "serve", "served"})
# verbs that link a count to what follows: "300 troops remain in the area" (their own verb), "40
# remain in hospital" (a casualty word after them)
_LINKING = frozenset({"were", "was", "are", "is", "have", "had", "has", "remain", "remains", "remained", "stay",
                      "stays", "stayed"})
# adverbs of degree between an auxiliary and a casualty word ("were seriously injured")
_DEGREE = frozenset({"seriously", "badly", "critically", "severely", "slightly", "lightly", "gravely",
                     "mortally", "fatally", "very", "moderately"})
# quote marks around a quoted count, which a casualty word outside them still speaks of
_QUOTE_TOKS = frozenset({'"', "“", "”"})
_HARD_STOP = frozenset({"said", "says", "say", "told", "according", ";", ":", "as", "when", "while",
                        "after", "because", "although", "though", "but", "before", "whereas", "if",
                        "where", '"', "“", "”", "(", ")"})


def text_upper(text, toks, t):
    """Whether token ``t`` was written capitalised (names are not verbs of another clause)."""
    return text[toks[t][0]].isupper()


def _gap_ok(text, toks, a, b, c, cands_by_tok, side, max_unknown):
    """Whether a casualty word at the other end of tokens ``[a, b)`` still speaks of ``c``.

    Another figure in between takes the word, unless it is a coordinated or parenthetical part
    of the same subject ("Two journalists and a local official died", ", including 10
    civilians, were killed"); a clause boundary or too many unknown content words (another
    verb: "gathered as the shelling killed 3") cut the link.
    """
    unknown = 0
    located = False  # past a preposition of place, whose nouns of place are the subject's complement
    t = a
    while t < b:
        close = _aside_end(text, toks, t, b)
        if close is not None:
            t = close
            continue
        other = cands_by_tok.get(t)
        if other is not None and other is not c:
            if side == "right":
                prev = toks[other.qi - 1][2] if other.qi > 0 else ""
                ok = prev in _CROSS and (other.head_cat is not None or other.weak
                                         or other.unk_end is not None)
            else:
                prev = toks[c.qi - 1][2] if c.qi > 0 else ""
                ok = prev in ("and", ",", "or") and other.head_cat is not None and c.head_cat is not None
            if not ok:
                return False
            t = max(t + 1, other.np_end_tok or other.tj)
            continue
        tok = toks[t][2]
        if (tok in _PAREN_OPENERS or tok == "later" and t + 1 < b and toks[t + 1][2] == "identified") \
                and t > a and toks[t - 1][2] == ",":
            # ", including a deputy commander,": a parenthesis inside the subject, up to its
            # last comma (", including nine South Africans, three Malawians and one Uruguayan,")
            nxt = next((u for u in range(min(b, t + 30) - 1, t, -1) if toks[u][2] == ","), None)
            if nxt is not None:
                t = nxt + 1
                continue
        if tok in _QUOTE_TOKS and ((side == "left" and t == b - 1) or (side == "right" and t == a)):
            t += 1  # 'killed "dozens of terrorists"', '"dozens of terrorists" were neutralised'
            continue
        if tok in _HARD_STOP:
            return False
        if side == "right" and tok in _LOCATIVE_PREPS:
            located = True
        if tok[0].isalpha() and not (located and tok in _LOCATIVE) and tok not in _STOP \
                and tok not in _MODIFIERS and not tok.endswith("ly") and not text_upper(text, toks, t) \
                and tok not in _GAP_WORDS and (tok,) not in _NOUNS and (tok,) not in _TRIGGERS:
            unknown += 1
            if unknown > max_unknown:
                return False
        t += 1
    return True


def _aside_end(text, toks, t, b):
    """When token ``t`` opens an aside that closes before token ``b``, the token after it, else
    None: a parenthesis between dashes inside a subject ("six people - four police officers
    and two civilians - were killed") or a short bracket ("Sergeant Aram Petrosyan (born
    1998) received a gunshot wound")."""
    if _dash(text, toks, t):
        close = next((u for u in range(t + 1, b) if _dash(text, toks, u)), None)
    elif toks[t][2] == "(":
        close = next((u for u in range(t + 1, min(b, t + 8)) if toks[u][2] == ")"), None)
    elif toks[t][2] == "," and t + 1 < b and (toks[t + 1][2] in _RESTATING or _naming(toks, t + 1, b)
                                             or toks[t + 1][2] in ("born", "aged")):
        # (", born in 2003,": the birth year of the soldier just named, as MoD releases write it)
        # ", about 90% of the population,": the same people restated between commas; ", known
        # as Khankendi in Azerbaijan,": a place's other name
        close = next((u for u in range(t + 2, min(b, t + 12)) if toks[u][2] == ","), None)
    else:
        return None
    return None if close is None else close + 1


def _naming(toks, u, b):
    """Whether token ``u`` opens another name for what was just named: "known as", "also
    called", "which Azerbaijan calls", "as Israelis call it"."""
    w = toks[u][2]
    if w in _NAMING_WORDS:
        return True
    if w in ("also", "now", "formerly") and u + 1 < b:
        return toks[u + 1][2] in _NAMING_WORDS
    if w in ("which", "what", "as"):
        return any(toks[x][2] in _NAMING_VERBS for x in range(u + 1, min(b, u + 5)))
    return False


_NAMING_WORDS = frozenset({"known", "called", "dubbed", "renamed", "officially"})
_NAMING_VERBS = frozenset({"calls", "call", "called", "names", "name", "refers", "refer"})

# words opening a restatement of a figure between commas
_RESTATING = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "or"})


def _aside_tokens(text, toks, a, b):
    """How many of the tokens ``[a, b)`` lie in asides (:func:`_aside_end`)."""
    n = 0
    t = a
    while t < b:
        close = _aside_end(text, toks, t, b)
        if close is None:
            t += 1
        else:
            n += close - t
            t = close
    return n


def _dash(text, toks, t):
    """Token ``t`` is a dash that sets off a parenthesis: an en or em dash, or a hyphen with
    spaces around it (not the hyphen inside "high-precision")."""
    tok = toks[t][2]
    if tok in ("–", "—"):
        return True
    st = toks[t][0]
    return tok == "-" and text[st - 1:st].isspace() and text[st + 1:st + 2].isspace()


# words that open a parenthesis inside a subject: ", including a deputy commander,", ", born in
# 1962," (translated releases), ", aged 19,", ", identified as Private X,"
_PAREN_OPENERS = frozenset({"including", "among", "mostly", "mainly", "many", "born", "aged", "identified"})
_GAP_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "both", "all", "sides",
                        "side", "been", "being", "be", "reportedly", "allegedly", "also", "own",
                        "total", "number", "official", "confirmed", "them", "whom", "those",
                        "these", "rose", "risen", "climbed", "stood", "stands", "reached",
                        "increased", "jumped", "brought", "bringing", "raising", "put", "puts",
                        "putting", "at", "to", "of", "with", "among", "including", "from"})


# "the fate of 13 others is unknown": missing people, when the clause says so
_FATE_WORDS = frozenset({"fate", "whereabouts"})
_UNKNOWN_AFTER = re.compile(r"[^.;]{0,80}?\b(?:unknown|unclear|not\s+known|uncertain)\b")
# "The death toll from the missile strike on Dnipro rose to 45": a toll noun, a prepositional
# complement of any length, then the verb that gives the number.
_TOLL_NOUNS = frozenset({"toll", "tally", "losses"})
_TOLL_PREPS = frozenset({"from", "in", "of", "after", "on", "at", "since", "for", "among"})
_TOLL_VERBS = frozenset({"rose", "risen", "rises", "climbed", "climbs", "reached", "reaches", "stood", "stands",
                         "increased", "jumped", "hit", "grew", "soared", "passed"})


_RAISE_VERBS = frozenset({"raising", "raised", "raises", "bringing", "brought", "brings", "pushing", "pushed",
                          "taking", "took", "lifting", "lifted"})


def _toll_verb(text, toks, i, j, c, cands_by_tok):
    """For a casualty word (tokens ``i`` to ``j``) ending with a toll noun, or counted by "the
    number of" ("The number of forcibly displaced persons from Karabakh who have entered Armenia
    has reached 50,243"): the token of the verb that gives ``c``'s number ("rose [to]") when the
    words between are the toll's complement ("from the strike on the city"), else None."""
    if j >= c.qi:
        return None
    if toks[j - 1][2] in _TOLL_NOUNS:
        if toks[j][2] not in _TOLL_PREPS:
            return None
        opening = i
    else:
        # "the number of civilians killed", "the number of Armenian servicemen killed"
        opening = next((k for k in range(i - 1, max(0, i - 5), -1) if toks[k][2] == "of" and toks[k - 1][2] in _TOTAL_WORDS), None)
        if opening is None:
            return None
        opening -= 1
    v = c.qi - 1
    if toks[v][2] == "to" and any(toks[k][2] in _RAISE_VERBS for k in range(max(0, opening - 4), opening)):
        pass  # "raising the number of troops killed since ... to 11": the "to" gives the number
    else:
        if toks[v][2] in ("to", "at"):
            v -= 1
        if v <= j or toks[v][2] not in _TOLL_VERBS:
            return None
    t = j
    while t < v:
        close = _aside_end(text, toks, t, v)
        if close is not None:
            t = close  # "the toll from the blast near Stepanakert, known as Khankendi, rose to 170"
            continue
        if toks[t][2] == "as" and t + 3 < v and toks[t + 1][2] == "a" and toks[t + 2][2] == "result":
            t += 3  # "the number of servicemen killed as a result of the aggression has reached 105"
            continue
        if (toks[t][2] in _HARD_STOP and toks[t][2] not in _TOLL_PREPS) or (
                cands_by_tok.get(t) not in (None, c) and not (t == j + 1 and toks[j][2] == "of")):
            return None  # another clause, or another number, lies between
        t += 1
    return v  # ("the death toll of 49 rose to 105": the old toll is the toll's own complement)


_TOTAL_WORDS = frozenset({"number", "total", "toll", "tally", "count"})


def _day_of_month(toks, t) -> bool:
    """Token ``t`` is a day after its month ("since Sept. 27", "since September 27")."""
    return t >= 1 and (toks[t - 1][2] in _MONTHS or (toks[t - 1][2] == "." and t >= 2 and toks[t - 2][2] in _MONTHS))


def _total_after(c, toks, trig, prev, n):
    """The category of the total that a count raised to comes before: "bringing to 11 the
    number of soldiers killed", "raised to 45 the death toll", "raised to 45 its death toll";
    else None."""
    if c.head is not None or prev != "to" or c.qi < 2 or toks[c.qi - 2][2] not in _RAISE_VERBS \
            or c.tj >= n or toks[c.tj][2] not in ("the", "its", "their", "our"):
        return None
    hit = next((tr for tr in trig if c.tj < tr[0] <= c.tj + 8), None)
    if hit is None or hit[2] not in _CASUALTY or not _TOTAL_WORDS.intersection(
            toks[t][2] for t in range(c.tj, min(n, hit[1] + 1))):
        return None
    return hit[2]


# (dots allowed: "since Russia invaded on Feb. 24 last year" is one period's start)
_SINCE_BEFORE = re.compile(r"\bsince\b[^,;]{0,40}$", re.IGNORECASE)
# after the figure, a since-clause may run longer before its date ("12,000 civilians have been
# killed since Russia launched its full-scale invasion in February 2022"); before the figure a
# long one is often another clause's ("Tensions have flared since the sides reached a truce last
# November, ending a war that claimed 6,500 lives")
_SINCE_FAR_BEFORE = re.compile(r"\bsince\b[^,;]{0,80}$", re.IGNORECASE)
# a relative clause dating the start of what has a running toll: "the war, which broke out in
# April last year, has displaced 11 million" (but "the offensive, which began on Tuesday, killed
# 50" dates its figure)
_START_CLAUSE_BEFORE = re.compile(r"\b(?:which|that)\s+(?:first\s+)?(?:broke\s+out|began|started|erupted|"
                                  r"was\s+launched)\s+(?:in\s+|on\s+)?$", re.IGNORECASE)
_PERFECT_AFTER = re.compile(r",?\s+(?:has|have)\s")
# "... have been killed since fighting broke out in Sudan between the army and the paramilitary
# Rapid Support Forces on April 15": a since-clause on a war's start runs long before its date
_SINCE_START_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?(?:fighting|war|conflict|clashes|hostilities|violence|"
                                 r"offensive|invasion|siege)\s+(?:first\s+)?(?:broke\s+out|began|started|erupted)"
                                 r"\b[^,;.]{0,140}$", re.IGNORECASE)
def _founded_before(text, a, b) -> bool:
    """:data:`_FOUNDED_BEFORE` in ``text[a:b]``, tried only when one of its words is there."""
    w = text[a:b]
    return any(k in w for k in _FOUNDED_PARTS) and _FOUNDED_BEFORE.search(text, a, b) is not None


_FOUNDED_PARTS = ("ounded", "ormed", "stablished", "reated", "set up", "born")
_FOUNDED_BEFORE = re.compile(r"\b(?:founded|formed|established|created|set\s+up|born)\s+(?:in\s+|on\s+)?$",
                             re.IGNORECASE)
# the end of a period: "a treaty that runs until 2044"
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|through|up\s+to)\s+$", re.IGNORECASE)
# a date right after a reporting verb dates the report ("said on Tuesday", "told reporters Monday")
_SAID_ON = re.compile(r"\b(?:said|says|told|reported|announced|added|stated|confirmed)\b"
                      r"(?:\s+\w+){0,2}?\s+(?:on\s+|late\s+|early\s+|earlier\s+)?$")
# before a participle they make it passive: "was killed a day earlier" has no object
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "been", "being", "be", "got", "get"})


# between two named people of a list: "Major General X and Colonel Y", "X, Junior Sergeant Y
# and Z" (a rank's first words are before the noun a figure starts at)
_NAME_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:[A-Z][a-z]+\s+){0,2}")

# Between a figure and a person named after it: an optional "of the <Name>" and a list of
# capitalised names and ranks ("three servicemen of the Azerbaijan Army, Private Elvin Huseynov,
# Corporal Tural Mammadov and ").
_NAMES_LISTED = re.compile(r"(?:\s+of\s+the\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s*,"
                           r"(?:\s*(?:[A-Z][\w'’.-]*|and|,))*\s*"
                           # "one soldier, identified as Private X,": the same person, named
                           r"|\s*,\s*(?:later\s+|since\s+)?identified\s+(?:by\s+\w+(?:\s+\w+)?\s+)?as\s+"
                           r"(?:(?:[A-Z][\w'’.-]*|and|,)\s*)*")


# after "the", words of time: "12 people killed the day before" is no active verb's object
_TIME_AFTER_THE = frozenset({"day", "night", "week", "weekend", "morning", "evening", "afternoon", "previous",
                             "same", "following", "next", "month", "year", "past", "last"})


# casualty words whose object is their victim ("killed two attackers", "captured a soldier")
_VICTIM_VERBS = frozenset({"killed", "wounded", "captured", "captured_mil", "killed_mil", "missing", "prisoners"})


def _active_with_object(toks, trig, cand_at) -> bool:
    """Whether the casualty word ``trig`` (after a figure) is an active verb with an object of
    its own ("killed two attackers", "wounded the driver"): not after an auxiliary of the
    passive ("were killed"), and followed by a determiner, a number word or another figure."""
    i, j = trig[2], trig[3]
    if trig[0] not in _VICTIM_VERBS:
        return False  # "residents fled their villages": the object is a place, not a victim
    if j >= len(toks) or (i > 0 and toks[i - 1][2] in _PASSIVE_AUX):
        return False
    nxt = toks[j][2]
    if nxt == "the" and j + 1 < len(toks) and toks[j + 1][2] in _TIME_AFTER_THE:
        return False
    return nxt in _OBJECT_START or j in cand_at


_JOINS = frozenset(("or", "and"))


def _joined_casualty(toks, trig, hit) -> bool:
    """True when the casualty word ``hit`` is joined by "or"/"and" to a word of another
    casualty category ("killed or injured", "dead and wounded"): one count of both."""
    i, j = hit[2], hit[3]
    for i2, j2, cat2, _anim in trig:
        if cat2 in _CASUALTY and cat2 != hit[0] and (
                (i2 == j + 1 and toks[j][2] in _JOINS) or (j2 == i - 1 and i > 0 and toks[i - 1][2] in _JOINS)):
            return True
    return False


def _in_place_complement(text, toks, t, c) -> bool:
    """Whether token ``t`` belongs to a short complement of place right after the counted noun
    of ``c`` ("residents of the north", "civilians in border villages of Tavush")."""
    if c.head is None or c.np_end_tok is None or t - c.np_end_tok > 5:
        return False
    tok = toks[t][2]
    return tok in _LOCATIVE_PREPS or tok == "the" or tok in _LOCATIVE or text_upper(text, toks, t)


def _nearest_trigger(text, c, trig, cands_by_tok, toks):
    """The nearest casualty word linked to ``c`` on the left and on the right:
    ``(category, distance, first token, end token)`` or None."""
    left = right = None
    gap_from = None  # where the left gap to check starts: the trigger's end, or a toll's verb
    for i, j, cat, anim in trig:
        if j <= c.qi and (left is None or c.qi - j < left[1]):
            if c.qi - j <= 7:
                # "the death toll of 49 rose to 105": past the old toll, the verb gives the number
                verb = _toll_verb(text, toks, i, j, c, cands_by_tok) if any(
                    cands_by_tok.get(t) not in (None, c) for t in range(j, c.qi)) else None
                left, gap_from = (cat, c.qi - j, i, j, anim), (j if verb is None else verb)
            elif c.qi - j <= 24:
                verb = _toll_verb(text, toks, i, j, c, cands_by_tok)
                if verb is not None:
                    left, gap_from = (cat, c.qi - j, i, j, anim), verb
    end = c.np_end_tok if c.np_end_tok is not None else c.tj
    # ", later identified as Private X and Corporal Y,", ", including a woman and her two sons
    # who had returned home,": a parenthesis of the subject (as _gap_ok skips it) does not count
    # toward the distance to its verb
    aside = 0
    n = len(toks)
    if end + 1 < n and toks[end][2] == "," and (toks[end + 1][2] in _PAREN_OPENERS or (
            toks[end + 1][2] == "later" and end + 2 < n and toks[end + 2][2] == "identified")):
        close = next((u for u in range(end + 2, min(n, end + 40)) if toks[u][2] in (",", ".", ";")), None)
        if close is not None and toks[close][2] == ",":
            aside = close - end
    for i, j, cat, anim in trig:
        if i >= end and i - end - (aside if i > end + aside else 0) <= 14 and (right is None or i - end < right[1]):
            if i > end and cands_by_tok.get(i - 1) not in (None, c):
                continue  # "800,000 people, including 500,000 displaced": the word is the part's own
            right = (cat, i - end, i, j, anim)
    if left and not _gap_ok(text, toks, gap_from, c.qi, c, cands_by_tok, "left", 2):
        left = None
    if left and c.head is None and c.qi - left[3] == 1 and toks[left[3]][2] in ("was", "is") \
            and toks[left[3] - 1][2].endswith(("ed", "died")) and c.q.value < 120 \
            and not any(toks[t][2] in _TOTAL_WORDS for t in range(max(0, left[2] - 3), left[2])):
        left = None  # "one of the soldiers killed was 19": an age ("the number killed was 45" is not)
    if right and not _gap_ok(text, toks, end, right[2], c, cands_by_tok, "right", 1):
        right = None
    return left, right


def find_figures(text, sents, actors=(), places=(), dates=(), published=None) -> list[dict]:
    """Figures of people (casualties, troops, displaced...) with side, claimant, place and date.

    Parameters
    ----------
    text : str
        Clean body text; offsets refer to it.
    sents : list of (int, int)
        Sentence spans from :func:`data.extract.sentences.split_sentences`.
    actors, places, dates : list of dict
        Records of the other steps (``start``, ``end``, ``name``/``date``, ``type``...).
    published : str or None
        Publication date ``YYYY-MM-DD`` (for the period of "last year's war").

    Returns
    -------
    list of dict
        ``start, end, surface, value, low, high, qualifier, category, actor, claimed_by, date,
        place`` in text order.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if sents is None:
        sents = [(0, len(text))]
    actors = sorted(actors or [], key=_START_END)
    places = sorted(places or [], key=_START_END)
    if places:
        stamps = _datelines(text)
        if stamps:
            places = [p for p in places if not any(a <= p["start"] and p["end"] <= b for a, b in stamps)]
    dates = sorted(dates or [], key=_START_END)
    a_starts = [a["start"] for a in actors]
    p_starts = [p["start"] for p in places]
    d_starts = [d["start"] for d in dates]
    urls = _dates._url_spans(text)
    url_starts = [u for u, _ in urls]
    out: list[dict] = []
    cands = _candidates(text, dates, urls, url_starts)
    if not cands:
        return out
    s_starts = [a for a, _ in sents]
    ltext = text.lower()
    if len(ltext) != len(text):
        ltext = None  # a letter whose lower case is longer ("İ"): lower-case token by token
    groups: dict[int, list] = {}
    for c in cands:
        i = bisect_right(s_starts, c.q.start) - 1
        if i >= 0 and c.q.end <= sents[i][1]:
            groups.setdefault(i, []).append(c)
    for i in sorted(groups):
        carried = None
        if i > 0 and _RESULT_OPENING.match(text, sents[i][0]):
            # "... the Ministry of Defense told AZERTAC. As a result, a serviceman was killed":
            # a sentence that states the result of the one before is told by the same source
            ps, pe = sents[i - 1]
            carried = (_claims(text, ps, pe, actors[bisect_left(a_starts, ps):bisect_right(a_starts, pe)]),
                       _event_dates(dates[bisect_left(d_starts, ps):bisect_right(d_starts, pe)]))
        elif i > 0:
            m = _IT_REPORT.match(text, sents[i][0], sents[i][1])
            if m is not None:
                # "It said 100 troops were killed": the body that spoke last, read as the
                # sentence of its report reads it (no dates carried: "it said" is no "then")
                carried = (_it_claims(text, m, sents, s_starts, actors, a_starts), [])
        # "More than 100,000 refugees ... . Almost 30,000 of them are children": the category of
        # the last figure of the sentence before, which "of them" may be a part of
        prev = out[-1] if out and i > 0 and out[-1]["start"] >= sents[i - 1][0] else None
        before = prev["category"] if prev is not None else None
        n = len(out)
        for s, e, grp in _pieces(sents[i], groups[i]):
            out.extend(_group(text, ltext, s, e, grp, actors, a_starts, places, p_starts, dates,
                              d_starts, published, carried, before))
        if prev is not None and (prev["date"] or prev["place"]):
            _continue_event(text, sents[i], sents[i - 1], out[n:], prev, actors, a_starts, places, p_starts, d_starts)
    return out


# a sentence that widens the scope, names another time or turns to another side or event is no
# continuation of the event before it ("Russia's war has killed more than 12,000 civilians", "a
# month after gunmen killed 81", "On the Israeli side, 50 were killed", "In a separate attack")
_NEW_SCOPE = re.compile(
    r"\b(?:since|so\s+far|to\s+date|in\s+total|overall|altogether|total|totals|cumulative|war|wars|"
    r"invasion|conflict|insurgency|campaign|offensive|operation|operations|side|sides|separate|"
    r"separately|earlier|previous|previously|ago|already|"
    r"(?:the|this|last|past|next)\s+(?:week|month|year|decade)|"
    r"(?:days?|weeks?|months?|years?)\s+(?:after|before|earlier|later))\b", re.IGNORECASE)
# categories of one event's toll, which a follow-up sentence goes on to count
_EVENT_CATS = _CASUALTY | {"displaced"}
# ... and those a place carries to: where captives are held or handed over is not where they were
# taken, and a count of the displaced after a local toll is mostly the whole war's ("The UN says
# 2.2 million people have fled their homes" after a massacre in one town)
_PLACED_AFTER = {"killed": _CASUALTY - {"prisoners", "hostages"}, "wounded": _CASUALTY - {"prisoners", "hostages"},
                 "missing": _CASUALTY - {"prisoners", "hostages"}, "captured": _CASUALTY - {"prisoners", "hostages"},
                 "displaced": frozenset({"displaced"})}


def _continue_event(text, span, prev_span, figs, prev, actors, a_starts, places, p_starts, d_starts):
    """Give the figures of a sentence that names no date and no place of its own the date and
    place of the figure of the sentence right before, which it goes on to count ("Russian
    missiles struck Kyiv on Monday, killing 33 people. Another 121 were wounded"). Wire copy
    gives the when and where once, in the lead; without this the follow-up counts drop off the
    map and out of date filters. ``figs`` are updated in place."""
    s, e = span
    if prev["category"] not in _EVENT_CATS or not any(
            f["category"] in _EVENT_CATS and (f["date"] is None or f["place"] is None) for f in figs) \
            or _NEW_SCOPE.search(text, s, e):
        return
    if prev["date"] is None and bisect_left(d_starts, prev_span[0]) != bisect_left(d_starts, prev_span[1]):
        # the figure before had no date though its sentence had one: it told another, older
        # event ("..., two weeks after an attack in Kashmir killed 26 men")
        return
    own_date = bisect_left(d_starts, s) != bisect_left(d_starts, e)
    own_place = None
    for f in figs:
        if f["category"] not in _EVENT_CATS:
            continue
        if f["date"] is None and not own_date:
            f["date"] = prev["date"]
        if f["place"] is None and prev["place"] and prev["category"] in _PLACED_AFTER.get(f["category"], ()):
            if own_place is None:
                # (a state read as an actor, "Azerbaijan's defence ministry said", names no place)
                sent_places = places[bisect_left(p_starts, s):bisect_left(p_starts, e)]
                own_place = bool(sent_places) and bool(_free_places(
                    sent_places, actors[bisect_left(a_starts, s):bisect_left(a_starts, e)], text))
            if not own_place:
                f["place"] = prev["place"]


_RESULT_OPENING = re.compile(r"\s*(?:As a result|In the result|As a consequence|Consequently)\b")


_PIECE = 2000  # a "sentence" longer than this (no punctuation) is read in pieces of about it


def _pieces(span, grp):
    """``(start, end, candidates)`` to read: the sentence itself, or, for a run-on text without
    sentence ends, pieces of it, so that the work per figure stays bounded (linear time)."""
    s, e = span
    if e - s <= _PIECE:
        return [(s, e, grp)]
    out = []
    cur = [grp[0]]
    for c in grp[1:]:
        if c.q.start - cur[0].q.start > _PIECE // 2:
            out.append(cur)
            cur = [c]
        else:
            cur.append(c)
    out.append(cur)
    return [(max(s, g[0].q.start - _PIECE // 4), min(e, g[-1].q.end + _PIECE // 4), g) for g in out]


_TOLL_WORD = re.compile(r"toll|tally|number\s+of", re.IGNORECASE)
# nouns that count the dead, or the dead and the injured together, as the sentence goes on to say
_MIXED_NOUNS = frozenset({"victims", "casualties"})


def _group(text, ltext, s, e, grp, actors, a_starts, places, p_starts, dates, d_starts, published,
           carried=None, before=None):
    """Figures of the candidates ``grp`` of the sentence (or piece) ``text[s:e]``; ``carried``:
    the attributions and event dates of the sentence before, for a sentence that names none of
    its own."""
    # tokens only around the numbers: casualty words further away are never linked
    ts, te = max(s, grp[0].q.start - 100), min(e, grp[-1].q.end + 140)
    if ts > s:
        # ... but a toll's number comes after its complement, however long ("the death toll
        # from the strike on a building in the central Ukrainian city of Dnipro rose to 40")
        toll = None
        for toll in _TOLL_WORD.finditer(text, max(s, grp[0].q.start - 200), grp[0].q.start):
            pass
        if toll is not None:
            ts = min(ts, max(s, toll.start() - 20))
    if ts > s:
        sp = text.find(" ", ts, grp[0].q.start)
        ts = sp + 1 if sp >= 0 else grp[0].q.start
    if te < e:
        sp = text.rfind(" ", grp[-1].q.end, te)
        te = sp if sp >= 0 else grp[-1].q.end
    toks = _tokens(text, ts, te, ltext)
    t_starts = list(map(_FIRST_ITEM, toks))
    sent_actors = actors[bisect_left(a_starts, s):bisect_right(a_starts, e)]
    sent_places = places[bisect_left(p_starts, s):bisect_right(p_starts, e)]
    sent_dates = dates[bisect_left(d_starts, s):bisect_right(d_starts, e)]
    return _sentence(text, s, e, toks, t_starts, grp, sent_actors, actors,
                     sent_places, sent_dates, published, carried, before)


def _sentence(text, s, e, toks, t_starts, cands, sent_actors, all_actors, sent_places,
              sent_dates, published, carried=None, before=None):
    n = len(toks)
    for c in cands:
        c.qi = bisect_left(t_starts, c.q.start)
        c.ti = bisect_left(t_starts, c.q.num_start)
        c.tj = bisect_left(t_starts, c.q.num_end)
    cand_at = {c.qi: c for c in cands}
    cands_by_tok = {}
    for c in cands:
        for t in range(c.qi, max(c.tj, c.qi + 1)):
            cands_by_tok[t] = c
    # casualty words in this sentence
    trig = []
    nxt_free = 0
    for i in [i for i, t in enumerate(toks) if t[2] in _TRIG_FIRST]:
        if i < nxt_free:
            continue
        hit = _match_at(toks, i, _TRIG_SCAN, _TRIG_MAXLEN)
        if hit:
            trig.append((i, i + hit[0], hit[1][0], hit[1][1]))
            nxt_free = i + hit[0]
    for c in reversed(cands):
        _find_head(c, toks, text, cand_at)
        if c.name_end is not None and c.head is not None:
            # the named person's noun phrase ends after the name
            c.head_end = c.name_end
            c.np_end_tok = bisect_left(t_starts, c.name_end)
        if c.head is None and not c.thing:
            _noun_before(c, toks, text)
        if c.head is None and not c.thing and c.coord_next is not None and c.coord_next.head is not None:
            nx = c.coord_next  # "Four Armenian and three Azerbaijani soldiers"
            c.head_cat, c.thing, c.of_mil = nx.head_cat, nx.thing, nx.of_mil
            if nx.unk_end is not None and c.head_cat is None:
                c.unk_end = c.q.end  # the shared unknown noun is counted after the last number
    recs = []
    parts = set()  # ids of the candidates counted as parts of the figure before ("including")
    listed = []  # named people whose verb is after others named (a list of casualties)
    joined: set[int] = set()  # figures that take the toll of the one before ("along with")
    labelled = set()
    for idx, c in enumerate(cands):
        if c.ordinal:
            # "a third" counts the noun of the figure before it, if there is one
            prevs = [p for p in cands[:idx] if p.head_cat is not None and not p.ordinal]
            if not prevs:
                continue
            c.head_cat = prevs[-1].head_cat
            c.np_end_tok = c.tj
        q = c.q
        prev = toks[c.qi - 1][2] if c.qi > 0 else ""
        if id(c) in labelled:
            continue
        if prev == "of" and c.qi > 1 and toks[c.qi - 2][2] in _SAMPLE_NOUNS:
            continue  # "a survey of 1,500 people": who was asked, not who was hurt
        if prev in _LABEL_BEFORE and not (prev == "the" and c.head_cat):
            if c.tj + 1 < n and toks[c.tj][2] in ("and", "or", ",") and (c.tj + 1) in cand_at:
                labelled.add(id(cand_at[c.tj + 1]))  # "aged 19 and 20": both are labels
            continue
        if c.weak and c.head_cat is None:
            continue
        if c.head_cat is None and q.num_start < len(text) and text[q.num_start].isdigit() \
                and _UNIT_NAME_AFTER.match(text, q.end):
            continue  # "Lance Naik Raman Thakur of 5 Field Regiment": a unit's number
        if c.tj + 1 < n and toks[c.tj][2] == "of" and (c.tj + 1) in cand_at:
            continue  # "one of 16 people killed": the 16 is the figure
        if c.unit or (c.thing and c.unk_end is None and c.head_cat is None):
            continue
        surf_num = text[q.num_start:q.num_end]
        yearlike = (q.qualifier == "exact" and surf_num.isdigit() and len(surf_num) == 4
                    and 1800 <= q.value <= 2100)
        if yearlike and (c.head_cat is None or (c.tj < n and toks[c.tj][2] in _dates._YEAR_NOUNS)):
            continue  # ("After the 2020 war the peacekeepers set up posts": a year, not 2,020 peacekeepers)
        if c.head is None and q.value <= 31 and _day_of_month(toks, c.qi):
            continue  # "since Sept. 27": a day of a month the date step did not read
        if c.head is None and prev == "," and c.tj < n and toks[c.tj][2] in (",", ")"):
            continue  # "The soldier, 19, died": an age in apposition
        if isinstance(q.value, float) and c.head_cat is None:
            continue
        if recs and q.value == 1 and _AGED_ONE.match(text, q.start) and text[recs[-1][2]:q.start].strip() == ",":
            continue  # "one man, a 47-year-old resident of Martakert, had died": the same man
        if text.find(" of", max(s, q.start - 40), q.start) >= 0 or text.find("home to", max(s, q.start - 30), q.start) >= 0:
            if _POPULATION_BEFORE.search(text, max(s, q.start - 40), q.start) and \
                    text.find("camp", max(s, q.start - 40), q.start) < 0:
                continue  # "Jermuk, a spa town of some 4,000 people": who lives there, not who was hit
        w = text[max(s, q.start - 40):q.start]
        if ("in " in w or "of " in w) and ("'s" in w or "’s" in w or "in " in w or "out of" in w) \
                and _SHARE_BEFORE.search(text, max(s, q.start - 40), q.start):
            # "one in four residents has fled", "one-third of South Sudan's 12 million people are
            # displaced", "85% of Gaza's 2.3 million people": a share, or the population it is of
            continue
        left, right = _nearest_trigger(text, c, trig, cands_by_tok, toks)
        if right and _active_with_object(toks, right, cand_at):
            right = None  # "Three soldiers killed two attackers": the subject of an active verb did it
        if left and right is None and (c.head is None or any(
                toks[t][2] in ("and", ",") for t in range(left[3], c.qi))) and _own_verb_follows(
                toks, c.np_end_tok if c.head is not None and c.np_end_tok is not None else c.tj):
            # "Two people died and 11 were hospitalized", "75 were injured and 39 people had
            # been rescued": the word before is not about a figure with a verb of its own (a
            # complement of it is: "the body of a shepherd was found")
            left = None
        if left and right and any(toks[t][2] in ("and", ",") for t in range(left[3], c.qi)) and all(
                toks[t][2] in _AUX or toks[t][2] in _DEGREE or toks[t][2] in _MODALS
                or _in_place_complement(text, toks, t, c) for t in range(
                    c.np_end_tok if c.head is not None and c.np_end_tok is not None else c.tj, right[2])):
            # "Two people died and 11 were seriously injured", "50 were killed and 60,000
            # residents of the north evacuated": the figure's own verb, not the word before the
            # "and", says what it counts
            left = None
        if left and toks[left[2]][2] in _FATE_WORDS and not _UNKNOWN_AFTER.match(text, q.end, e):
            left = None  # "decide the fate of 5,000 residents": no one is missing
        trig_hit = None
        if left and right:
            trig_hit = left if left[1] < right[1] else right
        else:
            trig_hit = left or right
        tcat = trig_hit[0] if trig_hit else None
        hc = c.head_cat
        if tcat is not None and tcat.endswith("_mil"):
            # "detained 2 soldiers" is a capture, "destroyed 480 troops" a toll; "detained 150
            # protesters" is not a war figure, nor "destroyed 12 of them"
            tcat = tcat[:-4] if (hc in _SIDED or _has_sided_actor(c, start_of(c), toks, sent_actors)) else None
        inverted = _total_after(c, toks, trig, prev, n)
        if inverted is not None:
            c.thing, c.unk_end = False, None  # "the number" is no noun of the count
        unknown_noun = c.thing and hc is None
        if unknown_noun:
            # "two engineers died": a noun we do not know counts people only when the word
            # next to it is said of living beings (not "captured 5 positions", "lost 3 tanks")
            if not trig_hit or not trig_hit[4]:
                continue
            if trig_hit is left and trig_hit[1] > 0:
                continue
            if trig_hit is right and not all(
                    toks[t][2] in _AUX for t in range(c.np_end_tok or c.tj, right[2])):
                continue
            hc = "person"
        cat = None
        if tcat == "same":
            # "up from an earlier figure of 42": the category of the figure it revises
            tcat = recs[-1][3] if recs else None
            if tcat is not None and hc is None:
                hc = tcat if tcat in ("killed", "wounded", "missing") else hc
        if hc in ("killed", "wounded", "missing"):
            cat = hc
            if hc != "killed" and tcat == "killed" and trig_hit is right and trig_hit[1] <= 2 and not any(
                    cands_by_tok.get(t, c) is not c for t in range(right[2] - right[1], right[2])):
                cat = "killed"  # "two of the wounded later died": the verb says what became of them
        elif hc == "captured":
            # "paraded thousands of captured soldiers"; "returned 90 captured soldiers" are
            # prisoners freed, "killed 90 captured soldiers" a toll
            cat = tcat if tcat in ("prisoners", "killed", "hostages") else "captured"
        elif hc == "displaced" and c.head is not None and (
                c.head[1] >= n or _match_at(toks, c.head[1], _NOUNS, _NOUN_MAXLEN) is None):
            cat = hc  # "30,000 were killed and 1 million displaced": the word says what is counted
        elif tcat in _CASUALTY and not (hc == "refugees" and tcat != "killed"):
            # "took 240 hostages, 129 of whom remain in captivity": hostages held are hostages
            cat = hc if hc == "hostages" and tcat in ("prisoners", "captured") else tcat
        elif tcat in ("flee", "displaced", "refugees") and hc not in ("military", "troops", "peacekeepers"):
            if tcat == "flee":
                cat = "refugees" if _crosses_border(text, trig_hit, toks, sent_places, all_actors, e) else "displaced"
            else:
                cat = "refugees" if hc == "refugees" else tcat
        elif hc == "troops" and _PEACEKEEPING_OF.search(text, max(s, q.start - 70), q.start):
            cat = "peacekeepers"  # "a Russian peacekeeping force of 1,960 troops"
        elif hc in ("peacekeepers", "troops", "refugees", "prisoners", "hostages", "displaced"):
            cat = hc
        elif hc == "military":
            # "the peacekeeping contingent consists of 1,960 servicemen": soldiers of a
            # peacekeeping force named just before them are peacekeepers
            cat = "peacekeepers" if _PEACEKEEPING.search(text, max(s, q.start - 70), q.start) else "troops"
            if tcat is None and _speaks(c, toks, before=False):
                # "Two fighters from Afrin told the BBC": sources, no deployment (but "the
                # ministry said 115 servicemen had been returned" counts them)
                cat = None
        elif hc == "person":
            cat = "troops" if tcat == "troops" else "other"
            if cat == "other" and c.qi >= 1 and (toks[c.qi - 1][2] in _HOLD_VERBS or (
                    c.qi >= 2 and toks[c.qi - 1][2] in _POSSESSIVE and toks[c.qi - 2][2] in _HOLD_VERBS)):
                cat = "prisoners"  # "they hold 72 Armenians", "Hamas is holding 101 people"
            elif cat == "other" and c.head is not None:
                leave = _forced_to_leave(text, c, toks, sent_places)
                if leave is not None:
                    cat = "refugees" if _crosses_border(text, leave, toks, sent_places, all_actors, e) else "displaced"
                elif tcat is None and _speaks(c, toks):
                    cat = None  # "one man said", "Two residents told AFP": witnesses, not a figure
        elif hc is None and tcat == "troops":
            cat = None
        if recs and recs[-1][3] in _CASUALTY and (
                ((text.find("with", max(s, q.start - 16), q.start) >= 0
                  or text.find("well as", max(s, q.start - 16), q.start) >= 0)
                 and _ALONG_WITH.search(text, max(s, q.start - 16), q.start))
                or (id(recs[-1][0]) in joined and toks[c.qi - 1][2] == "and")):
            # "745 civilians were killed, along with 125 members of the security forces and 148
            # militants": the same toll, counted by kind
            if tcat is None and cat in ("troops", "other"):
                cat = recs[-1][3]
            if cat == recs[-1][3]:
                joined.add(id(c))
        if recs and recs[-1][3] in _CASUALTY and tcat is None and (
                cat in ("troops", "other") or (cat is None and hc is None and c.head is None)) \
                and c.qi >= 1 and toks[c.qi - 1][2] == "and" and _verbless(c, toks):
            # "500 people have been killed in Lebanon ..., and 23 soldiers and 22 civilians on
            # the Israeli side": a count with no verb of its own shares the one before's (a bare
            # one too: "About 30,000 died in the first war, and more than 6,500 in the second")
            cat = recs[-1][3]
            joined.add(id(c))
        if cat is None and hc is None and c.head is None and recs and recs[-1][3] in _SIDED | {"displaced", "refugees"} \
                and recs[-1][0].head is not None and c.qi >= 1 and toks[c.qi - 1][2] == "and" \
                and c.tj < n and toks[c.tj][2] in ("in", "at", "on") and _verbless(c, toks):
            # "some 2,500 troops in Iraq and 900 in Syria": the same noun, left out
            cat = recs[-1][3]
            joined.add(id(c))
        if cat is None and hc is None and recs and c.qi >= 1 \
                and toks[c.qi - 1][2] in ("further", "another", "additional"):
            cat = recs[-1][3]  # "200 peacekeepers are at Lachin, while a further 400 ..."
        if cat is None and hc is None and c.head is None and recs and prev == "including" \
                and recs[-1][3] in _CASUALTY and c.tj < n and toks[c.tj][2] in _PART_PLACE_PREPS:
            cat = recs[-1][3]  # "killed 30 people, including 12 in a house in Jabalia": a part of it
        if recs and c.qi >= 1 and (
                toks[c.qi - 1][2] in ("including", "them", "whom")
                or (id(recs[-1][0]) in parts and _PART_LIST_JOIN.fullmatch(text, recs[-1][2], q.start))):
            # "13 dead, including two children": a part of the figure before; "including four
            # women and three children": every part the list names
            parts.add(id(c))
            if cat == "other" and recs[-1][3] in _PART_CATS:
                cat = recs[-1][3]
        if cat == "other" and c.head is not None and toks[c.head[0]][2] == "them":
            # "Almost 30,000 of them are children": a part of the figure before (in this
            # sentence or the one before)
            last = recs[-1][3] if recs else before
            if last in _PART_CATS:
                cat = last
        if cat in ("killed", "wounded") and right is not None and right[0] == cat and right[1] <= 2 and recs \
                and recs[-1][3] == "killed" and c.head is not None \
                and toks[c.head[0]][2] == "them" \
                and any(toks[t][2] in _MIXED_NOUNS for t in range(recs[-1][0].qi, c.qi)):
            # "361 people became victims of mines, 69 of them fatally": the victims counted
            # both the dead and the injured
            recs[-1] = recs[-1][:3] + ("other",)
        if cat in ("killed", "wounded") and tcat == cat and _joined_casualty(toks, trig, trig_hit):
            cat = "other"  # "12 people were killed or injured": one count of both, neither alone
        if cat in (None, "other", "troops") and tcat is None:
            part = _OF_THE_DEAD.fullmatch(text, s, q.start)
            if part is not None:
                cat = _PART_WORD_CAT[part.group(1).lower()]  # "Of the dead, 12 were conscripts"
        if cat in (None, "other", "troops") and tcat is None and ":" in text[max(s, q.start - 80):q.start]:
            label = None
            for label in _LABEL_LIST.finditer(text, max(s, q.start - 80), q.start):
                pass
            if label is not None and ";" not in text[label.end():q.start]:
                # "Killed: 17 Somali soldiers, three Ugandan troops; wounded: about 30" (a
                # casualty list written as a table)
                cat = _TRIGGERS[(label.group(1).lower(),)][0]  # (categories.csv: "dead" is killed)
        if cat is None and inverted is not None:
            cat = inverted
        if cat is None and c.head is None and (recs[-1][3] if recs else before) in _PART_CATS \
                and _REVISED_TO.search(text, max(s, q.start - 60), q.start):
            # "71 militants were killed. The figure was later revised down to 45."; "claimed 1,492
            # deaths, a figure they later revised down to 365"
            cat = recs[-1][3] if recs else before
        if cat is None:
            continue
        if c.weak and not c.ordinal:
            if toks[c.qi - 1][2] == "including" if c.qi > 0 else False:
                continue  # ", including a deputy commander,": a part of the figure before it
            if c.name_end is not None and recs and _NAMES_LISTED.fullmatch(text, recs[-1][2], c.q.start):
                # "three servicemen of the Army, Private X, Corporal Y and Sergeant Z, were
                # killed": the last one named is one of the three
                continue
        if c.weak:
            # "a local official" counts only as a subject of a casualty verb or next to a figure
            if cat not in _CASUALTY or not trig_hit or trig_hit[1] > (
                    # right after the noun phrase, or past an aside: "Sergeant X (born 1998) was wounded"
                    0 if trig_hit is left else 2 + _aside_tokens(text, toks, trig_hit[2] - trig_hit[1], trig_hit[2])):
                if c.name_end is not None:
                    listed.append(c)  # counted if the last one named is: see below
                continue
        # surface: qualifier + number (+ counted noun)
        end = c.head_end if c.head_end is not None and c.head is not None else q.end
        if unknown_noun and c.unk_end is not None:
            end = c.unk_end
        start = q.start
        if c.name_end is not None and listed:
            # "Major General X and Colonel Y were killed": everyone the list names before the
            # one next to the verb has the same fate
            k, nxt, chain = len(listed) - 1, c, []
            while k >= 0 and _NAME_LIST_JOIN.fullmatch(text, listed[k].name_end, nxt.q.start):
                chain.append(listed[k])
                nxt, k = listed[k], k - 1
            for p in reversed(chain):
                recs.append((p, p.q.start, p.head_end if p.head is not None and p.head_end is not None
                             else p.q.end, cat))
            listed.clear()
        recs.append((c, start, end, cat))
    figs = []
    prev_fig = None
    reports = None
    for c, start, end, cat in recs:
        q = c.q
        value = q.value
        low, high = q.low, q.high
        if reports is None:
            # the attributions of the sentence, found once for all its figures
            reports = _claims(text, s, e, sent_actors) or (carried[0] if carried else []) \
                or _pronoun_claims(text, s, e, all_actors)
            free_places = _free_places(sent_places, sent_actors, text)
            dated = _event_dates(sent_dates) or (carried[1] if carried else [])
            own_dated = dated
            # the end of a period still to come ("a treaty that runs until 2044") is no day of
            # the figure
            dated = [d for d in dated if not (_after(d["date"], published)
                                              and _UNTIL_BEFORE.search(text, max(s, d["start"] - 12), d["start"]))
                     # nor when a body was founded ("The ELN, founded in 1964, has 6,000 fighters")
                     and not _founded_before(text, max(s, d["start"] - 24), d["start"])]
            # nor is a period's start ("killed since the war ended in November 2020"): a running
            # toll is as of its report
            first_fig = min(r[1] for r in recs)
            since = [d for d in dated if _SINCE_BEFORE.search(text, max(s, d["start"] - 45), d["start"])
                     or d["surface"][:6].lower() == "since " or (
                         d["start"] > first_fig
                         and _SINCE_FAR_BEFORE.search(text, max(s, first_fig, d["start"] - 86), d["start"]))
                     or (_PERFECT_AFTER.match(text, d["end"])
                         and _START_CLAUSE_BEFORE.search(text, max(s, d["start"] - 40), d["start"]))
                     or (d["start"] > first_fig and text.find("since", max(s, first_fig), d["start"]) >= 0
                         and _SINCE_START_BEFORE.search(text, max(s, first_fig, d["start"] - 170), d["start"]))]
            dated = [d for d in dated if d not in since]
            if len(dated) > 1:
                dated = _join_ranges(text, dated)
            if len(dated) > 1:
                # "said on Tuesday that a soldier was killed a day earlier": the day of the
                # saying is not the event's when the sentence names another
                # (a period's start, "killed since the fighting began on Tuesday", is no event
                # day either: a running toll keeps the day it was given)
                events = [d for d in dated if not _SAID_ON.search(text, max(s, d["start"] - 40), d["start"])]
                dated = events or dated
            # "Since last year's war, 40 people were killed": a running toll, not the war's; but
            # "Since the 2020 war, in which 6,500 people were killed" is the war's own figure
            hints = None if dated or since else [
                h for h in _dates.period_hints(text, s, e, published)
                if not _SINCE_BEFORE.search(text, max(s, h[0] - 45), h[0])
                or _ERA_CLAUSE.match(text, h[1], min(e, h[1] + 40))]
        # "Azerbaijan lost 50", "it had killed 200": the verb the number is the object of, and
        # the side its subject stands for ("it" after "X said" is X)
        if c.head is None and not c.of_mil and (text.find("military", max(s, q.start - 180), q.start) >= 0 or any(
                text.find(w, max(s, q.start - 180), q.start) >= 0 for w in _MIL_TOLL_WORDS)) \
                and _MIL_TOLL_BEFORE.search(text, max(s, q.start - 180), q.start):
            c.of_mil = True  # "the number of servicemen killed had risen to 105": soldiers
        verb = _governing_verb(c, toks)
        subj = _subject_side(text, toks, verb[0], sent_actors, all_actors, reports) if verb else None
        owner = verb is not None and (verb[1] == "loss" or (verb[1] == "own" and (
            c.head_cat in ("military", "troops", "peacekeepers") or c.of_mil)))
        side = _side(text, c, start, end, toks, sent_actors, all_actors, reports, subj if owner else None)
        if side is None and sent_actors:
            side = _relative_loser(text, end, sent_actors, all_actors) or _with_loser(
                text, start, sent_actors, all_actors)
        claimed_by, claim_rec = _claimant(start, end, reports, text)
        # an outlet's tally speaks for no side ("23 soldiers ..., according to tallies by The
        # Associated Press" are not the United States')
        side_rec = claim_rec if claim_rec is not None and claim_rec.get("type") != "media" else None
        own_kill = verb is not None and verb[1] == "agent" and subj is not None and \
            claim_rec is not None and subj == _state_of(claim_rec, all_actors)
        if verb is not None and verb[1] == "loss" and _enemy_subject(toks, verb[0]):
            own_kill = True  # "the enemy lost 200 soldiers": not the claimant's soldiers
        if side is None and side_rec is not None and (c.head_cat in ("military", "troops") or c.of_mil) \
                and not own_kill and not _names_enemy(c, toks):
            # "The Armenian defence ministry said 15 soldiers were killed": a military body or
            # government reporting soldiers without naming a side reports its own (not those it
            # says it killed: "it killed 200 soldiers", "50 enemy soldiers")
            side = _state_of(side_rec, all_actors)
        if side is None and side_rec is not None and (c.head_cat in ("military", "troops") or c.of_mil) \
                and (own_kill or _names_enemy(c, toks)):
            # "the enemy lost up to 100 soldiers", "its forces killed 200 soldiers": the other
            # state of the claimant's war, when the article names it
            side = _adversary(_state_of(side_rec, all_actors), all_actors)
            if side is not None and c.head is not None and toks[c.head[0]][2] in _GROUP_FIGHTERS and not any(
                    a.get("type") == "armed_group" and a.get("name") == side for a in all_actors):
                side = None  # India's "terrorists" are not Pakistan's soldiers; Israel's are Hamas's
        if side is not None and c.head is not None and c.head_cat in _SIDED:
            np_end = toks[c.np_end_tok - 1][1] if c.np_end_tok is not None and c.np_end_tok > 0 else end
            by = _BY_AGENT_AFTER.match(text, np_end, np_end + 40)
            if by is not None:
                agent_rec = next((a for a in sent_actors if a["start"] == by.end()), None)
                if agent_rec is not None and _state_of(agent_rec, all_actors) == side:
                    # "the two soldiers freed by Armenia": whom Armenia freed are not Armenia's
                    side = _adversary(side, all_actors)
        if side is None and c.name_end is not None:
            # "a serviceman of the Azerbaijan Army, Junior Sergeant Ramin Aliyev, was killed":
            # the force the apposition names
            side = _apposed_side(text, start, sent_actors, all_actors)
        if side is None and c.head is not None and toks[c.head[0]][2] in _STATE_SOLDIERS and not own_kill \
                and not _names_enemy(c, toks) and not any(text_upper(text, toks, t) for t in range(c.tj, c.head[0])):
            # "Jihadists killed at least 20 soldiers" in a story whose only armed forces are
            # Nigeria's and which names no state it is at war with: that state's soldiers (not
            # when its own forces did the killing; not "ethnic Armenian soldiers")
            sole = _sole_force_state(all_actors)
            if sole is not None and not (verb is not None and verb[1] == "agent" and (
                    subj == sole or (subj is None and _FORCE_SUBJECT.search(
                        text, max(s, toks[verb[0]][0] - 50), toks[verb[0]][0])))) \
                    and _adversary(sole, all_actors) is None and not any(
                        # ("The United States has 2,000 troops in Syria", "The mission has about
                        # 10,000 troops": another state's or a UN mission's)
                        a.get("type") == "international_org" or (a.get("type") == "state" and a.get("name") != sole)
                        for a in sent_actors):
                side = sole
        if side is None and prev_fig is not None and id(c) in joined and c.head is None:
            side = prev_fig["actor"]  # "2,500 US troops in Iraq and 900 in Syria": the same side
        if side is None and prev_fig is not None and (
                (c.qi >= 1 and toks[c.qi - 1][2] in ("further", "another", "additional"))
                or (c.qi + 1 < len(toks) and toks[c.qi + 1][2] in ("more", "other"))):
            # "a further 400", "two more servicemen were wounded": more of the same side
            side = prev_fig["actor"]
        if side is None and prev_fig is not None and (
                c.head is None or toks[c.head[0]][2] == "others"
                or c.head_cat in ("killed", "wounded", "missing")) and prev_fig["actor"] \
                and prev_fig["category"] in _CASUALTY:
            # "15 soldiers were killed and 12 captured", "... and 24 others": the same side (not
            # after "2,000 Russian troops were deployed ... fighting in which thousands were
            # killed": a deployment's side is no casualty's)
            side = prev_fig["actor"]
        if side is None and c.head is not None and toks[c.head[0]][2] in _CREW_WORDS:
            # "shot down a Russian Mi-24 helicopter, killing two crew members": the vehicle's side
            vehicle = None
            for vehicle in _NAMED_VEHICLE.finditer(text, max(s, start - 160), start):
                pass
            if vehicle is not None and vehicle.group(1) in _places.DEMONYMS:
                side = _places.DEMONYMS[vehicle.group(1)]
        if c.head is not None and cat in _CASUALTY:
            head = text[toks[c.head[0]][0]:toks[c.head[1] - 1][1]] if c.head[1] > c.head[0] else ""
            if side is not None and cat in ("killed", "wounded", "missing") and head.lower() in _CIVILIAN_HEADS:
                side = None  # "63 of its civilians": civilians are no side's losses
            elif side is None and cat in ("prisoners", "hostages", "captured") and head.endswith("s") \
                    and head[:-1] in _places.DEMONYMS:
                # "still holding more than 100 Armenians": captives are their country's
                side = _places.DEMONYMS[head[:-1]]
        prev_fig = {
            "start": start, "end": end, "surface": text[start:end],
            "value": value, "low": low, "high": high, "qualifier": q.qualifier,
            "category": cat, "actor": side,
            "claimed_by": claimed_by,
            "date": _when_date(text, start, own_dated) or _date_for(text, start, dated, hints),
            "place": _place_for(text, start, end, free_places, cat),
        }
        figs.append(prev_fig)
    _split_totals(text, figs)
    return figs


# "386 people have fallen victim to landmines, of whom 70 were killed and 316 injured": the
# first count is of both
_PART_LIST_JOIN = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
_PARTS_AFTER = re.compile(r"[^.;]{0,40}?,?\s+(?:of\s+whom|of\s+them|among\s+them|including)\s+$")


def _split_totals(text, figs):
    """A killed or wounded count that the next two figures split into killed and wounded
    becomes ``other`` (a count of both), in place."""
    for i in range(len(figs) - 2):
        f, a, b = figs[i], figs[i + 1], figs[i + 2]
        if f["category"] in ("killed", "wounded") and {a["category"], b["category"]} == {"killed", "wounded"} \
                and _PARTS_AFTER.match(text, f["end"], a["start"]) and a["value"] + b["value"] <= f["value"]:
            f["category"] = "other"


_MADE_OF = re.compile(r"\s+(?:(?:contingent|force|unit|group|battalion|brigade)\s+)?(?:of|numbering)\s+")


def _apposed_side(text, start, sent_actors, all_actors):
    """The side of a force or state that ends right before ``start``, set off by a comma."""
    for a in sent_actors:
        if a["end"] <= start and a.get("type") in ("armed_force", "state", "armed_group") \
                and _COMMA_GAP.fullmatch(text, a["end"], start):
            return _state_of(a, all_actors)
    return None


# a comma, and the words of a rank the figure's surface left out ("Junior Sergeant X")
_COMMA_GAP = re.compile(r"\s*,\s*(?:[A-Z][a-z]+\.?\s+){0,2}")


def start_of(c):
    return c.q.start


def _has_sided_actor(c, start, toks, sent_actors):
    end = toks[c.np_end_tok - 1][1] if c.np_end_tok and c.np_end_tok <= len(toks) else c.q.end
    return any(a["start"] < end and a["end"] > start and a.get("type") in ("state", "armed_force")
               for a in sent_actors)


def _own_verb_follows(toks, k):
    """'11 were hospitalized', '200 people may have been inside': an auxiliary (or a modal)
    then a word that is not a casualty word."""
    n = len(toks)
    if k < n and toks[k][2] in _PLAIN_VERBS:
        return True  # "300 people gathered in the square"
    if k < n and toks[k][2] in _MODALS:
        k += 1
        if k < n and toks[k][2] in ("have", "be"):
            k += 1
            while k < n and toks[k][2] in ("been", "being"):
                k += 1
            return k < n and toks[k][2].isalpha() and _match_at(toks, k, _TRIGGERS, _TRIG_MAXLEN) is None
        return False
    if k < n and toks[k][2] in _LINKING:
        k += 1
        while k < n and toks[k][2] in ("been", "being", "also", "still", "later", "reportedly"):
            k += 1
        return k < n and toks[k][2].isalpha() and _match_at(toks, k, _TRIGGERS, _TRIG_MAXLEN) is None
    return False


_CAUSE_VERBS = frozenset({"forced", "forcing", "force", "forces", "prompted", "prompting", "drove", "driving",
                          "pushed", "pushing", "caused", "causing", "compelled", "compelling"})
_LEAVE_VERBS = frozenset({"leave", "abandon", "evacuate"})


def _forced_to_leave(text, c, toks, places):
    """A flight that "leave" tells ("prompted 100,000 Armenians to leave for Armenia", "100,000
    people left Nagorno-Karabakh for Armenia"), as a casualty-word hit for
    :func:`_crosses_border`, or None. "leave" alone is too common a word to be a flight verb
    ("allowed 20 journalists to leave"): a verb that drives people out must come before the
    number, or "left" must have a place as its object."""
    k = c.np_end_tok if c.np_end_tok is not None else c.head[1]
    n = len(toks)
    if k < n:
        # "100,000 people, or more than 80% of the population, have left Karabakh for Armenia"
        k = _aside_end(text, toks, k, n) or k
    if k + 1 < n and toks[k][2] == "to" and toks[k + 1][2] in _LEAVE_VERBS:
        v = c.qi - 1  # the figure's first token is its qualifier's: "prompted [more than] 100,000"
        if v >= 0 and toks[v][2] in _CAUSE_VERBS:
            return ("flee", 0, k, k + 2, True)
    if k + 2 < n and toks[k][2] == "from" and toks[k + 1][2] in ("their", "its", "his", "her") \
            and toks[k + 2][2] in ("homes", "home", "villages", "village", "towns", "town", "land", "lands"):
        v = c.qi - 1  # "forced some 90,000 people from their homes"
        if v >= 0 and toks[v][2] in _CAUSE_VERBS:
            return ("flee", 0, k, k + 3, True)
    j = k + 1 if k < n and toks[k][2] in ("have", "had", "has") else k
    if j + 1 < n and toks[j][2] == "left" and any(p["start"] == toks[j + 1][0] for p in places):
        return ("flee", 0, j, j + 1, True)
    return None


_PART_ASIDE = re.compile(r",\s+(?:including|among\s+them|of\s+whom|of\s+them)\b")


def _crosses_border(text, trig_hit, toks, places, actors, sent_end):
    """'fled X for Armenia', 'fled to Iran', 'fled abroad': a border is crossed -> refugees."""
    pos = toks[trig_hit[3] - 1][1] if trig_hit[3] - 1 < len(toks) else sent_end
    # the preposition may end the casualty word itself ("arrived in Armenia")
    word = toks[trig_hit[2]][0] if trig_hit[2] < len(toks) else pos
    tail = text[pos:sent_end]
    part = _PART_ASIDE.search(tail)
    if part is not None:
        # "2.2 million have fled their homes, including 528,000 who crossed into neighbouring
        # countries": the part crossed, not the whole
        tail = tail[:part.start()]
        sent_end = pos + part.start()
    if _REFUGEE_MARK.search(tail) or _REFUGEE_MARK.search(text[max(0, pos - 200):pos]):
        return True
    for p in places:
        if p["start"] >= pos and p.get("kind") == "country":
            before = text[max(word, p["start"] - 15):p["start"]].lower()
            if re.search(r"\b(?:for|to|into|in|towards?)\s+(?:neighbou?ring\s+)?$", before):
                return True
    for a in actors:
        if a.get("type") == "state" and pos <= a["start"] < sent_end:
            before = text[max(word, a["start"] - 15):a["start"]].lower()
            if re.search(r"\b(?:for|to|into|towards?)\s+(?:neighbou?ring\s+)?$", before):
                return True
    return False


_OF_THE = re.compile(r"\s+(?:of|from)\s+(?:the\s+)?")  # "3 servicemen of the Army", "30 militants from Hamas"


# a casualty list written as a table: "Killed: 17 soldiers; wounded: about 30"
_LABEL_LIST = re.compile(r"(?:^|(?<=[\s;(]))(killed|dead|wounded|injured|missing|captured|detained|displaced)\s*:\s*",
                         re.IGNORECASE)
# a figure of the sentence before, revised: "The figure was later revised down to 45"
_REVISED_TO = re.compile(r"\b(?:figure|number|count|estimate|it)\b[^.;:]{0,30}\b(?:revised|corrected|lowered|"
                         r"raised|adjusted)\s+(?:(?:it\s+)?(?:down|up|downward|upward)s?\s+)?to\s+$", re.IGNORECASE)
_LOSS_PARTICIPLES = frozenset({"killed", "wounded", "dead", "injured", "missing"})
_KEEP_VERBS = frozenset({"has", "have", "had", "keeps", "kept", "keep", "maintains", "maintained", "maintain"})


def _governing_verb(c, toks):
    """``(token, role)`` of a loss, agent or own verb right before the number (or its article:
    "lost 50", "had killed some 200", "deployed a 1,960-strong force"), or None."""
    v = c.qi - 1
    if v >= 1 and toks[v][2] in _QUOTE_TOKS:
        v -= 1  # 'it had killed "dozens of terrorists"'
    if v >= 1 and toks[v][2] in ("a", "an", "the"):
        v -= 1  # "deployed a 1,960-strong force", "killed the 5 soldiers"
    if v < 0:
        return None
    role = _SIDE_WORDS.get(toks[v][2])
    if role is None and toks[v][2] in ("has", "have", "had") and (
            c.head_cat in ("killed", "wounded", "missing")
            or (c.head is None and c.tj < len(toks) and toks[c.tj][2] in _LOSS_PARTICIPLES)):
        # "the Armenian side has 49 casualties", "... has 4 killed and 6 wounded" (not "Hamas
        # has 240 hostages")
        role = "loss"
    elif role is None and toks[v][2] in _KEEP_VERBS and (c.head_cat in ("military", "troops", "peacekeepers")):
        role = "own"  # "The United States has some 2,500 troops in Iraq", "Russia keeps 10,000 troops"
    return (v, role) if role in ("loss", "agent", "own") else None


def _subject_side(text, toks, v, sent_actors, all_actors, reports, depth=0):
    """The state the subject of the verb at token ``v`` stands for, or None.

    The subject is the actor or pronoun right before the verb (past "had", "reportedly"...);
    "it"/"they"/"we" and "its forces" are the claimant of the nearest attribution before them
    ("Azerbaijan said it lost 50 servicemen"). A verb after "and" shares the subject of the
    loss or agent verb before it ("it had killed 200 ... and lost 16 of its own")."""
    k = v - 1
    while k >= 0 and toks[k][2] in _SUBJ_SKIP:
        k -= 1
    if k < 0:
        return None
    tok = toks[k][2]
    if tok in _SELF:
        return _claim_state(toks[k][0], reports, all_actors)
    if tok == "side" and k >= 1 and any(a["end"] == toks[k - 1][1] for a in sent_actors):
        k -= 1  # "the Armenian side lost 5 soldiers": the side's name is the subject
    if tok in ("which", "that") and k >= 2 and toks[k - 1][2] == ",":
        k -= 2  # "Azerbaijan, which lost 2,908 servicemen": the antecedent is the subject
    end = toks[k][1]
    at = [a for a in sent_actors if a["end"] == end]
    if at:
        a = max(at, key=lambda a: a["end"] - a["start"])
        if text[a["start"]:a["end"]].lower().startswith(_OWN_PREFIX):
            return _claim_state(a["start"], reports, all_actors)
        co = _COORD_BEFORE.search(text, max(0, a["start"] - 8), a["start"])
        if co is not None and any(b["end"] == co.start() for b in sent_actors):
            return None  # "Armenia and Azerbaijan lost 6,500": both sides, not the last one
        return _state_of(a, all_actors) if a.get("type") != "person" else None
    if k >= 1 and toks[k - 1][2] in ("its", "their", "our") and tok.isalpha():
        return _claim_state(toks[k - 1][0], reports, all_actors)  # "its units had killed"
    if tok == "and" and depth == 0:
        for j in range(k - 1, max(-1, k - 12), -1):
            if toks[j][2] in _HARD_STOP:
                break
            if _SIDE_WORDS.get(toks[j][2]) in ("loss", "agent"):
                return _subject_side(text, toks, j, sent_actors, all_actors, reports, 1)
    if tok == "," and depth == 0 and toks[v][2].endswith("ing"):
        # "Russia said it had struck a meeting of commanders in Sumy, killing 60 servicemen":
        # the participle's subject opens its clause (after the reporting verb)
        j = k - 1
        while j > max(0, k - 30) and toks[j - 1][2] not in _HARD_STOP and toks[j - 1][2] not in ("that", ";"):
            j -= 1
        if toks[j][2] in _SELF or toks[j][2] in ("its", "their", "our"):  # ("its forces struck ..., killing")
            return _claim_state(toks[j][0], reports, all_actors)
    return None


def _enemy_subject(toks, v):
    """Whether the subject of the verb at token ``v`` is "the enemy" (past "had"...)."""
    k = v - 1
    while k >= 0 and toks[k][2] in _SUBJ_SKIP:
        k -= 1
    return k >= 0 and toks[k][2] in _ENEMY


def _claim_state(pos, reports, all_actors):
    """The state of the claimant whose reporting word is the nearest before ``pos`` (not a
    person: "he" would be the pronoun for one), or None."""
    before = [r for r in reports if r[1] <= pos and r[2]["start"] < pos and r[2].get("type") not in _NOT_SELF]
    if not before:
        return None
    return _state_of(max(before, key=_FIRST_ITEM)[2], all_actors)


def _names_enemy(c, toks):
    """Whether the counted noun phrase says the people are the other party's ("enemy")."""
    hi = min(c.np_end_tok if c.np_end_tok is not None else c.tj, len(toks))
    if any(toks[t][2] in _ENEMY for t in range(c.tj, hi)):
        return True
    # "20 servicemen of the enemy", "30 soldiers of the opposing side"
    k = hi
    if k < len(toks) and toks[k][2] == "of":
        k += 1
        if k < len(toks) and toks[k][2] == "the":
            k += 1
        return k < len(toks) and toks[k][2] in _ENEMY
    return False


_POSS_BREAK = frozenset({",", ";", "but", "says", "said", "say", "that"})  # ("in its daily update that 82 ...")
# "... on the Israeli side", "... and 22 civilians on the Azerbaijani side": a side named after
# the counted people (and the people coordinated with them)
_ON_SIDE = re.compile(r"(?:\s+and(?:\s+\w+){1,3}?)?\s+on\s+the\s+([A-Z][\w'’-]+)\s+side\b")


def _state_starting_at(pos, sent_actors, all_actors):
    """The state the first actor named at ``pos`` that stands for one stands for, or None."""
    for a in sent_actors:
        if a["start"] == pos:
            st = _state_of(a, all_actors)
            if st:
                return st
    return None


def _side(text, c, start, end, toks, sent_actors, all_actors, reports=(), subj=None):
    """The side a figure is about: a demonym or name in its noun phrase, the subject ``subj``
    of the loss verb it is the object of ("Azerbaijan lost 50 servicemen"), or the owner that
    "its"/"their" refers to ("49 of its soldiers" after "Armenia's Defence Ministry said")."""
    if c.np_end_tok is not None and c.tj < c.np_end_tok <= len(toks):
        end = max(end, toks[c.np_end_tok - 1][1])  # "Five Georgian and two ...": up to "and"
    inside = [a for a in sent_actors if a["start"] < end and a["end"] > start]
    on_side = _ON_SIDE.match(text, end, end + 80) if text.find(" side", end, end + 100) >= 0 else None
    if on_side is not None:
        # "23 soldiers and 22 civilians on the Israeli side": the side the phrase names
        st = _state_starting_at(on_side.start(1), sent_actors, all_actors)
        if st:
            return st
    # a demonym makes a side of soldiers, not of bystanders ("two Russian journalists")
    if c.head_cat in _SIDED or c.head_cat is None or c.of_mil:
        for a in inside:
            st = _state_of(a, all_actors)
            if st:
                return st
    # "3 servicemen of the Azerbaijani Army"
    if c.head is not None and c.head_cat in _SIDED:
        mo = _OF_THE.match(text, end, end + 40)
        st = _state_starting_at(mo.end(), sent_actors, all_actors) if mo else None
        if st:
            return st
    # "the Russian peacekeeping contingent of about 2,000 servicemen": the force they make up
    if c.head_cat in _SIDED:
        for a in sent_actors:
            if a["end"] <= start and a.get("type") in ("armed_force", "armed_group") \
                    and _MADE_OF.fullmatch(text, a["end"], start):
                st = _state_of(a, all_actors)
                if st:
                    return st
        # "UNIFIL, which has some 10,000 peacekeepers in the south": the force the clause is on
        for a in sent_actors:
            if a["end"] <= start and start - a["end"] <= 80 and a.get("type") not in _NOT_SELF \
                    and _FORCE_HAS.fullmatch(text, a["end"], start):
                return _state_of(a, all_actors) or (a.get("name") if a.get("type") == "international_org" else None)
    if subj is not None:
        return subj
    if c.head is None:
        toll = _toll_side(text, c.q.start, sent_actors, all_actors)
        if toll:
            return toll
    # possessive in the noun phrase or just before the number ("its death toll to 105"); the
    # active verb the number is the object of ("had killed 50") parts the agent from the victims
    verb = _governing_verb(c, toks)
    agent = verb[0] if verb is not None and verb[1] == "agent" else None
    lo = max(0, c.qi - 6)
    hi = c.np_end_tok if c.np_end_tok is not None else c.tj
    poss = None
    for t in range(lo, min(hi, len(toks))):
        if toks[t][2] in ("its", "their", "our"):
            # ("still holding its 25 crew members": the holder's captives, not its people)
            poss = None if t >= 1 and toks[t - 1][2] in _HOLD_VERBS else toks[t][0]
        elif t == agent:
            poss = None  # "its peacekeepers detained 2 soldiers": the owner of the agent
        elif t < c.qi and toks[t][2] in _POSS_BREAK:
            poss = None  # "has not disclosed its military losses, but says 69 civilians": another clause
    if poss is None:
        return None
    before = [a for a in sent_actors if a["end"] <= poss and a.get("type") not in _NOT_SELF]
    if _THING_OWNER.search(text, max((a["end"] for a in before), default=max(0, poss - 200)), poss):
        return None  # "a Houthi missile struck the ship, killing three of its crew": the ship's
    claim = [r for r in reports if r[1] <= poss and r[2]["end"] <= poss and r[2].get("type") not in _NOT_SELF]
    if claim:
        # after "X said", "its" is X's unless another actor is named between the reporting
        # word and it, and that actor is not the one who did the killing ("Azerbaijan said
        # Armenian forces killed 50 of its servicemen": the servicemen are Azerbaijan's)
        ms, me, rec = max(claim, key=_FIRST_ITEM)
        between = [a for a in before if a["start"] >= me
                   and not (agent is not None and a["end"] <= toks[agent][0] < poss)
                   and not _CLAUSE_BREAK.search(text, a["end"], poss)]
        if not between:
            st = _state_of(rec, all_actors)
            if st:
                return st
    # the nearest actor before the possessive that stands for a state (people and agencies
    # were left out of ``before``)
    for a in sorted(before, key=lambda a: (a["end"], a["end"] - a["start"]), reverse=True):
        st = _state_of(a, all_actors)
        if st:
            return st
    return None


# a crew is a ship's (nobody's side) unless a military vehicle was named just before it
_CREW_WORDS = frozenset({"crew", "crewmen", "crewman"})
_MIL_VEHICLE = re.compile(r"\b(?:helicopter|warplane|fighter\s+jet|jet|tank|armou?red\s+vehicle|bomber|"
                          r"warship|frigate|submarine|gunboat|military\s+(?:plane|aircraft|vessel))s?\b",
                          re.IGNORECASE)

# a demonym before a military vehicle: "a Russian Mi-24 helicopter", "an Israeli F-35 jet"
# (the demonym is matched as written: "the Russian Mi-24" is no vehicle of "the")
_NAMED_VEHICLE = re.compile(r"\b([A-Z][a-z]+)\s+(?:[\w-]+\s+){0,2}?(?i:" + _MIL_VEHICLE.pattern[2:] + ")")

# an apposition that describes the one person just counted: "a 47-year-old resident"
_AGED_ONE = re.compile(r"(?:[Aa]n?|[Oo]ne)\s+\d{1,3}-year-old\b")

# a place's population before a number: "a town of some 4,000 people", "home to about 120,000",
# "a population of 2.3 million" (a camp's is left: its people are the displaced)
# a number that is a share's denominator or the population a share is of
_SHARE_BEFORE = re.compile(r"(?:\b(?i:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?"
                           r"|(?:\b(?:half|third|quarter|fifth|tenth|thirds|quarters|percent|per\s+cent)|%)\s+of\s+"
                           r"(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}[A-Z][\w-]*(?:'s|’s)\s+"
                           r"(?:some\s+|about\s+|around\s+|nearly\s+|almost\s+|roughly\s+)?)$")
_POPULATION_BEFORE = re.compile(r"\b(?:(?:town|city|village|enclave|region|country|nation|district|province|"
                                r"community|settlement|island|territory)\s+of|(?:is|was|are|were|,)\s+home\s+to|"
                                r"population\s+of)\s+(?:some\s+|about\s+|around\s+|roughly\s+|nearly\s+|"
                                r"almost\s+|more\s+than\s+|over\s+|just\s+over\s+|just\s+under\s+)?$")

# what "its" may stand for after the last actor: a vessel or vehicle, whose people are nobody's side
_THING_OWNER = re.compile(r"\b(?:ship|vessel|tanker|freighter|cargo\s+ship|bulk\s+carrier|boat|ferry|plane|"
                          r"aircraft|airliner|bus|train|truck|lorry|minibus|car|convoy)s?\b", re.IGNORECASE)

# A toll whose own words name the side it counts: "Armenia's death toll rose to 3,825", "the
# Armenian military death toll stands at", "the number of Azerbaijani servicemen killed rose to"
# ("the toll from the Azerbaijani strike" names the attacker, and matches none of these).
_TOLL_AFTER_POSSESSIVE = re.compile(r"['’]s\s+(?:[a-z]+\s+){0,2}(?:toll|tally|losses)\b")
_TOLL_AFTER_DEMONYM = re.compile(r"\s+(?:military\s+|army\s+|official\s+)?(?:death\s+)?(?:toll|tally|losses)\b")
_TOLL_OF_BEFORE = re.compile(r"\b(?:toll|tally|number)\s+(?:of|among)\s+(?:the\s+)?$", re.IGNORECASE)
_SOLDIERS_AFTER = re.compile(r"\s+(?:soldiers|servicemen|troops|service\s+members|military\s+personnel)\b")
_TOLL_GAP = re.compile(r"[^.;:!?\"“”]{0,120}$")


def _toll_side(text, num_start, sent_actors, all_actors):
    """The state a toll before the number at ``num_start`` names as its own (see
    :data:`_TOLL_AFTER_POSSESSIVE`), else None; the toll and the number must share a clause."""
    for a in sorted(sent_actors, key=lambda a: a["start"], reverse=True):
        if a["end"] > num_start or num_start - a["end"] > 120 or not _TOLL_GAP.match(text, a["end"], num_start):
            continue
        if _OWN_CLAUSE_BREAK.search(text, a["end"], num_start):
            break  # "the Armenian toll had risen to 105, while Azerbaijan put its losses at 71"
        if (_TOLL_AFTER_POSSESSIVE.match(text, a["end"]) or _TOLL_AFTER_DEMONYM.match(text, a["end"])
                or (_TOLL_OF_BEFORE.search(text, max(0, a["start"] - 20), a["start"])
                    and _SOLDIERS_AFTER.match(text, a["end"]))):
            st = _state_of(a, all_actors)
            if st:
                return st
    return None


_CLAUSE_PUNCT = re.compile(r"[,.;:\"“”]")
# "The Three Brotherhood Alliance, made up of the Arakan Army, ... and the TNLA, said": the list
# names the members of the subject before it
_LIST_BREAK = re.compile(r"[.;:\"“”]")
_MEMBER_LIST = re.compile(r",\s+(?:made\s+up\s+of|comprising|consisting\s+of|which\s+includes?|including)\s+")


def _member_list_subject(text, s, pos, sent_actors):
    """When the actor at ``pos`` is in a member list set off after a subject, the actor that
    subject is (None when it is none: "the alliance, made up of ..."); else False."""
    if text.find(",", max(s, pos - 200), pos) < 0:
        return False
    m = None
    for m in _MEMBER_LIST.finditer(text, max(s, pos - 200), pos + 1):
        pass
    if m is None or _LIST_BREAK.search(text, m.end(), pos):  # the list's commas are fine
        return False
    for chunk in text[m.end():pos].split(",")[1:]:
        w = chunk.strip()
        if w and w[0].islower() and (not w.startswith(("and ", "the ", "as well as ")) or (
                w.startswith("and ") and (len(w.split()) > 6 or any(ch.isdigit() for ch in w)))):
            # "Three civilians, including a girl, were wounded in Sotk, the ombudsman said": the
            # "including" was an aside, and the clause went on (", and the number of injured
            # has climbed to 61, ..." is a clause, no last member)
            return False
    subj = [a for a in sent_actors if a["end"] == m.start()]
    return max(subj, key=lambda a: a["end"] - a["start"]) if subj else None


# "M23 rebels backed by Rwanda said": the backer is not the subject that speaks
_BACKED_BY = re.compile(r"\b(?:backed|supported|armed|funded|led|trained)\s+by\s+(?:the\s+)?$|"
                        r"\b(?:allied\s+(?:with|to)|loyal\s+to)\s+(?:the\s+)?$", re.IGNORECASE)
_OPENING = re.compile(r"[\s\"“‘'(]*(?:the\s+)?", re.IGNORECASE)
_INVERSION_BEFORE = re.compile(r"[,\"”'’]\s*$")
_THE_GAP = re.compile(r"\s*(?:the\s+)?$", re.IGNORECASE)
# Between a speaker and the reporting verb, an apposition set off by commas: "The ombudsman,
# Gegham Stepanyan, said", "Hikmet Hajiyev, an adviser to the president, said".
# (up to two appositions: "Anush Sargsyan, 54, a nurse at the town's hospital, said")
_APPOSITION_GAP = re.compile(r"\s*\)?\s*,(?:\s*[^,;:.!?\"“”()\n]{1,80},){0,2}\s*")
# a dateline's credit ends before the story's first words: "KHARTOUM (Reuters) - Officials said"
_CREDIT_END = re.compile(r"\)\s*[-–—]")
_ACCUSE_WORDS = frozenset({"accused", "accuses", "accusing", "blamed", "blames", "blaming"})
# (a passive auxiliary, or an adverb of one left out: "widely blamed")
_PASSIVE_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(_PASSIVE_AUX | {"widely", "often"})) + r")\s+$")
# between an actor and the report verb of a relative clause on it: "Azerbaijan, which has said"
_RELATIVE_GAP = re.compile(r"\s*,\s+(?:which|who)\s+(?:has\s+|have\s+|had\s+)?(?:also\s+|already\s+|earlier\s+)?")
# claiming an attack is owning it, not reporting its toll
_RESPONSIBILITY_AFTER = re.compile(r"\s+(?:responsibility|credit)\b")
_DENIED_BEFORE = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|"
                            r"refuted|refutes)\s+$")
# "..., killing 11 people, in what Putin said was retaliation": the verb reports what the event
# was, not its toll
_WHAT_CLAUSE_BEFORE = re.compile(r"\b(?:in|to|of|as|for)\s+what\s+[^,;.!?\"“”]{0,60}$", re.IGNORECASE)


def _claims(text, s, e, sent_actors):
    """Every attribution in a sentence: ``(verb start, verb end, actor record)`` for 'X said',
    'according to X', 'said X'. Computed once per sentence; :func:`_claimant` picks per figure."""
    out = []
    if not sent_actors:
        return out
    for m in _REPORT_RE.finditer(text, s, e):
        ms, me = m.span()
        if _DENIED_BEFORE.search(text, max(s, ms - 12), ms):
            continue  # "the ministry denied reports that 20 soldiers died": not its claim
        if text.find("what", max(s, ms - 70), ms) >= 0 and _WHAT_CLAUSE_BEFORE.search(text, max(s, ms - 70), ms):
            continue  # "in what Putin said was retaliation": no report of the toll
        if _RESPONSIBILITY_AFTER.match(text, me):
            continue  # "JNIM claimed responsibility for the attack, which wounded 200": no report
        rec = None
        if m.group(0) in _ACCUSE_WORDS and (_PASSIVE_BEFORE.search(text, max(s, ms - 16), ms)
                                            or text.startswith(" on ", me)):
            continue  # "Armenia was accused of", "a strike blamed on Armenia": no accuser here
        if m.group("acc"):
            after = [a for a in sent_actors if me <= a["start"] <= me + 40]
            if after:
                first = min(a["start"] for a in after)
                rec = max((a for a in after if a["start"] == first), key=lambda a: a["end"])
                if rec.get("type") == "state":
                    # "According to Armenian Ombudsman Arman Tatoyan": the demonym is the
                    # person's title, the person speaks; "according to Israel's Magen David
                    # Adom": the state's body speaks
                    poss = text.startswith(("'s ", "’s "), rec["end"])
                    rec = next((a for a in after if a["start"] > rec["end"] and (
                        a.get("type") == "person" or poss and a.get("type") not in ("state", "media")
                        # "according to the Palestinian Ministry of Health in Gaza": the body
                        or a["start"] - rec["end"] <= 1 and a.get("type") in _BODY_TYPES)
                                and not _CLAUSE_PUNCT.search(text, rec["end"], a["start"])), rec)
        elif m.group(0) in _MEDIA_SEEN:
            seen = [a for a in sent_actors if ms - 40 <= a["end"] <= ms and a.get("type") == "media"
                    and not _CLAUSE_PUNCT.search(text, a["end"], ms)]
            if seen:
                out.append((ms, me, max(seen, key=lambda a: a["end"])))
            continue
        else:
            before = [a for a in sent_actors if ms - 40 <= a["end"] <= ms
                      and not _CLAUSE_PUNCT.search(text, a["end"], ms)
                      and not _CREDIT_END.search(text, a["end"], ms)]
            lo = max(s, ms - 20)
            # the pattern needs a literal "and"/"but": str.find rules most windows out in C
            if (text.find("and", lo, ms) >= 0 or text.find("but", lo, ms) >= 0) and _AND_BEFORE.search(text, lo, ms):
                # "X accused Y of shelling(,) and said", "X has not disclosed its military
                # losses but says": the subject is the one that opens the sentence (after a
                # dateline stamp), not the object Y just before "and said"
                rec = _opening_actor(text, s, ms, sent_actors)
                if rec is not None:
                    out.append((ms, me, rec))
                continue
            if not before:
                # "Azerbaijan, which has said 71 of its servicemen died,": the relative
                # clause's own report
                before = [a for a in sent_actors if ms - 60 <= a["end"] <= ms
                          and _RELATIVE_GAP.fullmatch(text, a["end"], ms)]
            if not before:
                # the first actor set off from the verb by commas alone (the apposition's own
                # actors, "an adviser to President Aliyev,", come after it)
                appos = [a for a in sent_actors if ms - 100 <= a["end"] <= ms and a.get("type") != "media"
                         and _APPOSITION_GAP.fullmatch(text, a["end"], ms)]
                if appos:
                    first = min(a["start"] for a in appos)
                    before = [a for a in appos if a["start"] == first]
                    # "Karabakh's ombudsman, Gegham Stepanyan, said": the apposition is the
                    # speaker's own name, as in "Karabakh ombudsman Gegham Stepanyan said"
                    named = [a for a in appos if a.get("type") == "person" and any(
                        re.fullmatch(r"\s*\)?\s*,\s*", text[b["end"]:a["start"]]) for b in before)]
                    before = named or before
                    listed = _member_list_subject(text, s, before[0]["start"], sent_actors)
                    if listed is not False:  # a member of a list is not the subject that speaks
                        before = [listed] if listed else []
            if before:
                last = max(a["end"] for a in before)
                rec = max((a for a in before if a["end"] == last), key=lambda a: a["end"] - a["start"])
                tail = text[max(s, rec["start"] - 10):rec["start"]]  # the pattern's last words, tested cheaply
                backed = _BACKED_BY.search(text, max(s, rec["start"] - 24), rec["start"]) if (
                    "by" in tail or "to" in tail or "with" in tail) else None
                if backed is not None:
                    # "M23 rebels backed by Rwanda said": the subject the participle describes
                    subj = [a for a in sent_actors if backed.start() - 40 <= a["end"] <= backed.start()
                            and not _CLAUSE_PUNCT.search(text, a["end"], backed.start())]
                    if subj:
                        rec = max(subj, key=lambda a: (a["end"], a["end"] - a["start"]))
                if rec.get("type") == "state" and _LOCATIVE_BEFORE.search(text, max(s, rec["start"] - 12), rec["start"]):
                    # "The UN monitoring mission in Ukraine says": the state is where the
                    # speaker works; the body named before it in the same clause speaks
                    body = [a for a in sent_actors if ms - 120 <= a["start"] and a["end"] <= rec["start"]
                            and a.get("type") not in ("state", "media")
                            and not _CLAUSE_PUNCT.search(text, a["end"], rec["start"])]
                    if body:
                        rec = max(body, key=lambda a: (a["end"], a["end"] - a["start"]))
            elif m.group(0) not in _ACCUSE_WORDS and _INVERSION_BEFORE.search(text, max(s, ms - 3), ms):
                # who is accused is no claimant; "..., said the ministry": the inverted speaker
                # follows a comma or a quote ("The committee said RSF fighters stormed": the
                # actor after the verb opens the report, it does not make it)
                after = [a for a in sent_actors if me <= a["start"] <= me + 25
                         and _THE_GAP.match(text, me, a["start"])]
                if after:
                    rec = max(after, key=lambda a: a["end"] - a["start"])
        if rec is None and not m.group("acc") and m.group(0) not in _ACCUSE_WORDS and \
                not _ANON_SET.isdisjoint(text[max(s, ms - 50):ms].split()[-4:]):
            a = _ANON_SOURCE_BEFORE.search(text, max(s, ms - 50), ms)
            if a is not None:
                # "in which a war monitor said more than 1,000 people were killed": a speaker no
                # actor names claims it, not an earlier claimant of the sentence
                rec = {"name": None, "surface": None, "type": "anonymous", "start": a.start(1), "end": a.end(1),
                       "country": None}
        if rec is not None:
            out.append((ms, me, rec))
    if not out:
        out = _flash_claims(text, s, e, sent_actors)
    return out


# a wire flash or live-blog line: "14 killed in strike on Kostiantynivka - Governor Vadym
# Filashkin.", "Governor Vyacheslav Gladkov: one civilian killed"
_FLASH_DASH = re.compile(r"\s[-–—]\s+(?:[A-Za-z.'’-]+\s+){0,4}$")
_FLASH_COLON = re.compile(r"[\s\"“]*(?:[A-Za-z.'’-]+\s+){0,4}$")


def _flash_claims(text, s, e, sent_actors):
    """The source a wire flash names after a closing dash or before an opening colon, as
    :func:`_claims` gives attributions; [] when the sentence has neither."""
    end = e
    while end > s and text[end - 1] in ".!?\"” \n":
        end -= 1
    last = max((a for a in sent_actors if a["end"] == end), key=lambda a: a["end"] - a["start"], default=None)
    if last is not None and last.get("type") not in ("state",) and _FLASH_DASH.search(text, max(s, last["start"] - 60),
                                                                                     last["start"]):
        return [(last["start"], last["start"], last)]
    colon = text.find(":", s, min(e, s + 80))
    if colon > s:
        first = max((a for a in sent_actors if a["end"] == colon), key=lambda a: a["end"] - a["start"], default=None)
        if first is not None and first.get("type") not in ("state",) and _FLASH_COLON.fullmatch(text, s, first["start"]):
            return [(colon, colon + 1, first)]
    return []


_ANON_SOURCES = _read_words("anonymous_sources.txt")
_ANON_SET = frozenset(_ANON_SOURCES)  # a cheap test of the window before the pattern
# an unnamed speaker right before a reporting verb: "a war monitor said", "local officials told"
_ANON_SOURCE_BEFORE = re.compile(
    r"(?<![\w'’-])((?:(?:an?|the|one|two|three|several|some|many|other|local)\s+)?(?:[a-z][\w-]*\s+){0,2}?(?:"
    + "|".join(sorted(map(re.escape, _ANON_SOURCES), key=len, reverse=True))
    + r"))\s+(?:(?:also|later|earlier|then|have|has|had)\s+)?$")


# a relative clause on the era a year names: "the 2020 war, in which", "last year's war that killed"
_ERA_CLAUSE = re.compile(r"[\w' -]{0,20}?,?\s+(?:in\s+which|during\s+which|which\s+(?:killed|claimed)|"
                         r"that\s+(?:killed|claimed))\b", re.IGNORECASE)


def _after(date: str, published: str | None) -> bool:
    """True when the ISO ``date`` (day, month or year) lies after the ``published`` day."""
    if not published:
        return False
    n = min(len(date), len(published))
    return date[:n] > published[:n]


_LOCATIVE_BEFORE = re.compile(r"\b(?:in|at|for)\s+(?:the\s+)?$")


def _opening_actor(text, s, ms, sent_actors):
    """The actor that opens the sentence ``text[s:]`` (past a dateline stamp, quotes and "the",
    or past an opening phrase up to a comma), else the first one it names; it ends before
    ``ms`` and is not a news agency. None when there is none."""
    m = _DATELINE_RE.match(text, s)
    pos = m.end() if m is not None else s
    starts = [_OPENING.match(text, pos).end()]
    comma = text.find(",", pos, min(ms, pos + 60))
    if comma >= 0:
        # "On Tuesday, Armenia blamed Baku and said": the subject after an opening phrase
        starts.append(_OPENING.match(text, comma + 1).end())
    for st in starts:
        at = [a for a in sent_actors if a["start"] == st and a["end"] <= ms and a.get("type") != "media"]
        if at:
            return max(at, key=lambda a: a["end"] - a["start"])
    # "The ministry's spokeswoman Shushan Stepanyan confirmed the deaths and said": the first
    # actor named in the sentence is the likeliest subject
    at = [a for a in sent_actors if pos <= a["start"] and a["end"] <= ms and a.get("type") != "media"]
    if at:
        first = min(a["start"] for a in at)
        return max((a for a in at if a["start"] == first), key=lambda a: a["end"] - a["start"])
    return None


# A subordinate clause after a comma: "X says 42,000 died since May, when gunmen killed 1,200,
# according to Y" - Y's count is the clause's, X's the main clause's.
_SUB_CLAUSE = re.compile(r",\s*(?:when|while|whereas|as|after|before|because|which|who|although|though)\b",
                         re.IGNORECASE)


# "Another 187 people are missing, he said": a person's report told with a pronoun; "It said
# 100 troops were killed": a body's (the pronoun opens the sentence, past "also")
_PRONOUN_REPORT = re.compile(r"(?<![\w-])(?:[Hh]e|[Ss]he)\s+(?:said|says|added|told|stated|noted)\b")
_IT_REPORT = re.compile(r"\W*(?:It|They)\s+(?:also\s+|later\s+)?(?:said|says|added|stated|reported)\b")
_PRONOUN_BEFORE = re.compile(r"(?<![\w-])(?:[Hh]e|[Ss]he|It|it|They|they)\s+(?:also\s+|later\s+)?$")
# who "it"/"they" can be: a body that speaks, not a person nor the outlet that carried it
_BODY_TYPES = frozenset({"state", "organisation", "armed_force", "armed_group", "international_org"})
_PRONOUN_REACH = 500  # characters before the sentence in which the person must speak


def _last_report(text, s):
    """The last report verb in the ``_PRONOUN_REACH`` characters before ``s`` whose subject is
    no pronoun ("X said ... . "...," he said. Three were killed, he added" goes back to X), or
    None."""
    lo = max(0, s - _PRONOUN_REACH)
    last = None
    for r in _REPORT_RE.finditer(text, lo, s):
        if not _PRONOUN_BEFORE.search(text, max(lo, r.start() - 5), r.start()):
            last = r
    return last


def _it_claims(text, m, sents, s_starts, actors, a_starts):
    """The attribution of a sentence that opens with "It/They said" (match ``m``): the body
    (not a person, not an outlet) that the last report before it has for its speaker, as the
    report's own sentence reads it ("The ministry does not ..., but says ...": the subject
    that opens it), as one :func:`_claims` entry; [] when that report is no body's."""
    last = _last_report(text, m.start())
    if last is None:
        return []
    ps, pe = sents[bisect_right(s_starts, last.start()) - 1]
    rec = next((r for ms, _me, r in _claims(text, ps, pe, actors[bisect_left(a_starts, ps):bisect_right(a_starts, pe)])
                if ms == last.start()), None)
    return [(m.start(), m.end(), rec)] if rec is not None and rec.get("type") in _BODY_TYPES else []


def _pronoun_claims(text, s, e, all_actors):
    """The attribution of a sentence whose only speaker is "he"/"she": the person who is the
    speaker of the last report before the sentence ("Deputy Minister X said ... . Another 187
    are missing, he said"), as one :func:`_claims` entry; none when that report is no named
    person's ("The spokesman said ...") or there is none (a person named as a casualty is no
    speaker)."""
    m = _PRONOUN_REPORT.search(text, s, e)
    if m is None:
        return []
    last = _last_report(text, s)
    if last is None:
        return []
    vs, ve = last.span()
    near = all_actors[bisect_left(all_actors, vs - 80, key=_START):bisect_left(all_actors, ve + 40, key=_START)]
    speakers = [a for a in near if a.get("type") == "person" and (
        (vs - 60 <= a["end"] <= vs and not _SENTENCE_PUNCT.search(text, a["end"], vs))
        or (ve <= a["start"] <= ve + 40 and not _SENTENCE_PUNCT.search(text, ve, a["start"])))]
    if not speakers:
        return []
    speaker = min(speakers, key=lambda a: min(abs(vs - a["end"]), abs(a["start"] - ve)))
    return [(m.start(), m.end(), speaker)]


_SENTENCE_PUNCT = re.compile(r"[.!?;]\s")


_PARTICIPLE_CLAIMS = frozenset({"saying", "reporting", "confirming", "announcing"})
_ACCORDING_AT = re.compile(r"[Aa]ccording\s+to\b")
_ACC_GAP = re.compile(r"[^.;:!?\"“”]{0,60}?,\s*")


def _claimant(fs, fe, claims_in_sentence, text=None):
    """Who the sentence attributes the figure at ``[fs, fe)`` to: the nearest attribution
    before it, else the first after it; neither the verb nor the actor may overlap it. With
    ``text``: a figure in a subordinate clause that the earlier attribution's verb is cut off
    from goes to a later attribution in that clause."""
    if not claims_in_sentence:
        return None, None
    claims = [(ms, rec) for ms, me, rec in claims_in_sentence
              if not (ms < fe and me > fs) and not (rec["start"] < fe and rec["end"] > fs)
              # "..., with officials reporting 1,339 deaths": a participle claims what follows it
              and not (ms >= fe and text is not None and text[ms:me] in _PARTICIPLE_CLAIMS)]
    if not claims:
        return None, None
    before = [c for c in claims if c[0] < fs]
    pos, rec = max(before, key=_FIRST_ITEM) if before else min(claims, key=_FIRST_ITEM)
    if rec.get("type") == "media":
        # "As Ukrinform reported, 2 people were killed, the governor Oleh Kiper said": the
        # outlet carried the claim that the official made
        said = [c for c in claims if c[0] >= fe and c[1].get("type") not in ("media", "anonymous")]
        if said:
            pos, rec = min(said, key=_FIRST_ITEM)
            return rec.get("name") or rec.get("surface"), rec
    if before and text is not None:
        # "Hezbollah said it fired rockets at Haifa, wounding two people, according to Magen
        # David Adom": an "according to" right after the figure attributes it, not the verb of
        # the sentence (unless it only names the outlet that carried the claim)
        acc = next((c for c in claims if fe <= c[0] <= fe + 70 and c[1].get("type") != "media"
                    and _ACCORDING_AT.match(text, c[0]) and _ACC_GAP.fullmatch(text, fe, c[0])), None)
        if acc is not None:
            return acc[1].get("name") or acc[1].get("surface"), acc[1]
        after = [c for c in claims if c[0] >= fe]
        if after and _SUB_CLAUSE.search(text, pos, fs):
            apos, arec = min(after, key=_FIRST_ITEM)
            if not _SUB_CLAUSE.search(text, fe, apos):
                rec = arec
    return rec.get("name") or rec.get("surface"), rec


def _event_dates(sent_dates):
    """The event dates of a sentence; a span without a date of its own ("over the weekend",
    "three weeks ago": ``from`` and ``to``) as the period both its ends share (2024-10)."""
    out = []
    for d in sent_dates:
        if d.get("kind") != "event":
            continue
        if d.get("date"):
            out.append(d)
        elif d.get("from") and d.get("to"):
            common = _common_period(d["from"], d["to"])
            if common:
                out.append({**d, "date": common})
    return out


def _common_period(a: str, b: str) -> str:
    """The period two ISO dates share, as precise as both allow ("2024-10", "2024", "")."""
    common = []
    for x, y in zip(a.split("-"), b.split("-")):
        if x != y:
            break
        common.append(x)
    return "-".join(common)


# "between Oct. 1 and Oct. 3", "from Monday to Wednesday": the two ends of one period
_RANGE_OPEN = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(?:the\s+)?$")
_RANGE_LINK = re.compile(r"\s*(?:and|to|through|until|till|-|–|—)\s*(?:the\s+)?")


def _join_ranges(text, dated):
    """``dated`` with the two ends of each range replaced by the period they share, as precise
    as both ends allow ("2024-10" for Oct. 1 to Oct. 3; nothing for Dec. 30 to Jan. 2)."""
    out = []
    i = 0
    while i < len(dated):
        d = dated[i]
        if i + 1 < len(dated) and _RANGE_OPEN.search(text, max(0, d["start"] - 12), d["start"]) \
                and _RANGE_LINK.fullmatch(text, d["end"], dated[i + 1]["start"]):
            common = _common_period(d["date"], dated[i + 1]["date"])
            if common:
                out.append({**d, "end": dated[i + 1]["end"], "date": common})
            i += 2
            continue
        out.append(d)
        i += 1
    return out


# a new clause of its own: "Two people were killed two days ago, and three more died earlier
# this month" (a figure's date and place are its own clause's; :data:`_CLAUSE_BREAK` is the
# looser test of what "its" refers back to)
_OWN_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s|;")


# the date and the figure are of different times: "erupted in August 2023, months after a
# peace deal ended the war that killed 600,000"
_OTHER_TIME = re.compile(r",\s+(?:\w+\s+){0,3}(?:months|weeks|days|years|decades)\s+"
                         r"(?:after|before|earlier|later)\b")


# a month or a year in a relative clause after the figure is another event's background: "killed
# 45 fighters in Shan state, where rebels seized the town of Lashio last month" (a day there is
# mostly the event's own: "in Kharkiv, where a missile hit a market on Sunday")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:where|which|who|whose)\s")


def _another_event(text, fs, d) -> bool:
    """Whether date ``d`` is set off from the figure at ``fs`` as another event's
    (:data:`_OTHER_TIME`, :data:`_RELATIVE_CLAUSE`)."""
    a, b = min(d["end"], fs), max(d["start"], fs)
    if text.find(",", a, b) < 0:  # both patterns need a comma: str.find rules most gaps out in C
        return False
    return bool(_OTHER_TIME.search(text, a, b)
                or (d["start"] > fs and len(d["date"]) < 10 and _RELATIVE_CLAUSE.search(text, fs, d["start"])))


# "since February 13, when four soldiers were killed": the clause that "when" opens tells what
# happened on the day before it, even a day that starts a period
_WHEN_CLAUSE = re.compile(r",?\s+when\s+[^,;.!?]{0,80}")


def _when_date(text, fs, dated):
    """The date of the day a figure's "when" clause hangs on ("February 13, when ..."), or None."""
    for d in dated:
        if d["end"] < fs and d["end"] + 90 > fs and _WHEN_CLAUSE.fullmatch(text, d["end"], fs):
            return d["date"]
    return None


def _date_for(text, fs, dated, hints):
    """The event date nearest the figure in its clause (else in its sentence), else the period
    a year names; never a date set off from the figure as another time ("..., months after")."""
    if dated:
        dated = [d for d in dated if not _another_event(text, fs, d)]
        if not dated:
            return None
        if len(dated) == 1:
            return dated[0]["date"]
        return min(dated, key=lambda d: (
            _OWN_CLAUSE_BREAK.search(text, min(d["end"], fs), max(d["start"], fs)) is not None,
            abs(d["start"] - fs)))["date"]
    if hints:
        return min(hints, key=lambda h: abs(h[0] - fs))[2]
    return None


def _free_places(sent_places, sent_actors, text):
    """Places of a sentence that are not read as actors ("Baku said"); a country after a
    preposition of place stays a place however the actor step read it ("killed in Lebanon",
    "across southern Lebanon")."""
    if not sent_actors:
        return sent_places
    # the spans of the sentence's non-person actors, once (not once per place)
    # (not a town's own council: "Mariupol's city council said the strike hit the theatre")
    spans = [(a["start"], a["end"]) for a in sent_actors
             if a.get("type") != "person" and not a["name"].endswith(_LOCAL_SUFFIXES)]
    # "the Wad Madani Resistance Committee": a place glued to a body's capitalised name is a
    # part of the name
    glued = {a["start"] - 1 for a in sent_actors if a.get("type") in _GLUED_TYPES and a["surface"][:1].isupper()
             and text[a["start"] - 1:a["start"]] == " "}
    # ("in Somalia's capital": the city, though the state in it is an actor)
    return [p for p in sent_places if not (_overlaps(p["start"], p["end"], spans) or p["end"] in glued)
            or p["surface"].endswith(("capital", "capital city")) or (
        p.get("kind") == "country" and _IN_COUNTRY.search(text, max(0, p["start"] - 45), p["start"]) is not None
        # "killed in Armenia-Azerbaijan clashes", "in Israel-Hamas war": a side of a pair, no where
        and text[p["end"]:p["end"] + 1] not in ("-", "–", "—"))]


_GLUED_TYPES = frozenset({"organisation", "armed_group", "international_org"})
_IN_COUNTRY = re.compile(r"\b(?:[Ii]n|[Aa]cross|[Ii]nside|[Tt]hroughout|into|within|(?:strikes?|airstrikes?|attacks?|raids?|"
                         r"shelling|bombing|bombardment|offensive|assault|invasion)\s+on)\s+(?:(?:the\s+)?(?:north|south|east|"
                         r"west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western)(?:\s+and\s+\w+)?\s+)?$"
                         # "attacked southern Israel": a part of a country is land, never its government
                         r"|\b(?:northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|"
                         r"south-?western)\s+$")


# "Nuseirat refugee camp in central Gaza", "the village of Sotk in Gegharkunik": the place after
# the link holds the one before it
_HELD_IN = re.compile(r"[\w'’ -]{0,30}?\s(?:in|near|of)\s+(?:the\s+)?(?:(?:central|northern|southern|eastern|"
                      r"western|north-eastern|north-western|south-eastern|south-western|far)\s+)?")


# (", a day after the militants burst out of Gaza": another event's time and place)
_PLACE_CLAUSE_BREAK = re.compile(_OWN_CLAUSE_BREAK.pattern + r"|,\s+in\s+(?:what|response\s+to|retaliation\s+for)\b"
                                 r"|,\s+(?:which|who)\s|,\s+(?:(?:a|an|one|two|three|several|\d+)\s+(?:day|days|"
                                 r"week|weeks|hour|hours|month|months)\s+)?(?:after|before|since|following)\s")
_REGION_TOWN_OF = re.compile(r"\s+(?:city|town|village|port|capital|camp|settlement)\s+of\s+")
_BORDER_SETTLEMENT_OF = re.compile(r"\s+(?:town|village|city|settlement|community)\s+of\s+")
_ACROSS_BORDER = re.compile(r"\bborder\s+with\s+(?:the\s+)?(?:[\w-]+(?:'s|’s)\s+)?$", re.IGNORECASE)


_TOWARD_BEFORE = re.compile(r"\b(?:to|towards|toward)\s+(?:the\s+)?$")
_VENUE_BEFORE = re.compile(r"\b(?:talks|meetings?|summit|negotiations|conference|ceremony|briefing|speaking|visit|"
                           r"(?:told|briefed|addressed)\s+(?:reporters|journalists))\s+(?:held\s+)?(?:in|at)\s+(?:the\s+)?$")


def _town_named_after(text, place, local, link, kinds=None):
    """The place of ``local`` that ``link`` ("town of", "city of") joins to ``place`` right
    after it ("the border town of Vovchansk", "the West Bank city of Jericho"), or None."""
    return next((q for q in local if place["end"] < q["start"] <= place["end"] + 30
                 and (kinds is None or q.get("kind") in kinds) and link.fullmatch(text, place["end"], q["start"])), None)


def _place_for(text, fs, fe, free_places, cat=None):
    if not free_places:
        return None
    # "agreed to halt fighting that has killed dozens ..., after talks in Moscow", "told
    # reporters in Mexico City": where it was negotiated or said is not where the figure is,
    # even when the sentence names no other place; nor is where the displaced went to ("fled
    # their homes in the south, clogging the highway to Beirut")
    ps = [p for p in free_places if not (p["start"] < fe and p["end"] > fs)
          and not _VENUE_BEFORE.search(text, max(0, p["start"] - 30), p["start"])
          and not (cat == "displaced" and _TOWARD_BEFORE.search(text, max(0, p["start"] - 12), p["start"])
                   and text.find("return", max(0, p["start"] - 80), p["start"]) < 0)]  # (home: "return to Karabakh")
    if not ps:
        return None
    # "shot down over Armenia near the border with Azerbaijan's Nakhchivan exclave": the place
    # across the border is the other side, not where it happened
    if len(ps) > 1:  # (a filter that keeps all when it would keep none has nothing to do for one)
        ps = [p for p in ps if not _ACROSS_BORDER.search(text, max(0, p["start"] - 50), p["start"])] or ps
    # "..., killing 19 people across Ukraine, in what Putin called retaliation for an explosion
    # on the Crimea bridge": a place past a clause break of the sentence is another event's
    ps = [p for p in ps if not _PLACE_CLAUSE_BREAK.search(text, min(p["end"], fe), max(p["start"], fs))] or ps
    local = [p for p in ps if p.get("kind") != "country"] or ps
    if len(local) > 1:
        # "Three were killed in Mykolaiv, he added, and two others were wounded in Lviv": a
        # place of the figure's own clause before a nearer one across a clause break
        own = [p for p in local if not _OWN_CLAUSE_BREAK.search(text, min(p["end"], fe), max(p["start"], fs))]
        local = own or local
    best = min(local, key=lambda p: min(abs(p["start"] - fe), abs(fs - p["end"])))
    inner = [q for q in local if q["end"] <= best["start"] and q["end"] >= best["start"] - 60
             and q.get("kind") in ("city", "village", "feature") and q.get("name") != best.get("name")
             and _HELD_IN.fullmatch(text, q["end"], best["start"])]
    if inner and best.get("kind") in ("region", "city"):
        best = max(inner, key=lambda q: q["end"])  # the more precise place
    elif best.get("kind") == "border":
        # "in the border town of Vovchansk": the town the border describes
        best = _town_named_after(text, best, local, _BORDER_SETTLEMENT_OF) or best
    elif best.get("kind") in ("region", "country") and not inner:
        # "in the West Bank city of Jericho": the town the region describes
        best = _town_named_after(text, best, local, _REGION_TOWN_OF, ("city", "village")) or best
    return best.get("name") or best.get("surface")
