"""Pure HTML builders for the article reader: every piece of article text is escaped.

An article containing ``<script>`` or markup shows it as text: :func:`html.escape` is applied
to each slice of text before any of our own tags are added around it.
"""
from __future__ import annotations

import html
from typing import Iterable, Mapping

import pandas as pd

__all__ = ["COLOURS", "highlight", "legend", "select_spans"]

# One distinct colour per mention label (colour-blind friendly pastel set).
COLOURS: dict[str, str] = {
    "place": "#a6cee3",
    "figure": "#fb9a99",
    "date": "#b2df8a",
    "actor": "#fdbf6f",
}


def select_spans(mentions: pd.DataFrame | Iterable[Mapping], length: int) -> list[dict]:
    """Non-overlapping spans in text order; where spans overlap the earlier (then longer) wins.

    Spans outside ``[0, length]`` or empty ones are dropped rather than breaking the reader.
    """
    rows = mentions.to_dict("records") if isinstance(mentions, pd.DataFrame) else list(mentions)
    rows = [r for r in rows if r.get("start") is not None and r.get("end") is not None]
    rows.sort(key=lambda r: (int(r["start"]), -int(r["end"])))
    out, last_end = [], 0
    for r in rows:
        s, e = int(r["start"]), int(r["end"])
        if s < last_end or e <= s or s < 0 or e > length:
            continue
        out.append({**r, "start": s, "end": e})
        last_end = e
    return out


def highlight(text: str, mentions: pd.DataFrame | Iterable[Mapping], colours: Mapping[str, str] = COLOURS) -> str:
    """The article text as HTML with mentions wrapped in coloured ``<mark>`` elements.

    Parameters
    ----------
    text : str
        Clean body text (the offsets refer to it).
    mentions : DataFrame or iterable of mappings
        ``label, start, end`` and optionally ``detail`` (shown as the mark's tooltip).

    Returns
    -------
    str
        Escaped HTML; paragraphs kept with ``white-space: pre-wrap``.
    """
    text = text or ""
    parts: list[str] = []
    pos = 0
    for r in select_spans(mentions, len(text)):
        label = str(r.get("label", ""))
        colour = colours.get(label, "#dddddd")
        parts.append(html.escape(text[pos:r["start"]]))
        detail = r.get("detail")
        tip = f"{label}: {detail}" if isinstance(detail, str) and detail else label
        parts.append(
            f'<mark class="m-{html.escape(label, quote=True)}" title="{html.escape(tip, quote=True)}" '
            f'style="background:{colour};padding:0 2px;border-radius:3px">'
            f"{html.escape(text[r['start']:r['end']])}</mark>"
        )
        pos = r["end"]
    parts.append(html.escape(text[pos:]))
    body = "".join(parts)
    return f'<div class="article-text" style="white-space:pre-wrap;line-height:1.6">{body}</div>'


def legend(counts: Mapping[str, int] | None = None, colours: Mapping[str, str] = COLOURS) -> str:
    """A one-line colour legend, with counts per label when given."""
    items = []
    for label, colour in colours.items():
        n = f" ({counts.get(label, 0)})" if counts is not None else ""
        items.append(f'<span style="background:{colour};padding:2px 8px;border-radius:3px;margin-right:6px">'
                     f"{html.escape(label)}s{n}</span>")
    return '<div class="legend">' + "".join(items) + "</div>"
