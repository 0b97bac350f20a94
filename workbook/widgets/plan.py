"""Plan your week: hours and shares per tier, what each account gets, service levels, downloads."""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from workbook import charts, coaching, spreadsheet
from workbook.paths import slug
from workbook.schema import TIERS
from workbook.settings import PlanSettings
from workbook.widgets.base import Panel, message_html
from workbook.widgets.downloads import Download
from workbook.widgets.style import figure_html, look_for, number, slider

SERVICE_FIELDS = {
    "visits_per_year": "Visits a year",
    "visit_hours": "Hours a visit",
    "response_time": "Answer within",
    "channel": "Channel",
    "handled_by": "Who handles it",
    "concessions": "Concessions",
}
CHECK_COLUMNS = {
    "tier": ("Tier", "text"),
    "accounts": ("Accounts", "count"),
    "visits_per_year": ("Visits a year", "number"),
    "hours_needed": ("Hours needed", "number"),
    "hours_planned": ("Hours planned", "number"),
    "spare": ("Spare", "number"),
}


class ServiceLevelEditor:
    """The service level of each tier as a small grid of fields the person edits."""

    def __init__(self, levels: pd.DataFrame, on_change):
        self.fields: dict[tuple[str, str], widgets.Widget] = {}
        rows = [
            widgets.HBox(
                [widgets.HTML("<b>Tier</b>", layout=widgets.Layout(width="50px"))]
                + [
                    widgets.HTML(f"<b>{label}</b>", layout=widgets.Layout(width=self._width(name)))
                    for name, label in SERVICE_FIELDS.items()
                ]
            )
        ]
        for tier in TIERS:
            cells = [widgets.HTML(charts.tier_badge(tier), layout=widgets.Layout(width="50px"))]
            for name in SERVICE_FIELDS:
                value = levels.at[tier, name]
                if name in ("visits_per_year", "visit_hours"):
                    field = widgets.BoundedFloatText(
                        value=float(value),
                        min=0,
                        max=365,
                        step=0.5,
                        layout=widgets.Layout(width=self._width(name)),
                    )
                else:
                    field = widgets.Text(
                        value=str(value), layout=widgets.Layout(width=self._width(name))
                    )
                field.observe(on_change, "value")
                self.fields[tier, name] = field
                cells.append(field)
            rows.append(widgets.HBox(cells))
        self.view = widgets.VBox(rows)

    @staticmethod
    def _width(name: str) -> str:
        return "110px" if name in ("visits_per_year", "visit_hours") else "190px"

    def levels(self) -> pd.DataFrame:
        """Return the levels as edited (the table ``check_service_levels`` takes)."""
        rows = {
            tier: {name: self.fields[tier, name].value for name in SERVICE_FIELDS} for tier in TIERS
        }
        return pd.DataFrame.from_dict(rows, orient="index").rename_axis("tier")


