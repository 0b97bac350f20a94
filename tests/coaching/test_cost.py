import math

import pytest

from workbook.coaching import cost_to_serve


def test_serving_cost_is_visit_and_service_hours_times_the_hourly_cost(five):
    cost = cost_to_serve(five, hourly_cost=1000, minutes_per_request=30)
    # Lys Kafé: 12 selling hours + 12 requests × 30 min = 18 h
    lys = cost.accounts.set_index("account").loc["Lys Kafé DA"]
    assert lys["visit_hours"] == 12 and lys["service_hours"] == 6
    assert lys["serving_cost"] == 18_000
    assert lys["net_contribution"] == 6_000 - 18_000


def test_concessions_are_not_subtracted_twice(five):
    included = cost_to_serve(five)
    excluded = cost_to_serve(five, profit_includes_concessions=False)
    assert (included.accounts["concessions"] == five["concessions"]).all()
    difference = included.accounts["net_contribution"] - excluded.accounts["net_contribution"]
    assert difference.tolist() == five["concessions"].tolist()
    assert included.assumptions["profit_includes_concessions"] is True
    assert included.tiers.loc["C", "concessions"] == 2_100


def test_visits_times_the_tier_visit_length_when_there_are_no_selling_hours(five):
    cost = cost_to_serve(five.drop(columns="selling_hours"), visit_hours={"A": 2.0})
    assert cost.accounts["visit_hours"].tolist() == [12.0, 3.0, 6.0, 0.5, 4.5]
    assert cost.assumptions["visit_hours_from"] == "visits × visit length"


def test_tier_totals_and_the_loss_making_accounts(five):
    cost = cost_to_serve(five)
    assert cost.tiers["accounts"].tolist() == [1, 2, 2]
    assert cost.tiers["serving_cost"].sum() == pytest.approx(cost.accounts["serving_cost"].sum())
    assert cost.loss_making["account"].tolist() == ["Vik Bil ANS", "Lys Kafé DA", "Sol Rør AS"]
    assert cost.loss_total == pytest.approx(19_300)
    assert cost.tiers.loc["C", "loss"] == pytest.approx(12_500)
    assert cost.tiers.loc["A", "loss_making"] == 0


def test_the_whale_curve_of_net_contribution_rises_above_100_and_falls_back(five):
    curve = cost_to_serve(five).curve
    assert curve["value_share"].iloc[-1] == pytest.approx(1.0)
    assert curve["value_share"].max() > 1.0


def test_without_gross_profit_there_is_no_net_contribution_and_it_says_so(five):
    cost = cost_to_serve(five.drop(columns="gross_profit"))
    assert cost.accounts["net_contribution"].isna().all()
    assert math.isnan(cost.loss_total) and cost.curve is None
    assert "no gross_profit: net contribution cannot be worked out" in cost.notes
    assert cost.accounts["serving_cost"].notna().all()


def test_without_time_or_service_requests_the_notes_say_what_was_left_out(five):
    cost = cost_to_serve(five.drop(columns=["visits", "selling_hours", "service_requests"]))
    assert (cost.accounts["serving_cost"] == 0).all()
    assert any("service requests only" in note for note in cost.notes)
    assert any("visit time only" in note for note in cost.notes)


def test_the_sample_has_loss_making_c_accounts(sample_tiered):
    cost = cost_to_serve(sample_tiered)
    assert cost.tiers.loc["C", "loss_making"] > 0
    assert cost.loss_total > 0
    assert cost.tiers.loc["A", "net_contribution"] > cost.tiers.loc["C", "net_contribution"]
