"""The team overview: one row per salesperson, so a manager or trainer can compare their books.

Each salesperson's accounts are tiered on their own (as their own report tiers them) and measured
with the same functions as the report: concentration, the focus score and the share of time that
goes to A, and the accounts that cost more to serve than they earn. A salesperson whose accounts
cannot be measured (e.g. no account with revenue above zero) keeps a row with blanks and a note
saying why, so the rest of the team is still compared.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from workbook.analysis import assign_tiers, concentration, tier_summary
from workbook.coaching.cost import cost_to_serve
from workbook.coaching.focus import time_vs_value
from workbook.errors import AccountDataError, Problem
from workbook.i18n import N_, _
from workbook.settings import PlanSettings, TierSettings

#: The label of accounts whose owner is blank (translated where the overview is made).
NO_OWNER = N_("(no owner)")

#: The overview's columns, in order.
COLUMNS = [
    "owner",
    "accounts",
    "revenue",
    "gross_profit",
    "top20_share",
    "gini",
    "accounts_for_80",
    "a_accounts",
    "a_value_share",
    "focus_score",
    "time_share_a",
    "loss_making",
    "loss_total",
    "note",
]

#: The columns that stay blank when a salesperson's accounts cannot be measured.
MEASURES = COLUMNS[4:-1]


def team_overview(
    accounts: pd.DataFrame,
    tiers: TierSettings | None = None,
    plan: PlanSettings | None = None,
) -> pd.DataFrame:
    """Compare the salespeople of a team: concentration, focus, time on A and loss-makers.

    Parameters
    ----------
    accounts : pandas.DataFrame
        The team's canonical accounts table, with an ``owner`` column.
    tiers : TierSettings, optional
        How each salesperson's accounts are tiered and what value is (default
        ``TierSettings()``).
    plan : PlanSettings, optional
        Its hourly cost prices the serving cost of the loss-making accounts (default
        ``PlanSettings()``).

    Returns
    -------
    pandas.DataFrame
        One row per owner (sorted by name; blank owners last as ``"(no owner)"``): ``accounts``,
        ``revenue`` and ``gross_profit`` (plain sums), ``top20_share``, ``gini`` and
        ``accounts_for_80`` of the metric, ``a_accounts`` and ``a_value_share`` (A's share of
        value), ``focus_score`` and ``time_share_a`` (A's share of selling time today; blank
        without visits or selling hours), ``loss_making`` (accounts whose net contribution after
        serving cost is below zero; blank without gross profit) and ``loss_total`` (what they
        lose, as a positive amount), and ``note`` (what could not be measured, else empty).

    Raises
    ------
    AccountDataError
        The accounts have no owner column.

    Examples
    --------
    >>> team = pd.DataFrame({
    ...     "account_id": ["001", "002", "003", "004", "005"],
    ...     "account": ["Fjordbakeri AS", "Nordhotell AS", "Solkafé ANS", "Bergbygg AS",
    ...                 "Vikrør DA"],
    ...     "owner": ["Ingrid Berg", "Ingrid Berg", "Ingrid Berg", "Ola Nordmann", "Ola Nordmann"],
    ...     "revenue": [94_000.0, 80_000.0, 66_000.0, 33_000.0, 27_000.0],
    ...     "gross_profit": [20_000.0, 30_000.0, -5_000.0, 10_000.0, 8_000.0],
    ...     "visits": [4, 2, 9, 3, 3]})
    >>> overview = team_overview(team)
    >>> overview[["owner", "accounts", "revenue", "top20_share", "focus_score", "loss_making"]]
              owner  accounts   revenue  top20_share  focus_score  loss_making
    0   Ingrid Berg         3  240000.0     0.391667     0.601736          1.0
    1  Ola Nordmann         2   60000.0     0.550000     0.750943          0.0
    >>> overview.loc[0, ["time_share_a", "a_value_share", "loss_total"]].tolist()
    [0.35294117647058826, 0.39166666666666666, 12200.0]
    """
    tiers, plan = tiers or TierSettings(), plan or PlanSettings()
    if "owner" not in accounts.columns:
        raise AccountDataError(
            Problem(
                _("a team overview needs an owner column (who is responsible for each account)"),
                column="owner",
                code="no_owner",
            )
        )
    rows = [
        _owner_row(name, accounts[chosen], tiers, plan)
        for name, chosen in _owner_groups(accounts["owner"])
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def _owner_groups(owner: pd.Series) -> list[tuple[str, np.ndarray]]:
    """Return each owner's name and row mask; names match ignoring case and surrounding spaces.

    The name shown is the first spelling in sorted order, as ``workbook.selection`` matches
    owners the same way; blank owners come last as ``NO_OWNER``.
    """
    text = owner.astype(object).where(owner.notna(), "").astype(str).str.strip()
    keys = text.str.casefold().to_numpy()
    names: dict[str, str] = {}
    for spelling in sorted(set(text[text != ""])):
        names.setdefault(spelling.casefold(), spelling)
    groups = [(names[key], keys == key) for key in sorted(names, key=lambda k: names[k])]
    if (keys == "").any():
        groups.append((_(NO_OWNER), keys == ""))
    return groups


def _owner_row(name: str, book: pd.DataFrame, tiers: TierSettings, plan: PlanSettings) -> dict:
    """Return one owner's row of the overview."""
    row = {
        "owner": name,
        "accounts": len(book),
        "revenue": _sum(book, "revenue"),
        "gross_profit": _sum(book, "gross_profit"),
    }
    try:
        tiered = assign_tiers(book, tiers)
        figures = concentration(book, metric=tiers.metric)
    except AccountDataError as err:
        return {
            **row,
            **dict.fromkeys(MEASURES, math.nan),
            "note": "; ".join(p.describe(with_file=False) for p in err.problems),
        }
    notes = []
    a_share = float(tier_summary(tiered, tiers).at["A", "value_share"])
    today = time_vs_value(tiered, metric=tiers.metric)
    if not today.available:
        notes.append(_("no visits or selling hours: focus and time on A unknown"))
    cost = cost_to_serve(tiered, plan)
    known_profit = cost.curve is not None
    if not known_profit:
        notes.append(_("no gross profit: loss-making accounts unknown"))
    return {
        **row,
        "top20_share": figures.top20_share,
        "gini": figures.gini,
        "accounts_for_80": figures.accounts_for_80,
        "a_accounts": int((tiered["tier"] == "A").sum()),
        "a_value_share": a_share,
        "focus_score": today.score,
        "time_share_a": float(today.tiers.at["A", "time_share"]) if today.available else math.nan,
        "loss_making": float(len(cost.loss_making)) if known_profit else math.nan,
        "loss_total": cost.loss_total,
        "note": "; ".join(notes),
    }


def _sum(book: pd.DataFrame, column: str) -> float:
    """Return the plain sum of an amount column (losses kept), or NaN when there is none."""
    if column not in book.columns:
        return math.nan
    return float(pd.to_numeric(book[column], errors="coerce").sum(min_count=1))