class PlanPanel(Panel):
    """Hours a week, weeks and each tier's share of time; the plan, service levels and files."""

    title = "Plan your week"

    def __init__(
        self,
        tiered,
        settings: PlanSettings | None = None,
        *,
        owner: str = "",
        levels: pd.DataFrame | None = None,
        **choices,
    ):
        super().__init__(tiered)
        start = PlanSettings.of(settings, **choices)
        self._start = start
        self.owner = owner
        self.hours = slider("Selling hours a week", start.hours_per_week, 5, 60, 1)
        self.weeks = slider("Selling weeks a year", start.weeks, 10, 52, 1)
        self.share_a = slider("Share of time for A", start.share_a, 0, 1, 0.05, percent=True)
        self.share_b = slider("Share of time for B", start.share_b, 0, 1, 0.05, percent=True)
        self.share_c = widgets.HTML()
        self.visit_hours = {
            tier: number(
                f"Hours a {tier} visit",
                start.visit_hours[tier],
                0.25,
                8,
                0.25,
                label_width="110px",
                width="200px",
            )
            for tier in TIERS
        }
        for control in (
            self.hours,
            self.weeks,
            self.share_a,
            self.share_b,
            *self.visit_hours.values(),
        ):
            control.observe(self.refresh, "value")
        self.service = ServiceLevelEditor(
            coaching.default_service_levels() if levels is None else levels, self.refresh
        )
        self.headline = widgets.HTML()
        self.advice = widgets.HTML()
        self.body = widgets.VBox()
        self.service_check = widgets.HTML()
        self.outlook = widgets.HTML()
        self.downloads = [
            Download(
                "the plan per account (.xlsx)",
                lambda: self._filename("plan", "xlsx"),
                lambda: coaching.plan_export(
                    self.tiered, self.plan, ".xlsx", levels=self.service.levels()
                ),
                self.message,
            ),
            Download(
                "the tier list (.csv)",
                lambda: self._filename("tiers", "csv"),
                lambda: spreadsheet.csv_bytes(self._tier_list()),
                self.message,
            ),
            Download(
                "your week as a calendar (.ics)",
                lambda: self._filename("week", "ics"),
                lambda: coaching.weekly_schedule_ics(self.plan, owner=self.owner or None),
                self.message,
            ),
        ]
        controls = widgets.VBox(
            [
                self.hours,
                self.weeks,
                self.share_a,
                self.share_b,
                self.share_c,
                widgets.HBox(list(self.visit_hours.values())),
            ]
        )
        self.view = widgets.VBox(
            [
                self.heading,
                controls,
                self.message,
                self.headline,
                self.advice,
                self.body,
                widgets.HTML(
                    "<div class='wb-section' style='font-size:17px'>Service level per tier</div>"
                    "<div class='wb-note'>Like an airline's status tiers: edit the fields; the "
                    "visits are checked against your plan's hours.</div>"
                ),
                self.service.view,
                self.service_check,
                self.outlook,
                widgets.HTML(
                    "<div class='wb-section' style='font-size:17px'>Take it with you</div>"
                ),
                *[d.view for d in self.downloads],
            ]
        )
        self.refresh()

    @property
    def settings(self) -> PlanSettings:
        """The plan settings the controls show now (checked: a bad mix raises SettingsError)."""
        return PlanSettings.of(
            self._start,
            hours_per_week=self.hours.value,
            weeks=self.weeks.value,
            share_a=self.share_a.value,
            share_b=self.share_b.value,
            visit_hours={t: w.value for t, w in self.visit_hours.items()},
        )

    def _filename(self, what: str, suffix: str) -> str:
        return f"{slug(self.owner, fallback='my')}-{what}.{suffix}"

    def _tier_list(self) -> pd.DataFrame:
        columns = [
            c
            for c in (
                "account_id",
                "account",
                "rank",
                "tier",
                "pinned",
                "pin_reason",
                "revenue",
                "gross_profit",
                "owner",
            )
            if c in self.tiered.columns
        ]
        ordered = self.tiered.sort_values("rank") if "rank" in self.tiered.columns else self.tiered
        return ordered[columns]

    def _draw(self) -> None:
        share_c = max(round(1 - self.share_a.value - self.share_b.value, 10), 0.0) + 0.0  # no -0%
        self.share_c.value = (
            f"<div class='wb-note' style='margin-left:174px'>C gets the rest: {share_c:.0%}</div>"
        )
        for download in self.downloads:
            download.stale()
        self.plan = coaching.plan_time(self.tiered, self.settings)
        self.headline.value = figure_html(self.plan.summary)
        kind = "success" if self.plan.feasible else "warning"
        self.advice.value = "".join(message_html(m, kind) for m in self.plan.messages)
        body = [
            self.chart("plan", charts.plan_chart(self.plan.tiers)),
            look_for(
                "whether each A account gets enough visits (at least monthly) and that no B "
                "account is forgotten. C accounts get other channels, not your field time."
            ),
        ]
        today = coaching.time_vs_value(self.tiered)
        if today.available:
            freed = coaching.hours_freed(today, self.plan)
            body += [
                self.chart("hours", charts.hours_change_chart(freed.table)),
                widgets.HTML(f"<div class='wb-note'>{freed.basis}</div>"),
            ]
        self.body.children = body
        check = coaching.check_service_levels(self.service.levels(), self.plan)
        self.service_check.value = charts.html_table(
            check.table.reset_index(), CHECK_COLUMNS
        ) + "".join(message_html(m, "warning") for m in check.messages)
        outlook = coaching.before_after(self.tiered, self.plan)
        rows = outlook.table.rename_axis("when").reset_index()
        self.outlook.value = charts.html_table(
            rows,
            {
                "when": ("", "text"),
                "selling_hours": ("Selling hours", "number"),
                "selling_cost": ("Cost of selling time", "money"),
                "revenue": ("Revenue", "money"),
                "cost_per_revenue": ("Selling cost per unit of revenue", "share"),
            },
            tier_column=None,
            caption="Selling cost per unit of revenue: today and with the plan",
        )
