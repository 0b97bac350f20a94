"""What the report notebooks show: plain-words text, tables, and each chart or a note instead.

Every function here is pure: it takes results of ``workbook.analysis`` and ``workbook.coaching``
and returns an :class:`Html` (shown by Jupyter as HTML) or an Altair chart, never displays or
writes anything. A chart that the data cannot support (no gross profit for the whale curve, no
visits or selling hours for the focus score) becomes a note that says what is missing.

Tables show aggregated figures and short lists (at most ``TOP`` accounts), so an exported report
carries no hidden copy of the customer list.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from workbook import charts
from workbook import formatting as fmt
from workbook.analysis import Concentration, PeriodComparison, share_curve
from workbook.analysis.tiers import pinned_accounts, tier_codes
from workbook.coaching import (
    BeforeAfter,
    CostToServe,
    GrowthScreen,
    HoursFreed,
    ServiceCheck,
    TimePlan,
    TimeVsValue,
    wording,
)
from workbook.coaching.wording import metric_label
from workbook.i18n import _, ngettext
from workbook.schema import TIERS
from workbook.settings import TierSettings

#: The most accounts a list in the report shows.
TOP = 10


@dataclass(frozen=True)
class Html:
    """A piece of a report: HTML that Jupyter shows as such (and nbconvert exports as is)."""

    text: str

    def _repr_html_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text


def paragraph(text: str, *, css: str = "") -> str:
    """Return ``text`` as an HTML paragraph, escaped."""
    style = f" style='{css}'" if css else ""
    return f"<p{style}>{html.escape(text)}</p>"


def bullets(lines: list[str], *, ordered: bool = False) -> str:
    """Return ``lines`` as an HTML list (numbered when ``ordered``), each escaped."""
    tag = "ol" if ordered else "ul"
    return f"<{tag}>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + f"</{tag}>"


def _note(text: str) -> Html:
    return Html(paragraph(text, css="color:#6b7785;font-style:italic"))


#: Shown instead of a chart whose section already says why there is none.
NOTHING = Html("")


def money(value: float) -> str:
    """Return an amount as a report writes it (whole units, the locale's separators)."""
    return charts.format_value(value, "money")


def share_text(value: float) -> str:
    """Return a share as a percentage (one decimal below 10%)."""
    return charts.format_value(value, "share")


def _by_tier(frame: pd.DataFrame) -> pd.DataFrame:
    """Return a per-tier table (indexed A, B, C) with the tier as a column, for ``html_table``."""
    return frame.rename_axis("tier").reset_index()


# --- the top of the report -------------------------------------------------------------------
def heading(
    *,
    owner: str,
    source: str | Path,
    accounts: pd.DataFrame,
    tiers: TierSettings,
    title: str = "",
) -> Html:
    """Return the report's heading: whose accounts, from which file, tiered how.

    Parameters
    ----------
    owner : str
        The salesperson (empty: every account in the file).
    source : str or Path
        The input file; only its name is shown.
    accounts : DataFrame
        The accounts the report is about.
    tiers : TierSettings
        How the accounts are tiered.
    title : str, default "Account review"

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> text = str(heading(owner="Ingrid Berg", source="/data/team.csv", accounts=example_tiered(),
    ...                    tiers=TierSettings()))
    >>> "Account review: Ingrid Berg" in text, "team.csv" in text, "/data" in text
    (True, True, False)
    """
    who = str(owner).strip() or _("all accounts in the file")
    facts = _("Input file: {file} · {accounts} · {rule}").format(
        file=Path(source).name,
        accounts=wording.accounts(len(accounts)),
        rule=wording.tier_rule(tiers),
    )
    title = title or _("Account review")
    return Html(f"<h1>{html.escape(title)}: {html.escape(who)}</h1>" + paragraph(facts))


def key_figures(figures: Concentration, summary: pd.DataFrame) -> Html:
    """Return the concentration figures in plain words, then as a small table.

    Parameters
    ----------
    figures : Concentration
        From ``workbook.concentration``.
    summary : DataFrame
        From ``workbook.tier_summary`` of the same accounts and metric.

    Examples
    --------
    >>> import workbook
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = workbook.assign_tiers(example_accounts())
    >>> summary = workbook.tier_summary(accounts, "revenue")
    >>> text = str(key_figures(workbook.concentration(accounts), summary))
    >>> "Your top 20% of accounts (1 of 5) hold 31% of your revenue" in text, "31.3%" in text
    (True, True)
    """
    value = metric_label(figures.metric)
    lines = [
        wording.concentration_headline(figures),
        wording.tier_headline(summary, metric=figures.metric),
    ]
    table = pd.DataFrame(
        [
            ("Accounts", f"{figures.n:,}"),
            (f"Total {value} (accounts above zero)", money(figures.total)),
            ("Share held by the top 20% of accounts", f"{figures.top20_share:.1%}"),
            ("Accounts that make 80%", f"{figures.accounts_for_80:,}"),
            ("Gini (0 = every account alike, 1 = one account has it all)", f"{figures.gini:.2f}"),
            (f"Accounts with a negative {value}", f"{figures.loss_accounts:,}"),
        ],
        columns=["figure", "value"],
    )
    return Html(
        bullets(lines)
        + charts.html_table(
            table, {"figure": ("Key figure", "text"), "value": ("", "text")}, tier_column=None
        )
    )


def tier_cuts(tiered: pd.DataFrame) -> dict[str, int]:
    """Return where tier A and tier B end (``k_a``, ``k_ab``) and ``n``, for the curve charts.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> tier_cuts(example_tiered())
    {'k_a': 1, 'k_ab': 3, 'n': 5}
    """
    counts = np.bincount(tier_codes(tiered), minlength=len(TIERS))
    return {"k_a": int(counts[0]), "k_ab": int(counts[0] + counts[1]), "n": len(tiered)}


def tier_table(summary: pd.DataFrame) -> Html:
    """Return the tier summary as a table: accounts, revenue and profit with their shares."""
    columns = {
        "tier": ("Tier", "text"),
        "accounts": ("Accounts", "count"),
        "account_share": ("of accounts", "share"),
        "revenue": ("Revenue", "money"),
        "revenue_share": ("of revenue", "share"),
        "revenue_per_account": ("Revenue per account", "money"),
    }
    if "gross_profit" in summary.columns:
        columns |= {
            "gross_profit": ("Gross profit", "money"),
            "gross_profit_share": ("of gross profit", "share"),
        }
    return Html(charts.html_table(_by_tier(summary), columns))


def whale(tiered: pd.DataFrame):
    """Return the profit whale curve chart, or a note when the data has no gross profit.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> type(whale(example_tiered())).__name__
    'LayerChart'
    >>> print(whale(example_tiered().drop(columns="gross_profit")))
    <p ...>No whale curve: your file has no gross profit column, ...</p>
    """
    if "gross_profit" not in tiered.columns or tiered["gross_profit"].isna().all():
        return _note(
            "No whale curve: your file has no gross profit column, so where profit is "
            "made and lost cannot be shown."
        )
    from workbook.analysis import whale_curve

    return charts.whale_chart(whale_curve(tiered))


# --- pins and the previous period ------------------------------------------------------------
def pins(tiered: pd.DataFrame, *, elsewhere: int = 0) -> Html:
    """Return every pinned account with its reason (nothing when no account is pinned).

    Parameters
    ----------
    tiered : DataFrame
        The tiered accounts (with ``pinned``, ``pin_reason`` and ``rule_tier`` when pinned).
    elsewhere : int, default 0
        How many pins of the pins file name accounts outside this report (another
        salesperson's, or a mistake): counted, not named.

    Examples
    --------
    >>> from workbook.analysis import assign_tiers
    >>> from workbook.analysis.examples import example_accounts
    >>> tiered = assign_tiers(example_accounts(), pins=[("005", "A", "reference customer")])
    >>> text = str(pins(tiered))
    >>> "Pinned accounts" in text, "reference customer" in text, "Vikrør DA" in text
    (True, True, True)
    >>> str(pins(assign_tiers(example_accounts())))
    ''
    """
    listed = pinned_accounts(tiered)
    if not len(listed) and not elsewhere:
        return NOTHING
    parts = [f"<h2>{html.escape(_('Pinned accounts'))}</h2>"]
    parts.append(
        paragraph(
            _(
                "You pinned these accounts to a tier by hand, for reasons the numbers do not "
                "show. They take that tier everywhere in this report; every other account has "
                "the tier the rule gives it."
            )
        )
    )
    if len(listed):
        parts.append(
            charts.html_table(
                listed.assign(pinned=True),
                {
                    "account": (_("Account"), "text"),
                    "rule_tier": (_("The rule gives"), "text"),
                    "tier": (_("Pinned to"), "text"),
                    "pin_reason": (_("Reason"), "text"),
                    "revenue": (_("Revenue"), "money"),
                },
                max_rows=len(listed),
            )
        )
    if elsewhere:
        parts.append(
            paragraph(
                ngettext(
                    "{n} pin of the pins file names an account that is not in this report: it "
                    "is left out here.",
                    "{n} pins of the pins file name accounts that are not in this report: they "
                    "are left out here.",
                    elsewhere,
                ).format(n=fmt.number(elsewhere))
            )
        )
    return Html("".join(parts))


def since_last_period(change: PeriodComparison | None) -> Html:
    """Return what changed since last period: moves, new and lost accounts, the revenue bridge
    (nothing when there is no previous period to compare with).

    Examples
    --------
    >>> from workbook.analysis import compare_periods
    >>> from workbook.analysis.examples import example_accounts
    >>> before = example_accounts()
    >>> now = before.iloc[:4].assign(revenue=[60000.0, 95000.0, 66000.0, 40000.0])
    >>> text = str(since_last_period(compare_periods(now, before, previous_name="2025")))
    >>> "Since last period" in text, "moved up a tier" in text, "Vikrør DA" in text
    (True, True, True)
    >>> str(since_last_period(None))
    ''
    """
    if change is None:
        return NOTHING
    parts = [
        f"<h2>{html.escape(_('Since last period'))}</h2>",
        paragraph(_("Compared with {name}.").format(name=change.previous_name))
        if change.previous_name
        else "",
        bullets([wording.change_headline(change), wording.bridge_sentence(change.bridge)]),
        charts.change_tables(change, listed=TOP),
    ]
    return Html("".join(parts))


def migration(change: PeriodComparison | None):
    """Return the migration matrix as a chart (nothing without a previous period)."""
    return NOTHING if change is None else charts.migration_chart(change.matrix)


def bridge(change: PeriodComparison | None):
    """Return the revenue bridge as a waterfall (nothing without a previous period)."""
    return NOTHING if change is None else charts.bridge_chart(change.bridge)


# --- where time goes ---------------------------------------------------------------------------
def time_story(today: TimeVsValue) -> Html:
    """Return the focus score in plain words, today's time against the plan and value per tier,
    and the accounts furthest from the plan.

    Examples
    --------
    >>> from workbook.coaching import time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> text = str(time_story(time_vs_value(example_tiered())))
    >>> "Focus score 0.79" in text, "Share in the plan" in text
    (True, True)
    """
    if not today.available:
        return _note(today.message)
    parts = [paragraph(today.message), *(paragraph(note) for note in today.notes)]
    parts.append(
        charts.html_table(
            _by_tier(today.tiers),
            {
                "tier": (_("Tier"), "text"),
                "accounts": (_("Accounts"), "count"),
                "time_share": (_("Share of your time"), "share"),
                "planned_share": (_("Share in the plan"), "share"),
                "value_share": (
                    _("Share of {metric}").format(metric=metric_label(today.metric)),
                    "share",
                ),
            },
        )
    )
    shown = {
        "account": (_("Account"), "text"),
        "tier": (_("Tier"), "text"),
        "time_share": (_("Share of your time"), "share"),
        "planned_share": (_("Share in the plan"), "share"),
        "value_share": (_("Share of value"), "share"),
    }
    for frame, caption in (
        (today.over_served, _("Over-served: far more time than the plan gives them")),
        (today.under_served, _("Under-served: far less time than the plan gives them")),
    ):
        if len(frame):
            parts.append(charts.html_table(frame, shown, caption=caption, max_rows=TOP))
    return Html("".join(parts))


def time_chart(today: TimeVsValue):
    """Return time against value per tier as a chart (nothing when time is not known: the
    section's text says so)."""
    if not today.available:
        return NOTHING
    return charts.time_value_chart(today.tiers, metric=today.metric)


def served(today: TimeVsValue):
    """Return the accounts furthest from where the value is as a chart (nothing without time)."""
    if not today.available:
        return NOTHING
    return charts.served_chart(today.over_served, today.under_served)


# --- cost to serve -----------------------------------------------------------------------------
def cost_story(cost: CostToServe) -> Html:
    """Return what serving the accounts costs, the loss-making accounts, and the assumptions.

    Examples
    --------
    >>> from workbook.coaching import cost_to_serve
    >>> from workbook.coaching.examples import example_tiered
    >>> text = str(cost_story(cost_to_serve(example_tiered())))
    >>> "3 accounts cost more to serve than they earn" in text, "19\u202f300" in text
    (True, True)
    """
    settings = cost.assumptions
    total = float(cost.accounts["serving_cost"].sum())
    if settings["visit_hours_from"] == "none" and not total and math.isnan(cost.loss_total):
        return _note(
            "What your accounts cost to serve needs gross profit and visits, selling "
            "hours or service requests per account; your file has none of them."
        )
    lines = [
        f"Serving your accounts costs {money(total)} in the period: visit time "
        f"({settings['visit_hours_from']}) and small service requests at "
        f"{settings['minutes_per_request']:g} minutes each, at "
        f"{money(settings['hourly_cost'])} an hour."
    ]
    if math.isnan(cost.loss_total):
        lines.append("Your file has no gross profit, so what each account leaves cannot be said.")
    elif len(cost.loss_making):
        count = len(cost.loss_making)
        lines.append(
            f"{count} account{'s' if count != 1 else ''} cost more to serve than "
            f"{'they earn' if count != 1 else 'it earns'}: together they lose "
            f"{money(cost.loss_total)}."
        )
    else:
        lines.append("Every account earns more than it costs to serve.")
    if cost.accounts["concessions"].notna().any():
        lines.append(
            "Concessions are shown but not taken off again: the gross profit already includes them."
            if settings["profit_includes_concessions"]
            else "Concessions are taken off the gross profit."
        )
    parts = [
        bullets(lines + cost.notes),
        charts.html_table(
            _by_tier(cost.tiers),
            {
                "tier": ("Tier", "text"),
                "accounts": ("Accounts", "count"),
                "gross_profit": ("Gross profit", "money"),
                "concessions": ("Concessions", "money"),
                "serving_cost": ("Serving cost", "money"),
                "net_contribution": ("Net contribution", "money"),
                "loss_making": ("Loss-making accounts", "count"),
            },
        ),
    ]
    if len(cost.loss_making):
        parts.append(
            charts.html_table(
                cost.loss_making,
                {
                    "account": ("Account", "text"),
                    "tier": ("Tier", "text"),
                    "gross_profit": ("Gross profit", "money"),
                    "serving_cost": ("Serving cost", "money"),
                    "net_contribution": ("Net contribution", "money"),
                },
                caption="The biggest losses after the cost of serving",
                max_rows=TOP,
            )
        )
    return Html("".join(parts))


def cost_chart(cost: CostToServe):
    """Return gross profit, serving cost and net contribution per tier (nothing without profit:
    the section's text says so)."""
    if math.isnan(cost.loss_total):
        return NOTHING
    return charts.cost_chart(cost.tiers)


def net_contribution_whale(cost: CostToServe):
    """Return the whale curve of net contribution (profit after serving cost), or a note."""
    known = cost.accounts["net_contribution"].dropna()
    if known.empty:
        return NOTHING
    if known.sum() <= 0:
        return _note(
            "No whale curve of net contribution: after the cost of serving, your "
            "accounts together leave nothing, so there are no shares of it to draw."
        )
    curve = share_curve(known.to_numpy(), name="net_contribution")
    return charts.whale_chart(
        curve,
        value_label="net contribution",
        title="Net contribution after the cost of serving, best first",
    )


# --- growth in B ---------------------------------------------------------------------------------
def growth_story(screen: GrowthScreen) -> Html:
    """Return the B accounts with the most room to grow, and what the screen could not judge.

    Examples
    --------
    >>> from workbook.coaching import growth_screen
    >>> from workbook.coaching.examples import example_tiered
    >>> text = str(growth_story(growth_screen(example_tiered())))
    >>> "1 of 2 B accounts" in text, "Berg Elektro AS" in text
    (True, True)
    """
    parts = [paragraph(screen.message)]
    if screen.could_not_judge:
        parts.append(paragraph("Could not judge:") + bullets(screen.could_not_judge))
    if len(screen.flagged):
        parts.append(
            charts.html_table(
                screen.flagged,
                {
                    "account": ("Account", "text"),
                    "revenue": ("Revenue", "money"),
                    "headroom": ("Room to grow", "money"),
                    "growth": ("Growth", "share"),
                    "margin": ("Margin", "share"),
                    "score": ("Score", "share"),
                },
                tier_column=None,
                caption="B accounts with real potential",
                max_rows=TOP,
            )
        )
    return Html("".join(parts))


def growth_chart(screen: GrowthScreen):
    """Return the B growth screen as a chart (nothing when no account could be scored)."""
    if screen.accounts["score"].notna().sum() == 0:
        return NOTHING
    return charts.growth_chart(screen.accounts)


# --- the plan ------------------------------------------------------------------------------------
def plan_story(
    plan: TimePlan, freed: HoursFreed, *, followed: float | None = None, rota=None
) -> Html:
    """Return the time plan: what the accounts get, whether it fits, the biggest accounts' visits,
    and the hours it moves.

    Parameters
    ----------
    plan : TimePlan
    freed : HoursFreed
        The hours the plan moves from today's habits.
    followed : float, optional
        The focus score of following the plan exactly (``coaching.focus_if_followed``).
    rota : Rota, optional
        The plan's visits in the weeks of the coming year (``coaching.visit_rota``), said in a
        sentence with how to take it to a calendar.

    Examples
    --------
    >>> from workbook.coaching import hours_freed, plan_time, time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=2, weeks=40)
    >>> text = str(plan_story(plan, hours_freed(time_vs_value(accounts, plan=plan), plan),
    ...                       followed=1.0))
    >>> "The plan fits" in text, "Fjordbakeri AS" in text, "would score 1.00" in text
    (True, True, True)
    """
    parts = [
        paragraph(plan.summary),
        *(paragraph(message) for message in plan.messages),
        paragraph(
            _("Hours within a tier go {how}.").format(how=wording.allocation_label(plan.allocation))
        ),
    ]
    parts.append(
        charts.html_table(
            _by_tier(plan.tiers),
            {
                "tier": (_("Tier"), "text"),
                "accounts": (_("Accounts"), "count"),
                "share": (_("Share of field time"), "share"),
                "hours": (_("Hours a year"), "money"),
                "least_visits": (_("Fewest visits"), "count"),
                "most_visits": (_("Most visits"), "count"),
                "hours_per_account": (_("Hours per account"), "number"),
            },
        )
    )
    biggest = plan.accounts.sort_values("value", ascending=False, kind="stable").head(TOP)
    parts.append(
        charts.html_table(
            biggest.assign(
                cadence=biggest["cadence"].map(wording.cadence_label),
                channel=biggest["channel"].map(wording.channel_label),
            ),
            {
                "account": (_("Account"), "text"),
                "tier": (_("Tier"), "text"),
                "value_share": (_("Share of value"), "share"),
                "visits_per_year": (_("Visits a year"), "count"),
                "cadence": (_("Cadence"), "text"),
                "planned_hours": (_("Hours a year"), "number"),
            },
            caption=_("Your biggest accounts in the plan"),
        )
    )
    cadences = [
        _("{cadence}: {n}").format(cadence=wording.cadence_label(key), n=fmt.number(count))
        for key, count in plan.cadences().items()
        if count
    ]
    parts.append(
        paragraph(_("Accounts by cadence: {cadences}.").format(cadences=", ".join(cadences)))
    )
    if followed is not None and freed.available:
        parts.append(
            paragraph(
                _(
                    "Following the plan exactly would score {score} on the focus score: the plan "
                    "and the yardstick agree."
                ).format(score=fmt.fixed(followed, 2))
            )
        )
    parts.append(paragraph(freed.message))
    if rota is not None:
        parts.append(
            paragraph(
                _(
                    "Your visit rota: {rota} Take it to your calendar with python -m workbook "
                    "plan FILE --ics visits.ics --rota, or from the week step of the app."
                ).format(rota=rota.summary)
            )
        )
        parts += [paragraph(message) for message in rota.messages]
    return Html("".join(parts))


def allocation_chart(tiered: pd.DataFrame, plan: TimePlan):
    """Return how the A accounts' visits follow value under each allocation (nothing without A
    accounts)."""
    from workbook.coaching.plan import compare_allocations

    if not int(plan.tiers.at["A", "accounts"]):
        return NOTHING
    return charts.allocation_chart(compare_allocations(tiered, plan.settings, metric=plan.metric))


def hours_chart(freed: HoursFreed):
    """Return each tier's hours today and in the plan (nothing when today's time is unknown)."""
    if not freed.available:
        return NOTHING
    return charts.hours_change_chart(freed.table)


def service_story(levels: pd.DataFrame, check: ServiceCheck, outlook: BeforeAfter) -> Html:
    """Return the service level of each tier, whether it fits the plan, and the before/after.

    Examples
    --------
    >>> from workbook.coaching import (before_after, check_service_levels,
    ...                                default_service_levels, plan_time)
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts)
    >>> levels = default_service_levels()
    >>> text = str(service_story(levels, check_service_levels(levels, plan),
    ...                          before_after(accounts, plan)))
    >>> "same working day" in text, "The service levels fit the plan." in text
    (True, True)
    >>> "not a promise" in text
    True
    """
    parts = [
        charts.html_table(
            _by_tier(levels),
            {
                "tier": (_("Tier"), "text"),
                "visits_per_year": (_("Visits a year, at least"), "number"),
                "response_time": (_("Answer"), "text"),
                "channel": (_("Channel"), "text"),
                "handled_by": (_("Handled by"), "text"),
                "concessions": (_("Concessions"), "text"),
            },
        )
    ]
    parts.append(
        paragraph(
            _("The service levels fit the plan.")
            if check.fits
            else _("The service levels do not fit the plan:")
        )
    )
    if check.messages:
        parts.append(bullets(check.messages))
    parts.append(charts.outlook_table(outlook))
    parts.append(paragraph(outlook.summary))
    if outlook.notes:
        parts.append(bullets(outlook.notes))
    return Html("".join(parts))


# --- what to do ----------------------------------------------------------------------------------
def top_actions(
    *,
    plan: TimePlan,
    today: TimeVsValue,
    freed: HoursFreed,
    cost: CostToServe,
    screen: GrowthScreen,
) -> list[str]:
    """Return the report's top actions (what to do and to stop doing), most important first.

    They are the action plan's own sentences (``workbook.coaching.wording.next_actions``).

    Examples
    --------
    >>> from workbook.coaching import (cost_to_serve, growth_screen, hours_freed, plan_time,
    ...                                time_vs_value)
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=2, weeks=40)
    >>> today = time_vs_value(accounts, plan=plan)
    >>> actions = top_actions(plan=plan, today=today, freed=hours_freed(today, plan),
    ...                       cost=cost_to_serve(accounts), screen=growth_screen(accounts))
    >>> print(actions[0])
    Block 1.4 h a week (80% of your field time) for your 1 A account: 38 visits a year.
    """
    return [
        action.text
        for action in wording.next_actions(
            plan=plan, today=today, freed=freed, cost=cost, screen=screen
        )
        if action.kind != "measure"
    ]


def actions_list(actions: list[str]) -> Html:
    """Return the top actions as a numbered list."""
    if not actions:
        return _note("No action stands out: your time already follows your value.")
    return Html(bullets(actions, ordered=True))
