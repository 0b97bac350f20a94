"""Numbers as people write them, parsed a whole column at a time with pyarrow.compute.

A column is first cast straight to float64 (the fast path: ``1234.5``, ``-3``, ``1e5``). Only a
column that does not cast goes the locale way. Each cell is checked against two strict patterns,
one per convention (decimal comma: ``1 234,50``, ``1.234,50``; decimal point: ``1,234.50``,
``1'234.50``; grouping by ``.``/``,``, spaces of any kind or apostrophes, in groups of three). A
cell that fits only one convention is evidence for it: ``1,5``, ``1.234,50``, ``1 234,567``,
``1234,5``, ``0,123``. The column takes the convention most of its evidence points to; cells that
do not fit it are not amounts. A column whose cells fit both (``1,234`` or ``1.234`` only) is
ambiguous: the caller's hint decides (``decimal_hint``) and the result says it was guessed.

Cells that fit neither pattern may carry currency markers, brackets or a trailing minus: one
regular expression splits those off (``kr 1 234,50``, ``(1 234,50)``, ``1 234,50-``, ``$1,234.50``)
before the same checks run on the digits. Excel's accounting format writes zero as ``-``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

_SPACE = r"[ \x{a0}\x{202f}\x{2009}]"  # plain, no-break, narrow no-break and thin spaces
_APOSTROPHE = "['’]"
GROUPING_CHARS = (" ", "\u00a0", "\u202f", "\u2009", "'", "’")
_BODY = r"[.,]?[0-9](?:[0-9.,'’ \x{a0}\x{202f}\x{2009}]*[0-9])?"
_SP = r"[\s\x{a0}\x{202f}\x{2009}]*"
_CURRENCY = (
    r"(?i:us\$|kr\.?|nok|sek|dkk|isk|eur|usd|gbp|chf|cad|aud|jpy|sfr\.?|fr\.|"
    r"[$€£¥])"
)
FULL = (
    rf"^(?P<open>\()?{_SP}(?P<cur1>{_CURRENCY})?{_SP}(?P<sign1>[-+–])?{_SP}"
    rf"(?P<cur2>{_CURRENCY})?{_SP}(?P<body>{_BODY})(?P<dash>[.,]-)?(?P<exp>[eE][-+]?[0-9]+)?"
    rf"{_SP}(?P<sign2>-)?{_SP}(?P<cur3>{_CURRENCY})?{_SP}(?P<close>\))?$"
)
DASH_ZERO = rf"^(?:{_CURRENCY})?{_SP}[-–]{_SP}(?:{_CURRENCY})?$"
#: A straight-cast cell that may be a thousands separator after all: "1.234", "12.500".
_POINT_GROUPED = r"^[-+]?[1-9][0-9]{0,2}\.[0-9]{3}$"
SAMPLE_CELLS = 20_000  # cells whose evidence usually decides a column's decimal separator
CAST_SAMPLE_CELLS = 1_000
#: Currency markers and the currencies each can mean; a column may not mix incompatible ones.
_MEANS = {
    "kr": {"NOK", "SEK", "DKK", "ISK"},
    "$": {"USD", "CAD", "AUD"},
    "us$": {"USD"},
    "€": {"EUR"},
    "£": {"GBP"},
    "¥": {"JPY"},
    "fr": {"CHF"},
    "sfr": {"CHF"},
}
EXAMPLE = {",": "1 234,50", ".": "1,234.50", None: "1234.50"}


def strict_pattern(decimal: str) -> str:
    """Return the pattern of a number (optional sign) written with ``decimal`` as decimal mark.

    Examples
    --------
    >>> cells = pa.array(["1 234,50", "1.234", "1,5", "1.5"])
    >>> pc.match_substring_regex(cells, strict_pattern(",")).to_pylist()
    [True, True, True, False]
    """
    other = r"\." if decimal == "," else ","
    point = "," if decimal == "," else r"\."
    grouped = "|".join(rf"[1-9][0-9]{{0,2}}(?:{g}[0-9]{{3}})+" for g in (other, _SPACE))
    # An apostrophe is never a decimal mark: Babel's de_CH even writes "1000000'000".
    grouped += rf"|[1-9][0-9]*(?:{_APOSTROPHE}[0-9]{{3}})+"
    return rf"^[-+]?(?:(?:{grouped}|[0-9]+)(?:{point}[0-9]*)?|{point}[0-9]+)$"


STRICT = {",": strict_pattern(","), ".": strict_pattern(".")}
#: The same patterns for a column's cells joined by line ends, matched at once.
_JOINED = {d: rf"^(?:{p[1:-1]}\n)*(?:{p[1:-1]})$" for d, p in STRICT.items()}


@dataclass(frozen=True)
class ParsedNumbers:
    """One column read as numbers.

    ``values`` is NaN where a cell is blank or not a number; ``invalid`` holds the positions of
    the cells that are not numbers; ``decimal`` is the decimal separator decided for the column
    (None when no cell has one) and ``guessed`` says the column alone could not tell.
    ``currencies`` maps each currency marker seen to the positions of its cells.
    """

    values: np.ndarray
    blank: np.ndarray
    invalid: np.ndarray
    decimal: str | None = None
    guessed: bool = False
    currencies: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def mixed_currencies(self) -> bool:
        """Tell whether the column names currencies that cannot all be the same one."""
        if len(self.currencies) < 2:
            return False
        meanings = [_MEANS.get(c, {c.upper()}) for c in self.currencies]
        return not set.intersection(*meanings)

    @property
    def example(self) -> str:
        """An amount written the way this column writes them, for messages."""
        return EXAMPLE[self.decimal]


def parse_numbers(values, *, decimal_hint: str | None = None) -> ParsedNumbers:
    """Parse a column of numbers written in any common locale.

    Parameters
    ----------
    values : pyarrow.Array or list
        The cells (text, or already numbers).
    decimal_hint : {",", ".", None}, default None
        The decimal separator to assume when the column itself cannot tell (``"."`` when None).

    Returns
    -------
    ParsedNumbers

    Examples
    --------
    >>> parse_numbers(["kr 1 234,50", "(1 234,50)", "1 234,50-", "−7", None]).values.tolist()
    [1234.5, -1234.5, -1234.5, -7.0, nan]
    >>> parse_numbers(["$1,234.50", "1'234.50", "NOK 1.234,50"]).invalid.tolist()
    [2]
    >>> found = parse_numbers(["1,234", "2,500"], decimal_hint=",")
    >>> found.values.tolist(), found.guessed
    ([1.234, 2.5], True)
    >>> parse_numbers(["12,5 %", "ca. 500 000", "N/A", "9", "1,,0"]).invalid.tolist()
    [0, 1, 2, 4]
    """
    if isinstance(values, pa.Array | pa.ChunkedArray):
        array = values
    else:
        array = pa.array(values, type=pa.string())
    if (
        pa.types.is_integer(array.type)
        or pa.types.is_floating(array.type)
        or pa.types.is_decimal(array.type)
    ):
        numbers = pc.cast(array, pa.float64()).to_numpy(zero_copy_only=False)  # chunks joined
        blank = np.isnan(numbers)
        return ParsedNumbers(numbers, blank, np.flatnonzero(~blank & ~np.isfinite(numbers)))
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    if not pa.types.is_string(array.type):
        array = pc.cast(array, pa.string())
    straight = _straight(array, decimal_hint)
    if straight is not None:
        return straight
    conventional = _conventional(array, decimal_hint)
    if conventional is not None:
        return conventional
    text = pc.utf8_trim_whitespace(array)
    empty = pc.fill_null(pc.equal(text, ""), True)
    blank = empty.to_numpy(zero_copy_only=False)
    if pc.any(pc.and_(empty, text.is_valid())).as_py():
        text = pc.if_else(empty, pa.scalar(None, pa.string()), text)
    return _localised(text, blank, decimal_hint)


def _straight(text: pa.Array, hint: str | None) -> ParsedNumbers | None:
    """Cast the column as it is; None when some cell needs the locale way."""
    sample = text.slice(0, CAST_SAMPLE_CELLS)
    try:  # a failed cast of a whole column is slow: let a sample say whether it is worth it
        pc.cast(sample, pa.float64())
        numbers = pc.cast(text, pa.float64()).to_numpy(zero_copy_only=False)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    blank = text.is_null().to_numpy(zero_copy_only=False)
    invalid = np.flatnonzero(~blank & ~np.isfinite(numbers))  # "nan", "inf" are not amounts
    if b"." not in text_bytes(text):
        return ParsedNumbers(numbers, blank, invalid)
    if not _grouping_possible(numbers):  # most real columns end here, before any text is searched
        return ParsedNumbers(numbers, blank, invalid, ".")
    pointed = pc.fill_null(pc.match_substring(text, "."), False).to_numpy(zero_copy_only=False)
    if _maybe_grouped(text, numbers, pointed):
        if hint == ",":
            return None  # read "1.234" as a thousand, like the rest of the file
        return ParsedNumbers(numbers, blank, invalid, ".", guessed=True)
    return ParsedNumbers(numbers, blank, invalid, ".")


def _conventional(text: pa.Array, hint: str | None) -> ParsedNumbers | None:
    """Parse a large column whose every cell is a plain amount of one convention (``1 234,50``,
    the usual export) without trimming or splitting its cells; None for any other column.

    The first cells decide the convention; then one match of the pattern over all cells joined
    by line ends (far quicker than a match per cell) says whether every cell is written so, and
    the same joined text becomes the numbers (``strict_numbers``).
    """
    if len(text) <= SAMPLE_CELLS:
        return None  # a small column costs little the full way
    # A few cells are enough: the decision stands only if every cell fits it, and then the
    # full way decides the same (no cell is evidence against it, the sample's cells for it).
    sample = text.slice(0, CAST_SAMPLE_CELLS)
    empty = sample.is_null().to_numpy(zero_copy_only=False)
    comma, point = _fits(sample, ",") & ~empty, _fits(sample, ".") & ~empty
    decimal, guessed = _decide(sample, comma, point, hint)
    if decimal is None or guessed:
        return None
    fitting = _every_cell_fits(text, decimal)
    if fitting is None:
        return None
    try:
        values = strict_numbers(*fitting, decimal)
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    blank = text.is_null().to_numpy(zero_copy_only=False)
    if text.null_count:
        numbers = np.full(len(text), np.nan)
        numbers[~blank] = values
    else:
        numbers = values
    return ParsedNumbers(numbers, blank, np.flatnonzero(~blank & ~np.isfinite(numbers)), decimal)


def _joined(cells: pa.Array) -> pa.Array:
    """Return the cells (none of them null) joined by line ends, as an array of one string."""
    whole = pa.ListArray.from_arrays(pa.array([0, len(cells)], pa.int32()), cells)
    return pc.binary_join(whole, "\n")


def _every_cell_fits(text: pa.Array, decimal: str) -> tuple[pa.Array, pa.Array] | None:
    """Return the cells that are not blank and their joined text (``_joined``) when every one
    fits the strict pattern of ``decimal``; None otherwise (or when all are blank).

    Examples
    --------
    >>> _every_cell_fits(pa.array(["1 234,50", None, "-7", ",5"]), ",")[0].to_pylist()
    ['1 234,50', '-7', ',5']
    >>> _every_cell_fits(pa.array(["1 234,50", "12,5 %"]), ",") is None
    True
    """
    cells = text.drop_null() if text.null_count else text
    if not len(cells):
        return None
    joined = _joined(cells)
    if not pc.match_substring_regex(joined, _JOINED[decimal])[0].as_py():
        return None
    return cells, joined


def _translation(decimal: str) -> tuple[bytes, bytes]:
    """Return the byte table and the bytes to delete that make a strict cell plain digits:
    the decimal mark a point, a plus a leading zero, every grouping byte gone."""
    table = bytearray(range(256))
    table[ord(decimal)] = ord(".")
    table[ord("+")] = ord("0")
    other = "." if decimal == "," else ","
    return bytes(table), bytes(range(0x80, 0x100)) + f" '{other}".encode()


_TRANSLATION = {d: _translation(d) for d in (",", ".")}


def strict_numbers(cells: pa.Array, joined: pa.Array, decimal: str) -> np.ndarray:
    """Return the values of cells that all fit ``STRICT[decimal]`` (none null), made from the
    cells joined by line ends (``_joined``) in a few passes over the joined bytes.

    Such a cell holds only digits, a leading sign, the decimal mark and grouping characters (the
    other mark, spaces of any kind, apostrophes; every byte of a character of several bytes is
    beyond ASCII). One translation drops the grouping bytes and makes the decimal mark a point
    and a plus a leading zero; each line end, where the next cell starts, becomes a leading zero
    too ("-5" after a line end becomes "-05"), so the cells lie end to end and are cast to
    numbers at once. Leading zeros do not change a number.

    Examples
    --------
    >>> cells = pa.array(["1\u00a0234,50", "-12,5", "1.000.000", "+1\u202f000", ",5"])
    >>> strict_numbers(cells, _joined(cells), ",").tolist()
    [1234.5, -12.5, 1000000.0, 1000.0, 0.5]
    >>> cells = pa.array(["1,234.50", "1’000", "-0"])
    >>> strict_numbers(cells, _joined(cells), ".").tolist()
    [1234.5, 1000.0, -0.0]
    """
    table, delete = _TRANSLATION[decimal]
    present = text_bytes(joined)
    if not any(byte in present for byte in _ONE_BYTE_GROUPING[decimal]) and present.isascii():
        return _cast(_swapped_decimal(cells, decimal))  # no grouping ("12,5"): offsets stay
    digits = np.frombuffer(present.translate(table, delete), dtype=np.uint8).copy()
    ends = np.flatnonzero(digits == ord("\n"))
    if len(ends) != len(cells) - 1:
        raise pa.ArrowInvalid("a cell holds a line end")  # then the careful way decides
    digits[ends] = ord("0")
    negative = ends[digits[np.minimum(ends + 1, len(digits) - 1)] == ord("-")]
    digits[negative], digits[negative + 1] = ord("-"), ord("0")  # "0-5" becomes "-05"
    offsets = np.empty(len(cells) + 1, dtype=np.int64)
    offsets[0], offsets[1:-1], offsets[-1] = 0, ends, len(digits)
    kind = pa.large_string()
    if len(digits) < 2**31 - 1:
        kind, offsets = pa.string(), offsets.astype(np.int32)
    array = pa.Array.from_buffers(
        kind, len(cells), [None, pa.py_buffer(offsets), pa.py_buffer(digits)]
    )
    return _cast(array)


#: The grouping characters of one byte that may stand in a strict cell of each convention.
_ONE_BYTE_GROUPING = {",": (b" ", b"'", b"."), ".": (b" ", b"'", b",")}


def _cast(digits: pa.Array) -> np.ndarray:
    return pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)


def _swapped_decimal(text: pa.Array, decimal: str) -> pa.Array:
    """Return cells with a decimal comma as a point, in one byte pass that keeps the offsets
    (a byte "," is always the character "," in UTF-8); cells with a point as they are."""
    if decimal != ",":
        return text
    buffers = text.buffers()
    width = 8 if pa.types.is_large_string(text.type) else 4
    offsets = np.frombuffer(
        buffers[1], dtype=f"<i{width}", count=len(text) + 1, offset=text.offset * width
    )
    first, last = int(offsets[0]), int(offsets[-1])
    points = np.frombuffer(buffers[2], dtype=np.uint8, count=last - first, offset=first).copy()
    points[points == ord(",")] = ord(".")  # numpy lets go of the GIL: other columns go on
    return pa.Array.from_buffers(
        text.type,
        len(text),
        [_validity(text), pa.py_buffer(offsets - offsets[0]), pa.py_buffer(points)],
        null_count=text.null_count,
    )


def text_bytes(text: pa.Array) -> bytes:
    """Return the characters of a string column as one bytes object (to test what occurs).

    Examples
    --------
    >>> b"," in text_bytes(pa.array(["1,5", None]))
    True
    >>> text_bytes(pa.array(["1,5", "2.5", "3"]).slice(1, 1))
    b'2.5'
    """
    if isinstance(text, pa.ChunkedArray):
        return b"".join(text_bytes(chunk) for chunk in text.chunks)
    buffers = text.buffers()
    if buffers[2] is None or not len(text):
        return b""
    width = 8 if pa.types.is_large_string(text.type) else 4
    offsets = np.frombuffer(
        buffers[1], dtype=f"<i{width}", count=len(text) + 1, offset=text.offset * width
    )
    first, last = int(offsets[0]), int(offsets[-1])  # a slice shares its parent's buffer
    return buffers[2].slice(first, last - first).to_pybytes()


def first_bytes(text: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Return each cell's first byte (0 for an empty cell), from the column's buffers.

    Examples
    --------
    >>> bytes(first_bytes(pa.chunked_array([["Total", ""], ["sum"]])))
    b'T\\x00s'
    """
    if isinstance(text, pa.ChunkedArray):
        parts = [first_bytes(chunk) for chunk in text.chunks]
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint8)
    return edge_bytes(text, last=False)[0]


