"""Where time goes against where value is: per tier, and the accounts furthest apart.

Time share and value share sit side by side in the tier's colour: value solid, time pale. A tier
whose pale bar is taller than its solid one gets more of your time than its value.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts._data import lean
from workbook.charts.theme import INK, MUTED, tier_scale
from workbook.coaching.wording import metric_label
from workbook.i18n import N_, _

#: The tooltip's title of each value the paired bars show (translated where shown).
VALUE_TITLES = {"share": N_("Share"), "hours": N_("Hours")}


def _shares_long(tiers: pd.DataFrame, columns: dict[str, str]) -> pd.DataFrame:
    """Return per-tier shares as long rows (tier, measure, share) for grouped bars."""
    rows = [
        {"tier": str(tier), "measure": label, "share": float(row[column])}
        for tier, row in tiers.iterrows()
        for column, label in columns.items()
    ]
    return pd.DataFrame(rows)


def time_value_chart(
    tiers: pd.DataFrame,
    *,
    metric: str = "revenue",
    title: str | None = None,
) -> alt.Chart:
    """Return grouped bars of each tier's share of time and share of value.

    Parameters
    ----------
    tiers : DataFrame
        Indexed A, B, C with ``time_share`` and ``value_share`` (``TimeVsValue.tiers``).
    metric : str, default "revenue"
        What value is measured in, for the labels.
    """
    value, time = _("Share of value"), _("Share of time")
    data = _shares_long(tiers, {"value_share": value, "time_share": time})
    subtitle = _("Solid: share of {value}. Pale: share of your time.").format(
        value=metric_label(metric)
    )
    return paired_tier_bars(
        data,
        pair="measure",
        solid=value,
        pale=time,
        value="share",
        value_format="%",
        label_format=".0%",
        value_title=None,
    ).properties(
        width=420,
        height=280,
        title=alt.Title(
            title or _("Where your time goes, and where the value is"), subtitle=subtitle
        ),
    )


def paired_tier_bars(
    data: pd.DataFrame,
    *,
    pair: str,
    solid: str,
    pale: str,
    value: str,
    value_format: str,
    label_format: str,
    value_title: str | None,
) -> alt.LayerChart:
    """Return two bars per tier, in the tier's colour: ``pale`` (e.g. today) next to ``solid``.

    ``data`` has one row per tier and pair member: ``tier``, the ``pair`` column (holding
    ``solid`` or ``pale``) and the ``value`` column.
    """
    order = [pale, solid] if pair == "when" else [solid, pale]
    encode = dict(
        x=alt.X(
            "tier:N", title=None, axis=alt.Axis(labelFontSize=14, labelFontWeight=700, labelAngle=0)
        ),
        xOffset=alt.XOffset(f"{pair}:N", sort=order),
        y=alt.Y(f"{value}:Q", title=value_title, axis=alt.Axis(format=value_format)),
    )
    opacity = alt.Scale(domain=order, range=[1.0 if member == solid else 0.38 for member in order])
    bars = (
        alt.Chart(data)
        .mark_bar(width={"band": 0.9})
        .encode(
            **encode,
            color=alt.Color("tier:N", scale=tier_scale(), legend=None),
            opacity=alt.Opacity(f"{pair}:N", scale=opacity, title=None),
            tooltip=[
                alt.Tooltip("tier:N", title=_("Tier")),
                alt.Tooltip(f"{pair}:N", title=""),
                alt.Tooltip(
                    f"{value}:Q", format=label_format, title=_(VALUE_TITLES.get(value, value))
                ),
            ],
        )
    )
    labels = (
        alt.Chart(data)
        .mark_text(dy=-7, color=INK)
        .encode(**encode, text=alt.Text(f"{value}:Q", format=label_format))
    )
    return alt.layer(bars, labels)


def served_chart(
    over: pd.DataFrame,
    under: pd.DataFrame,
    *,
    top: int = 8,
    title: str | None = None,
) -> alt.LayerChart:
    """Return a dot plot of the most over-served and the most under-served accounts.

    Each account is a line from its share of the plan's hours (dot in its tier's colour) to its
    share of your time today (dark ring): a long line to the right means far more time than the
    plan gives it.

    Parameters
    ----------
    over, under : DataFrame
        ``TimeVsValue.over_served`` and ``.under_served`` (account, tier, time_share,
        planned_share).
    top : int, default 8
        How many of each to show (only these rows reach the browser).
    """
    title = title or _("The accounts furthest from your plan")
    more, less = _("More time than the plan gives them"), _("Less time than the plan gives them")
    parts = []
    for frame, group in ((over, more), (under, less)):
        if len(frame):
            ordered = frame.reindex(frame["gap"].abs().sort_values(ascending=False).index).head(top)
            parts.append(
                lean(ordered, ["account", "tier", "time_share", "planned_share"]).assign(
                    group=group
                )
            )
    if not parts:
        return (
            alt.Chart(
                pd.DataFrame({"text": [_("Your time follows your plan: no account stands out.")]})
            )
            .mark_text(fontSize=14, color=MUTED)
            .encode(text="text:N")
            .properties(title=title, height=60)
        )
    data = pd.concat(parts, ignore_index=True)
    y = alt.Y("account:N", title=None, sort=None)
    x_title = _("Share of your time (ring) against the plan's share (dot)")
    base = alt.Chart(data)
    line = base.mark_rule(color="#b8c1ca", strokeWidth=3).encode(
        y=y, x=alt.X("planned_share:Q", title=x_title, axis=alt.Axis(format="%")), x2="time_share:Q"
    )
    planned = base.mark_point(filled=True, size=110, opacity=1).encode(
        y=y,
        x="planned_share:Q",
        color=alt.Color("tier:N", scale=tier_scale(), title=_("Tier")),
        tooltip=[
            alt.Tooltip("account:N", title=_("Account")),
            alt.Tooltip("tier:N", title=_("Tier")),
            alt.Tooltip("planned_share:Q", format=".2%", title=_("Share in the plan")),
            alt.Tooltip("time_share:Q", format=".2%", title=_("Share of your time")),
        ],
    )
    time = base.mark_point(size=110, strokeWidth=2.5, color=INK).encode(y=y, x="time_share:Q")
    return (
        alt.layer(line, planned, time)
        .properties(width=460, height=alt.Step(22))
        .facet(
            row=alt.Row(
                "group:N",
                title=None,
                sort=[more],
                header=alt.Header(
                    labelAngle=0,
                    labelAlign="left",
                    labelAnchor="start",
                    labelFontWeight=600,
                    labelOrient="top",
                ),
            )
        )
        .resolve_scale(y="independent")
        .properties(
            title=alt.Title(
                title,
                subtitle=_(
                    "The customers you like are often here: small accounts that get far more "
                    "time than the plan gives them."
                ),
            )
        )
    )


def hours_change_chart(table: pd.DataFrame, *, title: str | None = None) -> alt.Chart:
    """Return grouped bars of each tier's hours today and under the plan.

    Parameters
    ----------
    table : DataFrame
        Indexed A, B, C with ``today`` and ``plan`` hours (``HoursFreed.table``).
    """
    today, planned = _("Today"), _("Plan")
    rows = [
        {"tier": str(t), "when": when, "hours": float(row[col])}
        for t, row in table.iterrows()
        for col, when in (("today", today), ("plan", planned))
    ]
    data = pd.DataFrame(rows)
    return paired_tier_bars(
        data,
        pair="when",
        solid=planned,
        pale=today,
        value="hours",
        value_format=",.0f",
        label_format=",.0f",
        value_title=_("Hours a year"),
    ).properties(
        width=420,
        height=260,
        title=alt.Title(
            title or _("Your hours a year: today and in the plan"),
            subtitle=_("Pale: today. Solid: the plan."),
        ),
    )
