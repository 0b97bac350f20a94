"""The time plan: how many hours each tier gets, what that means per account, and whether it fits.

Hours for a tier = hours_per_week × weeks × the tier's share; hours per account = tier hours ÷
accounts in the tier; visits follow from a visit length per tier. The plan covers one year of
``weeks`` selling weeks, so "a month" is a twelfth of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching._checks import tier_counts
from workbook.schema import TIERS
from workbook.settings import PlanSettings

PLAN_COLUMNS = [
    "accounts",
    "share",
    "hours",
    "hours_per_account",
    "visit_hours",
    "visits_per_account_per_year",
    "visits_per_account_per_month",
    "min_visits_per_year",
    "meets_minimum",
]

#: The numbers of each tier that ``TimePlan.to_dict`` gives (with ``accounts``).
JSON_NUMBERS = [
    "share",
    "hours",
    "hours_per_account",
    "visit_hours",
    "visits_per_account_per_year",
    "visits_per_account_per_month",
]


@dataclass(frozen=True)
class TimePlan:
    """A year's selling time split over the tiers (see :func:`plan_time`).

    Attributes
    ----------
    settings : PlanSettings
        The settings the plan was made with.
    hours_per_week, weeks, total_hours : float
        The plan's size; ``total_hours`` = hours_per_week × weeks, and the tiers' hours add up to it
        exactly.
    shares, visit_hours, min_visits_per_year : dict
        The settings used, one number per tier.
    tiers : pandas.DataFrame
        One row per tier (index A, B, C): accounts, share, hours, hours_per_account, visit_hours,
        visits_per_account_per_year, visits_per_account_per_month, min_visits_per_year,
        meets_minimum.
    feasible : bool
        True when every tier's accounts get at least their minimum number of visits.
    messages : list of str
        What is wrong and what to change; empty when nothing is.
    summary : str
        One sentence saying what the plan gives each account, or that it does not fit.
    """

    settings: PlanSettings
    hours_per_week: float
    weeks: float
    total_hours: float
    shares: dict[str, float]
    visit_hours: dict[str, float]
    min_visits_per_year: dict[str, float]
    tiers: pd.DataFrame
    feasible: bool
    messages: list[str]
    summary: str

    def to_dict(self) -> dict:
        """Return the plan as plain data with the keys of the command line's ``--json``."""
        return {
            "hours_per_week": self.hours_per_week,
            "weeks": self.weeks,
            "total_hours": self.total_hours,
            "tiers": {
                tier: {
                    "accounts": int(row["accounts"]),
                    **{name: float(row[name]) for name in JSON_NUMBERS},
                }
                for tier, row in self.tiers.iterrows()
            },
            "feasible": self.feasible,
            "messages": list(self.messages),
            "summary": self.summary,
        }


def split_hours(total: float, shares: Mapping[str, float]) -> dict[str, float]:
    """Return ``total`` hours split by ``shares``, adding up to ``total`` exactly.

    Each part is rounded to a whole number of the last bit of ``total`` (its ``math.ulp``), and the
    rounding left over goes to the largest share; every partial sum of such parts is then exact,
    in any order.

    Examples
    --------
    >>> parts = split_hours(30 * 46, {"A": 0.8, "B": 0.2, "C": 0.0})
    >>> parts
    {'A': 1104.0, 'B': 276.0, 'C': 0.0}
    >>> sum(parts.values()) == 30 * 46
    True
    """
    unit = math.ulp(total)
    whole = round(total / unit)  # total is a whole number of units, so this is exact
    units = {tier: round(total * share / unit) for tier, share in shares.items()}
    largest = max(shares, key=lambda tier: shares[tier])
    units[largest] += whole - sum(units.values())
    return {tier: count * unit for tier, count in units.items()}


