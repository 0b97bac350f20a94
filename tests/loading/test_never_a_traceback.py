"""Whatever bytes arrive, loading gives accounts or an AccountDataError, never another error."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbook.errors import AccountDataError
from workbook.loading import LoadResult, UploadedFile, load

HEADERS = [
    "Kunde",
    "Kundenr",
    "Omsetning",
    "Revenue",
    "Account",
    "Dato",
    "Date",
    "Beløp",
    "Besøk",
    "Selger",
    "Potensial",
    "Notes",
    "",
    "Total",
    "Revenue 2024",
    "Revenue 2025",
    "(Do Not Modify) Account",
]
CELLS = [
    "1 234,50",
    "1,234.50",
    "-5",
    "(7)",
    "kr 12",
    "$3",
    "€4",
    "abc",
    "",
    " ",
    "N/A",
    "2024-12-31",
    "31.12.2024",
    "01/02/2025",
    "45000",
    "Total",
    "Sum",
    "Grand Totals (2)",
    '"quoted, with comma"',
    '"multi\nline"',
    "0",
    "1e5",
    "nan",
    "−3",
    "1.234",
    "1,234",
    "Fjord AS",
    "Bjørk",
    "00123",
]
SEPARATORS = [",", ";", "\t", "|"]
ENCODINGS = ["utf-8", "utf-8-sig", "cp1252", "utf-16"]


@st.composite
def text_files(draw) -> tuple[str, bytes]:
    sep = draw(st.sampled_from(SEPARATORS))
    width = draw(st.integers(1, 5))
    header = draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width))
    rows = draw(
        st.lists(st.lists(st.sampled_from(CELLS), min_size=0, max_size=width + 1), max_size=8)
    )
    title = draw(
        st.lists(st.sampled_from(["Sales report", "", "sep=;", "Exported 2026"]), max_size=2)
    )
    lines = [*title, sep.join(header), *(sep.join(r) for r in rows)]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    encoding = draw(st.sampled_from(ENCODINGS))
    name = draw(st.sampled_from(["a.csv", "a.tsv", "a.txt", "a", "a.xlsx"]))
    return name, text.encode(encoding, errors="replace")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_files(), st.sampled_from([None, "all", "2025-01-01:2025-12-31"]))
def test_text_files_load_or_are_refused(file, period):
    name, content = file
    _load_or_refuse(UploadedFile(name, content), period=period)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(["a.csv", "a.xlsx", "a.parquet", "a"]))
def test_arbitrary_bytes_load_or_are_refused(content, name):
    _load_or_refuse(UploadedFile(name, content))


@settings(max_examples=50, deadline=None)
@given(st.text(alphabet=string.printable + "æøåÆØÅ\u00a0", max_size=200))
def test_arbitrary_text_loads_or_is_refused(text):
    _load_or_refuse(UploadedFile("a.csv", text.encode()))


def _load_or_refuse(source, **options) -> None:
    try:
        result = load(source, **options)
    except AccountDataError as err:
        assert err.problems and all(str(p) for p in err.problems)
    else:
        assert isinstance(result, LoadResult) and len(result.accounts) > 0
        result.to_dict()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(
            st.one_of(
                st.sampled_from(HEADERS + CELLS),
                st.none(),
                st.floats(allow_nan=False, allow_infinity=False),
                st.integers(-(10**6), 10**6),
                st.datetimes(),
            ),
            max_size=6,
        ),
        max_size=10,
    )
)
def test_spreadsheets_load_or_are_refused(rows):
    from loading_corpus import xlsx

    _load_or_refuse(UploadedFile("a.xlsx", xlsx({"Ark1": rows})))
