"""Tiered accounts built by hand, so the coaching tests do not depend on the loader or the tiers."""

import pandas as pd
import pytest

from workbook import paths
from workbook.coaching.examples import example_tiered


def tiered_by_hand(accounts: pd.DataFrame, a: int, c: int) -> pd.DataFrame:
    """Return ``accounts`` with tiers: the ``a`` biggest by revenue A, the ``c`` smallest C."""
    order = accounts.sort_values(
        ["revenue", "account_id"], ascending=[False, True], kind="stable"
    ).index
    tiers = pd.Series("B", index=accounts.index)
    tiers[order[:a]] = "A"
    tiers[order[len(order) - c :]] = "C"
    return accounts.assign(tier=pd.Categorical(tiers, categories=["A", "B", "C"]))


@pytest.fixture(scope="session")
def sample_tiered() -> pd.DataFrame:
    """The sample's 250 accounts with the default tiers: 50 A, 138 B, 62 C."""
    accounts = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})
    return tiered_by_hand(accounts, a=50, c=62)


@pytest.fixture(scope="session")
def team_books() -> dict[str, pd.DataFrame]:
    """Each salesperson's accounts of the sample team, tiered by default (20% A, 25% C)."""
    team = pd.read_csv(paths.SAMPLE_TEAM, dtype={"account_id": str})
    books = {}
    for owner, book in team.groupby("owner"):
        n = len(book)
        books[owner] = tiered_by_hand(book.reset_index(drop=True), a=-(-n // 5), c=n // 4)
    return books


@pytest.fixture
def five() -> pd.DataFrame:
    """Five named accounts, one A, two B, two C, with every column the coaching layer reads."""
    return example_tiered()
