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
    # 50 A × 12 visits × 1.5 h = 900 h of A's 1,104 h
    assert check.table.loc["A", "hours_needed"] == 900
    assert check.table.loc["A", "spare"] == pytest.approx(204)


def test_service_levels_that_do_not_fit_say_where_and_what_would(sample_tiered):
    check = check_service_levels(
        default_service_levels(), plan_time(sample_tiered, hours_per_week=20)
    )
    assert not check.fits
    assert check.table["fits"].tolist() == [False, False, True]
    assert check.messages[0].startswith(
        "A: 50 accounts × 12 visits a year × 1.5 h = 900 h, but the plan gives A 736 h."
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


def test_before_after_returns_every_assumption_next_to_the_result(five):
    plan = plan_time(five, hours_per_week=2, weeks=35, hourly_cost=500)
    result = before_after(five, plan, revenue_change={"A": 0.05, "B": 0.02, "C": -0.03})
    assert result.table.loc["today", "selling_hours"] == 70
    assert result.table.loc["today", "cost_per_revenue"] == pytest.approx(70 * 500 / 1_000_000)
    assert result.tiers["projected_revenue"].tolist() == pytest.approx([945_000, 81_600, 19_400])
    assert result.table.loc["plan", "revenue"] == pytest.approx(1_046_000)
    assert result.assumptions["hourly_cost"] == 500
    assert result.assumptions["revenue_change"] == {"A": 0.05, "B": 0.02, "C": -0.03}
    assert result.assumptions["today_hours_from"] == "selling_hours"


def test_before_after_without_time_data_shows_the_plan_only(five):
    no_time = five.drop(columns=["visits", "selling_hours"])
    result = before_after(no_time, plan_time(no_time))
    assert math.isnan(result.table.loc["today", "selling_hours"])
    assert result.table.loc["plan", "selling_hours"] == 1380
    assert any("today's selling time is unknown" in note for note in result.notes)
    assert any("no expected revenue change" in note for note in result.notes)


@pytest.mark.parametrize("change", [{"A": -1}, {"D": 0.1}, {"B": "lots"}])
def test_an_unusable_revenue_change_is_an_error(five, change):
    with pytest.raises(SettingsError):
        before_after(five, plan_time(five), revenue_change=change)


def test_the_plan_per_account_has_every_column_the_crm_needs(five):
    table = plan_per_account(five, plan_time(five))
    assert list(table.columns) == [
        "account_id",
        "account",
        "tier",
        "hours_per_year",
        "visits_per_month",
        "channel",
        "service_level",
    ]
    assert table["hours_per_year"].tolist() == [1104.0, 138.0, 138.0, 0.0, 0.0]
    assert table.loc[3, "channel"] == "inside sales, e-mail and web shop"
    assert table.loc[0, "service_level"].startswith("12 visits a year; answer same working day")


def test_the_plan_exports_as_csv_and_xlsx_bytes(five):
    plan = plan_time(five)
    csv = pd.read_csv(
        io.BytesIO(plan_export(five, plan, ".csv")), dtype={"account_id": str}, encoding="utf-8-sig"
    )
    xlsx = pd.read_excel(io.BytesIO(plan_export(five, plan, ".xlsx")), dtype={"account_id": str})
    for table in (csv, xlsx):
        assert table["account"].tolist() == five["account"].tolist()
        assert table["account_id"].tolist() == ["001", "002", "003", "004", "005"]
    with pytest.raises(ValueError, match=r"\.csv or \.xlsx"):
        plan_export(five, plan, ".pdf")
