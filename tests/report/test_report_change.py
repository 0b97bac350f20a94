"""The report lists every pin with its reason and has a 'since last period' section when the data
has two periods or a previous file is given; a pins file that cannot be used fails before any
report runs."""

from __future__ import annotations

import base64
import re

import pandas as pd
import pytest
from report_files import workbook_cli

import workbook
from workbook import paths
from workbook.report.html import remote_references

pytestmark = [pytest.mark.slow, pytest.mark.notebooks]


def drawn(page: str) -> str:
    """Return the text of every chart of a report page (they are SVG images, base64-encoded)."""
    images = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", page)
    return "\n".join(base64.b64decode(image).decode("utf-8") for image in images)


@pytest.fixture(scope="module")
def orders_run(tmp_path_factory):
    """Kari's report from the Norwegian order lines, with a team's pins file."""
    folder = tmp_path_factory.mktemp("change")
    lines = workbook.load(paths.SAMPLE_ORDERS_NB).accounts
    kari = lines.loc[lines["owner"] == "Kari Nordmann", "account_id"].iloc[-1]
    per = lines.loc[lines["owner"] == "Per Hansen", "account_id"].iloc[-1]
    pins = folder / "pins.csv"
    pins.write_text(
        f"account_id;tier;reason\n{kari};A;Karis reference customer\n{per};A;Pers secret pin\n",
        encoding="utf-8",
    )
    out = folder / "out"
    result = workbook_cli(
        "report",
        paths.SAMPLE_ORDERS_NB,
        "--out",
        out,
        "--jobs",
        "1",
        "--pins",
        pins,
        "-p",
        "owner",
        "Kari Nordmann",
    )
    return result, out


def test_the_report_lists_the_pins_of_its_accounts_with_their_reasons(orders_run):
    result, out = orders_run
    assert result.returncode == 0, result.stderr
    page = (out / "kari-nordmann.html").read_text(encoding="utf-8")
    assert "Pinned accounts" in page and "Karis reference customer" in page
    assert "Pers secret pin" not in page  # another salesperson's pin is counted, not shown
    assert "1 pin of the pins file names an account that is not in this report" in page
    assert "1 account is pinned by hand (to A)" in page
    assert remote_references(page) == [] and "Traceback" not in page


def test_order_lines_get_a_since_last_period_section_with_its_charts(orders_run):
    _, out = orders_run
    page = (out / "kari-nordmann.html").read_text(encoding="utf-8")
    assert "Since last period" in page and "Compared with 1 Nov 2024 – 31 Oct 2025" in page
    assert "moved up a tier" in page and "Revenue went from" in page
    charts = drawn(page)
    assert "How your accounts moved between the periods" in charts  # the matrix
    assert "From last period" in charts  # the waterfall


def test_an_account_list_has_the_section_only_with_a_previous_file(tmp_path):
    earlier = tmp_path / "2025.csv"
    before = pd.read_csv(paths.SAMPLE_ACCOUNTS, dtype=str).iloc[20:]  # 20 accounts are new now
    before.to_csv(earlier, index=False)
    plain, compared = tmp_path / "plain", tmp_path / "compared"
    assert workbook_cli("report", paths.SAMPLE_ACCOUNTS, "--out", plain).returncode == 0
    result = workbook_cli("report", paths.SAMPLE_ACCOUNTS, "--out", compared, "--compare", earlier)
    assert result.returncode == 0, result.stderr
    assert "Since last period" not in (plain / "sample-accounts.html").read_text("utf-8")
    page = (compared / "sample-accounts.html").read_text(encoding="utf-8")
    assert "Since last period" in page and "Compared with 2025.csv" in page
    assert "20 are new" in page


def test_a_pins_file_that_cannot_be_used_stops_the_run_before_any_report(tmp_path):
    pins = tmp_path / "pins.csv"
    pins.write_text("account_id,tier,reason\n00101,Z,why\n", encoding="utf-8")
    result = workbook_cli(
        "report", paths.SAMPLE_ACCOUNTS, "--out", tmp_path / "out", "--pins", pins
    )
    assert result.returncode == 1
    assert 'tier: "Z" in row 2 is not a tier' in result.stderr
    assert not (tmp_path / "out").exists()
