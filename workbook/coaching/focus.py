"""Where time goes today against where the plan puts it: the focus score, the accounts you
over-serve (the "customers you like"), the accounts you under-serve, and the hours the plan moves.

One yardstick: the plan (``workbook.coaching.plan_time``) says where the time should go, and the
focus score says how far today's time is from it. With t_i an account's share of today's time and
p_i its share of the plan's hours, focus = 1 − ½·Σ|t_i − p_i|: 1 when your time follows the plan
exactly (a salesperson who follows it scores 1), towards 0 when it goes elsewhere. Over- and
under-served accounts are judged against the plan too.

The picture of time against *value* stays beside it (v_i, each account's share of the positive
metric): it shows the drift toward "the customers you like", and why equal time for every
account is what the article warns against.

Today's time is ``selling_hours`` when the data has them, else visits × the plan's visit length
(travel included in both, as in the plan).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from workbook import formatting as fmt
from workbook import settings as defaults
from workbook.coaching._checks import blanks_note, column_or_none
from workbook.coaching.plan import TimePlan, plan_time
from workbook.i18n import _, ngettext
from workbook.schema import TIERS
from workbook.settings import positive as require_positive

TIME_COLUMNS = ("selling_hours", "visits")
ACCOUNT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "time",
    "time_share",
    "planned_hours",
    "planned_share",
    "value",
    "value_share",
    "gap",
    "value_gap",
    "over_served",
    "under_served",
]


def no_time_data() -> str:
    """Say that the focus score needs today's time, and how to give it."""
    return _(
        "The focus score needs visits or selling hours per account; this data has neither. "
        "Add a visits or selling_hours column to compare where your time goes with where "
        "your plan puts it."
    )


def focus_score(time, planned) -> float:
    """Return 1 − ½·Σ|t_i − p_i|, with t and p each account's share of time and of planned time.

    Negative numbers count as 0. 1 means today's time follows the plan exactly.

    Parameters
    ----------
    time : array-like of float
        Each account's time today (selling hours or visits), in any unit.
    planned : array-like of float
        Each account's hours in the plan, in the same order (any other target works the same
        way: each account's value gives the "time against value" reading).

    Returns
    -------
    float
        From 0 to 1. Raises ValueError when there is no time or nothing planned.

    Examples
    --------
    >>> planned = [57, 8, 6, 0, 0]
    >>> focus_score([57, 8, 6, 0, 0], planned), focus_score([114, 16, 12, 0, 0], planned)
    (1.0, 1.0)
    >>> round(focus_score([1, 1, 1, 1, 1], planned), 2)  # equal time for all: far from it
    0.4
    """
    t = np.clip(np.asarray(time, dtype=float), 0, None)
    p = np.clip(np.asarray(planned, dtype=float), 0, None)
    if t.sum() <= 0 or p.sum() <= 0:
        raise ValueError(_("the focus score needs some time today and some planned time"))
    return float(1 - 0.5 * np.abs(t / t.sum() - p / p.sum()).sum())


@dataclass(frozen=True)
class TimeVsValue:
    """Where time goes today against the plan and against value (see :func:`time_vs_value`).

    ``available`` is False when the data has no visits or selling hours; ``message`` then says so
    and the tables are empty. ``accounts`` has one row per account (in the input's order) with
    ``time`` (hours today), ``time_share``, ``planned_hours``, ``planned_share``, ``value``,
    ``value_share``, ``gap`` (time share − planned share), ``value_gap`` (time share − value
    share) and the flags ``over_served`` and ``under_served``; ``tiers`` the same shares per tier.
    ``score`` is the focus score against the plan; ``plan`` the plan it was measured against.
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
    plan: TimePlan | None = None


def _time_of(accounts: pd.DataFrame, plan: TimePlan) -> tuple[str, pd.Series, list[str]] | None:
    """Return the time column used, each account's hours today and notes; None without time."""
    lengths = plan.accounts["visit_hours"].reset_index(drop=True)
    found = [
        (name, values if name == "selling_hours" else values * lengths)
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
            blanks_note(int(values.isna().sum()), name, _("counted as no time spent")),
        )
    return None


