"""The Pareto curve and the profit whale curve, as a few hundred points a chart can draw.

Both curves sort the accounts by the metric, biggest first, and plot the cumulative share of
accounts (x) against the cumulative share of the metric (y). Negative values are kept: on profit
the curve rises above 100% while it passes the profitable accounts and falls back to 100% over
the loss-makers (the "whale curve"). y is the running total over the *net* total.

A chart needs a few hundred points, not a million, so a long curve is reduced (see
:func:`share_curve`) with a proven bound on the error and with the points a reader looks at kept
exactly: both ends, the 20% mark, the peak and the tier boundaries.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from workbook.analysis.metrics import metric_values
from workbook.analysis.thresholds import running_total, top_count
from workbook.analysis.tiers import tier_codes
from workbook.errors import AccountDataError, Problem

#: Fewer points than this cannot hold the marks and a recognisable shape.
MIN_POINTS = 20


def share_curve(
    values: np.ndarray | pd.Series | list[float],
    *,
    max_points: int = 500,
    marks: Iterable[int] = (),
    name: str = "value",
) -> pd.DataFrame:
    """Return the cumulative share curve of any amounts, sorted descending, negatives kept.

    The coaching layer uses this for the whale curve of net contribution; :func:`pareto_curve`
    and :func:`whale_curve` use it for the accounts' own columns.

    Parameters
    ----------
    values : array-like of float
        One amount per account, in any order.
    max_points : int, default 500
        At most this many points (when there are more accounts). With ``n`` accounts or fewer,
        every point (n + 1 with the origin) is returned.
    marks : iterable of int, default ()
        Account counts (cut positions, 0..n) the curve must pass through exactly, e.g. the
        tier boundaries ``(k_a, k_ab)`` of :meth:`Ranking.cuts`.
    name : str, default "value"
        What the values are, for messages.

    Returns
    -------
    DataFrame
        ``accounts`` (how many of the biggest accounts, 0..n), ``account_share`` (accounts / n),
        ``cumulative`` (their running total) and ``value_share`` (cumulative / net total),
        starting at (0, 0) and ending at (1, 1). Always included: both ends, the top
        ``ceil(0.2·n)`` accounts, the peak (the highest point: where the loss-makers start) and
        the marks.

    Raises
    ------
    AccountDataError
        No values, a value that is not a finite number, or a net total of zero or less (the
        shares would be meaningless).

    Notes
    -----
    The reduction keeps, besides the must-have points, points evenly spaced along x and points
    where the curve crosses evenly spaced heights, half the budget each. The curve is concave
    (the amounts are sorted descending), so between two kept points it lies above the straight
    line between them and below the next height level: a chart is off by at most one level
    spacing, about 1/250 of the curve's height range at 500 points, and never misses the steep
    start of a concentrated book or the peak of a whale curve.

    Examples
    --------
    >>> curve = share_curve([8_000.0, 30_000.0, -5_000.0, 20_000.0, 10_000.0], name="gross_profit")
    >>> curve.round(3)
       accounts  account_share  cumulative  value_share
    0         0            0.0         0.0        0.000
    1         1            0.2     30000.0        0.476
    2         2            0.4     50000.0        0.794
    3         3            0.6     60000.0        0.952
    4         4            0.8     68000.0        1.079
    5         5            1.0     63000.0        1.000
    """
    amounts = np.asarray(values, dtype=float)
    if amounts.ndim != 1 or len(amounts) == 0:
        raise AccountDataError(
            Problem("there are no accounts to draw a curve of", column=name, code="no_accounts")
        )
    if not np.isfinite(amounts).all():
        bad = int((~np.isfinite(amounts)).sum())
        raise AccountDataError(
            Problem(
                f"{bad} value(s) are blank or not finite numbers", column=name, code="not_an_amount"
            )
        )
    return curve_from_sorted(np.sort(amounts)[::-1], max_points=max_points, marks=marks, name=name)


def curve_from_sorted(
    descending: np.ndarray, *, max_points: int = 500, marks: Iterable[int] = (), name: str = "value"
) -> pd.DataFrame:
    """Return :func:`share_curve` of amounts already sorted descending (a ranking's values)."""
    n = len(descending)
    if max_points < MIN_POINTS:
        raise ValueError(f"max_points must be at least {MIN_POINTS}, not {max_points}")
    must = [int(m) for m in marks]
    outside = [m for m in must if not 0 <= m <= n]
    if outside:
        raise ValueError(f"marks must be account counts from 0 to {n}; got {outside}")
    running = running_total(descending)
    total = float(running[-1])
    if not total > 0:
        raise AccountDataError(
            Problem(
                f"the net total is {total:,.2f}: a curve of shares needs a total above zero",
                column=name,
                code="no_positive_total",
            )
        )
    peak = int(np.argmax(running))
    keep = _kept_points(running, peak, max_points, [0, n, top_count(n, 0.2), peak, *must])
    return pd.DataFrame(
        {
            "accounts": keep,
            "account_share": keep / n,
            "cumulative": running[keep],
            "value_share": running[keep] / total,
        }
    )


def pareto_curve(
    accounts: pd.DataFrame,
    *,
    metric: str = "revenue",
    max_points: int = 500,
    marks: Iterable[int] = (),
) -> pd.DataFrame:
    """Return the Pareto curve: the biggest accounts' cumulative share of the metric.

    Parameters
    ----------
    accounts : DataFrame
        The canonical accounts table; when it has a ``tier`` column (from ``assign_tiers``),
        the curve passes exactly through the tier boundaries.
    metric : str, default "revenue"
        ``"revenue"``, ``"gross_profit"`` or ``"blend"``.
    max_points : int, default 500
        At most this many points; every point when there are no more accounts than this.
    marks : iterable of int, default ()
        More account counts the curve must pass through (see :func:`share_curve`).

    Returns
    -------
    DataFrame
        ``accounts``, ``account_share``, ``cumulative``, ``value_share``, from (0, 0) to (1, 1).

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> pareto_curve(accounts)["value_share"].round(3).tolist()
    [0.0, 0.313, 0.58, 0.8, 0.91, 1.0]
    """
    values = metric_values(accounts, metric)
    return share_curve(
        values, max_points=max_points, name=metric, marks=[*marks, *_tier_boundaries(accounts)]
    )


def whale_curve(
    accounts: pd.DataFrame,
    *,
    metric: str = "gross_profit",
    max_points: int = 500,
    marks: Iterable[int] = (),
) -> pd.DataFrame:
    """Return the whale curve: the most profitable accounts' cumulative share of profit.

    The same curve as :func:`pareto_curve`, on profit by default: it climbs above 100% over the
    profitable accounts and sinks back to 100% over the loss-makers, so the height of the peak
    is how much profit the loss-makers give away.

    Examples
    --------
    >>> from workbook.analysis.examples import example_accounts
    >>> accounts = example_accounts()
    >>> curve = whale_curve(accounts)
    >>> curve["value_share"].round(3).tolist()  # peaks at 107.9% before the loss-maker
    [0.0, 0.476, 0.794, 0.952, 1.079, 1.0]
    """
    return pareto_curve(accounts, metric=metric, max_points=max_points, marks=marks)


def _tier_boundaries(accounts: pd.DataFrame) -> list[int]:
    """Return the account counts where tier A and tier B end, when the table has tiers."""
    if "tier" not in accounts.columns:
        return []
    counts = np.bincount(tier_codes(accounts), minlength=3)
    return [int(counts[0]), int(counts[0] + counts[1])]


def _kept_points(running: np.ndarray, peak: int, max_points: int, must: list[int]) -> np.ndarray:
    """Return the indices of ``running`` to keep: all of them, or at most ``max_points``."""
    n = len(running) - 1
    if n <= max_points:
        return np.arange(n + 1)
    must_have = np.unique(np.asarray(must, dtype=np.intp))
    spare = max_points - len(must_have)
    along_x = np.linspace(0, n, spare // 2).round().astype(np.intp)
    # Height levels, shared between the rise (to the peak) and the fall (to the end) by height.
    rise = running[peak] - running[0]
    fall = running[peak] - running[n]
    levels = spare - len(along_x)
    rising_levels = round(levels * rise / (rise + fall))
    up = np.linspace(running[0], running[peak], rising_levels + 2)[1:-1]
    down = np.linspace(running[n], running[peak], levels - rising_levels + 2)[1:-1]
    rising = np.searchsorted(running[: peak + 1], up, side="left")
    falling = n - np.searchsorted(running[peak:][::-1], down, side="left")
    return np.unique(np.concatenate([must_have, along_x, rising, falling])).astype(np.intp)
