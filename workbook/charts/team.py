"""The team side by side: one bar per salesperson for one measure, one person highlighted."""

from __future__ import annotations

import altair as alt
import pandas as pd

from workbook.charts._data import lean
from workbook.charts.theme import INK, MUTED, TIER_COLORS
from workbook.i18n import N_, _

#: The measures of ``team_overview`` a facilitator compares: title (translated where shown), axis
#: format, what is better.
TEAM_MEASURES: dict[str, tuple[str, str, str]] = {
    "focus_score": (N_("Focus score (1 = time follows the plan)"), ".2f", "higher"),
    "time_share_a": (N_("Share of selling time on A accounts"), ".0%", "higher"),
    "top20_share": (N_("Share of value from the top 20% of accounts"), ".0%", "neither"),
    "loss_making": (N_("Accounts that cost more to serve than they earn"), ",.0f", "lower"),
    "gini": (N_("Gini: how unequal the accounts are"), ".2f", "neither"),
}


def team_chart(
    overview: pd.DataFrame, *, measure: str = "focus_score", highlight: str = ""
) -> alt.LayerChart:
    """Return one bar per salesperson for ``measure``, with the team's median as a line.

    Parameters
    ----------
    overview : pandas.DataFrame
        From ``workbook.coaching.team.team_overview`` (``owner`` and the measure).
    measure : str, default "focus_score"
        One of ``TEAM_MEASURES``.
    highlight : str, default ""
        A salesperson to pick out (matched ignoring case); empty: nobody.

    Returns
    -------
    altair.LayerChart
        Bars (sorted, best first) and a rule at the median; salespeople without the measure are
        left out.

    Examples
    --------
    >>> overview = pd.DataFrame({"owner": ["Ingrid Berg", "Lars Haugen", "Ola Dahl", "Nora Lie"],
    ...                          "focus_score": [0.81, 0.42, 0.66, float("nan")]})
    >>> spec = team_chart(overview, highlight="ola dahl").to_dict()
    >>> [(row["owner"], row["who"]) for row in spec["datasets"][spec["data"]["name"]]]
    [('Ingrid Berg', 'team'), ('Lars Haugen', 'team'), ('Ola Dahl', 'you')]
    >>> spec["layer"][0]["mark"]["type"], spec["layer"][0]["encoding"]["x"]["field"]
    ('bar', 'focus_score')
    """
    if measure not in TEAM_MEASURES:
        raise ValueError(f"unknown measure {measure!r}: choose one of {', '.join(TEAM_MEASURES)}")
    title, fmt, better = TEAM_MEASURES[measure]
    title = _(title)
    known = overview.dropna(subset=[measure])
    wanted = highlight.strip().casefold()
    data = lean(known, ["owner", measure]).assign(
        who=[
            ("you" if wanted and str(o).strip().casefold() == wanted else "team")
            for o in known["owner"]
        ]
    )
    order = "-x" if better != "lower" else "x"
    bars = (
        alt.Chart(data)
        .mark_bar(cornerRadiusEnd=3, height={"band": 0.7})
        .encode(
            x=alt.X(f"{measure}:Q", title=None, axis=alt.Axis(format=fmt)),
            y=alt.Y("owner:N", title=None, sort=order),
            color=alt.Color(
                "who:N",
                legend=None,
                scale=alt.Scale(domain=["you", "team"], range=[TIER_COLORS["B"], TIER_COLORS["A"]]),
            ),
            tooltip=[
                alt.Tooltip("owner:N", title=_("Salesperson")),
                alt.Tooltip(f"{measure}:Q", format=fmt, title=title),
            ],
        )
    )
    median = (
        alt.Chart(data)
        .mark_rule(color=INK, strokeDash=[4, 3])
        .encode(
            x=alt.X(f"median({measure}):Q"),
            tooltip=[alt.Tooltip(f"median({measure}):Q", format=fmt, title=_("Team median"))],
        )
    )
    subtitle = {
        "higher": _("Dashed line: the team's median. Higher is better."),
        "lower": _("Dashed line: the team's median. Lower is better."),
    }.get(better, _("Dashed line: the team's median."))
    return alt.layer(bars, median).properties(
        title=alt.Title(title, subtitle=subtitle, subtitleColor=MUTED),
        height=alt.Step(28),
    )
