"""Concentration figures: Gini, the top 20%'s share, accounts for 80%, losses."""

import numpy as np
import pytest
from analysis_books import accounts, books
from hypothesis import given

from workbook.analysis import Ranking, concentration
from workbook.errors import AccountDataError


def test_equal_accounts_have_a_gini_of_zero():
    figures = concentration(accounts([7, 7, 7, 7, 7]))
    assert figures.gini == 0
    assert figures.top20_share == pytest.approx(0.2)
    assert figures.accounts_for_80 == 4


@pytest.mark.parametrize("n", [1, 2, 10, 1000])
def test_one_account_with_everything_has_the_population_gini(n):
    figures = concentration(accounts([100, *[0] * (n - 1)]))
    assert figures.gini == pytest.approx((n - 1) / n)  # no n/(n-1) correction
    assert figures.accounts_for_80 == 1
    assert figures.top20_share == 1


def test_top20_is_ceil_of_a_fifth_of_the_accounts():
    figures = concentration(accounts([50, 20, 10, 10, 5, 5]))  # top ceil(1.2) = 2
    assert figures.top20_accounts == 2
    assert figures.top20_share == pytest.approx(0.7)


def test_accounts_for_80_counts_exactly_80_percent_as_reached():
    assert concentration(accounts([94, 80, 66, 33, 27])).accounts_for_80 == 3


def test_losses_are_counted_and_summed_but_gini_uses_the_positive_part():
    book = accounts([1, 1, 1, 1], gross_profit=[60, -30, 40, -5])
    figures = concentration(book, metric="gross_profit")
    assert (figures.loss_accounts, figures.loss_total) == (2, -35)
    assert figures.total == 100
    assert figures.gini == pytest.approx(concentration(accounts([60, 0, 40, 0])).gini)


def test_revenue_without_losses_reports_none():
    figures = concentration(accounts([3, 2, 1]))
    assert (figures.loss_accounts, figures.loss_total) == (0, 0.0)


def test_figures_come_as_plain_data_for_json():
    data = concentration(accounts([3, 2, 1])).to_dict()
    assert {
        "n",
        "total",
        "gini",
        "top20_share",
        "accounts_for_80",
        "loss_accounts",
        "loss_total",
    } <= set(data)
    assert data["n"] == 3 and data["metric"] == "revenue"


@pytest.mark.parametrize(
    ("book", "message"),
    [
        (accounts([]), "no accounts"),
        (accounts([0, 0]), "no account has a revenue above zero"),
        (accounts([-3, -1]), "no account has a revenue above zero"),
    ],
)
def test_nothing_to_measure_is_an_account_data_error(book, message):
    with pytest.raises(AccountDataError, match=message):
        concentration(book)


@given(books())
def test_a_ranking_gives_the_same_figures_without_sorting_again(book):
    for metric in ("revenue", "gross_profit"):
        assert Ranking(book, metric).concentration() == concentration(book, metric=metric)


@given(books())
def test_gini_matches_the_mean_absolute_difference_formula(book):
    x = np.maximum(book["revenue"].to_numpy(), 0)
    n = len(x)
    expected = np.abs(x[:, None] - x[None, :]).sum() / (2 * n * n * x.mean())
    assert concentration(book).gini == pytest.approx(expected, abs=1e-9)
