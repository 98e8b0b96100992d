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
        ledger = charts.with_dated_by(ledger)
        undated = int((ledger["dated_by"] == charts.DATED_BY_REPORT).sum()) if "dated_by" in ledger else 0
        st.caption("Every claim is kept with its source. Claims about the same event are never added up; "
                   "“more than 6,500” is a lower bound (▲), “nearly 2,000” an upper bound (▼)."
                   + (f" {undated} of {len(ledger)} claims give no event date: they stand, hollow, at the day "
                      "their article was published (*dated by: report day*)." if undated else ""))
        ui.chart(charts.claims_chart(ledger), ledger, "claims over time")
        ui.chart(charts.claims_by_month(m := queries.q("figures_by_month", f)), m, "claims per month")
    st.subheader("Disputed events")
    st.caption("Events (same date, place and category) claimed more than once, by different reports or "
               "with different numbers, side by side. Claims may still agree: “at least 9” and “10” do.")
    d = queries.q("disputed", f)
    if d.empty:
        st.info("No event (same date, place and category) is claimed more than once under these filters.")
    else:
        ui.chart(charts.disputed_chart(d), d, "disputed claims")
        ui.table(charts.disputed_wide(d), "disputed events")
    st.subheader("Claims ledger")
    if not ledger.empty:
        # the words of the claim beside its bounds ("dozens" is 24-99, not 24), and the charts'
        # "unattributed" for a claim with no side
        ledger = ledger.assign(article=[ui.link("articles", article=a) for a in ledger["article_id"]],
                               side=ledger["side"].fillna("unattributed"))
        if "surface" in ledger.columns:
            ledger = ledger.rename(columns={"surface": "words"})
        cols = ["bounds", "words", "category", "side", "claimed_by", "event_date", "dated_by", "place",
                "sentence", "publisher", "title", "article", "value", "low", "high", "qualifier"]
        cols = [c for c in cols if c in ledger.columns]
        ui.table(ledger[cols], "claims ledger",
                 column_config={"article": st.column_config.LinkColumn("article", display_text="open")})
