"""Row numbers in messages are the rows a person sees in a spreadsheet: the header of a plain CSV
is row 1, a title block shifts it, a quoted field with newlines is one row, blank lines count."""

from __future__ import annotations

import pytest

from workbook.errors import AccountDataError
from workbook.loading import UploadedFile, load


def bad_rows(name: str, content: bytes | str, **options) -> list[int]:
    data = content.encode("utf-8") if isinstance(content, str) else content
    with pytest.raises(AccountDataError) as caught:
        load(UploadedFile(name, data), **options)
    return [p.row for p in caught.value.problems]


def test_the_header_of_a_plain_csv_is_row_1():
    assert bad_rows("a.csv", "Account,Revenue\nA,x\nB,2\nC,y\n") == [2, 4]


def test_a_title_block_puts_the_header_where_it_is_in_the_sheet():
    content = "Sales report\nPeriod: 2026\n\n\nAccount;Revenue\nA;x\nB;2\n"
    assert bad_rows("a.csv", content) == [6]


def test_a_quoted_field_with_newlines_is_one_row():
    content = 'Account,Revenue,Note\nA,1,"one\ntwo\nthree"\nB,x,\n"C\nD",y,\n'
    assert bad_rows("a.csv", content) == [3, 4]


def test_blank_lines_count_as_rows():
    assert bad_rows("a.csv", "Account,Revenue\n\nA,x\n\n\nB,y\n") == [3, 6]
    assert bad_rows("a.csv", "Account,Revenue\r\n\r\nA,x\r\n\r\nB,y\r\n") == [3, 5]


def test_blank_lines_and_quoted_newlines_together():
    content = 'Account,Revenue,Note\n\n"A",1,"x\ny"\n\nB,bad,""\n'
    assert bad_rows("a.csv", content) == [5]


@pytest.mark.parametrize("layout", ["plain", "quoted", "blank lines", "crlf"])
def test_rows_are_exact_in_big_files_whichever_way_they_are_read(layout):
    """Large files are read without a Python scan unless blank lines or quotes get in the way;
    the row numbers come out the same either way."""
    lines = ["Account;Revenue"] + [f"Kunde {i};{i},50" for i in range(1, 6001)]
    bad = {2500: "oops", 5999: "12,5 %"}  # line indexes: row = index + 1 in a plain file
    for index, value in bad.items():
        lines[index] = f"Kunde {index};{value}"
    rows = [index + 1 for index in bad]
    if layout == "quoted":
        lines[10] = '"Kunde\nwith a newline";1,00'  # two lines, one row: nothing shifts
    if layout == "blank lines":
        lines.insert(100, "")
        lines.insert(3000, "")
        rows = [rows[0] + 1, rows[1] + 2]
    newline = "\r\n" if layout == "crlf" else "\n"
    assert bad_rows("big.csv", newline.join(lines) + newline) == rows


def test_excel_rows_are_the_sheet_rows():
    from loading_corpus import xlsx

    content = xlsx(
        {
            "Ark1": [
                ["Report"],
                [],
                ["Kunde", "Omsetning"],
                ["A", 5],
                [None, None],
                ["B", "abc"],
                ["C", "12,5 %"],
            ]
        }
    )
    assert bad_rows("a.xlsx", content) == [6, 7]


def test_footer_rows_are_numbered_after_the_last_data_row():
    content = (
        '"Account Name","Amount"\n"A","1"\n"B","2\nmore"\n\n"Grand Totals (2 records)"\n'
        '"Confidential Information - Do Not Distribute"\n'
    )
    with pytest.raises(AccountDataError) as caught:  # "2\nmore" is not an amount, in row 3
        load(UploadedFile("r.csv", content.encode()))
    assert [p.row for p in caught.value.problems] == [3]
    good = content.replace('"2\nmore"', '"2"')
    assert [d["row"] for d in load(UploadedFile("r.csv", good.encode())).dropped_rows] == [5, 6]


def test_a_row_with_too_many_fields_is_named_with_its_row():
    content = "Account,Revenue\nA,1\n\nB,2,3\nC,4\n"
    with pytest.raises(AccountDataError) as caught:
        load(UploadedFile("a.csv", content.encode()))
    [problem] = caught.value.problems
    assert (problem.code, problem.row) == ("too_many_fields", 4)
    assert "3 fields but the header has 2" in problem.message
    # An empty field past the end (a trailing separator) is not a problem.
    assert len(load(UploadedFile("a.csv", b"Account,Revenue\nA,1,\nB,2\n")).accounts) == 2
