"""Extraction: article text and publication date in, mention records out.

Pure functions only (no I/O after import, no clock, no mutable globals), so the same call runs
in process or mapped over a Dask cluster. Lexicons are data files in ``lexicons/``, loaded once.
"""
from __future__ import annotations

from typing import Any, Iterable

from data.extract import actors, dates, figures, places, quotes, sentences

__all__ = ["extract", "extract_article", "extract_many", "extract_many_with_sentences"]


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
    figures.claim_quoted(figure_recs, quote_recs)
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


def extract_many(items: Iterable[tuple[str, str | None]], batch: int = 32) -> list[Any]:
    """:func:`extract` for many ``(text, published)`` pairs, one stage at a time per batch.

    Running a stage over a batch of articles before the next stage keeps that stage's automata,
    tables and compiled patterns in the CPU cache; article by article, the other stages evict
    them between two calls. On the bench corpus that is ~10-15% less CPU, for the same results.

    Parameters
    ----------
    items : iterable of (str, str or None)
        Texts with their publication dates, as :func:`extract` takes them.
    batch : int
        Articles per batch (memory holds one batch's intermediate records).

    Returns
    -------
    list
        In input order, for each item what :func:`extract` gives for it: its dict, or the
        exception it raised (so one bad article does not sink the others).
    """
    return [res for res, _sents in extract_many_with_sentences(items, batch)]


def extract_many_with_sentences(items: Iterable[tuple[str, str | None]],
                                batch: int = 32) -> list[tuple[Any, list[tuple[int, int]] | None]]:
    """:func:`extract_many`, each result paired with the sentence spans its stages used.

    The store's writer quotes the sentence of each figure and quote as evidence; handing it the
    spans saves splitting the text a second time. The spans are ``None`` for an item that
    raised.
    """
    if not isinstance(batch, int) or batch < 1:
        raise ValueError(f"batch must be a positive int, got {batch!r}")
    items = list(items)
    out: list[tuple[Any, Any]] = []
    for i in range(0, len(items), batch):
        chunk = items[i:i + batch]
        try:
            out.extend(_extract_chunk(chunk))
        except Exception:
            # some item raises: redo this batch one by one, so that each item gets exactly
            # what extract() gives it (the stages are pure, so redoing them is safe)
            for text, published in chunk:
                try:
                    out.append((extract(text, published), None))
                except Exception as exc:  # noqa: BLE001 - returned to the caller per item
                    out.append((exc, None))
    return out


def _extract_chunk(chunk: list[tuple[str, str | None]]) -> list[tuple[dict[str, list[dict[str, Any]]], list]]:
    """:func:`extract` of each pair with its sentence spans, computed stage by stage over the
    whole chunk."""
    for text, _published in chunk:
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
    texts = [t for t, _ in chunk]
    pubs = [p for _, p in chunk]
    sents = [sentences.split_sentences(t) for t in texts]
    place_recs = [places.find_places(t, s) for t, s in zip(texts, sents)]
    actor_recs = [actors.find_actors(t, s, p) for t, s, p in zip(texts, sents, place_recs)]
    date_recs = [dates.find_dates(t, s, pub) for t, s, pub in zip(texts, sents, pubs)]
    figure_recs = [figures.find_figures(t, s, a, p, d, pub)
                   for t, s, a, p, d, pub in zip(texts, sents, actor_recs, place_recs, date_recs, pubs)]
    quote_recs = [quotes.find_quotes(t, s, a) for t, s, a in zip(texts, sents, actor_recs)]
    for f, q in zip(figure_recs, quote_recs):
        figures.claim_quoted(f, q)
    return [({"places": p, "figures": f, "actors": a, "dates": d, "quotes": q}, s)
            for p, f, a, d, q, s in zip(place_recs, figure_recs, actor_recs, date_recs, quote_recs, sents)]
