"""Publisher names from URL domains and from the names sites give themselves.

The known-site table ``publishers.csv`` (data) maps domains to one canonical name per outlet and
lists the other names that outlet goes by (``aliases``, ``|``-separated): a page's
``og:site_name`` ("BBC News"), a feed's ``<source>`` ("Al Jazeera English") or a dump's
``publisher`` column ("AP") all become the table's name, so that one outlet is one source in the
dashboard's filter.
"""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

_TABLE_PATH = Path(__file__).resolve().parent / "publishers.csv"


def _load() -> tuple[dict[str, str], dict[str, str]]:
    domains: dict[str, str] = {}
    names: dict[str, str] = {}
    with _TABLE_PATH.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            name = row["publisher"].strip()
            domains[row["domain"].strip().lower()] = name
            for alias in [name, row["domain"], *(row.get("aliases") or "").split("|")]:
                key = _key(alias)
                if key:
                    names.setdefault(key, name)
    return domains, names


def _key(name: str) -> str:
    """Lookup key of a publisher name: case, spacing and a trailing full stop ignored."""
    return " ".join(str(name).split()).strip(" .").casefold()


_TABLE, _NAMES = _load()


def host_of(url: str) -> str | None:
    """Lower-case host of ``url`` without ``www.``; accepts ``www.x.org/...`` without a scheme."""
    if not url:
        return None
    if "://" not in url:
        url = "http://" + url
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host[4:] if host.startswith("www.") else host or None


def publisher_for_url(url: str | None) -> str | None:
    """Name of the site serving ``url`` when the table knows its domain or a parent domain."""
    host = host_of(url or "")
    while host:
        if host in _TABLE:
            return _TABLE[host]
        _, _, host = host.partition(".")
    return None


def canonical_publisher(name: str | None) -> str | None:
    """The table's name for a publisher ``name`` or one of its aliases; other names unchanged.

    Examples
    --------
    >>> canonical_publisher("BBC News")
    'BBC'
    >>> canonical_publisher("Qatar MFA")
    'Qatar MFA'
    """
    if name is None:
        return None
    name = " ".join(str(name).split())
    if not name:
        return None
    return _NAMES.get(_key(name), name)


def publisher_from_links(links) -> str | None:
    """Most common known publisher among in-page links (related links point to the same site).

    Only a fallback when the article's own URL and metadata name no publisher.
    """
    counts = Counter(p for p in (publisher_for_url(u) for u in links) if p)
    return counts.most_common(1)[0][0] if counts else None
