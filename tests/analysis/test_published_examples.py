"""Published reference cases: the numbers other tools and textbooks give for the same data."""

import numpy as np
import pytest
from analysis_books import accounts

from workbook.analysis import assign_tiers, concentration, pareto_curve, share_curve


def test_gini_matches_the_ineq_package_example():
    # R: ineq::Gini(c(541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261)) = 0.4620911
    income = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]
    assert concentration(accounts(income)).gini == pytest.approx(0.4620911, abs=5e-8)


def test_gini_does_not_depend_on_the_order_of_the_rows():
    income = [541, 1463, 2445, 3438, 4437, 5401, 6392, 8304, 11904, 22261]
    assert concentration(accounts(income[::-1])).gini == concentration(accounts(income)).gini


def test_pareto_curve_of_1_to_5_mirrors_the_lorenz_curve():
    # The Lorenz curve of [1, 2, 3, 4, 5] (ascending) is 0, 1/15, 3/15, 6/15, 10/15, 1.
    lorenz = np.array([0, 1, 3, 6, 10, 15]) / 15
    curve = pareto_curve(accounts([1, 2, 3, 4, 5]))
    # Ours is sorted descending: the top k hold what the bottom n - k do not.
    assert curve["account_share"].tolist() == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1])
    assert curve["value_share"].to_numpy() == pytest.approx(1 - lorenz[::-1])
    assert curve["value_share"].tolist() == pytest.approx([0, 5 / 15, 9 / 15, 12 / 15, 14 / 15, 1])


def test_qcc_pareto_example_gives_the_design_s_cumulative_shares_and_tiers():
    # qcc's pareto.chart example: 94, 80, 66, 33, 27 -> 31.3%, 58%, 80%, 91%, 100%.
    book = accounts([94, 80, 66, 33, 27])
    curve = share_curve(book["revenue"])
    assert curve["value_share"].round(3).tolist() == [0, 0.313, 0.58, 0.8, 0.91, 1]
    tiers = assign_tiers(book, method="value_share", a=0.80, b=0.95)["tier"].tolist()
    assert tiers == ["A", "A", "A", "B", "B"]  # exactly 80% is A


def test_qcc_example_in_any_row_order_tiers_the_same_accounts():
    book = accounts([94, 80, 66, 33, 27]).iloc[[4, 2, 0, 3, 1]]
    tiered = assign_tiers(book, method="value_share")
    assert dict(zip(tiered["revenue"], tiered["tier"], strict=True)) == {
        94: "A",
        80: "A",
        66: "A",
        33: "B",
        27: "B",
    }
    assert tiered.index.tolist() == [4, 2, 0, 3, 1]  # rows stay where they were
