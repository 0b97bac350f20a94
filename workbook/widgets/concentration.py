"""How concentrated your business is: the Pareto curve, the profit whale curve, in key figures."""

from __future__ import annotations

import ipywidgets as widgets

from workbook import analysis, charts
from workbook.coaching import wording
from workbook.i18n import N_, _
from workbook.widgets.base import Panel
from workbook.widgets.style import figure_html, look_for


class ConcentrationPanel(Panel):
    """The Pareto curves of revenue and profit and the whale curve, with the key figures.

    ``tiered`` may have a ``tier`` column (the bands then show the tiers); without one the
    default tiers are shown.
    """

    title = N_("See your Pareto curve")

    def __init__(self, accounts, *, metric: str = "revenue"):
        super().__init__(accounts)
        self.metric = metric
        self.headline = widgets.HTML()
        self.body = widgets.VBox()
        self.view = widgets.VBox([self.heading, self.message, self.headline, self.body])
        self.refresh()

    def _draw(self) -> None:
        accounts = self.tiered
        ranking = analysis.Ranking(accounts, self.metric)
        k_a, k_ab = ranking.cuts()
        figures = ranking.concentration()
        lines = [wording.concentration_headline(figures)]
        curves = {
            wording.metric_label(self.metric): analysis.pareto_curve(accounts, metric=self.metric)
        }
        has_profit = "gross_profit" in accounts.columns
        if has_profit and self.metric != "gross_profit":
            curves[wording.metric_label("gross_profit")] = analysis.pareto_curve(
                accounts, metric="gross_profit"
            )
            lines.append(
                wording.concentration_headline(
                    analysis.concentration(accounts, metric="gross_profit")
                )
            )
        self.headline.value = "".join(figure_html(line) for line in lines)
        body = [
            self.chart("pareto", charts.pareto_chart(curves, k_a=k_a, k_ab=k_ab, n=ranking.n)),
            look_for(
                _(
                    "how fast the curve climbs on the left. The steeper it is, the more your "
                    "business depends on a few accounts, and the more it pays to treat them "
                    "differently."
                )
            ),
        ]
        if has_profit:
            body += [
                self.chart("whale", charts.whale_chart(analysis.whale_curve(accounts))),
                look_for(
                    _(
                        "the peak above 100%: the profit your best accounts make before the "
                        "accounts that lose money give part of it back."
                    )
                ),
            ]
        self.body.children = body
