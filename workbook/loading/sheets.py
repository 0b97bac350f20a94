"""Spreadsheets: one sheet of a workbook read into a raw table.

Excel workbooks (.xlsx, .xlsm) are read by openpyxl (read-only, the values Excel saved); old Excel
workbooks (.xls), Excel binary workbooks (.xlsb) and OpenDocument spreadsheets (.ods) by
python-calamine. Every archive was checked before it got here (``archives.check_archive``).

- **Which sheet**: the one named by ``sheet`` (``--sheet NAME``); otherwise the first sheet, when
  it has a header row with an account and a revenue column. When it has none, the one other
  sheet that has is read, with a warning naming it; when several have, the file is refused,
  naming them, so the person chooses with ``--sheet NAME``.
- **Cells**: text as it is; real numbers are kept as numbers next to their text (``RawTable.
  numbers``), so that a column of numbers stored as text (``"1 234,50"``) with a few real number
  cells reads the text in its locale and the numbers as they are; dates as ISO text.
- **Formulas without saved values** (a file written by a program that does not calculate, or
  saved without calculating) have no value to read: they are kept apart (``RawTable.formulas``)
  and the loader refuses the columns that use them, instead of reading blanks as zeros.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable

import numpy as np
import pyarrow as pa

from workbook.errors import AccountDataError, Problem
from workbook.i18n import N_, _
from workbook.loading.footers import footer_length
from workbook.loading.headers import HEADER_SCAN_ROWS, find_header_row, map_columns
from workbook.loading.source import Source
from workbook.loading.tables import RawTable
from workbook.loading.units import column_scales

#: Problems that mean a sheet's header row has no accounts in it.
_NOT_ACCOUNTS = {"no_revenue", "no_account", "unknown_header"}
_SHEET_OPTION = "--sheet NAME"


def read_spreadsheet(
    source: Source, *, sheet: str | None = None, mapping: dict[str, str] | None = None
) -> RawTable:
    """Read one sheet of a workbook (see the module's text for which) into a RawTable.

    Examples
    --------
    >>> from openpyxl import Workbook
    >>> book = Workbook()
    >>> book.active.title = "Notes"
    >>> book.active.append(["Exported 2026-11-01"])
    >>> accounts = book.create_sheet("Accounts")
    >>> for row in (["Account", "Revenue"], ["Fjord AS", "1 234,50"], ["Berg AS", 99.5]):
    ...     accounts.append(row)
    >>> buffer = io.BytesIO()
    >>> book.save(buffer)
    >>> from workbook.loading.source import read_source
    >>> table = read_spreadsheet(read_source(("book.xlsx", buffer.getvalue())))
    >>> table.columns[1].to_pylist(), table.numbers[1].to_pylist(), table.rows.tolist()
    (['1 234,50', '99.5'], [None, 99.5], [2, 3])
    >>> table.warnings
    ['book.xlsx: read the sheet "Accounts": the first sheet, "Notes", has no accounts ...']
    """
    book = _open(source)
    try:
        name, warnings, problems = _choose_sheet(book, sheet, mapping, source.name)
        rows = book.rows(name)
        formulas = book.formulas(name, rows) if book.has_formulas else {}
    except AccountDataError:
        raise
    except Exception as err:  # the libraries fail on damaged files in many ways; all mean the same
        raise _unreadable(source, err) from None
    finally:
        book.close()
    if not any(any(_filled(c) for c in row) for row in rows):
        raise AccountDataError(
            Problem(
                _('has nothing in the sheet "{sheet}"').format(sheet=name),
                file=source.name,
                code="empty",
            ),
            file=source.name,
        )
    raw = table_from_rows(rows, mapping, formulas)
    raw.warnings.extend(warnings)
    raw.problems.extend(problems)
    return raw


def table_from_rows(rows: list[list], mapping=None, formulas=None) -> RawTable:
    """Return the RawTable of a sheet's rows of cell values (title block and footer left out).

    ``formulas`` maps (row index, column) to the formula of a cell that has no saved value.

    Examples
    --------
    >>> raw = table_from_rows([["Report"], [], ["Kunde", "Omsetning"], ["Fjord AS", 12.5],
    ...                        ["Berg AS", "1 000,50"], ["Totalt", 1013.0]])
    >>> raw.headers, raw.columns[1].to_pylist(), raw.rows.tolist()
    (['Kunde', 'Omsetning'], ['12.5', '1 000,50'], [4, 5])
    >>> raw.dropped
    [{'row': 6, 'reason': 'total row "Totalt"'}]
    """
    formulas = formulas or {}
    texts = [[cell_text(v) for v in row] for row in rows]
    header_index = find_header_row(
        [[c or "" for c in r] for r in texts[:HEADER_SCAN_ROWS]], mapping
    )
    header_cells = texts[header_index]
    while header_cells and not header_cells[-1]:
        header_cells = header_cells[:-1]
    headers = [(c or "").strip() for c in header_cells]
    width = len(headers)
    body = texts[header_index + 1 :]
    if formulas:  # a formula is something in its cell, even without a saved value
        body = [list(row) for row in body]
        for (i, j), formula in formulas.items():
            if i > header_index and j < len(body[i - header_index - 1]):
                body[i - header_index - 1][j] = formula
    count, reasons = footer_length(body)
    kept = [
        header_index + 1 + i
        for i, row in enumerate(body[: len(body) - count])
        if any(_filled(c) for c in row[:width])
        or any((header_index + 1 + i, j) in formulas for j in range(width))
    ]
    columns, numbers, formula_cells = [], {}, {}
    for j in range(width):
        columns.append(pa.array([_at(texts[i], j) for i in kept], type=pa.string()))
        values = [_at(rows[i], j) for i in kept]
        if any(_is_number(v) for v in values):
            numbers[j] = pa.array(
                [float(v) if _is_number(v) else None for v in values], pa.float64()
            )
        found = [formulas.get((i, j)) for i in kept]
        if any(f is not None for f in found):
            formula_cells[j] = pa.array(found, type=pa.string())
    dropped = [{"row": header_index + 2 + i, "reason": reason} for i, reason in reasons]
    return RawTable(
        headers,
        columns,
        np.asarray([i + 1 for i in kept], dtype=np.int64),
        dropped=dropped,
        numbers=numbers,
        formulas=formula_cells,
        scales=column_scales(headers, texts[:header_index]),
    )


def cell_text(value) -> str | None:
    """Return a cell's value as text the column parsers read back exactly.

    Examples
    --------
    >>> [cell_text(v) for v in (" ", 12.0, 0.1, True, dt.datetime(2026, 1, 2, 3, 4), None)]
    [None, '12', '0.1', 'TRUE', '2026-01-02 03:04:00', None]
    """
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _filled(cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


def _at(row: list, j: int):
    return row[j] if j < len(row) else None


# --- choosing the sheet -------------------------------------------------------------------------
def _choose_sheet(book, wanted: str | None, mapping, file: str):
    """Return the sheet to read, warnings about the choice, and problems to add if it fails."""
    names = book.names
    if not names:
        raise AccountDataError(
            Problem(_("has no sheets with cells"), file=file, code="empty"), file=file
        )
    if wanted is not None:
        return _named_sheet(names, wanted, file), [], []
    first = names[0]
    if len(names) == 1 or _holds_accounts(book.rows(first, HEADER_SCAN_ROWS), mapping):
        return first, [], []
    fits = [
        name for name in names[1:] if _holds_accounts(book.rows(name, HEADER_SCAN_ROWS), mapping)
    ]
    listed = _listed(names)
    if len(fits) == 1:
        warning = _(
            '{file}: read the sheet "{sheet}": the first sheet, "{first}", has no accounts '
            "(choose another with {option})."
        ).format(file=file, sheet=fits[0], first=first, option=_SHEET_OPTION)
        return fits[0], [warning], []
    if fits:
        raise AccountDataError(
            Problem(
                _(
                    "has accounts on several sheets ({sheets}): choose the one to read with "
                    "{option}, or save that sheet alone as CSV"
                ).format(sheets=_listed(fits), option=_SHEET_OPTION),
                file=file,
                code="which_sheet",
            ),
            file=file,
        )
    hint = Problem(
        _(
            "has no sheet with an account and a revenue column among its sheets ({sheets}); "
            'the first, "{first}", was read: choose another with {option}'
        ).format(sheets=listed, first=first, option=_SHEET_OPTION),
        file=file,
        code="which_sheet",
    )
    return first, [], [hint]


def _holds_accounts(rows: list[list], mapping) -> bool:
    texts = [[cell_text(v) or "" for v in row] for row in rows]
    if not any(any(row) for row in texts):
        return False
    headers = [c.strip() for c in texts[find_header_row(texts, mapping)]]
    found = map_columns(headers, mapping=mapping)
    return not any(p.code in _NOT_ACCOUNTS for p in found.problems)


def _named_sheet(names: list[str], wanted: str, file: str) -> str:
    for same in (
        lambda n: n == wanted,
        lambda n: n.strip().casefold() == wanted.strip().casefold(),
    ):
        for name in names:
            if same(name):
                return name
    raise AccountDataError(
        Problem(
            _('has no sheet "{sheet}" (its sheets are: {sheets})').format(
                sheet=wanted, sheets=_listed(names)
            ),
            file=file,
            code="no_sheet",
        ),
        file=file,
    )


def _listed(names: Iterable[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


# --- the two libraries --------------------------------------------------------------------------
def _open(source: Source):
    try:
        if source.format == "xlsx":
            return _OpenpyxlBook(source)
        return _CalamineBook(source)
    except AccountDataError:
        raise
    except Exception as err:
        raise _unreadable(source, err) from None


class _OpenpyxlBook:
    """An .xlsx workbook: the values Excel saved; formulas looked up only in books that have any."""

    def __init__(self, source: Source):
        from openpyxl import load_workbook

        self.data = source.data
        self.book = load_workbook(io.BytesIO(self.data), read_only=True, data_only=True)
        self.names = [ws.title for ws in self.book.worksheets if ws.sheet_state == "visible"]
        if not self.names:
            self.names = [ws.title for ws in self.book.worksheets]
        self.has_formulas = bool(source.archive and source.archive.formulas)

    def rows(self, name: str, limit: int | None = None) -> list[list]:
        sheet = self.book[name]
        sheet.reset_dimensions()  # some writers record wrong sizes; read what is there
        return [list(values) for values in sheet.iter_rows(max_row=limit, values_only=True)]

    def formulas(self, name: str, rows: list[list]) -> dict[tuple[int, int], str]:
        """Return the formulas of the cells that have no saved value."""
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(self.data), read_only=True, data_only=False)
        try:
            sheet = book[name]
            sheet.reset_dimensions()
            found = {}
            for i, values in enumerate(sheet.iter_rows(values_only=True)):
                saved = rows[i] if i < len(rows) else []
                for j, value in enumerate(values):
                    if value is not None and _at(saved, j) is None:
                        text = getattr(value, "text", value)  # an array formula keeps its text
                        found[(i, j)] = str(text)
            return found
        finally:
            book.close()

    def close(self) -> None:
        self.book.close()


class _CalamineBook:
    """An .xls, .xlsb or .ods workbook, through python-calamine (their saved values)."""

    has_formulas = False

    def __init__(self, source: Source):
        from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

        self.book = CalamineWorkbook.from_filelike(io.BytesIO(source.data))
        sheets = [m for m in self.book.sheets_metadata if m.typ == SheetTypeEnum.WorkSheet]
        visible = [m.name for m in sheets if m.visible == SheetVisibleEnum.Visible]
        self.names = visible or [m.name for m in sheets]

    def rows(self, name: str, limit: int | None = None) -> list[list]:
        sheet = self.book.get_sheet_by_name(name)
        rows = sheet.to_python(skip_empty_area=False, nrows=limit)
        return [[None if v == "" else v for v in row] for row in rows]

    def formulas(self, name: str, rows: list[list]) -> dict:
        return {}

    def close(self) -> None:
        self.book.close()


_KINDS = {
    "xlsx": N_("an Excel workbook (.xlsx)"),
    "xlsb": N_("an Excel binary workbook (.xlsb)"),
    "xls": N_("an old Excel workbook (.xls, Excel 97–2003)"),
    "ods": N_("an OpenDocument spreadsheet (.ods)"),
}


def _unreadable(source: Source, err: Exception) -> AccountDataError:
    name = type(err).__name__
    if name == "PasswordError" or "password" in str(err).lower():
        message = _(
            "is protected with a password: open it, remove the password and save it again as "
            ".xlsx, or save it as CSV"
        )
    else:
        message = _(
            "cannot be read as {kind} ({error}): open it in Excel or LibreOffice and save it "
            "again as .xlsx, or as CSV"
        ).format(kind=_(_KINDS[source.format]), error=f"{name}: {err}")
    return AccountDataError(Problem(message, file=source.name, code="unreadable"), file=source.name)


__all__ = ["cell_text", "read_spreadsheet", "table_from_rows"]