def edge_bytes(text: pa.Array, *, last: bool = True) -> tuple[np.ndarray, np.ndarray | None]:
    """Return each cell's first and last byte (0 for an empty cell), from the array's buffers;
    with ``last=False``, the first bytes only (and None).

    Examples
    --------
    >>> [bytes(b) for b in edge_bytes(pa.array(["Total", "", "sum "]))]
    [b'T\\x00s', b'l\\x00 ']
    """
    buffers = text.buffers()
    width = 8 if pa.types.is_large_string(text.type) else 4
    offsets = np.frombuffer(
        buffers[1], dtype=f"<i{width}", count=len(text) + 1, offset=text.offset * width
    )
    if buffers[2] is None or not len(buffers[2]):
        return np.zeros(len(text), dtype=np.uint8), np.zeros(len(text), dtype=np.uint8)
    data = np.frombuffer(buffers[2], dtype=np.uint8)
    empty = offsets[1:] == offsets[:-1]
    first = data.take(np.minimum(offsets[:-1], len(data) - 1))
    first[empty] = 0
    if not last:
        return first, None
    ends = data.take(np.maximum(offsets[1:] - 1, 0))
    ends[empty] = 0
    return first, ends


#: Bytes that may start a cell with white space (every byte beyond ASCII counts: a no-break
#: space starts with one).
MAYBE_SPACE = np.zeros(256, dtype=bool)
MAYBE_SPACE[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32]] = True
MAYBE_SPACE[128:] = True
#: The first and the last bytes of the characters ``pyarrow.compute.utf8_trim_whitespace``
#: trims (ASCII white space, U+001C-U+001F, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028,
#: U+2029, U+202F, U+205F, U+3000; a test checks every code point against pyarrow).
SPACE_FIRST = np.zeros(256, dtype=bool)
SPACE_FIRST[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, 0xC2, 0xE1, 0xE2, 0xE3]] = True
SPACE_LAST = np.zeros(256, dtype=bool)
SPACE_LAST[[9, 10, 11, 12, 13, 28, 29, 30, 31, 32, *range(0x80, 0x8B), 0x9F, 0xA0]] = True
SPACE_LAST[[0xA8, 0xA9, 0xAF]] = True


