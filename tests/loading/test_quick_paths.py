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
