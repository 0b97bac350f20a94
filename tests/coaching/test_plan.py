"""The time plan: prospecting, the tiers' hours, and each account's whole visits by a response with
diminishing returns (or equally, or in proportion to value), within each tier's limits."""

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.coaching import plan_time
from workbook.coaching.plan import (
    CADENCES,
    CHANNELS,
    allocate_visits,
    compare_allocations,
    split_hours,
)
from workbook.errors import SettingsError
from workbook.settings import PlanSettings, check_shares


def test_the_sample_with_default_settings_gives_a_feasible_plan(sample_tiered):
    plan = plan_time(sample_tiered)
    assert plan.feasible and plan.messages == []
    assert plan.tiers["accounts"].tolist() == [50, 138, 62]
    # 30 h × 45 weeks = 1,350 h: 135 h for new customers, 1,215 h of field time by 80/20
    assert (plan.total_hours, plan.prospecting_hours, plan.field_hours) == (1350.0, 135.0, 1215.0)
    assert plan.tiers["hours"].tolist() == [972.0, 243.0, 0.0]
    # 972 h / 1.5 h = 648 whole A visits and 243 B visits of 1 h: nothing left over
    assert plan.tiers["visits"].tolist() == [648.0, 243.0, 0.0]
    assert plan.tiers["spare_hours"].tolist() == [0.0, 0.0, 0.0]
    assert plan.tiers.at["A", "least_visits"] >= 6 and plan.tiers.at["B", "least_visits"] >= 1
    assert plan.tiers.at["A", "most_visits"] <= 45 and plan.tiers.at["B", "most_visits"] <= 12
    assert plan.summary.startswith("The plan fits.")


def test_the_biggest_a_account_no_longer_gets_what_the_smallest_gets(sample_tiered):
    # the old plan gave each of the 50 A accounts 22.1 h, at 13.4% of revenue or at 0.47%
    a = plan_time(sample_tiered).accounts.query("tier == 'A'").sort_values("value")
    assert a["planned_hours"].iloc[-1] >= 4 * a["planned_hours"].iloc[0]
    assert a["value_share"].iloc[-1] / a["value_share"].iloc[0] > 20  # far from in proportion


def test_a_small_case_computed_by_hand():
    # Four accounts share 30 visits of 1 h, between 2 and 20 each. By response with d = 2, the
    # marginal return value × d / (d + x)² is equal where no limit binds, so x + 2 = k·√value:
    # √value = 30, 20, 10, 10, and 70k − 8 = 30 gives k = 38/70: 14.29, 8.86, 3.43, 3.43.
    # Whole visits: the floors 14, 8, 3, 3 leave 2, which go to the largest remainders (8.86,
    # then 3.43 of the first of the two equal accounts): 14, 9, 4, 3.
    values = [900.0, 400.0, 100.0, 100.0]
    limits = dict(visit_hours=1.0, least=2, most=20)
    response = allocate_visits(values, 30.0, **limits, half_visits=2.0)
    assert response.tolist() == [14, 9, 4, 3]
    # in proportion to value: 30 × 9/15, 4/15, 1/15, 1/15 = 18, 8, 2, 2
    assert allocate_visits(values, 30.0, **limits, allocation="value").tolist() == [18, 8, 2, 2]
    # equally: 7.5 each, the two half visits to the two biggest
    assert allocate_visits(values, 30.0, **limits, allocation="equal").tolist() == [8, 8, 7, 7]


def test_by_response_the_next_visit_goes_where_it_adds_most():
    values = np.array([5_000.0, 3_000.0, 1_200.0, 900.0, 400.0, 150.0])
    d = 4.0
    visits = allocate_visits(values, 60 * 1.5, visit_hours=1.5, least=1, most=45, half_visits=d)

    def gain(i, x):  # value × (r(x + 1) − r(x)), r(x) = x / (d + x)
        return values[i] * ((x + 1) / (d + x + 1) - x / (d + x))

    # no visit moved from one account to another would add more than it takes away
    for i in range(len(values)):
        for j in range(len(values)):
            if i != j and visits[j] > 1:
                assert gain(i, visits[i]) <= gain(j, visits[j] - 1) * 1.25


