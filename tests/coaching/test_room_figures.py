"""The figures a participant may share: anonymous, rounded, in range, nothing else gets through."""

from __future__ import annotations

import json
import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import workbook
from workbook import coaching, paths
from workbook.coaching.room import (
    BAND_KEYS,
    FIELDS,
    RoomFiguresError,
    account_band,
    check_room_figures,
    room_figures,
    room_sentences,
    room_spread,
)


def distinctive_book(n: int, seed: int) -> pd.DataFrame:
    """A book whose names, ids and amounts could not turn up in the figures by accident."""
    rng = np.random.default_rng(seed)
    revenue = np.round(rng.lognormal(11, 1.4, n), 2) + 0.37  # odd cents: every amount unique
    return pd.DataFrame(
        {
            "account_id": [f"ZX{seed:03d}{i:05d}" for i in range(n)],
            "account": [f"Secretcustomer {seed}-{i} AS" for i in range(n)],
            "revenue": revenue,
            # four decimals: a profit can never equal a rounded share or a half hour
            "gross_profit": np.round(revenue * rng.uniform(-0.1, 0.4, n), 2) + 0.0037,
            "visits": rng.integers(0, 30, n),
            "selling_hours": np.round(rng.uniform(0, 60, n), 1),
            "owner": "Secret Seller",
        }
    )


def shared_text(figures) -> str:
    return json.dumps(figures.to_dict())


@given(
    n=st.integers(1, 400),
    seed=st.integers(0, 999),
    metric=st.sampled_from(["revenue", "gross_profit"]),
)
def test_no_name_id_or_amount_leaves_in_the_figures(n, seed, metric):
    book = distinctive_book(n, seed)
    if metric == "gross_profit" and not (book["gross_profit"] > 0).any():
        return
    tiered = workbook.assign_tiers(book, metric=metric)
    figures = room_figures(tiered, coaching.plan_time(tiered), metric=metric)
    text = shared_text(figures)
    assert "Secret" not in text and "ZX" not in text
    numbers = [v for v in figures.to_dict().values() if isinstance(v, float)]
    amounts = set(book["revenue"]) | set(book["gross_profit"]) | {book["revenue"].sum()}
    assert not amounts & set(numbers)
    # every number is a rounded share (0..1, whole percent) or hours on the half hour
    for field in FIELDS:
        value = getattr(figures, field.name)
        if field.kind == "share" and value is not None:
            assert 0 <= value <= 1 and math.isclose(value * 100, round(value * 100))
        elif field.kind == "hours" and value is not None:
            assert 0 <= value <= 168 and math.isclose(value * 2, round(value * 2))
    assert figures.accounts_band == account_band(n) and figures.metric == metric
    # only the known keys, and no digit runs longer than a band's limits
    assert set(figures.to_dict()) == {f.name for f in FIELDS}
    assert not re.search(r"\d{6,}", text)


def test_the_sample_gives_the_figures_the_session_guide_quotes():
    accounts = workbook.load_accounts(paths.SAMPLE_ACCOUNTS)
    tiered = workbook.assign_tiers(accounts)
    figures = room_figures(tiered, coaching.plan_time(tiered))
    assert figures.to_dict() == {
        "accounts_band": "250-499",
        "metric": "revenue",
        "top20_share": 0.77,
        "accounts_for_80_share": 0.23,  # 58 of 250
        "gini": 0.73,
        "focus_today": 0.5,
        "focus_plan": 1.0,
        "time_on_a_today": 0.31,
        "time_on_a_plan": 0.8,
        "hours_freed_per_week": 10.5,
    }


def test_without_visits_or_hours_the_time_figures_are_not_shared():
    accounts = workbook.load_accounts(paths.SAMPLE_ORDERS_NB)
    tiered = workbook.assign_tiers(accounts)
    figures = room_figures(tiered, coaching.plan_time(tiered))
    assert figures.focus_today is None and figures.time_on_a_today is None
    assert figures.hours_freed_per_week is None
    assert figures.focus_plan is not None and figures.time_on_a_plan == 0.8


def test_the_plan_s_own_share_of_time_on_a_is_what_is_shared():
    accounts = workbook.load_accounts(paths.SAMPLE_ACCOUNTS)
    tiered = workbook.assign_tiers(accounts)
    figures = room_figures(tiered, coaching.plan_time(tiered, share_a=0.7, share_b=0.3))
    assert figures.time_on_a_plan == 0.7


GOOD = {
    "accounts_band": "25-49",
    "metric": "revenue",
    "top20_share": 0.62,
    "accounts_for_80_share": 0.3,
    "gini": 0.5,
    "focus_today": None,
    "focus_plan": 0.7,
    "time_on_a_today": None,
    "time_on_a_plan": 0.8,
    "hours_freed_per_week": None,
}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"account": "Fjordbakeri AS"}, "unknown figures: account"),
        ({"revenue": 1234567.0}, "unknown figures: revenue"),
        ({"top20_share": 1.5}, "between 0 and 1"),
        ({"top20_share": -0.1}, "between 0 and 1"),
        ({"top20_share": float("nan")}, "between 0 and 1"),
        ({"gini": "0.5"}, "must be a number"),
        ({"gini": True}, "must be a number"),
        ({"gini": None}, "gini is missing"),
        ({"hours_freed_per_week": 1e9}, "between 0 and 168"),
        ({"accounts_band": "251"}, "accounts_band must be one of"),
        ({"accounts_band": "Fjordbakeri AS"}, "accounts_band must be one of"),
        ({"metric": "<script>"}, "metric must be one of"),
    ],
)
def test_anything_but_the_known_figures_is_refused(change, says):
    with pytest.raises(RoomFiguresError, match=re.escape(says)):
        check_room_figures({**GOOD, **change})


def test_a_missing_figure_is_refused_and_values_are_rounded_to_their_step():
    with pytest.raises(RoomFiguresError, match="missing figures: gini"):
        check_room_figures({k: v for k, v in GOOD.items() if k != "gini"})
    checked = check_room_figures({**GOOD, "top20_share": 0.76619, "hours_freed_per_week": 11.74})
    assert checked.top20_share == 0.77 and checked.hours_freed_per_week == 11.5


def test_every_book_size_has_exactly_one_band():
    for n in (1, 24, 25, 249, 250, 4999, 5000, 10**6):
        assert account_band(n) in BAND_KEYS
    with pytest.raises(RoomFiguresError):
        account_band(0)


def test_a_room_s_spread_and_sentences_count_only_who_has_the_figure():
    room = [
        check_room_figures({**GOOD, "top20_share": share, "focus_today": focus})
        for share, focus in ((0.62, None), (0.91, 0.4), (0.75, 0.6))
    ]
    spread = room_spread(room, "top20_share")
    assert (spread.low, spread.median, spread.high) == (0.62, 0.75, 0.91)
    assert room_spread(room, "focus_today").values == (0.4, 0.6)
    lines = room_sentences(room)
    assert lines[0] == "3 participants have shared their figures."
    assert "the top 20% of accounts bring 62%–91% of revenue (median 75%)" in lines[1]
    assert any(line.startswith("Focus scores today: 0.4 to 0.6") for line in lines)
    assert room_sentences([]) == ["Nobody has shared their figures yet."]
    assert room_sentences(room[:1])[0] == "1 participant has shared their figures."