def _grouping_possible(numbers: np.ndarray) -> bool:
    """Tell whether the column's fractions could all be a point grouping thousands ("1.234").

    A number read with a fraction was written with a point; if one such number is 1,000 or more,
    or has more than three decimals, the points in this column are decimal points.

    Examples
    --------
    >>> _grouping_possible(np.array([1.234, 12.5, 7.0])), _grouping_possible(np.array([1234.56]))
    (True, False)
    """
    finite = numbers[np.isfinite(numbers)]
    fractions = np.abs(finite[finite != np.floor(finite)])
    thousandths = fractions * 1000
    return bool(
        np.all((fractions >= 1) & (fractions < 1000))
        and np.allclose(thousandths, np.round(thousandths))
    )


def _maybe_grouped(text: pa.Array, numbers: np.ndarray, pointed: np.ndarray) -> bool:
    """Tell whether every cell with a point could be a whole number grouped by a point."""
    candidates = np.abs(numbers[pointed])
    thousandths = candidates * 1000
    if not (
        np.all((candidates >= 1) & (candidates < 1000))
        and np.allclose(thousandths, np.round(thousandths))
    ):
        return False  # a cheap numeric test rules out almost every real column
    cells = text.filter(pa.array(pointed))
    return bool(pc.all(pc.match_substring_regex(cells, _POINT_GROUPED)).as_py())


