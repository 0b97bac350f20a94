"""Where your time goes: time against value per tier, the customers you like, the focus score."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import charts, coaching
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, look_for

SERVED_COLUMNS = {
    "account": ("Account", "text"),
    "tier": ("Tier", "text"),
    "time": ("Your time", "number"),
    "time_share": ("Share of time", "share"),
    "value_share": ("Share of value", "share"),
}


def focus_sentence(today: coaching.TimeVsValue) -> str:
    """Return the focus score in words: what it is and what it means."""
    if not today.available:
        return today.message
    score = today.score
    verdict = (
        "your time follows value closely"
        if score >= 0.8
        else "part of your time goes where the value is not"
        if score >= 0.6
        else "much of your time goes to accounts that bring little"
    )
    return (
        f"Your focus score is {score:.2f} (1 = your time follows value exactly): {verdict}. "
        f"{len(today.over_served)} accounts get far more time than their value; "
        f"{len(today.under_served)} A accounts get too little."
    )


class TimePanel(Panel):
    """Time against value per tier and per account, with the focus score."""

    title = "Where your time goes"

    def __init__(self, tiered, *, metric: str = "revenue"):
        super().__init__(tiered)
        self.metric = metric
        self.headline = widgets.HTML()
        self.tables = widgets.HTML()
        self.body = widgets.VBox()
        self.view = widgets.VBox(
            [self.heading, self.message, self.headline, self.body, self.tables]
        )
        self.refresh()

    def _draw(self) -> None:
        today = coaching.time_vs_value(self.tiered, metric=self.metric)
        self.today = today
        self.headline.value = figure_html(focus_sentence(today))
        if not today.available:
            self.body.children, self.tables.value = [], ""
            return
        self.body.children = [
            self.chart("tiers", charts.time_value_chart(today.tiers, metric=self.metric)),
            look_for(
                "a tier whose pale bar (time) is much taller than its solid bar (value). "
                "In most books that is B and C: they get the time A accounts need."
            ),
            self.chart("served", charts.served_chart(today.over_served, today.under_served)),
            look_for(
                "names you recognise as customers you enjoy visiting. Liking a customer is "
                "fine; giving them the time your best accounts need is not."
            ),
        ]
        self.tables.value = charts.html_table(
            today.over_served,
            SERVED_COLUMNS,
            max_rows=10,
            caption="Accounts that get far more time than their value",
        ) + charts.html_table(
            today.under_served,
            SERVED_COLUMNS,
            max_rows=10,
            caption="A accounts that get too little time",
        )