@pytest.mark.parametrize("allocation", ["response", "equal", "value"])
@settings(max_examples=150, deadline=None)
@given(
    # amounts: nothing, or at least a cent
    values=st.lists(st.just(0.0) | st.floats(0.01, 1e7), min_size=1, max_size=60),
    hours=st.floats(0, 5_000),
    length=st.sampled_from([0.5, 1.0, 1.5, 2.25]),
    least=st.integers(0, 12),
    extra=st.integers(0, 40),
)
def test_allocation_properties(allocation, values, hours, length, least, extra):
    most = least + extra
    visits = allocate_visits(
        values, hours, visit_hours=length, least=least, most=most, allocation=allocation
    )
    assert len(visits) == len(values)
    assert (visits == np.round(visits)).all() and (visits >= 0).all() and (visits <= most).all()
    used = visits.sum() * length
    assert used <= hours + 1e-9  # never more than the tier's hours
    # what is left is less than one visit, unless every account that can use more is at its
    # most (an account worth nothing gets only its least, except when all are shared alike)
    can_use = np.ones(len(values), bool) if allocation == "equal" else np.asarray(values) > 0
    if most > 0 and (visits[can_use] < most).any():
        assert hours - used < length + 1e-9
    if len(values) * least * length <= hours:
        assert visits.min() >= least  # the minimum, when it fits
    value = np.asarray(values)
    more = value[:, None] > value[None, :]
    assert (visits[:, None] >= visits[None, :])[more].all()  # more value never gets fewer visits


@pytest.mark.parametrize(
    ("hours_per_week", "weeks", "prospecting", "share_a", "share_b", "share_c"),
    [
        (30, 45, 0.1, 0.8, 0.2, None),
        (37.5, 44.5, 0.15, 0.7, 0.2, 0.1),
        (0.1, 3, 0.0, 0.1, 0.7, 0.2),
        (23.3, 41.7, 1 / 3, 1 / 3, 1 / 3, 1 / 3),
        (19.9, 47, 0.07, 0.61, 0.29, None),
    ],
)
def test_hours_add_up_exactly(
    sample_tiered, hours_per_week, weeks, prospecting, share_a, share_b, share_c
):
    plan = plan_time(
        sample_tiered,
        hours_per_week=hours_per_week,
        weeks=weeks,
        prospecting_share=prospecting,
        share_a=share_a,
        share_b=share_b,
        share_c=share_c,
    )
    total = hours_per_week * weeks
    assert plan.total_hours == total
    assert plan.prospecting_hours + plan.field_hours == total
    hours = plan.tiers["hours"].tolist()
    assert sum(hours) == plan.field_hours and math.fsum(hours) == plan.field_hours
    # each tier's hours: its accounts' visits × visit length, and less than a visit left over
    for tier, row in plan.tiers.iterrows():
        accounts = plan.accounts[plan.accounts["tier"] == tier]
        assert math.fsum(accounts["planned_hours"]) + row["spare_hours"] == pytest.approx(
            row["hours"], abs=1e-9
        )
        assert (
            0 <= row["spare_hours"] < row["visit_hours"]
            or row["most_visits"] == row["max_visits_per_year"]
        )
    if plan.accounts["planned_hours"].sum() > 0:  # 0.3 h a year holds no visit at all
        assert plan.accounts["time_share_planned"].sum() == pytest.approx(1)


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


def test_the_three_allocations_differ_as_they_should_on_the_sample(sample_tiered):
    table = compare_allocations(sample_tiered)
    wide = table.pivot(index="rank", columns="allocation", values="visits_per_year")
    assert wide["equal"].max() - wide["equal"].min() <= 1  # equal ignores value
    # the biggest A account: more by response than equally, and not more than in proportion
    top = wide.loc[1]
    assert top["equal"] < top["response"] <= top["value"]
    # by response, the visits fall less steeply than value does: the smallest A accounts keep
    # more than in proportion
    assert wide["response"].iloc[-1] >= wide["value"].iloc[-1]
    for name in ("equal", "response", "value"):
        assert (wide[name].diff().dropna() <= 0).all()  # ranked by value, never more further down