def _fits(text: pa.Array, decimal: str) -> np.ndarray:
    return pc.fill_null(pc.match_substring_regex(text, STRICT[decimal]), False).to_numpy(
        zero_copy_only=False
    )


def _localised(text: pa.Array, blank: np.ndarray, hint: str | None) -> ParsedNumbers:
    present = text_bytes(text)
    if _occurs("−", present):
        text = pc.replace_substring(text, "−", "-")  # the typographic minus (U+2212)
    currencies: dict[str, np.ndarray] = {}
    negative = exponent = None
    bad = np.zeros(len(text), dtype=bool)
    decimal, guessed, fits = _evidence(text, blank, hint)
    if not np.all(fits | blank):  # currency markers, brackets, a trailing minus, or not a number
        text, negative, exponent, bad, currencies = _split_cells(text, blank)
        decimal, guessed, fits = _evidence(text, blank | bad, hint)
        present = text_bytes(text)
    good = fits & ~bad & ~blank
    digits = plain_digits(text, decimal, present)
    if exponent is not None:
        digits = pc.binary_join_element_wise(digits, pc.fill_null(exponent, ""), "")
    if not np.all(good | blank):
        digits = pc.if_else(pa.array(good), digits, pa.scalar(None, pa.string()))
    numbers = pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)
    if negative is not None:
        numbers = np.where(negative, -numbers, numbers)
    invalid = np.flatnonzero(~good & ~blank)
    kept = {
        marker: positions[np.isin(positions, invalid, invert=True)]
        for marker, positions in currencies.items()
    }
    return ParsedNumbers(
        numbers, blank, invalid, decimal, guessed, {m: p for m, p in kept.items() if len(p)}
    )


