"""The number parser: every amount a supported locale writes parses back to itself, the decimal
separator is decided per column, and what is not an amount is named."""

from __future__ import annotations

from decimal import Decimal

import numpy as np
import pytest
from babel.numbers import format_currency, format_decimal, get_decimal_symbol
from hypothesis import given, settings
from hypothesis import strategies as st

from workbook.loading.numbers import parse_numbers

LOCALES = {
    "nb_NO": "NOK",
    "en_US": "USD",
    "de_DE": "EUR",
    "fr_FR": "EUR",
    "sv_SE": "SEK",
    "de_CH": "CHF",
    "en_GB": "GBP",
    "da_DK": "DKK",
}
#: Amounts in cents, from -10 billion to 10 billion.
amounts = st.lists(
    st.integers(-(10**12), 10**12).map(lambda cents: Decimal(cents) / 100), min_size=1, max_size=40
)
styles = st.sampled_from(["decimal", "currency", "accounting"])


def written(value: Decimal, locale: str, style: str) -> str:
    if style == "decimal":
        return format_decimal(value, locale=locale)
    return format_currency(
        value,
        LOCALES[locale],
        locale=locale,
        format_type=("accounting" if style == "accounting" else "standard"),
    )


@settings(max_examples=300, deadline=None)
@given(values=amounts, locale=st.sampled_from(sorted(LOCALES)), style=styles)
def test_any_amount_written_in_a_supported_locale_parses_back(values, locale, style):
    cells = [written(v, locale, style) for v in values]
    hint = get_decimal_symbol(locale)
    parsed = parse_numbers(cells, decimal_hint=hint)
    assert parsed.invalid.tolist() == []
    np.testing.assert_allclose(parsed.values, [float(v) for v in values], rtol=1e-15, atol=0)
    # Without the hint the column parses the same unless it is genuinely ambiguous.
    alone = parse_numbers(cells)
    if not alone.guessed:
        np.testing.assert_allclose(alone.values, parsed.values, rtol=1e-15, atol=0)


@settings(max_examples=100, deadline=None)
@given(values=amounts, locale=st.sampled_from(sorted(LOCALES)))
def test_a_column_with_cents_needs_no_hint(values, locale):
    """A column where some amount has cents (or thousands) always shows its convention."""
    values = [*values, Decimal("1234567.89")]
    cells = [format_currency(v, LOCALES[locale], locale=locale) for v in values]
    parsed = parse_numbers(cells)
    assert not parsed.guessed
    np.testing.assert_allclose(parsed.values, [float(v) for v in values], rtol=1e-15, atol=0)


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (["1 234 567,89", "1\u00a0234,5", "1\u202f234,50"], [1234567.89, 1234.5, 1234.5]),
        (["1.234,50", "12,5", "1.000.000"], [1234.5, 12.5, 1e6]),
        (["1,234.50", "3", "-0.25"], [1234.5, 3.0, -0.25]),
        (["$1,234.50", "-$5.00", "($3.50)", "$ 7"], [1234.5, -5.0, -3.5, 7.0]),
        (["kr 1 234,50", "1 234,50 kr", "NOK 1.234,50", "kr 1 500,-"], [1234.5] * 3 + [1500.0]),
        (["1'234.50", "CHF 1’234.50", "Fr. 5.-"], [1234.5, 1234.5, 5.0]),
        (["-1 234,50", "−1 234,50", "(1 234,50)", "1 234,50-", "- 5"], [-1234.5] * 4 + [-5.0]),
        (["1.5E+06", "2e3", "-7"], [1.5e6, 2000.0, -7.0]),
        (["kr -", "-", "5"], [0.0, 0.0, 5.0]),
    ],
)
def test_how_people_write_amounts(cells, expected):
    parsed = parse_numbers(cells)
    assert parsed.invalid.tolist() == []
    assert parsed.values.tolist() == pytest.approx(expected)


@pytest.mark.parametrize(
    "cell",
    [
        "ca. 500 000",
        "12,5 %",
        "#VALUE!",
        "1,,0",
        "N/A",
        "abc",
        "nan",
        "inf",
        "1 23,45",
        "(5",
        "$5 kr",
        "1.234.5",
        "--5",
    ],
)
def test_what_is_not_an_amount(cell):
    parsed = parse_numbers(["1 234,50", cell, "99"])
    assert parsed.invalid.tolist() == [1]
    assert np.isnan(parsed.values[1])
    assert parsed.values[[0, 2]].tolist() == [1234.5, 99.0]


