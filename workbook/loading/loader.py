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

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import AccountDataError, Problem
from workbook.loading.aliases import ADDED_UP
from workbook.loading.dates import parse_dates
from workbook.loading.footers import TOTAL_LABEL_RE2
from workbook.loading.headers import map_columns
from workbook.loading.numbers import EXAMPLE, ParsedNumbers, parse_numbers, text_bytes
from workbook.loading.orders import aggregate_orders, resolve_period
from workbook.loading.result import LoadResult
from workbook.loading.source import read_source
from workbook.loading.tables import RawTable, describe_rows, read_table
from workbook.loading.validate import (
    blank_warning,
    cell_problems,
    column_label,
    duplicate_problems,
    number_problems,
)
from workbook.schema import BY_NAME, NAMES, NUMBER_COLUMNS, TEXT_COLUMNS

#: Number columns whose blank cells mean "unknown" rather than zero.
UNKNOWN_WHEN_BLANK = ("potential", "revenue_prev")
#: Columns only an account list has; with them, a date column does not make order lines.
ACCOUNT_LIST_ONLY = ("visits", "selling_hours", "service_requests", "potential", "revenue_prev")
COUNTS = tuple(c.name for c in BY_NAME.values() if c.kind == "count")
_SEPARATOR_NAMES = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "pipes"}


def text_dtype():
    """Return the pandas string dtype for text columns (NaN for blanks on pandas 2.2 and 3)."""
    if int(pd.__version__.split(".")[0]) >= 3:
        return pd.StringDtype(na_value=np.nan)
    return pd.StringDtype("pyarrow_numpy")


@dataclass
class _Columns:
    """The mapped columns of the kept rows, with their spreadsheet rows and labels."""

    cells: dict[str, pa.Array]
    rows: np.ndarray
    labels: dict[str, str]
    file: str

    def keep(self, mask: np.ndarray) -> None:
        chosen = pa.array(mask)
        self.cells = {t: c.filter(chosen) for t, c in self.cells.items()}
        self.rows = self.rows[mask]


def load(source, *, mapping: dict[str, str] | None = None, sheet: str | None = None,
         period=None) -> LoadResult:
    """Load an accounts file or order lines into the canonical accounts table.

    Parameters
    ----------
    source : str, Path, UploadedFile, (name, bytes) or FileUpload value item
        The file. Its name gives the format (.csv .tsv .txt .xlsx .parquet); the content
        decides when the name is missing or wrong.
    mapping : dict, optional
        ``{"Header in the file": "canonical_name"}``, overriding the detected columns.
    sheet : str, optional
        The Excel sheet to read (default: the first).
    period : None, "all", "START:END" or (start, end), optional
        Order lines only: the analysis window (default: the 12 months up to the latest order).

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
    columns = _Columns({t: raw.columns[i] for t, i in found.index.items()}, raw.rows,
                       {t: column_label(raw.headers[i], t) for t, i in found.index.items()}, file)
    dropped = list(raw.dropped)
    problems = list(raw.problems)
    warnings = list(found.warnings)
    dropped += _drop_blank_and_total_rows(columns, raw)
    if not len(columns.rows):
        problems.append(Problem("has a header row but no data rows", file=file, code="empty"))
        raise AccountDataError(problems, file=file)

    kind = _kind(columns, warnings)
    dropped += _drop_unlabelled_total(columns)
    numbers = _parse_numbers(columns, raw.delimiter, problems, warnings)
    texts = {t: _text(columns.cells[t]) for t in (*TEXT_COLUMNS,) if t in columns.cells}
    ids, names = _identify(texts, columns, problems, warnings)
    if kind == "accounts":
        id_label = columns.labels.get("account_id", columns.labels.get("account"))
        problems += duplicate_problems(ids, label=id_label, rows=columns.rows, file=file)
        dates = None
    else:
        dates = _parse_dates(columns, problems)
    if problems:
        raise AccountDataError(problems, file=file)

    texts.update(account_id=ids, account=names)
    header_of = {t: raw.headers[i] for t, i in found.index.items()}
    dropped.sort(key=lambda d: d["row"])
    if kind == "accounts":
        if period is not None:
            warnings.append(f"{file}: the period ({period}) is ignored: this is an account list, "
                            "not order lines with dates.")
        accounts = _frame({**texts, **numbers}, NAMES)
        return LoadResult(accounts, file, kind, header_of, dropped, warnings)
    lines = _frame({**texts, **numbers, "date": dates}, (*NAMES, "date", "cost"))
    accounts, window = _aggregate(lines, period, file, warnings)
    return LoadResult(accounts, file, kind, header_of, dropped, warnings,
                      (window.start, window.end))


def load_accounts(source, *, mapping: dict[str, str] | None = None, sheet: str | None = None,
                  period=None) -> pd.DataFrame:
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

    Returns
    -------
    pandas.DataFrame

    Examples
    --------
    >>> csv = b"Account,Revenue,Owner\\nFjord AS,1200,Kari\\nBerg AS,800,Kari\\nLys AS,150,Per\\n"
    >>> load_accounts(("a.csv", csv))
      account_id  account  revenue owner
    0   Fjord AS  Fjord AS   1200.0  Kari
    1    Berg AS   Berg AS    800.0  Kari
    2     Lys AS    Lys AS    150.0   Per
    """
    return load(source, mapping=mapping, sheet=sheet, period=period).accounts


