"""Pareto and whale curves: how concentrated the business is, and where profit is lost.

The curves arrive already reduced (at most ~500 points, see ``workbook.analysis``), so a chart of
a million accounts sends about as much to the browser as one of 300. The tier bands are drawn from
two parameters, ``cut_a`` and ``cut_ab`` (the share of accounts in A, and in A and B): a slider
changes them in the browser without sending the chart again.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook import formatting as fmt
from workbook.charts._data import lean
from workbook.charts.theme import BAD, INK, MUTED, tier_scale
from workbook.i18n import _

CURVE_COLUMNS = ["account_share", "value_share", "accounts"]


def cut_params(k_a: int, k_ab: int, n: int) -> dict[str, float]:
    """Return the parameter values of the tier bands for cut positions ``k_a``, ``k_ab`` of ``n``.

    Examples
    --------
    >>> cut_params(50, 188, 250)
    {'cut_a': 0.2, 'cut_ab': 0.752}
    """
    return {"cut_a": k_a / n if n else 0.0, "cut_ab": k_ab / n if n else 0.0}


def _tier_bands(cuts: dict[str, float]) -> alt.Chart:
    """Return the A/B/C background bands, positioned by the ``cut_a`` and ``cut_ab`` parameters."""
    params = [alt.param(name=name, value=value) for name, value in cuts.items()]
    base = alt.Chart(pd.DataFrame({"tier": ["A", "B", "C"]})).transform_calculate(
        x0="datum.tier === 'A' ? 0 : datum.tier === 'B' ? cut_a : cut_ab",
        x1="datum.tier === 'A' ? cut_a : datum.tier === 'B' ? cut_ab : 1",
        middle="(datum.x0 + datum.x1) / 2",
        width="datum.x1 - datum.x0",
    )
    bands = base.mark_rect(opacity=0.16).encode(
        x=alt.X("x0:Q"),
        x2="x1:Q",
        color=alt.Color("tier:N", scale=tier_scale(), title=_("Tier")),
        tooltip=[
            alt.Tooltip("tier:N", title=_("Tier")),
            alt.Tooltip("width:Q", title=_("Share of accounts"), format=".0%"),
        ],
    )
    labels = (
        base.transform_filter("datum.width > 0.03")
        .mark_text(fontSize=15, fontWeight="bold", baseline="top", dy=4)
        .encode(
            x="middle:Q",
            y=alt.value(0),
            text="tier:N",
            color=alt.Color("tier:N", scale=tier_scale(), legend=None),
        )
    )
    return alt.layer(bands, labels).add_params(*params)


def _guides(value_label: str) -> list[alt.Chart]:
    """Return the dashed 20%-of-accounts and 80%-of-value guides with their labels."""
    marks = pd.DataFrame({"x": [0.2], "y": [0.8]})
    rule_x = alt.Chart(marks).mark_rule(strokeDash=[4, 4], color=MUTED).encode(x="x:Q")
    rule_y = alt.Chart(marks).mark_rule(strokeDash=[4, 4], color=MUTED).encode(y="y:Q")
    text_x = (
        alt.Chart(marks)
        .mark_text(align="left", dx=4, color=MUTED)
        .encode(x="x:Q", y=alt.datum(0.03), text=alt.value(_("20% of accounts")))
    )
    text_y = (
        alt.Chart(marks)
        .mark_text(align="right", dy=-6, color=MUTED)
        .encode(
            x=alt.datum(0.99),
            y="y:Q",
            text=alt.value(_("80% of {value}").format(value=value_label)),
        )
    )
    return [rule_x, rule_y, text_x, text_y]


def pareto_chart(
    curves: pd.DataFrame | dict[str, pd.DataFrame],
    *,
    k_a: int,
    k_ab: int,
    n: int,
    title: str | None = None,
) -> alt.LayerChart:
    """Return the Pareto curve(s) with the 20% and 80% guides and the A/B/C bands.

    Parameters
    ----------
    curves : DataFrame or dict of str to DataFrame
        A reduced curve (``account_share``, ``value_share``, ``accounts``), or several keyed by
        what they measure (e.g. ``{"revenue": ..., "gross profit": ...}``).
    k_a, k_ab : int
        The tier cuts: ranks below ``k_a`` are A, below ``k_ab`` B, the rest C.
    n : int
        The number of accounts.
    title : str, default "How concentrated is your business?"

    Returns
    -------
    alt.LayerChart
        With the parameters ``cut_a`` and ``cut_ab`` (see ``cut_params``).
    """
    if isinstance(curves, pd.DataFrame):
        curves = {_("revenue"): curves}
    data = pd.concat(
        [lean(c, CURVE_COLUMNS).assign(measure=label) for label, c in curves.items()],
        ignore_index=True,
    )
    first = next(iter(curves))
    line = (
        alt.Chart(data)
        .mark_line(color=INK)
        .encode(
            x=alt.X(
                "account_share:Q",
                title=_("Share of accounts, biggest first"),
                axis=alt.Axis(format="%"),
                scale=alt.Scale(domain=[0, 1], nice=False),
            ),
            y=alt.Y(
                "value_share:Q",
                title=_("Cumulative share of {value}").format(value=first),
                axis=alt.Axis(format="%"),
            ),
            strokeDash=alt.StrokeDash(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=list(curves), range=[[1, 0], [6, 4], [2, 2]]),
                legend=alt.Legend(orient="bottom-right") if len(curves) > 1 else None,
            ),
            tooltip=[
                alt.Tooltip("measure:N", title=_("Curve")),
                alt.Tooltip("accounts:Q", title=_("Top accounts"), format=",d"),
                alt.Tooltip("account_share:Q", title=_("Share of accounts"), format=".1%"),
                alt.Tooltip("value_share:Q", title=_("Share of value"), format=".1%"),
            ],
        )
    )
    subtitle = _("Shaded: your tiers. Dashed: 20% of accounts and 80% of value.")
    return alt.layer(_tier_bands(cut_params(k_a, k_ab, n)), *_guides(first), line).properties(
        title=alt.Title(title or _("How concentrated is your business?"), subtitle=subtitle)
    )


def whale_chart(
    curve: pd.DataFrame,
    *,
    value_label: str | None = None,
    title: str | None = None,
) -> alt.LayerChart:
    """Return the whale curve: cumulative profit rising above 100% and falling back.

    The peak is marked: the profit the best accounts make before the loss-making ones give part
    of it back.
    """
    value_label = value_label or _("gross profit")
    data = lean(curve, CURVE_COLUMNS)
    peak_text = _("Peak: {share} of {value}")
    peak = data.loc[[data["value_share"].idxmax()]].assign(
        label=lambda p: [
            peak_text.format(share=fmt.share(share), value=value_label)
            for share in p["value_share"]
        ]
    )
    x = alt.X(
        "account_share:Q",
        title=_("Share of accounts, most profitable first"),
        axis=alt.Axis(format="%"),
        scale=alt.Scale(domain=[0, 1], nice=False),
    )
    y = alt.Y(
        "value_share:Q",
        title=_("Cumulative share of {value}").format(value=value_label),
        axis=alt.Axis(format="%"),
    )
    line = (
        alt.Chart(data)
        .mark_line(color=INK)
        .encode(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip("accounts:Q", title=_("Top accounts"), format=",d"),
                alt.Tooltip(
                    "value_share:Q",
                    title=_("Share of {value}").format(value=value_label),
                    format=".1%",
                ),
            ],
        )
    )
    hundred = (
        alt.Chart(pd.DataFrame({"y": [1.0]}))
        .mark_rule(strokeDash=[4, 4], color=MUTED)
        .encode(y="y:Q")
    )
    marker = alt.Chart(peak).mark_point(filled=True, size=90, color=BAD).encode(x=x, y=y)
    # A peak far to the right gets its label on its left, so it stays inside the chart.
    on_left = bool(peak["account_share"].iloc[0] > 0.6)
    label = (
        alt.Chart(peak)
        .mark_text(
            align="right" if on_left else "left",
            dx=-8 if on_left else 8,
            dy=-8,
            color=BAD,
            fontWeight="bold",
        )
        .encode(x=x, y=y, text="label:N")
    )
    subtitle = _("Above 100%: the accounts after the peak lose part of what the best ones earn.")
    return alt.layer(hundred, line, marker, label).properties(
        title=alt.Title(title or _("Where profit is made, and where it is lost"), subtitle=subtitle)
    )
