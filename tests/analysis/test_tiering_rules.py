"""The tiering rules of the design, case by case: counts, rounding, ties, zeros, losses, errors."""

import math

import numpy as np
import pandas as pd
import pytest
from analysis_books import accounts

from workbook.analysis import Ranking, assign_tiers, tier_summary
from workbook.errors import AccountDataError, SettingsError
from workbook.settings import TierSettings


def tiers(book, **options) -> str:
    """Return the tiers in rank order as one string, e.g. "AABBC"."""
    tiered = assign_tiers(book, **options).sort_values("rank")
    return "".join(tiered["tier"].astype(str))


def test_account_share_defaults_take_the_top_20_and_the_bottom_25_percent():
    book = accounts(np.arange(100, 0, -1))
    counts = assign_tiers(book)["tier"].value_counts()
    assert (counts["A"], counts["B"], counts["C"]) == (20, 55, 25)


@pytest.mark.parametrize(
    ("n", "a", "expected"),
    [
        (100, 0.07, 7),  # 0.07 * 100 = 7.000000000000001 must not become 8
        (200, 0.2, 40),
        (5, 0.2, 1),
        (6, 0.2, 2),  # ceil(1.2)
        (1, 0.2, 1),  # a single account is the top 20%
        (10, 0.0, 0),
    ],
)
def test_a_is_ceil_of_a_times_n_without_float_noise(n, a, expected):
    assert tiers(accounts(np.arange(n, 0, -1)), a=a, c=0).count("A") == expected


@pytest.mark.parametrize(
    ("n", "c", "expected"),
    [
        (100, 0.29, 29),  # 0.29 * 100 = 28.999999999999996 must not become 28
        (100, 0.57, 57),  # 56.99999999999999
        (8, 0.25, 2),
        (5, 0.25, 1),  # floor(1.25)
        (3, 0.25, 0),
    ],
)
def test_c_is_floor_of_c_times_n_without_float_noise(n, c, expected):
    assert tiers(accounts(np.arange(n, 0, -1)), a=0, c=c).count("C") == expected


def test_c_never_takes_an_account_of_a_even_when_a_plus_c_exceeds_1():
    assert tiers(accounts([5, 4, 3, 2, 1]), a=0.6, c=0.8) == "AAACC"


def test_value_share_a_is_the_smallest_group_reaching_a():
    # 50 / 100 reaches 0.5 exactly; 0.51 needs the second account.
    book = accounts([50, 30, 10, 10])
    assert tiers(book, method="value_share", a=0.5, b=0.9) == "ABBC"
    assert tiers(book, method="value_share", a=0.51, b=0.9) == "AABC"
    assert tiers(book, method="value_share", a=0.8, b=1.0) == "AABB"


def test_value_share_reaches_within_the_tolerance_of_1e_9():
    # 0.1 + 0.2 is 0.30000000000000004 in floating point: a share of 0.3 still "reaches" it.
    book = accounts([1, 2, 7])  # sorted 7, 2, 1: shares 0.7, 0.9, 1.0
    assert tiers(book, method="value_share", a=0.7 + 1e-12, b=0.9 + 1e-12) == "ABC"
    assert tiers(book, method="value_share", a=0.7 + 1e-6, b=0.9) == "AAC"


def test_a_zero_threshold_gives_an_empty_tier():
    assert tiers(accounts([3, 2, 1]), method="value_share", a=0, b=0) == "CCC"
    assert tiers(accounts([3, 2, 1]), a=0, c=0) == "BBB"


def test_accounts_at_zero_or_below_are_always_c():
    book = accounts([100, 0, -20, 50, 0])
    assert tiers(book, a=1.0, c=0) == "AACCC"
    assert tiers(book, method="value_share", a=1.0, b=1.0) == "AACCC"


def test_ties_are_broken_by_account_id_as_text():
    book = accounts([10, 10, 10, 5], ids=["9", "10", "B", "A"])
    tiered = assign_tiers(book, a=0.25, c=0.25)
    ranked = tiered.sort_values("rank")
    assert ranked["account_id"].tolist() == ["10", "9", "B", "A"]  # "10" < "9" as text
    assert tiers(book, a=0.25, c=0.25) == "ABBC"


def test_a_single_huge_account_is_all_of_a_by_value():
    book = accounts([1_000_000, *[1] * 99])
    tiered = assign_tiers(book, method="value_share")
    assert tiered["tier"].value_counts()["A"] == 1
    assert tiered.loc[0, "tier"] == "A"


@pytest.mark.parametrize(
    ("revenue", "account_share", "value_share"),
    [
        ([42], "A", "A"),
        ([5, 4, 3, 2, 1], "ABBBC", "AAABB"),
        ([7, 7, 7, 7, 7], "ABBBC", "AAAAB"),
    ],
)
def test_small_books(revenue, account_share, value_share):
    book = accounts(revenue)
    assert tiers(book) == account_share
    assert tiers(book, method="value_share") == value_share