def time_vs_value(
    tiered: pd.DataFrame,
    *,
    metric: str = "revenue",
    plan: TimePlan | None = None,
    over_ratio: float = defaults.OVER_SERVED_RATIO,
    under_ratio: float = defaults.UNDER_SERVED_RATIO,
) -> TimeVsValue:
    """Compare each account's and each tier's share of your time with the plan's and with value.

    Parameters
    ----------
    tiered : pandas.DataFrame
        Accounts with a ``tier`` column and ``selling_hours`` or ``visits``.
    metric : str, default "revenue"
        What value is: ``"revenue"``, ``"gross_profit"`` or ``"blend"`` (as for the tiers); its
        positive part counts (negative profit is no value, not less than none).
    plan : TimePlan, optional
        The plan to measure against (default: ``plan_time(tiered, metric=metric)``, the default
        settings).
    over_ratio : float, default 2.0
        Over-served: time share at least ``over_ratio`` × planned share and above the average
        time share (1 / accounts).
    under_ratio : float, default 0.5
        Under-served: time share at most ``under_ratio`` × planned share, for an account whose
        planned share is above the average.

    Returns
    -------
    TimeVsValue
        The focus score, the tables, the over- and under-served accounts, and a message.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> accounts = example_tiered()
    >>> today = time_vs_value(accounts)
    >>> round(today.score, 2), today.time_column
    (0.79, 'selling_hours')
    >>> today.accounts[["account", "time_share", "planned_share", "value_share"]].round(2)
               account  time_share  planned_share  value_share
    0   Fjordbakeri AS        0.57           0.74         0.90
    1  Berg Elektro AS        0.09           0.13         0.05
    2      Lys Kafé DA        0.17           0.13         0.03
    3       Sol Rør AS        0.03           0.00         0.02
    4      Vik Bil ANS        0.14           0.00         0.00
    >>> print(today.message)
    Focus score 0.79 (1 = your time follows your plan exactly), from your selling hours: 0
    accounts get far more time than the plan gives them and 0 accounts far less.
    >>> time_vs_value(accounts.drop(columns=["visits", "selling_hours"])).message
    'The focus score needs visits or selling hours per account; this data has neither. ...'
    """
    over_ratio = require_positive("over_ratio", over_ratio)
    under_ratio = require_positive("under_ratio", under_ratio)
    thresholds = {"over_ratio": over_ratio, "under_ratio": under_ratio}
    plan = plan_time(tiered, metric=metric) if plan is None else plan
    planned = plan.accounts["planned_hours"].reset_index(drop=True)
    time = _time_of(tiered, plan)
    if time is None or planned.sum() <= 0:
        message = (
            no_time_data()
            if time is None
            else _("The focus score needs a plan that gives your accounts some time.")
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
            plan=plan,
        )
    name, hours, notes = time

    table = plan.accounts[["account_id", "account", "tier", "value", "value_share"]].reset_index(
        drop=True
    )
    table["time"] = hours.to_numpy()
    table["time_share"] = (hours / hours.sum()).to_numpy()
    table["planned_hours"] = planned.to_numpy()
    table["planned_share"] = (planned / planned.sum()).to_numpy()
    table["gap"] = table["time_share"] - table["planned_share"]
    table["value_gap"] = table["time_share"] - table["value_share"]
    average = 1 / len(table)
    table["over_served"] = (table["time_share"] >= over_ratio * table["planned_share"]) & (
        table["time_share"] > average
    )
    table["under_served"] = (table["time_share"] <= under_ratio * table["planned_share"]) & (
        table["planned_share"] > average
    )
    table = table[ACCOUNT_COLUMNS]
    score = 1 - 0.5 * float(table["gap"].abs().sum())

    by_tier = (
        table.assign(tier=pd.Categorical(table["tier"], categories=TIERS))
        .groupby("tier", observed=False)
        .agg(
            accounts=("time", "size"),
            time=("time", "sum"),
            time_share=("time_share", "sum"),
            planned_share=("planned_share", "sum"),
            value_share=("value_share", "sum"),
        )
        .reindex(list(TIERS))
    )
    over = table[table["over_served"]].sort_values("gap", ascending=False, kind="stable")
    under = table[table["under_served"]].sort_values("gap", kind="stable")
    message = _(
        "Focus score {score} (1 = your time follows your plan exactly), from your {unit}: "
        "{over} and {under}."
    ).format(
        score=fmt.fixed(score, 2),
        unit=time_unit(name),
        over=ngettext(
            "{n} account gets far more time than the plan gives it",
            "{n} accounts get far more time than the plan gives them",
            len(over),
        ).format(n=fmt.number(len(over))),
        under=ngettext("{n} account far less", "{n} accounts far less", len(under)).format(
            n=fmt.number(len(under))
        ),
    )
    return TimeVsValue(
        True, score, name, metric, table, by_tier, over, under, message, thresholds, notes, plan
    )


