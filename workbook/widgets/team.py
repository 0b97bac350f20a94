"""The team side by side, for a trainer or a manager: pick a measure, see every salesperson."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from workbook import formatting as fmt
from workbook.charts.team import TEAM_MEASURES, team_chart
from workbook.i18n import N_, _
from workbook.widgets.base import Panel
from workbook.widgets.style import look_for

#: The dropdown's labels, and what to look for in each measure.
MEASURE_GUIDE = {
    "focus_score": (
        N_("Focus score"),
        N_(
            "who is far below the dashed line: their time does not follow their value. "
            "Ask what takes their time; the answer is rarely laziness, often habit."
        ),
    ),
    "time_share_a": (
        N_("Time on A accounts"),
        N_(
            "who gives A accounts well under half their time. The plan asks for about "
            "80%; the gap is the hours to move."
        ),
    ),
    "top20_share": (
        N_("Top 20% share"),
        N_(
            "how alike the books are. A low share means a flatter book: the 80/20 split "
            "matters less there, and the tiers may need other thresholds."
        ),
    ),
    "loss_making": (
        N_("Loss-making accounts"),
        N_(
            "who carries many accounts that cost more to serve than they earn: a "
            "candidate for handing C accounts to inside sales."
        ),
    ),
    "gini": (
        N_("Gini"),
        N_(
            "the same story as the top 20% share in one number: 0 when every account is worth "
            "the same, towards 1 when a few hold everything."
        ),
    ),
}


class TeamPanel(Panel):
    """Every salesperson on one measure of ``team_overview``, one of them highlighted.

    Parameters
    ----------
    overview : pandas.DataFrame
        From ``workbook.coaching.team.team_overview``.
    owner : str, default ""
        The salesperson to highlight (empty: nobody).
    measure : str, default "focus_score"
        The measure shown first.
    """

    title = N_("Your team, side by side")

    def __init__(self, overview: pd.DataFrame, *, owner: str = "", measure: str = "focus_score"):
        super().__init__(overview)
        self.owner = owner
        known = [m for m in TEAM_MEASURES if overview[m].notna().any()]
        self.measure = widgets.Dropdown(
            options=[(_(MEASURE_GUIDE[m][0]), m) for m in known],
            value=measure if measure in known else (known[0] if known else None),
            description=_("Compare"),
            style={"description_width": "70px"},
        )
        self.measure.observe(self.refresh, "value")
        self.body = widgets.VBox()
        self.view = widgets.VBox([self.heading, self.measure, self.message, self.body])
        self.refresh()

    def _draw(self) -> None:
        overview = self.tiered  # the panel's data: here one row per salesperson
        names = {str(o).strip().casefold() for o in overview["owner"]}
        if self.owner.strip() and self.owner.strip().casefold() not in names:
            self.message.show(
                _(
                    '"{owner}" is not in this file, so nobody is highlighted. The '
                    "salespeople are: {names}."
                ).format(owner=self.owner, names=fmt.listing(list(overview["owner"]))),
                "warning",
            )
        if self.measure.value is None:
            self.body.children = []
            return
        measure = self.measure.value
        self.body.children = [
            self.chart("team", team_chart(overview, measure=measure, highlight=self.owner)),
            look_for(_(MEASURE_GUIDE[measure][1])),
        ]
