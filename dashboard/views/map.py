"""Map: places as points over the offline region layers; a click on a place filters every page."""
import streamlit as st

from dashboard import charts, queries, state, ui

def _pick() -> None:
    """A click on a place adds it to the sidebar's place filter (runs before the next run)."""
    event = st.session_state.get(ui.chart_key("map places"))
    sel = (event or {}).get("selection", {}).get(charts.PLACE_SELECTION) or []
    names = [s.get("name") for s in sel if isinstance(s, dict) and s.get("name")]
    if names:
        st.session_state["w_place"] = state.merge(st.session_state.get("w_place", []), names)
        ctx = ui.context()
        ui.sync_url(state.url_params(ctx.filters.with_(places=tuple(st.session_state["w_place"]))))

ctx = ui.context()
st.title("Map")
if not ui.empty_store():
    f = ctx.filters
    c1, c2 = st.columns(2)
    shades = ["mentions", "casualty_claims"]
    # (the URL keeps both settings, so that a shared link shows the same map)
    if "map_measure" not in st.session_state and ui.param("measure") in charts.MAP_MEASURES:
        st.session_state["map_measure"] = ui.param("measure")
    if "map_shade" not in st.session_state and ui.param("shade") in shades:
        st.session_state["map_shade"] = ui.param("shade")
    measure = c1.selectbox("Colour places by", list(charts.MAP_MEASURES), format_func=charts.MAP_MEASURES.get,
                           key="map_measure")
    shade = c2.selectbox("Shade regions by", shades, key="map_shade",
                         format_func=lambda m: m.replace("_", " "))
    ui.keep("measure", None if measure == next(iter(charts.MAP_MEASURES)) else measure)
    ui.keep("shade", None if shade == shades[0] else shade)
    queries.prefetch(f, "place_points", "region_counts", *(["place_top_actor"] if measure == "actor" else []))
    points = queries.q("place_points", f)
    if measure == "actor" and not points.empty:
        points = points.merge(queries.q("place_top_actor", f)[["name", "actor"]], on="name", how="left")
    regions = queries.q("region_counts", f)
    layer = queries.region_geojson(regions, shade)
    # the Caucasus unless most mentions lie elsewhere (a corpus on Gaza, a story about Kherson)
    bounds = queries.view_bounds(points)
    ch = charts.map_chart(points, measure, base=queries.base_map(bounds=bounds), regions=layer,
                          region_measure=shade)
    if points.empty:
        ui.no_rows("located places")
    # (a map with no places has no selection to make: Streamlit refuses one)
    ui.chart(ch, points, "map places", on_select=None if ctx.snapshot or points.empty else _pick,
             selection_mode=charts.PLACE_SELECTION)
    st.caption("Click a place to filter every page by it; clear it under *Places* in the sidebar.")
    st.subheader("Regions")
    ui.table(regions, "map regions")