def time_unit(time_column: str | None) -> str:
    """Say what today's time was measured in."""
    return _("selling hours") if time_column == "selling_hours" else _("visits")


def focus_if_followed(tiered: pd.DataFrame, plan: TimePlan) -> float:
    """Return the focus score of a salesperson who follows ``plan`` exactly.

    The accounts get the plan's hours and visits as today's time and the score is measured as
    for today: the plan and the yardstick agree when this is 1 (at least 0.95 by the design).
    The plan itself depends only on the accounts' value and tiers, which following it does not
    change, so it is measured against the same plan (the tests make it again to check).

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> tiered = example_tiered()
    >>> focus_if_followed(tiered, plan_time(tiered))
    1.0
    """
    followed = tiered.assign(
        selling_hours=plan.accounts["planned_hours"].to_numpy(),
        visits=plan.accounts["visits_per_year"].to_numpy(),
    )
    result = time_vs_value(followed, metric=plan.metric, plan=plan)
    return result.score if result.available else float("nan")


@dataclass(frozen=True)
class HoursFreed:
    """The hours the plan moves, measured over the plan's year (see :func:`hours_freed`).

    ``table`` has one row per tier: ``today`` (today's share of time applied to the hours the
    plan gives your accounts), ``plan`` and ``change``. ``basis`` says how the two were put on
    the same footing.
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
    plan is hours in a year. Both are put on the same hours: each account's share of today's time
    × the hours the plan gives your accounts (prospecting left out, on both sides). Over-served A
    and B accounts free what they get today above their own planned hours; C frees what it gets
    today above C's planned hours.

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
    >>> accounts = example_tiered()
    >>> plan = plan_time(accounts, hours_per_week=2, weeks=40)
    >>> freed = hours_freed(time_vs_value(accounts, plan=plan), plan)
    >>> freed.table.round(1)
          today  plan  change
    tier
    A      40.6  57.0    16.4
    B      18.3  14.0    -4.3
    C      12.2   0.0   -12.2
    >>> round(freed.from_c, 1), round(freed.from_over_served, 1), round(freed.to_a, 1)
    (12.2, 0.0, 16.4)
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
    accounts = today.accounts
    total = float(accounts["planned_hours"].sum())
    now = accounts["time_share"] * total
    tiers = pd.Categorical(accounts["tier"], categories=TIERS)
    table = pd.DataFrame(
        {
            "today": now.groupby(tiers, observed=False).sum().reindex(list(TIERS), fill_value=0.0),
            "plan": accounts["planned_hours"]
            .groupby(tiers, observed=False)
            .sum()
            .reindex(list(TIERS), fill_value=0.0),
        }
    )
    table.index.name = "tier"
    table["change"] = table["plan"] - table["today"]

    over = accounts["over_served"] & (accounts["tier"] != "C")  # C is counted as a whole below
    from_over = float((now - accounts["planned_hours"])[over].clip(lower=0).sum())
    from_c = max(-float(table.at["C", "change"]), 0.0)
    to_a = float(table.at["A", "change"])
    basis = _(
        "hours a year: today's shares of your {unit} applied to the {hours} the plan gives your "
        "accounts ({week} a week × {weeks} weeks, less {prospecting} for new customers)"
    ).format(
        unit=time_unit(today.time_column),
        hours=fmt.hours(total, 0),
        week=fmt.hours(plan.hours_per_week),
        weeks=fmt.number(plan.weeks, 1),
        prospecting=fmt.hours(plan.prospecting_hours, 0),
    )
    message = (
        _(
            "Measured in {basis}, the plan frees {from_c} from C accounts and {from_over} from "
            "over-served A and B accounts, and gives A {to_a} more."
        )
        if to_a >= 0
        else _(
            "Measured in {basis}, the plan frees {from_c} from C accounts and {from_over} from "
            "over-served A and B accounts, and gives A {to_a} less."
        )
    ).format(
        basis=basis,
        from_c=fmt.hours(from_c, 0),
        from_over=fmt.hours(from_over, 0),
        to_a=fmt.hours(abs(to_a), 0),
    )
    return HoursFreed(True, table, from_c, from_over, to_a, basis, message)
