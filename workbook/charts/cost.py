"""What serving each tier costs and what it leaves: gross profit, serving cost, net contribution."""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts.theme import BAD, GOOD, INK, MUTED
from workbook.i18n import N_, _

PARTS = {
    "gross_profit": (N_("Gross profit"), MUTED),
    "serving_cost": (N_("Cost of serving"), BAD),
    "net_contribution": (N_("Net contribution"), GOOD),
}


def cost_chart(tiers: pd.DataFrame, *, title: str | None = None) -> alt.LayerChart:
    """Return grouped bars per tier: gross profit, serving cost and net contribution.

    Parameters
    ----------
    tiers : DataFrame
        Indexed A, B, C with ``gross_profit``, ``serving_cost`` and ``net_contribution``
        (``CostToServe.tiers``).
    """
    rows = [
        {"tier": str(t), "part": _(label), "amount": float(row[col])}
        for t, row in tiers.iterrows()
        for col, (label, _colour) in PARTS.items()
        if col in row.index
    ]
    data = pd.DataFrame(rows)
    labels = [_(label) for label, _colour in PARTS.values()]
    encode = dict(
        x=alt.X(
            "tier:N", title=None, axis=alt.Axis(labelAngle=0, labelFontSize=14, labelFontWeight=700)
        ),
        xOffset=alt.XOffset("part:N", sort=labels),
        y=alt.Y("amount:Q", title=None, axis=alt.Axis(format="~s")),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            **encode,
            color=alt.Color(
                "part:N",
                title=None,
                sort=labels,
                scale=alt.Scale(domain=labels, range=[colour for _label, colour in PARTS.values()]),
            ),
            tooltip=[
                alt.Tooltip("tier:N", title=_("Tier")),
                alt.Tooltip("part:N", title=_("What")),
                alt.Tooltip("amount:Q", format=",.0f", title=_("Amount")),
            ],
        )
    )
    above = (
        alt.Chart(data)
        .transform_filter("datum.amount >= 0")
        .mark_text(fontSize=11, color=INK, dy=-7)
        .encode(**encode, text=alt.Text("amount:Q", format=".3~s"))
    )
    below = (
        alt.Chart(data)
        .transform_filter("datum.amount < 0")
        .mark_text(fontSize=11, color=BAD, dy=9)
        .encode(**encode, text=alt.Text("amount:Q", format=".3~s"))
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color=INK).encode(y="y:Q")
    return alt.layer(bars, above, below, zero).properties(
        width=440,
        height=280,
        title=alt.Title(
            title or _("What each tier leaves after the cost of serving it"),
            subtitle=_("Serving cost: visit hours and small service requests at your hourly cost."),
        ),
    )
