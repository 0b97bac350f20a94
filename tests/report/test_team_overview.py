"""The team overview compares each salesperson with the same functions as their own report."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import workbook
from workbook.coaching import cost_to_serve, time_vs_value
from workbook.coaching.team import NO_OWNER, team_overview
from workbook.errors import AccountDataError, SettingsError
from workbook.selection import select_owner
from workbook.settings import PlanSettings, TierSettings


@pytest.fixture(scope="module")
def team() -> pd.DataFrame:
    return workbook.load_accounts(workbook.paths.SAMPLE_TEAM)


def test_one_row_per_owner_with_the_figures_of_their_own_report(team):
    tiers = TierSettings(metric="gross_profit", method="value_share", a=0.7)
    overview = team_overview(team, tiers, PlanSettings(hourly_cost=650))
    assert list(overview["owner"]) == workbook.selection.owners(team)
    for _, row in overview.iterrows():
        own = select_owner(team, row["owner"])
        tiered = workbook.assign_tiers(own, metric="gross_profit", method="value_share", a=0.7)
        figures = workbook.concentration(own, metric="gross_profit")
        today = time_vs_value(tiered, metric="gross_profit")
        cost = cost_to_serve(tiered, hourly_cost=650)
        assert row["accounts"] == len(own)
        assert row["revenue"] == pytest.approx(own["revenue"].sum())
        assert (row["top20_share"], row["gini"]) == (figures.top20_share, figures.gini)
        assert row["focus_score"] == today.score
        assert row["time_share_a"] == pytest.approx(today.tiers.at["A", "time_share"])
        assert row["loss_making"] == len(cost.loss_making)
        assert row["loss_total"] == pytest.approx(cost.loss_total)
        assert row["note"] == ""


def test_owners_match_ignoring_case_and_blank_owners_are_grouped(team):
    book = team.head(40).copy()
    book["owner"] = book["owner"].astype(object)
    book.loc[0, "owner"] = " ingrid berg "
    book.loc[1, "owner"] = None
    overview = team_overview(book)
    assert list(overview["owner"]) == ["Ingrid Berg", NO_OWNER]
    assert list(overview["accounts"]) == [39, 1]


def test_an_owner_who_cannot_be_measured_keeps_a_row_that_says_why(team):
    book = team[team["owner"].isin(["Ingrid Berg", "Ola Dahl"])].copy()
    book.loc[book["owner"] == "Ola Dahl", "revenue"] = 0.0
    overview = team_overview(book).set_index("owner")
    assert math.isnan(overview.at["Ola Dahl", "focus_score"])
    assert "above zero" in overview.at["Ola Dahl", "note"]
    assert not np.isnan(overview.at["Ingrid Berg", "focus_score"])


def test_missing_columns_blank_only_what_they_feed(team):
    overview = team_overview(team.drop(columns=["gross_profit", "visits", "selling_hours"]))
    assert overview["top20_share"].notna().all()
    assert overview[["focus_score", "time_share_a", "loss_making"]].isna().all().all()
    assert overview["note"].str.contains("no gross profit").all()


def test_a_team_overview_needs_an_owner_column_and_usable_settings(team):
    with pytest.raises(AccountDataError, match="owner column"):
        team_overview(team.drop(columns="owner"))
    with pytest.raises(SettingsError, match="hourly_cost"):
        team_overview(team, plan=PlanSettings(hourly_cost=0))
    with pytest.raises(SettingsError, match="value_share"):
        team_overview(team, TierSettings(method="account_share", b=0.9))
