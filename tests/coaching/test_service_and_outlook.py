import io
import math

import pandas as pd
import pytest

from workbook.coaching import (
    before_after,
    check_service_levels,
    default_service_levels,
    plan_export,
    plan_per_account,
    plan_time,
)
from workbook.errors import SettingsError


def test_the_default_service_levels_fit_the_samples_default_plan(sample_tiered):
    check = check_service_levels(default_service_levels(), plan_time(sample_tiered))
    assert check.fits and check.messages == []
    # the levels are the plan's least visits: 50 A × 6 visits × 1.5 h = 450 h of A's 972 h
    assert check.table.loc["A", "hours_needed"] == 450
    assert check.table.loc["A", "spare"] == pytest.approx(522)


def test_service_levels_that_do_not_fit_say_where_and_what_would(sample_tiered):
    check = check_service_levels(
        default_service_levels(), plan_time(sample_tiered, hours_per_week=10)
    )
    assert not check.fits
    assert check.table["fits"].tolist() == [False, False, True]
    assert check.messages[0].startswith(
        "A: 50 accounts × 6 visits a year × 1.5 h = 450 h, but the plan gives A 324 h."
    )


def test_edited_service_levels_are_checked(five):
    levels = default_service_levels()
    levels.loc["C", "visits_per_year"] = 1
    check = check_service_levels(levels, plan_time(five))
    assert check.table.loc["C", "hours_needed"] == 1.0
    assert check.messages == [
        "C: 2 accounts × 1 visits a year × 0.5 h = 1 h, but the plan gives "
        "C 0 h. Give C a share of the time or drop its visits."
    ]
    levels.loc["B", "visit_hours"] = 0
    with pytest.raises(SettingsError, match="visit_hours of B is 0"):
        check_service_levels(levels, plan_time(five))
    with pytest.raises(SettingsError, match="missing: C"):
        check_service_levels(default_service_levels().loc[["A", "B"]], plan_time(five))


def test_before_after_puts_the_same_hours_on_both_sides(sample_tiered):
    plan = plan_time(sample_tiered, hourly_cost=500)
    result = before_after(sample_tiered, plan)
    # today's 1,515 logged hours are not compared with the plan's: both sides get the 1,215 h
    # the plan gives the accounts, today's split of them as today's shares of time
    assert sample_tiered["selling_hours"].sum() == pytest.approx(1515.5)
    assert result.table["hours"].tolist() == [1215.0, 1215.0, 1215.0]
    assert result.tiers["hours_today"].sum() == pytest.approx(1215.0)
    assert result.tiers["hours_plan"].tolist() == [972.0, 243.0, 0.0]
    # serving cost at the cost step's hourly cost: hours and service requests, the same both sides
    requests = sample_tiered["service_requests"].sum() * 20 / 60
    assert result.table["serving_cost"].tolist() == pytest.approx([(1215.0 + requests) * 500] * 3)
    assert result.tiers["cost_today"].sum() == pytest.approx(result.tiers["cost_plan"].sum())
    assert result.assumptions["hourly_cost"] == 500


def test_the_revenue_effect_is_a_range_under_the_stated_response(sample_tiered):
    result = before_after(sample_tiered, plan_time(sample_tiered))
    low, high = result.effect
    assert 0 < low < high < 0.10  # a few per cent, like the field studies, never a promise
    revenue = sample_tiered["revenue"].sum()
    assert result.table.loc["plan_low", "revenue"] == pytest.approx(revenue * (1 + low))
    assert result.table.loc["plan_high", "revenue"] == pytest.approx(revenue * (1 + high))
    assert result.table.loc["today", "revenue"] == pytest.approx(revenue)
    # A gains, B and C lose a little: the hours move from them
    assert (result.tiers["effect_high"] > 0).tolist() == [True, False, False]
    assert "If visits drive 10% to 40% of what your accounts buy" in result.summary
    assert "not a promise" in result.summary
    assert result.assumptions["visit_driven_share"] == [0.1, 0.4]
    assert result.assumptions["response_curve"] == "r(x) = b + (1 - b) * x / (d + x)"


def test_an_account_that_already_follows_the_plan_gains_nothing(sample_tiered):
    plan = plan_time(sample_tiered)
    followed = sample_tiered.assign(
        selling_hours=plan.accounts["planned_hours"], visits=plan.accounts["visits_per_year"]
    )
    result = before_after(followed, plan)
    assert result.effect == pytest.approx((0.0, 0.0), abs=1e-12)


def test_before_after_without_time_data_shows_the_plan_only(five):
    no_time = five.drop(columns=["visits", "selling_hours"])
    result = before_after(no_time, plan_time(no_time))
    assert not result.available
    assert math.isnan(result.table.loc["today", "hours"])
    assert result.table.loc["plan_low", "hours"] == 67.5 + 24.0  # the visits the plan places
    assert all(math.isnan(x) for x in result.effect)
    assert any("Today's time is unknown" in note for note in result.notes)
    assert "cannot be compared" in result.summary


def test_the_plan_per_account_has_every_column_the_crm_needs(five):
    plan = plan_time(five, hours_per_week=2, weeks=40)
    table = plan_per_account(five, plan)
    assert list(table.columns) == [
        "account_id",
        "account",
        "tier",
        "new",
        "planned_hours",
        "visits_per_year",
        "cadence",
        "channel",
        "hours_today",
        "time_share_today",
        "time_share_planned",
        "value_share",
        "service_level",
    ]
    assert table["planned_hours"].tolist() == [57.0, 8.0, 6.0, 0.0, 0.0]
    assert table["visits_per_year"].tolist() == [38, 8, 6, 0, 0]
    assert table["hours_today"].tolist() == [40.0, 6.0, 12.0, 2.0, 10.0]
    assert table["time_share_today"].sum() == pytest.approx(1)
    assert table["time_share_planned"].sum() == pytest.approx(1)
    assert table["channel"].tolist() == [
        "field visits",
        "field visits",
        "field visits",
        "inside sales",
        "e-mail and self-service",
    ]
    assert table.loc[0, "service_level"].startswith("at least 6 visits a year; answer same")
    no_time = plan_per_account(five.drop(columns=["visits", "selling_hours"]), plan)
    assert "hours_today" not in no_time.columns and "time_share_today" not in no_time.columns


def test_the_plan_exports_as_csv_and_xlsx_bytes(five):
    plan = plan_time(five)
    csv = pd.read_csv(
        io.BytesIO(plan_export(five, plan, ".csv")), dtype={"account_id": str}, encoding="utf-8-sig"
    )
    xlsx = pd.read_excel(io.BytesIO(plan_export(five, plan, ".xlsx")), dtype={"account_id": str})
    for table in (csv, xlsx):
        assert table["account"].tolist() == five["account"].tolist()  # biggest first, as here
        assert table["account_id"].tolist() == ["001", "002", "003", "004", "005"]
        assert table["cadence"].tolist()[:1] == ["weekly"]
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        plan_export(five, plan, ".pdf")