def test_ten_hours_a_week_is_not_enough_and_the_message_says_what_to_change(sample_tiered):
    plan = plan_time(sample_tiered, hours_per_week=10)
    assert not plan.feasible
    assert not plan.tiers.at["A", "meets_minimum"]
    a_message = plan.messages[0]
    # 10 h × 90% × 80% × 45 weeks = 324 h for 50 accounts: 4.3 visits of 1.5 h each, of 6
    assert a_message.startswith(
        "You have 50 A accounts; A's 80% of your 9 h of field time a week lets you visit each "
        "4.3 times a year at 1.5 h a visit, and every A account needs at least 6 visits a year."
    )
    # 50 × 6 × 1.5 = 450 h = 13.9 h a week at 80% of 90% of 45 weeks
    assert "Plan at least 13.9 h a week (hours_per_week)" in a_message
    assert "shorten A visits to 1 h (visit_hours)" in a_message
    assert (
        "make A smaller (at most 36 of your 250 accounts: a = 0.14 with account_share" in a_message
    )
    # what does not fit still gets planned: every A account the same whole visits, no one none
    assert plan.tiers.at["A", "least_visits"] == 4
    assert plan.summary.startswith("The plan does not fit: A and B accounts")


def test_the_suggested_changes_each_make_the_plan_fit(sample_tiered):
    fits = lambda **choices: plan_time(sample_tiered, **choices).tiers.at["A", "meets_minimum"]  # noqa: E731
    assert fits(hours_per_week=13.9)
    assert fits(hours_per_week=10, visit_hours={"A": 1.0})
    assert not fits(hours_per_week=13.8)


def test_a_share_given_to_an_empty_tier_is_pointed_out(five):
    plan = plan_time(five[five["tier"] != "B"], share_a=0.8, share_b=0.2)
    assert plan.tiers.at["B", "accounts"] == 0
    assert math.isnan(plan.tiers.at["B", "hours_per_account"])
    assert any(
        m.startswith("B has no accounts, so its 20% of your field time") and "(share_b)" in m
        for m in plan.messages
    )
    assert plan.feasible


def test_a_tier_with_no_time_but_a_minimum_says_how_much_time_it_needs(five):
    plan = plan_time(five, share_a=1.0, share_b=0.0)
    assert not plan.feasible
    assert any(
        m.startswith("B gets none of your field time but you have 2 B accounts")
        and "share_b = 0.01 would do" in m
        for m in plan.messages
    )


def test_more_time_than_a_handful_of_accounts_can_use_is_said_and_not_given(five):
    plan = plan_time(five)  # 972 h of A time for one account: at most 45 visits of 1.5 h
    assert plan.feasible
    assert plan.tiers.at["A", "planned_hours"] == 45 * 1.5
    assert plan.tiers.at["A", "spare_hours"] == 972.0 - 67.5
    assert any(
        "cannot use all of A's 972 h" in m and "(max_visits_per_year)" in m for m in plan.messages
    )
    assert not any("cannot use" in m for m in plan_time(five, hours_per_week=2).messages)


def test_c_gets_field_visits_when_it_gets_a_share(five):
    plan = plan_time(five, hours_per_week=10, weeks=40, share_a=0.7, share_b=0.2, share_c=0.1)
    c = plan.accounts[plan.accounts["tier"] == "C"]
    assert (c["visits_per_year"] == 4).all()  # 36 h of C time, at most quarterly visits
    assert set(c["channel"]) == {"field"}


def test_every_account_gets_hours_visits_a_cadence_and_a_channel(sample_tiered):
    accounts = plan_time(sample_tiered).accounts
    assert len(accounts) == 250 and accounts["planned_hours"].notna().all()
    assert set(accounts["cadence"]) <= {key for key, _ in CADENCES}
    assert set(accounts["channel"]) <= set(CHANNELS)
    assert set(accounts.loc[accounts["tier"] == "A", "channel"]) == {"field"}
    # C: inside sales for the bigger half, e-mail and self-service for the rest, no field visits
    c = accounts[accounts["tier"] == "C"]
    assert set(c["channel"]) == {"inside_sales", "self_service"}
    inside = c[c["channel"] == "inside_sales"]["value"]
    assert inside.min() >= c[c["channel"] == "self_service"]["value"].max()
    weekly = accounts[accounts["cadence"] == "weekly"]["visits_per_year"]
    assert (weekly >= 40).all()


