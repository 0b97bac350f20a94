"""The loader's messages (problems, warnings, the notes on rows left out) go through translation:
in the pseudo-language every one of them comes out marked, with no English word of the workbook
left outside the marks."""

from __future__ import annotations

import pytest
from babel import dates as babel_dates
from loading_corpus import CASES
from pseudo import untranslated

from workbook.errors import AccountDataError, SettingsError
from workbook.i18n import PSEUDO_OPEN, use_language
from workbook.loading import UploadedFile, load
from workbook.loading.pins import read_pins

BY_ID = {case.id: case for case in CASES}
REFUSED = [
    "spreadsheetml-2003-saved-as-xls",
    "xlsx-with-a-password",
    "word-document-named-xlsx",
    "a-zip-of-csv-files",
    "xlsx-formulas-without-saved-values",
    "xlsx-accounts-on-two-sheets",
]
WARNED = [
    ("xlsx-accounts-on-the-second-sheet", "Kunder"),
    ("a-unit-note-in-one-header-only", "TNOK"),
    ("order-lines-of-five-months", "2026"),
]


@pytest.mark.parametrize("case_id", REFUSED)
def test_refusals_are_translated(case_id):
    case = BY_ID[case_id]
    with use_language("qps"), pytest.raises(AccountDataError) as caught:
        load(UploadedFile(case.name, case.content), **case.options)
    messages = [p.message for p in caught.value.problems if p.code != "no_account"]
    assert messages and all(PSEUDO_OPEN in m for m in messages), messages


@pytest.mark.parametrize(("case_id", "mentions"), WARNED)
def test_warnings_are_translated(case_id, mentions):
    case = BY_ID[case_id]
    with use_language("qps"):
        result = load(UploadedFile(case.name, case.content), **case.options)
    marked = [w for w in result.warnings if mentions in w]
    assert marked and all(PSEUDO_OPEN in w for w in marked), result.warnings


# --- every case of the corpus: no English word of the workbook's own ---------------------------
#: Dates are written by Babel in the pseudo-language's locale (en_GB): its month names are data.
MONTHS = [str(m) for m in babel_dates.get_month_names("abbreviated", locale="en_GB").values()]


def _texts(case) -> list[str]:
    """Return what a person reads about loading ``case``: its problems, or warnings and notes."""
    try:
        result = load(UploadedFile(case.name, case.content), **case.options)
    except (AccountDataError, SettingsError) as err:
        return [str(err)]
    return [*result.warnings, *(d["reason"] for d in result.dropped_rows)]


def _data_words(case) -> list[str]:
    """Return the words of the file itself (headers, cells, its name) and of the options."""
    mapping = case.options.get("mapping") or {}
    return [
        case.content.decode("utf-8", "replace"),
        case.content.decode("latin-1"),
        case.name,
        *map(str, case.options.values()),
        *(f"{header}={target}" for header, target in mapping.items()),
        *MONTHS,
    ]


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_no_english_word_is_left_in_what_loading_says(case):
    with use_language("qps"):
        texts = _texts(case)
    assert untranslated("\n".join(texts), _data_words(case)) == [], texts


@pytest.mark.parametrize(
    ("content", "mentions"),
    [
        (b"account_id,tier,reason\n,A,\n7,Q,why\n7,B,\n", "is blank"),
        (b"account_id,tier,reason\n7,A,big\n7,B,bigger\n", "first in row 2"),
        (b"account,level\nFjord AS,A\n", "account_id, tier"),
    ],
)
def test_a_bad_pins_file_is_described_in_the_language(content, mentions):
    with use_language("qps"), pytest.raises(AccountDataError) as caught:
        read_pins(("pins.csv", content))
    text = str(caught.value)
    assert untranslated(text, [content.decode(), "pins.csv"]) == [], text
    with pytest.raises(AccountDataError, match=mentions):
        read_pins(("pins.csv", content))


@pytest.mark.parametrize(
    "period", ["2025-12-31:2025-01-01", "last spring", "2025-01-01:someday", "2030-01-01:"]
)
def test_a_period_that_cannot_be_used_is_described_in_the_language(period):
    lines = b"Kunde;Dato;Omsetning\nFjord AS;2025-03-01;100\nBerg AS;2025-04-01;50\n"
    with use_language("qps"), pytest.raises((AccountDataError, SettingsError)) as caught:
        load(UploadedFile("ordrer.csv", lines), period=period)
    text = str(caught.value)
    assert PSEUDO_OPEN in text
    assert untranslated(text, [lines.decode(), "ordrer.csv", period, *MONTHS]) == [], text
