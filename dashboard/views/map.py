"""Map: places as points over the offline region layers; a click on a place filters every page."""
import streamlit as st

from dashboard import charts, queries, ui

ctx = ui.context()
st.title("Map")
if not ui.empty_store():
    f = ctx.filters
    c1, c2 = st.columns(2)
    measure = c1.selectbox("Colour places by", list(charts.MAP_MEASURES), format_func=charts.MAP_MEASURES.get,
                           key="map_measure")
    shade = c2.selectbox("Shade regions by", ["mentions", "casualty_claims"], key="map_shade",
                         format_func=lambda m: m.replace("_", " "))
    points = queries.q("place_points", f)
    if measure == "actor" and not points.empty:
        points = points.merge(queries.q("place_top_actor", f)[["name", "actor"]], on="name", how="left")
    regions = queries.q("region_counts", f)
    layer = queries.region_geojson(regions, shade)
    ch = charts.map_chart(points, measure, base=queries.base_map(), regions=layer, region_measure=shade)
    if points.empty:
        ui.no_rows("located places")
    event = ui.chart(ch, points, "map places", select=True, selection_mode=charts.PLACE_SELECTION)
    picked = [s.get("name") for s in (event.selection.get(charts.PLACE_SELECTION) or []) if s.get("name")] \
        if event is not None else []
    if picked and picked != st.session_state.get("_last_pick"):
        st.session_state["_last_pick"] = picked
        if not ctx.snapshot:
            st.session_state["_pending_places"] = picked
            st.rerun()
    st.caption("Click a place to filter every page by it; clear it under *Places* in the sidebar.")
    st.subheader("Regions")
    ui.table(regions, "map regions")
