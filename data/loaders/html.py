"""Saved HTML pages via trafilatura: title, date, site name, canonical URL and main text."""
from __future__ import annotations

import html as _html
import re

import lxml.html
import trafilatura
from htmldate import find_date

from ._bytes import FileProblem
from .clean import _is_link_heading

# Elements that may name a related-links list, and the lists they head.
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "span", "strong", "b", "div")
_LIST_TAGS = ("ul", "ol")
# Attributes that mark a page's byline ("By Olena Petrenko & AFP").
_BYLINE_ATTR_RE = re.compile(r"byline|author|contributor", re.IGNORECASE)
_BYLINE_MAX = 120

_BLOCK_TAG_RE = re.compile(
    r"<\s*(?:br|hr|/?p|/?div|/?li|/?ul|/?ol|/?h[1-6]|/?blockquote|/?tr|/?table|/?section|/?article|/?figure|/?figcaption)\b[^>]*>",
    re.IGNORECASE,
)
_SCRIPT_RE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG_RE = re.compile(r"<[^>]*>")


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed item), block elements as paragraph breaks."""
    if "<" not in fragment and "&" not in fragment:
        return fragment
    text = _SCRIPT_RE.sub(" ", fragment)
    text = _BLOCK_TAG_RE.sub("\n\n", text)
    try:
        root = lxml.html.fragment_fromstring(text, create_parent="div")
        text = root.text_content()
    except Exception:  # lxml rejects some fragments: fall back to stripping tags
        text = _html.unescape(_TAG_RE.sub(" ", text))
    return text


def _own_url(tree) -> str | None:
    for xpath in ('.//link[@rel="canonical"]', './/meta[@property="og:url"]'):
        el = tree.find(xpath)
        if el is not None:
            url = (el.get("href") or el.get("content") or "").strip()
            if url.startswith(("http://", "https://")):
                return url
    return None


def _meta_date(tree) -> str | None:
    """Publication date from the page's own metadata and markup, never from any URL.

    htmldate would also read a date out of the canonical URL; those elements are removed
    first, and its extensive search (which scans links and free text) is off.
    """
    for el in tree.xpath('//link[@rel="canonical"] | //meta[@property="og:url"] | //a'):
        if el.getparent() is not None:
            el.getparent().remove(el)
    try:
        return find_date(tree, extensive_search=False, original_date=True, url=None)
    except Exception:  # htmldate is a best-effort helper; the dateline may still give a date
        return None


def _text(el) -> str:
    """Text of an element with its parts spaced ('<a>Title</a><span>17 July</span>' -> two words)."""
    return " ".join(" ".join(el.itertext()).split())


def _drop(el) -> None:
    """Remove ``el`` from its tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _drop_link_lists(tree) -> int:
    """Remove related-links lists with their heading ('More on this story' + its ``<ul>``).

    trafilatura drops such headings but keeps the list items, which then read as body text
    with their dates glued on ("Russia pulls out of grain deal17 July").

    Returns
    -------
    int
        How many lists were removed.
    """
    dropped = 0
    for el in list(tree.iter(*_HEADING_TAGS)):
        if el.getparent() is None or len(el) > 3:
            continue
        label = _text(el)
        if not label or not _is_link_heading(label):
            continue
        # The list follows the heading, or the heading's wrapper (<p><b>Read more:</b></p><ul>).
        node, sib = el, None
        for _ in range(3):
            sib = node.getnext()
            while sib is not None and not isinstance(sib.tag, str):  # comments
                sib = sib.getnext()
            if sib is not None or node.getparent() is None:
                break
            node = node.getparent()
        if sib is not None and sib.tag in _LIST_TAGS:
            _drop(sib)
            _drop(el)
            dropped += 1
    return dropped


def _byline(tree) -> str | None:
    """Text of the page's byline element (class, id or itemprop naming a byline or author)."""
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("meta", "link", "script", "style", "img"):
            continue
        marks = " ".join(el.get(a) or "" for a in ("class", "id", "itemprop", "rel", "data-component"))
        if marks.strip() and _BYLINE_ATTR_RE.search(marks):
            text = _text(el)
            if 3 <= len(text) <= _BYLINE_MAX:
                return text
    return None


def _headings(tree) -> list[str]:
    return [t for t in (_text(el) for el in tree.iter("h1", "h2")) if t]


def _better_title(title: str | None, sitename: str | None, text: str, headings: list[str]) -> str | None:
    """The page's own headline when ``<title>`` holds only the site's name.

    The headline is the first paragraph of the main text when it is an ``<h1>``/``<h2>`` of the
    page; it replaces a missing title, the site name, or a short title (at most 4 words, a name
    such as "Syunik Today") that it does not contain.
    """
    first = text.split("\n", 1)[0].strip()
    if not first or first not in headings:
        return title
    if title is None:
        return first
    t, f = title.casefold().strip(), first.casefold()
    if t in f:
        return title
    if (sitename and t == sitename.casefold().strip()) or len(title.split()) <= 4 < len(first.split()):
        return first
    return title


def parse_html(data: bytes) -> dict:
    """Extract one article from page bytes.

    Returns
    -------
    dict
        ``text`` (paragraphs separated by blank lines), ``title``, ``published``, ``url``,
        ``sitename``, ``meta``.

    Raises
    ------
    FileProblem
        ``no_article`` when the page has no main text.
    """
    tree = trafilatura.load_html(data)
    if tree is None:
        raise FileProblem("no_article", "not parseable as HTML")
    url = _own_url(tree)
    meta: dict = {}
    sample = tree.find('.//meta[@name="sample"]')
    if sample is not None:
        meta["sample"] = (sample.get("content") or "").strip().lower() in ("1", "true", "yes")
    byline = _byline(tree)
    if byline:
        meta["byline"] = byline
    headings = _headings(tree)
    # _meta_date strips links out of ``tree``; the extraction gets a tree of its own.
    page = trafilatura.load_html(data)
    _drop_link_lists(page)
    published = _meta_date(tree)
    doc = trafilatura.bare_extraction(
        page, with_metadata=True, include_comments=False, include_tables=False,
        include_images=False, deduplicate=False,
    )
    if doc is None:
        raise FileProblem("no_article", "no main text found in the page (trafilatura found nothing)")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (d.get("text") or "").strip()
    if not text:
        raise FileProblem("no_article", "no main text found in the page")
    if d.get("description"):
        meta["description"] = d["description"]
    if d.get("author"):
        meta["author"] = d["author"]
    sitename = d.get("sitename") or None
    # trafilatura writes one paragraph per line; clean() wants blank lines between them.
    return {
        "text": "\n\n".join(line for line in text.split("\n") if line.strip()),
        "title": _better_title(d.get("title") or None, sitename, text, headings),
        "published": published,
        "url": url or (d.get("url") if str(d.get("url") or "").startswith("http") else None),
        "sitename": sitename,
        "meta": meta,
    }
