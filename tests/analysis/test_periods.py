"""Two periods: a hand-made pair with known movement, the bridge adding up exactly, pins in both
periods, and the edges (a period without accounts, an id twice)."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbook.analysis import compare_periods
from workbook.analysis.periods import AFTER, BEFORE, Bridge
from workbook.errors import AccountDataError
from workbook.settings import TierSettings


def book(revenues: dict[str, float]) -> pd.DataFrame:
    ids = list(revenues)
    return pd.DataFrame(
        {
            "account_id": ids,
            "account": [f"Kunde {i}" for i in ids],
            "revenue": list(revenues.values()),
        }
    )


# Ten accounts last period, ten now: 01-08 in both, 09 and 10 lost, 11 and 12 new.
# account_share with the defaults: A = the top ceil(0.2·10) = 2, C = the bottom floor(0.25·10) = 2.
BEFORE_BOOK = book(
    {
        "01": 1000.00,  # A
        "02": 800.00,  # A
        "03": 500.00,  # B
        "04": 400.00,  # B
        "05": 300.00,  # B
        "06": 200.00,  # B
        "07": 100.00,  # B (rank 7 of 10: B ends at rank 8)
        "08": 90.00,  # B
        "09": 50.00,  # C, then lost
        "10": 10.00,  # C, then lost
    }
)
NOW_BOOK = book(
    {
        "01": 1200.50,  # A, stays A
        "03": 900.25,  # B -> A (up)
        "02": 450.00,  # A -> B (down)
        "04": 420.00,  # B stays B
        "11": 380.00,  # new, B
        "05": 310.00,  # B stays
        "06": 205.75,  # B stays
        "07": 60.00,  # B -> C (down), rank 9
        "12": 70.00,  # new, B (rank 8)
        "08": 20.00,  # B -> C (down), rank 10
    }
)


@pytest.fixture(scope="module")
def change():
    return compare_periods(NOW_BOOK, BEFORE_BOOK, previous_name="2025", current_name="2026")


def test_the_matrix_counts_each_account_once_by_its_tier_then_and_now(change):
    expected = pd.DataFrame(
        [[1, 1, 0, 0], [1, 3, 2, 0], [0, 0, 0, 2], [0, 2, 0, 0]],
        index=list(BEFORE),
        columns=list(AFTER),
    )
    pd.testing.assert_frame_equal(change.matrix, expected, check_dtype=False)
    assert change.matrix.to_numpy().sum() == 12  # every account of either period, once
    assert change.migration()["new"] == {"A": 0, "B": 2, "C": 0, "lost": 0}


def test_the_accounts_that_moved_are_named_with_their_figures(change):
    moved = change.moved.set_index("account_id")
    assert list(moved.index) == ["03", "02", "08", "07"]  # up; then down, the biggest fall first
    assert moved.loc["03", ["previous_tier", "tier", "movement"]].tolist() == ["B", "A", "up"]
    assert moved.loc["02", ["previous_revenue", "revenue", "revenue_change"]].tolist() == [
        800.0,
        450.0,
        -350.0,
    ]
    assert list(change.new["account_id"]) == ["11", "12"]
    assert list(change.lost["account_id"]) == ["09", "10"]
    assert change.counts() == {"up": 1, "down": 3, "same": 4, "new": 2, "lost": 2}


def test_the_bridge_goes_from_last_periods_total_to_this_periods_exactly(change):
    bridge = change.bridge
    assert bridge.to_dict() == {
        "previous": 3450.0,
        "retained_change": 176.5,  # +200.50 -350 +400.25 +20 +10 +5.75 -40 -70
        "new": 450.0,  # 380 + 70
        "lost": 60.0,  # 50 + 10
        "current": 4016.5,
    }
    assert (bridge.growth, bridge.decline) == (636.5, 460.0)
    assert bridge.current == NOW_BOOK["revenue"].sum()
    assert bridge.previous == BEFORE_BOOK["revenue"].sum()


amounts = st.decimals(min_value=-50_000, max_value=5_000_000, places=2, allow_nan=False)


@given(
    st.dictionaries(st.integers(0, 60), st.tuples(st.booleans(), amounts, st.booleans(), amounts)),
)
def test_the_bridge_adds_up_exactly_whatever_the_accounts(rows):
    """previous + retained change + new − lost = current, to the hundredth, for any two books."""
    before = {f"{k:03d}": float(v) for k, (was, v, _, _) in rows.items() if was}
    now = {f"{k:03d}": float(v) for k, (_, _, is_, v) in rows.items() if is_}
    if not any(v > 0 for v in now.values()) or not any(v > 0 for v in before.values()):
        return  # a period with nothing above zero cannot be tiered (said as bad data)
    bridge = compare_periods(book(now), book(before)).bridge
    exact = {k: Decimal(str(v)) for k, v in bridge.to_dict().items()}
    assert (
        exact["previous"] + exact["retained_change"] + exact["new"] - exact["lost"]
        == (exact["current"])
    )
    # and each total is the plain sum of its period, to the hundredth
    assert exact["current"] == sum((Decimal(str(v)) for v in now.values()), Decimal(0))
    assert exact["previous"] == sum((Decimal(str(v)) for v in before.values()), Decimal(0))
    kept = set(now) & set(before)
    assert exact["retained_change"] == sum(
        (Decimal(str(now[k])) - Decimal(str(before[k])) for k in kept), Decimal(0)
    )


def test_a_bridge_that_does_not_add_up_cannot_be_made():
    with pytest.raises(ValueError, match="does not add up"):
        Bridge(100, 0, 0, 0, 0, current_cents=101)


def test_pins_hold_in_both_periods_so_a_pin_is_not_a_move():
    pinned = TierSettings(pins=[("09", "A", "strategic: opening three shops")])
    now = pd.concat([NOW_BOOK, book({"09": 5.0})], ignore_index=True)
    change = compare_periods(now, BEFORE_BOOK, pinned)
    row = change.accounts.set_index("account_id").loc["09"]
    assert (row["previous_tier"], row["tier"], row["movement"]) == ("A", "A", "same")
    assert bool(row["pinned"])
    # a pin of an account new this period has nothing to pin last period
    new_pin = TierSettings(pins=[("11", "C", "one-off order")])
    assert (
        compare_periods(NOW_BOOK, BEFORE_BOOK, new_pin)
        .accounts.set_index("account_id")
        .loc["11", "tier"]
        == "C"
    )


def test_a_pin_of_an_account_in_neither_period_is_an_error():
    with pytest.raises(AccountDataError, match='"99" is pinned to A'):
        compare_periods(NOW_BOOK, BEFORE_BOOK, pins=[("99", "A", "typo")])


def test_a_period_without_accounts_makes_every_account_new():
    change = compare_periods(NOW_BOOK, BEFORE_BOOK.iloc[:0])
    assert change.matrix.loc["new"].sum() == len(NOW_BOOK)
    assert change.bridge.previous == 0 and change.bridge.new == change.bridge.current


def test_an_account_twice_in_a_period_is_bad_data_naming_it():
    twice = pd.concat([BEFORE_BOOK, BEFORE_BOOK.iloc[[2]]], ignore_index=True)
    with pytest.raises(AccountDataError, match='"03" appears more than once') as error:
        compare_periods(NOW_BOOK, twice, previous_name="last.csv")
    assert error.value.problems[0].file == "last.csv"


def test_a_previous_period_that_cannot_be_tiered_says_which_period():
    nothing = BEFORE_BOOK.assign(revenue=0.0)
    with pytest.raises(AccountDataError) as error:
        compare_periods(NOW_BOOK, nothing, previous_name="2025.csv")
    assert all(p.file == "2025.csv" for p in error.value.problems)


def test_the_same_settings_tier_both_periods():
    by_value = compare_periods(NOW_BOOK, BEFORE_BOOK, method="value_share", a=0.5)
    for tiered in (by_value.current, by_value.previous):
        share_of_a = tiered.loc[tiered["tier"] == "A", "revenue"].sum() / tiered["revenue"].sum()
        assert share_of_a >= 0.5 - 1e-9
    assert by_value.settings == TierSettings(method="value_share", a=0.5)


def test_accounts_are_matched_by_id_not_by_name_or_row():
    renamed = NOW_BOOK.assign(account=NOW_BOOK["account"].str.upper()).iloc[::-1]
    change = compare_periods(renamed, BEFORE_BOOK)
    assert change.counts()["new"] == 2 and change.counts()["lost"] == 2
    assert change.accounts.set_index("account_id").loc["01", "account"] == "KUNDE 01"
    assert np.array_equal(change.matrix, compare_periods(NOW_BOOK, BEFORE_BOOK).matrix)
