"""The sample files in data/ load, and the order lines add up to a plain pandas computation."""

from __future__ import annotations

import pandas as pd
import pytest

from workbook import paths
from workbook.loading import load, load_accounts
from workbook.schema import NAMES


@pytest.mark.parametrize(
    ("path", "count"), [(paths.SAMPLE_ACCOUNTS, 250), (paths.SAMPLE_TEAM, 2000)]
)
def test_the_sample_account_lists_load_as_they_are(path, count):
    result = load(path)
    plain = pd.read_csv(path, dtype={"account_id": str})
    assert result.kind == "accounts" and len(result.accounts) == count
    assert list(result.accounts.columns) == list(NAMES)
    assert result.columns == {name: name for name in NAMES}
    assert result.warnings == [] and result.dropped_rows == []
    assert result.accounts["account_id"].tolist() == plain["account_id"].tolist()
    for name in ("revenue", "gross_profit", "visits", "potential", "revenue_prev"):
        assert result.accounts[name].tolist() == plain[name].astype(float).tolist()
    assert pd.api.types.is_string_dtype(result.accounts["account_id"])
    assert isinstance(result.accounts.index, pd.RangeIndex)


def test_the_norwegian_order_lines_add_up_like_pandas_says():
    result = load(paths.SAMPLE_ORDERS_NB)
    assert result.kind == "order_lines"
    assert [str(d.date()) for d in result.period] == ["2025-11-01", "2026-10-31"]

    lines = pd.read_csv(paths.SAMPLE_ORDERS_NB, sep=";", encoding="utf-8-sig", dtype=str)
    for name in ("Beløp", "Varekost"):
        lines[name] = lines[name].str.replace("\u00a0", "").str.replace(",", ".").astype(float)
    lines["date"] = pd.to_datetime(lines["Fakturadato"], format="%d.%m.%Y")
    latest = lines["date"].max()
    assert latest == pd.Timestamp("2026-10-31")
    current = lines[lines["date"] > latest - pd.DateOffset(months=12)]
    before = lines[
        (lines["date"] > latest - pd.DateOffset(months=24))
        & (lines["date"] <= latest - pd.DateOffset(months=12))
    ]
    expected = current.groupby("Kundenr").agg(revenue=("Beløp", "sum"), cost=("Varekost", "sum"))
    expected["gross_profit"] = expected["revenue"] - expected["cost"]
    expected["revenue_prev"] = (
        before.groupby("Kundenr")["Beløp"].sum().reindex(expected.index).fillna(0)
    )

    accounts = result.accounts.set_index("account_id").sort_index()
    assert len(accounts) == len(expected) <= 150
    assert accounts.index.tolist() == expected.index.tolist()
    for name in ("revenue", "gross_profit", "revenue_prev"):
        assert accounts[name].to_numpy() == pytest.approx(expected[name].to_numpy(), abs=1e-6)
    assert (accounts["revenue"] < 0).sum() == (expected["revenue"] < 0).sum()
    names = current.groupby("Kundenr")["Kundenavn"].agg(lambda s: s.mode().iloc[-1])
    assert accounts["account"].tolist() == names.tolist()


def test_load_accounts_is_load_dot_accounts():
    pd.testing.assert_frame_equal(
        load_accounts(paths.SAMPLE_ORDERS_NB), load(paths.SAMPLE_ORDERS_NB).accounts
    )
