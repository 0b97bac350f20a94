"""Before and after: what selling time costs per unit of revenue today and under the plan.

The article's client raised sales and lowered the cost of each sale. This module shows that
comparison on the salesperson's own numbers, and returns every assumption next to the result:
the hourly cost, where today's hours come from, and the revenue change per tier the person
expects (none unless they say so).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook.coaching._checks import column_or_none, identity
from workbook.coaching.cost import visit_hours_of
from workbook.coaching.plan import TimePlan
from workbook.errors import SettingsError
from workbook.schema import TIERS


@dataclass(frozen=True)
class BeforeAfter:
    """Selling cost per unit of revenue today and under the plan (see :func:`before_after`).

    Attributes
    ----------
    table : pandas.DataFrame
        Rows ``today`` and ``plan``: selling_hours, selling_cost, revenue, cost_per_revenue
        (selling cost ÷ revenue, e.g. 0.02 = 2 øre of selling time per krone sold).
    tiers : pandas.DataFrame
        Per tier: revenue today, the expected change and the projected revenue.
    assumptions : dict
        Every number and choice the result rests on.
    notes : list of str
        What the data lacked and what that means for the result.
    """

    table: pd.DataFrame
    tiers: pd.DataFrame
    assumptions: dict
    notes: list[str] = field(default_factory=list)


def check_revenue_change(change: Mapping[str, float] | None) -> dict[str, float]:
    """Return the expected revenue change per tier (0 where not given), checked.

    Examples
    --------
    >>> check_revenue_change({"A": 0.05, "C": -0.03})
    {'A': 0.05, 'B': 0.0, 'C': -0.03}
    """
    given = dict(change or {})
    unknown = sorted(set(given) - set(TIERS))
    if unknown:
        raise SettingsError(f"revenue_change names unknown tiers {unknown}: use A, B and C")
    checked = {}
    for tier in TIERS:
        value = given.get(tier, 0.0)
        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and number > -1):
            raise SettingsError(
                f"revenue_change[{tier!r}] is {value!r}: a change must be above "
                "-1 (-1 would be losing all of the tier's revenue)"
            )
        checked[tier] = number
    return checked


def before_after(
    tiered: pd.DataFrame,
    plan: TimePlan,
    *,
    revenue_change: Mapping[str, float] | None = None,
) -> BeforeAfter:
    """Compare the cost of selling time per unit of revenue today with the plan's.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with ``tier`` and ``revenue``; today's hours come from ``selling_hours``, else
        visits × the plan's visit length per tier.
    plan : TimePlan
        The time plan of the same accounts (a year of selling time); its settings' hourly cost
        prices an hour on both sides.
    revenue_change : dict, optional
        The revenue change you expect per tier under the plan, e.g.
        ``{"A": 0.05, "B": 0.02, "C": -0.03}``; tiers left out (and all, by default) stay as today.

    Returns
    -------
    BeforeAfter

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=2, weeks=35)
    >>> result = before_after(accounts, plan, revenue_change={"A": 0.05, "C": -0.5})
    >>> result.table
           selling_hours  selling_cost    revenue  cost_per_revenue
    today           70.0       56000.0  1000000.0          0.056000
    plan            70.0       56000.0  1035000.0          0.054106
    >>> result.assumptions["revenue_change"]
    {'A': 0.05, 'B': 0.0, 'C': -0.5}
    """
    hourly_cost = plan.settings.hourly_cost
    change = check_revenue_change(revenue_change)
    labels = identity(tiered)["tier"]
    revenue = column_or_none(tiered, "revenue")
    if revenue is None:
        raise ValueError("the accounts have no revenue to compare selling time with")
    notes = []
    hours, source, hour_notes = visit_hours_of(tiered, plan.visit_hours)
    today_hours = float(hours.sum()) if source != "none" else math.nan
    if source == "none":
        notes.append(
            "today's selling time is unknown (no selling_hours or visits), so only the "
            "plan's cost can be shown"
        )
    else:
        notes += hour_notes

    by_tier = (
        revenue.groupby(np.asarray(labels.astype(object)))
        .sum()
        .reindex(list(TIERS), fill_value=0.0)
    )
    tiers = pd.DataFrame({"revenue": by_tier, "expected_change": pd.Series(change)})
    tiers["projected_revenue"] = tiers["revenue"] * (1 + tiers["expected_change"])
    tiers.index.name = "tier"

    rows = {
        "today": (today_hours, float(by_tier.sum())),
        "plan": (plan.total_hours, float(tiers["projected_revenue"].sum())),
    }
    table = pd.DataFrame(
        [
            {
                "selling_hours": h,
                "selling_cost": h * hourly_cost,
                "revenue": r,
                "cost_per_revenue": h * hourly_cost / r if r > 0 else math.nan,
            }
            for h, r in rows.values()
        ],
        index=list(rows),
    )
    assumptions = {
        "hourly_cost": hourly_cost,
        "today_hours_from": source,
        "plan_hours": f"{plan.hours_per_week:g} h a week × {plan.weeks:g} weeks",
        "period": "the data's period is taken as one year, like the plan",
        "revenue_change": change,
        "revenue_change_given": bool(revenue_change),
    }
    if not revenue_change:
        notes.append("no expected revenue change given: the plan's revenue is today's")
    return BeforeAfter(table, tiers, assumptions, notes)