def plan_time(tiered: pd.DataFrame, settings: PlanSettings | None = None, **choices) -> TimePlan:
    """Split a year's selling time over the tiers and say whether every account gets enough.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with a ``tier`` column (A, B or C), as ``workbook.assign_tiers`` returns them.
    settings : PlanSettings, optional
        Hours a week (30), weeks (46), each tier's share of the time (A 0.8, B 0.2, C the rest:
        0, so inside sales, e-mail or self-service serve C), hours a visit per tier and the
        least visits a year per tier (see ``PlanSettings``); default ``PlanSettings()``.
    **choices
        The same as keywords, changing ``settings`` (e.g. ``hours_per_week=20``).

    Returns
    -------
    TimePlan
        The per-tier table, ``feasible``, and ``messages`` saying what to change when it is not.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=10, weeks=40)
    >>> plan.tiers[["accounts", "hours", "hours_per_account", "visits_per_account_per_month"]]
          accounts  hours  hours_per_account  visits_per_account_per_month
    tier
    A            1  320.0              320.0                     17.777778
    B            2   80.0               40.0                      3.333333
    C            2    0.0                0.0                      0.000000
    >>> plan.feasible, bool(plan.tiers["hours"].sum() == 10 * 40)
    (True, True)
    >>> print(plan_time(accounts, hours_per_week=0.5, weeks=40).messages[0])
    You have 1 A account; 0.5 h a week × 80% lets you visit it 0.9 times a month at 1.5 h a visit,
    and every A account needs at least 1 a month. Plan at least 0.6 h a week, or shorten A visits
    to 1.3 h.
    """
    settings = PlanSettings.of(settings, **choices)
    hours_per_week, weeks = settings.hours_per_week, settings.weeks
    shares = dict(settings.shares)
    lengths = dict(settings.visit_hours)
    minimum = dict(settings.min_visits_per_year)
    counts = tier_counts(tiered)
    total = hours_per_week * weeks
    hours = split_hours(total, shares)

    rows = []
    for tier in TIERS:
        n = counts[tier]
        per_account = hours[tier] / n if n else math.nan
        per_year = per_account / lengths[tier]
        rows.append(
            {
                "tier": tier,
                "accounts": n,
                "share": shares[tier],
                "hours": hours[tier],
                "hours_per_account": per_account,
                "visit_hours": lengths[tier],
                "visits_per_account_per_year": per_year,
                "visits_per_account_per_month": per_year / 12,
                "min_visits_per_year": minimum[tier],
                # a tier without accounts asks nothing of the plan
                "meets_minimum": bool(n == 0 or per_year >= minimum[tier] - 1e-9),
            }
        )
    table = pd.DataFrame(rows).set_index("tier")[PLAN_COLUMNS]

    short = [tier for tier in TIERS if not table.at[tier, "meets_minimum"]]
    messages = [
        _shortfall(
            tier,
            table.loc[tier],
            hours_per_week=hours_per_week,
            weeks=weeks,
            total=total,
            n_accounts=sum(counts.values()),
        )
        for tier in short
    ]
    messages += [
        f"{tier} has no accounts, so its {shares[tier]:.0%} of your time "
        f"({hours[tier]:,.0f} h a year) goes to no one: give it to another tier."
        for tier in TIERS
        if counts[tier] == 0 and shares[tier] > 0
    ]
    messages += [
        f"Each {tier} account would get {table.at[tier, 'visits_per_account_per_month']:,.0f} "
        f"visits a month: more time than one account can use. With so few accounts, plan fewer "
        f"selling hours for this book, or draw the tiers so more accounts share the time."
        for tier in TIERS
        if table.at[tier, "visits_per_account_per_month"] > defaults.MAX_VISITS_PER_MONTH
    ]
    return TimePlan(
        settings=settings,
        hours_per_week=hours_per_week,
        weeks=weeks,
        total_hours=total,
        shares=shares,
        visit_hours=lengths,
        min_visits_per_year=minimum,
        tiers=table,
        feasible=not short,
        messages=messages,
        summary=_summary(table, short),
    )


def _often(per_year: float, *, monthly: bool, noun: str = "times") -> str:
    """Say a visit frequency the way a person would: "0.8 times a month", "2 times a year"."""
    value, unit = (per_year / 12, "month") if monthly else (per_year, "year")
    return f"{fmt.number(value, 1)} {noun} a {unit}"


def _shortfall(
    tier: str, row: pd.Series, *, hours_per_week: float, weeks: float, total: float, n_accounts: int
) -> str:
    """Say why ``tier`` gets too few visits and what would make it fit."""
    n, minimum, length = int(row["accounts"]), row["min_visits_per_year"], row["visit_hours"]
    monthly = minimum >= 12
    need = f"at least {minimum / 12:g} a month" if monthly else f"at least {minimum:g} a year"
    needed_hours = n * minimum * length
    what = f"{n} {tier} account{'s' if n != 1 else ''}"
    if row["share"] == 0:
        return (
            f"{tier} gets none of your time but you have {what}, and each needs {need} "
            f"({needed_hours:,.0f} h a year in all). Give {tier} a share of the time "
            f"(share_{tier.lower()} = {needed_hours / total:.2f} would do) or move its "
            f"accounts to another tier."
        )
    each = "it" if n == 1 else "each"
    text = (
        f"You have {what}; {hours_per_week:g} h a week × {row['share']:.0%} lets you visit "
        f"{each} {_often(row['visits_per_account_per_year'], monthly=monthly)} at {length:g} h "
        f"a visit, and every {tier} account needs {need}. "
    )
    more_hours = math.ceil(needed_hours / (weeks * row["share"]) * 10) / 10
    shorter = math.floor(row["hours_per_account"] / minimum * 10) / 10
    options = [f"Plan at least {more_hours:g} h a week"]
    if shorter > 0:
        options.append(f"shorten {tier} visits to {shorter:g} h")
    fits = math.floor(row["hours"] / (minimum * length) + 1e-9)
    if fits > 0:
        if tier == "A":
            # a is a share of accounts only with account_share tiers, so the method is named
            options.append(
                f"make A smaller (at most {fits} of your {n_accounts} accounts: "
                f"a = {math.floor(fits / n_accounts * 100) / 100:.2f} with "
                "account_share tiers)"
            )
        else:
            options.append(f"keep at most {fits} accounts in {tier}")
    if len(options) == 1:
        return text + options[0] + "."
    return text + ", ".join(options[:-1]) + ", or " + options[-1] + "."


def _summary(table: pd.DataFrame, short: list[str]) -> str:
    """Say in one sentence what the plan gives each account, or which tiers it leaves short."""
    if short:
        return (
            "The plan does not fit: "
            + " and ".join(short)
            + " accounts get fewer visits than the minimum."
        )
    parts = []
    for tier, row in table.iterrows():
        if row["accounts"] == 0:
            continue
        if row["hours"] == 0:
            parts.append(
                f"{tier} accounts get no field time (serve them by inside sales, e-mail "
                "or self-service)"
            )
            continue
        monthly = row["visits_per_account_per_year"] >= 12
        parts.append(
            f"each {tier} account gets {row['hours_per_account']:,.1f} h a year (about "
            f"{_often(row['visits_per_account_per_year'], monthly=monthly, noun='visits')}"
            f" of {row['visit_hours']:g} h)"
        )
    return "The plan fits: " + "; ".join(parts) + "."
