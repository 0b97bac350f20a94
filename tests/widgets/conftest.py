"""Widgets are exercised in the kernel (no browser): set a control, check what the panel shows."""

import pandas as pd
import pytest

from workbook import analysis, paths


@pytest.fixture(scope="session")
def sample():
    return pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})


@pytest.fixture()
def tiered(sample):
    return analysis.assign_tiers(sample)
