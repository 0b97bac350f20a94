"""What pins and the previous period cost, each against the same work without them, in one run.

Run: ``python benchmarks/change.py [--accounts N] [--lines L] [--pins P] [--repeat R]``.

- A slider move on a ready ``Ranking`` (``cuts`` + ``summary``) with P pinned accounts, against
  the same move without pins, at 1,000 and N accounts: pins add O(P) work, nothing per account,
  so the ratio stays small and about the same at both sizes.
- Loading L order lines (a CSV written in a temporary folder) with the previous 12 months kept
  (``LoadResult.previous``), against the same load with the previous period switched off.
- ``compare_periods`` on the two periods of those order lines, against ``assign_tiers`` of the
  current period alone (a comparison tiers two periods and pairs them: a few times one tiering).

The machine is shared: run nothing heavy at the same time (``flock /tmp/workbook-heavy.lock``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

import workbook.loading.loader as loader
from workbook.analysis import Ranking, assign_tiers, compare_periods
from workbook.loading import load
from workbook.settings import TierSettings

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tiers import median_seconds  # benchmarks/tiers.py: one way of timing for every benchmark


def interleaved(
    first: Callable[[], object], second: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Return the median times of two pieces of work run in turns (a busy moment hits both)."""
    times: tuple[list[float], list[float]] = ([], [])
    first(), second()
    for _ in range(repeat):
        for work, kept in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            work()
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def without_previous(work: Callable[[], object]) -> object:
    """Run ``work`` with the loader's previous period switched off."""
    keep = loader.previous_accounts
    loader.previous_accounts = lambda *_, **__: None
    try:
        return work()
    finally:
        loader.previous_accounts = keep


def accounts(n: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    revenue = np.round(rng.lognormal(10, 1.7, n), 2)
    return pd.DataFrame(
        {
            "account_id": [f"{i:07d}" for i in range(n)],
            "revenue": revenue,
            "gross_profit": np.round(revenue * rng.normal(0.25, 0.1, n), 2),
        }
    )


def slider(n: int, pins: int, repeat: int) -> tuple[float, float]:
    """Return the time of a slider move without and with ``pins`` pinned accounts."""
    book = accounts(n)
    ranking = Ranking(book)
    chosen = book["account_id"].sample(pins, random_state=1)
    pinned = ranking.pin(book, [(a, "ABC"[i % 3], "because") for i, a in enumerate(chosen)])

    def move(with_pins) -> None:
        for a in (0.15, 0.2, 0.25):
            ranking.summary(*ranking.cuts(TierSettings(a=a, c=0.25)), with_pins)

    return median_seconds(lambda: move(None), repeat), median_seconds(lambda: move(pinned), repeat)


def order_lines(path: Path, lines: int, seed: int = 5) -> None:
    rng = np.random.default_rng(seed)
    ids = rng.integers(1, max(lines // 20, 2), lines)
    dates = pd.Timestamp("2024-11-01") + pd.to_timedelta(rng.integers(0, 730, lines), unit="D")
    amount = np.round(rng.lognormal(8, 1.5, lines), 2)
    pd.DataFrame(
        {
            "Customer number": [f"{i:06d}" for i in ids],
            "Customer": [f"Kunde {i}" for i in ids],
            "Date": dates.strftime("%Y-%m-%d"),
            "Amount": amount,
            "Cost": np.round(amount * 0.7, 2),
        }
    ).to_csv(path, index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=300_000)
    parser.add_argument("--lines", type=int, default=200_000)
    parser.add_argument("--pins", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    for n in (1_000, args.accounts):
        plain, pinned = slider(n, args.pins, max(args.repeat, 30))
        print(
            f"slider move, {n:>9,} accounts: {plain * 1e6:8.1f} µs without pins, "
            f"{pinned * 1e6:8.1f} µs with {args.pins}  ({pinned / plain:.2f}x)"
        )

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "orders.csv"
        order_lines(path, args.lines)
        with_previous, without = interleaved(
            lambda: load(path), lambda: without_previous(lambda: load(path)), args.repeat
        )
        print(
            f"load {args.lines:,} order lines: {without:.2f} s, with the previous period "
            f"{with_previous:.2f} s  ({with_previous / without:.2f}x)"
        )
        result = load(path)
        one = median_seconds(lambda: assign_tiers(result.accounts), args.repeat)
        both = median_seconds(
            lambda: compare_periods(result.accounts, result.previous), args.repeat
        )
        print(
            f"compare {len(result.accounts):,} and {len(result.previous):,} accounts: "
            f"{both * 1000:.1f} ms against one tiering {one * 1000:.1f} ms  ({both / one:.1f}x)"
        )


if __name__ == "__main__":
    main()
