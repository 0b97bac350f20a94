"""Order lines keep their previous period (the accounts with a line there, added up the same
way), and a pins file is read like any file a salesperson brings, every problem named."""

from __future__ import annotations

import io

import pandas as pd
import pytest

from workbook.errors import AccountDataError
from workbook.loading import UploadedFile, load
from workbook.loading.pins import read_pins
from workbook.settings import Pin

LINES = """Ordredato;Kundenr;Kunde;Beløp;Varekost;Selger
2024-03-01;1;Fjord AS;400;300;Kari
2024-04-01;1;Fjord AS;-25,50;-20;Kari
2024-05-02;4;Vik AS;90;45;Per
2024-12-31;4;Vik Handel AS;10;5;Per
2025-01-10;1;Fjord AS;100;60;Kari
2025-02-01;2;Berg AS;70;50;Ola
2025-12-31;3;Lys AS;10;4;Ola
2023-12-31;5;Gammel AS;999;1;Ola
"""


def orders(**options):
    return load(UploadedFile("ordrer.csv", LINES.encode()), **options)


def test_order_lines_keep_the_accounts_of_the_twelve_months_before():
    result = orders()
    assert [str(d.date()) for d in result.previous_period] == ["2024-01-01", "2024-12-31"]
    previous = result.previous.set_index("account_id")
    assert previous["revenue"].to_dict() == {"1": 374.5, "4": 100.0}  # 5 is older still
    assert previous["gross_profit"].to_dict() == {"1": 94.5, "4": 50.0}
    assert previous.loc["4", "account"] == "Vik Handel AS"  # once each: the latest name
    made_here = ("revenue_prev", "months_as_customer")  # about this period, not the one before
    assert list(result.previous.columns) == [
        c for c in result.accounts.columns if c not in made_here
    ]
    # the previous period's revenue is the revenue_prev of the accounts of this period
    now = result.accounts.set_index("account_id")
    assert now.loc["1", "revenue_prev"] == previous.loc["1", "revenue"]


def test_the_previous_period_follows_the_period_and_the_owner():
    result = orders(period="2025-01-01:2025-06-30")
    assert [str(d.date()) for d in result.previous_period] == ["2024-07-01", "2024-12-31"]
    assert result.previous["account_id"].tolist() == ["4"]
    kari = orders(owner="Kari", period="2025-01-01:2025-12-31")
    assert kari.previous["account_id"].tolist() == ["1"]


def test_no_previous_period_without_lines_there_or_for_an_account_list():
    assert orders(period="all").previous is None
    assert orders(period="2023-01-01:2023-12-31").previous is None  # nothing in 2022
    listing = load(UploadedFile("a.csv", b"Kunde;Omsetning\nFjord AS;100\n"))
    assert listing.previous is None and listing.previous_period is None


def test_a_pins_file_in_norwegian_with_a_blank_line_and_spaces():
    text = (
        "\ufeffKundenr;Nivå;Begrunnelse\r\n00123; a ;Referansekunde\r\n\r\n"
        "00456;C;  Legger ned \r\n"
    )
    assert read_pins(UploadedFile("fester.csv", text.encode("utf-8"))) == (
        Pin("00123", "A", "Referansekunde"),
        Pin("00456", "C", "Legger ned"),
    )


def test_a_pins_spreadsheet_is_read_too():
    buffer = io.BytesIO()
    pd.DataFrame(
        {"Account ID": ["00123"], "Tier": ["B"], "Reason": ["new buyer, wants quarterly reviews"]}
    ).to_excel(buffer, index=False)
    assert read_pins(UploadedFile("pins.xlsx", buffer.getvalue())) == (
        Pin("00123", "B", "new buyer, wants quarterly reviews"),
    )


def test_every_problem_of_a_pins_file_is_named_with_its_row_and_column():
    text = (
        "account_id,tier,reason\n001,D,ramping up\n002,A,\n,B,no account\n001,B,again\n"
        "003,A,ok\n001,C,third\n"
    )
    with pytest.raises(AccountDataError) as error:
        read_pins(UploadedFile("pins.csv", text.encode()))
    found = [(p.row, p.column, p.value, p.code) for p in error.value.problems]
    assert found == [
        (2, "tier", "D", "not_a_tier"),
        (3, "reason", None, "missing_value"),
        (4, "account_id", None, "missing_value"),
        (7, "account_id", "001", "duplicate_pin"),
    ]
    assert "pins.csv" in str(error.value)
    assert "first in row 5" in str(error.value.problems[-1])


def test_a_pins_file_without_its_columns_says_which():
    with pytest.raises(AccountDataError, match="has no reason column"):
        read_pins(UploadedFile("pins.csv", b"account_id,tier\n001,A\n"))


def test_an_empty_pins_path_is_no_pins():
    assert read_pins("") == () and read_pins(None) == ()
