"""What C accounts cost: serving cost, net contribution, loss-makers, concessions per tier."""

from __future__ import annotations

import html

import ipywidgets as widgets

from workbook import charts, coaching
from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.i18n import N_, _, ngettext
from workbook.settings import PlanSettings
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, headings, look_for, number

LOSS_COLUMNS = {
    "account": (N_("Account"), "text"),
    "tier": (N_("Tier"), "text"),
    "gross_profit": (N_("Gross profit"), "money"),
    "serving_cost": (N_("Cost of serving"), "money"),
    "concessions": (N_("Concessions"), "money"),
    "net_contribution": (N_("Net contribution"), "money"),
}
TIER_COLUMNS = {
    "tier": (N_("Tier"), "text"),
    "accounts": (N_("Accounts"), "count"),
    "gross_profit": (N_("Gross profit"), "money"),
    "concessions": (N_("Concessions"), "money"),
    "service_hours": (N_("Service hours"), "number"),
    "serving_cost": (N_("Cost of serving"), "money"),
    "net_contribution": (N_("Net contribution"), "money"),
    "loss_making": (N_("Loss-making"), "count"),
}


def cost_sentence(cost: coaching.CostToServe) -> str:
    """Return the cost to serve in words: what the loss-makers cost and where they are."""
    tiers = cost.tiers
    if "net_contribution" not in tiers or tiers["net_contribution"].isna().all():
        return " ".join(
            [_("Cost to serve needs gross profit per account; this data has none."), *cost.notes]
        )
    losers = len(cost.loss_making)
    in_c = int(tiers.at["C", "loss_making"]) if "loss_making" in tiers else 0
    lose = ngettext(
        "{n} account loses money once the cost of serving it is counted: {total}, {in_c} of "
        "them in C.",
        "{n} accounts lose money once the cost of serving them is counted: {total} together, "
        "{in_c} of them in C.",
        losers,
    ).format(n=fmt.number(losers), total=fmt.number(cost.loss_total), in_c=fmt.number(in_c))
    c_net = tiers.at["C", "net_contribution"]
    left = (
        _("All your C accounts together leave {amount} after serving costs.")
        if c_net >= 0
        else _("Your C accounts together cost {amount} more than they earn.")
    ).format(amount=fmt.number(abs(c_net)))
    return f"{lose} {left}"


class CostPanel(Panel):
    """Hourly cost and minutes per service request in; serving cost and net contribution out."""

    title = N_("What C accounts really cost")

    def __init__(self, tiered, settings: PlanSettings | None = None, **choices):
        super().__init__(tiered)
        self._start = PlanSettings.of(settings, **choices)
        self.hourly_cost = number(
            _("Cost of an hour of your time"), self._start.hourly_cost, 1, 100_000, 50
        )
        self.minutes = number(
            _("Minutes per service request"), self._start.minutes_per_request, 0, 480, 5
        )
        self.includes = widgets.Checkbox(
            value=defaults.PROFIT_INCLUDES_CONCESSIONS,
            indent=False,
            description=_("My gross profit already has concessions taken off"),
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
                _(
                    "the green bar of C: small, or below zero. Concessions and small service "
                    "calls eat what little C accounts earn."
                )
            ),
        ]
        if cost.curve is not None:
            body += [
                self.chart(
                    "whale",
                    charts.whale_chart(
                        cost.curve,
                        value_label=_("net contribution"),
                        title=_("Net contribution: the whale curve"),
                    ),
                ),
                look_for(
                    _(
                        "how far the curve climbs above 100% before it falls: that is the "
                        "profit your best accounts earn and the loss-makers give back."
                    )
                ),
            ]
        self.body.children = body
        per_tier = cost.tiers.reset_index()
        self.tables.value = charts.html_table(
            per_tier, headings(TIER_COLUMNS, per_tier.columns), caption=_("Per tier")
        ) + charts.html_table(
            cost.loss_making,
            headings(LOSS_COLUMNS, cost.loss_making.columns),
            max_rows=15,
            caption=_("The accounts that lose money, biggest loss first"),
        )
        self.notes.value = "".join(
            f"<div class='wb-note'>{html.escape(n)}</div>" for n in cost.notes
        )
