"""The figures the notebooks' "predict, then check yourself" questions ask about.

Each returns a plain number from the person's own data, or NaN when the data cannot answer the
question (a missing column); the notebook then says so instead of asking.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from workbook.analysis import assign_tiers, metric_values
from workbook.analysis.metrics import METRIC_COLUMNS
from workbook.coaching._checks import column_or_none
from workbook.coaching.cost import CostToServe
from workbook.coaching.focus import TimeVsValue
from workbook.coaching.plan import TimePlan
from workbook.settings import TierSettings

NAN = float("nan")


def biggest_share(accounts: pd.DataFrame | None, *, metric: str = "revenue") -> float:
    """Return the share of the positive total that the single biggest account brings.

    Parameters
    ----------
    accounts : pandas.DataFrame or None
        The accounts (None: the file could not be read).
    metric : str, default "revenue"

    Returns
    -------
    float
        Between 0 and 1; NaN without accounts or without a positive total.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> biggest_share(example_tiered())  # Fjordbakeri AS: 900 000 of 1 000 000
    0.9
    >>> biggest_share(None)
    nan
    """
    if accounts is None or not len(accounts):
        return NAN
    values = np.maximum(metric_values(accounts, metric), 0.0)
    total = float(values.sum())
    return float(values.max()) / total if total > 0 else NAN


def time_share(today: TimeVsValue, tier: str = "A") -> float:
    """Return the share of today's selling time that goes to one tier (NaN when time is unknown).

    Parameters
    ----------
    today : TimeVsValue
        From ``time_vs_value``.
    tier : str, default "A"

    Returns
    -------
    float

    Examples
    --------
    >>> from workbook.coaching import time_vs_value
    >>> from workbook.coaching.examples import example_tiered
    >>> time_share(time_vs_value(example_tiered()))  # 40 of 70 hours go to Fjordbakeri AS
    0.5714285714285714
    >>> time_share(time_vs_value(example_tiered().drop(columns=["visits", "selling_hours"])))
    nan
    """
    if not today.available or tier not in today.tiers.index:
        return NAN
    return float(today.tiers.at[tier, "time_share"])


def loss_share(cost: CostToServe, tier: str = "C") -> float:
    """Return the share of a tier's accounts that lose money once serving them is counted.

    NaN when the tier is empty, when gross profit is unknown, or when nothing about serving
    could be counted (no visits, hours or service requests: every serving cost is 0).

    Parameters
    ----------
    cost : CostToServe
        From ``cost_to_serve``.
    tier : str, default "C"

    Returns
    -------
    float

    Examples
    --------
    >>> from workbook.coaching import cost_to_serve
    >>> from workbook.coaching.examples import example_tiered
    >>> cost = cost_to_serve(example_tiered())
    >>> loss_share(cost, "C"), loss_share(cost, "B"), loss_share(cost, "A")
    (1.0, 0.5, 0.0)
    >>> loss_share(cost_to_serve(example_tiered()[["account_id", "account", "revenue",
    ...                                            "gross_profit", "tier"]]))
    nan
    """
    accounts = cost.accounts
    in_tier = accounts[accounts["tier"] == tier]
    known = in_tier["net_contribution"].notna()
    if not len(in_tier) or not known.any() or not (accounts["serving_cost"] > 0).any():
        return NAN
    return float((in_tier.loc[known, "net_contribution"] < 0).mean())


def near_potential_share(tiered: pd.DataFrame, *, tier: str = "B", at_least: float = 0.8) -> float:
    """Return the share of a tier's accounts already buying ``at_least`` of their potential.

    Only accounts whose potential is known and above zero count; NaN when there is none.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with ``tier``, ``revenue`` and ``potential``.
    tier : str, default "B"
    at_least : float, default 0.8
        Revenue ÷ potential from which an account counts as near its potential.

    Returns
    -------
    float

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> tiered = example_tiered()  # Berg Elektro AS buys 33% of its potential, Lys Kafé DA 97%
    >>> near_potential_share(tiered)
    0.5
    >>> near_potential_share(tiered.drop(columns=["potential"]))
    nan
    """
    potential = column_or_none(tiered, "potential")
    if potential is None or "revenue" not in tiered.columns:
        return NAN
    chosen = (tiered["tier"] == tier).to_numpy() & (potential.to_numpy() > 0)
    if not chosen.any():
        return NAN
    ratio = tiered["revenue"].to_numpy()[chosen] / potential.to_numpy()[chosen]
    return float(np.mean(ratio >= at_least - 1e-9))


def kept_in_tier(
    tiered: pd.DataFrame,
    settings: TierSettings,
    *,
    metric: str = "gross_profit",
    tier: str = "A",
) -> float:
    """Return the share of a tier's accounts that stay in it when ranked by another metric.

    Parameters
    ----------
    tiered : pandas.DataFrame
        The accounts, tiered with ``settings``.
    settings : TierSettings
        How they were tiered; only the metric changes.
    metric : str, default "gross_profit"
        The other metric; the method and thresholds stay as they are.
    tier : str, default "A"

    Returns
    -------
    float
        NaN when the tier is empty or the accounts lack the metric's column.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> by_value = TierSettings(method="value_share")
    >>> tiered = assign_tiers(example_accounts(), by_value)
    >>> tiered["tier"].tolist()
    ['A', 'A', 'A', 'B', 'B']
    >>> kept_in_tier(tiered, by_value)  # by profit Solkafé ANS (a loss) leaves A
    0.6666666666666666
    >>> kept_in_tier(tiered, by_value, metric="blend", tier="C")
    nan
    """
    before = tiered["tier"] == tier
    if not before.any() or any(name not in tiered.columns for name in METRIC_COLUMNS[metric]):
        return NAN
    after = assign_tiers(tiered, TierSettings.of(settings, metric=metric))["tier"] == tier
    return float((before & after).sum() / before.sum())


def is_known(value: float | None) -> bool:
    """Return whether a figure can be asked about (a finite number).

    Examples
    --------
    >>> is_known(0.77), is_known(float("nan")), is_known(None)
    (True, False, False)
    """
    return value is not None and math.isfinite(float(value))


def still_in_tier(comparison, tier: str = "A") -> float:
    """Return the share of last period's accounts of ``tier`` that are in it again now.

    Parameters
    ----------
    comparison : PeriodComparison or None
        From ``workbook.analysis.compare_periods`` (None: no previous period).
    tier : str, default "A"

    Returns
    -------
    float
        Between 0 and 1 (a lost account is not in the tier now); NaN without a previous period
        or without accounts of the tier last period.

    Examples
    --------
    >>> from workbook.analysis import compare_periods
    >>> from workbook.analysis.examples import example_accounts
    >>> before = example_accounts()
    >>> now = before.assign(revenue=[60000.0, 95000.0, 66000.0, 40000.0, 27000.0])
    >>> still_in_tier(compare_periods(now, before, a=0.4), "A")  # 001 and 002 were A; 002 is
    0.5
    >>> still_in_tier(None)
    nan
    """
    if comparison is None:
        return NAN
    row = comparison.matrix.loc[tier]
    before = int(row.sum())
    return int(row[tier]) / before if before else NAN


def visits_of_biggest(plan: TimePlan, tier: str = "A") -> float:
    """Return the visits a year the plan gives the biggest account of a tier (NaN when empty).

    Examples
    --------
    >>> from workbook.coaching import plan_time
    >>> from workbook.coaching.examples import example_tiered
    >>> visits_of_biggest(plan_time(example_tiered(), hours_per_week=2, weeks=40), tier="B")
    8.0
    """
    members = plan.accounts[plan.accounts["tier"] == tier]
    if members.empty:
        return NAN
    return float(members.loc[members["value"].idxmax(), "visits_per_year"])
