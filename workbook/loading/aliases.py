"""The headers people use for each canonical column, in English and Norwegian.

Each list is written in normalised form (see ``headers.normalise``: lower case, no punctuation,
units in brackets and currency codes removed) and in order of preference: when two headers of a
file name the same column, the one earlier in its list is used. ``date`` and ``cost`` are the two
columns of order lines that do not survive into the accounts table.
"""

from __future__ import annotations

from workbook.schema import NAMES

ALIASES: dict[str, tuple[str, ...]] = {
    "account_id": (
        "account id", "account number", "account no", "account nr", "accountid", "account code",
        "customer id", "customer number", "customer no", "customer nr", "customer code",
        "customer account", "client id", "client number", "debtor number", "debitor",
        "kundenr", "kundenummer", "kunde nr", "kundeid", "kunde id", "kunde nummer", "kundekode",
        "debitornr", "debitornummer", "reskontronr", "org nr", "orgnr", "org nummer",
        "organisasjonsnummer", "org no", "organisation number", "organization number",
        "company id", "record id", "organization id", "id", "nr", "no", "number",
    ),
    "account": (
        "account name", "customer name", "client name", "company name", "kundenavn", "kunde navn",
        "firmanavn", "account", "customer", "client", "company", "kunde", "firma", "bedrift",
        "organisation", "organization", "organisasjon", "organization name",
        "organisation name", "organisasjonsnavn", "navn", "name", "sold to", "bill to",
    ),
    "revenue": (
        "revenue", "sales", "turnover", "amount", "omsetning", "salg", "beløp", "net sales",
        "net revenue", "total revenue", "total sales", "sales amount", "net amount",
        "invoiced amount", "invoiced", "line amount", "line total", "nettoomsetning",
        "fakturert", "fakturert beløp", "salgsbeløp", "ordrebeløp", "sum eks mva", "deal value",
        "won deals value",
    ),
    "gross_profit": (
        "gross profit", "gross margin", "margin", "gp", "contribution", "contribution margin",
        "dekningsbidrag", "db", "bruttofortjeneste", "profit", "fortjeneste", "bruttoavanse",
        "avanse", "margin amount", "db kr", "bruttomargin",
    ),
    "owner": (
        "owner", "account owner", "sales rep", "sales representative", "salesperson",
        "sales person", "account manager", "key account manager", "kam", "seller", "rep",
        "selger", "ansvarlig", "kundeansvarlig", "selgerkode", "salgsansvarlig", "ansvarlig selger",
    ),
    "visits": (
        "visits", "meetings", "besøk", "møter", "number of visits", "antall besøk",
        "customer visits", "kundebesøk", "visit count", "antall møter",
    ),
    "selling_hours": (
        "selling hours", "hours", "timer", "sales hours", "time spent", "hours spent",
        "salgstimer", "antall timer", "timeforbruk",
    ),
    "service_requests": (
        "service requests", "cases", "tickets", "henvendelser", "saker", "service calls",
        "support tickets", "support cases", "requests", "complaints", "serviceforespørsler",
        "servicesaker", "klager",
    ),
    "concessions": (
        "concessions", "discounts", "discount", "credits", "rabatt", "rabatter", "credit notes",
        "price concessions", "kreditnotaer", "kreditert",
    ),
    "potential": (
        "potential", "wallet", "potensial", "potensiale", "wallet size",
        "estimated potential", "sales potential", "salgspotensial", "kundepotensial",
    ),
    "revenue_prev": (
        "revenue last year", "previous revenue", "omsetning i fjor", "omsetning fjor",
        "sales last year", "last year revenue", "last year sales", "revenue previous year",
        "prior year revenue", "previous year revenue", "revenue prior year", "revenue ly",
        "ly revenue", "py revenue", "revenue py", "fjorårets omsetning", "omsetning forrige år",
        "salg i fjor", "salg fjor", "turnover last year", "previous sales",
    ),
    "segment": (
        "segment", "bransje", "industry", "customer segment", "kundesegment", "category",
        "kategori", "kundegruppe", "customer group", "customer type", "kundetype", "sector",
    ),
    "region": (
        "region", "distrikt", "område", "area", "territory", "district", "salgsdistrikt",
        "sales region", "sales territory", "fylke", "county",
    ),
    "date": (
        "date", "order date", "invoice date", "dato", "ordredato", "fakturadato",
        "transaction date", "posting date", "document date", "close date", "sales date",
        "bilagsdato", "salgsdato", "leveringsdato", "delivery date", "ship date", "order day",
    ),
    "cost": (
        "cost", "cogs", "kostnad", "varekost", "cost of goods sold", "cost of sales",
        "cost price", "kostpris", "purchase cost", "innkjøpspris", "cost amount", "varekostnad",
    ),
}

#: Every name a mapping may point a header at.
TARGETS: tuple[str, ...] = (*NAMES, "date", "cost")
#: Order-line columns that are added up per account.
ADDED_UP = ("revenue", "gross_profit", "concessions", "visits", "selling_hours", "service_requests")

assert set(ALIASES) == set(TARGETS), "every target needs its aliases"
