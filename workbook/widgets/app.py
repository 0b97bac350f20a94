"""The Voilà app: one page, no code, the steps of the workbook as tabs on the participant's data.

Everything a participant uploads stays in their own kernel (this object's memory); downloads are
made in memory too. The app starts on the sample (or ``accounts_path``), so a preheated kernel
shows charts before anyone has uploaded anything.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import analysis, charts, loading, paths
from workbook import formatting as fmt
from workbook.coaching import wording
from workbook.i18n import set_language
from workbook.parameters import PLAN, TIERING, plan_settings, tier_settings
from workbook.selection import owners, select_owner, select_owner_or_none
from workbook.settings import PlanSettings, TierSettings
from workbook.widgets.base import MessageArea, guarded
from workbook.widgets.change import ChangePanel
from workbook.widgets.concentration import ConcentrationPanel
from workbook.widgets.cost import CostPanel
from workbook.widgets.growth import GrowthPanel
from workbook.widgets.plan import PlanPanel
from workbook.widgets.style import figure_html, stylesheet
from workbook.widgets.tiers import TierPanel
from workbook.widgets.time_value import TimePanel
from workbook.widgets.upload import SPINNER, UploadPanel

STEPS = [
    "Your accounts",
    "Pareto curve",
    "Tiers",
    "Since last period",
    "Your time",
    "What C costs",
    "Growth in B",
    "Your week",
]
ALL_OWNERS = "Everyone in the file"

TOP_COLUMNS = {
    "rank": ("Rank", "count"),
    "account": ("Account", "text"),
    "tier": ("Tier", "text"),
    "revenue": ("Revenue", "money"),
    "gross_profit": ("Gross profit", "money"),
    "visits": ("Visits", "count"),
}


def close_tree(widget: widgets.Widget) -> None:
    """Close ``widget`` and every widget inside it (frees the browser's and kernel's copies)."""
    for child in getattr(widget, "children", ()):
        close_tree(child)
    widget.close()


class WorkbookApp:
    """The whole workbook on one page: upload, then the steps as tabs.

    Parameters
    ----------
    accounts_path : str, default ""
        The file the app starts on (empty: the sample accounts).
    owner : str, default ""
        The salesperson to show first, when the file has several.
    language : str, default ""
        ``en`` or ``nb``; empty keeps the current language.
    tiers, plan : TierSettings, PlanSettings, optional
        Where the tiers and the plan start.
    **parameters
        The notebook parameters of ``workbook.parameters`` (``metric``, ``a``,
        ``hours_per_week`` …); those not None change ``tiers`` and ``plan``.
    """

    def __init__(
        self,
        accounts_path: str = "",
        *,
        owner: str = "",
        language: str = "",
        tiers: TierSettings | None = None,
        plan: PlanSettings | None = None,
        **parameters,
    ):
        unknown = sorted(set(parameters) - {*TIERING, *PLAN})
        if unknown:
            raise TypeError(f"WorkbookApp() got unknown parameters {unknown}")
        if language:
            set_language(language)
        charts.enable_offline_widgets()
        self.tier_start = tier_settings(parameters, saved=tiers)
        self.plan_settings = plan_settings(parameters, saved=plan)
        self.message = MessageArea()
        self.upload = UploadPanel(on_loaded=self._on_loaded)
        self.owner = widgets.Dropdown(
            description="Whose accounts",
            style={"description_width": "110px"},
            layout=widgets.Layout(width="380px", display="none"),
        )
        self.owner.observe(guarded(self.message)(self._on_owner), "value")
        self.tabs = widgets.Tab()
        self.tabs.observe(guarded(self.message)(self._on_tab), "selected_index")
        self.panels: dict[str, object] = {}
        self._stale: set[str] = set()
        self._wanted_owner = owner
        self._quiet = False
        header = widgets.HTML(
            "<div class='wb-section' style='font-size:26px;margin-top:4px'>"
            "Account Focus Workbook</div>"
            "<div class='wb-note' style='font-size:15px'>See where your business comes from, sort "
            "your accounts into A, B and C, and plan your time to match.</div>"
        )
        self.view = widgets.VBox(
            [stylesheet(), header, self.upload.view, self.owner, self.message, self.tabs],
            layout=widgets.Layout(max_width="1100px"),
        )
        guarded(self.message)(self.upload.load)(paths.resolve_accounts_path(accounts_path))

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)

    # --- data in ------------------------------------------------------------------------------
    def _on_loaded(self, result: loading.LoadResult) -> None:
        self.result = result
        names = owners(result.accounts)
        wanted = self._wanted_owner if self._wanted_owner in names else ALL_OWNERS
        self._wanted_owner = ""
        self._quiet = True  # setting the choices must not rebuild the steps twice
        try:
            self.owner.options = [ALL_OWNERS, *names]
            self.owner.value = wanted
        finally:
            self._quiet = False
        self.owner.layout.display = None if len(names) > 1 else "none"
        self._build(self._selected())

    def _selected(self):
        owner = "" if self.owner.value in (None, ALL_OWNERS) else self.owner.value
        return select_owner(self.result.accounts, owner)

    def _on_owner(self, change) -> None:
        if not self._quiet and change["new"] is not None:
            self._build(self._selected())

    # --- the steps ----------------------------------------------------------------------------
    def _build(self, accounts) -> None:
        """Show new accounts: the first step now, each other step when it is first opened."""
        self.message.clear()
        old = list(self.tabs.children)
        self.accounts = accounts
        self.panels = {}
        self._stale = set()
        self._slots = [widgets.VBox() for _ in STEPS]
        self.panels["Your accounts"] = _AccountsStep(self._summary(), self._tiered(), self.metric)
        self.tabs.children = self._slots
        for i, name in enumerate(STEPS):
            self.tabs.set_title(i, f"{i + 1} {name}")
        self._fill(0)
        self.tabs.selected_index = 0
        for widget in old:
            close_tree(widget)

    @property
    def tier_settings(self) -> TierSettings:
        """The tier settings in force: the tiers step's once it exists, else the start's."""
        tiers = self.panels.get("Tiers")
        return tiers.settings if tiers else self.tier_start

    @property
    def metric(self) -> str:
        return self.tier_settings.metric

    def _tiered(self):
        """Return the accounts with the current tiers (the sliders', once the tiers step exists)."""
        tiers = self.panels.get("Tiers")
        return tiers.tiered() if tiers else analysis.assign_tiers(self.accounts, self.tier_start)

    def _summary(self):
        tiers = self.panels.get("Tiers")
        if tiers:
            return tiers.summary()
        return analysis.tier_summary(self._tiered(), self.tier_start)

    def _make(self, name: str):
        """Return the panel of step ``name``, built on the current tiers."""
        if name == "Tiers":
            tiers = TierPanel(self.accounts, self.tier_start)
            tiers.on_change(self._tiers_changed)
            return tiers
        if name == "Pareto curve":
            return ConcentrationPanel(self.accounts, metric=self.metric)
        owner = "" if self.owner.value in (None, ALL_OWNERS) else self.owner.value
        if name == "Since last period":  # order lines bring their previous 12 months along
            previous = getattr(self.result, "previous", None)
            return ChangePanel(
                self.accounts,
                self.tier_settings,
                previous=None if previous is None else select_owner_or_none(previous, owner),
                previous_name=fmt.period(*self.result.previous_period)
                if previous is not None
                else "",
                owner=owner,
            )
        tiered = self._tiered()
        if name == "Your time":
            return TimePanel(tiered, metric=self.metric)
        if name == "What C costs":
            return CostPanel(tiered, self.plan_settings)
        if name == "Growth in B":
            return GrowthPanel(tiered)
        return PlanPanel(tiered, self.plan_settings, owner=owner)

    def _fill(self, index: int) -> None:
        parts = [self.panels[STEPS[index]].view]
        if index + 1 < len(STEPS):
            button = widgets.Button(
                description=f"Next: {STEPS[index + 1]} →",
                button_style="primary",
                layout=widgets.Layout(width="auto", margin="18px 0 0 0"),
            )
            button.on_click(lambda _b, i=index + 1: setattr(self.tabs, "selected_index", i))
            parts.append(button)
        self._slots[index].children = parts

    def _tiers_changed(self, panel: TierPanel) -> None:
        # The other steps are brought up to date when they are opened, not on every slider move.
        # The Pareto curves do not depend on the tiers, only on the metric they are ranked by.
        pareto = self.panels.get("Pareto curve")
        self._stale = {
            name
            for name in self.panels
            if name != "Tiers" and (name != "Pareto curve" or pareto.metric != self.metric)
        }

    def _on_tab(self, change) -> None:
        if change["new"] is None or not self.panels:
            return
        index = change["new"]
        name = STEPS[index]
        if name not in self.panels:
            self._slots[index].children = [widgets.HTML(SPINNER.format(text="Working it out …"))]
            self.panels[name] = self._make(name)
            self._fill(index)
        elif name in self._stale:
            self._stale.discard(name)
            panel = self.panels[name]
            if name == "Your accounts":
                panel.show(self._summary(), self._tiered(), self.metric)
                return
            if name == "Since last period":
                panel.show(self.accounts, self.tier_settings)
                return
            if hasattr(panel, "metric"):  # value is counted in the metric the tiers rank by
                panel.metric = self.metric
            panel.show_accounts(self._tiered())


class _AccountsStep:
    """Step 1: how the accounts split into tiers, and the biggest accounts as read."""

    def __init__(self, summary, tiered, metric: str):
        self.headline = widgets.HTML()
        self.table = widgets.HTML()
        # Drawn in the kernel: the first thing a participant sees needs no chart bundle.
        self.bars = widgets.HTML()
        self.view = widgets.VBox(
            [
                widgets.HTML("<div class='wb-section'>Your accounts</div>"),
                self.headline,
                self.bars,
                self.table,
            ]
        )
        self.show(summary, tiered, metric)

    def show(self, summary, tiered, metric: str) -> None:
        """Show the tiers' summary and the biggest accounts."""
        self.bars.value = charts.svg_html(charts.tier_summary_chart(summary))
        self.headline.value = figure_html(wording.tier_headline(summary, metric=metric))
        ranked = tiered.sort_values("rank")
        shown = {k: v for k, v in TOP_COLUMNS.items() if k in ranked.columns}
        self.table.value = charts.html_table(
            ranked, shown, max_rows=15, caption="Your biggest accounts"
        )
