"""Suggested thresholds: read off the book's own curve, in readable steps, never applied."""

import numpy as np
import pytest
from analysis_books import accounts

from workbook.analysis import assign_tiers, suggest_thresholds, tier_summary


@pytest.fixture
def concentrated():
    rng = np.random.default_rng(11)
    return accounts(rng.lognormal(10, 2.0, 2_000))


@pytest.fixture
def flat():
    rng = np.random.default_rng(12)
    return accounts(rng.uniform(95, 105, 2_000))


def is_step(share: float, step: float = 0.05) -> bool:
    return abs(share / step - round(share / step)) < 1e-9


def test_a_concentrated_book_gets_a_small_a_and_a_large_c(concentrated):
    hint = suggest_thresholds(concentrated)
    above = (concentrated["revenue"] > concentrated["revenue"].mean()).mean()
    assert hint.settings.a == pytest.approx(round(above / 0.05) * 0.05)
    assert 0.05 <= hint.settings.a <= 0.3
    assert hint.settings.c >= 0.25 and is_step(hint.settings.c)
    assert hint.settings.b is None
    # C as suggested holds no more than 5% of revenue.
    summary = tier_summary(assign_tiers(concentrated, hint.settings), hint.settings)
    assert summary.loc["C", "value_share"] <= 0.05
    assert "average account" in hint.reason and "much alike" not in hint.reason


def test_a_flat_book_gets_about_half_in_a_and_says_tiers_matter_less(flat):
    hint = suggest_thresholds(flat)
    assert 0.4 <= hint.settings.a <= 0.6
    assert hint.settings.c <= 0.05
    assert "much alike" in hint.reason


def test_value_share_suggests_the_share_held_by_the_accounts_above_average(concentrated):
    hint = suggest_thresholds(concentrated, method="value_share")
    values = np.sort(concentrated["revenue"].to_numpy())[::-1]
    held = values[values > values.mean()].sum() / values.sum()
    assert abs(hint.settings.a - held) <= 0.025 and is_step(hint.settings.a)
    assert hint.settings.b == 0.95 and hint.settings.c is None
    assert set(hint.settings.thresholds) == {"a", "b"}


def test_equal_accounts_keep_the_default_a_and_say_why():
    hint = suggest_thresholds(accounts([5, 5, 5, 5, 5]))
    assert (hint.settings.a, hint.settings.c) == (0.2, 0.0)
    assert "same revenue" in hint.reason


def test_the_suggestion_is_only_a_suggestion(concentrated):
    before = assign_tiers(concentrated)
    suggest_thresholds(concentrated)
    assert assign_tiers(concentrated).equals(before)


def test_unknown_method_is_refused():
    with pytest.raises(ValueError, match="unknown method"):
        suggest_thresholds(accounts([3, 2, 1]), method="magic")
