"""Order lines -> one row per account, for an analysis period.

The default period is the 12 months ending on the latest order date in the file (dates after
latest − 12 months); ``revenue_prev`` covers the 12 months before that. ``period="all"`` uses the
whole file (no ``revenue_prev``); ``"START:END"`` or a ``(start, end)`` pair sets the window (both
ends included; an open end, ``"2025-01-01:"``, runs to the file's first or last date) and
``revenue_prev`` is an equally long window just before it.

Per account: ``revenue`` is the sum of amounts in the period (credit notes included),
``gross_profit`` the sum of profit, or of amount − cost when the file has cost instead; the other
added-up columns (concessions, visits, ...) are summed too. The name, owner, segment and region
are each the most frequent value of the account's lines in the period (the latest on ties).
Accounts with no line in the period are left out. When the lines cover less of the period than
it spans (they start, or end, more than a month inside it: five months of orders in a 12-month
period), a warning names their first and last dates and the months they cover; the period stays
as the rule above says, so two files are always compared over the same window.
``previous_accounts`` gives the same table for the period before (the accounts with a line there),
to compare two periods.

``months_as_customer`` (not a column of the file: made from it) is the months from the account's
first line in the file to the end of the period; it is blank when that first line is in the
file's first month, since the account may have bought before the file starts. The time plan
marks an account new when it is under 6 months.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from workbook import formatting
from workbook.errors import AccountDataError, Problem, SettingsError
from workbook.i18n import _, ngettext
from workbook.loading.aliases import ADDED_UP

TEXT = ("account", "owner", "segment", "region")
#: Lines that start (or end) within this much of the period's ends cover the whole period.
SLACK = pd.Timedelta(days=31)
DAYS_PER_MONTH = 365.25 / 12
#: The columns made from the order lines that an account list does not have.
DERIVED = ("months_as_customer",)


@dataclass(frozen=True)
class Window:
    """The analysis period and the one before it (both ends included; no previous for "all")."""

    start: pd.Timestamp
    end: pd.Timestamp
    prev_start: pd.Timestamp | None = None
    prev_end: pd.Timestamp | None = None


def resolve_period(
    period, first: pd.Timestamp, last: pd.Timestamp, *, file: str | None = None
) -> Window:
    """Return the analysis window for order lines dated from ``first`` to ``last``.

    Parameters
    ----------
    period : None, "all", "START:END" or (start, end)
        None: the 12 months ending on ``last``.
    first, last : pandas.Timestamp
        The earliest and latest order dates in the file.
    file : str, optional
        The file's name, for messages.

    Returns
    -------
    Window

    Examples
    --------
    >>> w = resolve_period(None, pd.Timestamp("2024-11-01"), pd.Timestamp("2026-10-31"))
    >>> [str(d.date()) for d in (w.start, w.end, w.prev_start, w.prev_end)]
    ['2025-11-01', '2026-10-31', '2024-11-01', '2025-10-31']
    >>> w = resolve_period("2025-01-01:2025-03-31", pd.Timestamp("2024-01-01"),
    ...                    pd.Timestamp("2026-01-01"))
    >>> [str(d.date()) for d in (w.prev_start, w.prev_end)]
    ['2024-10-01', '2024-12-31']
    """
    if period is None:
        start = last - pd.DateOffset(months=12) + pd.Timedelta(days=1)
        return Window(
            start,
            last,
            last - pd.DateOffset(months=24) + pd.Timedelta(days=1),
            start - pd.Timedelta(days=1),
        )
    if isinstance(period, str) and period.strip().casefold() == "all":
        return Window(first, last)
    start, end = _period_ends(period, file)
    start = first if start is None else start
    end = last if end is None else end
    if end < start:
        raise SettingsError(
            _("the period {start} to {end} ends before it starts").format(
                start=formatting.day(start), end=formatting.day(end)
            ),
            setting="period",
        )
    months = _whole_months(start, end)
    if months:
        prev_start = start - pd.DateOffset(months=months)
    else:
        prev_start = start - (end - start) - pd.Timedelta(days=1)
    return Window(start, end, prev_start, start - pd.Timedelta(days=1))


def _period_ends(period, file) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    if isinstance(period, str):
        parts = period.split(":") if period.count(":") == 1 else None
        if parts is None and period.count("/") == 1:
            parts = period.split("/")
    elif isinstance(period, tuple | list) and len(period) == 2:
        parts = list(period)
    else:
        parts = None
    if parts is None:
        raise SettingsError(
            _(
                'the period "{period}" is not understood: write START:END with ISO dates, e.g. '
                '2025-01-01:2025-12-31, or "all"'
            ).format(period=period),
            setting="period",
        )
    ends = []
    for part in parts:
        if part is None or (isinstance(part, str) and not part.strip()):
            ends.append(None)
            continue
        try:
            ends.append(pd.Timestamp(part.strip() if isinstance(part, str) else part).normalize())
        except (ValueError, TypeError):
            raise SettingsError(
                _('the period "{period}": "{part}" is not a date (write it as 2025-01-31)').format(
                    period=period, part=part
                ),
                setting="period",
            ) from None
    return ends[0], ends[1]


def _whole_months(start: pd.Timestamp, end: pd.Timestamp) -> int:
    """Return N when start..end is exactly N calendar months, else 0."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    fits = start + pd.DateOffset(months=months) - pd.Timedelta(days=1) == end
    return months if months > 0 and fits else 0


