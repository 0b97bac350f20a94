"""The loader's quick paths for big files give what the careful ways give: text columns are
left as read only when no cell can need trimming, and amounts are made numbers from the joined
text only when every cell fits one convention."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

from workbook.loading.numbers import SPACE_FIRST, SPACE_LAST, _joined, strict_numbers
from workbook.loading.values import text_column


def trimmed_by_pyarrow() -> list[str]:
    """Every character that pyarrow's trim removes (all of Unicode, surrogates aside)."""
    points = [c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    cells = pa.array(["x" + chr(c) for c in points])
    kept = pc.utf8_length(pc.utf8_rtrim_whitespace(cells)).to_numpy()
    return [chr(points[i]) for i in np.flatnonzero(kept == 1)]


def test_every_character_pyarrow_trims_is_looked_for():
    spaces = trimmed_by_pyarrow()
    assert "\u00a0" in spaces and "\u3000" in spaces
    for char in spaces:
        encoded = char.encode()
        assert SPACE_FIRST[encoded[0]], f"{char!r} starts with {encoded[0]:#x}"
        assert SPACE_LAST[encoded[-1]], f"{char!r} ends with {encoded[-1]:#x}"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u3000", "\t", " ", "\u0085"])
def test_a_cell_with_white_space_at_either_end_is_trimmed(space):
    names = ["Ødegård AS", "Ærlig Øl", "Åsen Å", *[f"Kunde {i}" for i in range(2_000)], None]
    for cell in (space + "Fjord AS", "Fjord AS" + space, space):
        column = pa.chunked_array([names[:1000], [*names[1000:], cell]])
        assert text_column(column).to_pylist() == [*names, "Fjord AS" if cell != space else None]


def test_a_column_with_nothing_to_trim_is_left_as_read():
    column = pa.chunked_array([["Ødegård AS", None, "Ærlig Øl"], ["Sol AS"]])
    assert text_column(column) is column
    assert text_column(pa.chunked_array([["Fjord", ""]])).to_pylist() == ["Fjord", None]


@pytest.mark.parametrize(
    ("cells", "decimal"),
    [
        (["1\u00a0234,50", "-0,5", "+12", "1.234.567,891", "0", "-1\u202f000\u202f000"], ","),
        (["1,234.50", "1’000", "1'000'000.25", "-.5", "+7", "99999999999999.99"], "."),
        (["12,5", "-0,25", "+7", "3", ",5"], ","),  # no grouping at all: the offsets stay
        (["12.5", "-0.25", "+7", "3"], "."),
    ],
)
def test_amounts_from_the_joined_text_are_exactly_the_amounts_written(cells, decimal):
    found = strict_numbers(pa.array(cells), _joined(pa.array(cells)), decimal)
    other = "." if decimal == "," else ","
    plain = [
        c.replace(other, "").replace("\u00a0", "").replace("\u202f", "").replace("’", "")
        for c in cells
    ]
    expected = [float(c.replace("'", "").replace(",", ".")) for c in plain]
    assert found.tolist() == expected
    assert np.signbit(found).tolist() == [c.startswith("-") for c in cells]


# --- UTF-8 checked by the reader: a file with bytes of another code page deep inside loads as it
# did when every byte was checked first (re-read from its code page) -------------------------
def big_norwegian_file(rows: int = 12_000) -> bytes:
    lines = ["Kundenr;Kundenavn;Omsetning;Selger"]
    lines += [f"{i:06d};Bjørk {i} AS;{i},50;Kåre" for i in range(1, rows + 1)]
    return ("\n".join(lines) + "\nSum;;123;\n").encode()


def spoiled(data: bytes, where: str) -> bytes:
    latin = "Ødegård".encode("cp1252")  # not UTF-8
    if where == "text":
        return data.replace(b"Bj\xc3\xb8rk 11000 AS", latin)
    if where == "number":
        return data.replace(b";11000,50;", b";11000,5\xe9;")
    if where == "quoted":
        return data.replace(b"Bj\xc3\xb8rk 11000 AS", b'"' + latin + b'\nAS"')
    return data + b"Generert av " + latin + b"\n"  # a footer line, cut off before reading


@pytest.mark.parametrize("where", ["text", "number", "quoted", "footer"])
def test_bytes_of_another_code_page_deep_inside_load_as_when_all_are_checked_first(
    where, monkeypatch
):
    from workbook.errors import AccountDataError
    from workbook.loading import encoding, load, tables

    data = spoiled(big_norwegian_file(), where)
    assert len(data) > encoding.SAMPLE_BYTES and not encoding.is_utf8(data)

    def outcome():
        try:
            found = load(("kunder.csv", data))
        except AccountDataError as err:
            return [str(p) for p in err.problems]
        return found.accounts.to_dict("list"), found.warnings, found.dropped_rows

    lazily = outcome()
    monkeypatch.setattr(tables, "utf8_start", lambda d, file=None: (encoding.to_utf8(d)[0], True))
    assert lazily == outcome()
    if where == "text":  # read from its code page, as before: the UTF-8 letters become two each
        assert "Ødegård" in lazily[0]["account"] and "BjÃ¸rk 1 AS" in lazily[0]["account"]
    if where == "footer":
        assert lazily[2][-1]["reason"] == 'footer line "Generert av Ødegård"'


def test_a_big_utf8_file_is_read_once():
    from workbook.loading import load

    result = load(("kunder.csv", big_norwegian_file()))
    assert result.accounts["account"].iloc[0] == "Bjørk 1 AS"
    assert result.accounts["owner"].iloc[-1] == "Kåre"
    assert result.dropped_rows == [{"row": 12_002, "reason": 'total row "Sum"'}]
