"""Streamlit helpers shared by the pages: the view context, URL writes, charts with their data
twins (CSV of exactly the rows drawn, PNG of the chart), tables and the empty state.

All URL writes go through :func:`sync_url`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st
from streamlit.runtime.scriptrunner import RerunException, StopException

from dashboard import state
from data.store.filters import Filters

__all__ = ["Context", "context", "sync_url", "current_params", "keep", "param", "chart", "table",
           "empty_store", "png_bytes", "link"]


@dataclass
class Context:
    """What every page needs: the filters (with their data version), the page, the snapshot."""

    filters: Filters
    page: str
    live_version: int
    snapshot: dict | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def version(self) -> int:
        return int(self.filters.version or 0)


def context() -> Context:
    """The context app.py built for this run."""
    ctx = st.session_state.get("_ctx")
    if ctx is None:  # a page run on its own (not through app.py)
        ctx = Context(filters=Filters(version=0), page=state.DEFAULT_PAGE, live_version=0)
    return ctx


def current_params() -> dict[str, list[str]]:
    """The URL's query parameters, repeated keys as lists."""
    return {k: st.query_params.get_all(k) for k in st.query_params.keys()}


def sync_url(params: dict[str, list[str]]) -> None:
    """Make the URL hold exactly ``params`` (written only when different, so no history noise)."""
    if current_params() != params:
        st.query_params.from_dict(params)


def param(key: str) -> str | None:
    """A page-local URL parameter (e.g. ``article``), or None; in a snapshot view, the one the
    saved view was shared with when the URL gives none."""
    v = st.query_params.get_all(key)
    if v:
        return v[-1]
    ctx = st.session_state.get("_ctx")
    saved = ((ctx.snapshot or {}).get("params") or {}).get(key) if ctx is not None and ctx.snapshot else None
    if isinstance(saved, (list, tuple)):
        return str(saved[-1]) if saved else None
    return None if saved is None else str(saved)


def page_params() -> dict[str, str]:
    """The page-local parameters of the current URL (a search, an open article, map settings),
    which a shared view keeps beside its filters."""
    return {k: v for k in state.PAGE_PARAMS if (v := param(k))}


def md(text: Any) -> str:
    """``text`` safe inside Markdown: its markup characters are shown, not applied (a feed's
    title "[y](http://evil.example)" stays text, not a link)."""
    return _MD_SPECIAL.sub(r"\\\g<0>", str(text)).replace("<", "&lt;").replace(">", "&gt;")


_MD_SPECIAL = re.compile(r"[\\`*_{}\[\]()#+!|~$]")


def keep(key: str, value: Any) -> None:
    """Keep a page-local parameter in the URL after this run (None removes it)."""
    ctx = context()
    if value is None or value == "":
        ctx.extra.pop(key, None)
    else:
        ctx.extra[key] = value


def link(page: str, **extra: Any) -> str:
    """A link to ``page`` carrying the current filters (or snapshot) and ``extra``."""
    ctx = context()
    snap = ctx.snapshot["id"] if ctx.snapshot else None
    return state.build_link(page, ctx.filters, snapshot=snap, extra=extra)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "data"


def png_bytes(ch: alt.TopLevelMixin) -> bytes:
    """The chart as PNG, rendered offline by vl-convert."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(ch.to_dict(), scale=2)


def _csv(rows: pd.DataFrame) -> bytes:
    """``rows`` as CSV, encoded only when the button is clicked: encoding every table on every
    rerun (the casualty ledger holds thousands of sentences) was a third of a page's redraw."""
    return rows.to_csv(index=False).encode("utf-8")


def chart_key(name: str) -> str:
    """The widget key of the chart called ``name`` (its selection lives under it)."""
    return f"chart_{_slug(name)}"


def chart(ch: alt.TopLevelMixin, rows: pd.DataFrame, name: str, *, on_select: Any = None,
          selection_mode: str | None = None) -> Any:
    """Draw a chart with CSV (exactly ``rows``) and PNG downloads under it.

    ``on_select`` (a callback) makes the chart's selection a widget; the callback runs before
    the next run, so it may change the sidebar filters' state.
    """
    kwargs: dict[str, Any] = {"key": chart_key(name), "width": "stretch"}
    if on_select is not None:
        kwargs.update(on_select=on_select, selection_mode=selection_mode)
    event = st.altair_chart(ch, **kwargs)
    c1, c2, _ = st.columns([2, 2, 3])
    # (each button names its chart: a screen reader lists five "CSV" buttons otherwise)
    c1.download_button(f"CSV: {name}", lambda: _csv(rows), file_name=f"{_slug(name)}.csv",
                       mime="text/csv", key=f"csv_{_slug(name)}", on_click="ignore",
                       help=f"The {len(rows)} rows this chart shows")
    c2.download_button(f"PNG: {name}", lambda: png_bytes(ch), file_name=f"{_slug(name)}.png", mime="image/png",
                       key=f"png_{_slug(name)}", on_click="ignore", help="The chart as an image")
    return event


class WriteProgress:
    """A progress callback for a write the user may walk away from.

    Leaving the page makes Streamlit stop the script at its next call, here the progress bar's
    update, in the middle of an ingest: its data version stayed unfinished, and the articles
    were hidden until the next ingest. The interruption is held until the write is done
    (:meth:`stop_if_left`), and the page is left then.
    """

    def __init__(self, bar: Any, text: str) -> None:
        self.bar, self.text = bar, text
        self.left: BaseException | None = None

    def __call__(self, done: int, total: int) -> None:
        if self.left is not None:
            return
        try:
            self.bar.progress(min(done / max(total, 1), 1.0), text=self.text.format(done=done, total=total))
        except (StopException, RerunException) as exc:
            self.left = exc

    def stop_if_left(self) -> None:
        """Raise the interruption held back during the write, if there was one."""
        if self.left is not None:
            raise self.left


def table(rows: pd.DataFrame, name: str, **kwargs: Any) -> Any:
    """A data table with a CSV download of exactly its rows (dates shown without a time)."""
    config = dict(kwargs.pop("column_config", None) or {})
    for col in rows.columns:
        if col not in config and pd.api.types.is_datetime64_any_dtype(rows[col]) and col in ("published", "month"):
            config[col] = st.column_config.DateColumn(col, format="YYYY-MM-DD")
    kwargs["column_config"] = config
    out = st.dataframe(rows, hide_index=True, key=f"table_{_slug(name)}", **kwargs)
    st.download_button(f"CSV: {name}", lambda: _csv(rows), file_name=f"{_slug(name)}.csv",
                       mime="text/csv", key=f"csvt_{_slug(name)}", on_click="ignore",
                       help=f"The {len(rows)} rows of this table")
    return out


def empty_store() -> bool:
    """Show a helpful empty state and return True when the view has no data version yet."""
    ctx = context()
    if ctx.version > 0:
        return False
    st.info(
        "The store holds no articles yet. Add some on the **Add articles** page, or load the "
        "sample corpus from a terminal: `python -m data ingest data/articles`."
    )
    st.page_link("views/add.py", label="Add articles", icon="➕", query_params=state.url_params(ctx.filters))
    return True


def no_rows(what: str = "articles") -> None:
    """The message shown when filters match nothing."""
    st.warning(f"No {what} match these filters. Widen the date range or clear some filters in the sidebar.")
