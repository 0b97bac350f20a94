"""Properties of the tiering that must hold for every book of accounts (drawn by hypothesis)."""

import numpy as np
import pandas as pd
from analysis_books import books, shares, tiers_by_id
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.analysis import Ranking, assign_tiers, tier_summary
from workbook.settings import TierSettings

METRICS = st.sampled_from(["revenue", "gross_profit"])
#: The machine is shared: properties compared with other tierings run fewer examples.
SOME = settings(max_examples=40)


def reference_tiers(book: pd.DataFrame, metric: str, method: str, **limits) -> dict[str, str]:
    """Tier a book by the design's words, one account at a time, with no cleverness."""
    values = dict(zip(book["account_id"], book[metric], strict=True))
    ranked = sorted(values, key=lambda i: (-values[i], i))
    n = len(ranked)
    positive = sum(v > 0 for v in values.values())
    if method == "account_share":
        k_a = min(k for k in range(n + 1) if k / n >= limits["a"] - 1e-9)
        bottom = max(m for m in range(n + 1) if m / n <= limits["c"] + 1e-9)
        k_ab = max(k_a, n - bottom)
    else:
        running = [0.0]
        for account in ranked:
            running.append(running[-1] + max(values[account], 0.0))
        reach = [running[k] / running[-1] for k in range(n + 1)]
        k_a = min(k for k in range(n + 1) if reach[k] >= limits["a"] - 1e-9)
        k_ab = max(k_a, min(k for k in range(n + 1) if reach[k] >= limits["b"] - 1e-9))
    k_a, k_ab = min(k_a, positive), min(k_ab, positive)
    return {
        account: "A" if r < k_a else "B" if r < k_ab else "C" for r, account in enumerate(ranked)
    }


@st.composite
def tierings(draw):
    """Draw a method with thresholds in its own unit."""
    method = draw(st.sampled_from(["account_share", "value_share"]))
    a = draw(shares())
    if method == "account_share":
        return method, {"a": a, "c": draw(shares())}
    return method, {"a": a, "b": draw(shares(low=a))}


@given(books(), METRICS, tierings())
def test_tiers_follow_the_design_s_rules_exactly(book, metric, tiering):
    method, limits = tiering
    tiered = assign_tiers(book, metric=metric, method=method, **limits)
    assert tiers_by_id(tiered) == reference_tiers(book, metric, method, **limits)


@given(books(), METRICS, tierings())
def test_tiers_partition_the_accounts_and_ranks_are_1_to_n(book, metric, tiering):
    method, limits = tiering
    tiered = assign_tiers(book, metric=metric, method=method, **limits)
    assert len(tiered) == len(book)
    assert tiered["tier"].isin(["A", "B", "C"]).all()
    assert sorted(tiered["rank"]) == list(range(1, len(book) + 1))
    assert (tiered.loc[book[metric] <= 0, "tier"] == "C").all()
    # Every A outranks every B, every B outranks every C.
    best = tiered.groupby("tier", observed=True)["rank"].agg(["min", "max"])
    for upper, lower in [("A", "B"), ("B", "C"), ("A", "C")]:
        if upper in best.index and lower in best.index:
            assert best.loc[upper, "max"] < best.loc[lower, "min"]


@given(books(), METRICS)
def test_rank_is_metric_descending_with_ties_by_account_id(book, metric):
    ranked = assign_tiers(book, metric=metric).sort_values("rank")
    keys = list(zip(-ranked[metric], ranked["account_id"], strict=True))
    assert keys == sorted(keys)


@SOME
@given(books(), METRICS, shares(), shares(), st.sampled_from(["account_share", "value_share"]))
def test_a_larger_a_never_takes_an_account_out_of_a(book, metric, a1, a2, method):
    low, high = sorted([a1, a2])
    other = {"c": 0.25} if method == "account_share" else {"b": 1.0}
    before = assign_tiers(book, metric=metric, method=method, a=low, **other)
    after = assign_tiers(book, metric=metric, method=method, a=high, **other)
    assert set(before.loc[before["tier"] == "A", "account_id"]) <= set(
        after.loc[after["tier"] == "A", "account_id"]
    )


@SOME
@given(books(), METRICS, shares(), shares(), shares())
def test_a_larger_c_never_takes_an_account_out_of_c(book, metric, a, c1, c2):
    low, high = sorted([c1, c2])
    before = assign_tiers(book, metric=metric, a=a, c=low)
    after = assign_tiers(book, metric=metric, a=a, c=high)
    assert set(before.loc[before["tier"] == "C", "account_id"]) <= set(
        after.loc[after["tier"] == "C", "account_id"]
    )


@SOME
@given(books(), METRICS, st.data())
def test_a_larger_b_never_puts_an_account_into_c(book, metric, data):
    a = data.draw(shares())
    low, high = sorted(data.draw(st.lists(shares(low=a), min_size=2, max_size=2)))
    before = assign_tiers(book, metric=metric, method="value_share", a=a, b=low)
    after = assign_tiers(book, metric=metric, method="value_share", a=a, b=high)
    assert set(after.loc[after["tier"] == "C", "account_id"]) <= set(
        before.loc[before["tier"] == "C", "account_id"]
    )


@SOME
@given(books(), METRICS, tierings(), st.randoms(use_true_random=False))
def test_the_order_of_the_rows_changes_nothing(book, metric, tiering, random):
    method, limits = tiering
    shuffled = book.iloc[random.sample(range(len(book)), len(book))]
    first = assign_tiers(book, metric=metric, method=method, **limits)
    second = assign_tiers(shuffled, metric=metric, method=method, **limits)
    assert tiers_by_id(first) == tiers_by_id(second)
    assert dict(zip(first["account_id"], first["rank"], strict=True)) == dict(
        zip(second["account_id"], second["rank"], strict=True)
    )
    assert second.index.equals(shuffled.index)  # rows come back in the order given


@given(books(), st.sampled_from(["revenue", "gross_profit", "blend"]), tierings())
def test_ranking_summary_equals_tier_summary_exactly(book, metric, tiering):
    method, limits = tiering
    ranking = Ranking(book, metric)
    expected = ranking.summary(*ranking.cuts(TierSettings(metric=metric, method=method, **limits)))
    actual = tier_summary(assign_tiers(book, metric=metric, method=method, **limits), metric)
    pd.testing.assert_frame_equal(actual, expected, check_exact=True)


@SOME
@given(books(), METRICS, tierings())
def test_summary_adds_up_to_the_book(book, metric, tiering):
    method, limits = tiering
    summary = tier_summary(assign_tiers(book, metric=metric, method=method, **limits), metric)
    assert summary["accounts"].sum() == len(book)
    assert np.isclose(summary["value_share"].sum(), 1.0)
    for column in ("revenue", "gross_profit"):
        assert np.isclose(
            summary[column].sum(),
            book[column].sum(),
            rtol=1e-9,
            atol=1e-6 * np.abs(book[column]).sum(),
        )


@SOME
@given(books(), METRICS, tierings())
def test_labels_and_ranks_of_a_ranking_match_assign_tiers(book, metric, tiering):
    method, limits = tiering
    ranking = Ranking(book, metric)
    tiered = assign_tiers(book, metric=metric, method=method, **limits)
    assert list(
        ranking.labels(*ranking.cuts(TierSettings(metric=metric, method=method, **limits)))
    ) == list(tiered["tier"])
    assert ranking.ranks().tolist() == tiered["rank"].tolist()
