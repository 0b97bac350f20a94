"""How the tier thresholds a, b, c become account counts (their defaults and checks are in
``workbook.settings.TierSettings``).

Both methods read their thresholds as shares that a top group must *reach* (or a bottom group
must not exceed), with the same tolerance of ``1e-9`` on the share:

- a top group of ``k`` out of ``n`` accounts reaches the share ``a`` when ``k/n >= a - 1e-9``;
  A is the smallest such group. This is ``ceil(a·n)`` of the design, guarded against float
  products: ``0.07 * 100`` is ``7.000000000000001`` in floating point, yet 7% of 100 accounts is
  7 accounts, not 8.
- a bottom group of ``m`` accounts stays within ``c`` when ``m/n <= c + 1e-9``; C is the largest
  such group (``floor(c·n)``, guarded the same way: 0.29 of 100 accounts is 29, not 28).
- by value, a top group reaches ``a`` when its cumulative share of the positive total is at
  least ``a - 1e-9``, so an account that lands exactly on 80% is in A.
"""

from __future__ import annotations

import math

import numpy as np

#: How close to a threshold a share must come to count as reaching it.
TOLERANCE = 1e-9


def top_count(n: int, share: float) -> int:
    """Return the size of the smallest top group of ``n`` accounts that reaches ``share`` of them.

    Examples
    --------
    >>> 0.07 * 100, top_count(100, 0.07)
    (7.000000000000001, 7)
    >>> top_count(5, 0.2), top_count(6, 0.2), top_count(10, 0.0), top_count(10, 1.0)
    (1, 2, 0, 10)
    """
    target = share - TOLERANCE
    k = min(max(math.ceil(target * n), 0), n)
    while k > 0 and (k - 1) / n >= target:  # the float product came out a little high
        k -= 1
    while k < n and k / n < target:  # or a little low
        k += 1
    return k


def bottom_count(n: int, share: float) -> int:
    """Return the size of the largest bottom group of ``n`` accounts within ``share`` of them.

    Examples
    --------
    >>> 0.29 * 100, bottom_count(100, 0.29)
    (28.999999999999996, 29)
    >>> bottom_count(5, 0.25), bottom_count(8, 0.25), bottom_count(10, 1.0)
    (1, 2, 10)
    """
    limit = share + TOLERANCE
    m = min(max(math.floor(limit * n), 0), n)
    while m < n and (m + 1) / n <= limit:
        m += 1
    while m > 0 and m / n > limit:
        m -= 1
    return m


def first_reaching(cumulative: np.ndarray, share: float) -> int:
    """Return the smallest ``k`` whose ``cumulative[k]`` reaches ``share`` of ``cumulative[-1]``.

    ``cumulative`` is a running total starting at 0 (length n + 1) that never decreases; the
    search is a binary search, so it costs microseconds even for a million accounts.

    Examples
    --------
    >>> running = np.cumsum([0, 94, 80, 66, 33, 27])  # cumulative shares 31%, 58%, 80%, 91%, 100%
    >>> first_reaching(running, 0.8), first_reaching(running, 0.95), first_reaching(running, 0.0)
    (3, 5, 0)
    """
    total = cumulative[-1]
    target = share - TOLERANCE
    last = len(cumulative) - 1
    k = min(int(np.searchsorted(cumulative, target * total, side="left")), last)
    # The search compared running totals; the rule compares shares: settle the float edge.
    while k > 0 and cumulative[k - 1] / total >= target:
        k -= 1
    while k < last and cumulative[k] / total < target:
        k += 1
    return k


def running_total(values: np.ndarray) -> np.ndarray:
    """Return ``[0, v0, v0 + v1, ...]`` (length n + 1), so the sum of a range is one subtraction.

    Examples
    --------
    >>> running_total(np.array([94.0, 80.0, 66.0])).tolist()
    [0.0, 94.0, 174.0, 240.0]
    """
    out = np.empty(len(values) + 1, dtype=float)
    out[0] = 0.0
    np.cumsum(values, out=out[1:])
    return out
