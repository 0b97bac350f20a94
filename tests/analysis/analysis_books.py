"""Books of accounts for the analysis tests: built directly, and drawn by hypothesis."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import strategies as st

#: Small whole amounts make ties, zeros and losses common; wide floats make everything else.
AMOUNTS = st.one_of(
    st.integers(-5, 12).map(float),
    st.floats(-1e4, 1e7, allow_nan=False, allow_infinity=False, width=64),
)
#: Text ids, so "10" sorts before "9" as text does; unique within a book.
IDS = st.text(alphabet="0123456789ABZabz", min_size=1, max_size=4)


def accounts(revenue, gross_profit=None, ids=None) -> pd.DataFrame:
    """Return a canonical accounts table with the given amounts (ids 001, 002, ... by default)."""
    n = len(revenue)
    frame = pd.DataFrame(
        {
            "account_id": list(ids) if ids is not None else [f"{i + 1:03d}" for i in range(n)],
            "account": [f"Account {i + 1}" for i in range(n)],
            "revenue": np.asarray(revenue, dtype=float),
        }
    )
    if gross_profit is not None:
        frame["gross_profit"] = np.asarray(gross_profit, dtype=float)
    return frame


@st.composite
def books(draw, *, min_size: int = 1, max_size: int = 40) -> pd.DataFrame:
    """Draw a book with at least one account above zero on revenue and on gross profit."""
    n = draw(st.integers(min_size, max_size))
    revenue = draw(st.lists(AMOUNTS, min_size=n, max_size=n))
    profit = draw(st.lists(AMOUNTS, min_size=n, max_size=n))
    ids = draw(st.lists(IDS, min_size=n, max_size=n, unique=True))
    # Nothing to rank without a positive value: make the first account positive on both.
    revenue[0] = abs(revenue[0]) + 1.0
    profit[0] = abs(profit[0]) + 1.0
    return accounts(revenue, profit, ids)


def shares(low: float = 0.0) -> st.SearchStrategy[float]:
    """Draw shares from ``low`` to 1, often the round ones people type."""
    typed = [s for s in (0.0, 0.05, 0.07, 0.2, 0.25, 0.29, 0.5, 0.8, 0.95, 1.0) if s >= low]
    return st.one_of(st.sampled_from(typed), st.floats(low, 1))


def tiers_by_id(tiered: pd.DataFrame) -> dict[str, str]:
    """Return {account_id: tier} of a tiered table."""
    return dict(zip(tiered["account_id"], tiered["tier"].astype(str), strict=True))
