"""The Voilà app: one page, no code, the steps of the workbook as tabs on the participant's data.

Everything a participant uploads stays in their own kernel (this object's memory); downloads are
made in memory too. The app starts on the sample (or ``accounts_path``), so a preheated kernel
shows charts before anyone has uploaded anything.
"""

from __future__ import annotations

import ipywidgets as widgets

from workbook import analysis, charts, loading, paths
from workbook.coaching import defaults
from workbook.selection import owners, select_owner
from workbook.widgets.base import MessageArea, guarded
from workbook.widgets.concentration import ConcentrationPanel
from workbook.widgets.cost import CostPanel
from workbook.widgets.growth import GrowthPanel
from workbook.widgets.plan import PlanPanel
from workbook.widgets.style import CSS, figure_html, stylesheet
from workbook.widgets.tiers import TierPanel
from workbook.widgets.time_value import TimePanel
from workbook.widgets.upload import SPINNER, UploadPanel

STEPS = [
    "Your accounts",
    "Pareto curve",
    "Tiers",
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

    Parameters are the shared notebook parameters (see ``notebooks/app.ipynb``).
    """

    def __init__(
        self,
        accounts_path: str = "",
        *,
        owner: str = "",
        metric: str = "revenue",
        method: str = "account_share",
        a: float | None = None,
        b: float | None = None,
        c: float | None = None,
        hours_per_week: float = defaults.HOURS_PER_WEEK,
        weeks: float = defaults.WEEKS,
        share_a: float = defaults.SHARE_A,
        share_b: float = defaults.SHARE_B,
        hourly_cost: float = defaults.HOURLY_COST,
    ):
        charts.enable_offline_widgets()
        self.settings = dict(metric=metric, method=method, a=a, b=b, c=c)
        self.plan_settings = dict(
            hours_per_week=hours_per_week, weeks=weeks, share_a=share_a, share_b=share_b
        )
        self.hourly_cost = hourly_cost
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
        self.header = header = widgets.HTML(
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
        bundle = self.view._repr_mimebundle_(**kwargs)
        if bundle and "text/html" not in bundle:
            bundle["text/html"] = self.first_view_html()
        return bundle

    def first_view_html(self) -> str:
        """Return the page as it first looks, as plain HTML (no controls): header and step 1.

        The app's page shows it as soon as it arrives, while the widgets connect (about two
        seconds in a browser on its own here, far longer when a whole room opens the page at
        once); JupyterLab shows the widgets instead.
        """
        parts = [CSS, self.header.value]
        step = self.panels.get(STEPS[0])
        if step is not None:
            parts += [w.value for w in step.view.children if isinstance(w, widgets.HTML)]
        return f"<div class='wb-first-view'>{''.join(parts)}</div>"

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
    def metric(self) -> str:
        tiers = self.panels.get("Tiers")
        return tiers.metric.value if tiers else self.settings["metric"]

    def _tiered(self):
        """Return the accounts with the current tiers (the sliders', once the tiers step exists)."""
        tiers = self.panels.get("Tiers")
        return tiers.tiered() if tiers else analysis.assign_tiers(self.accounts, **self.settings)

    def _summary(self):
        tiers = self.panels.get("Tiers")
        if tiers:
            return tiers.summary()
        ranking = analysis.Ranking(self.accounts, self.settings["metric"])
        cuts = {k: v for k, v in self.settings.items() if k in ("a", "b", "c")}
        return ranking.summary(*ranking.cuts(self.settings["method"], **cuts))

    def _make(self, name: str):
        """Return the panel of step ``name``, built on the current tiers."""
        if name == "Tiers":
            tiers = TierPanel(self.accounts, **self.settings)
            tiers.on_change(self._tiers_changed)
            return tiers
        if name == "Pareto curve":
            return ConcentrationPanel(self.accounts, metric=self.metric)
        tiered = self._tiered()
        if name == "Your time":
            return TimePanel(tiered, metric=self.metric)
        if name == "What C costs":
            return CostPanel(tiered, hourly_cost=self.hourly_cost)
        if name == "Growth in B":
            return GrowthPanel(tiered)
        owner = "" if self.owner.value in (None, ALL_OWNERS) else self.owner.value
        return PlanPanel(tiered, owner=owner, **self.plan_settings)

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
        self.headline.value = figure_html(charts.tier_headline(summary, metric=metric))
        ranked = tiered.sort_values("rank")
        shown = {k: v for k, v in TOP_COLUMNS.items() if k in ranked.columns}
        self.table.value = charts.html_table(
            ranked, shown, max_rows=15, caption="Your biggest accounts"
        )
