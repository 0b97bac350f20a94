"""The time plan per tier: where the year's selling hours go, and what each account gets."""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts.theme import INK, tier_scale


def plan_chart(
    tiers: pd.DataFrame, *, title: str = "Your selling year, planned by tier"
) -> alt.LayerChart:
    """Return one bar per tier with its hours, labelled with what each account gets.

    Parameters
    ----------
    tiers : DataFrame
        Indexed A, B, C with ``accounts``, ``hours``, ``hours_per_account`` and
        ``visits_per_account_per_month`` (``TimePlan.tiers``).
    """
    rows = []
    for tier, row in tiers.iterrows():
        per_month = float(row["visits_per_account_per_month"])
        visits = (
            f"{per_month:.1f} visits a month"
            if per_month >= 1
            else f"{per_month * 12:.1f} visits a year"
            if per_month > 0
            else "no visits"
        )
        label = (
            f"{row['hours']:,.0f} h · {int(row['accounts'])} accounts · "
            f"{row['hours_per_account']:,.1f} h each · {visits}"
        )
        rows.append({"tier": str(tier), "hours": float(row["hours"]), "label": label})
    data = pd.DataFrame(rows)
    y = alt.Y(
        "tier:N",
        title=None,
        sort=["A", "B", "C"],
        axis=alt.Axis(labelFontSize=14, labelFontWeight=700),
    )
    bars = (
        alt.Chart(data)
        .mark_bar(height=20, yOffset=8)
        .encode(
            y=y,
            x=alt.X("hours:Q", title="Hours a year"),
            color=alt.Color("tier:N", scale=tier_scale(), legend=None),
            tooltip=[alt.Tooltip("tier:N", title="Tier"), alt.Tooltip("label:N", title="Plan")],
        )
    )
    # Each label sits above its bar, from the left edge: it never runs off the chart.
    labels = (
        alt.Chart(data)
        .mark_text(align="left", baseline="bottom", dy=-4, color=INK)
        .encode(y=y, x=alt.datum(0), text="label:N")
    )
    return alt.layer(bars, labels).properties(
        width=520,
        height=alt.Step(58),
        title=alt.Title(
            title, subtitle="C accounts are served by inside sales, e-mail or self-service."
        ),
    )