# --- rows ---------------------------------------------------------------------------------------
def _drop_blank_and_total_rows(columns: _Columns, raw: RawTable) -> list[dict]:
    """Leave out rows with nothing in the used columns, and total rows (reported)."""
    filled = np.zeros(len(columns.rows), dtype=bool)
    for cells in columns.cells.values():
        filled |= _present(cells)
    total = np.zeros(len(columns.rows), dtype=bool)
    labels = [columns.cells[t] for t in ("account", "account_id") if t in columns.cells]
    if raw.columns and all(raw.columns[0] is not cells for cells in labels):
        labels.append(raw.columns[0])
    shown = {}
    for cells in labels:
        if not pa.types.is_string(cells.type):
            continue
        for position in _total_labels(cells):
            if not total[position]:
                shown[position] = cells[int(position)].as_py().strip()
                total[position] = True
    dropped = [{"row": int(columns.rows[p]), "reason": f'total row "{shown[p]}"'}
               for p in sorted(shown)]
    if not np.all(filled & ~total):
        columns.keep(filled & ~total)
    return dropped


def _total_labels(cells: pa.Array) -> np.ndarray:
    """Return the positions of cells such as "Total", "Sum", "Grand Total" or "Totalt"."""
    # Every total label starts with one of these letters: test the few cells that do.
    first = pc.utf8_lower(pc.utf8_slice_codeunits(pc.utf8_ltrim_whitespace(cells), 0, 1))
    maybe = pc.fill_null(pc.is_in(first, pa.array(["t", "s", "g", "i"])), False)
    candidates = np.flatnonzero(maybe.to_numpy(zero_copy_only=False))
    if not len(candidates):
        return candidates
    hit = pc.match_substring_regex(cells.take(pa.array(candidates)), TOTAL_LABEL_RE2)
    return candidates[pc.fill_null(hit, False).to_numpy(zero_copy_only=False)]


def _present(cells: pa.Array) -> np.ndarray:
    """Tell the cells with a value (blank cells are already null, as the readers leave them)."""
    return cells.is_valid().to_numpy(zero_copy_only=False)


def _drop_unlabelled_total(columns: _Columns) -> list[dict]:
    """Leave out a last row with no account whose revenue is the sum of the rows above it."""
    if len(columns.rows) < 3:
        return []
    named = [columns.cells[t] for t in ("account", "account_id") if t in columns.cells]
    if any(_present(cells.slice(len(columns.rows) - 1))[0] for cells in named):
        return []
    revenue = parse_numbers(columns.cells["revenue"]).values
    above, last = np.nansum(revenue[:-1]), revenue[-1]
    if not np.isfinite(last) or abs(last - above) > max(0.005 * abs(above), 0.01):
        return []
    row = int(columns.rows[-1])
    columns.keep(np.arange(len(columns.rows)) < len(columns.rows) - 1)
    return [{"row": row, "reason": "total row (no account; its revenue is the sum of the rows "
                                   "above)"}]


