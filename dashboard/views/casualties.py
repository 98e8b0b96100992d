"""Casualties: the claims ledger with bounds, claims over time, and disputed events side by side."""
import streamlit as st

from dashboard import charts, queries, ui

ctx = ui.context()
st.title("Casualties and other figures")
if not ui.empty_store():
    f = ctx.filters
    queries.prefetch(f, "figures_ledger", "figures_by_month", "disputed")
    ledger = charts.with_bounds(queries.q("figures_ledger", f))
    if ledger.empty:
        ui.no_rows("figure claims")
    else:
        st.caption("Every claim is kept with its source. Claims about the same event are never added up; "
                   "“more than 6,500” is a lower bound (▲), “nearly 2,000” an upper bound (▼).")
        ui.chart(charts.claims_chart(ledger), ledger, "claims over time")
        ui.chart(charts.claims_by_month(m := queries.q("figures_by_month", f)), m, "claims per month")
    st.subheader("Disputed events")
    d = queries.q("disputed", f)
    if d.empty:
        st.info("No event (same date, place and category) has conflicting claims under these filters.")
    else:
        ui.chart(charts.disputed_chart(d), d, "disputed claims")
        ui.table(charts.disputed_wide(d), "disputed events")
    st.subheader("Claims ledger")
    if not ledger.empty:
        ledger = ledger.assign(article=[ui.link("articles", article=a) for a in ledger["article_id"]])
        cols = ["bounds", "category", "side", "claimed_by", "event_date", "place", "sentence", "publisher",
                "title", "article", "value", "low", "high", "qualifier"]
        ui.table(ledger[cols], "claims ledger",
                 column_config={"article": st.column_config.LinkColumn("article", display_text="open")})
