"""The number accounts are ranked by: revenue, gross profit or a blend of both, checked first.

Every analysis function reads its metric through :func:`metric_values`, so a missing column, a
blank or a non-number stops the analysis with an :class:`~workbook.errors.AccountDataError` that
names each account concerned, instead of turning into a silently wrong curve or tier.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from workbook.errors import AccountDataError, Problem
from workbook.settings import BLEND_WEIGHT, METRICS, choice

#: The columns each metric is made of.
METRIC_COLUMNS: dict[str, tuple[str, ...]] = {
    "revenue": ("revenue",),
    "gross_profit": ("gross_profit",),
    "blend": ("revenue", "gross_profit"),
}


def column_values(accounts: pd.DataFrame, column: str, *, blanks: bool = False) -> np.ndarray:
    """Return one amount column as floats, or raise naming every account whose value is unusable.

    Parameters
    ----------
    accounts : DataFrame
        The accounts table (``account_id`` is used to name the accounts in messages).
    column : str
        The column to read.
    blanks : bool, default False
        Whether a blank is allowed (it comes back as NaN); a non-number is an error either way.

    Returns
    -------
    numpy.ndarray
        The values in row order, finite (or NaN for a blank, when allowed).

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts().assign(gross_profit=[20.0, None, 15.0, float("inf"), 8.0])
    >>> column_values(accounts, "gross_profit")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 2 problems in the data:
      gross_profit: is missing (account 002, Nordhotell AS)
      gross_profit: "inf" is not a finite amount (account 004, Bergbygg AS)
    """
    if column not in accounts.columns:
        raise AccountDataError(
            Problem(f"there is no {column} column", column=column, code="missing_column")
        )
    raw = accounts[column]
    numbers = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float, na_value=np.nan)
    usable = np.isfinite(numbers)
    if usable.all():
        return numbers
    if blanks:
        usable |= raw.isna().to_numpy()
        if usable.all():
            return numbers
    problems = []
    for row in np.flatnonzero(~usable):
        value = raw.iloc[row]
        who = f"(account {_account_label(accounts, row)})"
        if pd.isna(value):
            problems.append(Problem(f"is missing {who}", column=column, code="missing_value"))
        else:
            problems.append(
                Problem(
                    f"is not a finite amount {who}",
                    column=column,
                    value=str(value),
                    code="not_an_amount",
                )
            )
    raise AccountDataError(problems)


def metric_values(accounts: pd.DataFrame, metric: str = "revenue") -> np.ndarray:
    """Return the ranking metric of every account, in row order, after checking it can be used.

    ``blend`` is ``w·revenue/Σrevenue⁺ + (1−w)·gross_profit/Σgross_profit⁺`` with ``w`` =
    ``BLEND_WEIGHT`` (0.5) and ``Σx⁺`` the sum of the positive values: each account's share of
    the positive revenue and of the positive profit, weighed equally. Negative values are kept.

    Parameters
    ----------
    accounts : DataFrame
        The canonical accounts table.
    metric : str, default "revenue"
        ``"revenue"``, ``"gross_profit"`` or ``"blend"``.

    Returns
    -------
    numpy.ndarray
        One finite float per account.

    Raises
    ------
    AccountDataError
        No accounts, a missing metric column, or a blank or non-number in it.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> metric_values(accounts, "blend").round(3).tolist()  # e.g. (94/300 + 20/68) / 2
    [0.304, 0.354, 0.073, 0.129, 0.104]
    >>> metric_values(accounts.drop(columns="gross_profit"), "gross_profit")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in the data:
      gross_profit: there is no gross_profit column
    """
    choice("metric", metric, METRICS)
    if len(accounts) == 0:
        raise AccountDataError(Problem("there are no accounts to analyse", code="no_accounts"))
    missing = [c for c in METRIC_COLUMNS[metric] if c not in accounts.columns]
    if missing:
        raise AccountDataError(
            [Problem(f"there is no {c} column", column=c, code="missing_column") for c in missing]
        )
    if metric != "blend":
        return column_values(accounts, metric)
    problems, parts = [], []
    for column in METRIC_COLUMNS["blend"]:
        try:
            parts.append(column_values(accounts, column))
        except AccountDataError as err:
            problems.extend(err.problems)
    if problems:
        raise AccountDataError(problems)
    revenue, profit = parts
    revenue_total = require_positive(revenue, "revenue")
    profit_total = require_positive(profit, "gross_profit")
    return BLEND_WEIGHT * revenue / revenue_total + (1 - BLEND_WEIGHT) * profit / profit_total


def require_positive(values: np.ndarray, metric: str) -> float:
    """Return the sum of the positive values, or raise when there is none (nothing to rank).

    Examples
    --------
    >>> require_positive(np.array([30.0, -5.0, 0.0]), "gross_profit")
    30.0
    >>> require_positive(np.array([0.0, -5.0]), "gross_profit")
    Traceback (most recent call last):
    ...
    workbook.errors.AccountDataError: 1 problem in the data:
      gross_profit: no account has a gross_profit above zero, so there is nothing to rank
    """
    total = float(np.maximum(values, 0).sum())
    if not total > 0:
        raise AccountDataError(
            Problem(
                f"no account has a {metric} above zero, so there is nothing to rank",
                column=metric,
                code="no_positive_value",
            )
        )
    return total


def _account_label(accounts: pd.DataFrame, row: int) -> str:
    """Name the account in ``row`` for a message: its id and name where the table has them."""
    names = [str(accounts[c].iloc[row]) for c in ("account_id", "account") if c in accounts.columns]
    return ", ".join(names) or f"at position {row + 1}"
