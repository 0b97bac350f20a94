"""Cell values: numbers (decimal separator per column, ambiguous columns decided by the file),
text, account ids and names, and dates; every bad cell becomes a problem naming its row."""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from workbook import formatting
from workbook.errors import Problem
from workbook.i18n import N_, _, ngettext
from workbook.loading.columns import MappedColumns
from workbook.loading.dates import NUMERIC as NUMERIC_DATE
from workbook.loading.dates import parse_dates
from workbook.loading.numbers import (
    EXAMPLE,
    SPACE_FIRST,
    SPACE_LAST,
    ParsedNumbers,
    edge_bytes,
    parse_numbers,
    text_bytes,
)
from workbook.loading.tables import describe_rows
from workbook.loading.units import AMOUNTS
from workbook.loading.validate import blank_warning, number_problems
from workbook.schema import BY_NAME, NUMBER_COLUMNS

#: Number columns whose blank cells mean "unknown" rather than zero.
UNKNOWN_WHEN_BLANK = ("potential", "revenue_prev")
COUNTS = tuple(c.name for c in BY_NAME.values() if c.kind == "count")
_SEPARATOR_NAMES = {";": N_("semicolons"), ",": N_("commas"), "\t": N_("tabs"), "|": N_("pipes")}


def number_columns(
    columns: MappedColumns, delimiter: str | None, problems: list[Problem], warnings: list[str]
) -> dict[str, np.ndarray]:
    """Parse every number column; add their problems and warnings; return float64 values.

    Columns that cannot tell their decimal separator take the file's (its other number columns',
    else its separator's convention). Blank cells count as 0, except potential and revenue_prev,
    where blank means unknown (NaN); both are said in a warning naming the rows. Amounts covered
    by a unit note ("NOK 1000", see ``units``) are multiplied, and said so.
    """
    targets = [t for t in columns.cells if t in NUMBER_COLUMNS or t == "cost"]
    size = sum(len(columns.cells[t]) for t in targets)
    parsed = dict(
        zip(targets, in_parallel(lambda t: parse_column(columns, t), targets, size), strict=True)
    )
    decimal, reason = _file_decimal(parsed, delimiter)
    values = {}
    for target in targets:
        column = parsed[target]
        label = columns.labels[target]
        if column.guessed:
            if column.decimal != decimal:
                column = parse_column(columns, target, decimal_hint=decimal)
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
        numbers = column.values  # often a read-only view of Arrow's buffer: copied to change it
        unknown = target in UNKNOWN_WHEN_BLANK
        note = blank_warning(
            column.blank,
            label=label,
            rows=columns.rows,
            file=columns.file,
            unknown=unknown,
        )
        if note:
            warnings.append(note)
            if not unknown:
                numbers = np.where(column.blank, 0.0, numbers)
        scale = columns.scales.get(target) if target in AMOUNTS else None
        if scale is not None:
            numbers = numbers * scale.factor
        values[target] = numbers.astype(np.float64, copy=False)
    warnings += scale_warnings(columns, [t for t in targets if t in AMOUNTS])
    return values


def parse_column(columns: MappedColumns, target: str, decimal_hint: str | None = None):
    """Parse a number column: its text cells the locale way, a spreadsheet's real numbers as
    they are (never read again as text in the text's locale).

    Examples
    --------
    >>> columns = MappedColumns({"revenue": pa.array(["1 234,50", "1234.567", None])},
    ...                         np.array([2, 3, 4]), {"revenue": "Omsetning (revenue)"}, "k.xlsx",
    ...                         numbers={"revenue": pa.array([None, 1234.567, None], pa.float64())})
    >>> found = parse_column(columns, "revenue")
    >>> found.values.tolist(), found.blank.tolist(), found.decimal
    ([1234.5, 1234.567, nan], [False, False, True], ',')
    """
    cells = columns.cells[target]
    typed = columns.numbers.get(target)
    if typed is None:
        return parse_numbers(cells, decimal_hint=decimal_hint)
    is_number = typed.is_valid()
    text = pc.if_else(is_number, pa.scalar(None, pa.string()), cells)
    parsed = parse_numbers(text, decimal_hint=decimal_hint)
    mask = is_number.to_numpy(zero_copy_only=False)
    values = np.where(mask, typed.to_numpy(zero_copy_only=False), parsed.values)
    return dataclasses.replace(parsed, values=values, blank=parsed.blank & ~mask)


