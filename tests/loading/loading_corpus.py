"""A corpus of awkward files, each with the outcome a salesperson would expect.

Each ``Case`` builds its file's bytes in code (so the awkwardness is visible here) and says what
loading it must give: the number of accounts and the totals, or exactly the problems (code,
column, row, raw value). ``tests/loading/test_load_corpus.py`` runs every case.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pyarrow as pa
import pyarrow.parquet as pq

NBSP, NNBSP = "\u00a0", "\u202f"
#: Files no Python library here writes (made once; tests/loading/files/README.md says how).
FILES = Path(__file__).parent / "files"


@dataclass(frozen=True)
class Case:
    """One awkward file and what loading it must give."""

    id: str
    name: str
    content: bytes
    accounts: int | None = None  # loads: this many accounts
    totals: dict = field(default_factory=dict)  # loads: these totals (to the cent)
    kind: str = "accounts"
    columns: dict = field(default_factory=dict)  # loads: at least these canonical <- header
    dropped: tuple = ()  # loads: exactly these dropped rows
    warnings: tuple = ()  # loads: each text is in some warning
    problems: tuple | None = None  # refused: exactly these (code, column, row, value)
    options: dict = field(default_factory=dict)  # mapping=, sheet=, period=
    check: Callable | None = None  # more assertions on the LoadResult


def text(lines: list[str], *, encoding: str = "utf-8", newline: str = "\n") -> bytes:
    """Return lines joined as a text file in an encoding."""
    return (newline.join(lines) + newline).encode(encoding)


def xlsx(sheets: dict[str, list[list]]) -> bytes:
    """Return an .xlsx workbook with one sheet per entry (rows of cell values; None is blank)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    sheet.cell(row=r, column=c, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_saved_values(book: bytes, value: str = "42") -> bytes:
    """Return an .xlsx from ``xlsx`` with a saved value after every formula, as Excel saves."""
    source = zipfile.ZipFile(io.BytesIO(book))
    members = {}
    for info in source.infolist():
        content = source.read(info)
        if info.filename.startswith("xl/worksheets/"):
            content = re.sub(rb"</f><v\s*/>", b"</f><v>" + value.encode() + b"</v>", content)
        members[info.filename] = content
    return zipped(members)


def zipped(members: dict[str, bytes | str]) -> bytes:
    """Return a zip archive of the members (deflated)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def ods(sheets: dict[str, list[list]]) -> bytes:
    """Return an OpenDocument spreadsheet (.ods) with one table per entry, as LibreOffice does."""

    def cell(value) -> str:
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, int | float):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        if isinstance(value, dt.date):
            return (
                f'<table:table-cell office:value-type="date" office:date-value='
                f'"{value.isoformat()}"><text:p>{value}</text:p></table:table-cell>'
            )
        return (
            f'<table:table-cell office:value-type="string"><text:p>{escape(str(value))}'
            "</text:p></table:table-cell>"
        )

    tables = "".join(
        f'<table:table table:name="{escape(name)}">'
        + "".join(
            "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>"
            for row in rows
        )
        + "</table:table>"
        for name, rows in sheets.items()
    )
    ns = (
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    )
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {ns} '
        f'office:version="1.2"><office:body><office:spreadsheet>{tables}</office:spreadsheet>'
        "</office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "mimetype",
            "application/vnd.oasis.opendocument.spreadsheet",
            compress_type=zipfile.ZIP_STORED,
        )
        archive.writestr("META-INF/manifest.xml", ODS_MANIFEST)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
    '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type='
    '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
    'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


SPREADSHEET_ML = text(
    [
        '<?xml version="1.0"?>',
        '<?mso-application progid="Excel.Sheet"?>',
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"',
        ' xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">',
        ' <Worksheet ss:Name="Kunder"><Table>',
        '  <Row><Cell><Data ss:Type="String">Kunde</Data></Cell>'
        '<Cell><Data ss:Type="String">Omsetning</Data></Cell></Row>',
        '  <Row><Cell><Data ss:Type="String">Fjord AS</Data></Cell>'
        '<Cell><Data ss:Type="Number">1234.5</Data></Cell></Row>',
        " </Table></Worksheet>",
        "</Workbook>",
    ]
)
#: An OLE compound file as Office writes an .xlsx with a password: its directory names the
#: stream "EncryptedPackage" (UTF-16).
ENCRYPTED_XLSX = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\0" * 504
    + "EncryptedPackage".encode("utf-16-le")
    + b"\0" * 600
)


def parquet(columns: dict[str, list]) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pa.table(columns), buffer)
    return buffer.getvalue()


ACCOUNTS_EN = [
    "Account ID,Account Name,Revenue,Gross profit,Owner",
    "00101,Fjord AS,1200.50,300.25,Kari",
    "00102,Berg AS,800,-20,Kari",
    "00103,Lys AS,150.25,40,Per",
    "00104,Sol AS,49.25,10,Per",
]
NORWEGIAN = [
    "Kundenr;Kundenavn;Omsetning;Dekningsbidrag;Selger",
    f"00101;Bjørk Ærlig AS;1{NBSP}234,50;300,25;Kari Nordmann",
    f"00102;Smørås Bakeri;12{NBSP}000;-1{NBSP}000,50;Kari Nordmann",
    "00103;Åsen Rør;99,50;10;Per Hansen",
    "00104;Øyvind & Co;0,50;0;Per Hansen",
]
NORWEGIAN_TOTAL = 1234.5 + 12000 + 99.5 + 0.5

SALESFORCE = [
    '"Account Name","Account ID","Account Owner","Amount","Type"',
    '"Fjord AS","0011x00001AbCdE","Kari Nordmann","1,200.00","Customer"',
    '"Berg AS","0011x00001AbCdF","Kari Nordmann","800.00","Customer"',
    '"Lys AS","0011x00001AbCdG","Per Hansen","150.00","Prospect"',
    "",
    '"Grand Totals (3 records)"',
    "",
    '"Confidential Information - Do Not Distribute"',
    '"Copyright (c) 2000-2025 salesforce.com, inc. All rights reserved."',
]

DYNAMICS = [
    "(Do Not Modify) Account,(Do Not Modify) Row Checksum,(Do Not Modify) Modified On,"
    "Account Name,Account Number,Sales,Owner",
    "9f1c2a7e-1b2c-4d5e-8f90-a1b2c3d4e5f6,AbC123==,2025-10-01 10:00,Fjord AS,000123,1000,Kari",
    "0a1b2c3d-1b2c-4d5e-8f90-a1b2c3d4e5f6,DeF456==,2025-10-02 11:00,Berg AS,000124,500,Per",
]


def _title_block_workbook() -> bytes:
    return xlsx(
        {
            "Rapport": [
                ["Salgsrapport per kunde"],
                [dt.datetime(2026, 11, 1, 8, 30)],
                [],
                ["Kundenr", "Kunde", "Omsetning (NOK)", "DB", "Selger"],
                ["00101", "Fjord AS", 1200.5, 300.25, "Kari"],
                ["00102", "Berg AS", 800, -20, "Kari"],
                [None, None, None, None, None],
                ["00103", "Lys AS", 150.25, 40, "Per"],
                ["Totalt", None, 2150.75, 320.25, None],
                ["Grand Total", None, 2150.75, 320.25, None],
            ]
        }
    )


def _orders_workbook() -> bytes:
    return xlsx(
        {
            "Ordrer": [
                ["Ordredato", "Kundenr", "Kunde", "Beløp", "Kostnad"],
                [dt.datetime(2026, 3, 1), "1", "Fjord AS", 1000, 600],
                [dt.datetime(2026, 4, 1, 14, 5), "1", "Fjord AS", 500, 300],
                [dt.datetime(2026, 5, 1), "2", "Berg AS", 200, 150],
                [dt.date(2026, 6, 1), "2", "Berg AS", -50, -30],
                [46000, "3", "Lys AS", 100, 50],  # an Excel serial date: 2025-12-09
            ]
        }
    )


def _broken_zip() -> bytes:
    whole = _title_block_workbook()
    return whole[: len(whole) // 2]


def _order_lines(dates: list[str], sep: str = ";") -> bytes:
    lines = [f"Kundenr{sep}Kunde{sep}Fakturadato{sep}Beløp"]
    for i, day in enumerate(dates):
        lines.append(f"{i % 2 + 1}{sep}{'Fjord AS' if i % 2 == 0 else 'Berg AS'}{sep}{day}{sep}100")
    return text(lines)


CASES: list[Case] = [
    # --- encodings, separators, line ends --------------------------------------------------
    Case(
        "utf8-bom-semicolon-crlf",
        "kunder.csv",
        codecs.BOM_UTF8 + text(NORWEGIAN, newline="\r\n"),
        accounts=4,
        totals={"revenue": NORWEGIAN_TOTAL, "gross_profit": -690.25},
        columns={
            "account_id": "Kundenr",
            "account": "Kundenavn",
            "revenue": "Omsetning",
            "gross_profit": "Dekningsbidrag",
            "owner": "Selger",
        },
        check=lambda r: (
            r.accounts["account"].tolist()
            == ["Bjørk Ærlig AS", "Smørås Bakeri", "Åsen Rør", "Øyvind & Co"]
        ),
    ),
    Case(
        "windows-1252",
        "kunder.csv",
        text(NORWEGIAN, encoding="cp1252", newline="\r\n"),
        accounts=4,
        totals={"revenue": NORWEGIAN_TOTAL},
        check=lambda r: r.accounts["account"].iloc[0] == "Bjørk Ærlig AS",
    ),
    Case(
        "utf16-le-unicode-text",
        "kunder.txt",
        text([line.replace(";", "\t") for line in NORWEGIAN], encoding="utf-16", newline="\r\n"),
        accounts=4,
        totals={"revenue": NORWEGIAN_TOTAL},
        check=lambda r: r.accounts["account"].iloc[1] == "Smørås Bakeri",
    ),
    Case(
        "utf16-be-with-bom",
        "kunder.txt",
        codecs.BOM_UTF16_BE + "\n".join(NORWEGIAN).replace(";", "\t").encode("utf-16-be"),
        accounts=4,
        totals={"revenue": NORWEGIAN_TOTAL},
    ),
    Case(
        "utf16-le-without-bom",
        "kunder.txt",
        "\n".join(NORWEGIAN).replace(";", "\t").encode("utf-16-le"),
        accounts=4,
        totals={"revenue": NORWEGIAN_TOTAL},
    ),
    Case(
        "windows-1252-euro-and-dashes",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning;Merknad",
                "Café Ødegård;€ 1.234,50;«viktig» – ring",
                "Bjørn;– 100,00;…",
            ],
            encoding="cp1252",
        ),
        accounts=2,
        totals={"revenue": 1134.5},
        check=lambda r: r.accounts["account"].tolist() == ["Café Ødegård", "Bjørn"],
    ),
    Case(
        "iso-8859-15-euro-as-a4",
        "kunder.csv",
        text(
            ["Kunde;Omsetning", "Café Ødegård;€ 1.234,50", "Bjørn;100,00 €", "Åsen;€ -34,50"],
            encoding="iso8859_15",
        ),
        accounts=3,
        totals={"revenue": 1300.0},
        check=lambda r: r.accounts["account"].tolist() == ["Café Ødegård", "Bjørn", "Åsen"],
    ),
    Case(
        "a-notes-field-of-300-kb",
        "accounts.csv",
        text(["Account,Revenue,Notes", f'A,10,"{"long note, " * 30_000}"', "B,20,short"]),
        accounts=2,
        totals={"revenue": 30.0},
    ),
    Case(
        "an-unquoted-300-kb-field-on-the-last-line",
        "accounts.csv",
        text(["Account;Revenue;Notes", "A;10;short", f"B;20;{'x' * 300_000}"]),
        accounts=2,
        totals={"revenue": 30.0},
    ),
    Case(
        "a-300-kb-field-and-a-bad-amount",
        "accounts.csv",
        text(["Account,Revenue,Notes", f'A,10,"{"y" * 300_000}"', "B,oops,short"]),
        problems=(("not_an_amount", "Revenue", 3, "oops"),),
    ),
    Case(
        "utf8-no-bom-comma",
        "accounts.csv",
        text(ACCOUNTS_EN),
        accounts=4,
        totals={"revenue": 2200.0, "gross_profit": 330.25},
        check=lambda r: r.accounts["account_id"].tolist() == ["00101", "00102", "00103", "00104"],
    ),
    Case(
        "tab-separated",
        "accounts.tsv",
        text([s.replace(",", "\t") for s in ACCOUNTS_EN]),
        accounts=4,
        totals={"revenue": 2200.0},
    ),
    Case(
        "pipe-separated-txt",
        "accounts.txt",
        text([s.replace(",", "|") for s in ACCOUNTS_EN]),
        accounts=4,
        totals={"revenue": 2200.0},
    ),
    Case(
        "classic-mac-line-ends",
        "accounts.csv",
        text(ACCOUNTS_EN, newline="\r"),
        accounts=4,
        totals={"revenue": 2200.0},
    ),
    Case(
        "quoted-newlines-and-separators",
        "accounts.csv",
        text(
            [
                "Account,Revenue,Notes",
                '"Fjord, Berg & Co",1000,"first line',
                'second line"',
                'Lys AS,500,"said ""hello"""',
                "Sol AS,abc,",
            ]
        ),
        problems=(("not_an_amount", "Revenue", 4, "abc"),),
    ),
    Case("no-extension", "export", text(ACCOUNTS_EN), accounts=4, totals={"revenue": 2200.0}),
    # --- spreadsheets and Parquet ---------------------------------------------------------
    Case(
        "xlsx-title-block-and-totals",
        "rapport.xlsx",
        _title_block_workbook(),
        accounts=3,
        totals={"revenue": 2150.75, "gross_profit": 320.25},
        columns={"account_id": "Kundenr", "revenue": "Omsetning (NOK)", "gross_profit": "DB"},
        dropped=(
            {"row": 9, "reason": 'total row "Totalt"'},
            {"row": 10, "reason": 'total row "Grand Total"'},
        ),
    ),
    Case(
        "xlsx-second-sheet",
        "book.xlsx",
        xlsx(
            {
                "Notes": [["nothing here"]],
                "Kunder": [["Kunde", "Salg"], ["Fjord AS", 10], ["Berg AS", 5]],
            }
        ),
        options={"sheet": "kunder"},
        accounts=2,
        totals={"revenue": 15.0},
    ),
    Case(
        "xlsx-missing-sheet",
        "book.xlsx",
        xlsx({"Ark1": [["Kunde", "Salg"], ["A", 1]]}),
        options={"sheet": "Accounts"},
        problems=(("no_sheet", None, None, None),),
        check=lambda err: '"Ark1"' in str(err),
    ),
    Case(
        "xlsx-order-lines-with-datetimes",
        "ordrer.xlsx",
        _orders_workbook(),
        kind="order_lines",
        accounts=3,
        totals={"revenue": 1750.0, "gross_profit": 680.0},
        check=lambda r: r.period[1] == dt.datetime(2026, 6, 1),
    ),
    Case(
        "xlsx-damaged", "rapport.xlsx", _broken_zip(), problems=(("unreadable", None, None, None),)
    ),
    Case(
        "xlsx-named-csv",
        "kunder.csv",
        _title_block_workbook(),
        accounts=3,
        totals={"revenue": 2150.75},
    ),
    Case(
        "csv-named-xlsx", "accounts.xlsx", text(ACCOUNTS_EN), accounts=4, totals={"revenue": 2200.0}
    ),
    Case(
        "old-xls",
        "accounts.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
        problems=(("unreadable", None, None, None),),
    ),
    Case(
        "parquet",
        "accounts.parquet",
        parquet(
            {
                "customer_id": [101, 102, 103],
                "customer_name": ["Fjord AS", "Berg AS", "Lys"],
                "revenue": [100.5, 200.0, None],
                "visits": [3, 4, 1],
            }
        ),
        accounts=3,
        totals={"revenue": 300.5},
        warnings=("1 blank cell counted as 0 (rows 4)",),
        check=lambda r: r.accounts["account_id"].tolist() == ["101", "102", "103"],
    ),
    Case(
        "parquet-named-csv",
        "accounts.csv",
        parquet({"Account": ["A", "B"], "Revenue": [1.0, 2.0]}),
        accounts=2,
        totals={"revenue": 3.0},
    ),
    Case(
        "parquet-damaged",
        "accounts.parquet",
        b"PAR1" + b"\x00garbage" * 20,
        problems=(("unreadable", None, None, None),),
    ),
    # --- other spreadsheets, and files that only look like one ---------------------------
    Case(
        "xls-excel-97-accounts-on-the-second-sheet",
        "kunder.xls",
        (FILES / "kunder-excel-97.xls").read_bytes(),
        accounts=3,
        totals={"revenue": 1234.5 + 12000 + 99.5, "gross_profit": 300.25 - 1000.5 + 10},
        warnings=('read the sheet "Kunder": the first sheet, "Notater", has no accounts',),
        check=lambda r: (
            r.accounts["account_id"].tolist() == ["00101", "00102", "00103"]
            and r.accounts["account"].iloc[1] == "Bjørk Ærlig AS"
        ),
    ),
    Case(
        "xls-named-sheet",
        "kunder.xls",
        (FILES / "kunder-excel-97.xls").read_bytes(),
        options={"sheet": "kunder"},
        accounts=3,
        totals={"revenue": 13334.0},
    ),
    Case(
        "ods-title-block-numbers-and-text",
        "kunder.ods",
        ods(
            {
                "Ark1": [
                    ["Salgsrapport"],
                    [],
                    ["Kundenr", "Kunde", "Omsetning", "Besøk"],
                    ["00101", "Fjord AS", 1234.5, 3],
                    ["00102", "Berg AS", "1 000,50", 2],
                    ["00103", "Lys AS", 99, None],
                    ["Totalt", None, 2334.0, 5],
                ]
            }
        ),
        accounts=3,
        totals={"revenue": 2334.0},
        dropped=({"row": 7, "reason": 'total row "Totalt"'},),
        warnings=("Besøk (visits): 1 blank cell counted as 0 (rows 6)",),
    ),
    Case(
        "ods-named-xlsx",
        "kunder.xlsx",
        ods({"Ark1": [["Kunde", "Omsetning"], ["Fjord AS", 10], ["Berg AS", 5]]}),
        accounts=2,
        totals={"revenue": 15.0},
    ),
    Case(
        "spreadsheetml-2003-saved-as-xls",
        "kunder.xls",
        SPREADSHEET_ML,
        problems=(("unreadable", None, None, None),),
        check=lambda err: "Excel 2003 XML" in str(err) and ".xlsx" in str(err),
    ),
    Case(
        "xlsx-with-a-password",
        "kunder.xlsx",
        ENCRYPTED_XLSX,
        problems=(("unreadable", None, None, None),),
        check=lambda err: "password" in str(err),
    ),
    Case(
        "word-document-named-xlsx",
        "kunder.xlsx",
        zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}),
        problems=(("unreadable", None, None, None),),
        check=lambda err: "Word" in str(err),
    ),
    Case(
        "a-zip-of-csv-files",
        "export.zip",
        zipped({"kunder.csv": "Kunde;Omsetning\nA;1\n"}),
        problems=(("unreadable", None, None, None),),
        check=lambda err: '"kunder.csv"' in str(err) and "unpack it" in str(err),
    ),
    Case(
        "xlsx-numbers-stored-as-text-and-a-few-real-numbers",
        "kunder.xlsx",
        xlsx(
            {
                "Ark1": [
                    ["Kunde", "Omsetning", "DB"],
                    ["A", "1 234,50", "100,25"],
                    ["B", "12 000,00", 1.234],  # a real number: 1.234, not 1234
                    ["C", 1234.567, "-20,00"],
                    ["D", "0,50", 10],
                    ["E", 99.5, "1.000,00"],
                ]
            }
        ),
        accounts=5,
        totals={"revenue": 1234.5 + 12000 + 1234.567 + 0.5 + 99.5, "gross_profit": 1091.484},
    ),
    Case(
        "xlsx-formulas-without-saved-values",
        "kunder.xlsx",
        xlsx(
            {
                "Ark1": [
                    ["Kunde", "Omsetning", "DB"],
                    ["A", 100, "=B2*0.3"],
                    ["B", "=40+2", 10],
                    ["C", 50, 5],
                    [None, "=SUM(B2:B4)", None],
                    ["Total", "=SUM(B2:B4)", "=SUM(C2:C4)"],
                ]
            }
        ),
        problems=(
            ("formula_without_value", "Omsetning (revenue)", 3, "=40+2"),
            ("formula_without_value", "Omsetning (revenue)", 5, "=SUM(B2:B4)"),
            ("formula_without_value", "DB (gross_profit)", 2, "=B2*0.3"),
            ("no_account", "Kunde (account)", 5, ""),
        ),
        check=lambda err: "open the file in Excel" in str(err),
    ),
    Case(
        "xlsx-formulas-with-saved-values",
        "kunder.xlsx",
        with_saved_values(xlsx({"Ark1": [["Kunde", "Omsetning"], ["A", "=40+2"], ["B", 10]]})),
        accounts=2,
        totals={"revenue": 52.0},
    ),
    Case(
        "xlsx-a-formula-in-an-unused-column",
        "kunder.xlsx",
        xlsx({"Ark1": [["Kunde", "Omsetning", "Notat"], ["A", 100, '="x"&"y"'], ["B", 5, None]]}),
        accounts=2,
        totals={"revenue": 105.0},
    ),
    Case(
        "xlsx-accounts-on-the-second-sheet",
        "bok.xlsx",
        xlsx(
            {
                "Forside": [["Salgsrapport 2026"], ["Laget av Kari"]],
                "Kunder": [["Kunde", "Omsetning"], ["Fjord AS", 10], ["Berg AS", 5]],
            }
        ),
        accounts=2,
        totals={"revenue": 15.0},
        warnings=('read the sheet "Kunder"', "--sheet NAME"),
    ),
    Case(
        "xlsx-accounts-on-two-sheets",
        "bok.xlsx",
        xlsx(
            {
                "Forside": [["Salgsrapport"]],
                "2025": [["Kunde", "Omsetning"], ["Fjord AS", 10]],
                "2024": [["Kunde", "Omsetning"], ["Fjord AS", 8]],
            }
        ),
        problems=(("which_sheet", None, None, None),),
        check=lambda err: '"2025", "2024"' in str(err) and "--sheet NAME" in str(err),
    ),
    Case(
        "xlsx-no-sheet-with-accounts",
        "bok.xlsx",
        xlsx({"Forside": [["Salgsrapport"]], "Data": [["Navn", "Telefon"], ["Fjord AS", "123"]]}),
        problems=(
            ("which_sheet", None, None, None),
            ("no_revenue", None, None, None),
            ("no_account", None, None, None),
        ),
        check=lambda err: '"Forside", "Data"' in str(err),
    ),
    # --- numbers --------------------------------------------------------------------------
    Case(
        "norwegian-spaces-of-every-kind",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning",
                f"A;1{NBSP}234{NBSP}567,89",
                f"B;1{NNBSP}234,50",
                "C;1 234,50",
                "D;-1 000",
            ]
        ),
        accounts=4,
        totals={"revenue": 1234567.89 + 1234.5 + 1234.5 - 1000},
    ),
    Case(
        "german-points-and-commas",
        "kunden.csv",
        text(["Kunde;Umsatz;Omsetning", "A;x;1.234,50", "B;y;12,5", "C;z;1.000.000"]),
        accounts=3,
        totals={"revenue": 1234.5 + 12.5 + 1_000_000},
    ),
    Case(
        "us-dollars",
        "accounts.csv",
        text(["Customer,Sales", 'A,"$1,234.50"', 'B,"-$1,000.00"', 'C,"($250.25)"', "D,$0.75"]),
        accounts=4,
        totals={"revenue": 1234.5 - 1000 - 250.25 + 0.75},
    ),
    Case(
        "kroner-written-three-ways",
        "kunder.csv",
        text(["Kunde;Beløp", "A;kr 1 234,50", "B;1 234,50 kr", "C;NOK 1.234,50", "D;kr 1 500,-"]),
        accounts=4,
        totals={"revenue": 1234.5 * 3 + 1500},
    ),
    Case(
        "swiss-apostrophes",
        "kunden.csv",
        text(["Kunde;Umsatz;Revenue", "A;x;1'234.50", "B;y;CHF 1’000.00", "C;z;12.5"]),
        accounts=3,
        totals={"revenue": 2247.0},
    ),
    Case(
        "negatives-four-ways",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning",
                "A;-1 234,50",
                "B;−1 234,50",
                "C;(1 234,50)",
                "D;1 234,50-",
                "E;10 000,00",
            ]
        ),
        accounts=5,
        totals={"revenue": 10000 - 4 * 1234.5},
    ),
    Case(
        "accounting-dash-zero",
        "kunder.csv",
        text(["Kunde;Omsetning", "A;kr 1 200,00", "B;kr -", "C; - "]),
        accounts=3,
        totals={"revenue": 1200.0},
    ),
    Case(
        "ambiguous-column-decided-by-the-other",
        "kunder.csv",
        text(["Kunde;Omsetning;Potensial", "A;1,234;2 500,50", "B;2,500;3 000,00"]),
        accounts=2,
        totals={"revenue": 1.234 + 2.5},
        warnings=("Omsetning (revenue)", "like the file's other number columns"),
    ),
    Case(
        "ambiguous-column-in-a-semicolon-file",
        "kunder.csv",
        text(["Kunde;Omsetning", "A;1.234", "B;2.500"]),
        accounts=2,
        totals={"revenue": 1234 + 2500},
        warnings=("separated by semicolons",),
    ),
    Case(
        "ambiguous-column-in-a-comma-file",
        "accounts.csv",
        text(["Account,Revenue", 'A,"1,234"', 'B,"2,500"']),
        accounts=2,
        totals={"revenue": 1234 + 2500},
        warnings=("separated by commas",),
    ),
    Case(
        "blank-amounts-count-as-zero",
        "kunder.csv",
        text(["Kunde;Omsetning;Potensial", "A;100;1000", "B;;", "C;50;2000", "D; ;"]),
        accounts=4,
        totals={"revenue": 150.0},
        warnings=(
            "Omsetning (revenue): 2 blank cells counted as 0 (rows 3, 5)",
            "Potensial (potential): 2 blank cells left blank (unknown) (rows 3, 5)",
        ),
    ),
    # --- headers ------------------------------------------------------------------------------
    Case(
        "headers-with-stray-spaces-case-and-units",
        "kunder.csv",
        text(
            [
                "  KUNDENAVN ;  omsetning (NOK) ;Dekningsbidrag [kr];SELGER;Besøk;Timer;Saker;"
                "Rabatter;Potensial;Omsetning i fjor;Bransje;Distrikt",
                "A;100;10;Kari;3;4,5;2;1;500;90;Retail;Oslo",
            ]
        ),
        accounts=1,
        totals={"revenue": 100.0},
        columns={
            "account": "KUNDENAVN",
            "revenue": "omsetning (NOK)",
            "gross_profit": "Dekningsbidrag [kr]",
            "owner": "SELGER",
            "visits": "Besøk",
            "selling_hours": "Timer",
            "service_requests": "Saker",
            "concessions": "Rabatter",
            "potential": "Potensial",
            "revenue_prev": "Omsetning i fjor",
            "segment": "Bransje",
            "region": "Distrikt",
        },
    ),
    Case(
        "two-years-of-revenue",
        "accounts.csv",
        text(["Customer,Revenue 2024,Revenue 2025", "A,100,120", "B,50,40"]),
        accounts=2,
        totals={"revenue": 160.0},
        columns={"revenue": "Revenue 2025", "revenue_prev": "Revenue 2024"},
    ),
    Case(
        "dynamics-365-export",
        "Accounts.csv",
        text(DYNAMICS),
        accounts=2,
        totals={"revenue": 1500.0},
        columns={"account_id": "Account Number"},
        warnings=("Dynamics 365",),
        check=lambda r: r.accounts["account_id"].tolist() == ["000123", "000124"],
    ),
    Case(
        "salesforce-details-only",
        "report1700000000000.csv",
        text(SALESFORCE),
        accounts=3,
        totals={"revenue": 2150.0},
        dropped=(
            {"row": 6, "reason": 'total row "Grand Totals (3 records)"'},
            {"row": 8, "reason": 'footer line "Confidential Information - Do Not Distribute"'},
            {
                "row": 9,
                "reason": 'footer line "Copyright (c) 2000-2025 salesforce.com, '
                'inc. All rights reserved."',
            },
        ),
        check=lambda r: r.accounts["account_id"].iloc[0] == "0011x00001AbCdE",
    ),
    Case(
        "mapping-overrides-detection",
        "kunder.csv",
        text(["Navn;Sum;Omsetning", "A;10;x", "B;20;y"]),
        options={"mapping": {"Sum": "revenue"}},
        accounts=2,
        totals={"revenue": 30.0},
        columns={"revenue": "Sum"},
    ),
    Case(
        "mapping-with-mistakes",
        "kunder.csv",
        text(["Navn;Sum", "A;10"]),
        options={"mapping": {"Summ": "revenue", "Navn": "customer_name"}},
        problems=(("unknown_header", None, None, None), ("unknown_column", None, None, None)),
    ),
    Case(
        "only-an-id-column",
        "accounts.csv",
        text(["Customer number,Turnover", "0042,10", "0043,20"]),
        accounts=2,
        totals={"revenue": 30.0},
        check=lambda r: r.accounts["account"].tolist() == ["0042", "0043"],
    ),
    Case(
        "only-a-name-column",
        "accounts.csv",
        text(["Customer,Turnover", "  Fjord   AS ,10", "Berg AS,20"]),
        accounts=2,
        check=lambda r: r.accounts["account_id"].tolist() == ["Fjord AS", "Berg AS"],
    ),
    Case(
        "title-block-in-a-csv",
        "report.csv",
        text(["Sales by customer", "Exported 2026-11-01", "", "Customer;Revenue", "A;10", "B;x"]),
        problems=(("not_an_amount", "Revenue", 6, "x"),),
    ),
    Case(
        "a-note-under-the-data",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning",
                "A;1",
                "B;",
                "",
                "Rapport generert av Visma 01.11.2026",
                "Side 1 av 1",
            ]
        ),
        accounts=2,
        totals={"revenue": 1.0},
        dropped=(
            {"row": 5, "reason": 'footer line "Rapport generert av Visma 01.11.2026"'},
            {"row": 6, "reason": 'footer line "Side 1 av 1"'},
        ),
    ),
    Case(
        "excel-sep-line",
        "kunder.csv",
        text(["sep=;", "Navn;Sum", "A;1,5", "B;2"]),
        options={"mapping": {"Sum": "revenue"}},
        accounts=2,
        totals={"revenue": 3.5},
    ),
    Case(
        "subtotals-in-the-middle",
        "kunder.csv",
        text(
            [
                "Kundenr;Kunde;Omsetning",
                "1;Fjord AS;100",
                "2;Berg AS;50",
                ";Total Kari Nordmann;150",
                "3;Total Bygg AS;70",
                ";Sum Per Hansen;70",
                ";Sum;220",
            ]
        ),
        accounts=3,
        totals={"revenue": 220.0},
        dropped=(
            {"row": 4, "reason": 'total row "Total Kari Nordmann"'},
            {"row": 6, "reason": 'total row "Sum Per Hansen"'},
            {"row": 7, "reason": 'total row "Sum"'},
        ),
    ),
    Case(
        "pivot-with-year-headers",
        "pivot.xlsx",
        xlsx(
            {
                "Pivot": [
                    ["Sum of Beløp", None, None],
                    ["Kunde", 2024, 2025],
                    ["Fjord AS", 100, 150],
                    ["Berg AS", 80, 60],
                    ["Totalsum", 180, 210],
                ]
            }
        ),
        accounts=2,
        totals={"revenue": 210.0},
        columns={"revenue": "2025", "revenue_prev": "2024"},
        dropped=({"row": 5, "reason": 'total row "Totalsum"'},),
    ),
    Case(
        "last-order-date-in-an-account-list",
        "accounts.csv",
        text(["Customer,Revenue,Last order date", "A,5,2020-01-01", "B,6,2026-01-01"]),
        accounts=2,
        totals={"revenue": 11.0},
        warnings=("is read as an account list",),
    ),
    Case(
        "crm-style-headers",
        "deals.csv",
        text(
            [
                "Record ID,Organization - Name,Deal - Value,Deal - Owner",
                "17,Fjord AS,1000,Kari",
                "18,Berg AS,250.5,Per",
            ]
        ),
        accounts=2,
        totals={"revenue": 1250.5},
        columns={
            "account_id": "Record ID",
            "account": "Organization - Name",
            "revenue": "Deal - Value",
            "owner": "Deal - Owner",
        },
    ),
    Case(
        "whole-counts-then-a-word-past-the-sample",
        "accounts.csv",
        text(
            ["Account,Revenue,Visits,Cases"]
            + [f"Customer {i},{i}.5,{i % 7},{i % 3}" for i in range(4000)]
            + ["Late AS,1.5,n/a,2"]
        ),
        problems=(("not_a_number", "Visits", 4002, "n/a"),),
    ),
    # --- unit notes ---------------------------------------------------------------------------
    Case(
        "a-unit-note-in-every-amount-header",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning (NOK 1000);DB i 1000 kr;Besøk",
                "A;1 234,5;300;12",
                "B;10;-2,5;3",
            ]
        ),
        accounts=2,
        totals={"revenue": 1_244_500.0, "gross_profit": 297_500.0},
        columns={"gross_profit": "DB i 1000 kr", "visits": "Besøk"},
        warnings=("Omsetning (NOK 1000) (revenue): amounts multiplied by 1,000",),
        check=lambda r: (
            r.accounts["visits"].tolist() == [12.0, 3.0]
            and not any("read as written" in w for w in r.warnings)
        ),
    ),
    Case(
        "a-unit-note-in-one-header-only",
        "kunder.csv",
        text(["Kunde;Omsetning (TNOK);Dekningsbidrag", "A;1 234;300", "B;10;-2"]),
        accounts=2,
        totals={"revenue": 1_244_000.0, "gross_profit": 298.0},
        warnings=("Dekningsbidrag (gross_profit): read as written, with no unit note",),
    ),
    Case(
        "a-unit-note-in-the-title-line",
        "kunder.csv",
        text(
            [
                "Salg per kunde 2026. Alle beløp i 1000 kr",
                "",
                "Kunde;Omsetning;DB;Besøk;Timer",
                "A;1 234;300;12;5,5",
                "B;10;-2;3;1",
            ]
        ),
        accounts=2,
        totals={"revenue": 1_244_000.0, "gross_profit": 298_000.0},
        warnings=("as the line above the header says",),
        check=lambda r: r.accounts["selling_hours"].tolist() == [5.5, 1.0],
    ),
    Case(
        "a-unit-note-over-two-year-columns",
        "kunder.xlsx",
        xlsx(
            {
                "Ark1": [
                    [None, "Omsetning (NOK 1000)", None, "Antall"],
                    ["Kunde", 2025, 2024, "Besøk"],
                    ["Fjord AS", 120, 100.5, 4],
                    ["Berg AS", 80, 90, 2],
                ]
            }
        ),
        accounts=2,
        totals={"revenue": 200_000.0},
        columns={"revenue": "2025", "revenue_prev": "2024", "visits": "Besøk"},
        check=lambda r: (
            r.accounts["revenue_prev"].tolist() == [100_500.0, 90_000.0]
            and r.accounts["visits"].tolist() == [4.0, 2.0]
        ),
    ),
    # --- order lines --------------------------------------------------------------------------
    Case(
        "norwegian-order-lines",
        "ordrer.csv",
        codecs.BOM_UTF8
        + text(
            [
                "Kundenr;Kundenavn;Fakturadato;Beløp;Varekost;Selger",
                f"1;Fjord AS;01.11.2025;1{NBSP}000,00;600,00;Kari",
                "1;Fjord AS;15.06.2026;500,00;300,00;Per",
                "1;Fjord AS;31.10.2026;-100,00;-60,00;Per",
                "2;Berg AS;01.01.2025;999,00;1,00;Kari",
                "2;Berg AS;02.02.2026;200,00;100,00;Kari",
                "3;Lys AS;31.10.2025;50,00;10,00;Ola",
            ],
            newline="\r\n",
        ),
        kind="order_lines",
        accounts=2,
        totals={"revenue": 1600.0, "gross_profit": 660.0},
        check=lambda r: (
            r.accounts.set_index("account_id")["owner"].to_dict() == {"1": "Per", "2": "Kari"}
            and r.accounts.set_index("account_id")["revenue_prev"].to_dict()
            == {"1": 0.0, "2": 999.0}
            and str(r.period[0].date()) == "2025-11-01"
        ),
    ),
    Case(
        "iso-dates-with-times-and-profit",
        "orders.csv",
        text(
            [
                "Invoice date,Customer,Amount,Gross profit",
                "2026-01-05T10:00:00,A,100,30",
                "2026-01-06 11:30,A,50,10",
                "2026-02-01,B,70,-5",
            ]
        ),
        kind="order_lines",
        accounts=2,
        totals={"revenue": 220.0, "gross_profit": 35.0},
    ),
    Case(
        "us-dates",
        "orders.csv",
        _order_lines(["12/31/2025", "01/02/2026", "1/13/2026"], ","),
        kind="order_lines",
        accounts=2,
        totals={"revenue": 300.0},
    ),
    Case(
        "day-first-slashes",
        "orders.csv",
        _order_lines(["31/12/2025", "02/01/2026"], ","),
        kind="order_lines",
        accounts=2,
        check=lambda r: str(r.period[1].date()) == "2026-01-02",
    ),
    Case(
        "ambiguous-dates",
        "orders.csv",
        _order_lines(["01/02/2026", "03/04/2026", "someday"], ","),
        problems=(
            ("ambiguous_dates", "Fakturadato (date)", None, None),
            ("not_a_date", "Fakturadato (date)", 4, "someday"),
        ),
    ),
    Case(
        "excel-serial-dates-in-a-csv",
        "orders.csv",
        _order_lines(["46022", "46023"]),
        kind="order_lines",
        accounts=2,
        check=lambda r: str(r.period[1].date()) == "2026-01-01",
    ),
    Case(
        "unparseable-dates",
        "orders.csv",
        _order_lines(["2026-01-05", "soon", "32.01.2026", ""]),
        problems=(
            ("not_a_date", "Fakturadato (date)", 3, "soon"),
            ("not_a_date", "Fakturadato (date)", 4, "32.01.2026"),
            ("no_date", "Fakturadato (date)", 5, ""),
        ),
    ),
    Case(
        "period-all",
        "orders.csv",
        _order_lines(["2020-01-01", "2026-01-01"]),
        options={"period": "all"},
        kind="order_lines",
        accounts=2,
        totals={"revenue": 200.0},
        check=lambda r: "revenue_prev" not in r.accounts.columns,
    ),
    Case(
        "period-window",
        "orders.csv",
        _order_lines(["2024-06-01", "2025-06-01", "2025-07-01", "2026-06-01"]),
        options={"period": "2025-01-01:2025-12-31"},
        kind="order_lines",
        accounts=2,
        totals={"revenue": 200.0},
        check=lambda r: (
            r.accounts.set_index("account_id")["revenue_prev"].to_dict() == {"1": 100.0, "2": 0.0}
            and str(r.period[1].date()) == "2025-12-31"
        ),
    ),
    Case(
        "order-lines-of-five-months",
        "ordrer.csv",
        _order_lines(["03.06.2026", "15.07.2026", "01.09.2026", "31.10.2026"]),
        kind="order_lines",
        accounts=2,
        totals={"revenue": 400.0},
        warnings=(
            "cover only 5 months (3 Jun 2026 to 31 Oct 2026) of the period 1 Nov 2025 to "
            "31 Oct 2026",
        ),
        check=lambda r: str(r.period[0].date()) == "2025-11-01",
    ),
    # --- refusals -----------------------------------------------------------------------------
    Case("empty-file", "accounts.csv", b"", problems=(("empty", None, None, None),)),
    Case(
        "header-only",
        "accounts.csv",
        text(["Account,Revenue"]),
        problems=(("empty", None, None, None),),
    ),
    Case(
        "blank-lines-only", "accounts.csv", b"\r\n\r\n  \n", problems=(("empty", None, None, None),)
    ),
    Case(
        "no-revenue-column",
        "accounts.csv",
        text(["Customer,Phone,City", "A,123,Oslo"]),
        problems=(("no_revenue", None, None, None),),
        check=lambda err: '"Phone"' in str(err) and "Turnover" in str(err),
    ),
    Case(
        "no-account-column",
        "accounts.csv",
        text(["Revenue,Phone", "10,123"]),
        problems=(("no_account", None, None, None),),
    ),
    Case(
        "amounts-that-are-not-amounts",
        "kunder.csv",
        text(
            [
                "Kunde;Omsetning",
                "A;ca. 500 000",
                "B;12,5 %",
                "C;#VALUE!",
                "D;1,,0",
                "E;N/A",
                "F;abc",
                "G;1 234,50",
            ]
        ),
        problems=tuple(
            ("not_an_amount", "Omsetning (revenue)", row, value)
            for row, value in [
                (2, "ca. 500 000"),
                (3, "12,5 %"),
                (4, "#VALUE!"),
                (5, "1,,0"),
                (6, "N/A"),
                (7, "abc"),
            ]
        ),
    ),
    Case(
        "duplicate-headers",
        "accounts.csv",
        text(["Customer,Revenue,Owner,Revenue", "A,1,Kari,2"]),
        problems=(("duplicate_header", "Revenue", None, None),),
        check=lambda err: "column B and column D" in str(err),
    ),
    Case(
        "duplicate-account-ids",
        "accounts.csv",
        text(
            ["Account ID,Account,Revenue", "7,A,1", "8,B,2", "7,A again,3", "9,C,4", "8,B again,5"]
        ),
        problems=(
            ("duplicate_id", "Account ID", None, "7"),
            ("duplicate_id", "Account ID", None, "8"),
        ),
        check=lambda err: "rows 2 and 4" in str(err) and "rows 3 and 6" in str(err),
    ),
    Case(
        "mixed-currencies",
        "accounts.csv",
        text(["Customer;Revenue", "A;$100", "B;€200", "C;300"]),
        problems=(("mixed_currency", "Revenue", None, None),),
    ),
    Case(
        "a-row-with-more-fields-than-the-header",
        "accounts.csv",
        text(["Customer,Revenue", "A,10", "B,1,234", "C,5"]),
        problems=(("too_many_fields", None, 3, None),),
    ),
    Case(
        "negative-counts",
        "accounts.csv",
        text(["Customer,Revenue,Visits,Hours", "A,10,-2,1", "B,20,3,-0.5"]),
        problems=(
            ("negative_count", "Visits", 2, "-2"),
            ("negative_count", "Hours (selling_hours)", 3, "-0.5"),
        ),
    ),
    Case(
        "blank-lines-count-as-rows",
        "accounts.csv",
        text(["Customer,Revenue", "A,10", "", "B,20", "", "", "C,oops"]),
        problems=(("not_an_amount", "Revenue", 7, "oops"),),
    ),
    Case(
        "every-problem-at-once",
        "kunder.csv",
        text(["Kundenr;Kunde;Omsetning;Besøk", "1;A;abc;2", "1;B;10;-1", ";;5;"]),
        problems=(
            ("not_an_amount", "Omsetning (revenue)", 2, "abc"),
            ("negative_count", "Besøk (visits)", 3, "-1"),
            ("no_account", "Kunde (account)", 4, ""),
            ("duplicate_id", "Kundenr (account_id)", None, "1"),
        ),
    ),
]
