"""Write the trainer's kit's fill-in grid: ``notebooks/facilitator/estimates-template.{csv,xlsx}``.

The grid is for participants whose CRM has no visits, hours or potential: they paste their
customers and revenue from their export, estimate the rest from memory, and upload the file to
the workbook like any export. Its headers are ones the loader recognises, and three example rows
show how to fill it in (the second leaves the estimates blank: the loader counts blank visits,
hours and requests as 0 and says so, and keeps a blank potential unknown).

    .venv/bin/python scripts/kit.py           # write both files
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

CSV = paths.FACILITATOR_DIR / "estimates-template.csv"
XLSX = paths.FACILITATOR_DIR / "estimates-template.xlsx"

#: The grid's columns: the header, what the loader reads it as, and how to fill it in.
COLUMNS = [
    ("Customer number", "account_id", "From your export (leave empty if you have none)."),
    ("Customer", "account", "The customer's name, from your export."),
    ("Revenue", "revenue", "Revenue in the last 12 months, from your export (without VAT)."),
    ("Gross profit", "gross_profit", "Gross profit in the last 12 months, if you know it."),
    (
        "Visits",
        "visits",
        "Meetings in the last 12 months, in person or on video. About once a month is 12.",
    ),
    (
        "Selling hours",
        "selling_hours",
        "Hours spent on the customer in 12 months: visits with travel and preparation, calls, "
        "e-mails, quotes. Visits times about 2 hours is a fair start.",
    ),
    (
        "Service requests",
        "service_requests",
        "Small calls, e-mails, complaints and credit notes in 12 months. A rough count is fine.",
    ),
    (
        "Potential",
        "potential",
        "What the customer could buy from you in a year if they bought everything in your "
        "categories from you (their wallet). Estimate at least for your B accounts.",
    ),
]
EXAMPLES = [
    ["10001", "Example: Fjordbakeri AS", 1234500, 310200, 24, 40, 6, 2000000],
    ["10002", "Example: Berg Elektro AS", 86000, -4100, None, None, None, None],
    ["10003", "Example: Lys Kafé DA", 30000, 6000, 12, 18, 15, 35000],
]
STEPS = [
    "Replace the three example rows with your customers: paste the customer number, name and "
    "12 months' revenue (and gross profit) from your export, one customer a row.",
    "Estimate visits, selling hours, service requests and potential from memory for the "
    "customers you know. Round numbers are fine.",
    "An empty visits, hours or service requests cell counts as 0 (no time, no calls), so give "
    "every customer a rough number, 0 when you never see them. An empty potential stays "
    "unknown. Do not write text such as ? or n/a in a number column: the workbook will ask "
    "you to fix it.",
    "Save the file (Excel or CSV) on your own laptop and bring it to the session. It stays with "
    "you: nobody collects it.",
]


def csv_text() -> str:
    """Return the CSV grid (comma-separated, UTF-8; Excel opens it with Norwegian letters)."""
    lines = [",".join(name for name, _, _ in COLUMNS)]
    for row in EXAMPLES:
        lines.append(",".join("" if v is None else str(v) for v in row))
    return "\n".join(lines) + "\n"


def workbook_file() -> Workbook:
    """Return the XLSX grid: the grid first (the loader reads the first sheet), then the steps."""
    book = Workbook()
    grid = book.active
    grid.title = "Your accounts"
    grid.append([name for name, _, _ in COLUMNS])
    for row in EXAMPLES:
        grid.append(row)
    header_fill = PatternFill("solid", fgColor="DCE8F6")
    for cell in grid[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        grid.column_dimensions[cell.column_letter].width = max(14, len(cell.value) + 4)
    grid.column_dimensions["B"].width = 32
    grid.freeze_panes = "A2"
    how = book.create_sheet("How to fill in")
    how.column_dimensions["A"].width = 20
    how.column_dimensions["B"].width = 100
    how.append(["Fill-in grid for the Account Focus Workbook"])
    how["A1"].font = Font(bold=True, size=14)
    how.append([])
    for number, step in enumerate(STEPS, start=1):
        how.append([f"Step {number}", step])
    how.append([])
    how.append(["Column", "What to write"])
    for cell in how[how.max_row]:
        cell.font = Font(bold=True)
    for name, _, note in COLUMNS:
        how.append([name, note])
    for row in how.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return book


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    workbook_file().save(buffer)
    return buffer.getvalue()


def sheet_values(data: bytes | Path) -> dict[str, list[tuple]]:
    """Return every sheet's cell values (what --check compares: an XLSX's bytes carry a date)."""
    book = load_workbook(io.BytesIO(data) if isinstance(data, bytes) else data, read_only=True)
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the files")
    args = parser.parse_args(argv)
    if args.check:
        stale = [
            path.name
            for path, same in (
                (CSV, CSV.is_file() and CSV.read_text(encoding="utf-8") == csv_text()),
                (XLSX, XLSX.is_file() and sheet_values(XLSX) == sheet_values(xlsx_bytes())),
            )
            if not same
        ]
        for name in stale:
            print(f"{name} is not as scripts/kit.py writes it: run scripts/kit.py", file=sys.stderr)
        return 1 if stale else 0
    CSV.write_text(csv_text(), encoding="utf-8")
    XLSX.write_bytes(xlsx_bytes())
    print(f"wrote {CSV} and {XLSX}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
