"""The plan per account, as a table and as CSV/XLSX bytes a spreadsheet opens safely.

Each account gets its planned hours, visits a year, cadence and channel from the time plan, its
time today next to it when the data has time, and its tier's service level.
"""

from __future__ import annotations

import pandas as pd

from workbook.coaching import wording
from workbook.coaching.focus import TimeVsValue, time_vs_value
from workbook.coaching.plan import TimePlan
from workbook.coaching.service import default_service_levels
from workbook.i18n import _
from workbook.spreadsheet import table_bytes

EXPORT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "new",
    "planned_hours",
    "visits_per_year",
    "cadence",
    "channel",
    "hours_today",
    "time_share_today",
    "time_share_planned",
    "value_share",
    "service_level",
]
#: The columns that need today's time (left out when the data has none).
TODAY_COLUMNS = ("hours_today", "time_share_today")


def service_level_text(level: pd.Series) -> str:
    """Say one tier's service level in a line: visits, answer time, who handles, concessions.

    Examples
    --------
    >>> print(service_level_text(default_service_levels().loc["C"]))
    no visits; answer within 5 working days; handled by inside sales / customer service;
    concessions: list price and standard terms; no ad hoc discounts
    """
    visits = float(level["visits_per_year"])
    how_often = (
        _("no visits")
        if visits == 0
        else _("at least {visits}").format(visits=wording.visits_a_year(visits))
    )
    return _("{visits}; answer {response}; handled by {who}; concessions: {concessions}").format(
        visits=how_often,
        response=level["response_time"],
        who=level["handled_by"],
        concessions=level["concessions"],
    )


def plan_per_account(
    tiered: pd.DataFrame,
    plan: TimePlan,
    *,
    levels: pd.DataFrame | None = None,
    today: TimeVsValue | None = None,
) -> pd.DataFrame:
    """Return the plan for each account: hours and visits a year, cadence, channel, today's time.

    Parameters
    ----------
    tiered : pandas.DataFrame
        The accounts the plan was made for (with ``tier``).
    plan : TimePlan
        From ``plan_time``.
    levels : pandas.DataFrame, optional
        Service levels per tier (default: :func:`default_service_levels`).
    today : TimeVsValue, optional
        Today's time against this plan (default: ``time_vs_value(tiered, plan=plan)``).

    Returns
    -------
    pandas.DataFrame
        account_id, account, tier (the tier it is planned in), new, planned_hours,
        visits_per_year, cadence, channel, hours_today and time_share_today (when the data has
        time), time_share_planned, value_share, service_level; biggest value first. With
        pinned accounts, ``pinned`` and ``pin_reason`` come after the tier.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> table = plan_per_account(accounts, plan_time(accounts, hours_per_week=2, weeks=40))
    >>> table[["account", "planned_hours", "visits_per_year", "cadence"]]
               account  planned_hours  visits_per_year            cadence
    0   Fjordbakeri AS           57.0               38   every other week
    1  Berg Elektro AS            8.0                8  every other month
    2      Lys Kafé DA            6.0                6  every other month
    3       Sol Rør AS            0.0                0          no visits
    4      Vik Bil ANS            0.0                0          no visits
    >>> table["hours_today"].tolist()
    [40.0, 6.0, 12.0, 2.0, 10.0]
    """
    levels = default_service_levels() if levels is None else levels
    today = time_vs_value(tiered, metric=plan.metric, plan=plan) if today is None else today
    table = plan.accounts.copy()
    table["visits_per_year"] = table["visits_per_year"].astype(int)
    table["cadence"] = table["cadence"].map(wording.cadence_label)
    table["channel"] = table["channel"].map(wording.channel_label)
    table["service_level"] = table["tier"].map(
        {tier: service_level_text(levels.loc[tier]) for tier in levels.index}
    )
    columns = list(EXPORT_COLUMNS)
    if today.available:
        table["hours_today"] = today.accounts["time"].to_numpy()
        table["time_share_today"] = today.accounts["time_share"].to_numpy()
    else:
        columns = [c for c in columns if c not in TODAY_COLUMNS]
    if "pinned" in tiered.columns:  # the plan's rows are the tiered accounts, in their order
        table["pinned"] = tiered["pinned"].to_numpy(dtype=bool)
        table["pin_reason"] = tiered["pin_reason"].to_numpy(dtype=object)
        at = columns.index("tier") + 1
        columns[at:at] = ["pinned", "pin_reason"]
    order = table.sort_values("value", ascending=False, kind="stable").index
    return table.loc[order, columns].reset_index(drop=True)


def plan_export(
    tiered: pd.DataFrame,
    plan: TimePlan,
    suffix: str = ".csv",
    *,
    levels: pd.DataFrame | None = None,
    today: TimeVsValue | None = None,
) -> bytes:
    """Return :func:`plan_per_account` as ``.csv`` or ``.xlsx`` bytes (text made formula-safe).

    Parameters
    ----------
    tiered, plan, levels, today
        As for :func:`plan_per_account`.
    suffix : str, default ".csv"
        ``".csv"`` (UTF-8 with BOM, for Excel) or ``".xlsx"``, e.g. a file name's ``Path.suffix``.

    Returns
    -------
    bytes
        The file's content, ready for a download button or ``Path.write_bytes``.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> accounts.loc[0, "account"] = "=Fjordbakeri AS"
    >>> plan_export(accounts, plan_time(accounts)).decode("utf-8-sig").splitlines()[1][:33]
    "001,'=Fjordbakeri AS,A,False,67.5"
    """
    table = plan_per_account(tiered, plan, levels=levels, today=today)
    return table_bytes(table, suffix, sheet=_("Plan"))


#: The columns of the tier list a person downloads (those the accounts have, in this order).
TIER_LIST_COLUMNS = (
    "account_id",
    "account",
    "rank",
    "tier",
    "pinned",
    "pin_reason",
    "revenue",
    "gross_profit",
    "owner",
)


def tier_list(tiered: pd.DataFrame) -> pd.DataFrame:
    """Return the tier list to download: each account's rank, tier (and pin), biggest first.

    It reads back as last period's file when the next period is compared with it.

    Examples
    --------
    >>> from workbook.analysis import assign_tiers
    >>> from workbook.analysis.examples import example_accounts
    >>> tiered = assign_tiers(example_accounts(), pins=[("005", "A", "reference customer")])
    >>> tier_list(tiered).columns.tolist()[:6]
    ['account_id', 'account', 'rank', 'tier', 'pinned', 'pin_reason']
    """
    ordered = tiered.sort_values("rank") if "rank" in tiered.columns else tiered
    return ordered[[c for c in TIER_LIST_COLUMNS if c in tiered.columns]]
