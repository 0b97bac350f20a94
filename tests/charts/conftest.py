"""Tiered sample accounts and their coaching results, built once for the chart tests."""

import numpy as np
import pandas as pd
import pytest

from workbook import analysis, coaching, paths


@pytest.fixture(scope="session")
def sample():
    return pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})


@pytest.fixture(scope="session")
def tiered(sample):
    return analysis.assign_tiers(sample)


def book(n: int, seed: int = 7) -> pd.DataFrame:
    """Return ``n`` synthetic accounts with revenue, profit (some losses), visits and potential."""
    rng = np.random.default_rng(seed)
    revenue = rng.lognormal(10, 1.6, n)
    return pd.DataFrame(
        {
            "account_id": [f"{i:07d}" for i in range(n)],
            "account": [f"Customer {i}" for i in range(n)],
            "revenue": revenue,
            "gross_profit": revenue * rng.normal(0.25, 0.1, n),
            "visits": rng.poisson(4, n).astype(float),
            "service_requests": rng.poisson(3, n).astype(float),
            "potential": revenue * rng.uniform(1, 3, n),
            "revenue_prev": revenue / rng.uniform(0.8, 1.3, n),
        }
    )


@pytest.fixture(scope="session")
def small_and_huge():
    """Tiered books of 300 and 1,000,000 accounts (built once: the million takes a few seconds)."""
    return {n: analysis.assign_tiers(book(n)) for n in (300, 1_000_000)}


@pytest.fixture(scope="session")
def coached(tiered):
    plan = coaching.plan_time(tiered)
    today = coaching.time_vs_value(tiered)
    return {
        "plan": plan,
        "today": today,
        "freed": coaching.hours_freed(today, plan),
        "cost": coaching.cost_to_serve(tiered),
        "growth": coaching.growth_screen(tiered),
    }
