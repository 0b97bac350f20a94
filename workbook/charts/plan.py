"""The time plan: where the year's field hours go by tier, and how a tier's visits follow value."""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook import formatting as fmt
from workbook.charts._data import lean
from workbook.charts.tables import html_table
from workbook.charts.theme import INK, MUTED, tier_scale
from workbook.coaching import wording
from workbook.i18n import _

#: The most accounts of a tier the allocation chart draws (the biggest; the rest are a tail).
MOST_ACCOUNTS = 300


def plan_chart(
    tiers: pd.DataFrame, *, prospecting_hours: float = 0.0, title: str | None = None
) -> alt.LayerChart:
    """Return one bar per tier with its hours, labelled with what its accounts get.

    Parameters
    ----------
    tiers : DataFrame
        Indexed A, B, C with ``accounts``, ``hours``, ``least_visits`` and ``most_visits``
        (``TimePlan.tiers``).
    prospecting_hours : float, default 0
        The hours kept for new customers, said in the subtitle.
    """
    rows = []
    for tier, row in tiers.iterrows():
        n = int(row["accounts"])
        label = _("{hours} · {accounts} · {visits}").format(
            hours=fmt.hours(row["hours"], 0),
            accounts=wording.accounts(n),
            visits=_("no accounts") if n == 0 else _tier_visits(row),
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
            x=alt.X("hours:Q", title=_("Field hours a year")),
            color=alt.Color("tier:N", scale=tier_scale(), legend=None),
            tooltip=[
                alt.Tooltip("tier:N", title=_("Tier")),
                alt.Tooltip("label:N", title=_("Plan")),
            ],
        )
    )
    # Each label sits above its bar, from the left edge: it never runs off the chart.
    labels = (
        alt.Chart(data)
        .mark_text(align="left", baseline="bottom", dy=-4, color=INK)
        .encode(y=y, x=alt.datum(0), text="label:N")
    )
    subtitle = _("C accounts are served by inside sales, e-mail or self-service.")
    if prospecting_hours > 0:
        subtitle = _("{hours} a year are kept for new customers, outside the tiers. {rest}").format(
            hours=fmt.hours(prospecting_hours, 0), rest=subtitle
        )
    return alt.layer(bars, labels).properties(
        width=520,
        height=alt.Step(58),
        title=alt.Title(title or _("Your selling year, planned by tier"), subtitle=subtitle),
    )


def _tier_visits(row: pd.Series) -> str:
    if not row["most_visits"] > 0:
        return _("no visits")
    if row["least_visits"] == row["most_visits"]:
        return wording.visits_a_year(row["most_visits"])
    return _("{least} to {most} visits a year each").format(
        least=fmt.number(row["least_visits"]), most=fmt.number(row["most_visits"])
    )


def allocation_chart(comparison: pd.DataFrame, *, tier: str = "A", title: str | None = None):
    """Return the visits a year of a tier's accounts, biggest first, under each allocation.

    One line per allocation (``workbook.coaching.plan.compare_allocations``): equal within the
    tier is flat, in proportion to value falls as steeply as value does, and by response (the
    default) lies between: the biggest accounts get more, but not in proportion.

    Parameters
    ----------
    comparison : DataFrame
        rank, account, value_share, allocation, visits_per_year (only the first
        :data:`MOST_ACCOUNTS` ranks reach the browser).
    tier : str, default "A"
        The tier the comparison is of, for the title.
    """
    data = lean(
        comparison[comparison["rank"] <= MOST_ACCOUNTS],
        ["rank", "account", "value_share", "allocation", "visits_per_year"],
    )
    labels = {key: wording.allocation_label(key, short=True) for key in data["allocation"].unique()}
    data["how"] = data["allocation"].map(labels)
    order = [labels[key] for key in ("response", "equal", "value") if key in labels]
    line = (
        alt.Chart(data)
        .mark_line(strokeWidth=2.5, interpolate="step-after")
        .encode(
            x=alt.X("rank:Q", title=_("{tier} accounts, biggest first").format(tier=tier)),
            y=alt.Y("visits_per_year:Q", title=_("Visits a year")),
            color=alt.Color(
                "how:N",
                sort=order,
                scale=alt.Scale(domain=order, range=[INK, MUTED, "#c9822b"][: len(order)]),
                legend=alt.Legend(
                    title=None, orient="bottom", direction="vertical", labelLimit=360
                ),
            ),
            strokeDash=alt.StrokeDash(
                "how:N",
                sort=order,
                scale=alt.Scale(domain=order, range=[[1, 0], [4, 3], [1, 2]][: len(order)]),
                legend=None,
            ),
            tooltip=[
                alt.Tooltip("account:N", title=_("Account")),
                alt.Tooltip("value_share:Q", format=".2%", title=_("Share of value")),
                alt.Tooltip("how:N", title=_("Allocation")),
                alt.Tooltip("visits_per_year:Q", title=_("Visits a year")),
            ],
        )
    )
    return line.properties(
        width=480,
        height=260,
        title=alt.Title(
            title or _("How the {tier} accounts' visits follow value").format(tier=tier),
            subtitle=[
                _("Equal within the tier ignores value; in proportion to value over-serves"),
                _("the biggest accounts, whose response is saturated; by response lies between."),
            ],
        ),
    )


def outlook_table(outlook) -> str:
    """Return the before/after as an HTML table: today and the plan's weak- and strong-response
    ends, on the same hours (``workbook.coaching.before_after``)."""
    names = {
        "today": _("Today"),
        "plan_low": _("The plan, weak response"),
        "plan_high": _("The plan, strong response"),
    }
    table = outlook.table.rename(index=names).rename_axis("when").reset_index()
    return html_table(
        table,
        {
            "when": ("", "text"),
            "hours": (_("Hours for your accounts"), "money"),
            "serving_cost": (_("Serving cost"), "money"),
            "revenue": (_("Revenue"), "money"),
            "cost_per_revenue": (_("Serving cost per unit of revenue"), "share"),
        },
        tier_column=None,
        caption=_("Today and with the plan, on the same hours"),
    )