def aggregate_orders(
    lines: pd.DataFrame, window: Window, *, file: str | None = None
) -> tuple[pd.DataFrame, list[str]]:
    """Return one row per account with a line in the window, and warnings.

    Parameters
    ----------
    lines : pandas.DataFrame
        Order lines with ``account_id``, ``date`` (datetime64) and ``revenue``; optionally
        ``account``, ``gross_profit`` or ``cost``, ``owner``, ``segment``, ``region`` and the
        other added-up columns.
    window : Window
        The period (see ``resolve_period``).
    file : str, optional
        The file's name, for messages.

    Returns
    -------
    tuple of (pandas.DataFrame, list of str)

    Examples
    --------
    >>> lines = pd.DataFrame({
    ...     "account_id": ["1", "1", "2", "3", "1"],
    ...     "account": ["Fjord AS", "Fjord AS", "Berg AS", "Lys AS", "Fjord AS"],
    ...     "date": pd.to_datetime(["2025-02-01", "2025-03-01", "2025-03-05", "2023-06-01",
    ...                             "2023-09-01"]),
    ...     "revenue": [100.0, -20.0, 50.0, 70.0, 40.0], "cost": [60.0, -12.0, 30.0, 40.0, 20.0]})
    >>> w = resolve_period(None, lines["date"].min(), lines["date"].max())
    >>> accounts, _ = aggregate_orders(lines, w)
    >>> accounts[["account_id", "account", "revenue", "gross_profit", "revenue_prev"]]
      account_id   account  revenue  gross_profit  revenue_prev
    0          1  Fjord AS     80.0          32.0          40.0
    1          2   Berg AS     50.0          20.0           0.0
    """
    warnings: list[str] = []
    lines = lines.sort_values("date", kind="stable")
    if "gross_profit" not in lines.columns and "cost" in lines.columns:
        lines = lines.assign(gross_profit=lines["revenue"] - lines["cost"])
    dates = lines["date"]
    current = lines[(dates >= window.start) & (dates <= window.end)]
    if current.empty:
        raise AccountDataError(
            Problem(
                _(
                    "has no order lines from {start} to {end} (its dates run from {first} to "
                    "{last})"
                ).format(
                    start=formatting.day(window.start),
                    end=formatting.day(window.end),
                    first=formatting.day(dates.min()),
                    last=formatting.day(dates.max()),
                ),
                file=file,
                code="empty_period",
            )
        )
    shorter = coverage_warning(current["date"].min(), current["date"].max(), window, file)
    if shorter:
        warnings.append(shorter)
    groups = current.groupby("account_id", sort=False)
    summed = [c for c in ADDED_UP if c in current.columns]
    accounts = groups[summed].sum()
    for name in TEXT:
        if name in current.columns:
            accounts[name] = most_frequent(current, "account_id", name).reindex(accounts.index)
    if window.prev_start is not None:
        before = lines[(dates >= window.prev_start) & (dates <= window.prev_end)]
        if before.empty:
            warnings.append(
                _(
                    "{file}: no order lines from {start} to {end}, so there is no revenue_prev "
                    "(growth) column."
                ).format(
                    file=file,
                    start=formatting.day(window.prev_start),
                    end=formatting.day(window.prev_end),
                )
            )
        else:
            prev = before.groupby("account_id", sort=False)["revenue"].sum()
            accounts["revenue_prev"] = prev.reindex(accounts.index).fillna(0.0)
            if dates.min() > window.prev_start + pd.Timedelta(days=31):
                warnings.append(
                    _(
                        "{file}: the order lines start on {first}, so revenue_prev covers only "
                        "part of {start} to {end}."
                    ).format(
                        file=file,
                        first=formatting.day(dates.min()),
                        start=formatting.day(window.prev_start),
                        end=formatting.day(window.prev_end),
                    )
                )
    accounts["months_as_customer"] = months_as_customer(lines, window).reindex(accounts.index)
    left_out = lines.loc[~lines["account_id"].isin(accounts.index), "account_id"].nunique()
    if left_out:
        warnings.append(
            ngettext(
                "{file}: {n} account with order lines only outside {start} to {end} is left out.",
                "{file}: {n} accounts with order lines only outside {start} to {end} are left out.",
                left_out,
            ).format(
                file=file,
                n=formatting.number(left_out),
                start=formatting.day(window.start),
                end=formatting.day(window.end),
            )
        )
    return accounts.reset_index(), warnings


