"""Overview: headline counts, date span, mentions over time, top places and actors, latest articles."""
import streamlit as st

from dashboard import charts, queries, ui

ctx = ui.context()
st.title("Overview")
if not ui.empty_store():
    f = ctx.filters
    queries.prefetch(f, "overview", "mentions_over_time", ("top_places", 15), ("top_actors", 15), ("latest_articles", 10))
    o = queries.q("overview", f).iloc[0]
    cols = st.columns(4)
    cols[0].metric("Articles", f"{int(o.articles):,}")
    cols[1].metric("Places", f"{int(o.places):,}", help=f"{int(o.place_mentions):,} place mentions")
    cols[2].metric("Figures", f"{int(o.figures):,}", help="Figure claims (never summed)")
    cols[3].metric("Actors", f"{int(o.actors):,}")
    has_dates = bool(o.articles) and o["first"] is not None and str(o["first"]) != "NaT"
    # (a line of its own: as two more metrics the dates were cut to "2016-0…" at laptop widths)
    st.caption(f"Published from {o['first']:%Y-%m-%d} to {o['last']:%Y-%m-%d}" if has_dates
               else "No publication dates")
    if not o.articles:
        ui.no_rows()
    else:
        ui.chart(charts.timeline(t := queries.q("mentions_over_time", f)), t, "mentions over time")
        left, right = st.columns(2)
        with left:
            ui.chart(charts.hbar(p := queries.q("top_places", f, 15), "name", "mentions", "kind", "Top places"),
                     p, "top places")
        with right:
            ui.chart(charts.actor_bars(a := queries.q("top_actors", f, 15), "Top actors"), a, "top actors")
        st.subheader("Latest articles")
        latest = queries.q("latest_articles", f, 10)
        for row in latest.itertuples():
            when = f"{row.published:%Y-%m-%d}" if row.published is not None and str(row.published) != "NaT" else "undated"
            publisher = row.publisher if isinstance(row.publisher, str) and row.publisher else "unknown publisher"
            st.markdown(f"- [{ui.md(row.title or row.id)}]({ui.link('articles', article=row.id)}) · {when} · "
                        f"{ui.md(publisher)}")
        ui.table(latest, "latest articles")
