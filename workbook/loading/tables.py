"""Reading a file into a raw table: its headers, one Arrow column per header, and the spreadsheet
row of every record (spreadsheets are read by ``sheets``).

Delimited text is read by pyarrow with every cell as text (fast, and the loader decides what each
column holds); the header row is found first (a title block above it is skipped) and footer lines
are cut off the bytes. Row numbers are the rows a person sees in a spreadsheet: the header is where
it is in the sheet, a quoted field with newlines is one row and blank lines count. They come from
the record index when every line is one record, from the positions of blank lines when only those
are in the way, and otherwise from an exact scan with Python's ``csv`` module, which also finds
rows with more fields than the header. Parquet goes through pyarrow.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from workbook import formatting
from workbook.errors import AccountDataError, Problem
from workbook.i18n import _
from workbook.loading.dialect import Dialect, detect_dialect
from workbook.loading.encoding import is_utf8, to_utf8, utf8_start
from workbook.loading.footers import MAX_FOOTER_LINES, footer_length
from workbook.loading.headers import find_header_row, match_header
from workbook.loading.source import Source
from workbook.loading.units import Scale, column_scales

SAMPLE_BYTES = 64 * 1024
SEP_LINE = re.compile(r"^sep=([,;\t|])\r?\n")
HEADER_SCAN_RECORDS = 30
#: A plain number; one whose point must be a decimal point (not a thousands separator, as in
#: "1.234"): four or more digits before it, or other than three after it.
PLAIN_NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
DECIMAL_POINT = re.compile(r"^-?(?:\d{4,}\.\d+|\d{1,3}\.(?:\d{1,2}|\d{4,}))$")
TEXT_TARGETS = {"account_id", "account", "owner", "segment", "region", "date"}
#: Counts that are whole numbers; read as such while reading when the sample says so.
WHOLE_COUNTS = {"visits", "service_requests"}
WHOLE_NUMBER = re.compile(r"^-?\d{1,15}$")
MAX_LISTED_ROWS = 10
#: pyarrow's block; a file with a longer record is read again in one block.
BLOCK_BYTES = 1 << 22


@dataclass
class RawTable:
    """A file as read: headers as in the file, one Arrow column each (an Array, or a ChunkedArray
    as pyarrow's reader gives it), and the row of each record.

    A spreadsheet also gives, by column position, its real number cells (``numbers``: float64,
    null where the cell is text or blank) and its formulas that have no saved value
    (``formulas``: the formula, null elsewhere); ``scales`` are the unit notes ("NOK 1000") that
    cover a column.
    """

    headers: list[str]
    columns: list[pa.Array | pa.ChunkedArray]
    rows: np.ndarray
    dropped: list[dict] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    delimiter: str | None = None
    letters: bool = True  # positions are spreadsheet columns (A, B, ...)
    numbers: dict[int, pa.Array] = field(default_factory=dict)
    formulas: dict[int, pa.Array] = field(default_factory=dict)
    scales: dict[int, Scale] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    @property
    def num_rows(self) -> int:
        return len(self.rows)


def read_table(
    source: Source, *, sheet: str | None = None, mapping: dict[str, str] | None = None
) -> RawTable:
    """Read a source into a :class:`RawTable` (CSV/TSV/TXT, a spreadsheet or Parquet).

    Parameters
    ----------
    source : Source
        The bytes, display name and format (see ``source.read_source``).
    sheet : str, optional
        The Excel sheet to read (default: the first).
    mapping : dict, optional
        The person's column mapping; its headers help find the header row.

    Returns
    -------
    RawTable

    Examples
    --------
    >>> from workbook.loading.source import read_source
    >>> text = b"Report\\n\\nAccount;Revenue\\nAcme;1 234,50\\n"
    >>> table = read_table(read_source(("a.csv", text)))
    >>> table.headers, table.columns[1].to_pylist(), table.rows.tolist()
    (['Account', 'Revenue'], ['1 234,50'], [4])
    """
    if not source.data:
        raise AccountDataError(Problem(_("is empty (0 bytes)"), file=source.name, code="empty"))
    if source.is_spreadsheet:
        from workbook.loading.sheets import read_spreadsheet  # it reads into a RawTable too

        return read_spreadsheet(source, sheet=sheet, mapping=mapping)
    if source.format == "parquet":
        return read_parquet(source)
    return read_delimited(source, mapping=mapping)


# --- delimited text -----------------------------------------------------------------------------
def read_delimited(source: Source, *, mapping: dict[str, str] | None = None) -> RawTable:
    """Read CSV, TSV or TXT: detect encoding and separator, find the header, cut the footer.

    Text that starts as UTF-8 is checked by the reader as it reads (see ``utf8_start``); should
    its bytes turn out not to be UTF-8 after all, the file is read again from its code page.
    """
    data, checked = utf8_start(source.data, file=source.name)
    try:
        return _read_delimited(source, data, checked, mapping)
    except _NotUtf8:
        return _read_delimited(source, to_utf8(source.data, file=source.name)[0], True, mapping)


class _NotUtf8(Exception):
    """Text read as UTF-8 has bytes that are not."""


def _read_delimited(
    source: Source, data: bytes, checked: bool, mapping: dict[str, str] | None
) -> RawTable:
    if b"\n" not in data and b"\r" in data:
        data = data.replace(b"\r", b"\n")  # classic Mac line ends
    if not _has_text(data):
        raise AccountDataError(
            Problem(
                _("has only blank lines: there is no header and no data"),
                file=source.name,
                code="empty",
            )
        )
    sample = data[:SAMPLE_BYTES].decode("utf-8", errors="replace")
    if len(data) > SAMPLE_BYTES:
        sample = sample[: sample.rfind("\n") + 1] or sample
    hint = SEP_LINE.match(sample)  # Excel's "sep=;" first line names the separator
    dialect = (
        Dialect(hint.group(1))
        if hint
        else detect_dialect(sample, suffix=Path(source.name).suffix.lower())
    )
    records, lines_after = _first_records(sample, dialect)
    skip = 1 if hint else 0
    if len(records) <= skip or not any(any(c.strip() for c in r) for r in records[skip:]):
        raise AccountDataError(
            Problem(
                _("has no header and no data after its separator line"),
                file=source.name,
                code="empty",
            ),
            file=source.name,
        )
    header_index = skip + find_header_row(records[skip:] or [[]], mapping)
    headers = [str(c).strip() for c in records[header_index]]
    header_row = header_index + 1
    start = _offset_after_lines(data, lines_after[header_index])
    end, footer = _cut_footer(data, start, dialect)
    if not checked and not (is_utf8(data[:start]) and is_utf8(data[end:])):
        raise _NotUtf8
    body = memoryview(data)[start:end]  # not a copy: the body of a big file is most of it
    quoted = data.find(dialect.quotechar.encode(), start, end) >= 0
    typed = _decimal_columns(records[header_index + 1 :], headers, mapping)

    table, rows = None, None
    if _has_text(data, start, end):
        # First the quick way: numbers parsed while reading, and blank lines kept, so that a
        # file without any (the usual case) is read in one pass with each line one record.
        table = _fast_read(body, headers, dialect, quoted, typed, keep_blank_lines=True)
        if table is not None and _all_finite(table, typed):
            rows = _fast_rows(data, start, end, table.num_rows, header_row, quoted, blank=False)
        else:  # blank lines, "nan", or a number to read the locale way: every cell as text
            table = _fast_read(body, headers, dialect, quoted, {}, keep_blank_lines=False)
            if table is not None:
                rows = _fast_rows(data, start, end, table.num_rows, header_row, quoted)
    if rows is not None:
        # As read, in chunks (each text cell checked as UTF-8 by the reader): the loader makes
        # contiguous only the columns it parses.
        raw = RawTable(headers, list(table.columns), rows, delimiter=dialect.delimiter)
    else:
        text = bytes(body)
        if not checked and not is_utf8(text):
            raise _NotUtf8
        raw = _exact_read(text, headers, header_row, dialect, source.name)
    _add_footer(raw, footer, header_row)
    raw.scales = column_scales(headers, records[:header_index])
    return raw


def _has_text(data: bytes, start: int = 0, end: int | None = None) -> bool:
    """Tell whether ``data[start:end]`` holds anything but whitespace (copying little of it)."""
    end = len(data) if end is None else end
    return bool(data[start : min(start + 4096, end)].strip()) or bool(data[start:end].strip())


def _reader(text: str, dialect: Dialect):
    # A field may be as long as the text (the csv module's default stops at 128 KB); the limit
    # is per process, and only ever raised.
    if len(text) >= csv.field_size_limit():
        csv.field_size_limit(len(text) + 1)
    return csv.reader(
        io.StringIO(text, newline=""),
        delimiter=dialect.delimiter,
        quotechar=dialect.quotechar,
        doublequote=True,
        strict=False,
    )


def _first_records(sample: str, dialect: Dialect) -> tuple[list[list[str]], list[int]]:
    """Return the first records of the sample and, for each, the lines read up to its end."""
    reader = _reader(sample, dialect)
    records, lines_after = [], []
    try:
        for record in reader:
            records.append(record)
            lines_after.append(reader.line_num)
            if len(records) >= HEADER_SCAN_RECORDS:
                break
    except csv.Error:
        pass  # a record cut by the end of the sample; the ones before it are enough
    return records or [[]], lines_after or [0]


def _offset_after_lines(data: bytes, lines: int) -> int:
    offset = 0
    for _line in range(lines):
        found = data.find(b"\n", offset)
        if found < 0:
            return len(data)
        offset = found + 1
    return offset


def _cut_footer(data: bytes, start: int, dialect: Dialect) -> tuple[int, list[tuple[int, str]]]:
    """Return where the data ends before its footer, and (line in footer, reason) for the footer."""
    end = len(data)
    positions = []  # starts of the last lines, newest first
    cursor = end
    if data.endswith(b"\n"):
        cursor -= 1
    while cursor > start and len(positions) < MAX_FOOTER_LINES + 1:
        begin = data.rfind(b"\n", start, cursor) + 1
        begin = max(begin, start)
        positions.append((begin, cursor))
        cursor = begin - 1
    positions.reverse()
    lines = []
    for begin, stop in positions:
        text = data[begin:stop].decode("utf-8", errors="replace").rstrip("\r")
        lines.append(next(_reader(text, dialect), []) if text.strip() else [])
    count, reasons = footer_length(lines)
    if not count:
        return end, []
    first = len(lines) - count
    return positions[first][0], [(i - first, reason) for i, reason in reasons]


def _add_footer(raw: RawTable, footer: list[tuple[int, str]], header_row: int) -> None:
    last = int(raw.rows[-1]) if raw.num_rows else header_row
    raw.dropped.extend({"row": last + 1 + k, "reason": reason} for k, reason in footer)


def _decimal_columns(
    sample: list[list[str]], headers: list[str], mapping: dict[str, str] | None
) -> dict[int, pa.DataType]:
    """Return the columns the reader may parse as numbers itself, and as what: in the sample,
    every cell is a plain number and one has a point that can only be a decimal point (float64);
    or the column is a count (visits, service requests) and every cell a whole number (int64).

    Parsing them while reading saves making text of them and parsing that; every other number
    column goes the locale way. A column whose header (or mapping) names text is never parsed.
    """
    mapped = {h: target for h, target in (mapping or {}).items()}
    typed = {}
    for i, header in enumerate(headers):
        match = match_header(header)
        target = mapped.get(header, match.target if match is not None else None)
        if target in TEXT_TARGETS:
            continue
        cells = [row[i].strip() for row in sample if i < len(row) and row[i].strip()]
        if not cells or not all(PLAIN_NUMBER.match(c) for c in cells):
            continue
        if any(DECIMAL_POINT.match(c) for c in cells):
            typed[i] = pa.float64()
        elif target in WHOLE_COUNTS and all(WHOLE_NUMBER.match(c) for c in cells):
            typed[i] = pa.int64()
    return typed


def _all_finite(table: pa.Table, typed: dict[int, pa.DataType]) -> bool:
    """Tell whether the parsed columns hold only numbers ("nan" and "inf" are not amounts)."""
    return all(
        pc.all(pc.is_finite(table.column(i))).as_py() in (True, None)
        for i, kind in sorted(typed.items())
        if pa.types.is_floating(kind)
    )


def _fast_read(
    body: memoryview,
    headers: list[str],
    dialect: Dialect,
    quoted: bool,
    typed: dict[int, pa.DataType],
    *,
    keep_blank_lines: bool,
) -> pa.Table | None:
    """Read with pyarrow, every cell as text but the ``typed`` columns as numbers.

    None when some row does not fit the header (with ``keep_blank_lines``, a blank line is such
    a row) or a typed column has a cell that is not a plain number.
    """
    names = [f"c{i}" for i in range(len(headers))]
    types = {name: typed.get(i, pa.string()) for i, name in enumerate(names)}
    block = BLOCK_BYTES
    while True:
        try:
            return _arrow_read(body, names, types, dialect, quoted, keep_blank_lines, block)
        except pa.ArrowInvalid as err:
            # A record longer than a block (a notes field of a few hundred KB): read in one block.
            if "straddl" not in str(err) or block > len(body):
                return None  # the exact reader says which row does not fit
            block = len(body) + 1
        except pa.ArrowNotImplementedError:
            return None


def _arrow_read(body, names, types, dialect, quoted, keep_blank_lines, block) -> pa.Table:
    return pacsv.read_csv(
        pa.BufferReader(pa.py_buffer(body)),
        read_options=pacsv.ReadOptions(column_names=names, block_size=block),
        parse_options=pacsv.ParseOptions(
            delimiter=dialect.delimiter,
            quote_char=dialect.quotechar,
            double_quote=True,
            newlines_in_values=quoted,
            ignore_empty_lines=not keep_blank_lines,
        ),
        convert_options=pacsv.ConvertOptions(
            column_types=types,
            strings_can_be_null=True,
            quoted_strings_can_be_null=True,
            null_values=[""],
        ),
    )


def _fast_rows(
    data: bytes,
    start: int,
    end: int,
    records: int,
    header_row: int,
    quoted: bool,
    *,
    blank: bool = True,
) -> np.ndarray | None:
    """Return each record's spreadsheet row (the body is ``data[start:end]``) without a Python
    scan, when the lines allow it; ``blank=False`` says the body has no blank line."""
    if not quoted and not blank:
        return header_row + 1 + np.arange(records, dtype=np.int64)
    if quoted:  # a quoted field may span lines: count them, and scan exactly when they differ
        lines = data.count(b"\n", start, end) + (0 if data.endswith(b"\n", start, end) else 1)
        return header_row + 1 + np.arange(records, dtype=np.int64) if lines == records else None
    # Only blank lines are in the way: find them from the positions of the line ends.
    text_bytes = np.frombuffer(data, dtype=np.uint8, count=end - start, offset=start)
    ends = np.flatnonzero(text_bytes == 10)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [end - start]))
    if stops[-1] == starts[-1]:
        starts, stops = starts[:-1], stops[:-1]
    length = stops - starts
    cr = (length == 1) & (text_bytes[np.minimum(starts, end - start - 1)] == 13)
    filled = np.flatnonzero((length > 0) & ~cr)
    if len(filled) != records:
        return None
    return header_row + 1 + filled.astype(np.int64)


def _exact_read(
    body: bytes, headers: list[str], header_row: int, dialect: Dialect, file: str
) -> RawTable:
    """Read record by record with Python's csv module: exact rows, and rows too long caught."""
    width = len(headers)
    cells: list[list[str | None]] = [[] for _column in range(width)]
    rows: list[int] = []
    problems: list[Problem] = []
    too_many = _(
        "has {n} fields but the header has {width}: a separator inside an unquoted value? "
        "(extra: {extra})"
    )
    text = body.decode("utf-8", errors="replace")
    for index, record in enumerate(_reader(text, dialect)):
        if not any(c.strip() for c in record):
            continue
        row = header_row + 1 + index
        extra = [c for c in record[width:] if c.strip()]
        if extra:
            problems.append(
                Problem(
                    too_many.format(
                        n=len(record), width=width, extra=", ".join(repr(c) for c in extra[:3])
                    ),
                    row=row,
                    file=file,
                    code="too_many_fields",
                )
            )
            continue
        record = record[:width] + [""] * (width - len(record))
        for column, value in zip(cells, record, strict=True):
            column.append(value if value != "" else None)
        rows.append(row)
    columns = [pa.array(values, type=pa.string()) for values in cells]
    return RawTable(
        headers,
        columns,
        np.asarray(rows, dtype=np.int64),
        problems=problems,
        delimiter=dialect.delimiter,
    )


# --- Parquet ----------------------------------------------------------------------------------
def read_parquet(source: Source) -> RawTable:
    """Read a Parquet file; its columns keep their types (numbers, dates, text)."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(pa.BufferReader(source.data))
    except Exception as err:  # damaged or not Parquet at all
        raise AccountDataError(
            Problem(
                _("cannot be read as a Parquet file ({error})").format(
                    error=f"{type(err).__name__}: {err}"
                ),
                file=source.name,
                code="unreadable",
            )
        ) from None
    columns = []
    for column in table.columns:
        array = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
        if pa.types.is_dictionary(array.type):
            array = array.dictionary_decode()
        columns.append(array)
    rows = 2 + np.arange(table.num_rows, dtype=np.int64)
    headers = [str(n) for n in table.column_names]
    return RawTable(headers, columns, rows, letters=False, scales=column_scales(headers, []))


def describe_rows(rows, limit: int = MAX_LISTED_ROWS) -> str:
    """Return rows as "5, 9, 12" with at most ``limit`` listed, then "and N more".

    Examples
    --------
    >>> describe_rows([5, 9, 12])
    '5, 9, 12'
    >>> describe_rows(range(2, 20), limit=3)
    '2, 3, 4 and 15 more'
    """
    rows = [int(r) for r in rows]
    text = ", ".join(str(r) for r in rows[:limit])
    if len(rows) <= limit:
        return text
    return _("{rows} and {n} more").format(rows=text, n=formatting.number(len(rows) - limit))


__all__ = ["RawTable", "describe_rows", "read_table"]