def _kind(columns: _Columns, warnings: list[str]) -> str:
    if "date" not in columns.cells:
        return "accounts"
    key = columns.cells.get("account_id", columns.cells.get("account"))
    repeats = pc.count_distinct(key).as_py() < len(key) - key.null_count
    if not repeats and any(t in columns.cells for t in ACCOUNT_LIST_ONLY):
        warnings.append(f"{columns.file}: {columns.labels['date']} is not used: every account is "
                        "on one row, so this is read as an account list, not order lines.")
        del columns.cells["date"]
        return "accounts"
    for target in ("potential", "revenue_prev"):
        if columns.cells.pop(target, None) is not None:
            warnings.append(f"{columns.file}: {columns.labels[target]} is not used for order "
                            "lines.")
    return "order_lines"


# --- values -------------------------------------------------------------------------------------
def _parse_numbers(columns: _Columns, delimiter: str | None, problems: list[Problem],
                   warnings: list[str]) -> dict[str, np.ndarray]:
    targets = [t for t in columns.cells if t in NUMBER_COLUMNS or t == "cost"]
    parsed = dict(zip(targets, _in_parallel(parse_numbers, [columns.cells[t] for t in targets]),
                      strict=True))
    decimal, reason = _file_decimal(parsed, delimiter)
    values = {}
    for target in targets:
        column = parsed[target]
        label = columns.labels[target]
        if column.guessed:
            if column.decimal != decimal:
                column = parse_numbers(columns.cells[target], decimal_hint=decimal)
            warnings.append(_guess_warning(columns, target, column, reason))
        problems += number_problems(column, label=label, rows=columns.rows,
                                    raw=columns.cells[target], file=columns.file,
                                    count=target in COUNTS,
                                    example=EXAMPLE[column.decimal or decimal])
        numbers = column.values.astype(np.float64, copy=True)
        unknown = target in UNKNOWN_WHEN_BLANK
        note = blank_warning(column.blank, label=label, rows=columns.rows, file=columns.file,
                             counted_as="left blank (unknown)" if unknown else "counted as 0")
        if note:
            warnings.append(note)
            if not unknown:
                numbers[column.blank] = 0.0
        values[target] = numbers
    return values


