"""Growth in B: the few B accounts with real room to grow, with weights you set."""

from __future__ import annotations

import html

import ipywidgets as widgets

from workbook import charts, coaching
from workbook import settings as defaults
from workbook.i18n import N_, _
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, headings, look_for, slider

FLAGGED_COLUMNS = {
    "account": (N_("Account"), "text"),
    "revenue": (N_("Revenue"), "money"),
    "headroom": (N_("Room to grow"), "money"),
    "growth": (N_("Growth"), "share"),
    "margin": (N_("Margin"), "share"),
    "score": (N_("Score"), "number"),
}
WEIGHT_LABELS = {
    "headroom": N_("Room to grow"),
    "growth": N_("Recent growth"),
    "margin": N_("Margin"),
}


class GrowthPanel(Panel):
    """Weights for headroom, growth and margin; the flagged B accounts in a chart and a table."""

    title = N_("Find growth in B")

    def __init__(self, tiered, *, weights: dict[str, float] | None = None):
        super().__init__(tiered)
        start = {**defaults.GROWTH_WEIGHTS, **(weights or {})}
        self.weights = {
            name: slider(_(label), start[name], 0, 1, 0.05, label_width="120px")
            for name, label in WEIGHT_LABELS.items()
        }
        for control in self.weights.values():
            control.observe(self.refresh, "value")
        self.headline = widgets.HTML()
        self.body = widgets.VBox()
        self.table = widgets.HTML()
        self.notes = widgets.HTML()
        self.view = widgets.VBox(
            [
                self.heading,
                widgets.HTML(f"<b>{html.escape(_('How much each sign of potential counts'))}</b>"),
                *self.weights.values(),
                self.message,
                self.headline,
                self.body,
                self.table,
                self.notes,
            ]
        )
        self.refresh()

    def _draw(self) -> None:
        weights = {name: slider.value for name, slider in self.weights.items()}
        if not any(weights.values()):
            raise ValueError(_("Give at least one sign of potential a weight above 0."))
        screen = coaching.growth_screen(self.tiered, weights=weights)
        self.screen = screen
        self.headline.value = figure_html(screen.message)
        if len(screen.accounts) == 0:
            self.body.children, self.table.value = [], ""
        else:
            self.body.children = [
                self.chart("growth", charts.growth_chart(screen.accounts)),
                look_for(
                    _(
                        "the orange dots high up: B accounts with a big wallet you do not yet "
                        "have. Those few deserve more of your B time; the grey ones less."
                    )
                ),
            ]
            self.table.value = charts.html_table(
                screen.flagged,
                headings(FLAGGED_COLUMNS, screen.flagged.columns),
                tier_column=None,
                max_rows=25,
                caption=_("The B accounts with real potential"),
            )
        self.notes.value = "".join(
            "<div class='wb-note'>"
            + html.escape(_("Could not judge: {what}").format(what=n))
            + "</div>"
            for n in screen.could_not_judge
        )
