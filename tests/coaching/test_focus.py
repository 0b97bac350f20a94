import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.coaching import focus_score, hours_freed, plan_time, time_vs_value


def test_focus_is_1_when_time_is_proportional_to_value():
    value = np.array([500.0, 300.0, 120.0, 50.0, 30.0])
    assert focus_score(value * 0.02, value) == pytest.approx(1.0)


def test_equal_time_on_concentrated_value_scores_low():
    concentrated = [900_000.0, 50_000.0, 30_000.0, 15_000.0, 5_000.0]
    equal = focus_score([4, 4, 4, 4, 4], concentrated)
    in_proportion = focus_score([90, 5, 3, 1.5, 0.5], concentrated)
    # 1 - ½(|.2 - .9| + |.2 - .05| + |.2 - .03| + |.2 - .015| + |.2 - .005|)
    assert equal == pytest.approx(0.3)
    assert equal < 0.5 < in_proportion
    # equal time is fine when value is spread evenly too
    assert focus_score([4, 4, 4, 4, 4], [10, 10, 10, 10, 10]) == pytest.approx(1.0)


def test_time_on_accounts_with_no_value_scores_zero():
    assert focus_score([0, 0, 5], [100, 50, 0]) == pytest.approx(0.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1e4), st.floats(-1e4, 1e6)), min_size=1, max_size=40))
def test_focus_is_between_0_and_1(pairs):
    time = np.array([t for t, _ in pairs])
    value = np.array([v for _, v in pairs])
    if time.sum() <= 0 or np.clip(value, 0, None).sum() <= 0:
        with pytest.raises(ValueError):
            focus_score(time, value)
        return
    assert -1e-12 <= focus_score(time, value) <= 1 + 1e-12


def test_time_vs_value_prefers_selling_hours_and_matches_focus_score(five):
    today = time_vs_value(five)
    assert today.available and today.time_column == "selling_hours"
    assert today.score == pytest.approx(focus_score(five["selling_hours"], five["revenue"]))
    assert today.accounts["time_share"].sum() == pytest.approx(1)
    assert today.tiers.loc["A", "value_share"] == pytest.approx(0.9)
    assert today.tiers.loc["A", "time_share"] == pytest.approx(40 / 70)


def test_visits_are_used_when_there_are_no_selling_hours(five):
    today = time_vs_value(five.drop(columns="selling_hours"))
    assert today.time_column == "visits"
    assert today.score == pytest.approx(focus_score(five["visits"], five["revenue"]))


def test_blank_time_counts_as_none_and_is_said(five):
    gaps = five.assign(selling_hours=[40.0, None, 12.0, 2.0, 10.0], visits=[6, 3, None, 1, 9])
    today = time_vs_value(gaps)
    assert today.time_column == "selling_hours"
    assert today.notes == ["1 account has no selling_hours: counted as no time spent"]


def test_without_time_data_the_result_says_the_score_needs_visits_or_hours(five):
    today = time_vs_value(five.drop(columns=["visits", "selling_hours"]))
    assert not today.available
    assert np.isnan(today.score)
    assert "needs visits or selling hours" in today.message
    freed = hours_freed(today, plan_time(five))
    assert not freed.available and "needs visits or selling hours" in freed.message


def test_over_served_accounts_are_the_customers_you_like(five):
    today = time_vs_value(five.drop(columns="selling_hours"))
    # Vik Bil: 36% of the visits for 0.5% of the value; Lys Kafé: 24% for 3%
    assert today.over_served["account"].tolist() == ["Vik Bil ANS", "Lys Kafé DA"]
    # Berg Elektro: 12% of visits for 5% of value is over 2× its value share, but below the
    # average share of visits (20%), so it is not over-served
    assert "Berg Elektro AS" not in set(today.over_served["account"])
    # with selling hours no small account is above the average share of time
    assert time_vs_value(five).over_served.empty


def test_the_over_served_thresholds_are_adjustable(five):
    visits = five.drop(columns="selling_hours")
    # Lys Kafé gets 8 times its value share, Vik Bil 72 times
    assert len(time_vs_value(visits, over_ratio=5).over_served) == 2
    assert time_vs_value(visits, over_ratio=10).over_served["account"].tolist() == ["Vik Bil ANS"]
    assert time_vs_value(visits, over_ratio=100).over_served.empty


def test_under_served_are_a_accounts_well_below_their_value_share():
    accounts = pd.DataFrame(
        {
            "account": ["Fjordbakeri AS", "Nordhotell AS", "Berg Elektro AS", "Lys Kafé DA"],
            "revenue": [500.0, 300.0, 150.0, 50.0],
            "selling_hours": [10.0, 20.0, 20.0, 20.0],
            "tier": ["A", "A", "B", "C"],
        }
    )
    today = time_vs_value(accounts)
    # Fjordbakeri: 14% of time for 50% of value (under half); Nordhotell: 29% for 30%
    assert today.under_served["account"].tolist() == ["Fjordbakeri AS"]
    assert time_vs_value(accounts, under_ratio=0.2).under_served.empty


def test_value_can_be_gross_profit_with_losses_counting_as_no_value(five):
    losing = five.assign(gross_profit=[200_000.0, 12_000.0, -6_000.0, 3_000.0, 500.0])
    today = time_vs_value(losing, metric="gross_profit")
    assert today.accounts.loc[2, "value_share"] == 0
    assert today.accounts["value_share"].sum() == pytest.approx(1)


def test_hours_freed_puts_today_and_the_plan_on_the_plans_year(five):
    visits = five.drop(columns="selling_hours")  # 6, 3, 6, 1, 9 visits: 25 in all
    plan = plan_time(visits, hours_per_week=25, weeks=40)
    freed = hours_freed(time_vs_value(visits), plan)
    assert freed.table["today"].sum() == pytest.approx(1000)
    assert freed.table["change"].sum() == pytest.approx(0)
    assert freed.from_c == pytest.approx(10 / 25 * 1000)
    assert freed.to_a == pytest.approx(800 - 6 / 25 * 1000)
    # Lys Kafé (over-served B) gets 6/25 of 1,000 h today against B's 100 h each in the plan;
    # Vik Bil is over-served too, but C is counted as a whole in from_c
    assert freed.from_over_served == pytest.approx(6 / 25 * 1000 - 100)
    assert "visits applied to the plan's 1,000 h (25 h × 40 weeks)" in freed.basis


def test_the_sample_focus_score_is_well_below_1(sample_tiered):
    today = time_vs_value(sample_tiered)
    assert 0.3 < today.score < 0.8
    assert len(today.over_served) > 0 and len(today.under_served) > 0
    assert set(today.under_served["tier"]) == {"A"}
