"""``load``: a file in, the canonical accounts table out, or every problem at once.

The steps: read the bytes (``source``), read the table (``tables``: encoding, separator, header
row, footer), map the headers (``headers``), leave out blank and total rows, parse the number
columns (``numbers``; the decimal separator per column, ambiguous columns decided by the file's
other columns, then by its separator), the text columns and, for order lines, the dates
(``dates``), check ids, and aggregate order lines (``orders``). Every problem found on the way is
collected and raised together as one ``AccountDataError``.

``account_id`` when the file has none: the account name with surrounding spaces removed and runs
of spaces made single (so an account list whose names repeat is refused like repeated ids).
When only an id exists, the name is the id.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa

from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.loading.columns import MappedColumns
from workbook.loading.headers import map_columns
from workbook.loading.orders import DERIVED, aggregate_orders, previous_accounts, resolve_period
from workbook.loading.result import LoadResult
from workbook.loading.rows import (
    drop_blank_and_total_rows,
    drop_unlabelled_total,
    keep_owner,
    kind_of_file,
)
from workbook.loading.source import read_source
from workbook.loading.tables import read_table
from workbook.loading.validate import column_label, duplicate_problems
from workbook.loading.values import (
    date_column,
    formula_problems,
    identify,
    in_background,
    needs_tidying,
    number_columns,
    text_column,
)
from workbook.schema import NAMES, TEXT_COLUMNS


def text_dtype():
    """Return the pandas string dtype for text columns (NaN for blanks on pandas 2.2 and 3)."""
    if int(pd.__version__.split(".")[0]) >= 3:
        return pd.StringDtype(na_value=np.nan)
    return pd.StringDtype("pyarrow_numpy")


def load(
    source,
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    period=None,
    owner: str | None = None,
) -> LoadResult:
    """Load an accounts file or order lines into the canonical accounts table.

    Parameters
    ----------
    source : str, Path, UploadedFile, (name, bytes) or FileUpload value item
        The file: CSV, TSV or TXT; Excel (.xlsx, .xlsm, .xlsb, .xls); OpenDocument (.ods);
        Parquet. Its content tells the format, whatever its name says (see ``source``).
    mapping : dict, optional
        ``{"Header in the file": "canonical_name"}``, overriding the detected columns.
    sheet : str, optional
        The sheet of a spreadsheet to read (default: the first, or the one sheet that holds
        accounts when the first does not).
    period : None, "all", "START:END" or (start, end), optional
        Order lines only: the analysis window (default: the 12 months up to the latest order).
    owner : str, optional
        Only this salesperson's rows (case and surrounding spaces ignored); the other rows are
        not checked. For order lines: the lines of this seller.

    Returns
    -------
    LoadResult
        ``.accounts`` and what was understood: columns, dropped rows, warnings, period.

    Raises
    ------
    AccountDataError
        With every problem found, each naming the file, column, row and raw value.

    Examples
    --------
    >>> text = ("Kundenr;Kunde;Omsetning;Selger\\n00101;Fjord AS;1 234,50;Kari\\n"
    ...         "00102;Berg AS;99,50;Kari\\n00103;Lys AS;12 000;Per\\n00104;Sol AS;;Per\\n"
    ...         "00105;Vik AS;(50,00);Per\\nTotalt;;13 284,00;\\n")
    >>> result = load(("kunder.csv", text.encode("cp1252")))
    >>> result.accounts[["account_id", "account", "revenue"]]
      account_id   account  revenue
    0      00101  Fjord AS   1234.5
    1      00102   Berg AS     99.5
    2      00103    Lys AS  12000.0
    3      00104    Sol AS      0.0
    4      00105    Vik AS    -50.0
    >>> result.dropped_rows
    [{'row': 7, 'reason': 'total row "Totalt"'}]
    >>> result.warnings
    ['kunder.csv: Omsetning (revenue): 1 blank cell counted as 0 (rows 5).']
    """
    src = read_source(source)
    raw = read_table(src, sheet=sheet, mapping=mapping)
    file = src.name
    found = map_columns(raw.headers, mapping=mapping, file=file, letters=raw.letters)
    if found.problems:
        raise AccountDataError([*raw.problems, *found.problems], file=file)
    columns = MappedColumns(
        {t: _cells(raw.columns[i], t) for t, i in found.index.items()},
        raw.rows,
        {t: column_label(raw.headers[i], t) for t, i in found.index.items()},
        file,
        numbers={t: raw.numbers[i] for t, i in found.index.items() if i in raw.numbers},
        formulas={t: raw.formulas[i] for t, i in found.index.items() if i in raw.formulas},
        scales={t: raw.scales[i] for t, i in found.index.items() if i in raw.scales},
    )
    dropped = list(raw.dropped)
    problems = list(raw.problems)
    warnings = [*raw.warnings, *found.warnings]
    if sheet is not None and not src.is_spreadsheet:
        warnings.append(
            _("{file}: the sheet ({sheet}) is ignored: this is not a spreadsheet.").format(
                file=file, sheet=sheet
            )
        )
    if owner is not None and str(owner).strip():
        keep_owner(columns, owner)
    dropped += drop_blank_and_total_rows(columns, raw)
    if not len(columns.rows):
        problems.append(Problem(_("has a header row but no data rows"), file=file, code="empty"))
        raise AccountDataError(problems, file=file)

    date_header = raw.headers[found.index["date"]] if "date" in found.index else None
    kind = kind_of_file(columns, date_header, warnings)
    dropped += drop_unlabelled_total(columns)
    problems += formula_problems(columns)
    texts = {t: columns.cells[t] for t in TEXT_COLUMNS if t in columns.cells}
    targets = [t for t, cells in texts.items() if needs_tidying(cells)]  # quick, before threads
    trimmed = in_background(  # the text columns to trim meanwhile, on the other core
        text_column, [texts[t] for t in targets], len(columns.rows) * len(targets)
    )
    numbers = number_columns(columns, raw.delimiter, problems, warnings)
    texts.update(zip(targets, trimmed(), strict=True))
    ids, names = identify(texts, columns, problems, warnings)
    if kind == "accounts":
        id_label = columns.labels.get("account_id", columns.labels.get("account"))
        problems += duplicate_problems(ids, label=id_label, rows=columns.rows, file=file)
        dates = None
    else:
        dates = date_column(columns, problems)
    if problems:
        raise AccountDataError(problems, file=file)

    texts.update(account_id=ids, account=names)
    header_of = {t: raw.headers[i] for t, i in found.index.items()}
    dropped.sort(key=lambda d: d["row"])
    if kind == "accounts":
        if period is not None:
            warnings.append(
                _(
                    "{file}: the period ({period}) is ignored: this is an account list, "
                    "not order lines with dates."
                ).format(file=file, period=period)
            )
        accounts = _frame({**texts, **numbers}, NAMES)
        return LoadResult(
            accounts, file, kind, header_of, dropped, warnings, headers=list(raw.headers)
        )
    lines = _frame({**texts, **numbers, "date": dates}, (*NAMES, "date", "cost"))
    accounts, window = _aggregate(lines, period, file, warnings)
    previous = previous_accounts(lines, window, file=file)
    return LoadResult(
        accounts,
        file,
        kind,
        header_of,
        dropped,
        warnings,
        (window.start, window.end),
        headers=list(raw.headers),
        previous=None if previous is None else _canonical(previous),
        previous_period=None if previous is None else (window.prev_start, window.prev_end),
    )


def load_accounts(
    source,
    *,
    mapping: dict[str, str] | None = None,
    sheet: str | None = None,
    period=None,
    owner: str | None = None,
) -> pd.DataFrame:
    """Return the canonical accounts table of a file (``load(...).accounts``).

    Parameters
    ----------
    source : str, Path, UploadedFile, (name, bytes) or FileUpload value item
        The file (see ``load``).
    mapping : dict, optional
        ``{"Header in the file": "canonical_name"}``.
    sheet : str, optional
        The Excel sheet to read.
    period : None, "all", "START:END" or (start, end), optional
        Order lines only: the analysis window.
    owner : str, optional
        Only this salesperson's rows (see ``load``).

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> csv = (b"Account,Revenue,Owner\\nFjord AS,1200,Kari\\nBerg AS,800,Kari\\n"
    ...        b"Lys AS,150,Per\\nSol AS,90.5,Per\\n")
    >>> load_accounts(("a.csv", csv))
      account_id   account  revenue owner
    0   Fjord AS  Fjord AS   1200.0  Kari
    1    Berg AS   Berg AS    800.0  Kari
    2     Lys AS    Lys AS    150.0   Per
    3     Sol AS    Sol AS     90.5   Per
    """
    return load(source, mapping=mapping, sheet=sheet, period=period, owner=owner).accounts


# --- tables -------------------------------------------------------------------------------------
def _cells(column, target: str):
    """Return a column as the steps after reading take it: text and numbers stay in the
    reader's chunks (numbers are made contiguous as they are parsed, in parallel), dates become
    one contiguous array."""
    if isinstance(column, pa.ChunkedArray) and target == "date":
        return column.combine_chunks()
    return column


def _frame(columns: dict, order) -> pd.DataFrame:
    """Build the DataFrame in canonical order: the number columns the loader made as they are
    (no copy), every other column converted from Arrow once."""
    mapper = {pa.string(): text_dtype(), pa.large_string(): text_dtype()}.get
    data = {}
    for name in order:
        if name not in columns:
            continue
        value = columns[name]
        if isinstance(value, np.ndarray) and value.dtype == np.float64:
            # A read-only view of Arrow's memory is copied: the table's columns can be changed.
            data[name] = value if value.flags.writeable else value.copy()
            continue
        if isinstance(value, np.ndarray) and value.dtype.kind == "M":
            value = pa.array(value.astype("datetime64[ms]"))
        elif isinstance(value, np.ndarray):
            value = pa.array(value, type=pa.float64())
        data[name] = value.to_pandas(types_mapper=mapper)
    return pd.DataFrame(data, copy=False)


def _aggregate(lines: pd.DataFrame, period, file: str, warnings: list[str]):
    window = resolve_period(period, lines["date"].min(), lines["date"].max(), file=file)
    accounts, notes = aggregate_orders(lines, window, file=file)
    warnings.extend(notes)
    return _canonical(accounts, DERIVED), window


def _canonical(accounts: pd.DataFrame, derived: tuple[str, ...] = ()) -> pd.DataFrame:
    """Return aggregated accounts with the canonical columns (and ``derived`` ones), in order,
    of canonical types."""
    accounts = accounts[[n for n in (*NAMES, *derived) if n in accounts.columns]]
    for name in accounts.columns:
        if name in TEXT_COLUMNS:
            accounts[name] = accounts[name].astype(text_dtype())
        else:
            accounts[name] = accounts[name].astype(np.float64)
    return accounts.reset_index(drop=True)


__all__ = ["load", "load_accounts"]