def test_result_is_a_copy_with_rank_and_a_categorical_tier():
    book = accounts([3, 1, 2])
    tiered = assign_tiers(book)
    assert list(tiered.columns) == [*book.columns, "rank", "tier"]
    assert tiered["rank"].tolist() == [1, 3, 2]
    assert isinstance(tiered["tier"].dtype, pd.CategoricalDtype)
    assert list(tiered["tier"].cat.categories) == ["A", "B", "C"]
    assert "tier" not in book.columns  # the input is not changed


def test_gross_profit_ranks_by_profit_and_keeps_losses_in_c():
    book = accounts([100, 90, 80, 70], gross_profit=[-5, 30, 10, 20])
    assert assign_tiers(book, metric="gross_profit", a=0.25, c=0)["tier"].tolist() == [
        "C",
        "A",
        "B",
        "B",
    ]


def test_blend_weighs_revenue_share_and_profit_share_equally():
    # revenue shares 0.6, 0.4; profit shares 0.2, 0.8: blends 0.4 and 0.6.
    book = accounts([60, 40], gross_profit=[10, 40])
    tiered = assign_tiers(book, metric="blend", a=0.5, c=0)
    assert tiered["tier"].tolist() == ["B", "A"]
    assert tier_summary(tiered, "blend")["value"].tolist() == pytest.approx([0.6, 0.4, 0])


def test_thresholds_are_read_in_the_method_s_own_unit():
    assert TierSettings() == TierSettings(method="account_share", a=0.2, c=0.25)
    limits = TierSettings(method="value_share")
    assert (limits.a, limits.b, limits.c) == (0.8, 0.95, None)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"a": 1.2}, "a must be a share between 0 and 1"),
        ({"c": -0.1}, "c must be a share between 0 and 1"),
        ({"a": math.nan}, "a must be a share between 0 and 1"),
        ({"b": 0.9}, "b is a threshold of value_share"),
        ({"method": "value_share", "c": 0.3}, "c is a threshold of account_share"),
        ({"method": "value_share", "a": 0.9, "b": 0.8}, "b (0.8) must be at least a (0.9)"),
        ({"method": "pareto"}, "unknown method 'pareto'"),
        ({"metric": "margin"}, "unknown metric 'margin'"),
    ],
)
def test_wrong_options_are_refused_with_a_clear_message(options, message):
    with pytest.raises(SettingsError) as raised:
        assign_tiers(accounts([3, 2, 1], gross_profit=[1, 1, 1]), **options)
    assert message in str(raised.value)
    assert not isinstance(raised.value, AccountDataError)


@pytest.mark.parametrize(
    ("book", "metric", "message"),
    [
        (accounts([]), "revenue", "there are no accounts"),
        (accounts([0, 0, 0]), "revenue", "no account has a revenue above zero"),
        (accounts([-1, -2]), "revenue", "no account has a revenue above zero"),
        (accounts([5, 3]), "gross_profit", "there is no gross_profit column"),
        (accounts([5, 3]), "blend", "there is no gross_profit column"),
        (accounts([5, 3], gross_profit=[-1, 0]), "gross_profit", "no account has a gross_profit"),
    ],
)
def test_unusable_data_is_an_account_data_error(book, metric, message):
    with pytest.raises(AccountDataError) as raised:
        assign_tiers(book, metric=metric)
    assert message in str(raised.value)


def test_every_blank_metric_is_named_at_once():
    book = accounts([5, np.nan, 3, np.nan])
    with pytest.raises(AccountDataError) as raised:
        assign_tiers(book)
    problems = raised.value.problems
    assert [p.column for p in problems] == ["revenue", "revenue"]
    assert "002" in problems[0].message and "004" in problems[1].message


def test_a_missing_account_id_is_named():
    with pytest.raises(AccountDataError, match="account_id"):
        assign_tiers(accounts([3, 2]).drop(columns="account_id"))


def test_a_blank_profit_does_not_stop_revenue_tiers_but_shows_in_its_tier():
    book = accounts([50, 40, 30, 20], gross_profit=[5, np.nan, 3, 2])
    summary = tier_summary(assign_tiers(book, a=0.25, c=0.25), "revenue")
    assert summary["revenue"].tolist() == [50, 70, 20]
    assert summary.loc["A", "gross_profit"] == 5
    assert np.isnan(summary.loc["B", "gross_profit"])  # unknown, not silently 3
    assert summary.loc["C", "gross_profit"] == 2


def test_ranking_cuts_are_capped_at_the_positive_accounts():
    ranking = Ranking(accounts([9, 0, 4, -1]))
    assert ranking.positive == 2
    assert ranking.cuts(TierSettings(a=1.0, c=0.0)) == (2, 2)
    with pytest.raises(ValueError, match="cuts must satisfy"):
        ranking.summary(3, 1)