def scale_warnings(columns: MappedColumns, amounts: list[str]) -> list[str]:
    """Say which amount columns a unit note multiplied, and which it left as written."""
    scaled = [t for t in amounts if t in columns.scales]
    notes = []
    for target in scaled:
        scale = columns.scales[target]
        if scale.where == "header":
            sentence = _(
                '{file}: {column}: amounts multiplied by {factor}, as its header says ("{note}").'
            )
        else:
            sentence = _(
                "{file}: {column}: amounts multiplied by {factor}, as the line above the header "
                'says ("{note}").'
            )
        notes.append(
            sentence.format(
                file=columns.file,
                column=columns.labels[target],
                factor=formatting.number(scale.factor),
                note=scale.note,
            )
        )
    plain = [columns.labels[t] for t in amounts if t not in columns.scales]
    if scaled and plain:
        notes.append(
            _(
                "{file}: {columns}: read as written, with no unit note; other amount columns are "
                "in thousands or millions ({notes}): if these are too, write the note in their "
                "headers."
            ).format(
                file=columns.file,
                columns=formatting.listing(plain),
                notes=", ".join(sorted({f'"{columns.scales[t].note}"' for t in scaled})),
            )
        )
    return notes


def formula_problems(columns: MappedColumns) -> list[Problem]:
    """Return one problem per used cell that is a formula without a saved value."""
    message = _(
        "is a formula without a saved value (the file was saved by a program that does not "
        "calculate): open the file in Excel, let it calculate, save it and load it again"
    )
    problems = []
    for target, formulas in columns.formulas.items():
        where = np.flatnonzero(formulas.is_valid().to_numpy(zero_copy_only=False))
        problems += columns.problems_at(
            target, where, message, "formula_without_value", raw=formulas
        )
    return problems


def in_background(function, items: list, size: int) -> Callable[[], list]:
    """Start applying ``function`` to each item in a thread of its own while the caller goes on;
    return what gives the results (computed then, for fewer than 50,000 cells, ``size``).

    Examples
    --------
    >>> results = in_background(len, ["ab", "c"], size=2)
    >>> results()
    [2, 1]
    """
    if size < 50_000 or (os.cpu_count() or 1) <= 1:
        return lambda: [function(i) for i in items]
    pool = ThreadPoolExecutor(max_workers=1)
    futures = [pool.submit(function, i) for i in items]
    pool.shutdown(wait=False)
    return lambda: [future.result() for future in futures]


def in_parallel(function, items: list, size: int) -> list:
    """Apply ``function`` to each item on all cores (Arrow's kernels release the GIL); ``size``
    is the number of cells, which decides whether threads are worth it."""
    workers = min(len(items), os.cpu_count() or 1)
    if workers <= 1 or size < 50_000:
        return [function(i) for i in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(function, items))


def _file_decimal(parsed: dict[str, ParsedNumbers], delimiter: str | None) -> tuple[str, str]:
    """Return the decimal separator for ambiguous columns, and why (a clause of the warning)."""
    decided = Counter(p.decimal for p in parsed.values() if p.decimal and not p.guessed)
    if decided:
        return decided.most_common(1)[0][0], _("like the file's other number columns")
    if delimiter == ";":
        return ",", _("as usual in files separated by semicolons")
    if delimiter:
        separator = _SEPARATOR_NAMES.get(delimiter)
        return ".", _("as usual in files separated by {separators}").format(
            separators=_(separator) if separator else delimiter
        )
    return ".", _("as usual")


def _guess_warning(columns: MappedColumns, target: str, column: ParsedNumbers, reason: str) -> str:
    """Say how an ambiguous column was read, showing one of its values."""
    cells = columns.cells[target]
    with_separator = pc.fill_null(pc.match_substring_regex(cells, "[.,]"), False)
    sample = cells.filter(with_separator)
    shown = sample[0].as_py().strip() if len(sample) else ""
    return _(
        '{file}: {column}: a value such as "{value}" could use its separator for thousands or '
        'for decimals; read "{decimal}" as the decimal separator, {reason}.'
    ).format(
        file=columns.file,
        column=columns.labels[target],
        value=shown,
        decimal=column.decimal,
        reason=reason,
    )


