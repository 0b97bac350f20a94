"""How concentrated a book of accounts is: Gini, the top 20%'s share, accounts that make 80%."""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from workbook.analysis.metrics import metric_values, require_positive
from workbook.analysis.thresholds import first_reaching, running_total, top_count


@dataclass(frozen=True)
class Concentration:
    """The concentration figures of one metric over a book of accounts.

    Attributes
    ----------
    metric : str
        The metric measured.
    n : int
        The number of accounts.
    total : float
        The positive total: the sum of ``max(metric, 0)``.
    gini : float
        The population Gini coefficient of ``max(metric, 0)`` (no n/(n−1) correction): 0 when
        every account is worth the same, towards 1 when one account holds everything.
    top20_accounts : int
        ``ceil(0.2·n)``: how many accounts the top 20% are (see ``thresholds.top_count``).
    top20_share : float
        The share of the positive total held by the top ``ceil(0.2·n)`` accounts.
    accounts_for_80 : int
        The size of the smallest top group whose share of the positive total reaches 0.8
        (tolerance 1e-9).
    loss_accounts : int
        How many accounts have a negative metric.
    loss_total : float
        Their sum (0 when there are none).
    """

    metric: str
    n: int
    total: float
    gini: float
    top20_accounts: int
    top20_share: float
    accounts_for_80: int
    loss_accounts: int
    loss_total: float

    def to_dict(self) -> dict:
        """Return the figures as plain data (for ``--json``)."""
        return asdict(self)


def concentration(accounts: pd.DataFrame, *, metric: str = "revenue") -> Concentration:
    """Measure how concentrated the accounts' value is.

    Parameters
    ----------
    accounts : DataFrame
        The accounts to measure (canonical columns; ``account_id`` is not needed here).
    metric : str, default "revenue"
        What to measure: ``"revenue"``, ``"gross_profit"`` or their ``"blend"``.

    Returns
    -------
    Concentration

    Raises
    ------
    AccountDataError
        No accounts, a missing or unusable metric, or no account with a metric above zero.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> revenue = concentration(accounts)
    >>> revenue.total, round(revenue.gini, 4), round(revenue.top20_share, 4)
    (300000.0, 0.2413, 0.3133)
    >>> revenue.accounts_for_80  # 94 + 80 + 66 = 240 of 300: exactly 80%
    3
    >>> profit = concentration(accounts, metric="gross_profit")
    >>> profit.total, profit.loss_accounts, profit.loss_total
    (68000.0, 1, -5000.0)
    """
    values = metric_values(accounts, metric)
    require_positive(values, metric)
    descending = np.sort(values)[::-1]
    return concentration_from_sorted(
        descending, running_total(np.maximum(descending, 0)), metric=metric
    )


def concentration_from_sorted(
    descending: np.ndarray, running: np.ndarray, *, metric: str
) -> Concentration:
    """Return the concentration figures from the metric sorted descending and its running total.

    ``running`` is the running total of ``max(metric, 0)`` starting at 0 (length n + 1), as a
    :class:`~workbook.analysis.ranking.Ranking` keeps it, so a ranking gets the figures without
    sorting again.

    Examples
    --------
    >>> income = np.array([541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261.0])
    >>> descending = np.sort(income)[::-1]
    >>> round(concentration_from_sorted(descending, running_total(descending), metric="x").gini, 7)
    0.4620911
    """
    n = len(descending)
    total = float(running[-1])
    # Gini from the running totals D_j of the descending values (the Lorenz curve's mirror):
    # G = 1/n - 1 + 2·Σ_{j<n} D_j / (n·total); the max() absorbs round-off below 0.
    gini = max(1 / n - 1 + 2 * float(running[:-1].sum()) / (n * total), 0.0)
    losses = descending[descending < 0]
    top20 = top_count(n, 0.2)
    return Concentration(
        metric=metric,
        n=n,
        total=total,
        gini=gini,
        top20_accounts=top20,
        top20_share=float(running[top20] / total),
        accounts_for_80=first_reaching(running, 0.8),
        loss_accounts=len(losses),
        loss_total=float(losses.sum()),
    )
