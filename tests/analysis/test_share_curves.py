"""Pareto and whale curves: exact on small books, faithful and small on large ones."""

import numpy as np
import pytest
from analysis_books import accounts
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from workbook.analysis import assign_tiers, pareto_curve, share_curve, whale_curve
from workbook.analysis.thresholds import top_count
from workbook.errors import AccountDataError

COLUMNS = ["accounts", "account_share", "cumulative", "value_share"]


def running_totals(values) -> np.ndarray:
    """Return every point's running total, the slow obvious way."""
    return np.concatenate([[0.0], np.cumsum(sorted(values, reverse=True))])


def full_curve(values) -> np.ndarray:
    """Return every point's value share."""
    running = running_totals(values)
    return running / running[-1]


def test_small_books_get_every_point_from_the_origin():
    curve = share_curve([10.0, 30.0, 20.0, 40.0])
    assert list(curve.columns) == COLUMNS
    assert curve["accounts"].tolist() == [0, 1, 2, 3, 4]
    assert curve["cumulative"].tolist() == [0, 40, 70, 90, 100]
    assert curve["value_share"].tolist() == [0, 0.4, 0.7, 0.9, 1.0]


def test_whale_curve_keeps_losses_rises_above_100_and_falls_back():
    book = accounts([1, 1, 1, 1], gross_profit=[60, -30, 50, 20])
    curve = whale_curve(book)
    assert curve["value_share"].tolist() == pytest.approx([0, 0.6, 1.1, 1.3, 1.0])
    assert curve["value_share"].max() == pytest.approx(1.3)
    assert curve["value_share"].iloc[-1] == 1.0


def test_pareto_curve_of_revenue_with_a_credit_note_overshoots_a_little():
    curve = pareto_curve(accounts([80, 30, -10]))
    assert curve["value_share"].tolist() == pytest.approx([0, 0.8, 1.1, 1.0])


@pytest.mark.parametrize("profit", [[10, -10], [-5, 2], [0, 0]])
def test_a_net_total_of_zero_or_less_is_a_clear_error(profit):
    with pytest.raises(AccountDataError, match="net total"):
        whale_curve(accounts([1, 1], gross_profit=profit))


def test_blank_or_missing_values_are_errors_not_curves():
    with pytest.raises(AccountDataError, match="no accounts"):
        share_curve([])
    with pytest.raises(AccountDataError, match="not finite"):
        share_curve([1.0, np.nan])
    with pytest.raises(AccountDataError, match="no gross_profit column"):
        whale_curve(accounts([1, 2]))


def test_wrong_marks_and_budgets_are_refused():
    with pytest.raises(ValueError, match="marks must be account counts"):
        share_curve([3.0, 2.0, 1.0], marks=[4])
    with pytest.raises(ValueError, match="max_points must be at least"):
        share_curve([3.0, 2.0, 1.0], max_points=5)


def test_a_million_accounts_make_at_most_500_points_with_the_marks_exact():
    rng = np.random.default_rng(7)
    values = rng.lognormal(10, 2, 1_000_000)
    values[-50_000:] *= -0.05  # some loss-makers: a peak to keep
    curve = share_curve(values, marks=[123_457, 654_321])
    n = len(values)
    assert len(curve) <= 500
    kept = set(curve["accounts"])
    peak = int(np.argmax(np.cumsum(np.sort(values)[::-1]))) + 1
    assert {0, n, top_count(n, 0.2), 200_000, peak, 123_457, 654_321} <= kept
    assert curve["value_share"].max() == pytest.approx(full_curve(values).max())
    assert curve["value_share"].iloc[-1] == 1.0


def test_the_steep_start_of_a_concentrated_book_is_kept():
    values = np.array([1_000_000.0, *np.full(99_999, 1.0)])
    curve = share_curve(values)
    first = curve[curve["accounts"] == 1]
    assert len(first) == 1
    assert first["value_share"].iloc[0] == pytest.approx(1e6 / (1e6 + 99_999))


def test_tier_boundaries_of_a_tiered_table_are_points_of_the_curve():
    rng = np.random.default_rng(3)
    book = accounts(rng.lognormal(10, 1.5, 5_000), gross_profit=rng.normal(100, 300, 5_000))
    tiered = assign_tiers(book, method="value_share", a=0.7, b=0.9)
    counts = tiered["tier"].value_counts()
    boundaries = {counts["A"], counts["A"] + counts["B"]}
    assert boundaries <= set(pareto_curve(tiered, max_points=100)["accounts"])
    assert boundaries <= set(whale_curve(tiered, max_points=100)["accounts"])


amounts = hnp.arrays(
    np.float64,
    st.integers(1, 3_000),
    elements=st.floats(-1e3, 1e6, allow_nan=False, allow_infinity=False),
)


@settings(max_examples=60, deadline=None)
@given(amounts, st.integers(20, 200), st.lists(st.floats(0, 1), max_size=3))
def test_reduced_curves_hold_the_marks_and_stay_close_to_the_full_curve(values, budget, where):
    if not running_totals(values)[-1] > 0:
        with pytest.raises(AccountDataError, match="net total"):
            share_curve(values)
        return
    full = full_curve(values)
    n = len(values)
    marks = [round(w * n) for w in where]
    curve = share_curve(values, max_points=budget, marks=marks)
    x, y = curve["accounts"].to_numpy(), curve["value_share"].to_numpy()
    assert np.all(np.diff(x) > 0) and x[0] == 0 and x[-1] == n
    assert set(marks) | {top_count(n, 0.2)} <= set(x)
    # The peak is kept; where several points tie for it (an amount too small to change the
    # running total), any of them will do.
    peaks = np.flatnonzero(full >= full.max() - 1e-12 * abs(full.max()))
    assert set(peaks.tolist()) & set(x.tolist())
    assert np.allclose(y, full[x], rtol=1e-9, atol=1e-9)  # kept points are exact
    if n <= budget:
        assert len(curve) == n + 1
        return
    assert len(curve) <= budget
    # Between kept points the chart is off by at most about one height level.
    height = 2 * full.max() - full.min() - full[-1]
    levels = (budget - len(marks) - 4) // 2
    assert np.abs(np.interp(np.arange(n + 1), x, y) - full).max() <= 1.5 * height / levels
