"""Articles: a searchable list and a reader with highlighted mentions (all text escaped)."""

import streamlit as st

from dashboard import queries, render, ui



def _list(value) -> list:
    """A DuckDB list column (None or an array) as a Python list."""
    return [] if value is None else [str(v) for v in value]


ctx = ui.context()
st.title("Articles")
if not ui.empty_store():
    f = ctx.filters
    if "art_q" not in st.session_state:
        st.session_state["art_q"] = ui.param("q") or ""
    search = st.text_input("Search title and text", key="art_q")
    ui.keep("q", search.strip() or None)
    rows = queries.q("article_list", f, search.strip() or None, 200)
    total = int(rows["total"].iloc[0]) if not rows.empty else 0
    st.caption(f"{total:,} matching articles" + (" (first 200 shown)" if total > 200 else "")
               + ". Select a row to read the article.")
    listing = rows.drop(columns=["total"])
    event = ui.table(listing, "articles", on_select="rerun", selection_mode="single-row")
    chosen = ui.param("article")
    sel = event.selection.rows if event is not None else []
    if sel:
        chosen = listing.iloc[sel[0]]["id"]
    if chosen is None and len(listing) == 1:
        chosen = listing.iloc[0]["id"]
    if chosen:
        art, mentions = queries.article(chosen, ctx.version)
        if art.empty:
            st.warning(f"Article {chosen!r} is not in this data version.")
        else:
            ui.keep("article", chosen)
            a = art.iloc[0]
            st.divider()
            st.subheader(ui.md(a["title"]) if a["title"] else "(untitled)", anchor=False)
            meta = {
                "Publisher": a["publisher"], "Published": str(a["published"])[:10] if a["published"] is not None else None, "Credits": ", ".join(_list(a["credits"])),
                "URL": a["url"], "Source": a["source"], "Kind": a["kind"], "Id": a["id"],
                "Data version": a["version"],
            }
            st.markdown(" · ".join(f"**{k}:** {ui.md(v)}" for k, v in meta.items() if v not in (None, "")))
            counts = mentions["label"].value_counts().to_dict() if not mentions.empty else {}
            st.html(render.legend(counts))
            st.html(render.highlight(a["text"], mentions))
            removed = _list(a["removed"])
            with st.expander(f"Removed as boilerplate ({len(removed)} lines)"):
                if removed:
                    st.text("\n".join(removed))
                else:
                    st.caption("Nothing was removed.")
            with st.expander("Mentions"):
                ui.table(mentions, "article mentions")
