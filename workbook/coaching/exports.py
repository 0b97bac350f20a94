"""The plan per account, as a table and as CSV/XLSX bytes a spreadsheet opens safely.

Each account gets its tier's hours a year and visits a month from the time plan, and its tier's
channel and service level from the service-level table.
"""

from __future__ import annotations

import pandas as pd

from workbook import formatting as fmt
from workbook.coaching._checks import identity
from workbook.coaching.plan import TimePlan
from workbook.coaching.service import default_service_levels
from workbook.spreadsheet import table_bytes

EXPORT_COLUMNS = [
    "account_id",
    "account",
    "tier",
    "hours_per_year",
    "visits_per_month",
    "channel",
    "service_level",
]


def service_level_text(level: pd.Series) -> str:
    """Say one tier's service level in a line: visits, answer time, who handles, concessions.

    Examples
    --------
    >>> print(service_level_text(default_service_levels().loc["C"]))
    no visits; answer within 5 working days; handled by inside sales / customer service;
    concessions: list price and standard terms; no ad hoc discounts
    """
    visits = float(level["visits_per_year"])
    how_often = "no visits" if visits == 0 else f"{fmt.number(visits, 1)} visits a year"
    return (
        f"{how_often}; answer {level['response_time']}; handled by {level['handled_by']}; "
        f"concessions: {level['concessions']}"
    )


def plan_per_account(
    tiered: pd.DataFrame, plan: TimePlan, *, levels: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the plan for each account: hours a year, visits a month, channel, service level.

    Parameters
    ----------
    tiered : pandas.DataFrame
        The accounts the plan was made for (with ``tier``).
    plan : TimePlan
        From ``plan_time``.
    levels : pandas.DataFrame, optional
        Service levels per tier (default: :func:`default_service_levels`).

    Returns
    -------
    pandas.DataFrame
        account_id, account, tier, hours_per_year, visits_per_month, channel, service_level;
        with pinned accounts, ``pinned`` and ``pin_reason`` after the tier.

    Examples
    --------
    >>> from workbook.coaching.examples import example_tiered
    >>> from workbook.coaching.plan import plan_time
    >>> accounts = example_tiered()
    >>> table = plan_per_account(accounts, plan_time(accounts, hours_per_week=10, weeks=45))
    >>> table[["account", "tier", "hours_per_year", "visits_per_month"]]
               account tier  hours_per_year  visits_per_month
    0   Fjordbakeri AS    A           360.0              20.0
    1  Berg Elektro AS    B            45.0               3.75
    2      Lys Kafé DA    B            45.0               3.75
    3       Sol Rør AS    C             0.0               0.0
    4      Vik Bil ANS    C             0.0               0.0
    """
    levels = default_service_levels() if levels is None else levels
    table = identity(tiered)
    tier = table["tier"].astype(object)
    table["hours_per_year"] = tier.map(plan.tiers["hours_per_account"]).astype(float)
    table["visits_per_month"] = tier.map(plan.tiers["visits_per_account_per_month"]).astype(float)
    table["channel"] = tier.map(levels["channel"])
    table["service_level"] = tier.map({t: service_level_text(levels.loc[t]) for t in levels.index})
    if "pinned" not in tiered.columns:
        return table[EXPORT_COLUMNS]
    table["pinned"] = tiered["pinned"].to_numpy(dtype=bool)
    table["pin_reason"] = tiered["pin_reason"].to_numpy(dtype=object)
    at = EXPORT_COLUMNS.index("tier") + 1
    return table[[*EXPORT_COLUMNS[:at], "pinned", "pin_reason", *EXPORT_COLUMNS[at:]]]


def plan_export(
    tiered: pd.DataFrame,
    plan: TimePlan,
    suffix: str = ".csv",
    *,
    levels: pd.DataFrame | None = None,
) -> bytes:
    """Return :func:`plan_per_account` as ``.csv`` or ``.xlsx`` bytes (text made formula-safe).

    Parameters
    ----------
    tiered, plan, levels
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
    >>> plan_export(accounts, plan_time(accounts)).decode("utf-8-sig").splitlines()[1][:27]
    "001,'=Fjordbakeri AS,A,1104"
    """
    return table_bytes(plan_per_account(tiered, plan, levels=levels), suffix, sheet="Plan")
