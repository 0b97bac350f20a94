"""Cell values: numbers (decimal separator per column, ambiguous columns decided by the file),
text, account ids and names, and dates; every bad cell becomes a problem naming its row."""

from __future__ import annotations

import os
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbook.errors import Problem
from workbook.loading.columns import MappedColumns
from workbook.loading.dates import NUMERIC as NUMERIC_DATE
from workbook.loading.dates import parse_dates
from workbook.loading.numbers import EXAMPLE, ParsedNumbers, parse_numbers, text_bytes
from workbook.loading.tables import describe_rows
from workbook.loading.validate import blank_warning, number_problems
from workbook.schema import BY_NAME, NUMBER_COLUMNS

#: Number columns whose blank cells mean "unknown" rather than zero.
UNKNOWN_WHEN_BLANK = ("potential", "revenue_prev")
COUNTS = tuple(c.name for c in BY_NAME.values() if c.kind == "count")
_SEPARATOR_NAMES = {";": "semicolons", ",": "commas", "\t": "tabs", "|": "pipes"}


def number_columns(
    columns: MappedColumns, delimiter: str | None, problems: list[Problem], warnings: list[str]
) -> dict[str, np.ndarray]:
    """Parse every number column; add their problems and warnings; return float64 values.

    Columns that cannot tell their decimal separator take the file's (its other number columns',
    else its separator's convention). Blank cells count as 0, except potential and revenue_prev,
    where blank means unknown (NaN); both are said in a warning naming the rows.
    """
    targets = [t for t in columns.cells if t in NUMBER_COLUMNS or t == "cost"]
    parsed = dict(
        zip(targets, _in_parallel(parse_numbers, [columns.cells[t] for t in targets]), strict=True)
    )
    decimal, reason = _file_decimal(parsed, delimiter)
    values = {}
    for target in targets:
        column = parsed[target]
        label = columns.labels[target]
        if column.guessed:
            if column.decimal != decimal:
                column = parse_numbers(columns.cells[target], decimal_hint=decimal)
            warnings.append(_guess_warning(columns, target, column, reason))
        problems += number_problems(
            column,
            label=label,
            rows=columns.rows,
            raw=columns.cells[target],
            file=columns.file,
            count=target in COUNTS,
            example=EXAMPLE[column.decimal or decimal],
        )
        numbers = column.values.astype(np.float64, copy=True)
        unknown = target in UNKNOWN_WHEN_BLANK
        note = blank_warning(
            column.blank,
            label=label,
            rows=columns.rows,
            file=columns.file,
            counted_as="left blank (unknown)" if unknown else "counted as 0",
        )
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


def _guess_warning(columns: MappedColumns, target: str, column: ParsedNumbers, reason: str) -> str:
    """Say how an ambiguous column was read, showing one of its values."""
    cells = columns.cells[target]
    with_separator = pc.fill_null(pc.match_substring_regex(cells, "[.,]"), False)
    sample = cells.filter(with_separator)
    shown = sample[0].as_py().strip() if len(sample) else ""
    return (
        f'{columns.file}: {columns.labels[target]}: a value such as "{shown}" could use its '
        f'separator for thousands or for decimals; read "{column.decimal}" as the decimal '
        f"separator, {reason}."
    )


def text_column(cells: pa.Array) -> pa.Array:
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


def identify(
    texts: dict[str, pa.Array], columns: MappedColumns, problems: list[Problem], warnings: list[str]
) -> tuple[pa.Array, pa.Array]:
    """Return account ids and names, filling one from the other where the file leaves it blank."""
    ids, names = texts.get("account_id"), texts.get("account")
    if ids is None:
        ids = _id_from_name(names)
    elif names is None:
        names = ids
    else:
        no_id = ids.is_null().to_numpy(zero_copy_only=False) & names.is_valid().to_numpy(
            zero_copy_only=False
        )
        if no_id.any():
            warnings.append(
                f"{columns.file}: {columns.labels['account_id']}: {no_id.sum()} "
                f"blank id{'s' if no_id.sum() != 1 else ''} replaced by the account "
                f"name (rows {describe_rows(columns.rows[no_id])})."
            )
            ids = pc.coalesce(ids, _id_from_name(names))
        names = pc.coalesce(names, ids)
    missing = np.flatnonzero(ids.is_null().to_numpy(zero_copy_only=False))
    if len(missing):
        target = "account" if "account" in columns.labels else "account_id"
        message = "is blank: the row has no account name or id"
        problems += columns.problems_at(target, missing, message, "no_account", raw=ids)
    return ids, names


def _id_from_name(names: pa.Array) -> pa.Array:
    """Return ids made from names: runs of spaces made single (names are already trimmed)."""
    present = text_bytes(names)
    if b"  " in present or b"\t" in present or b"\n" in present:
        return pc.replace_substring_regex(names, r"\s+", " ")
    return names


def date_column(columns: MappedColumns, problems: list[Problem]) -> np.ndarray:
    """Parse the order dates; add a problem for each bad or blank date (or one for a column
    whose dates could be day-first or month-first); return ``datetime64[D]`` values."""
    cells, label = columns.cells["date"], columns.labels["date"]
    found = parse_dates(cells)
    invalid = found.invalid
    if found.ambiguous:
        slashed = pc.fill_null(pc.match_substring_regex(cells, NUMERIC_DATE), False)
        example = cells.filter(slashed)[0].as_py().strip()
        problems.append(
            Problem(
                f'has dates such as "{example}" that could be day-first or month-first: write the '
                "dates as 2024-12-31 (ISO) or 31.12.2024",
                column=label,
                file=columns.file,
                code="ambiguous_dates",
            )
        )
        invalid = invalid[~slashed.to_numpy(zero_copy_only=False)[invalid]]
    expected = "is not a date (expected e.g. 2024-12-31 or 31.12.2024)"
    problems += columns.problems_at("date", invalid, expected, "not_a_date")
    blank = np.flatnonzero(found.blank)
    problems += columns.problems_at(
        "date", blank, "is blank: an order line needs a date", "no_date"
    )
    return found.values
