"""Numbers, money, shares, hours and dates written the way the current language writes them.

Every surface (the app, the notebooks, the report, the command line and the exports) formats
through these functions, with Babel and the locale of ``workbook.i18n.language()``: English
``1,234,567.89``, ``77%``, ``29 Dec 2025``; Norwegian ``1 234 567,89``, ``77 %``, ``29. des. 2025``.

Examples
--------
>>> from workbook.i18n import use_language
>>> number(1234567.891), share(0.7745), hours(1.5), day(dt.date(2025, 12, 29))
('1,234,568', '77%', '1.5 h', '29 Dec 2025')
>>> with use_language("nb"):
...     number(1234567.891), share(0.7745), hours(1.5), day(dt.date(2025, 12, 29))
('1\\xa0234\\xa0568', '77\\xa0%', '1,5 t', '29. des. 2025')
"""

from __future__ import annotations

import datetime as dt
import math
import re

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers

from workbook.i18n import _, locale


def _finite(value) -> bool:
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return False


def _pattern(kind: str, name: str | None = None) -> str:
    """Return the locale's own pattern of ``kind`` (where the % or the currency goes)."""
    return getattr(Locale.parse(locale()), kind)[name].pattern.split(";")[0]


def _with_decimals(pattern: str, digits: int) -> str:
    """Return ``pattern`` with exactly ``digits`` decimals."""
    return re.sub(r"0(\.0+)?", "0" + ("." + "0" * digits if digits > 0 else ""), pattern, count=1)


def number(value: float, digits: int = 0, *, blank: str = "–") -> str:
    """Return ``value`` with the locale's separators and at most ``digits`` decimals.

    Trailing zeros are left out (``1.5``, not ``1.50``); a value that is not a finite number
    is written as ``blank``.

    Examples
    --------
    >>> number(1104.0), number(0.8333, 1), number(2.0, 1), number(0.775, 2), number(None)
    ('1,104', '0.8', '2', '0.78', '–')
    """
    if not _finite(value):
        return blank
    pattern = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    text = babel_numbers.format_decimal(float(value), format=pattern, locale=locale())
    return "0" if text in ("-0", "\u22120") else text


def fixed(value: float, digits: int = 2, *, blank: str = "–") -> str:
    """Return ``value`` with exactly ``digits`` decimals (a score: ``0.50``).

    Examples
    --------
    >>> fixed(0.5), fixed(0.6666)
    ('0.50', '0.67')
    """
    if not _finite(value):
        return blank
    pattern = "#,##0" + ("." + "0" * digits if digits > 0 else "")
    return babel_numbers.format_decimal(float(value), format=pattern, locale=locale())


def share(value: float, digits: int = 0, *, blank: str = "–") -> str:
    """Return a share (0.77) as a percentage (``77%``), never ``-0%``.

    Examples
    --------
    >>> share(0.7745), share(0.7745, 1), share(-0.0001), share(float("nan"))
    ('77%', '77.5%', '0%', '–')
    """
    if not _finite(value):
        return blank
    value = float(value)
    if round(value * 100, digits) == 0:
        value = 0.0
    return babel_numbers.format_percent(
        value, format=_with_decimals(_pattern("percent_formats"), digits), locale=locale()
    )


def points(value: float) -> str:
    """Return a difference of two shares in percentage points (``12 points``).

    Examples
    --------
    >>> points(0.123), points(-0.02)
    ('12 points', '2 points')
    """
    return _("{n} points").format(n=number(abs(float(value)) * 100))


def money(value: float, currency: str | None = None, digits: int = 0, *, blank: str = "–") -> str:
    """Return an amount: with its currency when the data says which, else as a plain number.

    Examples
    --------
    >>> from workbook.i18n import use_language
    >>> money(1234567.4), money(1234.6, "NOK")
    ('1,234,567', 'NOK1,235')
    >>> with use_language("nb"):
    ...     money(1234.6, "NOK")
    '1\xa0235\xa0kr'

    """
    if not _finite(value):
        return blank
    if not currency:
        return number(value, digits)
    pattern = _with_decimals(_pattern("currency_formats", "standard"), digits)
    return babel_numbers.format_currency(
        float(value), currency, format=pattern, locale=locale(), currency_digits=False
    )


