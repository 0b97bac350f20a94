"""The time plan: a year's selling hours for prospecting, for each tier and for each account.

- The plan's hours are hours_per_week × weeks; ``prospecting_share`` of them (10%) is kept for new
  customers outside the tiers, and the rest, the field hours, is split over the tiers by their
  shares (A 0.8, B 0.2, C 0 by default). Every split adds up exactly.
- Within a tier each account gets whole visits a year, between the tier's minimum and maximum, by
  the chosen ``allocation``:

  - ``"response"`` (the default): sales respond to visits with diminishing returns, r(x) = b +
    (1 − b)·x / (d + x) for x visits a year (Little's ADBUDG curve, as CALLPLAN used it, with
    c = 1). The next visit goes where it adds most, value × r'(x), until the tier's hours are
    used; where that leaves accounts between their limits, their marginal returns are equal,
    which makes visits + d follow the square root of value. b drops out of the allocation (it
    only matters for the revenue effect, see ``workbook.coaching.outlook``);
  - ``"equal"``: the same visits for every account of the tier;
  - ``"value"``: visits in proportion to each account's value.

  The continuous solution is found by bisection and turned into whole visits by largest
  remainders (ties to the bigger account), so more value never gets fewer visits within a tier.
  A tier's hours that whole visits cannot fill (less than one visit, unless every account is at
  its maximum) are ``spare`` and said.
- Travel is counted once: a visit's length includes the drive, and so do the selling hours.
- A new account (``months_as_customer`` under ``new_account_months``, when order lines show it)
  that the tiers put in C is planned as B: its revenue covers part of a year.
- Every account gets its planned hours, visits a year, a cadence and a channel.

The plan covers one year of ``weeks`` selling weeks, so "a month" is a twelfth of it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook.analysis.metrics import metric_values
from workbook.coaching import wording
from workbook.coaching._checks import identity
from workbook.schema import TIERS
from workbook.settings import PlanSettings

PLAN_COLUMNS = [
    "accounts",
    "new_accounts",
    "share",
    "hours",
    "planned_hours",
    "spare_hours",
    "hours_per_account",
    "visit_hours",
    "visits",
    "visits_per_account_per_year",
    "visits_per_account_per_month",
    "least_visits",
    "most_visits",
    "min_visits_per_year",
    "max_visits_per_year",
    "meets_minimum",
]

#: The numbers of each tier that ``TimePlan.to_dict`` gives (with ``accounts``).
JSON_NUMBERS = [
    "share",
    "hours",
    "planned_hours",
    "spare_hours",
    "hours_per_account",
    "visit_hours",
    "visits_per_account_per_year",
    "visits_per_account_per_month",
    "least_visits",
    "most_visits",
]

ACCOUNT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "tier_by_value",
    "new",
    "value",
    "value_share",
    "visits_per_year",
    "visit_hours",
    "planned_hours",
    "time_share_planned",
    "cadence",
    "channel",
]

#: A cadence is the rhythm an account's visits keep at least: (key, least visits a year). With 45
#: selling weeks, 40 visits are about one a week, 20 one every other week, 10 one a month.
CADENCES: tuple[tuple[str, float], ...] = (
    ("weekly", 40),
    ("fortnightly", 20),
    ("monthly", 10),
    ("every_other_month", 6),
    ("quarterly", 4),
    ("twice_a_year", 2),
    ("yearly", 1),
    ("none", 0),
)
#: How an account is served: field visits; phone or video for an A or B account the plan gives no
#: visit; inside sales for the C accounts worth most (the top half of C by value); e-mail and
#: self-service for the rest of C.
CHANNELS: tuple[str, ...] = ("field", "phone_video", "inside_sales", "self_service")


@dataclass(frozen=True)
class TimePlan:
    """A year's selling time for prospecting, the tiers and each account (see :func:`plan_time`).

    Attributes
    ----------
    settings : PlanSettings
        The settings the plan was made with.
    metric : str
        What value is (the tiers' metric): the accounts' hours follow it.
    hours_per_week, weeks, total_hours : float
        The plan's size; ``total_hours`` = hours_per_week × weeks.
    prospecting_hours, field_hours : float
        The hours kept for new customers, and the rest, split over the tiers; they add up to
        ``total_hours`` exactly, and the tiers' ``hours`` add up to ``field_hours`` exactly.
    shares, visit_hours, min_visits_per_year : dict
        The settings used, one number per tier.
    tiers : pandas.DataFrame
        One row per tier (index A, B, C): accounts (planned in the tier), new_accounts, share,
        hours (the tier's field hours), planned_hours (its accounts' visits × visit length),
        spare_hours (hours − planned_hours), hours_per_account, visit_hours, visits,
        visits_per_account_per_year and _per_month (averages), least_visits and most_visits (what
        its accounts get), min_ and max_visits_per_year (the settings), meets_minimum.
    accounts : pandas.DataFrame
        One row per account, in the input's order: account_id, account, tier (the tier it is
        planned in), tier_by_value (the tiers' own), new, value, value_share, visits_per_year,
        visit_hours, planned_hours, time_share_planned (its share of the accounts' planned
        hours), cadence and channel (keys of :data:`CADENCES` and :data:`CHANNELS`).
    feasible : bool
        True when every account gets at least its tier's minimum number of visits.
    messages : list of str
        What is wrong or left over and which setting changes it; empty when nothing is.
    summary : str
        One sentence saying what the plan gives the accounts, or that it does not fit.
    """

    settings: PlanSettings
    metric: str
    hours_per_week: float
    weeks: float
    total_hours: float
    prospecting_hours: float
    field_hours: float
    shares: dict[str, float]
    visit_hours: dict[str, float]
    min_visits_per_year: dict[str, float]
    tiers: pd.DataFrame
    accounts: pd.DataFrame
    feasible: bool
    messages: list[str]
    summary: str

    @property
    def allocation(self) -> str:
        """How each tier's hours are shared by its accounts (``settings.allocation``)."""
        return self.settings.allocation

    def cadences(self) -> dict[str, int]:
        """Return how many accounts have each cadence (every cadence, zero when none)."""
        counts = self.accounts["cadence"].value_counts()
        return {key: int(counts.get(key, 0)) for key, _ in CADENCES}

    def to_dict(self) -> dict:
        """Return the plan as plain data with the keys of the command line's ``--json``."""
        return {
            "hours_per_week": self.hours_per_week,
            "weeks": self.weeks,
            "total_hours": self.total_hours,
            "prospecting_share": self.settings.prospecting_share,
            "prospecting_hours": self.prospecting_hours,
            "field_hours": self.field_hours,
            "allocation": self.allocation,
            "tiers": {
                tier: {
                    "accounts": int(row["accounts"]),
                    "new_accounts": int(row["new_accounts"]),
                    **{name: float(row[name]) for name in JSON_NUMBERS},
                }
                for tier, row in self.tiers.iterrows()
            },
            "cadences": self.cadences(),
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


def allocate_visits(
    values,
    hours: float,
    *,
    visit_hours: float,
    least: float,
    most: float,
    allocation: str = "response",
    half_visits: float = 4.0,
) -> np.ndarray:
    """Return whole visits a year for each account of one tier, using at most ``hours``.

    Parameters
    ----------
    values : array-like of float
        Each account's value (its positive part counts).
    hours : float
        The tier's hours a year.
    visit_hours : float
        Hours one visit takes.
    least, most : float
        Whole visits a year each account gets at least and at most. When ``least`` for every
        account does not fit in ``hours``, each gets the most whole visits that fit for all.
    allocation : {"response", "equal", "value"}, default "response"
        ``"response"``: visits + ``half_visits`` follow the square root of value (the next visit
        where value × r'(x) is highest, r(x) = x / (d + x)); ``"equal"``: the same for all;
        ``"value"``: in proportion to value.
    half_visits : float, default 4.0
        The ``d`` of the response curve.

    Returns
    -------
    numpy.ndarray of float
        Whole visits per account; their sum × visit_hours is at most ``hours``, and within one
        visit of it unless every account is at ``most``.

    Examples
    --------
    Four accounts with values 900, 400, 100 and 100 share 30 visits of 1 h (between 2 and 20
    each). By response with d = 2, visits + 2 follow √value, 30, 20, 10, 10 (k = 38/70): 14.3,
    8.9, 3.4 and 3.4 visits, in whole visits 14, 9, 4, 3. In proportion to value they would get
    18, 8, 2, 2; equally, 8, 8, 7, 7.

    >>> values = [900, 400, 100, 100]
    >>> allocate_visits(values, 30, visit_hours=1, least=2, most=20, half_visits=2)
    array([14., 9., 4., 3.])
    >>> allocate_visits(values, 30, visit_hours=1, least=2, most=20, allocation="value")
    array([18., 8., 2., 2.])
    >>> allocate_visits(values, 30, visit_hours=1, least=2, most=20, allocation="equal")
    array([8., 8., 7., 7.])
    """
    value = np.clip(np.asarray(values, dtype=float), 0, None)
    n = len(value)
    if n == 0:
        return np.zeros(0)
    visits_total = min(math.floor(hours / visit_hours + 1e-9), int(n * most))
    if visits_total <= 0:
        return np.zeros(n)
    floor = min(least, visits_total // n)  # the minimum, or what fits for every account
    if allocation != "equal" and value.max() <= 0:
        allocation = "equal"  # no value to follow: share alike
    scale = value / value.max() if value.max() > 0 else value

    def target(level: float) -> np.ndarray:
        if allocation == "equal":
            raw = np.full(n, level)
        elif allocation == "value":
            raw = level * scale
        else:
            raw = np.sqrt(level * scale) - half_visits
        return np.minimum(np.maximum(raw, floor), most)

    low, high = 0.0, 1.0
    while target(high).sum() < visits_total and high < 1e300:  # a tiny account needs a high level
        high *= 2
    while high - low > 1e-12 * high:  # about 40 halvings: exact to the last digits
        middle = (low + high) / 2
        if target(middle).sum() < visits_total:
            low = middle
        else:
            high = middle
    exact = target(high)
    reach = min(visits_total, math.floor(exact.sum() + 1e-9))
    return _whole(exact, reach, value)


def _whole(exact: np.ndarray, total: int, value: np.ndarray) -> np.ndarray:
    """Return whole numbers from ``exact`` adding up to ``total``: the floors, and one more to
    the largest remainders (ties to the bigger value, then the earlier account)."""
    whole = np.floor(exact + 1e-9)
    left = int(total - whole.sum())
    if left > 0:
        remainder = np.where(exact - whole > 1e-9, exact - whole, -1.0)
        order = np.lexsort((np.arange(len(exact)), -value, -remainder))
        whole[order[:left]] += 1
    return whole


def plan_time(
    tiered: pd.DataFrame,
    settings: PlanSettings | None = None,
    *,
    metric: str = "revenue",
    **choices,
) -> TimePlan:
    """Plan a year's selling time: prospecting, each tier, and each account's visits.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with a ``tier`` column (A, B or C), as ``workbook.assign_tiers`` returns them;
        ``months_as_customer`` (from order lines) marks new accounts.
    settings : PlanSettings, optional
        Hours a week (30), weeks (45), prospecting (10%), each tier's share of the field hours
        (A 0.8, B 0.2, C the rest: 0, so inside sales, e-mail or self-service serve C), how the
        hours are shared within a tier (by response), visit lengths and each tier's least and
        most visits (see ``PlanSettings``); default ``PlanSettings()``.
    metric : str, default "revenue"
        What value is (use the tiers' metric): ``"revenue"``, ``"gross_profit"`` or ``"blend"``.
    **choices
        Settings as keywords, changing ``settings`` (e.g. ``hours_per_week=20``).

    Returns
    -------
    TimePlan
        The per-tier and per-account tables, ``feasible``, and ``messages`` saying what to change.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=2, weeks=40)
    >>> plan.prospecting_hours, plan.field_hours
    (8.0, 72.0)
    >>> plan.accounts[["account", "tier", "visits_per_year", "planned_hours", "cadence"]]
               account tier  visits_per_year  planned_hours            cadence
    0   Fjordbakeri AS    A             38.0           57.0        fortnightly
    1  Berg Elektro AS    B              8.0            8.0  every_other_month
    2      Lys Kafé DA    B              6.0            6.0  every_other_month
    3       Sol Rør AS    C              0.0            0.0               none
    4      Vik Bil ANS    C              0.0            0.0               none
    >>> print(plan.summary)
    The plan fits. Your A account gets 38 visits a year (57 h). Your 2 B accounts get 6 to 8
    visits a year, by their value (14 h in all). Your 2 C accounts get no field visits (inside
    sales, e-mail or self-service). 8 h a year are kept for new customers.
    >>> print(plan_time(accounts, hours_per_week=0.25, weeks=40).messages[0])
    You have 1 A account; A's 80% of your 0.22 h of field time a week lets you visit it 4.8 times a
    year at 1.5 h a visit, and every A account needs at least 6 visits a year. Plan at least 0.4 h
    a week (hours_per_week), or shorten A visits to 1.2 h (visit_hours).
    """
    settings = PlanSettings.of(settings, **choices)
    total = settings.total_hours
    prospecting, field = split_hours(
        total, {"prospecting": settings.prospecting_share, "field": 1 - settings.prospecting_share}
    ).values()
    hours = split_hours(field, dict(settings.shares))
    accounts = _accounts(tiered, settings, metric)

    rows = []
    for tier in TIERS:
        members = accounts["tier"] == tier
        visits = allocate_visits(
            accounts.loc[members, "value"],
            hours[tier],
            visit_hours=settings.visit_hours[tier],
            least=settings.min_visits_per_year[tier],
            most=settings.max_visits_per_year[tier],
            allocation=settings.allocation,
            half_visits=settings.response_half_visits[tier],
        )
        accounts.loc[members, "visits_per_year"] = visits
        new = int(accounts.loc[members, "new"].sum())
        rows.append(_tier_row(tier, visits, hours[tier], settings, new))
    table = pd.DataFrame(rows).set_index("tier")[PLAN_COLUMNS]
    accounts["visit_hours"] = accounts["tier"].map(dict(settings.visit_hours)).astype(float)
    accounts["planned_hours"] = accounts["visits_per_year"] * accounts["visit_hours"]
    planned = accounts["planned_hours"].sum()
    accounts["time_share_planned"] = accounts["planned_hours"] / planned if planned > 0 else 0.0
    accounts["cadence"] = [cadence_of(v) for v in accounts["visits_per_year"]]
    accounts["channel"] = _channels(accounts)

    draft = TimePlan(
        settings=settings,
        metric=metric,
        hours_per_week=settings.hours_per_week,
        weeks=settings.weeks,
        total_hours=total,
        prospecting_hours=prospecting,
        field_hours=field,
        shares=dict(settings.shares),
        visit_hours=dict(settings.visit_hours),
        min_visits_per_year=dict(settings.min_visits_per_year),
        tiers=table,
        accounts=accounts[ACCOUNT_COLUMNS],
        feasible=bool(table["meets_minimum"].all()),
        messages=[],
        summary="",
    )
    return dataclasses.replace(
        draft, messages=wording.plan_messages(draft), summary=wording.plan_summary(draft)
    )


def _accounts(tiered: pd.DataFrame, settings: PlanSettings, metric: str) -> pd.DataFrame:
    """Return each account's identity, value and the tier it is planned in (new C accounts: B)."""
    table = identity(tiered)
    table["tier_by_value"] = table["tier"].astype(str)
    value = np.clip(np.asarray(metric_values(tiered, metric), dtype=float), 0, None)
    table["value"] = value
    table["value_share"] = value / value.sum() if value.sum() > 0 else 0.0
    months = (
        pd.to_numeric(tiered["months_as_customer"], errors="coerce").to_numpy(dtype=float)
        if "months_as_customer" in tiered.columns
        else np.full(len(tiered), np.nan)
    )
    table["new"] = months < settings.new_account_months  # NaN (not known) is not new
    table["tier"] = table["tier_by_value"].where(
        ~(table["new"] & (table["tier_by_value"] == "C")), "B"
    )
    table["visits_per_year"] = 0.0
    return table


def _tier_row(
    tier: str, visits: np.ndarray, hours: float, settings: PlanSettings, new: int
) -> dict:
    """Return one row of the per-tier table from its accounts' whole visits."""
    n = len(visits)
    length = settings.visit_hours[tier]
    least = settings.min_visits_per_year[tier]
    planned = float(visits.sum()) * length
    per_year = float(visits.mean()) if n else math.nan
    return {
        "tier": tier,
        "accounts": n,
        "new_accounts": new,
        "share": settings.shares[tier],
        "hours": hours,
        "planned_hours": planned,
        "spare_hours": hours - planned,
        "hours_per_account": planned / n if n else math.nan,
        "visit_hours": length,
        "visits": float(visits.sum()),
        "visits_per_account_per_year": per_year,
        "visits_per_account_per_month": per_year / 12,
        "least_visits": float(visits.min()) if n else math.nan,
        "most_visits": float(visits.max()) if n else math.nan,
        "min_visits_per_year": least,
        "max_visits_per_year": settings.max_visits_per_year[tier],
        # a tier without accounts asks nothing of the plan
        "meets_minimum": bool(n == 0 or visits.min() >= least),
    }


def cadence_of(visits_per_year: float) -> str:
    """Return the cadence key of a number of visits a year: the rhythm it keeps at least.

    Examples
    --------
    >>> [cadence_of(v) for v in (45, 24, 12, 6, 4, 3, 1, 0)]  # doctest: +NORMALIZE_WHITESPACE
    ['weekly', 'fortnightly', 'monthly', 'every_other_month', 'quarterly', 'twice_a_year',
     'yearly', 'none']
    """
    return next(key for key, least in CADENCES if visits_per_year >= least)


def _channels(accounts: pd.DataFrame) -> np.ndarray:
    """Return each account's channel: field when it gets visits, else by tier and value."""
    c = accounts["tier"] == "C"
    median_c = accounts.loc[c, "value"].median() if c.any() else math.nan
    return np.select(
        [
            accounts["visits_per_year"] > 0,
            ~c,
            accounts["value"] >= median_c,
        ],
        ["field", "phone_video", "inside_sales"],
        default="self_service",
    )


def compare_allocations(
    tiered: pd.DataFrame,
    settings: PlanSettings | None = None,
    *,
    metric: str = "revenue",
    tier: str = "A",
    **choices,
) -> pd.DataFrame:
    """Return the visits a year each account of ``tier`` gets under each allocation.

    Parameters
    ----------
    tiered, settings, metric
        As for :func:`plan_time`; only ``allocation`` changes between the plans.
    tier : str, default "A"

    Returns
    -------
    pandas.DataFrame
        One row per account and allocation, biggest value first: rank (1 = the biggest),
        account, value_share, allocation, visits_per_year.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> table = compare_allocations(example_tiered(), hours_per_week=2, weeks=40, tier="B")
    >>> table.pivot(index="account", columns="allocation", values="visits_per_year")
    allocation       equal  response  value
    account
    Berg Elektro AS    7.0       8.0    9.0
    Lys Kafé DA        7.0       6.0    5.0
    """
    settings = PlanSettings.of(settings, **choices)
    rows = []
    for allocation in ("equal", "response", "value"):
        plan = plan_time(
            tiered, dataclasses.replace(settings, allocation=allocation), metric=metric
        )
        members = plan.accounts[plan.accounts["tier"] == tier].sort_values(
            "value", ascending=False, kind="stable"
        )
        rows.append(
            pd.DataFrame(
                {
                    "rank": np.arange(1, len(members) + 1),
                    "account": members["account"].to_numpy(),
                    "value_share": members["value_share"].to_numpy(),
                    "allocation": allocation,
                    "visits_per_year": members["visits_per_year"].to_numpy(),
                }
            )
        )
    return pd.concat(rows, ignore_index=True)
