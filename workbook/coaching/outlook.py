"""Before and after: the same hours on both sides, what they cost, and what the plan may earn.

The article's client raised sales and lowered the cost of each sale. This module shows that
comparison on the salesperson's own numbers, honestly:

- **the same hours on both sides**: today's time is put on the hours the plan gives your accounts
  (each account's share of today's time × those hours), so the plan is never cheaper only because
  it plans fewer hours than you logged;
- **serving cost at the hourly cost** of the cost step: (hours + service requests × minutes
  each) × hourly cost, the same on both sides; the plan moves the hours, it does not save them;
- **the revenue effect as a range**, under the response model of the plan (r(x) = b + (1 − b) ·
  x / (d + x) for x visits a year, each account's curve through today's revenue at today's
  visits): the change from today's habits to the plan's visits, at the same hours, when visits
  drive a low and a high share (1 − b) of what accounts buy. An estimate under a stated
  assumption, never a promise; field studies found 2–8%.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching._checks import column_or_none
from workbook.coaching.focus import TimeVsValue, time_unit, time_vs_value
from workbook.coaching.plan import TimePlan
from workbook.i18n import _
from workbook.schema import TIERS


@dataclass(frozen=True)
class BeforeAfter:
    """Today and the plan on the same hours (see :func:`before_after`).

    Attributes
    ----------
    available : bool
        False when today's time is unknown: only the plan's side can be shown.
    table : pandas.DataFrame
        Rows ``today``, ``plan_low`` and ``plan_high``: hours, serving_cost, revenue and
        cost_per_revenue (serving cost ÷ revenue, e.g. 0.02 = 2 øre of serving per krone sold).
    tiers : pandas.DataFrame
        Per tier: hours_today, hours_plan, cost_today, cost_plan, revenue, effect_low and
        effect_high (the revenue change each way).
    effect : tuple of float
        The revenue change as a share of today's revenue, low and high.
    assumptions : dict
        Every number and choice the result rests on.
    notes : list of str
        What the data lacked and what that means for the result.
    summary : str
        The comparison in two sentences, with its assumption.
    """

    available: bool
    table: pd.DataFrame
    tiers: pd.DataFrame
    effect: tuple[float, float]
    assumptions: dict
    notes: list[str] = field(default_factory=list)
    summary: str = ""


def response(visits, half_visits, driven_share: float) -> np.ndarray:
    """Return r(x) = b + (1 − b) · x / (d + x), the share of its saturated sales an account makes
    at x visits a year, with b = 1 − ``driven_share``.

    Examples
    --------
    >>> response([0, 4, 12, 45], 4.0, 0.4).round(3)
    array([0.6  , 0.8  , 0.9  , 0.967])
    """
    x = np.asarray(visits, dtype=float)
    return 1 - driven_share + driven_share * x / (np.asarray(half_visits, dtype=float) + x)


def before_after(
    tiered: pd.DataFrame, plan: TimePlan, *, today: TimeVsValue | None = None
) -> BeforeAfter:
    """Compare today and the plan on the same hours: serving cost, revenue, cost per revenue.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with ``tier`` and ``revenue``; today's time from ``selling_hours`` or ``visits``;
        ``service_requests`` when known (the same on both sides).
    plan : TimePlan
        The time plan of the same accounts; its settings' hourly cost and minutes a request price
        both sides, its response curve gives the revenue effect.
    today : TimeVsValue, optional
        Today's time against this plan (default: ``time_vs_value(tiered, plan=plan)``).

    Returns
    -------
    BeforeAfter

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> result = before_after(accounts, plan_time(accounts, hours_per_week=2, weeks=40))
    >>> result.table.round(3)
               hours  serving_cost      revenue  cost_per_revenue
    today       71.0       68800.0  1000000.000             0.069
    plan_low    71.0       68800.0  1001313.226             0.069
    plan_high   71.0       68800.0  1006071.753             0.068
    >>> print(result.summary)
    On the same 71 h a year on both sides, serving your accounts costs 68,800 today and with the
    plan: the plan moves your hours, it does not save them. If visits drive 10% to 40% of what
    your accounts buy, the plan's visits would change your revenue by +0.1% to +0.6% (1,313 to
    6,072) against today's habits: an estimate under that assumption, not a promise (field
    studies found 2% to 8%).
    """
    settings = plan.settings
    today = time_vs_value(tiered, metric=plan.metric, plan=plan) if today is None else today
    revenue = column_or_none(tiered, "revenue")
    if revenue is None:
        raise ValueError(_("the accounts have no revenue to compare selling time with"))
    revenue = revenue.fillna(0.0)
    accounts = plan.accounts.reset_index(drop=True)
    hours = float(accounts["planned_hours"].sum())
    requests = column_or_none(tiered, "service_requests")
    request_hours = (
        pd.Series(np.zeros(len(accounts)))
        if requests is None
        else requests.fillna(0.0) * settings.minutes_per_request / 60
    )
    cost = settings.hourly_cost
    tiers = pd.Categorical(accounts["tier"], categories=TIERS)

    def by_tier(values) -> pd.Series:
        return pd.Series(values).groupby(tiers, observed=False).sum().reindex(list(TIERS))

    notes = []
    shares = defaults.VISIT_DRIVEN_SHARE
    half = accounts["tier"].map(dict(settings.response_half_visits)).astype(float)
    if today.available:
        hours_today = today.accounts["time_share"] * hours
        visits_now = _visits_today(tiered, accounts)
        visits_same_hours = hours_today / accounts["visit_hours"]
        effects = []
        for share in shares:
            scale = revenue.clip(lower=0) / response(visits_now, half, share)
            effects.append(
                scale
                * (
                    response(accounts["visits_per_year"], half, share)
                    - response(visits_same_hours, half, share)
                )
            )
        low, high = sorted(effects, key=lambda e: float(e.sum()))
    else:
        hours_today = pd.Series(np.full(len(accounts), np.nan))
        low = high = pd.Series(np.full(len(accounts), np.nan))
        notes.append(
            _(
                "Today's time is unknown (no selling_hours or visits), so only the plan's side "
                "can be shown, with today's revenue."
            )
        )
    total_revenue = float(revenue.sum())
    base_cost = float(request_hours.sum()) * cost
    rows = {
        "today": (hours if today.available else math.nan, total_revenue),
        "plan_low": (hours, total_revenue + float(low.sum())),
        "plan_high": (hours, total_revenue + float(high.sum())),
    }
    if not today.available:
        rows["plan_low"] = rows["plan_high"] = (hours, total_revenue)
    table = pd.DataFrame(
        [
            {
                "hours": h,
                "serving_cost": h * cost + base_cost,
                "revenue": r,
                "cost_per_revenue": (h * cost + base_cost) / r if r > 0 else math.nan,
            }
            for h, r in rows.values()
        ],
        index=list(rows),
    )
    tier_table = pd.DataFrame(
        {
            "hours_today": by_tier(hours_today),
            "hours_plan": by_tier(accounts["planned_hours"]),
            "cost_today": by_tier(hours_today * cost + request_hours * cost),
            "cost_plan": by_tier(accounts["planned_hours"] * cost + request_hours * cost),
            "revenue": by_tier(revenue),
            "effect_low": by_tier(low),
            "effect_high": by_tier(high),
        }
    )
    tier_table.index.name = "tier"
    effect = (
        (float(low.sum()) / total_revenue, float(high.sum()) / total_revenue)
        if today.available and total_revenue > 0
        else (math.nan, math.nan)
    )
    assumptions = {
        "hourly_cost": cost,
        "minutes_per_request": settings.minutes_per_request,
        "hours": hours,
        "hours_basis": _(
            "today's shares of your {unit} applied to the {hours} the plan gives your accounts"
        ).format(unit=time_unit(today.time_column), hours=fmt.hours(hours, 0)),
        "response_curve": "r(x) = b + (1 - b) * x / (d + x)",
        "half_visits": dict(settings.response_half_visits),
        "visit_driven_share": list(shares),
        "period": _("the data's period is taken as one year, like the plan"),
    }
    result = BeforeAfter(today.available, table, tier_table, effect, assumptions, notes)
    return dataclasses.replace(result, summary=outlook_summary(result))


def _visits_today(tiered: pd.DataFrame, accounts: pd.DataFrame) -> pd.Series:
    """Return each account's visits in the data's period: ``visits``, else hours ÷ visit length."""
    visits = column_or_none(tiered, "visits")
    if visits is not None:
        return visits.fillna(0.0)
    hours = column_or_none(tiered, "selling_hours")
    return (hours.fillna(0.0) if hours is not None else 0.0) / accounts["visit_hours"]


def outlook_summary(result: BeforeAfter) -> str:
    """Say the before/after in two sentences: the same hours and cost, the revenue range."""
    plan = result.table.loc["plan_low"]
    if not result.available:
        return _(
            "With the plan, the {hours} it gives your accounts cost {cost} to serve. Today's "
            "time is unknown, so the plan cannot be compared with it."
        ).format(hours=fmt.hours(plan["hours"], 0), cost=fmt.money(plan["serving_cost"]))
    low, high = result.effect
    amounts = result.tiers[["effect_low", "effect_high"]].sum()
    shares = result.assumptions["visit_driven_share"]
    return _(
        "On the same {hours} a year on both sides, serving your accounts costs {cost} today and "
        "with the plan: the plan moves your hours, it does not save them. If visits drive "
        "{share_low} to {share_high} of what your accounts buy, the plan's visits would change "
        "your revenue by {low} to {high} ({amount_low} to {amount_high}) against today's habits: "
        "an estimate under that assumption, not a promise (field studies found 2% to 8%)."
    ).format(
        hours=fmt.hours(plan["hours"], 0),
        cost=fmt.money(plan["serving_cost"]),
        share_low=fmt.share(shares[0]),
        share_high=fmt.share(shares[1]),
        low=_signed_share(low),
        high=_signed_share(high),
        amount_low=fmt.money(amounts["effect_low"]),
        amount_high=fmt.money(amounts["effect_high"]),
    )


def _signed_share(value: float) -> str:
    text = fmt.share(value, 1)
    return text if value < 0 or text.startswith(("-", "−")) else f"+{text}"