def hours(value: float, digits: int = 1, *, blank: str = "–") -> str:
    """Return hours with the locale's unit (``1.5 h``, ``1,5 t``).

    Examples
    --------
    >>> hours(1104.0), hours(22.15)
    ('1,104 h', '22.2 h')
    """
    if not _finite(value):
        return blank
    return _("{hours} h").format(hours=number(value, digits))


def day(value: dt.date | dt.datetime, *, long: bool = False, blank: str = "–") -> str:
    """Return a date as the locale writes it in a sentence (``29 Dec 2025``, ``29. des. 2025``;
    ``long``: ``29 December 2025``, ``29. desember 2025``).

    Examples
    --------
    >>> day(dt.datetime(2026, 5, 17, 9, 30)), day(dt.date(2026, 11, 2), long=True)
    ('17 May 2026', '2 November 2026')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return blank
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        value = value.date()
    return babel_dates.format_date(value, format="long" if long else "medium", locale=locale())


def period(start: dt.date | dt.datetime, end: dt.date | dt.datetime) -> str:
    """Return a period from its first to its last day (``1 Nov 2024 – 31 Oct 2025``).

    Examples
    --------
    >>> period(dt.date(2024, 11, 1), dt.date(2025, 10, 31))
    '1 Nov 2024 – 31 Oct 2025'
    """
    return _("{start} – {end}").format(start=day(start), end=day(end))


def listing(items: list[str], *, limit: int | None = None) -> str:
    """Return names as a list in a sentence: ``A, B and C`` (``and 3 more`` past ``limit``).

    Examples
    --------
    >>> listing(["Fjordbakeri AS"]), listing(["A", "B", "C"]), listing(["A", "B", "C"], limit=2)
    ('Fjordbakeri AS', 'A, B and C', 'A, B and 1 more')
    """
    items = [str(item) for item in items]
    if limit is not None and len(items) > limit:
        rest = len(items) - limit
        items = [*items[:limit], _("{n} more").format(n=number(rest))]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return _("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def chart_locale() -> dict:
    """Return the current language's number and date formats for the charts (Vega's ``locale``).

    The charts format their own axis labels, tooltips and text marks (``,.0f``, ``.0%``, ``%b``);
    this gives them the same separators, per cent sign and month names as the sentences, from
    the same Babel data.

    Examples
    --------
    >>> from workbook.i18n import use_language
    >>> with use_language("nb"):
    ...     spec = chart_locale()
    >>> spec["number"]["decimal"], spec["number"]["thousands"], spec["number"]["percent"]
    (',', '\\xa0', '\\xa0%')
    >>> spec["time"]["shortMonths"][11]
    'des.'
    """
    place = Locale.parse(locale())
    percent = babel_numbers.format_percent(0.5, locale=place)  # where the locale puts its %
    months = babel_dates.get_month_names("wide", locale=place)
    short_months = babel_dates.get_month_names("abbreviated", locale=place)
    days = babel_dates.get_day_names("wide", locale=place)
    short_days = babel_dates.get_day_names("abbreviated", locale=place)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # d3 counts the days from Sunday, Babel from Monday
    return {
        "number": {
            "decimal": babel_numbers.get_decimal_symbol(place),
            "thousands": babel_numbers.get_group_symbol(place),
            "grouping": [3],
            "currency": ["", ""],  # amounts are shown as plain numbers (see money)
            "percent": percent.replace("50", ""),
            "minus": babel_numbers.get_minus_sign_symbol(place),
        },
        "time": {
            "dateTime": "%x %X",
            "date": "%d.%m.%Y" if place.language == "nb" else "%m/%d/%Y",
            "time": "%H:%M:%S",
            "periods": ["AM", "PM"],
            "days": [days[i] for i in sunday_first],
            "shortDays": [short_days[i] for i in sunday_first],
            "months": [months[i] for i in range(1, 13)],
            "shortMonths": [short_months[i] for i in range(1, 13)],
        },
    }
