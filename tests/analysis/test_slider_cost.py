"""A slider move on a ready Ranking costs the same whatever the size of the book."""

import statistics
import time

import numpy as np
from analysis_books import accounts

from workbook.analysis import Ranking
from workbook.settings import TierSettings


def median_time(work, runs: int = 30) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def move(ranking: Ranking, a: float) -> None:
    ranking.summary(*ranking.cuts(TierSettings(method="value_share", a=a, b=0.95)))
    ranking.summary(*ranking.cuts(TierSettings(a=a / 4, c=0.25)))


def test_cuts_and_summary_do_not_grow_with_the_number_of_accounts():
    rng = np.random.default_rng(5)
    small = Ranking(accounts(rng.lognormal(10, 2, 1_000)))
    large = Ranking(accounts(rng.lognormal(10, 2, 300_000)))
    for ranking in (small, large):  # warm up
        move(ranking, 0.5)
    # Relative, not absolute: an O(n) step would make the large book ~300 times slower.
    ratio = median_time(lambda: move(large, 0.8)) / median_time(lambda: move(small, 0.8))
    assert ratio < 20


def test_ranking_arrays_cannot_be_changed_by_a_caller():
    ranking = Ranking(accounts([3, 2, 1]))
    for array in (ranking.order, ranking.values):
        assert not array.flags.writeable
