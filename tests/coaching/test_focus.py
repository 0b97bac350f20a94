"""One yardstick: the focus score measures today's time against the plan, following the plan
scores at least 0.95 (it scores 1), and over- and under-served are judged against the plan."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook import paths
from workbook.coaching import (
    focus_if_followed,
    focus_score,
    hours_freed,
    plan_time,
    time_vs_value,
)
from workbook.coaching.plan import cadence_of

#: The salespeople of the sample team (their books: the ``team_books`` fixture).
OWNERS = sorted(pd.read_csv(paths.SAMPLE_TEAM, usecols=["owner"])["owner"].unique())


def test_focus_is_1_when_time_is_proportional_to_the_plan():
    planned = np.array([57.0, 8.0, 6.0, 0.0, 0.0])
    assert focus_score(planned * 0.7, planned) == pytest.approx(1.0)


def test_equal_time_for_every_account_scores_low_against_a_plan_that_follows_value():
    planned = [67.5, 12.0, 12.0, 0.0, 0.0]
    # ½(|.2 − .74| + 2·|.2 − .13| + 2·|.2 − 0|) = 0.54
    assert focus_score([4, 4, 4, 4, 4], planned) == pytest.approx(1 - 0.54, abs=0.01)


def test_time_on_accounts_the_plan_gives_nothing_scores_zero():
    assert focus_score([0, 0, 5], [100, 50, 0]) == pytest.approx(0.0)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(0, 1e4), st.floats(-1e4, 1e6)), min_size=1, max_size=40))
def test_focus_is_between_0_and_1(pairs):
    time = np.array([t for t, _ in pairs])
    planned = np.array([v for _, v in pairs])
    if time.sum() <= 0 or np.clip(planned, 0, None).sum() <= 0:
        with pytest.raises(ValueError):
            focus_score(time, planned)
        return
    assert -1e-12 <= focus_score(time, planned) <= 1 + 1e-12


def test_following_the_plan_exactly_scores_at_least_095_on_the_sample(sample_tiered):
    plan = plan_time(sample_tiered)
    today = time_vs_value(sample_tiered, plan=plan)
    followed = focus_if_followed(sample_tiered, plan)
    assert followed >= 0.95 and followed == pytest.approx(1.0)
    assert today.score < followed
    # the plan depends only on value and tiers: made again from the followed time it is the
    # same plan, and the followed time is then neither over- nor under-served
    as_planned = sample_tiered.assign(
        selling_hours=plan.accounts["planned_hours"], visits=plan.accounts["visits_per_year"]
    )
    again = plan_time(as_planned)
    assert again.accounts["visits_per_year"].equals(plan.accounts["visits_per_year"])
    result = time_vs_value(as_planned, plan=again)
    assert result.score == pytest.approx(1.0)
    assert result.over_served.empty and result.under_served.empty


@pytest.mark.parametrize("owner", OWNERS)
def test_following_the_plan_beats_today_for_every_salesperson_of_the_team(team_books, owner):
    book = team_books[owner]
    for allocation in ("response", "equal", "value"):
        plan = plan_time(book, allocation=allocation)
        today = time_vs_value(book, plan=plan)
        assert focus_if_followed(book, plan) >= 0.95 > today.score


def test_a_salesperson_who_follows_value_scores_higher_than_one_who_spreads_time_evenly(
    team_books,
):
    scores = {
        name: time_vs_value(team_books[name]).score for name in ("Ingrid Berg", "Lars Haugen")
    }
    assert scores["Ingrid Berg"] > scores["Lars Haugen"] + 0.2


def test_time_vs_value_prefers_selling_hours_and_matches_focus_score(five):
    plan = plan_time(five)
    today = time_vs_value(five, plan=plan)
    assert today.available and today.time_column == "selling_hours"
    assert today.score == pytest.approx(
        focus_score(five["selling_hours"], plan.accounts["planned_hours"])
    )
    assert today.accounts["time_share"].sum() == pytest.approx(1)
    assert today.accounts["planned_share"].sum() == pytest.approx(1)
    assert today.tiers.loc["A", "value_share"] == pytest.approx(0.9)  # the drift picture stays
    assert today.tiers.loc["A", "time_share"] == pytest.approx(40 / 70)


def test_visits_count_as_their_length_in_hours_when_there_are_no_selling_hours(five):
    visits = five.drop(columns="selling_hours")  # 6, 3, 6, 1, 9 visits: A 1.5 h, B 1 h, C 0.5 h
    today = time_vs_value(visits)
    assert today.time_column == "visits"
    assert today.accounts["time"].tolist() == [9.0, 3.0, 6.0, 0.5, 4.5]


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


def test_over_and_under_served_are_judged_against_the_plan(sample_tiered):
    plan = plan_time(sample_tiered)
    today = time_vs_value(sample_tiered, plan=plan)
    table = today.accounts
    average = 1 / len(table)
    over, under = today.over_served, today.under_served
    assert len(over) and len(under)
    assert (over["time_share"] >= 2 * over["planned_share"]).all()
    assert (over["time_share"] > average).all()
    assert (under["time_share"] <= 0.5 * under["planned_share"]).all()
    assert (under["planned_share"] > average).all()
    # the big A accounts the plan visits most are the ones today's habits leave short
    biggest = plan.accounts.sort_values("value", ascending=False)["account"].head(5)
    assert set(biggest) <= set(under["account"])
    # and the accounts the plan gives nothing (C) that get time today are "customers you like"
    assert (over["tier"] == "C").any()


def test_the_over_served_thresholds_are_adjustable(sample_tiered):
    counts = [len(time_vs_value(sample_tiered, over_ratio=r).over_served) for r in (2, 5, 1e9)]
    assert counts[0] > counts[1] > 0
    # an account the plan gives nothing is over any ratio once it gets above-average time
    assert (
        counts[2]
        == (
            (time_vs_value(sample_tiered).accounts.query("planned_share == 0")["time_share"])
            > 1 / len(sample_tiered)
        ).sum()
    )


def test_value_can_be_gross_profit_with_losses_counting_as_no_value(five):
    losing = five.assign(gross_profit=[200_000.0, 12_000.0, -6_000.0, 3_000.0, 500.0])
    today = time_vs_value(losing, metric="gross_profit")
    assert today.accounts.loc[2, "value_share"] == 0
    assert today.accounts["value_share"].sum() == pytest.approx(1)
    assert today.plan.metric == "gross_profit"


def test_hours_freed_puts_today_and_the_plan_on_the_same_hours(sample_tiered):
    plan = plan_time(sample_tiered)
    freed = hours_freed(time_vs_value(sample_tiered, plan=plan), plan)
    assert freed.table["today"].sum() == pytest.approx(1215.0)  # the plan's hours for accounts
    assert freed.table["plan"].tolist() == [972.0, 243.0, 0.0]
    assert freed.table["change"].sum() == pytest.approx(0)
    assert freed.from_c == pytest.approx(freed.table.at["C", "today"])
    assert freed.to_a == pytest.approx(972.0 - freed.table.at["A", "today"])
    assert "applied to the 1,215 h the plan gives your accounts" in freed.basis


def test_cadences_read_as_the_rhythm_the_visits_keep_at_least():
    assert [cadence_of(v) for v in (52, 40, 39, 20, 12, 10, 6, 4, 2, 1, 0)] == [
        "weekly",
        "weekly",
        "fortnightly",
        "fortnightly",
        "monthly",
        "monthly",
        "every_other_month",
        "quarterly",
        "twice_a_year",
        "yearly",
        "none",
    ]
