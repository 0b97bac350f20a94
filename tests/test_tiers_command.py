"""``python -m workbook tiers``: the tier table, --json, --out, and the exit codes."""

import io
import json
import subprocess
import sys
from types import SimpleNamespace

import pandas as pd
import pytest

from workbook import paths
from workbook.analysis import assign_tiers, concentration, tier_summary
from workbook.cli import main

BOOK = pd.DataFrame(
    {
        "account_id": ["00101", "00102", "00103", "00104", "00105", "00106", "00107", "00108"],
        "account": [
            "Fjordbakeri AS",
            '=HYPERLINK("x")',
            "Solkafé ANS",
            "Bergbygg AS",
            "Vikrør DA",
            "-Lysmat AS",
            "Dalhotell AS",
            "Nesrør AS",
        ],
        "revenue": [940.0, 800.0, 660.0, 330.0, 270.0, 120.0, 50.0, 30.0],
        "gross_profit": [200.0, 300.0, -50.0, 100.0, 80.0, 20.0, 10.0, -5.0],
        "owner": ["Ann", "Ann", "Bo", "Ann", "Bo", "Ann", "Ann", "Bo"],
    }
)


@pytest.fixture
def book(monkeypatch):
    """Serve BOOK (or another table) as the loaded file, whatever its name."""
    served = {"accounts": BOOK}
    monkeypatch.setattr(
        "workbook.commands._common.load_from_args",
        lambda args: SimpleNamespace(accounts=served["accounts"]),
    )
    return served


def run(capsys, *args):
    status = main(["tiers", "accounts.csv", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_prints_the_tier_table_and_the_concentration(book, capsys):
    status, out, err = run(capsys)
    assert status == 0 and err == ""
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("tier"))
    assert "share of accounts" in header and "share of revenue" in header
    rows = {line.split()[0]: line.split() for line in lines if line[:2] in {"A ", "B ", "C "}}
    assert [rows[t][1] for t in "ABC"] == ["2", "4", "2"]  # ceil(1.6), rest, floor(2)
    assert rows["A"][2] == "25.0%" and rows["A"][3] == "1,740"
    assert "Your top 20% of accounts (2 of 8) hold 54% of your revenue" in out  # 1,740 of 3,200
    assert "Gini" in out


def test_json_has_the_design_s_keys_and_the_library_s_numbers(book, capsys):
    status, out, _ = run(capsys, "--json", "--metric", "gross_profit", "--method", "value_share")
    data = json.loads(out)
    assert status == 0
    assert {
        "n",
        "metric",
        "method",
        "total",
        "gini",
        "top20_share",
        "accounts_for_80",
        "tiers",
    } <= set(data)
    assert (data["n"], data["metric"], data["method"]) == (8, "gross_profit", "value_share")
    figures = concentration(BOOK, metric="gross_profit")
    assert data["gini"] == figures.gini and data["total"] == figures.total == 710
    assert data["accounts_for_80"] == figures.accounts_for_80
    summary = tier_summary(
        assign_tiers(BOOK, metric="gross_profit", method="value_share"), "gross_profit"
    )
    for tier in "ABC":
        assert {"accounts", "value", "share"} <= set(data["tiers"][tier])
        assert data["tiers"][tier]["accounts"] == summary.loc[tier, "accounts"]
        assert data["tiers"][tier]["value"] == summary.loc[tier, "value"]
        assert data["tiers"][tier]["share"] == summary.loc[tier, "value_share"]
    assert data["loss_accounts"] == 2


def test_out_csv_lists_the_accounts_by_rank_safe_for_spreadsheets(book, capsys, tmp_path):
    target = tmp_path / "tiers" / "accounts.csv"
    status, out, _ = run(capsys, "--out", str(target))
    assert status == 0 and f"wrote {target}" in out
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel keeps the letters
    written = pd.read_csv(io.BytesIO(raw), dtype=str, encoding="utf-8-sig")
    assert written.columns[:3].tolist() == ["rank", "tier", "account_id"]
    assert written["rank"].tolist() == [str(r) for r in range(1, 9)]
    assert written["account_id"].iloc[0] == "00101"  # kept as text
    assert written["tier"].tolist() == ["A", "A", "B", "B", "B", "B", "C", "C"]
    assert '\'=HYPERLINK("x")' in written["account"].tolist()
    assert "'-Lysmat AS" in written["account"].tolist()


def test_out_xlsx_and_json_together_keep_stdout_pure_json(book, capsys, tmp_path):
    target = tmp_path / "tiers.xlsx"
    status, out, err = run(capsys, "--out", str(target), "--json")
    assert status == 0
    assert json.loads(out)["n"] == 8
    assert f"wrote {target}" in err
    written = pd.read_excel(target, sheet_name="Tiers", dtype={"account_id": str})
    assert written["rank"].tolist() == list(range(1, 9))
    assert written["account_id"].iloc[0] == "00101"


def test_owner_keeps_one_salesperson_s_accounts(book, capsys):
    status, out, _ = run(capsys, "--owner", "bo", "--json")
    data = json.loads(out)
    assert status == 0 and data["n"] == 3 and data["owner"] == "Bo"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--method", "value_share", "--c", "0.3"], "c is a threshold of account_share"),
        (["--method", "value_share", "--a", "0.9", "--b", "0.8"], "must be at least a"),
        (["--b", "0.9"], "b is a threshold of value_share"),
        (["--out", "tiers.txt"], "write a .csv or .xlsx file"),
    ],
)
def test_a_wrong_combination_of_options_exits_2(book, capsys, args, message):
    status, _, err = run(capsys, *args)
    assert status == 2
    assert message in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("accounts", "args", "message"),
    [
        (BOOK.assign(revenue=0.0), [], "no account has a revenue above zero"),
        (BOOK.drop(columns="gross_profit"), ["--metric", "gross_profit"], "no gross_profit column"),
        (BOOK.iloc[:0], [], "no accounts"),
    ],
)
def test_unusable_data_exits_1_with_every_problem(book, capsys, accounts, args, message):
    book["accounts"] = accounts
    status, out, err = run(capsys, *args)
    assert status == 1 and out == ""
    assert message in err


def test_the_sample_file_through_the_real_loader():
    loading = pytest.importorskip("workbook.loading")
    if not hasattr(loading, "load"):
        pytest.skip("workbook.loading.load has not landed yet")
    result = subprocess.run(
        [sys.executable, "-m", "workbook", "tiers", str(paths.SAMPLE_ACCOUNTS), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    sample = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype={"account_id": str})
    assert data["n"] == len(sample)
    assert data["total"] == pytest.approx(sample["revenue"].clip(lower=0).sum())
    assert sum(t["accounts"] for t in data["tiers"].values()) == len(sample)
