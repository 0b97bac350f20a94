"""The loader's messages about formats, sheets, archives, formulas, unit notes and short periods go
through translation: in the pseudo-language every one of them comes out marked."""

from __future__ import annotations

import pytest
from loading_corpus import CASES

from workbook.errors import AccountDataError
from workbook.i18n import PSEUDO_OPEN, use_language
from workbook.loading import UploadedFile, load

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
