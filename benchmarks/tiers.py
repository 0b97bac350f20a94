"""How fast the analysis core tiers a big book of accounts, against bare numpy and a peer package.

Run: ``python benchmarks/tiers.py [--n N] [--repeat R]`` (default 1,000,000 accounts, 5 runs).
It builds N synthetic accounts (lognormal revenue, a profit with some losses, text ids) and
times, as the median of R runs in this one process:

- the floor: bare numpy ``np.argsort(revenue)`` + ``np.cumsum(revenue)``, the least any ranking
  with running totals can cost;
- ``assign_tiers`` (target: at most 3x the floor);
- the whole pipeline a report runs: ``concentration``, ``pareto_curve``, ``whale_curve``,
  ``assign_tiers`` and ``tier_summary`` (target: at most 6x the floor);
- a slider move on a ready ``Ranking``: ``cuts`` + ``summary`` (independent of N);
- ``abc_analysis`` from the ``abc-analysis`` package (benchmarks/requirements.txt) on the same
  revenue: the peer a user might pick instead (fewer runs: it takes seconds).

The targets are for a million accounts; on a small book pandas' fixed cost per call (a fraction
of a millisecond) dominates and the ratios say little, so no verdict is printed below 1,000,000.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd

from workbook.analysis import (
    Ranking,
    assign_tiers,
    concentration,
    pareto_curve,
    tier_summary,
    whale_curve,
)

TARGETS = {"assign_tiers": 3.0, "pipeline": 6.0}


def accounts(n: int, seed: int = 11) -> pd.DataFrame:
    """Return ``n`` accounts: lognormal revenue, profit with about 5% losses, text ids."""
    rng = np.random.default_rng(seed)
    revenue = np.round(rng.lognormal(np.log(60_000), 1.7, n), 2)
    losing = rng.uniform(size=n) < 0.05
    margin = np.where(losing, rng.uniform(-0.2, 0, n), rng.normal(0.25, 0.08, n))
    ids = pd.Series(np.arange(1, n + 1)).astype(str).str.zfill(7)
    return pd.DataFrame(
        {
            "account_id": ids,
            "account": "Kunde " + ids + " AS",
            "revenue": revenue,
            "gross_profit": np.round(revenue * margin, 2),
        }
    )


def median_seconds(work: Callable[[], object], repeat: int) -> float:
    """Return the median wall time of ``repeat`` runs of ``work``, after one warm-up run."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pipeline(book: pd.DataFrame) -> None:
    """Compute everything a report shows from the accounts."""
    concentration(book)
    tiered = assign_tiers(book)
    tier_summary(tiered)
    pareto_curve(tiered)
    whale_curve(tiered)


def slider_move(ranking: Ranking) -> None:
    """Do what a slider callback does on a ready ranking."""
    ranking.summary(*ranking.cuts("value_share", a=0.75, b=0.9))


def peer(values: np.ndarray) -> None:
    from abc_analysis import abc_analysis

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        abc_analysis(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="accounts (default 1,000,000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement (default 5)")
    parser.add_argument("--no-peer", action="store_true", help="skip the abc-analysis package")
    args = parser.parse_args()

    book = accounts(args.n)
    revenue = book["revenue"].to_numpy()
    ranking = Ranking(book)
    floor = median_seconds(lambda: (np.argsort(revenue), np.cumsum(revenue)), args.repeat)
    timed = {
        "assign_tiers": median_seconds(lambda: assign_tiers(book), args.repeat),
        "pipeline": median_seconds(lambda: pipeline(book), args.repeat),
    }
    move = median_seconds(lambda: slider_move(ranking), max(args.repeat, 50))
    if not args.no_peer:
        timed["abc-analysis"] = median_seconds(lambda: peer(revenue), min(args.repeat, 2))

    print(f"{args.n:,} accounts, median of {args.repeat} runs")
    print(f"{'floor (np.argsort + np.cumsum)':34}{floor * 1000:10.1f} ms")
    for name, seconds in timed.items():
        ratio = seconds / floor
        target = TARGETS.get(name)
        verdict = (
            ""
            if target is None or args.n < 1_000_000
            else f"  target <= {target:g}x: " + ("ok" if ratio <= target else "OVER")
        )
        print(f"{name:34}{seconds * 1000:10.1f} ms  {ratio:6.2f}x floor{verdict}")
    print(f"{'slider move (cuts + summary)':34}{move * 1e6:10.1f} µs")


if __name__ == "__main__":
    main()
