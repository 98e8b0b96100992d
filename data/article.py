"""The Article record every loader returns and every later stage consumes."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, asdict
from typing import Any


def normalise_body(text: str) -> str:
    """Return the body as used for identity: NFKC, case-folded, whitespace collapsed.

    Two copies of one article that differ only in wrapping, spacing or case get the same id.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip()


def article_id(text: str) -> str:
    """Stable content id: the first 16 hex digits of sha1 over :func:`normalise_body`.

    Hashes chunk by chunk (cut at whitespace, which normalisation never joins across) so a
    50 MB body does not need several normalised copies in memory at once.
    """
    h = hashlib.sha1()
    sep = b""
    for chunk in _chunks_at_whitespace(text, 1 << 20):
        words = unicodedata.normalize("NFKC", chunk).casefold().split()
        if words:
            h.update(sep + " ".join(words).encode("utf-8"))
            sep = b" "
    return h.hexdigest()[:16]


def _chunks_at_whitespace(text: str, size: int):
    start, n = 0, len(text)
    while start < n:
        end = min(start + size, n)
        if end < n:
            cut = max(text.rfind(" ", start, end), text.rfind("\n", start, end))
            if cut < start:  # one long run without spaces: cut at the next whitespace instead
                nxt = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
                cut = min(nxt) if nxt else n - 1
            end = cut + 1
        yield text[start:end]
        start = end


@dataclass(frozen=True)
class Article:
    """One news article after loading and cleaning.

    Attributes
    ----------
    id : str
        Content id (:func:`article_id` of ``text``).
    text : str
        Clean body text; every mention offset refers to it.
    title, published, publisher, url : str or None
        Metadata; ``published`` is ``YYYY-MM-DD``.
    credits : tuple of str
        Agencies credited ("AFP contributed reporting." -> ``("AFP",)``).
    source : str or None
        Where it came from: a file path, with ``#N`` for the N-th item of a multi-article file.
    kind : str
        Loader kind: ``txt``, ``pdf``, ``html``, ``rss``, ``jsonl``, ``csv`` or ``paste``.
    removed : tuple of str
        Lines taken out of the body as boilerplate (photo credits, related links, bare URLs).
    meta : dict
        Anything else the source carried (unknown CSV columns, ``sample``, warnings).
    """

    id: str
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None
    url: str | None = None
    credits: tuple[str, ...] = ()
    source: str | None = None
    kind: str = "paste"
    removed: tuple[str, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """The ``article`` part of the ``extract`` JSON (DESIGN.md)."""
        return {
            "title": self.title,
            "published": self.published,
            "publisher": self.publisher,
            "url": self.url,
            "credits": list(self.credits),
            "text": self.text,
        }

    def as_dict(self) -> dict[str, Any]:
        """Every field, JSON-ready."""
        d = asdict(self)
        d["credits"] = list(self.credits)
        d["removed"] = list(self.removed)
        return d
