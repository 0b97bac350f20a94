"""Which header of a file gives which canonical column, in English and Norwegian."""

from __future__ import annotations

import pytest

from workbook.errors import AccountDataError
from workbook.loading import UploadedFile, load
from workbook.loading.headers import map_columns, match_header

BRIEF = {
    "account": [
        "Account",
        "Account Name",
        "Customer",
        "Customer name",
        "Kunde",
        "Kundenavn",
        "Firma",
    ],
    "account_id": ["Account ID", "Customer number", "Kundenr", "Kundenummer", "Org.nr"],
    "revenue": [
        "Revenue",
        "Amount",
        "Sales",
        "Turnover",
        "Omsetning",
        "Salg",
        "Beløp",
        "Revenue (NOK)",
        "  omsetning  ",
        "SALES, NOK",
        "Omsetning i NOK",
    ],
    "gross_profit": [
        "Gross profit",
        "Margin",
        "GP",
        "Contribution",
        "Dekningsbidrag",
        "DB",
        "Bruttofortjeneste",
    ],
    "owner": ["Owner", "Account Owner", "Sales rep", "Selger", "Ansvarlig", "Kundeansvarlig"],
    "visits": ["Visits", "Meetings", "Besøk", "Møter"],
    "selling_hours": ["Selling hours", "Hours", "Timer"],
    "service_requests": ["Service requests", "Cases", "Tickets", "Henvendelser", "Saker"],
    "concessions": ["Concessions", "Discounts", "Credits", "Rabatt", "Rabatter"],
    "potential": ["Potential", "Wallet", "Potensial"],
    "revenue_prev": ["Revenue last year", "Previous revenue", "Omsetning i fjor"],
    "segment": ["Segment", "Bransje"],
    "region": ["Region", "Distrikt", "Område"],
    "date": ["Date", "Order date", "Invoice date", "Dato", "Ordredato", "Fakturadato"],
    "cost": ["Cost", "COGS", "Kostnad", "Varekost"],
}


@pytest.mark.parametrize(("target", "header"), [(t, h) for t, hs in BRIEF.items() for h in hs])
def test_every_header_people_use_is_recognised(target, header):
    assert match_header(header).target == target


@pytest.mark.parametrize(
    "header",
    ["Margin %", "DG %", "Phone", "Notes", "Number of employees", "Annual Revenue share %"],
)
def test_ratios_and_other_columns_are_not_amounts(header):
    match = match_header(header)
    assert match is None or match.target not in {"revenue", "gross_profit"}


def test_two_years_of_revenue_give_revenue_and_the_year_before():
    found = map_columns(["Kunde", "Omsetning 2023", "Omsetning 2025", "Omsetning 2024"])
    assert found.index == {"account": 0, "revenue": 2, "revenue_prev": 3}


def test_an_explicit_previous_revenue_column_wins_over_an_older_year():
    found = map_columns(["Kunde", "Omsetning 2025", "Omsetning 2024", "Omsetning i fjor"])
    assert found.index["revenue"] == 1 and found.index["revenue_prev"] == 3


def test_the_chosen_columns_are_reported_with_the_headers_as_in_the_file():
    result = load(UploadedFile("k.csv", b"Kunde ;Omsetning (NOK);Notat\nA;1;x\n"))
    assert result.columns == {"account": "Kunde", "revenue": "Omsetning (NOK)"}
    assert result.headers == ["Kunde", "Omsetning (NOK)", "Notat"]
    assert any("columns not used: Notat" in w for w in result.warnings)


def test_a_mapping_overrides_the_detection_and_is_reported():
    content = "Kunde;Omsetning;Fakturert i år\nA;1;10\nB;2;20\n".encode()
    result = load(UploadedFile("k.csv", content), mapping={"Fakturert i år": "revenue"})
    assert result.columns["revenue"] == "Fakturert i år"
    assert result.accounts["revenue"].tolist() == [10.0, 20.0]


def test_a_mapping_is_forgiving_about_case_and_spacing():
    content = b"Kunde;Sum\nA;1\n"
    result = load(UploadedFile("k.csv", content), mapping={" sum ": "Revenue"})
    assert result.columns["revenue"] == "Sum"


def test_mapping_mistakes_name_what_is_wrong():
    with pytest.raises(AccountDataError) as caught:
        load(
            UploadedFile("k.csv", b"Kunde;Sum\nA;1\n"),
            mapping={"Summ": "revenue", "Sum": "turnover", "Kunde": "account"},
        )
    texts = [str(p) for p in caught.value.problems]
    assert any('"Summ", which is not in the file' in t and '"Sum"' in t for t in texts)
    assert any("Sum=turnover" in t and "is not a column the workbook knows" in t for t in texts)


def test_duplicate_headers_are_only_a_problem_when_used():
    content = b"Customer,Revenue,Notes,Notes\nA,1,x,y\n"
    assert len(load(UploadedFile("a.csv", content)).accounts) == 1
    with pytest.raises(AccountDataError, match="column B and column C"):
        load(UploadedFile("a.csv", b"Customer,Revenue,revenue\nA,1,2\n"))


def test_several_candidates_are_resolved_and_said():
    result = load(UploadedFile("a.csv", b"Customer,Sales,Amount\nA,1,2\n"))
    assert result.columns["revenue"] == "Sales"
    assert any('used "Sales", not "Amount"' in w for w in result.warnings)
