"""Actors: mentions by actor and type, timeline, co-occurrence, people with roles, quotes."""
import streamlit as st

from dashboard import charts, queries, ui

ctx = ui.context()
st.title("Actors")
if not ui.empty_store():
    f = ctx.filters
    queries.prefetch(f, "actors_by_type", "actor_timeline", "cooccurrence", "people", "quotes")
    by = queries.q("actors_by_type", f)
    if by.empty:
        ui.no_rows("actor mentions")
    else:
        ui.chart(charts.actor_bars(by), by, "actors by type")
        ui.chart(charts.actor_timeline(t := queries.q("actor_timeline", f)), t, "actor timeline")
        ui.chart(charts.cooccurrence(c := queries.q("cooccurrence", f)), c, "actor co-occurrence")
        st.subheader("People and their roles")
        ui.table(queries.q("people", f), "people")
        st.subheader("Quotes")
        st.caption("Who said what, and who carried it (the news agency quoted, and the publisher).")
        ui.table(queries.q("quotes", f), "quotes")
