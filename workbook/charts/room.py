"""The room's picture for the trainer's page: one dot per participant who shared, never a name.

Each chart is a dot plot: a participant's figure is a dot, dots with the same value stack, so a
room of twenty reads at a glance ("the top 20% bring 62–91% of revenue, most about 75%"). The
charts are drawn on the server as SVG (``charts.svg``), so the page needs no JavaScript library.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import altair as alt
import pandas as pd

from workbook.charts.theme import INK, MUTED, TIER_COLORS
from workbook.coaching.room import BAND_KEYS, RoomFigures, band_counts, band_label
from workbook.i18n import _

#: Dots are stacked in bins of the figures' own steps: whole percent, half hours.
BIN = {"share": 0.01, "score": 0.01, "hours": 0.5}
#: How each kind of figure is written on its axis.
AXIS_FORMAT = {"share": ".0%", "score": ".1f", "hours": "~r"}
WIDTH = 520


def _stacked(values_by_row: Mapping[str, Sequence[float]], step: float) -> pd.DataFrame:
    """Return one row per dot: its row label, its value (binned) and its place in the stack."""
    rows = []
    for label, values in values_by_row.items():
        seen: dict[float, int] = {}
        for value in sorted(values):
            binned = round(round(value / step) * step, 4)
            seen[binned] = seen.get(binned, 0) + 1
            rows.append({"row": label, "value": binned, "stack": seen[binned]})
    return pd.DataFrame(rows, columns=["row", "value", "stack"])


def room_dot_chart(
    values_by_row: Mapping[str, Sequence[float]],
    *,
    title: str,
    kind: str = "share",
    subtitle: str = "",
) -> alt.Chart:
    """Return a dot plot of one figure: one dot per participant, one row per series.

    Parameters
    ----------
    values_by_row : mapping of str to sequence of float
        The values to draw for each row (e.g. ``{"Today": [...], "In the plan": [...]}``); the
        labels are shown as they are (translate them first).
    title, subtitle : str
        The chart's title (and a line under it).
    kind : {"share", "score", "hours"}, default "share"
        Shares are drawn on 0–100%, scores (Gini, focus) on 0–1, hours from 0.

    Returns
    -------
    alt.Chart

    Examples
    --------
    >>> chart = room_dot_chart({"Room": [0.62, 0.77, 0.77]}, title="Top 20%")
    >>> spec = chart.to_dict()
    >>> spec["mark"]["type"], len(spec["datasets"][spec["data"]["name"]])
    ('circle', 3)
    """
    data = _stacked(values_by_row, BIN[kind])
    bounded = kind != "hours"
    x = alt.X(
        "value:Q",
        title=None,
        scale=alt.Scale(domain=[0, 1]) if bounded else alt.Scale(domainMin=0, nice=True),
        axis=alt.Axis(format=AXIS_FORMAT[kind], tickCount=10 if bounded else 6),
    )
    several = len(values_by_row) > 1
    chart = (
        alt.Chart(data, title=alt.Title(title, subtitle=subtitle or alt.Undefined))
        .mark_circle(size=110, opacity=0.9, stroke="white", strokeWidth=1)
        .encode(
            x=x,
            y=alt.Y("stack:O", title=None, axis=None, sort="descending"),
            color=alt.Color(
                "row:N",
                legend=None,
                scale=alt.Scale(
                    domain=list(values_by_row),
                    range=[MUTED, TIER_COLORS["A"]] if several else [TIER_COLORS["A"]],
                ),
            ),
        )
        .properties(width=WIDTH, height=alt.Step(13))
    )
    if several:
        chart = chart.encode(
            row=alt.Row(
                "row:N",
                title=None,
                sort=list(values_by_row),
                header=alt.Header(labelAngle=0, labelAlign="left", labelColor=INK),
            )
        )
    return chart


def room_band_chart(figures: Sequence[RoomFigures]) -> alt.Chart:
    """Return bars of how many participants have how many accounts (in bands, never exact).

    Examples
    --------
    >>> from workbook.coaching.examples import example_room_figures
    >>> spec = room_band_chart([example_room_figures(), example_room_figures()]).to_dict()
    >>> [row["participants"] for row in spec["datasets"][spec["data"]["name"]]][:3]
    [0, 2, 0]
    """
    counts = band_counts(figures)
    top = max(counts.values())
    data = pd.DataFrame(
        {
            "band": [band_label(k) for k in BAND_KEYS],
            "participants": [counts[k] for k in BAND_KEYS],
        }
    )
    return (
        alt.Chart(data, title=_("How many accounts each participant has"))
        .mark_bar(color=TIER_COLORS["A"])
        .encode(
            y=alt.Y("band:N", title=_("Accounts"), sort=None),
            x=alt.X(
                "participants:Q",
                title=_("Participants"),
                # whole people only: with a few, a tick at every count (Vega would halve them)
                axis=alt.Axis(
                    values=list(range(top + 1)) if top <= 10 else alt.Undefined,
                    tickMinStep=1,
                    format="d",
                ),
            ),
        )
        .properties(width=WIDTH - 80, height=alt.Step(18))
    )
