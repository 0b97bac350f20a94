"""The tier panel: drag a threshold, watch the accounts regroup — instantly, at any size.

The accounts are ranked once per metric (``workbook.analysis.Ranking``); a slider move then costs
a binary search and a few subtractions, whatever the number of accounts, and the charts change
through their parameters (about 2 KB to the browser) instead of being sent again.

Accounts pinned to a tier by hand (the panel's pin editor, or the settings it starts from) keep
their tier on every move: their place in the ranking is found once per set of pins, and a move
then shifts each pinned account's amounts from the tier the rule gives it to its pinned tier
(see ``Ranking.summary``), still nothing per account.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as widgets
import pandas as pd

from workbook import analysis, charts
from workbook import formatting as fmt
from workbook.analysis.tiers import pinned_accounts, tiered_from
from workbook.coaching.wording import metric_label, pinned_line, tier_headline
from workbook.i18n import N_, _
from workbook.settings import TierSettings
from workbook.widgets.base import Debounced, MessageArea, guarded
from workbook.widgets.pins import PinEditor
from workbook.widgets.style import figure_html, headings, section, slider, stylesheet

METHOD_OPTIONS = [
    (N_("Share of accounts (the 80/20 rule)"), "account_share"),
    (N_("Share of value (classic ABC)"), "value_share"),
]
#: Slider ranges per method: what a person may sensibly ask for.
SLIDERS = {
    "account_share": {
        "a": (N_("A: top accounts"), 0.05, 0.5),
        "c": (N_("C: bottom accounts"), 0.0, 0.6),
    },
    "value_share": {"a": (N_("A reaches"), 0.5, 0.95), "b": (N_("B reaches"), 0.8, 0.995)},
}
TIER_COLUMNS = {
    "accounts": (N_("Accounts"), "count"),
    "account_share": (N_("Share of accounts"), "share"),
    "revenue": (N_("Revenue"), "money"),
    "revenue_share": (N_("Share of revenue"), "share"),
    "gross_profit": (N_("Gross profit"), "money"),
    "gross_profit_share": (N_("Share of gross profit"), "share"),
    "revenue_per_account": (N_("Revenue per account"), "money"),
}


def metric_options(accounts: pd.DataFrame) -> list[tuple[str, str]]:
    """Return the metrics the accounts allow, as (label, value) pairs for a dropdown."""
    options = [(_("Revenue"), "revenue")]
    if "gross_profit" in accounts.columns:
        options += [(_("Gross profit"), "gross_profit"), (_("Blend of both"), "blend")]
    return options


class TierPanel:
    """Tier method, metric and thresholds on sliders, with the Pareto curve, tier bars and table.

    Parameters
    ----------
    accounts : DataFrame
        The canonical accounts table.
    settings : TierSettings, optional
        Where the controls start (default ``TierSettings()``), its pins included; ``metric=``,
        ``method=``, ``a=``, ``b=``, ``c=``, ``pins=`` as keywords change it.

    Attributes
    ----------
    view : ipywidgets.VBox
        Everything, ready to display (``display(panel)`` works too).
    cuts : tuple of int
        The current cut positions in the ranking (see ``Ranking.cuts``), before the pins.
    pins : PinEditor
        The pins: add one with its reason, or remove one; the tiers follow.
    """

    def __init__(self, accounts: pd.DataFrame, settings: TierSettings | None = None, **choices):
        start = TierSettings.of(settings, **choices)
        self.accounts = accounts
        self.message = MessageArea()
        self._rankings: dict[str, analysis.Ranking] = {}
        self._listeners: list[Callable[[TierPanel], None]] = []
        self.method = widgets.ToggleButtons(
            options=[(_(label), value) for label, value in METHOD_OPTIONS],
            value=start.method,
            style={"button_width": "250px"},
        )
        self.metric = widgets.Dropdown(
            options=metric_options(accounts),
            value=start.metric,
            description=_("Rank by"),
            style={"description_width": "70px"},
        )
        self.sliders = {
            name: slider("", 0.0, 0.0, 1.0, 0.01, percent=True, label_width="140px", live=True)
            for name in ("a", "b", "c")
        }
        self.hint = widgets.HTML()
        self.use_hint = widgets.Button(
            description=_("Use the suggestion"),
            button_style="info",
            layout=widgets.Layout(width="auto"),
        )
        self.headline = widgets.HTML()
        self.table = widgets.HTML()
        self.curve_chart = self.bars_chart = None  # JupyterCharts, built by _build_charts
        self.cuts = (0, 0)
        self._suggestion: analysis.Suggestion | None = None
        self._refresh = None
        self._pinned: dict[str, analysis.PinnedRanks | None] = {}  # per metric
        self.pins = PinEditor(accounts, start.pins, on_change=self._on_pins)
        self._check_pins()

        self._set_sliders(start)
        self._build_charts()
        self._refresh = Debounced(guarded(self.message)(self._update))
        for control in self.sliders.values():
            control.observe(self._refresh, "value")
        self.method.observe(guarded(self.message)(self._on_method), "value")
        self.metric.observe(guarded(self.message)(self._on_metric), "value")
        self.use_hint.on_click(guarded(self.message)(self._apply_hint))
        self._update()
        self._show_hint()

        controls = widgets.VBox(
            [
                self.method,
                self.metric,
                *self.sliders.values(),
                widgets.HBox(
                    [self.hint, self.use_hint], layout=widgets.Layout(align_items="center")
                ),
            ]
        )
        self.view = widgets.VBox(
            [
                stylesheet(),
                section(_("Tune your tiers")),
                controls,
                self.message,
                self.headline,
                self.curve_chart,
                self.bars_chart,
                self.table,
                self.pins.view,
            ]
        )

    # --- what other panels read ----------------------------------------------------------------
    @property
    def ranking(self) -> analysis.Ranking:
        """The ranking by the chosen metric (built once per metric)."""
        metric = self.metric.value
        if metric not in self._rankings:
            self._rankings[metric] = analysis.Ranking(self.accounts, metric)
        return self._rankings[metric]

    @property
    def pinned(self) -> analysis.PinnedRanks | None:
        """The pinned accounts where the current ranking holds them (None: no pins)."""
        metric = self.metric.value
        if metric not in self._pinned:
            pins = self.pins.pins
            self._pinned[metric] = self.ranking.pin(self.accounts, pins) if pins else None
        return self._pinned[metric]

    @property
    def settings(self) -> TierSettings:
        """The tier settings the controls show now, the pins included."""
        method = self.method.value
        chosen = {name: self.sliders[name].value for name in SLIDERS[method]}
        return TierSettings(metric=self.metric.value, method=method, pins=self.pins.pins, **chosen)

    def tiered(self) -> pd.DataFrame:
        """Return the accounts with ``rank`` and ``tier`` as the sliders and pins set them (O(n)),
        marked ``pinned`` when there are pins (see ``assign_tiers``).

        ``settings`` says how they were tiered (e.g. for ``tier_summary``)."""
        return tiered_from(self.accounts, self.ranking, self.cuts, self.pinned)

    def summary(self) -> pd.DataFrame:
        """Return the per-tier summary of the current tiers (O(number of pins))."""
        return self.ranking.summary(*self.cuts, self.pinned)

    def on_change(self, listener: Callable[[TierPanel], None]) -> None:
        """Call ``listener(panel)`` after the tiers change."""
        self._listeners.append(listener)

    def _repr_mimebundle_(self, **kwargs):
        return self.view._repr_mimebundle_(**kwargs)

    # --- updates ------------------------------------------------------------------------------
    def _set_sliders(self, settings: TierSettings) -> None:
        """Give the sliders the method's ranges and values, without an update per change."""
        for name, control in self.sliders.items():
            spec = SLIDERS[settings.method].get(name)
            control.layout.display = None if spec else "none"
            if not spec:
                continue
            label, low, high = spec
            value = getattr(settings, name)
            if self._refresh is not None:
                control.unobserve(self._refresh, "value")
            control.max = max(control.max, high)  # widen first: min may never exceed max
            control.min, control.max, control.description = low, high, _(label)
            control.value = min(max(value, low), high)
            if self._refresh is not None:
                control.observe(self._refresh, "value")

    def _check_pins(self) -> None:
        """Find the pinned accounts in the ranking once (an unknown account is an error here)."""
        self._pinned = {}
        self.pinned  # noqa: B018 (finding them is the check)

    def _on_pins(self, pins) -> None:
        self._check_pins()
        self._update()

    def _update(self) -> None:
        ranking = self.ranking
        self.cuts = ranking.cuts(self.settings)
        summary = ranking.summary(*self.cuts, self.pinned)
        with self.curve_chart.hold_sync():
            for name, value in charts.cut_params(*self.cuts, ranking.n).items():
                setattr(self.curve_chart.params, name, value)
        with self.bars_chart.hold_sync():
            for name, value in charts.summary_params(summary).items():
                setattr(self.bars_chart.params, name, value)
        headline = tier_headline(summary, metric=ranking.metric)
        if self.pinned is not None:
            headline += " " + pinned_line(pinned_accounts(self._pinned_tiers()))
        self.headline.value = figure_html(headline)
        shown = {k: v for k, v in TIER_COLUMNS.items() if k in summary.columns}
        self.table.value = charts.html_table(
            summary.reset_index(), headings({"tier": (N_("Tier"), "text"), **shown})
        )
        self.message.clear()
        for listener in self._listeners:
            listener(self)

    def _pinned_tiers(self) -> pd.DataFrame:
        """Return the pinned accounts alone, tiered as now (O(number of pins))."""
        pinned = self.pinned
        rule = pinned.rule_codes(*self.cuts)
        rows = self.accounts.iloc[pinned.rows]
        letters = pd.Categorical.from_codes(rule.astype("int8"), categories=list("ABC"))
        return rows.assign(
            rank=pinned.positions + 1,
            tier=[pin.tier for pin in pinned.pins],
            pinned=True,
            pin_reason=[pin.reason for pin in pinned.pins],
            rule_tier=letters,
        )

    def _build_charts(self) -> None:
        ranking = self.ranking
        self.cuts = ranking.cuts(self.settings)
        curves = {
            metric_label(ranking.metric): analysis.pareto_curve(
                self.accounts, metric=ranking.metric
            )
        }
        if ranking.metric != "gross_profit" and "gross_profit" in self.accounts.columns:
            curves[metric_label("gross_profit")] = analysis.pareto_curve(
                self.accounts, metric="gross_profit"
            )
        pareto = charts.pareto_chart(curves, k_a=self.cuts[0], k_ab=self.cuts[1], n=ranking.n)
        bars = charts.tier_summary_chart(ranking.summary(*self.cuts))
        if self.curve_chart is None:
            self.curve_chart, self.bars_chart = charts.interactive(pareto), charts.interactive(bars)
        else:
            self.curve_chart.chart, self.bars_chart.chart = pareto, bars

    def _on_method(self, change) -> None:
        self._set_sliders(TierSettings(metric=self.metric.value, method=change["new"]))
        self._show_hint()
        self._update()

    def _on_metric(self, change) -> None:
        _ = self.pinned  # the pinned accounts' places in the new ranking
        self._build_charts()
        self._show_hint()
        self._update()

    def _show_hint(self) -> None:
        self._suggestion = analysis.suggest_thresholds(
            self.accounts, metric=self.metric.value, method=self.method.value
        )
        shown = ", ".join(
            f"{name} = {fmt.share(value)}"
            for name, value in self._suggestion.settings.thresholds.items()
        )
        suggested = _("Suggested from your data: {thresholds}.").format(thresholds=shown)
        self.hint.value = (
            f"<div style='max-width:640px;color:#3b4754'><b>{html.escape(suggested)}</b> "
            f"{html.escape(self._suggestion.reason)}</div>"
        )

    def _apply_hint(self, _button=None) -> None:
        if self._suggestion is None:
            return
        for name, value in self._suggestion.settings.thresholds.items():
            self.sliders[name].value = value