def plain_digits(text: pa.Array, decimal: str | None, present: bytes | None = None) -> pa.Array:
    """Return the cells without their grouping characters and with a point as decimal mark,
    ready to be cast to numbers.

    Grouping characters go with one replace each (usually only the no-break space); a decimal
    comma becomes a point in the column's bytes, which keeps every cell's length and so its
    offsets (a byte "," is always the character "," in UTF-8).

    Examples
    --------
    >>> plain_digits(pa.array(["1\u00a0234,50", None, "-12,5", "1.000.000"]), ",").to_pylist()
    ['1234.50', None, '-12.5', '1000000']
    >>> plain_digits(pa.array(["1,234.50", "1'000", "7"]), ".").to_pylist()
    ['1234.50', '1000', '7']
    >>> plain_digits(pa.array(["x", "1,5", "2,25"]).slice(1), ",").to_pylist()
    ['1.5', '2.25']
    """
    present = text_bytes(text) if present is None else present
    grouping = "." if decimal == "," else ","
    for char in (*GROUPING_CHARS, grouping):
        if _occurs(char, present):
            text = pc.replace_substring(text, char, "")
    if decimal != "," or b"," not in present:
        return text
    return _swapped_decimal(text, decimal)


def _occurs(char: str, present: bytes) -> bool:
    """Tell whether ``char`` occurs in ``present``, looking for a character of several bytes
    only when its first byte occurs (one quick scan for each first byte, not each character)."""
    encoded = char.encode()
    if len(encoded) > 1 and not _has_byte(present, encoded[0]):
        return False
    return encoded in present


