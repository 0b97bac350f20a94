"""Where time goes today against where the value is: the focus score, the accounts you over-serve
(the "customers you like"), the A accounts you under-serve, and the hours the plan moves.

Time is ``selling_hours`` when the data has it, else ``visits``; value is the positive part of the
metric (revenue by default). With t_i an account's share of time and v_i its share of value,
focus = 1 − ½·Σ|t_i − v_i|: 1 when time follows value exactly, towards 0 when it goes elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook import settings as defaults
from workbook.analysis.metrics import metric_values
from workbook.coaching._checks import blanks_note, column_or_none, identity
from workbook.coaching.plan import TimePlan
from workbook.schema import TIERS
from workbook.settings import positive as require_positive

TIME_COLUMNS = ("selling_hours", "visits")
ACCOUNT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "time",
    "time_share",
    "value",
    "value_share",
    "gap",
    "over_served",
    "under_served",
]
NO_TIME_DATA = (
    "The focus score needs visits or selling hours per account; this data has neither. "
    "Add a visits or selling_hours column to compare where your time goes with where "
    "the value is."
)


def focus_score(time, value) -> float:
    """Return 1 − ½·Σ|t_i − v_i|, with t and v each account's share of time and of value.

    Negative values count as 0 (value is the positive part of the metric). 1 means time follows
    value exactly; equal time for every account scores low when value is concentrated.

    Parameters
    ----------
    time : array-like of float
        Each account's time (selling hours or visits), in any unit.
    value : array-like of float
        Each account's value, in the same order.

    Returns
    -------
    float
        From 0 to 1. Raises ValueError when there is no time or no positive value.

    Examples
    --------
    >>> revenue = [900_000, 50_000, 30_000, 15_000, 5_000]
    >>> focus_score([90, 5, 3, 1.5, 0.5], revenue)
    1.0
    >>> round(focus_score([1, 1, 1, 1, 1], revenue), 2)
    0.3
    """
    t = np.clip(np.asarray(time, dtype=float), 0, None)
    v = np.clip(np.asarray(value, dtype=float), 0, None)
    if t.sum() <= 0 or v.sum() <= 0:
        raise ValueError("the focus score needs some time and some positive value")
    return float(1 - 0.5 * np.abs(t / t.sum() - v / v.sum()).sum())


@dataclass(frozen=True)
class TimeVsValue:
    """Where time goes against where value is (see :func:`time_vs_value`).

    ``available`` is False when the data has no visits or selling hours; ``message`` then says so
    and the tables are empty. ``accounts`` has one row per account (in the input's order) with
    ``time``, ``time_share``, ``value``, ``value_share``, ``gap`` (time share − value share) and the
    flags ``over_served`` and ``under_served``; ``tiers`` the same shares per tier.
    """

    available: bool
    score: float
    time_column: str | None
    metric: str
    accounts: pd.DataFrame
    tiers: pd.DataFrame
    over_served: pd.DataFrame
    under_served: pd.DataFrame
    message: str
    thresholds: dict[str, float]
    notes: list[str] = field(default_factory=list)


def _time_of(accounts: pd.DataFrame) -> tuple[str, pd.Series, list[str]] | None:
    """Return the time column to use, its values and notes; None when the data has no time."""
    found = [
        (name, values)
        for name in TIME_COLUMNS
        if (values := column_or_none(accounts, name)) is not None and values.sum() > 0
    ]
    for name, values in found:
        if values.notna().all():
            return name, values, []
    for name, values in found:  # only incomplete columns: blanks count as no time, said aloud
        return (
            name,
            values.fillna(0.0),
            blanks_note(int(values.isna().sum()), name, "counted as no time spent"),
        )
    return None


def time_vs_value(
    tiered: pd.DataFrame,
    *,
    metric: str = "revenue",
    over_ratio: float = defaults.OVER_SERVED_RATIO,
    under_ratio: float = defaults.UNDER_SERVED_RATIO,
) -> TimeVsValue:
    """Compare each account's and each tier's share of your time with its share of value.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with a ``tier`` column and ``selling_hours`` or ``visits``.
    metric : str, default "revenue"
        What value is: ``"revenue"``, ``"gross_profit"`` or ``"blend"`` (as for the tiers); its
        positive part counts (negative profit is no value, not less than none).
    over_ratio : float, default 2.0
        Over-served: time share at least ``over_ratio`` × value share and above the average time
        share (1 / accounts).
    under_ratio : float, default 0.5
        Under-served: an A account whose time share is at most ``under_ratio`` × its value share.

    Returns
    -------
    TimeVsValue
        The focus score, the tables, the over- and under-served accounts, and a message.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered().drop(columns="selling_hours")
    >>> today = time_vs_value(accounts)
    >>> round(today.score, 2), today.time_column
    (0.34, 'visits')
    >>> list(today.over_served["account"]), list(today.under_served["account"])
    (['Vik Bil ANS', 'Lys Kafé DA'], ['Fjordbakeri AS'])
    >>> time_vs_value(accounts.drop(columns="visits")).message
    'The focus score needs visits or selling hours per account; this data has neither. ...'
    """
    over_ratio = require_positive("over_ratio", over_ratio)
    under_ratio = require_positive("under_ratio", under_ratio)
    thresholds = {"over_ratio": over_ratio, "under_ratio": under_ratio}
    value = pd.Series(metric_values(tiered, metric)).clip(lower=0)
    time = _time_of(tiered)
    if time is None or value.sum() <= 0:
        message = (
            NO_TIME_DATA
            if time is None
            else (f"The focus score needs a positive {metric}; no account has one.")
        )
        empty = pd.DataFrame(columns=ACCOUNT_COLUMNS)
        return TimeVsValue(
            False,
            float("nan"),
            None if time is None else time[0],
            metric,
            empty,
            pd.DataFrame(),
            empty,
            empty,
            message,
            thresholds,
        )
    name, hours, notes = time

    table = identity(tiered).assign(
        time=hours.to_numpy(),
        time_share=(hours / hours.sum()).to_numpy(),
        value=value.to_numpy(),
        value_share=(value / value.sum()).to_numpy(),
    )
    table["gap"] = table["time_share"] - table["value_share"]
    table["over_served"] = (table["time_share"] >= over_ratio * table["value_share"]) & (
        table["time_share"] > 1 / len(table)
    )
    table["under_served"] = (table["tier"] == "A") & (
        table["time_share"] <= under_ratio * table["value_share"]
    )
    score = 1 - 0.5 * float(table["gap"].abs().sum())

    by_tier = (
        table.groupby("tier", observed=False)
        .agg(
            accounts=("time", "size"),
            time=("time", "sum"),
            time_share=("time_share", "sum"),
            value_share=("value_share", "sum"),
        )
        .reindex(list(TIERS))
    )
    over = table[table["over_served"]].sort_values("gap", ascending=False, kind="stable")
    under = table[table["under_served"]].sort_values("gap", kind="stable")
    unit = "selling hours" if name == "selling_hours" else "visits"
    message = (
        f"Focus score {score:.2f} (1 = your time follows value exactly), from {unit} "
        f"against {metric}: {len(over)} over-served account{'s' if len(over) != 1 else ''} "
        f"and {len(under)} under-served A account{'s' if len(under) != 1 else ''}."
    )
    return TimeVsValue(
        True, score, name, metric, table, by_tier, over, under, message, thresholds, notes
    )


@dataclass(frozen=True)
class HoursFreed:
    """The hours the plan moves, measured over the plan's year (see :func:`hours_freed`).

    ``table`` has one row per tier: ``today`` (today's share of time applied to the plan's total
    hours), ``plan`` and ``change``. ``basis`` says how the two were put on the same footing.
    """

    available: bool
    table: pd.DataFrame
    from_c: float
    from_over_served: float
    to_a: float
    basis: str
    message: str


def hours_freed(today: TimeVsValue, plan: TimePlan) -> HoursFreed:
    """Return the hours the plan frees from C and over-served accounts and gives to A.

    Today's time is known as shares (of selling hours or of visits, over the data's period); the
    plan is hours in a year. Both are put on the plan's year: each account's share of today's time
    × the plan's total hours. Over-served A and B accounts free what they get today above their
    tier's hours per account in the plan; C frees what it gets today above C's plan hours.

    Parameters
    ----------
    today : TimeVsValue
        From :func:`time_vs_value`.
    plan : TimePlan
        From ``plan_time`` on the same accounts.

    Returns
    -------
    HoursFreed

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered().drop(columns="selling_hours")
    >>> plan = plan_time(accounts, hours_per_week=25, weeks=40)
    >>> freed = hours_freed(time_vs_value(accounts), plan)
    >>> round(freed.from_c), round(freed.from_over_served), round(freed.to_a)
    (400, 140, 560)
    >>> freed.table.round(0)
          today   plan  change
    tier
    A     240.0  800.0   560.0
    B     360.0  200.0  -160.0
    C     400.0    0.0  -400.0
    """
    if not today.available:
        return HoursFreed(
            False,
            pd.DataFrame(columns=["today", "plan", "change"]),
            float("nan"),
            float("nan"),
            float("nan"),
            "",
            today.message,
        )
    total = plan.total_hours
    accounts = today.accounts
    now = accounts["time_share"] * total
    table = pd.DataFrame(
        {
            "today": now.groupby(accounts["tier"], observed=False)
            .sum()
            .reindex(list(TIERS), fill_value=0.0),
            "plan": plan.tiers["hours"],
        }
    )
    table.index.name = "tier"
    table["change"] = table["plan"] - table["today"]

    planned_each = accounts["tier"].astype(object).map(plan.tiers["hours_per_account"]).fillna(0.0)
    over = accounts["over_served"] & (accounts["tier"] != "C")  # C is counted as a whole below
    from_over = float((now - planned_each)[over].clip(lower=0).sum())
    from_c = max(-float(table.at["C", "change"]), 0.0)
    to_a = float(table.at["A", "change"])
    basis = (
        f"hours a year: today's shares of your {_unit(today.time_column)} applied to the "
        f"plan's {total:,.0f} h ({plan.hours_per_week:g} h × {plan.weeks:g} weeks)"
    )
    gives = f"gives A {to_a:,.0f} h more" if to_a >= 0 else f"gives A {-to_a:,.0f} h less"
    message = (
        f"Measured in {basis}, the plan frees {from_c:,.0f} h from C accounts and "
        f"{from_over:,.0f} h from over-served A and B accounts, and {gives}."
    )
    return HoursFreed(True, table, from_c, from_over, to_a, basis, message)


def _unit(time_column: str | None) -> str:
    return "selling hours" if time_column == "selling_hours" else "visits"