def text_column(cells: pa.Array | pa.ChunkedArray) -> pa.Array | pa.ChunkedArray:
    """Return text cells trimmed, with blanks as nulls (numbers in Parquet become text).

    Examples
    --------
    >>> text_column(pa.chunked_array([[" Fjord AS ", ""], [None, "Berg"]])).to_pylist()
    ['Fjord AS', None, None, 'Berg']
    """
    if pa.types.is_floating(cells.type):
        numbers = cells.to_numpy(zero_copy_only=False)
        if np.all(np.isnan(numbers) | (numbers == np.round(numbers))):
            cells = pc.cast(cells, pa.int64(), safe=False)
    if not needs_tidying(cells):
        return cells  # the usual export: no cell to trim and no empty cell, so no copy
    if not pa.types.is_string(cells.type):
        cells = pc.cast(cells, pa.string())
    text = pc.utf8_trim_whitespace(cells)
    empty = pc.equal(text, "")
    if pc.any(empty).as_py():
        text = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    return text


def needs_tidying(cells: pa.Array | pa.ChunkedArray) -> bool:
    """Tell whether ``text_column`` may change a column: cells that are not text, or a cell that
    is empty or may start or end with white space, told by the first and last bytes of the
    cells (two byte lookups per cell instead of trimming every cell).

    Examples
    --------
    >>> [needs_tidying(pa.array(t)) for t in (["Ødegård AS", None], ["Kari\u00a0"], [""], [1.0])]
    [False, True, True, True]
    """
    if not pa.types.is_string(cells.type):
        return True
    chunks = cells.chunks if isinstance(cells, pa.ChunkedArray) else [cells]
    for chunk in chunks:
        first, last = edge_bytes(chunk)
        suspect = (first == 0) | SPACE_FIRST.take(first) | SPACE_LAST.take(last)
        if chunk.null_count:  # a blank cell is null, with nothing in it
            suspect &= chunk.is_valid().to_numpy(zero_copy_only=False)
        if suspect.any():
            return True
    return False


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
        no_id = np.zeros(len(ids), dtype=bool)
        if ids.null_count:
            no_id = ids.is_null().to_numpy(zero_copy_only=False) & names.is_valid().to_numpy(
                zero_copy_only=False
            )
        if no_id.any():
            blanks = int(no_id.sum())
            warnings.append(
                ngettext(
                    "{file}: {column}: {n} blank id replaced by the account name (rows {rows}).",
                    "{file}: {column}: {n} blank ids replaced by the account name (rows {rows}).",
                    blanks,
                ).format(
                    file=columns.file,
                    column=columns.labels["account_id"],
                    n=formatting.number(blanks),
                    rows=describe_rows(columns.rows[no_id]),
                )
            )
            ids = pc.coalesce(ids, _id_from_name(names))
        if names.null_count:
            names = pc.coalesce(names, ids)
    missing = np.flatnonzero(ids.is_null().to_numpy(zero_copy_only=False)) if ids.null_count else []
    if len(missing):
        target = "account" if "account" in columns.labels else "account_id"
        message = _("is blank: the row has no account name or id")
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
                _(
                    'has dates such as "{example}" that could be day-first or month-first: write '
                    "the dates as 2024-12-31 (ISO) or 31.12.2024"
                ).format(example=example),
                column=label,
                file=columns.file,
                code="ambiguous_dates",
            )
        )
        invalid = invalid[~slashed.to_numpy(zero_copy_only=False)[invalid]]
    expected = _("is not a date (expected e.g. 2024-12-31 or 31.12.2024)")
    problems += columns.problems_at("date", invalid, expected, "not_a_date")
    blank = np.flatnonzero(found.blank)
    problems += columns.problems_at(
        "date", blank, _("is blank: an order line needs a date"), "no_date"
    )
    return found.values
