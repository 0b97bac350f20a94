"""The committed sample data is reproducible and shows what the workbook teaches.

The figures are computed here with plain pandas from the files as committed, independently of
the loader and the analysis code, so a change in either cannot hide a change in the data.
"""

import math
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from workbook import paths


def top_share(values: pd.Series, share: float = 0.2) -> float:
    ordered = np.sort(values.clip(lower=0).to_numpy())[::-1]
    return ordered[: math.ceil(share * len(ordered))].sum() / ordered.sum()


@pytest.fixture(scope="module")
def accounts() -> pd.DataFrame:
    return pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})


@pytest.fixture(scope="module")
def team() -> pd.DataFrame:
    return pd.read_csv(paths.SAMPLE_TEAM, dtype={"account_id": str})


def test_sample_command_writes_the_committed_files_byte_for_byte(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "sample", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "sample_accounts.csv" in result.stdout
    for committed in (paths.SAMPLE_ACCOUNTS, paths.SAMPLE_TEAM, paths.SAMPLE_ORDERS_NB):
        assert (tmp_path / committed.name).read_bytes() == committed.read_bytes(), committed.name


def test_one_salesperson_with_every_canonical_column(accounts):
    from workbook.schema import NAMES

    assert list(accounts.columns) == list(NAMES)
    assert len(accounts) == 250
    assert accounts["owner"].nunique() == 1
    assert accounts["account_id"].is_unique and accounts["account_id"].str.startswith("00").all()


def test_revenue_is_concentrated_like_a_real_book(accounts):
    assert 0.75 <= top_share(accounts["revenue"]) <= 0.85


def test_some_big_accounts_have_thin_or_negative_profit(accounts):
    top = accounts.nlargest(50, "revenue")
    margin = top["gross_profit"] / top["revenue"]
    assert (margin < 0.05).sum() >= 2
    assert (top["gross_profit"] < 0).any()


def test_small_accounts_cost_more_to_serve(accounts):
    ranked = accounts.sort_values("revenue", ascending=False)
    big, small = ranked.head(50), ranked.tail(62)
    assert small["service_requests"].mean() > 2 * big["service_requests"].mean()
    concession_rate = lambda part: part["concessions"].sum() / part["revenue"].sum()  # noqa: E731
    assert concession_rate(small) > 3 * concession_rate(big)


def test_some_small_accounts_get_far_more_visits_than_their_value(accounts):
    small = accounts[accounts["revenue"] < accounts["revenue"].median()]
    assert (small["visits"] >= 10).sum() >= 5


def test_b_accounts_have_varied_potential_and_growth(accounts):
    ranked = accounts.sort_values("revenue", ascending=False).iloc[50:188]
    headroom = ranked["potential"] / ranked["revenue"]
    growth = ranked["revenue"] / ranked["revenue_prev"] - 1
    assert 0.1 <= (headroom > 1.7).mean() <= 0.35  # about one in five has real room to grow
    assert growth.std() > 0.1


def test_team_has_salespeople_with_different_habits(team):
    assert 6 <= team["owner"].nunique() <= 10
    assert 1800 <= len(team) <= 2200
    assert team["account_id"].is_unique
    for _, book in team.groupby("owner"):
        assert 0.7 <= top_share(book["revenue"]) <= 0.88

    def time_follows_value(book):
        return np.corrcoef(np.log(book["revenue"]), book["visits"])[0, 1]

    by_owner = {owner: time_follows_value(book) for owner, book in team.groupby("owner")}
    assert by_owner["Lars Haugen"] < 0.15  # spreads his visits evenly
    assert by_owner["Ingrid Berg"] > 0.5  # follows value
    assert by_owner["Ingrid Berg"] == max(by_owner.values())


def test_norwegian_order_lines_look_like_a_norwegian_excel_export():
    raw = paths.SAMPLE_ORDERS_NB.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    lines = pd.read_csv(paths.SAMPLE_ORDERS_NB, sep=";", encoding="utf-8-sig", dtype=str)
    assert list(lines.columns) == [
        "Kundenr",
        "Kundenavn",
        "Fakturadato",
        "Beløp",
        "Varekost",
        "Selger",
    ]
    assert lines["Beløp"].str.contains(",").all()
    assert lines["Beløp"].str.contains("\u00a0").any()
    assert lines["Beløp"].str.startswith("-").any()  # credit notes
    dates = pd.to_datetime(lines["Fakturadato"], format="%d.%m.%Y")
    assert dates.min() == pd.Timestamp("2024-11-01") and dates.max() == pd.Timestamp("2026-10-31")
    assert lines["Kundenr"].nunique() == 150
