import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.coaching import plan_time
from workbook.coaching.plan import split_hours
from workbook.errors import SettingsError
from workbook.settings import check_shares


def test_the_sample_with_default_settings_gives_a_feasible_plan(sample_tiered):
    plan = plan_time(sample_tiered)
    assert plan.feasible and plan.messages == []
    assert plan.tiers["accounts"].tolist() == [50, 138, 62]
    assert plan.tiers["hours"].tolist() == [1104.0, 276.0, 0.0]
    assert plan.tiers.at["A", "visits_per_account_per_month"] >= 1
    assert plan.tiers.at["B", "visits_per_account_per_year"] >= 1
    assert plan.summary.startswith("The plan fits")


def test_ten_hours_a_week_is_not_enough_and_the_message_says_what_to_change(sample_tiered):
    plan = plan_time(sample_tiered, hours_per_week=10)
    assert not plan.feasible
    assert not plan.tiers.at["A", "meets_minimum"]
    a_message = plan.messages[0]
    assert a_message.startswith(
        "You have 50 A accounts; 10 h a week × 80% lets you visit each "
        "0.4 times a month at 1.5 h a visit"
    )
    # 50 accounts × 12 visits × 1.5 h = 900 h a year = 24.46 h a week at 80% of 46 weeks
    assert "Plan at least 24.5 h a week" in a_message
    assert "shorten A visits to 0.6 h" in a_message
    assert (
        "make A smaller (at most 20 of your 250 accounts: a = 0.08 with account_share" in a_message
    )


def test_the_suggested_changes_each_make_the_plan_fit(sample_tiered):
    assert plan_time(
        sample_tiered, hours_per_week=24.5, share_a=1.0, share_b=0.0, min_visits_per_year={"B": 0}
    ).tiers.at["A", "meets_minimum"]
    assert plan_time(sample_tiered, hours_per_week=10, visit_hours={"A": 0.6}).tiers.at[
        "A", "meets_minimum"
    ]


@pytest.mark.parametrize(
    ("hours_per_week", "weeks", "share_a", "share_b", "share_c"),
    [
        (30, 46, 0.8, 0.2, None),
        (37.5, 44.5, 0.7, 0.2, 0.1),
        (0.1, 3, 0.1, 0.7, 0.2),
        (23.3, 41.7, 1 / 3, 1 / 3, 1 / 3),
        (19.9, 47, 0.61, 0.29, None),
    ],
)
def test_hours_add_up_exactly_to_hours_per_week_times_weeks(
    five, hours_per_week, weeks, share_a, share_b, share_c
):
    plan = plan_time(
        five,
        hours_per_week=hours_per_week,
        weeks=weeks,
        share_a=share_a,
        share_b=share_b,
        share_c=share_c,
    )
    hours = plan.tiers["hours"].tolist()
    total = hours_per_week * weeks
    assert plan.total_hours == total
    assert sum(hours) == total
    assert math.fsum(hours) == total
    assert plan.tiers["hours"].sum() == total
    assert hours[2] + hours[1] + hours[0] == total


@settings(max_examples=300, deadline=None)
@given(
    total=st.floats(min_value=1e-3, max_value=1e6, allow_nan=False),
    a=st.floats(min_value=0, max_value=1),
    b=st.floats(min_value=0, max_value=1),
)
def test_split_hours_is_exact_in_any_order(total, a, b):
    b = min(b, 1 - a)
    shares = check_shares(a, b)
    parts = split_hours(total, shares)
    values = list(parts.values())
    assert sum(values) == total and sum(reversed(values)) == total
    for tier, share in shares.items():
        assert parts[tier] == pytest.approx(total * share, rel=1e-12, abs=1e-9 * total)
    if shares["C"] == 0:
        assert parts["C"] == 0


def test_shares_that_do_not_add_up_to_one_are_a_clear_error(five):
    with pytest.raises(SettingsError, match=r"add up to 0\.9 \(A 0\.5 \+ B 0\.3 \+ C 0\.1\)"):
        plan_time(five, share_a=0.5, share_b=0.3, share_c=0.1)
    with pytest.raises(SettingsError, match=r"more than 1 without C \(A 0\.9 \+ B 0\.2 = 1\.1\)"):
        plan_time(five, share_a=0.9, share_b=0.2)


