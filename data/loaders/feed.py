"""RSS/Atom feed files via feedparser: one article per item, from its content or summary."""
from __future__ import annotations

import datetime as _dt
import re

import feedparser

from ._bytes import FileProblem, decode
from .html import html_to_text


def _date(struct) -> str | None:
    try:
        return _dt.date(struct.tm_year, struct.tm_mon, struct.tm_mday).isoformat()
    except (AttributeError, ValueError, TypeError):
        return None


def strip_source_suffix(title: str, source: str) -> str:
    """``title`` without a trailing " - <source>" (aggregators such as Google News add one).

    Examples
    --------
    >>> strip_source_suffix("Fighting in El Fasher kills dozens - Reuters", "Reuters")
    'Fighting in El Fasher kills dozens'
    """
    m = _SUFFIX_RE.match(title)
    if m and " ".join(m.group("source").split()).casefold() == " ".join(source.split()).casefold():
        return m.group("title").rstrip()
    return title


_SUFFIX_RE = re.compile(r"^(?P<title>.+\S)\s+[-–—|]\s+(?P<source>[^-–—|]+?)\s*$")


def parse_feed(data: bytes) -> tuple[list[dict], list[tuple[int, str]]]:
    """Items of a feed.

    Returns
    -------
    tuple
        ``(items, problems)``: items are dicts (``n``, ``text``, ``title``, ``published``,
        ``url``, ``publisher``, ``meta``); problems are ``(n, message)`` for items without text.

    Raises
    ------
    FileProblem
        ``no_article`` when the file is not a feed or has no items.
    """
    try:
        parsed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=True)
    except Exception:
        # feedparser trips over a damaged XML declaration; decode ourselves and drop it.
        text, _ = decode(data)
        text = re.sub(r"^\ufeff?\s*<\?xml[^>]*\?>", "", text)
        try:
            parsed = feedparser.parse(text, resolve_relative_uris=False, sanitize_html=True)
        except Exception as exc:
            raise FileProblem("no_article", f"unreadable feed: {type(exc).__name__}: {exc}") from None
    entries = parsed.get("entries") or []
    if not entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise FileProblem("no_article", "no feed items found" + why)
    feed = parsed.get("feed", {})
    feed_title = (feed.get("title") or "").strip() or None
    feed_publisher = (feed.get("publisher") or "").strip() or None
    items, problems = [], []
    for n, entry in enumerate(entries, start=1):
        body = ""
        for content in entry.get("content") or []:
            if (content.get("value") or "").strip():
                body = content["value"]
                if "html" in (content.get("type") or "html"):
                    body = html_to_text(body)
                break
        if not body.strip():
            body = html_to_text(entry.get("summary") or entry.get("description") or "")
        if not body.strip():
            problems.append((n, f"item {n} ({entry.get('title', 'untitled')!r}) has no content or summary"))
            continue
        source = entry.get("source") or {}
        meta = {"feed_title": feed_title} if feed_title else {}
        if entry.get("id"):
            meta["guid"] = entry["id"]
        tags = [t.get("term") for t in entry.get("tags") or [] if t.get("term")]
        if tags:
            meta["tags"] = tags
            if any(t.strip().lower() == "sample" for t in tags):
                meta["sample"] = True
        if entry.get("author"):
            meta["author"] = entry["author"]
        title = html_to_text(entry.get("title") or "").strip() or None
        source_title = (source.get("title") or "").strip()
        if title and source_title:
            title = strip_source_suffix(title, source_title)
        items.append({
            "n": n,
            "text": body,
            "title": title,
            "published": _date(entry.get("published_parsed")) or _date(entry.get("updated_parsed")),
            "url": entry.get("link") or None,
            "publisher": (source.get("title") or "").strip() or feed_publisher,
            "feed_title": feed_title,
            "meta": meta,
        })
    return items, problems
