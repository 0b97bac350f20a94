"""Order lines: the period, the most frequent owner, credit notes, and what is refused."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from workbook.errors import AccountDataError, SettingsError
from workbook.loading import UploadedFile, load

LINES = """Ordredato;Kundenr;Kunde;Beløp;Selger;Region
2024-03-01;1;Fjord AS;400;Kari;Vest
2025-01-10;1;Fjord AS;100;Kari;Vest
2025-06-10;1;Fjord AS;-30;Per;Vest
2025-07-10;1;Fjord AS;50;Per;Vest
2025-08-10;1;Fjord AS;20;Kari;Øst
2025-02-01;2;Berg AS;70;Ola;Nord
2025-12-31;3;Lys AS;10;Ola;Nord
"""


def orders(**options):
    return load(UploadedFile("ordrer.csv", LINES.encode()), **options)


def test_the_default_period_is_the_twelve_months_up_to_the_latest_order():
    result = orders()
    assert [str(d.date()) for d in result.period] == ["2025-01-01", "2025-12-31"]
    accounts = result.accounts.set_index("account_id")
    assert accounts["revenue"].to_dict() == {"1": 140.0, "2": 70.0, "3": 10.0}
    assert accounts["revenue_prev"].to_dict() == {"1": 400.0, "2": 0.0, "3": 0.0}
    assert result.to_dict()["period"] == {"start": "2025-01-01", "end": "2025-12-31"}


def test_the_most_frequent_value_wins_and_the_latest_on_ties():
    accounts = orders().accounts.set_index("account_id")
    assert accounts.loc["1", "owner"] == "Kari"  # Kari twice, Per twice: Kari sold last
    assert accounts.loc["1", "region"] == "Vest"  # Vest three times, Øst once


@pytest.mark.parametrize(
    "period",
    [
        "2025-06-01:2025-08-31",
        ("2025-06-01", "2025-08-31"),
        (dt.date(2025, 6, 1), pd.Timestamp("2025-08-31")),
    ],
)
def test_a_period_can_be_given_as_text_or_as_dates(period):
    result = orders(period=period)
    assert result.accounts.set_index("account_id")["revenue"].to_dict() == {"1": 40.0}
    assert [str(d.date()) for d in result.period] == ["2025-06-01", "2025-08-31"]
    # The three months before (March to May 2025) have no lines in the file: no growth figures.
    assert "revenue_prev" not in result.accounts.columns
    assert any("no order lines from 1 Mar 2025 to 31 May 2025" in w for w in result.warnings)


def test_revenue_prev_is_an_equally_long_window_just_before():
    result = orders(period="2025-07-01:2025-12-31")
    assert result.accounts.set_index("account_id")["revenue_prev"].to_dict() == {
        "1": 70.0,
        "3": 0.0,
    }


def test_an_open_ended_period_runs_to_the_files_first_or_last_date():
    result = orders(period="2025-07-01:")
    assert [str(d.date()) for d in result.period] == ["2025-07-01", "2025-12-31"]
    assert result.to_dict()["totals"]["revenue"] == 80.0


def test_period_all_uses_the_whole_file_without_revenue_prev():
    result = orders(period="all")
    assert "revenue_prev" not in result.accounts.columns
    assert result.to_dict()["totals"]["revenue"] == 620.0


@pytest.mark.parametrize("period", ["last year", "2025-13-01:2025-12-31", "2025-12-31:2025-01-01"])
def test_a_period_that_is_not_understood_is_a_setting_error(period):
    with pytest.raises(SettingsError) as caught:
        orders(period=period)
    assert caught.value.setting == "period" and "period" in str(caught.value)


def test_a_period_with_no_orders_is_a_problem():
    with pytest.raises(AccountDataError, match="no order lines from 1 Jan 2030 to 31 Dec 2030"):
        orders(period="2030-01-01:2030-12-31")


def test_credit_notes_are_kept():
    content = "Date,Customer,Amount\n2025-01-01,A,100\n2025-02-01,A,-150\n2025-03-01,B,10\n"
    result = load(UploadedFile("o.csv", content.encode()))
    assert result.accounts.set_index("account")["revenue"].to_dict() == {"A": -50.0, "B": 10.0}


def test_a_period_for_an_account_list_is_ignored_with_a_warning():
    result = load(UploadedFile("a.csv", b"Customer,Revenue\nA,1\n"), period="all")
    assert result.period is None and "period" not in result.to_dict()
    assert any("period (all) is ignored" in w for w in result.warnings)


def test_a_date_column_in_an_account_list_does_not_make_order_lines():
    content = b"Customer,Revenue,Visits,Last visit date\nA,1,2,2025-01-01\nB,3,4,2024-01-01\n"
    result = load(UploadedFile("a.csv", content), mapping={"Last visit date": "date"})
    assert result.kind == "accounts" and len(result.accounts) == 2


def test_months_as_customer_counts_from_the_first_order_line_when_the_file_shows_it():
    accounts = orders().accounts.set_index("account_id")
    # Fjord AS ordered in the file's first month (March 2024): when it started is not known
    assert pd.isna(accounts.loc["1", "months_as_customer"])
    # Berg AS first ordered on 1 Feb 2025, 333 days (10.9 months) before 31 Dec 2025; Lys AS on
    # the last day
    assert accounts.loc["2", "months_as_customer"] == 10.9
    assert accounts.loc["3", "months_as_customer"] == 0.0
    assert list(accounts.columns)[-1] == "months_as_customer"  # after the canonical columns


def test_the_plan_marks_an_account_whose_first_order_is_recent_as_new():
    from workbook.analysis import assign_tiers
    from workbook.coaching import plan_time

    plan = plan_time(assign_tiers(orders().accounts, c=0.34))  # the smallest of three is C
    new = plan.accounts.set_index("account")["new"]
    assert new.to_dict() == {"Fjord AS": False, "Berg AS": False, "Lys AS": True}
    # Lys AS, the smallest, would be C on its one order: it is planned as B
    lys = plan.accounts.set_index("account").loc["Lys AS"]
    assert (lys["tier_by_value"], lys["tier"]) == ("C", "B")


def test_an_account_list_has_no_months_as_customer():
    csv = b"Account,Revenue\nFjord AS,100\nBerg AS,50\n"
    assert "months_as_customer" not in load(UploadedFile("a.csv", csv)).accounts.columns
