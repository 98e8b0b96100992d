"""Publisher names from URL domains, using the known-site table ``publishers.csv`` (data)."""
from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

_TABLE_PATH = Path(__file__).resolve().parent / "publishers.csv"


def _load() -> dict[str, str]:
    with _TABLE_PATH.open(encoding="utf-8", newline="") as fh:
        return {row["domain"].strip().lower(): row["publisher"].strip() for row in csv.DictReader(fh)}


_TABLE = _load()


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


def publisher_from_links(links) -> str | None:
    """Most common known publisher among in-page links (related links point to the same site).

    Only a fallback when the article's own URL and metadata name no publisher.
    """
    counts = Counter(p for p in (publisher_for_url(u) for u in links) if p)
    return counts.most_common(1)[0][0] if counts else None
