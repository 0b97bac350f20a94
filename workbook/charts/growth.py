"""The B growth screen: revenue against room to grow, the few with real potential highlighted."""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts._data import lean
from workbook.charts.theme import MUTED, TIER_COLORS
from workbook.i18n import _

#: A scatter needs no more than this many points to be read; the flagged ones always come first.
MAX_POINTS = 400


def _y_field(screen_accounts: pd.DataFrame) -> tuple[str, str, str]:
    """Return the column to plot against revenue, its title and format: headroom, else growth."""
    if "headroom" in screen_accounts and screen_accounts["headroom"].notna().any():
        return "headroom", _("Room to grow (potential − revenue)"), ",.0f"
    if "growth" in screen_accounts and screen_accounts["growth"].notna().any():
        return "growth", _("Growth on last year"), ".0%"
    return "score", _("Growth score"), ".2f"


def growth_chart(
    accounts: pd.DataFrame,
    *,
    max_points: int = MAX_POINTS,
    title: str | None = None,
) -> alt.LayerChart:
    """Return revenue against headroom (or growth) for B accounts, the flagged ones highlighted.

    Parameters
    ----------
    accounts : DataFrame
        ``GrowthScreen.accounts``: account, revenue, headroom, growth, margin, score, flagged.
    max_points : int, default 400
        At most this many accounts reach the browser: every flagged one, then the best scores.
    """
    field, y_title, y_format = _y_field(accounts)
    real, other = _("Real potential (top 20%)"), _("Other B accounts")
    ordered = accounts.sort_values(
        ["flagged", "score"], ascending=[False, False], na_position="last"
    )
    shown = ordered.head(max_points)
    columns = [
        c
        for c in ("account", "revenue", "headroom", "growth", "margin", "score", "flagged")
        if c in shown.columns
    ]
    data = lean(shown, columns).assign(
        status=lambda f: f["flagged"].map({True: real, False: other})
    )
    status = alt.Color(
        "status:N",
        title=None,
        scale=alt.Scale(
            domain=[real, other],
            range=[TIER_COLORS["B"], "#c9d0d7"],
        ),
    )
    tooltip = [
        alt.Tooltip("account:N", title=_("Account")),
        alt.Tooltip("revenue:Q", format=",.0f", title=_("Revenue")),
    ]
    tooltip += [
        alt.Tooltip(f"{c}:Q", format=f, title=t)
        for c, f, t in (
            ("headroom", ",.0f", _("Room to grow")),
            ("growth", ".0%", _("Growth")),
            ("margin", ".0%", _("Margin")),
            ("score", ".2f", _("Score")),
        )
        if c in data.columns
    ]
    points = (
        alt.Chart(data)
        .mark_circle(size=80, opacity=0.9, stroke="white", strokeWidth=0.8)
        .encode(
            x=alt.X(
                "revenue:Q",
                title=_("Revenue"),
                scale=alt.Scale(type="log"),
                axis=alt.Axis(format="~s", labelOverlap="greedy"),
            ),
            y=alt.Y(
                f"{field}:Q",
                title=y_title,
                axis=alt.Axis(format="~s" if y_format == ",.0f" else y_format),
            ),
            color=status,
            order=alt.Order("flagged:N"),
            tooltip=tooltip,
        )
    )
    subtitle = _("Named: the accounts with the most potential.")
    if len(accounts) > len(shown):
        subtitle += (
            f" Showing {len(shown):,} of {len(accounts):,} B accounts: the flagged ones "
            "and the best scores."
        )
    names = (
        alt.Chart(data[data["flagged"]].head(12))
        .mark_text(align="left", dx=7, fontSize=11, color=MUTED)
        .encode(x="revenue:Q", y=f"{field}:Q", text="account:N")
    )
    return alt.layer(points, names).properties(
        width=540,
        height=340,
        title=alt.Title(title or _("Which B accounts can grow?"), subtitle=subtitle),
    )