def _in_parallel(function, items: list) -> list:
    """Apply ``function`` to each item on all cores (Arrow's kernels release the GIL)."""
    workers = min(len(items), os.cpu_count() or 1)
    if workers <= 1 or sum(len(i) for i in items) < 50_000:
        return [function(i) for i in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def _file_decimal(parsed: dict[str, ParsedNumbers], delimiter: str | None) -> tuple[str, str]:
    """Return the decimal separator for ambiguous columns, and why."""
    decided = Counter(p.decimal for p in parsed.values() if p.decimal and not p.guessed)
    if decided:
        return decided.most_common(1)[0][0], "like the file's other number columns"
    if delimiter == ";":
        return ",", "as usual in files separated by semicolons"
    if delimiter:
        return ".", f"as usual in files separated by {_SEPARATOR_NAMES.get(delimiter, delimiter)}"
    return ".", "as usual"


def _guess_warning(columns: _Columns, target: str, column: ParsedNumbers, reason: str) -> str:
    cells = columns.cells[target]
    with_separator = pc.fill_null(pc.match_substring_regex(cells, "[.,]"), False)
    sample = cells.filter(with_separator)
    shown = sample[0].as_py().strip() if len(sample) else ""
    return (f'{columns.file}: {columns.labels[target]}: a value such as "{shown}" could use its '
            f"separator for thousands or for decimals; read \"{column.decimal}\" as the decimal "
            f"separator, {reason}.")


def _text(cells: pa.Array) -> pa.Array:
    """Return text cells trimmed, with blanks as nulls (numbers in Parquet become text)."""
    if pa.types.is_floating(cells.type):
        numbers = cells.to_numpy(zero_copy_only=False)
        if np.all(np.isnan(numbers) | (numbers == np.round(numbers))):
            cells = pc.cast(cells, pa.int64(), safe=False)
    if not pa.types.is_string(cells.type):
        cells = pc.cast(cells, pa.string())
    text = pc.utf8_trim_whitespace(cells)
    empty = pc.equal(text, "")
    if pc.any(empty).as_py():
        text = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    return text


def _identify(texts: dict[str, pa.Array], columns: _Columns, problems: list[Problem],
              warnings: list[str]) -> tuple[pa.Array, pa.Array]:
    """Return account ids and names, filling one from the other where the file leaves it blank."""
    ids, names = texts.get("account_id"), texts.get("account")
    if ids is None:
        ids = _id_from_name(names)
    elif names is None:
        names = ids
    else:
        no_id = (ids.is_null().to_numpy(zero_copy_only=False)
                 & names.is_valid().to_numpy(zero_copy_only=False))
        if no_id.any():
            warnings.append(f"{columns.file}: {columns.labels['account_id']}: {no_id.sum()} "
                            f"blank id{'s' if no_id.sum() != 1 else ''} replaced by the account "
                            f"name (rows {describe_rows(columns.rows[no_id])}).")
            ids = pc.coalesce(ids, _id_from_name(names))
        names = pc.coalesce(names, ids)
    missing = np.flatnonzero(ids.is_null().to_numpy(zero_copy_only=False))
    if len(missing):
        label = columns.labels.get("account", columns.labels.get("account_id"))
        problems += cell_problems(missing, "is blank: the row has no account name or id",
                                  label=label, rows=columns.rows, raw=ids, file=columns.file,
                                  code="no_account")
    return ids, names


def _id_from_name(names: pa.Array) -> pa.Array:
    """Return ids made from names: runs of spaces made single (names are already trimmed)."""
    present = text_bytes(names)
    if b"  " in present or b"\t" in present or b"\n" in present:
        return pc.replace_substring_regex(names, r"\s+", " ")
    return names


def _parse_dates(columns: _Columns, problems: list[Problem]) -> np.ndarray:
    cells, label = columns.cells["date"], columns.labels["date"]
    found = parse_dates(cells)
    if found.ambiguous:
        slashed = cells.filter(pc.fill_null(pc.match_substring_regex(cells, "[/-]"), False))
        problems.append(Problem(
            f'has dates such as "{slashed[0].as_py().strip()}" that could be day-first or '
            "month-first: write the dates as 2024-12-31 (ISO) or 31.12.2024", column=label,
            file=columns.file, code="ambiguous_dates"))
        return found.values
    problems += cell_problems(found.invalid, "is not a date (expected e.g. 2024-12-31 or "
                              "31.12.2024)", label=label, rows=columns.rows, raw=cells,
                              file=columns.file, code="not_a_date")
    problems += cell_problems(np.flatnonzero(found.blank), "is blank: an order line needs a date",
                              label=label, rows=columns.rows, raw=cells, file=columns.file,
                              code="no_date")
    return found.values


# --- tables -------------------------------------------------------------------------------------
def _frame(columns: dict, order) -> pd.DataFrame:
    """Build the DataFrame in canonical order, converting from Arrow once."""
    arrays, names = [], []
    for name in order:
        if name not in columns:
            continue
        value = columns[name]
        if isinstance(value, np.ndarray) and value.dtype.kind == "M":
            value = pa.array(value.astype("datetime64[ms]"))
        elif isinstance(value, np.ndarray):
            value = pa.array(value, type=pa.float64())
        arrays.append(value)
        names.append(name)
    mapper = {pa.string(): text_dtype(), pa.large_string(): text_dtype()}.get
    return pa.Table.from_arrays(arrays, names=names).to_pandas(types_mapper=mapper)


def _aggregate(lines: pd.DataFrame, period, file: str, warnings: list[str]):
    window = resolve_period(period, lines["date"].min(), lines["date"].max(), file=file)
    accounts, notes = aggregate_orders(lines, window, file=file)
    warnings.extend(notes)
    accounts = accounts[[n for n in NAMES if n in accounts.columns]]
    for name in accounts.columns:
        if name in TEXT_COLUMNS:
            accounts[name] = accounts[name].astype(text_dtype())
        else:
            accounts[name] = accounts[name].astype(np.float64)
    return accounts.reset_index(drop=True), window


__all__ = ["ADDED_UP", "load", "load_accounts"]
