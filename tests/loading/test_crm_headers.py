"""The headers of the CRM and ERP exports the pre-work kit asks for are read as the kit says.

The header sets are those of the exports described in
``notebooks/facilitator/crm-exports.md`` and its Norwegian version ``crm-eksport.md`` (Salesforce,
HubSpot, Dynamics 365, SuperOffice, Tripletex, Visma, each also with the Norwegian user interface's
headers), with the columns the kit tells people to keep and the ones they may leave in.
"""

from __future__ import annotations

import pytest

from workbook.loading import UploadedFile, load
from workbook.loading.headers import map_columns

EXPORTS = {
    "Salesforce opportunities": (
        ["Opportunity Owner", "Account Name", "Account ID", "Opportunity Name", "Stage",
         "Amount", "Expected Revenue", "Probability (%)", "Close Date", "Created Date"],
        {"account": "Account Name", "account_id": "Account ID", "revenue": "Amount",
         "date": "Close Date", "owner": "Opportunity Owner"},
    ),
    "Salesforce in Norwegian": (
        ["Salgsmulighetseier", "Kontonavn", "Beløp", "Avslutningsdato"],
        {"account": "Kontonavn", "revenue": "Beløp", "date": "Avslutningsdato",
         "owner": "Salgsmulighetseier"},
    ),
    "HubSpot deals": (
        ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Deal owner", "Amount",
         "Associated Company", "Associated Company IDs", "Pipeline", "Create Date"],
        {"account": "Associated Company", "account_id": "Associated Company IDs",
         "revenue": "Amount", "date": "Close Date", "owner": "Deal owner"},
    ),
    "HubSpot deals, primary company": (
        ["Record ID", "Deal Name", "Close Date", "Amount", "Associated Company (Primary)",
         "Associated Company IDs (Primary)"],
        {"account": "Associated Company (Primary)",
         "account_id": "Associated Company IDs (Primary)", "revenue": "Amount",
         "date": "Close Date"},
    ),
    "HubSpot deals in Norwegian": (
        ["Post-ID", "Avtalenavn", "Avtalefase", "Avslutningsdato", "Avtaleeier", "Beløp",
         "Associated Company", "Associated Company IDs"],
        {"account": "Associated Company", "account_id": "Associated Company IDs",
         "revenue": "Beløp", "date": "Avslutningsdato", "owner": "Avtaleeier"},
    ),
    "HubSpot companies": (
        ["Record ID", "Company name", "Company owner", "Total Revenue", "Create Date"],
        {"account": "Company name", "account_id": "Record ID", "revenue": "Total Revenue",
         "owner": "Company owner"},
    ),
    "Dynamics 365 opportunities": (
        ["(Do Not Modify) Opportunity", "(Do Not Modify) Row Checksum",
         "(Do Not Modify) Modified On", "Topic", "Potential Customer", "Actual Revenue",
         "Actual Close Date", "Owner", "Status"],
        {"account": "Potential Customer", "revenue": "Actual Revenue",
         "date": "Actual Close Date", "owner": "Owner"},
    ),
    "Dynamics 365 in Norwegian": (
        ["(Ikke endre) Salgsmulighet", "(Ikke endre) Kontrollsum for rad", "(Ikke endre) Endret",
         "Emne", "Potensiell kunde", "Faktisk omsetning", "Faktisk avslutningsdato", "Eier",
         "Status"],
        {"account": "Potensiell kunde", "revenue": "Faktisk omsetning",
         "date": "Faktisk avslutningsdato", "owner": "Eier"},
    ),
    "SuperOffice sales": (
        ["Company", "Sale date", "Amount", "Status", "Stage", "Heading", "Our contact"],
        {"account": "Company", "date": "Sale date", "revenue": "Amount", "owner": "Our contact"},
    ),
    "SuperOffice in Norwegian": (
        ["Firma", "Dato", "Beløp", "Status", "Vår kontakt"],
        {"account": "Firma", "date": "Dato", "revenue": "Beløp", "owner": "Vår kontakt"},
    ),
    "SuperOffice in Norwegian, the date as Salgsdato": (
        ["Firma", "Salgsdato", "Beløp", "Vår kontakt"],
        {"account": "Firma", "date": "Salgsdato", "revenue": "Beløp", "owner": "Vår kontakt"},
    ),
    "Tripletex invoices": (
        ["Fakturanummer", "Fakturadato", "Kundenummer", "Kunde", "Beløp eks. mva",
         "Vår referanse"],
        {"account": "Kunde", "account_id": "Kundenummer", "date": "Fakturadato",
         "revenue": "Beløp eks. mva", "owner": "Vår referanse"},
    ),
    "Visma.net sales by item and customer": (
        ["Customer name", "Doc. date", "Amount", "Cost", "Gross profit", "Salesperson"],
        {"account": "Customer name", "date": "Doc. date", "revenue": "Amount",
         "gross_profit": "Gross profit", "owner": "Salesperson", "cost": "Cost"},
    ),
    "Visma in Norwegian": (
        ["Kundenr", "Kundenavn", "Fakturadato", "Beløp", "Dekningsbidrag", "Selger"],
        {"account_id": "Kundenr", "account": "Kundenavn", "date": "Fakturadato",
         "revenue": "Beløp", "gross_profit": "Dekningsbidrag", "owner": "Selger"},
    ),
}  # fmt: skip


