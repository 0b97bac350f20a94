"""Tiered accounts built by hand, so the coaching tests do not depend on the loader or the tiers."""

import pandas as pd
import pytest

from workbook import paths


def tiered_by_hand(accounts: pd.DataFrame, a: int, c: int) -> pd.DataFrame:
    """Return ``accounts`` with a tier column: the ``a`` biggest by revenue A, the ``c`` smallest C."""
    order = accounts.sort_values(["revenue", "account_id"], ascending=[False, True],
                                 kind="stable").index
    tiers = pd.Series("B", index=accounts.index)
    tiers[order[:a]] = "A"
    tiers[order[len(order) - c:]] = "C"
    return accounts.assign(tier=pd.Categorical(tiers, categories=["A", "B", "C"]))


@pytest.fixture(scope="session")
def sample_tiered() -> pd.DataFrame:
    """The sample's 250 accounts with the default tiers: 50 A, 138 B, 62 C."""
    accounts = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})
    return tiered_by_hand(accounts, a=50, c=62)


@pytest.fixture
def five() -> pd.DataFrame:
    """Five named accounts, one A, two B, two C, with every column the coaching layer reads."""
    return pd.DataFrame({
        "account_id": ["001", "002", "003", "004", "005"],
        "account": ["Fjordbakeri AS", "Berg Elektro AS", "Lys Kafé DA", "Sol Rør AS", "Vik Bil ANS"],
        "revenue": [900_000.0, 50_000.0, 30_000.0, 15_000.0, 5_000.0],
        "gross_profit": [200_000.0, 12_000.0, 6_000.0, 3_000.0, 500.0],
        "visits": [10, 3, 6, 1, 9],
        "selling_hours": [40.0, 6.0, 12.0, 2.0, 10.0],
        "service_requests": [6, 3, 12, 9, 15],
        "concessions": [9_000.0, 1_000.0, 2_500.0, 1_500.0, 600.0],
        "potential": [1_000_000.0, 150_000.0, 31_000.0, 20_000.0, 6_000.0],
        "revenue_prev": [850_000.0, 40_000.0, 31_000.0, 15_000.0, 5_500.0],
        "tier": pd.Categorical(["A", "B", "B", "C", "C"], categories=["A", "B", "C"]),
    })
