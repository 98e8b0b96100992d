"""The dashboard's filter set: one frozen, hashable value passed to every read query.

``Filters`` knows nothing about URLs (``dashboard.state`` maps it to query parameters) nor
about SQL (``data.store.read`` turns it into WHERE clauses). Being frozen and made of tuples it
is hashable, so it can key a cache together with the data version.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

__all__ = ["Filters", "DATE_FIELDS", "CATEGORIES"]

DATE_FIELDS = ("event", "published")
CATEGORIES = ("killed", "wounded", "captured", "missing", "displaced", "refugees", "troops",
              "peacekeepers", "prisoners", "hostages", "other")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _tuple(name: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    try:
        items = tuple(value)
    except TypeError:
        raise ValueError(f"{name} must be a sequence of strings, got {type(value).__name__}") from None
    for v in items:
        if not isinstance(v, str) or not v.strip():
            raise ValueError(f"{name} must hold non-empty strings, got {v!r}")
    # Sorted and unique, so equal selections give equal (and equally cached) filters.
    return tuple(sorted(set(v.strip() for v in items)))


@dataclass(frozen=True)
class Filters:
    """What the user selected; every field empty means "everything".

    Attributes
    ----------
    actors : tuple of str
        Canonical actor names; an article matches when it mentions any of them.
    date_from, date_to : str or None
        Inclusive ISO dates ``YYYY-MM-DD``.
    date_field : {"event", "published"}
        Which date the range applies to. ``event``: the event dates found in the article (an
        article without any falls back to its publication date); figures use their own date.
    regions : tuple of str
        Region ids (``places.regions``); an article matches when it mentions a place in one.
    places : tuple of str
        Place names (from a click on the map).
    categories : tuple of str
        Figure categories; articles must report such a figure, figure charts show only them.
    sources : tuple of str
        Publishers or credited agencies.
    version : int or None
        Show data as of this data version (``version <= v``); None means all rows.
    """

    actors: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    date_field: str = "published"
    regions: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    version: int | None = field(default=None)

    def __post_init__(self) -> None:
        for name in ("actors", "regions", "places", "categories", "sources"):
            object.__setattr__(self, name, _tuple(name, getattr(self, name)))
        for name in ("date_from", "date_to"):
            v = getattr(self, name)
            if v is not None and (not isinstance(v, str) or not _ISO.match(v)):
                raise ValueError(f"{name} must be an ISO date YYYY-MM-DD or None, got {v!r}")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ValueError(f"date_from ({self.date_from}) must not be after date_to ({self.date_to})")
        if self.date_field not in DATE_FIELDS:
            raise ValueError(f"date_field must be one of {DATE_FIELDS}, got {self.date_field!r}")
        if self.version is not None and (isinstance(self.version, bool) or not isinstance(self.version, int)
                                         or self.version < 0):
            raise ValueError(f"version must be a non-negative int or None, got {self.version!r}")

    def with_(self, **changes: Any) -> "Filters":
        """A copy with some fields changed (validated again)."""
        return replace(self, **changes)

    @property
    def is_empty(self) -> bool:
        """True when no field narrows the rows (the version aside)."""
        return not (self.actors or self.date_from or self.date_to or self.regions or self.places
                    or self.categories or self.sources)

    def describe(self) -> str:
        """A short human summary, e.g. for a saved view's default title."""
        parts: list[str] = []
        if self.actors:
            parts.append("actors: " + ", ".join(self.actors))
        if self.date_from or self.date_to:
            parts.append(f"{self.date_field} {self.date_from or '…'} to {self.date_to or '…'}")
        for name in ("regions", "places", "categories", "sources"):
            vals: Iterable[str] = getattr(self, name)
            if vals:
                parts.append(f"{name}: " + ", ".join(vals))
        return "; ".join(parts) or "all data"
