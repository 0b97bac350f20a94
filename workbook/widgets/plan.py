"""Plan your week: hours for new customers and per tier, what each account gets and how that
follows value, today against the plan, service levels, the before/after, the visit rota and the
downloads."""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as widgets
import pandas as pd

from workbook import charts, coaching, spreadsheet
from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching.plan import compare_allocations
from workbook.coaching.schedule import monday_of
from workbook.i18n import N_, _
from workbook.paths import slug
from workbook.schema import TIERS
from workbook.settings import PlanSettings
from workbook.widgets.base import Panel, message_html
from workbook.widgets.downloads import Download
from workbook.widgets.style import figure_html, headings, look_for, number, slider

SERVICE_FIELDS = {
    "visits_per_year": N_("Visits a year, at least"),
    "visit_hours": N_("Hours a visit"),
    "response_time": N_("Answer within"),
    "channel": N_("Channel"),
    "handled_by": N_("Who handles it"),
    "concessions": N_("Concessions"),
}
CHECK_COLUMNS = {
    "tier": (N_("Tier"), "text"),
    "accounts": (N_("Accounts"), "count"),
    "visits_per_year": (N_("Visits a year"), "number"),
    "hours_needed": (N_("Hours needed"), "number"),
    "hours_planned": (N_("Hours planned"), "number"),
    "spare": (N_("Spare"), "number"),
}


