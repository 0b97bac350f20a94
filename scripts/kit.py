"""Write the trainer's kit's fill-in grid, in English and in Norwegian bokmål.

``notebooks/facilitator/estimates-template.{csv,xlsx}`` (English) and
``notebooks/facilitator/utfyllingsskjema.{csv,xlsx}`` (Norwegian) are written from the same texts
below, the Norwegian ones through the catalog (``workbook/locale/nb``).

The grid is for participants whose CRM has no visits, hours or potential: they paste their
customers and revenue from their export, estimate the rest from memory, and upload the file to
the workbook like any export. Its headers are ones the loader recognises, in either language, and
three example rows show how to fill it in (the second leaves the estimates blank: the loader
counts blank visits, hours and requests as 0 and says so, and keeps a blank potential unknown).

    .venv/bin/python scripts/kit.py           # write the files
    .venv/bin/python scripts/kit.py --check   # exit 1 if a file is not as written here
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill

from workbook import paths
from workbook.i18n import N_, _, use_language

#: Each language's file name (without its suffix) and the CSV's separator: the one a spreadsheet
#: of that language expects when the file is opened with a double click (Norwegian Excel: ";").
GRIDS = {"en": ("estimates-template", ","), "nb": ("utfyllingsskjema", ";")}
# Each CSV starts with a byte order mark, so Excel reads its letters (æøå, é) as UTF-8.
BOM = "\ufeff"

#: The grid's columns: the header, what the loader reads it as, and how to fill it in.
COLUMNS = [
    (N_("Customer number"), "account_id", N_("From your export (leave empty if you have none).")),
    (N_("Customer"), "account", N_("The customer's name, from your export.")),
    (
        N_("Revenue"),
        "revenue",
        N_("Revenue in the last 12 months, from your export (without VAT)."),
    ),
    (
        N_("Gross profit"),
        "gross_profit",
        N_("Gross profit in the last 12 months, if you know it."),
    ),
    (
        N_("Visits"),
        "visits",
        N_("Meetings in the last 12 months, in person or on video. About once a month is 12."),
    ),
    (
        N_("Selling hours"),
        "selling_hours",
        N_(
            "Hours spent on the customer in 12 months: visits with travel and preparation, "
            "calls, e-mails, quotes. Visits times about 2 hours is a fair start."
        ),
    ),
    (
        N_("Service requests"),
        "service_requests",
        N_(
            "Small calls, e-mails, complaints and credit notes in 12 months. A rough count is fine."
        ),
    ),
    (
        N_("Potential"),
        "potential",
        N_(
            "What the customer could buy from you in a year if they bought everything in your "
            "categories from you (their wallet). Estimate at least for your B accounts."
        ),
    ),
]
#: An example row's name: "Example: Fjordbakeri AS".
EXAMPLE = N_("Example: {name}")
EXAMPLES = [
    ["10001", "Fjordbakeri AS", 1234500, 310200, 24, 40, 6, 2000000],
    ["10002", "Berg Elektro AS", 86000, -4100, None, None, None, None],
    ["10003", "Lys Kafé DA", 30000, 6000, 12, 18, 15, 35000],
]
STEPS = [
    N_(
        "Replace the three example rows with your customers: paste the customer number, name "
        "and 12 months' revenue (and gross profit) from your export, one customer a row."
    ),
    N_(
        "Estimate visits, selling hours, service requests and potential from memory for the "
        "customers you know. Round numbers are fine."
    ),
    N_(
        "An empty visits, hours or service requests cell counts as 0 (no time, no calls), so "
        "give every customer a rough number, 0 when you never see them. An empty potential "
        "stays unknown. Do not write text such as ? or n/a in a number column: the workbook "
        "will ask you to fix it."
    ),
    N_(
        "Save the file (Excel or CSV) on your own laptop and bring it to the session. It stays "
        "with you: nobody collects it."
    ),
]


def paths_of(language: str) -> tuple[Path, Path]:
    """Return the CSV and the XLSX grid of ``language``."""
    stem = GRIDS[language][0]
    return paths.FACILITATOR_DIR / f"{stem}.csv", paths.FACILITATOR_DIR / f"{stem}.xlsx"


def headers(language: str = "en") -> list[str]:
    """Return the grid's headers in ``language``."""
    with use_language(language):
        return [_(name) for name, _target, _note in COLUMNS]


def example_rows(language: str = "en") -> list[list]:
    """Return the example rows, their names marked as examples in ``language``."""
    with use_language(language):
        return [[row[0], _(EXAMPLE).format(name=row[1]), *row[2:]] for row in EXAMPLES]


def csv_text(language: str = "en") -> str:
    """Return the CSV grid (UTF-8), separated as a spreadsheet of ``language`` expects."""
    separator = GRIDS[language][1]
    lines = [separator.join(headers(language))]
    for row in example_rows(language):
        lines.append(separator.join("" if v is None else str(v) for v in row))
    return BOM + "\n".join(lines) + "\n"


def workbook_file(language: str = "en") -> Workbook:
    """Return the XLSX grid: the grid first (the loader reads the first sheet), then the steps."""
    book = Workbook()
    grid = book.active
    with use_language(language):
        grid.title = _("Your accounts")
        grid.append(headers(language))
        for row in example_rows(language):
            grid.append(row)
        header_fill = PatternFill("solid", fgColor="DCE8F6")
        for cell in grid[1]:
            cell.font = Font(bold=True)
            cell.fill = header_fill
            grid.column_dimensions[cell.column_letter].width = max(14, len(cell.value) + 4)
        grid.column_dimensions["B"].width = 32
        grid.freeze_panes = "A2"
        how = book.create_sheet(_("How to fill in"))
        how.column_dimensions["A"].width = 20
        how.column_dimensions["B"].width = 100
        how.append([_("Fill-in grid for the Account Focus Workbook")])
        how["A1"].font = Font(bold=True, size=14)
        how.append([])
        for number, step in enumerate(STEPS, start=1):
            how.append([_("Step {n}").format(n=number), _(step)])
        how.append([])
        how.append([_("Column"), _("What to write")])
        for cell in how[how.max_row]:
            cell.font = Font(bold=True)
        for name, _target, note in COLUMNS:
            how.append([_(name), _(note)])
    for row in how.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return book


def xlsx_bytes(language: str = "en") -> bytes:
    buffer = io.BytesIO()
    workbook_file(language).save(buffer)
    return buffer.getvalue()


def sheet_values(data: bytes | Path) -> dict[str, list[tuple]]:
    """Return every sheet's cell values (what --check compares: an XLSX's bytes carry a date)."""
    book = load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data, read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def stale_files() -> list[str]:
    """Return the names of the grids that are not as written here."""
    stale = []
    for language in GRIDS:
        csv, xlsx = paths_of(language)
        if not (csv.is_file() and csv.read_text(encoding="utf-8") == csv_text(language)):
            stale.append(csv.name)
        if not (xlsx.is_file() and sheet_values(xlsx) == sheet_values(xlsx_bytes(language))):
            stale.append(xlsx.name)
    return stale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        for name in stale:
            print(f"{name} is not as scripts/kit.py writes it: run scripts/kit.py", file=sys.stderr)
        return 1 if stale else 0
    for language in GRIDS:
        csv, xlsx = paths_of(language)
        csv.write_text(csv_text(language), encoding="utf-8")
        xlsx.write_bytes(xlsx_bytes(language))
        print(f"wrote {csv} and {xlsx}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
