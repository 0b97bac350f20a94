"""Comparing two tierings: which accounts moved, and the 3x3 table of moves."""

import pytest
from analysis_books import accounts

from workbook.analysis import assign_tiers, compare_tierings, tier_moves


@pytest.fixture
def book():
    return accounts([100, 80, 60, 40, 20, 10, 5, 1])


def test_only_the_accounts_that_moved_are_listed(book):
    before = assign_tiers(book, a=0.25, c=0.25)  # AABBBBCC
    after = assign_tiers(book, a=0.5, c=0.25)  # AAAABBCC
    moved = compare_tierings(before, after)
    assert list(moved.columns) == ["account_id", "account", "from", "to"]
    assert moved["account_id"].tolist() == ["003", "004"]
    assert moved[["from", "to"]].astype(str).values.tolist() == [["B", "A"], ["B", "A"]]


def test_the_moves_table_counts_every_account_once(book):
    before = assign_tiers(book, a=0.25, c=0.25)
    after = assign_tiers(book, a=0.5, c=0.5)
    moves = tier_moves(before, after)
    assert moves.index.tolist() == ["A", "B", "C"] and moves.columns.tolist() == ["A", "B", "C"]
    assert moves.to_numpy().sum() == len(book)
    assert moves.loc["B", "A"] == 2 and moves.loc["B", "C"] == 2
    assert moves.loc["A", "A"] == 2 and moves.loc["C", "C"] == 2


def test_accounts_in_only_one_tiering_show_a_blank_side(book):
    before = assign_tiers(book)
    after = assign_tiers(book.iloc[:6])
    moved = compare_tierings(before, after)
    gone = moved[moved["to"].isna()]
    assert sorted(gone["account_id"]) == ["007", "008"]
    assert tier_moves(before, after).to_numpy().sum() == 6


def test_tables_without_tiers_are_refused(book):
    with pytest.raises(ValueError, match="no tier column"):
        compare_tierings(book, assign_tiers(book))
