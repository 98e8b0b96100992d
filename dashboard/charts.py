"""Pure Altair chart builders and table shapers: data in, chart (or frame) out, no ``st.*``.

Charts with a nominal (band) axis size it with ``alt.Step``: inside Streamlit 1.67 a fixed
pixel height on such a chart collapses the bands to nothing.

Every builder takes the exact DataFrame a page also offers as CSV, so the download and the
picture always hold the same rows.
"""
from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

__all__ = ["timeline", "hbar", "map_chart", "claims_chart", "claims_by_month", "disputed_chart",
           "disputed_wide", "actor_bars", "actor_timeline", "cooccurrence", "bound_kind", "bounds_text",
           "with_bounds", "with_dated_by", "DATED_BY_REPORT", "MAP_MEASURES", "PLACE_SELECTION"]

# time axes label months with their year ("Apr 2021"): "April" ticks alone left the year unsaid
_MONTH_AXIS = alt.Axis(format="%b %Y", labelOverlap=True)

# The ledger can be long; the app is local, so inline data is fine.
alt.data_transformers.disable_max_rows()

LOWER = {"more_than", "over", "at_least"}
UPPER = {"up_to", "less_than", "nearly"}
BOUND_SHAPES = {"lower bound": "triangle-up", "upper bound": "triangle-down", "range": "diamond",
                "approximate": "square", "exact": "circle"}
MAP_MEASURES = {"mentions": "Mentions", "casualty_claims": "Casualty claims", "actor": "Most named actor"}
PLACE_SELECTION = "place_pick"


def _empty(title: str) -> alt.Chart:
    return alt.Chart(pd.DataFrame({"note": ["no rows for these filters"]})).mark_text(size=14).encode(
        text="note:N").properties(title=title, height=60)


def bound_kind(qualifier: Any) -> str:
    """How a qualifier bounds the value: "more than 6,500" is a lower bound."""
    q = str(qualifier or "exact")
    if q in LOWER:
        return "lower bound"
    if q in UPPER:
        return "upper bound"
    if q == "range":
        return "range"
    if q == "around":
        return "approximate"
    return "exact"


def _fmt(v: Any) -> str:
    if v is None or pd.isna(v):
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def bounds_text(value: Any, low: Any, high: Any, qualifier: Any) -> str:
    """Human bounds: ``> 6,500``, ``≥ 40``, ``< 2,000``, ``40–60``, ``≈ 30,000``, ``15``."""
    kind = bound_kind(qualifier)
    q = str(qualifier or "")
    if kind == "lower bound":
        return ("≥ " if q == "at_least" else "> ") + _fmt(low if low is not None and not pd.isna(low) else value)
    if kind == "upper bound":
        sym = "≤ " if q == "up_to" else "< "
        return sym + _fmt(high if high is not None and not pd.isna(high) else value)
    if kind == "range":
        return f"{_fmt(low)}–{_fmt(high)}"
    if kind == "approximate":
        return "≈ " + _fmt(value)
    return _fmt(value)


def with_bounds(ledger: pd.DataFrame) -> pd.DataFrame:
    """The ledger with ``bounds`` (text) and ``bound`` (kind) columns added."""
    out = ledger.copy()
    if out.empty:
        out["bounds"] = pd.Series(dtype=str)
        out["bound"] = pd.Series(dtype=str)
        return out
    out["bounds"] = [bounds_text(v, lo, hi, q) for v, lo, hi, q in
                     zip(out["value"], out["low"], out["high"], out["qualifier"])]
    out["bound"] = [bound_kind(q) for q in out["qualifier"]]
    return out


def _as_time(s: pd.Series) -> pd.Series:
    """Partial ISO dates ("2020", "2020-11") as timestamps at the start of their period."""
    return pd.to_datetime(s.astype(str).str.slice(0, 10), format="mixed", errors="coerce")


