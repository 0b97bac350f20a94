"""Pins: an account pinned to a tier takes it and is marked; every other account keeps the tier
the rule gives it; a pin of an unknown account or tier is a clear error; the slider's fast path
agrees with summing the pinned table."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.analysis import Ranking, assign_tiers, check_pins, pinned_accounts, tier_summary
from workbook.errors import AccountDataError, SettingsError
from workbook.settings import Pin, TierSettings

ACCOUNTS = pd.DataFrame(
    {
        "account_id": [f"{i:03d}" for i in range(1, 21)],
        "account": [f"Kunde {i}" for i in range(1, 21)],
        "revenue": [float(v) for v in range(2000, 0, -100)],  # 2000, 1900, ... 100
        "gross_profit": [float(v) for v in range(400, 0, -20)],
    }
)


def test_pinning_two_c_accounts_to_a_adds_two_to_a_and_takes_two_from_c():
    rule = assign_tiers(ACCOUNTS)
    pins = [("019", "A", "new flagship store"), ("020", "A", "reference customer")]
    pinned = assign_tiers(ACCOUNTS, pins=pins)
    counts = rule["tier"].value_counts(), pinned["tier"].value_counts()
    assert [counts[0][t] for t in "ABC"] == [4, 11, 5]
    assert [counts[1][t] for t in "ABC"] == [6, 11, 3]
    others = ~pinned["account_id"].isin(["019", "020"])
    assert (pinned.loc[others, "tier"] == rule.loc[others, "tier"]).all()  # nobody else moves
    assert (pinned["rank"] == rule["rank"]).all()  # a pin changes the tier, not the rank


def test_a_pinned_account_is_marked_with_its_reason_and_the_rules_tier():
    pinned = assign_tiers(ACCOUNTS, pins=[("001", "C", "closing down in March")])
    row = pinned.set_index("account_id").loc["001"]
    assert (row["tier"], bool(row["pinned"]), row["pin_reason"], row["rule_tier"]) == (
        "C",
        True,
        "closing down in March",
        "A",
    )
    assert pinned["pinned"].sum() == 1 and pinned["pin_reason"].isna().sum() == 19
    listed = pinned_accounts(pinned)
    assert listed[["account_id", "rule_tier", "tier"]].values.tolist() == [["001", "A", "C"]]
    assert "pinned" not in assign_tiers(ACCOUNTS).columns  # no pins, no extra columns


def test_an_unknown_account_is_an_error_that_names_the_pin():
    with pytest.raises(AccountDataError) as error:
        assign_tiers(ACCOUNTS, pins=[("0O1", "A", "typo for 001"), ("001", "B", "fine")])
    [problem] = error.value.problems
    assert (problem.column, problem.value, problem.code) == ("account_id", "0O1", "unknown_pin")
    assert "pinned to A" in str(problem) and "typo for 001" in str(problem)
    with pytest.raises(AccountDataError, match='"777" is pinned'):
        check_pins(TierSettings(pins=[("777", "C", "x")]), ACCOUNTS)


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        (("001", "D", "why"), '"D" is not a tier'),
        (("001", "A", ""), "has no reason"),
        (("", "A", "why"), "needs an account_id"),
    ],
)
def test_an_unknown_tier_a_missing_reason_or_account_is_a_settings_error(pin, message):
    with pytest.raises(SettingsError, match=message):
        TierSettings(pins=[pin])


def test_an_account_pinned_twice_is_refused():
    with pytest.raises(SettingsError, match="pinned twice"):
        TierSettings(pins=[("001", "A", "one"), ("001", "B", "two")])


def test_pins_survive_json_a_method_change_and_are_kept_per_account():
    settings = TierSettings(pins=[Pin("001", "b", " ramping down ")])
    assert settings.pins == (Pin("001", "B", "ramping down"),)
    assert TierSettings.from_dict(settings.to_dict()) == settings
    assert TierSettings.of(settings, method="value_share").pins == settings.pins
    assert TierSettings.of(settings, pins=()).pins == ()
    assert settings.without_pins == TierSettings()
    assert settings.pins_for(["002"]).pins == ()


def test_a_pin_of_an_account_with_no_revenue_lifts_it_out_of_c():
    accounts = ACCOUNTS.assign(revenue=ACCOUNTS["revenue"].where(ACCOUNTS.index < 15, 0.0))
    pinned = assign_tiers(accounts, pins=[("020", "A", "contract signed, first order in May")])
    assert pinned.set_index("account_id").loc["020", "tier"] == "A"


books = st.lists(
    st.tuples(st.integers(-50, 500), st.integers(-100, 100), st.booleans()), min_size=2, max_size=60
)


@pytest.mark.filterwarnings("ignore:.*encountered in divide:RuntimeWarning")  # no positive profit
@given(
    books,
    st.lists(st.tuples(st.integers(0, 59), st.sampled_from("ABC")), max_size=8),
    st.sampled_from(["account_share", "value_share"]),
    st.floats(0.05, 0.9),
    st.sampled_from(["revenue", "gross_profit", "blend"]),
)
def test_the_slider_path_agrees_with_summing_the_pinned_table(rows, wanted, method, a, metric):
    """Ranking.summary with pins (what a slider move costs) = tier_summary of the tiered table."""
    accounts = pd.DataFrame(
        {
            "account_id": [f"{i:03d}" for i in range(len(rows))],
            "revenue": [float(r) for r, _, _ in rows],
            # a blank profit is kept blank: its tier's profit is unknown, not 0
            "gross_profit": [float(g) if known else np.nan for _, g, known in rows],
        }
    )
    if metric != "revenue":
        accounts["gross_profit"] = accounts["gross_profit"].fillna(0.0)
    pins = {f"{i % len(rows):03d}": tier for i, tier in wanted}
    settings = TierSettings(
        metric=metric,
        method=method,
        a=a if method == "account_share" else max(a, 0.5),
        pins=[(account, tier, "because") for account, tier in pins.items()],
    )
    try:
        tiered = assign_tiers(accounts, settings)
    except AccountDataError:
        return  # nothing above zero to rank by
    ranking = Ranking(accounts, metric)
    fast = ranking.summary(*ranking.cuts(settings), ranking.pin(accounts, settings.pins))
    slow = tier_summary(tiered, settings)
    assert fast["accounts"].tolist() == slow["accounts"].tolist()
    assert fast["accounts"].tolist() == [int((tiered["tier"] == t).sum()) for t in "ABC"]
    pd.testing.assert_frame_equal(fast, slow, check_exact=False, rtol=1e-9, atol=1e-6)