def coverage_warning(
    first: pd.Timestamp, last: pd.Timestamp, window: Window, file: str | None = None
) -> str | None:
    """Say that the order lines cover less than the period, or return None when they cover it.

    Examples
    --------
    >>> w = resolve_period(None, pd.Timestamp("2026-06-03"), pd.Timestamp("2026-10-31"))
    >>> print(coverage_warning(pd.Timestamp("2026-06-03"), pd.Timestamp("2026-10-31"), w, "o.csv"))
    o.csv: the order lines cover only 5 months (3 Jun 2026 to 31 Oct 2026) of the period
    1 Nov 2025 to 31 Oct 2026: revenue and every figure built on it are for those 5 months,
    not the whole period.
    >>> coverage_warning(pd.Timestamp("2025-11-20"), pd.Timestamp("2026-10-31"), w) is None
    True
    """
    if first <= window.start + SLACK and last >= window.end - SLACK:
        return None
    days = (min(last, window.end) - max(first, window.start)).days + 1
    months = max(1, round(days / DAYS_PER_MONTH))
    span = ngettext("{n} month", "{n} months", months).format(n=formatting.number(months))
    return _(
        "{file}: the order lines cover only {months} ({first} to {last}) of the period {start} "
        "to {end}: revenue and every figure built on it are for those {months}, not the whole "
        "period."
    ).format(
        file=file,
        months=span,
        first=formatting.day(max(first, window.start)),
        last=formatting.day(min(last, window.end)),
        start=formatting.day(window.start),
        end=formatting.day(window.end),
    )


def previous_accounts(
    lines: pd.DataFrame, window: Window, *, file: str | None = None
) -> pd.DataFrame | None:
    """Return one row per account with a line in the period before ``window``, as
    :func:`aggregate_orders` adds them up; None when there is no such period or no line in it.

    Examples
    --------
    >>> lines = pd.DataFrame({
    ...     "account_id": ["1", "2", "1", "3"], "account": ["Fjord AS", "Berg AS", "Fjord AS",
    ...                                                     "Lys AS"],
    ...     "date": pd.to_datetime(["2024-03-01", "2024-01-15", "2025-02-01", "2025-03-01"]),
    ...     "revenue": [40.0, 25.0, 100.0, 70.0]})
    >>> w = resolve_period(None, lines["date"].min(), lines["date"].max())
    >>> previous_accounts(lines, w)[["account_id", "account", "revenue"]]
      account_id   account  revenue
    0          2   Berg AS     25.0
    1          1  Fjord AS     40.0
    """
    if window.prev_start is None:
        return None
    dates = lines["date"]
    before = lines[((dates >= window.prev_start) & (dates <= window.prev_end)).to_numpy()]
    if before.empty:
        return None
    accounts, _warnings = aggregate_orders(
        before, Window(window.prev_start, window.prev_end), file=file
    )
    return accounts


def months_as_customer(lines: pd.DataFrame, window: Window) -> pd.Series:
    """Return the months from each account's first order line to the end of the period (one
    decimal), blank for the accounts whose first line is in the file's first month.

    Examples
    --------
    >>> lines = pd.DataFrame({"account_id": ["1", "2", "2", "3"],
    ...                       "date": pd.to_datetime(["2025-01-10", "2025-03-01", "2025-12-01",
    ...                                               "2025-10-01"])})
    >>> w = resolve_period(None, lines["date"].min(), pd.Timestamp("2025-12-31"))
    >>> months_as_customer(lines, w).to_dict()
    {'1': nan, '2': 10.0, '3': 3.0}
    """
    first = lines.groupby("account_id", sort=False)["date"].min()
    months = ((window.end - first).dt.days / DAYS_PER_MONTH).round(1)
    return months.where(first > lines["date"].min() + pd.Timedelta(days=31))


def most_frequent(frame: pd.DataFrame, key: str, column: str) -> pd.Series:
    """Return each key's most frequent non-blank value of ``column`` (the last one on ties).

    Examples
    --------
    >>> lines = pd.DataFrame({"id": ["1", "1", "1", "2"], "owner": ["Ann", "Bo", "Bo", "Cy"]})
    >>> most_frequent(lines, "id", "owner").sort_index().to_dict()
    {'1': 'Bo', '2': 'Cy'}
    >>> most_frequent(pd.DataFrame({"id": ["1", "1"], "owner": ["Ann", "Bo"]}), "id", "owner")["1"]
    'Bo'
    """
    values = frame[[key, column]].dropna()
    values = values.assign(_order=np.arange(len(values)))
    counts = values.groupby([key, column], sort=False)["_order"].agg(["size", "max"]).reset_index()
    best = counts.sort_values(["size", "max"], kind="stable").drop_duplicates(key, keep="last")
    return best.set_index(key)[column]
