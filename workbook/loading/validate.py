"""Problems and warnings about cell values, each naming the file, column, row and raw value."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from workbook import formatting
from workbook.errors import Problem
from workbook.i18n import _, ngettext
from workbook.loading.headers import normalise
from workbook.loading.numbers import ParsedNumbers
from workbook.loading.tables import describe_rows

#: Cell problems listed one by one per column; the rest are summed up in one more problem.
MAX_CELL_PROBLEMS = 500


def column_label(header: str, target: str) -> str:
    """Return how messages name a column: the file's header, with the canonical name if different.

    Examples
    --------
    >>> column_label("Omsetning", "revenue"), column_label("Revenue", "revenue")
    ('Omsetning (revenue)', 'Revenue')
    """
    if normalise(header).replace(" ", "_") == target:
        return header
    return f"{header} ({target})"


def cell_problems(
    positions, message: str, *, label: str, rows: np.ndarray, raw: pa.Array, file: str, code: str
) -> list[Problem]:
    """Return one problem per cell (the first ``MAX_CELL_PROBLEMS``), then one for the rest.

    Examples
    --------
    >>> raw = pa.array(["12,5 %", "10"])
    >>> [str(p) for p in cell_problems([0], "is not an amount", label="Omsetning (revenue)",
    ...                                rows=np.array([57, 58]), raw=raw, file="a.csv", code="x")]
    ['a.csv: Omsetning (revenue): "12,5 %" in row 57 is not an amount']
    """
    positions = np.asarray(positions, dtype=np.int64)
    listed = positions[:MAX_CELL_PROBLEMS]
    values = raw.take(pa.array(listed)).to_pylist() if len(listed) else []
    problems = [
        Problem(message, column=label, row=int(rows[p]), value=_shown(v), file=file, code=code)
        for p, v in zip(listed, values, strict=True)
    ]
    rest = positions[MAX_CELL_PROBLEMS:]
    if len(rest):
        problems.append(
            Problem(
                ngettext(
                    "{n} more cell has the same problem (rows {rows})",
                    "{n} more cells have the same problem (rows {rows})",
                    len(rest),
                ).format(n=formatting.number(len(rest)), rows=describe_rows(rows[rest])),
                column=label,
                file=file,
                code=code,
            )
        )
    return problems


def _shown(value) -> str:
    return "" if value is None else str(value)


def number_problems(
    parsed: ParsedNumbers,
    *,
    label: str,
    rows: np.ndarray,
    raw: pa.Array,
    file: str,
    count: bool = False,
    example: str | None = None,
) -> list[Problem]:
    """Return the problems of a number column: cells that are not numbers, mixed currencies.

    ``example`` is an amount written the way the file writes them (default: as the column does).
    """
    expected = (
        _("is not a number (expected a count such as 12)")
        if count
        else _("is not an amount (expected a number such as {example})").format(
            example=example or parsed.example
        )
    )
    problems = cell_problems(
        parsed.invalid,
        expected,
        label=label,
        rows=rows,
        raw=raw,
        file=file,
        code="not_a_number" if count else "not_an_amount",
    )
    if parsed.mixed_currencies:
        seen = "; ".join(
            _("{currency} in rows {rows}").format(
                currency=marker, rows=describe_rows(rows[positions], limit=5)
            )
            for marker, positions in parsed.currencies.items()
        )
        problems.append(
            Problem(
                _("mixes currencies ({currencies}): convert the amounts to one currency").format(
                    currencies=seen
                ),
                column=label,
                file=file,
                code="mixed_currency",
            )
        )
    if count:
        negative = np.flatnonzero(parsed.values < 0)
        problems += cell_problems(
            negative,
            _("is negative: a count cannot be below 0"),
            label=label,
            rows=rows,
            raw=raw,
            file=file,
            code="negative_count",
        )
    return problems


def blank_warning(
    blank: np.ndarray, *, label: str, rows: np.ndarray, file: str, unknown: bool = False
) -> str | None:
    """Return the warning for blank cells of a number column, or None when there are none.

    Blank cells are counted as 0, or left blank (unknown) when ``unknown``.

    Examples
    --------
    >>> blank_warning(np.array([False, True, True]), label="Omsetning (revenue)",
    ...               rows=np.array([2, 3, 4]), file="a.csv")
    'a.csv: Omsetning (revenue): 2 blank cells counted as 0 (rows 3, 4).'
    """
    where = np.flatnonzero(blank)
    if not len(where):
        return None
    n = len(where)
    if unknown:
        text = ngettext(
            "{file}: {column}: {n} blank cell left blank (unknown) (rows {rows}).",
            "{file}: {column}: {n} blank cells left blank (unknown) (rows {rows}).",
            n,
        )
    else:
        text = ngettext(
            "{file}: {column}: {n} blank cell counted as 0 (rows {rows}).",
            "{file}: {column}: {n} blank cells counted as 0 (rows {rows}).",
            n,
        )
    return text.format(
        file=file, column=label, n=formatting.number(n), rows=describe_rows(rows[where])
    )


def has_duplicates(values: pa.Array) -> bool:
    """Tell whether any non-blank value occurs twice (fast for the sorted columns exports have).

    Examples
    --------
    >>> has_duplicates(pa.array(["001", "002", None, None]))
    False
    >>> has_duplicates(pa.array(["b", "a", "b"]))
    True
    """
    valid = values.drop_null() if values.null_count else values
    if len(valid) < 2:
        return False
    head, tail = valid.slice(0, len(valid) - 1), valid.slice(1)
    if pc.all(pc.less_equal(head, tail)).as_py():  # sorted: duplicates are neighbours
        return bool(pc.any(pc.equal(head, tail)).as_py())
    return len(pc.unique(valid)) < len(valid)


def duplicate_problems(ids: pa.Array, *, label: str, rows: np.ndarray, file: str) -> list[Problem]:
    """Return one problem per account id that is on more than one row of an account list.

    Examples
    --------
    >>> found = duplicate_problems(pa.array(["7", "8", "7"]), label="Kundenr (account_id)",
    ...                            rows=np.array([2, 3, 4]), file="a.csv")
    >>> print(found[0].describe(with_file=False)[:61])
    Kundenr (account_id): "7" is on rows 2 and 4: an account list
    """
    if not has_duplicates(ids):
        return []
    series = pd.Series(ids.to_numpy(zero_copy_only=False), dtype=object)
    repeated = series.duplicated(keep=False).to_numpy()
    if not repeated.any():
        return []
    positions = pd.Series(np.flatnonzero(repeated)).groupby(series[repeated].to_numpy(), sort=False)
    problems = []
    for value, where in positions:
        listed = [int(r) for r in rows[where.to_numpy()]]
        on = (
            formatting.listing([str(r) for r in listed])
            if len(listed) <= 10
            else describe_rows(listed)
        )
        problems.append(
            Problem(
                _(
                    "is on rows {rows}: an account list has one row per account (remove or merge "
                    "the duplicates, or load order lines with a date column)"
                ).format(rows=on),
                column=label,
                value=str(value),
                file=file,
                code="duplicate_id",
            )
        )
    return problems
