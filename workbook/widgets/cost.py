"""What C accounts cost: serving cost, net contribution, loss-makers, concessions per tier."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import charts, coaching
from workbook import settings as defaults
from workbook.charts.tables import format_value
from workbook.settings import PlanSettings
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, look_for, number

LOSS_COLUMNS = {
    "account": ("Account", "text"),
    "tier": ("Tier", "text"),
    "gross_profit": ("Gross profit", "money"),
    "serving_cost": ("Cost of serving", "money"),
    "concessions": ("Concessions", "money"),
    "net_contribution": ("Net contribution", "money"),
}
TIER_COLUMNS = {
    "tier": ("Tier", "text"),
    "accounts": ("Accounts", "count"),
    "gross_profit": ("Gross profit", "money"),
    "concessions": ("Concessions", "money"),
    "service_hours": ("Service hours", "number"),
    "serving_cost": ("Cost of serving", "money"),
    "net_contribution": ("Net contribution", "money"),
    "loss_making": ("Loss-making", "count"),
}


def cost_sentence(cost: coaching.CostToServe) -> str:
    """Return the cost to serve in words: what the loss-makers cost and where they are."""
    tiers = cost.tiers
    if "net_contribution" not in tiers or tiers["net_contribution"].isna().all():
        return "Cost to serve needs gross profit per account; this data has none. " + " ".join(
            cost.notes
        )
    losers = len(cost.loss_making)
    in_c = int(tiers.at["C", "loss_making"]) if "loss_making" in tiers else 0
    text = (
        f"{losers} accounts lose money once the cost of serving them is counted: "
        f"{format_value(cost.loss_total, 'money')} together, {in_c} of them in C. "
    )
    c_net = tiers.at["C", "net_contribution"]
    text += (
        f"All your C accounts together leave {format_value(c_net, 'money')} after serving costs."
        if c_net >= 0
        else f"Your C accounts together cost {format_value(-c_net, 'money')} more than they earn."
    )
    return text


class CostPanel(Panel):
    """Hourly cost and minutes per service request in; serving cost and net contribution out."""

    title = "What C accounts really cost"

    def __init__(self, tiered, settings: PlanSettings | None = None, **choices):
        super().__init__(tiered)
        self._start = PlanSettings.of(settings, **choices)
        self.hourly_cost = number(
            "Cost of an hour of your time", self._start.hourly_cost, 1, 100_000, 50
        )
        self.minutes = number(
            "Minutes per service request", self._start.minutes_per_request, 0, 480, 5
        )
        self.includes = widgets.Checkbox(
            value=defaults.PROFIT_INCLUDES_CONCESSIONS,
            indent=False,
            description="My gross profit already has concessions taken off",
            layout=widgets.Layout(width="auto"),
        )
        for control in (self.hourly_cost, self.minutes, self.includes):
            control.observe(self.refresh, "value")
        self.headline = widgets.HTML()
        self.notes = widgets.HTML()
        self.body = widgets.VBox()
        self.tables = widgets.HTML()
        controls = widgets.VBox([self.hourly_cost, self.minutes, self.includes])
        self.view = widgets.VBox(
            [
                self.heading,
                controls,
                self.message,
                self.headline,
                self.body,
                self.tables,
                self.notes,
            ]
        )
        self.refresh()

    @property
    def settings(self) -> PlanSettings:
        """The plan settings with the hourly cost and minutes per request the fields show."""
        return PlanSettings.of(
            self._start, hourly_cost=self.hourly_cost.value, minutes_per_request=self.minutes.value
        )

    def _draw(self) -> None:
        cost = coaching.cost_to_serve(
            self.tiered, self.settings, profit_includes_concessions=self.includes.value
        )
        self.cost = cost
        self.headline.value = figure_html(cost_sentence(cost))
        body = [
            self.chart("tiers", charts.cost_chart(cost.tiers)),
            look_for(
                "the green bar of C: small, or below zero. Concessions and small service "
                "calls eat what little C accounts earn."
            ),
        ]
        if cost.curve is not None:
            body += [
                self.chart(
                    "whale",
                    charts.whale_chart(
                        cost.curve,
                        value_label="net contribution",
                        title="Net contribution: the whale curve",
                    ),
                ),
                look_for(
                    "how far the curve climbs above 100% before it falls: that is the "
                    "profit your best accounts earn and the loss-makers give back."
                ),
            ]
        self.body.children = body
        shown = {k: v for k, v in TIER_COLUMNS.items() if k == "tier" or k in cost.tiers.columns}
        self.tables.value = charts.html_table(
            cost.tiers.reset_index(), shown, caption="Per tier"
        ) + charts.html_table(
            cost.loss_making,
            {k: v for k, v in LOSS_COLUMNS.items() if k in cost.loss_making.columns},
            max_rows=15,
            caption="The accounts that lose money, biggest loss first",
        )
        self.notes.value = "".join(f"<div class='wb-note'>{n}</div>" for n in cost.notes)
