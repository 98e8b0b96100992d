"""Layout repair and boilerplate removal shared by every loader.

Input is the raw text of one article as a loader got it (a PDF-to-text export, trafilatura's
main text, a feed item with its HTML stripped, a CSV cell). Output is a :class:`Cleaned`
record: the body as paragraphs separated by one blank line (each paragraph on one line), the
title and publication date found in the head, agency credits found at the tail (and in the
dateline or byline), and every line
that was taken out, so that a reader can see what was dropped.

The work is one pass over blocks (runs of lines between blank lines), so time and memory grow
linearly with the input; only the head (title, dateline) and the tail (credit lines) get extra
attention.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from .dateline import dateline

_HERE = Path(__file__).resolve().parent
_BP = json.loads((_HERE / "boilerplate.json").read_text(encoding="utf-8"))

# --- lexicon-driven patterns (the words themselves live in boilerplate.json) -----------------
_AGENCY_ALIASES = {
    alias.casefold(): name for name, aliases in _BP["agencies"].items() for alias in aliases
}
_MARKERS = sorted(_BP["credit_markers"], key=len, reverse=True)
_MARKER_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(m) for m in _MARKERS) + r")(?!\w)", re.IGNORECASE
)
_AGENCY_RE = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(a) for a in sorted(
        (a for al in _BP["agencies"].values() for a in al), key=len, reverse=True)) + r")(?!\w)"
)
_LINK_PREFIX_RE = re.compile(
    r"^(?:" + "|".join(re.escape(p) for p in sorted(_BP["link_prefixes"], key=len, reverse=True))
    + r")\s*(?::|\||»|>|–|—|-)\s*\S",
    re.IGNORECASE,
)
_LINK_HEADING = {p.casefold() for p in _BP["link_prefixes"]} - {"more", "latest", "watch", "listen"}
_LINK_HEADING_RE = re.compile("|".join("(?:%s)" % p for p in _BP["link_heading_patterns"]), re.IGNORECASE)
_FURNITURE = {f.casefold() for f in _BP["furniture"]}
_FURNITURE_RE = re.compile("|".join("(?:%s)" % p for p in _BP["furniture_patterns"]), re.IGNORECASE)
_SHARE_FILLERS = frozenset(w.casefold() for w in _BP["share_fillers"])
_SHARE_WORDS = frozenset(w.casefold() for w in _BP["share_words"]) | _SHARE_FILLERS
_SHARE_SPLIT_RE = re.compile(r"[\s|/·•:,]+")
_APPEAL_RE = re.compile("|".join("(?:%s)" % p for p in _BP["appeal_patterns"]), re.IGNORECASE)
_ROLES_RE = "|".join(re.escape(r) for r in sorted(_BP["author_roles"], key=len, reverse=True))
_TAIL_RES = [re.compile(p, re.IGNORECASE) for p in _BP["tail_credit_patterns"]]

_URL_LINE_RE = re.compile(r"^[<(\[]?(?:https?://|www\.)\S+[>)\]]?$", re.IGNORECASE)
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)
_PHOTO_TAIL_RE = re.compile(
    r"[(\[]?\s*(?:photo|photograph|image|picture|credit|source)s?\s*(?:by|:|/)\s*[^.!?]{1,60}[)\]]?$",
    re.IGNORECASE,
)
_SENT_END = ('.', '!', '?', '…', '"', '”', '’', "'", ')', '»')
_TITLE_BAD_END = ('.', ',', ';', ':')
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u200c\u200d\u2060\ufeff]")
# Runs of two or more spaces, or any tab or no-break space (single spaces are left alone, so
# text without such runs is not copied).
_SPACES_RE = re.compile(r" [ \t\u00a0\u2007\u202f]+|[\t\u00a0\u2007\u202f][ \t\u00a0\u2007\u202f]*")
_ODD_SPACES = ("\t", "\u00a0", "\u2007", "\u202f")
_BLANKS_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
_LEFT_WORD_RE = re.compile(r"([^\W\d_]+)-$")
_RIGHT_WORD_RE = re.compile(r"^([^\W\d_]+)")
_AGENCY_STAFF_RE = re.compile(r"(.+?)\s+(?:staff\s+)?(?:writers?|reporters?|correspondents?|journalists?|"
                              r"photographers?)\s+(\S.*)$", re.IGNORECASE)
_SPLIT_NAMES_RE = re.compile(r"\s*(?:,|;|&|/|\band\b)\s*", re.IGNORECASE)

#: longest line, in characters, that can still be a hard-wrapped line of a paragraph
_MAX_WRAP = 150
#: a shorter line ending a sentence ends its paragraph (hard-wrap without blank lines)
_SHORT_SLACK = 20
#: paragraphs at the end whose lines are kept for the credit-line scan
_TAIL_KEEP = 8
#: longest line tested against the furniture patterns ("The post ... appeared first on ...")
_MAX_FURNITURE = 400
#: most headline-like lines dropped after a related-links heading
_MAX_LINK_ITEMS = 12
#: paragraphs at the top searched for a dateline's agency ("BAKU, May 16 (Reuters) -")
_DATELINE_PARAGRAPHS = 3


@dataclass
class Cleaned:
    """What :func:`clean` found.

    Attributes
    ----------
    text : str
        Body paragraphs joined by ``"\\n\\n"``; no paragraph contains a newline.
    title, published : str or None
        Title from the first block; ``YYYY-MM-DD`` from a dateline in the head.
    credits : list of str
        Agencies (or names) credited by trailing lines such as "AFP contributed reporting.", then
        agencies of the dateline ("BAKU, May 16 (Reuters) -") and byline ("By Jane Roe & AFP").
    removed : list of str
        Lines taken out of the body (photo credits, related links, bare URLs, furniture,
        datelines, credit lines).
    links : list of str
        URLs seen in the text (for publisher hints only: never the article's own URL or date).
    """

    text: str
    title: str | None = None
    published: str | None = None
    credits: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


# --- de-hyphenation ------------------------------------------------------------------------

#: Zipf frequency from which a joined word counts as common (about 3 per million words)
_COMMON_ZIPF = 3.5


@lru_cache(maxsize=200_000)
def _zipf(word: str) -> float:
    return zipf_frequency(word, "en")


def join_hyphenated(left: str, right: str) -> bool:
    """Decide whether a word split at a line end as ``left-`` / ``right`` is one word.

    Parameters
    ----------
    left, right : str
        The letters before the line-end hyphen and after the line break.

    Returns
    -------
    bool
        True to join without the hyphen ("govern-"/"ment" -> "government"); False to keep the
        hyphen ("Nagorno-"/"Karabakh", "five-"/"year").

    Notes
    -----
    A capitalised right half is a compound of names. A joined word that is common (wordfreq,
    English, Zipf >= 3.5: "grand-"/"children") is the word a typesetter split. Otherwise the joined
    word must be more frequent than the hyphenated compound; when neither is known the halves
    are fragments, so they are joined.
    """
    if not left or not right or right[0].isupper():
        return False
    lo, ro = left.casefold(), right.casefold()
    joined = _zipf(lo + ro)
    # wordfreq rates "grand-children" from its two tokens, as if it were a phrase of common
    # words, so the comparison below would keep the hyphen of every split compound word.
    if joined >= _COMMON_ZIPF:
        return True
    hyphenated = _zipf(lo + "-" + ro)
    if joined > hyphenated:
        return True
    if hyphenated > 0:
        return False
    # Neither form is known: if both halves are words keep the compound, else it is a split word.
    return not (_zipf(lo) >= 3.0 and _zipf(ro) >= 3.0)


def join_lines(lines: list[str]) -> str:
    """Join the hard-wrapped lines of one paragraph, repairing words split at line ends."""
    if len(lines) == 1:
        return lines[0]
    out = lines[0]
    for nxt in lines[1:]:
        if out.endswith("\u00ad"):  # soft hyphen: always a split word
            out = out[:-1] + nxt
            continue
        if out.endswith("-") and out[-2:-1].isalnum() and nxt[:1].isalnum():
            lm = _LEFT_WORD_RE.search(out[-64:])  # only the tail: `out` grows with the paragraph
            rm = _RIGHT_WORD_RE.match(nxt)
            if lm and rm:
                out = (out[:-1] if join_hyphenated(lm.group(1), rm.group(1)) else out) + nxt
                continue
            out += nxt  # "COVID-" + "19", "Su-" + "25": a compound either way
            continue
        out += " " + nxt
    return out


# --- line and paragraph classification -------------------------------------------------------

def _normalise(raw: str) -> str:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    text = _CONTROL_RE.sub("", text)
    # Most text has no run of spaces and no tab or odd space: a few substring tests (memchr
    # speed) are much cheaper than letting the regex visit every single space.
    if "  " in text or any(c in text for c in _ODD_SPACES):
        text = _SPACES_RE.sub(" ", text)
    # Soft hyphens inside a line are invisible hints, not text; at a line end they mark a split.
    text = text.replace("\u00ad\n", "\u00ad\x00").replace("\u00ad", "").replace("\x00", "\u00ad\n")
    return text


def _is_url_line(line: str) -> bool:
    return (line[:1] in "hHwW<([") and bool(_URL_LINE_RE.match(line))


def _is_link_line(line: str) -> bool:
    """'Related article: ...', 'Read more: ...', or a bare 'Related articles' heading."""
    return bool(_LINK_PREFIX_RE.match(line)) or _is_link_heading(line)


def _is_furniture(line: str) -> bool:
    if len(line) > _MAX_FURNITURE:
        return False
    if not any(ch.isalnum() for ch in line):
        return True  # a rule ('---', '* * *') between the story and what follows it
    if len(line) <= 120:
        key = line.strip(" .:|•·-–—").casefold()
        if key in _FURNITURE or _is_share_line(key):
            return True
    return bool(_FURNITURE_RE.match(line))


def _is_share_line(key: str) -> bool:
    """Share and save buttons in a row: 'Share: Facebook | Twitter | Email', 'Save Share whatsapp'."""
    words = [w for w in _SHARE_SPLIT_RE.split(key) if w]
    return (len(words) >= 2 and all(w in _SHARE_WORDS for w in words)
            and any(w not in _SHARE_FILLERS for w in words))


def _is_link_heading(line: str) -> bool:
    """A heading over a list of links ('More on this story', 'Keep reading', 'list of 3 items')."""
    if len(line) > 40:
        return False
    return line.rstrip(":").strip().casefold() in _LINK_HEADING or bool(_LINK_HEADING_RE.match(line))


def _is_link_item(line: str, short: int) -> bool:
    """A line that reads as one headline of a links list, not as prose.

    Headlines are short, start with a capital or a digit and do not end with a full stop; a line
    as long as the text's wrapped lines is part of a paragraph, not an item.
    """
    item = line.lstrip("-•*·–— ").strip()
    return (0 < len(item) <= 150 and (short <= 0 or len(line) < short) and len(item.split()) <= 20
            and not item.endswith(_TITLE_BAD_END) and (item[:1].isupper() or item[:1].isdigit()))


def _is_photo_credit(par: str) -> bool:
    """A short line without final punctuation that names a source ('MoD of Armenia')."""
    if len(par) > 200 or par.endswith(_SENT_END[:3]) or par.endswith((",", ";", ":")):
        return False
    if _PHOTO_TAIL_RE.search(par) and len(par) <= 200:
        return True  # "Soldiers near Jermuk. Photo: Reuters"
    if len(par) > 70 or len(par.split()) > 8:
        return False
    return bool(_MARKER_RE.search(par) or _AGENCY_RE.search(par) or " / " in par)


def _agency(name: str) -> str | None:
    return _AGENCY_ALIASES.get(name.strip(" .()-–—").casefold())


def _credit_line(par: str) -> list[str] | None:
    """Credits named by a trailing credit line, [] for a credit line naming none, else None."""
    if len(par) > 250:
        return None
    inner = par.strip()
    if inner[:1] == "(" and inner[-1:] == ")" and inner.count("(") == 1:
        inner = inner[1:-1].strip()  # Reuters: '(Reporting by ...; Editing by ...)'
    if ";" in inner:
        parts = [_credit_line(x) for x in inner.split(";") if x.strip()]
        if not parts or any(x is None for x in parts):
            return None
        return list(dict.fromkeys(n for x in parts for n in x))
    par = inner
    for rx in _TAIL_RES:
        m = rx.match(par)
        if not m:
            continue
        groups = m.groupdict()
        if groups.get("agencies") is not None:
            if not par[:4].lower().startswith("with") and (" / " in par or _MARKER_RE.search(par)):
                continue  # 'AFP / Getty Images', 'Photo: Reuters': a photo credit, not reporting
            # 'With AFP', '(Reuters)': every name must be a known agency, or it is prose.
            names = [n for n in _SPLIT_NAMES_RE.split(groups["agencies"]) if n.strip()]
            found = [_agency(n) for n in names]
            if names and all(found):
                return list(dict.fromkeys(found))
            continue
        if groups.get("names") is not None:
            names = [n.strip(" .") for n in _SPLIT_NAMES_RE.split(groups["names"]) if n.strip(" .")]
            out = []
            for n in names:
                n = re.sub(r"^(?:the|staff of|staff)\s+", "", n, flags=re.IGNORECASE)
                n = re.sub(r"\s+in\s+[A-Z][\w ]*$", "", n)  # "Jane Doe in Baku"
                m = _AGENCY_STAFF_RE.match(n)  # "Associated Press writer Jane Doe"
                if m and _agency(m.group(1)):
                    out.append(_agency(m.group(1)))
                    n = m.group(2)
                ag = _agency(n)
                if ag:
                    out.append(ag)
                elif "contributed" in par.casefold() and 0 < len(n.split()) <= 5:
                    out.append(n)
                else:
                    # 'Reporting by <person>': only agencies are credits; the line still goes.
                    out.extend(_agency(a.group(0)) for a in _AGENCY_RE.finditer(n))
            return list(dict.fromkeys(x for x in out if x))
        return []  # 'Editing by ...'
    return None


# --- paragraphs -------------------------------------------------------------------------------

def _wrap_width(lines: list[str]) -> int:
    """Typical width of a hard-wrapped line: the 90th percentile of line lengths."""
    lengths = sorted(len(l) for l in lines if l)
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(len(lengths) * 0.9))]


def _paragraphs(block: str, width: int, removed: list[str], state: dict) -> list[tuple[str, list[str]]]:
    """Split one block into paragraphs ``(text, lines)``, dropping link, URL and furniture lines.

    ``state["items"]`` carries across blocks how many more headline lines may follow a
    related-links heading: the list under it goes with it, up to the first line of prose.
    """
    out: list[tuple[str, list[str]]] = []
    cur: list[str] = []
    short = width - _SHORT_SLACK
    raw_lines = block.split("\n")
    last = max((i for i, l in enumerate(raw_lines) if l.strip()), default=-1)
    for i, line in enumerate(raw_lines):
        line = line.strip()
        if not line:
            continue
        if state["items"]:
            # An item is a line of its own: the last of its block, or shorter than wrapped lines.
            if not cur and _is_link_item(line, 0 if i == last else short):
                removed.append(line)
                state["items"] -= 1
                continue
            state["items"] = 0
        if len(line) <= _MAX_FURNITURE and (_is_url_line(line) or _is_link_line(line) or _is_furniture(line)):
            removed.append(line)
            if _is_link_heading(line):
                state["items"] = _MAX_LINK_ITEMS
            continue
        cur.append(line)
        # In hard-wrapped text every line but a paragraph's last fills the wrap width, so a
        # clearly shorter line ends its paragraph (datelines, bylines, credit lines stacked
        # without blank lines too). A line too long to be wrapped at all ends one when it
        # ends a sentence (one paragraph per line).
        if (len(line) < short and not line.endswith("-")) or (
                len(line) > _MAX_WRAP and line.endswith(_SENT_END)):
            out.append((join_lines(cur), cur))
            cur = []
    if cur:
        out.append((join_lines(cur), cur))
    return out


_BYLINE_RE = re.compile(r"^(?i:by|from)\s+[A-Z][^.!?]{0,60}$")
# "BAKU, May 16 (Reuters) -", "KHARTOUM, 12 février 2024 (AFP) –", "CAIRO (AP) —": a capitalised
# place (and date) opening the story, then the agency in parentheses and a dash.
_DATELINE_AGENCY_RE = re.compile(
    r"^[A-ZÀ-ÖØ-Þ][^()!?\n]{1,60}?\s*\((?P<agencies>[^()]{1,60})\)\s*[—–-]{1,2}\s*\S")


def _known_agencies(names: str) -> list[str]:
    """Canonical agencies for a list of names ('Reuters', 'AFP/Reuters'); [] unless all are known."""
    parts = [n for n in _SPLIT_NAMES_RE.split(names) if n.strip()]
    found = [_agency(n) for n in parts]
    return list(dict.fromkeys(found)) if parts and all(found) else []


def dateline_credits(par: str) -> list[str]:
    """Agencies named in the dateline opening ``par``: "BAKU, May 16 (Reuters) - ..." -> ["Reuters"]."""
    m = _DATELINE_AGENCY_RE.match(par)
    return _known_agencies(m.group("agencies")) if m else []


def byline_credits(line: str) -> list[str]:
    """Agencies among the names of a byline: "By Olena Petrenko & AFP" -> ["AFP"].

    People in a byline are authors, not credits; only news agencies are credited.
    """
    line = re.sub(r"^\s*(?:by|from)\s+", "", line or "", flags=re.IGNORECASE)
    found = (_agency(n) for n in _SPLIT_NAMES_RE.split(line) if n.strip())
    return list(dict.fromkeys(a for a in found if a))


def drop_author_bio(text: str, names) -> tuple[str, str | None]:
    """Remove a trailing author note such as "Joshua Kucera is Eurasianet's Caucasus editor.".

    Only a last paragraph of one sentence, "<Name> is <...> <role>", whose name is one of
    ``names`` (the article's authors) or whose role is held at one of ``names`` (the publisher:
    "<publisher>'s ... editor") goes; a sentence about anyone else is news and stays.

    Returns
    -------
    tuple
        ``(text, removed_paragraph_or_None)``.
    """
    head, sep, last = text.rpartition("\n\n")
    if not sep or len(last) > 250:
        return text, None
    m = _BIO_RE.match(last)
    if not m:
        return text, None
    keys = {" ".join(str(n).split()).casefold() for n in names if n and str(n).strip()}
    who = m.group("name").casefold()
    role = m.group("role").casefold()
    if who in keys or any(role.startswith(k + "'s ") or role.startswith(k + "’s ")
                          or role.startswith("the " + k) for k in keys):
        return head, last
    return text, None


_BIO_RE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}) is (?P<role>[^.!?]{0,80}?\b(?:"
    + _ROLES_RE + r")s?\b[^.!?]{0,80})\.$")


def _is_head_line(line: str) -> bool:
    """Dateline, byline or photo credit: lines that may follow a title inside its block."""
    return bool(dateline(line) or _BYLINE_RE.match(line) or _is_photo_credit(line)
                or _is_furniture(line))


def _split_title(block: str, more: bool) -> tuple[str | None, str]:
    """Take a wrapped title off the top of the first block.

    The title is the block's first lines (at most 3) up to the block's end or up to a
    dateline, byline or photo credit; a block that goes on with ordinary text is a paragraph.
    """
    lines = [l.strip() for l in block.split("\n") if l.strip()]
    k = 0
    while k < len(lines) and k < 4 and not _is_head_line(lines[k]):
        k += 1
    if k == 0 or k > 3 or (k == len(lines) and not more):
        return None, block
    if k < len(lines) and not _is_head_line(lines[k]):
        return None, block
    cand = join_lines(lines[:k])
    if not _looks_like_title(cand, k) or _is_link_line(cand) or _is_url_line(cand):
        return None, block
    return cand, "\n".join(lines[k:])


def _looks_like_title(par: str, n_lines: int) -> bool:
    return (
        n_lines <= 3
        and 3 <= len(par) <= 250
        and len(par.split()) <= 30
        and not par.endswith(_TITLE_BAD_END)
        and any(c.isalpha() for c in par)
    )


def clean(raw: str, *, title: str | None = None, detect_title: bool = True,
          head_paragraphs: int = 8) -> Cleaned:
    """Repair the layout of ``raw`` and separate body text from boilerplate.

    Parameters
    ----------
    raw : str
        Text of one article, possibly hard-wrapped with words split at line ends.
    title : str, optional
        Known title (from metadata). A first paragraph equal to it is dropped from the body.
    detect_title : bool
        Take the first block as the title when ``title`` is not given and it looks like one
        (at most 3 lines, no final full stop, followed by more text).
    head_paragraphs : int
        How many paragraphs at the top are searched for a dateline.

    Returns
    -------
    Cleaned
    """
    if not isinstance(raw, str):
        raise TypeError(f"raw must be str, got {type(raw).__name__}")
    if head_paragraphs < 0:
        raise ValueError(f"head_paragraphs must be >= 0, got {head_paragraphs}")
    text = _normalise(raw)
    removed: list[str] = []
    links = _URL_RE.findall(text) if ("http" in text or "www." in text) else []
    text = text.strip("\n")
    # The wrap width is a statistic: a 2 MB sample is plenty and keeps memory flat.
    width = _wrap_width(text[:2_000_000].split("\n"))
    if _double_spaced(text[:2_000_000], width):
        text = _undouble(text)
    more = _BLANKS_RE.search(text) is not None

    # One pass in document order: title, then datelines and photo credits, then body.
    keep: list[tuple[str, list[str], bool]] = []
    found_title: str | None = None
    published = updated = None
    head_credits: list[str] = []
    state = {"items": 0}
    first = True  # the first block with more than furniture (a printed page's header) holds the title
    seen = 0  # paragraphs seen after the title, for the head window
    for block in _blocks(text):
        if first:
            block = _drop_leading_furniture(block, removed)
            if not block:
                continue
            first = False
            if title is None and detect_title:
                found_title, block = _split_title(block, more=more)
            elif title is not None:
                lines = [l.strip() for l in block.split("\n") if l.strip()]
                if len(lines) <= 3 and _same(join_lines(lines), title):
                    continue  # the body repeats the (wrapped) title given by metadata
        ps = _paragraphs(block, width, removed, state)
        for par, lines in ps:
            n = len(lines)
            seen += 1
            if seen == 1 and title is not None and _same(par, title):
                continue  # the body repeats the title given by metadata
            if seen <= _DATELINE_PARAGRAPHS:
                head_credits.extend(dateline_credits(par))
            if len(par) <= _MAX_FURNITURE and _APPEAL_RE.search(par):
                removed.append(par)  # "... a reader-funded newsroom. Support our journalism ..."
                continue
            if seen <= head_paragraphs:
                d = dateline(par)
                if d:
                    iso, is_updated, standalone = d
                    if is_updated:
                        updated = updated or iso
                    else:
                        published = published or iso
                    if standalone:
                        removed.append(par)
                        continue
            if n <= 2 and seen <= head_paragraphs and _BYLINE_RE.match(par):
                removed.append(par)
                head_credits.extend(byline_credits(par))
                continue
            photo = n <= 2 and _is_photo_credit(par)
            if photo:
                # Recorded now, in document order; kept in the list until the tail scan has
                # seen it, since 'With AFP' at the end is a credit line, not a photo credit.
                removed.append(par)
            keep.append((par, lines, photo))
            if len(keep) > _TAIL_KEEP:
                # Only the last paragraphs can hold credit lines; drop older line lists.
                old = keep[-_TAIL_KEEP - 1]
                if old[1] is not None:
                    keep[-_TAIL_KEEP - 1] = (old[0], None, old[2])

    # Tail: credit lines, furniture and photo credits after the last body paragraph.
    tail: list[tuple[str, list[str], bool]] = []
    while keep:
        last, lines, photo = keep[-1]
        lines = lines or [last]
        if len(lines) > 1:
            per_line = [_credit_line(l) for l in lines]
            if all(x is not None for x in per_line):  # credit lines stacked without blank lines
                keep.pop()
                tail.extend(reversed([(l, x, False) for l, x in zip(lines, per_line)]))
                continue
        names = _credit_line(last)
        if names is not None or photo or _is_furniture(last):
            keep.pop()
            tail.append((last, names or [], photo))
            continue
        # A credit line stacked under the last paragraph without a blank line: peel it off when
        # it starts a new sentence ('...holding.' / 'AFP contributed reporting.').
        if len(lines) > 1 and lines[-2].endswith(_SENT_END) and lines[-1][:1].isupper():
            names = _credit_line(lines[-1])
            if names is not None:
                tail.append((lines[-1], names, False))
                keep[-1] = (join_lines(lines[:-1]), lines[:-1], False)
                continue
        break
    credits: list[str] = []
    for line, names, already in reversed(tail):
        if not already:
            removed.append(line)
        credits.extend(n for n in names if n not in credits)
    # Agencies of the dateline and byline come after those of the credit lines, so that an
    # article credited at its end keeps the credits (and their order) it had before.
    credits.extend(n for n in dict.fromkeys(head_credits) if n not in credits)

    return Cleaned(
        text="\n\n".join(par for par, _, photo in keep if not photo),
        title=title if title is not None else found_title,
        published=published or updated,
        credits=credits,
        removed=removed,
        links=links,
    )


def _drop_leading_furniture(block: str, removed: list[str]) -> str:
    """``block`` without its leading furniture and URL lines (a printed page's date-and-title header)."""
    lines = block.split("\n")
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        if line and not (len(line) <= _MAX_FURNITURE and (_is_furniture(line) or _is_url_line(line))):
            break
        if line:
            removed.append(line)
        k += 1
    return "\n".join(lines[k:]) if k else block


def _double_spaced(sample: str, width: int) -> bool:
    """True for exports that put a blank line after every wrapped line.

    Then many blocks are one full-width line that stops mid-sentence, which never happens
    when blank lines separate paragraphs.
    """
    blocks = [b.strip() for b in _BLANKS_RE.split(sample.strip("\n"))]
    if len(blocks) < 6:
        return False
    wrapped = sum(1 for b in blocks if "\n" not in b and len(b) >= width - _SHORT_SLACK
                  and not b.endswith(_SENT_END))
    return wrapped >= 0.3 * len(blocks)


def _undouble(text: str) -> str:
    """Drop single blank lines (line breaks); keep runs of two or more as paragraph breaks."""
    out: list[str] = []
    blanks = 0
    for line in text.split("\n"):
        if line.strip():
            if blanks >= 2 and out:
                out.append("")
            out.append(line)
            blanks = 0
        else:
            blanks += 1
    return "\n".join(out)


def _blocks(text: str):
    """Yield runs of lines between blank lines, without splitting the whole text at once."""
    pos = 0
    for m in _BLANKS_RE.finditer(text):
        yield text[pos:m.start()]
        pos = m.end()
    yield text[pos:]


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()