def _has_byte(present: bytes, byte: int) -> bool:
    return present.find(bytes([byte])) >= 0


def _validity(text: pa.Array) -> pa.Buffer | None:
    """Return the validity bitmap of ``text`` as a buffer that starts at its first cell."""
    if not text.null_count:
        return None
    if text.offset == 0:
        return text.buffers()[0]
    return pa.py_buffer(
        np.packbits(text.is_valid().to_numpy(zero_copy_only=False), bitorder="little")
    )


def _evidence(
    text: pa.Array, ignore: np.ndarray, hint: str | None
) -> tuple[str | None, bool, np.ndarray]:
    """Decide the column's decimal separator; return it, whether it was guessed, and which cells
    fit it.

    The evidence of a sample usually settles it: then one pattern runs over the column, and the
    decision stands if the cells that do not fit it are too few to outvote the sample.
    """
    if len(text) > SAMPLE_CELLS:
        part = slice(0, SAMPLE_CELLS)
        sample = text.slice(0, SAMPLE_CELLS)
        decimal, guessed = _decide(
            sample, _fits(sample, ",") & ~ignore[part], _fits(sample, ".") & ~ignore[part], hint
        )
        if decimal and not guessed:
            fits = _fits(text, decimal)
            other = _fits(sample, "," if decimal == "." else ".")
            votes = int((fits[part] & ~other & ~ignore[part]).sum())
            if int((~fits & ~ignore).sum()) < votes:
                return decimal, False, fits
    comma, point = _fits(text, ",") & ~ignore, _fits(text, ".") & ~ignore
    decimal, guessed = _decide(text, comma, point, hint)
    return decimal, guessed, (point if decimal != "," else comma)