# -- overview ----------------------------------------------------------------------------
def timeline(df: pd.DataFrame, title: str = "Mentions per month") -> alt.Chart:
    """Lines of ``mentions`` per ``month`` and ``kind``."""
    if df.empty:
        return _empty(title)
    return alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("month:T", title="publication month", axis=_MONTH_AXIS),
        y=alt.Y("mentions:Q", title="mentions"),
        color=alt.Color("kind:N", title="mention kind"),
        tooltip=[alt.Tooltip("month:T", format="%Y-%m"), "kind:N", "mentions:Q"],
    ).properties(title=title, height=260)


def hbar(df: pd.DataFrame, label: str, value: str, colour: str | None = None, title: str = "") -> alt.Chart:
    """Horizontal bars of ``value`` per ``label``, largest first."""
    if df.empty:
        return _empty(title)
    enc: dict[str, Any] = dict(
        # (long names kept whole: "Ministry of Defence of Armenia" and "... of Azerbaijan" were
        # both cut to "Ministry of Defen…")
        y=alt.Y(f"{label}:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        x=alt.X(f"{value}:Q", title=value),
        tooltip=[c for c in df.columns if df[c].dtype != object or c in (label, colour)],
    )
    if colour:
        enc["color"] = alt.Color(f"{colour}:N", title=colour)
    return alt.Chart(df).mark_bar().encode(**enc).properties(title=title, height=alt.Step(22))


# -- map ---------------------------------------------------------------------------------
def map_chart(points: pd.DataFrame, measure: str = "mentions", base: alt.Chart | None = None,
              regions: dict | None = None, region_measure: str = "mentions",
              width: int = 760, height: int = 520) -> alt.LayerChart | alt.Chart:
    """Places as points sized by mentions and coloured by ``measure``, over an offline base map.

    Parameters
    ----------
    points : DataFrame
        ``read.place_points`` rows (``name, names, lat, lon, mentions, casualty_claims,
        evidence``), optionally with ``actor`` (``read.place_top_actor``).
    measure : {"mentions", "casualty_claims", "actor"}
        What colours the points.
    base : altair chart, optional
        Country outlines and layers (``geo.maps.base_map``); drawn under everything.
    regions : dict, optional
        GeoJSON FeatureCollection of regions whose ``properties`` carry ``region_measure``
        and ``label``; shaded by it.
    """
    if measure not in MAP_MEASURES:
        raise ValueError(f"measure must be one of {sorted(MAP_MEASURES)}, got {measure!r}")
    layers: list[Any] = []
    projection = "mercator"
    if base is not None:
        layers.append(base)
    if regions and regions.get("features"):
        layers.append(alt.Chart(alt.InlineData(values=regions, format=alt.DataFormat(property="features", type="json")))
                      .mark_geoshape(stroke="#555", strokeWidth=0.8, fillOpacity=0.55, clip=True)
                      .encode(color=alt.Color(f"properties.{region_measure}:Q", title=f"region {region_measure.replace('_', ' ')}",
                                              scale=alt.Scale(scheme="oranges"),
                                              legend=alt.Legend(format="d", tickMinStep=1)),
                              tooltip=[alt.Tooltip("properties.label:N", title="region"),
                                       alt.Tooltip(f"properties.{region_measure}:Q", title=region_measure)])
                      .project(type=projection))
    if not points.empty:
        pick = alt.selection_point(fields=["name"], name=PLACE_SELECTION)
        if measure == "actor" and "actor" in points.columns:
            colour = alt.Color("actor:N", title="most named actor")
        elif measure == "actor":
            colour = alt.value("#1f77b4")
        else:
            colour = alt.Color(f"{measure}:Q", title=MAP_MEASURES[measure], scale=alt.Scale(scheme="reds"),
                               legend=alt.Legend(format="d", tickMinStep=1))
        tooltip = [alt.Tooltip("name:N", title="place"), alt.Tooltip("names:N", title="names in text"),
                   "country:N", "mentions:Q", "articles:Q", alt.Tooltip("casualty_claims:Q", title="casualty claims"),
                   alt.Tooltip("evidence:N", title="sample evidence")]
        if "actor" in points.columns:
            tooltip.append(alt.Tooltip("actor:N", title="most named actor"))
        # clipped: places outside the view the base map is fitted to are not drawn over the page
        layers.append(alt.Chart(points).mark_circle(stroke="black", strokeWidth=0.6, clip=True).encode(
            longitude="lon:Q", latitude="lat:Q",
            size=alt.Size("mentions:Q", scale=alt.Scale(range=[40, 900]), title=MAP_MEASURES["mentions"],
                         legend=alt.Legend(format="d", tickMinStep=1)),
            color=colour,
            opacity=alt.condition(pick, alt.value(0.9), alt.value(0.35)),
            tooltip=tooltip,
        ).add_params(pick).project(type=projection))
    if not layers:
        return _empty("Map")
    chart = layers[0] if len(layers) == 1 else alt.layer(*layers)
    return chart.properties(width=width, height=height).resolve_scale(color="independent", size="independent") \
        if len(layers) > 1 else chart.properties(width=width, height=height)


# -- casualties --------------------------------------------------------------------------
DATED_BY_REPORT = "report day (no event date)"


def with_dated_by(ledger: pd.DataFrame) -> pd.DataFrame:
    """``ledger`` with a ``dated_by`` column: "event" for a claim with its own event date, or
    :data:`DATED_BY_REPORT` for one shown at its article's publication day."""
    if "date_from_published" not in ledger.columns or "dated_by" in ledger.columns:
        return ledger
    flag = ledger["date_from_published"].fillna(False).astype(bool)
    return ledger.assign(dated_by=flag.map({True: DATED_BY_REPORT, False: "event"}))


def claims_chart(ledger: pd.DataFrame, title: str = "Figure claims over time") -> alt.Chart:
    """Each claim as a mark at its event date; the shape says which bound it is, a rule spans
    a range. Claims are never added up."""
    if ledger.empty:
        return _empty(title)
    tooltip = ["bounds:N", "category:N", "side:N", "claimed_by:N", "event_date:N", "dated_by:N", "place:N",
               "publisher:N", "surface:N"]
    # Only the columns the marks and tooltips use go into the chart spec: the ledger's
    # sentences and titles would otherwise be serialised into it on every run.
    df = ledger if "bounds" in ledger.columns else with_bounds(ledger)
    df = with_dated_by(df)
    keep = [c.split(":")[0] for c in tooltip] + ["value", "low", "high", "bound"]
    df = df[[c for c in dict.fromkeys(keep) if c in df.columns]].copy()
    df["when"] = _as_time(df["event_date"])
    df["side"] = df["side"].fillna("unattributed")
    # a claim with no date of its own stands at its report's day: hollow, not solid
    pts = alt.Chart(df).mark_point(size=90).encode(
        fill=alt.condition(alt.datum.dated_by == DATED_BY_REPORT, alt.value("transparent"), alt.Color("category:N")),
        x=alt.X("when:T", title="event date", axis=_MONTH_AXIS),
        y=alt.Y("value:Q", title="claimed value (log scale)", scale=alt.Scale(type="symlog"),
                axis=alt.Axis(values=[0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000], format=",d")),
        color=alt.Color("category:N"),
        shape=alt.Shape("bound:N", title="bound",
                        scale=alt.Scale(domain=list(BOUND_SHAPES), range=list(BOUND_SHAPES.values()))),
        tooltip=tooltip)
    rng = alt.Chart(df[df["bound"] == "range"]).mark_rule(strokeWidth=2).encode(
        x="when:T", y="low:Q", y2="high:Q", color="category:N")
    return alt.layer(rng, pts).properties(title=title, height=320)


def claims_by_month(df: pd.DataFrame, title: str = "Claims per month by category and side") -> alt.Chart:
    """Number of claims (not their values) per event month, coloured by category, one row per side."""
    if df.empty:
        return _empty(title)
    return alt.Chart(df).mark_bar().encode(
        x=alt.X("yearmonth(month):T", title="event month", axis=_MONTH_AXIS),
        y=alt.Y("claims:Q", title="claims"),
        color="category:N",
        row=alt.Row("side:N", title="side"),
        tooltip=[alt.Tooltip("month:T", format="%Y-%m"), "category:N", "side:N", "claims:Q",
                 alt.Tooltip("highest_low:Q", title="largest lower bound")],
    ).properties(title=title, height=110)


def disputed_chart(df: pd.DataFrame, title: str = "Disputed events: claims side by side") -> alt.Chart:
    """One row per event (date · place · category); each claim a mark on the same row."""
    if df.empty:
        return _empty(title)
    d = with_bounds(df)
    d["event"] = d["event_date"].astype(str) + " · " + d["place"].astype(str) + " · " + d["category"].astype(str)
    d["claimant"] = d["claimed_by"].fillna(d["publisher"]).fillna("unknown")
    return alt.Chart(d).mark_point(filled=True, size=140).encode(
        y=alt.Y("event:N", title=None),
        x=alt.X("value:Q", title="claimed value"),
        color=alt.Color("claimant:N"),
        shape=alt.Shape("bound:N", scale=alt.Scale(domain=list(BOUND_SHAPES), range=list(BOUND_SHAPES.values()))),
        tooltip=["event:N", "bounds:N", "claimant:N", "side:N", "publisher:N", "title:N"],
    ).properties(title=title, height=alt.Step(40))


def disputed_wide(df: pd.DataFrame) -> pd.DataFrame:
    """One row per event with its claims in columns ``claim 1``, ``claim 2``, ... (text:
    bounds, claimant, publisher) and the spread of values; nothing is summed."""
    cols = ["event_date", "place", "category", "claims", "lowest", "highest"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    d = with_bounds(df)
    d["text"] = [f"{b} — {c or 'unattributed'} ({p or 'publisher unknown'})" for b, c, p in
                 zip(d["bounds"], d["claimed_by"], d["publisher"])]
    wide = d.pivot_table(index=["event_date", "place", "category"], columns="claim", values="text",
                         aggfunc="first").rename(columns=lambda n: f"claim {n}")
    agg = d.groupby(["event_date", "place", "category"]).agg(claims=("claim", "size"), lowest=("value", "min"),
                                                             highest=("value", "max"))
    out = agg.join(wide).reset_index().sort_values("event_date", ascending=False, kind="stable")
    return out.reset_index(drop=True)


# -- actors ------------------------------------------------------------------------------
def actor_bars(df: pd.DataFrame, title: str = "Mentions by actor") -> alt.Chart:
    """Mentions per actor, coloured by type."""
    if "type" in df.columns:
        df = df.assign(type=df["type"].fillna("other").str.replace("_", " "))  # "armed force", not "armed_force"
    return hbar(df, "name", "mentions", colour="type", title=title)


def actor_timeline(df: pd.DataFrame, title: str = "Actor mentions per month") -> alt.Chart:
    """Monthly mentions per actor."""
    if df.empty:
        return _empty(title)
    return alt.Chart(df).mark_line(point=True).encode(
        x=alt.X("month:T", title="publication month", axis=_MONTH_AXIS), y="mentions:Q", color=alt.Color("name:N", title="actor"),
        tooltip=[alt.Tooltip("month:T", format="%Y-%m"), "name:N", "mentions:Q"],
    ).properties(title=title, height=280)


def cooccurrence(df: pd.DataFrame, title: str = "Actors named in the same articles") -> alt.Chart:
    """Heat map of article counts per actor pair."""
    if df.empty:
        return _empty(title)
    return alt.Chart(df).mark_rect().encode(
        x=alt.X("actor:N", title=None), y=alt.Y("other:N", title=None),
        color=alt.Color("articles:Q", scale=alt.Scale(scheme="blues")),
        tooltip=["actor:N", "other:N", "articles:Q"],
    ).properties(title=title, width=alt.Step(28), height=alt.Step(22))