@pytest.mark.parametrize(
    ("shares", "named"),
    [
        ((-0.2, 0.2, 1.0), "share_a is -0.2"),
        ((0.8, -0.1, None), "share_b is -0.1"),
        ((1.2, -0.2, None), "share_a is 1.2"),
        ((0.5, 0.5, float("nan")), "share_c is nan"),
    ],
)
def test_negative_or_too_big_shares_are_a_clear_error_naming_the_value(five, shares, named):
    with pytest.raises(ValueError, match=named):
        plan_time(five, share_a=shares[0], share_b=shares[1], share_c=shares[2])


def test_shares_within_the_tolerance_are_accepted():
    assert check_shares(0.7, 0.2, 0.1 + 5e-10)["C"] == pytest.approx(0.1)
    assert check_shares(0.8, 0.2) == {"A": 0.8, "B": 0.2, "C": 0.0}
    with pytest.raises(SettingsError):
        check_shares(0.7, 0.2, 0.1 + 2e-9)


@pytest.mark.parametrize(
    "setting",
    [{"hours_per_week": 0}, {"weeks": -1}, {"visit_hours": {"A": 0}}, {"visit_hours": {"D": 1}}],
)
def test_other_unusable_settings_are_errors(five, setting):
    with pytest.raises(SettingsError):
        plan_time(five, **setting)


def test_an_account_list_without_time_data_still_gets_a_plan():
    accounts = pd.DataFrame(
        {
            "account": ["Fjordbakeri AS", "Berg Elektro AS", "Lys Kafé DA"],
            "revenue": [100.0, 50.0, 10.0],
            "tier": ["A", "B", "C"],
        }
    )
    plan = plan_time(accounts)
    assert plan.feasible
    assert plan.tiers.at["A", "hours_per_account"] == 1104.0


def test_a_share_given_to_an_empty_tier_is_pointed_out(five):
    plan = plan_time(five[five["tier"] != "B"], share_a=0.8, share_b=0.2)
    assert plan.tiers.at["B", "accounts"] == 0
    assert math.isnan(plan.tiers.at["B", "hours_per_account"])
    assert any(m.startswith("B has no accounts, so its 20% of your time") for m in plan.messages)
    assert plan.feasible


def test_a_tier_with_no_time_but_a_minimum_says_how_much_time_it_needs(five):
    plan = plan_time(five, share_a=1.0, share_b=0.0)
    assert not plan.feasible
    assert plan.messages[0].startswith("B gets none of your time but you have 2 B accounts")


def test_c_time_when_c_gets_a_share(five):
    plan = plan_time(five, hours_per_week=10, weeks=40, share_a=0.7, share_b=0.2, share_c=0.1)
    assert plan.tiers.at["C", "hours_per_account"] == pytest.approx(20.0)
    assert plan.tiers.at["C", "visits_per_account_per_year"] == pytest.approx(40.0)


def test_accounts_without_tiers_are_refused():
    with pytest.raises(ValueError, match="tier them first"):
        plan_time(pd.DataFrame({"account": ["x"], "revenue": [1.0]}))
    with pytest.raises(ValueError, match=r"tiers must be A, B or C; found \['D'\]"):
        plan_time(pd.DataFrame({"account": ["x"], "tier": ["D"]}))


def test_to_dict_has_the_keys_of_the_command_line(sample_tiered):
    data = plan_time(sample_tiered).to_dict()
    assert {"hours_per_week", "weeks", "tiers", "feasible"} <= set(data)
    assert set(data["tiers"]) == {"A", "B", "C"}
    for tier in data["tiers"].values():
        assert {"accounts", "hours", "hours_per_account", "visits_per_account_per_month"} <= set(
            tier
        )


def test_more_time_than_a_handful_of_accounts_can_use_is_pointed_out(five):
    plan = plan_time(five, hours_per_week=30, weeks=46)  # 5 accounts: hundreds of visits each
    assert plan.feasible
    assert any("more time than one account can use" in m for m in plan.messages)
    assert not any(
        "more time than" in m for m in plan_time(five, hours_per_week=1, weeks=10).messages
    )
