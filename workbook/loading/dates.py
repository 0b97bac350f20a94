"""Order dates, parsed a whole column at a time.

Accepted, cell by cell: ISO dates (``2024-12-31``, with or without a time), ``31.12.2024`` (dots
always mean day first), ``12/31/2024`` or ``31/12/2024`` (slashes or dashes: the order is decided
for the whole column, and only when some value proves it), Excel serial numbers (days since
1899-12-30) and the datetimes of Excel cells (which arrive as ISO text). Times are dropped: the
analysis counts whole days.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_TIME = (
    r"(?:[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?(?: ?[AaPp][Mm])?"
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?"
)
ISO = rf"^(?P<y>[0-9]{{4}})[-/.](?P<m>[0-9]{{1,2}})[-/.](?P<d>[0-9]{{1,2}}){_TIME}$"
NUMERIC = (
    rf"^(?P<a>[0-9]{{1,2}})(?P<sep>[./-])(?P<b>[0-9]{{1,2}})[./-](?P<y>[0-9]{{4}})"
    rf"{_TIME}$"
)
SERIAL = r"^[0-9]{4,5}(?:\.[0-9]+)?$"
EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
SERIAL_RANGE = (3_000, 100_000)  # 1908 to 2173: anything else is not a date


@dataclass(frozen=True)
class ParsedDates:
    """One column read as dates (``datetime64[D]``, NaT where blank or unreadable).

    ``invalid`` holds the positions of cells that are not dates; ``ambiguous`` is True when the
    column writes dates like ``01/02/2024`` and no value tells day-first from month-first.
    ``order`` is ``"day first"``, ``"month first"`` or None.
    """

    values: np.ndarray
    blank: np.ndarray
    invalid: np.ndarray
    ambiguous: bool = False
    order: str | None = None


def parse_dates(values) -> ParsedDates:
    """Parse a column of dates.

    Parameters
    ----------
    values : pyarrow.Array or list
        The cells (text, timestamps or dates).

    Returns
    -------
    ParsedDates

    Examples
    --------
    >>> found = parse_dates(["2024-12-31", "31.12.2024", "2024-12-31T10:15:00", "45657", None])
    >>> [str(d) for d in found.values]
    ['2024-12-31', '2024-12-31', '2024-12-31', '2024-12-31', 'NaT']
    >>> parse_dates(["12/31/2024", "01/02/2025"]).order
    'month first'
    >>> parse_dates(["01/02/2025", "03/04/2025"]).ambiguous
    True
    >>> parse_dates(["31.02.2024", "soon"]).invalid.tolist()
    [0, 1]
    """
    array = values if isinstance(values, pa.Array) else pa.array(values, type=pa.string())
    if pa.types.is_timestamp(array.type) or pa.types.is_date(array.type):
        days = pc.cast(pc.cast(array, pa.timestamp("s")), pa.date32())
        found = days.to_numpy(zero_copy_only=False).astype("datetime64[D]")
        return ParsedDates(found, np.isnat(found), np.array([], dtype=np.int64))
    if not pa.types.is_string(array.type):
        array = pc.cast(array, pa.string())
    text = pc.utf8_trim_whitespace(array)
    blank = pc.fill_null(pc.equal(text, ""), True).to_numpy(zero_copy_only=False)
    result = np.full(len(text), np.datetime64("NaT"), dtype="datetime64[D]")

    iso = pc.extract_regex(text, ISO)
    _fill(result, iso, "y", "m", "d")

    numeric = pc.extract_regex(text, NUMERIC)
    order, ambiguous = _numeric_order(numeric)
    if order == "month first":
        _fill(result, numeric, "y", "a", "b")
    elif order == "day first":
        _fill(result, numeric, "y", "b", "a")
    dotted = pc.fill_null(pc.equal(pc.struct_field(numeric, "sep"), "."), False)
    _fill(result, pc.if_else(dotted, numeric, pa.scalar(None, numeric.type)), "y", "b", "a")

    serial = pc.fill_null(pc.match_substring_regex(text, SERIAL), False).to_numpy(
        zero_copy_only=False
    )
    if serial.any():
        days = pc.cast(
            pc.if_else(pa.array(serial), text, pa.scalar(None, pa.string())), pa.float64()
        ).to_numpy(zero_copy_only=False)
        usable = serial & (days >= SERIAL_RANGE[0]) & (days <= SERIAL_RANGE[1]) & np.isnat(result)
        result[usable] = EXCEL_EPOCH + np.floor(days[usable]).astype("timedelta64[D]")

    invalid = np.flatnonzero(np.isnat(result) & ~blank)
    return ParsedDates(result, blank, invalid, ambiguous, order)


def _numeric_order(parts: pa.StructArray) -> tuple[str | None, bool]:
    """Decide day-first or month-first for dates written with slashes or dashes."""
    slashed = pc.fill_null(pc.not_equal(pc.struct_field(parts, "sep"), "."), False)
    if not pc.any(slashed).as_py():
        return None, False
    chosen = parts.filter(slashed)
    first = pc.cast(pc.struct_field(chosen, "a"), pa.int32()).to_numpy(zero_copy_only=False)
    second = pc.cast(pc.struct_field(chosen, "b"), pa.int32()).to_numpy(zero_copy_only=False)
    day_first, month_first = bool((first > 12).any()), bool((second > 12).any())
    if day_first and not month_first:
        return "day first", False
    if month_first and not day_first:
        return "month first", False
    return None, not (day_first or month_first)  # both proven: the cells that do not fit fail


def _fill(result: np.ndarray, parts, year: str, month: str, day: str) -> None:
    """Write the valid dates of ``parts`` into ``result`` where it is still empty."""
    valid = parts.is_valid().to_numpy(zero_copy_only=False) & np.isnat(result)
    if not valid.any():
        return

    def numbers(name: str) -> np.ndarray:
        field = pc.fill_null(pc.struct_field(parts, name), "0")
        return pc.cast(field, pa.int64()).to_numpy(zero_copy_only=False)

    y, m, d = numbers(year), numbers(month), numbers(day)
    real = valid & (m >= 1) & (m <= 12) & (d >= 1) & (y >= 1900) & (y <= 2200)
    months = ((y - 1970) * 12 + (m - 1)).astype("timedelta64[M]") + np.datetime64("1970-01", "M")
    first = months.astype("datetime64[D]")
    length = ((months + 1).astype("datetime64[D]") - first).astype(int)
    real &= d <= length
    result[real] = first[real] + (d[real] - 1).astype("timedelta64[D]")
