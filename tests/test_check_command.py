"""``python -m workbook check`` end to end: what it prints, and its exit status."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from workbook import paths

JSON_KEYS = {"accounts", "kind", "columns", "totals", "dropped_rows", "warnings"}


def workbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "workbook", *args], capture_output=True, text=True, timeout=120
    )


def test_a_good_file_exits_0_with_the_json_summary():
    result = workbook("check", str(paths.SAMPLE_ACCOUNTS), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) == JSON_KEYS
    assert summary["accounts"] == 250 and summary["kind"] == "accounts"
    assert summary["columns"]["revenue"] == "revenue"
    assert set(summary["totals"]) == {"revenue", "gross_profit"}


def test_order_lines_report_their_period():
    result = workbook("check", str(paths.SAMPLE_ORDERS_NB), "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert set(summary) == JSON_KEYS | {"period"}
    assert summary["kind"] == "order_lines"
    assert summary["period"] == {"start": "2025-11-01", "end": "2026-10-31"}
    assert summary["columns"] == {
        "account_id": "Kundenr",
        "account": "Kundenavn",
        "revenue": "Beløp",
        "owner": "Selger",
        "date": "Fakturadato",
        "cost": "Varekost",
    }


def test_the_plain_summary_says_what_was_understood(tmp_path):
    path = tmp_path / "kunder.csv"
    path.write_text(
        "Kunde;Omsetning;Selger\nA;1 000,50;Kari\nB;;Per\nTotalt;1 000,50;\n", encoding="utf-8"
    )
    result = workbook("check", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "kunder.csv: 2 accounts (an account list)" in out
    assert "revenue       <- Omsetning" in out
    assert "totals: revenue 1,000.50" in out
    assert 'row 4: total row "Totalt"' in out
    assert "Omsetning (revenue): 1 blank cell counted as 0 (rows 3)." in out


def test_options_reach_the_loader(tmp_path):
    path = tmp_path / "orders.csv"
    path.write_text("Dato,Kunde,Sum\n2025-01-05,A,10\n2025-06-01,A,5\n2025-07-01,B,1\n")
    result = workbook(
        "check", str(path), "--map", "Sum=revenue", "--period", "2025-06-01:2025-12-31", "--json"
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["totals"]["revenue"] == 6.0
    assert summary["period"] == {"start": "2025-06-01", "end": "2025-12-31"}


def test_a_broken_file_exits_1_with_every_problem_and_no_traceback(tmp_path):
    path = tmp_path / "sales.csv"
    lines = ["Kundenr;Omsetning"] + [f"{i};{i},00" for i in range(1, 60)]
    lines[56] = "56;12,5 %"
    lines[10] = "10;abc"
    lines[20] = "7;20,00"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = workbook("check", str(path), "--json")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    err = result.stderr
    assert "3 problems" in err
    assert 'sales.csv: Omsetning (revenue): "12,5 %" in row 57 is not an amount' in err
    assert '"abc" in row 11' in err
    assert '"7" is on rows 8 and 21' in err


@pytest.mark.parametrize("content", [b"", b"Customer,Phone\nA,1\n", b"PK\x03\x04broken"])
def test_unusable_files_exit_1(tmp_path, content):
    path = tmp_path / ("x.xlsx" if content.startswith(b"PK") else "x.csv")
    path.write_bytes(content)
    result = workbook("check", str(path))
    assert result.returncode == 1
    assert "x." in result.stderr and "Traceback" not in result.stderr


def test_a_wrong_command_line_exits_2():
    result = workbook("check", "--map", "no-equals", str(paths.SAMPLE_ACCOUNTS))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert workbook("check").returncode == 2


def test_a_missing_sheet_lists_the_sheets(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Kunder"
    book.active.append(["Kunde", "Omsetning"])
    book.active.append(["A", 1])
    path = tmp_path / "book.xlsx"
    book.save(path)
    assert workbook("check", str(path), "--sheet", "Kunder").returncode == 0
    result = workbook("check", str(path), "--sheet", "Accounts")
    assert result.returncode == 1
    assert 'has no sheet "Accounts" (its sheets are: "Kunder")' in result.stderr
