import math

import pandas as pd
import pytest

from workbook.coaching import growth_screen
from workbook.errors import SettingsError


@pytest.fixture
def ten_b() -> pd.DataFrame:
    names = [
        "Fjordbakeri AS",
        "Berg Elektro AS",
        "Lys Kafé DA",
        "Sol Rør AS",
        "Vik Bil ANS",
        "Nes Maskin AS",
        "Holm Rør AS",
        "Dal Sport ANS",
        "Eik Mat AS",
        "Ås Hotell AS",
    ]
    return pd.DataFrame(
        {
            "account": names,
            "revenue": [100.0, 90, 80, 70, 60, 50, 40, 30, 20, 10],
            "gross_profit": [20.0, 30, 8, 7, 6, 5, 16, 3, 2, 1],
            "potential": [110.0, 300, 85, 75, 200, 55, 45, 35, 25, 12],
            "revenue_prev": [100.0, 60, 81, 71, 40, 52, 41, 31, 21, 11],
            "tier": ["B"] * 10,
        }
    )


def test_the_top_fifth_of_b_is_flagged(ten_b):
    screen = growth_screen(ten_b)
    assert screen.flagged["account"].tolist() == ["Berg Elektro AS", "Vik Bil ANS"]
    assert screen.accounts["flagged"].sum() == math.ceil(0.2 * 10)
    assert screen.weights == pytest.approx({"headroom": 0.5, "growth": 0.3, "margin": 0.2})
    assert screen.could_not_judge == []


def test_only_b_accounts_are_screened(five):
    screen = growth_screen(five)
    assert screen.accounts["account"].tolist() == ["Berg Elektro AS", "Lys Kafé DA"]
    assert screen.flagged["account"].tolist() == ["Berg Elektro AS"]


def test_missing_columns_drop_their_weight_and_say_what_could_not_be_judged(ten_b):
    screen = growth_screen(ten_b.drop(columns=["potential", "gross_profit"]))
    assert screen.weights == {"growth": 1.0}
    assert screen.could_not_judge == [
        "room to grow (potential − revenue): the data has no potential",
        "margin (gross_profit ÷ revenue): the data has no gross_profit",
    ]
    assert screen.accounts["headroom"].isna().all()
    # growth alone: Vik Bil grew 50%, Berg Elektro 50%
    assert set(screen.flagged["account"]) == {"Vik Bil ANS", "Berg Elektro AS"}


def test_with_no_criterion_at_all_nothing_is_flagged_and_it_says_why(ten_b):
    screen = growth_screen(ten_b[["account", "revenue", "tier"]])
    assert screen.flagged.empty
    assert screen.accounts["score"].isna().all()
    assert "flags no account" in screen.message
    assert len(screen.could_not_judge) == 3


def test_an_unknown_potential_leaves_headroom_out_of_that_accounts_score(ten_b):
    ten_b.loc[1, "potential"] = None
    screen = growth_screen(ten_b)
    berg = screen.accounts.set_index("account").loc["Berg Elektro AS"]
    assert berg["criteria"] == 2
    assert berg["score"] == pytest.approx(
        (0.3 * berg["growth_rank"] + 0.2 * berg["margin_rank"]) / 0.5
    )
    assert screen.could_not_judge == [
        "room to grow (potential − revenue): unknown for 1 of 10 B accounts, whose score leaves "
        "it out"
    ]


def test_growth_needs_a_previous_revenue_above_zero(ten_b):
    ten_b.loc[0, "revenue_prev"] = 0
    screen = growth_screen(ten_b)
    assert math.isnan(screen.accounts.set_index("account").loc["Fjordbakeri AS", "growth"])


def test_weights_are_adjustable_and_checked(ten_b):
    margin_only = growth_screen(ten_b, weights={"headroom": 0, "growth": 0, "margin": 1})
    assert margin_only.flagged["account"].tolist() == ["Holm Rør AS", "Berg Elektro AS"]  # 40%, 33%
    with pytest.raises(SettingsError, match="at least one growth weight"):
        growth_screen(ten_b, weights={"headroom": 0, "growth": 0, "margin": 0})
    with pytest.raises(SettingsError, match="unknown growth criteria"):
        growth_screen(ten_b, weights={"loyalty": 1})
    with pytest.raises(SettingsError):
        growth_screen(ten_b, weights={"margin": -1})


def test_the_sample_flags_about_a_fifth_of_its_138_b_accounts(sample_tiered):
    screen = growth_screen(sample_tiered)
    assert len(screen.flagged) == math.ceil(0.2 * 138)
