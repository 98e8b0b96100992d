"""Direct quotations with their speaker and the outlet that carried them.

1. Quote spans: curly (“…”), guillemets («…») and straight ("…") marks are paired in one pass;
   a quotation that runs over a paragraph break (the next paragraph reopens the quote without
   the previous one closing) stays one span. Single marks (‘…’, '…': British and headline
   style) pair within a paragraph, told from apostrophes by the letters around them; inside a
   double-quoted span they are a quote within the quotation.
2. Scare quotes of one to three words (“large-scale provocation”) are skipped unless a speech
   verb introduces them directly (``he said: “No.”``) or, closed by a comma, "?" or "!", an
   attribution follows them (``“Not now,” said X``).
3. Speaker: the first person named in the attribution after the quote in the same sentence
   ("…,” Armen Grigoryan said), else "he/she said" or an office in place of the name ("…,” the
   diplomat said) -> the last person named before the quote, else the person before the quote
   ("X said: “…”", "According to X, “…”"), else a non-media actor of the attribution ("…,” the
   ministry said), "…,” it said / "…,” a spokesperson said -> the last body named before the
   quote's sentence; after a "?" or "!" that ends the sentence, an attribution opening the next
   one ('"…?" President X said') is the quote's; a speech verb after "and" takes the actor that
   opens the sentence ("X accused Y of ... and said “…”"), or the last body before it when the
   sentence opens with "It"; else - for a quote with no attribution right after another quote -
   the previous quote's speaker.
4. ``via``: a news outlet in the attribution ("as quoted by Armenia's News.am news agency",
   "told TASS"), or one named by "According to X" in the sentence just before the quote.

Records: ``start``/``end`` of the quoted text (inside the marks), ``surface``, ``speaker``, ``via``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
from typing import Any

from data.extract import sentences as _sentences
from data.extract.lexicon import read_words as _words

__all__ = ["find_quotes"]

_SPEECH = sorted(_words("speech_verbs.txt"), key=len, reverse=True)
_SPEECH_WORDS = frozenset(w.split(" ")[-1] if " " not in w else w.split(" ")[1] for w in _SPEECH) | \
    frozenset(w for w in _SPEECH if " " not in w)
_QUOTE_MARKS = "“”«»\""
_WORDS_RX = re.compile(r"[A-Za-z]+")


class _Speech:
    """Finds the first speech verb in a window by word lookup (a long regex alternation is
    ~50x slower on long windows)."""

    # (lower case only: "the United States would act" holds no speech verb)
    @staticmethod
    def search(window: str):
        for m in _WORDS_RX.finditer(window):
            if m.group(0) in _SPEECH_WORDS:
                return m
        return None

    @staticmethod
    def finditer(window: str):
        return (m for m in _WORDS_RX.finditer(window) if m.group(0) in _SPEECH_WORDS)


_SPEECH_RX = _Speech()
# a quoted name: capitalised words (small words between them), no sentence punctuation
_TITLE_CASED = re.compile(r"(?:The\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|in|on|to|de|al)\s+)*[A-Z][\w'’-]*)+")
# "\bhe\b"...: each alternative opens with its letter and tests the word start after it, so
# that the search can skip in C to the next h, s, H or S (half the CPU; same matches)
_PRONOUN = re.compile(r"h(?<!\wh)e\b|s(?<!\ws)he\b|H(?<!\wH)e\b|S(?<!\wS)he\b")
_INTRO = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, _SPEECH)) + r")\b[^.!?]{0,40}?[:,]?|:)\s*$",
                    re.I)
# verbs that name rather than say: a quote of up to three words after them is a label ("a
# village called "Sotk"", "described it as "terrorism""), a longer one speech
_NAMING = frozenset({"called", "calls", "described", "describes"})
_ACCORDING = re.compile(r"^\W*(?:according\s+to|as\s+reported\s+by|citing)\b", re.I)
# "According to Peskov, “...”": the person it names said the quotation
_ACCORDING_IN = re.compile(r"\b(?:according\s+to|as\s+quoted\s+by)\b", re.I)
_PARA = re.compile(r"\n\s*\n")
_OPEN, _CLOSE = "“«", "”»"
_WIN = 300


def _marks(text: str, marks: str = _QUOTE_MARKS) -> list[tuple[int, str]]:
    """``(offset, mark)`` of every one of ``marks`` in ``text``, in text order.

    ``str.find`` per mark and a sort of the few hits: a search for one character runs far
    faster in C than a character-class scan (~4x less CPU than ``re.finditer``)."""
    out = []
    for c in marks:
        i = text.find(c)
        while i >= 0:
            out.append((i, c))
            i = text.find(c, i + 1)
    out.sort()
    return out


def _spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each pair of quote marks."""
    out: list[tuple[int, int]] = []
    open_at = -1
    straight_open = -1
    paras = [m.start() for m in _PARA.finditer(text)]

    def para_between(a: int, b: int) -> bool:
        i = bisect_right(paras, a)
        return i < len(paras) and paras[i] < b

    for p, c in _marks(text):
        if c == '"':
            prev = text[p - 1] if p > 0 else " "
            nxt = text[p + 1] if p + 1 < len(text) else " "
            opening = (prev.isspace() or prev in "([—–-:") and not nxt.isspace()
            if straight_open < 0:
                if opening:
                    straight_open = p
            elif opening and para_between(straight_open, p):
                continue  # a quotation reopened in the next paragraph: the same quote
            else:
                out.append((straight_open + 1, p))
                straight_open = -1
            continue
        if c in _OPEN:
            if open_at < 0:
                open_at = p
            elif not para_between(open_at, p):
                open_at = p  # an unclosed mark earlier in the paragraph: start again here
        elif open_at >= 0:
            out.append((open_at + 1, p))
            open_at = -1
    if "'" in text or "‘" in text:
        # British and headline style: 'Every spring they come,' said X. Single quotes inside a
        # double-quoted quotation are quotes within it, not quotations of their own.
        outer = sorted(out)
        starts = [a for a, _b in outer]
        for a, b in _single_spans(text):
            i = bisect_right(starts, a) - 1
            if i < 0 or outer[i][1] < b:
                out.append((a, b))
    out.sort()
    return out


