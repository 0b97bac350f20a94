"""Tier summary: how the accounts and the value split into A, B and C, side by side.

Two (or three) stacked bars — share of accounts, share of revenue (and of gross profit) — make
"20% of accounts bring 80% of revenue" visible at a glance. The bar widths are parameters
(``accounts_A``, ``revenue_B``, …): a slider changes them without sending the chart again.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts.theme import BAD, tier_scale
from workbook.i18n import N_, _
from workbook.schema import TIERS

MEASURES = {
    "accounts": N_("Accounts"),
    "revenue": N_("Revenue"),
    "gross_profit": N_("Gross profit"),
}


def _share_column(measure: str) -> str:
    return "account_share" if measure == "accounts" else f"{measure}_share"


def summary_measures(summary: pd.DataFrame) -> list[str]:
    """Return the measures a tier summary can show: accounts, revenue, and profit when present."""
    return [m for m in MEASURES if _share_column(m) in summary.columns]


def summary_params(summary: pd.DataFrame) -> dict[str, float]:
    """Return the parameter values of the tier summary chart (the share of each measure per tier).

    Examples
    --------
    >>> summary = pd.DataFrame({"account_share": [0.2, 0.55, 0.25],
    ...                         "revenue_share": [0.78, 0.2, 0.02]}, index=list("ABC"))
    >>> summary_params(summary)["revenue_A"]
    0.78
    """
    return {
        f"{m}_{t}": round(float(summary.loc[t, _share_column(m)]), 6)
        for m in summary_measures(summary)
        for t in TIERS
    }


def _pick(names: list[str], default: str = "0") -> str:
    """Return a Vega expression choosing the parameter named ``datum.key`` from ``names``."""
    expr = default
    for name in reversed(names):
        expr = f"datum.key === '{name}' ? {name} : ({expr})"
    return expr


def tier_summary_chart(summary: pd.DataFrame, *, title: str | None = None) -> alt.Chart:
    """Return stacked bars of each tier's share of accounts and of value.

    Parameters
    ----------
    summary : DataFrame
        Indexed A, B, C, with ``account_share``, ``revenue_share`` and optionally
        ``gross_profit_share`` (as ``workbook.analysis.tier_summary`` returns).
    title : str, default "Your accounts and your value, by tier"

    Returns
    -------
    alt.Chart
        With one parameter per measure and tier (see ``summary_params``).
    """
    measures = summary_measures(summary)
    params = summary_params(summary)
    rows = pd.DataFrame(
        [
            {
                "measure": _(MEASURES[m]),
                "order": i,
                "tier": t,
                "key": f"{m}_{t}",
                "before": "+".join(f"max({m}_{p}, 0)" for p in TIERS[:j]) or "0",
            }
            for i, m in enumerate(measures)
            for j, t in enumerate(TIERS)
        ]
    )
    # Where a segment starts depends on the segments before it; write that out per row.
    start_expr = "0"
    for key, before in zip(
        reversed(rows["key"].tolist()), reversed(rows["before"].tolist()), strict=True
    ):
        start_expr = f"datum.key === '{key}' ? ({before}) : ({start_expr})"
    base = (
        alt.Chart(rows)
        .transform_calculate(share=_pick(list(params)), x0=start_expr)
        .transform_calculate(
            x1="datum.x0 + max(datum.share, 0)", middle="(datum.x0 + datum.x1) / 2"
        )
    )
    y = alt.Y(
        "measure:N",
        title=None,
        sort=alt.SortField("order"),
        axis=alt.Axis(labelFontSize=13, labelFontWeight=600),
    )
    bars = base.mark_bar(height=34).encode(
        x=alt.X("x0:Q", title=None, axis=alt.Axis(format="%")),
        x2="x1:Q",
        y=y,
        color=alt.Color("tier:N", scale=tier_scale(), title=_("Tier")),
        tooltip=[
            alt.Tooltip("measure:N", title=_("Measure")),
            alt.Tooltip("tier:N", title=_("Tier")),
            alt.Tooltip("share:Q", title=_("Share"), format=".1%"),
        ],
    )
    labels = (
        base.transform_filter("datum.x1 - datum.x0 > 0.06")
        .mark_text(color="white", fontWeight="bold", fontSize=13)
        .encode(x="middle:Q", y=y, text=alt.Text("share:Q", format=".0%"))
    )
    # A tier that loses money has no segment to draw (the others then add up to more than
    # 100%): name its loss after the bar instead.
    losses = (
        base.transform_filter("datum.share < 0")
        .mark_text(align="left", dx=6, color=BAD, fontWeight="bold")
        .encode(x="x0:Q", y=y, text=alt.Text("loss:N"))
        .transform_calculate(loss="datum.tier + ' ' + format(datum.share, '.0%')")
    )
    return (
        alt.layer(bars, labels, losses)
        .add_params(*[alt.param(name=k, value=v) for k, v in params.items()])
        .properties(
            height=60 * len(measures),
            title=alt.Title(
                title or _("Your accounts and your value, by tier"),
                subtitle=_("Each bar is 100%: read across."),
            ),
        )
    )
