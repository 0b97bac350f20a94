"""Property tests under a memory and a time limit: random bytes, random CSV structures and random
spreadsheets (whole, cut short or with bytes changed) go to the loader in a child process with
a capped address space (``bounded.BoundedLoader``); every outcome is a load or an
AccountDataError, never another exception, a killed process or a file that runs out of time."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest
from bounded import BoundedLoader
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loading_corpus import ENCRYPTED_XLSX, SPREADSHEET_ML, ods, xlsx, zipped
from test_never_a_traceback import CELLS, HEADERS

pytestmark = pytest.mark.slow
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))

NAMES = ["a.csv", "a.txt", "a.tsv", "a", "a.xlsx", "a.xls", "a.ods", "a.xlsb", "a.parquet"]
MAGIC = [
    b"",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"PAR1",
    b'<?xml version="1.0"?>',
    b"<html>",
    codecs.BOM_UTF8,
    codecs.BOM_UTF16_LE,
    b"sep=;\n",
]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "iso8859_15", "utf-16", "utf-16-le", "latin-1"]


@pytest.fixture(scope="module")
def bounded():
    with BoundedLoader() as loader:
        yield loader


def check(bounded, name: str, content: bytes, **options) -> None:
    outcome = bounded.load(name, content, **options)
    assert outcome.acceptable, f"{name}: {outcome.kind}: {outcome.detail}"


@FUZZ
@given(st.sampled_from(MAGIC), st.binary(max_size=3000), st.sampled_from(NAMES))
def test_random_bytes(bounded, magic, rest, name):
    check(bounded, name, magic + rest)


def _field(draw) -> str:
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return draw(st.text(max_size=30))
    if kind == 1:  # a long notes field, now and then
        return "x" * draw(st.integers(100_000, 300_000))
    return draw(st.sampled_from(CELLS))


@st.composite
def csv_files(draw) -> tuple[str, bytes, dict]:
    sep = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    quote = draw(st.sampled_from(['"', "'"]))
    width = draw(st.integers(1, 6))
    header = draw(
        st.lists(st.sampled_from(HEADERS) | st.text(max_size=12), min_size=width, max_size=width)
    )
    rows = []
    for _ in range(draw(st.integers(0, 25))):
        cells = [_field(draw) for _ in range(draw(st.integers(0, width + 2)))]
        if draw(st.booleans()):
            cells = [quote + c.replace(quote, quote * 2) + quote for c in cells]
        rows.append(sep.join(cells))
    above = draw(
        st.lists(st.sampled_from(["Salgsrapport (NOK 1000)", "", "sep=;", "x"]), max_size=3)
    )
    below = draw(
        st.lists(st.sampled_from(["", "Totalt;5", "Side 1 av 1", "Grand Totals (3)"]), max_size=3)
    )
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = newline.join([*above, sep.join(header), *rows, *below])
    encoding = draw(st.sampled_from(ENCODINGS))
    options = draw(st.sampled_from([{}, {"period": "all"}, {"mapping": {"x": "revenue"}}]))
    return draw(st.sampled_from(NAMES[:5])), text.encode(encoding, errors="replace"), options


@FUZZ
@given(csv_files())
def test_random_csv_structures(bounded, file):
    name, content, options = file
    check(bounded, name, content, **options)


CELL_VALUES = (
    st.sampled_from(HEADERS + CELLS + ["=SUM(B2:B4)", "=1/0", "'=x", "(NOK 1000)", "i 1000 kr"])
    | st.none()
    | st.booleans()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.integers(-(10**12), 10**12)
    | st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2200, 1, 1))
)
SHEETS = st.dictionaries(
    st.sampled_from(["Ark1", "Kunder", "Notater", "2025", "Sheet 2"]),
    st.lists(st.lists(CELL_VALUES, max_size=6), max_size=12),
    min_size=1,
    max_size=3,
)


def _spreadsheet(kind: str, sheets: dict) -> tuple[str, bytes]:
    if kind == "ods":
        return "a.ods", ods(sheets)
    return "a.xlsx", xlsx(sheets)


@FUZZ
@given(st.sampled_from(["xlsx", "ods"]), SHEETS, st.sampled_from([None, "Kunder", "ark1"]))
def test_random_spreadsheets(bounded, kind, sheets, sheet):
    name, content = _spreadsheet(kind, sheets)
    check(bounded, name, content, sheet=sheet)


@FUZZ
@given(st.sampled_from(["xlsx", "ods"]), SHEETS, st.data())
def test_spreadsheets_cut_short_or_changed(bounded, kind, sheets, data):
    name, content = _spreadsheet(kind, sheets)
    content = bytearray(content)

    def somewhere() -> int:  # a place in the file (drawn apart from its length, which varies)
        return data.draw(st.integers(0, 9_999)) * len(content) // 10_000

    if data.draw(st.booleans()):
        content = content[: somewhere()]
    else:
        for _ in range(data.draw(st.integers(1, 8))):
            content[somewhere()] = data.draw(st.integers(0, 255))
    check(bounded, name, bytes(content))


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("a.xls", SPREADSHEET_ML),
        ("a.xlsx", ENCRYPTED_XLSX),
        ("a.xlsx", zipped({"xl/workbook.bin": b"\x00" * 100, "[Content_Types].xml": "<x/>"})),
        ("a.ods", zipped({"mimetype": "application/vnd.oasis.opendocument.text"})),
        ("a.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + "Workbook".encode("utf-16-le") * 40),
    ],
)
def test_files_that_only_look_like_spreadsheets(bounded, name, content):
    check(bounded, name, content)