def test_new_accounts_are_planned_as_b_not_sent_to_c(five):
    accounts = five.assign(months_as_customer=[np.nan, 30.0, np.nan, 2.5, 7.0])
    plan = plan_time(accounts, hours_per_week=2, weeks=40)
    sol = plan.accounts.set_index("account").loc["Sol Rør AS"]
    assert (sol["tier"], sol["tier_by_value"], bool(sol["new"])) == ("B", "C", True)
    assert sol["visits_per_year"] >= 1 and sol["channel"] == "field"
    vik = plan.accounts.set_index("account").loc["Vik Bil ANS"]  # 7 months: not new any more
    assert (vik["tier"], bool(vik["new"])) == ("C", False)
    assert plan.tiers.at["B", "new_accounts"] == 1 and plan.tiers.at["B", "accounts"] == 3
    assert any(
        m.startswith("1 new account (first order less than 6 months ago) is planned as B")
        and "Sol Rør AS" in m
        for m in plan.messages
    )
    assert not plan_time(five).accounts["new"].any()  # no order lines, no new accounts


def test_the_allocation_can_be_switched_and_a_wrong_one_is_a_settings_error(five):
    assert plan_time(five, allocation="equal").allocation == "equal"
    with pytest.raises(SettingsError, match="unknown allocation 'fair': choose response, equal"):
        plan_time(five, allocation="fair")


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
    ("setting", "named"),
    [
        ({"hours_per_week": 0}, "hours_per_week"),
        ({"weeks": -1}, "weeks"),
        ({"visit_hours": {"A": 0}}, "visit_hours"),
        ({"visit_hours": {"D": 1}}, "visit_hours"),
        ({"prospecting_share": 1.0}, "prospecting_share"),
        ({"min_visits_per_year": {"A": 6.5}}, "whole number"),
        ({"min_visits_per_year": {"B": 13}}, "more than max_visits_per_year"),
        ({"response_half_visits": {"A": 0}}, "response_half_visits"),
        ({"holidays": "XX"}, "holidays"),
        ({"summer_break": "31-28"}, "summer_break"),
    ],
)
def test_other_unusable_settings_are_errors_naming_the_setting(five, setting, named):
    with pytest.raises(SettingsError, match=named):
        plan_time(five, **setting)


def test_the_settings_read_back_what_they_wrote():
    settings = PlanSettings(allocation="value", summer_break="27-29", holidays="se")
    assert (settings.summer_break, settings.holidays) == ((27, 29), "SE")
    assert PlanSettings.from_dict(settings.to_dict()) == settings
    assert PlanSettings(summer_break="none").summer_break == ()
    assert PlanSettings(holidays="None").holidays == "none"


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
    assert plan.accounts["visits_per_year"].tolist() == [45.0, 12.0, 0.0]


def test_accounts_without_tiers_are_refused():
    with pytest.raises(ValueError, match="tier them first"):
        plan_time(pd.DataFrame({"account": ["x"], "revenue": [1.0]}))
    with pytest.raises(ValueError, match=r"tiers must be A, B or C; found \['D'\]"):
        plan_time(pd.DataFrame({"account": ["x"], "revenue": [1.0], "tier": ["D"]}))


def test_to_dict_has_the_keys_of_the_command_line(sample_tiered):
    data = plan_time(sample_tiered).to_dict()
    assert {"hours_per_week", "weeks", "tiers", "feasible", "prospecting_hours", "cadences"} <= set(
        data
    )
    assert set(data["tiers"]) == {"A", "B", "C"}
    for tier in data["tiers"].values():
        assert {"accounts", "hours", "hours_per_account", "visits_per_account_per_month"} <= set(
            tier
        )
    assert sum(data["cadences"].values()) == 250
    assert data["cadences"]["none"] == 62  # the C accounts