class ServiceLevelEditor:
    """The service level of each tier as a small grid of fields the person edits."""

    def __init__(self, levels: pd.DataFrame, on_change):
        self.fields: dict[tuple[str, str], widgets.Widget] = {}
        rows = [
            widgets.HBox(
                [widgets.HTML(f"<b>{_('Tier')}</b>", layout=widgets.Layout(width="50px"))]
                + [
                    widgets.HTML(
                        f"<b>{html.escape(_(label))}</b>",
                        layout=widgets.Layout(width=self._width(name)),
                    )
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


#: The countries the holidays control offers (any code of the ``holidays`` package works in the
#: settings); the rota leaves their public holidays free.
HOLIDAY_CHOICES = (
    (N_("Norway"), "NO"),
    (N_("Sweden"), "SE"),
    (N_("Denmark"), "DK"),
    (N_("Finland"), "FI"),
    (N_("United Kingdom"), "GB"),
    (N_("Germany"), "DE"),
    (N_("none"), "none"),
)
#: The biggest accounts the panel lists (the plan per account download has them all).
LISTED = 15
ACCOUNT_COLUMNS = {
    "account": (N_("Account"), "text"),
    "tier": (N_("Tier"), "text"),
    "value_share": (N_("Share of value"), "share"),
    "visits_per_year": (N_("Visits a year"), "count"),
    "cadence": (N_("Cadence"), "text"),
    "channel": (N_("Channel"), "text"),
    "planned_hours": (N_("Hours in the plan"), "number"),
    "time": (N_("Hours today"), "number"),
}


class PlanPanel(Panel):
    """Hours a week, weeks, prospecting and each tier's share; how a tier's hours go to its
    accounts; the plan per account, today against it, service levels, the rota and the files."""

    title = N_("Plan your week")

    def __init__(
        self,
        tiered,
        settings: PlanSettings | None = None,
        *,
        owner: str = "",
        levels: pd.DataFrame | None = None,
        metric: str = "revenue",
        **choices,
    ):
        super().__init__(tiered)
        start = PlanSettings.of(settings, **choices)
        self._start = start
        self.owner = owner
        self.metric = metric
        self.hours = slider(_("Selling hours a week"), start.hours_per_week, 5, 60, 1)
        self.weeks = slider(_("Selling weeks a year"), start.weeks, 10, 52, 1)
        self.prospecting = slider(
            _("Kept for new customers"), start.prospecting_share, 0, 0.5, 0.05, percent=True
        )
        self.share_a = slider(_("Field time for A"), start.share_a, 0, 1, 0.05, percent=True)
        self.share_b = slider(_("Field time for B"), start.share_b, 0, 1, 0.05, percent=True)
        self.share_c = widgets.HTML()
        self.allocation = widgets.Dropdown(
            options=[
                (coaching.wording.allocation_label(key, short=True), key)
                for key in ("response", "equal", "value")
            ],
            value=start.allocation,
            description=_("Within a tier"),
            style={"description_width": "170px"},
            layout=widgets.Layout(width="460px"),
        )
        self.visit_hours = {
            tier: number(
                _("Hours per {tier} visit").format(tier=tier),
                start.visit_hours[tier],
                0.25,
                8,
                0.25,
                label_width="110px",
                width="200px",
            )
            for tier in TIERS
        }
        self.holidays = widgets.Dropdown(
            options=_holiday_options(start.holidays),
            value=start.holidays,
            description=_("Holidays of"),
            style={"description_width": "170px"},
            layout=widgets.Layout(width="360px"),
        )
        first, last = start.summer_break or defaults.SUMMER_BREAK
        self.summer = widgets.Checkbox(
            value=bool(start.summer_break),
            description=_("Summer break"),
            indent=False,
            layout=widgets.Layout(width="140px", margin="0 0 0 174px"),
        )
        self.summer_weeks = widgets.IntRangeSlider(
            value=(first, last),
            min=1,
            max=53,
            step=1,
            description=_("weeks"),
            continuous_update=False,
            style={"description_width": "50px"},
            layout=widgets.Layout(width="330px"),
        )
        self.rota_start = widgets.DatePicker(
            value=monday_of(dt.date.today()),
            description=_("Rota from"),
            style={"description_width": "170px"},
        )
        for control in (
            self.hours,
            self.weeks,
            self.prospecting,
            self.share_a,
            self.share_b,
            self.allocation,
            self.holidays,
            self.summer,
            self.summer_weeks,
            self.rota_start,
            *self.visit_hours.values(),
        ):
            control.observe(self.refresh, "value")
        self.service = ServiceLevelEditor(
            coaching.default_service_levels() if levels is None else levels, self.refresh
        )
        self.headline = widgets.HTML()
        self.advice = widgets.HTML()
        self.body = widgets.VBox()
        self.accounts = widgets.HTML()
        self.today_box = widgets.VBox()
        self.service_check = widgets.HTML()
        self.outlook = widgets.HTML()
        self.rota_note = widgets.HTML()
        self.downloads = [
            Download(
                _("Download the plan per account (.xlsx)"),
                lambda: self._filename("plan", "xlsx"),
                lambda: coaching.plan_export(
                    self.tiered, self.plan, ".xlsx", levels=self.service.levels(), today=self.today
                ),
                self.message,
            ),
            Download(
                _("Download the visit rota (.ics)"),
                lambda: self._filename("visits", "ics"),
                lambda: coaching.rota_ics(self.rota, owner=self.owner or None),
                self.message,
            ),
            Download(
                _("Download the visits as CRM tasks (.xlsx)"),
                lambda: self._filename("visits", "xlsx"),
                lambda: coaching.rota_export(self.rota, ".xlsx"),
                self.message,
            ),
            Download(
                _("Download tier list (CSV)"),
                lambda: self._filename("tiers", "csv"),
                lambda: spreadsheet.csv_bytes(self._tier_list()),
                self.message,
            ),
            Download(
                _("Download your week in blocks (.ics)"),
                lambda: self._filename("week", "ics"),
                lambda: coaching.weekly_schedule_ics(
                    self.plan, start=self.rota_start.value, owner=self.owner or None
                ),
                self.message,
            ),
        ]
        controls = widgets.VBox(
            [
                self.hours,
                self.weeks,
                self.prospecting,
                self.share_a,
                self.share_b,
                self.share_c,
                self.allocation,
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
                self.accounts,
                self.today_box,
                _section(_("Service level per tier")),
                _note(
                    _(
                        "Like an airline's status tiers: edit the fields; the visits are checked "
                        "against your plan's hours."
                    )
                ),
                self.service.view,
                self.service_check,
                _section(_("Before and after, on the same hours")),
                self.outlook,
                _section(_("Your visits for the year")),
                _note(
                    _(
                        "Every field visit of the plan in a week of the coming year: A visits "
                        "spread evenly, B fitted into the rest, no week over your hours, public "
                        "holidays and the summer break left free."
                    )
                ),
                self.holidays,
                widgets.HBox([self.summer, self.summer_weeks]),
                self.rota_start,
                self.rota_note,
                _section(_("Take it with you")),
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
            prospecting_share=self.prospecting.value,
            share_a=self.share_a.value,
            share_b=self.share_b.value,
            allocation=self.allocation.value,
            visit_hours={t: w.value for t, w in self.visit_hours.items()},
            holidays=self.holidays.value,
            summer_break=self.summer_weeks.value if self.summer.value else "none",
        )

    def _filename(self, what: str, suffix: str) -> str:
        return f"{slug(self.owner, fallback='my')}-{what}.{suffix}"

    def _tier_list(self) -> pd.DataFrame:
        return coaching.tier_list(self.tiered)

    def _draw(self) -> None:
        share_c = max(round(1 - self.share_a.value - self.share_b.value, 10), 0.0) + 0.0  # no -0%
        self.share_c.value = "<div class='wb-note' style='margin-left:174px'>{}</div>".format(
            html.escape(_("C gets the rest: {share}").format(share=fmt.share(share_c)))
        )
        self.summer_weeks.disabled = not self.summer.value
        for download in self.downloads:
            download.stale()
        settings = self.settings
        self.plan = coaching.plan_time(self.tiered, settings, metric=self.metric)
        self.today = coaching.time_vs_value(self.tiered, metric=self.metric, plan=self.plan)
        self.headline.value = figure_html(self.plan.summary)
        kind = "success" if self.plan.feasible else "warning"
        self.advice.value = "".join(message_html(m, kind) for m in self.plan.messages)
        body = [
            self.chart(
                "plan",
                charts.plan_chart(self.plan.tiers, prospecting_hours=self.plan.prospecting_hours),
            ),
            look_for(
                _(
                    "whether every A account gets at least its minimum and no B account is "
                    "forgotten. C accounts get other channels, not your field time."
                )
            ),
        ]
        if int(self.plan.tiers.at["A", "accounts"]):
            comparison = compare_allocations(self.tiered, settings, metric=self.metric)
            body += [
                self.chart("allocation", charts.allocation_chart(comparison)),
                look_for(
                    _(
                        "the gap between the lines: by response, your biggest A accounts get "
                        "more visits than the smallest, but not in proportion to their value. "
                        "The tenth visit to a big customer brings less than the sixth to a "
                        "smaller one."
                    )
                ),
            ]
        self.body.children = body
        self.accounts.value = charts.html_table(
            self._biggest(),
            headings(
                ACCOUNT_COLUMNS if self.today.available else _without(ACCOUNT_COLUMNS, "time")
            ),
            max_rows=LISTED,
            caption=_(
                "Your {n} biggest accounts in the plan (the plan per account has them all)"
            ).format(n=fmt.number(LISTED)),
        )
        self._draw_today()
        check = coaching.check_service_levels(self.service.levels(), self.plan)
        self.service_check.value = charts.html_table(
            check.table.reset_index(), headings(CHECK_COLUMNS)
        ) + "".join(message_html(m, "warning") for m in check.messages)
        outlook = coaching.before_after(self.tiered, self.plan, today=self.today)
        self.outlook.value = (
            charts.outlook_table(outlook)
            + message_html(outlook.summary, "info")
            + "".join(message_html(note, "info") for note in outlook.notes)
        )
        self.rota = coaching.visit_rota(self.plan, start=self.rota_start.value)
        self.rota_note.value = message_html(self.rota.summary, "success") + "".join(
            message_html(m, "warning") for m in self.rota.messages
        )

    def _biggest(self) -> pd.DataFrame:
        table = self.plan.accounts.assign(
            cadence=self.plan.accounts["cadence"].map(coaching.wording.cadence_label),
            channel=self.plan.accounts["channel"].map(coaching.wording.channel_label),
        )
        if self.today.available:
            table["time"] = self.today.accounts["time"].to_numpy()
        return table.sort_values("value", ascending=False, kind="stable").head(LISTED)

    def _draw_today(self) -> None:
        if not self.today.available:
            self.today_box.children = [widgets.HTML(message_html(self.today.message, "info"))]
            return
        followed = coaching.focus_if_followed(self.tiered, self.plan)
        freed = coaching.hours_freed(self.today, self.plan)
        self.today_box.children = [
            _section(_("Today against the plan")),
            widgets.HTML(
                figure_html(
                    _("{today} Following the plan exactly would score {score}.").format(
                        today=self.today.message, score=fmt.fixed(followed, 2)
                    )
                )
            ),
            self.chart("hours", charts.hours_change_chart(freed.table)),
            widgets.HTML(f"<div class='wb-note'>{html.escape(freed.message)}</div>"),
            self.chart(
                "served", charts.served_chart(self.today.over_served, self.today.under_served)
            ),
        ]


def _note(text: str) -> widgets.HTML:
    return widgets.HTML(f"<div class='wb-note'>{html.escape(text)}</div>")


def _section(title: str) -> widgets.HTML:
    return widgets.HTML(
        f"<div class='wb-section' style='font-size:17px'>{html.escape(title)}</div>"
    )


def _without(columns: dict, name: str) -> dict:
    return {key: value for key, value in columns.items() if key != name}


def _holiday_options(chosen: str) -> list[tuple[str, str]]:
    options = [(_(name), code) for name, code in HOLIDAY_CHOICES]
    if chosen not in {code for _, code in options}:
        options.insert(0, (chosen, chosen))
    return options
