"""Entry point: ``streamlit run dashboard/app.py``.

Builds the navigation, restores the view from the URL (or a saved snapshot), draws the shared
sidebar filters, runs the page, and writes the URL back. Streamlit clears the query string when
the user switches page in a browser; rewriting it from session state after every run is what
carries the filters across pages.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `streamlit run dashboard/app.py` puts only dashboard/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard import queries, state, ui  # noqa: E402

HERE = Path(__file__).resolve().parent
KEYS = ("actor", "from", "to", "dates", "region", "place", "category", "source")
MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2100, 12, 31)

st.set_page_config(page_title="Conflict news", page_icon="🗺️", layout="wide")
ss = st.session_state

PAGES = {slug: st.Page(str(HERE / "views" / f"{slug}.py"), title=title,
                       url_path=None if slug == state.DEFAULT_PAGE else slug,
                       default=slug == state.DEFAULT_PAGE)
         for slug, title in state.PAGES.items()}
nav = st.navigation(list(PAGES.values()), position="hidden")
slug = next((s for s, p in PAGES.items() if p.url_path == nav.url_path), state.DEFAULT_PAGE)


def _set_widgets(f) -> None:
    for k, v in state.widget_values(f).items():
        ss[f"w_{k}"] = v


def _clear_filters() -> None:
    _set_widgets(state.Filters())
    ss["w_types"] = []


def _leave_snapshot() -> None:
    ss["_snapshot"] = None


# -- restore the view: a snapshot link, else the URL on the session's first run ----------
live = queries.live_version()
snap_id = st.query_params.get("snapshot")
if snap_id and ss.get("_snap_seen") != snap_id:
    ss["_snap_seen"] = snap_id
    view = queries.load_view(snap_id) if state.valid_snapshot_id(snap_id) else None
    if view is None:
        ss["_snapshot"] = None
        ss["_problems"] = [f"snapshot {snap_id!r} was not found; showing live data"]
        if not ss.get("_init"):
            _set_widgets(state.Filters())
    else:
        ss["_snapshot"] = view
        _set_widgets(state.filters_from_snapshot(view))
        ss["_problems"] = []
    ss["_init"] = True
    ss["w_types"] = []
    if view is not None and view.get("page") in PAGES and view["page"] != slug:
        st.switch_page(PAGES[view["page"]])
elif not ss.get("_init"):
    f0, ss["_problems"] = state.filters_from_params(ui.current_params())
    _set_widgets(f0)
    ss["w_types"] = []
    ss["_snapshot"] = None
    ss["_init"] = True
    ss["_check_values"] = True

snapshot = ss.get("_snapshot")
version = int(snapshot["version"]) if snapshot else live
fac = queries.facets(version)
locked = snapshot is not None
region_labels = queries.region_labels()
place_aliases = queries.place_aliases(tuple(fac["places"]["name"]))


if ss.pop("_check_values", False) and version:
    # URL values are mapped onto the data's own ("armenia", "Stepanakert"); the rest are named
    other_names = {"region": {v: k for k, v in region_labels.items()},
                   "place": {a: n for n, names in place_aliases.items() for a in names}}
    for key, choices in (("actor", fac["actors"]["name"]), ("region", fac["regions"]["region"]),
                         ("place", fac["places"]["name"]), ("category", fac["categories"]["category"]),
                         ("source", fac["sources"]["source"])):
        if ss.get(f"w_{key}"):
            ss[f"w_{key}"], problems = state.match_values(key, ss[f"w_{key}"], choices, other_names.get(key))
            ss["_problems"].extend(problems)

# -- sidebar: page links (filled once the filters are known), then the filters ---------------
nav_box = st.sidebar.container()
with st.sidebar:
    st.header("Filters")
    st.radio("Date range applies to", ["published", "event"], key="w_dates", horizontal=True, disabled=locked,
             format_func=lambda v: {"published": "publication date", "event": "event date"}[v])
    c1, c2 = st.columns(2)
    c1.date_input("From", key="w_from", min_value=MIN_DATE, max_value=MAX_DATE, format="YYYY-MM-DD", disabled=locked)
    c2.date_input("To", key="w_to", min_value=MIN_DATE, max_value=MAX_DATE, format="YYYY-MM-DD", disabled=locked)
    actors = fac["actors"]
    type_of = dict(zip(actors["name"], actors["type"].fillna("other")))
    st.multiselect("Actor types", sorted(set(type_of.values())), key="w_types", disabled=locked,
                   format_func=lambda ty: ty.replace("_", " "),
                   help="Narrows the actor list below: states, organisations, people, media ...")
    shown = [n for n in actors["name"] if not ss["w_types"] or type_of.get(n) in ss["w_types"]]
    st.multiselect("Actors", state.merge(ss["w_actor"], shown), key="w_actor", disabled=locked,
                   format_func=lambda n: f"{n} ({type_of.get(n, 'other').replace('_', ' ')})")
    st.multiselect("Regions", state.merge(ss["w_region"], fac["regions"]["region"]), key="w_region",
                   disabled=locked, format_func=lambda r: region_labels.get(r) or r.replace("-", " ").title())
    # (a place's other names are in its label, so that typing "Stepanakert" finds Khankendi)
    st.multiselect("Places", state.merge(ss["w_place"], fac["places"]["name"]), key="w_place", disabled=locked,
                   format_func=lambda n: f"{n} ({', '.join(place_aliases[n][:3])})" if place_aliases.get(n) else n)
    st.multiselect("Figure categories", state.merge(ss["w_category"], fac["categories"]["category"]),
                   key="w_category", disabled=locked)
    st.multiselect("Sources", state.merge(ss["w_source"], fac["sources"]["source"]), key="w_source",
                   disabled=locked, help="Publisher or credited agency")
    if not locked:
        st.button("Clear filters", on_click=_clear_filters)

filters = state.filters_from_widgets({k: ss[f"w_{k}"] for k in KEYS}, version=version)
ctx = ui.Context(filters=filters, page=slug, live_version=live, snapshot=snapshot)
ss["_ctx"] = ctx

# Our own page links carry the filters (or the snapshot) explicitly in their query string.
with nav_box:
    link_params = state.url_params(filters, snapshot["id"] if snapshot else None)
    for s_, page_ in PAGES.items():
        st.page_link(page_, label=state.PAGES[s_], query_params=link_params)
    st.divider()

with st.sidebar:
    if locked:
        st.info("Snapshot view: filters are fixed. Leave it to explore live data.")
        st.button("Back to live data", on_click=_leave_snapshot)
    else:
        with st.expander("Share this view"):
            title = st.text_input("Title (optional)", key="w_share_title", max_chars=200)
            if st.button("Create link", key="w_share", disabled=version == 0):
                # (with the page's own settings: the search, the open article, the map's colours)
                ss["_shared"] = queries.save_view(state.snapshot_params(filters, ui.page_params()), slug,
                                                  title or None, version)
            if ss.get("_shared"):
                rel = state.build_link(slug, snapshot=ss["_shared"])
                base = (st.context.url or "").split("?")[0].rstrip("/")
                root = base[: -len(slug)].rstrip("/") if slug != state.DEFAULT_PAGE and base.endswith(slug) else base
                st.code(root + rel, language=None)
                st.markdown(f"[Open the saved view]({rel})")
    st.caption(f"Data version {version}" + (f" (live: {live})" if version != live else ""))

# -- notices over the page ---------------------------------------------------------------
for msg in ss.get("_problems") or []:
    st.warning(msg)
if snapshot:
    title = f"“{ui.md(snapshot['title'])}” " if snapshot.get("title") else ""
    note = f"Saved view {title}showing data as of version {snapshot['version']} (saved {snapshot['created_at']:%Y-%m-%d %H:%M} UTC)."
    if live > int(snapshot["version"]):
        note += f" Newer data exists (version {live}): [open these filters on live data]({state.build_link(slug, state.filters_from_snapshot(snapshot))})."
    st.info(note)

try:
    nav.run()
finally:
    ui.sync_url(state.url_params(filters, snapshot["id"] if snapshot else None, ctx.extra))
