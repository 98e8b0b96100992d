"""Saved HTML pages via trafilatura: title, date, site name, canonical URL and main text."""
from __future__ import annotations

import html as _html
import re

import lxml.html
import trafilatura
from htmldate import find_date

from ._bytes import FileProblem

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
    published = _meta_date(tree)
    doc = trafilatura.bare_extraction(
        data, with_metadata=True, include_comments=False, include_tables=False,
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
    # trafilatura writes one paragraph per line; clean() wants blank lines between them.
    return {
        "text": "\n\n".join(line for line in text.split("\n") if line.strip()),
        "title": d.get("title") or None,
        "published": published,
        "url": url or (d.get("url") if str(d.get("url") or "").startswith("http") else None),
        "sitename": d.get("sitename") or None,
        "meta": meta,
    }