def _decide(
    text: pa.Array, comma: np.ndarray, point: np.ndarray, hint: str | None
) -> tuple[str | None, bool]:
    """Return the decimal separator the evidence points to, and whether it had to be guessed."""
    votes_comma, votes_point = int((comma & ~point).sum()), int((point & ~comma).sum())
    if votes_comma != votes_point:
        return ("," if votes_comma > votes_point else "."), False
    if votes_comma == 0:
        both = comma & point
        present = text_bytes(text)
        if b"," not in present and b"." not in present:
            return None, False
        separated = pc.fill_null(pc.match_substring_regex(text, "[.,]"), False).to_numpy(
            zero_copy_only=False
        )
        if not (both & separated).any():
            return None, False
    return hint or ".", True


def _split_cells(text: pa.Array, blank: np.ndarray):
    """Split each cell into digits, sign, exponent and currency; flag cells that do not fit."""
    dash = pc.fill_null(pc.match_substring_regex(text, DASH_ZERO), False)
    if pc.any(dash).as_py():
        text = pc.if_else(dash, "0", text)
    parts = pc.extract_regex(text, FULL)
    matched = parts.is_valid()

    def part(name: str) -> pa.Array:
        return pc.fill_null(parts.field(name), "")

    def has(name: str) -> np.ndarray:
        return pc.not_equal(part(name), "").to_numpy(zero_copy_only=False)

    opened, closed = has("open"), has("close")
    negative = (
        opened
        | has("sign2")
        | pc.is_in(part("sign1"), pa.array(["-", "–"])).to_numpy(zero_copy_only=False)
    )
    marked = has("cur1").astype(int) + has("cur2") + has("cur3")
    bad = (~matched.to_numpy(zero_copy_only=False) & ~blank) | (opened != closed) | (marked > 1)
    currency = pc.utf8_rtrim(
        pc.utf8_lower(pc.binary_join_element_wise(part("cur1"), part("cur2"), part("cur3"), "")),
        ".",
    )
    currencies = {}
    if marked.any():
        for marker in pc.unique(currency).to_pylist():
            if marker:
                currencies[marker] = np.flatnonzero(
                    pc.equal(currency, marker).to_numpy(zero_copy_only=False)
                )
    body = pc.if_else(matched, parts.field("body"), pa.scalar(None, pa.string()))
    return body, negative, parts.field("exp"), bad, currencies