def test_the_decimal_separator_is_decided_per_column_not_per_cell():
    # "1.234" means a thousand where the column writes decimal commas, 1.234 where it writes points.
    assert parse_numbers(["1.234", "5,5"]).values.tolist() == [1234.0, 5.5]
    assert parse_numbers(["1.234", "5.55"]).values.tolist() == [1.234, 5.55]
    assert parse_numbers(["1,234", "1 000,5"]).values.tolist() == [1.234, 1000.5]
    assert parse_numbers(["1,234", "1,000.5"]).values.tolist() == [1234.0, 1000.5]


def test_a_cell_against_its_columns_convention_is_not_an_amount():
    parsed = parse_numbers(["1 234,50", "99,00", "12,50", "1,234.50"])
    assert parsed.decimal == ","
    assert parsed.invalid.tolist() == [3]


def test_a_column_of_1_234_patterns_is_ambiguous_and_the_hint_decides():
    for cells in (["1,234", "2,500"], ["1.234", "12.500"]):
        assert parse_numbers(cells).guessed
        assert parse_numbers(cells, decimal_hint=",").values.tolist() == (
            [1.234, 2.5] if "," in cells[0] else [1234.0, 12500.0]
        )
        assert parse_numbers(cells, decimal_hint=".").values.tolist() == (
            [1234.0, 2500.0] if "," in cells[0] else [1.234, 12.5]
        )


def test_whole_numbers_and_leading_zeros_are_not_ambiguous():
    assert not parse_numbers(["1234", "0.123", "5"]).guessed
    assert parse_numbers(["0,123", "1,234"]).values.tolist() == [0.123, 1.234]


def test_currencies_are_checked_for_mixing():
    assert parse_numbers(["$100", "€200"]).mixed_currencies
    assert parse_numbers(["NOK 100", "kr 200", "300"]).mixed_currencies is False
    assert parse_numbers(["100 SEK", "kr 5"]).mixed_currencies is False
    assert parse_numbers(["100 SEK", "100 NOK"]).mixed_currencies


def test_blank_cells_are_told_apart_from_bad_ones():
    parsed = parse_numbers(["", "  ", None, "7", "x"])
    assert parsed.blank.tolist() == [True, True, True, False, False]
    assert parsed.invalid.tolist() == [4]


def test_a_big_column_is_decided_by_all_of_its_cells():
    # The first 20,000 cells say decimal point ("1,234.5"), the 30,000 after them decimal comma:
    # the column is decided by every cell, not by its beginning.
    cells = ["1,234.5"] * 20_000 + ["7,25"] * 30_000
    parsed = parse_numbers(cells)
    assert parsed.decimal == ","
    assert len(parsed.invalid) == 20_000
    cells = ["1,234.5"] * 20_000 + ["7,25"] * 3
    parsed = parse_numbers(cells)
    assert parsed.decimal == "." and parsed.invalid.tolist() == [20_000, 20_001, 20_002]


# --- large columns: the quick way for a column of plain amounts gives what the full way gives --
LARGE = 25_000  # above numbers.SAMPLE_CELLS, where the quick way starts


@settings(max_examples=15, deadline=None)
@given(
    st.sampled_from(["nb_NO", "en_US", "de_DE", "de_CH", "sv_SE"]),
    st.lists(st.integers(-(10**11), 10**11), min_size=1, max_size=50),
    st.integers(0, LARGE - 1),
    st.sampled_from([None, "ca. 5", "12,5 %", "−7", " 1 234 ", "1.2.3", "12\n34", ""]),
)
def test_a_large_column_reads_as_its_cells_say(locale, cents, position, odd):
    values = [Decimal(cents[i % len(cents)]) / 100 for i in range(LARGE)]
    shown = {v: format_decimal(v, locale=locale, decimal_quantization=False) for v in set(values)}
    cells = [shown[v] for v in values]
    cells[position] = None if odd is None else odd
    found = parse_numbers(cells)
    small = parse_numbers([*cells[:200], cells[position]])  # the full way: a small column
    expected = np.array([float(v) for v in values])
    expected[position] = small.values[-1]
    assert np.array_equal(found.values, expected, equal_nan=True)
    assert found.invalid.tolist() == ([position] if 200 in small.invalid else [])
    assert found.blank[position] == small.blank[-1]
    assert found.decimal == small.decimal