@pytest.mark.parametrize("export", list(EXPORTS))
def test_each_export_s_headers_give_the_columns_the_kit_promises(export):
    headers, expected = EXPORTS[export]
    found = map_columns(headers, file=f"{export}.csv")
    assert found.problems == []
    assert {target: headers[i] for target, i in found.index.items()} == expected


def test_a_hubspot_deal_export_adds_up_per_company_not_per_deal():
    csv = (
        "Record ID,Deal Name,Close Date,Amount,Associated Company,Associated Company IDs\n"
        "9001,Renewal 2026,2026-03-01,120000,Fjordbakeri AS,501\n"
        "9002,Extra ovens,2026-05-15,30000,Fjordbakeri AS,501\n"
        "9003,First order,2026-06-01,8000,Berg Elektro AS,502\n"
    )
    accounts = load(UploadedFile("hubspot-deals.csv", csv.encode())).accounts
    by_name = accounts.set_index("account")["revenue"].to_dict()
    assert by_name == {"Fjordbakeri AS": 150000.0, "Berg Elektro AS": 8000.0}
    assert sorted(accounts["account_id"]) == ["501", "502"]


def test_a_dynamics_opportunity_export_reads_its_potential_customer_as_the_account():
    csv = (
        "(Do Not Modify) Opportunity,(Do Not Modify) Row Checksum,Topic,Potential Customer,"
        "Actual Revenue,Actual Close Date,Owner\n"
        "a1,x,Ovens,Fjordbakeri AS,120000,2026-03-01,Kari Nordmann\n"
        "a2,y,Cables,Berg Elektro AS,8000,2026-06-01,Kari Nordmann\n"
    )
    accounts = load(UploadedFile("opportunities.csv", csv.encode())).accounts
    assert set(accounts["account"]) == {"Fjordbakeri AS", "Berg Elektro AS"}
    assert "potential" not in accounts.columns or accounts["potential"].isna().all()


ANNUAL_REVENUE = (
    "Record ID,Company name,Annual Revenue,Company owner\n"
    "501,Fjordbakeri AS,250000000,Kari Nordmann\n"
    "502,Berg Elektro AS,4000000,Kari Nordmann\n"
)


@pytest.mark.parametrize("header", ["Annual Revenue", "Årlig omsetning", "Annual revenue (NOK)"])
def test_the_customer_s_own_annual_revenue_is_never_taken_for_what_was_sold(header):
    """Salesforce, HubSpot and Dynamics 365 keep the customer's turnover on the account: ranking by
    it would tier customers by their size. Alone, it is refused saying what to export instead."""
    from workbook.errors import AccountDataError

    csv = ANNUAL_REVENUE.replace("Annual Revenue", header)
    with pytest.raises(AccountDataError) as refused:
        load(UploadedFile("companies.csv", csv.encode()))
    message = str(refused.value)
    assert f'"{header}" is, in a CRM, the customer\'s own annual revenue' in message
    assert f'"{header}=revenue"' in message and "companies.csv" in message


def test_the_customer_s_annual_revenue_beside_what_was_sold_is_left_out_with_a_warning():
    csv = (
        "Record ID,Company name,Annual Revenue,Total Revenue,Company owner\n"
        "501,Fjordbakeri AS,250000000,310000,Kari Nordmann\n"
        "502,Berg Elektro AS,4000000,12000,Kari Nordmann\n"
    )
    result = load(UploadedFile("companies.csv", csv.encode()))
    assert sorted(result.accounts["revenue"]) == [12000.0, 310000.0]
    assert any('"Annual Revenue" is not used' in w for w in result.warnings)


def test_annual_revenue_named_in_the_mapping_is_read_as_revenue():
    mapping = {"Annual Revenue": "revenue"}
    result = load(UploadedFile("companies.csv", ANNUAL_REVENUE.encode()), mapping=mapping)
    assert sorted(result.accounts["revenue"]) == [4000000.0, 250000000.0]


def test_a_norwegian_salesforce_account_id_keeps_namesakes_apart():
    """crm-eksport.md: *Konto-ID* (Salesforce's Account ID in Norwegian) is the account's id."""
    csv = (
        "Salgsmulighetseier,Kontonavn,Konto-ID,Beløp,Avslutningsdato\n"
        "Kari Nordmann,Fjordbakeri AS,001A,120000,2026-03-01\n"
        "Kari Nordmann,Fjordbakeri AS,001B,30000,2026-05-15\n"
    )
    result = load(UploadedFile("rapport.csv", csv.encode()))
    assert result.columns["account_id"] == "Konto-ID"
    assert sorted(result.accounts["account_id"]) == ["001A", "001B"]
