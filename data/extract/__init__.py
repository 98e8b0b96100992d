"""Extraction: article text and publication date in, mention records out.

Pure functions only (no I/O after import, no clock, no mutable globals), so the same call runs
in process or mapped over a Dask cluster. Lexicons are data files in ``lexicons/``, loaded once.
"""
from __future__ import annotations

from typing import Any

from data.extract import actors, dates, figures, places, quotes, sentences

__all__ = ["extract", "extract_article"]


def extract(text: str, published: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Find places, actors, dates, figures and quotes in ``text``.

    Parameters
    ----------
    text : str
        Clean body text; every record's ``start``/``end`` are offsets into it.
    published : str or None
        Publication date ``YYYY-MM-DD``; relative dates resolve against it.

    Returns
    -------
    dict
        ``places``, ``figures``, ``actors``, ``dates``, ``quotes``: lists of records in the
        shape of DESIGN.md's ``extract`` JSON.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be str, got {type(text).__name__}")
    sents = sentences.split_sentences(text)
    place_recs = places.find_places(text, sents)
    actor_recs = actors.find_actors(text, sents, place_recs)
    date_recs = dates.find_dates(text, sents, published)
    figure_recs = figures.find_figures(text, sents, actor_recs, place_recs, date_recs, published)
    quote_recs = quotes.find_quotes(text, sents, actor_recs)
    return {
        "places": place_recs,
        "figures": figure_recs,
        "actors": actor_recs,
        "dates": date_recs,
        "quotes": quote_recs,
    }


def extract_article(article) -> dict[str, Any]:
    """The full ``extract`` JSON for one :class:`data.article.Article`."""
    out: dict[str, Any] = {"id": article.id, "article": article.to_json()}
    out.update(extract(article.text, article.published))
    return out