#: longest single-quoted quotation (an apostrophe misread as an opening mark goes no further)
_MAX_SINGLE = 400


def _single_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) inside each pair of single quote marks (‘…’ or '…').

    An opening mark follows a space, a bracket or a dash and comes before a letter; a closing
    one follows a letter or punctuation and comes before no letter, which tells it from the
    apostrophe of "Russia's" or "don't". Marks pair within a paragraph and a few hundred
    characters."""
    out = []
    open_at = -1
    n = len(text)
    for p, _c in _marks(text, "'‘’"):
        prev = text[p - 1] if p > 0 else " "
        nxt = text[p + 1] if p + 1 < n else " "
        if open_at < 0:
            if text[p] != "’" and (prev.isspace() or prev in "([—–-:\"“") and nxt.isalpha():
                open_at = p
            continue
        if text[p] == "‘" or (text[p] == "'" and (prev.isspace() or prev in "([—–-") and nxt.isalpha()):
            open_at = p  # another opening mark: the first was an apostrophe after all
            continue
        if (nxt.isalpha() or nxt.isdigit()) or prev.isspace():
            continue  # an apostrophe inside or before a word
        if p - open_at > _MAX_SINGLE or _PARA.search(text, open_at, p):
            open_at = -1
            continue
        out.append((open_at + 1, p))
        open_at = -1
    return out


def find_quotes(text: str, sents: list[tuple[int, int]] | None = None,
                actors: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Direct quotations in ``text``.

    Parameters
    ----------
    text : str
        Clean article body.
    sents : list of (int, int), optional
        Sentence spans; computed when not given.
    actors : list of dict, optional
        Actor records of the same text (from :func:`data.extract.actors.find_actors`).

    Returns
    -------
    list of dict
        ``start``, ``end``, ``surface`` (the quoted text), ``speaker`` (canonical actor name or
        None) and ``via`` (the news outlet that carried it, or None).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    if not text or not any(c in text for c in _QUOTE_MARKS + "'‘"):
        return []
    sents = list(sents) if sents else _sentences.split_sentences(text)
    s_starts = [s for s, _e in sents]
    actors = sorted(actors or [], key=itemgetter("start"))
    a_starts = [a["start"] for a in actors]
    persons = [a for a in actors if a.get("type") == "person"]
    p_ends = [a["end"] for a in persons]
    out: list[dict[str, Any]] = []
    prev_speaker = None
    prev_end = -1
    for qs, qe in _spans(text):
        inner = text[qs:qe]
        ls = len(inner) - len(inner.lstrip())
        rs = len(inner.rstrip())
        if rs <= ls:
            continue
        s0, e0 = qs + ls, qs + rs
        body = text[s0:e0]
        sent_open = _sent_bounds(sents, s_starts, qs - 1, len(text))
        sent_close = _sent_bounds(sents, s_starts, qe, len(text))
        # attribution lies within a few hundred characters of the marks, however long the
        # "sentence" (unpunctuated text must not make this quadratic)
        sent_open = (max(sent_open[0], qs - _WIN), sent_open[1])
        sent_close = (sent_close[0], min(sent_close[1], qe + _WIN))
        before = text[sent_open[0]:qs - 1] if sent_open[0] < qs else ""
        after_end = max(sent_close[1], qe + 1)
        nxt_open = _next_open(text, qe + 1, after_end)
        after_end = min(after_end, nxt_open)
        after = text[qe + 1:after_end]
        if body.endswith(("?", "!")) and not after.strip() and qe + 1 < len(text):
            # '"What kind of country is this?" President Zelenskiy said.': the splitter ends
            # the sentence at the mark; the attribution opens the next one
            nxt = _sent_bounds(sents, s_starts, qe + 2, len(text))
            tail_end = min(nxt[1], qe + 1 + 120)
            tail = text[qe + 1:_next_open(text, qe + 1, tail_end)]
            if _said_next(tail):
                after_end = qe + 1 + len(tail)
                after = tail
        n_words = len(body.split())
        if _TITLE_CASED.fullmatch(body):
            continue  # the "Trump Route for International Peace and Prosperity": a name, not speech
        intro = _INTRO.search(before[-70:])
        introduced = bool(intro) and not (n_words <= 3 and intro.group(0).split(None, 1)[0].lower() in _NAMING)
        if n_words <= 3 and not introduced and not (body.endswith((",", "?", "!")) and _said_next(after)):
            continue  # a scare quote; not '"This is unacceptable," said X'
        near = actors[bisect_right(a_starts, sent_open[0] - 1):bisect_right(a_starts, after_end)]
        in_after = _outermost([a for a in near if qe < a["start"] < after_end])
        in_before = _outermost([a for a in near if sent_open[0] <= a["start"] and a["end"] <= qs])
        speaker = None
        # '"...," said X' or '"...," the ministry said', not '"...", and said Armenian forces
        # had fired': a new clause before the verb has the quote's speaker as its subject
        v_after = _SPEECH_RX.search(after)
        attributed_after = bool(v_after) and not _NEW_CLAUSE.search(after, 0, v_after.start()) and not (
            not body.endswith((",", "?", "!")) and _PHRASE_GOES_ON.match(after) and _SPEECH_RX.search(before))
        if attributed_after:
            p = [a for a in in_after if a["type"] == "person"]
            m_pro = _PRONOUN.search(after)
            if m_pro is None and not p:
                # '"...," the diplomat said': a person's office in place of the name refers
                # back to the person named last, as "he" does
                m_pro = _OFFICE_SAID.match(after)
            if p and (not m_pro or p[0]["start"] - qe < m_pro.start()):
                speaker = p[0]["name"]
            elif m_pro:
                i = bisect_right(p_ends, qs) - 1
                speaker = persons[i]["name"] if i >= 0 else None
            else:
                o = [a for a in in_after if a["type"] != "media"]
                speaker = o[0]["name"] if o else None
                if speaker is None and (_IT_SAID.match(after) or _A_SPOKESPERSON_SAID.match(after)):
                    # '"...", it said', '"...", a spokesperson said': the body that spoke last,
                    # in an earlier sentence
                    speaker = _last_body(actors, a_starts, sent_open[0])
        if speaker is None and (introduced or _SPEECH_RX.search(before) or _ACCORDING_IN.search(before)):
            # the subject of the speech verb: the first person before the verb ("Hikmet
            # Hajiyev, adviser to President Ilham Aliyev, told AFP that ...")
            v = _SPEECH_RX.search(before)
            vpos = sent_open[0] + v.start() if v else qs
            p = [a for a in in_before if a["type"] == "person" and a["end"] <= vpos] or \
                [a for a in in_before if a["type"] == "person" and _speaks_inverted(text, sent_open[0], before, a)]
            if p:
                speaker = p[0]["name"]
            elif _PRONOUN.search(before):
                i = bisect_right(p_ends, sent_open[0]) - 1
                speaker = persons[i]["name"] if i >= 0 else None
            else:
                # the subject of the speech verb, not a name inside what was said ("The Armenian
                # Foreign Ministry said that Baku's actions were “unacceptable”")
                o = [a for a in in_before if a["type"] != "media" and a["end"] <= vpos]
                if not o and v is not None and _IT_OPENS.match(before):
                    # 'It said its units had taken "adequate retaliatory measures"': the subject
                    # of the sentence before ("The ministry said ... and accused Armenia of ...")
                    speaker = _previous_subject(text, sents, s_starts, actors, a_starts, sent_open[0])
                o = o or [a for a in in_before if a["type"] != "media"]
                speaker = speaker or (o[-1]["name"] if o else None)
                if v is not None and AND_BEFORE.search(before, max(0, v.start() - 14), v.start()):
                    # "It accused Armenia of "provocations" and said ...": the verb after "and"
                    # shares the sentence's subject, not the object named just before it
                    if _IT_OPENS.match(before):
                        speaker = _last_body(actors, a_starts, sent_open[0])
                    elif o:
                        speaker = o[0]["name"]
        if speaker is None and not attributed_after and prev_speaker and 0 <= prev_end and \
                qs - prev_end < 400 and not any(prev_end < a["start"] < qs for a in persons[
                    max(0, bisect_right(p_ends, prev_end) - 1):bisect_right(p_ends, qs) + 1]):
            speaker = prev_speaker  # a further quotation of the same speaker
        media = [a for a in in_after + in_before if a["type"] == "media"]
        via = media[0]["name"] if media else None
        if via is None:
            via = _according(text, sents, s_starts, sent_open[0], actors, a_starts)
        out.append({"start": s0, "end": e0, "surface": body, "speaker": speaker, "via": via})
        if speaker:
            prev_speaker, prev_end = speaker, after_end
    return out


_IT_SAID = re.compile(r"\W{0,3}\s*it\s+(?:said|added|stated|noted|wrote|claimed|stressed)\b")
# between an inverted speech verb and its speaker: "said Hikmet Hajiyev", "said the adviser, X"
_INVERTED_GAP = re.compile(r"[^.;:!?\"“”]{0,40}")


def _speaks_inverted(text: str, base: int, before: str, person: dict[str, Any]) -> bool:
    """``person`` follows a speech verb of ``before`` (which starts at ``base`` in ``text``)
    closely enough to be its inverted subject ("..., said Hikmet Hajiyev: ..."), not the object
    of another verb ("The army said it had killed Ibrahim Biari, ... and "dozens" of fighters")."""
    for v in _SPEECH_RX.finditer(before):
        gap_start = base + v.end()
        if gap_start <= person["start"] and _INVERTED_GAP.fullmatch(text, gap_start, person["start"]) \
                and not _VERB_BETWEEN.search(text, gap_start, person["start"]):
            return True
    return False


_VERB_BETWEEN = re.compile(r"\b(?:had|has|have|was|were|is|are|it|they|he|she)\s+\w+")
_IT_OPENS = re.compile(r"\s*It\s")
# an unnamed voice of the body named before: '"...," a spokesperson said', '"...," a ministry spokesman told'
_A_SPOKESPERSON_SAID = re.compile(r"\W{0,3}\s*an?\s+(?:[a-z-]+\s+){0,2}(?:spokesperson|spokesman|spokeswoman|"
                                  r"representative)\s+(?:said|says|added|told|stated|noted|wrote)\b")
# '"...," the diplomat said', '"...," the former minister told reporters'
# ('"...," the Prime Minister said': an office may be written with capitals)
_OFFICE_SAID = re.compile(r"\W{0,3}\s*the\s+(?:[A-Za-z-]+\s+)?(?i:diplomat|spokeswoman|spokesman|spokesperson|"
                          r"minister|official|president|envoy|ambassador|leader|premier|commander|general|"
                          r"adviser|advisor|aide|governor|mayor|ombudsman|ombudswoman|senator|lawmaker|"
                          r"officer|chief|negotiator|prosecutor)\s+(?:said|says|added|told|stated|noted|"
                          r"wrote|stressed|insisted|warned)\b")
# a second verb of the sentence's subject: "X accused Y of shelling(,) and/but said" (figures
# reads its attributions with the same pattern)
AND_BEFORE = re.compile(r"\b(?:and|but)\s+(?:also\s+|later\s+|then\s+)?$")


def _last_body(actors, a_starts, pos) -> str | None:
    """The body (no person, no news outlet) named last before ``pos``, among the dozen actors
    before it: what "it" in "it said" refers back to across a sentence break."""
    k = bisect_right(a_starts, pos - 1)
    bodies = _outermost([a for a in actors[max(0, k - 12):k]
                         if a["type"] not in ("person", "media") and a["end"] <= pos])
    return bodies[-1]["name"] if bodies else None


def _previous_subject(text, sents, s_starts, actors, a_starts, pos) -> str | None:
    """The body that opens the sentence before ``pos`` (its subject: "The ministry said ... and
    accused Armenia of ..."), else the body named last before ``pos``."""
    prev = _sent_bounds(sents, s_starts, pos - 1, len(text))
    subj = _outermost([a for a in actors[bisect_right(a_starts, prev[0] - 1):bisect_right(a_starts, pos - 1)]
                       if a["type"] not in ("person", "media") and a["end"] <= pos])
    return subj[0]["name"] if subj else _last_body(actors, a_starts, pos)


# a reported sentence goes on past the quote: 'X said its units carried out a "revenge operation"
# in response to what it called a provocation by Armenian forces' (the verb after it is no
# attribution of the quote; X's verb before it is)
_PHRASE_GOES_ON = re.compile(r"[\s”\"]*(?:in|on|at|to|for|against|with|from|by|after|before|during|since|of|"
                             r"over|under|into|what|near|amid|despite)\b")
_NEW_CLAUSE = re.compile(r"\b(?:and|but|which|while|whereas|although|because|when|where|after|before)\b")
_CLAUSE_WORDS = frozenset({"which", "that", "who", "whom", "and", "but", "as", "when", "while",
                           "because", "although", "if", "where"})


def _said_next(after: str) -> bool:
    """The text after a closing mark opens an attribution: a speech verb within its first eight
    words, none of which starts another clause ('," said X', '," the ministry said', '," Foreign
    Ministry spokeswoman Ani Badalyan said'; not '," which Baku denied')."""
    for i, m in enumerate(_WORDS_RX.finditer(after[:90])):
        w = m.group(0).lower()
        if i >= 8 or w in _CLAUSE_WORDS:
            return False
        if w in _SPEECH_WORDS:
            return True
    return False


def _outermost(recs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop records inside a longer one ("Russia" inside "Russia's Foreign Ministry")."""
    # plain loops: the lists are a few records, and any() over a generator per record cost
    # more to set up than the tests
    out = []
    for a in recs:
        s, e = a["start"], a["end"]
        for b in recs:
            if b is not a and b["start"] <= s and e <= b["end"] and b["end"] - b["start"] > e - s:
                break
        else:
            out.append(a)
    return out


def _sent_bounds(sents, s_starts, pos, n) -> tuple[int, int]:
    i = bisect_right(s_starts, pos) - 1
    if 0 <= i < len(sents):
        return sents[i]
    return (0, n)


def _next_open(text: str, start: int, end: int) -> int:
    """Where the next quotation opens in ``text[start:end]`` (``end`` if none): a curly or
    angle mark, or a straight mark after a space (''in response to a "provocation"'')."""
    for c in _OPEN:
        p = text.find(c, start, end)
        if p >= 0:
            end = p
    p = text.find(' "', start, end)
    if p >= 0:
        end = p + 1
    return end


def _according(text, sents, s_starts, sent_start, actors, starts) -> str | None:
    """'According to News.am, …' in the sentence before the quote's sentence."""
    i = bisect_right(s_starts, sent_start - 1) - 1
    if i < 0 or i >= len(sents) or sents[i][0] >= sent_start:
        return None
    ps, pe = sents[i]
    if not _ACCORDING.search(text[ps:pe]):
        return None
    for a in actors[bisect_right(starts, ps - 1):bisect_right(starts, min(pe, ps + 60))]:
        if a["type"] == "media":
            return a["name"]
    return None
