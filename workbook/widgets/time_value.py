"""Where your time goes: today against the plan (the focus score), time against value per tier
(the drift toward the customers you like), and the accounts furthest from the plan."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import charts, coaching
from workbook import formatting as fmt
from workbook.i18n import N_, _, ngettext
from workbook.settings import PlanSettings
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, headings, look_for

SERVED_COLUMNS = {
    "account": (N_("Account"), "text"),
    "tier": (N_("Tier"), "text"),
    "time": (N_("Your hours"), "number"),
    "time_share": (N_("Share of your time"), "share"),
    "planned_share": (N_("Share in the plan"), "share"),
    "value_share": (N_("Share of value"), "share"),
}


def focus_sentence(today: coaching.TimeVsValue) -> str:
    """Return the focus score in words: what it is and what it means."""
    if not today.available:
        return today.message
    score = today.score
    verdict = (
        _("your time follows your plan closely")
        if score >= 0.8
        else _("part of your time goes where the plan does not put it")
        if score >= 0.6
        else _("much of your time goes to accounts the plan gives little")
    )
    return " ".join(
        [
            _(
                "Your focus score is {score} (1 = your time follows your plan exactly; following "
                "it scores 1): {verdict}."
            ).format(score=fmt.fixed(score, 2), verdict=verdict),
            ngettext(
                "{n} account gets far more time than the plan gives it;",
                "{n} accounts get far more time than the plan gives them;",
                len(today.over_served),
            ).format(n=fmt.number(len(today.over_served))),
            ngettext(
                "{n} account gets far less.", "{n} accounts get far less.", len(today.under_served)
            ).format(n=fmt.number(len(today.under_served))),
        ]
    )


class TimePanel(Panel):
    """Today's time against the plan and against value, per tier and per account."""

    title = N_("Where your time goes")

    def __init__(self, tiered, *, metric: str = "revenue", settings: PlanSettings | None = None):
        super().__init__(tiered)
        self.metric = metric
        self.settings = settings
        self.headline = widgets.HTML()
        self.tables = widgets.HTML()
        self.body = widgets.VBox()
        self.view = widgets.VBox(
            [self.heading, self.message, self.headline, self.body, self.tables]
        )
        self.refresh()

    def _draw(self) -> None:
        plan = coaching.plan_time(self.tiered, self.settings, metric=self.metric)
        today = coaching.time_vs_value(self.tiered, metric=self.metric, plan=plan)
        self.today = today
        self.headline.value = figure_html(focus_sentence(today))
        if not today.available:
            self.body.children, self.tables.value = [], ""
            return
        self.body.children = [
            self.chart("tiers", charts.time_value_chart(today.tiers, metric=self.metric)),
            look_for(
                _(
                    "a tier whose pale bar (time) is much taller than its solid bar (value). In "
                    "most books that is B and C: they get the time A accounts need."
                )
            ),
            self.chart("served", charts.served_chart(today.over_served, today.under_served)),
            look_for(
                _(
                    "names you recognise as customers you enjoy visiting. Liking a customer is "
                    "fine; giving them the time your best accounts need is not."
                )
            ),
        ]
        columns = headings(SERVED_COLUMNS)
        self.tables.value = charts.html_table(
            today.over_served,
            columns,
            max_rows=10,
            caption=_("Accounts that get far more time than the plan gives them"),
        ) + charts.html_table(
            today.under_served,
            columns,
            max_rows=10,
            caption=_("Accounts that get far less time than the plan gives them"),
        )
